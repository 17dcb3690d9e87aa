"""Plain-text facts shared by stages that work on text without a parse: grouping (before the read
stage) and the read stage's display offsets. The parser's own sentences (``doc.sents``) are the
read stage's; this is for the places that only have the string."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_END", "line_breaks", "wrapped"]

# A sentence ends at . ! or ? (with any closing quotes or bracket) before white space, or at a line break.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")


# A line that ends so is part of a sentence going on below it (a colon before a quote, a comma,
# a hyphen or dash at a cut word).
_GOES_ON = re.compile(r"[,:;\-\u2013\u2014(\[/&]\s*$")
# What a new sentence may open with: a capital, a digit, a quote or bracket before one.
_OPENS = re.compile(r"[\"'\u201c\u2018(\[]*[A-Z0-9\u00c0-\u00de]")


def wrapped(text: str) -> bool:
    """Whether ``text`` is hard-wrapped (a paragraph cut into lines of about one width, as plain
    text from mail or a terminal is): most of its lines, counting only those followed by another
    in the same paragraph, are 50 to 80 characters long and end mid-sentence."""
    lines = text.split("\n")
    inner = [a for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(inner) < 3:
        return False
    cut = [a for a in inner if 50 <= len(a.rstrip()) <= 80 and not re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", a)]
    return len(cut) >= 0.6 * len(inner)


def line_breaks(text: str) -> list[int]:
    """Offsets of the lines of ``text`` that begin a sentence whatever the parser would make of
    them: each line after a blank line, and each line after a line break that does not leave a
    sentence going on (``_GOES_ON``) when it opens like a sentence. In news text a line is a
    headline, a dateline, a byline, a caption or a paragraph: nothing runs across lines, and a
    parser that reads on across them makes one sentence of a headline, the date below it and the
    first sentence. In hard-wrapped text (:func:`wrapped`) only blank lines separate."""
    out = []
    paragraph_only = wrapped(text)
    pos = text.find("\n")
    while pos >= 0:
        nxt = pos + 1
        while nxt < len(text) and text[nxt] in " \t\r\n":
            nxt += 1
        if nxt >= len(text):
            break
        blank = "\n" in text[pos + 1 : nxt]
        line_start = text.rfind("\n", 0, pos) + 1
        before = text[line_start:pos]
        if before.strip() and (blank or (not paragraph_only and not _GOES_ON.search(before) and _OPENS.match(text, nxt))):
            out.append(nxt)
        pos = text.find("\n", nxt)
    return out
