#!/usr/bin/env python3
"""Mine which given names are a man's and which a woman's, from honorifics in PolNeAR train.

Why: "Mrs. Clinton said" in an article that has named both Bill and Hillary Clinton is hers, and
only the given name says which Clinton is which. Newspapers that use honorifics name someone in
full once ("Hillary Clinton") and then "Mrs. Clinton": where an article gives one given name for a
surname and then "Mr." or "Mrs."/"Ms." with it, that given name counts once for that gender. A
name is kept when it was seen at least MIN_SEEN times and never with the other gender. Only names
and counts are written (the corpus texts are copyrighted), from the TRAIN split only.

Writes provgraph/lexicons/given_names.txt (name, he or she, count).

Usage: python bench/mine_given_names.py [--train PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from provgraph.extract import lexicon  # noqa: E402
from provgraph.extract.names import CALENDAR, SENTENCE_OPENERS, known_word  # noqa: E402

DEFAULT_TRAIN = REPO.parent / "shared" / "eval" / "polnear" / "train.jsonl"
OUTPUT = REPO / "provgraph" / "lexicons" / "given_names.txt"
MIN_SEEN = 3
FULL_NAME = re.compile(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-z]+)\b")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\. ([A-Z][a-z]+)\b")
GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}


def given_name(word: str) -> bool:
    """Could this capitalised word be a given name (not a title, month, demonym or lexicon word)?"""
    low = word.lower()
    return not (known_word(word) or low in CALENDAR or low in SENTENCE_OPENERS or word in GENDER or low in lexicon.words("titles.txt")
                or word in lexicon.words("demonyms.txt", lower=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    args = ap.parse_args()
    seen: dict[str, Counter] = defaultdict(Counter)
    with open(args.train, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            given: dict[str, set[str]] = defaultdict(set)  # surname -> the given names written with it
            for m in FULL_NAME.finditer(text):
                if given_name(m.group(1)):
                    given[m.group(2)].add(m.group(1))
            genders: dict[str, set[str]] = defaultdict(set)  # surname -> the genders its honorifics give
            for m in HONORIFIC.finditer(text):
                genders[m.group(2)].add(GENDER[m.group(1)])
            for surname, said in genders.items():  # one given name, one gender: no doubt whose
                if len(said) == 1 and len(given.get(surname, ())) == 1:
                    seen[next(iter(given[surname]))][next(iter(said))] += 1
    rows = sorted((name, c.most_common(1)[0][0], sum(c.values())) for name, c in seen.items()
                  if len(c) == 1 and sum(c.values()) >= MIN_SEEN)
    lines = ["# Given names and the gender honorifics give them in PolNeAR train (bench/mine_given_names.py):",
             "# name, he or she, articles seen in. A given name seen with both is left out."]
    lines += [f"{name}\t{gender}\t{count}" for name, gender, count in rows]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} given names written to {OUTPUT}")


if __name__ == "__main__":
    main()
