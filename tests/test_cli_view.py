"""`provgraph view`: one offline HTML file, safe against hostile article text, with focus options."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import DATA, SAMPLE_FILES, assert_clean_error, make_store, run
from provgraph.cli import cli

EXTERNAL = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def graph_data(html: str) -> dict:
    """The graph JSON embedded in the page's script."""
    start = html.index('var data = {"nodes"') + len("var data = ")
    data, _ = json.JSONDecoder().raw_decode(html[start:])
    return data


def view(runner, store, tmp_path, *args, name="graph.html"):
    out = tmp_path / name
    run(runner, "view", "-o", out, "--store", store, *args)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def full_html(sample_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("view") / "graph.html"
    result = CliRunner().invoke(cli, ["view", "-o", str(out), "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_one_self_contained_file(full_html):
    assert full_html.lstrip().lower().startswith("<!doctype html>")
    assert not EXTERNAL.findall(full_html)
    assert not re.search(r"<link\b", full_html, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc\s*=", full_html, re.IGNORECASE)
    assert "vis.Network" in full_html  # the library is inlined


def test_legend(full_html):
    assert "Legend" in full_html and 'id="legend"' in full_html
    data = graph_data(full_html)
    assert {"person", "outlet", "anonymous", "claim", "article"} <= set(data["styles"])


def test_graph_holds_the_samples(full_html):
    data = graph_data(full_html)
    labels = {n["label"] for n in data["nodes"]}
    kinds = {n["kind"] for n in data["nodes"]}
    assert {"article", "claim", "person", "anonymous", "outlet"} <= kinds
    assert "Vladimir Boyko" in labels and "Valery Gerasimov" in labels
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert any(n["reasons"] for n in data["nodes"] if n["kind"] == "claim")


def test_hostile_text_is_escaped(runner, tmp_path):
    store = make_store(runner, tmp_path, DATA / "hostile_markup.txt")
    html = view(runner, store, tmp_path)
    for raw in ("<script>alert(1)</script>", "<script>alert", "<img src=x", "onerror=alert(1)>"):
        assert raw not in html
    assert "\\u003cscript\\u003ealert(1)" in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    data = graph_data(html)  # the escaped JSON still carries the text unchanged
    assert any("<script>alert(1)</script>" in n["label"] for n in data["nodes"] if n["kind"] == "article")
    assert not EXTERNAL.findall(html)


def test_only_flagged_drops_what_no_flagged_claim_rests_on(runner, tmp_path):
    store = make_store(runner, tmp_path, *SAMPLE_FILES, DATA / "opinion_only.txt")
    full = graph_data(view(runner, store, tmp_path, name="full.html"))
    flagged = graph_data(view(runner, store, tmp_path, "--only-flagged", name="flagged.html"))
    assert 0 < len(flagged["nodes"]) < len(full["nodes"])
    assert "opinion_only.txt" in {n["label"] for n in full["nodes"]}
    assert "opinion_only.txt" not in {n["label"] for n in flagged["nodes"]}
    assert all(n["reasons"] for n in flagged["nodes"] if n["kind"] == "claim")


def test_claim_focus(runner, sample_store, sample_report, full_html, tmp_path):
    claim = next(c for c in sample_report["claims"] if "11,000" in c["text"])
    data = graph_data(view(runner, sample_store, tmp_path, "--claim", claim["claim"]))
    assert len(data["nodes"]) < len(graph_data(full_html)["nodes"])
    claims = [n for n in data["nodes"] if n["kind"] == "claim"]
    assert [n["id"] for n in claims] == [claim["claim"]]
    labels = {n["label"] for n in data["nodes"]}
    assert "sources within Ukraine’s security forces" in labels


@pytest.mark.parametrize("option, value", [("--source", "Gerasimov"), ("--article", "dog named Borys")])
def test_source_and_article_focus(runner, sample_store, full_html, tmp_path, option, value):
    data = graph_data(view(runner, sample_store, tmp_path, option, value))
    assert 0 < len(data["nodes"]) < len(graph_data(full_html)["nodes"])


@pytest.mark.parametrize("option, value", [("--claim", "no-such-claim"), ("--source", "Nobody Ofthatname"),
                                           ("--article", "no article has this title")])
def test_focus_that_matches_nothing_is_a_clean_error(runner, sample_store, tmp_path, option, value):
    out = tmp_path / "nothing.html"
    result = run(runner, "view", option, value, "-o", out, "--store", sample_store, ok=False)
    assert_clean_error(result, "nothing to show")
    assert not out.exists()


@pytest.mark.parametrize("suffix, read", [(".graphml", "read_graphml"), (".gexf", "read_gexf")])
def test_the_graph_for_gephi_and_cytoscape_keeps_kinds_flags_and_evidence(runner, sample_store, sample_report,
                                                                          tmp_path, suffix, read):
    path = tmp_path / f"provenance{suffix}"
    run(runner, "view", "-o", path, "--store", sample_store)
    g = getattr(nx, read)(path)
    claims = [d for _, d in g.nodes(data=True) if d.get("kind") == "claim"]
    assert len(claims) == sample_report["total_claims"]
    flagged = [d for d in claims if d["severity"] != "none"]
    assert flagged and all(d["reasons"] and d["evidence"] for d in flagged)
    assert any(d.get("kind") == "anonymous" for _, d in g.nodes(data=True))
    assert not (tmp_path / "graph.html").exists()


def test_the_gephi_file_survives_control_characters_in_a_title(runner, tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said 40 homes were lost on Monday.\n")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "Flood \u001b]0;pwned\u0007 report"}))
    store = make_store(runner, tmp_path, tmp_path / "a.txt")
    for suffix, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        run(runner, "view", "-o", tmp_path / f"g{suffix}", "--store", store)
        assert read(tmp_path / f"g{suffix}").number_of_nodes() >= 3
