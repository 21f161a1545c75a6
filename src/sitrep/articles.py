"""What every reader shares to turn the text it found into an ``Article``.

    text_id(text)          the id of a document that gives none: the same words, the same id
    parse_date / date_in_name
                           a document's own ISO date, or one in its file name
    html_article(html)     an HTML page's text, title and date (trafilatura's cascade), with the
                           fields its container (a JSONL record, a WARC header) gives winning
    ReadOptions            the limits and default date of one ``ingest.read``

Kept apart from ``ingest`` so that the WARC and feed readers can build Articles the same way
without importing the module that dispatches to them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass

from .decoding import BYTES_PER_CHAR, check_length, short
from .errors import InputError
from .model import Article

__all__ = ["Item", "ReadOptions", "date_in_name", "html_article", "html_limit", "parse_date", "text_id"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

Item = Article | InputError

MAX_HTML_BYTES = 5 * 1024 * 1024  # trafilatura needs ~7 s a megabyte of markup here; real pages are far smaller

_ISO_DATE = re.compile(r"(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What one ``ingest.read`` call asks of every reader: the length limit and the date for undated documents."""

    max_chars: int
    published: dt.date | None


def text_id(text: str) -> str:
    """A stable id for a text: the same words give the same id whatever their spacing or case.

    sha1 of the NFKC-normalised, whitespace-collapsed, lower-cased text; first 16 hex digits."""
    normal = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.sha1(normal.encode("utf-8", errors="replace")).hexdigest()[:16]


def parse_date(value: str, where: str = "") -> dt.date | None:
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
        log.warning("%s: ignored the date %r, not an ISO date (YYYY-MM-DD)", where, short(value))
    return None


def date_in_name(name: str) -> dt.date | None:
    """An ISO date in a file name (``izyum-cnn-2022-09-13.txt``); None when there is none or it is no real date."""
    match = _ISO_DATE.search(name)
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# HTML


def html_limit(options: ReadOptions) -> int:
    return min(MAX_HTML_BYTES, options.max_chars * BYTES_PER_CHAR["html"])


def html_article(html: str, document: str, options: ReadOptions, fields: dict[str, str]) -> Article:
    """An Article from an HTML page; ``fields`` (title, url, source, published) given by the
    container (a JSONL record, a WARC header) win over what the page says."""
    if len(html) > MAX_HTML_BYTES:
        raise InputError(document, f"HTML is over {MAX_HTML_BYTES:,} characters, too large for one page; rejected")
    text, title, page_date = _extract_html(html, document)
    check_length(text, options.max_chars, document)
    published = parse_date(fields.get("published", "")) or page_date or options.published
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
    page_date = parse_date(getattr(extracted, "date", None) or "")
    if not text:
        _, text, _ = trafilatura.baseline(html)
        text = text.strip()
    if not text:
        text = (trafilatura.html2txt(html) or "").strip()
    if not text or not any(ch.isalpha() for ch in text):
        raise InputError(document, "no article text found in the HTML (none there, or nested too deeply to parse)")
    return text, title, page_date
