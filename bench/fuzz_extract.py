#!/usr/bin/env python3
"""Fuzz the extractor: random and adversarial text for a fixed time; every result must keep its
offsets inside the text, and nothing may raise. Prints texts, words/s and the slowest text.

    python bench/fuzz_extract.py --seconds 60 --seed 1
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback

from provgraph.extract.polnear import extract_attributions

PIECES = [
    "said", "says", "told", "according to", "as reported by", "reported that", "speaking to", "who", "that",
    "“", "”", "‘", "’", '"', "'", "«", "»", ",", ".", ";", ":", "—", "(", ")", "\n", "\n\n", "?", "!",
    "Mr.", "Gen.", "U.S.", "a senior official", "sources close to the ministry", "he", "she", "they", "it",
    "Reuters", "RIA", "the Coast Times", "Maria Lopez", "Lopez", "allegedly", "may", "13,000", "more than 2 000",
    "2024", "on Monday", "speaking on condition of anonymity", "a report from", "of Die Welt", "the source",
    "<script>", "&amp;", "\u200b", "\u2028", "\ufeff", "😀", "שלום", "Привет", "ﷺ", "\x00", "\t",
]


def random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:  # attribution-shaped token soup
        return " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 400)))
    if kind < 0.75:  # arbitrary code points
        return "".join(chr(rng.choice([rng.randint(32, 0x2FFF), rng.randint(0x10000, 0x1FFFF), 10]))
                       for _ in range(rng.randint(0, 2000)))
    if kind < 0.9:  # long runs without sentence breaks, or only quotes
        return rng.choice(["word ", "“", "’s ", "said ", ", "]) * rng.randint(1, 20000)
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 3000)))  # glued, no spaces


def check(text: str) -> None:
    for att in extract_attributions(text):
        for role in ("source", "cue", "content"):
            for span in att[role]:
                assert 0 <= span["start"] <= span["end"] <= len(text), (role, span)
                assert text[span["start"]:span["end"]] == span["text"], (role, span)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = words = chars = failures = 0
    slowest = (0.0, 0)
    deadline = time.monotonic() + args.seconds
    started = time.perf_counter()
    while time.monotonic() < deadline:
        text = random_text(rng)
        t = time.perf_counter()
        try:
            check(text)
        except Exception:
            failures += 1
            if failures <= 3:
                print(f"FAILURE on a {len(text)}-character text:\n{traceback.format_exc()}", file=sys.stderr)
        took = time.perf_counter() - t
        slowest = max(slowest, (took, len(text)))
        n += 1
        words += len(text.split())
        chars += len(text)
    elapsed = time.perf_counter() - started
    print(f"{n} texts, {chars:,} characters, {words:,} words in {elapsed:.0f} s "
          f"({words / elapsed:,.0f} words/s); failures: {failures}; "
          f"slowest text: {slowest[0] * 1000:.0f} ms for {slowest[1]:,} characters")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
