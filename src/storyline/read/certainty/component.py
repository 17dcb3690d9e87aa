"""``storyline_certainty``: certainty, polarity and hedges of every attribution (see :mod:`.assess`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.read.certainty.assess import assess_attributions
from storyline.read.doc import ensure_extensions

__all__ = ["certainty_component"]


@Language.component(
    "storyline_certainty",
    requires=["doc._.sl_attributions", "doc._.sl_timexes", "token.tag", "token.lemma", "token.dep", "token.head", "token.is_sent_start"],
    assigns=["doc._.sl_attributions", "doc.user_data"],
)
def certainty_component(doc: Doc) -> Doc:
    """Fill certainty, polarity and hedges on every attribution of ``doc``; leave the content
    assessments in ``doc.user_data`` for ``storyline_claims`` (see :func:`.assess.take_assessments`)."""
    ensure_extensions()
    assess_attributions(doc)
    return doc
