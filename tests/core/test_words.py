"""storyline.core.words: the WordNet table and the relations built on it."""

from __future__ import annotations

import gzip

import pytest
from helpers.data import repoint_fixture

from storyline.core import words
from storyline.core.errors import DataError


table_at = repoint_fixture(words, "DATA_FILE", "table_at")


def test_senses_are_ordered_and_named():
    assert words.synsets("marry", "v")[0] == "marry.v.01"
    assert words.synsets("Pass away", "v") == words.synsets("pass_away", "v")
    assert "marry" in words.lemmas("marry.v.01")
    assert words.synsets("xyzzyq", "n") == ()


def test_lemmatize_uses_exceptions_and_suffix_rules():
    assert words.lemmatize("went", "v") == "go"
    assert words.lemmatize("said", "v") == "say"
    assert words.lemmatize("deaths", "n") == "death"
    assert words.lemmatize("married", "v") == "marry"
    assert words.synsets("earthquakes", "n") == words.synsets("earthquake", "n")


def test_lexnames():
    assert words.lexname("earthquake.n.01") == "noun.event"
    assert words.lexname(words.synsets("say", "v")[0]) == "verb.communication"
    with pytest.raises(KeyError):
        words.lexname("no.such.01")


def test_verb_classes_tell_cognition_and_communication_from_events():
    assert words.verb_class("think") == "verb.cognition"
    assert words.verb_class("know") == "verb.cognition"
    assert words.verb_class("believe") == "verb.cognition"
    assert words.verb_class("say") == "verb.communication"
    assert words.verb_class("said") == "verb.communication"
    assert words.verb_class("marry") == "verb.social"
    assert words.verb_class("xyzzyq") is None


def test_derivations_both_directions():
    assert ("marriage", "n") in words.derivations("marry", "v")
    assert ("marry", "v") in words.derivations("marriage", "n")
    assert ("death", "n") in words.derivations("die", "v")
    assert ("die", "v") in words.derivations("death", "n")
    assert ("resignation", "n") in words.derivations("resign", "v")
    assert ("arrest", "v") in words.derivations("arrest", "n")


def test_load_derivations_indexes_ahead_of_the_first_lookup():
    # reconcile.preload calls it on a thread while articles are read: the first derivations()
    # after it must find the index built, not build it in analyze's serial tail.
    words.clear_cache()
    words.load_derivations()
    assert words._derivation_index.cache_info().currsize == 1
    words.derivations("marry", "v")
    assert words._derivation_index.cache_info().misses == 1


@pytest.mark.parametrize(
    "group",
    [
        [("marry", "v"), ("marriage", "n"), ("wed", "v"), ("wedding", "n"), ("married", "v")],
        [("die", "v"), ("death", "n"), ("died", "v"), ("deaths", "n")],
        [("kill", "v"), ("killing", "n"), ("killed", "v")],
        [("arrest", "v"), ("arrest", "n")],
        [("resign", "v"), ("resignation", "n")],
        [("earthquake", "n"), ("quake", "n")],
    ],
)
def test_event_key_is_shared(group):
    keys = {words.event_key(lemma, pos) for lemma, pos in group}
    assert len(keys) == 1 and None not in keys


def test_event_key_keeps_events_apart():
    assert words.event_key("die", "v") != words.event_key("marry", "v")
    assert words.event_key("kill", "v") != words.event_key("death", "n")
    assert words.event_key("xyzzyq", "n") is None


def test_related_grades():
    assert words.related("arrested", "v", "arrest", "n") == "same"
    assert words.related("quake", "n", "earthquake", "n") == "synonym"
    assert words.related("die", "v", "death", "n") == "derivation"
    assert words.related("kill", "v", "killing", "n") == "derivation"
    assert words.related("marriage", "n", "wed", "v") == "derivation"
    assert words.related("murder", "v", "kill", "v") == "hypernym"
    assert words.related("die", "v", "marry", "v") is None
    assert words.related("earthquake", "n", "wedding", "n") is None


def test_hypernyms():
    assert words.hypernyms("marry.v.01") == ("unite.v.01",)
    up = words.hypernyms("earthquake.n.01", None)
    assert "phenomenon.n.01" in up and up[-1] == "entity.n.01" and len(set(up)) == len(up)
    assert words.hypernyms("earthquake.n.01", 1) == up[:1]


def test_event_nouns():
    for noun in ("earthquake", "earthquakes", "wedding", "death", "arrest", "explosion", "election"):
        assert words.is_event_noun(noun), noun
    for noun in ("president", "car", "statement", "police", "xyzzyq"):
        assert not words.is_event_noun(noun), noun


def test_happening_of_finds_the_sense_that_names_the_verbs_happening():
    # Derived from the verb, or holding its nominal form ('cut, cutting'); never a thing's sense.
    assert words.happening_of("release", "release") == 1
    assert words.happening_of("fall", "fall") == 1
    assert words.happening_of("cut", "cut") is not None
    assert words.happening_of("watch", "watch") == 2
    for noun, verb in (("train", "train"), ("state", "state"), ("land", "land"), ("host", "host"), ("house", "house")):
        assert words.happening_of(noun, verb) is None, noun


def test_play_nouns_are_games_sports_athletes_and_scores_not_contests_at_large():
    for word in ("game", "match", "football", "quarterback", "touchdowns"):
        assert words.is_play_noun(word), word
    for word in ("competition", "race", "rival", "player", "campaign", "earnings", "quarter"):
        assert not words.is_play_noun(word), word


def test_bad_pos_is_refused():
    with pytest.raises(ValueError):
        words.synsets("marry", "a")


def test_missing_table_names_file_and_fix(table_at, tmp_path):
    missing = tmp_path / "nowhere" / "wordnet.json.gz"
    table_at(missing)
    with pytest.raises(words.WordDataError) as err:
        words.synsets("marry", "v")
    message = str(err.value)
    assert str(missing) in message and "scripts/build_wordnet.py" in message
    assert isinstance(err.value, RuntimeError) and isinstance(err.value, DataError)


def test_corrupt_table_names_file_and_fix(table_at, tmp_path):
    bad = tmp_path / "wordnet.json.gz"
    bad.write_bytes(b"not gzip at all")
    table_at(bad)
    with pytest.raises(words.WordDataError, match="corrupt.*build_wordnet"):
        words.event_key("marry", "v")
    bad.write_bytes(gzip.compress(b'{"format": 99}'))
    words.clear_cache()
    with pytest.raises(words.WordDataError, match="format"):
        words.event_key("marry", "v")


def test_table_is_back_after_the_fixture():
    assert words.event_key("marriage", "n") == "marry.v.01"


def test_person_nouns_are_kinds_of_people_not_named_ones():
    for w in ("suspect", "gunman", "teen", "actress", "governor", "victim", "officers"):
        assert words.is_person_noun(w), w
    for w in ("company", "shooting", "police", "xyzzyq"):
        assert not words.is_person_noun(w), w
    assert words.is_named_person("ford.n.01") and not words.is_named_person("actress.n.01")


def test_names_people_tells_possible_surnames_from_institution_nouns():
    for w in ("hall", "page", "smith", "deputy"):
        assert words.names_people(w), w
    for w in ("center", "hospital", "street", "heist"):
        assert not words.names_people(w), w


def test_organization_nouns():
    for w in ("police", "ministry", "company", "authorities", "government", "family", "coastguard"):
        assert words.is_organization_noun(w), w
    for w in ("officials", "witnesses", "pair", "people", "statement", "xyzzyq"):
        assert not words.is_organization_noun(w), w


def test_a_phrasal_verb_keys_like_its_head_when_wordnet_files_it_under_the_head():
    # "escape from" is WordNet's "shake off a pursuer", directly under "escape": no happening of
    # its own. "pass away" (die) and "check in" (report one's arrival) are, and keep their keys.
    assert words.phrasal_key("escape from") == words.event_key("escape", "v")
    assert words.phrasal_key("pass away") is None
    assert words.phrasal_key("check in") is None
    assert words.phrasal_key("escape") is None  # no particle


def test_an_adverb_particle_makes_a_verb_of_its_own_even_under_its_head():
    # "go up" (rise) and "go down" (descend) are both filed under "go" (travel): keyed as "go",
    # a rise and a fall of the same prices became one fact. A particle adds its direction; only a
    # preposition taking the verb's object ("escape from", "cope with") leaves the head's happening.
    assert words.phrasal_key("go up") is None and words.phrasal_key("go down") is None
    assert words.phrasal_key("buy back") is None and words.phrasal_key("sell off") is None
    assert words.phrasal_key("cope with") == words.event_key("cope", "v")


def test_lexnames_are_the_files_of_the_first_senses_only():
    assert "noun.time" in words.lexnames("spring", "n", 3)
    first = words.lexnames("settle", "v", 1)
    assert len(first) == 1 and first <= words.lexnames("settle", "v", 3)
    assert words.lexnames("zzzq", "v", 3) == frozenset()


def test_casualty_words_tell_of_people_killed_dying_or_hurt():
    for word in ("killed", "kills", "died", "dead", "injured", "wounding", "hurt", "executed", "shot"):
        assert words.is_casualty_word(word), word
    for word in ("fired", "cut", "rose", "hired", "arrested", "beat", "scored", "aged"):
        assert not words.is_casualty_word(word), word


def test_a_group_of_people_is_a_casualty_word_only_for_killing_dying_or_hurt():
    # WordNet files "the lost", "the free", "the rich" right under people.n.01 as "the dead" is.
    for word in ("lost", "free", "rich", "poor", "unemployed", "sick", "won"):
        assert not words.is_casualty_word(word), word
    for word in ("dead", "slain", "wounded", "maimed"):
        assert words.is_casualty_word(word), word
