"""The dossier's safety and robustness: hostile input renders inert, the page is self-contained
and its script pinned by hash, and empty or degraded records still render.

The page's markup must hold no live element built from the input; the input's strings travel in
a base64 data block and the script puts them in the page as text only (checked statically here,
and in a real browser by tests/present/test_report_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from importlib import resources

import pytest
from helpers.report_fixture import TEXT_A, TEXT_C, build_fixture
from helpers.report_fixture import scan as _scan

from storyline.core.records import Fact, Story
from storyline.present.report import DATA_ID, embedded_data, render_report


@pytest.fixture(scope="module")
def page():
    readings, story, _ = build_fixture()
    return render_report(readings, story, footer="f")


def test_page_is_self_contained_and_script_is_pinned_by_csp(page):
    scan = _scan(page)
    assert not [t for t, d in scan.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [d for t, d in scan.tags if t == "script" and "src" in d]
    assert "@import" not in page and "url(" not in page
    # One script runs (pinned by its hash); the other script element is the data block, whose
    # type no browser executes.
    live = [(d, body) for (d, body) in zip(scan.script_attrs, scan.scripts, strict=True) if "type" not in d]
    assert len(live) == 1 and len(scan.scripts) == 2
    data = next(d for d in scan.script_attrs if d.get("id") == DATA_ID)
    assert data["type"] == "application/gzip;base64"
    digest = base64.b64encode(hashlib.sha256(live[0][1].encode()).digest()).decode()
    csp = next(d["content"] for t, d in scan.tags if t == "meta" and d.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert "require-trusted-types-for 'script'" in csp and "trusted-types 'none'" in csp


def test_the_script_puts_strings_in_the_page_as_text_only():
    """No HTML-parsing sink and no code from strings in report.js: the data can only become text."""
    js = resources.files("storyline.present").joinpath("templates", "report.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "DOMParser", "createContextualFragment", "srcdoc"):  # fmt: skip
        assert sink not in js, sink
    # Links it builds from the data are only in-page anchors or http(s) URLs.
    assert 'if (k === "href" && !/^(#|https?:\\/\\/)/i.test(String(v))) return;' in js


HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> <svg onload=alert(3)>'


def test_hostile_input_renders_inert():
    text_a = TEXT_A.replace(
        "Lena Varga and Jonah Pike have separated", f"{HOSTILE} Lena Varga and Jonah Pike have separated"
    )
    readings, story, c = build_fixture(text_a=text_a, text_c=TEXT_C + " " + HOSTILE)
    art = readings[0].article
    readings = (
        replace(readings[0], article=replace(art, title=HOSTILE, outlet=HOSTILE, url="javascript:alert(4)")),
    ) + readings[1:]
    ledger = readings[1]
    bad_source = replace(ledger.claims[0].source, text=HOSTILE, cue=HOSTILE, via=HOSTILE)
    claims = (replace(ledger.claims[0], source=bad_source, hedges=(HOSTILE,), predicate=HOSTILE),) + ledger.claims[1:]
    bulletin = replace(readings[2], article=replace(readings[2].article, id=HOSTILE, origin=HOSTILE))
    readings = (readings[0], replace(ledger, claims=claims), bulletin)
    story = replace(
        story,
        facts=tuple(replace(f, statement=HOSTILE + f.statement, outlets=(HOSTILE,)) for f in story.facts),
        conflicts=tuple(replace(x, reason=HOSTILE, kind=HOSTILE) for x in story.conflicts),
        timeline=tuple(replace(t, label=HOSTILE, when=HOSTILE) for t in story.timeline),
        entities=tuple(
            replace(e, name=HOSTILE + e.name, aliases=(HOSTILE,), evidence=(HOSTILE,)) for e in story.entities
        ),
        echoes=tuple(replace(e, reason=HOSTILE) for e in story.echoes),
    )
    html = render_report(readings, story, title=HOSTILE, footer=HOSTILE)
    scan = _scan(html)
    assert len(scan.scripts) == 2 and not [s for s in scan.scripts if "alert" in s]
    assert not [t for t, _ in scan.tags if t in ("img", "iframe", "object", "embed")]
    assert not [(t, k) for t, d in scan.tags for k in d if k.startswith("on")]
    assert not [d for t, d in scan.tags if d.get("href", "").lower().startswith("javascript")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The data block is base64 only: nothing in it can end the element or start a tag.
    block = html[html.index(">", html.index(f'id="{DATA_ID}"')) + 1 : html.index("</script>", html.index(f'id="{DATA_ID}"'))]
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", block)
    data = embedded_data(html)
    lumen = next(a for a in data["articles"] if a["id"] == "lumen-1")
    assert HOSTILE in lumen["x"] and lumen["t"] == HOSTILE and data["outlets"][lumen["o"]] == HOSTILE
    assert lumen["u"] == "" and lumen["ru"] == "javascript:alert(4)"  # shown as text, never as a link
    assert all(f["st"].startswith(HOSTILE) for f in data["facts"])
    # Offsets still point at the claim although the hostile text before it is long.
    split = next(c for c in data["claims"] if c["a"] == data["articles"].index(lumen) and c["s"] > 0 and "x" not in c)
    assert "x" not in split and lumen["x"][split["s"] : split["e"]] in {
        "Lena Varga and Jonah Pike have separated after nine years of marriage", "Pike was seen leaving the couple's Paris home with suitcases",
        "The pair married in 2014 in Lisbon", "was devastated"}  # fmt: skip


def test_empty_story_and_no_readings_render():
    html = render_report([], Story())
    assert "No articles have been analysed yet" in html and "No facts yet" in html
    assert embedded_data(html)["articles"] == []
    readings, _, _ = build_fixture()
    html = render_report(readings, Story(), footer="f")
    assert "No facts have been aligned across articles yet." in html
    # Without a reconciled cast, article entities still make the people view, grouped by name.
    # Lena Varga, Jonah Pike, Varga (2 articles), Pike (2 articles), Coralie Benoit.
    assert html.count('<div class="person" id="person-') == 5
    assert "not linked across articles by reconcile" in html
    assert "No fact has been placed in time yet." in html
    # Claims still appear, as unaligned leads the script lists.
    data = embedded_data(html)
    assert data["facts"] == [] and len(data["loose"]) == sum(len(r.claims) for r in readings)


def test_claims_without_sentence_or_valid_span_degrade():
    readings, story, c = build_fixture()
    post = next(x for x in readings[2].claims if x.id == c["post"])
    bad = replace(
        post, id="c-bad", start=10_000, end=10_010, text="out of range & <b>", sentence_start=-1, sentence_end=-1
    )
    readings = readings[:2] + (replace(readings[2], claims=readings[2].claims + (bad,)),)
    data = embedded_data(render_report(readings, story))
    by_text = {(c.get("x") or data["articles"][c["a"]]["x"][c["s"] : c["e"]]): c for c in data["claims"]}
    # No sentence span: the script shows the claim in context (the offsets are kept; the sentence
    # bounds say "none").
    no_sentence = by_text['she is "starting a new chapter"']
    assert (no_sentence["ss"], no_sentence["se"]) == (0, 0) and "x" not in no_sentence
    # Offsets outside the text: the claim's own text is shown alone, marked.
    assert by_text["out of range & <b>"]["x"] == "out of range & <b>"


def test_missing_claims_in_facts_and_unknown_status_do_not_break():
    readings, story, _ = build_fixture()
    odd = Fact(id="f-odd", statement="Something else", predicate_class=None, claims=("c-missing",), articles=(), outlets=(),
               independent_sources=0, status="unknown", grade="rumor", when=None)  # type: ignore[arg-type]  # fmt: skip
    data = embedded_data(render_report(readings, replace(story, facts=story.facts + (odd,))))
    fact = data["facts"][-1]
    assert fact["st"] == "Something else" and fact["mi"] == 1 and fact["s"] == -1 and fact["sn"] == "unknown"
