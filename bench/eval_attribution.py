#!/usr/bin/env python3
"""Run provgraph's attribution extractor on PolNeAR and score it with the shared scorer.

Why: one command that gives the number we optimise (relation F1 on dev), the speed, and a
look at the errors. The scorer is run as a separate process, exactly as anyone else would run
it, so the numbers here are the official ones; its matching code is only imported to list errors.

The corpus texts are copyrighted: predictions and gold subsets go to a temporary directory that
is deleted on exit, and --errors prints offsets and cue words to the terminal, never to a file.

Usage: python bench/eval_attribution.py [--split dev|train] [--limit N] [--errors N] [--engine rules|model]
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
DEFAULT_PREDICTOR = "provgraph.extract.polnear:extract_attributions"


def load_predictor(spec: str):
    """'module:function' -> the function; --predictor lets a stub stand in for the package."""
    mod_name, _, func = spec.partition(":")
    sys.path.insert(0, str(REPO))  # run from a checkout without installing
    try:
        return getattr(importlib.import_module(mod_name), func)
    except (ImportError, AttributeError) as e:
        sys.exit(f"cannot load predictor {spec!r}: {e}")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(docs, fn):
    """Run fn on every doc; returns (records, seconds, words, failures). Failures count as empty."""
    records, failures, seconds, nwords = [], [], 0.0, 0
    for d in docs:
        nwords += len(d["text"].split())
        t0 = time.perf_counter()
        try:
            atts = fn(d["text"])
        except Exception:  # keep going: one bad doc should not hide the rest of the score
            atts = []
            failures.append((d["doc_id"], traceback.format_exc()))
        seconds += time.perf_counter() - t0
        records.append({"doc_id": d["doc_id"], "attributions": atts})
    return records, seconds, nwords, failures


def print_table(scores: dict) -> None:
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>8}{'pred':>8}{'gold':>8}")
    for key, r in scores.items():
        print(f"{key:18}{r['P']:7.3f}{r['R']:7.3f}{r['F1']:7.3f}{r['tp']:8}{r['pred']:8}{r['gold']:8}")


def relation_errors(scorer, gold_docs, pred_by_id):
    """False negatives and positives of the scorer's relation matching, with a reason each."""
    fns, fps = [], []
    for g in gold_docs:
        text = g["text"]
        ga, pa = g["attributions"], pred_by_id.get(g["doc_id"], [])

        def content(a):
            return scorer.merged(a.get("content", []), text)

        def rel_ok(x, p):
            if not scorer.overlaps(content(x), content(p)):
                return False
            gs = scorer.merged(x["source"], text, "source")
            ps = scorer.merged(p.get("source", []), text, "source")
            return ps is None if gs is None else scorer.overlaps(gs, ps)

        _, pairs = scorer.greedy(ga, pa, rel_ok)
        gold_hit, pred_hit = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, a in enumerate(ga):
            if i not in gold_hit:
                seen = any(scorer.overlaps(content(a), content(p)) for p in pa)
                fns.append((g["doc_id"], text, a, "source wrong" if seen else "content missed"))
        for j, p in enumerate(pa):
            if j not in pred_hit:
                if any(rel_ok(a, p) for a in ga):
                    reason = "duplicate"  # would match, but its gold was taken by another prediction
                elif any(scorer.overlaps(content(a), content(p)) for a in ga):
                    reason = "source wrong"
                else:
                    reason = "no gold content"
                fps.append((g["doc_id"], text, p, reason))
    return fns, fps


def describe(doc_id, text, a, reason) -> str:
    def spans(role):
        return ",".join(f"{s['start']}-{s['end']}" for s in a.get(role, [])) or "-"
    cue = " ".join(text[s["start"]:s["end"]] for s in a.get("cue", []))
    return (f"  {doc_id[:40]:40} [{reason}] src {spans('source')} cue {spans('cue')} "
            f"{cue!r} content {spans('content')}")


def print_errors(fns, fps, n: int) -> None:
    rng = random.Random(0)  # a fixed spread across docs, not just the first doc's errors
    for label, errs in (("false negatives", fns), ("false positives", fps)):
        reasons = {}
        for e in errs:
            reasons[e[3]] = reasons.get(e[3], 0) + 1
        print(f"\n{label}: {len(errs)} ({', '.join(f'{k} {v}' for k, v in reasons.items())})")
        picked = rng.sample(errs, min(n, len(errs)))
        picked.sort(key=lambda e: (e[0], min((s["start"] for s in e[2].get("content", [])), default=-1)))
        for e in picked:
            print(describe(*e))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--gold", type=Path, help="gold JSONL (default: <repo>/../shared/eval/polnear/SPLIT.jsonl)")
    ap.add_argument("--scorer", type=Path, default=EVAL / "score_attributions.py")
    ap.add_argument("--errors", type=int, default=0, help="print up to N relation FNs and FPs")
    ap.add_argument("--predictor", default=DEFAULT_PREDICTOR, help="module:function, text -> attributions")
    ap.add_argument("--engine", choices=("rules", "model"), help="provgraph's engine (sets --predictor)")
    args = ap.parse_args()

    gold_path = args.gold or EVAL / "polnear" / f"{args.split}.jsonl"
    for path, what in ((gold_path, "gold data"), (args.scorer, "scorer")):
        if not path.exists():
            sys.exit(f"PolNeAR {what} not found at {path}: the eval data lives outside the repo "
                     f"(see <repo>/../shared/eval/README.md); pass --gold/--scorer to point elsewhere.")

    docs = [json.loads(line) for line in gold_path.open(encoding="utf-8")]
    if args.limit:
        docs = docs[: args.limit]
    if args.engine:
        args.predictor = f"{DEFAULT_PREDICTOR}_{args.engine}"
    fn = load_predictor(args.predictor)
    records, seconds, nwords, failures = predict(docs, fn)

    with tempfile.TemporaryDirectory(prefix="provgraph-eval-") as tmp:
        pred_file, gold_file = Path(tmp) / "pred.jsonl", Path(tmp) / "gold.jsonl"
        with pred_file.open("w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        if args.limit:  # the scorer counts every gold doc, so score against the same subset
            with gold_file.open("w", encoding="utf-8") as f:
                for d in docs:
                    f.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            gold_file = gold_path
        run = subprocess.run([sys.executable, str(args.scorer), str(gold_file), str(pred_file)],
                             capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"scorer failed:\n{run.stderr}")

    print(f"{args.split}: {len(docs)} docs, {sum(len(d['attributions']) for d in docs)} gold attributions, "
          f"predictor {args.predictor}")
    try:
        print_table(json.loads(run.stdout))
    except (ValueError, KeyError, TypeError):
        print(run.stdout)
    print(f"speed: {nwords / seconds if seconds else 0:,.0f} words/s on {nwords} words")
    if failures:
        print(f"\n{len(failures)} docs raised and were scored as empty; first traceback "
              f"({failures[0][0]}):\n{failures[0][1]}")
    if args.errors:
        fns, fps = relation_errors(load_scorer(args.scorer), docs, {r["doc_id"]: r["attributions"] for r in records})
        print_errors(fns, fps, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
