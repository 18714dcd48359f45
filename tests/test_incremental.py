"""The derived graph kept up to date as articles arrive: an incremental step after an ingest gives
the same flags, counts, roots and clusters as recomputing everything, and the report, which reads
the stored flags, agrees with the shipped queries that state each rule over the graph."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from provgraph import queries
from provgraph.analysis.corpus import DERIVED, derive
from provgraph.analysis.report import REASONS, weak_claims
from provgraph.extract.pipeline import extract
from provgraph.rdf import article_iri, article_quads, graph_iri
from provgraph.reader import find_articles, read_article
from provgraph.store import Store

HERE = Path(__file__).parent
FILES = find_articles([HERE / "corpus", HERE.parent / "samples"])
FACTS = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?p ?o WHERE {{ GRAPH <{DERIVED}> {{
  ?claim ?p ?o FILTER (?p IN (pg:flag, pg:reportCount, pg:independentRoots, pg:canonicalRoot))
}} }}"""
CLUSTERS = f"""
PREFIX pg: <https://w3id.org/provgraph/ns#>
SELECT ?claim ?cluster WHERE {{ GRAPH <{DERIVED}> {{ ?claim pg:inCluster ?cluster }} }}"""


def add(store: Store, files: list[Path]) -> set[str]:
    """Store articles without running the analyses; returns their article IRIs."""
    added = set()
    for f in files:
        article = read_article(f)
        extract(article)
        store.replace_graph(graph_iri(article), article_quads(article))
        added.add(str(article_iri(article)))
    return added


def state(store: Store) -> tuple[set, set]:
    facts = {(r["claim"], r["p"], r["o"]) for r in store.select(FACTS)}
    clusters: dict[str, set[str]] = {}
    for r in store.select(CLUSTERS):
        clusters.setdefault(r["cluster"], set()).add(r["claim"])
    return facts, {frozenset(c) for c in clusters.values()}


@pytest.mark.parametrize("split", [1, 5, 9])
def test_incremental_step_equals_a_full_recomputation(tmp_path, split):
    with Store(tmp_path / "store") as store:
        add(store, FILES[:split])
        derive(store)
        new = add(store, FILES[split:split + 3])
        result = derive(store, new)
        assert 0 < result.rewritten < len(result.claims) or split + 3 >= len(FILES)
        new = add(store, FILES[split + 3:])
        derive(store, new)
        incremental = state(store)
        derive(store)
        assert state(store) == incremental
        assert not store.derived_stale()


def test_adding_a_report_lifts_single_source_of_the_claim_it_corroborates(tmp_path):
    """One article's claim rests on one source; a second article reports it from another source:
    the incremental step must rewrite the first claim too (its cluster changed)."""
    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    first.write_text("Flood\n\nThe river rose 4 metres overnight in Kessford, mayor Anna Berg said on Monday.\n",
                     encoding="utf-8")
    second.write_text("Flood\n\nThe river rose 4 metres overnight in Kessford, said hydrologist Paul Dunne.\n",
                      encoding="utf-8")
    with Store(tmp_path / "store") as store:
        add(store, [first])
        derive(store)
        assert any("single-source" in c.reasons for c in weak_claims(store).claims)
        derive(store, add(store, [second]))
        assert weak_claims(store).claims == []  # two independent named sources: nothing to flag
        facts, clusters = state(store)
        assert {o for _, p, o in facts if p.endswith("#reportCount")} == {2} and len(clusters) == 1


def test_stored_flags_agree_with_the_shipped_queries(tmp_path):
    with Store(tmp_path / "store") as store:
        add(store, FILES)
        derive(store)
        report = weak_claims(store)
        by_reason: dict[str, set[str]] = {}
        for c in report.claims:
            for r in c.reasons:
                by_reason.setdefault(r, set()).add(c.claim)
        for reason, query in REASONS.items():
            if query is None:
                continue
            found = {r["claim"] for r in store.select(queries.load(query))}
            assert found == by_reason.get(reason, set()), reason
        assert by_reason.keys() >= {"single-source", "unattributed", "hedged", "anonymous-only", "indirect-chain",
                                    "conflicting-figures", "circular-reporting"}


def test_an_update_cut_short_is_redone_in_full_by_the_next_ingest(tmp_path, monkeypatch):
    """The derived graph is written without a transaction; the article count that marks it current
    goes first and comes back last, so a crash in between leaves the analyses marked stale."""
    from provgraph.analysis import corpus
    from provgraph.ingest import ingest_files

    with Store(tmp_path / "store") as store:
        ingest_files(FILES[:4], store)
        monkeypatch.setattr(corpus, "_mark", lambda store, quads: (_ for _ in ()).throw(KeyboardInterrupt()))
        with pytest.raises(KeyboardInterrupt):
            ingest_files(FILES[4:6], store)
        assert store.derived_stale()
        monkeypatch.undo()
        calls = []
        monkeypatch.setattr(corpus, "analyse", lambda s, _real=corpus.analyse: calls.append(1) or _real(s))
        ingest_files(FILES[6:], store)
        assert calls, "a full recomputation"
        assert not store.derived_stale()
        after = state(store)
        derive(store)
        assert state(store) == after


def test_a_new_report_that_pulls_a_claim_out_of_its_cluster_updates_the_one_left_behind(tmp_path):
    """Complete link can split an old cluster: A~B (weak) were one claim; N matches A strongly but
    not B, so {A, N} and B alone. B's stored cluster and counts must change too."""
    texts = {"a": "Flooding closed every primary school across Harlow county early Monday",
             "b": "Flooding closed every primary school across Harlow county, leaving parents stranded",
             "n": "Flooding closed every primary school across Harlow county early Monday after heavy rain"}
    files = {}
    for name, text in texts.items():
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(f"{text}, officials said.\n", encoding="utf-8")
    with Store(tmp_path / "store") as store:
        add(store, [files["a"], files["b"]])
        derive(store)
        assert len(state(store)[1]) == 1  # A and B: one claim, two reports
        derive(store, add(store, [files["n"]]))
        incremental = state(store)
        derive(store)
        assert state(store) == incremental
        (cluster,) = incremental[1]
        assert len(cluster) == 2 and not any(f"/{claim_key(files['b'])}/" in c for c in cluster)


def claim_key(path: Path) -> str:
    """The article part of the claim IRIs of the article read from `path`."""
    return str(article_iri(read_article(path))).rsplit("/", 1)[1]


def test_recomputing_an_unchanged_store_leaves_the_derived_graph_as_it_was(tmp_path):
    """A full recomputation writes only what differs from the stored graph (compared as N-Triples
    lines), and the analyses leave Python's garbage collector as they found it."""
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DERIVED}> {{ ?s ?p ?o }} }}"
    with Store(tmp_path / "store") as store:
        add(store, FILES)
        derive(store)
        before, n = state(store), store.select(count)[0]["n"]
        assert gc.isenabled()
        derive(store)
        weak_claims(store)
        assert gc.isenabled()
        assert state(store) == before and store.select(count)[0]["n"] == n
        assert not store.derived_stale()
        gc.disable()
        try:
            derive(store)
            assert not gc.isenabled()
        finally:
            gc.enable()


def test_a_derived_graph_without_the_report_facts_literal_gives_the_same_report(tmp_path):
    """A store whose analyses an older provgraph wrote (no pg:reportFacts, in full or for some
    claims) is read through the flag and support statements instead: the same report."""
    from provgraph.render.report import render

    with Store(tmp_path / "store") as store:
        add(store, FILES)
        derive(store)
        full = render(weak_claims(store, include_all=True), "json")
        facts = store.select(f"""PREFIX pg: <https://w3id.org/provgraph/ns#>
            SELECT ?c ?f WHERE {{ GRAPH <{DERIVED}> {{ ?c pg:reportFacts ?f }} }}""")
        assert facts
        store.update(f"""PREFIX pg: <https://w3id.org/provgraph/ns#>
            DELETE WHERE {{ GRAPH <{DERIVED}> {{ <{facts[0]["c"]}> pg:reportFacts ?f }} }}""")
        assert render(weak_claims(store, include_all=True), "json") == full
