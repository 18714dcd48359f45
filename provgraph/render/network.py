"""The provenance graph as GraphML or GEXF, for Gephi, Cytoscape and yEd.

Those formats take scalar attributes only: lists (reasons, roots, chain) become "; "-joined text
and absent values are left out, so every node keeps its kind, label, severity and evidence.
"""

from __future__ import annotations

import re

import networkx as nx

FORMATS = {".graphml": "graphml", ".gexf": "gexf"}


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, (int, float, bool)):
        return value
    return _NOT_XML.sub("\ufffd", str(value))  # XML 1.0 allows no C0 controls: a hostile title must not break the file


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_network(g: nx.MultiDiGraph, path: str, fmt: str) -> None:
    """Write `g` to `path` as "graphml" or "gexf" (node and edge ids are the IRIs)."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for a, b, data in g.edges(data=True):
        out.add_edge(a, b, **{k: _scalar(v) for k, v in data.items() if v is not None})
    if fmt == "graphml":
        nx.write_graphml(out, path)
    else:
        nx.write_gexf(out, path)
