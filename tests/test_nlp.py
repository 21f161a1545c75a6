"""The parse stage: the memoised attribute ruler and lemmatizer give the model's own output, and
parsing only the sentences that may report an event changes no event and no place."""

import json
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from thinc.api import use_ops

from sitrep import nlp, triage
from sitrep.model import Article, to_json
from sitrep.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# Contractions and "there is" exercise the multi-token patterns; the rest is ordinary news text.
TRICKY = (
    "There is no way they ain't gonna shell it again, y'all said. Let's go. I'd have been there.\n\n"
    "Nobody was hurt; somethin' exploded near its gate, and it's the third strike this week."
)


def _texts(reference_article: Path) -> list[str]:
    return [TRICKY, reference_article.read_text("utf-8"), *(p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt")))]


def _morphology(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]


def test_cached_morphology_gives_the_models_own_output(reference_article: Path) -> None:
    reference, ours = spacy.load(nlp.MODEL), nlp.load(gated=False)
    reference.add_pipe("sitrep_datelines", first=True)  # the same sentence starts, so the same parse
    texts = _texts(reference_article)
    assert "attribute_ruler" not in ours.pipe_names and "sitrep_morphology" in ours.pipe_names
    for _ in range(2):  # the second pass is served from the caches
        for mine, theirs in zip(ours.pipe(texts), reference.pipe(texts)):
            assert _morphology(mine) == _morphology(theirs)


def test_the_model_fills_the_bare_tokenizer() -> None:
    """``load`` starts from an empty tokenizer; the model's rules, prefixes, suffixes and infixes
    must all arrive from disk, as they do over the language's defaults (with sitrep's special cases)."""
    mine, theirs = nlp.load().tokenizer, spacy.load(nlp.MODEL).tokenizer
    for word in nlp.special_cases():
        theirs.add_special_case(word, [{ORTH: word}])
    assert mine.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])  # sitrep adds strings


def test_a_numbered_building_does_not_end_the_sentence() -> None:
    doc = nlp.load()("The occupiers have turned School No. 2 in Vasylivka into a base. He said No.")
    assert [s.text for s in doc.sents] == ["The occupiers have turned School No. 2 in Vasylivka into a base.", "He said No."]


def test_openblas_gives_the_numbers_blis_gives(reference_article: Path) -> None:
    """sitrep multiplies the model's matrices with numpy's OpenBLAS rather than thinc's default BLIS
    (faster where BLIS does not know the CPU); every tag, arc and entity must stay the same."""
    with use_ops("numpy", use_blis=True):
        reference = spacy.load(nlp.MODEL)
    reference.add_pipe("sitrep_datelines", first=True)
    ours = nlp.load(gated=False)
    assert reference.get_pipe("ner").model.ops.use_blis and not ours.get_pipe("ner").model.ops.use_blis
    texts = _texts(reference_article)
    for mine, theirs in zip(ours.pipe(texts), reference.pipe(texts)):
        assert _parse(mine) == _parse(theirs)


def _parse(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.tag_, t.dep_, str(t.head.i), t.ent_iob_, t.ent_type_) for t in doc]


def test_every_form_of_a_trigger_word_is_flagged(reference_article: Path) -> None:
    """The first pass must never miss a sentence the events stage would read: every word the model
    lemmatises to a trigger lemma is among the flagged forms."""
    reference = spacy.load(nlp.MODEL)
    lemmas = triage.trigger_lemmas()
    forms = triage.word_forms(lemmas, reference.get_pipe("lemmatizer").lookups)
    seen = [t for doc in reference.pipe(_texts(reference_article)) for t in doc if t.lemma_.lower() in lemmas]
    assert len(seen) > 20
    assert {t.lower_ for t in seen} <= forms
    assert {"shelled", "struck", "fought", "clashes", "protesters"} <= forms


def test_only_sentences_that_may_report_an_event_are_parsed(language) -> None:
    text = "The weather in Kyiv was mild. Russian forces shelled Kharkiv on Monday.\n\nPrices rose."
    doc = language(text)
    tagged = {s.text.split()[0]: all(t.tag_ for t in s if not t.is_space) for s in doc.sents}
    assert tagged == {"The": False, "Russian": True, "Prices": False}
    entities = [(e.text, e.label_) for e in doc.ents]
    assert ("Kyiv", ) == entities[0][:1]  # NER runs on all text, the unparsed sentences too
    assert entities == [(e.text, e.label_) for e in nlp.load(gated=False)(text).ents]


def test_an_empty_or_blank_text_parses(language) -> None:
    assert len(language("")) == 0
    assert [t.pos_ for t in nlp.load(gated=False)("\n\n  \n")] == ["SPACE"]


def _outputs(pipeline: Pipeline, articles: list[Article]) -> list[str]:
    return [json.dumps(to_json([p.events, p.toponyms]), sort_keys=True) for p in pipeline.process_many(articles)]


def test_gating_changes_no_event_and_no_place(reference_article: Path, full_gazetteer) -> None:
    articles = [Article(f"t{i}", text) for i, text in enumerate(_texts(reference_article))]
    assert _outputs(Pipeline(nlp.load(), full_gazetteer), articles) == _outputs(Pipeline(nlp.load(gated=False), full_gazetteer), articles)


def test_a_wire_dateline_ends_at_its_dash_in_both_parse_modes() -> None:
    text = "GOMA, Democratic Republic of Congo, Jan 28 (Reuters) - M23 rebels seized the airport on Monday."
    for language in (nlp.load(), nlp.load(gated=False)):
        assert [s.text.split()[0] for s in language(text).sents] == ["GOMA,", "M23"]


def test_a_hyphenated_name_opening_a_line_is_no_dateline() -> None:
    text = "Al-Shabaab fighters attacked an army base on Monday.\nPort-au-Prince - Gangs burned homes."
    assert [s.text.split()[0] for s in nlp.load()(text).sents] == ["Al-Shabaab", "Port-au-Prince", "Gangs"]


def test_a_claim_of_responsibility_is_parsed_though_it_names_no_trigger(language) -> None:
    doc = language("The weather was mild. The Group for the Support of Islam and Muslims (JNIM) claimed responsibility.")
    assert [t.lemma_ for t in doc if t.text == "claimed"] == ["claim"]
