"""The interactive graph view: one self-contained HTML file (vis-network from pyvis, inlined).

pyvis 0.3.2's own template links Bootstrap from a CDN even with cdn_resources="in_line", so the
page is our own template (view.html) around pyvis's bundled vis-network. Article text is
untrusted: it goes into the page only as JSON inside a <script> with <, >, & and the line
separators escaped, and the page shows it with textContent only (vis-network draws labels on the
canvas and sets tooltips with innerText). The page's Content-Security-Policy allows no request at
all: inline script and style only, no image, font, frame or connection from anywhere.

Positions come from provgraph.render.static.layout (fast, in Python). Up to PHYSICS_LIMIT nodes
the browser refines them with vis-network's Barnes-Hut physics, which stops once stable; above
it the computed layout is final and physics stays off, so the page opens at once.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis

from provgraph.analysis.report import EXPLAIN, REASONS, severity
from provgraph.render import count
from provgraph.render.static import EDGE_STYLE, FLAGGED, SEVERITY_BORDER, STYLE, layout, node_size

PHYSICS_LIMIT = 300  # above this many nodes the layout computed in Python is final, physics off


def _vis_js() -> str:
    """pyvis's bundled vis-network, less its source map link (a file the page does not have)."""
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    return re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)


def _script_json(data) -> str:
    """JSON that is safe inside <script>: no '</script>', no HTML comment or entity tricks."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("&", "\\u0026").replace(
        "<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _clip(s, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def graph_data(g: nx.MultiDiGraph) -> dict:
    """What the page draws: vis-network nodes and edges, plus each node's details (`d`)."""
    big = g.number_of_nodes() > PHYSICS_LIMIT
    pos = layout(g)
    nodes, edges = [], []
    for n, d in g.nodes(data=True):
        kind = d["kind"]
        shape, colour, _ = STYLE.get(kind, ("dot", "#636e72", "o"))
        reasons = list(d.get("reasons") or [])
        if kind == "claim" and big:
            shape = "dot"  # an ellipse as wide as its label hides its neighbours at this scale
        node = {"id": n, "label": _label(d, 24 if big else 36), "kind": kind, "shape": shape, "reasons": reasons,
                "x": round(pos[n][0], 1), "y": round(pos[n][1], 1), "title": _tooltip(d), "d": _details(d)}
        if kind == "claim":
            border, width = SEVERITY_BORDER[severity(reasons)] if reasons else ("#636e72", 0)
            node["color"] = {"background": FLAGGED[0] if reasons else colour, "border": border}
            node["borderWidth"] = 1 + width
            node["font"] = {"size": 11}
            if big:
                node["size"] = 7
        elif kind == "article":
            node["color"] = {"background": colour, "border": "#636e72"}
            node["font"] = {"size": 12, "color": "#ffffff", "strokeWidth": 0}  # white on grey, no halo
        else:
            node["color"] = {"background": colour, "border": colour}
            node["size"] = round(node_size(d), 1)
        if node["shape"] in ("box", "ellipse"):  # sized by its label: still seen when the page hides the label
            node["widthConstraint"] = {"minimum": 36}
            node["heightConstraint"] = {"minimum": 12}
        nodes.append(node)
    for i, (a, b, d) in enumerate(g.edges(data=True)):
        kind = d["kind"]
        colour, dashed, _ = EDGE_STYLE.get(kind, ("#636e72", False, kind))
        cross = kind in ("same claim", "conflicts with")
        edge = {"id": i, "from": a, "to": b, "label": _clip(d.get("label") or "", 30), "kind": kind,
                "color": colour, "dashes": dashed, "arrows": "" if cross else "to",
                "width": 2 if cross else 1}
        if d.get("reason"):
            edge["title"] = f"{kind}: {d['reason']}"
        edges.append(edge)
    claims = [d for _, d in g.nodes(data=True) if d["kind"] == "claim"]
    return {
        "nodes": nodes, "edges": edges, "physics": not big,
        "styles": {k: ["dot" if big and k == "claim" else v[0], v[1]] for k, v in STYLE.items()},
        "edgeStyles": {k: [v[0], v[1], v[2]] for k, v in EDGE_STYLE.items()},
        "severity": {str(width): colour for colour, width in SEVERITY_BORDER.values()}, "flagged": FLAGGED,
        "reasons": {r: EXPLAIN[r] for r in REASONS},
        "counts": {"nodes": len(nodes), "edges": len(edges), "claims": len(claims),
                   "flagged": sum(1 for c in claims if c.get("reasons"))},
    }


def _label(d: dict, width: int) -> str:
    if d["kind"] == "claim":
        text = _clip(d["label"], width)
        reasons = d.get("reasons") or []
        return text + (f"\n⚑ {reasons[0]}" + (f" +{len(reasons) - 1}" if len(reasons) > 1 else "") if reasons else "")
    return _clip(d["label"], 40)


def _tooltip(d: dict) -> str:
    lines = [f"{d['kind']}: {_clip(d['label'], 200)}"]
    if d.get("reasons"):
        lines.append("weakly sourced: " + ", ".join(d["reasons"]))
    if d.get("title"):
        lines.append(f"article: {_clip(d['title'], 100)}")
    if d.get("rooted") is not None and d["kind"] not in ("claim", "article"):
        lines.append(f"root source of {count(d['rooted'], 'claim')}; {d.get('weight') or 0} rest on it")
    lines.append("click for details")
    return "\n".join(lines)


def _details(d: dict) -> dict:
    """The node's own facts for the details panel (the page adds what is linked to it)."""
    out = {"label": str(d["label"])}
    for key in ("evidence", "title", "start", "end", "reasons", "roots", "chain", "hedges", "rooted", "weight",
                "anonymous"):
        value = d.get(key)
        if value not in (None, "", []):
            out[key] = value
    return out


def render(g: nx.MultiDiGraph, title: str = "provgraph") -> str:
    template = resources.files("provgraph.render").joinpath("view.html").read_text(encoding="utf-8")
    pieces = {
        "/*VIS_JS*/": _vis_js(),
        "/*GRAPH_DATA*/null": _script_json(graph_data(g)),
        "{{TITLE}}": _text(title),
    }
    # one pass over the template, so nothing inserted (article text included) is scanned again
    return re.sub("|".join(map(re.escape, pieces)), lambda m: pieces[m.group(0)], template)
