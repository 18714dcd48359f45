"""Word lists shipped as data files in `provgraph/lexicons/`, loaded once."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("provgraph.lexicons").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if line.lstrip().startswith("#") else line.rstrip()
        if line.strip():
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@cache
def words(name: str, lower: bool = True) -> frozenset[str]:
    """The first column of a lexicon file as a set (lowercased unless `lower=False`)."""
    return frozenset(r[0].lower() if lower else r[0] for r in _rows(name))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """First column -> the remaining columns, for files such as cue_verbs.txt (form, lemma, count)."""
    return {r[0].lower(): tuple(r[1:]) for r in _rows(name)}


# A form is used as a cue when at least this share of its occurrences in PolNeAR train are cues
# ("said" .92, "told" .84; "think" .09 and "made" .15 are left out). Tuned on train.
MIN_CUE_RATIO = 0.2


@cache
def cue_verbs() -> dict[str, str]:
    """Cue verb surface form -> lemma, for the forms reliable enough to act as cues."""
    out = {}
    for form, cols in table("cue_verbs.txt").items():
        ratio = float(cols[2]) if len(cols) > 2 else 1.0
        if ratio >= MIN_CUE_RATIO:
            out[form] = cols[0] if cols else form
    return out


@lru_cache(maxsize=65536)
def cue_class(low: str) -> str:
    """How PolNeAR train uses a lower-case word: "cue" (reliably a cue verb), "weak" (sometimes),
    "noun" (a cue noun: "criticism"), or "-" (never)."""
    if low in cue_verbs():
        return "cue"
    if low in table("cue_verbs.txt"):
        return "weak"
    if low in words("cue_nouns.txt"):
        return "noun"
    return "-"


def cue_ratio(form: str) -> float:
    """Share of the form's occurrences in PolNeAR train that are cues (0 when unknown)."""
    cols = table("cue_verbs.txt").get(form, ())
    return float(cols[2]) if len(cols) > 2 else 0.0


# Leading words of mined phrases that make them cue phrases ("has vowed", "was asked", "went on to say").
_PHRASE_STARTS = frozenset("has have had was were is are did does do went made took".split())


def particle_cue(first: str, second: str) -> bool:
    """Is "first second" a verb and particle PolNeAR train uses as a cue ("pointed out", "spoke
    out")? Not one led by an auxiliary or light verb ("went on", "has been"): there the words after
    decide ("went on to say", "went on to win")."""
    return first not in _PHRASE_STARTS and f"{first} {second}" in table("cue_phrases.txt")


@cache
def cue_phrases() -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """First two words -> multi-word cue phrases that start with them, longest first. Only verb
    phrases: nominal ones ("support for") need a possessor the rules do not look for."""
    verbs = table("cue_verbs.txt")
    out: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for phrase, cols in table("cue_phrases.txt").items():
        words = tuple(phrase.split())
        if len(words) < 2 or not all(w.replace("’", "").replace("'", "").isalpha() for w in words):
            continue
        if words[0] in verbs or words[0] in _PHRASE_STARTS:
            out.setdefault(words[:2], []).append(words)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


_SUFFIXES = ("ing", "ed", "es", "s", "d", "ly")


@lru_cache(maxsize=65536)
def word_class(low: str) -> tuple[str, ...]:
    """A lower-case word's classes (coarse, fine) from word_clusters.tsv, or those of its stem
    ("stressing" -> "stress"), or () for a word the file does not know."""
    classes = table("word_clusters.tsv")
    if low in classes:
        return classes[low]
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[:-len(suffix)]
            for candidate in (stem, stem + "e"):
                if candidate in classes:
                    return classes[candidate]
    return ()
