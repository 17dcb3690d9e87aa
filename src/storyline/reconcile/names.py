"""Name normalisation shared by the cast and the independence checks.

Names are compared as accent-free lower-case tokens, so "Camille Étienne" and "Camille Etienne"
are one name. Nicknames are the read stage's table (``storyline/data/nicknames.json`` through
:func:`storyline.read.entities.lexicon.nickname_relations`), so both stages agree on them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from storyline.read.entities.lexicon import HONORIFICS, NAME_SUFFIXES, nickname_relations

__all__ = ["name_tokens", "nickname_name_forms", "is_proper_name", "is_org_name", "given_name_forms", "outlet_key", "outlet_matches", "names_outlet"]

# The reader's honorifics and name suffixes, as name keys spell them (lower case, no dot).
_HONORIFICS = frozenset(h.lower().rstrip(".") for h in HONORIFICS)
_SUFFIXES = frozenset(x.lower().rstrip(".") for x in NAME_SUFFIXES)
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:['’][a-z]+)?")  # "strauss-kahn" is one word
_OUTLET_DROP = {"the", "magazine", "newspaper", "online", "com", "co", "uk", "news"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'")


# A nickname quoted or in brackets between the words of a name ("Vincent 'The Chin' Gigante",
# "Luis Gerardo (Jerry) Ortiz"): no part of the name the person is known by elsewhere.
_INNER_NICKNAME_RE = re.compile(r"(?<=\S)\s+[\"'“‘(][^\"'“”‘’()]+[\"'”’)](?=\s+\S)")


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Accent-free lower-case tokens of a personal name, without honorifics, Jr./Sr. or a nickname
    written inside it."""
    name = _INNER_NICKNAME_RE.sub("", name)
    toks = [t.replace("'s", "") if t.endswith("'s") else t for t in _TOKEN_RE.findall(_fold(name))]
    while toks and toks[0] in _HONORIFICS:
        toks = toks[1:]
    while toks and toks[-1] in _SUFFIXES:
        toks = toks[:-1]
    return tuple(toks)


@lru_cache(maxsize=65536)
def nickname_name_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """The names a nickname written in quotes inside a full name stands for with the words after it:
    "Earvin 'Magic' Johnson" → (("magic", "johnson"),), as other articles call him "Magic Johnson";
    "Jose 'Pepe' de la Cruz" → "Pepe de la Cruz". A name in parentheses is no nickname: in
    "Mary (Smith) Jones" it is a maiden name, and "Smith Jones" no name she goes by."""
    if len(name_tokens(name)) < 2:
        return ()
    forms = []
    for m in _INNER_NICKNAME_RE.finditer(name):
        if m.group().lstrip()[0] == "(":
            continue
        nick = _TOKEN_RE.findall(_fold(m.group()))
        if nick and nick[0] == "the":  # "Vincent 'The Chin' Gigante" is "Chin Gigante"
            nick = nick[1:]
        rest = name_tokens(name[m.end():])
        if nick and rest:
            forms.append((*nick, *rest))
    return tuple(forms)


_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "him", "her", "them", "its", "their", "our",
             "this", "that", "these", "those", "who", "which", "one", "both", "all"}
_FUNCTION_WORDS = {"of", "and", "for", "de", "du", "la", "le", "van", "von", "&", "on", "in", "the"}


@lru_cache(maxsize=65536)  # the cast asks it of every name of every article: stories repeat names
def is_proper_name(text: str) -> bool:
    """True for 'Natalie', 'Benjamin Millepied'; False for epithets ('the Oscar winner') and pronouns."""
    words = text.split()
    if not words or words[0].lower() in {"the", "a", "an", "his", "her", "their", "its"} or text.lower() in _PRONOUNS:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def is_org_name(text: str) -> bool:
    """True for 'The Wall Street Journal', 'Bank of America'; False for 'the company', 'they'."""
    if text.lower() in _PRONOUNS:
        return False
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not any(w[:1].isupper() for w in words):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _FUNCTION_WORDS for w in words)


@lru_cache(maxsize=65536)
def given_name_forms(first_name: str) -> frozenset[str]:
    """The name and its direct nickname relations: 'ben' → {'ben', 'benjamin'}."""
    first = _fold(first_name)
    return nickname_relations().get(first, frozenset()) | {first}


@lru_cache(maxsize=65536)  # asked of every claim's outlet and source, again and again
def outlet_key(name: str | None) -> str:
    """Normalised outlet name: 'The Wall Street Journal' → 'wall street journal', 'Us' → 'us'."""
    if not name:
        return ""
    folded = _fold(name).replace("&", " and ")
    toks = [t for t in re.findall(r"[a-z0-9]+", folded) if t not in _OUTLET_DROP]
    return " ".join(toks)


def outlet_matches(short: str, full: str) -> bool:
    """True when ``short`` names the outlet ``full`` ('us' ~ 'us weekly', 'people' ~ 'people').

    Either may be the shorter; the longer may add at most two words, none of them 'and' ('the
    IMF' does not name 'the IMF and the World Bank').
    """
    if not short or not full:
        return False
    if short == full:
        return True
    a, b = sorted((short, full), key=len)
    if not b.startswith(a + " "):
        return False
    tail = b[len(a) + 1 :].split()
    return len(tail) <= 2 and "and" not in tail


def names_outlet(text_key: str, outlet: str) -> bool:
    """True when a source's text names ``outlet`` (both keys): 'tabloid daily lumen' names 'daily lumen'."""
    return bool(text_key and outlet) and (outlet_matches(text_key, outlet) or text_key.endswith(" " + outlet))
