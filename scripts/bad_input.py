#!/usr/bin/env python3
"""Replay every attack of issue 16 against provgraph and print what happened to each.

One line per attack: the verdict (OK, FAIL, SKIP), the attack, the exit code and the first line
on stderr; under a FAIL, why. An attack is handled when there is no traceback, the exit code is
the expected one (a refusal: 1, with one "Error:" line), nothing is printed raw (no C0, C1 or bidi
control), the baseline store (the samples, ingested first) keeps its counts, and nothing is
fetched (a local server on 127.0.0.1 records every request). The attacks live in
scripts/attacks/, one module per concept: bad files and batches (files), names and terminal
escapes (content), the network (network), import and expansion (rdf), cost, readers and kills
(load), user errors (mistakes).

    python scripts/bad_input.py            # a few minutes; uses a temporary folder
    python scripts/bad_input.py --quick    # without the slow cost cases and the 17 MB article
    python scripts/bad_input.py --keep DIR # keep the files and stores in DIR to look at
    python scripts/bad_input.py --only names,escapes   # sections whose title holds a word given
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from attacks import MODULES
from attacks.common import AS_ROOT, NO_OVERRIDE, Lab, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="folder to keep the files and stores in")
    ap.add_argument("--quick", action="store_true", help="skip the slow cases (cost, the 17 MB article)")
    ap.add_argument("--only", help="comma-separated words: run only the sections whose title holds one")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="provgraph-attacks-"))
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    lab = Lab(root, args.quick)
    print(f"baseline: samples ingested, {lab.counts}")
    if AS_ROOT:
        print("running as root: permission attacks run " + ("under setpriv without CAP_DAC_OVERRIDE"
                                                           if NO_OVERRIDE else "nowhere (no setpriv): SKIP"))
    only = [w.strip() for w in args.only.split(",")] if args.only else None
    try:
        for module in MODULES:
            for title, cases in module.sections(lab):
                if only is None or any(w in title for w in only):
                    lab.section(title, cases)
    finally:
        lab.server.stop()
    after = counts(lab.store)
    intact = after == lab.counts
    print(f"\nbaseline store after everything: {after} ({'intact' if intact else 'CHANGED'})")
    print(f"server requests (only the allowed control and the liar endpoints may appear): "
          f"{sorted({p.split('?')[0] for p in lab.server.paths})}")
    verdicts = [r.verdict for r in lab.rows]
    failed = [r for r in lab.rows if r.verdict == "FAIL"]
    print(f"\n{len(verdicts)} attacks: {verdicts.count('OK')} OK, {len(failed)} FAIL, {verdicts.count('SKIP')} SKIP"
          f" ({time.perf_counter() - started:.0f} s)")
    for r in failed:
        print(f"  FAIL {r.section} / {r.name}: {r.why}")
    if not args.keep:
        for path in root.rglob("*"):  # the chmod 000 and read-only ones too
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(root, ignore_errors=True)
    ok = not failed and intact
    print("ALL HANDLED" if ok else "SOMETHING WENT WRONG")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
