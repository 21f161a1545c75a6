"""The whole data flow, top to bottom. The only place where stages meet.

    article ─► clean.segment ─► nlp.parse ─► geoparse ─► dates ─► events ─► stories ─► store

A document that fails in any stage becomes an ``InputError`` naming it; the others go on.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import logging
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from spacy.language import Language

from . import clean, dates, event_classifier, events, geoparse, happenings, nlp, stories
from .errors import InputError
from .gazetteer import Gazetteer
from .model import Article, Event, EventQuery, Processed, Segment, Toponym

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class Pipeline:
    """The loaded resources (spaCy model, gazetteer) and the stages that use them."""

    def __init__(self, language: Language, gazetteer: Gazetteer, workers: int = 1) -> None:
        self.language = language
        self.gazetteer = gazetteer
        self.workers = workers  # processes that run the pipeline; more only pays on large inputs
        self.seconds: Counter[str] = Counter()  # time spent per stage, for the benchmark

    def _timed(self, stage: str, call: Callable[[], T]) -> T:
        started = time.perf_counter()
        try:
            return call()
        finally:
            self.seconds[stage] += time.perf_counter() - started

    @classmethod
    def load(cls, gazetteer: Gazetteer, workers: int = 1) -> "Pipeline":
        return cls(nlp.load(), gazetteer, workers)

    def process(self, article: Article) -> Processed:
        result = next(iter(self.process_many([article])))
        if isinstance(result, InputError):
            raise result
        return result

    def process_many(
        self, articles: Iterable[Article | InputError], batch_size: int = 4
    ) -> Iterator[Processed | InputError]:
        """Process a stream of articles (spaCy parses them in batches); errors pass through in order."""
        if self.workers > 1:
            yield from self._process_in_workers(articles, batch_size)
            return
        errors: list[InputError] = []

        stream = iter(articles)

        def readable() -> Iterator[tuple[Article, list[Segment]]]:
            while (item := self._timed("ingest", lambda: next(stream, None))) is not None:
                if isinstance(item, InputError):
                    errors.append(item)
                    continue
                yield item, self._timed("clean", lambda: clean.segment(item.text, item.title))

        parsed = nlp.parse_many(self.language, readable(), batch_size)
        while True:
            before = self.seconds["clean"] + self.seconds["ingest"]
            started = time.perf_counter()
            step = next(parsed, None)
            inner = self.seconds["clean"] + self.seconds["ingest"] - before
            self.seconds["nlp"] += time.perf_counter() - started - inner
            if step is None:
                break
            (article, segments), doc = step
            while errors:
                yield errors.pop(0)
            yield self._analyse(article, segments, doc)
        yield from errors

    def _process_in_workers(
        self, articles: Iterable[Article | InputError], batch_size: int
    ) -> Iterator[Processed | InputError]:
        """Whole articles through the whole pipeline in forked worker processes, results in input order.

        Forked after loading, the workers share the model's memory with this process; each opens
        its own connection to the gazetteer. At most a window of articles is in flight at once, so
        memory stays bounded however long the stream.
        """
        event_classifier.warm_up()
        context = multiprocessing.get_context("fork")
        window = 8 * self.workers * batch_size
        stream = iter(articles)
        with context.Pool(self.workers, initializer=_start_worker, initargs=(self,)) as pool:
            # a sliding window: the next article goes in as soon as the oldest comes out, so no worker
            # waits at the end of a window for the others (a pool's imap would read the whole input)
            pending: collections.deque = collections.deque(
                pool.apply_async(_work, (item,)) for item in itertools.islice(stream, window)
            )
            while pending:
                done = pending.popleft().get()
                for item in itertools.islice(stream, 1):
                    pending.append(pool.apply_async(_work, (item,)))
                yield done

    def _analyse(self, article: Article, segments: list[Segment], doc) -> Processed | InputError:
        try:
            toponyms = self._timed("geoparse", lambda: geoparse.geoparse(doc, segments, self.gazetteer))
            country = _main_country(toponyms)  # whose "Independence Day" the text means
            mentions = self._timed("dates", lambda: dates.find_dates(article.text, article.published, segments, country))
            found = self._timed(
                "events", lambda: events.extract(article, doc, segments, toponyms, mentions, self.gazetteer)
            )
        except Exception as exc:  # one broken document must not stop the run; it is reported by name
            log.exception("%s: processing failed", article.origin or article.id)
            return InputError(article.origin or article.id, f"processing failed: {exc!r}")
        return Processed(
            article=article,
            segments=tuple(segments),
            toponyms=tuple(toponyms),
            dates=tuple(mentions),
            events=tuple(found),
        )


_worker: Pipeline | None = None  # the pipeline of a worker process (set once, when it starts)


def _main_country(toponyms: list[Toponym]) -> str:
    """The country most of the text's places lie in ("" when it names none)."""
    counts = Counter(t.country for t in toponyms if t.country)
    return counts.most_common(1)[0][0] if counts else ""


def _start_worker(parent: Pipeline) -> None:
    global _worker
    gazetteer = Gazetteer.open(parent.gazetteer.path)  # a SQLite connection must not cross a fork
    _worker = Pipeline(parent.language, gazetteer, workers=1)


def _work(item: Article | InputError) -> Processed | InputError:
    assert _worker is not None, "worker started without a pipeline"
    return next(iter(_worker.process_many([item])))


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one processed article did."""

    article_id: str
    new: bool
    events: int
    story_id: str
    relation: str


def store_all(
    processed: Iterable[Processed | InputError], store: "Store"
) -> Iterator[Stored | InputError]:
    """Group each article into its story, merge its events with those already stored, store it once.

    Several writers may share the store: each files, under the store's exclusive lock, what the
    others stored since it last looked before it decides an article's story and merges its events,
    so the outcome is that of some one-at-a-time order (the parse, the costly part, runs outside it).
    """
    seen = store.last_seq()  # first: what is stored while the index loads is filed again, harmlessly
    index = stories.StoryIndex.from_rows(store.fingerprints())
    renamed: dict[str, str] = {}
    for item in processed:
        if isinstance(item, InputError):
            yield item
            continue
        article = item.article
        if store.has_article(article.id):
            yield Stored(article.id, False, 0, article.story_id or "", "known")
            continue
        fingerprint = stories.fingerprint(article.text, item.toponyms)
        with store.exclusive():
            newer = store.stored_since(seen)
            index.file_stored(row[1:] for row in newer)
            seen = max([seen] + [row[0] for row in newer])
            assignment = index.add(article.id, article.published, fingerprint)
            absorbed = {old: new for old, new in index.renamed().items() if renamed.get(old) != new}
            store.rename_stories(absorbed)
            renamed.update(absorbed)
            story_id = assignment.story_id
            # What the story already reports does not change while this article's events are matched
            # (they are stored together, below): one query per article, not one per event.
            reported = store.story_events(story_id, limit=500) if item.events else []
            story_of = store.article_stories(e.article_id for c in reported for e in c.evidence)
            found = _as_stored([replace(e, story_id=story_id) for e in item.events], store, reported, story_of)
            item = replace(item, article=replace(article, story_id=story_id), events=found)
            new = store.save(item, assignment.relation, assignment.similarity, fingerprint)
        yield Stored(article.id, new, len(found) if new else 0, story_id, assignment.relation)


MERGE_WINDOW = dt.timedelta(days=31)  # wide: happenings.same_happening applies the precise tolerances
MERGE_BOX = 1.0  # degrees around the event, likewise


def _as_stored(
    found: list[Event], store: "Store", reported: list[Event], story_of: dict[str, str | None]
) -> tuple[Event, ...]:
    """An article's events, each under the id of a stored event that reports the same happening,
    when there is one.

    The store merges events by id (sources and evidence grow), so taking the stored id is the merge.
    Candidates: the events any article of the story reports (``reported``: a spun copy may be coded
    differently, so one report read two ways counts too), also those first stored from another story;
    then events of the same sub-type near the same place and time (another outlet's report), by
    ACLED's rule alone: a stored event that shares a report with this one is among ``reported``
    already, so those need no evidence sentences loaded. ``story_of``: the story of each article
    that lends ``reported`` evidence.
    """
    merged = [_reported_as(event, reported, story_of) for event in found]
    asked = [(i, q) for i, q in enumerate(_near(event) for event in found) if merged[i] is None and q is not None]
    near = store.events_near([q for _, q in asked], limit=200)  # one connection for the article's events
    for (i, _), nearby in zip(asked, near):
        event = found[i]
        stored = next((s for s in nearby if s.event_id == event.event_id or happenings.same_by_acled(event, s)), None)
        merged[i] = replace(event, event_id=stored.event_id) if stored else None
    return tuple(m or event for m, event in zip(merged, found))


def _reported_as(event: Event, reported: list[Event], story_of: dict[str, str | None]) -> Event | None:
    for stored in reported:
        if stored.event_id == event.event_id or happenings.same_happening(event, stored, story_of):
            return replace(event, event_id=stored.event_id)
    return None


def _near(event: Event) -> EventQuery | None:
    """Events of the same sub-type within MERGE_BOX degrees and MERGE_WINDOW of this one, if it has a
    place and a day."""
    if event.event_date is None or event.latitude is None or event.longitude is None:
        return None
    box = (event.longitude - MERGE_BOX, event.latitude - MERGE_BOX,
           event.longitude + MERGE_BOX, event.latitude + MERGE_BOX)
    return EventQuery(sub_event_type=(event.sub_event_type,), bbox=box,
                      since=event.event_date - MERGE_WINDOW, until=event.event_date + MERGE_WINDOW)
