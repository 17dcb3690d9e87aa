"""From a rule match to a TIMEX3 (type, value, mod, anchor), or a refusal.

The rules live in :mod:`.rules_calendar`, :mod:`.rules_periods` and :mod:`.rules_relative`; this module dispatches a
scanner match to its rule and shields the pipeline from any error on odd input.
"""

from __future__ import annotations

import re

from storyline.read.timex import rules_calendar, rules_periods, rules_relative
from storyline.read.timex.context import Context, Found

__all__ = ["Context", "Found", "normalize"]

_HANDLERS = {**rules_calendar.HANDLERS, **rules_periods.HANDLERS, **rules_relative.HANDLERS}


def normalize(rule: str, match: re.Match, ctx: Context) -> Found | None:
    """The timex for one rule match, or None when the match is refused."""
    handler = _HANDLERS.get(rule)
    if handler is None:
        return None
    try:
        return handler(match, ctx, match.start(), match.end())
    except (ValueError, KeyError, OverflowError, AttributeError, IndexError):
        return None  # odd input must never break the pipeline: drop the candidate
