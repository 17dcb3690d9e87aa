"""Event references inside claims and statement events (storyline.reconcile.references), on hand-made readings."""

from helpers.builders import ArticleBuilder, on_predicate

from storyline.reconcile import reconcile
from storyline.reconcile.references import event_references


def _shooting_story():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    shot = a.claim("the gunman shot a guard at the bank", predicate="shoot")
    b = ArticleBuilder("b1", "Reuters", "2024-12-04")
    arrest = b.claim("police arrested the man wanted for the shooting at the bank", predicate="arrest")
    readings = [on_predicate(a.build(), shot, "shot"), on_predicate(b.build(), arrest, "arrested")]
    return readings, reconcile(readings), shot, arrest


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
