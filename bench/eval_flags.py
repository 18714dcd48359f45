#!/usr/bin/env python3
"""Score provgraph's report against the real-news flag gold (bench/gold/flags, docs/flag-annotation.md).

Why: the report is the product, and this is the number that says whether a fact-checker can
trust it: the PolNeAR articles of the gold are ingested as any user would ingest them, the
default `report --format json` is taken, and the shared scorer (../shared/eval/score_flags.py)
is run on it as a separate process. The articles are copyrighted: they are written to a
temporary folder deleted on exit, titled by their first line as a user's sidecar would title them
(nothing of them is stored here).

Usage: python bench/eval_flags.py [--split tune|held-out|all] [--errors] [--keep DIR] [--engine rules|model]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from provgraph.rdf import content_hash  # noqa: E402
EVAL = REPO.parent / "shared" / "eval"
GOLD = REPO / "bench" / "gold" / "flags"
OUTLETS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times", "politico": "Politico",
           "usa-today": "USA Today", "wash-post": "The Washington Post", "west-journal": "Western Journal"}


def gold_records(split: str) -> tuple[list[dict], list[str]]:
    articles = json.loads((GOLD / "articles.json").read_text(encoding="utf-8"))
    ids = [d for d, meta in articles.items() if split == "all" or meta["split"] == split]
    rows, found = [], []
    for doc_id in ids:
        path = GOLD / f"{doc_id}.jsonl"
        if path.exists():
            found.append(doc_id)
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", help="tune, held-out, all (or another split named in articles.json)")
    parser.add_argument("--errors", action="store_true", help="Print each wrong or missed flag (terminal only).")
    parser.add_argument("--keep", help="Keep the report JSON and the scorer's matches in this folder.")
    parser.add_argument("--engine", default="model", choices=["model", "rules"], help="Extraction engine for ingest.")
    args = parser.parse_args()

    rows, ids = gold_records(args.split)
    if not ids:
        sys.exit("no gold files for this split yet")
    docs = {}
    for split in ("dev", "train"):  # most of the gold is dev; some tune articles are train's
        with open(EVAL / "polnear" / f"{split}.jsonl", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["doc_id"] in ids:
                    docs[d["doc_id"]] = d
        if len(docs) == len(ids):
            break
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "articles"
        folder.mkdir()
        titles = {}
        for doc_id, d in docs.items():
            (folder / f"{doc_id}.txt").write_text(d["text"], encoding="utf-8")
            # the headline as a user's sidecar would give it (the text's first line; temporary files only)
            titles[doc_id] = d["text"].split("\n", 1)[0].strip().rstrip(".")
            meta = {"title": titles[doc_id], "outlet": OUTLETS.get(d["publisher"], d["publisher"]),
                    "published": d["publication_date"]}
            (folder / f"{doc_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (tmp / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        (tmp / "articles.json").write_text(json.dumps(titles), encoding="utf-8")
        store = tmp / "store"
        cli = [sys.executable, "-m", "provgraph.cli"]
        subprocess.run(cli + ["ingest", str(folder), "--engine", args.engine, "--store", str(store)], check=True,
                       capture_output=True)
        report = subprocess.run(cli + ["report", "--format", "json", "--store", str(store)], check=True,
                                capture_output=True, text=True).stdout
        (tmp / "report.json").write_text(report, encoding="utf-8")
        scored = subprocess.run([sys.executable, str(EVAL / "score_flags.py"), str(tmp / "gold.jsonl"),
                                 str(tmp / "articles.json"), str(tmp / "report.json"), "--json",
                                 str(tmp / "matches.json")], check=True, capture_output=True, text=True).stdout
        lines = scored.splitlines()
        print("\n".join(lines[:7]))
        print(lines[-1])
        matches = json.loads((tmp / "matches.json").read_text(encoding="utf-8"))
        share_by_doc(rows, matches)
        if args.errors:
            everything = subprocess.run(cli + ["report", "--all", "--format", "json", "--store", str(store)],
                                        check=True, capture_output=True, text=True).stdout
            errors(rows, matches, json.loads(everything), {content_hash(d["text"])[:20]: doc for doc, d in docs.items()})
        if args.keep:
            keep = Path(args.keep)
            keep.mkdir(parents=True, exist_ok=True)
            for name in ("report.json", "matches.json"):
                (keep / name).write_bytes((tmp / name).read_bytes())


def share_by_doc(rows: list[dict], matches: dict) -> None:
    """Share of each article's units flagged, beside the share the gold allows: the report's
    flagged share should track the articles (an anonymously sourced story mostly flagged)."""
    units = Counter(r["doc_id"] for r in rows)
    allowed = Counter(r["doc_id"] for r in rows if r["must"] or r["ok"])
    must = Counter(r["doc_id"] for r in rows if r["must"])
    flagged = {(m["doc_id"], m["gold_start"]) for m in matches["matches"]}
    print(f"{'article':56s} {'units':>5s} {'must':>5s} {'allowed':>7s} {'flagged':>7s}")
    for doc in sorted(units):
        n = sum(1 for d, _ in flagged if d == doc)
        print(f"{doc[:56]:56s} {units[doc]:5d} {must[doc] / units[doc]:5.2f} {allowed[doc] / units[doc]:7.2f} "
              f"{n / units[doc]:7.2f}")


def errors(rows: list[dict], matches: dict, everything: dict, doc_of_key: dict[str, str]) -> None:
    """Wrong flags (not must/ok on their unit) and missed musts, by unit offsets and codes only; for
    a missed must, what `report --all` holds over the unit (checkable or why not, flags, sources).
    `doc_of_key`: doc id by the article key its IRI holds (titles may repeat)."""
    held: dict[str, list[dict]] = {}
    for c in everything["claims"]:
        held.setdefault(doc_of_key.get(c.get("article", "").rsplit("/", 1)[-1]), []).append(c)
    by_unit = {(r["doc_id"], r["start"]): r for r in rows}
    got: dict[tuple, set] = {}
    for m in matches["matches"]:
        key = (m["doc_id"], m["gold_start"])
        got.setdefault(key, set()).update(m["reasons"])
        r = by_unit[key]
        wrong = [c for c in m["reasons"] if c not in r["must"] + r["ok"]]
        if wrong:
            print(f"WRONG {key[0][:40]} @{key[1]} {wrong} must={r['must']} ok={r['ok']} "
                  f"src={m['reported_sources']} gold={m['gold_sources']} | {r.get('note', '')}")
    for key, r in by_unit.items():
        missed = [c for c in r["must"] if c not in got.get(key, set())]
        if missed:
            print(f"MISSED {key[0][:40]} @{key[1]} {missed} gold={[s['label'] for s in r['sources']]} "
                  f"| {r.get('note', '')}")
            for c in held.get(key[0], []):
                if c["start"] < r["end"] and r["start"] < c["end"]:
                    print(f"    held @{c['start']}: checkable={c.get('checkable')} ({c.get('check')}) "
                          f"flags={c.get('reasons')} sources={[x.get('label') for x in c.get('sources', [])]}")
    for u in matches["unmatched"]:
        print(f"UNMATCHED {u}")


if __name__ == "__main__":
    main()
