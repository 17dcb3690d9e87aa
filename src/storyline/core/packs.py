"""Domain packs: optional predicate vocabularies, one JSON file each in ``storyline/data/packs/``.

Claims are read for any predicate without a pack: the predicate is its lemma, its meaning comes
from WordNet (``Claim.event_key``, ``Claim.frame``). A pack adds a domain's view on top: it maps
surface forms to one normalised predicate ("split", "break up", "separation" -> "separate") and
types each predicate by a class ("separation") with properties the reconcile stage may use
(``once_only``, ``disputable``, ``place``). Packs are enabled by name (``[analysis] packs``); with
none enabled, ``Claim.predicate_class`` is None. The file format is described in
``storyline/data/packs/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storyline.core.errors import DataError
from storyline.core.lexicon import load_data

__all__ = ["Pack", "PackClass", "PackPredicate", "available_packs", "check_pack_names", "load_pack", "pack_forms"]


@dataclass(frozen=True)
class PackClass:
    """A kind of event of the domain, with what the reconcile stage may rely on."""

    name: str
    description: str
    once_only: bool = False  # happens at most once between the same participants (a wedding, a first meeting)
    disputable: bool = False  # a participant can deny it on the record (an affair, a split)
    place: bool = False  # where it happened is part of the fact (two places conflict)


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
        classes[cname] = PackClass(cname, body.get("description", ""), **flags)
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
    return Pack(name, str(raw.get("description", "")), classes, predicates)


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
