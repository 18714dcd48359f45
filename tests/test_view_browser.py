"""The graph view in a real browser: headless Chromium, driven by Selenium through the system's
chromedriver (never Selenium Manager, which would download one), opens the file from disk.

Checks: no console error, no request anywhere but the file itself (Chromium's performance log of
DevTools Network events), the canvas is drawn, the legend is there, a real mouse click on a claim
node shows its evidence, hostile article text runs nothing, the filter works, and a 3,000-node
graph opens. Skips, saying why, only where no Chromium or chromedriver is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.mouse_button import MouseButton
from selenium.webdriver.common.by import By
from selenium.webdriver.common.selenium_manager import SeleniumManager
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DATA, make_store, run
from provgraph.analysis.graph import synthetic_graph
from provgraph.render.html import render

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--window-size=1400,900")


def _find(names, fallback: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return fallback if os.access(fallback, os.X_OK) else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = os.environ.get("PROVGRAPH_CHROMIUM") or _find(BROWSERS, "/usr/bin/chromium")
    driver_path = os.environ.get("PROVGRAPH_CHROMEDRIVER") or _find(("chromedriver",), "/usr/bin/chromedriver")
    if not binary:
        pytest.skip("no Chromium found (install Debian's chromium, or set PROVGRAPH_CHROMIUM)")
    if not driver_path:
        pytest.skip("no chromedriver found (install Debian's chromium-driver, or set PROVGRAPH_CHROMEDRIVER)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})

    def no_download(*args, **kwargs):
        raise AssertionError("Selenium Manager must not run: the driver is given explicitly")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(SeleniumManager, "binary_paths", no_download)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(120)
    driver.get("about:blank")  # let the browser's own start page finish before anything is logged
    yield driver
    driver.quit()


class Page:
    """A page opened from disk, with what the browser logged while it loaded."""

    def __init__(self, driver, path: Path, timeout: float = 120):
        self.driver = driver
        driver.get_log("performance")  # drop what came before (the browser's own start page)
        driver.get_log("browser")
        start = time.perf_counter()
        driver.get(path.resolve().as_uri())
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(
            lambda d: d.execute_script("return !!(window.provgraph && window.provgraph.ready)"))
        self.seconds = time.perf_counter() - start
        self.events = []
        self.console = []
        quiet_since = time.perf_counter()
        while time.perf_counter() - quiet_since < 0.5:  # the network is quiet for half a second
            new = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
            if any(m["method"].startswith("Network.") for m in new):
                quiet_since = time.perf_counter()
            self.events += new
            time.sleep(0.1)
        self.console = driver.get_log("browser")

    @property
    def requests(self) -> list[str]:
        return [m["params"]["request"]["url"] for m in self.events if m["method"] == "Network.requestWillBeSent"]

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def assert_clean(self):
        errors = [e for e in self.console if e["level"] in ("SEVERE", "ERROR")]
        assert not errors, errors
        elsewhere = [u for u in self.requests if not u.startswith(("file://", "data:"))]
        assert not elsewhere, f"requests to other hosts: {elsewhere}"
        assert self.requests, "the performance log recorded no request at all: the check would prove nothing"

    def drawn_pixels(self) -> int:
        return self.js("""
            var c = document.querySelector('#graph canvas');
            if (!c || !c.width || !c.height) return 0;
            var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
            for (var i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
            return n;""")

    def click_node(self, node_id: str) -> None:
        """A real mouse click at the node's position on screen."""
        x, y = self.js("""
            var net = window.provgraph.network, id = arguments[0];
            net.focus(id, {scale: 1.2, animation: false});
            net.redraw();
            var p = net.canvasToDOM(net.getPositions([id])[id]);
            var r = document.getElementById('graph').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];""", node_id)
        at = self.js("""var r = document.getElementById('graph').getBoundingClientRect();
            return window.provgraph.network.getNodeAt({x: arguments[0] - r.left, y: arguments[1] - r.top});""", x, y)
        assert at == node_id, f"another node ({at}) lies on top at ({x:.0f}, {y:.0f})"
        actions = ActionBuilder(self.driver)
        actions.pointer_action.move_to_location(int(round(x)), int(round(y)))
        actions.pointer_action.pointer_down(MouseButton.LEFT).pointer_up(MouseButton.LEFT)
        actions.perform()

    def details(self) -> str:
        return self.driver.find_element(By.ID, "details").text


@pytest.fixture(scope="module")
def samples_page_file(sample_store, tmp_path_factory) -> Path:
    from click.testing import CliRunner
    from provgraph.cli import cli

    out = tmp_path_factory.mktemp("view-browser") / "samples.html"
    result = CliRunner().invoke(cli, ["view", "-o", str(out), "--store", str(sample_store)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def samples(browser, samples_page_file) -> Page:
    return Page(browser, samples_page_file)


def test_opens_offline_with_no_console_error(samples, samples_page_file):
    samples.assert_clean()
    assert samples.requests == [samples_page_file.resolve().as_uri()]  # the page itself, nothing more


def test_canvas_is_drawn(samples):
    size = samples.js("var c = document.querySelector('#graph canvas'); return c ? [c.width, c.height] : [0, 0];")
    assert size[0] > 300 and size[1] > 300
    assert samples.drawn_pixels() > 5000


def test_legend(samples):
    legend = samples.driver.find_element(By.ID, "legend")
    text = legend.text
    for words in ("article", "outlet", "person", "anonymous", "claim", "weakly sourced claim", "attributed to",
                  "via", "published by", "same claim", "conflicts with", "how many claims root in it"):
        assert words in text
    assert len(legend.find_elements(By.TAG_NAME, "svg")) >= 14  # a drawn shape or line per entry


def test_clicking_a_claim_shows_its_evidence(samples, sample_report):
    claim = next(c for c in sample_report["claims"] if "11,000" in c["text"])
    samples.driver.find_element(By.ID, "reset").click()
    samples.click_node(claim["claim"])
    WebDriverWait(samples.driver, 10).until(lambda d: claim["evidence"][:60] in samples.details())
    details = samples.details()
    assert claim["evidence"] in details
    assert f"{claim['article_title']}  [{claim['start']}–{claim['end']}]" in details
    for reason in claim["reasons"]:
        assert reason in details
    assert "sources within Ukraine’s security forces" in details  # a root source


def test_clicking_a_source_lists_the_evidence_resting_on_it(samples):
    boyko = samples.js("""return window.provgraph.data.nodes.filter(function (n) {
        return n.label === 'Vladimir Boyko'; })[0].id;""")
    samples.click_node(boyko)
    WebDriverWait(samples.driver, 10).until(lambda d: "claims rooted in it" in samples.details())
    assert "evidence: 4 claims" in samples.details()


def test_search_and_filters(samples):
    drv = samples.driver
    total = samples.js("return window.provgraph.data.nodes.length;")
    search = drv.find_element(By.ID, "search")
    search.clear()
    search.send_keys("Boyko")  # his node, and the claims whose evidence names him, with what they rest on
    WebDriverWait(drv, 10).until(lambda d: not d.find_element(By.ID, "count").text.startswith(f"{total} of"))
    visible = samples.js("return window.provgraph.nodes.get({filter: function (n) { return !n.hidden; }})"
                         ".map(function (n) { return n.label; });")
    assert "Vladimir Boyko" in visible and "Valery Gerasimov" not in visible
    search.clear()
    search.send_keys(" ")
    Select(drv.find_element(By.ID, "kind")).select_by_value("anonymous")
    # sources within the security forces and the ministry, a senior officer, one prosecutor, locals, "many"
    WebDriverWait(drv, 10).until(lambda d: d.find_element(By.ID, "count").text.startswith("6 of"))
    Select(drv.find_element(By.ID, "kind")).select_by_value("")
    Select(drv.find_element(By.ID, "reason")).select_by_value("indirect-chain")
    # two claims and what they rest on: their article, RIA Novosti, the anonymous sources
    WebDriverWait(drv, 10).until(lambda d: d.find_element(By.ID, "count").text.startswith("5 of"))
    hidden = samples.js("return window.provgraph.nodes.get({filter: function (n) { return n.hidden; }}).length;")
    assert hidden == total - 5
    drv.find_element(By.ID, "reset").click()
    assert drv.find_element(By.ID, "count").text.startswith(f"{total} of")


def test_hostile_article_text_runs_nothing(browser, runner, tmp_path):
    store = make_store(runner, tmp_path, DATA / "hostile_markup.txt")
    out = tmp_path / "hostile.html"
    run(runner, "view", "-o", out, "--store", store)
    page = Page(browser, out)
    page.assert_clean()
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert page.js("return [document.images.length, document.scripts.length,"
                   " document.querySelectorAll('svg image, iframe, object').length];") == [0, 2, 0]
    article = page.js("return window.provgraph.data.nodes.filter(function (n) { return n.kind === 'article'; })[0].id;")
    page.click_node(article)
    WebDriverWait(browser, 10).until(lambda d: "<script>alert(1)</script>" in page.details())
    assert "<img src=x onerror=alert(1)>" in page.details()  # shown as text
    assert page.js("return document.querySelectorAll('#details img, #details script').length;") == 0
    assert "Harbour master" in browser.find_element(By.ID, "details").text


def test_3000_nodes_open_and_filter(browser, tmp_path):
    out = tmp_path / "big.html"
    t = time.perf_counter()
    out.write_text(render(synthetic_graph(3000), "3,000 nodes"), encoding="utf-8")
    generated = time.perf_counter() - t
    page = Page(browser, out)
    page.assert_clean()
    assert page.drawn_pixels() > 5000
    assert page.js("return window.provgraph.data.physics;") is False  # laid out in Python, nothing to settle
    t = time.perf_counter()
    Select(browser.find_element(By.ID, "reason")).select_by_value("hedged")
    WebDriverWait(browser, 20).until(lambda d: not d.find_element(By.ID, "count").text.startswith("30"))
    filtered = time.perf_counter() - t
    shown = int(browser.find_element(By.ID, "count").text.split()[0])
    assert 0 < shown < 3000
    print(f"\n3,000 nodes: HTML {generated:.2f} s, browser ready {page.seconds:.2f} s, filter {filtered:.2f} s")
    assert page.seconds < 60 and filtered < 10
