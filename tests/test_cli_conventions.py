"""What every command shares: -q/-v, one set of format names (-o FILE picks one by its suffix),
shell completion, counts in good English and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
import rdflib
import tqdm

from conftest import DATA, REPO, assert_clean_error, make_store, run
from provgraph.cli import RDF_FORMATS, cli
from provgraph.render import count

FORMAT_NAMES = {"text", "json", "csv", "markdown", "jsonl", *RDF_FORMATS}
HARBOUR = DATA / "harbour_strike.txt"


def formats(command: str) -> list[str]:
    return next(p.type.choices for p in cli.commands[command].params if p.name == "fmt")


def summary_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


# ---- -q and -v --------------------------------------------------------------------------------

@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_takes_quiet_and_verbose(runner, command):
    out = run(runner, command, "-h").output
    assert "-q, --quiet" in out and "-v, --verbose" in out


@pytest.mark.parametrize("where", ["group", "command"])
def test_quiet_ingest_says_nothing(runner, tmp_path, where):
    args = ["-q", "ingest", HARBOUR] if where == "group" else ["ingest", "-q", HARBOUR]
    result = run(runner, *args, "--store", tmp_path / "store")
    assert result.stderr == ""
    assert (tmp_path / "store").is_dir()


def test_quiet_still_prints_errors(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(b"")
    shutil.copy(HARBOUR, folder / "good.txt")
    result = run(runner, "ingest", "-q", folder, "--store", tmp_path / "store", ok=False)
    assert result.exit_code == 1
    assert summary_lines(result.stderr) == [f"error: {folder / 'broken.txt'}: the file is empty"]


def test_quiet_hides_notes_of_other_commands(runner, tmp_path, sample_store, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(REPO / "samples" / "sources.yaml", tmp_path / "sources.yaml")  # report says it is not read
    loud = run(runner, "report", "-o", "report.txt", "--store", sample_store)
    assert "note: sources.yaml in this folder" in loud.stderr and "wrote report.txt" in loud.stderr
    quiet = run(runner, "report", "-q", "-o", "report.txt", "--store", sample_store)
    assert quiet.stderr == "" and "claims flagged" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert run(runner, "-q", "export", "-o", "graph.ttl", "--store", sample_store).stderr == ""


def test_quiet_turns_the_progress_bar_off(runner, tmp_path, monkeypatch):
    bars = []

    class Recording(tqdm.tqdm):
        def __init__(self, *args, **kwargs):
            bars.append(kwargs["disable"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(tqdm, "tqdm", Recording)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(20):
        (folder / f"a{i:02}.txt").write_text(f"The bridge will reopen on day {i}, the mayor said.", encoding="utf-8")
    run(runner, "ingest", folder, "--store", tmp_path / "store")
    run(runner, "ingest", "-q", folder, "--store", tmp_path / "store")
    assert bars == [None, True]  # None: drawn on a terminal (the runner's stderr is not one)


def test_verbose_ingest_names_each_file_and_the_time(runner, tmp_path):
    store = tmp_path / "store"
    run(runner, "ingest", HARBOUR, "--store", store)
    result = run(runner, "ingest", "-v", HARBOUR, DATA / "opinion_only.txt", "--store", store)
    lines = summary_lines(result.stderr)
    assert f"{HARBOUR}: unchanged, " in lines[0] and lines[0].endswith(" claims")
    assert lines[1] == f"{DATA / 'opinion_only.txt'}: added, 0 claims"
    assert re.fullmatch(r"ingest: \d+\.\d\d s", lines[-1])
    plain = summary_lines(run(runner, "ingest", HARBOUR, "--store", store).stderr)
    assert len(plain) == 1 and plain[0].startswith("1 of 1 file: 0 added, 1 unchanged")


def test_verbose_load_and_import_name_each_shard_and_graph(runner, tmp_path, sample_store):
    run(runner, "extract", HARBOUR, "--format", "nquads", "-o", tmp_path / "shards")
    loaded = run(runner, "load", "-v", tmp_path / "shards", "--store", tmp_path / "a")
    assert re.search(r"shard-00000\.nq: \d+ quads\n", loaded.stderr)
    assert "loaded 1 shard (" in loaded.stderr
    run(runner, "export", "-o", tmp_path / "samples.trig", "--store", sample_store)
    imported = run(runner, "import", "-v", tmp_path / "samples.trig", "--store", tmp_path / "b")
    assert imported.stderr.count("graph https://w3id.org/provgraph/id/graph/") >= 2


def test_warnings_are_one_line_and_quiet_hides_them(runner, tmp_path):
    """The store's own warning (a write cut short) reads like the others, and -q silences it."""
    from provgraph.store import JOURNAL

    store = make_store(runner, tmp_path, HARBOUR)
    graph = json.loads(run(runner, "query", "SELECT ?g WHERE { GRAPH ?g { ?a a schema:NewsArticle } }",
                           "--format", "json", "--store", store).stdout)[0]["g"]
    (store / JOURNAL).write_text(graph + "\n", encoding="utf-8")
    lines = summary_lines(run(runner, "reindex", "--store", store).stderr)
    assert lines[0] == (f"warning: the store {store} was closed in the middle of writing 1 article, now "
                        "removed so that it holds whole articles only: run the ingest again with --resume to store "
                        "what was cut short")
    (store / JOURNAL).write_text(graph + "\n", encoding="utf-8")
    assert run(runner, "reindex", "-q", "--store", store).stderr == ""


def test_quiet_and_verbose_together_is_a_usage_error(runner, tmp_path):
    result = run(runner, "-q", "stats", "-v", "--store", tmp_path, ok=False)
    assert_clean_error(result, "give --quiet or --verbose, not both")
    assert result.exit_code == 2


# ---- one set of format names ----------------------------------------------------------------

@pytest.mark.parametrize("command", sorted(c for c in cli.commands if any(p.name == "fmt" for p in
                                                                          cli.commands[c].params)))
def test_format_names_are_one_set(command):
    names = formats(command)
    assert set(names) <= FORMAT_NAMES
    assert "table" not in names


@pytest.mark.parametrize("command", ["query", "stats"])
def test_table_is_still_accepted_for_text(runner, sample_store, command):
    args = [command] + (["SELECT ?s WHERE { ?s a <http://schema.org/NewsArticle> }"] if command == "query" else [])
    text = run(runner, *args, "--format", "text", "--store", sample_store).stdout
    assert run(runner, *args, "--format", "table", "--store", sample_store).stdout == text
    assert run(runner, *args, "--store", sample_store).stdout == text
    assert f"--format [{'|'.join(formats(command))}]" in run(runner, command, "-h").output
    assert formats(command)[0] == "text"


def test_format_names_in_any_case(runner, sample_store):
    assert json.loads(run(runner, "stats", "--format", "JSON", "--store", sample_store).stdout)["articles"] == 2


@pytest.mark.parametrize("command, name, check", [
    ("report", "r.json", lambda s: json.loads(s)["claims"]),
    ("report", "r.csv", lambda s: next(csv.reader(io.StringIO(s)))[:2] == ["id", "claim"]),
    ("report", "r.md", lambda s: s.startswith("# Weakly sourced claims")),
    ("report", "r.txt", lambda s: re.match(r"\d+ of \d+ claims flagged in 2 articles", s)),
    ("report", "r.out", lambda s: re.match(r"\d+ of \d+ claims", s)),  # a suffix that names no format: the default
    ("stats", "s.json", lambda s: json.loads(s)["articles"] == 2),
    ("validate", "v.json", lambda s: json.loads(s)["conforms"]),
    ("export", "g.ttl", lambda s: len(rdflib.Graph().parse(data=s, format="turtle")) > 100),
    ("export", "g.rdf", lambda s: len(rdflib.Graph().parse(data=s, format="xml")) > 100),
    ("export", "g.nt", lambda s: len(rdflib.Graph().parse(data=s, format="nt")) > 100),
    ("export", "g.json", lambda s: "@context" in json.loads(s)),  # JSON-LD: export writes no plain JSON
])
def test_output_file_name_chooses_the_format(runner, sample_store, tmp_path, command, name, check):
    run(runner, command, "-o", tmp_path / name, "--store", sample_store)
    assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_query_and_claim_output_by_suffix(runner, sample_store, sample_report, tmp_path):
    run(runner, "query", "SELECT ?s WHERE { ?s a <http://schema.org/NewsArticle> }", "-o", tmp_path / "q.csv",
        "--store", sample_store)
    assert (tmp_path / "q.csv").read_text(encoding="utf-8").splitlines()[0] == "s"
    run(runner, "claim", sample_report["claims"][0]["id"], "-o", tmp_path / "c.json", "--store", sample_store)
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["claim"]


def test_an_explicit_format_wins_over_the_suffix_with_a_note(runner, sample_store, tmp_path):
    result = run(runner, "report", "--format", "json", "-o", tmp_path / "r.txt", "--store", sample_store)
    assert json.loads((tmp_path / "r.txt").read_text(encoding="utf-8"))["claims"]
    assert f"note: writing json to {tmp_path / 'r.txt'}, whose name says text" in result.stderr
    result = run(runner, "report", "--format", "json", "-o", tmp_path / "r.ttl", "--store", sample_store)
    assert f"note: writing json to {tmp_path / 'r.ttl'}, whose name says turtle" in result.stderr


def test_output_dash_is_stdout(runner, sample_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run(runner, "stats", "-o", "-", "--format", "json", "--store", sample_store).stdout
    assert json.loads(out)["articles"] == 2 and not (tmp_path / "-").exists()


def test_rdfxml_export_says_it_holds_the_union_graph(runner):
    out = run(runner, "export", "-h").output
    assert "rdfxml" in out and "RDF/XML cannot hold named graphs" in " ".join(out.split())


def test_rdfxml_round_trip(runner, sample_store, tmp_path):
    run(runner, "export", "-o", tmp_path / "graph.rdf", "--store", sample_store)
    result = run(runner, "import", tmp_path / "graph.rdf", "--store", tmp_path / "store")
    assert "1 file: " in result.stderr and "in 1 graph" in result.stderr  # no named graphs: one import graph
    stats = json.loads(run(runner, "stats", "--format", "json", "--store", tmp_path / "store").stdout)
    assert stats["articles"] == 2


# ---- shell completion -----------------------------------------------------------------------

def complete(runner, words: str) -> list[str]:
    """What bash offers on Tab with the cursor at the end of `words`."""
    cword = len(words.split()) - 1 + words.endswith(" ")
    env = {"_PROVGRAPH_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = runner.invoke(cli, [], prog_name="provgraph", env=env)
    assert result.exit_code == 0, result.output
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_completion_of_command_names(runner):
    assert complete(runner, "provgraph re") == ["reindex", "remove", "report"]


def test_completion_of_format_names(runner):
    assert complete(runner, "provgraph report --format ") == ["text", "json", "csv", "markdown"]
    assert complete(runner, "provgraph export --format n") == ["nquads", "ntriples"]


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F _provgraph_completion provgraph"),
                                           ("zsh", "#compdef provgraph"),
                                           ("fish", "complete --no-files --command provgraph")])
def test_completion_script_for_each_shell(runner, shell, marker):
    result = runner.invoke(cli, [], prog_name="provgraph", env={"_PROVGRAPH_COMPLETE": f"{shell}_source"})
    assert result.exit_code == 0 and marker in result.stdout


def test_readme_shows_how_to_set_completion_up():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## Shell completion" in readme
    for shell in ("bash", "zsh", "fish"):
        assert f"_PROVGRAPH_COMPLETE={shell}_source provgraph" in readme


# ---- counts ---------------------------------------------------------------------------------

def test_count():
    assert [count(n, "claim") for n in (0, 1, 2, 1500)] == ["0 claims", "1 claim", "2 claims", "1,500 claims"]


def test_no_one_with_a_plural_anywhere(runner, tmp_path):
    """One article, one shard, one row: every message that counts says it in the singular."""
    store = make_store(runner, tmp_path, HARBOUR)
    said = [run(runner, "ingest", HARBOUR, "--store", store).stderr,
            run(runner, "report", "--store", store).stdout,
            run(runner, "query", "SELECT ?a WHERE { ?a a <http://schema.org/NewsArticle> }", "--store", store).stdout,
            run(runner, "reindex", "--store", store).stderr,
            run(runner, "validate", "--store", store).stdout]
    run(runner, "extract", HARBOUR, "--format", "nquads", "-o", tmp_path / "shards")
    said.append(run(runner, "load", tmp_path / "shards", "--store", tmp_path / "loaded").stderr)
    said.append(run(runner, "remove", "harbour_strike.txt", "--store", store).stderr)
    text = "\n".join(said)
    assert "1 of 1 file:" in text and "in 1 article" in text and "(1 row)" in text and "loaded 1 shard" in text
    assert "1 article and" in text
    nouns = "article|claim|file|row|shard|quad|graph|statement|correction|node|edge|violation|warning|report|" \
            "root|triple|source|cluster|link|conflict|loop|attribution"
    assert not re.findall(rf"(?<![\d,.])1 (?:[a-z-]+ )?(?:{nouns})s\b", text), text


# ---- one-line errors ------------------------------------------------------------------------

@pytest.fixture
def bad_shapes(tmp_path):
    path = tmp_path / "shapes.ttl"
    path.write_text("a: [\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("args, needle", [
    (["report", "--endpoint", "notaurl"], "is not an http:// or https:// URL"),
    (["report", "--endpoint", "file:///etc/passwd"], "is not an http:// or https:// URL"),
    (["report", "-o", "{tmp}/r.ttl"], "a .ttl file holds turtle, and this command's formats are text, json"),
    (["export", "-o", "{tmp}/g.csv"], "a .csv file holds csv"),
    (["import", "{tmp}/notes.txt"], "a .txt file holds text"),
    (["view", "-o", "{tmp}/graph.txt"], "cannot draw a .txt picture"),
    (["validate", "--shapes", "{shapes}"], 'does not parse as Turtle: at line 1: Bad syntax (Prefix "a:" not bound)'),
    (["report", "--format", "xml"], "Invalid value for '--format'"),
    (["export", "-o", "{tmp}/missing/g.ttl"], "the folder"),
])
def test_user_mistakes_are_one_line(runner, sample_store, tmp_path, bad_shapes, args, needle):
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path, shapes=bad_shapes) for a in args]
    store = tmp_path / "store" if args[0] == "import" else sample_store  # never written to: all fail first
    result = run(runner, *args, "--store", store, ok=False)
    assert_clean_error(result, needle)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and result.output.rstrip().endswith(errors[0])


def test_a_folder_of_other_files_is_no_store(runner, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    for args in (["report"], ["stats"], ["ingest", DATA]):
        assert_clean_error(run(runner, *args, "--store", folder, ok=False), "is not a provgraph store")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]  # nothing written into it


def test_nothing_on_stdin_is_one_line(tmp_path):
    from click.testing import CliRunner
    result = CliRunner().invoke(cli, ["ingest", "-", "--store", str(tmp_path / "s")], input="")
    assert_clean_error(result, "nothing on stdin")
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("record, needle", [
    ('{"doc_id": "a", "text": 5}', "line 1: text must be a string, not a number"),
    ('{"doc_id": "a", "text": null}', "text must be a string, not null"),
    ('{"doc_id": "a", "text": ["x"]}', "text must be a string, not a list"),
    ('{"doc_id": {"a": 1}, "text": "Officials said 4 ships sank."}', "doc_id must be a string, not an object"),
])
def test_extract_jsonl_with_a_value_of_the_wrong_type_is_one_line(runner, tmp_path, record, needle):
    """Issue 16: `extract --jsonl` with non-string text was a TypeError traceback."""
    path = tmp_path / "docs.jsonl"
    path.write_text(record + "\n", encoding="utf-8")
    assert_clean_error(run(runner, "extract", "--jsonl", path, "-o", tmp_path / "out.jsonl", ok=False), needle)
