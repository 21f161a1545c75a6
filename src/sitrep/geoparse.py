"""Toponyms: find place names in a parsed article and resolve each to a gazetteer place.

Recognition is not gated on spaCy's labels (the small model calls "Eiseum" a PERSON). Three
sources of mentions are combined, then weighed:

1. gazetteer spotting: the longest run of capitalised tokens (with connectors such as "of", "-")
   whose folded form is a name in the index;
2. spaCy's GPE/LOC/FAC entities that the index knows under a romanisation variant;
3. document coherence: a capitalised word whose phonetic key (``gazetteer.sound_key``) equals that of
   a place already resolved in the same document takes its sense (Iseum, Eiseum, Ezeum after Izyum),
   and a word after a strong locative cue ("village of X") may match the index phonetically when the
   place lies in a country the document is about.

Acronyms ("SBU", "MoD") match only exact names, never loose keys. A name beside an admin word may be a
misspelt division ("Donestk oblast", "Oblast Donetsk"); a division named right after a place ("Hrakove,
Kharkiv Oblast") rules out its namesakes elsewhere.

Each mention gets an evidence score from its context (NER label, cues before and after, kept in
``data/geo_cues.json``; common words in ``data/geo_stopwords.txt``) and from the prior of its best
place; weak mentions are dropped. Resolution scores every candidate place: population and feature
prior, how the name is held (own name or alternate), an admin cue ("Kharkiv region" -> the oblast),
the "X, Y" pattern ("Berestove, Donetsk"), agreement with the countries the document mentions and
proximity to the other places in it; one sense per document.

Demonyms and adjectives ("Ukrainian", "Russians"): not toponyms by default. In sitrep a toponym
is a candidate event location, and "Russian forces in Izium" happened in Ukraine, not Russia.
The EUPEG corpora (GeoWebNews, LGL) do annotate demonyms as toponyms of their country, so the
evaluation passes ``demonyms=True`` to follow the gold convention, and says so.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import importlib.resources
import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein
from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_STOP, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span

from . import datelines
from .gazetteer import Gazetteer, NameKind, name_key, sound_key
from .model import Place, Segment, Toponym

__all__ = ["geoparse"]

DATA = importlib.resources.files("sitrep") / "data"
SKIPPED_SEGMENTS = frozenset({"boilerplate"})  # related headlines name real places; only events skip them
MAX_NAME_TOKENS = 5
ACCEPT = 1.0  # evidence a mention needs to count as a toponym
NEIGHBOUR_KM = 25.0  # a near-miss name this close to a place the text surely names is a place too
NEIGHBOUR_BONUS = 0.5
DIVISION_BONUS = 0.6  # a town's own name inside a province the text names as one ("Belgorod region")
BETWEEN_TOKENS = 6  # "between A and the nearby village of B": how far B may follow the "and"
BIG_CITY = 300_000  # a city with districts of its own ("the Kyivskyi district" of Kharkiv)
HEADING_CITY = 50_000  # the least a post's heading city need be to have districts of its own
HYPHENED_PART_POPULATION = 100_000  # a town this big is itself in "Kharkiv-based", "Dnipro-Kharkiv highway"
ALIAS_CITY_POPULATION = 100_000  # a city this big is meant by an alternate name, even abroad ("Hodeidah")
NEIGHBOUR_MAX_POPULATION = 20_000  # villages and small towns, not a famous town's name on a person
COUNTRY_COHERENCE = 2.0  # weight of "the document is about this country" in resolution
PAIR_SUPPORT = 2.0  # a town beside a county candidate of another name of the document (_paired)
PAIR_KM = 40.0  # about a county's radius: a town and its county
NAMED_ADMIN1 = 1.0  # a local candidate inside a first-level division the document names
STRAY_KM = 1000.0  # a town this far from the province named right after it, in another country, is a namesake
BORDER_KM = 100.0  # a village told inside a province may lie this far outside it, over the border
CHAIN_TOKENS = 8
LIST_TOKENS = 20  # "near Myrolubivka, Lysivka, Selydove and Tsukuryne": how far back a list may open  # "Kani town, Kani township, Sagaing region": how far after a town its province may be named
BRACKET_ASIDE_TOKENS = 30  # "Hamilton (/ˈhæməltən/; 2011 population 519,949) is a city": an aside's length
DESCRIPTION_TOKENS = 5  # "a fifth class municipality in": words between a name and what it is
NAMESAKE_SHARE = 10  # a city with a tenth of its namesake division's people is what the name usually means
ALIEN_TOWN = 2.0  # "X region" where the town X lies outside every province X: the province is meant
ALIEN_DIVISION = 5.0  # a division word no division of the place's country bears ("governorate" in Brazil)
WORDED_DIVISION = 3.0  # a division the text names with its admin word is not what the bare name means
LISTED_NEAR = 1.0  # a town near the town listed beside it ("Oxford and London")
LANDMARK_NEAR = 3.0  # a town at the one the text says it lies off ("south of Pokrovsk near Pishchane"), less farther off
LANDMARK_GAP = 8  # "(about 14 km north of": the most words between a place and the landmark it lies off
LANDMARK_MARGIN = 1.5  # a distance told is rounded: "about 60 km" may be 80
SIDE_DEGREES, SIDE_SLACK_KM = 67.5, 5.0  # how far off the side told ("south of") a place's bearing may be
KM_PER_DEGREE = 111.2
LISTED_DIVISION = 2.0  # a division's sense of a name listed beside a division ("Missouri, New York")
FAME_RATIO = 1000.0  # a local place this many times smaller than a division of the same name is not meant
ALIAS_ADMIN1 = 2.0  # penalty for a division reached only through an alternate name of one of its towns
PERSON_WORD = 2.0  # a surname of someone named in full, never placed by a cue, is that person alone
ACRONYM_LETTERS = 4  # an all-capital word this short is an acronym, not a dateline ("GUR", "NATO")
MISSPELT_DIVISION_LEN = 5  # shortest word matched to a division's name at one edit ("Donestk oblast")
ANCHOR_NEAR_KM, ANCHOR_FAR_KM = 100.0, 300.0  # another resolved place this close supports a candidate
EARTH_KM = 6371.0

FEATURE_PRIOR = {"country": 2.0, "region": 1.0, "admin1": -0.5, "admin2": 0.0, "city": 0.0, "other": -0.5}
BRACKET_TOKENS = 8  # "(Shebekino Raion)", "(Sudzha district, Kursk region, Russia)": how far a bracket may run
RECOGNITION_PRIOR = {"country": 1.5, "region": 1.0, "admin1": 1.0, "admin2": 0.5, "city": 0.0, "other": 0.0}


@functools.cache
def _cues() -> dict:
    raw = json.loads((DATA / "geo_cues.json").read_text(encoding="utf-8"))
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in raw.items()}


@functools.cache
def _stopwords() -> frozenset[str]:
    lines = (DATA / "geo_stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _group_names() -> frozenset[str]:
    """The armed groups and movements the actor file names ("Hamas", "Taliban")."""
    return frozenset(json.loads((DATA / "actor_names.json").read_text(encoding="utf-8"))["named_groups"])


@dataclass
class _Mention:
    start: int  # character offsets into doc.text
    end: int
    tok_start: int
    tok_end: int
    text: str
    candidates: list[tuple[Place, int]]  # (place, NameKind)
    via: str = "gazetteer"  # gazetteer, ner, cue, coherence
    evidence: float = 0.0
    admin_after: bool = False  # an admin word follows ("Kharkiv region") or precedes ("Oblast Donetsk")
    admin_before: bool = False
    bracketed: bool = False  # alone in brackets after a name the index lacks ("Robotyne (Zaporizhia)"): its province
    fuzzy: bool = False  # found under a variant, sound or misspelt key, not as written
    weak: set[int] = field(default_factory=set)  # divisions reached only through a town's alternate name
    place: Place | None = None
    score: float = 0.0
    container: list[Place] = field(default_factory=list)  # places named right after "X, "
    container_mention: "_Mention | None" = None  # the mention they come from
    container_rest: "_Mention | None" = None  # a mention right after it ("Central" + "Jakarta"), should it be weak
    holds: bool = False  # named after "X, ", as X's container
    beside_division: bool = False  # listed beside a name that can only be a division ("Missouri, New York")
    described: bool = False  # its container comes from a description ("a town in Berkshire County")
    worded: bool = False  # named with its admin word after it, as a division ("Niger State")
    sense: tuple = ()  # the mentions of one name that share a sense (_senses)
    cued: bool = False  # a word around it says it is a place ("in X", "X region", "X, Kharkiv Oblast")
    demonym_after: bool = False  # "in Selidovo Russian servicemen ...": the word after it is a demonym
    admin_word: str = ""  # the admin word right after it ("governorate"), which some countries alone use
    listed_with: list["_Mention"] = field(default_factory=list)  # its neighbours in a list ("Oxford and London")
    # places it is told to lie off, with how far it may lie from them ("south of Pokrovsk near Pishchane")
    # and on which side ("south", "northwest"; "" when untold)
    landmarks: list[tuple["_Mention", float, str]] = field(default_factory=list)

    @property
    def container_features(self) -> set[str]:
        return {p.feature for p in self.container}

    @property
    def key(self) -> tuple[str, bool]:
        return name_key(self.text), self.admin_after


def geoparse(
    doc: Doc, segments: Sequence[Segment], gazetteer: Gazetteer, *, demonyms: bool = False
) -> list[Toponym]:
    """The toponyms of ``doc`` outside boilerplate and related-link segments, in text order."""
    allowed = _allowed_ranges(doc, segments)
    words = _Words.of(doc)
    mentions = _spot(words, allowed, gazetteer, demonyms)
    mentions += _ner_mentions(words, allowed, gazetteer, mentions)
    mentions += _misspelt_divisions(words, allowed, gazetteer, mentions)
    loose = _before_division(words, allowed, gazetteer, mentions)
    covered = {i for m in loose for i in range(m.tok_start, m.tok_end)}  # "Mala Komyshuvakha" over "Mala"
    mentions = [m for m in mentions if not covered.intersection(range(m.tok_start, m.tok_end))] + loose
    _link_containers(words, mentions)
    _link_bracketed_names(words, mentions)
    entities = _entity_index(words.ents)
    _mark_demonyms_after(words, mentions, entities, gazetteer)
    for mention in mentions:
        mention.evidence = _evidence(words, mention, entities)  # the name's fame counts before it is narrowed
    people = _doubt_surnames(words, mentions)
    mentions = [m for m in mentions if _narrow_to_container(m)]
    _share_list_evidence(words, mentions)
    _share_between_evidence(words, mentions)
    _share_neighbour_evidence(words, mentions)
    _share_division_evidence(words, mentions)
    paired = _paired(mentions)  # weak mentions too: "the Edgar County Foundation" still says which Paris
    mentions = [m for m in mentions if m.evidence >= ACCEPT]
    named_before = {m.tok_end for m in mentions}
    for mention in mentions:  # a province in brackets after a village the index lacks ("Robotyne (Zaporizhia)")
        mention.bracketed = _bracketed_after_a_name(words, mention) and mention.tok_start - 1 not in named_before
    _add_admin1_candidates(mentions, gazetteer)
    _add_bare_divisions(mentions, gazetteer)
    _link_lists(words, mentions)
    _link_landmarks(words, mentions)
    _resolve(mentions, paired)
    # "Zarichne ... Zarichne, Kharkiv Oblast" with no Zarichne there: one sense per document, so neither is
    # placed elsewhere; nor does the sound-alike pass give the word back the sense it just lost.
    read = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    unfit = {m.sense for m in mentions if not _fits_container(m) and _division_stated(m, mentions)}
    by_start = {m.tok_start: m for m in mentions}
    by_end = {m.tok_end: m for m in mentions}
    unfit |= {m.sense for m in mentions if _off_its_landmarks(m) or _abroad_from_its_district(words, m)
              or _district_of_a_named_city(words, m, mentions) or _abroad_from_its_town(words, m, by_start)
              or _abroad_in_a_chain(words, m, by_start, by_end)}
    mentions = [m for m in mentions if _fits_container(m) and m.sense not in unfit]
    mentions = _without_foreign_descriptions(words, mentions)
    mentions = _near_stated_divisions(words, mentions)
    mentions = _without_stray_lookalikes(mentions)
    mentions += _coherence_mentions(words, allowed, gazetteer, mentions, read | people)
    return [_toponym(words, m) for m in sorted(mentions, key=lambda m: m.start) if m.place is not None]


# ---------------------------------------------------------------- recognition


def _allowed_ranges(doc: Doc, segments: Sequence[Segment]) -> list[tuple[int, int]]:
    if not segments:
        return [(0, len(doc.text_with_ws) if len(doc) else 0)]
    return [(s.start, s.end) for s in segments if s.kind not in SKIPPED_SEGMENTS]


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


@dataclass(frozen=True, slots=True)
class _Words:
    """What the recogniser reads of each token, read once per document: it asks about every token
    many times, and each ``doc[i]`` builds a new spaCy Token object."""

    text: str  # doc.text
    orth: list[str]  # token.text
    lower: list[str]
    idx: list[int]
    alpha: list[bool]
    lowercase: list[bool]  # token.is_lower
    stop: list[bool]
    sent_start: list[bool]
    capitalised: list[bool]
    ents: tuple[Span, ...]  # doc.ents, which builds new Span objects at each call
    people: frozenset[str]  # surnames of people named in full: "Salah" after "Mohamed Salah" is the man
    datelines: frozenset[int]  # where the place of each wire dateline starts ("BEIRUT (AP) —")

    @classmethod
    def of(cls, doc: Doc) -> "_Words":
        # one array call, no Token objects: SENT_START is 1 at a sentence start, else -1 or 0 (unknown)
        array = doc.to_array([ORTH, LOWER, IDX, IS_ALPHA, IS_LOWER, IS_STOP, SENT_START])
        strings = doc.vocab.strings
        orth = [strings[key] for key in array[:, 0].tolist()]
        lower = [strings[key] for key in array[:, 1].tolist()]
        alpha, lowercase, stop, sent_start = (array[:, 3:] == 1).T.tolist()
        ents = doc.ents
        return cls(doc.text, orth, lower, array[:, 2].tolist(), alpha, lowercase, stop, sent_start,
                   [_capitalised(text) for text in orth], ents, _people(ents, orth, lower),
                   frozenset(d.start for d in datelines.of(doc)))

    def __len__(self) -> int:
        return len(self.orth)

    def end(self, i: int) -> int:
        """The character offset just after token ``i``."""
        return self.idx[i] + len(self.orth[i])

    def span(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive), as ``doc[start:end].text``."""
        return self.text[self.idx[start] : self.end(end - 1)]

    def sent_end(self, i: int) -> bool:
        """As ``token.is_sent_end``: the next token starts a sentence, or there is none."""
        return i + 1 == len(self) or self.sent_start[i + 1]


def _people(ents: tuple[Span, ...], orth: list[str], lower: list[str]) -> frozenset[str]:
    """The surnames of the people named in full (two or three capitalised words; "Henry Lazenby US" is
    a byline, not Mr US)."""
    return frozenset(
        lower[ent.end - 1] for ent in ents if ent.label_ == "PERSON" and 2 <= len(ent) <= 3
        and all(orth[j].isalpha() and orth[j][0].isupper() for j in range(ent.start, ent.end))
        and not orth[ent.end - 1].isupper() and lower[ent.start] not in _cues()["time_openers"]  # "Overnight Nikolaev"
    )


def _spot(words: _Words, allowed: list[tuple[int, int]], gazetteer: Gazetteer, demonyms: bool) -> list[_Mention]:
    """Longest runs of name-like tokens, starting with a capital, whose folded form the index knows.

    Several-word names are also tried under their romanisation variant ("Odessa Oblast" for the
    index's "Odesa Oblast"); one word only exactly, since variant keys of short words collide.
    Per token, only the spans inside its run of name-like tokens are tried (usually one).
    """
    name_like = [_name_like(words, i) for i in range(len(words))]
    runs = {i: _run_end(words, name_like, i) for i in range(len(words)) if words.capitalised[i]}
    # one query for every name the loop below may ask about, rather than a query each
    gazetteer.prefetch_keys(name_key(words.span(i, j)) for i, run_end in runs.items() for j in range(run_end, i, -1))
    found: list[_Mention] = []
    i = 0
    while i < len(words):
        hit = _spot_at(words, i, runs[i], allowed, gazetteer, demonyms) if i in runs else None
        if hit and hit.fuzzy and words.stop[i] and i + 1 in runs:
            # "In Dera Ismail Khan": a sentence's capitalised "In" read into a loose match ("In Dera", Jindera) gives
            # way to the name that starts after it
            later = _spot_at(words, i + 1, runs[i + 1], allowed, gazetteer, demonyms)
            hit = later if later is not None and later.tok_end >= hit.tok_end else hit
        if hit:
            found.append(hit)
            i = hit.tok_end
        else:
            i += 1
    return found


def _run_end(words: _Words, name_like: list[bool], i: int) -> int:
    """The end of the run of name-like tokens that starts at token ``i``, at most MAX_NAME_TOKENS long."""
    run_end = i + 1
    while run_end < len(words) and run_end - i < MAX_NAME_TOKENS and name_like[run_end]:
        run_end += 1
    return run_end


def _spot_at(
    words: _Words, i: int, run_end: int, allowed: list[tuple[int, int]], gazetteer: Gazetteer, demonyms: bool
) -> _Mention | None:
    cues = _cues()
    for j in range(run_end, i, -1):
        start, end = words.idx[i], words.end(j - 1)
        surface = words.text[start:end]
        if "\n" in surface or (j - 1 > i and not _wordlike(words, j - 1)) or not _inside(allowed, start, end):
            continue
        if j - 1 > i and words.orth[j - 1] in cues["not_name_end"]:
            continue  # "Mississippi State", "Ohio University": a team or school, not the state
        fuzzy = "none"
        if not gazetteer.has_key(name_key(surface)):
            # "Izium raion" for the index's "Izyum Raion": a division word may end the name in lower case
            division = words.lower[j - 1] in cues["division_words"]
            if (j - i < 2 and not _named_as_place(words, i)) or "," in surface or not (words.capitalised[j - 1] or division) or not all(
                words.capitalised[k] or words.lower[k] in cues["connectors"] or words.lower[k] in cues["admin_after"] or k == j - 1
                for k in range(i, j)
            ):
                continue
            fuzzy = "variant"
        candidates = _usable(surface, gazetteer.lookup_kinds(surface, fuzzy=fuzzy), demonyms)
        if candidates:
            return _Mention(start, end, i, j, surface, candidates, fuzzy=fuzzy != "none")
    return None


def _named_as_place(words: _Words, i: int) -> bool:
    """ "the suburb of Tajoura", "the village of Zarichne", "Graivoron was shelled", a post headed "Berislav.",
    "Graivoron district": the phrase vouches for a one-word name, which may then be looked up under its romanisation
    variant (the index has Tājūrā’, Grayvoron, Beryslav)."""
    cues = _cues()
    return (i > 1 and words.lower[i - 1] in {"of", "to"} and (
        words.span(i - 2, i).lower() in cues["before_phrases"] or words.span(i - 2, i).lower() in cues["settlement_phrases"])) or (
        i > 0 and (words.lower[i - 1] in cues["fire_before"] or words.lower[i - 1] in cues["variant_before"])) or (
        i + 3 <= len(words) and words.span(i + 1, i + 3).lower() in cues["fire_after"]) or _heads_a_line(words, i, i + 1) or (
        # "Graivoron district" heading a post; not "the city's Pokrovskyi district", a city's own
        i + 1 < len(words) and words.lower[i + 1] in cues["division_words"] and (i == 0 or words.lower[i - 1] not in {"the", "'s", "’s"}))


def _part_of_a_hyphened_name(words: _Words, mention: _Mention) -> bool:
    """The name is joined by a hyphen, with no space, to a capitalised word the index does not read with it."""
    def joined(i: int) -> bool:  # token i is a hyphen touching the words on both sides
        return 0 < i < len(words) - 1 and words.orth[i] == "-" and words.idx[i] == words.idx[i - 1] + len(words.orth[i - 1]) \
            and words.idx[i + 1] == words.idx[i] + 1
    def a_name(k: int) -> bool:  # not a party's letter ("D-Winthrop", "R-Texas")
        return words.capitalised[k] and len(words.orth[k]) > 2
    def particle(k: int) -> bool:  # "Qala-e-Bakhtiar", "Mazar-i-Sharif": a name joined through a small word
        return 0 <= k < len(words) and words.orth[k].islower() and len(words.orth[k]) <= 3
    i, j = mention.tok_start, mention.tok_end
    return (joined(i - 1) and (a_name(i - 2) or (particle(i - 2) and joined(i - 3) and a_name(i - 4)))) \
        or (joined(j) and (a_name(j + 1) or (particle(j + 1) and joined(j + 2) and a_name(j + 3))))


def _wordlike(words: _Words, i: int) -> bool:
    """Letters, or letters joined by an apostrophe ("N'Gourma", "Ma'arrat")."""
    return words.alpha[i] or bool(_APOSTROPHISED.fullmatch(words.orth[i]))


_APOSTROPHISED = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")


def _name_like(words: _Words, i: int) -> bool:
    """Tokens a place name may be made of after its first word: capitalised words, connectors ("of", "-",
    ","), and lower-case words that are not function words ("Chasiv yar", "Kharkiv region")."""
    if words.orth[i] == "-" and words.text[words.idx[i] - 1 : words.idx[i]].isspace():
        return False  # "LAGOS - A wildfire": a dash between spaces ends a dateline, not a name
    if words.capitalised[i] or words.lower[i] in _cues()["connectors"]:
        return True
    return words.alpha[i] and words.lowercase[i] and not words.stop[i]


@functools.lru_cache(maxsize=65536)  # asked of the same words again and again
def _acronym(text: str) -> bool:
    """Written as an acronym ("SBU", "GUR") or a mixed-case abbreviation ("MoD"; not "McAllen", "DeKalb").
    Longer words in capitals are often datelines ("BEIRUT (AP)"), see ``_in_capitals``."""
    letters = [c for c in text if c.isalpha()]
    if sum(c.isupper() for c in letters) < 2:
        return False
    return letters[-1].isupper() and (not all(c.isupper() for c in letters) or len(letters) <= ACRONYM_LETTERS)


def _in_capitals(words: _Words, start: int, end: int) -> bool:
    """An acronym, or a word in capitals inside a sentence ("HIMARS"): no sound-alike or misspelt match.
    A dateline starts its sentence ("KUPYANSK (Reuters)") and keeps them."""
    text = words.span(start, end)
    return _acronym(text) or (text.isupper() and not words.sent_start[start])


_ABBREVIATED_WORD = re.compile(r"[A-Z][a-z]+\.")


def _usable(surface: str, candidates: list[tuple[Place, int]], demonyms: bool) -> list[tuple[Place, int]]:
    """Drop matches the surface form cannot mean: lower-case abbreviations, airport codes, demonyms when off,
    and an acronym read as a town's alternate name ("MoD" is not Maud, Oklahoma, alias "Mod"); a mixed-case
    abbreviation is never a place's own name either. All-capital own names stay ("KYIV, Ukraine")."""
    if not demonyms and any(k == NameKind.DEMONYM for _, k in candidates):
        return []  # "Canadian" is the adjective, not Canadian, Texas
    if _ABBREVIATED_WORD.fullmatch(surface) and name_key(surface) in _stopwords():
        return []  # "school No. 91": an abbreviated common word, not Haiti's Nord department (but "U.S." stays)
    kept = []
    letters = len(name_key(surface).replace(" ", ""))
    acronym = _acronym(surface) and letters <= 3
    mixed = _acronym(surface) and not surface.replace(".", "").isupper()
    written_short = surface.replace(".", "").isupper() or surface.endswith(".")
    for place, kind in candidates:
        if kind == NameKind.ABBREVIATION and (not written_short or place.feature == "city"):
            continue
        if (mixed or acronym) and kind != NameKind.ABBREVIATION and (mixed or kind != NameKind.NAME):
            continue
        if kind == NameKind.DEMONYM and not demonyms:
            continue
        if kind != NameKind.ABBREVIATION and letters < 3:
            continue
        kept.append((place, kind))
    return kept


def _ner_mentions(
    words: _Words, allowed: list[tuple[int, int]], gazetteer: Gazetteer, spotted: list[_Mention]
) -> list[_Mention]:
    """Place entities of spaCy that spotting missed, looked up under romanisation variants."""
    taken = {i for m in spotted for i in range(m.tok_start, m.tok_end)}
    found = []
    for ent in words.ents:
        if ent.label_ not in _cues()["ner_place_labels"] or any(i in taken for i in range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        while start < end and not words.capitalised[start]:
            start += 1  # "the Donbas" -> "Donbas"
        if start == end or not _inside(allowed, words.idx[start], ent.end_char):
            continue
        text = words.span(start, end)
        before = words.lower[start - 1] if start > 0 else ""
        if end - start == 1 and before not in _cues()["before"]:
            continue  # one word known only under a variant ("Modi" ~ "Moody"): too weak without a cue
        exact = gazetteer.has_key(name_key(text))
        fuzzy = "none" if _acronym(text) else "variant"  # "GUR" may not meet "Hur" under a variant key
        candidates = _usable(text, gazetteer.lookup_kinds(text, fuzzy=fuzzy), False)
        if candidates:
            found.append(_Mention(words.idx[start], words.end(end - 1), start, end, text, candidates, via="ner",
                                  fuzzy=not exact))
    return found


def _entity_index(ents: tuple[Span, ...]) -> dict[int, tuple[str, int, int]]:
    """Token index -> (label, start, end) of the entity it belongs to; built once per document."""
    return {i: (ent.label_, ent.start, ent.end) for ent in ents for i in range(ent.start, ent.end)}


def _mark_demonyms_after(
    words: _Words, mentions: list[_Mention], entities: dict[int, tuple[str, int, int]], gazetteer: Gazetteer
) -> None:
    """ "in Selidovo Russian servicemen shot ...": a demonym after a name starts no longer name, and NER's
    NORP across the two is its slip, so the town's own label is unknown rather than NORP."""
    def demonym(i: int) -> bool:
        return i < len(words) and words.capitalised[i] and any(
            kind == NameKind.DEMONYM for _, kind in gazetteer.lookup_kinds(words.orth[i]))

    for mention in mentions:
        mention.demonym_after = demonym(mention.tok_end)
        label, start, end = _entity_of(entities, mention)
        if mention.demonym_after and label and start == mention.tok_start and end > mention.tok_end \
                and all(demonym(i) for i in range(mention.tok_end, end)):
            for i in range(start, end):
                entities[i] = ("", start, end)


def _entity_of(entities: dict[int, tuple[str, int, int]], mention: _Mention) -> tuple[str, int, int]:
    """The label and token range of the entity overlapping the mention, or ("", 0, 0)."""
    for i in range(mention.tok_start, mention.tok_end):
        if i in entities:
            return entities[i]
    return "", 0, 0


def _longer_place_name(words: _Words, mention: _Mention, start: int, end: int) -> bool:
    """ "in Mir Ali": the place entity holds another capitalised word the index does not know with the
    mention, so the mention ("Mir", a Belarusian town) is a part of an unknown name, not a place.
    A facility named for its place is not that: "the Henderson County Jail" does name the county."""
    cues = _cues()
    if words.lower[end - 1] in cues["facility_heads"]:
        return False
    return any(
        ((words.capitalised[i] and words.alpha[i]) or _elided_name(words, i))
        and words.lower[i] not in cues["admin_after"] and words.lower[i] not in cues["place_after"]
        for i in range(start, end) if not mention.tok_start <= i < mention.tok_end
    )


def _elided_name(words: _Words, i: int) -> bool:
    """ "l'Artibonite", "d'Ivoire": a name after an elided article."""
    return _wordlike(words, i) and not words.alpha[i] and any(ch.isupper() for ch in words.orth[i])


def _evidence(words: _Words, mention: _Mention, entities: dict[int, tuple[str, int, int]]) -> float:
    """How sure we are that the mention names a place, from its context and its best candidate."""
    cues = _cues()
    label, ent_start, ent_end = _entity_of(entities, mention)
    if ent_start == mention.tok_start - 1 and (_time_opener(words, ent_start) or words.lower[ent_start] in cues["before"]):
        label = ""  # "Overnight Nikolaev was attacked", "Occupied Berdyansk:": NER's PERSON is a cue word and a town
    if label and ("(" in words.orth[mention.tok_end : ent_end] or "(" in words.orth[ent_start : mention.tok_start]):
        label = ""  # "shelled Toretsk (Donetsk)": an entity across the bracket is NER's slip, no WORK_OF_ART
    # "Graivoron district": a name NER saw, though no one's
    districted = label == "PERSON" and ent_end == mention.tok_end < len(words) and words.lower[mention.tok_end] in cues["division_words"]
    ent_len = ent_end - ent_start
    before = words.lower[mention.tok_start - 1] if mention.tok_start > 0 else ""
    before2 = words.span(mention.tok_start - 2, mention.tok_start).lower() if mention.tok_start > 1 else ""
    after = words.lower[mention.tok_end] if mention.tok_end < len(words) else ""
    if after in cues["division_modifiers"] and mention.tok_end + 1 < len(words):
        after = words.lower[mention.tok_end + 1]  # "Shebekino urban district"
    mention.admin_before = _admin_word_before(words, mention.tok_start)
    mention.admin_after = after in cues["admin_after"] or mention.admin_before or _listed_before_divisions(words, mention)
    mention.admin_word = after if after in cues["admin_after"] else ""
    # "Niger State" named so, not as the start of a longer name ("Colorado State University")
    mention.worded = after in cues["admin_after"] and after not in cues["admin_plural"] and not (
        mention.tok_end + 1 < len(words) and words.capitalised[mention.tok_end + 1])
    best = max(mention.candidates, key=lambda pk: pk[0].population)[0]
    kinds = {k for _, k in mention.candidates}
    evidence = RECOGNITION_PRIOR[best.feature] + 0.6 * max(0.0, min(math.log10(best.population + 1) - 3, 4))
    of_division = _of_a_division(words, mention)
    listed = _listed_after_locative(words, mention)
    if label in cues["ner_place_labels"] and _longer_place_name(words, mention, ent_start, ent_end):
        evidence -= 1.0
    elif label in cues["ner_place_labels"] or (label in cues["ner_demonym_labels"] and NameKind.DEMONYM in kinds):
        evidence += 2.0
    elif label in cues["ner_other_labels"] and not of_division and not listed and not districted \
            and not _named_for_its_town(words, mention, ent_start, ent_end):  # not "Antonivka of the Kherson community"
        longer = ent_len > mention.tok_end - mention.tok_start
        evidence -= (2.0 if label == "PERSON" else 1.0) if longer else 0.5
    # "near the town of Daquq": named as a settlement, whatever NER calls the word
    settlement = (before == "of" and mention.tok_start > 1 and words.lower[mention.tok_start - 2] in cues["named_settlements"]) \
        or before in cues["settlement_marks"] or before in cues["fire_before"] or _description(words, mention, near=True) is not None \
        or before2 in cues["settlement_phrases"] \
        or (after in cues["settlement_after"] and words.lowercase[mention.tok_end])  # not "Haymarket Village Center"
    if settlement and ent_end > mention.tok_end and _before_longer_name(words, mention):
        settlement = False  # "the town of Adan Yabaal", NER's one name, when only "Adan" (Aden) is in the index
    dateline = mention.start in words.datelines  # "BUJUMBURA — Unknown assailants threw a grenade ..."
    # "Huliaipole came under artillery fire", "Stepnohirsk and Prymorske were shelled"
    settlement = settlement or (mention.tok_end + 2 <= len(words)
                                and words.span(mention.tok_end, mention.tok_end + 2).lower() in cues["fire_after"])
    locative = before in cues["before"] or before2 in cues["before_phrases"] or _line_head(words, mention) or listed \
        or dateline
    # what places a surname (_doubt_surnames); not "in Obama's stimulus law", which NER may call a GPE
    mention.cued = (mention.admin_after or bool(mention.container_features & {"admin1", "admin2", "country"}) or of_division
                    or after in cues["place_after"] or settlement
                    or (locative and label not in cues["ner_other_labels"] and after not in {"'s", "’s"}))
    if locative or settlement:
        # a post's heading town ("Shebekino. A Ukrainian FPV drone struck ...") stands between the two, when
        # found as written (not "Source:" read as Sursee)
        evidence += 2.0 if settlement or dateline else 1.5 if _line_head(words, mention) and not mention.fuzzy else 1.0
    if mention.admin_after:
        evidence += 2.0
    elif mention.container_features & {"admin1", "admin2", "country"} or _division_in_brackets(words, mention) or of_division:
        evidence += 1.5  # "Dmytrivka, Kharkiv Oblast", "Velykyi Burluk, Kupiansk raion", "Zolochiv (Bohodukhiv raion)"
    elif after in cues["place_after"] or _a_towns_facility(words, mention):
        evidence += 1.0  # (or "burned the Andahuaylas police station", whatever NER calls the name)
    elif after in cues["not_place_after"]:
        evidence -= 3.0 if after in _STREET_WORDS else 2.0  # "on Lenina street": a street's name is no town
    j = mention.tok_end
    if before2 in cues["group_phrases"] and after not in {"'s", "’s"} and (j >= len(words) or not words.alpha[j] or words.stop[j]):
        # "detained 14 alleged members of Los Lobos during raids": a gang's name, not the town (but "a member of
        # Ubari's municipal council", "members of Kharkiv city council": the town's body)
        evidence -= 3.0
    if _part_of_a_hyphened_name(words, mention) and best.feature == "city" and best.population < HYPHENED_PART_POPULATION:
        evidence -= 2.0  # "the village of Gora-Podol", unknown as a whole: neither Góra in Poland nor Kyiv's Podil
    if _quoted_name_of_a_thing(words, mention):
        evidence -= 3.0  # "Russian 'Geran' drones"
    if before == "-" and mention.tok_start > 1 and words.lower[mention.tok_start - 2] in {"pro", "anti"}:
        evidence -= 10.0  # "pro-Kyiv fighters": a side taken, not a place
    if any(c.isdigit() for c in mention.text):
        evidence -= 3.0  # "Route 13", "Highway 1": a numbered road, read under a town's key
    if after == "time" and mention.tok_start > 0 and _CLOCK.fullmatch(words.orth[mention.tok_start - 1].rstrip(".")):
        evidence -= 10.0  # "at around 23:40 Moscow time": a time zone
    if name_key(mention.text) in _stopwords():
        # "North" of "North Waziristan": a common word opening a longer name is never a place alone
        word = mention.text.isalpha() and not mention.text.isupper()  # not "US" of "US President"
        evidence -= 10.0 if word and _before_longer_name(words, mention) else 3.0
    if kinds == {NameKind.ABBREVIATION} and best.feature == "admin1" and before != "," and "." not in mention.text \
            and not (len(mention.text) > 2 and (before == "the" or before in cues["before"])):
        # "RT" (Arta, Djibouti): a bare code is a division mostly as "Dallas, TX"; but "Kleshcheevka of the DPR"
        evidence -= 3.0
    if mention.text.lower() in _group_names() and NameKind.NAME not in kinds and best.feature == "city":
        evidence -= 3.0  # "strikes against Hamas": a group, not Hamm, whose other name it happens to be (but "Azov")
    if _inside_longer_name(words, mention):
        evidence -= 1.5
    elif _before_longer_name(words, mention) and not _named_for_its_town(words, mention, ent_start, ent_end):
        evidence -= 1.0
    # a label says NER saw a name, not merely a capital letter; but a number's or a time's ("Man 64 years
    # old received ...", DATE) says nothing of the kind
    named = label in cues["ner_place_labels"] or label in cues["ner_demonym_labels"] or label in cues["ner_other_labels"]
    if words.sent_start[mention.tok_start] and not named and not dateline \
            and not (_line_head(words, mention) and not mention.fuzzy):  # "Halba: angry young men blocked ..." heads its post
        evidence -= 1.0
    return evidence


def _a_towns_facility(words: _Words, mention: _Mention) -> bool:
    """ "the Andahuaylas police station", "the Djibo military camp": a town's own facility, named in lower case after it."""
    j = mention.tok_end
    heads = set(_cues()["facility_heads"]) - set(_cues()["not_place_after"])  # (not "on Lenina street": a street's name)
    if j < len(words) and words.lowercase[j] and words.lower[j] in heads:
        return True
    return j + 1 < len(words) and words.lowercase[j] and words.lowercase[j + 1] and words.lower[j + 1] in heads \
        and words.lower[j] in {"police", "military", "army", "city", "regional", "district", "central", "main", "bus", "railway"}


def _quoted_name_of_a_thing(words: _Words, mention: _Mention) -> bool:
    """ "Russian 'Geran' drones", "the 'Tavush for the Homeland' movement": a quoted name, the place's word
    opening it, of the thing named after it."""
    i, j = mention.tok_start - 1, mention.tok_end
    if i < 0 or words.orth[i] not in _QUOTES:
        return False
    close = next((k for k in range(j, min(j + 6, len(words) - 1)) if words.orth[k] in _QUOTES or words.sent_end(k)), None)
    return close is not None and words.orth[close] in _QUOTES and words.lower[close + 1] in _cues()["named_things"]


# a street's or a quarter's name is no town ("on Lenina street", "in the Kanal microdistrict of Chasiv Yar")
_STREET_WORDS = frozenset({"street", "st", "avenue", "ave", "boulevard", "microdistrict", "microdistricts", "micro",
                           "microraion", "microraions", "mikrorayon"})  # not "Douglas County Road 4"
_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "«", "»", "`", "``", "''"})


def _listed_after_locative(words: _Words, mention: _Mention) -> bool:
    """ "near Myrolubivka, Lysivka, Selydove and Tsukuryne": every name of a list that a locative opens is
    as placed as the first (NER calls most of them organisations)."""
    i = mention.tok_start - 1
    if i < 1 or words.lower[i] not in {",", "and", "or"}:
        return False
    while i > 0 and mention.tok_start - i <= LIST_TOKENS and not words.sent_start[i] and (
            words.lower[i] in {",", "and", "or"} or (words.capitalised[i] and words.alpha[i]) or words.orth[i] == "-"):
        i -= 1
    after = mention.tok_end
    modifies = after < len(words) and words.alpha[after] and words.lowercase[after] and words.lower[after] not in {"and", "or"}
    # not "draws on Russian, Ukrainian, and Western reporting": adjectives before a noun
    return words.lower[i] in _LIST_OPENERS and words.capitalised[i + 1] and not modifies


# prepositions of place that open a list of places ("near A, B and C"); not "of" ("a mix of Arabic and English")
_LIST_OPENERS = frozenset({"in", "near", "at", "around", "outside", "towards", "toward", "between", "into", "on"})


def _of_a_division(words: _Words, mention: _Mention) -> bool:
    """ "Antonivka of the Kherson community", "Borova of the Izium district": a place told as part of a
    division named after it (which NER reads as one organisation's name)."""
    i = mention.tok_end
    if i + 2 >= len(words) or words.lower[i] != "of":
        return False
    i += 2 if words.lower[i + 1] == "the" else 1
    start = i
    while i < len(words) and i - start < MAX_NAME_TOKENS and words.capitalised[i] and words.alpha[i]:
        i += 1
    return start < i < len(words) and words.lower[i] in _cues()["division_words"] | _COMMUNITY_WORDS


_COMMUNITY_WORDS = frozenset({"community", "hromada", "territorial"})  # Ukraine's hromadas, as translated


_QUARTER_WORDS = frozenset({"microdistrict", "neighbourhood", "neighborhood", "quarter"})


def _line_head(words: _Words, mention: _Mention) -> bool:
    """ "⚠️ Seredyna-Buda: this morning a drone hit ...", "Kirovograd. The day before yesterday ...": a name
    heading a line of a post, before a colon or alone as its first sentence, says where the post's news is,
    as a dateline does."""
    return _heads_a_line(words, mention.tok_start, mention.tok_end)


def _heads_a_line(words: _Words, start: int, end: int) -> bool:
    if end < len(words) and words.lower[end] == "again":
        end += 1  # "Nikopol again: overnight the aggressor hit the city"
    if end < len(words) and words.orth[end] == ",":
        # or before a part of it: "Melitopol, Novyi Melitopol micro-district.", "Kostiantynivka, Donetsk region:"
        stop = next((k for k in range(end + 1, min(end + 7, len(words))) if words.orth[k] in {":", "."}), None)
        # (or before its day: "Melitopol, evening of 8 June: unknown persons threw a grenade")
        if stop is None or (words.lower[stop - 1] not in _cues()["division_words"] | _QUARTER_WORDS
                            and not _WHEN.fullmatch(words.span(end + 1, stop))):
            return False
        end = stop
    if end >= len(words) or words.orth[end] not in {":", "."}:
        return False
    i = start - 1
    while i >= 0 and not words.orth[i].isspace() and (not any(c.isalnum() for c in words.orth[i])
                                                       or _CLOCK.fullmatch(words.orth[i])):
        i -= 1  # a bullet, an emoji or a post's time before it ("15:05. Krasnaya Yaruga. An FPV drone ...")
    return i < 0 or "\n" in words.orth[i]


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\.?")
_MONTHS = "|".join(name.lower() for name in calendar.month_name[1:])
_WHEN = re.compile(rf"(?i)(?:(?:early|late|on|the|in|at|morning|evening|afternoon|night|of|{_MONTHS}|\d{{1,2}}(?:st|nd|rd|th)?"
                   r"|\d{1,2}[:.]\d{2}|\w+day)\s*)+")  # "evening of 8 June", "3 March, 19:40", "Sunday morning"


def _doubt_surnames(words: _Words, mentions: list[_Mention]) -> set[int]:
    """A surname of someone the document names in full is that person, unless a cue places one of its
    mentions: "the next Salah", after "Mohamed Salah"; but "Hamilton is a city in Hancock County ...
    named for Alexander Hamilton" keeps its town. Lowers those mentions' evidence and returns the
    tokens of the surname (which the sound-alike pass must not take back)."""
    placed = {words.lower[m.tok_start] for m in mentions if m.cued}
    doubted = words.people - placed
    for mention in mentions:
        if mention.tok_end - mention.tok_start == 1 and words.lower[mention.tok_start] in doubted:
            mention.evidence -= PERSON_WORD
    return {i for i, word in enumerate(words.lower) if word in doubted}


def _bracketed_after_a_name(words: _Words, mention: _Mention) -> bool:
    """ "near Robotyne (Zaporizhia)": a name alone in brackets after a place's name is its province, as event
    notes write it."""
    i, j = mention.tok_start, mention.tok_end
    return i > 1 and j < len(words) and words.orth[i - 1] == "(" and words.orth[j] == ")" and words.capitalised[i - 2] \
        and words.alpha[i - 2]


def _division_in_brackets(words: _Words, mention: _Mention) -> bool:
    """ "Novaya Tavolzhanka (Shebekino Raion)", "Novoselivka (Kramatorsk raion, Donetsk)": a division's name
    in brackets right after the name, as think-tank reports and event notes place villages, whether or not
    the index knows the division."""
    i = mention.tok_end
    if i >= len(words) or words.orth[i] != "(":
        return False
    inside = range(i + 1, min(i + 1 + BRACKET_TOKENS, len(words)))
    close = next((k for k in inside if words.orth[k] == ")"), None)
    return close is not None and words.capitalised[i + 1] and any(
        words.lower[k] in _cues()["division_words"] for k in range(i + 2, close))


def _add_admin1_candidates(mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """ "Kursk region", "Robotyne (Zaporizhia)": the first-level division that holds the city of that name, even
    without an alias."""
    for mention in mentions:
        if (named := _named_division(mention, gazetteer)):
            # "the Leningrad region", "the Moscow region": the oblast known by that whole name, not the division of the
            # city the bare name is (Saint Petersburg was Leningrad; Moscow is a federal city of its own)
            mention.candidates = named + [(p, k) for p, k in mention.candidates if p.feature != "admin1"]
            continue
        if not (mention.admin_after or mention.bracketed) or any(p.feature == "admin1" or k == NameKind.DEMONYM for p, k in mention.candidates):
            continue  # nor "the Canadian province": an adjective, not the province of Canadian, Victoria
        cities = [(p, k) for p, k in mention.candidates if p.feature == "city" and p.admin1]
        for place, kind in cities[:1]:  # the most populous: "Odessa Oblast" is not the oblast of Odessa, NY
            admin1 = gazetteer.admin1_place(place.country, place.admin1)
            if admin1 is not None and not mention.admin_after and not _named_alike(place.name, admin1.name):
                continue  # "Fig Leaf Boutique (Maywood)": a town, not California; but "(Zaporizhia)" is the oblast
            if admin1 is not None and admin1.geonameid not in {p.geonameid for p, _ in mention.candidates}:
                mention.candidates.append((admin1, NameKind.ALTERNATE))
                if kind != NameKind.NAME:  # "Ukraine Oblast" is not Andalucia through its town alias "Ukraine"
                    mention.weak.add(admin1.geonameid)


def _named_division(mention: _Mention, gazetteer: Gazetteer) -> list[tuple[Place, int]]:
    """The first-level divisions whose own name is the mention's name with a region word ("Leningrad Oblast")."""
    word = mention.admin_word
    if word not in _REGION_WORDS:
        return []
    base = mention.text[: -len(word)].strip() if mention.text.lower().endswith(word) else mention.text
    found: dict[int, tuple[Place, int]] = {}
    for variant in dict.fromkeys([word, *_REGION_WORDS]):
        for place, kind in gazetteer.lookup_kinds(f"{base} {variant}"):
            if place.feature == "admin1" and kind != NameKind.ABBREVIATION:
                found.setdefault(place.geonameid, (place, kind))
    return list(found.values())


_REGION_WORDS = ("oblast", "region", "province", "krai", "kray")


def _named_alike(city: str, division: str) -> bool:
    """A division named for its city ("Zaporizka oblast" for Zaporizhzhia, "Sumska" for Sumy)."""
    a, b = name_key(city), name_key(division)
    shared = len(os.path.commonprefix([a, b]))
    return shared >= 3 and shared >= 0.6 * min(len(a), len(b.split()[0]))


def _add_bare_divisions(mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """ "Cordoba province": the index holds that whole name only for Argentina's province; Colombia's
    department of Córdoba is the bare name's. A name ending in an admin word also takes the divisions
    its bare name has in other countries, and the document's other places choose between them. Not in
    the same country: there the whole name says which it is ("Kyiv Oblast", not the city's region)."""
    division_words = _cues()["division_words"]
    for mention in mentions:
        last = mention.text.rsplit(maxsplit=1)
        if len(last) < 2 or last[1].lower() not in division_words:
            continue
        countries = {p.country for p, _ in mention.candidates}
        mention.candidates += [(p, k) for p, k in gazetteer.lookup_kinds(last[0])
                               if p.feature in ("admin1", "admin2") and p.country not in countries]


def _listed_before_divisions(words: _Words, mention: _Mention) -> bool:
    """ "Kharkiv and Donetsk oblasts", "Kano, Kaduna and Katsina states": a plural admin word after a list
    of names applies to each of them."""
    cues = _cues()
    j, joined = mention.tok_end, False
    while j < len(words) and not words.sent_end(j - 1):
        if words.lower[j] in cues["admin_plural"]:
            return joined
        if words.lower[j] in ("and", ","):
            joined = True
        elif not (words.capitalised[j] and words.alpha[j]):
            return False
        j += 1
    return False


def _admin_word_before(words: _Words, i: int) -> bool:
    """ "Oblast Donetsk": an admin word before the name, itself not the end of another name ("Kharkiv oblast")."""
    if i < 1 or words.lower[i - 1] not in _cues()["admin_before"]:
        return False
    return i < 2 or words.sent_end(i - 2) or not (words.capitalised[i - 2] and words.alpha[i - 2])


def _phrase_start(words: _Words, mention: _Mention) -> int:
    """The first token of the mention with an admin word before it ("Stepne, Oblast Donetsk")."""
    return mention.tok_start - 1 if _admin_word_before(words, mention.tok_start) else mention.tok_start


def _inside_longer_name(words: _Words, mention: _Mention) -> bool:
    """ "Canal Street", "Orange line": a word after another capitalised word, inside a name that is not a place."""
    i = mention.tok_start
    # not after a capitalised preposition: "In Bilenke, a drone dropped ...", nor a participle opening the
    # sentence ("Occupied Berdyansk: unknown persons threw a grenade")
    cue = words.lower[i - 1] in _cues()["before"] if i > 0 else False
    return i > 0 and words.capitalised[i - 1] and not words.sent_start[i] and words.alpha[i - 1] \
        and not (cue and (words.stop[i - 1] or (words.sent_start[i - 1] and words.lower[i - 1].endswith("ed")))) \
        and not _time_opener(words, i - 1)


def _time_opener(words: _Words, i: int) -> bool:
    """ "Overnight", "Yesterday" opening a sentence before a name: a time word, not the name's first word; so is
    a holiday's eve ("On New Year's Eve Kupyansk came under fire", read as a woman named Eve)."""
    eve = words.lower[i] == "eve" and i > 0 and (words.lower[i - 1] in {"'s", "’s"} or words.capitalised[i - 1])
    return eve or (words.sent_start[i] and words.lower[i] in _cues()["time_openers"])


_HYPHENED_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "sur", "en", "aux", "lès", "d", "l"})


def _named_for_its_town(words: _Words, mention: _Mention, ent_start: int, ent_end: int) -> bool:
    """ "at Kasoa Old Market", "outside Kampala Central Police Station": a town's facility, named first for the town;
    so is its military or regional body ("the Poltava Military Institute of Communications")."""
    opens = ent_start == mention.tok_start or (ent_start == mention.tok_start - 1 and words.lower[ent_start] == "the")
    return opens and ent_end > mention.tok_end and (words.lower[ent_end - 1] in _cues()["town_facilities"]
                                                    or words.lower[mention.tok_end] in _cues()["town_bodies"])


def _before_longer_name(words: _Words, mention: _Mention) -> bool:
    """ "Mala Komyshuvakha" when only "Mala" is in the index, "Bay of Bengal" when only "Bay" is: the first
    word of a longer unknown name."""
    j = mention.tok_end
    if j + 1 < len(words) and words.lower[j] == "of" and words.alpha[j + 1] and words.capitalised[j + 1]:
        return True
    if j + 1 < len(words) and words.orth[j] == "-" and words.lower[j + 1] in _HYPHENED_PARTICLES:
        return True  # "Petite-Rivière-de-l'Artibonite" when only "Petite Rivière" (Mauritius) is in the index
    return j < len(words) and words.alpha[j] and words.capitalised[j] and words.lower[j] not in _cues()["admin_after"] \
        and not mention.demonym_after


def _share_list_evidence(words: _Words, mentions: list[_Mention]) -> None:
    """A name listed with an accepted place ("Kharkiv and Kupiansk", "Izium, Lyman", "struck Kozacha
    Lopan, Slatyne, and Tsyrkuny") is likely one too, wherever in the list the sure one stands; a
    name accepted anywhere in the text is sure in its lists too."""
    accepted = {name_key(m.text) for m in mentions if m.evidence >= ACCEPT}
    chains: list[list[_Mention]] = []
    for mention in sorted(mentions, key=lambda m: m.tok_start):
        if chains and _listed_after(words, chains[-1][-1], mention):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    for chain in chains:
        if len(chain) > 1 and any(m.evidence >= ACCEPT or name_key(m.text) in accepted for m in chain):
            for mention in chain:
                if mention.evidence < ACCEPT:
                    mention.evidence += 1.0
            for before, mention, after in zip(chain, chain[1:], chain[2:]):
                if before.evidence >= ACCEPT and after.evidence >= ACCEPT:
                    # "struck Andriiashivka, Nedryhailiv, and Lypova Dolyna": between two places, a place
                    mention.evidence = max(mention.evidence, ACCEPT)


def _share_between_evidence(words: _Words, mentions: list[_Mention]) -> None:
    """ "on the road between Bint Jbeil and the nearby village of Ainata": the two ends of a stretch are
    places alike, whatever NER calls the first."""
    by_start = {m.tok_start: m for m in mentions}
    for mention in mentions:
        i, j = mention.tok_start, mention.tok_end
        if mention.evidence >= ACCEPT or i == 0 or words.lower[i - 1] != "between" or j >= len(words) or words.lower[j] != "and":
            continue
        other = next((by_start[k] for k in range(j + 1, min(j + 1 + BETWEEN_TOKENS, len(words))) if k in by_start), None)
        if other is not None and other.evidence >= ACCEPT:
            mention.evidence += 1.0


def _listed_after(words: _Words, before: _Mention, mention: _Mention) -> bool:
    """Only list joiners between the two names: ",", "and", ", and", "or"."""
    between = range(before.tok_end, mention.tok_start)
    return 1 <= len(between) <= 2 and all(words.lower[i] in _cues()["list_joiners"] for i in between)


def _share_neighbour_evidence(words: _Words, mentions: list[_Mention]) -> None:
    """ "Russian servicemen raising a flag in central Shcherbynivka (south of Toretsk)": a name that just
    misses the bar (the small model calls many villages a PERSON), whose village lies within NEIGHBOUR_KM
    of a town the text surely names, is a place of that neighbourhood; unless the text also writes it
    inside a person's longer name ("Megyn Kelly"), which makes the short one a surname."""
    near_misses = [m for m in mentions if ACCEPT - NEIGHBOUR_BONUS <= m.evidence < ACCEPT]
    if not near_misses:
        return
    sure: dict[tuple[str, str], list[Place]] = defaultdict(list)  # by province: only those can be near enough
    for m in mentions:
        if m.evidence >= ACCEPT:
            for p, _ in m.candidates:
                if p.feature == "city":
                    sure[(p.country, p.admin1)].append(p)
    surnames = _inside_longer_names(words, mentions)
    for mention in near_misses:
        if name_key(mention.text) in surnames:
            continue
        # a village under its own name: not a famous town, nor one reached through an alternate name
        # ("Kelly" for Harvest, Alabama), which given names and surnames often are
        villages = [p for p, kind in mention.candidates
                    if p.feature == "city" and kind == NameKind.NAME and p.population < NEIGHBOUR_MAX_POPULATION]
        if any(_distance_km(v, s) <= NEIGHBOUR_KM
               for v in villages for s in sure.get((v.country, v.admin1), ()) if s.geonameid != v.geonameid):
            mention.evidence += NEIGHBOUR_BONUS


def _share_division_evidence(words: _Words, mentions: list[_Mention]) -> None:
    """ "Shebekino came under fire ... (Governor of Belgorod region)": a name that misses the bar (NER
    called it a PERSON), that is the very name of a town inside a province the text names as one, is a
    place of that province; not a surname the text writes in a person's longer name."""
    named = {(p.country, p.admin1) for m in mentions if m.evidence >= ACCEPT and m.admin_after  # its namesakes' province
             for p, _ in m.candidates if p.feature in ("admin1", "city") and p.admin1}
    if not named:
        return
    surnames = _inside_longer_names(words, mentions)
    for mention in mentions:
        if not ACCEPT - DIVISION_BONUS <= mention.evidence < ACCEPT or name_key(mention.text) in surnames:
            continue
        if any(p.feature == "city" and (p.country, p.admin1) in named for p, kind in mention.candidates):
            mention.evidence += DIVISION_BONUS


def _link_lists(words: _Words, mentions: list[_Mention]) -> None:
    """Names joined by a comma or "and" are items of one list, and of one kind: beside a name that can only
    be a division, a name is more likely a division too ("Missouri, New York")."""
    by_end = {m.tok_end: m for m in mentions}
    for mention in mentions:
        neighbour = by_end.get(mention.tok_start - 1)
        if neighbour is None or words.lower[mention.tok_start - 1] not in _cues()["list_joiners"]:
            continue
        if neighbour.container_mention is mention:
            continue  # "Kherson, Kherson Oblast": a town and its division, not a list
        mention.beside_division |= _only_division(neighbour)
        neighbour.beside_division |= _only_division(mention)
        mention.listed_with.append(neighbour)
        neighbour.listed_with.append(mention)


def _link_landmarks(words: _Words, mentions: list[_Mention]) -> None:
    """A place told as lying off another ("attacked south of Pokrovsk near Pishchane", "Shevchenko
    (southwest of Pokrovsk)", "Berestove, 15km northeast of Soledar", "a village about 8 km from Batibo") lies within the distance told,
    or within ANCHOR_NEAR_KM: that says which namesake of a common village name is meant, or that the
    index lacks the village."""
    cues = _cues()
    directions, fillers = set(cues["directions"]), set(cues["landmark_fillers"])
    ordered = sorted(mentions, key=lambda m: m.tok_start)
    for a, b in zip(ordered, ordered[1:]):
        between = words.lower[a.tok_end : b.tok_start]
        # not a list of landmarks: "north of Slovyansk, southeast of Siversk"
        a_landmark = a.tok_start >= 2 and words.lower[a.tok_start - 1] == "of" and words.lower[a.tok_start - 2] in directions
        if (0 < len(between) <= LANDMARK_GAP and between[-1] == "of" and directions.intersection(between)
                and all(w in fillers or w in directions or _numeric(w) for w in between) and not a_landmark):
            side = next(w for w in between if w in directions)
            a.landmarks.append((b, _told_km(between), side))  # "Shevchenko (southwest of Pokrovsk)"
        elif (between and between[-1] == "near" and set(between[:-1]) <= {",", "city", "town"}  # "of Sumy City near"
              and a.tok_start >= 2 and words.lower[a.tok_start - 1] == "of"
              and words.lower[a.tok_start - 2] in directions):
            b.landmarks.append((a, ANCHOR_NEAR_KM, words.lower[a.tok_start - 2]))  # "south of Pokrovsk near Pishchane"
        elif between in (["(", "near"], [",", "near"]) and not a_landmark:
            a.landmarks.append((b, ANCHOR_NEAR_KM, ""))  # "Lyubimovka (near Korenevo)"
        elif (0 < len(between) <= LANDMARK_GAP and between[-1] == "from" and any(w in cues["distance_units"] for w in between)
              and all(w in fillers or _numeric(w) for w in between[:-1]) and not a_landmark):
            a.landmarks.append((b, _told_km(between), ""))  # "Guzang, a village about 8 km from Batibo"
    for mention in ordered:  # "northeast of Sumy City near Yunakivka and Andriivka": a list lies off it together
        if not mention.landmarks:
            mention.landmarks = [lm for other in mention.listed_with if other.tok_start < mention.tok_start for lm in other.landmarks]


def _numeric(word: str) -> bool:
    return word.replace(".", "", 1).replace(",", "").isdigit()


def _told_km(words: list[str]) -> float:
    """How far off its landmark a place may lie: what the text says, with a margin, and never less
    than ANCHOR_NEAR_KM ("about 60 km east of", "15km northeast of")."""
    units = _cues()["distance_units"]
    told = [float(w.replace(",", "")) * units[unit] for w, unit in zip(words, words[1:]) if _numeric(w) and unit in units]
    return max([ANCHOR_NEAR_KM, *(LANDMARK_MARGIN * km for km in told)])


def _town_landmarks(mention: _Mention) -> list[tuple[_Mention, float, str]]:
    """Its landmarks resolved to towns: a province's point says nothing of how far off a village lies."""
    return [lm for lm in mention.landmarks if lm[0].place is not None and lm[0].place.feature == "city"]


def _on_the_wrong_side(landmark: Place, place: Place, side: str) -> bool:
    """ "Andriivka south of Bakhmut": a namesake to the north or the west of Bakhmut is another village.
    A bearing within SIDE_DEGREES of the side told fits ("south" said of a south-southwest)."""
    north = (place.lat - landmark.lat) * KM_PER_DEGREE
    east = (place.lon - landmark.lon) * KM_PER_DEGREE * math.cos(math.radians(landmark.lat))
    told = (("north" in side) - ("south" in side), ("east" in side) - ("west" in side))
    km = math.hypot(north, east)
    if km <= SIDE_SLACK_KM or told == (0, 0) or place.population >= NEIGHBOUR_MAX_POPULATION:
        return False  # a town that size is no namesake of a village
    cosine = (north * told[0] + east * told[1]) / (km * math.hypot(*told))
    return cosine < math.cos(math.radians(SIDE_DEGREES))


def _off_its_landmarks(mention: _Mention) -> bool:
    """A village told as lying off a town it is nowhere near is a namesake: the index lacks the one meant."""
    place, towns = mention.place, _town_landmarks(mention)
    return place is not None and place.feature == "city" and bool(towns) and not any(
        m.place.geonameid == place.geonameid or (_distance_km(m.place, place) <= km and not _on_the_wrong_side(m.place, place, side))
        for m, km, side in towns)


def _only_division(mention: _Mention) -> bool:
    return all(p.feature == "admin1" for p, _ in _contenders(mention))


# ---------------------------------------------------------------- resolution


def _before_division(
    words: _Words, allowed: list[tuple[int, int]], gazetteer: Gazetteer, mentions: list[_Mention]
) -> list[_Mention]:
    """ "Blagodatnoye, Kharkiv Oblast": a name right before ", <first-level division>" may be spelt in
    another romanisation or garbled; look it up under its variant and then its sound key, among the
    places of that division only (the division is the evidence the loose key lacks). Fills in the
    candidates of a known name none of whose places lie there ("Vinnitsa" is also a Russian village),
    and adds names the index does not hold as written. Returns the new mentions."""
    by_end = {m.tok_end: m for m in mentions}
    found = []
    for division in list(mentions):
        admin1s = [p for p, _ in division.candidates if p.feature == "admin1"]
        comma = _phrase_start(words, division) - 1
        if not admin1s or comma < 1 or words.orth[comma] != ",":
            continue
        named = by_end.get(comma)
        if named is not None:
            loose_ok = not _in_capitals(words, named.tok_start, named.tok_end)
            if loose_ok and not any(_contains(a, p) for a in admin1s for p, _ in named.candidates):
                named.candidates += _inside_division(gazetteer, named.text, admin1s)
            continue
        start = comma
        while start > 0 and comma - start < 3 and _loose_name_token(words, start - 1):
            start -= 1
        for i in range(start, comma):  # longest first
            if not words.capitalised[i] and not (i > 0 and words.lower[i - 1] in _cues()["before"]):
                continue
            begin, end = words.idx[i], words.end(comma - 1)
            if not _inside(allowed, begin, end) or _in_capitals(words, i, comma):
                continue
            candidates = _inside_division(gazetteer, words.text[begin:end], admin1s)
            if candidates:
                found.append(
                    _Mention(begin, end, i, comma, words.text[begin:end], candidates, via="division", fuzzy=True)
                )
                break
    return found


def _loose_name_token(words: _Words, i: int) -> bool:
    """A word that may be part of a misspelt name: letters and apostrophes ("Lysyschans'k"), no function word."""
    letters = words.orth[i].replace("'", "").replace("’", "")
    return letters.isalpha() and not words.stop[i] and words.lower[i] not in _cues()["before"]


def _inside_division(gazetteer: Gazetteer, name: str, admin1s: list[Place]) -> list[tuple[Place, int]]:
    """Places called ``name`` under a variant or sound key that lie inside one of the divisions."""
    for fuzzy in ("variant_only", "sound_only"):
        inside = [(p, NameKind.ALTERNATE) for p, _ in gazetteer.lookup_kinds(name, fuzzy=fuzzy)
                  if p.feature == "city" and any(_contains(a, p) for a in admin1s)]
        if inside:
            return inside
    return []


def _misspelt_divisions(
    words: _Words, allowed: list[tuple[int, int]], gazetteer: Gazetteer, mentions: list[_Mention]
) -> list[_Mention]:
    """ "Donestk oblast", "Oblast Donestk": an unknown capitalised word beside an admin word, one edit
    (a transposition counts as one) from the name of a first-level division. The admin word is the
    evidence; the divisions are few, so the loose match rarely meets the wrong one."""
    # (a one-word name read only under a variant key, as no division, may still be one misspelt: "Ninewa governorate"
    # is no "Nineva", Wisconsin)
    loose = {m.tok_start: m for m in mentions if m.fuzzy and not any(p.feature == "admin1" for p, _ in m.candidates) and (
        m.tok_end == m.tok_start + 1 or (m.tok_end == m.tok_start + 2 and words.lower[m.tok_start + 1] in _cues()["region_words"]))}
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)} - set(loose)
    found = []
    for i in range(len(words)):
        if i in taken or not words.alpha[i] or not words.capitalised[i]:
            continue
        if _in_capitals(words, i, i + 1):
            continue
        after = words.lower[i + 1] if i + 1 < len(words) else ""
        if after not in _cues()["region_words"] and not _admin_word_before(words, i):
            continue
        key = name_key(words.orth[i])
        if len(key) < MISSPELT_DIVISION_LEN or gazetteer.has_key(key) or key in _stopwords():
            continue
        if not _inside(allowed, words.idx[i], words.end(i)):
            continue
        keys = gazetteer.admin1_keys()
        near = process.extract(key, list(keys), scorer=OSA.distance, score_cutoff=1, limit=None)
        ids = {pid for name, _, _ in near if name[0] == key[0] for pid in keys[name]}
        places = [p for p in (gazetteer.get(pid) for pid in ids) if p is not None]
        if places:
            candidates = [(p, NameKind.ALTERNATE) for p in sorted(places, key=lambda p: -p.population)]
            if i in loose:
                loose[i].candidates = candidates  # the admin word says which of the two readings it is
                continue
            found.append(_Mention(words.idx[i], words.end(i), i, i + 1, words.orth[i],
                                  candidates, via="division", fuzzy=True))
    return found


def _divisions(mention: _Mention) -> list[Place]:
    """The divisions the text puts the place in; none from a name too weak to be a place itself
    ("Debre Markos, the capital of East Gojjam zone": not the East region of Cameroon), but those of
    the name right after it ("Senayan, Central Jakarta": Jakarta's)."""
    container = mention.container
    named_by, rest = mention.container_mention, mention.container_rest
    if named_by is not None and named_by.evidence < ACCEPT:
        container = [p for p, _ in rest.candidates] if rest is not None and rest.evidence >= ACCEPT else []
    return [c for c in container if c.feature in ("admin1", "country")]


def _narrow_to_container(mention: _Mention) -> bool:
    """ "Hrakove, Kharkiv Oblast": when the text names the division right after the place, a candidate
    inside it beats any outside, and a name found only under a loose key is not placed outside it at all.
    False when nothing is left."""
    divisions = _divisions(mention)
    if not divisions:
        return True
    inside = [
        (p, k) for p, k in mention.candidates if any(_contains(d, p) and d.feature != p.feature for d in divisions)
    ]
    if inside:
        mention.candidates = inside
    elif mention.fuzzy:
        mention.candidates = [(p, k) for p, k in mention.candidates if p.feature in ("country", "region")]
    return bool(mention.candidates)


def _link_bracketed_names(words: _Words, mentions: list[_Mention]) -> None:
    """ "Dzerzhinsk (Toretsk)", "Artemivsk (Bakhmut)": a place's other name in brackets right after it; where
    the two names share a place, both mean it (not Dzerzhinsk in Russia, whose own name it is). A spelling
    of the same sound ("Udachnoye (Udachne, southwest of Pokrovsk)") means the bracketed name's places."""
    by_start = {m.tok_start: m for m in mentions}
    for mention in mentions:
        i = mention.tok_end
        other = by_start.get(i + 1) if i + 1 < len(words) and words.orth[i] == "(" else None
        if other is None or other.tok_end >= len(words) or not words.orth[other.tok_end].startswith((")", ",")):  # "):" too
            continue
        shared = {p.geonameid for p, _ in mention.candidates} & {p.geonameid for p, _ in other.candidates}
        if shared:
            mention.candidates = [(p, k) for p, k in mention.candidates if p.geonameid in shared]
            other.candidates = [(p, k) for p, k in other.candidates if p.geonameid in shared]
        elif _initial(mention.text) == _initial(other.text) and Levenshtein.distance(
                sound_key(mention.text), sound_key(other.text), score_cutoff=1) <= 1:
            mention.candidates = list(other.candidates)


def _link_containers(words: _Words, mentions: list[_Mention]) -> None:
    """ "Berestove, Donetsk": the second name is a container that narrows down the first."""
    by_start = {_phrase_start(words, m): m for m in mentions}
    listed_after = {  # not after an abbreviated state: "Louisville, Ky., New Haven, Conn."
        m.tok_end + 1 for m in mentions
        if m.tok_end < len(words) and words.orth[m.tok_end] == "," and not m.text.endswith(".")
    }
    for mention in mentions:
        if mention.tok_start in listed_after:  # "Missouri, New York, North Carolina and Virginia"
            continue
        comma = mention.tok_end
        while comma < len(words) and comma - mention.tok_end < 2 and words.capitalised[comma] and words.alpha[comma]:
            comma += 1  # "Mala Komyshuvakha, Kharkiv Oblast": the division holds the whole name, not "Mala"
        if comma + 1 < len(words) and words.orth[comma] == ",":
            nxt = by_start.get(comma + 1)
            # (not a possessor: "Artemovsk, Moscow's name for Bakhmut")
            owner = nxt is not None and nxt.tok_end < len(words) and words.lower[nxt.tok_end] in {"'s", "’s"}
            if nxt is not None and not owner and not _listed_on(words, nxt, by_start):
                mention.container = [p for p, _ in nxt.candidates]
                mention.container_mention = nxt
                mention.container_rest = by_start.get(nxt.tok_end)
                nxt.holds = True
                continue
        bracketed = _bracketed_division(words, mention, by_start)
        if bracketed is not None:  # "Novoselivka (Kramatorsk raion, Donetsk)": the province in the brackets holds it
            mention.container = [p for p, _ in bracketed.candidates]
            mention.container_mention = bracketed
            bracketed.holds = True
            continue
        within = _within_a_division(words, mention, by_start)
        if within is not None:  # "Dzerzhinsk in the DPR", "Pokrovsk in the Donetsk region": the division holds it
            mention.container = [p for p, _ in within.candidates]
            mention.container_mention = within
            within.holds = True
            continue
        described = _described_in(words, mention, by_start)
        if described:
            mention.container = [p for m in described for p, _ in m.candidates]
            mention.container_mention = described[0]
            mention.described = True  # "a town in the province of Bulacan": the town Bulacan stands for its province
            for container in described:
                container.holds = True


def _within_a_division(words: _Words, mention: _Mention, by_start: dict[int, _Mention]) -> _Mention | None:
    """The division named right after "in" or "in the" ("Dzerzhinsk in the DPR", "Pokrovsk in the Donetsk
    region"): a division's code or a name told with its admin word (not "Cornwall in South West England",
    nor "Obama in Hawaii", where the name before is no town of the division)."""
    i = mention.tok_end
    if i + 1 >= len(words) or words.lower[i] != "in":
        return None
    nxt = by_start.get(i + 2 if words.lower[i + 1] == "the" else i + 1)
    if nxt is None or not nxt.candidates or not any(p.feature == "city" for p, _ in mention.candidates):
        return None
    code = {k for _, k in nxt.candidates} == {NameKind.ABBREVIATION}
    # told with its admin word, read here from the words (the mention's own flag is set later, with its evidence)
    worded = nxt.tok_end < len(words) and words.lower[nxt.tok_end] in _cues()["admin_after"]
    divisions = all(p.feature in {"admin1", "admin2"} for p, _ in nxt.candidates)
    return nxt if (divisions and code) or (worded and any(p.feature == "admin1" for p, _ in nxt.candidates)) else None


def _bracketed_division(words: _Words, mention: _Mention, by_start: dict[int, _Mention]) -> _Mention | None:
    """The narrowest name that can be a province or else a country, in a bracket of divisions right after
    the mention: "Donetsk" of "(Kramatorsk raion, Donetsk)", "Kursk region" of "(Sudzha district, Kursk
    region, Russia)". A raion narrows nothing: the index does not say which towns it holds."""
    if not _division_in_brackets(words, mention):
        return None
    found = _bracketed_after(words, mention, by_start)
    for feature in ("admin1", "country"):
        if holder := next((m for m in found if any(p.feature == feature for p, _ in m.candidates)), None):
            return holder
    return None


def _bracketed_after(words: _Words, mention: _Mention, by_start: dict[int, _Mention]) -> list[_Mention]:
    """The names in the bracket right after the mention ("Caracas (Libertador, Capital District)")."""
    found, k = [], mention.tok_end + 1
    while k < len(words) and words.orth[k] != ")":
        if (inside := by_start.get(k)) is not None:
            found.append(inside)
            k = inside.tok_end
        else:
            k += 1
    return found


def _description(words: _Words, mention: _Mention, near: bool = False) -> int | None:
    """Where the settlement word of a description of the place stands ("X is a town in", "X, the capital
    of"), a bracketed aside allowed before it ("Milton (2011 population 84,362) is a town in"); with
    ``near``, one that places it by something else ("Bilozerka, a town near the Dnipro river")."""
    cues = _cues()
    k = mention.tok_start
    if k > 1 and words.lower[k - 1] in cues["connectors"] and words.lower[k - 1] not in {",", "and", "'s"} \
            and words.capitalised[k - 2]:
        return None  # "Plan de Oriente, a community on ...": the description is the longer name's
    i = mention.tok_end
    if i < len(words) and words.orth[i] == "(":
        close = next((k for k in range(i + 1, min(i + BRACKET_ASIDE_TOKENS, len(words))) if words.orth[k] == ")"), None)
        if close is None:
            return None
        i = close + 1
    if i + 1 >= len(words) or words.lower[i] not in (",", "is", "was") or words.lower[i + 1] not in ("a", "an", "the"):
        return None
    j = i + 2
    while j < min(i + 2 + DESCRIPTION_TOKENS, len(words)) and words.lower[j] not in cues["settlement_words"]:
        if not (words.lowercase[j] or words.orth[j] == "-" or words.orth[j].isdigit()) \
                or words.lower[j] in cues["not_description"]:
            return None  # "Paris, a Democrat"; "Lancaster, the name of his home town in England"
        j += 1
    if j + 1 >= len(words) or words.lower[j] not in cues["settlement_words"]:
        return None
    first = j
    while j + 2 < len(words) and words.lower[j + 1] in cues["settlement_words"]:
        j += 1  # "a port city in", "the capital city of"
    if not (words.lower[j + 1] == "in" or (near and words.lower[j + 1] in {"near", "outside", "on"})
            or (words.lower[j + 1] == "of" and {words.lower[first], words.lower[j]} & cues["settlement_of"])):
        return None
    return j


def _described_in(words: _Words, mention: _Mention, by_start: dict[int, _Mention]) -> list[_Mention]:
    """ "Aberdeen, a small town in New South Wales, Australia", "Santa Fe is a municipality in the province of
    Romblon", "Tillaberi, the capital of the region": the names a description of the place puts it in."""
    if (j := _description(words, mention)) is None:
        return []
    cues = _cues()
    found: list[_Mention] = []
    k = j + 2
    while k < min(j + 2 + DESCRIPTION_TOKENS * 2, len(words)) and not words.sent_end(k - 1):
        if (container := by_start.get(k)) is not None:
            found.append(container)
            k = container.tok_end
        elif words.lower[k] in (",", "the", "of") or words.lower[k] in cues["division_words"] \
                or (not found and words.lowercase[k]):  # "in the upper Hunter Region of ..."
            k += 1
        else:
            break
    return found


def _listed_on(words: _Words, mention: _Mention, by_start: dict[int, _Mention]) -> bool:
    """ "Saipan, Guam, Alaska": a name followed by a comma and another name is an item of a list, unless
    it is abbreviated like a state after its town ("New Haven, Conn., Sioux Falls, S.D.") or named as a
    division ("Kupiansk raion"). So is one followed by "and" and a name that is no division ("Washington,
    New York and Boston"; not "Springfield, Illinois and Springfield, Missouri")."""
    after = mention.tok_end
    if after + 1 >= len(words) or mention.text.endswith("."):
        return False
    if words.lower[after - 1] in _cues()["division_words"]:
        return False  # "Velykyi Burluk, Kupiansk raion, Kharkiv oblast": divisions, each in the next
    if words.orth[after] == "," and not (after + 2 < len(words) and words.lower[after + 1] in ("and", "or")):
        return after + 1 in by_start
    if words.orth[after] == ",":
        after += 1  # "Kyiv, Lviv, and Dnipro": the serial comma before the last item
    last = by_start.get(after + 1) if words.lower[after] in ("and", "or") else None
    return last is not None and not any(p.feature in ("admin1", "country") for p, _ in last.candidates)


def _fits_container(mention: _Mention) -> bool:
    """ "Adamivka, Donetsk Oblast" where no Adamivka of the index lies in that oblast: better unresolved than
    placed at a namesake hundreds of kilometres away."""
    if mention.place is None or mention.place.feature in ("country", "region"):
        return True
    place = mention.place
    divisions = [c for c in _divisions(mention) if c.feature == "country" or place.feature != "admin1"]
    if not divisions:
        return True
    if mention.described and not any(c.country == place.country for c in divisions):
        return True  # "Baidoa, the capital of South West state": a region abroad (Cameroon's) is the wrong reading
    near_km = 0.0 if mention.fuzzy else BORDER_KM  # a border village; not a look-alike name over the border
    return any(
        _contains(c, place) or c.geonameid == place.geonameid or (c.feature == "admin1" and _distance_km(c, place) < near_km)
        for c in divisions
    )


def _without_foreign_descriptions(words: _Words, mentions: list[_Mention]) -> list[_Mention]:
    """The division a description puts a town in ("Baidoa, the capital of South West state"), read as
    one in another country than the town's, is a namesake: the town stands, the division goes."""
    wrong = {id(m.container_mention) for m in mentions if m.described and m.place is not None
             and m.container_mention is not None and m.container_mention.place is not None
             and m.container_mention.place.feature in ("admin1", "admin2") and m.container_mention.place.country != m.place.country}
    # "Caracas (Libertador, Capital District)": the index's only Capital District is in the Philippines
    by_start = {m.tok_start: m for m in mentions}
    wrong |= {id(b) for m in mentions if m.place is not None and m.place.feature == "city" and _division_in_brackets(words, m)
              for b in _bracketed_after(words, m, by_start)
              if b.place is not None and b.place.feature in ("admin1", "admin2") and b.place.country != m.place.country}
    return [m for m in mentions if id(m) not in wrong]


def _without_stray_lookalikes(mentions: list[_Mention]) -> list[_Mention]:
    """ "fighters burned homes in Meza, in Ancuabe district", in a story whose other places are all in
    Mozambique: with no Meza there in the index, Mieza in Spain, found under a looser key, in a country
    no name of the story is written for and thousands of km from all of them, is not the place; nor is
    a town reached only through an alternate name ("Tawila" in Darfur: At Tawilah, Yemen)."""
    exact = [m.place for m in mentions if m.place is not None and not _loose(m) and m.place.feature != "region"]
    by_country: dict[str, set[int]] = defaultdict(set)
    for place in exact:
        by_country[place.country].add(place.geonameid)

    def abroad(place: Place, sure: list[Place]) -> bool:
        return all(_distance_km(p, place) > STRAY_KM for p in sure)

    def stray(m: _Mention) -> bool:
        if m.place is None or m.place.feature not in ("city", "admin2"):
            return False
        if _loose(m) and _stray_village(m.place, [p for p in exact if p.feature != "country"]):
            return True  # "Zhuravlevka" in a Belgorod governor's report: not Zhuravlivka, Vinnytsia, 500 km off
        if _loose(m):  # (not a city as big as Hodeidah named as a place by an alternate name: "the port of Hodeidah")
            return len(exact) >= 2 and m.place.country not in by_country and abroad(m.place, exact) \
                and not (not m.fuzzy and m.cued and m.place.population >= ALIAS_CITY_POPULATION)
        # "Liancourt and Verrettes" in a report from Haiti: a village of that name in France, in no
        # country any other name of the report is in, is a namesake of one the index lacks
        if m.place.population >= NEIGHBOUR_MAX_POPULATION or by_country.get(m.place.country, set()) - {m.place.geonameid}:
            return False
        others = [p for p in exact if p.geonameid != m.place.geonameid]
        return len(others) >= 3 and abroad(m.place, others)

    def lone_compass(m: _Mention) -> bool:
        # "Air defence units of the East air command": a compass word is a division of that name (Cameroon's
        # East) only in a story with another place in its country
        return m.place is not None and name_key(m.text) in _COMPASS_WORDS and not (
            by_country.get(m.place.country, set()) - {m.place.geonameid})

    return [m for m in mentions if not stray(m) and not lone_compass(m)]


_COMPASS_WORDS = frozenset({"east", "west", "north", "south", "centre", "center", "central", "northeast", "northwest",
                            "southeast", "southwest", "north east", "north west", "south east", "south west"})


def _loose(m: _Mention) -> bool:
    """Found under a looser key, or only through an alternate name ("Tawila")."""
    return m.fuzzy or all(k != NameKind.NAME for p, k in m.candidates if m.place is not None and p.geonameid == m.place.geonameid)


def _stray_village(place: Place, local: list[Place]) -> bool:
    """A village matched loosely (a variant spelling, an alternate name), in a country none of the
    story's towns and provinces is in, and far from all of them, is a namesake of one the index lacks."""
    return (
        place.population < NEIGHBOUR_MAX_POPULATION and len(local) >= 2 and place.country not in {p.country for p in local}
        and all(_distance_km(p, place) > ANCHOR_FAR_KM for p in local)
    )


def _near_stated_divisions(words: _Words, mentions: list[_Mention]) -> list[_Mention]:
    """ "near Kani town, Kani township, Sagaing region": with no Kani of Myanmar in the index, Kani in Japan,
    thousands of km from the province named right after it, is a wrong namesake, not the place."""
    stated = [  # a province named as one ("Sagaing region", "region of the Centre-Nord"), in one country whatever its sense
        m for m in mentions if m.place is not None and (
            (m.place.feature == "admin1" and (m.admin_after or words.lower[m.tok_end - 1] in _cues()["division_words"]
                                              or _division_of(words, m.tok_start)))
            or (m.place.feature in ("city", "admin2") and _a_district_follows(words, m.tok_end)))  # "the Shebekino urban district"
        and len({p.country for p, _ in m.candidates}) == 1
    ]
    if not stated:
        return mentions

    def astray(m: _Mention) -> bool:
        divisions = [d for d in stated if 0 <= d.tok_start - m.tok_end <= CHAIN_TOKENS]  # the town's own chain
        if m.place is None or m.place.feature not in ("city", "admin2") or not divisions:
            return False
        if words.span(m.tok_end, divisions[0].tok_start).lower() in ("in", "in the", "of", "of the"):
            # "Plekhovo in the Kursk region": told inside it, so not Plekhiv, 330 km off in Ukraine; nor is
            # "Yablonovka of the Donetsk People's Republic" Yablonovskiy in Adygea
            return not any(_contains(d.place, m.place) or _distance_km(d.place, m.place) < BORDER_KM for d in divisions)
        return all(d.place.country != m.place.country and _distance_km(d.place, m.place) > STRAY_KM for d in divisions)

    return [m for m in mentions if not astray(m)]


def _a_district_follows(words: _Words, j: int) -> bool:
    """ "Shebekino urban district", "Chuhuiv raion": a town's district named right after it."""
    if j < len(words) and words.lower[j] in _cues()["division_modifiers"]:
        j += 1
    return j < len(words) and words.lower[j] in {"district", "raion", "rayon"}


def _division_of(words: _Words, i: int) -> bool:
    """ "region of the Centre-Nord", "province of Bam": a division word and "of" before the name."""
    if i >= 1 and words.lower[i - 1] == "the":
        i -= 1
    return i >= 2 and words.lower[i - 1] == "of" and words.lower[i - 2] in _cues()["division_words"]


def _district_of_a_named_city(words: _Words, mention: _Mention, mentions: list[_Mention]) -> bool:
    """ "Kharkov — drones hit the Kyivskyi district", "the Kyivskyi district of Kharkiv": a city's district,
    which the index lacks, not the namesake district of another city hundreds of kilometres away."""
    i, j = mention.tok_start, mention.tok_end
    districts = {"district", "raion", "rayon", "suburb", "neighbourhood", "neighborhood"}  # "the Glen View suburb of Harare"
    named_so = words.lower[j - 1] in districts or (j < len(words) and words.lower[j] in districts)
    # "the Kyivskyi district", "the city's Prymorskyi district"
    its = i > 1 and words.lower[i - 1] in {"'s", "’s"} and words.lower[i - 2] == "city"
    if mention.place is None or not named_so or i == 0 or (words.lower[i - 1] != "the" and not its):
        return False
    # "the Sudzha district of Kursk region", after a MOSCOW dateline: the division it says it is of owns it
    k = j + 1 if j < len(words) and words.lower[j] in districts else j
    if k + 1 < len(words) and words.lower[k] == "of":
        owner = next((m for m in mentions if m.tok_start in (k + 1, k + 2) and m.place is not None), None)
        if owner is not None and owner.place.feature != "city":
            return False
    # "in the Kryvyi Rih district" after a KYIV dateline: a big city names its own district (but a post's heading
    # city names the district it tells of)
    big = mention.place.population >= BIG_CITY
    sentence = range(_sentence_start(words, i), _sentence_end(words, i))
    # (or heading the post: "Kharkiv. Overnight, enemy drones hit the Kyivskyi district of the city.")
    # (a post's heading city may be smaller, or indexed smaller: "Kherson: ... in the Dniprovskyi district")
    cities = [m.place for m in mentions if m is not mention and m.place is not None and m.place.feature == "city" and (
        (not big and m.place.population >= BIG_CITY and (m.tok_start in sentence or m.start in words.datelines)) or (
            m.place.population >= HEADING_CITY and _line_head(words, m) and m.tok_end <= i
            and not any("\n" in w for w in words.orth[m.tok_end : i])))]
    # (not "Kharkiv: shelling hit the Izium district", a district of the city's own province)
    return any(_distance_km(city, mention.place) > NEIGHBOUR_KM * 2 and city.admin1 != mention.place.admin1 for city in cities)


def _sentence_start(words: _Words, i: int) -> int:
    while i > 0 and not words.sent_start[i]:
        i -= 1
    return i


def _sentence_end(words: _Words, i: int) -> int:
    while i + 1 < len(words) and not words.sent_start[i + 1]:
        i += 1
    return i + 1


def _abroad_from_its_district(words: _Words, mention: _Mention) -> bool:
    """ "in Chai, Macomia district": with no Chai of Mozambique in the index, Çey in Turkey, in another
    country than the district named after it and far from it, is a namesake, not the place."""
    after = mention.container_mention
    if mention.place is None or after is None or after.place is None or after.place.feature not in ("city", "admin2"):
        return False
    if after.tok_end >= len(words) or words.lower[after.tok_end] not in _cues()["division_words"] or not _loose(mention):
        return False
    return mention.place.country != after.place.country and _distance_km(after.place, mention.place) > BORDER_KM


def _abroad_from_its_town(words: _Words, mention: _Mention, by_start: dict[int, _Mention]) -> bool:
    """ "near Lido beach in Mogadishu": with no Lido of Somalia in the index, Lido Beach in New York, far from the
    town the text places it in, is a namesake; the name is of something in the town."""
    j = mention.tok_end
    if j < len(words) and words.lower[j] in _cues()["facility_heads"] | {"beach", "village", "hill", "valley", "forest"}:
        j += 1  # "beach", "market"; not "Russia maintains in London", whose verb says nothing of where Russia is
    town = by_start.get(j + 1) if j + 1 < len(words) and words.lower[j] == "in" else None
    if mention.place is None or town is None or town.place is None or town.place.feature != "city" \
            or mention.place.feature != "city":
        return False
    return mention.place.country != town.place.country and _distance_km(town.place, mention.place) > BORDER_KM


def _abroad_in_a_chain(words: _Words, mention: _Mention, by_start: dict[int, _Mention], by_end: dict[int, _Mention]) -> bool:
    """ "Colomi, Chapare province, Cochabamba": a division between two places of one country, read in another
    (Chapare is also a name of an Afghan village), is that country's division the index lacks."""
    j = mention.tok_end + (1 if mention.admin_word else 0)
    before = by_end.get(mention.tok_start - 1) if mention.tok_start > 0 and words.orth[mention.tok_start - 1] == "," else None
    after = by_start.get(j + 1) if j + 1 < len(words) and words.orth[j] == "," else None
    if not mention.admin_word or mention.place is None or before is None or after is None \
            or before.place is None or after.place is None:
        return False
    return before.place.country == after.place.country != mention.place.country


def _division_stated(mention: _Mention, accepted: list[_Mention]) -> bool:
    """Whether the name after the comma was itself read as a division ("Kharkiv Oblast"), not a weak word
    ("Kansas City, North")."""
    after = mention.container_mention
    return after is not None and after.place is not None and after.place.feature in ("admin1", "country") and any(
        a is after for a in accepted
    )


def _contains(container: Place, place: Place) -> bool:
    if container.feature == "country":
        return container.country == place.country
    if container.feature == "admin1" or (container.feature == "city" and container.admin1):
        return container.country == place.country and container.admin1 == place.admin1
    return False


_Point = tuple[float, float, float]  # latitude and longitude in radians, cosine of the latitude


def _point(place: Place) -> _Point:
    lat = math.radians(place.lat)
    return lat, math.radians(place.lon), math.cos(lat)


def _arc_km(a: _Point, b: _Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, cos1 = a
    lat2, lon2, cos2 = b
    h = math.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


def _distance_km(a: Place, b: Place) -> float:
    return _arc_km(_point(a), _point(b))


@dataclass
class _Context:
    """What the rest of the document says, from the previous pass: countries, divisions, places."""

    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)  # (country, admin1) of the resolved local places
    admin1_by_key: Counter = field(default_factory=Counter)  # the same, by (country, admin1, name key)
    countries_by_key: defaultdict = field(default_factory=lambda: defaultdict(Counter))  # name key -> countries
    anchors: dict[tuple[str, bool], Place] = field(default_factory=dict)  # resolved local places by name
    named_admin1s: set[tuple[str, str]] = field(default_factory=set)  # first-level divisions the text names
    worded: set[tuple[str, int]] = field(default_factory=set)  # (name, division) named so: "Niger State"
    paired: frozenset[int] = frozenset()  # town and county candidates of two names that lie together (_paired)

    nearest: dict[tuple[int, tuple[str, bool]], float] = field(default_factory=dict)  # (candidate, name) -> km

    @functools.cached_property
    def anchor_points(self) -> tuple[list[float], list[tuple[int, frozenset, _Point]]]:
        """The distinct anchors with the names they resolve, converted for ``_arc_km`` once rather than for
        every candidate, sorted by latitude (with the latitudes apart, for bisection)."""
        places: dict[int, Place] = {}
        names: defaultdict[int, set] = defaultdict(set)
        for key, place in self.anchors.items():
            places[place.geonameid] = place
            names[place.geonameid].add(key)
        points = sorted(((pid, frozenset(names[pid]), _point(p)) for pid, p in places.items()), key=lambda a: a[2][0])
        return [point[0] for _, _, point in points], points

    def nearest_anchor_km(self, place: Place, key: tuple[str, bool]) -> float:
        """How far the nearest place another name resolved to lies, exact under ANCHOR_FAR_KM (else more,
        or infinity): a name's own sense of the last pass does not anchor its other senses ("Artemovsk"
        as Bakhmut drew it to Kypuche, 60 km off). Memoised, as a name's mentions share candidates."""
        memo = (place.geonameid, key)
        if memo not in self.nearest:
            point = _point(place)
            # a place more than ANCHOR_FAR_KM of latitude away is farther than that: only a band is measured
            band = (ANCHOR_FAR_KM + 1.0) / EARTH_KM  # radians; the extra km covers rounding
            latitudes, points = self.anchor_points
            lo, hi = bisect.bisect_left(latitudes, point[0] - band), bisect.bisect_right(latitudes, point[0] + band)
            others = (_arc_km(a, point) for pid, names, a in points[lo:hi] if pid != place.geonameid and names != {key})
            self.nearest[memo] = min(others, default=math.inf)
        return self.nearest[memo]


def _candidate_score(mention: _Mention, place: Place, kind: int, context: _Context) -> float:
    score = 0.5 * math.log10(place.population + 10) + FEATURE_PRIOR[place.feature]
    namesake = place.feature == "city" and _namesake_of_division(mention, place)
    # "New York" names New York City as well; "Artemovsk" names Bakhmut as its own name did until 2016
    former = _cues()["former_names"].get(mention.key[0]) == place.geonameid
    score += 1.0 if kind == NameKind.NAME or namesake or former else 0.0
    if mention.admin_after or mention.bracketed or (mention.holds and place.feature in ("admin1", "city")):
        score += 3.0 if place.feature == "admin1" else -1.0  # "Kharkiv region"; "Buffalo, New York"; "Robotyne (Zaporizhia)"
    if mention.admin_after and place.feature == "city" and _outside_its_divisions(mention, place):
        score -= ALIEN_TOWN  # "Zaporozhye region": Ukraine's oblast, not a village of Kazakhstan
    if place.country not in _cues()["division_countries"].get(mention.admin_word, (place.country,)):
        score -= ALIEN_DIVISION  # "Bethlehem governorate": Palestine's, not Brazil's Para (Belem), where no governorate is
    if place.feature == "admin1" and mention.beside_division:
        score += LISTED_DIVISION
    if any(_contains(c, place) for c in mention.container
           if c.geonameid != place.geonameid and (c.feature != place.feature or mention.described)):
        score += 3.0
    # The countries of the document's other names: a name's own mentions would vote for its first guess.
    own = context.countries_by_key[mention.key]
    total = sum(context.countries.values()) - sum(own.values())
    if total and place.country:
        score += COUNTRY_COHERENCE * (context.countries[place.country] - own[place.country]) / total
    inside = context.admin1s[(place.country, place.admin1)]
    if place.feature == "admin1" or namesake:
        # places of other names inside a division (its namesake city does not count) support it, and as
        # much the namesake city they surround: "Kharkiv" beside Chuhuiv, "New York" beside Brooklyn
        score += min(2.0, 1.0 * (inside - context.admin1_by_key[(place.country, place.admin1, mention.key)]))
    elif place.feature == "city" and inside:
        score += 0.5
    if place.feature == "admin1" and not mention.admin_after and (mention.key[0], place.geonameid) in context.worded:
        score -= WORDED_DIVISION  # "Niger State" named so: the bare "Niger" of the same story is the country
    if place.feature in ("city", "admin2") and (place.country, place.admin1) in context.named_admin1s:
        score += NAMED_ADMIN1  # "Palestine" in a story that names Texas
    if context.anchors and place.feature not in ("country", "region"):
        nearest = context.nearest_anchor_km(place, mention.key)
        score += 2.0 if nearest < ANCHOR_NEAR_KM else 1.0 if nearest < ANCHOR_FAR_KM else 0.0
    if place.geonameid in context.paired:
        score += PAIR_SUPPORT
    if place.feature == "city" and any(
        n.place is not None and n.key != mention.key and n.place.feature == "city" and _distance_km(n.place, place) < ANCHOR_FAR_KM
        for n in mention.listed_with
    ):
        score += LISTED_NEAR  # "universities in Oxford and London": a list's towns lie near one another
    if place.feature == "city":  # "Shevchenko (southwest of Pokrovsk)": the Shevchenko near Pokrovsk, the nearer the likelier
        score += LANDMARK_NEAR * max((1.0 - _distance_km(m.place, place) / km for m, km, side in _town_landmarks(mention)
                                      if m.place.geonameid != place.geonameid and not _on_the_wrong_side(m.place, place, side)),
                                     default=0.0)
    if place.geonameid in mention.weak:
        score -= ALIAS_ADMIN1
    return score


def _outside_its_divisions(mention: _Mention, city: Place) -> bool:
    """A town of the name that lies in none of the provinces of the name: not what "X region" means."""
    divisions = [p for p, _ in mention.candidates if p.feature == "admin1"]
    return bool(divisions) and not any(_contains(d, city) for d in divisions)


def _namesake_of_division(mention: _Mention, city: Place) -> bool:
    """Whether the name also names the first-level division the city lies in, and the city is a large part
    of it (New York, Kharkiv, Kano; not Montana City, Montana)."""
    return any(
        p.feature == "admin1" and _contains(p, city) and city.population * NAMESAKE_SHARE >= p.population
        for p, _ in mention.candidates
    )


def _resolve(mentions: list[_Mention], paired: frozenset[int] = frozenset()) -> None:
    """Three passes: priors alone, then with what the document's other names resolved to; one sense per name."""
    by_key = _senses(mentions)
    context = _Context(paired=paired)
    resolved: list[Place | None] = []
    for _ in range(3):
        for group in by_key.values():
            if len({p.geonameid for m in group for p, _ in m.candidates}) == 1:
                for mention in group:  # nothing to choose between
                    mention.place, mention.score = mention.candidates[0][0], 1.0
                continue
            totals: dict[int, float] = defaultdict(float)
            places: dict[int, Place] = {}
            # one sense per name: the senses left to its mentions that name their division ("Zarichne, Kharkiv
            # Oblast") come first
            contained = {p.geonameid for m in group if _divisions(m) for p, _ in m.candidates}
            for mention in group:
                for place, kind in _contenders(mention):
                    places[place.geonameid] = place
                    totals[place.geonameid] = max(totals[place.geonameid], _candidate_score(mention, place, kind, context))
            best = max(totals, key=lambda pid: (pid in contained or not contained, totals[pid]))
            for mention in group:
                mention.place, mention.score = places[best], totals[best]
        if [m.place for m in mentions] == resolved:
            break  # nothing moved: the same places make the same context, so another pass would repeat this one
        resolved = [m.place for m in mentions]
        context = _document_context(mentions, paired)


def _senses(mentions: list[_Mention]) -> dict[tuple, list[_Mention]]:
    """One sense per name, unless the text puts it in two places ("Windsor is a town in Berkshire County,
    Massachusetts ... named for Windsor, Connecticut"): each container is then a sense of its own, and
    the bare mentions take the first one named."""
    first: dict[tuple[str, bool], str] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.container_mention is not None:
            first.setdefault(mention.key, name_key(mention.container_mention.text))
    groups: dict[tuple, list[_Mention]] = defaultdict(list)
    for mention in mentions:
        where = mention.container_mention
        mention.sense = (*mention.key, name_key(where.text) if where is not None else first.get(mention.key))
        groups[mention.sense].append(mention)
    return groups


def _contenders(mention: _Mention) -> list[tuple[Place, int]]:
    """The candidates worth scoring: not a hamlet FAME_RATIO times smaller than a country or first-level
    division of the same name ("Florida", "California" are the states even in a story full of places
    near Florida, Massachusetts), unless the text names its container ("Florida, Mass.")."""
    divisions = [p.population for p, _ in mention.candidates if p.feature in ("country", "admin1")]
    if not divisions:
        return mention.candidates
    floor = max(divisions) / FAME_RATIO
    return [
        (p, k) for p, k in mention.candidates
        if p.feature in ("country", "admin1", "region") or p.population >= floor
        or any(_contains(c, p) for c in mention.container)
    ]


def _paired(mentions: list[_Mention]) -> frozenset[int]:
    """A county and a town (or another county) candidate of two names of the document, in the same
    first-level division and within PAIR_KM ("Paris" and "Henry County": Paris, Tennessee is the seat of Henry County, Tennessee).
    A town named with its county is stronger evidence than either name's fame. Two towns are not
    enough: small namesakes of famous places cluster (Washington, Florida and Peru, Massachusetts)."""
    counties: dict[tuple[str, str], list[tuple[str, Place]]] = defaultdict(list)  # by (country, admin1)
    towns: dict[tuple[str, str], list[tuple[str, Place]]] = defaultdict(list)
    for mention in mentions:
        key = name_key(mention.text)
        for place, _ in mention.candidates:
            if place.admin1 and place.feature in ("city", "admin2"):
                (counties if place.feature == "admin2" else towns)[(place.country, place.admin1)].append((key, place))
    found: set[int] = set()
    for division, listed in counties.items():
        for key_a, county in listed:
            for key_b, other in towns.get(division, []) + listed:  # a town, or a neighbouring county
                if key_a != key_b and _distance_km(county, other) <= PAIR_KM:
                    found.update((county.geonameid, other.geonameid))
    return frozenset(found)


def _document_context(mentions: list[_Mention], paired: frozenset[int] = frozenset()) -> _Context:
    context = _Context(paired=paired)
    for mention in mentions:
        place = mention.place
        if place is None:
            continue
        if place.country:
            context.countries[place.country] += 1
            context.countries_by_key[mention.key][place.country] += 1
        if place.feature == "admin1":
            context.named_admin1s.add((place.country, place.admin1))
            if mention.worded:
                context.worded.add((name_key(mention.text), place.geonameid))
        if place.feature in ("city", "admin2", "other"):
            context.anchors[mention.key] = place
            context.admin1s[(place.country, place.admin1)] += 1
            context.admin1_by_key[(place.country, place.admin1, mention.key)] += 1
    return context


# ---------------------------------------------------------------- document coherence


def _coherence_mentions(
    words: _Words, allowed: list[tuple[int, int]], gazetteer: Gazetteer, mentions: list[_Mention], read: set[int]
) -> list[_Mention]:
    """Capitalised words that sound like a place already resolved in this document take its sense; not the
    words of ``read``, mentions already judged."""
    resolved = {m.place.geonameid: m.place for m in mentions if m.place and m.place.feature in ("city", "admin2", "other")}
    sounds = _Sounds()
    exact: dict[str, Place] = {}
    for pid, place in resolved.items():
        for key in gazetteer.names_of(pid) + [name_key(place.name)]:
            exact.setdefault(key, place)
            skey = sound_key(key)
            if len(skey) >= 4:
                sounds.add(skey, place, key)
    taken = read | {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    person_like = _multi_token_entities(words.ents)
    found = []
    for i, text in enumerate(words.orth):
        if i in taken or i in person_like or not words.capitalised[i] or not words.alpha[i]:
            continue
        if len(text) < 4 or words.lower[i] in _stopwords():
            continue
        if not _inside(allowed, words.idx[i], words.end(i)):
            continue
        if _in_capitals(words, i, i + 1):  # "HIMARS" sounds like no town; "A PARANAQUE court" is one
            place = exact.get(name_key(text))
        else:
            place = sounds.match(sound_key(text), text)
        if place is not None and any(k == NameKind.DEMONYM for _, k in gazetteer.lookup_kinds(text, "none")):
            continue  # "Russian" sounds like Ryazan, in a story that names Ryazan: a people's adjective, not the town
        if place is not None:
            found.append(
                _Mention(words.idx[i], words.end(i), i, i + 1, text,
                         [(place, NameKind.ALTERNATE)], via="coherence", evidence=ACCEPT, place=place, score=1.0)
            )
    return found


def _inside_longer_names(words: _Words, mentions: list[_Mention]) -> set[str]:
    """The names of mentions inside a longer name of a person or an organisation ("Saldo" of "Vladimir
    Saldo"); not a mention that is the whole entity ("Velykyi Burluk", which NER read as a PERSON)."""
    other = _cues()["ner_other_labels"]
    spans = {i: (e.start, e.end) for e in words.ents if e.label_ in other and len(e) > 1 for i in range(e.start, e.end)}
    return {name_key(m.text) for m in mentions if m.tok_start in spans and spans[m.tok_start] != (m.tok_start, m.tok_end)}


def _multi_token_entities(ents: tuple[Span, ...]) -> set[int]:
    """Tokens inside people's and organisations' names of two tokens or more (Volodymyr Zelensky)."""
    other = _cues()["ner_other_labels"]
    return {i for ent in ents if ent.label_ in other and len(ent) > 1 for i in range(ent.start, ent.end)}


class _Sounds:
    """The phonetic keys of a document's resolved places. A word one edit from a key shares its first
    letter, so it is compared with the keys of that letter only; and a word that recurs is looked up once.
    The key drops a first "h" or "j" and folds vowels, so the word's and the name's first letters must
    also agree: both vowels ("Eiseum", "Izyum") or the same letter; "Orlov" is not "Jarkov" (Kharkiv)."""

    def __init__(self) -> None:
        self.places: dict[tuple[str, str], Place] = {}  # the first place of each key and initial
        self.by_initial: dict[tuple[str, str], dict[str, Place]] = defaultdict(dict)
        self.seen: dict[tuple[str, str], Place | None] = {}

    def add(self, skey: str, place: Place, name: str) -> None:
        initial = _initial(name)
        if (skey, initial) not in self.places:
            self.places[skey, initial] = place
            self.by_initial[skey[0], initial][skey] = place

    def match(self, skey: str, word: str) -> Place | None:
        initial = _initial(word)
        if (skey, initial) not in self.seen:
            self.seen[skey, initial] = self._match(skey, initial)
        return self.seen[skey, initial]

    def _match(self, skey: str, initial: str) -> Place | None:
        if len(skey) < 4:
            return None
        if (skey, initial) in self.places:
            return self.places[skey, initial]
        if len(skey) < 5:
            return None
        for known, place in self.by_initial.get((skey[0], initial), {}).items():  # in the order the keys were added
            if Levenshtein.distance(known, skey, score_cutoff=1) <= 1:
                return place
        return None


def _initial(name: str) -> str:
    first = name[:1].lower()
    return "vowel" if first in "aeiouy" else first


def _toponym(words: _Words, mention: _Mention) -> Toponym:
    place = mention.place
    assert place is not None
    text = words.text
    start, end = mention.start, mention.end
    if mention.admin_before and place.feature == "admin1":
        start = words.idx[mention.tok_start - 1]  # "Oblast Donetsk" as one toponym
    elif mention.admin_after and place.feature == "admin1" and mention.tok_end < len(words) \
            and words.lower[mention.tok_end] in _cues()["admin_after"]:
        end = words.end(mention.tok_end)  # "Kharkiv region" as one toponym
    confidence = 1 / (1 + math.exp(-(mention.evidence - ACCEPT)))
    return Toponym(
        start=start, end=end, text=text[start:end], name=place.name, geonameid=place.geonameid,
        lat=place.lat, lon=place.lon, country=place.country, admin1=place.admin1, feature=place.feature,
        score=round(confidence, 3),
    )
