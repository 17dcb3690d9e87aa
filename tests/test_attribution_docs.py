"""Hand-built Docs for the attribution, certainty and claims rule tests (no statistical model).

``make_doc`` tokenises with a blank English pipeline and assigns part-of-speech tags from the
small word table below, so rule tests never drift with the model. ``parsed_doc`` takes explicit
heads and dependency labels for the rules that read the parse.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from storyline.read.doc import ArticleMeta, EntityAnn, MentionAnn, ensure_extensions

ensure_extensions()
NLP = spacy.blank("en")

_DET = {"a", "an", "the", "another", "this", "that_det", "her", "his", "their", "its", "all"}
_PRON = {"she", "he", "they", "we", "it", "i", "you", "him", "them", "us", "me", "who", "someone"}
_ADJ = {"second", "first", "third", "close", "private", "happy", "bare", "other", "new", "huge", "latest", "sad"}
_ADV = {"exclusively", "reportedly", "allegedly", "seemingly", "also", "now", "never", "not", "n't", "even", "noticeably", "still", "really", "probably", "nowhere"}
_AUX = {"is", "was", "were", "has", "have", "had", "did", "does", "do", "can", "could", "may", "might", "would", "will", "be", "been", "are", "’s", "'s"}
_ADP = {"to", "of", "in", "on", "at", "with", "for", "after", "by", "per", "during", "about", "from"}
_SCONJ = {"that", "because", "while", "when", "if", "as"}
_CCONJ = {"and", "but", "or"}
_VERBS = {
    "says", "said", "say", "tells", "told", "reveals", "revealed", "notes", "noted", "explains", "adds", "adding",
    "shares", "sharing", "claims", "claimed", "alleges", "confirmed", "confirms", "captioned", "posted", "wrote",
    "reported", "learned", "broke", "swirled", "show", "shows", "denied", "seen", "spotted", "photographed",
    "kissing", "moved", "filed", "married", "left", "cheated", "split", "lives", "love", "loves", "wants", "explaining",
    "hurt", "appeared", "suspects", "mention", "according",
}
_LEMMAS = {"says": "say", "said": "say", "tells": "tell", "told": "tell", "is": "be", "was": "be", "were": "be", "’s": "be", "'s": "be", "n't": "not", "has": "have", "had": "have", "did": "do", "married": "marry", "moved": "move", "filed": "file", "cheated": "cheat", "lives": "live", "loves": "love", "wants": "want", "left": "leave", "denied": "deny", "seen": "see"}


def _pos(word: str, first: bool) -> tuple[str, str]:
    low = word.lower()
    if re.fullmatch(r"\W+", word) or word.isspace():
        return ("SPACE", "_SP") if word.isspace() else ("PUNCT", ".")
    if low.isdigit():
        return "NUM", "CD"
    if low in _AUX:
        return "AUX", "MD" if low in {"can", "could", "may", "might", "would", "will"} else "VBZ"
    if low in _VERBS:
        return "VERB", "VBN" if low in {"seen", "spotted", "photographed"} else "VBZ"
    for table, pos, tag in ((_DET, "DET", "DT"), (_PRON, "PRON", "PRP"), (_ADJ, "ADJ", "JJ"), (_ADV, "ADV", "RB"),
                            (_ADP, "ADP", "IN"), (_SCONJ, "SCONJ", "IN"), (_CCONJ, "CCONJ", "CC")):
        if low in table:
            return pos, tag
    if word[0].isupper():
        return "PROPN", "NNP"
    return "NOUN", "NN"


def make_doc(text: str, outlet: str | None = None, entities: list[EntityAnn] | None = None) -> Doc:
    """A Doc of ``text`` with table part-of-speech tags, no parse, and the given meta/entities."""
    tokens = NLP.make_doc(text)
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    tags = [_pos(w, i == 0) for i, w in enumerate(words)]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, pos=[p for p, _ in tags], tags=[t for _, t in tags],
              lemmas=[_LEMMAS.get(w.lower(), w.lower()) for w in words])
    doc._.sl_meta = ArticleMeta("t", outlet, None)
    doc._.sl_entities = entities or []
    return doc


def parsed_doc(spec: str, **kw) -> Doc:
    """A parsed Doc from ``word/POS/TAG/dep/head`` items separated by spaces (head = index, or
    ``-`` for the root); ``_`` in a word is a space-less join marker: 'did/AUX/VBD/aux/2 n't/...'."""
    items = [s.rsplit("/", 4) for s in spec.split()]
    words = [w for w, *_ in items]
    spaces = [True] * len(words)
    for i, w in enumerate(words):
        if i + 1 < len(words) and (words[i + 1] in {".", ",", "n't", "’s", "'s", "?", "!"}):
            spaces[i] = False
    spaces[-1] = False
    heads = [i if h == "-" else int(h) for i, (_, _, _, _, h) in enumerate(items)]
    doc = Doc(NLP.vocab, words=words, spaces=spaces, pos=[p for _, p, _, _, _ in items], tags=[t for _, _, t, _, _ in items],
              deps=[d for _, _, _, d, _ in items], heads=heads, lemmas=kw.pop("lemmas", None) or [_LEMMAS.get(w.lower(), w.lower()) for w in words])
    doc._.sl_meta = ArticleMeta("t", kw.pop("outlet", None), None)
    doc._.sl_entities = kw.pop("entities", [])
    doc._.sl_timexes = kw.pop("timexes", [])
    return doc


def person(key: int, name: str, text: str, *forms: str) -> EntityAnn:
    """An EntityAnn for ``name`` with a mention at every occurrence of each form in ``text``."""
    mentions = []
    for form in (name, *forms):
        for m in re.finditer(re.escape(form), text):
            mentions.append(MentionAnn(m.start(), m.end(), form, "pronoun" if form.islower() else "name"))
    return EntityAnn(key, name, "PERSON", mentions)


def test_helper_tags_and_parse():
    doc = make_doc("“Hi,” the source says.")
    assert [t.pos_ for t in doc][-3:] == ["NOUN", "VERB", "PUNCT"]
    assert not doc.has_annotation("DEP")
    pd = parsed_doc("She/PRON/PRP/nsubj/1 left/VERB/VBD/ROOT/- ./PUNCT/./punct/1")
    assert pd.has_annotation("DEP") and pd[0].head.i == 1


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
