"""Extraction on hand-written sentences: who is credited (source), how (cue), with what (content)."""

from __future__ import annotations

import pytest

from provgraph.extract.pipeline import extract
from provgraph.extract.polnear import extract_attributions
from provgraph.model import Article
from conftest import SAMPLES

STRIP = " .,;:“”‘’\"'"


def run(text: str) -> Article:
    return extract(Article(text=text))


def credited(text: str):
    """The attributions of `text` that name a source."""
    return [a for a in run(text).attributions if a.source is not None]


def words(span_text: str) -> str:
    """The span's words; a leading "that" is left out (PolNeAR's contents keep it or not, and the
    trained tagger follows them; claim texts never keep it)."""
    text = span_text.strip(STRIP)
    return text[5:] if text.startswith("that ") else text


def one(text: str, cue: str | None = None):
    """The single attribution with a source (and, if given, this cue) in `text`."""
    atts = [a for a in credited(text) if cue is None or (a.cue is not None and a.cue.text == cue)]
    assert len(atts) == 1, [(a.source.label, a.cue and a.cue.text) for a in atts]
    return atts[0]


def bug(case, reason: str):
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


# --- attribution patterns -------------------------------------------------------------------------
# text, source label, source kind, cue, content (words, without edge punctuation and quote marks)
PATTERNS = [
    pytest.param("Mayor Tom Brennan said that the bridge would reopen in 2026.",
                 "Tom Brennan", "person", "said", ["the bridge would reopen in 2026"], id="X said that Y"),
    pytest.param("Mayor Tom Brennan said the bridge would reopen next spring.",
                 "Tom Brennan", "person", "said", ["the bridge would reopen next spring"], id="X said Y"),
    pytest.param("The ferry service will resume on Thursday, Tom Brennan said.",
                 "Tom Brennan", "person", "said", ["The ferry service will resume on Thursday"], id="Y, X said"),
    pytest.param("‘The bridge is safe for traffic,’ said Tom Brennan.",
                 "Tom Brennan", "person", "said", ["The bridge is safe for traffic"], id="curly single quote, said X"),
    pytest.param("“The bridge is safe for traffic,” said Tom Brennan.",
                 "Tom Brennan", "person", "said", ["The bridge is safe for traffic"], id="curly double quote, said X"),
    pytest.param('"The bridge is safe for traffic," said Tom Brennan.',
                 "Tom Brennan", "person", "said", ["The bridge is safe for traffic"], id="straight quote, said X"),
    pytest.param("“The bridge is safe for traffic,” Tom Brennan said.",
                 "Tom Brennan", "person", "said", ["The bridge is safe for traffic"], id="quote, X said"),
    pytest.param("According to the city council, repairs cost 4 million dollars.",
                 "city council", "organization", "According to", ["repairs cost 4 million dollars"],
                 id="According to X, Y"),
    pytest.param("Repairs cost 4 million dollars, according to Tom Brennan.",
                 "Tom Brennan", "person", "according to", ["Repairs cost 4 million dollars"], id="Y, according to X"),
    pytest.param("Repairs cost 4 million dollars, according to the city council, which oversees the work.",
                 "city council", "organization", "according to", ["Repairs cost 4 million dollars"],
                 id="Y, according to X, which ..."),
    pytest.param("Repairs cost 4 million dollars, according to the city council.",
                 "city council", "organization", "according to", ["Repairs cost 4 million dollars"],
                 id="sentence-final 'according to <common noun>.'"),
    pytest.param("Repairs cost 4 million dollars, according to officials.",
                 "officials", "anonymous", "according to", ["Repairs cost 4 million dollars"],
                 id="sentence-final 'according to officials.'"),
    pytest.param("The harbour was closed for three days, as reported by Reuters.",
                 "Reuters", "outlet", "as reported by", ["The harbour was closed for three days"],
                 id="Y, as reported by X"),
    pytest.param("The shortage was highlighted by a report from Lukas Berger of Der Spiegel, "
                 "who noted that 40 ships were stuck.",
                 "Lukas Berger", "person", "noted", ["40 ships were stuck"], id="a report from NAME of OUTLET, who noted"),
]


@pytest.mark.parametrize("text, label, kind, cue, content", PATTERNS)
def test_attribution_patterns(text, label, kind, cue, content):
    a = one(text, cue)
    assert a.source.label == label
    assert a.source.kind == kind
    assert [words(c.text) for c in a.content] == content


@pytest.mark.parametrize("text, quote", [
    ("“The bridge is safe for traffic,” said Tom Brennan.", "direct"),
    ("‘The bridge is safe for traffic,’ said Tom Brennan.", "direct"),
    ('"The bridge is safe for traffic," said Tom Brennan.', "direct"),
    ("Tom Brennan said that the bridge was safe for traffic.", "indirect"),
])
def test_quote_type(text, quote):
    assert one(text).quote == quote


@pytest.mark.parametrize("text, name", [
    ("‘The bridge is safe for traffic,’ said Tom Brennan.", "Tom Brennan"),
    ("Repairs cost 4 million dollars, according to Tom Brennan.", "Tom Brennan"),
    ("The harbour was closed for three days, as reported by Reuters.", "Reuters"),
])
def test_source_span_at_sentence_end_has_no_period(text, name):
    assert one(text).source_span.text == name


@pytest.mark.parametrize("text", [
    "“Who will pay for the 40 ruined boats?” asked harbour master Ingrid Solberg.",
    "“We lost 40 boats in one night!” said harbour master Ingrid Solberg.",
])
def test_quote_ending_in_question_or_exclamation_is_one_credited_claim(text):
    article = run(text)
    assert len(article.claims) == 1
    assert article.claims[0].attributions[0].source.label == "Ingrid Solberg"


def test_report_from_author_of_outlet_keeps_affiliation():
    a = one("The shortage was highlighted by a report from Lukas Berger of Der Spiegel, "
            "who noted that 40 ships were stuck.", "noted")
    assert a.source.affiliation == "Der Spiegel"
    assert [s.label for s in a.chain()] == ["Lukas Berger"]


def test_report_from_author_chain_has_no_spurious_head():
    """'The figures were echoed in a report from X': 'The figures' is no source heading X's chain."""
    a = one("The figures were echoed in a report from Lukas Berger of Der Spiegel, "
            "who noted that 40 ships were stuck.", "noted")
    assert [s.label for s in a.chain()] == ["Lukas Berger"]


# --- intermediaries: the outlet the source spoke to ---------------------------------------------------
VIA = [
    pytest.param("Harbour master Ingrid Solberg told Reuters that 40 ships were delayed.",
                 ["Reuters", "Ingrid Solberg"], "40 ships were delayed", id="X told Reuters that Y"),
    pytest.param("Ingrid Solberg, speaking to the BBC, said 40 ships were delayed in the harbour.",
                 ["BBC", "Ingrid Solberg"], "40 ships were delayed in the harbour", id="X, speaking to the BBC, said Y"),
    pytest.param("Forty ships were delayed in the harbour, Ingrid Solberg told Reuters.",
                 ["Reuters", "Ingrid Solberg"], "Forty ships were delayed in the harbour", id="Y, X told Reuters"),
]


@pytest.mark.parametrize("text, chain, content", VIA)
def test_intermediary_outlet_heads_the_chain(text, chain, content):
    a = one(text)
    assert [s.label for s in a.chain()] == chain
    assert a.source.via is not None and a.source.via.kind == "outlet"
    assert words(a.content[0].text) == content


def test_relayed_attribution_chain():
    """'Reuters reported that officials said Y': the claim rests on officials, relayed by Reuters."""
    article = run("Reuters reported that port officials said 40 ships were delayed.")
    [claim] = article.claims
    assert words(claim.text) == "40 ships were delayed"
    [a] = claim.attributions
    assert [s.label for s in a.chain()] == ["Reuters", "port officials"]




@pytest.mark.parametrize("text", [
    pytest.param("The bridge will reopen in June, Tom Brennan said, according to Reuters.", id="Y, X said, according to Z"),
    pytest.param("According to Reuters, the bridge will reopen in June, Tom Brennan said.", id="According to Z, Y, X said"),
])
def test_two_cues_in_one_sentence_give_one_claim_with_a_finite_chain(text):
    article = run(text)
    for a in article.attributions:
        a.chain()  # must terminate
    claims = [c for c in article.claims if "the bridge will reopen in june" in c.text.lower()]
    assert len(claims) == 1
    [a] = claims[0].attributions
    labels = [s.label for s in a.chain()]
    assert labels[-1] == "Tom Brennan" and "Reuters" in labels


# --- anonymous sources ----------------------------------------------------------------------------------
ANONYMOUS = [
    pytest.param("A senior official, speaking on condition of anonymity, said the army lost 12 helicopters.",
                 "A senior official", "the army lost 12 helicopters", id="senior official, on condition of anonymity"),
    pytest.param("A senior official, who spoke on condition of anonymity, said 12 helicopters were lost.",
                 "A senior official", "12 helicopters were lost", id="senior official, who spoke on condition"),
    pytest.param("The minister will resign next week, sources close to the ministry said.",
                 "sources close to the ministry", "The minister will resign next week", id="sources close to the ministry"),
    pytest.param("Sources close to the ministry said the minister would resign next week.",
                 "Sources close to the ministry", "the minister would resign next week", id="Sources close to ... said"),
    pytest.param("Two people familiar with the matter said the merger talks had collapsed.",
                 "Two people familiar with the matter", "the merger talks had collapsed", id="two people familiar"),
    pytest.param("The talks collapsed on Friday, two people familiar with the matter said.",
                 "two people familiar with the matter", "The talks collapsed on Friday", id="Y, two people familiar said"),
    pytest.param("One diplomat, who declined to be named, said the embassy would close.",
                 "One diplomat", "the embassy would close", id="one diplomat, who declined to be named"),
    pytest.param("The army lost 12 helicopters in June, a senior official said, speaking on condition of anonymity.",
                 "a senior official", "The army lost 12 helicopters in June", id="Y, X said, speaking on condition"),
]


@pytest.mark.parametrize("text, descriptor, content", ANONYMOUS)
def test_anonymous_sources(text, descriptor, content):
    a = one(text, "said")
    assert a.source.anonymous is True
    assert a.source.kind == "anonymous"
    assert a.source_kind == "anonymous"
    assert a.source.label == descriptor
    assert [words(c.text) for c in a.content] == [content]
    [exported] = [d for d in extract_attributions(text) if d["cue"][0]["text"] == "said"]
    assert exported["anonymous"] is True and exported["source_kind"] == "anonymous"


@pytest.mark.parametrize("text", [
    "One diplomat, who declined to be named, said the embassy would close.",
    "The embassy will close on Monday, said one diplomat, who declined to be named.",
])
def test_declined_to_be_named_is_not_an_attribution(text):
    article = run(text)
    assert [a.cue.text for a in article.attributions] == ["said"]
    assert not any("to be named" in c.text for c in article.claims)


def test_named_sources_are_not_anonymous():
    a = one("French economist Anne Dupont said inflation would reach 6 percent.")
    assert a.source.anonymous is False
    assert extract_attributions("French economist Anne Dupont said inflation would reach 6 percent.")[0][
        "anonymous"] is False


# --- people, organisations, outlets ---------------------------------------------------------------------
PEOPLE = [
    pytest.param("French economist Anne Dupont said inflation would reach 6 percent.",
                 "Anne Dupont", "economist", "French", id="nationality role name"),
    pytest.param("Inflation will reach 6 percent, French economist Anne Dupont said.",
                 "Anne Dupont", "economist", "French", id="Y, nationality role name said"),
    pytest.param("Harbour master Ingrid Solberg said 40 ships were delayed.",
                 "Ingrid Solberg", "Harbour master", None, id="role name"),
    pytest.param("Mayor Tom Brennan said the bridge would reopen in 2026.",
                 "Tom Brennan", "Mayor", None, id="title name"),
    pytest.param("Ukraine’s harvest fell by 12 percent, agronomist Olga Petrenko said.",
                 "Olga Petrenko", "agronomist", None, id="possessive in content"),
]


@pytest.mark.parametrize("text, label, role, nationality", PEOPLE)
def test_people_with_role_and_nationality(text, label, role, nationality):
    s = one(text).source
    assert (s.label, s.kind, s.role, s.nationality) == (label, "person", role, nationality)


OUTLETS = [
    pytest.param("The news agency Interfax reported that 14 people were injured.", "Interfax", "outlet",
                 id="the news agency Interfax"),
    pytest.param("News agency Interfax reported that 14 people were injured.", "Interfax", "outlet",
                 id="News agency Interfax"),
    pytest.param("Russian news agency Interfax said 14 people were injured.", "Interfax", "outlet",
                 id="Russian news agency Interfax"),
    pytest.param("The port authority said 40 ships were delayed.", "port authority", "organization",
                 id="organisation"),
    pytest.param("The backlog, as reported by the Baltic Times, has grown to 40 ships.", "Baltic Times", "outlet",
                 id="the Baltic Times"),
]


@pytest.mark.parametrize("text, label, kind", OUTLETS)
def test_outlets_and_organisations(text, label, kind):
    s = one(text).source
    assert (s.label, s.kind, s.anonymous) == (label, kind, False)


def test_possessive_country_before_an_organisation():
    s = one("Ukraine’s defence ministry said 12 drones were shot down overnight.").source
    assert s.kind == "organization"
    assert "ministry" in s.label


def test_outlet_nationality():
    s = one("Russian news agency Interfax said 14 people were injured.").source
    assert s.nationality == "Russian"


# --- coreference and carry-over -----------------------------------------------------------------------
@pytest.mark.parametrize("text, pronoun, label", [
    ("Paul Smith said the dam was inspected in March. He added that 3 cracks had been found.", "He", "Paul Smith"),
    ("Anne Dupont said the dam was inspected in March. She added that 3 cracks had been found.", "She", "Anne Dupont"),
    ("The port authority said 40 ships were delayed. It added that the backlog would last a week.", "It",
     "port authority"),
    ("Officials at the port said 40 ships were delayed. They added that the backlog would last a week.", "They",
     "Officials at the port"),
])
def test_pronoun_refers_to_the_previous_source(text, pronoun, label):
    article = run(text)
    first, second = article.attributions
    assert first.source.label == label
    assert second.source_span.text == pronoun
    assert second.source is first.source
    assert len(article.sources) == 1
    assert second.source_kind == "pronoun"


def test_surname_refers_to_the_full_name():
    article = run("Maria Lopez said the clinic treated 500 patients last year. "
                  "Lopez added that the waiting list had doubled.")
    first, second = article.attributions
    assert second.source_span.text == "Lopez"
    assert second.source is first.source
    assert [s.label for s in article.sources] == ["Maria Lopez"]


def test_surname_coreference_across_an_apposition():
    article = run("Maria Lopez, the clinic director, said 500 patients were treated. "
                  "Later, Lopez said the list had doubled.")
    assert [s.label for s in article.sources] == ["Maria Lopez"]
    assert len({id(a.source) for a in article.attributions}) == 1


def test_different_people_with_the_same_surname_stay_apart():
    article = run("Paul Smith said the dam was inspected in March. Maria Smith said 3 cracks were found.")
    assert sorted(s.label for s in article.sources) == ["Maria Smith", "Paul Smith"]


def test_repeated_anonymous_descriptor_is_one_source_within_an_article():
    article = run("A senior official said 12 helicopters were lost. "
                  "A senior official said 3 bases were closed.")
    assert len(article.sources) == 1
    assert article.sources[0].anonymous


@pytest.mark.parametrize("text", [
    "“We have never seen a winter like this one,” said farmer Hugo Martens. "
    "“Half of the harvest is gone and nobody will pay for it.”",
    "“We have never seen a winter like this one,” farmer Hugo Martens said. "
    "“Half of the harvest is gone and nobody will pay for it.”",
])
def test_quote_continuing_in_the_next_sentence(text):
    article = run(text)
    first, second = article.attributions
    assert second.source is first.source
    assert second.source.label == "Hugo Martens"
    assert second.carried is True
    assert second.quote == "direct"
    assert [words(c.text) for c in second.content] == ["Half of the harvest is gone and nobody will pay for it"]
    assert len(article.claims) == 2
    assert all(c.attributions and c.attributions[0].source is first.source for c in article.claims)


def test_quote_split_around_its_cue():
    a = one("“We have never seen a winter like this,” said Hugo Martens, “and half of the harvest is gone for good.”")
    assert a.source.label == "Hugo Martens"
    assert [words(c.text) for c in a.content] == ["We have never seen a winter like this",
                                                  "and half of the harvest is gone for good"]
    assert a.quote == "direct"


def test_no_carry_over_into_an_unrelated_sentence():
    article = run("Tom Brennan said the bridge was safe. Unemployment rose to 7.4 percent in the third quarter.")
    claim = next(c for c in article.claims if "7.4 percent" in c.text)
    assert claim.attributions == []


# --- hedges -----------------------------------------------------------------------------------------
HEDGES = [
    pytest.param("The suspect allegedly stole 40 bicycles from the depot.", ["allegedly"], id="allegedly"),
    pytest.param("Around 300 workers reportedly joined the strike on Monday.", ["reportedly"], id="reportedly"),
    pytest.param("The claim that 300 ships were sunk remains unverified.", ["unverified"], id="unverified"),
    pytest.param("The storm may have destroyed 300 homes, officials said.", ["may"], id="may"),
    pytest.param("About 300 people attended the rally, organizers said.", [], id="about N is no hedge"),
    pytest.param("Up to 300 homes were damaged in the storm.", [], id="up to N is no hedge"),
    pytest.param("Police arrested the alleged gunman at the depot on Friday.", [], id="the alleged gunman: a suspect"),
    pytest.param("The alleged fraud cost the depot $4 million.", ["alleged"], id="the alleged fraud: the event"),
    pytest.param("Roughly 300 homes were damaged in the storm.", [], id="roughly N is no hedge"),
    pytest.param("Inflation reached 6 percent in March, the central bank said.", [], id="no hedge"),
    pytest.param("Inflation reached 6 percent in May, the central bank said.", [], id="the month May is no hedge"),
]


@pytest.mark.parametrize("text, hedges", HEDGES)
def test_hedges(text, hedges):
    [claim] = run(text).claims
    for h in hedges:
        assert h in claim.hedges
    for approximator in ("about", "around", "up to", "roughly"):
        assert approximator not in claim.hedges
    if not hedges:
        assert claim.hedges == []


# --- what is a claim ---------------------------------------------------------------------------------
def test_figure_without_attribution_is_an_unattributed_claim():
    [claim] = run("Unemployment rose to 7.4 percent in the third quarter.").claims
    assert claim.attributions == []
    assert claim.text == "Unemployment rose to 7.4 percent in the third quarter."
    assert "7.4 percent" in claim.figures


@pytest.mark.parametrize("text", [
    "The stakes could not be higher.",
    "Time will tell.",
    "Much remains to be seen.",
    "It is a story about courage and loss.",
])
def test_opinion_and_transitions_are_not_claims(text):
    article = run(text)
    assert article.claims == []
    assert article.attributions == []


def test_only_checkable_sentences_become_claims():
    article = run("The stakes could not be higher. Unemployment rose to 7.4 percent in the third quarter. "
                  "Time will tell.")
    assert [c.text for c in article.claims] == ["Unemployment rose to 7.4 percent in the third quarter."]


def test_attributed_claim_text_is_the_content():
    [claim] = run("Mayor Tom Brennan said the bridge would reopen next spring.").claims
    assert words(claim.text) == "the bridge would reopen next spring"
    assert claim.sentence.text == "Mayor Tom Brennan said the bridge would reopen next spring."


# --- apostrophes ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Ukraine’s harvest fell by 12 percent, and farmers don’t expect a recovery, agronomist Olga Petrenko said.",
    "Ukraine's harvest fell by 12 percent, and farmers don't expect a recovery, agronomist Olga Petrenko said.",
    "The farmers’ union said Ukraine’s exports fell by 12 percent.",
])
def test_apostrophes_do_not_open_quotes(text):
    a = one(text)
    assert a.quote == "indirect"
    assert "12 percent" in a.content[0].text


def test_apostrophes_inside_a_quotation():
    a = one("‘We don’t know where Ukraine’s grain went,’ said trader Omar Haddad.")
    assert words(a.content[0].text) == "We don’t know where Ukraine’s grain went"
    assert a.quote == "direct"
    assert a.source.label == "Omar Haddad"


# --- offsets ---------------------------------------------------------------------------------------
OFFSET_TEXTS = [p.values[0] for p in PATTERNS + ANONYMOUS + PEOPLE + OUTLETS + VIA] + [
    "Paul Smith said the dam was inspected in March. He added that 3 cracks had been found.",
    "“We have never seen a winter like this,” said Hugo Martens, “and half of the harvest is gone for good.”",
    "“We have never seen a winter like this one,” said farmer Hugo Martens.\n\n"
    "“Half of the harvest is gone and nobody will pay for it.”",
    "Reuters reported that port officials said 40 ships were delayed.",
    "Intro line without a period\n   ‘Quality is a priority,’ said a senior officer, speaking on condition of anonymity.",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_exported_offsets_index_the_text(text):
    for att in extract_attributions(text):
        assert att["cue"] and att["content"]
        for part in ("source", "cue", "content"):
            for span in att[part]:
                assert text[span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_model_offsets_index_the_text(text):
    article = run(text)
    spans = []
    for a in article.attributions:
        spans += [a.sentence, *a.content] + [s for s in (a.source_span, a.cue) if s is not None]
    for c in article.claims:
        spans += [c.span, c.sentence]
    for s in article.sources:
        spans += s.mentions
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_extract_attributions_format():
    [att] = extract_attributions("Harbour master Ingrid Solberg told Reuters that 40 ships were allegedly delayed.")
    assert set(att) >= {"source", "cue", "content", "source_kind", "anonymous", "hedges", "quote"}
    assert att["source"][0]["text"] == "Harbour master Ingrid Solberg"
    assert att["cue"][0]["text"] == "told"
    assert att["source_kind"] == "person"
    assert att["hedges"] == ["allegedly"]
    assert att["quote"] == "indirect"



def test_a_source_phrase_nobody_is_credited_for_keeps_its_span_in_extract():
    """PolNeAR marks "The fine print" as the source; provgraph credits no one with the claim (it
    names no person, organisation or document it can identify), and `extract` says so."""
    text = "Flooding closed two roads. The fine print says the fee doubles in May."
    [att] = extract_attributions(text)
    assert att["source"][0]["text"] == "The fine print"
    assert att["source_kind"] == "unidentified"
    assert not [a for c in run(text).claims for a in c.attributions if a.source is not None]

# --- transcripts ----------------------------------------------------------------------------------

TRANSCRIPT = """Senator Dana Whitfield spoke to Channel 9 on Sunday.

Partial transcript as follows:

"TAPPER: Let's start with the bridge. The ministry closed it on Friday after inspectors found cracks in two piers. Why did it take so long?

"WHITFIELD: Well, the inspectors filed their report in March. The ministry sat on it for six months.

(CROSSTALK)

UPDATE: The ministry reopened one lane on Monday.
"""


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_every_sentence_of_a_transcript_turn_is_its_speakers(engine):
    article = extract(Article(text=TRANSCRIPT), engine=engine)
    by_text = {c.text: [a.source.label for a in c.attributions] for c in article.claims}
    assert by_text["The ministry closed it on Friday after inspectors found cracks in two piers."] == ["Tapper"]
    # the speaker label resolves to the full name given earlier in the article
    assert by_text["Well, the inspectors filed their report in March."] == ["Dana Whitfield"]
    assert by_text["The ministry sat on it for six months."] == ["Dana Whitfield"]
    # a section label is not a speaker, and a turn ends with its paragraph
    assert by_text["UPDATE: The ministry reopened one lane on Monday."] == []


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_surname_takes_the_full_name_a_sentence_opened_with_before(engine):
    text = ("Senator Dana Whitfield toured the port on Monday. Neither Brandt nor the mayor came. "
            "Whitfield said 40 ships were delayed. Brandt said the port reopened in May.")
    labels = {s.label for s in extract(Article(text=text), engine=engine).sources}
    assert labels == {"Dana Whitfield", "Brandt"}


def test_a_name_given_in_full_after_the_surname_labels_the_source():
    article = run("Pence: Flowers Will Not Attend.\n\nGov. Mike Pence said the campaign raised $5 million in May.")
    assert {s.label for s in article.sources} == {"Mike Pence"}


# --- attribution types ----------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ["model", "rules"])
@pytest.mark.parametrize("text, cue, kind", [
    ("The mayor said the bridge closed on Friday.", "said", "speech"),
    ("According to the ministry, the bridge closed on Friday.", "According to", "speech"),
    ("A new poll shows that 60% of residents back the plan.", "shows", "document"),
    ("Officials fear that the repairs will cost $4 million.", "fear", "belief"),
    ("The governor vowed to rebuild the bridge by May.", "vowed", "intention"),
    ("The council voted to reopen the bridge on Monday.", "voted", "action"),
])
def test_each_attribution_is_typed_by_its_cue(engine, text, cue, kind):
    got = {a["cue"][0]["text"]: a["type"] for a in extract_attributions(text, engine) if a["cue"]}
    assert got.get(cue) == kind, got


def test_an_intention_credits_no_one_but_a_belief_credits_its_holder():
    plan = run("The governor plans to resign after the audit.")
    assert [a.type for a in plan.attributions] == ["intention"]
    assert all(not c.attributions for c in plan.claims)  # a claim about the governor, not one of hers
    fear = run("Two senior officials fear that the bridge will fail.").claims[0]
    assert [(a.type, a.source.anonymous) for a in fear.attributions] == [("belief", True)]


VOX_POPS = ("Residents spoke about the flood.\n\n"
            "“The council ignored us. The levee failed on Monday.” ― Sonya Herridge\n"
            "“I am ashamed. We lost 40 homes.” ―\u00a0Pamela Padilla\u00a0\n\n"
            "The mayor — who was elected in May — said little.")


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_dash_after_a_quotation_credits_the_name_that_follows(engine):
    claims = {c.text: [a.source.label for a in c.attributions] for c in extract(Article(text=VOX_POPS), engine).claims}
    assert claims["The council ignored us. The levee failed on Monday."] == ["Sonya Herridge"]
    assert claims["I am ashamed. We lost 40 homes."] == ["Pamela Padilla"]  # not carried on from the first
    assert claims["The mayor — who was elected in May — said little."] == []  # a dash inside a sentence credits no one


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_the_recipient_of_told_is_not_part_of_what_was_said(engine):
    (a,) = [a for a in extract(Article(text="The mayor told Channel 9 reporters on Friday that the bridge would "
                                            "stay closed."), engine).attributions if a.source]
    assert words(a.content[0].text) == "the bridge would stay closed"


def test_warned_has_no_recipient_to_drop():
    (b,) = [a for a in credited("The mayor warned the bridge would collapse if the storm hit.")]
    assert "the bridge would collapse" in b.content[0].text


def test_a_source_phrase_ends_at_the_cue_after_it_but_not_inside_a_name():
    from provgraph.extract.sources import parse_mention
    from provgraph.extract.tokens import tokenize

    assert parse_mention(tuple(tokenize("she said")), "she said").kind == "pronoun"
    assert parse_mention(tuple(tokenize("Edward Said")), "Edward Said").label == "Edward Said"


def test_polnear_output_draws_a_quotation_whole_with_its_marks():
    text = "“The levee failed. We lost 40 homes,” the mayor said on Friday. The council said it acted in time."
    contents = [c["text"] for a in extract_attributions(text) for c in a["content"]]
    assert "“The levee failed. We lost 40 homes,”" in contents
    assert "it acted in time" in contents  # a paraphrase without the full stop


# --- who a description, a participle or a collective refers to -------------------------------------

def sources_of(text: str) -> list[tuple[str, str, bool]]:
    return [(a.source.label, a.source.kind, a.source.anonymous) for a in credited(text)]


def test_a_participle_after_said_shares_its_source():
    text = ("Senator Dana Whitfield said the board met on Monday. “You squeezed the staff,” she said, "
            "referencing the bank’s drive to open more accounts.")
    assert {label for label, _, _ in sources_of(text)} == {"Dana Whitfield"}


def test_a_definite_description_is_the_person_just_named():
    text = "Donald Trump said the plant closed in May. “We need change,” the New York businessman said."
    assert sources_of(text)[-1] == ("Donald Trump", "person", False)


def test_a_description_under_a_promise_of_anonymity_stays_unnamed():
    text = ("Donald Trump said the plant closed in May. The businessman is broke, the senior official said, "
            "speaking on condition of anonymity.")
    assert sources_of(text)[-1][2] is True


def test_a_collective_owned_by_a_named_person_is_a_named_organisation():
    text = ("Hillary Clinton said she was tired. Her campaign said she had pneumonia. "
            "Donald Trump said he was fine. The Trump team said the plan covers single parents.")
    got = sources_of(text)
    assert ("Hillary Clinton’s campaign", "organization", False) in got
    assert ("Trump team", "organization", False) in got


def test_each_refers_back_and_is_no_source():
    labels = [label for label, _, _ in sources_of("Trump and Clinton met the veterans, and each said the other was unfit.")]
    assert "each" not in labels


@pytest.mark.parametrize("text, label", [
    ("The Ministry of Defense said 40 soldiers were wounded.", "Ministry of Defense"),
    ("The Committee for a Responsible Federal Budget reported that the plan would cost $150 billion.",
     "Committee for a Responsible Federal Budget"),
    ("The Bank of England said inflation rose to 4 percent in May.", "Bank of England"),
])
def test_an_organisation_named_x_of_y_keeps_its_whole_name(text, label):
    assert one(text).source.label == label


def test_a_quotation_begun_sentences_before_its_cue_is_one_claim_of_the_speaker():
    text = ("The panel voted on Thursday.\n\n“Bryan already testified before this Congress. He was ready to do it "
            "again today. They wanted a campaign ad,” his lawyer Mark Smith said.")
    claim = next(c for c in run(text).claims if c.attributions)
    assert claim.text.startswith("Bryan already testified") and claim.attributions[0].source.label == "Mark Smith"
    assert claim.sentence.text.startswith("“Bryan already testified")  # the evidence covers all of it


def test_a_stance_inside_what_a_speaker_said_is_the_speakers_claim():
    text = "Clinton noted that Trump also supported the invasion in 2003 and later changed his position."
    (claim,) = [c for c in run(text).claims if c.attributions]
    assert [a.source.label for a in claim.attributions] == ["Clinton"] and claim.checkable


def test_figures_that_go_on_from_an_outlets_figures_in_the_same_paragraph_are_the_outlets():
    text = ("Bonuses for tellers were $500 to $2,000 a quarter, The Daily Ledger reports. Branch managers could "
            "get $10,000 a year.\n\nThe bank employs 4,000 tellers.")
    claims = {c.text: [a.source.label for a in c.attributions] for c in run(text).claims}
    assert claims["Branch managers could get $10,000 a year."] == ["Daily Ledger"]
    assert claims["The bank employs 4,000 tellers."] == []  # a new paragraph: the writer's own


@pytest.mark.parametrize("text, labels", [
    ("Reps. Elijah Cummings and John Conyers wrote that the agency withheld 40 documents in May.",
     {"Elijah Cummings", "John Conyers"}),
    ("“We lost 40 homes,” said Mayor Dana Whitfield and her deputy.", {"Dana Whitfield", "her deputy"}),
    ("The storm hit on Monday and officials said 40 homes were lost.", {"officials"}),  # no "Monday" source
])
def test_every_source_of_a_coordinated_subject_is_credited(text, labels):
    (claim,) = run(text).claims
    assert {a.source.label for a in claim.attributions} == labels


def test_polnear_output_gives_a_coordinated_subject_one_attribution_with_both_sources():
    # one phrase, as PolNeAR draws it; the graph credits both (the test above)
    (a,) = extract_attributions("Cummings and Conyers wrote that the agency withheld 40 documents in May.")
    assert [s["text"] for s in a["source"]] == ["Cummings and Conyers"]


@pytest.mark.parametrize("text, source, cue", [
    ("Nadia Brook, the port's harbour master, said that 40 ships were held in the bay.",
     "Nadia Brook, the port's harbour master,", "said"),
    ("Rep. Tom Ferrel (D-Ore.) said the hearing was moved to March.", "Rep. Tom Ferrel (D-Ore.)", "said"),
    ("The hearing was moved to March, said Tom Ferrel, an aide to the committee.",
     "Tom Ferrel, an aide to the committee", "said"),
    ("But Ms. Lowe and Mr. Adair said the ferry had been sold in June.", "Ms. Lowe and Mr. Adair", "said"),
    ("The harbour master said: “Forty ships were held in the bay on Monday.”", "The harbour master", "said:"),
    ("Ms. Lowe said of the plan that it had cost the port $4 million.", "Ms. Lowe", "said"),
    ("The ferry was sold in June, said Ana Lowe, head of the port board.", "Ana Lowe, head of the port board",
     "said"),
    ("The ferry was sold in June, said Ana Lowe, adding that the price was secret.", "Ana Lowe", "said"),
    ("The ferry was sold in June, said Ana Lowe, in an interview on Monday.", "Ana Lowe", "said"),
])
def test_polnear_output_draws_source_and_cue_as_polnear_does(text, source, cue):
    # the source phrase keeps its appositive and party tag, a pair is one phrase; the graph's source
    # is the name alone ("But" is no part of it)
    a = extract_attributions(text)[0]  # "adding that ..." is an attribution of its own
    assert ([s["text"] for s in a["source"]], [c["text"] for c in a["cue"]]) == ([source], [cue])
    assert all(not x.source.label.startswith("But") and "But" not in (x.source.role or "")
               for c in run(text).claims for x in c.attributions)


def test_polnear_output_closes_an_appositive_source_with_its_comma_for_every_cue():
    # the second cue of one subject: PolNeAR draws the appositive's closing comma into the source
    text = ("Ana Lowe, the port's harbour master, praised the crews and said 40 ships were held in the bay.")
    sources = {s["text"] for a in extract_attributions(text) for s in a["source"]}
    assert sources == {"Ana Lowe, the port's harbour master,"}


def test_polnear_output_draws_a_coordinated_subject_as_one_source():
    (a,) = extract_attributions("The Ruiz campaign and the harbour board said the ferry cost $4 million.")
    assert [s["text"] for s in a["source"]] == ["The Ruiz campaign and the harbour board"]


def test_polnear_output_draws_a_poll_with_when_it_was_released():
    (a,) = extract_attributions("A Harbour Ledger poll released last week found that 40 percent backed the ferry.")
    assert [s["text"] for s in a["source"]] == ["A Harbour Ledger poll released last week"]


def test_polnear_output_source_does_not_reach_across_another_cue():
    # the subject of "arguing" is the senator; what she said is no appositive of hers
    text = "Sen. Ana Lowe (R-Ore.) said the ferry was sold in June, arguing that the port lost $4 million."
    sources = {s["text"] for a in extract_attributions(text) for s in a["source"]}
    assert sources == {"Sen. Ana Lowe (R-Ore.)"}


def test_an_office_refers_back_only_to_someone_who_holds_it():
    lavrov = "Foreign Minister Sergei Lavrov said the talks failed. The president said 40 soldiers died."
    # not Lavrov, and not anonymous either: an office with one holder is someone a reader can identify
    assert sources_of(lavrov)[-1] == ("The president", "person", False)
    senator = "Senator Dana Whitfield said the talks failed. The senator said 40 workers quit."
    assert sources_of(senator)[-1] == ("Dana Whitfield", "person", False)
    owned = "Senator Dana Whitfield said the talks failed. The company's chairman said 40 workers quit."
    assert sources_of(owned)[-1][2] is True


def test_a_forecast_inside_a_report_keeps_its_own_source():
    article = extract(Article(text="Reuters reported that the IMF forecast growth would slow to 2 percent next year."),
                      "rules")  # the rules read the nested cue
    chains = [[s.label for s in a.chain()] for c in article.claims for a in c.attributions]
    assert ["Reuters", "IMF"] in chains


def test_what_a_transcript_speaker_says_others_said_is_relayed_by_the_speaker():
    text = "Partial transcript:\n\nWALLACE: Let us start. Trump said Mexico paid 40 percent of the wall in May."
    (claim,) = [c for c in run(text).claims if "Mexico" in c.text]
    assert [[s.label for s in a.chain()] for a in claim.attributions] == [["Wallace", "Trump"]]


@pytest.mark.parametrize("engine", ["model", "rules"])
@pytest.mark.parametrize("text, label, role", [
    ("The firm's chief financial officer, Tom Reddy, said the plant lost $40 million last year.", "Tom Reddy",
     "firm's chief financial officer"),
    ("Another union ally, Labor Secretary Ann Wills, told reporters that the closure cost 900 jobs.", "Ann Wills",
     "Labor Secretary"),
    ("“Sales fell 30 percent,” said Leonard Marsh, a former official in the Treasury who now runs a fund.",
     "Leonard Marsh", None),
])
def test_a_name_beside_a_description_is_the_named_source(engine, text, label, role):
    (a,) = [a for a in extract(Article(text=text), engine).attributions if a.source]
    assert (a.source.label, a.source.kind, a.source.anonymous) == (label, "person", False)
    if role is not None:
        assert a.source.role == role


@pytest.mark.parametrize("text, label, kind", [
    ("A spokeswoman for Harlow Logistics said the company paid $2 million in severance.", "Harlow Logistics",
     "organization"),
    ("A State Department spokesman said 22 emails held classified material.", "State Department", "organization"),
])
def test_a_spokesperson_for_a_named_party_is_that_party_on_the_record(text, label, kind):
    assert sources_of(text) == [(label, kind, False)]


@pytest.mark.parametrize("text", [
    "A former Harlow spokesman said the company paid $2 million in 2016.",  # not the party's voice any more
    "A spokesman for Harlow, who spoke on condition of anonymity, said the company paid $2 million.",
])
def test_a_former_or_anonymous_spokesperson_is_not_the_party(text):
    assert all(label != "Harlow" for label, _, _ in sources_of(text))


def test_an_unnamed_spokesperson_of_nobody_named_and_an_aide_stay_anonymous():
    assert sources_of("A spokeswoman said the company paid $2 million in severance.")[0][2] is True
    assert sources_of("A top Harlow aide said the company paid $2 million in severance.")[0][2] is True


def test_an_unresolved_definite_epithet_is_identifiable_but_never_someone_else():
    # with nobody to refer to, someone the reader can identify, not an anonymous source
    assert sources_of("“We lost $3 million,” the billionaire businessman said.")[-1] == (
        "the billionaire businessman", "person", False)
    # and never whoever the sentence before opens with: here the man who fired him
    text = "Jon Marsh fired the billionaire businessman in 2004. “I never took $2 million,” the businessman said."
    assert sources_of(text)[-1][0] != "Jon Marsh"


@pytest.mark.parametrize("text", [
    "Mara Quill spent a decade on the film. The director said the shoot ended in 2015.",
    "The director said the shoot ended in 2015.",
])
def test_a_definite_description_of_one_person_is_no_anonymous_source(text):
    # "the director" is someone the story is about; who, the reader knows, so no one is picked
    assert sources_of(text)[-1] == ("The director", "person", False)


def test_a_definite_description_of_someone_brought_in_unnamed_stays_unnamed():
    text = "A woman in the crowd was hurt on Monday. The woman said a rock hit her at 9 p.m."
    assert sources_of(text)[-1][2] is True


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_document_released_by_a_named_body_is_that_bodys(engine):
    text = "A 30-page audit released by the Harbour Authority last month shows that 7,400 ferries ran late in 2014."
    (claim,) = extract(Article(text=text), engine).claims
    assert [(a.source.label, a.source.kind, a.source.anonymous) for a in claim.attributions] == [
        ("Harbour Authority", "organization", False)]


def test_a_document_sent_to_someone_is_its_authors():
    text = ("Maria Ortiz opposed the motion on Monday. Her submission to the court said the ferry "
            "contract had been cancelled in 2013.")
    assert sources_of(text)[-1] == ("Maria Ortiz", "person", False)


@pytest.mark.parametrize("text, label", [
    ("The Harbour Safety Board (HSB) met on Monday. HSB said 12 ferries failed inspection in May.", "Harbour Safety Board"),
    ("The Federal Bureau of Investigation (FBI) opened a case. The FBI said 12 agents worked on it.",
     "Federal Bureau of Investigation"),
])
def test_an_acronym_given_in_brackets_is_the_name_it_stands_for(text, label):
    assert sources_of(text)[-1][:2] == (label, "organization")


def test_an_office_of_a_place_is_its_holder_not_a_person_named_after_the_place():
    text = ("Senator from Ohio says the mill closed in May.\n\nSen. Dana Whitfield said 300 workers lost their "
            "jobs. The plant lost $4 million in 2015, the senator said.")
    got = sources_of(text)
    assert got[0] == ("Senator from Ohio", "person", False)
    assert got[-1] == ("Dana Whitfield", "person", False)  # "the senator": the one just named, by her title


def test_someone_known_by_a_tie_to_a_name_is_not_that_name():
    text = "The wife of Tom Hanks said the shoot ended in May. Hanks said the film cost $40 million."
    assert [label for label, _, _ in sources_of(text)] == ["wife of Tom Hanks", "Tom Hanks"]  # (in full, as named)


def test_a_person_hired_by_a_body_is_not_that_body():
    text = "A 30-year-old woman hired by the Harbour Authority last month says rents rose 40 percent in 2014."
    assert sources_of(text) == [("A 30-year-old woman", "anonymous", True)]


@pytest.mark.parametrize("sentence, documents", [
    ("These figures, drawn from police reports, court filings and hospital records, suggest a rise.",
     {"police reports", "court filings", "hospital records"}),
    ("These numbers, taken from a survey of 2,000 veterans, suggest a rise.", {"survey"}),
])
def test_the_documents_figures_came_from_are_each_on_record(sentence, documents):
    text = f"Over 1,200 cases were opened in 2015. {sentence}"
    on_record = [a for a in extract(Article(text=text)).attributions if a.cue is not None and "from" in a.cue.text]
    assert {a.source.label for a in on_record} == documents
    assert all(a.source.kind == "document" and a.content[0].text.endswith(("figures", "numbers")) for a in on_record)


def test_a_cue_no_one_uses_for_speech_credits_its_subject_with_nothing():
    # "championed" is what the mayor did, not something the mayor told anyone
    (a,) = run("The mayor has championed the ferry plan, which cost $40 million in 2015.").attributions
    assert (a.cue.text, a.type) == ("has championed", "action")


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_attributions_alone_are_the_same_as_with_claims(engine):
    def read(article):
        return [(a.source and a.source.label, a.cue and a.cue.text, [(c.start, c.end) for c in a.content], a.type)
                for a in article.attributions]

    for path in sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES.parent / "tests" / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        alone = extract(Article(text=text), engine, claims_too=False)
        assert not alone.claims and read(alone) == read(extract(Article(text=text), engine))


def test_a_share_of_respondents_is_the_poll_named_just_before():
    text = ("A Quinnipiac poll released Tuesday surveyed 1,000 voters in Ohio. Two thirds backed the plan, and "
            "40 percent of respondents said they had lost income since May.")
    assert set(sources_of(text)) == {("Quinnipiac poll", "document", False)}


def test_a_share_of_a_body_is_not_a_poll():
    text = "A Quinnipiac poll was released on Monday. Separately, a majority of senators said the bill would fail."
    assert ("Quinnipiac poll", "document", False) not in sources_of(text)


def test_a_share_of_respondents_with_no_poll_named_is_vague_data_not_a_person():
    assert sources_of("Nearly half of voters said they had lost income since May.") == [
        ("Nearly half of voters", "document", True)]


def test_claims_as_a_noun_frame_nothing_as_unverified():
    text = "The site rated 32% of Republican claims as “false” or “absurd,” compared to 11% of Democratic claims."
    assert all("claims" not in claim.hedges for claim in run(text).claims)
    (claim,) = [c for c in run("Trump claimed that the agency lost $3 million in 2015.").claims]
    assert claim.hedges == ["claimed"]


@pytest.mark.parametrize("text, checkable", [
    ("Police said the officer was not wearing a body camera when he fired on Tuesday.", True),
    ("The agency said it paid $2 million to the contractor in 2015.", True),
    ("“The summit accomplished too little,” the prime minister added.", False),  # past tense, nothing to check
    ("“This has taken us aback,” the mayor said.", False),  # the rules read both as events; the model does not
    ("Obama spoke on Saturday. He said he hoped the memorial would encourage a dialogue on race.", False),
    ("“Cyber security remains one of the biggest challenges facing our country,” the senator said.", False),
])
def test_what_a_source_is_credited_with_is_checkable_only_if_it_states_a_fact(text, checkable):
    (claim,) = [c for c in run(text).claims if c.attributions]
    assert claim.checkable is checkable, claim.check


def test_a_source_phrase_that_ends_the_sentence_has_no_name_after_it():
    # found by the fuzz test: the look for ", Name" after the phrase ran past the last token
    assert run("000”sAID SAID").claims


def test_a_relative_the_writer_names_by_relation_is_not_an_anonymous_source():
    (a,) = credited("“The mill closed in 1998,” my father said.")
    # not anonymous, and a description, so kept to its article: two writers' fathers are two people
    assert (a.source.kind, a.source.anonymous, a.source.descriptor) == ("person", False, "my father")
    assert sources_of("Our sources said the deal was signed on Monday.")[0][2] is True


def test_a_name_after_according_to_a_description_is_what_was_said():
    (a,) = credited("According to the official, Tom Reddy, the finance chief, lost $40 million last year.")
    assert a.source.anonymous is True


@pytest.mark.parametrize("text, hedge", [
    ("The senator claims the plant lost $40 million last year.", "claims"),
    ("The lawsuit alleges that the firm paid $2 million to the mayor in 2015.", "alleges"),
])
def test_a_framing_verb_after_its_subject_still_hedges(text, hedge):
    assert any(hedge in c.hedges for c in run(text).claims)


def test_an_opening_participle_is_not_a_name_for_he_to_take_up():
    text = "Holding signs, the crowd marched on Monday. “The plan failed,” he then said."
    assert all(label != "Holding" for label, _, _ in sources_of(text))


@pytest.mark.parametrize("text", [
    # "they have been criticized for ...": someone unnamed criticised them; they said nothing
    "Although the port hired more crews in 2015, the crews have long been blamed for slow crossings.",
    "Tom Reyes is accused of stealing 40 bicycles from the depot in June.",
])
@pytest.mark.parametrize("engine", ["model", "rules"])
def test_the_subject_of_a_passive_cue_is_its_target_not_its_source(text, engine):
    for a in extract_attributions(text, engine):
        assert a["source"] == [], a
    assert all(not c.attributions for c in extract(Article(text=text), engine).claims)


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_subject_set_off_by_a_comma_is_no_content_and_what_follows_the_cue_no_source(engine):
    # "A ... analysis of loans made since Jan. 1, 2015, shows X": the comma closes the subject, not
    # a quotation, so "shows" is not "said" with its speaker after it
    text = "A Ledger analysis of farm loans made since Jan. 1, 2015, shows small farms outpacing large ones."
    sources = [s["text"] for a in extract_attributions(text, engine) for s in a["source"]]
    assert not any("small farms" in s for s in sources)
    if engine == "rules":
        credits = [(a.source.label, a.source.kind) for c in extract(Article(text=text), engine).claims
                   for a in c.attributions]
        assert credits == [("Ledger analysis", "document")]


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_speakers_word_estimate_announces_no_figures_in_the_writers_next_paragraph(engine):
    text = ("Ms. Lowe said she thinks most of the pilots back the strike. "
            "(A pilots' union spokesman said that, ''Right now, any estimate of support is only a guess.'')\n\n"
            "Harbour officials face the same puzzle elsewhere, including the ferry crews, whose members "
            "run a ''Crews for Lowe'' page online, with more than 650 likes.")
    (last,) = [c for c in extract(Article(text=text), engine).claims if c.text.startswith("Harbour officials")]
    assert last.attributions == []


def test_someone_who_seems_something_is_described_not_credited():
    # "voters seem less keen": the writer's impression; "appeared to blame" is still their speech
    text = "Harbour voters don't seem as excited as those in Dover this year."
    assert all(not c.attributions for c in run(text).claims)
    (claim,) = run("The mayor appeared to blame the port for the delays in May.").claims
    assert [a.source.label for a in claim.attributions] == ["The mayor"]


def test_a_pull_quotes_caption_credits_its_quotation():
    text = ("The port lost money.\n\nFormer harbour master Ana Ruiz:\"We learned that from the port authority "
            "and its review of the logs. We were trying to close some gaps.\"")
    (learned,) = [c for c in run(text).claims if c.text.startswith("We learned")]
    assert [a.source.label for a in learned.attributions] == ["Ana Ruiz"]


@pytest.mark.parametrize("engine", ["model", "rules"])
@pytest.mark.parametrize("text, chain", [
    ("The Gazette reported on Monday, citing people familiar with the matter, that the port would close 40 berths.",
     ["Gazette", "people familiar with the matter"]),
    ("The port will close 40 berths, the Gazette reported, citing two officials who spoke on condition of anonymity.",
     ["Gazette", "two officials"]),
    ("According to the Gazette, which cited unnamed harbour officials, the port will close 40 berths in May.",
     ["Gazette", "unnamed harbour officials"]),
    ("The Gazette, citing sources close to the board, said the port lost $2 million in 2015.",
     ["Gazette", "sources close to the board"]),
    ("The Gazette, quoting an unnamed harbour official, reported that the port closed 44 berths in May.",
     ["Gazette", "an unnamed harbour official"]),
    ("A harbour official, speaking to the Gazette on condition of anonymity, said the port closed 45 berths in May.",
     ["Gazette", "A harbour official"]),
    ("A harbour official told the Gazette on condition of anonymity that the port closed 45 berths in May.",
     ["Gazette", "A harbour official"]),
    ("The port closed 43 berths in May, according to a Gazette report based on interviews with three pilots.",
     ["Gazette report"]),
])
def test_a_chain_through_an_outlet_runs_from_the_outlet_to_those_it_cites(text, chain, engine):
    # the people cited are the root of the claim and the outlet the intermediary (an indirect chain);
    # how a source spoke to the outlet ("on condition of anonymity") is no part of the outlet
    (claim,) = [c for c in extract(Article(text=text), engine).claims if "port" in c.text]
    assert [[s.label for s in a.chain()] for a in claim.attributions] == [chain]
    assert not claim.text.startswith(chain[-1])


@pytest.mark.parametrize("text, speaker", [
    ("“It is hard to poll,” said Tom Reyes, a professor at Dover College, citing another reason the race is "
     "hard to call.", "Tom Reyes"),  # a reason cited is no source
    ("The country has changed for the better, Ana Ruiz said, citing the release of 40 political prisoners.",
     "Ana Ruiz"),  # nor an event
])
def test_citing_a_reason_or_an_event_keeps_the_speaker(text, speaker):
    claim = run(text).claims[0]
    assert [[s.label for s in a.chain()] for a in claim.attributions] == [[speaker]]


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_cue_whose_object_is_otherwise_credits_nobody_with_what_follows(engine):
    text = "Still, acting as if the race is won, even if the polls suggest otherwise, is central to the harbour campaign's plan."
    assert not any(c.attributions for c in extract(Article(text=text), engine).claims)
    assert any(a["cue"][0]["text"] == "suggest" for a in extract_attributions(text, engine))  # PolNeAR counts it


DATA_GOES_ON = ("The Refugee Processing Center said that 98 percent of the refugees this year are Sunni Muslims.\n\n"
                "According to the data, Christians make up less than 1 percent of the arrivals.\n\n"
                "To date, 14 Catholics and six Orthodox were admitted as well as 29 others who gave no religion.")


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_the_data_are_theirs_and_go_on_past_an_agentless_cue(engine):
    # "the data" after the center's figures are the center's; "were admitted" credits no one, so the
    # figures after them still go on with the center's account instead of standing unattributed
    claims = extract(Article(text=DATA_GOES_ON), engine).claims
    assert [[a.source.label for a in c.attributions] for c in claims] == [["Refugee Processing Center"]] * 3
    assert [a.carried for a in claims[2].attributions] == [True]


def test_the_data_after_two_parties_stay_unresolved():
    text = ("The Harbour Authority and the Ferry Workers Union said 40 percent of the piers need repair. "
            "According to the data, 12 piers are closed.")
    labels = [a.source.label for c in run(text).claims for a in c.attributions]
    assert labels[-1] == "data"  # two parties credited just before: whose data is not said


POLL_GOES_ON = ("A national poll released Sunday by The Washington Post and ABC News shows the senator keeping "
                "her lead.\n\nHer 32% support gives her a double-digit advantage over her closest rival.\n\n"
                "The poll showed that she leads among women while her rival leads among men. She leads among "
                "voters under 30 while he is the leader among retirees.")


def test_a_polls_account_goes_on_past_its_paragraph_and_into_its_breakdowns():
    claims = run(POLL_GOES_ON).claims
    assert all([a.source.label for a in c.attributions] == ["The Washington Post"] for c in claims), \
        [(c.text, [a.source.label for a in c.attributions]) for c in claims]
    assert [a.carried for c in claims for a in c.attributions] == [False, True, False, True]


@pytest.mark.parametrize("text, checkable", [
    ("The audit released Tuesday found 40 errors in the ledger.", True),  # a finding, though no clause
    ("The survey showed a 12 percent drop in attendance.", True),
    ("The mayor found a new job.", False),
])
def test_a_finding_given_as_a_noun_phrase_is_checkable(text, checkable):
    assert [c.checkable for c in run(text).claims] == [checkable]


def test_a_wire_credit_line_is_no_claim():
    text = ("The council approved the budget on Monday, the mayor said.\n\n"
            "(Additional reporting by Ana Ruiz in Dover; Writing by Tom Hale; Editing by Jo Reyes.)")
    assert [c.text for c in run(text).claims] == ["The council approved the budget on Monday"]


def test_a_programme_called_a_show_is_no_cue():
    text = "In a clip from Ana Ruiz’s upcoming radio show The Hour, Ruiz sings to the mayor."
    assert credited(text) == []


@pytest.mark.parametrize("engine", ["model", "rules"])
def test_a_quotation_that_names_its_own_speaker_where_it_closes_is_not_carried(engine):
    text = ("“I am impressed by his ability to insult every kind of voter,” the writer Cole Haddon wrote.\n\n"
            "“A pile of cash and 40 suggestions of corruption. He plays to the fringe again,” wrote Eric Ames, "
            "a radio host.")
    claims = extract(Article(text=text), engine).claims
    cash = [c for c in claims if "pile of cash" in c.text]
    assert cash and all([a.source.label for a in c.attributions] == ["Eric Ames"] for c in cash)
