"""Graph layout computed in Python, and the static picture of the view (`provgraph view --png/--svg`).

`layout(g)`: up to SPRING_LIMIT nodes, networkx's spring_layout. Above that, something cheaper
that reads better at scale: each article sits in the middle of a ring of its claims, with the
sources only its claims rest on in outer rings facing them (an intermediary one ring in, its
source one ring out); articles and the sources they share are grouped by Louvain communities of
"cites the same source", each group laid out as a disc (shared sources in a sunflower in the
middle, articles in rings around them), and the discs packed in rows. It costs about 0.15 s at
3,000 nodes and 2.2 s at 30,000; spring_layout needs scipy above 500 nodes, and networkx's dense
Fruchterman-Reingold takes 23 s at 3,000.

The HTML view starts from these positions (and refines them with physics on small graphs); the
picture draws them with matplotlib's Agg and SVG backends, so no display or browser is needed.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from pathlib import Path

import networkx as nx

from provgraph.analysis.graph import CROSS_EDGES
from provgraph.analysis.report import severity
from provgraph.errors import InputError
from provgraph.render import count

STYLE = {  # kind -> (vis-network shape, colour, matplotlib marker)
    "article": ("box", "#9e9e9e", "s"),
    "outlet": ("diamond", "#8e44ad", "D"),
    "person": ("dot", "#2e86de", "o"),
    "organization": ("square", "#16a085", "s"),
    "anonymous": ("triangle", "#e67e22", "^"),
    "document": ("hexagon", "#7f8c8d", "h"),
    "claim": ("ellipse", "#dfe6e9", "o"),
}
EDGE_STYLE = {  # kind -> (colour, dashed, legend text)
    "attributed to": ("#2d3436", False, "attributed to (label: the cue)"),
    "via": ("#d63031", False, "via: an intermediary cites its source"),
    "appears in": ("#b2bec3", True, "appears in (claim to article)"),
    "published by": ("#8e44ad", False, "published by"),
    "same claim": ("#0984e3", True, "same claim in another article"),
    "conflicts with": ("#e84393", True, "conflicts with (incompatible figure)"),
}
FLAGGED = ("#ffcccc", "#c0392b")  # background, border of a weakly sourced claim
# A flagged claim's border by the report's severity of it (high, medium, low), and the border width.
SEVERITY_BORDER = {"high": ("#c0392b", 3), "medium": ("#e17055", 2), "low": ("#e1b12c", 1)}
SEVERITY_LEGEND = {"high": "high severity", "medium": "medium", "low": "low"}
CLAIM_GAP = 50  # distance between neighbouring claims on an article's ring
RING_GAP = 120  # distance between an article's rings
SOURCE_GAP = 60  # least distance between sources on one ring
SPRING_LIMIT = 300  # up to this many nodes networkx's spring_layout (numpy, dense) is quick enough


def node_size(d: dict) -> float:
    """Drawn size of a node: sources grow with the number of claims rooted in them."""
    if d["kind"] in ("claim", "article"):
        return 12
    return 12 + min(36, 7 * math.sqrt(d.get("rooted") or 0))


def layout(g: nx.MultiDiGraph, seed: int = 7) -> dict:
    """Positions {node: (x, y)} in vis-network's pixel units (see the module docstring)."""
    size = g.number_of_nodes()
    if size <= SPRING_LIMIT:
        pos = nx.spring_layout(nx.Graph(g), k=2 / math.sqrt(size), seed=seed, scale=70 * math.sqrt(size) + 100)
        return {n: (float(x), float(y)) for n, (x, y) in pos.items()}

    kind = dict(g.nodes(data="kind"))
    article_of: dict[str, str] = {}
    chain_edges = nx.DiGraph()
    for a, b, k in g.edges(data="kind"):
        if k == "appears in" and kind.get(b) == "article":
            article_of[a] = b
        elif k in ("attributed to", "via"):
            chain_edges.add_edge(a, b)
    homes: dict[str, set] = defaultdict(set)  # a source or outlet -> the articles whose claims rest on it
    depth: dict[str, int] = {}
    for c, art in article_of.items():
        if c in chain_edges:
            for s, d in nx.single_source_shortest_path_length(chain_edges, c).items():
                if s != c:
                    homes[s].add(art)
                    depth[s] = min(depth.get(s, d), d)
    for a, b, k in g.edges(data="kind"):
        if k == "published by":
            homes[b].add(a)
            depth.setdefault(b, 1)
    articles = [n for n in g if kind[n] == "article"]
    claims_of: dict[str, list] = defaultdict(list)
    for c, art in article_of.items():
        claims_of[art].append(c)
    private: dict[str, list] = defaultdict(list)
    free = []  # laid out with the articles: shared sources, and nodes that belong to no article
    for n in g:
        if kind[n] == "article" or n in article_of:
            continue
        if len(homes.get(n, ())) == 1:
            private[next(iter(homes[n]))].append(n)
        else:
            free.append(n)
    rings = {}
    for a in articles:
        r1 = max(100.0, len(claims_of[a]) * CLAIM_GAP / (2 * math.pi))
        outer = max((depth.get(s, 1) for s in private[a]), default=0)
        rings[a] = (r1, r1 + RING_GAP * outer + 40)

    # 1. articles and free nodes: grouped by the sources they share, each group a disc, discs packed
    h = nx.Graph()
    h.add_nodes_from(articles + free)
    for n in free:
        for a in homes.get(n, ()):
            # outlets publish and relay across topics: weak ties, or they would knot every topic together
            h.add_edge(a, n, weight=0.1 if kind[n] == "outlet" else 1.0)
    for a, b, k in g.edges(data="kind"):
        x, y = article_of.get(a, a), article_of.get(b, b)
        if x != y and x in h and y in h and not h.has_edge(x, y):
            h.add_edge(x, y, weight=0.5 if k in CROSS_EDGES else 1.0)
    radius = {a: rings[a][1] for a in articles} | {n: node_size(g.nodes[n]) + 30 for n in free}
    groups = nx.community.louvain_communities(h, seed=seed)
    pos = _pack([_group(sorted(c & set(articles)), sorted(c - set(articles)), radius, h) for c in groups])

    # 2. each article's claims on its inner ring, facing what they rest on; private sources outside
    for a in articles:
        cx, cy = pos[a]
        r1, _ = rings[a]
        claims = claims_of[a]
        first = {c: next((b for b in chain_edges.successors(c)), None) if c in chain_edges else None for c in claims}

        def facing(c):
            s = first[c]
            if s in pos:  # a shared source: face it
                return math.atan2(pos[s][1] - cy, pos[s][0] - cx) % (2 * math.pi)
            return None
        ordered = sorted(claims, key=lambda c: (facing(c) is None, facing(c) or 0, str(first[c]), c))
        slots = len(ordered) or 1
        start = (facing(ordered[0]) or 0.0) if ordered else 0.0
        angle = {}
        for i, c in enumerate(ordered):
            t = start + 2 * math.pi * i / slots
            angle[c] = t
            rr = r1 + (CLAIM_GAP * 0.8 if i % 2 and slots > 12 else 0)
            pos[c] = (cx + rr * math.cos(t), cy + rr * math.sin(t))
        by_ring: dict[int, list] = defaultdict(list)
        for s in private[a]:
            near = [angle[c] for c in claims if c in chain_edges and s in nx.descendants(chain_edges, c)] \
                if len(claims) < 60 else [angle[c] for c in claims if first[c] == s]
            t = math.atan2(sum(map(math.sin, near)), sum(map(math.cos, near))) if near else -math.pi / 2
            by_ring[depth.get(s, 1)].append((t % (2 * math.pi), s))
        for d, items in by_ring.items():
            r = r1 + RING_GAP * d
            for t, s in _spaced(sorted(items), SOURCE_GAP / r):
                pos[s] = (cx + r * math.cos(t), cy + r * math.sin(t))
    return pos


def _spaced(items: list, gap: float) -> list:
    """Angles sorted around a circle, pushed apart to at least `gap` radians where room allows."""
    if len(items) < 2:
        return items
    gap = min(gap, 2 * math.pi / len(items))
    angles = [t for t, _ in items]
    for _ in range(3):
        for i in range(1, len(angles)):
            angles[i] = max(angles[i], angles[i - 1] + gap)
        over = angles[-1] - (angles[0] + 2 * math.pi - gap)
        if over > 0:
            angles = [t - over * i / (len(angles) - 1) for i, t in enumerate(angles)]
    return [(t, s) for t, (_, s) in zip(angles, items)]


def _group(articles: list, sources: list, radius: dict, h: nx.Graph) -> tuple[float, dict]:
    """One group laid out around (0, 0): its shared sources in a sunflower in the middle, the most
    linked first, and its articles on rings around them. Returns the group's radius and positions."""
    inner = sorted(sources, key=lambda m: (-h.degree(m, "weight"), m))
    outer = sorted(articles, key=lambda m: (-h.degree(m, "weight"), m))
    pos = {}
    spacing = 2 * max((radius[m] for m in inner), default=0) + 10
    golden = math.pi * (3 - math.sqrt(5))
    for i, m in enumerate(inner):
        r = spacing * 0.6 * math.sqrt(i + 0.5)
        pos[m] = (r * math.cos(i * golden), r * math.sin(i * golden))
    core = spacing * 0.6 * math.sqrt(len(inner)) + spacing / 2 if inner else 0.0
    if not outer:
        return max(core, max((radius[m] for m in inner), default=0)), pos
    if len(outer) == 1 and not inner:
        return radius[outer[0]], {outer[0]: (0.0, 0.0)}
    widest = max(radius[m] for m in outer)
    ring = core + widest + 20
    i = 0
    while i < len(outer):
        room = 2 * math.pi * ring
        row, used = [], 0.0
        while i < len(outer) and (used + 2 * radius[outer[i]] + 20 <= room or not row):
            row.append(outer[i])
            used += 2 * radius[outer[i]] + 20
            i += 1
        t = 0.0
        for m in row:
            share = (2 * radius[m] + 20) / used * 2 * math.pi
            pos[m] = (ring * math.cos(t + share / 2), ring * math.sin(t + share / 2))
            t += share
        ring += 2 * widest + 20
    return ring - widest - 20, pos


def _pack(groups: list) -> dict:
    """Groups (radius, positions) in rows, largest first, in a roughly square block."""
    groups = sorted(groups, key=lambda g: -g[0])
    width = math.sqrt(sum((2 * r + 40) ** 2 for r, _ in groups)) * 1.15
    pos, x, y, row_h = {}, 0.0, 0.0, 0.0
    for r, members in groups:
        d = 2 * r + 40
        if x > 0 and x + d > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for m, (px, py) in members.items():
            pos[m] = (x + d / 2 + px, y + d / 2 + py)
        x += d
        row_h = max(row_h, d)
    return pos


def draw(g: nx.MultiDiGraph, path: str | Path, fmt: str | None = None, title: str = "provgraph") -> None:
    """Write the graph as a PNG or SVG picture (by `fmt`, else the file's suffix), headless."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fmt = (fmt or Path(path).suffix.lstrip(".") or "png").lower()
    if fmt not in FigureCanvasAgg.get_supported_filetypes():
        raise InputError(f"{path}: cannot draw a .{fmt} picture; use one of "
                         f"{', '.join('.' + f for f in sorted(FigureCanvasAgg.get_supported_filetypes()))}")
    pos = layout(g)
    n = g.number_of_nodes()
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    pad = 150
    x0, x1, y0, y1 = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    # about 130 layout units an inch, within 8-40 inches for the graph; the legend takes 3.5 more
    w = min(40.0, max(8.0, (x1 - x0) / 130))
    h = min(40.0, max(6.0, w * (y1 - y0) / (x1 - x0)))
    fig = Figure(figsize=(w + 3.5, h + 0.5), dpi=100 if w * h < 400 else 60)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, w / (w + 3.5), h / (h + 0.5)))
    ax.set_axis_off()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y1, y0)  # y grows downwards, as in the browser
    ax.set_aspect("equal", adjustable="box")
    ppu = min(w / (x1 - x0), h / (y1 - y0)) * 72  # points per layout unit
    for k, (colour, dashed, _) in EDGE_STYLE.items():
        segs = [(pos[a], pos[b]) for a, b, ek in g.edges(data="kind") if ek == k]
        if segs:
            ax.add_collection(LineCollection(segs, colors=colour, linewidths=max(0.3, min(1.2, 2 * ppu)),
                                             linestyles="dashed" if dashed else "solid", zorder=1,
                                             alpha=0.5 if k == "appears in" else 0.85))
    for k, (_, colour, marker) in STYLE.items():
        members = [(m, d) for m, d in g.nodes(data=True) if d["kind"] == k]
        if not members:
            continue
        border = [SEVERITY_BORDER[severity(d["reasons"])] if d.get("reasons") else None for _, d in members]
        ax.scatter([pos[m][0] for m, _ in members], [pos[m][1] for m, _ in members],
                   s=[(2 * node_size(d) * ppu * (1.3 if k == "article" else 1)) ** 2 for _, d in members],
                   marker=marker, c=[FLAGGED[0] if b else colour for b in border],
                   edgecolors=[b[0] if b else ("#636e72" if k == "claim" else colour) for b in border],
                   linewidths=[0.5 + b[1] if b else 0.5 for b in border], zorder=2 if k == "claim" else 3)
    font = max(4.0, min(9.0, 14 * ppu))
    for m in _labelled(g):
        d = g.nodes[m]
        ax.text(pos[m][0], pos[m][1] + node_size(d) * 1.4, _clip(d["label"], 28 if d["kind"] == "claim" else 36),
                fontsize=font * (0.85 if d["kind"] == "claim" else 1), ha="center", va="top", zorder=4,
                parse_math=False, color="#2d3436")
    handles = [Line2D([], [], marker=mk, linestyle="", markersize=9, markerfacecolor=c, markeredgecolor=c,
                      label=k) for k, (_, c, mk) in STYLE.items()]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=FLAGGED[0],
                       markeredgecolor=SEVERITY_BORDER[level][0], markeredgewidth=1 + SEVERITY_BORDER[level][1],
                       label=f"flagged: {text}") for level, text in SEVERITY_LEGEND.items()]
    handles += [Line2D([], [], color=c, linestyle="--" if dashed else "-", label=text)
                for c, dashed, text in EDGE_STYLE.values()]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(w / (w + 3.5), 0.97), frameon=False,
               fontsize=9, title="Legend", alignment="left")
    flagged = sum(1 for _, d in g.nodes(data=True) if d["kind"] == "claim" and d.get("reasons"))
    claims = sum(1 for _, k in g.nodes(data="kind") if k == "claim")
    fig.text(0.005, 1 - 0.25 / (h + 0.5), f"{title}: {count(n, 'node')}, {count(g.number_of_edges(), 'edge')}; "
             f"{flagged:,} of {count(claims, 'claim')} weakly sourced (border by severity); a source's size grows "
             "with the claims rooted in it",
             fontsize=11, va="center", parse_math=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs missing from the bundled font are drawn as boxes
        fig.savefig(path, format=fmt, metadata={"Software": "provgraph"} if fmt == "png" else
                    {"Date": None, "Creator": "provgraph"} if fmt == "svg" else None)


def _labelled(g: nx.MultiDiGraph) -> list:
    """Nodes that get a text label in the picture: all on small graphs, the biggest sources otherwise."""
    n = g.number_of_nodes()
    if n <= 60:
        return list(g)
    if n <= 600:
        return [m for m, k in g.nodes(data="kind") if k != "claim"]
    sources = sorted((m for m, d in g.nodes(data=True) if d["kind"] not in ("claim", "article")),
                     key=lambda m: -(g.nodes[m].get("rooted") or 0))
    return sources[:60]


def _clip(s, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"
