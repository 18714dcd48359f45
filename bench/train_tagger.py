#!/usr/bin/env python3
"""Train the attribution tagger (provgraph/models/attribution.crfsuite) on PolNeAR train.

Why: the shipped model must be rebuilt by anyone, the same way, from the corpus alone. Each
sentence of each train article is tokenised and read by the rules exactly as at run time; its
tokens are labelled B-/I- SRC, CUE, CON from the gold spans, and a CRF is fitted (L-BFGS, fixed
settings; crfsuite's training is deterministic). Each token's features include what the neural
reader (bench/train_neural.py, run first) made of it, from a network that never saw the document.
Then the dev split is scored with the shared scorer through bench/eval_attribution.py. Never the test split. No text is written anywhere: the
model holds feature weights only (words among them, as the mined lexicons do).

Usage: python bench/train_tagger.py [--c1 3.0] [--c2 0.01] [--iterations 150] [--limit N] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import pickle
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from provgraph.extract.cues import find_attributions  # noqa: E402
from provgraph.extract.neural import stacked  # noqa: E402
from provgraph.extract.quotes import find_quotes  # noqa: E402
from provgraph.extract.sentences import split_sentences  # noqa: E402
from provgraph.extract.tagger import MODEL_FILE, features, rule_labels  # noqa: E402
from provgraph.extract.tokens import tokenize  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"
OOF = REPO / "bench" / "out" / "oof_readings.pkl"  # written by bench/train_neural.py


def gold_labels(tokens, doc: dict) -> list[str]:
    """BIO labels of the tokens from the document's gold spans: a token inside a span takes its
    role; the first token of each span piece is B-. A token already taken keeps its first role."""
    labels = ["O"] * len(tokens)
    for att in doc["attributions"]:
        for role, key in (("SRC", "source"), ("CUE", "cue"), ("CON", "content")):
            for piece in att[key]:
                first = True
                for k, t in enumerate(tokens):
                    if t.end <= piece["start"] or t.start >= piece["end"]:
                        continue
                    if labels[k] == "O":
                        labels[k] = ("B-" if first else "I-") + role
                    first = False
    return labels


def sequences(doc: dict):
    """(features, labels) of each sentence of a gold document."""
    text = doc["text"]
    quotes = find_quotes(text)
    for sentence in split_sentences(text):
        tokens = tokenize(sentence.text, sentence.start)
        if not tokens:
            continue
        found = find_attributions(sentence, tokens, quotes, text)
        local = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
        yield features(tokens, rule_labels(tokens, found), local), gold_labels(tokens, doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c1", type=float, default=3.0, help="L1 penalty (keeps the model small and general).")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty.")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--limit", type=int, help="Train on the first N articles only (a quick try).")
    parser.add_argument("--output", default=str(REPO / "provgraph" / "models" / MODEL_FILE))
    parser.add_argument("--no-eval", action="store_true", help="Skip the dev score.")
    args = parser.parse_args()
    import pycrfsuite

    started = time.perf_counter()
    if not OOF.exists():
        sys.exit(f"{OOF} not found: run bench/train_neural.py first (the CRF learns from its out-of-fold readings)")
    with open(OOF, "rb") as f:
        readings = pickle.load(f)
    trainer = pycrfsuite.Trainer(verbose=False)
    articles = tokens = sentences = 0
    with open(EVAL / "polnear" / "train.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for x, y in sequences(doc):
                trainer.append(stacked(x, readings[sentences]), y)
                sentences += 1
                tokens += len(y)
            articles += 1
            if args.limit and articles >= args.limit:
                break
    prepared = time.perf_counter() - started
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    trainer.train(args.output)
    trained = time.perf_counter() - started - prepared
    size = Path(args.output).stat().st_size
    print(f"{articles} articles, {tokens} tokens; features {prepared:.0f} s, training {trained:.0f} s; "
          f"model {size / 1e6:.1f} MB -> {args.output}")
    print(f"machine: {platform.machine()}, {platform.processor() or platform.platform()}, python {platform.python_version()}")
    if not args.no_eval:
        subprocess.run([sys.executable, str(REPO / "bench" / "eval_attribution.py"), "--engine", "model"], check=True)


if __name__ == "__main__":
    main()
