"""A learned tagger for attribution spans: each token of a sentence gets B-/I-SRC, CUE, CON or O.

Why: the rules find most cues but draw span edges badly (a third of claim texts were fragments).
PolNeAR is univocal (a token has at most one role), so the spans are a tag sequence, and a CRF
(python-crfsuite, trained by bench/train_tagger.py on PolNeAR train) learns their edges. The rules'
own reading of each token is one of its features, so the model corrects the rules rather than
starting over; so are the guesses of a neural reader of the whole sentence (neural.py), stacked.
The model ships in the package and is read offline.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from provgraph.extract import lexicon
from provgraph.extract.neural import probabilities, read_sentences, stacked
from provgraph.extract.tokens import QUOTE_MARKS, Token, is_capital
from provgraph.model import Span

ROLES = ("SRC", "CUE", "CON")
MODEL_FILE = "attribution.crfsuite"


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
        return "q" if text in QUOTE_MARKS else "p"
    if text.isupper() and len(text) > 1:
        return "X"
    return "Xx" if is_capital(text[0]) else "x"


def _nearest(n: int, at: list[int]) -> list[int | None]:
    """For each of n tokens, the signed offset to the nearest of the positions `at` (the left one on
    a tie), in two passes instead of a search per token."""
    left: list[int | None] = [None] * n
    right: list[int | None] = [None] * n
    last = None
    for i in range(n):
        last = i if i in at else last
        left[i] = last
    last = None
    for i in range(n - 1, -1, -1):
        last = i if i in at else last
        right[i] = last
    return [None if left[i] is None and right[i] is None else
            right[i] - i if left[i] is None or right[i] is not None and right[i] - i < i - left[i] else left[i] - i
            for i in range(n)]


def _cue_distances(low: list[str], cue: list[str]) -> list[str]:
    """The feature of each token's offset to the nearest cue word, or to "according"; a cue verb
    wins a tie."""
    n = len(low)
    verbs = _nearest(n, {k for k, c in enumerate(cue) if c == "cue"})
    according = _nearest(n, {k for k in range(n - 1) if low[k] == "according"})
    out = []
    for a, b in zip(verbs, according):
        d = b if a is None or b is not None and abs(b) < abs(a) else a
        out.append("dcue=none" if d is None else
                   f"dcue={'L' if d < 0 else 'R' if d > 0 else '0'}{min(abs(d), 6) if abs(d) < 6 else '6+'}")
    return out


_POS = [f"pos={k}" for k in range(5)]
_END = [f"end={k}" for k in range(5)]
_LABELS = ("SRC", "CUE", "CON", "O")
# every feature string of a token's rule label and quote state, per neighbour offset, formatted once
_RULE = {off: {r: f"{off}r={r}" for r in _LABELS} for off in (-2, -1, 1, 2)}
_QUOTED = {off: {q: f"{off}q={q}" for q in (False, True)} for off in (-1, 1)}
_OWN = {(r, q): (f"r={r}", f"q={q}", f"r-q={r}|{q}") for r in _LABELS for q in (False, True)}
_EDGE = {off: f"{off}w=<edge>" for off in (-2, -1, 1, 2)}


@lru_cache(maxsize=65536)
def _word_features(text: str) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """The features a word gives itself and, per offset, its neighbours: formatted once per word
    type, not once per token (they were a third of the tagger's time)."""
    w = text.lower()
    shape, cue = _shape(text), lexicon.cue_class(w)
    classes = lexicon.word_class(w)
    kinds = tuple(f"k{n}={c}" for n, c in enumerate(classes))
    around = {off: (f"{off}w={w}", f"{off}c={cue}") + ((f"{off}sh={shape}",) if abs(off) == 1 else ())
              + tuple(f"{off}{k}" for k in kinds[:1]) for off in (-2, -1, 1, 2)}
    return (f"w={w}", f"s3={w[-3:]}", f"sh={shape}", f"c={cue}") + kinds, around


_CAP_RUN = {(a, b): f"cr={a:d}{b:d}" for a in (False, True) for b in (False, True)}
_BOUNDARY = {",": ",", ";": ",", ":": ":", "that": "that", "who": "wh", "which": "wh", "(": "(", ")": ")"}


def _boundaries(low: list[str], cue: list[str]) -> tuple[list[str], list[str]]:
    """For each token, the nearest clause boundary on its left and on its right: a comma, colon,
    "that", a relative pronoun, a bracket, a quote mark or a cue word (span edges sit at them)."""
    kinds = [_BOUNDARY.get(w) or ("q" if w in QUOTE_MARKS else "cue" if c == "cue" else None)
             for w, c in zip(low, cue)]
    n = len(low)
    left, right = [""] * n, [""] * n
    last = "none"
    for i in range(n):
        left[i] = f"lb={last}"
        last = kinds[i] or last
    last = "none"
    for i in range(n - 1, -1, -1):
        right[i] = f"rb={last}"
        last = kinds[i] or last
    return left, right


def features(tokens: list[Token], rules: list[str], quotes: list[Span]) -> list[list[str]]:
    """CRF features of each token of one sentence: the word and its neighbours, shape, whether
    it is quoted, how far the nearest cue word is, and what the rules made of it and around it.
    (A token's features are a set: their order does not matter to the CRF.)"""
    n = len(tokens)
    low = [t.lower for t in tokens]
    words = [_word_features(t.text) for t in tokens]
    cue = [own[3][2:] for own, _ in words]
    quoted = [False] * n
    if n:
        first, last = tokens[0].start, tokens[-1].end
        for q in quotes:  # the pipeline gives only the quotations near the sentence
            if q.start < last and q.end > first:
                for k, t in enumerate(tokens):
                    if q.start <= t.start and t.end <= q.end:
                        quoted[k] = True
    dcue = _cue_distances(low, cue)
    caps = [t.is_cap for t in tokens]
    left, right = _boundaries(low, cue)
    pos = _POS[:n] + [_POS[4]] * (n - 5)
    end = [_END[4]] * (n - 5) + _END[min(n, 5) - 1::-1]
    out = []
    for i in range(n):
        f = [*words[i][0], *_OWN[rules[i], quoted[i]], pos[i], end[i], dcue[i]]
        for off in (-2, -1, 1, 2):
            k = i + off
            if 0 <= k < n:
                f += words[k][1][off]
                f.append(_RULE[off][rules[k]])
                if off in (-1, 1):
                    f.append(_QUOTED[off][quoted[k]])
            else:
                f.append(_EDGE[off])
        if caps[i]:
            f.append(_CAP_RUN[i > 0 and caps[i - 1], i + 1 < n and caps[i + 1]])
        f += (left[i], right[i])
        if i > 0:
            f.append(f"bi={low[i - 1]}|{low[i]}")
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


def tag(tokens: list[Token], rules: list[str], quotes: list[Span], probe: list[int],
        reading: tuple | None = None) -> tuple[list[str], dict[int, float]]:
    """BIO labels for the tokens of one sentence, and for each token in `probe` the model's
    probability that it is part of a cue (how far to trust a cue the rules found and the best path
    left out; asked only there, since marginals cost a tenth of the tagging). `reading`: the
    sentence's features and neural reading, when read with the rest of the article (`read_article`)."""
    if not tokens:
        return [], {}
    tagger = _tagger()[0]
    if reading is None:
        own = features(tokens, rules, quotes)
        reading = own, probabilities(own)
    labels = tagger.tag(stacked(*reading))
    return labels, {i: tagger.marginal("B-CUE", i) + tagger.marginal("I-CUE", i) for i in probe}


def read_article(sentences: list[tuple[list[Token], list[str], list[Span]]]) -> list[tuple | None]:
    """Each sentence's features and neural reading, given its tokens, the rules' labels and the
    quotations over it: the network reads the whole article at once, several times faster than a
    sentence at a time."""
    own = [features(tokens, rules, quotes) if tokens else [] for tokens, rules, quotes in sentences]
    probs = iter(read_sentences([o for o in own if o]))
    return [(o, next(probs)) if o else None for o in own]
