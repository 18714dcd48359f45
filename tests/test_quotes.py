"""Quoted passages: which marks open and close a quotation, and tolerance of unbalanced marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provgraph.extract.quotes import find_quotes


def quoted(text: str) -> list[str]:
    spans = find_quotes(text)
    for q in spans:
        assert text[q.start:q.end] == q.text
    return [q.text for q in spans]


@pytest.mark.parametrize("text, expected", [
    pytest.param('She said "the port is closed" and left.', ["the port is closed"], id="straight"),
    pytest.param("She said “the port is closed” and left.", ["the port is closed"], id="curly double"),
    pytest.param("She said ‘the port is closed’ and left.", ["the port is closed"], id="curly single"),
    pytest.param("Il a dit «le port est fermé» hier.", ["le port est fermé"], id="guillemets"),
    pytest.param("Er sagte „der Hafen ist zu“ gestern.", ["der Hafen ist zu"], id="low-high"),
    pytest.param('She said "one" and then "two".', ["one", "two"], id="two quotes"),
    pytest.param("He said ‘it’s over’ and left.", ["it’s over"], id="apostrophe inside single quote"),
    pytest.param("“We can’t stay,” said the farmers’ leader.", ["We can’t stay,"], id="apostrophes around"),
    pytest.param("He said: “We will win.” Then he left.", ["We will win."], id="period inside"),
    # a curly quotation closed by a straight mark, and the other way round, as scraped text often has
    pytest.param('She pledged to “stop this," the paper reported.', ["stop this,"], id="curly open, straight close"),
    pytest.param('"We have a lot of work ahead,” said Clinton.', ["We have a lot of work ahead,"],
                 id="straight open, curly close"),
    pytest.param('“He called it a "hoax" and left,” she said.', ['He called it a "hoax" and left,'],
                 id="straight quotation inside a curly one"),
    pytest.param('“"Fake news" is what he called it,” she said.', ['"Fake news" is what he called it,'],
                 id="straight quotation opening a curly one"),
    pytest.param('“The 12" pipe burst,” she said.', ['The 12" pipe burst,'], id="inch mark"),
])
def test_quotations(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "Ukraine’s army and the farmers’ union don’t agree.",
    "Ukraine's army and the farmers' union don't agree.",
    "The 90s’ music and rock ’n’ roll.",
    "Kyiv’s mayor said it’s the city’s worst winter.",
    "It's Ukraine's harvest, isn't it?",
])
def test_apostrophes_never_open_quotes(text):
    assert quoted(text) == []


@pytest.mark.parametrize("text, expected", [
    pytest.param('He said "we will win and left.\nA new paragraph "quoted" here.', ["we will win and left.", "quoted"],
                 id="straight, unclosed"),
    pytest.param("“This quote never closes. It goes on.\nNext paragraph.", ["This quote never closes. It goes on."],
                 id="curly, unclosed"),
    pytest.param("He said ‘no more\nAnd then silence.", ["no more"], id="single, unclosed"),
    pytest.param("”A stray closing mark first, then “a real one”.", ["a real one"], id="stray closing mark"),
    pytest.param('Just a " lonely mark.', [], id="lonely straight mark"),
    pytest.param("“", [], id="only an opening mark"),
    pytest.param('"', [], id="only a straight mark"),
])
def test_unbalanced_marks_stay_in_their_paragraph(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "He said “we will win.\nShe replied “no” twice.",
    "He said ‘we will win.\nShe replied ‘no’ twice.",
])
def test_unclosed_curly_quote_does_not_swallow_the_next_paragraph(text):
    assert quoted(text) == ["we will win.", "no"]


def test_quote_over_paragraphs_when_it_closes_later():
    text = "“First paragraph of a long quote.\n“Second paragraph ends it.”"
    [q] = quoted(text)
    assert q.startswith("First paragraph") and q.endswith("ends it.")


OPENERS = "“‘«"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .,\n" + OPENERS + "’\"", max_size=60))
def test_arbitrary_marks_never_crash_and_spans_are_valid(text):
    last = 0
    for q in find_quotes(text):
        assert 0 <= last <= q.start - 1 and q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        last = q.end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .,\n" + OPENERS, max_size=60))
def test_marks_that_never_close_stay_within_their_paragraph(text):
    for q in find_quotes(text):
        assert "\n" not in q.text.rstrip()  # nothing of the next paragraph
        assert text[q.start - 1] in OPENERS


@pytest.mark.parametrize("text", ["“This quote never closes.\n\nNext paragraph.", "He said ‘no more\n\n\nThen silence."])
def test_unclosed_quote_before_a_blank_line_ends_at_the_line_end(text):
    [q] = quoted(text)
    assert q == q.rstrip()
