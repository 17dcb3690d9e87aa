"""The MEANTIME reader: document count, rebuilt text offsets, a known TIMEX3, coreference chains."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from meantime_corpus import default_root, load_corpus  # noqa: E402

pytestmark = [
    pytest.mark.eval,
    pytest.mark.skipif(not default_root().is_dir(), reason=f"MEANTIME not found at {default_root()}"),
]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_corpus_has_120_documents_in_four_topics(corpus):
    assert len(corpus) == 120
    assert {d.topic for d in corpus} == {"airbus", "apple", "gm", "stock"}
    assert all(d.dct is not None for d in corpus)


def test_offsets_point_into_rebuilt_text(corpus):
    for doc in corpus:
        for tok in doc.tokens:
            assert doc.text[tok.start : tok.end] == tok.text
        for m in doc.markables.values():
            if m.start is not None:
                assert doc.text[m.start : m.end] == m.text


def test_known_timex_and_readable_spacing(corpus):
    doc = next(d for d in corpus if d.doc_id == "126311")
    assert doc.dct == date(2009, 5, 14)
    assert doc.text.splitlines()[1] == "May 14, 2009"
    by_text = {m.text: m.attrs["value"] for m in doc.timexes()}
    assert by_text["early June"] == "2009-06"
    assert "dealers by early June." in doc.text
    assert " ," not in doc.text


def test_dct_without_creation_flag_falls_back_to_dateline(corpus):
    doc = next(d for d in corpus if d.doc_id == "8951")
    assert doc.dct == date(2005, 4, 27)


def test_coreference_chains_group_mentions_of_one_instance(corpus):
    doc = next(d for d in corpus if d.doc_id == "1173")
    chains = doc.chains("ENTITY")
    mccain = [c for c in chains.values() if any(m.text == "Senator McCain" for m in c)]
    assert len(mccain) == 1 and len(mccain[0]) >= 2
    mention = mccain[0][0]
    assert doc.markables[doc.instance_of(mention.m_id)].tag == "ENTITY"
