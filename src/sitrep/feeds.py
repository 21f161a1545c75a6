"""Read an RSS or Atom feed (feedparser): one Article per entry, from its content or summary.

A feed is parsed whole, so its size is bounded (``MAX_FEED_BYTES``); feeds that declare XML
entities are refused (entity-expansion bombs). An entry's HTML is turned into text here, a line
per block element: trafilatura wants whole pages and returns nothing for a paragraph or two.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .articles import Item, ReadOptions, parse_date, text_id
from .decoding import check_length, read_bounded, reject_binary_signature, sanitise, short
from .errors import InputError
from .model import Article

__all__ = ["read_feed"]

MAX_FEED_BYTES = 64 * 1024 * 1024


def read_feed(path: Path, options: ReadOptions) -> Iterator[Item]:
    import feedparser  # imported here: only feeds need it

    document = str(path)
    data = read_bounded(path, MAX_FEED_BYTES, document)
    if not data.strip():
        raise InputError(document, "empty file")
    reject_binary_signature(data, document)
    if b"<!ENTITY" in data[:65536].upper():
        raise InputError(document, "declares XML entities (an entity-expansion bomb?); feeds never need them, refused")
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        reason = f"not a readable RSS/Atom feed ({short(str(problem))})" if problem else "a feed with no entries"
        raise InputError(document, reason)
    source = sanitise(str(feed.feed.get("title", "") or "")).strip()
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{document} entry {number}"
        try:
            yield _feed_article(entry, where, source, options)
        except InputError as exc:
            yield exc


def _feed_article(entry: Any, where: str, source: str, options: ReadOptions) -> Article:
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
        "title": sanitise(entry.get("title", "") or "").strip(),
        "url": entry.get("link", "") or "",
        "source": source,
        "published": _struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
    }
    text = _fragment_text(sanitise(body)) if "html" in kind else sanitise(body)
    check_length(text, options.max_chars, where)
    return Article(
        id=text_id(text), text=text, title=fields["title"], url=fields["url"], source=source,
        published=parse_date(fields["published"]) or options.published, origin=where,
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
