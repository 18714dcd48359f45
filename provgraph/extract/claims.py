"""What a claim states: its figures, and whether it reports a past event of a named actor
(checkable.py decides from these whether it can be checked)."""

from __future__ import annotations

import re
from functools import lru_cache

from provgraph.extract import lexicon
from provgraph.extract.tokens import Token
from provgraph.model import Span

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "dozen dozens"
).split()
FULL_MONTHS = tuple("january february march april may june july august september october november december".split())
MONTHS = frozenset(FULL_MONTHS) | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())  # "Sept. 11"

FIGURE = re.compile(
    r"(?<![\w./])(?:[$€£]\s?)?\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?(?:\s?(?:%|percent|per cent))?(?!/\d)"
    r"|(?<![\w./])(?:[$€£]\s?)?\d+(?:\.\d+)?(?:\s?(?:%|percent|per cent|k|m|mn|b|bn|t|tn|million|billion|trillion|thousand))?"
    r"(?![\w]|/\d)"
    r"|\b(?:hundreds|thousands|millions|billions|dozens|tens of thousands) of\b",
    re.IGNORECASE,
)
# Figures in words ("six million", "a third of", "one in four"): searched only in a text that holds
# one of WORD_HINTS or a ratio (the alternation, tried at every position, tripled the time of figures)
WORD_FIGURE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|one) (?:hundred|thousand|million|billion|trillion)\b"
    r"|\b(?:a|one|two) ?-?(?:thirds?|quarters?|fifths?) of\b|\bhalf of\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) (?:two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+)\b"
    r"|\btwice as\b|\b(?:three|four|five|six|seven|eight|nine|ten|\d+) times (?:as|more|less|higher|lower|larger|the)\b",
    re.IGNORECASE,
)
WORD_HINTS = ("hundred", "thousand", "illion", "third", "quarter", "fifth", "half", "twice", " times ")
RATIO = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) ", re.IGNORECASE)
YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
# "I'm 100 percent sure", "he gave 110%": a way of saying "fully" ("rose to 100 percent" is a figure)
INTENSIFIER = re.compile(r"1[01]0\s?(?:%|percent|per cent)(?=\s+(?:sure|certain|committed|confident|behind|right|"
                         r"wrong|correct|true|accurate|honest|serious|convinced)\b)", re.IGNORECASE)
GIVEN_ALL = re.compile(r"\b(?:give|gives|gave|giving|given)\s+$", re.IGNORECASE)
# Nouns a number names ("Game 7", "Stage 4", "Section 230"); "Labour 412, Conservatives 121" are tallies
NUMBERED = frozenset("game stage round section phase chapter level title article category grade step part "
                     "volume episode season week day act".split())


def figures(text: str) -> list[str]:
    """Figures written in `text`: 213,000 / 90 590 / 11k / $1B / 30% / thousands of; years and the
    parts of "9/11" or "24/7" excluded."""
    return list(_figures(text))


@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[str, ...]:
    """(Asked several times of each sentence and claim, by checkability, claims and carry-over.)"""
    out = []
    low = text.lower()
    found = list(FIGURE.finditer(text))
    if any(h in low for h in WORD_HINTS) or (" in " in low or " out of " in low) and RATIO.search(text):
        words = [w for w in WORD_FIGURE.finditer(text) if not any(w.start() < m.end() and m.start() < w.end()
                                                                   for m in found)]
        found = sorted(found + words, key=lambda m: m.start())
    for m in found:
        value = m.group(0).strip()
        if YEAR.fullmatch(value) or _is_day_of_month(text, m.start()) or _is_numbered_name(text, m) \
                or _time_or_phone(text, m) \
                or INTENSIFIER.match(text, m.start()) \
                or re.fullmatch(r"1[01]0\s?(?:%|percent|per cent)", value) and GIVEN_ALL.search(text[:m.start()]):
            continue
        out.append(value)
    return tuple(out)


def _time_or_phone(text: str, m: re.Match) -> bool:
    """"10:15 a.m.", "3 p.m.": a time of day (a live blog's entry heading), not a figure; nor is a
    telephone number ("800-273-8255")."""
    around = text[max(0, m.start() - 14):m.end() + 14]
    at = m.start() - max(0, m.start() - 14)
    return any(t.start() <= at < t.end() for pattern in (CLOCK, PHONE) for t in pattern.finditer(around))


PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b")
CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?|\b\d{1,2}\s?[ap]\.m\.", re.IGNORECASE)


def _is_numbered_name(text: str, m: re.Match) -> bool:
    """"Round 2", "Game 7", "Section 230": a bare whole number after a noun that numbers things."""
    before = re.search(r"\b([A-Za-z]+)\s$", text[max(0, m.start() - 20):m.start()])
    return m.group(0).isdigit() and before is not None and before.group(1).lower() in NUMBERED

def _is_day_of_month(text: str, start: int) -> bool:
    before = text[max(0, start - 10):start].strip().split(" ")[-1:]
    return bool(before) and before[0].lower().rstrip(".") in MONTHS


def has_event_about_named_actor(tokens: list[Token]) -> bool:
    """A capitalised name (not sentence-initial) or an opening "he", "she", "they" (someone the
    article named), and a past event: "Kyiv recruited 11,000 prisoners",
    "the Prosecutor General's Office's decision to remove access". Topic nouns ("desertion") do not count."""
    if not any(k > 0 and t.is_cap and t.is_word for k, t in enumerate(tokens)) \
            and not (tokens and tokens[0].lower in ("he", "she", "they")):
        return False
    stems = lexicon.words("event_words.txt")
    for t in tokens:
        low = t.lower
        if not t.is_word or t.is_cap:
            continue
        if low == "decision" or (low.endswith("ed") or low in IRREGULAR_PAST) and any(low.startswith(s) for s in stems):
            return True
    return False


IRREGULAR_PAST = frozenset("fled struck paid fell rose cut shot sent held led met won lost hit".split())


def statement(span: Span) -> Span:
    """A content span as a statement: without the quote marks around it, an edge comma, or the
    "that" of "said that Y" (the tagger keeps these where PolNeAR's spans do), so that the claim's
    text and place (its ID) do not depend on the engine."""
    text = span.text
    start, end = 0, len(text)
    while True:
        a, b = start, end
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        if text.startswith("‘", start) and text.endswith("’", start, end) and end - start > 2:
            start, end = start + 1, end - 1
        if text.startswith("that ", start):
            start += 5
        if (a, b) == (start, end):
            break
    if start >= end:
        return span
    return Span(span.start + start, span.start + end, text[start:end])


EDGE = " ,;:“”\"\n"
