"""Per-document token indices shared by the entity rules (built once per Doc, linear).

The index is cached on the Doc itself (``doc.user_data``), so ``storyline_entities`` and
``storyline_coref`` share one build per Doc, whatever order ``nlp.pipe`` runs Docs in. Token
attributes are read in one ``Doc.to_array`` call: creating a ``Token`` object per token per
component costs more than the rules that use it.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass, field

from spacy.attrs import (
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LENGTH,
    LIKE_NUM,
    LOWER,
    SENT_START,
    SPACY,
)
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

__all__ = ["DocIndex", "POSSESSIVE", "TITLE_INNER", "HONORIFICS", "is_cap", "cap_run_end", "trim_possessive"]

POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
# Lower-case words allowed inside a capitalised title run ("Pirates of the Caribbean").
TITLE_INNER = frozenset({"of", "the", "and", "&", "in", "on", "a", "an", "to", "for", "at", "from", "with", "-"})
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Dame", "Prof.", "Lady", "Lord"})
_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", ":", "…"})
_CACHE_KEY = "storyline.DocIndex"  # doc.user_data key of the cached index
_ATTRS = [IDX, LENGTH, SPACY, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, SENT_START]


def is_cap(text: str) -> bool:
    """True when ``text`` starts with an upper-case letter (a name-like token)."""
    return bool(text) and text[0].isupper()


@dataclass(eq=False)
class DocIndex:
    """Token-level facts computed once per Doc: token texts and flags, sentences, char -> token maps."""

    _doc_ref: weakref.ref = field(repr=False)  # weak: the index lives on the Doc it points to
    sent_of: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)  # token [start, end) per sentence
    initial: list[bool] = field(default_factory=list)  # first word of a sentence or of a quote
    tok_starts: list[int] = field(default_factory=list)  # token char starts, ascending
    text: str = ""
    lower_words: set[str] = field(default_factory=set)  # words the article writes in lower case
    texts: list[str] = field(default_factory=list)  # token.text per token
    lowers: list[str] = field(default_factory=list)  # token.lower_ per token
    space_after: list[bool] = field(default_factory=list)  # token.whitespace_ is non-empty
    punct: list[bool] = field(default_factory=list)  # token.is_punct
    space: list[bool] = field(default_factory=list)  # token.is_space
    num: list[bool] = field(default_factory=list)  # token.like_num
    _sents_key: bool = field(default=False, repr=False)  # whether sentences were known at build time

    @property
    def doc(self) -> Doc:
        """The Doc this index describes."""
        doc = self._doc_ref()
        if doc is None:  # only reachable if a caller kept the index and dropped the Doc
            raise ReferenceError("the Doc of this DocIndex no longer exists")
        return doc

    @classmethod
    def build(cls, doc: Doc) -> DocIndex:
        """The index of ``doc``: built on first use, then cached on the Doc for later components.

        A cached index is reused only while the Doc still has the same tokens and the same
        sentence annotation state (a component that retokenises or parses later gets a new one).
        """
        has_sents = bool(len(doc)) and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
        cached = doc.user_data.get(_CACHE_KEY)
        if isinstance(cached, DocIndex) and len(cached.texts) == len(doc) and cached._sents_key == has_sents:
            return cached
        idx = cls._fresh(doc, has_sents)
        doc.user_data[_CACHE_KEY] = idx
        return idx

    @classmethod
    def _fresh(cls, doc: Doc, has_sents: bool) -> DocIndex:
        n = len(doc)
        text = doc.text
        idx = cls(weakref.ref(doc), text=text, _sents_key=has_sents)
        if n:
            starts, lengths, spaces, punct, space, num, lower, sent_start = doc.to_array(_ATTRS).T.tolist()
        else:
            starts, lengths, spaces, punct, space, num, lower, sent_start = [], [], [], [], [], [], [], []
        strings = doc.vocab.strings
        texts = [text[s : s + k] for s, k in zip(starts, lengths)]
        idx.texts = texts
        idx.tok_starts = starts
        idx.lowers = [strings[h] for h in lower]
        idx.space_after = [bool(x) for x in spaces]
        idx.punct = [bool(x) for x in punct]
        idx.space = [bool(x) for x in space]
        idx.num = [bool(x) for x in num]
        idx.sent_of = [0] * n
        idx.initial = [False] * n
        if has_sents and "sents" not in doc.user_hooks and doc.has_annotation("SENT_START"):
            # What Doc.sents yields, without a Span per sentence: a sentence starts where
            # sent_start == 1 (to_array gives -1 as 2**64 - 1, which is not 1 either).
            cuts = [0] + [i for i in range(1, n) if sent_start[i] == 1] + [n]
            sents = list(zip(cuts, cuts[1:]))
        elif has_sents:
            sents = [(s.start, s.end) for s in doc.sents]
        else:
            sents = [(0, n)] if n else []
        idx.sent_bounds = sents
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
            if prev in {"“", '"', "‘"} or "\n" in text[starts[i - 1] + len(prev) : starts[i]] or "\n" in prev:
                idx.initial[i] = True
        idx.lower_words = {w for w in texts if w.islower()}
        return idx

    def common_word_at_start(self, i: int) -> bool:
        """A sentence-initial capitalised word the article also uses in lower case ("Still", "Sources")."""
        low = self.lowers[i]
        return self.initial[i] and (low in self.lower_words or low in STOP_WORDS)

    def char_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Character [start, end) of the token span [start, end) (``doc[start:end]``'s text)."""
        return self.tok_starts[start], self.tok_starts[end - 1] + len(self.texts[end - 1])

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
    idx = DocIndex.build(doc)
    texts, num = idx.texts, idx.num
    end = start
    i = start
    stop = min(limit, start + max_len)
    while i < stop:
        t = texts[i]
        if is_cap(t) or (num[i] and i > start):
            i += 1
            end = i
        elif t in TITLE_INNER and i > start:
            i += 1
        else:
            break
    return end


def trim_possessive(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop trailing possessive markers and punctuation from a token span [start, end)."""
    idx = DocIndex.build(doc)
    texts, punct, space = idx.texts, idx.punct, idx.space
    while end > start and (texts[end - 1] in POSSESSIVE or punct[end - 1]):
        end -= 1
    while start < end and (punct[start] or space[start]):
        start += 1
    return start, end
