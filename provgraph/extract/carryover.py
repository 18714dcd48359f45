"""What a sentence without a cue of its own inherits from the sentences before it: the quotation a
"He said:" announces, a transcript speaker's turn, a quotation that goes on, figures that
continue an outlet's or a document's account in the same paragraph; and the documents a sentence
says the figures before it came from.

Why a module of its own: these are the pipeline's only steps that read across sentences, and each
can credit a sentence to the wrong party if it reaches too far (FLAGS.md: "clear carry-over from
a neighbouring sentence of the same paragraph").
"""

from __future__ import annotations

import re

from provgraph.extract import lexicon
from provgraph.extract.checkable import INFORMATION, SPEECH_LEMMAS, cue_lemma
from provgraph.extract.claims import figures, statement
from provgraph.extract.found import Found
from provgraph.extract.layout import DASHES
from provgraph.extract.polls import is_methodology
from provgraph.extract.sourcebook import SourceBook
from provgraph.extract.mention import Mention
from provgraph.extract.sources import POLL_NOUNS, parse_mention
from provgraph.extract.tokens import tokenize
from provgraph.model import Attribution, Claim, Span

ANNOUNCING_CUE = 0.7  # how reliable a cue word must be to announce a quotation after a colon ("said" .92)
# "The numbers, as reported by X, ..." announces that the next sentence's figures are X's.
_ANNOUNCES_FIGURES = re.compile(r"\b(numbers|figures|data|statistics|tally|toll|count|estimates?)\b", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# An organisation's finding ("the institute found ...") carries its figures on like a document's.
FINDINGS = frozenset("find show reveal conclude indicate".split())
# "In 2012, the party won the county by 3 points": a figure of another year is the writer's comparison
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b")
PAST_YEAR = re.compile(r"\b(?:in|since|of) (?:19|20)\d\d\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|we|my|our)\b", re.IGNORECASE)
# "These figures, sourced from internal military logs and court records, suggest ...": the writer
# names the documents the figures just given came from.
_FIGURES_FROM = re.compile(r"\b(?:these|those|the|such)\s+(?:figures|numbers|data|statistics|estimates|counts|tallies)"
                           r"\s*,\s*((?:sourced|drawn|compiled|taken|obtained|gathered)\s+from)\s+", re.IGNORECASE)
_ITEM = re.compile(r"(?:[^,]|,(?=\d))+")  # a list item: up to a comma, not one inside "2,000"


def announcement(tokens, text: str) -> Found | None:
    """"He said:", "The statement read in part:": a sentence that ends with its source, a cue and a
    colon announces the quotation that follows, often as the next paragraph."""
    if len(tokens) < 3 or tokens[-1].text != ":":
        return None
    at = next((k for k in range(len(tokens) - 2, 0, -1) if lexicon.cue_ratio(tokens[k].lower) >= ANNOUNCING_CUE), None)
    if at is None and cue_lemma(tokens[-2:-1]) in SPEECH_LEMMAS:
        at = len(tokens) - 2  # "Hartley reports:": a word often a noun ("reports") is a verb before the colon
    if at is None or len(tokens) - at > 7:  # "said in a statement on Friday:" at most
        return None
    mention = parse_mention(tuple(tokens[:at]), text)
    if mention is None:
        return None
    cue = Span(tokens[at].start, tokens[at].end, tokens[at].text)
    return Found(mention, cue, cue_lemma(tokens[at:at + 1]), [])


# "Transcript as follows:", "Full text:", "His remarks:": a line that announces a record of words
# (naming nothing else: not "The text of the bill:", "Excerpts from Hale's speech:")
TRANSCRIPT_LINE = re.compile(r"^\W*(?:(?:the|a|an|his|her|their)\s+)?(?:(?:full|partial|complete)\s+)?"
                             r"(?:transcript|text|remarks)(?:\s+(?:as\s+follows|follows|below))?\s*:\s*$", re.IGNORECASE)


def transcript_announced(sentence: Span, tokens, book: SourceBook) -> Found | None:
    """"Transcript as follows:" after a speaker was quoted: the quotation that follows is the
    record of that speaker's words (a paragraph of a speech the article reproduces), not the
    writer's unattributed statements."""
    if not TRANSCRIPT_LINE.match(sentence.text):
        return None
    speaker = next((s for s in reversed(book.sources) if s.kind == "person" and not s.anonymous), None)
    if speaker is None:
        return None
    named = speaker.mentions[-1] if speaker.mentions else Span(tokens[0].start, tokens[0].start, "")
    mention = Mention(named, "person", speaker.label, speaker.label.split()[-1].lower())
    return Found(mention, Span(tokens[-1].start, tokens[-1].end, tokens[-1].text), "say", [])


def announced_quotation(announced: Found, sentence: Span, quotes: list[Span]) -> Found | None:
    """The quotation opening `sentence`, credited to the source of the "He said:" before it."""
    quote = next((q for q in quotes if sentence.start <= q.start <= sentence.start + 2), None)
    if quote is None:
        return None
    return Found(announced.mention, announced.cue, announced.cue_lemma, [quote], quote="direct", sentence=sentence)


def paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def turn_goes_on(label: Found, sentence: Span) -> Found:
    """A sentence of a transcript turn ("WALLACE: ... . And she has accepted.") is the speaker's."""
    content = statement(sentence)
    return Found(label.mention, None, label.cue_lemma, [content], quote="direct", sentence=sentence)


def carry_over(sentence: Span, quotes: list[Span], previous: list[Attribution], text: str, going_on: list[Span]) -> list[Attribution]:
    """Credit a sentence with no cue of its own to the previous sentence's sources, in three cases:
    a quotation that goes on ("'...,' said X. 'More quote.'"), content the tagger reads as going on
    from the sentence before (`going_on`, the last attribution's), and figures announced by
    "The numbers, as reported by X, ..." in the sentence before."""
    quoted = [q for q in quotes if sentence.start <= q.start < sentence.end and len(q.text.split()) >= 3]
    if any(_credited_by_dash(q, text) or _tagged_after(q, text) for q in quoted):
        return []  # “...” ― Name, “...,” wrote Erick Erickson: the quotation's own speaker follows it
    if going_on and not quoted:
        last = previous[-1]
        if last.source is None or PARAGRAPH_BREAK.search(text, last.sentence.end, sentence.start):
            return []  # the tagger's reading goes on within a paragraph, not into the writer's next one
        return [_carried(last, going_on, sentence)]
    out = []
    for prev in previous:
        if prev.source is None:
            continue
        if quoted and prev.quote in ("direct", "mixed") and len(text[sentence.start:quoted[0].start].split()) <= 2:
            # the quotation goes on where the sentence opens with it ("Then, “...”"), not a name in
            # quote marks later
            content = [Span(q.start, q.end, q.text) for q in quoted]
        elif figures(sentence.text) and not any(figures(c.text) for c in prev.content) \
                and any(_ANNOUNCES_FIGURES.search(_opening(c.text)) for c in prev.content):
            # the figures are what the content is about ("The numbers ... paint a stark picture"), not a
            # word in passing ("..., any estimate of support is a snapshot")
            content = [sentence]
        elif _figures_go_on(prev, sentence, text):
            content = [sentence]
        else:
            continue
        out.append(_carried(prev, content, sentence, "direct" if quoted else "indirect"))
    return out


def _opening(content: str) -> str:
    """The first words of what a content says ("on Tuesday that the official count ..." opens at
    "the official count")."""
    head, that, rest = content.partition("that ")
    return " ".join((rest if that and len(head.split()) <= 3 else content).split()[:3])


def _carried(prev: Attribution, content: list[Span], sentence: Span, quote: str = "indirect") -> Attribution:
    """`prev`'s source credited with `content` in `sentence`, by carry-over (no cue of its own)."""
    return Attribution(prev.source, None, None, content, sentence, prev.cue_lemma, quote, prev.source_kind,
                       carried=True, type=prev.type)


def is_study(a: Attribution) -> bool:
    """A document's account ("the survey shows") or an organisation's finding ("the institute found",
    "an audit released by the port authority shows"), or a poll credited to its outlet ("a poll
    released by the Post shows"): its figures may go on in the sentences after it."""
    return a.source_kind == "document" or a.cue_lemma in FINDINGS and (
        a.source_kind == "organization"
        or a.source_kind == "outlet" and a.cue is not None and a.sentence is not None
        and bool(POLL_NOUNS & set(a.sentence.text[:a.cue.start - a.sentence.start].lower().split())))


def study_goes_on(sentence: Span, study: list[Attribution], text: str) -> list[Attribution]:
    """A study's or survey's figures after a sentence of none: credited as `_figures_go_on` allows."""
    return [_carried(a, [sentence], sentence) for a in study if _figures_go_on(a, sentence, text)]


def _figures_go_on(prev: Attribution, sentence: Span, text: str) -> bool:
    """'Bonuses were $500 to $2,000, The Wall Street Journal reports. District managers could get
    $10,000.': a figure right after an outlet's, a document's or an organisation's figures, in the
    same paragraph and in the writer's voice, goes on with their account ("63 percent said ..." has
    its figure in the source); a poll's or a study's, whether or not it gave one yet ("the study
    found the paper rated them differently. It rated 32 percent ..."),
    go on from sentence to sentence, and into the paragraph after the one that names it (FLAGS.md:
    "the same or the adjacent paragraph"), or the one after that when each sentence since carried
    its figures, but not to a figure of another year, the writer's comparison."""
    document = is_study(prev)
    breaks = text.count("\n", prev.sentence.end, sentence.start)  # paragraph breaks, "\n" or "\n\n"
    if breaks:
        breaks = len(PARAGRAPH_BREAK.findall(text, prev.sentence.end, sentence.start))
    # a document's figures reach the paragraph after the one that names it, not further
    tag = prev.source.mentions[-1].end if prev.source is not None and prev.source.mentions else prev.sentence.end
    from_tag = len(PARAGRAPH_BREAK.findall(text, tag, sentence.start)) if breaks or prev.carried else breaks
    # one paragraph further while every sentence since the tag carried its figures, none between
    # (a poll's methodology closes its account: "conducted June 3 to 6 among 812 adults")
    reach = 2 if prev.carried and not text[prev.sentence.end:sentence.start].strip() \
        and not is_methodology(prev.sentence.text) and not WEEKDAY.search(sentence.text) else 1
    return (prev.source_kind in ("outlet", "document", "organization") or prev.cue_lemma in INFORMATION) \
        and (not prev.carried or document) and (breaks == 0 or document and from_tag <= reach) \
        and not PAST_YEAR.search(sentence.text) \
        and bool(figures(sentence.text)) and (any(figures(c.text) for c in prev.content) or document
                                              or prev.source_span is not None and figures(prev.source_span.text)) \
        and not FIRST_PERSON.search(sentence.text) and not sentence.text.rstrip().endswith("?")


def figures_from(sentence: Span, text: str) -> list[tuple[Mention, Span, Span]]:
    """The documents the writer says the figures just given came from, each as (mention, cue,
    the words that refer to the figures): "These figures, sourced from internal military logs and
    court records, ...". They are sources on record, not a second line of sourcing: the figures
    stay credited to whoever reported them."""
    m = _FIGURES_FROM.search(sentence.text)
    if m is None:
        return []
    at = sentence.start
    cue = Span(at + m.start(1), at + m.end(1), m.group(1))
    words = sentence.text[m.start():m.start(1)].rstrip(" ,")
    referent = Span(at + m.start(), at + m.start() + len(words), words)
    items = list(_ITEM.finditer(sentence.text, m.end()))[:-1]  # the last runs on: "..., suggest that"
    # the list ends at its item with "and" ("police reports, court filings and hospital records,"),
    # or is one item ("a survey of 2,000 veterans,")
    last = next((k for k, item in enumerate(items) if re.search(r"\band\s", item.group(0))), 0)
    out = []
    for item in items[:last + 1]:
        for part in re.finditer(r"(?:and\s+)?(\S(?:(?!\s+and\s).)*)", item.group(0)):  # "logs and records"
            mention = parse_mention(tokenize(part.group(1), at + item.start() + part.start(1)), text)
            if mention is not None and mention.kind == "document":
                out.append((mention, cue, referent))
    return out


def _tagged_after(quote: Span, text: str) -> bool:
    """Does a speech tag naming someone follow the quotation where it closes ("...,” wrote Erick
    Erickson"), a sentence or more after it opened? Then it is theirs, not the last speaker's."""
    inside = text[max(quote.start, quote.end - 3):quote.end].rstrip("”\"’'")
    if not inside.endswith((",", "?", "!")):
        return False  # a quotation closed with its full stop: what follows is a sentence of its own
    words = re.findall(r"[A-Za-z’']+", re.split(r"[.\n]", text[quote.end:quote.end + 80])[0])[:4]
    if inside.endswith(("?", "!")) and words and not words[0].islower():
        return False  # "... Where are they?” Officials said ...": a new sentence, not the quotation's tag
    # (a pronoun, "..., she said", takes up the speaker before: the quotation does go on)
    return any(lexicon.cue_ratio(w.lower()) >= ANNOUNCING_CUE for w in words) \
        and not any(w.lower() in ("he", "she", "they", "i", "we") for w in words)


def _credited_by_dash(quote: Span, text: str) -> bool:
    after = text[quote.end:quote.end + 6].lstrip("”\"’' \u00a0")
    return after[:1] in DASHES


def source_lines(claims: list[Claim], text: str, book: SourceBook) -> list[Attribution]:
    """"Source: NATO." under a chart or table: the figures the writer states in the paragraph
    just above it, credited to no one there, are the named source's. Returns the attributions
    added to those claims."""
    added = []
    for m in SOURCE_LINE.finditer(text):
        mention = parse_mention(tokenize(m.group(1), m.start(1)), text)
        if mention is None or mention.anonymous or mention.kind not in ("organization", "document", "person"):
            continue  # (an outlet's "Source: Xinhua" is the article's wire credit, no source of it)
        end_above = len(text[:m.start()].rstrip())
        above = text.rfind("\n", 0, end_above) + 1  # the paragraph just above the line
        if above == 0:
            continue
        source = None
        for claim in claims:
            if claim.attributions or not claim.figures or not above <= claim.span.start < m.start():
                continue
            source = source or book.resolve(mention)
            a = Attribution(source, mention.span, None, [claim.span], claim.sentence, "according to", "indirect",
                            mention.kind, carried=True, type="document")
            claim.attributions.append(a)
            added.append(a)
    return added


SOURCE_LINE = re.compile(r"(?m)^[ \t]*Sources?:[ \t]*([^\n]{2,120}?)\.?[ \t]*$")
