"""Attributions from the tagger's spans: each cue starts one; the nearest source and the contents
closest to it attach (gold tags through this linking score relation F1 0.91 on PolNeAR dev, so the
tags, not the linking, are the limit).

Where the tagger and the rules agree on a cue, the rules' attribution keeps what only they know
(the intermediary, the lemma of a phrase cue) and takes the tagger's spans.
"""

from __future__ import annotations

from provgraph.extract import lexicon
from provgraph.extract.checkable import cue_lemma
from provgraph.extract.cues import _has_anonymity_phrase, _is_anonymity_clause, _quote_type, _span
from provgraph.extract.found import Found
from provgraph.extract.hedges import is_strong
from provgraph.extract.mention import Mention
from provgraph.extract.sources import parse_mention
from provgraph.extract.tagger import rule_labels, spans, tag
from provgraph.extract.tokens import Token
from provgraph.model import Span

# A cue the rules found stays when the model gives it at least this probability. PolNeAR dev
# relation F1 with the stacked tagger of session 14: 0.745 at 0.1, 0.748 at 0.15, 0.750 at 0.2 and
# 0.3; flags on the tune split P / must-R .814 / .753 at 0.2, .812 / .753 at 0.3 (the CRF alone of
# session 10 had chosen 0.3; the stacked one is surer, and drops more of the rules' cues at 0.3).
KEEP_RULE_CUE = 0.2
# A cue the rules found inside the model's content stays when it is this reliable a cue ("said" .92,
# "told" .84, "reported" .74): the chain it starts matters more than the 0.001 of relation F1 it costs.
NESTED_CUE_RATIO = 0.7


def model_attributions(sentence: Span, tokens: list[Token], quotes: list[Span], article: str,
                       found: list[Found], reading: tuple | None = None) -> tuple[list[Found], list[Span]]:
    """The attributions of one sentence as the tagger reads it, given the rules' reading `found`
    (and the sentence's `reading` from `read_article`, if the article was read at once); and, for a
    sentence without a cue, the content it tagged there (what someone said goes on)."""
    if not tokens:
        return [], []
    local = quotes_over(sentence, quotes)
    in_rule_cues = [k for k, t in enumerate(tokens) if any(f.cue.start <= t.start < f.cue.end for f in found)]
    labels, cue_p = tag(tokens, rule_labels(tokens, found), local, in_rule_cues, reading)
    runs = spans(labels)
    kept = [f for f in found if _kept(f, tokens, runs, cue_p)]
    cues = [(a, b) for role, a, b in runs if role == "CUE"]
    if not cues:
        if kept:
            return kept, []
        parts = (_span(tokens, a, b, article) for role, a, b in runs if role == "CON" and b - a >= 3)
        return [], [p for p in parts if p is not None]
    sources = [(a, b) for role, a, b in runs if role == "SRC"]
    anonymity = _has_anonymity_phrase(sentence.text)
    contents: dict[int, list[tuple[int, int]]] = {}
    for role, a, b in runs:
        if role == "CON":
            contents.setdefault(_nearest(cues, a, b, prefer_after=True), []).append((a, b))
    out = []
    for k, (a, b) in enumerate(cues):
        parts = [s for s in (_span(tokens, x, y, article) for x, y in contents.get(k, [])) if s is not None]
        if b - a == 1 and tokens[a].lower.endswith("ly") and is_strong(tokens[a].lower):
            continue  # "Campaign Reportedly Scrambling": a hedge on the claim, not a cue with a source
        cue = Span(tokens[a].start, tokens[b - 1].end, article[tokens[a].start:tokens[b - 1].end])
        rule = next((f for f in found if f.cue.start < cue.end and cue.start < f.cue.end), None)
        if rule is not None and rule.cue.start == cue.start and article[cue.end:rule.cue.end].strip() == "by":
            cue = rule.cue  # "as reported by": a passive cue keeps its "by"
        if not parts and rule is not None:
            parts = rule.content  # the cue both read, the content only the rules did
        if not parts or _is_anonymity_clause(parts[0].text) or _is_anonymity_clause(f"{cue.text} {parts[0].text}"):
            continue  # a cue with nothing said is not an attribution, nor is "on condition of anonymity"
        mention, unparsed = _source(tokens, sources, a, b, rule, article)
        f = Found(mention, cue, rule.cue_lemma if rule is not None else cue_lemma(tokens[a:b]), parts,
                  via=rule.via if rule is not None else None, sentence=sentence)
        f.quote = _quote_type(parts, quotes)
        if unparsed is not None:
            f.extra["source_span"] = unparsed
        f.anonymity = anonymity
        if mention is not None and anonymity and mention.kind in ("anonymous", "definite", "pronoun"):
            mention.anonymous = True
        out.append(f)
    return out + kept, []


def quotes_over(sentence: Span, quotes: list[Span]) -> list[Span]:
    """The quotations that overlap the sentence (the tagger's quote-state feature reads these)."""
    return [q for q in quotes if q.start < sentence.end and sentence.start < q.end]


def _kept(rule: Found, tokens: list[Token], runs: list[tuple[str, int, int]], cue_p: dict[int, float]) -> bool:
    """A cue the rules found and the model did not tag stays, with the rules' reading, when the
    model doubts but does not rule it out, or when it is a reliable cue inside what the model reads
    as content ("Reuters reported that officials said ...": a nesting PolNeAR's one-role-per-token
    tags cannot show)."""
    cue = rule.cue
    if any(role == "CUE" and tokens[a].start < cue.end and cue.start < tokens[b - 1].end for role, a, b in runs):
        return False  # the model has it: linked as the model reads it
    if max((p for k, p in cue_p.items() if cue.start <= tokens[k].start < cue.end), default=0) >= KEEP_RULE_CUE:
        return True
    if not any(role != "O" for role, _, _ in runs) and rule.mention is not None \
            and rule.mention.kind in ("person", "organization", "outlet", "document"):
        return True  # the model reads nothing in the sentence; the rules read a named source's account
    reliable = lexicon.cue_ratio(cue.text.lower()) >= NESTED_CUE_RATIO or rule.mention is not None \
        and rule.mention.kind == "document"  # "... told reporters that the audit found a gap": a finding relayed
    return rule.mention is not None and reliable and any(
        role == "CON" and tokens[a].start < cue.start and cue.end < tokens[b - 1].end for role, a, b in runs)


def _source(tokens: list[Token], sources: list[tuple[int, int]], a: int, b: int, rule: Found | None,
            article: str) -> tuple[Mention | None, Span | None]:
    """The source of the cue tokens[a:b]: the tagged source run nearest to it, or after "by" for a
    passive cue ("as reported by X"); the rules' mention where it is the same run or none is tagged.
    And, when the run names no one provgraph can credit ("The fine print says"), its span: PolNeAR's
    source, kept for `extract`'s output while the graph credits nobody."""
    by = tokens[b - 1].lower == "by" or b < len(tokens) and tokens[b].lower == "by"
    after = [r for r in sources if r[0] >= b]
    run = (after[0] if after else None) if by else sources[_nearest(sources, a, b, prefer_after=False)] \
        if sources else None
    ruled = rule.mention if rule is not None else None
    if run is None:
        return ruled, None
    x, whole = run
    verbs = lexicon.cue_verbs()  # a source ends before a cue verb ("Clinton | told the audience")
    y = next((k for k in range(x + 1, whole) if tokens[k].lower in verbs and not tokens[k].is_cap), whole)  # (not "Hope Hicks")
    if ruled is not None and ruled.span.start < tokens[y - 1].end and tokens[x].start < ruled.span.end:
        return ruled, None
    mention = parse_mention(tokens[x:y], article)
    if mention is None and ruled is not None and tokens[x].start <= ruled.span.start \
            and ruled.span.end <= tokens[whole - 1].end:
        return ruled, None  # "A study that appeared in the Harbour Journal found": the journal, named inside
    if mention is not None and mention.kind == "document" and ruled is not None and _publisher(tokens, y, a, ruled):
        return ruled, None  # "a 30-page audit released by the Harbour Authority shows"
    if mention is not None and mention.anonymous and ruled is not None and ruled.kind == "person" \
            and not ruled.anonymous and tokens[y - 1].end <= ruled.span.start and ruled.span.end <= tokens[a].start \
            and _set_off(tokens, ruled.span):
        return ruled, None  # "The head of the PAC backing Bush, Mike Murphy, praised": the name after the description
    if mention is not None or y <= a and any(t.lower in (".", ";") for t in tokens[y:a]):
        return mention, None
    return None, Span(tokens[x].start, tokens[y - 1].end, article[tokens[x].start:tokens[y - 1].end])


def _set_off(tokens: list[Token], span: Span) -> bool:
    """Is `span` a name between two commas ("..., Mike Murphy, praised"), not one of those a phrase
    includes (", including Ted Cruz and Marco Rubio,")?"""
    before = [t for t in tokens if t.end <= span.start]
    after = [t for t in tokens if t.start >= span.end]
    return bool(before) and before[-1].text == "," and bool(after) and after[0].text == ","


def _publisher(tokens: list[Token], y: int, a: int, ruled: Mention) -> bool:
    """Does the rules' source, between the end of a tagged document (tokens[y]) and the cue
    (tokens[a]), say whose the document is ("the analysis released by X", "a report from X")?"""
    between = [t for t in tokens[y:a] if t.end <= ruled.span.start]
    return ruled.kind != "document" and tokens[y - 1].end <= ruled.span.start and ruled.span.end <= tokens[a].start \
        and bool(between) and between[-1].lower in ("by", "from") and len(between) <= 3


def _nearest(targets: list[tuple[int, int]], a: int, b: int, prefer_after: bool) -> int:
    """Index of the target run closest to tokens[a:b]; on a tie, the one after it (for a content,
    the cue that follows: "Y, X said") or before it (for a cue, the subject before it)."""
    def gap(t: tuple[int, int]) -> tuple[int, int]:
        x, y = t
        after = x >= b
        distance = x - b if after else a - y if y <= a else 0
        return distance, 0 if after == prefer_after else 1
    return min(range(len(targets)), key=lambda k: gap(targets[k]))



