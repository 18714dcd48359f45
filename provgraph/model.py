"""Plain data produced by extraction and consumed by everything else (no rdflib here)."""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_KINDS = ("person", "organization", "outlet", "anonymous", "document")
# Speech or report ("said", "according to"), document or evidence ("a poll shows"), belief ("fears",
# "expects"), intention ("plans to", "vowed"), action ("voted to", "rejected"). Only the first two
# make their source a source of information.
ATTRIBUTION_TYPES = ("speech", "document", "belief", "intention", "action")


@dataclass(frozen=True)
class Span:
    """A character range of the article text, with the text it covers."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Source:
    """Who a claim is attributed to: a named person, organisation, outlet, document, or an anonymous source.

    `key` identifies the source within one article; named sources are later merged across
    articles by normalised name, anonymous ones never are (that would fabricate corroboration).
    """

    key: str
    label: str
    kind: str
    anonymous: bool = False
    descriptor: str | None = None  # "a senior officer", "sources within the Ministry of Defense"
    affiliation: str | None = None  # "Ministry of Defense", "Die Welt"
    role: str | None = None  # "journalist", "Chief of the General Staff"
    nationality: str | None = None  # "Ukrainian"
    via: Source | None = None  # the intermediary the source spoke through ("speaking to RIA")
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Attribution:
    """One attribution as the text states it: source mention, cue and content, with evidence."""

    source: Source | None
    source_span: Span | None
    cue: Span | None
    content: list[Span]  # usually one span; two for a quote split around its cue
    sentence: Span
    cue_lemma: str | None = None  # "say" for "said", "according to"
    quote: str = "indirect"  # direct | indirect | mixed
    source_kind: str = "none"  # how the text names the source: a SOURCE_KINDS value, "pronoun" or "none"
    carried: bool = False  # credited by carry-over from a neighbouring sentence, not in this one
    relayed_by: Attribution | None = None  # "RIA reported that officials said ...": the outer attribution
    type: str = "speech"  # what the cue says the source did: an ATTRIBUTION_TYPES value

    def chain(self) -> list[Source]:
        """Sources from the one the article cites directly to the root ("RIA" -> "sources within ...")."""
        outer = self.relayed_by.chain() if self.relayed_by is not None else []
        if self.source is None:
            return outer
        own = [self.source]
        seen = {id(self.source)}
        via = self.source.via
        while via is not None and id(via) not in seen:
            own.insert(0, via)
            seen.add(id(via))
            via = via.via
        return [s for s in outer if id(s) not in seen] + own


@dataclass
class Claim:
    """A checkable statement in an article, with the attributions that support it (maybe none)."""

    text: str  # what is claimed: the attribution's content, or the whole sentence
    span: Span  # where the claim stands in the article (its first content span, or the sentence)
    sentence: Span
    attributions: list[Attribution] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    checkable: bool = True  # asserts a fact someone could verify (extract/checkable.py)
    check: str = ""  # why: figure, event, statement / opinion, intention, demand, prediction, ...


@dataclass
class NonResponse:
    """"X declined to comment", "did not respond", "could not be reached": not a claim of X's but a
    fact about X (asked, no answer), shown beside the claims about X."""

    party: str  # as the text names it ("A spokesman for the Clinton campaign")
    kind: str  # declined to comment | did not respond | could not be reached | not available | did not say
    sentence: Span


@dataclass
class Article:
    """One news article with its metadata and what extraction found in it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    path: str | None = None
    language: str | None = None
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    non_responses: list[NonResponse] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # problems reading it that did not stop it
