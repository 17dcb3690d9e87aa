"""The lexicons behind ``storyline_entities`` and ``storyline_coref``, loaded once.

The data lives in ``storyline/data/{outlets,nicknames,roles}.json`` (each file documents its
format in its ``comment`` field). This module turns them into the lookup structures the
components use, so a component never re-reads or re-parses JSON per document. The reconcile stage
reads its role knowledge here too (the titles that are no surnames, the nouns that count
children), so role nouns have one home.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.core.lexicon import load_data

# Words around a personal name that are no part of it: reconcile's name keys drop them too, so they
# live here, free of spaCy, where both stages read them.
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Dame", "Prof.", "Lady", "Lord"})
# Honorifics that abbreviate a role: "Dr. Sanjay Gupta" is the one other articles call "the doctor".
# A table, and a small one, because WordNet has no "dr" (it has "prof"); the cast gives the role
# only to someone the article gives no other occupation ("Dr. Ann Lee, an economist").
HONORIFIC_ROLES = {"dr": "doctor", "prof": "professor"}
# Generational suffixes closing a personal name ("Ken Griffey Jr.").
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})

__all__ = ["HONORIFICS", "HONORIFIC_ROLES", "NAME_SUFFIXES", "Lexicon", "Outlet", "lexicon", "nickname_relations", "one_spelling", "outlet_regex", "respelt"]


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]  # always the outlet
    ambiguous: tuple[str, ...]  # the outlet only in an outlet context


@dataclass(frozen=True)
class Lexicon:
    outlets: tuple[Outlet, ...]
    outlet_before: tuple[tuple[str, ...], ...]  # lower-cased word sequences, longest first
    outlet_after: tuple[tuple[str, ...], ...]
    nick_groups: dict[str, frozenset[str]]  # given name -> every form of it (itself included)
    gender_of_name: dict[str, str]
    roles: dict[str, str | None]  # role noun -> implied gender
    work_roles: frozenset[str]
    established_only: frozenset[str]  # roles resolved only to a person the article gave them
    awards: frozenset[str]
    award_roles: frozenset[str]
    group_nouns: frozenset[str]
    kin: dict[str, str | None]
    work_nouns: frozenset[str]
    org_nouns: frozenset[str]
    role_family: dict[str, int]  # role noun -> occupational family id (absent: never conflicts)
    role_verbs: dict[str, str]  # verb lemma -> the role its subject holds
    titles: frozenset[str]  # role nouns written as a title before a name ('President', 'CEO')
    child_counts: dict[str, str]  # counted noun -> 'children', 'sons' or 'daughters'

    def two_names(self, a: str, b: str) -> bool:
        """Whether given names ``a`` and ``b`` each belong to name families of the table that share
        no form ("Bobbie" of Barbara, "Bobby" of Robert): two names, however alike they are written
        ("Bettie", which the table does not know, may be "Betty"; "Kathryn" and "Katherine" share
        "Katie"). Families with forms written one way or another (:func:`one_spelling`: "Greg" /
        "Gregg", "Johny" / "Johnny") are one name's, unless the table gives them two genders."""
        fa, fb = self.nick_groups.get(a), self.nick_groups.get(b)
        if fa is None or fb is None or fa & fb:
            return False
        ga, gb = self.name_gender(a), self.name_gender(b)
        if ga and gb and ga != gb:
            return True
        return not any(one_spelling(x, y) for x in fa for y in fb)

    def name_gender(self, name: str) -> str | None:
        """The table's gender of a given name, else the one every gendered form of its family
        shares ("Bobbie" is Barbara's, female; "Alex", of Alexander and Alexandra, has none)."""
        own = self.gender_of_name.get(name)
        if own:
            return own
        found = {self.gender_of_name.get(f) for f in self.nick_groups.get(name, ())} - {None}
        return found.pop() if len(found) == 1 else None


# Endings English writes one diminutive with ("Bettie", "Betty", "Betti"; "Debbie", "Debby").
_DIMINUTIVE_ENDINGS = ("ie", "ey", "y", "i")


def respelt(a: str, b: str) -> bool:
    """Two spellings of one diminutive given name: the same stem, each with a diminutive ending
    ("Bettie" / "Betty"; not "Jack" / "Jackie", a name and another's diminutive)."""
    def stem(name: str) -> str | None:
        return next((name[: -len(x)] for x in _DIMINUTIVE_ENDINGS if name.endswith(x) and len(name) - len(x) >= 2), None)
    sa, sb = stem(a), stem(b)
    return a != b and sa is not None and sa == sb


def one_spelling(a: str, b: str) -> bool:
    """Whether two given names are one name written two ways: the same, a letter doubled in one
    ("Greg" / "Gregg", "Mathew" / "Matthew", "Johny" / "Johnny") or a diminutive with another
    ending (:func:`respelt`: "Rickie" / "Ricky")."""
    if a == b or respelt(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    k = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    # The letter added repeats the one before it, and the rest is the same.
    return k > 0 and long_[k] == long_[k - 1] and long_[k + 1:] == short[k:]


_SHAPES = {
    "outlets.json": {"outlets": list, "contexts": dict},
    "nicknames.json": {"nicknames": dict, "female": list, "male": list},
    "roles.json": {"roles": dict, "established_only": list, "work_roles": list, "awards": list, "award_roles": list,
                   "group_nouns": list, "kin": dict, "org_nouns": list, "work_nouns": list, "role_families": list,
                   "role_verbs": dict, "titles": list, "child_counts": dict},
}  # fmt: skip


def _load(name: str) -> dict:
    return load_data(name, _SHAPES[name])


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    seqs = {tuple(re.findall(r"[\w'’]+", item.lower())) for item in items}
    return tuple(sorted((s for s in seqs if s), key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The parsed lexicons (cached for the process)."""
    out = _load("outlets.json")
    nick = _load("nicknames.json")
    roles = _load("roles.json")

    groups: dict[str, set[str]] = {}
    for formal, shorts in nick["nicknames"].items():
        forms = {formal, *shorts}
        for form in forms:
            groups.setdefault(form, set()).update(forms)
    # A short form shared by two formal names (Alex: Alexander/Alexandra) links to both, but two
    # formal names are not linked to each other through it: only direct pairs count.
    nick_groups = {name: frozenset(forms) for name, forms in groups.items()}

    female, male = set(nick["female"]), set(nick["male"])
    gender = {n: "female" for n in female - male}
    gender.update({n: "male" for n in male - female})

    return Lexicon(
        outlets=tuple(
            Outlet(o["name"], tuple(o.get("aliases", [])), tuple(o.get("ambiguous", []))) for o in out["outlets"]
        ),
        outlet_before=_phrases(out["contexts"]["before"]),
        outlet_after=_phrases(out["contexts"]["after"]),
        nick_groups=nick_groups,
        gender_of_name=gender,
        roles={k.lower(): v for k, v in roles["roles"].items()},
        work_roles=frozenset(r.lower() for r in roles["work_roles"]),
        established_only=frozenset(r.lower() for r in roles.get("established_only", [])),
        awards=frozenset(roles["awards"]),
        award_roles=frozenset(roles["award_roles"]),
        group_nouns=frozenset(roles["group_nouns"]),
        kin={k.lower(): v for k, v in roles["kin"].items()},
        work_nouns=frozenset(roles["work_nouns"]),
        org_nouns=frozenset(roles.get("org_nouns", [])),
        role_family={r.lower(): k for k, fam in enumerate(roles.get("role_families", [])) for r in fam},
        role_verbs={v.lower(): r.lower() for v, r in roles.get("role_verbs", {}).items()},
        titles=frozenset(t.lower() for t in roles["titles"]),
        child_counts={k.lower(): v for k, v in roles["child_counts"].items()},
    )


@lru_cache(maxsize=1)
def nickname_relations() -> dict[str, frozenset[str]]:
    """Direct formal <-> short-form relations of ``nicknames.json``, lower-cased: 'ben' ->
    {'benjamin'}, 'benjamin' -> {'ben', 'benji', ...}. Not transitive: "Al" is short for
    Alexander and for Albert, which are not one name (the cross-article cast relies on this)."""
    table: dict[str, set[str]] = {}
    for formal, shorts in _load("nicknames.json")["nicknames"].items():
        for short in shorts:
            table.setdefault(formal.lower(), set()).add(short.lower())
            table.setdefault(short.lower(), set()).add(formal.lower())
    return {k: frozenset(v) for k, v in table.items()}


def outlet_regex(forms: list[str]) -> re.Pattern[str] | None:
    """One case-sensitive alternation over ``forms`` (longest first), bounded by non-word chars."""
    forms = sorted({f for f in forms if f}, key=len, reverse=True)
    if not forms:
        return None
    # The lookahead on the forms' first characters is implied by the alternation; it lets the
    # scan skip most positions without trying every alternative (about 3x faster on news text).
    first = "".join(sorted({re.escape(f[0]) for f in forms}))
    return re.compile(r"(?=[" + first + r"])(?<![\w&])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w&])")
