"""Issue 16: inputs that expand ("billion laughs") are refused quickly with one line, before they
cost memory: entities in RDF/XML past a bound, and YAML aliases in the analyst's files."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import assert_clean_error, run

LAUGHS = (Path(__file__).parent / "data" / "billion_laughs.rdf").read_text(encoding="utf-8")

NAMESPACES = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="&ex;x"><ex:p>fine</ex:p></rdf:Description>
</rdf:RDF>
"""

ALIASES = """sources:
  - &a {name: A, grade: C, aliases: [x, x, x, x, x, x, x, x, x]}
  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
"""


def test_an_rdfxml_entity_bomb_is_refused_quickly(runner, tmp_path):
    bomb = tmp_path / "laughs.rdf"
    bomb.write_text(LAUGHS, encoding="utf-8")
    started = time.perf_counter()
    result = run(runner, "import", bomb, "--store", tmp_path / "store", ok=False)
    assert time.perf_counter() - started < 5
    assert_clean_error(result, "laughs.rdf", "entities would expand")


def test_namespace_entities_still_import(runner, tmp_path):
    ok = tmp_path / "ns.rdf"
    ok.write_text(NAMESPACES, encoding="utf-8")
    run(runner, "import", ok, "--store", tmp_path / "store")
    out = run(runner, "query", "SELECT ?o WHERE { <http://example.org/x> <http://example.org/p> ?o }",
              "--store", tmp_path / "store").output
    assert "fine" in out


def test_yaml_aliases_are_refused_in_the_registry_and_corrections(runner, tmp_path, sample_store):
    path = tmp_path / "sources.yaml"
    path.write_text(ALIASES, encoding="utf-8")
    result = run(runner, "report", "--registry", path, "--store", sample_store, ok=False)
    assert_clean_error(result, "sources.yaml, line 3", "aliases")
    fix = tmp_path / "fix.yaml"
    fix.write_text("analyst: &x Ann\ncorrections:\n  - {claim: a, action: verify, analyst: *x}\n", encoding="utf-8")
    result = run(runner, "curate", fix, "--store", sample_store, ok=False)
    assert_clean_error(result, "fix.yaml", "aliases")


def test_deep_yaml_is_refused_quickly(runner, tmp_path, sample_store):
    """Issue 16 (found by scripts/bad_input.py): 100,000 nested `[` in a corrections file kept
    PyYAML busy for minutes; nesting past a small depth is refused before the file is parsed."""
    deep = "[" * 100_000 + "]" * 100_000
    fix = tmp_path / "fix.yaml"
    fix.write_text("analyst: A\ncorrections: " + deep + "\n", encoding="utf-8")
    registry = tmp_path / "sources.yaml"
    registry.write_text("sources: " + deep + "\n", encoding="utf-8")
    for args in (["curate", fix], ["report", "--registry", registry]):
        started = time.perf_counter()
        result = run(runner, *args, "--store", sample_store, ok=False)
        assert time.perf_counter() - started < 10
        assert_clean_error(result, "line 2" if args[0] == "curate" else "line 1", "nested more than 50 deep")
