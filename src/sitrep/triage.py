"""The cheap first pass: which sentences may report an event, before anything is parsed.

An event needs a trigger (``data/event_triggers.json``: a verb, a general noun like "shelling", or
a crowd), and ``events`` recognises a trigger by its lemma. The lemmatizer's own rules and
exceptions, run backwards, give every word form that can have a trigger's lemma ("shelled",
"struck", "fought"), so a sentence that contains none of them cannot yield an event and needs no
dependency parse. Sentences here are cut by punctuation and line breaks, which is all the first
pass needs, and a wire dateline ends where its dash does; the parse draws the final boundaries
where it runs.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LOWER
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from . import datelines
from .event_classifier import lexicon

_SENTENCIZER = Sentencizer()


def trigger_lemmas() -> frozenset[str]:
    lex = lexicon()
    return frozenset([*lex["verbs"], *lex["nouns"], *lex["protesters"], *lex["parse_also"]])


def word_forms(lemmas: Iterable[str], lookups) -> frozenset[str]:
    """Every lower-cased word the rule lemmatizer (``lookups``: its rules and exceptions) can
    lemmatise to one of ``lemmas``: the lemma itself, each rule applied backwards, and the
    irregular forms."""
    wanted = frozenset(lemmas)
    forms = set(wanted)
    for rules in lookups.get_table("lemma_rules", {}).values():
        for old, new in rules:
            forms.update(lemma[: len(lemma) - len(new)] + old for lemma in wanted if lemma.endswith(new))
    for exceptions in lookups.get_table("lemma_exc", {}).values():
        forms.update(word for word, lemmas_of in exceptions.items() if wanted.intersection(lemmas_of))
    return frozenset(forms)


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where a sentence begins: after closing punctuation or a line break."""
    if not len(doc):
        return []
    spaces = doc.to_array(IS_SPACE).astype(bool)
    starts = [_opening(doc, i) for i, start in enumerate(_SENTENCIZER.predict([doc])[0]) if start]
    breaks = [t.i + 1 for t in doc if t.is_space and "\n" in t.text]
    # whitespace stays with the sentence before it
    return sorted({0, *(i for i in [*starts, *breaks, *after_datelines(doc)] if i < len(doc) and not spaces[i])})


def after_datelines(doc: Doc) -> list[int]:
    """The first token of each lead sentence after a wire dateline ("KYIV, July 20 (Reuters) - ") or a
    post's heading ("Vylkove, Odesa region: "), which the parser would otherwise read as the subject."""
    offsets = doc.to_array(IDX)
    found = []
    ends = [d.end for d in datelines.of(doc)] + list(datelines.headings(doc))
    for end in ends:
        i = int(np.searchsorted(offsets, end))
        if i < len(doc) and offsets[i] == end:
            found.append(i)
    return sorted(set(found))


def _opening(doc: Doc, start: int) -> int:
    """Move a sentence start back over an opening quote or bracket glued to its first word."""
    while start > 1 and (doc[start - 1].is_left_punct or doc[start - 1].is_quote) and doc[start - 2].whitespace_:
        start -= 1
    return start


def flag_sentences(doc: Doc, forms: np.ndarray) -> list[tuple[int, int, bool]]:
    """The document's sentences as ``(start, end, may_report_an_event)``, where ``forms`` holds the
    string ids of the trigger word forms."""
    starts = sentence_starts(doc)
    hits = np.isin(doc.to_array(LOWER), forms) if len(doc) else np.zeros(0, bool)
    flags = [(start, end, bool(hits[start:end].any())) for start, end in zip(starts, [*starts[1:], len(doc)])]
    # a dateline is parsed with its lead sentence, as a full parse would tag it
    leads = set(after_datelines(doc))
    return [(a, b, f or (b in leads and i + 1 < len(flags) and flags[i + 1][2])) for i, (a, b, f) in enumerate(flags)]


def runs(sentences: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """Neighbouring flagged sentences joined, so the parser sees each run of them whole."""
    joined: list[tuple[int, int]] = []
    for start, end, flagged in sentences:
        if not flagged:
            continue
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined
