"""RDF: idempotent re-ingest, lossless export, one named graph per article, source IRIs across articles."""

from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from conftest import DATA, SAMPLE_FILES, make_store, run
from provgraph.extract.pipeline import extract
from provgraph.rdf import ENTITIES, article_iri, article_nquads, article_quads, graph_iri
from provgraph.reader import read_article
from provgraph.store import Store

SCHEMA = rdflib.Namespace("http://schema.org/")
PG = rdflib.Namespace("https://w3id.org/provgraph/ns#")


def dataset(store: Store) -> rdflib.Dataset:
    """Every quad in the store, graph by graph (N-Quads dump read back by rdflib)."""
    ds = rdflib.Dataset()
    ds.parse(data=store.dump("nquads"), format="nquads")
    return ds


def store_union(store: Store) -> Graph:
    g = Graph()
    for s, p, o, _ in dataset(store).quads():
        g.add((s, p, o))
    return g


def named_graph(store: Store, iri) -> Graph:
    g = Graph()
    for s, p, o, _ in dataset(store).quads((None, None, None, URIRef(str(iri)))):
        g.add((s, p, o))
    return g


def triple_count(store: Store) -> int:
    return store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]


def articles(*paths):
    return [extract(read_article(p)) for p in paths]


def test_reingesting_the_same_article_changes_nothing(tmp_path):
    sample = SAMPLE_FILES[0]
    with Store(tmp_path / "store") as store:
        first = extract(read_article(sample))
        assert store.replace_graph(graph_iri(first), article_quads(first)) is True
        before = triple_count(store)
        graphs = store.named_graphs()
        again = extract(read_article(sample))  # a fresh read and extraction
        assert store.replace_graph(graph_iri(again), article_quads(again)) is False
        assert triple_count(store) == before
        assert store.named_graphs() == graphs


def test_cli_reingest_reports_unchanged(runner, tmp_path):
    store = make_store(runner, tmp_path, *SAMPLE_FILES)
    stats = run(runner, "stats", "--format", "json", "--store", store).stdout
    result = run(runner, "ingest", *SAMPLE_FILES, "--store", store)
    assert "0 added, 2 unchanged" in result.output
    assert run(runner, "stats", "--format", "json", "--store", store).stdout == stats


def test_changed_metadata_replaces_the_old_statements(tmp_path):
    shutil.copy(DATA / "harbour_strike.txt", tmp_path / "a.txt")
    (tmp_path / "a.meta.json").write_text('{"title": "First title"}')
    with Store(tmp_path / "store") as store:
        a = extract(read_article(tmp_path / "a.txt"))
        store.replace_graph(graph_iri(a), article_quads(a))
        count = triple_count(store)
        tricky = 'Second "quoted" title \\ with a backslash\nand a newline <b>'
        (tmp_path / "a.meta.json").write_text(json.dumps({"title": tricky}))
        b = extract(read_article(tmp_path / "a.txt"))
        assert graph_iri(b) == graph_iri(a)
        assert store.replace_graph(graph_iri(b), article_quads(b)) is True
        titles = [r["t"] for r in store.select("SELECT ?t WHERE { ?a <http://schema.org/headline> ?t }")]
        assert titles == [tricky]
        assert triple_count(store) == count


def test_quads_are_deterministic():
    a, b = articles(SAMPLE_FILES[0], SAMPLE_FILES[0])
    assert sorted(map(repr, article_quads(a))) == sorted(map(repr, article_quads(b)))


def test_exported_turtle_parses_back_to_the_same_triples(sample_store):
    with Store(sample_store, create=False) as store:
        union = store_union(store)
        exported = Graph().parse(data=store.dump("turtle"), format="turtle")
    assert len(union) > 100
    assert isomorphic(exported, union)


def test_each_article_graph_holds_exactly_what_extraction_produced(sample_store):
    """An article's graph holds what it says; what describes shared entities (named sources,
    outlets) is in the one entities graph, so it is not repeated per article."""
    with Store(sample_store, create=False) as store:
        entities = named_graph(store, ENTITIES)
        for art in articles(*SAMPLE_FILES):
            stored = named_graph(store, graph_iri(art))
            produced = rdflib.Dataset()
            produced.parse(data=article_nquads(art), format="nquads")
            assert {str(c.identifier) for c in produced.graphs() if len(c)} == {str(graph_iri(art)), str(ENTITIES)}
            assert all(t in entities for t in produced.graph(ENTITIES))
            expected = produced.graph(graph_iri(art))
            assert len(stored) > 50
            assert isomorphic(stored, expected)


def test_trig_export_keeps_one_named_graph_per_article(sample_store):
    with Store(sample_store, create=False) as store:
        data = store.dump("trig")
    ds = rdflib.Dataset()
    ds.parse(data=data, format="trig")
    holders = {}
    for s, _, _, g in ds.quads((None, rdflib.RDF.type, SCHEMA.NewsArticle, None)):
        holders.setdefault(s, set()).add(g)
    expected = {article_iri(a): graph_iri(a) for a in articles(*SAMPLE_FILES)}
    assert holders == {a: {g} for a, g in expected.items()}
    for art_iri, g in expected.items():
        graph = ds.graph(g)
        # each article's claims live in its own graph
        claims = set(graph.subjects(SCHEMA.appearance, art_iri))
        assert claims and all(graph.value(c, SCHEMA.appearance) == art_iri for c in claims)
        other = set(expected) - {art_iri}
        assert not any((None, SCHEMA.appearance, o) in graph for o in other)


@pytest.fixture
def two_article_store(runner, tmp_path):
    return make_store(runner, tmp_path, DATA / "harbour_strike.txt", DATA / "ferry_delays.md")


SOURCES_BY_LABEL = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?g ?source WHERE {
  GRAPH ?g { ?claim prov:wasAttributedTo ?source . ?article a <http://schema.org/NewsArticle> }
  ?source rdfs:label ?label ; pg:sourceKind ?kind .
}
"""


def sources_labelled(store_path, label: str) -> list[dict]:
    with Store(store_path, create=False) as store:
        return store.select(SOURCES_BY_LABEL.replace("?label ;", f'"{label}" ;'))


def test_anonymous_sources_are_not_merged_across_articles(two_article_store):
    rows = sources_labelled(two_article_store, "A senior official")
    assert len({r["g"] for r in rows}) == 2
    assert len({r["source"] for r in rows}) == 2


def test_named_person_is_the_same_node_across_articles(two_article_store):
    rows = sources_labelled(two_article_store, "Ingrid Solberg")
    assert len({r["g"] for r in rows}) == 2
    assert len({r["source"] for r in rows}) == 1


def test_anonymous_source_is_typed_and_flagged(two_article_store):
    with Store(two_article_store, create=False) as store:
        rows = store.select("""
            PREFIX pg: <https://w3id.org/provgraph/ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s ?anon WHERE { ?s a pg:AnonymousSource ; rdfs:label "A senior official" ; pg:anonymous ?anon }""")
    assert len(rows) == 2 and all(r["anon"] is True for r in rows)


def test_evidence_offsets_in_the_graph_index_the_article_text(two_article_store):
    with Store(two_article_store, create=False) as store:
        rows = store.select("""
            PREFIX schema: <http://schema.org/>
            PREFIX pg: <https://w3id.org/provgraph/ns#>
            SELECT ?text ?ev ?s ?e WHERE { ?c schema:appearance ?a ; pg:evidence ?ev ; pg:evidenceStart ?s ;
                                              pg:evidenceEnd ?e . ?a schema:text ?text }""")
    assert len(rows) >= 5
    for r in rows:
        assert r["text"][r["s"]:r["e"]] == r["ev"]


def test_attributions_in_the_graph_carry_their_type(two_article_store):
    with Store(two_article_store, create=False) as store:
        rows = store.select("""
            PREFIX pg: <https://w3id.org/provgraph/ns#>
            SELECT ?type (COUNT(*) AS ?n) WHERE { ?hop pg:attributionType ?type } GROUP BY ?type""")
    types = {r["type"]: r["n"] for r in rows}
    assert types.get("speech", 0) >= 2
    assert set(types) <= {"speech", "document", "belief"}  # actions and intentions credit no one


def test_rewriting_a_graph_leaves_exactly_the_new_statements(tmp_path):
    """The derived graph is rewritten by difference, compared as N-Triples lines: tricky literals
    (quotes, a newline, non-ASCII) must compare equal to what the store reads back."""
    graph = "https://w3id.org/provgraph/id/graph/derived"
    flag = ox.NamedNode("https://w3id.org/provgraph/ns#flag")

    def line(subject: str, value) -> str:
        return f"{ox.NamedNode(subject)} {flag} {ox.Literal(value)} ."

    def held(store):
        return sorted((r["s"], str(r["o"])) for r in store.select(
            f"SELECT ?s ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))

    tricky = 'a "quoted" claim \\ with a backslash\nand a newline, née Žofie'
    with Store(tmp_path / "store") as store:
        store.rewrite_graph(graph, lambda: [line("https://e.org/a", tricky), line("https://e.org/b", 2)])
        assert held(store) == [("https://e.org/a", tricky), ("https://e.org/b", "2")]
        store.rewrite_graph(graph, lambda: [line("https://e.org/a", tricky), line("https://e.org/c", True)] * 2)
        assert held(store) == [("https://e.org/a", tricky), ("https://e.org/c", "True")]
        assert triple_count(store) == 2
