"""The event confidence model: bounded, monotone in the evidence that matters, and fitted data on disk."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.confidence import FEATURES, Signals, _model, corroborate, probability
from sitrep.model import Article

REPO = Path(__file__).resolve().parents[1]


def every_signal() -> list[Signals]:
    return [Signals(*values) for values in itertools.product((False, True), repeat=len(FEATURES))]


def test_data_file_loads_with_provenance_and_every_feature():
    model = _model()
    assert set(model["coefficients"]) == set(FEATURES)
    assert "calibrate_confidence.py" in model["provenance"]
    assert model["corroboration"] in {"noisy-or", "max"}


def test_probability_is_strictly_between_zero_and_one():
    assert all(0.0 < probability(s) < 1.0 for s in every_signal())


@pytest.mark.parametrize("field", ["dated", "own_place"])
def test_a_day_or_an_own_place_raises_confidence(field):
    for signals in every_signal():
        if not getattr(signals, field):
            assert probability(replace(signals, **{field: True})) > probability(signals)


def test_a_place_known_only_as_a_province_lowers_confidence():
    for signals in every_signal():
        if not signals.region:
            assert probability(replace(signals, region=True)) < probability(signals)


def test_corroboration_never_lowers_and_stays_bounded():
    for a, b in itertools.product((0.01, 0.3, 0.7, 0.99), repeat=2):
        assert max(a, b) <= corroborate(a, b) <= 1.0


def test_reference_article_required_events_are_likely(reference_article, language, full_gazetteer):
    """The two events the reference article must yield are right: the model should say so (>= 0.5)."""
    from sitrep.pipeline import Pipeline

    sys.path.insert(0, str(REPO / "eval"))
    from events_reference import matches

    expected = json.loads(reference_article.with_suffix(".expected.json").read_text("utf-8"))
    published = dt.date.fromisoformat(expected["published"])
    found = Pipeline(language, full_gazetteer).process(Article("ref", reference_article.read_text("utf-8"), published=published)).events
    for want in (w for w in expected["events"] if w["required"]):
        hits = [e for e in found if matches(e, want)]
        assert hits and max(e.confidence for e in hits) >= 0.5, want["id"]
