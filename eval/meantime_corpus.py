"""Reader for the NewsReader MEANTIME corpus (English, CAT XML).

The corpus ships pre-tokenised text (Penn-Treebank style: ````` and ``''`` for quotes), so this
reader rebuilds a readable text from the tokens (no space before ``, . 's n't %``..., straight
double quotes, the title and the dateline on their own lines) and gives every token and
markable character offsets into that text. Storyline's pipeline then reads the rebuilt text
like any article, and the scorers compare character spans.

Layout expected under the root::

    intra-doc_annotation/corpus_{airbus,apple,gm,stock}/*.xml
    intra_cross-doc_annotation/corpus_{...}/*.xml

Usage::

    from meantime_corpus import load_corpus
    for doc in load_corpus():
        doc.dct, doc.timexes(), doc.chains("ENTITY")
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = [
    "Token",
    "Markable",
    "Relation",
    "MeantimeDoc",
    "ANNOTATED_SENTENCES",
    "TOPICS",
    "VARIANTS",
    "default_root",
    "load_corpus",
    "load_document",
]

# Sentences 0..5 (title, dateline, four body sentences) carry annotations; the rest is raw text.
ANNOTATED_SENTENCES = 6
TOPICS = ("airbus", "apple", "gm", "stock")
VARIANTS = ("intra-doc_annotation", "intra_cross-doc_annotation")

# Tokens glued to the previous token (no space before them).
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "%", ")", "]", "}", "?", "!", "...", "'s", "'S", "n't", "'re", "'ve",
     "'ll", "'d", "'m", "'", "''", "”", "’"}
)
# Tokens glued to the next token (no space after them).
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "`", "“", "‘", "$", "US$", "USD$", "CA$", "A$", "£", "€", "#"})
_SURFACE = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DMY_DATE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})$")  # one file writes its DCT this way


@dataclass
class Token:
    t_id: str
    sentence: int
    number: int
    text: str  # surface form as it appears in MeantimeDoc.text (PTB quotes made straight)
    start: int
    end: int


@dataclass
class Markable:
    m_id: str
    tag: str  # ENTITY_MENTION, EVENT_MENTION, TIMEX3, VALUE, SIGNAL, ENTITY, EVENT, ...
    t_ids: list[str]
    attrs: dict[str, str]
    start: int | None  # None for token-less instance markables (ENTITY, EVENT)
    end: int | None
    text: str | None


@dataclass
class Relation:
    tag: str  # REFERS_TO, TLINK, SLINK, GLINK, CLINK, HAS_PARTICIPANT
    r_id: str
    sources: list[str]
    targets: list[str]
    attrs: dict[str, str]


@dataclass
class MeantimeDoc:
    doc_id: str
    name: str
    path: Path
    topic: str
    url: str
    text: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    dct: date | None
    markables: dict[str, Markable] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    @property
    def annotated_end(self) -> int:
        """End offset of the annotated region: MEANTIME annotates only the title, the dateline and
        the first four body sentences (sentence numbers 0-5), so scorers must ignore predictions
        after this offset."""
        if not self.sentences:
            return 0
        end = self.sentences[min(ANNOTATED_SENTENCES, len(self.sentences)) - 1][1]
        # a few VALUE markables sit a sentence further: never cut a gold markable off
        return max([end] + [m.end for m in self.markables.values() if m.end is not None])

    def by_tag(self, tag: str) -> list[Markable]:
        """Markables with this tag, in text order (token-less ones last)."""
        found = [m for m in self.markables.values() if m.tag == tag]
        return sorted(found, key=lambda m: (m.start is None, m.start or 0, m.end or 0))

    def timexes(self, *, include_dct: bool = True) -> list[Markable]:
        """Gold TIMEX3 markables anchored on tokens (optionally without the dateline DCT)."""
        out = [m for m in self.by_tag("TIMEX3") if m.start is not None]
        if not include_dct:
            out = [m for m in out if m.attrs.get("functionInDocument") != "CREATION_TIME"]
        return out

    def instance_of(self, m_id: str) -> str | None:
        """The instance markable (ENTITY/EVENT) a mention REFERS_TO, or None."""
        return self._refers().get(m_id)

    def chains(self, tag: str = "ENTITY") -> dict[str, list[Markable]]:
        """Coreference chains: instance m_id -> its mentions (text order), for instances of ``tag``.

        Mentions that refer to no instance are left out (they are singletons in the gold).
        """
        chains: dict[str, list[Markable]] = {}
        for mention_id, inst_id in self._refers().items():
            inst = self.markables.get(inst_id)
            mention = self.markables.get(mention_id)
            if inst is None or mention is None or inst.tag != tag or mention.start is None:
                continue
            chains.setdefault(inst_id, []).append(mention)
        for mentions in chains.values():
            mentions.sort(key=lambda m: (m.start, m.end))
        return chains

    def _refers(self) -> dict[str, str]:
        cache = self.__dict__.get("_refers_cache")
        if cache is None:
            cache = {}
            for rel in self.relations:
                if rel.tag == "REFERS_TO" and rel.targets:
                    for src in rel.sources:
                        cache[src] = rel.targets[0]
            self.__dict__["_refers_cache"] = cache
        return cache


def default_root() -> Path:
    """``../shared/eval-data/meantime_en`` relative to the repository root."""
    return Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "meantime_en"


def load_corpus(
    root: Path | None = None,
    variant: str = "intra-doc_annotation",
    topics: list[str] | tuple[str, ...] | None = None,
) -> list[MeantimeDoc]:
    """All documents of one annotation variant, sorted by topic then doc id.

    Raises FileNotFoundError naming the missing directory when the corpus is absent.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown MEANTIME variant {variant!r}; choose one of {VARIANTS}")
    base = Path(root or default_root()) / variant
    if not base.is_dir():
        raise FileNotFoundError(f"MEANTIME directory not found: {base} (pass --root to point at meantime_en)")
    docs = []
    for topic in topics or TOPICS:
        folder = base / f"corpus_{topic}"
        if not folder.is_dir():
            raise FileNotFoundError(f"MEANTIME topic folder not found: {folder}")
        for path in sorted(folder.glob("*.xml")):
            docs.append(load_document(path, topic=topic))
    docs.sort(key=lambda d: (d.topic, int(d.doc_id) if d.doc_id.isdigit() else 0, d.doc_id))
    return docs


def load_document(path: Path, topic: str = "") -> MeantimeDoc:
    """Parse one CAT XML file."""
    root = ET.parse(path).getroot()
    raw_tokens = [
        (el.get("t_id", ""), int(el.get("sentence", "0")), int(el.get("number", "0")), el.text or "")
        for el in root.iter("token")
    ]
    text, tokens, sentences = rebuild_text(raw_tokens)
    by_tid = {t.t_id: t for t in tokens}

    markables: dict[str, Markable] = {}
    section = root.find("Markables")
    for el in section if section is not None else ():
        t_ids = [a.get("t_id", "") for a in el.iter("token_anchor")]
        anchored = [by_tid[t] for t in t_ids if t in by_tid]
        attrs = {k: v for k, v in el.attrib.items() if k != "m_id"}
        if anchored:
            start = min(t.start for t in anchored)
            end = max(t.end for t in anchored)
            markables[el.get("m_id", "")] = Markable(
                el.get("m_id", ""), el.tag, t_ids, attrs, start, end, text[start:end]
            )
        else:
            markables[el.get("m_id", "")] = Markable(el.get("m_id", ""), el.tag, [], attrs, None, None, None)

    relations = []
    section = root.find("Relations")
    for el in section if section is not None else ():
        relations.append(
            Relation(
                tag=el.tag,
                r_id=el.get("r_id", ""),
                sources=[s.get("m_id", "") for s in el.findall("source")],
                targets=[t.get("m_id", "") for t in el.findall("target")],
                attrs={k: v for k, v in el.attrib.items() if k != "r_id"},
            )
        )

    return MeantimeDoc(
        doc_id=root.get("doc_id", path.stem.split("_", 1)[0]),
        name=root.get("doc_name", path.stem),
        path=path,
        topic=topic or path.parent.name.removeprefix("corpus_"),
        url=root.get("url", ""),
        text=text,
        tokens=tokens,
        sentences=sentences,
        dct=_creation_date(markables.values(), sentences[1] if len(sentences) > 1 else None),
        markables=markables,
        relations=relations,
    )


def _creation_date(markables, dateline: tuple[int, int] | None) -> date | None:
    """The CREATION_TIME timex's value; else the dated timex on the dateline (3 files lack the flag)."""
    timexes = [m for m in markables if m.tag == "TIMEX3"]
    flagged = [m for m in timexes if m.attrs.get("functionInDocument") == "CREATION_TIME"]
    on_dateline = [
        m for m in timexes
        if dateline and m.start is not None and dateline[0] <= m.start and m.end <= dateline[1]
    ]
    for m in flagged + on_dateline:
        value = m.attrs.get("value", "")
        match = _ISO_DATE.match(value) or _DMY_DATE.match(value)
        if match:
            y, mo, d = (match[1], match[2], match[3]) if _ISO_DATE.match(value) else (match[3], match[2], match[1])
            try:
                return date(int(y), int(mo), int(d))
            except ValueError:
                continue
    return None


def rebuild_text(raw_tokens, own_lines=(0, 1), glued=frozenset(), quotes_across_sentences: bool = False) -> tuple[str, list[Token], list[tuple[int, int]]]:
    """Join PTB tokens ``(t_id, sentence, number, text)`` into readable text and offsets.

    The sentences numbered in ``own_lines`` (MEANTIME: title and dateline) end with a newline;
    the tokens at the positions in ``glued`` take no space before them (within a sentence).

    Straight quotes are ambiguous and alternate open/close. By default the alternation restarts
    at each sentence. With ``quotes_across_sentences`` (ECB+, whose straight quotes often open in
    one sentence and close in the next: '"Thompson was not so easy to box. I'm satisfied," said
    Klitschko') a quote left open carries into the next sentence, where it closes; a quote that
    starts a sentence always opens (a quote running over paragraphs reopens without closing)."""
    parts: list[str] = []
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    pos = 0
    prev_sentence: int | None = None
    glue_next = False  # the previous token attaches to the next one ("(", "$", an opening quote)
    quote_open = False  # straight quotes are ambiguous: alternate open/close within a sentence
    sent_start = 0
    for i, (t_id, sentence, _number, raw) in enumerate(raw_tokens):
        surface = _SURFACE.get(raw, raw)
        is_open = raw in ("``", "“") or (raw == '"' and not quote_open)
        is_close = raw in ("''", "”") or (raw == '"' and quote_open)
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence:
            sentences.append((sent_start, pos))
            sep = "\n" if prev_sentence in own_lines else " "
            if not quotes_across_sentences or prev_sentence in own_lines:
                quote_open = False
            is_open = raw in ("``", "\u201c", '"')
            is_close = raw in ("''", "\u201d")
        elif glue_next or is_close or (raw in _NO_SPACE_BEFORE and not is_open) or i in glued:
            sep = ""
        else:
            sep = " "
        pos += len(sep)
        if sentence != prev_sentence:
            sent_start = pos
        parts.append(sep)
        parts.append(surface)
        tokens.append(Token(t_id, sentence, _number, surface, pos, pos + len(surface)))
        pos += len(surface)
        if is_open:
            quote_open = True
        elif is_close:
            quote_open = False
        elif quotes_across_sentences and len(raw) > 1 and raw.count('"') == 1:
            # ECB+ sometimes leaves a quote on its word ('"Thompson'): it opens or closes all the same.
            quote_open = raw.startswith('"')
        glue_next = is_open or raw in _NO_SPACE_AFTER
        prev_sentence = sentence
    if tokens:
        sentences.append((sent_start, pos))
    return "".join(parts), tokens, sentences
