"""Sentence splitting with character offsets, tuned for news copy (abbreviations, initials, quotes)."""

from __future__ import annotations

import re

from provgraph.model import Span

# Tokens ending in "." that do not end a sentence when followed by a capitalised word.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj adm cmdr gov sen rep rev st jr sr
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig approx est dept
    inc corp ltd co bros vs etc al u.s u.k u.n e.g i.e a.m p.m ft mt pres sec atty supt del hon amb
    ind wis mich minn calif colo conn fla ga ky md neb nev okla tenn tex va ariz""".split()
)

# A candidate break: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BREAK = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|\n\s*\n|\n""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


# Capitalised words that start a sentence far more often than they follow an initial.
_STARTERS = frozenset("The A An He She It They We I In But And This That These Those There His Her Its Their "
                      "On At For As If When While After Before".split())

MAX_SENTENCE = 1500  # characters; longer runs (a file with no sentence breaks) are cut at spaces


def split_sentences(text: str) -> list[Span]:
    """Split `text` into sentence spans; offsets index `text`, spans are stripped of edge whitespace."""
    spans: list[Span] = []
    start = 0
    for m in _BREAK.finditer(text):
        end = m.end()
        if m.group(0)[0] == "." and not _ends_sentence(text, m.start(), end):
            continue
        if m.group(0)[-1] in "\"'”’" and _continues(text, end):
            continue  # “Is it over?” she asked.
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add_one(text, start, cut, spans)
        start = cut
    _add_one(text, start, end, spans)


_SPEECH = frozenset("said says asked asks added replied wrote told tweeted shouted answered".split())


def _continues(text: str, end: int) -> bool:
    """After a closing quote, a lowercase word or a speech verb carries the same sentence on; after
    a quoted question or exclamation, so does a name with its speech verb ("...!” Sen. Ana Ruiz said)."""
    m = re.match(r"\s+(\w+)", text[end:end + 30])
    if not m or "\n" in text[end:m.start(1) + end]:
        return False
    if m.group(1)[0].islower() or m.group(1).lower() in _SPEECH:
        return True
    tag = _NAMED_TAG.match(text, end, end + 80)
    return text[end - 2:end - 1] in ("?", "!") and tag is not None and tag.group(1) in _SPEECH \
        and m.group(1) not in _STARTERS | _NOBODY  # not "“Is it over?” Nobody answered."


_NOBODY = frozenset("Nobody Everyone Everybody Someone Somebody No One Many Some All Most Few Others You Who "
                    "What Both Neither".split())
# a name of up to six capitalised words, titles with their stops, then its verb
_NAMED_TAG = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){1,6}([a-z]+)\b")


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    """A '.' ends a sentence unless it closes an abbreviation or an initial before a capital, or a
    lower-case word follows ("The S.E.C. said"): edited copy starts no sentence in lower case."""
    following = text[end:end + 12].lstrip()
    if following[:1].islower():
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if word is None:
        return True
    token = word.group(1).lower()
    if token in ABBREVIATIONS:
        return False
    if (len(token) == 1 and token.isalpha() or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)) and following[:1].isupper() \
            and following.split(" ")[0] not in _STARTERS:
        return False  # initials: "John F. Kennedy", "G.K. Butterfield"
    return True


def _add_one(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
