"""The dossier in a real browser: Playwright's Python package driving Debian's chromium.

The demo corpus, plus one hostile article, is analysed into a temporary store and rendered
through the library API; the page is then opened from disk, offline, under its own CSP. The tests
check what a fact-checker does with it: read the brief, filter the facts by source kind and
outlet, open a contested fact, follow a claim link to its sentence in the article; and that the
page logs no error and runs nothing an article smuggles in.

Screenshots (the brief, a contested fact, an article view) are saved under $STORYLINE_ARTIFACTS
(default: <tmp>/storyline-artifacts) and their paths printed.

Skipped when playwright or chromium is missing; failed instead when STORYLINE_REQUIRE_BROWSER=1
(CI sets it, and .ci/run installs chromium).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers.browser import artifacts_dir, launch, shot

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

EVIL_TITLE = "Lindqvist photographed in Lisbon again"
EVIL = (
    "---\nid: evil-1\noutlet: Pop Wire\npublished: 2024-07-09\ntitle: " + EVIL_TITLE + "\n---\n"
    'Theo Lindqvist was seen in Lisbon on Monday, a source told Pop Wire. <img src=x onerror="window.__pwned=1"> '
    "<script>window.__pwned=2</script> The source says Lindqvist "
    '"looked relaxed" <svg onload="window.__pwned=3"></svg> and the couple dined late.\n'
)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    return artifacts_dir()


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    """The demo dossier, with a hostile article among the demo's, as a file on disk."""
    from storyline import api

    root = tmp_path_factory.mktemp("browser")
    corpus = root / "corpus"
    shutil.copytree(api.demo_corpus(), corpus, ignore=shutil.ignore_patterns("README.md"))
    (corpus / "2024-07-09-pop-wire-evil.txt").write_text(EVIL, "utf-8")
    with api.open_store(root / "story.db") as store:
        api.analyze([corpus], store)
        html = api.render_report(store, title="Demo story (fiction)")
    path = root / "dossier.html"
    path.write_text(html, "utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    yield from launch()


class Page:
    """A fresh tab on the dossier that records console errors and uncaught exceptions."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 950})
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        # Anything the page tries to fetch is a failure: the dossier works offline.
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url) if not r.url.startswith("file:") else None)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready]")
        assert self.page.get_attribute("html", "data-ready") == "1", self.page.inner_text("#fact-list")

    def count(self) -> int:
        text = self.page.inner_text("#fact-count")
        return int(re.search(r"of ([\d,]+)", text).group(1).replace(",", ""))

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def page(browser, dossier):
    p = Page(browser, dossier)
    yield p
    p.close()





def test_the_brief_renders_without_errors(page, artifacts, capsys):
    pg = page.page
    assert pg.inner_text("h1") == "Demo story (fiction)"
    brief = pg.inner_text(".brief")
    assert "This dossier covers 11 articles" in brief and "Most disputed:" in brief
    assert pg.locator(".glance-item").count() >= 4
    assert pg.locator("#fact-list .fact").count() == 40  # the first page of facts, not all of them
    assert pg.locator(".timeline-svg").count() >= 1
    shot(pg, artifacts, "brief.png", capsys)
    assert page.errors == [] and page.requests == []


def test_filters_by_source_kind_and_outlet_combine(page):
    pg = page.page
    total = page.count()
    pg.click('[data-kind="anonymous"]')
    anonymous = page.count()
    assert 0 < anonymous < total
    outlet = pg.eval_on_selector("#f-outlet", "s => [...s.options].find(o => o.text.startsWith('StarWatch Weekly')).value")
    pg.select_option("#f-outlet", value=outlet)
    both = page.count()
    assert 0 < both < anonymous
    cards = pg.locator("#fact-list .fact")
    for i in range(cards.count()):
        text = cards.nth(i).locator(".fact-tags").text_content()  # off-screen cards are not laid out
        assert "Anonymous" in text and "StarWatch Weekly" in text
    # A person and a date range narrow it further, and search combines with them.
    pg.select_option("#f-person", label="Celeste Varga")
    with_person = page.count()
    assert with_person <= both
    pg.fill("#f-from", "2024-03-01")
    pg.fill("#f-to", "2024-03-31")
    pg.dispatch_event("#f-to", "change")
    assert page.count() <= with_person
    pg.click("#f-reset")
    pg.fill("#f-search", "Lisbon")
    searched = page.count()
    assert 0 < searched < total
    pg.click("#f-reset")
    assert page.count() == total and pg.input_value("#f-search") == ""
    assert page.errors == []


def test_a_claim_link_marks_its_sentence_in_the_article(page, artifacts, capsys):
    pg = page.page
    pg.goto(pg.url.split("#")[0] + "#status-contested")
    fact = pg.locator("#fact-list .fact.s-contested").first
    assert fact.locator(".conflict").count() >= 1
    fact.locator("[data-toggle]").click()
    fact = pg.locator("#fact-list .fact.s-contested").first
    assert fact.locator(".side-dispute .claim").count() >= 1
    fact.scroll_into_view_if_needed()
    shot(pg, artifacts, "contested-fact.png", capsys)
    claim = fact.locator(".side-dispute .claim").first
    sentence = " ".join(claim.locator("blockquote.sentence").inner_text().split())
    claim.locator("a.read").click()
    reader = pg.locator("#reader")
    reader.wait_for(state="visible")
    target = pg.locator("#reader-target")
    assert " ".join(target.inner_text().split()) == sentence
    assert target.locator("mark.current").count() == 1
    # The sentence is scrolled into view, and only this fact's claims are marked.
    box, view = target.bounding_box(), pg.viewport_size
    assert box and 0 <= box["y"] and box["y"] + min(box["height"], 100) <= view["height"]
    marks = reader.locator("mark")
    assert marks.count() >= 1 and reader.locator("mark.other-claim").count() == 0
    assert "Marked:" in reader.locator(".reader-bar").inner_text()
    shot(pg, artifacts, "article.png", capsys)
    # Marking every claim of the article is a choice, and Escape closes the reader.
    reader.locator(".reader-bar button").click()
    assert pg.locator("#reader mark.other-claim").count() >= 1
    pg.keyboard.press("Escape")
    assert not pg.locator("#reader").is_visible()
    assert page.errors == [] and page.requests == []


def test_script_in_an_article_does_not_run(page):
    pg = page.page
    pg.fill("#a-search", "photographed in Lisbon again")
    pg.locator("#article-list .article-row").first.click()
    reader = pg.locator("#reader")
    reader.wait_for(state="visible")
    text = reader.locator(".a-text").inner_text()
    # The markup is shown as the text it is; nothing of it became an element or ran.
    assert '<img src=x onerror="window.__pwned=1">' in text and "<script>window.__pwned=2</script>" in text
    assert reader.locator("img, script, svg").count() == 0
    pg.wait_for_timeout(200)
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    assert pg.locator("body img").count() == 0
    assert page.errors == [] and page.requests == []
