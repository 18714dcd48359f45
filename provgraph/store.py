"""The one module that knows which RDF store is in use.

`open_store()` gives an embedded pyoxigraph store on disk (the default, `./.provgraph`) or, with
an endpoint URL, any SPARQL 1.1 server (Oxigraph server, Fuseki, Virtuoso, GraphDB, Neptune).
Queries see the union of all named graphs (one per article, plus the derived graph) as their
default graph: the embedded store asks for it per query; a server must be set up that way
(`oxigraph serve --union-default-graph`; Virtuoso does it by default).

Writes to the embedded store are transactions (`replace_graph`, `load`), except `rewrite_graph`
(the derived graph, which can always be rebuilt) and `add_graphs`, which writes a batch of new
article graphs 3x faster with pyoxigraph's bulk loader. `add_graphs` is not atomic, so
it keeps an intent journal: the batch's graph IRIs are written (and synced) to a file in the store
folder before the data, and the file is removed once the data is flushed. A journal found when the
store is opened means a batch was cut short (a crash, a kill): its graphs may be partial, so they
are dropped, with a `StoreWarning`, and `ingest --resume` adds them again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from provgraph.errors import QueryError, StoreError
from provgraph.render import count
from provgraph.vocab import PREFIXES

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
PREFIXED = {"turtle", "trig", "rdfxml"}  # formats that declare prefixes (pg:, prov:, schema: ...)
UPDATE_BATCH = 2000  # triples per INSERT DATA request to a server (Virtuoso's limit)
MAX_RESPONSE = 512_000_000  # bytes a server may send for one query (a never-ending answer stops here)
STALE = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX schema: <http://schema.org/>
SELECT ((?n != ?counted) AS ?stale) WHERE {
  { SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle } }
  OPTIONAL { ?derived pg:articleCount ?c }
  BIND (COALESCE(?c, -1) AS ?counted)
}"""
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
JOURNAL = "provgraph-batch.journal"  # in the store folder: graphs of a bulk write under way (add_graphs)


class StoreWarning(UserWarning):
    """Something the store put right by itself that the user should know about."""


LOCK_FILE = "provgraph.lock"  # in the store folder: shared by readers, exclusive to a writer


def _take_lock(folder: Path, shared: bool) -> int | None:
    """A lock on the store folder's LOCK_FILE, without waiting (BlockingIOError when taken). None
    where nobody could write anyway: a reader of a folder it cannot create the file in."""
    import fcntl

    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        if not shared:
            raise
        try:
            fd = os.open(folder / LOCK_FILE, os.O_RDONLY)
        except OSError:
            return None
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise BlockingIOError("locked") from None
    return fd


def store_path(path: str | os.PathLike | None) -> Path:
    """`--store`, else $PROVGRAPH_STORE, else ./.provgraph."""
    return Path(path or os.environ.get("PROVGRAPH_STORE") or DEFAULT_STORE)


def cache_file(spec: tuple[str | None, str | None], name: str) -> Path:
    """A file in the user's cache folder ($PROVGRAPH_CACHE, else ~/.cache/provgraph) for what the
    commands that only read a store remember about it (`spec`: its --store path, --endpoint)."""
    path, endpoint = spec
    where = endpoint or str(store_path(path).resolve())
    cache = Path(os.environ.get("PROVGRAPH_CACHE") or Path.home() / ".cache" / "provgraph")
    return cache / f"{name}-{hashlib.sha1(where.encode('utf-8')).hexdigest()[:16]}.json"


def open_store(path=None, endpoint: str | None = None, create: bool = True, timeout: float | None = None,
               read_only: bool = False):
    """The store a command works on: a SPARQL server if `endpoint` (or $PROVGRAPH_ENDPOINT) is
    set, else the embedded store at `path` (`read_only`: many readers at once, no writer)."""
    endpoint = endpoint or os.environ.get("PROVGRAPH_ENDPOINT")
    if endpoint:
        return RemoteStore(endpoint, timeout=timeout)
    return Store(path, create=create, timeout=timeout, read_only=read_only)


@dataclass
class Result:
    """A query's answer in plain Python: rows for SELECT, a boolean for ASK, Turtle for CONSTRUCT."""

    columns: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    boolean: bool | None = None
    graph: bytes | None = None


class _Base:
    """What both backends share: SELECT as rows, bindings, staleness."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def select(self, sparql: str, bindings: dict | None = None) -> list[dict]:
        """SELECT results as a list of {variable: python value} rows."""
        return self.run(sparql, bindings).rows

    def derived_stale(self) -> bool:
        """True when articles were stored after the cross-article analyses last ran."""
        rows = self.select(STALE)
        return bool(rows) and bool(rows[0]["stale"])


class Store(_Base):
    """The embedded store: pyoxigraph (RocksDB) on disk. One writer at a time, or many readers:
    a reader (`read_only`) takes a shared lock on LOCK_FILE and opens RocksDB read-only, a writer
    takes it exclusively (RocksDB's read-only mode is undefined while another process writes)."""

    def __init__(self, path: str | os.PathLike | None = None, create: bool = True, timeout: float | None = None,
                 read_only: bool = False):
        self.path = store_path(path)
        self.timeout = timeout
        self._db = self._lock = None
        if not create and not self.path.exists():
            raise StoreError(f"no provgraph store at {self.path}: run `provgraph ingest FILES` first, "
                             "or point --store / PROVGRAPH_STORE at an existing store")
        if self.path.is_dir() and not (self.path / "CURRENT").exists() \
                and any(p.name not in (LOCK_FILE, JOURNAL) for p in self.path.iterdir()):
            raise StoreError(f"{self.path} is not a provgraph store (it holds other files): point --store at a "
                             "store, a new folder or an empty one")
        # a batch cut short is dropped by the next writer; until then a reader must be that writer
        read_only = read_only and self.path.exists() and not (self.path / JOURNAL).exists()
        self.read_only = read_only
        try:
            if not read_only:
                self.path.mkdir(parents=True, exist_ok=True)
            self._lock = _take_lock(self.path, shared=read_only)
            self._db = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as e:
            self.close()
            if "lock" in str(e).lower() or isinstance(e, BlockingIOError):
                raise StoreError(f"the store {self.path} is busy: another provgraph command is "
                                 f"{'writing to' if read_only else 'using'} it; try again when it has finished") from None
            raise StoreError(f"cannot open the store {self.path}: {e}") from None
        self.recovered = [] if read_only else self._recover()  # graphs of a batch cut short, now dropped

    def close(self) -> None:
        if self._db is not None:
            if not self.read_only:
                self._db.flush()
            self._db = None
        if self._lock is not None:
            os.close(self._lock)  # closing the file releases its lock
            self._lock = None

    def replace_graph(self, graph, quads: list) -> bool:
        """Make `graph` hold exactly `quads` (rdflib 4-tuples or pyoxigraph Quads), in one
        transaction. Returns False if it already did."""
        g = ox.NamedNode(str(graph))
        quads = quads if not quads or isinstance(quads[0], ox.Quad) else to_ox_quads(quads)
        new = [q for q in quads if q.graph_name == g]
        shared = [q for q in quads if q.graph_name != g]  # added (never removed) in the same transaction
        if not self._db.contains_named_graph(g):
            self._db.extend(quads)  # one transaction
            return True
        old = set(self._db.quads_for_pattern(None, None, None, g))
        if old == set(new):
            if shared:
                self._db.extend(shared)
            return False
        keep = set(new)
        gone = [q for q in old if q not in keep]
        self.update(_delete_data(gone) + " ; " + _insert_data(quads) if gone else _insert_data(quads))
        return True

    def rewrite_graph(self, graph, make: Callable[[], list[str]]) -> None:
        """Make `graph` hold exactly the triples `make()` returns (N-Triples lines, "<s> <p> <o> .",
        each term as pyoxigraph writes it), writing only the difference, without a transaction: for
        a graph that can always be rebuilt (the derived graph). The stored graph is read as one
        N-Triples dump, compared line by line (2x faster than as term objects), and read in a thread
        while `make` runs (pyoxigraph lets go of the GIL while it dumps)."""
        g = ox.NamedNode(str(graph))

        def stored() -> set[str]:
            if not self._db.contains_named_graph(g):
                return set()
            return set(self._db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8").splitlines())

        with ThreadPoolExecutor(1) as pool:
            reading = pool.submit(stored)
            triples = make()
            old = reading.result()
        keep = set(triples)
        gone = [t for t in old if t not in keep]
        if gone:
            for t in ox.parse("\n".join(gone).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                self._db.remove(ox.Quad(t.subject, t.predicate, t.object, g))
        added = [t for t in dict.fromkeys(triples) if t not in old]
        if added:
            self._db.bulk_load("\n".join(added).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=g)

    def has_graph(self, graph) -> bool:
        return self._db.contains_named_graph(ox.NamedNode(str(graph)))

    def add_graphs(self, nquads: bytes, graphs: list[str]) -> None:
        """Write new graphs from N-Quads (the `graphs`, and what they add to shared graphs such as the
        entities graph) with the bulk loader, 3x faster than a transaction. It is not atomic, so the
        intent journal covers it: cut short, the graphs are dropped, at once if this process is still
        running, else when the store is next opened. Only for graphs not yet stored: a dropped graph
        loses everything it held."""
        journal = self.path / JOURNAL
        with open(journal, "w", encoding="utf-8") as f:
            f.write("".join(f"{g}\n" for g in graphs))
            f.flush()
            os.fsync(f.fileno())
        _sync_folder(self.path)
        try:
            self._db.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
            self._db.flush()
            journal.unlink()
        except BaseException:  # Ctrl-C or a write error: nothing of the batch stays
            self._drop(graphs)
            raise
        _sync_folder(self.path)

    def _recover(self) -> list[str]:
        """Drop the graphs of a bulk write that was cut short (see the module docstring)."""
        journal = self.path / JOURNAL
        if not journal.exists():
            return []
        graphs = journal.read_text(encoding="utf-8").split()
        self._drop(graphs)
        warnings.warn(f"the store {self.path} was closed in the middle of writing {count(len(graphs), 'article')}, "
                      "now removed so that it holds whole articles only: run the ingest again with --resume "
                      "to store what was cut short", StoreWarning, stacklevel=3)
        return graphs

    def _drop(self, graphs: list[str]) -> None:
        for g in graphs:
            try:
                node = ox.NamedNode(g)
            except ValueError:  # the last line of a journal cut short while it was written
                continue
            self._db.remove_graph(node)
        self._db.flush()
        (self.path / JOURNAL).unlink(missing_ok=True)
        _sync_folder(self.path)

    def run(self, sparql: str, bindings: dict | None = None) -> Result:
        result = self._query(with_bindings(sparql, bindings))
        try:  # solutions are computed as they are read: a failing SERVICE call fails here
            if isinstance(result, ox.QuerySolutions):
                columns = [v.value for v in result.variables]
                return Result(columns, [dict(zip(columns, map(to_python, row))) for row in result])
            if isinstance(result, ox.QueryBoolean):
                return Result(boolean=bool(result))
            return Result(graph=ox.serialize(result, format=ox.RdfFormat.TURTLE))
        except (OSError, RuntimeError, ValueError) as e:
            message = str(e).splitlines()[0]
        del result  # the iterator keeps the store open; the traceback would keep the iterator
        raise QueryError(f"the query failed: {message}")

    def _query(self, sparql: str):
        kwargs = {"use_default_graph_as_union": True}
        try:
            return self._db.query(sparql, **kwargs)
        except SyntaxError as e:
            raise QueryError(f"the query does not parse: {e}") from None
        except (OSError, RuntimeError, ValueError) as e:
            raise QueryError(f"the query failed: {e}") from None

    def update(self, sparql: str) -> None:
        try:
            self._db.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"the update does not parse: {e}") from None
        except (OSError, RuntimeError, ValueError) as e:
            raise QueryError(f"the update failed: {e}") from None

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole store; formats without named graphs get the union of all graphs."""
        if fmt in GRAPH_FORMATS:
            return self._db.dump(format=FORMATS[fmt], prefixes=PREFIXES if fmt in PREFIXED else None)
        triples = self._db.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return ox.serialize(triples, format=FORMATS[fmt], prefixes=PREFIXES if fmt in PREFIXED else None)

    def named_graphs(self) -> list[str]:
        return [g.value for g in self._db.named_graphs()]

    def load(self, data: bytes, fmt: str, bulk: bool = False) -> None:
        """Load RDF in one transaction, or with `bulk` (for what can be rebuilt) 3x faster without."""
        try:
            (self._db.bulk_load if bulk else self._db.load)(data, format=FORMATS[fmt])
        except SyntaxError as e:
            raise QueryError(f"the data does not parse as {fmt}: {e}") from None


class RemoteStore(_Base):
    """Any SPARQL 1.1 server, over the Query and Update protocols (JSON results).

    `endpoint` is the query URL; the update URL is the same with /query replaced by /update
    (Oxigraph, Fuseki), or the same URL (Virtuoso's /sparql). Updates go in batches of at most
    2,000 triples; an article's graph (a few hundred) goes in one request, which servers apply
    atomically."""

    def __init__(self, endpoint: str, update_endpoint: str | None = None, timeout: float | None = None):
        url = urllib.parse.urlsplit(endpoint)
        if url.scheme not in ("http", "https") or not url.netloc:
            raise StoreError(f"the endpoint {endpoint!r} is not an http:// or https:// URL "
                             "(like http://127.0.0.1:7878/query)")
        self.path = endpoint
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or re.sub(r"/query/?$", "/update", endpoint)
        self.timeout = timeout or 300
        self.content_type = ""  # of the last response
        self.run("ASK { }")  # fail now, clearly, if the server cannot be reached

    def close(self) -> None:
        pass

    def _post(self, url: str, data: dict, accept: str) -> bytes:
        body = urllib.parse.urlencode(data).encode("utf-8")
        req = urllib.request.Request(url, body, {"Accept": accept,
                                                 "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                data = resp.read(MAX_RESPONSE + 1)
                self.content_type = resp.headers.get_content_type()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:500]
            raise QueryError(f"the SPARQL server at {url} refused the request ({e.code}): {detail}") from None
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {getattr(e, 'reason', e)}") from None
        if len(data) > MAX_RESPONSE:
            raise StoreError(f"the SPARQL server at {url} sent more than {MAX_RESPONSE // 1_000_000} MB; "
                             "narrow the query or raise provgraph.store.MAX_RESPONSE")
        return data

    def run(self, sparql: str, bindings: dict | None = None) -> Result:
        """Results of a query, checked: a server that answers with an HTML page or malformed JSON
        (a proxy's login page, an error dressed as 200) is an error, never an empty result."""
        sparql = with_bindings(sparql, bindings)
        raw = self._post(self.endpoint, {"query": sparql},
                         "application/sparql-results+json, text/turtle;q=0.9")
        if self.content_type in ("application/sparql-results+json", "application/json"):
            try:
                data = json.loads(raw)
                if "boolean" in data:
                    return Result(boolean=bool(data["boolean"]))
                columns = data["head"].get("vars", [])
                return Result(columns, [{c: _json_value(b.get(c)) for c in columns}
                                        for b in data["results"]["bindings"]])
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
                raise StoreError(f"the SPARQL server at {self.endpoint} sent malformed JSON results") from None
        if self.content_type in ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"):
            return Result(graph=raw)
        raise StoreError(f"the SPARQL server at {self.endpoint} answered {self.content_type or 'without a type'}, "
                         "not SPARQL results: is this the query URL?")

    def update(self, sparql: str) -> None:
        self._post(self.update_endpoint, {"update": sparql}, "*/*")

    def replace_graph(self, graph, quads: list) -> bool:
        g = ox.NamedNode(str(graph))
        quads = quads if not quads or isinstance(quads[0], ox.Quad) else to_ox_quads(quads)
        new = [q for q in quads if q.graph_name == g]
        old = {(r["s"], r["p"], r["o"]) for r in self.run(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g}).rows}
        if old == {(q.subject.value, q.predicate.value, to_python(q.object)) for q in new}:
            shared = [q for q in quads if q.graph_name != g]
            if shared:
                self.update(_insert_data(shared))
            return False
        batches = [quads[i:i + UPDATE_BATCH] for i in range(0, len(quads), UPDATE_BATCH)] or [[]]
        self.update(f"DROP SILENT GRAPH {g} ; " + _insert_data(batches[0]))
        for batch in batches[1:]:
            self.update(_insert_data(batch))
        return True

    def rewrite_graph(self, graph, make: Callable[[], list[str]]) -> None:
        g = ox.NamedNode(str(graph))
        triples = make()
        batches = [triples[i:i + UPDATE_BATCH] for i in range(0, len(triples), UPDATE_BATCH)] or [[]]
        self.update(f"DROP SILENT GRAPH {g} ; INSERT DATA {{ GRAPH {g} {{ {' '.join(batches[0])} }} }}")
        for batch in batches[1:]:
            self.update(f"INSERT DATA {{ GRAPH {g} {{ {' '.join(batch)} }} }}")

    def dump(self, fmt: str) -> bytes:
        quads = [ox.Quad(_ox_from_json(b["s"]), _ox_from_json(b["p"]), _ox_from_json(b["o"]), _ox_from_json(b["g"]))
                 for b in self._raw_bindings(ALL_QUADS)]
        prefixes = PREFIXES if fmt in PREFIXED else None
        if fmt in GRAPH_FORMATS:
            return ox.serialize(quads, format=FORMATS[fmt], prefixes=prefixes)
        return ox.serialize({q.triple for q in quads}, format=FORMATS[fmt], prefixes=prefixes)

    def _raw_bindings(self, sparql: str) -> list[dict]:
        raw = self._post(self.endpoint, {"query": sparql}, "application/sparql-results+json")
        return json.loads(raw)["results"]["bindings"]

    def has_graph(self, graph) -> bool:
        return bool(self.run(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").boolean)

    def named_graphs(self) -> list[str]:
        return [r["g"] for r in self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")]

    def load(self, data: bytes, fmt: str, bulk: bool = False) -> None:
        try:
            quads = list(ox.parse(data, format=FORMATS[fmt]))
        except SyntaxError as e:
            raise QueryError(f"the data does not parse as {fmt}: {e}") from None
        by_graph: dict = {}
        for q in quads:
            by_graph.setdefault(q.graph_name, []).append(q)
        for qs in by_graph.values():
            for i in range(0, len(qs), UPDATE_BATCH):
                self.update(_insert_data(qs[i:i + UPDATE_BATCH]))


def _sync_folder(path: Path) -> None:
    """Make a file's creation or removal in `path` durable (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def with_bindings(sparql: str, bindings: dict | None) -> str:
    """Bind variables by a VALUES block (at the top of the WHERE group) of terms serialised and
    escaped by pyoxigraph: values never enter the query as raw text."""
    if not bindings:
        return sparql
    names = list(bindings)
    terms = " ".join(str(_value_to_ox(bindings[n])) for n in names)
    values = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"
    where = re.search(r"WHERE\s*\{", sparql, re.IGNORECASE)
    if where is None:
        raise QueryError("a query with bindings needs a WHERE { ... } block")
    return f"{sparql[:where.end()]} {values} {sparql[where.end():]}"


def to_ox(term):
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term
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


def to_ox_quads(quads: list[tuple]) -> list:
    """rdflib (s, p, o, g) tuples -> pyoxigraph Quads (picklable, so workers can send them)."""
    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            found = cache[t] = to_ox(t)
        return found

    return [ox.Quad(term(s), term(p), term(o), term(g)) for s, p, o, g in quads]


def _caster(datatype: str):
    """The function that reads a literal of `datatype` as Python (None: as its string)."""
    if datatype.endswith(("#integer", "#int", "#long")):
        return int
    if datatype.endswith(("#decimal", "#double", "#float")):
        return float
    if datatype.endswith("#boolean"):
        return _boolean
    return None


def _boolean(value: str) -> bool:
    return value in ("true", "1")


def _cast(value: str, datatype: str):
    cast = _caster(datatype)
    return value if cast is None else cast(value)


XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
_CASTERS: dict[str, object] = {}  # datatype IRI -> _caster's answer (thousands of literals, a few types)


def to_python(term):
    """pyoxigraph term -> plain Python value (IRIs as str, typed literals as int/float/bool)."""
    if term is None:
        return None
    if term.__class__ is not ox.Literal:
        return term.value
    datatype = term.datatype
    if datatype == XSD_STRING:
        return term.value
    cast = _CASTERS.get(datatype.value, _caster)
    if cast is _caster:
        cast = _CASTERS[datatype.value] = _caster(datatype.value)
    return term.value if cast is None else cast(term.value)


def _json_value(b: dict | None):
    """A SPARQL JSON results binding -> the same plain value `to_python` gives."""
    if b is None:
        return None
    if b["type"] in ("literal", "typed-literal"):
        return _cast(b["value"], b.get("datatype", ""))
    return b["value"]


def _ox_from_json(b: dict):
    if b["type"] == "uri":
        return ox.NamedNode(b["value"])
    if b["type"] == "bnode":
        return ox.BlankNode(b["value"])
    if "xml:lang" in b:
        return ox.Literal(b["value"], language=b["xml:lang"])
    if b.get("datatype"):
        return ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(b["value"])


def _value_to_ox(v):
    if isinstance(v, (URIRef, Literal, BNode, ox.NamedNode, ox.Literal, ox.BlankNode)):
        return to_ox(v)
    if isinstance(v, str) and v.startswith(("http://", "https://", "urn:")):
        try:
            return ox.NamedNode(v)
        except ValueError:  # "http://a b" is no IRI: as a string it matches nothing, which is the answer
            return ox.Literal(v)
    return ox.Literal(v) if isinstance(v, (int, bool, float)) else ox.Literal(str(v))


def _data_block(quads) -> str:
    return " ".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)


def _insert_data(quads) -> str:
    return "INSERT DATA { " + _data_block(quads) + " }"


def _delete_data(quads) -> str:
    return "DELETE DATA { " + _data_block(quads) + " }"
