"""Articles that come as records, not files: one on stdin, or a news dump of JSON lines.

Why: analysts get articles from scrapers and archives as JSON lines ({"text", "title", "url", ...})
or from a pipe. Each record is written as an article file with its metadata sidecar in a
temporary folder and ingested like any file, so it gets the same reading, checks, batching and
per-record error reporting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from provgraph.errors import InputError
from provgraph.reader import FIELDS

MAX_LINE_BYTES = 20_000_000  # a line longer than this is no article: the same limit as a file


def field_map(pairs: Iterable[str]) -> dict[str, str]:
    """`--field title=headline` pairs -> {provgraph field: record key}; `text` is the article."""
    mapping = {"text": "text"}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        if not sep or not key or name not in ("text", *FIELDS):
            raise InputError(f"--field {pair!r}: expected FIELD=KEY with FIELD one of text, {', '.join(FIELDS)}")
        mapping[name] = key
    return mapping


def jsonl_records(lines: Iterable[str], source: str, fields: dict[str, str]) -> Iterator[tuple[str, dict | str]]:
    """(name, record) for each line, or (name, error message) for a line that is not one."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        name = f"{Path(source).stem}-{n:06}"
        if len(line) > MAX_LINE_BYTES:
            yield name, f"{source}, line {n}: {len(line):,} characters is too large for an article"
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError, ValueError) as e:
            yield name, f"{source}, line {n}: not JSON ({str(e)[:80]})"
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get(fields["text"]), str):
            yield name, f"{source}, line {n}: no article text in field {fields['text']!r} (--field text=KEY)"
            continue
        ident = rec.get("id") or rec.get("doc_id")
        if isinstance(ident, (str, int)) and re.fullmatch(r"[\w.-]{1,80}", str(ident)):
            name = str(ident)
        extra = {key: value for key, value in rec.items() if key not in fields.values() and isinstance(value, str)}
        yield name, extra | {field: rec[key] for field, key in fields.items() if rec.get(key) is not None}


def write_records(records: Iterable[tuple[str, dict | str]], folder: Path) -> tuple[list[Path], list[str]]:
    """Write each record as NAME.txt with NAME.meta.json; returns the files and the errors."""
    files, errors, seen = [], [], set()
    for name, rec in records:
        if isinstance(rec, str):
            errors.append(rec)
            continue
        while name in seen:
            name += "_"
        seen.add(name)
        path = folder / f"{name}.txt"
        path.write_text(rec.pop("text"), encoding="utf-8")
        meta = {k: v for k, v in rec.items() if isinstance(v, str)}
        if meta:
            path.with_name(f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        files.append(path)
    return files, errors
