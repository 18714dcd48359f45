"""One claim's whole provenance: every report of it, each chain hop by hop, roots, flags, conflicts."""

from __future__ import annotations

import re

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
SELECT ?claim WHERE {
  ?claim a schema:Claim . FILTER (STRSTARTS(STR(?claim), STR(?prefix)) && STRENDS(STR(?claim), STR(?suffix)))
} LIMIT 2"""


def find_claim(store: Store, claim_id: str) -> str:
    """A claim IRI from its full IRI, the report's short ID ("00e3b7e3/315-455": the start of the
    article key and the offsets) or any unique ending of the IRI."""
    claim_id = claim_id.strip()
    key, _, span = claim_id.removeprefix(f"{ID}claim/").partition("/")
    if span and not claim_id.startswith(("http:", "https:")) and re.fullmatch(r"[0-9a-f]{4,40}", key):
        prefix, suffix = f"{ID}claim/{key}", f"/{span}"
    else:
        prefix, suffix = "", claim_id.removeprefix(ID)
    rows = store.select(FIND, {"prefix": prefix, "suffix": suffix})
    if len(rows) != 1:
        raise ProvgraphError(f"{'no claim' if not rows else 'more than one claim'} matches {claim_id!r}; "
                             "use the ID `provgraph report` shows (like 00e3b7e3/315-455), the claim's IRI, "
                             "or the number of the last report")
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
