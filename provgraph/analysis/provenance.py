"""One claim's whole provenance: every report of it, each chain hop by hop, roots, flags, conflicts."""

from __future__ import annotations

from rdflib import URIRef

from provgraph import queries
from provgraph.analysis.report import weak_claims
from provgraph.errors import ProvgraphError
from provgraph.store import Store
from provgraph.vocab import ID

CLUSTER = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?other WHERE { ?claim pg:inCluster ?cluster . ?other pg:inCluster ?cluster }"""
FIND = """
PREFIX schema: <http://schema.org/>
SELECT ?claim WHERE { ?claim a schema:Claim . FILTER (STRENDS(STR(?claim), ?suffix)) } LIMIT 2"""


def find_claim(store: Store, claim_id: str) -> str:
    """A claim IRI from its full IRI or a unique ending ("a3f0.../260-455")."""
    rows = store.select(FIND, {"suffix": claim_id.removeprefix(ID)})
    if len(rows) != 1:
        raise ProvgraphError(f"{'no claim' if not rows else 'more than one claim'} matches {claim_id!r}; "
                             "copy a claim IRI from `provgraph report --format json` or `provgraph query --named claims`")
    return rows[0]["claim"]


def claim_provenance(store: Store, claim_id: str) -> dict:
    iri = find_claim(store, claim_id)
    members = [r["other"] for r in store.select(CLUSTER, {"claim": URIRef(iri)}) if r["other"] != iri]
    rows = [row for m in [iri] + members for row in store.select(queries.load("claim_provenance"), {"report": URIRef(m)})]
    reports: dict[str, dict] = {}
    for row in rows:
        r = reports.setdefault(row["report"], {
            "claim": row["report"], "text": row["text"], "article": row["article"], "article_title": row["title"],
            "evidence": row["evidence"], "start": row["start"], "end": row["end"], "chains": {}})
        if row["chain"]:
            r["chains"].setdefault(row["chain"], {})[row["hop"]] = {
                "label": row["label"], "kind": row["kind"], "cue": row["cue"]}
    for r in reports.values():
        r["chains"] = [[hops[i] for i in sorted(hops)] for hops in r["chains"].values()]
    flagged = {c.claim: c for c in weak_claims(store).claims}
    own = flagged.get(iri)
    roots = sorted({c[-1]["label"] for r in reports.values() for c in r["chains"]})
    return {
        "claim": iri,
        "text": reports[iri]["text"],
        "reasons": own.reasons if own else [],
        "severity": own.severity if own else None,
        "explanation": own.explanation if own else "not flagged",
        "roots": roots,
        "reports": [reports[iri]] + [r for k, r in reports.items() if k != iri],
        "conflicts": own.conflicts if own else [],
    }
