"""A saved web page -> its article text and metadata.

Why: a saved news page is mostly navigation, share buttons, captions, comments and related-article
boxes, and any sentence of those that reaches extraction can become a source ("my neighbor who
works at city hall said ..."). trafilatura finds the main text and htmldate the publication date;
on the pages of tests/data/pages they keep the article and drop the rest, where reading every
visible line kept as many words of boilerplate as of article (bench/html_reader.py). Both run
offline: nothing is fetched. trafilatura favours precision here: as good as its default on those
pages, better on the same pages stripped of class names, and it skips a last-resort tier that
splits a short page's sentences at every <b> or <a>.

Metadata, in order of precedence: the page's own <meta> tags (og:, article:, name=, itemprop=),
<html lang> and <link rel=canonical>; then what trafilatura finds (JSON-LD, the headline, the
byline, htmldate's date). The site's name is also read off the <title> ("Headline | Site"), where
one end of it matches the page's domain. The headline opens the text, as it opens the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

from provgraph.reader import metadata_field


def read_page(html: str) -> tuple[str, dict]:
    """The article text (headline first) and metadata of an HTML page; the text is empty when
    the page holds no article."""
    import trafilatura  # 0.5 s to import: only when a page is read

    tags = _PageTags()
    tags.feed(html)
    tags.close()
    meta = dict(tags.meta)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        return "", meta
    found = doc if isinstance(doc, dict) else doc.as_dict()
    url = meta.get("url") or found.get("url") or ""
    page_title = " ".join("".join(tags.title).split())
    headline, site = _split_title(page_title, urlparse(url).hostname or "", meta.get("outlet"))
    meta.setdefault("outlet", site or _site_name(found.get("sitename")))
    title = found.get("title")
    if title and meta["outlet"] and _squeeze(title) == _squeeze(meta["outlet"]):  # a blog's <h1> is often its name
        title = None
    meta.setdefault("title", title or headline or page_title)
    for key, theirs in (("published", "date"), ("author", "author"), ("url", "url")):
        meta.setdefault(key, found.get(theirs))
    lines = [" ".join(line.split()) for line in (found.get("text") or "").splitlines()]
    lines = [line for line in lines if line]
    if lines and meta["title"] and _squeeze(lines[0]) != _squeeze(meta["title"]):
        lines.insert(0, meta["title"])
    return "\n".join(lines), {k: v for k, v in meta.items() if v}


_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u2022\u00bb\u00ab/]\s+|:\s+")


def _split_title(title: str, host: str, site: str | None) -> tuple[str | None, str | None]:
    """(headline, site name) of a <title> like "Headline | Site" or "Site: Headline", when one end
    is the site: the name the page gives, or a name its domain spells ("Daily Compass" for
    dailycompass.example). (None, None) when no end is."""
    seps = list(_SEPARATOR.finditer(title))
    squeezed_host = _squeeze(host)
    for m in seps[:1] + seps[1:][-1:]:  # the first separator and the last
        for head, end in ((title[:m.start()], title[m.end():]), (title[m.end():], title[:m.start()])):
            name = _squeeze(end)
            if len(name) >= 3 and head.strip() and (
                    name == _squeeze(site or "") or name in squeezed_host or name.removeprefix("the") in squeezed_host):
                return head.strip(), end.strip()
    return None, None


def _site_name(name: str | None) -> str | None:
    """trafilatura's site name, unless it is only the host name it falls back to."""
    return None if not name or ("." in name and " " not in name) else name


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


class _PageTags(HTMLParser):
    """A page's <title>, <meta> tags, <html lang> and canonical link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict = {}
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = metadata_field(a.get("property") or a.get("name") or a.get("itemprop") or "")
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
        elif tag == "html" and a.get("lang"):
            self.meta.setdefault("language", a["lang"])
        elif tag == "link" and a.get("rel") == "canonical" and a.get("href"):
            self.meta.setdefault("url", a["href"])
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
