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

This module walks the inputs, dispatches on the format and reads text, HTML and JSONL files;
``decoding`` turns untrusted bytes into checked text within bounds, ``articles`` builds
Articles (ids, dates, HTML pages), ``warc`` and ``feeds`` read web archives and RSS/Atom feeds.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

from .articles import Item, ReadOptions, date_in_name, html_article, html_limit, parse_date, text_id
from .clean import looks_like_headline, metadata_header
from .decoding import (
    BYTES_PER_CHAR,
    DecompressionBudget,
    check_length,
    decode,
    decompression_budget,
    guess_codepage,
    ingest_formats,
    read_bounded,
    sanitise,
    short,
)
from .errors import InputError
from .feeds import read_feed
from .model import Article
from .warc import read_warc

__all__ = ["read", "text_id", "decode", "SUFFIXES"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".warc": "warc", ".warc.gz": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip


LINE_SLACK = 64 * 1024  # room for the other JSON fields of a record
MAX_BAD_RUN = 200  # blank or broken JSONL lines in a row before a file is given up (a bomb of "{}" lines)


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
    options = ReadOptions(max_chars=max_chars, published=published)
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


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
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
    readers: dict[str, Callable[[Path, ReadOptions], Iterator[Item]]] = {
        "txt": _read_txt, "html": _read_html, "jsonl": _read_jsonl, "warc": read_warc, "feed": read_feed,
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
        yield InputError(document, f"unreadable ({type(exc).__name__}: {short(str(exc))})")


# ---------------------------------------------------------------------------------------------
# Text files


def _read_txt(path: Path, options: ReadOptions) -> Iterator[Item]:
    document = str(path)
    data = read_bounded(path, options.max_chars * BYTES_PER_CHAR["txt"] + 4, document)
    text = decode(data, document)
    check_length(text, options.max_chars, document)
    header = metadata_header(text)
    title = header.get("title") or ("" if header else _first_line_title(text))
    own_date = parse_date(header.get("published", ""))
    yield Article(
        id=text_id(text),
        text=text,
        title=title,
        url=header.get("url", ""),
        source=header.get("source", ""),
        published=own_date or options.published or date_in_name(path.name),
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


# ---------------------------------------------------------------------------------------------
# HTML


def _read_html(path: Path, options: ReadOptions) -> Iterator[Item]:
    document = str(path)
    data = read_bounded(path, html_limit(options), document)
    html = decode(data, document)
    yield html_article(html, document, options, fields={})


# ---------------------------------------------------------------------------------------------
# JSONL


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    document = str(path)
    size = path.stat().st_size
    if size == 0:
        raise InputError(document, "empty file")
    with path.open("rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        if magic == b"\x1f\x8b":
            budget = decompression_budget(size)
            stream: IO[bytes] = DecompressionBudget(gzip.GzipFile(fileobj=raw, mode="rb"), budget, document)
        elif path.name.lower().endswith(".gz"):
            raise InputError(document, "named .gz but is not gzip-compressed")
        else:
            stream = raw
        yield from _read_jsonl_stream(stream, document, options)


def _read_jsonl_stream(stream: IO[Any], document: str, options: ReadOptions) -> Iterator[Item]:
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
        reason = "truncated" if isinstance(exc, EOFError) else f"corrupt ({short(str(exc))})"
        yield InputError(f"{document}:{lineno + 1}", f"compressed data {reason}; the lines before it were read")


def _decode_line(line: bytes) -> str:
    """A JSONL line: UTF-8 (as JSON requires, BOM tolerated), else the likeliest legacy code page;
    whether it holds a usable record is for the JSON parser and the record checks to say."""
    try:
        return line.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return line.decode(guess_codepage(line), errors="replace")


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


def _record(line: str, where: str, options: ReadOptions) -> Item:
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


def _record_article(record: dict[str, Any], where: str, options: ReadOptions) -> Article:
    fields = {name: _string_field(record, name, where) for name in ("id", "title", "url", "source")}
    fields["published"] = next(
        (_string_field(record, name, where) for name in ingest_formats()["jsonl_date_fields"] if record.get(name)), ""
    )
    text = record.get("text")
    html = record.get("html")
    if isinstance(text, str) and text.strip():
        text = sanitise(text)
        check_length(text, options.max_chars, where)
        published = parse_date(fields["published"], where) or options.published
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
        fields["published"] = str(parse_date(fields["published"], where) or "")
        return html_article(sanitise(html), where, options, fields)
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
    return sanitise(str(value)).strip()
