"""The command-line contract, end to end, on the reference article and on bad input.

These run the real pipeline (spaCy model, default gazetteer) through click's runner, in-process,
so the model loads once per test; the database is a real SQLite file in a temp dir.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

@pytest.fixture(scope="module")
def expected(reference_article: Path) -> dict:
    return json.loads(reference_article.with_suffix(".expected.json").read_text())


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def extracted(runner: CliRunner, reference_article: Path, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("extract") / "events.jsonl"
    result = invoke(runner, "extract", str(reference_article), "-o", str(out))
    assert result.exit_code == 0, result.output
    (line,) = out.read_text().splitlines()
    return json.loads(line)


@pytest.fixture(scope="module")
def geoparsed(runner: CliRunner, reference_article: Path) -> dict:
    result = invoke(runner, "geoparse", str(reference_article))
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    return json.loads(line)


def test_every_spelling_of_the_listed_places_resolves(geoparsed: dict, expected: dict, reference_article: Path):
    text = reference_article.read_text(encoding="utf-8")
    toponyms = geoparsed["toponyms"]
    for toponym in toponyms:
        assert text[toponym["start"]:toponym["end"]] == toponym["text"]
    for surface, want in expected["toponyms"]["every_occurrence_of"].items():
        starts = [m.start() for m in re.finditer(rf"\b{re.escape(surface)}\b", text)]
        assert starts, surface
        for start in starts:
            # the toponym may be longer than the name ("Kursk region" is the region of Kursk)
            got = next((t for t in toponyms if t["start"] <= start and start + len(surface) <= t["end"]), None)
            assert got is not None, f"{surface} at {start} not found"
            for key, value in want.items():
                if key in ("lat", "lon"):
                    continue
                assert got[key] == value, (surface, start, key, got)


def test_regions_resolve_and_names_of_people_are_not_places(geoparsed: dict, expected: dict):
    for region in expected["toponyms"]["regions"]:
        hits = [t for t in geoparsed["toponyms"] if region["text"].startswith(t["text"]) or t["text"] == region["text"]]
        assert any(t["country"] == region["country"] for t in hits), region
        if "admin1" in region:
            assert any(t["admin1"] == region["admin1"] and t["feature"] == region["feature"] for t in hits), region
        if "lat" in region:
            assert any(
                t["lat"] is not None and km(t["lat"], t["lon"], region["lat"], region["lon"]) <= region["tolerance_km"]
                for t in hits
            ), region
    surfaces = {t["text"] for t in geoparsed["toponyms"]}
    for name in expected["toponyms"]["not_toponyms"]:
        assert not any(name == s or name in s.split() for s in surfaces), name


def _matches(event: dict, want: dict) -> bool:
    return any(
        event["event_type"] == a["event_type"] and event["sub_event_type"] == a["sub_event_type"] for a in want["accept"]
    ) and event["geonameid"] == want["geonameid"]


def test_required_events_are_extracted(extracted: dict, expected: dict):
    assert extracted["published"] == expected["published"]
    for want in (e for e in expected["events"] if e["required"]):
        hits = [e for e in extracted["events"] if _matches(e, want)]
        assert hits, f"{want['id']} not found among {[(e['sub_event_type'], e['location']) for e in extracted['events']]}"
        event = next(
            (e for e in hits if any(want["evidence_contains"] in ev["text"] for ev in e["evidence"])), hits[0]
        )
        assert event["event_date"] == want["event_date"], want["id"]
        assert event["time_precision"] == want["time_precision"], want["id"]
        assert any(want["evidence_contains"] in ev["text"] for ev in event["evidence"]), want["id"]
        if "fatalities" in want:
            assert event["fatalities"] == want["fatalities"]
        for actor in want.get("actors", []):
            assert actor in event["actor1"] or actor in event["actor2"], (actor, event["actor1"], event["actor2"])


def test_nothing_happens_in_russia_or_in_the_boilerplate(extracted: dict, reference_article: Path):
    text = reference_article.read_text(encoding="utf-8")
    boiler_start = text.index("Mold penetrates")
    boiler_end = boiler_start + len("Mold penetrates deep into the Russian war machine.  Ukraine displays it for all to see")
    tail = text.index("Related Posts")
    for event in extracted["events"]:
        assert event["country"] != "RU", event
        for ev in event["evidence"]:
            assert not (boiler_start <= ev["start"] < boiler_end), ev
            assert ev["start"] < tail, ev
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_run_is_idempotent_and_exports_every_format(runner: CliRunner, reference_article: Path, tmp_path: Path):
    db = str(tmp_path / "s.db")
    first = invoke(runner, "run", str(reference_article), "--db", db)
    assert first.exit_code == 0, first.output
    assert "1 new" in first.output
    second = invoke(runner, "run", str(reference_article), "--db", db)
    assert second.exit_code == 0, second.output
    assert "0 new, 1 already stored" in second.output

    geojson = json.loads(invoke(runner, "export", "--db", db, "--format", "geojson").stdout)
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    assert all(f["geometry"]["type"] == "Point" for f in geojson["features"] if f["geometry"])
    event_ids = [f["properties"]["event_id"] for f in geojson["features"]]
    assert len(event_ids) == len(set(event_ids))

    rows = list(csv.DictReader(io.StringIO(invoke(runner, "export", "--db", db, "--format", "csv").stdout)))
    assert {r["event_id_cnty"] for r in rows} == set(event_ids)  # ACLED's column name
    assert {"event_date", "sub_event_type", "latitude", "longitude"} <= set(rows[0])

    articles = [json.loads(x) for x in invoke(runner, "export", "--db", db, "--format", "jsonl", "--what", "articles").stdout.splitlines()]
    assert len(articles) == 1 and articles[0]["published"] == "2022-09-13"
    assert articles[0]["story_id"]


def test_bad_documents_are_named_and_the_rest_goes_through(runner: CliRunner, reference_article: Path, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(reference_article, folder / "good-2022-09-13.txt")
    (folder / "broken.jsonl").write_text('{"id": "a", "text": "Shelling in Kharkiv on Monday."}\n{not json\n')
    (folder / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "s.db")
    result = invoke(runner, "run", str(folder), "--db", db)
    assert result.exit_code == 1
    assert "broken.jsonl" in result.stderr and "empty.txt" in result.stderr
    assert "2 new" in result.stdout


def test_stdin_and_usage_errors(runner: CliRunner, tmp_path: Path):
    record = {"id": "stdin-1", "published": "2022-06-14", "text": "Russian forces shelled Berestove, Donetsk on Tuesday."}
    result = invoke(runner, "extract", "-", input=json.dumps(record) + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "stdin-1"
    assert invoke(runner, "run").exit_code == 2
    assert invoke(runner, "export", "--format", "xml").exit_code == 2
    assert invoke(runner, "run", "x.txt", "--published", "13/09/2022").exit_code == 2
    assert invoke(runner, "spark", "in", "out").exit_code == 2


def test_workers_give_the_same_output_in_the_same_order(tmp_path: Path):
    import subprocess
    import sys

    samples = Path(__file__).resolve().parents[1] / "samples"
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        done = subprocess.run(
            [sys.executable, "-m", "sitrep", "extract", str(samples), "--workers", workers, "-o", str(out)],
            capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_text())
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 9 and '"events": []' not in outputs[0].splitlines()[0]


@pytest.mark.parametrize(("user_setting", "threads"), [(None, 1), ("2", 2)])
def test_numpy_runs_one_thread_per_process_unless_the_user_says(user_setting: str | None, threads: int):
    # Parallel work is spread over processes; BLAS threads in each would fight over the same cores.
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    if user_setting:
        env["OPENBLAS_NUM_THREADS"] = user_setting
    probe = "import sitrep, numpy, threadpoolctl; print([p['num_threads'] for p in threadpoolctl.threadpool_info()])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True)
    assert json.loads(done.stdout) == [threads]


def test_extracting_loads_no_database_library():
    # `sitrep extract` writes JSON: its start-up should not pay for SQLAlchemy's import (about 0.3 s).
    import subprocess
    import sys

    probe = "import sys, sitrep.cli, sitrep.pipeline; print('sqlalchemy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"
