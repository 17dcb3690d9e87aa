"""``storyline_certainty``: certainty, polarity and hedges of every attribution (see :mod:`.assess`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.read.certainty.assess import assess_attributions
from storyline.read.doc import ensure_extensions

__all__ = ["certainty_component"]


@Language.component(
    "storyline_certainty",
    requires=["doc._.sl_attributions"],
    assigns=["doc._.sl_attributions"],
)
def certainty_component(doc: Doc) -> Doc:
    """Fill certainty, polarity and hedges on every attribution of ``doc``."""
    ensure_extensions()
    assess_attributions(doc)
    return doc
