"""`provgraph report` on the samples: the JSON contract, the flags a reader expects, other formats."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import DATA, SAMPLE_FILES, SAMPLES, assert_clean_error, make_store, run
from provgraph.reader import read_article

REASON_CODES = {"single-source", "anonymous-only", "unattributed", "hedged", "indirect-chain",
                "conflicting-figures", "circular-reporting"}
KEYS = {"claim", "text", "article", "article_title", "reasons", "sources", "chain", "evidence", "start", "end"}
SOURCE_KINDS = {"person", "organization", "outlet", "anonymous", "document"}
ARTICLES = {read_article(p).title: read_article(p).text for p in SAMPLE_FILES}


def claims_with(report: dict, needle: str) -> list[dict]:
    found = [c for c in report["claims"] if needle in c["text"] or needle in c["evidence"]]
    assert found, f"no flagged claim mentions {needle!r}"
    return found


def test_json_contract(sample_report):
    assert isinstance(sample_report, dict)
    assert sample_report["claims"]
    assert sample_report["articles"] == 2
    for c in sample_report["claims"]:
        assert KEYS <= set(c), KEYS - set(c)
        assert c["reasons"] and set(c["reasons"]) <= REASON_CODES
        assert len(c["reasons"]) == len(set(c["reasons"]))
        assert isinstance(c["sources"], list)
        for s in c["sources"]:
            assert set(s) >= {"label", "kind", "anonymous"}
            assert s["kind"] in SOURCE_KINDS and isinstance(s["anonymous"], bool)
        assert c["chain"][0] == c["article_title"]
        assert len(c["chain"]) >= 1 and all(isinstance(x, str) for x in c["chain"])
        if c["sources"]:
            assert c["chain"][-1] in {s["label"] for s in c["sources"]}
        assert c["claim"].startswith("https://") and c["article"].startswith("https://")
        assert isinstance(c["start"], int) and isinstance(c["end"], int) and c["start"] < c["end"]


def test_evidence_is_the_article_text_at_its_offsets(sample_report):
    for c in sample_report["claims"]:
        text = ARTICLES[c["article_title"]]
        assert text[c["start"]:c["end"]] == c["evidence"]
        for part in c["text"].split(" … "):  # the claim is (parts of) its evidence sentence
            assert part.strip("“”‘’\"' .,") in c["evidence"]


def test_report_covers_both_articles(sample_report):
    assert {c["article_title"] for c in sample_report["claims"]} == set(ARTICLES)


def test_anonymous_source_through_an_intermediary(sample_report):
    [c] = claims_with(sample_report, "11,000")
    assert {"indirect-chain", "anonymous-only"} <= set(c["reasons"])
    root = "sources within Ukraine’s security forces"
    assert c["chain"][-1] == root
    assert c["chain"][-2] in ("RIA", "RIA Novosti")  # the outlet, maybe under its canonical name
    assert c["chain"][0] == "Convicts recruited by Ukraine's Armed Forces desert, RIA reports"
    kinds = {s["label"]: (s["kind"], s["anonymous"]) for s in c["sources"]}
    assert kinds[root] == ("anonymous", True)
    assert kinds[c["chain"][-2]] == ("outlet", False)


def test_journalist_is_a_single_source(sample_report):
    [c] = claims_with(sample_report, "213,000")
    assert "single-source" in c["reasons"]
    assert {"label": "Vladimir Boyko", "kind": "person", "anonymous": False} in c["sources"]
    assert c["chain"][-1] == "Vladimir Boyko"


@pytest.mark.parametrize("figure", ["30,000", "160,000"])
def test_general_is_a_single_source(sample_report, figure):
    [c] = claims_with(sample_report, figure)
    assert "single-source" in c["reasons"]
    assert [s["label"] for s in c["sources"]] == ["Valery Gerasimov"]
    assert c["sources"][0]["kind"] == "person"


def test_the_documents_the_figures_came_from_are_document_sources(runner, sample_store, sample_report):
    # "These figures, sourced from internal military logs and court records, ...": both on record
    query = 'SELECT ?label WHERE { ?s pg:sourceKind "document" ; rdfs:label ?label }'
    rows = json.loads(run(runner, "query", query, "--format", "json", "--store", sample_store).stdout)
    assert {"internal military logs", "court records"} <= {r["label"] for r in rows}
    # ... and the figures stay the journalist's alone: no second line of sourcing
    [c] = claims_with(sample_report, "213,000")
    assert [s["label"] for s in c["sources"]] == ["Vladimir Boyko"]


def test_dog_story_is_hedged(sample_report):
    [c] = [c for c in claims_with(sample_report, "allegedly") if "Borys" in c["evidence"]]
    assert "hedged" in c["reasons"]
    assert "allegedly" in c["hedges"]


def test_figure_with_no_source_is_unattributed(sample_report):
    [c] = claims_with(sample_report, "21,600")
    assert "unattributed" in c["reasons"]
    assert c["sources"] == []


def test_quote_from_a_senior_officer_is_anonymous_only(sample_report):
    [c] = [c for c in sample_report["claims"] if "a senior officer" in c["evidence"]
           and "Quality management in the army" in c["text"]]
    assert "anonymous-only" in c["reasons"]
    assert c["chain"][-1] == "a senior officer"
    assert all(s["anonymous"] for s in c["sources"])


def test_not_everything_is_flagged_unattributed(sample_report):
    reasons = [c["reasons"] for c in sample_report["claims"]]
    assert any("unattributed" not in r for r in reasons)
    assert any("unattributed" in r for r in reasons)


@pytest.mark.parametrize("title", sorted(ARTICLES))
def test_fewer_flags_than_sentences(sample_report, title):
    lines = [line for line in ARTICLES[title].splitlines() if line.strip()]  # at least one sentence each
    flagged = [c for c in sample_report["claims"] if c["article_title"] == title]
    assert 0 < len(flagged) < len(lines)


def test_opinion_sentences_are_not_flagged(sample_report):
    evidence = {c["evidence"] for c in sample_report["claims"]}
    assert "The legal repercussions are severe." not in evidence
    assert "For the military, the challenge remains immense." not in evidence


def test_text_report_mentions_both_articles(runner, sample_store):
    out = run(runner, "report", "--store", sample_store).stdout
    for title in ARTICLES:
        assert title in out
    assert "11,000" in out and "Vladimir Boyko" in out


def test_reason_filter(runner, sample_store):
    report = json.loads(run(runner, "report", "--reason", "hedged", "--format", "json", "--store", sample_store).stdout)
    assert report["claims"]
    assert all(c["reasons"] == ["hedged"] for c in report["claims"])


def test_csv_report(runner, sample_store, sample_report):
    out = run(runner, "report", "--format", "csv", "--store", sample_store).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert KEYS <= set(rows[0])
    assert len(rows) == len(sample_report["claims"])
    assert {r["claim"] for r in rows} == {c["claim"] for c in sample_report["claims"]}


def test_markdown_report(runner, sample_store, sample_report):
    out = run(runner, "report", "--format", "markdown", "--store", sample_store).stdout
    assert out.startswith("# ")
    table_rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| id |")]
    assert len(table_rows) == len(sample_report["claims"])
    assert all(line.count(" | ") >= 5 for line in table_rows)


def test_output_file(runner, sample_store, tmp_path):
    target = tmp_path / "report.json"
    run(runner, "report", "--format", "json", "-o", target, "--store", sample_store)
    assert json.loads(target.read_text(encoding="utf-8"))["articles"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no partial file left beside it


def test_a_report_cut_short_leaves_the_old_output_file_whole(runner, sample_store, tmp_path, monkeypatch):
    """JSON and CSV are written as the claims are read; a failure half-way keeps the file there was."""
    from provgraph import summary

    target = tmp_path / "report.csv"
    target.write_text("yesterday's report\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(summary, "load", broken)
    assert_clean_error(run(runner, "report", "--format", "csv", "-o", target, "--store", sample_store, ok=False),
                       "Input/output error")
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


@pytest.fixture
def hostile_store(runner, tmp_path):
    return make_store(runner, tmp_path, DATA / "hostile_markup.txt")


def test_csv_cells_that_look_like_formulas_are_escaped(runner, hostile_store):
    out = run(runner, "report", "--format", "csv", "--store", hostile_store).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    texts = [r["text"] for r in rows]
    assert any(t.startswith("'=cmd") for t in texts), texts
    for row in rows:
        for value in row.values():
            assert not re.match(r"[=+\-@]", value), value


def test_markdown_escapes_markup(runner, hostile_store):
    out = run(runner, "report", "--format", "markdown", "--store", hostile_store).stdout
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_report_without_a_store_is_a_clean_error(runner, tmp_path):
    result = run(runner, "report", "--store", tmp_path / "missing", ok=False)
    assert_clean_error(result, "no provgraph store")


def test_report_opens_with_the_count_and_shows_ids_that_claim_accepts(runner, sample_store, sample_report):
    out = run(runner, "report", "--store", sample_store).stdout
    assert out.startswith(f"{sample_report['flagged_claims']} of {sample_report['total_claims']} claims flagged in 2 articles")
    first = sample_report["claims"][0]
    assert f"[1] {first['id']}  “" in out
    for ref in (first["id"], first["claim"], "1"):  # the ID, the IRI, the report's number
        shown = run(runner, "claim", ref, "--store", sample_store).stdout
        assert first["claim"] in shown


def test_claim_help_example_works(runner, sample_store):
    from provgraph.cli import claim
    example = next(line for line in claim.help.splitlines() if line.strip().startswith("Example:"))
    args = example.split("provgraph ", 1)[1].split()
    assert first_line(run(runner, *args, "--store", sample_store).stdout).startswith("claim: “Kyiv recruited")


def first_line(text: str) -> str:
    return text.splitlines()[0]


def test_report_is_sorted_by_severity_and_top_keeps_the_most_serious(runner, sample_store, sample_report):
    order = ["high", "medium", "low"]
    levels = [order.index(c["severity"]) for c in sample_report["claims"]]
    assert levels == sorted(levels)
    top = json.loads(run(runner, "report", "--top", "3", "--format", "json", "--store", sample_store).stdout)
    assert [c["claim"] for c in top["claims"]] == [c["claim"] for c in sample_report["claims"][:3]]
    assert "showing the 3 most serious" in run(runner, "report", "--top", "3", "--store", sample_store).stdout


def test_non_checkable_claims_are_only_in_report_all(runner, sample_store, sample_report):
    everything = json.loads(run(runner, "report", "--all", "--format", "json", "--store", sample_store).stdout)
    assert len(everything["claims"]) == everything["total_claims"] == sample_report["total_claims"]
    unflagged = [c for c in everything["claims"] if not c["reasons"]]
    assert unflagged and all(not c["checkable"] and c["check"] for c in unflagged)
    flagged_ids = {c["claim"] for c in sample_report["claims"]}
    assert not flagged_ids & {c["claim"] for c in unflagged}


@pytest.mark.parametrize("text", [
    "With the convicts recruited under the conditional early release program now abandoning their posts",
    "has become a symbol of resistance",
    "While the story may be apocryphal, it underscores",
    "paint a stark picture",
    "a ticking time bomb",
])
def test_the_samples_non_checkable_texts_are_not_flagged(sample_report, text):
    assert not [c for c in sample_report["claims"] if text in c["text"]]


def test_the_samples_hedged_backfire_is_flagged(sample_report):
    [c] = [c for c in sample_report["claims"] if "appears to have backfired" in c["text"]]
    assert "hedged" in c["reasons"] and "appears" in c["hedges"]


def test_markdown_carries_no_link_or_image_from_a_title(runner, tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said 40 homes were lost on Monday, the agency reported.\n")
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"title": "Flood ![pixel](http://tracker.example/p.png) [more](javascript:alert(1))"}))
    store = make_store(runner, tmp_path, tmp_path / "a.txt")
    out = run(runner, "report", "--format", "markdown", "--all", "--store", store).stdout
    assert "](" not in out.replace("\\](", "") and "![" not in out
    assert "javascript" in out  # shown, as text


def test_a_report_comes_in_pages_whose_numbers_claim_accepts(runner, sample_store, sample_report):
    page = json.loads(run(runner, "report", "--format", "json", "--offset", "5", "--top", "3",
                          "--store", sample_store).stdout)
    assert [c["claim"] for c in page["claims"]] == [c["claim"] for c in sample_report["claims"][5:8]]
    assert page["offset"] == 5
    limited = json.loads(run(runner, "report", "--format", "json", "--offset", "5", "--limit", "3",
                             "--store", sample_store).stdout)
    assert limited["claims"] == page["claims"]  # --limit is --top's other name
    out = run(runner, "report", "--offset", "5", "--top", "3", "--store", sample_store).stdout
    assert "showing numbers 6 to 8" in out and "[6] " in out and "[1] " not in out
    assert sample_report["claims"][5]["claim"] in run(runner, "claim", "6", "--store", sample_store).stdout
    assert_clean_error(run(runner, "claim", "1", "--store", sample_store, ok=False), "numbered claims 6 to 8")


def test_a_registry_in_the_working_folder_is_not_read_unless_named(runner, sample_store, tmp_path, monkeypatch):
    """Issue 16: a file anyone could leave in the folder must not change grades and flags silently."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROVGRAPH_REGISTRY", raising=False)
    (tmp_path / "sources.yaml").write_text("sources:\n  - {name: Christoph Vanner, grade: E}\n", encoding="utf-8")
    result = run(runner, "report", "--format", "json", "--store", sample_store)
    assert "note: sources.yaml in this folder is not read unless named: --registry sources.yaml" in result.stderr
    assert not any("low-reliability" in c["reasons"] for c in json.loads(result.stdout)["claims"])
    named = run(runner, "report", "--format", "json", "--registry", "sources.yaml", "--store", sample_store)
    assert any("low-reliability" in c["reasons"] for c in json.loads(named.stdout)["claims"])


def test_anonymous_sources_flag_opinions_but_not_what_states_nothing(runner, tmp_path):
    """Issue 12: anonymity is for information, so an anonymous prediction is flagged; a question or a
    fragment credited to unnamed people states nothing and is not."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour closes early\n\nThe port will reopen on Friday, officials said.\n\n"
                                  "A person familiar with the talks said: \"Why now?\"\n\nOfficials said the storm.\n",
                                  encoding="utf-8")
    store = tmp_path / "store"
    run(runner, "ingest", folder, "--store", store)
    claims = json.loads(run(runner, "report", "--all", "--format", "json", "--store", store).output)["claims"]
    reasons = {c["check"]: c["reasons"] for c in claims}
    assert reasons["prediction"] == ["anonymous-only"]
    assert reasons["question"] == [] and reasons["fragment"] == []


def test_an_opinion_read_from_unnamed_data_is_no_anonymous_source(runner, tmp_path):
    """"Polls suggest a close race": a reading of data, not a person who asked not to be named."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Race tightens\n\nPolls suggest the race will be very close in Ohio.\n\n"
                                  "Aides said the governor will not run again.\n", encoding="utf-8")
    store = tmp_path / "store"
    run(runner, "ingest", folder, "--store", store)
    claims = json.loads(run(runner, "report", "--all", "--format", "json", "--store", store).output)["claims"]
    reasons = {c["text"][:12]: c["reasons"] for c in claims}
    assert reasons["the race wil"] == [] and reasons["the governor"] == ["anonymous-only"]


@pytest.mark.parametrize("outlet, chained", [("The Gazette", False), ("The Herald", True)])
def test_an_unnamed_source_who_told_the_publisher_itself_is_no_indirect_chain(runner, tmp_path, outlet, chained):
    # "told the Gazette" in the Gazette is the paper's own anonymous sourcing; in the Herald a relay
    (tmp_path / "a.txt").write_text("A harbour official told the Gazette on condition of anonymity that the port "
                                    "closed 45 berths in May.\n")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "Port closes berths", "outlet": outlet}))
    store = tmp_path / "store"
    run(runner, "ingest", tmp_path / "a.txt", "--store", store, "-q")
    (claim,) = json.loads(run(runner, "report", "--format", "json", "--store", store, "-q").stdout)["claims"]
    assert "anonymous-only" in claim["reasons"] and ("indirect-chain" in claim["reasons"]) is chained
