"""Exports: GeoJSON that parses back, CSV with ACLED's columns and no formula injection, JSON lines."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from storekit import izium_report, make_article, make_event, make_processed

from sitrep import export
from sitrep.model import Story, StoryMember, event_from_json


def _events():
    return list(izium_report().events)


def test_geojson_is_a_feature_collection_with_every_field() -> None:
    events = _events()
    out = io.StringIO()
    assert export.write_events(events, "geojson", out) == 2
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [events[0].longitude, events[0].latitude]}
    props = dict(first["properties"])
    assert props.pop("n_sources") == 1
    assert event_from_json(props) == events[0]


def test_geojson_of_nothing_and_of_an_unplaced_event() -> None:
    out = io.StringIO()
    export.write_events([], "geojson", out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    unplaced = replace(_events()[0], latitude=None, longitude=None)
    out = io.StringIO()
    export.write_events([unplaced], "geojson", out)
    assert json.loads(out.getvalue())["features"][0]["geometry"] is None


def test_csv_has_acled_columns_and_evidence_as_text() -> None:
    out = io.StringIO()
    export.write_events(_events(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == export.EVENT_COLUMNS
    assert {"event_id_cnty", "event_date", "year", "sub_event_type", "actor1", "geo_precision", "fatalities"} <= set(rows[0])
    assert rows[0]["evidence"] == "Izium was retaken by the Ukrainians on Saturday"
    assert rows[0]["year"] == "2022" and rows[0]["latitude"] == "49.20697"


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_csv_neutralises_formulas(payload: str) -> None:
    article = make_article("h1", f"{payload} shelled Izium today.")
    event = replace(make_event(article, f"{payload} shelled Izium"), actor1=payload, notes=payload)
    out = io.StringIO()
    export.write_events([event], "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["actor1"] == "'" + payload and row["notes"] == "'" + payload
    for value in row.values():  # no cell of the row starts a formula
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or value == row["longitude"]
    assert row["longitude"] == "37.27679"  # numbers are left alone, negative ones too


def test_jsonl_round_trips() -> None:
    events = _events()
    out = io.StringIO()
    export.write_events(events, "jsonl", out)
    assert [event_from_json(json.loads(line)) for line in out.getvalue().splitlines()] == events


def test_articles_and_stories() -> None:
    report = izium_report(title="=cmd|' /C calc'!A0")
    article = report.article
    out = io.StringIO()
    export.write_articles([article], "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["title"].startswith("'=") and row["text"] == article.text
    out = io.StringIO()
    export.write_articles([article], "jsonl", out)
    assert json.loads(out.getvalue())["text"] == article.text and "origin" not in json.loads(out.getvalue())
    story = Story("s1", "a1", (StoryMember("a1", "canonical", 1.0), StoryMember("a2", "copy", 0.93)))
    out = io.StringIO()
    assert export.write_stories([story], "csv", out) == 1
    assert [r["article_id"] for r in csv.DictReader(io.StringIO(out.getvalue()))] == ["a1", "a2"]
    out = io.StringIO()
    export.write_stories([story], "geojson", out)
    assert json.loads(out.getvalue())["features"][0]["properties"]["members"][1]["relation"] == "copy"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        export.write_events([], "xml", io.StringIO())


def test_exports_stream_from_the_store(tmp_path) -> None:
    from sitrep.store import Store

    with Store.open(str(tmp_path / "e.db")) as store:
        for i in range(5):
            article = make_article(f"x{i}", f"Izium was shelled {i} times.")
            store.save(make_processed(article, replace(make_event(article, f"Izium was shelled {i} times"),
                                                       event_id=f"ev{i}")))
        out = io.StringIO()
        assert export.write_events(store.iter_events(batch=2), "jsonl", out) == 5
        assert len({json.loads(line)["event_id"] for line in out.getvalue().splitlines()}) == 5
