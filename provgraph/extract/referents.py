"""How a description refers back to a source: the epithets, offices and collectives that name one
person or body the article has named ("the businessman", "the senator", "her campaign"), and
whether a description or a role names again someone met before.

Why a module of its own: these are the words of reference resolution, read by `sourcebook.SourceBook`;
kept apart, the book holds only what it remembers of the article.
"""

from __future__ import annotations

import re

from provgraph.extract.names import DETERMINERS
from provgraph.extract.mention import Mention
from provgraph.extract.sources import PERSON_EPITHETS, THINGS_SAID, normalise

OUTLET_NOUNS = frozenset("newspaper paper daily tabloid magazine journal network broadcaster outlet publication "
                         "channel station wire website".split())

# ... and professions named by their suffix ("the retired neurosurgeon", "the cardiologist", "the
# activist"), which no list can hold.
PROFESSION = re.compile(r"[a-z]{3,}(?:surgeon|ologist|ician|ist)$")
# ... and offices, which name the person just named only if that is their office ("the senator").
OFFICE_EPITHETS = frozenset("senator governor mayor president secretary chairman chairwoman congressman "
                            "congresswoman lawmaker minister".split())

# Offices with one holder at a time: "the governor" is someone the reader can identify, where "the
# official" or "the aide" could be anyone.
UNIQUE_OFFICES = frozenset("president governor mayor senator chairman chairwoman chair ceo ambassador judge "
                           "speaker chancellor king queen pope premier".split())
# "The billionaire businessman said": a definite description of one person names someone the reader
# knows (the article named them, if not yet as a source), never an anonymous source.
# ... as does "the director", "the woman": one person the story is about, though which one is left
# to the reader (so no one is picked for it: "the woman" after "Trump met a voter" is not Trump),
# unless the article brought in someone unnamed that way ("a woman in the crowd", "one woman", then
# "the woman").
DESCRIBED_PERSONS = frozenset("director woman man actress actor filmmaker author writer novelist singer comedian "
                              "founder owner columnist professor economist historian scientist researcher "
                              "journalist reporter editor pastor wife husband mother father daughter son doctor "
                              "physician surgeon coach player athlete entrepreneur investor producer".split())
IDENTIFYING_HEADS = UNIQUE_OFFICES | PERSON_EPITHETS | DESCRIBED_PERSONS
# Who speaks on the record for someone, named by whose they are ("his lawyer", "their attorneys").
REPRESENTATIVES = frozenset("lawyer lawyers attorney attorneys spokesman spokeswoman spokesperson".split())
# Kin a person has one of: "his wife", "her father" is someone a reader can identify, not an unnamed source.
ONE_OF_A_KIND = {"wife": "she", "husband": "he", "father": "he", "mother": "she"}
# Collectives that belong to a person ("her campaign", "the Trump team").
COLLECTIVES = frozenset("campaign team camp administration family foundation organization".split())

# Words that say a person is a he or a she: an honorific or a gendered role, and a reflexive
# pronoun right after the name ("Trump defended himself")
GENDERED_WORDS = {"mr": "he", "himself": "he", "congressman": "he", "spokesman": "he", "chairman": "he",
                  "businessman": "he", "actor": "he", "mrs": "she", "ms": "she", "miss": "she", "herself": "she",
                  "congresswoman": "she", "spokeswoman": "she", "chairwoman": "she", "businesswoman": "she",
                  "actress": "she"}
REFLEXIVES = frozenset({"himself", "herself"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss"})
# What an object of, not a subject, comes after ("Asked about Mr. Reyes, he said").
AFTER_PREPOSITION = frozenset("about of to for with by from at on in against than like".split())
# What someone issues in their own name ("said in a statement"), so that "the statement" is theirs,
# for this many sentences after
ISSUED = frozenset("statement statements".split())
ISSUED_REACH = 6
# "a Reuters survey of voter lists ... The study found": one study, named once and then by any of these
STUDY_NOUNS = frozenset("study survey analysis report review audit research investigation inquiry assessment".split())
# "according to the data": the figures of whoever was just credited with some
DATA_NOUNS = frozenset("data numbers statistics".split())
# Nouns that refer back to any organisation or outlet; the others must be in its name ("the committee"
# is the House Oversight Committee, not the last organisation mentioned).
GENERIC_NOUNS = OUTLET_NOUNS | frozenset("company firm corporation group organization organisation agency".split())


# Capitalised sentence openers that begin no full name ("Neither Clinton nor ...", "Only Trump ...").
NOT_FIRST_NAMES = frozenset("neither either nor only even not no every each just".split()) | THINGS_SAID


NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "the brothers", "the two candidates", "all three senators", "both men", "the two Democratic
# contenders", "each candidate": a set of people referred back to (officials, leaders and the like
# only when counted: "the leaders" alone could be anyone's)
_SET_MODIFIER = r"(?:\s+(?:(?-i:[A-Z])[\w.’'-]*|presidential|party|former|leading|top|rival|committee))"
NAMED_SET = re.compile(r"(?i)(?:(?:the|these|those|all|both)(?:\s+the)?(?:\s+(two|three|four|five|six))?" + _SET_MODIFIER
                       + r"{0,3}\s+(?:brothers|sisters|siblings|twins|couple|pair|candidates|nominees|contenders|rivals|chairmen|writers|authors|"
                       r"men|women)|(?:both|(?:the|all)\s+(two|three|four|five|six))" + _SET_MODIFIER
                       + r"{0,3}\s+(?:leaders|senators|lawmakers|governors|presidents|officials|ministers)"
                       r"|each" + _SET_MODIFIER + r"{0,3}\s+(?:candidate|nominee|contender|man|woman))")


def describes(definite: str, descriptor: str) -> bool:
    """Whether "the official" or "the senior official" names again "a senior administration official"
    (or "the source" one of "sources within the ministry"): each of its words is in the earlier
    description; "the band leader" is not one of "European leaders"."""
    words = {w.rstrip("s") for w in normalise(definite).split("-") if w not in DETERMINERS}
    return bool(words) and words <= {w.rstrip("s") for w in normalise(descriptor).split("-")}


def institution_office(m: Mention) -> bool:
    """"the Senate minority leader", "the House speaker": an office of a named institution has one
    holder a reader can identify ("the White House official", "the Republican strategist" are one of
    many: unnamed)."""
    words = m.span.text.split()
    return len(words) >= 3 and words[1][:1].isupper() and m.head in INSTITUTION_OFFICES \
        and not words[-1][:1].isupper()


INSTITUTION_OFFICES = UNIQUE_OFFICES | frozenset("leader secretary minister director administrator commissioner".split())


def own_role(role: str | None) -> str:
    """The part of a role that is its holder's own, lower case: "spokeswoman" of "spokeswoman for Gov.
    Tom Hale" (the governorship is her boss's)."""
    return re.split(r"\s(?:for|to|of|at|with)\s", (role or "").lower(), maxsplit=1)[0]


def holds(role: str | None, office: str, former: bool = False) -> bool:
    """"Sen." and "U.S. Senator" hold "senator"; "Gov." holds "governor". Only the role's own words
    count ("a spokeswoman for Gov. Tom Hale" holds no governorship), and a former holder only when
    `former` (the description itself says "the former governor")."""
    words = own_role(role).split()
    if words and words[0] in ("former", "ex", "onetime", "one-time", "erstwhile") and not former:
        return False
    return any(w.startswith(office) for w in words) or OFFICE_ABBREVIATIONS.get(office, "") in words


OFFICE_ABBREVIATIONS = {"senator": "sen.", "governor": "gov.", "congressman": "rep.", "congresswoman": "rep.",
                        "president": "pres.", "secretary": "sec.", "admiral": "adm.", "general": "gen.",
                        "colonel": "col.", "lieutenant": "lt.", "sergeant": "sgt.", "captain": "capt.",
                        "commissioner": "comm.", "attorney": "atty.", "superintendent": "supt."}
