"""Geoparsing evaluation, EUPEG-compatible, on GeoWebNews, LGL, GeoVirus and WikToR.

Corpora: ``$SITREP_DATA/geoparsing/<corpus>/eupeg_processed/`` (one text file per document, ``0`` to
``N-1``, and ``<corpus>_gold.txt``: line i holds document i's toponyms, ``||``-separated, fields
``gold_name,,surface,,lat,,lon,,start,,end``).

Scoring follows EUPEG (Wang & Hu 2019): a predicted toponym matches a gold one when the surface
forms agree case-insensitively and their offset midpoints are within 10 characters (each gold
toponym matched at most once). Precision, recall and F1 are over toponyms; acc@161km, mean and
median error (km) and AUC (area under the curve of log error, ln(1+km)/ln(20039), lower is better)
are over matched toponyms only, so read them beside recall.

Splits: documents with an even index are the development half (tuning), odd ones the held-out half
(report). ``--split test`` is the figure to quote. Gold conventions: GeoWebNews and LGL annotate
demonyms ("Russian" -> Russia) as toponyms, so demonyms are on by default (``--no-demonyms`` turns
them off); WikToR annotates only the mentions of each article's subject place, so its precision and
F1 are not meaningful (acc@161 is).

    python eval/geoparse.py --corpus GeoWebNews --split test --limit 50
    python eval/geoparse.py --corpus all --split test --cache /tmp/sitrep-eval-docs

Peer figures (acc@161 / F1) from DESIGN.md are printed beside ours.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

CORPORA = ("GeoWebNews", "LGL", "GeoVirus", "WikToR")
PEERS = {
    "GeoWebNews": "Edinburgh .92/.65 · CamCoder .84/.69 · CLAVIN .94/.55",
    "LGL": "Edinburgh .82/.50 · CamCoder .72/.65 · TopoCluster .62/.66",
    "GeoVirus": "(no peer figure in DESIGN.md)",
    "WikToR": "(no peer figure in DESIGN.md; F1 not meaningful, see docstring)",
}
TARGETS = {"GeoWebNews": (0.95, 0.80), "LGL": (0.85, 0.70)}
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0


@dataclass(frozen=True)
class Gold:
    surface: str
    lat: float
    lon: float
    start: int
    end: int


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    errors: list[float] | None = None

    def __post_init__(self) -> None:
        self.errors = [] if self.errors is None else self.errors

    def report(self) -> dict[str, float]:
        errors = self.errors or []
        matched = len(errors)
        precision = matched / self.predicted if self.predicted else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision, "recall": recall, "f1": f1,
            "acc161": sum(e <= 161 for e in errors) / matched if matched else 0.0,
            "mean_km": statistics.fmean(errors) if errors else 0.0,
            "median_km": statistics.median(errors) if errors else 0.0,
            "auc": statistics.fmean(math.log(1 + e) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) for e in errors) if errors else 0.0,
            "matched": matched, "gold": self.gold, "predicted": self.predicted,
        }


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def read_corpus(root: Path, corpus: str) -> list[tuple[int, str, list[Gold]]]:
    folder = root / "geoparsing" / corpus / "eupeg_processed"
    lines = (folder / f"{corpus}_gold.txt").read_text(encoding="utf-8").split("\n")
    docs = []
    for index, line in enumerate(lines):
        path = folder / str(index)
        if not path.is_file():
            continue
        gold = []
        for item in line.split("||"):
            fields = item.split(",,")
            if len(fields) >= 6 and fields[2] and fields[3]:
                gold.append(Gold(fields[1], float(fields[2]), float(fields[3]), int(fields[4]), int(fields[5])))
        docs.append((index, path.read_text(encoding="utf-8"), gold))
    return docs


def score_document(tally: Tally, gold: list[Gold], predicted: list) -> list[tuple[object, Gold, float]]:
    """EUPEG matching; returns (prediction, gold, km) for matched pairs."""
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    free = list(gold)
    pairs = []
    for toponym in predicted:
        mid = (toponym.start + toponym.end) / 2
        for g in free:
            if g.surface.lower() == toponym.text.lower() and abs((g.start + g.end) / 2 - mid) <= 10:
                km = distance_km(g.lat, g.lon, toponym.lat, toponym.lon) if toponym.lat is not None else EARTH_HALF_CIRCUMFERENCE_KM
                tally.errors.append(km)
                pairs.append((toponym, g, km))
                free.remove(g)
                break
    return pairs


def parsed_docs(language, texts: list[str], cache: Path | None, corpus: str, indices: list[int]):
    """spaCy Docs for the texts, read from or written to a DocBin cache when one is given."""
    from spacy.tokens import DocBin

    if cache is not None:
        path = cache / f"{corpus}-{len(indices)}-{hash(tuple(indices)) & 0xFFFFFFFF:x}-{'+'.join(language.pipe_names)}.spacy"
        if path.is_file():
            return list(DocBin().from_disk(path).get_docs(language.vocab))
    docs = list(language.pipe(texts, batch_size=16))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="all", choices=CORPORA + ("all",))
    parser.add_argument("--split", default="test", choices=("dev", "test", "all"))
    parser.add_argument("--limit", type=int, default=0, help="at most N documents per corpus (0: all; WikToR defaults to 500)")
    parser.add_argument("--gazetteer", type=Path, default=None, help="index path (default: Settings / SITREP_GAZETTEER)")
    parser.add_argument("--no-demonyms", action="store_true", help="do not count demonyms as toponyms")
    parser.add_argument("--cache", type=Path, default=None, help="folder for parsed documents, to re-score quickly")
    parser.add_argument("--errors", type=int, default=0, help="print the N worst resolution errors and N misses")
    args = parser.parse_args(argv)

    from sitrep.config import Settings
    from sitrep.gazetteer import Gazetteer
    from sitrep.geoparse import geoparse
    from sitrep.nlp import load

    root = Path(os.environ.get("SITREP_DATA") or REPO.parent / "shared" / "data")
    gazetteer = Gazetteer.ensure(args.gazetteer or Settings.from_env().gazetteer_path)
    language = load()  # the product's own parse: NER on all text, the parser where events may be
    corpora = CORPORA if args.corpus == "all" else (args.corpus,)
    print(f"{'corpus':<11} {'split':<5} {'docs':>5} {'P':>5} {'R':>5} {'F1':>5} {'acc161':>6} {'mean km':>8} "
          f"{'median':>7} {'AUC':>5}  peers (acc@161/F1)")
    for corpus in corpora:
        docs = read_corpus(root, corpus)
        if args.split != "all":
            docs = [d for d in docs if d[0] % 2 == (0 if args.split == "dev" else 1)]
        limit = args.limit or (500 if corpus == "WikToR" else 0)
        docs = docs[:limit] if limit else docs
        started = time.perf_counter()
        parsed = parsed_docs(language, [d[1] for d in docs], args.cache, corpus, [d[0] for d in docs])
        tally, misses, wrong, spurious = Tally(), [], [], []
        for (index, text, gold), doc in zip(docs, parsed):
            predicted = geoparse(doc, [], gazetteer, demonyms=not args.no_demonyms)
            pairs = score_document(tally, gold, predicted)
            wrong += [(km, index, t.text, t.name, t.country, g.lat, g.lon) for t, g, km in pairs if km > 161]
            matched = {id(g) for _, g, _ in pairs}
            hit = {id(t) for t, _, _ in pairs}
            spurious += [(index, t.text, t.name, t.country, t.feature) for t in predicted if id(t) not in hit]
            misses += [(index, g.surface, text[max(0, g.start - 30) : g.end + 30].replace("\n", " ")) for g in gold if id(g) not in matched]
        r = tally.report()
        print(f"{corpus:<11} {args.split:<5} {len(docs):>5} {r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f} "
              f"{r['acc161']:.3f} {r['mean_km']:>8.0f} {r['median_km']:>7.1f} {r['auc']:.3f}  {PEERS[corpus]}"
              f"   [{r['matched']}/{r['gold']} gold, {r['predicted']} predicted, {time.perf_counter() - started:.0f}s]")
        if corpus in TARGETS:
            acc, f1 = TARGETS[corpus]
            print(f"{'':<11} target acc161 >= {acc} with F1 >= {f1}: {'met' if r['acc161'] >= acc and r['f1'] >= f1 else 'not met'}")
        for item in sorted(wrong, reverse=True)[: args.errors]:
            print("   wrong", item)
        for item in misses[: args.errors]:
            print("   missed", item)
        for item in spurious[: args.errors]:
            print("   spurious", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
