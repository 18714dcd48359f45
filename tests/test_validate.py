"""The ontology, its generated page and context, and SHACL validation (`provgraph validate`).

`assert_valid(store)` is the helper other tests use to check every graph they build:
    from test_validate import assert_valid
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from conftest import DATA, SAMPLES, assert_clean_error, make_store, run
from provgraph import ontology_doc
from provgraph.querying import PREFIXES
from provgraph.store import Store
from provgraph.validate import SHAPES, Validation, validate_graph, validate_store
from provgraph.vocab import PG, PROV, SCHEMA

CORPUS = Path(__file__).resolve().parent / "corpus"


def assert_valid(store_path) -> None:
    """The store's union graph conforms to ontology/shapes.ttl; on failure, show every problem.
    Checked part by part and whole, which must agree."""
    result = parts_and_whole(store_path)
    assert result.conforms, result.text()


def parts_and_whole(store_path) -> Validation:
    """The store checked part by part, after asserting that the whole union checked at once (as
    validate did before parts, and does with --shapes) finds exactly the same problems."""
    with Store(store_path, create=False) as store:
        parts = validate_store(store)
        whole = validate_store(store, SHAPES)
    assert parts.parts and not whole.parts
    assert [p.as_dict() for p in parts.problems] == [p.as_dict() for p in whole.problems]
    assert parts.triples == whole.triples
    return parts


def union(store_path) -> Graph:
    with Store(store_path, create=False) as store:
        return Graph().parse(data=store.dump("ntriples"), format="nt")


# ---- the ontology and what is generated from it ---------------------------------------------------

@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_doc.load_ontology()


@pytest.mark.parametrize("term", list(PG.__annotations__))
def test_every_project_term_is_defined(ontology, term):
    iri = PG[term]
    kinds = set(ontology.objects(iri, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"pg:{term} is not in ontology/provgraph.ttl"
    assert ontology.value(iri, RDFS.label), f"pg:{term} has no rdfs:label"
    assert len(str(ontology.value(iri, RDFS.comment) or "")) > 20, f"pg:{term} has no useful rdfs:comment"
    if OWL.Class not in kinds:
        assert ontology.value(iri, RDFS.domain) is not None, f"pg:{term} has no rdfs:domain"
        assert ontology.value(iri, RDFS.range) is not None, f"pg:{term} has no rdfs:range"


def test_ontology_defines_nothing_the_vocabulary_lacks(ontology):
    defined = {str(s).removeprefix(str(PG._NS)) for s in ontology.subjects(RDFS.label, None)
               if str(s).startswith(str(PG._NS))}
    assert defined == set(PG.__annotations__)


def test_generated_page_and_context_are_up_to_date():
    assert ontology_doc.stale() == [], "run `python -m provgraph.ontology_doc`"
    assert ontology_doc.main(["--check"]) == 0


def test_page_lists_every_term_with_its_meaning():
    page = ontology_doc.PAGE.read_text(encoding="utf-8")
    for term in PG.__annotations__:
        assert f"| `pg:{term}` |" in page
    assert "schema:Claim or prov:Attribution" in page  # a union domain is readable


def test_context_names_every_term():
    ctx = json.loads(ontology_doc.CONTEXT.read_text(encoding="utf-8"))["@context"]
    for term in PG.__annotations__:
        assert term in ctx
    assert ctx["appearance"] == {"@id": "schema:appearance", "@type": "@id"}
    assert ctx["author"] == {"@id": "schema:author", "@type": "@id"}
    assert ctx["matchScore"]["@type"] == "xsd:double"


def test_every_shape_has_a_message():
    shapes = Graph().parse(SHAPES)
    named = [s for s in shapes.subjects(RDF.type, SH.PropertyShape)] + \
            [s for s in shapes.subjects(RDF.type, SH.SPARQLConstraint)]
    assert len(named) > 30
    for shape in named:
        assert shapes.value(shape, SH.message), f"{shape} has no sh:message"
    assert not list(shapes.objects(None, OWL.imports))  # nothing to fetch


# ---- stores built from articles conform ---------------------------------------------------------

def test_sample_store_conforms(sample_store):
    assert_valid(sample_store)


def test_corpus_store_conforms(runner, tmp_path):
    assert_valid(make_store(runner, tmp_path, CORPUS))


def test_test_articles_conform(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", DATA, "--store", store, ok=False)  # some files there are meant to fail
    assert_valid(store)


def test_cli_validate_passes_on_the_samples(runner, sample_store):
    out = run(runner, "validate", "--store", sample_store).stdout
    assert out.startswith("conforms: 0 violations")
    report = json.loads(run(runner, "validate", "--format", "json", "--store", sample_store).stdout)
    assert report["conforms"] is True and report["violations"] == 0 and report["results"] == []
    assert report["triples"] > 500


# ---- broken graphs fail, naming the node and the rule --------------------------------------------

CLAIM_315 = URIRef("https://w3id.org/provgraph/id/claim/00e3b7e3a5ce0d22b1c7/315-455")


def problems(graph: Graph) -> dict[tuple[str, str], object]:
    result = validate_graph(graph)
    assert not result.conforms
    return {(p.rule, p.node): p for p in result.problems}


@pytest.fixture(scope="module")
def sample_graph(sample_store) -> Graph:
    return union(sample_store)


def broken(sample_graph: Graph) -> Graph:
    g = Graph()
    for t in sample_graph:
        g.add(t)
    return g


def claim_with_attribution(g: Graph) -> URIRef:
    return next(c for c in g.subjects(RDF.type, SCHEMA.Claim) if (c, PROV.qualifiedAttribution, None) in g)


def test_evidence_past_the_end_of_the_article(sample_graph):
    g = broken(sample_graph)
    claim = claim_with_attribution(g)
    g.set((claim, PG.evidenceEnd, Literal(99_999)))
    found = problems(g)
    p = found[("claim-evidence-within-article", str(claim))]
    assert "99999" in p.message and "characters" in p.message


def test_start_after_end(sample_graph):
    g = broken(sample_graph)
    claim = claim_with_attribution(g)
    start = g.value(claim, PG.evidenceStart).toPython()
    g.set((claim, PG.evidenceEnd, Literal(start)))
    found = problems(g)
    assert ("claim-evidence-start", str(claim)) in found
    assert found[("claim-evidence-start", str(claim))].path == "pg:evidenceStart"


def test_evidence_that_is_not_the_article_text(sample_graph):
    g = broken(sample_graph)
    claim = claim_with_attribution(g)
    g.set((claim, PG.evidence, Literal("A sentence the article does not hold.")))
    assert ("claim-evidence-is-article-text", str(claim)) in problems(g)


def test_attribution_without_agent_and_source_without_kind(sample_graph):
    g = broken(sample_graph)
    hop = next(g.subjects(RDF.type, PROV.Attribution))
    g.remove((hop, PROV.agent, None))
    person = URIRef("https://w3id.org/provgraph/id/person/valery-gerasimov")
    g.set((person, PG.sourceKind, Literal("celebrity")))
    found = problems(g)
    assert found[("attribution-agent", str(hop))].path == "prov:agent"
    p = found[("source-kind", str(person))]
    assert p.value == "celebrity" and "person, organization, outlet, anonymous or document" in p.message


def test_anonymous_source_without_descriptor(sample_graph):
    g = broken(sample_graph)
    anon = next(g.subjects(RDF.type, PG.AnonymousSource))
    g.remove((anon, PG.descriptor, None))
    assert ("anonymous-descriptor", str(anon)) in problems(g)


def test_claim_without_article_or_text(sample_graph):
    g = broken(sample_graph)
    claim = claim_with_attribution(g)
    g.remove((claim, SCHEMA.appearance, None))
    g.remove((claim, SCHEMA.text, None))
    found = problems(g)
    assert ("claim-appearance", str(claim)) in found and ("claim-text", str(claim)) in found


def test_hops_out_of_order(sample_graph):
    g = broken(sample_graph)
    hop = next(h for h in g.subjects(PG.relays, None))
    g.set((g.value(hop, PG.relays), PG.hop, Literal(7)))
    assert ("attribution-hop-order", str(hop)) in problems(g)


def test_cli_validate_names_the_node_the_graph_and_the_rule(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES)
    run(runner, "query", "--update", "--store", store,
        f"""PREFIX pg: <https://w3id.org/provgraph/ns#>
        DELETE {{ GRAPH ?g {{ <{CLAIM_315}> pg:evidenceEnd ?e }} }}
        INSERT {{ GRAPH ?g {{ <{CLAIM_315}> pg:evidenceEnd 99999 }} }}
        WHERE {{ GRAPH ?g {{ <{CLAIM_315}> pg:evidenceEnd ?e }} }}""")
    result = run(runner, "validate", "--store", store, ok=False)
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("does not conform: 1 violation,")
    assert "VIOLATION claim-evidence-within-article: evidence offsets 260-99999 are not inside" in out
    assert f"node:  <{CLAIM_315}>" in out
    assert "graph: <https://w3id.org/provgraph/id/graph/00e3b7e3a5ce0d22b1c7>" in out
    data = json.loads(run(runner, "validate", "--format", "json", "--store", store, ok=False).stdout)
    assert data["conforms"] is False and data["violations"] == 1
    [p] = data["results"]
    assert p["rule"] == "claim-evidence-within-article" and p["node"] == str(CLAIM_315)


def test_validate_with_other_shapes(runner, sample_store, tmp_path):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <http://schema.org/> .
<urn:x:needs-url> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;
    sh:property [ sh:path schema:url ; sh:minCount 1 ; sh:message "an article needs a url" ] .
""", encoding="utf-8")
    result = run(runner, "validate", "--shapes", shapes, "--store", sample_store, ok=False)
    assert result.exit_code == 1 and result.stdout.count("an article needs a url") == 2


def test_validate_without_a_store_is_a_clean_error(runner, tmp_path):
    assert_clean_error(run(runner, "validate", "--store", tmp_path / "missing", ok=False), "no provgraph store")


def test_empty_graph_conforms():
    assert validate_graph(rdflib.Graph()).conforms


# ---- part by part, and only what changed ----------------------------------------------------------

ID = "https://w3id.org/provgraph/id/"
GERASIMOV = f"{ID}person/valery-gerasimov"
BREAKS = {  # a SPARQL update that breaks the graph -> (rule, node) pairs it must give, at least
    "claim evidence past the end": (
        f"""DELETE {{ GRAPH ?g {{ <{CLAIM_315}> pg:evidenceEnd ?e }} }} INSERT {{ GRAPH ?g {{ <{CLAIM_315}> pg:evidenceEnd 99999 }} }}
        WHERE {{ GRAPH ?g {{ <{CLAIM_315}> pg:evidenceEnd ?e }} }}""",
        [("claim-evidence-within-article", str(CLAIM_315))]),
    "a named source loses its name in the entities graph": (  # read by the article parts that cite him
        f"DELETE WHERE {{ GRAPH ?g {{ <{GERASIMOV}> rdfs:label ?l }} }}",
        [("source-label", GERASIMOV), ("attribution-agent-described", None), ("claim-root-source", None)]),
    "a relayed hop's evidence outside the article": (  # read backwards through the chain
        """DELETE { GRAPH ?g { ?h pg:evidenceEnd ?e } } INSERT { GRAPH ?g { ?h pg:evidenceEnd 99999 } }
        WHERE { { SELECT ?h WHERE { GRAPH ?any { ?x pg:relays ?h } } ORDER BY ?h LIMIT 1 } GRAPH ?g { ?h pg:evidenceEnd ?e } }""",
        [("attribution-evidence-within-article", None)]),
    "a hop numbered out of order": (
        """DELETE { GRAPH ?g { ?h pg:hop ?n } } INSERT { GRAPH ?g { ?h pg:hop 7 } }
        WHERE { { SELECT ?h WHERE { GRAPH ?any { ?x pg:relays ?h } } ORDER BY ?h LIMIT 1 } GRAPH ?g { ?h pg:hop ?n } }""",
        [("attribution-hop-order", None)]),
    "a hop added by an analyst loses its agent": (
        f"""DELETE {{ GRAPH <{ID}graph/curation> {{ ?h prov:agent ?a }} }}
        WHERE {{ GRAPH <{ID}graph/curation> {{ ?h a prov:Attribution ; prov:agent ?a }} }}""",
        [("attribution-agent", None)]),
    "a correction about a claim no longer stored": (  # a warning, not a violation
        f"""DELETE {{ GRAPH ?g {{ ?c rdf:subject ?s }} }} INSERT {{ GRAPH ?g {{ ?c rdf:subject <{ID}claim/gone/1-2> }} }}
        WHERE {{ GRAPH ?g {{ ?c pg:action "verify" ; rdf:subject ?s }} }}""",
        [("correction-target-exists", None)]),
    "a same-claim link that joins one claim": (
        """DELETE { GRAPH ?g { ?m pg:matchOf ?c } }
        WHERE { { SELECT ?m (MIN(?x) AS ?c) WHERE { GRAPH ?any { ?m pg:matchOf ?x } } GROUP BY ?m ORDER BY ?m LIMIT 1 }
                GRAPH ?g { ?m pg:matchOf ?c } }""",
        [("ClaimMatch pg:matchOf", None)]),
    "a claim reported no times": (  # the claim's statements in the derived graph are checked apart
        f"""DELETE {{ GRAPH ?g {{ <{CLAIM_315}> pg:reportCount ?n }} }} INSERT {{ GRAPH ?g {{ <{CLAIM_315}> pg:reportCount 0 }} }}
        WHERE {{ GRAPH ?g {{ <{CLAIM_315}> pg:reportCount ?n }} }}""",
        [("derived-report-count", str(CLAIM_315))]),
    "an analyst who is also a source": (
        f"""INSERT {{ GRAPH <{ID}graph/curation> {{ ?a pg:sourceKind "person" }} }} WHERE {{ GRAPH ?any {{ ?a a pg:Analyst }} }}""",
        [("Analyst", None)]),
}


@pytest.fixture(scope="module")
def curated_dump(tmp_path_factory) -> bytes:
    """The samples and the test corpus, with every kind of correction: articles, entities, the
    derived graph's links and clusters, corrections and hops added by an analyst."""
    from click.testing import CliRunner
    from test_curate import ALL_ACTIONS

    runner = CliRunner()
    tmp = tmp_path_factory.mktemp("curated")
    store = tmp / "store"
    run(runner, "ingest", SAMPLES, CORPUS, "--store", store)
    (tmp / "corrections.yaml").write_text(ALL_ACTIONS, encoding="utf-8")
    run(runner, "curate", tmp / "corrections.yaml", "--store", store)
    with Store(store, create=False) as s:
        return s.dump("nquads")


def store_from(dump: bytes, path: Path) -> Path:
    with Store(path) as s:
        s.load(dump, "nquads")
    return path


def broken_store(dump: bytes, path: Path, update: str) -> Path:
    store_from(dump, path)
    with Store(path) as s:
        before = s.dump("nquads")
        s.update("\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n" + update)
        assert s.dump("nquads") != before, "the update changed nothing"
    return path


def found(result: Validation, expected) -> None:
    pairs = {(p.rule, p.node) for p in result.problems}
    for rule, node in expected:
        assert any(r == rule and (node is None or n == node) for r, n in pairs), (rule, node, result.text())


@pytest.mark.parametrize("name", BREAKS)
def test_parts_find_what_the_whole_graph_check_finds(curated_dump, tmp_path, name):
    update, expected = BREAKS[name]
    result = parts_and_whole(broken_store(curated_dump, tmp_path / "s", update))
    found(result, expected)


@pytest.mark.parametrize("name", BREAKS)
def test_a_change_anywhere_a_part_looks_is_checked_again(curated_dump, tmp_path, monkeypatch, name):
    """The parts that conformed are skipped on the next run only while nothing they are checked
    with changes: a label in the entities graph, a hop read backwards, a link in the derived graph.
    (Shared nodes in parts of at most 16 here, so that they make several.)"""
    monkeypatch.setattr("provgraph.validate.PART_NODES", 16)
    update, expected = BREAKS[name]
    with Store(store_from(curated_dump, tmp_path / "clean"), create=False) as s:
        clean = validate_store(s)
    assert clean.conforms and clean.checked == clean.parts and len(clean.passed) == clean.parts
    with Store(broken_store(curated_dump, tmp_path / "s", update), create=False) as s:
        again = validate_store(s, known=clean.passed)
        full = validate_store(s)
    assert [p.as_dict() for p in again.problems] == [p.as_dict() for p in full.problems]
    found(again, expected)
    assert 0 < again.checked < again.parts  # only the parts the change reaches


def test_unchanged_parts_are_not_checked_again_unless_all(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES, CORPUS)
    first = json.loads(run(runner, "validate", "--format", "json", "--store", store).stdout)
    assert first["conforms"] and first["checked"] == first["parts"] > 15
    second = run(runner, "validate", "--store", store).stdout
    assert second.startswith("conforms: 0 violations")
    assert f"0 of {first['parts']} parts checked; the others had not changed" in second
    every = json.loads(run(runner, "validate", "--all", "--format", "json", "--store", store).stdout)
    assert every["checked"] == every["parts"] == first["parts"] and every["triples"] == first["triples"]


def test_a_violation_is_reported_on_every_run(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES)
    run(runner, "query", "--update", "--store", store, BREAKS["claim evidence past the end"][0])
    for _ in range(2):
        result = run(runner, "validate", "--store", store, ok=False)
        assert result.exit_code == 1 and "VIOLATION claim-evidence-within-article" in result.stdout


def test_parts_in_worker_processes(curated_dump, tmp_path):
    store = broken_store(curated_dump, tmp_path / "s", BREAKS["a named source loses its name in the entities graph"][0])
    with Store(store, create=False) as s:
        alone, pooled = validate_store(s), validate_store(s, workers=2)
    assert [p.as_dict() for p in pooled.problems] == [p.as_dict() for p in alone.problems]
    assert pooled.passed == alone.passed


def test_a_store_with_blank_nodes_is_checked_whole(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES)
    run(runner, "query", "--update", "--store", store,
        f"INSERT DATA {{ GRAPH <{ID}graph/extra> {{ <{CLAIM_315}> <http://example.org/note> [ a <http://example.org/Note> ] }} }}")
    with Store(store, create=False) as s:
        result = validate_store(s)
    assert result.conforms and result.parts == 0


def test_no_shape_reads_both_the_analyses_and_the_articles_on_one_node():
    """What makes a claim's statements in the derived graph checkable apart from the rest of it: a
    shape that targets or reads one of the analyses' predicates on its node reads no other."""
    from provgraph.interop import DERIVED_PREDICATES

    shapes = Graph().parse(SHAPES)
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        read = {str(p) for prop in shapes.objects(shape, SH.property) for p in shapes.objects(prop, SH.path)}
        read |= {str(p) for p in shapes.objects(shape, SH.targetSubjectsOf)}
        analyses = read & DERIVED_PREDICATES
        assert not analyses or analyses == read, (shape, read)
