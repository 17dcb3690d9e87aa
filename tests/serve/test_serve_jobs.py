"""Adding articles from the workspace: uploads and pasted text run as background jobs through
``api.analyze`` (the stub pipeline: no model), with progress as server-sent events, a bad input
listed with its reason while the others are stored, and cancel."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("argon2")

from datetime import UTC

from fastapi.testclient import TestClient
from helpers.serve import LOCAL, events, fixture_db, make_app, sign_in

from storyline import api

HOSTILE = ("---\noutlet: Pop Wire\npublished: 2024-07-09\ntitle: <script>window.__pwned=1</script>\n---\n"
           'Varga was seen in Lisbon. <script>window.__pwned=2</script> <img src=x onerror="window.__pwned=3">\n')  # fmt: skip


@pytest.fixture()
def client(tmp_path, model):
    with TestClient(make_app(fixture_db(tmp_path / "story.db"), model), client=LOCAL) as c:
        yield c


def test_an_upload_is_analysed_in_the_background_and_a_bad_file_never_blocks_the_others(client):
    csrf = sign_in(client, "eve", "editor")
    files = [("files", ("good.txt", b"---\noutlet: Glitter\npublished: 2024-02-02\n---\nMara Quinn left Lyon on Friday.\n")),
             ("files", ("empty.txt", b"")), ("files", ("evil.txt", HOSTILE.encode()))]  # fmt: skip
    r = client.post("/stories/main/add/upload", data={"csrf": csrf}, files=files, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    job_id = r.headers["location"].rsplit("/", 1)[1]
    seen = events(client, job_id)
    assert seen[-1]["state"] == "done" and seen[-1]["done"] == seen[-1]["total"] == 2
    assert any(e["stage"] == "read" for e in seen) and any(e["stage"] == "reconcile" for e in seen)
    job = client.get(f"/api/jobs/{job_id}").json()
    assert job["summary"]["articles"]["new"] == 2 and job["summary"]["articles"]["total"] == 5
    (rejected,) = job["summary"]["rejected"]
    assert rejected["input"].endswith("empty.txt") and "empty" in rejected["reason"]
    page = client.get(f"/jobs/{job_id}").text
    assert "empty.txt" in page and "Skipped inputs" in page
    # The hostile article is stored and shown as text: nothing in it becomes markup.
    evil = next(a for a in client.get("/api/stories/main/articles").json()["items"] if a["outlet"] == "Pop Wire")
    html = client.get(f"/stories/main/articles/{evil['id']}").text
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in html and "<script>window" not in html
    assert "<img src=x" not in html and "&lt;title&gt;" not in html and "<title>&lt;script&gt;" in html


def test_pasted_text_keeps_the_outlet_date_and_title_as_typed(client):
    sign_in(client, "eve", "editor")
    token = client.app.state.space.auth.new_token(client.app.state.space.store.desk.account("eve"), "script")
    bare = TestClient(client.app, client=LOCAL)  # no cookie: the token alone
    body = {"text": "Pike left Paris on Monday, his lawyer said.", "outlet": "Wire & Co", "published": "2024-03-05",
            "title": "Pike \"leaves\" Paris", "path": "/etc/passwd"}  # fmt: skip
    r = bare.post("/api/stories/main/pasted", json=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 202, r.text
    assert events(client, r.json()["id"])[-1]["state"] == "done"
    with api.open_store(client.app.state.space.db) as store:
        (article,) = [a for a in store.articles() if a.outlet == "Wire & Co"]
    assert article.title == 'Pike "leaves" Paris' and str(article.published).startswith("2024-03-05")
    assert article.text == body["text"]


def test_cancel_stops_a_queued_and_a_running_job(tmp_path, model):
    entered, release = threading.Event(), threading.Event()

    def slow_pipeline():
        from storyline.read.pipeline import load_pipeline

        entered.set()
        release.wait(30)
        return load_pipeline(model)

    with TestClient(make_app(fixture_db(tmp_path / "s.db"), model, nlp_factory=slow_pipeline), client=LOCAL) as c:
        csrf = sign_in(c, "eve", "editor")
        head = {"X-CSRF-Token": csrf}
        first = c.post("/api/stories/main/pasted", json={"text": "Pike left Paris."}, headers=head).json()["id"]
        second = c.post("/api/stories/main/pasted", json={"text": "Varga stayed."}, headers=head).json()["id"]
        assert entered.wait(30)  # the worker holds the first job while its pipeline loads
        assert c.post(f"/api/jobs/{second}/cancel", headers=head).json()["state"] == "cancelled"
        r = c.post(f"/jobs/{first}/cancel", data={"csrf": csrf}, follow_redirects=False)
        assert r.status_code == 303
        release.set()
        assert events(c, first)[-1]["state"] == "cancelled"
        assert c.post(f"/api/jobs/{first}/cancel", headers=head).status_code == 409
        states = {j["id"]: j["state"] for j in c.get("/api/stories/main/jobs").json()["items"]}
        assert states == {first: "cancelled", second: "cancelled"}
        assert c.get("/api/stories/main").json()["counts"]["articles"] == 3  # nothing of either was stored


def test_addresses_are_fetched_by_the_worker_and_a_refused_one_is_listed(tmp_path, model):
    from storyline.ingest.fetch import Fetched, FetchRefused

    page = ("<html><head><title>Pike leaves Paris</title></head><body><article><p>"
            + "Pike left Paris on Monday, his lawyer said in a statement to reporters. " * 4 + "</p></article></body></html>")  # fmt: skip

    def fetcher(url):
        if "inside" in url:
            raise FetchRefused("inside.example resolves to 10.0.0.7, a private address", input=url, fix="give a public page")
        return Fetched(url + "?final", "text/html", ".html", page.encode())

    with TestClient(make_app(fixture_db(tmp_path / "s.db"), model, fetcher=fetcher), client=LOCAL) as c:
        csrf = sign_in(c, "eve", "editor")
        urls = "https://news.example/pike\nhttp://inside.example/\n"
        r = c.post("/stories/main/add/urls", data={"csrf": csrf, "urls": urls}, follow_redirects=False)
        job_id = r.headers["location"].rsplit("/", 1)[1]
        assert events(c, job_id)[-1]["state"] == "done"
        job = c.get(f"/api/jobs/{job_id}").json()
        (refused,) = job["summary"]["rejected"]
        assert refused["input"] == "http://inside.example/" and "a private address" in refused["reason"]
        assert job["summary"]["articles"]["new"] == 1
        with api.open_store(c.app.state.space.db) as store:
            (fetched,) = [a for a in store.articles() if a.url == "https://news.example/pike?final"]
        assert fetched.title == "Pike leaves Paris"
        r = c.post("/api/stories/main/urls", json={"urls": ["file:///etc/passwd"]}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 400 and "only http and https" in r.json()["detail"]


def test_stories_are_created_renamed_and_archived_and_articles_go_to_theirs(client):
    csrf = sign_in(client, "eve", "editor")
    r = client.post("/stories", data={"csrf": csrf, "name": "Qeshm quake / 2005"}, follow_redirects=False)
    story = r.headers["location"].rsplit("/", 1)[1]
    assert story.startswith("s-")  # linked by id: the name holds a slash
    head = {"X-CSRF-Token": csrf}
    job = client.post(f"/api/stories/{story}/pasted", json={"text": "A quake struck Qeshm on Sunday, officials said."}, headers=head).json()
    assert events(client, job["id"])[-1]["state"] == "done"
    names = {s["name"]: s for s in client.get("/api/stories").json()["items"]}
    assert names["Qeshm quake / 2005"]["articles"] == 1 and names["main"]["articles"] == 3
    assert client.patch(f"/api/stories/{story}", json={"name": "Qeshm"}, headers=head).json()["name"] == "Qeshm"
    assert "Qeshm" in client.get(f"/stories/{story}").text
    client.post(f"/stories/{story}/settings", data={"csrf": csrf, "archived": "1"})
    assert client.get("/api/stories", params={"archived": True}).json()["items"][0]["name"] == "Qeshm"
    r = client.post(f"/api/stories/{story}/pasted", json={"text": "More."}, headers=head)
    assert r.status_code == 409 and "archived" in r.json()["detail"]
    assert client.post("/api/stories", json={"name": "main"}, headers=head).status_code == 400  # the name is taken


@pytest.mark.slow
def test_a_server_without_a_pipeline_in_hand_analyses_in_a_process_of_its_own(tmp_path, model):
    with TestClient(make_app(fixture_db(tmp_path / "p.db"), model, nlp_factory=None), client=LOCAL) as c:
        csrf = sign_in(c, "eve", "editor")
        head = {"X-CSRF-Token": csrf}
        first = c.post("/api/stories/main/pasted", json={"text": "Pike left Paris on Monday."}, headers=head).json()["id"]
        stages = [e["stage"] for e in events(c, first)]
        assert stages.index("load") < stages.index("read") < stages.index("reconcile")  # the process loads the pipeline first
        assert c.get(f"/api/jobs/{first}").json()["state"] == "done"
        assert c.get("/api/stories/main").json()["counts"]["articles"] == 4
        r = c.post("/api/stories/main/pasted", json={"text": "Varga stayed in Lyon, her agent said."}, headers=head).json()
        seen = events(c, r["id"])
        assert seen[-1]["state"] == "done" and not any(e["stage"] == "load" for e in seen)  # the process kept its pipeline


def test_a_watched_feed_is_fetched_when_due_and_only_new_entries_are_added(tmp_path, model):
    from datetime import datetime, timedelta

    from storyline.ingest.fetch import Fetched

    entries = ["<item><title>Pike leaves Paris</title><description>Pike left Paris on Monday, his lawyer said.</description></item>"]

    def fetcher(url):
        body = f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{''.join(entries)}</channel></rss>"
        return Fetched(url, "application/rss+xml", ".xml", body.encode())

    with TestClient(make_app(fixture_db(tmp_path / "f.db"), model, fetcher=fetcher), client=LOCAL) as c:
        csrf = sign_in(c, "eve", "editor")
        head = {"X-CSRF-Token": csrf}
        assert c.post("/api/stories/main/feeds", json={"url": "ftp://x/feed"}, headers=head).status_code == 400
        assert c.post("/api/stories/main/feeds", json={"url": "https://wire.example/rss", "minutes": 1}, headers=head).status_code == 400
        r = c.post("/stories/main/feeds", data={"csrf": csrf, "url": "https://wire.example/rss", "minutes": "30"}, follow_redirects=False)
        assert r.status_code == 303
        watcher, t0 = c.app.state.space.watcher, datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
        (first,) = watcher.tick(t0)
        assert events(c, first)[-1]["state"] == "done" and c.get("/api/stories/main").json()["counts"]["articles"] == 4
        assert watcher.tick(t0 + timedelta(minutes=29)) == []  # not due yet
        entries.append("<item><title>Varga in Lyon</title><description>Varga stayed in Lyon, her agent said on Tuesday.</description></item>")
        (second,) = watcher.tick(t0 + timedelta(minutes=30))
        assert events(c, second)[-1]["state"] == "done"
        job = c.get(f"/api/jobs/{second}").json()
        assert job["summary"]["articles"]["new"] == 1 and job["summary"]["articles"]["unchanged"] == 1
        assert "wire.example" in c.get("/stories/main/add").text
        (feed,) = c.get("/api/stories/main/feeds").json()["items"]
        assert c.delete(f"/api/stories/main/feeds/{feed['id']}", headers=head).status_code == 204
        assert watcher.tick(t0 + timedelta(days=1)) == []
