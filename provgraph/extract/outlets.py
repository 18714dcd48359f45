"""Outlets by name: a known outlet as written or as it prints itself in capitals, or a name beside
an outlet word ("news agency RIA", "the Kyiv Post newspaper"), and one name for an outlet's aliases.

Why a module of its own: every source phrase is checked for an outlet before anything else
(sources.parse_mention), and the graph names an outlet's IRI by the same canonical name (rdf.py).
"""

from __future__ import annotations

from functools import cache

from provgraph.extract import lexicon
from provgraph.extract.names import CALENDAR, DETERMINERS, span_text
from provgraph.extract.tokens import Token


def outlet_name(tokens: list[Token], article: str) -> list[Token] | None:
    """Longest run of tokens that is a known outlet name, or a capitalised name beside an outlet word."""
    outlets = lexicon.words("outlets.txt", lower=False)
    best: list[Token] | None = None
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + 5), i, -1):
            if span_text(tokens[i:j], article) in outlets or shouted_outlet(span_text(tokens[i:j], article)):
                if best is None or j - i > len(best):
                    best = tokens[i:j]
                break
    if best:
        return best
    words = [t.lower for t in tokens]
    if any(w in lexicon.words("outlet_words.txt") for w in words) and words[-1] not in lexicon.words("anonymous_nouns.txt"):
        # the name is the last capitalised run, capitalised outlet words included ("news agency RIA",
        # "the Coast Times", "the Kyiv Post newspaper"); lowercase ones ("agency") are not part of it
        run: list[Token] = []
        for t in reversed(tokens):
            capital = t.is_cap and t.text not in lexicon.words("demonyms.txt", lower=False) and t.lower not in DETERMINERS
            if capital:
                run.insert(0, t)
            elif run:
                break
        outlet_words = lexicon.words("outlet_words.txt")
        if run and any(t.lower not in outlet_words and t.lower not in CALENDAR for t in run) \
                and next_to_outlet_word(tokens, run):
            return run
    return None


def shouted_outlet(text: str) -> str | None:
    """"POLITICO", "USA TODAY": an outlet as it prints its own name, in capitals (outlets.txt spells
    it "Politico"); not a short acronym, which the list holds as it is written."""
    return _outlets_in_capitals().get(text) if len(text) > 3 and text.isupper() else None


@cache
def _outlets_in_capitals() -> dict[str, str]:
    return {name.upper(): name for name in lexicon.words("outlets.txt", lower=False)}


def next_to_outlet_word(tokens: list[Token], run: list[Token]) -> bool:
    """"news agency RIA", "the Kyiv Post newspaper": the name stands by its outlet word, not after a
    preposition ("slanted news from Norway" names a country, not an outlet)."""
    first, last = tokens.index(run[0]), tokens.index(run[-1])
    outlet_words = lexicon.words("outlet_words.txt")
    if any(t.lower in outlet_words for t in run):
        return True
    before = next((t for t in reversed(tokens[:first]) if t.lower not in DETERMINERS), None)
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return any(t is not None and t.lower in outlet_words for t in (before, after))


def canonical_outlet(name: str) -> str:
    """"RIA" -> "RIA Novosti": one name for an outlet's aliases (outlets.txt, second column)."""
    name = shouted_outlet(name) or name
    cols = lexicon.table("outlets.txt").get(name.lower())
    return cols[0] if cols else name
