"""TimelineJS for a reader: whole headlines, status names as the dossier writes them, links to
the articles (the defects: a headline cut at an inner quote, groups shown as SINGLE_SOURCE)."""

from __future__ import annotations

import dataclasses

from helpers.builders import ArticleBuilder

from storyline.core.vocab import STATUS
from storyline.present.timelinejs import to_timelinejs
from storyline.reconcile import reconcile

LONG = ("The choreographer is due back in Los Angeles next month for the spring season of his dance company, "
        "the Atlas Dance Theater, which opens with a new piece")


def _story():
    a = ArticleBuilder("a1", "The Morning Ledger", "2024-05-09")
    varga = a.person("Celeste Varga", aliases=("Ms. Varga",), gender="female")
    a.claim("Ms. Varga rose to prominence in the 2009 independent drama “Wren", subject=varga, pclass="career",
            predicate="rise", when="2009", after="” and won the Academy Award.")
    theo = a.person("Theo Lindqvist", aliases=("The choreographer",), gender="male")
    a.claim(LONG, subject=theo, pclass="travel", predicate="return", when="2024-06", when_text="next month")
    b = ArticleBuilder("b1", "Glitter", "2024-02-06")
    noor = b.person("Noor Aldana", gender="female")
    b.claim("posted a sunset photo from a Lisbon rooftop on Saturday with the", subject=noor, pclass="post",
            predicate="post", when="2024-02-03", when_text="Saturday", before="She ",
            after=" caption “Some cities keep your secrets,” and fans were quick to read between the lines.")
    ra, rb = a.build(), b.build()
    ra = dataclasses.replace(ra, article=dataclasses.replace(ra.article, url="https://ledger.example/varga-profile"))
    rb = dataclasses.replace(rb, article=dataclasses.replace(rb.article, url="javascript:alert(1)"))
    readings = [ra, rb]
    return reconcile(readings), readings


def _events():
    story, readings = _story()
    return {e["unique_id"]: e for e in to_timelinejs(story, readings)["events"]}, story


def test_headlines_are_whole_and_close_their_quotes():
    events, _ = _events()
    headlines = {e["text"]["headline"] for e in events.values()}
    assert "Ms. Varga rose to prominence in the 2009 independent drama “Wren”" in headlines
    assert LONG in headlines  # not cut at 90 characters
    assert ("posted a sunset photo from a Lisbon rooftop on Saturday with the caption “Some cities keep your "
            "secrets,”") in headlines
    assert not any(h.endswith("…") for h in headlines)


def test_groups_are_the_status_labels():
    events, story = _events()
    status = {f.id: f.status for f in story.facts}
    for fid, e in events.items():
        assert e["group"] == STATUS[status[fid]].label
    assert "Single source" in {e["group"] for e in events.values()}


def test_each_claim_links_to_its_article_when_its_url_is_safe():
    events, _ = _events()
    texts = "".join(e["text"]["text"] for e in events.values())
    assert '<a href="https://ledger.example/varga-profile"' in texts
    assert "javascript:" not in texts  # an unsafe URL is not linked
    assert "Glitter" in texts and "2024-02-06" in texts


def test_a_claim_read_before_schema_8_is_its_own_words():
    # No recorded headline end: the claim as written, its quote left open rather than guessed.
    story, readings = _story()
    old = [dataclasses.replace(r, claims=tuple(dataclasses.replace(c, headline_end=None) for c in r.claims)) for r in readings]
    headlines = {e["text"]["headline"] for e in to_timelinejs(story, old)["events"]}
    assert "Ms. Varga rose to prominence in the 2009 independent drama “Wren" in headlines
