"""The graph view's HTML (render/html.py) and its static picture (render/static.py), without a browser:
hostile article text stays text, the page asks for nothing from outside, the encoding (shapes,
sizes, edge kinds, reasons) is in the data, focus keeps cross-article links, large graphs are quick."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from conftest import SAMPLE_FILES, assert_clean_error, make_store, run
from provgraph.analysis.graph import focus, synthetic_graph
from provgraph.render import html as view
from provgraph.render.static import draw, layout

HOSTILE = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "<!-- <script>",
    "]]> --> <svg onload=alert(4)>",
    "\u2028line\u2029separators",
    "&lt;script&gt; entities &amp;",
    "/*GRAPH_DATA*/null /*VIS_JS*/ {{TITLE}}",  # the template's own placeholders
    "\"quotes' `back` ${x}",
    "$5 and $6 million",  # not TeX in the picture
]


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    art = "https://example.org/article/1"
    g.add_node(art, kind="article", label=HOSTILE[1] + " headline " + HOSTILE[2])
    src = "https://example.org/person/x"
    g.add_node(src, kind="person", label=HOSTILE[2] + " Ingrid", anonymous=False, weight=2, rooted=2)
    for i, text in enumerate(HOSTILE):
        c = f"https://example.org/claim/1/{i}"
        g.add_node(c, kind="claim", label=text, evidence=f"{text}, said Ingrid.", title=g.nodes[art]["label"],
                   article=art, start=10 * i, end=10 * i + 9, reasons=["single-source"] if i % 2 else [],
                   chain=[g.nodes[art]["label"], g.nodes[src]["label"]], hedges=[], roots=[g.nodes[src]["label"]])
        g.add_edge(c, art, kind="appears in", label="")
        g.add_edge(c, src, kind="attributed to", label=HOSTILE[0])
    g.add_edge("https://example.org/claim/1/0", "https://example.org/claim/1/1", kind="conflicts with",
               label="conflicts", reason=HOSTILE[2])
    return g


def page_data(page: str) -> dict:
    start = page.index('var data = {"nodes"') + len("var data = ")
    data, _ = json.JSONDecoder().raw_decode(page[start:])
    return data


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return view.render(hostile_graph(), title="<b>title</b> & \"more\"")


def test_hostile_text_never_leaves_the_json(hostile_page):
    # exactly the template's two scripts; nothing inserted opens or closes an element or a comment
    assert len(re.findall(r"</script", hostile_page, re.IGNORECASE)) == 2
    assert len(re.findall(r"<script", hostile_page.replace(view._vis_js(), ""), re.IGNORECASE)) == 2
    data_line = hostile_page[hostile_page.index('var data = {"nodes"'):].split("\n", 1)[0]
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in data_line
    for raw in ("<img", "onerror=alert(3)>", "<svg onload", "alert(2)</script>"):
        assert raw not in hostile_page


def test_hostile_text_arrives_unchanged(hostile_page):
    data = page_data(hostile_page)
    details = [n["d"] for n in data["nodes"] if n["kind"] == "claim"]
    assert sorted(d["label"] for d in details) == sorted(HOSTILE)
    assert all(d["evidence"].endswith(", said Ingrid.") for d in details)
    assert any(e["kind"] == "attributed to" and e["label"] == HOSTILE[0] for e in data["edges"])


def test_template_placeholders_in_text_are_not_expanded(hostile_page):
    assert hostile_page.count("vis.Network") == view._vis_js().count("vis.Network") + 1  # inlined once
    assert "/*GRAPH_DATA*/null /*VIS_JS*/ {{TITLE}}" in hostile_page  # the claim text, as it was


def test_title_is_escaped(hostile_page):
    assert "<title>&lt;b&gt;title&lt;/b&gt; &amp; &quot;more&quot;</title>" in hostile_page
    assert "<b>title" not in hostile_page


def test_page_allows_no_request(hostile_page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_page).group(1)
    assert "default-src 'none'" in csp and "connect-src" not in csp
    assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", hostile_page, re.IGNORECASE)
    assert not re.search(r"<(?:link|iframe|img|object|embed)\b", hostile_page, re.IGNORECASE)


def test_page_shows_text_only():
    """The page's own script never parses text as HTML (vis-network sets tooltips with innerText)."""
    from importlib import resources

    template = resources.files("provgraph.render").joinpath("view.html").read_text(encoding="utf-8")
    script = template[template.index("var data ="):]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


def test_encoding_in_the_data():
    g = hostile_graph()
    g.add_node("https://example.org/anonymous/y", kind="anonymous", label="a source", anonymous=True,
               weight=1, rooted=0)
    data = view.graph_data(g)
    nodes = {n["id"]: n for n in data["nodes"]}
    person, anonymous = nodes["https://example.org/person/x"], nodes["https://example.org/anonymous/y"]
    assert person["size"] > anonymous["size"]  # rooted 2 vs 0
    assert (person["shape"], anonymous["shape"]) == ("dot", "triangle")
    flagged = nodes["https://example.org/claim/1/1"]
    assert flagged["reasons"] == ["single-source"] and "⚑ single-source" in flagged["label"]
    assert flagged["borderWidth"] > nodes["https://example.org/claim/1/0"]["borderWidth"]
    assert set(data["edgeStyles"]) >= {"attributed to", "via", "appears in", "published by", "same claim",
                                       "conflicts with"}
    conflict = next(e for e in data["edges"] if e["kind"] == "conflicts with")
    assert conflict["arrows"] == "" and HOSTILE[2] in conflict["title"]
    assert data["reasons"]["single-source"]  # the explanation shown with each reason
    assert data["physics"] is True and all("x" in n and "y" in n for n in data["nodes"])


def test_claim_focus_brings_linked_claims():
    g = synthetic_graph(400)
    a, b, _ = next((a, b, k) for a, b, k in g.edges(data="kind") if k in ("same claim", "conflicts with"))
    f = focus(g, claim=a)
    assert {a, b} <= set(f) and {k for _, _, k in f.edges(data="kind")} >= {"appears in"}
    assert sum(1 for _, k in f.nodes(data="kind") if k == "claim") == 2
    flagged = focus(g, only_flagged=True)
    assert all(d["reasons"] for _, d in flagged.nodes(data=True) if d["kind"] == "claim")


def test_3000_nodes_render_quickly():
    g = synthetic_graph(3000)
    t = time.perf_counter()
    page = view.render(g)
    took = time.perf_counter() - t
    data = page_data(page)
    assert len(data["nodes"]) >= 3000 and data["physics"] is False  # the layout is computed once, here
    assert took < 10, f"render took {took:.1f} s"
    xs = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xs) == len(data["nodes"])  # no two nodes on one spot


def test_layout_is_deterministic():
    g = synthetic_graph(1500)
    assert layout(g) == layout(g)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_static_picture_of_hostile_text(tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    draw(hostile_graph(), out)
    data = out.read_bytes()
    if fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    else:
        root = ET.fromstring(data)  # well-formed SVG: the text was escaped or drawn as paths
        assert root.tag.endswith("svg")
        assert b"<script" not in data and b"<img" not in data and data.count(b"<svg") == 1  # comments escaped


def test_view_writes_png_and_svg_without_a_browser(runner, tmp_path):
    store = make_store(runner, tmp_path, *SAMPLE_FILES)
    png, svg = tmp_path / "g.png", tmp_path / "g.svg"
    result = run(runner, "view", "--store", store, "--only-flagged", "--png", png, "--svg", svg)
    assert png.read_bytes().startswith(b"\x89PNG") and ET.fromstring(svg.read_bytes()).tag.endswith("svg")
    assert not (tmp_path / "graph.html").exists() and "graph.html" not in result.output
    html = tmp_path / "g.html"
    run(runner, "view", "--store", store, "--png", png, "-o", html)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_picture_is_the_format_its_name_asks_for_and_claims_are_coloured_by_severity(runner, tmp_path):
    store = make_store(runner, tmp_path, *SAMPLE_FILES)
    jpg = tmp_path / "g.jpg"
    run(runner, "view", "--store", store, "--png", jpg)
    assert jpg.read_bytes().startswith(b"\xff\xd8\xff")  # JPEG, not a PNG named .jpg
    assert_clean_error(run(runner, "view", "--store", store, "--png", tmp_path / "g.xyz", ok=False),
                       "cannot draw a .xyz picture")
    svg = (tmp_path / "g.svg")
    run(runner, "view", "--store", store, "--svg", svg)
    data = svg.read_text(encoding="utf-8").lower()
    assert all(colour in data for colour in ("#c0392b", "#e17055"))  # serious and medium borders both drawn
