"""What the read stage records for a claim's title and headline (storyline.read.display)."""

from __future__ import annotations

from datetime import date

from storyline.core.records import Article, Claim, Source
from storyline.read.display import ClaimPlace, display_fields, headline_end, title_reading, with_display
from storyline.read.doc import AgeAnn, ClaimAnn, EntityAnn, MentionAnn
from storyline.read.extract import Annotations, reading_from_annotations


def _claim(text: str, content: str, subject: str | None = None, occurrence: int = 0) -> Claim:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(content, start + 1)
    return Claim(id="c", article="a", start=start, end=start + len(content), text=content, subject=subject,
                 predicate="say", predicate_class=None, object=None, when=None, polarity="positive",
                 certainty="certain", hedges=(), source=Source("unattributed", None, None, None, None, None, "none", None, None),
                 sentence_start=0, sentence_end=len(text))  # fmt: skip


def test_extract_records_the_title_clause_its_pronoun_and_the_headline():
    text = "Mara Quinn left early. She’s been away, a friend says, with the caption “Gone”."
    she = text.index("She")
    ent = EntityAnn(0, "Mara Quinn", "PERSON", [MentionAnn(0, 10, "Mara Quinn", "name"), MentionAnn(she, she + 3, "She", "pronoun")],
                    ages=[AgeAnn(42, 0, 10)])  # fmt: skip
    start, end = she + len("She’s "), text.index(", a friend")
    lead = text.index(" with the caption")
    ann = Annotations([ent], [], [], [
        ClaimAnn(start, end, text[start:end], "be", None, 0, None, None, None, None, "unattributed", "certain", "positive",
                 sentence_start=she, sentence_end=len(text)),
        ClaimAnn(she, lead, text[she:lead], "be", None, 0, None, None, None, None, "unattributed", "certain", "positive",
                 sentence_start=she, sentence_end=len(text))])  # fmt: skip
    r = reading_from_annotations(ann, Article("a", text, None, date(2024, 5, 1), None, None, "a.txt", "txt", "h"))
    away, whole = r.claims
    # "been away" opens on no subject of its own: its clause starts at "She’s", which stands for Mara Quinn.
    assert (away.title_start, away.title_end, away.title_cut) == (she, end, False)
    assert text[away.title_subject_start : away.title_subject_end] == "She’s"
    assert away.title_subject == r.entities[0].id and away.title_clitic == " has" and not away.title_possessive
    assert text[whole.start : whole.headline_end].endswith("with the caption “Gone”")
    assert away.headline_end == away.end  # no quotation to take in
    (age,) = r.ages
    assert text[age.sentence_start : age.sentence_end] == "Mara Quinn left early."


def test_display_fields_of_a_claim_place_equal_those_with_display_gives_the_claim():
    # The reader makes each Claim with display_fields of its ClaimPlace; with_display copies a made one.
    text = "Her manager did not respond. She’s been away, a friend says. Papers show Varga lists the date, and cites “differences”."
    pronouns = {0: "e-varga", text.index("She"): "e-varga"}
    for content, subject in (("Her manager did not respond", None), ("been away", "e-varga"), ("She’s been away", None),
                             ("cites “differences", "e-varga"), ("lists the date", None)):
        claim = _claim(text, content, subject)
        place = ClaimPlace(claim.start, claim.end, claim.sentence_start, claim.sentence_end, claim.subject)
        assert with_display(text, claim, pronouns) == Claim(**{**claim.__dict__, **display_fields(text, place, pronouns)})
        assert display_fields(text, place, pronouns)["title_start"] is not None


def test_a_contraction_is_spelled_out_from_its_clitic_and_the_next_word():
    text = "She’ll be there. She’s laughing. He’d never said it."
    for claim, spelled in (("She’ll be there", " will"), ("She’s laughing", " is"), ("He’d never said it", " would")):
        t = title_reading(text, _claim(text, claim, subject="e1"), {})
        assert (t.subject_start, t.subject, t.clitic) == (text.index(claim), "e1", spelled)


def test_a_possessive_pronoun_and_a_clause_without_a_subject():
    text = "Her manager did not respond. Papers show Varga lists the date, and cites irreconcilable differences."
    manager = title_reading(text, _claim(text, "Her manager did not respond"), {0: "e-varga"})
    assert (manager.subject, manager.possessive, manager.subject_end) == ("e-varga", True, 3)
    cites = title_reading(text, _claim(text, "cites irreconcilable differences", subject="e-varga"), {})
    at = text.index("cites")
    assert (cites.start, cites.subject_start, cites.subject_end, cites.subject) == (at, at, at, "e-varga")


def test_a_pronoun_nobody_is_known_for_names_no_one():
    text = "But he left, the report says."
    t = title_reading(text, _claim(text, "left", subject=None), {})
    assert t.subject is None and t.subject_start is None and text[t.start : t.end] == "But he left"


def test_a_headline_closes_the_quotation_it_opens_within_its_sentence():
    text = "She starred in the drama “Wren” and won. Then “More” followed."
    claim = "She starred in the drama “Wren"
    assert headline_end(text, 0, len(claim)) == text.index("” and") + 1
    # A quotation in the next sentence is not taken in.
    won = text.index("won")
    assert headline_end(text, won, won + 3) == won + 3
