"""The workspace in a real browser (Playwright driving Debian's chromium) against a real server
(Uvicorn on 127.0.0.1) and the real model: sign in, upload the demo articles and a hostile one,
watch the job's progress arrive, open a contested fact, follow a claim to its sentence in the
article. Screenshots go to $STORYLINE_ARTIFACTS. Skipped without playwright or chromium (failed
instead when STORYLINE_REQUIRE_BROWSER=1, as in CI)."""

from __future__ import annotations

import shutil
import socket
import threading

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from helpers.browser import artifacts_dir, launch, shot
from helpers.serve import PASSWORD

from storyline import api

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.slow]

EVIL = ("---\nid: evil-1\noutlet: Pop Wire\npublished: 2024-07-09\ntitle: Lindqvist in Lisbon\n---\n"
        'Theo Lindqvist was seen in Lisbon on Monday, a source told Pop Wire. <img src=x onerror="window.__pwned=1"> '
        "<script>window.__pwned=2</script> The source says Lindqvist looked relaxed.\n")  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The workspace on a free port of 127.0.0.1, over a new database with one editor."""
    import uvicorn
    from argon2 import PasswordHasher

    from storyline.core.options import load_options
    from storyline.serve import create_app

    root = tmp_path_factory.mktemp("serve-browser")
    options = load_options().with_(packs=api.demo_story().packs)
    app = create_app(str(root / "story.db"), options=options, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()  # connections wait in the backlog until the server runs: no polling for readiness
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", app, root
    server.should_exit = True
    thread.join(30)


@pytest.fixture(scope="module")
def browser():
    yield from launch()


@pytest.fixture(scope="module")
def artifacts():
    return artifacts_dir()


def test_a_desk_adds_articles_and_checks_a_contested_fact(server, browser, artifacts, capsys):
    base, app, root = server
    app.state.space.auth.add_account("eve", PASSWORD, "editor")
    corpus = root / "corpus"
    shutil.copytree(api.demo_corpus(), corpus, ignore=shutil.ignore_patterns("README.md", "*.jsonl"))
    (corpus / "2024-07-09-pop-wire-evil.txt").write_text(EVIL, "utf-8")
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)

    page.goto(base + "/")
    page.fill("input[name=name]", "eve")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.goto(base + "/stories")
    page.fill("input[name=name][required]", "Varga & Lindqvist")
    page.click("button:has-text('Create')")
    story = page.url.rstrip("/").rsplit("/", 1)[1]
    assert page.inner_text("nav strong") == "Varga & Lindqvist"
    page.click("nav >> text=Add articles")
    page.set_input_files("input[name=files]", sorted(str(p) for p in corpus.iterdir()))
    page.click("button:has-text('Upload and analyse')")
    # The job page follows the job through server-sent events and reloads itself when it ends.
    page.wait_for_selector("#job[data-state=running], #job[data-state=done]", timeout=60_000)
    shot(page, artifacts, "serve-job.png", capsys)
    page.wait_for_selector("text=Result", timeout=180_000)
    assert page.inner_text("#job-state") == "done" and "8 new article(s)" in page.inner_text("main")

    page.goto(f"{base}/stories/{story}/facts?status=contested")
    page.click("ul.facts li a >> nth=0")
    assert page.locator("section.conflict").count() >= 1
    assert page.locator(".side.dispute blockquote.claim").count() >= 1
    shot(page, artifacts, "serve-contested-fact.png", capsys)
    claim = page.locator(".side.dispute blockquote.claim").first
    words = claim.locator("mark").inner_text()
    claim.locator("a.to-sentence").click()
    page.wait_for_url("**/articles/**#claim-*")
    target = page.locator(".claim-span:target")
    assert target.count() == 1 and words.strip() in target.inner_text()
    shot(page, artifacts, "serve-article.png", capsys)
    page.go_back()
    page.check("input[name=verdict][value=verified]")
    page.fill("input[name=note]", "Checked with the agent")
    page.click("button:has-text('Record')")
    page.reload()
    assert page.inner_text("#verdict") == "Verified" and "Checked with the agent" in page.inner_text("#review")
    shot(page, artifacts, "serve-reviewed-fact.png", capsys)

    page.goto(f"{base}/stories/{story}/articles/evil-1")
    text = page.inner_text(".article-text").replace("\u2197", "")  # a claim's marker may sit inside the words
    assert "<script>window.__pwned=2</script>" in text and page.locator(".article-text script, .article-text img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert errors == [] and outside == []
