"""Issue 15: saved news pages, boilerplate and all, read as their article alone.

tests/data/pages holds five pages of our own (a WordPress paper, a wire service, a newspaper with
JSON-LD, a blog with comments, a page with a cookie banner and related, most-read and newsletter
boxes); gold.json gives each one's text, title, outlet and date, and strings of its boilerplate.
bench/html_reader.py scores extractors on the same pages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DATA, run
from provgraph.reader import find_articles, read_article

PAGES = DATA / "pages"
GOLD = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
# sources each story names, which its report must credit
STORY_SOURCES = {
    "millbrook_library.html": ["Ruth Okafor", "Teresa Villanueva", "Martin Haskell"],
    "meridian_wire_port.html": ["Ilse Marten", "Aurelio Baptiste", "Nordhaven Maritime"],
    "northern_standard_water.html": ["Renata Quist", "Marguerite Dolan"],
    "riverside_transit_blog.html": ["Carla Mendes", "Desmond Ford"],
    "compass_hospital_ward.html": ["Graham Thorne", "Leah Simmons"],
}


@pytest.mark.parametrize("name", GOLD, ids=lambda n: n.removesuffix(".html"))
def test_a_saved_page_reads_as_its_article_alone(name):
    gold = GOLD[name]
    a = read_article(PAGES / name)
    left = [b for b in gold["boilerplate"] if b in a.text]
    assert not left, f"boilerplate kept: {left}"
    for paragraph in gold["text"]:
        assert paragraph in a.text.splitlines()
    assert a.text.splitlines() == gold["text"]  # nothing else, in order, headline first
    assert (a.title, a.outlet, a.published[:10]) == (gold["title"], gold["outlet"], gold["published"])


def test_the_pages_are_five_and_the_gold_file_is_not_an_article():
    assert sorted(p.name for p in find_articles([PAGES])) == sorted(GOLD) and len(GOLD) == 5


def test_pages_are_read_with_no_network():
    """trafilatura and htmldate run offline: with every socket refused, each page still reads."""
    code = ("import socket, sys\n"
            "def refuse(*a, **k): raise OSError('network used')\n"
            "socket.socket.connect = socket.socket.connect_ex = socket.getaddrinfo = refuse\n"
            "from pathlib import Path\n"
            "from provgraph.reader import read_article\n"
            f"for p in sorted(Path({str(PAGES)!r}).glob('*.html')): read_article(p)\n"
            "print('read')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "read", r.stderr[-2000:]


@pytest.fixture(scope="module")
def page_report(tmp_path_factory):
    from click.testing import CliRunner
    runner, store = CliRunner(), tmp_path_factory.mktemp("pages") / "store"
    assert "5 added" in run(runner, "ingest", PAGES, "--store", store).output
    return json.loads(run(runner, "report", "--all", "--format", "json", "--store", store).stdout)


def test_ingesting_the_pages_credits_the_stories_sources_not_the_boilerplate(page_report):
    story = {GOLD[name]["title"]: "\n".join(GOLD[name]["text"]) for name in GOLD}
    assert set(story) == {c["article_title"] for c in page_report["claims"]}
    for claim in page_report["claims"]:  # every claim comes from its article's own text
        assert claim["evidence"] in story[claim["article_title"]], claim["evidence"]
    labels = {(c["article_title"], s["label"]) for c in page_report["claims"] for s in c["sources"]}
    for name, sources in STORY_SOURCES.items():
        for source in sources:
            assert (GOLD[name]["title"], source) in labels
