"""`provgraph stats`: counts that agree with the store's contents."""

from __future__ import annotations

import json

from conftest import DATA, assert_clean_error, make_store, run


def test_json_counts_for_the_samples(runner, sample_store, sample_report):
    stats = json.loads(run(runner, "stats", "--format", "json", "--store", sample_store).stdout)
    assert stats["articles"] == 2
    assert stats["claims"] == sample_report["total_claims"] >= len(sample_report["claims"])
    assert stats["sources"] > 0 and stats["attributions"] > 0
    assert stats["triples"] > stats["claims"]
    assert stats["store"] == str(sample_store)


def test_table(runner, sample_store):
    out = run(runner, "stats", "--store", sample_store).stdout
    rows = dict(line.split(maxsplit=1) for line in out.splitlines())
    assert rows["articles"] == "2"
    assert {"claims", "attributions", "sources", "triples"} <= set(rows)


def test_counts_grow_with_a_new_article(runner, tmp_path):
    store = make_store(runner, tmp_path, DATA / "harbour_strike.txt")
    one = json.loads(run(runner, "stats", "--format", "json", "--store", store).stdout)
    run(runner, "ingest", DATA / "opinion_only.txt", "--store", store)
    two = json.loads(run(runner, "stats", "--format", "json", "--store", store).stdout)
    assert (one["articles"], two["articles"]) == (1, 2)
    assert two["claims"] == one["claims"]  # an opinion piece adds no claims


def test_missing_store(runner, tmp_path):
    assert_clean_error(run(runner, "stats", "--store", tmp_path / "none", ok=False), "no provgraph store")
