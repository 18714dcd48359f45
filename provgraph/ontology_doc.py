"""The human page (docs/ontology.md) and the JSON-LD @context (ontology/context.jsonld), both made
from the ontology (ontology/provgraph.ttl), so neither can drift from it.

    python -m provgraph.ontology_doc           # rewrite both files
    python -m provgraph.ontology_doc --check   # exit 1 if either is out of date (tests do this)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from provgraph.errors import ProvgraphError
from provgraph.vocab import PG, PROV, SCHEMA, XSD

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = REPO / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "provgraph.ttl"
CONTEXT = ONTOLOGY_DIR / "context.jsonld"
PAGE = REPO / "docs" / "ontology.md"
CONTEXT_URL = "https://w3id.org/provgraph/context.jsonld"  # where the context is published
PREFIXES = {"pg": str(PG._NS), "prov": str(PROV), "schema": str(SCHEMA), "rdfs": str(RDFS), "rdf": str(RDF),
            "owl": str(OWL), "xsd": str(XSD)}
# Terms of other vocabularies that provgraph writes, with their short JSON-LD names. Person and
# Organization are schema.org's; PROV's are written prov:Person, prov:Organization.
BORROWED = {
    "NewsArticle": SCHEMA.NewsArticle, "NewsMediaOrganization": SCHEMA.NewsMediaOrganization,
    "Claim": SCHEMA.Claim, "Person": SCHEMA.Person, "Organization": SCHEMA.Organization,
    "Entity": PROV.Entity, "Agent": PROV.Agent, "Attribution": PROV.Attribution, "Statement": RDF.Statement,
    "text": SCHEMA.text, "headline": SCHEMA.headline, "name": SCHEMA.name, "url": SCHEMA.url,
    "inLanguage": SCHEMA.inLanguage, "datePublished": SCHEMA.datePublished, "label": RDFS.label,
    "comment": RDFS.comment,
}
BORROWED_IRIS = {  # properties whose values are nodes
    "appearance": SCHEMA.appearance, "author": SCHEMA.author, "publisher": SCHEMA.publisher,
    "agent": PROV.agent, "qualifiedAttribution": PROV.qualifiedAttribution, "wasAttributedTo": PROV.wasAttributedTo,
    "wasQuotedFrom": PROV.wasQuotedFrom, "seeAlso": RDFS.seeAlso, "differentFrom": OWL.differentFrom,
    "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
}
NATIVE = (None, XSD.string, XSD.integer, XSD.boolean)  # ranges JSON writes as they are
BORROWED_TYPED = {"generatedAtTime": (PROV.generatedAtTime, XSD.dateTime)}


def load_ontology(path: Path = ONTOLOGY) -> Graph:
    if not path.exists():
        raise ProvgraphError(f"the ontology {path} is missing: provgraph reads it from the source tree "
                             "(install with `pip install -e .` from a clone)")
    return Graph().parse(path, format="turtle")


def curie(term, g: Graph | None = None) -> str:
    """pg:cue, schema:Claim, xsd:integer; an owl:unionOf class as "A or B"."""
    if isinstance(term, BNode) and g is not None:
        members = g.value(term, OWL.unionOf)
        if members is not None:
            return " or ".join(curie(m, g) for m in Collection(g, members))
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


def terms(g: Graph) -> dict[str, list[URIRef]]:
    """The project's terms by kind, in the order the ontology file defines them."""
    order = {t: i for i, t in enumerate(PG.__annotations__)}
    kinds = {"classes": OWL.Class, "object properties": OWL.ObjectProperty,
             "datatype properties": OWL.DatatypeProperty}
    out = {}
    for name, cls in kinds.items():
        found = [s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef) and str(s).startswith(str(PG._NS))]
        out[name] = sorted(found, key=lambda s: (order.get(s.removeprefix(str(PG._NS)), 999), str(s)))
    return out


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render_markdown(g: Graph) -> str:
    ont = URIRef(str(PG._NS).rstrip("#"))
    lines = ["# The provgraph ontology", "",
             "<!-- Generated from ontology/provgraph.ttl by `python -m provgraph.ontology_doc`; do not edit. -->", "",
             f"Namespace `{PG._NS}` (prefix `pg:`). OWL file: `ontology/provgraph.ttl`; SHACL shapes: "
             "`ontology/shapes.ttl` (`provgraph validate`); JSON-LD context: `ontology/context.jsonld` "
             f"(published as {CONTEXT_URL}, inlined by `provgraph export --format jsonld`).", "",
             _cell(g.value(ont, RDFS.comment) or ""), "",
             "Prefixes: " + ", ".join(f"`{p}:` {ns}" for p, ns in PREFIXES.items() if p != "pg") + ".", ""]
    for kind, items in terms(g).items():
        lines += [f"## {kind.capitalize()} ({len(items)})", ""]
        if kind == "classes":
            lines += ["| class | label | subclass of | meaning |", "|---|---|---|---|"]
            for t in items:
                parents = ", ".join(sorted(curie(p, g) for p in g.objects(t, RDFS.subClassOf)))
                lines.append(f"| `{curie(t)}` | {_cell(g.value(t, RDFS.label))} | {parents} | "
                             f"{_cell(g.value(t, RDFS.comment))} |")
        else:
            lines += ["| property | label | domain | range | meaning |", "|---|---|---|---|---|"]
            for t in items:
                extra = [curie(x) for x in g.objects(t, RDF.type) if x not in (OWL.ObjectProperty, OWL.DatatypeProperty)]
                extra += [f"sub-property of {curie(x)}" for x in g.objects(t, RDFS.subPropertyOf)]
                meaning = _cell(g.value(t, RDFS.comment)) + (f" ({'; '.join(sorted(extra))})" if extra else "")
                lines.append(f"| `{curie(t)}` | {_cell(g.value(t, RDFS.label))} | {curie(g.value(t, RDFS.domain), g)} | "
                             f"{curie(g.value(t, RDFS.range), g)} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


def render_context(g: Graph) -> str:
    """The JSON-LD @context: prefixes, every pg: term by its local name (node-valued properties as
    @id, doubles and dates coerced), and the schema.org / PROV terms provgraph writes."""
    ctx: dict = dict(PREFIXES)
    for name, iri in BORROWED.items():
        ctx[name] = curie(iri)
    for name, iri in BORROWED_IRIS.items():
        ctx[name] = {"@id": curie(iri), "@type": "@id"}
    for name, (iri, dtype) in BORROWED_TYPED.items():
        ctx[name] = {"@id": curie(iri), "@type": curie(dtype)}
    by_kind = terms(g)
    for t in by_kind["classes"]:
        ctx[t.removeprefix(str(PG._NS))] = curie(t)
    for t in by_kind["object properties"]:
        ctx[t.removeprefix(str(PG._NS))] = {"@id": curie(t), "@type": "@id"}
    for t in by_kind["datatype properties"]:
        rng = g.value(t, RDFS.range)
        name = t.removeprefix(str(PG._NS))
        # strings, integers and booleans are plain JSON values; other types (xsd:double, whose
        # JSON number would change its lexical form) are coerced
        ctx[name] = {"@id": curie(t), "@type": curie(rng)} if rng not in NATIVE else curie(t)
    return json.dumps({"@context": ctx}, indent=2, ensure_ascii=False) + "\n"


def outputs(g: Graph | None = None) -> dict[Path, str]:
    g = g if g is not None else load_ontology()
    return {PAGE: render_markdown(g), CONTEXT: render_context(g)}


def stale() -> list[Path]:
    """Generated files that differ from what the ontology gives now."""
    return [p for p, text in outputs().items() if not p.exists() or p.read_text(encoding="utf-8") != text]


def main(argv: list[str]) -> int:
    if "--check" in argv:
        out = stale()
        for p in out:
            print(f"{p.relative_to(REPO)} is out of date: run `python -m provgraph.ontology_doc`", file=sys.stderr)
        return 1 if out else 0
    for path, text in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
