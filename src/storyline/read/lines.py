"""``storyline_lines``: line breaks that end a sentence, set before the parser parses.

spaCy's parser reads across a line break as if it were a space, so a headline, the dateline under
it and the article's first sentence become one sentence with one root: the first sentence's
subject is then parsed as part of the headline and its attribution, claims and times are lost.
The breaks are found on the text alone (:func:`storyline.core.text.line_breaks`); the parser
keeps sentence starts set before it runs. With a sentence splitter instead of a parser (senter,
sentencizer), the component runs after it and adds its starts to that splitter's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.core.text import line_breaks

__all__ = ["lines_factory", "set_line_breaks"]


def set_line_breaks(doc: Doc) -> Doc:
    """Mark the first token at each of ``line_breaks(doc.text)`` as a sentence start."""
    if len(doc) < 2:
        return doc
    text = doc.text  # spaCy joins it from the tokens at each call: once is enough
    if "\n" not in text:
        return doc
    for offset in line_breaks(text):
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is not None and token.start > 0:
            doc[token.start].is_sent_start = True
    return doc


# It reads only the text, which the tokenizer gives (no component is required before it).
@Language.factory("storyline_lines", requires=[], assigns=["token.is_sent_start"])
def lines_factory(nlp: Language, name: str):
    """The component: stateless, so the function itself."""
    return set_line_breaks
