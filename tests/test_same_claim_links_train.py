"""Same-claim link precision on articles nobody tuned on (issue 14): the judged train sample.

bench/gold/links/same_claim_links_train.jsonl holds 100 links drawn at random (seed 14) from the
502 the matcher made on the first 300 PolNeAR train articles by doc_id, judged by the guidelines
in bench/gold/links/README.md; stand-off, like the dev fixture (test_same_claim_links.py), with
the split in every row and the slice in a header comment. The dev links suggested the matcher's
last changes; these did not, so their precision (89/100 when judged) is the honest figure.
Most of those links join verbatim copies (a boilerplate note, two versions of one story), and only
13 of the 502 join articles of different outlets: same_claim_links_train_cross_outlet.jsonl
judges all 13 (8 correct), the harder case the random sample barely reaches.

The articles are not in the repository (copyrighted): the tests that need them skip unless
../shared/eval/polnear/train.jsonl exists next to the repository.

Ingesting the whole slice as `judge_links.py --score` does takes about 40 s of CPU (80-90 s on a
busy 2-core machine), too slow for the test suite. The precision tests ingest only the
articles the judged links point into (62; about 13 s of CPU). That scores the judged links exactly as
the full slice does: extraction is per article, `_match` compares two claims alone, and a
smaller corpus only makes candidate blocks smaller (a block over BLOCK_LIMIT claims is skipped),
so a link made on the slice is made on the subset too. Links the subset adds are not judged and
not counted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "bench" / "gold" / "links" / "same_claim_links_train.jsonl"
CROSS = REPO / "bench" / "gold" / "links" / "same_claim_links_train_cross_outlet.jsonl"
TRAIN = REPO.parent / "shared" / "eval" / "polnear" / "train.jsonl"
MEASURED = 89 / 100  # judged when the fixture was made (README)
MEASURED_CROSS = 8 / 13
FIXTURES = {FIXTURE: (100, MEASURED), CROSS: (13, MEASURED_CROSS)}

needs_train = pytest.mark.skipif(not TRAIN.exists(), reason=f"PolNeAR train articles not found at {TRAIN} "
                                 "(copyrighted, not shipped; CI may not have them)")


from test_same_claim_links import jl  # noqa: E402  (bench/judge_links.py, loaded once)


def _rows(path: Path = FIXTURE) -> list[dict]:
    return jl.read_fixture(path)


def _sides(r: dict):
    return [(r[f"doc_id_{s}"], r[f"start_{s}"], r[f"end_{s}"]) for s in ("a", "b")]


@pytest.mark.parametrize("path", list(FIXTURES), ids=lambda p: p.stem)
def test_fixture_is_well_formed(path):
    rows = _rows(path)
    size, measured = FIXTURES[path]
    assert len(rows) == size
    sel = jl.fixture_selection(path)
    assert sel == {"split": "train", "offset": 0, "limit": 300}
    assert all(set(r) == set(jl.FIELDS) | {"split"} and r["split"] == "train" for r in rows)
    assert jl.record_problems(rows) == []
    assert sum(r["correct"] for r in rows) / len(rows) == pytest.approx(measured)


def test_headers_carry_the_selection_and_no_text():
    """Each header comment is the selection and its counts: numbers and the split name only."""
    slice_ = {"split": "train", "offset": 0, "limit": 300, "articles": 300, "claims": 6695, "links": 502}
    heads = {}
    for path in FIXTURES:
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert len(head) == 1
        heads[path] = json.loads(head[0][1:])
    assert heads[FIXTURE] == {**slice_, "sample": 100, "seed": 14}
    assert heads[CROSS] == {**slice_, "sample": 13, "seed": None,
                            "selection": "every link between articles of different outlets"}


def test_shared_links_agree():
    """A link in both fixtures has one verdict."""
    main = {jl.pair_key(*_sides(r)): r["correct"] for r in _rows(FIXTURE)}
    shared = [(jl.pair_key(*_sides(r)), r["correct"]) for r in _rows(CROSS) if jl.pair_key(*_sides(r)) in main]
    assert len(shared) == 2
    assert all(main[key] == verdict for key, verdict in shared)


def test_selection_is_a_slice_by_doc_id(tmp_path):
    docs = {d: {"doc_id": d} for d in ("c", "a", "d", "b")}
    assert list(jl.select(docs)) == ["a", "b", "c", "d"]
    assert list(jl.select(docs, 1, 2)) == ["b", "c"]
    assert list(jl.select(docs, 3, 10)) == ["d"]
    plain = tmp_path / "plain.jsonl"  # no header, no split: the dev fixture's form
    row = dict(zip(jl.FIELDS, ("x", 0, 5, "y", 0, 5, 1.0, True, "")))
    plain.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert jl.fixture_selection(plain) == {"split": "dev", "offset": 0, "limit": None}
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('# {"split": "train", "offset": 5, "limit": 7}\n' + json.dumps({**row, "split": "dev"}) + "\n",
                     encoding="utf-8")
    with pytest.raises(ValueError):
        jl.fixture_selection(mixed)
    with pytest.raises(ValueError):
        jl.split_path("test")  # the held-out split is never read


@needs_train
@pytest.mark.parametrize("path", list(FIXTURES), ids=lambda p: p.stem)
def test_fixture_points_into_the_articles_and_copies_none_of_them(path):
    docs = jl.load_split("train")
    chosen = set(jl.load_split("train", 0, 300))
    for r in _rows(path):
        texts = []
        for doc_id, _, end in _sides(r):
            assert doc_id in chosen, f"{doc_id} is not among the first 300 train articles"
            assert end <= len(docs[doc_id]["text"])
            texts.append(docs[doc_id]["text"])
        assert not jl.copied_text(r["note"], texts), "a note repeats article text"


@pytest.fixture(scope="module")
def judged_articles_links():
    if not TRAIN.exists():
        pytest.skip(f"PolNeAR train articles not found at {TRAIN}")
    named = {doc for path in FIXTURES for r in _rows(path) for doc, _, _ in _sides(r)}
    docs = {d: v for d, v in jl.load_split("train").items() if d in named}
    return jl.compute_links(docs, workers=1)


@needs_train
@pytest.mark.slow
def test_judged_claims_are_found_again(judged_articles_links):
    _, claims = judged_articles_links
    rows = [r for path in FIXTURES for r in _rows(path)]
    lost = [side for r in rows for side in _sides(r) if side not in claims]
    assert len(lost) <= 0.2 * 2 * len(rows), f"judged claims the extractor no longer makes (re-judge): {lost[:5]}"


@needs_train
@pytest.mark.slow
def test_link_precision_on_unseen_articles_not_below_measured(judged_articles_links):
    """89/100 when judged (across articles 69/78, inside one article 20/22). A matcher change
    that drops wrong links raises it; one that makes the judged wrong links again, or loses the
    right ones, shows here. Links no longer made are not counted (judge_links.py --score lists them)."""
    result = jl.score_fixture(_rows(), judged_articles_links[0])
    assert result["still_made"] >= 50, "too few judged links still made: judge a fresh sample"
    assert result["precision"] >= MEASURED - 1e-9, result


@needs_train
@pytest.mark.slow
def test_cross_outlet_link_precision_not_below_measured(judged_articles_links):
    """8/13 when judged: every link the matcher made between two outlets' articles in the slice.
    Far below the random sample's figure, and this is where a wrong link fakes independent support."""
    result = jl.score_fixture(_rows(CROSS), judged_articles_links[0])
    assert result["still_made"] >= 5, "too few judged links still made: judge the new ones"
    assert result["precision"] >= MEASURED_CROSS - 1e-9, result
