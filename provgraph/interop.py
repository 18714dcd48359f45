"""Exchanging graphs with other tools and other provgraph users: JSON-LD export with provgraph's
published @context, and import of RDF exported earlier (TriG, N-Quads, JSON-LD keep the named
graphs; Turtle and N-Triples go into one import graph).

An import is parsed in full before anything is written, so a malformed file changes nothing; the
error names the file, line and column. Article graphs replace those with the same IRI (same text),
the entities and curation graphs are merged with the store's, and the derived graph is not loaded
but recomputed.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from provgraph.errors import InputError, ProvgraphError
from provgraph.ontology_doc import CONTEXT
from provgraph.render import SUFFIXES, format_for
from provgraph.vocab import ID, PG, RDF

OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
              "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}
DERIVED = f"{ID}graph/derived"
CURATION = f"{ID}graph/curation"
MERGED = (f"{ID}graph/entities", CURATION)  # shared by every article / every analyst: added to, never replaced
# What the derived graph states: dropped from a triples-only import (it has no graphs to tell them
# apart), since the analyses recompute them.
DERIVED_PREDICATES = {str(PG[t]) for t in ("canonicalSource", "canonicalRoot", "independentRoots", "reportCount",
                                           "inCluster", "matchOf", "matchScore", "matchReason", "sameClaimAs",
                                           "conflictsWith", "conflictOf", "conflictReason", "relatedFigure",
                                           "flag", "reportFacts", "articleCount")}
DERIVED_TYPES = {str(PG.ClaimCluster), str(PG.ClaimMatch), str(PG.CandidateMatch), str(PG.FigureConflict)}


def context() -> dict:
    """The published JSON-LD @context (ontology/context.jsonld)."""
    try:
        return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    except OSError:
        raise ProvgraphError(f"the JSON-LD context {CONTEXT} is missing: provgraph reads it from its source tree "
                             "(install with `pip install -e .` from a clone)") from None


def dump(store, fmt: str) -> bytes:
    """The whole store in `fmt`; JSON-LD is compacted with provgraph's context (inlined, so reading
    it back needs no network), one @graph per named graph."""
    if fmt != "jsonld":
        return store.dump(fmt)
    ds = Dataset()
    ds.parse(data=store.dump("nquads"), format="nquads")
    with warnings.catch_warnings():  # rdflib's JSON-LD writer calls its own deprecated Dataset.contexts
        warnings.simplefilter("ignore", DeprecationWarning)
        return ds.serialize(format="json-ld", context=context(), encoding="utf-8")


def graph_quads(store, graph) -> list:
    """One named graph of the store as pyoxigraph quads (empty if there is no such graph)."""
    g = ox.NamedNode(str(graph))
    result = store.run(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
    if not result.graph:
        return []
    return [ox.Quad(t.subject, t.predicate, t.object, g) for t in ox.parse(result.graph, format=ox.RdfFormat.TURTLE)]


def format_of(path: Path, fmt: str | None = None) -> str:
    """`fmt`, else the RDF format `path`'s suffix names (see provgraph.render.SUFFIXES)."""
    found = fmt or format_for(path, tuple(OX_FORMATS))
    if found is None:
        suffixes = sorted(s for s, names in SUFFIXES.items() if set(names) & set(OX_FORMATS))
        raise InputError(f"{path}: cannot tell the RDF format from the name; use one of "
                         f"{', '.join(suffixes)} or give --format")
    return found


def read_rdf(path: str | Path, fmt: str | None = None) -> list:
    """Parse a whole RDF file into pyoxigraph quads; a syntax error names the file, line and column.
    Triples of formats without graphs come back in the default graph."""
    path = Path(path)
    fmt = format_of(path, fmt)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    if fmt == "rdfxml":
        _check_entities(path, data)
    try:
        return list(ox.parse(data, format=OX_FORMATS[fmt], base_iri=path.resolve().as_uri(), rename_blank_nodes=True))
    except SyntaxError as e:
        where = f"line {e.lineno}, column {e.offset}" if e.lineno else "at its start"
        message = re.sub(r"^Parser error (at|between) .*?: ", "", str(e.msg))
        if "LoadDocumentCallback" in message:
            message = "it refers to a remote @context, which provgraph never fetches; inline the context"
        raise InputError(f"{path}, {where}: not valid {fmt}: {message}") from None
    except ValueError as e:
        raise InputError(f"{path}: not valid {fmt}: {e}") from None
    except MemoryError as e:  # pyoxigraph's parser holds one term at most 16 MB ("Reached the buffer maximal size")
        if "maximal size" not in str(e):
            raise  # a machine out of memory is not a bad file
        raise InputError(f"{path}: a literal or IRI is longer than the parser's limit ({e}); "
                         "nothing was imported") from None


_ENTITY = re.compile(rb"<!ENTITY\s+(%?\s*[\w.-]+)\s+(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_REFERENCE = re.compile(rb"[&%]([\w.-]+);")
MAX_EXPANSION = 1_000_000  # characters that entity references may add to an RDF/XML file


def _check_entities(path: Path, data: bytes) -> None:
    """Refuse an RDF/XML file whose entities would expand past MAX_EXPANSION characters ("billion
    laughs": 840 bytes that expand to 300 million characters). Namespace entities, the common
    use, add a few hundred."""
    if not _ENTITY.search(data):
        return
    values = {m.group(1).lstrip(b"%").strip(): m.group(2) if m.group(2) is not None else m.group(3)
              for m in _ENTITY.finditer(data)}
    sizes: dict[bytes, int] = {}

    def size(name: bytes, seen: frozenset = frozenset()) -> int:
        if name in seen:
            raise InputError(f"{path}: the entity {name.decode(errors='replace')!r} refers to itself")
        if name not in sizes:
            value = values.get(name, b"")
            sizes[name] = min(MAX_EXPANSION + 1, len(value) + sum(
                size(r, seen | {name}) for r in _REFERENCE.findall(value)))
        return sizes[name]

    body = _ENTITY.sub(b"", data)
    total = sum(size(r) for r in _REFERENCE.findall(body) if r in values)
    if total > MAX_EXPANSION:
        raise InputError(f"{path}: its entities would expand to more than {MAX_EXPANSION:,} characters; "
                         "provgraph refuses entity expansion past that")


@dataclass
class ImportSummary:
    files: int = 0
    quads: int = 0
    graphs: list[str] = field(default_factory=list)  # named graphs written
    derived_dropped: int = 0  # statements of a derived graph, recomputed instead


def import_files(store, paths: list[str | Path], fmt: str | None = None, replace: bool = False) -> ImportSummary:
    """Load RDF files into the store (all parsed and checked before any is written), then rerun the
    analyses. An article's graph must hold the article its name says (the name is its content
    hash), and replaces a different stored version only with `replace`."""
    from provgraph.analysis.corpus import derive
    from provgraph.curate import imported_curation

    summary = ImportSummary()
    by_graph: dict[str, list] = {}
    for path in paths:
        quads = read_rdf(path, fmt)
        summary.files += 1
        if quads and all(isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
            kept = _without_derived(quads)
            summary.derived_dropped += len(quads) - len(kept)
            name = f"{ID}graph/import/{hashlib.sha256(Path(path).read_bytes()).hexdigest()[:20]}"
            quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(name)) for q in kept]
        for q in quads:
            g = q.graph_name
            if isinstance(g, ox.DefaultGraph):
                raise InputError(f"{path}: has triples outside any named graph next to named graphs; "
                                 "provgraph keeps every statement in a named graph")
            if not isinstance(g, ox.NamedNode):
                raise InputError(f"{path}: a named graph is a blank node; provgraph needs graph IRIs")
            if g.value == DERIVED:
                summary.derived_dropped += 1
                continue
            by_graph.setdefault(g.value, []).append(q)
    if not by_graph:
        raise InputError(f"nothing to import in {', '.join(map(str, paths))}")
    for g, quads in by_graph.items():
        _check_article_graph(store, g, quads, replace)
    for g in MERGED:  # shared entities and analysts' corrections add up; an import never replaces them
        if g in by_graph:
            by_graph[g] = graph_quads(store, g) + by_graph[g]
    if CURATION in by_graph:  # checked whole before anything is written; its effects recomputed
        by_graph[CURATION] = imported_curation(by_graph[CURATION])
    for g, quads in by_graph.items():
        unique = list(dict.fromkeys(quads))
        store.replace_graph(g, unique)
        summary.quads += len(unique)
        summary.graphs.append(g)
    derive(store)
    return summary


_ARTICLE_GRAPH = re.compile(re.escape(f"{ID}graph/") + r"([0-9a-f]{20})")


def _check_article_graph(store, graph: str, quads: list, replace: bool) -> None:
    """An article graph's name is its content hash: a graph that says otherwise would overwrite
    another article. A different version of a stored article replaces it only when asked."""
    m = _ARTICLE_GRAPH.fullmatch(graph)
    if m is None:
        return
    hashes = {q.object.value for q in quads if q.predicate.value == str(PG.contentHash)}
    if not any(h.startswith(m.group(1)) for h in hashes):
        raise InputError(f"the graph {graph} does not hold the article its name says (its pg:contentHash "
                         f"{', '.join(sorted(hashes)) or 'is missing'}); nothing was imported")
    if not replace and store.has_graph(graph) and set(graph_quads(store, graph)) != set(quads):
        raise InputError(f"the graph {graph} holds a different version of a stored article; "
                         "nothing was imported (use --replace to overwrite it)")


def _without_derived(quads: list) -> list:
    """A triples-only file's statements less those of a derived graph (see DERIVED_PREDICATES), and
    less the labels of the canonical nodes it made (nodes with no type of their own)."""
    typed = {q.subject for q in quads if q.predicate.value == str(RDF.type)}
    derived_nodes = {q.subject for q in quads if q.predicate.value == str(RDF.type) and q.object.value in DERIVED_TYPES}
    canonical = {q.object for q in quads if q.predicate.value == str(PG.canonicalSource)} - typed
    return [q for q in quads if q.predicate.value not in DERIVED_PREDICATES and q.subject not in derived_nodes
            and q.subject not in canonical and q.subject.value != DERIVED]
