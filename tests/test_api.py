"""The HTTP API through a real in-process client, over real SQLite and PostgreSQL stores."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings, strategies as st
from storekit import (  # noqa: F401  (fixtures)
    izium_report,
    make_article,
    make_event,
    make_processed,
    pg_cluster,
    store,
    store_url,
)

from sitrep.api import MAX_LIMIT, create_app
from sitrep.config import Settings
from sitrep.model import Article, Processed
from sitrep.store import Store

HOSTILE = '<img src=x onerror="alert(1)"> Izium was shelled'


def _fill(store: Store) -> None:
    store.save(izium_report("a1", story_id="s1"))
    store.save(izium_report("a2", story_id="s1", url="javascript:alert(1)"), relation="copy", similarity=0.95)
    text = f"{HOSTILE} at dawn. =cmd|' /C calc'!A0"
    article = make_article("h1", text, story_id="s9", source="<script>x</script>")
    store.save(make_processed(article, make_event(article, HOSTILE, event_type="Explosions/Remote violence",
                                                  sub_event_type="Air/drone strike")))


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    _fill(store)
    with TestClient(create_app(store, Settings())) as test_client:
        yield test_client


def test_events_are_a_feature_collection(client: TestClient) -> None:
    response = client.get("/api/events")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["total"] == 3 and len(body["features"]) == 3
    feature = body["features"][0]
    assert feature["geometry"]["type"] == "Point"
    assert {"event_date", "event_type", "sub_event_type", "actor1", "location", "n_sources", "confidence"} <= set(
        feature["properties"]
    )
    recapture = next(f for f in body["features"] if f["properties"]["sub_event_type"] == "Government regains territory")
    assert recapture["properties"]["n_sources"] == 2


def test_filters_and_paging(client: TestClient) -> None:
    def ids(query: str) -> list[str]:
        response = client.get("/api/events?" + query)
        assert response.status_code == 200, response.text
        return [f["properties"]["sub_event_type"] for f in response.json()["features"]]

    assert ids("bbox=37,49,38,50&since=2022-09-01") == ["Government regains territory", "Air/drone strike"]
    assert ids("until=2022-03-31") == ["Shelling/artillery/missile attack"]
    assert ids("event_type=Explosions/Remote violence") == ["Air/drone strike", "Shelling/artillery/missile attack"]
    assert ids("event_type=Battles&event_type=Protests") == ["Government regains territory"]
    assert ids("sub_event_type=Air/drone strike") == ["Air/drone strike"]
    assert ids("actor=civilians") == ["Shelling/artillery/missile attack"]
    assert ids("min_sources=2") == ["Government regains territory", "Shelling/artillery/missile attack"]
    assert ids("q=onerror") == ["Air/drone strike"]
    assert ids("bbox=0,0,1,1") == []
    page = client.get("/api/events?limit=1&offset=1").json()
    assert len(page["features"]) == 1 and page["total"] == 3 and page["offset"] == 1


BAD_QUERIES = [
        "bbox=1,2,3", "bbox=a,b,c,d", "bbox=0,10,1,5", "bbox=-200,0,10,10", "bbox=nan,0,1,1", "bbox=0,0,1,inf",
        "since=2022-13-01", "since=yesterday", "since=2022-10-01&until=2022-09-01", "limit=0",
        f"limit={MAX_LIMIT + 1}", "limit=x", "offset=-1", "min_confidence=2", "min_confidence=nan",
        "min_sources=-1", "min_sources=1e9", "q=" + "x" * 500, "actor=" + "y" * 500, "format=xml",
        "geonameid=-99999999999", "event_type=" + "z" * 300, "actor=a%00b", "story_id=%00",
]


def test_bad_parameters_get_422(client: TestClient) -> None:
    for query in BAD_QUERIES:
        response = client.get("/api/events?" + query)
        assert response.status_code == 422, (query, response.status_code)
        assert "detail" in response.json()
    assert client.get("/api/articles/a%00").status_code == 422


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["bbox", "since", "until", "event_type", "actor", "min_sources", "min_confidence", "q",
                          "limit", "offset", "geonameid", "story_id", "format"]),
    value=st.text(max_size=60),
)
def test_no_parameter_value_causes_a_server_error(client: TestClient, name: str, value: str) -> None:
    response = client.get("/api/events", params={name: value})
    assert response.status_code < 500, (name, value, response.text)


def test_event_card_has_evidence_sources_and_story(client: TestClient) -> None:
    event_id = izium_report().events[0].event_id
    response = client.get(f"/api/events/{event_id}")
    assert response.status_code == 200
    props = response.json()["properties"]
    assert [e["text"] for e in props["evidence"]] == ["Izium was retaken by the Ukrainians on Saturday"] * 2
    assert {s["article_id"] for s in props["sources"]} == {"a1", "a2"}
    assert all(s["url"] in ("", "https://news.example/a1") for s in props["sources"])  # no javascript: link
    assert props["story"]["canonical"] == "a1"
    assert [(m["id"], m["relation"]) for m in props["story"]["members"]] == [("a1", "canonical"), ("a2", "copy")]
    assert client.get("/api/events/unknown").status_code == 404


def test_article_story_and_place(client: TestClient) -> None:
    article = client.get("/api/articles/h1").json()
    assert article["text"].startswith(HOSTILE) and article["story_id"] == "s9"
    assert article["relation"] == "canonical" and len(article["events"]) == 1
    assert client.get("/api/articles/nope").status_code == 404
    story = client.get("/api/stories/s1").json()
    assert story["size"] == 2
    assert client.get("/api/stories/nope").status_code == 404
    place = client.get("/api/places/707292").json()
    assert place["name"] == "Izium" and [t["date"] for t in place["timeline"]] == ["2022-03-04", "2022-09-10"]
    assert client.get("/api/places/0").json()["features"] == []
    assert client.get("/api/places/abc").status_code == 422


def test_downloads_of_a_filtered_view(client: TestClient) -> None:
    response = client.get("/api/events.csv?event_type=Explosions/Remote violence")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert len(rows) == 2 and all(r["event_type"] == "Explosions/Remote violence" for r in rows)
    hostile = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert hostile["source"] == "<script>x</script>"  # text as it is: CSV is not HTML
    geojson = client.get("/api/events.geojson?min_sources=2").json()
    assert len(geojson["features"]) == 2 and all(f["properties"]["evidence"] for f in geojson["features"])
    lines = client.get("/api/events?format=jsonl&limit=2").text.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["event_id"] for line in lines)
    assert client.get("/api/events.csv?bbox=oops").status_code == 422


def test_config_and_page(client: TestClient) -> None:
    config = client.get("/api/config").json()
    assert config["tile_url"] is None and config["write_enabled"] is False
    assert config["counts"]["events"] == 3 and config["date_range"] == ["2022-03-04", "2022-09-10"]
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/vendor/leaflet/leaflet.js", "/vendor/markercluster/leaflet.markercluster.js",
                  "/static/basemap/countries.geojson", "/static/app.css"):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/docs").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_cors_is_closed_by_default(client: TestClient, store: Store) -> None:
    response = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    opened = TestClient(create_app(store, Settings(cors_origins=("https://newsroom.example",))))
    allowed = opened.get("/api/events", headers={"Origin": "https://newsroom.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
    refused = opened.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in refused.headers


# -- the write endpoint -------------------------------------------------------------------------------


def _fake_process(article: Article) -> Processed:
    """Stands in for the pipeline: one shelling event on the first sentence that names Izium."""
    sentence = next(s for s in article.text.split(".") if "Izium" in s).strip()
    return make_processed(article, make_event(article, sentence, sub_event_type="Shelling/artillery/missile attack",
                                              event_type="Explosions/Remote violence"))


def test_writing_is_off_without_a_token(store: Store) -> None:
    off = TestClient(create_app(store, Settings(), process=_fake_process))
    assert off.post("/api/articles", json={"text": "Izium was shelled."}).status_code in (404, 405)
    no_pipeline = TestClient(create_app(store, Settings(api_token="t0ken")))
    assert no_pipeline.post("/api/articles", json={"text": "Izium was shelled."},
                            headers={"Authorization": "Bearer t0ken"}).status_code in (404, 405)


def test_writing_needs_the_token(store: Store) -> None:
    client = TestClient(create_app(store, Settings(api_token="s3cret", max_document_chars=1000), process=_fake_process))
    body = {"text": "Izium was shelled overnight. Nobody was hurt.", "published": "2022-09-14", "url": "javascript:x"}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Basic s3cret"}).status_code == 401
    auth = {"Authorization": "Bearer s3cret"}
    created = client.post("/api/articles", json=body, headers=auth)
    assert created.status_code == 201 and created.json()["stored"] is True and created.json()["events"] == 1
    article_id = created.json()["id"]
    assert store.article(article_id).url == ""  # only http(s) links are kept
    again = client.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert client.post("/api/articles", json={"title": "no text"}, headers=auth).status_code == 422
    assert client.post("/api/articles", json={"text": "x" * 2000}, headers=auth).status_code == 413
    assert client.post("/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
                       ).status_code == 422
    huge = b'{"text": "' + b"a" * (17 * 1024 * 1024) + b'"}'
    assert client.post("/api/articles", content=huge, headers={**auth, "Content-Type": "application/json"}
                       ).status_code == 413
