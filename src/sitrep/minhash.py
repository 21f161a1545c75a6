"""MinHash and MinHash LSH, value for value what datasketch 2.0.0 computes (its "affine32" scheme).

Why this exists: sitrep used datasketch for these two small things, and datasketch imports scipy
(about a second of start-up in every process) for one integral, the one that picks the LSH bands.
MinHash values are stored in databases (inside story fingerprints), so they must stay exactly
datasketch's: the first 4 bytes of each item's SHA-1, pre-mixed by the 32-bit MurmurHash3
finaliser, then ``num_perm`` permutations ``a * h + b mod 2**32`` (``a`` odd) drawn from numpy's
``RandomState(seed)``. ``tests/data/minhash_datasketch.json`` holds values datasketch computed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable
from functools import lru_cache

import numpy as np

__all__ = ["MinHashLSH", "hash_values", "optimal_bands"]

_U32 = np.uint32


def _sha1_hash32(item: bytes) -> int:
    return int.from_bytes(hashlib.sha1(item).digest()[:4], "little")


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finaliser (a bijection; uint32 arithmetic wraps, as intended)."""
    h = h ^ (h >> _U32(16))
    h = h * _U32(0x85EBCA6B)
    h = h ^ (h >> _U32(13))
    h = h * _U32(0xC2B2AE35)
    return h ^ (h >> _U32(16))


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutation parameters: the same draws, in the same order, from the same RNG."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def hash_values(items: Iterable[bytes], num_perm: int, seed: int) -> np.ndarray:
    """The MinHash of a set of byte strings: ``num_perm`` uint32 values (all 2**32-1 when empty)."""
    hashes = np.fromiter((_sha1_hash32(item) for item in items), dtype=_U32)
    if not hashes.size:
        return np.full(num_perm, 0xFFFFFFFF, dtype=_U32)
    a, b = _permutations(num_perm, seed)
    return (_fmix32(hashes)[:, None] * a + b).min(axis=0)


@lru_cache(maxsize=16)
def optimal_bands(threshold: float, num_perm: int, weights: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int]:
    """datasketch's (bands, rows): the split of ``num_perm`` minimising the weighted areas of false
    positives (similarity below ``threshold`` yet a candidate) and false negatives (above, missed).

    The band curve ``1 - (1 - s**r)**b`` is a polynomial of degree ``b * r <= num_perm``, so
    Gauss-Legendre quadrature with ``num_perm // 2 + 1`` nodes integrates it exactly: no scipy.
    Ties go to the first (b, r) in datasketch's loop order (b, then r, ascending).
    """
    nodes, node_weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    b = np.array([p[0] for p in pairs], dtype=float)[:, None]
    r = np.array([p[1] for p in pairs], dtype=float)[:, None]

    def area(curve: str, lo: float, hi: float) -> np.ndarray:
        s = lo + (hi - lo) * (nodes + 1) / 2
        missed = (1 - s**r) ** b  # chance that no band agrees
        values = 1 - missed if curve == "candidate" else missed
        return values @ (node_weights * (hi - lo) / 2)

    error = weights[0] * area("candidate", 0.0, threshold) + weights[1] * area("missed", threshold, 1.0)
    return pairs[int(np.argmin(error))]


class MinHashLSH:
    """Keys filed by MinHash; a query returns the keys whose values agree on every row of some band.

    (bands, rows) are chosen from the threshold as datasketch's ``MinHashLSH`` chooses them, so the
    candidates are the same set datasketch returns.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = optimal_bands(threshold, num_perm)
        self.num_perm = num_perm
        self._tables: list[dict[bytes, list[Hashable]]] = [{} for _ in range(self.bands)]

    def _band_keys(self, values: np.ndarray) -> list[bytes]:
        if len(values) != self.num_perm:
            raise ValueError(f"expected {self.num_perm} MinHash values, got {len(values)}")
        used = np.ascontiguousarray(values[: self.bands * self.rows], dtype=_U32)
        return [band.tobytes() for band in used.reshape(self.bands, self.rows)]

    def insert(self, key: Hashable, values: np.ndarray) -> None:
        for table, band in zip(self._tables, self._band_keys(values)):
            table.setdefault(band, []).append(key)

    def query(self, values: np.ndarray) -> set[Hashable]:
        return {key for table, band in zip(self._tables, self._band_keys(values)) for key in table.get(band, ())}
