"""Small builders for hand-made ArticleReadings (reconcile tests and the scale benchmark).

    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    mara = a.person("Mara Quinn", aliases=("Quinn", "the singer"))
    a.claim("Quinn married Theo Vance in 2012", subject=mara, pclass="marriage", when="2012", when_text="2012")
    a.age(mara, 42, "Quinn, 42")
    reading = a.build()

Texts are appended sentence by sentence, so every offset is right by construction.
"""

from __future__ import annotations

from storyline.core.dates import parse_published
from storyline.core.ids import make_id
from storyline.core.records import (
    Age,
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Mention,
    Source,
    Timex,
)


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
              certainty: str = "certain", before: str = "", after: str = ".") -> str:
        """Append ``before + text + after`` as a sentence holding one claim (the ``text`` part)."""
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
        self.claims.append(Claim(cid, self.id, cs, ce, text, subject, predicate, pclass, object, tid, polarity,
                                 certainty, (), src, s, e))
        return cid

    def age(self, entity: str, value: int, wording: str) -> str:
        """Append ``wording`` (e.g. 'Quinn, 42, was there.') and record the age at its number."""
        s, e = self.say(wording)
        i = self.text.find(str(value), s, e)
        aid = make_id("g", self.id, entity, i)
        as_of = self.published[:10] if self.published else None
        self.ages.append(Age(aid, self.id, entity, value, i, i + len(str(value)), as_of))
        return aid

    def build(self) -> ArticleReading:
        art = Article(self.id, self.text, self.outlet, parse_published(self.published), self.title, None, f"{self.id}.txt", "txt",
                      make_id("h", self.text))
        return ArticleReading(art, tuple(self.entities), tuple(self.mentions), tuple(self.ages), tuple(self.timexes),
                              tuple(self.claims))
