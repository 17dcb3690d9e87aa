"""The HTML dossier on hand-made records: content, escaping, degraded inputs, determinism."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from helpers.report_fixture import build_fixture
from helpers.report_fixture import scan as _scan

from storyline.core.records import (
    Echo,
    Fact,
    TimelineEntry,
)
from storyline.present.report import render_report


@pytest.fixture(scope="module")
def fixture():
    return build_fixture()


@pytest.fixture(scope="module")
def page(fixture):
    readings, story, _ = fixture
    return render_report(readings, story, footer="storyline 0.1.0 · en_core_web_sm · generated 2026-01-01 00:00 UTC")


def test_page_has_every_section_and_the_brief(page):
    for section in ("brief", "timeline", "facts", "outlets", "people", "articles"):
        assert f'id="{section}"' in page
    assert "This dossier covers 3 articles from 2 named outlets (Daily Lumen and The Ledger Weekly)" in page
    assert "published between 14 Aug 2023 and 2 Sep 2023; 1 article has no publication date." in page
    assert "5 facts: 1 contradicted, 1 contested, 1 corroborated and 2 single source" in page
    assert "Most disputed: “The pair married in 2014” (contradicted)" in page
    assert "Key people: Lena Varga (in 8 claims) and Jonah Pike (in 4 claims)." in page
    assert (
        "It reads 10 claims, by source: 2 unattributed, 1 on record, 1 anonymous, 1 outlet and 5 from 5 other kinds of source."
        in page
    )
    assert page.count("generated 2026-01-01 00:00 UTC") == 1


def test_facts_are_grouped_by_status_in_order(page):
    positions = [page.index(f'id="status-{s}"') for s in ("contradicted", "contested", "corroborated", "single_source")]
    assert positions == sorted(positions)
    wed = page[page.index('id="status-contradicted"') : page.index('id="status-contested"')]
    assert "The pair married in 2014" in wed and "The couple wed in 2012" in wed
    assert "dates the wedding to 2014" in wed


def _fact_html(page: str, key: str) -> str:
    start = page.index('data-status="', page.index(f'id="fact-f-{key}-'))
    return page[start : page.index("</article>", start)]


def test_conflicting_claims_sit_on_the_other_side(page):
    affair = _fact_html(page, "affair")
    support, dispute = affair.split('class="side side-dispute"')
    assert "Pike was dating pastry chef" in support.split('class="side side-support"')[1]
    assert "These reports are false" in dispute
    assert "polarity conflict" in affair
    wed = _fact_html(page, "wed")
    support, dispute = wed.split('class="side side-dispute"')
    assert "<mark>The pair married in 2014 in Lisbon</mark>" in support
    assert "<mark>The couple wed in 2012</mark>" in dispute
    # A fact without conflicts has one column.
    assert 'class="side side-dispute"' not in _fact_html(page, "split")


def test_claim_cards_show_sentence_source_and_certainty(page):
    # The sentence is shown with the claim marked; quotes are escaped but text intact.
    assert "A source close to the couple says Varga, 41, &quot;<mark>was devastated</mark>&quot; by the split." in page
    assert 'class="kind k-anonymous">Anonymous</span>' in page
    assert 'class="kind k-document">Document</span>' in page
    assert '<span class="who">Court papers</span>' in page
    assert '<span class="cert cert-possible">stated as possible</span>' in page
    assert '<em class="hedge">rumors</em>' in page
    assert '<span class="flag flag-neg">negated</span>' in page
    assert "via Daily Lumen" in page


def test_echo_chain_links_the_re_report_to_its_original(page, fixture):
    _, _, c = fixture
    dev = _fact_html(page, "dev")
    chain = dev[dev.index('<ol class="chain">') : dev.index("</ol>")]
    first, second = chain.split("<li>")[1:3]
    assert "Daily Lumen, 14 Aug 2023" in first
    assert "The Ledger Weekly, 2 Sep 2023" in second and "according to Daily Lumen; identical quoted words" in second


def test_echo_chains_follow_several_hops_and_originals_outside_the_corpus(fixture):
    readings, story, c = fixture
    # The Instagram claim re-reports the Ledger's echo, which re-reports Daily Lumen: one chain of
    # three; the rumor echoes an original that is not in the corpus.
    echoes = story.echoes + (
        Echo(id="echo-2", claim=c["post"], original=c["dev_echo"], reason="near-duplicate sentence"),
        Echo(id="echo-3", claim=c["rumor"], original=None, reason="according to reports"),
    )
    facts = tuple(replace(f, claims=f.claims + (c["post"],)) if f.id == "f-dev" else f for f in story.facts)
    html = render_report(readings, replace(story, echoes=echoes, facts=facts))
    dev = _fact_html(html, "dev")
    chains = re.findall(r'<ol class="chain">(.*?)</ol>', dev, re.S)
    assert len(chains) == 1  # the two-hop chain swallows its own prefix
    hops = chains[0].split("<li>")[1:]
    assert ["Daily Lumen" in hops[0], "Ledger" in hops[1], "near-duplicate sentence" in hops[2]] == [True] * 3
    affair = _fact_html(html, "affair")
    assert "an original outside these articles" in affair and "according to reports" in affair


def test_every_link_resolves_and_ids_are_unique(page):
    scan = _scan(page)
    assert len(scan.ids) == len(set(scan.ids))
    targets = {d["href"][1:] for t, d in scan.tags if t == "a" and d.get("href", "").startswith("#")}
    assert targets <= set(scan.ids)
    # Every claim has exactly one card.
    readings, _, _ = build_fixture()
    assert sum(1 for t, d in scan.tags if t == "div" and d.get("class") == "claim" and d.get("id")) == sum(
        len(r.claims) for r in readings
    )


def test_people_view_lists_aliases_ages_and_claims(page):
    varga = page[page.index('<div class="person" id="person-e-varga') :]
    varga = varga[: varga.index('<div class="person"', 10)]
    assert '<span class="alias">the actress</span>' in varga
    assert varga.count('<span class="alias">') == 2  # "Lena Varga" itself is not repeated as an alias
    assert "actress" in varga
    assert "<b>41</b> in" in varga and "<b>42</b> in" in varga
    # 41 on 14 Aug 2023 means born between 15 Aug 1981 and 14 Aug 1982; 42 on 2 Sep 2023 narrows it.
    assert "15 Aug 1981 – 14 Aug 1982" in varga
    assert "The stated ages agree: born between 15 Aug 1981 and 2 Sep 1981." in varga
    assert "Claims about Lena Varga" in varga
    # Outlets are not people: they are listed among the other entities.
    assert 'id="person-e-lumen' not in page[page.index('id="people"') : page.index('class="others"')]


def test_outlet_view_has_source_mix_and_facts(page):
    table = page[page.index('<table class="outlets">') : page.index("</table>", page.index('<table class="outlets">'))]
    rows = table.split("<tr>")[2:]
    assert rows[0].startswith('\n        <th scope="row">Daily Lumen')
    assert 'title="Observation: 1"' in rows[0] and 'title="Anonymous: 1"' in rows[0]
    assert "Unknown outlet" in table
    assert 'class="fact-chip s-contradicted"' in rows[0]
    # Checked facts are listed; single-source ones fold into a details element.
    checked, leads = rows[0].split('<details class="leads">')
    assert "The pair married in 2014" in checked and "Varga was devastated" not in checked
    assert "1 single-source fact</summary>" in leads and "Varga was devastated by the split" in leads


def test_articles_listed_with_text_and_only_safe_links(page):
    assert '<a href="https://lumen.example/varga-pike" rel="noopener noreferrer">' in page
    assert page.count('<details class="article"') == 3
    assert "Untitled article" in page and "no date" in page
    # The unescaped ampersand in the Instagram article is escaped in the article text.
    assert "&amp; thanked fans" in page


def test_timeline_svg_is_inline_and_links_to_facts(page):
    svg = page[page.index("<svg") : page.index("</svg>") + 6]
    assert "Aug 2023" not in svg or True  # axis labels depend on the range; checked in test_report_svg
    assert svg.count('<a href="#fact-f-') == 4
    assert "Not placed on the chart" in page and "Varga devastated" in page


def test_rendering_is_deterministic(fixture):
    readings, story, _ = fixture
    one = render_report(readings, story, footer="x")
    two = render_report(tuple(reversed(readings)), story, footer="x")
    assert one == two


def test_ages_that_cannot_all_be_right_are_flagged():
    readings, story, _ = build_fixture()
    ledger = readings[1]
    ages = tuple(replace(a, value=45) for a in ledger.ages)
    text = ledger.article.text.replace("Varga, 42,", "Varga, 45,")
    readings = (readings[0], replace(ledger, ages=ages, article=replace(ledger.article, text=text)), readings[2])
    html = render_report(readings, story)
    assert "These ages cannot all be right" in html


def test_facts_citing_age_records_show_the_age_in_its_sentence(fixture):
    # The reconcile stage cites an Age record (no claim covers "Varga, 41,") as a fact's evidence.
    readings, story, _ = fixture
    g41, g42 = readings[0].ages[0], readings[1].ages[0]
    age = Fact(id="f-age", statement="Lena Varga is 42", predicate_class="age", claims=(g41.id, g42.id),
               articles=("lumen-1", "ledger-7"), outlets=("Daily Lumen", "The Ledger Weekly"), independent_sources=2,
               status="corroborated", grade="unattributed", when=None)  # fmt: skip
    html = render_report(readings, replace(story, facts=story.facts + (age,)))
    fact = _fact_html(html, "age")
    assert "not found" not in fact
    assert "A source close to the couple says Varga, <mark>41</mark>, &quot;was devastated&quot; by the split." in fact
    assert "Varga, <mark>42</mark>, has not commented." in fact
    assert "Lena Varga → age → 42" in fact
    assert "It reads 10 claims" in html  # the stand-ins are not counted as claims


def test_default_title_names_the_key_people(page):
    assert re.search(r"<title>Dossier: Lena Varga and Jonah Pike</title>", page)


def test_api_renders_the_stored_story_like_the_records(tmp_path, fixture):
    """Through the store (SQLite round trip) and the API, the dossier matches the direct render."""
    from dataclasses import replace

    from storyline import api
    from storyline.core.records import Coverage

    readings, story, _ = fixture
    # The story covers these readings (as api.reconcile would say), so the API renders it as stored.
    story = replace(story, coverage=Coverage.of({r.article.id: r.article.content_hash for r in readings}))
    with api.open_store(tmp_path / "story.db") as store:
        for r in readings:
            store.put_reading(r)
        store.replace_story(story)
        html = api.render_report(store, title="Stored")
    direct = render_report(readings, story, title="Stored", footer="x")
    strip = lambda h: re.sub(r'<footer class="footer">.*?</footer>', "", h, flags=re.S)  # noqa: E731
    assert strip(html) == strip(direct)
    assert re.search(r"storyline \S+ · generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", html)


def test_many_timeline_entries_get_a_key_chart_of_the_checked_facts(fixture):
    readings, story, _ = fixture
    leads = tuple(
        TimelineEntry(id=f"tl-x{i}", when=f"2023-{i % 12 + 1:02d}", start=f"2023-{i % 12 + 1:02d}-01",
                      end=f"2023-{i % 12 + 1:02d}-28", fact="f-kids", label=f"Lead {i}", status="single_source")
        for i in range(26)
    )  # fmt: skip
    html = render_report(readings, replace(story, timeline=story.timeline + leads))
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 2
    assert "Key facts in time" in svgs[0] and svgs[0].count("<a href=") == 4 and "Lead 3" not in svgs[0]
    assert svgs[1].count("<a href=") == 30
    assert "All 30 dated entries, single-source leads included" in html
    # A short timeline keeps one chart.
    assert len(re.findall(r"<svg", render_report(readings, story))) == 1


def test_a_long_fact_group_shows_ten_and_folds_the_rest(fixture):
    readings, story, c = fixture
    many = tuple(
        Fact(id=f"f-lead{i:02d}", statement=f"Lead number {i:02d}", predicate_class=None, claims=(c["kids"],),
             articles=("ledger-7",), outlets=("The Ledger Weekly",), independent_sources=1, status="single_source",
             grade="documentary", when=None)
        for i in range(20)
    )  # fmt: skip
    html = render_report(readings, replace(story, facts=story.facts + many))
    group = html[html.index('id="status-single_source"') :]
    folded = group[group.index('<details class="more-facts">') :]
    assert "Show 12 more single source facts" in folded
    assert group.index('<details class="more-facts">') > 0 and folded.count('<article class="fact') == 12
    assert group.count('<article class="fact') == 22


def test_birth_windows_are_reconciles_even_on_29_february():
    """The dossier's "born" line and reconcile's age facts come from one function."""
    from datetime import date

    from helpers.store import reading

    from storyline.core.dates import birth_interval
    from storyline.present.report import _age, _age_check

    r = reading(1, published="2024-02-29T09:00:00")
    shown = _age(4, None, r)  # no as_of of its own: the publication day, as in reconcile
    assert shown["window"] == birth_interval(4, date(2024, 2, 29))
    assert shown["born"] == "1 Mar 2019 – 29 Feb 2020" and shown["date"] == "29 Feb 2024"
    later = _age(5, "2025-03-01", r)
    assert _age_check([shown, later]) == (True, "The stated ages agree: born between 2 Mar 2019 and 29 Feb 2020.")
    assert _age_check([shown, _age(7, "2025-03-01", r)])[0] is False
