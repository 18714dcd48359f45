"""Cost, many readers, kills and interrupts (issue 16: "Cost that is not linear", "Many readers",
"Consistency after a kill during curate", and the SIGINT and pool-worker items of "Smaller")."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .common import ARTICLE, Case, Lab, Result, cli, python

SYLLABLES = ["ka", "to", "be", "mi", "ra", "lo", "nu", "se", "di", "ve", "po", "za", "ri", "mo", "ta", "le"]


def name(k: int) -> str:
    """A distinct two-word name for each k: 'Kato Bemira'."""
    word = lambda n, size: "".join(SYLLABLES[(n >> (4 * i)) % 16] for i in range(size)).capitalize()  # noqa: E731
    return f"{word(k, 2)} {word(k >> 8, 3)}"


def cost(lab: Lab) -> list[Case]:
    rng = random.Random(16)
    many = " ".join(f"{name(k)} said {rng.randint(2, 999)} ships sank." for k in range(4_000))
    lab.write("cost/attributions.txt", "Four thousand voices\n\n" + many + "\n")
    line = []
    while sum(map(len, line)) < 1_000_000:
        line.append(f"{name(len(line) % 5000)} said {rng.randint(2, 999)} ships were delayed, the port reported.")
    lab.write("cost/one-line.txt", " ".join(line))
    skip = "--quick" if lab.quick else None
    size = lambda p: f"{(lab.root / p).stat().st_size / 1000:.0f} KB"  # noqa: E731
    return [
        Case(f"ingest {size('cost/attributions.txt')}, 4,000 attributions",
             ["ingest", lab.root / "cost/attributions.txt", "--store", lab.root / "cost-store"], rc=0,
             seconds=90, skip=skip, kwargs={"timeout": 300}),
        Case(f"ingest one line of {size('cost/one-line.txt')}",
             ["ingest", lab.root / "cost/one-line.txt", "--store", lab.root / "cost-store"], rc=0,
             seconds=150, skip=skip, kwargs={"timeout": 300}),
    ]


READERS = [["report"], ["report", "--format", "json"], ["stats"], ["export", "--format", "nquads"],
           ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]]


def readers(lab: Lab) -> list[Case]:
    def twenty() -> Result:
        jobs = [READERS[k % len(READERS)] + ["--store", lab.store] for k in range(20)]
        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(lambda args: cli(*args), jobs))
        failed = [r for r in results if r.rc != 0]
        said = f"{20 - len(failed)} of 20 readers succeeded in {max(r.seconds for r in results):.1f} s"
        return Result(1 if failed else 0, "".join(r.out for r in results),
                      said + "\n" + "".join(r.err for r in failed), sum(r.seconds for r in results))

    locked = lab.copy("read-only-store")
    for path in [locked, *locked.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    return [
        Case("20 readers at once (report, query, stats, export)", twenty, rc=0),
        *(Case(f"{args[0]} of a read-only store directory", [*args, "--store", locked], rc=0, bound=True)
          for args in READERS[:3] + READERS[4:]),
        Case("ingest into a read-only store directory",
             ["ingest", lab.write("read-only/a.txt", ARTICLE.format(n=5)), "--store", locked],
             bound=True),
    ]


KILL_AFTER_WRITE = """
import os, signal, sys
import provgraph.analysis.corpus as corpus
corpus.derive = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)  # the corrections are written by now
from provgraph.cli import cli
cli(sys.argv[1:])
"""


def kills(lab: Lab) -> list[Case]:
    store = lab.copy("killed-curate-store")
    fix = lab.write("kills/fix.yaml", f"analyst: Jane Doe\ncorrections:\n  - {{action: dispute, claim: {lab.claim_id}}}\n")

    def curate_killed() -> Result:
        killed = python(KILL_AFTER_WRITE, "curate", fix, "--store", store)
        r = cli("report", "--store", store)
        if killed.rc != -signal.SIGKILL:
            r.rc, r.err = -1, f"curate was not killed where meant (exit {killed.rc}): {killed.err}"
        return r

    def workers_killed() -> Result:
        folder = lab.dir("kills/articles")
        for k in range(60):
            (folder / f"a{k}.txt").write_text(ARTICLE.format(n=k + 2) * 40, encoding="utf-8")
        p = subprocess.Popen([sys.executable, "-m", "provgraph.cli", "ingest", folder, "--workers", "2",
                              "--store", lab.root / "kills/store"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        children = _children(p.pid, wait=30)
        p.kill()
        p.wait()
        deadline = time.time() + 10
        while time.time() < deadline and any(_alive(c) for c in children):
            time.sleep(0.2)
        alive = [c for c in children if _alive(c)]
        for c in alive:  # ours: started by the ingest this function started
            os.kill(c, signal.SIGKILL)
        said = f"{len(children)} workers; {len(alive)} alive after their parent's kill -9"
        return Result(1 if alive or not children else 0, "", said + "\n", 0)

    def interrupted_query() -> Result:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        p = subprocess.Popen([sys.executable, "-m", "provgraph.cli", "query", heavy, "--store", lab.store],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(3)
        started = time.perf_counter()
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            return Result(None, out.decode(), err.decode() + "still running 15 s after SIGINT\n", 15)
        return Result(p.returncode, out.decode(), err.decode(), time.perf_counter() - started)

    return [
        Case("kill -9 in curate after the corrections: report stale", curate_killed, rc=0, needle=("warning:", "reindex")),
        Case("kill -9 of an ingest with --workers 2: workers end", workers_killed, rc=0),
        Case("SIGINT during a long query", interrupted_query, rc=(1, 130), one_line=True, seconds=10),
    ]


def _children(pid: int, wait: float) -> list[int]:
    deadline = time.time() + wait
    while time.time() < deadline:
        try:
            found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        if len(found) >= 2:
            time.sleep(0.5)
            return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        time.sleep(0.1)
    return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def sections(lab: Lab):
    yield "cost is near-linear (seconds shown)", cost(lab)
    yield "many readers; a read-only store", readers(lab)
    yield "kills and interrupts", kills(lab)

