"""The model's attribute ruler and lemmatizer, memoised: same output, a fraction of the time.

They spend a sixth of spaCy's parse in per-token Python (two or more pattern matches per token,
each applied one at a time). Yet what the attribute ruler gives a token (POS, morphology, sometimes
a lemma) depends only on its tag, its dependency label, whether it is a space, and its lower-cased
text where a pattern names that text; 171 of its 179 patterns look at one token. And the lemmatizer's
answer depends only on the text, POS and morphology. ``CachedMorphology`` computes each distinct
key once with the model's own components and writes a document's POS, morphology and lemmas in
array calls; only the seven multi-token patterns still run through the matcher.
"""

# no `from __future__ import annotations`: spaCy 3.7 reads the factories' annotations as types

import re
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

_RULER_KEY = [LOWER, TAG, DEP, IS_SPACE]


class CachedMorphology:
    """The model's attribute ruler and lemmatizer (rule mode), memoised."""

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
        single_patterns = self.one_token.patterns
        # Texts and dependency labels no one-token pattern names behave alike, so one stands for
        # all: the ruler's cache keys on a few hundred combinations, not on every word.
        words, self.word_patterns = _values_in(single_patterns, "LOWER")
        self.named_words = np.array(sorted(self.vocab.strings.add(w) for w in words), dtype=np.uint64)
        labels, _ = _values_in(single_patterns, "DEP")
        self.named_deps = np.array(sorted(self.vocab.strings.add(label) for label in labels), dtype=np.uint64)
        self.other_dep = self.vocab.strings.add(next(d for d in language.get_pipe("parser").labels if d not in labels))
        self.rules: dict[tuple[int, ...], tuple[int, int, int, int]] = {}  # key -> POS, MORPH, LEMMA, DEP
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> LEMMA
        self.limit = limit  # entries kept per cache; news vocabularies saturate well below it

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = self._ruled(doc)
        doc.from_array([POS, MORPH, LEMMA], values[:, :3])
        for i in np.nonzero(values[:, 3])[0].tolist():  # a pattern relabelled it (spaces get "dep")
            doc[i].dep = int(values[i, 3])
        unset = np.nonzero(values[:, 2] == 0)[0]
        if len(unset):
            lemmas = values[:, 2].copy()
            lemmas[unset] = self._lemmas(doc.to_array([ORTH, POS, MORPH])[unset])
            doc.from_array([LEMMA], lemmas)
        return self.context(doc)

    def _ruled(self, doc: Doc) -> np.ndarray:
        """The one-token patterns' POS, MORPH, LEMMA (0: none) and DEP (0: unchanged) per token."""
        keys = doc.to_array(_RULER_KEY)
        keys[:, 0] = np.where(self._named(keys[:, 0]), keys[:, 0], 0)
        keys[:, 2] = np.where(np.isin(keys[:, 2], self.named_deps), keys[:, 2], self.other_dep)
        distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
        rows = [tuple(row) for row in distinct.tolist()]
        missing = [k for k in rows if k not in self.rules]
        if missing:
            _bounded(self.rules, len(missing), self.limit)
            self.rules.update(zip(missing, self._apply_rules(doc, keys, missing)))
        return np.array([self.rules[k] for k in rows], dtype=np.uint64)[inverse.reshape(-1)]

    def _named(self, words: np.ndarray) -> np.ndarray:
        named = np.isin(words, self.named_words)
        if self.word_patterns:  # a REGEX on the text: test each distinct word once
            distinct = np.unique(words[~named])
            matching = [w for w in distinct.tolist() if any(p.search(self.vocab.strings[w]) for p in self.word_patterns)]
            named |= np.isin(words, np.array(matching, dtype=np.uint64))
        return named

    def _apply_rules(self, doc: Doc, keys: np.ndarray, missing: list[tuple[int, ...]]) -> list[tuple[int, int, int, int]]:
        """Run the one-token patterns over a document made of one sample token per unseen key."""
        strings = self.vocab.strings
        index = {tuple(row): i for i, row in enumerate(keys.tolist())}
        words = [doc[index[k]].text for k in missing]
        sample = Doc(self.vocab, words=words, spaces=[False] * len(words), tags=[strings[k[1]] for k in missing])
        for token, key in zip(sample, missing):
            token.dep = key[2]  # set one by one: the constructor wants heads with labels
        self.one_token(sample)
        out = sample.to_array([POS, MORPH, LEMMA, DEP]).tolist()
        return [(pos, morph, lemma, dep if dep != key[2] else 0) for (pos, morph, lemma, dep), key in zip(out, missing)]

    def _lemmas(self, keys: np.ndarray) -> np.ndarray:
        """The lemmatizer's lemma for each (ORTH, POS, MORPH) row."""
        distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
        rows = [tuple(row) for row in distinct.tolist()]
        missing = [k for k in rows if k not in self.lemmas]
        if missing:
            _bounded(self.lemmas, len(missing), self.limit)
            strings = self.vocab.strings
            sample = Doc(
                self.vocab, words=[strings[k[0]] for k in missing], spaces=[False] * len(missing),
                pos=[strings[k[1]] or "X" for k in missing], morphs=[strings[k[2]] for k in missing],
            )
            for token, key in zip(sample, missing):
                token.pos = key[1]  # as computed, even where that is no POS at all
            self.lemmas.update(zip(missing, self.lemmatizer(sample).to_array(LEMMA).tolist()))
        return np.array([self.lemmas[k] for k in rows], dtype=np.uint64)[inverse.reshape(-1)]


def _bounded(cache: dict[Any, Any], adding: int, limit: int) -> None:
    if len(cache) + adding > limit:
        cache.clear()


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer tests each candidate lemma for membership in a word list (57,528 nouns);
    as sets the same test is instant and gives the same lemmas."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        index[pos] = frozenset(words)


def _values_in(patterns: list[dict[str, Any]], attr: str) -> tuple[set[str], list[re.Pattern[str]]]:
    """The values the patterns test ``attr`` against (plain, IN or NOT_IN), and their REGEXes."""
    found: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for pattern in patterns:
        for tokens in pattern["patterns"]:
            for token in tokens:
                value = token.get(attr)
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, dict):
                    for op, operand in value.items():
                        if op == "REGEX":
                            regexes.append(re.compile(operand))
                        else:
                            found.update(operand)
    return found, regexes


@Language.factory("sitrep_morphology")
def _make_morphology(nlp: Language, name: str) -> CachedMorphology:
    return CachedMorphology(nlp)
