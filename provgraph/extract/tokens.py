"""Word tokens with character offsets: the unit every rule in extraction works on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Internal dots only join single letters ("U.S", "e.g"), so "said.Trump" (a missing space) splits.
_TOKEN = re.compile(r"\w+(?:[’'\-&/]\w+)*(?:\.\w(?!\w))*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `offset` so they index the whole article."""
    return [Token(m.group(0), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]
