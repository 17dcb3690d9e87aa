"""The vocabulary of kinds: one row per source kind, evidence grade, fact status and conflict kind.

Everything a stage needs to know about a kind lives in its row here: how the dossier labels and
colours it, how reconcile grades and counts it, how prose names it. The stages read these tables
and keep no lists of their own, so adding a kind means adding its row (and its name to the
``Literal`` in :mod:`storyline.core.records`, which feeds the export schema) plus the code that
detects it. ``tests/core/test_vocab.py`` checks that the tables and the ``Literal`` types agree
and that every row is complete.

The dossier's CSS classes are ``k-<kind>`` and ``s-<status>``; their colour rules are generated
from the ``colour`` columns (:func:`storyline.present.report.vocab_css`), so a new row is styled
without touching the stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CONFLICT_KIND",
    "GRADE",
    "SOURCE_KIND",
    "STATUS",
    "ConflictRow",
    "GradeRow",
    "SourceKindRow",
    "StatusRow",
    "grade_of",
    "source_kind",
]


@dataclass(frozen=True)
class GradeRow:
    """An evidence grade: how checkable the best source of a fact is."""

    name: str
    label: str  # in the dossier's "Evidence grade" line
    rank: int  # lower is stronger; equal ranks are equally checkable (table order breaks ties)


@dataclass(frozen=True)
class SourceKindRow:
    """A kind of source (``Source.kind``)."""

    name: str
    label: str  # the dossier's badge
    grade: str  # evidence grade (a GRADE name) of a claim it originates
    on_record: bool  # someone answerable says so: a negation from it disputes a fact outright
    origin: str  # what independence counts it as: "person", "document", "rumor" or "outlet" (one per outlet)
    phrase: str  # how prose says where a claim came from: "Mendes says it on the record"
    own_voice: bool  # the outlet's own word: prose cites the publishing outlet, not the source text
    stand_in: str  # the dossier's "who" when the claim names none; "{outlet}" is the outlet; "" unless own_voice
    speaks: bool  # a speaker whose source a cue-less continuing quote may take over
    antecedent: bool  # a thing ("the filing", "the report") that a later "it says" refers back to
    key: str  # read-stage register key: "<key>:<who>" per distinct source ...
    per_article: bool  # ... or "<key>" alone: one source per article
    colour: str  # badge colour in the dossier

    @property
    def css(self) -> str:
        """The dossier's CSS class for this kind."""
        return f"k-{self.name}"


@dataclass(frozen=True)
class StatusRow:
    """A fact status (``Fact.status``)."""

    name: str
    label: str  # heading and badge in the dossier
    meaning: str  # one sentence under the heading
    key: bool  # checked against a second source or a dispute: a key fact, not a lead
    disputed: bool  # someone in the coverage disputes it
    colour: str  # in the dossier and its SVG timeline

    @property
    def css(self) -> str:
        """The dossier's CSS class for this status."""
        return f"s-{self.name}"


@dataclass(frozen=True)
class ConflictRow:
    """A kind of conflict between two claims (``Conflict.kind``)."""

    name: str
    label: str  # "derived date" in "derived date conflict"
    status: str  # the fact status (a STATUS name) a conflict of this kind gives its fact
    meaning: str  # what it means, for people reading an export


def _table(*rows):
    table = {r.name: r for r in rows}
    if len(table) != len(rows):
        raise ValueError(f"a name appears twice in a vocabulary table: {[r.name for r in rows]}")
    return table


GRADE: dict[str, GradeRow] = _table(
    GradeRow("on_record", "on the record", 0),
    GradeRow("documentary", "documentary", 0),  # as checkable as a person on the record
    GradeRow("observation", "observation", 1),
    GradeRow("outlet", "outlet's own reporting", 2),
    GradeRow("anonymous", "anonymous sources", 3),
    GradeRow("rumor", "rumor", 4),
    GradeRow("unattributed", "unattributed", 5),
)

# In the order the dossier lists kinds (the order of records.SourceKind).
SOURCE_KIND: dict[str, SourceKindRow] = _table(
    SourceKindRow("named_person", "On record", "on_record", True, "person", "on the record",
                  False, "", True, False, "person", False, "#1d4ed8"),
    # An organisation or a place speaking as one ("police said", "the ministry said in a statement",
    # "Acme said"): an institution's on-record voice, answerable like a named spokesperson, so it
    # grades on_record and its denial disputes a fact outright. Independence counts each
    # organisation once (origin "person": keyed by its entity, else its words), however many
    # outlets carry its statement.
    SourceKindRow("organization", "Organisation", "on_record", True, "person", "on the organisation's record",
                  False, "", True, False, "organization", False, "#0369a1"),
    SourceKindRow("anonymous", "Anonymous", "anonymous", False, "outlet", "through an anonymous source",
                  False, "", True, False, "anonymous", False, "#6d28d9"),
    SourceKindRow("outlet", "Outlet", "outlet", False, "outlet", "as the outlet's own reporting",
                  True, "{outlet}", True, False, "outlet", True, "#475569"),
    SourceKindRow("other_media", "Other media", "outlet", False, "outlet", "citing other media",
                  False, "", True, True, "media", False, "#a15c07"),
    SourceKindRow("social_media", "Social post", "on_record", True, "person", "in a post",
                  False, "", True, False, "person", False, "#be185d"),
    SourceKindRow("document", "Document", "documentary", True, "document", "in a document",
                  False, "", True, True, "document", False, "#7c4a03"),
    SourceKindRow("observation", "Observation", "observation", False, "outlet", "from an observation",
                  False, "", False, False, "observation", True, "#0f766e"),
    SourceKindRow("rumor", "Rumor", "rumor", False, "rumor", "as a rumor",
                  False, "", False, False, "rumor", True, "#9f1239"),
    SourceKindRow("unattributed", "Unattributed", "unattributed", False, "outlet", "without attribution",
                  True, "no source given", False, False, "unattributed", True, "#6b7280"),
)  # fmt: skip

# In the order the dossier groups facts: the disputed first, the leads last.
STATUS: dict[str, StatusRow] = _table(
    StatusRow("contradicted", "Contradicted", "Claims that cannot all be true: at least one of them is wrong.",
              True, True, "#b42318"),
    StatusRow("contested", "Contested", "Reported, but disputed or denied by someone in the coverage.",
              True, True, "#c4690a"),
    StatusRow("corroborated", "Corroborated", "Carried by at least two independent original sources.",
              True, False, "#1d7a46"),
    StatusRow("single_source", "Single source", "However often repeated, it rests on one original source.",
              False, False, "#55657a"),
)  # fmt: skip

CONFLICT_KIND: dict[str, ConflictRow] = _table(
    ConflictRow("date", "date", "contradicted", "two dates (days) of a once-only event that do not overlap"),
    ConflictRow("time", "time", "contradicted",
                "two times of day of a once-only event at least half an hour apart (the days agree or are not given)"),
    ConflictRow("age", "age", "contradicted", "two ages of one person that no single birth date fits"),
    ConflictRow("derived_date", "derived date", "contradicted",
                "a date implied by an anniversary or a length of marriage that misses a stated one"),
    ConflictRow("count", "count", "contradicted",
                "two different counts of a person's or couple's children, or of one event's happenings "
                "(three strong aftershocks / at least four strong aftershocks) whose ranges do not meet"),
    ConflictRow("quantity", "quantity", "contradicted",
                "two numbers of the same measure of one event (deaths, injured, magnitude, distance, rounds) or of one "
                "place (its population, its distance from another place) "
                "whose ranges do not meet, after modifiers, rounding and units"),
    ConflictRow("place", "place", "contradicted", "two places for the same event that cannot both hold"),
    ConflictRow("polarity", "polarity", "contested", "a denial or a negated claim against the claim"),
)


def source_kind(kind: str) -> SourceKindRow:
    """The row of a source kind; a kind outside the table (old or hand-made records) reads as unattributed."""
    return SOURCE_KIND.get(kind) or SOURCE_KIND["unattributed"]


def grade_of(kind: str) -> str:
    """The evidence grade of a source kind."""
    return source_kind(kind).grade
