"""How sure the wording is, and whether it is negated (FactBank-style): the library behind
``storyline_certainty`` (:mod:`.component`) and ``storyline_claims``.

Values: certainty ``certain > probable > possible > unknown``, polarity ``positive``/``negative``.
The cues live in ``data/hedges.json``; the weakest cue found wins.

What is measured, and the choice made here: **the certainty of the content as reported**, i.e.
the commitment the text expresses towards the content, combining

- content-level cues: modal verbs on the main predicate ('may', 'could'), hedging adverbs and
  adjectives anywhere in the content ('seemingly', 'reportedly', 'alleged'), hedging phrases
  ('appeared to'), epistemic verbs taking a clause ('suspects [that] Ben has been cheating'),
  conditionals and questions (unknown);
- source-level cues: a source typed ``rumor`` caps the certainty at ``possible``; a denial cue
  ('denied that ...') makes the polarity negative.

The outlet's *distancing* cues ('the source claims', 'alleges') lower the certainty to
``probable`` (``distancing_certainty`` in hedges.json), as the project's attribution gold decides:
the outlet does not commit to what it reports that way. They are listed in ``hedges`` so the
distance stays visible, and the source kind says who asserted it. A content over several
sentences takes the values of its first sentence; a question is ``unknown``. Negation counts only when
it governs the main predicate of the content ('has never cheated', "didn't mention"); a negated
relative clause ('trips that didn't add up') leaves the claim positive.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import DEP, HEAD, IS_SPACE, POS, SENT_START
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from storyline.core.lexicon import load_data
from storyline.read.doc import AttributionAnn, DocIndex, char_span

__all__ = [
    "assess", "assess_attribution", "assess_attributions", "attribution_adjust", "children_where", "embedding_certainty", "governor_adjust",
    "implicative", "negated_belief",
    "is_hedge_word", "source_adjust", "surroundings", "Surroundings",
    "weakest", "take_assessments", "take_handoff", "Assessments", "ParseRows", "parse_rows", "CERTAINTY_ORDER",
]  # fmt: skip

CERTAINTY_ORDER = ("certain", "probable", "possible", "unknown")
_RUMOR_CARRIERS = frozenset({"rumor", "rumors", "rumour", "rumours", "speculation", "gossip", "whispers", "chatter", "buzz"})
_RANK = {c: i for i, c in enumerate(CERTAINTY_ORDER)}


def weakest(a: str, b: str) -> str:
    """The weaker of two certainty values."""
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b


_SHAPE = {
    "modals": dict, "adverbs": dict, "adjectives": dict, "phrases": dict, "epistemic_verbs": dict,
    "distancing": list, "distancing_certainty": str, "verbs": dict, "negative_words": list,
    "negative_predicates": list, "negators": list, "denial": list, "conditionals": list, "neg_raising": list, "neg_raising_not_past": list,
    "negative_implicatives": list, "until_durative": list,
}  # fmt: skip


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    raw = load_data("hedges.json", _SHAPE)
    phrases = {tuple(k.split()): v for k, v in raw.get("phrases", {}).items()}
    epistemic = raw.get("epistemic_verbs", {})
    # Surface forms that can start any cue: tokens outside this set are skipped at once.
    any_cue = set(raw.get("modals", {})) | set(raw.get("adverbs", {})) | set(raw.get("adjectives", {}))
    any_cue |= {p[0] for p in phrases} | set(epistemic) | {e + s for e in epistemic for s in ("s", "d", "ed", "es")}
    verbs = raw.get("verbs", {})
    any_cue |= {v + s for v in verbs for s in ("", "s", "ed", "ing")} | {v[:-1] + s for v in verbs for s in ("ed", "ing")}
    any_cue |= {e[:-1] + "ing" for e in epistemic} | {e + "ing" for e in epistemic} | {"thought", "suspected", "suspects"}
    return {
        "any": frozenset(any_cue),
        "phrase_first": frozenset(p[0] for p in phrases),
        "modals": raw.get("modals", {}),
        "adverbs": raw.get("adverbs", {}),
        "adjectives": raw.get("adjectives", {}),
        "phrases": sorted(phrases.items(), key=lambda kv: -len(kv[0])),
        "epistemic": raw.get("epistemic_verbs", {}),
        "distancing": frozenset(raw.get("distancing", [])),
        "distancing_certainty": raw.get("distancing_certainty", "probable"),
        "verbs": raw.get("verbs", {}),
        "negative_words": frozenset(raw.get("negative_words", [])),
        "negative_predicates": frozenset(raw.get("negative_predicates", [])),
        "negators": frozenset(raw.get("negators", [])),
        "denial": frozenset(raw.get("denial", [])),
        "conditionals": frozenset(raw.get("conditionals", [])),
        "neg_raising": frozenset(raw.get("neg_raising", [])),
        "neg_raising_not_past": frozenset(raw.get("neg_raising_not_past", [])),
        "negative_implicatives": frozenset(raw.get("negative_implicatives", [])),
        "until_durative": frozenset(raw.get("until_durative", [])),
    }


def negative_words() -> frozenset[str]:
    """Negative determiners and pronouns that deny what they attach to ("No one was injured"):
    the one list (data/hedges.json) every reader of negation uses."""
    return _lexicon()["negative_words"]


class ParseRows(NamedTuple):
    """Per-token parse facts of Doc tokens ``offset`` onwards (row ``k`` is token ``offset + k``),
    read in one ``to_array`` call (see :func:`parse_rows`)."""

    head: list[int]  # absolute index of each token's head
    sent_start: list[bool]  # token.is_sent_start is True
    space: list[bool]  # token.is_space
    offset: int = 0
    pos: tuple[int, ...] | list[int] = ()  # token.pos, as symbols
    # Rows of a whole Doc only (None for a span's, whose tokens' children may lie outside it):
    kids: list[list[int]] | None = None  # each token's children, in Token.children's order
    dep: list[str] | None = None  # token.dep_
    breaks: list[int] | None = None  # ascending: tokens that start a sentence right after a word (see assess)
    # doc.has_annotation("DEP") (any token has a label), for a whole Doc's rows: asked once, not per span
    has_dep: bool | None = None


_ROW_ATTRS = [HEAD, SENT_START, IS_SPACE, POS, DEP]


def _rows(array, offset: int, doc: Doc | None = None) -> ParseRows:
    """Rows of ``array`` (of :data:`_ROW_ATTRS`); with ``doc``, the rows are the whole of it and
    get each token's children and dependency label too."""
    if not len(array):
        whole = [] if doc is not None else None
        return ParseRows([], [], [], offset, [], whole, whole, whole, True if doc is not None else None)
    heads, starts, spaces, pos, deps = array.T.tolist()
    # to_array stores signed values unsigned: a head offset of -1 comes out as 2**64 - 1
    head = [i + (h - (1 << 64) if h >= 1 << 63 else h) for i, h in enumerate(heads, offset)]
    kids: list[list[int]] | None = None
    dep: list[str] | None = None
    if doc is not None:
        kids = [[] for _ in head]
        for j, h in enumerate(head):
            if h != j:
                kids[h].append(j)
        strings = doc.vocab.strings
        dep = [strings[d] for d in deps]
    sent_start, space = [x == 1 for x in starts], [bool(x) for x in spaces]
    breaks = [k for k in range(1, len(head)) if sent_start[k] and not space[k - 1]] if doc is not None else None
    return ParseRows(head, sent_start, space, offset, pos, kids, dep, breaks, any(deps) if doc is not None else None)


def parse_rows(doc: Doc) -> ParseRows:
    """The :class:`ParseRows` of ``doc`` as it is now. Build it once per component call and pass it
    to :func:`assess` for every span: creating Token objects costs more than the rules using them."""
    return _rows(doc.to_array(_ROW_ATTRS), 0, doc)


def children_where(t: Token, rows: ParseRows | None, deps: frozenset[str]) -> list[Token]:
    """``t``'s children whose dependency label is in ``deps``, in ``Token.children``'s order. From
    the child lists of rows covering the whole Doc, a Token is made only for the children kept:
    the rules below look at a few labels, and most children have none of them."""
    if rows is None or rows.kids is None:
        return [c for c in t.children if c.dep_ in deps]
    # A loop, not a comprehension: most tokens have no child or a few, and the comprehension's own
    # call costs more than the test.
    dep, out = rows.dep, []
    for j in rows.kids[t.i]:
        if dep[j] in deps:
            out.append(t.doc[j])
    return out


_VERB_POS = frozenset({VERB, AUX})
_CONJ = frozenset({"conj"})
_NEG = frozenset({"neg"})
_DET = frozenset({"det"})
_FIRST_CLAUSE = frozenset({"ccomp", "parataxis"})
# Every label the polarity and conditional rules of assess() test a main predicate's children for.
_POLARITY_DEPS = frozenset({"acomp", "attr", "neg", "advmod", "det", "nsubj", "nsubjpass", "dobj", "expl", "mark"})
_UNTIL_DEPS, _POBJ, _UNTIL = frozenset({"prep"}), frozenset({"pobj"}), frozenset({"until", "till", "til"})


def _main_predicates(span: Span, rows: ParseRows) -> list:
    """Tokens of ``span`` whose head lies outside it (or roots), verbs first (Tokens are created
    only for the heads kept)."""
    s, e = span.start, span.end
    doc, head, off = span.doc, rows.head, rows.offset
    heads = [i for i in range(s, e) if head[i - off] == i or not (s <= head[i - off] < e)]
    if not heads:
        return []
    verbs = [i for i in heads if rows.pos[i - off] in _VERB_POS]
    main = [doc[i] for i in verbs or heads]
    # Coordinated predicates share the main predicate's status ("moved out and filed").
    out = list(main)
    for t in main:
        out.extend(c for c in children_where(t, rows, _CONJ) if s <= c.i < e)
    return out


def assess(region: Span | Doc, rows: ParseRows | None = None) -> tuple[str, str, list[str]]:
    """(certainty, polarity, hedges) of a content span or a whole Doc region.

    ``rows``: :func:`parse_rows` of the Doc, when many spans of one Doc are assessed (without
    it, the span's own rows are read: linear in the span, not the Doc)."""
    span = region[:] if isinstance(region, Doc) else region
    lex = _lexicon()
    if len(span) == 0:
        return "certain", "positive", []
    doc = span.doc
    if rows is None:
        rows = _rows(span.to_array(_ROW_ATTRS), span.start)  # no child lists: see children_where
    index = DocIndex.build(doc)
    texts = index.texts
    question = texts[span.end - 1] == "?" or (span.end < len(doc) and texts[span.end] == "?")
    # A content running over several sentences takes the values of its first sentence.
    if rows.breaks is not None:
        at = bisect_right(rows.breaks, span.start)
        cut = rows.breaks[at] if at < len(rows.breaks) and rows.breaks[at] < span.end else None
    else:
        starts, spaces, off = rows.sent_start, rows.space, rows.offset
        cut = next((k for k in range(span.start + 1, span.end) if starts[k - off] and not spaces[k - 1 - off]), None)
    if cut is not None:
        span = span[: cut - span.start]
    words = index.lowers[span.start : span.end]
    certainty, polarity, hedges = "certain", "positive", []
    has_dep = rows.has_dep if rows.has_dep is not None else doc.has_annotation("DEP")
    mains = _main_predicates(span, rows) if has_dep else []
    # 'Lee isn't angry, she's heartbroken': a first clause parsed under the second still counts
    mains += [c for m in list(mains) for c in children_where(m, rows, _FIRST_CLAUSE) if span.start <= c.i < m.i]
    main_ids = {t.i for t in mains}
    intensified = {m.i for m in mains if _negated_comparative(m, rows)}  # 'could not be happier'

    def hedge(text: str, value: str) -> None:
        nonlocal certainty
        certainty = weakest(certainty, value)
        if text not in hedges:
            hedges.append(text)

    first_words = lex["phrase_first"]
    cues = lex["any"]
    for k, low in enumerate(words):
        if low not in cues:
            continue
        t = span[k]
        if low in lex["adverbs"] and t.pos_ != "ADJ":
            hedge(t.text.lower(), lex["adverbs"][low])
        elif low in lex["adjectives"] and (t.pos_ == "ADJ" or t.tag_ == "VBN" or not has_dep) and t.dep_ in ("amod", "") and (
            not has_dep or t.head.dep_ not in ("pobj", "conj", "appos")
        ):
            hedge(t.text.lower(), lex["adjectives"][low])
        for phrase, value in lex["phrases"] if low in first_words else ():
            if tuple(words[k : k + len(phrase)]) == phrase:
                hedge(" ".join(phrase), value)
                break
        if low in lex["modals"] and (not has_dep or t.head.i in main_ids) and t.tag_ in ("MD", "") and t.head.i not in intensified:
            value = lex["modals"][low]
            if value != "certain":
                hedge(low, value)
        if t.lemma_.lower() in lex["verbs"] and t.pos_ in ("VERB", "AUX", "") and t.i not in intensified:
            hedge(t.text.lower(), lex["verbs"][t.lemma_.lower()])
        if t.lemma_.lower() in lex["epistemic"] and (t.i in main_ids or not has_dep):
            takes_clause = any(c.dep_ in ("ccomp", "xcomp") for c in t.children) or (
                k + 1 < len(span) and span[k + 1].lower_ == "that"
            )
            if takes_clause:
                hedge(t.text.lower(), lex["epistemic"][t.lemma_.lower()])
    if has_dep:
        for m in mains:
            if m.i in intensified:
                continue
            for c in children_where(m, rows, _POLARITY_DEPS):
                if c.dep_ in ("acomp", "attr") and c.lower_ in lex["negative_predicates"] and _lemma_of(m) in ("be", "seem", "remain"):
                    polarity = "negative"  # 'The reports are false'
                if c.dep_ == "neg" and _not_until(m, rows):
                    pass  # 'would not arrive until Monday': it arrives Monday
                elif c.dep_ == "neg" or (c.lower_ in lex["negators"] and c.dep_ in ("advmod", "neg", "det")):
                    polarity = "negative"
                elif c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "expl") and (
                    c.lower_ in lex["negative_words"] or any(g.lower_ in ("no", "neither") for g in children_where(c, rows, _DET))
                    or (c.lower_ == "one" and any(g.lower_ == "no" for g in c.children))
                ):
                    polarity = "negative"  # 'Nobody here is going ...', 'no agreement had been signed'
                elif c.dep_ in ("nsubj", "attr", "dobj") and c.i > 0 and c.doc[c.i - 1].lower_ == "no" and c.doc[c.i - 1].head.i in (c.i, m.i):
                    polarity = "negative"
                if c.dep_ == "mark" and c.lower_ in lex["conditionals"]:
                    certainty = "unknown"
            if m.dep_ == "xcomp" and children_where(m.head, rows, _NEG):
                polarity = "negative"
    else:
        first_clause = span.text.split(",")[0].lower().split()
        if any(w.strip("’'") in lex["negators"] or w.endswith("n't") or w.endswith("n’t") for w in first_clause):
            polarity = "negative"
    if question:
        certainty = "unknown"
    return certainty, polarity, hedges


def _not_until(m: Token, rows: ParseRows | None) -> bool:
    """Whether ``m`` is bounded by 'until' a time ('would not arrive until Monday', 'was not
    released until 2003'): its negation says when the event happens, not that it does not.
    'Until' a happening ('will not drop the suit until the city pays') is a condition, and a verb
    whose 'until' is how long it lasts ('did not survive until Monday', 'did not wait until
    Friday': ``hedges.json`` until_durative) is negated: negative."""
    lemma = _lemma_of(m)
    if lemma in _lexicon()["until_durative"] or any(f"{lemma} {c.lower_}" in _lexicon()["until_durative"]
                                                    for c in m.children if c.dep_ == "prt"):
        return False
    times = m.doc._.sl_timexes or []  # (storyline_timex runs first: the one reader of times)
    for c in children_where(m, rows, _UNTIL_DEPS):
        if c.lower_ in _UNTIL and any(t.start <= g.idx < t.end for g in children_where(c, rows, _POBJ) for t in times):
            return True
    return False


def _lemma_of(t: Token) -> str:
    be = ("’s", "'s", "’re", "'re", "’m", "'m", "is", "are", "was", "were", "am", "be", "been")
    return "be" if t.lower_ in be else t.lemma_.lower()


def _negated_comparative(m: Token, rows: ParseRows | None = None) -> bool:
    """'could not be happier', 'has never seemed lighter': negation of a comparative intensifies."""
    if not children_where(m, rows, _NEG):
        return False
    return m.tag_ in ("JJR", "RBR") or any(c.dep_ in ("acomp", "oprd", "attr", "advmod") and c.tag_ in ("JJR", "RBR") for c in m.children)


def embedding_certainty(pred: Token) -> tuple[str, str] | None:
    """(certainty, cue) when ``pred`` is the clause complement of an epistemic verb ('suspects')."""
    if pred.dep_ != "ccomp" or pred.head.i == pred.i:
        return None
    value = _lexicon()["epistemic"].get(pred.head.lemma_.lower())
    return (value, pred.head.text.lower()) if value else None


def negated_belief(pred: Token) -> str | None:
    """The neg-raising verb (``hedges.json``) whose clause complement ``pred`` heads, negated by
    'not' ('I don't *think* he won', 'do not *expect* the toll to rise'), or None: see
    :func:`governor_adjust`. Not 'never' nor 'could not' ('I never imagined I would win', 'I
    couldn't believe he fired'): surprise at what did happen."""
    head = pred.head
    if pred.dep_ != "ccomp" or head.i == pred.i:  # (a negated verb's xcomp is negative already: assess)
        return None
    lemma, lex = head.lemma_.lower(), _lexicon()
    if lemma not in lex["neg_raising"]:
        return None
    kids = [(c.dep_, c.lower_) for c in head.children if c.dep_ in ("neg", "aux", "ccomp")]
    if sum(dep == "ccomp" for dep, _ in kids) > 1:  # 'doesn't think charges will be filed [headline run on] X was arrested'
        return None
    if lemma in lex["neg_raising_not_past"] and (head.tag_ == "VBD" or ("aux", "did") in kids):
        return None  # 'did not expect that the storm would strengthen': it did
    return lemma if any(k in _NOT for _, k in kids) and not any(k in _ABLE for _, k in kids) else None


def implicative(pred: Token, certainty: str, polarity: str, hedges: list[str]) -> tuple[str, str, list[str]]:
    """What the verb whose infinitive ``pred`` is says of it (``hedges.json``): 'failed to stop',
    'refused to resign': it did not happen (negative; 'did not fail to notice': it did); any
    other verb ('managed to escape', and intentions: ``hedges.json`` says why): as it was."""
    head = pred.head
    if pred.dep_ != "xcomp" or head.i == pred.i or head.lemma_.lower() not in _lexicon()["negative_implicatives"]:
        return certainty, polarity, hedges
    polarity = "negative" if polarity == "positive" else "positive"
    return certainty, polarity, hedges if head.lower_ in hedges else [head.lower_, *hedges]


_NOT, _ABLE = frozenset({"not", "n't", "n’t"}), frozenset({"can", "could", "ca"})


Assessments = dict[tuple[int, int], tuple[str, str, tuple[str, ...]]]  # token span -> assess()
# What storyline_certainty assessed, and the parse rows it read, kept on the Doc (like the
# DocIndex) until storyline_claims takes them: most attributed claims span exactly their content,
# assess() is the costliest step of a claim, and the rows cost as much to read again.
_HANDOFF_KEY = "storyline.assessments"


def assess_attribution(doc: Doc, att: AttributionAnn, rows: ParseRows | None = None) -> tuple[str, str, list[str]]:
    """Content-level :func:`assess` plus the source-level cues of the attribution (see module doc)."""
    return _assess_attribution(doc, att, rows, None)


def _assess_attribution(doc: Doc, att: AttributionAnn, rows: ParseRows | None, memo: Assessments | None) -> tuple[str, str, list[str]]:
    span = char_span(doc, att.content_start, att.content_end)
    found = assess(span, rows) if span is not None else ("certain", "positive", [])
    if memo is not None and span is not None:
        memo[(span.start, span.end)] = (found[0], found[1], tuple(found[2]))
    return attribution_adjust(doc, att, span, *found, rows=rows)


def take_assessments(doc: Doc) -> Assessments:
    """The :func:`assess` results of the content spans ``storyline_certainty`` read in ``doc``
    (token ``(start, end)`` -> ``(certainty, polarity, hedges)``), handed over once: a second
    call, or a Doc retokenised since, gets ``{}``."""
    return take_handoff(doc)[0]


def take_handoff(doc: Doc) -> tuple[Assessments, ParseRows | None]:
    """:func:`take_assessments`, and the :func:`parse_rows` ``storyline_certainty`` read of ``doc``
    as it is now (None when it read none, or the Doc was retokenised since), handed over once."""
    length, memo, rows = doc.user_data.pop(_HANDOFF_KEY, (-1, {}, None))
    return (memo, rows) if length == len(doc) else ({}, None)


class Surroundings(NamedTuple):
    """What the words around an attribution's content say of it (see :func:`attribution_adjust`):
    the same for every claim read from that content, so a reader of many claims finds it once."""

    negated: bool  # the cue is negated ('has not confirmed that ...')
    lead: tuple[str, str, list[str]] | None  # assess() of a partial quote with its lead-in, when it has one


def surroundings(doc: Doc, att: AttributionAnn, span: Span, rows: ParseRows | None = None) -> Surroundings:
    """The :class:`Surroundings` of ``att``'s content ``span``."""
    cue = _cue_token(doc, span, att.cue)
    negated = cue is not None and _negated(doc, cue, rows)
    if cue is not None and att.quote == "direct" and cue.i < span.start:
        lead = cue.i + 1
        while lead < span.start and (doc[lead].is_punct or doc[lead].lower_ == "that"):
            lead += 1
        gap = [t for t in doc[lead : span.start] if not t.is_punct]
        if 0 < len(gap) <= 10 and not any(t.is_sent_start for t in doc[lead + 1 : span.start + 1]):
            return Surroundings(negated, assess(doc[lead : span.end], rows))
    return Surroundings(negated, None)


def attribution_adjust(
    doc: Doc, att: AttributionAnn | None, span: Span | None, certainty: str, polarity: str, hedges: list[str],
    rows: ParseRows | None = None, around: Surroundings | None = None,
) -> tuple[str, str, list[str]]:
    """:func:`source_adjust` plus what the words around the content say: a negated cue ('has not
    confirmed that ...': unknown) and the lead-in of a partial quote ('she would not comment on
    “rumors ...”': the negation and modals of the lead-in apply to the quoted words).
    ``around``: :func:`surroundings` of ``att`` and ``span``, when known."""
    certainty, polarity, hedges = source_adjust(att, certainty, polarity, hedges)
    if att is None or span is None:
        return certainty, polarity, hedges
    if around is None:
        around = surroundings(doc, att, span, rows)
    if around.negated:
        certainty = "unknown"  # nobody commits to it
        hedges = [f"not {att.cue}", *hedges]
    if around.lead is not None:
        c2, p2, h2 = around.lead
        certainty = weakest(certainty, c2)
        if p2 == "negative":
            polarity = "negative" if polarity == "positive" else polarity
        hedges += [h for h in h2 if h not in hedges]
    return certainty, polarity, hedges


def _cue_token(doc: Doc, span: Span, cue: str | None) -> Token | None:
    """The cue's verb next to ``span`` (the nearest token spelled like the cue's first word)."""
    if not cue:
        return None
    word = cue.split()[0]
    texts = DocIndex.build(doc).texts
    for k in [*range(span.start - 1, max(0, span.start - 12) - 1, -1), *range(span.end, min(len(doc), span.end + 12))]:
        if texts[k] == word:
            return doc[k]
    return None


def _negated(doc: Doc, t: Token, rows: ParseRows | None = None) -> bool:
    if children_where(t, rows, _NEG):
        return True
    lowers = DocIndex.build(doc).lowers
    return any(lowers[j] in ("not", "n't", "n’t", "never") for j in range(max(0, t.i - 3), t.i))


def source_adjust(att: AttributionAnn | None, certainty: str, polarity: str, hedges: list[str]) -> tuple[str, str, list[str]]:
    """Apply an attribution's source-level cues to a content-level assessment.

    Denial cues flip the polarity; distancing cues ('claims') are listed as hedges; a rumor
    source caps the certainty at ``possible`` and its wording ('rumors swirled') is a hedge."""
    if att is None:
        return certainty, polarity, list(hedges)
    lex = _lexicon()
    hedges = list(hedges)
    cue = (att.cue or "").lower()
    lemma = _cue_lemma(cue.split()[0]) if cue else ""
    if lemma in lex["denial"]:
        polarity = "negative" if polarity == "positive" else "positive"
    if lemma in lex["distancing"]:
        certainty = weakest(certainty, lex["distancing_certainty"])
        if cue not in hedges:
            hedges.insert(0, cue)
    epistemic = lex["epistemic"].get(lemma)
    if epistemic:  # 'she estimated', 'fans suspect'
        certainty = weakest(certainty, epistemic)
        if cue not in hedges:
            hedges.insert(0, cue)
    carrier = (att.source_text or "").lower().split()
    if att.kind == "rumor" and carrier and carrier[-1] in _RUMOR_CARRIERS:
        # 'rumors swirled', 'speculation grew': possible; a bare 'reportedly' stays probable
        certainty = weakest(certainty, "possible")
        wording = f"{att.source_text} {cue}".lower() if att.source_text else cue
        if wording and not any(h in wording for h in hedges):
            hedges.insert(0, wording)
    return certainty, polarity, hedges


def governor_adjust(lemma: str, certainty: str, polarity: str, hedges: list[str],
                    negated: bool = False) -> tuple[str, str, list[str]]:
    """What a governing verb does to the event it takes as its object ('denied an affair':
    negative; 'suspected an affair': probable; a negated belief, ``negated``, 'did not think he
    won': negative and probable), with the cues of ``hedges.json``."""
    lex = _lexicon()
    if lemma in lex["denial"]:
        polarity = "negative" if polarity == "positive" else "positive"
    if negated and lemma in lex["neg_raising"]:
        polarity = "negative" if polarity == "positive" else "positive"
        certainty = weakest(certainty, "probable")
        hedges = hedges if f"not {lemma}" in hedges else [f"not {lemma}", *hedges]
    epistemic = lex["epistemic"].get(lemma)
    if epistemic:
        certainty = weakest(certainty, epistemic)
        hedges = hedges if lemma in hedges else [lemma, *hedges]
    return certainty, polarity, hedges


def is_hedge_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a hedging adjective or adverb ('rumored', 'alleged')."""
    lex = _lexicon()
    return word in lex["adjectives"] or word in lex["adverbs"]


@lru_cache(maxsize=4096)  # asked once per claim of an attribution: the import and lookup once per word
def _cue_lemma(word: str) -> str:
    from storyline.read.attribution.lexicon import (
        cue_lexicon,  # the cue lexicon knows every inflected form
    )

    hit = cue_lexicon().verb_forms.get(word)
    return hit[0] if hit else word


def assess_attributions(doc: Doc) -> None:
    """Fill certainty, polarity and hedges on every attribution of ``doc``, and keep the content
    assessments on the Doc for :func:`take_assessments`."""
    memo: Assessments = {}
    atts = doc._.sl_attributions or []
    rows = parse_rows(doc) if atts else None
    for att in atts:
        att.certainty, att.polarity, att.hedges = _assess_attribution(doc, att, rows, memo)
    doc.user_data[_HANDOFF_KEY] = (len(doc), memo, rows)
