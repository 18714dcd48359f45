"""The weak-sourcing report: every flagged claim with its reasons, sources, chain and evidence.

Each reason is one shipped SPARQL query, so a user can read and adapt the rule behind a flag.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from provgraph import queries
from provgraph.store import Store

# Reason code -> the query whose ?claim rows carry it, most serious first.
REASONS = {
    "indirect-chain": "indirect_chains",
    "anonymous-only": "anonymous_only_claims",
    "unattributed": "unattributed_claims",
    "single-source": "single_source_claims",
    "hedged": "hedged_claims",
}
EXPLAIN = {
    "indirect-chain": "reaches an anonymous source only through an intermediary",
    "anonymous-only": "every source is anonymous",
    "unattributed": "a checkable statement that no source is credited with",
    "single-source": "rests on one source",
    "hedged": "worded as uncertain or unverified",
}


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

    def as_dict(self) -> dict:
        return {
            "claim": self.claim, "text": self.text, "article": self.article,
            "article_title": self.article_title, "reasons": self.reasons, "sources": self.sources,
            "chain": self.chain, "evidence": self.evidence, "start": self.start, "end": self.end,
            "hedges": self.hedges,
        }


@dataclass
class Report:
    claims: list[FlaggedClaim]
    total_claims: int
    articles: int

    def as_dict(self) -> dict:
        return {"claims": [c.as_dict() for c in self.claims], "total_claims": self.total_claims,
                "articles": self.articles, "reasons": EXPLAIN}


def weak_claims(store: Store, reasons: list[str] | None = None) -> Report:
    """Run every reason's query and assemble the flagged claims, most serious first."""
    flags: dict[str, list[str]] = defaultdict(list)
    hedges: dict[str, list[str]] = {}
    for code, query in REASONS.items():
        if reasons and code not in reasons:
            continue
        for row in store.select(queries.load(query)):
            if code not in flags[row["claim"]]:
                flags[row["claim"]].append(code)
            if code == "hedged":
                hedges[row["claim"]] = row["hedges"].split(", ")
    details = {row["claim"]: row for row in store.select(queries.load("claims"))}
    chains = _chains(store)
    out = []
    for iri, codes in flags.items():
        d = details.get(iri)
        if d is None:
            continue
        title = d["title"] or d["file"]
        claim_chains = chains.get(iri, [])
        sources, chain = _sources_and_chain(claim_chains, title)
        out.append(FlaggedClaim(iri, d["text"], d["article"], title, codes, sources, chain,
                                d["evidence"], d["start"], d["end"], hedges.get(iri, [])))
    order = list(REASONS)
    out.sort(key=lambda c: (order.index(c.reasons[0]) if c.reasons else 99, c.article_title or "", c.start))
    for c in out:
        c.reasons.sort(key=order.index)
    articles = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }")
    return Report(out, len(details), articles[0]["n"] if articles else 0)


def _chains(store: Store) -> dict[str, list[list[dict]]]:
    """claim -> list of chains, each a list of hops {label, kind, anonymous, cue} from cited to root."""
    by_chain: dict[tuple[str, str], dict[int, dict]] = defaultdict(dict)
    for row in store.select(queries.load("claim_chains")):
        hops = by_chain[(row["claim"], row["chain"])]
        hops.setdefault(row["hop"], {"label": row["label"], "kind": row["kind"],
                                     "anonymous": row["anonymous"], "cue": row["cue"]})
    out: dict[str, list[list[dict]]] = defaultdict(list)
    for (claim, _), hops in sorted(by_chain.items()):
        out[claim].append([hops[i] for i in sorted(hops)])
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
    longest = max(chains, key=len) if chains else []
    return sources, [title or "article"] + [h["label"] for h in longest]
