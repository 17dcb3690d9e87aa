"""storyline's TIMEX3 tagger: one test group per rule family, on the project's own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.read.timex import tag_timexes

JAN = date(2024, 1, 17)  # a Wednesday
AUG = date(2023, 8, 16)  # a Wednesday


def tags(text: str, published: date | None = JAN, **kw) -> dict[str, tuple]:
    """text -> (type, value, mod, anchor) for every timex found."""
    return {t.text: (t.type, t.value, t.mod, t.anchor) for t in tag_timexes(text, published, **kw)}


def only(text: str, published: date | None = JAN, **kw) -> tuple:
    found = tag_timexes(text, published, **kw)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.type, t.value, t.mod, t.anchor


# --- explicit dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The label was founded on August 4, 2019 in Lyon.", "August 4, 2019", "2019-08-04"),
        ("The deal closed on 11 December 2009, officials said.", "11 December 2009", "2009-12-11"),
        ("Sales slumped in November 2006.", "November 2006", "2006-11"),
        ("The filing is dated 2009-05-14.", "2009-05-14", "2009-05-14"),
        ("A memo dated 7/8/07 surfaced.", "7/8/07", "2007-07-08"),
        ("Profits rose in the fourth quarter of 2005.", "the fourth quarter of 2005", "2005-Q4"),
        # two quarters from the start or the end of a year are its half
        ("Losses will last through the first two quarters of 1990.", "the first two quarters of 1990", "1990-H1"),
        ("Sales grew in the last two quarters of 2005.", "the last two quarters of 2005", "2005-H2"),
        ("Prices peaked in the 1990s.", "1990s", "199"),
        ("The line opens in 2031.", "2031", "2031"),
        ("It was the spring of 2008.", "the spring of 2008", "2008-SP"),
        ("The band peaked in '82.", "'82", "1982"),
        ("The company was set up on Monday, June 1, 2009.", "Monday, June 1, 2009", "2009-06-01"),
        ("They met in the 19th century.", "the 19th century", "18"),
    ],
)
def test_explicit_dates(text, span, value):
    found = tags(text)
    assert span in found, found
    assert found[span][1] == value
    assert found[span][3] is None  # fully stated: not computed from anything


def test_modifiers_join_the_span_and_set_mod():
    assert only("The line opened in mid-2011.") == ("mid-2011", "DATE", "2011", "MID", None)
    assert only("Cuts are due by early June.", AUG)[1:4] == ("DATE", "2024-06", "START")
    assert only("Sales fell in late 2006.")[:4] == ("late 2006", "DATE", "2006", "END")


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_year_after_pre_or_post_is_that_year_with_its_mod(convention):
    """TimeBank NYT20000224.0173: "the post-1959 politics" tags "post-1959" (1959), as "mid-2011"
    is 2011; the hyphened prefix says after or before it. "pre-2000 models" likewise."""
    found = tags("But the post-1959 politics split families; pre-2000 models were recalled.", convention=convention)
    assert found["post-1959"] == ("DATE", "1959", "AFTER", None), found
    assert found["pre-2000"] == ("DATE", "2000", "BEFORE", None), found
    assert tags("The repost-2000 tag and the compost-1999 heap.", convention=convention) == {}
    # only a year: "pre-1990s" is no 1990s, "post-2 p.m." no 2 p.m., "post-30 days" no 30 days
    for text in ("The pre-1990s records were lost.", "A post-2 p.m. session ran late.", "Post-30 days, fees rise."):
        assert tags(text, convention=convention) == {}, text


# --- partial dates completed from the publication date and tense --------------------------------


def test_month_takes_publication_year_by_default():
    assert only("She found out in March that he had lied.", AUG)[2:] == ("2023-03", None, "DCT")


def test_month_day_in_same_month_as_publication():
    assert only("She was seen at a gala on January 9, smiling.", JAN)[2] == "2024-01-09"


def test_past_tense_month_after_publication_goes_to_previous_year():
    assert only("The singer moved out in October.", JAN)[2] == "2023-10"


def test_future_tense_month_before_publication_goes_to_next_year():
    assert only("The tour will resume in March.", AUG)[2] == "2024-03"


def test_attributive_month_and_by_month():
    found = tags("The pair were seen at a May dinner, but by June they were living apart.", AUG)
    assert found["May"][1] == "2023-05"
    assert found["June"][1] == "2023-06"


# --- relative to the publication date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("It became clear toward the end of last year that it was over.", "the end of last year", "2023", "END"),
        ("She hinted at the split earlier this month.", "earlier this month", "2024-01", None),
        ("The trouble began over a year ago.", "over a year ago", "2023", "MORE_THAN"),
        ("The pair argued last week.", "last week", "2024-W02", None),
        ("The album comes out next month.", "next month", "2024-02", None),
        ("They separated last September.", "last September", "2023-09", None),
        ("The couple spoke yesterday.", "yesterday", "2024-01-16", None),
        ("Shares fell sharply today.", "today", "2024-01-17", None),
        ("Shares fell this morning.", "this morning", "2024-01-17TMO", None),
        ("Two years ago the studio closed.", "Two years ago", "2022", None),
        ("Results are due in the first quarter.", "the first quarter", "2024-Q1", None),
    ],
)
def test_relative_to_publication(text, span, value, mod):
    found = tags(text)
    assert span in found, found
    assert found[span][1:] == (value, mod, "DCT")


def test_weekday_in_past_context_is_the_one_before_publication():
    assert only("The firm said on Thursday that it had filed.", JAN)[2] == "2024-01-11"


def test_weekday_in_future_context_is_the_next_one():
    assert only("The board will meet on Thursday.", JAN)[2] == "2024-01-18"


def test_weekday_of_publication_day_is_that_day():
    assert only("The court ruled on Wednesday.", JAN)[2] == "2024-01-17"


def test_clock_times_take_the_day():
    assert only("Trading halted at 16:00 UTC today.")[1:3] == ("TIME", "2024-01-17T16:00Z")
    assert only("The plane landed at 6:40 p.m. local time.")[2] == "2024-01-17T18:40"
    assert only("Fans gathered on Friday morning.")[1:3] == ("TIME", "2024-01-12TMO")


# --- anaphoric: anchored on the last calendar date in the text -----------------------------------


def test_year_later_is_anchored_on_the_last_explicit_date():
    text = "On August 4, 2021 the dancer posted a photo. But exactly a year later, she was alone."
    found = tag_timexes(text, AUG)
    assert [t.text for t in found] == ["August 4, 2021", "exactly a year later"]
    assert (found[1].value, found[1].anchor) == ("2022-08-04", "t0")


def test_days_later_means_after_the_anchor():
    text = "The pair were photographed on June 2, 2023. Just days later, the split was reported."
    found = tag_timexes(text, AUG)
    assert (found[1].text, found[1].value, found[1].mod, found[1].anchor) == (
        "days later", "2023-06-02", "AFTER", "t0"
    )


def test_following_month_and_same_day():
    text = "The studio shut in March 2019. The following month, staff sued. The same day, shares fell."
    found = tags(text)
    assert found["The following month"][1:] == ("2019-04", None, "t0")
    assert found["The same day"][1] == "2019-04"  # anchored on the month just computed


def test_anaphor_without_earlier_date_falls_back_to_publication():
    assert only("A year later, the case was closed.")[2:] == ("2025-01-17", None, "DCT")


# --- durations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("They split after 11 years of marriage.", "11 years", "P11Y", None),
        ("Within weeks she had moved out.", "weeks", "PXW", None),
        ("He has been lying for many years.", "many years", "PXY", None),
        ("The strike lasted nearly five months.", "nearly five months", "P5M", "LESS_THAN"),
        ("Nurses work a 12-hour shift.", "12-hour", "PT12H", None),
        ("The probe took two and a half years.", "two and a half years", "P2.5Y", None),
        ("Shares rose over the past nine days.", "the past nine days", "P9D", None),
        ("It is a decades-long rivalry.", "decades-long", "PXDE", None),
        ("The firm has 41-year roots.", "41-year", "P41Y", None),
        ("Fans have grown older over the years.", "over the years", "PXY", None),
        # a spelled number with a scale word is one number ("two hundred", not "hundred")
        ("The dynasty ruled for two hundred years.", "two hundred years", "P200Y", None),
        ("Families have kept the secret for more than two thousand years.", "more than two thousand years",
         "P2000Y", "MORE_THAN"),
        ("The dynasty ruled for fifteen hundred years.", "fifteen hundred years", "P1500Y", None),
        ("The dynasty ruled for two hundred and fifty years.", "two hundred and fifty years", "P250Y", None),
        ("The war lasted a hundred and one days.", "a hundred and one days", "P101D", None),
        # "by" measures a difference in time, as "for" measures a stretch
        ("The action followed by one day an announcement that it will sell.", "one day", "P1D", None),
        ("It is a struggle that predates his birth by decades.", "decades", "PXDE", None),
        # a bare plural of an irregular unit, as "for years"
        ("The mosque dominated the skyline for centuries.", "centuries", "PXCE", None),
    ],
)
def test_durations(text, span, value, mod):
    found = tags(text)
    assert span in found, found
    assert found[span] == ("DURATION", value, mod, None)


# --- "today is the eighth day of ...": the day it names ----------------------------------------------


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_the_nth_day_that_today_is_is_the_publication_day(convention):
    found = tags("In Saudi Arabia, today is the eighth day of Desert Shield.", convention=convention)
    assert found["the eighth day"] == ("DATE", "2024-01-17", None, "DCT")
    found = tags("More gunfire in Kosovo. It's the second day of an offensive by the security forces.", convention=convention)
    assert found["the second day"] == ("DATE", "2024-01-17", None, "DCT")
    # an ordinal day that nothing places is no date of its own
    assert tags("The first day of trading was calm.", convention=convention) == {}


# --- PRESENT_REF / PAST_REF / FUTURE_REF, and sets -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Her focus right now is her children.", "right now", "PRESENT_REF"),
        ("The firm is currently in talks.", "currently", "PRESENT_REF"),
        ("He recently moved to Paris.", "recently", "PAST_REF"),
        ("She is looking toward the future.", "the future", "FUTURE_REF"),
        # "this moment" is the present; an indefinite later point an unknown day under MEANTIME
        # (FUTURE_REF under TimeML: test_timex_conventions)
        ("The firm may seek financing at a later date.", "a later date", "XXXX-XX-XX"),
        ("Talks resume at some future date.", "some future date", "XXXX-XX-XX"),
        ("He would not travel at this crucial moment.", "this crucial moment", "PRESENT_REF"),
        ("The house is empty at the moment.", "the moment", "PRESENT_REF"),
        ("Talks are under way at this very moment.", "this very moment", "PRESENT_REF"),
    ],
)
def test_reference_words(text, span, value):
    assert tags(text)[span] == ("DATE", value, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "For the moment, he has decided against it.",  # how long a choice holds, no point in time
        "The moment was marked by celebrations.",
        "She changed her mind at the last moment.",
        "It has worked since the moment the tragedies occurred.",
        "The store set a later date for the sale.",  # a date fixed, not an indefinite future
    ],
)
def test_moments_and_dates_that_are_no_reference_words(text):
    assert tags(text) == {}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The festival is held every year.", "every year", "P1Y"),
        ("The magazine comes out weekly.", "weekly", "P1W"),
        ("The plant costs $5 billion a year to run.", "a year", "P1Y"),
        ("They meet twice a month.", "twice a month", "P1M"),
        ("She runs every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_sets(text, span, value):
    assert tags(text)[span] == ("SET", value, None, None)


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Portman, 42, was not at the event.",
        "He was seen with a 25-year-old activist.",
        "The actor, who is 46 years old, declined to comment.",
        "They marked their 10th wedding anniversary.",
        "The chain will close 3,200 dealers and 789 stores.",
        "A second source disputed the account.",
        "It plans to cut about a quarter, of its staff.",
        "She may leave the band, and he may not.",
        "At the end of the day, it is her decision.",
        "In the long run, prices will fall.",  # an idiom, "eventually" (TimeBank: 2 of 2 untagged)
        "After a rocky year, the actress is moving on.",
        "The June October actress was seen in Paris.",
        "Apple unveiled its iLife '11 suite.",
        "Markets recalled Black Monday.",
        "One day she simply left.",
        "The Russell 2000 index slipped.",
        "April Ryan asked about it, and June Carter sang.",
        "Protesters marched to 1600 Pennsylvania Avenue.",
    ],
)
def test_not_time_expressions(text):
    assert tag_timexes(text, JAN) == []
    assert tag_timexes(text, JAN, convention="timeml") == []


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_quoted_title_is_no_time(convention):
    """TimeBank WSJ900813-0157: 'speaking on ABC News' "This Week," said' names a programme; a
    quoted expression whose every word is capitalised is a title. Lower case, or one word, stays."""
    for text in ('James Baker, speaking on ABC News\' "This Week," said it was legal.',
                 "She starred in \u201cLast Summer\u201d and left."):
        assert tags(text, NOV05, convention=convention) == {}, text
    found = tags('He said "this week" twice and "Friday," once.', NOV05, convention=convention)
    assert set(found) == {"this week", "Friday"}, found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_quoted_speech_opening_on_a_time_is_no_title(convention):
    """A quote's first word is capitalised as speech, and a weekday or month always is: '"Last
    Monday," he said' quotes a time, it names no work; 'This Week' capitalises 'Week' on its own."""
    found = tags('"Last Monday," the mayor said, "we lost the vote."', NOV05, convention=convention)
    assert set(found) == {"Last Monday"}, found
    found = tags('She told reporters: "Next March." Then she left.', NOV05, convention=convention)
    assert set(found) == {"Next March"}, found


def test_excluded_spans_are_never_tagged():
    text = "The May December star met fans in March."
    start = text.index("May December")
    found = tag_timexes(text, AUG, exclude=[(start, start + len("May December"))])
    assert [t.text for t in found] == ["March"]


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
def test_year_before_possessive_work_title(apostrophe):
    text = f"They met on the set of 2011{apostrophe}s Red Lantern."
    assert only(text) == ("2011", "DATE", "2011", None, None)


def test_the_2010s_with_apostrophe_is_a_decade():
    assert only("Hits of the 2010's are back.")[:3] == ("2010's", "DATE", "201")


# --- without a publication date, and odd input -----------------------------------------------------


def test_no_publication_date_leaves_placeholders_and_no_anchor():
    found = tags("She moved out in March, and on Thursday she spoke.", None)
    assert found["March"] == ("DATE", "XXXX-03", None, None)
    assert found["Thursday"] == ("DATE", "XXXX-WXX-4", None, None)


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "İstanbul in March 2020", "9" * 5000, "’" * 50 + "'9", "on 31/02/2020 and February 30, 2021"],
)
def test_odd_text_never_raises(text):
    result = tag_timexes(text, JAN)
    assert all(text[t.start : t.end] == t.text for t in result)


def test_output_sorted_and_anchors_point_backwards():
    text = (
        "On May 3, 2020 the band split. Two weeks later they reunited. The following year, "
        "on Friday, they toured; by the end of 2022 they were gone, and today they are back."
    )
    found = tag_timexes(text, JAN)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for i, t in enumerate(found):
        if t.anchor and t.anchor.startswith("t"):
            assert int(t.anchor[1:]) < i
    assert [t.value for t in found][:3] == ["2020-05-03", "2020-05-17", "2021"]


def test_calendar_values_become_anchor_points_through_core_dates():
    from storyline.read.timex.calendar import Point, parse_value, shift

    assert parse_value("2009-06-03T10:00") == Point(date(2009, 6, 3), "D")
    assert parse_value("2009-W13") == Point(date(2009, 3, 23), "W")
    assert parse_value("2009-06") == Point(date(2009, 6, 1), "M")
    assert parse_value("2009-Q4") == Point(date(2009, 10, 1), "Q")
    assert parse_value("2009") == Point(date(2009, 1, 1), "Y")
    for value in ("2009-SU", "2009-H1", "200", "20", "XXXX-12-25", "PRESENT_REF", "2009-02-30", ""):
        assert parse_value(value) is None
    assert shift(date(9999, 12, 15), "M", 1) == date.max  # "next month" at the end of the calendar
    assert shift(date.max, "D", 1) == date.max and shift(date.min, "Y", -1) == date.min


def test_an_undated_text_tells_a_weekday_from_the_last_date_it_gave():
    # A blog post that opens on its own date (a Wednesday) and tells of "early Sunday".
    text = "on February 4, 2009 the player was arrested early Sunday. He was stopped at 1:00 am Sunday."
    found = tags(text, None)
    assert found["early Sunday"][1] == "2009-02-01"
    assert found["1:00 am Sunday"][1] == "2009-02-01T01:00"


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_relative_month_with_a_day_is_that_day(convention):
    """TimeML 1.2.1 / TIDES: the value is at the granularity the words give. "last Oct. 23" names a
    day (the latest Oct. 23 before publication), not the month of October."""
    published = date(1999, 4, 19)
    found = {t.text: t.value for t in tag_timexes("He was shot to death last Oct. 23 at his home.", published, convention=convention)}
    assert found == {"last Oct. 23": "1998-10-23"}
    found = {t.text: t.value for t in tag_timexes("The talks resume next May 5.", published, convention=convention)}
    assert found == {"next May 5": "1999-05-05"}
    # a written year makes it an explicit date, told by its own rule
    found = {t.text: t.value for t in tag_timexes("He was shot last October 23, 1998.", published, convention=convention)}
    assert found == {"October 23, 1998": "1998-10-23"}


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_relative_month_before_a_count_keeps_the_month(convention):
    """TimeML 1.2.1: the extent is the expression alone. In "Since last May 20 people have died" the
    number counts people (a noun follows it); the timex is "last May", the month (1998-05)."""
    found = {t.text: t.value for t in tag_timexes("Since last May 20 people have died in the clashes.", date(1999, 4, 19), convention=convention)}
    assert found == {"last May": "1998-05"}


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_an_undated_relative_month_with_a_day_keeps_the_day(convention):
    """TimeML 1.2.1 / TIDES: with no document time the year is unknown (XXXX) but the day the words
    give is kept ("last Oct. 23" -> XXXX-10-23); a day the month has not got leaves the month."""
    def found(text, published):
        return {t.text: t.value for t in tag_timexes(text, published, convention=convention)}

    assert found("He was shot last Oct. 23 at his home.", None) == {"last Oct. 23": "XXXX-10-23"}
    assert found("He was shot last Feb. 30 at his home.", None) == {"last Feb.": "XXXX-02"}
    assert found("He was shot last Feb. 30 at his home.", date(1999, 4, 19)) == {"last Feb.": "1999-02"}


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_relative_month_with_a_leap_day_checks_the_resolved_year(convention):
    """TimeML 1.2.1 / TIDES: "last Feb. 29" said on 2001-01-10 is 2000-02-29 (a leap year), although
    2001, the publication year, has no Feb. 29: the day is checked in the year it resolves to."""
    found = {t.text: t.value for t in tag_timexes("The vote was held last Feb. 29.", date(2001, 1, 10), convention=convention)}
    assert found == {"last Feb. 29": "2000-02-29"}


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_plural_scale_word_after_a_relative_month_leaves_the_day(convention):
    """TimeML 1.2.1: in "Since last May 20 thousands have marched" the number is the day ("thousands"
    is a number word, not a noun it counts): the timex is "last May 20" (1998-05-20)."""
    found = {t.text: t.value for t in tag_timexes("Since last May 20 thousands have marched.", date(1999, 4, 19), convention=convention)}
    assert found == {"last May 20": "1998-05-20"}


# --- military clock times and spelled years (issue 12) ----------------------------------------------

NOV05 = date(2005, 11, 28)


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The attack began at nineteen hundred hours.", "nineteen hundred hours", "2005-11-28T19:00"),
        ("The order came at twenty-three hundred hours.", "twenty-three hundred hours", "2005-11-28T23:00"),
        ("Troops moved out at oh six hundred hours.", "oh six hundred hours", "2005-11-28T06:00"),
        ("Troops moved out at 0600 hours.", "0600 hours", "2005-11-28T06:00"),
        ("The convoy left by 1930 hours.", "1930 hours", "2005-11-28T19:30"),
    ],
)
def test_military_clock_times_are_times_of_day_not_durations(text, span, value, convention):
    found = tags(text, NOV05, convention=convention)
    assert found.get(span, (None, None))[:2] == ("TIME", value), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The attack began at nineteen thirty hours.", "nineteen thirty hours", "2005-11-28T19:30"),
        ("Troops moved out at oh six forty-five hours.", "oh six forty-five hours", "2005-11-28T06:45"),
        ("The patrol returned by twenty-one oh five hours.", "twenty-one oh five hours", "2005-11-28T21:05"),
        ("The curfew starts at twenty-four hundred hours.", "twenty-four hundred hours", "2005-11-28T24"),
    ],
)
def test_military_clock_times_in_words_with_minutes_or_midnight(text, span, value, convention):
    """Leftover of the last session: "nineteen thirty hours" was the year 1930 and "twenty-four
    hundred hours" PT2400H. Hour and minutes spoken as on the 24-hour clock are a TIME; midnight
    ending the day is written T24 whatever the words (as "midnight", "12 at night")."""
    found = tags(text, NOV05, convention=convention)
    assert found.get(span, (None, None))[:2] == ("TIME", value), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_minutes_past_sixty_or_hours_of_something_are_no_clock_time(convention):
    found = tags("He spent nineteen seventy hours at sea; after twenty thirty hours of work he slept.", NOV05, convention=convention)
    assert not any(v[0] == "TIME" for v in found.values()), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_hundreds_of_hours_counted_stay_durations(convention):
    """Without a clock preposition, "1500 hours" is a count of hours."""
    found = tags("Pilots log fifteen hundred hours of flight; volunteers gave 1500 hours of work.", NOV05, convention=convention)
    assert found["fifteen hundred hours"][:2] == ("DURATION", "PT1500H")
    assert found["1500 hours"][:2] == ("DURATION", "PT1500H")


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    "text",
    [
        "After 1500 hours of testing, the drug was approved.",
        "Since 2000 hours of footage were reviewed, nothing has changed.",
        "At one hundred hours of flight, the engine failed.",
    ],
)
def test_hours_of_something_after_a_clock_preposition_stay_durations(text, convention):
    """Review: "after 1500 hours of testing" counts hours spent on something; a clock time is
    followed by no "of"."""
    found = tags(text, NOV05, convention=convention)
    assert [v[0] for v in found.values()] == ["DURATION"], found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It was built in the year nineteen hundred.", "the year nineteen hundred", "1900"),
        ("By the year eighteen hundred, the town had grown.", "the year eighteen hundred", "1800"),
        ("He wrote it in nineteen eighty-four.", "nineteen eighty-four", "1984"),
        ("That was in two thousand and five.", "two thousand and five", "2005"),
        ("The law passed in the year two thousand and two.", "the year two thousand and two", "2002"),
        ("It opened in the year two thousand.", "the year two thousand", "2000"),
    ],
)
def test_spelled_years(text, span, value, convention):
    found = tags(text, NOV05, convention=convention)
    assert found.get(span, (None, None))[:2] == ("DATE", value), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In May nineteen eighty-four the plant closed.", "May nineteen eighty-four", "1984-05"),
        ("It was June of nineteen ninety when she left.", "June of nineteen ninety", "1990-06"),
        ("He was born on May fifth, nineteen eighty.", "May fifth, nineteen eighty", "1980-05-05"),
        ("It fell on June 3 nineteen ninety-one.", "June 3 nineteen ninety-one", "1991-06-03"),
    ],
)
def test_a_month_and_a_spelled_year_are_one_date(text, span, value, convention):
    """Review: "May nineteen eighty-four" was "May" of the publication's year and 1984 apart, as
    "May 1984" is not; broadcast transcripts spell the year."""
    found = tags(text, NOV05, convention=convention)
    assert found.get(span, (None, None))[:2] == ("DATE", value), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    "text",
    [
        "It was a crowd of two thousand and five.",
        "The town has a population of two thousand and five.",
        "They reported a total of two thousand and five.",
    ],
)
def test_of_a_spelled_number_after_a_noun_of_no_time_is_a_count(text, convention):
    """Leftover of the last session: "a crowd of two thousand and five" was the year 2005. After
    "of", a spelled number is a year only when what comes before is a time or a part of one."""
    found = tags(text, NOV05, convention=convention)
    assert not any(v[0] == "DATE" for v in found.values()), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In the spring of two thousand and five, the plant closed.", "the spring of two thousand and five", "2005-SP"),
        ("It was the winter of nineteen hundred and two.", "the winter of nineteen hundred and two", "1902-WI"),
        ("By the end of two thousand and five, it was gone.", "the end of two thousand and five", "2005"),
    ],
)
def test_of_a_spelled_year_after_a_time_is_a_year(text, span, value, convention):
    found = tags(text, NOV05, convention=convention)
    assert found.get(span, (None, None))[:2] == ("DATE", value), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_a_season_of_a_spelled_count_keeps_the_season_alone(convention):
    found = tags("In the summer of two thousand people came; in the winter of nineteen ninety-four snow fell.",
                 NOV05, convention=convention)
    assert found["the summer"][:2] == ("DATE", "2005-SU"), found
    assert found["the winter of nineteen ninety-four"][:2] == ("DATE", "1994-WI"), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
@pytest.mark.parametrize(
    "text",
    [
        "Upjohn is offering a one-time retirement bonus equal to six months of base pay.",
        "Tenants owe three months of rent.",
        "He got two years' salary and a year of pension.",
    ],
)
def test_periods_of_a_payment_made_by_the_period_are_money(text, convention):
    """TimeBank wsj_0184: "six months of base pay" is an amount of money, untagged; a payment made
    by the period (WordNet regular_payment: pay, salary, rent, pension) is measured in periods."""
    found = tags(text, NOV05, convention=convention)
    assert not any(v[0] == "DURATION" for v in found.values()), found


@pytest.mark.parametrize("convention", ["meantime", "timeml"])
def test_periods_of_other_things_stay_durations(convention):
    found = tags("After six months of talks and 1500 hours of work, sales rose for two years of growth.", NOV05,
                 convention=convention)
    assert [t for t, v in found.items() if v[0] == "DURATION"] == ["six months", "1500 hours", "two years"], found


def test_spelled_counts_are_no_years():
    found = tags("Some two thousand and five hundred people came; in two thousand cases it failed.", NOV05)
    assert not any(v[0] == "DATE" for v in found.values()), found


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("He was sentenced to 1,500 hours of community service.", "1,500 hours", "PT1500H"),
        ("The ruins are 2,000 years old and stood for 2,000 years.", "2,000 years", "P2000Y"),
        ("She served 10,000 hours.", "10,000 hours", "PT10000H"),
    ],
)
def test_a_count_with_thousands_separators_is_read_whole(text, span, value):
    """Review: "1,500 hours" was "500 hours" (PT500H) and "2,000 years" "000 years" (P0Y): the
    number's digits before the comma were left out."""
    found = tags(text, NOV05)
    assert found.get(span, (None, None))[:2] == ("DURATION", value), found


def test_two_quarters_with_no_year_stay_a_duration():
    assert tags("Sales fell over the last two quarters.", AUG)["the last two quarters"][:2] == ("DURATION", "P2Q")
