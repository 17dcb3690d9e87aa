"""The HTML dossier: one self-contained file (inline CSS, inline SVG, one small inline script).

Safety: every string from the input reaches the page through Jinja's autoescape. The only
markup built in Python (highlighted sentences, the SVG timeline) splits the raw text at its
offsets first and escapes each piece, so offsets stay right and nothing is interpreted. A
Content-Security-Policy admits only the report's own script, by hash: even an escaping bug
could not run injected code, and the page can make no network request.

Determinism: the output depends only on the arguments (no clock, no locale, stable ordering),
so the same store renders byte-identical dossiers; the caller passes the generation time in
``footer``.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
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
from storyline.core.records import ArticleReading, Claim, Fact, Story
from storyline.core.vocab import SOURCE_KIND, STATUS
from storyline.present.report_views import (
    CONFLICT_LABELS,
    GRADE_LABELS,
    KIND_LABELS,
    STATUS_ORDER,
    STATUS_TEXT,
    Index,
    anchor,
    fact_view,
    marked_text,
    safe_url,
)
from storyline.present.svg_timeline import (
    STATUS_COLOURS,
    TimelineRow,
    render_timeline_svg,
)

__all__ = ["render_report", "vocab_css"]

_PEOPLE_TYPES = ("PERSON", "GROUP")
# Beyond this many dated entries the checked facts also get a chart of their own.
_TIMELINE_ROWS = 25
_CERTAINTY_TEXT = {
    "certain": "stated as fact",
    "probable": "stated as probable",
    "possible": "stated as possible",
    "unknown": "certainty unclear",
}


def _key_fact(status: str) -> bool:
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


def _people(ix: Index) -> tuple[list[dict], list[dict]]:
    """The cast: people (with claims about them and ages) and the other entities."""
    about: dict[str, list[Claim]] = defaultdict(list)
    said: dict[str, list[Claim]] = defaultdict(list)
    for c in ix.claims.values():
        for ref in {c.subject, c.object}:
            se = ix.story_of.get(ref) if ref else None
            if se:
                about[se.id].append(c)
        se = ix.story_of.get(c.source.entity) if c.source.entity else None
        if se:
            said[se.id].append(c)
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
    order = lambda c: (iso(ix.claim_article[c.id].article.published) or "9999", c.article, c.start)  # noqa: E731
    people, others = [], []
    for se in ix.cast:
        item = {
            "entity": se, "anchor": anchor("person", se.id), "aliases": _aliases(se.name, se.aliases),
            "roles": sorted(roles[se.id]), "ages": sorted(ages[se.id], key=lambda a: a["sort"]),
            "age_check": _age_check(ages[se.id]),
            "about": [ix.claim_view(c) for c in sorted(about[se.id], key=order)],
            "said": [ix.claim_view(c) for c in sorted(said[se.id], key=order)],
            "weight": len(about[se.id]) + len(said[se.id]),
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


def _outlets(ix: Index, facts: Sequence[Fact]) -> list[dict]:
    by_outlet: dict[str, list[ArticleReading]] = defaultdict(list)
    for r in ix.readings:
        by_outlet[r.article.outlet or "Unknown outlet"].append(r)
    out = []
    for name in sorted(by_outlet, key=lambda n: (-len(by_outlet[n]), n)):
        rs = by_outlet[name]
        ids = {r.article.id for r in rs}
        claims = [c for r in rs for c in r.claims]
        carried = sorted(
            (
                f
                for f in facts
                if ids & set(f.articles) or any(c in ix.claims and ix.claims[c].article in ids for c in f.claims)
            ),
            key=lambda f: (STATUS_ORDER.index(f.status) if f.status in STATUS_ORDER else 9, f.statement),
        )
        dates = sorted((r.article.published for r in rs if r.article.published), key=iso)
        out.append({
            "name": name, "articles": len(rs), "claims": len(claims), "mix": _source_mix(claims),
            "echoes": sum(1 for c in claims if c.id in ix.echo_of),
            # Checked facts first; the single-source leads fold away (there can be hundreds).
            "facts": [(anchor("fact", f.id), f.statement, f.status) for f in carried if _key_fact(f.status)],
            "leads": [(anchor("fact", f.id), f.statement, f.status) for f in carried if not _key_fact(f.status)],
            "span": " – ".join(dict.fromkeys(format_date(d) for d in (dates[0], dates[-1]))) if dates else "",
        })  # fmt: skip
    return out


def _summary(ix: Index, facts: Sequence[Fact], people: list[dict], outlets: list[dict]) -> list[str]:
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
    disputed = sorted(
        (f for f in facts if f.status in STATUS and STATUS[f.status].disputed),
        key=lambda f: (
            STATUS_ORDER.index(f.status),
            -len(ix.conflicts_of[f.id]),
            -len(f.claims),
            f.statement,
        ),
    )[:3]
    if disputed:
        sentences.append(
            "Most disputed: "
            + "; ".join(f"“{_clip(f.statement, 90)}” ({STATUS_TEXT[f.status][0].lower()})" for f in disputed)
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


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _timeline(ix: Index, facts: dict[str, Fact]) -> dict:
    """The timeline charts: all dated entries, and when there are many, a key chart of the
    checked ones (corroborated, contested, contradicted) so they are not lost among the leads."""
    rows, undated = [], []
    for t in ix.story.timeline:
        start, end = bound(t.start or t.when), bound(t.end or t.start or t.when, end=True)
        status = t.status or (facts[t.fact].status if t.fact in facts else "")
        href = f"#{anchor('fact', t.fact)}"
        if start is None:
            undated.append({"label": t.label, "when": t.when, "status": status, "href": href})
        else:
            when = format_span(start, end, t.when)
            rows.append(TimelineRow(t.label, start, max(end or start, start), when, status, href))
    key = [r for r in rows if _key_fact(r.status)]
    split = len(rows) > _TIMELINE_ROWS and len(key) >= 2
    return {
        "key": Markup(render_timeline_svg(key, title="Key facts in time")) if split else None,
        "full": Markup(render_timeline_svg(rows)),
        "rows": len(rows),
        "undated": undated,
    }


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.present", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )  # fmt: skip
    env.globals.update(
        STATUS_COLOURS=STATUS_COLOURS,
        STATUS_TEXT=STATUS_TEXT,
        GRADE_LABELS=GRADE_LABELS,
        CONFLICT_LABELS=CONFLICT_LABELS,
        CERTAINTY_TEXT=_CERTAINTY_TEXT,
    )
    return env


def _asset(name: str) -> str:
    return resources.files("storyline.present").joinpath("templates", name).read_text(encoding="utf-8")


def render_report(
    readings: Sequence[ArticleReading], story: Story, *, title: str | None = None, footer: str | None = None
) -> str:
    """Render the story as one self-contained, deterministic HTML dossier.

    ``readings`` are the articles' readings, ``story`` the reconciled story (may be empty);
    ``title`` defaults to one built from the key people; ``footer`` is shown verbatim (the
    caller puts the generator, pipeline and generation time there; this function reads no clock).
    """
    from storyline import __version__

    readings = sorted(readings, key=lambda r: (iso(r.article.published) or "9999", r.article.outlet or "", r.article.id))
    ix = Index(readings, story)
    facts_by_id = {f.id: f for f in story.facts}
    rendered: set[str] = set()
    groups = []
    for status in STATUS_ORDER:
        members = [f for f in story.facts if f.status == status]
        members.sort(key=lambda f: (-f.independent_sources, -len(f.claims), f.statement))
        groups.append({"status": status, "facts": [fact_view(f, ix, rendered) for f in members]})
    other = [f for f in story.facts if f.status not in STATUS_ORDER]
    if other:
        groups.append({"status": "other", "facts": [fact_view(f, ix, rendered) for f in other]})
    loose = []
    for r in readings:
        views = [ix.claim_view(c) for c in r.claims if c.id not in rendered]
        if views:
            loose.append({"article": r.article, "anchor": anchor("article", r.article.id), "claims": views})
    people, others = _people(ix)
    outlets = _outlets(ix, story.facts)
    timeline = _timeline(ix, facts_by_id)
    articles = [
        {"a": r.article, "anchor": anchor("article", r.article.id), "date": format_date(r.article.published),
         "url": safe_url(r.article.url), "text": marked_text(r.article.text, r.claims, ix.anchors),
         "claims": len(r.claims), "words": len(r.article.text.split())}
        for r in readings
    ]  # fmt: skip
    if title is None:
        names = [p["entity"].name for p in people if p["entity"].type == "PERSON"][:2]
        title = f"Dossier: {' and '.join(names)}" if names else "Story dossier"
    script = _asset("report.js")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    counts = Counter(f.status for f in story.facts)
    stats = {
        "articles": len(readings),
        "outlets": sum(1 for o in outlets if o["name"] != "Unknown outlet"),
        "claims": sum(len(r.claims) for r in readings),
        "facts": len(story.facts),
        "conflicts": len(story.conflicts),
        "echoes": len(story.echoes),
        "people": sum(1 for p in people if p["entity"].type == "PERSON"),
    }
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            title=title,
            footer=footer or f"Generated by storyline {__version__}",
            summary=_summary(ix, story.facts, people, outlets),
            stats=stats,
            status_counts=[(s, counts.get(s, 0)) for s in STATUS_ORDER],
            groups=groups,
            loose=loose,
            loose_count=sum(len(g["claims"]) for g in loose),
            people=people,
            others=others,
            outlets=outlets,
            articles=articles,
            timeline=timeline,
            kinds=[(k, KIND_LABELS[k]) for k in SOURCE_KIND],
            css=Markup(_asset("report.css") + vocab_css()),
            script=Markup(script),
            script_hash=script_hash,
        )
    )
