"""sitrep.minhash must reproduce datasketch 2.0.0 exactly: its MinHash values are stored in databases.

tests/data/minhash_datasketch.json was computed by datasketch 2.0.0 (MinHash(num_perm, seed) with
the default "affine32" scheme, update_batch; MinHashLSH's _optimal_param with weights 0.5/0.5)
before the dependency was dropped.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from sitrep.minhash import MinHashLSH, hash_values, optimal_bands
from sitrep.stories import fingerprint

EXPECTED = json.loads((Path(__file__).parent / "data" / "minhash_datasketch.json").read_text("utf-8"))


@pytest.mark.parametrize("case", EXPECTED["minhash"], ids=lambda c: f"{c['num_perm']}-{c['seed']}")
def test_hash_values_are_datasketchs(case):
    got = hash_values((item.encode("utf-8") for item in case["items"]), case["num_perm"], case["seed"])
    assert got.dtype == np.uint32
    assert got.tolist() == case["hashvalues"]


def test_the_empty_set_has_all_values_at_the_maximum():
    assert hash_values([], 4, 1).tolist() == [0xFFFFFFFF] * 4


@pytest.mark.parametrize("threshold,num_perm,expected", EXPECTED["lsh_params"])
def test_bands_and_rows_are_datasketchs(threshold, num_perm, expected):
    assert optimal_bands(threshold, num_perm) == tuple(expected)


def test_a_stored_fingerprint_is_unchanged():
    # The bytes (MinHash included) that the datasketch-based sitrep wrote for this text.
    text = (
        "Russian forces shelled Kharkiv city on Monday, killing 3 civilians near the railway station.\n"
        "Ukrainian officials said 1,200 people were evacuated from the Izium area after the strikes.\n"
    )
    digest = hashlib.sha256(fingerprint(text)).hexdigest()
    assert digest == "02cb29fec48f721cf7e8d9884f22c25d55bb667e4a1157429a128ed629341531"


def test_lsh_candidates_agree_on_a_whole_band():
    lsh = MinHashLSH(threshold=0.5, num_perm=16)  # 5 bands of 3 rows; the 16th value is unused
    assert (lsh.bands, lsh.rows) == (5, 3)
    base = np.arange(16, dtype=np.uint32)
    one_band = base + 100
    one_band[6:9] = base[6:9]  # only band 2 agrees
    every_band_off = base.copy()
    every_band_off[::3] += 1000  # one row differs in every band (and the unused last value)
    lsh.insert("one-band", one_band)
    lsh.insert("off", every_band_off)
    lsh.insert("same", base)
    assert lsh.query(base) == {"one-band", "same"}
    with pytest.raises(ValueError):
        lsh.query(base[:8])
