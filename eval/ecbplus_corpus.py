"""Reader for the ECB+ corpus (Cybulska & Vossen 2014; CAT/CROMER XML, CC BY 3.0).

Each file ``ECB+/<topic>/<topic>_<n>ecb.xml`` or ``..._<n>ecbplus.xml`` holds tokens (with
sentence numbers), mention markables anchored on tokens (``ACTION_*``/``NEG_ACTION_*`` events,
``HUMAN_PART_*``/``NON_HUMAN_PART*`` participants, ``TIME_*``, ``LOC_*``), token-less instance
markables (with ``instance_id``/``TAG_DESCRIPTOR``) and coreference relations:

- ``CROSS_DOC_COREF``: sources are mentions, the target an instance markable; the relation's
  ``note`` names the cross-document instance (``ACT…``, ``HUM…``);
- ``INTRA_DOC_COREF``: a within-document chain that takes part in no cross-document relation
  (its target is a document-local instance markable).

A mention in neither is a gold singleton. :attr:`EcbMention.gold` holds the cluster label:
``instance_id`` for cross-document chains, ``<file>#<target m_id>`` for in-document chains,
``<file>#<m_id>`` for singletons. Instance ids are global; callers that score one sub-topic as
one story scope them by sub-topic (60 of the 1,800 instances in topics 1-35 span two sub-topics).

Text: the tokens are joined into readable text with ``meantime_corpus.rebuild_text`` (no
space before ``, . 's n't``..., PTB quotes made straight) and each token keeps its character
offsets. The first text sentence (the headline) ends with a newline. In ``ecbplus`` files
sentence 0 is the source URL split into tokens: it is left out of the text and kept as
:attr:`EcbDoc.url` (no annotation sits on it).

Validated sentences: ``ECBplus_coreference_sentences.csv`` lists the sentences whose mentions
and coreference were checked; the release README and the literature (Cybulska & Vossen 2015;
Barhom et al. 2019 and later work) score only mentions in those sentences.
:attr:`EcbMention.validated` says whether a mention lies in one.

Usage::

    from ecbplus_corpus import load_corpus, subtopics
    docs = load_corpus(topics=[1, 2])
    for sub, sub_docs in subtopics(docs).items():   # "1ecb", "1ecbplus", ...
        for d in sub_docs:
            d.text, d.events(), d.people()
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from meantime_corpus import Token, rebuild_text

__all__ = [
    "EcbDoc",
    "EcbMention",
    "default_root",
    "load_corpus",
    "load_document",
    "load_validated",
    "parse_topics",
    "subtopics",
]

EVENT_PREFIXES = ("ACTION_", "NEG_ACTION_")
PERSON_TAG = "HUMAN_PART_PER"
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)$")
_CLITICS = frozenset({"s", "t", "re", "m", "ve", "d", "ll"})
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred".split()
)
# left parts of hyphenated words ("co - workers", "anti - piracy", "all - time", "36 - year - old")
_HYPHEN_LEFT = _NUMBER_WORDS | frozenset(
    "co anti pro multi non ex self re pre post all high low well long short full part half first second "
    "third fourth fifth top mid year month week day north south east west magnitude".split()
)


@dataclass
class EcbMention:
    m_id: str
    tag: str  # ACTION_OCCURRENCE, HUMAN_PART_PER, ...
    tokens: list[Token]  # in text order
    start: int
    end: int
    text: str
    sentence: int
    gold: str = ""  # cluster label (see the module docstring)
    validated: bool = False

    @property
    def is_event(self) -> bool:
        return self.tag.startswith(EVENT_PREFIXES)

    @property
    def is_person(self) -> bool:
        return self.tag == PERSON_TAG


@dataclass
class EcbDoc:
    name: str  # "1_10ecbplus"
    topic: int
    subtopic: str  # "1ecbplus"
    path: Path
    text: str
    url: str | None
    tokens: list[Token]
    sentences: dict[int, tuple[int, int]]  # sentence number -> (start, end) offsets in text
    validated_sentences: set[int]
    mentions: dict[str, EcbMention] = field(default_factory=dict)
    instances: dict[str, dict[str, str]] = field(default_factory=dict)  # instance m_id -> attributes

    def events(self, *, validated_only: bool = True) -> list[EcbMention]:
        return self._select(lambda m: m.is_event, validated_only)

    def people(self, *, validated_only: bool = True) -> list[EcbMention]:
        return self._select(lambda m: m.is_person, validated_only)

    def _select(self, keep, validated_only: bool) -> list[EcbMention]:
        found = [m for m in self.mentions.values() if keep(m) and (m.validated or not validated_only)]
        return sorted(found, key=lambda m: (m.start, m.end))


def default_root() -> Path:
    """``../shared/eval-data/ecbplus_dev`` relative to the repository root."""
    return Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "ecbplus_dev"


def parse_topics(spec: str | None) -> list[int] | None:
    """'1-5,8,10-12' -> [1, 2, 3, 4, 5, 8, 10, 11, 12]; None/'' -> None (all)."""
    if not spec:
        return None
    out: list[int] = []
    for part in spec.replace(" ", ",").split(","):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def load_validated(root: Path) -> dict[str, set[int]]:
    """File name ('1_10ecbplus') -> validated sentence numbers, from the CSV (empty if absent)."""
    path = Path(root) / "ECBplus_coreference_sentences.csv"
    out: dict[str, set[int]] = {}
    if not path.is_file():
        return out
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    return out


def load_corpus(root: Path | None = None, topics: list[int] | None = None) -> list[EcbDoc]:
    """Every document of the given topics (default: all folders), sorted by topic, sub-topic, number.

    Raises FileNotFoundError naming the missing path when the corpus is absent.
    """
    root = Path(root or default_root())
    base = root / "ECB+"
    if not base.is_dir():
        raise FileNotFoundError(f"ECB+ directory not found: {base} (pass --root to point at ecbplus_dev)")
    validated = load_validated(root)
    folders = sorted((p for p in base.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
    if topics is not None:
        folders = [p for p in folders if int(p.name) in set(topics)]
    docs = [load_document(path, validated) for folder in folders for path in folder.glob("*.xml")]
    docs.sort(key=lambda d: (d.topic, d.subtopic, _number(d.name)))
    return docs


def subtopics(docs: list[EcbDoc]) -> dict[str, list[EcbDoc]]:
    """Documents grouped by sub-topic ('1ecb', '1ecbplus', ...), in corpus order."""
    out: dict[str, list[EcbDoc]] = {}
    for d in docs:
        out.setdefault(d.subtopic, []).append(d)
    return out


def _number(name: str) -> int:
    match = _NAME.match(name)
    return int(match[2]) if match else 0


def _glued(words: list[str], sents: list[int]) -> set[int]:
    """Positions of tokens to write without a space before them, undoing ECB+ tokenisation splits.

    "Lohan’ s" -> "Lohan’s", "6. 4" / "4: 59" / "6, 000" -> "6.4" / "4:59" / "6,000", initials
    ("U. S." -> "U.S.", "a. m." -> "a.m."), and hyphens after numbers, number words and common
    prefixes ("36 - year - old" -> "36-year-old"); a hyphen after any other word stays spaced, as
    it is often a dash ("California - the").
    """
    out = set()
    for i in range(2, len(words)):
        if sents[i] != sents[i - 2]:
            continue
        a, b, c = words[i - 2], words[i - 1], words[i]
        if b in ("’", "'") and c.lower() in _CLITICS and a[-1:].isalpha():
            out.add(i)
        elif a.isdigit() and c.isdigit() and (b in (".", ":") or (b == "," and len(a) <= 3 and len(c) == 3)):
            out.add(i)
        elif b == "." and len(a) == len(c) == 1 and a.isalpha() and c.isalpha() and c != "I":
            out.add(i)  # "U. S." -> "U.S.", "1:30 a. m." -> "1:30 a.m."
        elif b == "-" and c[:1].isalnum() and (a.isdigit() or a.lower() in _HYPHEN_LEFT or c.lower() == "old"):
            out.update((i - 1, i))
    return out


def load_document(path: Path, validated: dict[str, set[int]] | None = None) -> EcbDoc:
    """Parse one ECB+ XML file; ``validated`` maps file names to validated sentence numbers."""
    root = ET.parse(path).getroot()
    name = path.stem
    match = _NAME.match(name)
    if not match:
        raise ValueError(f"unexpected ECB+ file name: {path.name}")
    topic, kind = int(match[1]), match[3]
    raw = [(el.get("t_id", ""), int(el.get("sentence", "0")), int(el.get("number", "0")), el.text or "")
           for el in root.iter("token")]
    url = None
    if kind == "ecbplus":
        url = "".join(r[3] for r in raw if r[1] == 0) or None
        raw = [r for r in raw if r[1] != 0]
    first = raw[0][1] if raw else 0
    text, tokens, _ = rebuild_text(raw, own_lines=(first,), glued=_glued([r[3] for r in raw], [r[1] for r in raw]),
                                   quotes_across_sentences=True)
    by_tid = {t.t_id: t for t in tokens}
    sentences: dict[int, tuple[int, int]] = {}
    for t in tokens:
        lo, hi = sentences.get(t.sentence, (t.start, t.end))
        sentences[t.sentence] = (min(lo, t.start), max(hi, t.end))
    checked = (validated or {}).get(name, set())

    mentions: dict[str, EcbMention] = {}
    instances: dict[str, dict[str, str]] = {}
    section = root.find("Markables")
    for el in section if section is not None else ():
        m_id = el.get("m_id", "")
        anchored = sorted((by_tid[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in by_tid),
                          key=lambda t: t.start)
        if not anchored:
            instances[m_id] = {"tag": el.tag, **el.attrib}
            continue
        start, end = anchored[0].start, anchored[-1].end
        sentence = anchored[0].sentence
        mentions[m_id] = EcbMention(m_id, el.tag, anchored, start, end, text[start:end], sentence,
                                    gold=f"{name}#{m_id}", validated=sentence in checked)

    section = root.find("Relations")
    intra: list[tuple[list[str], str]] = []
    for el in section if section is not None else ():
        sources = [s.get("m_id", "") for s in el.findall("source")]
        target = next((t.get("m_id", "") for t in el.findall("target")), "")
        if el.tag == "CROSS_DOC_COREF":
            label = el.get("note") or instances.get(target, {}).get("instance_id") or f"{name}#{target}"
            for s in sources:
                if s in mentions:
                    mentions[s].gold = label
        elif el.tag == "INTRA_DOC_COREF":
            intra.append((sources, f"{name}#{target}"))
    for sources, label in intra:  # cross-document chains win (the release removed such overlaps)
        for s in sources:
            if s in mentions and mentions[s].gold == f"{name}#{s}":
                mentions[s].gold = label

    return EcbDoc(name, topic, f"{topic}{kind}", path, text, url, tokens, sentences, checked, mentions, instances)
