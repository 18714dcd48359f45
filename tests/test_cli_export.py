"""`provgraph export`: every format the command offers runs and parses back to the same triples."""

from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner

from conftest import run
from provgraph.cli import cli

FORMATS = next(p.type.choices for p in cli.commands["export"].params if p.name == "fmt")
RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld", "ntriples": "nt",
          "rdfxml": "xml"}
QUADS = {"trig", "nquads", "jsonld"}


def parse(data: str, fmt: str) -> set:
    if fmt in QUADS:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB[fmt])
        return {(s, p, o) for s, p, o, _ in ds.quads()}
    return set(rdflib.Graph().parse(data=data, format=RDFLIB[fmt]))


@pytest.fixture(scope="module")
def reference(sample_store):
    out = CliRunner().invoke(cli, ["export", "--format", "ntriples", "--store", str(sample_store)]).stdout
    return parse(out, "ntriples")


def test_formats_offered():
    assert {"turtle", "trig", "nquads", "jsonld", "ntriples"} <= set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_runs_and_parses_to_the_same_triples(runner, sample_store, reference, fmt):
    out = run(runner, "export", "--format", fmt, "--store", sample_store).stdout
    assert len(reference) > 100
    assert parse(out, fmt) == reference


@pytest.mark.parametrize("fmt", sorted(QUADS & set(FORMATS)))
def test_graph_formats_keep_a_graph_per_article(runner, sample_store, fmt):
    out = run(runner, "export", "--format", fmt, "--store", sample_store).stdout
    ds = rdflib.Dataset()
    ds.parse(data=out, format=RDFLIB[fmt])
    article = rdflib.URIRef("http://schema.org/NewsArticle")
    graphs = {g for _, _, _, g in ds.quads((None, rdflib.RDF.type, article, None))}
    assert len(graphs) == 2
    assert all(str(g).startswith("https://w3id.org/provgraph/id/graph/") for g in graphs)


def test_default_format_is_trig_and_output_file(runner, sample_store, tmp_path):
    default = run(runner, "export", "--store", sample_store).stdout
    assert default == run(runner, "export", "--format", "trig", "--store", sample_store).stdout
    target = tmp_path / "graph.ttl"
    run(runner, "export", "--format", "turtle", "-o", target, "--store", sample_store)
    assert parse(target.read_text(encoding="utf-8"), "turtle")


def test_unknown_format(runner, sample_store):
    result = run(runner, "export", "--format", "csv", "--store", sample_store, ok=False)
    assert result.exit_code == 2 and "Invalid value" in result.output


@pytest.mark.parametrize("fmt", ["turtle", "trig", "rdfxml"])
def test_exports_people_read_declare_the_prefixes(runner, sample_store, fmt):
    """Issue 15: Turtle and TriG came out with every IRI written in full."""
    out = run(runner, "export", "--format", fmt, "--store", sample_store).output
    assert ("@prefix pg: <https://w3id.org/provgraph/ns#>" in out) or ('xmlns:pg="https://w3id.org/provgraph/ns#"' in out)


def test_ntriples_suffix_is_written_and_read_back(runner, sample_store, tmp_path):
    path = tmp_path / "all.ntriples"
    run(runner, "export", "-o", path, "--store", sample_store)
    assert not path.read_text(encoding="utf-8").lstrip().startswith("@prefix")  # N-Triples, not TriG
    assert "statements" in run(runner, "import", path, "--store", tmp_path / "copy").output
