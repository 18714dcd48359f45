"""Import cannot overwrite or corrupt the store, and nothing expands without bound (issue 16: "Import
can overwrite stored articles" and "Entity and billion-laughs expansion")."""

from __future__ import annotations

import re

from .common import REPO, Case, Lab, cli

ID = "https://w3id.org/provgraph/id/"
# the billion-laughs file the tests use too
LAUGHS = (REPO / "tests" / "data" / "billion_laughs.rdf").read_text(encoding="utf-8")
YAML_ALIASES = "\n".join(["sources:", "  - &a {name: A, grade: C, aliases: [x, x, x, x, x, x, x, x, x]}",
                          *(f"  - &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefg", "bcdefgh"))]) + "\n"


def imports(lab: Lab) -> list[Case]:
    """Each against the baseline store, which must not change."""
    trig = cli("export", "--format", "trig", "--store", lab.store).out
    graphs = sorted(set(re.findall(re.escape(ID) + r"graph/[0-9a-f]{20}", trig)))
    a, b = graphs[:2]
    swapped = trig.replace(a, "urn:tmp").replace(b, a).replace("urn:tmp", b)
    edited = trig.replace("Kyiv recruited approximately 11,000", "Kyiv recruited approximately 99,000")
    claim = f"{ID}claim/{lab.claim_id.split('/')[0]}"
    correction = (f"<{ID}graph/curation> {{\n  <{ID}correction/evil> a <https://w3id.org/provgraph/ns#Correction> ;\n"
                  f'    <https://w3id.org/provgraph/ns#action> "explode" ;\n'
                  f"    <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{claim}> ;\n"
                  f'    <http://www.w3.org/ns/prov#generatedAtTime> "yesterday" .\n}}\n')
    verdict = (f"<{ID}graph/curation> {{\n  <{claim}/1-2> <https://w3id.org/provgraph/ns#verdict> "
               f'"disputed" .\n}}\n')
    long_literal = f'<{ID}graph/import/x> {{ <http://a> <http://b> "{"x" * 30_000_000}" . }}\n'
    mixed = f"<http://a> <http://b> <http://c> .\n<{ID}graph/x> {{ <http://a> <http://b> <http://d> . }}\n"
    w = lab.write
    return [
        Case("import: an article graph under another's name", ["import", w("import/swapped.trig", swapped)],
             store=True, needle="does not hold the article"),
        Case("import: another version of a stored article", ["import", w("import/edited.trig", edited)],
             store=True, needle="--replace"),
        Case("import --replace of that version (into a copy)",
             ["import", w("import/edited2.trig", edited), "--replace", "--store", lab.copy("import-store")], rc=0),
        Case("import: a malformed correction", ["import", w("import/correction.trig", correction)], store=True),
        Case("import: a bare verdict, no correction behind it (dropped)", ["import", w("import/verdict.trig", verdict)],
             store=True, rc=0),
        Case("import: a 30 MB literal", ["import", w("import/long.trig", long_literal)], store=True, seconds=60),
        Case("import: triples outside and inside named graphs", ["import", w("import/mixed.trig", mixed)],
             store=True),
        Case("import: a truncated export", ["import", w("import/cut.trig", trig[: len(trig) // 2])], store=True,
             needle="line"),
    ]


def expansion(lab: Lab) -> list[Case]:
    deep_yaml = "analyst: A\ncorrections: " + "[" * 100_000 + "]" * 100_000 + "\n"
    deep_jsonld = "[" * 100_000 + "]" * 100_000
    self_ref = LAUGHS.replace('<!ENTITY a "ha', '<!ENTITY a "&e; ha')
    w = lab.write
    return [
        Case("import billion-laughs RDF/XML (840 bytes)", ["import", w("bombs/laughs.rdf", LAUGHS)], store=True,
             seconds=10, needle="expand"),
        Case("import RDF/XML with an entity that refers to itself", ["import", w("bombs/loop.rdf", self_ref)],
             store=True, seconds=10),
        Case("curate with YAML aliases", ["curate", w("bombs/fix.yaml", "analyst: &x Ann\ncorrections:\n"
             "  - &c {claim: a/1-2, action: verify}\n  - [*c, *c, *c, *c, *c, *c, *c, *c]\n")],
             store=True, seconds=10, needle="aliases"),
        Case("report --registry with YAML aliases (9^7)", ["report", "--registry", w("bombs/sources.yaml", YAML_ALIASES)],
             store=True, seconds=10, needle="aliases"),
        Case("curate with 100k-deep YAML", ["curate", w("bombs/deep.yaml", deep_yaml)], store=True, seconds=20),
        Case("import 100k-deep JSON-LD", ["import", w("bombs/deep.jsonld", deep_jsonld)], store=True, seconds=20),
    ]


def sections(lab: Lab):
    yield "import validates graph names and shapes before it writes", imports(lab)
    yield "entity and alias expansion is bounded", expansion(lab)

