"""Every command against a real SPARQL server: Oxigraph server on loopback, started and stopped here."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from provgraph.cli import cli

SAMPLES = Path(__file__).parent.parent / "samples"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package `oxigraph`, in the test extra) is not installed")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("oxigraph server did not start")
    yield url
    os.kill(proc.pid, signal.SIGTERM)
    proc.wait(timeout=10)


def run(*args, env=None):
    result = CliRunner().invoke(cli, list(args), env=env)
    return result


def test_ingest_report_and_reingest_against_server(endpoint):
    env = {"PROVGRAPH_ENDPOINT": endpoint}
    first = run("ingest", str(SAMPLES), env=env)
    assert first.exit_code == 0, first.output
    assert "2 added" in first.output
    again = run("ingest", str(SAMPLES), env=env)
    assert "0 added, 2 unchanged" in again.output

    report = json.loads(run("report", "--format", "json", env=env).output)
    assert report["articles"] == 2
    ria = [c for c in report["claims"] if "11,000" in c["text"]]
    assert ria and "indirect-chain" in ria[0]["reasons"]
    assert ria[0]["chain"][-2:] == ["RIA Novosti", "sources within Ukraine’s security forces"]


def test_server_and_embedded_store_give_the_same_report(endpoint, tmp_path):
    run("ingest", str(SAMPLES), "--endpoint", endpoint)
    remote = json.loads(run("report", "--format", "json", "--endpoint", endpoint).output)
    store = str(tmp_path / "store")
    assert run("ingest", str(SAMPLES), "--store", store).exit_code == 0
    local = json.loads(run("report", "--format", "json", "--store", store).output)
    key = lambda r: sorted((c["claim"], tuple(c["reasons"]), tuple(c["chain"])) for c in r["claims"])
    assert key(remote) == key(local)


def test_query_export_and_stats_against_server(endpoint):
    run("ingest", str(SAMPLES), "--endpoint", endpoint)
    out = run("query", "--named", "indirect_chains", "--format", "json", "--endpoint", endpoint)
    rows = json.loads(out.output)
    assert {r["intermediary"] for r in rows} == {"RIA Novosti"}
    stats = json.loads(run("stats", "--format", "json", "--endpoint", endpoint).output)
    assert stats["articles"] == 2
    nquads = run("export", "--format", "nquads", "--endpoint", endpoint).output
    assert nquads.count("\n") == stats["triples"]


def test_unreachable_server_is_a_clear_error():
    result = run("report", "--endpoint", f"http://127.0.0.1:{_free_port()}/query")
    assert result.exit_code == 1
    assert "cannot reach the SPARQL server" in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def liar():
    """A local server that answers every request with 200 and whatever body and type it is told."""
    import http.server
    import threading

    answer = {"type": "text/html", "body": b"<html><body>Please log in</body></html>"}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", answer["type"])
            self.end_headers()
            self.wfile.write(answer["body"])

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", answer
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("content_type, body, needle", [
    ("text/html", b"<html><body>Please log in</body></html>", "answered text/html"),
    ("application/sparql-results+json", b'{"head": {"vars": ["n"]}, "results": ', "malformed JSON"),
    ("application/sparql-results+json", b'{"head": {"vars": ["n"]}, "results": 7}', "malformed JSON"),
])
def test_an_endpoint_that_lies_is_an_error_not_an_empty_report(liar, content_type, body, needle):
    """Issue 16: an HTML page or broken JSON with status 200 gave "0 weakly sourced claims", exit 0."""
    url, answer = liar
    answer.update(type=content_type, body=body)
    for args in (["report"], ["stats"], ["query", "SELECT ?s WHERE { ?s ?p ?o }"]):
        result = run(*args, "--endpoint", url)
        assert result.exit_code == 1 and needle in result.output and "Traceback" not in result.output, result.output


def test_validate_against_a_server_part_by_part(endpoint, tmp_path):
    """The parts are read over SPARQL as from the embedded store: the same result, then nothing to
    check on the next run."""
    env = {"PROVGRAPH_CACHE": str(tmp_path / "cache")}
    run("ingest", str(SAMPLES), "--endpoint", endpoint)
    store = str(tmp_path / "store")
    assert run("ingest", str(SAMPLES), "--store", store).exit_code == 0
    remote = json.loads(run("validate", "--format", "json", "--endpoint", endpoint, env=env).output)
    local = json.loads(run("validate", "--format", "json", "--store", store, env=env).output)
    assert remote["conforms"] and remote["parts"] == local["parts"] and remote["triples"] == local["triples"]
    again = json.loads(run("validate", "--format", "json", "--endpoint", endpoint, env=env).output)
    assert again["checked"] == 0
