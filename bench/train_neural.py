#!/usr/bin/env python3
"""Train the neural reader of attribution spans (provgraph/models/attribution_lstm.npz) on PolNeAR
train, and its out-of-fold readings that bench/train_tagger.py stacks into the CRF.

Why: the CRF sees two words either side of a token; a bidirectional LSTM over the whole sentence
sees where a long content span ends. Its input is the CRF's own features (hashed into 65,536
embedding rows, summed per token), its output a label per token; the CRF takes its guesses as
features (provgraph/extract/neural.py) and decides. A stacked model must learn from guesses like
those it will get: the CRF is trained on each train document read by a network that never saw
that document (two networks, each trained on half the documents: out of fold); the shipped network
is trained on all of them. Fixed seeds; torch is needed here only (the `train` extra), numpy runs
it in the package. Never dev or test for fitting; dev is scored for the record.

Usage: python bench/train_neural.py [--epochs 8] [--fold-epochs 3] [--threads 2]
Writes the model and bench/out/oof_readings.pkl (out-of-fold probabilities, no text).
"""

from __future__ import annotations

import argparse
import json
import pickle
import platform
import random
import sys
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from provgraph.extract.neural import BUCKETS, LABELS, MODEL_FILE  # noqa: E402
from train_tagger import EVAL, sequences  # noqa: E402

OOF = REPO / "bench" / "out" / "oof_readings.pkl"
DIM, HIDDEN, BATCH, SEED = 64, 96, 32, 1


def read(split: str) -> list[tuple[list[list[int]], list[int], int]]:
    """(hashed features per token, label ids, document number) for each sentence of a split."""
    index = {label: k for k, label in enumerate(LABELS)}
    out = []
    with open(EVAL / "polnear" / f"{split}.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f):
            for x, y in sequences(json.loads(line)):
                out.append(([[zlib.crc32(feat.encode()) % BUCKETS for feat in feats] for feats in x],
                            [index[label] for label in y], n))
    return out


def network():
    import torch.nn as nn

    class Network(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.EmbeddingBag(BUCKETS, DIM, mode="sum")
            self.lstm = nn.LSTM(DIM, HIDDEN, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * HIDDEN, len(LABELS))
            self.drop = nn.Dropout(0.2)

        def forward(self, batch):
            import torch

            flat, offsets, lengths = [], [], []
            for sentence in batch:
                lengths.append(len(sentence))
                for token in sentence:
                    offsets.append(len(flat))
                    flat.extend(token)
            e = self.emb(torch.tensor(flat), torch.tensor(offsets))
            x = torch.zeros(len(batch), max(lengths), e.shape[1])
            k = 0
            for i, n in enumerate(lengths):
                x[i, :n] = e[k:k + n]
                k += n
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True)
            return self.out(self.drop(h)), lengths

    return Network()


def train(data: list, dev: list, epochs: int, name: str):
    """Adam, cross-entropy, batches of sentences of like length; seeded, so a rerun gives the same net."""
    import torch

    torch.manual_seed(SEED)
    random.seed(SEED)
    net = network()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    data = list(data)
    for epoch in range(epochs):
        started = time.perf_counter()
        random.shuffle(data)
        order = sorted(range(len(data)), key=lambda i: len(data[i][1]) + random.random() * 8)
        batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
        random.shuffle(batches)
        for idx in batches:
            batch = [data[i] for i in idx]
            out, _ = net([x for x, _, _ in batch])
            gold = torch.full(out.shape[:2], -100, dtype=torch.long)
            for j, (_, y, _) in enumerate(batch):
                gold[j, :len(y)] = torch.tensor(y)
            loss = torch.nn.functional.cross_entropy(out.reshape(-1, len(LABELS)), gold.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"  {name} epoch {epoch + 1}/{epochs}: dev token F1 {token_f1(net, dev):.4f} "
              f"({time.perf_counter() - started:.0f} s)", flush=True)
    return net


def readings(net, data: list) -> list[list[list[float]]]:
    """The network's label probabilities for each token of each sentence."""
    import torch

    net.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(data), 128):
            batch = data[i:i + 128]
            logits, lengths = net([x for x, _, _ in batch])
            probs = torch.softmax(logits, -1)
            out += [probs[j, :lengths[j]].tolist() for j in range(len(batch))]
    net.train()
    return out


def token_f1(net, dev: list) -> float:
    """F1 over tokens with a label (the argmax), a quick check while training."""
    tp = fp = fn = 0
    for probs, (_, gold, _) in zip(readings(net, dev), dev):
        for p, g in zip(probs, gold):
            guess = max(range(len(p)), key=p.__getitem__)
            tp += guess == g != 0
            fp += guess != 0 and guess != g
            fn += g != 0 and guess != g
    return 2 * tp / (2 * tp + fp + fn)


def export(net, path: Path) -> None:
    """The weights as provgraph/extract/neural.py reads them: float16, the two LSTM biases summed."""
    import numpy as np

    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    weights = {"embedding": sd["emb.weight"], "forward_ih": sd["lstm.weight_ih_l0"],
               "forward_hh": sd["lstm.weight_hh_l0"], "forward_bias": sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
               "backward_ih": sd["lstm.weight_ih_l0_reverse"], "backward_hh": sd["lstm.weight_hh_l0_reverse"],
               "backward_bias": sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
               "output": sd["out.weight"], "output_bias": sd["out.bias"]}
    with open(path, "wb") as f:
        np.savez_compressed(f, **{k: v.astype(np.float16) for k, v in weights.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=8, help="Epochs of the shipped network (all of train).")
    parser.add_argument("--fold-epochs", type=int, default=3, help="Epochs of each half-train network.")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", default=str(REPO / "provgraph" / "models" / MODEL_FILE))
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    data, dev = read("train"), read("dev")
    print(f"{len(data)} train sentences, {len(dev)} dev; features {time.perf_counter() - started:.0f} s", flush=True)
    oof: list = [None] * len(data)
    for fold in (0, 1):
        net = train([s for s in data if s[2] % 2 == fold], dev, args.fold_epochs, f"half {fold}")
        unseen = [i for i, s in enumerate(data) if s[2] % 2 != fold]
        for i, probs in zip(unseen, readings(net, [data[i] for i in unseen])):
            oof[i] = probs
    OOF.parent.mkdir(parents=True, exist_ok=True)
    with open(OOF, "wb") as f:
        pickle.dump(oof, f)
    net = train(data, dev, args.epochs, "all")
    export(net, Path(args.output))
    print(f"model {Path(args.output).stat().st_size / 1e6:.1f} MB -> {args.output}; out-of-fold readings -> {OOF}; "
          f"{time.perf_counter() - started:.0f} s in all")
    print(f"machine: {platform.machine()}, {platform.processor() or platform.platform()}, {args.threads} threads, "
          f"python {platform.python_version()}, torch {torch.__version__}")


if __name__ == "__main__":
    main()
