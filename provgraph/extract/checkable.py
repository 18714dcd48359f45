"""Checkability: does a claim assert a fact someone could verify, and if not, why not.

A fact-checker triages checkable claims: a figure, a dated or specific event, a finding, who did
what. Opinions, characterisations, predictions, promises, intentions, demands, questions and the
writer's own analysis cannot be checked, so flagging them as weakly sourced is noise: when a named
person states an opinion, the attribution is the fact. The decision uses the cue ("vowed",
"urged", "believes" credit an intention, a demand, a belief) and the content's own wording
(modals of prediction and obligation, first-person stance, evaluative words without a fact to
anchor them, no verb at all). Every decision carries its reason, which the graph keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provgraph.extract import lexicon
from provgraph.extract.claims import figures
from provgraph.extract.clauses import AUXILIARY, NOUN_DETERMINERS, noun_phrase, regular_past
from provgraph.extract.nonresponses import non_response
from provgraph.extract.tokens import Token

# Cue lemmas whose content is not information the source passes on: the attribution is the fact.
INTENTION = frozenset("vow promise pledge plan intend seek threaten offer want hope aim propose design try attempt strive "
                       "scramble prepare".split())
DEMAND = frozenset("urge demand ask request encourage advise implore appeal beg invite challenge dare "
                   "order command instruct".split())
PREDICTION = frozenset("predict expect forecast anticipate project bet guarantee".split())
STANCE = frozenset("think believe feel consider view worry fear wonder prefer favor support oppose "
                   "praise applaud blast slam criticize criticise decry denounce chide mock lament thank blame "
                   "attack describe portray call compare dismiss defend embrace tout back agree argue insist "
                   "seem appear sound look question rip hammer label brand hail welcome condemn".split())
# Feelings about something ("councillors were furious that ..."): a state of mind, not a report.
EMOTION = frozenset("anger incensed outraged frustrated upset pleased disappointed alarmed concerned furious "
                    "delighted thrilled relieved troubled dismayed shocked stunned angry happy glad".split())
# Cues of a state of mind: what the holder believes or expects, not what they pass on.
BELIEF = frozenset("think believe feel consider view worry fear wonder suspect doubt support oppose favor prefer "
                   "back embrace".split()) | PREDICTION | EMOTION
# (action cues, ACTION below, never reach these: their attributions credit no one)
ANALYSIS_REASONS = {"intention": INTENTION, "demand": DEMAND, "prediction": PREDICTION, "opinion": STANCE | EMOTION}
# Cues that pass on information found or recorded: what they credit is a finding, checkable as such.
INFORMATION = frozenset(["according to"] + "report find show reveal cite confirm disclose estimate count indicate "
                        "document record list calculate conclude determine discover identify tally".split())
# Cues whose object, a noun phrase, is itself what was found: "found 40 errors", "showed a 5 percent rise"
FINDS = frozenset("find show reveal count record tally identify discover document".split())
# Cues of speech and report: what they credit is passed on as said ("said", "according to").
SPEECH_LEMMAS = frozenset(["according to"] + "say tell report state announce add write note claim confirm deny warn find "
                          "show".split())
# Cues of an action, not of speech ("the panel voted to", "the court rejected", "donors push"): the
# actor is not a source of information (PolNeAR annotates them as attributions); the sentence is the
# article's own account of what the actor did.
ACTION = frozenset("vote file reject decline refuse ignore defy invoke push express join sign approve veto pass endorse retweet "
                   "nominate launch sue appeal rule overturn overrule uphold block strike accept withdraw "
                   "release submit send give spend raise donate fund hire fire arrest charge indict cast cheer "
                   "convict sentence decide decision ruling verdict judgment".split()) | {"known as", "agreed to", "compared with"}



# A court's finding is its ruling ("a federal judge found the law unconstitutional", "the jury
# found him guilty"): a public act on the record, not information an unnamed source passes on.
JUDICIAL = frozenset("judge judges court courts jury juries justice justices magistrate tribunal".split())
RULING_CUES = frozenset("find hold rule order conclude determine".split())
# Every cue lemma the lists above type: a cue the tagger reads outside them and outside PolNeAR's
# cue words is what its subject did (pipeline._known_cue).
TYPED_LEMMAS = INTENTION | DEMAND | PREDICTION | STANCE | EMOTION | BELIEF | INFORMATION | SPEECH_LEMMAS | ACTION


def attribution_type(cue_lemma: str | None, source_kind: str, source_head: str | None = None) -> str:
    """The attribution's type (model.ATTRIBUTION_TYPES) from its cue, how its source is named and
    the head noun of the source phrase."""
    if cue_lemma in ACTION or cue_lemma in RULING_CUES and source_head in JUDICIAL:
        return "action"
    if cue_lemma in INTENTION:
        return "intention"
    if cue_lemma in BELIEF:
        return "belief"
    return "document" if source_kind == "document" else "speech"


# A modal of prediction or obligation as the content's main verb: "will win", "should resign"; of
# (in)ability, a general statement: "a state cannot avoid the conclusion".
MODAL = re.compile(
    r"^(?:[^,;:]{0,80}?\b)(?:will|won['’]t|would|wouldn['’]t|shall|should|shouldn['’]t|must|mustn['’]t|"
    r"ought to|need to|needs to|has to|have to|going to|gonna|['’]ll|can['’]t wait|could|might|cannot|can['’]t)\s+"
    r"(?!not be reached)",
    re.IGNORECASE,
)
PAST_MODAL = re.compile(r"\b(?:would|could|might|should|must) (?:not )?have\b", re.IGNORECASE)  # "may have"-type
FIRST_PERSON_STANCE = re.compile(
    r"\b(?:I|we)\s+(?:(?:have|['’]ve|had)\s+)?(?:(?:really|just|do|don['’]t|truly|strongly|also|still|certainly|"
    r"always|long)\s+){0,2}"
    r"(?:think|believe|feel|hope|want|wish|need|love|hate|like|fear|worry|doubt|guess|suppose|"
    r"(?:argue|argued|insist|insisted|maintain|maintained|contend|contended)\s+that|"
    r"am (?:proud|sure|confident|honored|honoured|glad|happy|sorry|afraid|disappointed|worried)|"
    r"['’]m (?:proud|sure|confident|honored|honoured|glad|happy|sorry|afraid|disappointed|worried)|"
    r"(?:would |['’]d )?call (?:it|this|that)|"
    r"can|can['’]t|cannot|must|should|will|['’]ll|['’]re going|are going|have to|got to)\b"
    r"|\b(?:in my (?:view|opinion)|let['’]s|let us|thank you|God bless)\b",
    re.IGNORECASE,
)
# ... or how they felt ("we were floored"), unless what they felt about is a precise figure to check.
FIRST_PERSON_FEELING = re.compile(
    r"\b(?:I|we)\s+(?:were|was|are|['’]re|am|['’]m) (?:(?:so|very|just|really|absolutely|deeply|truly) )?"
    r"(?:floored|stunned|shocked|thrilled|delighted|devastated|heartbroken|surprised|excited|humbled|grateful|"
    r"thankful|saddened|appalled|outraged|furious|angry|upset|frustrated|proud|disappointed|worried)\b",
    re.IGNORECASE)
# Stance adverbs (Biber's "stance adverbials"): a speaker arguing ("was really mocking", "essentially
# wants", "the question really should be"), not passing on a fact.
STANCE_ADVERB = re.compile(r"\b(?:really|essentially|clearly|obviously|frankly|simply|absolutely|truly|literally|"
                           r"basically|honestly|I mean)\b", re.IGNORECASE)
# A quotation that addresses someone ("You say you accept responsibility", "You knew damn well"):
# rhetoric aimed at a listener, not a fact passed on.
ADDRESS = re.compile(r"^[\W]*(?:you|your)\b", re.IGNORECASE)
# A view held, in the third person, inside what was said: "he thinks the campaign stayed vague".
HELD_VIEW = re.compile(r"^(?:that\s+)?(?:he|she|they|it)\s+(?:thinks|thought|believes|believed|feels|felt|suspects|"
                       r"suspected|doubts|doubted|fears|feared|hopes|hoped|wants|wanted|wishes|wished|worries|worried|"
                       r"expects|expected)\b",
                       re.IGNORECASE)
# A position held, in the present, on a policy: "she favors raising the minimum wage to $12" (the
# figure is what she proposes, not a fact she reports; "voters say they prefer" is a poll's finding)
POSITION = re.compile(r"^(?:that\s+)?(?:he|she|we|I)\s+(?:(?:still|also|now|strongly)\s+)?"
                      r"(?:favou?rs?|supports?|opposes?|prefers?)\b", re.IGNORECASE)
# A speaker on themselves in the present: "I have taken responsibility", "we remain committed",
# "I don't see details".
OWN_VIEW = re.compile(r"^(?:(?:but|and|so|well|now),?\s+)?(?:I|we)(?:['’](?:ve|m|re))?\s+(?!(?:was|were|had|did)\b)",
                      re.IGNORECASE)
# A headline that says what someone is or has ("Trump's TV doctor has a basketful of critics"):
# a characterisation, where "IMF slashes forecast" reports an event.
CHARACTERISATION = re.compile(r"\b(?:is|are|has|have)\s+(?:a|an|the|no)\b", re.IGNORECASE)
# A correction notice about the article itself.
EDITORIAL_NOTE = re.compile(r"^(?:correction|clarification)\s*:|^(?:an earlier version of this|"
                            r"this (?:article|story|report|post) (?:has been|was) (?:revised|updated|corrected|changed))"
                            r"|^[^.]{0,60}?\b(?:has|have) (?:supplemented|updated|adapted|expanded) this (?:\w+ )?"
                            r"(?:article|story|report)\b",
                            re.IGNORECASE)
# The wire's credit line: "(Additional reporting by Ana Ruiz; Editing by Tom Hale)" (names, so case
# counts: "Writing by hand improves memory" is a claim)
CREDIT_LINE = re.compile(r"^\W*(?:(?:[Aa]dditional|[Ff]urther|[Ss]taff)\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch)"
                         r"\s+by\s+[A-Z][^.;()]*(?:[;)]|$)")
# The author's bio line under an article ("Jo Reyes is a senior columnist for the Tribune. Follow
# her on Twitter"): who wrote it, like a byline, not a claim of the story (which would go on:
# "..., which sold 1 million copies", "... who was fired in 2010").
AUTHOR_BIO = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,4}is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?"
                        r"(?:columnist|writer|reporter|editor|contributor|correspondent|author|blogger|journalist)"
                        r"\s+(?:for|at|with|of)\s+(?:the\s+)?[A-Z](?![^,;]*\b(?:who|which|that|where)\b)[^,;]*$")
# ... and at an article's end, whoever the story never mentioned: "Ana Ruiz is playwright-in-residence at
# Dover College and artistic director of ...", the writer's own credentials.
CLOSING_BIO = re.compile(r"^((?!(?:The|This|That|Its|Their|Our|His|Her)\s)(?:[A-Z][\w.'’-]*\s+){2,4})is\s+"
                         r"((?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,4}?)(?:at|of|for|with)\s+(?:the\s+)?[A-Z]")
WRITERS_POSTS = frozenset("author writer playwright novelist poet columnist contributor editor reporter journalist "
                          "fellow professor lecturer scholar researcher analyst economist historian founder director "
                          "student blogger".split())


def closing_bio(sentence: str, before: str, alone: bool = False) -> bool:
    """Is this sentence of the last paragraph a note on its writer: a person (a name of two words or
    more) the article never named before, described by their post ("Ana Ruiz is a fellow at the
    Dover Institute"): a writer's post, or any title where the sentence is `alone` in that paragraph
    ("Dana Hale is the Democratic governor of Ohio" under her own op-ed)."""
    m = CLOSING_BIO.match(sentence)
    posts = WRITERS_POSTS | lexicon.words("titles.txt") if alone and not figures(sentence) else WRITERS_POSTS
    if m is None or not posts & set(re.findall(r"[a-z]+", m.group(2).lower())):
        return False  # "Harbour Steel is the largest employer of Dover County": no one's post
    return re.search(rf"\b{re.escape(m.group(1).split()[-1])}\b", before) is None


# What was said is what someone means to do: "plans this week to give", "he intends to run".
INTENDED = re.compile(r"^(?!(?:The|A|An|This|That|These|Those|His|Her|Their|Its|Our|My|Your)\s)"
                      r"(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[A-Z][\w’'-]+)\s+)?(?:plans?|planning|intends?|wants?|hopes?|"
                      r"aims?|seeks?|vows?|pledges?|promises?)\b(?:\s+\w+){0,3}?\s+to\s+\w+")
# (present forms only: "promised in 2008 to close the prison" is a past event; lower case: "Plans to
# build the wall were scrapped" is about plans)
def _characterises(headline: str) -> bool:
    """"X has a long list of critics", not "Senate has the votes to pass tax bill" or "Smith is the
    first woman to win the race": no figure, record or event in it."""
    return bool(CHARACTERISATION.search(headline)) and not figures(headline) \
        and not re.search(r"\b(?:first|last|only|most|least)\b|\bto\s+\w+", headline, re.IGNORECASE)


# A fact-checker's own rating of a claim ("she earns Three Pinocchios", "We rate this claim Mostly
# False"): the column's verdict, not a fact (that someone else rated it so is one)
VERDICT = re.compile(r"\b(?:earns?|gets?|receives?|deserves?|merits?)\s+(?:\w+\s+){0,2}(?:One|Two|Three|Four|[1-4])\s+"
                     r"Pinocchios?\b|\b[Ww]e (?:rate|rated|give|gave)\b[^.]{0,60}\b(?:Pinocchios?|Geppetto|"
                     r"(?:Mostly |Half[- ])?(?:True|False)|Pants on Fire)\b")
# What will happen: "When the ferry sails twice a day, it will end the queues".
FUTURE = re.compile(r"\b(?:will|won['’]t|['’]ll|is going to|are going to)\s+\w", re.IGNORECASE)
MARKUP = re.compile(r"<[^<>]{0,200}>")
# "how pleased she is", "why the ferry is late" (not "How we use water is changing", a clause as subject)
INDIRECT_QUESTION = re.compile(r"^(?:how\s+(?!(?:we|they|he|she|it|you|i|the|a|an|this|that|these|those)\b)|why|whether)\b",
                               re.IGNORECASE)
# Cues whose content is what was named, not what was said: "she cited the mayor's words about the port".
MENTIONING = frozenset("cite mention reference highlight".split())
CLAUSE_OPENER = re.compile(r"\W*(?:that|how|why)\b", re.IGNORECASE)  # "(she cited) that ...": a clause
CONDITIONAL = re.compile(r"^(?:(?:but|and|so),?\s+)?(?:if|unless)\b", re.IGNORECASE)
VAGUE_FIGURE = re.compile(r"^(?:hundreds|thousands|millions|billions|dozens|tens of thousands) of$", re.IGNORECASE)
IMPERATIVE = re.compile(r"^[\"“‘']?\s*(?:don['’]t|do not|let['’]s|let|go|stop|vote|please|look|think|imagine|"
                        r"remember|join|help|come|get|keep|make|tell|ask|give|take|never)\b", re.IGNORECASE)
TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last (?:week|month|year|night|fall|spring|summer|winter)|earlier this (?:week|month|year)|"
    r"this (?:week|month|morning|afternoon|evening)|(?:days?|weeks?|months?|years?) ago|"
    r"(?:in|since|by|during|until) (?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|june|july|august|"
    r"september|october|november|december|1[89]\d\d|20\d\d)|"
    r"(?:jan|feb|aug|sept?|oct|nov|dec)\.? \d{1,2}\b|(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december) \d{1,2}\b)",
    re.IGNORECASE,
)
NOT_VERB_ING = frozenset("thing things nothing something anything everything morning evening building "
                         "meeting hearing ruling funding spending wedding ceiling during bring king including".split())
NOT_PAST = frozenset("need indeed speed seed feed heed reed bed red shed weed bleed breed greed creed deed proceed exceed "
                     "succeed hundred united based related interested concerned limited supposed alleged "
                     "so-called tired scared worried excited divided advanced detailed".split())


@dataclass(frozen=True)
class Checkability:
    checkable: bool
    reason: str  # why: figure, event, finding / opinion, general, analysis, intention, demand, prediction, ...


# The writer's framing and analysis: "faces a dual challenge", "underscores", "a symbol of".
ANALYSIS = re.compile(
    r"\b(?:should|ought to|it is about|the stakes|remains? (?:immense|unclear|to be seen)|"
    r"underscores?|underscored|highlights the need|critical to|in the realm of|faces? an? (?:\w+ )?"
    r"(?:challenge|dilemma|choice|test|struggle|crisis)|paints? an? (?:\w+ )?picture|a symbol of|a testament to|"
    r"raises? (?:\w+ )?questions|points? to an?|a sign of|(?:it|this|that|the \w+) is (?:clear|unclear|obvious)|"
    r"is (?:likely|unlikely) to|remains? (?:a|an|the) )",
    re.IGNORECASE,
)


def assess(content: str, cue_lemma: str | None = None, attributed: bool = True, named_event=False,
           hedged: bool | str = False, headline: bool = False, clause: bool = False,
           cue_object: bool = False, estimator: bool = False) -> Checkability:
    """Is `content` checkable? For an attribution, `content` is what the source is credited with
    and `cue_lemma` its cue ("say", "vow"); for a sentence in the article's own voice
    (`attributed=False`), `named_event` (a bool, or a function asked only when needed) says it
    reports a past event of a named actor and `hedged`
    that the writer marks it as uncertain ("appears to have backfired": a past event, hedged), or
    "strong" when the hedge itself says a fact is being reported unconfirmed ("reportedly").
    A `headline` reports in the present what happened ("IMF slashes forecast"): an event unless
    it argues. `clause`: the content was a "that" clause, whose "that" a claim's text leaves out
    ("he highlighted that 160,000 cases were opened" states something; "she cited his remarks" names it).
    `cue_object`: the content follows its cue directly, as the verb's object ("discussed the plan").
    `estimator`: the source is a research or public body ("the Tax Policy Center"), whose precise
    figures about the future are estimates to check, not predictions."""
    text = _unquote(MARKUP.sub(" ", content))  # '<tweet tweet-id="78..."><tweet/>': markup says nothing
    words = re.findall(r"[\w’'-]+", text)
    has_figure = bool(figures(text))
    if text.rstrip().endswith("?"):
        return Checkability(False, "question")
    if EDITORIAL_NOTE.match(text) or CREDIT_LINE.match(text) or not attributed and AUTHOR_BIO.match(text):
        return Checkability(False, "label")  # the publisher on its own article, not a claim of the story
    if non_response(text):
        return Checkability(False, "non-response")
    if len(words) < 3 and not has_figure:
        return Checkability(False, "fragment")  # "(a reporter who asked about) the budget": no statement at all
    if attributed and INDIRECT_QUESTION.match(text) and ":" not in text \
            and not (cue_lemma in INFORMATION and text.lower().startswith("how")):  # "why it sank: the hull failed"
        # "(she told them) how pleased she is", "(they asked) whether ..."; not "(the study shows) how
        # companies shelter profits", a finding
        return Checkability(False, "question")
    for reason, lemmas in ANALYSIS_REASONS.items():
        if cue_lemma in lemmas and not (has_figure and reason == "opinion" and cue_lemma in ("describe", "call")):
            return Checkability(False, reason)
    if FIRST_PERSON_STANCE.search(text) or FIRST_PERSON_FEELING.search(text) and not _precise_figure(text):
        return Checkability(False, "opinion")
    if attributed and STANCE_ADVERB.search(text) and not has_figure and not TIME.search(text):
        return Checkability(False, "opinion")  # "simply closed the bridge on Friday" is still an event
    if VERDICT.search(text):
        return Checkability(False, "opinion")  # "she earns Three Pinocchios": a fact-checker's own rating
    if IMPERATIVE.match(text) and not has_figure:
        return Checkability(False, "demand")
    if attributed and has_figure and cue_lemma in FINDS and not _has_verb(words):
        return Checkability(True, "finding")  # "(the audit) found 40 errors", "(data) show a 12 percent drop"
    if len(words) < 3 or not _has_verb(words) and (attributed or not has_figure or len(words) < 4):
        return Checkability(False, "fragment")  # a headline keeps its figure: "Super PAC haul tops $1B"
    past_event = _past_event(words)
    if attributed and has_figure and (cue_lemma in INFORMATION
                                      or estimator and _precise_figure(text) and not WILL.search(text)):
        # "the committee reported the plan would cost $150 billion", "the Harbour Policy Center says
        # the levy would raise $84 million in a decade": an estimate, the body's finding
        return Checkability(True, "figure")
    if INTENDED.match(text) and (attributed or not has_figure):
        # "(he) plans this week to give $15 million to ...", "Sanders wants voters to recall that he
        # voted against the war": what someone means to do, told by them or by the writer (a plan
        # the writer reports with its figure, "Toyota plans to build a $1 billion plant", is news)
        return Checkability(False, "intention")
    modal = MODAL.match(text)
    if modal and not PAST_MODAL.search(text[:modal.end() + 6]) \
            and not _past_event(words[:len(text[:modal.end()].split())]):  # the modal governs: "will force ... who have died"
        if re.search(r"cannot|can['’]t (?!wait)", modal.group(0), re.IGNORECASE):
            return Checkability(False, "general")
        future = re.search(r"will|won|would|shall|going|gonna|’ll|'ll|could|might", modal.group(0), re.IGNORECASE)
        return Checkability(False, "prediction" if future else "demand")
    if CONDITIONAL.match(text):
        return Checkability(False, "prediction")  # "If the plan rejected single mothers, families would ..."
    if attributed and FUTURE.search(text) and not past_event:
        return Checkability(False, "prediction")  # "When the ferry sails twice a day, it will end the queues"
    if attributed and _gerund_start(words):
        return Checkability(False, "intention")  # "(proposed) charging each lorry a 12 percent toll"
    if attributed and cue_lemma in MENTIONING and not clause and not CLAUSE_OPENER.match(text):
        return Checkability(False, "fragment")  # "(she cited) derogatory comments he had made": a thing named
    if attributed and cue_object and cue_lemma not in FACTIVE and noun_phrase(text):
        return Checkability(False, "fragment")  # "(they discussed) the crises facing the union"
    if not attributed and ANALYSIS.search(text):
        return Checkability(False, "analysis")
    evaluative = _evaluative(words)
    dated = bool(TIME.search(text))
    # "You say it was the fault of those 5,000 people", "we are reminded of the millions of refugees":
    # a speaker addressing someone or speaking of themselves, with no date, argues; a precise figure
    # can still be checked, a vague one ("millions of") cannot
    if attributed and (not dated and (ADDRESS.match(text) or OWN_VIEW.match(text) and not _did(words))
                       or HELD_VIEW.search(text)) and not _precise_figure(text) or attributed and POSITION.match(text):
        return Checkability(False, "opinion")  # a view held stays a view whatever day it names
    if has_figure:
        return Checkability(True, "figure")
    if attributed:
        if not dated and evaluative:
            # "Trump has been disrespecting our veterans for decades, proving he is unfit": a
            # judgment, even in the past
            return Checkability(False, "opinion")
        if past_event or dated:
            return Checkability(True, "event")
        if cue_lemma in INFORMATION and not evaluative:
            return Checkability(True, "finding")
        # a speaker's present-tense view ("the campaign is in panic mode", "this is the period when
        # voters decide") has nothing specific to check: the attribution is the fact
        return Checkability(False, "opinion" if evaluative else "general")
    if evaluative:
        return Checkability(False, "analysis")
    if headline and not _characterises(text) or TIME.search(text) and past_event or hedged and (past_event or hedged == "strong") \
            or (named_event() if callable(named_event) else named_event):
        return Checkability(True, "event")
    return Checkability(False, "analysis")  # the writer's own framing, with nothing specific to check


def _precise_figure(text: str) -> bool:
    return any(not VAGUE_FIGURE.match(f) for f in figures(text))


def _unquote(text: str) -> str:
    """Without its quote marks and an editor's brackets ("[W]e are reminded" reads "We are ...")."""
    return re.sub(r"\[(\w)\]", r"\1", text.strip().strip("\"“”‘’'").strip())


def _gerund_start(words: list[str]) -> bool:
    """A content that opens with a gerund ("charging each lorry a 12 percent toll") names an action someone
    proposes or describes; it states nothing."""
    if not words or not words[0].islower() or len(words[0]) <= 4 or not words[0].endswith("ing") \
            or words[0] in NOT_VERB_ING:
        return False
    # not a gerund that is the subject of a clause: "stiffing vendors is fair game"
    past = lexicon.words("past_verbs.txt")
    return not any(w.lower() in AUXILIARY or w.lower() in past for w in words[1:12])


def _has_verb(words: list[str]) -> bool:
    past, cues, present = lexicon.words("past_verbs.txt"), lexicon.cue_verbs(), lexicon.words("present_verbs.txt")
    for k, w in enumerate(words):
        low = w.lower().replace("’", "'")
        if low in AUXILIARY or low in past or low in cues or regular_past(low) \
                or low.endswith(("n't", "'s", "'re", "'ve")) \
                or (len(low) > 5 and low.endswith("ing") and low not in NOT_VERB_ING):
            return True
        if len(low) > 3 and low[-1] == "s" and w[0].islower() and low[:-1] in present:
            return True
        before = words[k - 2] if k > 1 and words[k - 1].lower() in BETWEEN else words[k - 1] if k else ""
        if before and w[0].islower() and low in present and _plural_subject(before.lower()):
            return True  # "farms rely on the canal", "they leave": a plural subject's present verb
    return False


def _plural_subject(low: str) -> bool:
    """"they", "farms": a subject a bare present verb agrees with (not "his", "its", "this")."""
    return low in SUBJECT_PRONOUNS or low.endswith("s") and not low.endswith(("ss", "'s", "’s")) \
        and low not in NOUN_DETERMINERS | QUANTIFIERS | AUXILIARY


SUBJECT_PRONOUNS = frozenset("i we you they".split())
BETWEEN = frozenset("also still now often only just never all both already".split())  # "jobs also depend"


# Cues whose object is a fact, not a topic: "said the port needs repairs", "disclosed the loss",
# "acknowledged the deaths of three civilians" (not "told the story of", "indicates a tight race")
FACTIVE = frozenset("say state add note write warn deny report claim acknowledge admit concede announce disclose "
                    "confirm reveal".split())
WILL = re.compile(r"\b(?:will|won['’]t|['’]ll)\b", re.IGNORECASE)  # "it will hire 300": a plan
# heads of the bodies whose forecasts are estimates: "the Congressional Budget Office", "the Peterson Institute"
ESTIMATOR_HEADS = frozenset("center centre institute institution foundation office bureau".split())



def _past_event(words: list[str], simple: bool = False) -> bool:
    """A past-tense verb or participle (not an adjective in -ed, not a capitalised name); with
    `simple`, not a participle after "have" either ("we found" counts, "I have taken" does not)."""
    past = lexicon.words("past_verbs.txt")
    for k, w in enumerate(words):
        if w[0].isupper():
            continue
        low = w.lower()
        before = words[k - 1].lower().replace("’", "'") if k > 0 else ""
        if before in PRESENT_COPULA or simple and (before in HAVE or before.endswith("'ve")):  # "I've taken"
            continue
        if before in NOUN_DETERMINERS or before in QUANTIFIERS and not low.endswith("ed"):
            continue  # "the revised plan", "some set of": a modifier or noun ("some stayed home" is a verb)
        if low == "used" and k + 1 < len(words) and words[k + 1].lower() == "to":
            continue  # "we are used to", "he used to say": a habit, not an event
        if (regular_past(low) and low not in NOT_PAST) or low in past:
            return True
    return False


def _did(words: list[str]) -> bool:
    """A speaker on themselves reports what they did: the verb after "I"/"we" (and an adverb) is a
    simple past ("we found", "I then signed"), not "we are reminded of refugees separated from ..."."""
    start = next((k for k, w in enumerate(words[:3]) if re.split(r"['’]", w.lower())[0] in ("i", "we")), 0)
    return _past_event(words[start:start + 3], True)


# A participle after a present copula is a state, not an event: "is held", "remain committed".
PRESENT_COPULA = frozenset("is are am be being getting remain remains seem seems become becomes feel feels".split())
HAVE = frozenset("have has had".split())
QUANTIFIERS = frozenset("some any each every this that these those".split())


def _evaluative(words: list[str]) -> bool:
    evaluative = lexicon.words("evaluative.txt")
    return any(w.lower() in evaluative for w in words)


# Lemmas a cue form may be stripped to when the mined cue table does not know it.
KNOWN_LEMMAS = ACTION | DEMAND | INFORMATION | INTENTION | PREDICTION | STANCE


def cue_lemma(cue: list[Token]) -> str:
    """The cue's lemma, which decides what kind of attribution it is (checkable.py): from the mined
    cue table, else by stripping an inflection to a lemma the checkability rules know
    ("overruled" -> "overrule": an action, not a source of information)."""
    words = [t.lower for t in cue if t.is_word]
    if words[:2] == ["according", "to"]:
        return "according to"
    if words[-2:] in (["known", "as"], ["agreed", "to"]):
        return " ".join(words[-2:])  # a name ("a ferry known as the Gull") or a deal ("agreed to lend"): no speech
    if words[:2] in (["compared", "with"], ["compared", "to"]):
        return "compared with"  # "25 percent, compared with 32 percent in 2010": a comparison, no speech
    # the main verb decides, not an auxiliary or adverb before it: "has endorsed", "increasingly signaled"
    table = lexicon.table("cue_verbs.txt")
    words = [w for w in words if w not in CUE_AUXILIARIES and (w in table or not w.endswith("ly"))] or words
    for w in words:
        if w in table:
            return table[w][0] if table[w] else w
    for w in words:
        for base in _bases(w):
            if base in KNOWN_LEMMAS:
                return base
    return " ".join(words) or cue[0].lower


# Words before a cue's verb that are not it: auxiliaries and a few adverbs ("has also said").
CUE_AUXILIARIES = AUXILIARY | frozenset("also not never still later then".split())


def _bases(word: str) -> list[str]:
    out = [word]
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-2], word[:-1], word[:-3]]  # "voted" "vote", "blocked" "block", "banned" "ban"
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out
