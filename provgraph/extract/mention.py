"""A source phrase as parsed (sources.py), before it is resolved to a `Source` (sourcebook.py)."""

from __future__ import annotations

from dataclasses import dataclass

from provgraph.model import Span


@dataclass
class Mention:
    """A parsed source noun phrase, before it is resolved to a `Source`."""

    span: Span
    kind: str  # person | organization | outlet | anonymous | document | pronoun | definite
    label: str
    head: str
    anonymous: bool = False
    descriptor: str | None = None
    affiliation: str | None = None
    role: str | None = None
    nationality: str | None = None
    possessor: str | None = None  # "his report": the pronoun that owns a document
