"""The weak-sourcing report as text (for a terminal), JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
import textwrap

from provgraph.analysis.report import EXPLAIN, REASONS, Report

FORMATS = ("text", "json", "csv", "markdown")


def render(report: Report, fmt: str) -> str:
    return {"text": text, "json": as_json, "csv": as_csv, "markdown": markdown}[fmt](report)


def _groups(report: Report):
    """Claims grouped under their most serious reason."""
    for code in REASONS:
        group = [c for c in report.claims if c.reasons and c.reasons[0] == code]
        if group:
            yield code, group


def _source_text(s: dict) -> str:
    return f"{s['label']} ({s['kind']})"


def text(report: Report, width: int = 100) -> str:
    lines = [f"{len(report.claims)} weakly sourced claims of {report.total_claims} "
             f"in {report.articles} article{'s' if report.articles != 1 else ''}", ""]
    if report.stale:
        lines[1:1] = ["warning: articles were added after the cross-article analyses last ran; "
                      "run `provgraph reindex` (or finish the ingest with --resume)"]
    n = 0
    for code, group in _groups(report):
        lines.append(f"{code.upper()}: {EXPLAIN[code]} ({len(group)})")
        lines.append("")
        for c in group:
            n += 1
            wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="      ")
            lines.extend(wrap.wrap(f"[{n}] “{_clip(c.text, 220)}”"))
            lines.append(f"      article:  {c.article_title or c.article}")
            lines.append(f"      reasons:  {', '.join(c.reasons)} ({c.severity})")
            lines.append(f"      why:      {c.explanation}")
            if c.sources:
                lines.append(f"      sources:  {'; '.join(_source_text(s) for s in c.sources)}")
            if len(c.chain) > 1:
                lines.append(f"      chain:    {' -> '.join(c.chain)}")
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


def as_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (= + - @ at the start are escaped)."""
    s = "" if value is None else str(value)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def as_csv(report: Report) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["claim", "text", "article", "article_title", "reasons", "sources", "chain", "evidence", "start", "end"])
    for c in report.claims:
        w.writerow([safe_cell(v) for v in (
            c.claim, c.text, c.article, c.article_title, ";".join(c.reasons),
            "; ".join(_source_text(s) for s in c.sources), " -> ".join(c.chain), c.evidence, c.start, c.end)])
    return buf.getvalue()


def _md(s) -> str:
    """Markdown table cell: no pipes or line breaks, no raw HTML."""
    return (str(s or "").replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", " "))


def markdown(report: Report) -> str:
    lines = ["# Weakly sourced claims", "",
             f"{len(report.claims)} of {report.total_claims} claims in {report.articles} articles.", ""]
    for code, group in _groups(report):
        lines += [f"## {code}: {EXPLAIN[code]} ({len(group)})", "",
                  "| claim | article | reasons | sources | chain | evidence |", "|---|---|---|---|---|---|"]
        for c in group:
            lines.append("| " + " | ".join(_md(x) for x in (
                _clip(c.text, 200), c.article_title, ", ".join(c.reasons),
                "; ".join(_source_text(s) for s in c.sources), " → ".join(c.chain),
                f"{_clip(c.evidence, 300)} [{c.start}-{c.end}]")) + " |")
        lines.append("")
    return "\n".join(lines)
