#!/usr/bin/env python3
"""Re-score the judged source labels (bench/gold/source_samples/) with today's code.

Why: source labels are what a fact-checker reads first, and the flag gold holds few of them. These
samples hold a verdict for every source provgraph credited on 25 unseen PolNeAR train articles
each (stand-off: offsets and a hash of the label, no article text). Today's code reads the same
articles; each label it credits is looked up among the judged ones. A label no judge has seen is
counted apart: a change that creates many of them has to be judged before its figure means much.

Usage: python bench/judged_sources.py [--engine model|rules]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from provgraph.extract.pipeline import extract  # noqa: E402
from provgraph.model import Article  # noqa: E402

SAMPLES = REPO / "bench" / "gold" / "source_samples"
TRAIN = REPO.parent / "shared" / "eval" / "polnear" / "train.jsonl"


def label_hash(label: str) -> str:
    return hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]


def credited(text: str, engine: str) -> set[tuple[int, str, str, bool, str | None]]:
    """(sentence start, label hash, kind, anonymous, hash of the surname) of every source credited
    for a claim, once per sentence (as the samples were judged). The surname's hash finds the
    verdict on a person judged when the label was the surname alone ("Trump", now "Donald Trump"):
    the same party, so the same verdict."""
    article = extract(Article(text=text), engine)
    return {(c.sentence.start, label_hash(a.source.label), a.source.kind, bool(a.source.anonymous),
             label_hash(a.source.label.split()[-1]) if a.source.kind == "person" and " " in a.source.label else None)
            for c in article.claims for a in c.attributions if a.source is not None}


def rescore(verdicts: dict[tuple, dict], labels: set[tuple]) -> dict[str, int]:
    """Today's `labels` (doc_id, sentence start, label hash, kind, anonymous, surname hash) against the judged
    `verdicts`: how many there are, how many were judged, right, of the right kind, and new."""
    counts: dict[str, int] = defaultdict(int)
    for *key, surname in labels:
        counts["labels"] += 1
        verdict = verdicts.get(tuple(key))
        if verdict is None and surname is not None:
            verdict = verdicts.get((key[0], key[1], surname, *key[3:]))
        if verdict is None:
            counts["new"] += 1
            continue
        counts["judged"] += 1
        counts["right"] += bool(verdict["correct"])
        counts["kind"] += bool(verdict["kind_ok"])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="model", choices=["model", "rules"])
    args = parser.parse_args()
    samples = sorted(SAMPLES.glob("*.jsonl"))
    judged: dict[str, dict] = {}
    wanted: set[str] = set()
    for path in samples:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        judged[path.name] = {(r["doc_id"], r["sentence_start"], r["label_sha1"], r["kind"], r["anonymous"]): r
                             for r in rows}
        wanted |= {r["doc_id"] for r in rows}
    texts = {}
    with open(TRAIN, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["doc_id"] in wanted:
                texts[doc["doc_id"]] = doc["text"]
    print(f"{'sample':28s} {'labels':>6s} {'judged':>6s} {'right':>6s} {'prec':>6s} {'kind ok':>7s} {'new':>5s}")
    for name, verdicts in judged.items():
        labels = {(doc_id, *label) for doc_id in sorted({k[0] for k in verdicts})
                  for label in credited(texts[doc_id], args.engine)}
        counts = rescore(verdicts, labels)
        n = counts["judged"]
        print(f"{name:28s} {counts['labels']:6d} {n:6d} {counts['right']:6d} "
              f"{counts['right'] / n if n else 0:6.3f} {counts['kind'] / n if n else 0:7.3f} {counts['new']:5d}")


if __name__ == "__main__":
    main()
