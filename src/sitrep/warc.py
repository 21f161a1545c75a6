"""Read a WARC web archive: one Article per HTML or plain-text response/resource record.

Archives from crawlers are often cut short or damaged: a record that cannot be read becomes an
``InputError`` naming the record, the ones before it are kept, and each record's decompressed
size is bounded (a decompression bomb stops at its budget). The crawl date (WARC-Date) is not a
publication date and is not used.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .articles import Item, ReadOptions, html_article, html_limit, text_id
from .decoding import check_length, decode, decompression_budget, short
from .errors import InputError
from .model import Article

__all__ = ["read_warc"]


def read_warc(path: Path, options: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class QuietIterator(ArchiveIterator):  # type: ignore[misc]
        INC_RECORD = ""  # warcio writes this warning to stderr itself; it is reported as an InputError instead

    document = str(path)
    size = path.stat().st_size
    limit = html_limit(options)
    budget = decompression_budget(size)
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
            reason = short(str(exc)) or type(exc).__name__
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


def _warc_record(record: Any, where: str, limit: int, options: ReadOptions) -> Item | None:
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
        return InputError(where, f"record body cannot be read ({short(str(exc)) or type(exc).__name__})")
    if len(data) > limit:
        return InputError(where, f"record body is over {limit:,} bytes; rejected")
    # WARC-Date is when the page was crawled, not published: it is not used as a date.
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    try:
        text = decode(data, where)
        if is_html:
            return html_article(text, where, options, {"url": url})
        check_length(text, options.max_chars, where)
    except InputError as exc:
        return exc
    return Article(id=text_id(text), text=text, url=url, published=options.published, origin=where)
