"""A small blank spaCy pipeline (no model) and stdin manifests, for tests of the orchestration."""

from __future__ import annotations

import functools
import io
import json

import spacy
from spacy.language import Language

from storyline.read.doc import ensure_extensions


@Language.component("test_explode_on_boom")
def _explode(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("component failed on purpose")
    return doc


@functools.cache
def blank_nlp() -> Language:
    """A sentencizer and a component that raises on any Doc containing "BOOM". One pipeline is
    shared by every test (building English's tokenizer takes a tenth of a second), as one
    pipeline serves every ``analyze`` of a process: do not add pipes to it."""
    ensure_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_explode_on_boom")
    return nlp


def manifest(*texts: str) -> io.BytesIO:
    """A JSONL manifest on a byte stream: ids t0, t1, ..., outlet Glitter, dated 2024-02-01, -02, ..."""
    lines = [
        json.dumps({"id": f"t{i}", "outlet": "Glitter", "published": f"2024-02-{i + 1:02d}", "text": t})
        for i, t in enumerate(texts)
    ]
    return io.BytesIO(("\n".join(lines) + "\n").encode())
