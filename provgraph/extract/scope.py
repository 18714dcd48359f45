"""Who an attribution found in one sentence credits, and how far its content reaches: every source
of a coordinated subject, the content after the recipient of "told", not past the comma of a
scene-setting clause, and no attribution at all for a noun read as a cue.

Why a module of its own: each step corrects what the patterns and the tagger read in a sentence,
before sources are resolved; a wrong reach credits a statement to someone who did not make it.
"""

from __future__ import annotations

import re

from provgraph.extract import lexicon
from provgraph.extract.appositives import NAMED
from provgraph.extract.checkable import ACTION, BELIEF, SPEECH_LEMMAS, STANCE, TYPED_LEMMAS
from provgraph.extract.claims import figures
from provgraph.extract.clauses import finite, noun_phrase, past_form
from provgraph.extract.found import Found
from provgraph.extract.names import DETERMINERS, POSSESSIVES
from provgraph.extract.phrases import np_forward_end
from provgraph.extract.sources import COORDINATORS, parse_mention
from provgraph.extract.tokens import QUOTE_MARKS, Token
from provgraph.model import Attribution, Span

RECIPIENT_CUES = frozenset("tell inform assure remind notify brief".split())
_CLAUSE_START = re.compile(r"\b(?:that|how|whether)\b")


def coordinated(f: Found, tokens, text: str) -> list[Found]:
    """"Cummings and Conyers wrote", "according to the mayor and the state auditor": every source
    of a coordinated subject is credited, not the one the phrase ended or began with. The other
    conjunct is a capitalised name or a determiner-led noun phrase across one "and"."""
    m = f.mention
    if m is None or m.kind == "pronoun" or f.cue is None:
        return []
    at = [k for k, t in enumerate(tokens) if m.span.start <= t.start and t.end <= m.span.end]
    if not at:
        return []
    first, last = at[0], at[-1]
    other: list = []
    if first >= 2 and tokens[first - 1].lower == "and":  # "X and [Y] said"
        k = first - 2
        while k >= 0 and (tokens[k].is_cap or tokens[k].text == "." or tokens[k].lower in ("the", "a", "an")
                          or tokens[k].lower in ("of", "for") and k > 0 and tokens[k - 1].is_cap):
            k -= 1  # ("The Ministry of Defense and the Foreign Ministry")
        # the subject begins the clause: "The storm hit on Monday and officials said" has no "Monday" source
        other = tokens[k + 1:first - 1] if k < 0 or not tokens[k].is_word else []
    elif last + 2 < len(tokens) and tokens[last + 1].lower == "and" and tokens[last + 2].start > f.cue.end:
        k = last + 2  # "according to [X] and Y", "said X and Y"
        while k < len(tokens) and tokens[k].is_word and tokens[k].lower not in lexicon.cue_verbs() \
                and (tokens[k].is_cap or tokens[k].lower in ("the", "a", "an", "his", "her", "their", "its")
                     or k > last + 2 and not tokens[k].is_cap):
            k += 1
        other = tokens[last + 2:k]
    if not other or len(other) > 6 or any(a.start < f.cue.end and f.cue.start < a.end for a in other):
        return []
    mention = parse_mention(tuple(other), text)
    if mention is not None and other[-1].end <= m.span.start and not other[-1].lower.endswith("s") \
            and other[0].lower not in DETERMINERS and other[0].lower not in POSSESSIVES and (
            mention.kind in ("anonymous", "definite") or len(other) == 1 and other[0] is tokens[0]
            and m.kind in ("anonymous", "definite") and re.search(rf"\b{re.escape(other[0].lower)}\b", text)):
        # "Local and national leaders", "Federal and state officials" (the article writes "federal"
        # too): half of a modifier; "Former Secretary of State and ... Hillary Clinton": her role. No
        # determiner, no plural: not a party of its own ("Developers and Congress" are two)
        return []
    if mention is None or mention.kind not in ("person", "organization", "outlet", "anonymous", "definite") \
            and not (mention.kind == "pronoun" and mention.head in ("he", "she")):  # ("She and her defenders")
        return []
    return [Found(mention, f.cue, f.cue_lemma, list(f.content), f.quote, f.via, f.anonymity, f.sentence)]


def in_scene_clause(f: Found, sentence: Span) -> bool:
    """"When tenants call about leaks, most calls go unanswered": the cue is in a clause that
    sets the scene; what follows its comma is the article's statement, not the tenants' (their
    content ends at the comma; with too little left, there is no attribution)."""
    if f.mention is None or f.mention.kind in ("document", "outlet") or not f.content or not SUBORDINATOR.match(
            sentence.text[:max(0, f.mention.span.start - sentence.start)]):
        return False
    first = f.content[0]
    comma = first.text.find(",")
    if comma < 0 or len(first.text[comma:].split()) < 3:
        return False
    if len(first.text[:comma].split()) < 3:
        return True
    f.content[0] = Span(first.start, first.start + comma, first.text[:comma])  # "When officials said X, ...": X
    return False


def around_the_tag(f: Found, tokens, text: str, others: list[Found]) -> None:
    """"The harbour, the mayor said, lost 40 ships in May": a speech tag set off by commas inside the
    sentence splits what was said, and what came before the tag ("The harbour") is its first part:
    without it the claim has lost its subject. Not when that part is a quotation of its own, names
    the speaker ("Her deputy, Ana Ruiz, said, ..."), or holds another attribution, nor when a
    quotation follows the tag: then it sets the scene ("After the vote, she said, “...”"), as a
    participle does ("Reflecting on the vote, he said, ...")."""
    m = f.mention
    if m is None or f.cue is None or not f.content or f.content[0].start < f.cue.end or f.extra:
        return
    at = next((k for k, t in enumerate(tokens) if t.start >= m.span.start), None)
    if not at or at < 2 or tokens[at - 1].text != "," or m.kind in ("document", "outlet"):
        return
    between = [t for t in tokens if f.cue.end <= t.start < f.content[0].start]
    if not between or between[-1].text != "," or len(between) > 6:
        return  # the tag closes with its comma ("said in an interview,") where the second part begins
    first = tokens[:at - 1]
    if f.content[0].text[:1] in QUOTE_MARKS or first[0].lower.endswith("ing") and len(first[0].lower) > 5 \
            or all(t.lower in COORDINATORS for t in first if t.is_word) or first[-1].lower in RELATIVES:
        return  # ("But, she added, ...": no part of what was said; "a tunnel where, it is said, ...")
    if any(t.text in QUOTE_MARKS or t.text in ("(", ")", ":", ";") for t in first) \
            or any(g is not f and g.cue is not None and g.cue.start < tokens[at - 1].start for g in others) \
            or _appositive_of(first, m):
        return
    last = f.content[-1]
    if last.text.endswith(".") and last.end >= tokens[-1].end and len(last.text.split()) > 1:
        f.content[-1] = Span(last.start, last.end - 1, last.text[:-1])  # as the content of "X said Y."
    f.content.insert(0, Span(first[0].start, first[-1].end, text[first[0].start:first[-1].end]))


RELATIVES = frozenset("where which who whom that when".split())


def _appositive_of(first: list[Token], m) -> bool:
    """"Her deputy, Ana Ruiz, said": the words before the comma describe the speaker named after it."""
    low = first[-1].lower
    return m.kind in ("person", "definite") and (low in lexicon.words("titles.txt") or low in lexicon.words(
        "source_heads.txt") or first[-1].is_cap and len(first) <= 4)


def relative_clause_content(f: Found, tokens) -> None:
    """"The audit -- which finds that 31 firms owe $90 million -- should worry the council": what
    the relative clause's cue credits ends where the clause does, at the dash that closes it, or at
    a comma after which the sentence's own verb goes on ("..., should be")."""
    if f.cue is None or not f.content:
        return
    at = next((k for k, t in enumerate(tokens) if t.start >= f.cue.start), None)
    if at is None or at < 2 or tokens[at - 1].lower not in ("which", "who") \
            or tokens[at - 2].text not in (",", "—", "–", "-"):
        return
    dash = tokens[at - 2].text != ","
    first = f.content[0]
    for k in range(at + 1, len(tokens) - 1):
        t = tokens[k]
        if t.start <= first.start or t.start >= first.end:
            continue
        closes = t.text in ("—", "–", "-") and (t.text != "-" or tokens[k + 1].text == "-") if dash \
            else t.text == "," and tokens[k + 1].lower in MAIN_CLAUSE_VERBS
        if closes:
            text = first.text[:t.start - first.start].rstrip(" ,")
            if len(text.split()) >= 3:
                f.content[0] = Span(first.start, first.start + len(text), text)
            return


# Words that, right after a relative clause's closing comma, carry on the sentence's main clause.
MAIN_CLAUSE_VERBS = frozenset("is are was were has have had will would should could can may might must does did "
                              "remains remained".split())


def share_of_those_asked(f: Found, tokens, text: str) -> None:
    """"Just 54 percent of likely voters agreed": the source phrase is the share, a poll's
    answer (credited to the poll), not "voters" speaking as an unnamed group."""
    m = f.mention
    if m is None or m.kind not in ("anonymous", "definite"):
        return
    at = next((k for k, t in enumerate(tokens) if t.start >= m.span.start), None)
    if at is None or at < 2 or tokens[at - 1].lower != "of" and (at < 3 or tokens[at - 2].lower != "of"):
        return  # the share is "N of" right before the group ("52 percent of registered voters")
    for k in range(max(0, at - SHARE_REACH), at):  # the longest share first ("Only 52 percent of ...")
        if not tokens[k].is_word or any(not t.is_word and t.text not in ("%", "-", ".") for t in tokens[k:at]):
            continue
        widened = parse_mention(tuple(t for t in tokens[k:] if t.end <= m.span.end), text)
        if widened is not None and widened.kind == "respondents":
            f.mention = widened
            return


SHARE_REACH = 6  # tokens a share may take before its group: "only a slim majority of", "52 percent of"



def names_someone(f: Found, text: str) -> bool:
    """"a man named Tom Clarke", "a group called Citizens United": the cue word introduces
    someone or something by name; nobody says anything ("a senior official called Clinton's plan
    reckless" still speaks)."""
    if f.cue is None or f.cue_lemma not in NAMING:
        return False
    if text[max(0, f.cue.start - 2):f.cue.start] == ", " and (term := _TERM.match(text, f.cue.end)) \
            and (term.group(1) or "").lower() not in DETERMINERS | _PRONOUNS:
        return True  # "party leaders and elected officials, called superdelegates, back her": a term
    before = _INTRODUCED.search(text[max(0, f.cue.start - 50):f.cue.start])
    after = text[f.cue.end:f.cue.end + 3].lstrip()
    return before is not None and before.group(1).lower() not in lexicon.words("anonymous_nouns.txt") \
        and (after[:1].isupper() or after[:1] in "\"“")


NAMING = frozenset("name call dub nickname".split())
# what a naming participle gives: a short term, then the sentence goes on ("called superdelegates,")
_TERM = re.compile(r"\s+(?:[\"“][\w-]+|([a-z][\w-]*))(?:\s+[\w-]+){0,2}[\"”]?\s*[,)]")
_PRONOUNS = frozenset("him her them it me us you".split())
_INTRODUCED = re.compile(r"\b(?i:a|an|one)\s+(?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*)\s+$")


# ("As X put it, Y" is X's Y; "When the poll asked ..., 42 percent backed Y" is the poll's finding)
SUBORDINATOR = re.compile(r"^\s*(?:(?:but|and|so|yet),?\s+)?(?:when|if|while|because|after|before|unless|although|"
                          r"though|once|until|whenever)\s+$", re.IGNORECASE)


def modifier_of_noun(f: Found, text: str) -> bool:
    """"graded 40% of Labour claims as accurate": the cue word is a noun and its "source" the
    adjective before it; nobody is credited."""
    if f.cue is None or f.mention is None:
        return False
    if " " not in f.cue.text and _PLURAL_NOUN.search(text, max(0, f.cue.start - 12), f.cue.end) \
            and not _THAT_AFTER.match(text, f.cue.end):
        return True  # "struck many of the same notes": a plural noun, no verb (not "the claims that ...")
    if f.cue.text.lower() in ("show", "shows") and (m := _PROGRAMME.search(text[max(0, f.cue.start - 60):f.cue.end])) \
            and not any(w.lower() in lexicon.words("document_nouns.txt") | lexicon.words("organization_words.txt")
                        for w in m.group(0).split()[1:-1]):
        return True  # "Blige’s upcoming Apple Music show The 411": a programme, not "the data show" nor
        # "the latest Quinnipiac University Poll shows"
    m = _OF_MODIFIER.search(text[max(0, f.cue.start - 40):f.cue.start])
    return m is not None and f.mention.span.text == m.group(1)


_PROGRAMME = re.compile(r"\b(?:upcoming|nightly|late-night|morning|evening|talk|radio|TV|television|cable|streaming|"
                        r"reality|cooking)\s+(?:[A-Z][\w’'-]*\s+)*shows?$")
_OF_MODIFIER = re.compile(r"\bof\s+([A-Z][\w-]*)\s+$")
_PLURAL_NOUN = re.compile(r"\b(?:the|these|those|same|other|many|several)\s+[a-z]+s$", re.IGNORECASE)
_THAT_AFTER = re.compile(r"\s+that\b")


def in_idiom(f: Found, text: str) -> bool:
    """"Having said that, ...", "Truth be told, ...", "showed no sign of backing down": a cue word in
    a set phrase of the writer's own that reports no one's words."""
    if f.cue is None or f.mention is not None and f.mention.kind == "document":
        return False  # ("the poll showed no sign that her lead had narrowed" is the poll's finding)
    return any(m.start() < f.cue.end and f.cue.start < m.end()
               for m in _IDIOM.finditer(text, max(0, f.cue.start - 20), f.cue.end + 20))


_IDIOM = re.compile(r"\b(?:[Hh]aving said that|That said,|[Tt]hat being said|[Tt]ruth be told|[Nn]eedless to say|All told,|"
                    r"[Ss]uffice it to say|so to speak|as it were|show(?:s|ed|ing|n)? (?:no|little|few) signs?\b|"
                    r"authori[sz]ed to (?:speak|discuss|comment|talk)\b|"
                    r"claim(?:s|ed|ing)? (?:allegiance|responsibility|credit|victory)\b|"
                    r"(?<!has )(?<!had )(?<!have )known (?:to (?:be|have)|as)\b)")


def goes_on_doing(f: Found) -> bool:
    """"He continued to raise money": what its subject went on doing, an action. Not when the verb
    after it is one of speech, report or belief, or a "that" clause follows ("continued to insist
    that", "continues to believe that"), nor "he continued:", a quotation's cue."""
    m = _GOES_ON.match(f.sentence.text, f.cue.start - f.sentence.start) \
        if f.cue is not None and f.sentence is not None else None
    if m is None:
        return False
    verb = m.group(1).lower()  # the infinitive: the lemma the lists hold, and its forms the lexicon's
    return not (m.group(2) or verb in TYPED_LEMMAS - ACTION
                or any(lexicon.cue_ratio(form) >= REPORTING_RATIO for form in (verb, verb + "s", verb + "d", verb + "ed")))


_GOES_ON = re.compile(r"continu(?:e|es|ed|ing) to ([a-z]+)\b(?:[^.;:“\"]*?\b(that)\b)?")


def hypothetical(a: Found | Attribution) -> bool:
    """"Many would likely point out that ...", "critics might say", "Republicans would need to
    recognize that ...": speech the writer imagines or asks for, not words anyone said (PolNeAR
    counts it; it credits no one). "Many experts would call that wishful thinking" is their view,
    and a poll's "41 percent would choose Sanders" what they answered."""
    return a.cue is not None and a.type != "document" and HYPOTHETICAL.match(a.cue.text) is not None \
        and not (a.content and a.content[0].text.lstrip().lower().startswith("only"))  # ("could say only that")


HYPOTHETICAL = re.compile(r"(?:(?:could|might)\s+(?:\w+ly\s+)?|would\s+(?:likely|probably|surely|undoubtedly)\s+"
                          # what someone would have to, should or must say: owed, not said ("had to admit" was said)
                          r"|(?:(?:would|will|may|might)\s+)?(?:need|needs|have|has)\s+to\s+|(?:should|must)\s+)"
                          r"(?!not\b|n[’']t\b|have\b|be\b)\w", re.IGNORECASE)


def unquote_source(f: Found, quotes: list[Span]) -> None:
    """""This is your movement," it now says, showing ...": a phrase inside a quotation is no source
    of a cue outside it (the quotation is what was said, not who said it)."""
    if f.mention is not None and f.cue is not None and any(
            q.start <= f.mention.span.start and f.mention.span.end <= q.end and not q.start <= f.cue.start < q.end
            for q in quotes):
        f.mention = None


def drop_recipient(f: Found) -> None:
    """Start the content after the recipient of the cue: "told Fox News on Friday that X" credits
    "X", not "Fox News on Friday that X"."""
    if f.cue_lemma not in RECIPIENT_CUES or not f.content or f.quote == "direct":
        return
    first = f.content[0]
    m = _CLAUSE_START.search(first.text[:80])
    if m is None or m.start() == 0 or len(first.text[:m.start()].split()) > 8 or "," in first.text[:m.start()]:
        return
    f.content[0] = Span(first.start + m.start(), first.end, first.text[m.start():])


def says_nothing(a: Found | Attribution) -> bool:
    """"(even if the polls suggest) otherwise, ...", "(the mayor said) so": the cue's object stands
    for what was said elsewhere; what follows it is not the source's (an attribution PolNeAR
    counts, crediting no one with a claim)."""
    return bool(a.content) and ANAPHORIC_OBJECT.match(a.content[0].text) is not None


def act_not_speech(a: Found | Attribution) -> bool:
    """"The state had added a week of early voting", "Johnson told a joke", "Obama adopted the
    plan", "she displayed the same impulses": a cue with a thing for its object is an act, not a
    word said ("she added that ...", "..., he added", "told reporters the ferry sank"); a cue of report
    or stance keeps a thing as what it passes on or judges ("confirmed the death of ...", "many
    question the plan's viability", "described the situation as a time bomb")."""
    next_verb = _NEXT_VERB.match(a.sentence.text, a.cue.end - a.sentence.start) \
        if a.cue is not None and a.content and a.sentence is not None else None
    if next_verb and past_form(next_verb.group(1).lower()) and lexicon.cue_ratio(next_verb.group(1).lower()) < REPORTING_RATIO:
        return True  # "The protester yelled and held up a banner": what she did next, nothing said
    if not a.content or a.cue is None or not a.cue.start < a.content[0].start <= a.cue.end + 2:
        return False  # (the tagger may read "wrote a letter" as the cue)
    place = _PREPOSITION.match(a.content[0].text)
    if place and len(a.content) == 1 and noun_phrase("the " + a.content[0].text[place.end():]):
        return True  # "Ruiz spoke to reporters on Tuesday": whom and when, nothing said
    head = _CLAUSE_AFTER_OBJECT.split(a.content[0].text, 1)[0]
    if _MEANS.match(head):
        return True  # "responded by easing sanctions": how they acted (not "by saying that ...")
    if (a.cue_lemma in TYPED_LEMMAS or lexicon.cue_ratio(a.cue.text.split()[0].lower()) >= REPORTING_RATIO) \
            and a.cue_lemma not in ("add", "tell", "write"):
        return False  # ("the company admitted a data breach": a cue of report, usually, passes its object on)
    if _PERSON_OBJECT.match(head):
        return True  # "have never trusted him": whom
    if figures(head):
        return False  # "testified about a 20 percent rise in rents": a thing with a figure is information
    told = _THAT.search(head)  # "sounded the alarm that cases had tripled": what the alarm says
    return head[:1] not in QUOTE_MARKS and noun_phrase(head) and not (told and not finite(told.group(1)))


# A cue word this often a cue in PolNeAR train reports what follows it, a thing too ("admitted" .61,
# "conceded" .92); an act is rarely one ("adopted" .24, "displayed" .43).
REPORTING_RATIO = 0.5
# (after "to", only a noun: "appeared to blame the port" is an infinitive, what she said)
_PREPOSITION = re.compile(r"(?:with|at|on|in|during|before|after|from|to(?=\s+(?:the|a|an|his|her|their|its|[A-Z]"
                          r"|\w+s\b)))\s+")
_PERSON_OBJECT = re.compile(r"(?:him|them|us|me)\W*$")
_MEANS = re.compile(r"(?:\w+ly\s+)?by\s+(?!(?:saying|noting|arguing|telling|writing|asking|adding|claiming|insisting)\b)"
                    r"\w+ing\b")
_THAT = re.compile(r"\bthat\s+(\w+)")
_NEXT_VERB = re.compile(r"\s+(?:and|but)\s+(?:then\s+)?(\w+)\b(?!\s+that\b)")
_CLAUSE_AFTER_OBJECT = re.compile(r",|\s(?:after|before|because|when|while|since|until|if|as)\s")


_SEEMING_VERB = re.compile(r"\s*to\s+(?:\w+ly\s+)?(\w+)", re.IGNORECASE)


def seems_to_say(content: str) -> bool:
    """"appeared to blame the port", "seemed to suggest": a word said, the writer unsure how to
    take it; "appeared to contradict", "seemed to warm to", "appears to have learned" describe the
    subject."""
    m = _SEEMING_VERB.match(content)
    if m is None:
        return False
    verb = m.group(1).lower()
    return verb in SPEECH_LEMMAS | STANCE | BELIEF or lexicon.cue_ratio(verb) >= REPORTING_RATIO


ANAPHORIC_OBJECT = re.compile(r"\W*(?:otherwise|so)\b(?!\s+(?:far|much|many|that|long)\b)", re.IGNORECASE)


def cited_sources(found: list[Found], tokens: list[Token], text: str) -> list[Found]:
    """"The Gazette reported, citing people familiar with the matter, that X", "According to the
    Gazette, which cited unnamed officials, X", "quoting an official": those cited are the source
    and the outlet the intermediary that relays them (an indirect chain the report follows to its
    root); the "citing" itself is no attribution of its own."""
    at = next((k for k, t in enumerate(tokens) if t.lower in ("citing", "quoting")
               or t.lower in ("cited", "quoted") and k > 0 and tokens[k - 1].lower in ("which", "who", "that")), None)
    if at is None or at + 1 >= len(tokens):
        return found
    end = np_forward_end(tokens, at + 1, allow_who=False, stop_at_verb=True)
    cited = parse_mention(tokens[at + 1:end], text) if end > at + 1 else None
    if cited is None or cited.kind not in ("anonymous", "person", "outlet", "document") \
            and not (cited.kind == "organization" and cited.label[:1].isupper()) \
            or cited.kind == "document" and cited.affiliation and not cited.affiliation[:1].isupper():
        # ("citing one more reason why the race is close", "citing the release of prisoners": a
        # reason or an event, no source)
        return found
    out = []
    for f in found:
        if f.cue.start == tokens[at].start or f.mention is not None and f.mention.span == cited.span:
            continue  # "citing X" read as a cue of its own, or X as a source of its own
        relayer = f.mention is not None and f.via is None and f.mention.kind in NAMED_KINDS
        if relayer and not f.mention.span.start <= cited.span.start < f.mention.span.end:
            f.via, f.mention = f.mention, cited
            f.content = [_after(c, cited.span, text) for c in f.content]
        out.append(f)
    return out


NAMED_KINDS = NAMED + ("document",)  # who can relay a source they cite


def _after(content: Span, cited: Span, text: str) -> Span:
    """The content without the cited source at its head ("people familiar with the matter, that
    the port ..." -> "the port ...")."""
    if not content.start <= cited.start < content.end:
        return content
    start = cited.end
    while start < content.end and text[start] in " ,;:—–":
        start += 1
    if text.startswith("that ", start):
        start += 5
    return content if start >= content.end else Span(start, content.end, text[start:content.end])
