"""Hostile input (issue 8): a corpus of broken, binary, oversized and malicious files generated
here, property tests (Hypothesis) on the readers and on clean.segment, and a bounded fuzz of
every reader with mutated copies of valid files.

The promise under test: ``ingest.read`` never raises; each file that cannot be read is named in
an InputError with a one-line reason; every good file still comes through.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep import clean, ingest
from sitrep.errors import InputError
from sitrep.model import Article

MAX_CHARS = 20_000
GOOD_TEXT = (
    "Shelling in Kharkiv\n\n"
    "Russian forces shelled the centre of Kharkiv on Saturday, the regional governor said.\n\n"
    "Two people were wounded when a rocket hit a residential building near the metro station.\n"
)
GOOD_PAGE = (
    "<html><head><title>Strike on Kharkiv</title></head><body><article>"
    "<p>Russian missiles struck an industrial site in Kharkiv on Sunday night, the regional governor said.</p>"
    "<p>Two workers were injured and emergency crews worked through the night to put out the fires.</p>"
    "</article></body></html>"
)
GOOD_RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Odesa</title>'
    "<link>https://example.org/1</link><description>Russian drones attacked the port of Odesa overnight.</description>"
    "</item></channel></rss>"
)


def jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def warc(gzipped: bool, page: str = GOOD_PAGE) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for n in range(3):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = page.replace("Sunday", f"Sunday ({n})").encode()
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def gzip_stream(chunk: bytes, total: int) -> bytes:
    """``total`` bytes of ``chunk`` repeated, gzip-compressed without holding them in memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress(chunk) for _ in range(total // len(chunk))]
    return b"".join(parts) + compressor.flush()


def entity_bomb() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><rss version="2.0"><channel><title>&a9;</title></channel></rss>'.encode()


def build_corpus(root: Path) -> dict[str, str]:
    """Write the corpus under ``root``; returns each file's name -> what must happen to it:
    'error' (named, nothing read), 'good' (read, no error), 'partial' (some read, one named),
    'survive' (either, as long as nothing raises)."""
    rng = random.Random(8)
    good_records = [{"id": f"ok{i}", "text": f"Report {i}: shelling near Izium, officials said."} for i in range(40)]
    whole_gz = gzip.compress(jsonl(*good_records))
    good_warc = warc(True)
    files: dict[str, tuple[bytes, str]] = {
        # -- text files
        "empty.txt": (b"", "error"),
        "blank.txt": (b"  \n\t\r\n  ", "error"),
        "nul.txt": (b"Izium\x00\x00\x00 was shelled\x00", "error"),
        "png.txt": (b"\x89PNG\r\n\x1a\n" + rng.randbytes(2000), "error"),
        "pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(2000), "error"),
        "random.txt": (rng.randbytes(4096), "error"),
        "controls.txt": (bytes(rng.choice(range(1, 9)) for _ in range(500)) + b" Izium", "error"),
        "digits.txt": (b"1234 5678 -- 90 ...\n", "error"),
        "bad-bom16.txt": (codecs.BOM_UTF16_LE + "Izium".encode("utf-16-le") + b"\x00", "error"),
        "huge.txt": (("Izium was shelled again. " * 2000).encode(), "error"),
        "zip-named.txt": (b"PK\x03\x04" + rng.randbytes(500), "error"),
        "gz-named.txt": (gzip.compress(GOOD_TEXT.encode()), "error"),
        "good.txt": (GOOD_TEXT.encode(), "good"),
        "cp1251.txt": ("Российские войска обстреляли Харьков в субботу, сообщили власти.".encode("cp1251"), "good"),
        "utf16.txt": (GOOD_TEXT.encode("utf-16"), "good"),
        "mixed.txt": (GOOD_TEXT.encode() + "Le maire a déclaré que la crèche était touchée.\n".encode("cp1252"), "good"),
        "one-long-line.txt": (("Izium." * 3000).encode(), "good"),
        "backtrack.txt": (("Related Posts " * 300 + "a. " * 2000 + "\u201c" * 500).encode(), "good"),
        # -- HTML
        "random.html": (rng.randbytes(3000), "error"),
        "pdf.html": (b"%PDF-1.4\n" + rng.randbytes(1000), "error"),
        "empty.html": (b"", "error"),
        "no-text.html": (b"<html><body><script>var x = 1;</script><div></div></body></html>", "error"),
        "huge.html": (b"<html><body>" + b"<p>Kharkiv was shelled.</p>" * 8000 + b"</body></html>", "error"),
        "deep.html": (b"<html><body>" + b"<div>" * 12_000 + b"<p>Izium.</p>" + b"</div>" * 12_000 + b"</body></html>", "survive"),
        "unclosed.html": (b"<html><body><p>Russian forces shelled Izium on Saturday, officials said. <b><i><u>" * 20, "survive"),
        "good.html": (GOOD_PAGE.encode(), "good"),
        # -- JSONL
        "random.jsonl": (rng.randbytes(3000), "error"),
        "broken.jsonl": (jsonl(good_records[0], b"{broken", b'{"id": 1, "text": ', good_records[1]), "partial"),
        "deep.jsonl": (jsonl(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"), "error"),
        "types.jsonl": (jsonl({"id": {"x": 1}, "text": ["a"]}, 7, None, "text"), "error"),
        "no-text.jsonl": (jsonl({"id": "a", "title": "only a title"}, {"id": "b", "text": ""}), "error"),
        "long-line.jsonl": (jsonl({"id": "L", "text": "Izium " * 30_000}), "error"),
        "bom-and-cp1252.jsonl": (codecs.BOM_UTF8 + jsonl(good_records[2]) + '{"id": "c", "text": "Café à Kharkiv."}\n'.encode("cp1252"), "good"),
        "truncated.jsonl.gz": (whole_gz[: len(whole_gz) // 2], "partial"),
        "corrupt.jsonl.gz": (whole_gz[:10] + rng.randbytes(len(whole_gz) - 10), "error"),
        "empty.jsonl.gz": (b"", "error"),
        "bomb.jsonl.gz": (gzip_stream(b"A" * (1 << 20), 300 << 20), "error"),
        "line-bomb.jsonl.gz": (gzip_stream(b"{}\n" * 100_000, 30 << 20), "error"),
        "good.jsonl.gz": (whole_gz, "good"),
        # -- WARC
        "garbage.warc": (b"this is not a web archive\n" * 20, "error"),
        "empty.warc.gz": (b"", "error"),
        "random.warc.gz": (b"\x1f\x8b" + rng.randbytes(3000), "error"),
        "truncated.warc.gz": (good_warc[: len(good_warc) - 200], "partial"),
        "truncated.warc": (warc(False)[:-300], "partial"),
        "good.warc.gz": (good_warc, "good"),
        # -- feeds
        "garbage.xml": (b"<<<not xml at all>>>", "error"),
        "entities.xml": (entity_bomb(), "error"),
        "empty-feed.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "error"),
        "random.xml": (rng.randbytes(2000), "error"),
        "good.xml": (GOOD_RSS.encode(), "good"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    (root / "folder.txt").mkdir()  # a folder with a file-like name is walked, not read
    (root / "folder.txt" / "inner.txt").write_bytes(GOOD_TEXT.encode() + b"Inner.\n")
    os.symlink(root, root / "loop")  # a link back up must not send the walk round forever
    expected = {name: kind for name, (_, kind) in files.items()}
    expected["folder.txt/inner.txt"] = "good"
    return expected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], list, float]:
    root = tmp_path_factory.mktemp("hostile")
    expected = build_corpus(root)
    started = time.monotonic()
    items = list(ingest.read([str(root)], max_chars=MAX_CHARS))
    return root, expected, items, time.monotonic() - started


def origin_file(item: Article | InputError, root: Path) -> str:
    where = item.origin if isinstance(item, Article) else item.document
    path = where.split(" record ")[0].split(" entry ")[0]
    path = path.rsplit(":", 1)[0] if path.rsplit(":", 1)[-1].isdigit() else path
    return str(Path(path).relative_to(root))


def test_every_hostile_file_is_named_with_a_reason(corpus) -> None:
    root, expected, items, _ = corpus
    by_file: dict[str, list] = {}
    for item in items:
        assert isinstance(item, (Article, InputError))
        by_file.setdefault(origin_file(item, root), []).append(item)
    for name, kind in expected.items():
        got = by_file.get(name, [])
        named = [i for i in got if isinstance(i, InputError)]
        read = [i for i in got if isinstance(i, Article)]
        if kind == "error":
            assert named and not read, (name, got)
        elif kind == "good":
            assert read and not named, (name, got)
        elif kind == "partial":
            assert read and named, (name, got)
        else:
            assert got, name
    assert set(by_file) <= set(expected), set(by_file) - set(expected)


def test_messages_are_one_line_and_say_why(corpus) -> None:
    _, _, items, _ = corpus
    for error in (i for i in items if isinstance(i, InputError)):
        message = str(error)
        assert "\n" not in message and error.reason.strip(), message
        assert message.startswith(error.document)
        assert len(error.reason) < 300 and error.reason.isprintable(), message


def test_good_files_come_through_intact(corpus) -> None:
    root, _, items, _ = corpus
    texts = {origin_file(a, root): a.text for a in items if isinstance(a, Article)}
    assert texts["good.txt"] == GOOD_TEXT
    assert texts["utf16.txt"] == GOOD_TEXT
    assert texts["cp1251.txt"].startswith("Российские войска")
    assert texts["mixed.txt"].endswith("Le maire a déclaré que la crèche était touchée.\n")
    assert "Café à Kharkiv." in [a.text for a in items if isinstance(a, Article) and a.id == "c"]
    read_ids = [a.id for a in items if isinstance(a, Article) and origin_file(a, root) == "good.jsonl.gz"]
    assert read_ids == [f"ok{i}" for i in range(40)]


def test_bounds_hold(corpus) -> None:
    root, _, items, seconds = corpus
    reasons = {origin_file(e, root): e.reason for e in items if isinstance(e, InputError)}
    assert "decompression bomb" in reasons["bomb.jsonl.gz"]
    assert "in a row" in reasons["line-bomb.jsonl.gz"]
    assert "rejected" in reasons["huge.txt"] and "rejected" in reasons["huge.html"]
    assert "entit" in reasons["entities.xml"]
    assert seconds < 120, f"the hostile corpus took {seconds:.0f} s"


# --- properties -------------------------------------------------------------------------------

SUFFIXES = sorted(ingest.SUFFIXES)


def read_bytes(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        items = list(ingest.read([str(path)], max_chars=MAX_CHARS))
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert item.text.strip() and len(item.text) <= MAX_CHARS
            item.text.encode("utf-8")  # storable: no lone surrogates
        else:
            assert item.document.startswith(str(path)) and item.reason
    return items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, suffix: str) -> None:
    read_bytes(data, suffix)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=20))
def test_stdin_never_raises(lines: list[str]) -> None:
    items = list(ingest.read(["-"], stdin=io.StringIO("\n".join(lines))))
    assert all(isinstance(i, (Article, InputError)) for i in items)


LINES = [
    "Russian forces shelled Izium on Saturday, officials said.",
    "A ruined bridge near Isium.",
    "Piles of ammunition found near a bunker at Izium.",
    "Mold penetrates deep into the war machine.  Ukraine displays it for all to see",
    "Related Posts", "Leave a Reply", "Your email address will not be published.",
    "READ MORE: Kremlin says goals unchanged", "TITLE: Report", "URL: https://x", "(Photo: AP) The city burned.",
    "\u201cWe will return,\u201d he said.", "", "  ", "\t",
]  # fmt: skip


def assert_covers(text: str, title: str) -> None:
    segments = clean.segment(text, title)
    position = 0
    for s in segments:
        assert s.start == position < s.end and s.kind in ("title", "body", "caption", "related", "boilerplate")
        position = s.end
    assert position == len(text)


@settings(max_examples=200, deadline=2000)
@given(text=st.text(max_size=2000), title=st.text(max_size=80))
def test_segment_covers_any_text(text: str, title: str) -> None:
    assert_covers(text, title)


@settings(max_examples=200, deadline=2000)
@given(
    lines=st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=120)), max_size=30),
    separator=st.sampled_from(["\n", "\n\n", "\r\n", " \n \n"]),
    title=st.sampled_from(["", "Shelling in Kharkiv", "Related Posts"]),
)
def test_segment_covers_article_shaped_text(lines: list[str], separator: str, title: str) -> None:
    assert_covers(separator.join(lines), title)


# --- bounded fuzz: mutated copies of valid files ------------------------------------------------

SEEDS: dict[str, Callable[[], bytes]] = {
    ".txt": lambda: GOOD_TEXT.encode(),
    ".html": lambda: GOOD_PAGE.encode(),
    ".jsonl": lambda: jsonl({"id": "a", "text": "Izium shelled."}, {"id": "b", "html": GOOD_PAGE}),
    ".jsonl.gz": lambda: gzip.compress(jsonl({"id": "a", "text": "Izium shelled."}, {"id": "b", "text": "Again."})),
    ".warc.gz": lambda: warc(True),
    ".warc": lambda: warc(False),
    ".xml": lambda: GOOD_RSS.encode(),
}
_SEED_BYTES = {suffix: make() for suffix, make in SEEDS.items()}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    suffix = draw(st.sampled_from(sorted(_SEED_BYTES)))
    data = bytearray(_SEED_BYTES[suffix])
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif data:
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data), suffix


@settings(max_examples=200, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(case=mutated())
def test_fuzz_mutated_files_never_crash_the_reader(case: tuple[bytes, str]) -> None:
    data, suffix = case
    read_bytes(data, suffix)


def test_a_very_deep_folder_tree_is_walked_without_overflow(tmp_path: Path) -> None:
    folder = tmp_path
    try:
        for _ in range(1_200):  # deeper than Python's recursion limit
            folder = folder / "d"
            folder.mkdir()
        (folder / "deep.txt").write_text("Shelling near Izium.", encoding="utf-8")
        [article] = list(ingest.read([str(tmp_path)]))
        assert isinstance(article, Article) and article.text == "Shelling near Izium."
    finally:  # pytest's own clean-up recurses and would overflow on this tree
        (folder / "deep.txt").unlink(missing_ok=True)
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent
