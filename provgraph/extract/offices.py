"""Offices as sources: "the Texas attorney general", "the Secretary of State", "Chad's Ambassador to
France" name the one holder of an office, someone a reader can identify, not an unnamed official."""

from __future__ import annotations

from provgraph.extract.mention import Mention
from provgraph.extract.names import named_owner, span_text
from provgraph.extract.tokens import Token, is_initials
from provgraph.model import Span

FORMER = frozenset("former ex onetime one-time erstwhile ex-".split())
# Offices held for a place ("Senator from Texas", "the governor of Ohio", "Secretary of State").
OFFICES = frozenset("senator governor mayor president secretary chairman chairwoman congressman congresswoman "
                    "representative lawmaker minister ambassador judge justice chancellor premier".split())
# Offices of a place or body, one holder each: "the Texas attorney general", "the Ohio governor" (not "the
# Texas senator", one of two).
PLACE_OFFICES = frozenset("governor mayor president secretary chairman chairwoman minister chancellor premier general "
                          "sheriff comptroller treasurer auditor superintendent".split())
PARTY_WORDS = frozenset("democratic republican gop conservative liberal independent progressive".split())
# A place the sentence has just named, as the owner of its office ("the state's governor").
OWN_PLACES = frozenset(f"{place}{s}" for place in "state city county country nation province town".split()
                       for s in ("'s", "’s"))


def place_office(head_part: list[Token], article: str) -> Mention | None:
    """"the Texas attorney general", "the White House press secretary": the holder of an office of a
    named place or body, someone a reader can identify (the one named before, or kept to the
    article), not an anonymous official; "the Democratic senator" could be any of several."""
    if len(head_part) >= 3 and head_part[0].lower == "the" and head_part[1].lower in OWN_PLACES \
            and head_part[-1].lower in PLACE_OFFICES and all(t.lower in PARTY_WORDS for t in head_part[2:-1]):
        # "the state's Republican governor": the one holder of the office of the place just named
        described = span_text(head_part[1:], article)
        return Mention(Span(head_part[0].start, head_part[-1].end, span_text(head_part, article)), "definite",
                       described, head_part[-1].lower, role=span_text(head_part[2:], article), descriptor=described)
    if head_part[0].lower != "the" or head_part[-1].lower not in PLACE_OFFICES or len(head_part) < 3 \
            or head_part[-1].lower == "general" and head_part[-2].lower not in ("attorney", "inspector", "surgeon"):
        return None  # ("the Army general": one of many)
    k = 1
    while k < len(head_part) - 1 and (head_part[k].is_cap and head_part[k].is_word
                                      or head_part[k].text == "." and head_part[k - 1].is_cap):  # "the U.S."
        k += 1
    place = head_part[1:k]
    if not place or len(head_part) - k > 3 or any(t.is_cap for t in head_part[k:]) \
            or any(t.lower in PARTY_WORDS for t in place):
        return None
    described = span_text(head_part[1:], article)
    return Mention(Span(head_part[0].start, head_part[-1].end, span_text(head_part, article)), "definite", described,
                   head_part[-1].lower, role=span_text(head_part[k:], article), affiliation=span_text(place, article),
                   descriptor=described)


def titled_office(head_part: list[Token], article: str) -> Mention | None:
    """"the Secretary of State", "Chad's Ambassador to France", "the Kuwaiti Assistant Foreign
    Minister": a capitalised office, alone or of a place, with no name after it, is its holder (someone
    a reader can identify), not a person named "France" nor an organisation."""
    words = [t for t in head_part if t.lower not in ("the", "’s", "'s")]
    at = next((k for k, t in enumerate(words) if t.is_cap and t.lower in OFFICES), None)
    if at is None or any(not t.is_cap and t.is_word and t.lower not in FORMER
                         or t.text == "." and not (k and is_initials(words[k - 1].text))
                         for k, t in enumerate(words[:at])):
        return None  # ("Dr. Judge": after an honorific, a surname; "the U.S. Ambassador" is an office)
    rest = words[at + 1:]
    place = [t for t in rest[1:] if t.lower != "the"]
    owned = any(named_owner(t) for t in head_part)  # "Chad's": a named owner
    introduced = head_part[0].lower == "the" or owned
    if rest and (rest[0].lower not in ("of", "to", "for") or len(place) > (2 if introduced else 1)
                 or not all(t.is_cap or t.text == "." for t in place)):
        return None  # "Secretary of State (John) Kerry": the name after it is the source
    start = next(k for k, t in enumerate(head_part) if t.lower != "the")
    described = span_text(head_part[start:], article)
    return Mention(Span(head_part[0].start, head_part[-1].end, span_text(head_part, article)),
                   "person" if owned else "definite", described, words[at].lower, role=described, descriptor=described)
