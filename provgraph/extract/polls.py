"""What a poll or study is credited with where no cue says so.

"In the latest Marist poll, Ruiz led by 5 points": a document named in an opening adjunct is the
source of what the sentence goes on to say, as "according to" would make it. "The poll was
taken March 2-5 among 812 adults, with a margin of error of 4 points": a poll's own
methodology is the poll's account of itself, not the writer's unsourced claim; so is its result for
one group ("Among registered voters, the two are tied"). These came out `unattributed` in poll
stories, where every figure has a source a reader can see.
"""

from __future__ import annotations

import re

from provgraph.extract import lexicon
from provgraph.extract.found import Found
from provgraph.extract.sources import parse_mention
from provgraph.extract.tokens import Token
from provgraph.model import Span

ADJUNCT_DOCUMENTS = frozenset("poll polls survey surveys study studies report reports analysis census audit "
                              "review".split())
ADJUNCT_REACH = 16  # tokens in which the adjunct's comma must come
METHODOLOGY = re.compile(r"\bmargin of (?:sampling )?error\b|\b(?:poll|survey)s? (?:was|were) (?:conducted|taken|"
                         r"carried out|fielded)\b|\b(?:interviewed|surveyed|polled) (?:a (?:random |national )?sample "
                         r"of )?[\d,]+ (?:adults|people|voters|likely|registered|respondents)\b", re.IGNORECASE)

# A group of those a poll asked: "among likely voters", "among white women"
_GROUP = (r"among (?:(?:the|all|those|likely|registered) )?(?:[\w-]+ ){0,2}(?:voters|respondents|adults|Democrats|"
          r"Republicans|independents|women|men|Americans|Hispanics|Latinos|millennials|conservatives|liberals|moderates)")
BREAKDOWN = re.compile(rf"\W*(?:(?:But|And|Yet|Still),? )?[Aa]{_GROUP[1:]},")
# "leads among women", "is the leader among men", "ahead among independents": a standing in a group
LEADS_AMONG = re.compile(rf"\b(?:leads?|led|trails?|trailed|ahead|behind|leader|edge)(?: \w+)? {_GROUP}\b")
STANDING = re.compile(r"\b(?:tied|leads?|led|trails?|trailed|ahead|behind|edge|percent|points?|\d+%)\b|%",
                      re.IGNORECASE)


def document_adjunct(tokens: list[Token], article: str) -> Found | None:
    """"In the previous Gazette poll, taken in early May, Ruiz led by 6 points", "Among the
    details in the doctor's letter: he weighs 236 pounds": the document, credited with what
    follows the adjunct (a participle clause after it is skipped)."""
    if len(tokens) < 6 or tokens[0].lower not in ("in", "among"):
        return None
    commas = [k for k, t in enumerate(tokens[:ADJUNCT_REACH]) if t.text in (",", ":")]
    if not commas or commas[0] < 3:
        return None
    documents = lexicon.words("document_nouns.txt")
    head = max((k for k in range(1, commas[0]) if tokens[k].lower in documents), default=None)
    if head is None:
        return None
    begin = 1
    if tokens[0].lower == "among":  # "Among the details in the letter": the document after "in"
        inner = [k for k in range(1, head) if tokens[k].lower == "in"]
        if not inner:
            return None
        begin = inner[-1] + 1
    mention = parse_mention(tuple(tokens[begin:head + 1]), article)
    if mention is None or mention.kind != "document":
        return None
    start = commas[0] + 1
    if start < len(tokens) and tokens[start].lower.endswith("ed") and not tokens[start].is_cap and len(commas) > 1:
        start = commas[1] + 1  # ", taken in early May,": the poll's own description
    if start >= len(tokens) - 2 or any(t.lower in lexicon.cue_verbs() for t in tokens[start:]):
        return None  # ("In the review, the port said ...": the port's, found by its own cue)
    content = Span(tokens[start].start, tokens[-1].end, article[tokens[start].start:tokens[-1].end])
    cue = Span(tokens[0].start, tokens[0].end, tokens[0].text)
    return Found(mention, cue, "according to", [content])


def is_breakdown(text: str) -> bool:
    """"Among likely voters, Ruiz and Okafor are even", "Ruiz leads among women while Okafor is the
    leader among men": a poll's result for one group of those it asked, which a poll story states
    without a cue (a figure or a standing in it; "Among women who served, suicide rates doubled" is
    about the group, not a poll)."""
    return bool(BREAKDOWN.match(text)) and bool(STANDING.search(text)) or bool(LEADS_AMONG.search(text))


def is_methodology(text: str) -> bool:
    """How a poll was taken: its dates, sample and margin of error."""
    return bool(METHODOLOGY.search(text))
