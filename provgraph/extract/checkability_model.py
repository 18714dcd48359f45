"""A learned judge of whether what a source is credited with is checkable.

Why: the rules in checkable.py read tense and a few word lists, so "he hoped it would encourage a
dialogue" or "the deal had played to his advantage" (past tense, nothing to check) came out as
events, and a named speaker's opinion became a `single-source` flag, the report's main noise. A
maximum-entropy classifier (python-crfsuite on one-item sequences, trained by
bench/train_checkability.py on claims from PolNeAR train labelled by docs/checkability-annotation.md)
weighs the claim's words, its cue, its quotation marks and the rules' own reading; it corrects the
rules rather than replacing them. The model ships in the package and is read offline.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from provgraph.extract.checkable import TIME, Checkability, _evaluative, _past_event, _precise_figure
from provgraph.extract.claims import figures
from provgraph.extract.lexicon import word_class

MODEL_FILE = "checkability.crfsuite"
NARRATOR = "narrator"  # the source kind of the writer's own sentence, which credits no one
CHECKABLE = ("figure", "event", "finding")
NOT_CHECKABLE = ("opinion", "prediction", "intention", "demand", "question", "general", "fragment")
# The rules' readings the model does not overrule: they are about form, not content.
FINAL = frozenset({"question", "non-response", "label"})
PERSONS = {"i": "first", "we": "first", "my": "first", "our": "first", "me": "first", "us": "first",
           "you": "second", "your": "second"}
PRONOUNS = frozenset("i we you he she it they this that these those there".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds "
                         "thousand thousands million millions billion billions half".split())
_WORD = re.compile(r"[\w’'$%-]+|[^\w\s]")


def features(text: str, cue_lemma: str | None, quote: str, source_kind: str, rule: Checkability) -> list[str]:
    """What the classifier reads of one claim: its words and word pairs, how it opens, its cue,
    quotation, source kind, figures, dates, tense, and the rules' verdict."""
    words = [_word_class(w, k == 0) for k, w in enumerate(_WORD.findall(text))]
    feats = {f"w={w}" for w in words} | {f"b={a}|{b}" for a, b in zip(words, words[1:])}
    classes = [word_class(w) for w in words]
    feats |= {f"k{d}={c[d]}" for c in classes if c for d in (0, 1)}
    feats |= {f"kb={a[0]}|{b[0]}" for a, b in zip(classes, classes[1:]) if a and b}
    feats |= {f"f{k}={w}" for k, w in enumerate(words[:3])}
    if len(words) > 1:
        feats.add(f"f01={words[0]}|{words[1]}")
    feats |= {f"cue={cue_lemma}", f"q={quote}", f"src={source_kind}", f"rule={rule.reason}",
              f"rulec={rule.checkable}", f"len={min(len(words) // 5, 8)}"}
    if figures(text):
        feats.add("figure")
        if _precise_figure(text):
            feats.add("precise")
    if TIME.search(text):
        feats.add("time")
    plain = re.findall(r"[\w’'-]+", text)
    named = bool(plain) and plain[0][:1].isupper() and plain[0].lower() not in PRONOUNS
    if named:
        feats.add("named-subject")  # "Mayor Ellen Brandt has closed ...": someone named did something
    if any(w.isdigit() or w in NUMBER_WORDS for w in words):
        feats.add("number")
    dated = any(w in ("<month>", "<day>", "<year>") for w in words)
    if dated:
        feats.add("dated")
    if _past_event(plain):
        feats.add("past")
        if named:
            feats.add("named-past")
        if dated:
            feats.add("dated-past")  # "the plant closed in March": a dated event
    if _evaluative(plain):
        feats.add("evaluative")
    feats |= {f"person={PERSONS[w]}" for w in words if w in PERSONS}
    return sorted(feats)


MONTHS = frozenset("January February March April May June July August September October November December "
                   "Jan. Feb. Aug. Sept. Oct. Nov. Dec.".split())
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=65536)
def _word_class(word: str, first: bool) -> str:
    """The word as the model reads it: lower case, but a date is a date ("closed in May" is no
    modal "may"), and numbers are read by kind, so that one seen year stands for all."""
    if word in DAYS or word in MONTHS and (not first or word != "May"):
        return "<day>" if word in DAYS else "<month>"
    if YEAR.fullmatch(word):
        return "<year>"
    if word[:1].isdigit() or word[:1] == "$" and word[1:2].isdigit():
        return "<number>"
    return word.lower()


@cache
def _tagger():
    import pycrfsuite

    models = resources.files("provgraph.models")
    tagger = pycrfsuite.Tagger()
    data = models.joinpath(MODEL_FILE).read_bytes()
    tagger.open_inmemory(data)
    # how sure the model must be to overrule the rules either way, chosen with it by cross-validation
    meta = json.loads(models.joinpath(MODEL_FILE.replace(".crfsuite", ".json")).read_text("utf-8"))
    return tagger, (meta["keep"], meta["overrule"]), data  # crfsuite reads the bytes in place: keep them


def judge(text: str, cue_lemma: str | None, quote: str, source_kind: str, rule: Checkability) -> Checkability:
    """The model's verdict on a credited claim, or on the writer's own sentence (`source_kind`
    NARRATOR). A claim the rules call checkable stays so while the model gives the checkable
    reasons more than `keep` of its probability (a doubtful one would be a doubtful flag); one they
    call not checkable becomes checkable only above `overrule`, where it is right three times in
    four. The reason is then the likeliest of the side chosen."""
    if rule.reason in FINAL:
        return rule
    tagger, (keep, overrule), _ = _tagger()
    tagger.set([features(text, cue_lemma, quote, source_kind, rule)])
    p = {label: tagger.marginal(label, 0) for label in tagger.labels()}
    checkable = sum(p.get(r, 0.0) for r in CHECKABLE) > (keep if rule.checkable else overrule)
    side = CHECKABLE if checkable else NOT_CHECKABLE
    if rule.checkable == checkable and rule.reason in side:
        return rule  # agreed: the rules' reason is the one they can explain
    return Checkability(checkable, max(side, key=lambda r: p.get(r, 0.0)))
