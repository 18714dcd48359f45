"""The numbers of the last report ("[3]"), so that `provgraph claim 3` finds the claim a reader
is looking at. Kept per store in the user's cache folder ($PROVGRAPH_CACHE, else
~/.cache/provgraph), never in the store: a report only reads the graph."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from provgraph.errors import ProvgraphError
from provgraph.store import store_path


def _file(spec: tuple[str | None, str | None]) -> Path:
    path, endpoint = spec
    where = endpoint or str(store_path(path).resolve())
    cache = Path(os.environ.get("PROVGRAPH_CACHE") or Path.home() / ".cache" / "provgraph")
    return cache / f"last-report-{hashlib.sha1(where.encode('utf-8')).hexdigest()[:16]}.json"


def save(spec: tuple[str | None, str | None], claims: list[str], first: int = 1) -> None:
    """Remember the report's order (its first claim is number `first`); a cache that cannot be
    written is skipped silently (the report itself is what the user asked for)."""
    target = _file(spec)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"first": first, "claims": claims}), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass


def lookup(spec: tuple[str | None, str | None], number: int) -> str:
    """The claim IRI shown as [number] by the last text report of this store."""
    try:
        saved = json.loads(_file(spec).read_text(encoding="utf-8"))
        first, claims = (1, saved) if isinstance(saved, list) else (int(saved["first"]), list(saved["claims"]))
    except (OSError, ValueError, KeyError, TypeError):
        raise ProvgraphError(f"no report numbers to look up [{number}] in: run `provgraph report` first") from None
    if not first <= number < first + len(claims):
        raise ProvgraphError(f"the last report numbered claims {first} to {first + len(claims) - 1}, not {number}")
    return claims[number - first]
