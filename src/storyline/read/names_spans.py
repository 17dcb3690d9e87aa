"""Per-document token indices shared by the entity rules (built once per Doc, linear)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

__all__ = ["DocIndex", "POSSESSIVE", "TITLE_INNER", "HONORIFICS", "is_cap", "cap_run_end", "trim_possessive"]

POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
# Lower-case words allowed inside a capitalised title run ("Pirates of the Caribbean").
TITLE_INNER = frozenset({"of", "the", "and", "&", "in", "on", "a", "an", "to", "for", "at", "from", "with", "-"})
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Dame", "Prof.", "Lady", "Lord"})
_LAST: DocIndex | None = None  # the last index built: storyline_coref reuses storyline_entities
_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", ":", "…"})


def is_cap(text: str) -> bool:
    """True when ``text`` starts with an upper-case letter (a name-like token)."""
    return bool(text) and text[0].isupper()


@dataclass
class DocIndex:
    """Token-level facts computed once: sentence ids, sentence-initial flags, char -> token maps."""

    doc: Doc
    sent_of: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)  # token [start, end) per sentence
    initial: list[bool] = field(default_factory=list)  # first word of a sentence or of a quote
    tok_starts: list[int] = field(default_factory=list)  # token char starts, ascending
    text: str = ""
    lower_words: set[str] = field(default_factory=set)  # words the article writes in lower case

    @classmethod
    def build(cls, doc: Doc) -> DocIndex:
        """The index of ``doc``, reused when the previous component built it for the same Doc."""
        global _LAST
        if _LAST is not None and _LAST.doc is doc and len(_LAST.sent_of) == len(doc):
            return _LAST
        n = len(doc)
        texts = [t.text for t in doc]
        idx = cls(doc=doc, text=doc.text)
        idx.tok_starts = [t.idx for t in doc]
        idx.sent_of = [0] * n
        idx.initial = [False] * n
        if n and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            sents = [(s.start, s.end) for s in doc.sents]
        else:
            sents = [(0, n)] if n else []
        idx.sent_bounds = sents
        text = idx.text
        for sid, (s, e) in enumerate(sents):
            idx.sent_of[s:e] = [sid] * (e - s)
            # The first word after leading quotes/punctuation is capitalised by position, not name.
            j = s
            while j < e and (texts[j] in _OPEN_QUOTES or not any(c.isalnum() for c in texts[j])):
                j += 1
            if j < e:
                idx.initial[j] = True
        for i in range(1, n):
            prev = texts[i - 1]
            # After an opening quote or a line break a capital letter says nothing either.
            if prev in {"“", '"', "‘"} or "\n" in text[idx.tok_starts[i - 1] + len(prev) : idx.tok_starts[i]] or "\n" in prev:
                idx.initial[i] = True
        idx.lower_words = {w for w in texts if w.islower()}
        _LAST = idx
        return idx

    def common_word_at_start(self, i: int) -> bool:
        """A sentence-initial capitalised word the article also uses in lower case ("Still", "Sources")."""
        t = self.doc[i]
        return self.initial[i] and (t.lower_ in self.lower_words or t.lower_ in STOP_WORDS)

    def token_at(self, char: int) -> int | None:
        """Index of the token starting exactly at ``char``, else None."""
        k = bisect.bisect_left(self.tok_starts, char)
        if k < len(self.tok_starts) and self.tok_starts[k] == char:
            return k
        return None

    def token_covering(self, char: int) -> int:
        """Index of the token containing (or first after) ``char``."""
        k = bisect.bisect_right(self.tok_starts, char) - 1
        return max(k, 0)

    def tokens_for(self, start: int, end: int) -> tuple[int, int]:
        """Token range [i, j) covering char span [start, end)."""
        i = self.token_covering(start)
        j = bisect.bisect_left(self.tok_starts, end)
        return i, max(j, i + 1)


def cap_run_end(doc: Doc, start: int, limit: int, max_len: int = 8) -> int:
    """End (exclusive) of the capitalised title run starting at ``start``; ``start`` if none.

    Lower-case function words may sit inside the run but never end it.
    """
    end = start
    i = start
    stop = min(limit, start + max_len)
    while i < stop:
        t = doc[i]
        if is_cap(t.text) or (t.like_num and i > start):
            i += 1
            end = i
        elif t.text in TITLE_INNER and i > start:
            i += 1
        else:
            break
    return end


def trim_possessive(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop trailing possessive markers and punctuation from a token span [start, end)."""
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end
