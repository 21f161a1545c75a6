"""Read articles from files, directories and standard input, one at a time.

    read(paths) ─► Article | InputError, in input order, streaming

Formats, by file name:

    .txt .text            the decoded file is the text (see "Text files" below)
    .html .htm .xhtml     trafilatura extracts the text, title and date (htmldate)
    .jsonl .ndjson        a JSON object per line: id, text or html, title, url, source, published
    .jsonl.gz .ndjson.gz  the same, gzip-compressed (any file that starts with gzip's magic is read so)
    .warc .warc.gz        HTML and plain-text responses/resources of a web archive
    .xml .rss .atom       an RSS or Atom feed (feedparser), one article per entry
    a directory           every such file below it, recursively, in sorted order, hidden ones skipped
    -                     JSONL on standard input

A document that cannot be read is not an exception: it comes out of the stream as an
``InputError`` naming the file (and the line or record) with the reason, and reading goes on.
That covers empty and binary files, undecodable text, broken JSON lines, truncated or corrupt
archives, decompression bombs (decompressed bytes are bounded) and documents over ``max_chars``.
**Documents over ``max_chars`` are rejected, never truncated**: a cut text would silently lose its
events and the reader could not tell. Raise the limit (``SITREP_MAX_CHARS``) to read them.

Text files: the title is the first line when it looks like a headline; a block of ``KEY: value``
lines at the top (TITLE, URL, DATE, SOURCE, AUTHORS) gives title, url, date and source.
Publication dates, strongest first: the date the document carries itself (a JSONL field, the
HTML metadata, the feed entry, a DATE header), then the ``published`` argument, then an ISO date
(YYYY-MM-DD) in the file name (``izyum-cnn-2022-09-13.txt``, ISW's ``2022-08-29.txt``), else None.

``Article.text`` is the text exactly as decoded or extracted (never re-spaced): every later
offset points into it. The only change: in JSON text, NUL characters and lone UTF-16 surrogates
(which no database or encoder accepts) become U+FFFD, one character for one, so offsets hold.
``Article.id`` is the input's ``id`` when a JSONL record gives one, else ``text_id(text)``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import hashlib
import io
import json
import logging
import os
import re
import sys
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, TextIO

from .clean import looks_like_headline, metadata_header
from .errors import InputError
from .model import Article

__all__ = ["read", "text_id", "decode", "SUFFIXES"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

Item = Article | InputError

SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".warc": "warc", ".warc.gz": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip

# Bounds that keep one hostile file from eating the machine. UTF-8 needs at most 4 bytes a
# character; JSON escapes (\uXXXX) at most 6; HTML markup is allowed 8 bytes per text character.
BYTES_PER_CHAR = {"txt": 4, "html": 8, "jsonl": 6}
MAX_HTML_BYTES = 5 * 1024 * 1024  # trafilatura needs ~7 s a megabyte of markup here; real pages are far smaller
LINE_SLACK = 64 * 1024  # room for the other JSON fields of a record
MAX_FEED_BYTES = 64 * 1024 * 1024
MIN_DECOMPRESSED_BUDGET = 256 * 1024 * 1024  # a .gz may expand this much whatever its size...
MAX_EXPANSION = 200  # ...or this many times its compressed size; text compresses ~3-10x, bombs ~1000x
MAX_BAD_RUN = 200  # blank or broken JSONL lines in a row before a file is given up (a bomb of "{}" lines)
MAX_CONTROL_RATIO = 0.01  # real text has almost no control characters; binary read as cp1252 has ~12%

_ISO_DATE = re.compile(r"(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])")


# ---------------------------------------------------------------------------------------------
# The stream


def read(
    paths: Sequence[str],
    stdin: TextIO | None = None,
    max_chars: int = 2_000_000,
    published: dt.date | None = None,
) -> Iterator[Item]:
    """Yield an Article for each document in ``paths`` (files, directories, ``-`` for JSONL on
    ``stdin``), or an InputError for each one that cannot be read, in input order.

    Streaming: one document is in memory at a time (a feed file is parsed whole, bounded by
    MAX_FEED_BYTES). ``published`` dates the documents that carry no date of their own.
    """
    options = _Options(max_chars=max_chars, published=published)
    for name in paths:
        if name == "-":
            source = stdin if stdin is not None else sys.stdin
            # Bytes when the stream has them: an undecodable byte then spoils one line, not the stream.
            raw = getattr(source, "buffer", None) or source
            yield from _guarded("<stdin>", lambda: _read_jsonl_stream(raw, "<stdin>", options))
            continue
        path = Path(name)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from _read_file(found, options)
        else:
            yield from _read_file(path, options)


@dataclass(frozen=True, slots=True)
class _Options:
    max_chars: int
    published: dt.date | None


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Readable files below ``root``, depth first in sorted order; hidden files and folders skipped,
    links to folders not followed (no loops). Iterative: a hostile depth cannot overflow the stack."""
    pending: list[Iterator[os.DirEntry[str]]] = []
    listing = _listing(root)
    if isinstance(listing, InputError):
        yield listing
        return
    pending.append(listing)
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            listing = _listing(path)
            if isinstance(listing, InputError):
                yield listing
            else:
                pending.append(listing)
        elif _format(path) is not None:
            yield path
        else:
            log.info("%s: skipped, not a format sitrep reads", path)


def _listing(folder: Path) -> Iterator[os.DirEntry[str]] | InputError:
    try:
        with os.scandir(folder) as entries:
            return iter(sorted(entries, key=lambda e: e.name))
    except OSError as exc:
        return InputError(str(folder), f"cannot list the folder ({exc.strerror or exc})")


def _format(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def _read_file(path: Path, options: _Options) -> Iterator[Item]:
    document = str(path)
    if not path.exists():
        yield InputError(document, "no such file or folder")
        return
    if not path.is_file():
        yield InputError(document, "not a regular file")
        return
    kind = _format(path)
    if kind is None:
        reason = f"unsupported file type; sitrep reads {', '.join(sorted(SUFFIXES))} files and folders"
        yield InputError(document, reason)
        return
    readers: dict[str, Callable[[Path, _Options], Iterator[Item]]] = {
        "txt": _read_txt, "html": _read_html, "jsonl": _read_jsonl, "warc": _read_warc, "feed": _read_feed,
    }  # fmt: skip
    yield from _guarded(document, lambda: readers[kind](path, options))


def _guarded(document: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run one file's reader; whatever goes wrong inside it becomes an InputError for that file.

    This is the one place that catches every Exception: the promise is that no input, however
    hostile, stops the stream. Known failures are turned into precise messages closer to where
    they happen; anything reaching this point is named with its type so it can be reported.
    """
    try:
        yield from produce()
    except InputError as exc:
        yield exc
    except MemoryError:
        yield InputError(document, "too large to hold in memory")
    except RecursionError:
        yield InputError(document, "too deeply nested to parse")
    except OSError as exc:
        yield InputError(document, f"cannot be read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - see the docstring: the stream must go on
        log.debug("unexpected failure reading %s", document, exc_info=True)
        yield InputError(document, f"unreadable ({type(exc).__name__}: {_short(str(exc))})")


# ---------------------------------------------------------------------------------------------
# Text files


def _read_txt(path: Path, options: _Options) -> Iterator[Item]:
    document = str(path)
    data = _read_bounded(path, options.max_chars * BYTES_PER_CHAR["txt"] + 4, document)
    text = decode(data, document)
    _check_length(text, options.max_chars, document)
    header = metadata_header(text)
    title = header.get("title") or ("" if header else _first_line_title(text))
    own_date = _parse_date(header.get("published", ""))
    yield Article(
        id=text_id(text),
        text=text,
        title=title,
        url=header.get("url", ""),
        source=header.get("source", ""),
        published=own_date or options.published or _date_in_name(path.name),
        origin=document,
    )


def _first_line_title(text: str) -> str:
    """The first line, when it reads as a headline and more text follows it."""
    stripped = text.lstrip()
    line, newline, rest = stripped.partition("\n")
    line = line.strip()
    if newline and rest.strip() and looks_like_headline(line):
        return line
    return ""


def _date_in_name(name: str) -> dt.date | None:
    match = _ISO_DATE.search(name)
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


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
    _reject_binary_signature(data, document)
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


def _reject_binary_signature(data: bytes, document: str) -> None:
    for magic, what in _formats()["binary_signatures"].items():
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
    codec = _guess_codepage(b"".join(foreign))
    if len(foreign) == len(lines):
        return data.decode(codec, errors="replace")
    return "".join(line.decode("utf-8") if _is_utf8(line) else line.decode(codec, errors="replace") for line in lines)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess_codepage(data: bytes) -> str:
    from charset_normalizer import from_bytes  # imported here: it is slow to import and rarely needed

    candidates = list(_formats()["legacy_encodings"])
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


def _check_length(text: str, max_chars: int, document: str) -> None:
    if len(text) > max_chars:
        raise InputError(
            document,
            f"document is {len(text):,} characters, over the limit of {max_chars:,}; rejected, "
            "not truncated (raise SITREP_MAX_CHARS to read it)",
        )


def _read_bounded(path: Path, limit: int, document: str) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(document, f"file is over {limit:,} bytes, too large for one document; rejected")
    return data


# ---------------------------------------------------------------------------------------------
# HTML


def _read_html(path: Path, options: _Options) -> Iterator[Item]:
    document = str(path)
    data = _read_bounded(path, _html_limit(options), document)
    html = decode(data, document)
    yield _html_article(html, document, options, fields={})


def _html_limit(options: _Options) -> int:
    return min(MAX_HTML_BYTES, options.max_chars * BYTES_PER_CHAR["html"])


def _html_article(html: str, document: str, options: _Options, fields: dict[str, str]) -> Article:
    """An Article from an HTML page; ``fields`` (title, url, source, published) given by the
    container (a JSONL record, a WARC header) win over what the page says."""
    if len(html) > MAX_HTML_BYTES:
        raise InputError(document, f"HTML is over {MAX_HTML_BYTES:,} characters, too large for one page; rejected")
    text, title, page_date = _extract_html(html, document)
    _check_length(text, options.max_chars, document)
    published = _parse_date(fields.get("published", "")) or page_date or options.published
    return Article(
        id=fields.get("id") or text_id(text),
        text=text,
        title=fields.get("title") or title,
        url=fields.get("url", ""),
        source=fields.get("source", ""),
        published=published,
        origin=document,
    )


def _extract_html(html: str, document: str) -> tuple[str, str, dt.date | None]:
    """Text, title and date of a page. The cascade: trafilatura's main-content extraction, then its
    baseline (every paragraph), then all the text; a page with none of these is an InputError."""
    import trafilatura  # imported here: heavy, and only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (getattr(extracted, "text", None) or "").strip()
    title = (getattr(extracted, "title", None) or "").strip()
    page_date = _parse_date(getattr(extracted, "date", None) or "")
    if not text:
        _, text, _ = trafilatura.baseline(html)
        text = text.strip()
    if not text:
        text = (trafilatura.html2txt(html) or "").strip()
    if not text or not any(ch.isalpha() for ch in text):
        raise InputError(document, "no article text found in the HTML (none there, or nested too deeply to parse)")
    return text, title, page_date


# ---------------------------------------------------------------------------------------------
# JSONL


def _read_jsonl(path: Path, options: _Options) -> Iterator[Item]:
    document = str(path)
    size = path.stat().st_size
    if size == 0:
        raise InputError(document, "empty file")
    with path.open("rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        if magic == b"\x1f\x8b":
            budget = max(MIN_DECOMPRESSED_BUDGET, MAX_EXPANSION * size)
            stream: IO[bytes] = _Budget(gzip.GzipFile(fileobj=raw, mode="rb"), budget, document)
        elif path.name.lower().endswith(".gz"):
            raise InputError(document, "named .gz but is not gzip-compressed")
        else:
            stream = raw
        yield from _read_jsonl_stream(stream, document, options)


def _read_jsonl_stream(stream: IO[Any], document: str, options: _Options) -> Iterator[Item]:
    limit = options.max_chars * BYTES_PER_CHAR["jsonl"] + LINE_SLACK
    lineno = bad_run = 0
    try:
        for lineno, line in _bounded_lines(stream, limit):
            where = f"{document}:{lineno}"
            if bad_run >= MAX_BAD_RUN:
                yield InputError(where, f"{MAX_BAD_RUN:,} lines in a row without a readable record; the rest of the file was skipped")
                return
            if line is None:
                bad_run += 1
                yield InputError(where, f"line is over {limit:,} characters; rejected, not truncated")
                continue
            if isinstance(line, bytes):
                line = _decode_line(line)
            if not line.strip():
                bad_run += 1
                continue
            item = _record(line, where, options)
            bad_run = bad_run + 1 if isinstance(item, InputError) else 0
            yield item
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        reason = "truncated" if isinstance(exc, EOFError) else f"corrupt ({_short(str(exc))})"
        yield InputError(f"{document}:{lineno + 1}", f"compressed data {reason}; the lines before it were read")


def _decode_line(line: bytes) -> str:
    """A JSONL line: UTF-8 (as JSON requires, BOM tolerated), else the likeliest legacy code page;
    whether it holds a usable record is for the JSON parser and the record checks to say."""
    try:
        return line.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return line.decode(_guess_codepage(line), errors="replace")


def _bounded_lines(stream: IO[Any], limit: int) -> Iterator[tuple[int, Any]]:
    """Lines of at most ``limit`` bytes/characters; a longer line is skipped and comes out as None."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit:
            while line and line[-1:] not in ("\n", b"\n"):
                line = stream.readline(1 << 20)
            yield lineno, None
        else:
            yield lineno, line


def _record(line: str, where: str, options: _Options) -> Item:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return InputError(where, f"not valid JSON ({reason})")
    if not isinstance(record, dict):
        return InputError(where, f"a JSON {_json_type(record)}, not an object with 'id' and 'text'")
    try:
        return _record_article(record, where, options)
    except InputError as exc:
        return exc


def _record_article(record: dict[str, Any], where: str, options: _Options) -> Article:
    fields = {name: _string_field(record, name, where) for name in ("id", "title", "url", "source")}
    fields["published"] = next(
        (_string_field(record, name, where) for name in _formats()["jsonl_date_fields"] if record.get(name)), ""
    )
    text = record.get("text")
    html = record.get("html")
    if isinstance(text, str) and text.strip():
        text = _sanitise(text)
        _check_length(text, options.max_chars, where)
        published = _parse_date(fields["published"], where) or options.published
        return Article(
            id=fields["id"] or text_id(text),
            text=text,
            title=fields["title"],
            url=fields["url"],
            source=fields["source"],
            published=published,
            origin=where,
        )
    if isinstance(html, str) and html.strip():
        fields["published"] = str(_parse_date(fields["published"], where) or "")
        return _html_article(_sanitise(html), where, options, fields)
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"'{name}' is a JSON {_json_type(value)}, not a string")
    raise InputError(where, "no text: the record needs a non-empty 'text' or 'html' field")


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _string_field(record: dict[str, Any], name: str, where: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        log.warning("%s: ignored '%s', a JSON %s where a string belongs", where, name, _json_type(value))
        return ""
    return _sanitise(str(value)).strip()


_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def _sanitise(text: str) -> str:
    """NUL and lone surrogates (valid in JSON, refused by encoders and databases) become U+FFFD,
    one for one, so offsets into the text still hold."""
    return _UNSAFE.sub("\ufffd", text)


# ---------------------------------------------------------------------------------------------
# Compressed streams


class _Budget(io.RawIOBase):
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
# WARC


def _read_warc(path: Path, options: _Options) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class QuietIterator(ArchiveIterator):  # type: ignore[misc]
        INC_RECORD = ""  # warcio writes this warning to stderr itself; it is reported as an InputError instead

    document = str(path)
    size = path.stat().st_size
    limit = _html_limit(options)
    budget = max(MIN_DECOMPRESSED_BUDGET, MAX_EXPANSION * size)
    number = 0
    with path.open("rb") as raw:
        iterator = QuietIterator(raw)
        try:
            for number, record in enumerate(iterator, start=1):
                where = f"{document} record {number}"
                if record.format.startswith("warc") and record.rec_headers.get_header("Content-Length") is None:
                    yield InputError(where, "truncated or malformed: the record header has no Content-Length")
                    continue
                item = _warc_record(record, where, limit, options)
                if _drain(record.raw_stream, budget, where):
                    item = InputError(where, "truncated: the archive ends inside this record")
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile, ValueError) as exc:
            reason = _short(str(exc)) or type(exc).__name__
            if "Unknown archive format" in reason:
                reason = "not a WARC or ARC record"
            yield InputError(f"{document} record {number + 1}", f"corrupt archive ({reason}); the records before it were read")
            return
        if number == 0:
            yield InputError(document, "no WARC records found (not a web archive, or cut short in its first record)")
        elif iterator.err_count:
            yield InputError(document, f"{iterator.err_count} record(s) with a wrong length or boundary; what could be read was read")
        elif iterator.offset < size:
            yield InputError(f"{document} record {number + 1}", "truncated: the archive ends inside a record header")


def _drain(stream: Any, budget: int, where: str) -> bool:
    """Read what is left of a record (bounded) and say whether the archive ended before its
    declared length: warcio itself passes a cut-short record off as a complete one."""
    total = 0
    while chunk := stream.read(1 << 16):
        total += len(chunk)
        if total > budget:
            raise InputError(where, f"record decompresses to over {budget:,} bytes (a decompression bomb?); stopped there")
    return getattr(stream, "limit", 0) > 0


def _warc_record(record: Any, where: str, limit: int, options: _Options) -> Item | None:
    """An article from a WARC response/resource holding HTML or plain text; None for the rest
    (requests, metadata, images...), which are not documents."""
    if record.rec_type not in ("response", "resource", "conversion"):
        return None
    content_type = ""
    if record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    content_type = (content_type or record.rec_headers.get_header("Content-Type") or "").lower()
    is_html = "html" in content_type
    if not is_html and "text/plain" not in content_type:
        return None
    try:
        data = record.content_stream().read(limit + 1)
    except (EOFError, zlib.error, OSError, ValueError) as exc:
        return InputError(where, f"record body cannot be read ({_short(str(exc)) or type(exc).__name__})")
    if len(data) > limit:
        return InputError(where, f"record body is over {limit:,} bytes; rejected")
    # WARC-Date is when the page was crawled, not published: it is not used as a date.
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    try:
        text = decode(data, where)
        if is_html:
            return _html_article(text, where, options, {"url": url})
        _check_length(text, options.max_chars, where)
    except InputError as exc:
        return exc
    return Article(id=text_id(text), text=text, url=url, published=options.published, origin=where)


# ---------------------------------------------------------------------------------------------
# RSS / Atom


def _read_feed(path: Path, options: _Options) -> Iterator[Item]:
    import feedparser  # imported here: only feeds need it

    document = str(path)
    data = _read_bounded(path, MAX_FEED_BYTES, document)
    if not data.strip():
        raise InputError(document, "empty file")
    _reject_binary_signature(data, document)
    if b"<!ENTITY" in data[:65536].upper():
        raise InputError(document, "declares XML entities (an entity-expansion bomb?); feeds never need them, refused")
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f"not a readable RSS/Atom feed ({_short(str(problem))})" if problem else "a feed with no entries"
        raise InputError(document, reason)
    source = _sanitise(str(feed.feed.get("title", "") or "")).strip()
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{document} entry {number}"
        try:
            yield _feed_article(entry, where, source, options)
        except InputError as exc:
            yield exc


def _feed_article(entry: Any, where: str, source: str, options: _Options) -> Article:
    body, kind = "", ""
    for content in entry.get("content", []) or []:
        if (content.get("value") or "").strip():
            body, kind = content["value"], content.get("type", "")
            break
    if not body:
        summary = entry.get("summary_detail") or {}
        body, kind = entry.get("summary", "") or "", summary.get("type", "text/html")
    if not body.strip():
        raise InputError(where, "entry has no content or summary text")
    fields = {
        "title": _sanitise(entry.get("title", "") or "").strip(),
        "url": entry.get("link", "") or "",
        "source": source,
        "published": _struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    }
    text = _fragment_text(_sanitise(body)) if "html" in kind else _sanitise(body)
    _check_length(text, options.max_chars, where)
    return Article(
        id=text_id(text), text=text, title=fields["title"], url=fields["url"], source=source,
        published=_parse_date(fields["published"]) or options.published, origin=where,
    )  # fmt: skip


def _fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), a line per block element.
    trafilatura wants whole pages and returns nothing for a paragraph or two."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return html
    for element in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _struct_date(value: time.struct_time | None) -> str:
    if value is None:
        return ""
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    except (ValueError, TypeError):
        return ""


# ---------------------------------------------------------------------------------------------
# Shared helpers


def text_id(text: str) -> str:
    """A stable id for a text: the same words give the same id whatever their spacing or case.

    sha1 of the NFKC-normalised, whitespace-collapsed, lower-cased text; first 16 hex digits."""
    normal = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.sha1(normal.encode("utf-8", errors="replace")).hexdigest()[:16]


def _parse_date(value: str, where: str = "") -> dt.date | None:
    """An ISO date (or the date of an ISO datetime) at the start of ``value``; None otherwise."""
    if not value:
        return None
    match = _ISO_DATE.match(value.strip())
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    if where:
        log.warning("%s: ignored the date %r, not an ISO date (YYYY-MM-DD)", where, _short(value))
    return None


def _short(text: str, width: int = 120) -> str:
    """A message fragment on one line, printable, at most ``width`` characters."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text[: width * 4]).split())
    return text if len(text) <= width else text[: width - 1] + "…"


@lru_cache(maxsize=1)
def _formats() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data", "ingest_formats.json").read_text("utf-8"))
