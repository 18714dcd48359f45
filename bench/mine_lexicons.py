#!/usr/bin/env python3
"""Mine cue and source word lists from PolNeAR train, and summary statistics.

Why: the extractor's lexicons should reflect how attribution is actually annotated in news,
not a guessed list. Only word lists with counts are written (the corpus texts are copyrighted
and have no licence, so no article text may leave this script). Uses the TRAIN split only, so
that dev stays a fair test.

Writes into provgraph/lexicons/: cue_verbs.txt (form, lemma, count), cue_phrases.txt,
cue_nouns.txt, source_heads.txt; and bench/polnear_stats.txt (numbers and word lists only).

Usage: python bench/mine_lexicons.py [--train PATH]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = REPO.parent / "shared" / "eval" / "polnear" / "train.jsonl"
LEXICONS = REPO / "provgraph" / "lexicons"
STATS = REPO / "bench" / "polnear_stats.txt"

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")

# Single-token cues that are not verbs: function words, adverbs, adjectives, punctuation words.
STOP = set("""
a an the to that of in on for from by with about at as into over under after before than
according per via like unlike amid among against toward towards upon within without through
and or but nor so if because while when where whether though although
i me my we us our you your he him his she her it its they them their this these those who whom
which what one there here not no also still just only even now then again
reportedly allegedly apparently clearly openly publicly privately repeatedly
is are was were be been being am do does did has have had will would can could may might must
shall should
""".split())

# One-word cues that are never verbs (checked by reading the mined output): adjectives are
# dropped, nouns go to cue_nouns.txt whatever their context.
ADJECTIVES = set("""
eager aware sure confident certain clear convinced skeptical optimistic hopeful happy glad
afraid willing favorite anti rattled determined unhappy upset proud
huffpost wapo nyt
""".split())
NOUNS = set("""
supporter supporters critic critics opponent opponents complaint complaints rumor rumors
advice poll polls survey surveys statement statements interview interviews
""".split())

NOUN_SUFFIXES = ("tion", "tions", "sion", "sions", "ment", "ments", "ism", "isms", "ness",
                 "ity", "ities", "ance", "ances", "ence", "ences", "ship")

# A cue token right after one of these is being used as a noun ("a claim", "his criticism").
DETERMINERS = set("""
a an the his her their its our my your any no some every each another
""".split())
CONTRACTIONS = re.compile(r"^(he|she|it|that|there|who|what|here|let|where)['’]s$", re.I)

# Irregular past tenses and participles seen in news; the rest is handled by suffix stripping.
IRREGULAR = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "knew": "know", "known": "know", "saw": "see", "seen": "see", "felt": "feel",
    "sought": "seek", "gave": "give", "given": "give", "made": "make", "spoke": "speak",
    "spoken": "speak", "found": "find", "heard": "hear", "meant": "mean", "taught": "teach",
    "brought": "bring", "led": "lead", "held": "hold", "took": "take", "taken": "take",
    "came": "come", "went": "go", "gone": "go", "got": "get", "gotten": "get", "began": "begin",
    "begun": "begin", "chose": "choose", "chosen": "choose", "stood": "stand",
    "understood": "understand", "ran": "run", "swore": "swear", "sworn": "swear",
    "broke": "break", "broken": "break", "shot": "shoot", "struck": "strike", "won": "win",
    "lost": "lose", "left": "leave", "kept": "keep", "sent": "send", "built": "build",
    "foresaw": "foresee", "foreseen": "foresee", "forbade": "forbid", "forbidden": "forbid",
    "withheld": "withhold", "upheld": "uphold", "drew": "draw", "drawn": "draw", "bore": "bear",
    "stuck": "stick", "fought": "fight", "paid": "pay", "laid": "lay", "sold": "sell",
    "did": "do", "does": "do", "done": "do", "has": "have", "had": "have", "hid": "hide",
    "hidden": "hide", "rose": "rise", "risen": "rise", "woke": "wake", "spun": "spin",
    "slid": "slide", "bid": "bid", "read": "read", "put": "put", "cast": "cast", "set": "set",
    "let": "let", "hit": "hit", "quit": "quit", "bet": "bet", "forecast": "forecast",
    "broadcast": "broadcast", "hurt": "hurt", "cut": "cut", "drove": "drive",
    "driven": "drive", "withdrew": "withdraw", "withdrawn": "withdraw", "flew": "fly",
    "threw": "throw", "thrown": "throw", "wore": "wear", "fell": "fall", "fallen": "fall",
    "overheard": "overhear", "rang": "ring", "sang": "sing", "sung": "sing", "dealt": "deal",
}

PRONOUNS = set("""
i me we us you he him she her it they them who whom which that this these those
himself herself themselves itself ourselves myself yourself yourselves
my our your his its their mine ours yours hers theirs
""".split())

# A source span is cut at its first post-modifier so that "officials familiar with ..." gives
# "officials" and "a spokesman for ..." gives "spokesman".
POST_MODIFIER = set("""
of for from with at in on to by about close familiar who whom which that whose
including like among representing working speaking based
""".split())

# Before "of" these are quantities, not heads: "54 percent of voters" is headed by "voters".
PARTITIVE = set("""
percent majority minority plurality half third quarter most many some all none one two three
several few each both number share dozens hundreds thousands millions handful group rest
""".split())


def words(s: str) -> list[str]:
    return WORD.findall(s)


def norm_phrase(s: str) -> str:
    s = " ".join(s.lower().replace("’", "'").split())
    return s.strip(" \t\n\"'“”‘,.;:-–—()")


def third_person(w: str) -> str:
    if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        return w + "es"
    return w + "s"


def lemma(form: str, vocab: Counter) -> str:
    """Base form: irregular table, else a suffix-stripping candidate attested in the corpus.

    A candidate is attested if both it and its -s form occur in the texts, which keeps "noted"
    from becoming "not" and "stated" from becoming "stat". Candidates are tried in groups, so
    that "added" gives "add" before undoubling could give "ad".
    """
    if form in IRREGULAR:
        return IRREGULAR[form]
    plain, undoubled = [], []
    for suf in ("ing", "ied", "ies", "ed", "es", "s"):
        if form.endswith(suf) and len(form) - len(suf) >= 2:
            stem = form[: -len(suf)]
            if suf in ("ied", "ies"):
                plain.append(stem + "y")
            elif not (stem.endswith("i") and stem[-2:-1] not in "aeiou"):  # "decri(ed)" is no stem
                plain += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                undoubled.append(stem[:-1])
    both = lambda c: min(vocab[c], vocab[third_person(c)])
    either = lambda c: vocab[c] + vocab[third_person(c)]
    # the form itself comes after the stripped candidates: "showing"/"showings" are both words,
    # but as a cue the form is the verb "show"
    for group, score in ((plain, both), (undoubled, both), ([form], both), (plain, either), (undoubled, either)):
        scored = [(score(c), len(c), c) for c in group]
        if scored and max(scored)[0] > 0:
            return max(scored)[2]
    return form  # nothing attested: leave it alone rather than guess


def cue_use(text: str, start: int, end: int, word: str) -> str:
    """'noun' if the cue token is used as a noun here (after a determiner or possessive), 'other' if
    it is an adjective, else 'verb'. Context is needed because claim, report, call... are both."""
    before = words(text[max(0, start - 40):start])
    prev = before[-1].lower() if before else ""
    if word in ADJECTIVES:
        return "other"
    if word in NOUNS or word.endswith(NOUN_SUFFIXES):
        return "noun"
    if word in IRREGULAR or word.endswith("ed"):
        return "verb"  # past forms are not nouns, whatever precedes them
    possessive = prev.endswith(("'s", "’s")) and not CONTRACTIONS.match(prev)
    if prev in DETERMINERS or possessive:
        return "noun"
    return "verb"


def merged(spans):
    if not spans:
        return None
    return min(s["start"] for s in spans), max(s["end"] for s in spans)


def source_head(src_text: str) -> str | None:
    toks = words(src_text)
    for i, t in enumerate(toks):
        if i > 0 and t.lower() in POST_MODIFIER:
            if t.lower() == "of" and toks[i - 1].lower() in PARTITIVE:
                continue
            toks = toks[:i]
            break
    toks = [re.sub(r"['’]s$", "", t) for t in toks]
    toks = [t for t in toks if t]
    if not toks:
        return None
    last = toks[-1]
    if not last.isalpha() or not last.islower() or last in PRONOUNS:
        return None
    return last


def write_list(path: Path, header: list[str], rows: list[tuple]) -> None:
    lines = ["# " + h for h in header]
    lines += ["\t".join(str(c) for c in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


SCORER_NOTES = """\
== what the scorer rewards (score_attributions.py) ==
- Each role (content, source, cue) is scored on its own; `relation`, the headline number, ties
  content and source together. The cue is never checked by `relation`.
- A discontinuous span is collapsed to one range from its first start to its last end.
- exact: identical (start, end) after trimming edge whitespace; content edges also lose quote
  marks and , . ; : so including the quotes or the final period costs nothing. A leading "that"
  is not trimmed: it must match the gold choice (see the 'that' rate above).
- overlap: any shared character; matching is greedy, one-to-one, in prediction order.
- relation: predicted content overlaps a gold content AND predicted source overlaps that gold
  source. Gold without a source (about 8%) needs an empty predicted source; a guess is an error.
- Every predicted attribution counts toward precision, so duplicates and split attributions
  cost FPs; empty spans are ignored in the per-role scores; missing docs count as all misses.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    args = ap.parse_args()
    if not args.train.exists():
        sys.exit(f"PolNeAR train split not found at {args.train} (see /work/shared/eval/README.md)")
    docs = [json.loads(line) for line in args.train.open(encoding="utf-8")]

    vocab = Counter(w.lower() for d in docs for w in WORD.findall(d["text"]))
    forms, nouns, phrases, heads = Counter(), Counter(), Counter(), Counter()
    in_cue = Counter()  # word -> occurrences inside any cue span: how often the word is a cue at all
    n_att = n_cue = n_single = n_punct = 0
    n_src = n_pron = n_rel = n_cap = 0
    src_pos, cont_pos = Counter(), Counter()
    n_that = n_cont = 0

    for d in docs:
        text = d["text"]
        for a in d["attributions"]:
            n_att += 1
            cue = merged(a["cue"])
            if a["cue"]:
                n_cue += 1
                ctext = " ".join(s["text"] for s in a["cue"])
                toks = [t.lower() for t in words(ctext)]
                in_cue.update(set(toks))
                if not toks:
                    n_punct += 1
                elif len(toks) == 1:
                    n_single += 1
                    w = toks[0]
                    span = a["cue"][0]
                    if w not in STOP:
                        use = cue_use(text, span["start"], span["end"], w)
                        if use == "noun":
                            nouns[w] += 1
                        elif use == "verb":
                            forms[w] += 1
                else:
                    phrases[norm_phrase(ctext)] += 1

            if a["source"]:
                n_src += 1
                stext = " ".join(s["text"] for s in a["source"]).strip()
                stoks = words(stext)
                if len(stoks) == 1 and stoks[0].lower() in PRONOUNS:
                    n_pron += 1
                    n_rel += stoks[0].lower() in ("who", "whom", "which", "that")
                if stext[:1].isupper():
                    n_cap += 1
                h = source_head(stext)
                if h:
                    heads[h] += 1
                if cue:
                    s = merged(a["source"])
                    src_pos["before" if s[1] <= cue[0] else "after" if s[0] >= cue[1] else "overlapping"] += 1
            else:
                src_pos["no source"] += 1

            if a["content"]:
                n_cont += 1
                first = words(a["content"][0]["text"])
                if first and first[0].lower() == "that":
                    n_that += 1
                if cue:
                    parts = set()
                    for s in a["content"]:
                        parts.add("before" if s["end"] <= cue[0] else "after" if s["start"] >= cue[1] else "overlapping")
                    cont_pos["both sides" if {"before", "after"} <= parts else "/".join(sorted(parts))] += 1

    verb_rows = [(w, lemma(w, vocab), c, f"{min(1.0, in_cue[w] / vocab[w]):.3f}")
                 for w, c in forms.most_common() if c >= 2 and w.isalpha() and not w.endswith("ly")]
    noun_rows = [(w, c) for w, c in nouns.most_common() if c >= 2]
    phrase_rows = [(p, c) for p, c in phrases.most_common() if c >= 3 and p]
    head_rows = [(w, c) for w, c in heads.most_common() if c >= 2]

    src = f"PolNeAR train ({len(docs)} articles, {n_att} attributions), by bench/mine_lexicons.py"
    write_list(LEXICONS / "cue_verbs.txt", [
        f"Cue verbs: every inflected form seen as a one-word cue span in {src}.",
        "Columns: form, lemma (hand table of irregulars + suffix stripping checked against corpus",
        "word counts), count, ratio (share of the form's occurrences in the train text that lie inside",
        "a cue span: how reliable it is as a cue). Forms seen once, function words, adverbs, adjectives and noun uses",
        "(after a determiner or possessive) are left out. Regenerate rather than hand-edit.",
    ], verb_rows)
    write_list(LEXICONS / "cue_nouns.txt", [
        f"Nominal cues: one-word cue spans used as nouns in {src}.",
        "Noun use = after a determiner/possessive, a noun suffix (-tion, -ment...) or a hand list.",
        "Columns: word, count (min 2).",
    ], noun_rows)
    write_list(LEXICONS / "cue_phrases.txt", [
        f"Multi-word cue spans in {src}.",
        "Lowercased, whitespace collapsed, edge punctuation stripped. Columns: phrase, count (min 3).",
    ], phrase_rows)
    write_list(LEXICONS / "source_heads.txt", [
        f"Common-noun heads of source spans in {src}.",
        "Head = last word of the source span before its first post-modifier (of, for, with, who,",
        "familiar, close, ...), kept only if lowercase (not a name) and not a pronoun.",
        "Columns: word, count (min 2).",
    ], head_rows)

    def pct(n, d):
        return f"{n}/{d} = {100 * n / d:.1f}%" if d else "n/a"

    def top(rows, k=40):
        return "\n".join("  " + "\t".join(str(c) for c in r) for r in rows[:k])

    out = [
        f"PolNeAR train statistics (bench/mine_lexicons.py): {len(docs)} articles, {n_att} attributions",
        "",
        f"cues that are a single word:      {pct(n_single, n_cue)}",
        f"cues that are punctuation only:   {pct(n_punct, n_cue)}  (':' speaker labels, dashes)",
        f"cues of two or more words:        {pct(n_cue - n_single - n_punct, n_cue)}",
        f"attributions with a source:       {pct(n_src, n_att)}",
        f"sources that are a lone pronoun:  {pct(n_pron, n_src)}"
        f" (relative who/which/that: {pct(n_rel, n_src)})",
        f"sources starting with a capital:  {pct(n_cap, n_src)}",
        "source position relative to cue:  " + ", ".join(f"{k} {pct(v, n_att)}" for k, v in src_pos.most_common()),
        "content position relative to cue: " + ", ".join(f"{k} {pct(v, n_cont)}" for k, v in cont_pos.most_common()),
        f"content starting with 'that':     {pct(n_that, n_cont)}",
        f"list sizes: cue_verbs {len(verb_rows)}, cue_nouns {len(noun_rows)}, "
        f"cue_phrases {len(phrase_rows)}, source_heads {len(head_rows)}",
        "",
        "top 40 cue verb forms (form, lemma, count):", top(verb_rows), "",
        "top 40 cue phrases (phrase, count):", top(phrase_rows), "",
        "top 40 cue nouns (word, count):", top(noun_rows), "",
        "top 40 source head nouns (word, count):", top(head_rows), "",
        SCORER_NOTES,
    ]
    report = "\n".join(out)
    STATS.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
