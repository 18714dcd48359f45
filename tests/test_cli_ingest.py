"""`provgraph ingest`: files and folders into the store; bad files are named and skipped."""

from __future__ import annotations

import json
import shutil


from conftest import DATA, SAMPLES, assert_clean_error, run


def stats(runner, store) -> dict:
    return json.loads(run(runner, "stats", "--format", "json", "--store", store).stdout)


def test_ingest_samples_folder(runner, tmp_path):
    store = tmp_path / "store"
    result = run(runner, "ingest", SAMPLES, "--store", store)
    assert "2 files: 2 added, 0 unchanged, 0 failed" in result.output
    assert store.is_dir()
    assert stats(runner, store)["articles"] == 2


def test_store_from_environment(runner, tmp_path, monkeypatch):
    store = tmp_path / "env-store"
    monkeypatch.setenv("PROVGRAPH_STORE", str(store))
    run(runner, "ingest", DATA / "harbour_strike.txt")
    assert store.is_dir()
    assert stats(runner, store)["articles"] == 1


def test_folder_with_a_bad_file(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(b"")
    shutil.copy(DATA / "harbour_strike.txt", folder / "good.txt")
    store = tmp_path / "store"
    result = run(runner, "ingest", folder, "--store", store, ok=False)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "broken.txt" in result.stderr
    assert "1 added" in result.stderr and "1 failed" in result.stderr
    # the good article is stored whole
    assert stats(runner, store)["articles"] == 1
    texts = json.loads(run(runner, "query", "SELECT ?t WHERE { ?a a <http://schema.org/NewsArticle> ; "
                           "<http://schema.org/text> ?t }", "--format", "json", "--store", store).stdout)
    assert texts == [{"t": (DATA / "harbour_strike.txt").read_text(encoding="utf-8")}]


def test_strict_stops_at_the_bad_file(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-broken.txt").write_bytes(b"\x00\x01\x02binary")
    shutil.copy(DATA / "harbour_strike.txt", folder / "b-good.txt")
    result = run(runner, "ingest", "--strict", folder, "--store", tmp_path / "store", ok=False)
    assert_clean_error(result, "a-broken.txt")


def test_bad_utf16_file_is_named_and_skipped(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-broken.txt").write_bytes(b"\xff\xfe\x00")  # a BOM, then half a code unit
    shutil.copy(DATA / "harbour_strike.txt", folder / "b-good.txt")
    result = run(runner, "ingest", folder, "--store", tmp_path / "store", ok=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "a-broken.txt" in result.stderr
    assert stats(runner, tmp_path / "store")["articles"] == 1


def test_invalid_utf8_is_named(runner, tmp_path):
    bad = tmp_path / "mixed.txt"
    bad.write_bytes("Kyiv’s mayor said ".encode("utf-8") + "caf\u00e9s closed.".encode("cp1252"))
    result = run(runner, "ingest", bad, "--store", tmp_path / "store", ok=False)
    assert result.exit_code == 1
    assert "mixed.txt" in result.output and "UTF-8" in result.output
    assert "Traceback" not in result.output


def test_missing_path_is_a_clean_error(runner, tmp_path):
    result = run(runner, "ingest", tmp_path / "nope.txt", "--store", tmp_path / "store", ok=False)
    assert_clean_error(result, "nope.txt")


def test_folder_without_articles_is_a_clean_error(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "data.csv").write_text("a,b\n")
    result = run(runner, "ingest", tmp_path / "in", "--store", tmp_path / "store", ok=False)
    assert_clean_error(result, "no article files")


def test_reingest_is_unchanged_and_new_text_is_added(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", DATA / "harbour_strike.txt", "--store", store)
    before = stats(runner, store)
    result = run(runner, "ingest", DATA / "harbour_strike.txt", "--store", store)
    assert "0 added, 1 unchanged" in result.output
    assert stats(runner, store) == before
    run(runner, "ingest", DATA / "ferry_delays.md", "--store", store)
    assert stats(runner, store)["articles"] == 2


def test_html_and_markdown_articles(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", DATA / "page.html", DATA / "ferry_delays.md", "--store", store)
    rows = json.loads(run(runner, "query", "SELECT ?t WHERE { ?a <http://schema.org/headline> ?t } ORDER BY ?t",
                          "--format", "json", "--store", store).stdout)
    assert [r["t"] for r in rows] == ["Ferry delays spread along the coast", "Marlow strike: day three"]
