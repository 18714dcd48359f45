"""Across articles: one node per real source, claims matched across reports, root sources,
independent support, circular reporting, conflicting figures, and every claim's flags.

networkx does the graph work (citation loops); a union-find builds the clusters (complete link). The results are
triples in one derived named graph, so the report is a lookup and SPARQL users read the results
instead of re-walking chains. `derive(store)` rebuilds that graph; `derive(store, new)` is the
incremental step after an ingest: only claims of the new articles are matched against the
corpus, and only claims whose derived facts change (the new ones, the clusters they join, the
claims whose figures they contradict) are rewritten.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef

from provgraph.analysis import gc_paused
from provgraph.analysis.conflicts import compare_figures, conflicted
from provgraph.analysis.figures import Figure, content_words
from provgraph.extract.sources import normalise
from provgraph import summary
from provgraph.summary import figure_from_list, values
from provgraph.vocab import ID, PG, RDF, RDFS

DERIVED = URIRef(f"{ID}graph/derived")
ALL_ARTICLES = "SELECT ?a WHERE { ?a a <http://schema.org/NewsArticle> }"
MATCH_THRESHOLD = 0.6  # a same-claim link needs at least this score (see _match)
# Claims that state nothing, not even an opinion: no flag, anonymous sources or not.
NOT_STATEMENTS = frozenset({"fragment", "question", "non-response", "label", "belief"})
MIN_WORDS = 4  # a match on shared words alone needs statements, not a name or a fragment
FIGURE_JACCARD = 0.2  # a shared figure still needs this share of common words
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
BLOCK_LIMIT = 200  # a matching block larger than this is a common word, not evidence of one claim
KEPT_APART = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?a ?b WHERE { ?a owl:differentFrom ?b }"""
STORED_LINKS = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?kind ?a ?b ?score ?reason WHERE {{ GRAPH <{DERIVED}> {{
  {{ ?m a pg:ClaimMatch ; pg:matchOf ?a , ?b ; pg:matchScore ?score ; pg:matchReason ?reason . BIND ("match" AS ?kind) }}
  UNION {{ ?m a pg:CandidateMatch ; pg:matchOf ?a , ?b ; pg:matchScore ?score ; pg:matchReason ?reason .
          BIND ("candidate" AS ?kind) }}
  UNION {{ ?m a pg:FigureConflict ; pg:conflictOf ?a , ?b ; pg:conflictReason ?reason . BIND ("conflict" AS ?kind) }}
  UNION {{ ?a pg:relatedFigure ?b . BIND ("related" AS ?kind) }}
  FILTER (STR(?a) < STR(?b))
}} }}"""


@dataclass
class ClaimInfo:
    iri: str
    text: str
    article: str
    outlet: str | None
    figures: list[Figure]
    hops: list[list[dict]]  # each chain's hops as in the summary: agent, label, kind, anonymous ...
    hedges: list[str] = field(default_factory=list)
    chains: list[list[str]] = field(default_factory=list)  # canonical agents, cited -> root
    roots: frozenset = frozenset()
    checkable: bool = True  # asserts a fact someone could verify (extract/checkable.py)
    check: str = ""  # why it is or is not (checkable.py's reason: figure, opinion, fragment, ...)

    @cached_property
    def words(self) -> set[str]:
        """Read once and then a plain attribute: a claim is matched against many."""
        return content_words(self.text)

    @cached_property
    def numbers(self) -> set[str]:
        """The numbers the text gives, "1,000" as "1000"."""
        return {n.replace(",", "") for n in NUMBER.findall(self.text)}


@dataclass
class Corpus:
    claims: dict[str, ClaimInfo]
    canonical: dict[str, str]  # source IRI -> canonical source IRI
    labels: dict[str, str]  # canonical source IRI -> label
    kinds: dict[str, tuple[str, bool]]  # canonical source IRI -> (kind, anonymous)
    matches: list[tuple[str, str, float, str]]  # claim a, claim b, score, reason: each cluster's strongest tree
    clusters: list[set[str]]
    conflicts: list[tuple[str, str, str]]  # claim a, claim b, reason
    related: list[tuple[str, str, str]]
    loops: list[list[str]]  # outlet citation cycles
    articles: set[str] = field(default_factory=set)  # every article, with claims or without
    candidates: list[tuple[str, str, float, str]] = field(default_factory=list)  # links between clusters
    rewritten: int = 0  # claims whose derived statements this run wrote


def read_claims(store) -> dict[str, ClaimInfo]:
    """Every claim, from its summary (summary.load)."""
    return {iri: ClaimInfo(iri, s["text"], s["article"], s["outlet"], [figure_from_list(f) for f in s["figures"]],
                           s["chains"], s["hedges"], checkable=s.get("checkable", True), check=s.get("check", ""))
            for iri, s in summary.load(store).items()}


def resolve_sources(claims: dict[str, ClaimInfo], apart: set[str] = frozenset()) \
        -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, bool]]]:
    """Map every source IRI to one canonical IRI per real source.

    People: a full name joins its other spellings with or without a middle initial ("Donald J.
    Trump", "Donald Trump"; not "George W. Bush" and "George H.W. Bush"), and a bare surname
    ("Gerasimov") the one person in the corpus whose name ends with it (none or several: it stays
    apart). Outlets are merged by their canonical names at extraction.
    Anonymous sources merge across articles only when descriptor and intermediary both agree
    ("sources within Ukraine's security forces" via RIA); without an intermediary, never. The
    outlet that published an anonymous source's words is its intermediary. A source an analyst
    kept apart from another (`apart`) takes part in neither merge."""
    seen: dict[str, dict] = {}
    publisher: dict[str, str] = {}
    for info in claims.values():
        for chain in info.hops:
            for hop in chain:
                seen.setdefault(hop["agent"], hop)
                if info.outlet:
                    publisher.setdefault(hop["agent"], info.outlet)
    people: dict[tuple[str, str], set[str]] = defaultdict(set)  # (given, surname) -> full names written so
    for iri, h in seen.items():
        parts = normalise(h["label"]).split("-")
        if h["kind"] == "person" and len(parts) > 1 and iri not in apart and not h.get("descriptor"):
            people[(parts[0], parts[-1])].add(iri)  # a name; "my cook" or "the billionaire businessman" is none
    one_person: dict[str, str] = {}  # full name -> the one its variants join
    full_names: dict[str, set[str]] = defaultdict(set)  # surname -> the people of that name
    for (_, surname), iris in people.items():
        middles = {tuple(normalise(seen[i]["label"]).split("-")[1:-1]) for i in iris} - {()}
        if len(middles) <= 1:  # "Donald J. Trump" is "Donald Trump"; "George W." and "George H.W. Bush" are two
            for i in iris:
                one_person[i] = min(iris)
            full_names[surname].add(min(iris))
        else:
            full_names[surname] |= iris
    canonical: dict[str, str] = {}
    labels: dict[str, str] = {}
    kinds: dict[str, tuple[str, bool]] = {}
    for iri in sorted(seen):
        h = seen[iri]
        target = iri
        if iri in apart:
            pass
        elif iri in one_person:
            target = one_person[iri]
        elif h["kind"] == "person" and len(normalise(h["label"]).split("-")) == 1 and not h.get("descriptor"):
            owners = full_names.get(normalise(h["label"]), set())
            if len(owners) == 1:
                target = next(iter(owners))
        elif h["anonymous"] and (h.get("via") or publisher.get(iri)):
            via = (h.get("via") or publisher[iri]).rsplit("/", 1)[-1]
            target = f"{ID}anonymous/via/{via}/{normalise(h.get('descriptor') or h['label'])}"
        canonical[iri] = target
        labels.setdefault(target, h["label"])
        kinds[target] = (h["kind"], bool(h["anonymous"]))
    for iri in seen:  # a merged person is labelled with its full name
        if canonical[iri] == iri:
            labels[iri] = seen[iri]["label"]
    return canonical, labels, kinds


def _figure_match(a: ClaimInfo, b: ClaimInfo) -> Figure | None:
    for fa in a.figures:
        for fb in b.figures:
            if fa.unit == fb.unit and fa.value == fb.value and (fa.scope == fb.scope or None in (fa.scope, fb.scope)):
                return fa
    return None


def _match(a: ClaimInfo, b: ClaimInfo) -> tuple[float, str] | None:
    """Score two claims as reports of one claim. Conservative: a wrong merge fakes corroboration.
    Never a match: numbers that disagree ("3 to 1" and "2 to 1", one plan's figures and another's),
    or too few words to tell one statement from another ("Clinton")."""
    wa, wb = a.words, b.words
    if not wa or not wb or _numbers_disagree(a.numbers, b.numbers):
        return None
    shared = len(wa & wb)
    jaccard = shared / (len(wa) + len(wb) - shared)  # |a & b| / |a | b|, without making the union
    fig = _figure_match(a, b)
    if fig is not None:
        score = 0.6 + 0.4 * jaccard
        reason = f"same figure {fig.text} {fig.unit}" + (f" ({fig.scope})" if fig.scope else "") + \
            f"; {jaccard:.0%} shared words"
    elif a.figures and b.figures:
        return None  # both give figures and none agree: not the same claim (maybe a conflict)
    elif min(len(wa), len(wb)) < MIN_WORDS:
        return None
    else:
        score = jaccard
        reason = f"{jaccard:.0%} shared words"
    if score < MATCH_THRESHOLD or (fig is not None and jaccard < FIGURE_JACCARD):
        return None
    return round(score, 3), reason


def _numbers_disagree(na: set[str], nb: set[str]) -> bool:
    """Both claims give numbers and neither's are all among the other's."""
    return bool(na) and bool(nb) and not (na <= nb or nb <= na)


def _block_keys(info: ClaimInfo) -> set[tuple]:
    """Candidate blocks: each figure, and the claim's four longest content words (long words are
    the rare ones; a corpus-independent choice, so a claim keeps its blocks as the corpus grows)."""
    keys = {("fig", f.unit, f.value) for f in info.figures}
    keys.update(("word", w) for w in sorted(info.words, key=lambda w: (-len(w), w))[:4])
    return keys


def match_claims(claims: dict[str, ClaimInfo], new: set[str] | None = None) -> list[tuple[str, str, float, str]]:
    """Same-claim links between reports, compared only within candidate blocks (a shared figure or
    long word), so the work grows with the corpus, not with its square. With `new`, only pairs
    with at least one new claim are compared (the others were compared before)."""
    iris = sorted(claims)  # claims by number, in IRI order: a pair is a < b either way
    infos = [claims[i] for i in iris]
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for k, info in enumerate(infos):
        for key in _block_keys(info):
            blocks[key].append(k)
    fresh = set() if new is None else {k for k, iri in enumerate(iris) if iri in new}
    n = len(iris)
    seen: set[int] = set()  # compared pairs, a * n + b
    out = []
    for members in blocks.values():
        if len(members) > BLOCK_LIMIT:
            continue
        if new is None:
            pairs = itertools.combinations(members, 2)
        else:
            pairs = ((a, b) for a in members if a in fresh for b in members if b != a and (b not in fresh or a < b))
        for a, b in pairs:
            if a > b:
                a, b = b, a
            if a * n + b in seen:
                continue
            seen.add(a * n + b)
            m = _match(infos[a], infos[b])
            if m is not None:
                out.append((iris[a], iris[b], m[0], m[1]))
    return out


def same_claim_clusters(links: list[tuple[str, str, float, str]]) -> tuple[list, list, list[set[str]]]:
    """Clusters of reports of one claim, by complete link: two clusters merge only when every claim
    of one matches every claim of the other, strongest links first. Single link would chain A~B~C
    into one claim though A and C share nothing, and a wrong merge fakes corroboration.
    Returns the links inside clusters (every pair: each merge explained), the links the clustering
    did not follow (kept, so that adding claims later and reclustering all links gives what
    clustering everything at once gives), and the clusters."""
    parent: dict[str, str] = {}
    size: dict[str, int] = {}
    cross: dict[str, dict[str, int]] = defaultdict(dict)  # cluster -> cluster -> links between them

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def merge(ra: str, rb: str) -> None:
        if (size[ra], rb) < (size[rb], ra):
            ra, rb = rb, ra
        parent[rb] = ra
        size[ra] += size[rb]
        for x, n in cross.pop(rb).items():
            del cross[x][rb]
            if x != ra:
                cross[ra][x] = cross[x][ra] = cross[ra].get(x, 0) + n
        cross[ra].pop(rb, None)

    unique = {(min(a, b), max(a, b)): (score, reason) for a, b, score, reason in links}
    ordered = sorted(((a, b, score, reason) for (a, b), (score, reason) in unique.items()),
                     key=lambda m: (-m[2], m[0], m[1]))
    for a, b, _, _ in ordered:
        for x in (a, b):
            if x not in parent:
                parent[x], size[x] = x, 1
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        cross[ra][rb] = cross[rb][ra] = cross[ra].get(rb, 0) + 1
        if cross[ra][rb] < size[ra] * size[rb]:
            continue
        merge(ra, rb)  # (no third cluster can now be whole with them: it would have merged with one before)
    root = {x: find(x) for x in parent}
    inside, apart = [], []
    for m in ordered:
        (inside if root[m[0]] == root[m[1]] else apart).append(m)
    groups: dict[str, set[str]] = defaultdict(set)
    for x, r in root.items():
        groups[r].add(x)
    return inside, apart, [g for g in groups.values() if len(g) > 1]


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


def _canonicalise(claims: dict[str, ClaimInfo], canonical: dict[str, str]) -> None:
    for info in claims.values():
        info.chains = [[canonical.get(h["agent"], h["agent"]) for h in chain] for chain in info.hops]
        info.roots = frozenset(c[-1] for c in info.chains)


def _load(store) -> tuple[dict[str, ClaimInfo], set[str]]:
    claims = read_claims(store)
    apart = {x for r in store.select(KEPT_APART) for x in (r["a"], r["b"])}
    return claims, apart


def _analyse(store, claims: dict[str, ClaimInfo], apart: set[str], new: set[str] | None = None,
             todo: set[str] | None = None, stored: dict | None = None) -> Corpus:
    canonical, labels, kinds = resolve_sources(claims, apart)
    _canonicalise(claims, canonical)
    tree, candidates, clusters = _recluster(claims, match_claims(claims, new), stored)
    conflicts, related = compare_figures(claims, todo, stored)
    if stored:
        conflicts, related = stored["conflict"] + conflicts, stored["related"] + related
    articles = {r["a"] for r in store.select(ALL_ARTICLES)}
    return Corpus(claims, canonical, labels, kinds, tree, clusters, conflicts, related, citation_loops(claims),
                  articles, candidates)


def _recluster(claims: dict[str, ClaimInfo], found: list[tuple], stored: dict | None) -> tuple[list, list, list]:
    """(tree links, candidate links, clusters) once the `found` links join the stored ones. Only the
    parts of the link graph the new links reach can change, so only their clusters are clustered
    again (their pairs scored again); the rest is kept as stored, as clustering everything would
    leave it (complete link decides each part of the graph from that part's links alone)."""
    if not stored:
        inside, candidates, clusters = same_claim_clusters(found)
        return spanning_tree(inside), candidates, clusters
    g = nx.Graph()
    g.add_edges_from((a, b) for a, b, *_ in stored["match"] + stored["candidate"] + found)
    ends = {x for a, b, *_ in found for x in (a, b)}
    reached = {x for part in nx.connected_components(g) if not part.isdisjoint(ends) for x in part}
    kept_tree = [m for m in stored["match"] if m[0] not in reached]
    kept_candidates = [m for m in stored["candidate"] if m[0] not in reached]
    again = _cluster_pairs(claims, [m for m in stored["match"] if m[0] in reached]) \
        + [m for m in stored["candidate"] if m[0] in reached]
    inside, candidates, clusters = same_claim_clusters(again + found)
    return (spanning_tree(inside) + kept_tree, candidates + kept_candidates,
            clusters + [c for c in _components(kept_tree)])


def _cluster_pairs(claims: dict[str, ClaimInfo], tree: list[tuple[str, str, float, str]]) -> list[tuple]:
    """Every link inside the stored clusters, scored again: a cluster is stored as the tree of its
    strongest links (n-1, not n(n-1)/2), and every pair of its claims matches (complete link), so
    `_match` gives back the links clustering found, without storing them."""
    out = []
    for cluster in _components(tree):
        for a, b in itertools.combinations(sorted(cluster), 2):
            m = _match(claims[a], claims[b]) if a in claims and b in claims else None
            if m is not None:
                out.append((a, b, m[0], m[1]))
    return out


def _components(links) -> list[set[str]]:
    g = nx.Graph()
    g.add_edges_from((a, b) for a, b, *_ in links)
    return [set(c) for c in nx.connected_components(g)]


def spanning_tree(inside: list[tuple[str, str, float, str]]) -> list[tuple[str, str, float, str]]:
    """The strongest links that hold each cluster together (a maximum spanning forest, Kruskal): what
    is stored and shown as the cluster's evidence, n-1 links for n reports. `inside`: the links as
    same_claim_clusters returns them (each pair once, a < b, strongest first, then by a and b)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    forest = []
    for a, b, score, reason in inside:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            forest.append((a, b, score, reason))
    return sorted(forest)


def analyse(store) -> Corpus:
    """The cross-article analyses over every claim in the store."""
    return _analyse(store, *_load(store))


class _Facts:
    """Per-claim derived facts, computed per cluster: roots, independent support, report count,
    and every flag the report shows (except the analyst's and the registry's)."""

    def __init__(self, c: Corpus, conflicted_claims: set[str]):
        self.c = c
        self.conflicted = conflicted_claims
        self.cluster_of = {m: cl for cl in c.clusters for m in cl}
        in_loop = {n: f"loop:{min(loop)}" for loop in c.loops for n in loop}
        self.in_loop = in_loop
        self.loop_of = {n: k for k, loop in enumerate(c.loops) for n in loop}
        self._cluster: dict[int, tuple] = {}

    def cluster(self, iri: str) -> tuple[set[str], set[str], set[str], bool]:
        """(members, independent roots, articles, some root is named) of the claim's cluster."""
        members = self.cluster_of.get(iri)
        if members is None:
            info = self.c.claims[iri]
            return {iri}, {self.in_loop.get(r, r) for r in info.roots}, {info.article}, self._named(info.roots)
        key = id(members)
        if key not in self._cluster:
            roots = {self.in_loop.get(r, r) for m in members for r in self.c.claims[m].roots}
            all_roots = {r for m in members for r in self.c.claims[m].roots}
            self._cluster[key] = (members, roots, {self.c.claims[m].article for m in members}, self._named(all_roots))
        return self._cluster[key]

    def _named(self, roots) -> bool:
        return any(not self.c.kinds.get(r, ("", True))[1] for r in roots)

    def of(self, iri: str) -> tuple[dict, list[str]]:
        """({predicate: value} facts, flags) of one claim. A claim nobody could check (an opinion, a
        prediction, a demand) is flagged only when every source of it is anonymous: anonymity is
        for information, so an anonymous opinion is itself a warning sign. A named speaker's
        opinion is not weakly sourced: the attribution is the fact."""
        info = self.c.claims[iri]
        members, roots, articles, named = self.cluster(iri)
        facts = {"reportCount": len(members)}
        flags = []
        if info.chains:
            facts["independentRoots"] = len(roots)
            documents_only = all(self.c.kinds.get(r, ("", True))[0] == "document" for r in roots)
            if not named and info.check not in NOT_STATEMENTS and (info.checkable or not documents_only):
                # every root of every report is anonymous; an opinion only when people voice it
                # ("polls projected a close race" is a reading of data, not a source hiding)
                flags.append("anonymous-only")
                if info.checkable and info.figures and documents_only:
                    flags.append("unattributed")  # "federal data show 70%": nobody stands behind the figure
            if not info.checkable:
                return facts, flags
            if (len(articles) > 1 and len(roots) == 1) or self._on_loop(info):
                flags.append("circular-reporting")
            # (a hop through the article's own outlet, "an official told the Gazette" in the Gazette,
            # is its own reporting, not a relay)
            if any(len([h for h in chain if h != info.outlet]) > 1
                   and self.c.kinds.get(chain[-1], ("", False))[1] for chain in info.chains):
                flags.append("indirect-chain")
            if len(roots) == 1 and named:
                flags.append("single-source")  # one named source, and no other report of it elsewhere
        elif info.checkable:
            flags.append("unattributed")
        else:
            return facts, flags
        if iri in self.conflicted:
            flags.append("conflicting-figures")
        if info.hedges:
            flags.append("hedged")
        return facts, flags

    def _on_loop(self, info: ClaimInfo) -> bool:
        """The claim's path (its publisher, then each hop) takes a step inside a citation loop."""
        for chain in info.chains:
            path = ([info.outlet] if info.outlet else []) + chain
            if any(x in self.loop_of and self.loop_of.get(y) == self.loop_of[x] for x, y in zip(path, path[1:])):
                return True
        return False


def derived_triples(c: Corpus, claims: set[str] | None = None, conflicted_claims: set[str] | None = None,
                    sources: set[str] | None = None) -> list[str]:
    """The derived graph's statements (N-Triples lines) about `claims` (default: all) and the links
    and nodes they take part in; canonical sources for `sources` (default: all). Not the article
    count (`_mark` writes it last). Each term is written once by pyoxigraph and then reused: no
    term objects per statement (a third of the time of a full recomputation went to them)."""
    out: list[str] = []
    add = out.append
    iri, lit = _nt_cache(ox.NamedNode), _nt_cache(ox.Literal)
    a_, label, kind_, anon, canon, root, flag, in_cluster, cluster_class = (iri(x) for x in (
        RDF.type, RDFS.label, PG.sourceKind, PG.anonymous, PG.canonicalSource, PG.canonicalRoot, PG.flag,
        PG.inCluster, PG.ClaimCluster))
    match_of, score_, reason_, same, conflicts_with, conflict_of, conflict_reason, related = (iri(x) for x in (
        PG.matchOf, PG.matchScore, PG.matchReason, PG.sameClaimAs, PG.conflictsWith, PG.conflictOf,
        PG.conflictReason, PG.relatedFigure))
    facts_p = {p: iri(PG[p]) for p in ("reportCount", "independentRoots")}
    report_facts = iri(PG.reportFacts)

    claims = set(c.claims) if claims is None else claims
    facts = _Facts(c, conflicted(c.claims) if conflicted_claims is None else conflicted_claims)
    described = set()
    for s, target in c.canonical.items():
        if sources is not None and s not in sources:
            continue
        if target != s:
            t = iri(target)
            add(f"{iri(s)} {canon} {t} .")
            if target not in c.canonical and target not in described:  # a new node (merged anonymous)
                described.add(target)
                add(f"{t} {label} {lit(c.labels.get(target, ''))} .")
                add(f"{t} {kind_} {lit(c.kinds[target][0])} .")
                add(f"{t} {anon} {lit(c.kinds[target][1])} .")
    for claim in claims:
        info = c.claims[claim]
        node = iri(claim)
        members = facts.cluster_of.get(claim)
        if members is not None:
            cnode = iri(cluster_iri(members))
            add(f"{cnode} {a_} {cluster_class} .")
            add(f"{node} {in_cluster} {cnode} .")
        for r in info.roots:
            add(f"{node} {root} {iri(r)} .")
        values_, flags = facts.of(claim)
        for p, v in values_.items():
            add(f"{node} {facts_p[p]} {lit(v)} .")
        for f in flags:
            add(f"{node} {flag} {lit(f)} .")
        add(f"{node} {report_facts} {lit(report_facts_text(values_, flags))} .")
    for kind, links in ((PG.ClaimMatch, c.matches), (PG.CandidateMatch, c.candidates)):
        k = iri(kind)
        for a, b, score, reason in links:
            if a in claims or b in claims:
                m, na, nb = iri(f"{ID}match/{_key(a)}-{_key(b)}"), iri(a), iri(b)
                out += [f"{m} {a_} {k} .", f"{m} {match_of} {na} .", f"{m} {match_of} {nb} .",
                        f"{m} {score_} {lit(score)} .", f"{m} {reason_} {lit(reason)} ."]
                if kind == PG.ClaimMatch:
                    out += [f"{na} {same} {nb} .", f"{nb} {same} {na} ."]
    conflict_class = iri(PG.FigureConflict)
    for a, b, reason in c.conflicts:
        if a in claims or b in claims:
            x, y = sorted((a, b))
            m, na, nb = iri(f"{ID}conflict/{_key(x)}-{_key(y)}"), iri(a), iri(b)
            out += [f"{na} {conflicts_with} {nb} .", f"{nb} {conflicts_with} {na} .", f"{m} {a_} {conflict_class} .",
                    f"{m} {conflict_of} {na} .", f"{m} {conflict_of} {nb} .", f"{m} {conflict_reason} {lit(reason)} ."]
    for a, b, _ in c.related:
        if a in claims or b in claims:
            na, nb = iri(a), iri(b)
            out += [f"{na} {related} {nb} .", f"{nb} {related} {na} ."]
    return out


def report_facts_text(values_: dict, flags: list[str]) -> str:
    """The claim's report count, independent roots ("-": none) and flags in one literal
    ("3 1 single-source hedged"): the report reads one statement per claim instead of three scans."""
    return " ".join([str(values_["reportCount"]), str(values_.get("independentRoots", "-")), *flags])


def cluster_iri(members) -> str:
    return f"{ID}cluster/{_key(min(members))}"


def _key(claim_iri: str) -> str:
    """Short stable key of a claim IRI (".../claim/<article>/<start>-<end>") for derived node IRIs."""
    return hashlib.sha1(claim_iri.encode()).hexdigest()[:16]


def _nt_cache(make):
    """x -> its N-Triples form as `make` (pyoxigraph's NamedNode or Literal) writes it, made once
    per distinct value (by type too: True, 1 and 1.0 are three literals)."""
    cache: dict[tuple, str] = {}

    def term(x) -> str:
        key = (type(x), x)
        found = cache.get(key)
        if found is None:
            found = cache[key] = str(make(str(x) if make is ox.NamedNode else x))
        return found
    return term


def _stored_links(store) -> dict[str, list]:
    stored: dict[str, list] = {"match": [], "candidate": [], "conflict": [], "related": []}
    for r in store.select(STORED_LINKS):
        if r["kind"] in ("match", "candidate"):
            stored[r["kind"]].append((r["a"], r["b"], r["score"], r["reason"]))
        else:
            stored[r["kind"]].append((r["a"], r["b"], r["reason"] or ""))
    return stored


@gc_paused()
def derive(store, new_articles: set[str] | None = None) -> Corpus:
    """Recompute the cross-article analyses into the derived graph: all of it, or, given the
    articles an ingest added to a store whose derived graph was up to date, incrementally."""
    if not new_articles:
        done: list[Corpus] = []

        def analysed() -> list[str]:  # while the stored derived graph is read
            done.append(analyse(store))
            return derived_triples(done[0])
        mark_stale(store)
        store.rewrite_graph(DERIVED, analysed)
        corpus = done[0]
        _mark(store, corpus)
        corpus.rewritten = len(corpus.claims)
        return corpus
    claims, apart = _load(store)
    new = {iri for iri, info in claims.items() if info.article in new_articles}
    # what the cheap analyses said before the new claims came, to find the old claims they change
    old = {iri: ClaimInfo(i.iri, i.text, i.article, i.outlet, i.figures, i.hops, i.hedges, checkable=i.checkable,
                          check=i.check)
           for iri, i in claims.items() if iri not in new}
    canon_before, _, _ = resolve_sources(old, apart)
    _canonicalise(old, canon_before)
    loops_before = citation_loops(old)
    conflicted_before = conflicted(old)
    canonical, _, _ = resolve_sources(claims, apart)
    _canonicalise(claims, canonical)
    conflicted_now = conflicted(claims)
    flipped = {iri for iri in old if (iri in conflicted_now) != (iri in conflicted_before)}
    stored = _stored_links(store)
    corpus = _analyse(store, claims, apart, new, new | flipped, stored)
    cluster_of = {m: cl for cl in corpus.clusters for m in cl}
    touched = set(new) | flipped | {iri for iri in old if claims[iri].roots != old[iri].roots}
    if sorted(corpus.loops) != sorted(loops_before):
        outlets = {o for loop in corpus.loops + loops_before for o in loop}
        touched |= {iri for iri, info in claims.items()
                    if info.outlet in outlets or any(a in outlets for ch in info.chains for a in ch)}
    # the clusters a touched claim is in now and was in before (a new report can pull one claim of
    # an old cluster into its own, and the claims left behind change too)
    cluster_before = {m: frozenset(cl) for cl in _components(stored["match"]) for m in cl}
    touched |= {x for x in set(cluster_before) | set(cluster_of)
                if cluster_before.get(x) != (frozenset(cluster_of[x]) if x in cluster_of else None)}
    for iri in list(touched):
        touched |= cluster_of.get(iri, set()) | cluster_before.get(iri, set())
    changed_sources = {s for s, t in corpus.canonical.items() if canon_before.get(s) != t}
    linked = {x for kind, n in (("conflict", corpus.conflicts), ("related", corpus.related))
              for a, b, _ in n[len(stored[kind]):] for x in (a, b)}
    _rewrite(store, corpus, touched, linked - touched, conflicted_now, changed_sources)
    corpus.rewritten = len(touched)
    return corpus


DELETE_CLAIMS = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
DELETE {{ GRAPH <{DERIVED}> {{ ?c ?p ?o }} }} WHERE {{ VALUES_HERE GRAPH <{DERIVED}> {{ ?c ?p ?o }} }} ;
DELETE {{ GRAPH <{DERIVED}> {{ ?m ?p ?o }} }} WHERE {{
  VALUES_HERE GRAPH <{DERIVED}> {{ ?m pg:matchOf|pg:conflictOf ?c . ?m ?p ?o }}
}}"""


def _rewrite(store, c: Corpus, touched: set[str], linked: set[str], conflicted_claims: set[str],
             changed_sources: set[str]) -> None:
    """Replace the derived statements about `touched` claims; add the new links of `linked` ones."""
    mark_stale(store)
    old_clusters = set()
    order = sorted(touched)
    for i in range(0, len(order), 500):
        part = order[i:i + 500]
        old_clusters |= {r["cl"] for r in store.select(
            f"PREFIX pg: <https://w3id.org/provgraph/ns#> SELECT DISTINCT ?cl WHERE {{ {values('c', part)} "
            f"GRAPH <{DERIVED}> {{ ?c pg:inCluster ?cl }} }}")}
        store.update(DELETE_CLAIMS.replace("VALUES_HERE", values("c", part)))
    gone = old_clusters - {cluster_iri(m) for m in c.clusters}
    stale = [f"<{DERIVED}> {{ <{cl}> a <{PG.ClaimCluster}> }}" for cl in gone]
    stale += [f"<{DERIVED}> {{ <{s}> <{PG.canonicalSource}> ?o }}" for s in changed_sources]
    for i in range(0, len(stale), 500):
        store.update(" ; ".join(f"DELETE WHERE {{ GRAPH {x} }}" for x in stale[i:i + 500]))
    # a claim that only gained links gets them added: its other statements are unchanged
    triples = derived_triples(c, touched | linked, conflicted_claims, changed_sources)
    store.load("".join(f"{t[:-1]}<{DERIVED}> .\n" for t in triples).encode("utf-8"), "nquads", bulk=True)
    _mark(store, c)


def mark_stale(store) -> None:
    """Remove the article count first: until `_mark` puts it back the analyses read as stale, so
    an update interrupted half-way (the derived graph is written without a transaction) is redone
    in full by the next ingest."""
    store.update(f"DELETE WHERE {{ GRAPH <{DERIVED}> {{ <{DERIVED}> <{PG.articleCount}> ?n }} }}")


def _mark(store, c: Corpus) -> None:
    """The article count the analyses saw: the derived graph is up to date (`Store.derived_stale`)."""
    n = ox.Literal(len({i.article for i in c.claims.values()} | c.articles))
    store.load(f"<{DERIVED}> <{PG.articleCount}> {n} <{DERIVED}> .\n".encode("utf-8"), "nquads")

