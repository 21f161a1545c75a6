"""sitrep: news articles in, a map of geolocated, dated, de-duplicated conflict events out."""

import logging
import os

__version__ = "0.1.0"

# sitrep spreads work over processes (--workers, concurrent `sitrep run` writers, Spark executors).
# numpy's OpenBLAS would start a thread per core in each of them, and its threads spin while they
# wait: on 2 cores two workers then ran 10% slower each, and one process gained nothing
# (docs/benchmarks/speed.md). Set before numpy is imported; a value the user set wins.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

logging.getLogger(__name__).addHandler(logging.NullHandler())
