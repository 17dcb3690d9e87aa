"""Typed records: one frozen dataclass per stored table.

Every field carries a ``doc`` in its metadata; ``storyline.present.schema`` turns these
into the JSON Schema and ``docs/schema.md``, so the documentation cannot drift from the code.
Lists are tuples (records are immutable); free-form mappings are ``dict`` and stored as JSON.

Ids are content hashes (see :mod:`storyline.core.ids`): re-ingesting the same input yields the
same ids, so storing twice is harmless.

Versioning: ``SCHEMA_VERSION`` names the database/record layout; ``EXPORT_SCHEMA`` names the
JSON export contract (``../shared/docs/export-contract.md``). Renaming or dropping a field
requires bumping the respective version and an Alembic migration.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field
from datetime import date
from typing import Any, Literal

from storyline.core.ids import content_hash

SCHEMA_VERSION = 12
EXPORT_SCHEMA = "storyline/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "WORK", "EVENT", "OUTLET", "GROUP", "OTHER"]
MentionKind = Literal["name", "nominal", "pronoun"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
SourceKind = Literal[
    "named_person",
    "organization",
    "anonymous",
    "outlet",
    "other_media",
    "social_media",
    "document",
    "observation",
    "rumor",
    "unattributed",
]
SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]
Certainty = Literal["certain", "probable", "possible", "unknown"]
Polarity = Literal["positive", "negative"]
QuoteType = Literal["direct", "indirect", "none"]
FactStatus = Literal["corroborated", "single_source", "contested", "contradicted"]
FACT_STATUSES: tuple[str, ...] = FactStatus.__args__  # type: ignore[attr-defined]
EvidenceGrade = Literal["on_record", "documentary", "observation", "outlet", "anonymous", "rumor", "unattributed"]
ConflictKind = Literal["date", "time", "age", "derived_date", "count", "quantity", "place", "polarity"]
# What an exported claim stands for (export field ``claims[].kind``, an addition to storyline/1):
# a Claim read from the text, or an Age (``g-``) / Mention (``m-``) record that a fact or conflict
# cites for an age or a count no claim states ("Varga, 41,", "the couple's three children").
ExportClaimKind = Literal["claim", "age", "count"]
LinkRole = Literal["support", "dispute", "superseded"]
Verdict = Literal["verified", "false", "needs_work"]
VERDICTS: tuple[str, ...] = Verdict.__args__  # type: ignore[attr-defined]
# What each kind, grade and status means to the stages (labels, grades, colours, prose) is in
# storyline.core.vocab; tests/core/test_vocab.py checks these Literals and its tables agree.


def doc(text: str, **kw: Any) -> Any:
    """A dataclass field with documentation attached (read by the schema generator)."""
    return field(metadata={"doc": text}, **kw)


@dataclass(frozen=True)
class Article:
    """One news article as ingested (table ``articles``)."""

    id: str = doc("The id the input gave (manifest `id`, front matter), else `a-` + content hash.")
    text: str = doc("The article text exactly as stored; every offset points into it.")
    outlet: str | None = doc("Publishing outlet (front matter, manifest, HTML site name or --outlet).")
    # A datetime (a date subclass) when the input gave a time; stored and exported as isoformat().
    published: date | None = doc("Publication date or datetime, ISO 8601; null when unknown.")
    title: str | None = doc("Headline, when the input has one.")
    url: str | None = doc("Canonical URL, when the input has one.")
    origin: str = doc("Where the article came from, as the user gave it and never as an absolute path: a path as typed, "
                      "or relative to the directory given (`news/jan/a.txt`), `path:line` for manifests, `-` for stdin.")
    format: str = doc("Input format: txt, html, jsonl, feed or stdin.")
    content_hash: str = doc("SHA-256 of the text (hex); identical texts share it.")


@dataclass(frozen=True)
class ArticleEntity:
    """One real-world referent as read in one article (table ``article_entities``)."""

    id: str = doc("Content-hash id, scoped to the article.")
    article: str = doc("Article id.")
    name: str = doc("Canonical name: the fullest proper name the article uses.")
    type: str = doc("PERSON, ORG, GPE, LOC, WORK, EVENT, OUTLET, GROUP (a pair or set of people) or OTHER.")
    aliases: tuple[str, ...] = doc("Every other surface form used for it in the article (names and epithets).")
    gender: str | None = doc("female, male or plural when the article establishes it; null otherwise.")
    attributes: dict = doc("Typed extras: roles ('choreographer'), works ('Black Swan'), members of a GROUP.")


@dataclass(frozen=True)
class Quantity:
    """A number as written, with what it counts (stored as JSON inside ``claims`` and ``mentions``)."""

    value: float = doc("The number: 12 for 'at least 12 people', 1500 for 'about 1,500', 10 for a '10th anniversary'.")
    unit: str | None = doc("Lemma of the noun it counts or measures ('people', 'child', 'year', 'time', 'percent', 'dollar'), or null.")
    modifier: str | None = doc("at_least, more_than, about, at_most or exactly when the text qualifies the number; additional when it counts more on top of others ('another 20,000 people', 'two more times'); null otherwise.")
    start: int = doc("Start offset into the article text of the quantity as written (modifier and noun included).")
    end: int = doc("End offset (exclusive).")
    text: str = doc("The quantity as written: 'at least 12 people', '11 years of marriage', '10th wedding anniversary'.")
    measure: str | None = doc("What it states, when the reader knows: 'age' (an age: 'is 42', '42 years old', 'Portman, 42') or 'marriage' (a length of marriage or a wedding anniversary); null otherwise.")
    ordinal: bool = doc("True for a rank ('10th anniversary'), false for a count or a measure.")
    when: str | None = doc(
        "For an age told of a past moment ('was 17 when he died in 2009'): the Timex id of the date it held on (the "
        "nearest date of its sentence, not after the article's day), or null.", default=None)
    past: bool = doc(
        "True for an age told of an undated past moment ('he was 17'; 'aged 17' alone is the article's present).",
        default=False)
    near: bool = doc("True when the wording puts it just below the number: 'almost 50', 'nearly', 'close to', 'just under'.", default=False)
    area: bool = doc("True when the wording says square ('3 square miles'): a length unit then measures an area.", default=False)
    # What the words of its claim's sentence say about a claim's number (null on a mention's):
    role: str | None = doc("WordNet base form of the verb or noun saying what happened to what it counts: 'kill' ('killing 10 people'), 'injure' ('50 were injured'), 'last' ('lasted two hours'), 'quake' ('a 6.1-magnitude quake'), 'home' ('home to 120,000 people'); null when the sentence does not say.", default=None)
    role_pos: str | None = doc("'v' when role is a verb, 'n' when a noun; null without a role.", default=None)
    counted: str | None = doc("The noun it counts or measures when its unit is no unit of measure: the unit's WordNet noun ('village'), or the measure noun before it ('magnitude' in 'a magnitude of 5.9', 'population' in 'a population of 120,000'); null for a bare number or a unit of measure ('miles', 'people').", default=None)
    self_described: bool = doc("True when the counted noun names the measure itself ('a magnitude of 5.9', 'a population of 120,000'): the role is then what has it, if anything ('quake').", default=False)
    scope: str | None = doc("Where it was counted, when the words right after it narrow it: a place or phrase in lower case ('lagos', 'one district'), 'all' for 'nationwide', 'in total'; null otherwise.", default=None)
    anchor: str | None = doc("For a length: the named place it is measured from, in lower case ('tehran' in '35 miles south of Tehran'); null otherwise.", default=None)
    direction: str | None = doc("For a length: the compass direction written after it ('south', 'southwest'); null otherwise.", default=None)


@dataclass(frozen=True)
class Mention:
    """One mention of an article entity (table ``mentions``)."""

    id: str = doc("Content-hash id (article, offsets).")
    article: str = doc("Article id.")
    entity: str = doc("ArticleEntity id this mention refers to.")
    start: int = doc("Start character offset into the article text.")
    end: int = doc("End character offset (exclusive).")
    text: str = doc("The mention's text, equal to article.text[start:end].")
    kind: MentionKind = doc("name, nominal (an epithet such as 'the Oscar winner') or pronoun.")
    quantities: tuple[Quantity, ...] = doc(
        "What is written right after the mention: an age in apposition ('The choreographer, 47'; measure 'age'), "
        "a count after a possessive ('the couple’s three children').", default=())


@dataclass(frozen=True)
class Age:
    """An age stated for a person in an article, e.g. 'Portman, 42,' (table ``ages``)."""

    id: str = doc("Content-hash id.")
    article: str = doc("Article id.")
    entity: str = doc("ArticleEntity id of the person.")
    value: int = doc("The age in years.")
    start: int = doc("Start offset of the age expression.")
    end: int = doc("End offset (exclusive).")
    as_of: str | None = doc("The date the age holds on (the article's publication date), ISO; null if unknown.")
    text: str = doc("The age in context as quoted in reasons: the word before it and the age ('Portman, 42').", default="")
    when: str | None = doc(
        "For an age told of a past moment ('was 17 when he died in 2009'): the Timex id of the date it held on, or "
        "null (as Quantity.when).", default=None)
    past: bool = doc("True for an age told of an undated past moment ('he was 17'), as Quantity.past.", default=False)
    sentence_start: int | None = doc(
        "Start offset of the sentence holding the age, for showing it in context; null for records stored before "
        "schema 8.", default=None)
    sentence_end: int | None = doc("End offset (exclusive) of that sentence, or null.", default=None)


@dataclass(frozen=True)
class Timex:
    """A normalised time expression (TIMEX3) in an article (table ``timexes``)."""

    id: str = doc("Content-hash id.")
    article: str = doc("Article id.")
    start: int = doc("Start character offset.")
    end: int = doc("End character offset (exclusive).")
    text: str = doc("The expression as written.")
    type: TimexType = doc("DATE, TIME, DURATION or SET.")
    value: str = doc("TIMEX3 value: '2023-08', '2024-01-09', 'P11Y', 'PAST_REF', 'XXXX-03' when unresolved.")
    mod: str | None = doc("TIMEX3 mod: START, END, MID, APPROX, MORE_THAN, LESS_THAN, ... or null.")
    anchor: str | None = doc("What relative values were computed from: 'DCT' (publication date), a timex id, or null.")


@dataclass(frozen=True)
class Source:
    """Who stands behind a claim (stored flattened as ``source_*`` columns of ``claims``)."""

    kind: SourceKind = doc("One of the SOURCE_KIND values of the export contract.")
    text: str | None = doc("The source's mention as written ('a second insider', 'Millepied').")
    start: int | None = doc("Start offset of the source mention, or null.")
    end: int | None = doc("End offset of the source mention (exclusive), or null.")
    entity: str | None = doc("ArticleEntity id of the source (a person, an outlet), or null.")
    cue: str | None = doc("The reporting cue: 'says', 'reveals', 'according to', 'captioned'.")
    quote: QuoteType = doc("direct (quoted words), indirect (reported speech) or none.")
    via: str | None = doc("Outlet the claim was relayed through ('The Wall Street Journal', the publisher for exclusives).")
    key: str | None = doc("Article-scoped register key that keeps distinct anonymous sources apart ('anonymous:1').")


@dataclass(frozen=True)
class Claim:
    """A claimed content with its source, certainty and polarity (table ``claims``)."""

    id: str = doc("Content-hash id.")
    article: str = doc("Article id.")
    start: int = doc("Start offset of the claimed content.")
    end: int = doc("End offset (exclusive).")
    text: str = doc("The claimed content as written.")
    subject: str | None = doc("ArticleEntity id of the claim's subject, or null.")
    predicate: str = doc("Normalised predicate: the lemma ('arrest', 'move out'), or an enabled domain pack's name for it ('separate').")
    predicate_class: str | None = doc("Predicate class from an enabled domain pack (celebrity: separation, marriage, ...), or null.")
    object: str | None = doc("Object: an ArticleEntity id when it is an entity, else its text, or null.")
    when: str | None = doc("Timex id the claim is anchored to, or null.")
    polarity: Polarity = doc("positive, or negative when the content is negated.")
    certainty: Certainty = doc("certain, probable, possible or unknown (FactBank-style).")
    hedges: tuple[str, ...] = doc("Hedge cues found ('seemingly', 'reportedly', 'alleged').")
    source: Source = doc("Who says so.")
    sentence_start: int = doc("Start offset of the sentence(s) holding the claim, for highlighting.")
    sentence_end: int = doc("End offset of that sentence span.")
    quantities: tuple[Quantity, ...] = doc(
        "The numbers in the claim, in text order ('at least 12 people', '11 times'; a predicative age has measure 'age').",
        default=())
    predicate_start: int | None = doc(
        "Start offset of the predicate's own words (the verb, or the event noun heading a nominal claim: 'arrest' in "
        "'the arrest of X'); null for records stored before open-domain claims.", default=None)
    predicate_end: int | None = doc("End offset (exclusive) of the predicate's own words, or null.", default=None)
    predicate_pos: str | None = doc("'verb', 'noun' (an event noun heads the claim) or 'adj'; null when unknown.", default=None)
    event_key: str | None = doc(
        "Word-meaning key of the predicate from WordNet (storyline.core.words.event_key): 'marry', 'wed' and 'marriage' "
        "share one, as do 'die'/'death'; null when WordNet does not know the word.", default=None)
    frame: str | None = doc(
        "WordNet lexicographer class of the predicate's sense ('verb.contact', 'verb.communication', 'verb.cognition', "
        "'noun.event', ...), or null.", default=None)
    eventive: bool = doc(
        "False for predicates that never head a fact on their own: light, copular and cognition verbs ('I think', "
        "'know', 'be true', 'happen'); true for events and states worth checking.", default=True)
    place: str | None = doc(
        "Where it happened: an ArticleEntity id (GPE, LOC, FAC or ORG named as the location), else the place as "
        "written, or null.", default=None)
    cues: tuple[str, ...] = doc(
        "Wording cues the reader found in the claim that reconciling needs (read from the parse and the text once, "
        "here, so the reconcile stage never reads text): names from storyline.read.cues.CLAIM_CUES; empty for "
        "records stored before schema 7.", default=())
    context_when: str | None = doc(
        "For a claim with no timex of its own: the Timex id of the date its context gives (the nearest date of its "
        "sentence, or, when it opens on a pronoun, the last date of the sentence before), or null; null for records "
        "stored before schema 7.", default=None)
    # What a title or headline made from the claim shows (storyline.read.display): read here so the
    # present stage only cuts the text at these offsets. Null for records stored before schema 8.
    title_start: int | None = doc(
        "Start offset of the whole clause around the claim in its sentence (a fact's title is this clause), or null "
        "for records stored before schema 8.", default=None)
    title_end: int | None = doc("End offset (exclusive) of that clause, or null.", default=None)
    title_cut: bool = doc("True when the clause goes on too long after the claim and is cut at its end.", default=False)
    title_subject_start: int | None = doc(
        "Start offset of the clause's leading pronoun (with its contraction: 'She’s') that the name of title_subject "
        "replaces in a title; equal to title_subject_end where the name goes before a clause with no subject of its "
        "own ('cites irreconcilable differences'); null when neither applies.", default=None)
    title_subject_end: int | None = doc("End offset (exclusive) of that pronoun, or null.", default=None)
    title_subject: str | None = doc(
        "ArticleEntity id the pronoun refers to (its pronoun mention, else the claim's subject), or whose name goes "
        "before the clause; null when the title names no one.", default=None)
    title_possessive: bool = doc("True when the pronoun is a possessive ('Her manager'): the name takes ’s.", default=False)
    title_clitic: str | None = doc(
        "The pronoun's contraction spelled out, to follow the name (' is', ' has', ' will', ...), or null.", default=None)
    headline_end: int | None = doc(
        "End offset (exclusive) of the claim as a headline (from its start): past the close of a quotation it opens or "
        "leads into ('with the caption “...”'), within its sentence; null for records stored before schema 8.",
        default=None)
    lemmas: tuple[str, ...] = doc(
        "The claim's content words, for comparing claims without reading their text: the distinct lower-case lemmas "
        "of its nouns, proper nouns, verbs, adjectives, adverbs and numbers (by part of speech), in text order "
        "('separated from her husband' -> 'separate', 'husband'; storyline.read.wording); empty for records stored "
        "before schema 10.", default=())


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article as the reader split it (table ``sentences``)."""

    id: str = doc("Content-hash id.")
    article: str = doc("Article id.")
    start: int = doc("Start offset of the sentence (its first word).")
    end: int = doc("End offset (exclusive, after its last word or punctuation).")
    words: tuple[str, ...] = doc(
        "Its distinct lower-case word forms, in text order, punctuation left out: what recognising a copied sentence "
        "compares (storyline.read.wording).")


@dataclass(frozen=True)
class StoryEntity:
    """A story-level entity: article entities linked across articles (table ``entities``)."""

    id: str = doc("Content-hash id of the canonical name and type.")
    name: str = doc("Canonical name across the story.")
    type: str = doc("Entity type (as ArticleEntity.type).")
    aliases: tuple[str, ...] = doc("All surface forms across articles.")
    members: tuple[str, ...] = doc("ArticleEntity ids linked into this entity.")
    evidence: tuple[str, ...] = doc("Why members were merged, one human-readable line per merge.")


@dataclass(frozen=True)
class Fact:
    """Claims from one or more articles aligned as statements of the same fact (table ``facts``)."""

    id: str = doc("Content-hash id of the member claims.")
    statement: str = doc("A readable statement of the fact (from its best-sourced claim).")
    predicate_class: str | None = doc("Predicate class shared by its claims.")
    claims: tuple[str, ...] = doc("Claim ids supporting or disputing it; age and children-count facts may also hold Age ids (g-) and Mention ids (m-) for values no claim states.")
    articles: tuple[str, ...] = doc("Article ids the claims come from.")
    outlets: tuple[str, ...] = doc("Outlets that carried it.")
    independent_sources: int = doc("Distinct original sources: echoes and repeats of one insider count once; an outlet's own reporting, narration, observations and anonymous sources count as one origin per outlet; named people and documents each count. A thing only named in passing (a noun inside a claim about something else: 'rescuers searched the rubble after *the quake*') and a claim that says no more than its predicate ('killing') assert nothing and count no source; a fact of such claims only counts one.")
    status: FactStatus = doc("corroborated (>= 2 independent sources), single_source, contested or contradicted.")
    grade: EvidenceGrade = doc("Evidence grade from the best source: on_record, documentary, observation, outlet, anonymous, rumor, unattributed.")
    when: str | None = doc("TIMEX3 value of the fact's time, when known.")
    statement_claim: str | None = doc(
        "The claim (or Age/Mention id) the statement is written from: its best-sourced claim that no later "
        "report superseded; null for facts stored before sides were recorded.", default=None)
    supporting: tuple[str, ...] = doc(
        "Claims that agree with the statement: same polarity, and no value (date, number, place, age) in "
        "conflict with it. The statement's own claim comes first.", default=())
    disputing: tuple[str, ...] = doc(
        "Claims that dispute the statement: a value in conflict with it, or a denial or negation that counts "
        "(by a participant or on the record). Claims in neither list take no side (a passive 'was denied', "
        "a 'not yet').", default=())
    superseded: tuple[str, ...] = doc(
        "Claims whose figure a later report replaced ('at least 3 dead' on day one, 40 two days later): an "
        "update over time, not a conflict.", default=())
    notes: tuple[str, ...] = doc(
        "Sentences about the fact that are not conflicts: which earlier figure which later report superseded.",
        default=())
    event: str | None = doc(
        "Id of the Event (Story.events) the fact tells of; null for an attribute fact (an age, a count of "
        "children), a fact told only with light or cognitive predicates ('be', 'have', 'think') unless an "
        "event of their key is told in their own word (they join it), and facts stored before schema 9.", default=None)


@dataclass(frozen=True)
class Event:
    """What happened, as the story's facts tell it (table ``events``).

    A fact is one checkable statement ("the quake killed 10 people"); an event groups the facts
    about one happening ("the quake": when it struck, its magnitude, its toll) so a reader can see
    everything the story says of it. Facts join one event when they have the same key (or share a
    person and name it in kindred words), do not name disjoint sets of people in one article (for a
    domain pack's class: in the story), and give times that can be one (storyline.reconcile.events)."""

    id: str = doc("Content-hash id of its facts.")
    key: str = doc(
        "What its facts share: an enabled domain pack's class ('marriage'), else the WordNet event key of their "
        "predicates (storyline.core.words.event_key: 'marry', 'wed' and 'wedding' share one), else the "
        "predicate itself.")
    label: str = doc("The predicate its claims use most ('die', 'arrest'; a pack's class name), for display.")
    facts: tuple[str, ...] = doc("Fact ids, earliest told first.")
    when: str | None = doc("TIMEX3 value of the most precise time its facts give, or null.")


@dataclass(frozen=True)
class Conflict:
    """Two claims that cannot both be true, with a checkable reason (table ``conflicts``)."""

    id: str = doc("Content-hash id.")
    fact: str = doc("Fact id the conflict belongs to.")
    claims: tuple[str, ...] = doc("The two conflicting claim ids (or Age/Mention ids, as in Fact.claims).")
    kind: ConflictKind = doc("date, time, age, derived_date, count, quantity, place or polarity.")
    reason: str = doc("A sentence a person can check, citing both claims' wording and dates.")


@dataclass(frozen=True)
class Echo:
    """A claim that re-reports another (table ``echoes``): it adds no independent source."""

    id: str = doc("Content-hash id.")
    claim: str = doc("The re-reporting claim id.")
    original: str | None = doc("The claim it echoes, when found in the corpus; null when the original is outside it.")
    reason: str = doc("Why it is an echo ('according to Us Weekly', 'identical quoted words').")


@dataclass(frozen=True)
class TimelineEntry:
    """A fact placed in time (table ``timeline``)."""

    id: str = doc("Content-hash id.")
    when: str = doc("TIMEX3 value.")
    start: str | None = doc("Earliest ISO date the value covers (a month-only value covers the whole month).")
    end: str | None = doc("Latest ISO date the value covers.")
    fact: str = doc("Fact id.")
    label: str = doc("Short label for the timeline.")
    status: str = doc("The fact's status.")


@dataclass(frozen=True)
class FactClaim:
    """What a fact rests on, one row per id of ``Fact.claims`` (link table ``fact_claims``).

    Not part of :class:`Story`: the store derives these rows from the facts, conflicts and stored
    readings each time it stores a story (:mod:`storyline.store.links`), so SQL tools (``datasette
    story.db``) follow facts to claims to articles by foreign key. A link to an article table is
    set to null when that article is re-read; the next reconcile writes it again.
    """

    id: str = doc("Content-hash id of (fact, ref).")
    fact: str = doc("Fact id.")
    ref: str = doc("The id as Fact.claims holds it: a claim id, or an Age (g-) / Mention (m-) id.")
    kind: ExportClaimKind = doc("claim (a read claim), age (an Age, or an age at a Mention) or count (a count at a Mention), as the export's claims[].kind.")
    role: LinkRole = doc("support: says what the fact's statement says; dispute: the other side of one of its conflicts, or negated where the statement is not; superseded: a figure a later report replaced.")
    claim: str | None = doc("Claim id when ref is a stored claim, else null.")
    age: str | None = doc("Age id when ref is a stored age, else null.")
    mention: str | None = doc("Mention id when ref is a stored mention, else null.")
    article: str | None = doc("Article id of the claim, age or mention, or null when it is not stored.")


@dataclass(frozen=True)
class EchoLink:
    """An echo's two claims as followable links (link table ``echo_links``, derived like ``fact_claims``)."""

    id: str = doc("The echo's id.")
    echo: str = doc("Echo id.")
    claim: str | None = doc("The re-reporting claim id, when stored; null otherwise.")
    original: str | None = doc("The echoed claim id, when known and stored; null otherwise.")
    article: str | None = doc("Article id of the re-reporting claim, or null.")
    original_article: str | None = doc("Article id of the echoed claim, or null.")


@dataclass(frozen=True)
class Coverage:
    """The articles a reconciled story was built from (table ``coverage``: one row, saved with the story).

    A story is current while its coverage equals that of the stored articles; any command that
    finds it otherwise reconciles again (``analyze``, ``export``, ``report``)."""

    id: str = doc("SHA-256 of the sorted (article id, content hash) pairs the story was reconciled from.")
    articles: int = doc("How many articles the story was reconciled from.")

    @classmethod
    def of(cls, hashes: Mapping[str, str]) -> Coverage:
        """The coverage of the articles in ``hashes`` (article id -> content hash)."""
        pairs = json.dumps(sorted(hashes.items()), ensure_ascii=False)
        return cls(content_hash(pairs), len(hashes))


@dataclass(frozen=True)
class ArticleReading:
    """Everything read from one article (not a table: the unit stored in one transaction)."""

    article: Article
    entities: tuple[ArticleEntity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    ages: tuple[Age, ...] = ()
    timexes: tuple[Timex, ...] = ()
    claims: tuple[Claim, ...] = ()
    # The reader's sentences, in text order; empty for a reading stored before schema 8.
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class Story:
    """The reconciled story (not a table: the unit replaced in one transaction after each analyze)."""

    entities: tuple[StoryEntity, ...] = ()
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    echoes: tuple[Echo, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    coverage: Coverage | None = None
    """What it was reconciled from (``storyline.api.reconcile`` sets it); None when unknown, as for
    a story stored before schema version 4: such a story counts as out of date."""
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class StoryInfo:
    """A story of the database (table ``stories``): one database holds many stories, each with its
    own articles (table ``story_articles``), reconciled account and reviews.

    Stories are the newsroom's unit of work: created by name, renamed, archived when done. Every
    story-level table (entities, facts, events, conflicts, echoes, timeline, coverage and the link
    tables) has a ``story`` column holding this id and is keyed by (story, id), since record ids
    are content hashes that two stories holding the same articles share."""

    id: str = doc("Story id: s- + a hash of its first name and its creation time; kept when it is renamed.")
    name: str = doc("Its name, unique in the database: what --story takes.")
    created: str = doc("When it was created (ISO 8601, UTC).")
    archived: bool = doc("True once archived: listed apart, and no article is added until it is unarchived.", default=False)
    description: str = doc("A line about the story, for the people working on it.", default="")


@dataclass(frozen=True)
class StoryArticle:
    """An article's membership of a story (table ``story_articles``). Many to many: an article is
    read and stored once (its id is a content hash) and may belong to several stories, as a piece
    covering two related stories does; a story reconciles the readings of its members only."""

    id: str = doc("Content-hash id of (story, article).")
    story: str = doc("Story id.")
    article: str = doc("Article id.")
    added: str = doc("When the article joined the story (ISO 8601, UTC).")


@dataclass(frozen=True)
class Review:
    """A reviewer's verdict on a fact (table ``reviews``); every decision is kept, the latest wins.

    Fact ids are content hashes of their claims, so a fact gets a new id when an added article
    joins it. A review is therefore anchored on the claims the fact rested on when it was reviewed
    (claim ids are content hashes of one article and stable) and re-attaches, after any
    re-analysis, to the fact that now holds most of them (storyline.core.reviews); a review none of
    whose claims is in any fact any more is kept and reported as orphaned."""

    id: str = doc("Content-hash id of (story, fact, verdict, note, reviewer, at).")
    story: str = doc("Story id.")
    fact: str = doc("The id of the fact as it was reviewed (it may have changed since: see anchor).")
    anchor: tuple[str, ...] = doc("The ids the fact rested on when it was reviewed (Fact.claims then): what the review re-attaches by.")
    verdict: Verdict = doc("verified, false or needs_work.")
    note: str = doc("The reviewer's note (may be empty).")
    reviewer: str = doc("Who decided (an account or a name).")
    at: str = doc("When (ISO 8601, UTC, microseconds).")
    statement: str = doc("The fact's statement when it was reviewed, so an orphaned review still reads.")


# Tables in storage order; the store and the schema generator iterate over this.
TABLES: dict[str, type] = {
    "articles": Article,
    "article_entities": ArticleEntity,
    "mentions": Mention,
    "ages": Age,
    "timexes": Timex,
    "claims": Claim,
    "sentences": Sentence,
    "entities": StoryEntity,
    "facts": Fact,
    "events": Event,
    "conflicts": Conflict,
    "echoes": Echo,
    "timeline": TimelineEntry,
    "fact_claims": FactClaim,
    "echo_links": EchoLink,
    "coverage": Coverage,
    "stories": StoryInfo,
    "story_articles": StoryArticle,
    "reviews": Review,
}



_MADE: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def made(cls: type, values: dict[str, Any]) -> Any:
    """``cls(**values)`` for a frozen record with no ``__post_init__``, equal in every way (the same
    fields in the same order, the same defaults), made by filling the instance's dict at once: a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, and for a
    36-field Claim that took the reader more than all the rest of making the claim's record. A
    missing or unknown field raises TypeError, as the constructor would."""
    known = _MADE.get(cls)
    if known is None:
        fields_ = cls.__dataclass_fields__.values()
        if any(f.default_factory is not MISSING for f in fields_) or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__}: made() takes records with plain defaults and no __post_init__")
        # Every field in the template keeps the instance dict in field order; defaults fill theirs.
        known = _MADE[cls] = ({f.name: f.default for f in fields_}, frozenset(f.name for f in fields_ if f.default is MISSING))
    template, required = known
    state = template.copy()
    state.update(values)
    if len(state) != len(template) or not values.keys() >= required:
        raise TypeError(f"{cls.__name__}: wrong fields for made(): {sorted(set(state) - set(template)) or 'a required one is missing'}")
    record = object.__new__(cls)
    record.__dict__.update(state)
    return record
