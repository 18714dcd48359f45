"""Interop: JSON-LD export with provgraph's context, and `provgraph import` of an exported graph:
nothing lost (isomorphic, named graphs kept), the same report, malformed files change nothing."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from rdflib.compare import isomorphic

from conftest import SAMPLES, assert_clean_error, make_store, run
from provgraph.ontology_doc import CONTEXT
from provgraph.store import Store
from test_validate import assert_valid

CORRECTIONS = """analyst: Jane Doe
date: 2024-11-05T10:00:00Z
corrections:
  - action: dispute
    claim: 00e3b7e3a5ce0d22b1c7/1161-1289
    note: Court statistics give a lower count.
  - action: remove-attribution
    claim: 503231902f95f911e4af/779-790
"""
EXTENSIONS = {"trig": "trig", "nquads": "nq", "jsonld": "jsonld", "turtle": "ttl", "ntriples": "nt"}


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """The samples, with corrections (so the curation graph travels too)."""
    from click.testing import CliRunner
    runner = CliRunner()
    tmp = tmp_path_factory.mktemp("original")
    store = make_store(runner, tmp, SAMPLES)
    (tmp / "fix.yaml").write_text(CORRECTIONS, encoding="utf-8")
    run(runner, "curate", tmp / "fix.yaml", "--store", store)
    return store


def dataset(store) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    with Store(store, create=False) as s:
        ds.parse(data=s.dump("nquads"), format="nquads")
    return ds


def graphs(store) -> dict[str, rdflib.Graph]:
    out: dict[str, rdflib.Graph] = {}
    for s, p, o, g in dataset(store).quads():
        out.setdefault(str(g), rdflib.Graph()).add((s, p, o))
    return out


def union(store) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in dataset(store).quads():
        g.add((s, p, o))
    return g


def report(runner, store) -> str:
    return run(runner, "report", "--format", "json", "--store", store).stdout


def export(runner, store, fmt, tmp_path):
    path = tmp_path / f"export.{EXTENSIONS[fmt]}"
    run(runner, "export", "--format", fmt, "-o", path, "--store", store)
    return path


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_round_trip_keeps_every_named_graph(runner, original, tmp_path, fmt):
    fresh = tmp_path / "fresh"
    result = run(runner, "import", export(runner, original, fmt, tmp_path), "--store", fresh)
    assert "derived statements recomputed instead" in result.stderr
    before, after = graphs(original), graphs(fresh)
    assert set(after) == set(before)
    assert {g.rsplit("/", 1)[-1] for g in before} >= {"derived", "curation", "00e3b7e3a5ce0d22b1c7"}
    for name, g in before.items():
        assert isomorphic(after[name], g), name
    assert report(runner, fresh) == report(runner, original)
    assert_valid(fresh)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_triples_only_round_trip(runner, original, tmp_path, fmt):
    fresh = tmp_path / "fresh"
    run(runner, "import", export(runner, original, fmt, tmp_path), "--store", fresh)
    assert isomorphic(union(fresh), union(original))
    assert report(runner, fresh) == report(runner, original)
    assert_valid(fresh)


def test_jsonld_uses_the_published_context(runner, original, tmp_path):
    data = json.loads(export(runner, original, "jsonld", tmp_path).read_text(encoding="utf-8"))
    assert data["@context"] == json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    nodes = [n for g in data["@graph"] for n in g.get("@graph", [])]
    claim = next(n for n in nodes if n["@id"].endswith("/claim/00e3b7e3a5ce0d22b1c7/1161-1289") and "text" in n)
    assert "Claim" in claim["@type"] and claim["appearance"].endswith("/article/00e3b7e3a5ce0d22b1c7")
    authored = next(n for n in nodes if n["@id"] == claim["@id"] and "author" in n)
    assert authored["author"].endswith("/person/valery-gerasimov")  # schema:author = the root source
    assert isinstance(claim["evidenceStart"], int)


def test_import_merges_corrections_and_keeps_other_articles(runner, original, tmp_path):
    other = make_store(runner, tmp_path, SAMPLES / "desertion_quality_management.txt")
    (tmp_path / "mine.yaml").write_text("""analyst: Sam Roe
corrections:
  - {action: verify, claim: 503231902f95f911e4af/867-1030}
""", encoding="utf-8")
    run(runner, "curate", tmp_path / "mine.yaml", "--store", other)
    run(runner, "import", export(runner, original, "trig", tmp_path), "--store", other)
    with Store(other, create=False) as s:
        analysts = {r["who"] for r in s.select("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX pg: <https://w3id.org/provgraph/ns#>
            SELECT DISTINCT ?who WHERE { ?c a pg:Correction ; prov:wasAttributedTo/rdfs:label ?who }""")}
    assert analysts == {"Jane Doe", "Sam Roe"}
    claims = {c["claim"].rsplit("claim/", 1)[-1]: c for c in json.loads(report(runner, other))["claims"]}
    assert claims["503231902f95f911e4af/867-1030"]["verdict"]["analyst"] == "Sam Roe"
    assert claims["00e3b7e3a5ce0d22b1c7/1161-1289"]["reasons"][0] == "disputed"
    assert_valid(other)


@pytest.mark.parametrize("name, content, needles", [
    ("bad.ttl", "@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b \"unterminated .\n", ["bad.ttl, line 3", "not valid turtle"]),
    ("bad.nq", "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> .\n", ["bad.nq, line 2", "not valid nquads"]),
    ("bad.jsonld", '{"@id": "http://a",\n "http://p": [1, }', ["bad.jsonld, line 2", "not valid jsonld"]),
    ("remote.jsonld", '{"@context": "https://w3id.org/provgraph/context.jsonld", "@id": "http://a"}',
     ["remote.jsonld", "never fetches"]),
    ("graph.dat", "a,b\n", ["cannot tell the RDF format", ".rdf", "--format"]),
    ("graph.csv", "a,b\n", ["graph.csv: a .csv file holds csv", "rdfxml; give --format"]),
])
def test_malformed_files_are_clean_errors_and_load_nothing(runner, original, tmp_path, name, content, needles):
    store = make_store(runner, tmp_path, SAMPLES)
    before = graphs(store)
    good = export(runner, original, "trig", tmp_path)
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    result = run(runner, "import", good, bad, "--store", store, ok=False)  # the good file is parsed first
    assert_clean_error(result, *needles)
    after = graphs(store)
    assert set(after) == set(before) and all(isomorphic(after[g], before[g]) for g in before)


def test_a_truncated_export_names_its_line(runner, original, tmp_path):
    text = export(runner, original, "trig", tmp_path).read_text(encoding="utf-8")
    cut = tmp_path / "cut.trig"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    result = run(runner, "import", cut, "--store", tmp_path / "fresh", ok=False)
    assert_clean_error(result, "cut.trig, line", "not valid trig")


def test_import_never_replaces_an_article_silently(runner, original, tmp_path):
    """Issue 16: a graph whose name is not its article's content hash is refused; a different
    version of a stored article replaces it only with --replace."""
    store = make_store(runner, tmp_path, SAMPLES)
    before = graphs(store)
    text = export(runner, original, "trig", tmp_path).read_text(encoding="utf-8")
    article_graphs = sorted(g for g in before if re.fullmatch(r".*/graph/[0-9a-f]{20}", g))
    a, b = article_graphs[:2]
    swapped = tmp_path / "swapped.trig"  # article a's statements under article b's graph name
    swapped.write_text(text.replace(a, "urn:tmp").replace(b, a).replace("urn:tmp", b), encoding="utf-8")
    result = run(runner, "import", swapped, "--store", store, ok=False)
    assert_clean_error(result, "does not hold the article its name says")
    edited = tmp_path / "edited.trig"  # the same article, one claim's text changed
    edited.write_text(text.replace("Kyiv recruited approximately 11,000", "Kyiv recruited approximately 99,000"),
                      encoding="utf-8")
    result = run(runner, "import", edited, "--store", store, ok=False)
    assert_clean_error(result, "different version of a stored article", "--replace")
    after = graphs(store)
    assert set(after) == set(before) and all(isomorphic(after[g], before[g]) for g in before)
    run(runner, "import", edited, "--replace", "--store", store)


CORRECTION = """<https://w3id.org/provgraph/id/graph/curation> {{
  <https://w3id.org/provgraph/id/correction/evil> a <https://w3id.org/provgraph/ns#Correction> ;
    <https://w3id.org/provgraph/ns#action> "{action}" ;
    <http://www.w3.org/ns/prov#wasAttributedTo> <https://w3id.org/provgraph/id/analyst/mallory> ;
    <http://www.w3.org/ns/prov#generatedAtTime> {time} ;
    <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <https://w3id.org/provgraph/id/claim/00e3b7e3a5ce0d22b1c7/315-455> ;
    <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <https://w3id.org/provgraph/ns#verdict> ;
    <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> "disputed" .
  <https://w3id.org/provgraph/id/analyst/mallory> a <https://w3id.org/provgraph/ns#Analyst> ;
    <http://www.w3.org/2000/01/rdf-schema#label> "{analyst}" .
}}
"""
DATETIME = '"2024-05-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'


@pytest.mark.parametrize("action, time, needle", [
    ("explode", DATETIME, "needs one action (pg:action)"),
    ("dispute", '"yesterday"', "needs one time (prov:generatedAtTime, an xsd:dateTime)"),
    ("dispute", DATETIME.replace("T10", "T99"), "is not a date or time"),
])
def test_a_malformed_correction_is_refused_and_changes_nothing(runner, tmp_path, action, time, needle):
    """Issue 16: a malformed correction in an imported TriG entered the curation graph."""
    store = make_store(runner, tmp_path, SAMPLES)
    before = graphs(store)
    path = tmp_path / "correction.trig"
    path.write_text(CORRECTION.format(action=action, time=time, analyst="Mallory"), encoding="utf-8")
    assert_clean_error(run(runner, "import", path, "--store", store, ok=False), "correction/evil", needle,
                       "nothing was imported")
    after = graphs(store)
    assert set(after) == set(before) and all(isomorphic(after[g], before[g]) for g in before)


def test_an_imported_verdict_needs_a_correction_behind_it(runner, tmp_path):
    """A bare pg:verdict in the curation graph is an effect, recomputed from the corrections: it
    flags nothing; a well-formed correction's verdict does."""
    store = make_store(runner, tmp_path, SAMPLES)
    bare = tmp_path / "bare.trig"
    bare.write_text("<https://w3id.org/provgraph/id/graph/curation> { <https://w3id.org/provgraph/id/claim/"
                    '00e3b7e3a5ce0d22b1c7/315-455> <https://w3id.org/provgraph/ns#verdict> "disputed" . }\n',
                    encoding="utf-8")
    run(runner, "import", bare, "--store", store)
    assert not [c for c in json.loads(report(runner, store))["claims"] if c.get("verdict")]
    good = tmp_path / "good.trig"
    good.write_text(CORRECTION.format(action="dispute", time=DATETIME, analyst="Mallory"), encoding="utf-8")
    run(runner, "import", good, "--store", store)
    verdicts = [c["verdict"]["verdict"] for c in json.loads(report(runner, store))["claims"] if c.get("verdict")]
    assert verdicts == ["disputed"]


def test_an_imported_correction_needs_a_named_analyst(runner, tmp_path):
    store = make_store(runner, tmp_path, SAMPLES)
    path = tmp_path / "anonymous.trig"
    path.write_text(CORRECTION.format(action="dispute", time=DATETIME, analyst="Mallory")
                    .replace("<http://www.w3.org/2000/01/rdf-schema#label>", "<http://example.org/nickname>"))
    assert_clean_error(run(runner, "import", path, "--store", store, ok=False), "needs an analyst")


def test_a_literal_past_the_parser_limit_is_one_line(runner, tmp_path):
    """Issue 16 (found by scripts/bad_input.py): a 17 MB literal was pyoxigraph's MemoryError
    ("Reached the buffer maximal size") as a traceback."""
    path = tmp_path / "long.nq"
    path.write_text(f'<http://a> <http://b> "{"x" * 17_000_000}" <http://g> .\n', encoding="utf-8")
    result = run(runner, "import", path, "--store", tmp_path / "store", ok=False)
    assert_clean_error(result, "long.nq: a literal or IRI is longer than the parser's limit")
