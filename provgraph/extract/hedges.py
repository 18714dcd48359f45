"""Hedge words ("allegedly", "may", "unverified") found in a span of text."""

from __future__ import annotations

import re
from functools import cache

from provgraph.extract import lexicon


@cache
def _pattern() -> re.Pattern:
    phrases = sorted(lexicon.table("hedges.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w’'])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w’'])", re.IGNORECASE)


def find_hedges(text: str, approximations: bool = False) -> list[str]:
    """Hedge words and phrases in `text`, lowercased, in order, without repeats.
    Figure approximators ("about", "up to") only with `approximations=True`."""
    seen: list[str] = []
    for m in _pattern().finditer(text):
        word = m.group(1).lower()
        if not approximations and _strength(word) == "approx":
            continue
        if m.group(1) == "May":
            continue  # the month; the modal is lowercase in running text
        if word == "about" and not re.match(r"\s+[\d$€£]", text[m.end():m.end() + 3]):
            continue  # "about" hedges only a figure ("about 300 soldiers")
        if word not in seen:
            seen.append(word)
    return seen


def _strength(hedge: str) -> str:
    cols = lexicon.table("hedges.txt").get(hedge, ())
    return cols[0] if cols else "weak"


def is_strong(hedge: str) -> bool:
    """A strong hedge says the statement itself is unverified ("allegedly", "apocryphal")."""
    return _strength(hedge) == "strong"
