"""A workspace app over a store holding the dossier's hand-made story, and a signed-in client
(no tests here). Needs the ``serve`` extra; the tests that import this skip without it."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from helpers.report_fixture import build_fixture
from storyline import api
from storyline.core.options import AnalysisOptions
from storyline.core.records import Coverage

PASSWORD = "a long enough password"
LOCAL = ("127.0.0.1", 50000)
"""The TestClient's peer address: the server's own machine (the first-account page answers only that)."""


def fixture_db(path: Path) -> Path:
    """A database holding the three hand-made articles and their story (facts of every status,
    two conflicts, an echo), stored as analyze stores them."""
    readings, story, _claims = build_fixture()
    with api.open_store(path) as store:
        for r in readings:
            store.put_reading(r)
        store.replace_story(replace(story, coverage=Coverage.of({r.article.id: r.article.content_hash for r in readings})))
    return path


@cache
def _pipeline(model: str):
    from storyline.read.pipeline import load_pipeline

    return load_pipeline(model)


def make_app(db: Path, model: str, **kw):
    """The app over ``db`` with the stub pipeline (loaded once per test process, as a server
    loads it once per worker); argon2id at its lowest cost (the defaults take half a second a
    hash, which only slows the tests)."""
    from argon2 import PasswordHasher

    from storyline.serve import create_app

    kw.setdefault("hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    kw.setdefault("nlp_factory", lambda: _pipeline(model))
    kw.setdefault("watch_every", 0)  # feeds are looked at when a test says so
    return create_app(str(db), options=AnalysisOptions(model=model), **kw)


def sign_in(client, name: str, role: str = "editor", password: str = PASSWORD) -> str:
    """Make the account (when new) and sign the client in; returns the session's form token."""
    space = client.app.state.space
    if space.store.desk.account(name) is None:
        space.auth.add_account(name, password, role)
    page = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"name": name, "password": password, "login_token": token, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return form_token(client.get("/account").text)


def form_token(html: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]*)">', html).group(1)


def events(client, job_id: str) -> list[dict]:
    """The job's server-sent events, read until the stream ends (when the job ends)."""
    import json

    out = []
    with client.stream("GET", f"/api/jobs/{job_id}/events") as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        for line in r.iter_lines():
            if line.startswith("data: "):
                out.append(json.loads(line[6:]))
    return out
