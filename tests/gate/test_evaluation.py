"""Unit tests of the gold scorers (storyline.evaluation) on hand-made records: no model."""

from __future__ import annotations

import pytest

from storyline.core.dates import parse_published
from storyline.core.records import (
    Age,
    Article,
    ArticleReading,
    Claim,
    Conflict,
    Echo,
    Fact,
    Mention,
    Source,
    Story,
    Timex,
)
from storyline.evaluation import GoldError, corpus_articles, locate_article, score_readings, score_story
from storyline.evaluation.gold import mention_kind
from storyline.evaluation.locate import (
    locate,
    locate_in_context,
    locate_nearest,
    word_occurrences,
)

TEXT_A = (
    "Celeste Varga, 41, left. “She is done,” a source says. “It is over.” "
    "The Salt Orchard star was seen in Los Angeles on Sunday. The reports are false, Lindqvist said."
)
TEXT_B = "Celeste Varga, 44, was spotted. “She is done,” a friend told Glitter."


def _article(aid: str, text: str, published: str = "2024-01-15") -> Article:
    return Article(id=aid, text=text, outlet="Daily Lumen", published=parse_published(published), title=None, url=f"https://x.example/{aid}",
                   origin="test", format="txt", content_hash="")


def _span(text: str, s: str, k: int = 0) -> tuple[int, int]:
    return locate(text, s, k)


def _mention(aid, text, s, entity="e1", kind="name", k=0):
    start, end = _span(text, s, k)
    return Mention(f"m-{aid}-{start}", aid, entity, start, end, s, kind)


def _claim(aid, text, content, source=None, kind="anonymous", key=None, certainty="certain", polarity="positive", k=0, cid=None):
    start, end = _span(text, content, k)
    if source is not None:
        s_start, s_end = locate_nearest(text, source, (start, end))
        src = Source(kind, source, s_start, s_end, None, "says", "direct", None, key)
    else:
        src = Source(kind, None, None, None, None, None, "none", None, key)
    sentence = (max(0, text.rfind(".", 0, start) + 1), text.find(".", end) + 1 or len(text))
    return Claim(cid or f"c-{aid}-{start}", aid, start, end, content, None, "say", None, None, None, polarity, certainty, (), src,
                 sentence[0], sentence[1])


def _gold(**story) -> dict:
    return {
        "corpus": None,
        "articles": [
            {
                "id": "a", "text": TEXT_A, "published": "2024-01-15",
                "entities": [
                    {"name": "Celeste Varga", "type": "PERSON", "mentions": ["Celeste Varga", "Varga", "The Salt Orchard star"]},
                    {"name": "The Salt Orchard", "type": "WORK", "mentions": ["The Salt Orchard"]},
                    {"name": "Los Angeles", "type": "GPE", "mentions": ["Los Angeles"]},
                    {"name": "Theo Lindqvist", "type": "PERSON", "mentions": ["Lindqvist"]},
                ],
                "timexes": [{"text": "Sunday", "type": "DATE", "value": "2024-01-14", "mod": None}],
                "not_timexes": ["41"],
                "ages": [{"entity": "Celeste Varga", "value": 41}],
                "attributions": [
                    {"content": "She is done", "source": "a source", "kind": "anonymous", "source_id": "anonymous:1",
                     "quote": "direct", "certainty": "certain", "polarity": "positive", "out_of_sentence": False},
                    {"content": "It is over", "source": "a source", "kind": "anonymous", "source_id": "anonymous:1",
                     "quote": "direct", "certainty": "certain", "polarity": "positive", "out_of_sentence": True},
                    {"content": "The Salt Orchard star was seen in Los Angeles on Sunday", "source": None, "kind": "observation",
                     "quote": "none", "certainty": "certain", "polarity": "positive", "out_of_sentence": False},
                    {"content": "The reports are false", "source": "Lindqvist", "kind": "named_person",
                     "quote": "none", "certainty": "certain", "polarity": "negative", "out_of_sentence": False},
                ],
            },
            {"id": "b", "text": TEXT_B, "published": "2024-03-01", "entities": [], "timexes": [], "ages": [], "attributions": []},
        ],
        "story": story,
    }


def _perfect_reading() -> ArticleReading:
    t = TEXT_A
    mentions = (
        _mention("a", t, "Celeste Varga"), _mention("a", t, "The Salt Orchard star", kind="nominal"),
        _mention("a", t, "The Salt Orchard", entity="w"), _mention("a", t, "Los Angeles", entity="g"),
        _mention("a", t, "Lindqvist", entity="l"),
    )
    sunday = _span(t, "Sunday")
    timexes = (Timex("t1", "a", sunday[0], sunday[1], "Sunday", "DATE", "2024-01-14", None, "DCT"),)
    age_span = _span(t, "41")
    ages = (Age("g1", "a", "e1", 41, age_span[0], age_span[1], "2024-01-15"),)
    claims = (
        _claim("a", t, "She is done", "a source", key="anonymous:1"),
        _claim("a", t, "It is over", "a source", key="anonymous:1"),
        _claim("a", t, "The Salt Orchard star was seen in Los Angeles on Sunday", None, kind="observation"),
        _claim("a", t, "The reports are false", "Lindqvist", kind="named_person", polarity="negative"),
    )
    return ArticleReading(_article("a", t), mentions=mentions, timexes=timexes, ages=ages, claims=claims)


# --- locating ---------------------------------------------------------------------------------

def test_locate_requires_occurrence_for_repeated_strings():
    assert locate("a b a", "b") == (2, 3)
    assert locate("a b a", "a", 1) == (4, 5)
    with pytest.raises(GoldError, match="occurs 2 times"):
        locate("a b a", "a")
    with pytest.raises(GoldError, match="not found"):
        locate("a b a", "c")


def test_a_corpus_in_its_own_format_is_not_ingested(tmp_path):
    # The ECB+ gold names its XML corpus and reader; ingesting the directory would read its README.
    (tmp_path / "README.txt").write_text("About this corpus.", encoding="utf-8")
    gold = {"_base": str(tmp_path), "corpus": {"name": "ECB+ 1.0", "reader": "eval/ecbplus_corpus.py"}, "articles": []}
    with pytest.raises(GoldError, match="read by eval/ecbplus_corpus.py"):
        corpus_articles(gold)


def test_word_occurrences_skip_matches_inside_words():
    assert word_occurrences("the he she he’s", "he") == [4, 11]


def test_context_picks_the_pronoun_inside_it():
    text = "She left. Later she said she was fine."
    assert locate_in_context(text, "she", "she was fine") == (25, 28)


def test_source_is_the_occurrence_nearest_its_content_outside_it():
    text = "a source says X. Later, Y, a source says. And she said she was tired."
    content = locate(text, "Y")
    assert locate_nearest(text, "a source", content) == (27, 35)
    # A pronoun inside the content is not its source.
    content = locate(text, "she was tired")
    assert locate_nearest(text, "she", content) == (46, 49)


def test_mention_kind():
    assert mention_kind("she") == "pronoun"
    assert mention_kind("Ms. Varga") == "name"
    assert mention_kind("The Salt Orchard") == "name"
    assert mention_kind("The Salt Orchard star") == "nominal"
    assert mention_kind("the Oscar winner") == "nominal"


def test_mentions_nested_in_names_are_not_counted_but_in_epithets_are():
    located = locate_article(_gold()["articles"][0], TEXT_A)
    spans = {(TEXT_A[m.start:m.end], m.entity) for m in located.mentions}
    assert ("Varga", "Celeste Varga") not in spans  # inside "Celeste Varga"
    assert ("The Salt Orchard", "The Salt Orchard") in spans  # inside the epithet
    assert len(located.mentions) == 5


# --- read-stage scores ------------------------------------------------------------------------

def test_perfect_reading_scores_one_everywhere():
    scores = score_readings(_gold(), [_perfect_reading()])
    assert scores["articles"] == {"matched": 1, "gold": 2}
    assert scores["entities"]["f1"] == 1.0
    assert scores["timexes"]["span"]["f1"] == 1.0 and scores["timexes"]["value_accuracy"] == 1.0
    assert scores["ages"]["recall"] == 1.0
    att = scores["attributions"]
    assert att["f1"] == 1.0 and att["kind_accuracy"] == 1.0 and att["certainty_accuracy"] == 1.0
    assert att["polarity_accuracy"] == 1.0 and att["out_of_sentence_recall"] == 1.0 and att["register_accuracy"] == 1.0


def test_errors_lower_the_right_scores():
    r = _perfect_reading()
    t = TEXT_A
    wrong_timex = Timex("t1", "a", r.timexes[0].start, r.timexes[0].end + 1, "Sunday.", "DATE", "2024-01-21", None, "DCT")
    span41 = _span(t, "41")
    not_timex = Timex("t2", "a", span41[0], span41[1], "41", "DURATION", "P41Y", None, None)
    claims = (
        _claim("a", t, "She is done", "a source", key="anonymous:1"),
        # wrong source: content matches, source does not -> not a pair
        _claim("a", t, "It is over", "Celeste Varga", key="anonymous:1"),
        # null gold source pairs only with a null predicted source; kind and certainty wrong
        _claim("a", t, "The Salt Orchard star was seen", None, kind="unattributed", certainty="probable"),
        _claim("a", t, "The reports are false", "Lindqvist", kind="named_person", polarity="positive"),
    )
    bad = ArticleReading(r.article, mentions=r.mentions[:4], timexes=(wrong_timex, not_timex), ages=(), claims=claims)
    scores = score_readings(_gold(), [bad])
    assert scores["entities"]["recall"] == 0.8 and scores["entities"]["precision"] == 1.0
    assert scores["timexes"]["span"]["recall"] == 1.0 and scores["timexes"]["span_strict"]["recall"] == 0.0
    assert scores["timexes"]["value_accuracy"] == 0.0 and scores["timexes"]["not_timexes_tagged"] == 1
    assert scores["ages"]["recall"] == 0.0
    att = scores["attributions"]
    assert (att["tp"], att["gold"], att["pred"]) == (3, 4, 4)
    assert att["content_recall"] == 1.0
    assert att["kind_accuracy"] == round(2 / 3, 4)
    assert att["polarity_accuracy"] == round(2 / 3, 4)
    assert att["out_of_sentence_recall"] == 0.0


def test_content_and_source_are_scored_apart():
    r = _perfect_reading()
    claims = (
        _claim("a", TEXT_A, "She is done", "a source", key="anonymous:1"),
        _claim("a", TEXT_A, "It is over", "Lindqvist", kind="named_person"),  # content right, source wrong
        _claim("a", TEXT_A, "The reports are false", "Lindqvist", kind="named_person"),
        _claim("a", TEXT_A, "Celeste Varga, 41, left", "Celeste Varga", kind="named_person"),  # not in the gold
    )
    att = score_readings(_gold(), [ArticleReading(r.article, claims=claims)])["attributions"]
    assert (att["tp"], att["pred"], att["gold"]) == (2, 4, 4)
    assert (att["content"]["tp"], att["content"]["pred"], att["content"]["gold"]) == (3, 4, 4)
    # Sources are mentions: the two "a source" contents share one gold span, the two Lindqvist claims one.
    assert (att["source"]["tp"], att["source"]["pred"], att["source"]["gold"]) == (2, 3, 2)
    assert att["kind_recall_by_kind"] == {"anonymous": 0.5, "named_person": 1.0, "observation": 0.0}


def test_unattributed_claims_are_optional_when_gold_has_no_narration():
    r = _perfect_reading()
    narration = _claim("a", TEXT_A, "Celeste Varga, 41, left", None, kind="unattributed")
    scores = score_readings(_gold(), [ArticleReading(r.article, claims=r.claims + (narration,))])
    assert scores["attributions"]["precision"] == 1.0


def test_claims_split_off_a_matched_attribution_are_not_false_positives():
    r = _perfect_reading()
    part = _claim("a", TEXT_A, "is done", "a source", key="anonymous:1", cid="c-part")
    elsewhere = _claim("a", TEXT_A, "left", "a source", key="anonymous:1", cid="c-other")
    scores = score_readings(_gold(), [ArticleReading(r.article, claims=r.claims + (part, elsewhere))])
    assert (scores["attributions"]["tp"], scores["attributions"]["pred"]) == (4, 5)


def test_register_merging_two_anonymous_sources_is_penalised():
    gold = _gold()
    gold["articles"][0]["attributions"][1]["source_id"] = "anonymous:2"
    scores = score_readings(gold, [_perfect_reading()])
    assert scores["attributions"]["register_accuracy"] == 0.0


def test_articles_match_by_url_when_ids_differ():
    gold = _gold()
    gold["articles"][0]["url"] = "https://x.example/a"
    gold["articles"][0]["id"] = "gold-id"
    scores = score_readings(gold, [_perfect_reading()])
    assert scores["articles"]["matched"] == 1 and scores["entities"]["f1"] == 1.0


# --- story scores -----------------------------------------------------------------------------

def _story_fixture():
    ra = _perfect_reading()
    tb = TEXT_B
    rb = ArticleReading(
        _article("b", tb, "2024-03-01"),
        ages=(Age("g2", "b", "e9", 44, *_span(tb, "44"), "2024-03-01"),),
        claims=(_claim("b", tb, "She is done", "a friend", cid="c-echo"),),
    )
    gold = _gold(
        conflicts=[{"kind": "age", "between": [["a", "Celeste Varga, 41"], ["b", "Celeste Varga, 44"]], "reason_mentions": ["41", ["44", "forty-four"]]}],
        traps=[{"kind": "date", "between": [["a", "on Sunday"], [["b", "was spotted"]]]}],
        echoes=[{"claim": ["b", "She is done"], "original": ["a", "She is done"]}],
        facts=[{"about": "done", "claims": [["a", "She is done"], ["b", "She is done"]], "status": "single_source", "independent_sources": 1}],
    )
    return gold, ra, rb


def test_story_scores_reward_found_conflicts_and_echoes():
    gold, ra, rb = _story_fixture()
    original = ra.claims[0].id
    story = Story(
        facts=(Fact("f1", "done", None, (original, "c-echo"), ("a", "b"), ("Daily Lumen",), 1, "single_source", "anonymous", None),),
        conflicts=(Conflict("k1", "f1", ("g1", "g2"), "age", "Varga is 41 on 2024-01-15 but 44 on 2024-03-01"),),
        echoes=(Echo("x1", "c-echo", original, "identical quoted words"),),
    )
    s = score_story(gold, [ra, rb], story)
    assert s["conflicts_found"] == 1.0 and s["conflicts_spurious"] == 0
    assert s["traps_not_flagged"] == 1.0
    assert s["echoes_found"] == 1.0 and s["echoes_counted_once"] == 1.0
    assert s["fact_status_accuracy"] == 1.0 and s["fact_sources_accuracy"] == 1.0
    assert s["unresolved_refs"] == []


def test_story_scores_penalise_vague_reasons_flagged_traps_and_double_counting():
    gold, ra, rb = _story_fixture()
    original = ra.claims[0].id
    sunday_timex = ra.timexes[0].id
    spotted = _claim("b", TEXT_B, "was spotted", None, kind="observation", cid="c-spot")
    rb = ArticleReading(rb.article, ages=rb.ages, claims=rb.claims + (spotted,))
    story = Story(
        facts=(Fact("f1", "done", None, (original, "c-echo"), ("a", "b"), ("Daily Lumen",), 2, "corroborated", "anonymous", None),),
        conflicts=(
            Conflict("k1", "f1", ("g1", "g2"), "age", "the ages differ"),
            Conflict("k2", "f1", (sunday_timex, "c-spot"), "date", "dates differ"),
        ),
        echoes=(Echo("x1", "c-echo", original, "identical quoted words"),),
    )
    s = score_story(gold, [ra, rb], story)
    assert s["conflicts_located"] == 1.0 and s["conflicts_found"] == 0.0
    assert s["traps_not_flagged"] == 0.0 and s["conflicts_spurious"] == 1
    assert s["echoes_found"] == 1.0 and s["echoes_counted_once"] == 0.0
    assert s["fact_status_accuracy"] == 0.0


def test_out_of_sentence_source_must_resolve_to_the_right_referent():
    from collections import Counter

    from storyline.core.records import Claim, Source
    from storyline.evaluation.gold import GoldAttribution
    from storyline.evaluation.readings import _referent_ok

    def claim(key, entity):
        src = Source("anonymous", "the insider", 50, 61, entity, "says", "direct", None, key)
        return Claim("c", "a", 0, 10, "x", None, "say", None, None, None, "positive", "certain", (), src, 0, 70)

    anon = GoldAttribution((0, 10), (50, 61), "anonymous", "anonymous:2", None, "direct", "certain", "positive", True, False)
    owner, clashes = {"anonymous:1": "anonymous:1", "anonymous:2": "anonymous:2"}, Counter({"anonymous:1": 1, "anonymous:2": 1})
    assert _referent_ok(anon, claim("anonymous:2", None), {}, owner, clashes)
    assert not _referent_ok(anon, claim("anonymous:1", None), {}, owner, clashes)
    named = GoldAttribution((0, 10), (50, 52), "named_person", None, "Theo Lindqvist", "direct", "certain", "positive", True, False)
    assert _referent_ok(named, claim(None, "e-1"), {"e-1": "Theo Lindqvist"}, owner, clashes)
    assert not _referent_ok(named, claim(None, "e-2"), {"e-2": "Celeste Varga"}, owner, clashes)


# --- attributions are scored as attributions, not as claims ----------------------------------

TEXT_C = ('Ames said the man fled and the car burned. Police said the road was shut and the bridge fell. '
          '"The numbers are wrong," Ortiz said, "and the towers are empty."')


def _gold_c(*attributions) -> dict:
    return {"corpus": None, "articles": [{"id": "c", "text": TEXT_C, "published": "2024-01-15", "attributions": [
        {"content": content, "source": source, "kind": kind, "quote": "indirect", "certainty": "certain",
         "polarity": "positive", "out_of_sentence": False} for content, source, kind in attributions]}]}


def test_an_attribution_counts_once_however_many_claims_its_content_holds():
    # PARC-style (tests/gold/ecbplus_attribution.md): an attribution is source + cue + content;
    # the claims component splitting a content into clauses must not multiply predictions.
    gold = _gold_c(("the man fled and the car burned", "Ames", "named_person"))
    claims = tuple(_claim("c", TEXT_C, content, source, kind=kind) for content, source, kind in (
        ("the man fled", "Ames", "named_person"), ("the car burned", "Ames", "named_person"),
        # an attribution the gold does not hold, read as two claims: one false positive
        ("the road was shut", "Police", "organization"), ("the bridge fell", "Police", "organization"),
    ))
    att = score_readings(gold, [ArticleReading(_article("c", TEXT_C), claims=claims)])["attributions"]
    assert (att["tp"], att["pred"], att["gold"]) == (1, 2, 1)
    assert (att["content"]["tp"], att["content"]["pred"]) == (1, 2)


def test_a_wrongly_sourced_attribution_counts_once():
    gold = _gold_c(("the road was shut and the bridge fell", "Police", "organization"))
    claims = (_claim("c", TEXT_C, "the road was shut", "Ames", kind="named_person"),
              _claim("c", TEXT_C, "the bridge fell", "Ames", kind="named_person"))
    att = score_readings(gold, [ArticleReading(_article("c", TEXT_C), claims=claims)])["attributions"]
    assert (att["tp"], att["pred"], att["gold"]) == (0, 1, 1)


def test_a_quote_split_around_its_cue_stays_two_attributions():
    gold = _gold_c(("The numbers are wrong", "Ortiz", "named_person"), ("and the towers are empty", "Ortiz", "named_person"))
    claims = (_claim("c", TEXT_C, "The numbers are wrong", "Ortiz", kind="named_person"),
              _claim("c", TEXT_C, "the towers are empty", "Ortiz", kind="named_person"))
    att = score_readings(gold, [ArticleReading(_article("c", TEXT_C), claims=claims)])["attributions"]
    assert (att["tp"], att["pred"], att["gold"]) == (2, 2, 2)
