"""The Spark job in local[2] agrees with `sitrep extract`, and its output loads into a database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the spark extra is installed by `make test`")

SITREP = [sys.executable, "-m", "sitrep"]


def sitrep(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    return subprocess.run([*SITREP, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, reference_article: Path) -> Path:
    folder = tmp_path_factory.mktemp("spark-in")
    shutil.copy(reference_article, folder / reference_article.name)
    records = [
        {"id": "kupiansk", "published": "2022-09-11",
         "text": "Ukrainian forces recaptured Kupiansk on Saturday, the regional governor said."},
        {"id": "chuhuiv", "published": "2022-09-08",
         "text": "Russian forces fired rockets at Chuhuiv on Wednesday, killing one man."},
        {"id": "empty", "text": ""},
    ]
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return folder


def events_by_id(lines: list[dict]) -> dict[str, tuple]:
    return {line["id"]: (line["published"], line["events"]) for line in lines if line.get("id")}


def test_spark_agrees_with_extract_and_loads(inputs: Path, tmp_path: Path):
    extracted = sitrep("extract", str(inputs), "-o", str(tmp_path / "extract.jsonl"), cwd=tmp_path)
    assert extracted.returncode == 1, extracted.stderr  # the empty record is rejected by name
    assert "wire.jsonl" in extracted.stderr
    expected = events_by_id([json.loads(x) for x in (tmp_path / "extract.jsonl").read_text().splitlines()])

    out = tmp_path / "spark-out"
    job = sitrep("spark", str(inputs), str(out), "--master", "local[2]", cwd=tmp_path)
    assert job.returncode == 0, job.stderr[-3000:]
    lines = [json.loads(x) for part in sorted(out.glob("part-*")) for x in part.read_text().splitlines()]
    assert events_by_id(lines) == expected
    assert sum(1 for line in lines if line.get("error")) == 1

    db = str(tmp_path / "spark.db")
    loaded = sitrep("run", "--from-spark", str(out), "--db", db, cwd=tmp_path)
    assert loaded.returncode == 1 and "3 new" in loaded.stdout, loaded.stdout + loaded.stderr
    again = sitrep("run", "--from-spark", str(out), "--db", db, cwd=tmp_path)
    assert "0 new, 3 already stored" in again.stdout
