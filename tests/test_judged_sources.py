"""The re-scoring of judged source labels (bench/judged_sources.py) counts judged, right and new labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import judged_sources as js  # noqa: E402


def test_rescore_counts_judged_right_and_new_labels():
    verdicts = {("a", 0, js.label_hash("Ana Lowe"), "person", False): {"correct": True, "kind_ok": True},
                ("a", 40, js.label_hash("On Wednesday"), "person", False): {"correct": False, "kind_ok": None}}
    today = {("a", 0, js.label_hash("Ana Lowe"), "person", False, None),  # judged right
             ("a", 40, js.label_hash("Tom Reddy"), "person", False, js.label_hash("Reddy"))}  # not judged yet
    counts = js.rescore(verdicts, today)
    assert (counts["labels"], counts["judged"], counts["right"], counts["kind"], counts["new"]) == (2, 1, 1, 1, 1)


def test_a_name_now_given_in_full_keeps_the_verdict_on_its_surname():
    verdicts = {("a", 0, js.label_hash("Lowe"), "person", False): {"correct": True, "kind_ok": True}}
    today = {("a", 0, js.label_hash("Ana Lowe"), "person", False, js.label_hash("Lowe"))}
    assert js.rescore(verdicts, today)["right"] == 1


def test_the_samples_are_stand_off():
    # offsets, a hash of the label and verdicts: no words of the articles
    for path in js.SAMPLES.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert set(row) == {"doc_id", "sentence_start", "sentence_end", "label_sha1", "kind", "anonymous",
                                "correct", "kind_ok", "credited_by"}, path
            assert len(row["label_sha1"]) == 12 and int(row["label_sha1"], 16) >= 0
