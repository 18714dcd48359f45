"""Articles that come as records, not files: one on stdin, a news dump of JSON lines, the HTML
responses of a web archive (WARC), the entries of an RSS or Atom feed.

Why: analysts get articles from scrapers and archives as JSON lines ({"text", "title", "url", ...}),
from Webrecorder, ArchiveBox or Common Crawl as WARC files, from feeds, or from a pipe. Each record
is written as an article file (text or HTML) with its metadata sidecar in a temporary folder and
ingested like any file, so it gets the same reading, checks, batching and per-record error
reporting. WARC is read with warcio, feeds with feedparser: both well kept, pure Python.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from provgraph.errors import InputError
from provgraph.reader import ALIASES, FIELDS

MAX_LINE_BYTES = 20_000_000  # a line longer than this is no article: the same limit as a file


def stdin_record(data: str) -> tuple[str, dict]:
    """One article piped in: named by its content (so that two different ones never replace each
    other under --replace), read as HTML when it is a page (`curl ... | provgraph ingest -`)."""
    if not data.strip():
        raise InputError("nothing on stdin: pipe an article in (`cat article.txt | provgraph ingest -`)")
    name = "stdin-" + hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    if re.match(r"\s*(?:<!doctype html|<html|<head|<body)", data[:1000], re.IGNORECASE):
        return name, {"html": data.encode("utf-8", "surrogatepass")}
    return name, {"text": data}


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
        known = {key: value for key, value in rec.items() if key not in fields.values() and isinstance(value, str)
                 and (key in FIELDS or key.lower() in ALIASES)}  # "headline", "publisher": the usual names
        yield name, known | {field: rec[key] for field, key in fields.items() if isinstance(rec.get(key), str)}


def warc_records(path: str) -> Iterator[tuple[str, dict | str]]:
    """(name, {"html": bytes, "url"}) for each HTML page a WARC file archived (status 200
    responses; the page's own meta tags give its date); anything else in the archive (images,
    scripts, requests) is passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as f:
            for n, record in enumerate(ArchiveIterator(f), 1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in kind or record.http_headers.get_statuscode() != "200":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                body = record.content_stream().read(MAX_LINE_BYTES + 1)
                name = _slug(url) or f"{Path(path).stem}-{n:06}"
                if len(body) > MAX_LINE_BYTES:
                    yield name, f"{path}: the page {url} is too large for an article"
                    continue
                yield name, {"html": body, "url": url}  # the capture date is not the publication date
    except (ArchiveLoadFailed, OSError, ValueError) as e:
        yield Path(path).stem, f"{path}: not a readable WARC file ({str(e)[:120]})"


def feed_records(path: str) -> Iterator[tuple[str, dict | str]]:
    """(name, {"html", "title", "url", "published", "author", "outlet"}) for each entry of an RSS
    or Atom feed; the entry's full content where the feed has it, else its summary."""
    import feedparser

    feed = feedparser.parse(path)
    if feed.bozo and not feed.entries:
        yield Path(path).stem, f"{path}: not a readable RSS or Atom feed ({str(feed.get('bozo_exception', ''))[:120]})"
        return
    outlet = feed.feed.get("title", "")
    for n, entry in enumerate(feed.entries, 1):
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary", "")
        title = entry.get("title", "")
        page = f"<html><head><title>{html.escape(title)}</title></head><body>{body}</body></html>"
        yield _slug(entry.get("link", "")) or f"{Path(path).stem}-{n:06}", {
            "html": page.encode("utf-8"), "title": title, "url": entry.get("link", ""),
            "published": _date(entry.get("published_parsed") or entry.get("updated_parsed")) or entry.get("published", ""),
            "author": entry.get("author", ""),
            "outlet": outlet}


def _date(parsed) -> str:
    return f"{parsed.tm_year:04}-{parsed.tm_mon:02}-{parsed.tm_mday:02}" if parsed else ""


def _slug(url: str) -> str:
    parts = urlparse(url)
    return re.sub(r"[^\w.-]+", "-", f"{parts.netloc}{parts.path}").strip("-.")[:100]


def write_records(records: Iterable[tuple[str, dict | str]], folder: Path) -> tuple[list[Path], list[str]]:
    """Write each record as NAME.txt (or NAME.html) with NAME.meta.json; returns the files and the
    errors."""
    files, errors, seen = [], [], set()
    for name, rec in records:
        if isinstance(rec, str):
            errors.append(rec)
            continue
        while name in seen:
            name += "_"
        seen.add(name)
        if "html" in rec:
            path = folder / f"{name}.html"
            path.write_bytes(rec.pop("html"))
        else:
            path = folder / f"{name}.txt"
            path.write_text(rec.pop("text"), encoding="utf-8")
        meta = {k: v for k, v in rec.items() if isinstance(v, str) and v}
        if meta:
            path.with_name(f"{name}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        files.append(path)
    return files, errors
