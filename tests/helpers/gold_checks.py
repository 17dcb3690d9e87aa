"""Checks shared by the attribution gold validity tests (the tuning gold and the held-out set
follow one set of guidelines, tests/gold/README.md, so they share one checker). Not a test module.
"""

from __future__ import annotations

import re
from datetime import date
from typing import get_args

from storyline.core.records import SOURCE_KINDS, Certainty, Polarity, QuoteType

CERTAINTIES = set(get_args(Certainty))
POLARITIES = set(get_args(Polarity))
QUOTES = set(get_args(QuoteType))
LAYOUTS = {"before", "after", "inverted", "split", "continuation", "multi_paragraph", "partial", "nested",
           "unbalanced"}
OPENING_MARKS = ("\u201c", "\u2018", '"', "'")
ANON_ID = re.compile(r"^anonymous:(\d+)$")
# Kinds the golds cover. ``organization`` was added to the contract after the golds were written;
# their texts avoid organisations speaking (tests/gold/README.md, "Source kinds"), so it has no
# coverage minimum there.
GOLD_KINDS = tuple(k for k in SOURCE_KINDS if k != "organization")
# Hedge labels that name a construction rather than a word of the text.
HEDGE_LABELS = {"question"}

def occurrences(text: str, s: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``s`` in ``text``."""
    hits, pos = [], text.find(s)
    while pos != -1:
        hits.append(pos)
        pos = text.find(s, pos + 1)
    return hits


def locate(text: str, s: str, occurrence: int | None) -> int | None:
    """Offset of ``s`` per the gold convention: unique, or the ``occurrence``-th (0-based) one."""
    hits = occurrences(text, s)
    if occurrence is None:
        return hits[0] if len(hits) == 1 else None
    return hits[occurrence] if 0 <= occurrence < len(hits) else None


def article_problems(art: dict) -> list[str]:
    text = art["text"]
    problems: list[str] = []
    entity_names = {e["name"] for e in art.get("entities", [])}
    outlet_mentions = {art["outlet"]} | {
        m for e in art.get("entities", []) if e["name"] == art["outlet"] for m in e["mentions"]
    }
    outlets = {art["outlet"]} | {e["name"] for e in art.get("entities", []) if e["type"] == "OUTLET"}
    for e in art.get("entities", []):
        for m in e["mentions"]:
            if m not in text:
                problems.append(f"entity mention {m!r} not in text")
    seen_anon: list[int] = []
    for i, a in enumerate(art["attributions"]):
        where = f"#{i} {a['content'][:40]!r}"
        kind, quote, source = a["kind"], a["quote"], a["source"]
        if kind not in SOURCE_KINDS:
            problems.append(f"{where}: kind {kind!r}")
        if a["certainty"] not in CERTAINTIES:
            problems.append(f"{where}: certainty {a['certainty']!r}")
        if a["polarity"] not in POLARITIES:
            problems.append(f"{where}: polarity {a['polarity']!r}")
        if quote not in QUOTES:
            problems.append(f"{where}: quote {quote!r}")
        if not isinstance(a["out_of_sentence"], bool):
            problems.append(f"{where}: out_of_sentence must be a boolean")
        if a.get("layout") is not None and a["layout"] not in LAYOUTS:
            problems.append(f"{where}: layout {a['layout']!r}")

        cpos = locate(text, a["content"], a.get("occurrence"))
        if cpos is None:
            problems.append(f"{where}: content not found (or ambiguous without occurrence)")
            continue
        content = a["content"]
        if content != content.strip() or content.endswith((",", ".", ";", ":")):
            problems.append(f"{where}: content must not carry edge spaces or trailing , . ; :")
        if source is not None and locate(text, source, a.get("source_occurrence")) is None:
            problems.append(f"{where}: source {source!r} not found (or ambiguous without source_occurrence)")
        if a.get("cue") is not None and a["cue"].lower() not in text.lower():
            problems.append(f"{where}: cue {a['cue']!r} not in text")
        for h in a.get("hedges", []):
            if h not in HEDGE_LABELS and h.lower() not in text.lower():
                problems.append(f"{where}: hedge {h!r} not in text")
        if a["certainty"] != "certain" and not a.get("hedges"):
            problems.append(f"{where}: non-certain attribution must name its hedge")

        # Quote conventions (README: "Content spans").
        if quote == "direct":
            if cpos == 0 or not text[cpos - 1] in OPENING_MARKS:
                problems.append(f"{where}: direct content must start right after an opening quote mark")
            if a.get("layout") is None:
                problems.append(f"{where}: direct quotes carry a layout")
        elif a.get("layout") is not None:
            problems.append(f"{where}: layout is only for direct quotes")
        if quote == "indirect" and content.lower().startswith("that "):
            problems.append(f"{where}: indirect content excludes the complementiser 'that'")
        if kind in ("unattributed", "observation") and quote != "none":
            problems.append(f"{where}: {kind} has quote 'none'")
        if quote == "none" and kind not in ("unattributed", "observation"):
            problems.append(f"{where}: only unattributed/observation have quote 'none'")

        # Source conventions (README: "Source kinds" and "Sources").
        if kind == "unattributed" and (source or a.get("cue") or a.get("source_id")):
            problems.append(f"{where}: unattributed has no source, cue or source_id")
        if kind == "observation" and source is not None:
            problems.append(f"{where}: observation has no source mention")
        if kind not in ("unattributed", "observation", "rumor") and source is None:
            problems.append(f"{where}: {kind} needs a source mention")
        if kind == "rumor" and source is None and not a.get("cue"):
            problems.append(f"{where}: a carrier-less rumor needs its cue ('reportedly')")
        if kind == "anonymous":
            m = ANON_ID.match(a.get("source_id") or "")
            if not m:
                problems.append(f"{where}: anonymous needs source_id 'anonymous:N'")
            else:
                n = int(m.group(1))
                if n not in seen_anon:
                    if n != len(seen_anon) + 1:
                        problems.append(f"{where}: anonymous ids are numbered in order of introduction")
                    seen_anon.append(n)
        elif a.get("source_id") is not None:
            problems.append(f"{where}: source_id is only for anonymous sources")
        if kind in ("named_person", "social_media") and not a.get("source_entity"):
            problems.append(f"{where}: {kind} names its person in source_entity")
        if a.get("source_entity") and a["source_entity"] not in entity_names:
            problems.append(f"{where}: source_entity {a['source_entity']!r} not among the article's entities")
        if a.get("via") is not None and a["via"] not in outlets:
            problems.append(f"{where}: via {a['via']!r} is neither the outlet nor an OUTLET entity")
        if kind == "outlet" and source.lower() != "we" and source not in outlet_mentions:
            problems.append(f"{where}: outlet source must name the publishing outlet")
        if kind == "other_media" and source in outlet_mentions:
            problems.append(f"{where}: the publishing outlet's own reporting is kind 'outlet'")
        if a.get("nested") and a.get("layout") != "nested":
            problems.append(f"{where}: nested quotes have layout 'nested'")
    return problems


def file_shape_problems(data: dict, n_articles: tuple[int, int], n_words: tuple[int, int]) -> list[str]:
    """Problems with a gold file's overall shape (inline texts, ids, dates, lengths, quote marks)."""
    problems = []
    articles = data["articles"]
    if data["corpus"] is not None:
        problems.append("texts must be inline (corpus: null)")
    if not n_articles[0] <= len(articles) <= n_articles[1]:
        problems.append(f"{len(articles)} articles, expected {n_articles[0]}-{n_articles[1]}")
    ids = [a["id"] for a in articles]
    if len(ids) != len(set(ids)):
        problems.append("article ids are not unique")
    for art in articles:
        try:
            date.fromisoformat(art["published"])
        except ValueError:
            problems.append(f"{art['id']}: published is not an ISO date")
        if not art.get("outlet"):
            problems.append(f"{art['id']}: no outlet")
        words = len(art["text"].split())
        if not n_words[0] <= words <= n_words[1]:
            problems.append(f"{art['id']}: {words} words, expected {n_words[0]}-{n_words[1]}")
        curly = any(m in art["text"] for m in "\u201c\u201d")
        if art["quote_marks"] != ("curly" if curly else "straight"):
            problems.append(f"{art['id']}: quote_marks does not match the text")
        if curly and '"' in art["text"]:
            problems.append(f"{art['id']}: mixes straight double marks into a curly article")
    return problems
