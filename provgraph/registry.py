"""The analyst's source registry (sources.yaml): what the analyst knows about sources that the
articles do not say, used by the report.

    sources:
      - name: Valery Gerasimov            # canonical name (required)
        aliases: [Gerasimov]              # other names the articles use
        kind: person                      # person, organization, outlet, anonymous, document
        affiliation: Russian Armed Forces
        party: true                       # a party to the story (a belligerent, a litigant...)
        adversary: Ukraine                # whom the party opposes: a name or a list of names
        grade: D                          # Admiralty source reliability, A-F (below)
        note: why this grade

A source matches an entry when its name, normalised (case, accents, apostrophes), equals the
entry's name or an alias. Admiralty grades rate the source's record, not one claim: A completely
reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability
cannot be judged. The report flags a claim `low-reliability` when every attribution chain passes
through a source graded D or E, and `interested-party` when every chain passes through a party
whose adversary the claim's sentence (or its article's headline) names, by a name of the list or
its nationality adjective ("Ukraine" -> "Ukrainian").

Where the registry comes from: `--registry FILE`, else $PROVGRAPH_REGISTRY, else none. A
sources.yaml in the working folder is never read unnamed: a file anyone could leave there would
change the grades and the flags without a word.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from provgraph.errors import InputError
from provgraph.extract import lexicon
from provgraph.extract.sources import normalise
from provgraph.model import SOURCE_KINDS
from provgraph.yamlfile import read_yaml, text_problem

GRADES = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
          "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
LOW = {"D", "E"}
DEFAULT = "sources.yaml"  # the name a registry usually has; only ever read when named
KEYS = {"name", "aliases", "kind", "affiliation", "party", "adversary", "grade", "note"}


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    affiliation: str | None = None
    party: bool = False
    adversary: list[str] = field(default_factory=list)
    grade: str | None = None
    note: str | None = None

    def adversary_pattern(self) -> re.Pattern | None:
        """Whole-word, case-insensitive: the adversary's names and their nationality adjectives."""
        if not self.adversary:
            return None
        words = set(self.adversary)
        for name in self.adversary:
            stem = name[:-1] if len(name) > 4 and name[-1] in "aeiouy" else name  # Ukraine -> Ukrain(ian)
            words |= {d for d in lexicon.words("demonyms.txt") if len(stem) >= 4 and d.startswith(stem.lower())}
        alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclass
class Registry:
    entries: list[Entry]
    path: str

    def __post_init__(self):
        self._by_key: dict[str, Entry] = {}
        for e in self.entries:
            for name in [e.name, *e.aliases]:
                self._by_key[normalise(name)] = e

    def lookup(self, label: str | None) -> Entry | None:
        return self._by_key.get(normalise(label)) if label else None

    def grade(self, label: str | None) -> str | None:
        e = self.lookup(label)
        return e.grade if e else None

    def assess(self, chains: list[list[dict]], texts: list[str]) -> tuple[list[str], list[str]]:
        """Reason codes and notes (each graded source's grade, each interested party) for one claim:
        `chains` are its attribution chains (hops with a `label`), `texts` its sentence, text and
        article headline."""
        if not chains:
            return [], []
        codes = []
        notes = [f"{e.name}: grade {e.grade} ({GRADES[e.grade]})"
                 for e in _unique(e for chain in chains for e in self._entries(chain)) if e.grade]
        if all(any(e.grade in LOW for e in self._entries(chain)) for chain in chains):
            codes.append("low-reliability")
        parties = [[e for e in self._entries(chain) if e.party and _names_adversary(e, texts)] for chain in chains]
        if all(parties):
            codes.append("interested-party")
            for e in _unique(e for found in parties for e in found):
                notes.append(f"{e.name}" + (f" ({e.affiliation})" if e.affiliation else "")
                             + f" is a party speaking about its adversary {e.adversary[0]}")
        return codes, notes

    def _entries(self, chain: list[dict]) -> list[Entry]:
        return [e for e in (self.lookup(hop["label"]) for hop in chain) if e is not None]


def _names_adversary(e: Entry, texts: list[str]) -> bool:
    pattern = e.adversary_pattern()
    return pattern is not None and any(pattern.search(t or "") for t in texts)


def _unique(entries):
    seen = set()
    for e in entries:
        if id(e) not in seen:
            seen.add(id(e))
            yield e


NAME_LIMIT = 200  # characters in a name, an alias, an adversary, an affiliation
NOTE_LIMIT = 2000


def load(path: str | Path) -> Registry:
    """Read and check a registry file; errors name the file, the entry and its line, and the fix."""
    path = Path(path)
    doc, root = read_yaml(path, "source registry")
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        raise InputError(f"{path}: expected a mapping with a list `sources:` (see provgraph/registry.py or the README)")
    if set(doc) != {"sources"}:
        raise InputError(f"{path}: unknown top-level key(s) {', '.join(sorted(map(str, set(doc) - {'sources'})))}; "
                         "a registry has only `sources:`")
    lines = []
    for key, value in getattr(root, "value", []):
        if key.value == "sources":
            lines = [item.start_mark.line + 1 for item in value.value]
    entries, names = [], {}
    for n, item in enumerate(doc["sources"], 1):
        where = f"{path}, source {n}" + (f" (line {lines[n - 1]})" if n - 1 < len(lines) else "")
        entry = _entry(item, where)
        where = f"{path}, source {n} {entry.name!r}" + (f" (line {lines[n - 1]})" if n - 1 < len(lines) else "")
        own: dict[str, str] = {}
        for name in [entry.name, *entry.aliases]:
            key = normalise(name)
            if key in own:
                raise InputError(f"{where}: {name!r} is the same name as {own[key]!r} (names match whatever their "
                                 "case, accents or apostrophes); list it once")
            if key in names:
                raise InputError(f"{where}: the name {name!r} is already used by {names[key]}; merge the two "
                                 "entries, or drop the name from one")
            own[key] = name
        names.update(dict.fromkeys(own, where))
        entries.append(entry)
    return Registry(entries, str(path))


def _entry(item, where: str) -> Entry:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected a mapping with at least `name:`, e.g. `- name: Valery Gerasimov`")
    unknown = set(item) - KEYS
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                         f"expected {', '.join(sorted(KEYS))}")
    item = {k: v for k, v in item.items() if v is not None}  # `key:` with nothing after it: not given
    if "name" not in item:
        raise InputError(f"{where}: every source needs a `name:`, e.g. `name: Valery Gerasimov`")
    name = _name(item["name"], where, "name")
    aliases = _names(item.get("aliases"), where, "aliases")
    adversary = _names(item.get("adversary"), where, "adversary")
    kind = item.get("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)} (one word)")
    grade = item.get("grade")
    if grade is not None:
        if not isinstance(grade, str) or grade.strip().upper() not in GRADES:
            raise InputError(f"{where}: grade {grade!r} is not an Admiralty grade: one letter A-F "
                             "(A completely reliable ... E unreliable, F cannot be judged)")
        grade = grade.strip().upper()
    party = item.get("party", False)
    if not isinstance(party, bool):
        raise InputError(f"{where}: party must be true or false, not {party!r}")
    if adversary and not party:
        raise InputError(f"{where}: an adversary only makes sense for a party to the story: add `party: true`")
    return Entry(name, aliases, kind, _text(item.get("affiliation"), where, "affiliation", NAME_LIMIT), party,
                 adversary, grade, _text(item.get("note"), where, "note", NOTE_LIMIT, lines=True))


def _name(value, where: str, key: str) -> str:
    problem = text_problem(value, NAME_LIMIT)
    if problem:
        raise InputError(f"{where}: {key} {value!r} {problem}" if isinstance(value, str) and 0 < len(value.strip()) < 80
                         else f"{where}: {key} {problem}")
    if not normalise(value):
        raise InputError(f"{where}: {key} {value!r} has no letter or digit to match a source by")
    return " ".join(value.split())


def _names(value, where: str, key: str) -> list[str]:
    """A name or a list of names."""
    if value is None:
        return []
    if not isinstance(value, str | list):
        raise InputError(f"{where}: {key} must be a name or a list of names ([A, B]), not "
                         + ("a mapping" if isinstance(value, dict) else repr(value)))
    values = [value] if isinstance(value, str) else value
    return [_name(v, where, key if len(values) == 1 else f"{key} (name {n})") for n, v in enumerate(values, 1)]


def _text(value, where: str, key: str, limit: int, lines: bool = False) -> str | None:
    if value is None:
        return None
    problem = text_problem(value, limit, lines)
    if problem:
        raise InputError(f"{where}: {key} {problem}")
    return " ".join(value.split())


def find(path: str | Path | None = None) -> Registry | None:
    """The registry to use: `path`, else $PROVGRAPH_REGISTRY, else none."""
    chosen = path or os.environ.get("PROVGRAPH_REGISTRY")
    return load(chosen) if chosen else None
