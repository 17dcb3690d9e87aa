"""Two small hand-written stories for the grouping tests (no tests here): an earthquake and a
singer's stay in rehab, three articles each, sharing no name."""

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
