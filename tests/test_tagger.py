"""The trained attribution tagger: shipped and read offline, spans decoded whole, and linked into
attributions the rest of the pipeline reads like the rules' own."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from conftest import run
from provgraph.extract.pipeline import extract
from provgraph.extract.polnear import extract_attributions
from provgraph.extract.lexicon import word_class
from provgraph.extract import neural
from provgraph.extract.cues import find_attributions
from provgraph.extract.tagger import MODEL_FILE, features, rule_labels, spans
from provgraph.extract.tokens import tokenize
from provgraph.model import Article, Span


@pytest.mark.parametrize("name", [MODEL_FILE, neural.MODEL_FILE])
def test_models_ship_in_the_package_and_are_small(name):
    model = resources.files("provgraph.models").joinpath(name)
    assert model.is_file()
    assert len(model.read_bytes()) <= 25_000_000


def test_the_neural_reader_gives_each_token_a_distribution_over_the_labels():
    text = "Harbour officials said the bridge closed in March."
    tokens = tokenize(text)
    own = features(tokens, rule_labels(tokens, find_attributions(Span(0, len(text), text), tokens, [], text)), [])
    probs = neural.probabilities(own)
    assert probs.shape == (len(tokens), len(neural.LABELS))
    assert abs(probs.sum(1) - 1).max() < 1e-4
    said = [t.text for t in tokens].index("said")
    assert neural.LABELS[int(probs[said].argmax())] == "B-CUE"  # it reads "said" as a cue on its own
    assert neural.LABELS[int(probs[said + 2].argmax())].endswith("-CON")  # and what follows as content


def test_the_crf_reads_the_neural_guesses_of_the_token_and_its_neighbours():
    own = [["w=a"], ["w=b"]]
    probs = [[0.1, 0, 0, 0.9, 0, 0, 0], [0.3, 0, 0, 0, 0, 0, 0.7]]
    assert neural.stacked(own, probs) == [
        ["w=a", "nn=B-CUE", "nnb=B-CUE|4", "-1nn=<edge>", "1nn=I-CON"],
        ["w=b", "nn=I-CON", "nnb=I-CON|3", "nn2=O", "-1nn=B-CUE", "1nn=<edge>"],
    ]


def test_decoding_never_loses_a_span():
    labels = ["B-SRC", "I-SRC", "B-CUE", "I-CON", "I-CON", "O", "I-CUE", "B-CON"]
    assert spans(labels) == [("SRC", 0, 2), ("CUE", 2, 3), ("CON", 3, 5), ("CUE", 6, 7), ("CON", 7, 8)]


def test_a_cue_word_unseen_in_training_shares_the_class_of_a_seen_one():
    """The word classes let what the tagger learned of "criticized" reach "denounced" (and a
    form the file lacks, "stressing", through its stem)."""
    assert word_class("denounced") == word_class("criticized") != ()
    assert word_class("stressing") == word_class("stress") != ()
    assert word_class("said") != word_class("harbour")
    assert word_class("xqzzv") == ()


def texts(atts: list[dict], role: str) -> list[str]:
    return [" ".join(x["text"] for x in a[role]).strip(" .,“”\"") for a in atts]


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_both_engines_read_a_plain_report(engine):
    text = "Mayor Tom Brennan said that the bridge would reopen in March."
    atts = extract_attributions(text, engine)
    assert texts(atts, "source") == ["Mayor Tom Brennan"]
    assert texts(atts, "cue") == ["said"]
    # PolNeAR's content often keeps "that" (the model learned it); the claim never does
    assert texts(atts, "content")[0].removeprefix("that ") == "the bridge would reopen in March"
    assert [c.text.rstrip(".") for c in extract(Article(text=text), engine).claims] == [
        "the bridge would reopen in March"]


def test_the_model_ends_a_content_where_the_next_speaker_begins():
    text = ("The governor said the levee held overnight, but the county engineer told reporters that "
            "two pumps failed on Tuesday.")
    rules = extract(Article(text=text), "rules").attributions[0].content
    model = extract(Article(text=text), "model").attributions[0].content
    assert "pumps" in " ".join(c.text for c in rules)  # the rules run on into the engineer's words
    assert " ".join(c.text for c in model).strip(" ,") == "the levee held overnight"


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_quotation_over_two_sentences_is_one_attribution_in_polnear_format(engine):
    text = "“The levee held through the night,” the governor said. “Two pumps failed, and crews replaced them by noon.”"
    atts = extract_attributions(text, engine)
    assert len(atts) == 1
    assert "Two pumps failed" in atts[0]["content"][-1]["text"]
    assert atts[0]["content"][0]["start"] <= 1


def test_engine_option_on_extract(runner, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("The mayor said the bridge would reopen in March, officials confirmed on Friday.\n",
                   encoding="utf-8")
    outputs = {}
    for engine in ("model", "rules"):
        result = run(runner, "extract", str(doc), "--engine", engine)
        outputs[engine] = json.loads(result.output)["attributions"]
        assert outputs[engine], engine
    result = run(runner, "extract", str(doc), "--engine", "crystal-ball", ok=False)
    assert "crystal-ball" in result.output and "Traceback" not in result.output


def test_claim_text_and_place_do_not_depend_on_the_engine():
    text = "“The levee held through the night,” the governor said on Tuesday."
    claims = {e: extract(Article(text=text), e).claims for e in ("model", "rules")}
    assert [(c.text, c.span.start, c.span.end) for c in claims["model"]] == \
        [(c.text, c.span.start, c.span.end) for c in claims["rules"]]
    assert claims["model"][0].text == "The levee held through the night"


def test_a_sentence_initial_quantifier_is_not_a_name():
    sources = [a.source for a in extract(Article(text="Some said the plant closed in 2015.")).attributions
               if a.source is not None]
    assert sources and all(s.kind != "person" and s.anonymous for s in sources)


@pytest.mark.parametrize("cue, lemma", [("overruled", "overrule"), ("urging", "urge"), ("hopes", "hope"),
                                        ("criticized", "criticize"), ("judge’s decision", "decision"),
                                        ("said", "say"), ("according to", "according to"),
                                        ("has endorsed", "endorse"), ("had repeatedly urged", "urge")])
def test_a_cue_only_the_model_found_gets_the_lemma_that_says_what_kind_it_is(cue, lemma):
    from provgraph.extract.checkable import cue_lemma
    from provgraph.extract.tokens import tokenize
    assert cue_lemma(tokenize(cue)) == lemma


@pytest.mark.parametrize("chosen, expected", [(None, "1"), ("3", "3")])
def test_the_package_asks_for_one_blas_thread_unless_the_user_chose(chosen, expected):
    # ingest's workers each starting a pool of BLAS threads for the neural reader made ingest 3x slower
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if chosen:
        env["OPENBLAS_NUM_THREADS"] = chosen
    out = subprocess.run([sys.executable, "-c", "import provgraph, os; print(os.environ['OPENBLAS_NUM_THREADS'])"],
                         env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert out == expected
