#!/usr/bin/env python3
"""Measure provgraph in one run on a synthetic corpus (bench/generate_corpus.py): extraction
words/s, ingest articles/s and triples/s, cross-article analyses, report latency, view generation,
peak memory; and the report's queries on rdflib's Memory store as the baseline ratio.

    python bench/benchmark.py --articles 1000            # generates /tmp/provgraph-bench-1000 if missing
    python bench/benchmark.py --articles 10000 --no-baseline
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from provgraph import queries
from provgraph.analysis.corpus import derive
from provgraph.analysis.graph import focus, provenance_graph
from provgraph.analysis.report import FLAGS, SUPPORT, weak_claims
from provgraph.summary import SUMMARIES
from provgraph.extract import ENGINES
from provgraph.extract.polnear import extract_attributions
from provgraph.ingest import ingest_files
from provgraph.reader import find_articles
from provgraph.render.html import render
from provgraph.store import Store

HERE = Path(__file__).resolve().parent
# What the report reads (a lookup of stored results), and the per-claim rules it replaced, which
# walk the chains: both timed on Oxigraph and on rdflib's Memory store.
LOOKUPS = {"flags": FLAGS, "support": SUPPORT, "summaries": SUMMARIES, "conflicts": queries.load("conflicting_figures")}
WALKS = {q: queries.load(q) for q in ("indirect_chains", "unattributed_claims", "hedged_claims", "claims", "claim_chains")}
REPORT_QUERIES = {**LOOKUPS, **WALKS}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) // 1024 // 1024 for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores, {cpu}, {mem} GB RAM, Python {platform.python_version()}"


class Rows(list):
    """Table rows, echoed to stderr as they come, so a long run shows where it is."""

    def __init__(self, rows):
        super().__init__()
        for r in rows:
            self.append(r)

    def append(self, row):
        print(f"  {row[0]}: {row[1]}", file=sys.stderr, flush=True)
        super().append(row)


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-baseline", action="store_true", help="skip the rdflib Memory store baseline")
    ap.add_argument("--more", type=int, default=100, help="articles added afterwards (incremental analyses)")
    ap.add_argument("--no-view", action="store_true", help="skip the view (slow past 10,000 nodes)")
    args = ap.parse_args()
    corpus = args.corpus or Path(f"/tmp/provgraph-bench-{args.articles}")
    if not corpus.exists():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--articles", str(args.articles),
                        "--out", str(corpus)], check=True)
    files = find_articles([corpus])
    more = find_articles([Path(f"{corpus}-more")]) if args.more and Path(f"{corpus}-more").exists() else []
    if args.more and len(more) < args.more:
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--articles", str(args.articles + args.more),
                        "--out", str(corpus) + "-all"], check=True)
        out = Path(f"{corpus}-more")
        out.mkdir(exist_ok=True)
        for f in sorted(Path(str(corpus) + "-all").glob("*"))[-2 * args.more:]:
            shutil.copy(f, out / f.name)
        more = find_articles([out])
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    rows = Rows([("machine", machine()), ("articles", f"{len(files):,} ({words:,} words)")])

    for engine in ENGINES:  # the default first
        _, t = timed(lambda: [extract_attributions(x, engine) for x in texts])
        rows.append((f"extraction, 1 process, --engine {engine}", f"{words / t:,.0f} words/s ({t:.1f} s)"))

    store_dir = Path(f"/tmp/provgraph-bench-store-{args.articles}")
    shutil.rmtree(store_dir, ignore_errors=True)
    with Store(store_dir) as store:
        summary, t = timed(lambda: ingest_files(files, store, workers=args.workers))
        triples = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
        rows.append((f"ingest, {args.workers} workers (incl. analyses)",
                     f"{t:.1f} s: {len(files) / t:,.0f} articles/s, {triples / t:,.0f} triples/s; {triples:,} triples"))
        rows.append(("peak RSS after ingest", f"{rss_mb():,.0f} MB (this process)"))
        corpus_result, t = timed(lambda: derive(store))
        rows.append(("cross-article analyses (derive)",
                     f"{t:.2f} s: {len(corpus_result.clusters):,} clusters, {len(corpus_result.conflicts):,} conflicts"))
        report, t = timed(lambda: weak_claims(store))
        rows.append(("report (every flagged claim, all details)",
                     f"{t:.2f} s ({len(report.claims):,} flagged of {report.total_claims:,} claims)"))
        ox_times = {}
        for name, q in REPORT_QUERIES.items():
            _, ox_times[name] = timed(lambda q=q: store.select(q))

        def view():
            g = focus(provenance_graph(store), only_flagged=True)
            return g, render(g)
        if not args.no_view:
            (g, html), t = timed(view)
            rows.append(("view (--only-flagged)", f"{t:.1f} s ({g.number_of_nodes():,} nodes, {len(html) / 1e6:.1f} MB)"))
        if more:
            summary, t = timed(lambda: ingest_files(more, store, workers=args.workers))
            rows.append((f"ingest {summary.added} more articles (incremental analyses)",
                         f"{t:.1f} s ({summary.added / t:,.0f} articles/s)"))
            c, t = timed(lambda: derive(store))
            rows.append(("the same analyses recomputed in full", f"{t:.1f} s ({len(c.claims):,} claims)"))
        rows.append(("peak RSS", f"{rss_mb():,.0f} MB"))
        dump = store.dump("nquads") if not args.no_baseline else None

    if dump is not None:
        import rdflib
        ds = rdflib.Dataset(default_union=True)
        _, t = timed(lambda: ds.parse(data=dump, format="nquads"))
        rows.append(("baseline: rdflib Memory load", f"{t:.1f} s"))
        ratios = []
        for name, q in REPORT_QUERIES.items():
            _, t = timed(lambda q=q: list(ds.query(q)))
            ratios.append((name, t, ox_times[name]))
        for label, names in (("report lookups", LOOKUPS), ("per-claim chain walks", WALKS)):
            total_rdf = sum(r[1] for r in ratios if r[0] in names)
            total_ox = sum(r[2] for r in ratios if r[0] in names)
            rows.append((f"{label}: rdflib vs provgraph", f"{total_rdf:.2f} s vs {total_ox:.2f} s = "
                                                          f"{total_rdf / max(total_ox, 1e-9):.0f}x"))
        for name, tr, to in ratios:
            rows.append((f"  {name}", f"rdflib {tr:.3f} s, oxigraph {to:.3f} s, {tr / max(to, 1e-9):.0f}x"))

    print("| measure | result |\n|---|---|")
    for k, v in rows:
        print(f"| {k} | {v} |")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / f"{args.articles}.json").write_text(json.dumps(dict(rows), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
