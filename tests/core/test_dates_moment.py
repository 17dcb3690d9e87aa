"""When one event happened, to the minute: two statements clash only when no moment fits both."""

from datetime import date

import pytest

from storyline.core.dates import CLOCK_SLACK_MINUTES, Interval, birth_window, moment


def clash(a: str, b: str) -> bool:
    ma, mb = moment(a), moment(b)
    assert ma is not None and mb is not None
    assert ma.clashes(mb) == mb.clashes(ma), "clashing is symmetric"
    return ma.clashes(mb)


@pytest.mark.parametrize("a, b, expected", [
    ("2012", "2014", True),  # two years
    ("2014", "2014-06", False),  # a year and a month inside it
    ("2008-12-09", "XXXX-WXX-5", True),  # a Tuesday (9 Dec 2008) and "Friday"
    ("2008-12-09", "XXXX-WXX-2", False),  # ... and "Tuesday"
    ("XXXX-12", "XXXX-09", True),  # "in December" and "in September", year unknown
    ("2008-12", "XXXX-09", True),
    ("XXXX-12-11", "XXXX-WXX-4", False),  # 11 December and "Thursday": no year, cannot tell
    ("2024-01-11", "2024-01-12", True),  # Thursday and Friday
])
def test_days_weekdays_and_months(a, b, expected):
    assert clash(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("XXXX-WXX-4TNI", "XXXX-WXX-5T01:30", False),  # "late Thursday night" / "early Friday, 1:30 a.m."
    ("2024-03-14TNI", "2024-03-15T01:30", False),
    ("2024-03-14TNI", "2024-03-15T11:30", True),  # the night is over by late morning
    ("XXXX-WXX-4TNI", "XXXX-WXX-5T10:30", True),
    ("2024-03-14", "2024-03-15T01:30", False),  # a tagger may drop "late ... night": a small hour may still be it
    ("2024-03-14T23:50", "2024-03-15T00:10", False),  # twenty minutes apart, across midnight
    ("2024-03-14T23:00", "2024-03-15T01:30", True),
])
def test_a_night_runs_into_the_next_morning(a, b, expected):
    assert clash(a, b) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("XXXX-XX-XXT01:30", "2009-02-04T01:00", True),  # half an hour apart: the day is not needed
    ("XXXX-XX-XXT18:00", "XXXX-XX-XXT18:10", False),  # "just after 6" and "at 6"
    ("XXXX-XX-XXT16:00", "XXXX-XX-XXT16:20", False),
    ("2024-01-12T16:00", "2024-01-12T18:00", True),
    ("XXXX-XX-XXT17:11", "XXXX-XX-XXT13:36Z", False),  # local time against GMT: not comparable
    ("XXXX-WXX-5TNI", "XXXX-XX-XXT16:00", False),  # a loose "Friday night" against 4 p.m.
])
def test_clock_times(a, b, expected):
    assert CLOCK_SLACK_MINUTES == 15
    assert clash(a, b) is expected


@pytest.mark.parametrize("value", ["PAST_REF", "XXXX-XX-XX", "P11Y", "XXXX", None, ""])
def test_values_that_say_nothing_placeable(value):
    assert moment(value) is None


def test_open_ended_values_bound_nothing():
    assert moment("2012", "BEFORE") is None


def test_moments_describe_themselves():
    assert moment("XXXX-WXX-2").describe() == "a Tuesday"
    assert moment("2024-03-15T01:30").describe() == "2024-03-15 at 01:30"
    assert moment("XXXX-12").describe() == "December"
    assert moment("XXXX-WXX-4TNI").describe() == "a Thursday (night)"


def test_birth_window_of_an_age_dated_to_an_event():
    # 17 on some day of 2009: born from 1991-01-02 to 1992-12-31
    window = birth_window(17, Interval(date(2009, 1, 1), date(2009, 12, 31)))
    assert window == Interval(date(1991, 1, 2), date(1992, 12, 31))


@pytest.mark.parametrize(("published", "month", "expected"), [
    (date(2005, 11, 28), "XXXX-02", True),  # news of late November against "in February"
    (date(2005, 11, 28), "XXXX-11", False),
    (date(2005, 11, 3), "XXXX-10", False),  # the window reaches back into October
    (date(2005, 11, 3), "XXXX-12", True),
])
def test_a_news_window_and_a_month_without_a_year(published, month, expected):
    from storyline.core.dates import news_window

    window, m = news_window(published), moment(month)
    assert window.clashes(m) == m.clashes(window) == expected
