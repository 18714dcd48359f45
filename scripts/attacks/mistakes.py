"""User errors that were tracebacks (issue 16: "34 tracebacks"): each must be one line, exit 1, and
leave the baseline store as it was."""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from .common import ARTICLE, Case, Lab, Result, cli


def curate_values(lab: Lab) -> list[Case]:
    claim = lab.claim_id
    bodies = {
        "action: [x]": f"  - action: [x]\n    claim: {claim}\n",
        "date: 2024-13-45": f"  - {{action: verify, claim: {claim}, date: 2024-13-45}}\n",
        "a date that overflows on its time zone": f"  - {{action: verify, claim: {claim}, date: '0001-01-01T00:00:00+05:00'}}\n",
        "a date past 9999 on its time zone": f"  - {{action: verify, claim: {claim}, date: '9999-12-31T23:59:59-05:00'}}\n",
        "a date as a number": f"  - {{action: verify, claim: {claim}, date: 20241345}}\n",
        "a newline in a link": f'  - {{action: verify, claim: {claim}, link: "https://example.org/a\\nb"}}\n',
        "'<' in a link": f"  - {{action: verify, claim: {claim}, link: 'https://example.org/<x>'}}\n",
        "a link with a space and a port out of range": f"  - {{action: verify, claim: {claim}, link: 'http://a b:99999/'}}\n",
        "claim id with letters in the span": "  - {action: verify, claim: 00e3b7e3/abc-def}\n",
        "claim id of slashes": "  - {action: verify, claim: ///}\n",
        "claim id as a number": "  - {action: verify, claim: 12345}\n",
        "claim id as an IRI with a space": "  - {action: verify, claim: 'http://a b'}\n",
        "claim id with a huge span": "  - {action: verify, claim: 00e3b7e3/1-99999999999999999999999999}\n",
        "corrections: a number": None,
    }
    cases = []
    for what, body in bodies.items():
        text = "analyst: Jane Doe\ncorrections: 5\n" if body is None else "analyst: Jane Doe\ncorrections:\n" + body
        cases.append(Case(f"curate {what}", ["curate", lab.write(f"mistakes/curate-{len(cases)}.yaml", text)],
                          store=True))
    cases.append(Case("curate a binary file", ["curate", lab.write("mistakes/binary.yaml", bytes(range(256)))],
                      store=True))
    cases.append(Case("curate an empty file", ["curate", lab.write("mistakes/empty.yaml", "")], store=True))
    return cases


def registry_values(lab: Lab) -> list[Case]:
    bodies = {
        "grade: [A]": "sources:\n  - {name: TASS, grade: [A]}\n",
        "name: a mapping": "sources:\n  - {name: {a: b}, grade: C}\n",
        "the same name in another case": "sources:\n  - {name: ТАСС, grade: C}\n  - {name: тасс, grade: D}\n",
        "sources: text": "sources: everything\n",
        "grade: 7": "sources:\n  - {name: TASS, grade: 7}\n",
    }
    return [Case(f"report --registry with {what}", ["report", "--registry", lab.write(f"mistakes/reg-{k}.yaml", body)],
                 store=True) for k, (what, body) in enumerate(bodies.items())]


def commands(lab: Lab) -> list[Case]:
    binary = lab.write("mistakes/binary.rq", bytes(range(256)) * 4)
    jsonl = {
        "text: 5": '{"doc_id": "a", "text": 5}\n',
        "text: null": '{"doc_id": "a", "text": null}\n',
        "text: a list": '{"doc_id": "a", "text": ["x"]}\n',
        "doc_id: a mapping": '{"doc_id": {"a": 1}, "text": "Officials said 4 ships sank."}\n',
        "a line that is not JSON": "{nope\n",
        "a line nested 100,000 deep": "[" * 100_000 + "\n",
        "doc_id: true": '{"doc_id": true, "text": "Officials said 4 ships sank."}\n',
    }
    cases = [
        Case("query --timeout nan", ["query", "--timeout", "nan", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"], store=True,
             rc=2),
        Case("query --timeout inf", ["query", "--timeout", "inf", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"], store=True,
             rc=2),
        Case("query --file of a binary", ["query", "--file", binary], store=True),
        Case("query that does not parse", ["query", "SELEC ?x WHERE {"], store=True, needle="1:1"),
        Case("claim 'http://a b'", ["claim", "http://a b"], store=True),
        Case("claim 'nope'", ["claim", "nope"], store=True),
        Case("claim 99999 (no such number)", ["claim", "99999"], store=True),
        Case("report -o /dev/full", ["report", "-o", "/dev/full"], store=True),
        Case("export -o /dev/full", ["export", "-o", "/dev/full"], store=True),
        Case("report to a stdout that is /dev/full", lambda: _stdout_full(lab), store=True),
        Case("report -o in a missing folder", ["report", "-o", lab.root / "missing/r.txt"], store=True,
             needle="missing", rc=2),
        Case("view --png in a missing folder", ["view", "--png", lab.root / "missing/g.png"], store=True, rc=2),
        Case("remove an article no one stored", ["remove", "no such article"], store=True),
        Case("disk full during ingest (a 200 KB file size limit)", lambda: _disk_full(lab), check=_still_opens(lab)),
    ]
    for k, (what, line) in enumerate(jsonl.items()):
        path = lab.write(f"mistakes/records-{k}.jsonl", line)
        cases.append(Case(f"extract --jsonl with {what}", ["extract", "--jsonl", path, "-o", lab.root / f"x{k}.jsonl"]))
    cases.append(Case("ingest --jsonl with text: 5", ["ingest", "--jsonl", lab.root / "mistakes/records-0.jsonl"],
                      store=True, one_line=False))
    return cases


def _stdout_full(lab: Lab) -> Result:
    with open("/dev/full", "w") as full:
        started = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "provgraph.cli", "report", "--store", lab.store], stdout=full,
                           stderr=subprocess.PIPE, timeout=120)
    return Result(p.returncode, "", p.stderr.decode("utf-8", "replace"), time.perf_counter() - started)


def _disk_full(lab: Lab) -> Result:
    """A full disk, replayed by a file size limit: a write past it fails with EFBIG (Python ignores
    SIGXFSZ), where a full disk fails with ENOSPC; both reach the same code."""
    limit = 200_000
    folder = lab.dir("mistakes/sixty")
    for k in range(60):
        (folder / f"a{k}.txt").write_text(ARTICLE.format(n=k + 2) * 40, encoding="utf-8")

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    started = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "provgraph.cli", "ingest", folder, "--engine", "rules",
                        "--store", lab.root / "full-store"], capture_output=True, preexec_fn=small_disk, timeout=120)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
                  time.perf_counter() - started)


def _still_opens(lab: Lab):
    def check(r: Result) -> str | None:
        after = cli("stats", "--store", lab.root / "full-store")
        return None if after.rc == 0 else f"the store does not open after: {after.err.strip()[-120:]}"
    return check


def sections(lab: Lab):
    yield "user errors: corrections files", curate_values(lab)
    yield "user errors: sources.yaml", registry_values(lab)
    yield "user errors: options, outputs, records", commands(lab)

