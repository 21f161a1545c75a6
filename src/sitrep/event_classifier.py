"""What kind of event a sentence reports: trigger rules first, a small model where they leave it open.

A sentence yields an event when it has a trigger (``data/event_triggers.json``) that is asserted:
not negated, not under a modal, an intention ("seeking to capture"), a denial, a condition or a
question. The trigger's rule gives the sub-event type, sometimes through the sentence: the weapon
named decides between shelling, air strike and IED; a military or civilian target decides between
"Armed clash" and "Attack". When a sentence has several triggers, specific verbs beat general
nouns, then ACLED's hierarchy decides (a battle absorbs the shelling that was part of it).

The cascade, where it runs (``_verb_event``): when the rule's own cue is missing ("they attacked
the village": clash or attack?), the CASE 2021 model below chooses among the rule's options. The
model: a linear SVM over TF-IDF word 1-2-grams and character 2-5-grams (scikit-learn's analysers
re-implemented so only numpy is needed; ``data/event_classifier.npz``, built by
``eval/train_event_classifier.py``), plus the log-probabilities of all-MiniLM-L6-v2 fine-tuned to
the same types (int8 ONNX, ``data/event_encoder.onnx``, built on a GPU by
``eval/finetune_event_encoder.py``; the CPU runs it). Both learn from the CASE 2021 task 2
development half (Haneczok et al. 2021, research use), short reports written for sitrep from the
ACLED codebook (``data/event_written_examples.json``) and NGEC's synthetic stories (LLM-generated),
never from ACLED data; the cross-validated figure is in ``docs/benchmarks/events.md``.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH, POS
from spacy.tokens import Doc, Span, Token

from .errors import ConfigError
from .model import Toponym

__all__ = [
    "EventClassifier", "broken_up", "SentenceEvent", "classify_sentence", "default_classifier", "sentences",
    "sentence_events", "choose", "lexicon", "refine", "subtree", "is_headline", "word_ngrams", "char_wb_ngrams",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_SPACES = re.compile(r"\s\s+")
ARTEFACT = "data/event_classifier.npz"
ENCODER = "data/event_encoder.onnx"
VOCAB = "data/event_minilm_vocab.txt"


def word_ngrams(text: str, n_min: int = 1, n_max: int = 2) -> list[str]:
    """scikit-learn's ``analyzer='word'`` n-grams of lower-cased text."""
    tokens = _TOKEN.findall(text.lower())
    grams = []
    for n in range(n_min, n_max + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, n_min: int = 2, n_max: int = 5) -> list[str]:
    """scikit-learn's ``analyzer='char_wb'`` n-grams: character n-grams inside space-padded words."""
    grams = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(n_min, n_max + 1):
            if len(padded) <= n:  # a word no longer than n counts once, whole, as scikit-learn does
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


@dataclass(frozen=True, slots=True)
class _Block:
    index: dict[str, int]
    idf: np.ndarray
    analyse: Any

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Sublinear TF times IDF, L2-normalised per text, as TfidfVectorizer(sublinear_tf=True)."""
        out = np.zeros((len(texts), len(self.idf)), dtype=np.float32)
        for row, text in enumerate(texts):
            counts = Counter(self.index[g] for g in self.analyse(text) if g in self.index)
            for col, count in counts.items():
                out[row, col] = (1.0 + math.log(count)) * self.idf[col]
            norm = float(np.linalg.norm(out[row]))
            if norm:
                out[row] /= norm
        return out


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data/event_triggers.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _reporting() -> frozenset[str]:
    return frozenset(lexicon()["reporting_verbs"])  # looked up at every ancestor of every trigger


@dataclass(frozen=True, slots=True)
class SentenceEvent:
    """What one sentence reports, before places and dates are attached."""

    sentence: Span  # the sentence as sitrep cuts it (see ``sentences``), not spaCy's
    trigger: Token
    sub_event_type: str
    specific: bool  # a verb or weapon trigger, rather than a general noun like "fighting"
    agent: Span | Token | None
    patient: Span | Token | None


# ---------------------------------------------------------------- triggers and their filters


def lemma(token: Token) -> str:
    word = token.lemma_.lower()
    if word.endswith("s") and not word.endswith("ss") and word == token.lower_:
        tag = token.tag_  # (read only for the few words that may need it: the lemma is asked for very often)
        if tag == "NNPS" or (tag == "NNP" and word[:-1] in _known_nouns()):
            word = word[:-1]  # "Protesters in Kikuyu ...", "Drones also attacked": a plural the model took for a name
    return _fixed(word, token.lower_) if word in lexicon()["lemma_fixes"] else word


@lru_cache(maxsize=1)
def _known_nouns() -> frozenset[str]:
    """The nouns the lexicon names weapons, acts and crowds by."""
    lex = lexicon()
    return frozenset(lex["weapons"]) | frozenset(lex["nouns"]) | frozenset(lex["protesters"]) | frozenset(lex["combatants"])


def _fixed(word: str, written: str) -> str:
    """The lemma the small model gets wrong, corrected by the word as written ("raped" -> "rap" -> "rape")."""
    return lexicon()["lemma_fixes"][word].get(written, word)


_LONG_STRETCHES = frozenset({"year", "decade", "month"})


_SPANS_MARKED = frozenset({"year", "month", "week", "anniversary", "decade"})  # "a year since", "two years since"


def _is_asserted(trigger: Token, sentence: Span) -> bool:
    """False when the sentence does not say the trigger happened: negation, modal, intention,
    denial, condition, trend, question or an infinitive of purpose ("to retake the city")."""
    rules = lexicon()["non_event"]
    if _protest_purpose(trigger):
        return _is_asserted(trigger.head, sentence)  # "marched through Paris to protest": the march says it
    if _natural(trigger):
        return False
    if trigger.dep_ == "xcomp" and _attempted_fight(trigger, trigger.head):
        return _is_asserted(trigger.head, sentence)  # "the enemy tried to advance near Vovchansk": if it did try
    if (begun := _begun_by(trigger)) is not None:
        return _is_asserted(begun, sentence)  # "Wagner started to pull its units out and to hand the positions over"
    for child in trigger.children:
        if child.dep_ == "neg" or lemma(child) in rules["negations"] and child.dep_ in {"neg", "det", "advmod"}:
            return False
        if child.dep_ == "aux" and (lemma(child) in rules["modals"] or child.tag_ == "MD" or child.tag_ == "TO"):
            return False
        if child.dep_ == "mark" and lemma(child) in rules["conditional_marks"]:
            return False
        if child.dep_ == "amod" and child.lower_ in rules["unrealised"]:
            return False  # "a proposed 30-day ceasefire", "a planned offensive" (not "a potential airstrike": a suspected one)
        if child.dep_ == "prep" and child.lower_ == "for" and any(lemma(o) in _LONG_STRETCHES for o in child.children):
            return False  # "fought government forces around the town for years (for more than a decade)": a history
        if child.dep_ == "advmod" and child.lower_ in {"before", "previously"} and not list(child.children):
            return False  # "Lido Beach has been attacked before": its history
        if child.dep_ == "nsubj" and _a_sides_ways(child, trigger):
            return False  # "Israel says its operations target militants planning attacks": a side's account of its ways
    if trigger.tag_ == "VBN" and (lemma(trigger.head) in {"remain", "stay"} and trigger.dep_ in {"acomp", "xcomp", "oprd", "advcl"}
                                  or any(c.dep_ in {"auxpass", "aux"} and c.lower_ in _REMAINING for c in trigger.children)):
        return False  # "Bazoum remains detained with his wife and son": a state, not a detention
    if trigger.tag_ in {"VBG"} and trigger.dep_ in {"pcomp"} and trigger.head.lower_ in {"without", "amid", "amidst"}:
        return False  # (and "shells fired amid fighting in Goma landed in Rubavu": the setting, not the news)
    clause = semicolon_clause(sentence, trigger)
    if _a_claim_called_false(clause, trigger):
        return False
    quotes = [t.i for t in sentence if t.text in DOUBLE_QUOTES]
    # "Berdyansk: ... occupiers abducted a priest ..., the Russian 'police' refuse to give any information": a
    # finite verb with its own subject, misread as describing a noun, tells its own clause
    ancestors = [] if _finite_as_modifier(trigger) else trigger.ancestors
    child = trigger
    for ancestor in ancestors:
        if not clause.start <= ancestor.i < clause.end:
            break  # "A grenade was thrown at a shop; the attackers have not been identified"
        if child.dep_ == "ccomp" and child.i < ancestor.i \
                and lemma(ancestor) not in _reporting() and lemma(ancestor) not in rules["denial_heads"]:
            break  # "[occupiers abducted a priest, relatives say], the police refuse to give any information"
        below, child = child, ancestor
        if quotes and _in_quotes(ancestor, quotes) and not _in_quotes(trigger, quotes):
            break  # "Police are firing tear gas at protesters ... chanting "Ruto must go"": the chant's modal is not the report's
        if ancestor.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "aux" and (lemma(c) in rules["modals"] or c.tag_ == "MD") for c in ancestor.children
        ):
            return False  # "Russian forces will likely intensify ground assaults"
        word = lemma(ancestor)
        if word in {"confirm", "acknowledge", "admit", "concede"} and below.dep_ == "ccomp" \
                and not any(c.dep_ == "neg" for c in ancestor.children):
            break  # "ordered units out of Vuhledar, effectively confirming that Russian troops took the town"
        if word in rules["intent_heads"] and _joined_to(trigger, ancestor):
            continue  # "attempted to advance near Bilohorivka and clashed with Ukrainian forces": the clash is told
        if word in rules["intent_heads"] and below.dep_ == "nsubj" and (below.pos_ == "NOUN" or below.tag_ == "VBG") \
                and occurs(ancestor) \
                and _at_a_named_place(ancestor):
            continue  # "Fighting continues in Dzerzhinsk": what goes on there, not what someone means to do
        if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in below.children) and any(
                c.dep_ in {"dobj", "attr", "nsubj", "npadvmod"} and lemma(c) in _SPANS_MARKED for c in ancestor.children):
            return False  # "Mykolaiv marked a year today since a Russian missile tore through ...": a remembrance
        if word in rules["punished_for"] and below.dep_ == "prep" and (below.lower_ == "for" or (below.lower_ == "in" and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in ancestor.children))):
            # "sentenced ... to 12 years in prison for shelling residential buildings in Izium", "... for their part
            # in storming the akimat" (the parser hanging "in" on the verb)
            return False
        if word in lexicon()["warnings"] and ancestor.pos_ == "NOUN" and (below.dep_ == "acl" or (
                below.dep_ == "prep" and below.lower_ == "of")):
            return False  # "an air raid alert over the threat of ballistic missiles launched from the Bryansk region"
        if word in rules["called_off"] and trigger.pos_ in {"NOUN", "PROPN"} and below.dep_ in {"nsubjpass", "dobj"}:
            return False  # "a rally called for Wednesday in Izeh was cancelled", "authorities banned the march"
        if word in rules["demands"] and trigger.pos_ in {"NOUN", "PROPN"}:
            return False  # "banners demanding faster prisoner exchanges"
        if word in rules["intent_heads"] or word in rules["denial_heads"] or word in rules["hearsay_nouns"] \
                or word in rules["remembrance"]:
            return False
        if word in _reporting() and below.dep_ in {"dobj", "xcomp", "oprd"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} and (_no_one(c) or any(
                d.dep_ == "det" and d.lower_ in {"neither", "no"} for d in c.children)) for c in ancestor.children):
            return False  # "Neither side reported fighting near Horlivka", "Nobody reported shelling"
        if word in _reporting() and any(c.dep_ == "advmod" and c.lower_ in rules["footage"]["false_claims"]
                                                         for c in ancestor.children):
            return False  # "The Russian MoD falsely claimed that Russian forces ... used artillery and aviation"
        if word in rules["footage"]["verbs"] and (word == "purport" or any(
                c.dep_ == "advmod" and c.lower_ in rules["footage"]["adverbs"] for c in ancestor.children)
                or (ancestor.dep_ == "pcomp" and ancestor.head.lower_ == "as")) \
                and _called_false(sentence):  # (or "shared ... as showing a drone striking a bus")
            return False  # "a video that allegedly shows 'Ukrainian tanks burning' was in fact filmed in 2015"
        if word in {"claim", "report", "allegation"} and ancestor.pos_ == "NOUN" and below.dep_ in {"acl", "ccomp"} \
                and _called_false(sentence):
            return False  # "Claims by Russia's defence ministry that its troops have captured Yunakivka are 'a fake'"
        if word in rules["trend_heads"] and (ancestor.pos_ == "NOUN" or any(
                c.dep_ == "nsubj" and (lemma(c) in lexicon()["nouns"] or lemma(c) in _TRENDING) for c in ancestor.children)):
            return False  # "attacks on humanitarian assets increased", "a rise in attacks": a trend, no one event
            # (not "the death toll from the attack on Kharkiv has risen to six": that attack happened; nor
            # "Tension rose the same night in Sbeitla, where young men burned tyres")
        if _standing_accusation(ancestor):
            return False
        if ancestor.pos_ == "VERB" and _counted_acts(ancestor):
            return False  # "struck 33 settlements over the past day, killing two": the total's toll
        if time_apart(ancestor):
            return False  # "arrested five on Monday, a day after the bombing"
        if any(c.dep_ == "acomp" and lemma(c) in rules["falsity"] for c in ancestor.children):
            return False  # "reports that Russian forces withdrew from Lyman are likely false"
        if any(c.dep_ == "mark" and lemma(c) in rules["conditional_marks"] for c in ancestor.children):
            return False
        if any(c.dep_ == "neg" for c in ancestor.children) and ancestor.pos_ in {"VERB", "AUX"}:
            return False
        if ancestor.pos_ == "NOUN" and any(_denies(c) for c in ancestor.children):
            return False  # "no official confirmation that Ukrainian forces have liberated Kyselivka"
        if ancestor.dep_ == "ROOT":
            break
    if time_apart(trigger):
        return False  # "arrested five on Monday, a day after a roadside bomb killed two soldiers"
    if _assessed_ahead(trigger, sentence):
        return False
    if _claim_doubted(trigger, sentence):
        return False
    # "No one was killed in Kupiansk", "the strike killed nobody", "Nobody was slain" (slain parsed an adjective)
    # (or a verb joined to one with no subject of its own: "no civilians were injured or killed")
    joined = trigger.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children)
    told_of = [*trigger.children, *(trigger.head.children if trigger.dep_ == "acomp" or joined else [])]
    if any(c.dep_ in {"nsubjpass", "dobj", "nsubj"} and _no_one(c) for c in told_of):
        return False
    # "no suspect has been arrested", "no shots were fired"
    if any(c.dep_ in {"nsubjpass", "dobj"} and any(_denies(d) for d in c.children)
           for c in [*trigger.children, *(c for c in told_of if joined and c.dep_ == "nsubjpass")]):
        return False
    doc = trigger.doc
    if trigger.i + 2 < len(doc) and doc[trigger.i + 1].lower_ in {"no", "none", "nobody"} and doc[trigger.i + 2].is_punct:
        return False  # "4 people injured, killed no." (a machine translation of "no one was killed")
    if trigger.tag_ == "VB" and not _noun_read_as_verb(trigger) and not _past_read_as_base(trigger) and not any(
            c.dep_ == "aux" and lemma(c) == "do" for c in trigger.children):
        return False  # an order or a goal: "Capture the entirety of Donetsk Oblast"
    if _habitual(trigger, sentence) or _described(trigger) or _tally(trigger):
        return False
    return not sentence.text.rstrip().endswith("?")


DOUBLE_QUOTES = frozenset({'"', "“", "”", "«", "»"})


def _in_quotes(token: Token, quotes: Sequence[int]) -> bool:
    """Inside a quotation: an odd number of the sentence's double quotes (their token indices) before it."""
    return sum(q < token.i for q in quotes) % 2 == 1


def _attempted_fight(trigger: Token, attempt: Token) -> bool:
    """ "The enemy tried to advance near Vovchansk", "Russian troops attempting to advance": an assault
    made, even if repelled, is a battle fought (not "will try", nor "are trying", an operation going on)."""
    rule = lexicon()["verbs"].get(lemma(trigger), {})
    # "tried to storm our positions near Bilohorivka four times": an assault made, whatever its target type
    assault = rule.get("military") == "Armed clash" and bool(
        _described_words(_patient(trigger)) & set(lexicon()["military_targets"]))
    # (or a crowd's: "protesters ... tried to storm the airport, throwing stones at police")
    stormed = lemma(trigger) == "storm" and bool(words_under(_subject(attempt)) & set(lexicon()["protesters"]))
    fought = (rule.get("sub_event_type") == "Armed clash" or assault or stormed) and lemma(attempt) in lexicon()["attempt_heads"]
    made = attempt.tag_ in {"VBD", "VBN"} or (attempt.tag_ == "VBG" and not any(c.dep_ == "aux" for c in attempt.children))
    # "artillery striking Ukrainian forces attempting to advance": who were struck, not a battle told
    head = attempt.head
    target = attempt.dep_ in {"acl", "ccomp"} and (head.dep_ in {"dobj", "pobj", "nsubjpass"} or lemma(head) in lexicon()["verbs"])
    return fought and made and not target and trigger.dep_ == "xcomp" and trigger.head == attempt


def _begun_by(verb: Token) -> Token | None:
    """The verb of beginning an infinitive is the object of ("started to hand the positions"), through the
    infinitives joined to it: what was begun was done."""
    head = verb
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    begin = head.head
    # a finite beginning ("started yesterday to pull"), not one still to come ("before beginning operations to retake")
    finite = begin.tag_ in {"VBD", "VBZ", "VBP"} or (begin.tag_ == "VBN" and any(c.dep_ == "aux" for c in begin.children))
    # and a past going-on, as ISW tells a day's fighting ("continued attacking in and around Chasiv Yar on October 22");
    # not "continues to shell Kherson", a habit
    went_on = lemma(begin) == "continue" and begin.tag_ == "VBD"
    return begin if head.dep_ == "xcomp" and (lemma(begin) in {"start", "begin", "resume"} and finite or went_on) \
        and begin != head else None


_REMAINING = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})
_SWIFT_ACTS = frozenset({"offensive", "counteroffensive", "counter", "advance", "campaign", "raid", "attack", "assault", "war",
                         "operation", "push", "blitz"})


def _natural(trigger: Token) -> bool:
    """ "The earthquake that struck central Myanmar killed 3,700", "floods killed 20", "doctors fought for
    his life": a disaster or a struggle to survive, not political violence."""
    rules = lexicon()["non_event"]
    agent = _agent(trigger) if trigger.pos_ == "VERB" else None
    if agent is not None and agent.tag_ in {"WDT", "WP"} and trigger.dep_ == "relcl":
        agent = trigger.head  # "the earthquake that struck"
    # the subject's own noun ("floods killed"), not a clause about it ("people displaced by drought marched"),
    # and what it happened in or by ("killed in the earthquake")
    causes = {lemma(o) for p in trigger.children if p.dep_ == "prep" and p.lower_ in {"in", "by"}
              for o in p.children if o.dep_ == "pobj"}
    if agent is not None:
        causes.add(lemma(agent))
    if causes & set(rules["disasters"]):
        return True
    sentence = trigger.sent
    lemmas = set(_tokens(trigger.doc).lemma[sentence.start : sentence.end])  # read once per document, no Token objects
    if "lightning" in lemmas and any(t.lower_ == "lightning" and t.i + 1 < sentence.end and t.nbor().lower_ in _SWIFT_ACTS
                                     for t in sentence):
        lemmas.discard("lightning")  # "in a lightning counter-offensive": swift, no storm
    if not lemmas.isdisjoint(rules["accidents"]) and _weapon_in(list(sentence)) is None and any(
            lemma(t) in rules["accidents"] and not (t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children))
            for t in sentence):  # (a verb with an object is no mishap: "attempts to overturn the election result")
        return True  # "Four soldiers were killed when a military truck overturned": an accident, however parsed
    if not lemmas.isdisjoint(_MISHAP_LEMMAS):  # the sentence's text only where a cue may be
        text = sentence.text
        if ruled_an_accident(text) or any(w in text.lower() for w in rules["mishaps"]):
            return True  # "killed in an explosion in a workshop of the arms plant, ..., ruling out sabotage"
    return lemma(trigger) == "fight" and any(p.dep_ == "prep" and p.lower_ == "for" and any(
        lemma(o) in rules["struggles"] for o in p.children) for p in trigger.children)


_MISHAP_LEMMAS = frozenset({"rule", "gas", "prematurely", "misfire", "exercise", "training"})
_RULED_OUT = re.compile(r"(?i)\brul(?:ed|ing|es)\s+out\b")
_GAS_CAUSE = re.compile(r"(?i)\bcaused\s+by\s+(?:an?\s+)?(?:household\s+|domestic\s+)?gas\b")
# "A gas cylinder exploded in a flat", "Household gas exploded": a household blast; "police said it was a household
# accident, not a strike"
_HOUSEHOLD_BLAST = re.compile(r"(?i)(?<!tear )\bgas\s+(?:cylinder|bottle|boiler|tank|explosion|leak)s?\b|\b(?:household|domestic)\s+gas\b"
                              r"|\b(?:was|were)\s+(?:an?\s+)?"
                              r"(?:household|domestic|industrial|road|traffic)\s+accident\b")


_MADE_A_BOMB = re.compile(r"(?i)\b(?:bomb|explosive|rigged|improvised|packed|ied\b|device|made\s+(?:from|of)|fuse|detonat)")


def ruled_an_accident(text: str) -> bool:
    """ "ruling out sabotage", "a gas leak caused the blast and ruled out any criminal act", "was caused by a
    household gas cylinder"."""
    lowered = text.lower()
    # (not a cylinder made a bomb: "gas cylinders packed with explosives")
    household = _HOUSEHOLD_BLAST.search(text) is not None and _MADE_A_BOMB.search(text) is None
    return "gas leak" in lowered or _GAS_CAUSE.search(text) is not None or household or (
        _RULED_OUT.search(text) is not None and any(
            w in lowered for w in lexicon()["non_event"]["ruled_out"]))


def _denies(det: Token) -> bool:
    """ "no confirmation", not "no less than 6 tanks"."""
    after = det.doc[det.i + 1] if det.i + 1 < len(det.doc) else None
    return det.dep_ == "det" and det.lower_ == "no" and (after is None or after.lower_ not in {"less", "more", "fewer"})


def _a_sides_ways(subject: Token, verb: Token) -> bool:
    """ "its strikes target military facilities": a side's own acts (its, their, our) told in the present, a habit."""
    return verb.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in subject.children)


def _assessed_ahead(trigger: Token, sentence: Span) -> bool:
    """An analyst's assessment of what is to come, however the parser splits it ("ISW assesses that Russian forces will
    likely resume intensified attacks on Pokrovsk"): a modal before the trigger under "assess"."""
    return lemma(sentence.root) in {"assess", "forecast", "expect", "predict"} and any(
        t.tag_ == "MD" and sentence.root.i < t.i < trigger.i for t in sentence)


def _no_one(token: Token) -> bool:
    return token.lower_ in {"nobody", "none"} or (
        token.lower_ in {"one", "people", "casualties"} and any(c.lower_ == "no" for c in token.children))


def time_apart(token: Token) -> bool:
    """A happening the sentence dates its own event by ("a day after a roadside bomb killed two
    soldiers", "weeks after Zambada was arrested", "hours before the strike"): an earlier or later one,
    coded where it is told in its own right."""
    units = lexicon()["time_distance"]
    if token.lower_ in {"after", "before"}:  # "a day after the bombing": the preposition under "day"
        return lemma(token.head) in units
    if token.dep_ == "relcl" and lemma(token.head) in units and token.head.dep_ == "pobj" \
            and token.head.head.lower_ in {"after", "before"}:
        return True  # "agreed to a ceasefire after five days of clashes that killed 18 people"
    clause = token.head if token.dep_ == "conj" else token  # "was flown to Texas and arrested"
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}
                 and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "last")), None)  # not "the night before last", a day
    # the distance before the word: not "after shops were looted the night before", the looting's own time
    # (hung on the verb, or on the mark itself: "two years after a missile struck a crowd")
    return mark is not None and any(c.dep_ == "npadvmod" and lemma(c) in units and c.i < mark.i
                                    for c in [*clause.children, *mark.children])


def _present_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} and lemma(c) == "have" for c in verb.children)


def _standing_accusation(verb: Token) -> bool:
    """ "Rights groups have accused both sides of killing civilians": a charge that stands (present or
    present perfect), not a report of one event ("Kyiv accused Moscow of shelling Kherson on Monday")."""
    accusing = lemma(verb) in lexicon()["non_event"]["accusation_heads"]
    # nor "a man accused of stealing a motorcycle", whom the charge describes
    describing = verb.dep_ == "acl" and verb.tag_ == "VBN"
    return accusing and (verb.tag_ in {"VBP", "VBZ"} or _present_perfect(verb) or describing)


def _protest_purpose(trigger: Token) -> bool:
    """"Thousands marched through the capital to protest against the reform", "farmers drove their tractors
    along Wellington Street to protest a cap": the protest is what the gathering, or what they did, was for,
    and happened if that did."""
    rule = lexicon()["verbs"].get(lemma(trigger), {})
    return (
        rule.get("kind") == "protest"
        and trigger.dep_ in {"advcl", "xcomp"}
        and any(c.tag_ == "TO" for c in trigger.children)
        and (lemma(trigger.head) in lexicon()["gathering_verbs"] or (
            trigger.head.tag_ == "VBD" and lemma(trigger.head) not in lexicon()["non_event"]["intent_heads"]
            and any(c.dep_ == "nsubj" and c.tag_ == "NNS" for c in trigger.head.children)))  # a crowd; not "the minister
        # resigned to protest", nor "women attempted to protest"
    )


def _habitual(trigger: Token, sentence: Span) -> bool:
    """Present tense in running text ("Russian forces are fighting the West", "still fight")
    states something ongoing or general, not an event; headlines are written in the present."""
    if is_headline(sentence) or trigger.pos_ != "VERB" or _noun_read_as_verb(trigger) or live_entry(sentence):
        return False
    if trigger.tag_ in {"VBZ", "VBP"} and trigger.lower_ not in lexicon()["past_forms"]:
        return not _dated_to_a_day(trigger)
    if _present_perfect(trigger) and any(
            c.dep_ == "advmod" and c.lower_ in lexicon()["non_event"]["habitual_adverbs"] for c in trigger.children):
        return True  # "have repeatedly attacked projects": a record of many events, not one
    return trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in trigger.children)


# "13:50 – In Adana, protesters are hurling stones": a live blog's timestamped entry
_LIVE_ENTRY = re.compile(r"[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:GMT|UTC|[AP]M)\S*)?\s*[–—-]\s")


def live_entry(sentence: Span) -> bool:
    """A sentence of a live blog's timestamped entry, whose present tense tells what is happening now.
    Read from the tokens after the line break before it (``doc.text`` rebuilds the whole text)."""
    doc = sentence.doc
    line = line_start(doc, sentence.start)
    if _LIVE_ENTRY.match(doc[line : line + 6].text_with_ws) is not None:
        return True
    # "19:10 NPT" on a line of its own, the entry below it
    above = line_start(doc, line - 1) if line > 0 else line
    return line - above <= 4 and _TIME_LINE.fullmatch(doc[above:line].text) is not None


_TIME_LINE = re.compile(r"\s*(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:[AP]M|[A-Z]{2,5}))?\s*")


def line_start(doc: Doc, i: int) -> int:
    """The first token of the line token ``i`` is on."""
    breaks = _tokens(doc).line_breaks
    return breaks[bisect.bisect_right(breaks, i - 1) - 1] + 1 if breaks and breaks[0] < i else 0


def _dated_to_a_day(verb: Token) -> bool:
    """ "On 7 March 2022, Russian forces attack Ukrainian positions": the present of a caption or a
    note, told of a calendar day, is that day's event. Its subject is named: a noun misread as a verb
    in a list ("conducted air, artillery, and missile strikes ... on September 11") is not one."""
    return any(c.dep_ == "nsubj" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.ent_type_ == "DATE" and o.like_num for o in c.subtree)
        for c in verb.children
    )


def _noun_read_as_verb(token: Token) -> bool:
    """ "On 2 March 2022, strike on a brewery in Novodruzhesk": the small model reads a note's opening
    noun as a present-tense verb; a verb with no subject, auxiliary or object cannot be one."""
    return (
        token.tag_ in {"VB", "VBP"} and token.dep_ == "ROOT" and token.lower_ in lexicon()["nouns"]
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "dobj"} for c in token.children)
    )


def _shot_dead_misread(token: Token) -> bool:
    # (or "dead" read as describing the name after it: "gunmen on a motorcycle shot dead Yasser al-Khalaf")
    return token.lower_ == "dead" and token.pos_ == "ADJ" and token.i > 0 and token.doc[token.i - 1].lower_ == "shot" \
        and token.doc[token.i - 1].pos_ == "NOUN" and (any(c.dep_ == "dobj" for c in token.children) or (
            token.dep_ == "amod" and token.head.i > token.i and token.head.pos_ == "PROPN") or _object_after(token) is not None)


def _object_after(dead: Token) -> Token | None:
    """ "shot dead an Indigenous Nasa leader ..., the council said": the noun phrase right after "dead", which the
    parser made the speaker's subject."""
    nxt = dead.doc[dead.i + 1] if dead.i + 1 < len(dead.doc) else None
    if nxt is None or nxt.dep_ not in {"det", "nummod"} or nxt.head.i <= nxt.i or nxt.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return nxt.head


def shot_dead_object(dead: Token) -> Token | None:
    """Who was "shot dead", when the parser read "shot" as a noun and the victim as another verb's subject."""
    return _object_after(dead) if _shot_dead_misread(dead) else None


def _past_read_as_base(token: Token) -> bool:
    """ "Residents ... beat to death a man": a past tense spelt like the base form, read as one. A base form
    with its own subject and no auxiliary, "to" or "that" is finite, unless a verb like "saw" or "let" governs it."""
    if token.dep_ == "conj" and token.tag_ == "VB" and token.lower_ == lemma(token):
        # "Residents ... beat and set fire to a man": the past the verb it is joined to is in
        return token.head.tag_ == "VBD" or (token.head.tag_ == "VB" and _past_read_as_base(token.head))
    return (
        token.tag_ == "VB" and token.lower_ == lemma(token)
        and any(c.dep_ == "nsubj" for c in token.children)
        and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in token.children)
        and not (token.dep_ == "ccomp" and lemma(token.head) in _GOVERNING_BASE)
    )


_GOVERNING_BASE = frozenset({"make", "let", "see", "watch", "hear", "help", "have", "demand", "insist", "urge"})
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_GERUND_AS_NOUN = _NOMINAL | {"acl"}


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause the token is in (a gerund used as a noun is not one)."""
    return next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"} and t.dep_ not in _NOMINAL), None)


def _opens_since(verb: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "since" for m in verb.children)


# A period a count runs over: "since 2009", "this year", "so far", "over the past day", "during the reporting period",
# "over August", "summary for October"; not "since dawn", one day's blockade.
_PERIOD = re.compile(r"\b(?:since(?! (?:dawn|daybreak|this morning|early morning|the morning|morning)\b)|so far|to date|in total|this (?:year|month|week)|(?:over|in|during) the (?:past|last|reporting period)"
                     r"|(?:over|in|during) the first (?:\w+ )?(?:days|weeks|months|years|half|quarter)"
                     r"|(?:over|during|throughout|for) (?:the month of )?(?:january|february|march|april|may|june|july|august"
                     r"|september|october|november|december))\b")


def over_a_period(text: str) -> bool:
    """The text counts over a period ("since October", "so far", "this year")."""
    return _PERIOD.search(text.lower()) is not None


def _over_a_period(token: Token) -> bool:
    """The clause counts over a period; not a relative clause of its nouns ("have recaptured Klishchiivka,
    a village that Russian forces had held since January")."""
    # (nor what the speaker added: "killed 17 people, the governor said, in one of the deadliest attacks this year")
    described = {t.i for d in token.subtree if d.dep_ in {"relcl", "parataxis"} and d != token for t in d.subtree}
    return _PERIOD.search("".join(t.lower_ + t.whitespace_ for t in token.subtree if t.i not in described)) is not None


def _since_perfect(verb: Token) -> bool:
    """A present perfect counted over a period ("have been killed since fighting broke out in
    April", "has killed more than 40,000 people ... since 2009", "60 have been killed this year"):
    a running total, not an event."""
    if verb.tag_ != "VBN" or not _present_perfect(verb):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "since" for c in verb.children):
        return False  # "arrived on Saturday ... and have since turned it into a permanent camp": since then, once
    if any(c.dep_ == "nsubj" and lemma(c) in {"toll", "number"} and _of_one_event(c) for c in verb.children):
        return False  # "the number of people killed in a drone strike on a market has risen to 26": one strike's toll
    # "Since the beginning of the year, the civil society says it has recorded more than 300 killed"
    said = verb.dep_ == "ccomp" and lemma(verb.head) in lexicon()["reporting_verbs"]
    return _over_a_period(verb.head if said else verb)


def _of_one_event(toll: Token) -> bool:
    """ "The number of people killed in a drone strike", "the toll from the attack": a toll of one event,
    named by a singular trigger noun (not "killed in attacks this year")."""
    nouns = lexicon()["nouns"]
    return any(t.tag_ == "NN" and lemma(t) in nouns and t.dep_ == "pobj" for t in toll.subtree)


def _counted(trigger: Token) -> bool:
    """Events counted over a period ("142 combat clashes along the front over the past day"): a summary."""
    number = next((c for c in trigger.children if c.dep_ == "nummod"), None)
    value = number.lower_.replace(",", "") if number is not None else ""
    clause = _clause_verb(trigger)
    return value.isdigit() and int(value) >= 2 and clause is not None and _over_a_period(clause)


def _counted_acts(verb: Token) -> bool:
    """Acts counted over a period ("shelled Donetsk Oblast 1,940 times over the past day", "launched 47
    drones against Kursk Oblast over the past day"): a day's or a week's total, not one event; not a
    count told region by region ("destroyed 41 UAVs during the past night: 17 over Bryansk region, ...")."""
    doc = verb.doc
    if any(t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in {"over", "above"} for t in verb.sent):
        return False
    counted = [n for c in verb.children if c.dep_ in {"npadvmod", "dobj"} for n in c.children if n.dep_ == "nummod"]
    times = [n for n in verb.subtree if n.dep_ == "nummod" and n.head.lower_ == "times"]  # however "times" is hung
    counted += times
    # "over the past day the region was attacked by 43 drones"
    counted += [n for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                for n in o.children if n.dep_ == "nummod"]
    values = [n.lower_.replace(",", "") for n in counted]
    # "In March, Russian troops shelled Kharkiv oblast 1,243 times": a month's count
    if any(n.lower_.replace(",", "").isdigit() and int(n.lower_.replace(",", "")) >= 10 for n in times) and any(
            t.ent_type_ == "DATE" and t.lower_ in _MONTH_WORDS for t in verb.sent):
        return True
    # "attacked several settlements ... over the past day": many places, counted by a word
    wide = set(lexicon()["wide_targets"]) | _SETTLEMENTS
    several = any(c.dep_ == "dobj" and c.tag_ == "NNS" and lemma(c) in wide
                  and any(a.lower_ in lexicon()["repeated"] for a in c.children) for c in verb.children)
    # "struck settlements in the Kharkiv, Kupiansk, Chuhuiv and Bohodukhiv districts", "of the region": a roundup's lead
    several = several or (any(c.dep_ == "dobj" and c.tag_ == "NNS" and lemma(c) in _SETTLEMENTS
                              and not any(a.dep_ in {"det", "nummod", "poss"} for a in c.children) for c in verb.children)
                          and any(t.lower_ in _DIVISIONS for t in verb.subtree))
    many = any(v.isdigit() and int(v) >= 2 for v in values)
    return (many and ((_over_a_period(verb) and not _a_days_fire_at_a_town(verb)) or _at_no_place_but_many(verb))) \
        or (several and _over_a_period(verb))


_SETTLEMENTS = frozenset({"settlement", "village", "town", "community", "locality"})


@lru_cache(maxsize=1)
def _directions() -> frozenset[str]:
    """The compass words geoparse reads a landmark by ("southeast of Kupiansk"), from data/geo_cues.json."""
    return frozenset(json.loads(resources.files("sitrep").joinpath("data/geo_cues.json").read_text("utf-8"))["directions"])


def _placed_as_ground(name: Token) -> bool:
    """ "liberated Pishchane, southeast of Kupiansk", "took Hryhorivka, a village near Bakhmut": a name the
    model read as a person's (and the index lacks), which the sentence places as a settlement."""
    for child in name.children:
        if child.dep_ != "appos":
            continue
        if lemma(child) in _SETTLEMENTS:
            return True
        if child.lower_ in _directions() and any(c.lower_ == "of" for c in child.children):
            return True
    return False


_DIVISIONS = frozenset({"districts", "raions", "regions", "oblasts", "hromadas", "communities", "provinces",
                               "region", "oblast", "district", "province"})  # "struck settlements of the region"


def _at_no_place_but_many(verb: Token) -> bool:
    """ "Today, the enemy launched 2 missile strikes and 47 airstrikes ... to strike the positions of our
    troops and populated areas": counted acts aimed at many places and naming none are a day's tally."""
    tokens = list(verb.subtree)
    wide = set(lexicon()["wide_targets"])
    return any(t.lower_ in wide and t.tag_ == "NNS" for t in tokens) and not any(t.pos_ == "PROPN" for t in tokens)


_ONE_DAY = re.compile(r"\b(?:past|last) (?:day|24 hours)\b")


def _a_days_fire_at_a_town(verb: Token) -> bool:
    """ "Over the past day, the enemy carried out 47 attacks, firing 231 shells at Bilozerka": a day's
    count at one town is the one event ACLED codes for that town and day, not a tally of many."""
    words = [t.lower_ for t in verb.subtree]
    if not _ONE_DAY.search(" ".join(words)) or set(lexicon()["wide_targets"]).intersection(words):
        return False
    towns = {t.lower_ for t in verb.subtree if t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in {"at", "on", "in", "against"}
             and t.ent_type_ not in {"DATE", "TIME"}}
    return len(towns) == 1


_RECENT = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "overnight"})


def _tally(trigger: Token) -> bool:
    """The trigger is a running total, or the starting point it is counted from: neither is an event
    of its own. The starting point is news when it is recent ("five have died since the strike on
    Monday"), not when it is the war's start ("since fighting broke out in April"); a "since" clause
    under any other tense stays news ("the first crew to enter the city since it was retaken on Saturday")."""
    doc = trigger.doc
    for token in [trigger, *trigger.ancestors]:
        if any(doc[i].text == ";" for i in range(min(token.i, trigger.i), max(token.i, trigger.i))):
            break  # "took him to an unknown location; his family has had no news of him since": another clause
        since = (token.dep_ == "prep" and token.lower_ == "since") or (token.pos_ in {"VERB", "AUX"} and _opens_since(token))
        if since and token.head != token:
            anchor = _clause_verb(token.head)
            # (or a past perfect: "Izium had served as the main logistics hub since Russian forces captured it in the spring")
            if anchor is not None and (_since_perfect(anchor) or any(c.dep_ == "aux" and c.lower_ == "had" for c in anchor.children)):
                return not any(t.lower_ in _RECENT for t in token.subtree)
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in _NOMINAL and _since_perfect(token):
            return True
    return (trigger.pos_ == "NOUN" and _counted(trigger)) or _yearly(trigger) or _toll_of_a_war(trigger) \
        or _a_record(trigger) or _many_over_a_month(trigger) or (trigger.pos_ == "VERB" and _counted_acts(trigger)) \
        or nationwide(trigger) or _summed_toll(trigger) or _mass_toll(trigger)


def _mass_toll(trigger: Token) -> bool:
    """ "Groups linked to Al-Qaeda have killed more than 10,000 civilians", "more than 1,600 people were killed, injured
    or kidnapped in the first three months of the year": thousands, counted up to now or over a period, are a war's or
    a season's total, no one event's."""
    verbs = [trigger]
    # (up a list of participles, however parsed: "were killed, injured or kidnapped")
    while (verbs[-1].dep_ == "conj" or (verbs[-1].dep_ == "advcl" and verbs[-1].tag_ == "VBN" and _subject(verbs[-1]) is None)) \
            and verbs[-1].head.pos_ == "VERB":
        verbs.append(verbs[-1].head)
    return any(_thousands_counted(verb) and (_present_perfect(verb) or _over_a_period(verb)) for verb in verbs)


def _thousands_counted(verb: Token) -> bool:
    """The verb's subject or object is counted in thousands ("more than 10,000 civilians"), not dated ("in 2022")."""
    return any(t.like_num and t.dep_ in {"nummod", "quantmod"} and t.ent_type_ not in {"DATE", "TIME"}
               and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 1000
               for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"} for t in c.subtree)


def _summed_toll(trigger: Token) -> bool:
    """ "As a result of Russian aggression, 1 person was killed and 4 people were injured over the past
    day": a roundup's toll by no one, summed over the period, repeats the deaths it listed."""
    if lemma(trigger) not in lexicon()["toll_verbs"]:
        return False
    clause = trigger.head if trigger.dep_ == "conj" else trigger  # "were killed or injured"
    passive = any(c.dep_ == "auxpass" for c in (*trigger.children, *clause.children)) \
        and not any(c.dep_ == "agent" for c in trigger.children)
    return passive and _over_a_period(clause) and not _names_a_place(trigger.sent)


def _names_a_place(sentence: Span) -> bool:
    """A place named where something happened; not the area a total is counted across ("across Haiti")."""
    return any(t.pos_ == "PROPN" and t.ent_type_ in {"GPE", "LOC", "FAC"}
               and not (t.dep_ == "pobj" and t.head.lower_ in {"across", "throughout"}) for t in sentence)


def nationwide(trigger: Token) -> bool:
    """ "at least 10 people were killed nationwide today": a country's toll over the places it happened at,
    none of them named (a protest "across the country" is still one, wherever the report is from)."""
    if lemma(trigger) not in lexicon()["toll_verbs"]:
        return False
    sentence = trigger.sent
    text = sentence.text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in lexicon()["nationwide"]) and not _names_a_place(sentence)


# A year as the time of a clause: "last year", "late last year", "in 2024", "in March 2025" (news dates its own
# events by the day), "since 2024", "over the past year", "this 12 months".
_YEAR = re.compile(
    r"(?:the )?(?:(?:early |late )?(?:last|this|past|previous) (?:year|12 months|twelve months)|(?:in|since|during|over|throughout) (?:the (?:past |last )?year|(?:the (?:first|second|latter|early|later) (?:half|part|months) of )?(?:early |late |mid-)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d)"
    r"|(?:a|one|two|three|four|five|\d+) (?:years?|decades?) (?:after|ago|since))\b"  # "A year after the RSF took ..."
)


def _yearly(trigger: Token) -> bool:
    """A toll or an event placed in a whole year ("more than 5,600 people were killed in gang violence
    last year", "Last year was the deadliest ..., with 1,600 people killed", "protests since 2024, when
    demonstrations left dozens dead"): a summary or history, not an event ACLED could date. Only the
    time of the trigger's own clause, of a participle describing it ("the offensive, launched in 2022")
    and of the sentence's main clause is read, not of a clause inside them ("the town, which they
    seized in 2023")."""
    root = next((t for t in [trigger, *trigger.ancestors] if t.dep_ == "ROOT"), trigger)
    clause = _clause_verb(trigger) or trigger
    told = {c for c in trigger.children if c.dep_ == "acl"}  # "the offensive, launched in 2022, ..."
    for head in {trigger, clause, root, *told}:
        for child in _time_words(head):
            if child.dep_ in {"npadvmod", "tmod", "nsubj", "prep", "advmod"}:
                # with the word after it: "[A year] after the RSF took ..."
                words = child.doc[child.left_edge.i : child.right_edge.i + 2]
                if _YEAR.match(" ".join(t.lower_ for t in words)):
                    return True
    return False


_A_MONTH = re.compile(r"(?:in|during|throughout|over) (?:early |late |mid-?)?(?:january|february|march|april|may|june|july"
                      r"|august|september|october|november|december)(?: \d{4})?|(?:last|this|the past) month")


def _many_over_a_month(trigger: Token) -> bool:
    """ "Militant attacks killed more than 70 people in Khyber Pakhtunkhwa in January": many events (a
    plural event noun does it) over a month with no day named are a monthly total, not an event."""
    head = trigger
    while head.pos_ == "NOUN" and head.dep_ in {"nmod", "compound", "conj"}:
        head = head.head  # "shelling" of "Russian shelling and air strikes killed ..."
    subject = head.pos_ == "NOUN" and head.dep_ in {"nsubj", "nsubjpass"}
    doer, verb = (head, head.head) if subject else (_agent(trigger), trigger)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "... killed 41 civilians in Kharkiv region in July and injured 190"
    # "Russian shelling and air strikes killed 41 civilians in Kharkiv region in July": a plural among the doers
    if doer is None or not any(d.tag_ == "NNS" and lemma(d) in lexicon()["nouns"] for d in [doer, *doer.conjuncts]):
        return False
    for child in verb.children:
        if child.dep_ in {"prep", "npadvmod"}:
            words = " ".join(t.lower_ for t in child.subtree)
            if _A_MONTH.fullmatch(words):
                return True
    return False


def _time_words(head: Token) -> Iterator[Token]:
    """The head's modifiers, and the phrases on its prepositions' objects ("for five months in 2017")."""
    for child in head.children:
        yield child
        if child.dep_ == "prep":  # (not "since" on a noun: "after the first direct meeting ... since 2022")
            yield from (p for o in child.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"
                        and p.lower_ != "since")


def _toll_of_a_war(trigger: Token) -> bool:
    """"The insurgency ... has killed more than 40,000 people": what a war or a wave of violence has
    done is a running total, whatever the tense."""
    subject = _subject(trigger)
    return subject is not None and lemma(subject) in lexicon()["non_event"]["toll_subjects"]


def _a_record(trigger: Token) -> bool:
    """"They have killed thousands of civilians in the region": a present perfect over a count no one
    day holds is a record of many events, not one."""
    perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in trigger.children)
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return perfect and any({t.lower_ for t in subtree(o)} & _MULTITUDES for o in objects)


_MULTITUDES = frozenset({"hundreds", "thousands", "millions"})


_MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                        "today", "tonight", "overnight", "night", "morning", "evening", "afternoon"})


def _described(trigger: Token) -> bool:
    """A relative clause with no date or place of its own describes someone ("servicemen that
    fought in Ukraine") rather than reporting an event; one hanging on a date ("March 4, when
    rockets landed") does report one."""
    if trigger.dep_ not in {"relcl", "acl"} or trigger.head.ent_type_ in {"DATE", "TIME"}:
        return False
    if any(c.lower_ == "where" for c in trigger.children):
        return False  # "an exchange of shots near the village of Litamanda, where five insurgents were killed"
    crowd = trigger.head  # ("to disperse thousands of residents who marched": the number the crowd is of)
    if crowd.dep_ == "pobj" and crowd.head.lower_ == "of" and crowd.head.head.pos_ == "NOUN":
        crowd = crowd.head.head
    if lexicon()["verbs"].get(lemma(trigger), {}).get("kind") == "protest" and crowd.dep_ in {"dobj", "nsubjpass"} \
            and lemma(crowd.head) in lexicon()["protest_intervention"]:
        # "police pushed back about 150 residents who were marching to the secretariat", "young people who had
        # blocked the road were dispersed by gendarmes": that march
        return False
    under = [t for t in subtree(trigger) if t != trigger]
    # (not the clause's own subject: "the only regional capital Moscow had captured" is Moscow's government)
    doers = {t.i for c in trigger.children if c.dep_ == "nsubj" for t in c.subtree}
    placed = any(t.ent_type_ in {"GPE", "LOC", "FAC"} and t.i not in doers for t in under)
    # "the outskirts of Manbij, which the factions seized in December" (however parsed): a month
    # alone dates the place's history; a day ("which they shelled on Monday") dates news
    dated = [t for t in under if t.ent_type_ in {"DATE", "TIME"}]
    # (a year alone dates history as a month does: "a former combatant who had signed the 2016 peace deal")
    years = [t for t in dated if len(t.text) == 4 and t.text.isdigit()]
    by_day = any((t.like_num and t not in years) or t.lower_ in _DAY_WORDS for t in dated)
    by_month = any(t.lower_ in _MONTH_WORDS for t in dated) or bool(years)
    if trigger.dep_ == "acl":
        # (a place described by what was done to it when, by a week: "Izium, the city recaptured from Russian forces
        # last week"; not an event noun, "a strike carried out last week")
        place_noun = lemma(trigger.head) not in lexicon()["nouns"] and lemma(trigger.head) not in lexicon()["weapons"]
        return (by_month or (place_noun and bool(dated))) and not by_day
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children) and not by_day:
        return True  # "a former combatant who had signed the 2016 peace deal": someone's past, wherever told
    return not placed and not by_day and (by_month or not dated)


def _weapon_in(tokens: Sequence[Token]) -> str | None:
    """The sub-event type of the most specific weapon named among the tokens, if any."""
    weapons = lexicon()["weapons"]
    order = lexicon()["hierarchy"]
    senses = lexicon()["other_senses"]
    tokens = [t for t in tokens if (lemma(t) not in senses or not _in_another_sense(t, lemma(t))) and not _found(t)  # "the nickel mine"
              and not _for_crowds(t) and not _makes_or_teaches(t) and not _in_support(t)
              and not (lemma(t) in weapons and _in_a_bodys_name(t))]
    found = [weapons[_model_name(t)] for t in tokens if _model_name(t) in weapons] + [
        weapons[lemma(t)] for t in tokens if lemma(t) in weapons
    ] + [  # "air strike", "air raid" written as two words
        weapons[t.lower_ + lemma(t.head)] for t in tokens if t.dep_ == "compound" and t.lower_ + lemma(t.head) in weapons
    ] + [  # "a homemade bomb": a weapon only with its noun ("homemade rifles" are guns)
        weapons[f"{t.lower_} {lemma(t.head)}"] for t in tokens if t.dep_ in {"amod", "compound"} and f"{t.lower_} {lemma(t.head)}" in weapons
    ] + [  # "a guided bomb attack": the two words side by side, however the parse hangs them
        weapons[f"{a.lower_} {lemma(b)}"] for a, b in zip(tokens, tokens[1:])
        if b.i == a.i + 1 and f"{a.lower_} {lemma(b)}" in weapons
    ]
    if any(t.lower_ == "suicide" for t in tokens):
        return "Suicide bomb"
    if "Grenade" in found and "Remote explosive/landmine/IED" in found and not set(found) - {"Grenade", "Remote explosive/landmine/IED"}:
        return "Grenade"  # "threw an explosive, reportedly a grenade": the explosive named
    return min(found, key=order.index) if found else None


def describes_a_town(verb: Token) -> bool:
    """ "Izium, the city in the Kharkiv region recaptured from Russian forces last week": a participle the parser read
    as a verb with "the city" for its subject, and no object, describes the town."""
    if _participle_after_a_name(verb):
        return True  # "on the outskirts of Izium, recaptured from Russian forces last week"
    subject = _subject(verb)
    return verb.tag_ in {"VBD", "VBN"} and not any(c.dep_ in {"dobj", "auxpass", "aux"} for c in verb.children) \
        and subject is not None and subject.dep_ == "nsubj" and lemma(subject) in _SETTLEMENTS | {"city"} \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
        and lexicon()["verbs"].get(lemma(verb), {}).get("kind") == "territory"


def _in_support(word: Token) -> bool:
    """ "repelled 6 attacks supported by aviation", "groups backed by tanks": arms that backed a fight, which stays one."""
    return any(a.dep_ in {"acl", "advcl"} and a.tag_ == "VBN" and lemma(a) in {"support", "back", "cover", "accompany"}
               for a in word.ancestors)


_FINDING = frozenset({"seize", "find", "recover", "confiscate", "discover", "uncover"})
_WORKS = frozenset({"school", "academy", "college", "institute", "university", "factory", "plant", "museum", "manufacturer",
                    "company", "workshop"})


def _in_a_bodys_name(word: Token) -> bool:
    """ "Russia's Radiation, Chemical and Biological Protection Troops": a word of a long organisation's name (not "CS gas")."""
    if word.pos_ != "PROPN" or word.ent_type_ != "ORG":
        return False
    start = word.i  # the entity's own span, read from its tokens' IOB marks (``doc.ents`` builds every span)
    while start > 0 and word.doc[start].ent_iob_ == "I":
        start -= 1
    end = word.i + 1
    while end < len(word.doc) and word.doc[end].ent_iob_ == "I":
        end += 1
    return end - start >= 3


def _makes_or_teaches(weapon: Token) -> bool:
    """ "near the military aviation school", "a drone factory": a place named for the weapon, not the weapon; nor a
    shield against it ("head of Russia's nuclear, biological and chemical protection troops", "missile defence")."""
    while weapon.dep_ == "conj" and weapon.head != weapon:
        weapon = weapon.head  # "nuclear, biological and chemical protection troops": the list's head
    head = weapon.head
    return weapon.dep_ in {"compound", "amod"} and (lemma(head) in _WORKS or lemma(head) in _SHIELDS or (
        lemma(head) in {"troop", "force", "unit"} and any(lemma(t) in _SHIELDS for t in head.subtree)))


_SHIELDS = frozenset({"protection", "defence", "defense"})


def _for_crowds(weapon: Token) -> bool:
    """ "stun grenades", "smoke grenades": what breaks up a crowd, no grenade attack."""
    return lemma(weapon) == "grenade" and any(c.dep_ in {"amod", "compound"} and c.lower_ in {"stun", "smoke", "flash", "sound", "gas", "tear"}
                                             for c in weapon.children)


def _found(weapon: Token) -> bool:
    """ "four terrorists were killed; rifles and explosives were seized": arms found after the fight,
    not the weapon it was fought with; nor the aircraft that carried the wounded ("evacuated by helicopter")."""
    head = weapon
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "by" and lemma(head.head.head) in _CARRYING:
        return True
    return head.dep_ in {"dobj", "nsubjpass"} and lemma(head.head) in _FINDING


_CARRYING = frozenset({"evacuate", "take", "transport", "airlift", "fly", "transfer", "carry", "rush", "bring"})


def _model_name(token: Token) -> str:
    """A weapon's name without its model number: "Shahed-136/131" is a Shahed, "Kh-101" stays itself."""
    word = token.lower_
    return word if word in lexicon()["weapons"] else word.split("-")[0]


def _subject(token: Token) -> Token | None:
    """The subject; of two the parser gives ("Sudan's paramilitary [nsubj] Rapid Support Forces [nsubj]"
    after a dateline), the noun."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    # "Kičevo: around 30 young men ... stoned a bus": a heading the parser made a subject is none
    subjects = [c for c in subjects if not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ":" and c.i < token.i)] or subjects
    # a common noun before a name ("In the village Velyka Kisnytsia ... about thirty locals surrounded")
    nouns = sorted((c for c in subjects if c.pos_ in {"NOUN", "PROPN", "PRON"}), key=lambda c: (c.pos_ == "PROPN", c.i))
    return nouns[0] if nouns else subjects[0] if subjects else None


def _agent(token: Token) -> Token | None:
    """The doer: the active subject, or the object of a passive 'by'; for a noun ("the Ukrainian
    counterattack", "Russia's shelling"), its nationality or possessor."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return next((c for c in token.children if c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in {"NORP", "GPE", "ORG"}),
                    None) or _blamed_on(token)
    # (a passive's "by" may come after the verbs that share it: "was beaten and then burned to death by an angry crowd")
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
    # (not one of their own: "were wounded ... and were evacuated by helicopter")
    for verb in (token, *(c for c in token.children if passive and c.dep_ == "conj" and c.pos_ == "VERB"
                          and not any(a.dep_ == "auxpass" for a in c.children))):
        for child in verb.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    if any(c.dep_ == "nsubjpass" for c in token.children):
        # "People broke the windows, two TCC servicemen were beaten": the crowd of the verb before did it too
        # (however parsed: the verb before is the head of a list, or a clause hung on this one)
        before = [token.head] if token.dep_ == "conj" else []
        before += [c for c in token.children if c.dep_ in {"ccomp", "conj"} and c.i < token.i]
        crowds = (s for v in before if v.pos_ == "VERB" and (s := _subject(v)) is not None
                  and s.dep_ == "nsubj" and (lemma(s) in MOBS | _LOCALS or _uncounted_people(s)))
        return next(crowds, None)
    subject = _subject(token)
    head = token
    # (or a verb the tagger took for a noun, with its subject: "Residents ... beat and burned to death two men")
    # (not up to a source: "Fighting between the army and the RSF raged ..., residents said", "Fighting" read as a verb)
    while subject is None and head.dep_ in {"conj", "xcomp", "advcl", "dep"} and head.head != head and (
            head.head.pos_ == "VERB" or (head.dep_ == "conj" and any(c.dep_ == "nsubj" for c in head.head.children))) \
            and lemma(head.head) not in lexicon()["reporting_verbs"]:
        head = head.head  # "surrounded a minibus, smashed its windows, beat a serviceman": a list of verbs ("then beat them")
        subject = _subject(head)
    if subject is not None and subject.dep_ == "nsubjpass":
        return None  # "30 people were wounded ... and injured": who suffered it, not who did it
    if token.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ in {"with", "without"} for c in token.children) \
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        return None  # "..., with more than 220 people wounded": a participle's subject is who it was done to
    if subject is None and token.dep_ == "relcl":
        return token.head
    if subject is None and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head  # "a crowd at a filling station ..., beating him": the noun the doing hangs on
    if subject is None and token.dep_ == "pcomp" and token.head.lower_ == "by" and token.head.head.pos_ == "VERB":
        subject = _subject(token.head.head)  # "Hezbollah responded by firing rockets"
    some_of_them = subject is not None and any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "them" for o in c.children)
                                               for c in subject.children)  # "Some of them attacked the French embassy"
    if subject is not None and (subject.lower_ == "they" or some_of_them) and subject.i == subject.sent.start and subject.i > 0:
        # "About 60 local residents came to the TCC premises ... They broke glass of the door": the crowd before
        before = subject.doc[subject.i - 1].sent
        earlier = _subject(before.root) or next((t for t in before if t.lower_ in MOBS | _LOCALS), None)  # (unparsed)
        if earlier is not None and (earlier.lower_ in MOBS | _LOCALS or lemma(earlier) in MOBS | _LOCALS or _a_crowd(earlier)):
            return earlier
    ours = subject is not None and any(c.dep_ == "poss" and c.lower_ == "our" for c in subject.children) \
        and lemma(subject) in {"force", "troop", "army", "soldier", "defender", "unit"}  # the speaker's state's: kept
    if subject is not None and not ours and (subject.lower_ in {"it", "they", "we"} or any(
            c.dep_ == "poss" and c.lower_ in {"his", "its", "their", "our"} for c in subject.children)):
        # "Hezbollah said it had fired rockets", "Syrskyi said his troops had taken full control of Sudzha"
        subject = _speaker(token) or subject
    if subject is not None and subject.pos_ == "NOUN" and (blamed := _blamed_on(subject)) is not None:
        return blamed  # "A drone strike blamed on Sudan's military hit a market"
    return subject


def _blamed_on(noun: Token) -> Token | None:
    """ "A drone strike blamed on Sudan's military", "an attack attributed to the ADF": who it is laid on."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and lemma(c) in {"blame", "attribute"}):
        for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in {"on", "to"}):
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _speaker(verb: Token) -> Token | None:
    """Who reports the clause the verb heads: "[Hezbollah] said it had fired ..."."""
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "ccomp" and lemma(clause.head) in lexicon()["reporting_verbs"]:
        speaker = _subject(clause.head)
        return speaker if speaker is not None and speaker.pos_ in {"PROPN", "NOUN"} else None
    return None


def _patient(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr"}:
            return child
    if token.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ == "WDT" for c in token.children):
        return token.head
    if _shot_dead_misread(token) and token.dep_ == "amod":
        return token.head  # "shot dead Yasser al-Khalaf", "dead" read as the name's adjective
    if _shot_dead_misread(token) and (after := _object_after(token)) is not None:
        return after
    return None


@dataclass(frozen=True, slots=True)
class _Tokens:
    """What the rules read of every token of a document, read once per document: each ``doc[i]`` (or
    step through a span) builds a new spaCy Token object, and most tokens are never a trigger."""

    lemma: list[str]  # as ``lemma()``
    pos: list[str]
    dep: list[str]
    idx: list[int]
    blank: list[bool]  # a space or punctuation
    line_breaks: list[int]  # indices of the tokens that break a line


@lru_cache(maxsize=2)
def _tokens(doc: Doc) -> _Tokens:
    array = doc.to_array([LEMMA, POS, DEP, IDX, IS_SPACE, IS_PUNCT, ORTH])  # one call, no Token objects
    strings = doc.vocab.strings
    space = array[:, 4] == 1
    fixes = lexicon()["lemma_fixes"]
    lemmas = [strings[key].lower() for key in array[:, 0].tolist()]
    for i, word in enumerate(lemmas):
        if word in fixes:
            lemmas[i] = _fixed(word, strings[int(array[i, 6])].lower())
    return _Tokens(
        lemma=lemmas,
        pos=[strings[key] for key in array[:, 1].tolist()],
        dep=[strings[key] for key in array[:, 2].tolist()],
        idx=array[:, 3].tolist(),
        blank=(space | (array[:, 5] == 1)).tolist(),
        line_breaks=[i for i in np.flatnonzero(space).tolist() if "\n" in strings[int(array[i, 6])]],
    )


def subtree(token: Token) -> list[Token]:
    """The token's subtree, cut at line breaks: the parser sometimes hangs a headline's object on
    the next paragraph, and a phrase never runs past its own line."""
    breaks = _tokens(token.doc).line_breaks
    before, after = bisect.bisect_left(breaks, token.i), bisect.bisect_right(breaks, token.i)
    left = breaks[before - 1] + 1 if before else 0
    right = breaks[after] - 1 if after < len(breaks) else len(token.doc) - 1
    return [t for t in token.subtree if left <= t.i <= right]


def words_under(token: Token | None) -> set[str]:
    if token is None:
        return set()
    tokens = subtree(token)
    return {t.lower_ for t in tokens} | {lemma(t) for t in tokens}


def _described_words(noun: Token | None) -> set[str]:
    """The words of a noun phrase without its clauses: "a civilian man [who refused to hand over his car at
    a checkpoint]" is a civilian, whatever the clause names; nor where it was ("a man [at a checkpoint]"),
    though what it is of counts ("positions of the army")."""
    if noun is None:
        return set()
    tokens = [t for t in subtree(noun)
              if not any((a.dep_ in {"relcl", "acl", "advcl"} or (a.dep_ == "prep" and a.lower_ != "of"))
                         and noun in a.ancestors for a in [t, *t.ancestors] if a != noun)]
    return {t.lower_ for t in tokens} | {lemma(t) for t in tokens}


_REFLEXIVES = frozenset({"himself", "herself", "themselves"})
_QUANTITIES = frozenset(
    {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores", "million", "millions", "group", "number"}
)


def _who(agent: Token | None) -> set[str]:
    """The words for who the agent is: its head noun, or what a number counts ("hundreds of soldiers"),
    not the nouns that qualify it ("relatives of soldiers")."""
    if agent is None:
        return set()
    if agent.pos_ == "NUM" or agent.like_num or lemma(agent) in _QUANTITIES:
        of = [p for p in agent.children if p.dep_ == "prep" and p.lower_ == "of"]
        counted = [c for p in of for c in p.children if c.dep_ == "pobj"]
        agent = counted[0] if counted else agent
    return {agent.lower_, lemma(agent)}


def _head_word(token: Token | None) -> str:
    return token.lower_ if token is not None else ""


_REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})

# What a crowd of protesters does by force is a riot in ACLED's terms, whatever the verb.
_CROWD_VIOLENCE = frozenset({"target", "weapon", "Armed clash", "Attack", "Looting/property destruction"})


def _protesting(agent: Token | None) -> set[str]:
    """ "Supporters of Evo Morales blocking roads": people named by what they do as a protest."""
    if agent is None:
        return set()
    acts = set(lexicon()["protest_acts"])
    # "supporters blocking roads", "supporters who have been blocking roads"
    doing = [agent] if agent.tag_ == "VBG" else [c for c in agent.children if (c.dep_ == "acl" and c.tag_ == "VBG")
                                                 or c.dep_ == "relcl"]
    # (or who gathered bearing a protest's props: "residents who gathered ... with Ukrainian flags")
    # (or "came out to the city centre with Ukrainian flags")
    gathering = set(lexicon()["gathering_verbs"]) | {"come"}
    return {"protester"} if any(lemma(t) in acts or (lemma(t) in gathering and _with_protest_props(t))
                                for t in doing) else set()


def _at_the_police(verb: Token) -> bool:
    """ "thrown at officers", "attacked a riot police unit with petrol bombs": aimed at the security forces."""
    aimed = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "on"} for o in c.children]
    aimed += [c for c in verb.children if c.dep_ == "dobj"]
    return any(lemma(t) in lexicon()["security_forces"] or lemma(t) == "officer" for o in aimed for t in subtree(o))


_CROWD_COUNT = 20  # people counted from this many up are a crowd ("around 30 young men stoned a bus")
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})  # "about thirty locals"


def _a_crowd(agent: Token | None) -> set[str]:
    """ "Several hundred farmers", "some 400 students", "around 30 young men": civilians counted in
    the tens are a crowd; fighters and troops are not ("some 300 militants attacked the village")."""
    lex = lexicon()
    if agent is not None and agent.lower_ in _CROWD_SIZES:  # "dozens of residents"
        agent = next((o for p in agent.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), agent)
    people = agent is not None and (any(lemma(agent) in lex[kind] for kind in ("persons", "people"))
                                    or lemma(agent) in _CIVIL_SIDES | {"people"})
    armed = agent is not None and (lemma(agent) in set(lex["combatants"]) | set(lex["security_forces"])
                                   or "armed" in words_under(agent))
    if not people or armed or agent.tag_ != "NNS":
        return set()  # not "213 UAVs attacked Huliaipole"
    counts = [t for c in agent.children if c.dep_ in {"nummod", "quantmod"} for t in subtree(c)]
    if agent.head.dep_ == "prep" and agent.head.lower_ == "of" and agent.head.head.lower_ in _CROWD_SIZES:
        counts.append(agent.head.head)  # "hundreds of residents"
    big = any(t.lower_ in _CROWD_SIZES | _TENS or (t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= _CROWD_COUNT)
              for t in counts)
    return {"crowd"} if big else set()


_CROWD_SIZES = frozenset({"dozens", "scores", "hundred", "hundreds", "thousand", "thousands"})


def _called_a_protest_next(sentence: Span) -> bool:
    """ "In Shush, about a hundred retirees gathered in front of the governorate. Both rallies ended
    peacefully.": the next sentence of the paragraph calls the gathering a protest."""
    doc = sentence.doc
    if sentence.end >= len(doc) or "\n" in doc[sentence.end - 1].whitespace_ + doc[sentence.end].text:
        return False
    return any(t.dep_ == "nsubj" and lexicon()["nouns"].get(lemma(t)) == "Peaceful protest" for t in doc[sentence.end].sent)


def _protesting_too(token: Token) -> set[str]:
    """ "residents angry at the deaths blocked Avenida Brasil and set two buses on fire": a doer of a protest
    act coordinated with the trigger is a crowd of protesters."""
    acts = set(lexicon()["protest_acts"])
    beside = [token.head] if token.dep_ == "conj" else [c for c in token.children if c.dep_ == "conj"]
    return {"protester"} if any(t.pos_ == "VERB" and lemma(t) in acts for t in beside) else set()


def _at_a_named_place(verb: Token) -> bool:
    """ "continues in Dzerzhinsk", "continued near Shcherbynivka", "on the outskirts of Sudzha"; not "has continued
    across much of the region"."""
    return any(c.dep_ == "prep" and c.lower_ in {"in", "within", "inside", "near", "around", "at", "outside", "on"}
               and any(o.dep_ == "pobj" and (o.pos_ == "PROPN" or (lemma(o) in _PARTS_OF_A_TOWN and any(
                   p.lower_ == "of" and any(n.pos_ == "PROPN" for n in p.children) for p in o.children)))
                       for o in c.children) for c in verb.children)


_PARTS_OF_A_TOWN = frozenset({"outskirts", "edge", "centre", "center", "part", "suburb", "district", "area"})


_TRENDING = frozenset({"violence", "incident", "case", "casualty", "killing", "abduction", "kidnapping", "crime", "rate",
                       "level", "intensity", "frequency", "scale", "pace"})


def _chanting_after(token: Token, sentence: Span, purposes: Sequence[str]) -> bool:
    """ "gathered outside the governor's office on Monday evening, chanting 'Water, electricity, life'": a
    participle of purpose right after a comma, however the parser hangs it."""
    return any(t.tag_ == "VBG" and lemma(t) in purposes and t.i > token.i and t.doc[t.i - 1].text == ","
               for t in sentence)


def _purpose_clauses(token: Token) -> Iterator[Token]:
    """The clauses that say what a gathering was for: "gathered ..., holding portraits and chanting"."""
    for clause in token.children:
        if clause.dep_ == "conj" and clause.pos_ == "VERB":
            yield clause  # "laid flowers at the Tomb of the Unknown Soldier ... and demanded that the men be sent home"
        if clause.dep_ in {"advcl", "xcomp"}:
            yield clause
            yield from (c for c in clause.children if c.dep_ == "conj")
            # "holding signs demanding jobs": what the signs said
            yield from (a for o in clause.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl" and a.tag_ == "VBG")
        if clause.dep_ == "dobj":  # "gathered ..., holding signs demanding jobs", the participle read as the signs' adjective
            yield from (a for a in clause.children if a.dep_ == "acl" and a.tag_ == "VBG")
        if clause.dep_ == "prep" and clause.lower_ == "in":  # "gathered ... in solidarity with the Palestinian people"
            yield from (o for o in clause.children if o.dep_ == "pobj")
        if clause.dep_ == "prep" and clause.lower_ == "for":  # "gathered ... for a second night of protests"
            for o in (c for c in clause.children if c.dep_ == "pobj"):
                yield o
                yield from (x for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj")
        if clause.dep_ == "prep":  # "gathered near the administration demanding compensation", misattached
            yield from (a for o in clause.children if o.dep_ == "pobj"
                        for a in o.children if a.dep_ == "acl" and a.tag_ == "VBG")


def _verb_event(token: Token, rule: dict[str, Any], places: Sequence[Toponym], sentence: Span) -> str | None:
    lex = lexicon()
    word = lemma(token)
    # a hyphened prefix makes another verb: "petrol-bombed the homestead" is firebombed, no air strike
    prefix = token.doc[token.i - 2].lower_ if token.i >= 2 and token.doc[token.i - 1].text == "-" else ""
    if prefix in rule.get("prefixed", {}):
        return _verb_event(token, lex["verbs"][rule["prefixed"][prefix]], places, sentence)
    if 0 < token.i < len(token.doc) - 1 and token.doc[token.i - 1].text == "(" and token.doc[token.i + 1].text == ")":
        return None  # "Zaporizhzhia oblast (occupied)": a label of the place, no act
    # (and a second object or complement: "set them alight", "set the car ablaze")
    objects = words_under(_patient(token)) | {lemma(c) for c in token.children if c.dep_ in {"prt", "prep", "dobj", "oprd", "acomp", "advmod"}}
    described = token.dep_ == "acl" or (token.dep_ == "advcl" and token.i > 0 and token.doc[token.i - 1].pos_ == "NOUN"
                                        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in token.children))
    if rule.get("finite_only") and (token.tag_ not in {"VBD", "VBN", "VBZ", "VBP"} or described):
        # "footage showed Ukrainian forces using drones": a way of fighting shown, no act told; nor "the rail line
        # used to carry phosphate", "the handover agreed under the 2020 ceasefire", a thing described
        return None
    if rule.get("lives") and not lost_life(token):
        return None  # "lost their lives"; not "losing Karabakh" or "deprived of food"
    if rule.get("air_defence_only") and not _air_defence(_agent(token) or _subject(token)) and rule.get("otherwise"):
        return _verb_event(token, rule["otherwise"], places, sentence)  # "a military vehicle activated an explosive device"
    if rule.get("air_defence_only") and not _air_defence(_agent(token) or _subject(token)):
        return None  # "air defence systems worked over Belgorod" (a Russian governor's word for it); not "worked"
    if rule.get("remote_patient") and (patient := _patient(token)) is not None:
        weapon = _weapon_in(subtree(patient))
        if weapon in _REMOTE:
            # "a massive drone attack was repelled": the strike, not a clash; repelled by air defence, the strike stopped
            return "Disrupted weapons use" if _air_defence(_agent(token)) else weapon
    # "took the pilot hostage", "were taken into custody"
    # ("took to the streets to demand")
    taken_as = {lemma(c) for c in token.children if c.dep_ in {"dobj", "oprd"}} | {
        lemma(o) for c in token.children if c.dep_ == "prep" and c.lower_ in {"into", "to"} for o in c.children if o.dep_ == "pobj"}
    # ("took its pilot, Philip Mehrtens, hostage", the word hung on the name)
    taken_as |= {lemma(a) for c in token.children if c.dep_ == "dobj" for a in c.subtree if a.dep_ == "appos" and lemma(a) == "hostage"}
    if rule.get("outcomes_in_object"):
        taken_as |= objects  # "used tear gas and stun grenades", however the parser splits the object
    for word, outcome in rule.get("outcomes", {}).items():
        if word in taken_as and lex["event_types"].get(outcome) == "Protests":
            if any(lemma(c) in _CELEBRATING for c in token.children if c.dep_ in {"advcl", "xcomp"}):
                return None  # "took to the streets of Port Sudan to celebrate the army's advance": a celebration
            return _protest_type(_protest_scope(sentence, token))  # "fired tear gas": at a crowd, peaceful or not
        if word in taken_as:
            return outcome  # "took the pilot hostage", "was taken hostage"
    if rule.get("prepositional"):  # "agreed to a ceasefire", "agreed on a truce", "agreed to exchange 1,000 prisoners"
        objects |= {w for c in token.children if c.dep_ == "prep" for w in words_under(c)}
        objects |= {lemma(c) for c in token.children if c.dep_ == "xcomp"
                    and words_under(c) & set(lexicon()["captives"])}
    # the small parser often labels the particle right after the verb an adverb ("shot down" as advmod)
    # (or after the verb's pronoun: "took him away")
    particles = {c.lower_ for c in token.children if c.dep_ == "prt" or (c.dep_ == "advmod" and (
        c.i == token.i + 1 or (c.i == token.i + 2 and token.doc[token.i + 1].dep_ == "dobj" and token.doc[token.i + 1].pos_ == "PRON")))}
    # "drove Russian forces out of Pishchane" (the parser makes "out" a preposition): out of a town or a
    # village, not "out of their positions"
    left = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "out"
            for g in c.children if g.lower_ == "of" for o in g.children if o.dep_ == "pobj"]
    if any(lemma(o) in _SETTLEMENTS or any(p.start <= o.idx < p.end for p in places) for o in left):
        particles.add("out of")
    for particle, outcome in rule.get("particles", {}).items():
        if particle not in particles:
            continue
        if isinstance(outcome, str):
            return outcome  # "shot down a drone": a disrupted weapon, not a shooting
        if "as" in outcome:  # "set off explosives strapped to his body": as "detonated" (not "set off clashes")
            return _verb_event(token, lex["verbs"][outcome["as"]], places, sentence) \
                if objects & set(lex[outcome["objects_from"]]) else None
        # "set up a base", not "set up a committee"; "took away paintings": things taken, looting
        if objects & set(outcome["objects"]):
            return outcome["sub_event_type"]
        # (or whoever the people lexicons name, as the head of what was taken: "took away the chief of a
        # neighbourhood and his son"; not "took away a flag that belonged to militants")
        heads = {lemma(h) for h in _heads(_patient(token))}
        if heads & set().union(*(lex[k] for k in outcome.get("objects_from", ()))):
            return outcome["sub_event_type"]
        return outcome["things_sub_event_type"] if objects & set(outcome.get("things", ())) else None
    # "set fire to a man", "set ablaze a man"
    burned = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"] \
        + [c for c in token.children if c.dep_ == "dobj"]
    alive = any(c.lower_ == "alive" for c in token.children)  # "burned them alive"; not "set them alight" (the tyres)
    if rule.get("on_a_person") and any(lemma(o) in lex["persons"] or lemma(o) in lex["people"]
                                       or (alive and o.lower_ in {"him", "her", "them"}) for o in burned):
        return _verb_event(token, {"sub_event_type": rule["on_a_person"]}, places, sentence)
    taken = _patient(token)
    # ("took the head of the Kamianka-Dniprovska community from his house")
    person = taken is not None and (lemma(taken) in lex["persons"] or taken.lower_ in {"him", "her", "them"} or (
        taken.dep_ == "nsubjpass" and taken.lower_ in {"he", "she", "they"}) or (
        lemma(taken) == "head" and any(c.dep_ == "prep" and c.lower_ == "of" for c in taken.children)))
    # (or "took a history teacher out of her home")
    if rule.get("takes_people") and person and (
            any((c.dep_ == "prep" and c.lower_ == "from") or (c.lower_ == "out" and c.dep_ in {"prt", "prep"}) for c in token.children)
            or disappearance_told(sentence)):
        return _person_held(token, sentence)  # "took an activist from his home", "taken him to unknown direction"
    # "were pushed back" (by no one named: not "lawyers ... were pushed back by police")
    passive = rule.get("passive_ok") and any(c.dep_ == "auxpass" for c in token.children) \
        and not any(c.dep_ == "agent" for c in token.children)
    if rule.get("head_objects"):  # "pushed back Russian troops", not "residents who were marching ... by the security forces"
        objects = {lemma(_patient(token))} if _patient(token) is not None else set()
    # ("took over Kherson train station in Kherson": what is taken over at a place is ground there)
    taken_over = rule.get("taken_over") and "over" in particles and _place_in(_patient(token), places)
    if rule.get("objects") and not objects & set(rule["objects"]) and not passive and not taken_over and (
            rule.get("strict_objects") or not _names_place(_patient(token), places)):
        # (a place as the object will do: "took Bakhmut"; not "made four attempts to advance near Udachne", nor a
        # thing at a place, "agreed a visit to Kyiv")
        return None
    if rule.get("unopposed") and not _unopposed(token):
        return None  # "entered the town ... without a fight after Russian forces withdrew"; not "assault groups entered"
    # (however "into" hangs: "turned a boarding school in occupied Hola Prystan, Skadovsk raion, into a base")
    if rule.get("into") and not {lemma(p) for c in own_clause(token, sentence) if c.dep_ == "prep" and c.lower_ == "into"
                                 for p in c.children if p.dep_ == "pobj"} & set(rule["into"]):
        return None  # "turned the school into a base", not "turned the town into ruins"
    # ("the drone dropped explosive on a car", the noun parsed as an adverb)
    found = words_under(_patient(token)) or {c.lower_ for c in token.children if c.dep_ == "advmod"}
    # (a translated passive keeps its object: "from the drone was dropped the explosive on the courtyard")
    found |= {w for c in token.children if c.dep_ == "dobj" for w in words_under(c)}
    if rule.get("objects_from") and taken is None:  # "found and dismantled 3 rocket launchers": the object they share
        found |= {w for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB" for w in words_under(_patient(c))}
        # "found three rockets mounted on a launch platform", read as a clause of its own
        found |= {w for c in token.children if c.dep_ == "ccomp" and c.tag_ == "VBN"
                  for x in c.children if x.dep_ in {"nsubj", "nsubjpass"} for w in words_under(x)}
    if (bodies := lex.get(rule.get("dead_found", ""))) and taken is not None and lemma(taken) in bodies["objects"] \
            and {t.lower_ for t in sentence} & set(bodies["marks"]):
        # "the bodies of five men were found dumped along a highway, some with signs of torture": people killed
        return bodies["sub_event_type"]
    if bodies and taken is not None and any(g in " ".join(t.lower_ for t in taken.subtree) for g in bodies["graves"]):
        return bodies["graves_sub_event_type"]  # "discovered a mass burial site with more than 440 graves"
    if rule.get("objects_from") and (not found & set(lex[rule["objects_from"]]) or _head_word(_patient(token)) in lex["not_finds"]):
        return None
    if rule.get("not_people") and _people_stopped(token):
        # "intercepted 15 suspected members of a terrorist group": people stopped, no weapon; held by security forces
        return "Arrests" if _who(_agent(token)) & set(lex["security_forces"]) else None
    if rule.get("heads_from") and not _who(_patient(token)) & set(lex[rule["heads_from"]]):
        return None  # "neutralised 12 terrorists", not "neutralised a terrorist headquarters"
    if rule.get("particle") and not any(c.lower_ == rule["particle"] and (c.dep_ == "prt" or c.i == token.i + 1)
                                        for c in token.children):  # "pulled out of Sudzha": "out" parsed a preposition
        return None
    if rule.get("modifiers") and not any(c.dep_ == "advmod" and lemma(c) in rule["modifiers"] for c in token.children):
        # "were sexually assaulted"; else what the verb otherwise means ("assaulted an army position")
        return _verb_event(token, rule["otherwise"], places, sentence) if rule.get("otherwise") else None
    if rule.get("place_object") and not (_names_place(_patient(token), places)
                                         or lemma(_patient(token)) in lex["territory_objects"] if _patient(token) is not None else False):
        return None  # "abandoned Kherson", "abandoned their positions"; not "Moscow abandons grain deal"
    if rule.get("needs_place") and not sentence_places(sentence, places):
        return None
    if rule.get("not_to") and any(c.dep_ == "prep" and c.lower_ == "to" and words_under(c) & set(rule["not_to"]) for c in token.children):
        return None  # "the detainees were handed over to prosecutors": a case's next step, no exchange
    if rule.get("sub_event_type") == "Agreement" and token.dep_ == "relcl" and (
            lemma(token.head) in lex["persons"] or lemma(token.head) in lex["people"]):
        return None  # "a former rebel commander who had signed a reconciliation deal": who he was
    if rule.get("told_for_itself") and token.dep_ in {"advcl", "relcl"}:
        return None  # "... set up a new post as they advance in the area": the advance is the setting
    shared = token.dep_ == "conj" and _patient(token.head) is not None  # "two men were caught ... and beaten by a crowd"
    # (or a passive, whose object is the one it was done to: "a young man died after being beaten by a crowd")
    if rule.get("needs_object") and _patient(token) is None and not shared and not any(c.dep_ == "auxpass" for c in token.children):
        return None
    if rule.get("intransitive") and not _protest_purpose(token) and any(
        c.dep_ == "dobj" and not any(p.start <= c.idx < p.end for p in places) and not _held_up(c)
        and c.ent_iob_ != "I" for c in token.children  # (nor the end of a name begun before it: "at Galle Face Green")
    ):
        return None  # "demonstrates the speed of the counterattack" is not a protest; a misparsed place is no object
    if rule.get("doer_for") and _agent(token) is None and objects & set(rule["doer_for"]):
        return None  # "windows were broken in two buildings": by a blast; not "accused soldiers of breaking into shops"
    if rule.get("not_doers") and (doer := _agent(token) or _subject(token)) is not None and lemma(doer) in rule["not_doers"]:
        return None  # "after his Susi Air plane landed at the airstrip": an aircraft that lands is no munition
    if rule.get("not_objects") and (done := _patient(token)) is not None and lemma(done) in rule["not_objects"]:
        return None  # "Gulf states struck a deal": no strike
    if rule.get("needs_doer") and _agent(token) is None:
        return None  # "windows were smashed in four buildings" by a blast; "residents smashed its windows"
    if rule.get("civilian_agent") and _who(_agent(token)) & set(lex["military_targets"]):
        return None  # "thousands marched through the capital" is a protest; "troops marched in" is not
    if rule.get("sub_event_type") == "Looting/property destruction" and (doer := _agent(token)) is not None and (
            lemma(doer) in _BLAST_FORCES | _DEBRIS or lemma(doer) in lex["weapons"]):
        return None  # "the blast wave smashed windows": what a strike did, not anyone's wrecking
    purposes = lex[rule["purposes"]] if rule.get("purposes") else None
    if purposes and not any(lemma(c) in purposes for c in _purpose_clauses(token)) and not any(
            a.tag_ == "VBG" and lemma(a) in purposes for a in token.ancestors) \
            and not _chanting_after(token, sentence, purposes) \
            and not _called_a_protest_next(sentence) and not _with_protest_props(token) \
            and not (_agent(token) is not None and lemma(_agent(token)) in set(lex["protesters"]) - {"crowd"}):
        # ("protesters gathered in Hamdallaye" protest; "a crowd gathered for the opening of an office", bombed, need not)
        return None  # "relatives gathered in Kyiv, demanding..." is a protest; "families gathered to mourn" is not
    kind = rule.get("kind")
    # (the doer itself, not its clauses: "... Sumy raion, hitting a university building and a street crowded with people")
    crowd = _described_words(_agent(token)) & set(lex["protesters"]) or _protesting(_agent(token)) or _protesting_too(token) \
        or _a_crowd(_agent(token))
    # (not what the crowd protests: "demanding protection after two colleagues were shot dead a day earlier")
    if kind == "target" and word == "shoot" and _agent(token) is None and any(c.dep_ == "auxpass" for c in token.children) \
            and _amid_a_protest(sentence) and not _grievance(token):
        return "Excessive force against protesters"  # "a man who was shot during a protest": shot at, not shooting
    if rule.get("sub_event_type") == "Looting/property destruction" and "mob" in words_under(_agent(token)) \
            and not _amid_a_protest(sentence):
        return "Mob violence"  # "a mob of villagers set fire to three houses"
    # (not a verb that is a weapon's only by what it passes over: "hundreds of farmers drove their tractors")
    if (kind or rule.get("sub_event_type")) in _CROWD_VIOLENCE and not rule.get("via") and (
        crowd or (_agent(token) is None and _amid_a_protest(sentence) and _event_noun_under(token, sentence) is None
                  and not _grievance(token))
        # "Supporters of restoring the monarchy set fire to a building ... during a rally": civilians at their protest
        or (_who(_agent(token)) & _CIVIL_SIDES and not _armed(_agent(token)) and _amid_a_protest(sentence)
            and not _grievance(token))
    ):
        # (and what a crowd or the locals wreck: "about 30 local residents surrounded a TCC vehicle, smashed its windows")
        wreckers = rule.get("sub_event_type") == "Looting/property destruction" and (_many_locals(_agent(token))
                                                                                   or _uncounted_people(_agent(token)))
        if (kind == "target" or rule.get("sub_event_type") == "Attack" or wreckers) and crowd and crowd <= MOBS \
                and not _amid_a_protest(sentence):
            return "Mob violence"  # "a crowd attacked a recruitment officers' car to free a man": no protest
        return "Violent demonstration"  # "demonstrators stormed parliament", "protests ..., with banks set ablaze"
    # (or burned or wrecked what was theirs, named so: "Villagers in Al-Karm set fire to four homes belonging to Coptic
    # families"; not "Residents report that ... soldiers looted the lyceum: they loaded ...", the "they" read as its speakers)
    wrecked = rule.get("sub_event_type") == "Looting/property destruction" and _subject(token) == _agent(token) and not any(
        c.dep_ == "nsubj" and lemma(c) in lexicon()["military_targets"] for c in token.children)  # (two subjects, misparsed)
    if (kind == "target" or rule.get("sub_event_type") == "Attack" or wrecked) \
            and (_many_locals(_agent(token)) or _uncounted_people(_agent(token))) and not _armed(_agent(token)) \
            and _weapon_in(list(sentence)) in {None, "Looting/property destruction"} and not _amid_a_protest(sentence):
        return "Mob violence"  # "a group of about 20 residents attacked servicemen": no armed group, no protest
    if rule.get("sub_event_type") == "Armed clash" and _who(_agent(token)) & _CIVIL_SIDES \
            and not _armed(_agent(token)) and _weapon_in(list(sentence)) is None and not _amid_a_protest(sentence):
        return "Mob violence"  # "supporters of two parties clashed with sticks, machetes and bricks": no armed group
    if kind == "territory":
        if describes_a_town(token):
            return None  # "outside Izium, the city in the Kharkiv region recaptured from Russian forces last week"
        i = token.i - 1
        while i > sentence.start and token.doc[i].pos_ == "ADV":
            i -= 1  # "in temporarily occupied Vasylivka"
        before = token.doc[i] if i >= sentence.start else None
        if token.tag_ in {"VBN", "VBD"} and before is not None and (before.pos_ in {"ADP", "DET"} or before.tag_ == "IN"):
            return None  # "in occupied Kamianka-Dniprovska", "the liberated territories": a state, not a taking
        if token.i > sentence.start and token.doc[token.i - 1].lower_ == "temporarily":
            return None  # "in temporarily occupied Vasylivka", however the parser reads it
        if token.tag_ in {"VBN", "VBD"} and token.i > sentence.start and token.doc[token.i - 1].text == "-":
            return None  # "Donetsk (Russian-occupied)", "Ukrainian-held Kupiansk": who holds it, no taking
        if rule.get("describes_a_state") and token.dep_ == "acl" and token.tag_ in {"VBN", "VBG"}:
            return None  # "a house occupied by Algerian immigrants", "a village occupied since March", "forces occupying
            # Trostianets looted shops": who holds it
        if rule.get("describes_a_state") and any(c.dep_ == "advmod" and c.lower_ in {"still", "already"} for c in token.children):
            return None  # "the village was still occupied at the time": who held it then
        if any(c.dep_ == "auxpass" for c in token.children) and any(
                lemma(t) in _WAYS_FREED for t in token.doc[max(token.i - 3, sentence.start) : token.i]):
            return None  # "traffic was freed in the evening": a road reopened, however the subject is parsed
        if token.dep_ == "acl" and any(lemma(n) in lex[kind] for n in _noun_and_its_of(token.head)
                                       for kind in ("persons", "people", "combatants", "captives")):
            return None  # "relatives of defenders captured in Mariupol": people described by their capture
        doer = _agent(token)
        marchers = set(lex["protesters"]) - MOBS  # (a crowd or a mob that seizes men is no protest)
        crowd_doer = doer is not None and (words_under(doer) & marchers or (doer.lower_ == "they" and any(
            t.dep_ == "nsubj" and lemma(t) in marchers for t in sentence)))
        if crowd_doer:  # "protesters ... stoned officers as they briefly occupied the town's airfield": a crowd takes no ground
            return _protest_type(_protest_scope(sentence, token))  # ("protesters occupied the administration building")
        patient = _patient(token)
        if patient is not None and lemma(patient) == "control" and (
                {lemma(t) for t in sentence} & _CROWD_CONTROL or words_under(_agent(token)) & {"security", "police"}) \
                and not any(c.dep_ == "prep" and c.lower_ in {"of", "over", "in"} and any(
                    _place_in(o, places) or lemma(o) in _SETTLEMENTS | {"area", "territory", "district", "region"}
                    for o in c.children if o.dep_ == "pobj")
                    for c in patient.children):
            # "before security forces regained control (with tear gas)", "... of the buildings": order restored, no
            # ground taken
            return None
        if patient is not None and lemma(patient) == "control" and token.dep_ == "advcl" \
                and not any(c.dep_ == "prep" and c.lower_ in {"of", "over", "in"} for c in patient.children) \
                and any(m.dep_ == "mark" and m.lower_ in {"before", "until"} for m in token.children):
            return None  # "exchanging fire with soldiers for several hours before the army regained control": the fight's end
        if patient is not None and lemma(patient) == "building" and (
                {lemma(t) for t in sentence} & _CROWD_CONTROL or words_under(_agent(token)) & {"security", "police"}):
            return None  # "before security forces retook the buildings with tear gas": the same
        if patient is not None and lemma(patient) in rule.get("from_objects", ()):
            # "cleared Russian troops from Kruhliakivka": the ground is where they were cleared from
            patient = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                            for o in c.children if o.dep_ == "pobj"), patient)
        if rule.get("takeovers"):  # "completed the liberation of Dzerzhinsk": the ground is what the act was of
            if patient is None or lemma(patient) not in rule["takeovers"]:
                return None
            patient = next(iter(_noun_and_its_of(patient)[1:]), None)
            if patient is None:
                return None
        if rule.get("marks"):  # "raised the Ukrainian flag over Staromaiorske": the place is named beside it
            if patient is None or lemma(patient) not in rule["marks"] or not sentence_places(sentence, places):
                return None
            patient = None
        placed = patient is not None and any(p.start <= patient.idx < p.end for p in places)
        if patient is not None and patient.ent_type_ == "PERSON" and not placed and not _placed_as_ground(patient):
            if rule.get("holds_civilians") and words_under(patient) & set(lex["civilian_targets"]) & set(lex["people"]):
                return _person_held(token, sentence)  # "Russian soldiers seized Melitopol mayor Ivan Fedorov"
            return None  # "captured Vladimir Rogov": a person taken is no ground taken
        taking = not rule.get("return")  # not "liberated people", "retook farmland"
        if patient is not None and (lemma(patient) in lex["persons"] or patient.lower_ in _PERSONAL_PRONOUNS):
            # people freed are no ground regained: "smashed its windows and freed him"
            return _person_held(token, sentence) if taking else None
        # ("seized around four hundred tonnes of grain": what the measure is of)
        if taking and patient is not None and any(lemma(n) in lex["seized_property"] for n in _noun_and_its_of(patient)) \
                and not _carrying_arms(patient):
            return "Looting/property destruction"  # "seized 47 apartments belonging to residents who had left"
        # a place, a name the index lacks, or a pronoun ("since it was retaken")
        # a name the index lacks is capitalised ("zebu", tagged PROPN, is no place)
        if patient is None:  # "since it was retaken"; not "and two hunting rifles [were] seized", with no place
            return "territory" if sentence_places(sentence, places) else None
        if any(c.dep_ == "advmod" and c.lower_ == "since" for c in token.children) and any(
                n.tag_ == "NNS" and any(a.lower_ in lex["repeated"] for a in n.children) for n in _noun_and_its_of(patient)):
            return None  # "has since taken control of several townships": a campaign's gains, at no one place
        named = patient.pos_ == "PRON" or (patient.pos_ == "PROPN" and patient.is_title) or placed
        if not named and rule.get("settlements_only") and lemma(patient) not in _SETTLEMENTS:
            return None  # "cleared the village of occupiers", not "cleared the protest camp"
        if not named and lemma(patient) not in lex["territory_objects"]:
            # ("seized a truck carrying rifle ammunition and rocket-propelled grenades")
            if (lemma(patient) in lex["weapon_finds"] or _carrying_arms(patient)) and _who(_agent(token)) & set(lex["security_forces"]):
                return "Disrupted weapons use"  # "police seized a cache of explosives"; not fighters taking arms in a raid
            if any(c.dep_ == "amod" and c.lower_ in {"alleged", "suspected"} for c in patient.children):
                return "Arrests"  # "captured 14 alleged terrorists in a joint operation": suspects held
            if rule.get("holds_civilians") and words_under(patient) & set(lex["civilian_targets"]) & set(lex["people"]):
                return _person_held(token, sentence)  # "Russian soldiers seized Melitopol mayor Ivan Fedorov"
            return None  # "seized vehicles", "captured two soldiers": no ground changed hands
        return "territory"  # decided once the actors are known
    if kind == "weapon" and _debris_of_the_downed(_agent(token)):
        return "Disrupted weapons use"  # "Debris of a downed missile fell in Obolonskyi district, damaging the roof"
    if kind == "weapon":
        if rule.get("reflexive") and any(c.dep_ == "dobj" and (c.lower_ in _REFLEXIVES or _worn(c)) for c in token.children):
            return rule["reflexive"]  # "the attacker blew himself up", "detonated explosives strapped to his body"
        # "14 UAVs were intercepted and destroyed": a coordinated verb shares its head's patient
        patient = _patient(token) or (_patient(token.head) if token.dep_ == "conj" else None)
        downed = rule.get("weapon_patient")
        named = {lemma(patient), _model_name(patient)} | {
            f"{c.lower_} {lemma(patient)}" for c in patient.children if c.dep_ in {"amod", "compound"}} if patient is not None else set()
        if downed and (named & set(downed["weapons"]) or _air_defence(_agent(token))):  # "destroyed 12 Ukrainian unmanned aerial vehicles"
            return downed["sub_event_type"]  # "14 drones were destroyed by air defences"; not "destroyed Grads"
        if rule.get("via"):  # "stepped on a landmine", "ran over an anti-tank mine"; not "drove over the bridge"
            # (not how the mine was laid: "a 'petal' mine that troops had scattered from drones")
            via = [c for c in token.children if c.dep_ in {"prep", "prt"} and c.lower_ in rule["via"]]
            told = {x.i for c in via for t in c.subtree if t.dep_ in {"relcl", "acl"} for x in t.subtree}
            weapon = _weapon_in([t for c in via for t in c.subtree if t.i not in told])
            if weapon is None and any(t.dep_ == "prep" and t.lower_ == "into" for t in token.subtree):  # (however hung)
                # "a suicide bomber drove a car packed with explosives into a checkpoint": a vehicle bomb
                weapon = _weapon_in([t for c in token.children if c.dep_ in {"dobj", "nsubj"} for t in c.subtree])
            return weapon
        if _crowd_control_thrown(token) and (any(c.dep_ == "prep" and c.lower_ in {"into", "at", "on", "among"} and any(
                lemma(o) in lex["protesters"] or (o.pos_ == "NOUN" and not o.ent_type_  # (not "On 4 March")
                                                  and lex["event_types"].get(lex["nouns"].get(lemma(o), "")) == "Protests")
                for o in c.children if o.dep_ == "pobj") for c in token.children)):
            # "threw stun grenades into the crowd": a crowd broken up; with live fire too, force against it
            # ("opened fire with live ammunition and threw stun grenades at a pro-Ukrainian rally")
            kind = _protest_type(_protest_scope(sentence, token))
            return "Protest with intervention" if kind == "Peaceful protest" else kind
        aimed = _fired_at(token, rule["targets"], sentence) if rule.get("targets") else None
        if lexicon()["event_types"].get(aimed) == "Protests":
            return aimed  # "police opened fire on demonstrators", whatever gun the sentence names
        # (or at a march: "fired tear gas shells, some dropped from drones, at farmers ... as their march reached the
        # barricades")
        if _crowd_control_thrown(token) and (any(c.dep_ == "advcl" and lemma(c) == "disperse" for c in token.children)
                                         or _amid_a_protest(sentence)):
            kind = _protest_type(_protest_scope(sentence, token))  # "fired tear gas and water cannon to disperse members"
            return "Protest with intervention" if kind == "Peaceful protest" else kind
        weapon = _weapon_in(own_clause(token, sentence))
        if weapon not in {None, "Chemical weapon"} and (doer := _agent(token)) is not None:
            # "ballistic missiles slammed into Kyiv ..., as drones hit Lviv": the weapon that did it is the doer (but gas
            # ranks first however it came: "drones dropped munitions with an irritant gas")
            weapon = _weapon_in(subtree(doer)) or weapon
        if rule.get("weapon_in_object") and weapon != "Chemical weapon":
            # "used munitions containing chloropicrin"; not "used the mountains as hideouts" (but "used drones to drop
            # grenades filled with CS gas" is a gas attack: ACLED's order ranks it first)
            weapon = _weapon_in(subtree(patient)) if patient is not None else None
        if rule.get("weapon_types") and weapon not in rule["weapon_types"]:
            return None  # "used an IED to kill", "used CS gas"; drones and missiles "used" describe a way of fighting
        if weapon == "Looting/property destruction" and (_at_the_police(token) or _amid_a_protest(sentence)) \
                and not _one_doer(_agent(token)):
            return "Violent demonstration"  # "petrol bombs were thrown at officers"; not at a museum at 4am, nor by one man
        if weapon is None and rule.get("targets"):
            return aimed
        if weapon is None and (rule.get("needs_weapon") or rule.get("weapon_only")):
            return None
        if weapon is None and rule.get("needs_weapon_or_place") and not sentence_places(sentence, places):
            return None
        if weapon is None and word == "strike" and (doer := _agent(token)) is not None \
                and {doer.lower_, *(c.lower_ for c in doer.children if c.dep_ in {"amod", "compound"})} & set(lex["air_strikers"]):
            return "Air/drone strike"  # "US strikes Houthi radar site in Sanaa", "Israeli forces struck Khan Younis"
        return weapon or rule["default"]
    if kind == "target":
        weapon = _weapon_in(own_clause(token, sentence)) if rule.get("weaponised") else None
        if weapon is None and rule.get("needs_weapon"):
            return None  # "a drone hunted a city bus"; not "police hunted the suspects"
        if weapon == "Remote explosive/landmine/IED" and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in token.children):
            return "Suicide bomb"  # "set off explosives strapped to his chest, killing only himself"
        if weapon == "Shelling/artillery/missile attack" and _agent(token) is not None and (air := _from_the_air(_agent(token))):
            return air  # "US strikes on the Ras Isa fuel port ... killed 74 people": a strike by a force that strikes from the air
        if weapon is not None and word != "shoot":
            return weapon
        if rule.get("weaponised") and (named := _event_noun_under(token, sentence)):
            return named  # "killed in a gunfight"
        if (doer := _agent(token)) is not None and "Armed clash" in {lex["nouns"].get(lemma(doer)), lex["nouns"].get(doer.lower_)}:
            return "Armed clash"  # "Clashes between two rival armed groups ... killed three people, including a civilian"
        remote = (lex["nouns"].get(lemma(doer), "") if doer is not None else "").removeprefix("weapon:")
        if lex["event_types"].get(remote) == "Explosions/Remote violence":
            # "An Israeli strike on an emergency centre killed seven paramedics"
            return _weapon_in(subtree(doer)) or _from_the_air(doer) or remote
        # ("shooting and hacking students": the object the verbs share, hung on the last)
        target = _described_words(_patient(token) or next((_patient(c) for c in token.children if c.dep_ == "conj"
                                                            and c.pos_ == "VERB" and _patient(c) is not None), None))
        victims = _victims(token)
        if (target | victims) & set(lex["protesters"]) and not target & set(lex["military_targets"]):
            return _protest_type(_protest_scope(sentence, token))  # "police shot dead five protesters": force against a protest
        shot_at = set().union(*(words_under(o) for p in token.children if p.dep_ == "prep" and p.lower_ in {"at", "on", "into"}
                                for o in p.children if o.dep_ == "pobj"))
        if word == "shoot" and shot_at & set(lex["protesters"]) and not shot_at & {"rubber", "plastic", "air"} \
                and (shot_at - MOBS & set(lex["protesters"]) or _amid_a_protest(sentence) or _a_force(_agent(token) or _subject(sentence.root))):
            kind = _protest_type(_protest_scope(sentence, token))  # "the Russians began shooting at the crowd": live fire at it
            return kind if kind == "Violent demonstration" else "Excessive force against protesters"
        if words_under(_agent(token)) & {"police", "policeman", "policemen"} and _amid_a_protest(sentence):
            return _protest_type(_protest_scope(sentence, token))  # "police shot dead two people as crowds burned tyres in protest"
        military, civilian = set(lex["military_targets"]), set(lex["civilian_targets"])
        if word == "shoot" and not target & (military | civilian):
            # "shot at a civilian car at a checkpoint": what they shot at (the first "at"; the second is where)
            aimed_at = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "at"
                             for o in p.children if o.dep_ == "pobj"), None)
            target = _described_words(aimed_at)
        if not target & (military | civilian):  # "attacked Saut-d'Eau, killing 5 residents": who the attack killed
            target = victims or target
        if target & military and not target & _FORMER and not _out_of_the_fight(_patient(token)):
            return rule["military"]
        if target & military:  # "shot dead 5 Ukrainian servicemen who had surrendered": killing the defenceless
            return rule["civilian"]
        if target & civilian or target & _FORMER:  # "a former rebel commander" is a civilian now
            return rule["civilian"]
        if _aged_person(_patient(token)):
            return rule["civilian"]  # "shot dead a 52-year-old Buddhist rubber tapper": an age tells a civilian's killing
        if rule.get("unknown_target"):  # "ambushed a Russian T-80": fighting, unless civilians are its victims
            return rule[rule["unknown_target"]]
        return _model_choice(sentence.text, [rule["military"], rule["civilian"]])
    if kind == "protest":
        return _protest_type(_protest_scope(sentence, token))
    if rule.get("sub_event_type") == "Arrests" and _arrests_at_a_protest(token, sentence):
        return _protest_type(_protest_scope(sentence, token))  # "broke up a sit-in ... and detained 12 activists"
    if rule.get("sub_event_type") == "Arrests":
        return _unless_disappeared("Arrests", sentence)
    if rule.get("sub_event_type") == "Mob violence" and (
            _amid_a_protest(sentence) or words_under(_agent(token)) & (set(lex["protesters"]) - MOBS)):  # (a crowd lynches)
        return "Violent demonstration"  # "protesters rampaged through the centre ... during demonstrations"
    return rule.get("sub_event_type")


def aged(word: Token) -> bool:
    """ "71-year-old" describing a noun: one person's age."""
    return word.dep_ == "amod" and word.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in word.children)


def _aged_person(noun: Token | None) -> bool:
    """ "a 52-year-old tapper", "a farmer aged 60": someone the report gives an age, as it does civilians."""
    return noun is not None and any(aged(c) or (c.dep_ == "acl" and c.lower_ == "aged") for c in noun.children)


_NO_FIGHT = frozenset({"fight", "fighting", "battle", "resistance", "clash", "shot"})
_LEAVING = frozenset({"withdraw", "withdrawal", "retreat", "leave", "pull", "flee"})


def _unopposed(verb: Token) -> bool:
    """ "entered Snihurivka without a fight after Russian forces withdrew", "entered Kherson after Russian forces
    completed their withdrawal": ground that changed hands with no one fighting for it."""
    # (however deep the parser hangs it: "entered Kherson, greeted by cheering residents, after Russia completed ...")
    unfought = any(c.dep_ == "prep" and c.lower_ == "without" and any(lemma(o) in _NO_FIGHT for o in c.children)
                   for c in verb.subtree)
    after = [c for c in verb.subtree if (c.dep_ == "prep" and c.lower_ in {"after", "following"})
             or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children))]
    return unfought or any(lemma(t) in _LEAVING for c in after for t in c.subtree)


def _people_stopped(verb: Token) -> bool:
    """What "intercepted" stopped were people, or what the verb joined to it aims at ("intercepted and opened fire
    on a group of armed poachers")."""
    lex = lexicon()
    stopped = _patient(verb) or next((o for c in verb.conjuncts for p in c.children if p.dep_ == "prep" and p.lower_ in {"on", "at"}
                                      for o in p.children if o.dep_ == "pobj"), None)
    return stopped is not None and any(
        lemma(n) in lex[kind] or any(c.lower_ == "armed" for c in n.children)
        for n in _noun_and_its_of(stopped) for kind in ("persons", "people", "combatants", "captives"))


def _held_up(thing: Token) -> bool:
    """ "gathered ..., holding signs demanding jobs", parsed with "signs" as the gathering's object."""
    return any(c.dep_ == "amod" and c.tag_ == "VBG" and lemma(c) in {"hold", "carry", "wave"} for c in thing.children)


def _carrying_arms(vehicle: Token) -> bool:
    lex = lexicon()
    return any(lemma(c) in {"carry", "transport", "load"} and c.dep_ in {"acl", "relcl"}
               and words_under(c) & (set(lex["weapon_finds"]) | set(lex["weapons"])) for c in vehicle.children)


_DEBRIS = frozenset({"debris", "fragment", "wreckage"})
_DOWNED = frozenset({"downed", "intercepted", "destroyed"})


def _debris_of_the_downed(doer: Token | None) -> bool:
    """ "debris of a downed missile", "fragments of an intercepted drone": what air defence brought down fell."""
    return doer is not None and lemma(doer) in _DEBRIS and any(t.lower_ in _DOWNED for t in doer.subtree)


def _worn(charge: Token) -> bool:
    """ "explosives strapped to his body": a charge the bomber wore (however the parser hangs "strapped")."""
    if any(t.lower_.startswith(("strap", "worn", "wear", "attach")) and t.dep_ in {"acl", "amod"} for t in charge.children) \
            and "body" in words_under(charge):
        return True
    words = [t.lower_ for t in charge.sent]
    # "set off an explosive device he was carrying, killing both of them": carried on him, and he died of it
    carried = any(c.dep_ == "relcl" and lemma(c) == "carry" and any(x.dep_ == "nsubj" and x.lower_ in {"he", "she"}
                                                                     for x in c.children) for c in charge.children)
    if carried and ("himself" in words or "herself" in words or " both of them" in charge.sent.text):
        return True
    return any(w.startswith("strap") for w in words) and bool(_TORSO.intersection(words)) and lemma(charge) in lexicon()["weapon_finds"]


_TORSO = frozenset({"body", "chest", "waist", "torso"})


def _heads(noun: Token | None) -> list[Token]:
    """The noun and those joined to it ("the chief and his son")."""
    return [] if noun is None else [noun, *noun.conjuncts]


def _noun_and_its_of(noun: Token) -> list[Token]:
    """ "relatives of defenders": the noun, and the one its "of" names (either may carry a modifier)."""
    return [noun, *(o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")]


def _person_held(token: Token, sentence: Span) -> str:
    """ "FSB officers seized a schoolteacher": a detention by security forces, else an abduction."""
    who = _who(_agent(token))
    if who & {"crowd", "mob"} or (who & _LOCALS and _weapon_in(list(sentence)) is None):
        # "a crowd in Lascahobas seized two young men ...; they were stoned and burned to death", "residents of
        # Petion-Ville seized two men they accused of being gang members, then beat and burned them to death"
        return "Mob violence"
    # ("more than 100 suspected gang members were captured": suspects, held by the state that suspects them)
    suspects = (patient := _patient(token)) is not None and any(
        c.dep_ == "amod" and c.lower_ in {"suspected", "alleged"} for c in patient.children)
    held = "Arrests" if who & set(lexicon()["security_forces"]) or suspects else "Abduction/forced disappearance"
    return _unless_disappeared(held, sentence)


def _unless_disappeared(sub_type: str, sentence: Span) -> str:
    """ "detained a volunteer and took him to an unknown location": a forced disappearance."""
    return "Abduction/forced disappearance" if disappearance_told(sentence) else sub_type


def disappearance_told(sentence: Span) -> bool:
    """The sentence, or the one after it, says the person's fate is unknown ("Her family has had no news
    of her since")."""
    doc = sentence.doc
    after = doc[sentence.end].sent if sentence.end < len(doc) else None
    text = (sentence.text + " " + (after.text if after is not None else "")).lower()
    return any(cue in text for cue in lexicon()["disappearance_cues"])


def _into_the_air(token: Token) -> bool:
    """ "fired into the air to disperse a rally": warning shots, not fire at the crowd."""
    return any(c.dep_ == "prep" and c.lower_ in {"into", "in"} and any(o.dep_ == "pobj" and o.lower_ == "air" for o in c.children)
               for c in token.children)


def _victims(token: Token) -> set[str]:
    """The words for those a toll clause of the trigger says were killed or hurt ("..., killing 5 residents")."""
    tolls = [c for c in token.children if c.dep_ in {"advcl", "xcomp", "conj"} and lemma(c) in lexicon()["toll_verbs"]]
    return set().union(*(words_under(_patient(c)) for c in tolls))


_CROWD_DOINGS = frozenset({"marching", "protesting", "demonstrating", "rallying", "picketing"})


def _fired_at(token: Token, targets: dict[str, Any], sentence: Span) -> str | None:
    """ "Gunmen opened fire on a platoon", "a bus was fired upon": shots at a target, typed by it
    (soldiers: a clash; civilians: an attack; a crowd: the protest met with force); at nothing
    named ("fired into the air"), nothing. Forces that "fired on" a place or a position shelled it
    (``by_forces``), as ACLED codes such reports; "opened fire" stays shots at what it names."""
    lex = lexicon()
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]  # "opened fire on": on the verb or on "fire"
    # after the verb, and not a time ("On Monday, soldiers fired into the air")
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in targets["prepositions"]
             and c.i > token.i and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)]
    # the first names the aim, the rest where ("opened fire on a civilian car at a checkpoint near Vasylivka")
    preps = sorted(preps, key=lambda p: p.i)[:1]
    aimed: set[str] = set()
    struck: set[str] = set()  # the heads of what was fired on, before what their phrases name
    for prep in preps:
        # "on demonstrators marching towards the airfield": the marchers, parsed as the subject of a clause
        objects = [c for c in prep.children if c.dep_ == "pobj"] or [
            n for c in prep.children if c.dep_ == "pcomp" for n in c.children if n.dep_ == "nsubj"]
        # a stranded preposition ("was fired upon") aims at the subject
        aimed |= set().union(*(words_under(o) for o in objects)) if objects else words_under(_subject(token))
        struck |= {lemma(o) for o in objects}
        aimed |= set().union(*(_protesting(o) for o in objects))  # "on young people protesting the results"
        if any(o.lower_ in _CROWD_DOINGS for o in objects):
            aimed.add("protester")  # "at peaceful youths marching to demand ...", "marching" read as the noun
    # "opened fire to disperse a pro-Ukrainian rally"
    dispersed = {w for c in token.children if c.dep_ in {"xcomp", "advcl"} and lemma(c) == "disperse"
                 for d in c.children if d.dep_ == "dobj" for w in (lemma(d), d.lower_)}
    protests = {n for n, t in lex["nouns"].items() if t == "Peaceful protest"}
    # (or "to disperse them": only a crowd is dispersed)
    if dispersed & (set(lex["protesters"]) | _GATHERED | protests | {"them"}) or aimed & protests:  # or "opened fire on a peaceful rally"
        aimed.add("protester")
    shot = set().union(*(words_under(c) for c in token.children if c.dep_ == "dobj"))
    if (aimed | _victims(token)) & set(lex["protesters"]):  # "fired on a convoy of supporters, killing one protester"
        kind = _protest_type(_protest_scope(sentence, token))  # tear gas fired at a crowd is an intervention
        # ("fired live ammunition and tear gas to disperse them": the live rounds make it lethal)
        bullets = "live" in shot or (bool(shot & {"bullet", "ammunition"}) and not shot & {"rubber", "plastic"})
        live = (bullets or not shot & {"tear", "teargas", "gas", "cannon", "rubber", "plastic", "water", "stun", "smoke", "flare"}) \
            and not _into_the_air(token)
        # live fire at it ("opened fire to disperse a rally"), unless the crowd itself was violent
        lethal = kind == "Peaceful protest" or (live and kind != "Violent demonstration")
        return "Excessive force against protesters" if lethal else kind
    # (not shots or bullets, nor at people told only by a pronoun: "police fired live rounds at them")
    if targets.get("by_forces") and aimed - _PERSONAL_PRONOUNS and not shot & _GUNFIRE \
            and _who(_agent(token)) & set(lex["security_forces"]):
        return targets["by_forces"]  # "Russian forces fired on Nikopol": a war's forces firing from afar
    # "on a car carrying a family at their checkpoint": the car, not the checkpoint named beside it
    if struck & set(lex["civilian_targets"]) and not struck & set(lex["military_targets"]):
        return targets["civilian"]
    if aimed & set(lex["military_targets"]) or "armed" in aimed:  # "on a group of armed poachers"
        return targets["military"]
    if aimed & set(lex["civilian_targets"]):
        return targets["civilian"]
    if not preps and _who(_agent(token)) & set(lex["security_forces"]) and _foe_beside(token):
        return targets["military"]  # "Border guards opened fire and the group withdrew with losses"
    return None


def _foe_beside(verb: Token) -> bool:
    """A clause beside the verb whose subject is fighters or a group of them ("and the group withdrew")."""
    lex = lexicon()
    foes = set(lex["combatants"]) | set(lex["military_targets"]) | {"group"}
    return any(c is not verb and c.pos_ == "VERB" and c.dep_ in {"conj", "ccomp"} and (s := _subject(c)) is not None
               and lemma(s) in foes and not any(p.dep_ == "prep" and p.lower_ == "of" for p in s.children)
               for c in verb.subtree)


_GUNFIRE = frozenset({"shot", "gunshot", "bullet", "live", "rubber", "plastic", "warning"})  # "fired live rounds"
_FIRE_WORDS = frozenset({"fire", "shelling", "bombardment"})  # "came under fire", "came under Russian shelling"


def _under_fire(token: Token) -> Token | None:
    """What is "under fire": "the convoy came under fire", "civilian vehicles coming under fire", "a
    residential area under fire"."""
    if token.lower_ not in _FIRE_WORDS:
        return None
    under = token
    while under.dep_ == "conj" and under.head != under:
        under = under.head  # "came under Ukrainian artillery and Grad rocket fire", the fire parsed as a second object
    if under.dep_ != "pobj" or under.head.lower_ != "under":
        return None
    holder = under.head.head
    if any(c.dep_ == "prep" and c.lower_ in {"for", "over"} and not _a_stretch_of_time(c) for h in (token, holder)
           for c in h.children):
        return None  # "police came under fire for their handling of the protests": criticism (not "over the day")
    if holder.pos_ in {"VERB", "AUX"}:
        return _subject(holder) or (holder.head if holder.dep_ in {"acl", "relcl"} else None)
    return holder


_STRETCHES = frozenset({"day", "night", "week", "weekend", "hour", "morning", "afternoon", "evening", "period", "month"})


def _on_a_day(verb: Token) -> bool:
    """A day hangs on the verb ("On 25 May 2023, forces carried out several drone strikes"): the acts of one
    day, one event, not a record."""
    return any(t.ent_type_ == "DATE" and (t.like_num or t.lower_ in _DAY_WORDS)
               for c in verb.children if c.dep_ in {"prep", "npadvmod"} for t in c.subtree)


def _a_stretch_of_time(prep: Token) -> bool:
    """ "over the day", "for hours": when, not what for."""
    return any(o.dep_ == "pobj" and lemma(o) in _STRETCHES for o in prep.children)


def _firing(fire: Token) -> Token | None:
    """Who fired: "under fire from Russian forces", "under Russian fire"."""
    source = next((c for h in (fire, fire.head.head) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    found = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
    return found or _agent(fire)


def _fire_at(token: Token, target: Token, places: Sequence[Toponym]) -> str | None:
    """Fire at a target, typed as shots at it are (the weapon first: "under artillery fire"); a town
    or an area under fire was shelled, as forces firing on a place did."""
    lex = lexicon()
    # the target's words, not those of the fire it is under ("Shebekino again under fire from the Armed Forces
    # of Ukraine", where the parser hangs the fire on the town)
    fire = {t.i for t in token.head.subtree}
    targets = lex["verbs"]["fire"]["targets"]
    aimed = {w for t in subtree(target) if t.i not in fire for w in (t.lower_, lemma(t))}
    if weapon := _weapon_in(list(token.subtree)):
        return weapon
    if aimed & set(lex["protesters"]):
        return "Excessive force against protesters"
    if aimed & set(lex["military_targets"]):
        return targets["military"]
    if aimed & set(lex["civilian_targets"]):
        return targets["civilian"]
    # (a town's name the tagger took for a plural noun, "Shebekino came under fire", is still the town)
    if target.pos_ == "PROPN" or lemma(target) in lex["territory_objects"] or _place_in(target, places):
        return targets["by_forces"]
    return None


def _model_choice(text: str, options: Sequence[str]) -> str:
    """Where the trigger leaves the type open ("they attacked the village"), the CASE 2021 model
    chooses among the rule's options; without it (not installed), the last option stands."""
    try:
        model = default_classifier()
        scores = model.decision([text])[0]
    except ConfigError as exc:
        log.warning("event classifier unavailable, rules decide alone: %s", exc)
        return options[-1]
    known = [o for o in options if o in model.classes]
    return max(known, key=lambda o: scores[model.classes.index(o)]) if known else options[-1]


def _event_noun_under(token: Token, sentence: Span) -> str | None:
    """ "three people were killed in a gunfight", "killed in a limpet blast": the sub-type of the event
    a noun under the trigger names, which the killing is part of, whatever crowd the sentence also
    tells of. Not an attack, a raid or an ambush, which their target types."""
    lex = lexicon()
    # the parse may run past a line break; a verb coordinated with the trigger tells an act of its own; and
    # the doers' own description is not the act ("gunmen from a clan involved in the fighting ambushed a bus")
    apart = {t.i for c in token.children if (c.dep_ == "conj" and c.pos_ == "VERB") or c.dep_ in {"nsubj", "csubj"}
             for t in c.subtree}
    under = [t for t in token.subtree if sentence.start <= t.i < sentence.end and t.i not in apart]
    for t in under:
        word = "crossfire" if _exchange_of_fire(t) else lemma(t)
        sub_type = lex["nouns"].get(word) if t is not token else None
        if sub_type is None or sub_type in {"Peaceful protest", "Violent demonstration"}:
            continue
        if sub_type == "weapon:Armed clash" or (sub_type == "Armed clash" and word not in lex["exchanges"]):
            continue
        return _weapon_in(under) or sub_type.removeprefix("weapon:")
    return None


def _exchange_of_fire(token: Token) -> bool:
    """ "killed by a stray bullet during the exchange of fire": a clash, as crossfire is (not a prisoner exchange)."""
    shots = {"fire", "gunfire", "shot", "gunshot"}
    return lemma(token) == "exchange" and any(
        (c.dep_ == "prep" and c.lower_ == "of" and any(lemma(o) in shots for o in c.children))
        or (c.dep_ == "dobj" and lemma(c) in shots)  # (or "exchanging fire with soldiers for several hours")
        for c in token.children)


MOBS = frozenset({"crowd", "mob"})  # a gathering that is not, by its name, a protest
_LOCALS = frozenset({"resident", "residents", "villager", "villagers", "local", "locals"})  # unarmed, they are a mob
def _armed(agent: Token | None) -> bool:
    """ "armed men", "residents armed with rifles"; not "residents armed with machetes", a mob's arms."""
    words = words_under(agent)
    if "armed" not in words:
        return False
    arms = {lemma(o) for t in subtree(agent) if t.lower_ == "armed" for p in t.children if p.lower_ == "with"
            for o in subtree(p) if o.pos_ == "NOUN"}
    return not arms or not arms <= _CRUDE_ARMS


_CRUDE_ARMS = frozenset({"machete", "stick", "knife", "stone", "rock", "club", "bat", "axe", "hoe", "spear", "bow", "arrow",
                         "iron", "bar", "rod", "pipe", "cudgel", "tyre", "petrol"})


def _one_doer(agent: Token | None) -> bool:
    """ "an unidentified man threw two Molotov cocktails": one person, no crowd."""
    return agent is not None and agent.tag_ == "NN" and lemma(agent) in lexicon()["people"] and not any(
        c.dep_ in {"nummod", "conj"} for c in agent.children)


def _many_locals(agent: Token | None) -> bool:
    """ "residents", "a crowd of villagers": locals in numbers; not "a 19-year-old Lviv resident"."""
    # ("a group of students beat to death a man": a group of civilians, unarmed, named by what they are)
    group_of = agent is not None and lemma(agent) == "group" and any(
        o.tag_ == "NNS" and lemma(o) in _GROUPED for p in agent.children if p.lower_ == "of" for o in p.children)
    return group_of or (bool(_who(agent) & (MOBS | _LOCALS)) and not (agent.tag_ == "NN" and lemma(agent) in _LOCALS))


_GROUPED = frozenset({"student", "youth", "villager", "resident", "local", "worker", "farmer", "trader"})


_FORMER = frozenset({"former", "ex", "retired", "demobilised", "demobilized"})
_CAPTIVE = frozenset({"prisoner", "pow", "captive"})


def _out_of_the_fight(soldiers: Token | None) -> bool:
    """ "servicemen who had surrendered", "captured soldiers", "prisoners of war": no longer fighting (ACLED
    codes their killing as an attack)."""
    if soldiers is None:
        return False
    # (or "who had laid down their weapons and surrendered")
    return lemma(soldiers) in _CAPTIVE or any(c.lower_ in {"captured", "surrendered", "unarmed"} for c in soldiers.children) \
        or any(c.dep_ == "relcl" and ("surrender" in {lemma(v) for v in (c, *c.conjuncts)} or (
            lemma(c) == "lay" and any(p.lower_ == "down" for p in c.children)))
               for c in soldiers.children)


def _uncounted_people(agent: Token | None) -> bool:
    """ "People broke the windows" after the crowd was told; not "Three people torched two patrol cars"."""
    return agent is not None and agent.lower_ == "people" and not any(
        c.dep_ in {"nummod", "quantmod"} or c.lower_ in {"unknown", "unidentified", "masked", "armed"} for c in agent.children)


_CIVIL_SIDES = _LOCALS | {"supporter", "supporters", "activist", "activists", "student", "students", "worker", "workers"}


def _gathering(verb: Token) -> bool:
    """ "gathered", "marched", and "laid flowers" at a monument, a vigil's way to protest."""
    if lemma(verb) == "lay":
        return any(c.dep_ == "dobj" and lemma(c) in lexicon()["verbs"]["lay"]["objects"] for c in verb.children)
    return lemma(verb) in lexicon()["gathering_verbs"]


def _with_protest_props(verb: Token) -> bool:
    """ "gathered ... with 'Free Azov' banners", "stood outside the court holding placards"."""
    props = set(lexicon()["protest_props"])
    # (the parser may hang "with" on the place they came to: "came out to the city centre with Ukrainian flags")
    places = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "in", "at", "on"} for o in p.children if o.dep_ == "pobj"]
    bearing = [c for v in [verb, *places] for c in v.children if (c.dep_ == "prep" and c.lower_ == "with")
               or (c.dep_ in {"advcl", "xcomp"} and lemma(c) in {"hold", "carry", "wave"})]
    borne = [o for c in bearing for o in c.children if o.dep_ in {"pobj", "dobj"}]
    return any(lemma(o) in props for o in borne + [c for o in borne for c in o.children if c.dep_ == "conj"])  # "portraits and banners"


def _arrests_at_a_protest(token: Token, sentence: Span) -> bool:
    """Arrests where the clause reports a protest: ACLED codes them as the protest, with intervention.
    Not a protest named only in who was arrested ("two men suspected of planning attacks on protesters")."""
    patient = _patient(token)
    held = ({t.i for t in subtree(patient)} if patient is not None else set()) | _arrest_cause(token)
    # "detained 25 students who had gathered outside the governor's office": those held were protesting
    # ("four women who stood with placards outside the regional administration")
    gathered = patient is not None and any(c.dep_ == "relcl" and (_gathering(c) or _with_protest_props(c) or any(
        x.dep_ in {"xcomp", "advcl"} and _gathering(x) for x in c.children)) for c in patient.children)  # "who came to lay flowers"
    # "protesters tried to break through the police cordon; police detained 54 persons": the crowd is the subject
    # of the clause before
    crowd = any(t.dep_ == "nsubj" and lemma(t) in lexicon()["protesters"] and t.i not in held for t in sentence)
    # "Rosgvardia broke up the pro-Ukrainian rally ..., several participants were detained"
    met = any(_protest_met(t) for t in sentence if t.i not in held)
    # (not protests the arrest came amid: "arrested Voluntad Popular leader Freddy Superlano amid post-election protests")
    amid = {x.i for t in sentence if t.dep_ == "prep" and t.lower_ in {"amid", "amidst"} for x in t.subtree}
    # (nor a crackdown the arrest came with: "arrested Superlano in Caracas, as the government moved to crush protests")
    amid |= {x.i for t in sentence if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in t.children)
             and any(c.dep_ == "nsubj" and lemma(c) in _RULERS for c in t.children) for x in t.subtree}
    # (nor the protests a charge tells of: "detained 7 activists ... and charged them with organising violence during protests")
    amid |= {x.i for t in sentence if lemma(t) in {"charge", "accuse", "suspect", "indict"} and t.pos_ == "VERB" for x in t.subtree}
    met = met and any(_protest_met(t) for t in sentence if t.i not in held and t.i not in amid)
    return gathered or crowd or met or _amid_a_protest([t for t in semicolon_clause(sentence, token)
                                                        if t.i not in held and t.i not in amid])


_RULERS = frozenset({"government", "authority", "regime", "state", "junta"})


def _protest_met(noun: Token) -> bool:
    """ "police dispersed the march", "the rally was broken up": a protest the force used on it says happened."""
    lex = lexicon()
    return noun.dep_ in {"dobj", "nsubjpass"} and lemma(noun.head) in lex["protest_intervention"] \
        and lex["event_types"].get(lex["nouns"].get(lemma(noun)) or lex["nouns"].get(noun.lower_, "")) == "Protests" \
        and not _denied(noun.head)


def _arrest_cause(arrest: Token) -> set[int]:
    """ "arrested five men in connection with the attack a week ago in which a crowd stoned a house", "detained
    over the riot": the words telling what the arrest is for (told before; the arrest is the news)."""
    told = {t.i for p in arrest.children if p.dep_ == "prep" and (p.lower_ in {"over", "for"} or (
        p.lower_ == "in" and any(o.lower_ == "connection" for o in p.children))) for t in p.subtree}
    # "rounded up migrant workers ..., nine days after some of them had blocked a road to protest": what came before
    return told | {t.i for c in arrest.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "after" for m in c.children) for t in c.subtree}


def _in_a_grievance(token: Token) -> bool:
    return any(_grievance(a) for a in [token, *token.ancestors])


# whose kin, or whose remains, act or are found ("relatives of those killed", "bodies of 13 fighters killed in Taiz")
_KIN = frozenset({"relative", "family", "mother", "father", "wife", "husband", "parent", "child", "son", "daughter", "widow",
                  "brother", "sister", "kin", "loved", "friend", "colleague", "body", "remains", "corpse", "funeral", "grave"})


def _whose_kin(verb: Token) -> bool:
    """ "relatives of those killed", "families of people abducted": a participle naming whose kin act, no event told."""
    head, lex = verb.head, lexicon()
    people = head.lower_ in {"those", "victims"} or lemma(head) in lex["people"] or lemma(head) in lex["persons"]
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and people and head.dep_ == "pobj" and head.head.lower_ == "of" \
        and lemma(head.head.head) in _KIN  # not "put the number of those abducted at about fifteen"


def _grievance(verb: Token) -> bool:
    """ "demanding protection after two colleagues were shot dead": what a crowd protests, told as its cause (not
    "two people were killed after security forces used tear gas and bullets": the force itself)."""
    return verb.dep_ == "advcl" and lemma(verb.head) in _PROTESTING and any(c.dep_ == "mark" and c.lower_ in {"after", "because", "since"}
                                                        for c in verb.children)


_PROTESTING = frozenset({"demand", "protest", "call", "denounce", "condemn", "decry", "stage", "hold", "march", "rally",
                         "gather", "assemble"})


def _amid_a_protest(sentence: Span | Sequence[Token]) -> bool:
    """The sentence reports a protest or a riot going on ("in protest against", "fuel price riots")."""
    tokens = list(sentence)
    words = {lemma(t) for t in tokens if t.dep_ != "compound"}
    # "broke up a gathering of 30 residents demanding compensation": a crowd demanding something protests
    demanding = any(lemma(t) == "demand" and t.dep_ == "acl" and lemma(t.head) in _GATHERED for t in tokens)
    # "as wives of mobilized soldiers laid flowers ..., demanding their husbands be brought home": people
    # who gathered to demand something
    demanding = demanding or any(lemma(t) == "demand" and t.dep_ == "advcl" and _demanders(t.head) for t in tokens)
    # "security forces dispersed the retirees' gathering": a crowd dispersed was protesting
    demanding = demanding or any(lemma(t) == "disperse" and any(c.dep_ == "dobj" and lemma(c) in _GATHERED for c in t.children)
                                 for t in tokens)
    # not a protest to come ("a day before planned protests")
    planned = {lemma(t) for t in tokens if any(c.dep_ == "amod" and c.lower_ in {"planned", "upcoming", "proposed", "announced"}
                                                 for c in t.children)}
    crowds = words & {"protest", "riot", "demonstration", "demonstrator", "protester", "rioter", "picket", "sit-in"}
    # "detained 480 people at a rally against the mobilisation" (the noun: not "rallied support")
    # (not a candidate's: "shot dead as he left a campaign rally")
    crowds |= {"rally"} & {lemma(t) for t in tokens if t.pos_ == "NOUN" and t.dep_ != "compound" and not _campaign_rally(t)}
    # "as their largely peaceful march towards Delhi reached the barricades": a march someone makes (not "On 4 March")
    crowds |= {"march"} & {lemma(t) for t in tokens if t.pos_ == "NOUN" and not t.ent_type_ and t.lower_ == "march"
                           and any(c.dep_ == "poss" or (c.dep_ == "amod" and c.lower_ in {"peaceful", "protest"}) for c in t.children)}
    # "as opposition supporters tried to march along Majeedhee Magu": civilians marching
    # (or anyone marching to demand something: "as they tried to march ... to demand the arrest of the federation chief")
    marching = any(lemma(t) in {"march", "rally"} and t.pos_ == "VERB" and (_civilians_doing(t) or any(
        c.dep_ in {"advcl", "xcomp"} and lemma(c) in lexicon()["gathering_purposes"]
        for c in [*t.children, *(t.head.children if t.dep_ == "xcomp" else [])])) for t in tokens)
    return demanding or marching or bool(crowds - planned)


def _campaign_rally(rally: Token) -> bool:
    """A candidate's rally, or one someone left or addressed: the setting of what happened to them, no crowd's protest."""
    return any(c.dep_ == "compound" and c.lower_ in {"campaign", "election", "electoral"} for c in rally.children) or (
        rally.dep_ == "dobj" and lemma(rally.head) in {"leave", "address"})


def _civilians_doing(verb: Token) -> bool:
    subject = _subject(verb) or (_subject(verb.head) if verb.dep_ == "xcomp" else None)
    return subject is not None and (lemma(subject) in _CIVIL_SIDES | {"people", "crowd"} or lemma(subject) in lexicon()["protesters"])


def _demanders(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.tag_ == "NNS" and lemma(subject) not in lexicon()["security_forces"] \
        and not _who(subject) & set(lexicon()["security_forces"])


_GATHERED = frozenset({"gathering", "crowd", "resident", "villager", "people", "worker", "student", "relative", "family", "mother"})


_BESIDE = frozenset({"while", "whereas"})


def told_beside(verb: Token) -> bool:
    """A clause with its own subject told beside another: "gunmen shot dead a pharmacist in Baniyas, while a
    roadside bomb struck a vehicle near Qardaha"; "..., and a drone hit Y". Not "killed when a drone hit their
    car", where the drone is how they died, nor a toll, nor a source ("..., Mexican News reported")."""
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    # "... killed three, the governor said, as Russian forces pounded towns": "as" after the source's words, however the
    # parser hangs it (on the event's verb beside "said", or on "said"), whatever its verb
    reporting = lexicon()["reporting_verbs"]
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and (
            any(c.dep_ == "parataxis" and lemma(c) in reporting and c.i < verb.i for c in verb.head.children)
            or (lemma(verb.head) in reporting and verb.head.i < verb.i)):
        return True
    if lemma(verb) not in lexicon()["verbs"] or lemma(verb) in lexicon()["toll_verbs"]:
        return False  # "a soldier was killed and seven others were wounded when IEDs detonated": one event's toll
    return verb.dep_ == "conj" or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BESIDE for c in verb.children))


def _after_the_source(token: Token) -> bool:
    """The token is in a clause hung on a source's words ("..., the governor said, as troops fought off
    assaults near Robotyne"): told beside the report, not part of the reported event."""
    # (or on a plain verb hung there: "..., residents said, as fighting between the army and Fano spread")
    # (or after the source's words put between: "Israeli air strikes killed seven ..., the ministry said, as Hezbollah
    # fighters clashed with Israeli troops", the parser hanging both on "killed")
    reporting = lexicon()["reporting_verbs"]
    return any(v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"as", *_BESIDE} for c in v.children) and (
        lemma(v.head) in reporting or (lemma(v.head) not in lexicon()["verbs"] and lemma(v.head.head) in reporting)
        or any(c.dep_ == "parataxis" and lemma(c) in reporting and c.i < v.i for c in v.head.children))
        for v in [token, *token.ancestors])


def _what_came_before(trigger: Token, candidates: Sequence[SentenceEvent]) -> bool:
    """The trigger is the verb of an "after" clause hung on another specific candidate's trigger."""
    return trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in trigger.children) \
        and any(c.specific and c.trigger == trigger.head for c in candidates)


_CELEBRATING = frozenset({"celebrate", "welcome", "cheer", "rejoice"})


def _describes_the_source(token: Token) -> bool:
    """The token is in a relative clause on whoever the report is according to, or on a reporting verb's subject."""
    for v in [token, *token.ancestors]:
        if v.dep_ != "relcl":
            continue
        source = v.head
        according = source.dep_ == "pobj" and source.head.lower_ == "to" and source.head.i > 0 \
            and source.doc[source.head.i - 1].lower_ == "according"
        if according or (source.dep_ == "nsubj" and lemma(source.head) in lexicon()["reporting_verbs"]):
            return True
    return False


def own_clause(token: Token, sentence: Span) -> list[Token]:
    """The words of the sentence that tell the trigger's own event: without the clauses told beside it,
    whose weapons are theirs."""
    beside = [v for v in sentence if told_beside(v)]
    home = next((v for v in sorted(beside, key=lambda v: len(list(v.subtree))) if token in v.subtree), None)
    words = [t for t in (home.subtree if home is not None else sentence) if sentence.start <= t.i < sentence.end]
    apart = {t.i for v in beside if token not in v.subtree and (home is None or v in home.subtree) for t in v.subtree}
    return [t for t in words if t.i not in apart]


_CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "rumour", "rumor", "suggestion"})


def _a_claim_called_false(clause: Span, trigger: Token) -> bool:
    """ "Claims spread by pro-Russian channels that Ukrainian artillery destroyed the bus station in Gorlovka
    are false": a clause opening on a claim and saying it is false, however the parser hangs what it claims."""
    opening = next((t for t in clause if not t.is_punct and t.lower_ not in {"the", "these", "those", "all"}), None)
    return opening is not None and opening.i < trigger.i and lemma(opening) in _CLAIM_NOUNS and opening.tag_ == "NNS" \
        and any(lemma(t) in lexicon()["non_event"]["falsity"] and t.dep_ in {"acomp", "attr", "oprd"} for t in clause)


def _called_false(sentence: Span) -> bool:
    """The sentence says what it tells of is false or something else ("is fake", "was in fact filmed in 2015")."""
    falsity = set(lexicon()["non_event"]["falsity"]) | {"fact", "actually"}
    return any(t.lower_ in falsity for t in sentence)


def _claim_doubted(trigger: Token, sentence: Span) -> bool:
    """ "Milbloggers claimed that Russian forces seized Shcherbynivka, but ISW has not observed visual
    evidence to support this claim": a claim the sentence itself says is unconfirmed."""
    reporting = set(lexicon()["reporting_verbs"])
    if not any(lemma(a) in reporting for a in trigger.ancestors):
        return False
    rest = [t for t in sentence if t.i > trigger.i]
    but = next((t.i for t in rest if t.lower_ in {"but", "though", "although"}), None)  # "..., though ISW has not observed"
    if but is None:
        return False
    after = [t for t in rest if t.i > but]
    negated = any(t.dep_ == "neg" or t.lower_ in {"cannot", "no"} for t in after)
    return negated and any(t.lower_ in lexicon()["non_event"]["doubts"] or lemma(t) in lexicon()["non_event"]["doubts"] for t in after)


def _finite_as_modifier(verb: Token) -> bool:
    """Not a noun's content clause ("no confirmation that Ukrainian forces liberated Kupiansk")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ == "mark" for c in verb.children)


# "after capturing them": people taken, not ground ("since it was retaken" is the town)
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "whom"})


def semicolon_clause(sentence: Span, token: Token) -> Span:
    """The part of the sentence between semicolons that holds the token: a headline's "police open fire
    on protesters; shops looted in Nairobi" tells two events."""
    start = max((t.i + 1 for t in sentence if t.text == ";" and t.i < token.i), default=sentence.start)
    end = min((t.i for t in sentence if t.text == ";" and t.i > token.i), default=sentence.end)
    return sentence.doc[start:end]


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _protest_scope(sentence: Span, token: Token) -> Span:
    """What a protest's type is read from: the part between semicolons that holds the trigger, and the
    rest of the sentence too when it names no other place (a note's "gathered outside the administration
    in Novy Oskol ...; police broke up the gathering" is one protest; "police opened fire on protesters in
    Kharkiv; shops were looted in Kupiansk" is two events). A headline's parts are always apart."""
    own = semicolon_clause(sentence, token)
    if is_headline(sentence) or own == sentence:
        return own
    named = {t.lower_ for t in own if t.ent_type_ in _PLACE_ENTITIES}
    elsewhere = {t.lower_ for t in sentence if t.ent_type_ in _PLACE_ENTITIES and not own.start <= t.i < own.end}
    return own if named and elsewhere - named else sentence


def _a_force(doer: Token | None) -> bool:
    """Police, troops, or a nation's forces named by its people ("the Russians")."""
    return doer is not None and (bool(_who(doer) & set(lexicon()["security_forces"])) or doer.ent_type_ == "NORP")


_CROWD_CONTROL = frozenset({"stun", "tear", "teargas", "gas", "smoke", "flash", "flashbang"})


def _crowd_control_thrown(token: Token) -> bool:
    """ "threw stun grenades", "fired tear gas canisters": the means of breaking up a crowd, whoever is said to use them."""
    return any(c.dep_ == "dobj" and words_under(c) & _CROWD_CONTROL for c in token.children)


_BARRICADE_MAKING = frozenset({"erect", "build", "set", "put", "construct", "raise", "place", "burn", "throw", "pile"})


def _a_grievance_word(word: Token) -> bool:
    """A noun in what a crowd is against or about ("against an amnesty bill for those convicted over the riots"), not
    what it did."""
    # (or "in protest at the detention of the mayor")
    return word.pos_ == "NOUN" and any(a.dep_ in {"prep", "conj"} and a.pos_ == "ADP" and (a.lower_ in {"over", "against", "about"} or (
        a.lower_ == "at" and lemma(a.head) in {"protest", "anger", "outrage"})) for a in word.ancestors)


def _barricade_met(word: Token) -> bool:
    """ "the march reached the barricades": barricades the crowd came to, not ones it put up."""
    return word.pos_ == "NOUN" and lemma(word) == "barricade" and lemma(word.head) not in _BARRICADE_MAKING


def _protest_type(sentence: Span) -> str:
    """ACLED's precedence: a crowd that is violent makes a riot, even where the police killed
    ("Violent demonstration"); lethal or serious force is "Excessive force" against a peaceful one."""
    lex = lexicon()
    # not what the sentence says did not happen ("nobody was detained", "dispersed at dusk without clashes")
    denied = {x.i for t in sentence if t.dep_ == "prep" and t.lower_ == "without" for x in t.subtree} | {
        t.i for t in sentence if any(c.dep_ in {"nsubj", "nsubjpass"} and _no_one(c) for c in t.children)} | {
        t.i for t in sentence if any(_denies(c) for c in t.children)}  # "there were no deaths"
    told = [t for t in sentence if t.i not in denied]
    lemmas = {lemma(t) for t in told} | {t.lower_ for t in told}
    # a word that only names a kind of thing ("riot police", "riot gear") says nothing the crowd did, nor
    # one denied ("the crowd had not thrown anything")
    done = [t for t in told if t.dep_ != "compound" and not any(c.dep_ == "neg" for c in t.children)
            and not _by_security_forces(t)  # "police erected barricades": not the crowd's
            and not _crowd_control_thrown(t)  # "the Russians first threw stun grenades": what breaks up a crowd
            and not _blocked_with(t)  # "blocked the main road with stones": a barrier, not a missile
            and not (t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "anti")  # "anti-riot officers"
            and not _barricade_met(t)  # "as their march reached the barricades": the police's
            and not _a_grievance_word(t)  # "against an amnesty for those convicted over the 8 January riots"
            and not any(c.dep_ == "amod" and c.lower_ == "armed" for c in t.children)]  # "after the capital's worst armed
    # clashes in years": fighting between armed groups, not the crowd's
    acts = {lemma(t) for t in done} | {t.lower_ for t in done}
    # "set fire to the toll booth", "set a police car ablaze" (not "opened fire", which police do)
    arson = any(lemma(t) == "set" and any(c.lower_ in {"fire", "ablaze", "alight"} for c in t.children) for t in done)
    if acts & set(lex["protest_violent"]) or arson:
        return "Violent demonstration"
    # "rubber bullets" disperse a crowd; live ones are lethal force, and so is fire opened on it ("opened fire and threw
    # stun grenades at a peaceful rally")
    lethal = {lemma(t) for t in told if not any(c.lower_ in {"rubber", "plastic"} for c in t.children)} \
        | {t.lower_ for t in told if t.lower_ not in {"rubber", "plastic"}} \
        | {"live" for t in told if lemma(t) == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in t.children)
           and not any(c.lower_ in {"air", "rubber", "plastic"} for c in t.subtree)}
    if lethal & set(lex["protest_excessive_force"]) and lemmas & {"police", "force", "troops", "soldier", "security", "gendarme",
                                                                   "gendarmerie", "army", "military"}:
        return "Excessive force against protesters"
    # "marched peacefully ... and dispersed without incident": a crowd that dispersed by itself met no one
    dispersing = [t for t in sentence if lemma(t) == "disperse"]
    if dispersing and not any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for t in dispersing for c in t.children):
        lemmas = lemmas - {"disperse", "dispersed"}
    # "a rubber company's clearing of their farmland": rubber that is no bullet stops no one
    lemmas -= {t.lower_ for t in sentence if t.lower_ == "rubber" and lemma(t.head) not in _RUBBER_SHOT}
    # (not "marched against the arrest of union officials": what the crowd is against)
    grievances = {t.i for t in told if _a_grievance_word(t)}
    against = {w for t in told if t.i in grievances for w in (lemma(t), t.lower_)} \
        - {w for t in told if t.i not in grievances for w in (lemma(t), t.lower_)}
    if (lemmas - against) & set(lex["protest_intervention"]):
        return "Protest with intervention"
    return "Peaceful protest"


def _blocked_with(token: Token) -> bool:
    if lemma(token) not in {"stone", "rock"} or token.head.lower_ != "with":
        return False
    verb = token.head.head if token.head.head.pos_ == "VERB" else token.head.head.head  # (or hung on the road)
    return lemma(verb) in {"block", "blockade", "close", "barricade"}


_RUBBER_SHOT = frozenset({"bullet", "round", "pellet", "baton", "slug", "projectile", "ball", "shot"})


def broken_up(sentence: Span) -> str | None:
    """ "The forces of order dispersed them with tear gas grenades after the crowd refused to leave": a
    sentence telling force used on a gathering it refers to (a pronoun, the crowd, the protesters), right
    after a peaceful one was told, says what it met; None if it tells of no force on one."""
    lex = lexicon()
    refers = any(t.lower_ in {"them", "they"} or lemma(t) in lex["protesters"] for t in sentence)
    force = [t for t in sentence if lemma(t) in lex["protest_intervention"] and not _denied(t)]
    if not refers or not force:
        return None
    kind = _protest_type(sentence)
    return None if kind == "Peaceful protest" else kind


def _denied(token: Token) -> bool:
    """ "nobody was detained", "were not dispersed", "no tear gas": said not to have happened."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    return any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children) \
        or any(c.dep_ in {"nsubj", "nsubjpass"} and (_no_one(c) or any(d.lower_ == "no" for d in c.children)) for c in verb.children)


def _by_security_forces(token: Token) -> bool:
    """Whether the token's clause is done by police or troops ("police erected barricades"), or the thing is
    theirs ("tried to march past police barricades")."""
    forces = set(lexicon()["security_forces"])
    if token.pos_ == "NOUN" and any(c.dep_ in {"compound", "poss"} and lemma(c) in forces for c in token.children):
        return True
    verb = token if token.pos_ == "VERB" else token.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        # "troops broke up a rally, throwing stun grenades into the crowd": the participle shares the subject
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and bool(_who(subject) & forces)


def _noun_event(token: Token, sentence: Span, word: str = "") -> str | None:
    """A general noun ("fighting", "shelling") counts only as the subject of something happening
    ("fighting began", "one of the final confrontations took place", "shelling killed two") or
    when a date hangs on it ("the battle on Monday"); "the sound of distant bombing" does not."""
    lex = lexicon()
    sub_type = lex["nouns"].get(word) or lex["nouns"].get(lemma(token)) or lex["nouns"].get(token.lower_)
    if sub_type is None and lemma(token) in lex["protesters"]:
        # "police dispersed protesters", "protesters gathered": the crowd itself marks the event; but a crowd
        # that did something the lexicon knows ("a crowd attacked a vehicle") is that act's doer
        if token.dep_ == "nsubj" and lemma(token.head) in lex["verbs"]:
            return None
        if token.dep_ == "pobj" and token.head.dep_ == "agent" and lemma(token.head.head) in lex["verbs"]:
            return None  # "beaten to death by an angry crowd": as the doer of a passive
        listed = token
        while listed.dep_ == "conj" and listed.head != listed:  # "hit a pharmacy and a crowd"
            listed = listed.head
        if listed.dep_ == "dobj" and lex["verbs"].get(lemma(listed.head), {}).get("kind") == "weapon":
            return None  # "military aircraft bombed a crowd gathered for the opening of an office": the strike's target
        if listed.dep_ == "pobj" and listed.head.lower_ in {"into", "at", "on", "among"} \
                and lex["verbs"].get(lemma(listed.head.head), {}).get("kind") == "weapon" and _weapon_in(list(sentence)) \
                and not _crowd_control_thrown(listed.head.head):
            return None  # "threw a grenade into a crowd at the Km5 market": what the grenade was thrown at
        kind = _protest_type(_protest_scope(sentence, token))
        if kind == "Violent demonstration" and lemma(token) in MOBS and not _amid_a_protest(sentence):
            return "Mob violence"  # "The crowd smashed the vehicle's windows, beat two servicemen": no protest
        gathering = token.dep_ in {"nsubj"} and lemma(token.head) in lex["gathering_verbs"]
        return kind if kind != "Peaceful protest" or gathering else None
    if sub_type is None:
        return None
    if token.dep_ == "pobj" and token.head.lower_ in {"amid", "amidst"}:
        return None  # "Shells fired from Congo amid fighting in Goma landed in Rubavu": the setting, not the news
    if any(c.dep_ == "amod" and c.lower_ == "little" for c in token.children):
        return None  # "residents said there had been little fighting inside the town": next to none
    if any((c.dep_ in {"amod", "predet"} and c.lower_ == "such")
           or (c.dep_ == "amod" and c.lower_ == "similar" and token.head.dep_ == "relcl") for c in token.children):
        return None  # "the agency, which has claimed several similar attacks": a kind of act, none in particular
        # (but "Similar rallies were held on Wednesday in Kharkiv")
    if sub_type == "Change to group/activity" and not any(
            words_under(o) & set(lex["suspended_acts"]) for p in token.children if p.lower_ == "of" for o in p.children):
        return None  # "the suspension of its military operations"; not "the suspension of a mayor"
    # The first verb above the noun: "[one of the confrontations] took place", "shelling killed".
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    happening = verb is not None and occurs(verb) and sentence.start <= verb.i < sentence.end
    if happening and lemma(verb) in _CAUSING and token.dep_ != "nsubj":
        happening = False  # "a drone attack sparked a fire" happened; "disruptions caused by attacks on bridges" are general
    if happening and _a_sides_ways(token, verb):
        happening = False  # "Russia says its strikes target military facilities": the same
    # "officials reported a powerful explosion": a source asserting the happening, as ACLED codes it
    # (or the news the parser made the speaker's subject: "Heavy fighting in Chasiv Yar, ..., a spokesman said")
    # (not "says" with the parser's object: "Israel says its operations ... target militants planning attacks")
    reported = token.dep_ in {"dobj", "nsubj"} and token.head == verb and lemma(verb) in lex["reporting_verbs"] \
        and lemma(verb) not in {"say", "tell", "add", "state"}
    # "damaged houses after Russian shelling", "the protests followed a peaceful march": what came after
    # it says it happened
    aftermath = (token.dep_ == "pobj" and token.head.lower_ in {"after", "following"}) or (
        token.dep_ == "dobj" and lemma(token.head) == "follow")
    # "the number of people killed in a drone strike on a market ... has risen to 26": one strike that killed
    # (or lost in it: "entered Tetkino ... and lost two men in street fighting")
    aftermath = aftermath or (token.dep_ == "pobj" and token.tag_ == "NN" and token.head.lower_ in {"in", "by"}
                              and (lemma(token.head.head) in lex["toll_verbs"] or lemma(token.head.head) == "lose"))
    # "The death toll from a Russian ballistic missile strike on ... Kryvyi Rih has risen to 14"
    # (not "the death toll from an attack by the RSF on a town", typed by its victims where it is told)
    aftermath = aftermath or (token.dep_ == "pobj" and token.head.lower_ in {"from", "of"}
                              and lemma(token.head.head) == "toll" and "Armed clash" not in sub_type)
    # "held a rally", "carried out an air strike"; not "has carried out repeated attacks" (a record); the
    # kind of a plain act staged ("carried out 31 assault and offensive actions") is the act
    act = token.head if token.dep_ in {"nmod", "compound"} and lemma(token.head) in lex["acts"] else token
    # (or in the passive: "similar rallies were held on Wednesday in Lviv, Dnipro and Odesa")
    staged = act.dep_ in {"dobj", "nsubjpass"} and lemma(act.head) in lex["staging_verbs"] and not any(
        c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in act.head.children
    ) and not any(c.dep_ == "amod" and c.lower_ in lex["repeated"] and not (c.lower_ == "several" and _on_a_day(act.head))
                  for c in token.children) \
        and not _habitual(act.head, sentence)  # "are conducting limited assaults": ongoing, no one event
    # "wives of mobilised soldiers joined a Communist Party rally in Moscow": a protest taken part in was held
    staged = staged or (sub_type == "Peaceful protest" and act.dep_ == "dobj" and lemma(act.head) in {"join", "attend"}
                        and not _habitual(act.head, sentence))
    by_its_verb = (reported or staged) and sentence.start <= act.head.i < sentence.end
    # "police dispersed the march", "the rally was broken up": a protest the force used on it says happened
    met = _protest_met(token)
    # "troops holding Robotyne came under attack from Russian drones": what one comes under happened to it
    came_under = token.dep_ == "pobj" and token.head.lower_ == "under" and lemma(token.head.head) == "come"
    happening = happening or aftermath or by_its_verb or met or came_under or _verbless(sentence)
    dated = any(t.ent_type_ == "DATE" for t in subtree(token))
    if not (happening or dated):
        return None
    if sub_type == "Peaceful protest":
        return _protest_type(_protest_scope(sentence, token))
    if (plain := lex["weapon_told_nouns"].get(lemma(token))) is not None:
        under = subtree(token)
        return _weapon_in(under) or (sub_type.removeprefix("weapon:") if any(lemma(t) in plain for t in under) else None)
    if sub_type.startswith("weapon:"):
        if _worn(token) and sub_type == "weapon:Remote explosive/landmine/IED":
            return "Suicide bomb"  # "set off an explosive device strapped to his body"
        return _weapon_in(own_clause(token, sentence)) or _aimed_at_civilians(token) or _from_the_air(token) \
            or sub_type.removeprefix("weapon:")
    if sub_type == "Armed clash" and (typed := _aimed_at_civilians(token)):
        return typed
    traded = {lemma(t) for t in sentence} & set(lex["captives"])
    if word in lex["exchanges_of_people"] and (_exchange_of_fire(token) or not traded):
        return None  # a swap of prisoners or bodies is an agreement carried out; not a trade deal
    return sub_type


def _from_the_air(noun: Token) -> str | None:
    """ "an Israeli strike", "US strikes": a bare strike by a force that strikes from the air."""
    # (or "US strikes on the Ras Isa fuel port killed 74", the noun read as a verb with "US" its subject)
    if lemma(noun) != "strike" or not any(c.dep_ in {"amod", "compound", "poss", "nmod", "nsubj"} and c.lower_ in lexicon()["air_strikers"]
                                          for c in noun.children):
        return None
    return "Air/drone strike"


def _aimed_at_civilians(noun: Token) -> str | None:
    """ "An attack on a bus", "an ambush on a wedding convoy of farmers": the noun's civilian target
    types it as its verb's would ("attacked a bus"); a military one, or none, leaves it to the noun."""
    rule = lexicon()["verbs"].get(lemma(noun), {})
    if rule.get("kind") != "target":
        return None
    aimed = set().union(*(words_under(o) for p in noun.children if p.dep_ == "prep" and p.lower_ in {"on", "against"}
                          for o in p.children if o.dep_ == "pobj"))
    civilian, military = set(lexicon()["civilian_targets"]), set(lexicon()["military_targets"])
    return rule["civilian"] if aimed & civilian and not aimed & military else None


def _verbless(sentence: Span) -> bool:
    """A note or headline without a finite verb ("Shelling of a kindergarten in Kharkiv", "aftermath
    of a missile strike"): it names the happening itself, as a headline does. Not a piece the parser cut
    from a longer sentence ("Violence | against civilians and attacks on aid | increased in Jonglei")."""
    if any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and not _noun_read_as_verb(t) for t in sentence):
        return False
    first = sentence[0]
    if first.text in DOUBLE_QUOTES:
        return False  # "The Houthis thrive on confrontation ...": speech quoted, its verb misread, no headline
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if first.i > 0 and len(words) <= 3 and not any(t.pos_ == "PROPN" or t.ent_type_ in {"DATE", "TIME"} for t in words):
        return False  # "Ukrainian strikes.": a report's section heading, naming no place nor day
    if not first.is_lower or first.i == 0:
        return True
    before = sentence.doc[first.i - 1]  # (doc.text would rebuild the whole text)
    return before.text in {".", "!", "?", ":"} or "\n" in before.whitespace_ or before.is_space


_FALLEN_IN = frozenset({"battle", "combat", "action", "fulfilment", "fulfillment", "field", "line", "defence", "defense"})


def lost_life(verb: Token) -> bool:
    """ "Five soldiers lost their lives", "embraced shahadat", "two were deprived of the life" (machine-translated Spanish), "a man
    sustained fatal injuries", "was fatally wounded": a death."""
    word = lemma(verb)
    if any(c.dep_ == "advmod" and c.lower_ in {"fatally", "mortally"} for c in verb.children):
        return word in {"wound", "injure", "hurt", "shoot", "stab"}
    if word in {"sustain", "suffer", "receive", "get"}:  # and "received injuries incompatible with life" (translated)
        return any(c.dep_ == "dobj" and lemma(c) in {"injury", "wound"} and any(
            a.lower_ in {"fatal", "mortal", "deadly", "lethal"} or (a.lower_ == "incompatible" and "life" in {lemma(t) for t in a.subtree})
            for a in c.children) for c in verb.children)
    if word == "lose":
        return any(c.dep_ == "dobj" and lemma(c) in {"life", "lives"} for c in verb.children)
    if word == "embrace":  # "five soldiers embraced shahadat", as Pakistan's military reports its dead
        return any(c.dep_ == "dobj" and c.lower_ in {"shahadat", "martyrdom"} for c in verb.children)
    if word == "fall":  # "two of our soldiers fell in the fulfilment of duty", "fell on the field of honour"
        return any(c.dep_ == "prep" and c.lower_ in {"in", "on"} and any(
            lemma(o) in _FALLEN_IN for o in c.children if o.dep_ == "pobj") for c in verb.children)
    return word == "deprive" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        lemma(o) in {"life", "lives"} for o in c.children) for c in verb.children)


_CAUSING = frozenset({"spark", "cause"})  # occurrence verbs only for the event that is their subject


def occurs(verb: Token) -> bool:
    """The verb says its subject happened ("fighting broke out", "a rally took place", "a drone attack sparked a fire")."""
    word = lemma(verb)
    if word in {"lose", "deprive"}:  # "lost their lives in an attack"
        return lost_life(verb)
    if word == "take":  # "took place", not "took part" or "took control"
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if word == "go":  # "a bomb went off", "fighting went on in the town"; not "went on to win"
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children) or (
            any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
            and not any(c.dep_ in {"xcomp", "dobj"} for c in verb.children))
    if word == "be":  # "on the 21st there was a mortar attack on Velyka Pisarivka", "street fighting is under way"
        return any(c.dep_ == "expl" or c.lower_ == "underway" or (
            c.lower_ == "under" and any(o.lower_ == "way" for o in c.children)) for c in verb.children)
    if word == "pass":  # "the rally passed off peacefully", "passed without incident"; not "passed a law"
        return not any(c.dep_ == "dobj" for c in verb.children) and any(
            c.lower_ in {"off", "peacefully", "calmly", "without"} for c in verb.children)
    return word in lexicon()["occurrence_verbs"]


def _joined_to(token: Token, ancestor: Token) -> bool:
    """The token is a verb coordinated with the ancestor by a conjunction, directly or along a chain of
    verbs ("attempted to advance ... and clashed"; not a participle misread as a conjunct: "threatened
    to nationalise the property of civilians who left occupied territories")."""
    start = token
    while token != ancestor and token.dep_ == "conj" and token.pos_ == "VERB":
        token = token.head
    return token == ancestor and any(t.dep_ == "cc" for t in token.doc[ancestor.i + 1 : start.i])


def _broke_out(verb: Token) -> bool:
    """ "a bomb went off", "heavy clashes broke out", "fighting erupted": the noun's event happened, as
    specific as a verb's."""
    word = lemma(verb)
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return (word == "go" and "off" in particle) or (word == "break" and "out" in particle) or word in {"erupt", "ensue"}


def _participle_after_a_name(token: Token) -> bool:
    """ "on the outskirts of Izium, recaptured from Russian forces last week": a participle describing the name before
    its comma, read as a verb joined to the sentence's own (no subject, no "and")."""
    doc = token.doc
    return token.dep_ == "conj" and token.tag_ in {"VBD", "VBN"} and token.i > 1 and doc[token.i - 1].text == "," \
        and doc[token.i - 2].ent_type_ in {"GPE", "LOC", "FAC"} and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children) \
        and not any(c.dep_ == "cc" for c in token.head.children if token.head.i < c.i < token.i)


def _joined_verb_read_as_participle(token: Token) -> bool:
    """ "stormed the market in Tamboul ... and looted shops": the second verb read as describing its object, which the
    parser joined to the first verb."""
    # (or to a noun, after a comma: "stormed the market in Tamboul, Al Jazirah state, and looted shops")
    if token.dep_ != "amod" or token.tag_ not in {"VBN", "VBD"} or token.i < 2:
        return False
    # (or the only verb of a sentence the parser found none in: "Russian forces occupying Trostianets, Okhtyrka raion,
    # looted shops")
    before = token.i - 1
    while before > token.sent.start and token.doc[before].pos_ == "ADV":
        before -= 1  # ("a Nigerian Army drone mistakenly bombed villagers")
    if (token.doc[before].text == "," or token.doc[before].pos_ in {"NOUN", "PROPN"}) and token.sent.root.pos_ not in {"VERB", "AUX"}:
        return True
    return token.doc[token.i - 1].lower_ == "and" and token.head.dep_ == "conj" \
        and (token.head.head.pos_ == "VERB" or token.doc[token.i - 2].text == ",")


def _participle_before_a_name(token: Token) -> bool:
    """ "a grenade thrown at a patrol in occupied Nova Kakhovka": a participle between a preposition and
    a name describes the place (the small model reads it as a verb with the name as object)."""
    doc = token.doc
    return (
        token.tag_ in {"VBD", "VBN"} and token.i > 0 and doc[token.i - 1].pos_ == "ADP" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children)
    )


def _imperative(sentence: Span) -> bool:
    """ "Please respond to air raid alerts and stay in shelters!": advice to readers tells no event."""
    root = sentence.root
    if root.tag_ != "VB" or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in root.children):
        return False
    words = (t for t in sentence if not t.is_punct and not t.is_space and t.pos_ != "SYM" and t.lower_ != "please")
    return next(words, None) == root


def _warned_of(token: Token) -> bool:
    """ "air raid alerts", "drone danger", "a missile threat": the trigger names what is warned of."""
    return token.dep_ in {"compound", "amod"} and lemma(token.head) in lexicon()["warnings"]


def sentence_events(sentence: Span, places: Sequence[Toponym]) -> list[SentenceEvent]:
    verbs, nouns, protesters = lexicon()["verbs"], lexicon()["nouns"], lexicon()["protesters"]
    lower_only = lexicon()["lower_case_nouns"]
    if _imperative(sentence):
        return []
    doc, table = sentence.doc, _tokens(sentence.doc)
    found = []
    for i in range(sentence.start, sentence.end):
        word, pos = table.lemma[i], table.pos[i]
        if pos == "VERB" and table.dep[i] in _GERUND_AS_NOUN and doc[i].tag_ == "VBG" and doc[i].lower_ in nouns:
            # a gerund as subject or object ("as fighting entered its third month"), or describing a
            # noun ("Sudan fighting enters third month"), is the noun, with the noun's conditions
            pos, word = "NOUN", doc[i].lower_
        if pos == "VERB" and _noun_read_as_verb(doc[i]):
            pos, word = "NOUN", doc[i].lower_
        misread = word == "dead" and _shot_dead_misread(doc[i])
        if misread:
            pos, word = "VERB", "shoot"  # "Two men on a motorcycle shot dead a man": "shot" read as a noun, "dead" as the verb
        # "missing and captured soldiers": a participle describing a noun, however the list is parsed
        modifier = table.dep[i] in {"amod", "compound"} or (table.dep[i] == "conj" and doc[i].head.dep_ in {"amod", "compound"})
        describing = (not misread and modifier and not _joined_verb_read_as_participle(doc[i])) or _participle_after_a_name(doc[i])
        if pos in {"VERB"} and word in verbs and not describing and not _participle_before_a_name(doc[i]) and not _whose_kin(doc[i]):
            token = doc[i]
            # asserted or not is settled first here: the verb's rule may run the model, which costs far more
            asserted = _is_asserted(token, sentence)
            sub_type = _verb_event(token, verbs[word], places, sentence) if asserted else None
            specific = True
        elif pos in {"NOUN", "PROPN"} and (word in nouns or word in protesters) and not _in_a_title(doc[i]) \
                and not _in_another_sense(doc[i], word) \
                and not (word in lower_only and not doc[i].is_lower) and not _warned_of(doc[i]) \
                and _under_fire(doc[i]) is None:
            # _noun_event needs one of them
            token = doc[i]
            sub_type = _noun_event(token, sentence, word)
            # a crowd met with force is as specific as any verb ("fired shots to disperse the crowd"), and
            # so is a bomb that went off (not "..., killing two": an attack)
            specific = (word in lexicon()["protesters"] and sub_type not in {None, "Peaceful protest"}) or (
                sub_type is not None and token.dep_ == "nsubj" and _broke_out(token.head) and not _amid_a_protest(sentence))
            asserted = sub_type is not None and _is_asserted(token, sentence)
        elif pos == "NOUN" and (target := _under_fire(doc[i])) is not None:
            token, specific = doc[i], True
            sub_type = _fire_at(token, target, places)
            asserted = sub_type is not None and _is_asserted(token, sentence)
            if sub_type is not None and asserted:
                found.append(SentenceEvent(sentence, token, sub_type, specific, _firing(token), target))
            continue
        else:
            continue
        if sub_type is None or not asserted:
            continue
        found.append(SentenceEvent(sentence, token, sub_type, specific, _flag_bearer(token, verbs.get(word, {})) or _agent(token),
                                   _patient(token)))
    return found


def _flag_bearer(verb: Token, rule: dict[str, Any]) -> Token | None:
    """ "Fighters of a marine brigade raised the Ukrainian flag": the side is the flag's, when the doers name none."""
    if not rule.get("marks"):
        return None
    doers, flag = _agent(verb), _patient(verb)
    if flag is None or (doers is not None and any(t.ent_type_ == "NORP" for t in subtree(doers))):
        return None
    return next((c for c in flag.children if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP"), None)


def _air_defence(agent: Token | None) -> bool:
    """ "destroyed by our air defence forces", "anti-aircraft gunners": what they destroy was in the air."""
    words = [t.lower_ for t in subtree(agent)] if agent is not None else []
    return "anti-aircraft" in words or any(a == "air" and b in {"defence", "defense", "defences", "defenses"}
                                            for a, b in zip(words, words[1:]))


def _in_another_sense(token: Token, word: str) -> bool:
    """ "announced a general strike", "a hunger strike": the noun's other sense, by its modifier."""
    modifiers = lexicon()["other_senses"].get(word, ())
    return any(c.dep_ in {"amod", "compound", "nmod", "poss"} and c.lower_.rstrip("'’") in modifiers for c in token.children)


def _in_a_title(token: Token) -> bool:
    """ "Russian Offensive Campaign Assessment", "Rapid Response Force": a trigger word inside a
    capitalised name names a report or a unit, not an event."""
    return token.dep_ == "compound" and token.is_title and token.head.is_title


_RAIDS = frozenset({"storm", "raid", "search"})
_WAYS_FREED = frozenset({"traffic", "road", "highway", "route", "passage", "movement", "lane", "bridge"})


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BLAST_FORCES = frozenset({"wave", "blast", "explosion", "shockwave", "detonation", "impact", "fire", "shrapnel", "fragment"})


def _all_of_them(downing: Token) -> bool:
    """ "all eight were destroyed", "shot down all 20 drones", "all targets ... were detected and destroyed"."""
    verb = downing.head if downing.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in downing.children) else downing
    nouns = [c for v in {verb, downing} for c in v.children if c.dep_ in {*_SUBJECTS, "dobj"}]
    return any(t.lower_ in {"all", "every"} and t.i <= noun.i for noun in nouns for t in noun.subtree)


_HARMING = frozenset({"shoot", "wound", "injure", "beat", "stab", "hack", "whip", "torture"})


def _no_armed_side(agent: Token | None) -> bool:
    """No doer, or one the parser made of a word that names no one ("protesters angry at what they see as
    international indifference attacked ...": "indifference")."""
    if agent is None:
        return True
    lex = lexicon()
    anyone = {*lex["combatants"], *lex["security_forces"], *lex["people"], *lex["persons"], *lex["protesters"]}
    return agent.pos_ == "NOUN" and not agent.ent_type_ and lemma(agent) not in anyone and agent.lower_ not in anyone \
        and not any(c.ent_type_ in {"NORP", "ORG", "GPE"} for c in agent.children)


def choose(candidates: Sequence[SentenceEvent]) -> SentenceEvent | None:
    """Specific triggers beat general nouns; among equals ACLED's hierarchy decides."""
    if not candidates:
        return None
    order = lexicon()["hierarchy"]
    # "shot down 31 of the 50 Shahed-type drones Russia launched overnight": the launch told with the
    # interception is the interception's
    downed = [c for c in candidates if c.sub_event_type == "Disrupted weapons use"]
    if downed:  # (not "launched two missiles on Dnipro, and air defence shot down one": one got through)
        # ("rockets fired by Ukrainian forces", "the missiles had been launched by Tu-95MS bombers")
        # ("destroyed all missiles and drones launched at the capital", the launch parsed as a second verb)
        # (or "shot down all five Shahed drones that targeted Kremenchuk": what the downed drones were aimed at)
        told_with = [c for c in candidates if lemma(c.trigger) in {"launch", "fire", "target"} and (
            c.trigger.dep_ in {"relcl", "acl", "advcl"} or any(t.dep_ == "auxpass" for t in c.trigger.children)
            or (c.trigger.dep_ == "conj" and any(c.trigger.head == d.trigger for d in downed)
                and not any(t.dep_ in {"nsubj", "nsubjpass"} for t in c.trigger.children)))]
        # ("Air defence units opened fire on several small drones over Isfahan and shot them down": the firing is the downing)
        told_with += [c for c in candidates if lemma(c.trigger) in {"open", "fire", "engage"}
                      and any(c.trigger in d.trigger.conjuncts for d in downed)]
        # and "debris damaged the roof of a garage" is what the downing did
        told_with += [c for c in candidates if any(t.dep_ == "nsubj" and lemma(t) in _DEBRIS for t in c.trigger.children)]
        if any(_all_of_them(d.trigger) for d in downed):
            # "the enemy attacked Odesa region with eight Shahed drones; all eight were destroyed": none got through
            told_with += [c for c in candidates if lemma(c.trigger) in {"launch", "fire", "attack"}
                          and lexicon()["event_types"].get(c.sub_event_type) == "Explosions/Remote violence"]
        candidates = [c for c in candidates if c not in told_with] or list(candidates)
    # "a Russian FPV drone launched from the left bank (Enerhodar area) struck a car in Nikopol": where the weapon that
    # did it was launched from describes the weapon; the act is what it did
    launched = [c for c in candidates if lemma(c.trigger) in {"launch", "fire"} and c.trigger.dep_ == "acl"
                and c.trigger.head.dep_ in {"nsubj", "nsubjpass"} and any(d.trigger == c.trigger.head.head for d in candidates)]
    candidates = [c for c in candidates if c not in launched] or list(candidates)
    # "arrested five men in connection with the attack a week ago in which a crowd stoned a house": what the
    # arrest is for was told before, the arrest is the news
    causes = {i for c in candidates if lemma(c.trigger) in {"arrest", "detain", "apprehend"} for i in _arrest_cause(c.trigger)}
    doc = candidates[0].trigger.doc
    if not any(doc[i].lower_ == "ago" or (doc[i].lower_ == "last" and i + 1 < len(doc) and doc[i + 1].lower_ in {"week", "month", "year"})
               for i in causes):
        causes = set()  # (not "detained over the killing of nine ... found shot dead on Saturday": the killing is news too)
    candidates = [c for c in candidates if c.trigger.i not in causes] or list(candidates)
    # "a crowd of about 30 locals blocked a TCC minibus after its servicemen detained a man, smashed its windows": the
    # detention set off what the sentence tells
    candidates = [c for c in candidates if not (lemma(c.trigger) in {"arrest", "detain", "apprehend"} and c.trigger.dep_ == "advcl"
                                                and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.trigger.children))] \
        or list(candidates)
    # a crowd's grievance told with it is its cause, not the news ("staged a sit-in to demand security after a lecturer
    # was kidnapped last month", "rioters set fire to a police post after rumours spread that a boy had been shot")
    crowds = [c for c in candidates if lexicon()["event_types"].get(c.sub_event_type) in {"Protests", "Riots"}
              or c.sub_event_type == "Looting/property destruction"]
    if crowds:
        candidates = [c for c in candidates if not _in_a_grievance(c.trigger)] or list(candidates)
    # an attempt yields to what was done: "attempted to advance from A and attacked around B" was fought at B
    rank = lambda c: (not c.specific, order.index(c.sub_event_type) if c.sub_event_type in order else 0,  # noqa: E731
                      c.trigger.dep_ == "xcomp" and lemma(c.trigger.head) in lexicon()["attempt_heads"])
    # "discovered a mass burial site ... after the town was retaken from Russian forces": what came before the act the
    # sentence tells is its time, not its news
    candidates = [c for c in candidates if not _what_came_before(c.trigger, candidates)] or list(candidates)
    # "..., according to the Ta'ang National Liberation Army, whose fighters captured the town last month": what the
    # source is told to have done describes the source
    candidates = [c for c in candidates if not _describes_the_source(c.trigger)] or list(candidates)
    best = min(candidates, key=rank)
    # "A missile struck Zaporizhzhia, killing two, the governor said, as troops fought off assaults near
    # Robotyne": a clause hung on the source's words is another happening; the report's own event stands
    reported = [c for c in candidates if c.specific and not _after_the_source(c.trigger)] or [
        c for c in candidates if not _after_the_source(c.trigger)]
    if _after_the_source(best.trigger) and reported:
        best = min(reported, key=rank)
    if best.sub_event_type == "Peaceful protest" or (best.sub_event_type == "Armed clash" and _no_armed_side(best.agent)):
        # "Supporters blocking roads attacked police": protesters who turn violent are rioters; and a clash
        # with no armed side named, told with the crowd's violence, is theirs ("... clashed with police in
        # Llallagua and set fire to the police station")
        best = next((c for c in candidates if c.specific and c.sub_event_type == "Violent demonstration"
                     and c.trigger.dep_ not in {"acl", "relcl"}), best)  # not "to mourn demonstrators killed last month"
    if best.sub_event_type == "Protest with intervention" and lemma(best.trigger) in {"arrest", "detain"}:
        # "Crowds attacked Syrian-owned shops ..., adding that police had detained 67 people": the riot's arrests
        best = next((c for c in candidates if c.specific and c.sub_event_type in {"Violent demonstration", "Mob violence"}
                     and not any(a.dep_ in {"acl", "relcl"} for a in [c.trigger, *c.trigger.ancestors])), best)
    # "attacked Lhubiriha Secondary School ..., burning a dormitory and shooting and hacking students": a participle
    # under an attack on civilians tells how it was done, not a fight of its own
    if best.sub_event_type == "Armed clash" and best.trigger.tag_ == "VBG":
        best = next((c for c in candidates if c.sub_event_type == "Attack" and c.specific and c.trigger in best.trigger.ancestors),
                    best)
    # "a soldier was killed and another lost a leg when they stepped on a mine": the weapon says how, no side fought
    if best.sub_event_type == "Armed clash" and lemma(best.trigger) in {"kill", "wound", "injure"} and _agent(best.trigger) is None:
        best = next((c for c in candidates if lexicon()["event_types"].get(c.sub_event_type) == "Explosions/Remote violence"
                     and c.trigger.dep_ == "advcl" and (c.trigger.head == best.trigger or c.trigger.head in best.trigger.conjuncts)),
                    best)
    # "attacked Wad al-Noura village, shooting residents": the attack on a place no side holds is on its people
    if best.sub_event_type == "Armed clash" and best.trigger.pos_ == "VERB" and _patient(best.trigger) is not None \
            and not words_under(_patient(best.trigger)) & set(lexicon()["military_targets"]):
        best = next((c for c in candidates if c.sub_event_type == "Attack" and c.specific and c.trigger.tag_ == "VBG"
                     and c.trigger.head == best.trigger), best)
    # "A crowd of about 40 residents surrounded a vehicle ..., beat two servicemen and freed a man who had been
    # detained": what the crowd did types it, not what its sentence tells around it
    if lemma(best.trigger) in MOBS:
        best = next((c for c in candidates if c.specific and c.sub_event_type in {"Mob violence", "Violent demonstration"}
                     and _agent(c.trigger) == best.trigger), best)
    # "arrested 14 citizens ... after storming and searching their homes", "raped seven women ... after storming
    # the town": the raid was the way in to what the sentence tells
    arrest = next((c for c in candidates if c.sub_event_type in {"Arrests", "Sexual violence"}), None)
    if arrest is not None and best.sub_event_type in {"Attack", "Armed clash"} and lemma(best.trigger) in _RAIDS \
            and best.agent is None and best.trigger.dep_ in {"pcomp", "advcl"}:
        best = arrest
    # "stormed Faskari town ..., abducting twenty-three people", "stormed a mosque and took away forty-two worshippers":
    # a raid that killed no one was made to take them (or "stormed a small plane ..., set it on fire and took its
    # pilot hostage"), or to loot ("stormed the market in Tamboul and looted shops")
    # (but "stormed the town, shooting residents and setting fire to homes" attacked them)
    harmed = any(c.sub_event_type == "Attack" and c.trigger != best.trigger for c in candidates) or any(
        lemma(t) in _HARMING or (lemma(t) == "open" and any(c.lower_ == "fire" for c in t.children)) for t in best.trigger.subtree)
    taken = next((c for kind in ["Abduction/forced disappearance", "Looting/property destruction"] for c in candidates
                  if c.sub_event_type == kind and (kind != "Looting/property destruction" or not harmed)
                  and (best.trigger in (*list(c.trigger.ancestors)[:2], *c.trigger.children, *c.trigger.conjuncts)
                       or _joined_verb_read_as_participle(c.trigger))), None)
    if taken is not None and best.sub_event_type == "Attack" and lemma(best.trigger) in _RAIDS \
            and not any(lemma(t) in {"kill", "die", "dead", "death", "body"} for t in best.trigger.sent):
        best = replace(taken, agent=taken.agent or best.agent)  # (the raiders did it: "RSF fighters stormed ... and looted")
    if best.sub_event_type == "territory" and best.trigger.tag_ == "VBG" and best.trigger.dep_ == "advcl":
        # "established a base in Mucojo, ..., occupying the abandoned administrative post": how the base was set up
        best = next((c for c in candidates if c.sub_event_type == "Headquarters or base established"
                     and c.trigger == best.trigger.head), best)
    if best.sub_event_type == "Looting/property destruction":
        # "set fire to a Susi Air plane ... and took its New Zealand pilot hostage": the person taken outranks the thing burned
        best = next((c for c in candidates if c.sub_event_type == "Abduction/forced disappearance" and c.specific
                     and c.trigger in best.trigger.conjuncts), best)
    # "Protests erupted in Tripoli ..., with banks set ablaze": what a riot burns is the riot's (not what
    # soldiers loot while a crowd rages)
    riot = next((c for c in candidates if c.sub_event_type == "Violent demonstration"), None)
    if riot is not None and best.sub_event_type == "Looting/property destruction" \
            and not _who(best.agent) & set(lexicon()["security_forces"]):
        best = riot
    # "A man blew himself up ..., killing himself and injuring two guards": the toll of a bomb or a strike
    # is the explosion's, whoever its victims were; so is the toll of fire on a crowd ("Soldiers opened
    # fire on protesters, killing two")
    # (or hung lower: "Junta aircraft bombed and a helicopter strafed a crowd gathered for ..., killing at least 100")
    above = list(best.trigger.ancestors)
    exploded = next((c for c in sorted(candidates, key=lambda c: above.index(c.trigger) if c.trigger in above else len(above))
                     if c.trigger in above and best.trigger.dep_ == "advcl"
                     and best.trigger.tag_ == "VBG" and lemma(best.trigger) in lexicon()["toll_verbs"]
                     and (lexicon()["event_types"].get(c.sub_event_type) == "Explosions/Remote violence"
                          or c.sub_event_type == "Excessive force against protesters")), None)
    best = exploded or best
    # "One person was killed when supporters of two parties clashed with sticks": the killing was the crowd's
    crowd = [c for c in candidates if c.sub_event_type in {"Mob violence", "Violent demonstration"}
             and c.trigger.dep_ == "advcl" and c.trigger.head == best.trigger and lemma(best.trigger) in lexicon()["toll_verbs"]]
    return crowd[0] if crowd else best


def classify_sentence(sentence: Span, places: Sequence[Toponym] = ()) -> str | None:
    """The rule-based sub-event type of a sentence, or None when it reports no event.

    Territorial triggers are resolved without actors here: "Government regains territory" when the
    verb says the ground came back ("retake", "liberate"), else "Non-state actor overtakes territory".
    """
    chosen = choose(sentence_events(sentence, places or _all_as_places(sentence)))
    if chosen is None:
        return None
    if chosen.sub_event_type == "territory":
        rule = lexicon()["verbs"][lemma(chosen.trigger)]
        return "Government regains territory" if rule.get("return") else "Non-state actor overtakes territory"
    return chosen.sub_event_type


def _all_as_places(sentence: Span) -> list[Toponym]:
    """Without a geoparse, named places (GPE/LOC) stand in for toponyms."""
    return [
        Toponym(e.start_char, e.end_char, e.text, e.text, None, None, None)
        for e in sentence.ents
        if e.label_ in {"GPE", "LOC", "FAC"}
    ]


def sentence_places(sentence: Span, places: Sequence[Toponym]) -> list[Toponym]:
    return [p for p in places if sentence.start_char <= p.start < sentence.end_char]


def _place_in(token: Token | None, places: Sequence[Toponym]) -> bool:
    if token is None:
        return False
    tokens = subtree(token)
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return any(lo <= p.start < hi for p in places)


def _names_place(token: Token | None, places: Sequence[Toponym]) -> bool:
    return token is not None and any(p.start <= token.idx < p.end for p in places)


# A sentence end hidden in a citation mark ("...in Kupyansk.[4] The Kremlin..."), which the
# tokenizer glues to the word before it.
_CITATION_END = re.compile(r"[.!?][\"”’]?(?:\[\d+\])+\s+(?=[A-Z“\"])")


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, also cut at line breaks (a headline, a caption or a paragraph never runs
    into the next one, whatever the parser thinks) and after citation marks."""
    table = _tokens(doc)
    cuts = _tokens_starting_at(table.idx, [m.end() for m in _CITATION_END.finditer(doc.text)])
    breaks = set(table.line_breaks)
    marks = sorted(cuts | breaks)  # only these tokens can cut a sentence; the others are not visited
    out = []
    for sentence in doc.sents:
        start = sentence.start
        for i in marks[bisect.bisect_left(marks, sentence.start) : bisect.bisect_left(marks, sentence.end)]:
            if i in cuts and i > start:
                out.append(doc[start:i])
                start = i
            if i in breaks:
                if i > start:
                    out.append(doc[start:i])
                start = i + 1
        if start < sentence.end:
            out.append(doc[start : sentence.end])
    return [s for s in out if not all(table.blank[s.start : s.end])]


def _tokens_starting_at(starts: list[int], offsets: list[int]) -> set[int]:
    """The indices of the tokens that start at one of the character offsets (``starts``: token offsets, sorted)."""
    found = (bisect.bisect_left(starts, offset) for offset in offsets)
    return {i for i, offset in zip(found, offsets) if i < len(starts) and starts[i] == offset}


def is_headline(sentence: Span) -> bool:
    """A line without closing punctuation: a headline, written in the present tense."""
    text = re.sub(r"(\[\d+\])+$", "", sentence.text.rstrip())
    return not text.rstrip("\"”’'").endswith((".", "!", "?", ":", ";"))


# ---------------------------------------------------------------- the CASE 2021 model


class _Encoder:
    """all-MiniLM-L6-v2 (Apache-2.0) fine-tuned to the sub-event types, as int8 ONNX: each text's
    log-probability of every type. Built by ``eval/finetune_event_encoder.py``; the class names
    travel in the file's metadata, so a model and an artefact that disagree are caught at load."""

    def __init__(self, max_tokens: int = 128) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import BertWordPieceTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise ConfigError(f"the event classifier needs onnxruntime and tokenizers: {exc}") from exc
        vocab = resources.files("sitrep").joinpath(VOCAB)
        self.tokenizer = BertWordPieceTokenizer(str(vocab), lowercase=True)
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.enable_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        source = resources.files("sitrep").joinpath(ENCODER)
        try:
            self.session = ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
            self.classes = json.loads(self.session.get_modelmeta().custom_metadata_map["classes"])
        except Exception as exc:  # onnxruntime raises its own types for a missing or broken file
            raise ConfigError(f"cannot load the event encoder at {source}: {exc}") from exc

    def log_probabilities(self, texts: Sequence[str], batch: int = 16) -> np.ndarray:
        out = []
        for i in range(0, len(texts), batch):
            encoded = self.tokenizer.encode_batch(list(texts[i : i + batch]))
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            out.append(log_softmax(self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]))
        return np.vstack(out) if out else np.zeros((0, len(self.classes)), np.float32)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class EventClassifier:
    """A linear model over TF-IDF features, plus the fine-tuned encoder's log-probabilities at
    ``encoder_weight`` (0: TF-IDF alone). The two err differently: together they beat either."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.classes = [str(c) for c in arrays["classes"]]
        self.words = _Block({str(w): i for i, w in enumerate(arrays["word_vocab"])}, arrays["word_idf"], word_ngrams)
        self.chars = _Block({str(w): i for i, w in enumerate(arrays["char_vocab"])}, arrays["char_idf"], char_wb_ngrams)
        self.encoder_weight = float(arrays["encoder_weight"])
        self.coef = arrays["coef"].astype(np.float32)
        self.intercept = arrays["intercept"].astype(np.float32)
        self._encoder: _Encoder | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "EventClassifier":
        source = path or resources.files("sitrep").joinpath(ARTEFACT)
        try:
            with source.open("rb") as handle:
                arrays = dict(np.load(handle, allow_pickle=False))
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"cannot read the event classifier at {source}: {exc}; rebuild it with eval/train_event_classifier.py") from exc
        return cls(arrays)

    def encoded(self, texts: Sequence[str]) -> np.ndarray:
        """The encoder's log-probabilities, in this model's class order (loaded on first use)."""
        if self._encoder is None:
            encoder = _Encoder()
            if encoder.classes != self.classes:
                raise ConfigError("the event encoder and the event classifier were trained on different types; rebuild both")
            self._encoder = encoder
        return self._encoder.log_probabilities(texts)

    def decision(self, texts: Sequence[str], encoded: np.ndarray | None = None) -> np.ndarray:
        """Scores of each type; ``encoded`` may be given when already computed (evaluation)."""
        features = np.hstack([self.words.transform(texts), self.chars.transform(texts)])
        scores = features @ self.coef.T + self.intercept
        if self.encoder_weight:
            scores += self.encoder_weight * (self.encoded(texts) if encoded is None else encoded)
        return scores

    def predict(self, texts: Sequence[str], encoded: np.ndarray | None = None) -> list[str]:
        if not texts:
            return []
        return [self.classes[i] for i in self.decision(texts, encoded).argmax(1)]


def refine(text: str, sub_event_type: str) -> str:
    """Settle what the model confuses within a family by the cue words (``refine`` in the trigger
    lexicon): ground taken without a fight is a non-violent transfer, with one it goes to whoever
    acts first in the text (state or not); a protest met with lethal force, with tear gas or
    arrests, or with neither."""
    rules = lexicon()["refine"]
    low = f" {re.sub(r'[^a-z0-9-]+', ' ', text.lower())} "

    def first(words: Sequence[str]) -> int:
        hits = [low.find(f" {w} ") for w in words]
        return min((h for h in hits if h >= 0), default=-1)

    territory = rules["territory"]
    if sub_event_type in territory["family"]:
        violent, peaceful = first(territory["violent"]) >= 0, first(territory["peaceful"]) >= 0
        if peaceful and not violent:
            return "Non-violent transfer of territory"
        state, non_state = first(territory["state"]), first(territory["non_state"])
        if violent and state >= 0 and (non_state < 0 or state < non_state):
            return "Government regains territory"
        if violent and non_state >= 0:
            return "Non-state actor overtakes territory"
        return sub_event_type
    protests = rules["protests"]
    if sub_event_type in protests["family"]:
        forces = first(protests["forces"]) >= 0
        if forces and first(protests["lethal"]) >= 0:
            return "Excessive force against protesters"
        if first(protests["intervention"]) >= 0:
            return "Protest with intervention"
        return "Peaceful protest"
    return sub_event_type


@lru_cache(maxsize=1)
def default_classifier() -> EventClassifier:
    """The shipped model, loaded once."""
    return EventClassifier.load()


def warm_up() -> None:
    """Load the model and its sentence encoder now: forked workers then share them rather than
    each loading its own."""
    try:
        default_classifier().decision(["Shelling was reported."])
    except ConfigError as exc:
        log.warning("event classifier unavailable, rules decide alone: %s", exc)
