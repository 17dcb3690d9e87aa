from datetime import date

from storyline.reconcile.dates import (
    Interval,
    birth_interval,
    granularity,
    interval,
    years_before,
)


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


def test_unplaceable_values_give_none():
    for value in ("PAST_REF", "XXXX-03", "P11Y", "", None, "2023-02-30"):
        assert interval(value) is None
    assert interval("2012", mod="BEFORE") is None
    assert interval("2012", mod="APPROX") is not None


def test_birth_interval_is_half_open_year():
    # 42 on 2024-01-17: born after 1981-01-17 and on or before 1982-01-17.
    assert birth_interval(42, date(2024, 1, 17)) == Interval(date(1981, 1, 18), date(1982, 1, 17))


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


def test_describe_is_readable():
    assert interval("2012").describe() == "2012"
    assert interval("2023-08").describe() == "August 2023"
    assert "between" in birth_interval(42, date(2024, 1, 17)).describe()
