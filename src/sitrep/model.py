"""The data that flows between sitrep's stages: frozen dataclasses, JSON only at the edges.

Offsets (``start``, ``end``) are always character offsets into ``Article.text`` exactly as
given, so a span can be cut back out of the stored text and shown as evidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Feature = Literal["country", "admin1", "admin2", "city", "region", "other"]
Relation = Literal["canonical", "copy", "spun", "partial", "update", "translation"]
SegmentKind = Literal["title", "body", "caption", "related", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: dt.date | None = None
    lang: str = "en"
    story_id: str | None = None
    origin: str = ""  # where it was read from (file, line), for messages only; not stored


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the article text and what it is: body text, a photo caption, boilerplate..."""

    start: int
    end: int
    kind: SegmentKind


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames or one of sitrep's own regions)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str = ""  # GeoNames admin1 code, e.g. "07" for Kharkiv oblast
    admin2: str = ""
    feature: Feature = "city"
    population: int = 0


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str  # the surface form exactly as it stands in the text
    name: str  # the gazetteer's name for the place
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str = ""
    admin1: str = ""
    feature: Feature = "city"
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in the text, resolved against the publication date when it can be."""

    start: int
    end: int
    text: str
    value: dt.date | None  # None when relative and there is no publication date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    url: str = ""
    source: str = ""
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One event as ACLED codes it: one actor pair, one place, one day."""

    event_id: str
    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    geo_precision: int
    fatalities: int
    notes: str
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class StoryMember:
    article_id: str
    relation: Relation
    similarity: float


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str
    canonical: str  # article id
    members: tuple[StoryMember, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Processed:
    """What the pipeline makes of one article."""

    article: Article
    segments: tuple[Segment, ...]
    toponyms: tuple[Toponym, ...]
    dates: tuple[DateMention, ...]
    events: tuple[Event, ...]


def to_json(obj: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-ready data: dates as ISO strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_json(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_json(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An ISO date (or datetime) string as a date; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value.strip()[:10])


def event_from_json(data: dict[str, Any]) -> Event:
    values = dict(data)
    values["event_date"] = parse_date(values.get("event_date"))
    values["sources"] = tuple(
        Source(**{**s, "published": parse_date(s.get("published"))}) for s in values.get("sources", ())
    )
    values["evidence"] = tuple(Evidence(**e) for e in values.get("evidence", ()))
    return Event(**values)


def toponym_from_json(data: dict[str, Any]) -> Toponym:
    return Toponym(**data)


def article_from_json(data: dict[str, Any]) -> Article:
    values = {k: v for k, v in data.items() if k in Article.__dataclass_fields__}
    values["published"] = parse_date(values.get("published"))
    return Article(**values)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The filters of an events query; every field optional. Validated by the caller (the API)."""

    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None  # substring of actor1 or actor2, any case
    min_sources: int = 0
    min_confidence: float = 0.0
    q: str | None = None  # words that must all appear in the event's text (fields and evidence)
    geonameid: int | None = None
    story_id: str | None = None
    article_id: str | None = None  # events that this article reports
