"""What a sentence's reading finds before the pipeline resolves it: an attribution as mentions and spans.

Why a module of its own: the cue readers (cues.py, layout.py, linking.py) build it and the scope
steps (scope.py, carryover.py) reshape it; none of them should have to import another's logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provgraph.extract.mention import Mention
from provgraph.model import Span


@dataclass
class Found:
    """One attribution found in a sentence, as mentions and spans (resolved later by the pipeline)."""

    mention: Mention | None
    cue: Span
    cue_lemma: str
    content: list[Span]
    quote: str = "indirect"
    via: Mention | None = None
    anonymity: bool = False
    sentence: Span | None = None
    extra: dict = field(default_factory=dict)
