"""The interactive graph view: one self-contained HTML file (vis-network from pyvis, inlined).

pyvis 0.3.2's own template links Bootstrap from a CDN even with cdn_resources="in_line", so the
page is our own template around pyvis's bundled vis-network. Article text is untrusted: it goes
into the page only as JSON inside a <script> with <, > and & escaped, and is shown with
textContent (vis-network renders string tooltips as text).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis

STYLE = {  # kind -> (shape, colour)
    "article": ("box", "#9e9e9e"),
    "outlet": ("diamond", "#8e44ad"),
    "person": ("dot", "#2e86de"),
    "organization": ("square", "#16a085"),
    "anonymous": ("triangle", "#e67e22"),
    "document": ("hexagon", "#7f8c8d"),
    "claim": ("ellipse", "#dfe6e9"),
}
EDGE_COLOURS = {"attributed to": "#2d3436", "via": "#d63031", "appears in": "#b2bec3", "published by": "#8e44ad"}
PHYSICS_LIMIT = 1500  # above this many nodes the layout is computed once in Python, physics off


def _vis_js() -> str:
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8")


def _script_json(data) -> str:
    """JSON that is safe inside <script>: no '</script>', no HTML comment or entity tricks."""
    return json.dumps(data, ensure_ascii=False).replace("&", "\\u0026").replace("<", "\\u003c").replace(
        ">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _clip(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def graph_data(g: nx.MultiDiGraph) -> dict:
    nodes, edges = [], []
    big = g.number_of_nodes() > PHYSICS_LIMIT
    pos = nx.spring_layout(nx.Graph(g), seed=7, iterations=30, scale=4000) if big else {}
    for n, d in g.nodes(data=True):
        kind = d["kind"]
        shape, colour = STYLE.get(kind, ("dot", "#636e72"))
        flagged = bool(d.get("reasons"))
        node = {
            "id": n, "kind": kind, "shape": shape, "label": _clip(d["label"], 40),
            "title": _tooltip(n, d), "reasons": d.get("reasons", []),
            "color": {"background": "#ffcccc" if flagged else colour, "border": "#c0392b" if flagged else colour},
            "borderWidth": 3 if flagged else 1,
            "size": 12 + min(30, 4 * d.get("weight", 0)),
            "details": _details(n, d),
        }
        if kind in ("claim", "article"):
            node["font"] = {"size": 11}
        if big:
            node["x"], node["y"] = float(pos[n][0]), float(pos[n][1])
        nodes.append(node)
    for i, (a, b, d) in enumerate(g.edges(data=True)):
        edges.append({"id": i, "from": a, "to": b, "label": d.get("label", ""), "kind": d["kind"],
                      "arrows": "to", "color": EDGE_COLOURS.get(d["kind"], "#636e72"),
                      "dashes": d["kind"] == "appears in"})
    return {"nodes": nodes, "edges": edges, "physics": not big, "styles": STYLE, "edgeColours": EDGE_COLOURS}


def _tooltip(n: str, d: dict) -> str:
    lines = [f"{d['kind']}: {_clip(d['label'], 200)}"]
    if d.get("reasons"):
        lines.append("flags: " + ", ".join(d["reasons"]))
    if d.get("title"):
        lines.append(f"article: {_clip(d['title'], 100)}")
    return "\n".join(lines)


def _details(n: str, d: dict) -> dict:
    out = {"IRI": n, "kind": d["kind"], "label": d["label"]}
    for key in ("reasons", "chain"):
        if d.get(key):
            out[key] = " → ".join(d[key]) if key == "chain" else ", ".join(d[key])
    if d.get("evidence"):
        out["evidence"] = d["evidence"]
        out["article"] = f"{d.get('title') or ''} [{d['start']}-{d['end']}]"
    if "weight" in d:
        out["claims resting on it"] = str(d["weight"])
    return out


def render(g: nx.MultiDiGraph, title: str = "provgraph") -> str:
    template = resources.files("provgraph.render").joinpath("view.html").read_text(encoding="utf-8")
    pieces = {
        "/*VIS_JS*/": _vis_js(),
        "/*GRAPH_DATA*/null": _script_json(graph_data(g)),
        "{{TITLE}}": title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
    }
    # one pass over the template, so nothing inserted (article text included) is scanned again
    return re.sub("|".join(map(re.escape, pieces)), lambda m: pieces[m.group(0)], template)
