"""The analyst's everyday commands: prefixes they need not type, stdin, files they name by glob,
output files in folders that may not exist, -h. Each test is a command a user would run."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import SAMPLES, assert_clean_error, run
from provgraph.cli import cli


def test_a_query_may_use_the_usual_prefixes_without_declaring_them(runner, sample_store):
    out = run(runner, "query", "SELECT ?c WHERE { ?c a schema:Claim ; pg:checkable true } LIMIT 1",
              "--format", "json", "--store", sample_store).stdout
    assert json.loads(out)[0]["c"].startswith("https://w3id.org/provgraph/id/claim/")


def test_a_query_that_declares_a_prefix_keeps_its_own(runner, sample_store):
    query = "PREFIX schema: <https://schema.org/> SELECT ?c WHERE { ?c a schema:Claim }"
    assert json.loads(run(runner, "query", query, "--format", "json", "--store", sample_store).stdout) == []


def test_prefixes_are_listed(runner):
    out = run(runner, "query", "--prefixes").stdout
    assert "PREFIX pg: <https://w3id.org/provgraph/ns#>" in out and "PREFIX dcterms:" in out


def test_an_error_names_the_users_line_not_ours(runner, sample_store):
    result = run(runner, "query", "SELECT ?c WHERE {\n ?c pg:checkReason ?why ", "--store", sample_store, ok=False)
    assert_clean_error(result, "at 2:")


def test_query_dash_reads_stdin(runner, sample_store):
    result = runner.invoke(cli, ["query", "-", "--format", "json", "--store",
                                                                 str(sample_store)],
                           input="SELECT (COUNT(*) AS ?n) WHERE { ?c a schema:Claim }")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["n"] >= 20


def test_the_table_shows_ids_whole_and_vocabulary_as_prefixed_names(runner, sample_store):
    out = run(runner, "query", "SELECT ?c ?p WHERE { ?c a schema:Claim ; ?p ?o } LIMIT 5",
              "--store", sample_store).stdout
    ids = [line.split()[0] for line in out.splitlines()[2:-1]]
    assert all(i.startswith("https://w3id.org/provgraph/id/claim/") and not i.endswith("…") for i in ids)
    assert "rdf:type" in out or "pg:" in out


def test_select_star_columns_come_in_the_order_written(runner, sample_store):
    out = run(runner, "query", "SELECT * WHERE { ?z pg:checkReason ?a ; pg:checkable ?m } LIMIT 1",
              "--store", sample_store).stdout
    assert out.splitlines()[0].split() == ["z", "a", "m"]


def test_files_named_by_glob_leave_out_sidecars_and_registries(runner, tmp_path):
    files = sorted(str(p) for p in SAMPLES.iterdir())
    result = run(runner, "ingest", *files, "--store", tmp_path / "store")
    assert "2 of 2 files: 2 added" in result.stderr
    assert "sources.yaml: YAML" in result.stderr and "skipped" in result.stderr
    assert "meta.json" not in result.stderr  # a sidecar beside its article is read with it, silently


def test_only_non_articles_named_is_a_clean_error(runner, tmp_path):
    result = run(runner, "ingest", SAMPLES / "sources.yaml", "--store", tmp_path / "store", ok=False)
    assert_clean_error(result, "no article files")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("args", [
    ["report", "-o", "{missing}/r.json"],
    ["export", "-o", "{missing}/g.trig"],
    ["view", "-o", "{missing}/g.html"],
    ["view", "--png", "{missing}/g.png"],
    ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-o", "{missing}/q.txt"],
    ["stats", "-o", "{missing}/s.txt"],
    ["claim", "1", "-o", "{missing}/c.txt"],
    ["extract", str(SAMPLES), "-o", "{missing}/a.jsonl"],
])
def test_an_output_file_in_a_missing_folder_is_one_line(runner, sample_store, tmp_path, args):
    args = [a.replace("{missing}", str(tmp_path / "no" / "such")) for a in args]
    store = [] if args[0] == "extract" else ["--store", sample_store]
    result = run(runner, *args, *store, ok=False)
    assert_clean_error(result, "does not exist")


def test_stats_and_claim_write_to_a_file(runner, sample_store, tmp_path):
    run(runner, "stats", "--format", "json", "-o", tmp_path / "s.json", "--store", sample_store)
    assert json.loads((tmp_path / "s.json").read_text())["articles"] == 2


@pytest.mark.parametrize("command", [[], ["ingest"], ["report"], ["query"]])
def test_dash_h_is_help(runner, command):
    out = run(runner, *command, "-h").stdout
    assert out.startswith("Usage: ") and "-h, --help" in out


def test_ingest_reads_one_article_from_stdin(runner, tmp_path):
    store = tmp_path / "store"
    result = runner.invoke(cli, ["ingest", "-", "--store", str(store)],
                           input="---\ntitle: Levee fails\n---\nThe council said the levee failed on Tuesday.\n")
    assert result.exit_code == 0, result.output
    rows = json.loads(run(runner, "query", "SELECT ?t WHERE { ?a schema:headline ?t }", "--format", "json",
                          "--store", store).stdout)
    assert rows == [{"t": "Levee fails"}]


def test_ingest_reads_a_jsonl_news_dump_with_its_own_field_names(runner, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([
        json.dumps({"id": "a1", "body": "The mayor said the bridge closed on Friday after inspectors found cracks.",
                    "headline": "Bridge shut", "url": "https://example.org/a1", "publisher": "Example Daily"}),
        "not json",
        json.dumps({"id": "a2", "body": "Officials said 40 people were hurt on Monday.", "headline": "40 hurt"}),
    ]) + "\n")
    store = tmp_path / "store"
    result = run(runner, "ingest", "--jsonl", dump, "--field", "text=body", "--store", store, ok=False)
    assert result.exit_code == 1 and "line 2: not JSON" in result.stderr  # the bad line is named, the rest stored
    rows = json.loads(run(runner, "query", "SELECT ?t ?u ?o WHERE { ?a schema:headline ?t . OPTIONAL { ?a schema:url ?u } "
                          "OPTIONAL { ?a schema:publisher/schema:name ?o } } ORDER BY ?t", "--format", "json",
                          "--store", store).stdout)
    assert rows == [{"t": "40 hurt", "u": None, "o": None},
                    {"t": "Bridge shut", "u": "https://example.org/a1", "o": "Example Daily"}]


def test_a_field_mapping_that_names_no_field_is_a_clean_error(runner, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "x"}\n')
    assert_clean_error(run(runner, "ingest", "--jsonl", dump, "--field", "body", "--store", tmp_path / "s", ok=False),
                       "FIELD=KEY")


@pytest.mark.parametrize("args, needle", [
    (["query", "--timeout", "nan", "SELECT * WHERE { ?s ?p ?o }"], "not a number"),
    (["claim", "http://a b"], "no claim matches"),
    (["report", "-o", "/dev/full"], "No space left"),
    (["export", "-o", "/dev/full"], "No space left"),
])
def test_user_mistakes_and_a_full_disk_are_one_line(runner, sample_store, args, needle):
    if args[-1] == "/dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    assert_clean_error(run(runner, *args, "--store", sample_store, ok=False), needle)


def test_ingest_reads_the_html_pages_of_a_web_archive(runner, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, kind in [
            ("https://news.example/2024/flood", b"<html><head><title>Flood</title></head><body>"
             b"<p>The mayor said 40 homes were lost on Monday.</p></body></html>", "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))
    store = tmp_path / "store"
    run(runner, "ingest", "--warc", warc, "--store", store)
    rows = json.loads(run(runner, "query", "SELECT ?t ?u WHERE { ?a schema:headline ?t ; schema:url ?u }",
                          "--format", "json", "--store", store).stdout)
    assert rows == [{"t": "Flood", "u": "https://news.example/2024/flood"}]  # the image is not an article


def test_ingest_reads_the_entries_of_a_feed(runner, tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Example Daily</title><item>'
                    "<title>Bridge shut</title><link>https://example.org/bridge</link>"
                    "<pubDate>Mon, 02 Dec 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;The council said the "
                    "bridge closed on Friday after inspectors found cracks.&lt;/p&gt;</description></item>"
                    "</channel></rss>", encoding="utf-8")
    store = tmp_path / "store"
    run(runner, "ingest", "--feed", feed, "--store", store)
    rows = json.loads(run(runner, "query", "SELECT ?t ?d ?o WHERE { ?a schema:headline ?t ; schema:datePublished ?d ; "
                          "schema:publisher/schema:name ?o }", "--format", "json", "--store", store).stdout)
    assert rows == [{"t": "Bridge shut", "d": "2024-12-02", "o": "Example Daily"}]


@pytest.mark.parametrize("option", ["--warc", "--feed"])
def test_a_broken_archive_or_feed_is_one_line_and_no_store(runner, tmp_path, option):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"garbage")
    result = run(runner, "ingest", option, bad, "--store", tmp_path / "store", ok=False)
    assert result.exit_code == 1 and "not a readable" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "store").exists()


def test_two_articles_piped_in_are_two_articles_and_a_page_is_read_as_html(runner, tmp_path):
    store = tmp_path / "store"
    for text in ("The council said the levee failed on Tuesday.\n", "The mayor said the bridge closed on Friday.\n"):
        assert runner.invoke(cli, ["ingest", "-", "--replace", "--store", str(store)], input=text).exit_code == 0
    page = "<!DOCTYPE html><html><head><title>Flood</title><script>var x=1;</script></head><body>" \
           "<p>The mayor said 40 homes were lost on Monday.</p></body></html>"
    assert runner.invoke(cli, ["ingest", "-", "--store", str(store)], input=page).exit_code == 0
    rows = json.loads(run(runner, "query", "SELECT ?t WHERE { ?a a schema:NewsArticle ; schema:text ?t }",
                          "--format", "json", "--store", store).stdout)
    assert len(rows) == 3  # --replace did not take the first piped article for the second
    assert not any("<script" in r["t"] or "var x" in r["t"] for r in rows)


def test_a_dump_record_keeps_only_article_metadata(runner, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a1", "text": "Officials said 40 people were hurt on Monday.",
                                "title": "40 hurt", "raw_html": "<p>" + "x" * 1_100_000 + "</p>"}) + "\n")
    run(runner, "ingest", "--jsonl", dump, "--store", tmp_path / "store")  # the big unrelated field is not metadata
    rows = json.loads(run(runner, "query", "SELECT ?t ?f WHERE { ?a schema:headline ?t ; pg:sourceFile ?f }",
                          "--format", "json", "--store", tmp_path / "store").stdout)
    assert rows == [{"t": "40 hurt", "f": "a1.txt"}]


def test_an_svg_named_without_a_suffix_is_an_svg(runner, sample_store, tmp_path):
    run(runner, "view", "--svg", tmp_path / "picture", "--store", sample_store)
    assert (tmp_path / "picture").read_bytes().lstrip().startswith(b"<?xml")


def test_a_page_past_the_end_says_so(runner, sample_store):
    out = run(runner, "report", "--offset", "100", "--store", sample_store).stdout
    assert "nothing after number 100" in out
