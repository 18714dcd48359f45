#!/usr/bin/env python3
"""Generate realistic synthetic news articles (seeded): every attribution form provgraph reads,
aliases, chains through outlets, anonymous sources, hedges, and figures shared across articles
so that matching, conflicts and circular reporting occur.

    python bench/generate_corpus.py --articles 10000 --out /tmp/corpus10k --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

FIRST = "Aino Maria Tom Grace Lukas Ingrid Pavel Olena Karim Sofia Jonas Elena Mateo Hana Viktor Lea".split()
LAST = "Virtanen Lopez Okafor Brennan Berger Solberg Novak Kovalenko Haddad Rossi Weber Ivanova Silva Sato".split()
ROLES = ["economist", "spokesman", "harbour master", "analyst", "minister", "mayor", "union leader",
         "police chief", "professor", "port director"]
NATIONS = ["Finnish", "Spanish", "Irish", "German", "Norwegian", "Czech", "Ukrainian", "Italian"]
ORGS = ["the port authority", "the city council", "the Ministry of Transport", "the water board",
        "the dockworkers' union", "the coast guard"]
OUTLETS = ["Reuters", "the Associated Press", "the Coast Times", "the Daily Ledger", "the Harbor Herald",
           "RIA Novosti", "Die Welt", "the Morning Post"]
PUBLISHERS = ["Daily Ledger", "Coast Times", "Harbor Herald", "Morning Post", "Valley Courier", "River Gazette",
              "Metro Wire", "North Star"]
ANON = ["a senior official", "sources close to the ministry", "two people familiar with the matter",
        "an official who spoke on condition of anonymity", "a person briefed on the talks", "officials"]
TOPICS = [("containers", "stuck at the port"), ("homes", "without power"), ("workers", "on strike"),
          ("ships", "waiting offshore"), ("families", "evacuated"), ("jobs", "lost"), ("flights", "cancelled")]
PERIODS = ["on Monday", "this year", "since 2020", "in the first two days", "each month", "in March", ""]
HEDGES = ["allegedly ", "reportedly ", "", "", ""]
FILLER = ["The situation remains tense.", "Critics called the response slow.", "The stakes are high for the region.",
          "More details are expected later this week.", "Residents expressed frustration at the delays.",
          "It is unclear how long the disruption will last.", "The government has promised a review."]


def figure(rng: random.Random, base: int) -> str:
    style = rng.random()
    if style < 0.5:
        return f"{base:,}"
    if style < 0.65:
        return f"{base:,}".replace(",", " ")
    if style < 0.75 and base % 1000 == 0:
        return f"{base // 1000}k"
    if style < 0.9:
        return f"more than {base:,}"
    return f"up to {base:,}"


def person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


def claim(rng: random.Random, pool: list[tuple[int, int, int]]) -> str:
    t, p, base = rng.choice(pool)
    noun, what = TOPICS[t]
    period = PERIODS[p]
    return f"{figure(rng, base)} {noun} were {rng.choice(HEDGES)}{what}{' ' + period if period else ''}"


def sentence(rng: random.Random, pool, state: dict) -> str:
    name, last = state["person"]
    c = claim(rng, pool)
    forms = [
        lambda: f"{rng.choice(NATIONS)} {rng.choice(ROLES)} {name} said that {c}.",
        lambda: f"{c[0].upper() + c[1:]}, {last} said.",
        lambda: f"“{c[0].upper() + c[1:]},” said {name}.",
        lambda: f"According to {rng.choice(ORGS)}, {c}.",
        lambda: f"{c[0].upper() + c[1:]}, according to {rng.choice(ANON)}.",
        lambda: f"The figures, as reported by {rng.choice(OUTLETS)}, show that {c}.",
        lambda: f"{name} told {rng.choice(OUTLETS)} that {c}.",
        lambda: f"{rng.choice(ANON).capitalize()}, speaking to {rng.choice(OUTLETS)}, said {c}.",
        lambda: f"This was underscored by a report from {name} of {rng.choice(OUTLETS)}, who noted that {c}.",
        lambda: f"{rng.choice(OUTLETS)[0].upper() + rng.choice(OUTLETS)[1:]} reported that {rng.choice(ANON)} said {c}.",
        lambda: f"He added that {c}.",
        lambda: f"{c[0].upper() + c[1:]}.",
        lambda: rng.choice(FILLER),
    ]
    return rng.choice(forms)()


def article(rng: random.Random, pool) -> str:
    state = {"person": person(rng)}
    paragraphs = []
    for _ in range(rng.randint(8, 14)):
        paragraphs.append(" ".join(sentence(rng, pool, state) for _ in range(rng.randint(2, 4))))
        if rng.random() < 0.3:
            state["person"] = person(rng)
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    # a shared pool of figures: reused across articles so that reports match and conflict
    pool = [(rng.randrange(len(TOPICS)), rng.randrange(len(PERIODS)), rng.choice([1, 2, 3, 5, 8, 12]) * 10 ** rng.randint(2, 4))
            for _ in range(max(50, args.articles // 5))]
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.articles):
        name = args.out / f"a{n:06}.txt"
        name.write_text(article(rng, pool), encoding="utf-8")
        meta = {"title": f"Port report {n}", "outlet": rng.choice(PUBLISHERS), "published": f"2025-{1 + n % 12:02}-{1 + n % 28:02}"}
        name.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")


if __name__ == "__main__":
    main()
