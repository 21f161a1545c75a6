"""clean.segment: coverage of the text, and what it finds in the reference article and in
hand-written articles of other shapes (wire copy with credits, flattened text, metadata headers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import clean
from sitrep.model import Segment


def kinds_of(text: str, title: str = "") -> dict[str, list[str]]:
    """Each kind with the stripped texts of its lines."""
    out: dict[str, list[str]] = {}
    for s in clean.segment(text, title):
        for line in text[s.start : s.end].split("\n"):
            if line.strip():
                out.setdefault(s.kind, []).append(line.strip())
    return out


def assert_covers(text: str, segments: list[Segment]) -> None:
    assert segments or not text
    position = 0
    for s in segments:
        assert s.start == position and s.end > s.start
        position = s.end
    assert position == len(text)
    assert all(a.kind != b.kind for a, b in zip(segments, segments[1:]))  # merged


@pytest.fixture(scope="module")
def reference(reference_article: Path) -> str:
    return reference_article.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference_kinds(reference: str) -> dict[str, list[str]]:
    title = reference.split("\n", 1)[0]
    return kinds_of(reference, title)


def test_reference_segments_cover_the_text(reference: str) -> None:
    assert_covers(reference, clean.segment(reference, reference.split("\n", 1)[0]))


def test_reference_title_boilerplate_and_related(reference_kinds: dict[str, list[str]]) -> None:
    assert reference_kinds["title"] == ["Izyum: Inside the city retaken by Ukraine after months of Russian occupation"]
    assert reference_kinds["boilerplate"] == ["Related Posts", "Leave a Reply", "Your email address will not be published."]
    assert reference_kinds["related"] == [
        "Mold penetrates deep into the Russian war machine.  Ukraine displays it for all to see"
    ]


def test_reference_captions(reference_kinds: dict[str, list[str]]) -> None:
    captions = reference_kinds["caption"]
    for start in ("A ruined bridge near Isium.", "Piles of ammunition found near a bunker", "The former school building",
                  "Temporary beds seen in the bedrooms", "Valery, a resident of Izium, pictured with his wife"):  # fmt: skip
        assert any(c.startswith(start) for c in captions), start
    assert len(captions) == 5


def test_reference_event_paragraphs_stay_body(reference_kinds: dict[str, list[str]]) -> None:
    body = reference_kinds["body"]
    for phrase in ("retaken by the Ukrainians on Saturday", "eight Grad rockets", "Above ground, the Russians also left",
                   "A couple in their fifties agreed to talk", "Inside the abandoned Russian command center",
                   "From what the CNN team has seen"):  # fmt: skip
        assert any(phrase in line for line in body), phrase


WIRE = """Ukrainian troops push east of Kupiansk

Ukrainian forces pushed east of the Oskil river on Tuesday, a day after retaking the railway hub of Kupiansk, the general staff said in its morning report.

Ukrainian servicemen ride a tank near Kupiansk, Kharkiv region, Ukraine, September 13, 2022. REUTERS/Vyacheslav Madiyevskyy

Fighting continued around Lyman, where Russian troops were dug in along the forest line, according to a regional official.

READ MORE: Russia says it is regrouping troops near Izium

A destroyed Russian tank near Balakliia.

Residents of Balakliia said the town had been without electricity for three days.

More from Europe

Zelensky visits liberated Izium
Kremlin says goals unchanged

Share this article
Subscribe to our newsletter for daily updates."""


def test_wire_article_of_another_shape() -> None:
    found = kinds_of(WIRE, "Ukrainian troops push east of Kupiansk")
    assert found["title"] == ["Ukrainian troops push east of Kupiansk"]
    assert found["caption"] == [
        "Ukrainian servicemen ride a tank near Kupiansk, Kharkiv region, Ukraine, September 13, 2022. REUTERS/Vyacheslav Madiyevskyy",
        "A destroyed Russian tank near Balakliia.",
    ]
    assert found["related"] == [
        "READ MORE: Russia says it is regrouping troops near Izium",
        "Zelensky visits liberated Izium",
        "Kremlin says goals unchanged",
    ]
    assert found["boilerplate"] == ["More from Europe", "Share this article", "Subscribe to our newsletter for daily updates."]
    assert len(found["body"]) == 3


def test_short_documents_are_never_cut_up() -> None:
    for text in ("Shelling in Kharkiv", "A destroyed Russian tank near Balakliia.", "Shelling in Kharkiv\nA ruined bridge near Izium."):
        assert {s.kind for s in clean.segment(text)} <= {"title", "body"}, text
        assert clean.segment(text)[-1].kind == "body"


def test_standfirst_under_the_title_is_not_a_related_link() -> None:
    text = (
        "Counteroffensive gathers pace\n\n"
        "Ukraine retakes villages near Kharkiv.  Russian lines give way across the north\n\n"
        "Ukrainian forces retook several villages north-east of Kharkiv on Thursday, officials said.\n"
    )
    assert "related" not in kinds_of(text, "Counteroffensive gathers pace")


def test_a_paragraph_broken_at_a_link_is_not_a_headline() -> None:
    text = (
        "Ukrainian forces advanced near Izium on Friday and took several villages, officials said.\n"
        "Russian units are reportedly short of ammunition. Russian outlet\n"
        "Ridus\n"
        "reported that conscripts were complaining about the shortages.\n"
    )
    assert list(kinds_of(text)) == ["body"]


def test_flattened_text_keeps_its_boilerplate_tail_apart() -> None:
    text = (
        "Russian forces shelled Izium on Saturday, officials said. Three people were hurt in the attack on "
        "the market, and the regional governor called for calm as rescue teams worked through the night. "
        "Related Posts Leave a Reply Your email address will not be published."
    )
    segments = clean.segment(text)
    assert_covers(text, segments)
    assert [s.kind for s in segments] == ["body", "boilerplate"]
    assert text[segments[1].start :].startswith("Related Posts")


def test_caption_glued_to_the_next_paragraph_is_cut_at_the_credit() -> None:
    text = (
        "Police said the house had no running water when officers arrived on Monday.\n\n"
        "A view of the flooded street in Izium (Photo: Regional Police) Officers said they found two people in the basement.\n\n"
        "The investigation continues, a spokesman said.\n"
    )
    found = kinds_of(text)
    segments = clean.segment(text)
    assert_covers(text, segments)
    caption = next(s for s in segments if s.kind == "caption")
    assert text[caption.start : caption.end].strip() == "A view of the flooded street in Izium (Photo: Regional Police)"
    assert any("Officers said they found two people" in line for line in found["body"])


def test_metadata_header() -> None:
    text = "TITLE: Assessment, September 10\nURL: https://example.org/a\nDATE: 2022-09-10 (evening)\nAUTHORS: A. B.\n\nBody text here."
    assert clean.metadata_header(text) == {
        "title": "Assessment, September 10", "url": "https://example.org/a", "published": "2022-09-10 (evening)",
    }  # fmt: skip
    found = kinds_of(text, "Assessment, September 10")
    assert found["title"] == ["TITLE: Assessment, September 10"]
    assert len(found["boilerplate"]) == 3 and found["body"] == ["Body text here."]
    inline = "TITLE: Crews battle two fires LINK: https://example.org/fires\nFirefighters were called twice."
    assert clean.metadata_header(inline) == {"title": "Crews battle two fires", "url": "https://example.org/fires"}
    assert clean.metadata_header("Source: officials say the bridge is down.\nMore text.") == {"source": "officials say the bridge is down."}
    assert clean.metadata_header("Ukrainian forces: advancing.\n") == {}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Izyum: Inside the city retaken by Ukraine after months of Russian occupation", True),
        ("Is Izium next?", True),
        ("Russian forces shelled the city.", False),
        ("russian forces shell the city", False),
        ("Word", False),
        ("A " * 40, False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert clean.looks_like_headline(line) is expected


def test_empty_and_blank_text() -> None:
    assert clean.segment("") == []
    assert clean.segment("\n\n  \n") == [Segment(0, 5, "body")]


AP_STYLE = """Russian missiles hit Kharkiv power station

Russian missiles struck a power station in Kharkiv overnight, the regional governor said.

Rescuers worked at the destroyed power station in Kharkiv.

Ukrainian soldiers gathered at the power station after the strike on Sunday.

The attack left parts of the city without electricity.

Two people were injured by falling debris.

Residents queued for water at a school turned into an aid point.

Officials said repairs could take several days."""


def test_one_sentence_paragraphs_of_wire_copy_stay_body() -> None:
    # Wire copy runs one sentence a paragraph: short, unquoted, descriptive lines that are
    # the story itself. None of them may be taken for a caption.
    found = kinds_of(AP_STYLE, "Russian missiles hit Kharkiv power station")
    assert set(found) == {"title", "body"}, found


@pytest.mark.parametrize(
    "text",
    [
        "a" * 300_000,
        "." * 300_000,
        "A. " * 100_000,
        "Foo bar baz.  Qux quux quuz corge grault\n" * 5_000,
        "A ruined bridge near Isium.\n" * 5_000,
        "(photo x) Aaaa bbb ccc ddd " * 10_000,
        "TITLE: x LINK: y " * 20_000,
        "\u201c" * 300_000,
        ("Related Posts\n" + "Izium. " * 50 + "\n") * 2_000,
    ],
    ids=["letters", "dots", "initials", "decks", "captions", "credits", "header", "quotes", "sections"],
)
def test_pathological_text_is_segmented_in_linear_time(text: str) -> None:
    import time

    started = time.perf_counter()
    segments = clean.segment(text)
    assert time.perf_counter() - started < 5
    assert_covers(text, segments)


def test_public_surface() -> None:
    assert clean.__all__ == ["segment", "looks_like_headline", "metadata_header", "without_footnote_marks"]
    assert all(hasattr(clean, name) for name in clean.__all__)


def test_footnote_marks_are_blanked_with_every_offset_kept() -> None:
    text = "Russian forces shelled Kupiansk.[37] Troops entered Izium[4][5] on 1 June 2022 (see [a])."
    blanked = clean.without_footnote_marks(text)
    assert len(blanked) == len(text)
    assert "[" not in blanked.replace("[a]", "")
    assert blanked.startswith("Russian forces shelled Kupiansk.     Troops entered Izium       on")


def test_a_link_label_inside_flattened_text_does_not_cut_the_story() -> None:
    text = (
        "Two bodies were found on the coastal path near the village on Friday morning by walkers. "
        "Read More A spokeswoman for the police said: \u201cWe are investigating the sudden deaths of a man and a woman.\u201d"
    )
    assert [s.kind for s in clean.segment(text)] == ["body"]
