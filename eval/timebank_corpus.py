"""Reader for TimeBank 1.2 + AQUAINT in TempEval-3's TimeML ("TBAQ-cleaned").

Each ``.tml`` file gives a document creation time (``<DCT><TIMEX3 value=...>``) and a ``<TEXT>``
whose gold ``TIMEX3`` (and EVENT, SIGNAL) tags are inline. The reader strips the tags from the
``<TEXT>`` part, keeps every character of it (XML entities decoded) and records each gold
TIMEX3's character span in that text. Only ``<TEXT>`` is scored, as in TempEval-3: the title and
the wire service's EXTRAINFO are not part of it.

Split (fixed, by rule, before any tuning): the files of both folders sorted by (folder, name),
every third one (index 2, 5, 8, ...) is **held back** and scored only to report; the others are
the **dev** part the tagger's rules were improved on.

Location: ``../shared/eval-data/timebank_aquaint`` relative to the repository, or the folder
named by ``$STORYLINE_TIMEBANK`` (each script also takes ``--root``).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

__all__ = ["TimebankDoc", "GoldTimex", "default_root", "load_corpus", "split", "PARTS"]

FOLDERS = ("TimeBank", "AQUAINT")
PARTS = ("dev", "heldback", "all")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str
    mod: str | None = None


@dataclass
class TimebankDoc:
    doc_id: str
    corpus: str  # "TimeBank" | "AQUAINT"
    path: Path
    text: str
    dct: date | None
    gold: list[GoldTimex]

    @property
    def words(self) -> int:
        return len(self.text.split())


def default_root() -> Path:
    """``$STORYLINE_TIMEBANK``, else ``../shared/eval-data/timebank_aquaint`` beside the repository."""
    env = os.environ.get("STORYLINE_TIMEBANK")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "timebank_aquaint"


def read_document(path: Path, corpus: str = "") -> TimebankDoc:
    """One TimeML file: its DCT, the plain text of ``<TEXT>`` and the gold TIMEX3 spans in it."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = None
    if dct_el is not None and dct_el.get("value"):
        try:
            dct = date.fromisoformat(dct_el.get("value", "")[:10])
        except ValueError:
            dct = None
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element (is this a TimeML file?)")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(text_el, parts, gold, top=True)
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return TimebankDoc(doc_id, corpus, path, "".join(parts), dct, gold)


def _flatten(el: ET.Element, parts: list[str], gold: list[GoldTimex], *, top: bool = False) -> None:
    start = sum(map(len, parts))
    if el.text:
        parts.append(el.text)
    for child in el:
        _flatten(child, parts, gold)
    if el.tag == "TIMEX3" and not top:
        end = sum(map(len, parts))
        text = "".join(parts)[start:end]
        gold.append(GoldTimex(start, end, el.get("type", ""), el.get("value", ""), text, el.get("mod")))
    if el.tail and not top:
        parts.append(el.tail)


def load_corpus(root: Path | None = None) -> list[TimebankDoc]:
    """Every document of both folders, sorted by (folder, file name).

    Raises FileNotFoundError naming the folder when the data is absent."""
    root = Path(root) if root is not None else default_root()
    docs = []
    for folder in FOLDERS:
        where = root / folder
        if not where.is_dir():
            raise FileNotFoundError(
                f"TimeBank/AQUAINT folder not found: {where} (set --root or $STORYLINE_TIMEBANK to the "
                "folder holding TimeBank/ and AQUAINT/)"
            )
        docs.extend(read_document(p, folder) for p in sorted(where.glob("*.tml")))
    return docs


def split(docs: list[TimebankDoc], part: str) -> list[TimebankDoc]:
    """The ``dev`` part, the ``heldback`` part (every third document) or ``all``."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose one of {PARTS}")
    if part == "all":
        return list(docs)
    held = part == "heldback"
    return [d for i, d in enumerate(docs) if (i % 3 == 2) == held]
