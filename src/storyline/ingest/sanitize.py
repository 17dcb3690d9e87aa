"""Text sanitation at the door: every article's text and metadata pass through here before ids
are made, before the read stage and before the store.

- A lone surrogate (``\\ud800``: a JSON escape with no partner, a UTF-16 file cut in the middle of
  a pair) cannot be encoded as UTF-8, so it could be neither hashed nor stored: it becomes U+FFFD
  (the replacement character). A valid surrogate *pair* becomes the character it encodes.
- NUL and the other C0 control characters except tab, newline and carriage return are removed
  (PostgreSQL text cannot hold a NUL, and none of them is article text); vertical tab and form
  feed, which separate lines and pages, become newlines.

What was replaced is reported as one :class:`~storyline.ingest.Notice` naming the input and the
fields; a clean article costs one regular-expression scan per field and gets no notice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields, replace
from typing import Any

from storyline.core.errors import NoArticleText

__all__ = ["sanitize_text", "sanitize_article", "describe"]

_SURROGATE = re.compile("[\ud800-\udfff]")
# Everything sanitize_text changes: C0 controls but \t \n \r, and surrogates.
_UNCLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n"}
SURROGATE = "lone surrogate"


def _control_name(ch: str) -> str:
    return "NUL" if ch == "\x00" else f"U+{ord(ch):04X}"


def sanitize_text(text: str) -> tuple[str, Counter[str]]:
    """``text`` with lone surrogates replaced and control characters removed, and a count of what
    was changed: ``"lone surrogate"``, ``"NUL"`` or ``"U+00XX"`` -> occurrences (empty when clean)."""
    found: Counter[str] = Counter()
    if _UNCLEAN.search(text) is None:
        return text, found
    if _SURROGATE.search(text) is not None:
        # Pairs join into the character they encode; each unpaired half decodes to U+FFFD.
        joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        lone = len(_SURROGATE.findall(text)) - 2 * (len(text) - len(joined))
        if lone:
            found[SURROGATE] = lone
        text = joined

    def control(m: re.Match[str]) -> str:
        found[_control_name(m.group())] += 1
        return _LINE_BREAKS.get(m.group(), "")

    return _UNCLEAN.sub(control, text), found


def sanitize_article(raw: Any) -> tuple[Any, str | None]:
    """``raw`` (a dataclass such as RawArticle) with every string field sanitized, and a notice
    sentence saying what was changed in which fields (None when it was clean).

    Raises NoArticleText when nothing but removed characters made up the text."""
    changes: dict[str, str] = {}
    found: dict[str, Counter[str]] = {}
    for f in fields(raw):
        value = getattr(raw, f.name)
        if isinstance(value, str):
            clean, counts = sanitize_text(value)
            if clean != value:
                changes[f.name] = clean
            if counts:
                found[f.name] = counts
    if not changes:
        return raw, None
    raw = replace(raw, **changes)
    if not found:  # only surrogate pairs joined into the characters they encode: nothing lost
        return raw, None
    if not raw.text.strip():
        raise NoArticleText(
            f"the article has no text once its control characters are removed ({describe(found)})",
            input=raw.origin,
            fix="check that the input is a text article, not binary data",
        )
    return raw, describe(found)


def describe(found: dict[str, Counter[str]]) -> str:
    """What was replaced or removed, and in which fields, e.g. "replaced 1 lone surrogate with
    U+FFFD and removed 2 control characters (NUL x2) in text, title"."""
    count: Counter[str] = Counter()
    for c in found.values():
        count.update(c)
    surrogates = count.pop(SURROGATE, 0)
    breaks = count.pop("U+000B", 0) + count.pop("U+000C", 0)
    parts = []
    if surrogates:
        parts.append(f"replaced {_n(surrogates, 'lone surrogate')} with U+FFFD")
    if count:
        kinds = ", ".join(f"{k} x{v}" if v > 1 else k for k, v in sorted(count.items()))
        parts.append(f"removed {_n(sum(count.values()), 'control character')} ({kinds})")
    if breaks:
        parts.append(f"turned {_n(breaks, 'vertical tab/form feed character')} into line breaks")
    return f"{', '.join(parts)} in {', '.join(found)}"


def _n(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"
