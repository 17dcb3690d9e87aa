"""Event references inside claims and statement events (storyline.reconcile.references), on hand-made readings."""

from helpers.builders import ArticleBuilder, on_predicate

from storyline.reconcile import reconcile
from storyline.reconcile.references import event_references


def _told_then_referred(told: tuple[str, str, str], referring: tuple[str, str, str]):
    """Two articles, a claim each, given as (text, predicate, predicate word): (readings, story, claim ids)."""
    made = []
    for aid, (text, predicate, word) in zip(("a1", "b1"), (told, referring)):
        b = ArticleBuilder(aid, "AP", "2024-12-03")
        cid = b.claim(text, predicate=predicate)
        made.append((on_predicate(b.build(), cid, word), cid))
    readings = [r for r, _ in made]
    return readings, reconcile(readings), made[0][1], made[1][1]


def _shooting_story():
    return _told_then_referred(("the gunman shot a guard at the bank", "shoot", "shot"),
                               ("police arrested the man wanted for the shooting at the bank", "arrest", "arrested"))


def test_a_word_naming_a_told_event_refers_to_it():
    readings, story, shot, arrest = _shooting_story()
    event_of = {c: f.event for f in story.facts for c in f.claims}
    refs = event_references(readings, story).by_claim[arrest]
    assert [(r.text, r.event, r.kind) for r in refs] == [("shooting", event_of[shot], "event")]
    assert readings[1].article.text[refs[0].start:refs[0].end] == "shooting"


def test_words_naming_no_told_event_refer_to_nothing():
    readings, story, shot, _arrest = _shooting_story()
    # 'gunman', 'guard', 'bank': no event of the story is told in them; 'shot' is the claim's own predicate
    assert shot not in event_references(readings, story).by_claim


def _statements(*sources):
    """One article, a claim per (source name, cue): '<name> <cue> <content>'."""
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    made = []
    for i, (name, cue) in enumerate(sources):
        eid = a.person(name)
        content = f"the bridge closed on day {i + 1}"
        made.append((a.claim(content, predicate="close", kind="named_person", source_text=name, source_entity=eid,
                             before=f"{name} {cue} "), cue))
    reading = a.build()
    for cid, cue in made:
        reading = on_predicate(reading, cid, "closed", cue)
    story = reconcile([reading])
    return event_references([reading], story), [cid for cid, _ in made]


def _statement_of(refs, cid):
    [ref] = [r for r in refs.by_claim[cid] if r.kind == "statement"]
    return ref


def test_cues_of_one_source_in_one_verb_are_one_statement_event():
    refs, (first, second) = _statements(("Mayor Ada Brook", "said"), ("Mayor Ada Brook", "says"))
    one, two = _statement_of(refs, first), _statement_of(refs, second)
    assert (one.text, two.text) == ("said", "says")
    assert one.event == two.event
    [statement] = refs.statements
    assert statement.id == one.event and statement.verb == "say" and set(statement.claims) == {first, second}
    assert statement.source is not None  # the source's story entity


def test_cues_of_two_sources_are_two_statement_events():
    refs, (first, second) = _statements(("Mayor Ada Brook", "said"), ("Chief Ben Osei", "said"))
    assert _statement_of(refs, first).event != _statement_of(refs, second).event
    assert len(refs.statements) == 2


def _referred(told: tuple[str, str, str], referring: tuple[str, str, str]):
    """(text, event) of the references in the second article's claim, and the first claim's event."""
    readings, story, first, second = _told_then_referred(told, referring)
    event_of = {c: f.event for f in story.facts for c in f.claims}
    refs = event_references(readings, story).by_claim.get(second, ())
    return [(r.text, r.event) for r in refs], event_of[first]


def test_an_adjective_of_a_verb_names_the_verbs_event():
    # 'damaging' is read as an adjective (its lemma is the word itself), yet it names the damage told
    refs, damage = _referred(("the storm damaged the harbour wall", "damage", "damaged"),
                             ("the port closed after the damaging storm", "close", "closed"))
    assert refs == [("damaging", damage)]



def test_a_word_written_as_a_told_predicate_names_its_event():
    # the reader tells 'DUI' as the driving it abbreviates: 'DUI' inside another claim names that
    # event though no WordNet word or key of the claim's lemmas leads there
    refs, dui = _referred(("the actor faces a DUI in Malibu", "drive", "DUI"),
                          ("police arrested the actor on suspicion of DUI", "arrest", "arrested"))
    assert refs == [("DUI", dui)]


def test_a_function_word_written_as_a_predicate_names_nothing():
    # 'was' is the predicate's word in one article; in the other it is grammar, not the happening
    refs, _was = _referred(("the actor was in Malibu", "be", "was"),
                           ("police arrested the actor who was in Malibu", "arrest", "arrested"))
    assert refs == []

def _headline_story(headline: str, told: tuple[str, str, str] = ("the gunman shot a guard at the bank", "shoot", "shot"),
                    org: str | None = None):
    """Article a1 tells ``told`` (text, predicate, predicate word); article b1 opens on ``headline``, a
    sentence with no claim (an ORG entity ``org`` mentioned in it), then tells an unrelated claim."""
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    told_id = a.claim(told[0], predicate=told[1])
    b = ArticleBuilder("b1", "Reuters", "2024-12-04")
    if org:
        b.entity(org, "ORG")
    s, e = b.say(headline)
    if org:
        b.mention(b.entities[0].id, org, within=(s, e))
    rained = b.claim("it rained all day in the city", predicate="rain")
    readings = [on_predicate(a.build(), told_id, told[2]), on_predicate(b.build(), rained, "rained")]
    story = reconcile(readings)
    event_of = {c: f.event for f in story.facts for c in f.claims}
    return readings, story, event_of[told_id]


def test_a_headline_word_outside_every_claim_refers_to_the_told_event():
    readings, story, shooting = _headline_story("One dead, two hurt in office shooting")
    refs = event_references(readings, story).by_article["b1"]
    assert [(r.text, r.event, r.kind) for r in refs] == [("shooting", shooting, "event")]
    assert readings[1].article.text[refs[0].start:refs[0].end] == "shooting"
    assert "a1" not in event_references(readings, story).by_article  # every word of a1 is in its claim


def test_a_word_outside_claims_inside_an_entity_mention_refers_to_nothing():
    readings, story, _ = _headline_story("Shooting Range Ltd reopens", org="Shooting Range Ltd")
    assert "b1" not in event_references(readings, story).by_article


def test_a_noun_outside_claims_refers_only_when_it_names_a_happening():
    # 'nominee' shares the WordNet event key of 'nominate' but names a person, not the nominating
    told = ("the president nominated Ann Lee for surgeon general", "nominate", "nominated")
    readings, story, nominated = _headline_story("Nominee Ann Lee thanks the president", told)
    assert "b1" not in event_references(readings, story).by_article
    readings, story, nominated = _headline_story("Ann Lee nominated for surgeon general", told)
    assert [(r.text, r.event) for r in event_references(readings, story).by_article["b1"]] == [("nominated", nominated)]


def test_a_word_of_telling_outside_claims_refers_to_nothing():
    # 'reports' and 'said' are some source's saying (a statement event's words), not the story's 'say' event
    told = ("the mayor said the bridge would close", "say", "said")
    readings, story, _ = _headline_story("Reports: as the mayor said on Monday", told)
    assert "b1" not in event_references(readings, story).by_article


def _anonymous_statements(*sources):
    """One article, a claim per (source text, cue), each source no entity: '<source> <cue> <content>'."""
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    made = []
    for i, (name, cue) in enumerate(sources):
        made.append((a.claim(f"the bridge closed on day {i + 1}", predicate="close", kind="anonymous", source_text=name,
                             before=f"{name} {cue} "), cue))
    reading = a.build()
    for cid, cue in made:
        reading = on_predicate(reading, cid, "closed", cue)
    return event_references([reading], reconcile([reading])), [cid for cid, _ in made]


def test_sources_with_no_entity_are_told_apart_by_their_head_word():
    refs, (police, city_police, officials) = _anonymous_statements(("the police", "said"), ("Vancouver police", "said"),
                                                                   ("officials", "said"))
    assert _statement_of(refs, police).event == _statement_of(refs, city_police).event
    assert _statement_of(refs, police).event != _statement_of(refs, officials).event
    assert sorted(s.who for s in refs.statements) == ["official", "vancouver police"]


def test_sources_of_differently_named_bodies_are_two_statements():
    # the head word alone made the White House's and the Pentagon's spokesman one source
    refs, (white_house, pentagon, bare) = _anonymous_statements(
        ("a White House spokesman", "said"), ("a Pentagon spokesman", "said"), ("a spokesman", "said"))
    events = {_statement_of(refs, c).event for c in (white_house, pentagon, bare)}
    assert len(events) == 3  # a bare 'spokesman' could be either: it joins neither
    assert sorted(s.who for s in refs.statements) == ["pentagon spokesman", "spokesman", "white house spokesman"]


def test_a_prepositional_cue_is_its_sources_saying():
    # 'according to X' gives what X says: one statement with X's 'said'
    refs, (said, according) = _statements(("Mayor Ada Brook", "said"), ("Mayor Ada Brook", "according to"))
    assert _statement_of(refs, according).text == "according to"
    assert _statement_of(refs, said).event == _statement_of(refs, according).event
    assert [s.verb for s in refs.statements] == ["say"]
