"""Who may do what: passwords (argon2), session cookies, form tokens (CSRF), API tokens, roles,
and ``storyline serve`` refusing to listen beyond loopback without an admin account."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("argon2")

from fastapi.testclient import TestClient
from helpers.cli import run
from helpers.serve import LOCAL, PASSWORD, fixture_db, make_app, sign_in

from storyline import api


@pytest.fixture()
def client(tmp_path, model):
    with TestClient(make_app(fixture_db(tmp_path / "story.db"), model), client=LOCAL) as c:
        yield c


def test_the_first_admin_is_made_on_this_machine_then_signs_in(client):
    page = client.get("/setup").text
    token = page.split('name="login_token" value="')[1].split('"')[0]
    r = client.post("/setup", data={"name": "ann", "password": "short", "login_token": token})
    assert r.status_code == 400 and "at least 10 characters" in r.text
    assert client.post("/setup", data={"name": "ann", "password": PASSWORD, "login_token": token}, follow_redirects=False).status_code == 303
    stored = client.app.state.space.store.desk.account("ann")
    assert stored.role == "admin" and stored.password.startswith("$argon2id$") and PASSWORD not in stored.password
    assert client.post("/setup", data={"name": "mal", "password": PASSWORD, "login_token": token}).status_code == 403


def test_the_first_account_is_not_offered_to_another_machine(client):
    remote = TestClient(client.app, client=("203.0.113.9", 40000))
    assert remote.get("/setup").status_code == 403
    assert remote.post("/setup", data={"name": "mal", "password": PASSWORD, "login_token": "x"}).status_code == 403
    assert client.app.state.space.store.desk.accounts() == []


def test_sign_in_sets_a_guarded_cookie_and_refuses_wrong_passwords_and_stale_forms(client):
    client.app.state.space.auth.add_account("ann", PASSWORD, "admin")
    token = lambda: client.get("/login").text.split('name="login_token" value="')[1].split('"')[0]
    assert client.post("/login", data={"name": "ann", "password": "wrong password!", "login_token": token()}).status_code == 401
    assert client.post("/login", data={"name": "nobody", "password": PASSWORD, "login_token": token()}).status_code == 401
    token()
    assert client.post("/login", data={"name": "ann", "password": PASSWORD, "login_token": "forged"}).status_code == 403
    r = client.post("/login", data={"name": "ann", "password": PASSWORD, "login_token": token(), "next": "//evil.example/"},
                    follow_redirects=False)  # fmt: skip
    cookie = r.headers["set-cookie"]
    assert r.headers["location"] == "/" and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert client.get("/stories/main").status_code == 200


def test_unsafe_requests_need_the_form_token(client):
    csrf = sign_in(client, "eve", "editor")
    assert client.post("/api/stories/main/pasted", json={"text": "A text."}).status_code == 403
    assert client.post("/api/stories/main/pasted", json={"text": "A text."}, headers={"X-CSRF-Token": "guess"}).status_code == 403
    assert client.post("/account/tokens", data={"label": "x"}).status_code == 422  # the field is required
    assert client.post("/account/tokens", data={"label": "x", "csrf": "guess"}).status_code == 403
    assert client.post("/account/tokens", data={"label": "x", "csrf": csrf}).status_code == 200


def test_api_tokens_are_shown_once_work_without_cookies_and_can_be_revoked(client):
    csrf = sign_in(client, "eve", "editor")
    page = client.post("/account/tokens", data={"label": "nightly", "csrf": csrf}).text
    value = page.split('<code id="new-token">')[1].split("</code>")[0]
    assert value.startswith("sl_") and value not in client.get("/account").text
    bare = TestClient(client.app, client=LOCAL)
    head = {"Authorization": f"Bearer {value}"}
    assert bare.get("/api/stories/main/facts", headers=head).json()["total"] == 5
    assert bare.get("/api/stories/main/facts", headers={"Authorization": "Bearer sl_x_y"}).status_code == 401
    (token,) = client.app.state.space.store.desk.tokens("eve")
    client.post(f"/account/tokens/{token['id']}/revoke", data={"csrf": csrf})
    assert bare.get("/api/stories/main/facts", headers=head).status_code == 401


def test_an_admin_adds_accounts_and_a_disabled_account_is_signed_out(client, tmp_path, model):
    csrf = sign_in(client, "ann", "admin")
    r = client.post("/admin/accounts", data={"csrf": csrf, "name": "rob", "password": PASSWORD, "role": "reader"}, follow_redirects=False)
    assert r.status_code == 303
    other = TestClient(client.app, client=LOCAL)
    sign_in(other, "rob")
    assert other.get("/stories/main").status_code == 200
    client.post("/admin/accounts/rob", data={"csrf": csrf, "role": "reader", "disabled": "1"})
    assert other.get("/stories/main", follow_redirects=False).status_code == 303
    assert client.post("/admin/accounts/ann", data={"csrf": csrf, "disabled": "1"}).status_code == 400


def test_a_password_change_needs_the_current_one_and_signs_out_every_other_session(client):
    csrf = sign_in(client, "pat", "reader")
    other = TestClient(client.app, client=LOCAL)
    sign_in(other, "pat")
    new = "another long password"
    form = {"csrf": csrf, "current": "not it at all", "password": new, "again": new}
    r = client.post("/account/password", data=form)
    assert r.status_code == 400 and "current password is wrong" in r.text
    r = client.post("/account/password", data={**form, "current": PASSWORD, "again": new + "!"})
    assert r.status_code == 400 and "differ" in r.text
    r = client.post("/account/password", data={**form, "current": PASSWORD, "password": "short", "again": "short"})
    assert r.status_code == 400 and "at least 10 characters" in r.text
    assert client.post("/account/password", data={**form, "csrf": "forged", "current": PASSWORD}).status_code == 403
    r = client.post("/account/password", data={**form, "current": PASSWORD})
    assert r.status_code == 200 and "Password changed" in r.text
    assert client.get("/stories/main", follow_redirects=False).status_code == 200  # this browser: a new session
    assert other.get("/stories/main", follow_redirects=False).status_code == 303  # the other: signed out
    space = client.app.state.space
    assert space.auth.check_password("pat", new) and not space.auth.check_password("pat", PASSWORD)


def test_an_admin_sets_a_password_from_the_command_line(tmp_path, monkeypatch):
    db = str(tmp_path / "s.db")
    monkeypatch.setenv("STORYLINE_PASSWORD", PASSWORD)
    run("account", "add", "ann", "--db", db)
    monkeypatch.setenv("STORYLINE_PASSWORD", "a brand new password")
    assert "password done" in run("account", "password", "ann", "--db", db).stdout
    with api.open_store(db) as store:
        from storyline.serve.auth import Auth

        assert Auth(store.desk).check_password("ann", "a brand new password") is not None
    assert "no account named 'bob'" in run("account", "password", "bob", "--db", db, code=2).stderr


def test_serve_refuses_a_public_address_without_an_admin(tmp_path, monkeypatch):
    db = str(tmp_path / "s.db")
    result = run("serve", "--db", db, "--host", "0.0.0.0", code=2)
    assert "refusing to listen on 0.0.0.0" in result.stderr and "storyline account add NAME --role admin" in result.stderr
    monkeypatch.setenv("STORYLINE_PASSWORD", PASSWORD)
    assert "done" in run("account", "add", "ann", "--role", "editor", "--db", db).stdout
    run("serve", "--db", db, "--host", "0.0.0.0", code=2)  # an editor is not enough
    run("account", "role", "ann", "--role", "admin", "--db", db)
    with api.open_store(db) as store:
        assert store.desk.has_admin()
    assert "ann\tadmin" in run("account", "list", "--db", db).stdout


def test_serve_without_the_extra_names_the_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "storyline.serve", None)
    result = run("serve", "--db", str(tmp_path / "s.db"), code=2)
    assert "pip install 'storyline[serve]'" in result.stderr


def test_form_cookies_are_secure_over_https(tmp_path, model):
    # The setup form once set its one-use token cookie without Secure where the sign-in form did.
    with TestClient(make_app(fixture_db(tmp_path / "story.db"), model), client=LOCAL, base_url="https://testserver") as c:
        assert "secure" in c.get("/setup").headers["set-cookie"].lower()
        page = c.get("/setup").text
        token = page.split('name="login_token" value="')[1].split('"')[0]
        assert c.post("/setup", data={"name": "ann", "password": PASSWORD, "login_token": token}, follow_redirects=False).status_code == 303
        assert "secure" in c.get("/login").headers["set-cookie"].lower()
