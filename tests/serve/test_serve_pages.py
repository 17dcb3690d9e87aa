"""The workspace's pages and JSON API over a hand-made story (FastAPI's TestClient, no model):
what a page shows comes from the store, filters combine, a claim leads to its sentence, every
page is escaped and sent under a strict CSP, and nothing is shown to someone not signed in."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("argon2")

from fastapi.testclient import TestClient
from helpers.serve import LOCAL, fixture_db, make_app, sign_in

from storyline.present.report_views import anchor
from storyline.serve.app import CSP


@pytest.fixture(scope="module")
def client(tmp_path_factory, model):
    db = fixture_db(tmp_path_factory.mktemp("serve") / "story.db")
    with TestClient(make_app(db, model), client=LOCAL) as c:
        sign_in(c, "rita", "reader")
        yield c


def test_nothing_is_shown_to_someone_not_signed_in(tmp_path, model):
    db = fixture_db(tmp_path / "s.db")
    with TestClient(make_app(db, model), client=LOCAL) as c:
        assert c.get("/login", follow_redirects=False).headers["location"] == "/setup"  # no account yet
        c.app.state.space.auth.add_account("ann", "a long enough password", "admin")
        r = c.get("/stories/main/facts", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login?next=/stories/main/facts"
        r = c.get("/api/stories/main/facts")
        assert r.status_code == 401 and "Bearer" in r.json()["detail"]
        assert c.get("/setup", follow_redirects=False).headers["location"] == "/login"  # setup only with no account


def test_brief_counts_and_timeline_come_from_the_store(client):
    brief = client.get("/api/stories/main").json()
    assert brief["counts"]["articles"] == 3 and brief["counts"]["facts"] == 5 and brief["counts"]["conflicts"] == 2
    assert {s["status"]: s["facts"] for s in brief["statuses"]}["contradicted"] == 1
    html = client.get("/stories/main").text
    assert "This dossier covers 3 articles" in html and "The pair married in 2014" in html
    assert client.get("/api/stories/main/timeline").json()["total"] == 5


def test_fact_filters_combine_and_page(client):
    get = lambda **q: client.get("/api/stories/main/facts", params=q).json()
    assert get()["total"] == 5
    assert [f["id"] for f in get(status="contradicted")["items"]] == ["f-wed"]
    assert [f["id"] for f in get(kind="rumor")["items"]] == ["f-affair"]
    assert get(kind="rumor", status="corroborated")["total"] == 0
    assert {f["id"] for f in get(outlet="The Ledger Weekly")["items"]} == {"f-wed", "f-affair", "f-dev", "f-kids"}
    assert [f["id"] for f in get(person="e-pike", q="coralie")["items"]] == ["f-affair"]
    assert [f["id"] for f in get(since="2023-06-01", until="2023-06-30")["items"]] == ["f-affair"]
    one = get(limit=2, offset=4)
    assert one["total"] == 5 and len(one["items"]) == 1 and one["offset"] == 4
    assert client.get("/api/stories/main/facts", params={"limit": 500}).status_code == 422
    page = client.get("/stories/main/facts", params={"status": "contested", "kind": "named_person"}).text
    assert "Pike was dating pastry chef Coralie Benoit" in page and "The pair married" not in page


def test_a_contested_fact_shows_both_sides_the_reason_and_the_way_to_each_sentence(client):
    fact = client.get("/api/stories/main/facts/f-affair").json()
    assert fact["status"] == "contested" and "Pike denied the affair" in fact["conflicts"][0]["reason"]
    assert fact["supporting"] and fact["disputing"]
    deny = fact["disputing"][0]
    assert deny["text"] == "These reports are false" and deny["kind"] == "named_person" and deny["negated"]
    html = client.get("/stories/main/facts/f-affair").text
    story = client.app.state.space.story("main").id  # pages link by id: a name may hold any character
    link = f'/stories/{story}/articles/{deny["article"]}?claim={deny["id"]}#{anchor("claim", deny["id"])}'
    assert f'href="{link}"' in html
    article = client.get(link.split("#")[0]).text
    assert f'id="{anchor("claim", deny["id"])}"' in article and "These reports are false" in article
    assert client.get("/api/stories/main/facts/f-nope").status_code == 404
    assert client.get("/stories/main/facts/f-nope").status_code == 404


def test_a_fact_pages_its_claims_with_every_list_s_total(client):
    listed = client.get("/api/stories/main/facts", params={"limit": 200}).json()["items"]
    fid = max(listed, key=lambda f: f["claims"])["id"]
    whole = client.get(f"/api/stories/main/facts/{fid}", params={"limit": 200}).json()
    totals = whole["totals"]
    side = max(("supporting", "disputing", "superseded", "neither"), key=lambda k: totals[k])
    assert totals[side] >= 2 and totals[side] == len(whole[side]) and not whole["more"]
    first = client.get(f"/api/stories/main/facts/{fid}", params={"limit": 1}).json()
    second = client.get(f"/api/stories/main/facts/{fid}", params={"limit": 1, "offset": 1}).json()
    assert first["totals"] == totals and first["more"] and len(first[side]) == 1
    assert [c["id"] for c in first[side] + second[side]] == [c["id"] for c in whole[side][:2]]
    assert client.get(f"/api/stories/main/facts/{fid}", params={"limit": 201}).status_code == 422
    html = client.get(f"/stories/main/facts/{fid}").text
    assert f"Supporting ({totals['supporting']})" in html and "More claims" not in html


def test_an_echo_chain_shows_the_original_first(client):
    chains = client.get("/api/stories/main/facts/f-dev").json()["chains"]
    assert [link["claim"]["outlet"] for link in chains[0]] == ["Daily Lumen", "The Ledger Weekly"]
    assert "identical quoted words" in chains[0][1]["reason"]


def test_people_outlets_and_articles(client):
    people = client.get("/api/stories/main/people").json()["items"]
    varga = next(p for p in people if p["name"] == "Lena Varga")
    assert "the actress" in varga["aliases"] and varga["ages_agree"] is True
    outlets = {o["name"]: o for o in client.get("/api/stories/main/outlets").json()["items"]}
    assert outlets["Daily Lumen"]["articles"] == 1 and outlets["Daily Lumen"]["mix"]
    arts = client.get("/api/stories/main/articles").json()
    assert arts["total"] == 3
    for path in ("/stories/main/people", "/stories/main/outlets", "/stories/main/articles", "/stories"):
        assert client.get(path).status_code == 200


def test_exports_download_and_openapi_is_served(client):
    for fmt, marker in (("json", '"schema"'), ("jsonl", '"record"'), ("csv", '"id","article"'), ("timelinejs", '"events"'),
                        ("dossier", "<!doctype html>")):  # fmt: skip
        r = client.get(f"/api/stories/main/export/{fmt}")
        assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
        assert marker in r.text[:3000].lower()
    assert client.get("/api/stories/main/export/pdf").status_code == 404
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/stories/{story}/facts" in paths and "/api/jobs/{job_id}/events" in paths


def test_every_page_is_sent_under_a_strict_csp(client):
    for path in ("/stories/main", "/stories/main/facts/f-wed", "/api/stories/main", "/login"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP and r.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_a_reader_cannot_add_articles_or_manage_accounts(client):
    assert client.get("/stories/main/add").status_code == 403
    assert client.get("/admin/accounts").status_code == 403
    csrf = client.get("/account").text.split('name="csrf-token" content="')[1].split('"')[0]
    r = client.post("/api/stories/main/pasted", json={"text": "A text."}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 403 and "editor" in r.json()["detail"]


def test_an_article_is_cut_into_its_text_and_the_linked_claim_is_whole(client):
    for a in client.get("/api/stories/main/articles").json()["items"]:
        full = client.get(f"/api/stories/main/articles/{a['id']}").json()
        text = "".join(s["text"] for s in full["segments"])
        for s in full["segments"]:
            if s["claim"]:
                focused = client.get(f"/api/stories/main/articles/{a['id']}", params={"claim": s["claim"]}).json()
                assert "".join(x["text"] for x in focused["segments"]) == text
                assert any(x["claim"] == s["claim"] and x["text"] for x in focused["segments"])
    assert "A source close to the couple says Varga" in "".join(
        s["text"] for s in client.get("/api/stories/main/articles/lumen-1").json()["segments"])


def test_a_review_is_recorded_shown_and_filtered(tmp_path, model):
    from helpers.serve import events

    with TestClient(make_app(fixture_db(tmp_path / "r.db"), model), client=LOCAL) as c:
        csrf = sign_in(c, "eve", "editor")
        r = c.post("/stories/main/facts/f-affair/review", data={"csrf": csrf, "verdict": "verified", "note": "Called Pike's <b>lawyer</b>"},
                   follow_redirects=False)  # fmt: skip
        assert r.status_code == 303 and r.headers["location"].endswith("/facts/f-affair#review")
        page = c.get("/stories/main/facts/f-affair").text  # a reload shows it, escaped
        assert '<strong id="verdict">Verified</strong>' in page and "eve" in page and "Called Pike&#39;s &lt;b&gt;lawyer&lt;/b&gt;" in page
        head = {"X-CSRF-Token": csrf}
        r = c.post("/api/stories/main/facts/f-wed/reviews", json={"verdict": "false", "note": "2012 per the registry"}, headers=head)
        assert r.status_code == 201 and r.json()["reviewer"] == "eve"
        assert c.post("/api/stories/main/facts/f-wed/reviews", json={"verdict": "maybe"}, headers=head).status_code == 400
        assert c.post("/api/stories/main/facts/f-gone/reviews", json={"verdict": "false"}, headers=head).status_code == 409
        assert [f["id"] for f in c.get("/api/stories/main/facts", params={"review": "verified"}).json()["items"]] == ["f-affair"]
        assert c.get("/api/stories/main/facts", params={"review": "unreviewed"}).json()["total"] == 3
        assert {x["verdict"]: x["facts"] for x in c.get("/api/stories/main").json()["reviews"]} == {"verified": 1, "false": 1, "needs_work": 0}
        # Adding an article re-analyses the story: fact ids change, the reviews follow their claims.
        job = c.post("/api/stories/main/pasted", json={"text": "Pike left Paris on Monday, his lawyer said."}, headers=head).json()
        assert events(c, job["id"])[-1]["state"] == "done"
        assert c.get("/api/stories/main/facts/f-affair").status_code == 404  # reconciled anew: new ids
        after = c.get("/api/stories/main/reviews").json()
        assert after["orphaned"] == [] and {f["latest"]["verdict"] for f in after["facts"]} == {"verified", "false"}
        assert all(f["fact"] != f["latest"]["fact"] for f in after["facts"])
        reader = TestClient(c.app, client=LOCAL)
        token = sign_in(reader, "rita", "reader")
        assert reader.post("/api/stories/main/facts/f-wed/reviews", json={"verdict": "verified"},
                           headers={"X-CSRF-Token": token}).status_code == 403
