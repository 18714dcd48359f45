"""Ordinary news sentences next to the patterns a rule was written for, which it must leave alone:
each case is a misreading a review of the rules found (a speaker lost, an unnamed source named, a
wire credit taken for a chart's source)."""

from __future__ import annotations

import pytest

from provgraph.extract.pipeline import extract
from provgraph.model import Article

ENGINES = ["model", "rules"]


def credits(text: str, engine: str) -> dict[str, list[tuple[str, bool]]]:
    """Claim text (first 20 characters) -> (label, anonymous) of each source credited."""
    return {c.text[:20]: [(a.source.label, a.source.anonymous) for a in c.attributions]
            for c in extract(Article(text=text), engine).claims}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quotation_before_said_keeps_its_speaker(engine):
    # a subject set off by a comma is read only for cues that never take their speaker after them
    found = credits("“The best day of my life,” said Ana Ruiz, 24, who won the race in 2 hours and 31 minutes.", engine)
    assert list(found.values()) == [[("Ana Ruiz", False)]]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_investigators_after_two_named_speakers_stay_unnamed(engine):
    text = ("Mayor Tom Reyes said the fire was under control. Councillor Ana Ruiz said 12 families were moved. "
            "The investigators said the fire began in a storage room and spread to 12 units.")
    assert credits(text, engine)["the fire began in a "] == [("The investigators", True)]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_wire_credit_at_the_end_credits_nothing_above_it(engine):
    text = ("Floods kill 23 in the south\n"
            "Heavy rain killed 23 people and forced 4,000 from their homes on Monday.\n"
            "Source: Xinhua")
    assert all(not sources for sources in credits(text, engine).values())


@pytest.mark.parametrize("text", [
    "The Education Department said it will hire 300 new teachers next year.",  # a plan, not an estimate
    "The Republican National Committee said its candidate would win the state by 6 points in November.",
])
def test_a_plan_or_a_partys_forecast_stays_a_prediction(text):
    (claim,) = extract(Article(text=text)).claims
    assert not claim.checkable


@pytest.mark.parametrize("engine", ENGINES)
def test_a_section_label_is_no_document_source(engine):
    text = "Editorial: The mayor should resign\n\nMore than 2,000 people signed the petition on Friday."
    assert not any(label in ("Editorial", "Petition") for sources in credits(text, engine).values()
                   for label, _ in sources)


@pytest.mark.parametrize("text", [
    "Health officials sounded the alarm on Tuesday that measles cases in the county had tripled since January.",
    "Officials appeared confident that the bridge would reopen by June.",
])
def test_sounding_an_alarm_or_appearing_confident_still_credits_the_speakers(text):
    claims = extract(Article(text=text)).claims
    assert claims and all(a.source.anonymous for c in claims for a in c.attributions) \
        and any(c.attributions for c in claims)


def test_a_dated_event_of_the_day_does_not_carry_a_study_two_paragraphs_on():
    text = ("The Dover Institute study found that rents rose 14 percent in 2023.\n\n"
            "Rents rose 9 percent in the north and 17 percent in the south.\n\n"
            "The city council approved 400 new affordable units on Tuesday, at a cost of $80 million.")
    assert credits(text, "model")["The city council app"] == []


@pytest.mark.parametrize("text", [
    "The army acknowledged the deaths of three civilians in Tuesday's strike.",
    "Two officials familiar with the investigation said the suspect lives in Dover and owns a gun shop.",
])
def test_what_is_acknowledged_or_said_of_someone_is_a_claim(text):
    (claim,) = extract(Article(text=text)).claims
    assert claim.check != "fragment"


def test_a_quotation_that_goes_on_after_a_word_keeps_its_speaker():
    text = ("“We lost the house and everything in it,” said Ana Ruiz, 54. Then, “The insurance company says we "
            "are not covered.”")
    assert [labels for labels in credits(text, "model").values()] == [[("Ana Ruiz", False)]] * 2


def test_a_closing_line_with_a_figure_is_the_storys():
    text = ("The utility raised its rates on Monday.\n\n"
            "Tom Reyes is the chief executive of Harbour Power, which serves 2 million customers.")
    assert any(c.text.startswith("Tom Reyes") for c in extract(Article(text=text)).claims)


def test_a_caption_that_names_a_place_names_no_speaker():
    # (the rules' pull-quote caption; the tagger reads this one its own way)
    text = "Ferry vote\n\nVoters in New Hampshire Primary:“We just want someone honest”"
    assert not any(label == "New Hampshire Primary" for sources in credits(text, "rules").values()
                   for label, _ in sources)
