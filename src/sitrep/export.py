"""Events, articles and stories out of sitrep: GeoJSON, CSV (ACLED's column names) and JSON lines.

Writers stream: they take an iterable and a text stream and never hold the whole export in memory.
Article text is hostile input, and spreadsheets execute cells that start with ``=``, ``+``, ``-``
or ``@``: every text cell of a CSV that starts with one of those (or a tab or carriage return)
gets a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from .model import Article, Event, Story, to_json

__all__ = ["FORMATS", "event_feature", "event_properties", "write_articles", "write_events", "write_stories"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

FORMATS = ("geojson", "csv", "jsonl")

# ACLED's names first (event_id_cnty is ACLED's id column), then what sitrep adds.
EVENT_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "geonameid",
    "confidence",
    "story_id",
    "n_sources",
    "source_urls",
    "evidence",
]
ARTICLE_COLUMNS = ["id", "published", "source", "url", "title", "lang", "story_id", "text"]
STORY_COLUMNS = ["story_id", "canonical", "article_id", "relation", "similarity"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula; numbers pass as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# -- events ----------------------------------------------------------------------------------------


def event_properties(event: Event) -> dict[str, Any]:
    """Every field of the event as JSON-ready data, plus the number of sources."""
    props = to_json(event)
    props["n_sources"] = len(event.sources)
    return props


def event_feature(event: Event, properties: dict[str, Any] | None = None) -> dict[str, Any]:
    """A GeoJSON Feature (geometry null when the event has no coordinates)."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": geometry,
        "properties": properties if properties is not None else event_properties(event),
    }


def event_csv_row(event: Event) -> dict[str, Any]:
    evidence = " | ".join(" ".join(e.text.split()) for e in event.evidence)
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "location": event.location,
        "latitude": "" if event.latitude is None else event.latitude,
        "longitude": "" if event.longitude is None else event.longitude,
        "geo_precision": event.geo_precision,
        "source": "; ".join(dict.fromkeys(s.source for s in event.sources if s.source)),
        "notes": event.notes,
        "fatalities": event.fatalities,
        "geonameid": "" if event.geonameid is None else event.geonameid,
        "confidence": event.confidence,
        "story_id": event.story_id or "",
        "n_sources": len(event.sources),
        "source_urls": " ".join(dict.fromkeys(s.url for s in event.sources if s.url)),
        "evidence": evidence,
    }


def write_events(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    """Write events as GeoJSON (a FeatureCollection), CSV or JSON lines; returns how many."""
    _check_format(fmt)
    if fmt == "geojson":
        return _write_feature_collection((event_feature(e) for e in events), out)
    if fmt == "csv":
        return _write_csv(events, EVENT_COLUMNS, event_csv_row, out)
    return _write_jsonl(events, out)


# -- articles and stories ----------------------------------------------------------------------------


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "published": article.published.isoformat() if article.published else "",
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "lang": article.lang,
        "story_id": article.story_id or "",
        "text": article.text,
    }


def write_articles(articles: Iterable[Article], fmt: str, out: TextIO) -> int:
    """Write articles; in GeoJSON each is a Feature without geometry (articles have no one place)."""
    _check_format(fmt)
    if fmt == "geojson":
        features = ({"type": "Feature", "id": a.id, "geometry": None, "properties": _article_row(a)} for a in articles)
        return _write_feature_collection(features, out)
    if fmt == "csv":
        return _write_csv(articles, ARTICLE_COLUMNS, _article_row, out)
    return _write_jsonl(articles, out, drop=("origin",))


def _story_rows(story: Story) -> list[dict[str, Any]]:
    return [
        {
            "story_id": story.story_id,
            "canonical": story.canonical,
            "article_id": m.article_id,
            "relation": m.relation,
            "similarity": m.similarity,
        }
        for m in story.members
    ]


def write_stories(stories: Iterable[Story], fmt: str, out: TextIO) -> int:
    """Write stories; CSV has a row per member, the other formats one record per story."""
    _check_format(fmt)
    if fmt == "geojson":
        features = (
            {"type": "Feature", "id": s.story_id, "geometry": None, "properties": to_json(s)} for s in stories
        )
        return _write_feature_collection(features, out)
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=STORY_COLUMNS)
        writer.writeheader()
        n = 0
        for story in stories:
            writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in _story_rows(story))
            n += 1
        return n
    return _write_jsonl(stories, out)


# -- formats -------------------------------------------------------------------------------------------


def _write_feature_collection(features: Iterable[dict[str, Any]], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for feature in features:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def _write_csv(items: Iterable[Any], columns: list[str], to_row: Callable[[Any], dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow({k: safe_cell(v) for k, v in to_row(item).items()})
        n += 1
    return n


def _write_jsonl(items: Iterable[Any], out: TextIO, drop: tuple[str, ...] = ()) -> int:
    n = 0
    for item in items:
        record = to_json(item)
        for key in drop:
            record.pop(key, None)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
