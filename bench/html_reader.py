#!/usr/bin/env python3
"""Score HTML main-text extraction on the saved news pages of tests/data/pages against their gold.

Why (issue 15): a saved page is mostly navigation, share buttons, captions, comments and
related-article boxes; every sentence of those that reaches the extractor can become a source
("my neighbor who works at city hall said ..."). This compares what provgraph's reader
(`read_article`, as ingest uses it) keeps with what trafilatura keeps, on the same pages.

Scoring: bag of words. Each text is lower-cased and cut into word tokens (\\w+); precision is
the share of extracted tokens that the gold text also has (counted with multiplicity), recall the
share of gold tokens extracted. "paras" counts gold paragraphs found whole as a line of the
extraction; "extra" counts extracted lines that are not gold paragraphs (boilerplate, or a
paragraph cut wrongly). A date is right when its first ten characters are the gold YYYY-MM-DD.
Time is the median of --repeat runs per page, reading included, imports excluded.
Each page is read twice: as saved, and stripped of the class/id attributes and HTML5 sectioning
tags that extractors lean on (as older or hand-built sites are), a harder test of the same text.

Usage: python bench/html_reader.py [--repeat 5] [--out bench/results/html_reader.md]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "data" / "pages"


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def score(text: str, gold: list[str]) -> dict:
    got, want = tokens(text), tokens("\n".join(gold))
    common = sum((got & want).values())
    p = common / max(1, sum(got.values()))
    r = common / max(1, sum(want.values()))
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "paras": sum(1 for g in gold if g in lines), "extra": sum(1 for line in lines if line not in gold)}


def provgraph_reader(path: Path) -> tuple[str, str | None, str | None]:
    from provgraph.reader import read_article
    a = read_article(path)
    return a.text, a.title, a.published


def trafilatura_reader(**options):
    """trafilatura's text with its title as the first line (the gold has the headline first) and
    its date (htmldate)."""
    import trafilatura

    def read(path: Path) -> tuple[str, str | None, str | None]:
        doc = trafilatura.bare_extraction(path.read_text(encoding="utf-8"), with_metadata=True,
                                          output_format="python", **options)
        if doc is None:
            return "", None, None
        doc = doc if isinstance(doc, dict) else doc.as_dict()
        text = doc.get("text") or ""
        if doc.get("title") and not text.startswith(doc["title"]):
            text = doc["title"] + "\n" + text
        return text, doc.get("title"), doc.get("date")
    return read


READERS = {  # comments are never article text (bare_extraction keeps them out of "text" anyway)
    "provgraph reader": provgraph_reader,
    "trafilatura (defaults)": trafilatura_reader(include_comments=False),
    "trafilatura (favor_precision)": trafilatura_reader(include_comments=False, favor_precision=True),
}


def machine() -> str:
    cpus = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    model = next((line.split(":", 1)[1].strip() for line in
                  subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
                  if line.startswith("Model name")), "?")
    return f"{cpus} cores ({model}), Python {platform.python_version()}"


def revision() -> str:
    """The commit measured, marked when the working tree differs from it."""
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "provgraph"],
                           capture_output=True, text=True).stdout.strip()
    return (head.stdout.strip() or "?") + (" + uncommitted changes to provgraph/" if dirty else "")


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version
    found = []
    for name in ("trafilatura", "htmldate", "lxml"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            pass
    return ", ".join(found)


def stripped(html: str) -> str:
    """The page without the hints extractors lean on: no class, id, role or itemprop attributes, and
    every HTML5 sectioning tag (article, main, nav, aside, header, footer, section, figure) a <div>.
    Older and hand-built sites look like this."""
    html = re.sub(r'\s(?:class|id|role|itemprop|aria-label)="[^"]*"', "", html)
    return re.sub(r"<(/?)(?:article|main|nav|aside|header|footer|section|figure|figcaption)\b[^>]*>", r"<\1div>", html)


def measure(folder: Path, gold: dict, repeat: int, show: bool) -> tuple[list[str], list[str]]:
    """(one summary row per extractor, one row per extractor and page)."""
    rows, totals = [], []
    for label, reader in READERS.items():
        sums = Counter()
        for name, g in gold.items():
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                text, title, date = reader(folder / name)
                times.append(time.perf_counter() - start)
            s = score(text, g["text"])
            title_ok = (title or "").strip() == g["title"]
            date_ok = (date or "")[:10] == g["published"]
            ms = statistics.median(times) * 1000
            rows.append(f"| {label} | {name.removesuffix('.html')} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | "
                        f"{s['paras']}/{len(g['text'])} | {s['extra']} | "
                        f"{'yes' if title_ok else 'no: ' + repr(title)} | "
                        f"{'yes' if date_ok else 'no: ' + repr(date)} | {ms:.1f} |")
            sums.update(p=s["p"], r=s["r"], f1=s["f1"], paras=s["paras"], gold_paras=len(g["text"]),
                        extra=s["extra"], title=title_ok, date=date_ok, ms=ms)
            if show:
                lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
                for line in lines:
                    if line not in g["text"]:
                        print(f"  {label} / {folder.name}/{name}: + {line[:110]}")
                for para in g["text"]:
                    if para not in lines:
                        print(f"  {label} / {folder.name}/{name}: - {para[:110]}")
        n = len(gold)
        totals.append(f"| {label} | {sums['p'] / n:.3f} | {sums['r'] / n:.3f} | {sums['f1'] / n:.3f} | "
                      f"{sums['paras']}/{sums['gold_paras']} | {sums['extra']} | {sums['title']}/{n} | "
                      f"{sums['date']}/{n} | {sums['ms'] / n:.1f} |")
    return totals, rows


SUMMARY = ["| extractor | P | R | F1 | gold paragraphs found | extra lines | title right | date right | ms / page |",
           "|---|---|---|---|---|---|---|---|---|"]
PER_PAGE = ["| extractor | page | P | R | F1 | paras | extra | title | date | ms |",
            "|---|---|---|---|---|---|---|---|---|---|"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="Runs per page for the timing (median).")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "html_reader.md"),
                        help="Markdown table written here ('' for none).")
    parser.add_argument("--show", action="store_true", help="Print each extractor's lines that are not gold.")
    args = parser.parse_args()
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    for reader in READERS.values():  # imports and first-call set-up are not the per-page time
        reader(PAGES / next(iter(gold)))
    saved, saved_rows = measure(PAGES, gold, args.repeat, args.show)
    with tempfile.TemporaryDirectory() as tmp:
        for name in gold:
            (Path(tmp) / name).write_text(stripped((PAGES / name).read_text(encoding="utf-8")), encoding="utf-8")
        bare, bare_rows = measure(Path(tmp), gold, args.repeat, args.show)
    table = "\n".join([
        "Pages as saved:", "", *SUMMARY, *saved, "",
        "The same pages stripped of class, id and sectioning tags (`stripped()`):", "", *SUMMARY, *bare, "",
        "Per page, as saved:", "", *PER_PAGE, *saved_rows, "",
        "Per page, stripped:", "", *PER_PAGE, *bare_rows])
    print(table)
    if args.out:
        Path(args.out).write_text(
            f"# HTML main text: provgraph's reader against trafilatura\n\n"
            f"`python bench/html_reader.py` on the {len(gold)} pages of tests/data/pages (gold: gold.json).\n"
            f"Bag-of-words token P/R/F1 against the gold title + body paragraphs (means over pages).\n"
            f"provgraph at {revision()}. Machine: {machine()}; {versions()}.\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
