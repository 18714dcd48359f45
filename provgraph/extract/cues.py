"""Attribution patterns in one sentence: who (source), how (cue), what (content).

Covers "X said (that) Y", "Y, X said", "'Y,' said X", "according to X, Y", "Y, according to X",
"as reported by X", "X told Z that Y", "X, speaking to Z, said Y" (Z an outlet becomes the
intermediary), "a report from X, who noted that Y", "the report found". Works on tokens; no parser.
"""

from __future__ import annotations

from dataclasses import replace

from provgraph.extract import lexicon
from provgraph.extract.checkable import SPEECH_LEMMAS, cue_lemma
from provgraph.extract.clauses import noun_phrase, past_form
from provgraph.extract.found import Found
from provgraph.extract.layout import DASHES, dash_credit, label_credit, speaker_label
from provgraph.extract.phrases import (CLAUSE_ADJUNCTS, OBJECT_PREPOSITIONS, finite_verb, named_day, np_backward_start,
                                       np_forward_end, phrase_end, recipient_end, relative_clause_start)
from provgraph.extract.names import DETERMINERS, POSSESSIVES, QUANTIFIERS, span_text
from provgraph.extract.mention import Mention
from provgraph.extract.sources import (RELATIONS, RELIABLE_CUE, SPOKESPEOPLE, SUBORDINATORS, _strip_det, appositive_role,
                                      describes_someone, parse_mention)
from provgraph.extract.tokens import QUOTE_MARKS, Token
from provgraph.model import Span

# Words that may stand between a subject and its cue verb ("X has also said").
SKIP_BEFORE_CUE = frozenset(
    "has have had is was were also later previously then further repeatedly publicly recently already "
    "once again would will did does do had just even still first initially subsequently separately "
    "privately reportedly allegedly earlier long never not n't n’t ’s 's often always last week month year "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight this on".split()
)
NOUN_CONTEXT = frozenset(DETERMINERS | set(POSSESSIVES) | {"our", "my", "your"})
OBJECT_CUES = frozenset("tell told tells telling inform informed warn warned assure assured remind reminded".split())
VIA_WORDS = ("speaking to", "talking to", "speaking with", "in an interview with", "told", "writing in",
             "interviewed by", "in comments to", "in a statement to")
ANONYMITY = None  # loaded lazily from the lexicon


# speech cues that may take their speaker after them ("said X"); "shows" and "found" never do
SPEAKER_AFTER = SPEECH_LEMMAS - {"show", "find"}


def find_attributions(sentence: Span, tokens: list[Token], quotes: list[Span], article: str) -> list[Found]:
    """All attributions whose cue lies in `sentence`."""
    found: list[Found] = []
    anonymity = _has_anonymity_phrase(sentence.text)
    taken: set[int] = set()
    words = [t for t in tokens if t.is_word and t.text[0].isalpha()]
    # "Bernie Sanders Says He Has Started Writing": in a title-case headline cues are capitalised too
    headline = len(words) >= 4 and sum(t.is_cap for t in words) >= 0.8 * len(words)
    cue_verbs = lexicon.cue_verbs()
    phrases = lexicon.cue_phrases()
    all_verbs = lexicon.table("cue_verbs.txt")
    if tokens and tokens[0].text in DASHES and (f := dash_credit(tokens, sentence, quotes, article)):
        f.sentence = sentence
        f.quote = "direct"
        return [f]
    for i, tok in enumerate(tokens):
        if i in taken or not (tok.is_word or tok.text == ":"):
            continue
        low = tok.lower
        if low not in cue_verbs and low not in all_verbs and low not in ("according", ":") and (
                i + 1 >= len(tokens) or (low, tokens[i + 1].lower) not in phrases):
            continue  # the common case: a word that can start no pattern
        f = None
        if low == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            f = _according_to(i, tokens, sentence, article)
            taken.add(i + 1)
        elif (k := phrase_end(i, tokens)) and not tok.is_cap and _is_verb(i, tokens) and not _in_quote(tok, quotes):
            f = _cue_verb(i, tokens, sentence, quotes, article, end=k)
            taken.update(range(i, k))
        elif (low in lexicon.cue_verbs() or _verb_before_clause(i, tokens)) and (not tok.is_cap or headline) \
                and _is_verb(i, tokens) and not _in_quote(tok, quotes):
            f = _cue_verb(i, tokens, sentence, quotes, article)
        elif low == ":" and i <= 5 and speaker_label(tokens, i, sentence, article):
            f = label_credit(i, tokens, sentence, article)
        if f is not None and (_is_anonymity_clause(f.content[0].text)
                              or _is_anonymity_clause(f.cue.text + " " + f.content[0].text)):
            f = None  # "who spoke on the condition that their name not be used" says how, not what
        if f is not None:
            f.anonymity = anonymity
            f.sentence = sentence
            if f.mention is not None and anonymity and f.mention.kind in ("anonymous", "definite", "pronoun"):
                f.mention.anonymous = True
            f.quote = _quote_type(f.content, quotes)
            found.append(f)
            if len(found) >= MAX_PER_SENTENCE:
                break  # no real sentence has more; token soup ("said said said ...") would go quadratic
    return found


MAX_PER_SENTENCE = 20


def _has_anonymity_phrase(text: str) -> bool:
    low = text.lower()
    return any(p in low for p in lexicon.words("anonymity_phrases.txt"))


ADJUNCT_START = frozenset(
    "of in on about at after during before to with for from last this earlier recently when while as "
    "referring adding noting citing pointing arguing explaining according".split()
)


def _adjunct(tokens: list[Token], after: int) -> bool:
    """Words after the cue that qualify it ("said of Apple in February", "said in a statement",
    ", referring to Obama") rather than give what was said."""
    k = after
    while k < len(tokens) and tokens[k].text == ",":
        k += 1
    return k >= len(tokens) or tokens[k].lower in ADJUNCT_START or tokens[k].lower.endswith("day") or (
        tokens[k].lower.endswith("ing") and not tokens[k].is_cap)  # ", speaking on condition of anonymity"


BE = frozenset("is are was were be been being am ’s 's".split())
RAISING = frozenset("seem seems seemed appear appears appeared".split())


def _passive(i: int, tokens: list[Token]) -> bool:
    """"was asked", "has been told", "is expected": a form of *be* right before a past participle."""
    if not tokens[i].lower.endswith(("ed", "en", "wn", "ld", "ght")):
        return False
    k = i - 1
    while k >= 0 and _is_adverb(tokens[k]):
        k -= 1
    # "to be named", "not to be identified": an infinitive passive says how, not who said what
    return k >= 0 and tokens[k].lower in BE and not (k > 0 and tokens[k - 1].lower == "to")


def _verb_before_clause(i: int, tokens: list[Token]) -> bool:
    """A verb of any reliability followed by "that" and a clause, or by a colon and a quotation
    ("believes that ...", "knows that ...", "wrote: “...”"): the structure itself marks an attribution."""
    if i + 2 >= len(tokens) or tokens[i].lower not in lexicon.table("cue_verbs.txt"):
        return False
    nxt = tokens[i + 1]
    if nxt.lower == "that":
        after = tokens[i + 2]
        return after.lower in CLAUSE_STARTS or after.is_cap
    return nxt.text == ":" and tokens[i + 2].text in ("“", '"', "‘")


CLAUSE_STARTS = frozenset("he she they it we i you the a an this there his her their its our some many most".split())


def _is_adverb(tok: Token) -> bool:
    return tok.lower.endswith("ly") and not tok.is_cap and len(tok.text) > 4 and tok.lower not in LY_NOUNS


# Nouns that end like adverbs: "attorneys for the family said", "a close ally said", "the daily reported".
LY_NOUNS = frozenset("family ally assembly daily weekly monthly quarterly rally supply monopoly anomaly "
                     "homily reply bully".split())


def _in_quote(tok: Token, quotes: list[Span]) -> bool:
    """A cue word inside a quotation is part of what was said ("I don't think ..."), not a cue."""
    return any(q.start <= tok.start and tok.end <= q.end for q in quotes)


def _is_anonymity_clause(text: str) -> bool:
    low = text.lower().lstrip(" ,")
    return low.startswith(("on condition", "on the condition", "anonymously", "on background", "declined to be",
                           "asked not to be", "requested anonymity")) or (
        len(low.split()) <= 8 and _has_anonymity_phrase(low))


def _is_verb(i: int, tokens: list[Token]) -> bool:
    """A cue word used as a verb, not a noun ("the claims", "his report")."""
    if i > 0 and tokens[i - 1].lower in NOUN_CONTEXT and not (
            i == 1 and tokens[0].lower in QUANTIFIERS and tokens[i].lower in ("say", "said", "says", "told")
            and not any(t.text == "," for t in tokens[i + 1:])):  # (not "Many said things they regretted, X recalled")
        return False  # ("his claims", "the report"; not "Many said", "Several told reporters": none is a noun)
    if i > 0 and tokens[i - 1].lower in PREPOSITIONS:
        return False  # "for not answering", "to appear": a gerund or infinitive, not a cue
    return True


PREPOSITIONS = frozenset("for to of by with without about after before in on from into than like".split())


def _span(tokens: list[Token], a: int, b: int, article: str) -> Span | None:
    """Span of tokens[a:b] (b exclusive), trimmed of edge punctuation other than quote marks."""
    while a < b and tokens[a].text in ",;:—–-(":
        a += 1
    while b > a and tokens[b - 1].text in ",;:—–-(":
        b -= 1
    if b <= a:
        return None
    return Span(tokens[a].start, tokens[b - 1].end, article[tokens[a].start:tokens[b - 1].end])


def _words(tokens: list[Token], a: int, b: int) -> int:
    return sum(1 for t in tokens[a:b] if t.is_word)


def _according_to(i: int, tokens: list[Token], sentence: Span, article: str) -> Found | None:
    end = np_forward_end(tokens, i + 2, allow_who=False)
    mention = parse_mention(tokens[i + 2:end], article)
    if mention is None:
        return None
    cue = Span(tokens[i].start, tokens[i + 1].end, article[tokens[i].start:tokens[i + 1].end])
    if _words(tokens, 0, i) >= 3:  # "Y, according to X"
        content = _span(tokens, 0, i, article)
    else:  # "According to X, Y"
        content = _span(tokens, end, len(tokens), article)
    if content is None:
        return None
    return Found(mention, cue, "according to", [content])


INVERTING = (",", "’", "”", '"', "—", "–", ":")  # what may stand before "said X", the speaker after the cue


def _cue_verb(i: int, tokens: list[Token], sentence: Span, quotes: list[Span], article: str,
              end: int | None = None) -> Found | None:
    """The cue is tokens[i:end] (one verb, or a phrase such as "pointed out")."""
    end = end or i + 1
    cue_tok = tokens[i]
    lemma = cue_lemma(tokens[i:end])
    cue = Span(cue_tok.start, tokens[end - 1].end, article[cue_tok.start:tokens[end - 1].end])
    n = len(tokens)
    via = None

    # Passive: "as reported by X", "X was reported by Y"
    if end == i + 1 and i + 1 < n and tokens[i + 1].lower == "by" and lexicon.cue_ratio(cue_tok.lower) >= 0.4:
        end = np_forward_end(tokens, i + 2, allow_who=False)
        mention = _author_of(parse_mention(tokens[i + 2:end], article), tokens[i + 2:end], article)
        if mention is None:
            return None
        a = i - 1 if i > 0 and tokens[i - 1].lower == "as" else i
        cue = Span(tokens[a].start, tokens[i + 1].end, article[tokens[a].start:tokens[i + 1].end])
        parts = [_span(tokens, 0, a, article), _span(tokens, end, n, article)]
        parts = [p for p in parts if p is not None and len(p.text) > 1]
        return Found(mention, cue, lemma, parts) if parts else None

    # No source: a passive without "by" ("she has been asked to ...", "is expected to ...") or a
    # raising verb ("appeared to have gained"); PolNeAR counts these, the subject is not the source
    if end == i + 1 and (_passive(i, tokens) or cue_tok.lower in RAISING) and i + 1 < n and tokens[i + 1].lower != "by":
        start = i - 1
        while start > 0 and tokens[start].lower in SKIP_BEFORE_CUE | BE:
            start -= 1
        subj_start = np_backward_start(tokens, start + 1)
        subject = _span(tokens, subj_start, start + 1, article) if cue_tok.lower in RAISING else None
        rest = _span(tokens, i + 1, n, article)
        if rest is not None and _words(tokens, i + 1, n) >= 2:
            return Found(None, cue, lemma, [c for c in (subject, rest) if c is not None])

    # Subject before the cue, skipping auxiliaries and a parenthetical ", speaking to RIA," / ", who ..."
    j = i
    while j > 0 and (tokens[j - 1].lower in SKIP_BEFORE_CUE and not named_day(tokens, j - 1)
                     and not tokens[j - 1].text.isupper()  # "USA TODAY reported"
                     or _is_adverb(tokens[j - 1])):
        j -= 1
    mention = None
    subj_start = None
    if j > 1 and tokens[j - 1].lower in ("who", "which"):
        subj_end = j - 1
        while subj_end > 0 and tokens[subj_end - 1].text in (",", "—", "–", "-"):
            subj_end -= 1  # "the study, which notes", "the study -- which notes"
        subj_start = np_backward_start(tokens, subj_end, limit=12)
        np = tokens[subj_start:subj_end]
        mention = _author_of(parse_mention(np, article), np, article)
        if mention is None and tokens[j - 1].lower == "who":
            # "The question came from Tom Lee, who said": the one after the preposition; "a young
            # child, who said": "who" is a person, named or not
            after = next((k + 1 for k in range(subj_end - 1, subj_start - 1, -1)
                          if tokens[k].lower in OBJECT_PREPOSITIONS), subj_start)
            opens = next((k for k in range(after - 2, subj_start - 1, -1)
                          if tokens[k].lower in ("a", "an", "one", "another")), None)
            head = _someone(tokens[opens:after - 1], article) if opens is not None and subj_end < j - 1 \
                and tokens[after - 2].lower in ACQUAINTANCES | lexicon.words("anonymous_nouns.txt") else None
            if head is not None:  # "a friend of Tom Lee, who said": the friend, unnamed
                described = span_text(tokens[opens:subj_end], article)
                mention = replace(head, span=Span(tokens[opens].start, tokens[subj_end - 1].end, described),
                                  label=described, descriptor=described)
                subj_start = opens
            else:
                np = tokens[after:subj_end]
                named = parse_mention(np, article) if after > subj_start and subj_end < j - 1 else None
                mention = named if named is not None and named.kind == "person" and not named.anonymous \
                    else _someone(np, article)  # (a name set off by ", who": not "Fox News who", "Republicans who")
                subj_start = after
        if mention is not None:  # the source is the antecedent; the mention in the text is "who"
            rel = tokens[j - 1]
            mention.span = Span(rel.start, rel.end, rel.text)
    elif j > 0 and tokens[j - 1].text in (",", "—", "–"):
        k = j - 2
        while k >= 0 and tokens[k].text not in (",", "—", "–"):
            k -= 1
        if k > 0 and k + 1 != _after_dateline(tokens):  # (not the dash of "WASHINGTON (AP) —")
            segment = tokens[k + 1:j - 1]
            via = _via(segment, article)
            # ", who ran the budget office for a decade before she retired in March,": a relative
            # clause of any length says who the subject before it is
            relative = bool(segment) and segment[0].lower in ("who", "whose")
            # ", poked at the remark during the debate, tweeting": a verb phrase of the sentence's
            # subject, not a phrase naming who tweeted ("His report, based on interviews, reveals"
            # keeps its subject: a participle between commas before a finite cue modifies it)
            verb_phrase = cue_tok.lower.endswith("ing") and finite_verb(tokens, k + 1)
            if segment and not verb_phrase and (via is not None or relative or _words(tokens, k + 1, j - 1) <= 12):
                subj_start = np_backward_start(tokens, k)
                # "For many, the tolls would cost more, said X": after a preposition the
                # phrase is its object, not the subject
                object_of = subj_start > 0 and tokens[subj_start - 1].lower in OBJECT_PREPOSITIONS
                mention = None if object_of else parse_mention(tokens[subj_start:k], article)
                description = tokens[subj_start:k]
                coordinated = subj_start > 0 and tokens[subj_start - 1].lower in ("and", "or")  # ("He and his wife, Ana Lowe,")
                named = parse_mention(segment, article) if via is None and not object_of and not coordinated \
                    and not any(t.lower == "and" for t in segment) and (  # ("Her lawyers, Tom Hale and Ann Lee,")
                        describes_someone(description) or _after_participle(tokens, subj_start) and segment[0].is_cap) \
                    else None
                # (not ", including Ted Cruz and Marco Rubio," after "candidates": members, not the name)
                if named is not None and named.kind == "person" and not named.anonymous \
                        and sum(t.is_cap for t in segment) >= 2:
                    # "A spokesman for Jeb Bush, Tim Miller, said", "Another critic, Michael Mulgrew,
                    # said", "The head of the PAC backing Jeb Bush, Mike Murphy, praised": the name
                    # beside the description is the source (not the description, nor the one named
                    # inside it), the description its role, and PolNeAR's source the two together
                    first = subj_start if describes_someone(description) else k + 1
                    role = _strip_det(span_text(description, article)) if first == subj_start else None
                    mention = replace(named, role=named.role or role,
                                      span=Span(tokens[first].start, tokens[j - 2].end, span_text(tokens[first:j - 1], article)))
                    subj_start = first
                elif mention is not None and mention.kind == "person" and not mention.anonymous:
                    role, employer = appositive_role(tokens[k:j - 1], article)  # ", a spokeswoman for X,"
                    mention = replace(mention, role=mention.role or role, affiliation=mention.affiliation or employer)
                elif mention is None and via is None and not object_of:  # "Clinton's opponent, Vermont Sen. Bernie Sanders, praised"
                    mention = parse_mention(segment, article)
                    subj_start = k + 1 if mention is not None else None
    elif j > 0:
        subj_start = np_backward_start(tokens, j)
        rel = relative_clause_start(tokens, subj_start)
        if rel is not None:  # "people who read them told the station": the subject is "people"
            subj_start = np_backward_start(tokens, rel)
        if subj_start < j:
            mention = parse_mention(tokens[subj_start:j], article) or _bare_plural_tag(tokens, subj_start, j, end, article)
    if mention is None and cue_tok.lower.endswith("ing") and i > 0 and tokens[i - 1].text == ",":
        # "Sanders criticized the accord, saying ...": the sentence's subject is the source
        mention = _sentence_subject(tokens, i, article)
        subj_start = None
    elif mention is None and j > 1 and tokens[j - 1].lower == "and" and past_form(cue_tok.lower):
        # "Mayor Lowe visited the port on Monday and said ...": the subject of both verbs (the
        # sentence's, if a verb of its own follows it; a cue in the past: "and attacks on" is a noun)
        subject = _sentence_subject(tokens, j - 1, article)
        verb = next((k for k, t in enumerate(tokens) if subject is not None and t.start >= subject.span.end), None)
        if verb is not None and finite_verb(tokens, verb) and lexicon.cue_ratio(cue_tok.lower) >= RELIABLE_CUE \
                and not any(t.lower in CLAUSE_OPENERS for t in tokens[verb:j - 1]):
            # (not "viewers were spread ... and pressed against", nor "sentenced Tom Reyes, who wept and said")
            mention, subj_start = subject, None
    # "A Ledger analysis of loans made since Jan. 1, 2015, shows ...": a subject set off by a comma,
    # for a cue that never takes its speaker after it ("shows", "features"; not "said X")
    unsaid = mention is None and lemma not in SPEAKER_AFTER and i > 1
    opens_with_np = unsaid and tokens[i - 1].text in INVERTING and noun_phrase(article[tokens[0].start:tokens[i - 2].end])
    if unsaid and tokens[i - 1].text == "," and not any(t.lower in SUBORDINATORS for t in tokens[:i - 1]):
        subject = parse_mention(tokens[:i - 1], article)
        if subject is not None and (subject.kind == "document" or subject.kind != "pronoun" and opens_with_np):
            mention, subj_start = subject, 0
    if mention is None:
        subj_start = None

    after = end
    inverted = False
    if mention is None and (i == 0 or tokens[i - 1].text in INVERTING) and not opens_with_np:
        # (not after a subject set off by a comma)
        end = np_forward_end(tokens, after, stop_at_verb=True)
        # "said Brandt phoned the harbour master": a verb after the name makes it the reported clause's
        # subject, not an inverted source
        mention = None if finite_verb(tokens, end) else parse_mention(tokens[after:end], article)
        if mention is not None:
            inverted = True
            after = end
    if mention is None:
        return None

    # An object after tell/warn ("told reporters", "told RIA") and an optional "that".
    if lemma in OBJECT_CUES or cue_tok.lower in OBJECT_CUES:
        k = after
        while k < n and k - after < 8 and tokens[k].lower != "that" and tokens[k].is_word:
            k += 1
        at_end = k >= n or (tokens[k].text in ".!?" and k == n - 1)
        opens = subj_start is None or subj_start == 0 or tokens[subj_start - 1].text not in _BEFORE_TAG
        if at_end and not inverted and opens:
            # "King told reporters the plant closed in May": no "that", and no quotation before
            # the source for the cue to close; what was said starts after the recipient
            obj_end = recipient_end(tokens, after)
            if obj_end > after and _words(tokens, obj_end, n) >= 3 and tokens[obj_end].lower not in CLAUSE_ADJUNCTS:
                k, at_end = obj_end, False
                if via is None:
                    via = _outlet_only(tokens[after:k], article)
                after = k
        if k < n and tokens[k].lower == "that" or (k < n and tokens[k].text in (",", ":")) or at_end:
            obj = tokens[after:k]
            if via is None and obj:
                via = _outlet_only(obj, article)  # "told Reuters that ...", "..., officials told the Herald."
            after = k
    if not inverted:
        if after < n and tokens[after].text == ",":
            close = next((k for k in range(after + 1, min(n, after + 10)) if tokens[k].text == ","), None)
            if close is not None:
                maybe_via = _via(tokens[after + 1:close], article)
                if maybe_via is not None:
                    via, after = maybe_via, close
    while after < n and (tokens[after].lower == "that" or tokens[after].text in (",", ":", "—")):
        after += 1

    before_end = i if inverted else (subj_start if subj_start is not None else i)
    content_before = before_end > 0 and tokens[before_end - 1].text in (",", "’", "”", '"', "—", "–", "'")
    bare = _words(tokens, after, n) < 3  # "Trump said." after a quotation split off by the sentence splitter
    # (a quotation the sentence splitter left before the sentence: "“... Scott!” His niece, Del.
    # Cia Price, shouted to the crowd.")
    quoted_before = _quoted_before(tokens, before_end, quotes, article) \
        if content_before or before_end == 0 and (bare or _adjunct(tokens, after)) else None
    marker = None if inverted else _content_marker(tokens, after, quotes)
    if marker is not None and (quoted_before is None or marker - after <= 3):
        # "declared on national television that ...", "responded: “...”": content starts at the marker
        start = marker + 1 if tokens[marker].lower == "that" or tokens[marker].text == ":" else marker
        content = [_extend_to_quote(_span(tokens, start, n, article), quotes, article)]
    elif quoted_before is not None and (bare or _adjunct(tokens, after) or lemma in OBJECT_CUES):
        # "“...,” Ramos, 58, told AFP in an interview"
        content = [quoted_before]
    elif not inverted and _words(tokens, after, n) >= 3 and not (content_before and _adjunct(tokens, after)):
        content = [_extend_to_quote(_span(tokens, after, n, article), quotes, article)]
    else:
        content = [_quoted_before(tokens, before_end, quotes, article) or _span(tokens, 0, before_end, article)]
        if inverted and after < n:
            tail = _span(tokens, after, n, article)
            if tail is not None and _words(tokens, after, n) >= 3 and any(q.start <= tail.start + 2 and q.end > tail.start for q in quotes):
                content.append(_extend_to_quote(tail, quotes, article))
    content = [c for c in content if c is not None and len(c.text.strip(" ‘’“”\"'.,")) > 1]
    if not content:
        return None
    return Found(mention, cue, lemma, content, via=via)


_BEFORE_TAG = frozenset({",", "”", "’", '"', "—", "–"})


def _bare_plural_tag(tokens: list[Token], start: int, j: int, end: int, article: str) -> Mention | None:
    """"..., insurers said." / "..., two former managers told the court.": a short lowercase plural
    noun phrase between the content and a closing cue is an unnamed group of sources, whatever the
    noun (the lexicons cannot list every trade and role)."""
    np = tokens[start:j]
    if start == 0 or tokens[start - 1].text not in _BEFORE_TAG or not 1 <= len(np) <= 4 or _words(tokens, end, len(tokens)) > 4:
        return None
    head = np[-1]
    if not all(t.is_word and (not t.is_cap or t.text.isdigit()) for t in np) or len(head.lower) < 4 \
            or not head.lower.endswith("s") or head.lower.endswith(("ss", "us", "is")):
        return None
    text = article[np[0].start:head.end]
    return Mention(Span(np[0].start, head.end, text), "anonymous", text, head.lower, anonymous=True, descriptor=text)


def _content_marker(tokens: list[Token], after: int, quotes: list[Span]) -> int | None:
    """Index of "that", ":" or an opening quotation mark within a few words after the cue, past
    adjuncts such as "on national television" or "during Saturday's debate"."""
    for m in range(after, min(len(tokens), after + 10)):
        t = tokens[m]
        if t.lower == "that" and m + 1 < len(tokens) and (tokens[m + 1].lower in CLAUSE_STARTS or tokens[m + 1].is_cap
                                                          or tokens[m + 1].is_word):
            return m
        if t.text == ":" or (t.text in ("“", '"', "‘") and any(q.start == t.end for q in quotes)):
            return m
        if t.text in (".", ";", "?", "!"):
            return None
    return None


# Words that open a clause of its own inside the sentence: a verb after them has another subject.
RELATIVES = frozenset("who whom whose which that".split())
CLAUSE_OPENERS = SUBORDINATORS | RELATIVES | frozenset("after before as since until once".split())
# What opens a sentence before its subject: "In Iowa,", "Speaking at ...,", "Ever since she won, ..."
SUBJECT_AFTER = (CLAUSE_OPENERS - RELATIVES) | frozenset("in on at during speaking asked".split())


# People someone else is named to place ("a friend of Tom Lee, who said"): the friend speaks, not Tom Lee
ACQUAINTANCES = RELATIONS | SPOKESPEOPLE | frozenset(
    "colleague lawyer attorney aide adviser advisor employee member supporter classmate".split())


def _someone(np: list[Token], article: str) -> Mention | None:
    """An unnamed person described by a lower-case noun phrase ("a young child"), which "who"
    after it says is a person."""
    if not np or len(np) > 5 or np[0].lower not in ("a", "an", "one", "another") \
            or not all(t.is_word and not t.is_cap for t in np):
        return None
    described = span_text(np, article)
    return Mention(Span(np[0].start, np[-1].end, described), "anonymous", described, np[-1].lower, anonymous=True,
                   descriptor=described)


def _after_participle(tokens: list[Token], start: int) -> bool:
    """Is tokens[start] the object of a participle ("the PAC backing | Jeb Bush")?"""
    return start > 0 and tokens[start - 1].lower.endswith("ing") and not tokens[start - 1].is_cap \
        and tokens[start - 1].is_word


def _sentence_subject(tokens: list[Token], before: int, article: str) -> Mention | None:
    """The subject at the start of the sentence (after a dateline, "BRUSSELS -", or a leading "On
    Saturday," or "In Iowa," phrase)."""
    start = _after_dateline(tokens)
    opener = start + 1 if start + 1 < len(tokens) and tokens[start].lower in ("ever", "even", "just", "long") else start
    if opener < len(tokens) and tokens[opener].lower in SUBJECT_AFTER:
        comma = next((k for k in range(before) if tokens[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    if any(t.text in QUOTE_MARKS and t.text not in "’'" for t in tokens[start:before]):  # (not an apostrophe)
        return None  # "“The voters want change,” she said, adding ...": a quotation's words are no subject
    end = np_forward_end(tokens, start, limit=10, stop_at_verb=True)
    if end <= start or end >= before:
        return None
    return parse_mention(tokens[start:end], article)


def _after_dateline(tokens: list[Token]) -> int:
    """Where the sentence starts after a dateline ("BRUSSELS -", "WASHINGTON (AP) —"): a place in
    capitals, an optional agency in brackets, a dash; 0 when there is none."""
    k = 0
    while k < len(tokens) and tokens[k].text.isupper() and len(tokens[k].text) > 1:
        k += 1
    if k and k < len(tokens) and tokens[k].text == "(":
        k = next((j + 1 for j in range(k, min(len(tokens), k + 6)) if tokens[j].text == ")"), 0)
    return k + 1 if k and k < len(tokens) and (tokens[k].text in DASHES or tokens[k].text == "-") else 0


def _author_of(mention: Mention | None, np: list[Token], article: str) -> Mention | None:
    """"a report from Christoph Vanner of Die Welt": the source is the report's author."""
    if mention is None or mention.kind != "document" or not mention.affiliation:
        return mention
    for k, t in enumerate(np):
        if t.lower in ("from", "by", "of"):
            author = parse_mention(np[k + 1:], article)
            if author is not None and author.kind in ("person", "organization", "outlet"):
                return author
            break
    return mention


def _via(segment: list[Token], article: str) -> Mention | None:
    """", speaking to RIA," -> the outlet RIA, the intermediary the source spoke through."""
    low = " ".join(t.lower for t in segment)
    for phrase in VIA_WORDS:
        if low.startswith(phrase + " "):
            rest = segment[len(phrase.split()):]
            return _outlet_only(rest, article)
    return None


def _outlet_only(tokens: list[Token], article: str) -> Mention | None:
    """The outlet the tokens name, without how the source spoke to it ("the Gazette on condition of
    anonymity", "Reuters in an interview")."""
    words = [t.lower for t in tokens]
    cut = next((k for k in range(1, len(words)) if words[k] in ("on", "in") and k + 1 < len(words)
                and words[k + 1] in ("condition", "the", "an", "a")), len(tokens))
    m = parse_mention(tokens[:cut], article)
    return m if m is not None and m.kind == "outlet" else None


def _quoted_before(tokens: list[Token], end: int, quotes: list[Span], article: str) -> Span | None:
    """A quotation that closes just before token `end` (the "'Y,' said X" pattern); may start earlier."""
    pos = tokens[end - 1].end if end > 0 else tokens[0].start  # "...?” Trump said." split off by the splitter
    if end <= 0 and not quotes:
        return None
    for q in quotes:
        if q.end <= pos and pos - q.end <= (3 if end > 0 else 4) and "\n" not in article[q.end:pos]:
            return Span(q.start, q.end, q.text)
    return None


def _extend_to_quote(span: Span | None, quotes: list[Span], article: str) -> Span | None:
    """Content that opens a quotation runs to the quotation's end, even past the sentence."""
    if span is None:
        return None
    for q in quotes:
        if q.start <= span.end <= q.end and q.start >= span.start - 1 and q.end > span.end:
            return Span(span.start, q.end, article[span.start:q.end])
    return span


def _quote_type(content: list[Span], quotes: list[Span]) -> str:
    total = sum(c.end - c.start for c in content) or 1
    inside = 0
    for c in content:
        for q in quotes:
            inside += max(0, min(c.end, q.end) - max(c.start, q.start))
    if inside >= 0.9 * total:
        return "direct"
    if inside > 0:
        return "mixed"
    return "indirect"
