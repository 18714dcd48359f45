"""Word tokens with character offsets: the unit every rule in extraction works on."""

from __future__ import annotations

import re

# Internal dots only join single letters ("U.S", "e.g"), so "said.Trump" (a missing space) splits.
QUOTE_MARKS = frozenset("“”‘’\"«»„")
# A number with thousands separators is one token ("250,000 Syrians" is no "000 Syrians").
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\w+(?:[’'\-&/]\w+)*(?:\.\w(?!\w))*|[^\w\s]")


class Token:
    """A token and what the rules ask of it, computed once (rules ask millions of times)."""

    __slots__ = ("text", "start", "end", "lower", "is_word", "is_cap")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        self.is_word = text[0].isalnum()
        self.is_cap = is_capital(text[0])

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def is_capital(char: str) -> bool:
    """A capital letter, or a letter of a script without case (Arabic, Chinese, Hebrew...): there a
    name has no capital to show it, and every word may be one ("محمد عباس said", "王小明 said")."""
    return char.isupper() or char.isalpha() and not char.islower()


def is_initials(text: str) -> bool:
    """"G" or "G.K" (the tokeniser keeps inner dots): a dot after it is part of a name, not a stop."""
    return len(text) == 1 and text.isalpha() or bool(_INITIALS.fullmatch(text))


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `offset` so they index the whole article."""
    return [Token(m.group(0), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
