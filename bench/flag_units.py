"""Sentence units of a PolNeAR article, for annotating the report's real-news gold.

    python bench/flag_units.py DOC_ID [--split dev]     numbered units with offsets and anchors
    python bench/flag_units.py --check FILE.jsonl        checks a gold file against the articles

The units come from provgraph's sentence splitter; an annotator may merge or split them (FLAGS.md:
a dateline stays with the first sentence). `anchor` is a hash of the unit's text, so the gold can
be checked against the corpus without storing any of its text (the texts are not ours to copy).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provgraph.extract.sentences import split_sentences  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear"
CODES = ("unattributed", "anonymous-only", "single-source", "hedged", "indirect-chain")
KINDS = ("person", "organization", "outlet", "anonymous", "document", "group")


def load(split: str = "dev") -> dict[str, dict]:
    with open(POLNEAR / f"{split}.jsonl", encoding="utf-8") as f:
        return {d["doc_id"]: d for d in map(json.loads, f)}


def anchor(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def show(doc: dict) -> None:
    text = doc["text"]
    print(f"# {doc['doc_id']}  publisher={doc['publisher']}  title={doc['title']!r}")
    for i, s in enumerate(split_sentences(text)):
        para = "¶ " if s.start == 0 or "\n" in text[max(0, s.start - 2):s.start] else "  "
        print(f"[{i}] {s.start}-{s.end} anchor={anchor(s.text)} {para}{s.text}")


def check(path: str, docs: dict[str, dict]) -> int:
    problems = 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        where = f"{path}:{n}"
        doc = docs.get(r.get("doc_id"))
        if doc is None:
            print(f"{where}: unknown doc_id {r.get('doc_id')!r}")
            problems += 1
            continue
        unit = doc["text"][r["start"]:r["end"]]
        if r.get("anchor") != anchor(unit):
            print(f"{where}: anchor does not match the text at {r['start']}-{r['end']}")
            problems += 1
        bad = [c for c in r["must"] + r["ok"] if c not in CODES] + [c for c in r["must"] if c in r["ok"]]
        bad += [s.get("kind") for s in r["sources"] if s.get("kind") not in KINDS]
        if bad:
            print(f"{where}: unknown or repeated codes/kinds {bad}")
            problems += 1
        if not r["checkable"] and set(r["must"] + r["ok"]) - {"anonymous-only"}:
            print(f"{where}: a non-checkable unit may carry only anonymous-only")
            problems += 1
    print(f"{path}: {'ok' if not problems else f'{problems} problems'}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc_id", nargs="?")
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--check", metavar="FILE")
    args = parser.parse_args()
    docs = load(args.split)
    if args.check:
        sys.exit(1 if check(args.check, docs) else 0)
    show(docs[args.doc_id])


if __name__ == "__main__":
    main()
