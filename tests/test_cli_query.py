"""`provgraph query`: ad-hoc, --file and --named queries as text (a table), JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time

import pytest

from conftest import assert_clean_error, run
from provgraph import queries

ARTICLES = "SELECT ?a ?t WHERE { ?a a <http://schema.org/NewsArticle> ; <http://schema.org/headline> ?t } ORDER BY ?t"
TITLES = ["Convicts recruited by Ukraine's Armed Forces desert, RIA reports",
          "Inside Ukraine's military command: quality management, desertion and a dog named Borys"]


def test_table(runner, sample_store):
    out = run(runner, "query", ARTICLES, "--store", sample_store).stdout
    lines = out.splitlines()
    assert lines[0].split() == ["a", "t"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(2 rows)"
    assert "Convicts recruited by Ukraine's Armed Forces desert" in out  # long cells are clipped


def test_json(runner, sample_store):
    rows = json.loads(run(runner, "query", ARTICLES, "--format", "json", "--store", sample_store).stdout)
    assert [r["t"] for r in rows] == TITLES
    assert all(r["a"].startswith("https://w3id.org/provgraph/id/article/") for r in rows)


def test_csv(runner, sample_store):
    out = run(runner, "query", ARTICLES, "--format", "csv", "--store", sample_store).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["t"] for r in rows] == TITLES


def test_typed_values_in_json(runner, sample_store):
    anon = json.loads(run(runner, "query", "PREFIX pg: <https://w3id.org/provgraph/ns#> SELECT DISTINCT ?anon "
                          "WHERE { ?s pg:anonymous ?anon } ORDER BY ?anon", "--format", "json",
                          "--store", sample_store).stdout)
    assert anon == [{"anon": False}, {"anon": True}]
    out = run(runner, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://schema.org/NewsArticle> }",
              "--format", "json", "--store", sample_store).stdout
    assert json.loads(out) == [{"n": 2}]


def test_ask_and_construct(runner, sample_store):
    assert run(runner, "query", "ASK { ?s a <http://schema.org/Claim> }", "--store", sample_store).stdout.strip() == "true"
    out = run(runner, "query", "CONSTRUCT { ?a a <http://schema.org/NewsArticle> } WHERE { ?a a "
              "<http://schema.org/NewsArticle> }", "--store", sample_store).stdout
    assert out.count("<http://schema.org/NewsArticle>") == 2


def test_file(runner, sample_store, tmp_path):
    path = tmp_path / "articles.rq"
    path.write_text("# my query\n" + ARTICLES, encoding="utf-8")
    rows = json.loads(run(runner, "query", "--file", path, "--format", "json", "--store", sample_store).stdout)
    assert [r["t"] for r in rows] == TITLES


@pytest.mark.parametrize("name", queries.names())
@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_named(runner, sample_store, name, fmt):
    out = run(runner, "query", "--named", name, "--format", fmt, "--store", sample_store).stdout
    if fmt == "json":
        assert isinstance(json.loads(out), list)
    elif fmt == "csv":
        header = next(csv.reader(io.StringIO(out)))
        assert header and all(header)
    else:
        assert out.rstrip().endswith("rows)") or out.rstrip().endswith("row)")


def test_named_indirect_chains(runner, sample_store):
    rows = json.loads(run(runner, "query", "--named", "indirect_chains", "--format", "json",
                          "--store", sample_store).stdout)
    assert {r["root"] for r in rows} == {"sources within Ukraine’s security forces"}


def test_list(runner):
    out = run(runner, "query", "--list").stdout
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert listed == queries.names()
    assert all(len(line.split(maxsplit=1)) == 2 for line in out.splitlines())  # each with its description


@pytest.mark.parametrize("sparql", ["SELECT ?x WHERE { ?x ", "SELECT * WHERE { ?s ?p ?o } ORDER BY nosuch(?s)",
                                    "DROP ALL"])
def test_malformed_query_is_a_clean_error(runner, sample_store, sparql):
    result = run(runner, "query", sparql, "--store", sample_store, ok=False)
    assert_clean_error(result, "Error:")
    # and the store is untouched
    rows = json.loads(run(runner, "query", ARTICLES, "--format", "json", "--store", sample_store).stdout)
    assert len(rows) == 2


def test_unknown_named_query_is_a_clean_error(runner, sample_store):
    assert_clean_error(run(runner, "query", "--named", "nope", "--store", sample_store, ok=False),
                       "no named query 'nope'")


@pytest.mark.parametrize("args", [[], [ARTICLES, "--named", "claims"]])
def test_exactly_one_query_source(runner, sample_store, args):
    result = run(runner, "query", *args, "--store", sample_store, ok=False)
    assert result.exit_code == 2
    assert "exactly one" in result.output


def test_missing_store_is_a_clean_error(runner, tmp_path):
    result = run(runner, "query", ARTICLES, "--store", tmp_path / "nothing-here", ok=False)
    assert_clean_error(result, "no provgraph store")
    assert not (tmp_path / "nothing-here").exists()


@pytest.fixture
def listener():
    """A local HTTP server that records every request it gets (stands in for any remote host)."""
    import http.server
    import threading

    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self):
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_GET = do_POST = _record

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
])
def test_a_query_never_reaches_another_host_unless_allowed(runner, sample_store, listener, template):
    url, hits = listener
    query = template.format(url=url)
    refused = run(runner, "query", query, "--store", sample_store, ok=False)
    assert_clean_error(refused, "SERVICE", "--allow-network")
    assert hits == []
    if "silent" not in query:  # (a silent failure may be skipped by the engine; the refusal is the point)
        failed = run(runner, "query", query, "--allow-network", "--store", sample_store, ok=False)
        assert hits, "with --allow-network the query is sent"
        assert_clean_error(failed, "the query failed")  # the host answered 500: one line, store released


def test_words_that_only_look_like_service_are_fine(runner, sample_store):
    query = 'SELECT ?service WHERE { ?service ?p "SERVICE" } LIMIT 1 # SERVICE <http://example.org/>'
    run(runner, "query", query, "--store", sample_store)


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 787^3 rows on the samples


def test_a_runaway_query_stops_at_its_timeout(runner, sample_store):
    started = time.monotonic()
    result = run(runner, "query", SLOW, "--timeout", "0.5", "--store", sample_store, ok=False)
    assert_clean_error(result, "stopped after 0.5 s")
    assert time.monotonic() - started < 10


def test_ctrl_c_stops_a_long_query_with_one_line(sample_store):
    proc = subprocess.Popen([sys.executable, "-m", "provgraph.cli", "query", SLOW, "--store", str(sample_store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 1 and "stopped (Ctrl-C)" in err and "Traceback" not in err


def test_a_binary_query_file_is_one_line(runner, sample_store, tmp_path):
    """Issue 16: `--file` of a binary file was a UnicodeDecodeError traceback."""
    path = tmp_path / "q.rq"
    path.write_bytes(bytes(range(256)))
    result = run(runner, "query", "--file", path, "--store", sample_store, ok=False)
    assert_clean_error(result, "q.rq: not UTF-8 text (byte 128)")
