"""Lines written in Title Case (headlines, decks) and the shape of a person's name.

A headline capitalises every content word ("Lindsay Lohan Checks Into Betty Ford Center"), so
capitals say nothing there about names: the tagger reads "Lindsay Lohan Checks" as one person.
:func:`title_case_tokens` finds such lines; the people rules build no name from them and accept
only names the article confirms elsewhere.

:func:`trim_name` cuts a candidate name to the words that can be a person's name, using what
WordNet knows of each capitalised word (:mod:`storyline.core.words`), never a list of words:

- a name ending in a common noun of a place, a building or a body of people ("Betty Ford Center",
  "Jefferson University Hospital", "George Peabody College") names that, not a person;
- a common noun that names no one ends the name ("Lindsay Lohan Checks" -> "Lindsay Lohan",
  "Brian Nichols Saturday" -> "Brian Nichols"), as does a function word ("... Jr. On");
- a leading kind of person is a title, not a name ("Constable Tim Fanning", "Trooper William Hakim"),
  and a leading inflected verb is the headline's deed ("Nominates Regina Benjamin");
- a single word that is a common word of English and no one's name ("Riot", "Kneeling") is no name,
  nor is an abbreviation: a word with no vowel before its period ("Sgt.", "Ch. 4").

A word WordNet knows as someone's name ("Hall", "Page", "Ford") or a known given name (the
nickname table) always stays.
"""

from __future__ import annotations

import re
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.core import words
from storyline.read.doc import DocIndex
from storyline.read.entities.lexicon import Lexicon
from storyline.read.entities.spans import is_cap

__all__ = ["caps_line_tokens", "common_word", "inflected_verb", "institution_word", "natural_place_word", "title_case_tokens",
           "trim_name"]

# What a name ending in a common noun names when that noun is a place, a building or a body: a
# sense in noun.group or noun.location ("College", "Center", "County"), or a man-made or natural
# thing under one of these WordNet roots ("Hospital": a building, "Street": a way, "Lake": a body
# of water). Other artifacts are not ("Rook": a chess piece, in "Dex Rook").
_INSTITUTION_FILES = frozenset({"noun.group", "noun.location"})
# A natural place's kind: "Mount" (a sense of mountain), "Lake", "Glacier".
_NATURAL_ROOTS = frozenset({"geological_formation.n.01", "body_of_water.n.01", "land.n.04"})
_PLACE_ROOTS = frozenset({"structure.n.01", "facility.n.01", "way.n.06"}) | _NATURAL_ROOTS
_SENSES = 2  # senses of the word looked at, most frequent first
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "L.A.": a place's initials, no name's
_MIDDLE_INITIAL = re.compile(r"^[A-Z]\.$")  # "M." in "Regina M. Benjamin"
_MIN_WORDS = 4  # content words a line needs before its capitals can be judged
_TITLE_SHARE = 0.75  # share of capitalised content words that makes a line Title Case


def title_case_tokens(idx: DocIndex) -> frozenset[int]:
    """Token indices of the lines (text between line breaks) written in Title Case (found once
    per index: the entity components ask for them three times).

    A line counts when it has at least four content words (stop words aside), three quarters of
    them start with a capital letter, it does not end like a sentence (a period), and a word that
    is no name is capitalised too: a function word inside it ("Checks Into", "Dies At") or a
    common word of English that names no one ("Checks", "Heist"). Body sentences, where only
    names are capitalised, never qualify, even when they are mostly names.
    """
    if idx.title_case is not None:
        return idx.title_case
    texts = idx.texts
    out: set[int] = set()
    for line in _lines(idx):
        if not line or texts[line[-1]] == ".":
            continue
        content = [k for k in line if texts[k][:1].isalpha() and idx.lowers[k] not in STOP_WORDS]
        if len(content) < _MIN_WORDS or sum(is_cap(texts[k]) for k in content) < _TITLE_SHARE * len(content):
            continue
        if any(is_cap(texts[k]) and (idx.lowers[k] in STOP_WORDS and k != line[0] or common_word(texts[k])) for k in line):
            out.update(line)
    idx.title_case = frozenset(out)
    return idx.title_case


def caps_line_tokens(idx: DocIndex) -> frozenset[int]:
    """Token indices of the lines written wholly in capitals ("LOHAN ENTERS CLINIC"): at least
    two words, every word with letters in upper case. There the capitals say nothing of a word;
    an all-capital word in a mixed-case line ("the FBI said") is written so on purpose.

    Found once per index, like :func:`title_case_tokens`."""
    if idx.caps_lines is not None:
        return idx.caps_lines
    texts = idx.texts
    out: set[int] = set()
    for line in _lines(idx):
        worded = [w for k in line if (w := texts[k]).isalpha() or any(c.isalpha() for c in w)]
        if len(worded) >= 2 and all(w.isupper() for w in worded):
            out.update(line)
    idx.caps_lines = frozenset(out)
    return idx.caps_lines


def _lines(idx: DocIndex):
    """The non-space tokens of each line (text between line breaks), in order."""
    texts, starts, text = idx.texts, idx.tok_starts, idx.text
    line: list[int] = []
    for k in range(len(texts)):
        if "\n" in texts[k] or (k and "\n" in text[starts[k - 1] + len(texts[k - 1]) : starts[k]]):
            yield line
            line = []
        if not idx.space[k]:
            line.append(k)
    yield line


def _given(lex: Lexicon, word: str) -> bool:
    return word in lex.gender_of_name or word in lex.nick_groups


def common_word(word: str) -> bool:
    """A word of English (a WordNet noun or verb) that names no one."""
    low = word.lower()
    return bool(words.synsets(low, "n") or words.synsets(low, "v")) and not words.names_people(low)


def _written_without(texts: list[str], s: int, e: int) -> bool:
    """Whether the article writes the words after ``texts[s]`` in [s, e) elsewhere, without it."""
    rest = texts[s + 1 : e]
    return any(texts[k : k + len(rest)] == rest for k in range(len(texts) - len(rest) + 1)
               if k != s + 1 and texts[k] == rest[0])


def inflected_verb(lex: Lexicon, word: str) -> bool:
    """An inflected form of a WordNet verb ("Nominates", "Following", "Hired") that is no one's
    name nor a given name: a headline's deed, not the first word of a name."""
    low = word.lower()
    if _given(lex, word) or words.names_people(low) or not low.endswith(("s", "ed", "ing")):
        return False
    lemma = words.lemmatize(low, "v")
    return bool(lemma and lemma != low and words.synsets(lemma, "v"))


def institution_word(word: str) -> bool:
    """A common noun of a place, a building or a body that names no one ("Center", "Hospital")."""
    low = word.lower()
    if words.names_people(low):
        return False
    return any(
        words.lexname(sid) in _INSTITUTION_FILES or _PLACE_ROOTS.intersection(words.hypernyms(sid, None))
        for sid in words.synsets(low, "n")[:_SENSES]
    )


def natural_place_word(lex: Lexicon, word: str) -> bool:
    """A noun of a natural place in any of its senses ("Mount", "Lake", "Glacier") that is no one's
    name nor a known given name: before another word of a name the tagger also calls a place, it
    makes the name a place's ("Aoraki Mount Cook"). Every sense counts, as "mount" is a mountain
    only in its third; alone it decides nothing, as a person may be called so ("Jimmie Dale
    Gilmore", "Cliff Lee")."""
    low = word.lower()
    if _given(lex, word) or words.names_people(low):
        return False
    return any(_NATURAL_ROOTS.intersection(words.hypernyms(sid, None)) for sid in words.synsets(low, "n"))


def trim_name(idx: DocIndex, lex: Lexicon, s: int, e: int) -> tuple[int, int] | None:
    """The part of the capitalised run [s, e) that can be a person's name, or None (see module doc)."""
    texts = idx.texts
    # "Ellen DeGeneres As Oscar Host": a function word after two words of a run ends the name
    # (and is no noun of a place: "As" is also American Samoa).
    e = next((k for k in range(s + 2, e) if idx.lowers[k] in STOP_WORDS), e)
    # "Regina Benjamin U.S. Surgeon General": a place's dotted initials after two words end it.
    e = next((k for k in range(s + 2, e) if _DOTTED_INITIALS.match(texts[k])), e)
    # "Constable Tim Fanning", "Council Member Ana Ruiz": kinds of people and bodies before a name
    # are a title ("Jonah Reyes" keeps "Jonah": two words, and never written in lower case).
    while e - s > 1 and not _given(lex, texts[s]) and (e - s >= 3 or idx.lowers[s] in idx.lower_words):
        low = texts[s].lower()
        if not words.is_person_noun(low) and not institution_word(texts[s]):
            break
        # "Regina M. Benjamin": a place's name before a middle initial is the given name.
        if not words.is_person_noun(low) and e - s >= 3 and _MIDDLE_INITIAL.match(texts[s + 1]):
            break
        s += 1
    # "Nominates Regina Benjamin", "Following Gigante": a headline's inflected verb before the name.
    # (A surname may look like one, "Manning": a given name after it, the tagger, or the article
    # writing the rest of the name without it must agree.)
    if e - s >= 2 and inflected_verb(lex, texts[s]) and (
            _given(lex, texts[s + 1]) or idx.doc[s].pos_ == "VERB" or _written_without(texts, s, e)):
        s += 1
    if e - s >= 2 and institution_word(texts[e - 1]) and (e - s >= 3 or not _given(lex, texts[s])):
        return None  # "Betty Ford Center", "Pruitt Hardware": the name of a place or a body
    if all(len(t.rstrip(".")) == 1 for t in texts[s:e]):
        return None  # "L. A.", "U. S.": initials alone
    last = idx.lowers[e - 1]
    if e - s >= 2 and not _given(lex, texts[s]) and words.is_person_noun(last) and not words.names_someone(last) and (
        last in idx.lower_words
        or any(idx.doc[k].ent_type_ in _PLACE_TYPES for k in range(s, e - 1))
        or all(len(t.rstrip(".")) == 1 for t in texts[s : e - 1])
    ):
        return None  # "U. S. Marshal", "Brooklyn Councilman": a place and a title, not a name
    # "Lindsay Lohan Checks", "Esther Williams Dies At": words that are no name end it.
    while e - s > 2 and (idx.lowers[e - 1] in STOP_WORDS or (common_word(texts[e - 1]) and not _given(lex, texts[e - 1]))):
        e -= 1
    if e - s == 1:
        t, low = texts[s], idx.lowers[s]
        if not _given(lex, t) and (common_word(t) or low in idx.lower_words):
            return None  # "Riot", "Kneeling": words of English, no one's name
        if e < len(texts) and texts[e] == "." and not idx.space_after[s] and not any(c in "aeiouy" for c in low):
            return None  # "Sgt.", "Ch. 4": an abbreviation (no vowel), not a name
    return s, e
