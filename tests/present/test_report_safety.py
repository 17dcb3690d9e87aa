"""The dossier's safety and robustness: hostile input renders inert, the page is self-contained
and its script pinned by hash, and empty or degraded records still render."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace

import pytest
from helpers.report_fixture import TEXT_A, TEXT_C, build_fixture
from helpers.report_fixture import scan as _scan

from storyline.core.records import Fact, Story
from storyline.present.report import render_report
from storyline.present.report_views import highlight


@pytest.fixture(scope="module")
def page():
    readings, story, _ = build_fixture()
    return render_report(readings, story, footer="f")


def test_page_is_self_contained_and_script_is_pinned_by_csp(page):
    scan = _scan(page)
    assert not [t for t, d in scan.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [d for t, d in scan.tags if t == "script" and "src" in d]
    assert "@import" not in page and "url(" not in page
    assert len(scan.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scan.scripts[0].encode()).digest()).decode()
    csp = next(d["content"] for t, d in scan.tags if t == "meta" and d.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


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
    assert len(scan.scripts) == 1 and "alert" not in scan.scripts[0]
    assert not [t for t, _ in scan.tags if t == "img"]
    assert not [(t, k) for t, d in scan.tags for k in d if k.startswith("on")]
    assert not [d for t, d in scan.tags if d.get("href", "").lower().startswith("javascript")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:alert(4)" in html  # shown as text, never as a link
    # The highlight still lands on the claim although escaping lengthened the text before it.
    assert "<mark>Lena Varga and Jonah Pike have separated after nine years of marriage</mark>" in html


def test_empty_story_and_no_readings_render():
    html = render_report([], Story())
    assert "No articles have been analysed yet" in html and "No facts yet" in html
    readings, _, _ = build_fixture()
    html = render_report(readings, Story(), footer="f")
    assert "No facts have been aligned across articles yet." in html
    # Without a reconciled cast, article entities still make the people view, grouped by name.
    # Lena Varga, Jonah Pike, Varga (2 articles), Pike (2 articles), Coralie Benoit.
    assert html.count('<div class="person" id="person-') == 5
    assert "not linked across articles by reconcile" in html
    assert "No fact has been placed in time yet." in html
    # Claims still appear, as unaligned leads, each with its own card.
    assert "Claims not aligned into any fact" in html
    assert html.count('<div class="claim" id="claim-') == sum(len(r.claims) for r in readings)


def test_claims_without_sentence_or_valid_span_degrade():
    readings, story, c = build_fixture()
    post = next(x for x in readings[2].claims if x.id == c["post"])
    bad = replace(
        post, id="c-bad", start=10_000, end=10_010, text="out of range & <b>", sentence_start=-1, sentence_end=-1
    )
    readings = readings[:2] + (replace(readings[2], claims=readings[2].claims + (bad,)),)
    html = render_report(readings, story)
    # No sentence span: the claim is shown in context, marked.
    assert (
        "Varga wrote on Instagram that <mark>she is &quot;starting a new chapter&quot;</mark> &amp; thanked fans."
        in html
    )
    assert "<mark>out of range &amp; &lt;b&gt;</mark>" in html


def test_missing_claims_in_facts_and_unknown_status_do_not_break():
    readings, story, _ = build_fixture()
    odd = Fact(id="f-odd", statement="Something else", predicate_class=None, claims=("c-missing",), articles=(), outlets=(),
               independent_sources=0, status="unknown", grade="rumor", when=None)  # type: ignore[arg-type]  # fmt: skip
    html = render_report(readings, replace(story, facts=story.facts + (odd,)))
    assert "Something else" in html and "1 not found" in html


def test_highlight_escapes_each_piece_at_raw_offsets():
    text = 'A & B said "<b>" then x.'
    start = text.index("<b>")
    assert (
        str(highlight(text, 0, len(text), start, start + 3))
        == "A &amp; B said &quot;<mark>&lt;b&gt;</mark>&quot; then x."
    )
    assert str(highlight(text, 2, 9, 0, 3)) == "<mark>&amp;</mark> B sai"  # mark clipped to the window
    assert str(highlight(text, 4, 9, 0, 3)) == "B sai"  # nothing of the mark inside the window
    assert str(highlight(text, 0, 5, 3, 100)) == "A &amp;<mark> B</mark>"
