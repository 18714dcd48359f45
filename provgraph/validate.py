"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl, no inference, nothing
fetched): every attribution has an agent and evidence offsets, every claim's evidence is its
article's text at its offsets, every source has a kind from the allowed list, and so on.

`validate_store(store)` checks the union of all named graphs (articles, derived, curation), which is
what the queries and the report see; `validate_graph(graph)` checks an rdflib Graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.paths import Path as RdfPath

from provgraph.errors import InputError
from provgraph.ontology_doc import ONTOLOGY_DIR, curie
from provgraph.render import count

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
SHAPES_NS = "https://w3id.org/provgraph/shapes#"
GRAPHS_OF = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?node ?p ?o } }"


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
        return {"conforms": self.conforms, "violations": len(self.violations), "warnings": len(self.warnings),
                "triples": self.triples, "shapes": self.shapes, "results": [p.as_dict() for p in self.problems]}

    def text(self) -> str:
        """Readable: one block per problem, grouped by rule."""
        head = (f"{'conforms' if self.conforms else 'does not conform'}: {count(len(self.violations), 'violation')}, "
                f"{count(len(self.warnings), 'warning')} in {count(self.triples, 'triple')} "
                f"(shapes: {self.shapes})")
        lines = [head]
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
    from pyshacl import validate

    shapes_path = str(shapes or SHAPES)
    shapes_graph = _shapes(shapes_path)
    nt = data if isinstance(data, bytes) else data.serialize(format="nt", encoding="utf-8")
    mem = ox.Store()
    mem.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
    _, results, _ = validate(mem, shacl_graph=shapes_graph, inference="none", abort_on_first=False,
                             allow_warnings=True, advanced=False, do_owl_imports=False)
    problems = []
    for r in results.subjects(SH.resultSeverity, None):
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
    return Validation(problems, len(mem), _display(shapes_path))


def validate_store(store, shapes: str | Path | None = None) -> Validation:
    """SHACL-check the union of the store's named graphs; each problem names the graphs of its node."""
    result = validate_graph(store.dump("ntriples"), shapes)
    for p in result.problems:
        p.graphs = sorted(r["g"] for r in store.select(GRAPHS_OF, {"node": URIRef(p.node)}))
    return result


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

