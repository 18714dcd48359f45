"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl, no inference, nothing
fetched): every attribution has an agent and evidence offsets, every claim's evidence is its
article's text at its offsets, every source has a kind from the allowed list, and so on.

`validate_store(store)` checks what the queries and the report see, the union of all named graphs
(articles, entities, derived, curation), one part at a time. Each article's graph is a part; the
other nodes (named sources, corrections) are shared out by a hash of their IRI among parts of at
most PART_NODES nodes; so are the nodes the derived graph describes, whose statements there (a
claim's report count, flags, links) are theirs in those parts only, so that the analyses, which
every ingest updates, do not make every article's part change. A part is checked with its
neighbourhood: its nodes' statements; the statements the shapes read on the nodes those point to
(type, label, kind, text...); and the claims and hops that lead to its hops, which the attribution
constraints read backwards. So a part costs about the same in a store of ten articles or ten
thousand, where pyshacl over the whole union grew faster than the store. The tests check that the
parts find exactly what the whole graph checked at once finds.

A part's fingerprint is a hash of the shapes, its nodes and its neighbourhood. Given the
fingerprints of the parts that conformed last time (`known`), a part whose fingerprint is among
them is not checked again: nothing it is checked with has changed. The CLI keeps them per store in
the user's cache folder (`load_record`, `save_record`), as it keeps the report's numbers, since
validate only reads the store. Only parts without any problem are recorded, so every violation and
warning is reported on every run.

Shapes of one's own (`--shapes FILE`) and stores with blank nodes are checked whole, in one go: a
shape of one's own may read anywhere, and a blank node cannot be named in a query.
`validate_graph(graph)` checks an rdflib Graph, or N-Triples bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.paths import Path as RdfPath

from provgraph.errors import InputError
from provgraph.ontology_doc import ONTOLOGY_DIR, curie
from provgraph.render import count
from provgraph.store import cache_file
from provgraph.vocab import ID

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
SHAPES_NS = "https://w3id.org/provgraph/shapes#"
GRAPHS_OF = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?node ?p ?o } }"
PART_NODES = 256  # at most this many shared nodes to a part (an article's part has its own size)
ARTICLE_NODES = """PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?g ?s WHERE { GRAPH ?g { ?article a schema:NewsArticle . ?s ?p ?o } FILTER isIRI(?s) }"""
DERIVED = f"{ID}graph/derived"  # the cross-article analyses (analysis/corpus.py)
UNDERIVED_NODES = f"""SELECT DISTINCT ?s WHERE {{
  {{ ?s ?p ?o FILTER isIRI(?s) }} MINUS {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }} }}"""
DERIVED_NODES = f"SELECT DISTINCT ?s WHERE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} FILTER isIRI(?s) }}"
HAS_BLANK_NODES = "ASK { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) }"
# the attribution constraints read a hop's claim backwards, through these
CHAIN = "<http://www.w3.org/ns/prov#qualifiedAttribution>|<https://w3id.org/provgraph/ns#relays>"
QUERY_NODES = 500  # IRIs in one query's VALUES block
KEEP_BYTES = 200_000_000  # changed parts' neighbourhoods kept between reading and checking


@dataclass
class Problem:
    """One SHACL result: the node, the property path, the rule (shape) and its message."""

    severity: str  # Violation, Warning, Info
    rule: str  # the shape's name (pgsh:claim-evidence-within-article -> claim-evidence-within-article)
    node: str
    path: str | None
    value: str | None
    message: str
    graphs: list[str] = field(default_factory=list)  # named graphs that describe the node

    def as_dict(self) -> dict:
        return {"severity": self.severity, "rule": self.rule, "node": self.node, "path": self.path,
                "value": self.value, "message": self.message, "graphs": self.graphs}


@dataclass
class Validation:
    problems: list[Problem]
    triples: int
    shapes: str
    parts: int = 0  # checked part by part: how many parts (0: checked whole)
    checked: int = 0  # parts checked this time; the others were unchanged since they conformed
    passed: dict[str, str] = field(default_factory=dict)  # part -> fingerprint, for every conforming part

    @property
    def violations(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "Violation"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        """No violations (warnings do not fail a graph)."""
        return not self.violations

    def as_dict(self) -> dict:
        parts = {"parts": self.parts, "checked": self.checked} if self.parts else {}
        return {"conforms": self.conforms, "violations": len(self.violations), "warnings": len(self.warnings),
                "triples": self.triples, "shapes": self.shapes, **parts,
                "results": [p.as_dict() for p in self.problems]}

    def text(self) -> str:
        """Readable: one block per problem, grouped by rule."""
        head = (f"{'conforms' if self.conforms else 'does not conform'}: {count(len(self.violations), 'violation')}, "
                f"{count(len(self.warnings), 'warning')} in {count(self.triples, 'triple')} "
                f"(shapes: {self.shapes})")
        lines = [head]
        if self.checked < self.parts:
            lines.append(f"{self.checked} of {self.parts} parts checked; the others had not changed since they "
                         "last conformed (--all checks every part)")
        for p in self.problems:
            lines += ["", f"{p.severity.upper()} {p.rule}: {p.message}", f"  node:  <{p.node}>"]
            if p.graphs:
                lines.append(f"  graph: {', '.join('<' + g + '>' for g in p.graphs)}")
            if p.path:
                lines.append(f"  path:  {p.path}")
            if p.value is not None:
                lines.append(f"  value: {_clip(p.value)}")
        return "\n".join(lines) + "\n"


def _clip(s: str, n: int = 120) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


@cache
def _shapes(path: str) -> Graph:
    p = Path(path)
    if not p.exists():
        raise InputError(f"the SHACL shapes file {p} is missing: provgraph reads ontology/shapes.ttl from its "
                         "source tree (install with `pip install -e .` from a clone), or give --shapes FILE")
    try:
        return Graph().parse(p, format="turtle")
    except Exception as e:  # rdflib raises several parser error types, some over several lines
        detail = " ".join(str(e).replace(" of <>", "").split()).split(" at ^ in:")[0]
        raise InputError(f"{p} does not parse as Turtle: {detail}") from None


def validate_graph(data: Graph | bytes, shapes: str | Path | None = None) -> Validation:
    """SHACL-check an rdflib Graph, or N-Triples bytes (no inference; nothing is imported or fetched).

    The data goes into an in-memory Oxigraph store, which pyshacl queries directly: its SPARQL-based
    constraints run there 10-50x faster than on an rdflib graph, which re-parses them per node."""
    shapes_path = str(shapes or SHAPES)
    mem = _memory(data if isinstance(data, bytes) else data.serialize(format="nt", encoding="utf-8"))
    return Validation(_problems(mem, _shapes(shapes_path)), len(mem), _display(shapes_path))


def _memory(nt: bytes) -> ox.Store:
    mem = ox.Store()
    mem.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
    return mem


def _problems(mem: ox.Store, shapes_graph: Graph, own: set[str] | None = None) -> list[Problem]:
    """Every SHACL result, with those it details (a sh:node shape's own); with `own`, only those of
    the results about its nodes."""
    from pyshacl import validate

    _, results, _ = validate(mem, shacl_graph=shapes_graph, inference="none", abort_on_first=False,
                             allow_warnings=True, advanced=False, do_owl_imports=False)
    problems = []
    for r in results.subjects(SH.resultSeverity, None):
        if own is not None:
            top = r
            while (parent := results.value(None, SH.detail, top)) is not None:
                top = parent
            if str(results.value(top, SH.focusNode)) not in own:
                continue
        severity = results.value(r, SH.resultSeverity)
        shape = results.value(r, SH.sourceShape)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        message = results.value(r, SH.resultMessage)
        focus = results.value(r, SH.focusNode)
        if value == focus:  # SPARQL-based constraints report the node itself as the value
            value = None
        constraint = results.value(r, SH.sourceConstraint)
        rule = _rule_name(constraint if isinstance(constraint, URIRef) and str(constraint).startswith(SHAPES_NS)
                          else shape, shapes_graph)
        problems.append(Problem(
            severity=str(severity).rsplit("#", 1)[-1], rule=rule, node=str(focus),
            path=_path_text(path, results) if path is not None else None,
            value=str(value) if value is not None else None,
            message=str(message) if message is not None else rule))
    problems.sort(key=lambda p: (p.severity != "Violation", p.rule, p.node, p.path or ""))
    return problems


def validate_store(store, shapes: str | Path | None = None, known: dict[str, str] | None = None,
                   progress: Callable[[str, int, int], None] | None = None, workers: int = 1) -> Validation:
    """SHACL-check the union of the store's named graphs, part by part (see the module docstring),
    skipping the parts whose fingerprint `known` holds; each problem names the graphs of its node.
    `progress(stage, done, total)` follows the parts being read ("reading": fingerprints) and then
    those being checked ("checking"); `workers` > 1 checks parts in up to that many processes."""
    if shapes is not None or store.run(HAS_BLANK_NODES).boolean:
        result = validate_graph(store.dump("ntriples"), shapes)
    else:
        result = _validate_parts(store, known or {}, progress or (lambda stage, done, total: None), workers)
    for p in result.problems:
        p.graphs = sorted(r["g"] for r in store.select(GRAPHS_OF, {"node": URIRef(p.node)}))
    return result


@dataclass
class Part:
    key: str  # the article graph's IRI, "shared N of M" or "derived N of M"
    nodes: list[str]
    derived: bool = False  # the nodes' statements in the derived graph are theirs here, only those


def _validate_parts(store, known: dict[str, str], progress: Callable[[str, int, int], None],
                    workers: int) -> Validation:
    shapes = str(SHAPES)
    (follows, reads), digest = _reach(_shapes(shapes)), _digest(shapes)
    parts = _parts(store)
    passed: dict[str, str] = {}
    changed: list[tuple[Part, str]] = []
    kept: dict[str, tuple[bytes, bytes]] = {}  # the first changed parts' data, read again past KEEP_BYTES
    room, triples = KEEP_BYTES, 0
    for n, part in enumerate(parts, 1):
        own, near = _neighbourhood(store, part, follows, reads)
        triples += own.count(b"\n")
        fingerprint = hashlib.sha256(b"\n\n".join([digest, "\n".join(part.nodes).encode("utf-8"), own, near])).hexdigest()
        if known.get(part.key) == fingerprint:
            passed[part.key] = fingerprint
        else:
            changed.append((part, fingerprint))
            if len(own) + len(near) <= room:
                kept[part.key] = own, near
                room -= len(own) + len(near)
        progress("reading", n, len(parts))
    problems: list[Problem] = []
    checks = ((part, fingerprint, kept.pop(part.key, None) or _neighbourhood(store, part, follows, reads))
              for part, fingerprint in changed)
    for n, (part, fingerprint, found) in enumerate(_checked(checks, workers if len(changed) > workers else 1), 1):
        problems.extend(found)
        if not found:
            passed[part.key] = fingerprint
        progress("checking", n, len(changed))
    problems.sort(key=lambda p: (p.severity != "Violation", p.rule, p.node, p.path or ""))
    return Validation(problems, triples, _display(shapes), len(parts), len(changed), passed)


def _checked(checks, workers: int):
    """(part, fingerprint, problems) for each (part, fingerprint, (own, near)), in this process or
    in `workers` spawned ones (not forked: this process has the store open; see querying.py)."""
    if workers <= 1:
        yield from ((part, fingerprint, check_part(*data, part.nodes)) for part, fingerprint, data in checks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from provgraph.workers import die_with_parent

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=die_with_parent) as pool:
        pending: deque = deque()
        try:
            for part, fingerprint, data in checks:
                pending.append((part, fingerprint, pool.submit(check_part, *data, part.nodes)))
                if len(pending) >= 2 * workers:  # a few in flight: memory stays bounded
                    part_, fingerprint_, future = pending.popleft()
                    yield part_, fingerprint_, future.result()
            while pending:
                part_, fingerprint_, future = pending.popleft()
                yield part_, fingerprint_, future.result()
        finally:
            for *_, future in pending:
                future.cancel()


def check_part(own: bytes, near: bytes, nodes: list[str]) -> list[Problem]:
    """The problems of a part's nodes (and the results that detail them), checked with their
    statements (`own`) and what the shapes read on their neighbours (`near`), N-Triples. The shapes'
    targets become the part's nodes they select in `own` (sh:targetNode): a neighbour, described
    only by what the shapes read on it, is checked in its own part."""
    mine = set(nodes)
    return _problems(_memory(own + near), _targeting(_memory(own), mine), mine)


TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


@cache
def _untargeted() -> tuple[Graph, tuple]:
    """The shipped shapes without their targets, and the targets: (shape, kind, value)."""
    shapes = _shapes(str(SHAPES))
    base, targets = Graph(), []
    for shape, kind, value in shapes:
        if kind in TARGETS:
            targets.append((shape, kind, value))
        else:
            base.add((shape, kind, value))
    return base, tuple(targets)


def _targeting(mem: ox.Store, own: set[str]) -> Graph:
    """The shipped shapes, each targeting the nodes of `own` its targets select in `mem` (a class
    target: its direct instances; the shapes name no subclasses)."""
    base, targets = _untargeted()
    shapes = Graph()
    shapes += base
    for shape, kind, value in targets:
        if kind == SH.targetNode:
            nodes = {str(value)}
        elif kind == SH.targetClass:
            nodes = {q.subject.value for q in mem.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(str(value)))}
        elif kind == SH.targetSubjectsOf:
            nodes = {q.subject.value for q in mem.quads_for_pattern(None, ox.NamedNode(str(value)), None)}
        else:
            nodes = {q.object.value for q in mem.quads_for_pattern(None, ox.NamedNode(str(value)), None)}
        for node in sorted(nodes & own):
            shapes.add((shape, SH.targetNode, URIRef(node)))
    return shapes


_RDF_TYPE = ox.NamedNode(str(RDF.type))


def _parts(store) -> list[Part]:
    """Each article graph's nodes; the other nodes; and the nodes the derived graph describes, whose
    statements there are theirs in those parts only. The last two in 2^k parts by a hash of the IRI."""
    homes: dict[str, str] = {}
    for row in store.select(ARTICLE_NODES):
        homes[row["s"]] = min(row["g"], homes.get(row["s"], row["g"]))
    nodes: dict[str, list[str]] = defaultdict(list)
    for node, graph in homes.items():
        nodes[graph].append(node)
    _share(nodes, "shared", [row["s"] for row in store.select(UNDERIVED_NODES) if row["s"] not in homes])
    _share(nodes, "derived", [row["s"] for row in store.select(DERIVED_NODES)])
    return [Part(key, sorted(found), key.startswith("derived ")) for key, found in sorted(nodes.items())]


def _share(parts: dict[str, list[str]], name: str, nodes: list[str]) -> None:
    bits = math.ceil(math.log2(len(nodes) / PART_NODES)) if len(nodes) > PART_NODES else 0
    for node in nodes:
        n = int.from_bytes(hashlib.sha256(node.encode("utf-8")).digest()[:4], "big") >> (32 - bits) if bits else 0
        parts[f"{name} {n + 1} of {2 ** bits}"].append(node)


def _neighbourhood(store, part: Part, follows: frozenset[str], reads: frozenset[str]) -> tuple[bytes, bytes]:
    """The statements about the part's own nodes and those about their neighbours that the shapes
    read (`reads`), each as sorted N-Triples. A shape reaches another node only through a predicate
    it names (`follows`). In a derived part, an own node may be a neighbour too: its statements
    elsewhere are read as a neighbour's."""
    own = _statements(store, part.nodes, graph=DERIVED if part.derived else "")
    behind = _behind(store, part.nodes)
    near = _statements(store, behind, reads)
    ahead = {t.object.value for t in own | near if t.predicate.value in follows and isinstance(t.object, ox.NamedNode)}
    near |= _statements(store, ahead - behind - (set() if part.derived else set(part.nodes)), reads)
    return _ntriples(own), _ntriples(near - own)


def _ntriples(triples) -> bytes:
    return "".join(sorted(f"{t} .\n" for t in triples)).encode("utf-8")


def _statements(store, nodes, predicates: frozenset[str] | None = None, graph: str | None = None) -> set:
    """The statements about `nodes`: in any graph (None), in `graph`, or in any but the derived
    graph (""); only those with one of `predicates`, if given."""
    found: set = set()
    where = {None: "?s ?p ?o", DERIVED: f"GRAPH <{DERIVED}> {{ ?s ?p ?o }}",
             "": f"?s ?p ?o FILTER NOT EXISTS {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }}"}[graph]
    if predicates:
        where += f" FILTER (?p IN ({', '.join(f'<{p}>' for p in sorted(predicates))}))"
    for chunk in _chunks(nodes):
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {chunk} }} {where} }}"
        found.update(ox.parse(store.run(query).graph, format=ox.RdfFormat.TURTLE))
    return found


def _behind(store, nodes: list[str]) -> set[str]:
    """The claims and hops from which a chain of attributions leads to one of `nodes`."""
    seen, found, frontier = set(nodes), set(), list(nodes)
    while frontier:
        step = [row["r"] for chunk in _chunks(frontier)
                for row in store.select(f"SELECT DISTINCT ?r WHERE {{ VALUES ?x {{ {chunk} }} ?r {CHAIN} ?x "
                                        "FILTER isIRI(?r) }")]
        frontier = [r for r in dict.fromkeys(step) if r not in seen]
        seen.update(frontier)
        found.update(frontier)
    return found


def _chunks(nodes) -> list[str]:
    """IRIs as VALUES blocks of at most QUERY_NODES."""
    nodes = sorted(nodes)
    return [" ".join(str(ox.NamedNode(n)) for n in nodes[i:i + QUERY_NODES]) for i in range(0, len(nodes), QUERY_NODES)]


def _reach(shapes: Graph) -> tuple[frozenset[str], frozenset[str]]:
    """(the predicates through which the shapes reach other nodes than the one they check, the
    predicates they read there): they follow every property path and every IRI a SPARQL constraint
    names; on another node they read its type (sh:class), the paths of the shapes it must conform
    to (sh:node) and what a SPARQL constraint names."""
    named = {RDF.type}
    prefixes = {str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
                for d in shapes.objects(None, SH.declare)}
    for text in [*shapes.objects(None, SH.select), *shapes.objects(None, SH.ask)]:
        named |= {URIRef(iri) for iri in re.findall(r"<([^<>\s]+)>", str(text))}
        named |= {URIRef(prefixes[prefix] + local)
                  for prefix, local in re.findall(r"(?<![\w?$])([A-Za-z][\w-]*):([A-Za-z_][\w-]*)", str(text))
                  if prefix in prefixes}
    follows = set(named)
    for path in shapes.objects(None, SH.path):
        follows |= _iris(path, shapes)
    reads, seen = set(named), set()
    todo = [*shapes.objects(None, SH.node), *shapes.objects(None, SH.qualifiedValueShape)]
    while todo:
        shape = todo.pop()
        if shape in seen:
            continue
        seen.add(shape)
        for part in [shape, *shapes.objects(shape, SH.property)]:
            for path in shapes.objects(part, SH.path):
                reads |= _iris(path, shapes)
            todo += [*shapes.objects(part, SH.node), *shapes.objects(part, SH.qualifiedValueShape)]
    return frozenset(map(str, follows)), frozenset(map(str, reads))


def _iris(path, shapes: Graph) -> set:
    """The predicates of a SHACL property path (an IRI, or a list or inverse/alternative... node)."""
    if isinstance(path, URIRef):
        return {path}
    found = set()
    if isinstance(path, BNode):
        for _, value in shapes.predicate_objects(path):
            if value != RDF.nil:
                found |= _iris(value, shapes)
    return found


def _digest(shapes: str) -> bytes:
    """What every fingerprint starts with: the shapes, the pyshacl that reads them and this module,
    which draws the parts (a part drawn differently must be checked again)."""
    from importlib.metadata import version

    return hashlib.sha256(Path(shapes).read_bytes() + version("pyshacl").encode("ascii")
                          + Path(__file__).read_bytes()).hexdigest().encode("ascii")


def load_record(spec) -> dict[str, str]:
    """The fingerprints of the parts of this store (`spec`: path, endpoint) that last conformed;
    an unreadable record is an empty one (every part is checked)."""
    try:
        record = json.loads(cache_file(spec, "validated").read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in record["parts"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save_record(spec, passed: dict[str, str]) -> None:
    """Remember the parts that conformed; a cache that cannot be written is skipped (the next run
    checks every part again)."""
    target = cache_file(spec, "validated")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"parts": passed}), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass


def _rule_name(shape, shapes: Graph) -> str:
    """A named shape's name; an unnamed property shape as its node shape's name and its path."""
    if isinstance(shape, URIRef):
        return str(shape).removeprefix(SHAPES_NS)
    parent = shapes.value(None, SH.property, shape)
    path = shapes.value(shape, SH.path)
    if parent is not None:
        return _rule_name(parent, shapes) + (f" {curie(path)}" if isinstance(path, URIRef) else "")
    return "unnamed shape"


def _path_text(path, g: Graph) -> str:
    """pg:evidenceEnd, or prov:agent/pg:sourceKind for a sequence path."""
    if isinstance(path, URIRef):
        return curie(path)
    if isinstance(path, RdfPath):
        return path.n3()
    from rdflib.collection import Collection
    try:
        return "/".join(curie(p) for p in Collection(g, path))
    except Exception:
        return str(path)


def _display(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(ONTOLOGY_DIR.parent))
    except ValueError:
        return path

