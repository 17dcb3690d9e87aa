"""Turn an annotated ``Doc`` into typed records (one :class:`ArticleReading`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from spacy.tokens import Doc

from storyline.core.dates import iso, parse_day
from storyline.core.ids import make_id
from storyline.core.records import (
    Age,
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Mention,
    Quantity,
    Sentence,
    Source,
    Timex,
    made,
)
from storyline.read.cues import age_moment, claim_cues, context_timex, dated_timexes
from storyline.read.display import ClaimPlace, display_fields, pronoun_entities, sentence_around
from storyline.read.doc import AttributionAnn, ClaimAnn, EntityAnn, QuantityAnn, SentenceAnn, TimexAnn
from storyline.read.entities.ages import age_wording
from storyline.read.wording import sentence_anns

__all__ = ["Annotations", "quantity_records", "reading_from_annotations", "reading_from_doc"]


@dataclass
class Annotations:
    """What the ``storyline_*`` components wrote on a Doc (see :mod:`storyline.read.doc`), without
    the Doc: a long article's chunks are merged at this level (:mod:`storyline.read.chunks`)."""

    entities: list[EntityAnn]
    timexes: list[TimexAnn]
    attributions: list[AttributionAnn]
    claims: list[ClaimAnn]
    sentences: list[SentenceAnn] = field(default_factory=list)  # the parser's sentences, not a component's

    @classmethod
    def of(cls, doc: Doc) -> Annotations:
        x = doc._
        return cls(list(x.sl_entities or []), list(x.sl_timexes or []), list(x.sl_attributions or []), list(x.sl_claims or []),
                   sentence_anns(doc))


def reading_from_doc(doc: Doc, article: Article) -> ArticleReading:
    """Records for everything the ``storyline_*`` components wrote on ``doc`` (made from ``article.text``)."""
    return reading_from_annotations(Annotations.of(doc), article)


def reading_from_annotations(ann: Annotations, article: Article) -> ArticleReading:
    """Records for ``ann``, whose offsets point into ``article.text``."""
    aid = article.id
    text = article.text
    day = parse_day(article.published)
    as_of = iso(day)
    timex_ids: list[str] = []
    timexes = []
    anns = ann.timexes
    for t in anns:
        timex_ids.append(make_id("t", aid, t.start, t.end))
    for i, t in enumerate(anns):
        anchor = t.anchor
        if anchor and anchor.startswith("t") and anchor[1:].isdigit() and int(anchor[1:]) < len(timex_ids):
            anchor = timex_ids[int(anchor[1:])]
        timexes.append(Timex(timex_ids[i], aid, t.start, t.end, text[t.start : t.end], t.type, t.value, t.mod, anchor))

    # The readings below look at the timexes as reconcile receives them (one per id, in order).
    timex_records = list(_unique(timexes))
    by_id = {t.id: t for t in timex_records}

    def quantities(anns) -> tuple[Quantity, ...]:
        if not anns:  # most mentions and claims hold none
            return ()
        out = []
        for q in quantity_records(anns):
            if q.measure == "age":
                when_id, past = age_moment(text, q.start, q.end, day, timex_records)
                q = replace(q, when=when_id, past=past)
            out.append(q)
        return tuple(out)

    entities, mentions, ages = [], [], []
    ent_ids: dict[int, str] = {}
    for ent in ann.entities:
        first = min((m.start for m in ent.mentions), default=-1)
        eid = make_id("e", aid, ent.type, ent.name, first)
        ent_ids[ent.key] = eid
    for ent in ann.entities:
        eid = ent_ids[ent.key]
        attributes = dict(ent.attributes)
        if "members" in attributes:  # GROUP members are keys inside the Doc: store entity ids
            attributes["members"] = [ent_ids[k] for k in attributes["members"] if k in ent_ids]
        entities.append(
            ArticleEntity(
                id=eid,
                article=aid,
                name=ent.name,
                type=ent.type,
                aliases=tuple(a for a in dict.fromkeys(ent.aliases) if a != ent.name),
                gender=ent.gender,
                attributes=attributes,
            )
        )
        for m in sorted(ent.mentions, key=lambda m: (m.start, m.end)):
            mentions.append(
                Mention(make_id("m", aid, m.start, m.end, eid), aid, eid, m.start, m.end, text[m.start : m.end], m.kind,
                        quantities(m.quantities))
            )
        for a in ent.ages:
            when_id, past = age_moment(text, a.start, a.end, day, timex_records)
            s0, s1 = sentence_around(text, a.start, a.end)
            ages.append(Age(make_id("g", aid, eid, a.start), aid, eid, a.value, a.start, a.end, as_of,
                            age_wording(text, a.start, a.end), when_id, past, s0, s1))

    attributions = ann.attributions
    work_ents = {ent_ids[e.key] for e in ann.entities if e.type == "WORK"}
    work_starts = {m.start for m in mentions if m.entity in work_ents}
    pronouns = pronoun_entities(mentions)
    claims = []
    dated = dated_timexes(timex_records)
    # One Source per attribution (or per kind of unattributed claim), shared by its claims: a
    # frozen record, made once rather than per claim, and pickled once per reading.
    sources: dict[int | str, Source] = {}
    for c in ann.claims:
        att = attributions[c.attribution_index] if c.attribution_index is not None else None
        source = sources.get(c.attribution_index if att is not None else c.source_kind)
        if source is None and att is not None:
            source = sources[c.attribution_index] = Source(
                kind=att.kind,
                text=att.source_text,
                start=att.source_start,
                end=att.source_end,
                entity=ent_ids.get(att.entity_key) if att.entity_key is not None else None,
                cue=att.cue,
                quote=att.quote,
                via=att.via,
                key=att.source_key,
            )
        elif source is None:
            source = sources[c.source_kind] = Source(c.source_kind, None, None, None, None, None, "none", None, None)
        obj = ent_ids.get(c.object_key) if c.object_key is not None else c.object_text
        when = timex_ids[c.timex_index] if c.timex_index is not None and c.timex_index < len(timex_ids) else None
        context = None if when is not None else context_timex(text, c.start, c.end, c.sentence_start, c.sentence_end,
                                                              dated)
        subject = ent_ids.get(c.subject_key) if c.subject_key is not None else None
        display = display_fields(text, ClaimPlace(c.start, c.end, c.sentence_start, c.sentence_end, subject), pronouns)
        # made(): the same Claim as Claim(**fields), without the frozen constructor's cost per field.
        claims.append(made(Claim, {
            "id": make_id("c", aid, c.start, c.end, c.predicate, source.key or source.kind),
            "article": aid,
            "start": c.start,
            "end": c.end,
            "text": text[c.start : c.end],
            "subject": subject,
            "predicate": c.predicate,
            "predicate_class": c.predicate_class,
            "object": obj,
            "when": when,
            "polarity": c.polarity,
            "certainty": c.certainty,
            "hedges": tuple(c.hedges),
            "source": source,
            "sentence_start": c.sentence_start,
            "sentence_end": c.sentence_end,
            "quantities": quantities(c.quantities),
            "predicate_start": c.predicate_start,
            "predicate_end": c.predicate_end,
            "predicate_pos": c.predicate_pos,
            "event_key": c.event_key,
            "frame": c.frame,
            "eventive": c.eventive,
            "place": (ent_ids.get(c.place_key) if c.place_key is not None else None) or c.place_text,
            # The pack's cues (set by the claims component) come first, then the wording cues; a
            # cue both find ("reported_denial") is listed once.
            "cues": tuple(dict.fromkeys((*c.cues, *claim_cues(text, c.start, c.end, by_id.get(when) if when else None,
                                                             context, work_starts, day, c.predicate_start)))),
            "context_when": context.id if context is not None else None,
            "lemmas": tuple(c.lemmas),
            **display,
        }))
    sentences = [Sentence(make_id("s", aid, s.start, s.end), aid, s.start, s.end, tuple(s.words)) for s in ann.sentences]
    # Duplicate ids (a component emitting the same span twice) would violate the primary keys.
    return ArticleReading(
        article=article,
        entities=tuple(_unique(entities)),
        mentions=tuple(_unique(mentions)),
        ages=tuple(_unique(ages)),
        timexes=tuple(timex_records),
        claims=tuple(_unique(claims)),
        sentences=tuple(_unique(sentences)),
    )


def quantity_records(anns) -> tuple[Quantity, ...]:
    """The :class:`Quantity` records of ``QuantityAnn`` annotations."""
    # Field by field, not ``asdict``: every field is a number, a string, a bool or None, so its
    # deep copy (a third of making the records of an article's quantities) copies nothing.
    return tuple(Quantity(**{name: getattr(q, name) for name in _QUANTITY_FIELDS}) for q in anns)


_QUANTITY_FIELDS = tuple(f.name for f in fields(QuantityAnn))


def _unique(records):
    seen = set()
    for r in records:
        if r.id not in seen:
            seen.add(r.id)
            yield r
