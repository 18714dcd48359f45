"""What every attack shares: running provgraph, a case table, the verdict, a local HTTP server.

A case is one attack: how to run it, the exit code it should get, and what else must hold. The
verdict is OK when all of these hold, FAIL (with the reason) otherwise:

- no Python traceback anywhere in the output;
- the exit code is the expected one (a refusal is 1, and its message one "Error:" line at the end);
- nothing printed raw: no C0 (but tab, newline, CRLF), DEL, C1 or bidi control on stdout or stderr;
- the baseline store, when the case is given it, has the same counts afterwards (`stats`);
- nothing fetched: the local server saw no request on the case's own path;
- the case's own check, if it has one (a time bound, a needle, a count).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
ARTICLE = "Harbour master Ingrid Solberg said {n} ships were delayed on Monday.\n"

# Root reads every file whatever its mode; with these capabilities dropped it is bound by modes like
# anyone else, so the permission attacks (chmod 000, a read-only store) mean something as root too.
AS_ROOT = os.geteuid() == 0
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] \
    if AS_ROOT and shutil.which("setpriv") else []
PERMISSIONS_SKIP = "running as root without setpriv: file modes do not bind root" \
    if AS_ROOT and not NO_OVERRIDE else None


@dataclass
class Result:
    rc: int | None  # None: killed at the timeout
    out: str
    err: str
    seconds: float

    @property
    def text(self) -> str:
        return self.out + self.err


def cli(*args, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
        timeout: float = 180, bound: bool = False, stdout=None) -> Result:
    """Run `provgraph ARGS`; with `bound`, as root without the right to ignore file modes."""
    argv = (NO_OVERRIDE if bound else []) + [sys.executable, "-m", "provgraph.cli", *map(str, args)]
    started = time.perf_counter()
    try:
        p = subprocess.run(argv, input=stdin, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE,
                           cwd=cwd, env={**os.environ, **(env or {})}, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Result(None, _text(e.stdout), _text(e.stderr), time.perf_counter() - started)
    return Result(p.returncode, _text(p.stdout), _text(p.stderr), time.perf_counter() - started)


def python(code: str, *args, timeout: float = 180) -> Result:
    """Run a Python snippet (an attack the CLI alone cannot stage: a kill at one exact moment)."""
    started = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, timeout=timeout)
    return Result(p.returncode, _text(p.stdout), _text(p.stderr), time.perf_counter() - started)


def _text(data) -> str:
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else (data or "")


def shown(text: str, width: int = 96) -> str:
    """A line of output as this script prints it: control characters made visible, cut to width."""
    text = RAW.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
                   text)
    return text if len(text) <= width else text[: width - 1] + "…"


def first_line(r: Result) -> str:
    lines = [ln for ln in r.err.splitlines() if ln.strip()]
    said = [ln for ln in lines if ln.startswith(("Error:", "error:", "warning:"))]
    return (said or lines or ["-"])[0]


@dataclass
class Case:
    name: str
    run: list | Callable[[], Result]  # provgraph's arguments, or a function that stages the attack
    rc: int | tuple = 1  # 2: a usage error click reports (an option's value)
    needle: str | tuple = ()  # text the output must hold (each, if a tuple)
    store: bool = False  # run against the baseline store (--store appended): it must not change
    one_line: bool | None = None  # a refusal is one error line (default: when it exits 1 or 2 as expected)
    seconds: float | None = None  # must finish within
    check: Callable[[Result], str | None] | None = None  # returns what is wrong, or None
    path: str = ""  # the server path this attack might fetch: it must never be requested
    bound: bool = False  # as root: without the right to ignore file modes
    skip: str | None = None
    kwargs: dict = field(default_factory=dict)  # for cli(): stdin, cwd, env, timeout


@dataclass
class Row:
    section: str
    name: str
    verdict: str  # OK, FAIL, SKIP
    rc: int | None = None
    said: str = ""
    why: str = ""


class Lab:
    """The temporary folder, the baseline store (the samples) and the local server of one run."""

    def __init__(self, root: Path, quick: bool):
        self.root, self.quick = root, quick
        self.store = root / "baseline"
        self.server = Server()
        self.rows: list[Row] = []
        r = cli("ingest", SAMPLES, "--store", self.store)
        assert r.rc == 0, r.err
        self.counts = counts(self.store)
        self.claim_id = json.loads(cli("report", "--format", "json", "--store", self.store).out)["claims"][0]["id"]

    def dir(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, name: str, data: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    def copy(self, name: str) -> Path:
        """A copy of the baseline store to change freely."""
        path = self.root / name
        shutil.copytree(self.store, path)
        return path

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.port}{path}"

    def section(self, title: str, cases: list[Case]) -> None:
        print(f"\n== {title}")
        for case in cases:
            row = self.judge(title, case)
            self.rows.append(row)
            rc = "-" if row.rc is None else str(row.rc)
            line = f"{row.verdict:4} {shown(case.name, 52):52} {rc:>4}  {shown(row.said, 90)}"
            print(line + (f"\n{'':5}^ {row.why}" if row.why else ""), flush=True)

    def judge(self, section: str, case: Case) -> Row:
        if case.skip:
            return Row(section, case.name, "SKIP", why=case.skip)
        if case.bound and PERMISSIONS_SKIP:
            return Row(section, case.name, "SKIP", why=PERMISSIONS_SKIP)
        before = counts(self.store) if case.store else None
        if callable(case.run):
            r = case.run()
        else:
            args = list(case.run) + (["--store", self.store] if case.store else [])
            r = cli(*args, bound=case.bound, **case.kwargs)
        wrong = []
        if "Traceback" in r.text:
            wrong.append("traceback")
        expected = case.rc if isinstance(case.rc, tuple) else (case.rc,)
        if r.rc not in expected:
            wrong.append("killed at the timeout" if r.rc is None else f"exit {r.rc}, expected {case.rc}")
        if RAW.search(r.text):
            wrong.append(f"printed raw: {RAW.search(r.text).group()!r}")
        one_line = case.one_line if case.one_line is not None else r.rc in (1, 2) and r.rc in expected
        if one_line and (problem := _not_one_line(r.err)):
            wrong.append(problem)
        for needle in (case.needle,) if isinstance(case.needle, str) else case.needle:
            if needle and needle not in r.text:
                wrong.append(f"does not say {needle!r}")
        if case.seconds is not None and r.seconds > case.seconds:
            wrong.append(f"took {r.seconds:.1f} s, more than {case.seconds:g}")
        if before is not None and counts(self.store) != before:
            wrong.append(f"store changed: {before} -> {counts(self.store)}")
        if case.path and self.server.asked(case.path):
            wrong.append(f"fetched {case.path}")
        if case.check and (problem := case.check(r)):
            wrong.append(problem)
        return Row(section, case.name, "FAIL" if wrong else "OK", r.rc, first_line(r), "; ".join(wrong))


def _not_one_line(err: str) -> str | None:
    """A refusal is one line: "Error: ..." at the end (a command that stops), or "error: FILE: ..."
    followed by the batch's summary (ingest goes on past a file it cannot read)."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith(("Error:", "error:"))]
    if len(errors) != 1:
        return f"{len(errors)} error lines, not one"
    if errors[0].startswith("Error:") and lines[-1] != errors[0]:
        return "more after the 'Error:' line"
    return None


def counts(store: Path) -> dict | str:
    r = cli("stats", "--format", "json", "--store", store)
    if r.rc != 0:
        return f"stats failed: {first_line(r)}"
    stats = json.loads(r.out)
    return {k: stats[k] for k in ("articles", "claims", "attributions", "sources", "triples")}


class Server:
    """A local HTTP server on 127.0.0.1: it records every path asked for (nothing may fetch), and
    under /liar/ answers like a SPARQL server that lies: an HTML page, bad JSON, an answer of the
    wrong shape, or one that never ends."""

    LIES = {
        "html": ("text/html", b"<html><body>Please log in</body></html>"),
        "badjson": ("application/sparql-results+json", b'{"head": {"vars": ["n"]}, "results": '),
        "shape": ("application/sparql-results+json", b'{"head": {"vars": ["n"]}, "results": 7}'),
        "nothing": ("application/sparql-results+json", b""),
    }

    def __init__(self):
        self.paths: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.paths.append(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                lie = self.path.split("?")[0].rsplit("/", 1)[-1]
                self.send_response(200)
                if lie == "endless":
                    self.send_header("Content-Type", "application/sparql-results+json")
                    self.end_headers()
                    chunk = b'{"head": {"vars": ["n"]}, "results": {"bindings": [' + b" " * 1_000_000
                    try:
                        while True:
                            self.wfile.write(chunk)
                            chunk = b" " * 1_000_000
                    except OSError:
                        return
                kind, body = server.LIES.get(lie, ("application/sparql-results+json",
                                                   b'{"head": {"vars": []}, "results": {"bindings": []}}'))
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PUT = do_GET

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def asked(self, path: str) -> bool:
        return any(p.startswith(path) for p in self.paths)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
