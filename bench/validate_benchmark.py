#!/usr/bin/env python3
"""`provgraph validate` time by article count, before and after part-by-part validation, in one run
on synthetic corpora (bench/generate_corpus.py):

- before: the whole union graph at once with the shapes as they were (git BEFORE), as validate did;
- whole: the whole union at once with today's shapes (whose attribution constraints no longer walk
  every chain in the store for each hop);
- parts: part by part, every part (a first run, or --all), in one process and with --workers;
- unchanged: the next run, nothing changed; more: after ingesting a few more articles.

The whole-graph runs grow faster than the store, so they are skipped above --whole-max articles.

    python bench/validate_benchmark.py --articles 50 100 300 --whole-max 100
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from provgraph.ingest import ingest_files
from provgraph.reader import find_articles
from provgraph.store import Store
from provgraph.validate import SHAPES, validate_store

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
BEFORE = "07a65a4"  # main before part-by-part validation: its ontology/shapes.ttl


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) // 1024 // 1024 for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return (f"nproc {len(os.sched_getaffinity(0))}, {cpu}, {mem} GB RAM, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at the start")


def corpus(n: int, more: int) -> tuple[list[Path], list[Path]]:
    """n articles, and `more` others of the same kind (the last of a corpus of n + more)."""
    base, extra = Path(f"/tmp/provgraph-vbench-{n}"), Path(f"/tmp/provgraph-vbench-{n}-more")
    for out, count in ((base, n), (Path(f"/tmp/provgraph-vbench-{n}-all"), n + more)):
        if not out.exists():
            subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--articles", str(count),
                            "--out", str(out)], check=True)
    if not extra.exists():
        extra.mkdir()
        for f in sorted(Path(f"/tmp/provgraph-vbench-{n}-all").glob("*"))[-2 * more:]:  # each with its sidecar
            shutil.copy(f, extra / f.name)
    return find_articles([base]), find_articles([extra])


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[50, 100, 300])
    ap.add_argument("--whole-max", type=int, default=100, help="skip the whole-graph runs above this many articles")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--more", type=int, default=5, help="articles ingested before the last run")
    ap.add_argument("--engine", default="rules", help="extraction engine for the corpora (the graph's shape is the same)")
    args = ap.parse_args()
    before = Path(tempfile.mkdtemp()) / "shapes-before.ttl"
    before.write_bytes(subprocess.run(["git", "show", f"{BEFORE}:ontology/shapes.ttl"], cwd=HERE, check=True,
                                      capture_output=True).stdout)
    rows: list[dict] = []
    where = machine()
    print(where, file=sys.stderr)
    for n in args.articles:
        files, more = corpus(n, args.more)
        path = Path(f"/tmp/provgraph-vbench-store-{n}")
        shutil.rmtree(path, ignore_errors=True)
        with Store(path) as store:
            ingest_files(files, store, workers=args.workers, engine=args.engine)
        row: dict = {"articles": n}
        with Store(path, create=False, read_only=True) as store:
            if n <= args.whole_max:
                old, row["before (whole graph, old shapes)"] = timed(lambda: validate_store(store, before))
                whole, row["whole graph"] = timed(lambda: validate_store(store, SHAPES))
            first, row["parts, all, 1 process"] = timed(lambda: validate_store(store))
            if n <= args.whole_max:
                assert [p.as_dict() for p in first.problems] == [p.as_dict() for p in whole.problems]
                assert [p.as_dict() for p in first.problems] == [p.as_dict() for p in old.problems]
            row["triples"], row["parts"], row["violations"] = first.triples, first.parts, len(first.violations)
            if args.workers > 1:
                _, row[f"parts, all, {args.workers} processes"] = timed(
                    lambda: validate_store(store, workers=args.workers))
            again, row["unchanged"] = timed(lambda: validate_store(store, known=first.passed))
            assert again.checked == 0
        with Store(path) as store:
            ingest_files(more, store, workers=1, engine=args.engine)
        with Store(path, create=False, read_only=True) as store:
            after, row[f"{args.more} more articles"] = timed(lambda: validate_store(store, known=first.passed))
        row[f"parts checked after {args.more} more"] = f"{after.checked} of {after.parts}"
        print(json.dumps(row), file=sys.stderr, flush=True)
        rows.append(row)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    table = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for r in rows:
        table.append("| " + " | ".join(f"{r[k]:.1f} s" if isinstance(r.get(k), float) else str(r.get(k, "-"))
                                       for k in keys) + " |")
    text = f"`provgraph validate` ({where}; corpora of bench/generate_corpus.py, --engine {args.engine})\n\n" \
           + "\n".join(table) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "validate.md").write_text(text, encoding="utf-8")
    (RESULTS / "validate.json").write_text(json.dumps({"machine": where, "rows": rows}, indent=2) + "\n",
                                          encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
