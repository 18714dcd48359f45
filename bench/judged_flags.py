#!/usr/bin/env python3
"""Re-score random samples of report flags judged by hand (bench/gold/flag_samples) on today's code.

Why: the flag gold covers a few dozen articles; the other PolNeAR dev articles are where errors can be
read for free. Each sample there is 90 flagged claims drawn at random from one commit's report and
judged by FLAGS.md (stand-off: doc id, offsets, a verdict per flag; no text). Run on later code, a
sample says which of its judged flags are still raised, and so whether a change removed right flags
or wrong ones. Only the sample drawn last, before any rule was changed on it, estimates precision
on articles nobody tuned on; the older ones show what later changes did to the flags they judged.

The articles are ingested as a user would ingest them (bench/judge_links.write_articles), in a
temporary folder deleted on exit.

Usage: python bench/judged_flags.py [SAMPLE.jsonl ...]   (default: every sample in the folder)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge_links import TRAIN, claim_span, load_dev, write_articles  # noqa: E402

from provgraph.rdf import content_hash  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "bench" / "gold" / "flag_samples"
GOLD_ARTICLES = REPO / "bench" / "gold" / "flags" / "articles.json"
SCORED = ("unattributed", "anonymous-only", "single-source", "hedged", "indirect-chain")


def rescore(rows: list[dict], raised: dict[tuple[str, int], set[str]]) -> dict:
    """How many judged flags are still raised, and how many of those and of the dropped were right."""
    out = {"judged": 0, "right": 0, "kept": 0, "kept_right": 0, "new": 0}
    for r in rows:
        now = raised.get((r["doc_id"], r["start"]), set())
        for flag, verdict in r["flags"].items():
            out["judged"] += 1
            out["right"] += verdict == "ok"
            if flag in now:
                out["kept"] += 1
                out["kept_right"] += verdict == "ok"
        out["new"] += len(now - set(r["flags"]))
    return out


def report_flags(docs: dict[str, dict]) -> dict[tuple[str, int], set[str]]:
    """(doc id, claim start) -> the scored flags `report --all` raises there, on today's code."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_articles(docs, folder)
        # a claim's IRI names its article by the text's hash (two articles may share a title)
        doc_of_key = {content_hash(d["text"])[:20]: doc_id for doc_id, d in sorted(docs.items(), reverse=True)}
        cli = [sys.executable, "-m", "provgraph.cli"]
        store = str(Path(tmp) / "store")
        subprocess.run(cli + ["ingest", str(folder), "--store", store, "-q"], check=True, cwd=REPO)
        out = subprocess.run(cli + ["report", "--all", "--format", "json", "--store", store, "-q"], check=True,
                             capture_output=True, text=True, cwd=REPO).stdout
    raised: dict[tuple[str, int], set[str]] = defaultdict(set)
    for c in json.loads(out)["claims"]:
        doc_id, _, _ = claim_span(c["claim"], doc_of_key)
        raised[(doc_id, c["start"])] |= {r for r in c["reasons"] if r in SCORED}
    return raised


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="*", help="judged samples (default: all in bench/gold/flag_samples)")
    args = parser.parse_args()
    paths = [Path(p) for p in args.samples] or sorted(SAMPLES.glob("*.jsonl"))
    gold = set(json.loads(GOLD_ARTICLES.read_text(encoding="utf-8")))
    docs = {k: d for k, d in load_dev().items() if k not in gold}
    # a sample drawn on PolNeAR train articles (session 13) re-scores on those articles
    judged = {json.loads(line)["doc_id"] for path in paths for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip()}
    docs |= {k: d for k, d in load_dev(TRAIN).items() if k in judged}
    raised = report_flags(docs)
    print(f"{len(docs)} articles (dev outside the flag gold, and train articles of a train sample)")
    for path in paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        s = rescore(rows, raised)
        dropped, dropped_right = s["judged"] - s["kept"], s["right"] - s["kept_right"]
        print(f"{path.name}: judged {s['right']}/{s['judged']} right ({s['right'] / max(1, s['judged']):.3f}); "
              f"still raised {s['kept_right']}/{s['kept']} right ({s['kept_right'] / max(1, s['kept']):.3f}); "
              f"dropped {dropped}, of them right {dropped_right}; new flags on judged claims {s['new']}")


if __name__ == "__main__":
    main()
