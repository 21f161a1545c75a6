"""Stories: copies and spun copies group together, other days' reports stay apart, events merge."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import replace

import pytest

from sitrep.errors import SitrepError
from sitrep.model import Event, Evidence, Source, Toponym
from sitrep.happenings import independent_sources, merge, merge_events, same_happening
from sitrep.stories import StoryIndex, fingerprint, similarity, story_id_for

# A spinner's swaps, small and local to this test (the evaluation has its own, larger table).
SWAPS = {
    "forces": "troops",
    "reported": "stated",
    "attacks": "assaults",
    "continued": "kept up",
    "likely": "probably",
    "captured": "seized",
    "conducted": "carried out",
    "area": "region",
    "city": "town",
    "near": "close to",
    "significant": "considerable",
    "military": "army",
}
CHROME_TOP = "Home | World | Politics\nMenu\nSearch\nSubscribe now\n"
CHROME_BOTTOM = "\nShare this:\nFacebook\nTwitter\nRelated Posts\nLeave a Reply\nPost Comment\n"


def spin(text: str, seed: int = 0) -> str:
    """Swap synonyms, drop every fifth sentence, re-spell Izyum: what a content farm does."""
    rng = random.Random(seed)
    kept = [s for i, s in enumerate(re.split(r"(?<=\.)\s+", text)) if i % 5 != 4]
    out = " ".join(kept)
    out = re.sub(r"[A-Za-z]+", lambda m: SWAPS.get(m.group(0), m.group(0)) if rng.random() < 0.8 else m.group(0), out)
    return re.sub(r"Izyum", lambda m: rng.choice(["Iseum", "Eiseum", "Izium"]), out)


@pytest.fixture(scope="module")
def isw(shared_data) -> dict[str, str]:
    path = shared_data / "articles" / "isw" / "isw_reports.jsonl"
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return {r["report_date"]: r["text"] for r in rows if "2022-09-09" <= r["report_date"] <= "2022-09-11"}


def test_fingerprint_is_compact_deterministic_bytes(isw):
    text = isw["2022-09-10"]
    fp = fingerprint(text)
    assert isinstance(fp, bytes)
    assert fp == fingerprint(text)
    assert len(fp) < 8_000 < len(text)


def test_chrome_lines_do_not_change_the_fingerprint(isw):
    text = isw["2022-09-10"]
    assert similarity(fingerprint(CHROME_TOP + text + CHROME_BOTTOM), fingerprint(text)) == 1.0


def test_place_ids_make_respelled_names_agree():
    a = "Ukrainian troops entered Izyum on Saturday after Russian units abandoned their positions in the city."
    b = a.replace("Izyum", "Eiseum")
    start = a.index("Izyum")

    def top(text: str) -> Toponym:
        word = text[start : start + len(text.split()[3])]
        return Toponym(start, start + len(word), word, "Izyum", 707292, 49.2, 37.27, "UA", "07")

    assert fingerprint(a) != fingerprint(b)
    assert fingerprint(a, [top(a)]) == fingerprint(b, [top(b)])


def test_copies_join_their_story_and_other_days_do_not(isw):
    days = sorted(isw)
    index = StoryIndex()
    for day in days:
        assert index.add(day, dt.date.fromisoformat(day), fingerprint(isw[day])).relation == "canonical"
    original = isw["2022-09-10"]
    later = dt.date(2022, 9, 12)
    copy = index.add("copy", later, fingerprint(CHROME_TOP + original + CHROME_BOTTOM))
    spun = index.add("spun", later, fingerprint(spin(original)))
    partial = index.add("partial", later, fingerprint(original[: int(len(original) * 0.4)]))
    story = story_id_for("2022-09-10")
    assert [a.story_id for a in (copy, spun, partial)] == [story] * 3
    assert (copy.relation, spun.relation, partial.relation) == ("copy", "spun", "partial")
    assert copy.canonical == "2022-09-10"
    assert len({index.story_of(d) for d in days}) == 3


def test_a_copy_filed_first_keeps_the_story_id_and_the_original_becomes_canonical(isw):
    original = isw["2022-09-10"]
    index = StoryIndex()
    first = index.add("copy", dt.date(2022, 9, 12), fingerprint(CHROME_TOP + original))
    assert first.relation == "canonical"
    joined = index.add("original", dt.date(2022, 9, 10), fingerprint(original))
    assert joined.story_id == first.story_id == story_id_for("copy")
    assert joined.relation == "canonical"
    assert index.assignment("copy").relation == "copy"
    assert index.story(first.story_id).canonical == "original"
    assert index.add("original", None, b"ignored: already filed") == index.assignment("original")


def test_from_rows_round_trip_and_keep_growing(isw):
    index = StoryIndex()
    fps = {day: fingerprint(text) for day, text in isw.items()}
    fps["copy"] = fingerprint(CHROME_TOP + isw["2022-09-11"])
    for key, fp in fps.items():
        index.add(key, None, fp)
    rows = [(key, index.story_of(key), None, fp) for key, fp in fps.items()]
    rebuilt = StoryIndex.from_rows(rows)
    assert {k: rebuilt.story_of(k) for k in fps} == {k: index.story_of(k) for k in fps}
    late = rebuilt.add("spun", None, fingerprint(spin(isw["2022-09-09"], seed=3)))
    assert late.story_id == index.story_of("2022-09-09")
    ungrouped = StoryIndex.from_rows([(k, None, None, fp) for k, fp in fps.items()])
    assert ungrouped.story_of("copy") == ungrouped.story_of("2022-09-11") != ungrouped.story_of("2022-09-10")


def test_an_original_joins_the_stories_of_two_excerpts_that_did_not_know_each_other(isw):
    text = isw["2022-09-10"]
    head, tail = text[: int(len(text) * 0.4)], text[int(len(text) * 0.6) :]
    index = StoryIndex()
    first = index.add("head", dt.date(2022, 9, 11), fingerprint(head))
    second = index.add("tail", dt.date(2022, 9, 11), fingerprint(tail))
    assert first.story_id != second.story_id
    joined = index.add("original", dt.date(2022, 9, 10), fingerprint(text))
    assert joined.story_id == first.story_id == index.story_of("tail")
    assert index.renamed() == {second.story_id: first.story_id}
    assert {m.article_id: m.relation for m in index.story(first.story_id).members} == {
        "head": "partial",
        "tail": "partial",
        "original": "canonical",
    }


def test_the_public_surface():
    from sitrep import happenings, stories

    assert sorted(stories.__all__) == ["Assignment", "StoryIndex", "fingerprint", "similarity", "story_id_for"]
    assert sorted(happenings.__all__) == [
        "independent_sources", "merge", "merge_events", "same_by_acled", "same_happening", "same_report",
    ]


def test_unrelated_short_articles_stay_apart():
    texts = [
        "Heavy rain flooded the lower town on Tuesday and the river burst its banks near the old mill bridge.",
        "The central bank raised interest rates by half a point, citing persistent inflation in food and energy.",
        "Ukrainian troops entered Izyum on Saturday after Russian units abandoned their positions in the city.",
    ]
    index = StoryIndex()
    stories = {index.add(str(i), None, fingerprint(t)).story_id for i, t in enumerate(texts)}
    assert len(stories) == 3


def test_a_foreign_fingerprint_is_a_sitrep_error():
    with pytest.raises(SitrepError):
        StoryIndex().add("x", None, b"\x00\x01not a fingerprint")


# --------------------------------------------------------------------------- events


def event(**changes) -> Event:
    base = Event(
        event_id="e1",
        event_date=dt.date(2022, 9, 10),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Ukraine (2019-)",
        actor2="Military Forces of Russia (2000-)",
        country="Ukraine",
        admin1="Kharkiv",
        admin2="Izium",
        location="Izyum",
        latitude=49.20697,
        longitude=37.27679,
        geonameid=707292,
        geo_precision=1,
        fatalities=0,
        notes="Clashes in Izyum.",
        sources=(Source("a1", published=dt.date(2022, 9, 11)),),
        evidence=(Evidence("a1", 0, 10, "Clashes in"),),
    )
    return replace(base, **changes)


def test_same_happening_needs_nearby_places():
    a = event()
    two_km = event(geonameid=None, location="Izyum outskirts", latitude=49.22, longitude=37.29)
    thirty_km = event(geonameid=None, location="Balakliia", latitude=49.46, longitude=36.86)
    assert same_happening(a, two_km)
    assert not same_happening(a, thirty_km)
    assert same_happening(a, replace(thirty_km, geo_precision=3))  # a region-level report covers it


def test_same_happening_follows_date_precision():
    a = event()
    assert not same_happening(a, event(event_date=dt.date(2022, 9, 11)))
    assert same_happening(a, event(event_date=dt.date(2022, 9, 13), time_precision=2))
    assert not same_happening(a, event(event_date=dt.date(2022, 9, 30), time_precision=2))
    assert not same_happening(a, event(event_date=None))


def test_same_happening_needs_compatible_actors_and_the_same_sub_type():
    a = event()
    assert same_happening(a, event(actor1=a.actor2, actor2=a.actor1))
    assert same_happening(a, event(actor2=""))
    assert same_happening(a, event(actor1="Unidentified Armed Group (Ukraine)"))
    assert not same_happening(a, event(actor2="Civilians (Ukraine)"))
    assert not same_happening(a, event(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack"))


def test_merge_unions_sources_and_evidence_once_and_keeps_the_finer_place():
    a = event(geo_precision=2, location="Kharkiv Oblast", geonameid=706482, latitude=49.21, longitude=37.28)
    b = event(
        event_id="e2",
        fatalities=4,
        sources=(Source("a2"), Source("a1", published=dt.date(2022, 9, 11))),
        evidence=(Evidence("a2", 5, 20, "fighting in Izyum"), Evidence("a1", 0, 10, "Clashes in")),
    )
    c = event(event_id="e3", fatalities=2, sources=(Source("a3"),), evidence=(Evidence("a3", 1, 2, "x"),))
    merged = merge(merge(a, b), c)
    assert merged.event_id == "e1"
    assert [s.article_id for s in merged.sources] == ["a1", "a2", "a3"]
    assert [(e.article_id, e.start) for e in merged.evidence] == [("a1", 0), ("a2", 5), ("a3", 1)]
    assert (merged.location, merged.geonameid, merged.geo_precision) == ("Izyum", 707292, 1)
    assert merged.fatalities == 2  # ACLED: the most conservative reported figure


def test_merge_events_keeps_one_event_per_actor_pair_place_and_day():
    events = [
        event(),
        event(event_id="e2", sources=(Source("a2"),)),
        event(event_id="e3", event_date=dt.date(2022, 9, 11), sources=(Source("a3"),)),
    ]
    merged = merge_events(events)
    assert [e.event_id for e in merged] == ["e1", "e3"]
    assert len(merged[0].sources) == 2


def test_a_spun_copy_of_the_same_sentence_is_the_same_report():
    said = "Ukrainian officials accused Russian forces of shelling Velyka Bilozerka, 25km south of Enerhodar."
    spun = "Ukraine's officials accused Russia's units of shelling Velyka Bilozerka, 25km south of Enerhodar."
    original = event(story_id="s1", evidence=(Evidence("a1", 0, len(said), said),))
    # The copy was read differently: another place (a garbled name) and a later date.
    copy = event(
        event_id="e2",
        story_id="s1",
        location="Enerhodar",
        geonameid=None,
        latitude=47.5,
        longitude=34.65,
        event_date=dt.date(2022, 9, 12),
        sources=(Source("a2"),),
        evidence=(Evidence("a2", 0, len(spun), spun),),
    )
    assert same_happening(original, copy)
    assert not same_happening(original, replace(copy, story_id="s2"))
    other = "Russian forces conducted a limited ground attack north of Kharkiv City on August 31."
    assert not same_happening(original, replace(copy, evidence=(Evidence("a2", 0, len(other), other),)))
    # One article's sentence may hold two events: its own evidence never joins them.
    assert not same_happening(original, replace(copy, evidence=(Evidence("a1", 0, len(spun), spun),)))
    assert len(merge_events([original, copy])) == 1


def test_a_copy_finds_a_stored_event_through_every_story_it_draws_on():
    said = "The Russian MoD claimed that Russian forces shot down HARM missiles over the Antonivsky Bridge."
    spun = "The Russia's MoD asserted that Russia's units shot down HARM missiles over the Antonivsky Bridge."
    # Stored first from story s1; story s2's original (same sentence) merged into it by ACLED's rule.
    stored = event(story_id="s1", sources=(Source("a1"), Source("b1")),
                   evidence=(Evidence("a1", 0, 9, "Elsewhere."), Evidence("b1", 0, len(said), said)))
    # s2's spun copy was placed elsewhere (a garbled name): only the same report can join them.
    copy = event(event_id="e2", story_id="s2", geonameid=None, location="Donetsk", latitude=48.0,
                 longitude=37.8, sources=(Source("b2"),), evidence=(Evidence("b2", 0, len(spun), spun),))
    assert not same_happening(copy, stored)  # the stored event's own story is s1
    assert same_happening(copy, stored, {"a1": "s1", "b1": "s2"})
    assert not same_happening(copy, stored, {"a1": "s1", "b1": "s3"})
    # The near-identical sentence must be one of the copy's own story, not merely of the event.
    assert not same_happening(copy, stored, {"a1": "s2", "b1": "s1"})
    # The same from the three raw events: s1's report, s2's original (ACLED's rule), s2's copy.
    first = replace(stored, sources=(Source("a1"),), evidence=stored.evidence[:1])
    original = replace(stored, event_id="e3", story_id="s2", sources=(Source("b1"),), evidence=stored.evidence[1:])
    assert len(merge_events([first, original, copy])) == 1
    assert len(merge_events([first, replace(original, story_id="s3"), copy])) == 2


def test_independent_sources_count_a_story_once():
    e = event(sources=(Source("a1"), Source("a2"), Source("a3"), Source("a4")))
    story_of = {"a1": "s1", "a2": "s1", "a3": "s2", "a4": None}
    assert independent_sources(e, story_of) == 3
    assert independent_sources(e, {}) == 4


def test_the_reference_articles_six_spellings_of_izium_agree_through_the_geoparser(
    reference_article, language, full_gazetteer
):
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline(language, full_gazetteer)
    text = reference_article.read_text(encoding="utf-8")
    plain = re.sub(r"\b(Izium|Isium|Iseum|Eiseum|Ezeum)\b", "Izyum", text)
    assert plain != text
    spun = pipeline.process(Article(id="spun", text=text)).toponyms
    clean = pipeline.process(Article(id="clean", text=plain)).toponyms
    assert similarity(fingerprint(text), fingerprint(plain)) < 1.0
    assert similarity(fingerprint(text, spun), fingerprint(plain, clean)) == 1.0
