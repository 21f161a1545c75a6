"""What the store reads: the filters of an events query, as SQL, and rows turned back into
``model`` types (and model types into rows, with NUL made storable).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.sql import ColumnElement, Select

from . import schema
from .model import Article, Event, EventQuery, Evidence, Source, Story, StoryMember

__all__ = ["SUMMARY_COLUMNS", "EventQuery", "filtered", "query_from"]

SUMMARY_COLUMNS = (  # what a marker and its tooltip need; the card asks for the rest by id
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "confidence", "n_sources",
)  # fmt: skip


def like_pattern(needle: str) -> str:
    escaped = nul_free(needle).lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- rows to model ------------------------------------------------------------------------------------


def event_row(ev: Event) -> dict[str, Any]:
    return {
        "event_id": ev.event_id,
        "event_date": ev.event_date,
        "time_precision": ev.time_precision,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1,
        "actor2": ev.actor2,
        "country": ev.country,
        "admin1": ev.admin1,
        "admin2": ev.admin2,
        "location": ev.location,
        "latitude": ev.latitude,
        "longitude": ev.longitude,
        "geonameid": ev.geonameid,
        "geo_precision": ev.geo_precision,
        "fatalities": ev.fatalities,
        "notes": ev.notes,
        "confidence": float(ev.confidence),
        "story_id": ev.story_id,
        "n_sources": 0,
        "search_text": "",
    }


def nul_free(value: str) -> str:
    return value.replace("\x00", "\ufffd")


def no_nul(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL text cannot hold NUL; U+FFFD takes its place on both backends (offsets unchanged)."""
    return {k: nul_free(v) if isinstance(v, str) else v for k, v in row.items()}


def search_text(row: Any, evidence: Iterator[str]) -> str:
    fields = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "admin2", "notes")
    return " ".join([*(str(row[f] or "") for f in fields), *evidence]).lower()


def event_from_row(row: Any, sources: tuple[Source, ...], evidence: tuple[Evidence, ...]) -> Event:
    return Event(
        event_id=row["event_id"],
        event_date=row["event_date"],
        time_precision=row["time_precision"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        actor2=row["actor2"],
        country=row["country"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geonameid=row["geonameid"],
        geo_precision=row["geo_precision"],
        fatalities=row["fatalities"],
        notes=row["notes"],
        sources=sources,
        evidence=evidence,
        confidence=row["confidence"],
        story_id=row["story_id"],
    )


def article_from_row(row: Any) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=row["published"],
        lang=row["lang"],
        story_id=row["story_id"],
    )


def story_from_rows(story_id: str, rows: Sequence[Any]) -> Story:
    members = tuple(StoryMember(r.id, r.relation, r.similarity) for r in rows)
    canonical = next((m.article_id for m in members if m.relation == "canonical"), members[0].article_id)
    return Story(story_id=story_id, canonical=canonical, members=members)


# -- queries ------------------------------------------------------------------------------------------


def query_from(query: EventQuery | None, filters: dict[str, Any]) -> EventQuery:
    base = query or EventQuery()
    if not filters:
        return base
    values = {k: v for k, v in filters.items() if v is not None}
    for key in ("event_type", "sub_event_type"):
        if isinstance(values.get(key), str):
            values[key] = (values[key],)
    try:
        return replace(base, **values)
    except TypeError as exc:
        raise TypeError(f"unknown event filter: {exc}") from exc


def filtered(stmt: Select[Any], q: EventQuery) -> Select[Any]:
    e = schema.events
    clauses: list[ColumnElement[bool]] = []
    if q.bbox is not None:
        west, south, east, north = q.bbox
        clauses.append(e.c.latitude.between(south, north))
        if west <= east:
            clauses.append(e.c.longitude.between(west, east))
        else:  # the box crosses the antimeridian
            clauses.append(or_(e.c.longitude >= west, e.c.longitude <= east))
    if q.since is not None:
        clauses.append(e.c.event_date >= q.since)
    if q.until is not None:
        clauses.append(e.c.event_date <= q.until)
    if q.event_type:
        clauses.append(e.c.event_type.in_([nul_free(t) for t in q.event_type]))
    if q.sub_event_type:
        clauses.append(e.c.sub_event_type.in_([nul_free(t) for t in q.sub_event_type]))
    if q.actor:
        pattern = like_pattern(q.actor)
        clauses.append(
            or_(func.lower(e.c.actor1).like(pattern, escape="\\"), func.lower(e.c.actor2).like(pattern, escape="\\"))
        )
    if q.min_sources > 1:
        clauses.append(e.c.n_sources >= q.min_sources)
    if q.min_confidence > 0:
        clauses.append(e.c.confidence >= q.min_confidence)
    if q.q:
        clauses.extend(e.c.search_text.like(like_pattern(word), escape="\\") for word in q.q.split())
    if q.geonameid is not None:
        clauses.append(e.c.geonameid == q.geonameid)
    if q.story_id is not None:
        clauses.append(e.c.story_id == nul_free(q.story_id))
    if q.article_id is not None:
        s = schema.event_sources
        clauses.append(e.c.event_id.in_(select(s.c.event_id).where(s.c.article_id == nul_free(q.article_id))))
    return stmt.where(and_(*clauses)) if clauses else stmt
