"""Fit src/sitrep/data/event_confidence.json, the model behind an event's confidence, and report
how well confidence means what it says, before (the former hand-set sum) and after.

"Right" means the event happened as coded. Labelled sources, each split dev/test by a hash of the
record id (``events_cir_ukraine.split_of``); coefficients are fitted on dev, figures are test:
  - CIR / Bellingcat notes from Ukraine ($SITREP_DATA/incidents/cir_ukraine.jsonl, built into
    one-line reports by ``eval/events_cir_ukraine.py``, imported): an event is right when its date is
    exact, its place right and, where the scorer knows the tactic, its sub-event type right. The
    place is right within 25 km of the record for a town (geo_precision 1 or 2); an event coded at a
    province (geo_precision 3: ACLED's code for "somewhere in this province") is right when the
    record lies in that province (its ``province`` field, read through the gazetteer). Every event
    of a note is labelled (a second event at another place is
    scored against the same record, so it is usually wrong).
  - Texts that report no ACLED event, so every event sitrep extracts from them is wrong: PLOVER
    GSR sentences (CAMEO manual examples, $SITREP_DATA/events/plover_gsr/) of the cooperative and
    verbal categories AGREE, CONSULT, COOPERATE, AID, SUPPORT, DEMAND, REJECT, and NGEC's synthetic
    stories ($SITREP_DATA/events/ngec_synthetic/, LLM-written fiction; the classifier trains only
    on its conflict categories) of AGREE, CONSULT, COOPERATE, AID, SUPPORT, REQUEST, REJECT.
    Left out: ACCUSE, THREATEN, SANCTION, CONCEDE, DISAPPROVE (their texts often recount an attack,
    an arrest or a ceasefire, which ACLED does code). Some kept stories mention real violence in
    passing (an attempted coup); those events count as wrong too, so the labels err on the strict side.
  - NGEC synthetic stories of conflict categories the event classifier never trained on
    (``NGEC_POSITIVE``): an event is right when its event type is one the category amounts to
    (a lax label: place and date are not known). Without them every undated or inherited-place
    event in the fitting data came from a negative text, and the model learnt the styles of the
    sources (CIR notes all give the day and the place) rather than what makes an event right: the
    reference article's true undated events then got 0.01-0.04.

Mixture: every event sitrep extracts counts once, whatever its source; the events of the negative
texts are weighted so that they are NEGATIVE_SHARE of the total weight on each half. The mixture sets
the base rate; the choice assumes a feed where a fifth of what sitrep extracts comes from
text that reports no event (diplomacy, statements, background), and the rest from incident
reports as precise as CIR's. The per-source lines below show what each source alone gets.

An event's confidence is that of its sentence (``confidence.probability``); sentences of one article
reporting one event are combined by ``confidence.corroborate``: noisy-OR or the higher one,
whichever has the lower Brier score on dev (written into the data file).

    .venv/bin/python eval/calibrate_confidence.py [--refresh] [--ngec 0 (all)] [--no-write]

Extraction is cached under $SITREP_CACHE or /tmp/calibrate_confidence/ (``--refresh`` rebuilds it;
it must be rebuilt whenever events.py changes what it extracts).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import re
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "eval"))

import events_cir_ukraine as cir  # noqa: E402

from sitrep import events, nlp  # noqa: E402
from sitrep.confidence import FEATURES, Signals, vector  # noqa: E402
from sitrep.config import Settings  # noqa: E402
from sitrep.gazetteer import Gazetteer  # noqa: E402
from sitrep.model import Article, Processed  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402

DATA_FILE = REPO / "src" / "sitrep" / "data" / "event_confidence.json"
GSR_NEGATIVE = {"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "DEMAND", "REJECT"}
NGEC_NEGATIVE = {"AGREE", "CONSULT", "COOPERATE", "AID", "SUPPORT", "REQUEST", "REJECT"}
# Conflict stories the event classifier never trained on (train_event_classifier.SYNTHETIC_TO_ACLED
# leaves these pairs out) -> the ACLED event types that count as right in them.
NGEC_POSITIVE = {
    ("ASSAULT", ""): {"Battles", "Violence against civilians", "Explosions/Remote violence"},
    ("ASSAULT", "FIREARMS"): {"Battles", "Violence against civilians"},
    ("ASSAULT", "PRIMATIVE"): {"Battles", "Violence against civilians"},
    ("ASSAULT", "CLEANSING"): {"Battles", "Violence against civilians"},
    ("PROTEST", ""): {"Protests", "Riots"},
    ("PROTEST", "OBSTRUCT"): {"Protests", "Riots"},
    ("PROTEST", "HUNGER"): {"Protests"},
    ("PROTEST", "STRIKE"): {"Protests"},
}
NEGATIVE_SOURCES = ("gsr", "ngec")
NEGATIVE_SHARE = 0.2
L2 = 1.0  # ridge on the coefficients (not the intercept): a dozen features, a few thousand events
BINS = 10
COMMAND = "eval/calibrate_confidence.py"

Labeller = Callable[[Any], bool | None]  # None: this source cannot tell


def cache_dir() -> Path:
    path = Path(os.environ.get("SITREP_CACHE") or "/tmp/calibrate_confidence")
    path.mkdir(parents=True, exist_ok=True)
    return path


# ---------------------------------------------------------------- sources: (id, article, labeller)


def _in_province(event: Any, province: str | None, gazetteer: Gazetteer) -> bool:
    """Whether the record's province (as CIR spells it: "Donets'ka oblast", "Kiev Oblast") is the
    first-level division the event is coded in."""
    name = re.sub(r"(?i)\boblast\b", " ", province or "").strip(" ,")
    return bool(name) and any(
        p.feature == "admin1" and p.country == event.country and p.admin1 == event.admin1
        for p, _ in gazetteer.lookup_kinds(name)
    )


def cir_items(gazetteer: Gazetteer) -> Iterator[tuple[str, Article, Labeller]]:
    path = cir.data_dir() / "incidents" / "cir_ukraine.jsonl"
    for record in map(json.loads, path.read_text("utf-8").splitlines()):
        if not cir.usable(record):
            continue
        gold_day, gold_type = dt.date.fromisoformat(record["date"]), cir.gold_tactic(record["text"])

        def right(e: Any, record: dict = record, gold_day: dt.date = gold_day, gold_type: str | None = gold_type) -> bool:
            if e.geo_precision == 3:
                placed = _in_province(e, record.get("province"), gazetteer)
            else:
                placed = e.latitude is not None and cir.km(e.latitude, e.longitude, record["lat"], record["lon"]) <= cir.TOLERANCE_KM
            return e.event_date == gold_day and placed and (gold_type is None or e.sub_event_type == gold_type)

        yield record["id"], cir.report(record), right


def gsr_items() -> Iterator[tuple[str, Article, Labeller]]:
    path = cir.data_dir() / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
    for record in json.loads(path.read_text("utf-8")):
        if record.get("event") in GSR_NEGATIVE and record.get("text"):
            yield record["id"], Article(record["id"], record["text"], published=dt.date(2000, 1, 2)), lambda e: False


def ngec_rows() -> list[dict[str, str]]:
    path = cir.data_dir() / "events" / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        return list(csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")))


def ngec_items(limit: int) -> Iterator[tuple[str, Article, Labeller]]:
    kept = [(i, r) for i, r in enumerate(ngec_rows()) if r["label"] in NGEC_NEGATIVE]
    for i, row in kept[: limit or None]:
        key = f"ngec-{i}"
        yield key, Article(key, row["text"], published=dt.date(2023, 10, 19)), lambda e: False


def ngec_conflict_items() -> Iterator[tuple[str, Article, Labeller]]:
    """Right when the event is of a type the story's PLOVER category amounts to (place and date
    are not checked: a lax label, the only one these stories allow). Events placed only at a
    province are left unlabelled: whether the province is right decides there, and this label
    cannot see it."""
    for i, row in enumerate(ngec_rows()):
        accept = NGEC_POSITIVE.get((row["label"], row["mode"]))
        if accept:
            key = f"ngec-{i}"
            yield key, Article(key, row["text"], published=dt.date(2023, 10, 19)), \
                lambda e, accept=accept: None if e.geo_precision == 3 else e.event_type in accept


# ---------------------------------------------------------------- extraction with the signals


class Recorder:
    """Catches each sentence event's signals and the drafts ``events.extract`` merges, in order."""

    def __init__(self) -> None:
        self.signals: list[Signals] = []
        self.drafts: list[Any] = []
        probability, merge = events.probability, events._merge

        def record(signals: Signals) -> float:
            self.signals.append(signals)
            return probability(signals)

        def merge_and_record(drafts: Sequence[Any], published: dt.date | None) -> list[Any]:
            self.drafts.extend(drafts)
            return merge(drafts, published)

        events.probability = record
        events._merge = merge_and_record

    def take(self) -> list[tuple[Signals, Any]]:
        out = list(zip(self.signals, (d.event for d in self.drafts), strict=True))
        self.signals, self.drafts = [], []
        return out


def legacy(signals: Signals, actor1: str, dated: bool) -> float:
    """The hand-set confidence this replaces (events.py before this change); ``dated``: any date found."""
    value = 0.45 + 0.2 * signals.specific + 0.1 * dated + 0.1 * signals.own_place + 0.05 * bool(actor1)
    return round(min(value - 0.1 * (not signals.own_place), 0.95), 2)


def extract(source: str, items: list[tuple[str, Article, Labeller]], pipeline: Pipeline, recorder: Recorder) -> list[dict]:
    """One row per event: its source, split, label, and per sentence its features and old confidence."""
    rows = []
    for (key, _, right), processed in zip(items, pipeline.process_many(a for _, a, _ in items)):
        assert isinstance(processed, Processed)
        drafts = recorder.take()
        for event in processed.events:
            label = right(event)
            if label is None:
                continue
            mine = [(s, d) for s, d in drafts if d.evidence[0] in event.evidence
                    and (d.geonameid or d.location) == (event.geonameid or event.location)]
            rows.append({
                "source": source, "split": cir.split_of({"id": key}), "right": bool(label),
                "event_type": event.event_type, "geo_precision": event.geo_precision,
                "x": [vector(s) for s, _ in mine], "legacy": [legacy(s, d.actor1, d.event_date is not None) for s, d in mine],
            })
    return rows


def load_rows(refresh: bool, ngec_limit: int) -> list[dict]:
    path = cache_dir() / f"events_v6_ngec{ngec_limit}.json"
    if path.exists() and not refresh:
        return json.loads(path.read_text("utf-8"))
    gazetteer = Gazetteer.ensure(Settings.from_env().gazetteer_path)
    pipeline = Pipeline(nlp.load(), gazetteer)
    recorder = Recorder()
    rows = []
    sources = {"cir": cir_items(gazetteer), "gsr": gsr_items(), "ngec": ngec_items(ngec_limit), "ngec+": ngec_conflict_items()}
    for source, items in sources.items():
        rows += extract(source, list(items), pipeline, recorder)
        print(f"  extracted {source}: {sum(r['source'] == source for r in rows)} events", file=sys.stderr)
    path.write_text(json.dumps(rows), "utf-8")
    return rows


# ---------------------------------------------------------------- fitting and scoring


def weights(rows: Sequence[dict]) -> np.ndarray:
    """Each event weight 1, then the negative sources rescaled to NEGATIVE_SHARE of the total."""
    negative = np.array([r["source"] in NEGATIVE_SOURCES for r in rows])
    w = np.ones(len(rows))
    if negative.any() and (~negative).any():
        w[negative] = NEGATIVE_SHARE / (1 - NEGATIVE_SHARE) * (~negative).sum() / negative.sum()
    return w


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, np.ndarray]:
    """Weighted logistic regression by Newton's method, ridge L2 on the coefficients."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    ridge = np.diag([0.0] + [L2] * x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (w * (p - y)) + ridge @ beta
        hessian = design.T @ (design * (w * p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def sentence_probability(x: np.ndarray, intercept: float, coefficients: np.ndarray) -> np.ndarray:
    p = 1 / (1 + np.exp(-(intercept + x @ coefficients)))
    return np.clip(np.round(p, 2), 0.01, 0.99)  # as events._rounded


def event_confidence(row: dict, intercept: float, coefficients: np.ndarray, rule: str) -> float:
    p = sentence_probability(np.array(row["x"]), intercept, coefficients)
    return float(1 - np.prod(1 - p)) if rule == "noisy-or" else float(p.max())


def event_legacy(row: dict) -> float:
    """The former merge rule: the best sentence plus 0.05 for each other one, at most 0.95."""
    return min(0.95, max(row["legacy"]) + 0.05 * (len(row["legacy"]) - 1))


def reliability(conf: np.ndarray, right: np.ndarray, w: np.ndarray) -> list[tuple[float, float, float, float, float]]:
    """(low, events, weighted share of the events, mean confidence, share right) per bin."""
    out = []
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = (conf >= low) & ((conf < high) if b < BINS - 1 else (conf <= high))
        if inside.any():
            out.append((low, int(inside.sum()), float(w[inside].sum() / w.sum()),
                        float(np.average(conf[inside], weights=w[inside])), float(np.average(right[inside], weights=w[inside]))))
    return out


def ece(conf: np.ndarray, right: np.ndarray, w: np.ndarray) -> float:
    return sum(share * abs(mean - hit) for _, _, share, mean, hit in reliability(conf, right, w))


def brier(conf: np.ndarray, right: np.ndarray, w: np.ndarray) -> float:
    return float(np.average((conf - right) ** 2, weights=w))


def scores(rows: Sequence[dict], conf: Callable[[dict], float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (np.array([conf(r) for r in rows]), np.array([float(r["right"]) for r in rows]), weights(rows))


def show(name: str, conf: np.ndarray, right: np.ndarray, w: np.ndarray) -> None:
    print(f"  {name}: ECE {ece(conf, right, w):.3f}  Brier {brier(conf, right, w):.3f}")
    print(f"    {'bin':9s} {'events':>6s} {'weight':>7s} {'mean conf':>9s} {'right':>6s}")
    for low, n, share, mean, hit in reliability(conf, right, w):
        print(f"    {low:.1f}-{low + 1 / BINS:.1f}   {n:6d} {share:7.3f} {mean:9.3f} {hit:6.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--refresh", action="store_true", help="re-extract instead of reading the cache")
    parser.add_argument("--ngec", type=int, default=0, help="synthetic stories to read (0: all of the kept categories)")
    parser.add_argument("--no-write", action="store_true", help="report only; leave the data file as it is")
    args = parser.parse_args(argv)

    rows = load_rows(args.refresh, args.ngec)
    dev = [r for r in rows if r["split"] == "dev" and r["x"]]
    test = [r for r in rows if r["split"] == "test" and r["x"]]
    x = np.array([s for r in dev for s in r["x"]])
    y = np.array([float(r["right"]) for r in dev for _ in r["x"]])
    # a sentence's weight: its event's, shared among the event's sentences
    w = np.concatenate([[wr / len(r["x"])] * len(r["x"]) for r, wr in zip(dev, weights(dev))])
    intercept, coefficients = fit(x, y, w)
    rule = min(("noisy-or", "max"), key=lambda rule: brier(*scores(dev, lambda r: event_confidence(r, intercept, coefficients, rule))))
    dev_briers = {k: brier(*scores(dev, lambda r, k=k: event_confidence(r, intercept, coefficients, k))) for k in ("noisy-or", "max")}

    for name, part in (("dev", dev), ("test", test)):
        counts = {s: (sum(r["source"] == s for r in part), sum(r["right"] for r in part if r["source"] == s)) for s in ("cir", "ngec+", "gsr", "ngec")}
        print(f"{name}: " + ", ".join(f"{s} {n} events ({k} right)" for s, (n, k) in counts.items())
              + f"; negatives weighted to {NEGATIVE_SHARE:.0%}")
    print(f"corroboration on dev (Brier): noisy-OR {dev_briers['noisy-or']:.4f}, max {dev_briers['max']:.4f} -> {rule}; "
          f"events with several sentences: dev {sum(len(r['x']) > 1 for r in dev)}, test {sum(len(r['x']) > 1 for r in test)}")
    print("coefficients: intercept {:+.2f}, ".format(intercept) + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, coefficients)))
    print("\nheld-out (test halves), one row per extracted event:")
    show("hand-set (before)", *scores(test, event_legacy))
    show("calibrated (after)", *scores(test, lambda r: event_confidence(r, intercept, coefficients, rule)))
    print("  per source, unweighted (mean confidence, ECE, Brier: before -> after; share right):")
    for source in ("cir", "ngec+", "gsr", "ngec"):
        part = [r for r in test if r["source"] == source]
        if part:
            before, after = (scores(part, f)[:2] for f in (event_legacy, lambda r: event_confidence(r, intercept, coefficients, rule)))
            one = np.ones(len(part))
            print(f"    {source:5s} {len(part):4d} events  mean {before[0].mean():.3f} -> {after[0].mean():.3f}"
                  f"  ECE {ece(*before, one):.3f} -> {ece(*after, one):.3f}  Brier {brier(*before, one):.3f} -> {brier(*after, one):.3f}"
                  f"  right {before[1].mean():.3f}")

    if not args.no_write:
        DATA_FILE.write_text(json.dumps({
            "provenance": (f"fitted {dt.date.today().isoformat()} by `.venv/bin/python {COMMAND}` (logistic regression, "
                           f"ridge {L2}) on the dev halves of: CIR Ukraine notes (right = date exact, place within 25 km or, coded at a province, in that province, "
                           f"sub-event type right where known), NGEC synthetic conflict stories (right = event type of "
                           f"the story's category), PLOVER GSR and NGEC synthetic texts of non-conflict "
                           f"categories (every event wrong, weighted to {NEGATIVE_SHARE:.0%} of the events); "
                           f"{len(dev)} events, {len(x)} sentences. Figures: docs/benchmarks/events.md"),
            "intercept": round(intercept, 4),
            "coefficients": {n: round(float(c), 4) for n, c in zip(FEATURES, coefficients)},
            "corroboration": rule,
        }, indent=1) + "\n", "utf-8")
        print(f"\nwrote {DATA_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
