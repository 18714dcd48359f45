"""Analyses over the stored graph: the weak-sourcing report and the cross-article analyses."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def gc_paused():
    """Python's cyclic garbage collector off while an analysis builds its data (also a decorator).
    That data is rows, dicts, lists and strings, which reference counting frees; with a corpus
    in memory, each automatic full collection walks every object and finds nothing to free (a
    third of a complete report at 1,000 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
