"""Non-responses: "X declined to comment", "did not respond to a request for comment", "could not
be reached". They are no claims of X's but facts about X (asked, no answer), stored as such and
shown beside the claims about X.

Why a module of its own: the checkability rules must not judge these as claims, and the pipeline
must keep them out of the attributions; both read them here.
"""

from __future__ import annotations

import re

from provgraph.model import Attribution, NonResponse, Span

# "X declined to comment": a fact about X (asked, no answer), not a claim of X's.
NON_RESPONSE = re.compile(
    r"\b(?:declined|refused|decline|declines|refuses|would not|wouldn['’]t|did not|didn['’]t|does not|doesn['’]t|"
    r"could not|couldn['’]t|was not|wasn['’]t|were not|weren['’]t|has not|hasn['’]t|have not|haven['’]t|"
    r"had not|hadn['’]t|not)\s+(?:immediately\s+|yet\s+|directly\s+|publicly\s+)?"
    r"(?:to\s+)?(?:comment|respond|return|reply|answer|be reached|available for comment|"
    r"reachable|immediately available)\b"
    # "did not identify a location", "haven't said much about": said nothing of it (not "or not say")
    r"|\b(?:declined|refused|declines|refuses|would not|wouldn['’]t|did not|didn['’]t|does not|doesn['’]t|"
    r"has not|hasn['’]t|have not|haven['’]t|had not|hadn['’]t|will not|won['’]t)\s+(?:publicly\s+)?(?:to\s+)?"
    r"(?:say|said|identify|identified|specify|specified|disclose|disclosed|elaborate|elaborated|name|named)"
    r"(?:\s+much)?(?=\s+(?:about|on|whether|what|who|which|where|when|why|how|a|an|the|his|her|their|its|any|"
    r"anything|more)\b|[.,;])"
    r"|\bno (?:immediate )?(?:response|reply|comment)\b"
    r"|\b(?:declined|refused|declines|refuses|turned down)\s+(?:an?\s+|several\s+|repeated\s+|multiple\s+)?"
    r"(?:interview\s+)?requests?\b(?:\s+for\s+(?:an?\s+)?(?:interview|comment))?"
    r"|\b(?:requests?|messages?|calls?|e-?mails?) (?:for comment )?(?:seeking comment )?"
    r"(?:went|were|was|have gone|has gone) (?:unanswered|unreturned)\b",
    re.IGNORECASE,
)
# "... because they did not respond": a clause of its own with its subject, not the party refusing
SUBORDINATE = re.compile(r"\b(?:because|since|if|unless|although|though)\s+(?:they|he|she|it|we|you|I|the\s+\w+)\b",
                         re.IGNORECASE)
NON_RESPONSE_KIND = (("declin", "declined to comment"), ("refus", "declined to comment"), ("turned down", "declined to comment"),
                     ("reach", "could not be reached"), ("available", "not available"),
                     *((verb, "did not say") for verb in ("say", "said", "identif", "specif", "disclos", "elaborat",
                                                          "name")))


def refusals(text: str) -> list[re.Match]:
    """Where `text` says someone declined or did not answer, in a main clause: "voters were removed
    because they did not answer two letters" states a fact, it reports no refusal."""
    return [m for m in NON_RESPONSE.finditer(text) if not SUBORDINATE.search(re.split(r"[,;:(]", text[:m.start()])[-1])]


def non_response(text: str) -> str | None:
    """'declined to comment', 'could not be reached', ... as one of three kinds, or None."""
    m = next(iter(refusals(text)), None)
    if m is None:
        return None
    found = m.group(0).lower()
    return next((kind for stem, kind in NON_RESPONSE_KIND if stem in found), "did not respond")


def non_responses_in(sentence: Span) -> list[tuple[NonResponse, tuple[int, int]]]:
    """Each 'X declined to comment' / 'did not respond' / 'could not be reached' in the sentence, with
    X as the words before it in its clause, and where the refusal stands in the article."""
    out = []
    for m in refusals(sentence.text):
        before = re.split(r"[,;:]\s|\s(?:but|and|while|though)\s", sentence.text[:m.start()])[-1].strip()
        party = re.sub(r"^(?:But|And|Yet|However|Meanwhile)\b,?\s*", "", before).strip()
        out.append((NonResponse(party, non_response(m.group(0)) or "did not respond", sentence),
                    (sentence.start + m.start(), sentence.start + m.end())))
    return out


def is_refusal(a: Attribution, refusals: list[tuple[int, int]]) -> bool:
    """The attribution is a non-response itself: its cue or content overlaps the refusal ('declined
    to comment'), or its content is what went unanswered just after it ('a request for comment')."""
    parts = list(a.content) + ([a.cue] if a.cue is not None else [])
    return any(p.start < end and start < p.end or 0 <= p.start - end <= 4 and "comment" in p.text.lower()
               for start, end in refusals for p in parts)
