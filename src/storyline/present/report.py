"""The HTML dossier: one self-contained, offline file.

Layout: the page itself holds what a reader sees first and what stays small at any size of story
(the brief, the key facts, the timeline chart, outlets, people), rendered here through Jinja's
autoescape. The bulk (every fact, claim and article text) travels as ONE data block: compact JSON,
gzip-compressed and base64-encoded, which the page's script decompresses in the browser
(``DecompressionStream``) and renders on demand: a filtered page of facts, a fact's claims when it
is opened, one article when a claim link is followed. So 100 articles make a file of a few hundred
kilobytes that paints at once, and 1,000 stay usable.

Safety: the data block is base64 (no character of it can close the element or start markup), and
the script puts every string into the page with ``textContent``, never as markup. A
Content-Security-Policy admits only the report's own script, by hash, forbids every network
request, and enforces Trusted Types with no policy, so even a bug that assigned a string to
``innerHTML`` would throw instead of parsing it.

Determinism: the output depends only on the arguments (no clock, no locale, stable ordering,
gzip without a timestamp), so the same store renders byte-identical dossiers; the caller passes
the generation time in ``footer``.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from importlib import resources

import jinja2
from markupsafe import Markup

from storyline.core.dates import (
    birth_interval,
    bound,
    format_date,
    format_day,
    format_span,
    iso,
    parse_day,
)
from storyline.core.records import (
    ArticleReading,
    Claim,
    Fact,
    Review,
    Story,
    TimelineEntry,
)
from storyline.core.reviews import Attached, FactReview, attach
from storyline.core.vocab import SOURCE_KIND, STATUS
from storyline.present.counts import CastCounts
from storyline.present.report_views import (
    CONFLICT_LABELS,
    GRADE_LABELS,
    KIND_LABELS,
    STATUS_ORDER,
    STATUS_TEXT,
    Index,
    Title,
    anchor,
    chains,
    fact_title,
    safe_url,
    sides,
)
from storyline.present.svg_timeline import (
    TimelineRow,
    render_timeline_svg,
)

__all__ = ["DATA_ID", "embedded_data", "encode_data", "render_report", "vocab_css"]
# Also shared with the workspace's views (storyline.present.browse), so a story reads the same in
# both: reading_order, fact_order, entry_bounds, key_fact, people_rows, outlet_rows,
# summary_sentences, disputed_facts, established_facts, VERDICT_LABELS.

DATA_ID = "dossier-data"

_PEOPLE_TYPES = ("PERSON", "GROUP")
# Beyond this many dated entries the checked facts also get a chart of their own.
_TIMELINE_ROWS = 25
# Beyond this many the full chart is left out (the facts' date filter covers them).
_TIMELINE_FULL_MAX = 300
# How many checked facts the brief lists on each side (disputed, established).
_AT_A_GLANCE = 5


def reading_order(readings: Sequence[ArticleReading]) -> list[ArticleReading]:
    """Readings by publication day (the undated last), then outlet and id: the order every view lists articles in."""
    return sorted(readings, key=lambda r: (iso(r.article.published) or "9999", r.article.outlet or "", r.article.id))


def fact_order(facts: Sequence[Fact]) -> list[Fact]:
    """Facts in reading order: the disputed first, then by independent sources and size."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    return sorted(facts, key=lambda f: (rank.get(f.status, 9), -f.independent_sources, -len(f.claims), f.statement, f.id))


def entry_bounds(t: TimelineEntry) -> tuple[date | None, date | None]:
    """A timeline entry's first and last day (either may be None), its ``when`` standing in for a missing bound."""
    return bound(t.start or t.when), bound(t.end or t.start or t.when, end=True)


def key_fact(status: str) -> bool:
    """A checked fact (not a single-source lead); a status outside the vocabulary counts as checked."""
    return STATUS[status].key if status in STATUS else True


def vocab_css() -> str:
    """The colours of the fact statuses and source kinds, from :mod:`storyline.core.vocab`: a
    variable per row (``--s-contradicted``) and its class (``.s-contradicted``) setting the
    ``--s`` / ``--k`` that report.css paints with."""
    rows = [*STATUS.values(), *SOURCE_KIND.values()]
    out = ["/* Status and source-kind colours, generated from storyline.core.vocab */",
           ":root { " + " ".join(f"--{r.css}: {r.colour};" for r in rows) + " }"]
    for r in rows:
        paint = r.css.split("-", 1)[0]  # "s" or "k"
        out.append(f".{r.css} {{ --{paint}: var(--{r.css}); }}")
    return "\n".join(out) + "\n"


def _source_mix(claims: Sequence[Claim]) -> list[tuple[str, str, int, float]]:
    counts = Counter(c.source.kind for c in claims)
    total = sum(counts.values()) or 1
    return [(k, KIND_LABELS[k], counts[k], round(100 * counts[k] / total, 2)) for k in SOURCE_KIND if counts.get(k)]


def people_rows(ix: Index) -> tuple[list[dict], list[dict]]:
    """The cast: people (with ages, and how many claims are about them or sourced to them) and the
    other entities. The claims themselves are listed by the facts filter, not here."""
    about: Counter[str] = Counter()
    said: Counter[str] = Counter()
    for c in ix.claims.values():
        for se_id in {ix.story_of[r].id for r in (c.subject, c.object) if r and r in ix.story_of}:
            about[se_id] += 1
        se = ix.story_of.get(c.source.entity) if c.source.entity else None
        if se:
            said[se.id] += 1
    ages: dict[str, list[dict]] = defaultdict(list)
    roles: dict[str, set[str]] = defaultdict(set)
    for r in ix.readings:
        for g in r.ages:
            se = ix.story_of.get(g.entity)
            if se:
                ages[se.id].append(_age(g.value, g.as_of, r))
        for e in r.entities:
            se = ix.story_of.get(e.id)
            if se and isinstance(e.attributes, dict):
                roles[se.id].update(str(x) for x in e.attributes.get("roles", ()) or ())
    people, others = [], []
    for se in ix.cast:
        item = {
            "entity": se, "anchor": anchor("person", se.id), "aliases": _aliases(se.name, se.aliases),
            "roles": sorted(roles[se.id]), "ages": sorted(ages[se.id], key=lambda a: a["sort"]),
            "age_check": _age_check(ages[se.id]), "about": about[se.id], "said": said[se.id],
            "weight": about[se.id] + said[se.id], "index": -1,
        }  # fmt: skip
        (people if se.type in _PEOPLE_TYPES else others).append(item)
    people.sort(key=lambda p: (-p["weight"], p["entity"].name))
    others.sort(key=lambda p: (p["entity"].type, p["entity"].name))
    return people, others


def _aliases(name: str, aliases: Sequence[str]) -> list[str]:
    """Aliases once each, ignoring case ('The actress' and 'the actress'), without the name itself."""
    seen = {name.casefold()}
    out = []
    for a in aliases:
        if a.casefold() not in seen:
            seen.add(a.casefold())
            out.append(a)
    return out


def _age(value: int, as_of: str | None, r: ArticleReading) -> dict:
    """An age as stated, with the birth-date window it implies on its date (the window reconcile
    checks: same date, same function)."""
    d = parse_day(as_of) or parse_day(r.article.published)
    window = birth_interval(value, d) if d else None
    return {
        "value": value, "outlet": r.article.outlet or "Unknown outlet", "date": format_date(d),
        "article_anchor": anchor("article", r.article.id), "window": window,
        "born": f"{format_day(window.start)} – {format_day(window.end)}" if window else None, "sort": iso(d) or "9999",
    }  # fmt: skip


def _age_check(ages: Sequence[dict]) -> tuple[bool, str] | None:
    """Whether all dated ages of one person fit one birth date: (ok, sentence), or None if < 2."""
    windows = [a["window"] for a in ages if a["window"]]
    if len(windows) < 2:
        return None
    lo, hi = max(w.start for w in windows), min(w.end for w in windows)
    if lo <= hi:
        return True, f"The stated ages agree: born between {format_day(lo)} and {format_day(hi)}."
    return False, "These ages cannot all be right: no single birth date fits them."


def outlet_rows(ix: Index, facts: Sequence[Fact]) -> list[dict]:
    by_outlet: dict[str, list[ArticleReading]] = defaultdict(list)
    for r in ix.readings:
        by_outlet[r.article.outlet or "Unknown outlet"].append(r)
    carried: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        for o in _fact_outlets(f, ix):
            carried[o][f.status] += 1
    out = []
    for name in sorted(by_outlet, key=lambda n: (-len(by_outlet[n]), n)):
        rs = by_outlet[name]
        claims = [c for r in rs for c in r.claims]
        dates = sorted((r.article.published for r in rs if r.article.published), key=iso)
        out.append({
            "name": name, "articles": len(rs), "claims": len(claims), "mix": _source_mix(claims),
            "echoes": sum(1 for c in claims if c.id in ix.echo_of),
            "carried": [(s, STATUS_TEXT[s][0], carried[name][s]) for s in STATUS_ORDER if carried[name].get(s)],
            "facts": sum(carried[name].values()),
            "span": " – ".join(dict.fromkeys(format_date(d) for d in (dates[0], dates[-1]))) if dates else "",
        })  # fmt: skip
    return out


def _fact_outlets(f: Fact, ix: Index) -> list[str]:
    """The outlets that carried a fact: its own list, and those of the articles its claims are in."""
    names = list(f.outlets)
    for c in f.claims:
        r = ix.claim_article.get(c)
        if r is not None:
            names.append(r.article.outlet or "Unknown outlet")
    return list(dict.fromkeys(names))


def summary_sentences(
    ix: Index, facts: Sequence[Fact], people: list[dict], outlets: list[dict], titles: dict[str, Title]
) -> list[str]:
    """The story in brief: a handful of plain sentences (escaped by the template)."""
    n = len(ix.readings)
    if not n:
        return ["No articles have been analysed yet. Run `storyline analyze` on some articles first."]
    names = [o["name"] for o in outlets if o["name"] != "Unknown outlet"]
    dates = sorted(d for r in ix.readings if (d := parse_day(r.article.published)))
    out = f"This dossier covers {_plural(n, 'article')} from {_plural(len(names), 'named outlet')}"
    out += f" ({_join(names[:6])}{', and others' if len(names) > 6 else ''})" if names else ""
    if dates:
        out += (
            f", published between {format_day(dates[0])} and {format_day(dates[-1])}"
            if dates[0] != dates[-1]
            else f", published on {format_day(dates[0])}"
        )
    undated = n - len(dates)
    out += (
        f"; {_plural(undated, 'article')} {'has' if undated == 1 else 'have'} no publication date." if undated else "."
    )
    sentences = [out]
    claims = [c for r in ix.readings for c in r.claims]
    mix = _source_mix(claims)
    if claims:
        ranked = sorted(mix, key=lambda m: -m[2])
        top = [f"{cnt} {label.lower()}" for _, label, cnt, _ in ranked[:4]]
        rest = sum(cnt for _, _, cnt, _ in ranked[4:])
        if rest:
            top.append(f"{rest} from {len(ranked) - 4} other kinds of source")
        sentences.append(f"It reads {_plural(len(claims), 'claim')}, by source: {_join(top)}.")
    if facts:
        by = Counter(f.status for f in facts)
        parts = [f"{by[s]} {STATUS_TEXT[s][0].lower()}" for s in STATUS_ORDER if by.get(s)]
        sentences.append(f"Aligned across articles they make {_plural(len(facts), 'fact')}: {_join(parts)}.")
    else:
        sentences.append("No facts have been aligned across articles yet.")
    if ix.story.echoes:
        n_echo = len(ix.story.echoes)
        verb = (
            "re-reports another outlet's or source's claim and adds"
            if n_echo == 1
            else "re-report other outlets' or sources' claims and add"
        )
        sentences.append(f"{_plural(n_echo, 'claim')} only {verb} no independent source.")
    disputed = disputed_facts(facts, ix)[:3]
    if disputed:
        sentences.append(
            "Most disputed: "
            + "; ".join(f"{_quoted(_clip(titles[f.id].text, 90))} ({STATUS_TEXT[f.status][0].lower()})" for f in disputed)
            + "."
        )
    key = [p for p in people if p["entity"].type == "PERSON" and p["weight"]][:5]
    if key:
        sentences.append(
            "Key people: " + _join([f"{p['entity'].name} (in {_plural(p['weight'], 'claim')})" for p in key]) + "."
        )
    return sentences


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _join(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _quoted(text: str) -> str:
    """A title in quotes, unless it is a quote already."""
    return text if text.startswith(("“", '"')) else f"“{text}”"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _timeline(ix: Index, facts: dict[str, Fact], titles: dict[str, Title]) -> dict:
    """The timeline charts: all dated entries, and when there are many, a key chart of the
    checked ones (corroborated, contested, contradicted) so they are not lost among the leads.
    A fact's entry is labelled with its title, the entry's own label otherwise."""
    rows, undated = [], []
    for t in ix.story.timeline:
        start, end = entry_bounds(t)
        status = t.status or (facts[t.fact].status if t.fact in facts else "")
        label = titles[t.fact].text if t.fact in titles else t.label
        href = f"#{anchor('fact', t.fact)}"
        if start is None:
            undated.append({"label": label, "when": t.when, "status": status, "href": href})
        else:
            when = format_span(start, end, t.when)
            rows.append(TimelineRow(label, start, max(end or start, start), when, status, href))
    key = [r for r in rows if key_fact(r.status)]
    split = len(rows) > _TIMELINE_ROWS and len(key) >= 2
    return {
        "key": Markup(render_timeline_svg(key, title="Key facts in time")) if split else None,
        "full": Markup(render_timeline_svg(rows)) if len(rows) <= _TIMELINE_FULL_MAX else None,
        "rows": len(rows),
        "undated": undated,
    }


def disputed_facts(facts: Sequence[Fact], ix: Index) -> list[Fact]:
    """The disputed facts, most disputed first: the brief's sentence and its list both rank them so."""
    return sorted(
        (f for f in facts if f.status in STATUS and STATUS[f.status].disputed),
        key=lambda f: (STATUS_ORDER.index(f.status), -len(ix.conflicts_of[f.id]), -len(f.claims), f.statement),
    )


def established_facts(facts: Sequence[Fact]) -> list[Fact]:
    """The corroborated facts, best established first."""
    return sorted(
        (f for f in facts if f.status == "corroborated"),
        key=lambda f: (-f.independent_sources, -len(f.claims), f.statement),
    )


def _glance(facts: Sequence[Fact], ix: Index, titles: dict[str, Title]) -> dict:
    """The brief's two short lists: the most disputed checked facts and the best established."""
    disputed = disputed_facts(facts, ix)
    established = established_facts(facts)
    item = lambda f: {  # noqa: E731
        "anchor": anchor("fact", f.id), "title": _clip(titles[f.id].text, 140), "status": f.status,
        "sources": f.independent_sources, "grade": GRADE_LABELS.get(f.grade, f.grade),
    }  # fmt: skip
    return {
        "disputed": [item(f) for f in disputed[:_AT_A_GLANCE]],
        "established": [item(f) for f in established[:_AT_A_GLANCE]],
        "more_disputed": max(0, len(disputed) - _AT_A_GLANCE),
        "more_established": max(0, len(established) - _AT_A_GLANCE),
    }


# --- The data block ---------------------------------------------------------------------------
# Compact JSON read by report.js; keys are short because a story of 1,000 articles holds tens of
# thousands of claims. Indices point into the top-level lists.


def _basis(f: Fact) -> str:
    """What a fact rests on, in words: '1 independent source: anonymous sources'."""
    n = f.independent_sources
    grade = GRADE_LABELS.get(f.grade, f.grade)
    return f"{n} independent source{'' if n == 1 else 's'} · best: {grade}"


def _payload(ix: Index, facts: Sequence[Fact], titles: dict[str, Title], people: list[dict],
             reviewed: Attached | None = None) -> dict:
    kinds = list(SOURCE_KIND)
    kind_ix = {k: i for i, k in enumerate(kinds)}
    statuses = list(STATUS_ORDER)
    outlets: list[str] = []
    outlet_ix: dict[str, int] = {}

    def outlet(name: str | None) -> int:
        name = name or "Unknown outlet"
        if name not in outlet_ix:
            outlet_ix[name] = len(outlets)
            outlets.append(name)
        return outlet_ix[name]

    cast = [p for p in people if p["weight"]]
    person_ix = {p["entity"].id: i for i, p in enumerate(cast)}
    for i, p in enumerate(cast):
        p["index"] = i
    articles, article_ix = [], {}
    for r in ix.readings:
        a = r.article
        article_ix[a.id] = len(articles)
        url = safe_url(a.url)
        articles.append({
            "id": a.id, "an": anchor("article", a.id), "t": a.title or "", "o": outlet(a.outlet),
            "d": iso(parse_day(a.published)) or "", "dl": format_date(a.published), "u": url or "",
            "ru": "" if url else (a.url or ""), "or": a.origin or "", "x": a.text, "w": len(a.text.split()),
            "n": len(r.claims),
        })  # fmt: skip
    home: dict[str, int] = {}
    for fi, f in enumerate(facts):
        for c in f.claims:
            home.setdefault(c, fi)
    claims, claim_ix = [], {}
    counted = {c.id for r in ix.readings for c in r.claims}
    for cid, c in ix.claims.items():
        r = ix.claim_article[cid]
        text = r.article.text
        s = c.source
        claim_ix[cid] = len(claims)
        row = {
            "a": article_ix[r.article.id], "s": c.start, "e": c.end, "ss": c.sentence_start, "se": c.sentence_end,
            "k": kind_ix.get(s.kind, -1), "w": ix.who(c), "f": home.get(cid, -1),
            "pp": sorted(person_ix[e] for e in ix.entities_of(c) if e in person_ix),
        }  # fmt: skip
        if not (0 <= c.start < c.end <= len(text)) or text[c.start : c.end] != c.text:
            row["x"] = c.text  # offsets that do not hold the claim: show its text alone
        optional = {
            "c": s.cue, "v": s.via, "q": s.quote if s.quote != "none" else None,
            "ce": c.certainty if c.certainty != "certain" else None, "ng": 1 if c.polarity == "negative" else None,
            "h": list(c.hedges) or None, "fr": ix.frame(c), "wh": ix.when(c),
            "ec": ix.echo_of[cid][1] if cid in ix.echo_of else None, "sa": None if cid in counted else 1,
        }  # fmt: skip
        row.update({k: v for k, v in optional.items() if v is not None})
        claims.append(row)
    out_facts = []
    for f in facts:
        support, dispute, superseded, neither = sides(f, ix)
        known = [c for c in f.claims if c in claim_ix]
        pub = sorted(d for c in known if (d := articles[claims[claim_ix[c]]["a"]]["d"]))
        start = end = None
        for t in ix.timeline_of[f.id][:1]:
            start, end = bound(t.start), bound(t.end, end=True)
        if start is None and f.when:
            start, end = bound(f.when), bound(f.when, end=True)
        row = {
            "an": anchor("fact", f.id), "s": statuses.index(f.status) if f.status in statuses else -1,
            "sn": f.status, "t": [[p, 1] if ins else [p] for p, ins in titles[f.id].parts], "st": f.statement,
            "i": f.independent_sources, "g": GRADE_LABELS.get(f.grade, f.grade), "b": _basis(f),
            "c": [claim_ix[c] for c in known], "sp": [claim_ix[c] for c in support],
            "ds": [claim_ix[c] for c in dispute], "o": [outlet(o) for o in _fact_outlets(f, ix)],
            "pp": sorted({p for c in known for p in claims[claim_ix[c]]["pp"]}),
            "k": [[kind_ix[k], n] for k, n in sorted(Counter(ix.claims[c].source.kind for c in known).items(),
                                                    key=lambda kv: kind_ix.get(kv[0], 99)) if k in kind_ix],
            "pd": [pub[0], pub[-1]] if pub else [],
            "ed": [iso(start), iso(end or start)] if start else [],
        }  # fmt: skip
        when = format_span(start, end, f.when) if f.when or start else None
        optional = {
            "wh": when, "pc": f.predicate_class, "mi": sum(1 for c in f.claims if c not in claim_ix) or None,
            "su": [claim_ix[c] for c in superseded if c in claim_ix] or None,
            "ne": [claim_ix[c] for c in neither if c in claim_ix] or None,
            "no": list(f.notes) or None,
            "x": [{"k": CONFLICT_LABELS.get(x.kind, x.kind), "r": x.reason,
                   "a": claim_ix.get(x.claims[0], -1) if x.claims else -1,
                   "b": claim_ix.get(x.claims[1], -1) if len(x.claims) > 1 else -1}
                  for x in ix.conflicts_of[f.id]] or None,
            "ch": [[[claim_ix.get(x, -1) if x else -1, ix.echo_of[x][1] if x in ix.echo_of else ""] for x in chain]
                   for chain in chains(f, ix)] or None,
            "rv": _review_row(reviewed.by_fact.get(f.id)) if reviewed else None,
        }  # fmt: skip
        row.update({k: v for k, v in optional.items() if v is not None})
        out_facts.append(row)
    in_facts = set(home)
    return {
        "v": 1,
        "kinds": [[k, KIND_LABELS[k]] for k in kinds],
        "statuses": [[s, STATUS_TEXT[s][0], STATUS_TEXT[s][1]] for s in statuses],
        "outlets": outlets,
        "people": [[p["entity"].name, p["entity"].type, p["anchor"]] for p in cast],
        "articles": articles,
        "claims": claims,
        "facts": out_facts,
        "loose": [claim_ix[c.id] for r in ix.readings for c in r.claims if c.id not in in_facts],
    }


VERDICT_LABELS = {"verified": "Verified", "false": "False", "needs_work": "Needs work"}


def _review_row(attached: FactReview | None) -> dict | None:
    """A fact's review in the data block: the latest verdict (v, its label l), note, reviewer, time,
    and how many decisions were taken on it."""
    if attached is None:
        return None
    r = attached.latest
    return {"v": r.verdict, "l": VERDICT_LABELS.get(r.verdict, r.verdict), "n": r.note, "by": r.reviewer, "at": r.at[:16].replace("T", " "),
            "h": len(attached.history)}


def _reviews(reviewed: Attached, titles: dict[str, Title], facts: Sequence[Fact]) -> dict:
    """The dossier's review section: reviewed facts in the dossier's order, then the orphaned."""
    def row(r: Review) -> dict:
        return {"verdict": r.verdict, "label": VERDICT_LABELS.get(r.verdict, r.verdict), "note": r.note,
                "reviewer": r.reviewer, "at": r.at[:16].replace("T", " ")}

    done = [{"anchor": anchor("fact", f.id), "title": titles[f.id].text, **row(reviewed.by_fact[f.id].latest),
             "earlier": len(reviewed.by_fact[f.id].history) - 1}
            for f in facts if f.id in reviewed.by_fact]
    return {"facts": done, "orphaned": [{"statement": r.statement, **row(r)} for r in reviewed.orphaned]}


def encode_data(payload: dict) -> str:
    """The data block's text: JSON, gzip (no timestamp, so deterministic), base64."""
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def embedded_data(html: str) -> dict:
    """The data block of a rendered dossier, decoded (for tests and tools)."""
    start = html.index(">", html.index(f'id="{DATA_ID}"')) + 1
    return json.loads(gzip.decompress(base64.b64decode(html[start : html.index("<", start)])))


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.present", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )  # fmt: skip
    env.globals.update(STATUS_TEXT=STATUS_TEXT)
    return env


def _asset(name: str) -> str:
    return resources.files("storyline.present").joinpath("templates", name).read_text(encoding="utf-8")


def render_report(
    readings: Sequence[ArticleReading], story: Story, *, title: str | None = None, footer: str | None = None,
    reviews: Sequence[Review] = (),
) -> str:
    """Render the story as one self-contained, deterministic HTML dossier.

    ``readings`` are the articles' readings, ``story`` the reconciled story (may be empty),
    ``reviews`` the reviewers' decisions (attached to the facts by storyline.core.reviews);
    ``title`` defaults to one built from the key people; ``footer`` is shown verbatim (the
    caller puts the generator, pipeline and generation time there; this function reads no clock).
    """
    from storyline import __version__

    readings = reading_order(readings)
    ix = Index(readings, story)
    facts = fact_order(story.facts)
    titles = {f.id: fact_title(f, ix) for f in facts}
    people, others = people_rows(ix)
    outlets = outlet_rows(ix, facts)
    timeline = _timeline(ix, {f.id: f for f in facts}, titles)
    reviewed = attach(reviews, story.facts)
    data = encode_data(_payload(ix, facts, titles, people, reviewed))
    if title is None:
        names = [p["entity"].name for p in people if p["entity"].type == "PERSON"][:2]
        title = f"Dossier: {' and '.join(names)}" if names else "Story dossier"
    script = _asset("report.js")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    counts = Counter(f.status for f in facts)
    stats = {
        "articles": len(readings),
        "outlets": sum(1 for o in outlets if o["name"] != "Unknown outlet"),
        "claims": sum(len(r.claims) for r in readings),
        "facts": len(facts),
        "conflicts": len(story.conflicts),
        "echoes": len(story.echoes),
        "people": CastCounts.of(ix.cast).people,
    }
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            title=title,
            footer=footer or f"Generated by storyline {__version__}",
            summary=summary_sentences(ix, facts, people, outlets, titles),
            glance=_glance(facts, ix, titles),
            stats=stats,
            status_counts=[(s, counts.get(s, 0)) for s in STATUS_ORDER],
            people=people,
            others=others,
            outlets=outlets,
            timeline=timeline,
            kinds=[(k, KIND_LABELS[k]) for k in SOURCE_KIND],
            css=Markup(_asset("report.css") + vocab_css()),
            script=Markup(script),
            script_hash=script_hash,
            data=data,
            data_id=DATA_ID,
            reviews=_reviews(reviewed, titles, facts),
        )
    )
