"""Across articles: one node per real source, claims matched across reports, root sources,
independent support, circular reporting and conflicting figures.

networkx does the graph work (chains to roots, clusters, citation loops); the results are written
as triples into one derived named graph, so reports and SPARQL users read them instead of
re-walking chains. `derive(store)` rebuilds that graph from the articles' graphs.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Literal, URIRef

from provgraph import queries
from provgraph.analysis.figures import Figure, content_words, parse_figures
from provgraph.extract.sources import normalise
from provgraph.store import Store
from provgraph.vocab import ID, PG, RDF, RDFS

DERIVED = URIRef(f"{ID}graph/derived")
MATCH_THRESHOLD = 0.6  # a same-claim link needs at least this score (see _match)


@dataclass
class ClaimInfo:
    iri: str
    text: str
    article: str
    outlet: str | None
    figures: list[Figure]
    words: set[str]
    chains: list[list[str]] = field(default_factory=list)  # canonical agents, cited -> root

    @property
    def roots(self) -> set[str]:
        return {c[-1] for c in self.chains}


@dataclass
class Corpus:
    claims: dict[str, ClaimInfo]
    canonical: dict[str, str]  # source IRI -> canonical source IRI
    labels: dict[str, str]  # canonical source IRI -> label
    kinds: dict[str, tuple[str, bool]]  # canonical source IRI -> (kind, anonymous)
    matches: list[tuple[str, str, float, str]]  # claim a, claim b, score, reason
    clusters: list[set[str]]
    conflicts: list[tuple[str, str, str]]  # claim a, claim b, reason
    related: list[tuple[str, str, str]]
    loops: list[list[str]]  # outlet citation cycles

    def cluster_of(self, claim: str) -> set[str]:
        for c in self.clusters:
            if claim in c:
                return c
        return {claim}


def analyse(store: Store) -> Corpus:
    canonical, labels, kinds = resolve_sources(store)
    claims: dict[str, ClaimInfo] = {}
    for row in store.select(queries.load("corpus_claims")):
        claims[row["claim"]] = ClaimInfo(row["claim"], row["text"], row["article"], row["outlet"],
                                         parse_figures(row["text"]), content_words(row["text"]))
    hops = nx.DiGraph()
    agent_of: dict[str, str] = {}
    for row in store.select(queries.load("claim_chains")):
        node = f"{row['chain']}#{row['hop']}"
        agent_of[node] = canonical.get(row["agent"], row["agent"])
        prev = row["claim"] if row["hop"] == 0 else f"{row['chain']}#{row['hop'] - 1}"
        hops.add_edge(prev, node)
    for iri, info in claims.items():
        if iri not in hops:
            continue
        for root in (n for n in nx.descendants(hops, iri) if hops.out_degree(n) == 0):
            path = nx.shortest_path(hops, iri, root)[1:]
            info.chains.append([agent_of[n] for n in path])
    matches = match_claims(claims)
    g = nx.Graph()
    g.add_nodes_from(claims)
    g.add_edges_from((a, b) for a, b, _, _ in matches)
    clusters = [c for c in nx.connected_components(g) if len(c) > 1]
    conflicts, related = compare_figures(claims)
    return Corpus(claims, canonical, labels, kinds, matches, clusters, conflicts, related, citation_loops(claims))


def resolve_sources(store: Store) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, bool]]]:
    """Map every source IRI to one canonical IRI per real source.

    People: a bare surname ("Gerasimov") joins the one full name in the corpus that ends with it
    (none or several: it stays apart). Outlets are merged by their canonical names at extraction.
    Anonymous sources merge across articles only when descriptor and intermediary both agree
    ("sources within Ukraine's security forces" via RIA); without an intermediary, never."""
    rows = store.select(queries.load("corpus_sources"))
    canonical: dict[str, str] = {}
    labels: dict[str, str] = {}
    kinds: dict[str, tuple[str, bool]] = {}
    full_names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["kind"] == "person" and len(normalise(r["label"]).split("-")) > 1:
            full_names[normalise(r["label"]).split("-")[-1]].add(r["source"])
    for r in rows:
        iri = r["source"]
        target = iri
        if r["kind"] == "person" and len(normalise(r["label"]).split("-")) == 1:
            owners = full_names.get(normalise(r["label"]), set())
            if len(owners) == 1:
                target = next(iter(owners))
        elif r["anonymous"] and r["via"]:
            target = f"{ID}anonymous/via/{r['via'].rsplit('/', 1)[-1]}/{normalise(r['descriptor'] or r['label'])}"
        canonical[iri] = target
        if target == iri or target not in labels:
            labels[target] = r["label"] if target == iri else labels.get(target, r["label"])
        kinds[target] = (r["kind"], bool(r["anonymous"]))
    for r in rows:  # a merged person is labelled with its full name
        if canonical[r["source"]] == r["source"]:
            labels[r["source"]] = r["label"]
    return canonical, labels, kinds


def _figure_match(a: ClaimInfo, b: ClaimInfo) -> Figure | None:
    for fa in a.figures:
        for fb in b.figures:
            if fa.unit == fb.unit and fa.value == fb.value and (fa.scope == fb.scope or None in (fa.scope, fb.scope)):
                return fa
    return None


def _match(a: ClaimInfo, b: ClaimInfo) -> tuple[float, str] | None:
    """Score two claims as reports of one claim. Conservative: a wrong merge fakes corroboration."""
    if not a.words or not b.words:
        return None
    jaccard = len(a.words & b.words) / len(a.words | b.words)
    fig = _figure_match(a, b)
    if fig is not None:
        score = 0.6 + 0.4 * jaccard
        reason = f"same figure {fig.text} {fig.unit}" + (f" ({fig.scope})" if fig.scope else "") + \
            f"; {jaccard:.0%} shared words"
    elif a.figures and b.figures:
        return None  # both give figures and none agree: not the same claim (maybe a conflict)
    else:
        score = jaccard
        reason = f"{jaccard:.0%} shared words"
    if score < MATCH_THRESHOLD or (fig is not None and jaccard < 0.2):
        return None
    return round(score, 3), reason


def match_claims(claims: dict[str, ClaimInfo]) -> list[tuple[str, str, float, str]]:
    """Same-claim links between reports, compared only within candidate blocks (a shared figure, or
    a shared rare word), so the work grows with the corpus, not with its square."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    df: dict[str, int] = defaultdict(int)
    for info in claims.values():
        for w in info.words:
            df[w] += 1
    for iri, info in claims.items():
        for f in info.figures:
            blocks[("fig", f.unit, f.value)].append(iri)
        rare = sorted(info.words, key=lambda w: (df[w], w))[:3]
        for w in rare:
            if df[w] > 1:
                blocks[("word", w)].append(iri)
    seen: set[tuple[str, str]] = set()
    out = []
    for members in blocks.values():
        if len(members) > 200:
            continue  # a block that large is a common word, not evidence of one claim
        for a, b in itertools.combinations(sorted(set(members)), 2):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            m = _match(claims[a], claims[b])
            if m is not None:
                out.append((a, b, m[0], m[1]))
    return out


def compare_figures(claims: dict[str, ClaimInfo]) -> tuple[list, list]:
    """Conflicts: the same quantity (what is counted, qualifiers, period) with values that cannot
    both be true, from different sources. Related: the same thing counted over another period or
    in another way, shown side by side but not a conflict."""
    by_unit: dict[str, list[tuple[str, Figure]]] = defaultdict(list)
    for iri, info in claims.items():
        for f in info.figures:
            by_unit[f.unit].append((iri, f))
    conflicts, related, seen = [], [], set()
    for items in by_unit.values():
        if len(items) > 500:
            items = items[:500]
        for (a, fa), (b, fb) in itertools.combinations(items, 2):
            if a == b or (a, b, fa.text, fb.text) in seen:
                continue
            seen.add((a, b, fa.text, fb.text))
            ca, cb = claims[a], claims[b]
            shared = len(ca.words & cb.words) / max(1, len(ca.words | cb.words))
            if fa.quantity == fb.quantity and fa.scope is not None or (
                    fa.quantity == fb.quantity and fa.qualifiers):
                lo_a, hi_a = fa.interval()
                lo_b, hi_b = fb.interval()
                if (hi_a < lo_b or hi_b < lo_a) and ca.roots != cb.roots:
                    conflicts.append((a, b, f"{fa.text} vs {fb.text} {fa.unit}"
                                      + (f" ({fa.scope})" if fa.scope else "")))
            elif shared >= 0.15 and (fa.qualifiers & fb.qualifiers or fa.qualifiers == fb.qualifiers):
                related.append((a, b, f"{fa.text} {fa.unit} ({fa.scope or 'no period'}) and "
                                      f"{fb.text} {fb.unit} ({fb.scope or 'no period'})"))
    return conflicts, related


def citation_loops(claims: dict[str, ClaimInfo]) -> list[list[str]]:
    """Outlets that cite each other in a loop: the publisher cites the first hop, each hop the next."""
    g = nx.DiGraph()
    for info in claims.values():
        for chain in info.chains:
            path = ([info.outlet] if info.outlet else []) + chain
            g.add_edges_from((x, y) for x, y in zip(path, path[1:]) if x != y)
    return [c for c in nx.simple_cycles(g) if len(c) > 1]


def derived_quads(c: Corpus) -> list[tuple]:
    """The derived named graph: canonical sources, roots, clusters, matches, conflicts, flags."""
    out: list[tuple] = []

    def add(s, p, o):
        out.append((URIRef(s) if isinstance(s, str) else s, p, o, DERIVED))

    for iri, target in c.canonical.items():
        if target != iri:
            add(iri, PG.canonicalSource, URIRef(target))
            add(target, RDFS.label, Literal(c.labels.get(target, "")))
            add(target, PG.sourceKind, Literal(c.kinds[target][0]))
            add(target, PG.anonymous, Literal(c.kinds[target][1]))
    loop_nodes = {n for loop in c.loops for n in loop}
    for n, cluster in enumerate(sorted(c.clusters, key=min)):
        node = URIRef(f"{ID}cluster/{normalise(min(cluster))[-24:]}")
        add(node, RDF.type, PG.ClaimCluster)
        for m in cluster:
            add(m, PG.inCluster, node)
    for iri, info in c.claims.items():
        cluster = c.cluster_of(iri)
        roots = set().union(*(c.claims[m].roots for m in cluster))
        articles = {c.claims[m].article for m in cluster}
        for r in info.roots:
            add(iri, PG.canonicalRoot, URIRef(r))
        if info.chains:
            add(iri, PG.independentRoots, Literal(len(roots)))
        add(iri, PG.reportCount, Literal(len(cluster)))
        if len(articles) > 1 and len(roots) == 1 and info.chains:
            add(iri, PG.flag, Literal("circular-reporting"))
        elif any(n in loop_nodes for chain in info.chains for n in chain[:-1]):
            add(iri, PG.flag, Literal("circular-reporting"))
    for k, (a, b, score, reason) in enumerate(c.matches):
        node = URIRef(f"{ID}match/{normalise(a)[-20:]}-{normalise(b)[-20:]}")
        add(node, RDF.type, PG.ClaimMatch)
        add(node, PG.matchOf, URIRef(a))
        add(node, PG.matchOf, URIRef(b))
        add(node, PG.matchScore, Literal(score))
        add(node, PG.matchReason, Literal(reason))
        add(a, PG.sameClaimAs, URIRef(b))
        add(b, PG.sameClaimAs, URIRef(a))
    for a, b, reason in c.conflicts:
        add(a, PG.conflictsWith, URIRef(b))
        add(b, PG.conflictsWith, URIRef(a))
        add(a, PG.flag, Literal("conflicting-figures"))
        add(b, PG.flag, Literal("conflicting-figures"))
        node = URIRef(f"{ID}conflict/{normalise(a)[-20:]}-{normalise(b)[-20:]}")
        add(node, RDF.type, PG.FigureConflict)
        add(node, PG.conflictOf, URIRef(a))
        add(node, PG.conflictOf, URIRef(b))
        add(node, PG.conflictReason, Literal(reason))
    for a, b, reason in c.related:
        add(a, PG.relatedFigure, URIRef(b))
        add(b, PG.relatedFigure, URIRef(a))
    return out


def derive(store: Store) -> Corpus:
    """Recompute the cross-article analyses and replace the derived graph with them."""
    corpus = analyse(store)
    store.replace_graph(DERIVED, derived_quads(corpus))
    return corpus
