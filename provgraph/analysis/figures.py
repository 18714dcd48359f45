"""Figures in claims, normalised so that reports of one quantity can be compared across articles.

"Over 213,000 cases of desertion since the war began" -> value 213000, bound "lower", unit "case",
qualifiers {"desertion"}, scope "since-war". 213,000 = 213 000 = 213k; "more than 200,000" is a
lower bound, not a value; "up to 30,000 ... each month" an upper bound per month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provgraph.extract.claims import FULL_MONTHS, MONTHS

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "dozen": 12})
_NUMBER = re.compile(
    r"(?<![\w.,/])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!/\d)|\d+(?:\.\d+)?(?![\d.]|/\d)|"
    r"(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")(?![\w-]))"
    r"(\s?(?:k|m|bn|thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_BOUNDS = [  # words before a figure -> how the figure bounds the true value
    ("lower", ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "exceeding")),
    ("upper", ("up to", "fewer than", "less than", "under", "at most", "no more than", "nearly", "almost")),
    ("approx", ("about", "approximately", "around", "roughly", "some", "an estimated", "estimated", "nearly")),
]
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
TIME_UNITS = frozenset("second minute hour day night week month year decade century".split())
_SKIP_UNIT = frozenset("of the a an and or in on at to for from per each every this that these those".split())
STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being has have had
    that this these those it its their his her they he she we you i not no so than then there which who
    whom whose what when where while will would could should may might can also just only more most over
    into about after before since during up out said says say told according its our your""".split()
)


@dataclass(frozen=True)
class Figure:
    text: str
    value: float
    bound: str  # exact | lower | upper | approx
    unit: str | None  # singular head noun of what is counted: "case", "soldier"
    qualifiers: frozenset = field(default_factory=frozenset)  # "criminal", "desertion"
    scope: str | None = None  # "per-month", "since-war", "since-2022", "month-october", "months-5", "year-2024"

    @property
    def quantity(self) -> tuple:
        """What is counted, and over what period: figures with equal quantities can conflict."""
        return (self.unit, self.qualifiers, self.scope)

    def interval(self) -> tuple[float, float]:
        """The values the figure allows: exact and approximate figures get a 10% margin."""
        v = self.value
        return {"lower": (v, float("inf")), "upper": (0.0, v), "approx": (v * 0.9, v * 1.1)}.get(
            self.bound, (v * 0.995, v * 1.005))


def parse_figures(text: str) -> list[Figure]:
    """The numeric figures in `text` with their bound, unit, qualifiers and scope. Years are skipped.

    A figure's scope is read from its own clause (else a leading "In October," clause), so in
    "213,000 cases since the war began, with 90,590 in the first five months" each gets its own.
    A figure with no noun after it ("bringing the total to 180,000") counts what the figure
    before it counted."""
    found = []
    for m in _NUMBER.finditer(text):
        raw, mult = m.group(1), (m.group(2) or "").strip().lower()
        digits = str(_WORD_NUMBERS[raw.lower()]) if raw.lower() in _WORD_NUMBERS else re.sub(r"[,\u00a0\u202f ]", "", raw)
        if raw.lower() in ("one", "zero") and not mult:
            continue  # "one prosecutor", "one of the ..." are not counts worth comparing
        if not mult and re.fullmatch(r"(1[89]|20)\d\d", digits):
            continue  # a year
        before = text[max(0, m.start() - 40):m.start()].lower().rstrip()
        last = before.split(" ")[-1] if before else ""
        if last.rstrip(".") in MONTHS or before.endswith(("article", "articles", "no.", "number", "$", "€", "£")):
            continue  # a day of the month, an article of law, money: not a count
        found.append((m, float(digits) * _MULTIPLIERS.get(mult, 1), before))
    out: list[Figure] = []
    for k, (m, value, before) in enumerate(found):
        scope = parse_scope(_clause(text, m.start(), m.end()))
        first_comma = text.find(",")
        if scope is None and 0 <= first_comma < m.start():
            scope = parse_scope(text[:first_comma])  # "In October alone, 21,600 soldiers deserted"
        bound = next((kind for kind, words in _BOUNDS if any(before.endswith(w) for w in words)), "exact")
        unit, quals = _unit(text[m.end():])
        if unit in TIME_UNITS:
            continue  # "in the first two days", "for 30 years": a period, not a count
        if unit is None and out:
            unit, quals = out[-1].unit, set(out[-1].qualifiers)
        if unit is None:
            continue
        out.append(Figure(m.group(0).strip(), value, bound, unit, frozenset(quals), scope))
    return out


def _clause(text: str, start: int, end: int) -> str:
    """The comma- or semicolon-delimited stretch of text around a figure (digit-group commas excepted)."""
    a = start
    while a > 0 and not (text[a - 1] in ",;" and not text[a - 2:a - 1].isdigit()):
        a -= 1
    b = end
    while b < len(text) and not (text[b] in ",;" and not text[b + 1:b + 2].isdigit()):
        b += 1
    return text[a:b]


def _unit(after: str) -> tuple[str | None, set[str]]:
    """Head noun after a number, with its modifiers and an "of X" complement ("criminal cases of desertion")."""
    words = re.findall(r"[A-Za-z’'-]+|[^\sA-Za-z]", after[:80])
    mods: list[str] = []
    unit = None
    for k, w in enumerate(words[:5]):
        low = w.lower()
        if not w[0].isalpha() or low in _SKIP_UNIT or low in STOPWORDS:
            break
        if low.endswith(("ed", "ing")) and mods:
            break  # "proceedings opened": the verb after the noun
        mods.append(low)
    if not mods:
        return None, set()
    unit = singular(mods[-1])
    quals = {m for m in mods[:-1] if m not in STOPWORDS}
    rest = " ".join(words[len(mods):len(mods) + 3]).lower()
    of = re.match(r"(of|for|related to) ([a-z]+)", rest)
    if of and of.group(2) not in STOPWORDS:
        quals.add(of.group(2))
    return unit, quals


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def parse_scope(text: str) -> str | None:
    """The period a figure covers, normalised; None when the text does not say."""
    low = text.lower()
    m = re.search(r"\b(?:each|every|per|a) (day|week|month|year)\b", low)
    if m:
        return f"per-{m.group(1)}"
    m = re.search(r"\bin (?:just |only )?the (?:first|last|past) (\w+) (day|week|month|year)s?\b", low)
    if m:
        n = _NUMBER_WORDS.get(m.group(1), m.group(1))
        return f"{m.group(2)}s-{n}"
    m = re.search(r"\bsince (?:the )?(?:start of the )?(?:full-scale )?(war|invasion|conflict)\b", low)
    if m:
        return "since-war"
    m = re.search(r"\bsince (?:\w+ )?((?:19|20)\d\d)\b", low)
    if m:
        return f"since-{m.group(1)}"
    m = re.search(r"\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", low)
    if m:
        return f"day-{m.group(1)}"
    m = re.search(r"\bon (" + "|".join(FULL_MONTHS) + r") (\d{1,2})\b", low)  # months in full
    if m:
        return f"day-{m.group(1)}-{m.group(2)}"
    m = re.search(r"\b(yesterday|today|last night|overnight)\b", low)
    if m:
        return f"day-{m.group(1).replace(' ', '-')}"
    m = re.search(r"\bin (" + "|".join(FULL_MONTHS) + r")\b", low)
    if m:
        return f"month-{m.group(1)}"
    m = re.search(r"\b(?:in|during|for) ((?:19|20)\d\d)\b", low)
    if m:
        return f"year-{m.group(1)}"
    if re.search(r"\b(this|the) year\b|\bfor the year\b", low):
        return "year-current"
    return None


def content_words(text: str) -> set[str]:
    """Lowercase content-word stems for comparing claims (first 6 letters, stopwords dropped)."""
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOPWORDS}
