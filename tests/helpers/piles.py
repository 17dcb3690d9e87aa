"""Hand-written stories for the grouping tests (no tests here): an earthquake and a singer's stay
in rehab, three articles each, sharing no name; two earthquakes on one island that share their
names; and how a test makes an article of a text."""

from __future__ import annotations

from datetime import date

from storyline.core.ids import content_hash
from storyline.core.records import Article


def article(text: str, published: date | None = None, aid: str | None = None) -> Article:
    """An article of ``text`` with a content-hash id (as ingest gives one without an id)."""
    digest = content_hash(text)
    return Article(aid or f"a-{digest[:16]}", text, None, published, None, None, "test", "txt", digest)


def partition(groups) -> list[list[str]]:
    """The stories' article ids, order-free."""
    return sorted(sorted(g.articles) for g in groups)


QUAKE = [
    ("A magnitude 6.1 earthquake struck Qeshm Island in southern Iran on Sunday, killing at least 10 people. "
    "The quake flattened villages near the port of Qeshm, the Iranian Red Crescent said."),
    ("Rescuers searched rubble on Qeshm Island after the earthquake. Iranian officials said the quake "
    "destroyed homes in seven villages and the Red Crescent sent tents."),
    ("The death toll from the Qeshm earthquake rose as rescuers reached villages. Iran's Red Crescent said "
    "aftershocks shook the island through the night."),
]
REHAB = [
    ("Singer Mara Quinn checked into the Harbour Light rehab clinic on Tuesday, her publicist said. "
    "Quinn, 42, cancelled her tour dates in Lisbon."),
    ("Mara Quinn is in rehab at Harbour Light, a representative for the singer confirmed. Quinn's tour "
    "was cancelled last week."),
    ("Fans of Mara Quinn sent messages of support after the singer entered the Harbour Light clinic. "
    "Her publicist asked for privacy."),
]

# Two earthquakes on one island, three years apart: the same names and words but for the year,
# the magnitude, the toll, the village and the governor (what tells two events of one kind apart).
QUAKE_2005 = [
    ("An earthquake of magnitude 5.9 struck Qeshm Island in Iran in 2005, killing 13 people in the village of "
    "Tourian, the Red Crescent said."),
    ("The 2005 Qeshm Island earthquake flattened Tourian; governor Ali Sadeghi said 13 people died and the Red "
    "Crescent sent tents to Iran's island."),
    ("Rescuers in Tourian dug through rubble after the magnitude 5.9 quake on Qeshm Island, Iran; governor Ali "
    "Sadeghi put the toll at 13."),
    ("Iran's Red Crescent said the 2005 earthquake on Qeshm Island left Tourian in ruins and 13 dead, governor "
    "Ali Sadeghi told reporters."),
]
QUAKE_2008 = [
    ("An earthquake of magnitude 6.1 struck Qeshm Island in Iran in 2008, killing 10 people in the village of "
    "Salakh, the Red Crescent said."),
    ("The 2008 Qeshm Island earthquake flattened Salakh; governor Reza Kamali said 10 people died and the Red "
    "Crescent sent tents to Iran's island."),
    ("Rescuers in Salakh dug through rubble after the magnitude 6.1 quake on Qeshm Island, Iran; governor Reza "
    "Kamali put the toll at 10."),
    ("Iran's Red Crescent said the 2008 earthquake on Qeshm Island left Salakh in ruins and 10 dead, governor "
    "Reza Kamali told reporters."),
]
