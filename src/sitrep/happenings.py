"""Happenings: whether two events are one, and merging the reports of one (pure, no database).

:func:`same_happening` is ACLED's rule (one event per actor pair, place and day, with the date and
place tolerances their precisions allow) or one report read two ways (:func:`same_report`);
:func:`merge` unions two reports of one happening, and :func:`independent_sources` counts the
sources of an event with all copies of a story counted once.

Tolerances live in ``data/happening_params.json``; they were chosen on the development half of the
ISW copy/spin set built by ``eval/stories.py``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from .model import Event, Evidence, Source

__all__ = ["independent_sources", "merge", "merge_events", "same_by_acled", "same_happening", "same_report"]


@lru_cache(maxsize=1)
def _params() -> dict[str, Any]:
    return json.loads(resources.files("sitrep.data").joinpath("happening_params.json").read_text("utf-8"))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _actor_key(actor: str) -> str:
    """An actor name without ACLED's period suffix: 'Military Forces of Russia (2000-)'."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", actor).strip().lower()


def _unknown_actor(key: str) -> bool:
    unknown = _params()["unknown_actors"]
    return key in unknown or any(key.startswith(u) for u in unknown if u)


def _actors_compatible(a: Event, b: Event) -> bool:
    """Same actor pair, in either order; an unknown actor on one side fits any actor on the other."""

    def fits(x: str, y: str) -> bool:
        kx, ky = _actor_key(x), _actor_key(y)
        return kx == ky or _unknown_actor(kx) or _unknown_actor(ky)

    straight = fits(a.actor1, b.actor1) and fits(a.actor2, b.actor2)
    crossed = fits(a.actor1, b.actor2) and fits(a.actor2, b.actor1)
    return straight or crossed


def same_place(a: Event, b: Event) -> bool:
    """Within ACLED's distance for the coarser precision of the two (happening_params.json)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return bool(a.location) and a.location.strip().lower() == b.location.strip().lower()
    limits = _params()["max_km_by_geo_precision"]
    coarser = str(max(a.geo_precision, b.geo_precision, 1))
    limit = limits.get(coarser, max(limits.values()))
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= limit  # type: ignore[arg-type]


def _same_time(a: Event, b: Event) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    limits = _params()["max_days_by_time_precision"]
    coarser = str(max(a.time_precision, b.time_precision, 1))
    limit = limits.get(coarser, max(limits.values()))
    return abs((a.event_date - b.event_date).days) <= limit


def same_happening(a: Event, b: Event, story_of: Mapping[str, str | None] | None = None) -> bool:
    """Whether two events are one happening.

    Either by ACLED's rule (one event per actor pair, place and day): same sub-event type,
    compatible actors, the same place or within the distance the coarser geo_precision allows,
    dates within what the coarser time_precision allows; or because they are one report of it
    (:func:`same_report`): copies of a story spun so far that the extractor read them differently.
    ``story_of`` gives the stories of a stored event's evidence articles (see :func:`same_report`):
    it keeps the story id of its first report, and a copy of a later story it absorbed must still
    find it.
    """
    return same_by_acled(a, b) or same_report(b, a, story_of)


def same_by_acled(a: Event, b: Event) -> bool:
    """ACLED's rule alone: sub-event type, actor pair, place and day, with precision tolerances."""
    return (
        a.sub_event_type == b.sub_event_type
        and a.event_type == b.event_type
        and _actors_compatible(a, b)
        and same_place(a, b)
        and _same_time(a, b)
    )


def same_report(a: Event, b: Event, story_of: Mapping[str, str | None] | None = None) -> bool:
    """Two events drawn from the same sentence of one story by two of its copies.

    A spun copy re-spells places ("Cherson"), swaps the verbs the extractor keys on and is
    published days later (so relative dates shift): its events can differ from the original's in
    every coded field, yet they are one report of one happening. They must rest on near-identical
    evidence sentences from two different articles of one story. An event merged from several
    stories keeps one ``story_id``, so ``story_of`` gives the story of each evidence article
    (article id -> story id); an article it does not name belongs to its event's story.
    """
    known = story_of or {}
    least = 100 * _params()["same_report_evidence"]
    # Evidence from one article never counts: one sentence may hold two events (two places).
    return any(
        x.article_id != y.article_id
        and known.get(x.article_id, a.story_id) is not None
        and known.get(x.article_id, a.story_id) == known.get(y.article_id, b.story_id)
        and fuzz.ratio(x.text.lower(), y.text.lower()) >= least
        for x in a.evidence
        for y in b.evidence
    )


def _known(x: str, y: str) -> str:
    """The more specific of two actor names (a known actor beats an unknown one)."""
    return y if _unknown_actor(_actor_key(x)) and not _unknown_actor(_actor_key(y)) else x


def _fatalities(a: int, b: int) -> int:
    """ACLED takes the most conservative reported figure; a 0 means 'not reported' here."""
    reported = [f for f in (a, b) if f > 0]
    return min(reported) if reported else 0


def merge(a: Event, b: Event) -> Event:
    """One event from two reports of the same happening: ``a``'s identity, both sources and evidence.

    The finer place and date win (lower geo_precision / time_precision), unknown actors are filled
    in, fatalities follow ACLED's conservative rule, and no source or evidence span appears twice.
    """
    sources: dict[str, Source] = {}
    for s in (*a.sources, *b.sources):
        sources.setdefault(s.article_id, s)
    evidence: dict[tuple[str, int, int], Evidence] = {}
    for e in (*a.evidence, *b.evidence):
        evidence.setdefault((e.article_id, e.start, e.end), e)
    place = b if b.geo_precision < a.geo_precision and b.latitude is not None else a
    when = b if b.time_precision < a.time_precision and b.event_date is not None else a
    crossed = not (_actor_key(a.actor1) == _actor_key(b.actor1) or _unknown_actor(_actor_key(b.actor1)))
    b1, b2 = (b.actor2, b.actor1) if crossed else (b.actor1, b.actor2)
    return replace(
        a,
        event_date=when.event_date,
        time_precision=when.time_precision,
        actor1=_known(a.actor1, b1),
        actor2=_known(a.actor2, b2),
        country=place.country,
        admin1=place.admin1,
        admin2=place.admin2,
        location=place.location,
        latitude=place.latitude,
        longitude=place.longitude,
        geonameid=place.geonameid,
        geo_precision=place.geo_precision,
        fatalities=_fatalities(a.fatalities, b.fatalities),
        notes=a.notes or b.notes,
        sources=tuple(sources.values()),
        evidence=tuple(evidence.values()),
        confidence=max(a.confidence, b.confidence),
        story_id=a.story_id or b.story_id,
    )


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Events with every group of reports of one happening merged (first-seen order kept).

    Greedy: each event merges into the first kept event that is the same happening by ACLED's
    rule, else into the first that is the same report of it (see :func:`same_report`), else it is
    kept. Candidates by ACLED's rule are looked up by sub-event type, so that pass is quadratic
    only within one type.
    """
    kept: list[Event] = []
    story_of: dict[str, str | None] = {}  # evidence article -> story: a merged event keeps one id
    by_type: dict[tuple[str, str], list[int]] = {}
    for event in events:
        for v in event.evidence:
            story_of.setdefault(v.article_id, event.story_id)
        slots = by_type.setdefault((event.event_type, event.sub_event_type), [])
        match = next((i for i in slots if same_by_acled(kept[i], event)), None)
        if match is None and event.story_id:
            match = next((i for i, k in enumerate(kept) if same_report(k, event, story_of)), None)
        if match is None:
            slots.append(len(kept))
            kept.append(event)
        else:
            kept[match] = merge(kept[match], event)
    return kept


def independent_sources(event: Event, story_of: Mapping[str, str | None]) -> int:
    """How many independent sources report an event: all copies of one story count once.

    An article with no known story counts as its own source.
    """
    seen: set[str] = set()
    for s in event.sources:
        story = story_of.get(s.article_id)
        seen.add(f"story:{story}" if story else f"article:{s.article_id}")
    return len(seen)
