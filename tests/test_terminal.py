"""Issue 16: nothing the CLI prints can drive the terminal (OSC, CSI, C1, bidi overrides), whatever
it came from: a sidecar's title or outlet, a file name, an error message. JSON keeps the data."""

from __future__ import annotations

import json
import re

import pytest

from conftest import run

RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
TITLE = "Evil \x1b]0;pwned\x07 title \x1b[31mred\x1b[0m \u202eabc \x9b2J"


@pytest.fixture
def hostile_metadata(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Harbour master Ingrid Solberg said 40 ships were delayed on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": TITLE, "outlet": "Bad\x9b31m Outlet\x1b[2J"}),
                                          encoding="utf-8")
    store = tmp_path / "store"
    run(runner, "ingest", tmp_path / "a.txt", "--store", store)
    return store


@pytest.mark.parametrize("args", [
    ["report"], ["report", "--all"], ["report", "--format", "markdown"], ["report", "--format", "csv"],
    ["report", "--format", "json"], ["stats"],
    ["query", "SELECT ?t WHERE { ?a <http://schema.org/headline> ?t }"],
    ["query", "SELECT ?t WHERE { ?a <http://schema.org/headline> ?t }", "--format", "csv"],
    ["export", "--format", "nquads"],
])
def test_metadata_never_reaches_the_terminal_raw(runner, hostile_metadata, args):
    out = run(runner, *args, "--store", hostile_metadata).output
    assert not RAW.search(out), repr(RAW.search(out).group())
    if args[0] == "report" and "json" not in args and "csv" not in args:
        assert "\\u001b]0;pwned" in out.replace("\\]", "]")  # shown, not hidden (Markdown escapes the bracket)


def test_json_keeps_the_title_exactly(runner, hostile_metadata):
    report = json.loads(run(runner, "report", "--format", "json", "--store", hostile_metadata).output)
    assert report["claims"][0]["article_title"] == TITLE


def test_the_claim_view_and_error_messages_are_safe_too(runner, hostile_metadata, tmp_path):
    report = json.loads(run(runner, "report", "--format", "json", "--store", hostile_metadata).output)
    out = run(runner, "claim", report["claims"][0]["id"], "--store", hostile_metadata).output
    assert not RAW.search(out)
    bad = tmp_path / "bad\x1b]0;x\x07.txt"
    bad.write_text("", encoding="utf-8")
    result = run(runner, "ingest", bad, "--store", hostile_metadata, ok=False)
    assert result.exit_code != 0 and "the file is empty" in result.output
    assert not RAW.search(result.output)
