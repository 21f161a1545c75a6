"""The shipped CASE 2021 model on the types the codebook separates by context (protest outcomes,
mob violence, territory handed over): the rare types balanced class weights are there for."""

from sitrep.event_classifier import EventClassifier

# Worded unlike the sentences in data/event_written_examples.json, which the model is trained on.
REPORTS = {
    "A mob lynched a man accused of stealing a goat in the village market on Sunday.": "Mob violence",
    "Police fired live rounds at students protesting fuel prices, killing three demonstrators.": "Excessive force against protesters",
    "Police fired tear gas to disperse hundreds of teachers marching on parliament over unpaid wages.": "Protest with intervention",
    "The rebels withdrew from the town under a deal brokered by elders and handed it to the army without a fight.": "Non-violent transfer of territory",
    "Hundreds of farmers marched peacefully through the capital demanding lower fertiliser prices.": "Peaceful protest",
}


def test_shipped_model_tells_the_context_types_apart():
    predicted = EventClassifier.load().predict(list(REPORTS))
    right = sum(p == e for p, e in zip(predicted, REPORTS.values()))
    assert right >= 4, dict(zip(REPORTS.values(), predicted))


def test_token_table_holds_what_the_tokens_say(language):
    """The rules read lemmas, tags and line breaks from one array call per document (``_tokens``); they
    must be what spaCy's Token objects say, and subtrees stop at line breaks."""
    from sitrep.event_classifier import _tokens, lemma, subtree

    doc = language("Russian forces shelled Kupiansk.\nUkrainian troops retook the village of Hrakove, officials said.\n\n")
    table, tokens = _tokens(doc), list(doc)
    assert table.lemma == [lemma(t) for t in tokens]  # spaCy's, with the lexicon's fixes ("retook": "retake")
    assert table.pos == [t.pos_ for t in tokens] and table.dep == [t.dep_ for t in tokens]
    assert table.idx == [t.idx for t in tokens] and table.blank == [t.is_space or t.is_punct for t in tokens]
    assert table.line_breaks == [t.i for t in tokens if t.is_space and "\n" in t.text]
    for token in tokens:
        if token.i not in table.line_breaks:
            inside = [t.i for t in subtree(token)]
            assert not any(min(inside) <= b <= max(inside) for b in table.line_breaks), token.text


def test_encoder_gives_log_probabilities_in_the_classifier_order():
    import numpy as np

    model = EventClassifier.load()
    encoded = model.encoded(["Rebels shelled the market in the town centre on Sunday, killing four civilians."])
    assert encoded.shape == (1, len(model.classes))
    assert np.isclose(np.exp(encoded).sum(), 1.0, atol=1e-4)
    assert model.classes[int(encoded.argmax())] == "Shelling/artillery/missile attack"


def test_an_artefact_trained_on_other_types_is_refused():
    """The encoder's class names travel in its metadata: an artefact whose types differ is caught at
    first use rather than adding scores of one type to another."""
    import numpy as np
    import pytest

    from sitrep.errors import ConfigError
    from sitrep.event_classifier import ARTEFACT
    from importlib import resources

    with resources.files("sitrep").joinpath(ARTEFACT).open("rb") as handle:
        arrays = dict(np.load(handle, allow_pickle=False))
    arrays["classes"] = arrays["classes"][::-1]
    with pytest.raises(ConfigError, match="different types"):
        EventClassifier(arrays).decision(["Police arrested two men."])
