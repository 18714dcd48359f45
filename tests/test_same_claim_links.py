"""Same-claim link precision on real text (issue 14): the judged links of bench/gold/links/.

The fixture holds every same-claim link the matcher made on the 84 PolNeAR dev articles when it
was last judged (37 links in session 10, fewer than the 100 the issue asked for), stand-off: each claim is (doc_id,
start, end) in the article text, with the judge's verdict; bench/gold/links/README.md gives the
guidelines. The articles are not in the repository (copyrighted): the tests that need them skip
unless ../shared/eval/polnear/dev.jsonl exists next to the repository.

The precision tests ingest the 84 articles into a temporary store (about 10 s of CPU; 30 s on a
busy machine), read the claims and link them as the product does (bench/judge_links.py). They
test link precision only: which links hold a cluster together is not their business.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "bench" / "gold" / "links" / "same_claim_links.jsonl"
DEV = REPO.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
TARGET = 0.90  # issue 14
BASELINE = 32 / 37  # judged when the fixture was made: the matcher must not get worse on these links

needs_dev = pytest.mark.skipif(not DEV.exists(), reason=f"PolNeAR dev articles not found at {DEV} "
                               "(copyrighted, not shipped; CI may not have them)")


def _judge_links():
    spec = importlib.util.spec_from_file_location("judge_links", REPO / "bench" / "judge_links.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["judge_links"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


jl = _judge_links()


def _rows() -> list[dict]:
    return jl.read_fixture(FIXTURE)


def test_fixture_is_well_formed():
    rows = _rows()
    assert len(rows) >= 30  # every link the matcher made on dev when judged (37)
    assert all(set(r) == set(jl.FIELDS) for r in rows)
    assert jl.record_problems(rows) == []


@needs_dev
def test_fixture_points_into_the_articles_and_copies_none_of_them():
    docs = jl.load_dev(DEV)
    for r in _rows():
        texts = []
        for side in ("a", "b"):
            doc = docs.get(r[f"doc_id_{side}"])
            assert doc is not None, r[f"doc_id_{side}"]
            assert r[f"end_{side}"] <= len(doc["text"])
            texts.append(doc["text"])
        assert not jl.copied_text(r["note"], texts), "a note repeats article text"


@pytest.fixture(scope="module")
def links():
    if not DEV.exists():
        pytest.skip(f"PolNeAR dev articles not found at {DEV}")
    made, claims = jl.compute_links(jl.load_dev(DEV), workers=1)
    return made, claims


@needs_dev
@pytest.mark.slow
def test_judged_claims_are_found_again(links):
    """The judged claims are still claims (the offsets find them); a judged link the matcher no
    longer makes is fine (it is reported by --score, not counted)."""
    _, claims = links
    lost = [(r[f"doc_id_{s}"], r[f"start_{s}"], r[f"end_{s}"]) for r in _rows() for s in ("a", "b")
            if (r[f"doc_id_{s}"], r[f"start_{s}"], r[f"end_{s}"]) not in claims]
    # an extractor change may move a few claims; most must stay, or the fixture measures nothing
    assert len(lost) <= 0.2 * 2 * len(_rows()), f"judged claims the extractor no longer makes (re-judge): {lost[:5]}"


@needs_dev
@pytest.mark.slow
def test_link_precision_not_below_baseline(links):
    result = jl.score_fixture(_rows(), links[0])
    assert result["still_made"] > 0
    assert result["precision"] >= BASELINE - 1e-9, result


@needs_dev
@pytest.mark.slow
def test_link_precision_meets_target(links):
    """First judged 31/51; 29/32 once _match refused disagreeing numbers and short texts (changes
    these same links suggested); 32/37 after the session-10 tagger moved the claims and 8 new links
    were judged; 31/34 in session 11, when every link the matcher makes had been judged (two wrong
    ones and a right one gone with the claims they joined). The fresh sample from PolNeAR train
    (bench/gold/links/README.md) is the honest check."""
    result = jl.score_fixture(_rows(), links[0])
    assert result["still_made"] >= 10, "too few judged links still made: judge the new ones"
    assert result["precision"] >= TARGET, result


def test_a_note_that_copies_six_words_of_an_article_is_caught():
    article = "The port authority said forty ships were delayed on Monday by the storm."
    assert jl.copied_text("ships were delayed on Monday by fog", [article]) == ["ships were delayed on monday by"]
    assert jl.copied_text("a storm delayed many ships that day", [article]) == []


def test_the_fixture_check_finds_a_pair_judged_twice_and_a_wrong_link_without_reason():
    row = {"doc_id_a": "d1", "start_a": 0, "end_a": 5, "doc_id_b": "d2", "start_b": 3, "end_b": 9,
           "score": 0.5, "correct": False, "note": ""}
    problems = jl.record_problems([row, dict(row, note="x")])
    assert any("needs its reason" in p for p in problems) and any("judged twice" in p for p in problems)
