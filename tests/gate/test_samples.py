"""The two real sample articles (../shared/samples, read in place, never copied): the cases the
issues name, end to end. Skipped when the samples are not beside the repository."""

from __future__ import annotations

import io

import pytest
from helpers.paths import SAMPLES

from storyline import api

FILES = {  # file -> (outlet, published), as in the samples' README
    "002_f4c83df9450b0ae7.txt": ("Life & Style", "2023-08-16"),
    "000_eed9f197d463ef0c.txt": ("Us Weekly", "2024-01-17"),
}
pytestmark = [pytest.mark.model, pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples not present")]


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    db = tmp_path_factory.mktemp("samples") / "s.db"
    with api.open_store(db) as store:
        for name, (outlet, published) in FILES.items():
            text = (SAMPLES / name).read_text("utf-8")
            stdin = io.BytesIO(f"---\noutlet: {outlet}\npublished: {published}\n---\n{text}".encode())
            api.analyze(["-"], store, stdin=stdin)
        yield store.readings(), store.story()


def _reading(readings, outlet):
    return next(r for r in readings if r.article.outlet == outlet)


def test_no_false_conflicts_between_the_two_outlets(story):
    """Ages 42/46 agree across dates; 'the 2009 set of Black Swan' vs '2010’s Black Swan' and the
    anniversary 'exactly a year later' are not contradictions."""
    _, st = story
    assert st.conflicts == ()
    ages = [f for f in st.facts if f.predicate_class == "age"]
    assert ages and all(f.status == "corroborated" and f.independent_sources == 2 for f in ages)


def test_times_resolved_against_each_publication_date(story):
    readings, _ = story
    values = {t.text: (t.value, t.mod) for r in readings for t in r.timexes}
    assert values["exactly a year later"] == ("2023-08-04", None)
    assert values["March"] == ("2023-03", None)
    assert values["the end of last year"] == ("2023", "END")
    assert values["over a year ago"][1] == "MORE_THAN"
    assert values["January 9"] == ("2024-01-09", None)
    assert values["11 years"] == ("P11Y", None)
    texts = {t.text for r in readings for t in r.timexes}
    assert not texts & {"May December", "42", "46", "25-year-old", "10th", "the end of the day"}


def test_people_outlets_and_works_are_typed(story):
    readings, _ = story
    us = _reading(readings, "Us Weekly")
    types = {e.name: e.type for e in us.entities}
    assert types["Us Weekly"] == "OUTLET" and types["May December"] == "WORK" and types["Black Swan"] == "WORK"
    assert types["Benjamin Millepied"] == "PERSON" and types["Aleph"] == "PERSON" and types["Amalia"] == "PERSON"
    mill = next(e for e in us.entities if e.name == "Benjamin Millepied")
    surface = {m.text for m in us.mentions if m.entity == mill.id}
    assert {"Millepied", "Ben", "Benjamin"} <= surface


def test_first_and_second_insiders_stay_apart(story):
    readings, _ = story
    us = _reading(readings, "Us Weekly")
    keys: dict[str, set] = {}
    for c in us.claims:
        if c.source.text:
            keys.setdefault(c.source.text.lower(), set()).add((c.source.kind, c.source.key))
    (first,) = keys["a source"]
    (second,) = keys["a second insider"]
    assert first[0] == second[0] == "anonymous" and first[1] != second[1]
    assert keys["the first insider"] == {first}  # referred back to, not a third source
    assert keys["the second source"] == {second}
    assert ("outlet", "outlet") in keys["us"]  # "Us confirmed in August 2023 that ..."
