"""Which source a mention refers to, within one article.

A mention ("he", "the newspaper", "a spokesman for Harlow", "Gov. Mike Pence") is parsed alone by
`sources.parse_mention`; the book remembers the article's sources in order, so that a pronoun or a
definite description resolves to the entity named before it, a surname to the full name, and two
mentions of one source become one node. Anonymous sources are kept apart by their descriptor and
never leave their article: merging them by descriptor would fabricate corroboration.
"""

from __future__ import annotations

import re
from dataclasses import replace

from provgraph.extract import lexicon
from provgraph.extract.names import (
    CALENDAR, DETERMINERS, GIVEN_NAMES, POSSESSIVE, POSSESSIVES, QUANTIFIERS, SENTENCE_OPENERS, acronyms_spelled,
    capitalised_runs, first_name, initials, is_acronym, is_title, known_word, last_full_name, opening_name, person_runs,
    possessor_name, surname_match, without_suffix,
)
from provgraph.extract.referents import (
    AFTER_PREPOSITION, COLLECTIVES, DESCRIBED_PERSONS, GENDERED_WORDS, GENERIC_NOUNS, HONORIFICS, IDENTIFYING_HEADS, ISSUED, ISSUED_REACH,
    NAMED_SET, NOT_FIRST_NAMES, NUMBERS, OFFICE_ABBREVIATIONS, OFFICE_EPITHETS, ONE_OF_A_KIND, OUTLET_NOUNS,
    DATA_NOUNS, PERSON_EPITHETS, PROFESSION, REFLEXIVES, REPRESENTATIVES, STUDY_NOUNS, describes, holds, own_role, institution_office,
)
from provgraph.extract.mention import Mention
from provgraph.extract.offices import OWN_PLACES, PARTY_WORDS
from provgraph.extract.sources import (
    DESCRIBED_OUTLETS, GROUP_WORDS, INDEFINITE, ORGANIZATION_NOUNS, POLL_NOUNS, SPOKESPEOPLE, _strip_det, normalise,
    parse_mention,
)
from provgraph.extract.tokens import Token, tokenize
from provgraph.model import Source, Span


LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*")
# Words before a name that make it a relative of the one just named ("his late wife, Maria Ruiz")
KIN = frozenset("wife husband son daughter brother sister mother father widow widower".split())


def given_gender(word: str) -> str | None:
    """"he" or "she", as honorifics in PolNeAR train give this given name; None when unknown."""
    return lexicon.table("given_names.txt").get(word.lower(), (None,))[0]


class SourceBook:
    """The sources of one article, in order of mention; resolves pronouns and repeated names."""

    # How many sentences back a pronoun may reach for its antecedent.
    PRONOUN_REACH = 3
    # How many of the latest sources a definite description ("the official") may refer back to.
    DEFINITE_REACH = 200

    def __init__(self, text: str = "") -> None:
        self.sources: list[Source] = []
        self.sentence = 0  # index of the sentence being read; the pipeline advances it
        self.tokens: list[Token] = []  # ... and its tokens
        self._openings: list[tuple[int, list[Token]]] = []  # this sentence's and the last one's tokens
        self._last_seen: dict[int, int] = {}  # id(source) -> sentence it was last mentioned in
        self._touched: list[tuple[int, Source]] = []  # (sentence, source) of every mention, in order
        self._introduced: set[str] = set()  # "a woman", "an author": persons brought in unnamed
        # indexes for _same, so that an article of 4,000 sources is not read 4,000 times over
        self._position: dict[int, int] = {}
        self._index: dict[tuple, list[Source]] = {}
        # surname -> {given name: the full name}, from every name the article writes in full: "Lopez
        # said" is the Maria Lopez it named, unless it named two Lopezes
        self._full_names: dict[str, dict[str, str]] = {}
        self._text = text
        self._titled: dict[str, set[str]] = {}  # surname -> titles written before it alone ("President Obama")
        self._full_titles: dict[tuple[str, str], set[str]] = {}  # (surname, given) -> titles before the full name
        self._lower = frozenset(LOWER_WORD.findall(text))  # words the article writes in lower case
        self._names_seen: set[str] = set()  # last words of the names of two or more words read so far
        self._counted: set[str] = set()  # plural nouns the article has counted ("two men")
        self._acronyms: dict[str, Mention] = {}  # "CNS" -> the "Christian News Service (CNS)" it stands for
        self._poll_named: tuple[int, list[Token]] | None = None  # the last sentence that names a poll
        self._poll_by: tuple[int, Source] | None = None  # (sentence, publisher) of the last poll credited to its publisher
        self._gender: dict[int, str] = {}  # id(person) -> "he" or "she", as the article refers to them
        self._issued: dict[str, tuple[int, Source]] = {}  # "statement" -> (sentence, whose) of the last one named
        self._issued_here: str | None = None  # "statement" when this sentence says "in a statement"

    def resolve(self, m: Mention, anonymity: bool = False) -> Source | None:
        """The source `m` names; `anonymity`: the sentence says its source spoke on condition of
        anonymity, so a description of one stays unnamed."""
        found = self._seen(self._resolve(m, anonymity))
        if found is not None and found.kind in ("outlet", "organization") and m.kind != "document" \
                and self._put_out_a_poll(m):
            self._poll_by = (self.sentence, found)  # "a poll released by the Post shows": theirs, as "the poll" later
        if found is not None and found.kind == "person" and m.kind != "pronoun" and id(found) not in self._gender:
            # "Mrs. Clinton", "the congresswoman", "Trump defended himself": what says he or she for
            # sure ("Trump said she lied" is about someone else; nor from a pronoun resolved, whose
            # error would spread)
            role = [word for w in (m.role, m.descriptor, found.role) if w for word in _own_words(w)]
            after = [t.lower for t in self.tokens if t.start >= m.span.end][:3]
            word = next((GENDERED_WORDS[w] for w in role + [w for w in after if w in REFLEXIVES]
                         if w in GENDERED_WORDS), None)
            if m.label.endswith(f"’s {m.head}") and m.head in ONE_OF_A_KIND:
                word = ONE_OF_A_KIND[m.head]  # "Trump’s wife" (not from "her husband, Bill" beside a name)
            if word is not None:
                self._gender[id(found)] = word
        return found

    def _seen(self, found: Source | None) -> Source | None:
        if found is not None:
            self._last_seen[id(found)] = self.sentence
            self._touched.append((self.sentence, found))
            if self._issued_here and not found.anonymous and found.kind in ("person", "organization", "outlet"):
                self._issued[self._issued_here] = (self.sentence, found)  # "X said in a statement": X's
        return found

    def _put_out_a_poll(self, m: Mention) -> bool:
        """Is `m` a poll's publisher: "the Post poll", "a poll released by the Post"?"""
        if POLL_NOUNS & set(m.span.text.lower().split()):
            return True
        before = [t.lower for t in self.tokens if t.end <= m.span.start][-6:]
        return before[-1:] == ["by"] and bool(POLL_NOUNS & set(before))

    def _gender_of(self, person: Source) -> str | None:
        """"he" or "she", as the article refers to the person or as their given name says."""
        if id(person) in self._gender:
            return self._gender[id(person)]
        words = person.label.split()
        return given_gender(words[0]) if len(words) > 1 else None

    def full_name(self, surname: str) -> str | None:
        """The one full name the article has given someone of this surname, if it gave one, and the
        article's "President Obama" or "Mr. Obama" can be them ("Michelle Obama" is not the president
        the same article calls "President Obama", nor "Mr. Obama")."""
        key = normalise(surname)
        given = self._full_names.get(key, {})
        if len(given) != 1:
            return None
        name, full = next(iter(given.items()))
        gender = given_gender(name)
        for title in self._titled.get(key, ()):
            said = GENDERED_WORDS.get(title) if title in HONORIFICS else None
            if said is not None and said != gender \
                    or title not in HONORIFICS and title not in self._full_titles.get((key, name), ()):
                return None  # ("Mr. Ruiz" and "Maria Ruiz", whose given name says nothing sure)
        return full

    def complete_names(self) -> None:
        """A person still known by surname alone ("Trump said", the full name only in a sentence
        that credits no one) takes the full name the article gives them, as other articles do."""
        for s in self.sources:
            if s.kind == "person" and not s.anonymous and not s.descriptor and " " not in s.label \
                    and (full := self.full_name(s.label)) is not None:
                self._rename(s, full)

    def _data_owner(self) -> Source | None:
        """Whose are "the data" a sentence cites: the named organisation, outlet or document credited
        in the sentence before (or this one), if it is the only one there and that sentence gave figures."""
        before = self._openings[-2][1] if len(self._openings) > 1 else []
        if not any(t.text[:1].isdigit() or t.lower in ("percent", "%") for t in before):
            return None  # the sentence before gave no figures: whose data, it does not say
        recent = {id(s): s for n, s in self._touched if n >= self.sentence - 1 and not s.anonymous
                  and s.kind in ("organization", "outlet", "document")}
        return next(iter(recent.values())) if len(recent) == 1 else None

    def _add(self, src: Source) -> None:
        src.label = " ".join(src.label.split())  # "Daybreak\xa0national tracking poll" as a reader sees it
        self._position[id(src)] = len(self.sources)
        self.sources.append(src)
        norm = normalise(src.label).split("-")
        last = without_suffix(norm)[-1]  # "Bob Casey Jr." is "Casey"
        # a description ("wife of Tom Hanks", "Senator from Texas") is found again whole, never by
        # one of its words: "Hanks said" is not his wife
        keys = [("anon", normalise(src.descriptor or ""))] if src.anonymous else \
            [("label", src.kind, "-".join(norm))] if src.descriptor else [
            ("label", src.kind, "-".join(norm)), ("first", src.kind, norm[0]), ("last", src.kind, last)]
        for key in keys:
            self._index.setdefault(key, []).append(src)

    def _rename(self, src: Source, label: str) -> None:
        """A person first named by surname gets the full name when it comes, so that the IRI is the
        one other articles that name them in full give."""
        src.label, src.key = label, f"{src.kind}:{normalise(label)}"
        norm = normalise(label).split("-")
        for key in [("label", src.kind, "-".join(norm)), ("first", src.kind, norm[0])]:
            self._index.setdefault(key, []).append(src)

    def _resolve(self, m: Mention, anonymity: bool = False) -> Source | None:
        if m.kind == "pronoun":
            return self._named_before(m.head, m.span.start) or self._antecedent(m.head)

        if m.kind == "organization" and " " not in m.label and m.label.lower() in lexicon.words("countries.txt") \
                and (person := next(iter(self._index.get(("last", "person", normalise(m.label)), ())), None)):
            person.mentions.append(m.span)  # "Rep. Steve Israel said ... Israel said": the person, not the state
            return person
        if m.kind in ("person", "organization", "outlet") and (full := self._acronyms.get(m.label)) is not None:
            m = replace(full, span=m.span)  # "The Christian News Service (CNS) counted ...", then "CNS reported"
        elif m.kind in ("person", "organization", "outlet") and is_acronym(m.label):
            # "Harbour News Service reported ...", then "HNS reported": the earlier name it spells
            spelled = next((s for s in reversed(self.sources) if s.kind in ("organization", "outlet")
                            and initials(s.label) == m.label), None)
            if spelled is not None:
                spelled.mentions.append(m.span)
                return spelled
        if m.kind == "document" and not m.anonymous and " " not in m.label \
                and m.span.text.lower().split()[0] in ("the", "this", "that"):
            # "according to the poll", "the study found": the document of that kind named before
            same = POLL_NOUNS if m.head in POLL_NOUNS else STUDY_NOUNS if m.head in STUDY_NOUNS \
                else {m.head, m.head + "s"}
            found = next((s for s in reversed(self.sources) if s.kind == "document" and not s.anonymous
                          and " " in s.label and same & set(normalise(s.label).split("-"))), None)
            if found is None and m.head in POLL_NOUNS and self._poll_by is not None \
                    and self.sentence - self._poll_by[0] <= ISSUED_REACH:
                found = self._poll_by[1]  # the poll its publisher was credited with, a few sentences back
            if found is not None:
                found.mentions.append(m.span)
                return found
        if m.kind == "document" and m.head in ISSUED and m.label == m.head \
                and m.span.text.lower().split()[0] in ("the", "this", "that") \
                and (issued := self._issued.get(m.head)) is not None and self.sentence - issued[0] <= ISSUED_REACH:
            issued[1].mentions.append(m.span)  # "X said in a statement ... The statement also said": X's
            return issued[1]
        if m.kind == "document" and m.head in DATA_NOUNS and m.label.islower() and not m.possessor \
                and m.span.text.lower().split()[0] in ("the", "these", "those", "new", "latest", "recent"):
            if m.label == m.head and (owner := self._data_owner()) is not None:
                owner.mentions.append(m.span)  # "The refugee center said 98 percent ... According to the data": its data
                return owner
            # "the latest figures show": whose, the article does not say (FLAGS.md: vague documents are unnamed)
            m = replace(m, anonymous=True, descriptor=m.label)
        if m.kind == "document" and m.possessor:
            owner = self._antecedent(m.possessor)
            if owner is not None:
                owner.mentions.append(m.span)
                return owner
        if m.kind == "respondents":
            found = self._find_poll()  # (resolve() records it as seen)
            if found is not None:
                found.mentions.append(m.span)
                return found
            m = Mention(m.span, "document", m.label, "poll", anonymous=True, descriptor=m.label)  # as vague as "polls"
        if anonymity and SPOKESPEOPLE & set(m.span.text.lower().split()):
            # "a spokesman for Harlow, who spoke on condition of anonymity": unnamed, not the party
            m = Mention(m.span, "anonymous", m.span.text, "spokesman", anonymous=True, descriptor=m.span.text)
        if m.kind == "definite" and not _of_own_place(m):  # ("the state's governor": not the one named before)
            found = self._definite(m.head, m.label)
            if found is not None:
                found.mentions.append(m.span)
                return found
        if m.kind in ("anonymous", "definite") and not anonymity and (found := self._named_set(m)) is not None:
            return found  # "the brothers", "all three candidates": people the article has named
        if m.kind in ("anonymous", "definite", "organization") and not anonymity:
            found = self._epithet(m)
            if found is not None:
                found.mentions.append(m.span)
                return found
            m = self._owned(m) or m
        existing = self._same(m)
        if existing is not None:
            existing.mentions.append(m.span)
            if existing.kind == "person" and len(normalise(m.label).split("-")) > len(normalise(existing.label).split("-")):
                self._rename(existing, m.label)  # "Pence:" in the headline, "Gov. Mike Pence" below
            for attr in ("role", "nationality", "affiliation"):
                if getattr(existing, attr) is None and getattr(m, attr):
                    setattr(existing, attr, getattr(m, attr))
            return existing
        if m.kind == "person" and " " not in m.label and (full := self.full_name(m.label)):
            # "Senator Dana Whitfield spoke to Channel 9." ... "WHITFIELD: ...": the name in full, given
            # where she was not yet a source
            m = replace(m, label=full)
        kind = m.kind
        if kind in ("definite", "anonymous") and (m.head in IDENTIFYING_HEADS - self._introduced
                                                  or m.role is not None and not m.anonymous
                                                  or institution_office(m)) \
                and m.span.text.lower().startswith("the ") and not anonymity \
                and (not POSSESSIVE.search(m.span.text) or _of_own_place(m)):
            return self._identifiable(m, "person")  # "the governor said", "the billionaire businessman", nobody named before it
        if kind == "definite" and m.head in DESCRIBED_OUTLETS and not anonymity:
            return self._identifiable(m, "outlet")  # "the top British medical journal"
        if kind == "definite":  # nothing named before it: "the committee" stays an organisation
            kind = "organization" if m.head in ORGANIZATION_NOUNS and not m.anonymous else "anonymous"
        src = Source(
            key=f"{kind}:{normalise(m.label)}", label=m.label, kind=kind, anonymous=m.anonymous or kind == "anonymous",
            descriptor=m.descriptor, affiliation=m.affiliation, role=m.role, nationality=m.nationality,
            mentions=[m.span],
        )
        if src.anonymous:
            src.key = f"anonymous:{normalise(m.descriptor or m.label)}"
        self._add(src)
        return src

    def _named_set(self, m: Mention) -> Source | None:
        """"The brothers noted", "All three candidates have said": a definite plural naming people
        as a set (kin, rivals, candidates) refers back to people the article has named (at least as
        many as it counts), unless it describes unnamed sources given before; "the investigators"
        could be anyone's."""
        match = NAMED_SET.fullmatch(m.span.text)
        if match is None or m.span.text.split()[-1].lower() in self._counted or any(
                s.anonymous and s.descriptor and describes(m.label, s.descriptor) for s in self.sources[-self.DEFINITE_REACH:]):
            return None  # ("Police arrested two men. Both men said": the two unnamed)
        count = NUMBERS.get((match.group(1) or match.group(2) or "").lower(), 2)
        named = {normalise(s.label) for s in self.sources if s.kind == "person" and not s.anonymous}
        named |= self._names_seen  # named, not (yet) sources: "Lowe met Reyes. Both men said"
        return self._identifiable(m, "person") if len(named) >= count else None

    def _identifiable(self, m: Mention, kind: str) -> Source:
        """One a reader can identify though the article does not name it: not anonymous, and kept
        to its article (a description, not a name, so never merged with another article's)."""
        src = Source(key=f"{kind}:{normalise(m.label)}", label=m.label, kind=kind, anonymous=False,
                     descriptor=m.label, affiliation=m.affiliation, mentions=[m.span])
        self._add(src)
        return src

    def last(self) -> Source | None:
        return self.sources[-1] if self.sources else None

    def _same(self, m: Mention) -> Source | None:
        """The latest source this mention names again: the same descriptor (unnamed), the same name,
        a surname of it ("Gerasimov"), or a longer or shorter form of an organisation's name."""
        norm = normalise(m.label)
        parts = norm.split("-")
        if m.anonymous:
            keys = [("anon", normalise(m.descriptor or ""))]
        elif m.kind == "person":  # only what can match: the name itself, its surname alone, or a full name ending in it
            keys = [("label", m.kind, norm), ("label", m.kind, parts[-1])] if len(parts) > 1 else [
                ("label", m.kind, norm), ("last", m.kind, norm)]
        else:  # an organisation's longer or shorter name begins with the same word
            keys = [("label", m.kind, norm), ("first", m.kind, parts[0])]
        candidates = {id(s): s for key in keys for s in self._index.get(key, ())}
        ordered = sorted(candidates.values(), key=lambda s: self._position[id(s)], reverse=True)
        said = GENDERED_WORDS.get((m.role or "").lower().rstrip(".")) if m.kind == "person" else None
        if said is not None:
            # "Mrs. Clinton" is the Clinton who is a woman, if the article has one, and never the one
            # the article itself calls a man (Bill's words are not Hillary's); a given name's gender
            # from the mined list only orders them, as it can be wrong ("Lee")
            ordered = [s for s in ordered if self._gender_of(s) == said] \
                + [s for s in ordered if self._gender_of(s) is None] \
                + [s for s in ordered if self._gender_of(s) not in (said, None) and id(s) not in self._gender]
        elif m.kind == "person" and len(parts) == 1:
            # a bare "Trump" in a story that also names Melania Trump is the one named in this or the
            # sentence before, else the Trump the story keeps quoting (ties: the latest)
            ordered.sort(key=lambda s: (self._last_seen.get(id(s), -9) >= self.sentence - 1, len(s.mentions)),
                         reverse=True)
        for s in ordered:
            if m.anonymous or s.anonymous:
                if m.anonymous and s.anonymous and normalise(s.descriptor or "") == normalise(m.descriptor or ""):
                    return s
                continue
            other = normalise(s.label)
            if s.kind == m.kind and (other == norm or (m.kind == "person" and surname_match(norm, other))):
                return s
            if m.kind in ("outlet", "organization") and s.kind == m.kind and (
                    other.startswith(norm + "-") or norm.startswith(other + "-")):
                return s
            words = other.split("-")
            if m.kind == "document" == s.kind and len(parts) > 1 and words[-1] == parts[-1] and words[0] == parts[0] \
                    and (set(parts) <= set(words) or set(words) <= set(parts)):
                return s  # "the Quinnipiac poll" is the Quinnipiac University poll named before
        if m.kind == "document" and len(parts) == 2 and len(parts[0]) == 1 and parts[1] in POLL_NOUNS:
            # "the Q poll": the poll named before whose name that letter begins
            return next((s for s in reversed(self.sources) if _poll_source(s) and normalise(s.label)[0] == parts[0]
                         and len(normalise(s.label).split("-")[0]) > 1), None)
        return None

    def _epithet(self, m: Mention) -> Source | None:
        """"the New York businessman", "the former secretary of state": a definite description of
        one person, which news writing uses for someone it has just named; the person named most
        recently (within a few sentences), if any."""
        words = m.span.text.split()
        if words[0].lower() != "the" or "’s" in m.span.text or "'s" in m.span.text:
            return None  # "the company's chairman" is someone else's
        if m.head not in PERSON_EPITHETS and m.head not in OFFICE_EPITHETS \
                and not (PROFESSION.fullmatch(m.head) and len(words) > 2):
            return None  # (a profession with a word before it: "the retired neurosurgeon", not "the economist")
        office = m.head in OFFICE_EPITHETS  # "the senator" is a senator; "the businessman" whoever was just named
        return next((s for s in self._recent() if s.kind == "person" and not s.anonymous and not s.descriptor
                     and (not office or holds(s.role, m.head, former="former" in words))), None)

    def _owned(self, m: Mention) -> Mention | None:
        """"her campaign", "the Trump team": a collective named by its owner, who is named in the
        article, is a named organisation ("Hillary Clinton's campaign"), not an anonymous source."""
        words = m.span.text.split()
        representative = m.head in REPRESENTATIVES or m.head in ONE_OF_A_KIND and words[0].lower() in POSSESSIVES
        if m.head not in COLLECTIVES and not representative:
            return None
        if representative and m.affiliation and words[0].lower() not in POSSESSIVES:
            # "lawyers for Mr. Scott", "attorneys for the family": on the record for the party named
            party = m.affiliation if m.affiliation[:1].isupper() else possessor_name(self.tokens, m.span.start) \
                if m.affiliation.lower() in ("family", "families") else None
            if party is None or any(w.lower() in PARTY_WORDS or w.lower() in lexicon.words("organization_words.txt")
                                    for w in party.split()):
                return None  # a person's: "a spokesman for the Senate campaign" says whose no more than it did
            label = f"{POSSESSIVE.sub('', party)}’s {m.head}"
            return Mention(m.span, "person", label, m.head, descriptor=label)
        if words[0].lower() in POSSESSIVES and len(words) == 2:
            pronoun = POSSESSIVES[words[0].lower()]
            owner = self._named_before(pronoun, m.span.start) or self._antecedent(pronoun, subject=False)
            if m.head in ONE_OF_A_KIND and not self._sole_recent(owner, pronoun):
                return None  # "his wife" is the wife of the one man just quoted, or of no one we know
            name = last_full_name(self.tokens, m.span.start)  # "an ailing Maria Lopez (her campaign ...)"
            if m.head in REPRESENTATIVES and name is None:
                name = first_name(self.tokens, m.span.start)  # "Ruiz's relatives ..., said their lawyers"
            if owner is not None and owner.kind == "person" and not owner.anonymous:
                label = f"{POSSESSIVE.split(owner.label)[0].strip()}’s {m.head}"  # (his lawyer's lawyer is his lawyer)
            elif name is not None:
                label = f"{POSSESSIVE.sub('', name)}’s {m.head}"
            else:
                return None
            if representative:  # "his lawyer", "their attorneys": on the record for someone named
                return Mention(m.span, "person", label, m.head, descriptor=label, affiliation=m.affiliation)
        elif representative:
            return None
        else:  # "the Trump campaign": a name in the phrase makes it named; which of two Trumps it is,
            # the phrase does not say, so it is kept to its article (a descriptor)
            owner = [w for w in words[1:-1] if w[:1].isupper()]
            if not owner or any(w.lower() in PARTY_WORDS or w.lower() in lexicon.words("organization_words.txt")
                                for w in owner):
                return None  # "the Democratic campaign", "the Senate campaign": whose, it does not say
            label = _strip_det(m.span.text)
        return Mention(m.span, "organization", label, m.head, descriptor=label, affiliation=m.affiliation)

    def _recent(self) -> list[Source]:
        """Sources mentioned in the last few sentences, most recent first."""
        recent: dict[int, Source] = {}
        for sentence, s in reversed(self._touched):
            if self.sentence - sentence > self.PRONOUN_REACH:
                break
            recent.setdefault(id(s), s)
        return sorted(recent.values(), key=lambda s: self._last_seen[id(s)], reverse=True)

    def read(self, n: int, tokens: list[Token], quoted: bool = False) -> None:
        """The pipeline moves on to sentence `n` (`quoted`: it lies inside a quotation, where a
        sentence's subject is the speaker's, not the article's)."""
        self.sentence, self.tokens = n, tokens
        self._openings = self._openings[-1:] + [(n, [] if quoted else tokens)]
        if not quoted and any(t.lower in POLL_NOUNS for t in tokens[2:]):
            self._poll_named = (n, tokens)
        # "in a statement" (not "rejected the statement released by Y"): the document the sentence's
        # source issues
        self._issued_here = next((t.lower for k, t in enumerate(tokens) if t.lower in ISSUED
                                  and any(w.lower == "in" for w in tokens[max(0, k - 3):k])), None)
        name = opening_name(tokens) if not quoted else None
        self._introduced.update(t.lower for k, t in enumerate(tokens) if t.lower in DESCRIBED_PERSONS
                                and any(u.lower in INDEFINITE for u in tokens[max(0, k - 3):k]))
        for k, t in enumerate(tokens[:-1]):  # "President Obama said": someone of that surname, given name unsaid
            j = k + 2 if tokens[k + 1].text == "." else k + 1  # ("Mr." tokenised with its stop)
            if j >= len(tokens):
                continue
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if t.is_cap and tokens[j].is_cap and is_title(t.text) and tokens[j].is_word and (after is None or not after.is_cap):
                self._titled.setdefault(normalise(tokens[j].text), set()).add(t.lower.rstrip("."))
        full = person_runs(tokens) if not quoted else []
        if name is not None and len(name) > 1 and name[0].lower not in DETERMINERS | NOT_FIRST_NAMES:
            full.append(name)
        for run in full:
            while len(run) > 2 and (run[0].lower in PARTY_WORDS | GROUP_WORDS or run[0].text.isupper()):
                run = run[1:]  # "Democrat Hillary Clinton", "DJ Beverly Bond"
            given = run[0].text.lower()
            if given in NOT_FIRST_NAMES or given in SENTENCE_OPENERS or given in QUANTIFIERS \
                    or given in PARTY_WORDS | GROUP_WORDS \
                    or (given in self._lower or known_word(run[0].text)) and run[0].text not in GIVEN_NAMES \
                    and given_gender(given) is None:
                continue  # "Is Sanders Finally Winning?", "Neither Brandt nor ...": a word, not a given name
            at = next((k for k, t in enumerate(tokens) if t is run[0]), 0)
            near = tokens[max(0, at - 3):at]
            if any(t.lower in KIN for t in near) and not any(t.lower == "of" for t in near):
                continue  # "his late wife, Maria Ruiz": a relative of the Ruiz the story quotes ("the wife of
                # Tom Hanks" names Tom Hanks)
            self._full_names.setdefault(normalise(run[-1].text), {}).setdefault(
                given, self._text[run[0].start:run[-1].end] or " ".join(t.text for t in run))
            title = tokens[at - 2] if at > 1 and tokens[at - 1].text == "." else tokens[at - 1] if at else None
            if title is not None and is_title(title.text):  # "Sen. Bernie Sanders"
                self._full_titles.setdefault((normalise(run[-1].text), given), set()).add(title.lower.rstrip("."))
        if not quoted:
            runs = capitalised_runs(tokens) + ([name] if name is not None and len(name) > 1 else [])
            self._names_seen.update(normalise(run[-1].text) for run in runs)
            # "arrested two men": "both men" later are those two, unnamed
            self._counted.update(t.lower for k, t in enumerate(tokens[1:], 1)
                                 if (tokens[k - 1].lower in NUMBERS or tokens[k - 1].text.isdigit())
                                 and (k < 2 or tokens[k - 2].lower not in DETERMINERS))  # (not "the three candidates")
        for acronym, full in acronyms_spelled(tokens):
            named = parse_mention(tokenize(full), full)
            if named is not None and named.kind in ("organization", "outlet") and not named.anonymous:
                self._acronyms[acronym] = named

    def _antecedent(self, pronoun: str, subject: bool = True) -> Source | None:
        wanted = {"he": ("person",), "she": ("person",), "it": ("organization", "outlet", "document"),
                  "they": ("anonymous", "organization", "person", "outlet")}.get(pronoun, ())
        before = self._subject_name() if subject and pronoun in ("he", "she") else None
        for s in self._recent():
            if s.kind in wanted:
                if pronoun == "they" and s.kind == "person" or self._gender.get(id(s), pronoun) != pronoun:
                    continue  # ("she" is not Mr. Reddy, quoted last)
                if before is not None and self._last_seen[id(s)] < self.sentence - 1 \
                        and not surname_match(normalise(before[-1].text), normalise(s.label)) \
                        and self._opening_gender(before) == pronoun:
                    break  # "'It's over,' Jones said. Ruth Ames disagreed; she said ...", "Obama said X. But
                    # Mr. Comey painted a different picture. 'Y,' he said": the person the sentence
                    # before opens with, not the last source (when a given name or an honorific says so)
                return s
        return self._subject() if subject and pronoun in ("he", "she") else None

    def _named_before(self, pronoun: str, before: int) -> Source | None:
        """"It was then that Mrs. Clinton recovered, when she assured supporters ...": the first
        person of its gender (by an honorific, or a source known as he or she) this sentence names
        before the pronoun, outside quotation marks and not after a preposition ("Asked about Mr.
        Reyes, he said" is someone else), is whom it takes up, before any earlier source."""
        if pronoun not in ("he", "she"):
            return None
        tokens, quoted = [], False
        for t in self.tokens:
            if t.end > before:
                break
            if t.text in ("“", "”", '"'):
                quoted = t.text == "“" or t.text == '"' and not quoted
            elif not quoted:
                tokens.append(t)  # ('"Mr. Reyes is wrong," he said': the name is inside what he said)
        for k in range(1, len(tokens)):
            at = k - 2 if tokens[k - 1].text == "." and k > 1 else k - 1  # "Mrs . Clinton"
            word = tokens[at].lower.rstrip(".")
            if not (tokens[k].is_cap and tokens[k].is_word and word in HONORIFICS):
                continue
            if GENDERED_WORDS[word] != pronoun or at > 0 and tokens[at - 1].lower in AFTER_PREPOSITION:
                continue  # a woman for "he", or the object of a preposition
            end = k + 1
            while end < len(tokens) and tokens[end].is_cap and tokens[end].is_word:
                end += 1  # "Mr. Tom Reyes"
            label = " ".join(t.text for t in tokens[k:end])
            m = Mention(Span(tokens[k].start, tokens[end - 1].end, label), "person", label, tokens[end - 1].lower)
            found = self._same(m)
            if found is None:
                return self._new_person(m)
            # "Mrs. Clinton" is not the Bill Clinton quoted before, unless he or she is known as a she
            return found if self._gender.get(id(found)) == pronoun or found.label == label else None
        for run in capitalised_runs(tokens):
            found = self._same(Mention(Span(run[0].start, run[-1].end, " ".join(t.text for t in run)), "person",
                                       " ".join(t.text for t in run), run[-1].lower))
            if found is not None and found.kind == "person":
                return found if self._gender.get(id(found)) == pronoun else None
        return None

    def _sole_recent(self, person: Source | None, pronoun: str) -> bool:
        """Is `person` a named person known to be a he or she as `pronoun` says, or else the only
        source of this sentence or the one just before?"""
        if person is None or person.kind != "person" or person.anonymous:
            return False
        if self._gender.get(id(person)) is not None:
            return self._gender[id(person)] == pronoun
        latest = max((n for n, _ in self._touched), default=-2)
        return latest >= self.sentence - 1 and {id(s) for n, s in self._touched if n == latest} == {id(person)}

    def _new_person(self, m: Mention) -> Source:
        """A person the article names, now a source for the first time."""
        return self._new_source(m.label, "person", [m.span])

    def _new_source(self, label: str, kind: str, mentions: list[Span]) -> Source:
        found = Source(key=f"{kind}:{normalise(label)}", label=label, kind=kind, anonymous=False, mentions=mentions)
        self._add(found)
        return found

    def _subject(self) -> Source | None:
        """"Trump pitched himself to voters. 'Look at ...,' he said.": with no source to refer to,
        "he" is the person the sentence before opens with (a subject is what a pronoun most often
        takes up), named in the article though never yet as a source."""
        name = self._subject_name()
        if name is None:
            return None
        m = Mention(Span(name[0].start, name[-1].end, " ".join(t.text for t in name)), "person",
                    " ".join(t.text for t in name), name[-1].lower)
        return self._same(m) or self._new_person(m)

    def _opening_gender(self, name: list[Token]) -> str | None:
        """"he" or "she", as the honorific before the name the sentence before opens with, or its
        given name, says for sure."""
        tokens = self._openings[-2][1]
        at = tokens.index(name[0])
        title = tokens[at - 2] if at > 1 and tokens[at - 1].text == "." else tokens[at - 1] if at else None
        if title is not None and title.lower.rstrip(".") in HONORIFICS:
            return GENDERED_WORDS[title.lower.rstrip(".")]
        return given_gender(name[0].text) if len(name) > 1 else None

    def _subject_name(self) -> list[Token] | None:
        """The name the sentence just before opens with, if it opens with one."""
        if len(self._openings) > 1 and self._openings[-2][0] == self.sentence - 1:
            return opening_name(self._openings[-2][1])
        return None

    def poll(self, named_here: bool = False, far: bool = True) -> Source | None:
        """The poll or survey a proportion of respondents answered: one credited in the last few
        sentences, or else one named in this sentence or the one before ("A Quinnipiac poll ..."),
        or else (`far`) the one the story last credited. `named_here`: one this sentence names
        comes first ("The Gazette poll was taken ...")."""
        return self._seen(self._find_poll(named_here, far))

    def _find_poll(self, named_here: bool = False, far: bool = True) -> Source | None:
        if named_here and (found := self._named_poll(self._openings[-1:])) is not None:
            return found
        found = next((s for s in self._recent() if _poll_source(s)), None)
        if found is None:
            found = self._named_poll(self._openings)
        # else the poll the story last credited, however far back: a poll story's own poll is its
        # topic ("The survey ran June 3-6 ... Its error margin is 4 points")
        if found is None and far:
            found = next((s for s in reversed(self.sources) if _poll_source(s)), None)
        if found is None and far and self._poll_named is not None:
            found = self._named_poll([self._poll_named])  # named further back, never credited yet
        if found is None:  # "exit polls show ... Six in 10 Republicans said": the polls, unnamed as they are
            found = next((s for s in self._recent() if _poll_source(s, named=False)), None)
        return found

    def _named_poll(self, openings: list[tuple[int, list[Token]]]) -> Source | None:
        for _, tokens in reversed(openings):
            # a capitalised word before "poll" that is not the sentence's first: "Recent polls" names none
            at = next((k for k in range(len(tokens) - 1, 1, -1) if tokens[k].lower in POLL_NOUNS and tokens[k - 1].is_cap
                       and tokens[k - 1].lower not in DETERMINERS), None)
            if at is None:
                continue
            first = at - 1
            while first > 0 and tokens[first - 1].lower not in DETERMINERS \
                    and (tokens[first - 1].is_cap or tokens[first - 1].text in ("’s", "'s", "-", "&")):
                first -= 1
            label = " ".join(t.text for t in tokens[first:at + 1]).replace(" ’s", "’s").replace(" 's", "'s")
            m = Mention(Span(tokens[first].start, tokens[at].end, label), "document", label, tokens[at].lower)
            return self._same(m) or self._new_source(label, "document", [m.span])
        return None

    def _definite(self, head: str, label: str) -> Source | None:
        """What "the official", "the senator", "the newspaper" refers back to, among the sources
        of the last DEFINITE_REACH mentioned (a bound, so that a long article stays linear)."""
        stem = head.rstrip("s")
        recent = self.sources[-self.DEFINITE_REACH:][::-1]
        for s in recent:
            if s.anonymous and s.descriptor and describes(label, s.descriptor):
                return s
        for s in recent:
            if s.kind == "person" and s.role and holds(s.role, stem, former="former" in label.lower()) \
                    and head not in ORGANIZATION_NOUNS:  # ("the campaign" is not its "campaign manager")
                return s
            if not s.anonymous and s.descriptor and normalise(s.descriptor) == normalise(label):
                return s  # "the governor" again
        # "the newspaper" is the outlet named before it, "the company" the organisation: named, not anonymous
        kinds = ("outlet",) if head in OUTLET_NOUNS else ("organization", "outlet") if head == "agency" \
            else ("organization",) if head in ORGANIZATION_NOUNS else ()
        if "organization" in kinds and (found := self._organisation_named(head)) is not None:
            return found  # one the sentence before names, though not as a source, comes first
        if "organization" in kinds and (found := self._employer(head)) is not None:
            return found
        if not kinds and (found := self._holder_named(stem)) is not None:
            return found  # "Justice Ana Ruiz ... the justice said": one the sentence before names by title
        for s in recent:
            if s.kind in kinds and (head in GENERIC_NOUNS or head in normalise(s.label).split("-")):
                return s
        return None

    def _employer(self, head: str) -> Source | None:
        """"Sanders campaign manager Jeff Weaver said ... The campaign said": the organisation a
        person quoted in the last few sentences works for, named in their role ("the Sanders
        campaign") or beside it ("a spokeswoman for Harlow Logistics"), is what "the campaign",
        "the company" refers to, not the person."""
        for s in self._recent():
            if s.kind != "person" or not s.role:
                continue
            if m := re.search(rf"\b((?:[A-Z][\w.’'-]*\s+)+{re.escape(head)})\b", s.role):
                words = m.group(1).split()
                while len(words) > 2 and (is_title(words[0]) or words[0].lower() in ("former", "ex", "then", "acting")):
                    words = words[1:]  # "Former Sanders campaign manager": the Sanders campaign
                label = " ".join(words)
            elif s.affiliation and _works_for(head, s.affiliation) and _speaks_for(s.role):
                label = s.affiliation
            else:
                continue
            known = self._index.get(("label", "organization", normalise(label)), [])
            return known[-1] if known else self._new_source(label, "organization", [])
        return None

    def _holder_named(self, office: str) -> Source | None:
        """"Justice Ana Ruiz wrote the opinion. The justice said ...": a person the sentence before
        (or this one) names by the title, though not as a source, is what "the justice" refers to."""
        if office not in lexicon.words("titles.txt"):
            return None  # "the man said": no title, so no one named by it
        abbreviation = OFFICE_ABBREVIATIONS.get(office)
        for _, tokens in reversed(self._openings):
            for k, t in enumerate(tokens[:-2]):
                if not t.is_cap or t.lower != office and t.lower + "." != abbreviation:
                    continue  # the title word itself ("Justice", "Sen."), not one inside another ("Manchester")
                j = k + 1
                while j < len(tokens) and tokens[j].text == ".":
                    j += 1  # "Sen." tokenised with its stop
                name = []
                while j < len(tokens) and tokens[j].is_cap and tokens[j].is_word and len(name) < 4:
                    name.append(tokens[j])
                    j += 1
                if len(name) >= 2:
                    label = " ".join(w.text for w in name)
                    return self._resolve(Mention(Span(name[0].start, name[-1].end, label), "person", label,
                                                 name[-1].lower, role=t.text))
        return None

    def _organisation_named(self, head: str) -> Source | None:
        """"The Tax Policy Center studied the plan. The group concluded ...": an organisation the
        sentence before (or this one) names without crediting it is what "the group" refers to."""
        org_words = lexicon.words("organization_words.txt")
        for _, tokens in reversed(self._openings):
            runs, run = [], []
            for t in tokens + [None]:
                if t is not None and (t.is_cap and t.is_word and t.lower not in CALENDAR
                                      or run and t.lower in ("of", "for", "and")):
                    run.append(t)
                    continue
                while run and not run[-1].is_cap:
                    run.pop()
                while run and run[0].lower in DETERMINERS:
                    run.pop(0)
                if len(run) >= 2 and any(w.lower in org_words for w in run[1:]) \
                        and (head in ("group", "organization", "organisation") or any(w.lower == head for w in run)):
                    runs.append(run)
                run = []
            if runs:
                label = " ".join(w.text for w in runs[-1])
                return self._resolve(Mention(Span(runs[-1][0].start, runs[-1][-1].end, label), "organization",
                                             label, runs[-1][-1].lower))
        return None


# What "the company" or "the firm" can be: a business, not a university, ministry or party that
# a spokeswoman works for (whose own noun would name it: "the university")
BUSINESS_NOUNS = frozenset("company firm corporation".split())
NOT_BUSINESSES = frozenset(lexicon.words("organization_words.txt")) - frozenset(
    "company corporation corp inc ltd firm group logistics holdings partners capital industries systems technologies "
    "solutions energy motors airlines airline pharmaceuticals foods brands labs ventures enterprises insurance llc "
    "plc associates bank".split())


def _own_words(role: str) -> list[str]:
    """The words of a role that can say whether its holder is a he or she: of "Mrs. Clinton and
    former President Bill Clinton" what stands beside his name, and an honorific only at either
    end (his own, "Mr."), not inside ("a strategist for Mrs. Clinton's campaign" is hers)."""
    words = role.split(" and ")[-1].lower().replace(".", "").split()
    return [w for k, w in enumerate(words) if k in (0, len(words) - 1) or w not in HONORIFICS]


# Roles that speak for the organisation named in them ("a spokeswoman for", "the chief executive of"),
# unlike "an analyst at Carver Securities", who comments on some other firm
SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson executive officer president chairman chairwoman director "
                       "founder owner ceo head chief manager".split())


def _speaks_for(role: str) -> bool:
    return bool(SPEAKS_FOR & set(own_role(role).replace(".", "").split()))


def _works_for(head: str, employer: str) -> bool:
    """Is `employer` (named beside a person: "a spokeswoman for Harlow Logistics") what "the
    <head>" said later refers to: its own noun ("the university": Yale University), or "the
    company" for a business?"""
    words = employer.lower().split()
    return head in words or head in BUSINESS_NOUNS and not NOT_BUSINESSES & set(words)


def _poll_source(s: Source, named: bool = True) -> bool:
    """A poll or survey credited as a source (`named`: by a name, not "polls" or "exit polling")."""
    return s.kind == "document" and not (named and s.anonymous) \
        and bool(POLL_NOUNS & set(normalise(s.label).split("-")))


def _of_own_place(m: Mention) -> bool:
    """"the state's governor", "the city's Democratic mayor": the office of the place just named (not
    "the city's former mayor", one of several)."""
    words = m.span.text.lower().split()
    return len(words) > 2 and words[1] in OWN_PLACES and all(w in PARTY_WORDS for w in words[2:-1])
