"""Three short invented articles and their hand-made records, for the dossier tests."""


from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from storyline.core.dates import parse_published
from storyline.core.ids import content_hash, make_id
from storyline.read.display import sentence_around, with_display
from storyline.core.records import (
    Age,
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Conflict,
    Echo,
    Fact,
    Source,
    Story,
    StoryEntity,
    TimelineEntry,
    Timex,
)

# Three short invented articles about a fictional couple (actress Lena Varga, director Jonah Pike).
TEXT_A = (
    "Lena Varga and Jonah Pike have separated after nine years of marriage, Daily Lumen can confirm.\n\n"
    'A source close to the couple says Varga, 41, "was devastated" by the split. '
    "Pike was seen leaving the couple's Paris home with suitcases on August 10. "
    "The pair married in 2014 in Lisbon."
)
TEXT_B = (
    'According to Daily Lumen, a source close to the couple says Varga "was devastated" by the split.\n\n'
    'Pike denied an affair in a statement on Friday: "These reports are false." '
    "Court papers filed in August 2023 list the couple's two children. "
    "Varga, 42, has not commented. The couple wed in 2012."
)
TEXT_C = (
    "Rumors swirled in June 2023 that Pike was dating pastry chef Coralie Benoit. "
    'Varga wrote on Instagram that she is "starting a new chapter" & thanked fans.'
)


class _Builder:
    """Builds claims by locating substrings, so offsets stay right when the texts change."""

    def __init__(self) -> None:
        self.readings: dict[str, dict] = {}

    def article(
        self, aid: str, text: str, outlet: str | None, published: str | None, title: str | None, url: str | None = None
    ) -> None:
        art = Article(id=aid, text=text, outlet=outlet, published=parse_published(published), title=title, url=url,
                      origin=f"{aid}.txt", format="txt", content_hash=content_hash(text))  # fmt: skip
        self.readings[aid] = {"article": art, "entities": [], "ages": [], "timexes": [], "claims": []}

    def entity(
        self, aid: str, name: str, etype: str = "PERSON", aliases: tuple[str, ...] = (), roles: tuple[str, ...] = ()
    ) -> str:
        eid = make_id("ae", aid, name)
        self.readings[aid]["entities"].append(
            ArticleEntity(
                id=eid,
                article=aid,
                name=name,
                type=etype,
                aliases=aliases,
                gender=None,
                attributes={"roles": list(roles)},
            )
        )
        return eid

    def age(self, aid: str, entity: str, value: int, as_of: str | None) -> None:
        text = self.readings[aid]["article"].text
        start = text.index(f", {value},") + 2
        self.readings[aid]["ages"].append(
            Age(
                id=make_id("age", aid, start),
                article=aid,
                entity=entity,
                value=value,
                start=start,
                end=start + len(str(value)),
                as_of=as_of,
            )
        )
        # Its sentence, as the read stage records it.
        g = self.readings[aid]["ages"][-1]
        s0, s1 = sentence_around(text, g.start, g.end)
        self.readings[aid]["ages"][-1] = replace(g, sentence_start=s0, sentence_end=s1)

    def timex(self, aid: str, surface: str, value: str) -> str:
        text = self.readings[aid]["article"].text
        start = text.index(surface)
        tid = make_id("t", aid, start)
        self.readings[aid]["timexes"].append(
            Timex(
                id=tid,
                article=aid,
                start=start,
                end=start + len(surface),
                text=surface,
                type="DATE",
                value=value,
                mod=None,
                anchor="DCT",
            )
        )
        return tid

    def claim(self, aid: str, content: str, kind: str, *, source: str | None = None, entity: str | None = None, subject: str | None = None,
              predicate: str = "say", cls: str | None = None, polarity: str = "positive", certainty: str = "certain",
              hedges: tuple[str, ...] = (), cue: str | None = None, quote: str = "none", via: str | None = None,
              when: str | None = None, sentence: bool = True) -> str:  # fmt: skip
        text = self.readings[aid]["article"].text
        start = text.index(content)
        end = start + len(content)
        if sentence:
            ends = [m.end() for m in re.finditer(r"[.!?][\"”]?(?=\s)|\n+", text)] + [len(text)]
            s0 = max([e for e in ends if e <= start] or [0])
            s0 += len(text[s0:]) - len(text[s0:].lstrip())
            s1 = min(e for e in ends if e >= end)
        else:
            s0 = s1 = 0  # what a reader gives when it found no sentence
        src_start = text.find(source) if source else -1
        cid = make_id("c", aid, start, end)
        self.readings[aid]["claims"].append(Claim(
            id=cid, article=aid, start=start, end=end, text=content, subject=subject, predicate=predicate,
            predicate_class=cls, object=None, when=when, polarity=polarity, certainty=certainty, hedges=hedges,
            source=Source(kind=kind, text=source, start=src_start if src_start >= 0 else None,
                          end=src_start + len(source) if source and src_start >= 0 else None,
                          entity=entity, cue=cue, quote=quote, via=via, key=None),
            sentence_start=s0, sentence_end=s1,
        ))  # fmt: skip
        return cid

    def readings_tuple(self) -> tuple[ArticleReading, ...]:
        return tuple(
            ArticleReading(article=r["article"], entities=tuple(r["entities"]), ages=tuple(r["ages"]),
                           timexes=tuple(r["timexes"]),
                           # what titles and headlines show, read as extract reads it (no pronoun mentions here)
                           claims=tuple(with_display(r["article"].text, c, {}) for c in r["claims"]))
            for r in self.readings.values()
        )  # fmt: skip


def build_fixture(
    text_a: str = TEXT_A, text_b: str = TEXT_B, text_c: str = TEXT_C
) -> tuple[tuple[ArticleReading, ...], Story, dict[str, str]]:
    """Three articles, a cast, claims of six source kinds, facts of every status, a conflict, an echo."""
    b = _Builder()
    b.article(
        "lumen-1", text_a, "Daily Lumen", "2023-08-14", "Varga and Pike split", "https://lumen.example/varga-pike"
    )
    b.article("ledger-7", text_b, "The Ledger Weekly", "2023-09-02T08:30:00", "Pike denies affair reports")
    b.article("bulletin-3", text_c, None, None, None)
    va = b.entity("lumen-1", "Lena Varga", aliases=("Varga",), roles=("actress",))
    pa = b.entity("lumen-1", "Jonah Pike", aliases=("Pike",), roles=("director",))
    vb = b.entity("ledger-7", "Varga")
    pb = b.entity("ledger-7", "Pike")
    pc = b.entity("bulletin-3", "Pike")
    vc = b.entity("bulletin-3", "Varga")
    cb = b.entity("bulletin-3", "Coralie Benoit", roles=("pastry chef",))
    lumen = b.entity("ledger-7", "Daily Lumen", "OUTLET")
    b.age("lumen-1", va, 41, "2023-08-14")
    b.age("ledger-7", vb, 42, "2023-09-02")
    t_aug10 = b.timex("lumen-1", "August 10", "2023-08-10")
    t_2014 = b.timex("lumen-1", "2014", "2014")
    t_2012 = b.timex("ledger-7", "2012", "2012")
    t_june = b.timex("bulletin-3", "June 2023", "2023-06")
    c = {
        "split": b.claim("lumen-1", "Lena Varga and Jonah Pike have separated after nine years of marriage", "outlet",
                         source="Daily Lumen", cue="can confirm", subject=va, predicate="separate", cls="separation"),
        "seen": b.claim("lumen-1", "Pike was seen leaving the couple's Paris home with suitcases", "observation",
                        subject=pa, predicate="leave", cls="separation", cue="was seen", when=t_aug10),
        "wed14": b.claim("lumen-1", "The pair married in 2014 in Lisbon", "unattributed", subject=va, predicate="marry", cls="marriage", when=t_2014),
        "dev": b.claim("lumen-1", "was devastated", "anonymous", source="A source close to the couple", cue="says", quote="direct", subject=va, predicate="devastate", cls="feeling"),
        "dev_echo": b.claim("ledger-7", "was devastated", "other_media", source="a source close to the couple", cue="says", quote="direct",
                            via="Daily Lumen", subject=vb, predicate="devastate", cls="feeling", hedges=("according to",)),
        "deny": b.claim("ledger-7", "These reports are false", "named_person", source="Pike", entity=pb, cue="denied", quote="direct",
                        subject=pb, predicate="cheat", cls="affair", polarity="negative"),
        "kids": b.claim("ledger-7", "list the couple's two children", "document", source="Court papers", cue="list", subject=vb, predicate="have", cls="children"),
        "wed12": b.claim("ledger-7", "The couple wed in 2012", "unattributed", subject=vb, predicate="marry", cls="marriage", when=t_2012),
        "rumor": b.claim("bulletin-3", "Pike was dating pastry chef Coralie Benoit", "rumor", source="Rumors", cue="swirled", subject=pc,
                         predicate="date", cls="affair", certainty="possible", hedges=("rumors",), when=t_june),
        "post": b.claim("bulletin-3", "she is \"starting a new chapter\"", "social_media", source="Instagram", entity=vc, cue="wrote",
                        subject=vc, predicate="start", cls="separation", sentence=False),
    }  # fmt: skip
    readings = b.readings_tuple()
    ents = (
        StoryEntity(id="e-varga", name="Lena Varga", type="PERSON", aliases=("Lena Varga", "Varga", "the actress"), members=(va, vb, vc),
                    evidence=("'Varga' is the surname of 'Lena Varga' (lumen-1)",)),
        StoryEntity(id="e-pike", name="Jonah Pike", type="PERSON", aliases=("Jonah Pike", "Pike"), members=(pa, pb, pc), evidence=()),
        StoryEntity(id="e-benoit", name="Coralie Benoit", type="PERSON", aliases=("Coralie Benoit",), members=(cb,), evidence=()),
        StoryEntity(id="e-lumen", name="Daily Lumen", type="OUTLET", aliases=("Daily Lumen",), members=(lumen,), evidence=()),
    )  # fmt: skip

    def fact(
        key: str, statement: str, claims: list[str], status: str, n: int, grade: str, cls: str, when: str | None
    ) -> Fact:
        arts = tuple(dict.fromkeys(cid_article[x] for x in claims))
        return Fact(id=f"f-{key}", statement=statement, predicate_class=cls, claims=tuple(claims), articles=arts,
                    outlets=tuple(o for o in dict.fromkeys(outlet_of[a] for a in arts) if o), independent_sources=n,
                    status=status, grade=grade, when=when)  # fmt: skip

    cid_article = {cl.id: r.article.id for r in readings for cl in r.claims}
    outlet_of = {r.article.id: r.article.outlet for r in readings}
    facts = (
        fact("split", "Lena Varga and Jonah Pike have separated", [c["split"], c["seen"], c["post"]], "corroborated", 3, "on_record", "separation", "2023-08"),
        fact("wed", "The pair married in 2014", [c["wed14"], c["wed12"]], "contradicted", 2, "unattributed", "marriage", "2014"),
        fact("affair", "Pike was dating pastry chef Coralie Benoit", [c["rumor"], c["deny"]], "contested", 2, "on_record", "affair", "2023-06"),
        fact("dev", "Varga was devastated by the split", [c["dev"], c["dev_echo"]], "single_source", 1, "anonymous", "feeling", None),
        fact("kids", "The couple have two children", [c["kids"]], "single_source", 1, "documentary", "children", None),
    )  # fmt: skip
    conflicts = (
        Conflict(id="x-wed", fact="f-wed", claims=(c["wed14"], c["wed12"]), kind="date",
                 reason="Daily Lumen (14 Aug 2023) dates the wedding to 2014; The Ledger Weekly (2 Sep 2023) to 2012."),
        Conflict(id="x-affair", fact="f-affair", claims=(c["rumor"], c["deny"]), kind="polarity",
                 reason="Pike denied the affair on the record: 'These reports are false'."),
    )  # fmt: skip
    echoes = (
        Echo(
            id="echo-1",
            claim=c["dev_echo"],
            original=c["dev"],
            reason="according to Daily Lumen; identical quoted words",
        ),
    )
    timeline = (
        TimelineEntry(id="tl-1", when="2023-08", start="2023-08-01", end="2023-08-31", fact="f-split", label="Varga and Pike separate", status="corroborated"),
        TimelineEntry(id="tl-2", when="2014", start="2014-01-01", end="2014-12-31", fact="f-wed", label="Wedding (2014 or 2012?)", status="contradicted"),
        TimelineEntry(id="tl-3", when="2023-06", start="2023-06-01", end="2023-06-30", fact="f-affair", label="Affair rumors", status="contested"),
        TimelineEntry(id="tl-4", when="2023-08-10", start="2023-08-10", end="2023-08-10", fact="f-split", label="Pike seen leaving with suitcases", status="corroborated"),
        TimelineEntry(id="tl-5", when="PAST_REF", start=None, end=None, fact="f-dev", label="Varga devastated", status="single_source"),
    )  # fmt: skip
    story = Story(entities=ents, facts=facts, conflicts=conflicts, echoes=echoes, timeline=timeline)
    return readings, story, c


class _Scan(HTMLParser):
    """Collects what would be live in a browser: elements, attributes, script bodies, ids."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.script_attrs: list[dict] = []
        self._in_script = False
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if "id" in d:
            self.ids.append(d["id"])
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")
            self.script_attrs.append(d)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def scan(html: str) -> _Scan:
    s = _Scan()
    s.feed(html)
    return s
