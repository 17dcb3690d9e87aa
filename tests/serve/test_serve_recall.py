"""What the workspace remembers between requests, and when it asks the database again: who a
token is (RECALL seconds), the state of a story (RECHECK seconds, then asked again in the
background while the remembered value is still given), and answers made from one view."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("argon2")

from fastapi.testclient import TestClient
from helpers.serve import LOCAL, fixture_db, make_app

from storyline.serve import auth as auth_module
from storyline.serve import workspace as workspace_module


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(auth_module.time, "monotonic", c)
    return c


@pytest.fixture()
def client(tmp_path, model):
    with TestClient(make_app(fixture_db(tmp_path / "story.db"), model), client=LOCAL) as c:
        yield c


def _token(client) -> tuple[dict, str]:
    space = client.app.state.space
    account = space.auth.add_account("tess", "a long password", "reader")
    value = space.auth.new_token(account, "script")
    (row,) = space.store.desk.tokens("tess")
    return {"Authorization": f"Bearer {value}"}, row["id"]


def test_a_token_revoked_by_another_process_is_refused_within_recall(client, clock):
    head, token_id = _token(client)
    assert client.get("/api/stories/main/facts", headers=head).status_code == 200
    client.app.state.space.store.desk.drop_token(token_id, "tess")  # as `storyline` on the same database would
    assert client.get("/api/stories/main/facts", headers=head).status_code == 200  # remembered
    clock.now += auth_module.RECALL
    assert client.get("/api/stories/main/facts", headers=head).status_code == 401


def test_a_token_revoked_or_an_account_disabled_here_is_refused_at_once(client, clock):
    head, token_id = _token(client)
    space = client.app.state.space
    assert client.get("/api/stories/main", headers=head).status_code == 200
    space.auth.update_account("tess", disabled=True)
    assert client.get("/api/stories/main", headers=head).status_code == 401
    space.auth.update_account("tess", disabled=False)
    assert client.get("/api/stories/main", headers=head).status_code == 200
    assert space.auth.drop_token(token_id, "tess")
    assert client.get("/api/stories/main", headers=head).status_code == 401


def test_remembered_state_is_given_while_a_background_thread_asks_again(tmp_path, model, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(workspace_module.time, "monotonic", clock)
    space = make_app(fixture_db(tmp_path / "story.db"), model).state.space
    asked: list[int] = []

    def ask() -> int:
        asked.append(len(asked) + 1)
        return asked[-1]

    assert space._remembered(("test",), ask) == 1
    assert space._remembered(("test",), ask) == 1 and asked == [1]  # fresh: not asked
    clock.now += workspace_module.RECHECK
    assert space._remembered(("test",), ask) == 1  # stale: still given, asked again behind
    for t in [t for t in threading.enumerate() if t.name == "storyline-recheck"]:
        t.join(timeout=30)
    assert asked == [1, 2] and space._remembered(("test",), ask) == 2
    space.changed()  # the workspace changed the database: the next request asks at once
    assert space._remembered(("test",), ask) == 3
    space.close()


def test_answers_are_remembered_per_view_and_review_state(client):
    head, _ = _token(client)
    space = client.app.state.space
    first = client.get("/api/stories/main/facts", params={"status": "contested"}, headers=head)
    again = client.get("/api/stories/main/facts", params={"status": "contested"}, headers=head)
    assert first.content == again.content
    story = space.story("main").id
    view, attached, answers = space._answers[story]
    assert len(answers) == 1 and view is space.view(story)
    other = client.get("/api/stories/main/facts", params={"status": "contested", "offset": 1}, headers=head)
    assert other.json()["offset"] == 1 and len(space._answers[story][2]) == 2
    fact = first.json()["items"][0]["id"]
    space.auth.update_account("tess", role="editor")
    r = client.post(f"/api/stories/main/facts/{fact}/reviews", json={"verdict": "verified", "note": "called"}, headers=head)
    assert r.status_code == 201
    after = client.get("/api/stories/main/facts", params={"status": "contested"}, headers=head).json()
    assert after["items"][0]["review"] == "verified"  # a new decision: answers made afresh
