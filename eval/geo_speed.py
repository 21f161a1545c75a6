"""What geoparsing adds to the cost of the NLP pass, in words per second, on the ISW daily reports.

Corpus: ``$SITREP_DATA/articles/isw/*.txt`` (long reports on the 2022 Kharkiv counteroffensive).
It times spaCy's small English pipeline alone, then ``geoparse`` over the parsed Docs, on the same
documents in one run, and prints words per second for each and for both, plus the gazetteer's open time.

    python eval/geo_speed.py --limit 5
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=5, help="number of reports (0: all)")
    parser.add_argument("--gazetteer", type=Path, default=None)
    args = parser.parse_args(argv)

    from sitrep import nlp
    from sitrep.config import Settings
    from sitrep.gazetteer import Gazetteer
    from sitrep.geoparse import geoparse

    root = Path(os.environ.get("SITREP_DATA") or REPO.parent / "shared" / "data")
    files = sorted((root / "articles" / "isw").glob("*.txt"))
    files = files[: args.limit] if args.limit else files
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)

    started = time.perf_counter()
    gazetteer = Gazetteer.open(args.gazetteer or Settings.from_env().gazetteer_path)
    opened = time.perf_counter() - started
    language = nlp.load()
    started = time.perf_counter()
    docs = list(language.pipe(texts, batch_size=4))
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    toponyms = sum(len(geoparse(doc, [], gazetteer)) for doc in docs)
    geo_s = time.perf_counter() - started
    print(f"{len(texts)} ISW reports, {words} words, {toponyms} toponyms; gazetteer open {opened * 1000:.0f} ms")
    print(f"spaCy small pipeline alone: {words / parse_s:,.0f} words/s")
    print(f"geoparse alone:             {words / geo_s:,.0f} words/s ({geo_s / parse_s:.1%} of the NLP time)")
    print(f"NLP + geoparse:             {words / (parse_s + geo_s):,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
