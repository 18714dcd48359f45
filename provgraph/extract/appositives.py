"""A name set beside a description of the same source: "The firm's chief financial officer, Tom
Reddy, said", "Leonard Burman, a former official who directs the center, said". The description
alone is unnamed; with the name beside it the source is named, and the description is its role.
Crediting the description made named people anonymous, and the claim an `anonymous-only` flag.
"""

from __future__ import annotations

import re
from dataclasses import replace

from provgraph.extract.found import Found
from provgraph.extract.names import ROLE_CONNECTORS, named_owner
from provgraph.extract.mention import Mention
from provgraph.extract.offices import OFFICES
from provgraph.extract.sources import DESCRIPTION_OPENERS, between_commas, describes_someone, parse_mention
from provgraph.extract.tokens import tokenize
from provgraph.model import Span

NAMED = ("person", "organization", "outlet")
NAME_PARTS = frozenset({".", "-", "’s", "'s"})


def name_beside(f: Found, tokens, text: str) -> list[Found]:
    """Credit the name when the source phrase is a description with a name in apposition, inside
    the phrase or just after it ("..., Tom Reddy, said"); the description becomes the role.
    Returns attributions for more people named ("Two members of Congress, Tom Reyes and Ana Ruiz,
    said": Ana Ruiz's, Tom Reyes taking `f`)."""
    m = f.mention
    if m is None or f.cue is None:
        return []
    at = [k for k, t in enumerate(tokens) if m.span.start <= t.start and t.end <= m.span.end]
    if not at or m.kind in NAMED and not m.anonymous and not _a_role(tokens[at[0]:at[-1] + 1]):
        return []  # a name credited already, not a role with its organisation ("the White House spokesman")
    first, last = at[0], at[-1]
    comma = next((k for k in at if tokens[k].text == ","), None)
    if comma is not None:  # the phrase holds both: "Leonard Burman, a former official ..."
        end = next((k for k in range(comma + 1, last + 1) if tokens[k].text == ","), last + 1)
        sides = [tokens[first:comma], tokens[comma + 1:end]]
    else:  # the name follows the phrase: "The firm's chief financial officer, Tom Reddy, said"
        after_cue = f.cue.start < m.span.end
        if last + 2 >= len(tokens) or tokens[last + 1].text != "," or after_cue and (
                not _name_ends_sentence(tokens, last + 2)
                or any(t.lower in ("of", "to", "for", "at", "in", "with") for t in tokens[first:last + 1])):
            return []  # after "According to the official," a name begins what was said; "..., said Rubio's
            # deputy, Rich Beeson." ends with the deputy's name, "said an aide to the leader, Mitch
            # McConnell." with the leader's
        k = last + 2
        plural = m.head.endswith("s")  # "two members of Congress, Tom Reyes and Ana Ruiz, said"
        while k < len(tokens) and not (tokens[k].start < f.cue.end and f.cue.start < tokens[k].end) \
                and (tokens[k].is_cap and tokens[k].is_word or tokens[k].text in NAME_PARTS and k > last + 2
                     or plural and tokens[k].lower == "and" and k > last + 2 and k + 1 < len(tokens)
                     and tokens[k + 1].is_cap):
            k += 1
        closed = k == len(tokens) or tokens[k].text in (",", ".") or tokens[k].start == f.cue.start
        if k == last + 2 or not closed:
            return []
        sides = [tokens[first:last + 1], tokens[last + 2:k]]
    if m.head.endswith("s") and any(t.lower == "and" for t in sides[1]):
        return _names_beside(f, sides[0], sides[1], text)
    for name, description in (sides, sides[::-1]):
        named = parse_mention(tuple(name), text) if name else None
        if named is None or named.kind not in NAMED or named.anonymous or not description:
            continue
        if named.kind == "person" and len([t for t in name if t.is_word and t.text not in NAME_PARTS]) < 2:
            continue  # a one-word "name" beside a description is as likely a place or a day
        if description[0].lower not in DESCRIPTION_OPENERS and not named_owner(description[0]):
            continue
        whole = [t for side in sides for t in side]
        role = text[description[0].start:description[-1].end]
        first, _, rest = role.partition(" ")
        role = rest if first.lower() in ("a", "an", "the") and rest else role
        f.mention = Mention(Span(whole[0].start, whole[-1].end, text[whole[0].start:whole[-1].end]), named.kind,
                            named.label, named.head, role=named.role or role, nationality=named.nationality,
                            affiliation=named.affiliation)
        return []
    return []


def _name_ends_sentence(tokens, k: int) -> bool:
    """Is tokens[k:] a capitalised name, and then the sentence's end?"""
    j = k
    while j < len(tokens) and (tokens[j].is_cap and tokens[j].is_word or tokens[j].text in NAME_PARTS and j > k):
        j += 1
    return j > k and (j == len(tokens) or j == len(tokens) - 1 and tokens[j].text in (".", "!", "?"))


def _a_role(phrase) -> bool:
    """"the White House spokesman", "the director of the FBI": a role at a named organisation,
    which a name set beside it makes a person's (not "The New York Times")."""
    return (phrase[0].lower in DESCRIPTION_OPENERS or named_owner(phrase[0])) and any(
        t.is_word and not t.is_cap and t.lower not in ROLE_CONNECTORS or t.lower in OFFICES for t in phrase[1:])


def _names_beside(f: Found, description: list, names: list, text: str) -> list[Found]:
    """"Two members of Congress, Tom Reyes and Ana Ruiz, said": each person named is credited, the
    description their role; not unnamed."""
    parts, part = [], []
    for t in names + [None]:
        if t is None or t.lower == "and":
            named = parse_mention(tuple(part), text) if part else None
            if named is None or named.kind != "person" or named.anonymous or len([w for w in part if w.is_word]) < 2:
                return []
            parts.append(named)
            part = []
        else:
            part.append(t)
    role = text[description[0].start:description[-1].end]
    f.mention, *others = [replace(p, role=p.role or role) for p in parts]
    return [replace(f, mention=other) for other in others]


def identified_as(f: Found, text: str) -> None:
    """"A woman later identified as Eva Ruiz, an activist, demanded ...": the name the article
    gives the unnamed phrase is the source."""
    m = f.mention
    if m is None or not m.anonymous or f.cue is None or not m.span.end < f.cue.start:
        return
    found = IDENTIFIED_AS.match(text, m.span.end, f.cue.start)
    named = parse_mention(tokenize(found.group(1), found.start(1)), text) if found else None
    if named is not None and named.kind == "person" and not named.anonymous:
        f.mention = named


IDENTIFIED_AS = re.compile(r",?\s+(?:\w+ly\s+|later\s+)?identified\s+as\s+([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+)")


def name_before(f: Found, tokens, text: str) -> None:
    """Credit the name a sentence opens with when the source phrase found lies inside the
    description set after it: "Jane Roe, 61, of Dover, Md., who saw it, said" is Jane Roe's
    word, not Md.'s; "Ann Lee, a professor at the State University law school, said" is Ann Lee's,
    not the university's."""
    m = f.mention
    if f.cue is None:
        return
    words = [k for k, t in enumerate(tokens) if t.text not in ("“", "‘", '"', "'")]
    if not words:
        return
    start = words[0]
    comma = next((k for k in range(start, len(tokens)) if tokens[k].text == ","), None)
    if comma is None or comma - start < 2 or tokens[comma].end >= f.cue.start \
            or m is not None and not tokens[comma].end < m.span.end <= f.cue.start:
        return  # the phrase found, if any, must reach past the name's comma
    before_cue = [k for k in range(comma + 1, len(tokens)) if tokens[k].end <= f.cue.start]
    if not before_cue or tokens[before_cue[-1]].text != ",":
        return  # the description must close with a comma right before the cue: "..., said"
    opener = tokens[comma + 1]
    if not all(_describes(chunk) for chunk in between_commas(tokens[comma + 1:before_cue[-1]])):
        return  # "Ann Lee, a pilot, said X, and Bob Ruiz, a captain, said": a clause, not a description
    name = tokens[start:comma]
    named = parse_mention(tuple(name), text)
    at = next((k for k, t in enumerate(name) if t.text == named.label.split()[0]), 0) if named is not None else 0
    if at and describes_someone(name[:at], longest=len(name)):
        return  # "A spokesman for Jeb Bush, Tim Miller, said": a description, then the spokesman's name
    if named is None or named.kind != "person" or named.anonymous or named.descriptor \
            or m is not None and named.label == m.label \
            or len([t for t in name if t.is_word and t.text not in NAME_PARTS]) < 2:
        return
    end = next(k for k in range(comma + 1, len(tokens)) if tokens[k].text == ",")
    role = text[opener.start:tokens[end - 1].end]
    head, _, rest = role.partition(" ")
    role = rest if head.lower() in ("a", "an", "the") and rest else role
    described = opener.lower not in ("of", "who") and not opener.text[:1].isdigit()  # not "61, of Dover"
    f.mention = Mention(Span(name[0].start, name[-1].end, text[name[0].start:name[-1].end]), named.kind, named.label,
                        named.head, role=named.role or (role if described else None), nationality=named.nationality,
                        affiliation=named.affiliation)


def _describes(chunk) -> bool:
    """One part of a description set after a name: "a pilot", "61", "of Dover", "Del.", "who
    watched the launch from the pier"; not a clause of its own ("said the ferry left")."""
    return bool(chunk) and (chunk[0].lower in DESCRIPTION_OPENERS | {"of", "who", "whose", "which"}
                            or chunk[0].text[:1].isdigit() or all(t.is_cap or not t.is_word for t in chunk))
