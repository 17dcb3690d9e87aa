"""Reconcile compares the words the reader recorded (Claim.lemmas, ArticleReading.sentences) and
never tokenises text: what it finds follows the records, and a reading stored without them
(before schema 8) still reconciles, only without alignment or echoes by wording."""

from __future__ import annotations

from dataclasses import replace

from helpers.builders import ArticleBuilder

from storyline.core.records import Sentence
from storyline.reconcile import reconcile
from storyline.reconcile.cast import build_cast
from storyline.reconcile.features import build_views

_COPIED = "Quinn and Vance quietly ended their marriage after a long and painful summer in Lisbon"


def _couple(b: ArticleBuilder):
    m = b.person("Mara Quinn", aliases=("Quinn",))
    t = b.person("Theo Vance", aliases=("Vance",))
    return b.group("the couple", [m, t])


def _views(*readings):
    readings = list(readings)
    return {v.claim.id: v for v in build_views(readings, build_cast(readings))}


def test_a_claim_s_content_tokens_are_its_recorded_lemmas_without_the_story_s_names():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    g = _couple(a)
    cid = a.claim("Quinn separated from her husband", subject=g, pclass="separation")
    r = a.build()
    r = replace(r, claims=(replace(r.claims[0], lemmas=("quinn", "separate", "husband")),))
    assert _views(r)[cid].tokens == {"separate", "husband"}


def test_a_claim_s_sentence_words_are_those_of_every_sentence_its_span_covers():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    g = _couple(a)
    a.say("Friends were stunned.")
    cid = a.claim("the couple split", subject=g, pclass="separation", before="“It is over,” said a friend: ")
    r = a.build()
    c = r.claims[0]
    assert _views(r)[cid].sentence_words == {"it", "is", "over", "said", "a", "friend", "the", "couple", "split"}
    wider = replace(c, sentence_start=0)  # a quote running over the sentence before
    assert _views(replace(r, claims=(wider,)))[cid].sentence_words >= {"friends", "stunned", "split"}
    assert _views(replace(r, sentences=()))[cid].sentence_words == frozenset()


def _copied_pair() -> tuple[list, list[str]]:
    readings, ids = [], []
    for aid, outlet, day in (("a1", "Daily Lumen", "2024-01-17"), ("b1", "Star Ledger", "2024-01-18")):
        b = ArticleBuilder(aid, outlet, day)
        g = _couple(b)
        ids.append(b.claim(_COPIED, subject=g, pclass="separation"))
        readings.append(b.build())
    return readings, ids


def test_a_copied_sentence_is_recognised_by_the_words_the_reader_recorded_for_it():
    readings, ids = _copied_pair()
    [echo] = reconcile(readings).echoes
    assert echo.claim == ids[1]
    # The same text, but the reader recorded other words for the later sentence: no copy.
    later = readings[1]
    s = later.sentences[-1]
    other = replace(s, words=("the", "pair", "parted", "ways", "last", "year", "after", "long", "rows", "in", "lisbon"))
    assert not reconcile([readings[0], replace(later, sentences=(*later.sentences[:-1], other))]).echoes


def test_readings_stored_without_words_reconcile_without_echoes_by_wording():
    readings, ids = _copied_pair()
    old = [replace(r, claims=tuple(replace(c, lemmas=()) for c in r.claims), sentences=()) for r in readings]
    story = reconcile(old)
    assert not story.echoes
    fact = next(f for f in story.facts if ids[0] in f.claims)
    assert ids[1] in fact.claims  # a once-only event of one couple is one fact, words or none


def test_a_sentence_record_without_words_is_never_a_copy():
    readings, _ = _copied_pair()
    bare = [replace(r, sentences=tuple(Sentence(s.id, s.article, s.start, s.end, ()) for s in r.sentences)) for r in readings]
    assert not reconcile(bare).echoes


def test_views_by_article_keep_each_articles_views_in_order_whether_or_not_they_come_together():
    from types import SimpleNamespace

    from storyline.reconcile.features import by_article

    rng = __import__("random").Random(3)
    for _ in range(20):
        views = [SimpleNamespace(article=SimpleNamespace(id=rng.choice("abcd")), n=n) for n in range(rng.randrange(12))]
        if rng.random() < 0.5:
            views.sort(key=lambda v: v.article.id)  # as in the story's order: an article's views together
        expected: dict = {}
        for v in views:
            expected.setdefault(v.article.id, []).append(v)
        got = by_article(iter(views))
        assert list(got) == list(expected) and got == expected


def test_the_count_of_an_unnamed_group_stays_a_content_word():
    # After ECB+ 20_4ecb (CC BY 3.0): "injured almost 50", its 50 people an unnamed group the
    # read stage names "50 people"; the count tells it apart from "injuring five people".
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    fifty = a.entity("50 people", "GROUP", gender="plural", attributes={"unnamed": True, "roles": ["50 people"]})
    cid = a.claim("The quake injured almost 50", object=fifty, predicate="injure")
    r = a.build()
    r = replace(r, claims=(replace(r.claims[0], lemmas=("quake", "injure", "almost", "50")),))
    assert _views(r)[cid].tokens == {"quake", "injure", "almost", "50"}
