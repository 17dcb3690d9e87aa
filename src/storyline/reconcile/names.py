"""Name normalisation shared by the cast and the independence checks.

Names are compared as accent-free lower-case tokens, so "Camille Étienne" and "Camille Etienne"
are one name. Nicknames come from ``storyline/data/nicknames.json`` when present (another
module's data file; any of the usual shapes is accepted) plus a small built-in list, so linking
still works when the file is missing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["name_tokens", "is_proper_name", "is_org_name", "given_name_forms", "outlet_key", "outlet_matches", "names_outlet"]

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "lady", "lord"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Used only when nicknames.json is absent or lacks an entry: the commonest English pairs.
_BUILTIN_NICKNAMES = [
    ["benjamin", "ben", "benji", "benny"],
    ["robert", "rob", "bob", "bobby", "robbie"],
    ["william", "will", "bill", "billy", "liam"],
    ["elizabeth", "liz", "beth", "lizzie", "eliza", "betty"],
    ["katherine", "kate", "katie", "kathy", "kat", "catherine"],
    ["jennifer", "jen", "jenny"],
    ["michael", "mike", "mikey"],
    ["christopher", "chris"],
    ["jonathan", "jon"],
    ["alexander", "alex"],
    ["alexandra", "alex", "sasha"],
    ["natalie", "nat"],
    ["thomas", "tom", "tommy"],
    ["daniel", "dan", "danny"],
    ["matthew", "matt"],
    ["nicholas", "nick"],
    ["richard", "rick", "dick", "rich"],
    ["james", "jim", "jimmy", "jamie"],
    ["margaret", "maggie", "meg", "peggy"],
    ["victoria", "vicky", "tori"],
]
_OUTLET_DROP = {"the", "magazine", "newspaper", "online", "com", "co", "uk", "news"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'")


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Accent-free lower-case tokens of a personal name, without honorifics or Jr./Sr."""
    toks = [t.replace("'s", "") if t.endswith("'s") else t for t in _TOKEN_RE.findall(_fold(name))]
    while toks and toks[0] in _HONORIFICS:
        toks = toks[1:]
    while toks and toks[-1] in _SUFFIXES:
        toks = toks[:-1]
    return tuple(toks)


_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "him", "her", "them", "its", "their", "our",
             "this", "that", "these", "those", "who", "which", "one", "both", "all"}
_FUNCTION_WORDS = {"of", "and", "for", "de", "du", "la", "le", "van", "von", "&", "on", "in", "the"}


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


def _walk_groups(data: object) -> list[list[str]]:
    """Nickname groups from any reasonable JSON shape (dict name→list, list of lists, nested)."""
    groups: list[list[str]] = []
    if isinstance(data, dict):
        for key, val in data.items():
            if str(key).startswith("_") or key in {"comment", "source", "license"}:
                continue
            if isinstance(val, str):
                groups.append([str(key), val])
            elif isinstance(val, list) and all(isinstance(v, str) for v in val):
                groups.append([str(key), *val])
            else:
                groups.extend(_walk_groups(val))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, list) and all(isinstance(v, str) for v in item):
                groups.append(list(item))
            else:
                groups.extend(_walk_groups(item))
    return groups


@lru_cache(maxsize=1)
def _nickname_table() -> dict[str, frozenset[str]]:
    # Not transitive on purpose: "Al" is short for Alexander and for Albert, which are not one name.
    groups = _BUILTIN_NICKNAMES[:]
    try:
        text = resources.files("storyline").joinpath("data/nicknames.json").read_text("utf-8")
        data = json.loads(text)
        groups = _walk_groups(data.get("nicknames", data) if isinstance(data, dict) else data) + groups
    except (OSError, ValueError):
        pass  # missing or malformed: the built-in pairs still work
    table: dict[str, set[str]] = {}
    for group in groups:
        names = [_fold(n).strip() for n in group if n.strip()]
        if not names:
            continue
        formal, short = names[0], names[1:]
        for n in short:
            table.setdefault(formal, set()).add(n)
            table.setdefault(n, set()).add(formal)
    return {k: frozenset(v) for k, v in table.items()}


def given_name_forms(first_name: str) -> frozenset[str]:
    """The name and its direct nickname relations: 'ben' → {'ben', 'benjamin'}."""
    first = _fold(first_name)
    return _nickname_table().get(first, frozenset()) | {first}


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
