"""The two annotation conventions of the timex tagger (option ``timex_convention``): where TimeML
(TimeBank, TempEval-3) and MEANTIME annotate differently, and the rules both share."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from storyline.core.errors import ConfigError
from storyline.core.options import AnalysisOptions, load_options
from storyline.read.doc import ArticleMeta, ensure_extensions
from storyline.read.timex import tag_timexes

NOV89 = date(1989, 11, 2)  # a Thursday, in the fourth quarter: the third quarter has just ended
JAN98 = date(1998, 1, 8)


def tags(text: str, published: date = NOV89, convention: str = "timeml") -> dict[str, tuple[str, str]]:
    """text -> (type, value) of every timex found."""
    return {t.text: (t.type, t.value) for t in tag_timexes(text, published, convention=convention)}


# --- the option ---------------------------------------------------------------------------------


def test_default_convention_is_meantime_and_unknown_names_are_refused():
    assert load_options().timex_convention == "meantime"
    assert AnalysisOptions(timex_convention="timeml").timex_convention == "timeml"
    with pytest.raises(ConfigError, match="timex_convention"):
        AnalysisOptions(timex_convention="tempeval")


def test_component_takes_the_convention_from_its_config():
    ensure_extensions()
    import storyline.read.timex  # noqa: F401 - registers the factory

    for convention, expected in (("timeml", ("DURATION", "P2W")), ("meantime", ("DATE", "1989-11-16"))):
        nlp = spacy.blank("en")
        nlp.add_pipe("storyline_timex", config={"convention": convention})
        doc = nlp.make_doc("The bid was filed on Nov. 2. Two weeks later it was withdrawn.")
        doc._.sl_meta = ArticleMeta(article_id="a", outlet="o", published=date(1989, 11, 30))
        found = {t.text: (t.type, t.value) for t in nlp(doc)._.sl_timexes}
        assert expected in found.values(), found
    with pytest.raises(ValueError, match="convention"):
        spacy.blank("en").add_pipe("storyline_timex", config={"convention": "tempeval"})


def test_pipeline_hands_the_convention_to_the_component():
    from storyline.read.pipeline import _config

    assert _config("storyline_timex", (), "timeml") == {"convention": "timeml"}
    assert _config("storyline_claims", ("celebrity",), "timeml") == {"packs": ["celebrity"]}


# --- "two weeks later": the duration, or the date it points to ---------------------------------


def test_offset_later_is_a_duration_under_timeml_and_a_date_under_meantime():
    text = "The plant closed on June 3, 1989. Two weeks later it reopened."
    assert tags(text)["Two weeks"] == ("DURATION", "P2W")
    assert tags(text, convention="meantime")["Two weeks later"] == ("DATE", "1989-06-17")


def test_earlier_and_ago_stay_dates_in_both():
    # TimeBank annotates "a year earlier" and "five years ago" as one DATE, like MEANTIME
    for convention in ("timeml", "meantime"):
        found = tags("It opened five years ago. Sales rose in 1987; a year earlier they fell.", convention=convention)
        assert found["five years ago"] == ("DATE", "1984")
        assert found["a year earlier"] == ("DATE", "1986")


# --- SET expressions ----------------------------------------------------------------------------


def test_recurring_expressions_are_sets_in_both():
    for convention in ("timeml", "meantime"):
        found = tags("The board meets every week and reports weekly, twice a year.", convention=convention)
        assert found["every week"] == ("SET", "P1W")
        assert found["weekly"] == ("SET", "P1W")
        assert found["twice a year"] == ("SET", "P1Y")


def test_frequency_adjective_before_a_noun_is_untagged_under_timeml():
    text = "It raised its quarterly dividend before the annual meeting, and pays annually."
    assert tags(text) == {"annually": ("SET", "P1Y")}
    assert tags(text, convention="meantime")["quarterly"] == ("SET", "P3M")


# --- fiscal and seasonal periods, reporting periods ----------------------------------------------


def test_fiscal_quarter_includes_fiscal_and_quarter_just_ended_is_this_years():
    found = tags("It expects to report a third-quarter loss. In the fiscal first quarter it earned more.")
    assert found["third-quarter"] == ("DATE", "1989-Q3")  # future tense, but that quarter is being reported
    assert found["the fiscal first quarter"] == ("DATE", "1989-Q1")


def test_year_possessive_quarter_is_one_timex():
    assert tags("Sales fell in this year's third quarter and will rise in next year's first quarter.") == {
        "this year's third quarter": ("DATE", "1989-Q3"),
        "next year's first quarter": ("DATE", "1990-Q1"),
    }


def test_year_before_a_period_noun_is_a_year_not_a_count():
    text = "Net fell from the 1988 second quarter."
    assert tags(text) == {"the 1988 second quarter": ("DATE", "1988-Q2")}
    assert tags(text, convention="meantime") == {"1988": ("DATE", "1988")}  # never "1,988 seconds"


def test_comparisons_in_a_quarterly_report_take_the_reported_quarter():
    text = (
        "Net rose 5% in the third quarter, up from $3 million a year ago. Sales in the latest quarter "
        "fell, compared with $9 million last year, and the year-earlier period had a charge."
    )
    found = tags(text)
    assert found["the third quarter"] == ("DATE", "1989-Q3")
    assert found["a year ago"] == ("DATE", "1988-Q3")
    assert found["the latest quarter"] == ("DATE", "1989-Q3")
    assert found["last year"] == ("DATE", "1988-Q3")
    assert found["the year-earlier period"] == ("DATE", "1988-Q3")
    mt = tags(text, convention="meantime")
    assert mt["a year ago"] == ("DATE", "1988") and mt["last year"] == ("DATE", "1988")
    assert "the latest quarter" not in mt and "the year-earlier period" not in mt


def test_a_fiscal_quarter_told_in_the_past_is_the_reported_one():
    """Results told in the past are for a quarter that has ended, even when the calendar's has not:
    in November, "its fourth quarter ended Sept. 30" is a fiscal one (wsj_0189, wsj_0136)."""
    found = tags("Earnings for its fourth quarter ended Sept. 30 fell. In the latest quarter it lost money.")
    assert found["the latest quarter"] == ("DATE", "1989-Q4")
    found = tags(
        "Ralston reported a 47% decline in fourth-quarter earnings. Sales in the latest period were "
        "$1.76 billion, a 13% increase from last year's $1.55 billion."
    )
    assert found["the latest period"] == ("DATE", "1989-Q4")
    assert found["last year"] == ("DATE", "1988-Q4")


def test_a_fiscal_quarter_named_after_a_later_one_starts_a_new_report():
    """ "after a flat second quarter" in a third-quarter report is a comparison, but a company's
    "fiscal second quarter" is its own period: the report now speaks of it (wsj_1003)."""
    found = tags(
        "Bethlehem posted a drop in third-quarter profit. National Intergroup posted net income for the "
        "fiscal second-quarter of $8.6 million. The latest period includes gains from debt retirement."
    )
    assert found["The latest period"] == ("DATE", "1989-Q2")


def test_this_quarter_in_a_report_is_the_quarter_reported_on():
    found = tags("It reported a net loss for the third quarter ended Sept. 30. This quarter's loss includes charges.")
    assert found["This quarter"] == ("DATE", "1989-Q3")
    # with no quarter reported on, or said of what is ahead, it is the calendar's
    assert tags("This quarter's sales include charges.")["This quarter"] == ("DATE", "1989-Q4")
    found = tags("It reported a net loss for the third quarter. It will earn a profit this quarter.")
    assert found["this quarter"] == ("DATE", "1989-Q4")


def test_fiscal_year_ended_is_a_duration_and_the_nine_months_keeps_its_article():
    found = tags("For the year ended March 31, it earned $5 million; for the nine months, $2 million.")
    assert found["the year"] == ("DURATION", "P1Y")
    assert found["the nine months"] == ("DURATION", "P9M")
    assert "the year" not in tags("For the year ended March 31, it earned more.", convention="meantime")


def test_the_weekend_is_the_last_one_in_a_past_clause():
    assert tags("Talks broke down over the weekend.", date(1989, 10, 30)) == {"the weekend": ("DATE", "1989-W43-WE")}


def test_seasons_take_the_year_from_tense():
    found = tags("Sales were strong last summer and dropped in the spring.", JAN98)
    assert found["last summer"] == ("DATE", "1997-SU")


# --- months and days without a year ---------------------------------------------------------------


def test_month_and_day_without_a_year_take_the_nearest_year():
    found = tags("The dividend is payable Jan. 2. Prices fell in October.")
    assert found["Jan. 2"] == ("DATE", "1990-01-02")  # two months ahead, not ten back
    assert tags("She estimates they were worth more in October.", JAN98)["October"] == ("DATE", "1997-10")


def test_past_tense_keeps_a_date_just_after_publication():
    found = tags("The offer was extended to Nov. 20. The plant was sold on Dec. 20.")
    assert found["Nov. 20"] == ("DATE", "1989-11-20")  # a deadline just set
    assert found["Dec. 20"] == ("DATE", "1988-12-20")  # too far ahead to be a past event this year


def test_month_with_last_year_is_one_timex():
    assert tags("But in June last year the leadership split.", JAN98) == {"June last year": ("DATE", "1997-06")}


def test_weekday_and_date_before_a_colon():
    assert tags("The Times said in an editorial on Saturday, April 25: the court erred.", date(1998, 4, 24)) == {
        "Saturday, April 25": ("DATE", "1998-04-25")
    }


# --- PRESENT_REF / PAST_REF / FUTURE_REF, decades -------------------------------------------------


def test_recent_and_current_are_refs_under_timeml_only():
    text = "The recent slump hurt current holders."
    assert tags(text) == {"recent": ("DATE", "PAST_REF"), "current": ("DATE", "PRESENT_REF")}
    assert tags(text, convention="meantime") == {}


def test_then_current_is_the_past_under_timeml():
    """TimeBank wsj_0924: "at 50% of the then current market price" is PAST_REF, "then" in the
    span: what was current then, not now."""
    for text, span in (("Holders may buy shares at 50% of the then current market price.", "then current"),
                       ("He met the then-current chairman.", "then-current")):
        assert tags(text) == {span: ("DATE", "PAST_REF")}, text
        assert tags(text, convention="meantime") == {}


def test_a_day_anchored_on_a_month_keeps_its_granularity_under_timeml():
    """TIMEX3 writes an anaphoric day whose month is all that is known with an X day ("that same
    day" after "last October": 1998-10-XX), a month known by its year alone as 1987-XX; MEANTIME
    states it no finer than the anchor."""
    text = "The doctor was killed last October. His name was crossed out that same day."
    assert tags(text, date(1999, 2, 6))["that same day"] == ("DATE", "1998-10-XX")
    assert tags(text, date(1999, 2, 6), convention="meantime").get("that same day") is None
    text = "The studio shut in March 2019. The following month, staff sued. The same day, shares fell."
    assert tags(text, date(2019, 8, 1))["The same day"] == ("DATE", "2019-04-XX")
    assert tags(text, date(2019, 8, 1), convention="meantime")["The same day"] == ("DATE", "2019-04")
    assert tags("The plant opened in 1987. The following month, it closed.")["The following month"] == ("DATE", "1987-XX")
    assert tags("The plant opened in 1987. The next week, it closed.")["The next week"] == ("DATE", "1987-WXX")


def test_a_later_date_is_future_ref_under_timeml_and_an_unknown_day_under_meantime():
    text = "People were told to call back at a later time."
    assert tags(text) == {"a later time": ("DATE", "FUTURE_REF")}
    assert tags(text, convention="meantime") == {"a later time": ("DATE", "XXXX-XX-XX")}


def test_soon_is_untagged_under_timeml():
    assert tags("Prices will rise soon.") == {}
    assert tags("Prices will rise soon.", convention="meantime") == {"soon": ("DATE", "FUTURE_REF")}


def test_decade_with_early_takes_the_article_under_timeml():
    assert tags("It began in the early 1980s.") == {"the early 1980s": ("DATE", "198")}
    assert tags("It began in the early 1980s.", convention="meantime") == {"early 1980s": ("DATE", "198")}


# --- vague boundaries and open ends ----------------------------------------------------------------


def test_year_end_is_the_end_of_the_year_in_both():
    for convention in ("timeml", "meantime"):
        found = {t.text: (t.value, t.mod) for t in tag_timexes("Sales should recover by year-end.", NOV89, convention=convention)}
        assert found == {"year-end": ("1989", "END")}


def test_open_end_after_a_date_joins_it_under_timeml():
    text = "Sales may recover in 1994 or later."
    assert [(t.text, t.value, t.mod) for t in tag_timexes(text, NOV89, convention="timeml")] == [
        ("1994 or later", "1994", "ON_OR_AFTER")
    ]
    assert [t.text for t in tag_timexes(text, NOV89, convention="meantime")] == ["1994"]


def test_rates_are_untagged_under_timeml():
    text = "It will add 700 seats a week and pays $1.76 a year."
    assert tags(text) == {}
    assert tags(text, convention="meantime")["a year"] == ("SET", "P1Y")


def test_a_frequency_adverb_after_a_quantity_is_a_rate_under_timeml():
    """TimeML (as TimeBank annotates rates, like "$1.76 a year"): "to rise 8.5% annually" and "10,000
    units annually" state a rate, not a recurring time; a frequency adverb on an event stays a SET."""
    text = "Sales should rise 8.5% annually. The plant would produce about 10,000 units annually."
    assert tags(text) == {}
    assert tags(text, convention="meantime") == {"annually": ("SET", "P1Y")}
    assert tags("The commemorations are held here annually. The drug is taken three times daily.") == {
        "annually": ("SET", "P1Y"), "daily": ("SET", "P1D")}


def test_a_date_or_year_before_a_frequency_adverb_is_not_a_quantity_under_timeml():
    """TimeML (TimeBank tags a recurring time as a SET): the number ending "Jan. 26" or "1998" is part
    of a date, not a quantity measured per year, so the "annually" after it stays a SET; a quantity
    makes a rate only directly before the adverb or with a noun of what is counted between."""
    assert tags("The holiday is observed on Jan. 26 annually.", JAN98)["annually"] == ("SET", "P1Y")
    assert tags("The guide was first published in 1998 and annually since.", JAN98)["annually"] == ("SET", "P1Y")


def test_fiscal_year_number_takes_fiscal_under_timeml():
    assert tags("In fiscal 1988, the company earned more.") == {"fiscal 1988": ("DATE", "1988")}
    assert tags("In fiscal 1988, the company earned more.", convention="meantime") == {"1988": ("DATE", "1988")}


def test_spelled_years_and_decades_of_broadcast_transcripts():
    for convention in ("timeml", "meantime"):
        assert tags("It began in nineteen seventy-nine and grew in the nineties.", JAN98, convention) == {
            "nineteen seventy-nine": ("DATE", "1979"),
            "the nineties": ("DATE", "199"),
        }


def test_future_tense_keeps_a_date_just_before_publication():
    found = tags("The fiscal year will end Sept. 30. The plant will reopen in March.", date(1989, 10, 26))
    assert found["Sept. 30"] == ("DATE", "1989-09-30")  # within a month: the same year
    assert found["March"] == ("DATE", "1990-03")


def test_clock_time_before_a_date_is_one_timex_on_that_date():
    found = tags("The offer runs until 5 p.m. EST Nov. 9; it had been due to end at 5 p.m. EST, Nov. 6.")
    assert found == {"5 p.m. EST Nov. 9": ("TIME", "1989-11-09T17:00"), "5 p.m. EST, Nov. 6": ("TIME", "1989-11-06T17:00")}
    assert tags("At 16:15 UTC, June 1st, he spoke.", convention="meantime") == {
        "16:15 UTC": ("TIME", "1989-11-02T16:15Z"),  # MEANTIME annotates the two apart
        "June 1st": ("DATE", "1989-06-01"),
    }


def test_fractions_of_a_unit_are_one_duration_in_whole_units_under_timeml():
    assert tags("It took a minute and a half, then 2 1/2 years.") == {
        "a minute and a half": ("DURATION", "PT1M30S"),
        "2 1/2 years": ("DURATION", "P2Y6M"),
    }
    assert tags("It took two and a half years.", convention="meantime") == {"two and a half years": ("DURATION", "P2.5Y")}


def test_each_month_and_plural_weekday_parts_are_sets():
    assert tags("They march each July; flights leave on Tuesday nights and each Thursday.") == {
        "each July": ("SET", "XXXX-07"),
        "Tuesday nights": ("SET", "XXXX-WXX-2TNI"),
        "each Thursday": ("SET", "XXXX-WXX-4"),
    }


def test_a_period_a_year_before_is_one_timex_under_timeml():
    text = (
        "Net rose in the third quarter. For the quarter a year ago, it lost money. Sales for last "
        "year's quarter were flat, as in the corresponding period last year."
    )
    found = tags(text)
    assert found["the quarter a year ago"] == ("DATE", "1988-Q3")
    assert found["last year's quarter"] == ("DATE", "1988-Q3")
    assert found["the corresponding period last year"] == ("DATE", "1988-Q3")
    mt = tags(text, convention="meantime")
    assert mt == {"the third quarter": ("DATE", "1989-Q3"), "a year ago": ("DATE", "1988"), "last year": ("DATE", "1988")}


def test_the_quarter_ended_a_date_is_the_quarter_most_of_it_falls_in():
    assert tags("In the quarter ended July 31, it had 5 million shares.")["the quarter"] == ("DATE", "1989-Q2")
    assert tags("For the quarter ended Sept. 30, it earned $3.")["the quarter"] == ("DATE", "1989-Q3")
    # with a (fiscal) quarter already in view, "the quarter" is that one
    found = tags("It earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.")
    assert found["the quarter"] == ("DATE", "1989-Q1")


def test_a_quarter_not_yet_over_does_not_become_the_reported_one():
    found = tags("Net fell in the third quarter. It sees weakness into the fourth quarter. In the year-ago period it lost.")
    assert found["the year-ago period"] == ("DATE", "1988-Q3")


def test_after_the_nine_months_a_year_earlier_is_the_year_before():
    found = tags(
        "For the nine months, net was $3 million, compared with $2 million a year earlier. Net rose in "
        "the third quarter, up from a year-earlier net loss."
    )
    assert found["a year earlier"] == ("DATE", "1988")
    assert found["year-earlier"] == ("DATE", "1988-Q3")  # the adjective, not "a year" of 12 months


def test_payable_dates_lie_ahead():
    assert tags("The company declared a dividend payable Dec. 1.", date(1989, 10, 27))["Dec. 1"] == ("DATE", "1989-12-01")


def test_an_earlier_quarter_named_later_is_a_comparison_not_the_reported_one():
    found = tags("Net rose in the third quarter. After a flat second quarter, sales rose. In the year-earlier period it lost.")
    assert found["the year-earlier period"] == ("DATE", "1988-Q3")


def test_that_year_is_the_year_last_spoken_of_under_timeml():
    text = "He fled in June 1998 and returned later that year; imports that year fell."
    found = tags(text)
    assert found["later that year"] == ("DATE", "1998") and found["that year"] == ("DATE", "1998")
    assert "that year" not in tags(text, convention="meantime")


def test_parts_of_a_day_after_a_preposition_are_times_in_both():
    text = "By mid afternoon, shares fell; at mid-afternoon yesterday they rose. High Noon is a film."
    expected = {"mid afternoon": ("TIME", "1989-11-02TAF"), "mid-afternoon yesterday": ("TIME", "1989-11-01TAF")}
    assert tags(text) == expected and tags(text, convention="meantime") == expected
    assert tags("It will expire at midnight Friday.")["midnight Friday"] == ("TIME", "1989-11-03T24")


def test_spelled_years_after_a_season_or_the_year_election_day_and_late_month():
    found = tags(
        "Prices hit that level in the winter of nineteen ninety-four; the approach of the year two "
        "thousand worries them. The late-November trip runs from now to Election Day. Some two thousand came.",
        date(1998, 10, 26),
        convention="meantime",
    )
    assert found["the winter of nineteen ninety-four"] == ("DATE", "1994-WI")
    assert found["the year two thousand"] == ("DATE", "2000")
    assert found["late-November"] == ("DATE", "1998-11")
    assert found["Election Day"] == ("DATE", "1998-11-03")
    assert not any("thousand came" in t or t == "two thousand" for t in found)


def test_spelled_day_of_month_and_a_month_naming_an_event():
    text = "It is on March eighth. They walked in the annual March for Life and the March of the Mothers. In March, of course, it rained."
    expected = {"March eighth": ("DATE", "1998-03-08"), "March": ("DATE", "1998-03")}
    assert tags(text, date(1998, 3, 5)) == expected  # TimeML leaves "annual" before a noun untagged
    assert tags(text, date(1998, 3, 5), convention="meantime") == {**expected, "annual": ("SET", "P1Y")}


def test_a_singular_unit_long_lasts_one_unit_and_a_count_per_unit_is_a_rate():
    assert tags("A day-long strike; a decades-long feud.", convention="meantime") == {
        "day-long": ("DURATION", "P1D"),
        "decades-long": ("DURATION", "PXDE"),
    }
    assert tags("Guards stay 24 hours a day, for two weeks.") == {"two weeks": ("DURATION", "P2W")}


def test_vague_decades_and_centuries_take_timeml_unit_letters():
    """TimeBank writes decades, centuries and millennia with one letter each ("about a decade" P1E,
    "centuries" PXC, P2L); MEANTIME and TIMEX2 write DE and CE. A counted one is in years under both
    ("two decades" P20Y, as both corpora write it)."""
    text = "The mosque dominated the skyline for centuries, a decades-long rivalry, for two decades."
    assert tags(text) == {
        "centuries": ("DURATION", "PXC"), "decades-long": ("DURATION", "PXE"), "two decades": ("DURATION", "P20Y"),
    }
    assert tags(text, convention="meantime") == {
        "centuries": ("DURATION", "PXCE"), "decades-long": ("DURATION", "PXDE"), "two decades": ("DURATION", "P20Y"),
    }


def test_a_comparative_after_a_quantity_before_a_frequency_adverb_is_a_rate_under_timeml():
    """TimeML (as TimeBank annotates rates): "$300 million more annually" and "40 million less
    annually" are amounts per year, not recurring times; "more"/"less" stand where a noun would."""
    assert tags("The plan would cost $300 million more annually.") == {}
    assert tags("The state pays 40 million less annually.") == {}


def test_an_hour_with_a_part_of_the_day_after_a_preposition_is_a_clock_time_in_both():
    """ "at 4 in the morning" is 04:00 and "by 10 at night" 22:00; without a preposition the number
    is a count ("fell 4 in the morning session")."""
    text = "He will leave at 4 in the morning and arrive by 10 at night. Shares fell 4 in the morning session."
    expected = {"4 in the morning": ("TIME", "2000-04-05T04:00"), "10 at night": ("TIME", "2000-04-05T22:00")}
    for convention in ("timeml", "meantime"):
        assert tags(text, date(2000, 4, 5), convention) == expected
    assert tags("They met at 3 in the afternoon.", date(2000, 4, 5))["3 in the afternoon"] == ("TIME", "2000-04-05T15:00")


def test_last_night_is_the_night_before_publication_a_time_under_timeml():
    assert tags("CBS first reported last night that the tomb was empty.", JAN98) == {"last night": ("TIME", "1998-01-07TNI")}
    assert tags("CBS first reported last night that the tomb was empty.", JAN98, "meantime") == {
        "last night": ("DATE", "1998-01-07")
    }


def test_a_holiday_with_last_next_or_this_is_one_timex_in_both():
    for convention in ("timeml", "meantime"):
        found = tags("He was found last Thanksgiving and will stay past next Christmas.", date(2000, 2, 10), convention)
        assert found == {"last Thanksgiving": ("DATE", "1999-11-25"), "next Christmas": ("DATE", "2000-12-25")}
    # said on the day after, "last Christmas" is the one just past; "this Christmas" the year's own
    assert tags("We met last Christmas.", date(2000, 12, 26))["last Christmas"] == ("DATE", "2000-12-25")
    assert tags("We meet this Christmas.", date(2000, 2, 10))["this Christmas"] == ("DATE", "2000-12-25")


def test_the_past_before_a_count_is_not_the_past_ref():
    """ "for the past three summers" counts seasons: not PAST_REF "the past"."""
    text = "Violence has spread for the past three summers. It was worse in the past."
    found = [(t.text, t.value, t.start) for t in tag_timexes(text, date(1998, 3, 22), convention="timeml")]
    assert found == [("the past", "PAST_REF", text.rindex("the past"))]



def test_weeks_ago_is_a_week_under_timeml_and_a_day_under_meantime():
    """TimeML states "six weeks ago" at the granularity of its unit, as "three years ago" is a year."""
    text = "He filed the suit six weeks ago."
    assert tags(text, date(1998, 3, 1)) == {"six weeks ago": ("DATE", "1998-W03")}
    assert tags(text, date(1998, 3, 1), "meantime") == {"six weeks ago": ("DATE", "1998-01-18")}


def test_the_week_of_a_date_is_that_week_under_timeml():
    text = "The hearing is set for the week of March 6."
    assert tags(text, date(2000, 2, 24)) == {"the week of March 6": ("DATE", "2000-W10")}
    assert tags(text, date(2000, 2, 24), "meantime") == {"March 6": ("DATE", "2000-03-06")}


def test_a_hyphened_modifier_before_a_noun_leaves_the_article_to_the_noun():
    """ "the late-November trip": the article goes with "trip"; "the early 1980s" keeps it (TimeML)."""
    found = tags("They made the late-November trip. It peaked in the early 1980s.", date(2000, 1, 28))
    assert set(found) == {"late-November", "the early 1980s"}


def test_the_day_before_or_after_a_date_is_that_day_shifted_under_timeml():
    text = "The day before last Tuesday's hearing, he went home. The day after Christmas he left."
    found = tags(text, date(2000, 2, 24))
    assert found["The day before last Tuesday"] == ("DATE", "2000-02-21")
    assert found["The day after Christmas"] == ("DATE", "1999-12-26")
    assert tags(text, date(2000, 2, 24), "meantime")["last Tuesday"] == ("DATE", "2000-02-22")


def test_a_hyphened_quarter_leaves_the_article_to_its_noun_under_timeml():
    """ "the third-quarter GNP growth": the article is the noun's; "the third quarter" keeps it."""
    found = tags("Spending fueled the third-quarter GNP growth. Sales fell in the third quarter.")
    assert found == {"third-quarter": ("DATE", "1989-Q3"), "the third quarter": ("DATE", "1989-Q3")}
    assert "the fiscal second-quarter" not in tags("It posted income for the fiscal second-quarter of $8.6 million.")


def test_today_s_people_or_things_are_no_day_under_timeml():
    """ "today's youth", "today's personal computers" speak of these times, not the day (TimeBank
    leaves them untagged); "today's editions", "today's meeting" are the day's."""
    text = "It is for today's youth. It runs many of today's personal computers and more."
    assert tags(text) == {}
    assert tags(text, convention="meantime") == {"today": ("DATE", "1989-11-02")}
    day = tags("The offer ran in today's editions. Today's meeting was short.")
    assert day == {"today": ("DATE", "1989-11-02"), "Today": ("DATE", "1989-11-02")}


def test_people_or_things_of_today_or_tomorrow_are_no_day_under_timeml():
    """TimeBank wsj_0158: "If I were choosing the people of tomorrow" speaks of times to come, as
    "today's youth" does of these; "the vote of tomorrow" is the day's."""
    assert tags("If I were choosing the people of tomorrow, I would pick them.") == {}
    assert tags("The computers of today are fast.") == {}
    assert tags("The computers of today are fast.", convention="meantime") == {"today": ("DATE", "1989-11-02")}
    assert tags("The vote of tomorrow will be close.") == {"tomorrow": ("DATE", "1989-11-03")}


def test_now_that_is_the_present_and_right_is_a_focus_adverb_under_timeml():
    """TimeML tags "now" in "now that he is in a confrontation" and leaves "right" out of "right now",
    as it leaves "just" out; MEANTIME keeps "right now" and refuses "now that"."""
    text = "Iran swings behind him now that he is in a confrontation. Right now my evidence is scant."
    assert [(t.text, t.value) for t in tag_timexes(text, NOV89, convention="timeml")] == [
        ("now", "PRESENT_REF"), ("now", "PRESENT_REF")
    ]
    assert tags(text, convention="meantime") == {"Right now": ("DATE", "PRESENT_REF")}
    assert tags("Prices are higher now than ever.") == {}


def test_quarters_of_a_thing_are_a_fraction_in_both():
    for convention in ("timeml", "meantime"):
        assert tags("Iraq imports about three-quarters of its foodstuffs.", convention=convention) == {}
        assert tags("Two quarters of 1990 look weak.", convention=convention)["Two quarters"] == ("DURATION", "P2Q")
    assert tags("It turned a profit after several quarters of losses.")["several quarters"] == ("DURATION", "PXQ")


def test_a_weekday_and_the_date_it_names_are_one_timex_in_both():
    """ "this coming Sunday, March eighth" is one DATE, as "Saturday, April 25" is."""
    for convention in ("timeml", "meantime"):
        found = tags("He arrives this coming Sunday, March eighth, for talks.", date(1998, 3, 5), convention)
        assert found == {"this coming Sunday, March eighth": ("DATE", "1998-03-08")}
    # a weekday and a different day stay apart
    assert len(tag_timexes("He comes this coming Monday, March eighth.", date(1998, 3, 5), convention="timeml")) == 2


def test_twelve_at_night_is_midnight_in_both():
    """ "12 at night" is midnight, written as "midnight" is (TimeBank's T24), not noon."""
    for convention in ("timeml", "meantime"):
        assert tags("He left at 12 at night.", date(1999, 4, 19), convention) == {"12 at night": ("TIME", "1999-04-19T24")}


def test_a_clock_time_with_minutes_and_a_part_of_the_day_in_both():
    """Review: "12:30 at night" was untagged. Minutes read as the hour does: "11:30 at night" is
    23:30, "10:15 in the morning" 10:15, and "12:30 at night" half an hour after "12 at night"
    (T24, the day's end), so 00:30 of the next day."""
    for convention in ("timeml", "meantime"):
        found = tags("He left at 12:30 at night.", date(1999, 4, 19), convention)
        assert found == {"12:30 at night": ("TIME", "1999-04-20T00:30")}
        found = tags("He came back at 10:15 in the morning.", date(1999, 4, 19), convention)
        assert found == {"10:15 in the morning": ("TIME", "1999-04-19T10:15")}
        assert tags("He left at 11:30 at night.", date(1999, 4, 19), convention) == {"11:30 at night": ("TIME", "1999-04-19T23:30")}


@pytest.mark.parametrize(
    "text",
    ["Shares rose by 4 in the morning session.", "The index was down by 3 in the afternoon trading.",
     "He worked about 12 in the morning shift."],
)
def test_a_part_of_the_day_before_a_noun_makes_no_clock_time_in_both(text):
    """ "by 4 in the morning session": the part of the day modifies the noun after it, so the number
    is a count, not an hour, even after a preposition (with and without a parse)."""
    from storyline.read.pipeline import _load_base

    doc = _load_base(None)(text)
    for convention in ("timeml", "meantime"):
        assert tags(text, date(1999, 4, 19), convention) == {}
        assert tag_timexes(text, date(1999, 4, 19), doc=doc, convention=convention) == []


def test_this_holiday_keeps_the_tense_check():
    """ "This Christmas was quiet." said in early January is the Christmas just past; "this" only
    says it is the year's own, the past tense which year that is."""
    for convention in ("timeml", "meantime"):
        assert tags("This Christmas was quiet.", date(2001, 1, 5), convention) == {"This Christmas": ("DATE", "2000-12-25")}
    assert tags("We meet this Christmas.", date(2000, 2, 10))["this Christmas"] == ("DATE", "2000-12-25")


def test_a_hyphened_decade_before_a_noun_leaves_the_article_to_the_noun():
    """ "the late-1990s boom", as "the late-November trip": the article goes with the noun (TimeML)."""
    assert tags("In the late-1990s boom, shares rose.", date(2001, 1, 5)) == {"late-1990s": ("DATE", "199")}
    assert tags("It peaked in the late 1990s.", date(2001, 1, 5)) == {"the late 1990s": ("DATE", "199")}


def test_a_hyphened_decade_or_month_ending_its_phrase_keeps_the_article_under_timeml():
    """ "by the mid-1990s." (TimeBank wsj_1014) and "until the late-November." modify no noun: the
    article is the expression's."""
    assert tags("It set a goal of a 50% share by the mid-1990s.", date(1989, 10, 26)) == {"the mid-1990s": ("DATE", "199")}
    assert tags("The talks ran until the late-November.", date(2000, 1, 28)) == {"the late-November": ("DATE", "1999-11")}


@pytest.mark.parametrize("convention", ["timeml", "meantime"])
def test_a_quarter_of_a_game_is_no_calendar_quarter(convention):
    """A game's periods of play name no calendar time (TimeBank and MEANTIME hold no such case):
    untagged when a game, a sport, a score or an athlete is spoken of nearby (WordNet) and no money
    is. A quarter beside money stays the calendar's or the report's."""
    for text in (
        "The Rams won the game. Their quarterback threw two touchdowns in the fourth quarter.",
        "The match was close. She scored 20 points in the second half, the coach said.",
        "Smith ran for a touchdown in the third quarter, and the Bears won the football game.",
    ):
        found = tags(text, convention=convention)
        assert not any(t.endswith(("quarter", "half")) for t in found), (text, found)
    found = tags("The Rams won the game; the quarterback threw a touchdown late in the quarter.")
    assert "the quarter" not in found, found
    # nothing of play near the quarter, but the article is a game's report
    report = ("The Colts beat the Chiefs in a football game, and their quarterback threw a touchdown. "
              "The weather was cold. Fans waited in long lines. The drive stalled early in the fourth quarter.")
    assert not any(t.endswith("quarter") for t in tags(report, convention=convention)), report
    plain = "The weather was cold. Fans waited in long lines. The drive stalled early in the fourth quarter."
    assert tags(plain, convention=convention)["the fourth quarter"] == ("DATE", "1989-Q4")
    found = tags("The team's revenue rose $5 million in the fourth quarter after a playoff game.", convention=convention)
    assert found["the fourth quarter"] == ("DATE", "1989-Q4")
    found = tags("Net income fell in the third quarter. It sees weakness into the fourth quarter.", convention=convention)
    assert found["the third quarter"] == ("DATE", "1989-Q3")


@pytest.mark.model
def test_a_quarter_of_a_game_through_the_parse_under_timeml():
    """The parse's nouns and verbs, told in the past in November: the game's fourth quarter is not
    the reported (fiscal) quarter, and the report's quarter beside money still is."""
    from storyline.read.pipeline import load_pipeline
    from storyline.read.timex import timexes_for

    nlp = load_pipeline()
    for text, expected in (
        ("The Rams beat the Bears. Their quarterback threw two touchdowns in the fourth quarter.", None),
        ("Net income fell to $3 million in the fourth quarter, the company said.", ("DATE", "1989-Q4")),
    ):
        doc = nlp.make_doc(text)
        doc._.sl_meta = ArticleMeta(article_id="t", outlet=None, published=NOV89)
        found = {t.text: (t.type, t.value) for t in timexes_for(nlp(doc), "timeml")}
        assert found.get("the fourth quarter") == expected, (text, found)


def test_the_year_of_an_amount_is_the_year_under_timeml():
    """TimeBank wsj_0520: "rising to a high for the year of $42.875 a share" tags "the year" (1989);
    "of" then measures the high, it does not name which year ("the year of the dragon")."""
    found = tags("The stock rose to a high for the year of $42.875 a share in June.", date(1989, 10, 30))
    assert found["the year"] == ("DATE", "1989"), found
    assert "the year" not in tags("It was the year of the dragon.", date(1989, 10, 30))


@pytest.mark.model
@pytest.mark.parametrize("convention", ["timeml", "meantime"])
def test_prices_in_a_game_report_keep_the_calendars_quarter(convention):
    """Leftover of the last session: in a game's report, "prices rose in the fourth quarter" was
    left untagged, "price" not being money to WordNet's lexicographer files (noun.attribute). A
    monetary value is money as a possession is."""
    from storyline.read.pipeline import load_pipeline
    from storyline.read.timex import timexes_for

    nlp = load_pipeline()
    report = ("The Colts beat the Chiefs in a football game, and their quarterback threw a touchdown. "
              "The weather was cold. Fans waited in long lines. Ticket prices rose in the fourth quarter.")
    doc = nlp.make_doc(report)
    doc._.sl_meta = ArticleMeta(article_id="t", outlet=None, published=date(2006, 1, 20))
    found = {t.text: (t.type, t.value) for t in timexes_for(nlp(doc), convention)}
    assert found.get("the fourth quarter") == ("DATE", "2005-Q4"), found


@pytest.mark.parametrize("convention", ["timeml", "meantime"])
def test_a_quarter_or_half_of_the_year_is_the_calendars_beside_a_game(convention):
    """Review: "of the year" names the calendar's quarter even where a game is spoken of nearby
    (the year's own timex is left as before)."""
    for text, span, value in (
            ("The Lakers beat the Celtics. Their quarterback signed a contract in the first quarter of the year.",
             "the first quarter", "1989-Q1"),
            ("The Rams won the game. The quarterback was hurt in the second half of the year.", "the second half", "1989-H2"),
            ("The Rams won the game. The club signed its quarterback in the first half of its fiscal year.",
             "the first half", "1989-H1")):
        found = tags(text, convention=convention)
        assert any(t.startswith(span) and v == ("DATE", value) for t, v in found.items()), (text, found)
