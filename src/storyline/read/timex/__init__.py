"""storyline's TIMEX3 tagger and normalizer (pure Python), and the ``storyline_timex`` component.

What is tagged, and the conventions followed (TimeML / TempEval-3, as annotated in MEANTIME):

- Spans include determiners and modifiers that are part of the expression ("the end of last
  year", "early June", "over a year ago", "nearly five months", "exactly a year later") but not
  signals ("in", "on", "within", "for", "toward") nor focus adverbs ("just", "only"): "within
  weeks" tags "weeks" (PXW), "just days later" tags "days later".
- "the past year"/"the past decade" are DURATIONs (P1Y, P10Y); "the last year" is read as last
  year, as MEANTIME annotates it.
- DATE values are ISO at the stated granularity (2009, 2009-06, 2009-W13, 2009-Q4, 2009-SP,
  199 for the 1990s); DURATION values are P..; SET values are the period; PRESENT_REF, PAST_REF
  and FUTURE_REF for "now"/"currently", "recently", "soon"/"the future".
- Partial and relative dates are completed from the publication date and the tense around
  them (anchor "DCT"): a month, weekday or holiday said in the past that would fall after
  publication moves back a year/week, one said of the future that would fall before moves
  forward; a season said in the past is the latest one begun by publication ("has spent much of
  the winter" in March 2024 is 2023-WI, December to February), one said of the future the first
  not yet over. Tense comes from the parse when a Doc is given (an active present perfect counts
  as past), else from cue words; a capitalised cue inside a name ("spoke to To Be Announced",
  "Will Smith") or a participle after a determiner ("the planned stop") is no cue. Anaphoric ones ("a year
  later", "the following month", "the same day", "days later" = mod AFTER) are computed from
  the last calendar date in the text (anchor "t<i>"), or the publication date if none.
- Refused: ages ("25-year-old", "42 years old", "Portman, 42"), counts and ordinals
  ("3,200", "10th"), titles of works (``exclude`` spans, and month pairs such as "May December"),
  the modal "may", idioms ("at the end of the day", "one day she..."), and evaluative phrases
  such as "a rocky year", which name no period that could be placed on a timeline.
- "2010's Black Swan" (straight or curly apostrophe) is the year 2010; "the 2010's" is the decade.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.read.doc import TimexAnn, ensure_extensions
from storyline.core.dates import DEFAULT_TIMEX_CONVENTION as DEFAULT_CONVENTION
from storyline.core.dates import TIMEX_CONVENTIONS as CONVENTIONS
from storyline.read.timex.tagger import tag_timexes

__all__ = ["CONVENTIONS", "DEFAULT_CONVENTION", "make_timex_component", "tag_timexes", "timex_component", "timexes_for"]

ensure_extensions()


def _work_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for entity in doc._.sl_entities or ():
        if getattr(entity, "type", None) == "WORK":
            spans.extend((m.start, m.end) for m in entity.mentions)
    return spans


def timexes_for(doc: Doc, convention: str = DEFAULT_CONVENTION) -> list[TimexAnn]:
    """The timexes of a parsed Doc under ``convention`` (what ``storyline_timex`` writes)."""
    meta = doc._.sl_meta
    published = getattr(meta, "published", None) if meta is not None else None
    try:
        return tag_timexes(doc.text, published, doc=doc, exclude=_work_spans(doc), convention=convention)
    except Exception:  # noqa: BLE001 - a component must never break the pipeline on odd text
        return []


def timex_component(doc: Doc, convention: str = DEFAULT_CONVENTION) -> Doc:
    """Tag TIMEX3 expressions: writes ``doc._.sl_timexes`` and ``doc.spans["sl_timexes"]``."""
    timexes = timexes_for(doc, convention)
    doc._.sl_timexes = timexes
    spans = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["sl_timexes"] = spans
    return doc


class TimexComponent:
    """The ``storyline_timex`` pipeline component, with the annotation convention it follows."""

    def __init__(self, convention: str = DEFAULT_CONVENTION):
        if convention not in CONVENTIONS:  # a wrong name fails when the pipeline is built
            raise ValueError(f"storyline_timex: unknown convention {convention!r}; choose one of {CONVENTIONS}")
        self.convention = convention

    def __call__(self, doc: Doc) -> Doc:
        return timex_component(doc, self.convention)


@Language.factory(
    "storyline_timex",
    default_config={"convention": DEFAULT_CONVENTION},
    requires=["doc._.sl_entities", "token.tag", "token.dep", "token.head"],
    assigns=["doc._.sl_timexes", "doc.spans"],
)
def make_timex_component(nlp: Language, name: str, convention: str) -> TimexComponent:
    """``nlp.add_pipe("storyline_timex", config={"convention": "timeml"})``."""
    return TimexComponent(convention)
