"""Tense around a time expression: from the parse when a Doc is given, else from cue words.

Tense decides which way an underspecified date resolves ("on Thursday" said in the past is
the Thursday before publication; "in March" said of the future after a May publication is next
March). It is only asked for those few expressions, so the cost stays off the hot path.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc

from storyline.core.words import verb_class
from storyline.read.certainty.assess import negative_words
from storyline.read.timex.lexicon import WEEKDAYS

__all__ = ["TenseOracle"]

# Irregular past forms (regular ones end in -ed).
_PAST = ("was|were|had|did|said|told|took|made|met|saw|began|came|went|left|fell|rose|got|gave|sold|bought|"
         "won|lost|paid|broke|spent|chose|grew|held|became|spoke|wrote|knew|thought|felt|kept|found|heard|sent|"
         "brought|caught|taught|fought|struck|stood|sat|wore|drove|flew|threw|sang|led|ran|hid|shook|swore|tore")
# Future cues first: the alternation is leftmost-first, so "expected to" is not read as a past "-ed".
_CUES = re.compile(
    r"(?i:\b(?P<future>will|won[’']t|shall|going\s+to|plans?\s+to|planned\s+to|expected\s+to|"
    r"expects?\s+to|scheduled\s+to|set\s+to|due\s+to|is\s+to|are\s+to|aims?\s+to|intends?\s+to|"
    r"would|should|could(?!\s+not\b|n[’']t)|(?-i:may)|might|must|can|to\s+be|"  # "May" is a month
    # "to" + verb: an intention or plan ("wants to eliminate ... by June"). The verb is in lower
    # case: "spoke to Daily Lumen", "talked to Red Carpet Daily" name an outlet, not a plan.
    r"to\s+(?!(?:the|a|an|its|his|her|their|our|my|your|this|that|these|those|be)\b)(?-i:[a-z]{3,}))\b"
    r"|(?P<future2>[’']ll)\b"
    # an active present perfect ("has lived there"; not "has been extended", "will have sold")
    rf"|(?<!\bwill\s)\b(?P<perfect>(?:has|have)\s+(?:{_PAST}|\w{{2,}}ed))\b"
    r"|\b(?P<present>is|are|has|have|does|do)\b"
    # a participle after "be"/"been" is passive, not past ("will be signed")
    # "could not" / "couldn't", the past of "cannot" ("could not reach him on Sunday")
    rf"|(?<!\bbe\s)(?<!\bbeen\s)\b(?P<past>could\s+not|couldn[’']t|{_PAST}|\w{{2,}}ed)\b)"
)
# "remain closed", "has announced": an adjective or a perfect; "the planned stop": an adjective.
_NOT_TENSE_BEFORE = re.compile(
    r"(?i:\b(?:be|been|being|is|are|remain|remains|stay|stays|seem|seems|get|gets|has|have|"
    r"the|a|an|its|his|her|their|our)\s+)$"
)
_PREP_BEFORE = re.compile(r"(?i:\b(since|by|until|till|through)\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+)?)$")
_AHEAD_BEFORE = re.compile(r"(?i:\bpayable\s+)$")
# a lower bound on when something may yet happen ("could come as early as Tuesday", "could not
# reach the coast before Thursday")
_EARLIEST_BEFORE = re.compile(r"(?i:\b(?:as\s+(?:early|soon)\s+as|before)\s+)$")
# ... and negated, a deadline is one too ("said they couldn't meet until Thursday")
_NOT_UNTIL_BEFORE = re.compile(r"(?i:\b(?:until|till)\s+)$")
# a measured change before "through" in its clause closes a period that looks back ("up 5 percent
# through March", "has gained 10 points through March"): a year-to-date total
_MEASURED_CHANGE = re.compile(r"(?i:\d[\d,.]*\s*(?:%|percent\b|percentage\s+points?\b|points?\b))")
_CLAUSE_START = re.compile(r"[.!?;]\s|\n|,\s+(?:and|but|while)\s")  # without a parse
_SENT_END = re.compile(r"[.!?]\s|\n")
# how a sentence of the body ends; a headline ends in none of these
_CLOSED_LINE = re.compile(r"[.!?:;,\"”’')\]]$")
_SENT_START = re.compile(r"(?:[.!?:]\s+|\n\s*|^)[“\"‘'(]?$")
# a modal puts what it governs ahead of the telling ("will come on Tuesday", "may come on Tuesday")
_FUTURE_AUX = frozenset({"will", "wo", "'ll", "’ll", "shall", "might", "may", "can", "should", "must"})
# ... but "could" is also the past of "can" (see TenseOracle._could_look_ahead)
_PAST_OR_FUTURE_AUX = "could"
# what one could or could not perceive or know is told of the past ("could see them on Saturday,
# he said"); an event one could do is speculation about what is ahead ("said the vote could come")
_EXPERIENCE_CLASSES = frozenset({"verb.perception", "verb.cognition"})
_INTENTION_LEMMAS = frozenset({"plan", "expect", "intend", "aim", "hope", "want", "schedule", "prepare"})
# a simple present of these tells of now or retells the past ("says Monday", "is open Monday"),
# not of a scheduled event
_NOT_SCHEDULED_CLASSES = frozenset({"verb.communication", "verb.stative", "verb.cognition", "verb.perception"})
_WINDOW = 300  # characters searched either side: sentences longer than this are rare in news


def _counted_object(verb, start: int) -> bool:
    """Whether ``verb``, with no modal putting it ahead, has an object before ``start`` that is a
    count of things ("12 goals", "2 million trucks"): a running total. A sum ("has extended the
    company $90 million in loans") is the amount given, not a count."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX | {_PAST_OR_FUTURE_AUX} for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.idx < start and c.tag_ in ("NN", "NNS")
               and any(n.dep_ == "nummod" for n in c.children) for c in verb.children)


def _negated(verb) -> bool:
    """Whether ``verb`` is denied: by "not" / "n't", or by a negative subject ("Neither he nor
    ... could be located Wednesday", "No one could reach him")."""
    negative = negative_words()  # a subject that denies the clause as "not" does
    for c in verb.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(
            w.lower_ in negative for w in (c, *(w for w in c.children if w.dep_ in ("preconj", "det")))
        ):
            return True
    return False


def _under_past_perfect(token) -> bool:
    """Whether an infinitive hangs from a past perfect ("had been due to expire", "had planned to")."""
    for _ in range(3):
        head = token.head
        if head is token or head.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
        if (head.lower_ == "had" and head.tag_ == "VBD") or any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
            return True
        token = head
    return False


def _told_in_the_past(head) -> bool:
    """Whether ``head`` is a past tense or a past passive ("was kidnapped")."""
    if head.tag_ == "VBD":
        return True
    return head.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in head.children)


def _names_a_thing_of(token, verb, end: int) -> bool:
    """Whether the expression starting at ``token`` modifies a noun after it on its way up to
    ``verb`` ("to make the late-November trip"): it dates the thing the noun names, and is no
    adverbial of the verb ("to plan the vote in June", reached through a preposition)."""
    for _ in range(6):
        head = token.head
        if head is token or token is verb or token.dep_ in ("pobj", "npadvmod"):
            return False
        if head.idx >= end and head.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "amod", "nmod"):
            return True
        token = head
    return False


class TenseOracle:
    """Answers ``tense(start, end)`` -> "past" | "future" | "present" for a span of ``text``."""

    def __init__(self, text: str, doc: Doc | None = None) -> None:
        self.text = text
        self.doc = doc
        self._starts: list[int] | None = None

    def tense(self, start: int, end: int) -> str:
        if _AHEAD_BEFORE.search(self.text, max(0, start - 12), start):
            return "future"  # "declared a dividend, payable Dec. 1": the payment is ahead
        prep = _PREP_BEFORE.search(self.text, max(0, start - 25), start)
        word = prep.group(1).lower() if prep else None
        if word == "since":
            return "past"  # "since November" always looks back
        if word == "through" and self._measured_before(start):
            return "past"  # "up 5 percent through March": a total over a period already closed
        found = self._from_parse(start, end) if self.doc is not None else None
        if found in ("perfect", "perfect-object"):
            # "has given them until 9 a.m. Tuesday", "has extended loans through January": what is
            # given or kept lasts until a deadline ahead; otherwise an active present perfect
            # reports something done by now ("has lived there through March")
            ahead = word in ("until", "till") or (word == "through" and found == "perfect-object")
            found = "future" if ahead else "past"
        if found is None and self._possessive(start):
            # "to get around Wednesday's ruling": the date is the ruling's, not the plan's infinitive;
            # the sentence's main verb tells on which side the thing dated lies ("said they would
            # look for ways to get around" it: told in the past; "are rushing to prepare for" it: ahead)
            found = self._main_verb_side(start)
        found = found or self._from_cues(start, end)
        if found == "perfect":
            # no parse to tell what is given or kept: a perfect "through" a date reports what is
            # done by now ("has lived there through March"); otherwise it tells as a present did
            found = "past" if word == "through" else "present"
        if word in ("by", "until", "till", "through") and found == "present":
            return "future"  # "wants to cut jobs by early June": a deadline ahead
        return found

    def token_at(self, start: int):
        """The token of the parse holding character ``start``, or None without a parse."""
        if self.doc is None or not len(self.doc) or not self.doc.has_annotation("DEP"):
            return None
        if self._starts is None:
            self._starts = self.doc.to_array(IDX).tolist()  # no Token object per token
        return self.doc[max(bisect.bisect_right(self._starts, start) - 1, 0)]

    def _governing_verb(self, start: int):
        """The verb the expression at ``start`` hangs from in the parse, or None."""
        token = self.token_at(start)
        if token is None:
            return None
        for _ in range(6):  # climb to the governing verb
            if token.pos_ in ("VERB", "AUX") or token.head is token:
                break
            token = token.head
        return token if token.pos_ in ("VERB", "AUX") else None

    def _from_parse(self, start: int, end: int) -> str | None:
        token = self._governing_verb(start)
        if token is None:
            return None
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        lowers = {c.lower_ for c in auxes}
        if lowers & _FUTURE_AUX or _PAST_OR_FUTURE_AUX in lowers:
            # a modal perfect looks back ("may have been responsible for a drop on Wednesday")
            if "have" in lowers and token.tag_ == "VBN":
                return "past"
            if lowers & _FUTURE_AUX or self._could_look_ahead(token, start):
                return "future"
            return "past"
        if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
            return "past"
        if token.tag_ == "VBN" and "had" in lowers:
            return "past"
        if token.tag_ == "VBN" and lowers & {"has", "have", "'ve", "’ve"} and not any(c.dep_ == "auxpass" for c in auxes):
            # An active present perfect reports something done by now ("has spent much of the
            # winter"); a passive one ("has been scheduled for March") says nothing about the side.
            return "perfect-object" if any(c.dep_ in ("dobj", "dative") for c in token.children) else "perfect"
        if token.tag_ == "VB" and token.head.lemma_ in _INTENTION_LEMMAS and token.head.tag_ in ("VBZ", "VBP", "NN", "NNS"):
            return "future"
        if token.tag_ == "VB" and "to" in lowers and _under_past_perfect(token):
            return "past"  # "had been scheduled to expire at midnight Friday": a deadline already passed
        if token.tag_ == "VB" and "to" in lowers and token.dep_ == "advcl":
            head = token.head
            if head.pos_ == "ADJ" and head.head is not head and _told_in_the_past(head.head):
                # "made it difficult to meet demand well into the summer": the infinitive says what
                # a past state concerned, so it is told of the past
                return "past"
            if _told_in_the_past(head) and _names_a_thing_of(self.token_at(start), token, end):
                # A purpose follows its past main event, on either side of publication: an
                # adverbial of it is a plan ahead (the cue "to", "left on Monday to attend a summit
                # on Friday"), but a date naming the object's event gives no side ("was kidnapped
                # to make the late-November trip"): the nearest
                return "present"
        if token.tag_ in ("VBZ", "VBP") and token.lemma_ in _INTENTION_LEMMAS and any(c.dep_ == "xcomp" for c in token.children):
            return "future"  # "On Tuesday, the league plans to hold a news conference"
        if token.tag_ in ("VBZ", "VBP"):
            return "present"
        return None

    def _possessive(self, start: int) -> bool:
        """Whether the expression at ``start`` is a possessive weekday dating a noun ("Wednesday's
        ruling"); a month's ("to win November's election") keeps the tense its clause gives."""
        token = self.token_at(start)
        return token is not None and token.dep_ == "poss" and token.lower_ in WEEKDAYS

    def _main_verb_side(self, start: int) -> str:
        """ "past" when the main verb of the sentence holding ``start`` is told in the past,
        "future" when it is a present or a future, else "present" (the nearest)."""
        root = self.token_at(start).sent.root
        auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
        if _told_in_the_past(root) or any(c.tag_ == "VBD" for c in auxes):
            return "past"
        if root.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") or c.lower_ in _FUTURE_AUX for c in auxes):
            return "future"
        return "present"

    def scheduled(self, start: int) -> bool:
        """Whether the expression at ``start`` dates an event told in the simple present, as news
        tells what is scheduled ("He and Arafat meet separately Monday with Albright"): no
        auxiliary, and no verb that reports, states, thinks or perceives (a retelling "says
        Monday" or a state "is open Monday" is not). The expression must be the verb's adverbial:
        "follows Tuesday's declaration" dates the declaration. Not in a headline, whose present
        tells what happened ("Earthquake kills 20 Thursday"; what is ahead takes "to"). Needs a
        parse."""
        if self._in_headline(start):
            return False
        token = self._governing_verb(start) if self.doc is not None else None
        if token is None or token.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in token.children):
            return False
        word = self.token_at(start)
        adverbial = (word.dep_ == "npadvmod" and word.head == token) or (
            word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head == token)
        return adverbial and verb_class(token.lemma_) not in _NOT_SCHEDULED_CLASSES | {None}

    def _in_headline(self, start: int) -> bool:
        """Whether ``start`` lies on a line of several words with no closing punctuation: a
        headline (or deck) of the article, not a sentence of its body."""
        lo = self.text.rfind("\n", 0, start) + 1
        hi = self.text.find("\n", start)
        line = self.text[lo : len(self.text) if hi < 0 else hi].rstrip()
        return hi >= 0 and " " in line and not _CLOSED_LINE.search(line)

    def _could_look_ahead(self, token, start: int) -> bool:
        """Whether "could" on ``token`` puts it ahead. A lower bound always does ("said he could
        come as early as Tuesday", "could not reach the coast before Thursday"). Negated, it is
        the past of "cannot" ("said he couldn't sleep on Saturday"). Under a past verb (its head,
        or a reporting verb hung on it) it is the past of "can" only for what one perceives or
        knows ("could see them on Saturday, he said"); an event is speculation ahead ("officials
        said the vote could come Thursday")."""
        if _EARLIEST_BEFORE.search(self.text, max(0, start - 20), start):
            return True
        if _negated(token):
            return bool(_NOT_UNTIL_BEFORE.search(self.text, max(0, start - 10), start))
        governors = [token.head] if token.dep_ in ("ccomp", "xcomp", "advcl", "conj") else []
        governors += [c for c in token.children if c.dep_ in ("ccomp", "parataxis")]
        if any(g.tag_ == "VBD" for g in governors):
            return verb_class(token.lemma_) not in _EXPERIENCE_CLASSES
        return True

    def _measured_before(self, start: int) -> bool:
        """Whether a measured change ("up 5 percent", "gained 10 points") or a counted total ("has
        scored 12 goals", "has sold 2 million trucks") comes before ``start`` in its clause: the
        governing verb's phrase in the parse, else up to a clause break."""
        lo = max(0, start - _WINDOW)
        verb = self._governing_verb(start) if self.doc is not None else None
        if verb is not None:
            if _counted_object(verb, start):
                return True
            lo = max(lo, verb.left_edge.idx)
        else:
            cut = None
            for cut in _CLAUSE_START.finditer(self.text, lo, start):
                pass
            if cut is not None:
                lo = cut.end()
        return _MEASURED_CHANGE.search(self.text, lo, start) is not None

    def _from_cues(self, start: int, end: int) -> str:
        text = self.text
        lo = max(0, start - _WINDOW)
        left = text[lo:start]
        cut = None
        for cut in _SENT_END.finditer(left):
            pass
        if cut is not None:
            lo += cut.end()
        hi_text = text[end : end + _WINDOW]
        stop = _SENT_END.search(hi_text)
        hi = end + (stop.start() + 1 if stop else len(hi_text))
        # The governing verb mostly precedes the expression: the nearest cue on the left wins,
        # else the nearest on the right.
        left_cue = right_cue = None
        for m in _CUES.finditer(text, lo, hi):
            if m.group()[0].isupper() and not _SENT_START.search(text, max(lo, m.start() - 4), m.start()) and m.start() > lo:
                continue  # inside a name: "Will Smith", "spoke to To Be Announced", "Us Weekly"
            if m.lastgroup == "past" and _NOT_TENSE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # not a past tense (see _NOT_TENSE_BEFORE)
            if m.end() <= start:
                left_cue = m
            elif m.start() >= end and right_cue is None:
                right_cue = m
        cue = left_cue or right_cue
        if cue is None:
            return "present"
        return {"past": "past", "present": "present", "perfect": "perfect"}.get(cue.lastgroup, "future")
