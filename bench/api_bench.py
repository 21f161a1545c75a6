"""Latency of ``GET /api/events`` over 100,000 stored events with a bbox and a date filter.

Target (issue 6): p95 under 100 ms on the development machine (2 cores). Not a timed test.

The database is filled with synthetic events spread over Ukraine and one year (bulk inserts
straight into the schema: a benchmark of reading, not of the pipeline). The app runs under
uvicorn on a loopback port and a client sends sequential requests, each for a random box of
1-4 degrees and a random window of 7-60 days, as a map does when an analyst pans and scrubs.
``--ingest`` also runs a writer process that stores new articles through ``Store.save`` the whole
time (issue 8: readers must not be blocked or fail while an ingest runs).

    .venv/bin/python bench/api_bench.py                        # SQLite, 100,000 events
    .venv/bin/python bench/api_bench.py --ingest --seconds 30  # with a concurrent ingest
    .venv/bin/python bench/api_bench.py --db postgresql://...  # the same on PostgreSQL
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import insert

from sitrep import schema
from sitrep.api import create_app
from sitrep.config import Settings
from sitrep.model import Article, Event, Evidence, Processed, Source
from sitrep.store import Store

TARGET_P95_MS = 100.0
WEST, SOUTH, EAST, NORTH = 22.0, 44.0, 40.0, 52.5  # Ukraine and its borders
FIRST_DAY = dt.date(2022, 2, 24)
DAYS = 365
TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Looting/property destruction"),
]


def fill(store: Store, n: int, seed: int = 7) -> None:
    """n synthetic events with 1-3 sources and one evidence sentence each, in bulk."""
    rng = random.Random(seed)
    batch = 5000
    with store.engine.begin() as conn:
        for start in range(0, n, batch):
            events, sources, evidence = [], [], []
            for i in range(start, min(n, start + batch)):
                etype, sub = rng.choice(TYPES)
                lat, lon = rng.uniform(SOUTH, NORTH), rng.uniform(WEST, EAST)
                day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
                n_sources = rng.choice((1, 1, 1, 2, 3))
                sentence = f"{sub} reported near place {i} on {day.isoformat()}"
                events.append({
                    "event_id": f"e{i:07d}", "event_date": day, "time_precision": 1, "event_type": etype,
                    "sub_event_type": sub, "actor1": "Military Forces of Russia", "actor2": "Military Forces of Ukraine",
                    "country": "UA", "admin1": "", "admin2": "", "location": f"Place {i}", "latitude": lat,
                    "longitude": lon, "geonameid": 1_000_000 + i % 20_000, "geo_precision": 1,
                    "fatalities": rng.choice((0, 0, 1, 3)), "notes": sentence, "confidence": rng.uniform(0.3, 0.95),
                    "story_id": f"s{i}", "n_sources": n_sources, "search_text": sentence.lower(),
                })
                for k in range(n_sources):
                    sources.append({"event_id": f"e{i:07d}", "article_id": f"a{i}-{k}",
                                    "url": f"https://news.example/{i}/{k}", "source": "wire", "published": day,
                                    "story_id": f"s{i}-{k}", "confidence": 0.6, "fatalities": 0})
                evidence.append({"event_id": f"e{i:07d}", "article_id": f"a{i}-0", "start": 0,
                                 "end": len(sentence), "text": sentence})
            conn.execute(insert(schema.events), events)
            conn.execute(insert(schema.event_sources), sources)
            conn.execute(insert(schema.event_evidence), evidence)
    with store.engine.begin() as conn:  # planner statistics, as a database in use has them
        conn.exec_driver_sql("ANALYZE")


def ingest_forever(url: str, stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    """A writer storing one new article with two events at a time, as `sitrep run` does."""
    rng = random.Random(99)
    store = Store.open(url)
    i = 0
    while not stop.is_set():
        text = f"Shelling hit village {i} overnight; later troops clashed near village {i}. " * 20
        article = Article(id=f"ingest-{i}", text=text, published=dt.date(2022, 9, 1), story_id=f"is{i}")
        events = tuple(
            Event(f"ingest-{i}-{k}", dt.date(2022, 9, 1), 1, *TYPES[k], "A", "B", "UA", "", "", f"v{i}",
                  rng.uniform(SOUTH, NORTH), rng.uniform(WEST, EAST), None, 1, 0, "",
                  (Source(article.id),), (Evidence(article.id, 0, 30, text[:30]),), 0.5)
            for k in range(2)
        )
        store.save(Processed(article, (), (), (), events))
        i += 1
    store.close()


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        pass


def serve(store: Store) -> tuple[_Server, str]:
    sock_port = _free_port()
    server = _Server(uvicorn.Config(create_app(store, Settings()), host="127.0.0.1", port=sock_port,
                                   log_level="warning", access_log=False))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{sock_port}"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def random_query(rng: random.Random) -> dict[str, str]:
    size = rng.uniform(1.0, 4.0)
    west, south = rng.uniform(WEST, EAST - size), rng.uniform(SOUTH, NORTH - size)
    since = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 60))
    until = since + dt.timedelta(days=rng.randint(7, 60))
    return {"bbox": f"{west:.3f},{south:.3f},{west + size:.3f},{south + size:.3f}",
            "since": since.isoformat(), "until": until.isoformat()}


def measure(base: str, seconds: float, requests: int, seed: int = 1) -> tuple[list[float], int, int]:
    rng = random.Random(seed)
    latencies: list[float] = []
    errors = features = 0
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get("/api/events", params=random_query(rng))  # warm-up
        while len(latencies) < requests or time.monotonic() < deadline:
            params = random_query(rng)
            started = time.perf_counter()
            response = client.get("/api/events", params=params)
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                errors += 1
            else:
                features += len(response.json()["features"])
            if len(latencies) >= requests and time.monotonic() >= deadline:
                break
    return latencies, errors, features


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL [default: a new SQLite file in a temp folder]")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=0.0, help="keep measuring at least this long")
    parser.add_argument("--ingest", action="store_true", help="run a concurrent writer during the measurement")
    args = parser.parse_args()

    url = args.db or str(Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "bench.db")
    store = Store.open(url)
    if store.counts()["events"] < args.events:
        started = time.perf_counter()
        fill(store, args.events - store.counts()["events"])
        print(f"filled {args.events} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    server, base = serve(store)
    stop = multiprocessing.get_context("spawn").Event()
    writer = None
    if args.ingest:
        writer = multiprocessing.get_context("spawn").Process(target=ingest_forever, args=(url, stop))
        writer.start()
        time.sleep(2)
    before = store.counts()["articles"]
    latencies, errors, features = measure(base, args.seconds, args.requests)
    ingested = store.counts()["articles"] - before
    if writer is not None:
        stop.set()
        writer.join(timeout=30)
    server.should_exit = True
    store.close()

    p50, p95, p99 = (percentile(latencies, p) for p in (50, 95, 99))
    verdict = "meets" if p95 < TARGET_P95_MS else "MISSES"
    print(f"backend: {store.backend}; events stored: {args.events}; requests: {len(latencies)}; errors: {errors}")
    print(f"mean features per answer: {features / max(1, len(latencies) - errors):.0f} (default page of 1000)")
    if args.ingest:
        print(f"concurrent ingest: {ingested} articles stored during the measurement")
    print(f"GET /api/events bbox+date: p50 {p50:.1f} ms  p95 {p95:.1f} ms  p99 {p99:.1f} ms  "
          f"(target p95 < {TARGET_P95_MS:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
