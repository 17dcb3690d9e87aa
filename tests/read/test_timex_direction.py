"""Which way a partial date resolves: a clause about the past points at the most recent past date.

Each case is a sentence of the demo corpus with its own publication date. Each is checked twice:
from cue words alone (no parse) and through the real pipeline (the parse decides first).
"""

from __future__ import annotations

from datetime import date

import pytest

from storyline.core.dates import interval
from storyline.read.doc import ArticleMeta
from storyline.read.timex import tag_timexes

STARWATCH = date(2024, 3, 14)  # 2024-03-14-starwatch.txt
GLITTER = date(2024, 2, 6)  # gl-2024-02-06 in batch-2024.jsonl
LUMEN = date(2024, 5, 13)  # 2024-05-13-daily-lumen.txt

WINTER = "The choreographer has spent much of the winter in Lisbon."
WINTER_GLITTER = "The singer has spent much of the winter in Portugal recording her second album."
THANKSGIVING = "“They tried counseling in the fall, but by Thanksgiving it was obvious to everyone,” the insider says."
INSIDERS = ("The Oscar winner filed for divorce from Theo Lindqvist last week, and the two insiders who spoke to "
            "{outlet} in January are talking again.")

CASES = [
    # (text, publication date, timex text, expected value)
    (WINTER, STARWATCH, "the winter", "2023-WI"),
    (WINTER_GLITTER, GLITTER, "the winter", "2023-WI"),
    (THANKSGIVING, STARWATCH, "Thanksgiving", "2023-11-23"),
    (INSIDERS.format(outlet="Daily Lumen"), LUMEN, "January", "2024-01"),
    (INSIDERS.format(outlet="Red Carpet Daily"), LUMEN, "January", "2024-01"),
    (INSIDERS.format(outlet="Star Tattler"), LUMEN, "January", "2024-01"),
    ("She talked to Daily Lumen in March.", date(2024, 1, 17), "March", "2023-03"),
]


def _value(timexes, text: str) -> str:
    found = {t.text: t.value for t in timexes}
    assert text in found, found
    return found[text]


@pytest.mark.parametrize(("text", "published", "span", "value"), CASES)
def test_direction_from_cue_words(text, published, span, value):
    assert _value(tag_timexes(text, published), span) == value


@pytest.mark.model
@pytest.mark.parametrize(("text", "published", "span", "value"), CASES)
def test_direction_through_the_pipeline(text, published, span, value):
    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc._.sl_meta = ArticleMeta(article_id="t", outlet=None, published=published)
    doc = nlp(doc)
    assert _value(doc._.sl_timexes, span) == value


def test_the_winter_just_past_is_before_publication():
    """The value means the winter of December 2023 to February 2024, not the next one."""
    span = interval(_value(tag_timexes(WINTER, STARWATCH), "the winter"))
    assert (span.start, span.end) == (date(2023, 12, 1), date(2024, 2, 29))
    assert span.end < STARWATCH


def test_outlet_name_does_not_move_the_date():
    values = {_value(tag_timexes(INSIDERS.format(outlet=o), LUMEN), "January")
              for o in ("Daily Lumen", "Red Carpet Daily", "The Velvet Rope", "Us Weekly", "To Be Announced")}
    assert values == {"2024-01"}


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        # future and present stay as they were
        ("The tour will resume in the spring.", STARWATCH, "the spring", "2024-SP"),
        ("They will spend Thanksgiving apart.", STARWATCH, "Thanksgiving", "2024-11-28"),
        ("By Thanksgiving it was over.", date(2024, 12, 10), "Thanksgiving", "2024-11-28"),
        ("The couple spent last summer in Lisbon.", date(2024, 8, 20), "last summer", "2023-SU"),
        ("She wants to finish filming by the summer.", STARWATCH, "the summer", "2024-SU"),
        # a capitalised word after "to" is a name, not a verb of intention
        ("He told friends he plans to move in March.", date(2024, 1, 17), "March", "2024-03"),
    ],
)
def test_direction_other_cases(text, published, span, value):
    assert _value(tag_timexes(text, published), span) == value


# --- the governing verb's tense and mood (TimeML 1.2.1 guidelines, 2.2.3 on anchoring: an
# underspecified weekday is placed before or after the document time by the tense of the verb
# it modifies). Checked through the parse; the sentences are news-shaped, written for the tests.
MONDAY = date(2000, 4, 3)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a modal puts the event ahead of the telling
        ("Officials said his father could come to the U.S. from Cuba as early as Tuesday.", "Tuesday", "2000-04-04"),
        # ... but a modal perfect looks back
        ("Concern about the chip may have been responsible for the drop on Saturday.", "Saturday", "2000-04-01"),
        # a present-tense verb of intention governs a plan: the next Tuesday
        ("On Tuesday, the league plans to hold a news conference.", "Tuesday", "2000-04-04"),
        # what an active present perfect gives lasts until a deadline ahead
        ("The agency has given the relatives until 9 a.m. Tuesday to sign the paper.", "9 a.m. Tuesday", "2000-04-04T09:00"),
        # "through" bounds what is given as "until" does
        ("The bank has extended the company $90 million in loans through January.", "January", "2001-01"),
        # while a present perfect without a deadline reports what is done
        ("The agency has signed the paper on Saturday.", "Saturday", "2000-04-01"),
    ],
)
def test_timeml_weekday_direction_follows_the_governing_verb(text, span, value):
    """TimeML 1.2.1 guidelines (anchoring a weekday by the tense of its verb)."""
    assert _parsed_value(text, MONDAY, span) == value


def _load_doc(text: str):
    from storyline.read.pipeline import _load_base

    return _load_base(None)(text)


def _parsed_value(text: str, published: date, span: str) -> str:
    return _value(tag_timexes(text, published, doc=_load_doc(text)), span)


APRIL99 = date(1999, 4, 19)  # a Monday
FRIDAY99 = date(1999, 4, 23)


@pytest.mark.parametrize(
    "text",
    ["Sales are up 5 percent through March.", "The index is down 3 percent this year through March.",
     "The index has gained 10 percent through March."],
)
def test_a_total_through_a_month_looks_back(text):
    """TimeML 1.2.1 (anchoring by the governing verb): a measure "through March" (a year-to-date
    total) reports a period already over, so the month is the latest March before publication;
    "through" gives no deadline ahead as "until" does."""
    assert _value(tag_timexes(text, APRIL99), "March") == "1999-03"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales are up 5 percent through March.", "March", "1999-03"),
        ("The index is down 3 percent this year through March.", "March", "1999-03"),
        ("The index has gained 10 percent through March.", "March", "1999-03"),
        # a past-tense reporting verb governs the modal: "could" is the past of "can"
        ("He said he couldn't sleep on Saturday.", "Saturday", "1999-04-17"),
        ("Rescuers could see the survivors on Saturday, he said.", "Saturday", "1999-04-17"),
        ("Police said they could not reach him on Sunday.", "Sunday", "1999-04-18"),
        # an active perfect with nothing given or kept reports what is done by now
        ("He has lived there through March.", "March", "1999-03"),
        # a counted total in the object is a running total over a period already closed
        ("The striker has scored 12 goals through March.", "March", "1999-03"),
        ("Ford has sold 2 million trucks through March, the company said.", "March", "1999-03"),
        ("The airline has carried 3 million passengers through March.", "March", "1999-03"),
        # an infinitive of purpose under a past verb tells of the past ("to" is no cue ahead there)
        ("The mother was kidnapped along with the boy to make the late-November trip, Castro said.", "late-November", "1998-11"),
        ("Problems made it extremely difficult for Sun to meet demand well into the summer.", "the summer", "1998-SU"),
    ],
)
def test_timeml_past_clauses_through_the_parse(text, span, value):
    """TimeML 1.2.1 guidelines (a weekday or month anchored by the tense of its governing verb): a
    measure through a month, or "could" under a past reporting verb, tells of the past."""
    assert _parsed_value(text, APRIL99, span) == value


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # news tells a scheduled event in the simple present: the next such day
        ("He and Arafat meet separately Thursday with Albright.", "Thursday", "1999-04-22"),
        ("The committee votes on Thursday on the bill.", "Thursday", "1999-04-22"),
        # ... but a present that retells, or a weekday dating a noun, is the last one
        ("The minister says Thursday that he is ready.", "Thursday", "1999-04-15"),
        ("The GM move follows Tuesday's declaration by Ford.", "Tuesday", "1999-04-13"),
        # a possessive weekday dates its noun, not the plan the clause states: the nearest
        ("His relatives said they would look for ways to get around Wednesday's ruling.", "Wednesday", "1999-04-14"),
        # ... and the sentence's main verb gives its side: a present one looks ahead to the next
        ("Candidates are rushing to prepare for Thursday's debate.", "Thursday", "1999-04-22"),
        ("Analysts are waiting to see Friday's jobs report.", "Friday", "1999-04-23"),
        ("He declined to comment on Friday's report.", "Friday", "1999-04-16"),
        # a negative subject denies "could" as "not" does: the past of "can"
        ("Neither he nor his grandparents could be located Thursday in their hometown.", "Thursday", "1999-04-15"),
        ("No one could reach him on Thursday.", "Thursday", "1999-04-15"),
        # ... a "no" further down the subject does not
        ("A company with no debt could grow on Thursday.", "Thursday", "1999-04-22"),
    ],
)
def test_timeml_simple_present_and_negative_subjects_through_the_parse(text, span, value):
    """TimeML 1.2.1 guidelines (a weekday anchored by the tense of its governing verb): a simple
    present of an event verb is what is scheduled; "Neither ... could" is past."""
    assert _parsed_value(text, APRIL99, span) == value


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a headline tells what has happened in the simple present (what lies ahead takes "to"):
        # published on a Friday, its Thursday is the day before, as in the body below it
        ("Stocks tumble Thursday as oil prices surge\nStocks fell sharply Thursday.", "Thursday", "1999-04-22"),
        ("Earthquake kills 20 in Turkey on Thursday\nAn earthquake killed 20 people on Thursday.", "Thursday", "1999-04-22"),
    ],
)
def test_a_headline_in_the_simple_present_looks_back(text, span, value):
    """Newswriting's headline present: the simple present of a headline (a line with no closing
    punctuation) is what happened, so a weekday in it is not a scheduled one ahead."""
    timexes = tag_timexes(text, FRIDAY99, doc=_load_doc(text))
    assert [t.value for t in timexes if t.text == span] == [value, value]


@pytest.mark.model
def test_a_possessive_month_keeps_the_tense_its_clause_gives():
    """The possessive rule is a weekday's ("to get around Wednesday's ruling"): a month's
    possessive under an expectation still looks ahead, as before it."""
    assert _parsed_value("The party is expected to win November's election.", APRIL99, "November") == "1999-11"


def test_could_not_looks_back_from_cue_words():
    """TimeML 1.2.1 (anchoring by the governing verb), no parse: a negated "could" is the past of
    "can" ("could not reach him on Sunday"), so it is no cue of the future."""
    assert _value(tag_timexes("Police said they could not reach him on Sunday.", APRIL99), "Sunday") == "1999-04-18"
    assert _value(tag_timexes("Police could not reach him on Sunday.", APRIL99), "Sunday") == "1999-04-18"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a present or passive verb with "through" and no measured change: a period running ahead
        ("The exhibit runs through Sunday.", "Sunday", "1999-04-25"),
        ("The curfew lasts through Sunday.", "Sunday", "1999-04-25"),
        ("The ceasefire has been extended through Sunday.", "Sunday", "1999-04-25"),
        ("The deal has been extended through January.", "January", "2000-01"),
        # speculation reported in the past stays ahead of the telling
        ("Officials said the vote could come Thursday.", "Thursday", "1999-04-22"),
        ("The storm could make landfall on Thursday, forecasters said.", "Thursday", "1999-04-22"),
        ("He said he could come on Saturday.", "Saturday", "1999-04-24"),
        # "could not ... before Thursday": Thursday is the earliest time, ahead
        ("Forecasters said the storm could not reach the coast before Thursday.", "Thursday", "1999-04-22"),
        ("He said they couldn't meet until Thursday.", "Thursday", "1999-04-22"),
        # a measured change in another clause closes no period of this one
        ("Sales rose 5 percent in the quarter, and the promotion runs through Sunday.", "Sunday", "1999-04-25"),
        # what a perfect keeps or gives (its object) lasts through a date ahead
        ("The government has extended the deadline through Friday.", "Friday", "1999-04-23"),
        ("The bank has extended loans through January.", "January", "2000-01"),
        # ... and one under a future verb stays ahead
        ("He will fly to Miami to attend the hearing in November.", "November", "1999-11"),
    ],
)
def test_timeml_future_clauses_through_the_parse(text, span, value):
    """TimeML 1.2.1 guidelines (anchoring by the governing verb): a present or passive verb runs
    "through" a date ahead unless a measured change closes a period; "could" + an event verb under a
    past reporting verb is speculation about what is ahead."""
    assert _parsed_value(text, APRIL99, span) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The exhibit runs through Sunday.", "Sunday", "1999-04-25"),
        ("The deal has been extended through January.", "January", "2000-01"),
        ("He said he couldn't sleep on Saturday.", "Saturday", "1999-04-17"),
        ("Police couldn't reach him on Sunday.", "Sunday", "1999-04-18"),
        # an active perfect "through" a month reports what is done by now
        ("He has lived there through March.", "March", "1999-03"),
    ],
)
def test_through_and_couldnt_from_cue_words(text, span, value):
    """TimeML 1.2.1 (anchoring by the governing verb), no parse: "through" after a present verb runs
    ahead as "until" does; "couldn't" is the past of "can't", as "could not" is."""
    assert _value(tag_timexes(text, APRIL99), span) == value



@pytest.mark.model
@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a purpose after a past verb is a plan, ahead of the main event: "to" stays a cue of the future
        ("The president left Washington on Monday to attend a summit in Paris on Friday.", "Friday", "1999-04-23"),
        ("Officials met to plan the vote in June.", "June", "1999-06"),
        # a date naming the object's event ("the late-November trip") is no adverbial of the purpose:
        # the nearest November
        ("The mother was kidnapped along with the boy to make the late-November trip, Castro said.", "late-November", "1998-11"),
    ],
)
def test_a_purpose_under_a_past_verb_points_ahead(text, span, value, convention):
    """TimeML 1.2.1 (anchoring by the governing verb): an infinitive of purpose follows its main
    event, so a date said of it is not put before publication by the main verb's past tense."""
    from storyline.read.pipeline import _load_base

    doc = _load_base(None)(text)
    assert _value(tag_timexes(text, APRIL99, doc=doc, convention=convention), span) == value
