"""Each ``storyline_*`` component reads and writes what its ``requires``/``assigns`` declare.

On a hand-built parsed Doc, every component runs with the Doc extensions it does not declare
replaced by sentinels that record any access: it must touch none of them, leave every extension
it does not assign as it was, add span groups and ``user_data`` only when it assigns them, and
really read what it requires and write what it assigns. Token-level declarations (``token.dep``,
``doc.sents``, ...) are checked against the base English pipeline by ``nlp.analyze_pipes()``.
"""

from __future__ import annotations

import copy
import functools

import pytest
import spacy
from helpers.docs import build
from spacy.language import Language
from spacy.tokens import Doc

from storyline.read.doc import ArticleMeta
from storyline.read.pipeline import COMPONENTS, register_components

EXTENSIONS = ("sl_entities", "sl_timexes", "sl_attributions", "sl_claims")  # sl_meta is input (read/doc.py)
NAMES = [name for name, _ in COMPONENTS]
_DOC_INDEX = "storyline.DocIndex"  # the token-index cache any component may build

SPEC = (
    "Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+4 ,|PUNCT|,|punct|-1 42|NUM|CD|appos|-2 ,|PUNCT|,|punct|-3 "
    "told|VERB|VBD|ROOT|0|tell Us|PROPN|NNP|dobj|-1 that|SCONJ|IN|mark|+2 she|PRON|PRP|nsubj|+1 "
    "left|VERB|VBD|ccomp|-4|leave Theo|PROPN|NNP|compound|+1 Vance|PROPN|NNP|dobj|-2 in|ADP|IN|prep|-3 "
    "March|PROPN|NNP|pobj|-1 2023|NUM|CD|nummod|-1 .|PUNCT|.|punct|-10 || "
    "The|DET|DT|det|+1 couple|NOUN|NN|poss|+3 ’s|PART|POS|case|-1 two|NUM|CD|nummod|+1 "
    "children|NOUN|NNS|nsubj|+1|child stayed|VERB|VBD|ROOT|0|stay .|PUNCT|.|punct|-1 || "
    # (storyline_certainty reads the times: 'not ... until 2024' says when, it negates nothing)
    "She|PRON|PRP|nsubj|+1 said|VERB|VBD|ROOT|0|say they|PRON|PRP|nsubj|+3 did|AUX|VBD|aux|+2|do "
    "not|PART|RB|neg|+1 split|VERB|VB|ccomp|-4 until|ADP|IN|prep|-1 2024|NUM|CD|pobj|-1 .|PUNCT|.|punct|-7"
)
ENTS = [("Mara Quinn", "PERSON"), ("Theo Vance", "PERSON"), ("March 2023", "DATE"), ("2024", "DATE")]


class Watched(Exception):
    pass


class Sentinel:
    """Stands in for an extension a component must not read: any use is logged, then raises."""

    def __init__(self, name: str, log: list[str]):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_log", log)

    def _touch(self, *args, **kwargs):
        self._log.append(self._name)
        raise Watched(f"doc._.{self._name} was read")

    __bool__ = __iter__ = __len__ = __getitem__ = __contains__ = __eq__ = _touch

    def __getattr__(self, attr):
        return self._touch()

    __hash__ = object.__hash__


def _meta(name: str):
    register_components()
    return Language.get_factory_meta(name)


def _declared(values: list[str]) -> set[str]:
    return {v.removeprefix("doc._.") for v in values if v.startswith("doc._.")}


def _prepared(name: str) -> Doc:
    doc = build(SPEC, ENTS, outlet="Daily Lumen")
    doc._.sl_meta = ArticleMeta("a1", "Daily Lumen", None)
    for ext in EXTENSIONS:
        setattr(doc._, ext, None)
    for other in NAMES[: NAMES.index(name)]:
        doc = _component(other)(doc)
    return doc


@functools.lru_cache(maxsize=1)
def _pipeline():
    # One pipeline for every test: the components keep no state between Docs, and building an
    # English tokenizer costs a tenth of a second each time.
    register_components()
    nlp = spacy.blank("en")
    for name in NAMES:
        nlp.add_pipe(name)
    return nlp


def _component(name: str):
    return _pipeline().get_pipe(name)


def test_every_component_is_covered():
    assert NAMES == ["storyline_entities", "storyline_coref", "storyline_timex", "storyline_attribution",
                     "storyline_certainty", "storyline_claims"]


@pytest.mark.parametrize("name", NAMES)
def test_component_reads_and_writes_only_what_it_declares(name):
    meta = _meta(name)
    requires, assigns = _declared(meta.requires), _declared(meta.assigns)
    doc = _prepared(name)
    log: list[str] = []
    kept = {ext: getattr(doc._, ext) for ext in EXTENSIONS}
    hidden = [ext for ext in EXTENSIONS if ext not in requires | assigns]
    for ext in hidden:
        setattr(doc._, ext, Sentinel(ext, log))
    sentinels = {ext: getattr(doc._, ext) for ext in hidden}
    before = {ext: copy.deepcopy(kept[ext]) for ext in requires - assigns}
    spans_before = {k: [(s.start, s.end, s.label_) for s in v] for k, v in doc.spans.items()}
    data_before = set(doc.user_data) - {_DOC_INDEX}

    try:
        doc = _component(name)(doc)
    except Watched:
        pass

    assert log == [], f"{name} reads doc._.{log[0] if log else ''} without declaring it"
    for ext in hidden:
        assert getattr(doc._, ext) is sentinels[ext], f"{name} writes doc._.{ext} without declaring it"
    for ext, value in before.items():
        assert getattr(doc._, ext) == value, f"{name} changes doc._.{ext}, which it only requires"
    spans_after = {k: [(s.start, s.end, s.label_) for s in v] for k, v in doc.spans.items()}
    if "doc.spans" in meta.assigns:
        assert spans_after != spans_before, f"{name} declares doc.spans but sets no span group"
    else:
        assert spans_after == spans_before, f"{name} sets span groups without declaring doc.spans"
    added = set(doc.user_data) - {_DOC_INDEX} - data_before
    assert bool(added) == ("doc.user_data" in meta.assigns), f"{name}: user_data keys {added}"
    for ext in assigns:
        value = getattr(doc._, ext)
        assert value is not None and (value is not kept[ext] or value != before.get(ext)), f"{name} never writes doc._.{ext}"


@pytest.mark.parametrize("name", NAMES)
def test_component_needs_what_it_requires(name):
    for ext in sorted(_declared(_meta(name).requires)):
        doc = _prepared(name)
        log: list[str] = []
        setattr(doc._, ext, Sentinel(ext, log))
        try:
            _component(name)(doc)
        except Watched:
            pass
        assert log, f"{name} declares doc._.{ext} but never reads it"


def test_the_hand_built_doc_exercises_every_component():
    doc = _prepared("storyline_claims")
    doc = _component("storyline_claims")(doc)
    names = {e.name for e in doc._.sl_entities}
    assert {"Mara Quinn", "Theo Vance"} <= names
    assert [t.value for t in doc._.sl_timexes] == ["2023-03", "2024"]
    split = next(c for c in doc._.sl_claims if c.predicate == "split")
    assert split.polarity == "positive"  # 'did not split until 2024': they split in 2024
    assert doc._.sl_attributions and doc._.sl_attributions[0].certainty != "unknown"
    quantities = [(q.value, q.unit) for c in doc._.sl_claims for q in c.quantities]
    assert (2, "child") in quantities


@pytest.mark.model
def test_full_pipeline_analysis_finds_no_problem():
    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline()
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    assert set(NAMES) <= set(nlp.pipe_names)
