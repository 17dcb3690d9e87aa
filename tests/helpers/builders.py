"""Small builders for hand-made ArticleReadings (reconcile tests and the scale benchmark).

    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    mara = a.person("Mara Quinn", aliases=("Quinn", "the singer"))
    a.claim("Quinn married Theo Vance in 2012", subject=mara, pclass="marriage", when="2012", when_text="2012")
    a.age(mara, 42, "Quinn, 42")
    reading = a.build()

Texts are appended sentence by sentence, so every offset is right by construction. Claims,
ages and mentions carry the annotations the reader would write (quantities, an age's wording, a
claim's content words, each sentence's words), computed by the read stage's own functions on the
tokenised text (no model: no parse, no tags and no lemmatiser, so content words are the words as
written, stop words left out).
"""

from __future__ import annotations

from functools import lru_cache

import spacy

from storyline.core.dates import parse_published
from storyline.core.ids import make_id
from storyline.read.claims_pack import pack_cues
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
)
from storyline.read.display import pronoun_entities, sentence_around, with_display
from storyline.read.doc import EntityAnn, MentionAnn
from storyline.read.entities.ages import age_wording, annotate_mention_quantities
from storyline.read.extract import quantity_records
from storyline.read.quantities import find_quantities
from storyline.read.quantity_context import in_context
from storyline.read.wording import content_lemmas, word_forms


_PACKS = ("celebrity",)  # the domain of the hand-made stories: cues are read as with this pack


@lru_cache(maxsize=1)
def _nlp():
    return spacy.blank("en")


def quantities_in(text: str, start: int, end: int, skip: tuple[tuple[int, int], ...] = (),
                  sentence: tuple[int, int] | None = None) -> tuple[Quantity, ...]:
    """The quantities the reader finds in ``text[start:end]`` (characters in ``skip`` spans are dates),
    with what the words of their claim's ``sentence`` say about them (default: the whole text)."""
    doc = _nlp()(text)
    inside = [t.i for t in doc if start <= t.idx and t.idx + len(t) <= end]
    if not inside:
        return ()
    hidden = {t.i for t in doc for s, e in skip if t.idx < e and s < t.idx + len(t)}
    found = find_quantities(doc, inside[0], inside[-1] + 1, hidden)
    return quantity_records(in_context(text, sentence or (0, len(text)), found))


class ArticleBuilder:
    """Builds one ArticleReading; ids are made like the real extractor's (content hashes)."""

    def __init__(self, article_id: str, outlet: str | None, published: str | None, title: str | None = None):
        self.id, self.outlet, self.published, self.title = article_id, outlet, published, title
        self.text = ""
        self.entities: list[ArticleEntity] = []
        self.mentions: list[Mention] = []
        self.ages: list[Age] = []
        self.timexes: list[Timex] = []
        self.claims: list[Claim] = []
        self.sentences: list[Sentence] = []

    # entities -------------------------------------------------------------------------------
    def entity(self, name: str, type: str = "PERSON", aliases: tuple[str, ...] = (), gender: str | None = None,
               attributes: dict | None = None) -> str:
        eid = make_id("e", self.id, type, name, len(self.entities))
        self.entities.append(ArticleEntity(eid, self.id, name, type, tuple(aliases), gender, dict(attributes or {})))
        return eid

    def person(self, name: str, aliases: tuple[str, ...] = (), **kw) -> str:
        return self.entity(name, "PERSON", aliases, **kw)

    def group(self, name: str, members: list[str]) -> str:
        return self.entity(name, "GROUP", attributes={"members": list(members)}, gender="plural")

    # text -----------------------------------------------------------------------------------
    def say(self, sentence: str) -> tuple[int, int]:
        """Append a sentence; returns its offsets. Names of place/work entities in it get mentions."""
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += sentence
        end = len(self.text)
        self.sentences.append(Sentence(make_id("s", self.id, start, end), self.id, start, end,
                                       tuple(word_forms(_nlp()(sentence)))))
        for e in self.entities:
            if e.type in ("GPE", "LOC", "WORK"):
                i = sentence.find(e.name)
                if i >= 0:
                    s = start + i
                    self.mentions.append(Mention(make_id("m", self.id, s, e.id), self.id, e.id, s, s + len(e.name), e.name, "name"))
        return start, end

    def timex(self, text: str, value: str, within: tuple[int, int], type: str = "DATE", mod: str | None = None) -> str:
        i = self.text.find(text, within[0], within[1])
        assert i >= 0, f"{text!r} not in the sentence"
        tid = make_id("t", self.id, i, i + len(text))
        self.timexes.append(Timex(tid, self.id, i, i + len(text), text, type, value, mod, "DCT"))
        return tid

    def claim(self, text: str, *, subject: str | None = None, pclass: str | None = None, predicate: str = "say",
              object: str | None = None, when: str | None = None, when_text: str | None = None,
              kind: str = "unattributed", source_text: str | None = None, source_entity: str | None = None,
              quote: str = "none", via: str | None = None, key: str | None = None, polarity: str = "positive",
              certainty: str = "certain", before: str = "", after: str = ".", cues: tuple[str, ...] = (),
              context_when: str | None = None) -> str:
        """Append ``before + text + after`` as a sentence holding one claim (the ``text`` part).

        Its cues are those the reader finds in ``text`` with the celebrity pack (the domain of these
        hand-made stories), then the wording ``cues`` given (storyline.read.cues; not derived here)."""
        s, e = self.say(before + text + after)
        cs = s + len(before)
        ce = cs + len(text)
        tid = self.timex(when_text or when, when, (cs, ce)) if when else None
        if source_text and source_text in self.text[s:e]:
            ss = self.text.find(source_text, s, e)
            se = ss + len(source_text)
        else:
            ss = se = None
        src = Source(kind, source_text, ss, se, source_entity, "says" if kind != "unattributed" else None, quote, via, key)
        cid = make_id("c", self.id, cs, ce, predicate, key or kind)
        dates = tuple((t.start, t.end) for t in self.timexes if t.id == tid)
        self.claims.append(Claim(cid, self.id, cs, ce, text, subject, predicate, pclass, object, tid, polarity,
                                 certainty, (), src, s, e, quantities_in(self.text, cs, ce, dates, (s, e)),
                                 cues=tuple(dict.fromkeys((*pack_cues(text, pclass, _PACKS), *cues))), context_when=context_when,
                                 lemmas=tuple(content_lemmas(_nlp()(text)))))
        return cid

    def mention(self, entity: str, text: str, kind: str = "name", within: tuple[int, int] | None = None) -> str:
        """A mention of ``entity`` at the last occurrence of ``text`` (in ``within``), with the quantities
        the reader writes at it (an age in apposition, a count after a possessive)."""
        lo, hi = within or (0, len(self.text))
        i = self.text.rfind(text, lo, hi)
        assert i >= 0, f"{text!r} not in the text"
        ent = next(e for e in self.entities if e.id == entity)
        ann = MentionAnn(i, i + len(text), text, kind)
        annotate_mention_quantities(_nlp()(self.text), [EntityAnn(0, ent.name, ent.type, [ann])])
        mid = make_id("m", self.id, i, i + len(text), entity)
        self.mentions.append(Mention(mid, self.id, entity, i, i + len(text), text, kind, quantity_records(ann.quantities)))
        return mid

    def age(self, entity: str, value: int, wording: str, when: str | None = None, past: bool = False) -> str:
        """Append ``wording`` (e.g. 'Quinn, 42, was there.') and record the age at its number, told of the
        past moment of timex ``when`` or, with ``past``, of an undated past (as the reader would find)."""
        s, e = self.say(wording)
        i = self.text.find(str(value), s, e)
        aid = make_id("g", self.id, entity, i)
        as_of = self.published[:10] if self.published else None
        end = i + len(str(value))
        self.ages.append(Age(aid, self.id, entity, value, i, end, as_of, age_wording(self.text, i, end), when, past,
                             *sentence_around(self.text, i, end)))
        return aid

    def build(self) -> ArticleReading:
        art = Article(self.id, self.text, self.outlet, parse_published(self.published), self.title, None, f"{self.id}.txt", "txt",
                      make_id("h", self.text))
        # What titles and headlines show is read over the finished text and mentions, as extract does.
        pronouns = pronoun_entities(self.mentions)
        claims = tuple(with_display(self.text, c, pronouns) for c in self.claims)
        return ArticleReading(art, tuple(self.entities), tuple(self.mentions), tuple(self.ages), tuple(self.timexes),
                              claims, tuple(self.sentences))


def on_predicate(reading: ArticleReading, cid: str, word: str, cue: str | None = None) -> ArticleReading:
    """``reading`` with claim ``cid``'s predicate span on ``word`` and its WordNet event key (and its
    reporting cue set to ``cue``), as the reader records them; ArticleBuilder.claim leaves them out."""
    from dataclasses import replace

    from storyline.core import words

    def fix(c):
        if c.id != cid:
            return c
        i = reading.article.text.index(word, c.start, c.end)
        c = replace(c, predicate_start=i, predicate_end=i + len(word), event_key=words.event_key(c.predicate, "v"))
        return replace(c, source=replace(c.source, cue=cue)) if cue else c

    return replace(reading, claims=tuple(fix(c) for c in reading.claims))
