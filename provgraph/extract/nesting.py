"""Which attribution relays which in one sentence, and how far a quotation's content reaches.

"RIA reported that officials said X": the inner attribution's cue lies in the outer one's content,
so the outer relays it (a chain the report follows to its root). "“A. B. C,” X said": the content
is the whole quotation, not the part in the cue's sentence.

Why a module of its own: it decides chains, the structure the report's `indirect-chain` and
corroboration rest on, from spans alone, after each attribution was found.
"""

from __future__ import annotations

import re

from provgraph.model import Attribution, Span


def whole_quotation(a: Attribution, quotes: list[Span], text: str) -> None:
    """“A. B. C,” X said: the cue's sentence holds only C, but X said all of it. The content starts
    where the quotation does (not over its own cue: a transcript label inside the quote marks)."""
    if not a.content or a.quote not in ("direct", "mixed") or a.carried:
        return
    first = a.content[0]
    whole = next((q for q in quotes if q.start < first.start < q.end <= first.end + 2), None)
    if whole is None or a.cue is not None and whole.start <= a.cue.start < first.start:
        return
    a.content[0] = Span(whole.start, first.end, text[whole.start:first.end])


def inside(a: Attribution, b: Attribution) -> bool:
    """`a`'s cue lies in `b`'s content."""
    return a.cue is not None and any(c.start <= a.cue.start and a.cue.end <= c.end for c in b.content)


def link_nested(here: list[Attribution]) -> None:
    """An attribution whose cue lies inside another's content is relayed by it. When each lies in
    the other's content ("According to Z, Y, X said"), the framing one relays the other."""
    for inner in here:
        for outer in here:
            if outer is inner or not inside(inner, outer):
                continue
            if inner.source is not None and inner.source is outer.source and outer.source_kind == "document" \
                    and inner.source_span is not None and inner.source_span.start > outer.content[0].start \
                    and len(" ".join(c.text for c in _until(outer.content, inner.source_span.start)).split()) >= 3:
                # "52 percent agreed that X, while 73 percent said Y": two findings of one poll, side by side
                outer.content = _until(outer.content, inner.source_span.start)
                continue
            if inside(outer, inner) and _frames(inner, outer):
                continue  # mutual: only the framing cue relays the other
            if inner.relayed_by is None or _width(outer) < _width(inner.relayed_by):
                inner.relayed_by = outer
                if inside(outer, inner):  # the claim is where both contents overlap
                    inner.content = _overlap(inner.content, outer.content) or inner.content
    for a in here:  # never a cycle, whatever the text
        seen, node = {id(a)}, a.relayed_by
        while node is not None:
            if id(node) in seen:
                a.relayed_by = None
                break
            seen.add(id(node))
            node = node.relayed_by


def _until(spans: list[Span], end: int) -> list[Span]:
    """The spans cut at `end`, without the connective that led to what follows ("..., while")."""
    out = []
    for x in spans:
        if x.start >= end:
            continue
        text = re.sub(r"(?:[\s,;:—–-]|\b(?:while|and|but|whereas)\b)+$", "", x.text[:max(0, end - x.start)])
        if text:
            out.append(Span(x.start, x.start + len(text), text))
    return out or spans


def _overlap(a: list[Span], b: list[Span]) -> list[Span]:
    """The parts of spans `a` that also lie in spans `b`, trimmed of edge commas and spaces."""
    out = []
    for x in a:
        for y in b:
            start, end = max(x.start, y.start), min(x.end, y.end)
            text = x.text[start - x.start:end - x.start]
            lead = len(text) - len(text.lstrip(" ,;:"))
            text = text.strip(" ,;:")
            if text:
                out.append(Span(start + lead, start + lead + len(text), text))
    return out


def _frames(a: Attribution, b: Attribution) -> bool:
    """Of two cues inside each other's content, `a` frames `b`: "according to" is the frame
    wherever it stands ("According to Reuters, Y, Brennan said": Reuters relays Brennan);
    otherwise the later cue ("Y, X said" frames what comes before it)."""
    if (a.cue_lemma == "according to") != (b.cue_lemma == "according to"):
        return a.cue_lemma == "according to"
    return a.cue.start > b.cue.start


def _width(a: Attribution) -> int:
    return sum(c.end - c.start for c in a.content)
