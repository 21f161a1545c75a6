"""Score events on short dated reports from Ukraine built from the CIR / Bellingcat monitor.

Corpus: $SITREP_DATA/incidents/cir_ukraine.jsonl (Centre for Information Resilience "Russia-Ukraine
monitor", geolocated incidents; research/eval use, attribute CIR/Bellingcat). Each sampled record
becomes a one-line report in the ACLED-notes style, "On 14 June 2022, <description> in <town>,
<province>.", published the day after, and goes through the whole pipeline (clean, nlp,
geoparse with the default gazetteer, dates, events).

Metrics, over records where sitrep finds an event (and recall: how many it finds one for):
  - date exact: the event's date equals the record's date (the issue's figure: >= 95%);
  - place within 25 km of the record's coordinates (>= 80%);
  - sub-event type right (>= 85%), on the records whose description names the tactic itself;
    that gold comes from the keyword table below (written for this scorer, independent of
    sitrep's trigger lexicon but of the same kind), so it checks consistency, not judgement.
Peer: the GDELT audit found 76.5% of its conflict rows wrong (not that event at that place).

    .venv/bin/python eval/events_cir_ukraine.py [--sample 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep import nlp  # noqa: E402
from sitrep.config import Settings  # noqa: E402
from sitrep.gazetteer import Gazetteer  # noqa: E402
from sitrep.model import Article, Event  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402

# The tactic a description names -> ACLED sub-event type (first match wins, most specific first).
GOLD_TACTICS = [
    (r"\b(air ?strikes?|aerial bomb\w*|airstrikes?|drone strikes?|kamikaze drones?|shahed|bombed from the air)\b", "Air/drone strike"),
    (r"\b(landmines?|mines?|IEDs?|car bomb)\b", "Remote explosive/landmine/IED"),
    (r"\b(shell(ed|ing|s)?|artillery|missiles?|rockets?|MLRS|Grad|mortars?|Iskander|cluster munitions?)\b", "Shelling/artillery/missile attack"),
    (r"\b(firefights?|clash(es)?|fighting|gunfight|battles?|ambush(ed)?)\b", "Armed clash"),
    (r"\b(loot(ed|ing)?|stole|stolen)\b", "Looting/property destruction"),
    (r"\b(detain(ed)?|arrest(ed)?|detention)\b", "Arrests"),
    (r"\b(protest(s|ers)?|rally|demonstration)\b", "Peaceful protest"),
]
TOLERANCE_KM = 25.0
TARGETS = {"sub-event type right": 0.85, "date exact": 0.95, "place within 25 km": 0.80}


def data_dir() -> Path:
    return Path(os.environ.get("SITREP_DATA") or REPO.parent / "shared" / "data")


def gold_tactic(description: str) -> str | None:
    for pattern, sub_type in GOLD_TACTICS:
        if re.search(pattern, description, flags=re.IGNORECASE):
            return sub_type
    return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def usable(record: dict) -> bool:
    text = record.get("text") or ""
    return bool(record.get("town") and record.get("lat") and record.get("date") and len(text.split()) >= 3
                and not re.match(r"^(image|picture|photo|video)\b", text, flags=re.IGNORECASE))


def report(record: dict) -> Article:
    day = dt.date.fromisoformat(record["date"])
    description = record["text"].strip().rstrip(".:")
    where = ", ".join(p for p in (record["town"], record.get("province")) if p)
    text = f"On {day.day} {day:%B %Y}, {description[0].lower() + description[1:]} in {where}."
    return Article(record["id"], text, published=day + dt.timedelta(days=1))


def best(events: Sequence[Event]) -> Event | None:
    return max(events, key=lambda e: e.confidence, default=None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show", type=int, default=10, help="print this many misses")
    args = parser.parse_args(argv)

    path = data_dir() / "incidents" / "cir_ukraine.jsonl"
    records = [r for r in map(json.loads, path.read_text("utf-8").splitlines()) if usable(r)]
    records = random.Random(args.seed).sample(records, min(args.sample, len(records)))
    pipeline = Pipeline(nlp.load(), Gazetteer.ensure(Settings.from_env().gazetteer_path))
    found = typed = type_right = date_right = place_right = 0
    misses = []
    for record, processed in zip(records, pipeline.process_many(report(r) for r in records)):
        event = best(processed.events)
        gold = gold_tactic(record["text"])
        if event is None:
            misses.append(("no event", processed.article.text, ""))
            continue
        found += 1
        date_right += event.event_date == dt.date.fromisoformat(record["date"])
        near = event.latitude is not None and km(event.latitude, event.longitude, record["lat"], record["lon"]) <= TOLERANCE_KM
        place_right += near
        if not near:
            misses.append(("place", processed.article.text, f"{event.location} {event.latitude},{event.longitude}"))
        if gold:
            typed += 1
            type_right += event.sub_event_type == gold
            if event.sub_event_type != gold:
                misses.append(("type", processed.article.text, f"{event.sub_event_type} (gold {gold})"))
    figures = {
        "records": len(records),
        "with an event": found / len(records),
        "sub-event type right": type_right / typed if typed else 0.0,
        "records with a tactic gold": typed,
        "date exact": date_right / found if found else 0.0,
        "place within 25 km": place_right / found if found else 0.0,
    }
    print(f"CIR Ukraine monitor, {len(records)} one-line reports (seed {args.seed})")
    for name, value in figures.items():
        target = f"   (target >= {TARGETS[name]:.2f})" if name in TARGETS else ""
        print(f"  {name:28s} {value:.3f}{target}" if isinstance(value, float) else f"  {name:28s} {value}")
    print("  peer: GDELT conflict rows audited, 76.5% not a real event of that type at that place")
    for kind, text, detail in misses[: args.show]:
        print(f"  miss[{kind}] {text}  -> {detail}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
