"""Titles of films, shows, books and songs recognised from the contexts that introduce them.

Contexts (each a capitalised run of words, see :func:`names_spans.cap_run_end`):

- "the <Title> actress/star/director/..."  (a work role, from roles.json ``work_roles``)
- "the film/movie/series/album <Title>", "the set/premiere/sequel of <Title>", "star of <Title>"
- "<year>'s <Title>" with either apostrophe ("2010’s Black Swan")
- "starred/appeared in <Title>", "role in <Title>"
- "while making/filming/shooting <Title>" (a production verb in the gerund)
- "<Title>, the musical drama ..." (an apposition headed by a work noun)

Award names are reported separately so they never become people: as modifiers ("the Oscar
winner", blocked) and as names of the award itself ("won an Oscar", "her Oscar speech", "the
Academy Award"), which become an OTHER entity.
"""

from __future__ import annotations

import re

from storyline.read.doc import DocIndex
from storyline.read.entities.lexicon import Lexicon
from storyline.read.entities.spans import cap_run_end, is_cap

__all__ = ["find_works", "find_awards", "find_award_names", "AWARD_CANONICAL"]

_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "former", "fellow", "my", "our", "your"})
_OF_NOUNS = frozenset({"set", "premiere", "sequel", "remake", "production", "season", "episode", "trilogy", "cast",
                       "star", "stars", "director", "creator", "author", "writer", "producer", "lead", "reboot",
                       "finale", "filming", "shoot", "screening", "release", "actress", "actor", "singer"})
_IN_VERBS = frozenset({"star", "appear", "role", "cameo", "feature", "roles", "part", "turn", "performance", "co-star", "costar"})
_MAKING = frozenset({"making", "filming", "shooting", "recording", "directing", "producing", "promoting", "rehearsing"})
_APPOS_DETS = frozenset({"the", "a", "an", "his", "her", "their"})
_YEAR_POSS = re.compile(r"\b(1[89]\d\d|20\d\d)\s?['’]s\s+(?=[A-Z])")
_PLACE_TYPES = frozenset({"NORP", "GPE", "LOC", "ORG", "FAC"})
_OPEN_Q = frozenset({"“", '"', "‘"})
# "the video for Glass Heart", "the trailer for Iron Meridian": a title after "for".
_FOR_NOUNS = frozenset({"video", "videos", "trailer", "trailers", "soundtrack", "remix", "promo", "teaser"})
# One name for an award however it is called.
AWARD_CANONICAL = {"Oscar": "Academy Award", "Oscars": "Academy Award", "Academy Awards": "Academy Award",
                   "Emmys": "Emmy", "Grammys": "Grammy", "Golden Globes": "Golden Globe", "Olympics": "Olympic"}
# Before a one-word award name, these make it the award ("an Oscar", "her Oscar", "two Oscars").
_AWARD_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "first", "second",
                         "two", "three", "four", "five", "another", "no", "'s", "’s"})
# After a one-word award name, these make it the award ("Oscar night", "Emmy campaign").
_AWARD_NOUNS = frozenset({"night", "nights", "speech", "speeches", "nomination", "nominations", "nod", "nods",
                          "campaign", "race", "ceremony", "ceremonies", "telecast", "broadcast", "buzz", "season",
                          "statuette", "statuettes", "win", "wins", "glory", "party", "parties", "voters", "host",
                          "hosts", "contender", "contenders", "hopeful", "hopefuls", "favorite", "favourite"})


def _title_after(doc, i: int, limit: int) -> tuple[int, int] | None:
    """The title run starting at token ``i`` (skipping one opening quote), or None."""
    if i < limit and doc[i].text in _OPEN_Q:
        i += 1
    end = cap_run_end(doc, i, limit)
    # "Bettie Page: The Life of a Pin-Up Legend": a subtitle after a colon is the title's too, so
    # the subject's name that opens it is not taken for the whole title (nor spread to the subject).
    if i < end < limit - 1 and doc[end].text == ":" and (sub := cap_run_end(doc, end + 1, limit)) > end + 1:
        end = sub
    if end > i:
        return i, end
    return None


def find_awards(doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Token spans of award names used as modifiers: "Oscar winner", "Emmy-winning", "Oscar nominee"."""
    found = []
    idx = DocIndex.build(doc)  # token texts without a Token object per token
    texts, lowers = idx.texts, idx.lowers
    n = len(texts)
    for i, text in enumerate(texts):
        pair = i + 1 < n and f"{text} {texts[i + 1]}" in lex.awards
        if text not in lex.awards and not pair:
            continue
        j = i + 2 if pair else i + 1
        k = j
        while k < n and texts[k] in {"-", "–"}:
            k += 1
        if k < n and lowers[k] in lex.award_roles or (k < n and lowers[k].startswith("winning")):
            found.append((i, j))
        elif lowers[i] in {"oscars", "emmys", "grammys", "golden globes"}:
            found.append((i, j))
    return found


def find_award_names(doc, lex: Lexicon, blocked: set[int]) -> list[tuple[int, int, str]]:
    """``(start_tok, end_tok, canonical name)`` of award names naming the award itself.

    A two-word award ("Academy Award", "Golden Globe") always is one; a one-word award that is
    also a given name ("Oscar", "Tony") only after a determiner, possessive or number ("won an
    Oscar", "her Oscar speech"), in the plural ("two Oscars"), before "for" ("Emmy for best
    drama") or before a noun of awards ("Oscar night", "Emmy campaign"). Tokens in ``blocked`` (modifiers: "the Oscar winner") never start one.
    """
    found = []
    idx = DocIndex.build(doc)  # token texts without a Token object per token
    texts, lowers = idx.texts, idx.lowers
    n = len(texts)
    i = 0
    while i < n:
        two = f"{texts[i]} {texts[i + 1]}" if i + 1 < n else ""
        if two in lex.awards:
            j, name = i + 2, two
        elif texts[i] in lex.awards:
            j, name = i + 1, texts[i]
            prev = lowers[i - 1] if i > 0 else ""
            nxt = lowers[j] if j < n else ""
            if not (name.endswith("s") or prev in _AWARD_DETS or nxt == "for" or nxt in _AWARD_NOUNS):
                i += 1
                continue
        else:
            i += 1
            continue
        if not any(k in blocked for k in range(i, j)):
            found.append((i, j, AWARD_CANONICAL.get(name, name)))
        i = j
    return found


def find_works(idx: DocIndex, lex: Lexicon, blocked: set[int]) -> list[tuple[int, int, str]]:
    """``(start_tok, end_tok, context)`` for each title found; tokens in ``blocked`` never start one."""
    doc = idx.doc
    n = len(doc)
    found: dict[tuple[int, int], str] = {}

    def add(span: tuple[int, int] | None, why: str) -> None:
        if span is None or span[0] in blocked:
            return
        s, e = span
        if any(k in blocked for k in range(s, e)):
            return
        found.setdefault((s, e), why)

    # Every rule below starts at one of these words: the other tokens are skipped without
    # making a Token object for each (the loop was a fifth of the entities component's time).
    starts = lex.work_roles | lex.work_nouns | _OF_NOUNS | _FOR_NOUNS | _MAKING | {"in", ","}
    for i, low in enumerate(idx.lowers):
        if low not in starts:
            continue
        t = doc[i]
        sent_end = idx.sent_bounds[idx.sent_of[i]][1] if idx.sent_bounds else n
        # "the <Title> actress": scan left from the role noun over the capitalised run.
        if low in lex.work_roles and i > 0 and is_cap(doc[i - 1].text):
            j = i - 1
            while j > 0 and (is_cap(doc[j - 1].text) or doc[j - 1].like_num or doc[j - 1].text in {"of", "the", "&", "and"}):
                if doc[j - 1].lower_ in _DETERMINERS and not is_cap(doc[j - 1].text):
                    break
                if is_cap(doc[j - 1].text) and doc[j - 1].lower_ in _DETERMINERS:
                    break
                j -= 1
            while j < i and not is_cap(doc[j].text) and not doc[j].like_num:
                j += 1
            det = doc[j - 1].lower_ if j > 0 else ""
            if j < i and (det in _DETERMINERS or doc[j - 1].text in {"'s", "’s"}):
                single = doc[j] if j + 1 == i else None
                # "the French actress", "the Hollywood star": a nationality or place, not a title.
                if single is None or not (
                    single.text in lex.awards or single.ent_type_ in _PLACE_TYPES or single.pos_ == "ADJ"
                ):
                    add((j, i), "role")
        # "the film Black Swan", "the set of Black Swan", "star of Black Swan".
        if low in lex.work_nouns and i + 1 < n and not is_cap(t.text):
            if doc[i + 1].lower_ == "of" and low in _OF_NOUNS:
                add(_title_after(doc, i + 2, sent_end), "of")
            elif low not in _OF_NOUNS or low in {"series", "show"}:
                add(_title_after(doc, i + 1, sent_end), "noun")
        elif low in _OF_NOUNS and low not in lex.work_nouns and i + 1 < n and doc[i + 1].lower_ == "of":
            add(_title_after(doc, i + 2, sent_end), "of")
        # "the music video for Glass Heart": a title after a promotional work noun and "for".
        if low in _FOR_NOUNS and i + 2 < n and doc[i + 1].lower_ == "for" and doc[i + 2].ent_type_ not in _PLACE_TYPES:
            add(_title_after(doc, i + 2, sent_end), "for")
        # "while making Red Lantern": the gerund of a production verb takes a title.
        # Not "After the shooting Gray was rushed" (a noun, after a determiner) nor "making
        # Gigante's patron" (the possessor of what is made), nor a capitalised one, which in a
        # Title Case line is as likely a noun ("Kraft Shooting Suspect", "Shooting Spree").
        if low in _MAKING and i + 1 < n and t.text.islower() and not (i > 0 and doc[i - 1].lower_ in _DETERMINERS):
            span = _title_after(doc, i + 1, sent_end)
            if span is None or span[1] >= n or doc[span[1]].text not in {"'s", "’s"}:
                add(span, "making")
        # "Red Lantern, the musical drama he choreographed": a title in apposition to a work noun.
        if t.text == "," and i > 0 and is_cap(doc[i - 1].text) and i + 2 < n and doc[i + 1].lower_ in _APPOS_DETS:
            k = i + 2
            while k < min(n, i + 5) and doc[k].lower_ not in lex.work_nouns and doc[k].is_alpha and not is_cap(doc[k].text):
                k += 1
            if k < n and doc[k].lower_ in lex.work_nouns and doc[k].lower_ not in _OF_NOUNS and not (
                k + 1 < n and (doc[k + 1].text in {"'s", "’s"} or doc[k + 1].pos_ == "NOUN")  # 'the show’s host', 'drama coach'
            ):
                j = i - 1
                sent_start = idx.sent_bounds[idx.sent_of[i]][0] if idx.sent_bounds else 0
                while j - 1 >= sent_start and is_cap(doc[j - 1].text) and doc[j - 1].lower_ not in _DETERMINERS:
                    j -= 1
                if j > sent_start and doc[j - 1].lower_ in {"of", "in", "making", "on", "from", "and", "with"} | _MAKING:
                    add((j, i), "appos")
        # "starred in Black Swan", "her role in Red Lantern".
        if low == "in" and i > 0 and i + 1 < n and (doc[i - 1].lemma_.lower() in _IN_VERBS or doc[i - 1].lower_ in _IN_VERBS):
            add(_title_after(doc, i + 1, sent_end), "in")
    for m in _YEAR_POSS.finditer(idx.text):
        k = idx.token_at(m.end())
        if k is not None:
            sent_end = idx.sent_bounds[idx.sent_of[k]][1] if idx.sent_bounds else n
            add(_title_after(doc, k, sent_end), "year")
    return sorted((s, e, why) for (s, e), why in found.items())
