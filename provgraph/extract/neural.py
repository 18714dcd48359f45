"""A small neural reader of attribution spans whose label probabilities are features of the CRF.

Why: the CRF sees each token through a window of two words either side, so where a long content
span ends or begins is often out of its sight. A bidirectional LSTM reads the whole sentence; its
guess for each token (source, cue, content: B-/I- or none) is stacked into the CRF's features
(tagger.py), and the CRF decides. Trained by bench/train_neural.py on PolNeAR train (torch, build
time only); here it runs in numpy from a weight file shipped in the package (float16, read offline).
Its input is the CRF's own feature strings, hashed into a fixed number of buckets.
"""

from __future__ import annotations

import zlib
from functools import cache
from importlib import resources
from itertools import chain

import numpy as np

MODEL_FILE = "attribution_lstm.npz"
LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
BUCKETS = 1 << 16  # hashed feature embeddings: 65,536 x 64 in float16 is 8 MB


_BUCKETS: dict[str, int] = {}  # feature string -> row, filled as features are met (a plain dict: 3x an lru_cache)


def buckets(features: list[str]) -> list[int]:
    """The embedding rows of feature strings (crc32: stable across processes, unlike hash()).
    Looked up with map() over the dict: a Python call per feature cost a fifth of tagging."""
    rows = list(map(_BUCKETS.get, features))
    if None in rows:
        if len(_BUCKETS) > 1 << 21:
            _BUCKETS.clear()  # bounded: a long run over many articles meets ever new words
        for k, row in enumerate(rows):
            if row is None:
                rows[k] = _BUCKETS[features[k]] = zlib.crc32(features[k].encode()) % BUCKETS
    return rows


@cache
def _weights() -> dict[str, np.ndarray]:
    with resources.files("provgraph.models").joinpath(MODEL_FILE).open("rb") as f:
        stored = np.load(f)
        w = {name: stored[name].astype(np.float32) for name in stored.files}
    # both directions run in one loop: their recurrent weights as one block-diagonal matrix, the
    # gates interleaved (input, forget, cell, output; forward then backward in each)
    size = w["forward_hh"].shape[1]
    recurrent = np.zeros((2 * size, 8 * size), np.float32)
    for k in range(4):
        recurrent[:size, 2 * k * size:(2 * k + 1) * size] = w["forward_hh"][k * size:(k + 1) * size].T
        recurrent[size:, (2 * k + 1) * size:(2 * k + 2) * size] = w["backward_hh"][k * size:(k + 1) * size].T
    w["recurrent"] = recurrent
    return w


def probabilities(features: list[list[str]]) -> np.ndarray:
    """(tokens x labels) probabilities for one sentence, given each token's CRF feature strings."""
    return read_sentences([features])[0]


def read_sentences(sentences: list[list[list[str]]]) -> list[np.ndarray]:
    """`probabilities` of many sentences at once (an article's): the LSTM steps through all of them
    together, longest first, so numpy's per-call cost is paid once per position, not per token."""
    w = _weights()
    size = w["forward_hh"].shape[1]
    lengths = [len(s) for s in sentences]
    x = np.concatenate([_embedded(feats, w["embedding"]) for feats in sentences]) if sentences \
        else np.zeros((0, w["embedding"].shape[1]), np.float32)
    forward = x @ w["forward_ih"].T + w["forward_bias"]
    backward = x @ w["backward_ih"].T + w["backward_bias"]
    order = sorted(range(len(sentences)), key=lambda k: -lengths[k])
    offsets = np.cumsum([0] + lengths[:-1])
    longest = max(lengths, default=0)
    gates_in = np.zeros((longest, len(sentences), 8 * size), np.float32)  # by step, sentence (longest first)
    for j, k in enumerate(order):
        n, o = lengths[k], offsets[k]
        both = np.stack([forward[o:o + n].reshape(n, 4, size), backward[o:o + n][::-1].reshape(n, 4, size)], 2)
        gates_in[:n, j] = both.reshape(n, 8 * size)
    active = [sum(1 for k in order if lengths[k] > t) for t in range(longest)]
    recurrent, half = w["recurrent"], 2 * size
    h = np.zeros((len(sentences), half), np.float32)
    c = np.zeros((len(sentences), half), np.float32)
    out = np.zeros((longest, len(sentences), half), np.float32)
    for t in range(longest):
        m = active[t]
        gates = gates_in[t, :m] + h[:m] @ recurrent
        s = 1.0 / (1.0 + np.exp(-gates))
        c[:m] = s[:, half:2 * half] * c[:m] + s[:, :half] * np.tanh(gates[:, 2 * half:3 * half])
        h[:m] = s[:, 3 * half:] * np.tanh(c[:m])
        out[t, :m] = h[:m]
    result: list[np.ndarray] = [np.zeros((0, len(LABELS)), np.float32)] * len(sentences)
    for j, k in enumerate(order):
        n = lengths[k]
        hidden = np.concatenate([out[:n, j, :size], out[:n, j, size:][::-1]], 1)  # backward states in order
        logits = hidden @ w["output"].T + w["output_bias"]
        exp = np.exp(logits - logits.max(1, keepdims=True))
        result[k] = exp / exp.sum(1, keepdims=True)
    return result


def _embedded(features: list[list[str]], embedding: np.ndarray) -> np.ndarray:
    """Each token's features as the sum of their embedding rows (one sentence at a time: an
    article's rows at once fall out of the CPU's cache and take twice as long)."""
    if not features:
        return np.zeros((0, embedding.shape[1]), np.float32)
    rows = buckets(list(chain.from_iterable(features)))
    return np.add.reduceat(embedding[rows], np.cumsum([0] + [len(tok) for tok in features[:-1]]))


# every feature string the network's reading gives, formatted once
_TOP = [f"nn={label}" for label in LABELS]
_SURE = [[f"nnb={label}|{k}" for k in range(5)] for label in LABELS]
_SECOND = [f"nn2={label}" for label in LABELS]
_LEFT = [f"-1nn={label}" for label in LABELS] + ["-1nn=<edge>"]
_RIGHT = [f"1nn={label}" for label in LABELS] + ["1nn=<edge>"]


def stacked(features: list[list[str]], probs) -> list[list[str]]:
    """The CRF's features with the network's reading added: its likeliest label for the token (and
    how sure, in fifths), a second label it gives more than 0.2, and its likeliest label either side."""
    probs = np.asarray(probs, dtype=np.float32)
    order = np.argsort(-probs, axis=1, kind="stable")
    first, second = order[:, 0].tolist(), order[:, 1].tolist()
    sure = np.minimum((probs[np.arange(len(probs)), order[:, 0]] * 5).astype(int), 4).tolist()
    doubt = (probs[np.arange(len(probs)), order[:, 1]] > 0.2).tolist()
    n = len(first)
    out = []
    for i in range(n):
        f = [*features[i], _TOP[first[i]], _SURE[first[i]][sure[i]]]
        if doubt[i]:
            f.append(_SECOND[second[i]])
        f.append(_LEFT[first[i - 1] if i > 0 else -1])
        f.append(_RIGHT[first[i + 1] if i + 1 < n else -1])
        out.append(f)
    return out
