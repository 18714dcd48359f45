"""The numbers of the last report ("[3]"), so that `provgraph claim 3` finds the claim a reader
is looking at. Kept per store in the user's cache folder ($PROVGRAPH_CACHE, else
~/.cache/provgraph), never in the store: a report only reads the graph."""

from __future__ import annotations

import json

from provgraph.errors import ProvgraphError
from provgraph.store import cache_file


def save(spec: tuple[str | None, str | None], claims: list[str], first: int = 1) -> None:
    """Remember the report's order (its first claim is number `first`); a cache that cannot be
    written is skipped silently (the report itself is what the user asked for)."""
    target = cache_file(spec, "last-report")
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
        saved = json.loads(cache_file(spec, "last-report").read_text(encoding="utf-8"))
        first, claims = (1, saved) if isinstance(saved, list) else (int(saved["first"]), list(saved["claims"]))
    except (OSError, ValueError, KeyError, TypeError):
        raise ProvgraphError(f"no report numbers to look up [{number}] in: run `provgraph report` first") from None
    if not first <= number < first + len(claims):
        raise ProvgraphError(f"the last report numbered claims {first} to {first + len(claims) - 1}, not {number}")
    return claims[number - first]
