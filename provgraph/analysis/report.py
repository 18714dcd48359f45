"""The weak-sourcing report: every flagged claim with its reasons, sources, chain and evidence.

A lookup: the flags the cross-article analyses stored on each claim (corpus.derive) and each
claim's summary (summary.py). Each analysis reason is also stated as a shipped SPARQL query, so a
user can read and adapt the rule (a test checks that they agree); `low-reliability` and
`interested-party` come from the analyst's source registry (registry.py), and `disputed` from an
analyst's correction (curate.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from provgraph import queries, summary
from provgraph.analysis import gc_paused
from provgraph.analysis.corpus import DERIVED
from provgraph.render import count
from provgraph.vocab import ID

# Reason code -> the query that states its rule over the graph (None: from the source registry),
# most serious first.
REASONS = {
    "disputed": "disputed_claims",
    "circular-reporting": "circular_reporting",
    "indirect-chain": "indirect_chains",
    "anonymous-only": "anonymous_only_claims",
    "conflicting-figures": "conflicting_figures",
    "low-reliability": None,
    "interested-party": None,
    "unattributed": "unattributed_claims",
    "single-source": "single_source_claims",
    "hedged": "hedged_claims",
}
EXPLAIN = {
    "disputed": "an analyst disputes it",
    "circular-reporting": "several reports, but every chain meets at one root source",
    "indirect-chain": "reaches an anonymous source only through an intermediary",
    "anonymous-only": "every source is anonymous",
    "conflicting-figures": "another source gives an incompatible figure for the same quantity",
    "low-reliability": "every chain passes through a source the registry grades D or E",
    "interested-party": "every chain passes through a party to the story speaking about its adversary",
    "unattributed": "a checkable statement that no source stands behind: none is credited, or only vague data",
    "single-source": "rests on one source",
    "hedged": "worded as uncertain or unverified",
}
WEIGHT = {"disputed": 3, "circular-reporting": 3, "indirect-chain": 3, "anonymous-only": 3, "conflicting-figures": 2,
          "low-reliability": 2, "interested-party": 2, "unattributed": 2, "single-source": 2, "hedged": 1}
SUPPORT = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?reports ?roots WHERE {{ GRAPH <{DERIVED}> {{
  ?claim pg:reportCount ?reports .
  OPTIONAL {{ ?claim pg:independentRoots ?roots }}
}} }}"""
FLAGS = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?flag WHERE {{ GRAPH <{DERIVED}> {{ ?claim pg:flag ?flag }} }}"""
# The same per claim in one literal (corpus.report_facts_text), read when every claim that has a
# report count has one (a derived graph written by an older provgraph, in full or in part, has not).
FACTS = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?facts WHERE {{ GRAPH <{DERIVED}> {{ ?claim pg:reportFacts ?facts }} }}"""
FACTS_COMPLETE = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?counts ?facts WHERE {{
  {{ SELECT (COUNT(*) AS ?counts) WHERE {{ GRAPH <{DERIVED}> {{ ?c pg:reportCount ?n }} }} }}
  {{ SELECT (COUNT(*) AS ?facts) WHERE {{ GRAPH <{DERIVED}> {{ ?c pg:reportFacts ?f }} }} }}
}}"""
BOUND_AT_MOST = 2000  # claims whose conflicts are read by a bound query; more, and the store is scanned
CHUNK = 1000  # claims whose details a streamed report reads at once
PARTNERS_AT_MOST = 20000  # summaries of conflicting claims a streamed report keeps between chunks
CONFLICT_MEMBERS = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT DISTINCT ?conflict ?claim WHERE { ?conflict pg:conflictOf ?claim }"""
CONFLICT_REASONS = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT DISTINCT ?conflict ?reason WHERE { ?conflict pg:conflictReason ?reason }"""
TITLES = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX schema: <http://schema.org/>
SELECT ?article ?title ?file WHERE {
  ?article a schema:NewsArticle . OPTIONAL { ?article schema:headline ?title } OPTIONAL { ?article pg:sourceFile ?file }
}"""
NON_RESPONSES = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX schema: <http://schema.org/>
SELECT ?article ?party ?kind ?evidence ?start WHERE {
  ?n a pg:NonResponse ; schema:appearance ?article ; pg:party ?party ; pg:responseKind ?kind ;
     pg:evidence ?evidence ; pg:evidenceStart ?start .
}"""
SEVERITY = ("high", "medium", "low", "none")
# Capitalised words that do not name a party ("A spokesman for the Clinton campaign" -> Clinton).
_GENERIC = frozenset("a an the his her their its spokesman spokeswoman spokesperson representative representatives "
                     "aide aides officials official office campaign lawyer attorney he she they it".split())


@dataclass
class FlaggedClaim:
    claim: str
    text: str
    article: str
    article_title: str | None
    reasons: list[str]
    sources: list[dict] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    evidence: str = ""
    start: int = 0
    end: int = 0
    hedges: list[str] = field(default_factory=list)
    reports: int = 1
    independent_roots: int = 0
    conflicts: list[dict] = field(default_factory=list)  # the other side of each figure conflict
    corrections: list[dict] = field(default_factory=list)  # analysts' corrections that bear on it
    notes: list[str] = field(default_factory=list)  # what the source registry says
    checkable: bool = True
    check: str = ""  # why it is or is not checkable (extract/checkable.py)
    non_responses: list[dict] = field(default_factory=list)  # parties of it asked who gave no answer

    @property
    def short_id(self) -> str:
        """What `provgraph claim` accepts: the article key's first 8 characters and the content offsets."""
        return short_id(self.claim)

    @property
    def verdict(self) -> dict | None:
        """An analyst's latest verdict (verified / disputed), with who, when, note and link."""
        found = [c for c in self.corrections if c["action"] in ("verify", "dispute")]
        if not found:
            return None
        c = found[-1]
        return {"verdict": "verified" if c["action"] == "verify" else "disputed", "analyst": c["analyst"],
                "time": c["time"], "note": c["note"], "link": c["link"]}

    @property
    def flag_origin(self) -> dict[str, str]:
        """Where each reason comes from: an analyst's correction, the source registry, or the
        analyses (after corrections, if the claim's attributions or sources were corrected)."""
        corrected = any(c["action"] not in ("verify", "dispute") for c in self.corrections)
        return {r: "correction" if r == "disputed" else "registry" if r in ("low-reliability", "interested-party")
                else "analysis after corrections" if corrected else "analysis" for r in self.reasons}

    @property
    def severity(self) -> str:
        return severity(self.reasons)

    @property
    def explanation(self) -> str:
        """One line a reader can check: "3 reports, 1 root: anonymous 'sources within ...' via RIA"."""
        if not self.sources:
            return "no source is credited with this" + (f"; hedged: {', '.join(self.hedges)}" if self.hedges else "") \
                + self._curated()
        roots = self.chain[-1:] if len(self.chain) > 1 else []
        via = self.chain[1:-1]
        root = roots[0] if roots else ""
        kind = next((s["kind"] for s in self.sources if s["label"] == root), "")
        text = f"{count(self.reports, 'report')}, {count(self.independent_roots, 'independent root')}: " \
               f"{'anonymous ' if kind == 'anonymous' else ''}'{root}'" + (f" via {', '.join(via)}" if via else "")
        if self.conflicts:
            text += "; conflicts with " + "; ".join(f"{c['figure']} ({c['source'] or 'no source'})" for c in self.conflicts)
        if self.hedges:
            text += f"; hedged: {', '.join(self.hedges)}"
        return text + self._curated()

    def _curated(self) -> str:
        """What the registry and analysts add to the explanation."""
        text = "".join(f"; {n}" for n in self.notes)
        v = self.verdict
        if v:
            text += f"; {v['verdict']} by analyst {v['analyst']} ({v['time'][:10]})" + \
                (f": {v['note']}" if v["note"] else "") + (f" <{v['link']}>" if v["link"] else "")
        for c in self.corrections:
            if c["action"] not in ("verify", "dispute"):
                text += f"; corrected by analyst {c['analyst']}: {c['summary']}"
        return text

    def as_dict(self) -> dict:
        return {
            "claim": self.claim, "id": self.short_id, "text": self.text, "article": self.article,
            "article_title": self.article_title, "reasons": self.reasons, "sources": self.sources,
            "chain": self.chain, "evidence": self.evidence, "start": self.start, "end": self.end,
            "hedges": self.hedges, "severity": self.severity, "explanation": self.explanation,
            "reports": self.reports, "independent_roots": self.independent_roots, "conflicts": self.conflicts,
            "verdict": self.verdict, "corrections": self.corrections, "flag_origin": self.flag_origin,
            "checkable": self.checkable, "check": self.check, "non_responses": self.non_responses,
        }


def short_id(iri: str) -> str:
    key, _, span = iri.removeprefix(f"{ID}claim/").partition("/")
    return f"{key[:8]}/{span}" if span else iri


def severity(reasons: list[str]) -> str:
    """high: one serious reason (anonymous, circular, disputed) or several lesser ones; medium,
    low, or none."""
    if not reasons:
        return "none"
    score = sum(WEIGHT[r] for r in reasons)
    return "high" if max(WEIGHT[r] for r in reasons) >= 3 or score >= 5 else ("medium" if score >= 2 else "low")


@dataclass
class Report:
    claims: list[FlaggedClaim]
    total_claims: int
    articles: int
    stale: bool = False  # articles were added after the cross-article analyses last ran
    flagged: int = 0  # claims with at least one reason (all of them unless --all)
    not_checkable: int = 0  # claims that assert nothing checkable (shown with --all)
    shown: int | None = None  # --top/--offset: how many of the flagged claims are listed
    offset: int = 0  # --offset: how many of the most serious were skipped (the first is number offset + 1)
    pending: Callable[[], Iterator[FlaggedClaim]] | None = None  # streamed: the claims, read CHUNK at a time

    def iter_claims(self) -> Iterator[FlaggedClaim]:
        """The claims in order: those read already or, for a streamed report, read as they are asked
        for (so that a report of 300,000 claims starts at once and holds one chunk of details)."""
        return self.pending() if self.pending is not None else iter(self.claims)

    def totals(self) -> dict:
        """Everything but the claims, for the JSON contract."""
        return {"total_claims": self.total_claims, "flagged_claims": self.flagged,
                "not_checkable_claims": self.not_checkable, "articles": self.articles, "offset": self.offset,
                "reasons": EXPLAIN, "stale": self.stale}

    def as_dict(self) -> dict:
        return {"claims": [c.as_dict() for c in self.iter_claims()], **self.totals()}


@gc_paused()
def weak_claims(store, reasons: list[str] | None = None, registry=None, include_all: bool = False,
                top: int | None = None, offset: int = 0, stream: bool = False) -> Report:
    """The flagged claims, most serious first (severity, then reason, then the least corroborated):
    a lookup of the flags the cross-article analyses stored (corpus.derive) and of each claim's
    summary, plus the analysts' verdicts. With a source `registry` (registry.Registry), sources
    carry their grade and its reasons are added. `include_all` lists every claim, flagged or not
    (a claim that is not checkable is flagged only when all its sources are anonymous); `top`
    keeps the first N after skipping `offset` (a page: --offset 20 --top 20).

    Claims are ranked on what is cheap to read for all of them (flags, support, the article's
    title, the claim's place); summaries, conflicts and corrections are read for the page only,
    unless the registry must grade every chain or --all list every claim. `stream`: a whole report
    (no --top, --offset, --all or registry) reads its claims' details CHUNK at a time as
    `iter_claims()` asks for them, while `store` stays open."""
    flags: dict[str, list[str]] = defaultdict(list)
    raised = set()  # claims the analyses flag for any reason, whatever --reason keeps
    support = _support_and_flags(store, flags, raised, reasons)
    if not reasons or "disputed" in reasons:
        for row in store.select(queries.load("disputed_claims")):
            flags[row["claim"]].append("disputed")
    summaries: dict[str, dict] | None = None
    notes: dict[str, list[str]] = {}
    if registry is not None or include_all:  # the registry grades every chain; --all lists every claim
        summaries = summary.load(store)
        if include_all and not reasons:
            for iri in summaries:
                flags.setdefault(iri, [])
        if registry is not None:
            for iri, s in summaries.items():
                if not s.get("checkable", True) and iri not in raised:
                    continue  # a claim nobody could check is reported only when anonymous (corpus.py)
                codes, notes[iri] = registry.assess(s["chains"], [s["evidence"], s["text"], s["title"]])
                flags[iri] += [c for c in codes if not reasons or c in reasons]
    order = list(REASONS)
    in_order: dict[tuple, list[str]] = {}  # a few combinations of reasons recur over every claim
    for iri, codes in flags.items():
        key = tuple(codes)
        if key not in in_order:
            in_order[key] = sorted(dict.fromkeys(codes), key=order.index)
        flags[iri] = list(in_order[key])
    titles = {r["article"]: r["title"] or r["file"] for r in store.select(TITLES)}

    levels: dict[tuple, tuple[int, int]] = {}

    def level(codes: list[str]) -> tuple[int, int]:
        key = tuple(codes)
        if key not in levels:
            levels[key] = (SEVERITY.index(severity(codes)), order.index(codes[0]) if codes else len(order))
        return levels[key]

    def rank(iri: str) -> tuple:
        codes, sup = flags[iri], support.get(iri, {})
        key, _, span = iri.removeprefix(f"{ID}claim/").partition("/")
        return (*level(codes),
                sup.get("roots") or 0, sup.get("reports") or 1, titles.get(f"{ID}article/{key}") or "",
                int(span.split("-")[0]) if span[:1].isdigit() else 0, iri)

    ranked = sorted((iri for iri, codes in flags.items() if codes or include_all), key=rank)
    if summaries is not None:
        ranked = [iri for iri in ranked if iri in summaries]
    page = ranked[offset:offset + top] if top is not None else ranked[offset:]
    streamed = stream and summaries is None and top is None and not offset
    if summaries is None and not streamed:
        summaries = summary.load(store, set(page))
        end = offset + len(page)
        while top is not None and len([i for i in page if i in summaries]) < top and end < len(ranked):
            more = ranked[end:end + top]  # flags left by a stale analysis for a claim since removed: fill the page
            end += len(more)
            summaries.update(summary.load(store, set(more)))
            page += more
        page = [iri for iri in page if iri in summaries][:top]
    corrections: dict[str, list[dict]] = defaultdict(list)
    for row in store.select(queries.load("claim_corrections")):
        corrections[row["claim"]].append({k: row[k] for k in ("correction", "action", "summary", "analyst",
                                                              "time", "note", "link")})
    conflicts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for claim, other, reason in _conflicts(store, [iri for iri in page if "conflicting-figures" in flags[iri]]):
        conflicts[claim].append((other, reason))
    refusals: dict[str, list[dict]] = defaultdict(list)
    for row in store.select(NON_RESPONSES):
        refusals[row["article"]].append({"party": row["party"], "kind": row["kind"], "evidence": row["evidence"],
                                         "start": row["start"]})

    partners: dict[str, dict] = {}  # summaries of conflicting claims, kept across chunks (they recur)

    def details(iris: list[str], read: dict[str, dict]) -> list[FlaggedClaim]:
        others = {o for iri in iris for o, _ in conflicts.get(iri, [])} - set(read)
        if len(partners) > PARTNERS_AT_MOST:
            partners.clear()
        missing = others - set(partners)
        partners.update(summary.load(store, missing) if missing else {})
        read = {**read, **{o: partners[o] for o in others if o in partners}}
        return [_flagged(iri, read, flags[iri], support.get(iri, {}), registry, conflicts.get(iri, []),
                         corrections.get(iri, []), notes.get(iri, []), refusals)
                for iri in iris if iri in read]

    def chunks() -> Iterator[FlaggedClaim]:
        for i in range(0, len(page), CHUNK):
            part = page[i:i + CHUNK]
            with gc_paused():
                found = details(part, summary.load(store, set(part)))
            yield from found

    out = [] if streamed else details(page, summaries)
    flagged = sum(1 for iri in ranked if flags[iri])
    total = store.select("PREFIX schema: <http://schema.org/> SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }")
    unchecked = store.select("PREFIX pg: <https://w3id.org/provgraph/ns#> "
                             "SELECT (COUNT(*) AS ?n) WHERE { ?c pg:checkable false }")
    articles = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }")
    return Report(out, total[0]["n"] if total else 0,
                  articles[0]["n"] if articles else 0, store.derived_stale(), flagged,
                  unchecked[0]["n"] if unchecked else 0, len(out) if top is not None or offset else None, offset,
                  pending=chunks if streamed else None)


def _support_and_flags(store, flags: dict[str, list[str]], raised: set[str],
                       reasons: list[str] | None) -> dict[str, dict]:
    """claim -> {"reports", "roots"} of every claim the analyses saw; adds the flags they stored
    (those `reasons` keeps) to `flags` and the claims flagged for any reason to `raised`."""
    complete = store.select(FACTS_COMPLETE)
    if complete and complete[0]["facts"] and complete[0]["facts"] == complete[0]["counts"]:
        support = {}
        for row in store.select(FACTS):
            reports, roots, *codes = row["facts"].split(" ")
            support[row["claim"]] = {"reports": int(reports), "roots": None if roots == "-" else int(roots)}
            if codes:
                raised.add(row["claim"])
                kept = [c for c in codes if c in reasons] if reasons else codes
                if kept:
                    flags[row["claim"]] += kept
        return support
    for row in store.select(FLAGS):
        raised.add(row["claim"])
        if not reasons or row["flag"] in reasons:
            flags[row["claim"]].append(row["flag"])
    return {r["claim"]: r for r in store.select(SUPPORT)}


def _flagged(iri: str, summaries: dict[str, dict], codes: list[str], sup: dict, registry,
             conflicts: list[tuple[str, str]], corrections: list[dict], notes: list[str],
             refusals: dict[str, list[dict]]) -> FlaggedClaim:
    """One claim of the report, from its summary and what the report read about it."""
    s = summaries[iri]
    title = s["title"] or s["file"]
    sources, chain = _sources_and_chain(s["chains"], title)
    if registry is not None:
        for src in sources:
            src["grade"] = registry.grade(src["label"])
    others = []
    for other, reason in sorted(conflicts):
        o = summaries.get(other, {})
        others.append({"claim": other, "text": o.get("text"), "article_title": o.get("title") or o.get("file"),
                       "figure": reason, "source": _root(o.get("chains", []))})
    return FlaggedClaim(iri, s["text"], s["article"], title, codes, sources, chain,
                        s["evidence"], s["start"], s["end"], s["hedges"] if "hedged" in codes else [],
                        sup.get("reports") or 1, sup.get("roots") or 0, others, corrections, notes,
                        s.get("checkable", True), s.get("check", ""),
                        _about(refusals.get(s["article"], []), s["text"], sources))


def _conflicts(store, claims: list[str]) -> list[tuple[str, str, str]]:
    """(claim, other claim, reason) for each figure conflict of `claims`: bound to them for a
    page; for most of the store, two scans joined here (the query's self-join costs 3x more).
    DISTINCT: the union default graph repeats a statement stored in two graphs."""
    if len(claims) <= BOUND_AT_MOST:
        query = queries.load("conflicting_figures")
        return [(r["claim"], r["other"], r["reason"]) for part in (claims[i:i + 500] for i in range(0, len(claims), 500))
                for r in store.select(summary.bound(query, "claim", part))]
    members: dict[str, list[str]] = defaultdict(list)
    for r in store.select(CONFLICT_MEMBERS):
        members[r["conflict"]].append(r["claim"])
    wanted, out = set(claims), []
    for r in store.select(CONFLICT_REASONS):
        pair = members.get(r["conflict"], [])
        for a, b in ((pair[0], pair[-1]), (pair[-1], pair[0])) if len(pair) == 2 else ():
            if a in wanted:
                out.append((a, b, r["reason"]))
    return out


def _about(refusals: list[dict], text: str, sources: list[dict]) -> list[dict]:
    """The non-responses of the claim's article whose party the claim names, in its text or its
    sources ("the Trump campaign did not respond" beside a claim about Trump)."""
    if not refusals:
        return []
    out = []
    said = " ".join([text] + [s["label"] for s in sources]).lower()
    for r in refusals:
        names = [w for w in re.findall(r"[A-Z][\w’'-]+", r["party"]) if w.lower() not in _GENERIC]
        if names and any(re.search(rf"\b{re.escape(n.lower())}\b", said) for n in names):
            out.append(r)
    return out


def _sources_and_chain(chains: list[list[dict]], title: str | None) -> tuple[list[dict], list[str]]:
    """Distinct sources over all chains, and the longest chain as labels from the article to the root."""
    sources, seen = [], set()
    for chain in chains:
        for hop in chain:
            key = (hop["label"], hop["kind"])
            if key not in seen:
                seen.add(key)
                sources.append({"label": hop["label"], "kind": hop["kind"], "anonymous": hop["anonymous"]})
    return sources, [title or "article"] + [h["label"] for h in _longest(chains)]


def _longest(chains: list[list[dict]]) -> list[dict]:
    return max(chains, key=len) if chains else []


def _root(chains: list[list[dict]]) -> str | None:
    """The root source's label at the end of the longest chain (the one the report shows), if any."""
    longest = _longest(chains)
    return longest[-1]["label"] if longest else None
