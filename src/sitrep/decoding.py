"""Untrusted bytes to checked text, within bounds: what keeps one hostile file from hanging,
filling the memory or passing binary off as text.

    decode(bytes) ─► str | InputError      a BOM's encoding, UTF-8, UTF-16 without BOM, legacy code pages
    read_bounded / check_length            a document over its limit is rejected, never truncated
    DecompressionBudget                    a gzip stream that stops at a budget (decompression bombs)
    sanitise / short                       JSON text safe for encoders; error messages on one printable line

The readers in ``ingest``, ``warc`` and ``feeds`` use these; every failure is an ``InputError``
naming the document, so the stream of documents goes on.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from .errors import InputError

__all__ = [
    "BYTES_PER_CHAR", "DecompressionBudget", "check_length", "decode", "decompression_budget",
    "guess_codepage", "ingest_formats", "read_bounded", "reject_binary_signature", "sanitise", "short",
]  # fmt: skip

# Bounds that keep one hostile file from eating the machine. UTF-8 needs at most 4 bytes a
# character; JSON escapes (\uXXXX) at most 6; HTML markup is allowed 8 bytes per text character.
BYTES_PER_CHAR = {"txt": 4, "html": 8, "jsonl": 6}
MIN_DECOMPRESSED_BUDGET = 256 * 1024 * 1024  # a .gz may expand this much whatever its size...
MAX_EXPANSION = 200  # ...or this many times its compressed size; text compresses ~3-10x, bombs ~1000x
MAX_CONTROL_RATIO = 0.01  # real text has almost no control characters; binary read as cp1252 has ~12%


# ---------------------------------------------------------------------------------------------
# Decoding


def decode(data: bytes, document: str = "<bytes>") -> str:
    """Bytes as text: a BOM's encoding, else UTF-8, else UTF-16 without BOM, else line by line UTF-8
    with a legacy code page for the lines that are not (mixed files), else the legacy code page
    charset-normalizer finds most likely among the ``legacy_encodings`` of ingest_formats.json.

    Raises InputError for empty or binary content, or text that decodes to control characters.
    """
    if not data.strip():
        raise InputError(document, "empty file" if not data else "empty (only whitespace)")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    ):  # fmt: skip
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), document)
            except UnicodeDecodeError as exc:
                raise InputError(document, f"starts with a {codec} byte-order mark but is not valid {codec} ({exc.reason})") from None
    reject_binary_signature(data, document)
    try:
        return _checked(data.decode("utf-8"), document)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16, document)
    if b"\x00" in data:
        raise InputError(document, "binary content (NUL bytes), not text")
    return _checked(_decode_legacy(data), document)


def reject_binary_signature(data: bytes, document: str) -> None:
    for magic, what in ingest_formats()["binary_signatures"].items():
        if data.startswith(bytes.fromhex(magic)):
            raise InputError(document, f"binary content ({what}), not text")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: NUL bytes in one byte position of nearly every pair."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > 0.3 * pairs and min(even, odd) < 0.05 * pairs:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_legacy(data: bytes) -> str:
    """Lines that are valid UTF-8 stay UTF-8 (files glued from several sources); the others take
    the legacy code page that fits them best."""
    lines = data.splitlines(keepends=True)
    foreign = [line for line in lines if not _is_utf8(line)]
    codec = guess_codepage(b"".join(foreign))
    if len(foreign) == len(lines):
        return data.decode(codec, errors="replace")
    return "".join(line.decode("utf-8") if _is_utf8(line) else line.decode(codec, errors="replace") for line in lines)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def guess_codepage(data: bytes) -> str:
    from charset_normalizer import from_bytes  # imported here: it is slow to import and rarely needed

    candidates = list(ingest_formats()["legacy_encodings"])
    matches = list(from_bytes(data[:200_000], cp_isolation=candidates))
    if not matches:
        return "cp1252"
    # Least mess, then the most coherent language, then our order: short samples tie often, and
    # charset-normalizer alone would pick cp1250 for French or English text written in cp1252.
    rank = {name: i for i, name in enumerate(candidates)}
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), rank.get(m.encoding, len(rank))))
    return best.encoding


def _checked(text: str, document: str) -> str:
    """Reject decoded text that is not text: control characters, replacement marks, no letters."""
    if not text.strip():
        raise InputError(document, "empty (only whitespace)")
    sample = text[:100_000]
    odd = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or "\x7f" <= ch <= "\x9f" or ch == "\ufffd")
    if odd > MAX_CONTROL_RATIO * len(sample):
        raise InputError(document, f"binary content ({odd} control or undecodable characters in {len(sample)}), not text")
    if not any(ch.isalpha() for ch in sample):
        raise InputError(document, "no letters: not a text document")
    return text


# ---------------------------------------------------------------------------------------------
# Bounds


def check_length(text: str, max_chars: int, document: str) -> None:
    if len(text) > max_chars:
        raise InputError(
            document,
            f"document is {len(text):,} characters, over the limit of {max_chars:,}; rejected, "
            "not truncated (raise SITREP_MAX_CHARS to read it)",
        )


def read_bounded(path: Path, limit: int, document: str) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(document, f"file is over {limit:,} bytes, too large for one document; rejected")
    return data


def decompression_budget(compressed_size: int) -> int:
    """The most bytes a compressed file of ``compressed_size`` bytes may decompress to."""
    return max(MIN_DECOMPRESSED_BUDGET, MAX_EXPANSION * compressed_size)


class DecompressionBudget(io.RawIOBase):
    """A decompressing stream that stops with an InputError once it has produced ``budget`` bytes:
    what keeps a decompression bomb from running for minutes or filling the memory."""

    def __init__(self, inner: IO[bytes], budget: int, document: str) -> None:
        self.inner, self.budget, self.document, self.produced = inner, budget, document, 0

    def readable(self) -> bool:
        return True

    def _count(self, data: bytes) -> bytes:
        self.produced += len(data)
        if self.produced > self.budget:
            raise InputError(
                self.document,
                f"decompresses to over {self.budget:,} bytes (a decompression bomb?); stopped there",
            )
        return data

    def read(self, size: int = -1) -> bytes:
        return self._count(self.inner.read(size if size >= 0 else 1 << 20))

    def readline(self, size: int | None = -1) -> bytes:
        return self._count(self.inner.readline(size if size and size > 0 else 1 << 20))


# ---------------------------------------------------------------------------------------------
# Safe strings


_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def sanitise(text: str) -> str:
    """NUL and lone surrogates (valid in JSON, refused by encoders and databases) become U+FFFD,
    one for one, so offsets into the text still hold."""
    return _UNSAFE.sub("\ufffd", text)


def short(text: str, width: int = 120) -> str:
    """A message fragment on one line, printable, at most ``width`` characters."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text[: width * 4]).split())
    return text if len(text) <= width else text[: width - 1] + "…"


@lru_cache(maxsize=1)
def ingest_formats() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data", "ingest_formats.json").read_text("utf-8"))
