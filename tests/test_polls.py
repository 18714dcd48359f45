"""What a poll is credited with where no cue says so: an opening adjunct naming it, its own
methodology, a share of respondents in words, and its figures going on after a share was said."""

from __future__ import annotations

import pytest

from provgraph.extract.pipeline import extract
from provgraph.model import Article

POLL_STORY = (
    "Ruiz leads Okafor in the harbour race, according to a new Dover Gazette poll.\n\n"
    "Nearly seven of 10 voters say the ferry fares are too high. However, 58 percent said the new pier was "
    "worth its cost.\n\n"
    "The mayor's approval rating fell from 58 percent to 51 percent.\n\n"
    "In the previous Dover Gazette poll, conducted in early May, Ruiz led Okafor by 5 points. In April, that lead "
    "was 7 points.\n\n"
    "The Dover Gazette poll was conducted from June 3 to 6 among 812 adults, with a margin of error of plus or "
    "minus 4 percentage points.\n\n"
    "The pier cost $40 million to build."
)


def sources_of(text: str) -> dict[str, list[str]]:
    article = extract(Article(text=text))
    return {c.sentence.text[:16]: [a.source.label for a in c.attributions if a.source is not None]
            for c in article.claims}


def test_a_poll_keeps_the_figures_of_a_poll_story():
    found = sources_of(POLL_STORY)
    for opening in ("Nearly seven of ", "The mayor's appr", "In the previous ", "In April, that l", "The Dover Gazett"):
        assert found[opening] and all("poll" in label.lower() for label in found[opening]), opening


def test_a_figure_of_the_writers_own_is_not_the_polls():
    assert sources_of(POLL_STORY)["The pier cost $4"] == []


def test_a_studys_figures_go_on_after_its_finding():
    text = ("In 2011, research by the Institute for Ports and Public Works found the Gazette rated "
            "councillors unevenly. The Gazette rated 32% of Labour claims as false. A majority of Green statements "
            "(54%) were rated true.")
    found = sources_of(text)
    assert found["The Gazette rate"] == found["A majority of Gr"] == ["Institute for Ports and Public Works"]


def test_data_from_a_named_survey_are_the_surveys():
    found = sources_of("Data from the 2013 Dover Port Census show that women held 37 percent of the berths.")
    assert list(found.values()) == [["2013 Dover Port Census"]]


def test_compared_with_is_a_comparison_not_a_cue():
    text = ("Data from the 2013 Dover Port Census show that women held 37 percent of the berths. Women held 21 "
            "percent of pilot berths on private ferries, compared with 29 percent on city ferries.")
    assert list(sources_of(text).values()) == [["2013 Dover Port Census"]] * 2


def test_a_surveys_figures_go_on_past_a_sentence_of_none_into_the_next_paragraph_only():
    text = ("Data from the 2013 Dover Port Census show that women held 37 percent of the berths.\n\n"
            "The gap is smaller in the public sector. Senior pilots there earned $71,000, against $66,000 for "
            "women.\n\n"
            "The gap is wider in shipping.\n\n"
            "Deckhands earned $38,000.")
    found = sources_of(text)
    assert found["Senior pilots th"] == ["2013 Dover Port Census"]
    assert found["Deckhands earned"] == []  # two paragraphs from the survey's tag


def test_a_studys_finding_does_not_carry_to_figures_after_another_topic():
    text = ("Ann Lee's report reveals a growing disillusionment among pilots, driven by the toll of night shifts.\n"
            "The legal stakes are high.\n"
            "Under Sections 12 and 13 of the harbour code, leaving a shift is an offence.")
    assert sources_of(text)["Under Sections 1"] == []


def test_a_name_after_the_adjunct_is_no_participle_and_a_cue_after_it_is_its_own():
    (claim,) = extract(Article(text="In the latest Dover Gazette poll, Ted Ruiz led with 30 percent, ahead of Ann "
                                    "Lee at 25 percent.")).claims
    assert claim.text.startswith("Ted Ruiz led") and [a.source.label for a in claim.attributions] == [
        "Dover Gazette poll"]
    assert sources_of("In the harbour review, the port said ferries lost $2 million.") != {
        "In the harbour r": ["harbour review"]}


def test_a_share_of_registered_voters_is_the_polls_answer_not_voters_speaking():
    text = ("A new Dover Gazette poll was released on Tuesday. Just 54 percent of likely voters agreed that "
            "the pier was worth its cost, and half of likely voters in Dover said the fares were too high.")
    for engine in ("model", "rules"):
        article = extract(Article(text=text), engine)
        credited = {c.text.rstrip("."): {a.source.label for a in c.attributions} for c in article.claims}
        assert credited["Just 54 percent of likely voters agreed that the pier was worth its cost"] == {
            "Dover Gazette poll"}, engine
        assert set().union(*credited.values()) == {"Dover Gazette poll"}, engine


def test_a_share_of_respondents_is_the_polls_figure_with_the_share_in_the_claim():
    text = ("A new Dover Gazette poll was released on Sunday.\n\n"
            "A majority of voters expect Ruiz to win the debate. Almost seven in 10 residents say they plan to watch.\n\n"
            "Just 54 percent of likely voters agreed that the pier was safe, while 61 percent said as much of "
            "the ferry.")
    for engine in ("model", "rules"):
        claims = extract(Article(text=text), engine).claims
        polled = {c.text.rstrip("."): c.checkable for c in claims if c.attributions}
        # the share is what the poll found: a figure to check, not the respondents' view or plan
        assert polled == {"A majority of voters expect Ruiz to win the debate": True,
                          "Almost seven in 10 residents say they plan to watch": True,
                          "Just 54 percent of likely voters agreed that the pier was safe": True,
                          "61 percent said as much of the ferry": True}, engine
        assert {a.source.label for c in claims for a in c.attributions} == {"Dover Gazette poll"}
        assert all(a.type == "document" for c in claims for a in c.attributions)


def test_a_polls_result_for_one_group_is_the_polls():
    text = ("Ruiz leads Okafor by 4 points among likely voters, according to a new Dover Gazette poll. "
            "Among registered voters, Ruiz and Okafor are tied. Among women, Ruiz leads.")
    for engine in ("model", "rules"):
        claims = extract(Article(text=text), engine).claims
        assert {c.text.rstrip("."): [a.source.label for a in c.attributions] for c in claims} == {
            "Ruiz leads Okafor by 4 points among likely voters": ["Dover Gazette poll"],
            "Among registered voters, Ruiz and Okafor are tied": ["Dover Gazette poll"],
            "Among women, Ruiz leads": ["Dover Gazette poll"]}, engine


def test_the_poll_is_the_poll_named_before_and_its_methodology_is_its_own_however_far_back():
    text = ("A Dover Gazette poll shows that ferry riders have turned against the toll.\n\n"
            "Ruiz leads Okafor by 47 points to 41, according to the poll.\n\n"
            "The mayor said on Monday that the toll would stay. Council members said it would go.\n\n"
            "Okafor visited the port on Tuesday.\n\n"
            "The survey was taken June 3-6 among 812 adults. Its margin of error is 4 points.")
    for engine in ("model", "rules"):
        article = extract(Article(text=text), engine)
        credited = {c.text.rstrip("."): [a.source.label for a in c.attributions] for c in article.claims}
        assert credited["Ruiz leads Okafor by 47 points to 41"] == ["Dover Gazette poll"], engine
        assert credited["The survey was taken June 3-6 among 812 adults"] == ["Dover Gazette poll"], engine
        assert credited["Its margin of error is 4 points"] == ["Dover Gazette poll"], engine


def test_a_group_without_a_standing_in_a_poll_is_not_the_polls():
    text = ("A new Dover Gazette poll shows Ruiz ahead by 4 points. Among women who served in the Army, suicide rates "
            "doubled between 2005 and 2015.")
    for engine in ("model", "rules"):
        claims = extract(Article(text=text), engine).claims
        assert [c.attributions for c in claims if c.text.startswith("Among")] == [[]], engine


def test_a_polls_scope_word_is_no_part_of_its_name():
    # the Marist national poll and the Marist poll are one source; a poll with no name keeps its words
    for text, label in [("The latest Marist national poll found that 41 percent back the levy.", "Marist poll"),
                        ("A national poll found that 41 percent back the levy.", "national poll")]:
        (claim,) = extract(Article(text=text)).claims
        assert [a.source.label for a in claim.attributions] == [label]


STUDY = "In 2013, research by the Harbour Institute found the port inspected ferries more often than barges.\n\n"


def test_a_studys_figures_go_on_a_paragraph_further_while_every_sentence_carries_them():
    text = STUDY + ("The port inspected 32% of ferries each year, compared to 11% of barges.\n"
                    "A majority of ferries (54%) were fined at least once, compared to only 18% of barges.\n")
    for claim in extract(Article(text=text)).claims:
        assert [a.source.label for a in claim.attributions] == ["Harbour Institute"], claim.text


def test_a_sentence_of_the_writers_stops_a_study_from_reaching_further():
    text = STUDY + ("The port inspected 32% of ferries each year, compared to 11% of barges. The gap is a scandal.\n\n"
                    "Ferry captain Ann Bell, 54, lost her licence in 2015 after 12 inspections.\n")
    (bell,) = [c for c in extract(Article(text=text)).claims if "Bell" in c.text]
    assert bell.attributions == []


def test_a_document_named_in_an_opening_adjunct_is_credited_with_what_follows():
    for text in ["In the harbour board's letter, the port lost $2 million on the ferry in 2015.",
                 "Among the details in the harbour board's letter: the port lost $2 million on the ferry in 2015."]:
        (claim,) = extract(Article(text=text)).claims
        assert [(a.source.kind, a.source.label) for a in claim.attributions] == [("document", "harbour board's letter")]


def test_a_polls_result_among_any_group_it_asked_is_the_polls():
    # after a sentence of the writer's own, so that only the breakdown links it to the poll
    text = POLL_STORY.replace("The mayor's approval rating fell from 58 percent to 51 percent.",
                              "The pier opened in 2009.\n\nAmong conservative respondents, Ruiz won out with 22 percent.")
    found = sources_of(text)
    assert found["Among conservati"] == ["Dover Gazette poll"]


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_polls_label_over_a_headline_credits_the_poll_with_its_finding(engine):
    text = ("Poll: Ruiz and Okafor tied heading into first debate.\n\n"
            "Ruiz and Okafor are tied at 44 percent each, according to a Gazette poll released Sunday.")
    head, body = extract(Article(text=text), engine).claims
    # (the poll the label stands for is the one the article names)
    assert head.checkable and [(a.source.label, a.source.kind) for a in head.attributions] == [("Gazette poll", "document")]
    assert [(a.source.label, a.source.kind) for a in body.attributions] == [("Gazette poll", "document")]


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_source_line_under_a_chart_credits_the_figures_above_it(engine):
    text = ("The alliance met on Friday.\n\nHighest share of defence spending.\n\n"
            "Only five members spend more than 2 percent of output on defence. "
            "The largest spends 70 percent of the total.\n\nSource: Harbour Alliance.")
    credited = {c.text[:12]: [a.source.label for a in c.attributions] for c in extract(Article(text=text), engine).claims}
    assert credited == {"The alliance": [], "Only five me": ["Harbour Alliance"], "The largest ": ["Harbour Alliance"]}


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_poll_called_only_new_or_nationwide_is_the_one_poll_the_article_names(engine):
    # and "of 1,200 adults" keeps its thousands in the phrase (the comma is no edge)
    text = ("A new nationwide poll shows Ruiz ahead by 3 points.\n\n"
            "The Harbour News poll of 1,200 adults found Okafor leads among men.")
    for claim in extract(Article(text=text), engine).claims:
        assert [a.source.label for a in claim.attributions] == ["Harbour News poll"], claim.text
