"""Fact titles: the whole clause around the statement's claim, with its subject named.

The claims are read by the read stage's display reading (storyline.read.display), as extract
reads every claim; the dossier only cuts the text where that reading says."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.core.dates import parse_published
from storyline.core.ids import content_hash
from storyline.core.records import (
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Fact,
    Mention,
    Source,
    Story,
    StoryEntity,
)
from storyline.present.report import embedded_data, render_report
from storyline.read.display import pronoun_entities, with_display
from storyline.present.report_views import Index, fact_title

TEXT = (
    "Theo Lindqvist skipped the gala. He was stunned, a friend says. "
    "Divorce papers show Celeste Varga lists the date of separation as Dec. 2, 2023, and cites irreconcilable differences. "
    "Fans first noticed that something was off earlier this month. "
    "Her manager did not respond to a request for comment. "
    "“Celeste isn’t angry, she’s heartbroken,” the insider says. "
    "“She’s laughing again,” a crew member says."
)
THEO, CELESTE = "ae-theo", "ae-celeste"


def _claim(text: str, subject: str | None) -> Claim:
    start = TEXT.index(text)
    s0 = max(TEXT.rfind(". ", 0, start) + 2, 0) if TEXT.rfind(". ", 0, start) >= 0 else 0
    s1 = TEXT.find(". ", start + len(text))
    s1 = len(TEXT) if s1 < 0 else s1 + 1
    return Claim(id=f"c-{start}", article="a1", start=start, end=start + len(text), text=text, subject=subject,
                 predicate="say", predicate_class=None, object=None, when=None, polarity="positive",
                 certainty="certain", hedges=(),
                 source=Source("unattributed", None, None, None, None, None, "none", None, None),
                 sentence_start=s0, sentence_end=s1)  # fmt: skip


def _pronoun(word: str, entity: str, after: str = "") -> Mention:
    at = TEXT.index(after + word) + len(after)
    return Mention(id=f"m-{at}", article="a1", entity=entity, start=at, end=at + len(word), text=word, kind="pronoun")


MENTIONS = (_pronoun("He", THEO, ". "), _pronoun("Her", CELESTE), _pronoun("She", CELESTE, "“"),
            _pronoun("she", CELESTE, "angry, "))  # fmt: skip
CLAIMS = {
    key: with_display(TEXT, claim, pronoun_entities(MENTIONS))
    for key, claim in {
        "stunned": _claim("He was stunned", THEO),
        "cites": _claim("cites irreconcilable differences", CELESTE),
        "noticed": _claim("Fans first noticed", None),
        "manager": _claim("Her manager did not respond to a request for comment", None),
        "angry": _claim("she’s heartbroken", CELESTE),
        "laughing": _claim("She’s laughing again", CELESTE),
    }.items()
}


@pytest.fixture(scope="module")
def ix():
    art = Article(id="a1", text=TEXT, outlet="Daily Lumen", published=parse_published("2024-05-01"), title="T",
                  url=None, origin="a1.txt", format="txt", content_hash=content_hash(TEXT))  # fmt: skip
    ents = (ArticleEntity(THEO, "a1", "Theo Lindqvist", "PERSON", ("He",), "male", {}),
            ArticleEntity(CELESTE, "a1", "Celeste Varga", "PERSON", ("Her",), "female", {}))  # fmt: skip
    reading = ArticleReading(article=art, entities=ents, mentions=MENTIONS, claims=tuple(CLAIMS.values()))
    story = Story(entities=(StoryEntity("e-theo", "Theo Lindqvist", "PERSON", (), (THEO,), ()),
                            StoryEntity("e-celeste", "Celeste Varga", "PERSON", (), (CELESTE,), ())))  # fmt: skip
    return Index([reading], story)


def _fact(key: str, statement: str | None = None) -> Fact:
    c = CLAIMS[key]
    return Fact(id=f"f-{key}", statement=statement or c.text, predicate_class=None, claims=(c.id,), articles=("a1",),
                outlets=("Daily Lumen",), independent_sources=1, status="single_source", grade="unattributed",
                when=None, statement_claim=c.id)  # fmt: skip


def test_a_leading_pronoun_becomes_the_name_it_refers_to(ix):
    title = fact_title(_fact("stunned"), ix)
    assert title.text == "Theo Lindqvist was stunned"
    assert title.parts == (("Theo Lindqvist", True), (" was stunned", False))


def test_a_clause_without_a_subject_gets_the_claims_subject(ix):
    assert fact_title(_fact("cites"), ix).text == "Celeste Varga cites irreconcilable differences"


def test_a_claim_cut_before_its_complement_is_completed_from_its_sentence(ix):
    assert fact_title(_fact("noticed"), ix).text == "Fans first noticed that something was off earlier this month"


def test_a_possessive_pronoun_becomes_a_possessive_name(ix):
    title = fact_title(_fact("manager"), ix)
    assert title.text == "Celeste Varga’s manager did not respond to a request for comment"


def test_a_name_already_in_the_clause_is_not_repeated(ix):
    assert fact_title(_fact("angry"), ix).text == "“Celeste isn’t angry, she’s heartbroken”"


def test_a_contraction_is_spelled_out_after_the_name(ix):
    assert fact_title(_fact("laughing"), ix).text == "“Celeste Varga is laughing again”"


def test_a_statement_not_taken_from_a_claim_is_kept(ix):
    fact = _fact("stunned", statement="Theo Lindqvist is 44 (as of 2024-06-17)")
    assert fact_title(fact, ix).text == "Theo Lindqvist is 44 (as of 2024-06-17)"
    lower = replace(fact, claims=("c-missing",), statement="the couple wed in 2012")
    assert fact_title(lower, ix).text == "The couple wed in 2012"


def test_the_dossier_shows_titles_and_keeps_the_statement(ix):
    reading = ix.readings[0]
    html = render_report([reading], replace(ix.story, facts=(_fact("stunned"),)))
    (fact,) = embedded_data(html)["facts"]
    assert fact["t"] == [["Theo Lindqvist", 1], [" was stunned"]] and fact["st"] == "He was stunned"


def test_the_fact_s_recorded_statement_claim_gives_the_title_not_the_first_claim_with_its_words(ix):
    # Two claims with the same words ("was stunned"): reconcile recorded the second as the one the
    # statement is written from, so its clause is the title, not the first one's.
    text = "He was stunned, a friend says. Celeste Varga was stunned too."
    art = replace(ix.readings[0].article, id="a2", text=text, content_hash=content_hash(text))
    first = Claim(id="c-first", article="a2", start=3, end=14, text="was stunned", subject=THEO, predicate="say",
                  predicate_class=None, object=None, when=None, polarity="positive", certainty="certain", hedges=(),
                  source=Source("unattributed", None, None, None, None, None, "none", None, None),
                  sentence_start=0, sentence_end=30)  # fmt: skip
    at = text.index("was stunned too")
    second = replace(first, id="c-second", start=at, end=at + 11, subject=CELESTE, sentence_start=31,
                     sentence_end=len(text))  # fmt: skip
    claims = tuple(with_display(text, c, {0: THEO}) for c in (first, second))  # "He" is a pronoun mention of Theo
    reading = ArticleReading(article=art, entities=ix.readings[0].entities, claims=claims)
    index = Index([reading], ix.story)
    fact = replace(_fact("stunned"), claims=("c-first", "c-second"), articles=("a2",), statement_claim="c-second",
                   statement="was stunned")  # fmt: skip
    assert fact_title(fact, index).text == "Celeste Varga was stunned too"
    assert fact_title(replace(fact, statement_claim="c-first"), index).text == "Theo Lindqvist was stunned"


def test_a_claim_read_before_schema_8_shows_its_own_words(ix):
    # Stored readings without the display fields still render, as the claim was written.
    old = replace(CLAIMS["noticed"], title_start=None, title_end=None, title_subject_start=None, title_subject_end=None,
                  title_subject=None, headline_end=None)  # fmt: skip
    index = Index([replace(ix.readings[0], claims=(old,))], ix.story)
    assert fact_title(_fact("noticed"), index).text == "Fans first noticed"


def test_a_fact_stored_without_its_statement_claim_shows_its_statement(ix):
    assert fact_title(replace(_fact("stunned"), statement_claim=None), ix).text == "He was stunned"
