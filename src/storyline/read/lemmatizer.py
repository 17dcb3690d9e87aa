"""The base pipeline's rule ``lemmatizer``, applied once per distinct token instead of once per token.

spaCy's rule lemmatizer walks the Doc in Python, a ``Token`` per token, and computes a lemma
from the token's text, part of speech and morphology; it caches only the tokens that reach its
suffix rules (a singular noun, a base-form verb, punctuation are worked out again every time).
:class:`ArrayLemmatizer` reads those three values for the whole Doc in one ``Doc.to_array``,
asks spaCy's own lemmatizer once for each distinct (text, part of speech, morphology), remembers
the answer, and writes the lemmas back with one ``Doc.from_array``. It sets a lemma exactly where
spaCy would (every token when the lemmatizer overwrites, else those without one), with spaCy's
own answer, so the lemmas are identical (``tests/read/test_lemmatizer.py`` checks them token by
token against spaCy's lemmatizer).

Only spaCy's rule lemmatizer and its English subclass are replaced: their answer depends on
nothing but those three values. Any other lemmatizer (a lookup mode, another language's class
with its own rules, a trained one) keeps spaCy's component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from storyline.read.ruler import swap_component

__all__ = ["ArrayLemmatizer", "use_array_lemmatizer"]

# Classes whose rule_lemmatize answer is a function of (ORTH, POS, MORPH) and the lookup tables.
_PURE = (Lemmatizer, EnglishLemmatizer)
_ATTRS = [ORTH, POS, MORPH, LEMMA]
_MAX_KEPT = 500_000  # distinct (ORTH, POS, MORPH) remembered: a long-lived process reading without end


class ArrayLemmatizer:
    """Callable component: sets the lemmas spaCy's ``lemmatizer`` would set, asking it once per
    distinct (text, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer):
        self._lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        cols = doc.to_array(_ATTRS)
        overwrite = self._lemmatizer.overwrite
        lemmas, strings = self._lemmas, doc.vocab.strings
        out = cols[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = lemmas.get(key)
            if value is None:
                if len(lemmas) >= _MAX_KEPT:
                    lemmas.clear()
                value = lemmas[key] = strings.add(self._lemmatizer.lemmatize(doc[i])[0])
            out[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], out)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def use_array_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Replace ``nlp``'s rule lemmatizer ``name`` by its :class:`ArrayLemmatizer`; True when
    replaced (False for a lemmatizer of another mode or class: spaCy's stays)."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if type(lemmatizer) not in _PURE or lemmatizer.mode != "rule":
        return False
    if not lemmatizer._validated:  # what its own first call does: a missing table is an error now
        lemmatizer._validate_tables(Errors.E1004)
    swap_component(nlp, name, ArrayLemmatizer(lemmatizer))
    return True
