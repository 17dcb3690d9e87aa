"""Long articles are read in chunks (bounded memory, no spaCy length limit) and the merged
reading's offsets all point into the full text exactly."""

from __future__ import annotations

import dataclasses
from collections import Counter
from itertools import pairwise

import pytest

from storyline import api
from storyline.core.ids import content_hash
from storyline.core.records import Article, ArticleReading
from storyline.read.chunks import CHUNK_CHARS, merge_annotations, split_text
from storyline.read.doc import (
    AgeAnn,
    AttributionAnn,
    ClaimAnn,
    EntityAnn,
    MentionAnn,
    TimexAnn,
)
from storyline.read.extract import Annotations, reading_from_annotations


def article(text: str, aid: str = "long") -> Article:
    return Article(aid, text, "Daily Lumen", "2024-01-12", None, None, f"{aid}.txt", "txt", content_hash(text))


# -- splitting -------------------------------------------------------------------------------


def _check_cover(text: str, spans: list[tuple[int, int]], size: int) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans)), "contiguous"
    assert all(0 < e - s <= size for s, e in spans)


def test_split_prefers_paragraphs_then_lines_then_sentences_then_spaces_then_a_hard_cut():
    para = "First paragraph, a sentence. Another one.\n\n" + "x" * 10
    spans = split_text(para * 4, 100)
    _check_cover(para * 4, spans, 100)
    assert all((para * 4)[:e].endswith("\n\n") for _, e in spans[:-1])
    lines = "One line of text here.\nAnother line." * 10
    assert all(lines[:e].endswith("\n") for _, e in split_text(lines, 60)[:-1])
    sentences = "A sentence ends here. Then more words follow on" * 10
    assert all(sentences[:e].endswith(". ") for _, e in split_text(sentences, 70)[:-1])
    words = "word " * 100
    assert all(words[:e].endswith(" ") for _, e in split_text(words, 33)[:-1])
    solid = "x" * 250
    assert split_text(solid, 100) == [(0, 100), (100, 200), (200, 250)]


def test_short_text_is_one_chunk():
    assert split_text("Short.", 100) == [(0, 6)]


def test_no_chunk_is_tiny_when_the_only_break_is_early():
    text = "Intro.\n\n" + "y" * 500
    spans = split_text(text, 100)
    _check_cover(text, spans, 100)
    assert min(e - s for s, e in spans[:-1]) >= 50


# -- merging -------------------------------------------------------------------------------


def _chunk_annotations(text: str, name_at: int, who: str, anon: int) -> Annotations:
    """One chunk's annotations: a person (key 1) and a group (key 2, members [1]), a timex
    anchored on the previous one, an anonymous and a named source, a claim citing them."""
    person = EntityAnn(
        1,
        who,
        "PERSON",
        [MentionAnn(name_at, name_at + len(who), who, "name")],
        ages=[AgeAnn(42, name_at + len(who) + 2, name_at + len(who) + 4)],
        attributes={"roles": ["singer"]},
    )
    group = EntityAnn(2, "the couple", "GROUP", [MentionAnn(0, 3, text[0:3], "nominal")], attributes={"members": [1]})
    timexes = [TimexAnn(4, 8, text[4:8], "DATE", "2024"), TimexAnn(9, 12, text[9:12], "DATE", "2024-01", anchor="t0")]
    atts = [
        AttributionAnn(0, 12, "anonymous", "indirect", "says", 13, 15, text[13:15], source_key=f"anonymous:{anon}"),
        AttributionAnn(
            0, 12, "named_person", "direct", "said", name_at, name_at + len(who), who, entity_key=1, source_key="person:1"
        ),
    ]
    claims = [
        ClaimAnn(
            0,
            12,
            text[0:12],
            "separate",
            "separation",
            1,
            2,
            None,
            1,
            0,
            "anonymous",
            "probable",
            "positive",
            sentence_start=0,
            sentence_end=16,
            predicate_start=4,
            predicate_end=8,
            place_key=1,
        ),
        ClaimAnn(
            4,
            12,
            text[4:12],
            "marry",
            "marriage",
            1,
            None,
            "x",
            None,
            1,
            "named_person",
            "certain",
            "positive",
            sentence_start=0,
            sentence_end=16,
        ),
    ]
    return Annotations([person, group], timexes, atts, claims)


def test_merge_shifts_every_offset_and_remaps_keys_indices_and_anchors():
    one = "abc 2024 Jan x1 Mara Quinn, 42, ... "
    two = "def 2023 Feb y2 Mara Quinn, 43, and Theo"
    merged = merge_annotations(
        [(0, _chunk_annotations(one, 16, "Mara Quinn", 1)), (len(one), _chunk_annotations(two, 16, "Mara Quinn", 1))]
    )
    full = one + two
    # Same (type, name) across chunks: one entity with the mentions and ages of both.
    people = [e for e in merged.entities if e.type == "PERSON"]
    (quinn,) = people
    assert [full[m.start : m.end] for m in quinn.mentions] == ["Mara Quinn", "Mara Quinn"]
    assert [full[a.start : a.end] for a in quinn.ages] == ["42", "43"]
    assert quinn.attributes == {"roles": ["singer"]}
    groups = [e for e in merged.entities if e.type == "GROUP"]
    assert len(groups) == 1 and groups[0].attributes["members"] == [quinn.key]
    assert len({e.key for e in merged.entities}) == len(merged.entities)
    # Timex anchors, claim indices and source keys point at the right merged items.
    assert [t.anchor for t in merged.timexes] == [None, "t0", None, "t2"]
    assert [full[t.start : t.end] for t in merged.timexes] == ["2024", "Jan", "2023", "Feb"]
    assert [a.source_key for a in merged.attributions] == [
        "anonymous:1",
        f"person:{quinn.key}",
        "anonymous:2",
        f"person:{quinn.key}",
    ]
    assert [a.entity_key for a in merged.attributions] == [None, quinn.key, None, quinn.key]
    assert [(c.timex_index, c.attribution_index, c.subject_key) for c in merged.claims] == [
        (1, 0, quinn.key), (None, 1, quinn.key), (3, 2, quinn.key), (None, 3, quinn.key)]  # fmt: skip
    assert [full[c.start : c.end] for c in merged.claims] == [one[0:12], one[4:12], two[0:12], two[4:12]]
    assert [(c.sentence_start, c.sentence_end) for c in merged.claims][2] == (len(one), len(one) + 16)
    assert [(c.predicate_start, c.place_key) for c in merged.claims][::2] == [(4, quinn.key), (len(one) + 4, quinn.key)]
    # The merged annotations make a consistent reading over the full text.
    reading = reading_from_annotations(merged, article(full))
    assert len(reading.entities) == 2 and len(reading.mentions) == 4 and len(reading.ages) == 2
    assert all(full[m.start : m.end] == m.text for m in reading.mentions)
    assert all(full[c.start : c.end] == c.text for c in reading.claims)
    ent_ids = {e.id for e in reading.entities}
    assert all(m.entity in ent_ids for m in reading.mentions) and all(c.subject in ent_ids for c in reading.claims)


# -- the real pipeline ---------------------------------------------------------------------


def offset_pairs(record, prefix: str = ""):
    """(name, start, end) for every offset pair of a record (``start``/``end``, ``x_start``/``x_end``,
    nested records included), whatever the record type."""
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if dataclasses.is_dataclass(value):
            yield from offset_pairs(value, f"{prefix}{f.name}.")
        elif f.name == "start" or f.name.endswith("_start"):
            stem = f.name[: -len("start")]
            yield f"{prefix}{stem}", value, getattr(record, stem + "end")


TABLES = ("mentions", "ages", "timexes", "claims")


def signatures(reading: ArticleReading, shift: int = 0, within: tuple[int, int] | None = None,
               leave_out: tuple[str, ...] = ()) -> Counter:
    """Per record: its table, every offset pair (shifted) but those named in ``leave_out``, and its
    text fields; ids and keys left out."""
    out: Counter = Counter()
    for table in TABLES:
        for r in getattr(reading, table):
            pairs = tuple((n, None if s is None else s + shift, None if e is None else e + shift) for n, s, e in offset_pairs(r)
                          if n not in leave_out)
            if within and not within[0] <= pairs[0][1] < within[1]:
                continue
            texts = tuple(getattr(r, f) for f in ("text", "value", "predicate") if hasattr(r, f))
            source_text = r.source.text if table == "claims" else None
            out[(table, pairs, texts, source_text)] += 1
    return out


def demo_text(chars: int) -> str:
    base = api.ingest([api.demo_corpus()]).articles
    parts, n = [], 0
    while sum(map(len, parts)) < chars:
        parts.append(base[n % len(base)].text.strip() + f"\n\n(Copy {n}.)\n\n")
        n += 1
    return "".join(parts)


@pytest.fixture(scope="module")
def nlp():
    from storyline.read.pipeline import load_pipeline

    return load_pipeline()


@pytest.mark.model
def test_every_offset_of_a_chunked_reading_points_at_what_its_chunk_read(nlp):
    from storyline.read.reader import read_articles

    text = demo_text(20_000)
    size = 5_000
    spans = split_text(text, size)
    assert len(spans) >= 4
    ((_, merged),) = read_articles(nlp, [article(text)], chunk_chars=size)
    assert isinstance(merged, ArticleReading), merged
    assert merged.article.text == text
    for start, end in spans:
        ((_, alone),) = read_articles(nlp, [article(text[start:end], "chunk")], chunk_chars=size)
        assert signatures(merged, within=(start, end)) == signatures(alone, shift=start), (start, end)
    for table in TABLES:
        for r in getattr(merged, table):
            for name, s, e in offset_pairs(r):
                assert s is None or 0 <= s <= e <= len(text), (table, name, s, e)
    assert all(text[m.start : m.end] == m.text for m in merged.mentions)
    assert all(text[t.start : t.end] == t.text for t in merged.timexes)
    assert all(text[c.start : c.end] == c.text and c.sentence_start <= c.start < c.end <= c.sentence_end for c in merged.claims)
    # Against the same text read whole: the same claims and time expressions at the same
    # offsets, nearly all mentions (a chunk cannot resolve a pronoun to an earlier chunk).
    ((_, whole),) = read_articles(nlp, [article(text)], chunk_chars=len(text))
    for table, share in (("claims", 0.98), ("timexes", 0.98), ("mentions", 0.9)):
        # The pronoun a title names a claim's subject by follows the pronoun mentions: it is compared
        # with them, below, not with the claims' own offsets.
        a, b = (Counter({k: v for k, v in signatures(r, leave_out=("title_subject_",)).items() if k[0] == table})
                for r in (whole, merged))
        assert sum((a & b).values()) >= share * max(sum(a.values()), sum(b.values())), table
    a, b = ({(c.start, c.end, c.predicate, c.title_subject_start) for c in r.claims} for r in (whole, merged))
    assert len(a & b) >= 0.9 * max(len(a), len(b))
    # Referents named in several chunks are one entity; every reference resolves.
    names = Counter((e.type, e.name) for e in merged.entities)
    assert names.most_common(1)[0][1] == 1
    ids = {e.id for e in merged.entities}
    assert all(m.entity in ids for m in merged.mentions) and all(c.subject in ids for c in merged.claims if c.subject)
    assert len({c.id for c in merged.claims}) == len(merged.claims)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.heavy
def test_a_300k_character_article_is_read_in_chunks_with_exact_offsets(nlp, monkeypatch):
    from storyline.read import reader

    text = demo_text(300_000)
    assert len(text) >= 300_000
    chunks: list[tuple[int, int]] = []
    real = reader.split_text
    monkeypatch.setattr(reader, "split_text", lambda t, size: chunks.extend(real(t, size)) or real(t, size))
    ((_, reading),) = reader.read_articles(nlp, [article(text)])
    assert isinstance(reading, ArticleReading), reading
    assert len(chunks) >= len(text) // CHUNK_CHARS and max(e - s for s, e in chunks) <= CHUNK_CHARS
    assert len(reading.claims) > 1000
    assert all(text[m.start : m.end] == m.text for m in reading.mentions)
    assert all(text[t.start : t.end] == t.text for t in reading.timexes)
    assert all(text[g.start : g.end].strip(" ,()") == str(g.value) for g in reading.ages)
    for c in reading.claims:
        assert text[c.start : c.end] == c.text and c.sentence_start <= c.start < c.end <= c.sentence_end
        if c.source.start is not None:
            assert 0 <= c.source.start < c.source.end <= len(text)
    # Claims from every part of the text, not only the first chunk.
    assert max(c.start for c in reading.claims) > len(text) - CHUNK_CHARS
