"""Random (but seeded) messy readings for reconcile's property tests (no tests here): names that
overlap (full names, surnames, first names, epithets), every class and source kind, dates right
and wrong, denials, groups and ages, in 1-6 articles a seed."""

import random

from helpers.builders import ArticleBuilder

PEOPLE = ["Mara Quinn", "Theo Vance", "Ali Reyes", "Mara Ellison", "Quinn", "Mara", "the singer", "Ben Vance"]
CLASSES = ["marriage", "separation", "meeting", "affair", "children", "age", "residence", "feeling", "statement",
           "appearance", "denial", None]
KINDS = ["named_person", "anonymous", "outlet", "other_media", "social_media", "document", "observation", "rumor",
         "unattributed"]
TEXTS = ["{a} married {b} in {d}", "{a} and {b} split in {d}", "{a} denied the affair with {b}",
         "{a} has two children", "{a} has three kids", "{a} is 42", "{a} lives in Lisbon in {d}",
         "{a} marked a 10th wedding anniversary on {d}", "{a} left after 11 years of marriage in {d}",
         "{a} was seen with {b} in {d}", "the reports about {a} are false", "{a} and {b} first met on the {d} set of Dawn"]
DATES = ["2012", "2011", "August 2023", "2023-08-04", "June 2010"]
VALUES = {"2012": "2012", "2011": "2011", "August 2023": "2023-08", "2023-08-04": "2023-08-04", "June 2010": "2010-06"}
OUTLETS = ["Daily Lumen", "Star Ledger", "Pop Wire", None]


def random_corpus(seed: int):
    """The articles of one seed: hand-built readings (``helpers.builders``)."""
    rng = random.Random(seed)
    out = []
    for i in range(rng.randint(1, 6)):
        b = ArticleBuilder(f"r{seed}-{i}", rng.choice(OUTLETS), rng.choice(["2024-01-17", "2023-08-16", None, "2024-02-01T10:00:00"]))
        ents = [b.person(n, aliases=tuple(rng.sample(PEOPLE, 2))) for n in rng.sample(PEOPLE, 3)]
        b.entity("Lisbon", "GPE")
        if rng.random() < 0.5:
            b.group("the pair", ents[:2])
        for _ in range(rng.randint(0, 8)):
            d = rng.choice(DATES)
            text = rng.choice(TEXTS).format(a="Quinn", b="Vance", d=d)
            when = VALUES[d] if d in text and rng.random() < 0.8 else None
            b.claim(text, subject=rng.choice(ents + [None]), object=rng.choice(ents + [None, "the reports"]),
                    pclass=rng.choice(CLASSES), when=when, when_text=d if when else None, kind=rng.choice(KINDS),
                    source_text=rng.choice(["a source", "Daily Lumen", "Vance", None]), via=rng.choice([None, "Pop Wire", "the magazine"]),
                    key=rng.choice(["anonymous:1", "anonymous:2", None]), polarity=rng.choice(["positive", "negative"]),
                    quote=rng.choice(["direct", "indirect", "none"]))
        for e in ents[:2]:
            if rng.random() < 0.5:
                b.age(e, rng.randint(40, 45), f"Quinn, {rng.randint(40, 45)}, smiled.")
        out.append(b.build())
    return out
