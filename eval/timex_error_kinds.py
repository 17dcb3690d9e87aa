"""Sort TempEval-3 timex errors into kinds, so a person can see which classes of gold values
storyline misses and whether the gold writes a class one way (``eval/timebank.py --error-kinds``).

Each error (from ``tempeval3.score_documents(..., errors)``) gets one class, the first that fits:

- ``REF word``: either side is PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recent", "soon");
- ``quarter / fiscal``: a reporting period ("the quarter", "fiscal 1990", "a year ago" in a report
  about a quarter: either value names a quarter or half, or the words name a period);
- ``week``: a week value or the word "week" ("last week": 1989-W43, 1989-WXX, 2000-W7, a month);
- ``weekday``: a day of the week ("Tuesday", "Wednesday night");
- ``decade / century``: "the 1990s" (199 or 199X), "this century";
- ``offset``: a date a stated amount before or after ("a year earlier", "six weeks ago");
- ``X placeholder``: the gold value pads the same point with X ("1949-XX" for "1949");
- ``duration`` / ``set``: either side is of that type;
- ``clock / part of day``: a value with a time (T...);
- ``month / season / year``: a partial date whose year or granularity differs;
- ``other``.

Within a class the first word says what went wrong: ``value`` (both found, values differ),
``span`` (same value, different extent: does not change value F1), ``missed``, ``extra``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

__all__ = ["classify", "group_errors"]

_REF = re.compile(r"_REF$")
_PERIOD_WORDS = re.compile(r"(?i)quarter|fiscal|period|year-earlier|year-ago|half")
_PERIOD_VALUE = re.compile(r"-(?:Q|H)[\dX]$")
_WEEK = re.compile(r"(?i)\bweek\b")
_WEEK_VALUE = re.compile(r"-W[\dX]+(?:-WE)?$")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_DECADE = re.compile(r"(?i)\d0['’]?s\b|decade|century")
_DECADE_VALUE = re.compile(r"^\d{2,3}X?$")
_OFFSET = re.compile(r"(?i)\b(?:ago|earlier|later|before|after|since)\b")


def _values(gold, system) -> list[str]:
    return [t[3] for t in (gold, system) if t]


def _types(gold, system) -> list[str]:
    return [t[2] for t in (gold, system) if t]


def classify(gold, system, text: str | None) -> str:
    """The class of one error (see the module docstring)."""
    words = " ".join(w for w in ((gold[4] if gold and len(gold) > 4 else ""), text or "") if w)
    values = _values(gold, system)
    types = _types(gold, system)
    if any(_REF.search(v) for v in values):
        return "REF word"
    if _PERIOD_WORDS.search(words) or any(_PERIOD_VALUE.search(v) for v in values):
        return "quarter / fiscal"
    if _WEEK.search(words) or any(_WEEK_VALUE.search(v) for v in values):
        return "week"
    if _WEEKDAY.search(words):
        return "weekday"
    if _DECADE.search(words) or any(_DECADE_VALUE.match(v) for v in values):
        return "decade / century"
    if _OFFSET.search(words):
        return "offset"
    if gold and system and "X" in gold[3] and gold[3].replace("-X", "").replace("X", "") == system[3]:
        return "X placeholder"
    if "DURATION" in types:
        return "duration"
    if "SET" in types:
        return "set"
    if any("T" in v for v in values):
        return "clock / part of day"
    if any(re.match(r"^\d{4}(?:-\d\d|-(?:SP|SU|FA|WI))?$", v) for v in values):
        return "month / season / year"
    return "other"


def group_errors(errors: list) -> dict[str, Counter]:
    """{class: Counter(error kind)} and the examples, from ``score_documents`` error tuples."""
    counts: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list] = defaultdict(list)
    for doc_id, kind, gold, system, text in errors:
        cls = classify(gold, system, text)
        shown = "extra" if kind == "spurious" else kind
        counts[cls][shown] += 1
        examples[cls].append((doc_id, shown, gold, system, text))
    return {"counts": counts, "examples": examples}


def format_groups(errors: list, per_class: int = 3) -> str:
    grouped = group_errors(errors)
    lines = []
    for cls, counter in sorted(grouped["counts"].items(), key=lambda kv: -sum(kv[1].values())):
        kinds = ", ".join(f"{k} {n}" for k, n in counter.most_common())
        lines.append(f"  {cls:<22} {sum(counter.values()):>4}  ({kinds})")
        for doc_id, shown, gold, system, text in grouped["examples"][cls][:per_class]:
            g = f"{gold[4]!r} {gold[3]}" if gold else "-"
            s = f"{text!r} {system[3]}" if system else "-"
            lines.append(f"      {shown:<7} {doc_id:<24} gold {g:<40} system {s}")
    return "\n".join(lines)
