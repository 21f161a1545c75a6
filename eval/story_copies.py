"""Republished copies of a report, made the ways content farms make them (for eval/stories.py).

Everything is generated at run time from a seed; no copy of the source text is ever written to
the repository. The transformations:

* ``copy``    the report verbatim inside another site's chrome (menus, share buttons, comment form);
* ``spun``    words swapped for synonyms from a table of our own (independent of anything sitrep
              uses), sentences dropped and neighbours swapped, place names re-spelled with
              transliteration variants and garbles (Izyum -> Iseum, Eiseum);
* ``partial`` the first 30-60 % of the report, cut at a sentence end, in chrome;
* ``update``  the whole text followed by an "UPDATE" with new material (from a report outside the
              evaluated half, so that it is nobody else's story).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# A spinner's thesaurus: each word may be replaced by one of its alternatives (case kept).
SYNONYMS: dict[str, list[str]] = {
    "forces": ["troops", "units", "servicemen"],
    "troops": ["forces", "soldiers"],
    "reported": ["stated", "said", "announced", "claimed"],
    "reportedly": ["allegedly", "apparently"],
    "claimed": ["asserted", "alleged", "said"],
    "captured": ["seized", "took", "took control of"],
    "conducted": ["carried out", "launched", "staged"],
    "attacks": ["assaults", "strikes", "offensives"],
    "attack": ["assault", "strike"],
    "assault": ["attack", "offensive"],
    "assaults": ["attacks", "offensives"],
    "advance": ["push", "progress", "move forward"],
    "advanced": ["pushed", "progressed", "moved forward"],
    "likely": ["probably", "presumably"],
    "continued": ["kept", "carried on", "persisted"],
    "continue": ["keep", "carry on", "persist"],
    "area": ["region", "zone", "sector"],
    "areas": ["regions", "zones", "sectors"],
    "city": ["town", "municipality"],
    "settlement": ["village", "locality"],
    "settlements": ["villages", "localities"],
    "military": ["armed forces", "army"],
    "officials": ["authorities", "functionaries"],
    "sources": ["outlets", "accounts"],
    "shelling": ["bombardment", "artillery fire"],
    "shelled": ["bombarded", "struck"],
    "struck": ["hit", "targeted"],
    "strikes": ["attacks", "hits"],
    "significant": ["considerable", "major", "substantial"],
    "large": ["big", "sizeable"],
    "small": ["minor", "little"],
    "near": ["close to", "in the vicinity of", "around"],
    "around": ["near", "about"],
    "stated": ["said", "declared"],
    "announced": ["declared", "stated"],
    "withdrawal": ["retreat", "pullback"],
    "withdraw": ["retreat", "pull back"],
    "withdrew": ["retreated", "pulled back"],
    "positions": ["lines", "emplacements"],
    "operations": ["actions", "missions"],
    "counteroffensive": ["counterattack", "counter-offensive"],
    "efforts": ["attempts", "endeavours"],
    "effort": ["attempt", "endeavour"],
    "residents": ["inhabitants", "locals"],
    "civilians": ["non-combatants", "civilian population"],
    "killed": ["slain", "left dead"],
    "destroyed": ["wrecked", "demolished"],
    "damaged": ["harmed", "impaired"],
    "major": ["key", "important", "main"],
    "important": ["crucial", "key"],
    "key": ["crucial", "vital"],
    "however": ["but", "nevertheless"],
    "additionally": ["in addition", "moreover", "also"],
    "also": ["too", "as well"],
    "indicating": ["suggesting", "showing"],
    "suggests": ["indicates", "implies"],
    "posted": ["published", "shared"],
    "footage": ["video", "imagery"],
    "images": ["pictures", "photos"],
    "published": ["released", "posted"],
    "claims": ["assertions", "allegations"],
    "Ukrainian": ["Ukraine's"],
    "Russian": ["Russia's"],
    "milbloggers": ["military bloggers", "war bloggers"],
    "occupation": ["occupying", "occupied"],
    "began": ["started", "commenced"],
    "attempted": ["tried", "sought"],
    "remain": ["stay", "continue to be"],
    "remains": ["stays", "is still"],
    "support": ["back", "assist"],
    "regional": ["local", "provincial"],
    "Oblast": ["region", "province", "oblast"],
    "northern": ["north"],
    "southern": ["south"],
    "eastern": ["east"],
    "western": ["west"],
}

# Transliteration variants and garbles a spinner or a careless copy editor produces.
PLACE_VARIANTS: dict[str, list[str]] = {
    "Izyum": ["Izium", "Isium", "Iseum", "Eiseum", "Ezeum", "Izjum"],
    "Kharkiv": ["Kharkov", "Harkiv", "Charkiw"],
    "Kupyansk": ["Kupiansk", "Kupjansk", "Coupiansk"],
    "Balakliya": ["Balakliia", "Balakleya", "Balaklia"],
    "Lyman": ["Liman", "Lyman'"],
    "Bakhmut": ["Bakhmout", "Bachmut", "Artemivsk"],
    "Kherson": ["Herson", "Cherson"],
    "Zaporizhia": ["Zaporizhzhia", "Zaporozhye", "Zaporijia"],
    "Luhansk": ["Lugansk", "Luhansck"],
    "Donetsk": ["Donetzk", "Donezk"],
    "Oskil": ["Oskol"],
    "Kreminna": ["Kremennaya", "Kreminna'"],
    "Svatove": ["Svatovo", "Swatowe"],
    "Kramatorsk": ["Kramatorsck"],
    "Sloviansk": ["Slovyansk", "Slavyansk"],
    "Slovyansk": ["Sloviansk", "Slavyansk"],
    "Belgorod": ["Bilhorod", "Belgorad"],
    "Mykolaiv": ["Nikolaev", "Mykolayiv"],
    "Velykyi Burluk": ["Velikiy Burluk", "Velyky Burluk"],
    "Shevchenkove": ["Shevchenkovo"],
    "Vovchansk": ["Volchansk", "Vovchansck"],
}

NAV = [
    "Home | World | Europe | Politics | Business | Opinion | Video",
    "Menu",
    "Search",
    "Subscribe",
    "Sign in",
    "Trending: Ukraine war live | Energy crisis | Markets",
]
SHARE = ["Share this:", "Facebook", "Twitter", "WhatsApp", "Email", "Print",
         "Click to share on Telegram (Opens in new window)"]
FOOTER = [
    "Related Posts",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comment *",
    "Name *",
    "Email *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Post Comment",
    "Copyright 2022 The Daily Dispatch Network. All rights reserved. Terms of use and privacy policy apply.",
]

UPDATE_MARK = "\n\nUPDATE: "  # what separates an update's new material from the original text

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Copy:
    article_id: str
    story: str  # the id of the report it derives from (gold)
    relation: str  # canonical | copy | spun | partial | update
    text: str
    delay_days: int = 0  # published this many days after the original


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s.strip()]


def with_chrome(text: str, rng: random.Random) -> str:
    """The text inside a random subset of a site's menus, share buttons and comment form."""
    top = rng.sample(NAV, rng.randint(2, len(NAV)))
    share = rng.sample(SHARE, rng.randint(2, len(SHARE)))
    bottom = FOOTER[: rng.randint(3, len(FOOTER))]
    return "\n".join([*top, "", text, "", *share, "", *bottom])


def _swap_word(match: re.Match[str], rng: random.Random, rate: float) -> str:
    word = match.group(0)
    options = SYNONYMS.get(word) or SYNONYMS.get(word.lower())
    if not options or rng.random() >= rate:
        return word
    choice = rng.choice(options)
    return choice[:1].upper() + choice[1:] if word[:1].isupper() else choice


def respell_places(text: str, rng: random.Random, rate: float) -> str:
    for name, variants in PLACE_VARIANTS.items():
        text = re.sub(
            rf"\b{re.escape(name)}\b",
            lambda m: rng.choice(variants) if rng.random() < rate else m.group(0),
            text,
        )
    return text


def spin(text: str, rng: random.Random, swap_rate: float, drop_rate: float, swap_sentences: float) -> str:
    """A machine-spun version: synonyms, dropped and swapped sentences, re-spelled places."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        parts = [s for s in sentences(paragraph) if rng.random() >= drop_rate]
        for i in range(len(parts) - 1):
            if rng.random() < swap_sentences:
                parts[i], parts[i + 1] = parts[i + 1], parts[i]
        if parts:
            out.append(" ".join(parts))
    spun = "\n".join(out)
    spun = re.sub(r"[A-Za-z]+", lambda m: _swap_word(m, rng, swap_rate), spun)
    return respell_places(spun, rng, 0.7)


def prefix(text: str, share: float) -> str:
    """The first ``share`` of the text, cut at the end of a sentence."""
    cut = int(len(text) * share)
    end = max(text.rfind(". ", 0, cut), text.rfind(".\n", 0, cut))
    return text[: end + 1 if end > 0 else cut]


def update(text: str, news: str, rng: random.Random) -> str:
    """The text followed by an UPDATE: a few paragraphs of new material, at most 40 % of its length.

    ``news`` is a report that is not itself in the evaluated set (the other half of the days), so
    the update adds material of its own rather than another story's text.
    """
    paragraphs = [p for p in news.split("\n") if len(p.split()) > 12]
    start = rng.randint(0, max(0, len(paragraphs) - 6))
    budget = max(40, int(0.4 * len(text.split())))
    added: list[str] = []
    for paragraph in paragraphs[start : start + rng.randint(2, 6)]:
        if added and sum(len(x.split()) for x in added) + len(paragraph.split()) > budget:
            break
        added.append(paragraph)
    return text + UPDATE_MARK + "\n".join(added)


def copies_of(article_id: str, text: str, news: str, rng: random.Random) -> list[Copy]:
    """The original and five republications of it."""
    return [
        Copy(article_id, article_id, "canonical", text),
        Copy(f"{article_id}~copy", article_id, "copy", with_chrome(text, rng), rng.randint(0, 2)),
        Copy(f"{article_id}~spun-light", article_id, "spun",
             with_chrome(spin(text, rng, 0.35, 0.10, 0.10), rng), rng.randint(0, 3)),
        Copy(f"{article_id}~spun-heavy", article_id, "spun",
             spin(text, rng, 0.7, 0.30, 0.25), rng.randint(1, 5)),
        Copy(f"{article_id}~partial", article_id, "partial",
             with_chrome(prefix(text, rng.uniform(0.3, 0.6)), rng), rng.randint(0, 2)),
        Copy(f"{article_id}~update", article_id, "update", update(text, news, rng), 1),
    ]
