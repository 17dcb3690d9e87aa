"""storyline.core.dates: publication dates, TIMEX3 values as intervals, arithmetic at the ends of
the calendar, birth windows and the dossier's date formats."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.core.dates import (
    DateProblem,
    clock_duration,
    Interval,
    add_days,
    add_months,
    birth_interval,
    bound,
    format_date,
    format_day,
    format_span,
    granularity,
    interval,
    iso,
    month_label,
    parse_day,
    parse_iso,
    parse_published,
    shift_years,
    years_before,
)

# -- publication dates (formerly storyline.ingest.dates) ---------------------------------------


@pytest.mark.parametrize(
    "raw,iso_text",
    [("2024-01-17", "2024-01-17"), ("January 17, 2024", "2024-01-17"), ("17 Jan 2024", "2024-01-17"),
     ("2024/01/17", "2024-01-17"), ("17.01.2024", "2024-01-17"), ("January 17 2024", "2024-01-17"),
     ("2024-01-17T08:30:00Z", "2024-01-17T08:30:00+00:00"), ("2024-01-17 08:30", "2024-01-17T08:30:00"),
     ("Wed, 17 Jan 2024 08:00:00 GMT", "2024-01-17T08:00:00+00:00"),
     ("", None), ("  ", None), (None, None)],
)  # fmt: skip
def test_parse_published(raw, iso_text):
    assert iso(parse_published(raw)) == iso_text


def test_parse_published_keeps_a_date_a_date_and_a_time_a_datetime():
    assert type(parse_published("2024-01-17")) is date
    assert type(parse_published("17 Jan 2024")) is date
    assert parse_published("2024-01-17T08:30:00Z") == datetime(2024, 1, 17, 8, 30, tzinfo=timezone.utc)
    assert parse_published(date(2024, 1, 17)) == date(2024, 1, 17)
    moment = datetime(2024, 1, 17, 8, 30)
    assert parse_published(moment) is moment


@pytest.mark.parametrize("raw", ["2024-13-45", "soon", "32/32/32", "2024-01-17T25:00", "0000-01-01"])
def test_parse_published_rejects(raw):
    with pytest.raises(DateProblem):
        parse_published(raw)


@pytest.mark.parametrize("day", [date.min, date.max, date(2024, 2, 29)])
def test_published_dates_at_the_ends_of_the_calendar_round_trip(day):
    assert parse_published(day.isoformat()) == day
    assert parse_iso(iso(day)) == day and parse_day(iso(day)) == day
    assert format_date(day) == format_day(day)


def test_parse_iso_round_trips_what_the_store_writes_and_gives_none_for_the_rest():
    for value in (date(2023, 11, 30), datetime(2023, 11, 30, 8), datetime(2024, 1, 17, 8, tzinfo=timezone.utc)):
        assert parse_iso(iso(value)) == value and iso(parse_iso(iso(value))) == iso(value)
    assert parse_iso(None) is None and parse_iso("") is None and parse_iso("not a date") is None


def test_parse_day_takes_dates_datetimes_and_iso_strings():
    assert parse_day(datetime(2024, 1, 17, 23, 30, tzinfo=timezone(timedelta(hours=-5)))) == date(2024, 1, 17)
    assert parse_day(date(2024, 1, 17)) == date(2024, 1, 17)
    assert parse_day("2024-01-17T08:00:00+00:00") == date(2024, 1, 17)
    assert parse_day("2024-01-17") == date(2024, 1, 17)
    for bad in (None, "", "soon", "2024-13-01"):
        assert parse_day(bad) is None


def test_iso_sorts_dates_and_datetimes_together():
    values = [datetime(2024, 1, 17, 8), date(2024, 1, 17), date(2023, 12, 31)]
    assert [iso(v) for v in sorted(values, key=iso)] == ["2023-12-31", "2024-01-17", "2024-01-17T08:00:00"]
    assert iso(None) is None


@given(st.text(max_size=40))
def test_parse_published_never_fails_but_with_date_problem(text):
    try:
        value = parse_published(text)
    except DateProblem:
        return
    assert value is None or isinstance(value, date)


# -- TIMEX3 values as intervals (formerly storyline.reconcile.dates) ---------------------------


def test_month_value_covers_the_whole_month():
    assert interval("2024-02") == Interval(date(2024, 2, 1), date(2024, 2, 29))
    assert granularity("2024-02") == "month"


def test_year_day_week_season_quarter_decade():
    assert interval("2012") == Interval(date(2012, 1, 1), date(2012, 12, 31))
    assert interval("2022-08-04") == Interval(date(2022, 8, 4), date(2022, 8, 4))
    assert interval("2024-W02") == Interval(date(2024, 1, 8), date(2024, 1, 14))
    assert interval("2023-WI") == Interval(date(2023, 12, 1), date(2024, 2, 29))
    assert interval("2023-Q3") == Interval(date(2023, 7, 1), date(2023, 9, 30))
    assert interval("201") == Interval(date(2010, 1, 1), date(2019, 12, 31))
    assert interval("2024-01-09T20:00") == Interval(date(2024, 1, 9), date(2024, 1, 9))


def test_half_years_seasons_centuries_and_their_granularity():
    assert interval("2023-H2") == Interval(date(2023, 7, 1), date(2023, 12, 31))
    assert interval("2023-SU") == Interval(date(2023, 6, 1), date(2023, 8, 31))
    assert interval("2023-FA") == interval("2023-AU") == Interval(date(2023, 9, 1), date(2023, 11, 30))
    assert interval("201X") == interval("201")
    assert interval("20") == interval("20XX") == Interval(date(2000, 1, 1), date(2099, 12, 31))
    assert interval("00") == Interval(date(1, 1, 1), date(99, 12, 31))
    assert interval(" 2012 ") == interval("2012")
    expected = {"2024-01-09": "day", "2024-01-09T20:00": "day", "2024-W03": "week", "2024-03": "month",
                "2024-SU": "season", "2024-Q1": "quarter", "2024-H1": "half", "2024": "year",
                "202": "decade", "202X": "decade", "20": "century", "20XX": "century"}  # fmt: skip
    assert {v: granularity(v) for v in expected} == expected


def test_unplaceable_values_give_none():
    for value in ("PAST_REF", "XXXX-03", "P11Y", "", None, "2023-02-30"):
        assert interval(value) is None
    assert interval("2012", mod="BEFORE") is None
    assert interval("2012", mod="APPROX") is not None


@pytest.mark.parametrize(
    "value",
    ["XXXX-12-25", "XXXX-XX-XX", "PRESENT_REF", "FUTURE_REF", "2024-W53", "2024-W00", "2024-13",
     "0000", "000", "9999-WI", "9999-W53", "XXXX-WXX-1", "TMO", "P1D", "2024-W03-WE", "2024-13-45T10:00"],
)  # fmt: skip
def test_partial_reference_and_impossible_values_do_not_crash(value):
    assert interval(value) is None
    assert bound(value) is None and bound(value, end=True) is None


def test_granularity_of_unplaceable_values():
    for value in ("XXXX-12-25", "PRESENT_REF", "P11Y", "", None):
        assert granularity(value) is None


def test_values_at_the_ends_of_the_calendar():
    assert interval("9999-12") == Interval(date(9999, 12, 1), date.max)
    assert interval("9999-Q4").end == date.max and interval("9999").end == date.max
    assert interval("999") == Interval(date(9990, 1, 1), date.max)
    assert interval("0001-01-01") == Interval(date.min, date.min)
    assert interval("0001-W01").start == date.min


@given(st.from_regex(r"\A[0-9X]{2,4}(-[0-9WQHSUFAIX]{1,3}(-[0-9X]{1,2})?)?(T[0-9:]{0,5})?\Z"))
def test_interval_never_raises_and_spans_forward(value):
    span = interval(value)
    assert span is None or span.start <= span.end


def test_bound_expands_partial_dates():  # formerly present.svg_timeline.parse_bound
    assert bound("2023-08") == date(2023, 8, 1)
    assert bound("2023-08", end=True) == date(2023, 8, 31)
    assert bound("2024-02", end=True) == date(2024, 2, 29)
    assert bound("2014", end=True) == date(2014, 12, 31)
    assert bound("2023-09-02T08:30:00") == date(2023, 9, 2)
    assert bound("PAST_REF") is None and bound("2023-13") is None and bound(None) is None
    assert bound("2024-W02", end=True) == date(2024, 1, 14)


# -- arithmetic and birth windows -------------------------------------------------------------


def test_birth_interval_is_half_open_year():
    # 42 on 2024-01-17: born after 1981-01-17 and on or before 1982-01-17.
    assert birth_interval(42, date(2024, 1, 17)) == Interval(date(1981, 1, 18), date(1982, 1, 17))


def test_birth_interval_on_29_february():
    # 4 on 2024-02-29: born after 2019-02-28 and on or before 2020-02-29 (a leap year keeps the day).
    assert birth_interval(4, date(2024, 2, 29)) == Interval(date(2019, 3, 1), date(2020, 2, 29))
    assert birth_interval(30, date(2024, 2, 29)) == Interval(date(1993, 3, 1), date(1994, 2, 28))


def test_birth_interval_at_the_ends_of_the_calendar():
    assert birth_interval(42, date.min) is None
    assert birth_interval(0, date.min) is None  # born the year before the year 1
    assert birth_interval(0, date(2, 6, 1)) == Interval(date(1, 6, 2), date(2, 6, 1))
    assert birth_interval(42, date.max) == Interval(date(9957, 1, 1), date(9957, 12, 31))


def test_same_age_months_apart_overlaps_but_two_years_apart_does_not():
    a = birth_interval(42, date(2023, 8, 16))
    b = birth_interval(42, date(2024, 1, 17))
    c = birth_interval(44, date(2024, 2, 1))
    assert a.overlaps(b)
    assert not b.overlaps(c)


def test_years_before_exact_and_completed():
    day = Interval(date(2022, 8, 4), date(2022, 8, 4))
    assert years_before(day, 10) == Interval(date(2012, 8, 4), date(2012, 8, 4))
    month = interval("2023-08")
    got = years_before(month, 11, completed=True)
    assert got == Interval(date(2011, 8, 2), date(2012, 8, 31))
    assert got.overlaps(interval("2012")) and not got.overlaps(interval("2010"))
    assert years_before(Interval(date.min, date.min), 10) is None
    assert years_before(interval("0005"), 4, completed=True) is None


def test_shift_years_clamps_29_february_and_refuses_to_leave_the_calendar():
    assert shift_years(date(2024, 2, 29), -1) == date(2023, 2, 28)
    assert shift_years(date(2024, 2, 29), -4) == date(2020, 2, 29)
    assert shift_years(date.min, -1) is None and shift_years(date.max, 1) is None


def test_add_months_clamps_the_day_and_the_calendar():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 3, 31), -13) == date(2023, 2, 28)
    assert add_months(date(9999, 12, 15), 1) == date.max  # "next month" from 9999-12
    assert add_months(date(1, 1, 15), -1) == date.min
    assert add_months(date(2024, 1, 1), 10**6) == date.max


def test_add_days_clamps_the_calendar():
    assert add_days(date(2024, 2, 28), 1) == date(2024, 2, 29)
    assert add_days(date.max, 1) == date.max and add_days(date.min, -1) == date.min


# -- formatting -------------------------------------------------------------------------------


def test_describe_is_readable():
    assert interval("2012").describe() == "2012"
    assert interval("2023-08").describe() == "August 2023"
    assert "between" in birth_interval(42, date(2024, 1, 17)).describe()


def test_format_span_says_dates_as_a_reader_would():  # formerly in present.svg_timeline
    assert format_span(date(2023, 8, 1), date(2023, 8, 31), "2023-08") == "Aug 2023"
    assert format_span(date(2014, 1, 1), date(2014, 12, 31), "2014") == "2014"
    assert format_span(date(2023, 8, 10), date(2023, 8, 10), "2023-08-10") == "10 Aug 2023"
    assert format_span(date(2023, 8, 1), date(2023, 9, 15), "x") == "1 Aug 2023 – 15 Sep 2023"
    assert format_span(None, None, "PAST_REF") == "PAST_REF"
    assert format_span(date(9999, 12, 1), date.max, "9999-12") == "Dec 9999"


def test_format_date_and_month_label():  # formerly present.report_views.fmt_date
    assert format_date("2024-01-17T08:00:00+00:00") == "17 Jan 2024"
    assert format_date(datetime(2024, 1, 17, 8)) == "17 Jan 2024"
    assert format_date("sometime") == "sometime" and format_date(None) == ""
    assert month_label(date(2023, 8, 1)) == "Aug 2023" and month_label(date(2023, 8, 1), with_year=False) == "Aug"


def test_news_window_is_the_week_up_to_publication():
    from storyline.core.dates import NEWS_DAYS, moment, news_window

    window = news_window(date(2005, 11, 28))
    assert window.days == Interval(date(2005, 11, 21), date(2005, 11, 28)) and NEWS_DAYS == 7
    assert window.clashes(moment("2005-02")) and not window.clashes(moment("2005-11-27"))


def test_clock_duration_reads_hours_minutes_and_seconds_with_their_bound():
    assert clock_duration("PT1M", "APPROX") == (1.0, "minute", "about")
    assert clock_duration("PT30S") == (30.0, "second", None)
    assert clock_duration("PT1.5H", "MORE_THAN") == (1.5, "hour", "more_than")
    assert clock_duration("P2Y") is None and clock_duration("PTXM") is None and clock_duration(None) is None
    assert clock_duration("PT1M", "START") is None  # "the start of a minute" bounds nothing
    # "nearly a minute" and "less than a minute" both get LESS_THAN: neither reading is sure
    assert clock_duration("PT1M", "LESS_THAN") is None
    assert clock_duration("PT1M", "EQUAL_OR_LESS") == (1.0, "minute", "at_most")
