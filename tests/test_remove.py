"""`provgraph remove` and `ingest --replace`: an article taken back out leaves the store as if it
had never been ingested, and the claims it corroborated rest on their other reports again."""

from __future__ import annotations

import json

from conftest import SAMPLES, assert_clean_error, run

CORPUS = SAMPLES.parent / "tests" / "corpus"
POWER = ["ap_power_outage.txt", "ledger_fire_chief.txt", "valley_blog.txt"]


def nquads(runner, store) -> list[str]:
    return sorted(run(runner, "export", "--format", "nquads", "--store", store).stdout.splitlines())


def flagged(runner, store, words: str) -> list[list[str]]:
    report = json.loads(run(runner, "report", "--format", "json", "--store", store).stdout)
    return [c["reasons"] for c in report["claims"] if words in c["text"]]


def test_removing_an_article_leaves_the_store_as_if_it_was_never_ingested(runner, tmp_path):
    both, one = tmp_path / "both", tmp_path / "one"
    run(runner, "ingest", SAMPLES, "--store", both)
    run(runner, "ingest", SAMPLES / "desertion_quality_management.txt", "--store", one)
    result = run(runner, "remove", "convicts_desert_ria.txt", "--store", both)
    assert "1 article and 11 claims removed" in result.stderr
    assert nquads(runner, both) == nquads(runner, one)  # no orphan source, no stale analysis


def test_a_claim_loses_the_corroboration_of_a_removed_article(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", *[CORPUS / name for name in POWER], "--store", store)
    assert flagged(runner, store, "About 14,000 homes") == []  # three reports, two independent roots
    run(runner, "remove", "ledger_fire_chief.txt", "A night on Mill Lane", "--store", store)
    assert flagged(runner, store, "About 14,000 homes") == [["single-source"]]


def test_an_article_is_named_by_title_words_iri_or_hash(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", SAMPLES, "--store", store)
    rows = json.loads(run(runner, "query", "SELECT ?a ?h WHERE { ?a pg:contentHash ?h }", "--format", "json",
                          "--store", store).stdout)
    run(runner, "remove", rows[0]["h"][:12], "--store", store)
    run(runner, "remove", rows[1]["a"], "--store", store)
    assert "articles      0" in run(runner, "stats", "--store", store).stdout


def test_an_unknown_or_ambiguous_article_is_a_clean_error_and_removes_nothing(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", SAMPLES, "--store", store)
    before = nquads(runner, store)
    assert_clean_error(run(runner, "remove", "no-such-file.txt", "--store", store, ok=False), "no stored article")
    assert_clean_error(run(runner, "remove", "Ukraine", "--store", store, ok=False), "matches 2 articles")
    assert_clean_error(run(runner, "remove", "convicts_desert_ria.txt", "nothing-else", "--store", store, ok=False),
                       "nothing-else")
    assert nquads(runner, store) == before


def test_ingest_replace_swaps_an_edited_article_for_its_old_version(runner, tmp_path):
    folder, store = tmp_path / "articles", tmp_path / "store"
    folder.mkdir()
    article = folder / "bridge.txt"
    article.write_text("The mayor said the bridge closed on Friday after inspectors found cracks.\n")
    run(runner, "ingest", folder, "--store", store)
    article.write_text("The mayor said the bridge closed on Monday after inspectors found cracks.\n")
    run(runner, "ingest", folder, "--store", store)  # without --replace both versions stay
    assert "articles      2" in run(runner, "stats", "--store", store).stdout
    article.write_text("The mayor said the bridge closed on Tuesday after inspectors found cracks.\n")
    result = run(runner, "ingest", folder, "--replace", "--store", store)
    assert result.stderr.count("replaced") == 2
    texts = [r["t"] for r in json.loads(run(runner, "query", "SELECT ?t WHERE { ?a a schema:NewsArticle ; schema:text ?t }",
                                            "--format", "json", "--store", store).stdout)]
    assert len(texts) == 1 and "Tuesday" in texts[0]


def test_an_article_that_came_in_an_import_graph_is_refused_with_a_reason(runner, tmp_path):
    store, other = tmp_path / "store", tmp_path / "other"
    run(runner, "ingest", SAMPLES / "desertion_quality_management.txt", "--store", other)
    ttl = tmp_path / "g.ttl"
    run(runner, "export", "--format", "turtle", "-o", ttl, "--store", other)
    run(runner, "import", ttl, "--store", store)
    assert_clean_error(run(runner, "remove", "desertion_quality_management.txt", "--store", store, ok=False),
                       "provgraph import")
