#!/usr/bin/env python3
"""Judge and score provgraph's same-claim links on real text (PolNeAR articles: the 84 dev ones, or a slice of train).

Why: a wrong same-claim link fakes corroboration (two reports of one claim count as independent
support), so the links the matcher makes must be right far more often than not. The dev articles
cover one campaign and repeat many facts across outlets: a real test of `_match`.

The articles are ingested as a user would ingest them (text as .txt, a .meta.json sidecar: title =
first line, outlet = publisher, published = publication date; see bench/eval_flags.py), in a
temporary folder and store deleted on exit. The claims are read as the product reads them
(`read_claims`, sources canonicalised as `_analyse` does) and linked with `match_claims`, exactly
as the product links them (every link, before the spanning forest picks a cluster's tree).

Each claim is named stand-off, by (doc_id, start, end): its content span in the article text (the
claim IRI ends in "<article key>/<start>-<end>"; the key is the article text's content hash).
Nothing of the articles is written anywhere but the temporary folder; claim texts are printed to
the terminal only (--sample, --show).

Articles: a PolNeAR split (--split dev|train, default dev), sorted by doc_id; --offset K --limit N
take the contiguous slice [K, K+N) of that order (a mechanical choice, nobody picks articles). The
slice matters beyond its articles: a matching block larger than BLOCK_LIMIT claims is skipped, so
the links between two articles can depend on the others ingested with them. A template therefore
records its split in every row ("split") and the whole selection in a header comment
(`# {"split": ..., "offset": ..., "limit": ...}`); --score reads both and ingests the same slice.
A fixture without them (bench/gold/links/same_claim_links.jsonl) is all 84 dev articles.

Usage:
  python bench/judge_links.py                         # count the links
  python bench/judge_links.py --sample 100 --seed 14  # a reproducible sample to judge (terminal)
  python bench/judge_links.py --sample 100 --seed 14 --template OUT.jsonl
                                                      # ... and its stand-off rows, correct/note empty
  python bench/judge_links.py --score bench/gold/links/same_claim_links.jsonl [--show]
  python bench/judge_links.py --split train --limit 300 --sample 100 --seed 14 --template OUT.jsonl
  python bench/judge_links.py --score bench/gold/links/same_claim_links_train.jsonl
                                                      # split and slice read from the fixture
"""

from __future__ import annotations

import argparse
import json
import re
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "eval" / "polnear"
SPLITS = ("dev", "train")  # never the test split: it is held out
DEV = POLNEAR / "dev.jsonl"
TRAIN = POLNEAR / "train.jsonl"
OUTLETS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
           "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "Western Journal"}
FIELDS = ("doc_id_a", "start_a", "end_a", "doc_id_b", "start_b", "end_b", "score", "correct", "note")
OPTIONAL = ("split",)  # the PolNeAR split of both articles; absent: dev

Span = tuple[str, int, int]  # (doc_id, start, end)


@dataclass
class Link:
    a: Span
    b: Span
    score: float
    reason: str


def load_dev(path: Path = DEV) -> dict[str, dict]:
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs[d["doc_id"]] = d
    return docs


def split_path(split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: one of {SPLITS}")
    return POLNEAR / f"{split}.jsonl"


def select(docs: dict[str, dict], offset: int = 0, limit: int | None = None) -> dict[str, dict]:
    """The contiguous slice [offset, offset + limit) of the articles sorted by doc_id."""
    ids = sorted(docs)[offset:None if limit is None else offset + limit]
    return {i: docs[i] for i in ids}


def load_split(split: str = "dev", offset: int = 0, limit: int | None = None,
               path: Path | None = None) -> dict[str, dict]:
    """The articles of a PolNeAR split (or of the file `path`), sliced as `select` does."""
    return select(load_dev(path or split_path(split)), offset, limit)


def write_articles(docs: dict[str, dict], folder: Path) -> None:
    """Each article as a .txt with a sidecar, as bench/eval_flags.py writes them (temporary files only)."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, d in docs.items():
        (folder / f"{doc_id}.txt").write_text(d["text"], encoding="utf-8")
        meta = {"title": d["text"].split("\n", 1)[0].strip().rstrip("."),
                "outlet": OUTLETS.get(d["publisher"], d["publisher"]), "published": d["publication_date"]}
        (folder / f"{doc_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def claim_span(iri: str, doc_of_key: dict[str, str]) -> Span:
    """(doc_id, start, end) of a claim IRI ".../claim/<article key>/<start>-<end>"."""
    from provgraph.vocab import ID

    key, _, span = iri.removeprefix(f"{ID}claim/").partition("/")
    start, _, end = span.partition("-")
    return doc_of_key[key], int(start), int(end)


def compute_links(docs: dict[str, dict], workers: int = 2, engine: str | None = None) -> tuple[list[Link], dict]:
    """Ingest the articles into a temporary store and return (every same-claim link, claims by span)."""
    from provgraph.analysis.corpus import _canonicalise, _load, match_claims, resolve_sources
    from provgraph.extract import DEFAULT_ENGINE
    from provgraph.ingest import ingest_files
    from provgraph.rdf import content_hash
    from provgraph.reader import find_articles
    from provgraph.store import Store

    doc_of_key: dict[str, str] = {}
    for doc_id in sorted(docs):  # the same text twice is one article (one key): named by its first doc_id
        key = content_hash(docs[doc_id]["text"])[:20]
        if key in doc_of_key:
            print(f"note: {doc_id} has the text of {doc_of_key[key]}: ingested once, as {doc_of_key[key]}",
                  file=sys.stderr)
        doc_of_key.setdefault(key, doc_id)
    with tempfile.TemporaryDirectory(prefix="provgraph-links-") as tmp:
        folder = Path(tmp) / "articles"
        write_articles(docs, folder)
        store = Store(Path(tmp) / "store")
        try:
            summary = ingest_files(find_articles([str(folder)], []), store, workers=workers,
                                   engine=engine or DEFAULT_ENGINE)
            if summary.failed:
                raise RuntimeError(f"{len(summary.failed)} articles failed to ingest: {summary.failed[:3]}")
            claims, apart = _load(store)  # read_claims(store) and the analyst's kept-apart sources
        finally:
            store.close()
    canonical, _, _ = resolve_sources(claims, apart)  # as _analyse does before matching
    _canonicalise(claims, canonical)
    by_span = {claim_span(iri, doc_of_key): info for iri, info in claims.items()}
    links = [Link(claim_span(a, doc_of_key), claim_span(b, doc_of_key), score, reason)
             for a, b, score, reason in match_claims(claims)]
    links.sort(key=lambda l: (l.a, l.b))
    return links, by_span


def pair_key(a: Span, b: Span) -> tuple[Span, Span]:
    return (a, b) if a <= b else (b, a)


def read_fixture(path: Path) -> list[dict]:
    """The judged rows of a fixture (lines starting with # are its header comment)."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            row = json.loads(line)
            missing = [f for f in FIELDS if f not in row]
            if missing:
                raise ValueError(f"{path}:{n}: missing {missing}")
            extra = [f for f in row if f not in FIELDS + OPTIONAL]
            if extra:
                raise ValueError(f"{path}:{n}: unknown fields {extra}")
            rows.append(row)
    return rows


def record_problems(rows: list[dict]) -> list[str]:
    """What is wrong with a fixture's judged rows: sides that are not (doc id, start < end), a pair
    judged twice, a score outside (0, 1], a wrong judgement without its reason."""
    problems, pairs = [], set()
    for r in rows:
        sides = [(r[f"doc_id_{s}"], r[f"start_{s}"], r[f"end_{s}"]) for s in ("a", "b")]
        if any(not (isinstance(d, str) and d and isinstance(a, int) and isinstance(b, int) and 0 <= a < b)
               for d, a, b in sides) or sides[0] == sides[1]:
            problems.append(f"bad sides: {sides}")
            continue
        key = pair_key(*sides)
        if key in pairs:
            problems.append(f"judged twice: {key}")
        pairs.add(key)
        if not (isinstance(r["score"], float | int) and 0 < r["score"] <= 1) or not isinstance(r["correct"], bool) \
                or not (isinstance(r["note"], str) and len(r["note"]) <= 240):
            problems.append(f"bad score, judgement or note: {key}")
        elif not r["correct"] and not r["note"]:
            problems.append(f"a link judged wrong needs its reason: {key}")
    return problems


def fixture_selection(path: Path) -> dict:
    """The articles a fixture was sampled from: {"split", "offset", "limit"}, from its header
    comment (`# {...}`) and its rows' "split"; a fixture without them is all the dev articles."""
    sel: dict = {"split": None, "offset": 0, "limit": None}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        head = line.strip()
        if head.startswith("#") and head[1:].strip().startswith("{"):
            sel.update({k: v for k, v in json.loads(head[1:]).items() if k in sel})
    splits = {r.get("split", "dev") for r in read_fixture(path)}
    if len(splits) > 1:
        raise ValueError(f"{path}: rows from several splits {sorted(splits)}")
    if sel["split"] is not None and splits and splits != {sel["split"]}:
        raise ValueError(f"{path}: header says split {sel['split']}, rows say {sorted(splits)}")
    sel["split"] = sel["split"] or (splits.pop() if splits else "dev")
    return sel


def copied_text(note: str, texts: list[str], n: int = 6) -> list[str]:
    """Runs of `n` words of `note` that stand in one of `texts`: a judge's note must be in their own
    words (the articles are not ours to copy)."""
    def runs(text: str) -> list[str]:
        words = re.findall(r"\w+", text.lower())
        return [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    seen = {run for text in texts for run in runs(text)}
    return [run for run in runs(note) if run in seen]


def score_fixture(rows: list[dict], links: list[Link]) -> dict:
    """Precision on the judged links the matcher still makes; those it does not make any more
    are reported, not counted."""
    made = {pair_key(l.a, l.b): l for l in links}
    kept, gone = [], []
    for r in rows:
        key = pair_key((r["doc_id_a"], r["start_a"], r["end_a"]), (r["doc_id_b"], r["start_b"], r["end_b"]))
        (kept if key in made else gone).append(r)
    correct = sum(1 for r in kept if r["correct"])
    return {"judged": len(rows), "still_made": len(kept), "not_made": gone, "correct": correct,
            "precision": correct / len(kept) if kept else None}


def show(link: Link, claims: dict, n: int | None = None, extra: str = "") -> None:
    """Both claims of a link as the matcher saw them (the claim's text: a discontinuous content
    span is joined with ' … ', so it may differ from the article's text at the offsets). Terminal only."""
    head = f"[{n}] " if n is not None else ""
    print(f"{head}score {link.score} ({link.reason}){extra}")
    for side in (link.a, link.b):
        doc, s, e = side
        print(f"    {doc} {s}-{e}: {claims[side].text!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, help="PolNeAR split (default dev; with --score: the fixture's)")
    parser.add_argument("--offset", type=int, help="Skip the first K articles by doc_id (default 0).")
    parser.add_argument("--limit", type=int, help="Take N articles by doc_id from --offset (default all).")
    parser.add_argument("--data", "--dev", dest="data",
                        help="The split's file (default ../shared/eval/polnear/SPLIT.jsonl).")
    parser.add_argument("--sample", type=int, help="Print a random sample of N links (terminal only).")
    parser.add_argument("--seed", type=int, default=14, help="Seed of the sample (default 14).")
    parser.add_argument("--template", help="With --sample: write the sample's stand-off rows (correct/note empty).")
    parser.add_argument("--score", help="Score a judged fixture (JSONL, stand-off rows).")
    parser.add_argument("--show", action="store_true", help="With --score: print each wrong or unmade judged link.")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    given = {"split": args.split, "offset": args.offset, "limit": args.limit}
    if args.score:  # the fixture says which articles it was sampled from: ingest the same ones
        sel = fixture_selection(Path(args.score))
        clash = {k: (v, sel[k]) for k, v in given.items() if v is not None and v != sel[k]}
        if clash:
            parser.error(f"{args.score} was sampled from other articles (given, fixture): {clash}")
    else:
        sel = {"split": args.split or "dev", "offset": args.offset or 0, "limit": args.limit}
    docs = load_split(sel["split"], sel["offset"], sel["limit"], Path(args.data) if args.data else None)
    ids = sorted(docs)
    print(f"{sel['split']} articles [{sel['offset']}, {sel['offset'] + len(docs)}) by doc_id"
          + (f": {ids[0]} .. {ids[-1]}" if ids else ""))
    links, claims = compute_links(docs, args.workers)
    print(f"{len(docs)} articles, {len(claims)} claims, {len(links)} same-claim links "
          f"({sum(1 for l in links if l.a[0] != l.b[0])} across articles)")
    if args.sample:
        rng = random.Random(args.seed)
        sample = links if args.sample >= len(links) else rng.sample(links, args.sample)
        if args.sample >= len(links):
            print(f"fewer links than {args.sample}: all {len(links)} shown")
        for n, link in enumerate(sample):
            show(link, claims, n)
        if args.template:
            with open(args.template, "w", encoding="utf-8") as f:
                head = {**sel, "limit": sel["limit"] if sel["limit"] is not None else len(docs),
                        "articles": len(docs), "claims": len(claims), "links": len(links),
                        "sample": len(sample), "seed": args.seed}
                f.write(f"# {json.dumps(head)}\n")
                for link in sample:
                    row = dict(zip(FIELDS, (*link.a, *link.b, link.score, None, "")), split=sel["split"])
                    f.write(json.dumps(row) + "\n")
    if args.score:
        rows = read_fixture(Path(args.score))
        result = score_fixture(rows, links)
        p = result["precision"]
        print(f"judged {result['judged']}; still made {result['still_made']}; correct {result['correct']}; "
              f"precision {p:.3f}" if p is not None else "precision: no judged link is made any more")
        for r in result["not_made"]:
            print(f"not made any more: {r['doc_id_a']} {r['start_a']}-{r['end_a']} ~ "
                  f"{r['doc_id_b']} {r['start_b']}-{r['end_b']} (judged {'correct' if r['correct'] else 'wrong'})")
        if args.show:
            made = {pair_key(l.a, l.b): l for l in links}
            for r in rows:
                link = made.get(pair_key((r["doc_id_a"], r["start_a"], r["end_a"]),
                                         (r["doc_id_b"], r["start_b"], r["end_b"])))
                if link is not None and not r["correct"]:
                    show(link, claims, extra=f" WRONG: {r['note']}")


if __name__ == "__main__":
    sys.exit(main())
