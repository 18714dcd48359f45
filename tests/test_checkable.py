"""Checkability: what a fact-checker could verify, and what is an opinion, a plan or a demand.

Sentences written for these tests (no corpus text), one per kind of case the report must get right."""

import json

import pytest
from click.testing import CliRunner

from provgraph.cli import cli
from provgraph.extract.checkable import Checkability, assess, non_response
from provgraph.extract.claims import figures, has_event_about_named_actor
from provgraph.extract.hedges import find_hedges
from provgraph.extract.pipeline import extract
from provgraph.extract.tokens import tokenize
from provgraph.model import Article
from provgraph.rdf import source_iri


@pytest.mark.parametrize("content, cue", [
    ("the county spent $4.2 million on the bridge last year", "say"),
    ("the mayor signed the order on Tuesday", "say"),
    ("the plant had been closed since the spill", "say"),
    ("three inspectors resigned after the audit", "tell"),
    ("water use in the valley rose by a third", "report"),
    ("the reservoir is below its minimum level", "according to"),
    ("how county officials hid 12 accounts from the auditors in 2015", "show"),  # a finding, not a question
    ("we were shocked when the mill laid off 400 workers on March 3, 2015", "say"),  # the layoff is a fact
])
def test_facts_a_source_passes_on_are_checkable(content, cue):
    assert assess(content, cue).checkable


@pytest.mark.parametrize("content, cue, reason", [
    ("the council should resign", "say", "prediction"),  # "should" is a demand or a prediction, not a fact
    ("We need more nurses on every shift", "say", "opinion"),
    ("to cut the deficit in half", "vow", "intention"),
    ("lawmakers to act before the recess", "urge", "demand"),
    ("the bill will pass easily", "say", "prediction"),
    ("Is this the best we can do?", "ask", "question"),
    ("a disgrace to the city", "call", "opinion"),
    ("the campaign is in total disarray", "say", "general"),
    ("This is a shameful episode", "say", "opinion"),
    ("Go out and vote for change", "say", "demand"),
    ("when the council met last summer, we were floored", "say", "opinion"),  # a feeling, though dated
    ("I call it the bridge that launched 1,000 ferries", "say", "opinion"),  # naming it is a view
    ("she favors raising the minimum wage from $7.25 to $12", "say", "opinion"),  # her position, not a fact
])
def test_opinions_plans_and_demands_are_not_checkable(content, cue, reason):
    got = assess(content, cue)
    assert not got.checkable
    assert got.reason in {reason, "opinion", "prediction", "demand", "general"}


def test_the_articles_own_analysis_is_not_checkable_but_its_figures_and_events_are():
    assert not assess("The stakes for the region remain immense.", attributed=False).checkable
    assert not assess("The town faces a difficult choice between jobs and clean water.", attributed=False).checkable
    assert assess("The town lost 1,200 jobs in 2019.", attributed=False).checkable
    assert assess("The governor vetoed the bill on Friday.", attributed=False, named_event=True).checkable


def test_a_position_held_is_not_checkable_but_a_record_is():
    assert assess("she supported the bill in 2010", "say").checkable  # a vote on the record


def test_what_someone_means_to_do_is_an_intention_in_the_articles_voice_too():
    got = assess("Sanders wants voters to recall that he voted against the war in 2002.", attributed=False,
                 named_event=True)
    assert (got.checkable, got.reason) == (False, "intention")


def test_a_past_event_of_someone_the_article_named_as_he_or_she_is_checkable():
    tokens = tokenize("She turned down the transfer and has since resigned from the council.", 0)
    assert has_event_about_named_actor(tokens)
    assert not has_event_about_named_actor(tokenize("It declined sharply and has since left the index.", 0))
    claims = extract(Article(text="Mayor Ellen Brandt closed the pool in June. She turned down the transfer "
                                  "and has since resigned from the council.")).claims
    assert [c.checkable for c in claims] == [True, True]


def test_a_hedged_past_event_in_the_articles_voice_is_checkable():
    text = "The program appears to have failed as most recruits have left."
    assert find_hedges(text) == ["appears"]
    assert assess(text, attributed=False, hedged=True).checkable


@pytest.mark.parametrize("text, hedges", [
    ("The suspect allegedly fled the scene.", ["allegedly"]),
    ("The firm may have broken the law.", ["may"]),
    ("He could harass witnesses, the judge said.", []),  # a possibility, not a hedge on a fact
    ("Voters are likely to support the measure.", []),  # a prediction
    ("Smoke rose before the flames appeared.", []),  # "appeared" in its plain sense
    ("The fire was likely caused by a cigarette.", ["likely"]),
    ("The agency could be doing more to help veterans.", []),  # ability, not doubt
    ("The loss could have let him avoid taxes for years.", ["could"]),
    ("The death toll could be as high as 200.", ["could"]),
])
def test_hedges_only_in_their_hedging_sense(text, hedges):
    assert find_hedges(text) == hedges


@pytest.mark.parametrize("sentence, kind", [
    ("The company declined to comment.", "declined to comment"),
    ("A spokeswoman for the agency did not immediately respond to a request for comment.", "did not respond"),
    ("Mr. Hale could not be reached on Sunday.", "could not be reached"),
    ("The minister did not identify the ships in her remarks.", "did not say"),
    ("The mayor and his aides haven't said much about how the talks went.", "did not say"),
    ("She declined to say whether the port would reopen.", "declined to comment"),
    ("The filing does not name the officers.", "did not say"),
])
def test_non_responses_are_recognised(sentence, kind):
    assert non_response(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "He did not say that the port closed.",  # a claim about what he said, phrased as a denial
    "The board has never told them what to say or not say.",
    "She said the ferry was late.",
])
def test_saying_something_is_no_non_response(sentence):
    assert non_response(sentence) is None


def test_a_non_response_is_a_fact_about_the_party_not_a_claim():
    text = ("Harlow Logistics fired 40 drivers in March, two former managers said. "
            "A spokesman for Harlow Logistics declined to comment on the dismissals.")
    article = extract(Article(text=text))
    assert [c.text for c in article.claims] == ["Harlow Logistics fired 40 drivers in March"]
    [refusal] = article.non_responses
    assert refusal.party == "A spokesman for Harlow Logistics" and refusal.kind == "declined to comment"


def test_a_named_speakers_opinion_is_kept_but_not_checkable():
    article = extract(Article(text="“This is a shameful day for the council,” said Mayor Dana Whitfield."))
    [claim] = article.claims
    assert not claim.checkable and claim.check == "opinion"
    assert claim.attributions[0].source.label == "Dana Whitfield"


def test_a_hedge_inside_a_quotation_is_the_speakers_not_the_articles():
    article = extract(Article(text="“The dam may have cracked years ago,” the engineer Tom Reyes said on Monday."))
    [claim] = article.claims
    assert claim.hedges == []


def test_an_action_is_not_a_source_of_information():
    """PolNeAR annotates actions as attributions ("the panel voted to"); provgraph does not credit the
    actor as a source: the sentence is the article's own account of what happened."""
    article = extract(Article(text="The House committee voted 19-15 on Thursday to hold the aide in contempt."))
    [claim] = article.claims
    assert claim.attributions == [] and claim.checkable


def test_vague_collective_documents_are_anonymous():
    """FLAGS.md: "some polls", "polls show" are anonymous documents, not one named source."""
    [claim] = extract(Article(text="Polls show a close contest in the state.")).claims
    [att] = claim.attributions
    assert att.source.kind == "document" and att.source.anonymous


def test_definite_descriptions_resolve_to_the_entity_named_before():
    """Issue 12: "the newspaper" after the Post is the Post, named; not an anonymous source."""
    text = ("The Washington Post reported on Monday that the agency lost 300 files. "
            "The newspaper said the files were destroyed in 2015. "
            "The House Oversight Committee said 12 aides testified in May. "
            "The committee said two more refused in June.")
    claims = extract(Article(text=text)).claims
    labels = [[a.source.label for a in c.attributions] for c in claims]
    assert labels == [["The Washington Post"], ["The Washington Post"], ["House Oversight Committee"],
                      ["House Oversight Committee"]]
    assert not any(a.source.anonymous for c in claims for a in c.attributions)


def test_a_refusal_drops_only_itself_not_the_other_attributions_of_its_sentence():
    text = "The company declined to comment, but its chief executive Ann Lee said the response cost $4 million in 2015."
    article = extract(Article(text=text))
    assert [c.text.rstrip(".") for c in article.claims] == ["the response cost $4 million in 2015"]
    assert [(r.party, r.kind) for r in article.non_responses] == [("The company", "declined to comment")]


def test_a_named_owner_and_one_role_make_a_named_source_kept_to_its_article():
    """Issue 12: "Pagliano's lawyer" is identified, not anonymous; "Trump's advisers" are not.
    A role is not a name (campaign managers change), so such a source is never merged across articles."""
    text = ("Pagliano’s lawyer said the aide had testified in 2015. "
            "Trump’s advisers said the rally drew 9,000 people on Friday.")
    by_label = {a.source.label: a.source for a in extract(Article(text=text)).attributions if a.source}
    lawyer, advisers = by_label["Pagliano’s lawyer"], by_label["Trump’s advisers"]
    assert (lawyer.kind, lawyer.anonymous) == ("person", False)
    assert advisers.anonymous
    assert source_iri(lawyer, "article1") != source_iri(lawyer, "article2")


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_court_decision_is_an_action_not_a_source_of_information(engine):
    """Issue 12: "the court overruled ...", "a judge's decision that ..." are public acts; the court is
    not credited as the single source of what it decided."""
    text = ("A three-judge panel of the Court of Appeals overruled a district judge’s decision that the state "
            "had not violated the law in 2015.")
    article = extract(Article(text=text), engine)
    credited = [a.source.label for c in article.claims for a in c.attributions if a.source is not None]
    assert not any("Court" in label or "judge" in label or "panel" in label for label in credited), credited


def test_a_party_group_is_a_named_group_that_they_refers_to():
    """Issue 12: "Democrats" is a group, not a person, and "They noted ..." in the next sentence is theirs."""
    text = ("Democrats on the panel said the vote was rushed on Thursday. "
            "They noted the lawyer had offered a closed session in May. Williams said the offer was withdrawn in June.")
    claims = extract(Article(text=text)).claims
    credited = [[(a.source.label, a.source.kind) for a in c.attributions if a.source] for c in claims]
    assert credited[:2] == [[("Democrats", "organization")], [("Democrats", "organization")]]
    assert credited[2] == [("Williams", "person")]


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_initials_with_inner_dots_stay_in_the_name(engine):
    text = "“The vote was held on Friday,” said Rep. G.K. Butterfield (D-N.C.), the chairman of the caucus."
    labels = [a.source.label for a in extract(Article(text=text), engine).attributions if a.source]
    assert labels == ["G.K. Butterfield"]


@pytest.mark.parametrize("content", [
    "the report was really a smear by his opponents",
    "the governor essentially wants to keep the old rules",
    "the question really should be why the board waited",
    "I mean, the council obviously ignored the warnings",
])
def test_a_speaker_arguing_with_stance_adverbs_is_not_checkable(content):
    assert assess(content, "say").reason == "opinion"


def test_a_stance_adverb_does_not_hide_a_figure():
    assert assess("the county really spent $4.2 million on the bridge", "say").checkable


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_headline_reports_an_event_in_the_present(engine):
    text = "Road fund tops $2B; \nSmall group of donors pushes total beyond 2012.\n\nDonations rose, the board said."
    claims = {c.text: c for c in extract(Article(text=text), engine=engine).claims}
    assert claims["Road fund tops $2B;"].checkable
    assert claims["Small group of donors pushes total beyond 2012."].check == "event"
    assert not claims["Small group of donors pushes total beyond 2012."].attributions  # "pushes" is no cue


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_reportedly_in_a_title_case_headline_is_a_hedge_not_a_cue(engine):
    text = "Mayor's Office Reportedly Shredding Records Of Bridge Audit.\n\nThe office declined to comment."
    claim = extract(Article(text=text), engine=engine).claims[0]
    assert (claim.attributions, claim.hedges, claim.checkable) == ([], ["reportedly"], True)


def test_a_short_lede_under_a_known_title_is_no_headline():
    text = "The city closed the old bridge for families.\n\nThe council met on Monday."
    assert not any(c.text.startswith("The city") for c in extract(Article(text=text, title="Safer streets")).claims)
    assert any(c.text.startswith("The city") for c in extract(Article(text=text)).claims)  # no title: a headline


@pytest.mark.parametrize("content, checkable", [
    ("the ministry simply closed the bridge on Friday", True),  # a stance adverb does not hide a date
    ("I've taken full responsibility for my decision", False),  # as "I have taken"
])
def test_stance_words_and_contractions(content, checkable):
    assert assess(content, "say").checkable is checkable


@pytest.mark.parametrize("text, figure", [
    ("The fund passed $1B in August", "$1B"), ("Repairs cost $2.5bn", "$2.5bn"), ("a $4 trillion budget", "$4 trillion"),
])
def test_headline_figures_are_figures(text, figure):
    assert figures(text) == [figure]


@pytest.mark.parametrize("text, found", [
    ("The port spends more than twice as much as all other ports combined.", ["twice as"]),
    ("Rents are three times higher than in 2010.", ["three times higher"]),
    ("He said it three times in the debate.", []),  # how often, not a comparison
])
def test_a_multiple_is_a_figure(text, found):
    # "twice as much as all the others": a comparison someone can check, not the writer's analysis
    assert figures(text) == found


@pytest.mark.parametrize("content", [
    "You knew damn well that the levee was failing",  # addressed to a listener
    "he thinks the council stayed vague on purpose",  # a view held, inside what was said
    "the mayor has ignored our veterans for decades, proving he is unfit",  # a judgment, though in the past
])
def test_rhetoric_and_judgment_in_the_past_are_opinion(content):
    assert assess(content, "say").reason == "opinion"


def test_a_dated_past_event_stays_checkable_whatever_its_words():
    assert assess("the mayor disgracefully fired 30 inspectors on Monday", "say").checkable


def test_a_figure_backed_by_vague_data_is_unattributed_and_anonymous(tmp_path):
    (tmp_path / "a.txt").write_text("According to federal data, 70 percent of the county's bridges need repair.\n")
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--store", str(store)]).exit_code == 0
    report = CliRunner().invoke(cli, ["report", "--format", "json", "--store", str(store)]).stdout
    (claim,) = json.loads(report)["claims"]
    assert set(claim["reasons"]) == {"unattributed", "anonymous-only"}


def test_an_estimate_a_source_reports_is_checkable_though_it_is_about_the_future():
    assert assess("the plan would cost $150 billion over ten years", "report").checkable
    assert not assess("the plan would cost a lot", "report").checkable


@pytest.mark.parametrize("content, checkable", [
    ("I have taken responsibility for my decision", False),  # a speaker on themselves
    ("we remain committed to welcoming the stranger", False),
    ("we are reminded of the millions of refugees around the globe", False),  # a vague figure
    ("we found 40 bodies in the river", True),  # a precise figure
    ("I signed the order after the audit", True),  # a simple past: what they did
    ("a cashier who steals is held accountable", False),  # a present passive is no past event
])
def test_a_speaker_on_themselves_argues_unless_they_report_what_they_did(content, checkable):
    assert assess(content, "say").checkable is checkable


@pytest.mark.parametrize("content, attributed, reason", [
    ("If the plan left out single mothers, poor families would be hit hardest.", False, "prediction"),
    ("if the levee breaks again, the town is flooded", True, "prediction"),  # a hypothetical, not an event
    ("a state cannot avoid the conclusion that its process removes voters", True, "general"),
    # an editor's bracket; a participle later in the sentence is no report of what the speaker did
    ("[W]e are reminded of the thousands of families separated from their homes", True, "opinion"),
    ("the rule is unfair to unmarried parents and unnamed donors", True, "opinion"),  # un-...-ed: adjectives
    ("the plan is shutting out some set of unmarried parents", True, "general"),  # "set" after "some": a noun
    ("it only comes up when somebody is getting shot on video", True, "general"),  # a present passive
])
def test_hypotheticals_abilities_and_states_are_not_checkable(content, attributed, reason):
    check = assess(content, "say" if attributed else None, attributed=attributed)
    assert (check.checkable, check.reason) == (False, reason)


def test_an_un_verb_in_the_past_is_still_an_event():
    assert assess("the inquiry uncovered the missing ledgers", "say") == assess("the inquiry found the ledgers", "say")
    assert assess("the inquiry uncovered the missing ledgers", "say").checkable


@pytest.mark.parametrize("headline, checkable", [
    ("Mayor’s favourite builder has a long list of critics", False),  # says what someone has: a characterisation
    ("Mayor’s builder pushes costs past $2B", True),
])
def test_a_headline_that_characterises_is_not_an_event(headline, checkable):
    assert assess(headline, attributed=False, headline=True).checkable is checkable


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_judges_finding_is_a_ruling_not_an_anonymous_source(engine):
    """Issue 12: "a federal judge found the law unconstitutional" is a public act on the record; the
    unnamed judge is no anonymous source of it."""
    text = "While a federal judge found the curfew unconstitutional in 2015, an appeals court later revived it."
    article = extract(Article(text=text), engine)
    found = [a for a in article.attributions if a.cue_lemma == "find"]
    assert found and all(a.type == "action" for a in found)
    credited = [a.source.label for c in article.claims for a in c.attributions if a.source is not None]
    assert "a federal judge" not in credited


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_bill_designed_to_do_something_is_an_intention_not_a_source(engine):
    text = "On Tuesday the committee approved a bill designed to cut the agency’s budget."
    designed = [a for a in extract(Article(text=text), engine).attributions if a.cue_lemma == "design"]
    assert all(a.type == "intention" for a in designed)


def test_her_campaign_belongs_to_the_person_just_named_even_when_she_is_no_source_yet():
    """Issue 12: "her campaign" is not an anonymous source; it is the campaign of the person the
    sentence names ("Hillary Clinton’s campaign" in the gold), kept to its article."""
    text = "An ailing Maria Lopez was seen leaving the rally (her campaign later disclosed that she has pneumonia)."
    campaign = next(a.source for a in extract(Article(text=text)).attributions if a.source)
    assert (campaign.label, campaign.kind, campaign.anonymous) == ("Maria Lopez’s campaign", "organization", False)
    assert source_iri(campaign, "article1") != source_iri(campaign, "article2")


def test_an_office_with_one_holder_is_identifiable_where_a_generic_role_is_not():
    """Issue 12: "the governor said" names someone a reader can identify (kept to its article, being
    a description); "the official said" could be anyone and stays anonymous."""
    governor = next(a.source for a in extract(Article(text="The governor said the bridge was closed on Monday.")).attributions)
    official = next(a.source for a in extract(Article(text="The official said the bridge was closed on Monday.")).attributions)
    assert (governor.label, governor.kind, governor.anonymous) == ("The governor", "person", False)
    assert source_iri(governor, "article1") != source_iri(governor, "article2")
    assert official.anonymous


def test_a_source_phrase_begins_at_its_determiner():
    text = "Advocates point to Texas, where in 2004 the state wrongly listed about 9,000 voters as felons, they said."
    labels = [a.source.label for a in extract(Article(text=text)).attributions if a.source]
    assert not any("2004" in label for label in labels)


def test_not_answering_in_a_subordinate_clause_is_no_refusal():
    """Issue 12: "struck from the rolls because they never answered" states a fact about the voters."""
    text = "The county struck 2,000 voters from the rolls in 2015 because they did not answer two letters."
    assert non_response(text) is None
    assert assess(text, attributed=False).reason != "non-response"
    assert non_response("The mayor’s office, which was asked twice, did not respond.") == "did not respond"


@pytest.mark.parametrize("engine", ["model", "rules"])
@pytest.mark.parametrize("text, lemma, checkable", [
    ("Nolan has called the tax a scam cooked up by bankers to hurt farmers.", "call", False),  # an opinion
    ("Talk of a primary fight may simmer down now that Hale has endorsed Nolan.", "endorse", None),  # an action
])
def test_the_main_verb_of_a_cue_decides_not_its_auxiliary(engine, text, lemma, checkable):
    article = extract(Article(text=text), engine)
    cue = next(a for a in article.attributions if a.cue is not None and a.cue.text.startswith("has"))
    assert cue.cue_lemma == lemma
    if checkable is not None:
        assert [c.checkable for c in article.claims if cue in c.attributions] == [checkable]


def test_a_name_anywhere_in_the_source_phrase_makes_it_named():
    text = "Over the past few days, Hale and his aides signaled that they were coming around to the plan."
    sources = [a.source for a in extract(Article(text=text)).attributions if a.source]
    assert sources and not any(s.anonymous for s in sources)


def test_a_description_of_an_office_refers_back_to_its_abbreviated_holder():
    text = ("Sen. Dana Whitfield (R-Ohio) said the plan was dead. Hours later the Ohio senator said the plan "
            "had failed in 2015.")
    assert [a.source.label for a in extract(Article(text=text)).attributions] == ["Dana Whitfield"] * 2


def test_the_writers_reading_is_analysis_and_a_retweet_an_action():
    assert assess("The implication is clear: the rally drew 9,000 people.", attributed=False).reason == "analysis"
    retweet = next(a for a in extract(Article(text="Trump retweeted a photo of the senator's wife.")).attributions)
    assert retweet.type == "action"


@pytest.mark.parametrize("text", [
    "Correction: An earlier version of this article misstated the size of the fund.",
    "An earlier version of this article misstated how long it takes to plant 40 acres.",
    "This article has been updated to reflect the 2015 figures.",
])
def test_a_correction_notice_is_a_label_not_a_claim(text):
    check = assess(text, attributed=False)
    assert (check.checkable, check.reason) == (False, "label")


@pytest.mark.parametrize("text, label", [
    ("Jo Reyes is the transport columnist for the Harbour Gazette and a host on Radio Kent.", True),
    ("Sam Okoro is a senior correspondent at Tidewater News.", True),
    ("Sam Okoro was a reporter at Tidewater News from 1990 to 1995.", False),  # a past fact of the story
    ("The mayor is a former reporter for the Gazette who was fired in 2010.", False),
])
def test_an_author_bio_line_is_a_label_not_a_claim(text, label):
    assert (assess(text, attributed=False).reason == "label") is label


def test_he_with_no_source_before_it_is_the_person_the_sentence_before_opens_with():
    """Issue 12: "Trump pitched himself ... 'Look at ...,' he said" credits Trump, not nobody (which
    would flag the quotation unattributed)."""
    text = ("Mayor Dana Hale pitched himself to renters last week.\n"
            "“Rents rose 40 percent in two years,” he said in August.")
    assert [a.source.label for a in extract(Article(text=text)).attributions] == ["Dana Hale"]


@pytest.mark.parametrize("text", [
    # a clause before the name: "While Obama ..." does not open with its subject
    "While Obama had many fans, the caucus chair, Henry Crespo, is worried.\n“No one backs her,” he said.",
    # the sentence before is inside the quotation: its subject is the speaker's, not the article's
    "The caucus chair spoke on Monday.\n“No one backs her. Obama had fans. She has none,” he said.",
])
def test_he_is_not_taken_from_a_clause_or_a_quotation(text):
    labels = [a.source.label for a in extract(Article(text=text)).attributions if a.source]
    assert "Obama" not in labels


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_he_said_colon_credits_the_quotation_in_the_next_paragraph(engine):
    """Issue 12: "He said:" then the quotation as its own paragraph is the speaker's, not an
    unattributed statement of the article."""
    text = ("The mayor answered the council on Monday.\n\nHale said:\n\n“In Dover there have been 3,000 break-ins "
            "since January 1st. You walk down the street, you get robbed.”\n")
    claims = extract(Article(text=text), engine).claims
    figure = next(c for c in claims if "3,000" in c.text)
    assert [a.source.label for a in figure.attributions] == ["Hale"]


@pytest.mark.parametrize("content, checkable", [
    ("plans this week to give an additional $15 million to the fund", False),  # what he means to do
    ("she hopes to win 40 seats", False),
    ("Smith wants to sell the 40 buses", False),
    ("The plan to cut 40 jobs was approved on Monday", True),  # the noun: a fact about a plan
    ("the plan to cut 40 jobs was approved on Monday", True),
])
def test_what_someone_means_to_do_is_an_intention_even_with_a_figure(content, checkable):
    assert assess(content, "say").checkable is checkable


@pytest.mark.parametrize("content, checkable", [
    ("40 patients died in the trial", True),  # a short regular past is an event
    ("the man died on Monday", True),
    ("we are all used to dog whistles in this business", False),  # "used to": a habit
])
def test_short_pasts_and_used_to(content, checkable):
    assert assess(content, "say").checkable is checkable


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_source_whose_content_holds_a_sourceless_cue_is_still_credited(engine):
    """Issue 12: "X appears to be helping Y, according to a Reuters survey": "appears" is no
    source of its own, so the claim is Reuters's, not nobody's."""
    text = ("The policy appears to be helping Republicans in the largest cities, according to a recent "
            "Reuters survey of 2,000 voter lists.")
    claims = extract(Article(text=text), engine).claims
    assert any(a.source is not None and a.source.label == "Reuters survey" for c in claims for a in c.attributions)


def test_an_outlet_described_is_resolved_or_identifiable():
    described = extract(Article(text="A medical journal reported that 40 patients died in 2015.")).attributions
    assert described[0].source.anonymous  # "a medical journal": any of them
    text = "Half of his advice is unsupported, according to the top British medical journal, which studied 40 shows."
    source = next(a.source for a in extract(Article(text=text)).attributions if a.source)
    assert (source.kind, source.anonymous) == ("outlet", False)  # "the top British medical journal": that one


@pytest.mark.parametrize("phrase, expected", [
    ("the Post's Stephanie McCrummen", ("person", "Stephanie McCrummen", "Post")),  # the outlet's reporter
    ("Pagliano's Fifth Amendment", None),  # "... claims": a thing of someone's, not a source
    ("Trump's State Department", ("organization", "Trump's State Department", None)),
])
def test_a_possessive_inside_a_name(phrase, expected):
    from provgraph.extract.sources import parse_mention
    from provgraph.extract.tokens import tokenize
    m = parse_mention(tuple(tokenize(phrase, 0)), phrase)
    assert (m and (m.kind, m.label, m.affiliation)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chief Executive Dana Whitfield said 40 trucks were idle.", ("Dana Whitfield", "person", "Chief Executive")),
    ("Harlow Logistics said 40 trucks were idle.", ("Harlow Logistics", "organization", None)),
])
def test_full_names_with_the_role_kept_apart_and_companies_as_organisations(text, expected):
    """Issue 12: "Executive Dana Whitfield" was a name cut short, "Harlow Logistics" a person."""
    s = extract(Article(text=text)).attributions[0].source
    assert (s.label, s.kind, s.role) == expected


def test_a_common_noun_source_is_kept_to_its_article():
    """"The state said", "the company said": two articles' "state" are not one source (that would
    count one as corroborating the other); "a local bank" is unnamed."""
    state = extract(Article(text="The state said 9,000 voters were removed in 2015.")).attributions[0].source
    assert source_iri(state, "article1") != source_iri(state, "article2")
    bank = extract(Article(text="A local bank said 40 branches closed in 2015.")).attributions[0].source
    assert bank.anonymous


@pytest.mark.parametrize("content, checkable", [
    ("That changed everything in 2015", True),  # "that" is a pronoun here
    ("Some stayed home on Monday", True),
    ("Obama promised in 2008 to close the prison", True),  # a past promise is an event
    ("Plans to build the wall were scrapped in 2019", True),  # the noun
])
def test_review_cases_stay_events(content, checkable):
    assert assess(content, "say").checkable is checkable


def test_review_cases_of_sources_and_refusals():
    assert non_response("The lawyer who represents Smith declined to comment.") == "declined to comment"
    pichai = extract(Article(text="Google's Sundar Pichai said the company grew 5 percent in 2019.")).attributions[0]
    assert (pichai.source.label, pichai.source.affiliation) == ("Sundar Pichai", "Google")
    text = "Jane Smith said in a statement on Friday:\n“We raised $5 million in May.”"
    claims = extract(Article(text=text)).claims
    assert [[a.source.label for a in c.attributions] for c in claims] == [["Jane Smith"]]
    assert assess("Senate has the votes to pass tax bill", attributed=False, headline=True).checkable


@pytest.mark.parametrize("text", ["She left the Sept. 11 ceremony at the port before noon.", "The vote is on Oct 4.",
                                  "It opened on March 3."])
def test_a_day_of_the_month_is_a_date_not_a_figure(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, found", [
    ("The crowd knew what was coming in Stage 4.", []),  # a numbered name
    ("Game 7 was sold out.", []),
    ("In Ohio 300 people voted early.", ["300"]),  # a count after a place
    ("She gave 110 percent in the final.", []),  # "fully"
    ("Output rose to 100 percent.", ["100 percent"]),
    ("Labour 412, Conservatives 121.", ["412", "121"]),  # a tally, not numbered names
    ("I am 100% sure of it.", []),
    ("Turnout rose 100 percent in a year.", ["100 percent"]),  # a change
    ("100 percent of the ballots were counted.", ["100 percent"]),  # a share
    ("Seven million farms rely on the canal.", ["Seven million"]),  # figures in words
    ("Almost a third of the ferries run late.", ["a third of"]),
    ("One in four bridges needed repair in 2019.", ["One in four"]),
    ("They planted a million trees, or so it felt.", []),  # "a million": a manner of speaking
    ("10:15 a.m. EDT", []),  # a live blog's entry heading
    ("Call the hotline (800-273-8255) for help.", []),
    ("The vote at 3 p.m. drew 4,000 people.", ["4,000"]),
])
def test_numbered_names_times_and_intensifiers_are_not_figures(text, found):
    assert figures(text) == found


@pytest.mark.parametrize("content", ["he expects the mayor to recover fully from the flu by Monday",
                                     "she hoped the memorial would start a dialogue"])
def test_a_view_held_by_the_speaker_is_not_checkable_even_with_a_date(content):
    assert not assess(content, "say").checkable


@pytest.mark.parametrize("text, flagged", [
    ("Environmentalists worry that the new mine will poison the river.", False),  # a feeling described
    ("Many residents feel betrayed by the council's decision.", False),
    # a fact inside the feeling is the writer's, and no one holding a view is the source of it
    ("Many Dover residents felt betrayed when the council sold the port to a developer for $4 million in 2015.",
     False),
    ("Mayor Ana Ruiz felt betrayed when the council sold the port to a developer for $4 million in 2015.", False),
    ("Some believe the new mine will poison the river.", True),  # a weasel word stands in for a source
    ("Critics fear the new mine will poison the river.", True),
    ("Officials said privately that the mine would close.", True),  # unnamed people voicing it
])
def test_a_described_feeling_hides_no_anonymous_source_but_a_weasel_word_does(tmp_path, text, flagged):
    (tmp_path / "a.txt").write_text(text + "\n")
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--store", str(store)]).exit_code == 0
    report = json.loads(CliRunner().invoke(cli, ["report", "--all", "--format", "json", "--store", str(store)]).stdout)
    assert [("anonymous-only" in c["reasons"]) for c in report["claims"]] == [flagged]
    assert not any("single-source" in c["reasons"] for c in report["claims"])  # feeling it is no source


@pytest.mark.parametrize("text, reasons", [
    # the writer states the release; the protesters' reaction to it credits them with nothing
    ("Protesters were frustrated that the county police released only 12 of the 40 videos on Monday.",
     ["unattributed"]),
    # someone named who is concerned most likely said so: her concern, not the writer's fact
    ("Health Minister Jane Doe is concerned that 300 cases were confirmed in May.", []),
])
def test_a_crowds_reaction_to_a_fact_leaves_the_fact_the_writers(tmp_path, text, reasons):
    (tmp_path / "a.txt").write_text(text + "\n")
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--store", str(store)]).exit_code == 0
    report = json.loads(CliRunner().invoke(cli, ["report", "--all", "--format", "json", "--store", str(store)]).stdout)
    assert [c["reasons"] for c in report["claims"]] == [reasons]


@pytest.mark.parametrize("text, unattributed", [
    ("My aunt sold the farm in 1998 for $40,000.", False),  # the writer's own account
    ("Last week I met the minister at the port, where 300 workers had struck.", False),
    ("The farm was sold in 1998 for $40,000.", True),
    ("The union said “my members struck for 40 days”. The farm was sold in 1998 for $40,000.", True),
])
def test_the_writers_first_hand_account_is_not_unattributed(text, unattributed):
    claims = [c for c in extract(Article(text=text)).claims if not c.attributions]
    assert bool(claims) == unattributed


@pytest.mark.parametrize("content, checkable", [
    ("since May we have certainly also argued that the toll plan is a swindle", False),
    ("I have long believed that the plant closed in May", False),
    ("we argued the case in court in 2015", True),  # an event: a lawyer's day in court
])
def test_a_speaker_on_what_they_argue_or_believe_gives_an_opinion(content, checkable):
    assert assess(content, "say").checkable is checkable


@pytest.mark.parametrize("content, cue, reason", [
    ("When the ferry sails twice a day, runs for 40 minutes, it will end the queues", "say", "prediction"),
    ("the queues are not a problem because the port will take 80 percent of the traffic", "say", "prediction"),
    ("how pleased she is that the canal reopened", "tell", "question"),
    ("charging each lorry a flat 12 percent toll", "say", "intention"),  # a proposal, not a fact
    ("the harsh words the mayor had used about the port in 2010", "cite", "fragment"),  # a thing named
    ("finances", "ask", "fragment"),
])
def test_what_a_source_predicts_asks_proposes_or_names_is_not_checkable(content, cue, reason):
    assert assess(content, cue) == Checkability(False, reason)


@pytest.mark.parametrize("content, cue", [
    ("the plant closed in May and will reopen in June", "say"),  # a past event beside the future one
    ("dredging the harbour cost the city $40 million in 2015", "say"),  # a gerund as the subject of a clause
    ("that the plant closed in 2014", "cite"),
])
def test_a_past_event_or_a_clause_stays_checkable(content, cue):
    assert assess(content, cue).checkable


@pytest.mark.parametrize("content", ["Seven million farms also rely on water from the canal",
                                     "the ferries run late in winter", "they want a second bridge"])
def test_a_plural_subjects_present_verb_makes_a_clause_not_a_fragment(content):
    assert assess(content, "say").reason != "fragment"


def test_an_effort_or_a_feeling_credits_nothing_as_information():
    assert assess("to sign up drivers in Ohio", "try") == Checkability(False, "intention")
    assert assess("the leases let the tenants skip the safety audit", "furious") == Checkability(False, "opinion")


def test_a_quoted_my_is_the_speakers_not_the_writers():
    (claim,) = extract(Article(text="The farm was sold in 1998 for $40,000, “my biggest mistake”.")).claims
    assert claim.text.startswith("The farm was sold in 1998") and not claim.attributions


@pytest.mark.parametrize("text", ["Ruiz said the plant closed in March.", "Ruiz said the ferry sank in 2015.",
                                  "Ruiz said the pier closed on Monday."])
def test_a_dated_event_a_source_relays_stays_checkable_through_the_model(text):
    (claim,) = extract(Article(text=text)).claims
    assert claim.checkable  # "closed in May" once read the month as the modal "may"


@pytest.mark.parametrize("sentence, checkable", [
    ("The harbour plan is bold but muddled.", False),
    
    ("The ferry company lost $40 million in 2015.", True),
    ("The mayor fired three inspectors on Monday.", True),
])
def test_the_writers_own_sentence_is_judged_by_the_model_too(sentence, checkable):
    from provgraph.extract.checkability_model import NARRATOR, judge

    # what the rules pass as the writer's checkable statement, the model may still call an opinion
    assert judge(sentence, None, "none", NARRATOR, Checkability(True, "event")).checkable is checkable


def test_a_note_on_the_writer_at_the_end_is_no_claim_but_a_post_the_story_reported_is():
    bio = ("Ana Ruiz is playwright-in-residence at Dover College and artistic director of Harbour Theatre, "
           "which staged her play in 2014.")
    story = "The county closed 12 schools in 2015, officials said."
    assert [c.text for c in extract(Article(text=story + "\n\n" + bio)).claims] == ["The county closed 12 schools in 2015"]
    # someone the story is about, whose post the writer states at the end, stays a claim
    told = "Ana Ruiz wrote a play about the port strike.\n\n" + bio
    assert bio in [c.text for c in extract(Article(text=told)).claims]


@pytest.mark.parametrize("text", [
    "Harbour Steel is the largest employer of Dover County, with 4,000 workers. The mill closed in 2015.",
    "The mill closed in 2015.\n\nHarbour Steel is now the largest employer of Dover County, with 4,000 workers.",
])
def test_a_closing_fact_about_an_organisation_is_no_writers_note(text):
    assert any(c.text.startswith("Harbour Steel is") for c in extract(Article(text=text)).claims)


def test_a_light_verb_phrase_is_no_cue_where_the_words_after_make_it_an_event():
    (claim,) = extract(Article(text="Ruiz went on to win the seat by 400 votes in 2015."), "rules").claims
    assert not claim.attributions and claim.checkable


@pytest.mark.parametrize("text, names_a_thing", [
    ("their quarrels over the harbour budget", True),
    ("the string of crises facing a union that is short of money", True),  # the verb is in the relative clause
    ("the growing worries of its smallest members", True),  # "worries" after an -ing word is a plural
    ("the harbour budget was cut by a third", False),
    ("the ferry, which cost $4 million, sank in May", False),  # the main verb after the relative clause
    ("the port says 40 ships were held", False),
    ("officials closed the bridge", False),  # no determiner: a clause with its subject
])
def test_a_noun_phrase_names_a_thing_and_states_nothing(text, names_a_thing):
    from provgraph.extract.clauses import noun_phrase

    assert noun_phrase(text) is names_a_thing


def test_what_a_cue_takes_as_its_object_is_no_claim_and_no_anonymous_opinion(tmp_path):
    """"Leaders met to discuss the crises facing the union": what they discussed is a topic, not
    something unnamed people are credited with saying; the sentence is the article's own account."""
    (tmp_path / "a.txt").write_text("OSLO - Nordic leaders gathered on Friday to discuss the string of crises facing "
                                    "their union after the vote, offering new patrols amid growing worries that "
                                    "they lean too much on their neighbours.\n")
    store = tmp_path / "store"
    assert CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--store", str(store)]).exit_code == 0
    report = json.loads(CliRunner().invoke(cli, ["report", "--all", "--format", "json", "--store",
                                                 str(store)]).stdout)
    assert not any("anonymous-only" in c["reasons"] for c in report["claims"])


def test_a_cue_inside_what_an_outlet_reported_that_takes_a_thing_is_part_of_the_outlets_claim():
    text = "The Boston Globe wrote on Sunday that the mayor had claimed a loss of $2 million in 2009."
    (claim,) = extract(Article(text=text)).claims
    assert claim.text.startswith("the mayor had claimed a loss") and claim.checkable
    assert [(a.source.label, a.source.kind) for a in claim.attributions] == [("Boston Globe", "outlet")]


def test_a_sentence_that_announces_what_follows_is_no_claim_of_its_own():
    text = ("On March 3, 2015, the harbour master posted the following message:\n\n"
            "“Forty ships were held in the bay on Monday because the pilots were on strike.”\n")
    claims = extract(Article(text=text)).claims
    assert not any(c.text.endswith("message:") for c in claims)


@pytest.mark.parametrize("text, checkable", [
    ("The Harbour Policy Center says the levy would add $84 million over 10 years.", True),  # a body's estimate
    ("Mayor Ann Bell says the levy would add $84 million over 10 years.", False),  # a politician's forecast
    ("The Harbour Policy Center says the levy would help the port a lot.", False),  # no figure to check
])
def test_a_research_bodys_precise_forecast_is_an_estimate_to_check(text, checkable):
    (claim,) = extract(Article(text=text)).claims
    assert claim.checkable is checkable


def test_a_closing_line_that_says_who_the_writer_is_is_no_claim():
    # a line of its own at the end, under an op-ed its subject signed: a note on the writer
    body = ("I am happy that harbour users are angry. I am happy that they now ask for real change at the port. "
            "Until the board listens, nothing there will improve.")
    claims = extract(Article(text=body + "\n\nDana Hale is the Democratic governor of Ohio.")).claims
    assert not any(c.text.startswith("Dana Hale") for c in claims)


@pytest.mark.parametrize("sentence", [
    "Earlier Sunday, Tom Reyes declined an interview request from the Gazette.",
    "The mayor turned down repeated requests for an interview.",
])
def test_declining_an_interview_request_is_a_non_response(sentence):
    assert non_response(sentence) == "declined to comment"


def test_a_note_on_how_the_article_was_put_together_is_a_label():
    text = "The Harbour Post has supplemented this wire article with quotes from a pool report."
    assert assess(text, attributed=False).reason == "label"


@pytest.mark.parametrize("text, checkable", [
    ("For his testimony on the bridge, the mayor earns Three Pinocchios.", False),
    ("We rate this claim Mostly False.", False),
    ("PolitiFact rated the claim Mostly False in 2015.", True),  # who did what, on record
])
def test_a_fact_checkers_own_rating_is_its_verdict_not_a_fact(text, checkable):
    assert assess(text, attributed=False).checkable is checkable
