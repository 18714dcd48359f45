"""Quoted passages: curly and straight double quotes, curly single quotes used as quote marks.

An apostrophe inside a word (Ukraine’s, don’t) is never a quote mark. Unbalanced marks are
tolerated: an opening mark with no close runs to the end of its paragraph (line).
"""

from __future__ import annotations

import re

from provgraph.model import Span

_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "«": "»", "„": "“"}
_MARK = re.compile(r"[“”‘’\"«»„]")


def find_quotes(text: str) -> list[Span]:
    """Return the spans *inside* each pair of quote marks (marks excluded)."""
    quotes: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        m = _MARK.search(text, i)
        if m is None:
            break
        mark, pos = m.group(0), m.start()
        if mark not in _OPEN_CLOSE or not _can_open(text, pos, mark):
            i = pos + 1
            continue
        close = _find_close(text, pos + 1, _OPEN_CLOSE[mark], mark)
        if mark == "“":
            straight = _straight_close(text, pos + 1, close)
            close = straight if straight is not None else close
        elif mark == '"':  # ('"We have a lot of work ahead of us,” said Clinton': the other way round)
            curly = text.find("”", pos + 1, close if close is not None else _line_end(text, pos))
            close = curly if curly >= 0 and "“" not in text[pos + 1:curly] else close
        end = close if close is not None else _line_end(text, pos)
        if end > pos + 1:
            quotes.append(Span(pos + 1, end, text[pos + 1:end]))
        i = (close + 1) if close is not None else end
    return quotes


def _can_open(text: str, pos: int, mark: str) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if after.isspace():
        return False
    if mark in "‘":
        return not before.isalnum()
    if mark == '"':
        return not before.isalnum() and before not in ".,;:!?"
    return True


def _find_close(text: str, start: int, close: str, open_mark: str) -> int | None:
    """Position of the closing mark; for ’ skip apostrophes (a letter follows)."""
    limit = _paragraph_end(text, start, paragraphs=3)
    j = start
    while True:
        j = text.find(close, j, limit)
        if j < 0:
            return None
        if close != open_mark and _reopened_mid_line(text, start, j, open_mark):
            return None  # a new quotation opens inside a later line: the first one was never closed
        nxt = text[j + 1] if j + 1 < len(text) else " "
        if close == "’" and nxt.isalpha():
            j += 1
            continue
        if close == '"' and open_mark == '"' and text[j - 1].isspace() and nxt.isalnum():
            return None  # a new opening straight quote: the first one was unbalanced
        return j


def _straight_close(text: str, start: int, curly: int | None) -> int | None:
    """A straight mark closing a curly quotation in the same paragraph, before any curly close
    ("“... other communities," the Sentinel reported"): text mixing both kinds is common. Only one
    that ends a word and is followed by a space or punctuation closes."""
    limit = curly if curly is not None else _line_end(text, start)
    inner = False  # a straight quotation inside the curly one ('“He called it a "hoax," she said”')
    j = text.find('"', start, limit)
    while j >= 0:
        after = text[j + 1] if j + 1 < len(text) else " "
        if (j == start or text[j - 1].isspace()) and after.isalnum():
            inner = True  # (also one opening right after the curly mark: '“"Fake news" is what ...')
        elif text[j - 1].isdigit():
            pass  # an inch mark: 'the 12" pipe'
        elif not text[j - 1].isspace() and (after.isspace() or after in ",.;:!?)"):
            if not inner:
                return j
            inner = False
        j = text.find('"', j + 1, limit)
    return None


def _reopened_mid_line(text: str, start: int, stop: int, mark: str) -> bool:
    """An opening mark in a later line that is not at the line's start. At the start it is the
    news convention for a quotation that runs on over paragraphs (each paragraph re-opens it)."""
    k = text.find(mark, start, stop)
    while k >= 0:
        line_start = text.rfind("\n", start, k)
        if line_start >= 0 and text[line_start + 1:k].strip():
            return True
        k = text.find(mark, k + 1, stop)
    return False


def _line_end(text: str, start: int) -> int:
    """Where an unclosed quotation ends: at the end of its line (paragraph)."""
    k = text.find("\n", start)
    return len(text) if k < 0 else k


def _paragraph_end(text: str, start: int, paragraphs: int = 1) -> int:
    """End of the paragraph (a line break) that `start` is in, or of the n-th one after it."""
    j = start
    for _ in range(paragraphs):
        k = text.find("\n", j + 1)
        if k < 0:
            return len(text)
        while k + 1 < len(text) and text[k + 1] in "\n\r \t":
            k += 1
        j = k
    return text.rfind("\n", 0, j + 1) if j < len(text) else j
