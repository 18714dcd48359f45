"""A learned tagger for attribution spans: each token of a sentence gets B-/I-SRC, CUE, CON or O.

Why: the rules find most cues but draw span edges badly (a third of claim texts were fragments).
PolNeAR is univocal (a token has at most one role), so the spans are a tag sequence, and a CRF
(python-crfsuite, trained by bench/train_tagger.py on PolNeAR train) learns their edges. The rules'
own reading of each token is one of its features, so the model corrects the rules rather than
starting over. The model ships in the package and is read offline.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from provgraph.extract import lexicon
from provgraph.extract.tokens import Token
from provgraph.model import Span

ROLES = ("SRC", "CUE", "CON")
MODEL_FILE = "attribution.crfsuite"
_QUOTE_MARKS = frozenset("“”‘’\"«»„")


def rule_labels(tokens: list[Token], found) -> list[str]:
    """The rules' role for each token ('SRC', 'CUE', 'CON' or 'O') from their `Found` attributions."""
    labels = ["O"] * len(tokens)
    for f in found:
        parts = [("CUE", f.cue)] + [("CON", c) for c in f.content]
        if f.mention is not None:
            parts.append(("SRC", f.mention.span))
        for role, span in parts:
            for k, t in enumerate(tokens):
                if labels[k] == "O" and span.start <= t.start and t.end <= span.end:
                    labels[k] = role
    return labels


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if not text[0].isalnum():
        return "q" if text in _QUOTE_MARKS else "p"
    if text.isupper() and len(text) > 1:
        return "X"
    return "Xx" if text[0].isupper() else "x"


def _cue_class(low: str) -> str:
    if low in lexicon.cue_verbs():
        return "cue"
    if low in lexicon.table("cue_verbs.txt"):
        return "weak"
    if low in lexicon.words("cue_nouns.txt"):
        return "noun"
    return "-"


def features(tokens: list[Token], rules: list[str], quotes: list[Span]) -> list[list[str]]:
    """CRF features of each token of one sentence: the word and its neighbours, shape, whether
    it is quoted, how far the nearest cue word is, and what the rules made of it and around it."""
    n = len(tokens)
    low = [t.lower for t in tokens]
    cue = [_cue_class(w) for w in low]
    quoted = [any(q.start <= t.start and t.end <= q.end for q in quotes) for t in tokens]
    shape = [_shape(t.text) for t in tokens]
    cue_at = [k for k, c in enumerate(cue) if c == "cue"] + [k for k in range(n - 1) if low[k] == "according"]
    out = []
    for i, t in enumerate(tokens):
        w = low[i]
        f = [f"w={w}", f"s3={w[-3:]}", f"sh={shape[i]}", f"r={rules[i]}", f"c={cue[i]}", f"q={quoted[i]}",
             f"r-q={rules[i]}|{quoted[i]}", f"pos={min(i, 4)}", f"end={min(n - 1 - i, 4)}"]
        if cue_at:
            d = min(cue_at, key=lambda k: abs(k - i)) - i
            f.append(f"dcue={'L' if d < 0 else 'R' if d > 0 else '0'}{min(abs(d), 6) if abs(d) < 6 else '6+'}")
        else:
            f.append("dcue=none")
        for off in (-2, -1, 1, 2):
            k = i + off
            if 0 <= k < n:
                f += [f"{off}w={low[k]}", f"{off}r={rules[k]}", f"{off}c={cue[k]}"]
                if abs(off) == 1:
                    f += [f"{off}sh={shape[k]}", f"{off}q={quoted[k]}"]
            else:
                f.append(f"{off}w=<edge>")
        if i > 0:
            f.append(f"bi={low[i - 1]}|{w}")
        out.append(f)
    return out


def spans(labels: list[str]) -> list[tuple[str, int, int]]:
    """(role, first token, end token) runs of a BIO sequence. An I- that follows neither a B- nor an
    I- of its role starts a span of its own (the CRF rarely emits one, but never lose it)."""
    out: list[tuple[str, int, int]] = []
    for k, label in enumerate(labels):
        if label == "O":
            continue
        tag, role = label.split("-", 1)
        if tag == "I" and out and out[-1][0] == role and out[-1][2] == k:
            out[-1] = (role, out[-1][1], k + 1)
        else:
            out.append((role, k, k + 1))
    return out


@cache
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    data = resources.files("provgraph.models").joinpath(MODEL_FILE).read_bytes()
    tagger.open_inmemory(data)
    return tagger, data  # crfsuite reads the bytes in place: they must live as long as the tagger


def tag(tokens: list[Token], rules: list[str], quotes: list[Span], probe: list[int]) -> tuple[list[str], dict[int, float]]:
    """BIO labels for the tokens of one sentence, and for each token in `probe` the model's
    probability that it is part of a cue (how far to trust a cue the rules found and the best path
    left out; asked only there, since marginals cost a tenth of the tagging)."""
    if not tokens:
        return [], {}
    tagger = _tagger()[0]
    labels = tagger.tag(features(tokens, rules, quotes))
    return labels, {i: tagger.marginal("B-CUE", i) + tagger.marginal("I-CUE", i) for i in probe}
