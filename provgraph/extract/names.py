"""Names in a source phrase: which capitalised words are a name, where the name ends, the role
written before it, and where an affiliation ("of the Ministry of Defense") begins; and names as
running text gives them (the name a sentence opens with, an acronym spelled out in brackets, a
possessive), which sourcebook.py reads to refer back.

Why a module of its own: these readings are shared by sources.py (what a phrase names) and
sourcebook.py (who it refers back to), and are the part of a source phrase a reader checks first.
"""

from __future__ import annotations

import re
from functools import cache

from provgraph.extract import lexicon
from provgraph.extract.tokens import Token, is_initials

PERSONAL_PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "him": "he", "her": "she", "them": "they",
                     "i": "i", "we": "we", "you": "you"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}
DETERMINERS = frozenset(
    "a an the one two three four five six seven eight nine ten several some many few other another "
    "multiple numerous various most all both these those this that".split()
)
# "Some say", "Many believe", "Others argued": a sentence-initial quantifier is not a name.
QUANTIFIERS = frozenset("some many most others other all both few several another each every any none more such".split())
# Where a head ends and its affiliation begins ("sources within the ministry", "a professor at X").
# What says an unnamed source is in a position to know: "people familiar with", "officials briefed on"
INSIDER_WORDS = frozenset("close familiar briefed knowledgeable".split())
SPLIT_PREPOSITIONS = frozenset("of from at within with in on for inside".split()) | INSIDER_WORDS
# Lower-case words inside a role written before a name ("Chief of the General Staff").
ROLE_CONNECTORS = frozenset("of the for and on to in at".split())
# "May", "April", "June" and "August" are first names or surnames as often as months: left out.
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                     "july september october november december".split())
STATE_ABBREVIATIONS = frozenset("ala ariz ark calif colo conn fla ill kan ky md mass mich minn mont neb nev okla "
                                "tenn tex va vt wis wyo".split())


def known_word(word: str) -> bool:
    """A capitalised word that is really a common word of one of the lexicons."""
    w = word.lower()
    return any(
        w in lexicon.words(name)
        for name in ("anonymous_nouns.txt", "document_nouns.txt", "titles.txt", "outlet_words.txt", "source_heads.txt")
    ) or w in DETERMINERS or w in PERSONAL_PRONOUNS or w in POSSESSIVES or w in QUANTIFIERS


def is_title(word: str) -> bool:
    """A title or honorific, with or without its stop ("Sen", "Sen.", "Mr", "President")."""
    low = word.lower()
    return low in lexicon.words("titles.txt") or low.rstrip(".") in lexicon.words("titles.txt") \
        or low + "." in lexicon.words("titles.txt")


def is_name_token(tok: Token, first: bool) -> bool:
    """A capitalised word that can be part of a name: no title, demonym, day or state, nor (first
    in the phrase) a common word capitalised because it opens the sentence."""
    if not tok.is_cap or not tok.is_word:
        return False
    low = tok.lower.rstrip(".")
    if tok.text == "I":
        return False  # "the experts I spoke to": the writer, no one's name
    if low in lexicon.words("titles.txt") or "-" in low and all(p in lexicon.words("titles.txt") for p in low.split("-")) \
            or tok.text in lexicon.words("demonyms.txt", lower=False) \
            or low in CALENDAR or low in STATE_ABBREVIATIONS:
        return False  # "her listeners of Tuesday", "of Dover, Md.": a day or a state is no one's name
    if first and (known_word(tok.text) or low in SENTENCE_OPENERS):
        return False  # "On Wednesday, ...", "In March", "Maybe Trump said": a word opening the sentence
    return True


# What follows an opening participle ("Following a shooting", "Speaking at", "Asked about"), never a surname
OPENING_OBJECTS = frozenset("a an the his her their its this that about at to in on by for with from".split())


def title_as_surname(tokens: list[Token], i: int) -> bool:
    """"Mr. Bishop", "Sen. King", "Anna King said": a capitalised title word after an abbreviated
    title, or ending the phrase after a name, is a surname (titles come before names)."""
    if not tokens[i].is_cap or i == 0:
        return False
    if tokens[i - 1].text == ".":
        return i >= 2 and tokens[i - 2].lower + "." in lexicon.words("titles.txt")
    return i == len(tokens) - 1 and tokens[i].lower in lexicon.words("titles.txt") \
        and is_name_token(tokens[i - 1], i == 1) and tokens[i - 1].lower not in lexicon.words("organization_words.txt")


def span_text(tokens: list[Token], article: str) -> str:
    return article[tokens[0].start:tokens[-1].end] if tokens else ""


def plural_title(word: str) -> bool:
    """Several holders of a title ("attorneys for the family"), a phrase split like "officials of"."""
    return word.endswith("s") and word[:-1] in lexicon.words("titles.txt") and word not in lexicon.words("titles.txt")


def split_affiliation(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split "X of/within/from Y" into head X and affiliation Y, unless X is only a role ("Chief of
    ..."); a document "to Y" is X alone."""
    for i, t in enumerate(tokens):
        if i == 0:
            continue
        if t.lower == "to" and tokens[i - 1].lower in lexicon.words("document_nouns.txt"):
            # "her letter to the board", "his submission to the court": whom a document is sent to
            # is neither its author nor whom it speaks for ("Ambassador to the UN X" stays one name)
            return tokens[:i], []
        if t.lower not in SPLIT_PREPOSITIONS:
            continue
        head = tokens[:i]
        rest = tokens[i + 1:]
        if t.lower in INSIDER_WORDS and rest and rest[0].lower in ("to", "with", "on", "about"):
            rest = rest[1:]  # "people familiar with the talks", "officials briefed on the inquiry"
        if one_name(head, rest) or office_of(head, rest):
            continue
        has_name = name_run(head) is not None
        has_noun = head[-1].lower in lexicon.words("anonymous_nouns.txt") | lexicon.words("document_nouns.txt") \
            or head[0].lower in ("a", "an") and head[-1].lower in lexicon.words("titles.txt") \
            or plural_title(head[-1].lower)
        # "a professor at X", "lawyers for Mr. Scott" (not "Secretary of State John Kerry")
        if has_name or has_noun:
            return head, rest
    return tokens, []


def one_name(head: list[Token], rest: list[Token]) -> bool:
    """"the Ministry of Defense", "the Committee for a Responsible Federal Budget": a capitalised
    organisation word and a capitalised complement are one name, not an organisation and its
    affiliation."""
    core = [t for t in head if t.lower not in DETERMINERS]
    k = len(core)
    while k > 0 and core[k - 1].is_cap:
        k -= 1
    core = core[k:]  # the name the phrase ends with: "a professor at Harbour State University School (of Law)"
    tail = rest[1:] if rest and rest[0].lower in ("a", "an", "the") else rest
    return bool(core and tail) and all(t.is_cap for t in core) \
        and core[-1].lower in lexicon.words("organization_words.txt") and tail[0].is_cap \
        and all(t.is_cap or t.lower in NAME_CONNECTORS or t.text == "&" for t in tail)


def office_of(head: list[Token], rest: list[Token]) -> bool:
    """"Ohio Secretary of State Dana Hale", "Chairman of the Harbour Board Tom Reyes": a capitalised
    title, its "of" complement and the holder's name are one phrase, not a name and its affiliation."""
    return bool(rest) and head[-1].is_cap and head[-1].lower in lexicon.words("titles.txt") \
        and all(t.is_cap or t.lower in NAME_CONNECTORS for t in rest) and sum(t.is_cap for t in rest) >= 3


# Lower-case particles inside a person's or a paper's name ("de Gaulle", "von der Leyen", "bin Laden").
NAME_PARTICLES = frozenset("de da das do dos du del della der den van von bin ibn al el la le di ter".split())
# Lower-case words inside an organisation's name ("Office of the President").
NAME_CONNECTORS = frozenset("of the for a and on".split())


def name_run(tokens: list[Token]) -> list[Token] | None:
    """The run of capitalised tokens that ends the phrase and is not titles, demonyms or common
    words. A phrase ending in a common noun ("Shop owners", "White House officials") has none.
    A generational suffix ends the name without being it ("Martin Luther King Jr.")."""
    at = len(tokens) - (2 if len(tokens) > 2 and tokens[-1].text == "." else 1)
    if at > 0 and tokens[at].text in GENERATIONS:
        run = _name_run(tokens[:at])
        return run + tokens[at:] if run else None
    return _name_run(tokens)


GENERATIONS = frozenset("Jr Sr Jr. Sr. II III IV".split())
# Given names that are also words of the lexicons (a bill, a page, a guy): before a lone surname,
# a given name. Read as the document or title, "Bill Clinton" was "Clinton", whom a later
# "Hillary Clinton" then took over, her husband's words with her.
GIVEN_NAMES = frozenset("Bill Page Guy".split())


def name_head(name: list[Token]) -> str:
    """The lower-case word a name is known by: its last, before any generational suffix ("casey" of
    "Bob Casey Jr.", "survey" of "U.S. Geological Survey")."""
    words = [t for t in name if t.text not in GENERATIONS and t.text != "."]
    return (words or name)[-1].lower


def _name_run(tokens: list[Token]) -> list[Token] | None:
    if tokens and not tokens[-1].is_cap and tokens[-1].is_word:
        return None
    run: list[Token] = []
    org_words = lexicon.words("organization_words.txt")
    i = len(tokens) - 1
    while i >= 0:
        t = tokens[i]
        if t.text in ("’s", "'s", "-", "&") and run:
            run.insert(0, t)
            i -= 1
            continue
        if is_name_token(t, first=(i == 0)) or title_as_surname(tokens, i) \
                or (run and t.is_cap and t.is_word and i > 0 and tokens[i - 1].lower in NAME_CONNECTORS) \
                or (run and t.text == "." and i > 0 and is_initials(tokens[i - 1].text)):
            run.insert(0, t)
            i -= 1
            continue
        if len(run) == 1 and t.text in GIVEN_NAMES and run[0].is_word:
            run.insert(0, t)  # "Bill Clinton", "Guy Cecil": a given name, not a document or a noun
            break
        j = i
        while run and j > 0 and tokens[j].text in NAME_PARTICLES:
            j -= 1
        if j < i and is_name_token(tokens[j], j == 0):
            run[:0] = tokens[j:i + 1]  # "Charles de Gaulle", "Ursula von der Leyen", "Correio da Manhã"
            i = j - 1
            continue
        j = i
        while j >= 0 and tokens[j].lower in NAME_CONNECTORS:
            j -= 1
        if run and j < i and j >= 0 and is_name_token(tokens[j], j == 0) \
                and not (tokens[j].lower in org_words and any(t.lower == "and" for t in tokens[j + 1:i + 1])) \
                and (tokens[j].lower in org_words or any(w.lower in org_words for w in run)
                     or organisation_before(tokens, j, org_words)):
            run[:0] = tokens[j + 1:i + 1]  # "Ministry of Defense", "Committee for a Responsible Federal Budget"
            i = j
            continue
        if run:
            break
        i -= 1
    while run and not run[0].is_word:
        run.pop(0)
    return run or None


def and_inside_name(tokens: list[Token], k: int, end: int | None = None) -> bool:
    """Is the "and" at tokens[k] part of an organisation's name ("the Securities and Exchange
    Commission", "Department of Health and Human Services")? One capitalised word after "the" or
    "of" on its left, not itself an organisation word ("Harvard University and Yale University" are
    two), and capitalised words on its right that end at an organisation word which ends the name
    ("State Department officials" are people)."""
    end = len(tokens) if end is None else end
    if not (1 < k < end - 1 and tokens[k].lower in ("and", "&") and tokens[k - 1].is_cap and tokens[k + 1].is_cap):
        return False
    org_words = lexicon.words("organization_words.txt")
    if tokens[k - 1].lower in org_words or tokens[k + 1].lower in org_words \
            or tokens[k - 2].lower not in ("the", "of", "for"):
        return False  # ("Mayor Ana Ruiz and Police Chief Tom Lee", "Obama and State Department officials": two)
    for i in range(k + 1, min(end, k + 6)):
        if tokens[i].is_cap and tokens[i].lower in org_words:
            after = tokens[i + 1].lower if i + 1 < end else ""
            return after not in lexicon.words("anonymous_nouns.txt") and after not in lexicon.words("source_heads.txt")
        if not (tokens[i].is_cap and tokens[i].is_word or tokens[i].lower in ("of", "for")):
            return False
    return False


def organisation_before(tokens: list[Token], j: int, org_words: frozenset[str]) -> bool:
    """"Institute for Ports and Public Works": the capitalised words and connectors up to `j` hold
    an organisation word, so the whole is one name."""
    while j >= 0 and (tokens[j].is_cap and tokens[j].is_word or tokens[j].lower in NAME_CONNECTORS):
        if tokens[j].is_cap and tokens[j].lower in org_words:
            return True
        j -= 1
    return False


def role_before(tokens: list[Token], name: list[Token], article: str) -> tuple[str | None, str | None, str | None]:
    """Role, nationality and affiliation written before a name ("Russian Chief of the General Staff")."""
    before = tokens[:tokens.index(name[0])]
    while before and before[0].lower in DETERMINERS:
        before = before[1:]
    nationality = None
    if before and before[0].text in lexicon.words("demonyms.txt", lower=False):
        nationality, before = before[0].text, before[1:]
    affiliation = None
    caps = [t for t in before if t.is_cap and t.lower.rstrip(".") not in lexicon.words("titles.txt")
            and t.lower not in ROLE_CONNECTORS]
    if caps and any(t.lower in lexicon.words("organization_words.txt") for t in caps) and \
            before and before[-1].lower in lexicon.words("titles.txt"):
        affiliation = span_text(caps, article)  # "White House press secretary X"
    role = span_text(before, article).strip(" ,") or None
    return role, nationality, affiliation


# "the company's chairman": whose, the phrase alone does not say
POSSESSIVE = re.compile(r"['’]s\b")


def named_owner(token: Token) -> bool:
    """"Ruiz’s", "Chad's": a capitalised possessive, someone named who owns what follows."""
    return token.is_cap and bool(POSSESSIVE.search(token.text))


def acronyms_spelled(tokens: list[Token]):
    """(acronym, full name) for each "Federal Bureau of Investigation (FBI)" in the sentence: the
    capitalised words before the brackets whose initials the acronym spells."""
    for k in range(1, len(tokens) - 2):
        acronym = tokens[k + 1].text
        if tokens[k].text != "(" or tokens[k + 2].text != ")" or not (2 <= len(acronym) <= 6 and acronym.isupper()
                                                                       and acronym.isalpha()):
            continue
        words, j = [], k - 1
        while j >= 0 and (tokens[j].is_cap and tokens[j].is_word or words and tokens[j].lower in NAME_CONNECTORS):
            words.insert(0, tokens[j])
            j -= 1
        caps = [t for t in words if t.is_cap]
        if len(caps) >= len(acronym) and "".join(t.text[0] for t in caps[-len(acronym):]) == acronym:
            yield acronym, " ".join(t.text for t in words[words.index(caps[-len(acronym)]):])


def is_acronym(label: str) -> bool:
    return 2 <= len(label) <= 6 and label.isalpha() and label.isupper()


def initials(label: str) -> str:
    """"Christian News Service" -> "CNS" (the capitalised words; "of", "the", "and" are skipped)."""
    return "".join(w[0] for w in label.split() if w[:1].isupper())


def opening_name(tokens: list[Token]) -> list[Token] | None:
    """The name a sentence opens with, as its subject ("Trump recently pitched ...", "Gov. Mike Pence
    said"): capitalised words, not common words, titles or organisations, then a lower-case word."""
    k = 1 if len(tokens) > 1 and tokens[0].lower in ("but", "and", "yet", "so") and tokens[1].is_cap else 0
    opened = k  # "But Mr. Comey painted ...": a coordinator, then the subject
    while k < len(tokens) and tokens[k].is_cap and is_title(tokens[k].text):
        k += 2 if k + 1 < len(tokens) and tokens[k + 1].text == "." else 1  # "Gov.", "Mr" "."
    run = []
    if k == opened and k < len(tokens) and tokens[k].lower in SENTENCE_OPENERS:
        return None  # "While Obama had ...": the sentence opens with a clause, not its subject
    if k == opened and k < len(tokens) and tokens[k].lower.endswith(("ing", "ed")) and (
            any(t.text == "," for t in tokens[1:6]) or tokens[1:2] and tokens[1].lower in OPENING_OBJECTS):
        return None  # "Holding signs, the protesters ...", "Following a mass shooting in ...": an opening participle
    while k < len(tokens) and tokens[k].is_word and is_name_token(tokens[k], first=(k == 0)) \
            and not POSSESSIVE.search(tokens[k].text):
        run.append(tokens[k])
        k += 1
    org = lexicon.words("organization_words.txt") | lexicon.words("outlet_words.txt")
    if not run or len(run) > 3 or any(t.lower in org for t in run) \
            or k >= len(tokens) or not tokens[k].is_word or tokens[k].is_cap:
        return None
    return run


SENTENCE_OPENERS = frozenset("but and or yet so however meanwhile still also then now when while after before if though "
                             "although because as in on at for with from by since during over under this that there "
                             "here it what who which where why how once despite unlike like later soon earlier "
                             "instead separately finally first next today yesterday tonight last until maybe perhaps afterwards afterward "
                             "even thus indeed only just well yes no".split())


def last_full_name(tokens: list[Token], before: int) -> str | None:
    """The last run of two or more capitalised words (not opening the sentence) before offset
    `before`: the person a possessive pronoun most likely refers to when no source does."""
    runs = [run for run in capitalised_runs(tokens) if run[-1].end <= before]
    return " ".join(t.text for t in runs[-1]) if runs else None


def capitalised_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs of two or more capitalised words, not counting the sentence's first word ("Senator Ana
    Lowe met Tom Reyes" -> "Ana Lowe", "Tom Reyes"): names, mostly."""
    runs, run = [], []
    for k, t in enumerate(tokens + [None]):
        if t is not None and k > 0 and t.is_word and t.is_cap and t.lower not in POSSESSIVES:
            run.append(t)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    return runs


def person_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs that can be a person's full name wherever they stand ("... at a rally with Tom Reyes in
    Ohio" -> "Tom Reyes", "Donald J. Trump"): two to four capitalised words or initials after any
    title, none a word of an organisation, outlet, place or date, the last not an initial."""
    if all(t.is_cap for t in tokens if t.is_word and len(t.text) > 3):
        return []  # a headline in title case ("Obama To Asians Worried About Trade"): every word is capitalised
    not_names = _not_in_names()
    runs, run = [], []
    for k, t in enumerate(tokens + [None]):
        if t is not None and (k > 0 or is_title(t.text)) and _continues_name(run, t):
            run.append(t)  # (the sentence's first word only if a title, "Sen. Ana Lowe": any word is capitalised there)
            continue
        if len(run) > 1:
            run = name_run(run) or []  # "U.N. Ambassador John Bolton": the name after the title
            words = [w for w in run if w.text != "."]
            if 2 <= len(words) <= 4 and not is_initials(words[-1].text) and words[0].lower not in DETERMINERS \
                    and not any(w.lower.rstrip(".") in not_names or w.text in not_names for w in words):
                runs.append(run)
        run = []
    return runs


def _continues_name(run: list[Token], t: Token) -> bool:
    """Can `t` go on the capitalised run `run`: a capitalised word (not a possessive), or within
    a run an initial ("Donald J. Trump") or the stop after an initial or a title ("Sen.")?"""
    if t.is_word and t.is_cap and not POSSESSIVE.search(t.text):
        return True
    return bool(run) and (is_initials(t.text) and t.text[0].isupper()
                          or t.text == "." and (is_initials(run[-1].text) or is_title(run[-1].text)))


@cache
def _not_in_names() -> frozenset[str]:
    """Words no person's name holds: an organisation's, an outlet's, a date's, a state's, a nationality."""
    return lexicon.words("organization_words.txt") | lexicon.words("outlet_words.txt") | CALENDAR \
        | STATE_ABBREVIATIONS | lexicon.words("demonyms.txt", lower=False) | EVENT_HEADS


# What names a storm, a camp or a mountain, not a person ("Hurricane Ruiz", "Fort Bragg")
EVENT_HEADS = frozenset("hurricane storm tropical typhoon cyclone camp fort mount lake river".split())


def possessor_name(tokens: list[Token], before: int) -> str | None:
    """The name the sentence gives a family by, before offset `before`: "Ana Ruiz's relatives ...,
    attorneys for the family said" (not whoever the sentence opens with: "Officer Cole shot Jamal
    Reed, attorneys for the family said" names no family)."""
    run: list[Token] = []
    for k, t in enumerate(tokens):
        if t.end > before:
            break
        if t.is_word and is_name_token(t, first=k == 0) and t.lower not in POSSESSIVES:
            run.append(t)
            if POSSESSIVE.search(t.text):
                return " ".join(POSSESSIVE.sub("", x.text) for x in run)
        else:
            run = []
    return None


def first_name(tokens: list[Token], before: int) -> str | None:
    """The first name in the sentence before offset `before`, its possessive dropped."""
    run: list[str] = []
    for k, t in enumerate(tokens):
        if t.end > before:
            break
        if t.is_word and is_name_token(t, first=k == 0) and t.lower not in POSSESSIVES:
            run.append(POSSESSIVE.sub("", t.text))
            if POSSESSIVE.search(t.text):
                break
        elif run:
            break
    return " ".join(run) or None


def surname_match(a: str, b: str) -> bool:
    """"gerasimov" refers to "valery-gerasimov" (one side is the other's last name)."""
    pa, pb = without_suffix(a.split("-")), without_suffix(b.split("-"))
    return (len(pa) == 1 and pa[0] == pb[-1]) or (len(pb) == 1 and pb[0] == pa[-1])


def without_suffix(parts: list[str]) -> list[str]:
    """A slugged name without its generational suffix ("bob-casey-jr" -> "bob-casey")."""
    return parts[:-1] if len(parts) > 2 and parts[-1] in _SLUGGED_GENERATIONS else parts


_SLUGGED_GENERATIONS = frozenset(g.rstrip(".").lower() for g in GENERATIONS)
