"""How likely an extracted event is right: a small logistic model over what the sentence shows.

"Right" is what an analyst filtering the map needs: the event happened as coded (that kind, on that
day, within 25 km of that place). The coefficients in ``data/event_confidence.json`` are fitted by
``eval/calibrate_confidence.py`` on development halves of labelled events (the file records on
what, when and by which command); of events given ~0.7, about 70% should be right on text like that.
Two sentences of one article reporting one event are combined as the data file says (``corroborate``).
"""

from __future__ import annotations

import json
import math
from dataclasses import astuple, dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Signals", "probability", "corroborate", "vector", "FEATURES"]


@dataclass(frozen=True, slots=True)
class Signals:
    """What one sentence's event shows about itself where its confidence is set."""

    specific: bool  # a verb or weapon trigger, not a general noun ("fighting")
    dated: bool  # the sentence gives the day (time_precision 1), not a week, a month or nothing
    own_place: bool  # a place named in the sentence, not the article's main place
    region: bool  # geo_precision 3: only a province or country
    agent_named: bool  # the sentence names who did it


FEATURES: tuple[str, ...] = tuple(f.name for f in fields(Signals))


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    model = json.loads(resources.files("sitrep").joinpath("data/event_confidence.json").read_text("utf-8"))
    missing = set(FEATURES) - set(model["coefficients"])
    if missing:
        raise ValueError(f"event_confidence.json lacks coefficients for {sorted(missing)}")
    return model


def vector(signals: Signals) -> list[float]:
    return [float(v) for v in astuple(signals)]


def probability(signals: Signals) -> float:
    """P(event right | signals), strictly between 0 and 1."""
    model = _model()
    z = model["intercept"] + sum(model["coefficients"][name] * x for name, x in zip(FEATURES, vector(signals)))
    return 1.0 / (1.0 + math.exp(-z))


def corroborate(a: float, b: float) -> float:
    """Two sentences of one article reporting one event: noisy-OR (each a separate chance of being
    right) or the higher of the two, whichever the data file says was better calibrated on the
    development halves (one article's sentences are not independent witnesses)."""
    if _model()["corroboration"] == "noisy-or":
        return 1.0 - (1.0 - a) * (1.0 - b)
    return max(a, b)
