"""Renderers: report and query results as text, json, csv, markdown; the graph as HTML. Also the
one set of format names every command uses, the file suffixes that choose them, and counts in
words."""

from __future__ import annotations

from pathlib import Path

from provgraph.errors import InputError

# A file's suffix -> the formats it names, the first a command offers wins: `-o report.json` is
# JSON from `report`, JSON-LD from `export`. One list for every command's -o and for `import`.
SUFFIXES = {".txt": ("text",), ".json": ("json", "jsonld"), ".csv": ("csv",), ".md": ("markdown",),
            ".markdown": ("markdown",), ".jsonl": ("jsonl",), ".ttl": ("turtle",), ".turtle": ("turtle",),
            ".trig": ("trig",), ".nq": ("nquads",), ".nquads": ("nquads",), ".nt": ("ntriples",), ".ntriples": ("ntriples",),
            ".jsonld": ("jsonld",), ".rdf": ("rdfxml",), ".owl": ("rdfxml",), ".xml": ("rdfxml",)}
ALIASES = {"table": "text"}  # names still accepted for old scripts: `query`/`stats` said table


def format_for(path: str | Path, offered) -> str | None:
    """The format among `offered` that `path`'s suffix names; None when the suffix names no format
    (`graph.out`). A suffix that names only formats not offered is an InputError that says so."""
    suffix = Path(path).suffix.lower()
    named = SUFFIXES.get(suffix)
    if named is None:
        return None
    found = next((f for f in named if f in offered), None)
    if found is None:
        raise InputError(f"{path}: a {suffix} file holds {named[0]}, and this command's formats are "
                         f"{', '.join(offered)}; give --format or another file name")
    return found


def count(n: int, noun: str) -> str:
    """"1 claim", "0 claims", "1,500 claims"."""
    return f"{n:,} {noun if n == 1 else noun + 's'}"
