"""Where a phrase ends, walking a sentence's tokens without a parser.

Attribution patterns (cues.py) find a cue verb and must then find the noun phrase before it (the
subject, the source), the one after it (the recipient of "told"), and where a relative clause or
a clause of its own begins. These walks share the stop words and boundary tests below.
"""

from __future__ import annotations

from provgraph.extract import lexicon
from provgraph.extract.clauses import finite
from provgraph.extract.names import (
    DETERMINERS, INSIDER_WORDS, POSSESSIVES, QUANTIFIERS, and_inside_name, organisation_before,
)
from provgraph.extract.tokens import Token, is_initials

# Words that end a subject noun phrase when walking back from the cue.
STOP_BACK = frozenset(
    "that which who whom whose and but or nor as while when whereas if because after before since although though "
    "where so than then with by is are was were be been being has have had do does did will would can could may "
    "might must should not according what how why whether also yet".split()
)
STOP_FORWARD = frozenset(
    "who which that whose on in at during after before when while as because adding and but was is were "
    "had has have last this".split()
)
ABBREVIATED = frozenset("mr mrs ms dr gen col lt sgt capt maj adm gov sen rep rev st jr sr prof pres".split())


def np_forward_end(tokens: list[Token], start: int, allow_who: bool = True, limit: int = 12,
                    stop_at_verb: bool = False) -> int:
    j = start
    while j < len(tokens) and j - start < limit:
        t = tokens[j]
        if t.text == "." and (j == len(tokens) - 1 or j == start or not (
                tokens[j - 1].lower in ABBREVIATED or is_initials(tokens[j - 1].text))):
            break  # the sentence's full stop, not "Mr." or an initial
        if not t.is_word and t.text not in ("’", "'", "-", ".", "&") \
                or (t.lower in STOP_FORWARD and j > start and not and_inside_name(tokens, j)
                    and not _insider_link(tokens, j)) \
                or (stop_at_verb and j > start and finite_verb(tokens, j)):
            break
        if t.text in ("’", "'") and not (j + 1 < len(tokens) and tokens[j + 1].lower == "s"):
            break
        j += 1
    return j


def _insider_link(tokens: list[Token], j: int) -> bool:
    """"people familiar with | the matter", "officials briefed on | the talks": the preposition
    that says what an unnamed source knows about is inside the phrase."""
    return tokens[j].lower in ("with", "on", "about", "to") and j > 0 \
        and tokens[j - 1].lower in INSIDER_WORDS | {"acquainted"}


def recipient_end(tokens: list[Token], start: int) -> int:
    """End of the recipient after "told": a pronoun ("us"), a name ("The Associated Press"), or
    one noun ("reporters"); `start` when there is none."""
    k = start
    if k < len(tokens) and tokens[k].lower in ("me", "us", "him", "her", "them", "you", "reporters", "journalists"):
        return k + 1
    if k < len(tokens) and tokens[k].lower in ("the", "a", "an"):
        k += 1
    j = k
    while j < len(tokens) and tokens[j].is_cap and tokens[j].is_word:
        j += 1
    return j if j > k else start


# Words before a phrase that make it their object: "For some, ..., said X" (not the subject)
OBJECT_PREPOSITIONS = frozenset("for in to of among with at on from about into over under after before".split())
# Words after a recipient that begin an adjunct, not what was said: "told reporters in Ohio".
CLAUSE_ADJUNCTS = frozenset("in on at during after before when while as by for with about".split())


def relative_clause_start(tokens: list[Token], start: int) -> int | None:
    """Where "who" opens a short relative clause that ends at `start`'s phrase ("people who
    read them"), so that the subject is the noun before it, not the clause's object."""
    for k in range(start - 1, max(start - 6, 0), -1):
        if tokens[k].lower == "who":
            return k if k > 0 and tokens[k - 1].is_word and tokens[k - 1].lower not in STOP_BACK else None
        if not tokens[k].is_word or tokens[k].is_cap:
            return None
    return None


def named_day(tokens: list[Token], k: int) -> bool:
    """"USA Today", "NBC's Today": a capitalised "Today" inside a sentence is part of a name."""
    return k > 0 and tokens[k].text == "Today" and tokens[k - 1].is_cap


def finite_verb(tokens: list[Token], at: int) -> bool:
    """Is tokens[at] a finite verb ("phoned", "has", "will"; clauses.finite)?"""
    if at >= len(tokens) or tokens[at].is_cap or not tokens[at].is_word:
        return False
    return finite(tokens[at].lower, tokens[at - 1].lower if at > 0 else "")


def _modifies_head(tokens: list[Token], j: int, end: int) -> bool:
    """"the Daybreak tracking poll": an -ing word just before a document noun that ends the phrase
    describes it; it is no verb."""
    return j == end - 2 and tokens[end - 1].lower in lexicon.words("document_nouns.txt")


# "a company based in Ohio", "voters interviewed outside a polling station": a participle and where
PLACED = frozenset("in at near outside inside across".split())


def np_backward_start(tokens: list[Token], end: int, limit: int = 10) -> int:
    """Start index of the noun phrase that ends just before `end`."""
    j = end - 1
    while j >= 0 and end - j <= limit:
        t = tokens[j]
        low = t.lower
        if t.text == ")":  # "Sen. Bernie Sanders (I-VT)": step over the parenthesis
            k = j - 1
            while k >= 0 and tokens[k].text != "(" and j - k < 8:
                k -= 1
            if k >= 0 and tokens[k].text == "(":
                j = k - 1
                continue
            break
        if not t.is_word and t.text not in ("’", "'", ".", "-", "&"):
            break
        if t.text in ("’", "'") and not (j + 1 < end and tokens[j + 1].lower == "s"):
            break
        if low in STOP_BACK and not _insider_link(tokens, j) \
                and not (low == "and" and j + 1 < end and tokens[j + 1].is_cap and j > 0
                         and tokens[j - 1].lower not in lexicon.words("organization_words.txt")
                         and organisation_before(tokens, j - 1, lexicon.words("organization_words.txt"))) \
                and not (low == "and" and one_holder(tokens[:end], j)) and not and_inside_name(tokens, j, end):
            break  # (not inside "Institute for Ports and Public Works" or "the former ambassador and U.S. senator")
        if low in lexicon.cue_verbs() and j < end - 1 and not (j > 0 and tokens[j - 1].lower in QUANTIFIERS) \
                and not (t.is_cap and j > 0):
            break  # (not "Several crew members": a noun after a quantifier; not the name "Hope Hicks")
        if not t.is_cap and j < end - 1 and (low.endswith("ing") and len(low) > 5 and not _modifies_head(tokens, j, end)
                                            or low.endswith("ed") and len(low) > 4 and tokens[j + 1].lower not in PLACED
                                            and low not in INSIDER_WORDS
                                            and tokens[j - 1].lower not in DETERMINERS if j > 0 else False):
            break  # a verb ends the subject: "wearing a T-shirt", "awarded Carly Fiorina" (not "based in Ohio")
        j -= 1
    start = j + 1
    while start < end and tokens[start].lower in ("of", "to", "in", "from", "at", "for", "on", "close", "within",
                                                  "off", "out", "up", "down") \
            and not (start + 1 < end and tokens[start].lower == "at" and tokens[start + 1].lower in ("least", "most")):
        start += 1  # (not the "at" of "at least four senators")
    return start


def one_holder(tokens: list[Token], at: int) -> bool:
    """"The former ambassador and U.S. senator said": two roles under one determiner, each a single
    title, are one person (the second has no determiner of its own); "the mayor and the governor"
    are two, and "officials and residents" two groups."""
    second = tokens[at + 1:]
    if not 0 < len(second) <= 5 or second[0].lower in DETERMINERS or second[0].lower in POSSESSIVE_WORDS \
            or second[-1].lower not in lexicon.words("titles.txt"):
        return False
    k = at - 1
    if tokens[k].lower not in lexicon.words("titles.txt") and tokens[k].lower not in ONE_PERSON_ROLES:
        return False
    while k >= 0 and at - k <= 5 and (tokens[k].is_word or tokens[k].text == ".") \
            and tokens[k].lower not in DETERMINERS and tokens[k].lower not in STOP_BACK:
        k -= 1
    return k >= 0 and tokens[k].lower in ONE_DETERMINER


POSSESSIVE_WORDS = frozenset(POSSESSIVES) | {"our", "my"}
ONE_DETERMINER = frozenset("the a an".split()) | POSSESSIVE_WORDS
# Roles of one person that the title list leaves out (it holds words that come before a name).
ONE_PERSON_ROLES = frozenset("lady nominee candidate founder owner heir".split())


def phrase_end(i: int, tokens: list[Token]) -> int | None:
    """End index of the longest multi-word cue phrase starting at token i ("pointed out", "called for")."""
    if i + 1 >= len(tokens):
        return None
    for phrase in lexicon.cue_phrases().get((tokens[i].lower, tokens[i + 1].lower), ()):
        k = i + len(phrase)
        if k <= len(tokens) and all(tokens[i + m].lower == w for m, w in enumerate(phrase)):
            return k
    return None
