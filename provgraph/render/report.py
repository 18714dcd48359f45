"""The weak-sourcing report as text (for a terminal), JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Iterator

from provgraph.analysis.report import SEVERITY, Report
from provgraph.render import count

FORMATS = ("text", "json", "csv", "markdown")


def render(report: Report, fmt: str) -> str:
    return "".join(pieces(report, fmt))


def pieces(report: Report, fmt: str) -> Iterator[str]:
    """The report in pieces as its claims are read: JSON and CSV stream a streamed report (a piece
    per claim, a piece per thousand rows); text and Markdown come whole."""
    if fmt == "json":
        yield from _json_pieces(report)
    elif fmt == "csv":
        yield from _csv_pieces(report)
    else:
        yield {"text": text, "markdown": markdown}[fmt](report)


def _groups(report: Report):
    """Claims grouped by severity, in the report's order (most serious first)."""
    for level in SEVERITY:
        group = [c for c in report.claims if c.severity == level]
        if group:
            yield level, group


HEADINGS = {"high": "HIGH: rests on anonymous, circular or disputed sourcing",
            "medium": "MEDIUM: one source, none, or a conflicting figure",
            "low": "LOW: worded as uncertain", "none": "NOT FLAGGED (--all)"}


def _source_text(s: dict) -> str:
    return f"{s['label']} ({s['kind']})"


def headline(report: Report) -> str:
    """"K of N claims flagged in A articles", with what is left out and why."""
    line = f"{report.flagged:,} of {count(report.total_claims, 'claim')} flagged in {count(report.articles, 'article')}"
    if report.not_checkable:
        line += f"; {report.not_checkable} assert nothing checkable (opinion, prediction, demand) and are " \
                "flagged only when every source is anonymous"
    if report.offset and not report.claims:
        line += f"; nothing after number {report.offset} (--offset)"
    elif report.offset:
        line += f"; showing numbers {report.offset + 1} to {report.offset + (report.shown or 0)} (--offset, --top)"
    elif report.shown is not None and report.shown < report.flagged:
        line += f"; showing the {report.shown} most serious (--top)"
    return line


def text(report: Report, width: int = 100) -> str:
    lines = [headline(report), ""]
    if report.stale:
        lines[1:1] = ["warning: articles or corrections were stored after the cross-article analyses last ran; "
                      "run `provgraph reindex` (or finish the ingest with --resume)"]
    n = report.offset
    for level, group in _groups(report):
        lines.append(f"{HEADINGS[level]} ({len(group)})")
        lines.append("")
        for c in group:
            n += 1
            wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="      ")
            lines.extend(wrap.wrap(f"[{n}] {c.short_id}  “{_clip(c.text, 220)}”"))
            lines.append(f"      article:  {c.article_title or c.article}")
            if c.reasons:
                lines.append(f"      reasons:  {', '.join(c.reasons)}")
            if not c.checkable:
                lines.append(f"      checkable: no ({c.check})")
            lines.append(f"      why:      {c.explanation}")
            if c.sources:
                lines.append(f"      sources:  {'; '.join(_source_text(s) for s in c.sources)}")
            if len(c.chain) > 1:
                lines.append(f"      chain:    {' -> '.join(c.chain)}")
            for r in c.non_responses:
                lines.append(f"      asked:    {r['party']}: {r['kind']}")
            ev = textwrap.TextWrapper(width=width, initial_indent=f"      evidence [{c.start}-{c.end}]: ",
                                      subsequent_indent="        ")
            lines.extend(ev.wrap(_clip(c.evidence, 400)))
            lines.append("")
    if not report.claims:
        lines.append("No weakly sourced claims found.")
    return "\n".join(lines).rstrip() + "\n"


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _json_pieces(report: Report) -> Iterator[str]:
    """What json.dumps(report.as_dict(), indent=2) gives, a claim at a time."""
    yield '{\n  "claims": ['
    first = True
    for c in report.iter_claims():
        yield ("\n" if first else ",\n") + "    " + _indented(c.as_dict(), "    ")
        first = False
    yield "]" if first else "\n  ]"
    yield ",\n" + json.dumps(report.totals(), ensure_ascii=False, indent=2)[2:] + "\n"


_SCALAR = json.JSONEncoder(ensure_ascii=False).encode


def _indented(value, pad: str = "") -> str:
    """json.dumps(value, ensure_ascii=False, indent=2) with `pad` before each line after the first,
    4x faster: with an indent the json module encodes in pure Python, a generator per level."""
    inner = pad + "  "
    if isinstance(value, dict):
        return "{\n" + ",\n".join(f"{inner}{_SCALAR(str(k))}: {_indented(v, inner)}" for k, v in value.items()) \
            + f"\n{pad}}}" if value else "{}"
    if isinstance(value, list | tuple):
        return "[\n" + ",\n".join(inner + _indented(v, inner) for v in value) + f"\n{pad}]" if value else "[]"
    return _SCALAR(value)


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (= + - @ at the start are escaped)."""
    s = "" if value is None else str(value)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def _csv_pieces(report: Report, rows: int = 1000) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "claim", "text", "article", "article_title", "severity", "reasons", "why", "hedges",
                "checkable", "check", "sources", "chain", "evidence", "start", "end"])
    for n, c in enumerate(report.iter_claims(), 1):
        w.writerow([safe_cell(v) for v in (
            c.short_id, c.claim, c.text, c.article, c.article_title, c.severity, ";".join(c.reasons), c.explanation,
            ";".join(c.hedges), "yes" if c.checkable else "no", c.check,
            "; ".join(_source_text(s) for s in c.sources), " -> ".join(c.chain), c.evidence, c.start, c.end)])
        if n % rows == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _md(s) -> str:
    """Markdown table cell: no pipes or line breaks, no raw HTML, and no link, image or emphasis
    from article text or metadata (a title "![x](http://...)" must not load anything)."""
    text = str(s or "").replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


_MD_SPECIAL = re.compile(r"[|\[\]()!*_`]")


def markdown(report: Report) -> str:
    lines = ["# Weakly sourced claims", "", headline(report) + ".", ""]
    for level, group in _groups(report):
        lines += [f"## {HEADINGS[level]} ({len(group)})", "",
                  "| id | claim | article | reasons | why | sources | chain | evidence |",
                  "|---|---|---|---|---|---|---|---|"]
        for c in group:
            lines.append("| " + " | ".join(_md(x) for x in (
                c.short_id, _clip(c.text, 200), c.article_title, ", ".join(c.reasons) or f"not checkable ({c.check})",
                c.explanation, "; ".join(_source_text(s) for s in c.sources), " → ".join(c.chain),
                f"{_clip(c.evidence, 300)} [{c.start}-{c.end}]")) + " |")
        lines.append("")
    return "\n".join(lines)
