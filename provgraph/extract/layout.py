"""Credit given by layout, not wording: a transcript's speaker label ("WALLACE: ..."), a pull
quote's caption line, a "Poll:" headline label, and a dash after a quotation ("” ― Name").

Why a module of its own: these are read from where words stand on the page (a line's start, the
mark after a closing quote), not from a cue verb, and the tagger never learned them: the pipeline
keeps them whatever the tagger reads (see `is_layout_credit`).
"""

from __future__ import annotations

import re
import string
from dataclasses import replace

from provgraph.extract.found import Found
from provgraph.extract.sources import parse_mention
from provgraph.extract.tokens import Token
from provgraph.model import Span


def speaker_label(tokens: list[Token], i: int, sentence: Span, article: str) -> bool:
    """"TRUMP: ...", "SEN. GRAHAM: ..." or "Jake Tapper: ..." at the start of a paragraph, after an
    opening quote mark if the transcript is quoted: a transcript's speaker label. Not a section
    label ("UPDATE:", "EDITOR'S NOTE:") nor a one-letter "Q:" / "A:"."""
    at_line_start = sentence.start == 0 or article[sentence.start - 1] == "\n"
    lead = 0
    while lead < i and tokens[lead].text in "\"“(":
        lead += 1
    label = tokens[lead:i]
    words = [t for t in label if t.is_word]
    if at_line_start and 2 <= len(words) <= 8 and i + 2 < len(tokens) and tokens[i + 1].text in "“\"" \
            and words[-1].is_cap and words[-2].is_cap and not any(t.lower in CAPTION_PLACES for t in words):
        return True  # a pull quote's caption: "Former secretary of state Ana Ruiz:“We ...”"
    return at_line_start and bool(words) and len(words) <= 4 and i + 2 < len(tokens) \
        and all(t.is_cap or t.text in ".-’'" for t in label) \
        and not (len(words) == 1 and len(words[0].text) == 1) \
        and " ".join(t.lower for t in words) not in NOT_SPEAKERS


# Labels at the head of a paragraph that name no speaker.
NOT_SPEAKERS = frozenset(["update", "updated", "correction", "clarification", "editor's note", "editor’s note",
                          "editors note", "note", "breaking", "watch", "read", "read more", "related", "video",
                          "photos", "photo", "advertisement", "source", "sources", "exclusive", "analysis",
                          "opinion", "live", "summary", "background", "context", "more", "also", "transcript",
                          "disclosure", "warning", "caption", "credit", "editor", "editors", "by", "contact"])


def is_speaker_label(f: Found) -> bool:
    return f.cue.text == ":"


def is_layout_credit(f: Found) -> bool:
    """Credit given by layout, not wording: a transcript's "NAME:" or a quotation's "― NAME"."""
    return f.cue.text == ":" or f.cue.text in DASHES


DASHES = frozenset("―—–")
CAPTION_PLACES = frozenset("in at from on for".split())  # "Voters in New Hampshire:" names no one
LABEL_DOCUMENTS = frozenset("poll polls survey surveys study studies report analysis".split())


def dash_credit(tokens: list[Token], sentence: Span, quotes: list[Span], article: str) -> Found | None:
    """“A quotation.” ― Sonya Herridge: a dash after a closing quote mark, then a name to the end of
    the line, credits the quotation (vox pops, epigraphs, quoted posts)."""
    before = article[:sentence.start].rstrip(" \u00a0")
    if not before or before[-1] not in "”\"’'":
        return None
    quote = next((q for q in quotes if 0 <= len(before) - 1 - q.end <= 1), None)
    line_end = article.find("\n", sentence.start)
    rest = [t for t in tokens[1:] if line_end < 0 or t.end <= line_end]
    if quote is None or not rest or len(rest) > 8:
        return None
    mention = parse_mention(rest, article)
    if mention is None or mention.kind not in ("person", "organization", "outlet"):
        return None
    return Found(mention, Span(tokens[0].start, tokens[0].end, tokens[0].text), "say", [quote])


def label_credit(i: int, tokens: list[Token], sentence: Span, article: str) -> Found | None:
    """What a speaker label at token `i` (the colon) credits: the rest of the sentence, to the
    person, organisation or poll the label names."""
    lead = 0
    while tokens[lead].text in "\"“(":
        lead += 1
    mention = parse_mention(tokens[lead:i], article)
    if mention is None or mention.kind not in ("person", "organization", "outlet", "anonymous", "document") \
            or mention.kind == "document" and mention.head not in LABEL_DOCUMENTS:
        return None  # ("Editorial:", "Petition:" head a piece, they credit nothing)
    if mention.label.isupper():  # "WALLACE" is Wallace, who may be named in full elsewhere
        mention = replace(mention, label=string.capwords(mention.label))
    start = tokens[i + 1].start
    end = sentence.end
    content = Span(start, end, article[start:end])
    if mention.kind == "anonymous" and re.search(rf"\b{re.escape(mention.head)}\b", content.text, re.IGNORECASE):
        return None  # "Superdelegates: Ruiz is backed by 520 superdelegates ...": a topic, not who speaks
    # "Poll: Ruiz and Okafor tied": a document's label gives its finding
    lemma = "according to" if mention.kind == "document" else "say"
    return Found(mention, Span(tokens[i].start, tokens[i].end, ":"), lemma, [content])
