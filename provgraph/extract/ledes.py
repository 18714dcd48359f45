"""A lede that describes its speaker before naming them ("A former party chairman says ... . Jon
Fowler told reporters ...") credits the named person, not an anonymous source.

Why a module of its own: it is the one step that rewrites sources after the whole article has
been read, and it must never name someone the article keeps unnamed on purpose.
"""

from __future__ import annotations

from provgraph.extract import lexicon
from provgraph.extract.sourcebook import SourceBook
from provgraph.extract.names import SPLIT_PREPOSITIONS
from provgraph.extract.referents import OUTLET_NOUNS
from provgraph.extract.sources import _strip_det
from provgraph.model import Source, Span

# Heads of descriptions that stand for someone unnamed on purpose ("a senior official said"): the
# name in the next sentence is someone else's.
UNNAMED_HEADS = frozenset("official officials source sources aide aides person insider staffer employee diplomat "
                          "officer adviser advisor member strategist operative".split())
LEDE_SENTENCES = 2


def delayed_names(attributions: list, body: list[Span], book: SourceBook) -> None:
    """A lede that describes its speaker before naming them ("A former party chairman says ... .
    Jon Fowler told reporters ...") is the named person's word, not an anonymous source's: the
    description takes the name the next sentence gives someone first named there, or the sentence
    after that, if the name comes with the same title ("A Dover judge has ruled ... . Lawyers for the
    city had asked ... . Justice Ann Lee rejected that argument"). Only in the lede's first
    sentences, only for a singular role with "a"/"an", never for the descriptions that stand for
    someone unnamed on purpose, nor where the sentence grants anonymity."""
    for k, sentence in enumerate(body[:LEDE_SENTENCES]):
        if k + 1 >= len(body) or any(p in sentence.text.lower() for p in lexicon.words("anonymity_phrases.txt")):
            continue
        described = {id(a.source): a.source for a in attributions
                     if a.source is not None and a.source.anonymous and a.sentence.start == sentence.start
                     and _singular_role(a.source.descriptor or "")}
        if len(described) != 1:
            continue
        unnamed = next(iter(described.values()))
        named = next((found for n, following in enumerate(body[k + 1:k + 3])
                      if (found := _first_named(attributions, following)) is not None
                      and (n == 0 or _same_title(unnamed.descriptor or "", found))), None)
        if named is not None:
            _take_name(unnamed, named, attributions, book)


def headline_names(attributions: list, headline: list[Span], body: list[Span], book: SourceBook) -> None:
    """A headline describes its speaker by title ("Former harbour board chairman calls for a new
    vote"); the lede names them with it ("Former board chairman Ana Okafor said ..."): the
    headline's speaker is the person of the same title the first sentences name, not an anonymous
    source."""
    for sentence in headline:
        described = {id(a.source): a.source for a in attributions
                     if a.source is not None and a.source.anonymous and a.sentence.start == sentence.start
                     and _role_head(a.source.descriptor or "") in lexicon.words("titles.txt")
                     and _role_head(a.source.descriptor or "") not in UNNAMED_HEADS}
        if len(described) != 1:
            continue
        unnamed = next(iter(described.values()))
        named = next((found for following in body[:LEDE_SENTENCES + 1]
                      if (found := _first_named(attributions, following)) is not None
                      and _same_title(unnamed.descriptor or "", found)), None)
        if named is not None:
            _take_name(unnamed, named, attributions, book)


def outlet_names(attributions: list, headline: list[Span], book: SourceBook) -> None:
    """"Newspaper: Defense secretary used personal email" under a story that credits one outlet
    ("..., The New York Times reported"): the headline's "newspaper" is that outlet."""
    outlets = [s for s in book.sources if s.kind == "outlet" and not s.anonymous]
    starts = {sentence.start for sentence in headline}
    vague = {id(a.source): a.source for a in attributions if a.source is not None and a.source.anonymous
             and a.sentence.start in starts and _strip_det(a.source.label).lower() in OUTLET_NOUNS}
    if len(outlets) == 1:
        for unnamed in vague.values():
            _take_name(unnamed, outlets[0], attributions, book)


def poll_names(attributions: list, book: SourceBook) -> None:
    """A poll the article calls only "Poll:" or "a new nationwide poll" is the one poll it names
    ("Poll: Ruiz and Okafor tied ... . The Gazette-WKRT poll found ..."), when it names exactly one."""
    polls = [s for s in book.sources if s.kind == "document" and s.label.split()[-1].lower() in ("poll", "survey")]
    named = [s for s in polls if _pollster_named(s.label)]
    if len(named) == 1:
        for vague in [s for s in polls if not _pollster_named(s.label)]:
            _take_name(vague, named[0], attributions, book)


def _pollster_named(label: str) -> bool:
    """"Harbour News poll" names who ran it; "nationwide poll", "Poll" do not."""
    return any(w[:1].isupper() for w in label.split()[:-1])


def _take_name(unnamed: Source, named: Source, attributions: list, book: SourceBook) -> None:
    for a in attributions:
        if a.source is unnamed:
            a.source, a.source_kind = named, named.kind
    named.mentions[:0] = unnamed.mentions
    named.role = named.role or _strip_det(unnamed.descriptor or "")
    book.sources.remove(unnamed)


def _first_named(attributions: list, sentence: Span) -> Source | None:
    """The first person credited in `sentence` who is first named there (by name: "Mr. Okafor’s lawyers"
    are someone else's representatives, not the one the lede described)."""
    return next((a.source for a in attributions if a.sentence.start == sentence.start and a.source is not None
                 and a.source.kind == "person" and not a.source.anonymous and a.source.mentions
                 and a.source.mentions[0].start >= sentence.start and not a.source.descriptor), None)


# Titles that name the same office ("a New York judge" is "Justice Ann Lee" of the state's courts).
SAME_TITLES = ({"judge", "justice"}, {"lawmaker", "senator", "sen.", "representative", "rep.", "congressman",
                                      "congresswoman"})


def _same_title(descriptor: str, named: Source) -> bool:
    """Does the title of someone named ("Justice Ann Lee", "Sen. Jo Reyes") hold the office a
    description names ("a New York judge", "a Democratic lawmaker")?"""
    head = _role_head(descriptor)
    words = f"{named.role or ''} {named.label}".lower().split()
    return any(head in w for w in words) or any(head in same and same & set(words) for same in SAME_TITLES)


def _singular_role(descriptor: str) -> bool:
    """"A former harbour board chairman", "a Dover judge": one person by role."""
    words = descriptor.split()
    if len(words) < 2 or words[0].lower() not in ("a", "an"):
        return False
    head = _role_head(descriptor)
    return head in lexicon.words("titles.txt") and head not in UNNAMED_HEADS


def _role_head(descriptor: str) -> str:
    """The noun a description is about: "judge" of "a New York judge", "chairman" of "a former
    chairman of the board"."""
    words = descriptor.split()
    head = next((w for w in words[1:] if w.lower() in SPLIT_PREPOSITIONS), None)
    return (words[words.index(head) - 1] if head else words[-1] if words else "").lower()
