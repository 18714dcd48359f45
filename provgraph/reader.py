"""Article files -> `Article` (text plus metadata). Reads .txt, .md and .html.

Metadata comes from, in order of precedence: a sidecar `NAME.meta.json`, a front-matter block
(`---` ... `---` with `key: value` lines) at the top of a text file, and what an HTML page says of
itself (provgraph.page, which also finds a page's article text). Every field is optional.
"""

from __future__ import annotations

import json
import math
import os
import stat
import re
from pathlib import Path

from provgraph.errors import InputError
from provgraph.model import Article
from provgraph.yamlfile import text_problem

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
FIELDS = ("title", "outlet", "url", "published", "author", "language")
ALIASES = {
    "headline": "title", "publisher": "outlet", "site_name": "outlet", "og:site_name": "outlet",
    "og:title": "title", "og:url": "url", "date": "published", "datepublished": "published",
    "article:published_time": "published", "publication_date": "published", "byline": "author",
    "article:author": "author", "lang": "language", "source": "outlet", "canonical": "url",
}


def find_articles(paths: list[str | Path], skipped: list[str] | None = None) -> list[Path]:
    """Article files named directly or found in folders (recursively), sorted, without sidecars.
    A file named directly is held to the same test (`provgraph ingest samples/*` names the
    sidecars and the registry too): what it is not an article is appended to `skipped` as a
    one-line reason."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            unreadable: list[str] = []
            for root, dirs, names in os.walk(p, onerror=lambda e: unreadable.append(f"{e.filename}: cannot be read "
                                                                                     f"({e.strerror}); skipped")):
                dirs.sort()
                found.extend(Path(root) / n for n in sorted(names)
                             if Path(n).suffix.lower() in SUFFIXES and (Path(root) / n).is_file())
            if skipped is not None:
                skipped.extend(unreadable)
        elif p.exists() or p.is_symlink():
            reason = not_an_article(p)
            if reason is None:
                found.append(p)
            elif skipped is not None and not _sidecar_of_an_article(p):
                skipped.append(f"{p}: {reason}; skipped")
        else:
            raise InputError(f"{p}: no such file or folder")
    return found


def _sidecar_of_an_article(path: Path) -> bool:
    stem = path.name[:-len(".meta.json")] if path.name.lower().endswith(".meta.json") else None
    return stem is not None and any((path.parent / (stem + suffix)).is_file() for suffix in SUFFIXES)


def not_an_article(path: Path) -> str | None:
    """Why a file named directly is not read as an article, or None."""
    name = path.name.lower()
    if name.endswith(".meta.json"):
        return "a metadata sidecar (read with its article)"
    if name.endswith((".yaml", ".yml")):
        return "YAML (a source registry or corrections: --registry, provgraph curate)"
    if path.suffix.lower() in (".ttl", ".trig", ".nq", ".nt", ".jsonld", ".rdf", ".owl"):
        return "RDF (load it with provgraph import)"
    if path.suffix.lower() in (".json", ".jsonl"):
        return "JSON, not an article (JSON lines of articles: provgraph ingest --jsonl)"
    if path.suffix and path.suffix.lower() not in SUFFIXES:
        return f"not an article file ({', '.join(sorted(SUFFIXES))})"
    return None


MAX_BYTES = 20_000_000  # a news article is far smaller; a larger file is a dump, not an article


def read_article(path: Path, max_bytes: int = MAX_BYTES) -> Article:
    """Read one article file; raises InputError naming the file and the problem."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a FIFO would be read forever
            raise InputError(f"{path}: not a regular file")
        size = info.st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size / 1e6:.0f} MB is too large for an article (limit "
                             f"{max_bytes / 1e6:.0f} MB); split it into articles, or raise --max-mb")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e})") from None
    warnings: list[str] = []
    text = decode(data, path, warnings)
    meta: dict = {}
    if path.suffix.lower() in (".html", ".htm"):
        from provgraph.page import read_page  # trafilatura is imported only when a page is read
        text, meta = read_page(text)
    else:
        text, meta = split_front_matter(text)
    meta.update(read_sidecar(path))
    if not text.strip():
        raise InputError(f"{path}: no article text (the file is empty or holds only markup)")
    # a name that is not valid UTF-8 keeps its readable part ("bad\xff.txt" -> "bad\ufffd.txt")
    name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    article = Article(text=text, path=name, warnings=warnings)
    for key in FIELDS:
        if meta.get(key):
            setattr(article, key, str(meta[key]).strip())
    return article


def decode(data: bytes, path: Path, warnings: list[str] | None = None) -> str:
    """Bytes -> str. UTF-8 (with or without BOM) and UTF-16 with BOM as they are; text that is not
    UTF-8 anywhere but reads as Windows-1252 (curly quotes as single bytes) with a warning; mixed or
    broken UTF-8 is an error that names the byte, since guessing would corrupt names and quotes."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: starts like {wide.upper()} but is broken at byte {e.start}") from None
        if warnings is not None and wide.endswith(("le", "be")):
            warnings.append(f"{path}: no byte-order mark; read as {wide.upper()}")
    else:
        if b"\x00" in data[:4096]:
            raise InputError(f"{path}: this looks like a binary file, not an article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            if _UTF8_SEQUENCE.search(data) is None and _is_cp1252(data):
                text = data.decode("cp1252")
                if warnings is not None:
                    warnings.append(f"{path}: not UTF-8; read as Windows-1252")
            else:
                raise InputError(
                    f"{path}: not valid UTF-8 (byte {e.start}; mixed encodings?); re-save it as UTF-8, "
                    f"e.g. `iconv -f WINDOWS-1252 -t UTF-8 {path.name}`") from None
    head = text[:4096]
    controls = sum(1 for ch in head if ch < " " and ch not in "\n\r\t\f")
    if controls > 0.05 * len(head):
        raise InputError(f"{path}: this looks like a binary file, not an article")
    if controls or "\x00" in text:
        text = _CONTROL.sub("", text)
        if warnings is not None:
            warnings.append(f"{path}: control characters removed")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 by their byte-order mark, or, without one, by where the zero bytes of
    mostly-Latin text fall (every other byte for UTF-16, three in four for UTF-32); None for
    anything else."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) < 8 or b"\x00" not in head:
        return None
    n = len(head) // 4 * 4
    zeros = [sum(1 for k in range(r, n, 4) if head[k] == 0) / (n // 4) for r in range(4)]
    if zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    if zeros[1] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5 and zeros[2] < 0.5:
        return "utf-16-le"
    if zeros[0] > 0.9 and zeros[2] > 0.9 and zeros[1] < 0.5 and zeros[3] < 0.5:
        return "utf-16-be"
    return None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _is_cp1252(data: bytes) -> bool:
    """Bytes that Windows-1252 defines throughout (0x81 0x8d 0x8f 0x90 0x9d are undefined)."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def split_front_matter(text: str) -> tuple[str, dict]:
    """Strip a leading `---` block of `key: value` lines; returns (body, metadata)."""
    m = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.DOTALL)
    if not m:
        return text, {}
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            key = metadata_field(key)
            if key:
                meta[key] = value.strip().strip("'\"")
    return text[m.end():], meta


def read_sidecar(path: Path) -> dict:
    """Metadata from `NAME.meta.json` beside the article, if there is one. Keys that name no field
    are passed over (other tools' sidecars carry more), as are null and empty values; a field's
    value must be text or a number, and may be given once."""
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}
    try:
        if side.stat().st_size > MAX_SIDECAR_BYTES:
            raise InputError(f"{side}: {side.stat().st_size:,} bytes is too large for metadata "
                             f"(limit {MAX_SIDECAR_BYTES:,})")
        raw = json.loads(side.read_text(encoding="utf-8-sig"), object_pairs_hook=_Pairs)  # a BOM is fine
    except (ValueError, RecursionError, OSError) as e:  # bad JSON, a 5,000-digit number, 100k-deep nesting
        raise InputError(f"{side}: malformed metadata JSON ({str(e)[:200] or type(e).__name__})") from None
    if not isinstance(raw, _Pairs):
        raise InputError(f"{side}: metadata must be a JSON object of fields {', '.join(FIELDS)}")
    meta: dict[str, str] = {}
    given: dict[str, str] = {}  # field -> the key that gave it
    for key, value in raw:
        field_ = metadata_field(key)
        if field_ is None or value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError(f"{side}: the field {key!r} is {value}, not a number or a text")
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        # line breaks and control characters are kept, as the data: the CLI shows them escaped
        # (terminal.py), and the data formats keep them
        problem = text_problem({} if isinstance(value, _Pairs) else value, MAX_FIELD_CHARS, lines=True, controls=True)
        if problem:
            raise InputError(f"{side}: the field {key!r} {problem}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{side}: the field {key!r} holds an invalid character (a lone surrogate)") from None
        if field_ in given and meta[field_].strip() != value.strip():
            twice = f"the key {key!r} is given twice" if given[field_] == key else \
                f"{given[field_]!r} and {key!r} both give the {field_}"
            raise InputError(f"{side}: {twice}, with different values; keep one")
        meta[field_], given[field_] = value, key
    return meta


class _Pairs(list):
    """A JSON object as its (key, value) pairs, so that a key given twice is seen."""


MAX_FIELD_CHARS = 2000  # in one metadata field: a title, a URL...
MAX_SIDECAR_BYTES = 1_000_000


def metadata_field(key: str) -> str | None:
    """The provgraph field a metadata key names ("og:site_name" -> "outlet"), or None."""
    key = key.strip().lower()
    key = ALIASES.get(key, key)
    return key if key in FIELDS else None
