"""The words reconcile compares, read once from the parse: a claim's content words and each
sentence's bounds and word forms.

The reconcile stage never tokenises text (docs/architecture.md, "Where each kind of knowledge
lives"); it compares what this module records:

* :func:`content_lemmas` → ``Claim.lemmas``: what the claim is about, for aligning claims of one
  fact and for telling a relay's original. A content word is a word (not punctuation, a space or
  a symbol) of an open part of speech: noun, proper noun, verb, adjective, adverb or number;
  auxiliaries, pronouns, determiners, prepositions, particles and conjunctions say nothing about
  the event. The part of speech decides, not a stop list: spaCy's English stop words include
  number words and common content words ("ten", "three", "felt" → "feel" stays, "anything" goes),
  and leaving those out made short claims ("ten people were killed") look alike enough to align
  claims of different events (measured on ECB+: more spurious conflicts). Only a Doc without
  tags falls back to the stop list. Each is given as its lower-case lemma ("separated",
  "separating" → "separate"; "children" → "child"), or its lower-case form when the Doc has no
  lemmatiser; distinct, in text order.
* :func:`sentence_records` → ``ArticleReading.sentences``: the sentences the parser found
  (``doc.sents``), each with its distinct lower-case word forms (every token but punctuation and
  spaces, as written: copies are recognised by their words, not their lemmas), so independence
  can tell a sentence copied from another outlet, and conflicts which places one sentence names.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IS_STOP, LEMMA, POS
from spacy.symbols import IDS
from spacy.tokens import Doc, Token

from storyline.read.doc import DocIndex, SentenceAnn

__all__ = ["content_lemmas", "content_lemmas_in", "sentence_anns", "token_content_lemmas", "word_forms"]

_OPEN_CLASS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
_OPEN_CLASS_IDS = frozenset(IDS[name] for name in _OPEN_CLASS)


def _is_word(t: Token) -> bool:
    return not (t.is_punct or t.is_space) and any(ch.isalnum() for ch in t.text)


def content_lemmas(tokens: Iterable[Token]) -> list[str]:
    """The distinct lower-case lemmas of the content words among ``tokens``, in text order (module docstring)."""
    out: dict[str, None] = {}
    for t in tokens:
        if not _is_word(t) or (t.pos_ not in _OPEN_CLASS if t.pos_ else t.is_stop):
            continue
        out[(t.lemma_ or t.text).lower()] = None
    return list(out)


def token_content_lemmas(doc: Doc) -> list[str | None]:
    """What :func:`content_lemmas` reads of each token of ``doc``: its lower-case lemma when it is a
    content word, else None. Read once per Doc from its arrays, for a component that takes the
    content lemmas of many overlapping spans (a Token per word per span costs more)."""
    if not len(doc):
        return []
    idx = DocIndex.build(doc)
    strings = doc.vocab.strings
    out: list[str | None] = []
    for text, punct, space, pos, lemma, stop in zip(idx.texts, idx.punct, idx.space, *doc.to_array([POS, LEMMA, IS_STOP]).T.tolist()):
        if punct or space or not (text.isalnum() or any(ch.isalnum() for ch in text)) or (pos not in _OPEN_CLASS_IDS if pos else stop):
            out.append(None)
        else:
            out.append((strings[lemma] or text).lower())
    return out


def content_lemmas_in(per_token: list[str | None], start: int, end: int) -> list[str]:
    """:func:`content_lemmas` of the tokens ``start:end``, from :func:`token_content_lemmas`."""
    return list(dict.fromkeys(x for x in per_token[start:end] if x is not None))


def word_forms(tokens: Iterable[Token]) -> list[str]:
    """The distinct lower-case forms of the words among ``tokens`` (no punctuation), in text order."""
    return list(dict.fromkeys(t.lower_ for t in tokens if _is_word(t)))


def sentence_anns(doc: Doc) -> list[SentenceAnn]:
    """One :class:`SentenceAnn` per sentence of ``doc`` (none when the Doc has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return []
    # From the Doc's token index (what word_forms reads, without a Token object per token).
    idx = DocIndex.build(doc)
    texts, lowers, starts, space, punct = idx.texts, idx.lowers, idx.tok_starts, idx.space, idx.punct
    out = []
    for s, e in idx.sent_bounds:
        words = [i for i in range(s, e) if not space[i]]
        if words:  # a run of blank lines is no sentence
            # isalnum() first: it settles most words without a generator per character
            forms = dict.fromkeys(lowers[i] for i in words if not punct[i] and (texts[i].isalnum() or any(ch.isalnum() for ch in texts[i])))
            out.append(SentenceAnn(starts[words[0]], starts[words[-1]] + len(texts[words[-1]]), list(forms)))
    return out
