"""The SPARQL queries provgraph ships, one per `.rq` file, for `query --named` and the report."""

from functools import cache
from importlib import resources

from provgraph.errors import QueryError


def names() -> list[str]:
    return sorted(f.name[:-3] for f in resources.files(__name__).iterdir() if f.name.endswith(".rq"))


@cache
def load(name: str) -> str:
    """The text of a shipped query, by name (file name without `.rq`)."""
    name = name.removesuffix(".rq")
    if name not in names():
        raise QueryError(f"no named query {name!r}; the shipped ones are: {', '.join(names())}")
    return resources.files(__name__).joinpath(name + ".rq").read_text(encoding="utf-8")
