"""The shipped SPARQL queries: each parses and runs on the samples' store and returns what it says."""

from __future__ import annotations

import pytest

from provgraph import queries
from provgraph.errors import QueryError
from provgraph.store import Store

CLAIM = "https://w3id.org/provgraph/id/claim/"
# queries that must find something in the two samples (each names a flag the samples exhibit)
NON_EMPTY = {"anonymous_only_claims", "claim_chains", "claims", "hedged_claims", "indirect_chains",
             "single_source_claims", "sources", "unattributed_claims"}


@pytest.fixture(scope="module")
def store(sample_store):
    with Store(sample_store, create=False) as s:
        yield s


def test_queries_are_shipped():
    names = queries.names()
    assert NON_EMPTY <= set(names)
    for name in names:
        assert queries.load(name).lstrip().startswith("#"), f"{name}.rq should open with a comment saying what it does"


@pytest.mark.parametrize("name", queries.names())
def test_every_shipped_query_runs_on_the_samples(store, name):
    rows = store.select(queries.load(name))
    assert isinstance(rows, list)
    if name in NON_EMPTY:
        assert rows, f"{name} found nothing in the samples"
    all_claims = {r["claim"] for r in store.select(queries.load("claims"))}
    for row in rows:
        if "claim" in row:
            assert row["claim"] in all_claims  # every claim a query reports is a stored claim


def test_load_accepts_the_rq_suffix():
    assert queries.load("claims.rq") == queries.load("claims")


def test_unknown_named_query():
    with pytest.raises(QueryError, match="no-such-query"):
        queries.load("no-such-query")


@pytest.mark.parametrize("sparql", ["SELECT ?x WHERE { ?x ", "SELEKT * WHERE { ?s ?p ?o }", ""])
def test_malformed_query_raises_query_error(store, sparql):
    with pytest.raises(QueryError, match="does not parse"):
        store.select(sparql)


def test_claims_query_offsets_match_the_evidence(store):
    rows = store.select(queries.load("claims"))
    texts = {r["a"]: r["t"] for r in store.select(
        "SELECT ?a ?t WHERE { ?a a <http://schema.org/NewsArticle> ; <http://schema.org/text> ?t }")}
    assert len(texts) == 2
    for r in rows:
        assert texts[r["article"]][r["start"]:r["end"]] == r["evidence"]


def test_bindings_are_substituted_not_spliced(store):
    [article] = [r["a"] for r in store.select(
        'SELECT ?a WHERE { ?a <http://schema.org/headline> ?t FILTER(CONTAINS(?t, "dog named Borys")) }')]
    rows = store.select(queries.load("claims"), {"article": article})
    assert rows and {r["article"] for r in rows} == {article}
    assert store.select(queries.load("claims"), {"article": '"> } ; DROP ALL ; #'}) == []
    assert len(store.select(queries.load("claims"))) > len(rows)  # nothing was dropped


def test_unattributed_and_attributed_claims_partition_the_checkable_claims(store):
    """A claim with no source is unattributed if it is checkable; the others without a source are
    kept (a strongly hedged opinion: "While the story may be apocryphal, it underscores ...") but
    marked not checkable, with the reason."""
    claims = {r["claim"] for r in store.select(queries.load("claims"))}
    unattributed = {r["claim"] for r in store.select(queries.load("unattributed_claims"))}
    chained = {r["claim"] for r in store.select(queries.load("claim_chains"))}
    unchecked = {r["claim"]: r["why"] for r in store.select(
        "PREFIX pg: <https://w3id.org/provgraph/ns#> SELECT ?claim ?why WHERE { ?claim pg:checkable false ; "
        "pg:checkReason ?why }")}
    assert unattributed and chained and unchecked
    assert unattributed | chained | set(unchecked) == claims
    assert not unattributed & chained
    assert not unattributed & set(unchecked)
    assert set(unchecked.values()) <= {"analysis", "opinion", "fragment", "general", "prediction", "demand",
                                       "intention", "question", "non-response"}


def test_indirect_chains_name_the_intermediary_and_the_anonymous_root(store):
    rows = store.select(queries.load("indirect_chains"))
    assert any(r["intermediary"].startswith("RIA") and r["root"] == "sources within Ukraine’s security forces"
               for r in rows)
