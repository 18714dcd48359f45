"""Issue 16: many readers at once. Commands that only read open the store read-only under a shared
lock, so twenty of them run together; a writer excludes them (and they it), cleanly."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from conftest import SAMPLES, make_store, run
from provgraph.store import Store

READERS = [["report"], ["report", "--format", "json"], ["stats"], ["export", "--format", "nquads"],
           ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "provgraph.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_twenty_readers_at_once_all_succeed(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES)
    jobs = [READERS[k % len(READERS)] + ["--store", store] for k in range(20)]
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda args: cli(*args), jobs))
    failed = [(r.returncode, r.stderr[-300:]) for r in results if r.returncode != 0]
    assert not failed, failed
    reports = {r.stdout for r, args in zip(results, jobs) if args[:2] == ["report", "--store"]}
    assert len(reports) == 1 and "claims flagged" in reports.pop()  # every reader saw the same store


def test_a_writer_and_readers_exclude_each_other_cleanly(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES)
    with Store(store, create=False):  # a writer holds the store
        r = cli("report", "--store", store)
        assert r.returncode == 1 and "busy" in r.stderr and "Traceback" not in r.stderr
    with Store(store, create=False, read_only=True):  # a reader holds it
        r = cli("ingest", SAMPLES, "--store", store)
        assert r.returncode == 1 and "busy" in r.stderr and "Traceback" not in r.stderr
        assert cli("stats", "--store", store).returncode == 0  # another reader is welcome
    run(runner, "stats", "--store", store)
