"""The wording cues and readings the read stage records for reconcile (storyline.read.cues)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from storyline.core.records import Article, Timex
from storyline.read import cues as cues_module
from storyline.read.cues import CLAIM_CUES, age_moment, claim_cues, context_timex
from storyline.read.doc import ClaimAnn, EntityAnn, MentionAnn, QuantityAnn, TimexAnn
from storyline.read.extract import Annotations, reading_from_annotations

_SRC = Path(cues_module.__file__).parents[1]


def _timex(text: str, written: str, value: str, occurrence: int = 0, type: str = "DATE") -> Timex:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(written, i + 1)
    return Timex(f"t-{i}", "a", i, i + len(written), written, type, value, None, "DCT")


def _cues(text: str, claim: str | None = None, when: Timex | None = None,
          context: Timex | None = None, work_starts: frozenset[int] = frozenset()) -> tuple[str, ...]:
    s = text.index(claim) if claim else 0
    return claim_cues(text, s, s + len(claim or text), when, context, set(work_starts))


def test_every_cue_the_reader_can_emit_is_documented():
    emitted = set(re.findall(r'found\.add\("([a-z_]+)"\)', (_SRC / "read" / "cues.py").read_text()))
    assert emitted and emitted <= set(CLAIM_CUES)
    assert all(meaning.strip() for meaning in CLAIM_CUES.values())


def test_every_cue_reconcile_consults_is_documented():
    consulted = set()
    for path in (_SRC / "reconcile").glob("*.py"):
        for line in path.read_text().splitlines():
            if ".cues" in line:
                consulted |= set(re.findall(r'"([a-z_]+)"(?:\)? in [\w.]*\.cues| if )', line))
    assert consulted and consulted <= set(CLAIM_CUES)


def test_cues_come_in_the_documented_order():
    out = _cues("there was no one else and nothing has not yet been denied")
    assert list(out) == [c for c in CLAIM_CUES if c in out]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ruiz was denied a handgun permit", True),
    ("he had been quietly dismissed from his job", True),
    ("Ruiz denied the affair", False),
    ("the mayor was arrested early Sunday", False),  # a passive, but nothing is denied
])
def test_passive_denial(text, expected):
    assert ("passive_denial" in _cues(text)) is expected


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("who denied cheating in January", "reported_denial", False),  # a topic of the celebrity pack, not of any story
    ("she denies the reports", "reported_denial", True),
    ("they denied any allegations", "reported_denial", True),
    ("he denied entry", "reported_denial", False),
    ("the test results have not been released", "not_yet", True),
    ("the results are yet to be released", "not_yet", True),
    ("the results were released", "not_yet", False),
    ("no one else was injured", "except", True),
    ("no other shots were fired", "except", True),
    ("no one was injured", "except", False),
    ("there appeared to be no survivors", "negator", True),
    ("they weren't married very long", "negator", True),
    ("there were survivors", "negator", False),
])
def test_wording_cues(text, cue, expected):
    assert (cue in _cues(text)) is expected


def test_a_year_before_a_capitalised_name_is_a_model_year():
    text = "he was driving his 2008 Bentley at 1:30 a.m. on May 2009 June"
    assert "when_model_year" in _cues(text, when=_timex(text, "2008", "2008"))
    assert "context_model_year" in _cues(text, context=_timex(text, "2008", "2008"))
    assert "when_model_year" not in _cues(text, when=_timex(text, "May 2009", "2009-05"))  # not a bare year
    text = "he was stopped in 2009 in May"
    assert "when_model_year" not in _cues(text, when=_timex(text, "2009", "2009"))  # a month is no name


def test_a_timex_in_a_leading_temporal_clause_does_not_date_the_claim():
    text = "After telling reporters in October that she was fine, the singer checked into rehab"
    assert "when_leading_clause" in _cues(text, when=_timex(text, "October", "XXXX-10"))
    text = "After a week, she checked into rehab in October"  # a comma before the timex
    assert "when_leading_clause" not in _cues(text, when=_timex(text, "October", "XXXX-10"))
    text = "she checked into rehab in October"
    assert "when_leading_clause" not in _cues(text, when=_timex(text, "October", "XXXX-10"))


def test_a_dated_line_opening_on_the_report_s_own_date_does_not_date_the_claim():
    # A dateline glued to the lead (no line break between them) dates the report, not the death.
    text = "Ex-aide Ada Brook dies\nPosted: Thursday, July 29, 2004 Ada Brook, a former aide, died on Tuesday."
    assert "when_dateline" in _cues(text, "Ada Brook, a former aide, died", when=_timex(text, "Thursday, July 29, 2004", "2004-07-29"))
    text = "Boxer keeps belts\nJuly 08, 2012 Omar Velt stopped Ian Roe in the sixth round."
    assert "when_dateline" in _cues(text, "Omar Velt stopped Ian Roe", when=_timex(text, "July 08, 2012", "2012-07-08"))
    text = "Ex-aide Ada Brook dies\nPublished: Tuesday, Dec. 20 2005 12:00 a.m. MST Ada Brook, a former aide, died."
    assert "when_dateline" in _cues(text, "Ada Brook, a former aide, died",
                                    when=_timex(text, "12:00 a.m.", "2005-12-20T00:00", type="TIME"))
    # Not a dateline: the date is told with a preposition, or in the sentence, or has no year.
    text = "Boxer keeps belts\nOn July 8, 2012 Omar Velt stopped Ian Roe in the sixth round."
    assert "when_dateline" not in _cues(text, "Omar Velt stopped Ian Roe", when=_timex(text, "July 8, 2012", "2012-07-08"))
    text = "Boxer keeps belts\nOmar Velt stopped Ian Roe on July 8, 2012 in the sixth round."
    assert "when_dateline" not in _cues(text, "Omar Velt stopped Ian Roe", when=_timex(text, "July 8, 2012", "2012-07-08"))
    text = "Ex-aide Ada Brook dies\nOn Dec. 20, 2005 at 6 p.m. Ada Brook, a former aide, died."
    assert "when_dateline" not in _cues(text, "Ada Brook, a former aide, died",
                                        when=_timex(text, "6 p.m.", "2005-12-20T18:00", type="TIME"))
    text = "Boxer keeps belts\nTuesday Omar Velt stopped Ian Roe in the sixth round."
    assert "when_dateline" not in _cues(text, "Omar Velt stopped Ian Roe", when=_timex(text, "Tuesday", "2012-07-03"))


def test_a_date_right_before_a_work_dates_the_work():
    text = "they met on the set of 2010\u2019s Night Harbor"
    assert "when_work_date" in _cues(text, when=_timex(text, "2010", "2010"))
    text = "they met on the 2009 film set"
    assert "when_work_date" in _cues(text, when=_timex(text, "2009", "2009"))
    text = "they met in 2009's summer"  # a possessive before no title
    assert "when_work_date" not in _cues(text, when=_timex(text, "2009", "2009"))
    text = "in 2010's night harbor"  # lower case, but a WORK mention starts there
    assert "when_work_date" in _cues(text, when=_timex(text, "2010", "2010"), work_starts=frozenset({text.index("night")}))


def test_the_context_time_of_a_claim():
    text = "A quake struck in 1999. It killed 612 people. On Monday, a tremor hit and it killed two."
    dated = [_timex(text, "1999", "1999"), _timex(text, "Monday", "2024-01-15")]
    s = text.index("It killed")
    e = s + len("It killed 612 people")
    assert context_timex(text, s, e, s, e + 1, dated) == dated[0]  # opens on a pronoun: the sentence before
    s2 = text.index("a tremor")
    e2 = len(text) - 1
    assert context_timex(text, s2, e2, text.index("On Monday"), len(text), dated) == dated[1]  # its own sentence
    s3 = text.index("killed 612")
    assert context_timex(text, s3, e, s, e + 1, dated) == dated[0]  # its sentence opens on the pronoun
    text2 = "A quake struck in 1999. Rescuers said 612 people died."
    s4 = text2.index("612")
    assert context_timex(text2, s4, len(text2) - 1, text2.index("Rescuers"), len(text2),
                         [_timex(text2, "1999", "1999")]) is None  # no pronoun, no date of its own


@pytest.mark.parametrize(("text", "with_date", "expected_past"), [
    ("Perry was 17 when he died in 2009.", True, False),
    ("Perry was 17 at the time.", False, True),
    ("Perry, aged 17, was there.", False, False),
    ("Perry, aged 17 in 2009, was there.", True, False),
    ("Perry is 17.", False, False),
])
def test_an_age_told_of_the_past(text, with_date, expected_past):
    dated = [_timex(text, "2009", "2009")] if "2009" in text else []
    i = text.index("17")
    when, past = age_moment(text, i, i + 2, date(2022, 5, 1), dated)
    assert (when == dated[0].id if with_date else when is None) and past is expected_past


def test_a_date_after_the_article_does_not_date_a_past_age():
    text = "Perry was 17 when he died in 2030."
    assert age_moment(text, 10, 12, date(2022, 5, 1), [_timex(text, "2030", "2030")]) == (None, True)
    assert age_moment(text, 10, 12, None, [_timex(text, "2030", "2030")]) == (None, False)  # undated article


def test_the_records_carry_the_readings():
    text = "Perry was 17 when he died in 2009. It was his 2008 Bentley."
    t0, t1 = text.index("2009"), text.index("2008")
    ent = EntityAnn(0, "Perry", "PERSON", [MentionAnn(0, 5, "Perry", "name")])
    age = QuantityAnn(17, "year", None, 10, 12, "17", "age")
    ann = Annotations(
        [ent], [TimexAnn(t0, t0 + 4, "2009", "DATE", "2009"), TimexAnn(t1, t1 + 4, "2008", "DATE", "2008")], [],
        [ClaimAnn(0, 33, text[:33], "die", None, 0, None, None, 0, None, "unattributed", "certain", "positive",
                  sentence_start=0, sentence_end=34, quantities=[age]),
         ClaimAnn(35, 58, text[35:58], "be", None, None, None, None, None, None, "unattributed", "certain", "positive",
                  sentence_start=35, sentence_end=59)])
    r = reading_from_annotations(ann, Article("a", text, None, date(2022, 5, 1), None, None, "a.txt", "txt", "h"))
    died, bentley = r.claims
    assert died.quantities[0].when == r.timexes[0].id and not died.quantities[0].past
    assert died.context_when is None and died.cues == ()
    assert bentley.context_when == r.timexes[1].id and bentley.cues == ("context_model_year",)


def test_a_timeline_entry_opening_a_line_is_not_a_dateline():
    # A timeline box: each line opens on the entry's date; only a date to the day near the
    # publication day can be the report's own dateline.
    published = date(2009, 6, 1)

    def cues(text, claim, written, value):
        s = text.index(claim)
        return claim_cues(text, s, s + len(claim), _timex(text, written, value), None, set(), published)

    text = "Timeline\nMarch 2003 The United States invaded Iraq.\nDec. 13, 2003 U.S. troops captured Saddam Hussein near Tikrit."
    assert "when_dateline" not in cues(text, "The United States invaded Iraq", "March 2003", "2003-03")
    assert "when_dateline" not in cues(text, "U.S. troops captured Saddam Hussein", "Dec. 13, 2003", "2003-12-13")
    text = "Venn quits\nMay 2009 Venn resigned as chief executive, the firm said."
    assert "when_dateline" not in cues(text, "Venn resigned as chief executive", "May 2009", "2009-05")
    text = "Venn quits\n2009 Venn resigned as chief executive."
    assert "when_dateline" not in cues(text, "Venn resigned as chief executive", "2009", "2009")
    # The report's own date, a day either side of publication, still is one.
    text = "Venn quits\nMay 31, 2009 Venn resigned as chief executive."
    assert "when_dateline" in cues(text, "Venn resigned as chief executive", "May 31, 2009", "2009-05-31")
    text = "Venn quits\nJune 1, 2009 Venn resigned as chief executive."
    assert "when_dateline" in cues(text, "Venn resigned as chief executive", "June 1, 2009", "2009-06-01")


@pytest.mark.parametrize(("text", "predicate", "expected"), [
    ("he wanted to win her back", "win", True),
    ("the company plans to cut 500 jobs", "cut", True),
    ("the gunman tried to escape", "escape", True),
    ("the company cut 500 jobs", "cut", False),
    ("she managed to escape", "escape", False),  # it happened
    ("he wanted to win her back", "wanted", False),  # the wanting is told as done
])
def test_an_infinitive_after_an_intention_is_intended(text, predicate, expected):
    s, p = 0, text.index(predicate)
    assert ("intended" in claim_cues(text, s, len(text), None, None, set(), predicate_start=p)) is expected
