"""SPARQL SELECT results as text (an aligned table), JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import re

from provgraph.vocab import PREFIXES
from provgraph.render import count
from provgraph.render.report import safe_cell

FORMATS = ("text", "json", "csv")


def render(rows: list[dict], columns: list[str], fmt: str, max_width: int = 60) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        for r in rows:
            w.writerow([safe_cell(r.get(c)) for c in columns])
        return buf.getvalue()
    cells = [[_cell(r.get(c), max_width) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({count(len(rows), 'row')})")
    return "\n".join(out) + "\n"


def _cell(v, max_width: int) -> str:
    """A value for the table: an IRI whole (IDs differ at their end) or as a prefixed name, other
    text on one line and cut at `max_width`."""
    s = "" if v is None else " ".join(str(v).split())
    if _IRI.match(s):
        return next((f"{p}:{s[len(iri):]}" for p, iri in PREFIXES.items() if s.startswith(iri)), s)
    return s if len(s) <= max_width else s[: max_width - 1] + "…"


_IRI = re.compile(r"https?://\S+$")
