#!/usr/bin/env python3
"""Throw a folder of bad and hostile files at `provgraph ingest` and `provgraph view`, and print
what happened to each. The store must stay valid and the graph ingested before must be intact.

    python scripts/bad_input.py            # uses a temporary folder and store
    python scripts/bad_input.py --keep DIR # keep the files and store in DIR to look at
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HOSTILE_TITLE = 'Breaking <script>alert("x")</script> <img src=x onerror=alert(1)>'
CASES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b"   \n\n\t  \n",
    "binary.txt": bytes(range(256)) * 40,
    "png-named-txt.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200,
    "windows-1252.txt": "The mayor said \u201cwe will rebuild\u201d and 3,000 homes were lost.".encode("cp1252"),
    "utf16-bom.txt": "Officials said 40 people died in the flood, the agency reported.".encode("utf-16"),
    "broken-utf16.txt": b"\xff\xfeA\x00\x00\xdc",
    "utf16-no-bom.txt": "Officials said 40 people died in the flood, the agency reported.".encode("utf-16-le"),
    "utf32.txt": "Officials said 40 people died in the flood, the agency reported.".encode("utf-32"),
    "invalid-utf8.txt": b"The minister said caf\xc3\xa9 prices rose \xc3\x28 by 12 percent.",
    "mixed-encodings.txt": "caf\u00e9 ".encode("utf-8") + "na\u00efve \u201cquote\u201d".encode("cp1252"),
    "one-line-no-breaks.txt": (" ".join(["officials said"] + ["word"] * 200_000)).encode(),
    "script-only.html": b"<html><head><script>var a = 1;</script><style>p{}</style></head><body>"
                        b"<script>alert(1)</script></body></html>",
    "broken.html": b"<html><p>The spokesman said <b>40 ships <i>were delayed</p><div>unclosed",
    "unbalanced-quotes.txt": "\u201cThis never closes, she said. \u2018Nor this. \"And this.".encode(),
    "hostile.txt": (f"---\ntitle: {HOSTILE_TITLE}\noutlet: =cmd|' /C calc'!A0\n---\n"
                    "\u201c<script>alert(2)</script>,\u201d said a senior official, speaking on condition of anonymity. "
                    "=HYPERLINK(\"http://evil\") 2,000 troops left, according to <b>Reuters</b>.").encode(),
    "bad-sidecar.txt": b"The spokesman said 12 trains were cancelled.",
    "bad-sidecar.meta.json": b'{"title": "unterminated',
    "sidecar-not-object.txt": b"Analysts said 5 banks failed.",
    "sidecar-not-object.meta.json": b'["a", "list"]',
    "control-chars.txt": ("The officer said 3 soldiers left." + "\x01\x02\x03\x04\x05\x06\x07\x08" * 3).encode(),
    "huge.txt": None,  # made below: larger than the 20 MB limit
}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "provgraph.cli", *args], capture_output=True, text=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="folder to keep the files and the store in")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="provgraph-bad-"))
    bad, store = root / "bad", root / "store"
    bad.mkdir(parents=True, exist_ok=True)
    for name, data in CASES.items():
        if data is None:
            with open(bad / name, "wb") as f:
                f.truncate(21_000_000)
                f.seek(0)
                f.write(b"The minister said 3 ships sank.")
        else:
            (bad / name).write_bytes(data)

    samples = Path(__file__).resolve().parent.parent / "samples"
    first = run("ingest", str(samples), "--store", str(store))
    before = json.loads(run("report", "--format", "json", "--store", str(store)).stdout)
    print(f"baseline: samples ingested (exit {first.returncode}), {len(before['claims'])} flagged claims\n")

    ok = True
    print(f"{'file':28} {'outcome':9} message")
    for name in sorted(p.name for p in bad.iterdir() if not p.name.endswith(".meta.json")):
        r = run("ingest", str(bad / name), "--store", str(store))
        lines = [ln for ln in r.stderr.splitlines() if ln.startswith(("error:", "warning:"))]
        message = lines[0].split(": ", 2)[-1] if lines else r.stderr.strip().splitlines()[-1]
        outcome = "stored" if r.returncode == 0 else f"refused({r.returncode})"
        if "Traceback" in r.stderr:
            outcome, ok = "CRASHED", False
        print(f"{name:28} {outcome:9} {message[:110]}")

    batch = run("ingest", str(bad), "--store", str(store))
    print(f"\nwhole folder at once: exit {batch.returncode}; {batch.stderr.strip().splitlines()[-1]}")
    ok &= "Traceback" not in batch.stderr and batch.returncode == 1

    view = run("view", "-o", str(root / "graph.html"), "--store", str(store))
    html = (root / "graph.html").read_text(encoding="utf-8") if view.returncode == 0 else ""
    inert = "<script>alert" not in html and "<img src=x" not in html  # as text (escaped JSON) it is inert
    print(f"view: exit {view.returncode}; hostile text inert in HTML: {inert}")
    ok &= view.returncode == 0 and inert

    csv = run("report", "--format", "csv", "--store", str(store)).stdout
    formula = any(cell.startswith(("=", "+", "-", "@")) for line in csv.splitlines()[1:] for cell in line.split(","))
    print(f"report csv: no cell starts a formula: {not formula}")
    ok &= not formula

    stats = run("stats", "--format", "json", "--store", str(store))
    after = json.loads(run("report", "--format", "json", "--store", str(store)).stdout)
    sample_claims = {c["claim"] for c in before["claims"]}
    intact = sample_claims <= {c["claim"] for c in after["claims"]}
    print(f"store valid: {stats.returncode == 0}; samples' flagged claims all still there: {intact}")
    ok &= stats.returncode == 0 and intact
    print("\nALL HANDLED" if ok else "\nSOMETHING WENT WRONG")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
