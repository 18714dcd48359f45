"""The provenance graph as networkx: articles, outlets, sources and claims, with attribution edges.

Used by the view and by analyses that walk chains. Node ids are IRIs; every node has `kind` and
`label`. Claims also carry `reasons`, `evidence`, `title`, `article`, `start`, `end`, `chain` and
`roots` (the labels of their root sources); sources carry `weight` (claims resting on them, at any
hop) and `rooted` (claims whose chain ends at them). Sources are read after entity resolution
(pg:canonicalSource), so one source cited by several articles is one node.

Edges have `kind` and `label`. Provenance edges point from a claim towards what it rests on:
claim -attributed to-> source -via-> source, claim -appears in-> article -published by-> outlet.
The cross-article links of the derived graph join two claims: `same claim` (pg:sameClaimAs) and
`conflicts with` (pg:conflictsWith), one edge per pair, with the match or conflict reason.
"""

from __future__ import annotations

import random
from collections import defaultdict

import networkx as nx

from provgraph import queries
from provgraph.analysis.report import severity, weak_claims
from provgraph.store import Store

PROVENANCE_EDGES = ("attributed to", "via", "appears in", "published by")
CROSS_EDGES = ("same claim", "conflicts with")

ARTICLES = """
PREFIX schema: <http://schema.org/>
SELECT ?article ?title ?file ?outlet ?outletName WHERE {
  ?article a schema:NewsArticle .
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article <https://w3id.org/provgraph/ns#sourceFile> ?file }
  OPTIONAL { ?article schema:publisher ?outlet . ?outlet schema:name ?outletName }
}"""
CANONICAL = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?source ?canonical ?label ?kind ?anonymous WHERE {
  ?source pg:canonicalSource ?canonical .
  ?canonical rdfs:label ?label ; pg:sourceKind ?kind ; pg:anonymous ?anonymous .
}"""
CROSS_LINKS = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?a ?b ?link ?reason WHERE {
  { ?a pg:sameClaimAs ?b . BIND ("same claim" AS ?link)
    OPTIONAL { ?m pg:matchOf ?a , ?b ; pg:matchReason ?reason } }
  UNION
  { ?a pg:conflictsWith ?b . BIND ("conflicts with" AS ?link)
    OPTIONAL { ?m pg:conflictOf ?a , ?b ; pg:conflictReason ?reason } }
  FILTER (STR(?a) < STR(?b))
}"""


def provenance_graph(store: Store) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for row in store.select(ARTICLES):
        label = row["title"] or row["file"] or row["article"]
        g.add_node(row["article"], kind="article", label=label)
        if row["outlet"]:
            g.add_node(row["outlet"], kind="outlet", label=row["outletName"])
            g.add_edge(row["article"], row["outlet"], kind="published by", label="published by")
    flagged = {c.claim: c for c in weak_claims(store).claims}
    for row in store.select(queries.load("claims")):
        c = flagged.get(row["claim"])
        g.add_node(row["claim"], kind="claim", label=row["text"], evidence=row["evidence"],
                   title=row["title"] or row["file"], article=row["article"], start=row["start"], end=row["end"],
                   reasons=c.reasons if c else [], chain=c.chain if c else [], hedges=c.hedges if c else [],
                   severity=c.severity if c else "none", roots=[])
        g.add_edge(row["claim"], row["article"], kind="appears in", label="")
    canonical = {r["source"]: r for r in store.select(CANONICAL)}
    chains: dict[tuple, list] = defaultdict(list)
    for row in store.select(queries.load("claim_chains")):
        if row["claim"] not in g:
            continue  # a chain of a claim without evidence offsets: nothing to show it with
        same = canonical.get(row["agent"])
        if same:
            row = {**row, "agent": same["canonical"], "label": same["label"], "kind": same["kind"],
                   "anonymous": same["anonymous"]}
        if row["agent"] not in g:
            g.add_node(row["agent"], kind=row["kind"], label=row["label"], anonymous=bool(row["anonymous"]),
                       weight=0, rooted=0)
        chains[(row["claim"], row["chain"])].append(row)
    resting: dict[str, set] = defaultdict(set)
    rooted: dict[str, set] = defaultdict(set)
    seen_edges: set[tuple] = set()

    def edge(a, b, kind, label, **attrs):
        if (a, b, kind) not in seen_edges:
            seen_edges.add((a, b, kind))
            g.add_edge(a, b, kind=kind, label=label, **attrs)

    for (claim, _), hops in chains.items():
        hops.sort(key=lambda r: r["hop"])
        cue = next((h["cue"] for h in reversed(hops) if h["cue"] and h["cue"] != "via"), "") or ""
        edge(claim, hops[0]["agent"], "attributed to", cue)
        for a, b in zip(hops, hops[1:]):
            if a["agent"] != b["agent"]:
                edge(a["agent"], b["agent"], "via", "cites")
        for h in hops:
            resting[h["agent"]].add(claim)
        root = hops[-1]
        rooted[root["agent"]].add(claim)
        if root["label"] not in g.nodes[claim]["roots"]:
            g.nodes[claim]["roots"].append(root["label"])
    for n in resting:
        g.nodes[n]["weight"] = len(resting[n])
        g.nodes[n]["rooted"] = len(rooted.get(n, ()))
    for row in store.select(CROSS_LINKS):
        if row["a"] in g and row["b"] in g:
            edge(row["a"], row["b"], row["link"], "same claim" if row["link"] == "same claim" else "conflicts",
                 reason=row["reason"] or "")
    return g


def provenance_only(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The graph's provenance edges alone (no cross-article links), as a plain DiGraph."""
    p = nx.DiGraph()
    p.add_nodes_from(g)
    p.add_edges_from((a, b) for a, b, k in g.edges(data="kind") if k in PROVENANCE_EDGES)
    return p


def focus(g: nx.MultiDiGraph, claim: str | None = None, article: str | None = None,
          source: str | None = None, only_flagged: bool = False) -> nx.MultiDiGraph:
    """The part of the graph around one claim, article or source, or only the flagged claims.

    A claim comes with what it rests on (its chains, article and outlet); `claim` also brings the
    claims that repeat or contradict it (same claim / conflicts with) and what those rest on."""
    if not (claim or article or source or only_flagged):
        return g
    p = provenance_only(g)

    def with_provenance(claims) -> set[str]:
        out: set[str] = set()
        for c in claims:
            if c not in out:
                out |= {c} | nx.descendants(p, c)
        return out

    keep: set[str] | None = None
    if claim:
        hits = [n for n, d in g.nodes(data=True) if d["kind"] == "claim" and (n == claim or n.endswith(claim))]
        linked = {b if a in hits else a for a, b, k in g.edges(hits, data="kind") if k in CROSS_EDGES}
        linked |= {a for a, b, k in g.in_edges(hits, data="kind") if k in CROSS_EDGES}
        keep = with_provenance(hits + sorted(linked))
    if article:
        arts = [n for n, d in g.nodes(data=True) if d["kind"] == "article"
                and (n == article or n.endswith(article) or article.lower() in str(d["label"]).lower())]
        claims = [c for a in arts for c in p.predecessors(a)]
        keep = (keep or set()) | set(arts) | with_provenance(claims)
    if source:
        srcs = [n for n, d in g.nodes(data=True) if d["kind"] not in ("claim", "article")
                and source.lower() in str(d["label"]).lower()]
        claims = {c for s in srcs for c in nx.ancestors(p, s) if g.nodes[c]["kind"] == "claim"}
        keep = (keep or set()) | with_provenance(sorted(claims))
    if only_flagged:
        claims = {n for n, d in g.nodes(data=True) if d["kind"] == "claim" and d["reasons"]}
        if keep is not None:
            claims &= keep
        keep = with_provenance(sorted(claims))
    return g.subgraph(keep).copy()


def synthetic_graph(nodes: int = 3000, seed: int = 7) -> nx.MultiDiGraph:
    """A made-up provenance graph of about `nodes` nodes, shaped like a real corpus (articles of
    5-20 claims, outlets, persons and anonymous sources shared between articles, chains through
    intermediaries, same-claim and conflict links), for measuring and testing the view at scale."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    reasons = ["indirect-chain", "anonymous-only", "unattributed", "single-source", "hedged",
               "conflicting-figures", "circular-reporting"]
    outlets = [f"https://example.org/outlet/{i}" for i in range(max(3, nodes // 150))]
    for o in outlets:
        g.add_node(o, kind="outlet", label=f"Outlet {o.rsplit('/', 1)[1]}", weight=0, rooted=0)
    topics: dict[int, list[str]] = defaultdict(list)  # named sources cited again by articles on one topic
    claims: list[str] = []
    i = 0
    while g.number_of_nodes() < nodes:
        art = f"https://example.org/article/{i}"
        topic = i // 12 if rnd.random() < 0.9 else rnd.randrange(i // 12 + 1)
        people = topics[topic]
        g.add_node(art, kind="article", label=f"Article {i}: <b>synthetic</b> report on harbour & rail")
        g.add_edge(art, rnd.choice(outlets), kind="published by", label="published by")
        local: list[str] = []
        for j in range(rnd.randint(5, 20)):
            claim = f"https://example.org/claim/{i}/{j}"
            text = f"Claim {i}.{j}: {rnd.randint(2, 900) * 10} crates were delayed at pier {rnd.randint(1, 9)}"
            flags = rnd.sample(reasons, rnd.choice([0, 0, 1, 1, 2, 3]))
            g.add_node(claim, kind="claim", label=text, evidence=text + ", officials said.", title=f"Article {i}",
                       article=art, start=100 * j, end=100 * j + len(text) + 17, reasons=flags, chain=[],
                       hedges=[], roots=[], severity=severity(flags))
            g.add_edge(claim, art, kind="appears in", label="")
            claims.append(claim)
            if rnd.random() < 0.1:
                continue  # unattributed
            if people and rnd.random() < 0.3:
                src = rnd.choice(people)
            elif local and rnd.random() < 0.5:
                src = rnd.choice(local)
            else:
                kind = rnd.choice(["person", "person", "organization", "anonymous", "document"])
                src = f"https://example.org/{kind}/{i}/{j}"
                g.add_node(src, kind=kind, label=f"{kind.title()} {i}.{j}", anonymous=kind == "anonymous",
                           weight=0, rooted=0)
                (people if kind in ("person", "organization") and rnd.random() < 0.3 else local).append(src)
            first = src
            if rnd.random() < 0.15:
                first = rnd.choice(outlets)
                g.add_edge(first, src, kind="via", label="cites")
            g.add_edge(claim, first, kind="attributed to", label=rnd.choice(["said", "according to", "reported"]))
            g.nodes[claim]["roots"] = [g.nodes[src]["label"]]
            g.nodes[src]["rooted"] += 1
            for n in {first, src}:
                g.nodes[n]["weight"] += 1
        i += 1
    for _ in range(len(claims) // 40):
        a = rnd.randrange(len(claims) - 30)
        a, b = claims[a], claims[a + rnd.randint(15, 30)]  # a claim of a neighbouring article
        kind = rnd.choice(CROSS_EDGES)
        g.add_edge(a, b, kind=kind, label="same claim" if kind == "same claim" else "conflicts", reason="synthetic")
    return g
