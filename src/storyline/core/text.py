"""Plain-text facts shared by stages that work on text without a parse: grouping (before the read
stage) and the read stage's display offsets. The parser's own sentences (``doc.sents``) are the
read stage's; this is for the places that only have the string."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_END"]

# A sentence ends at . ! or ? (with any closing quotes or bracket) before white space, or at a line break.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")
