"""How story grouping scales: adding 10,000 articles to a StoryIndex, beside naive all-pairs.

Synthetic articles (seeded): 300-700 words drawn from a Zipf-distributed (s=1.1) 30,000-word
vocabulary without its 50 commonest ranks (content words with news-like frequencies, so that
unrelated articles share common words and phrases), of which 20 %
are republications of an earlier article (verbatim, truncated, or with 30 % of words replaced).
Fingerprinting is timed apart from filing, since the pipeline computes the fingerprint once per
article anyway. The baseline compares each new article with every filed one (the same
verification, no LSH): quadratic, so it is run on small n only and extrapolated.

    .venv/bin/python bench/stories_bench.py            # 1k, 2k, 5k, 10k; baseline at 250, 500, 1000
    .venv/bin/python bench/stories_bench.py --quick    # 500, 1000, 2000; baseline at 250, 500
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence

import numpy as np

from sitrep.stories import Signature, StoryIndex, fingerprint, overlap

VOCABULARY = 30_000
COMMONEST = 50  # the commonest ranks stand for function words, which fingerprints drop anyway


def synthetic_articles(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(VOCABULARY)]
    texts: list[str] = []
    for _ in range(n):
        if texts and rng.random() < 0.2:
            source = rng.choice(texts).split()
            kind = rng.choice(["copy", "partial", "spun"])
            if kind == "partial":
                source = source[: int(len(source) * rng.uniform(0.3, 0.6))]
            elif kind == "spun":
                source = [rng.choice(words) if rng.random() < 0.3 else w for w in source]
            tokens = source
        else:
            ranks = gen.zipf(1.1, size=rng.randint(300, 700))
            tokens = [words[(COMMONEST + r - 1) % VOCABULARY] for r in ranks]
        # Sentences of 15 words, one a line, so that no line is dropped as chrome.
        texts.append("\n".join(" ".join(tokens[i : i + 15]) + "." for i in range(0, len(tokens), 15)))
    return texts


def time_index(fps: Sequence[bytes], checkpoints: Sequence[int]) -> list[tuple[int, float, int]]:
    """(n, seconds to file the first n, stories) at each checkpoint, filing into one growing index."""
    index = StoryIndex()
    out = []
    started = time.perf_counter()
    for i, fp in enumerate(fps, 1):
        index.add(str(i), None, fp)
        if i in checkpoints:
            out.append((i, time.perf_counter() - started, len(index.story_ids())))
    return out


def time_all_pairs(fps: Sequence[bytes], n: int) -> float:
    """Seconds to compare each of the first n articles with every earlier one (no LSH)."""
    sigs = [Signature.from_bytes(fp) for fp in fps[:n]]
    started = time.perf_counter()
    for i, sig in enumerate(sigs):
        for other in sigs[:i]:
            overlap(sig, other)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    checkpoints = [500, 1000, 2000] if args.quick else [1000, 2000, 5000, 10000]
    baseline_sizes = [250, 500] if args.quick else [250, 500, 1000]

    texts = synthetic_articles(checkpoints[-1])
    started = time.perf_counter()
    fps = [fingerprint(t) for t in texts]
    fp_seconds = time.perf_counter() - started
    print(f"fingerprint: {1000 * fp_seconds / len(texts):.2f} ms/article "
          f"({sum(len(t.split()) for t in texts) / len(texts):.0f} words), {np.mean([len(f) for f in fps]):.0f} bytes")

    print("\n| articles | StoryIndex.add total (s) | per article (ms) | stories |")
    print("|---:|---:|---:|---:|")
    for n, seconds, stories in time_index(fps, checkpoints):
        print(f"| {n:,} | {seconds:.2f} | {1000 * seconds / n:.2f} | {stories:,} |")

    print("\n| articles | naive all-pairs (s) | per article (ms) |")
    print("|---:|---:|---:|")
    last = (0, 0.0)
    for n in baseline_sizes:
        seconds = time_all_pairs(fps, n)
        last = (n, seconds)
        print(f"| {n:,} | {seconds:.2f} | {1000 * seconds / n:.2f} |")
    n, seconds = last
    target = checkpoints[-1]
    print(f"| {target:,} (extrapolated, quadratic) | {seconds * (target / n) ** 2:.0f} | "
          f"{1000 * seconds * (target / n) ** 2 / target:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
