"""The analyst's source registry (sources.yaml): grades and interested parties in the report."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import SAMPLES, assert_clean_error, run
from provgraph.registry import Entry, Registry, find, load

REGISTRY = SAMPLES / "sources.yaml"


def registry_report(runner, store, *args) -> dict:
    return json.loads(run(runner, "report", "--format", "json", "--store", store, *args).stdout)


@pytest.fixture(scope="module")
def graded(sample_store) -> dict:
    from click.testing import CliRunner
    return registry_report(CliRunner(), sample_store, "--registry", REGISTRY)


def claims_from(report: dict, label: str) -> list[dict]:
    found = [c for c in report["claims"] if any(s["label"] == label for s in c["sources"])]
    assert found, label
    return found


def test_sample_registry_loads():
    reg = load(REGISTRY)
    assert {e.name for e in reg.entries} == {"Valery Gerasimov", "RIA Novosti", "Vladimir Boyko", "Christoph Vanner"}
    assert reg.lookup("RIA").name == "RIA Novosti" and reg.grade("gerasimov") == "D"


def test_with_a_registry_every_source_has_a_grade(graded, sample_report):
    assert all("grade" in s for c in graded["claims"] for s in c["sources"])
    assert not any("grade" in s for c in sample_report["claims"] for s in c["sources"])  # no registry, no key


def test_party_with_a_low_grade_about_its_adversary(graded):
    for c in claims_from(graded, "Valery Gerasimov"):
        assert {"low-reliability", "interested-party"} <= set(c["reasons"])
        assert c["sources"] == [{"label": "Valery Gerasimov", "kind": "person", "anonymous": False, "grade": "D"}]
        assert c["flag_origin"]["low-reliability"] == "registry"
        assert "Valery Gerasimov: grade D (not usually reliable)" in c["explanation"]
        assert "(Russian Armed Forces) is a party speaking about its adversary Ukraine" in c["explanation"]


def test_a_low_grade_relay_taints_the_chain(graded):
    [c] = [c for c in graded["claims"] if "11,000" in c["text"]]
    assert {"indirect-chain", "low-reliability", "interested-party"} <= set(c["reasons"])
    grades = {s["label"]: s["grade"] for s in c["sources"]}
    assert grades == {"RIA Novosti": "D", "sources within Ukraine’s security forces": None}


@pytest.mark.parametrize("label, grade", [("Christoph Vanner", "B"), ("Vladimir Boyko", "F")])
def test_other_grades_show_but_do_not_flag(graded, label, grade):
    for c in claims_from(graded, label):
        assert not {"low-reliability", "interested-party"} & set(c["reasons"])
        assert {s["label"]: s["grade"] for s in c["sources"]}[label] == grade
        assert f"{label}: grade {grade}" in c["explanation"]


def test_without_registry_the_report_is_unchanged(graded, sample_report):
    assert len(graded["claims"]) == len(sample_report["claims"])
    plain = {c["claim"]: c["reasons"] for c in sample_report["claims"]}
    for c in graded["claims"]:
        assert [r for r in c["reasons"] if r not in ("low-reliability", "interested-party")] == plain[c["claim"]]


def test_text_report_explains_the_registry_reasons(runner, sample_store):
    out = run(runner, "report", "--registry", REGISTRY, "--store", sample_store).stdout
    gerasimov = next(block for block in out.split("\n\n") if "Valery Gerasimov (person)" in block)
    assert "low-reliability" in gerasimov and "Valery Gerasimov: grade D" in gerasimov


def test_reason_filter(runner, sample_store):
    report = registry_report(runner, sample_store, "--registry", REGISTRY, "--reason", "interested-party")
    assert report["claims"] and all(c["reasons"] == ["interested-party"] for c in report["claims"])


def test_registry_from_the_environment_never_the_working_folder(runner, sample_store, tmp_path, monkeypatch):
    monkeypatch.setenv("PROVGRAPH_REGISTRY", str(REGISTRY))
    assert any("low-reliability" in c["reasons"] for c in registry_report(runner, sample_store)["claims"])
    monkeypatch.delenv("PROVGRAPH_REGISTRY")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources.yaml").write_text(REGISTRY.read_text(encoding="utf-8"), encoding="utf-8")
    assert find() is None
    assert find("sources.yaml").path == "sources.yaml"


# ---- the rules ----------------------------------------------------------------------------------

def hop(label):
    return {"label": label}


@pytest.fixture
def reg() -> Registry:
    return Registry([Entry("Ministry X", grade="E", party=True, adversary=["Ukraine"]),
                     Entry("Wire Y", grade="A"), Entry("Paper Z", grade="D")], "test")


def test_one_clean_chain_is_enough(reg):
    assert reg.assess([[hop("Ministry X")], [hop("Wire Y")]], ["Ukraine lost 10 tanks"])[0] == []
    assert reg.assess([[hop("Ministry X")], [hop("Paper Z")]], ["Ukraine lost 10 tanks"])[0] == ["low-reliability"]
    assert reg.assess([[hop("Ministry X")]], ["Ukraine lost 10 tanks"])[0] == ["low-reliability", "interested-party"]


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian units withdrew", True), ("Ukraine’s army withdrew", True), ("in UKRAINE", True),
    ("the Ukrainer restaurant", False), ("no adversary named", False),
])
def test_the_adversary_by_name_or_nationality(reg, text, expected):
    assert ("interested-party" in reg.assess([[hop("Ministry X")]], [text])[0]) is expected


def test_a_stem_is_not_a_neighbour():
    e = Entry("Ministry", party=True, adversary=["Austria"])
    assert e.adversary_pattern().search("Austrian troops") and not e.adversary_pattern().search("Australian troops")


def test_unattributed_claims_get_nothing(reg):
    assert reg.assess([], ["Ukraine"]) == ([], [])


# ---- errors name the file, the entry and its line -----------------------------------------------

@pytest.mark.parametrize("body, needles", [
    ("sources:\n  - name: X\n    grade: G\n", ["source 1 (line 2)", "not an Admiralty grade"]),
    ("sources:\n  - name: X\n  - name: Y\n    aliases: [x]\n", ["source 2 'Y' (line 3)", "already used by"]),
    ("sources:\n  - name: X\n    colour: red\n", ["unknown key(s) colour"]),
    ("sources:\n  - name: X\n    adversary: Y\n", ["add `party: true`"]),
    ("sources:\n  - name: X\n    party: maybe\n", ["party must be true or false"]),
    ("sources:\n  - name: X\n    kind: alien\n", ["kind 'alien' is not one of"]),
    ("sources:\n  - grade: A\n", ["needs a `name:`"]),
    ("sources: [\n", ["not valid YAML"]),
    ("- X\n", ["expected a mapping with a list `sources:`"]),
    # every field with a wrong-typed or malformed value (issue 16)
    ("sources:\n  - name: [A, B]\n", ["source 1 (line 2): name must be text, not a list"]),
    ("sources:\n  - name: 1984\n", ["name must be text, not a number; put it in quotes"]),
    ("sources:\n  - name: {first: Valery}\n", ["name must be text, not a mapping"]),
    ("sources:\n  - name:\n", ["needs a `name:`"]),
    ('sources:\n  - name: "Valery\\nGerasimov"\n', ["name 'Valery\\nGerasimov' must be one line"]),
    ('sources:\n  - name: "Valery \\e[31mGerasimov"\n', ["holds the control character U+001B"]),
    ('sources:\n  - name: "Valery \\u202eGerasimov"\n', ["holds the control character U+202E"]),
    ("sources:\n  - name: " + "A" * 5000 + "\n", ["name is 5,000 characters long: at most 200"]),
    ("sources:\n  - name: '!!!'\n", ["name '!!!' has no letter or digit"]),
    ("sources:\n  - name: X\n    aliases: {a: b}\n", ["aliases must be a name or a list of names ([A, B]), not a mapping"]),
    ("sources:\n  - name: X\n    aliases: [Y, [Z]]\n", ["aliases (name 2) must be text, not a list"]),
    ("sources:\n  - name: X\n    aliases: [Y, 7]\n", ["aliases (name 2) must be text, not a number"]),
    ("sources:\n  - name: X\n    aliases: ['']\n", ["aliases is empty"]),
    ("sources:\n  - name: Gerasimov\n    aliases: [GERASIMOV]\n", ["source 1 'Gerasimov' (line 2)",
                                                                  "'GERASIMOV' is the same name as 'Gerasimov'"]),
    ("sources:\n  - name: X\n    kind: [person]\n", ["kind ['person'] is not one of person"]),
    ("sources:\n  - name: X\n    affiliation: [Army, Navy]\n", ["affiliation must be text, not a list"]),
    ("sources:\n  - name: X\n    affiliation: 42\n", ["affiliation must be text, not a number; put it in quotes"]),
    ("sources:\n  - name: X\n    affiliation: {unit: 5}\n", ["affiliation must be text, not a mapping"]),
    ("sources:\n  - name: X\n    affiliation: \"Army\\nNavy\"\n", ["affiliation must be one line"]),
    ("sources:\n  - name: X\n    note: 2024-01-01\n", ["note must be text, not a date; put it in quotes"]),
    ("sources:\n  - name: X\n    note: " + "n" * 5000 + "\n", ["note is 5,000 characters long: at most 2,000"]),
    ('sources:\n  - name: X\n    note: "a\\x00b"\n', ["note holds the control character U+0000"]),
    ("sources:\n  - name: X\n    grade: [A]\n", ["grade ['A'] is not an Admiralty grade: one letter A-F"]),
    ("sources:\n  - name: X\n    grade: 1\n", ["grade 1 is not an Admiralty grade"]),
    ("sources:\n  - name: X\n    party: 'yes'\n", ["party must be true or false, not 'yes'"]),
    ("sources:\n  - name: X\n    party: true\n    adversary: {a: b}\n", ["adversary must be a name or a list"]),
    ("sources:\n  - name: X\n    party: true\n    adversary: [Ukraine, '']\n", ["adversary (name 2) is empty"]),
    ("sources:\n  - name: Герасимов\n  - name: ГЕРАСИМОВ\n", ["source 2 'ГЕРАСИМОВ' (line 3): the name 'ГЕРАСИМОВ' is "
                                                             "already used by", "source 1 'Герасимов' (line 2)"]),
    ("sources:\n  - name: Gerasimov\n  - name: \uff27\uff45\uff52\uff41\uff53\uff49\uff4d\uff4f\uff56\n",
     ["already used by"]),  # the same name in full-width letters
    ("sources:\n  - name: José Díaz\n  - name: X\n    aliases: [JOSE DIAZ]\n", ["'JOSE DIAZ' is already used by"]),
    ("sources:\n  - name: X\n    grade: A\n    grade: E\n", ["line 4: the key 'grade' is given twice"]),
    ("sources:\n  - name: X\nsource: []\n", ["unknown top-level key(s) source"]),
    ("sources:\n", ["expected a mapping with a list `sources:`"]),
    ("sources: {name: X}\n", ["expected a mapping with a list `sources:`"]),
    ("just text\n", ["expected a mapping with a list `sources:`"]),
    ("", ["expected a mapping with a list `sources:`"]),
    ("sources:\n  - [X]\n", ["source 1 (line 2): expected a mapping with at least `name:`"]),
    ("sources:\n  - name: X\n    ? [a, b]\n    : c\n", ["line 3", "not valid YAML"]),
    ("sources:\n  - name: \"\\0\"\n", ["holds the control character U+0000"]),
    ("sources:\n  - name: \x00\n", ["not valid YAML (unacceptable character #x0000"]),
])
def test_bad_registries_are_clean_errors(runner, sample_store, tmp_path, body, needles):
    path = tmp_path / "bad.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    result = run(runner, "report", "--registry", path, "--store", sample_store, ok=False)
    assert_clean_error(result, "bad.yaml", *needles)
    assert result.output.count("\n") == 1, result.output  # one line


def test_empty_optional_keys_are_left_out():
    """`party:` or `aliases:` with nothing after them (YAML null) mean the key was not given."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.yaml"
        path.write_text("sources:\n  - name: X\n    aliases:\n    kind:\n    party:\n    grade:\n    note:\n",
                        encoding="utf-8")
        [entry] = load(path).entries
    assert (entry.aliases, entry.kind, entry.party, entry.grade, entry.note) == ([], None, False, None, None)



def test_an_anonymous_opinion_keeps_its_grade_under_one_reason(runner, tmp_path):
    # nobody could check a prediction, but anonymous-only reports it: --reason must not lose it
    (tmp_path / "a.txt").write_text("A source within the security forces told RIA Novosti that the war "
                                    "will probably last years.\n", encoding="utf-8")
    store = tmp_path / "store"
    run(runner, "ingest", tmp_path / "a.txt", "--store", store)
    whole = registry_report(runner, store, "--registry", REGISTRY)["claims"]
    assert [c["reasons"] for c in whole] == [["anonymous-only", "low-reliability"]]
    one = registry_report(runner, store, "--registry", REGISTRY, "--reason", "low-reliability")["claims"]
    assert [c["claim"] for c in one] == [c["claim"] for c in whole]
