"""Reading article files: metadata sources, HTML, encodings, and errors that name the file."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import DATA, SAMPLES
from provgraph.errors import InputError
from provgraph.reader import find_articles, read_article


def write(tmp_path, name: str, data: bytes | str):
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_front_matter_gives_metadata_and_is_not_article_text():
    a = read_article(DATA / "ferry_delays.md")
    assert (a.title, a.outlet, a.author, a.published) == (
        "Ferry delays spread along the coast", "Coastal Ledger", "Pia Lund", "2025-03-06")
    assert a.text.startswith("Ferry crossings from Marlow")
    assert "---" not in a.text and "title:" not in a.text


def test_front_matter_quotes_and_unknown_keys(tmp_path):
    path = write(tmp_path, "a.txt", "---\ntitle: \"Quoted title\"\nwhatever: ignored\n---\nBody text here.\n")
    a = read_article(path)
    assert a.title == "Quoted title"
    assert a.text == "Body text here.\n"


def test_text_without_front_matter_is_kept_whole(tmp_path):
    text = "Dock workers walked out.\n---\nA rule line is not front matter here.\n"
    assert read_article(write(tmp_path, "a.txt", text)).text == text


def test_sidecar_metadata(tmp_path):
    shutil.copy(DATA / "harbour_strike.txt", tmp_path)
    shutil.copy(DATA / "harbour_strike.meta.json", tmp_path)
    a = read_article(tmp_path / "harbour_strike.txt")
    assert (a.title, a.outlet, a.published, a.language) == (
        "Marlow dock strike halts 40 ships", "Coastal Ledger", "2025-03-04", "en")
    assert a.path == "harbour_strike.txt"


def test_sidecar_wins_over_front_matter_and_aliases_apply(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: Front title\noutlet: Front Outlet\nauthor: Pia Lund\n---\nBody.\n")
    write(tmp_path, "a.meta.json", '{"headline": "Sidecar title", "publisher": "Sidecar Outlet", "nested": {"x": 1}}')
    a = read_article(tmp_path / "a.md")
    assert (a.title, a.outlet, a.author) == ("Sidecar title", "Sidecar Outlet", "Pia Lund")


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_samples_have_titles_from_their_sidecars(sample):
    a = read_article(sample)
    assert a.title and a.language == "en"
    assert a.text == sample.read_text(encoding="utf-8")


def test_html_title_site_name_and_visible_text():
    a = read_article(DATA / "page.html")
    assert a.title == "Marlow strike: day three"
    assert a.outlet == "Coastal Ledger"
    assert a.author == "Pia Lund"
    assert a.published == "2025-03-06"
    assert a.url == "https://example.org/marlow-strike"
    assert a.language == "en-GB"
    assert "Harbour master Ingrid Solberg said 12 ferries had been rerouted." in a.text
    assert "Talks resume on Monday, the port authority said." in a.text
    for hidden in ("trackingMarker", "inline script marker", "hidden-style-marker", "color: red", "Home | World"):
        assert hidden not in a.text
    # paragraphs stay apart
    assert "rerouted.\n" in a.text


def test_html_entities_are_decoded(tmp_path):
    path = write(tmp_path, "e.html", "<html><body><p>Fish &amp; chips cost &pound;4 &ndash; &#8220;cheap&#8221;.</p>"
                                    "</body></html>")
    assert read_article(path).text == "Fish & chips cost £4 – “cheap”."


@pytest.mark.parametrize("bom_encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes(tmp_path, bom_encoding):
    text = "Kyiv’s port reopened; Straße closed.\r\nSecond line."
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[bom_encoding]
    path = write(tmp_path, "u.txt", bom + text.encode(bom_encoding))
    assert read_article(path).text == "Kyiv’s port reopened; Straße closed.\nSecond line."


def test_utf8_bom_and_crlf(tmp_path):
    path = write(tmp_path, "b.txt", b"\xef\xbb\xbfLine one.\r\nLine two.\rLine three.")
    assert read_article(path).text == "Line one.\nLine two.\nLine three."


@pytest.mark.parametrize("data", [
    pytest.param("Kyiv’s mayor said ".encode("utf-8") + "caf\u00e9s closed.".encode("latin-1"), id="mixed encodings"),
    pytest.param(b"Truncated sequence at the end \xe2\x80", id="truncated UTF-8"),
    pytest.param(b"Bytes no encoding here defines: \x81\x8d\x90 \xc3\x28", id="invalid bytes"),
])
def test_invalid_utf8_names_the_file(tmp_path, data):
    path = write(tmp_path, "broken-article.txt", data)
    with pytest.raises(InputError, match="broken-article.txt") as e:
        read_article(path)
    assert "UTF-8" in str(e.value)


@pytest.mark.parametrize("name, data, why", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t ", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("zeros.md", b"\x00" * 64, "binary"),
    ("markup-only.html", b"<html><head><title>T</title></head><body><script>x()</script></body></html>", "no article text"),
    ("front-matter-only.md", b"---\ntitle: Nothing below\n---\n", "no article text"),
])
def test_unreadable_files_raise_input_error_naming_the_file(tmp_path, name, data, why):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as e:
        read_article(path)
    assert name in str(e.value)
    assert why in str(e.value)


@pytest.mark.parametrize("data", [b"\xff\xfe\x00", b"\xfe\xff\xd8\x00\x00\x41", b"\xff\xfeA\x00\x00\xdc"])
def test_bad_utf16_raises_input_error(tmp_path, data):
    """A UTF-16 BOM followed by undecodable bytes (odd length, lone surrogate) is an InputError."""
    with pytest.raises(InputError, match="bad-utf16.txt"):
        read_article(write(tmp_path, "bad-utf16.txt", data))


def test_windows_1252_is_read_with_a_warning(tmp_path):
    path = write(tmp_path, "cp1252.txt", "\u201cCaf\u00e9s closed,\u201d the mayor said.".encode("cp1252"))
    a = read_article(path)
    assert a.text == "\u201cCaf\u00e9s closed,\u201d the mayor said."
    assert any("cp1252.txt" in w and "1252" in w for w in a.warnings)


def test_utf8_has_no_warnings():
    assert read_article(DATA / "harbour_strike.txt").warnings == []


@pytest.mark.parametrize("sidecar, why", [
    ('{"title": "unterminated', "malformed metadata JSON"),
    ("not json at all", "malformed metadata JSON"),
    ('["a", "list"]', "JSON object"),
    (b"\xff\xfe\x00garbage", "malformed metadata JSON"),
    # a field's value of the wrong type, or malformed (issue 16)
    ('{"title": ["a", "b"]}', "the field 'title' must be text, not a list"),
    ('{"outlet": {"name": "Ledger"}}', "the field 'outlet' must be text, not a mapping"),
    ('{"author": true}', "the field 'author' must be text, not true or false"),
    ('{"published": NaN}', "the field 'published' is nan"),
    ('{"title": "' + "x" * 5000 + '"}', "the field 'title' is 5,000 characters long: at most 2,000"),
    ('{"title": "One", "title": "Two"}', "the key 'title' is given twice, with different values; keep one"),
    ('{"title": "One", "headline": "Two"}', "'title' and 'headline' both give the title"),
])
def test_malformed_sidecar_raises_input_error(tmp_path, sidecar, why):
    write(tmp_path, "story.txt", "Dock workers walked out on Tuesday.")
    write(tmp_path, "story.meta.json", sidecar)
    with pytest.raises(InputError) as e:
        read_article(tmp_path / "story.txt")
    assert "story.meta.json" in str(e.value)
    assert why in str(e.value)
    assert "\n" not in str(e.value)


def test_sidecar_numbers_are_text_and_empty_values_left_out(tmp_path):
    write(tmp_path, "story.txt", "Dock workers walked out on Tuesday.")
    write(tmp_path, "story.meta.json", '{"title": "Dock strike", "published": 2025, "author": null, '
                                       '"outlet": "", "headline": " Dock strike ", "tags": [1, 2]}')
    a = read_article(tmp_path / "story.txt")
    assert (a.title, a.published, a.author, a.outlet) == ("Dock strike", "2025", None, None)


def test_find_articles_skips_sidecars_and_other_files(tmp_path):
    for name in ("b.txt", "a.md", "c.html", "a.meta.json", "notes.csv", "sub/d.htm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_articles([tmp_path])] == [
        "a.md", "b.txt", "c.html", "sub/d.htm"]


def test_find_articles_missing_path(tmp_path):
    with pytest.raises(InputError, match="no-such-file.txt"):
        find_articles([tmp_path / "no-such-file.txt"])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_without_bom_and_utf32_are_read_not_called_binary(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes("The mayor said 40 homes were lost on Monday.".encode(encoding))
    assert read_article(path).text.startswith("The mayor said 40 homes")


def test_a_sidecar_saved_with_a_bom_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said 40 homes were lost on Monday.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_bytes('{"title": "Flood"}'.encode("utf-8-sig"))
    assert read_article(tmp_path / "a.txt").title == "Flood"


def test_an_unreadable_subfolder_is_named_not_skipped_silently(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    (tmp_path / "a.txt").write_text("The mayor said 40 homes were lost on Monday.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("The mayor said 40 homes were lost on Monday.\n")
    locked.chmod(0)
    try:
        skipped: list[str] = []
        assert [p.name for p in find_articles([tmp_path], skipped)] == ["a.txt"]
        assert skipped and "locked" in skipped[0] and "cannot be read" in skipped[0]
    finally:
        locked.chmod(0o755)
