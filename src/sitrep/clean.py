"""Tell an article's own text from what surrounds it: title, body, photo captions, related-article
headlines and site boilerplate.

    segment(text, title) ─► [Segment(start, end, kind)]   covering the text, in order, no overlaps

The unit of decision is a line (a paragraph in nearly every source: .txt files, trafilatura's
output, JSONL texts). Each line is judged on its own shape and on its neighbours:

- title        the first line, when it is the given title (or, with none given, reads as a headline)
- boilerplate  site furniture: comment forms, share/subscribe/cookie lines, metadata headers
- related      headlines of other articles: after a "Related Posts"-style line, behind a
               "Read more:"-style prefix, or a headline with a deck ("A happens.  B follows")
               and no closing full stop, sitting between paragraphs
- caption      a photo caption: one short sentence, no quotes, no "said", that either says so
               ("pictured", "Photo:", an agency credit) or has a caption's grammar (a verbless
               noun phrase "A ruined bridge near X.", a participle fragment "Piles of ammunition
               found near X.", a scene "... reduced to rubble.") and repeats its neighbours
- body         everything else

Conservative by design: a body paragraph taken for a caption loses its events, a caption left in
the body only repeats evidence. So caption and related need positive cues, and a one- or two-line
document is never cut up. The cue words live in data/clean_cues.json.

Every regular expression here is linear (no nested or overlapping quantifiers), so pathological
text cannot make it backtrack; lines are measured in words before any pattern is tried.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .model import Segment, SegmentKind

__all__ = ["segment", "looks_like_headline", "metadata_header", "without_footnote_marks"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_OUTER = " \t.:;,!?-\u2013\u2014|•*>»«\"'()[]#"  # '#' too: a bare number line normalises to '#'
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]\u201d\u2019]?\s+[\"'(\[\u201c\u2018]?[A-Z0-9]")
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z_-]{1,20}):[ \t]")
_INLINE_KEY = re.compile(r"\s([A-Z][A-Z_-]{1,20}):\s")
_WORD_EDGES = "\"'()[]{},.;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2013\u2014"
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e")
_CLOSERS = "\"')]\u201d\u2019 \t"
MAX_CUE_CHARS = 2_000  # longer lines are body paragraphs; cues are never searched in them
MAX_CREDIT_SPLITS = 20  # photo credits cut out of one line; more is not a caption layout


@dataclass(slots=True)
class _Unit:
    """A non-blank line: where it starts in the text and its content, stripped."""

    start: int
    line: str
    kind: SegmentKind | None = None  # decided when the unit was cut out (a flattened boilerplate tail)
    stems: frozenset[str] | None = None  # content-word stems, computed once when a neighbour asks


def segment(text: str, title: str = "") -> list[Segment]:
    """The text cut into title/body/caption/related/boilerplate segments that cover it exactly.

    Adjacent segments of one kind are merged; blank lines belong to the segment before them.
    """
    if not text:
        return []
    units = _units(text)
    if not units:
        return [Segment(0, len(text), "body")]
    kinds = _classify(units, title)
    return _spans(len(text), units, kinds)


def looks_like_headline(line: str) -> bool:
    """Short, capitalised, and not closed like a sentence (a final "?" is allowed)."""
    cues = _cues()
    line = line.strip()
    if not line or len(line) > cues["headline_max_chars"]:
        return False
    words = line.split()
    if not 2 <= len(words) <= cues["headline_max_words"]:
        return False
    first = line.lstrip("\"'\u201c\u2018(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return not line.rstrip(_CLOSERS).endswith((".", ",", ";", ":", "!", "\u2026"))


# ---------------------------------------------------------------------------------------------
# Units and spans


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            units.append(_Unit(position + raw.index(stripped[0]), stripped))
        position += len(raw) + 1
    if units:
        units[-1:] = _split_flat_tail(units[-1])
    return [part for unit in units for part in _split_after_credit(unit)]


def _split_after_credit(unit: _Unit) -> list[_Unit]:
    """A caption glued to the next paragraph: "... drowned (Picture: Slidell PD) Cops said ...".
    The credit's closing parenthesis ends the caption."""
    parts: list[_Unit] = []
    while len(parts) < MAX_CREDIT_SPLITS:
        cut = _credit_end(unit.line)
        if cut is None:
            break
        end, resume = cut
        parts.append(_Unit(unit.start, unit.line[:end], unit.kind))
        unit = _Unit(unit.start + resume, unit.line[resume:], unit.kind)
    return [*parts, unit]


def _credit_end(line: str) -> tuple[int, int] | None:
    """Where a photo credit in parentheses ends and the next sentence resumes, if one does."""
    lowered = line[:MAX_CUE_CHARS].lower()
    for opener in _cues()["credit_openers"]:
        at = lowered.find(opener)
        close = lowered.find(")", at) if at >= 0 else -1
        if close < 0:
            continue
        rest = line[close + 1 : close + 1 + MAX_CUE_CHARS]
        if len(rest.split()) >= 4 and rest.lstrip()[:1].isupper():
            return close + 1, close + 1 + (len(rest) - len(rest.lstrip()))
    return None


def _split_flat_tail(unit: _Unit) -> list[_Unit]:
    """Text flattened to one line keeps its trailing boilerplate ("... hands. Related Posts Leave a
    Reply ..."): cut the line where the first known section or form phrase follows a sentence end."""
    line = unit.line
    if len(line.split()) <= _cues()["boilerplate_max_words"]:
        return [unit]
    tail_start = max(0, len(line) - 600)
    lowered = line.lower().translate(_QUOTES)
    best = -1
    for phrase in _tail_markers():
        at = lowered.find(phrase, tail_start)
        while at > 0:
            before = line[:at].rstrip()
            if before.endswith((".", "!", "?", "\u201d", '"')) and (best < 0 or at < best):
                best = at
                break
            at = lowered.find(phrase, at + 1)
    if best < 0 or not _is_boilerplate_tail(line[best:]):
        return [unit]
    return [_Unit(unit.start, line[:best].rstrip()), _Unit(unit.start + best, line[best:], "boilerplate")]


def _is_boilerplate_tail(tail: str) -> bool:
    """A tail of site furniture is short and says nothing: no quotes, nobody "said" anything
    ("... found. Read More A spokeswoman said: '...'" is a link label inside the story)."""
    words = _words(tail)
    return (
        len(words) <= _cues()["tail_max_words"]
        and not any(q in tail for q in _QUOTE_MARKS)
        and not any(w in _set("attribution_words") for w in words)
    )


def _spans(length: int, units: Sequence[_Unit], kinds: Sequence[SegmentKind]) -> list[Segment]:
    segments: list[Segment] = []
    for i, kind in enumerate(kinds):
        start = 0 if i == 0 else units[i].start
        end = units[i + 1].start if i + 1 < len(units) else length
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(segments[-1].start, end, kind)
        else:
            segments.append(Segment(start, end, kind))
    return segments


# ---------------------------------------------------------------------------------------------
# Classification


def _classify(units: Sequence[_Unit], title: str) -> list[SegmentKind]:
    kinds: list[SegmentKind] = [unit.kind or "body" for unit in units]
    first = _mark_header(units, kinds)
    if first < len(units) - 1 and _is_title(units, first, title):
        kinds[first] = "title"
    section: SegmentKind | None = None
    paragraph_seen = False
    for i in range(first, len(units)):
        paragraph_seen = paragraph_seen or (i > first and _is_paragraph(units[i - 1].line))
        if kinds[i] != "body":
            continue
        line = units[i].line
        norm = _norm(line)
        if _is_boilerplate(line, norm):
            kinds[i] = "boilerplate"
            section = _section_after(norm, section)
            continue
        if section is not None and _in_section(line):
            kinds[i] = section
            continue
        section = None
        if _is_related(units, i, paragraph_seen):
            kinds[i] = "related"
        elif _is_caption(units, i):
            kinds[i] = "caption"
    return kinds


def metadata_header(text: str) -> dict[str, str]:
    """Fields (title, url, source, published) of a metadata block opening a text file: lines of
    ``KEY: value`` with known keys (``TITLE:``, ``URL:``/``LINK:``, ``DATE:``, ``SOURCE:``...),
    possibly several on one line ("TITLE: ... LINK: http://...")."""
    lines = [line.strip() for line in text[:20_000].lstrip("\ufeff").split("\n", 13)[:12]]
    count, fields = _header(lines)
    return fields if count else {}


def _header(lines: Sequence[str]) -> tuple[int, dict[str, str]]:
    """How many of the first lines form a metadata header, and the fields they give."""
    keys: dict[str, str] = _cues()["metadata_keys"]
    fields: dict[str, str] = {}
    count = 0
    for line in lines:
        line = line[:MAX_CUE_CHARS]
        match = _HEADER_LINE.match(line[:40])
        if not line or match is None or match.group(1).lower() not in keys:
            break
        count += 1
        pairs = [m for m in _INLINE_KEY.finditer(line) if m.group(1).lower() in keys]
        bounds = [(match.group(1), match.end())] + [(m.group(1), m.end()) for m in pairs]
        ends = [m.start() for m in pairs] + [len(line)]
        for (key, start), end in zip(bounds, ends):
            field = keys[key.lower()]
            if field and field not in fields:
                fields[field] = line[start:end].strip()
    return count, fields


def _mark_header(units: Sequence[_Unit], kinds: list[SegmentKind]) -> int:
    """A metadata header opening the file is boilerplate, but for the line that gives the title;
    returns the index of the first unit after it."""
    count, _ = _header([unit.line for unit in units[:12]])
    for i in range(count):
        kinds[i] = "title" if _header([units[i].line])[1].get("title") else "boilerplate"
    return count


def _is_title(units: Sequence[_Unit], i: int, title: str) -> bool:
    line = units[i].line
    if title.strip():
        a, b = _squash(line), _squash(title)
        return bool(a) and (a == b or (len(a) >= 10 and (b.startswith(a) or a.startswith(b))))
    return looks_like_headline(line)


def _is_boilerplate(line: str, norm: str) -> bool:
    cues = _cues()
    if len(line) > MAX_CUE_CHARS or len(line.split()) > cues["boilerplate_max_words"]:
        return False
    if norm in _set("boilerplate_lines") or _opens_section(norm, "related_section_lines"):
        return True
    loose = _norm_loose(line)
    return loose.startswith(_tuple("boilerplate_starts"))


def _section_after(norm: str, current: SegmentKind | None) -> SegmentKind | None:
    """Which kind the lines after a boilerplate line take: a "Related Posts" line opens a run of
    related headlines, a comment-form line a run of boilerplate."""
    if norm in _set("related_section_lines") or _opens_section(norm, "related_section_lines"):
        return "related"
    if norm in _set("comment_section_lines"):
        return "boilerplate"
    return current


def _opens_section(norm: str, cue: str) -> bool:
    """A short line led by a section phrase of two words or more: "More from Europe"."""
    if len(norm.split()) > _cues()["section_header_max_words"]:
        return False
    return any(norm.startswith(phrase + " ") for phrase in _cues()[cue] if " " in phrase)


def _in_section(line: str) -> bool:
    """A line that still belongs to a related/comment section: short, not a full paragraph."""
    words = len(line.split())
    return words <= _cues()["section_max_words"] and len(_sentence_breaks(line)) <= 1


def _is_related(units: Sequence[_Unit], i: int, paragraph_seen: bool) -> bool:
    line = units[i].line
    if len(line) > MAX_CUE_CHARS:
        return False
    loose = _norm_loose(line)
    words = len(line.split())
    if words <= _cues()["section_max_words"] and loose.startswith(_tuple("related_prefixes")):
        return True
    # A headline with its deck, glued in between two paragraphs, and no closing full stop. A
    # paragraph broken at a link ("... contracts. Russian outlet" / "Ridus" / "reported that ...")
    # has the same shape: its "deck" is a few words and the text goes on in lower case.
    # A standfirst right under the title is the article's own summary, not a link to another.
    if not 0 < i < len(units) - 1 or not paragraph_seen or not looks_like_headline(line):
        return False
    breaks = _sentence_breaks(line)
    deck_words = len(line[breaks[-1]:].split()) if breaks else 0
    return deck_words >= _cues()["deck_min_words"] and not _continues(units, i)


def _is_paragraph(line: str) -> bool:
    """A full paragraph: a dozen words or more, closed like a sentence."""
    return line.rstrip(_CLOSERS).endswith((".", "!", "?")) and len(line[:MAX_CUE_CHARS].split()) >= 12


def _continues(units: Sequence[_Unit], i: int) -> bool:
    """Whether the next line carries on this one's sentence (a line broken at a link or a name)."""
    for j in range(i + 1, min(i + 3, len(units))):
        first = units[j].line[:1]
        if first.islower():
            return True
        if len(units[j].line.split()) > 3:
            return False
    return False


def _is_caption(units: Sequence[_Unit], i: int) -> bool:
    cues = _cues()
    line = units[i].line
    if len(units) < 3 or i == 0 or len(line) > MAX_CUE_CHARS:
        return False
    words = _words(line)
    if not 2 <= len(words) <= cues["caption_max_words"] or any(q in line for q in _QUOTE_MARKS):
        return False
    closed = line.rstrip(_CLOSERS)
    strong = _has_strong_cue(line)
    if closed.endswith(("?", "!", ":", ";", ",", "\u2026")) or (not closed.endswith(".") and not strong):
        return False
    breaks = _sentence_breaks(line)
    if strong:
        # Several sentences: the picture cue must close them, as a credit does ("... (AP Photo/X)").
        return not breaks or _has_strong_cue(line[breaks[-1] :])
    if breaks:
        return False
    return _caption_score(units, i, words) >= cues["caption_threshold"]


def _has_strong_cue(line: str) -> bool:
    loose = _norm_loose(line)
    return any(cue in loose for cue in _cues()["caption_strong"])


def _caption_score(units: Sequence[_Unit], i: int, words: list[str]) -> int:
    """Evidence that a one-sentence line describes a picture rather than tells the story."""
    auxiliaries = _set("auxiliaries")
    has_auxiliary = any(w in auxiliaries for w in words)
    score = 0
    if _photo_participle(words):
        score += 2
    if not has_auxiliary and _nominal_fragment(words):
        score += 2
    elif not has_auxiliary and _participle_fragment(words):
        score += 1
    loose = _norm_loose(units[i].line)
    if any(phrase in loose for phrase in _cues()["caption_scene_phrases"]):
        score += 1
    if score and _repeats_neighbours(units, i, words):
        score += 1
    if any(w in _set("attribution_words") for w in words):
        score -= 2
    if words[0] in _set("narrative_openers") or any(w in _set("narrative_words") for w in words):
        score -= 2
    if any(w in _set("narrative_time_words") for w in words):
        score -= 1  # "... on Sunday", "overnight": a report of what happened, not a picture of it
    return score


def _photo_participle(words: list[str]) -> bool:
    """"seen"/"shown" as a picture's participle ("beds seen in", "is seen near"), not a perfect
    tense ("has seen") or a negation ("never seen")."""
    blockers = {"has", "have", "had", "having", "never", "not", "ever", "been", "be", "'ve"}
    prepositions = _set("caption_participle_prepositions")
    for j, word in enumerate(words):
        if j and word in _set("caption_photo_participles") and words[j - 1] not in blockers:
            if j + 1 == len(words) or words[j + 1] in prepositions:
                return True
    return False


def _nominal_fragment(words: list[str]) -> bool:
    """A verbless noun phrase with a place: "A ruined bridge near X." (short, opens like a noun
    phrase, no word after the second that could be a finite verb by its ending)."""
    cues = _cues()
    if len(words) > cues["nominal_max_words"] or not (words[0] in _set("nominal_openers") or words[0].isdigit()):
        return False
    prepositions = _set("caption_participle_prepositions")
    if not any(w in prepositions for w in words[1:]):
        return False
    return not any(w.endswith(("ed", "s")) and w not in prepositions for w in words[2:])


def _participle_fragment(words: list[str]) -> bool:
    """A noun phrase and a participle with its complement: "Piles of ammunition found near X"."""
    prepositions = _set("caption_participle_prepositions")
    irregular = _set("irregular_participles")
    determiners = _set("object_determiners")
    cues = _cues()
    for j in range(cues["participle_min_position"], min(len(words) - 1, cues["participle_max_position"] + 1)):
        word = words[j]
        if (word.endswith("ed") or word in irregular) and words[j + 1] in prepositions:
            # "... combined with X presents the Russians ..." has a finite verb after all.
            rest = words[j + 2 :]
            return not any(_verb_like(w) and nxt in determiners for w, nxt in zip(rest, rest[1:]))
    return False


def _verb_like(word: str) -> bool:
    """A word that could be a present-tense verb by its ending ("presents", not "as" or "across")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _stopwords()


def _repeats_neighbours(units: Sequence[_Unit], i: int, words: list[str]) -> bool:
    """A caption restates the story beside it: most of its content words (by a 5-letter stem)
    appear in the paragraphs around it."""
    cues = _cues()
    own = _stems(units[i])
    if not own:
        return False
    window = cues["redundancy_window"]
    around: set[str] = set()
    for j in range(max(0, i - window), min(len(units), i + window + 1)):
        if j != i:
            around.update(_stems(units[j]))
    return len(own & around) >= cues["redundancy_share"] * len(own)


def _stems(unit: _Unit) -> frozenset[str]:
    if unit.stems is None:
        unit.stems = frozenset(_stem(w) for w in _words(unit.line[: MAX_CUE_CHARS * 4]) if _is_content(w))
    return unit.stems


def _is_content(word: str) -> bool:
    return len(word) >= 4 and word.isalpha() and word not in _stopwords()


def _stem(word: str) -> str:
    return word[:5]


# ---------------------------------------------------------------------------------------------
# Text helpers


def _words(line: str) -> list[str]:
    """Lower-cased words with their punctuation stripped (apostrophes inside words kept)."""
    out = []
    for token in line.translate(_QUOTES).lower().split():
        token = token.strip(_WORD_EDGES)
        if token:
            out.append(token)
    return out


def _sentence_breaks(line: str) -> list[int]:
    """Offsets where a new sentence starts inside the line, abbreviations and initials excepted."""
    breaks = []
    for match in _SENTENCE_BREAK.finditer(line[:MAX_CUE_CHARS]):
        before = line[: match.start() + 1].split()
        previous = before[-1].rstrip(".").lower().strip(_WORD_EDGES) if before else ""
        if previous in _set("abbreviations") or (len(previous) == 1 and previous.isalpha()):
            continue
        breaks.append(match.end() - 1)
    return breaks


def _norm(line: str) -> str:
    """For whole-line comparison: lower case, straight quotes, digits as '#', outer punctuation off."""
    return _norm_loose(line).strip(_OUTER)


def _norm_loose(line: str) -> str:
    """For prefix and phrase comparison: as _norm but keeping inner and final punctuation."""
    text = _SPACES.sub(" ", line[:MAX_CUE_CHARS].translate(_QUOTES).lower())
    return _DIGITS.sub("#", text).lstrip(" \t-\u2013\u2014|•*>»")


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


# ---------------------------------------------------------------------------------------------
# Cue data


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    return json.loads(resources.files("sitrep").joinpath("data", "clean_cues.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _set(name: str) -> frozenset[str]:
    return frozenset(_cues()[name])


@lru_cache(maxsize=None)
def _tuple(name: str) -> tuple[str, ...]:
    return tuple(_cues()[name])


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    cues = _cues()
    return frozenset(
        [*cues["auxiliaries"], *cues["narrative_openers"], *cues["caption_participle_prepositions"],
         "with", "which", "what", "where", "who", "whom", "whose", "than", "then", "into", "about", "there"]
    )  # fmt: skip


@lru_cache(maxsize=1)
def _tail_markers() -> tuple[str, ...]:
    """Phrases that open trailing boilerplate, of two words or more (single words are too common
    inside sentences to cut on)."""
    cues = _cues()
    phrases = [*cues["related_section_lines"], *cues["comment_section_lines"], *cues["boilerplate_starts"]]
    phrases += ["related posts", "leave a reply"]
    return tuple(sorted({p for p in phrases if len(p.split()) >= 2 and "#" not in p}))


_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")


def without_footnote_marks(text: str) -> str:
    """The text with reference marks ("servicemen.[37]", "Bakhmut[12]") blanked out, for the parser.

    Think-tank reports cite a source after nearly every sentence. Glued to it, the mark makes one token
    of "servicemen.[37": the sentence's last word loses its lemma and its place name, and the sentence
    its end. Spaces of the same length keep every offset pointing into the article's own text.
    """
    return _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text) if "[" in text else text
