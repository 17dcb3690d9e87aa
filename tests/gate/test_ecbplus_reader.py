"""The ECB+ reader (eval/ecbplus_corpus.py) on a small hand-made file in the ECB+ XML layout:
rebuilt text and offsets, the URL sentence, gold cluster labels, validated sentences."""

from __future__ import annotations

import sys

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus_corpus import load_corpus, parse_topics, subtopics  # noqa: E402

TOKENS = [
    (0, ["http", ":", "/", "/", "example", ".", "com"]),
    (1, ["Quake", "hits", "island"]),
    (2, ["A", "6", ".", "1", "-", "magnitude", "quake", "struck", "Qeshm", ",", "Lohan", "’", "s", "home", "."]),
    (3, ["The", "U", ".", "S", ".", "survey", "said", "the", "quake", "hit", "at", "1", ":", "30", "a", ".", "m", "."]),
]

XML_TAIL = """<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="17"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="18"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="34"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="21"/><token_anchor t_id="22"/><token_anchor t_id="23"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="5"><token_anchor t_id="35"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="10" RELATED_TO="" TAG_DESCRIPTOR="t20_quake" instance_id="ACT1" />
<UNKNOWN_INSTANCE_TAG m_id="11" RELATED_TO="" TAG_DESCRIPTOR="" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="3"/><target m_id="10"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="2"/><source m_id="5"/><target m_id="11"/></INTRA_DOC_COREF>
</Relations>
</Document>
"""


def _write(root, name: str) -> None:
    lines = [f'<Document doc_name="{name}.xml" doc_id="DOC1">']
    t_id = 0
    for sentence, words in TOKENS:
        for number, word in enumerate(words):
            t_id += 1
            lines.append(f'<token t_id="{t_id}" sentence="{sentence}" number="{number}">{word}</token>')
    folder = root / "ECB+" / "20"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.xml").write_text("\n".join(lines) + "\n" + XML_TAIL, encoding="utf-8")


def test_reader_rebuilds_text_and_gold(tmp_path):
    _write(tmp_path, "20_1ecbplus")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n20,1ecbplus,2\n", encoding="utf-8")
    [doc] = load_corpus(tmp_path)
    assert doc.url == "http://example.com" and doc.subtopic == "20ecbplus" and doc.topic == 20
    assert doc.text == ("Quake hits island\n"
                        "A 6.1-magnitude quake struck Qeshm, Lohan’s home. "
                        "The U.S. survey said the quake hit at 1:30 a.m.")
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)
    m = doc.mentions
    assert (m["1"].text, m["2"].text, m["3"].text, m["4"].text) == ("quake", "struck", "quake", "Lohan’s")
    assert m["1"].gold == m["3"].gold == "ACT1"  # cross-document chain, named by the relation's note
    assert m["2"].gold == m["5"].gold == "20_1ecbplus#11"  # in-document chain
    assert m["4"].gold == "20_1ecbplus#4"  # singleton
    assert [e.m_id for e in doc.events()] == ["1", "2"]  # only sentence 2 is validated
    assert len(doc.events(validated_only=False)) == 4 and [p.m_id for p in doc.people()] == ["4"]
    assert list(subtopics([doc])) == ["20ecbplus"]


def test_parse_topics():
    assert parse_topics("1-3,8, 10-11") == [1, 2, 3, 8, 10, 11]
    assert parse_topics(None) is None and parse_topics("") is None
