"""Score events on the reference article against its expected file.

Corpus: ../shared/examples/izyum-cnn-2022-09-13.txt and .expected.json (the project's reference:
a spun CNN report from Izium, published 2022-09-13). Metric: required events found (of 2) and
optional events found (of 4), each matched on an accepted type, place (GeoNames id or admin1),
date and evidence text; plus the must-not rules (no event in Russia, the March 4 strike not
dated with the publication date, no evidence from captions, related links or boilerplate).
Floor: 2/2 required and 3/4 optional (issue 4).

    .venv/bin/python eval/events_reference.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep import nlp  # noqa: E402
from sitrep.config import Settings  # noqa: E402
from sitrep.gazetteer import Gazetteer  # noqa: E402
from sitrep.model import Article, Event  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402


def matches(event: Event, want: dict) -> bool:
    if not any((event.event_type, event.sub_event_type) == (a["event_type"], a["sub_event_type"]) for a in want["accept"]):
        return False
    checks = {
        "geonameid": lambda: event.geonameid == want["geonameid"],
        "admin1": lambda: event.admin1 == want["admin1"],
        "event_date": lambda: event.event_date is not None and event.event_date.isoformat() == want["event_date"],
        "evidence_contains": lambda: any(want["evidence_contains"] in e.text for e in event.evidence),
        "fatalities": lambda: event.fatalities == want["fatalities"],
        "geo_precision": lambda: event.geo_precision == want["geo_precision"],
        "time_precision": lambda: event.time_precision == want["time_precision"],
    }
    return all(check() for key, check in checks.items() if key in want)


def main() -> int:
    examples = Path(os.environ.get("SITREP_DATA") or REPO.parent / "shared" / "data").parent / "examples"
    path = examples / "izyum-cnn-2022-09-13.txt"
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    text = path.read_text("utf-8")
    published = dt.date.fromisoformat(expected["published"])
    pipeline = Pipeline(nlp.load(), Gazetteer.ensure(Settings.from_env().gazetteer_path))
    processed = pipeline.process(Article("reference", text, published=published))
    found = processed.events
    print(f"reference article: {len(found)} events")
    for e in found:
        print(f"  {e.event_date} p{e.time_precision} {e.sub_event_type:36s} {e.location} (geo p{e.geo_precision}) "
              f"{e.actor1} / {e.actor2 or '-'} fatalities={e.fatalities} conf={e.confidence}")
    required = [w for w in expected["events"] if w["required"]]
    optional = [w for w in expected["events"] if not w["required"]]
    got_required = [w["id"] for w in required if any(matches(e, w) for e in found)]
    got_optional = [w["id"] for w in optional if any(matches(e, w) for e in found)]
    hidden = [s for s in processed.segments if s.kind in {"caption", "related", "boilerplate"}]
    violations = [f"event in Russia: {e.location}" for e in found if e.country == "RU"]
    violations += [f"dated with the publication day: {e.notes[:60]}" for e in found
                   if e.event_date == published and any("eight Grad rockets" in v.text for v in e.evidence)]
    violations += [f"evidence from a {s.kind}: {v.text[:60]}" for e in found for v in e.evidence for s in hidden if s.start <= v.start < s.end]
    print(f"required {len(got_required)}/{len(required)} {got_required}  (floor {len(required)})")
    print(f"optional {len(got_optional)}/{len(optional)} {got_optional}  (floor 3)")
    print(f"must-not violations: {len(violations)}")
    for v in violations:
        print(f"  {v}")
    ok = len(got_required) == len(required) and len(got_optional) >= 3 and not violations
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
