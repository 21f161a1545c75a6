"""The whole data flow, top to bottom. The only place where stages meet.

    article ─► clean.segment ─► nlp.parse ─► geoparse.geoparse ─► dates.find_dates ─► events.extract
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language

from . import clean, dates, events, geoparse, nlp
from .gazetteer import Gazetteer
from .model import Article, Processed


class Pipeline:
    """The loaded resources (spaCy model, gazetteer) and the stages that use them."""

    def __init__(self, language: Language, gazetteer: Gazetteer) -> None:
        self.language = language
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, gazetteer: Gazetteer) -> "Pipeline":
        return cls(nlp.load(), gazetteer)

    def process(self, article: Article) -> Processed:
        return next(iter(self.process_many([article])))

    def process_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Processed]:
        """Process a stream of articles; spaCy parses them in batches."""
        pending = ((a, clean.segment(a.text, a.title)) for a in articles)
        for (article, segments), doc in nlp.parse_many(self.language, pending, batch_size):
            toponyms = geoparse.geoparse(doc, segments, self.gazetteer)
            mentions = dates.find_dates(article.text, article.published, segments)
            found = events.extract(article, doc, segments, toponyms, mentions, self.gazetteer)
            yield Processed(
                article=article,
                segments=tuple(segments),
                toponyms=tuple(toponyms),
                dates=tuple(mentions),
                events=tuple(replace(e, story_id=article.story_id) for e in found),
            )
