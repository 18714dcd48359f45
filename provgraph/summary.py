"""Each claim's provenance summary, stored with the claim (pg:summary, an rdf:JSON literal).

The report and the cross-article analyses need, for every claim, its chains hop by hop (agent,
label, kind, cue), its figures, hedges and evidence. Read back from the graph, the chains cost a
pg:relays path walk per claim, and that query grows with the store (5 s for 1,000 articles on
disk, minutes at 10,000). The summary is computed once, at extraction, from the same model the
triples come from, and is read by a one-pattern scan. The triples stay the record: a claim an
analyst corrected, or one stored without a summary, is read from them instead (`from_graph`).
"""

from __future__ import annotations

import json
from collections import defaultdict

from provgraph import queries
from provgraph.analysis.figures import Figure, parse_figures

RDF_JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
EXTRAS = """
PREFIX schema: <http://schema.org/>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?outlet ?hedge ?checkable ?check WHERE {
  ?claim schema:appearance ?article .
  OPTIONAL { ?article schema:publisher ?outlet }
  OPTIONAL { ?claim pg:hedge ?hedge }
  OPTIONAL { ?claim pg:checkable ?checkable }
  OPTIONAL { ?claim pg:checkReason ?check }
}"""
# Claims whose chains or wording an analyst changed (`provgraph curate`), wherever the
# corrections are stored (a triples-only import puts them in one graph with everything else).
# In two steps: the corrected hops first (few), then their claims; one query joining both walked
# every attribution in the store (0.8 s at 1,000 articles, on every report).
CURATED = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?claim WHERE {
  { ?claim pg:correctedText ?text }
  UNION { ?s pg:sameSourceAs ?t . ?claim prov:wasAttributedTo ?s }
}"""
CORRECTED_HOPS = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT DISTINCT ?hop WHERE { ?hop pg:retractedBy|pg:addedBy ?c }"""
CLAIMS_OF_HOPS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?claim WHERE { ?claim prov:qualifiedAttribution ?hop }"""
COUNTS = """
PREFIX schema: <http://schema.org/>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claims ?summaries WHERE {
  { SELECT (COUNT(*) AS ?claims) WHERE { ?c a schema:Claim } }
  { SELECT (COUNT(*) AS ?summaries) WHERE { ?c pg:summary ?s } }
}"""
UNSUMMARISED = """
PREFIX schema: <http://schema.org/>
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim WHERE { ?claim a schema:Claim FILTER NOT EXISTS { ?claim pg:summary ?s } }"""
SUMMARIES = """
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?summary WHERE { ?claim pg:summary ?summary }"""


def claim_summary(claim, chains: list[list[tuple[str, object, str | None]]], article: str, outlet: str | None,
                  title: str | None, path: str | None) -> dict:
    """`chains`: for each attribution, its hops from the cited source to the root as
    (agent IRI, Source, its pg:via IRI, cue)."""
    return {
        "article": article, "outlet": outlet, "title": title, "file": path,
        "text": claim.text, "evidence": claim.sentence.text,
        "start": claim.sentence.start, "end": claim.sentence.end,
        "hedges": list(claim.hedges), "checkable": claim.checkable, "check": claim.check,
        "figures": [figure_to_list(f) for f in parse_figures(claim.text)],
        "chains": [[{"agent": iri, "label": s.label, "kind": s.kind, "anonymous": s.anonymous,
                     "descriptor": s.descriptor, "via": via, "cue": cue} for iri, s, via, cue in chain]
                   for chain in chains],
    }


def dumps(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, separators=(",", ":"))


def figure_to_list(f: Figure) -> list:
    return [f.text, f.value, f.bound, f.unit, sorted(f.qualifiers), f.scope]


def figure_from_list(x: list) -> Figure:
    return Figure(x[0], x[1], x[2], x[3], frozenset(x[4]), x[5])


def read_summaries(store, only: set[str] | None = None) -> dict[str, dict]:
    """claim IRI -> summary, for every claim that has one (or only those in `only`)."""
    out: dict[str, dict] = {}
    if only is not None and len(only) <= 5000:  # a page: bound, not a scan of every summary
        rows = [r for part in _parts(sorted(only)) for r in store.select(bound(SUMMARIES, "claim", part))]
    else:
        rows = store.select(SUMMARIES)
    for row in rows:
        if only is None or row["claim"] in only:
            out[row["claim"]] = json.loads(row["summary"])
    return out


def _parts(items: list, size: int = 500):
    return (items[i:i + size] for i in range(0, len(items), size))


def load(store, only: set[str] | None = None) -> dict[str, dict]:
    """Summaries of every claim (or of those in `only`) as the report and analyses must see them:
    claims an analyst corrected, and claims stored without a summary (by an older provgraph),
    are read from the triples."""
    found = read_summaries(store, only)
    fix = {r["claim"] for r in store.select(CURATED)}
    hops = sorted(r["hop"] for r in store.select(CORRECTED_HOPS))
    fix |= {r["claim"] for part in _parts(hops) for r in store.select(bound(CLAIMS_OF_HOPS, "hop", part))}
    if only is not None:
        fix = (fix & only) | (only - set(found))
    else:
        fix &= set(found)
        counts = store.select(COUNTS)
        if counts and counts[0]["claims"] != counts[0]["summaries"]:
            fix |= {r["claim"] for r in store.select(UNSUMMARISED)}
    found.update(from_graph(store, sorted(fix), found))
    return found


def values(var: str, iris) -> str:
    """A VALUES block binding ?var to each IRI (validated and escaped by pyoxigraph)."""
    import pyoxigraph as ox
    return f"VALUES ?{var} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def bound(query: str, var: str, iris) -> str:
    """`query` with ?`var` bound to `iris` (a VALUES block after its first WHERE {)."""
    head, brace, rest = query.partition("WHERE {")
    return f"{head}{brace} {values(var, iris)} {rest}"


def from_graph(store, claims: list[str], base: dict[str, dict] | None = None, batch: int = 500) -> dict[str, dict]:
    """Summaries read from the triples, as the shipped queries see them: with an analyst's
    corrections applied (reworded text, removed or added chains, merged sources). Hedges come
    from `base`, the stored summaries, when there is one (their order is the extractor's)."""
    out: dict[str, dict] = {}
    for i in range(0, len(claims), batch):
        part = claims[i:i + batch]
        rows = store.select(bound(queries.load("claims"), "claim", part))
        hops: dict[tuple[str, str], dict[int, dict]] = defaultdict(dict)
        for r in store.select(bound(queries.load("claim_chains"), "claim", part)):
            hops[(r["claim"], r["chain"])].setdefault(r["hop"], {
                "agent": r["agent"], "label": r["label"], "kind": r["kind"], "anonymous": r["anonymous"],
                "descriptor": r["descriptor"], "via": r["via"], "cue": r["cue"]})
        outlet, hedges, check = {}, defaultdict(list), {}
        for r in store.select(bound(EXTRAS, "claim", part)):
            outlet[r["claim"]] = r["outlet"]
            check[r["claim"]] = (r["checkable"] is not False, r["check"] or "")
            if r["hedge"] and r["hedge"] not in hedges[r["claim"]]:
                hedges[r["claim"]].append(r["hedge"])
        chains: dict[str, list] = defaultdict(list)
        for (claim, _), by_hop in sorted(hops.items()):
            chains[claim].append([by_hop[k] for k in sorted(by_hop)])
        for r in rows:
            old = (base or {}).get(r["claim"], {})
            out[r["claim"]] = {
                "article": r["article"], "outlet": outlet.get(r["claim"]), "title": r["title"],
                "file": r["file"], "text": r["text"], "evidence": r["evidence"], "start": r["start"],
                "end": r["end"], "hedges": old.get("hedges") or hedges.get(r["claim"], []),
                "checkable": check.get(r["claim"], (True, ""))[0], "check": check.get(r["claim"], (True, ""))[1],
                "figures": [figure_to_list(f) for f in parse_figures(r["text"])],
                "chains": chains.get(r["claim"], []),
            }
    return out
