"""Hedge words ("allegedly", "may", "unverified") found in a span of text."""

from __future__ import annotations

import re
from functools import cache

from provgraph.extract import lexicon
from provgraph.model import Span


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
        if not _hedges_here(word, text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 24]):
            continue
        if word not in seen:
            seen.append(word)
    return seen


# Words that hedge only in one construction: "may have", "appears to", "is believed to"; elsewhere they
# are another sense ("could harass", "likely to support", "before the flames appeared").
_MODAL = frozenset({"may", "might", "could"})
_SEEM = frozenset({"appears", "appear", "appeared", "seems", "seem", "seemed"})
_FRAMING = frozenset({"claim", "claims", "claimed", "claiming", "allege", "alleges", "suggest", "suggests",
                      "suggested"})  # a hedge as the cue of an attribution (pipeline.HEDGING_CUES), not as a word


def _hedges_here(word: str, before: str, after: str) -> bool:
    if word == "could":  # "could be doing more", "could be worrisome": ability and condition, not doubt;
        # "could have", "could be as high as 200", "could be 40 percent": doubt about a fact or figure
        return bool(re.match(r"\s+(?:not\s+|well\s+|also\s+)?(?:have\b|be\s+(?:as|more|less|up|over|nearly|about|"
                             r"around|roughly)\b|be\s+[\d$€£])", after))
    if word in _MODAL:
        return bool(re.match(r"\s+(?:not\s+|well\s+|also\s+)?(?:have|be)\b", after))
    if word in _SEEM:
        return bool(re.match(r"\s+(?:to|that)\b", after))
    if word in ("likely", "unlikely"):
        return not re.match(r"\s+to\b", after) and bool(re.search(r"\b(?:is|are|was|were|most|very)\s*$", before))
    if word == "believed":
        return bool(re.search(r"\b(?:is|are|was|were|been|widely)\s*$", before))
    if word in ("alleged", "suspected", "purported", "reputed") and _PERSON_AFTER.match(after):
        # "police arrested the alleged gunman": the law's word for a suspect, no doubt about the
        # sentence; "the alleged fraud" still doubts the event
        return False
    return word not in _FRAMING


# the people "alleged" and "suspected" name (a suspect, not a doubt about the sentence)
_PERSON_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(gunm[ae]n|shooters?|attackers?|killers?|bombers?|hijackers?|hackers?|"
                           r"perpetrators?|plotters?|masterminds?|ringleaders?|terrorists?|militants?|members?|"
                           r"leaders?|victims?|suspects?|thie(?:f|ves)|spy|spies|accomplices?|traffickers?|smugglers?)"
                           r"\b(?![\w-]*\s+(?:attack|plot|ring|scheme)s?\b)")


def _strength(hedge: str) -> str:
    cols = lexicon.table("hedges.txt").get(hedge, ())
    return cols[0] if cols else "weak"


def is_strong(hedge: str) -> bool:
    """A strong hedge says the statement itself is unverified ("allegedly", "apocryphal")."""
    return _strength(hedge) == "strong"


def outside_quotes(sentence: Span, quotes: list[Span]) -> str:
    """The sentence's text with its quotations blanked out (same length): what the writer says in
    their own voice."""
    text = sentence.text
    for q in quotes:
        if q.start < sentence.end and sentence.start < q.end:
            a, b = max(q.start, sentence.start) - sentence.start, min(q.end, sentence.end) - sentence.start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def narrator_hedges(sentence: Span, quotes: list[Span]) -> list[str]:
    """Hedges in the article's own voice: the sentence with its quotations left out (a hedge
    inside a quoted opinion is the speaker's, not the article's)."""
    return find_hedges(outside_quotes(sentence, quotes))
