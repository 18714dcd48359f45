"""Across articles: one node per real source, claims matched across reports, root sources,
independent support, circular reporting and conflicting figures.

networkx does the graph work (chains to roots, clusters, citation loops); the results are written
as triples into one derived named graph, so reports and SPARQL users read them instead of
re-walking chains. `derive(store)` rebuilds that graph from the articles' graphs.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef

from provgraph import queries
from provgraph.analysis.figures import Figure, content_words, parse_figures
from provgraph.extract.sources import normalise
from provgraph.store import Store
from provgraph.vocab import ID, PG, RDF, RDFS

DERIVED = URIRef(f"{ID}graph/derived")
ALL_ARTICLES = "SELECT ?a WHERE { ?a a <http://schema.org/NewsArticle> }"
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
    articles: set[str] = field(default_factory=set)  # every article, with claims or without


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
    g = nx.Graph()
    for a, b, score, reason in match_claims(claims):
        g.add_edge(a, b, score=score, reason=reason)
    clusters = [c for c in nx.connected_components(g) if len(c) > 1]
    # keep the links that hold each cluster together (a maximum spanning tree by score): n-1 per
    # cluster instead of every pair, which for a claim repeated by 100 outlets would be 4,950
    tree = nx.maximum_spanning_tree(g, weight="score")
    matches = [(a, b, d["score"], d["reason"]) for a, b, d in tree.edges(data=True)]
    conflicts, related = compare_figures(claims)
    articles = {r["a"] for r in store.select(ALL_ARTICLES)}
    return Corpus(claims, canonical, labels, kinds, matches, clusters, conflicts, related, citation_loops(claims),
                  articles)


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
        elif r["anonymous"] and (r["via"] or r["publisher"]):
            # the outlet that published the anonymous source's words is its intermediary: the
            # Herald's own "sources close to the mayor" are the ones rewrites credit "via the Herald"
            via = (r["via"] or r["publisher"]).rsplit("/", 1)[-1]
            target = f"{ID}anonymous/via/{via}/{normalise(r['descriptor'] or r['label'])}"
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


LINKS_PER_CLAIM = 3  # conflict / related links kept per claim: enough to show, bounded at scale


def compare_figures(claims: dict[str, ClaimInfo]) -> tuple[list, list]:
    """Conflicts: the same quantity (what is counted, qualifiers, period) with values that cannot
    both be true, from different sources. Related: the same thing counted over another period,
    shown side by side but not a conflict.

    Figures are grouped by quantity, and only distinct values are compared, so the work grows
    with the number of distinct figures, not with the square of the reports; each claim keeps
    at most a few links of each kind."""
    groups: dict[tuple, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    for iri, info in claims.items():
        for f in info.figures:
            if f.scope is not None or f.qualifiers:  # an unscoped bare count is too vague to compare
                groups[f.quantity][(f.value, f.bound, f.text, f.unit)].append(iri)
    conflicts, related = [], []
    count: dict[str, int] = defaultdict(int)

    def link(out, a, b, reason) -> None:
        if a != b and count[(id(out), a)] < LINKS_PER_CLAIM and count[(id(out), b)] < LINKS_PER_CLAIM:
            out.append((a, b, reason))
            count[(id(out), a)] += 1
            count[(id(out), b)] += 1

    for quantity, values in groups.items():
        keys = sorted(values)
        for i, va in enumerate(keys):
            for vb in keys[i + 1:]:
                fa = Figure(va[2], va[0], va[1], va[3])
                fb = Figure(vb[2], vb[0], vb[1], vb[3])
                (lo_a, hi_a), (lo_b, hi_b) = fa.interval(), fb.interval()
                if not (hi_a < lo_b or hi_b < lo_a):
                    continue
                reason = f"{fa.text} vs {fb.text} {fa.unit}" + (f" ({quantity[2]})" if quantity[2] else "")
                for a in values[va]:
                    for b in values[vb]:
                        if claims[a].roots != claims[b].roots:
                            link(conflicts, a, b, reason)
    by_kind: dict[tuple, list[tuple]] = defaultdict(list)  # same unit and qualifiers, another period
    for quantity in groups:
        by_kind[quantity[:2]].append(quantity)
    for kind, quantities in by_kind.items():
        for qa, qb in itertools.combinations(quantities, 2):
            for va, members_a in list(groups[qa].items())[:LINKS_PER_CLAIM * 4]:
                for vb, members_b in list(groups[qb].items())[:LINKS_PER_CLAIM * 4]:
                    a, b = members_a[0], members_b[0]
                    ca, cb = claims[a], claims[b]
                    if va[0] != vb[0] and len(ca.words & cb.words) / max(1, len(ca.words | cb.words)) >= 0.15:
                        link(related, a, b, f"{va[2]} {va[3]} ({qa[2] or 'no period'}) and "
                                            f"{vb[2]} {vb[3]} ({qb[2] or 'no period'})")
    return conflicts, related


def citation_loops(claims: dict[str, ClaimInfo]) -> list[list[str]]:
    """Outlets that cite each other in a loop: the publisher cites the first hop, each hop the next.
    Each loop is a strongly connected group of outlets (every one reaches every other), found in
    linear time; enumerating the simple cycles instead grows exponentially with dense citing."""
    g = nx.DiGraph()
    for info in claims.values():
        for chain in info.chains:
            path = ([info.outlet] if info.outlet else []) + chain
            g.add_edges_from((x, y) for x, y in zip(path, path[1:]) if x != y)
    return [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]


def derived_quads(c: Corpus) -> list:
    """The derived named graph: canonical sources, roots, clusters, matches, conflicts, flags."""
    g = ox.NamedNode(str(DERIVED))
    out: list = []
    node = _iri_cache()

    def add(s, p, o):
        out.append(ox.Quad(node(s), node(p), o if isinstance(o, ox.Literal) else node(o), g))

    lit = ox.Literal
    add(str(DERIVED), PG.articleCount, lit(len({i.article for i in c.claims.values()} | c.articles)))
    described = set()
    for iri, target in c.canonical.items():
        if target != iri:
            add(iri, PG.canonicalSource, target)
            if target not in c.canonical and target not in described:  # a new node (merged anonymous)
                described.add(target)
                add(target, RDFS.label, lit(c.labels.get(target, "")))
                add(target, PG.sourceKind, lit(c.kinds[target][0]))
                add(target, PG.anonymous, lit(c.kinds[target][1]))
    cluster_of: dict[str, str] = {}
    for cluster in c.clusters:
        cnode = f"{ID}cluster/{_key(min(cluster))}"
        add(cnode, RDF.type, PG.ClaimCluster)
        for m in cluster:
            add(m, PG.inCluster, cnode)
            cluster_of[m] = cnode
    members: dict[str, list[str]] = defaultdict(list)
    for m, cnode in cluster_of.items():
        members[cnode].append(m)
    # outlets that cite each other in a loop are one source between them: neither is an original
    in_loop = {n: f"loop:{min(loop)}" for loop in c.loops for n in loop}
    loop_of = {n: k for k, loop in enumerate(c.loops) for n in loop}
    cluster_roots = {cnode: {in_loop.get(r, r) for m in ms for r in c.claims[m].roots} for cnode, ms in members.items()}
    cluster_articles = {cnode: {c.claims[m].article for m in ms} for cnode, ms in members.items()}
    cluster_named: dict = {}
    for iri, info in c.claims.items():
        cnode = cluster_of.get(iri)
        cluster = members[cnode] if cnode else [iri]
        roots = cluster_roots[cnode] if cnode else {in_loop.get(r, r) for r in info.roots}
        articles = cluster_articles[cnode] if cnode else {info.article}
        for r in info.roots:
            add(iri, PG.canonicalRoot, r)
        if info.chains:
            add(iri, PG.independentRoots, lit(len(roots)))
            key = cnode or iri
            if key not in cluster_named:
                cluster_named[key] = any(not c.kinds.get(r, ("", True))[1] for m in cluster for r in c.claims[m].roots)
            if not cluster_named[key]:
                add(iri, PG.flag, lit("anonymous-only"))  # every root of every report is anonymous
        add(iri, PG.reportCount, lit(len(cluster)))
        if info.chains and ((len(articles) > 1 and len(roots) == 1) or _on_loop(info, loop_of)):
            add(iri, PG.flag, lit("circular-reporting"))
    for a, b, score, reason in c.matches:
        m = f"{ID}match/{_key(a)}-{_key(b)}"
        add(m, RDF.type, PG.ClaimMatch)
        add(m, PG.matchOf, a)
        add(m, PG.matchOf, b)
        add(m, PG.matchScore, lit(score))
        add(m, PG.matchReason, lit(reason))
        add(a, PG.sameClaimAs, b)
        add(b, PG.sameClaimAs, a)
    for a, b, reason in c.conflicts:
        add(a, PG.conflictsWith, b)
        add(b, PG.conflictsWith, a)
        add(a, PG.flag, lit("conflicting-figures"))
        add(b, PG.flag, lit("conflicting-figures"))
        m = f"{ID}conflict/{_key(a)}-{_key(b)}"
        add(m, RDF.type, PG.FigureConflict)
        add(m, PG.conflictOf, a)
        add(m, PG.conflictOf, b)
        add(m, PG.conflictReason, lit(reason))
    for a, b, reason in c.related:
        add(a, PG.relatedFigure, b)
        add(b, PG.relatedFigure, a)
    return out


def _on_loop(info: ClaimInfo, loop_of: dict[str, int]) -> bool:
    """The claim's path (its publisher, then each hop) takes a step inside a citation loop."""
    for chain in info.chains:
        path = ([info.outlet] if info.outlet else []) + chain
        if any(x in loop_of and loop_of.get(y) == loop_of[x] for x, y in zip(path, path[1:])):
            return True
    return False


def _key(claim_iri: str) -> str:
    """Short stable key of a claim IRI (".../claim/<article>/<start>-<end>") for derived node IRIs."""
    return hashlib.sha1(claim_iri.encode()).hexdigest()[:16]


def _iri_cache():
    cache: dict[str, ox.NamedNode] = {}

    def node(x) -> ox.NamedNode:
        key = str(x)
        found = cache.get(key)
        if found is None:
            found = cache[key] = ox.NamedNode(key)
        return found
    return node


def derive(store: Store) -> Corpus:
    """Recompute the cross-article analyses and replace the derived graph with them."""
    corpus = analyse(store)
    store.replace_graph(DERIVED, derived_quads(corpus), atomic=False)
    return corpus
