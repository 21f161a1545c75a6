"""Date expressions in an article, resolved against its publication date.

ACLED dates an event to the day it happened, so "on Saturday" in a Tuesday paper is the Saturday
before, "March 4" is the last March 4 before publication, "last week" is the Wednesday of the week
before (time_precision 2) and "in early September" is September 1st (time_precision 3). Without a
publication date, anything relative stays unresolved (value None) rather than guessed.

The words (months, weekdays, relative phrases) live in ``data/date_words.json``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from . import datelines
from .model import DateMention, Segment

__all__ = ["find_dates", "resolve_month_day", "resolve_weekday"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Dates in these segments are not the article's own (comment forms, related-article links).
_SKIPPED_SEGMENTS = frozenset({"boilerplate", "related"})
# A month-day with no year is put in the year that brings it nearest to publication, but a date
# up to a month ahead stays ahead ("talks on September 20" in a September 13 paper).
_FUTURE_WINDOW = dt.timedelta(days=31)


@dataclass(frozen=True, slots=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    relative: dict[str, dict[str, Any]]
    month_parts: dict[str, str]
    holidays: dict[str, dict[str, Any]]
    orthodox: frozenset[str]  # countries where a plain "Easter" is the Orthodox one


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = json.loads(resources.files("sitrep").joinpath("data/date_words.json").read_text("utf-8"))
    return _Words(raw["months"], raw["weekdays"], raw["numbers"], raw["relative_days"], raw["month_parts"], raw["holidays"],
                  frozenset(raw["orthodox_countries"]))


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_Resolver = Callable[[re.Match[str], dt.date | None], tuple[dt.date | None, int] | None]


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: dt.date | None
    precision: int


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], _Resolver]]:
    w = _words()
    # Month names must be capitalised: "may", "march" and "sat" are ordinary words in lower case.
    month = "(?:" + _alternation([m.capitalize() for m in w.months] + [m.upper() for m in w.months if len(m) > 3]) + r")\.?"
    weekday = "(?:" + _alternation([d.capitalize() for d in w.weekdays]) + ")"
    part = "(?:" + _alternation(list(w.month_parts)) + ")"
    relative = _alternation(list(w.relative))
    number = "(?:" + _alternation(list(w.numbers)) + r"|\d{1,2})"
    year_word = r",?\s+(?i:(?P<yrel>last|this|next)\s+year)"  # "in March last year"
    days_to = r"\s*(?:[-–]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?"  # the end of a range of days ("between 4 and 5 June")
    night = r"(?i:\b(?:overnight|night)\s+(?:(?:on|of|from|between)\s+)?(?:the\s+)?)"
    to_day = r"\s*(?:[-–/]|to|and|into)\s*"
    return [
        (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso),
        (re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b"), _numeric),
        # a day and month in figures, as posts write them ("On 03.11 about 60 women gathered"), after "on" (a line's
        # "10.05 -" is as often a time): the latest such day up to publication
        (re.compile(r"(?i:\bon\s+)(?P<date>(?P<d>\d{1,2})\.(?P<m>\d{2}))\b(?![.,]?\d|\s*(?i:%|percent|per\b|million|billion|k?m\b|degrees))"),
         _numeric_day_month),
        # or with a slash ("On 21/3, border guards ..."), read either way round (see _slashed_day_month)
        (re.compile(r"(?i:\bon\s+)(?P<date>(?P<d>\d{1,2})/(?P<m>\d{1,2}))\b(?!/\d|\s+of\b)"), _slashed_day_month),
        # or heading a post after its place, as a dateline ("Moscow, 03.02: wives of mobilised men ...")
        (re.compile(r"(?m)^[A-Z][\w'-]+(?: [A-Z][\w'-]+)?,\s+(?P<date>(?P<d>\d{1,2})\.(?P<m>\d{2}))(?=[:.]?\s)"), _numeric_day_month),
        # or stamping a post with its clock time ("[17.03, 00:41] Drones attacked Shebekino")
        (re.compile(r"(?m)^[ \t]*\[?(?P<date>(?P<d>\d{1,2})\.(?P<m>\d{2}))(?=,?\s+\d{1,2}:\d{2}\b)"), _numeric_day_month),
        # a night told as two days ("overnight on 12-13 May", "the night of January 22 to 23") is dated by
        # the morning it ends in, as the reports that count a night's drones and missiles do
        (re.compile(rf"{night}\d{{1,2}}(?:st|nd|rd|th)?{to_day}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month>{month})(?:,?\s+(?P<y>\d{{4}}))?\b"), _day_month),
        (re.compile(rf"{night}(?P<month>{month})\s+\d{{1,2}}(?:st|nd|rd|th)?{to_day}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"), _day_month),
        # a range of days ("22 to 23 January", "March 1-2, 2008", "between 4 and 5 June") is dated by its first day
        # ("on Oct. 8 last year": the day in the year before publication's)
        (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:{days_to})?(?:\s+of)?\s+(?P<month>{month})(?:,?\s+(?P<y>\d{{4}})|{year_word})?\b"), _day_month),
        (re.compile(rf"\b(?P<month>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:{days_to})?\b(?!:\d)(?:,?\s+(?P<y>\d{{4}})\b|{year_word}\b)?"), _day_month),
        (re.compile(rf"(?i:\b(?P<part>{part})\s*)(?P<month>{month})(?:,?\s+(?P<y>\d{{4}})|{year_word})?\b"), _month_only),
        (re.compile(rf"\b(?P<month>{month})(?:,?\s+(?:of\s+)?(?P<y>\d{{4}})|{year_word})\b"), _month_only),  # "October of 2017"
        # "in the spring of 2022", "in summer 2023": the season's middle month (winter's is January)
        (re.compile(r"(?i)\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>\d{4})\b"), _season),
        # "captured Izium in the spring", "last winter": the latest such season up to publication (not "fall", which is
        # as often a town's: "the fall of Avdiivka")
        (re.compile(r"(?i)\b(?:(?:in|during)\s+the|(?P<last>last))\s+(?P<season>spring|summer|autumn|winter)\b(?!\s+(?:of|\d))"),
         _past_season),
        # "Last March, a drone slammed into ...": the latest March before this month
        (re.compile(rf"\b(?:[Ll]ast) (?P<month>{month})(?![\w-]|\s+\d)"), _last_named_month),
        # a month naming an event ("an April missile strike on a residential area", "the March attack"): that month
        (re.compile(rf"\b(?:[Aa]n?|[Tt]he) (?P<date>(?P<month>{month})) (?=(?:\w+ )?(?i:strike|attack|raid|bombing|shelling|offensive|assault|massacre|protest|clashes|killings?)\b)"),
         _month_only),
        # A bare month only after a preposition ("in May"), never "she may go".
        (re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Oo]f) (?P<date>(?P<month>{month}))\b"), _month_only),
        # "overnight into Tuesday", "the night into Sunday", "the night of Sunday for Monday": the morning the night ends in
        (re.compile(rf"(?i:\b(?:overnight|(?:the\s+)?night)\s+into\s+)(?P<wd>{weekday})\b"), _weekday),
        (re.compile(rf"(?i:\b(?:overnight|night)\s+(?:of|from)\s+){weekday}(?i:\s+(?:to|into|for)\s+)(?P<wd>{weekday})\b"), _weekday),
        # "Tuesday of last week": that weekday in the calendar week before publication's
        (re.compile(rf"\b(?P<wd>{weekday})(?i:\s+of\s+last\s+week)\b"), _weekday_of_last_week),
        (re.compile(rf"(?i:\b(?P<rel>last|this|next|past)\s+)?(?P<wd>{weekday})\b(?i:\s+(?:morning|afternoon|evening|night))?"), _weekday),
        # "at 23:00 last night": an evening hour is the day before the morning the night ends in
        (re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.]\d{2}\s+(?i:(?:hours?\s+)?last\s+night)\b"), _clock_night),
        (re.compile(rf"(?i)\b(?P<phrase>{relative})\b"), _relative),
        # "two years ago today"; "to mark one year since a missile struck a cafe": the strike's day, a year back
        (re.compile(rf"(?i)\b(?P<n>{number})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:ago(?P<today>\s+today)?|since)\b"), _ago),
        # "On the 3rd a tractor driver was blown up", "On 21st the enemy hit", "in the early hours of the 26th":
        # a day of the month, the last one up to publication (not "on the 3rd floor", "on the 5th day of the offensive")
        (re.compile(r"(?i:\bon\s+(?:the\s+)?|\b(?:hours|night|morning|afternoon|evening)\s+of\s+(?:the\s+)?)(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?i:floor|storey|story|anniversary|day|days|time|round|"
                    r"place|century|brigade|battalion|regiment|division|corps|army|company|platoon|grade|year|week|month|"
                    r"line|row|attempt|wave|term|session|stage|phase|district|ward|street|avenue|road|of)\b)"), _day_of_month),
    ]


def find_dates(text: str, published: dt.date | None, segments: Sequence[Segment], country: str = "") -> list[DateMention]:
    """Every date expression in the text, in order, resolved against ``published`` where it can be.

    Overlapping matches keep the longest ("on 14 June 2022" rather than "June"); mentions inside
    boilerplate or related-article links are left out. ``country`` (an ISO code, the country the text's
    places lie in) says which "Independence Day" is meant.
    """
    matches = _matches(text)  # the patterns run once; only their resolution depends on the day counted from
    apart = list(_days_apart(text))
    found = _found(text, matches, apart, lambda _: published, country)
    posts = sorted([*_posts(text, found, published), *_filed(text, found, published)])
    if any(day != published for _, day in posts):  # each post's "yesterday" and "on Monday" counted from its own stamp
        found = _found(text, matches, apart, lambda at: next((d for start, d in reversed(posts) if start <= at), published), country)
    # a post stamped with a clock time alone is dated by its stamp, for what it tells with no day of its own
    stamps = [_Found(m.start("hour"), m.end("minute"), day, 1) for start, day in posts
              if (m := _CLOCK_STAMP.match(text, start)) is not None]
    found = sorted([*found, *stamps], key=lambda f: (f.start, -(f.end - f.start))) if stamps else found
    mentions: list[DateMention] = []
    last_end = -1
    for f in found:
        if f.start < last_end or _in_skipped_segment(f.start, segments):
            continue
        if isinstance(f, _Apart):
            reference = next((day for start, day in reversed(posts) if start <= f.start), published)
            f = _from_anchor(f, mentions, [g for g in found if g.start >= f.end and not isinstance(g, _Apart)], text, reference)
        if f.value is not None and _past_day_of_an_evening(text, f):
            f = replace(f, value=f.value + dt.timedelta(days=1))
        mentions.append(DateMention(f.start, f.end, text[f.start : f.end], f.value, f.precision))
        last_end = f.end
    return mentions


def _found(text: str, matches: Sequence[tuple[re.Match[str], _Resolver]], apart: Sequence[_Apart],
           reference: Callable[[int], dt.date | None], country: str) -> list[_Found | _Apart]:
    """The date expressions, each resolved against the day ``reference`` gives for where it stands."""
    days = {reference(0), *(reference(m.start()) for m, _ in matches)}  # (each post's stamp is a match)
    holidays_ = [h for day in days for h in _holidays(text, day, country) if reference(h.start) == day]
    return sorted([*_candidates(matches, reference), *apart, *holidays_], key=lambda f: (f.start, -(f.end - f.start)))


# A post's stamp opening its line: "[3 March, 19:42]", "Thursday, 5 October, 08:12.", "[17.03, 00:41]"
_STAMP_BEFORE = re.compile(r"(?:^|\n)[ \t]*[\[(]?(?:[A-Z][a-z]+day,?\s+)?$")
_STAMP_AFTER = re.compile(r"(?:,?\s*\d{4})?[,\s]*(?:at\s+)?\d{1,2}[:.]\d{2}\b")


def _posts(text: str, found: Sequence[_Found | _Apart], published: dt.date | None) -> list[tuple[int, dt.date]]:
    """Where each timestamped post of a feed or live page starts, and its day: a governor's Telegram
    posts copied one after another tell "yesterday" and "overnight" from the day each was posted. Posts
    stamped with a clock time alone are of the day their introduction names ("Below are his messages from
    Saturday, February 10 ... 08:30. Yesterday evening ...")."""
    days = [(f.start, f.value) for f in found
            if isinstance(f, _Found) and f.value is not None and f.precision == 1
            and (published is None or f.value <= published)
            and _STAMP_BEFORE.search(text, max(0, f.start - 16), f.start) and _STAMP_AFTER.match(text, f.end)]
    clocked = list(_CLOCK_STAMP.finditer(text))
    if days or len(clocked) < 2 or published is None:
        return days
    intro = {f.value for f in found if isinstance(f, _Found) and f.start < clocked[0].start() and f.precision == 1
             and f.value is not None and dt.timedelta(0) <= published - f.value <= _INTRO_DAYS}
    if not intro or len(intro) > 2:
        return []
    # "from Saturday evening to Sunday morning ... 23:55. ... 00:20.": a clock that goes back has passed midnight
    day, previous, posts = min(intro), None, []
    for stamp in clocked:
        clock = (int(stamp["hour"]), int(stamp["minute"]))
        if previous is not None and clock < previous and day < published:
            day += dt.timedelta(days=1)
        posts.append((stamp.start(), day))
        previous = clock
    return posts


def _filed(text: str, found: Sequence[_Found | _Apart], published: dt.date | None) -> list[tuple[int, dt.date]]:
    """A wire dateline's day ("CALI, Colombia, June 13 (AP) - "): the writer's today, which a feed may publish
    a day later; the report's "yesterday" and "on Tuesday" count from it."""
    days = [(f.start, f.value) for f in found if isinstance(f, _Found) and f.value is not None and f.precision == 1]
    filed = []
    for line in datelines.find(text):
        day = next((d for start, d in days if line.date_start is not None and line.date_start <= start < line.date_end), None)
        if day is not None and (published is None or dt.timedelta(0) <= published - day <= FILED_DAYS):
            filed.append((line.start, day))
    return filed


FILED_DAYS = dt.timedelta(days=3)  # how long before publication a dateline's day may be


# "08:30. Yesterday evening ...", "[19:05] ..."
_CLOCK_STAMP = re.compile(r"(?m)^[ \t]*\[?(?P<hour>\d{1,2}):(?P<minute>\d{2})\]?[.:]?[ \t]")
_INTRO_DAYS = dt.timedelta(days=2)  # how long before publication an introduction's day of posts may be


# "over the past day, the head of the regional military administration said in his evening summary": an
# evening's summary tells the day it is posted on, not the day before (as a morning's does)
_EVENING_REPORT = re.compile(r"(?i)\bevening\s+(?:summary|report|update|briefing|round-?up|post)\b")


def _past_day_of_an_evening(text: str, found: _Found) -> bool:
    rule = _words().relative.get(text[found.start : found.end].lower())
    if not rule or not rule.get("covers_report") or rule.get("days_before") != 1:
        return False
    start = max(text.rfind("\n", 0, found.start), text.rfind(". ", 0, found.start), 0)
    ends = [i for i in (text.find("\n", found.end), text.find(". ", found.end)) if i >= 0]
    return bool(_EVENING_REPORT.search(text[start : min(ends) if ends else len(text)]))


# "the previous day", "two days earlier", "the next day", "later that day", "hours later": counted from the day told
# just before (or, with none, from the one the same sentence tells right after: "..., the previous evening,
# the governor said on Tuesday")
_APART = re.compile(
    r"(?i)\b(?:(?:the\s+)?(?P<back>previous|preceding)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+before(?=\s*[,.;)]|$)"
    r"|(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?:(?P<later>later)|earlier|before(?=\s*[,.;)]|$)"
    r"|(?P<toward>after|before)(?=\s+(?:the\s+)?(?:\d|[a-z]+\s+\d)))"  # "two days after the 23 August vote"
    r"|(?:the\s+)?(?P<ahead>next|following)\s+day|a\s+day\s+later"
    r"|(?P<same>(?:later|earlier)\s+that\s+day|(?:on\s+)?(?:that|the)\s+same\s+(?:day|night|evening|afternoon|morning)"
    r"|(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes)\s+(?:later|earlier)))\b"
)
_SPOKEN_ON = re.compile(r"(?i)\b(?:said|told\s+[\w.]+|reported|announced|added|stated)\s+(?:on\s+)?$")
_TOWARD_CHARS = 8  # "after the 23 August vote": the date told right after "after"
_APART_CHARS = 300  # how far back in the paragraph the day it is counted from may be told
_APART_AFTER_CHARS = 150  # how far ahead in the sentence, when none is told before
_APART_STORY_CHARS = 1500  # how far back across paragraphs, when neither is told


@dataclass(frozen=True, slots=True)
class _Apart:
    start: int
    end: int
    days: int  # negative: before the day told
    toward: bool = False  # counted from the date told right after ("two days after the 23 August vote")


def _days_apart(text: str) -> Iterator[_Apart]:
    for m in _APART.finditer(text):
        if m["same"]:
            days = 0
        elif m["ahead"] or m[0].lower().startswith("a day later"):
            days = 1
        elif m["n"]:  # "three days earlier", "a week earlier", "two days later"
            days = (int(m["n"]) if m["n"].isdigit() else _words().numbers[m["n"].lower()]) * (7 if m["unit"].startswith("week") else 1)
            days = days if m["later"] or (m["toward"] or "").lower() == "after" else -days
        else:
            days = -1
        yield _Apart(m.start(), m.end(), days, toward=bool(m["toward"]))


def _from_anchor(
    apart: _Apart, before: Sequence[DateMention], after: Sequence[_Found], text: str, published: dt.date | None
) -> _Found:
    """ "The MoD claimed on 9 January that its troops had captured Kotliarivka the previous day": the
    day before the last day-precise date of the paragraph; with none, the day the sentence tells right
    after ("struck the market the previous day, a local group said on 14 March"); else publication."""
    anchor = next((f.value for f in after if f.value is not None and f.precision == 1
                   and f.start - apart.end <= _TOWARD_CHARS), None) if apart.toward else None
    if anchor is None:
        anchor = next((m.value for m in reversed(before) if m.value is not None and m.precision == 1
                       and apart.start - m.end <= _APART_CHARS and "\n\n" not in text[m.end : apart.start]), None)
    if anchor is None:
        anchor = next((f.value for f in after if f.value is not None and f.precision == 1
                       and f.start - apart.end <= _APART_AFTER_CHARS
                       and not re.search(r"[.!?]\s|\n", text[apart.end : f.start])), None)
    if anchor is None:
        # "The following day" or "the same day" opening a paragraph counts from the last day the story
        # told before it, not from publication ("on Saturday" ... next paragraph: "the same day")
        # (not the day a source spoke: "..., security sources told AFP on Wednesday. [...] The same morning, ...")
        anchor = next((m.value for m in reversed(before) if m.value is not None and m.precision == 1
                       and apart.start - m.end <= _APART_STORY_CHARS
                       and not _SPOKEN_ON.search(text, max(0, m.start - 30), m.start)), None)
    day = anchor if anchor is not None else published
    value = day + dt.timedelta(days=apart.days) if day is not None else None
    return _Found(apart.start, apart.end, value, 1)


def _matches(text: str) -> list[tuple[re.Match[str], _Resolver]]:
    return [(match, resolve) for pattern, resolve in _patterns() for match in pattern.finditer(text)]


def _candidates(matches: Sequence[tuple[re.Match[str], _Resolver]], reference: Callable[[int], dt.date | None]) -> Iterator[_Found]:
    for match, resolve in matches:
        resolved = resolve(match, reference(match.start()))
        if resolved is not None:
            start, end = match.span("date") if "date" in match.re.groupindex else match.span()
            yield _Found(start, end, *resolved)


@lru_cache(maxsize=1)
def _holiday_pattern() -> re.Pattern[str]:
    names = [name for table in _words().holidays.values() for name in table]
    # told as a day: "on Boxing Day", "on the evening of Labour Day", "on the eve of Constitution Day", "on the
    # day after Orthodox Easter", "on the morning after Independence Day"
    return re.compile(rf"(?i)\b(?:on|of)\s+(?:the\s+)?(?P<date>(?:(?P<eve>(?:eve\s+of|(?:day|night)\s+before)\s+(?:the\s+)?)|"
                      rf"(?P<after>(?:day|morning|night)\s+after\s+(?:the\s+)?))?(?P<name>{_alternation(names)}))\b")


@lru_cache(maxsize=1)
def _held_on_pattern() -> re.Pattern[str]:
    """A holiday right before the end of the text: the day of a gathering named after it ("broke up a
    Women's Day march"), looked for only before such a gathering's word."""
    names = [name for table in _words().holidays.values() for name in table]
    return re.compile(rf"(?i)\b(?P<date>(?P<eve>)(?P<after>)(?P<name>{_alternation(names)}))\s+$")


_HELD = re.compile(r"(?i)\b(?:march|rally|protest|demonstration|vigil|procession|sit-in)(?:e?s)?\b")


def _holidays(text: str, published: dt.date | None, country: str) -> Iterator[_Found]:
    if published is None:
        return
    told = list(_holiday_pattern().finditer(text))
    for gathering in _HELD.finditer(text):
        start = max(0, gathering.start() - 40)
        match = _held_on_pattern().search(text, start, gathering.start())
        if match is not None and all(m.start("name") != match.start("name") for m in told):  # not "on Labour Day rallies" twice
            told.append(match)
    for match in told:
        value = _holiday(match["name"].lower().replace("’", "'"), published, country)
        if value is not None:
            shift = -1 if match["eve"] else 1 if match["after"] else 0
            yield _Found(match.start("date"), match.end("date"), value + dt.timedelta(days=shift), 1)


def _holiday(name: str, published: dt.date, country: str) -> dt.date | None:
    """The named day nearest before publication (up to a month ahead, as for a month and day)."""
    table = _words().holidays
    told = table["fixed"].get(name) or table["by_country"].get(name, {}).get(country)
    if told is not None:
        month, day = (int(x) for x in told.split("-"))
        return resolve_month_day(month, day, published)
    if name in table["by_country"] and country and (national := _national_holiday(name, country, published)):
        return national
    # a plain "Easter" where the churches keep the Orthodox one ("on the eve of Easter" in Velykyi Burluk)
    plain = EASTER_ORTHODOX if country in _words().orthodox else EASTER_WESTERN
    for kind, method in (("easter", plain), ("orthodox_easter", EASTER_ORTHODOX)):
        if name in table[kind]:
            for year in (published.year, published.year - 1):
                value = easter(year, method) + dt.timedelta(days=table[kind][name])
                if value - published <= _FUTURE_WINDOW:
                    return value
    rule = table["nth_weekday"].get(name, {})
    told = rule.get(country, rule.get(""))
    if told is None:
        return None
    month, weekday, n = told.split("-")
    for year in (published.year, published.year - 1):
        value = _nth_weekday(year, int(month), int(weekday), -1 if n == "last" else int(n))
        if value - published <= _FUTURE_WINDOW:
            return value
    return None


def _national_holiday(name: str, country: str, published: dt.date) -> dt.date | None:
    """A national day the data file does not list for this country ("Independence Day" in a Sierra Leone
    report), from the ``holidays`` package's calendar: the latest up to a month after publication."""
    found = [day for year in (published.year, published.year - 1) for day, holiday in _calendar(country, year)
             if name in holiday.lower() and "observed" not in holiday.lower() and day - published <= _FUTURE_WINDOW]
    return max(found, default=None)


@lru_cache(maxsize=64)
def _calendar(country: str, year: int) -> tuple[tuple[dt.date, str], ...]:
    import holidays  # only when a national day is named: most texts never need it, and start-up stays lean

    try:
        return tuple(holidays.country_holidays(country, years=year, language="en_US").items())
    except (NotImplementedError, KeyError):  # a country the package has no calendar for
        return ()


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th such weekday of the month (n -1: the last)."""
    days = [d for d in (dt.date(year, month, 1) + dt.timedelta(days=i) for i in range(31))
            if d.month == month and d.weekday() == weekday]
    return days[n - 1] if n > 0 else days[n]


def _in_skipped_segment(offset: int, segments: Sequence[Segment]) -> bool:
    return any(s.start <= offset < s.end and s.kind in _SKIPPED_SEGMENTS for s in segments)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _words().months[name.rstrip(".").lower()]


def _iso(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    value = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if value is None else (value, 1)


def _numeric(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    """dd/mm/yyyy as in European and ACLED usage; mm/dd/yyyy only when the day cannot be a month."""
    first, second, year = int(m["d"]), int(m["m"]), int(m["y"])
    value = _safe_date(year, second, first) or _safe_date(year, first, second)
    return None if value is None else (value, 1)


def _numeric_day_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    month, day = int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return resolve_month_day(month, day, published), 1


def _slashed_day_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    """"on 21/3" is the day first, "on 3/21" the month first; where both can be ("on 5/6"), the reading that
    falls nearer before publication (day first on a tie, as most of the world writes it)."""
    first, second = int(m["d"]), int(m["m"])
    readings = [(month, day) for day, month in ((first, second), (second, first)) if 1 <= month <= 12 and 1 <= day <= 31]
    if not readings:
        return None
    days = [resolve_month_day(month, day, published) for month, day in readings]
    if published is None:
        return days[0], 1
    return max(days, key=lambda d: (d is not None and d <= published, d or dt.date.min)), 1


def _day_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    month, day = _month_number(m["month"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        value = _safe_date(int(m["y"]), month, day)
        return None if value is None else (value, 1)
    if m.groupdict().get("yrel") and published is not None:
        value = _safe_date(published.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()], month, day)
        return None if value is None else (value, 1)
    return resolve_month_day(month, day, published), 1


def _month_only(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    """A month (ACLED time_precision 3): its middle, or first/last day when the text says early/late."""
    month = _month_number(m["month"])
    part = _words().month_parts.get((m.groupdict().get("part") or "").lower(), "middle")
    if m.groupdict().get("y"):
        year: int | None = int(m["y"])
    elif m.groupdict().get("yrel") and published is not None:
        year = published.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    elif published is not None:
        year = _nearest_year(published, month, 15)
    else:
        return None, 3
    last = calendar.monthrange(year, month)[1]
    value = dt.date(year, month, {"start": 1, "middle": 15, "end": last}[part])
    if published is not None and not m.groupdict().get("y") and value > published:
        value = max(published, dt.date(year, month, 1))  # "in September" read on September 13 is not later
    return value, 3


def _last_named_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    if published is None:
        return None, 3
    month = _month_number(m["month"])
    year = published.year if month < published.month else published.year - 1
    return dt.date(year, month, 15), 3


_SEASON_MONTHS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}


def _season(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    return dt.date(int(m["y"]), _SEASON_MONTHS[m["season"].lower()], 15), 3


def _past_season(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    if published is None:
        return None, 3
    month = _SEASON_MONTHS[m["season"].lower()]
    this_year = month < published.month if m["last"] else month <= published.month
    return dt.date(published.year if this_year else published.year - 1, month, 15), 3


def _nearest_year(published: dt.date, month: int, day: int) -> int:
    value = resolve_month_day(month, day, published)
    return published.year if value is None else value.year


def resolve_month_day(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """A month and day with no year: the year that puts it nearest before publication.

    Up to a month ahead it stays ahead (an announced date); further ahead it is last year's.
    """
    if published is None:
        return None
    value = _safe_date(published.year, month, day)
    if value is None:
        return None
    if value - published > _FUTURE_WINDOW:
        return _safe_date(published.year - 1, month, day)
    return value


def resolve_weekday(weekday: int, published: dt.date, qualifier: str = "") -> dt.date:
    """A weekday name as a date: the most recent such day up to publication ("Saturday" in a
    Tuesday paper is three days back; the publication's own weekday is that day). "last X" is
    always a past week's day, "next X" the coming one."""
    back = (published.weekday() - weekday) % 7
    if qualifier == "next":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if qualifier == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _weekday(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    if _named_day(m.string, m.start("wd")):
        return None  # "the crackdown of 30 September 2022, known as 'Bloody Friday'"
    if published is None:
        return None, 1
    weekday = _words().weekdays[m["wd"].lower()]
    return resolve_weekday(weekday, published, (m.groupdict().get("rel") or "").lower()), 1


def _weekday_of_last_week(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    if published is None:
        return None, 1
    monday = published - dt.timedelta(days=published.weekday() + 7)
    return monday + dt.timedelta(days=_words().weekdays[m["wd"].lower()]), 1


_NAMED_DAY = re.compile(r"[\"'‘“«](?P<word>[A-Z][a-z]+)\s+$")
_DAY_OPENERS = frozenset({"on", "last", "this", "next", "since", "by", "until", "early", "late", "every", "each", "from",
                          "before", "after", "that", "till"})


def _named_day(text: str, start: int) -> bool:
    """A weekday in a quoted name ("known as 'Bloody Friday'"); not a quote opening "On Friday ...", nor
    "attacked Kupiansk Friday"."""
    named = _NAMED_DAY.search(text, max(0, start - 30), start)
    return named is not None and named["word"].lower() not in _DAY_OPENERS


def counted_from_publication(mention: DateMention) -> bool:
    """A word read as a day before publication ("overnight", "yesterday"), not a day the text states."""
    return "days_before" in _words().relative.get(mention.text.lower(), {})


def covers_the_report(mention: DateMention) -> bool:
    """A summary's window ("Over the past day, the occupiers ..."): the day of everything the report lists."""
    return bool(_words().relative.get(mention.text.lower(), {}).get("covers_report"))


def _relative(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    rule = _words().relative[m["phrase"].lower()]
    precision = int(rule["precision"])
    if published is None:
        return None, precision
    if "days_before" in rule:
        return published - dt.timedelta(days=rule["days_before"]), precision
    if "weekday" in rule:
        return resolve_weekday(rule["weekday"], published, "last" if m["phrase"].lower().startswith("last") else ""), precision
    if "previous_week_day" in rule:
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday + dt.timedelta(days=rule["previous_week_day"]), precision
    if rule.get("this_week_middle"):
        monday = published - dt.timedelta(days=published.weekday())
        return min(monday + dt.timedelta(days=2), published), precision
    if rule.get("previous_month"):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=15), precision
    if rule.get("this_month"):  # "earlier this month": the middle of it, and before the day of the report
        return published.replace(day=max(1, min(15, published.day - 1))), precision
    log.debug("relative date rule without a known key: %s", rule)
    return None


def _ago(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _words().numbers[raw]
    unit = m["unit"].lower().rstrip("s")
    precision = 1 if m["today"] else {"day": 1, "week": 2, "month": 3, "year": 3}[unit]  # "two years ago today"
    if published is None:
        return None, precision
    if unit == "year":
        year = published.year - n
        return _safe_date(year, published.month, published.day) or dt.date(year, published.month, 28), precision
    days = {"day": 1, "week": 7, "month": 30}[unit] * n
    return published - dt.timedelta(days=days), precision


def _clock_night(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    if published is None:
        return None, 1
    return published - dt.timedelta(days=1 if int(m["h"]) >= 12 else 0), 1


def _day_of_month(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, int] | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    if published is None:
        return None, 1
    if day <= published.day:
        return published.replace(day=day), 1
    last_month = published.replace(day=1) - dt.timedelta(days=1)
    value = _safe_date(last_month.year, last_month.month, day)
    return None if value is None else (value, 1)
