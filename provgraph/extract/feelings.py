"""States of mind the writer describes ("Marchers were angry that ...", "Many residents felt
betrayed when ..."): who feels is no source of information, unless the word stands in for one
("critics fear", "some believe": weasel words, which hide an anonymous source).

Why a module of its own: the pipeline asks it twice, of one attribution (is it a reaction to a
fact the writer states?) and of a whole claim (is it only a described feeling?).
"""

from __future__ import annotations

import re

from provgraph.model import Attribution, Claim


def described_feeling(claim: Claim) -> bool:
    """"Environmentalists worry that ...", "many citizens feel stung", "Many Mexicans felt betrayed when
    the president invited him": a state of mind the writer describes, credited to nobody who told
    it, so no anonymous source hides behind it, and (a feeling) no one is the source of a fact in
    it. Not "Some believe ...", "critics fear ...": words that stand in for a source (weasel words);
    nor "Police believe the suspect fled on Monday": an assessment, which informs."""
    return bool(claim.attributions) and all(
        a.type == "belief" and a.source is not None and _holder(a.source.descriptor or a.source.label) not in WEASEL_WORDS
        and (not claim.checkable or a.cue_lemma in FEELINGS) for a in claim.attributions)


def feeling_about_fact(a: Attribution) -> bool:
    """"Marchers were angry that the county released only 12 of the 40 videos": the writer states
    the release as a fact and describes an unnamed crowd's reaction to it; they told nobody
    anything. Not someone named ("Mayor Ruiz is furious that", likely her words), nor a word that
    stands in for a source ("critics are angry that")."""
    return a.type == "belief" and a.cue_lemma in REACTIONS and a.source is not None and a.source.anonymous \
        and _holder(a.source.descriptor or a.source.label) not in WEASEL_WORDS


REACTIONS = frozenset("angry anger furious frustrated upset outraged incensed".split())
FEELINGS = REACTIONS | frozenset("feel fear worry hope love hate resent regret mourn dread".split())


def _holder(phrase: str) -> str:
    """The head word of a source phrase, before a relative clause ("Critics who follow the port")."""
    words = re.split(r"\s+(?:who|whom|that)\s", phrase, maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


# Holders that stand in for an unnamed source: "some believe", "critics fear", "experts think".
WEASEL_WORDS = frozenset("some many others few most critics experts observers analysts skeptics sceptics "
                         "people insiders officials sources".split())
