"""One claim's provenance tree as indented text or JSON."""

from __future__ import annotations

import json
import textwrap


def render(tree: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
    out = [f"claim: “{tree['text']}”", f"  {tree['claim']}"]
    if tree["reasons"]:
        out.append(f"  flags: {', '.join(tree['reasons'])} ({tree['severity']})")
    out.append(f"  {tree['explanation']}")
    out.append(f"  root sources: {'; '.join(tree['roots']) or 'none'}")
    for n, r in enumerate(tree["reports"], 1):
        out.append("")
        out.append(f"report {n}: {r['article_title'] or r['article']}")
        if r["claim"] != tree["claim"]:
            out.append(f"  “{r['text']}”")
        for chain in r["chains"]:
            steps = ["article"] + [f"{h['label']} ({h['kind']}{', ' + h['cue'] if h['cue'] and h['cue'] != 'via' else ''})"
                                   for h in chain]
            out.append("  " + " -> ".join(steps))
        if not r["chains"]:
            out.append("  no source credited")
        out.extend(textwrap.wrap(f"evidence [{r['start']}-{r['end']}]: {r['evidence']}", 100,
                                 initial_indent="  ", subsequent_indent="    "))
    for c in tree["conflicts"]:
        out.append("")
        out.append(f"conflicts with: {c['figure']} in {c['article_title']} (source: {c['source'] or 'none'})")
        out.append(f"  “{c['text']}”")
    return "\n".join(out) + "\n"
