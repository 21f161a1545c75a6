"""The same pipeline over large inputs with PySpark: one pipeline per executor process.

    input files ─► partitions (JSONL split by lines; other files one path each)
                ─► ingest.read + Pipeline.process_many per partition
                ─► JSON lines in the `sitrep extract` schema, plus the article and its toponyms
                   so that `sitrep run --from-spark OUTPUT` can store them with story merging.

On a cluster: `sitrep spark INPUT OUTPUT --master spark://host:7077`, with sitrep installed on every
worker and INPUT on storage every worker can read (see docs/scale.md).
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import ingest
from .errors import InputError
from .gazetteer import Gazetteer
from .model import Processed, article_from_json, event_from_json, to_json, toponym_from_json
from .pipeline import Pipeline

LINE_SPLIT = (".jsonl",)


@functools.lru_cache(maxsize=1)
def _pipeline(gazetteer_path: str) -> Pipeline:
    """Loaded once per executor process and reused by every partition it runs."""
    return Pipeline.load(Gazetteer.ensure(Path(gazetteer_path)))


def record(processed: Processed) -> dict:
    """One output line: the extract schema, plus what storing it later needs."""
    article = processed.article
    return {
        "id": article.id,
        "published": to_json(article.published),
        "events": to_json(processed.events),
        "article": to_json(article),
        "toponyms": to_json(processed.toponyms),
    }


def error_record(error: InputError) -> dict:
    return {"id": None, "error": str(error)}


def _lines(items: Iterable[Processed | InputError]) -> Iterator[str]:
    for item in items:
        payload = error_record(item) if isinstance(item, InputError) else record(item)
        yield json.dumps(payload, ensure_ascii=False)


def process_jsonl_partition(lines: Iterable[str], gazetteer_path: str, max_chars: int) -> Iterator[str]:
    stream = io.StringIO("\n".join(lines) + "\n")
    articles = ingest.read(["-"], stream, max_chars)
    return _lines(_pipeline(gazetteer_path).process_many(articles))


def process_path_partition(paths: Iterable[str], gazetteer_path: str, max_chars: int) -> Iterator[str]:
    articles = ingest.read(list(paths), None, max_chars)
    return _lines(_pipeline(gazetteer_path).process_many(articles))


def input_files(root: str) -> list[str]:
    """The files under ROOT that sitrep reads, as `ingest.read` would walk them (hidden ones skipped)."""
    path = Path(root)
    if not path.is_dir():
        return [str(path)]
    readable = tuple(ingest.SUFFIXES)
    return sorted(
        str(p) for p in path.rglob("*")
        if p.is_file() and p.name.lower().endswith(readable)
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def run(input_path: str, output_path: str, master: str, gazetteer_path: Path, max_chars: int) -> None:
    """Run the pipeline over INPUT with Spark and write JSON lines (part files) to OUTPUT."""
    from pyspark.sql import SparkSession

    Gazetteer.ensure(gazetteer_path)  # build once on the driver, not racing in every executor
    spark = (
        SparkSession.builder.master(master)
        .appName("sitrep")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        files = input_files(input_path)
        gz, limit = str(gazetteer_path), max_chars
        parts = []
        jsonl = [f for f in files if f.endswith(LINE_SPLIT)]
        others = [f for f in files if not f.endswith(LINE_SPLIT)]
        if jsonl:
            lines = sc.textFile(",".join(jsonl))
            parts.append(lines.mapPartitions(lambda it: process_jsonl_partition(it, gz, limit)))
        if others:
            paths = sc.parallelize(others, max(1, min(len(others), sc.defaultParallelism * 4)))
            parts.append(paths.mapPartitions(lambda it: process_path_partition(it, gz, limit)))
        if not parts:
            raise InputError(input_path, "no input files found")
        result = parts[0] if len(parts) == 1 else sc.union(parts)
        result.saveAsTextFile(output_path)
    finally:
        spark.stop()


def read_output(output_path: str) -> Iterator[Processed | InputError]:
    """Read a Spark job's output back as processed articles (for `sitrep run --from-spark`)."""
    for part in sorted(Path(output_path).glob("part-*")):
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            data = json.loads(line)
            if data.get("error"):
                yield InputError(f"{part.name}:{number}", data["error"])
                continue
            yield Processed(
                article=article_from_json(data["article"]),
                segments=(),
                toponyms=tuple(toponym_from_json(t) for t in data["toponyms"]),
                dates=(),
                events=tuple(event_from_json(e) for e in data["events"]),
            )
