"""Wire datelines: "KYIV, July 20 (Reuters) -", "BEIRUT (AP) —", "GOMA, Democratic Republic of Congo,
Jan 28 (Reuters) -", "JUBA, 24 January 2025 -", the Indian agencies' "Imphal, Mar 10 (PTI)" with no dash, and a local post's
"Berdyansk, 12.03.2024:".

A dateline says where and when a report was filed, not where or when anything in it happened; and
the lead sentence starts after its dash, which the small parser would otherwise read as one clause
with the dateline ("EL FASHER ... killed" as subject and verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

_WORD = r"[A-Z][\w.'’-]*"
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>{_WORD}(?:[ -]{_WORD}){{0,3}})"  # the city, in capitals or not
    rf"(?:,\s*{_WORD}(?:\s+(?:of|the|and)?\s*{_WORD}){{0,4}})?"  # ", Ukraine", ", Democratic Republic of Congo"
    # ", July 20", ", June 14, 2024", ", 24 January 2025"
    r"(?P<date>,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s*\d{4})?))?"
    # an Indian agency's bracket needs no dash: "Imphal, Mar 10 (PTI) Security forces ..."
    r"(?:\s*\((?:PTI|IANS|ANI|UNI)\)[ \t]+(?=[A-Z])"
    # "CHISINAU, 13.03.2023 - ": the filing day; a local post's "Berdyansk, 12.03.2024:" may give the event's own
    r"|,\s*(?P<numeric>\d{1,2}\.\d{1,2}\.\d{4})\s*[–—-]+[ \t]+|,\s*\d{1,2}\.\d{1,2}\.\d{4}\s*:[ \t]+"
    r"|(?:\s*\([^()\n]{1,40}\))?"  # "(Reuters)"
    r"\s*(?<=[\s)])[-–—]+[ \t]+)",  # a dash standing apart: "Al-Shabaab" opens no dateline
    re.MULTILINE,
)


# A post's heading: a place, and perhaps its region, before a colon at the start of a line ("Vylkove, Odesa
# region: last night about 30 local residents surrounded ..."). It says where, as a dateline does, but is
# often the scene itself; only the parse treats it as a dateline (see ``headings``).
_HEADING = re.compile(r"(?m)^[ \t]*[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2}(?:,[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Za-z]+){0,2})?:[ \t]+(?=[\w'‘\"“])")


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int  # the place's first character
    date_start: int | None  # the date's span, if the dateline has one
    date_end: int | None
    end: int  # the first character after the dash and its spaces: where the lead sentence starts


def find(text: str) -> tuple[Dateline, ...]:
    """The datelines opening lines of the text."""
    found = []
    for m in _DATELINE.finditer(text):
        date = m.span("date") if m.group("date") else m.span("numeric") if m.group("numeric") else (None, None)
        found.append(Dateline(m.start("place"), date[0], date[1], m.end()))
    return tuple(found)


@lru_cache(maxsize=8)  # a parse batch of documents, each asked for at several stages
def of(doc: Doc) -> tuple[Dateline, ...]:
    """The document's datelines, found once: ``doc.text`` rebuilds the whole text at every call."""
    return find(doc.text)


@lru_cache(maxsize=8)
def headings(doc: Doc) -> tuple[int, ...]:
    """Where the text after each post heading starts: the parser, like after a dateline, should not read the
    heading as the subject of the sentence after it."""
    return tuple(m.end() for m in _HEADING.finditer(doc.text))


def opens(doc: Doc, start: int) -> bool:
    """Whether a place starting here is a dateline's."""
    return any(d.start == start for d in of(doc))


def dates(doc: Doc, start: int) -> bool:
    """Whether a date expression starting here is a dateline's: the filing day."""
    return any(d.date_start is not None and d.date_start <= start < d.date_end for d in of(doc))
