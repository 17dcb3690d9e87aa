"""``storyline_attribution``: who says so, for every quote and reported statement of an article.

Writes ``doc._.sl_attributions`` (one :class:`AttributionAnn` per attributed content, sorted by
content start) and the span groups ``sl_sources`` / ``sl_contents`` (label = source kind).

Passes, each linear in the article length:

1. quotation marks are paired per paragraph (:mod:`.quotes`); an odd mark degrades only its
   paragraph;
2. direct quotes find their cue and source in windows that stop at sentence ends, paragraph
   breaks and other quotes (:mod:`.speech`); quotes without a cue continue the one before;
3. indirect speech ('X says that ...', 'according to X', 'reports broke that ...');
4. uncarried narration typed as observation or rumor (:mod:`.narration`);
5. sources are typed (:mod:`.kinds`) and numbered by a per-article register (:mod:`.register`).

Content conventions (those of ``tests/gold/attribution_gold.json``): a direct quote's content is
the quoted words without the marks and the trailing ``, . ; :``; indirect speech is the
complement clause without 'that'; quotes joined by narration in one clause are one content with
quote type ``indirect``; a source span is the minimal noun phrase ('a source', not 'a source
close to the couple'; the name of an appositive). Each continuation quote is its own attribution
with the source of the quote it continues.

Newswire constructions: participial cues ('..., saying “...”') take the governing verb's subject
unless they continue a reporting verb of their sentence; '<outlet> quoted X as saying' and 'X was
quoted as saying' name X; 'is said/reported/claimed/alleged to' are cue-only (rumor) narration;
speech nouns with a possessor or 'by' agent ('the government's announcement that ...') are cues; a
claim's infinitive ('claims to own the trademark') is its content; quoted words inside a reported
clause that has a verb or auxiliary of its own outside the marks are read with the whole clause
(``indirect``), as the golds write partial quotes.

Conventions (the option ``attribution_convention``, component config ``convention``). The default,
"parc", follows PARC 3.0 and the project's golds (``tests/gold/``): a content is a reported clause
or quoted words. "meantime" also reads the object noun phrase of a reporting verb as its content
when it names an event ('Airbus announced [10,000 job cuts]', 'GM reported [a loss of $6
billion]'), as MEANTIME's SLINKs link them (verbs: ``nominal_cues`` in ``data/cues.json``; event
nouns: WordNet, :func:`storyline.core.words.is_event_noun`). Why "parc" is the default: a noun
phrase is no proposition a reader can check on its own ('announced the development'), the claims
built from such a content have no predicate of their own, and the sentence is already a claim of
the outlet's narration with the company as its subject ('Airbus announced 10,000 job cuts'); the
golds annotated blind here (ECB+, PARC-style) do not count them. The option exists so the reader
can be scored, and used, the MEANTIME way (``eval/meantime_attribution.py --convention meantime``).

Certainty, polarity and hedges are left at their defaults for ``storyline_certainty``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.core.options import ATTRIBUTION_CONVENTIONS as CONVENTIONS
from storyline.core.options import DEFAULT_ATTRIBUTION_CONVENTION as DEFAULT_CONVENTION
from storyline.core.vocab import source_kind
from storyline.read.attribution.context import Ctx, build_context
from storyline.read.attribution.indirect import indirect_candidates
from storyline.read.attribution.kinds import EntityIndex, SourceInfo, classify
from storyline.read.attribution.lexicon import cue_lexicon
from storyline.read.attribution.narration import narration_candidates
from storyline.read.attribution.quotes import Quote, find_quotes
from storyline.read.attribution.register import SourceRegister
from storyline.read.attribution.speech import Candidate, direct_candidates
from storyline.read.convention import ConventionComponent
from storyline.read.doc import AttributionAnn, char_span, ensure_extensions

__all__ = ["CONVENTIONS", "DEFAULT_CONVENTION", "find_attributions", "find_quotes", "Quote", "attribution_component",
           "make_attribution_component"]

_MAX_GAP = 300  # characters of narration a continuing quote may sit after the quote it continues


def _key(ctx: Ctx, cand: Candidate, info: SourceInfo, register: SourceRegister) -> str:
    if info.kind == "anonymous":
        return register.anonymous_key(info.ordinal, info.definite, info.indefinite, info.other, info.plural, info.head)
    row = source_kind(info.kind)
    if row.key == "person" and info.entity_key is not None:
        return f"person:{info.entity_key}"
    text = ""
    if cand.source is not None:
        words = [t.lower_ for t in ctx.doc[cand.source[0] : cand.source[1]] if t.lower_ not in ("the", "a", "an")]
        text = " ".join(words)
    if row.per_article:
        return row.key
    return f"{row.key}:{text}"


def find_attributions(doc: Doc, convention: str = DEFAULT_CONVENTION) -> list[AttributionAnn]:
    """All attributions of ``doc`` (uses ``sl_meta.outlet`` and ``sl_entities`` when present),
    under the annotation ``convention`` ("parc" or "meantime", see the module docstring)."""
    meta = doc._.sl_meta
    ctx = build_context(doc, cue_lexicon(), getattr(meta, "outlet", None) if meta else None)
    ctx.nominal = convention == "meantime"
    direct = direct_candidates(ctx)
    used: set[int] = set()
    for c in direct:
        if c.cue:
            used.update(range(*c.cue))
    taken = [c.content for c in direct]
    indirect = indirect_candidates(ctx, used, taken)
    covered = [False] * len(doc)
    for c in direct + indirect:
        span = doc.char_span(c.content[0], c.content[1], alignment_mode="expand")
        ranges = [c.cue, c.source] + ([(span.start, span.end)] if span is not None else [])
        for r in ranges:
            if r:
                for k in range(*r):
                    covered[k] = True
    cands = sorted(direct + indirect + narration_candidates(ctx, covered), key=lambda c: c.content)

    ents = EntityIndex(doc)
    register = SourceRegister()
    resolved: dict[int, tuple[SourceInfo, str]] = {}
    order = sorted((i for i, c in enumerate(cands) if c.inherit is None), key=lambda i: _position(doc, cands[i]))
    for c in cands:
        if c.source is not None:
            c.source = ctx.minimal_np(*c.source)
    last_thing: SourceInfo | None = None  # the last document or report: what a later 'it' says
    unnamed_heads: set[str] = set()  # head nouns of unnamed sources introduced so far ('a dancer')
    for i in order:
        info = classify(ctx, cands[i], ents)
        if info.span is not None:
            cands[i].source = info.span
        src = cands[i].source
        if src is not None and src[1] - src[0] == 1 and doc[src[0]].lower_ == "it":
            if last_thing is not None:  # 'It also states that ...' after 'the filing asks ...'
                info = SourceInfo(last_thing.kind, via=last_thing.via)
        elif source_kind(info.kind).antecedent:
            last_thing = info
        if info.kind == "anonymous" and info.indefinite and info.head:
            unnamed_heads.add(info.head)
        elif info.kind == "named_person" and info.definite and info.head in unnamed_heads:
            # 'a crew member tells Us ...' then 'the crew member adds': the same unnamed source,
            # not a person the epithet might resolve to
            info.kind, info.entity_key = "anonymous", None
        key = _key(ctx, cands[i], info, register)
        resolved[i] = (info, key)
    donors: dict[int, int] = {}
    for _ in range(2):  # a run of cue-less quotes may take its source from a later one
        for i, c in enumerate(cands):
            if c.inherit is None or i in donors:
                continue
            donor = _donor(cands, resolved, donors, i)
            if donor is not None:
                donors[i] = donor
                resolved[i] = resolved[donor]
    # An anonymous source exclusive once ('tells Us') is the outlet's source throughout.
    vias = {key: info.via for info, key in resolved.values() if info.kind == "anonymous" and info.via}
    out: list[AttributionAnn] = []
    for i, c in enumerate(cands):
        if i not in resolved:
            continue
        info, key = resolved[i]
        src = cands[donors.get(i, i)]
        ann = AttributionAnn(content_start=c.content[0], content_end=c.content[1], kind=info.kind, quote=c.quote)
        cue = c.cue or src.cue
        if cue:
            ann.cue = doc[cue[0] : cue[1]].text
            ann.cue_start, ann.cue_end = ctx.index.char_bounds(*cue)
        if src.source:
            s, e = ctx.index.char_bounds(*src.source)
            ann.source_start, ann.source_end, ann.source_text = s, e, ctx.text[s:e]
        via = vias.get(key, info.via) if info.kind == "anonymous" else info.via
        ann.entity_key, ann.via, ann.source_key = info.entity_key, via, key
        out.append(ann)
    return out


def _position(doc: Doc, cand: Candidate) -> int:
    """Where the source is named (register order follows the text)."""
    if cand.source:
        return doc[cand.source[0]].idx
    return cand.content[0]


def _donor(cands: list[Candidate], resolved: dict, donors: dict, i: int) -> int | None:
    """The attribution whose source a continuing quote or participial cue ('adding that') shares."""
    c = cands[i]
    # A quote without a cue continues a *quote* close before it; a participial cue ('adding
    # that') continues whatever its sentence attributed. Never across long narration.
    continuation = c.cue is None
    if c.inherit in ("previous", "next"):
        for j in range(i - 1, -1, -1):
            d = cands[j]
            if j in resolved and source_kind(resolved[j][0].kind).speaks:
                near = c.content[0] - d.content[1] <= _MAX_GAP
                same_run = d.paragraph == c.paragraph or (continuation and d.paragraph == c.paragraph - 1)
                if near and same_run and (d.quoted or not continuation):
                    return donors.get(j, j)
                break
    for j in range(i + 1, len(cands)):  # "next", or no previous: a quote opening a run
        d = cands[j]
        if d.paragraph not in (c.paragraph, c.paragraph + 1) or d.content[0] - c.content[1] > _MAX_GAP:
            break
        if j in resolved and d.quote == "direct" and source_kind(resolved[j][0].kind).speaks:
            return donors.get(j, j)
    return None


@Language.factory(
    "storyline_attribution",
    default_config={"convention": DEFAULT_CONVENTION},
    requires=["doc._.sl_entities", "token.tag", "token.dep", "token.head", "token.ent_type", "token.is_sent_start", "doc.sents"],
    assigns=["doc._.sl_attributions", "doc.spans"],
)
def make_attribution_component(nlp: Language, name: str, convention: str) -> ConventionComponent:
    """``nlp.add_pipe("storyline_attribution", config={"convention": "meantime"})``."""
    return ConventionComponent("storyline_attribution", attribution_component, convention, CONVENTIONS)


def attribution_component(doc: Doc, convention: str = DEFAULT_CONVENTION) -> Doc:
    """Set ``doc._.sl_attributions`` and the ``sl_sources``/``sl_contents`` span groups."""
    ensure_extensions()
    anns = find_attributions(doc, convention)
    doc._.sl_attributions = anns
    sources, contents = [], []
    for a in anns:
        span = char_span(doc, a.content_start, a.content_end, a.kind)
        if span is not None:
            contents.append(span)
        if a.source_start is not None:
            span = char_span(doc, a.source_start, a.source_end, a.kind)
            if span is not None:
                sources.append(span)
    doc.spans["sl_sources"] = sources
    doc.spans["sl_contents"] = contents
    return doc
