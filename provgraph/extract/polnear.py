"""Attributions in PolNeAR's span format, for `provgraph extract` and the PolNeAR scorer.

Why a module of its own: PolNeAR draws spans its own way (a source with its appositive, "said:"
with its colon, a quotation with its marks), while the graph keeps a name apart from its role and
a claim without its quote marks. This module turns the pipeline's attributions into PolNeAR's
drawing; the graph never sees it.
"""

from __future__ import annotations

import re

from provgraph.extract import DEFAULT_ENGINE
from provgraph.extract.hedges import find_hedges
from provgraph.extract.names import SENTENCE_OPENERS
from provgraph.extract.pipeline import extract
from provgraph.extract.referents import STUDY_NOUNS
from provgraph.extract.sources import POLL_NOUNS
from provgraph.model import Article, Attribution, Span


def extract_attributions(text: str, engine: str = DEFAULT_ENGINE) -> list[dict]:
    """Attributions of `text` in the PolNeAR scorer's format (character offsets into `text`)."""
    article = extract(Article(text=text), engine, claims_too=False)
    out = []
    cue_starts = {a.cue.start for a in article.attributions if a.cue is not None}
    latest: dict[int, dict] = {}  # the last attribution of each source: what a carried one goes on from
    for a in article.attributions:
        if a.carried:
            if id(a.source) in latest:
                latest[id(a.source)]["content"] += [_with_quote_marks(c, text).as_dict() for c in a.content]
            continue
        same = next((r for r in out[-3:] if a.cue is not None and r["cue"] == [_cue_phrase(a.cue, text).as_dict()]),
                    None)
        if same is not None and a.source_span is not None:  # "Cummings and Conyers wrote": one cue, two sources
            same["source"] = _coordinated(same["source"] + [a.source_span.as_dict()], text)
            latest[id(a.source)] = same
            continue
        out.append({
            "source": [_source_phrase(a, text, cue_starts).as_dict()] if a.source_span else [],
            "cue": [_cue_phrase(a.cue, text).as_dict()] if a.cue else [],
            "content": [_with_quote_marks(c, text).as_dict() for c in a.content],
            # a source phrase the tagger read that names no one provgraph credits ("The clip says")
            "source_kind": "unidentified" if a.source_kind == "none" and a.source_span else a.source_kind,
            "anonymous": bool(a.source and a.source.anonymous),
            "hedges": find_hedges(" ".join(c.text for c in a.content)),
            "quote": a.quote,
            "type": a.type,
        })
        latest[id(a.source)] = out[-1]
    return out


def _cue_phrase(cue: Span, text: str) -> Span:
    """The cue as PolNeAR draws it: with the colon that opens a quotation ("said:", 367 to 18 in
    PolNeAR train), without the "of" after "said" ("said of the plan", 38 to 16)."""
    if text[cue.end:cue.end + 1] == ":":
        return Span(cue.start, cue.end + 1, text[cue.start:cue.end + 1])
    said_of = SAID_OF.match(cue.text)
    if said_of:
        end = cue.start + said_of.end(1)
        return Span(cue.start, end, text[cue.start:end])
    return cue


SAID_OF = re.compile(r"(said|says|say) of\b")


def _coordinated(spans: list[dict], text: str) -> list[dict]:
    """Sources of one cue joined by "and" or a comma as one phrase, as PolNeAR draws them ("Mr.
    Grassley and Mr. Leahy", "Federal and state officials")."""
    out: list[dict] = []
    for span in sorted(spans, key=lambda s: s["start"]):
        if out and (span["start"] <= out[-1]["end"] or COORDINATION.fullmatch(text[out[-1]["end"]:span["start"]])):
            start, end = out[-1]["start"], max(out[-1]["end"], span["end"])
            out[-1] = {"start": start, "end": end, "text": text[start:end]}
        else:
            out.append(span)
    return out


COORDINATION = re.compile(r"\s*(?:,|,?\s*and|&)\s*")


def _source_phrase(a: Attribution, text: str, cue_starts: set[int]) -> Span:
    """The source as PolNeAR draws it: the name with the appositive or party tag that describes it
    ("Brian Fallon, the campaign's press secretary,", "Rep. Gwen Moore (D-Wis.)"); the graph keeps
    the name and the role apart."""
    span = _described(a, _with_conjunct(_trimmed(a.source_span, text), text), text, cue_starts)
    return _closing_comma(_with_release(a, span, text), text)


def _with_release(a: Attribution, span: Span, text: str) -> Span:
    """A document with when it came out ("a CBS News poll released last week found"): PolNeAR draws
    the participle with it (train 43 to 4); the graph keeps the poll alone."""
    if a.cue is None or span.end > a.cue.start or span.text.split()[-1].lower() not in POLL_NOUNS | STUDY_NOUNS:
        return span
    m = RELEASED.fullmatch(text, span.end, a.cue.start)
    return Span(span.start, m.end(1), text[span.start:m.end(1)]) if m else span


RELEASED = re.compile(r"(\s+(?:released|published|conducted|issued)\b[^,.;:“”\"]{0,60}?)\s*")


def _with_conjunct(span: Span, text: str) -> Span:
    """A name coordinated before the source is part of it ("The Clinton campaign and DNC", "Obama and
    Clinton's"): PolNeAR draws one phrase for both."""
    m = CONJUNCT_BEFORE.search(text, max(0, span.start - 60), span.start)
    if m is None or m.group(1).split()[0].lower() in SENTENCE_OPENERS:
        return span
    return Span(m.start(1), span.end, text[m.start(1):span.end])


# capitalised words (a name, "The Clinton campaign") and "and" right before the source
CONJUNCT_BEFORE = re.compile(r"(?<![\w,;:])((?:The |the )?(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*(?:\s+campaign)?)\s+and\s+$")


def _closing_comma(span: Span, text: str) -> Span:
    """An appositive's closing comma is part of the source ("Ana Ruiz, a former official," 922 to
    106 in PolNeAR train); a bare name's is not ("Ana Ruiz, said", 798 to 5)."""
    inner = span.text.rstrip(",")
    if "," in inner and text[span.end:span.end + 1] == ",":
        return Span(span.start, span.end + 1, text[span.start:span.end + 1])
    if "," not in inner and span.text.endswith(","):
        return Span(span.start, span.start + len(inner), inner)
    return span


def _described(a: Attribution, span: Span, text: str, cue_starts: set[int]) -> Span:
    """`span` with the appositive or party tag PolNeAR counts as part of the source, but not across
    another cue ("Sen. Ana Ruiz (R-Ga.) said ..., arguing": the source of "arguing" is the senator)."""
    if a.cue is None:
        return span
    if span.end <= a.cue.start:  # "Fallon, the campaign's press secretary, said"
        gap = text[span.end:a.cue.start]
        if (gap.strip() == "," or APPOSITIVE_START.match(gap) and gap.rstrip().endswith((",", ")"))) \
                and not QUOTE_MARK.search(gap) and len(gap) <= APPOSITIVE_REACH \
                and not any(span.end < k < a.cue.start for k in cue_starts):
            end = span.end + len(gap.rstrip())
            return Span(span.start, end, text[span.start:end])
        tag = PARTY_TAG.match(text, span.end, a.cue.start)  # "Sen. Ana Lowe (R-Ore.) said ..., arguing"
        return Span(span.start, tag.end(), text[span.start:tag.end()]) if tag else span
    if a.cue.end > span.start:
        return span
    limit = min([a.sentence.end] + [c.start for c in a.content if c.start >= span.end])
    tag = PARTY_TAG.match(text, span.end, limit)  # "said Rep. Gwen Moore (D-Wis.)"
    end = tag.end() if tag else span.end
    rest = text[end:limit]
    apposition = APPOSITIVE_START.match(rest)
    if apposition and not apposition.group().lstrip().startswith("(") and not QUOTE_MARK.search(rest):
        # "said Ana Ruiz, a former official.": the appositive to the sentence's end (7 more exact
        # matches on PolNeAR dev than stopping at the next comma)
        if len(rest) <= APPOSITIVE_REACH:
            end += len(rest.rstrip().rstrip(".;:"))
    return span if end == span.end else Span(span.start, end, text[span.start:end])


def _trimmed(span: Span, text: str) -> Span:
    """The source span without a stop or comma after the name ("― Steve Quinlan.") or a pronoun's
    contraction ("He’s")."""
    words = span.text.split()
    end = span.end
    if span.text.endswith((".", ",")) and len(words[-1]) > 4 and words[-1][-2].islower():
        end -= 1  # an abbreviation keeps its stop ("Jr.", "U.S.")
    elif len(words) == 1 and (contracted := CONTRACTED_PRONOUN.fullmatch(span.text)):
        end = span.start + contracted.end(1)
    return span if end == span.end else Span(span.start, end, text[span.start:end])


CONTRACTED_PRONOUN = re.compile(r"(?i)(i|you|he|she|it|we|they)['’](?:s|ve|d|ll|re|m)")
# what may open an appositive after a name: not a clause ("he said", "which"), a preposition
# ("in an interview") or a participle ("adding", "referring"); PolNeAR train 650 inside, 350 out
APPOSITIVE_START = re.compile(r"\s*\(|,\s+(?!(?:which|he|she|it|they|we|i|but|and|or|although|though|while|has|have|"
                              r"had|is|was|were|are|with|about|in|on|at|by|for|from|to|after|before|during|as|"
                              r"including|no|not|then|when|because|like|unlike|despite|even|such)\b)(?![a-z]+ing\b)[A-Za-z]")
PARTY_TAG = re.compile(r"\s*\([A-Z]-[A-Z][\w.]*\)")
QUOTE_MARK = re.compile(r"[“”\"‘]|''")
APPOSITIVE_REACH = 160


def _with_quote_marks(span: Span, text: str) -> Span:
    """A content span as PolNeAR draws it: a quotation with its quote marks (and the stop inside
    them), a paraphrase without the sentence's full stop."""
    start, end = span.start, span.end
    if start > 0 and text[start - 1] in OPENING:
        start -= 1
        if end < len(text) and text[end] in CLOSING:
            end += 1
        elif end + 1 < len(text) and text[end] in ".,?!" and text[end + 1] in CLOSING:
            end += 2
    elif text[end - 1] == "." and end - start > 2 and not text[end - 2].isupper():
        end -= 1
    return span if (start, end) == (span.start, span.end) else Span(start, end, text[start:end])


OPENING, CLOSING = "“\"‘", "”\"’"


def extract_attributions_model(text: str) -> list[dict]:
    """`extract_attributions` with the trained tagger (for bench/eval_attribution.py --engine model)."""
    return extract_attributions(text, "model")


def extract_attributions_rules(text: str) -> list[dict]:
    """`extract_attributions` with the rules alone (for bench/eval_attribution.py --engine rules)."""
    return extract_attributions(text, "rules")
