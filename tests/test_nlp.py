"""The parse stage: the memoised attribute ruler and lemmatizer must give the model's own output."""

from pathlib import Path

import spacy

from sitrep import nlp

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# Contractions and "there is" exercise the multi-token patterns; the rest is ordinary news text.
TRICKY = (
    "There is no way they ain't gonna shell it again, y'all said. Let's go. I'd have been there.\n\n"
    "Nobody was hurt; something exploded near its gate, and it's the third strike this week."
)


def _morphology(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]


def test_cached_morphology_gives_the_models_own_output(language, reference_article: Path) -> None:
    reference = spacy.load(nlp.MODEL)
    texts = [TRICKY, reference_article.read_text("utf-8"), *(p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt")))]
    # Twice over: the second pass is served from the cache.
    for _ in range(2):
        for ours, theirs in zip(language.pipe(texts), reference.pipe(texts)):
            assert _morphology(ours) == _morphology(theirs)


def test_the_model_components_the_cache_replaces_do_not_run(language) -> None:
    assert "sitrep_morphology" in language.pipe_names
    assert "attribute_ruler" not in language.pipe_names and "lemmatizer" not in language.pipe_names


def test_a_text_of_spaces_only_parses(language) -> None:
    assert [t.pos_ for t in language("\n\n  \n")] == ["SPACE"]
