"""`dateline serve` driven by a real headless Chromium (Debian's package), as a user would.

Skips with the reason where Chromium or Playwright is missing; `.ci/run` installs Chromium.
Screenshots of every page go to $DATELINE_SCREENSHOTS (default: the test's temp folder).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import dateline
from dateline.demo import SAMPLE_CRAWL_TIME, sample_path
from tests.conftest import SEED, need_shared

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (apt-get install chromium; .ci/run does)")
XSS_HEADLINE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> Mayor warns of floods'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    inputs = [str(need_shared(SEED)), str(sample_path())]
    dateline.run(inputs, db, dateline.RunOptions(crawl_time=SAMPLE_CRAWL_TIME))
    hostile = f"{XSS_HEADLINE}\n\nThe mayor of the town said on Monday that the river had risen by two metres."
    with dateline.Store(db) as store:
        store.write_document(dateline.process_article(hostile, source="hostile.txt"), dateline.__version__)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("dateline serve did not start: " + process.stderr.read().decode()[-2000:])
    yield base, db
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])  # fmt: skip
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, tmp_path, request):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    folder = Path(os.environ.get("DATELINE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(folder / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, errors


def test_search_finds_the_dhaka_article(server, page):
    base, _ = server
    page.goto(base + "/")
    page.fill("input[name=q]", "Dhaka rally")
    page.click("button")
    page.wait_for_selector("#results")
    first = page.locator("#results a").first
    assert "Bangladeshis rally" in first.inner_text()
    assert page.locator("#results mark").count() >= 1
    first.click()
    page.wait_for_selector("#headline")
    assert "Bangladeshis rally against minority sect" in page.inner_text("#headline")
    assert page.locator("span.actor").count() > 0 and page.locator("span.event").count() > 0


def test_zelenskys_actor_page_lists_his_quotes(server, page):
    base, _ = server
    page.goto(base + "/actors?name=Zelensky")
    page.click("#actors a >> nth=0")
    page.wait_for_selector("#name")
    assert page.inner_text("#name") == "Volodymyr Zelensky"
    assert "Plan B" in page.inner_text("#quotes")


def test_the_network_draws_the_trump_putin_edge(server, page):
    base, _ = server
    page.goto(base + "/network")
    page.wait_for_function("window.cy && window.cy.edges().length > 0")
    pairs = page.evaluate(
        "window.cy.edges().map(e => [e.source().data('label'), e.target().data('label')])"
    )
    assert any({"Putin", "Trump"} <= {a.split()[1], b.split()[1]} for a, b in pairs), pairs
    assert page.locator("#graph canvas").count() > 0


def test_the_map_shows_a_point_at_kyiv(server, page):
    base, _ = server
    page.goto(base + "/map")
    kyiv = page.locator('circle.point[data-name="Kyiv"]')
    assert kyiv.count() >= 1 and kyiv.first.is_visible()


def test_a_headline_with_a_script_is_shown_as_text_and_never_run(server, page):
    base, _ = server
    page.goto(base + "/")
    link = page.locator("#articles a", has_text="Mayor warns of floods")
    assert link.count() == 1 and "<script>" in link.inner_text()
    link.click()
    page.wait_for_selector("#headline")
    assert "<script>" in page.inner_text("#headline")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None


def test_events_timeline_and_json_twins(server, page):
    base, _ = server
    page.goto(base + "/events?source=RUS")
    assert page.locator("#timeline rect").count() >= 1
    assert "invited Trump to visit Moscow" in page.inner_text("#events")
    import json

    for path in ("/?q=Dhaka&format=json", "/events?format=json", "/network?format=json", "/map?format=json",
                 "/actor/1?format=json", "/article/1?format=json"):  # fmt: skip
        body = json.loads(urllib.request.urlopen(base + path, timeout=10).read())
        assert body, path
