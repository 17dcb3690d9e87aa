"""The HTML dossier on hand-made records: the page's own content, the data block the page's
script renders facts, claims and articles from, degraded inputs, determinism."""

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
from storyline.present.report import embedded_data, render_report


@pytest.fixture(scope="module")
def fixture():
    return build_fixture()


@pytest.fixture(scope="module")
def page(fixture):
    readings, story, _ = fixture
    return render_report(readings, story, footer="storyline 0.1.0 · en_core_web_sm · generated 2026-01-01 00:00 UTC")


@pytest.fixture(scope="module")
def data(page):
    return embedded_data(page)


def _fact(data: dict, key: str) -> dict:
    return next(f for f in data["facts"] if f["an"].startswith(f"fact-f-{key}-"))


def _claim_text(data: dict, ci: int) -> str:
    c = data["claims"][ci]
    return c.get("x") or data["articles"][c["a"]]["x"][c["s"] : c["e"]]


def test_page_has_every_section_and_the_brief(page):
    for section in ("brief", "glance", "timeline", "facts", "outlets", "people", "articles", "reader"):
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


def test_at_a_glance_lists_the_disputed_and_the_established(page):
    glance = page[page.index('id="glance"') : page.index('id="timeline"')]
    disputed, established = glance.split("Best established")
    assert "The pair married in 2014" in disputed and "Pike was dating pastry chef Coralie Benoit" in disputed
    assert "Lena Varga and Jonah Pike have separated" in established and "devastated" not in glance
    assert re.search(r'href="#fact-f-wed-[0-9a-f]{8}"', disputed)


def test_facts_are_ordered_by_status_and_carry_their_outlets_people_and_kinds(data):
    assert [f["sn"] for f in data["facts"]] == ["contradicted", "contested", "corroborated", "single_source", "single_source"]
    wed = _fact(data, "wed")
    assert [data["outlets"][o] for o in wed["o"]] == ["Daily Lumen", "The Ledger Weekly"]
    assert [data["people"][p][0] for p in wed["pp"]] == ["Lena Varga"]
    assert [data["kinds"][k][0] for k, _ in wed["k"]] == ["unattributed"]
    assert wed["pd"] == ["2023-08-14", "2023-09-02"] and wed["ed"] == ["2014-01-01", "2014-12-31"]
    assert wed["b"] == "2 independent sources · best: unattributed"


def test_filters_cover_status_kind_outlet_person_date_and_search(page):
    for control in ('data-status="contested"', 'data-kind="anonymous"', 'id="f-outlet"', 'id="f-person"',
                    'id="f-dateof"', 'id="f-from"', 'id="f-to"', 'id="f-search"', 'id="f-reset"'):  # fmt: skip
        assert control in page


def test_conflicting_claims_sit_on_the_other_side(data):
    affair = _fact(data, "affair")
    assert [_claim_text(data, c) for c in affair["sp"]] == ["Pike was dating pastry chef Coralie Benoit"]
    assert [_claim_text(data, c) for c in affair["ds"]] == ["These reports are false"]
    assert affair["x"][0]["k"] == "polarity" and {affair["x"][0]["a"], affair["x"][0]["b"]} == set(affair["c"])
    wed = _fact(data, "wed")
    assert [_claim_text(data, c) for c in wed["sp"]] == ["The pair married in 2014 in Lisbon"]
    assert [_claim_text(data, c) for c in wed["ds"]] == ["The couple wed in 2012"]
    assert "dates the wedding to 2014" in wed["x"][0]["r"]
    assert _fact(data, "split")["ds"] == []


def test_claims_carry_sentence_source_and_certainty(data):
    claims = {_claim_text(data, i): c for i, c in enumerate(data["claims"]) if not c.get("v")}
    dev = claims["was devastated"]
    text = data["articles"][dev["a"]]["x"]
    assert text[dev["ss"] : dev["se"]] == 'A source close to the couple says Varga, 41, "was devastated" by the split.'
    assert data["kinds"][dev["k"]] == ["anonymous", "Anonymous"] and dev["w"] == "A source close to the couple"
    assert dev["q"] == "direct" and dev["c"] == "says"
    assert claims["list the couple's two children"]["w"] == "Court papers"
    rumor = claims["Pike was dating pastry chef Coralie Benoit"]
    assert rumor["ce"] == "possible" and rumor["h"] == ["rumors"] and rumor["wh"] == "June 2023 (2023-06)"
    assert claims["These reports are false"]["ng"] == 1
    echo = [c for c in data["claims"] if c.get("v")][0]
    assert echo["v"] == "Daily Lumen" and echo["ec"] == "according to Daily Lumen; identical quoted words"
    assert claims["Lena Varga and Jonah Pike have separated after nine years of marriage"]["fr"] == "Lena Varga → separate"
    # Each claim knows the fact a mark in the article view leads back to.
    assert data["facts"][claims["The couple wed in 2012"]["f"]]["an"].startswith("fact-f-wed-")


def test_echo_chain_links_the_re_report_to_its_original(data):
    dev = _fact(data, "dev")
    (chain,) = dev["ch"]
    (first, _), (second, why) = chain
    assert data["articles"][data["claims"][first]["a"]]["t"] == "Varga and Pike split"
    assert data["articles"][data["claims"][second]["a"]]["t"] == "Pike denies affair reports"
    assert why == "according to Daily Lumen; identical quoted words"


def test_echo_chains_follow_several_hops_and_originals_outside_the_corpus(fixture):
    readings, story, c = fixture
    # The Instagram claim re-reports the Ledger's echo, which re-reports Daily Lumen: one chain of
    # three; the rumor echoes an original that is not in the corpus.
    echoes = story.echoes + (
        Echo(id="echo-2", claim=c["post"], original=c["dev_echo"], reason="near-duplicate sentence"),
        Echo(id="echo-3", claim=c["rumor"], original=None, reason="according to reports"),
    )
    facts = tuple(replace(f, claims=f.claims + (c["post"],)) if f.id == "f-dev" else f for f in story.facts)
    data = embedded_data(render_report(readings, replace(story, echoes=echoes, facts=facts)))
    (chain,) = _fact(data, "dev")["ch"]  # the two-hop chain swallows its own prefix
    outlets = [data["outlets"][data["articles"][data["claims"][ci]["a"]]["o"]] for ci, _ in chain]
    assert outlets == ["Daily Lumen", "The Ledger Weekly", "Unknown outlet"] and chain[2][1] == "near-duplicate sentence"
    (outside,) = _fact(data, "affair")["ch"]
    assert outside[0] == [-1, ""] and outside[1][1] == "according to reports"


def test_every_link_resolves_and_ids_are_unique(page, data):
    scan = _scan(page)
    assert len(scan.ids) == len(set(scan.ids))
    # Links in the page point at its own sections, at facts and articles the script renders, or
    # at the status filters.
    rendered = {f["an"] for f in data["facts"]} | {a["an"] for a in data["articles"]}
    targets = {d["href"][1:] for t, d in scan.tags if t == "a" and d.get("href", "").startswith("#")}
    loose = {t for t in targets if t not in set(scan.ids) | rendered and not t.startswith("status-")}
    assert not loose
    assert len(rendered) == len(data["facts"]) + len(data["articles"])


def test_every_claim_is_in_the_data_once_and_unaligned_ones_are_listed(fixture, data):
    readings, story, _ = fixture
    assert len(data["claims"]) == sum(len(r.claims) for r in readings)
    assert data["loose"] == []
    one = replace(story, facts=story.facts[1:])
    data = embedded_data(render_report(readings, one))
    assert sorted(_claim_text(data, ci) for ci in data["loose"]) == sorted(
        ["Lena Varga and Jonah Pike have separated after nine years of marriage",
         "Pike was seen leaving the couple's Paris home with suitcases", 'she is "starting a new chapter"']
    )  # fmt: skip


def test_people_view_lists_aliases_ages_and_claim_counts(page):
    varga = page[page.index('<div class="person" id="person-e-varga') :]
    varga = varga[: varga.index('<div class="person"', 10)]
    assert '<span class="alias">the actress</span>' in varga
    assert varga.count('<span class="alias">') == 2  # "Lena Varga" itself is not repeated as an alias
    assert "actress" in varga
    assert "<b>41</b> in" in varga and "<b>42</b> in" in varga
    # 41 on 14 Aug 2023 means born between 15 Aug 1981 and 14 Aug 1982; 42 on 2 Sep 2023 narrows it.
    assert "15 Aug 1981 – 14 Aug 1982" in varga
    assert "The stated ages agree: born between 15 Aug 1981 and 2 Sep 1981." in varga
    assert "7 claims about this person" in varga and 'data-person="0"' in varga
    # Outlets are not people: they are listed among the other entities.
    assert 'id="person-e-lumen' not in page[page.index('id="people"') : page.index('class="others"')]


def test_outlet_view_has_source_mix_and_facts(page):
    table = page[page.index('<table class="outlets">') : page.index("</table>", page.index('<table class="outlets">'))]
    rows = table.split("<tr>")[2:]
    assert rows[0].startswith('\n        <th scope="row">Daily Lumen')
    assert 'title="Observation: 1"' in rows[0] and 'title="Anonymous: 1"' in rows[0]
    assert "Unknown outlet" in table
    assert '<span class="fact-chip s-contradicted">Contradicted 1</span>' in rows[0]
    assert '<span class="fact-chip s-single_source">Single source 1</span>' in rows[0]
    assert 'data-outlet="Daily Lumen">Show these 3 facts</button>' in rows[0]


def test_articles_travel_as_text_with_only_safe_links(data):
    lumen, ledger, bulletin = sorted(data["articles"], key=lambda a: a["id"] != "lumen-1")[:1] + sorted(
        (a for a in data["articles"] if a["id"] != "lumen-1"), key=lambda a: a["id"] != "ledger-7"
    )  # fmt: skip
    assert lumen["u"] == "https://lumen.example/varga-pike" and lumen["ru"] == ""
    assert bulletin["t"] == "" and bulletin["dl"] == "" and bulletin["o"] == data["outlets"].index("Unknown outlet")
    # Text is kept raw (the script puts it in the page as text): the ampersand is not escaped.
    assert "& thanked fans" in bulletin["x"]
    assert [a["n"] for a in (lumen, ledger, bulletin)] == [4, 4, 2]


def test_timeline_svg_is_inline_and_links_to_facts(page):
    svg = page[page.index("<svg") : page.index("</svg>") + 6]
    assert svg.count('<a href="#fact-f-') == 4
    assert "not placed on the chart" in page and "Varga was devastated by the split" in page
    # Rows are labelled with the facts' titles.
    assert "Lena Varga and Jonah Pike have separated" in svg


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
    data = embedded_data(html)
    fact = _fact(data, "age")
    assert "mi" not in fact and len(fact["c"]) == 2
    stand_in = data["claims"][fact["c"][0]]
    text = data["articles"][stand_in["a"]]["x"]
    assert text[stand_in["s"] : stand_in["e"]] == "41" and stand_in["sa"] == 1
    assert text[stand_in["ss"] : stand_in["se"]] == 'A source close to the couple says Varga, 41, "was devastated" by the split.'
    assert data["claims"][fact["c"][1]]["fr"] == "Lena Varga → age → 42"
    assert "It reads 10 claims" in html  # the stand-ins are not counted as claims


def test_default_title_names_the_key_people(page):
    assert re.search(r"<title>Dossier: Lena Varga and Jonah Pike</title>", page)


def test_api_renders_the_stored_story_like_the_records(tmp_path, fixture):
    """Through the store (SQLite round trip) and the API, the dossier matches the direct render."""
    from storyline import api

    readings, story, _ = fixture
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
                      end=f"2023-{i % 12 + 1:02d}-28", fact=f"f-lead{i}", label=f"Lead {i}", status="single_source")
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


def test_a_long_timeline_keeps_only_the_key_chart(fixture, monkeypatch):
    from storyline.present import report

    readings, story, _ = fixture
    monkeypatch.setattr(report, "_TIMELINE_FULL_MAX", 10)
    leads = tuple(
        TimelineEntry(id=f"tl-x{i}", when="2023-05", start="2023-05-01", end="2023-05-31", fact=f"f-lead{i}",
                      label=f"Lead {i}", status="single_source")
        for i in range(26)
    )  # fmt: skip
    html = render_report(readings, replace(story, timeline=story.timeline + leads))
    assert len(re.findall(r"<svg", html)) == 1 and "30 dated entries in all: too many for one chart" in html


def test_many_facts_stay_data_not_markup(fixture):
    """Hundreds of facts add to the data block, not to the page's markup."""
    readings, story, c = fixture
    many = tuple(
        Fact(id=f"f-lead{i:03d}", statement=f"Lead number {i:03d}", predicate_class=None, claims=(c["kids"],),
             articles=("ledger-7",), outlets=("The Ledger Weekly",), independent_sources=1, status="single_source",
             grade="documentary", when=None)
        for i in range(300)
    )  # fmt: skip
    html = render_report(readings, replace(story, facts=story.facts + many))
    assert "Lead number 123" not in html
    data = embedded_data(html)
    assert len(data["facts"]) == 305 and "Lead number 299" in {f["st"] for f in data["facts"]}
    assert len(html) < 2 * len(render_report(readings, story))


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
