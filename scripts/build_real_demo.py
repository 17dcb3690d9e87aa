#!/usr/bin/env python3
"""Build storyline's second demo story, made of real news, from the ECB+ corpus (CC BY 3.0).

``storyline demo --story real`` reads the folder this writes: the eleven articles of ECB+
sub-topic 20ecbplus about the earthquake that struck Qeshm island, Iran, on 27 November 2005
(BBC, USA Today, The New York Times, the Los Angeles Times, CBC and six others). Real outlets
disagree there as a fact-checker sees every day: magnitude 5.9 or 6.1, 70, 80 or about 50
injured, a death toll that rises from "at least three" to 10 (an update, not a contradiction).

The text is ECB+'s own: tokens joined as ``eval/ecbplus_corpus.py`` rebuilds them for the
evaluation (so spacing around some punctuation differs from the pages as published). The front
matter gives each article's outlet, its publication date as its dateline states it, its headline
and the URL ECB+ records for it; those are the table below, read off each article by hand.

    python scripts/build_real_demo.py [--root ../shared/eval-data/ecbplus_dev] [--out src/storyline/demo_real]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

from ecbplus_corpus import default_root, load_corpus, subtopics  # noqa: E402

SUBTOPIC = "20ecbplus"
# file -> (outlet, published as the dateline says, headline as written in the article, or None)
ARTICLES = {
    "20_1ecbplus": ("BBC News", "2005-11-28", "Ten dead in southern Iran quake"),
    "20_2ecbplus": ("Payvand Iran News", "2005-11-28", "Aftershocks jolt Iran's Qeshm island, death toll rises to 10"),
    "20_3ecbplus": ("USA Today", "2005-11-27", "Strong earthquake jolts southern Iran, felt in Oman"),
    "20_4ecbplus": ("TerraDaily", "2005-11-28", "Iran Villagers Shelter In Tents After Killer Quake"),
    "20_5ecbplus": ("Softpedia", "2005-11-28", "5.9 Earthquake Jolts Iran"),
    "20_6ecbplus": ("Democratic Underground", "2005-11-27", "'Several die' in south Iran quake"),
    "20_7ecbplus": ("CBC News", "2005-11-27", None),  # ECB+ kept no headline for it
    "20_8ecbplus": ("The New York Times", "2005-11-28", "Powerful Quake in Iran Kills 10; 80 Hurt and 7 Villages Damaged"),
    "20_9ecbplus": ("AME Info", "2005-11-27", "Iranian earthquake tremor hits Dubai"),
    "20_10ecbplus": ("Secret Dubai diary", "2005-11-27", "Did the earth move for you?"),
    "20_11ecbplus": ("Los Angeles Times", "2005-11-28", "Earthquake Levels Villages on Iranian Island of Qeshm"),
}

README = """# The real demo story: the Qeshm earthquake of 27 November 2005

`storyline demo --story real` reads this folder. The eleven articles are real news from the
**ECB+ corpus** (Agata Cybulska and Piek Vossen, "Using a sledgehammer to crack a nut? Lexical
diversity and event coreference resolution", LREC 2014), sub-topic 20ecbplus, distributed under the
**Creative Commons Attribution 3.0** licence (https://creativecommons.org/licenses/by/3.0/); taken
from the ECB+_LREC2014 folder of the public repository tommasoc80/EventStoryLine. Changes: the
text is rebuilt from ECB+'s tokens (spacing around some punctuation differs from the pages as
published), and a front matter gives each article's outlet, date, headline and URL.

Rebuild with `python scripts/build_real_demo.py` (needs `../shared/eval-data/ecbplus_dev`).

| file | outlet | published |
|---|---|---|
"""


def build(root: Path, out: Path) -> list[Path]:
    docs = {d.name: d for d in subtopics(load_corpus(root, [20]))[SUBTOPIC]}
    if set(docs) != set(ARTICLES):
        raise SystemExit(f"{root}: sub-topic {SUBTOPIC} has {sorted(docs)}, expected {sorted(ARTICLES)}")
    out.mkdir(parents=True, exist_ok=True)
    written, rows = [], []
    for name, (outlet, published, title) in ARTICLES.items():
        doc = docs[name]
        if title is not None and title not in doc.text:
            raise SystemExit(f"{name}: the headline {title!r} is not in the article's text")
        front = [f"id: ecbplus-{name.replace('ecbplus', '')}", f"outlet: {outlet}", f"published: {published}",
                 *([f"title: {title}"] if title else []), f"url: {doc.url}"]
        path = out / f"{published}-{name}.txt"
        path.write_text("---\n" + "\n".join(front) + "\n---\n" + doc.text.strip() + "\n", "utf-8")
        written.append(path)
        rows.append(f"| {path.name} | {outlet} | {published} |")
    (out / "README.md").write_text(README + "\n".join(rows) + "\n", "utf-8")
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=default_root(), help="the ecbplus_dev folder")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "storyline" / "demo_real")
    args = ap.parse_args()
    for path in build(args.root, args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
