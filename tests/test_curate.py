"""`provgraph curate`: analysts' corrections win over the extractor, are attributed and timed, live in
their own graph, survive re-ingest, and change what the report and the analyses say."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import SAMPLES, assert_clean_error, make_store, run
from provgraph.curate import CURATION
from provgraph.store import Store
from test_validate import assert_valid

CORPUS = Path(__file__).resolve().parent / "corpus"
ID = "https://w3id.org/provgraph/id/"
GERASIMOV_160K = "00e3b7e3a5ce0d22b1c7/1161-1289"  # "over 160,000 criminal cases ...", single-source
OCTOBER = "00e3b7e3a5ce0d22b1c7/1440-1540"  # "In October alone, 21,600 soldiers deserted ...", unattributed
NUMBERS = "503231902f95f911e4af/779-790"  # "The numbers ... paint a stark picture.", credited to Boyko
BOYKO_213K = "503231902f95f911e4af/867-1030"  # "Over 213,000 cases of desertion ...", credited to Boyko
RIA_11K = "00e3b7e3a5ce0d22b1c7/315-455"  # RIA -> sources within Ukraine's security forces

ALL_ACTIONS = f"""
analyst: Jane Doe
date: 2024-11-05T10:00:00Z
corrections:
  - action: add-attribution
    claim: {OCTOBER}
    source: Christoph Vanner
    cue: noted
    note: The October figures are Vanner's, from the sentence before.
  - action: remove-attribution
    claim: {NUMBERS}
    source: Vladimir Boyko
  - action: relabel
    claim: {NUMBERS}
    text: The desertion figures paint a stark picture.
  - action: dispute
    claim: {GERASIMOV_160K}
    note: Court statistics give a lower count.
    link: https://example.org/court-stats
  - action: verify
    claim: {BOYKO_213K}
    note: Matches the published register.
"""


def write(tmp_path: Path, text: str, name: str = "corrections.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def report(runner, store) -> dict:
    """Every claim (--all), flagged or not, by the end of its IRI."""
    return {c["claim"].removeprefix(ID + "claim/"): c
            for c in json.loads(run(runner, "report", "--all", "--format", "json", "--store", store).stdout)["claims"]}


def graph_size(store, graph=CURATION) -> int:
    with Store(store, create=False) as s:
        return s.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")[0]["n"]


@pytest.fixture
def store(runner, tmp_path):
    return make_store(runner, tmp_path, SAMPLES)


@pytest.fixture
def curated(runner, store, tmp_path):
    result = run(runner, "curate", write(tmp_path, ALL_ACTIONS), "--store", store)
    assert "5 corrections added, 0 already stored; 5 in the curation graph" in result.stderr
    return store


def test_added_attribution_counts(runner, curated):
    c = report(runner, curated)[OCTOBER]
    assert c["reasons"] == ["single-source"]  # was unattributed
    assert c["chain"][1:] == ["Christoph Vanner"]
    assert c["flag_origin"] == {"single-source": "analysis after corrections"}
    assert "corrected by analyst Jane Doe: added attribution to Christoph Vanner" in c["explanation"]


def test_removed_attribution_is_ignored_and_relabel_wins(runner, curated):
    c = report(runner, curated)[NUMBERS]  # an opinion ("paint a stark picture"): not flagged either way
    assert c["reasons"] == [] and not c["checkable"] and c["sources"] == [] and c["chain"] == [c["article_title"]]
    assert c["text"] == "The desertion figures paint a stark picture."
    assert c["evidence"].startswith("The numbers, as reported by")  # the evidence is the article's, unchanged
    assert {x["action"] for x in c["corrections"]} == {"remove-attribution", "relabel"}


def test_disputed_claim_is_flagged_by_the_correction(runner, curated):
    c = report(runner, curated)[GERASIMOV_160K]
    assert c["reasons"][0] == "disputed"
    assert c["flag_origin"]["disputed"] == "correction"
    assert c["verdict"] == {"verdict": "disputed", "analyst": "Jane Doe", "time": "2024-11-05T10:00:00Z",
                            "note": "Court statistics give a lower count.", "link": "https://example.org/court-stats"}
    text = run(runner, "report", "--store", curated).stdout
    block = next(b for b in text.split("\n\n") if "reasons:  disputed" in b)
    assert "HIGH" in text.split(block)[0] and "over 160,000 criminal cases" in block
    assert "disputed by analyst Jane Doe (2024-11-05): Court statistics give a lower count." in text


def test_verified_claim_shows_its_verdict(runner, curated):
    c = report(runner, curated)[BOYKO_213K]
    assert c["verdict"]["verdict"] == "verified" and "disputed" not in c["reasons"]
    assert "verified by analyst Jane Doe" in c["explanation"]


def test_corrections_are_attributed_timed_statements_in_their_own_graph(runner, curated):
    rows = json.loads(run(runner, "query", "--format", "json", "--store", curated, """
        PREFIX pg: <https://w3id.org/provgraph/ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?c ?action ?who ?when ?s ?p WHERE { GRAPH <https://w3id.org/provgraph/id/graph/curation> {
          ?c a pg:Correction, rdf:Statement ; pg:action ?action ; prov:wasAttributedTo ?a ;
             prov:generatedAtTime ?when ; rdf:subject ?s ; rdf:predicate ?p . ?a a pg:Analyst ; rdfs:label ?who } }
        """).stdout)
    assert sorted(r["action"] for r in rows) == ["add-attribution", "dispute", "relabel", "remove-attribution", "verify"]
    assert {r["who"] for r in rows} == {"Jane Doe"} and {r["when"] for r in rows} == {"2024-11-05T10:00:00Z"}
    assert_valid(curated)


def test_corrections_survive_reingest_and_applying_twice_changes_nothing(runner, curated, tmp_path):
    before, size = report(runner, curated), graph_size(curated)
    run(runner, "ingest", SAMPLES, "--store", curated)
    assert graph_size(curated) == size
    assert report(runner, curated) == before
    again = run(runner, "curate", write(tmp_path, ALL_ACTIONS), "--store", curated)
    assert "0 corrections added, 5 already stored" in again.stderr
    assert graph_size(curated) == size


def test_replace_keeps_only_the_files_corrections(runner, curated, tmp_path):
    path = write(tmp_path, f"""
        analyst: Jane Doe
        corrections:
          - action: dispute
            claim: {GERASIMOV_160K}
            note: Court statistics give a lower count.
            link: https://example.org/court-stats
        """, "one.yaml")
    result = run(runner, "curate", path, "--replace", "--store", curated)
    assert "0 corrections added, 1 already stored, 4 removed; 1 in the curation graph" in result.stderr
    claims = report(runner, curated)
    assert claims[NUMBERS]["chain"][1:] == ["Vladimir Boyko"]  # the removal is gone
    assert claims[NUMBERS]["text"].startswith("The numbers")  # and so is the relabel
    assert claims[OCTOBER]["reasons"] == ["unattributed"]  # so is the addition
    assert claims[GERASIMOV_160K]["verdict"]["time"] == "2024-11-05T10:00:00Z"  # kept its first time
    assert_valid(curated)


def test_latest_verdict_wins(runner, store, tmp_path):
    run(runner, "curate", write(tmp_path, f"""
        analyst: Jane Doe
        corrections:
          - {{action: verify, claim: {GERASIMOV_160K}, date: 2024-11-01}}
          - {{action: dispute, claim: {GERASIMOV_160K}, date: 2024-11-03, analyst: Sam Roe}}
        """), "--store", store)
    c = report(runner, store)[GERASIMOV_160K]
    assert c["reasons"][0] == "disputed" and c["verdict"]["analyst"] == "Sam Roe"
    assert_valid(store)


def test_new_anonymous_source_with_an_intermediary(runner, store, tmp_path):
    run(runner, "curate", write(tmp_path, f"""
        analyst: Jane Doe
        corrections:
          - action: add-attribution
            claim: {OCTOBER}
            source: officials at the General Staff
            kind: anonymous
            via: Die Welt
            evidence: In October alone, 21,600 soldiers deserted
        """), "--store", store)
    c = report(runner, store)[OCTOBER]
    assert c["chain"][1:] == ["Die Welt", "officials at the General Staff"]
    assert {"indirect-chain", "anonymous-only"} <= set(c["reasons"])
    assert_valid(store)


# ---- same / different source change the roots (the corpus: 14,000 homes without power) ----------

POWER = "14,000 homes"


@pytest.fixture
def corpus(runner, tmp_path):
    return make_store(runner, tmp_path, CORPUS)


def power_roots(store) -> set[int]:
    with Store(store, create=False) as s:
        rows = s.select("""PREFIX pg: <https://w3id.org/provgraph/ns#>
            SELECT ?roots WHERE { ?c pg:evidence ?e ; pg:independentRoots ?roots FILTER (CONTAINS(?e, "14,000 homes")) }""")
    return {r["roots"] for r in rows}


def test_same_source_merges_roots(runner, corpus, tmp_path):
    assert power_roots(corpus) == {2}  # Maria Lopez (AP) and Tom Okafor (Daily Ledger)
    run(runner, "curate", write(tmp_path, """
        analyst: Jane Doe
        corrections:
          - action: same-source
            source: Tom Okafor
            same_as: Maria Lopez
            note: The fire chief read out the AP figure.
        """), "--store", corpus)
    assert power_roots(corpus) == {1}
    flagged = [c for c in report(runner, corpus).values() if POWER in c["evidence"]]
    assert len(flagged) == 3 and all("single-source" in c["reasons"] for c in flagged)
    assert all("Tom Okafor" not in c["chain"] for c in flagged)
    assert_valid(corpus)


def test_different_source_keeps_an_automatic_merge_apart(runner, corpus, tmp_path):
    run(runner, "curate", write(tmp_path, """
        analyst: Jane Doe
        corrections:
          - action: different-source
            source: Lopez
            different_from: Maria Lopez
            note: The blog's Lopez is the county clerk.
        """), "--store", corpus)
    assert power_roots(corpus) == {3}
    assert_valid(corpus)


def test_contradicting_same_and_different(runner, corpus, tmp_path):
    run(runner, "curate", write(tmp_path, """
        analyst: Jane Doe
        corrections:
          - {action: same-source, source: Tom Okafor, same_as: Maria Lopez}
        """, "a.yaml"), "--store", corpus)
    result = run(runner, "curate", write(tmp_path, """
        analyst: Sam Roe
        corrections:
          - {action: different-source, source: Maria Lopez, different_from: Tom Okafor}
        """, "b.yaml"), "--store", corpus, ok=False)
    assert_clean_error(result, "b.yaml, correction 1 (line 3)", "also marked the same source")


# ---- errors name the file, the correction and its line ------------------------------------------

@pytest.mark.parametrize("body, needles", [
    ("corrections:\n  - {action: verify, claim: " + OCTOBER + "}\n", ["correction 1 (line 2)", "no analyst"]),
    ("analyst: A\ncorrections:\n  - {action: explode, claim: x}\n", ["correction 1 (line 3)", "'explode' is not one of"]),
    ("analyst: A\ncorrections:\n  - {action: verify}\n", ["verify needs claim"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: nope/1-2}\n", ["correction 1 (line 3)", "no claim matches 'nope/1-2'"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", link: not-a-url}\n", ["link must be an http(s) URL"]),
    ("analyst: A\ncorrections:\n  - {action: remove-attribution, claim: " + NUMBERS + ", source: Gerasimov}\n",
     ["no attribution of the claim runs through 'Gerasimov'", "Vladimir Boyko"]),
    ("analyst: A\ncorrections:\n  - {action: add-attribution, claim: " + OCTOBER + ", source: Somebody New}\n",
     ["no source is named 'Somebody New'", "kind:"]),
    ("analyst: A\ncorrections:\n  - {action: same-source, source: Gerasimov, same_as: Nobody}\n", ["no source is named 'Nobody'"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", colour: red}\n", ["does not take colour"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", date: yesterday}\n", ["not a date"]),
    ("analyst: A\ncorrections: [\n", ["line 3", "not valid YAML"]),
    ("- just a list\n", ["expected a mapping with `analyst:`"]),
    # wrong-typed and malformed values (issue 16)
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", link: 'https://example.org/a|b'}\n",
     ["link must be an http(s) URL", "a|b"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", link: 'https://example.org/<x>'}\n",
     ["link must be an http(s) URL"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", link: [https://example.org]}\n",
     ["link must be an http(s) URL"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", note: [a, b]}\n",
     ["correction 1 (line 3): note must be text, not a list"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", note: {a: b}}\n", ["note must be text, not a mapping"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: " + OCTOBER + ", note: 'x" + "y" * 5000 + "'}\n",
     ["note is 5,001 characters long: at most 2,000"]),
    ('analyst: "Jane\\nDoe"\ncorrections:\n  - {action: verify, claim: ' + OCTOBER + "}\n", ["analyst must be one line"]),
    ("analyst: [Jane]\ncorrections:\n  - {action: verify, claim: " + OCTOBER + "}\n", ["analyst must be text, not a list"]),
    ("analyst: A\ncorrections:\n  - {action: relabel, claim: " + OCTOBER + ', text: "bad \\x1b[2J"}\n',
     ["text holds the control character U+001B: remove it"]),
    ("analyst: A\ncorrections:\n  - {action: same-source, source: " + "G" * 300 + ", same_as: Gerasimov}\n",
     ["source is 300 characters long: at most 200"]),
    ("analyst: A\ncorrections:\n  - {action: verify, claim: {a: b}}\n", ["claim must be text, not a mapping"]),
    ("analyst: A\ncorrections:\n  - action: verify\n    claim: " + OCTOBER + "\n    action: dispute\n",
     ["line 5: the key 'action' is given twice"]),
])
def test_bad_corrections_are_clean_errors_and_change_nothing(runner, store, tmp_path, body, needles):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    result = run(runner, "curate", path, "--store", store, ok=False)
    assert_clean_error(result, "bad.yaml", *needles)
    assert graph_size(store) == 0


def test_two_verdicts_at_the_same_time_are_refused(runner, store, tmp_path):
    result = run(runner, "curate", write(tmp_path, f"""
        analyst: A
        corrections:
          - {{action: verify, claim: {GERASIMOV_160K}}}
          - {{action: dispute, claim: {GERASIMOV_160K}}}
        """), "--store", store, ok=False)
    assert_clean_error(result, "correction 2", "correction 1", "the latest wins")
    assert graph_size(store) == 0


def test_a_loop_of_merges_is_refused(runner, store, tmp_path):
    result = run(runner, "curate", write(tmp_path, """
        analyst: A
        corrections:
          - {action: same-source, source: Vladimir Boyko, same_as: Christoph Vanner}
          - {action: same-source, source: Christoph Vanner, same_as: Vladimir Boyko}
        """), "--store", store, ok=False)
    assert_clean_error(result, "correction 2", "loop")
    assert graph_size(store) == 0


def test_a_curate_cut_short_leaves_the_report_marked_stale(runner, store, tmp_path, monkeypatch):
    """Issue 16: killed after the corrections were written but before the analyses caught up, the
    report must say its flags are behind (the same marker an interrupted ingest leaves)."""
    import provgraph.analysis.corpus as corpus
    from provgraph.curate import curate

    def killed(store, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus, "derive", killed)
    with Store(store, create=False) as db, pytest.raises(KeyboardInterrupt):
        curate(db, [write(tmp_path, ALL_ACTIONS)])
    monkeypatch.undo()
    assert graph_size(store) > 0  # the corrections were written
    out = run(runner, "report", "--store", store).output
    assert "warning:" in out and "provgraph reindex" in out
    run(runner, "reindex", "--store", store)
    assert "warning:" not in run(runner, "report", "--store", store).output


def test_a_correction_names_its_claim_by_the_id_the_report_shows(runner, store, tmp_path):
    first = json.loads(run(runner, "report", "--format", "json", "--store", store).stdout)["claims"][0]
    path = tmp_path / "c.yaml"
    path.write_text(f"analyst: Jane Doe\ncorrections:\n  - action: verify\n    claim: {first['id']}\n")
    run(runner, "curate", path, "--store", store)
    again = {c["claim"]: c for c in json.loads(run(runner, "report", "--format", "json", "--store", store).stdout)["claims"]}
    assert again[first["claim"]]["verdict"]["verdict"] == "verified"


@pytest.mark.parametrize("body, needle", [
    ("analyst: X\ncorrections:\n  - action: [x]\n    claim: a/1-2\n", "is not one of"),
    ("analyst: X\ncorrections:\n  - action: verify\n    claim: a/1-2\n    date: 2024-13-45\n", "out of range"),
    ("analyst: X\ncorrections:\n  - action: verify\n    claim: a/1-2\n    date: '0001-01-01T00:00:00+05:00'\n",
     "out of range"),
])
def test_malformed_correction_values_are_one_line(runner, store, tmp_path, body, needle):
    path = tmp_path / "c.yaml"
    path.write_text(body)
    assert_clean_error(run(runner, "curate", path, "--store", store, ok=False), needle)
