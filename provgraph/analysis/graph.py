"""The provenance graph as networkx: articles, outlets, sources and claims, with attribution edges.

Used by the view and by analyses that walk chains. Node ids are IRIs; every node has `kind` and
`label`; claims also carry `reasons`, `evidence`, `title`, `start`, `end`.
"""

from __future__ import annotations

import networkx as nx

from provgraph import queries
from provgraph.analysis.report import weak_claims
from provgraph.store import Store

ARTICLES = """
PREFIX schema: <http://schema.org/>
SELECT ?article ?title ?file ?outlet ?outletName WHERE {
  ?article a schema:NewsArticle .
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article <https://w3id.org/provgraph/ns#sourceFile> ?file }
  OPTIONAL { ?article schema:publisher ?outlet . ?outlet schema:name ?outletName }
}"""


def provenance_graph(store: Store) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for row in store.select(ARTICLES):
        label = row["title"] or row["file"] or row["article"]
        g.add_node(row["article"], kind="article", label=label)
        if row["outlet"]:
            g.add_node(row["outlet"], kind="outlet", label=row["outletName"])
            g.add_edge(row["article"], row["outlet"], kind="published by", label="published by")
    report = weak_claims(store)
    flagged = {c.claim: c for c in report.claims}
    for row in store.select(queries.load("claims")):
        c = flagged.get(row["claim"])
        g.add_node(row["claim"], kind="claim", label=row["text"], evidence=row["evidence"],
                   title=row["title"] or row["file"], start=row["start"], end=row["end"],
                   reasons=c.reasons if c else [], chain=c.chain if c else [])
        g.add_edge(row["claim"], row["article"], kind="appears in", label="")
    for row in store.select(queries.load("claim_chains")):
        g.add_node(row["agent"], kind=row["kind"], label=row["label"], anonymous=row["anonymous"])
    chains: dict[tuple, list] = {}
    for row in store.select(queries.load("claim_chains")):
        chains.setdefault((row["claim"], row["chain"]), []).append(row)
    for (claim, _), hops in chains.items():
        hops.sort(key=lambda r: r["hop"])
        first = hops[0]
        g.add_edge(claim, first["agent"], kind="attributed to", label=hops[-1]["cue"] or "")
        for a, b in zip(hops, hops[1:]):
            g.add_edge(a["agent"], b["agent"], kind="via", label="cites")
    for n, data in g.nodes(data=True):
        if data["kind"] not in ("claim", "article"):
            data["weight"] = sum(1 for _ in nx.ancestors(g, n) if g.nodes[_]["kind"] == "claim")
    return g


def focus(g: nx.MultiDiGraph, claim: str | None = None, article: str | None = None,
          source: str | None = None, only_flagged: bool = False) -> nx.MultiDiGraph:
    """The part of the graph around one claim, article or source, or only the flagged claims."""
    keep: set[str] | None = None
    if claim:
        hits = [n for n, d in g.nodes(data=True) if d["kind"] == "claim" and (n == claim or n.endswith(claim))]
        keep = set().union(*({h} | nx.descendants(g, h) for h in hits)) if hits else set()
    if article:
        arts = [n for n, d in g.nodes(data=True) if d["kind"] == "article"
                and (n == article or n.endswith(article) or article.lower() in str(d["label"]).lower())]
        claims = {c for a in arts for c in g.predecessors(a)}
        keep = (keep or set()) | set(arts) | set().union(*({c} | nx.descendants(g, c) for c in claims)) if arts else keep or set()
    if source:
        srcs = [n for n, d in g.nodes(data=True) if d["kind"] not in ("claim", "article")
                and source.lower() in str(d["label"]).lower()]
        claims = {c for s in srcs for c in nx.ancestors(g, s) if g.nodes[c]["kind"] == "claim"}
        keep = (keep or set()) | set().union(*({c} | nx.descendants(g, c) for c in claims)) if claims else keep or set()
    if only_flagged:
        claims = {n for n, d in g.nodes(data=True) if d["kind"] == "claim" and d["reasons"]}
        if keep is not None:
            claims &= keep
        keep = set().union(*({c} | nx.descendants(g, c) for c in claims)) if claims else set()
    return g if keep is None else g.subgraph(keep).copy()
