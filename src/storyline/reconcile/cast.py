"""One cast: article entities linked across articles into story entities.

Linking rules, strongest first (each successful merge leaves one evidence line):

1. the same full name (two or more tokens), also through nicknames ("Ben Millepied" ~ "Benjamin
   Millepied"); then names that differ only by a middle name or an initial ("Raymond W. Kelly" ~
   "Raymond Kelly"), when no other full name fits; a name that starts exactly one longer name
   ("Anthony Phillip" ~ "Anthony Phillip LaSalle"); a name spelt two ways, a letter apart in each
   word that differs, when it fits one other name and no article names both ("Heydar Alishbandi" ~
   "Heidar Alishvandi"); one surname with two forms of one given name sharing their first three
   letters ("Bettie Page" ~ "Betty Mae Page"), genders not at odds, never both in one article;
2. a lone surname that belongs to exactly one full-named person ("Portman"), or to the one the story
   names in at least twice as many articles as anyone else with it;
3. a lone first name only with more evidence: it must belong to exactly one full-named person
   *and* share an epithet or role with that person ("Natalie" + "the actress"). Two people who only
   share a first name are never merged;
4. within one article first, the lede's unnamed doer ("A woman opened fire ...") to the one person
   it names who did two of the same deeds (this stronger evidence goes before the story-wide
   rules, and the holder's epithets then count as that person's); then an unnamed entity ("the
   choreographer") whose epithet (a role, a relation such as "mother", or
   a one-word role's WordNet sense: "the attorney" ~ "lawyer") belongs to exactly one person, or to the
   one the story gives it in at least twice as many articles as anyone else; unnamed holders of
   one role ("the gunman") with each other when no one person takes them (of the gender most of
   them have, when twice as many have it as the other); an unnamed man or
   woman no one took, to the one person of that gender the story is far most about; an unnamed
   person still alone, to the one named person other articles say did the same deeds (doer or
   undergoer of one WordNet event: "the accountant shot" ~ "LaCalamita shot"), named in none of
   its articles. These bindings never join two named people's entities, nor a man's with a
   woman's; a holder so refused, or of its role's other gender, is not given to the story's main
   person;
5. the same mononym ("Madonna") when it is no known first name or surname of anyone in the story;
   a one-word name blended from the starts of one person's given name and surname ("LiLo"), of
   whatever type the tagger gave it;
6. organisations and outlets by normalised name ("Us" ~ "Us Weekly" when that is the only match);
7. groups (the couple) by the set of their members' story entities, unnamed groups ("the
   pirates") by the kind of person, or by kinds under one narrow WordNet kind ("the robbers" ~
   "the thieves") when every kind near one of them is near all the others; other types by exact name.

Union-find keeps this linear in the number of article entities.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from storyline.core import words
from storyline.core.blends import blend_parts, is_blend_of
from storyline.core.ids import make_id
from storyline.core.records import ArticleEntity, ArticleReading, StoryEntity
from storyline.read.entities.lexicon import HONORIFIC_ROLES, lexicon
from storyline.reconcile.names import (
    given_name_forms,
    is_org_name,
    is_proper_name,
    name_tokens,
    nickname_name_forms,
    outlet_key,
    outlet_matches,
)
from storyline.reconcile.types import settle_types

__all__ = ["ARTICLE_RULES", "ArticleCast", "Cast", "CastIndex", "CastSteps", "FullNames", "Tally", "article_cast", "build_cast"]

_ORG_TYPES = {"ORG", "OUTLET"}
_BOTH_GENDERS = frozenset({"male", "female"})
_ID = attrgetter("id")
_DOMINANT = 2  # a surname alone goes to the person with it named in at least twice as many articles


@dataclass
class Cast:
    """Story entities plus the article-entity → story-entity map the later steps need."""

    entities: tuple[StoryEntity, ...]
    of: dict[str, str]  # ArticleEntity id → StoryEntity id
    by_id: dict[str, StoryEntity] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)  # ArticleEntity id → type
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # GROUP ArticleEntity id → member ids
    # Story entities of unnamed people only ("a man", "the pirates"), linked to no named person.
    unnamed: frozenset[str] = frozenset()

    def story(self, article_entity: str | None) -> str | None:
        """The story entity of an article entity id, or None."""
        return self.of.get(article_entity) if article_entity else None

    def named_people(self, article_entity: str | None) -> tuple[str, ...]:
        """:meth:`people` without unnamed people: whom a claim is about, for aligning claims into
        facts ("a man was arrested" is not about someone other than "Kirkpatrick was arrested")."""
        return tuple(p for p in self.people(article_entity) if p not in self.unnamed)

    def people(self, article_entity: str | None) -> tuple[str, ...]:
        """Story entities an article entity stands for (a GROUP stands for its members)."""
        if not article_entity or article_entity not in self.of:
            return ()
        if article_entity in self.members and self.members[article_entity]:
            return tuple(sorted({self.of[m] for m in self.members[article_entity] if m in self.of}))
        return (self.of[article_entity],)


class _UnionFind:
    def __init__(self, ids: Iterable[str]):
        ids = list(ids)
        self.parent = dict(zip(ids, ids))  # at C speed: a story has tens of thousands of entities

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def roots(self, ids: Iterable[str]) -> list[str]:
        """:meth:`find` of each id: for the passes over every entity, where most are a step from
        their root (a call per id would cost more than the step)."""
        parent, out = self.parent, []
        for x in ids:
            r = parent[x]
            out.append(r if parent[r] == r else self.find(x))
        return out

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:  # deterministic root: the smaller id
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


def _label(e: ArticleEntity, surface: str | None = None) -> str:
    return f"'{surface or e.name}' ({e.article})"


class _Linker:
    def __init__(self, entities: Sequence[ArticleEntity], index: CastIndex | None = None):
        """A linker of ``entities``, each its own story entity; ``index``: theirs (:class:`CastIndex`),
        when made already."""
        index = index or CastIndex.of(entities, ())
        self.ents = index.ents
        self.uf = _UnionFind(self.ents)
        self.evidence: dict[str, list[str]] = defaultdict(list)  # merge lines, collected at the end
        # Each person's epithets, deeds and whether it is unnamed, read once per article (ArticleCast).
        self.epithets, self.deeds, self.unnamed = index.epithets, index.deeds, index.unnamed
        # Per union-find root, once asked: whether it holds a named person, and its known genders.
        self._named: dict[str, bool] = {}
        self._genders: dict[str, frozenset[str]] = {}
        # Unnamed people a rule found at odds with the evidence (a binding refused, a holder of
        # the role's other gender): the story's main person is not given them by default.
        self.doubtful: set[str] = set()

    def reset(self) -> None:
        """Undo every merge (the linker as made, with the per-person facts it was given)."""
        self.uf = _UnionFind(self.ents)
        self.evidence = defaultdict(list)
        self._named, self._genders, self.doubtful = {}, {}, set()

    def merge(self, a: ArticleEntity, b: ArticleEntity, why: str, bind: bool = False) -> bool:
        """Join a's and b's story entities. ``bind``: a rule binding someone unnamed (by an epithet,
        a role, a deed, the story's main person) never joins two named people's entities, nor a
        man's with a woman's: through unnamed holders linked by role, one misread holder would
        otherwise make a driver and his victim one person. ``b`` is the one being bound: refused,
        it is :attr:`doubtful`. True when they are one entity after it."""
        ra, rb = self.uf.find(a.id), self.uf.find(b.id)
        if ra == rb:
            return True
        if bind and ((self.has_name(ra) and self.has_name(rb))
                     or (self.genders(ra) and self.genders(rb) and not self.genders(ra) & self.genders(rb))):
            self.doubtful.add(b.id)
            return False
        named, genders = self.has_name(ra) or self.has_name(rb), self.genders(ra) | self.genders(rb)
        self.uf.union(ra, rb)
        root = self.uf.find(ra)
        self._named[root], self._genders[root] = named, genders
        self.evidence[a.id].append(why)
        return True

    def has_name(self, eid: str) -> bool:
        """Whether the story entity of ``eid`` holds a person with a name."""
        root = self.uf.find(eid)
        if root not in self._named:
            e = self.ents[root]
            self._named[root] = e.type == "PERSON" and root not in self.unnamed
        return self._named[root]

    def genders(self, root: str) -> frozenset[str]:
        if root not in self._genders:
            self._genders[root] = frozenset({self.ents[root].gender}) & _BOTH_GENDERS
        return self._genders[root]

    def components(self, ids: list[str] | None = None) -> dict[str, list[ArticleEntity]]:
        """Each story entity's members by root, in id order (``ids``: :attr:`ents` sorted, when known)."""
        comps: dict[str, list[ArticleEntity]] = defaultdict(list)
        ids = sorted(self.ents) if ids is None else ids
        for e, root in zip(map(self.ents.__getitem__, ids), self.uf.roots(ids)):
            comps[root].append(e)
        return comps


def _names(e: ArticleEntity) -> tuple[str, ...]:
    return _proper_names(e.name, tuple(e.aliases))


# Memoised by the names themselves: a story names the same people in article after article.
@lru_cache(maxsize=65536)
def _proper_names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in dict.fromkeys((name, *aliases)) if is_proper_name(n))


@lru_cache(maxsize=65536)
def _name_parts(name: str, aliases: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], str | None]:
    """A person's proper names of two words or more, as tokens, and, when it has none, its first
    one-word name: what the name rules index (memoised by the names, as :func:`_proper_names`)."""
    names = _proper_names(name, aliases)
    # "Earvin 'Magic' Johnson" is "Earvin Johnson" and "Magic Johnson" both.
    toks = [name_tokens(n) for n in names] + [f for n in names for f in nickname_name_forms(n)]
    fulls = tuple(t for t in toks if len(t) >= 2)
    return fulls, None if fulls else next((t[0] for t in toks if len(t) == 1), None)


def _epithets(e: ArticleEntity) -> frozenset[str]:
    attrs = e.attributes if isinstance(e.attributes, dict) else {}
    # A relation the article introduced them by ("his mother, Alice McMeekin") is an epithet too.
    roles = [*attrs.get("roles", []), *([attrs["relation"]] if attrs.get("relation") else [])]
    return _epithets_of(e.name, tuple(e.aliases), tuple(str(r) for r in roles))


@lru_cache(maxsize=65536)
def _epithets_of(name: str, aliases: tuple[str, ...], roles: tuple[str, ...]) -> frozenset[str]:
    eps = {a.lower().removeprefix("the ").strip() for a in (name, *aliases) if not is_proper_name(a)}
    eps.update(r.lower().removeprefix("the ").strip() for r in roles)
    eps = {x for x in eps if x and x not in {"he", "she", "they", "him", "her", "them"}}
    # "Dr. Sanjay Gupta" is a doctor: the role his honorific abbreviates, unless the article gives
    # another occupation ("Dr. Ann Lee, an economist": a doctorate, no physician).
    eps.update(role for a in (name, *aliases) if is_proper_name(a)
               for w in a.split()[:1] if w.lower().rstrip(".") in HONORIFIC_ROLES
               for role in (HONORIFIC_ROLES[w.lower().rstrip(".")],)
               if not any(_other_occupation(x, role) for x in eps))
    # "the attorney" is "the lawyer": a one-word role also stands for its WordNet sense.
    return frozenset(eps | {_role_key(x) for x in eps})


def _other_occupation(word: str, role: str) -> bool:
    """Whether ``word`` names a kind of person other than ``role`` and its kinds ("economist" for
    "doctor"; not "surgeon", a doctor, nor a relative such as "mother")."""
    ids = words.synsets(word, "n")[:1] if word.isalpha() else ()
    if not ids or not words.is_person_noun(word):
        return False
    up = {ids[0], *words.hypernyms(ids[0], None)}
    return not up & {*words.synsets(role, "n")[:1], "relative.n.01"}


_SENSE = "sense:"  # prefix of an epithet's WordNet sense, never shown as the shared epithet


def _shown(shared: set[str] | frozenset[str]) -> str:
    """The epithet named in an evidence line: a word when one is shared, else the sense's lemma."""
    plain = sorted(x for x in shared if not x.startswith(_SENSE))
    return plain[0] if plain else sorted(shared)[0].removeprefix(_SENSE).split(".")[0].replace("_", " ")


def _key(e: ArticleEntity) -> tuple[str, str]:
    """Where the rules meet an entity: by article, then id."""
    return e.article, e.id


@dataclass
class FullNames:
    """What rule 1a (the same full name, forms of one first name) leaves behind: its indexes over
    the story's people, the union-find after it, and the evidence lines it wrote, each with the
    place (:func:`_key`) of the entity whose merge wrote it. A pass in the rules' order whose
    state only grows, so an incremental reconcile can extend it with the people of added articles
    (:meth:`extend`) instead of making it again over the whole story. Kept (``keep``), it also
    holds its components, which the story entities are made of (:meth:`components`)."""

    exact: dict[tuple[str, ...], ArticleEntity]  # full name -> its first holder, in first-holder order
    by_rest: dict[tuple[str, ...], dict[str, ArticleEntity]]  # name less its first word -> first word -> holder
    articles_of: dict[tuple[str, ...], set[str]]
    singles: list[tuple[ArticleEntity, str]]  # people with a one-word name only, in the rules' order
    unnamed: list[ArticleEntity]  # people without a name, in the rules' order
    lines: dict[str, list[tuple[tuple, str]]]  # entity id -> (place, evidence line) it wrote, in order (when kept)
    # Two full names one person holds both of -> the first place one does (their holders are one after it).
    together: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)  # the union-find after rule 1a
    named: dict[str, bool] = field(default_factory=dict)
    genders: dict[str, frozenset[str]] = field(default_factory=dict)
    # When kept, the lines of ``lines`` alone, in the same order (handed to the linker as they are:
    # copied, not unpacked).
    shown: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # When kept: each component of two entities or more by its root, its members in id order (never
    # changed in place: a story entity made of one is these very members), and the entities alone, by id.
    parts: dict[str, list[ArticleEntity]] | None = None
    lone: list[ArticleEntity] = field(default_factory=list)

    @classmethod
    def scan(cls, people: Sequence[ArticleEntity], link: _Linker, keep: bool = False) -> "FullNames":
        """Rule 1a over ``people`` (in the rules' order), merging in ``link``; ``keep``: for
        :meth:`extend` later (:meth:`keep`)."""
        out = cls({}, defaultdict(dict), defaultdict(set), [], [], defaultdict(list))
        for e in people:
            out._person(e, link, keep)
        if keep:
            out.keep(link)
        return out

    def keep(self, link: _Linker) -> None:
        """Take a copy of ``link``'s union-find (the rules after this one change it), every entity
        pointing at its root: the rules after this one, and the next reconcile's, then find each
        root in a step (the roots are the same whatever the paths); and its components."""
        ids = sorted(link.uf.parent)
        groups: dict[str, list[ArticleEntity]] = defaultdict(list)
        for x, root in zip(ids, link.uf.roots(ids)):  # finds compress the paths they walk
            groups[root].append(link.ents[x])
        self.parts = {root: members for root, members in groups.items() if len(members) > 1}
        self.lone = [members[0] for members in groups.values() if len(members) == 1]  # in id order, as ``ids``
        self.shown = defaultdict(list, {a: [line for _, line in lines] for a, lines in self.lines.items()})
        self._take(link)

    def _take(self, link: _Linker) -> None:
        self.parent, self.named, self.genders = dict(link.uf.parent), dict(link._named), dict(link._genders)

    def components(self, link: _Linker) -> dict[str, list[ArticleEntity]]:
        """:meth:`_Linker.components` of ``link``, whose union-find is this kept pass's joined
        further by the later rules: this pass's components joined as they are, so only the
        entities alone after it are looked up one by one (a story's people are mostly joined by it)."""
        runs: dict[str, list[list[ArticleEntity]]] = defaultdict(list)
        for e, root in zip(self.lone, link.uf.roots(map(_ID, self.lone))):
            runs[root].append([e])
        find = link.uf.find
        for r, members in self.parts.items():
            runs[find(r)].append(members)
        return {root: parts[0] if len(parts) == 1 else sorted(chain.from_iterable(parts), key=_ID)
                for root, parts in runs.items()}

    def _merge(self, a: ArticleEntity, e: ArticleEntity, why: str, link: _Linker, at: tuple, record: bool) -> None:
        if not record:  # (a pass not kept: no extension will place a line among these)
            link.merge(a, e, why)
            return
        before = len(link.evidence[a.id])
        link.merge(a, e, why)
        if len(link.evidence[a.id]) > before:
            self.lines[a.id].append((at, why))

    def _full_names(self, e: ArticleEntity, in_order: bool) -> tuple[tuple[str, ...], ...]:
        """``e``'s full names; an entity with none is filed with the singles or the unnamed (at
        the end when scanning in order, else where its place puts it)."""
        def file(items: list, item, key=_key) -> None:
            if in_order:
                items.append(item)
            else:
                insort(items, item, key=key)
        if isinstance(e.attributes, dict) and e.attributes.get("unnamed"):
            file(self.unnamed, e)  # "Man" from a headline ("Man Charged In ...") is no name
            return ()
        fulls, single = _name_parts(e.name, tuple(e.aliases))
        if not fulls:
            if single is not None:
                file(self.singles, (e, single), key=lambda x: _key(x[0]))
            else:
                file(self.unnamed, e)
        return fulls

    def _person(self, e: ArticleEntity, link: _Linker, record: bool) -> None:
        fulls = self._full_names(e, in_order=True)
        if not fulls:
            return
        exact, by_rest, at = self.exact, self.by_rest, _key(e)
        self._together(fulls, at)
        for toks in fulls:
            self.articles_of[toks].add(e.article)
            if toks in exact:
                self._merge(exact[toks], e, f"{_label(exact[toks])} and {_label(e)}: same full name", link, at, record)
            else:
                exact[toks] = e
            forms = given_name_forms(toks[0])
            for other_first, other in by_rest[toks[1:]].items():  # one entry per distinct first name
                if other_first != toks[0] and other_first in forms:
                    self._merge(other, e, f"{_label(other)} and {_label(e)}: same surname, and '{other_first}' "
                                          f"and '{toks[0]}' are forms of one first name", link, at, record)
            by_rest[toks[1:]].setdefault(toks[0], e)

    def _together(self, fulls: tuple[tuple[str, ...], ...], at: tuple) -> None:
        for i, a in enumerate(fulls):
            for b in fulls[i + 1:]:
                if a != b:
                    pair = (a, b) if a < b else (b, a)
                    if pair not in self.together or at < self.together[pair]:
                        self.together[pair] = at

    def extend(self, added: Sequence[ArticleEntity], link: _Linker) -> bool:
        """Rule 1a as :meth:`scan` (``keep=True``) of the story's people with the people of
        ``added`` (the added articles' entities) among them would leave it and ``link`` (a new
        linker of every entity): this pass's union-find is taken over by ``link`` and the added
        people are merged in. False when an added person would change what a person of the story
        met (the first holder of a name a person of the story has, a first word met by a later
        person of its surname, a merge of two people of the story): ``link`` is then reset, this
        pass is spoilt, and the caller scans afresh."""
        added = sorted(added, key=_key)
        if len({e.id for e in added}) < len(added) or any(e.id in self.parent for e in added):
            return False
        link.uf.parent, link._named, link._genders = self.parent, self.named, self.genders
        self.parent.update((e.id, e.id) for e in added)
        link.evidence = defaultdict(list)  # (the extension reads only the lines its own merges write)
        met: set[str] = set()
        if not self._extend([e for e in added if e.type == "PERSON"], link, met):
            link.reset()
            return False
        link.evidence = self.evidence()
        self._regroup(added, met, link)
        self._take(link)
        return True

    def _regroup(self, added: Sequence[ArticleEntity], met: set[str], link: _Linker) -> None:
        """The components with the ``added`` entities in: each joined to the components of the
        roots it ``met`` (those of the story's people the extension merged with), or alone;
        every member of a component so made is pointed at its root (an added entity with a
        smaller id than the root it met is the root now)."""
        find, parent = link.uf.find, link.uf.parent
        olds: dict[str, list[tuple[str, list[ArticleEntity]]]] = defaultdict(list)
        news: dict[str, list[ArticleEntity]] = defaultdict(list)
        for r in met:
            olds[find(r)].append((r, self.parts.pop(r, None) or [self.lone.pop(bisect_left(self.lone, r, key=_ID))]))
        for e in added:
            news[find(e.id)].append(e)
        for root in [*news, *(r for r in olds if r not in news)]:  # (each met root is an added one's)
            new, old = news.get(root, ()), olds.get(root, [])
            # A new list (the last one may be a story entity's members): one old component with a
            # few added entities put in, or several merged.
            members = old[0][1].copy() if len(old) == 1 else sorted(chain.from_iterable(m for _, m in old), key=_ID)
            for e in new:
                insort(members, e, key=_ID)
            if len(members) > 1:
                self.parts[root] = members
            else:
                insort(self.lone, members[0], key=_ID)
            # every member at the root: only the added ones, unless the root is another than the one met
            parent.update(dict.fromkeys(map(_ID, new if len(old) == 1 and old[0][0] == root else members), root))

    def _extend(self, added: Sequence[ArticleEntity], link: _Linker, met: set[str]) -> bool:
        exact, by_rest = self.exact, self.by_rest
        fresh = {e.id for e in added}
        grown = False
        for e in added:
            at = _key(e)
            fulls = self._full_names(e, in_order=False)
            if not fulls:
                continue
            joined: tuple | None = None  # the first full name e joined the holder of, and that holder
            for toks in fulls:
                self.articles_of[toks].add(e.article)
                holder = exact.get(toks)
                if holder is None:
                    if toks[1:] in by_rest:  # another first word of this surname part: it would meet e
                        return False
                    exact[toks] = e
                    by_rest[toks[1:]] = {toks[0]: e}
                    grown = True
                    continue
                if _key(holder) > at:
                    return False  # e would be the first holder, and the story's holders would meet e
                forms = given_name_forms(toks[0])
                if any(f != toks[0] and f in forms and _key(o) < at for f, o in by_rest[toks[1:]].items()):
                    return False  # a merge of two people of the story, whose line would move
                if holder is e:
                    continue
                if joined is not None:
                    pair = (joined[0], toks) if joined[0] < toks else (toks, joined[0])
                    if holder is joined[1] or self.together.get(pair, at) < at:
                        continue  # their holders are one already (someone before e held both): nothing written
                    return False  # a merge of two people of the story, whose line would move
                before, root = len(link.evidence[holder.id]), link.uf.find(holder.id)
                if root not in fresh:
                    met.add(root)
                link.merge(holder, e, f"{_label(holder)} and {_label(e)}: same full name")
                lines = link.evidence[holder.id]
                if len(lines) > before:
                    i = bisect_right(self.lines[holder.id], at, key=lambda x: x[0])
                    self.lines[holder.id].insert(i, (at, lines[-1]))
                    self.shown[holder.id].insert(i, lines[-1])
                joined = (toks, holder)
            self._together(fulls, at)
        if grown:  # first holders in the order they were met
            self.exact = dict(sorted(exact.items(), key=lambda kv: _key(kv[1])))
        return True

    def evidence(self) -> defaultdict[str, list[str]]:
        """The evidence lines rule 1a wrote, per entity, in the order it wrote them."""
        return defaultdict(list, {a: lines.copy() for a, lines in self.shown.items()})


def _link_people(people: list[ArticleEntity], link: _Linker,
                 article_links: Sequence[tuple[str, str, str]] = (), first: FullNames | None = None) -> None:
    first = first or FullNames.scan(people, link)
    exact, articles_of, singles, unnamed = first.exact, first.articles_of, first.singles, first.unnamed
    _link_name_variants(exact, link)
    _link_cut_names(exact, link)
    _link_spellings(exact, articles_of, link)
    _link_given_variants(exact, articles_of, link)
    # How much of the story each full-named person is: the articles that name them.
    weight = _weights(first, link) if first.parts is not None else Counter(link.uf.roots(e.id for e in people))

    # Indexes over the full-named components (after rule 1 their roots are final for people).
    surname: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)
    rep: dict[str, ArticleEntity] = {}
    for toks, e in exact.items():
        root = link.uf.find(e.id)
        rep.setdefault(root, e)
        surname[toks[-1]].add(root)
        first[toks[0]].add(root)
    epithets_of = link.epithets  # each entity's, once (ArticleCast): the rules below ask again
    # (most people: a name and no epithet, nothing for the epithet rules to count: left out once)
    epithets_of_someone = [e for e in people if epithets_of[e.id]]
    epithets, epithet_owner = _epithet_index(epithets_of_someone, rep, link)

    mononyms: dict[str, ArticleEntity] = {}
    for e, tok in singles:
        if tok in lexicon().titles:  # "CEO", "President": a title, not a surname
            continue
        by_surname = surname.get(tok, set())
        if len(by_surname) > 1:
            # "Page" where the story names Bettie Page in nine articles and her father Jack Page in
            # one: the surname alone is the person the story is about, when that one is clear.
            ranked = sorted(by_surname, key=lambda r: (-weight[r], r))
            if weight[ranked[0]] >= _DOMINANT * weight[ranked[1]]:
                root = ranked[0]
                link.merge(rep[root], e, f"{_label(e)} is the surname of {_label(rep[root])}, who the story "
                                         f"names far more often than anyone else with it")
            continue
        by_first = set().union(*(first.get(f, set()) for f in given_name_forms(tok)))
        if len(by_surname) == 1:
            root = next(iter(by_surname))
            link.merge(rep[root], e, f"{_label(e)} is the surname of {_label(rep[root])}, the only person with it")
        elif not by_surname and len(by_first) == 1:
            root = next(iter(by_first))
            shared = epithets_of[e.id] & epithets[root]
            if shared:  # a first name alone is never enough
                link.merge(rep[root], e, f"{_label(e)} is the first name of {_label(rep[root])} "
                                         f"and both are called '{_shown(shared)}'")
        elif not by_surname and not by_first:
            if tok in mononyms:
                link.merge(mononyms[tok], e, f"{_label(mononyms[tok])} and {_label(e)}: same single name, "
                                             "no one else in the story has it")
            else:
                mononyms[tok] = e
    # One article telling one deed twice ("A woman opened fire ... Hiller opened fire") is stronger
    # evidence than any story-wide epithet: those links come first, and the holder's epithets then
    # count as the named person's ("woman" is Hiller's too, not only a misread name's).
    for a, b, why in article_links:
        link.merge(link.ents[a], link.ents[b], why, bind=True)
    if article_links:
        epithets, epithet_owner = _epithet_index(epithets_of_someone, rep, link)
    # How many articles give each named person each epithet ("the victim" in three articles about
    # Banky, once for a colleague): the one the story gives it far more often takes it unnamed.
    current = {link.uf.find(r): r for r in rep}
    epithet_weight: Counter = Counter()
    for e in epithets_of_someone:
        root = current.get(link.uf.find(e.id))
        if root is not None:
            epithet_weight.update((ep, root) for ep in epithets_of[e.id])
    holders: dict[str, list[ArticleEntity]] = {}
    for e in unnamed:
        own = epithets_of[e.id]
        owners = set().union(*(epithet_owner.get(ep, set()) for ep in own))
        if len(owners) > 1:
            score = {r: sum(epithet_weight[(ep, r)] for ep in own) for r in owners}
            ranked = sorted(owners, key=lambda r: (-score[r], r))
            if score[ranked[0]] >= _DOMINANT * score[ranked[1]]:
                owners = {ranked[0]}
        if len(owners) == 1:
            root = next(iter(owners))
            ep = _shown(own & epithets[root])
            if link.merge(rep[root], e, f"{_label(e)} shares the epithet '{ep}' with {_label(rep[root])} only, "
                                        "or far more often than anyone else", bind=True):
                continue
        if isinstance(e.attributes, dict) and e.attributes.get("unnamed"):
            # "the gunman" in two articles, named in neither, or named as several people's role
            # with no one ahead (or the one named holder cannot be them): one story, one unnamed gunman.
            # "the attorney" and "the lawyer": one role by its WordNet sense.
            for role in e.attributes.get("roles", []):
                holders.setdefault(_role_key(role), []).append(e)
    for held in holders.values():
        _link_holders(held, link)
    _link_protagonists(people, [e for e in unnamed if e.id not in link.doubtful], rep, weight, link)


def _weights(first: FullNames, link: _Linker) -> Counter:
    """How many people each full-named person's story entity holds after rules 1a-1e (by its
    root now: the only weights the later rules read), counted from rule 1a's kept components,
    which rules 1b-1e join whole (the people with no full name are alone after them)."""
    weight: Counter = Counter()
    for r in {first.parent[e.id] for e in first.exact.values()}:
        members = first.parts.get(r)
        weight[link.uf.find(r)] += len(members) if members else 1
    return weight


def _epithet_index(people: list[ArticleEntity], rep: dict[str, ArticleEntity],
                   link: _Linker) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The epithets of each full-named person (keyed as ``rep`` is), pooled over the entities now
    joined to them, and the full-named people holding each epithet."""
    current = {link.uf.find(r): r for r in rep}  # roots move as rules merge; ``rep`` keeps rule 1's
    epithets: dict[str, set[str]] = defaultdict(set)
    for e in people:
        if not link.epithets[e.id]:
            continue  # (most people: a name and no epithet) nothing to add, whatever its root
        root = current.get(link.uf.find(e.id))
        if root is not None:
            epithets[root] |= link.epithets[e.id]
    owner: dict[str, set[str]] = defaultdict(set)
    for root, eps in epithets.items():
        for ep in eps:
            owner[ep].add(root)
    return epithets, owner


def _link_holders(held: list[ArticleEntity], link: _Linker) -> None:
    """Unnamed holders of one role, one person: of the gender most of them have, when at least
    twice as many have it as the other; with no such gender, only holders of one gender join
    each other. A holder of the other gender is a misreading, or someone else: doubtful. Holders of
    unknown gender take the main gender only when at least two holders have it."""
    count = Counter(e.gender for e in held if e.gender in _BOTH_GENDERS)
    ranked = count.most_common()
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= _DOMINANT * ranked[1][1]) else None
    # One reading of a gender is too little to make holders of unknown gender that gender's (and
    # so, through it, the person the story is about): they join each other only.
    spread = main is not None and count[main] >= _DOMINANT
    first: dict[str | None, ArticleEntity] = {}
    for e in held:
        gender = e.gender if e.gender in _BOTH_GENDERS else None
        if main is not None:
            if gender not in {None, main}:
                link.doubtful.add(e.id)
                continue
            if spread or gender is not None:
                gender = main
        elif gender is None and ranked:
            continue
        if gender in first:
            link.merge(first[gender], e, f"{_label(first[gender])} and {_label(e)}: the same role, "
                                         "and no one person in the story is named as holding it", bind=True)
        else:
            first[gender] = e


def _role_key(role: str) -> str:
    ids = words.synsets(role, "n")[:1] if role.isalpha() else ()
    return f"{_SENSE}{ids[0]}" if ids else role


def _link_protagonists(people: list[ArticleEntity], unnamed: list[ArticleEntity], rep: dict[str, ArticleEntity],
                       weight: Counter, link: _Linker) -> None:
    """Rule 4c: "a woman was killed" in one article of a story whose other articles name the
    victim is that woman, when the story is about her: an unnamed man or woman no named person
    took goes to the one person of that gender the story names in at least twice as many articles
    as anyone else who may have it (someone of unknown gender may, at half their weight)."""
    # Roots move as rules 2-4 merge; ``rep`` is keyed by the roots rule 1 left.
    current = {link.uf.find(r): r for r in rep}
    known: dict[str, str] | None = None  # each named person's gender: counted when first needed
    for e in unnamed:
        if e.gender not in {"male", "female"} or link.uf.find(e.id) in current or e.type != "PERSON":
            continue
        if known is None:  # (nothing is merged here before: the count is the one made up front)
            known = _known_genders(people, current, link)
        # Someone of unknown gender may be them as often as not: half their weight competes.
        share = {r: weight[r] * (1.0 if r in known else 0.5) for r in rep if known.get(r, e.gender) == e.gender}
        fits = sorted(share, key=lambda r: (-share[r], r))
        if not fits or known.get(fits[0]) != e.gender:
            continue
        if weight[fits[0]] >= 2 and (len(fits) == 1 or share[fits[0]] >= _DOMINANT * share[fits[1]]):
            root = fits[0]
            link.merge(rep[root], e, f"{_label(e)} is the {e.gender} person the story is about: no one named "
                                     f"was given that role, and the story names {_label(rep[root])} far more "
                                     "often than anyone else who may be them", bind=True)


def _known_genders(people: list[ArticleEntity], current: dict[str, str], link: _Linker) -> dict[str, str]:
    """The gender most of each named person's entities have (keyed as ``current``'s values)."""
    gender: dict[str, Counter] = defaultdict(Counter)
    for e, found in zip(people, link.uf.roots(e.id for e in people)):
        root = current.get(found)
        if root is not None and e.gender in {"male", "female"}:
            gender[root][e.gender] += 1
    return {root: c.most_common(1)[0][0] for root, c in gender.items()}


# Frames of deeds that single a person out ("the gunman shot", "the driver fled"); saying,
# thinking, seeing, having and being are things anyone in the story does.
_DEED_FRAMES = frozenset({"verb.contact", "verb.competition", "verb.motion", "verb.body", "verb.change",
                          "verb.social", "verb.creation", "verb.consumption"})


def _deeds(claims: Iterable, ents: dict[str, ArticleEntity]) -> dict[str, set[tuple[str, str]]]:
    """Article entity id -> the deeds it is the doer or the undergoer of: (WordNet event key,
    'agent' | 'patient'), from positive eventive claims of a deed frame."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        if not c.eventive or c.polarity != "positive" or not c.event_key or c.frame not in _DEED_FRAMES:
            continue
        for eid, part in ((c.subject, "agent"), (c.object, "patient")):
            if eid in ents and ents[eid].type == "PERSON":
                out[eid].add((c.event_key, part))
    return out


def _link_by_deeds(people: list[ArticleEntity], link: _Linker) -> None:
    """Rule 4d: an unnamed person no epithet bound ("the accountant" shot three people) is the one
    named person the other articles say did the same deeds (LaCalamita shot them): the one
    sharing deeds with it (two at least, counted per article) twice as often as anyone else, a
    person with a full name (a lone first name may be anyone's), named in no article
    of its own (an article naming both means two people; one whose epithet it is may not), genders
    not at odds."""
    deeds, unnamed = link.deeds, link.unnamed
    if not any(map(deeds.get, unnamed)):  # only the deeds of people named nowhere are asked about
        return
    comps: dict[str, list[ArticleEntity]] = defaultdict(list)
    roots = link.uf.roots(e.id for e in people)
    for e, root in zip(people, roots):
        comps[root].append(e)
    nameless = [root for root, ms in comps.items() if all(m.id in unnamed for m in ms)]
    # Only the deeds of people named nowhere are asked about: the named are indexed by those alone.
    wanted = frozenset().union(*(deeds.get(m.id, ()) for root in nameless for m in comps[root]))
    if not wanted:
        return
    named = comps.keys() - nameless
    # (deed) -> named root -> articles where it is said of them
    said: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e, root in zip(people, roots):
        hit = wanted.intersection(deeds.get(e.id, ()))
        if hit and root in named:
            for d in hit:
                said[d][root].add(e.article)
    named_in: dict[str, set[str]] = {}
    full: dict[str, bool] = {}

    def fits_of(r: str, articles: set[str], genders: set[str]) -> bool:
        # Articles that name the person (an epithet the article's reader gave them does not count:
        # "Woman Shoots Co-workers" above a body that says "the employee" may still be one person),
        # and only someone with a full name: a lone first name ("Leroy") may be anyone's.
        if r not in full:
            full[r] = any(len(name_tokens(n)) >= 2 for m in comps[r] for n in _names(m))
            named_in[r] = {m.article for m in comps[r] if m.id not in unnamed}
        return full[r] and not articles & named_in[r] and not genders - {m.gender for m in comps[r]} - {None}

    for root in sorted(nameless):
        ms = comps[root]
        own = set().union(*(deeds.get(m.id, set()) for m in ms))
        articles = {m.article for m in ms}
        genders = {m.gender for m in ms} & {"male", "female"}
        support: Counter = Counter()
        for d in own:
            for other, arts in said.get(d, {}).items():
                support[other] += len(arts - articles)
        fits = [(n, r) for r, n in support.items() if n and fits_of(r, articles, genders)]
        fits.sort(key=lambda x: (-x[0], x[1]))
        if fits and fits[0][0] >= _DEED_SUPPORT and (len(fits) == 1 or fits[0][0] >= _DOMINANT * fits[1][0]):
            best = comps[fits[0][1]][0]
            shown = sorted({d[0].split(".")[0] for d in own if fits[0][1] in said.get(d, {})})
            link.merge(best, ms[0], f"{_label(ms[0])}, named nowhere, did what other articles say {_label(best)} did "
                                    f"({', '.join(shown)}), and no one else as often", bind=True)


_DEED_SUPPORT = 2  # (deed, article) pairs that say it of the named person: one may be a misread
_LEDE_DEEDS = 2  # deeds an unnamed person must share with the one named person of its article


def _lede_holders(people: Sequence[ArticleEntity], deeds: dict[str, set[tuple[str, str]]],
                  unnamed: frozenset[str]) -> Iterable[tuple[ArticleEntity, ArticleEntity, str]]:
    """Rule 4d, within one article: "A woman opened fire on co-workers, killing two ... Yvonne
    Hiller, 43, had been suspended" tells one deed twice, once of the unnamed person the lede
    introduces and once of the name. The unnamed person is the one named person of the article
    who did at least two of the same deeds, when no one else did any of them."""
    named = [e for e in people if e.id not in unnamed]
    for u in people:
        if u.id not in unnamed or not deeds.get(u.id):
            continue
        shared = {x.id: deeds[u.id] & deeds.get(x.id, set()) for x in named
                  if not ({u.gender, x.gender} >= {"male", "female"})}
        fits = [x for x in named if len(shared.get(x.id, ())) >= _LEDE_DEEDS]
        if len(fits) == 1 and sum(bool(v) for v in shared.values()) == 1:
            x = fits[0]
            yield (x, u, f"{_label(u)} did what {_label(x)} did in the same article "
                         f"({', '.join(sorted({d[0].split('.')[0] for d in shared[x.id]}))}), and no one else there")


# Rules that read one article alone (its people, their deeds, which are unnamed) and propose links
# inside it: each is run once per article and its links are kept with the article's ArticleCast,
# so an incremental reconcile runs it only for new or changed articles. Their links are made after
# the name rules and before the epithet rules, article by article (in article id order), rule by rule.
ARTICLE_RULES = (_lede_holders,)


def _is_unnamed(e: ArticleEntity) -> bool:
    return (isinstance(e.attributes, dict) and bool(e.attributes.get("unnamed"))) or not _names(e)


def _same_word(a: str, b: str) -> bool:
    """One name word, or an initial of it ("w" ~ "walker")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names (surname equal) can be one person's: "Raymond W. Kelly" ~ "Raymond
    Kelly" ~ "R. Kelly"; "Joseph Comeaux" ~ "Arcade Joseph Comeaux" (known by the middle name).
    Middle names must agree where both have them: "George W. Bush" is not "George H. W. Bush"."""
    if a[-1] != b[-1] or a == b:
        return False
    a_first, b_first = a[0], b[0]
    a_mid, b_mid = a[1:-1], b[1:-1]
    if not (_same_word(a_first, b_first) or b_first in given_name_forms(a_first)):
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return len(short) == 2 and short[0] in long_[1:-1]
    if not a_mid or not b_mid:
        return True
    return len(a_mid) == len(b_mid) and all(_same_word(x, y) for x, y in zip(a_mid, b_mid))


def _link_name_variants(exact: dict[tuple[str, ...], ArticleEntity], link: _Linker) -> None:
    """Rule 1b: full names that differ by a middle name or an initial, when the match is unique.

    A name is linked to every variant it fits only when those variants fit each other too:
    "George Bush" fits both "George W. Bush" and "George H. W. Bush", which are two people, so it
    is linked to neither.
    """
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for toks in exact:
        by_surname[toks[-1]].append(toks)
    for names in by_surname.values():
        if len(names) < 2:
            continue
        fits = {a: [b for b in names if _variant(a, b)] for a in names}
        clear = {a for a, f in fits.items() if all(_variant(x, y) or x == y for x in f for y in f)}
        for a in names:
            for b in fits[a]:
                if a not in clear or b not in clear:
                    continue
                link.merge(exact[a], exact[b], f"{_label(exact[a])} and {_label(exact[b])}: the same name but for a "
                                                "middle name or an initial, and no one else fits")


def _link_cut_names(exact: dict[tuple[str, ...], ArticleEntity], link: _Linker) -> None:
    """Rule 1c: a name that is the start of exactly one longer name of the story is that person,
    cut short by the tagger ("Anthony Phillip" in "charges to Anthony Phillip Lasalle Friday",
    where the story names Anthony Phillip LaSalle)."""
    longer: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for toks in exact:
        for k in range(2, len(toks)):
            longer[toks[:k]].append(toks)
    for toks, e in exact.items():
        fits = longer.get(toks, [])
        if len(fits) == 1:
            other = exact[fits[0]]
            link.merge(other, e, f"{_label(e)} is the start of {_label(other)}, the only longer name it begins")


_SPELLING_MIN = 5  # the shortest name word a one-letter difference may be a spelling of ("Heydar" ~ "Heidar")
_SPELLING_ANCHORED = 4  # the shortest surname so, when the given names are one ("Rait" ~ "Raite")


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter changed, added or dropped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


def _spelling(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names one person's in two spellings: word for word the same or one letter apart,
    each differing word at least :data:`_SPELLING_MIN` letters ("Heydar Alishbandi" ~ "Heidar
    Alishvandi", "Masoud Dalman" ~ "Massoud Dalman"), so "Mark" and "Mary" stay two people."""
    if len(a) != len(b) or a == b:
        return False
    # A surname alone differing, after the same given name, may be shorter ("Duncan Rait" ~ "Duncan
    # Raite"), but only by a letter added at its end: a letter changed in so short a word is another
    # surname ("Sarah Hall" and "Sarah Hill", "David Lane" and "David Lang" are two people).
    anchored = a[:-1] == b[:-1] and len(a[0]) >= _SPELLING_MIN
    return all(x == y or (_one_edit(x, y) and (min(len(x), len(y)) >= _SPELLING_MIN or (
        anchored and min(len(x), len(y)) >= _SPELLING_ANCHORED and (x.startswith(y) or y.startswith(x)))))
               for x, y in zip(a, b))


def _link_spellings(exact: dict[tuple[str, ...], ArticleEntity], articles_of: dict[tuple[str, ...], set[str]],
                    link: _Linker) -> None:
    """Rule 1d: names transliterated or misspelt apart. A name is linked to the spellings it fits
    when they all fit each other ("Heydar Alishvandi", "Heydar Alishbandi", "Heidar Alishvandi")
    and no article names two of them (an article that names both means two people)."""
    by_shape: dict[tuple[int, str], list[tuple[str, ...]]] = defaultdict(list)
    for toks in exact:
        by_shape[(len(toks), toks[-1][:1])].append(toks)
    for names in by_shape.values():
        fits = {a: [b for b in names if _spelling(a, b)] for a in names}
        for a, f in fits.items():
            group = [a, *f]
            if not f or any(x != y and (y not in fits[x] or articles_of[x] & articles_of[y])
                            for x in group for y in group):
                continue
            for b in f:
                link.merge(exact[a], exact[b], f"{_label(exact[a])} and {_label(exact[b])}: one name spelt two "
                                                "ways (a letter apart in each word that differs), never both in one article")


_GIVEN_PREFIX = 3  # letters two forms of one given name share at the start ("Bettie" ~ "Betty", "Alexis" ~ "Alexandros")


def _given_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names with one surname whose given names may be one name's forms: the same first
    :data:`_GIVEN_PREFIX` letters, genders (from the name table) not at odds, not two names of the
    table's own (:meth:`~storyline.read.entities.lexicon.Lexicon.two_names`), and middle names
    agreeing where both have them ("Betty Mae Page" ~ "Bettie Page", "Katie" ~ "Kathryn Jenkin")."""
    if a[-1] != b[-1] or a[0] == b[0] or min(len(a[0]), len(b[0])) < _GIVEN_PREFIX:
        return False
    if a[0][:_GIVEN_PREFIX] != b[0][:_GIVEN_PREFIX]:
        return False
    lex = lexicon()
    ga, gb = lex.gender_of_name.get(a[0].capitalize()), lex.gender_of_name.get(b[0].capitalize())
    if ga and gb and ga != gb or lex.two_names(a[0].capitalize(), b[0].capitalize()):
        return False  # "Bobbie" and "Bobby": each a name of its own
    return not (a[1:-1] and b[1:-1] and a[1:-1] != b[1:-1])


def _link_given_variants(exact: dict[tuple[str, ...], ArticleEntity], articles_of: dict[tuple[str, ...], set[str]],
                         link: _Linker) -> None:
    """Rule 1e: one person's given name written two ways ("Bettie Page" / "Betty Page",
    "Alexandros" / "Alexis Grigoropoulos"): linked when every such name of that surname fits the
    others and no article names two of them (an article naming both means two people)."""
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for toks in exact:
        by_surname[toks[-1]].append(toks)
    for names in by_surname.values():
        fits = {a: [b for b in names if _given_variant(a, b)] for a in names}

        def articles(toks: tuple[str, ...]) -> set[str]:  # of everyone already linked with that name
            root = link.uf.find(exact[toks].id)
            return set().union(*(articles_of[t] for t in names if link.uf.find(exact[t].id) == root))

        for a, f in fits.items():
            group = [a, *f]
            if not f or any(x != y and (y not in fits[x] and x[0] != y[0] or articles(x) & articles(y))
                            for x in group for y in group):
                continue
            for b in f:
                link.merge(exact[a], exact[b], f"{_label(exact[a])} and {_label(exact[b])}: one surname and two forms of "
                                                "one given name, never both in one article")


def _link_blends(people: list[ArticleEntity], blends: Sequence[tuple[ArticleEntity, tuple[str, str]]],
                 bodies: Iterable[frozenset[str]], link: _Linker) -> None:
    """Rule 1f: a one-word name blended from the starts of one full-named person's given name and
    surname ("LiLo" ~ Lindsay Lohan, :mod:`storyline.core.blends`), when it fits no one else, is
    no one's given name or surname itself ("LaSalle", "McDermott" are surnames), and no article
    of the story calls it a body ("Wal-Mart", "DeLeon" ~ Walter Martin, Deborah Leonard): the
    tagger misreads a blend as a place or a thing, but a body's name is a body's. ``blends``: the
    story's entities shaped like a blend, with their parts (:func:`_blend_candidates`); ``bodies``:
    each article's :attr:`ArticleCast.bodies`."""
    if not blends:  # most stories: no name shaped like one, and no need to index everyone's names
        return
    body_names = frozenset().union(*bodies)
    blends = [(e, b) for e, b in blends if e.name.strip().lower() not in body_names]
    if not blends:
        return
    parts: set[str] = set()
    rep: dict[str, ArticleEntity] = {}
    fulls_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in people:
        for toks in _name_parts(e.name, tuple(e.aliases))[0]:
            root = link.uf.find(e.id)
            fulls_of[root].add((toks[0], toks[-1]))
            rep.setdefault(root, e)
            parts.update(toks)
    for e, blend in blends:
        if e.name.lower() in parts or e.name.lower().replace("-", "") in parts:
            continue
        fits = {root for root, names in fulls_of.items() if any(is_blend_of(blend, g, sur) for g, sur in names)}
        if len(fits) == 1:
            root = next(iter(fits))
            link.merge(rep[root], e, f"{_label(e)} is blended from the starts of {_label(rep[root])}'s given name and "
                                     "surname, and of no one else's")


def _blend_candidates(entities: Iterable[ArticleEntity]) -> tuple[tuple[ArticleEntity, tuple[str, str]], ...]:
    """The entities rule 1f may bind (any type but GROUP) whose name is shaped like a blend, with its parts."""
    return tuple((e, b) for e in entities if e.type != "GROUP" for b in (blend_parts(e.name),) if b)


def _bodies(entities: Iterable[ArticleEntity]) -> frozenset[str]:
    """The names (lower case) an article gives organisations and outlets: never a blend (rule 1f)."""
    return frozenset(e.name.strip().lower() for e in entities if e.type in _ORG_TYPES)


def _link_orgs(orgs: list[ArticleEntity], link: _Linker) -> None:
    by_key: dict[str, tuple[ArticleEntity, str]] = {}
    for e in orgs:
        for n in dict.fromkeys((e.name, *e.aliases)):
            k = outlet_key(n) if is_org_name(n) else ""  # never "the company" or "they"
            if not k:
                continue
            if k in by_key:
                other, surface = by_key[k]
                link.merge(other, e, f"{_label(other, surface)} and {_label(e, n)}: same outlet/organisation name")
            else:
                by_key[k] = (e, n)
    # A short form ("Us") names the one longer outlet it starts ("Us Weekly"); by first word, so
    # this stays linear.
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        by_first[k.split()[0]].append(k)
    for k in sorted(by_key):
        longer = [o for o in by_first[k.split()[0]] if len(o) > len(k) and outlet_matches(k, o)]
        if len(longer) == 1:
            (a, sa), (b, sb) = by_key[longer[0]], by_key[k]
            link.merge(a, b, f"{_label(b, sb)} is the short name of {_label(a, sa)}, the only outlet it fits")


def _link_groups(groups: list[ArticleEntity], link: _Linker) -> None:
    by_members: dict[frozenset[str], ArticleEntity] = {}
    by_kind: dict[str, ArticleEntity] = {}
    for e in groups:
        attrs = e.attributes if isinstance(e.attributes, dict) else {}
        if attrs.get("unnamed") and not _group_members(e):
            # "the pirates" in two articles of one story: the same unnamed people.
            for role in attrs.get("roles", [])[:1]:
                if role in by_kind:
                    link.merge(by_kind[role], e, f"{_label(by_kind[role])} and {_label(e)}: unnamed people of one kind")
                else:
                    by_kind[role] = e
            continue
        roots = frozenset(link.uf.find(m) for m in _group_members(e) if m in link.ents)
        if len(roots) < 2:
            continue
        if roots in by_members:
            link.merge(by_members[roots], e, f"{_label(by_members[roots])} and {_label(e)}: same members")
        else:
            by_members[roots] = e
    # "the robbers" and "the thieves", "the pirates", "the brigands" and "the raiders": kinds of
    # one kind, when every kind so near one of them is near all the others too ("gunman",
    # "robber", "thief" are one group). A chain of near kinds, "gunman" ~ "robber" ~ "mugger" with
    # "gunman" not near "mugger", may hold two groups: none of its kinds is linked.
    kinds = sorted(by_kind)
    near = {a: {b for b in kinds if b != a and _near_kinds(a, b)} for a in kinds}
    for a in kinds:
        team = {a} | near[a]
        if len(team) < 2 or any(near[b] | {b} != team for b in team):
            continue
        for b in sorted(team - {a}):
            if b > a:
                link.merge(by_kind[a], by_kind[b], f"{_label(by_kind[a])} and {_label(by_kind[b])}: unnamed people of "
                                                   "kinds WordNet puts under one kind, and no other such group")


_KIND_STEPS = 2  # hypernym levels between two kinds of people that count as one kind


def _near_kinds(a: str, b: str) -> bool:
    """Two kinds of person whose most frequent senses are one under the other ("robber" under
    "thief") or share a kind at most two levels up that is itself at least two levels below
    person ("thief" and "raider": criminal), not a broad one ("man" and "woman": adult)."""
    sa, sb = words.synsets(a, "n")[:1], words.synsets(b, "n")[:1]
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    if _sense_of(a, b) or _sense_of(b, a):
        return True
    up_a, up_b = words.hypernyms(sa[0], _KIND_STEPS), words.hypernyms(sb[0], _KIND_STEPS)
    if sa[0] in up_b or sb[0] in up_a:
        return True
    return any("person.n.01" not in words.hypernyms(c, 1) and c != "person.n.01"
               and "person.n.01" in words.hypernyms(c, None) for c in set(up_a) & set(up_b))


def _sense_of(kind: str, word: str) -> bool:
    """Whether a kind's most frequent sense is one of ``word``'s person senses or, for a kind of
    one sense only, one level under one ("cop", only policeman slang, and "officer", whose third
    sense is a policeman). A kind of several senses is not taken one level down: "officer" (first a
    military officer, under serviceman) is no "man" for that rarer sense of "man"."""
    own = words.synsets(kind, "n")
    senses = {s for s in words.synsets(word, "n") if "person.n.01" in words.hypernyms(s, None)}
    if own[0] in senses:
        return True
    return len(own) == 1 and bool(senses.intersection(words.hypernyms(own[0], 1)))


def _link_exact(others: list[ArticleEntity], link: _Linker) -> None:
    seen: dict[tuple[str, tuple[str, ...]], ArticleEntity] = {}
    for e in others:
        key = (e.type, name_tokens(e.name))
        if not key[1] or not is_org_name(e.name):  # "share", "video": common nouns are not names
            continue
        if key in seen:
            link.merge(seen[key], e, f"{_label(seen[key])} and {_label(e)}: same {e.type} name")
        else:
            seen[key] = e


def _group_members(e: ArticleEntity) -> list[str]:
    return list(e.attributes.get("members", [])) if isinstance(e.attributes, dict) else []


@dataclass(frozen=True)
class ArticleCast:
    """What the cast derives from one article alone: made once per article, and by an incremental
    reconcile (:mod:`storyline.reconcile.incremental`) only for new or changed articles."""

    epithets: dict[str, frozenset[str]]  # person id -> its epithets (:func:`_epithets`)
    unnamed: frozenset[str]  # ids of its people without a name (:func:`_is_unnamed`)
    deeds: dict[str, frozenset[tuple[str, str]]]  # person id -> its deeds (:func:`_deeds`); frozen: the cache shares them
    links: tuple[tuple[str, str, str], ...]  # (kept id, joined id, why): what :data:`ARTICLE_RULES` link in it
    order: tuple[ArticleEntity, ...]  # its entities by (article, id), the order the rules see them in
    article: str | None  # the article id all its entities carry (None if they do not agree)
    blends: tuple[tuple[ArticleEntity, tuple[str, str]], ...] = ()  # :func:`_blend_candidates`, in the given order
    bodies: frozenset[str] = frozenset()  # :func:`_bodies`
    kinds: tuple[tuple[str, tuple[ArticleEntity, ...]], ...] = ()  # :func:`_kinds` of ``order``


def article_cast(entities: Sequence[ArticleEntity], claims: Iterable) -> ArticleCast:
    """:class:`ArticleCast` of one article's (settled) ``entities`` and its ``claims``."""
    order = tuple(sorted(entities, key=lambda e: (e.article, e.id)))
    people = [e for e in order if e.type == "PERSON"]
    unnamed = frozenset(e.id for e in people if _is_unnamed(e))
    deeds = _deeds(claims, {e.id: e for e in people})
    links = tuple((a.id, b.id, why) for rule in ARTICLE_RULES for a, b, why in rule(people, deeds, unnamed))
    article = order[0].article if order and all(e.article == order[0].article for e in order) else None
    return ArticleCast({e.id: _epithets(e) for e in people}, unnamed, {k: frozenset(v) for k, v in deeds.items()},
                       links, order, article, _blend_candidates(entities), _bodies(entities), _kinds(order))


@dataclass
class CastIndex:
    """The story's entities by id, with what the rules look up of each: its type, a group's
    members, and a person's epithets, deeds and whether it is unnamed (from the articles' pieces). One per story, made
    once (:meth:`of`) and grown in place by an incremental reconcile with the pieces of the
    added articles (:meth:`grow`), not gathered again from every article."""

    ents: dict[str, ArticleEntity]
    types: dict[str, str]
    epithets: dict[str, frozenset[str]]
    unnamed: set[str]
    deeds: dict[str, frozenset[tuple[str, str]]]
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # GROUP id -> its members' ids

    @classmethod
    def of(cls, entities: Sequence[ArticleEntity], pieces: Iterable[ArticleCast]) -> "CastIndex":
        """The index of ``entities`` (a later one of an id stands for it) and of the articles' ``pieces``."""
        out = cls(dict(zip(map(_ID, entities), entities)), {e.id: e.type for e in entities}, {}, set(), {},
                  {e.id: tuple(_group_members(e)) for e in entities if e.type == "GROUP"})
        for piece in pieces:
            out._add(piece)
        return out

    def _add(self, piece: ArticleCast) -> None:
        self.epithets.update(piece.epithets)
        self.unnamed.update(piece.unnamed)
        self.deeds.update(piece.deeds)

    def grow(self, pieces: Sequence[ArticleCast]) -> bool:
        """This index with the added articles' ``pieces`` in, as :meth:`of` the story with them
        would make it; False, and left as it is, when one of their entities has an id the story
        or another of them has (which of the two stands for it is the story's order's: make it anew)."""
        added = [e for piece in pieces for e in piece.order]
        ids = set(map(_ID, added))
        if len(ids) < len(added) or not ids.isdisjoint(self.ents):
            return False
        self.ents.update(zip(map(_ID, added), added))
        self.types.update((e.id, e.type) for e in added)
        self.members.update((e.id, tuple(_group_members(e))) for e in added if e.type == "GROUP")
        for piece in pieces:
            self._add(piece)
        return True


def _kinds(entities: Iterable[ArticleEntity]) -> tuple[tuple[str, tuple[ArticleEntity, ...]], ...]:
    """``entities`` by the kind the rules link them as (organisations and outlets together), each
    kind in order of its first entity."""
    out: dict[str, list[ArticleEntity]] = defaultdict(list)
    for e in entities:
        out["ORG" if e.type in _ORG_TYPES else e.type].append(e)
    return tuple((kind, tuple(run)) for kind, run in out.items())


@dataclass(frozen=True)
class Tally:
    """What a story entity's name, type and aliases are made from: how often its members use each
    name and each type, and every name and alias they have. Counts do not depend on the members'
    order, so a story entity that gained members is described from the last tally :meth:`plus`
    the new ones (:class:`storyline.reconcile.incremental.ReconcileCache`)."""

    names: Counter
    types: Counter
    every: frozenset[str]

    @classmethod
    def of(cls, members: Iterable[ArticleEntity]) -> "Tally":
        return cls(Counter(), Counter(), frozenset()).plus(members)

    def plus(self, members: Iterable[ArticleEntity]) -> "Tally":
        """This tally with ``members`` counted in too (a new tally: this one is kept as it is)."""
        names, types, every = Counter(self.names), Counter(self.types), set(self.every)
        for m in members:
            names[m.name] += 1
            types[m.type] += 1
            every.add(m.name)
            every.update(m.aliases)
        return Tally(names, types, frozenset(every))


def _describe(members: Sequence[ArticleEntity], tally: Tally | None = None) -> tuple[str, str, tuple[str, ...], bool]:
    """A story entity's name, type and aliases from its members (counted in ``tally``, made here
    when not given), and whether one is a GROUP (a group is named by its members apart:
    :func:`build_cast`)."""
    tally = tally or Tally.of(members)
    counts = tally.names
    # Prefer a full proper name, then the most used, then the longest; the name itself breaks ties.
    name = max(counts, key=lambda n: (len(name_tokens(n)) >= 2, is_proper_name(n), counts[n], len(n), n))
    types = tally.types
    # Only a blend ("LiLo", tagged a place) joins a person to another type: it never retypes them.
    # Else the most common type, a tie going to the type of the first member in id order.
    etype = "OUTLET" if "OUTLET" in types else "PERSON" if "PERSON" in types and "GROUP" not in types \
        else _most_common_type(members, types)
    return name, etype, tuple(sorted(tally.every - {name})), "GROUP" in types


def _most_common_type(members: Sequence[ArticleEntity], types: Counter) -> str:
    """The type most members have (``types``: their tally), a tie going to the type of the first
    member with one of the tied types: the members are read again on a tie only."""
    top = max(types.values())
    tied = [t for t, n in types.items() if n == top]
    return tied[0] if len(tied) == 1 else next(m.type for m in members if m.type in tied)


def _aliases(members: Sequence[ArticleEntity], name: str) -> tuple[str, ...]:
    return tuple(sorted({n for m in members for n in (m.name, *m.aliases)} - {name}))


class CastSteps:
    """The cast's per-article and per-story-entity steps, each computed afresh:
    :class:`storyline.reconcile.incremental.ReconcileCache` memoises them step by step. Every
    linking rule over the whole story runs each time; only these steps are reused."""

    def settled(self, readings: Sequence[ArticleReading]) -> list[list[ArticleEntity]]:
        """Each reading's entities with their types settled across the story (:func:`settle_types`)."""
        flat = settle_types([e for r in readings for e in r.entities])
        out, at = [], 0
        for r in readings:
            out.append(flat[at : at + len(r.entities)])
            at += len(r.entities)
        return out

    def article(self, r: ArticleReading, entities: list[ArticleEntity]) -> ArticleCast:
        return article_cast(entities, r.claims)

    def describe(self, root: str, members: list[ArticleEntity],
                 tally: Tally | None = None) -> tuple[str, str, tuple[str, ...], bool]:
        """A story entity's name, type, aliases and whether it is a group (``tally``: its members'
        :class:`Tally`, when already counted)."""
        return _describe(members, tally)

    def index(self, pieces: dict[str, ArticleCast], entities: Sequence[ArticleEntity]) -> CastIndex:
        """The :class:`CastIndex` of the story's ``entities`` and its articles' ``pieces`` (by article id)."""
        return CastIndex.of(entities, pieces.values())

    def full_names(self, pieces: dict[str, ArticleCast], people: list[ArticleEntity], link: _Linker) -> FullNames:
        """Rule 1a over the story's ``people`` (the articles' ``pieces`` by article id), in ``link``."""
        return FullNames.scan(people, link)


def build_cast(readings: Sequence[ArticleReading], steps: CastSteps | None = None) -> Cast:
    """Link every article entity into exactly one story entity."""
    steps = steps or CastSteps()
    settled = steps.settled(readings)
    all_ents = [e for ents in settled for e in ents]
    # One ArticleCast per article id (a reading given twice is one article, as it is to the rules).
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(readings):
        by_article[r.article.id].append(i)
    pieces = {}
    for aid, at in by_article.items():
        pieces[aid] = steps.article(readings[at[0]], settled[at[0]]) if len(at) == 1 else article_cast(
            [e for i in at for e in settled[i]], [c for i in at for c in readings[i].claims])
    index = steps.index(pieces, all_ents)
    link = _Linker(all_ents, index)
    by_type: dict[str, list[ArticleEntity]] = defaultdict(list)
    if all(p.article == aid or not p.order for aid, p in pieces.items()):
        for aid in sorted(pieces):  # article by article, each kind's run at once
            for kind, run in pieces[aid].kinds:
                by_type[kind].extend(run)
    else:  # an entity carrying another article's id: order them all at once
        for kind, run in _kinds(sorted(all_ents, key=lambda e: (e.article, e.id))):
            by_type[kind].extend(run)
    people = by_type.pop("PERSON", [])
    first = steps.full_names(pieces, people, link)
    _link_people(people, link, [x for aid in sorted(pieces) for x in pieces[aid].links], first)
    _link_by_deeds(people, link)
    if len(by_article) == len(readings):  # one reading an article: its piece's candidates are in the story's order
        blends = [b for r in readings for b in pieces[r.article.id].blends]
    else:
        blends = list(_blend_candidates(all_ents))
    _link_blends(people, blends, (p.bodies for p in pieces.values()), link)
    _link_orgs(by_type.pop("ORG", []), link)
    groups = by_type.pop("GROUP", [])
    for rest in by_type.values():
        _link_exact(rest, link)
    _link_groups(groups, link)

    entities: list[StoryEntity] = []
    of: dict[str, str] = {}
    used: set[str] = set()
    name_of: dict[str, str] = {}  # story entity id -> its name, for naming groups by their members
    found = first.components(link) if first.parts is not None else link.components()
    described = {root: steps.describe(root, members) for root, members in found.items()}
    comps = sorted(found.items(), key=lambda kv: (described[kv[0]][3], kv[0]))
    # The few entities that wrote evidence lines, per story entity in member (id) order: a story
    # entity's lines are theirs, so its other members (most of a large story) need not be visited.
    writers: dict[str, list[str]] = defaultdict(list)
    for eid in sorted(k for k, lines in link.evidence.items() if lines):
        writers[link.uf.find(eid)].append(eid)
    for root, members in comps:
        name, etype, aliases, grouped = described[root]
        if grouped:  # "the couple" says little: name a group by its members
            inner = sorted({name_of[of[x]] for m in members for x in _group_members(m) if x in of})
            if len(inner) >= 2:
                name = " and ".join(inner)
                aliases = _aliases(members, name)
        sid = make_id("E", etype, name)
        if sid in used:  # two unlinked entities with one name (e.g. two "Natalie"s): keep both
            sid = make_id("E", etype, name, root)
        used.add(sid)
        # (chain and map: at C speed over the story's thousands of members and lines)
        evidence = tuple(chain.from_iterable(map(link.evidence.__getitem__, writers.get(root, ()))))
        ids = tuple(map(_ID, members))
        entities.append(StoryEntity(sid, name, etype, aliases, ids, evidence))
        of.update(dict.fromkeys(ids, sid))
        name_of[sid] = name
    unnamed = frozenset(of[m.id] for _, members in comps for m in members[:1]
                        if all(isinstance(x.attributes, dict) and x.attributes.get("unnamed") for x in members))
    return Cast(
        entities=tuple(sorted(entities, key=lambda s: s.id)),
        of=of,
        by_id={s.id: s for s in entities},
        types=index.types,
        members=index.members,
        unnamed=unnamed,
    )
