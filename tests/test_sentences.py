"""Sentence splitting: abbreviations, initials, quotes closing after the period, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provgraph.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Mr. Brown met Gen. Lee in Paris. They talked for an hour.",
                 ["Mr. Brown met Gen. Lee in Paris.", "They talked for an hour."], id="Mr. Gen."),
    pytest.param("Mrs. Novak and Dr. Osei disagreed. Prof. Ruiz did not.",
                 ["Mrs. Novak and Dr. Osei disagreed.", "Prof. Ruiz did not."], id="Mrs. Dr. Prof."),
    pytest.param("Sen. Ortiz flew to St. Louis on Monday. Col. Hart stayed.",
                 ["Sen. Ortiz flew to St. Louis on Monday.", "Col. Hart stayed."], id="Sen. St. Col."),
    pytest.param("The U.S. Navy sent two ships. The U.K. sent none.",
                 ["The U.S. Navy sent two ships.", "The U.K. sent none."], id="U.S. U.K."),
    pytest.param("Both the U.N. and the U.S. Army were present. Nobody spoke.",
                 ["Both the U.N. and the U.S. Army were present.", "Nobody spoke."], id="U.N."),
    pytest.param("John F. Kennedy spoke first. Then he left.",
                 ["John F. Kennedy spoke first.", "Then he left."], id="middle initial"),
    pytest.param("Dr. A. B. Smith arrived at the clinic. He left at noon.",
                 ["Dr. A. B. Smith arrived at the clinic.", "He left at noon."], id="two initials"),
    pytest.param("Prices rose 3.5 percent in the year. Wages did not.",
                 ["Prices rose 3.5 percent in the year.", "Wages did not."], id="decimal"),
    pytest.param("It cost 4.5 million in Jan. 2020 alone. Then it cost more.",
                 ["It cost 4.5 million in Jan. 2020 alone.", "Then it cost more."], id="month abbreviation"),
    pytest.param("The F.A.A. said flights resumed. Two airports stayed shut.",
                 ["The F.A.A. said flights resumed.", "Two airports stayed shut."], id="initialism, then lower case"),
    pytest.param("Rep. Dana Ortiz (D-Ore.) told reporters the bill failed. It did.",
                 ["Rep. Dana Ortiz (D-Ore.) told reporters the bill failed.", "It did."], id="party-state tag"),
    pytest.param("Is it over? Not yet! We wait.", ["Is it over?", "Not yet!", "We wait."], id="? and !"),
])
def test_abbreviations_and_initials(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."],
                 id="straight"),
    pytest.param("He said: “We will win.” Then he left.", ["He said: “We will win.”", "Then he left."], id="curly"),
    pytest.param("She wrote ‘It is over.’ Nobody replied.", ["She wrote ‘It is over.’", "Nobody replied."],
                 id="curly single"),
    pytest.param("He asked: “Is it over?” Nobody answered.", ["He asked: “Is it over?”", "Nobody answered."],
                 id="question mark inside"),
    pytest.param("“Is it over?” she asked. “No!” he said.", ["“Is it over?” she asked.", "“No!” he said."],
                 id="? or ! inside a quote, then a lowercase cue"),
    pytest.param("“We cast 36 votes for Ana Ruiz!” Sen. Tom Reddy said as he opened the vote. It ended at noon.",
                 ["“We cast 36 votes for Ana Ruiz!” Sen. Tom Reddy said as he opened the vote.", "It ended at noon."],
                 id="? or ! inside a quote, then a name and its speech verb"),
])
def test_quote_closing_after_the_period_stays_with_its_sentence(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("First line without a period\nSecond line", ["First line without a period", "Second line"]),
    ("One paragraph.\n\n\nAnother paragraph.", ["One paragraph.", "Another paragraph."]),
    ("  Leading and trailing space.   ", ["Leading and trailing space."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_lines_and_whitespace(text, expected):
    assert texts(text) == expected


MIXED = ("Mr. Brown met Gen. Lee. “We will win.” He said so.\n\n"
               "The U.S. Navy sent 2 ships ‘today.’ John F. Kennedy!")


def test_offsets_index_the_text_in_order():
    spans = split_sentences(MIXED)
    assert len(spans) == 5
    last = 0
    for s in spans:
        assert MIXED[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last
        last = s.end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab A.!?\n“”‘’\"' ,U.S", max_size=80))
def test_any_text_splits_into_valid_spans(text):
    spans = split_sentences(text)
    last = 0
    for s in spans:
        assert 0 <= last <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        last = s.end
    # nothing but whitespace is left out
    covered = "".join(s.text for s in spans)
    assert "".join(covered.split()) == "".join(text.split())
