"""The one module that knows which RDF store is in use: an embedded pyoxigraph store on disk.

Queries see the union of all named graphs (each article's graph) as their default graph.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from provgraph.errors import QueryError, StoreError

DEFAULT_STORE = ".provgraph"
FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
GRAPH_FORMATS = {"trig", "nquads", "jsonld"}  # formats that keep the named graphs
STALE = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX schema: <http://schema.org/>
SELECT ((?n != ?counted) AS ?stale) WHERE {
  { SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle } }
  OPTIONAL { ?derived pg:articleCount ?c }
  BIND (COALESCE(?c, -1) AS ?counted)
}"""


def store_path(path: str | os.PathLike | None) -> Path:
    """`--store`, else $PROVGRAPH_STORE, else ./.provgraph."""
    return Path(path or os.environ.get("PROVGRAPH_STORE") or DEFAULT_STORE)


def to_ox(term):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_python(term):
    """pyoxigraph term -> plain Python value (IRIs as str, typed literals as int/float/bool)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


class Store:
    """A provgraph graph on disk. Use as a context manager; one writer at a time."""

    def __init__(self, path: str | os.PathLike | None = None, create: bool = True):
        self.path = store_path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no provgraph store at {self.path}: run `provgraph ingest FILES` first, "
                             "or point --store / PROVGRAPH_STORE at an existing store")
        try:
            self._db = ox.Store(str(self.path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreError(f"the store {self.path} is busy: another provgraph command is using it; "
                                 "try again when it has finished") from None
            raise StoreError(f"cannot open the store {self.path}: {e}") from None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.flush()
            self._db = None

    def replace_graph(self, graph, quads: list, atomic: bool = True) -> bool:
        """Make `graph` hold exactly `quads` (rdflib 4-tuples or pyoxigraph Quads). Returns False if
        it already did. `atomic=False` (for the derived graph, which can always be rebuilt) clears
        and refills instead of sending the difference as one update."""
        g = ox.NamedNode(str(graph))
        new = quads if not quads or isinstance(quads[0], ox.Quad) else to_ox_quads(quads)
        if not atomic:
            self._db.remove_graph(g) if self._db.contains_named_graph(g) else None
            self._db.extend(new)
            return True
        if self._db.contains_named_graph(g):
            old = set(self._db.quads_for_pattern(None, None, None, g))
            if old == set(new):
                return False
            keep = set(new)
            gone = [q for q in old if q not in keep]
            self._db.update(_delete_data(gone) + " ; " + _insert_data(new) if gone else _insert_data(new))
            return True
        self._db.extend(new)
        return True

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SELECT/ASK/CONSTRUCT query. `bindings` maps variable names to values; they enter
        as a VALUES block (at the top of the WHERE group) of terms serialised and escaped by
        pyoxigraph, never as raw text spliced into the query."""
        if bindings:
            names = list(bindings)
            terms = " ".join(str(_value_to_ox(bindings[n])) for n in names)
            values = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"
            where = re.search(r"WHERE\s*\{", sparql, re.IGNORECASE)
            if where is None:
                raise QueryError("a query with bindings needs a WHERE { ... } block")
            sparql = f"{sparql[:where.end()]} {values} {sparql[where.end():]}"
        try:
            return self._db.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"the query does not parse: {e}") from None
        except (OSError, RuntimeError, ValueError) as e:
            raise QueryError(f"the query failed: {e}") from None

    def select(self, sparql: str, bindings: dict | None = None) -> list[dict]:
        """SELECT results as a list of {variable: python value} rows."""
        result = self.query(sparql, bindings)
        names = [v.value for v in result.variables]
        return [{n: to_python(row[n]) for n in names} for row in result]

    def update(self, sparql: str) -> None:
        try:
            self._db.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"the update does not parse: {e}") from None

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole store; formats without named graphs get the union of all graphs."""
        if fmt in GRAPH_FORMATS:
            return self._db.dump(format=FORMATS[fmt])
        triples = self._db.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return ox.serialize(triples, format=FORMATS[fmt])

    def named_graphs(self) -> list[str]:
        return [g.value for g in self._db.named_graphs()]

    def derived_stale(self) -> bool:
        """True when articles were stored after the cross-article analyses last ran."""
        rows = self.select(STALE)
        return bool(rows) and rows[0]["stale"]

    def load(self, data: bytes, fmt: str) -> None:
        try:
            self._db.load(data, format=FORMATS[fmt])
        except SyntaxError as e:
            raise QueryError(f"the data does not parse as {fmt}: {e}") from None


def to_ox_quads(quads: list[tuple]) -> list:
    """rdflib (s, p, o, g) tuples -> pyoxigraph Quads (picklable, so workers can send them)."""
    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            found = cache[t] = to_ox(t)
        return found

    return [ox.Quad(term(s), term(p), term(o), term(g)) for s, p, o, g in quads]


def _value_to_ox(v):
    if isinstance(v, (URIRef, Literal, BNode)):
        return to_ox(v)
    if isinstance(v, str) and v.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(v)
    return ox.Literal(str(v)) if not isinstance(v, (int, bool)) else ox.Literal(v)


def _data_block(quads) -> str:
    return " ".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)


def _insert_data(quads) -> str:
    return "INSERT DATA { " + _data_block(quads) + " }"


def _delete_data(quads) -> str:
    return "DELETE DATA { " + _data_block(quads) + " }"
