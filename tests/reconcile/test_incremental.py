"""Incremental reconcile (``ReconcileCache``) gives the story a full reconcile gives, whatever the
order and the batches the articles come in (and when some are taken out or read anew)."""

from __future__ import annotations

import dataclasses
import random

import pytest
from helpers.messy import random_corpus

from storyline.core.options import ReconcileOptions
from storyline.reconcile import ReconcileCache, reconcile


def _pile(seed: int, stories: int = 4) -> list:
    """Several messy corpora about the same names (so the cast links across them), one article list."""
    return [r for s in range(stories) for r in random_corpus(seed * 100 + s)]


def _grow(readings: list, rng: random.Random, options: ReconcileOptions | None = None, *, churn: bool = False,
          scanned: list | None = None) -> int:
    """Add ``readings`` in a random order, in random batches, to one story reconciled incrementally;
    after each batch the story must equal a full reconcile of the same readings. With ``churn``, an
    article is now and then taken out, or replaced by a changed reading. Returns the drafts reused
    (and appends to ``scanned`` each reconcile's claims whose scan was resumed)."""
    order = list(readings)
    rng.shuffle(order)
    cache, held, reused = ReconcileCache(), [], 0
    while order:
        k = rng.choice([1, 1, 1, 2, 3, 5])
        held += order[:k]
        del order[:k]
        if churn and len(held) > 2 and rng.random() < 0.3:
            i = rng.randrange(len(held))
            if rng.random() < 0.5:
                order.append(held.pop(i))  # taken out, back later
            else:  # read anew: its first claim now negated
                r = held[i]
                if r.claims:
                    first = dataclasses.replace(r.claims[0], polarity="negative" if r.claims[0].polarity == "positive" else "positive")
                    held[i] = dataclasses.replace(r, claims=(first, *r.claims[1:]))
        story = reconcile(held, options, cache=cache)
        assert story == reconcile(held, options), f"incremental != full after {len(held)} articles"
        reused += cache.stats["drafts_hit"]
        if scanned is not None:
            scanned.append(cache.stats["scanned_hit"])
    return reused


@pytest.mark.parametrize("seed", range(8))
def test_adding_articles_in_any_order_and_batches_gives_the_full_story(seed):
    reused = _grow(_pile(seed), random.Random(seed))
    assert reused > 0  # the cache was used, not bypassed


def test_a_growing_story_resumes_its_facts_scans():
    scanned = []
    _grow(_pile(0), random.Random(0), scanned=scanned)
    assert sum(scanned) > 0  # claims a fact's last scan judged were skipped, not scanned again


@pytest.mark.parametrize("seed", range(4))
def test_taking_out_and_reading_anew_gives_the_full_story(seed):
    _grow(_pile(seed + 50), random.Random(seed), churn=True)


def test_other_options_are_not_served_from_the_cache():
    readings = _pile(3)
    cache = ReconcileCache()
    reconcile(readings, ReconcileOptions(), cache=cache)
    strict = ReconcileOptions(similarity_threshold=0.9, echo_similarity=0.95)
    assert reconcile(readings, strict, cache=cache) == reconcile(readings, strict)
    assert cache.stats["drafts_hit"] == 0


def test_nothing_changed_reuses_every_draft_and_equal_new_objects_count_as_unchanged():
    readings = _pile(5)
    cache = ReconcileCache()
    first = reconcile(readings, cache=cache)
    again = [dataclasses.replace(r) for r in readings]  # what a store hands back: equal, not the same
    assert reconcile(again, cache=cache) == first
    assert cache.stats["drafts_miss"] == 0 and cache.stats["views_miss"] == 0


def test_a_failed_reconcile_leaves_an_empty_cache(monkeypatch):
    import storyline.reconcile as stage

    readings = _pile(6)
    cache = ReconcileCache()
    reconcile(readings, cache=cache)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(stage, "group_events", broken)
    with pytest.raises(RuntimeError):
        reconcile(readings, cache=cache)
    monkeypatch.undo()
    assert reconcile(readings, cache=cache) == reconcile(readings)
    assert cache.stats["drafts_hit"] == 0


@pytest.mark.fuzz
def test_any_order_any_batches_fuzzed():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.integers(0, 10_000), st.integers(0, 10_000), st.booleans())
    def run(pile, order, churn):
        _grow(_pile(pile, 3), random.Random(order), churn=churn)

    run()


# -- real readings: the demo and a real-news story (ECB+), read with the model -----------------


@pytest.fixture(scope="module")
def demo_readings():
    """The fiction demo and the real demo (eleven ECB+ articles on the 2005 Qeshm earthquake, CC BY
    3.0: see src/storyline/demo_real/README.md), read once."""
    from storyline import api

    out = {}
    for name in ("fiction", "real"):
        articles = api.ingest([api.demo_corpus(name)]).articles
        out[name] = [r for _, r in api.read(articles)]
    return out


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("name", ["fiction", "real"])
@pytest.mark.parametrize("seed", range(3))
def test_demo_stories_grow_incrementally_to_the_full_story(demo_readings, name, seed):
    readings = demo_readings[name]
    assert all(not isinstance(r, Exception) for r in readings) and len(readings) >= 7
    _grow(readings, random.Random(seed), churn=seed == 2)


def test_a_claims_words_follow_the_names_the_story_gains():
    # "Harbour" is a word of the first article's claim until another article names a place so:
    # then it is a name, and no longer content the claim shares with others.
    from helpers.builders import ArticleBuilder

    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import article_views, name_words

    a = ArticleBuilder("a", "Daily Lumen", "2024-01-17")
    a.claim("Mara Quinn sang at the harbour", subject=a.person("Mara Quinn"), predicate="sing")
    a = a.build()
    b = ArticleBuilder("b", "Star Ledger", "2024-01-18")
    b.entity("Harbour", "GPE")
    b.claim("Fans gathered in Harbour", predicate="gather")
    b = b.build()
    cache = ReconcileCache()
    for readings in ([a], [a, b]):
        cache.begin(ReconcileOptions())
        cast = build_cast(readings)
        views = cache.article_views(a, cast, name_words(cast))
        cache.end()
        assert [v.tokens for v in views] == [v.tokens for v in article_views(a, cast, name_words(cast))]
    assert "harbour" not in views[0].tokens


def test_one_article_given_twice_is_reconciled_as_without_a_cache():
    readings = _pile(7)
    twice = readings + readings[:1]
    cache = ReconcileCache()
    reconcile(readings, cache=cache)
    assert reconcile(twice, cache=cache) == reconcile(twice)


# -- the cast's reused steps (storyline.reconcile.cast.CastSteps) --------------------------------


def _cast_story() -> list:
    """Articles whose order changes the cast: names whose type the story's votes settle ("Goursin"
    a person in one article, a village in others; "Glass Heart" a person here, a work there), the
    lede rule (an article rule: "the woman" and Yvonne Hiller did the same deeds) and a person
    the deeds of other articles name ("the accountant" ~ Lacalamita)."""
    from dataclasses import replace

    from helpers.builders import ArticleBuilder

    def deed(b, text, who, key="shoot.v.01", frame="verb.contact"):
        b.claim(text, subject=who, predicate=key.split(".")[0])
        b.claims[-1] = replace(b.claims[-1], event_key=key, frame=frame, eventive=True)

    out = []
    for i in range(4):
        b = ArticleBuilder(f"g{i}", "Wire", f"2024-01-1{i}")
        (b.person if i == 0 else b.entity)("Goursin", **({} if i == 0 else {"type": "GPE"}))
        b.person("Goursin Mayor", aliases=("the mayor",), gender="male")
        out.append(b.build())
    for i, kind in enumerate(("WORK", "PERSON", "PERSON")):
        b = ArticleBuilder(f"w{i}", "Glitter", f"2024-02-0{i + 1}")
        (b.person("Glass Heart") if kind == "PERSON" else b.entity("Glass Heart", type=kind))
        out.append(b.build())
    b = ArticleBuilder("l1", "Daily Lumen", "2024-01-17")
    w = b.person("the woman", gender="female", attributes={"roles": ["woman"], "unnamed": True})
    h = b.person("Yvonne Hiller", gender="female")
    for doer in (w, h):
        deed(b, "opened fire on co-workers", doer, "open_fire.v.01", "verb.competition")
        deed(b, "killed two", doer, "kill.v.01")
    out.append(b.build())
    b = ArticleBuilder("d1", "Daily Lumen", "2024-01-17")
    acc = b.person("the accountant", gender="male", attributes={"roles": ["accountant"], "unnamed": True})
    deed(b, "The accountant shot three co-workers", acc)
    deed(b, "The accountant fled", acc, "flee.v.01", "verb.motion")
    out.append(b.build())
    for i in range(2):
        b = ArticleBuilder(f"n{i}", "Star Ledger", f"2024-01-1{8 + i}")
        lac = b.person("Anthony Lacalamita", gender="male")
        deed(b, "Anthony Lacalamita shot three co-workers", lac)
        deed(b, "Lacalamita fled", lac, "flee.v.01", "verb.motion")
        out.append(b.build())
    return out


@pytest.mark.parametrize("seed", range(6))
def test_the_cast_grows_to_the_full_cast_as_votes_flip_and_article_rules_link(seed):
    readings = _cast_story() + _pile(seed + 90, 1)
    _grow(readings, random.Random(seed), churn=seed % 2 == 1)
    # the steps were reused, not bypassed
    cache = ReconcileCache()
    reconcile(readings[:-1], cache=cache)
    assert reconcile(readings, cache=cache) == reconcile(readings)
    assert cache.stats["articles_hit"] >= len(readings) - 1 and cache.stats["settled_hit"] > 0


# -- the step across facts (storyline.reconcile.across.article_told) ------------------------------


def _told_story():
    from helpers.builders import ArticleBuilder

    a = ArticleBuilder("a1", "AP", "2024-12-03")
    a.entity("Varo", "LOC")
    a.claim("the quake struck Varo, home to 120,000 people", predicate="strike")
    a.claim("the tremor lasted 30 seconds", predicate="last")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    b.entity("Varo Island", "LOC")
    b.claim("the quake was centred near Varo Island, home to 200,000 people", predicate="centre")
    return [a.build(), b.build()]


def test_what_an_article_tells_across_facts_is_reused_only_while_all_it_read_is_the_same():
    """:meth:`ReconcileCache.told` asked again: the reading and view objects the same, but the
    story entity of its place, or its article's lower bounds, changed: it must give what
    :func:`article_told` gives (and it gives the object it kept when nothing changed)."""
    from storyline.reconcile.across import article_told
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.conflicts import lower_bounds
    from storyline.reconcile.features import build_views

    readings = _told_story()
    a = readings[0]
    cast = build_cast(readings)
    views = [v for v in build_views(readings, cast) if v.article.id == a.article.id]
    bounds = lower_bounds(views)
    moved = dataclasses.replace(cast, of={k: (v + "-moved" if v == cast.of[a.entities[0].id] else v) for k, v in cast.of.items()})
    [figure] = [f for v in views for f in article_told([a], [v], cast, bounds).figures]
    low = {a.article.id: [article_told([a], views, cast, bounds).measured[0][1][0]]}  # "at least 120,000" elsewhere in it
    asked = [(cast, bounds), (cast, bounds), (moved, bounds), (moved, low), (moved, low)]
    cache, told = ReconcileCache(), []
    for of, bs in asked:
        cache.begin(ReconcileOptions())
        told.append(cache.told([a], views, of, bs))
        cache.end()
        assert told[-1] == article_told([a], views, of, bs)
    assert told[1] is told[0] and told[4] is told[3]  # nothing changed: kept
    assert told[2].figures[0].holder != figure.holder  # the place's story entity, read again
    assert told[3].measured != told[2].measured  # its figure, now a lower bound
    # the same views of a reading read again (its place now named after the figure): read again
    moved_place = dataclasses.replace(a, mentions=tuple(dataclasses.replace(m, start=60, end=61) for m in a.mentions))
    cache.begin(ReconcileOptions())
    assert cache.told([moved_place], views, moved, low) == article_told([moved_place], views, moved, low) != told[-1]
    cache.end()
    # new views of the same reading (made again, here without their figures): read again
    cache.begin(ReconcileOptions())
    other = [dataclasses.replace(v, claim=dataclasses.replace(v.claim, quantities=())) for v in views]
    assert cache.told([moved_place], other, moved, low) == article_told([moved_place], other, moved, low) != told[-1]
    cache.end()


def test_votes_that_settle_nothing_keep_each_articles_entities_however_the_counts_move():
    # every article names the same people: each new one changes every name's counts, but no name
    # is typed two ways, so no article is settled again; the retyped ones are once the votes go
    readings = _pile(11, 2)
    cache = ReconcileCache()
    reconcile(readings[:-1], cache=cache)
    assert reconcile(readings, cache=cache) == reconcile(readings)
    assert cache.stats["settled_hit"] == len(readings) - 1
    goursin = _cast_story()[:4]  # "Goursin" a person in one article, a village in three
    reconcile(goursin, cache=cache)
    assert reconcile(goursin[:1], cache=cache) == reconcile(goursin[:1])


# -- relay lookups (storyline.reconcile.independence.RelayIndex) ----------------------------------


def _relay_story(seed: int, rng: random.Random, monkeypatch) -> tuple:
    """Readings, their views, their outlets' keys and half the articles (by index), with the relay
    lookups' pools made small (claims are pushed out of them)."""
    from storyline.reconcile import independence
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import build_views

    monkeypatch.setattr(independence, "_RELAY_CAP", 4)
    readings = _pile(seed, 2)
    views = build_views(readings, build_cast(readings))
    outlets = sorted({independence.outlet_key(v.outlet) for v in views})
    return readings, views, outlets, set(rng.sample(range(len(readings)), len(readings) // 2))


@pytest.mark.parametrize("seed", range(4))
def test_a_relay_lookup_asked_again_of_changed_candidates_finds_what_a_fresh_index_finds(seed, monkeypatch):
    """Each lookup's answer is kept with its candidates; when they change (articles come, go, or
    push older claims out of the capped pools) only the new ones are compared with the old answer,
    which must give what a fresh index finds, also when the old answer is gone."""
    from storyline.reconcile.independence import RelayIndex

    rng = random.Random(seed)
    readings, views, outlets, held = _relay_story(seed + 30, rng, monkeypatch)
    last: dict = {}
    index = None
    again = gone = grown = 0
    for step in range(8):
        ids = {readings[i].article.id for i in held}
        now_views = [v for v in views if v.article.id in ids]
        now: dict = {}
        # grown from the last index when articles only came (the last one gives its candidates up)
        memo, fresh = RelayIndex(now_views, (last, now), last=index), RelayIndex(now_views)
        grown += memo.changed is not None
        for o in outlets:
            for v in now_views:
                assert memo(o, v) is fresh(o, v)
        changed = [(last[k][2], x[1]) for k, x in now.items() if k in last and last[k][1] != x[1]]
        again += len(changed)
        gone += sum(1 for was, pools in changed if was is not None and all(o is not was for p in pools for o in p))
        last, index = now, memo
        for i in rng.sample(range(len(readings)), 3):
            if step % 2 or i not in held:
                held ^= {i}  # one article comes or (every other step) goes
    assert again > 0  # answers were found again from changed candidates
    assert gone > 0  # ... also when the old answer was pushed out of them
    assert grown > 0  # ... also by an index grown from the last one



@pytest.mark.parametrize("seed", range(4))
def test_relay_lookups_known_unchanged_without_asking_are_those_a_fresh_index_answers_alike(seed, monkeypatch):
    """:meth:`RelayIndex.kept` says a draft's lookups of the last reconcile are answered the same
    when none of the candidate pools they read took a view: then a fresh index gives each the same
    answer. Articles come (and now and then go: then nothing is known) in small pools."""
    from storyline.reconcile.independence import RelayIndex

    rng = random.Random(seed)
    readings, views, outlets, held = _relay_story(seed + 40, rng, monkeypatch)
    last: dict = {}
    index, answered = None, []
    kept = declined = 0
    for step in range(10):
        ids = {readings[i].article.id for i in held}
        now_views = [v for v in views if v.article.id in ids]
        now: dict = {}
        memo, fresh = RelayIndex(now_views, (last, now), last=index), RelayIndex(now_views)
        present = {id(v) for v in now_views}
        for o, v, found in answered:
            if id(v) not in present:
                continue
            if memo.kept([(o, v, found)], RelayIndex.pools_read([(o, v)])):
                assert fresh(o, v) is found
                kept += 1
            else:
                declined += 1
        answered = [(o, v, memo(o, v)) for o in rng.sample(outlets, min(3, len(outlets))) for v in now_views]
        last, index = now, memo
        come = [i for i in range(len(readings)) if i not in held]
        if step % 4 == 3:  # one goes: the next index is built anew, nothing known unasked
            held.discard(rng.choice(sorted(held)))
        elif come:
            held.add(rng.choice(come))
    assert kept > 0 and declined > 0


# -- ages (storyline.reconcile.attributes.article_ages) --------------------------------------------


def test_the_ages_an_article_states_are_reused_only_while_all_they_read_is_the_same():
    """:meth:`ReconcileCache.ages` asked again with one input changed at a time (the story entity
    of an age's person, the offsets of the article's Age records, its views, its reading): it must
    give what :func:`article_ages` gives; and the object it kept when nothing changed."""
    from helpers.builders import ArticleBuilder

    from storyline.reconcile.attributes import article_ages
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import build_views

    a = ArticleBuilder("a1", "Star Ledger", "2023-08-16")
    m = a.person("Mara Quinn")
    a.age(m, 42, "Quinn, 42, spoke at the summit.")
    a.claim("Mara Quinn is 44 years old", subject=m, pclass="age")
    r = a.build()
    cast = build_cast([r])
    views = build_views([r], cast)
    at = frozenset(g.start for g in r.ages)
    moved = dataclasses.replace(cast, of={k: v + "-moved" for k, v in cast.of.items()})
    other = [dataclasses.replace(v, subject="E-other") for v in views]  # views made again: another subject
    more = at | {views[0].claim.quantities[0].start}  # an Age record where the claim's age is
    bare = dataclasses.replace(r, ages=(dataclasses.replace(r.ages[0], value=43),))  # read again: another age
    asked = [([r], views, cast, at), ([r], views, cast, at), ([r], views, moved, at), ([r], other, moved, at),
             ([r], other, moved, more), ([bare], other, moved, more)]
    cache, got = ReconcileCache(), []
    for args in asked:
        cache.begin(ReconcileOptions())
        got.append(cache.ages(*args))
        cache.end()
        assert got[-1] == article_ages(*args)
    assert got[1] is got[0]
    assert all(got[i] != got[i - 1] for i in range(2, len(got)))  # each change is read again


# -- a fact's sources scanned from its first new claim (independence.assess_traced) -------------------


@pytest.mark.parametrize("seed", range(6))
def test_a_scan_resumed_from_the_last_one_judges_the_sources_as_a_fresh_scan(seed):
    """A fact's sources are scanned claim by claim in order; a scan given the last one's trace skips
    the claims both share in order whose questions (to the corpus's outlets, to the relay lookups
    elsewhere) get the same answers. As claims come and go, outlets join and leave the corpus and
    the lookups' answers change, the resumed scan must judge as a fresh one."""
    from storyline.reconcile import independence
    from storyline.reconcile.align import Cluster
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import build_views
    from storyline.reconcile.independence import assess, assess_traced

    rng = random.Random(seed)
    readings = _pile(seed + 50, 3)
    views = build_views(readings, build_cast(readings))
    # Near-copies in another outlet (its sentence, part of its words: an echo at some similarities
    # and not at others), and a second view of one claim from another outlet (a claim given twice).
    copyable = [v for v in views if len(v.sentence_words) >= 9 and len(v.claim.lemmas) >= 4
                and v.claim.source.kind != "other_media" and not v.claim.source.via]
    copied = rng.sample(copyable, min(6, len(copyable)))
    for i, v in enumerate(copied):
        art = dataclasses.replace(v.article, id=f"{v.article.id}-copy{i}", outlet=f"Copy Desk {i % 2}")
        kept = v.claim.lemmas[: round(0.6 * len(v.claim.lemmas))]  # word overlap about 0.6
        claim = dataclasses.replace(v.claim, id=f"{v.claim.id}-copy{i}", lemmas=kept)
        views.append(dataclasses.replace(v, article=art, claim=claim, order=(*v.order[:-1], f"{v.claim.id}~{i}"),
                                         sentence_words=v.sentence_words | {f"copy{i}"}))  # one word more
    def again(v):  # the same claim seen again, in another outlet, right after it
        return dataclasses.replace(v, article=dataclasses.replace(v.article, outlet="Copy Desk 9"),
                                   order=(*v.order[:-1], f"{v.claim.id}~twice"), sentence_words=frozenset())

    base = next(v for v in views if independence._own_identity(again(v)) != independence._own_identity(v))
    twice = again(base)
    outlets = sorted({v.outlet for v in views} | {"Wire Today", "Evening Post"})
    held = list({id(v): v for v in [*rng.sample(views, len(views) // 2), *copied, *views[-len(copied):]]}.values())
    corpus, salt, similarity, last = list(outlets), 0, 0.5, None
    resumed = changed = 0

    def elsewhere(key, v):  # another fact's original, or none: an answer fixed by (key, claim, salt)
        pick = random.Random(f"{key}|{v.claim.id}|{salt}").randrange(len(views) + 1)
        return views[pick] if pick < len(views) else None

    for step in range(20):
        cluster = Cluster("c", (), list(held), [], [])
        out, trace = assess_traced(cluster, corpus, similarity, elsewhere, last)
        assert out == assess(cluster, corpus, similarity, elsewhere), f"step {step}"
        resumed += trace.resumed
        changed += bool(last) and trace.resumed < min(len(last.views), len(held))
        last = trace
        what = "twice" if step % 4 == 3 else rng.choice(["add", "add", "drop", "outlets", "elsewhere", "similarity"])
        if what == "twice":
            held = [v for v in held if v is not twice] if any(v is twice for v in held) else \
                [*(v for v in held if v is not base), base, twice]
        elif what == "add":
            out_of_it = [v for v in views if all(v is not h for h in held)]
            held += rng.sample(out_of_it, min(3, len(out_of_it)))
        elif what == "drop":
            held.pop(rng.randrange(len(held)))
        elif what == "outlets":
            corpus = rng.sample(outlets, rng.randrange(1, len(outlets) + 1))
        elif what == "elsewhere":
            salt += 1
        else:
            similarity = rng.choice([0.3, 0.5, 0.7])
    assert resumed > 0 and changed > 0  # claims were skipped, and a scan resumed earlier than the whole last one



@pytest.mark.parametrize("seed", range(8))
def test_a_scan_keeps_the_decisions_after_an_inserted_claim_only_as_a_fresh_scan_would(seed, monkeypatch):
    """Past the first new claim, a claim of the last scan keeps its decision unless the originals
    the new claims add could change it. Fuzzed with claims inserted anywhere, among them near-copies
    of later claims dated just before them (which make those later claims echoes, or claim an
    anonymous quote first; some twice, the earlier of the same desk then the first original in its
    sentence), in a small window of latest originals (which new originals push a
    matched one out of), with claims taken out (among them originals later claims copy) and the
    relay lookups' answers changing (also as claims come): each scan
    must judge as a fresh one, keep some decisions, and decline some."""
    from storyline.reconcile import independence
    from storyline.reconcile.align import Cluster
    from storyline.reconcile.independence import assess, assess_traced

    monkeypatch.setattr(independence, "_WINDOW", random.Random(seed).choice([2, 3, 5, 50]))
    rng = random.Random(seed)
    views = _views(_pile(seed + 70, 3))
    copyable = [v for v in views if len(v.sentence_words) >= 9 and len(v.claim.lemmas) >= 4
                and v.claim.source.kind != "other_media" and not v.claim.source.via]
    views.sort(key=lambda v: v.order)
    for i, v in enumerate(rng.sample(copyable, min(12, len(copyable)))):
        # Another outlet's near-copy dated before it (just before, or a few claims earlier, so that
        # claims inserted between may push it out of the window): the later claim now copies it.
        art = dataclasses.replace(v.article, id=f"{v.article.id}-early{i}", outlet=f"Early Desk {i % 3}")
        kept = v.claim.lemmas[: round(rng.choice([0.5, 0.8, 1.0]) * len(v.claim.lemmas))]
        claim = dataclasses.replace(v.claim, id=f"{v.claim.id}-early{i}", lemmas=kept)
        before = views[max(0, views.index(v) - rng.choice([0, 3, 6]))]
        views.append(dataclasses.replace(v, article=art, claim=claim, order=(*before.order[:-1], f"{before.order[-1]}!{i}~"),
                                         sentence_words=v.sentence_words if i % 2 else v.sentence_words | {"early"}))
        if i % 2:  # and the same desk's the same sentence earlier still: the first original in it, once inserted
            views.append(dataclasses.replace(views[-1], claim=dataclasses.replace(claim, id=f"{claim.id}-twin"),
                                             order=(*before.order[:-1], f"{before.order[-1]}!{i}")))
    views.sort(key=lambda v: v.order)
    outlets = sorted({v.outlet for v in views})
    salt = 0

    def elsewhere(key, v):
        pick = random.Random(f"{key}|{v.claim.id}|{salt}").randrange(len(views) + 1)
        return views[pick] if pick < len(views) else None

    held = rng.sample(views, len(views) // 3)
    last, kept, declined = None, 0, 0
    for step in range(25):
        cluster = Cluster("c", (), list(held), [], [])
        out, trace = assess_traced(cluster, outlets, 0.5, elsewhere, last)
        assert out == assess(cluster, outlets, 0.5, elsewhere), f"step {step}"
        if last is not None:
            shared = len({id(v) for v in last.views} & {id(v) for v in held})
            kept += trace.kept
            declined += shared - trace.resumed - trace.kept
        last = trace
        what = rng.choice(["add", "add", "add", "add", "drop", "uncopy", "elsewhere", "add elsewhere"])
        copied = [e[1] for _, e in trace.decided if e is not None and e[0] == "echo" and e[1] is not None]
        if what == "add elsewhere":  # claims come and the lookups' answers change at once
            salt += 1
        if what.startswith("add"):
            out_of_it = [v for v in views if all(v is not h for h in held)]
            held += rng.sample(out_of_it, min(rng.choice([1, 2, 4, 8]), len(out_of_it)))
        elif what == "drop":
            held.pop(rng.randrange(len(held)))
        elif what == "uncopy" and copied:  # an original a later claim copies is taken out
            gone = rng.choice(copied)
            held = [v for v in held if v is not gone]
        else:
            salt += 1
    assert kept > 0 and declined > 0


def test_a_scan_without_relay_lookups_is_not_resumed_by_one_with_them():
    """A scan given no ``elsewhere`` asks it nothing; one given it must ask it of every relay
    whose outlet's article has no matching claim, as a fresh scan does."""
    from storyline.reconcile.align import Cluster
    from storyline.reconcile.independence import assess, assess_traced

    views = _views(_pile(50, 3))[:65]
    outlets = sorted({v.outlet for v in views})
    cluster = Cluster("c", (), views, [], [])

    def elsewhere(key, v):
        return views[0]

    _, blind = assess_traced(cluster, outlets, 0.5, None)
    out, trace = assess_traced(cluster, outlets, 0.5, elsewhere, blind)
    assert out == assess(cluster, outlets, 0.5, elsewhere)
    assert trace.resumed == 0
    # The other way: a scan that asked ``elsewhere`` is not resumed without it.
    out, trace = assess_traced(cluster, outlets, 0.5, None, trace)
    assert out == assess(cluster, outlets, 0.5, None) and trace.resumed == 0


def test_a_resumed_scan_looks_at_the_first_claims_of_an_outlet_only_as_a_fresh_one(monkeypatch):
    """A relay is matched against the relayed outlet's first ``_WINDOW`` originals in the fact: the
    resumed scan rebuilds that window from the last one's originals and must stop where it stops."""
    from storyline.reconcile import independence
    from storyline.reconcile.align import Cluster
    from storyline.reconcile.independence import assess, assess_traced

    monkeypatch.setattr(independence, "_WINDOW", 2)
    plain = [v for v in _views(_pile(50, 3))
             if v.claim.source.kind not in ("other_media", "anonymous") and not v.claim.source.via][:3]
    alpha = dataclasses.replace(plain[0].article, id="alpha", outlet="Alpha News")
    originals = [dataclasses.replace(v, article=alpha, order=(i,), tokens=frozenset({f"w{i}", f"x{i}"}),
                                     sentence_words=frozenset()) for i, v in enumerate(plain)]
    v = originals[2]  # the third original says it, beyond the window
    relay = dataclasses.replace(
        v, article=dataclasses.replace(alpha, id="beta", outlet="Beta Post"), order=(9,),
        claim=dataclasses.replace(v.claim, id="relay", source=dataclasses.replace(v.claim.source, via="Alpha News")))
    outlets = ["Alpha News", "Beta Post"]
    _, last = assess_traced(Cluster("c", (), originals, [], []), outlets, 0.5)
    grown = Cluster("c", (), [*originals, relay], [], [])
    out, trace = assess_traced(grown, outlets, 0.5, None, last)
    assert trace.resumed == 3
    fresh = assess(grown, outlets, 0.5)
    assert out == fresh
    assert [o for c, o, _ in fresh.echoes if c == "relay"] == [originals[0].claim.id]  # within the window


def test_a_scan_trace_is_not_changed_by_changes_to_the_result_it_gave():
    """The caller owns the Sourcing a scan returns (a draft keeps its echoes): changing it must not
    change what the next scan resumes from."""
    from storyline.reconcile.align import Cluster
    from storyline.reconcile.independence import assess, assess_traced

    views = _views(_pile(50, 3))[:65]
    outlets = sorted({v.outlet for v in views})
    cluster = Cluster("c", (), views, [], [])
    given, last = assess_traced(cluster, outlets, 0.5)
    assert given.echoes
    given.echoes[0] = ("changed", None, "changed")
    given.identity.clear()
    out, trace = assess_traced(cluster, outlets, 0.5, None, last)
    assert trace.resumed == len(views) and out == assess(cluster, outlets, 0.5)


def _views(readings: list) -> list:
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import build_views

    return build_views(readings, build_cast(readings))


def test_what_grouping_reads_of_a_fact_is_reused_only_for_the_same_views_in_the_same_order():
    from types import SimpleNamespace

    from storyline.reconcile.align import Cluster
    from storyline.reconcile.events import gist

    readings = _pile(1)
    cache = ReconcileCache()
    reconcile(readings[:-1], cache=cache)
    reconcile(readings, cache=cache)
    assert cache.stats["gists_hit"] > 0 and cache.stats["gists_miss"] + cache.stats["gists_grown"] > 0
    fid, (views, kept, _) = next((k, v) for k, v in cache._old.gists.items() if len(v[0]) >= 2)
    fact = SimpleNamespace(id=fid)
    cache.begin(ReconcileOptions())
    assert cache.gist(fact, Cluster("x", frozenset(), list(views))) is kept
    other = Cluster("x", frozenset(), list(reversed(views)))
    again = cache.gist(fact, other)
    assert again is not kept and again == gist(other)


@pytest.mark.parametrize("seed", range(6))
def test_answers_kept_per_item_are_those_of_a_fresh_map_as_items_come_go_and_repeat(seed):
    """``ReconcileCache.each`` answers each item as ``fn`` would, whatever items come and go (and
    an item given twice), computing only for items it does not hold, and letting gone ones go."""
    rng = random.Random(seed)

    class Item:  # compared by identity: an equal new object is a new item
        def __init__(self, n: int):
            self.n = n

    pool = [Item(n) for n in range(30)]
    asked: list[int] = []

    def square(x):
        return x.n * x.n if x.n % 3 else None  # None is an answer too

    def fn(x):
        asked.append(x.n)
        return square(x)

    cache = ReconcileCache()
    held: set[int] = set()
    for _ in range(12):
        cache.begin(ReconcileOptions())
        items = [rng.choice(pool) for _ in range(rng.randrange(0, 25))]
        if rng.random() < 0.3:
            i = rng.randrange(len(pool))
            pool[i] = Item(pool[i].n)  # the same value as a new object: answered anew
        asked.clear()
        assert cache.each(fn, items) == list(map(square, items))
        fresh = {id(x) for x in items} - held
        assert sorted(asked) == sorted(x.n for x in {id(x): x for x in items if id(x) in fresh}.values())
        assert cache.stats["each_miss"] == len(fresh)
        cache.end()
        held = {id(x) for x in items}
        assert set(cache._old.answers[fn].items) == held  # gone items are let go


def test_a_corpus_outlets_answers_are_kept_and_a_callers_list_is_its_own():
    from storyline.reconcile.independence import CorpusOutlets

    corpus = CorpusOutlets(["StarWatch Weekly", "The Daily Planet"])
    found = corpus.matching("starwatch weekly")
    assert found == ["starwatch weekly"] == corpus.matching("starwatch weekly")
    found.append("changed by the caller")
    assert corpus.matching("starwatch weekly") == ["starwatch weekly"]
    # Asked twice, the kept answer is the outlet's display name, and no outlet stays none.
    for _ in range(2):
        assert corpus.named_by("the daily planet") == "The Daily Planet"
        assert corpus.named_by("an unknown blog") is None


# -- the cast's description of a story entity (storyline.reconcile.cast.Tally) -------------------


def _members(names_types: list[tuple[str, str]], article: str = "a1") -> list:
    from storyline.core.records import ArticleEntity

    return [ArticleEntity(f"e-{article}-{i}", article, name, etype, (f"{name}'s alias",), None, {})
            for i, (name, etype) in enumerate(names_types)]


def _describe_across(cache: ReconcileCache, root: str, *generations: list) -> list:
    out = []
    for members in generations:
        cache.begin(ReconcileOptions())
        out.append(cache.describe(root, members))
        cache.end()
    return out


def test_a_story_entity_that_gains_members_is_described_as_a_fresh_description_would():
    from storyline.reconcile.cast import CastSteps

    first = _members([("Marla Quinn", "GPE"), ("Marla Quinn", "LOC"), ("Marla J. Quinn", "LOC")])
    # two more "Marla J. Quinn": the most used name changes; and the types tie (GPE 2, LOC 2 + ...)
    gained = sorted(first + _members([("Marla J. Quinn", "GPE"), ("Marla J. Quinn", "ORG")], "b1"), key=lambda m: m.id)
    cache = ReconcileCache()
    old, new = _describe_across(cache, gained[0].id, first, gained)
    assert new == CastSteps().describe(gained[0].id, gained)
    assert new[0] == "Marla J. Quinn" and old[0] == "Marla Quinn"
    assert cache.stats["described_miss"] == 1  # made from the last tally (not a hit: the members changed)


@pytest.mark.parametrize("seed", range(6))
def test_a_story_entity_described_from_its_last_tally_equals_a_fresh_one_as_members_come_and_go(seed):
    from storyline.reconcile.cast import CastSteps

    rng = random.Random(seed)
    pool = _members([(rng.choice(["Ann Lee", "Ann B. Lee", "Lee", "the nurse"]), rng.choice(["PERSON", "GPE", "LOC"]))
                     for _ in range(40)])
    cache, held = ReconcileCache(), []
    for _ in range(12):
        if held and rng.random() < 0.3:  # a member gone: described afresh
            gone = rng.randrange(len(held))
            held = held[:gone] + held[gone + 1:]  # a new list: the cache holds the last one
        held = sorted({m.id: m for m in held + rng.sample(pool, rng.randint(1, 4))}.values(), key=lambda m: m.id)
        (out,) = _describe_across(cache, "root", held)
        assert out == CastSteps().describe("root", held)


@pytest.mark.parametrize("seed", range(4))
def test_a_story_entitys_type_from_a_tally_counted_in_any_order_is_its_members_most_common(seed):
    """The type is read from the tally (counted in whatever order members came: a last tally plus
    new members); a tie goes to the type of the first member in id order, as counting them would."""
    from collections import Counter

    from storyline.reconcile.cast import _most_common_type

    rng = random.Random(seed)
    for _ in range(200):
        members = _members([("Acme", rng.choice(["ORG", "GPE", "LOC", "WORK"])) for _ in range(rng.randint(1, 8))])
        shuffled = rng.sample(members, len(members))
        assert _most_common_type(members, Counter(m.type for m in shuffled)) == \
            Counter(m.type for m in members).most_common(1)[0][0]


def test_a_blend_or_a_body_coming_in_any_order_gives_the_full_cast():
    from helpers.builders import ArticleBuilder

    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    a.person("Marla Quinlan")
    a.claim("Marla Quinlan left the studio", predicate="leave")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-18")
    b.entity("MaQu", type="GPE")
    b.claim("MaQu was seen in town", predicate="see")
    c = ArticleBuilder("c1", "Star Ledger", "2024-01-19")
    c.entity("LeBa", type="GPE")
    c.person("Lee Bardot")
    c.claim("LeBa and Lee Bardot dined", predicate="dine")
    d = ArticleBuilder("d1", "Gazette", "2024-01-20")
    d.entity("LeBa", type="ORG")  # a body of that name: no one's blend
    d.claim("LeBa opened a store", predicate="open")
    readings = [x.build() for x in (a, b, c, d)] + _pile(3, 1)
    for seed in range(4):
        _grow(readings, random.Random(seed))


def test_rule_1a_kept_for_the_next_reconcile_points_every_entity_at_its_root():
    from storyline.reconcile.cast import FullNames, _Linker

    people = [e for r in _pile(5, 2) for e in r.entities if e.type == "PERSON"]
    fresh = _Linker(people)
    FullNames.scan(people, fresh)
    link = _Linker(people)
    kept = FullNames.scan(people, link, keep=True)
    assert all(kept.parent[x] == kept.parent[kept.parent[x]] for x in kept.parent)  # a step from the root
    assert {x: link.uf.find(x) for x in kept.parent} == {x: fresh.uf.find(x) for x in fresh.uf.parent}


@pytest.mark.parametrize("seed", range(6))
def test_a_facts_answers_per_view_are_those_of_a_fresh_map_as_views_come_go_and_change(seed):
    """A fact's answers of functions of one view (``_EachAnswers``, kept from one judgement of the
    fact to the next) are those of ``fn`` for every view, whatever views come, go, repeat or are
    made anew: asked only of views the last call with ``fn`` was not given, and only those of the
    latest call kept."""
    from storyline.reconcile.incremental import _EachAnswers

    rng = random.Random(seed)

    class View:  # compared by identity: an equal new object is a new view
        def __init__(self, n: int):
            self.n = n

    pool = [View(n) for n in range(30)]
    pure = {"double": lambda x: 2 * x.n, "odd": lambda x: x.n % 2 == 1 or None}  # None, False: answers too
    asked: list[int] = []

    def recording(name):
        def fn(x):
            asked.append(x.n)
            return pure[name](x)
        return fn

    fns = {name: recording(name) for name in pure}
    memo, held = _EachAnswers(), {}
    for _ in range(10):  # judgements of one fact
        if rng.random() < 0.4:
            i = rng.randrange(len(pool))
            pool[i] = View(pool[i].n)  # a claim read anew: answered anew
        memo.given = memo.added = 0
        for _ in range(rng.randrange(1, 4)):
            name = rng.choice(sorted(pure))
            views = [rng.choice(pool) for _ in range(rng.randrange(0, 20))]
            fresh = {id(v) for v in views} - held.get(name, set())
            asked.clear()
            assert memo(fns[name], views) == list(map(pure[name], views))
            assert len(asked) == len(fresh)  # only views the last call did not hold
            held[name] = {id(v) for v in views}
            assert set(memo.memos[fns[name]].answers) == held[name]  # gone views let go
        assert memo.given - memo.added >= 0


@pytest.mark.parametrize("seed", [71, 73, 74, 77])  # piles with a fact told at two moments or more
def test_a_facts_date_conflicts_are_those_of_its_first_claim_of_each_moment_whatever_objects_hold_them(seed):
    """``_date_conflicts`` takes the first claim of each moment by object, then by value: equal
    moments held by other objects (a claim read anew, another memo) must give the conflicts that
    one object per moment gives, and so must claims in any order."""
    from storyline.reconcile import conflicts
    from storyline.reconcile.align import align
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import build_views

    rng = random.Random(seed)
    readings = _pile(seed, 4)
    clusters = align(build_views(readings, build_cast(readings)), ReconcileOptions().similarity_threshold)
    dated = [c for c in clusters if conflicts._dated_class(c.pclass) and
             len({m for m in map(conflicts._moment, c.views) if m is not None}) >= 2]
    assert dated
    for c in dated:
        views = list(c.views)
        rng.shuffle(views)
        c = dataclasses.replace(c, views=views)

        def copies(fn, items):  # each moment a new, equal object, or the same object as the last one equal
            out, last = [], {}
            for m in map(fn, items):
                if m is not None and rng.random() < 0.5:
                    m = last.get(m) or dataclasses.replace(m)
                last.setdefault(m, m)
                out.append(m)
            return out

        want = conflicts._date_conflicts(c)
        assert conflicts._date_conflicts(c, copies) == want
        assert [f.claims for f in want] == [f.claims for f in conflicts._date_conflicts(c, copies)]


def test_a_fact_a_new_article_joins_keeps_its_claims_answers_and_changed_claims_are_answered_anew():
    readings = _pile(1)
    cache = ReconcileCache()
    reconcile(readings[:-1], cache=cache)
    story = reconcile(readings, cache=cache)
    assert story == reconcile(readings)
    assert cache.stats["drafts_miss"] > 0 and cache.stats["viewed_hit"] > 0
    # A claim read anew (negated) in an article of a touched fact: its answers are asked again.
    i = next(i for i, r in enumerate(readings[:-1]) if r.claims)
    r = readings[i]
    first = dataclasses.replace(r.claims[0], polarity="negative" if r.claims[0].polarity == "positive" else "positive")
    changed = readings[:i] + [dataclasses.replace(r, claims=(first, *r.claims[1:]))] + readings[i + 1:]
    assert reconcile(changed, cache=cache) == reconcile(changed)
    assert cache.stats["viewed_miss"] > 0
    # An article taken out: the facts it left are judged as afresh.
    fewer = changed[:i] + changed[i + 1:]
    assert reconcile(fewer, cache=cache) == reconcile(fewer)


# -- a fact's sides towards its statement (ReconcileCache.sides) -----------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_a_facts_sides_are_those_of_stance_as_claims_names_and_the_statement_change(seed, monkeypatch):
    """:meth:`ReconcileCache.sides` keeps a fact's claims' sides towards its statement from one
    reconcile to the next, as a whole: asked again it must give each claim's
    :func:`~storyline.reconcile.conflicts.stance` whatever claims come, go or are made anew, whatever
    the statement (the same claim made anew is another statement) and the names its places now
    have; only the claims it did not hold, and those that read a name now another, are asked."""
    import storyline.reconcile.incremental as incremental
    from storyline.reconcile.align import Cluster
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.conflicts import lower_bounds, stance
    from storyline.reconcile.features import build_views

    asked: list = []

    def counted(statement, v, c, name, bounds=None):
        asked.append(v)
        return stance(statement, v, c, name, bounds)

    monkeypatch.setattr(incremental, "stance", counted)
    rng = random.Random(seed)
    readings = _pile(seed + 70, 3)
    cast = build_cast(readings)
    views = build_views(readings, cast)
    bounds = lower_bounds(views)  # a story's, read by a claim for its own article only
    # Three facts of claims told in several places (the stories name few): where each says it
    # happened is one of five places, a name given to two of them makes them one (no conflict).
    told = [v for v in views if v.claim.polarity == "positive" and v.pclass != "denial"]
    places = [f"place{i}" for i in range(5)]
    named = dict(zip(places, ["Aldermoor", "Brackenfield", "Corriston", "Dunmere", "Elsworth"]))
    names = dict(named)
    clusters = []
    for k in range(3):
        mine = [dataclasses.replace(v, place=rng.choice(places)) for v in rng.sample(told, min(15, len(told)))]
        clusters.append(Cluster(rng.choice(["~see", "marriage"]), frozenset({f"person{k}"}), mine, mine[:1], []))
    cache = ReconcileCache()
    kept = renamed = remade = 0
    held: dict = {}
    last: dict = {}  # per fact: the statement, names and claims of its last judgement
    for step in range(24):
        c = rng.choice(clusters)
        now = held.get(c.participants, [])
        what = rng.choice(["add", "add", "drop", "remake", "rename", "statement"])
        if what == "add" or not now:
            out_of_it = [v for v in c.views if all(v is not h for h in now)]
            now = now + rng.sample(out_of_it, min(rng.randrange(1, 6), len(out_of_it)))
        elif what == "drop" and len(now) > 1:
            now = [v for i, v in enumerate(now) if i != rng.randrange(len(now))]
        elif what == "remake":  # a claim read anew: an equal view, another object
            i = rng.randrange(len(now))
            now = now[:i] + [dataclasses.replace(now[i])] + now[i + 1:]
            remade += 1
        elif what == "rename" and places:  # a place takes another's name, or its own back
            p, q = rng.sample(places, 2) if len(places) > 1 else (places[0], places[0])
            names[p] = names.get(q, q) if names.get(p) == named.get(p) else named.get(p, p)
            renamed += 1
        elif what == "statement":  # the statement's claim read anew, negated: another statement
            first = now[0].claim
            negated = "negative" if first.polarity == "positive" else "positive"
            now = [dataclasses.replace(now[0], claim=dataclasses.replace(first, polarity=negated)), *now[1:]]
        held[c.participants] = now

        def name(e):
            return names.get(e, e)

        cache.begin(ReconcileOptions())  # one reconcile: every fact judged
        for c in clusters:
            now = held.get(c.participants)
            if not now:
                continue
            statement, fact = now[0], dataclasses.replace(c, views=list(now))
            asked.clear()
            got = cache.sides(statement, list(now), fact, name, bounds)
            assert got == [stance(statement, v, fact, name, bounds) for v in now], f"step {step}"
            was = last.get(c.participants)
            if was is not None and was[0] is statement and was[1] == names:
                assert {id(v) for v in asked} == {id(v) for v in now} - was[2]  # only the claims it did not hold
                kept += len(now) - len(asked)
            last[c.participants] = (statement, dict(names), {id(v) for v in now})
        cache.end()
    assert kept > 0 and renamed > 0 and remade > 0  # sides were kept, and names and claims changed


def test_a_drafts_records_take_over_only_the_echoes_another_draft_made_alike():
    """A fact made anew takes over the echo records of its last draft (``records(d, made)``) where
    the echo is the same claim, original and reason; any other is made afresh, and the records
    equal those made without ``made``."""
    from storyline.reconcile.facts import Draft, records

    def draft(claims, echoes):
        return Draft("s", "c", claims, ["a1"], ["Outlet"], 1, "named_person", None, echoes=echoes)

    last = draft(["c0", "c1", "c2"], [("c1", "c0", "the same sentence"), ("c2", None, "relays Wire, not in the corpus")])
    now = draft(["c0", "c1", "c2", "c3"], [("c1", "c0", "the same sentence"), ("c2", "c0", "relays Wire: re-reports c0"),
                                         ("c3", "c1", "the same sentence")])
    made = dict(zip(last.echoes, records(last)[2]))
    got = records(now, made)
    assert got == records(now)
    assert got[2][0] is made[last.echoes[0]]  # the same echo: taken over
    assert got[2][1][1] != made[last.echoes[1]][1]  # the same claim, echoing otherwise: made afresh


@pytest.mark.parametrize("seed", range(4))
def test_a_claims_similarity_to_a_facts_exemplars_is_kept_only_for_the_same_claim_and_exemplars(seed):
    """Alignment's lexical similarities (denials' candidates, re-clustered blocks) are taken over
    from the last reconcile by the objects compared: a memo that answers alike for the same
    claim and exemplars gives a fresh alignment's clusters, and a claim compared with other
    exemplars is compared anew."""
    from storyline.reconcile.align import Cluster, _Scorer, align
    from storyline.reconcile.features import build_views
    from storyline.reconcile.incremental import Uncached, _Similarities

    readings = _pile(seed)
    rng = random.Random(seed)
    cache = ReconcileCache()
    held, hits = [], 0
    for r in readings:
        held.append(r)
        if rng.random() < 0.3:
            assert reconcile(held, cache=cache) == reconcile(held)
            hits += cache.stats["sims_hit"]
    assert reconcile(readings, cache=cache) == reconcile(readings)
    assert hits + cache.stats["sims_hit"] > 0

    from storyline.reconcile.cast import build_cast
    views = build_views(readings, build_cast(readings, Uncached()), Uncached().article_views, Uncached().dated)
    last = _Similarities()
    fresh = align(views, 0.3)
    assert align(views, 0.3, sims=last) == fresh
    again = _Similarities(last)
    assert align(views, 0.3, sims=again) == fresh and again.hit > 0 and again.miss == 0
    v, w, x = views[0], views[1], views[2]
    scorer = _Scorer(None, views, again)
    c = Cluster("x", frozenset(), [w], [w])
    first = scorer.sim(v, c)
    c.exemplars.append(x)  # other exemplars: compared anew, not the answer for [w]
    from storyline.reconcile.align import jaccard
    assert scorer.sim(v, c) == max(jaccard(v.tokens, w.tokens), jaccard(v.tokens, x.tokens))
    assert first == jaccard(v.tokens, w.tokens)


@pytest.mark.parametrize("seed", range(6))
def test_a_block_clustered_again_past_the_claims_it_had_gives_a_fresh_blocks_clusters(seed):
    """A block a new claim joins replays its last clustering up to the claim, and past it while
    the claim changed nothing the later claims read (it joined a fact whose exemplars are full):
    the clusters are those of clustering the block afresh, whatever claims are inserted where."""
    from storyline.reconcile.align import _greedy, _Scorer, block_key, cluster_block
    from storyline.reconcile.cast import build_cast
    from storyline.reconcile.features import build_views
    from storyline.reconcile.incremental import Uncached

    readings = [r for s in range(6) for r in random_corpus(seed * 100 + s)]
    views = build_views(readings, build_cast(readings, Uncached()), Uncached().article_views, Uncached().dated)
    blocks: dict = {}
    for v in views:
        if (key := block_key(v)) is not None:
            blocks.setdefault(key, []).append(v)
    rng = random.Random(seed)
    resumed = 0
    for key, block in blocks.items():
        if len(block) < 3:
            continue
        scorer = _Scorer(None, block)
        kept = sorted(rng.sample(range(len(block)), rng.randrange(1, len(block))))
        old = [block[i] for i in kept]
        picks: list = []
        _greedy(old, key, scorer, 0.3, picks)
        known, at = [], iter(picks)
        for i, v in enumerate(block):
            known.append(next(at) if i in kept else None)
        again: list = []
        fresh_picks: list = []
        assert _greedy(block, key, scorer, 0.3, again, known) == _greedy(block, key, scorer, 0.3, fresh_picks)
        assert again == fresh_picks
        resumed += 1
    assert resumed > 0


def test_a_claim_new_to_a_block_that_becomes_an_exemplar_ends_the_replay():
    """"Y" started a fact of its own; a claim inserted before it that joins the first fact as an
    exemplar brings Y's words to that fact, so Y is scored again and joins it."""
    from types import SimpleNamespace

    from storyline.reconcile.align import _greedy, _Scorer

    a, x, y = (SimpleNamespace(tokens=frozenset(t), span=None) for t in ("ab", "abxy", "xy"))
    scorer, key = _Scorer(None, []), ("statement", frozenset())
    last: list = []
    _greedy([a, y], key, scorer, 0.3, last)
    assert last == [0, 1]
    picks: list = []
    clusters = _greedy([a, x, y], key, scorer, 0.3, picks, [0, None, 1])
    assert picks == [0, 0, 0] and clusters == _greedy([a, x, y], key, scorer, 0.3)


@pytest.mark.parametrize("seed", range(3))
def test_what_grouping_reads_of_a_fact_an_article_joined_is_that_of_its_views(seed):
    from storyline.reconcile.events import gist_parts

    readings, rng = _pile(seed + 20), random.Random(seed)
    rng.shuffle(readings)
    cache, grown = ReconcileCache(), 0
    for n in range(1, len(readings) + 1):
        reconcile(readings[:n], cache=cache)
        grown += cache.stats["gists_grown"]
        for views, kept, times in cache._old.gists.values():
            assert (kept, times) == gist_parts(views)
    assert grown > 0


def test_a_persons_age_draft_is_reused_only_for_the_same_ages_in_the_same_order_and_the_same_name():
    from datetime import date

    from storyline.reconcile.attributes import _Stated, age_draft

    said = [_Stated(f"c{n}", f"a{n}", "Wire", 40 + n % 2, date(2024, 1, 1 + n), f"Quinn, {40 + n % 2}", "reported")
            for n in range(4)]
    names = {"p": "Ada Quinn"}
    cache = ReconcileCache()
    cache.begin(ReconcileOptions())
    first = cache.age_draft("p", said, names.get)
    cache.end()
    for stated, name in [(said, "Ada Quinn"), ([*said[:2], dataclasses.replace(said[2]), said[3]], "Ada Quinn"),
                         (said, "Ada Brook"), (said[:3], "Ada Quinn"), (said[::-1], "Ada Quinn")]:
        names["p"] = name
        cache.begin(ReconcileOptions())
        got = cache.age_draft("p", stated, names.get)
        cache.end()
        assert got == age_draft("p", stated, names.get)
        assert (got is first) == (stated == said and name == "Ada Quinn")  # equal ages count as the same
        first = got
