"""The re-scoring of judged flag samples (bench/judged_flags.py) counts what a change kept and dropped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import judged_flags as jf  # noqa: E402


def test_rescore_counts_kept_dropped_and_new_flags():
    rows = [{"doc_id": "a", "start": 10, "flags": {"single-source": "ok", "hedged": "wrong"}},
            {"doc_id": "a", "start": 50, "flags": {"unattributed": "wrong"}}]
    raised = {("a", 10): {"single-source", "anonymous-only"}}  # hedged dropped, a new flag; claim 50 gone
    s = jf.rescore(rows, raised)
    assert (s["judged"], s["right"], s["kept"], s["kept_right"], s["new"]) == (3, 1, 1, 1, 1)


def test_the_samples_are_stand_off():
    for path in jf.SAMPLES.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            # (samples since session 17 also mark a close call)
            assert set(row) - {"close"} == {"doc_id", "start", "end", "flags", "sources_ok", "category"}, path
            assert row.get("close", False) in (True, False)
            assert set(row["flags"]) <= set(jf.SCORED) and set(row["flags"].values()) <= {"ok", "wrong"}
