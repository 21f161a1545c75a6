"""Stories: group the copies of one report (pure: no database, no I/O beyond sitrep's data files).

:func:`fingerprint` turns a text into a compact signature (bytes, kept by the store
beside the article): lines too short to be prose (navigation, share buttons) are dropped, text is
lower-cased and transliterated, place names are replaced by their gazetteer ids (so "Izyum",
"Iseum" and "Eiseum" agree once the geoparser has resolved them), numbers lose their
separators, function words go, and the remaining words are cut into overlapping shingles. The
signature holds a MinHash of the shingles (for LSH candidate search) and a bottom-k sample of
them with their positions (for verification: containment both ways, and where in the text the
overlap lies). :class:`StoryIndex` adds articles one at a time: LSH candidates, verification,
then the article joins the story of its nearest near-duplicate or starts its own. Whether two
events are one happening is :mod:`sitrep.happenings`.

Thresholds live in ``data/story_params.json``; they were chosen on the development half of the ISW
copy/spin set built by ``eval/stories.py``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import struct
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from unidecode import unidecode

from .errors import SitrepError
from .minhash import MinHashLSH, hash_values
from .model import Relation, Story, StoryMember, Toponym

__all__ = [
    "Assignment",
    "StoryIndex",
    "fingerprint",
    "similarity",
    "story_id_for",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_MAGIC = b"SF1"
_WORD = re.compile(r"g\d+|[a-z0-9]+")
_THOUSANDS = re.compile(r"(?<=\d)[,\u2009\u202f ](?=\d{3}\b)")
_LINE_WORD = re.compile(r"\w+")


class FingerprintError(SitrepError):
    """A stored fingerprint that this version of sitrep cannot read (recompute it from the text)."""


# --------------------------------------------------------------------------- settings


@lru_cache(maxsize=1)
def _params() -> dict[str, Any]:
    return json.loads(resources.files("sitrep.data").joinpath("story_params.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("sitrep.data").joinpath("story_stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# --------------------------------------------------------------------------- fingerprints


def _with_place_ids(text: str, toponyms: Sequence[Toponym]) -> str:
    """The text with each resolved toponym replaced by a token made of its gazetteer id."""
    pieces: list[str] = []
    cursor = 0
    for t in sorted(toponyms, key=lambda t: t.start):
        if t.geonameid is None or t.start < cursor or t.end > len(text):
            continue
        pieces.append(text[cursor : t.start])
        pieces.append(f" g{t.geonameid} ")
        cursor = t.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _prose_lines(text: str, min_tokens: int) -> Iterable[str]:
    """Lines long enough to be prose: site chrome (menus, share buttons, 'Related Posts') is short."""
    for line in text.splitlines():
        if len(_LINE_WORD.findall(line)) >= min_tokens:
            yield line


def normalised_words(text: str, toponyms: Sequence[Toponym] = ()) -> list[str]:
    """The content words of an article as the fingerprint sees them (see the module docstring)."""
    settings = _params()["fingerprint"]
    stop = _stopwords()
    marked = _with_place_ids(text, toponyms)
    words: list[str] = []
    for line in _prose_lines(marked, settings["min_line_tokens"]):
        line = unidecode(unicodedata.normalize("NFKC", line)).lower()
        line = _THOUSANDS.sub("", line)
        words.extend(w for w in _WORD.findall(line) if w not in stop)
    return words


def _hash32(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=4).digest(), "little")


@dataclass(frozen=True, slots=True)
class Signature:
    """A decoded fingerprint: shingle count, MinHash values, bottom-k sample {hash: position}."""

    size: int
    minhash: np.ndarray
    sample: Mapping[int, int]  # shingle hash -> position of its first occurrence, 0..255
    sample_full: bool  # True when the sample is a true bottom-k (the text had more shingles than k)
    ordered: tuple[int, ...] = ()  # the sample's hashes, ascending (filled in by the constructors)

    def to_bytes(self) -> bytes:
        hashes = sorted(self.sample)
        head = _MAGIC + struct.pack("<IHHB", self.size, len(self.minhash), len(hashes), self.sample_full)
        return b"".join(
            [
                head,
                self.minhash.astype("<u4").tobytes(),
                np.asarray(hashes, dtype="<u4").tobytes(),
                bytes(self.sample[h] for h in hashes),
            ]
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        if not data.startswith(_MAGIC):
            raise FingerprintError("not a sitrep story fingerprint (or an older version): recompute it")
        try:
            size, num_perm, k, full = struct.unpack_from("<IHHB", data, len(_MAGIC))
            at = len(_MAGIC) + struct.calcsize("<IHHB")
            minhash = np.frombuffer(data, dtype="<u4", count=num_perm, offset=at).astype(np.uint32)
            at += 4 * num_perm
            hashes = np.frombuffer(data, dtype="<u4", count=k, offset=at).tolist()
            positions = data[at + 4 * k : at + 5 * k]
        except (struct.error, ValueError) as err:
            raise FingerprintError(f"truncated story fingerprint: {err}") from err
        if len(positions) != k:
            raise FingerprintError("truncated story fingerprint: recompute it")
        return cls(size, minhash, dict(zip(hashes, positions)), bool(full), tuple(hashes))


def signature(text: str, toponyms: Sequence[Toponym] = ()) -> Signature:
    """The :class:`Signature` of a text (what :func:`fingerprint` serialises)."""
    settings = _params()["fingerprint"]
    words = normalised_words(text, toponyms)
    n = settings["shingle_size"]
    grams = [" ".join(words[i : i + n]) for i in range(max(len(words) - n + 1, 1 if words else 0))]
    first: dict[str, int] = {}
    for i, gram in enumerate(grams):
        first.setdefault(gram, i)
    span = max(len(grams) - 1, 1)
    hashed: dict[int, int] = {}
    for gram, i in first.items():
        hashed.setdefault(_hash32(gram.encode("utf-8")), min(255, (255 * i) // span))
    k = settings["sketch_size"]
    kept = sorted(hashed)[:k]
    return Signature(
        size=len(first),
        minhash=hash_values((g.encode("utf-8") for g in first), settings["num_perm"], settings["seed"]),
        sample={h: hashed[h] for h in kept},
        sample_full=len(hashed) > k,
        ordered=tuple(kept),
    )


def fingerprint(text: str, toponyms: Sequence[Toponym] = ()) -> bytes:
    """A compact signature of an article (about 3 KB), to be stored beside it.

    Pass the article's resolved toponyms so that re-spelled and garbled place names agree.
    """
    return signature(text, toponyms).to_bytes()


# --------------------------------------------------------------------------- verification


@dataclass(frozen=True, slots=True)
class Overlap:
    """How two texts overlap, estimated from their samples.

    ``covers_old`` is the share of the older text's shingles found in the newer, ``covers_new`` the
    reverse; ``reach`` is how far into the older text the shared part extends (0..1).
    """

    covers_old: float
    covers_new: float
    jaccard: float
    reach: float
    shared: int = 0  # sampled shingles in common: how much evidence the estimates rest on

    @property
    def score(self) -> float:
        return max(self.covers_old, self.covers_new)


def overlap(new: Signature, old: Signature, common: Iterable[int] = frozenset()) -> Overlap:
    """Containment both ways from coordinated bottom-k samples (hashes below a common cut-off).

    Shingles in ``common`` (boilerplate that many unrelated stories share, like a publisher's
    standing paragraphs) are left out on both sides: sharing them is no evidence of copying.
    """
    if not new.sample or not old.sample:
        return Overlap(0.0, 0.0, 0.0, 0.0)
    cut = min(
        new.ordered[-1] if new.sample_full else math.inf,
        old.ordered[-1] if old.sample_full else math.inf,
    )
    a = set(old.ordered[: bisect_right(old.ordered, cut)]).difference(common)
    b = set(new.ordered[: bisect_right(new.ordered, cut)]).difference(common)
    if not a or not b:
        return Overlap(0.0, 0.0, 0.0, 0.0)
    shared = a & b
    if not shared:
        return Overlap(0.0, 0.0, 0.0, 0.0)
    positions = sorted(old.sample[h] for h in shared)
    reach = positions[min(len(positions) - 1, int(0.95 * len(positions)))] / 255
    return Overlap(len(shared) / len(a), len(shared) / len(b), len(shared) / len(a | b), reach, len(shared))


def similarity(a: bytes, b: bytes) -> float:
    """How much of the smaller of two fingerprinted texts is in the other (0..1)."""
    return overlap(Signature.from_bytes(a), Signature.from_bytes(b)).score


def relation_of(
    o: Overlap, new_size: int, newer_published: date | None, older_published: date | None
) -> Relation:
    """How a member relates to the text it was matched against (see model.Relation).

    ``new_size`` is the member's shingle count: together with ``covers_new`` it says how much
    material of its own the member has, which tells an update from a copy in fresh chrome.
    """
    settings = _params()["index"]
    verbatim = settings["verbatim"]
    later = newer_published is None or older_published is None or newer_published >= older_published
    own_material = (1.0 - o.covers_new) * new_size
    if o.covers_old >= verbatim and o.covers_new >= verbatim:
        return "update" if later and own_material >= settings["update_min_shingles"] else "copy"
    if o.covers_new >= verbatim:
        return "partial"
    if o.covers_old >= verbatim:
        return "update" if later else "copy"
    return "spun"


# --------------------------------------------------------------------------- the index


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: str
    relation: str  # "canonical" | "copy" | "spun" | "partial" | "update"
    similarity: float
    canonical: str  # article id


def story_id_for(article_id: str) -> str:
    """A stable story id derived from the id of the article that started the story."""
    return "s" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(slots=True)
class _Member:
    article_id: str
    story_id: str
    published: date | None
    signature: Signature


class StoryIndex:
    """Articles grouped into stories, built incrementally (LSH candidates, then verification)."""

    def __init__(self) -> None:
        settings = _params()
        self._num_perm = settings["fingerprint"]["num_perm"]
        self._same_story = settings["index"]["same_story"]
        self._min_shared = settings["index"]["min_shared"]
        self._bridge_score = settings["index"]["bridge_score"]
        self._bridge_shared = settings["index"]["bridge_shared"]
        self._lsh = MinHashLSH(threshold=settings["index"]["lsh_threshold"], num_perm=self._num_perm)
        self._common_at = settings["index"]["boilerplate_stories"]
        self._members: dict[str, _Member] = {}
        self._stories: dict[str, list[str]] = {}
        # For each sampled shingle, in how many stories it occurs: a shingle found in many stories
        # is a publisher's boilerplate, not a sign that two articles are one story.
        self._story_shingles: dict[str, set[int]] = {}
        self._stories_with: Counter[int] = Counter()
        self._common: set[int] = set()  # the shingles in at least ``boilerplate_stories`` stories
        self._max_candidates = settings["index"]["max_candidates"]
        self._minhashes = np.zeros((0, self._num_perm), dtype=np.uint32)  # one row per filed article
        self._row: dict[str, int] = {}
        self._created: dict[str, int] = {}  # story id -> creation order: the oldest story absorbs
        self._renamed: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._members

    def add(self, article_id: str, published: date | None, fingerprint: bytes) -> Assignment:
        """File an article: it joins the story of its nearest verified near-duplicate, or starts one.

        An article that verifies against members of several stories (an original arriving after
        a partial copy and a spun copy that did not recognise each other) joins them into one: the
        oldest story absorbs the others, and :meth:`renamed` records the story ids that went away
        so that the store can relabel their articles. Adding an id that is already filed returns
        its current assignment and changes nothing.
        """
        if article_id in self._members:
            return self.assignment(article_id)
        sig = Signature.from_bytes(fingerprint)
        matches = self._verified(sig)
        if not matches:
            story = story_id_for(article_id)
            self._created.setdefault(story, len(self._created))
            self._file(_Member(article_id, story, published, sig))
            return Assignment(story, "canonical", 1.0, article_id)
        # Joining two existing stories relabels all their articles, so it takes stronger evidence
        # than joining one: a high score on more shared shingles.
        best_story = matches[0][1].story_id
        stories = {best_story} | {
            m.story_id for o, m in matches if o.score >= self._bridge_score and o.shared >= self._bridge_shared
        }
        target = min(stories, key=self._created.__getitem__)
        for story in sorted(stories - {target}):
            self._absorb(target, story)
        self._file(_Member(article_id, target, published, sig))
        return self.assignment(article_id)

    def _verified(self, sig: Signature) -> list[tuple[Overlap, _Member]]:
        """The filed articles that pass verification against this one, nearest first."""
        if not sig.sample:
            return []
        common = self._common
        found = []
        for key in self._closest(sig, self._lsh.query(sig.minhash)):
            candidate = self._members[key]
            o = overlap(sig, candidate.signature, common)
            if o.score >= self._same_story and o.shared >= self._min_shared:
                found.append((o, candidate))
        found.sort(key=lambda pair: (-pair[0].score, pair[1].article_id))
        return found

    def _closest(self, sig: Signature, keys: Iterable[str]) -> list[str]:
        """The LSH candidates worth verifying: at most ``max_candidates``, highest MinHash agreement.

        In a corpus of similar reports (one war, one publisher's phrasing) LSH at a low threshold
        returns many candidates; ranking them by the share of equal MinHash values (one vectorised
        comparison) keeps verification, the costly step, bounded per article.
        """
        keys = sorted(keys)
        if len(keys) <= self._max_candidates:
            return keys
        rows = self._minhashes[[self._row[k] for k in keys]]
        agreement = (rows == sig.minhash).mean(axis=1)
        order = np.argsort(-agreement, kind="stable")[: self._max_candidates]
        return [keys[i] for i in order]

    def _absorb(self, target: str, story: str) -> None:
        """Move every member of ``story`` into ``target``."""
        for article_id in self._stories.pop(story):
            self._members[article_id].story_id = target
            self._stories[target].append(article_id)
        moved = self._story_shingles.pop(story)
        kept = self._story_shingles[target]
        both = moved & kept
        self._stories_with.subtract(both)  # they now occur in one story fewer
        self._common.difference_update(h for h in both if self._stories_with[h] < self._common_at)
        kept |= moved
        for old, new in self._renamed.items():
            if new == story:
                self._renamed[old] = target
        self._renamed[story] = target

    def renamed(self) -> Mapping[str, str]:
        """Story ids absorbed into another story since this index was built: old id -> current id."""
        return dict(self._renamed)

    def _file(self, member: _Member) -> None:
        self._members[member.article_id] = member
        self._stories.setdefault(member.story_id, []).append(member.article_id)
        seen = self._story_shingles.setdefault(member.story_id, set())
        fresh = member.signature.sample.keys() - seen
        seen.update(fresh)
        self._stories_with.update(fresh)
        self._common.update(h for h in fresh if self._stories_with[h] >= self._common_at)
        if member.signature.sample:
            self._lsh.insert(member.article_id, member.signature.minhash)
            if len(self._row) == len(self._minhashes):  # grow the MinHash matrix by doubling
                grown = np.zeros((max(64, 2 * len(self._minhashes)), self._num_perm), dtype=np.uint32)
                grown[: len(self._minhashes)] = self._minhashes
                self._minhashes = grown
            self._minhashes[len(self._row)] = member.signature.minhash
            self._row[member.article_id] = len(self._row)

    def canonical(self, story_id: str) -> str:
        """The story's canonical article: the earliest published, then the most complete."""
        members = [self._members[a] for a in self._stories[story_id]]
        first = min(
            members,
            key=lambda m: (m.published or date.max, -m.signature.size, m.article_id),
        )
        return first.article_id

    def assignment(self, article_id: str) -> Assignment:
        """An article's story and how it relates to the story's canonical article now."""
        member = self._members[article_id]
        canonical_id = self.canonical(member.story_id)
        if canonical_id == article_id:
            return Assignment(member.story_id, "canonical", 1.0, canonical_id)
        canonical = self._members[canonical_id]
        o = overlap(member.signature, canonical.signature, self._common)
        relation = relation_of(o, member.signature.size, member.published, canonical.published)
        return Assignment(member.story_id, relation, round(o.score, 4), canonical_id)

    def story(self, story_id: str) -> Story:
        """A story with its members' relations to the current canonical article."""
        if story_id not in self._stories:
            raise KeyError(story_id)
        members = []
        for article_id in self._stories[story_id]:
            a = self.assignment(article_id)
            members.append(StoryMember(article_id, a.relation, a.similarity))  # type: ignore[arg-type]
        return Story(story_id, self.canonical(story_id), tuple(members))

    def story_ids(self) -> list[str]:
        return sorted(self._stories)

    def stories(self) -> Iterable[Story]:
        for story_id in sorted(self._stories):
            yield self.story(story_id)

    def story_of(self, article_id: str) -> str | None:
        member = self._members.get(article_id)
        return member.story_id if member else None

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str | None, date | None, bytes]]) -> "StoryIndex":
        """Rebuild from the store's (article_id, story_id, published, fingerprint) rows."""
        index = cls()
        index.file_stored(rows)
        return index

    def file_stored(self, rows: Iterable[tuple[str, str | None, date | None, bytes]]) -> None:
        """File articles the store already holds (at start-up, or stored since by another writer).

        Rows with a story id keep it (no re-verification: the store's grouping stands); rows without
        one are filed as if added now, after all the grouped rows. Articles already filed are skipped.
        """
        pending: list[tuple[str, date | None, bytes]] = []
        for article_id, story_id, published, fp in rows:
            if story_id is None:
                pending.append((article_id, published, fp))
            elif article_id not in self._members:
                self._created.setdefault(story_id, len(self._created))
                self._file(_Member(article_id, story_id, published, Signature.from_bytes(fp)))
        for article_id, published, fp in pending:
            self.add(article_id, published, fp)
