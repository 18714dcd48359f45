"""The extraction pipeline: article text -> sources, attributions and claims.

Steps, each in its own module: sentences, quotes, tokens, cues (attribution patterns), sources
(mention parsing and resolution), appositives (a name beside a description), hedges, claims
(figures, events), checkable (checkability and non-responses by rule), checkability_model (the
learned judge of what a source is credited with), scope (who an attribution credits and how far
its content reaches), carryover (what a sentence inherits from the one before). This module
composes them and adds nested attributions ("X reported that Y said Z"), in-sentence
corroboration, quotations joined over sentences, and claims nobody is credited with. polnear.py
draws its attributions as PolNeAR does, for `provgraph extract`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from provgraph.extract import DEFAULT_ENGINE, lexicon
from provgraph.extract.appositives import identified_as, name_before, name_beside
from provgraph.extract.checkability_model import NARRATOR, judge
from provgraph.extract.carryover import (announced_quotation, announcement, carry_over, figures_from, is_study,
                                         paragraph_end, source_lines, study_goes_on, transcript_announced,
                                         turn_goes_on)
from provgraph.extract.checkable import (BELIEF, CLAUSE_OPENER, ESTIMATOR_HEADS, INFORMATION, PREDICTION,
                                         SPEECH_LEMMAS, TYPED_LEMMAS, Checkability, assess, attribution_type,
                                         closing_bio)
from provgraph.extract.claims import figures, has_event_about_named_actor, statement
from provgraph.extract.clauses import noun_phrase
from provgraph.extract.cues import find_attributions
from provgraph.extract.found import Found
from provgraph.extract.hedges import is_strong, narrator_hedges, outside_quotes
from provgraph.extract.layout import is_layout_credit, is_speaker_label
from provgraph.extract.linking import model_attributions, quotes_over
from provgraph.extract.nonresponses import is_refusal, non_responses_in
from provgraph.extract.polls import document_adjunct, is_breakdown, is_methodology
from provgraph.extract.quotes import find_quotes
from provgraph.extract.scope import (
    act_not_speech, around_the_tag, cited_sources, coordinated, drop_recipient, goes_on_doing, hypothetical, in_idiom,
    in_scene_clause, modifier_of_noun, names_someone, relative_clause_content, says_nothing, seems_to_say,
    share_of_those_asked, unquote_source,
)
from provgraph.extract.sentences import split_sentences
from provgraph.extract.feelings import described_feeling, feeling_about_fact
from provgraph.extract.ledes import delayed_names, headline_names, outlet_names, poll_names
from provgraph.extract.nesting import inside, link_nested, whole_quotation
from provgraph.extract.sourcebook import SourceBook
from provgraph.extract.sources import PROPORTION, parse_mention
from provgraph.extract.tagger import read_article, rule_labels
from provgraph.extract.tokens import Token, tokenize
from provgraph.model import Article, Attribution, Claim, Span

# Attribution types whose source is not a source of information. A belief ("officials fear that")
# still credits its holder, as an opinion: the anonymous-only flag needs it, and on the flag gold
# leaving beliefs uncredited costs precision (tune .787 -> .758, held-out .616 -> .605).
UNCREDITED = ("action", "intention")
HEDGING_CUES = {"claim", "allege", "suggest", "speculate", "rumor"}
QUOTE_MARGIN = 2000  # characters around a sentence whose quotations its steps see
QUOTE_REACH = 50  # claims before a quotation that may hold it (a long quotation's cue can precede it)


def extract(article: Article, engine: str = DEFAULT_ENGINE, claims_too: bool = True) -> Article:
    """Fill `article.claims` and `article.sources` from `article.text`; returns the article.
    `engine`: "rules", or "model" (the tagger trained on PolNeAR reads the spans; the rules are its
    features and keep the cues it doubts but does not rule out). Without `claims_too` only the
    attributions are read: no claim is built or judged (a third of the time), as
    `extract_attributions` wants."""
    text = article.text
    quotes = find_quotes(text)
    book = SourceBook(text)
    attributions: list[Attribution] = []
    claims: list[Claim] = []
    covered_until = -1  # end offset of the last content that ran past its sentence (a long quote)
    previous: list[Attribution] = []
    study: list[Attribution] = []  # documents (or findings) credited in the last sentence with figures or a credit
    turn: tuple[Found, int] | None = None  # a transcript's speaker label and the end of its paragraph
    announced: Found | None = None  # "He said:" closing the sentence before: the quotation comes next
    headline_end = _headline_end(text, article.title)
    text_end = len(text.rstrip())
    closing = text[:text_end].rfind("\n\n") + 1  # where the last paragraph begins (a writer's note is there)
    around = QuoteIndex(quotes)
    body: list[Span] = []  # the sentences after the headline
    sentences = split_sentences(text)
    read: list[tuple[list[Token], list[Span], list[Found]]] = []  # tokens, quotations near, the rules' reading
    for sentence in sentences:
        tokens = tokenize(sentence.text, sentence.start)
        # the quotations each step may look at: those over or near the sentence ("“...” ― Name" looks
        # back to the one before it), found in log time
        quotes = around(sentence.start - QUOTE_MARGIN, sentence.end + QUOTE_MARGIN)
        read.append((tokens, quotes, find_attributions(sentence, tokens, quotes, text)))
    if engine == "model":  # the tagger's neural reader reads the whole article at once
        readings = read_article([(tokens, rule_labels(tokens, [f for f in found if not is_layout_credit(f)]),
                                  quotes_over(sentence, quotes))
                                 for sentence, (tokens, quotes, found) in zip(sentences, read)])
    for n, sentence in enumerate(sentences):
        if sentence.start > headline_end:
            body.append(sentence)
        tokens, quotes, found = read[n]
        book.read(n, tokens, quoted=any(q.start < sentence.start < q.end for q in quotes))
        going_on: list[Span] = []  # content the tagger found in a sentence without a cue
        labels = [f for f in found if is_speaker_label(f)]
        if engine == "model":
            layout = [f for f in found if is_layout_credit(f)]
            found, going_on = model_attributions(sentence, tokens, quotes, text, [f for f in found if f not in layout],
                                                 readings[n])
            # a credit by layout ("WALLACE:", "” ― Name") is not wording the tagger learned: it
            # stays, and what the tagger reads in the label itself goes
            found = layout + [f for f in found if not any(f.cue.start < g.cue.end for g in layout)]
        found = [f for f in found if not modifier_of_noun(f, text) and not in_scene_clause(f, sentence)
                 and not names_someone(f, text) and not in_idiom(f, text)]
        named_beside = []
        for f in found:
            unquote_source(f, quotes)
            drop_recipient(f)
            share_of_those_asked(f, tokens, text)
            relative_clause_content(f, tokens)
            around_the_tag(f, tokens, text, found)
            named_beside += name_beside(f, tokens, text)
            name_before(f, tokens, text)
            identified_as(f, text)
        others_named = [g for f in found for g in coordinated(f, tokens, text)]
        # a pronoun of the subject ("He and his wife, Ana Lowe, said") is read before the name beside it
        found = [g for g in others_named if g.mention.kind == "pronoun"] + found \
            + [g for g in others_named if g.mention.kind != "pronoun"] + named_beside
        found = cited_sources(found, tokens, text)
        if labels:
            turn = (labels[0], paragraph_end(text, sentence.start))
        elif turn is not None and sentence.start >= turn[1]:
            turn = None
        here = [a for a in (_resolve(f, book) for f in found) if a is not None]
        refusals = non_responses_in(sentence)
        article.non_responses.extend(r for r, _ in refusals)
        # Kept as attributions (PolNeAR counts them) but crediting no one with information: an action
        # ("the panel voted to", "the court rejected"), an intention ("X plans to resign" is a claim
        # about X), "X declined to comment" (a fact about X), a crowd's reaction to a fact, and a cue
        # whose object only points elsewhere ("even if the polls suggest otherwise, ...")
        others = [a for a in here if a.type in UNCREDITED or is_refusal(a, [span for _, span in refusals])
                  or feeling_about_fact(a) or says_nothing(a) or act_not_speech(a) or hypothetical(a)]
        attributions.extend(others)
        attributions.extend(_documents_on_record(sentence, text, book))
        here = [a for a in here if a not in others]
        if turn is not None and not labels and turn[0].mention is not None:
            # the speaker's turn goes on: what they say others said is relayed by them
            goes_on = _resolve(turn_goes_on(turn[0], sentence), book)
            goes_on.carried = True
            here = [goes_on] + here
        for a in here:
            whole_quotation(a, quotes, text)
        link_nested(here)
        # "she noted that Trump supported the invasion in 2003": a belief or stance inside what a
        # speaker said is part of the speaker's claim, not a source of its own; so is a cue whose
        # object names a thing ("The Globe wrote that the mayor had claimed a loss of $2 million"),
        # but not a finding ("... that the audit found a gap of $2 million")
        held = [a for a in here if (a.type == "belief" and a.cue_lemma not in PREDICTION
                                    or a.cue_lemma not in INFORMATION and _cue_object(a)
                                    and noun_phrase(statement(a.content[0]).text))
                and any(inside(a, b) and b.type in ("speech", "document") for b in here if b is not a)]
        attributions.extend(held)
        here = [a for a in here if a not in held]
        for a in here:
            if a.relayed_by in held:
                a.relayed_by = None
        if not here and sentence.end <= covered_until:
            continue  # inside a quotation credited in an earlier sentence
        if not here and announced is not None:
            quoted = announced_quotation(announced, sentence, quotes)
            here = [a for a in [quoted and _resolve(quoted, book)] if a and a.source is not None]
            for a in here:
                whole_quotation(a, quotes, text)
        if not here and (adjunct := document_adjunct(tokens, text)) is not None:
            adjunct.sentence = sentence  # "In the latest Marist poll, ..."
            here = [a for a in [_resolve(adjunct, book)] if a is not None and a.source is not None]
        if not here and (is_methodology(sentence.text) and (poll := book.poll(named_here=True)) is not None
                         or is_breakdown(sentence.text) and (poll := book.poll(far=False)) is not None):
            here = [Attribution(poll, None, None, [sentence], sentence, "according to", "indirect", "document",
                                carried=True, type="document")]
        announced = announcement(tokens, text) or transcript_announced(sentence, tokens, book) if not here else None
        if not here and previous:
            here = carry_over(sentence, quotes, previous, text, going_on)
        elif not here and study and figures(sentence.text):
            here = study_goes_on(sentence, study, text)
        elif here and figures(sentence.text) and all(a.source is None and (a.source_span is None or a.type not in (
                "speech", "document")) for a in here):
            # an agentless cue ("14 Catholics were admitted") or an unnamed belief ("the respondents who
            # support him") credits no one: the figures still go on with the poll's or agency's account
            here = here + study_goes_on(sentence, previous or study, text)
        here, passive = _corroboration(sentence, tokens, here, text, book)
        attributions.extend(passive)  # PolNeAR counts "confirmed by X"; the claim has X among its sources
        attributions.extend(here)
        # a source we could not resolve ("it underscores ...") credits nobody: the sentence stands alone
        innermost = [a for a in here if a.source is not None
                     and not any(b.relayed_by is a and b.source is not None for b in here)]
        if claims_too and innermost:
            claims.extend(_claims_for(innermost, sentence, quotes, text))
        elif claims_too and not refusals and announced is None:  # "Jane Smith said:" is no claim of its own
            # (the text around the sentence is read only in the last paragraph: not once per sentence)
            if not (0 < closing <= sentence.start and closing_bio(
                    sentence.text, text[:sentence.start],
                    not text[closing:sentence.start].strip() and sentence.end >= text_end)):
                claims.extend(_writers_claim(sentence, tokens, quotes, sentence.end <= headline_end))
        for a in here:
            covered_until = max(covered_until, max(c.end for c in a.content))
        if here or figures(sentence.text):
            # a sentence of no figures between a study's figures ("The gap is smaller at the top.")
            # leaves them going on: its document still reaches the next figures
            study = [a for a in here if a.source is not None and is_study(a)]
        previous = [a for a in here if a.source is not None]
    delayed_names(attributions, body, book)
    headline_names(attributions, [s for s in sentences if s.end <= headline_end], body, book)
    outlet_names(attributions, [s for s in sentences if s.end <= headline_end], book)
    poll_names(attributions, book)
    attributions.extend(source_lines(claims, text, book))
    article.claims = _join_quotations(claims, around, text)
    for c in article.claims:
        if described_feeling(c):
            c.checkable, c.check = False, "belief"
    book.complete_names()
    article.sources = book.sources
    article.attributions = attributions
    return article


def _resolve(f: Found, book: SourceBook) -> Attribution | None:
    if f.mention is not None and f.mention.kind == "pronoun" and f.mention.head == "it" \
            and f.cue_lemma not in SPEECH_LEMMAS:
        f.mention = None  # "It felt like ...", "it seems": not an organisation speaking
    if f.mention is not None and f.cue_lemma in SEEMING and f.content and not seems_to_say(f.content[0].text) \
            and not THAT.search(f.content[0].text):
        # "voters seem less keen", "his words appeared to contradict": the writer's impression of
        # them, not their words (PolNeAR counts such a cue, so `extract` keeps the span; the graph
        # credits no one)
        f.extra["source_span"], f.mention = f.mention.span, None
    subject = f.mention.span if f.mention is not None else f.extra.get("source_span")
    if subject is not None and f.cue is not None and subject.end <= f.cue.start \
            and PASSIVE_CUE.search(_with_auxiliary(f)) and f.cue_lemma != "quote" and f.cue_lemma not in BELIEF:
        # "they have been criticized for ...": who is criticized is not who spoke (nor a source span)
        f.mention = f.extra["source_span"] = None
    source = book.resolve(f.mention, f.anonymity) if f.mention is not None else None
    if source is not None and f.via is not None:
        via = book.resolve(f.via)
        if via is not None and via is not source and source.via is None:
            source.via = via
    kind = f.mention.kind if f.mention is not None else "none"
    if kind == "definite":
        kind = "anonymous"
    elif kind == "respondents":  # a poll's answers: what SOURCE_KINDS calls a document
        kind = "document"
    return Attribution(
        source=source,
        source_span=f.mention.span if f.mention is not None else f.extra.get("source_span"),
        cue=f.cue,
        content=f.content,
        sentence=f.sentence,
        cue_lemma=f.cue_lemma,
        quote=f.quote,
        source_kind=kind,
        # a share's answer is the poll's finding, whatever the verb ("a majority expect her to win")
        type="document" if f.mention is not None and f.mention.kind == "respondents" else
        attribution_type(f.cue_lemma, kind, f.mention.head.lower() if f.mention is not None else None)
        if _known_cue(f.cue, f.cue_lemma) and not goes_on_doing(f) else "action",
    )


def _with_auxiliary(f: Found) -> str:
    """The cue with the word before it ("is | accused of"): the rules' cue may leave the auxiliary out."""
    if f.sentence is None:
        return f.cue.text
    before = f.sentence.text[:max(0, f.cue.start - f.sentence.start)].split()
    return f"{before[-1] if before else ''} {f.cue.text}"


# "made the following comment:", "posted this message:" (not "arrested five people, including:")
ANNOUNCES_WORDS = re.compile(r"\b(?:comments?|statements?|messages?|remarks?|tweets?|posts?|said|says|wrote|writes|"
                             r"tweeted|posted|asked|told|explained|added)\b[^.!?]*:\s*$", re.IGNORECASE)
# "voters seem engaged" describes them; "appeared to blame" is still speech, and "appeared confident
# that X" a belief held, credited
SEEMING = frozenset("seem appear look".split())
THAT = re.compile(r"\bthat\b", re.IGNORECASE)
PASSIVE_CUE = re.compile(r"\b(?:been|was|were|is|are|be|being|got|gets|get)\s+(?:\w+ly\s+)?\w+(?:ed|en)"
                         r"(?:\s+(?:and|or)\s+\w+(?:ed|en))?(?:\s+(?:of|for|with|to|about))?$", re.IGNORECASE)


def _known_cue(cue: Span | None, lemma: str | None) -> bool:
    """Is the cue's lemma one the rules type, one of its words (or pairs of words, "pointed out") one
    PolNeAR train uses as a cue (lexicon.cue_class, cue_phrases), or is it no word at all (a colon,
    a dash: layout)? The
    tagger also reads cues it never saw ("He has promoted unproven therapies"): what the subject
    did, which credits them with nothing."""
    words = re.findall(r"[\w’'-]+", cue.text.lower()) if cue is not None else []
    return not words or lemma in TYPED_LEMMAS or any(lexicon.cue_class(w) != "-" or w == "according" for w in words) \
        or any(lexicon.particle_cue(a, b) for a, b in zip(words, words[1:]))  # "has pointed out"


def _headline_end(text: str, title: str | None) -> int:
    """End of the headline (and deck) when the text opens with one: a first paragraph of at most
    two short lines that is the article's title, or has no full stop, or opens an article whose
    title is not known. -1 when it does not (a short lede under a known title is a lede)."""
    end = text.find("\n\n")
    first = text[:end] if end > 0 else ""
    lines = [line.strip() for line in first.split("\n") if line.strip()]
    if not lines or len(lines) > 2 or any(len(line.split()) > 25 for line in lines):
        return -1
    same = title is not None and " ".join(lines[0].split()).rstrip(".").lower() == " ".join(title.split()).rstrip(".").lower()
    return end if title is None or same or not lines[-1].endswith(".") else -1


def _corroboration(sentence: Span, tokens, here: list[Attribution], text: str,
                   book: SourceBook) -> tuple[list[Attribution], list[Attribution]]:
    """"The plan was drafted in May, Whitfield said, a timeline confirmed by strategists in both
    parties": a second source for what the sentence credits to its first, or the only one ("The
    mine closed in 2014, which the agency later confirmed"); the phrase leaves the content.
    Returns the sentence's attributions with the confirmer's added, and the passive "confirmed by X"
    as the patterns read it (a piece of the sentence as its content), kept apart from the claims."""
    m = CORROBORATED.search(sentence.text)
    if m is None:
        return here, []
    cut = sentence.start + m.start()
    # the passive "confirmed by X" as the patterns read it, with a piece of the sentence as content
    passive = [a for a in here if a.cue is not None and cut <= a.cue.start < sentence.start + m.end()]
    here = [a for a in here if a not in passive]
    for a in here:
        if a.relayed_by in passive:
            a.relayed_by = None
    credited = [a for a in here if a.source is not None and a.content and a.relayed_by is None]
    if len(credited) > 1:
        return here, passive
    by = (sentence.start + m.start("by"), sentence.start + m.end("by"))
    mention = parse_mention(tuple(t for t in tokens if by[0] <= t.start and t.end <= by[1]), text)
    if mention is None:
        return here, passive
    if credited:
        content = [c if c.end <= cut else Span(c.start, cut, text[c.start:cut]) for c in credited[0].content
                   if c.start < cut]
    else:
        content = [statement(Span(sentence.start, cut, text[sentence.start:cut]))]
    if not content:
        return here, passive
    if credited:
        credited[0].content = content
    cue = Span(sentence.start + m.start("cue"), sentence.start + m.end("cue"), m.group("cue"))
    a = _resolve(Found(mention, cue, "confirm", list(content), sentence=sentence), book)
    if a is None or a.source is None or any(a.source is b.source for b in credited):
        return here, passive
    return here + [a], passive


# ", a timeline confirmed by strategists", ", which was later corroborated by the agency"
CORROBORATED = re.compile(r",\s+(?:(?:a|an|which|something|as)\b[^,]{0,40}?\s)?(?P<cue>(?:independently\s+)?"
                          r"(?:confirmed|corroborated|verified|backed up|echoed)\s+by)\s+"
                          r"(?P<by>(?:[^,.;:]|\.(?=\s+[A-Z])){2,60}?)\s*(?:[.;](?!\s+[A-Z])|$)")  # "Dr. Ana Ruiz"


# "I" as the writer, not a numeral ("World War I", "Title I": after a capitalised word)
FIRST_HAND = re.compile(r"(?:^|[^\w\s]\s*|\b[a-z][\w’']*\s+)I\b|\b(?i:my|me)\b")


def _first_hand(sentence: Span, quotes: list[Span]) -> bool:
    """"My aunt sold the farm in 1998 for $40,000", "Last week I met the minister": the writer tells
    what they saw or lived (a column, a memoir); they are its source, not nobody."""
    return bool(FIRST_HAND.search(outside_quotes(sentence, quotes)))


def _claims_for(atts: list[Attribution], sentence: Span, quotes: list[Span], text: str) -> list[Claim]:
    """One claim per distinct content; attributions with the same content support the same claim,
    which is checkable if what any of them credits is."""
    claims: dict[tuple[int, int], Claim] = {}
    hedges = narrator_hedges(sentence, quotes)
    for a in atts:
        first = _with_trailing_clause(statement(a.content[0]), a, sentence, text, atts)
        share = a.source_kind == "document" and a.source_span is not None and PROPORTION.match(a.source_span.text)
        if share and a.source_span.end <= first.start and a.source_span.start >= sentence.start:
            # "52 percent agreed that she is healthy": the poll's finding, a figure to check, where "she is
            # healthy" alone is their view
            first = Span(a.source_span.start, first.end, text[a.source_span.start:first.end])
        key = (first.start, first.end)
        claim_text = " … ".join([first.text] + [statement(c).text for c in a.content[1:]])
        check = Checkability(True, "figure") if share and first.start == a.source_span.start \
            else Checkability(True, "finding") if _poll_label(a) \
            else judge(claim_text, a.cue_lemma, a.quote, a.source_kind, rules_reading(claim_text, a))
        if key not in claims:
            start = first.start - 1 if first.start < sentence.start else sentence.start  # a quotation begun before
            evidence = sentence if start == sentence.start else Span(start, sentence.end, text[start:sentence.end])
            claims[key] = Claim(claim_text, first, evidence, [], [], figures(claim_text), check.checkable, check.reason)
        claim = claims[key]
        if check.checkable and not claim.checkable:
            claim.checkable, claim.check = True, check.reason
        claim.attributions.append(a)
        cue_hedge = [a.cue.text.lower()] if a.cue is not None and a.cue_lemma in HEDGING_CUES \
            and not _noun_cue(a.cue, text) else []
        for h in hedges + cue_hedge:
            if h not in claim.hedges:
                claim.hedges.append(h)
    for claim in claims.values():
        if any(a.type in ("speech", "document") for a in claim.attributions):
            # "Councillors were furious that X, people who read it said": who feels about X is not
            # a second source of it
            claim.attributions = [a for a in claim.attributions if a.type != "belief"]
    return list(claims.values())


def _poll_label(a: Attribution) -> bool:
    """"Poll: Ruiz and Okafor in dead heat": a document's finding under its label, checkable
    whatever the headline's grammar."""
    return a.cue is not None and a.cue.text == ":" and a.source_kind == "document" \
        and not a.content[0].text.rstrip().endswith("?")


def _documents_on_record(sentence: Span, text: str, book: SourceBook) -> list[Attribution]:
    """"These figures, sourced from internal military logs and court records, ...": each document
    becomes a source of the article, credited with the words that refer to the figures; no claim
    of its own, and no second line of sourcing for the figures (carryover.figures_from)."""
    return [Attribution(book.resolve(mention), mention.span, cue, [referent], sentence, "source", "indirect",
                        "document", type="document") for mention, cue, referent in figures_from(sentence, text)]


def _writers_claim(sentence: Span, tokens: list[Token], quotes: list[Span], headline: bool) -> list[Claim]:
    """The sentence as a claim in the article's own voice, credited to no one, if it is checkable
    (or strongly hedged: "reportedly") and not the writer's first-hand account."""
    hedges = narrator_hedges(sentence, quotes)
    strong = any(is_strong(h) for h in hedges)
    check = assess(sentence.text, attributed=False, named_event=lambda: has_event_about_named_actor(tokens),
                   headline=headline, hedged="strong" if strong else bool(hedges))
    if not hedges and (check.checkable or check.reason == "analysis"):
        # (a hedged one, "reportedly", "appears to", the writer marks as unsure: the rules judge it)
        check = judge(sentence.text, None, "none", NARRATOR, check)
    if not (check.checkable or strong) or _first_hand(sentence, quotes) or ANNOUNCES_WORDS.search(sentence.text):
        return []  # "On May 6, the mayor made this statement:" announces what follows, which is the claim
    return [Claim(sentence.text, sentence, sentence, [], hedges, figures(sentence.text), check.checkable, check.reason)]


def rules_reading(claim_text: str, a: Attribution) -> Checkability:
    """What the rules make of a claim as `a` credits it (the checkability model's input)."""
    clause = bool(a.content) and CLAUSE_OPENER.match(a.content[0].text) is not None
    estimator = a.source is not None and a.source.kind in ("organization", "document") and \
        bool(ESTIMATOR_HEADS & set(a.source.label.lower().split()))
    return assess(claim_text, a.cue_lemma, clause=clause, cue_object=_cue_object(a), estimator=estimator)


def _cue_object(a: Attribution) -> bool:
    """Does the content follow the cue as its object ("discussed the plan", not "the plan failed,
    officials said")?"""
    return bool(a.content) and a.cue is not None and 0 <= a.content[0].start - a.cue.end <= 2


# "... was not wearing a camera | when he fired on Tuesday.": a clause that ends the sentence after
# the content is part of what was said (the tagger, after PolNeAR, often leaves it out); not one
# with a participle ("when asked", "while speaking"), which says when the source spoke.
_TRAILING_CLAUSE = re.compile(r"\s*,?\s+(?:when|after|before|while|until|because|since|if)\s+(?!\w+(?:ed|ing)\b)"
                              r"[^“”\"]+?[.!?]?\s*$")


def _with_trailing_clause(content: Span, a: Attribution, sentence: Span, text: str,
                          others: list[Attribution]) -> Span:
    """The claim's span, carried over a clause that ends the sentence after it (the cue before it),
    unless that clause is another attribution's ("..., while 73 percent said ...")."""
    if a.cue is None or a.cue.start > content.start or not content.end < sentence.end:
        return content
    m = _TRAILING_CLAUSE.match(text, content.end, sentence.end)
    if m is None or any(b.cue is not None and content.end <= b.cue.start < m.end() for b in others if b is not a):
        return content
    end = m.end()
    while end > content.end and text[end - 1] in " .!?":
        end -= 1
    return Span(content.start, end, text[content.start:end])


# A determiner right before the word, or "of" and one capitalised modifier: "his claims", "32% of
# Republican claims"; "The senator claims" and "Many Republicans claim" are verbs.
_BEFORE_NOUN = re.compile(r"(?:\b(?i:the|a|an|his|her|their|its|these|those|such|false|true|unproven|whose)"
                          r"|\b(?i:of)(?:\s+[A-Z][\w-]*)?)\s+$")


def _noun_cue(cue: Span, text: str) -> bool:
    """"32% of Republican claims", "his claims": the noun, which frames nothing as unverified."""
    return bool(_BEFORE_NOUN.search(text[max(0, cue.start - 40):cue.start]))


class QuoteIndex:
    """The quotations of an article that overlap a span, in log time: asking every sentence about
    every quotation made long articles quadratic."""

    def __init__(self, quotes: list[Span]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.starts = [q.start for q in self.quotes]
        self.reach: list[int] = []  # the furthest end of the quotations up to each one (nested ones too)
        for q in self.quotes:
            self.reach.append(max(q.end, self.reach[-1]) if self.reach else q.end)

    def __call__(self, start: int, end: int) -> list[Span]:
        lo, hi = bisect_right(self.reach, start), bisect_left(self.starts, end)
        return [q for q in self.quotes[lo:hi] if q.end > start]


def _join_quotations(claims: list[Claim], around: QuoteIndex, text: str) -> list[Claim]:
    """A quotation running over several sentences is one claim of its speaker, whose evidence covers
    all of it: a sentence inside a quotation credited elsewhere ("“A. B,” she said.") is not a
    claim of its own, let alone an unattributed one."""
    credited = sorted((c for c in claims if c.attributions), key=lambda c: c.sentence.start)
    starts = [c.sentence.start for c in credited]
    out = []
    for claim in claims:
        q = None if claim.attributions else next(
            (q for q in around(claim.sentence.start, claim.sentence.end)
             if q.start <= claim.sentence.start + 1 and claim.sentence.end - 2 <= q.end), None)
        # the credited claim whose content the quotation holds: its cue sentence is near the quotation
        near = credited[max(0, bisect_left(starts, q.start) - QUOTE_REACH):bisect_left(starts, q.end) + QUOTE_REACH] \
            if q else []
        owner = q and next((c for c in near if any(x.start < q.end and q.start < x.end
                                                   for a in c.attributions for x in a.content)), None)
        if owner is None:
            out.append(claim)
            continue
        start, end = min(owner.sentence.start, claim.sentence.start), max(owner.sentence.end, claim.sentence.end)
        owner.sentence = Span(start, end, text[start:end])
    return out
