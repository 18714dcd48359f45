"""What makes a clause: finite verbs, and the noun phrases that have none.

Why a module of its own: without a parser, whether words state something ("the port needs
repairs") or name a thing ("the crises facing the union") is read off verb forms, and the
checkability rules, the cue finder and the phrase boundaries all need the same reading.
"""

from __future__ import annotations

import re

from provgraph.extract import lexicon

# Finite verbs without a tagger: auxiliaries and copulas, regular pasts, irregular pasts and participles.
AUXILIARY = frozenset("is are was were be been being am has have had do does did will would can cannot could shall "
                      "should may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't "
                      "won't can't couldn't wouldn't shouldn't 's 're 've 'd".split())
NOUN_DETERMINERS = frozenset("a an the his her their its our my your no another".split())  # not "that", a pronoun too
PREPOSITIONS = frozenset("of in on at by for with about amid among over under after before from to into".split())


def noun_phrase(text: str) -> bool:
    """Does `text` name a thing rather than state something? It opens with a determiner and has no
    finite verb outside its relative clauses: "their quarrels over the budget", "the crises facing a
    union that is short of money"; not "the plan, which cost $4 million, failed"."""
    words = WORD.findall(text)
    if not words or words[0].lower() not in NOUN_DETERMINERS:
        return False
    relative = next((k for k, w in enumerate(words) if w.lower() in RELATIVE_WORDS), len(words))
    if any(finite(w, p) for p, w in zip(words, words[1:relative])):
        return False
    if any(_s_verb(w, p) for p, w in zip(words[:3], words[1:min(4, relative)])):
        return False  # "the port needs repairs", "the suspect lives in Dover": the subject's verb
    if relative == len(words):
        return True
    # a relative clause between commas leaves the main verb after it: "the plan, which cost ..., failed"
    after = text[text.lower().find(words[relative].lower()):]
    rest = WORD.findall(after.split(",", 1)[1]) if "," in after else []
    return not any(finite(w, p) for p, w in zip([""] + rest, rest))


def finite(word: str, before: str = "") -> bool:
    """A verb form that makes a clause. A base form ("leave", "pay") may be a noun or an
    infinitive, and an -s form after a determiner, a preposition or an -ing word is a plural
    ("growing concerns")."""
    low = word.lower().replace("’", "'")
    if word == "May" and before.lower() in PREPOSITIONS | {"since", "until", "last", "next", "early", "late"}:
        return False  # "in May": the month
    if low in AUXILIARY or past_form(low) or low.endswith("n't"):
        return True
    before = before.lower()
    return low.endswith("s") and (low in lexicon.words("present_verbs.txt") or low in lexicon.cue_verbs()) \
        and before not in NOUN_DETERMINERS and before not in PREPOSITIONS and not before.endswith("ing")


def _s_verb(word: str, before: str) -> bool:
    """An -s word right after the subject's noun is its verb ("port needs"), not a plural
    ("the crises", "three civilians", "growing concerns")."""
    low, before = word.lower(), before.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) \
        and before not in NOUN_DETERMINERS and before not in PREPOSITIONS and not before.endswith(("ing", "s")) \
        and not before[:1].isdigit() and before not in NUMBER_WORDS


WORD = re.compile(r"[\w’'-]+")
RELATIVE_WORDS = frozenset("that which who whom whose where when".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands millions".split())


def past_form(low: str) -> bool:
    """A verb in the past, regular ("closed") or not ("held", "told")."""
    return low in lexicon.words("past_verbs.txt") or regular_past(low)


def regular_past(low: str) -> bool:
    """"closed", "purged"; not a negated participle, which is an adjective ("unmarried", "unnamed")."""
    return len(low) > 3 and low.endswith("ed") and low.isalpha() \
        and (not low.startswith("un") or low.startswith("under") or low in UN_VERBS)


# Verbs in un- whose past is an event, not a negated state ("the inquiry uncovered").
UN_VERBS = frozenset("uncovered unveiled unleashed unsealed unlocked unfolded unraveled unravelled unearthed "
                     "united unloaded unpacked unmasked unblocked unsettled unplugged".split())
