"""What an article is about, as weighted terms: its words and the names it uses.

Two sources of names, one shape of output (``Counter`` of term -> count):

* :func:`article_terms` works on the raw text, before any reading: names are runs of capitalised
  words (a run at a sentence start loses its first word when the article also writes that word in
  lower case: "The", "Police"). Cheap (a regex pass) and what ``analyze`` uses, since it groups
  before reading.
* :func:`reading_terms` takes the names the read stage found (``ArticleReading.entities``: their
  canonical names and aliases), for callers who have readings already.

Terms are prefixed so words and names never collide: ``w:quake`` (a word, lower-cased),
``n:lindsay lohan`` (a whole name), and ``n:lohan`` for each word of a multi-word name, so "Lohan"
in one article meets "Lindsay Lohan" in another. Function words are left out by spaCy's English
stop list (the list the read stage's ``token.is_stop`` uses); the weighting (``cluster.py``, an
inverse document frequency over the pile) makes the other common words weigh little.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.core.records import Article, ArticleReading
from storyline.core.text import SENTENCE_END

__all__ = ["NAME", "WORD", "Terms", "article_terms", "reading_terms", "surface_names"]

WORD = "w:"
NAME = "n:"

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
# Numbers are content too: a year, a score, a toll or a magnitude tells one event from another of its kind.
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,:]\d+)*(?![\w])")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# Entity types that say what a story is about (an outlet is who reports it, not what it is).
_TOPICAL = frozenset({"PERSON", "ORG", "GPE", "LOC", "WORK", "EVENT", "GROUP", "OTHER"})
_MIN_WORD = 3


def _words(text: str) -> list[tuple[str, bool, bool]]:
    """(word, starts a sentence, follows the previous word across a plain space) in text order.

    Every word of a title-case line ("Earthquake Jolts Iran") counts as starting a sentence: its
    capitals say nothing of names (it is a name only when the text never writes it in lower case)."""
    out: list[tuple[str, bool, bool]] = []
    starts = {0} | {m.end() for m in SENTENCE_END.finditer(text)}
    titled = _title_lines(text)
    end = -1
    for m in _TOKEN.finditer(text):
        word = _POSSESSIVE.sub("", m.group().rstrip(".'’-"))
        if word:
            joined = end >= 0 and text[end:m.start()] == " "
            out.append((word, m.start() in starts or any(lo <= m.start() < hi for lo, hi in titled), joined))
            end = m.start() + len(word)
    return out


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines written in title case: at least three words besides stop words, most of them capitalised."""
    out = []
    offset = 0
    for line in text.split("\n"):
        words = [w for w in _TOKEN.findall(line) if w.lower() not in STOP_WORDS]
        if len(words) >= _TITLE_WORDS and sum(w[:1].isupper() for w in words) >= _TITLE_SHARE * len(words):
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


_TITLE_WORDS = 3
_TITLE_SHARE = 0.8


def _content(word: str) -> bool:
    return len(word) >= _MIN_WORD and not word.isupper() or len(word) >= 2 and word.isupper()


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def surface_names(text: str, words: list[tuple[str, bool, bool]] | None = None) -> list[str]:
    """Runs of capitalised words joined by single spaces, as written ("Lindsay Lohan", "Betty Ford
    Center"); ``words`` are the text's words (:func:`_words`) when the caller has them."""
    words = _words(text) if words is None else words
    lower = {w for w, _, _ in words if not _capitalised(w)}
    names: list[str] = []
    run: list[str] = []
    for word, first, joined in words + [("", True, False)]:
        if word and _capitalised(word) and not (first and word.lower() in lower):
            if run and not joined:
                names.append(" ".join(run))
                run = []
            run.append(word)
            continue
        if run:
            names.append(" ".join(run))
        run = []
    # a run of function words only ("Did", "The") is a sentence start, not a name
    return [n for n in names if any(w.lower() not in STOP_WORDS for w in n.split())]


@dataclass(frozen=True)
class Terms:
    """An article's terms with their counts, and how its names were written (for a story's name)."""

    counts: Counter[str]
    written: dict[str, str] = field(default_factory=dict)
    """Name term -> the name as first written ("n:lindsay lohan" -> "Lindsay Lohan")."""


def _name_terms(names: Iterable[str], written: dict[str, str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for name in names:
        key = " ".join(name.lower().split())
        if not key:
            continue
        out[NAME + key] += 1
        written.setdefault(NAME + key, " ".join(name.split()))
        parts = [p for p in key.split() if len(p) >= 2]
        if len(parts) > 1:
            for part in parts:
                out[NAME + part] += 1
    return out


def _word_terms(text: str, words: list[tuple[str, bool, bool]]) -> Counter[str]:
    out = Counter(WORD + w.lower() for w, _, _ in words if _content(w) and w.lower() not in STOP_WORDS)
    return out + Counter(WORD + m.group() for m in _NUMBER.finditer(text))


def _full_text(article: Article) -> str:
    if not article.title or article.text.startswith(article.title):
        return article.text
    return f"{article.title}\n{article.text}"


def article_terms(article: Article) -> Terms:
    """Words and capitalised names of the article's title and text."""
    text = _full_text(article)
    words = _words(text)
    written: dict[str, str] = {}
    return Terms(_word_terms(text, words) + _name_terms(surface_names(text, words), written), written)


def reading_terms(reading: ArticleReading) -> Terms:
    """Words of the text and the names the read stage found (each entity once per name it goes by)."""
    names = [n for e in reading.entities if e.type in _TOPICAL
             for n in dict.fromkeys((e.name, *(a for a in e.aliases if a[:1].isupper())))]
    written: dict[str, str] = {}
    text = _full_text(reading.article)
    return Terms(_word_terms(text, _words(text)) + _name_terms(names, written), written)
