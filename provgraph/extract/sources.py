"""Source mentions: what kind of source a noun phrase names (who it refers back to: sourcebook.py).

"Ukrainian journalist Vladimir Boyko" -> person, role journalist, nationality Ukrainian.
"sources within the Ministry of Defense" -> anonymous, affiliation Ministry of Defense.
"Russian news agency RIA" -> outlet RIA.  "he", "the source" -> pronoun, definite: resolved by `sourcebook.SourceBook`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from provgraph.extract import lexicon
from provgraph.extract.clauses import finite
from provgraph.extract.names import (
    DETERMINERS, INSIDER_WORDS, PERSONAL_PRONOUNS, POSSESSIVE, POSSESSIVES, QUANTIFIERS, SPLIT_PREPOSITIONS,
    is_name_token, is_title, name_run, plural_title, role_before, span_text, split_affiliation, name_head, named_owner,
)
from provgraph.extract.mention import Mention
from provgraph.extract.offices import FORMER, OFFICES, PARTY_WORDS, place_office, titled_office
from provgraph.extract.outlets import canonical_outlet, outlet_name
from provgraph.extract.phrases import one_holder
from provgraph.extract.tokens import Token, is_initials
from provgraph.model import Span

# Words that make "Republicans" some unnamed Republicans: "many", "several", "two", "dozens of"
SOME_OF = QUANTIFIERS - frozenset("all both each every any none such another more".split()) \
    | frozenset("numerous various dozens hundreds thousands millions scores two three four five six seven eight nine "
                "ten".split())
# Singular nouns that name one person by what they are ("the businessman", "the front-runner"): a
# source, the one just named (sourcebook), though too rare in PolNeAR to be mined as source heads
PERSON_EPITHETS = frozenset("businessman businesswoman billionaire mogul developer candidate nominee star host "
                            "politician year-old front-runner frontrunner".split())
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen".split())
# Pronouns that head an unnamed source when "close to" or "familiar with" follows.
INSIDERS = frozenset("those someone anyone others one".split())


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lowercase slug of a name: the basis of deterministic source keys and IRIs. Letters of every
    script are kept ("Сергей Шойгу" -> "сергей-шойгу"; dropping them made distinct names one source),
    and only Latin accents fold ("José" and "Jose" are one name)."""
    name = name.replace("’", "'").replace("'s", "")
    chars: list[str] = []
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch) and chars and chars[-1].isascii():
            continue
        chars.append(ch)
    slug = unicodedata.normalize("NFKC", "".join(chars)).casefold()
    return re.sub(r"[\W_]+", "-", slug).strip("-")


# A cue form this reliable ("said" .92, "told" .84) ends a source phrase: it is the verb after it.
RELIABLE_CUE = 0.7
# Quantifiers that refer back to sources already named ("Trump and Clinton ... each said").
REFERRING_QUANTIFIERS = frozenset("each both either neither".split())
COORDINATORS = frozenset("and but yet so or nor both either neither".split())
SUBORDINATORS = frozenset("though although while if because when whereas unless".split())


def _person_word(word: str) -> bool:
    """A title or a word for a person ("dean", "marshal"), not a document, group or outlet noun."""
    if word in lexicon.words("titles.txt"):
        return True
    return word in lexicon.words("source_heads.txt") and not any(
        word in lexicon.words(name) for name in ("document_nouns.txt", "organization_words.txt", "outlet_words.txt",
                                                 "anonymous_nouns.txt"))


def parse_mention(tokens: list[Token], article: str, anonymous_context: bool = False) -> Mention | None:
    """Parse the tokens of a source noun phrase; None when they do not name a plausible source."""
    if "(" in [t.text for t in tokens[1:]]:  # "Mike Pence (R-Ind.)": the tag is not part of the name
        tokens = tokens[:[t.text for t in tokens].index("(", 1)]
    tokens = [t for t in tokens if t.text not in "()[]“”\"‘"]
    det = next((k for k, t in enumerate(tokens[:4]) if t.lower in ("the", "a", "an")), 0)
    if det and all(t.text.isdigit() or t.lower in LEADING_WORDS for t in tokens[:det]):
        tokens = tokens[det:]  # "in 2004 the state": the phrase begins at its determiner
    while len(tokens) > 1 and tokens[0].lower in LEADING_ADVERBS | THINGS_SAID:
        # "Afterwards both men (said)", "Meanwhile officials (said)": when, not who; "Everything Trump
        # (says)", "Nothing the president (said)": the thing said, then who said it
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0].lower in COORDINATORS and (tokens[0].lower in ("and", "but", "yet", "so", "or")
                                                                or tokens[1].is_cap):
        tokens = tokens[1:]  # "But Ms. Lowe (said)", "Both Ms. Lowe (and Mr. Adair)"; not "Both candidates"
    if all(t.lower in ("a", "an", "the") or not t.is_word for t in tokens):
        return None  # "a (friendly warning)": an article names no one
    cue = next((k for k, t in enumerate(tokens) if k > 0 and not t.is_cap and lexicon.cue_ratio(t.lower) >= RELIABLE_CUE
                and t.lower not in INSIDER_WORDS), None)  # lower case: "Edward Said" is a name; "people briefed on"
    if cue is not None:  # "she said, referencing ...": the source of the second cue is the first's
        tokens = tokens[:cue]
    verb = next((k for k, t in enumerate(tokens) if t.is_word and not t.is_cap), None)
    if verb and finite(tokens[verb].text, tokens[verb - 1].text) and tokens[0].lower not in QUANTIFIERS | DETERMINERS \
            and tokens[verb].lower not in INSIDER_WORDS \
            and all((t.is_cap or not t.is_word) and t.text != "I" for t in tokens[:verb]) \
            and not POSSESSIVE.search(tokens[verb - 1].text) and article[tokens[-1].end:].lstrip()[:1] not in ".?!":
        # "Ana Ruiz held up a sign (saying)": the name is the source, not what she did (but in
        # "..., said Brandt phoned the mayor." Brandt's clause ends the sentence: no source at all)
        tokens = tokens[:verb]
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma is not None and comma >= 2 and all(t.is_cap or t.text == "." for t in tokens[:comma]) \
            and not all(t.text.isupper() for t in tokens[:comma] if t.is_word) \
            and not any(a.text == "," and b.lower == "and" for a, b in zip(tokens[comma:], tokens[comma + 1:])) \
            and comma + 1 < len(tokens) and (not tokens[comma + 1].is_cap or tokens[comma + 1].lower in PARTY_MEMBERS) \
            and (named := parse_mention(tokens[:comma], article, anonymous_context)) is not None \
            and named.kind == "person" and not named.anonymous:
        # "Ryan Leenders, 30, a member of the union": the name, then who he is (the phrase is the source's;
        # not "Ana Ruiz, 30, and her husband, ...", two people, nor a heading in capitals, nor "Des Moines,
        # Iowa, police chief Dana Wright": a place, then its state; "Kirsten Gillibrand, Democrat of New
        # York" is her, not an unnamed Democrat)
        role, affiliation = appositive_role(tokens[comma:], article)
        return replace(named, span=Span(tokens[0].start, tokens[-1].end, span_text(tokens, article)),
                       role=named.role or role, affiliation=named.affiliation or affiliation)
    relative = next((k for k, t in enumerate(tokens) if k > 0 and t.lower in ("who", "whom")), None)
    if relative is not None:  # "people who read them": the head is before the relative clause
        if tokens[relative - 1].lower == "of" or tokens[0].text == ",":
            return None  # "many of whom", "(Brandt), who": the antecedent is outside the phrase
        if tokens[relative - 1].text == ",":  # "Ana Ruiz, who heads the institute": the name before it
            head = parse_mention(tokens[:relative - 1], article, anonymous_context)
            return head if head is not None and head.kind in ("person", "organization", "outlet") else None
        head = parse_mention(tokens[:relative], article, anonymous_context)
        if head is None or head.kind == "pronoun":
            return None
        whole = Span(tokens[0].start, tokens[-1].end, span_text(tokens, article))
        return replace(head, span=whole, descriptor=whole.text if head.anonymous else head.descriptor)
    if tokens and tokens[0].lower in SUBORDINATORS:
        return None  # "This statement, though brief, hints at": a clause, not a source
    if tokens and tokens[0].lower in ("to", "by", "for", "with", "into", "onto", "about", "against", "without",
                                      "despite", "through", "under", "among", "from") \
            and not (tokens[0].lower == "about" and len(tokens) > 1 and tokens[1].text[:1].isdigit()):
        return None  # "(called) to service by the governor": a prepositional phrase, not a source ("About 9
        # percent said" is a share)
    if len(tokens) == 1 and tokens[0].lower in REFERRING_QUANTIFIERS:
        return None  # "each said", "both argued": the sources are named elsewhere, not here
    if len(tokens) > 1 and (tokens[0].text in OBJECT_PRONOUNS or tokens[-1].lower in ("a", "an", "the")):
        return None  # "(calling) him a ('stiff')": the cue's object, not a source
    if not tokens or tokens[-1].lower.endswith(("’s", "'s")):
        return None  # "Editor’s (note)", "Trump’s": a possessive modifies the head, it is not the source
    if tokens[-1].lower in SPEECH_PRODUCTS and len(tokens) <= 4:
        return _speaker_of(tokens, article)
    if len(tokens) > 2 and tokens[0].text[:1].isdigit() and tokens[1].lower in ("million", "billion", "trillion"):
        tokens = tokens[2:]  # "the $30 million analysts say it costs": the amount is not part of the source
    while len(tokens) > 1 and tokens[-1].lower in TRAILING_ADVERBS:
        tokens = tokens[:-1]  # "He then (defended)": the adverb is not part of the source
    if len(tokens) > 2 and tokens[-1].lower in TRAILING_PARTICIPLES:
        tokens = tokens[:-1]  # "the poll released (on Thursday showed)": the participle describes it
    cut = _participle_after_document(tokens)
    by = next((k for k in range(cut or len(tokens), len(tokens)) if tokens[k].lower == "by"), None)
    agent = parse_mention(tokens[by + 1:], article) if cut is not None and by is not None else None
    if cut is not None and (agent is None or agent.anonymous):
        # "a Gazette poll released Sunday": when is not who; "a study released by a group of
        # researchers" is the study's (its authors unnamed); "released by the Harbour Authority" is theirs
        tokens = tokens[:cut]
    elif cut is not None and agent.kind in ("organization", "outlet"):
        # "a report released Tuesday by the Harbour Authority", "the average of recent polls compiled by
        # the Times": whoever put it out, named (not "Edison Research", which may be a person's name)
        return replace(agent, span=Span(tokens[0].start, tokens[-1].end, span_text(tokens, article)))
    span = Span(tokens[0].start, tokens[-1].end, span_text(tokens, article))
    words = [t.lower for t in tokens]
    if len(words) == 2 and words[0] == "the" and AGE.fullmatch(words[1]):
        # "said the 46-year-old": the person the article has just named, described by age
        return Mention(span, "definite", span.text, "year-old", anonymous=True, descriptor=span.text)
    if PROPORTION.match(span.text) or words[-1] in RESPONDENTS:
        # "40 percent of respondents said", "two in three said": a poll's answers, not people speaking
        return Mention(span, "respondents", span.text, "respondents", anonymous=True, descriptor=span.text)
    if any(a == "this" and b in ("article", "story", "column", "page") for a, b in zip(words, words[1:])):
        return None  # "An earlier version of this article misstated": the article itself, no source in it
    if words == ["who"] or words == ["whom"]:
        return None  # the relative pronoun stands for a noun before it (the WHO is upper case)
    if _strip_det(span.text).lower() in lexicon.words("countries.txt"):
        return Mention(span, "organization", _strip_det(span.text), words[-1])  # "Mexico said": its government
    if JURISDICTION.match(span.text):  # "the city of Phoenix", "the government of Mexico": the place's government
        return Mention(span, "organization", _strip_det(span.text), words[1 if words[0] == "the" else 0],
                       affiliation=_strip_det(_strip_det(span.text).split(" of ", 1)[1]))
    if words[0] == "no" and len(tokens) > 1:
        return None  # "No country has shared a plan": no one, not an unnamed source
    if words[-1] in UNIVERSAL and len(tokens) <= 2:
        return None  # "(not) everyone finds it compelling": nobody in particular says anything
    if len(tokens) == 1 and tokens[0].is_cap and not words[0].endswith("s") and words[0] not in NOT_SURNAMES \
            and words[0] not in QUANTIFIERS and words[0] not in DETERMINERS and _person_word(words[0]) \
            and is_name_token(tokens[0], first=False):
        # "Dean said", "King told reporters": a singular noun alone, without "the", is someone's surname
        return Mention(span, "person", tokens[0].text, words[0])
    if len(tokens) == 1 and words[0] in PERSONAL_PRONOUNS:
        return Mention(span, "pronoun", tokens[0].text, PERSONAL_PRONOUNS[words[0]])

    if words[0] in INSIDERS and words[1:3] in (["close", "to"], ["familiar", "with"]) and len(words) > 3:
        # "those close to him", "someone familiar with the talks": the classic unnamed source
        whose = None if words[3:] in (["him"], ["her"], ["them"]) else _strip_det(span_text(tokens[3:], article))
        return Mention(span, "anonymous", span.text, words[0], anonymous=True, descriptor=span.text, affiliation=whose)
    head_part, affil_part = split_affiliation(tokens)
    if len(head_part) == 1 and head_part[0].lower in SOME_OF and affil_part and tokens[1].lower == "of":
        # "Dozens of members of his party", "Hundreds of protesters": some of them, unnamed (no one
        # called Dozens)
        members = parse_mention(tuple(affil_part), article, anonymous_context)
        if members is None or members.kind == "pronoun":
            return None
        return Mention(span, "document" if members.kind == "document" else "anonymous", span.text, members.head,
                       anonymous=True, descriptor=span.text,
                       affiliation=members.label if not members.anonymous else members.affiliation)
    prep = next((k for k, t in enumerate(head_part) if k > 0 and t.lower in SPLIT_PREPOSITIONS), None)
    if prep is not None and not head_part[prep - 1].is_cap and (not _source_word(head_part[prep - 1].lower)
                                                                 or head_part[prep - 1].lower in ("news", "coverage")):
        return None  # "the passage of the Affordable Care Act", "news from Norway": the head is not a source
    affiliation = _strip_det(span_text(affil_part, article)) or None
    if (office := place_office(head_part, article) or titled_office(list(tokens), article)) is not None:
        return office
    if head_part[-1].lower in SPOKESPEOPLE | JOURNALISTS and not anonymous_context \
            and not any(t.lower in FORMER for t in head_part):
        # "a spokeswoman for Harlow", "a State Department spokesman": the named party's official
        # voice, on the record though unnamed (not a former one, nor one granted anonymity)
        k = len(head_part) - 1
        while k > 0 and (head_part[k - 1].is_cap and head_part[k - 1].lower not in DETERMINERS
                         or head_part[k - 1].text in ("’s", "'s", "&")):
            k -= 1
        if k > 0 and head_part[k - 1].lower in DETERMINERS:
            k -= 1  # "A State Department spokesman": the article keeps "State" from reading as a sentence opener
        party_words = affil_part or head_part[k:-1]
        party = parse_mention(tuple(party_words), article) if party_words and party_words[-1].is_cap else None
        journalist = head_part[-1].lower in JOURNALISTS
        if party is not None and not party.anonymous and (party.kind == "outlet" if journalist else
                                                          party.kind in ("person", "organization", "outlet")):
            return Mention(span, party.kind, party.label, party.head, nationality=party.nationality)
    # "the Dover Gazette/WKRT poll": a poll, whoever ran it
    outlet = outlet_name(head_part, article) if head_part[-1].lower not in POLL_NOUNS else None
    if outlet:
        role = role_before(head_part, outlet, article)
        return Mention(span, "outlet", canonical_outlet(span_text(outlet, article)), outlet[-1].lower, role=role[0],
                       nationality=role[1], affiliation=affiliation)

    name = name_run(head_part)
    if name and len(name) == 1 and _is_group(name[0]):
        if any(t.lower in SOME_OF or t.text.isdigit() for t in head_part[:head_part.index(name[0])]):
            # "Many prominent Republicans", "two Democrats": some members, unnamed, not the party
            described = _strip_det(span_text(head_part, article))
            return Mention(span, "anonymous", described, name[0].lower, anonymous=True, descriptor=described,
                           affiliation=affiliation)
        # "Democrats", "Republicans on the committee", "Ukrainians": a named group, never one person
        return Mention(span, "organization", name[0].text, name[0].lower, affiliation=affiliation)
    if name:
        before = head_part[:head_part.index(name[0])]
        if len(before) >= 2 and before[-1].lower in ("and", "&") and before[-2].is_cap \
                and all(t.is_cap or t.lower in DETERMINERS for t in before[:-1]):
            # "the Urban Institute and Brookings Institution": the phrase names two; this is the second
            # (scope.coordinated credits the first), not someone whose role is "Urban Institute and"
            head_part, span = name, Span(name[0].start, name[-1].end, span_text(name, article))
        at = next((k for k, t in enumerate(name[:-1]) if POSSESSIVE.search(t.text)), None)
        if at is not None and not any(t.lower in lexicon.words("organization_words.txt") for t in name[at + 1:]):
            # "the Post's Stephanie McCrummen": the outlet's reporter; "Pagliano's Fifth Amendment
            # (claims)": a thing of someone's, no source
            owner = POSSESSIVE.sub("", span_text(name[:at + 1], article))
            rest = name[at + 1:]
            if len(rest) < 2 or any(t.lower in THINGS or ORDINAL.fullmatch(t.lower) for t in rest):
                return None
            name, affiliation = rest, affiliation or owner  # "Google's Sundar Pichai": Pichai, of Google
            span = Span(name[0].start, name[-1].end, span_text(name, article))
        if len(name) >= 2 and name[-1].lower in ("poll", "polls"):
            label = span_text(name, article)  # "the USA TODAY/Suffolk University Poll": the poll, by its name
            return Mention(span, "document", label, name[-1].lower, affiliation=affiliation)
        org_at = [k for k, t in enumerate(name) if t.lower in lexicon.words("organization_words.txt")]
        if org_at and org_at[-1] < len(name) - 1 and all(t.is_cap or t.text == "." for t in name[org_at[-1] + 1:]):
            name = name[org_at[-1] + 1:]  # "... of the General Staff Valery Gerasimov": the person
        label = span_text(name, article)
        name_words = {t.lower for t in name}
        if words[-1] in lexicon.words("outlet_words.txt") and len(head_part) > len(name):
            return Mention(span, "outlet", label, name_head(name), affiliation=affiliation)
        role, nationality, role_affil = role_before(head_part, name, article)
        org_words = lexicon.words("organization_words.txt")
        if name_words & org_words or (len(name) == 1 and name[0].lower in org_words):
            org_label = _strip_det(span_text(head_part[head_part.index(name[0]) if role is None else 0:], article))
            return Mention(span, "organization", _strip_det(label if role else org_label), name_head(name),
                           affiliation=affiliation, nationality=nationality)
        if len(name) == 1 and name[0].lower in GROUP_WORDS and not name_words & org_words:
            # "one senior Democrat", "a Republican on the committee": a member, unnamed ("the Democrat"
            # is someone whose role says so, or no one: a party word alone does not say who)
            described = _strip_det(span.text)
            return Mention(span, "definite" if words[0] == "the" else "anonymous", described, name[0].lower,
                           anonymous=True, descriptor=described, affiliation=affiliation)
        office = role.split() if role else []
        if len(office) >= 2 and office[-1].lower() in ("of", "from") and office[-2].lower() in OFFICES \
                and len(name) <= 2 and name[-1] is head_part[-1]:
            # "Senator from Texas", "the governor of Ohio": an office holder described by the place
            # (someone a reader can identify, kept to the article), not a person named "Texas"
            described = _strip_det(span.text)
            return Mention(span, "person", described, office[-2].lower(), role=_strip_det(" ".join(office[:-1])),
                           affiliation=label, descriptor=described)
        while len(office) >= 2 and (is_title(office[-1]) or office[-1].lower() in QUANTIFIERS | DETERMINERS):
            office = office[:-1]  # "an aide to Senator Ana Ruiz", "an adviser to both Clintons"
        if len(office) >= 2 and office[-1].lower() in ("of", "to") and len(name) <= 2 and name[-1] is head_part[-1]:
            # "the wife of Tom Hanks", "supporters of Clinton", "a longtime adviser to Bill Clinton":
            # someone else, known by a tie to the name (a spokesman "for" the name speaks for them)
            described = _strip_det(span.text)
            return Mention(span, "definite" if words[0] == "the" else "anonymous", described, office[-2].lower(),
                           anonymous=True, descriptor=described, affiliation=label)
        if _named_thing(head_part, name):
            return Mention(span, "organization", label, name_head(name), affiliation=affiliation)
        return Mention(span, "person", label, name_head(name), role=role, nationality=nationality,
                       affiliation=affiliation or role_affil)

    head = words[len(head_part) - 1] if head_part else words[-1]
    first = words[0]
    if first in ("this", "these", "those") and len(head_part) <= 3:
        return None  # "This statement hints at", "These figures suggest": the writer on what was said
    descriptor = span.text
    if head in lexicon.words("document_nouns.txt"):
        # "polls show", "some studies found": a vague collective source is an anonymous document
        vague = (head.endswith("s") or head in MASS_DOCUMENTS) and not affiliation and first not in POSSESSIVES \
            and not any(t.is_cap for t in head_part[1:]) and first not in ("the", "these", "those", "its", "their") \
            and not _owner_named(head_part[0])
        label = _strip_det(span_text(head_part, article))
        if head in MASS_DOCUMENTS | DOCUMENT_PARTS and affiliation and len(head_part) == 1 + (first in DETERMINERS) \
                and any(w[:1].isupper() for w in affiliation.split()):
            label, head = affiliation, affiliation.split()[-1].lower()
            # "Data from the 2014 Harbour Survey", "the results of the latest Quinnipiac poll": the survey's, the poll's
        while " " in label and label.split(" ", 1)[0] in WHEN_DOCUMENTS and not head.endswith("s"):
            label = label.split(" ", 1)[1]  # "the latest Reuters poll" is the Reuters poll ("New York" stays)
        words_of = label.split(" ")
        if len(words_of) > 2 and words_of[-2] in SCOPE_WORDS and any(w[:1].isupper() for w in words_of[:-2]):
            label = " ".join(words_of[:-2] + words_of[-1:])  # the Marist national poll is the Marist poll
        return Mention(span, "document", label, head, anonymous=vague, descriptor=span.text if vague else None,
                       possessor=POSSESSIVES.get(first), affiliation=affiliation)
    owned = _owned_role(head_part, head, first)
    if owned is not None:
        return Mention(span, owned, _strip_det(span.text), head, descriptor=_strip_det(span.text),
                       affiliation=affiliation)
    if "and" in words[1:-1]:
        named = parse_mention(tokens[:words.index("and")], article, anonymous_context)
        if named is not None and (named.kind in ("person", "organization", "outlet")
                                  or named.kind == "pronoun" and named.head in ("he", "she")):
            return named  # "Cruz and his aides", "She and her defenders": a name in the source phrase makes it named
    if first in ("my", "our") and head in RELATIONS and len(head_part) <= 3:
        # "my father said", "our neighbour told us": someone the speaker or writer knows and names
        # by relation, inside their own account; not a source who asked not to be named
        return Mention(span, "person", span.text, head, descriptor=span.text)
    if head in lexicon.words("anonymous_nouns.txt") or _title_word(head):
        joined = next((k for k in range(1, len(head_part) - 1) if head_part[k].lower == "and"), None)
        short = len(head_part) <= 3 or joined is not None and one_holder(head_part, joined)
        kind = "definite" if first in ("the", "this", "that", "these", "those") and short else "anonymous"
        return Mention(span, kind, descriptor, head, anonymous=True, descriptor=descriptor, affiliation=affiliation)
    if head in DESCRIBED_OUTLETS and not any(t.is_cap and t.text not in lexicon.words("demonyms.txt", lower=False)
                                             for t in head_part[1:]):
        # "the top British medical journal": an outlet described, resolved to the one named before it
        # or else one a reader can identify; "a medical journal" could be any
        kind = "definite" if first in ("the", "this", "that") else "anonymous"
        return Mention(span, kind, _strip_det(span.text), head, anonymous=kind == "anonymous",
                       descriptor=span.text, affiliation=affiliation)
    if head in lexicon.words("organization_words.txt") or head in ORGANIZATION_NOUNS \
            or head in ("camp", "team") and any(t.is_cap for t in head_part[:-1] if t.lower not in DETERMINERS):
        # ("the Clinton camp", "Trump team": a named person's organisation)
        definite = first in ("the", "this", "that") and len(head_part) <= 2 and head in ORGANIZATION_NOUNS
        # "the state", "a local bank": a common noun names no one; kept to its article, so that two
        # articles' "the state" never become one source (and "a bank" is unnamed)
        described = _strip_det(span.text) if not any(t.is_cap and t.lower not in DETERMINERS for t in head_part) \
            else None
        return Mention(span, "definite" if definite else "organization", _strip_det(span.text), head,
                       anonymous=anonymous_context or bool(described) and first in INDEFINITE, affiliation=affiliation,
                       descriptor=described, possessor=POSSESSIVES.get(first) if len(head_part) == 2 else None)
    if (head in lexicon.words("source_heads.txt") or head in PERSON_EPITHETS) and head not in NOT_SOURCES:
        # an unnamed person or group described by a common noun ("his brother", "the panel", "voters")
        kind = "definite" if first in ("the", "this", "that", "these", "those") and len(head_part) <= 3 else "anonymous"
        return Mention(span, kind, descriptor, head, anonymous=True, descriptor=descriptor, affiliation=affiliation)
    return None


# What someone said, standing for them: "her remarks suggested", "Lowe's comments show".
SPEECH_PRODUCTS = frozenset("words comments remarks".split())


def _speaker_of(tokens: list[Token], article: str) -> Mention | None:
    """"Lowe's comments" -> Lowe, "her remarks" -> her (resolved as "she" is); "the comments" name
    no one (the words are not an unnamed source)."""
    span = Span(tokens[0].start, tokens[-1].end, span_text(tokens, article))
    if tokens[0].lower in POSSESSIVES:
        return Mention(span, "pronoun", tokens[0].text, POSSESSIVES[tokens[0].lower])
    owner = next((k for k, t in enumerate(tokens[:-1]) if POSSESSIVE.search(t.text)), None)
    if owner is None:
        return None
    last = tokens[owner]
    named = parse_mention(tokens[:owner] + [Token(POSSESSIVE.sub("", last.text), last.start, last.end - 2)], article)
    return named if named is not None and named.kind not in ("pronoun", "document", "respondents") \
        else None  # ("the mayor's remarks": the mayor, resolved as "the mayor" is)


def _participle_after_document(tokens: list[Token]) -> int | None:
    """Where "released Sunday" or "being released by ..." begins after a document noun."""
    documents = lexicon.words("document_nouns.txt")
    for k in range(2, len(tokens)):
        if tokens[k].lower in TRAILING_PARTICIPLES and not tokens[k].is_cap:
            noun = k - 2 if tokens[k - 1].lower == "being" else k - 1  # "a study being released"
            if tokens[noun].lower in documents:
                return noun + 1
    return None


def _owner_named(first: Token) -> bool:
    """Does the first word of "FEC filings", "U.S. data", "Ruiz's tax returns" name whose documents
    they are (an acronym, initials, a name's possessive), unlike a capital that only opens the
    sentence ("Federal data")?"""
    text = first.text
    return is_initials(text) or len(text) > 1 and text.isupper() or named_owner(first)


def _named_thing(head_part: list[Token], name: list[Token]) -> bool:
    """"the Human Rights Campaign", "the Independent", "National Nurses United": a name after "the"
    with no role between, or one that opens with a country's initials or a national adjective, is an
    organisation's; a person's name takes no article ("the Rev. Ana Ruiz" has a title)."""
    at = head_part.index(name[0])
    return at > 0 and head_part[at - 1].lower == "the" and not name[-1].text.endswith("s") \
        or name[0].text in NATIONAL_OPENERS and len(name) >= 2


# What opens an organisation's name and never a person's
NATIONAL_OPENERS = frozenset("U.S. US U.K. UK U.N. UN E.U. EU National Federal International United".split())


def _owned_role(head_part: list[Token], head: str, first: str) -> str | None:
    """"Pagliano's lawyer", "Clinton's campaign", "Trump's campaign manager": a named owner and one
    role identify the source (kind person or organisation), though no name is given for it. Plural
    heads ("Trump's advisers") and indefinite ones ("a Clinton's aide") stay unnamed."""
    if first in ("a", "an", "one", "some", "several", "many") or (head.endswith("s") and not head.endswith("ss")):
        return None
    if not any(t.is_cap and t.lower.endswith(("'s", "’s")) and len(t.text) > 3 for t in head_part[:-1]):
        return None
    if head in lexicon.words("organization_words.txt") or head in ORGANIZATION_NOUNS \
            or head in ("camp", "team") and any(t.is_cap for t in head_part[:-1] if t.lower not in DETERMINERS):
        # ("the Clinton camp", "Trump team": a named person's organisation)
        return "organization"
    if head in lexicon.words("anonymous_nouns.txt") or head in lexicon.words("titles.txt") or (
            head in lexicon.words("source_heads.txt") and head not in NOT_SOURCES):
        return "person"
    return None


GROUP_WORDS = frozenset("democrat republican conservative liberal progressive libertarian socialist communist "
                        "evangelical tory".split())


def _is_group(tok: Token) -> bool:
    """A plural party, movement or nationality name ("Democrats", "Tories", "Americans")."""
    low = tok.lower
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else None
    return singular is not None and (singular in GROUP_WORDS or singular.capitalize() in lexicon.words(
        "demonyms.txt", lower=False))


# Mined source heads that are too often something else to start a source on their own.
NOT_SOURCES = frozenset("number numbers share rest lot".split()) | frozenset(
    # events, which PolNeAR lets "show" or "prove" things: no one who passes on information
    "debate debates protest protests shooting shootings election elections meeting meetings hearing hearings "
    "rally rallies race vote votes event events speech speeches summit convention".split()) | frozenset(
    # things the mined heads hold that speak for no one ("his victories", "the discussion")
    "system version eyes mind victories joke signs sign placards question argument arguments history "
    "discussion discussions pitch".split())


def _source_word(word: str) -> bool:
    return _title_word(word) or any(word in lexicon.words(name) for name in (
        "anonymous_nouns.txt", "document_nouns.txt", "outlet_words.txt", "organization_words.txt",
        "source_heads.txt"))


def _title_word(word: str) -> bool:
    return word in lexicon.words("titles.txt") or plural_title(word)


def between_commas(tokens) -> list[list]:
    """The pieces of a token run between its commas (a piece may be empty)."""
    chunks: list[list] = [[]]
    for t in tokens:
        if t.text == ",":
            chunks.append([])
        else:
            chunks[-1].append(t)
    return chunks


def describes_someone(tokens, longest: int = 8) -> bool:
    """"Another critic", "Trump's running mate", "A spokesman for": a noun phrase of at most
    `longest` tokens, with no verb of its own, that says who someone is (an opener or a possessor
    first)."""
    if not 0 < len(tokens) <= longest:
        return False
    owner = bool(POSSESSIVE.search(tokens[0].text)) or len(tokens) > 1 and tokens[1].text in ("’s", "'s")
    return (tokens[0].lower in DESCRIPTION_OPENERS or owner) \
        and not any(t.is_word and not t.is_cap and finite(t.text, b.text) for b, t in zip(tokens, tokens[1:]))


def appositive_role(tokens: list[Token], article: str) -> tuple[str | None, str | None]:
    """The role and employer a description beside a name gives (", 30, a spokeswoman for Harlow
    Logistics,": "spokeswoman for Harlow Logistics", "Harlow Logistics"), so that "the spokeswoman"
    and "the company" said later are her and her employer, not someone unnamed."""
    described = next((seg for seg in between_commas(tokens) if seg and seg[0].lower in DESCRIPTION_OPENERS), None)
    if described is None:
        return None, None
    head, employer = split_affiliation(described)
    employer = [t for t in employer if t.lower not in ("the", "a", "an")]
    named_employer = bool(employer) and all(t.is_cap or t.lower in ("of", "for", "and", "&") for t in employer) \
        and employer[-1].is_cap
    return _strip_det(span_text(described, article)), span_text(employer, article) if named_employer else None


def _strip_det(text: str) -> str:
    parts = text.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in ("the", "a", "an"):
        return parts[1]
    return text


INDEFINITE = frozenset("a an one some another".split())
AGE = re.compile(r"\d{1,3}-year-old")
OBJECT_PRONOUNS = frozenset("him them me us whom".split())
# A named place speaking through its government: "the city of Phoenix", "the state of Ohio".
JURISDICTION = re.compile(r"(?i:the\s+)?(?i:city|state|county|town|village|province|government|commonwealth)\s+of\s+(?:the\s+)?"
                          r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
# People a writer names by relation ("my father said"); "our sources" stay anonymous.
RELATIONS = frozenset("father mother dad mom mum son daughter brother sister husband wife grandfather grandmother "
                      "grandson granddaughter uncle aunt cousin nephew niece neighbour neighbor friend "
                      "parents children kids family".split())
# A share of those asked, as the subject of "said": "40 percent of voters", "two in three", "most".
PROPORTION = re.compile(
    r"(?:another |an additional |the other |the remaining )?"
    r"(?:some |about |nearly |almost |just |only |roughly |around |more than |fewer than |less than )?"
    r"(?:(?:\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)\s?(?:percent|per cent|%)|(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of|of) "
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|half|(?:a|one|two)[ -]thirds?|(?:a|one|three)[ -]quarters?|"
    r"a (?:slim |narrow |clear |large )?majority|a plurality)"
    r"(?: (?:of )?(?:the |all |those )?(?:likely |registered |eligible |(?:white|black|hispanic|latino|young|older|"
    r"female|male|college-educated|evangelical|independent) )*(?:voters|respondents|americans|adults|people|"
    r"residents|polled|surveyed|asked|democrats|republicans|independents|millennials|latinos|hispanics)\b.*)?$",
    re.IGNORECASE)
RESPONDENTS = frozenset("respondents polled surveyed".split())
POLL_NOUNS = frozenset("poll polls survey surveys".split())
WHEN_DOCUMENTS = frozenset("new newer latest recent previous last earlier later final first second original".split())
SCOPE_WORDS = frozenset("national nationwide statewide online weekly monthly daily annual".split())
# Capitalised things a possessive can own that are no source: "Pagliano's Fifth Amendment (claims)".
THINGS = frozenset("amendment act bill law plan program programme fund rule policy report case account".split())
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf)th")
# Words that may come before a source phrase's determiner without being part of it.
LEADING_WORDS = frozenset("in on at by since after before during then later earlier ago also and but minutes hours "
                          "days weeks months years moments monday tuesday wednesday thursday friday saturday "
                          "sunday".split())
# Documents named as a mass ("federal data show", "research suggests"): as vague as "polls".
MASS_DOCUMENTS = frozenset("data research evidence information polling".split())
DOCUMENT_PARTS = frozenset("results findings".split())  # "the results of the X poll": what the poll found
# Titles that are nobody's surname: "President said" (a headline) is no person called President.
NOT_SURNAMES = frozenset("president vice chairman chairwoman chair ceo ambassador speaker chancellor premier pope "
                         "minister official spokesman spokeswoman spokesperson officer director secretary senator "
                         "governor mayor congressman congresswoman lawmaker representative rep sen gov mr mrs ms dr "
                         "sir lord lady prince princess general colonel captain sergeant lieutenant commander "
                         "police staff management security intelligence government military leadership "
                         "administration media press public".split())
TRAILING_PARTICIPLES = frozenset("released published issued conducted commissioned obtained leaked posted filed compiled "
                                  "submitted based out unveiled".split())
TRAILING_ADVERBS = frozenset("then also later again further still now first finally".split())
LEADING_ADVERBS = frozenset("meanwhile meantime afterwards afterward later earlier separately instead also now then "
                            "however finally again".split())
THINGS_SAID = frozenset("nothing everything something anything".split())
# "A reporter for USA Today reported": the outlet's reporting, as a spokesperson is their party's voice.
JOURNALISTS = frozenset("reporter reporters correspondent correspondents journalist journalists editor".split())
UNIVERSAL = frozenset("everyone everybody anyone anybody nobody".split())
# ... of which these are media whatever their modifiers ("the police station" is not one)
DESCRIBED_OUTLETS = frozenset("newspaper journal magazine tabloid broadcaster publication outlet website daily".split())
# "Kirsten Gillibrand, Democrat of New York": a party member's label set beside the name
PARTY_MEMBERS = frozenset("democrat republican independent libertarian".split())
# How a description set beside a name begins: "a former official", "the group's director", "her lawyer"
DESCRIPTION_OPENERS = frozenset("a an the another one his her their its".split())
ORGANIZATION_NOUNS = frozenset("company firm corporation agency ministry department committee panel campaign "
                               "group organization organisation union party court bank council government "
                               "administration commission board authority institute center centre foundation "
                               "association".split())
