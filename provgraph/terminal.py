"""What the CLI prints cannot drive the terminal, whatever it came from.

Titles, outlets, analysts' notes and file names are untrusted text: an OSC or CSI sequence in one
of them could retitle the window, hide lines or forge a link, and a bidi override can reverse what
is shown. Every control character (C0 but tab and newline, DEL, C1) and every bidi control that
the CLI writes becomes the six characters `\\uXXXX`: visible to a person, and in JSON, N-Quads,
Turtle and TriG the standard escape for the same character, so data printed in those formats
keeps its meaning.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

_UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_OUT = re.compile(f"[{_UNSAFE}]|\r(?!\n)")  # "\r\n" ends CSV lines; a lone "\r" rewrites one
_UNSAFE_ERR = re.compile(f"[{_UNSAFE}]")  # the progress bar redraws itself with "\r"


def visible(text: str, pattern: re.Pattern = _UNSAFE_OUT) -> str:
    return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Visible:
    """A text stream that writes through `visible`; everything else is the wrapped stream's."""

    def __init__(self, stream, pattern: re.Pattern):
        self._stream, self._pattern = stream, pattern

    def write(self, text: str) -> int:
        self._stream.write(visible(text, self._pattern))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def guarded():
    """Within the block, sys.stdout and sys.stderr write only visible characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out, _UNSAFE_OUT), _Visible(err, _UNSAFE_ERR)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
