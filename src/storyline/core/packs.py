"""Domain packs: optional predicate vocabularies, one JSON file each in ``storyline/data/packs/``.

Claims are read for any predicate without a pack: the predicate is its lemma, its meaning comes
from WordNet (``Claim.event_key``, ``Claim.frame``). A pack adds a domain's view on top: it maps
surface forms to one normalised predicate ("split", "break up", "separation" -> "separate") and
types each predicate by a class ("separation") with properties the reconcile stage may use
(``once_only``, ``disputable``, ``place``, the sub-events a class splits into). Packs are enabled by
name (``[analysis] packs``); with none enabled, ``Claim.predicate_class`` is None. The file format is
described in ``storyline/data/packs/README.md``.

A class may also carry wording: ``denial_words`` (a denial using them denies the class),
``rescue_words`` (a claim no predicate typed belongs to the class) and ``takes_from`` (a claim of
another class belongs to this one when it uses a phrase). Only the read stage matches them, and it
records what it found as cues on the claim (:mod:`storyline.read.cues`), so the reconcile stage
never reads text; it may read class structure (:func:`class_of`, :func:`block_event`,
:func:`once_only_events`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from storyline.core.errors import DataError
from storyline.core.lexicon import load_data

__all__ = ["Pack", "PackClass", "PackPredicate", "available_packs", "block_event", "check_pack_names", "class_of",
           "event_noun", "load_pack", "once_only_events", "pack_forms"]

# A phrase of a word list: words separated by spaces; a word is alternatives separated by "|", and
# an alternative ending in "*" matches any word it starts ("cheat*": cheated, cheating).
_PHRASE = re.compile(r"^[a-z0-9'’-]+\*?(?:\|[a-z0-9'’-]+\*?)*(?: [a-z0-9'’-]+\*?(?:\|[a-z0-9'’-]+\*?)*)*$")


@dataclass(frozen=True)
class PackClass:
    """A kind of event of the domain, with what the reconcile stage may rely on."""

    name: str
    description: str
    once_only: bool = False  # happens at most once between the same participants (a wedding, a first meeting)
    disputable: bool = False  # a participant can deny it on the record (an affair, a split)
    place: bool = False  # where it happened is part of the fact (two places conflict)
    # predicate -> sub-event: claims of different sub-events ("separate", "file for divorce") are
    # different facts, months apart; predicates not listed are the class's main event.
    events: Mapping[str, str] = field(default_factory=dict)
    denial_words: tuple[str, ...] = ()  # phrases naming the class in a denial ("denied the affair")
    rescue_words: tuple[str, ...] = ()  # phrases putting a claim no predicate typed in this class
    takes_from: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # other class -> phrases moving its claims here


@dataclass(frozen=True)
class PackPredicate:
    """A normalised predicate of the domain and the forms that map to it."""

    name: str
    klass: str
    forms: tuple[str, ...]
    once_only: bool | None = None  # overrides the class's once_only when set
    noun: str | None = None  # how to name one such event ("wedding", "split")


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    classes: Mapping[str, PackClass]
    predicates: Mapping[str, PackPredicate]


def available_packs() -> tuple[str, ...]:
    """Names of the bundled packs (file names without ``.json``), sorted."""
    folder = resources.files("storyline").joinpath("data", "packs")
    return tuple(sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=None)
def load_pack(name: str) -> Pack:
    """The pack ``storyline/data/packs/<name>.json``, checked; a DataError names what is wrong."""
    if name not in available_packs():
        raise DataError(f"unknown domain pack '{name}'", input="storyline/data/packs",
                        fix=f"use one of: {', '.join(available_packs()) or '(none bundled)'}")
    where = f"storyline/data/packs/{name}.json"
    raw = load_data(f"packs/{name}.json", {"classes": dict, "predicates": dict})
    classes = {}
    for cname, body in raw["classes"].items():
        if not isinstance(body, dict) or not isinstance(body.get("description", ""), str):
            raise DataError(f"class '{cname}' must be an object with a 'description'", input=where,
                            fix="see storyline/data/packs/README.md for the class format")
        flags = {k: body.get(k, False) for k in ("once_only", "disputable", "place")}
        bad = [k for k, v in flags.items() if not isinstance(v, bool)]
        if bad:
            raise DataError(f"class '{cname}': '{bad[0]}' must be true or false", input=where,
                            fix="see storyline/data/packs/README.md for the class format")
        words = {k: _phrases(body.get(k, []), f"class '{cname}': '{k}'", where)
                 for k in ("denial_words", "rescue_words")}
        takes = body.get("takes_from", {})
        if not isinstance(takes, dict):
            raise DataError(f"class '{cname}': 'takes_from' must map a class to a list of phrases", input=where,
                            fix="see storyline/data/packs/README.md for the class format")
        takes = {k: _phrases(v, f"class '{cname}': 'takes_from' '{k}'", where) for k, v in takes.items()}
        events = body.get("events", {})
        if not isinstance(events, dict) or not all(isinstance(v, str) and v for v in events.values()):
            raise DataError(f"class '{cname}': 'events' must map predicates to sub-event names", input=where,
                            fix="see storyline/data/packs/README.md for the class format")
        classes[cname] = PackClass(cname, body.get("description", ""), **flags, events=dict(events),
                                   takes_from=takes, **words)
    predicates = {}
    for pname, body in raw["predicates"].items():
        forms = body.get("forms", []) if isinstance(body, dict) else None
        if not isinstance(body, dict) or body.get("class") not in classes:
            raise DataError(f"predicate '{pname}' must name one of the pack's classes in 'class'", input=where,
                            fix=f"set its class to one of: {', '.join(classes)}")
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise DataError(f"predicate '{pname}': 'forms' must be a list of strings", input=where,
                            fix="see storyline/data/packs/README.md for the predicate format")
        once = body.get("once_only")
        noun = body.get("noun")
        if (once is not None and not isinstance(once, bool)) or (noun is not None and not isinstance(noun, str)):
            raise DataError(f"predicate '{pname}': 'once_only' must be true or false and 'noun' a string", input=where,
                            fix="see storyline/data/packs/README.md for the predicate format")
        predicates[pname] = PackPredicate(pname, body["class"], tuple(f.lower() for f in forms), once, noun)
    for c in classes.values():
        stray = [p for p in c.events if p not in predicates or predicates[p].klass != c.name]
        stray += [k for k in c.takes_from if k not in classes or k == c.name]
        if stray:
            raise DataError(f"class '{c.name}': '{stray[0]}' is no predicate of the class (in 'events') or other "
                            "class of the pack (in 'takes_from')", input=where,
                            fix="name the pack's own predicates and classes")
    return Pack(name, str(raw.get("description", "")), classes, predicates)


def _phrases(value: object, what: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(p, str) and _PHRASE.match(p) for p in value):
        raise DataError(f"{what} must be a list of lower-case phrases (words, 'a|b' alternatives, 'word*' prefixes)",
                        input=where, fix="see storyline/data/packs/README.md for the class format")
    return tuple(value)


@lru_cache(maxsize=None)
def _pack_of_class(name: str) -> Pack | None:
    # A claim's class can only come from a pack, so the reconcile stage finds its structure by name
    # without being told which packs the read stage used.
    return next((p for p in map(load_pack, available_packs()) if name in p.classes), None)


def class_of(name: str) -> PackClass | None:
    """The class ``name`` of the bundled packs (the first pack, by name, that defines it), or None."""
    pack = _pack_of_class(name)
    return pack.classes[name] if pack is not None else None


@lru_cache(maxsize=None)
def event_noun(event: str) -> str | None:
    """How to name one event of ``event`` (a class or ``class:sub-event``) in a sentence: the
    ``noun`` of its predicate (of the class's first predicate with one, for the main event), or None."""
    name, _, sub = event.partition(":")
    pack = _pack_of_class(name)
    if pack is None:
        return None
    events = pack.classes[name].events
    preds = [p for p in pack.predicates.values() if p.klass == name
             and (events.get(p.name) == sub if sub else p.name not in events)]
    return next((p.noun for p in preds if p.noun), None)


def block_event(pclass: str, predicate: str) -> str:
    """The event a claim of class ``pclass`` with ``predicate`` states: ``class:sub-event`` when the
    class lists the predicate in its ``events``, else the class itself (any name outside the packs too)."""
    found = class_of(pclass)
    sub = found.events.get(predicate) if found is not None else None
    return f"{pclass}:{sub}" if sub else pclass


@lru_cache(maxsize=None)
def once_only_events() -> frozenset[str]:
    """Every once-only class and sub-event of the bundled packs (a sub-event is once-only when its
    class is, unless its predicate says otherwise)."""
    out: set[str] = set()
    for name in available_packs():
        pack = load_pack(name)
        for c in pack.classes.values():
            if not c.once_only:
                continue
            out.add(c.name)
            for pred, sub in c.events.items():
                if pack.predicates[pred].once_only is not False:
                    out.add(f"{c.name}:{sub}")
    return frozenset(out)


@lru_cache(maxsize=16)
def pack_forms(names: tuple[str, ...]) -> Mapping[str, tuple[str, str]]:
    """Form -> (normalised predicate, class) over the packs ``names``; the first pack that maps a
    form wins, and within a pack the first predicate that lists it."""
    forms: dict[str, tuple[str, str]] = {}
    for name in names:
        for pred in load_pack(name).predicates.values():
            for form in (pred.name, *pred.forms):
                forms.setdefault(form.lower(), (pred.name, pred.klass))
    return forms


def check_pack_names(names: Iterable[str]) -> str | None:
    """The first name in ``names`` that is no bundled pack, else None."""
    known = available_packs()
    return next((n for n in names if n not in known), None)
