"""storyline_attribution rules on hand-built Docs (table POS tags, no parse)."""

from __future__ import annotations

from helpers.docs import make_doc, person, table
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.read.attribution import attribution_component, find_attributions

# ---- direct quotes: layouts --------------------------------------------------------------


def test_source_after_quote():
    rows = table(make_doc("“She is doing great,” the source says."))
    assert rows == [("She is doing great", "the source", "anonymous", "anonymous:1", "says", "direct", None)]


def test_inverted_cue_shares_the_source():
    rows = table(make_doc("“She cries every night,” shares the source."))
    assert rows[0][:5] == ("She cries every night", "the source", "anonymous", "anonymous:1", "shares")


def test_source_before_quote_with_colon_and_with_that():
    rows = table(make_doc("The insider says: “It is over.” A second insider notes that “They fought for years.”"))
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("It is over", "The insider", "anonymous:1"),
        ("They fought for years", "A second insider", "anonymous:2"),
    ]


def test_quote_split_around_the_cue():
    rows = table(make_doc("“She tried,” the source says, “but it was too late.”"))
    assert [(r[0], r[3]) for r in rows] == [("She tried", "anonymous:1"), ("but it was too late", "anonymous:1")]


def test_quote_running_over_sentences_and_paragraphs_keeps_its_source():
    text = "“It was over. Nobody could fix it,” the pal says. “She moved on.”\n\n“And he knows it.”"
    rows = table(make_doc(text))
    assert [r[0] for r in rows] == ["It was over. Nobody could fix it", "She moved on", "And he knows it"]
    assert {r[3] for r in rows} == {"anonymous:1"}


def test_unclosed_quote_continued_in_next_paragraph_takes_the_later_cue():
    text = "“We were done long before.\n\n“It just took time,” Mara Quinn said."
    doc = make_doc(text, entities=[person(7, "Mara Quinn", text)])
    rows = table(doc)
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("We were done long before", "named_person", "person:7"),
        ("It just took time", "named_person", "person:7"),
    ]


def test_partial_quote_content_is_the_quoted_words():
    rows = table(make_doc("Lee, 46, “would not come home,” the source says."))
    assert rows[0][:2] == ("would not come home", "the source")
    rows = table(make_doc("A second insider says Reyes “has been there for her.”"))
    assert rows[0][:2] == ("has been there for her", "A second insider")


def test_quotes_joined_by_narration_share_one_cue():
    text = "It ended in May, when “she decided to leave” and soon “moved out,” the second source shares."
    rows = table(make_doc(text))
    assert len(rows) == 1 and rows[0][0] == "she decided to leave” and soon “moved out"
    assert rows[0][3] == "anonymous:1" and rows[0][5] == "indirect"  # numbered in order of introduction


def test_nested_quote_gets_its_own_speaker():
    text = "Her friends “told her, ‘You lose him how you get him,’” the source says."
    rows = table(make_doc(text))
    contents = {r[0]: r for r in rows}
    assert contents["You lose him how you get him"][1] == "Her friends"
    assert contents["You lose him how you get him"][2] == "anonymous"
    outer = contents["told her, ‘You lose him how you get him,’"]
    assert outer[1] == "the source" and outer[3] != contents["You lose him how you get him"][3]


def test_scare_quotes_are_not_attributed():
    assert table(make_doc("Quinn is “still hurt” after the split.")) == []


def test_unbalanced_paragraph_does_not_spoil_the_article():
    text = "“She left, the source says.\n\n“He stayed,” says the pal.\n\nShe said “yes."
    rows = table(make_doc(text))
    assert ("He stayed", "the pal") in [(r[0], r[1]) for r in rows]


def test_cue_never_borrowed_from_the_next_sentence():
    text = "“It was a shock.” Us confirmed in May that the pair split.\n\n“She knew,” the second source tells Us."
    rows = table(make_doc(text, outlet="Us Weekly"))
    by_content = {r[0]: r for r in rows}
    assert "It was a shock" not in by_content or by_content["It was a shock"][1] != "Us"
    assert by_content["She knew"][1:4] == ("the second source", "anonymous", "anonymous:1")
    assert by_content["She knew"][6] == "Us Weekly"
    assert by_content["the pair split"][2:4] == ("outlet", "outlet")


# ---- the register -----------------------------------------------------------------------------


def test_first_and_second_insiders_stay_apart():
    text = (
        "“She was done,” a source exclusively reveals.\n\n"
        "A second insider notes that “they fought.” “He was away,” the source says.\n\n"
        "“She was hurt,” the second source claims.\n\n"
        "“She is smart,” the first insider explains.\n\n"
        "“She is strong,” the insider says."
    )
    rows = table(make_doc(text, outlet="Us Weekly"))
    keys = [(r[0], r[3]) for r in rows]
    assert keys == [
        ("She was done", "anonymous:1"),
        ("they fought", "anonymous:2"),
        ("He was away", "anonymous:2"),
        ("She was hurt", "anonymous:2"),
        ("She is smart", "anonymous:1"),
        ("She is strong", "anonymous:1"),
    ]
    assert rows[0][6] == "Us Weekly"  # exclusive: via the publishing outlet


def test_another_source_is_new_and_plural_insiders_are_a_group():
    text = "Insiders say she is fine. “He is not,” a source says. “They talk,” another source adds. “Yes,” one of them says."
    rows = table(make_doc(text))
    assert [r[3] for r in rows] == ["anonymous:1", "anonymous:2", "anonymous:3", "anonymous:1"]


# ---- indirect speech and source kinds -------------------------------------------------------


def test_named_person_through_another_outlet():
    text = "Quinn told The Wall Street Journal that she lives in Paris."
    rows = table(make_doc(text, entities=[person(3, "Quinn", text)]))
    assert rows == [("she lives in Paris", "Quinn", "named_person", "person:3", "told", "indirect", "The Wall Street Journal")]


def test_anonymous_exclusive_to_the_publisher():
    rows = table(make_doc("“She is starting over,” a source tells Daily Lumen exclusively.", outlet="Daily Lumen"))
    assert rows[0][2] == "anonymous" and rows[0][6] == "Daily Lumen"


def test_outlet_kinds():
    rows = table(make_doc("We have learned that the pair split. People reported that he moved out.", outlet="Us Weekly"))
    assert [(r[0], r[2]) for r in rows] == [("the pair split", "outlet"), ("he moved out", "other_media")]


def test_according_to_reports_and_reports_broke():
    text = "According to reports, she found out in March. Days later, reports broke that the pair split."
    rows = table(make_doc(text))
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("she found out in March", "other_media", "According to"),
        ("the pair split", "other_media", "broke"),
    ]


def test_trailing_according_to_a_source():
    rows = table(make_doc("The pair split in May, according to a source close to the couple."))
    assert rows[0][:3] == ("The pair split in May", "a source", "anonymous")  # minimal noun phrase


def test_social_media_caption():
    text = "“It keeps getting better,” the Jackie star captioned a photo."
    rows = table(make_doc(text))
    assert rows[0][2] == "social_media" and rows[0][4] == "captioned"


def test_document_source():
    rows = table(make_doc("Court papers show that she filed in May."))
    assert rows[0][:3] == ("she filed in May", "Court papers", "document")


def test_observation_and_rumor_without_a_carrier():
    text = "The pair were seen kissing at a dinner.\n\nHer ring finger was bare.\n\nLee reportedly left his girlfriend."
    rows = table(make_doc(text))
    assert [(r[2], r[4], r[5]) for r in rows] == [
        ("observation", "were seen", "none"),
        ("observation", "was bare", "none"),
        ("rumor", "reportedly", "none"),
    ]


def test_rumors_swirled_that():
    rows = table(make_doc("The split came after rumors swirled that he was having an affair."))
    assert rows == [("he was having an affair", "rumors", "rumor", "rumor", "swirled", "indirect", None)]


def test_pronoun_source_resolves_to_entity_when_coref_gave_it():
    text = "Quinn smiled. “I am happy,” she said."
    rows = table(make_doc(text, entities=[person(4, "Quinn", text, "she")]))
    assert rows[0][2:4] == ("named_person", "person:4")


def test_component_fills_span_groups():
    doc = attribution_component(make_doc("“She is fine,” the source says."))
    assert [s.label_ for s in doc.spans["sl_sources"]] == ["anonymous"]
    assert [s.text for s in doc.spans["sl_contents"]] == ["She is fine"]


def test_meta_and_entities_may_be_missing():
    doc = make_doc("“She is fine,” Quinn says.")
    doc._.sl_meta = None
    doc._.sl_entities = None
    assert table(doc)[0][2] == "named_person"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", "\"", "‘", "’", "says", "the", "source", "She", "left", ".", ",", "\n\n", "that", "according", "to", "reportedly"]), max_size=40))
def test_never_raises_on_odd_text(words):
    doc = make_doc(" ".join(words))
    for a in find_attributions(doc):
        assert 0 <= a.content_start <= a.content_end <= len(doc.text)


# ---- conventions of the attribution gold ----------------------------------------------------


def test_unbalanced_quote_ends_at_the_reporting_clause():
    text = "“We will not reopen a bridge we can not trust, Quinn said. She added that repairs cost $5 million."
    rows = table(make_doc(text))
    assert rows[0][:2] == ("We will not reopen a bridge we can not trust", "Quinn")
    assert ("repairs cost $5 million", "She") in [(r[0], r[1]) for r in rows]


def test_appositive_name_is_the_source():
    rows = table(make_doc("“The reports are false,” her spokesperson, Lena Ward, told Starwatch Daily."))
    assert rows[0][1:3] == ("Lena Ward", "named_person")


def test_medium_decides_the_kind():
    rows = table(make_doc("Mendes said in a statement that they ask for privacy. Cole wrote on Instagram that she is done."))
    assert [(r[1], r[2]) for r in rows] == [("Mendes", "document"), ("Cole", "social_media")]


def test_as_outlet_reported_and_crowd_speculation():
    text = "As Glitter first reported, producers hired a mediator. Fans suspect that the pair split."
    rows = table(make_doc(text, outlet="Glitter"))
    assert [(r[0], r[2]) for r in rows] == [("producers hired a mediator", "outlet"), ("the pair split", "rumor")]


def test_the_source_never_resolves_to_a_group():
    text = "“He left,” a source says. Her friends say that she is fine. “He is gone,” the source says."
    rows = table(make_doc(text))
    assert [r[3] for r in rows] == ["anonymous:1", "anonymous:2", "anonymous:1"]


def test_participial_cue_splits_the_reported_clause():
    text = "Bell said the team would decide on Friday, adding that “she may not play.”"
    rows = table(make_doc(text))
    assert [(r[0], r[1]) for r in rows] == [("the team would decide on Friday", "Bell"), ("she may not play", "Bell")]


def test_cueless_quote_does_not_continue_plain_indirect_speech():
    text = "Lumen announced that it will buy five jets. Analysts were surprised by the move. “I love it.”"
    rows = table(make_doc(text))
    assert [r[0] for r in rows] == ["it will buy five jets"]


def test_passive_cue_and_relative_pronoun_are_not_sources():
    assert table(make_doc("The deal was announced that day.")) == []
    assert table(make_doc("The line, which added that prices rise, is new.")) == []
