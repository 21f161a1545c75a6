"""The readers, each on small files written by the test: what comes out, in which order, with
which id, title, date and origin; and the InputErrors for what cannot be read."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from sitrep import ingest
from sitrep.errors import InputError
from sitrep.model import Article

BODY = (
    "Russian forces shelled the centre of Kharkiv on Saturday, the regional governor said.\n\n"
    "Two people were wounded when a rocket hit a residential building near the metro station.\n"
)
PAGE = (
    "<html><head><title>Shelling in Kharkiv | Example News</title>"
    "<meta property='article:published_time' content='2022-09-10T08:00:00Z'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Shelling in Kharkiv</h1>"
    "<p>Russian forces shelled the centre of Kharkiv on Saturday, the regional governor said.</p>"
    "<p>Two people were wounded when a rocket hit a residential building near the metro station.</p>"
    "</article><footer>Leave a Reply. Your email address will not be published.</footer></body></html>"
)


def read_all(*paths: str | Path, **kwargs) -> list[Article | InputError]:
    return list(ingest.read([str(p) for p in paths], **kwargs))


def articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def write_jsonl(path: Path, records: list, opener=open) -> Path:
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
    return path


# --- .txt -------------------------------------------------------------------------------------


def test_txt_text_is_the_file_as_decoded_title_from_a_headline_first_line(tmp_path: Path) -> None:
    raw = "Shelling in Kharkiv\r\n\r\n  " + BODY.replace("\n", "\r\n") + "   \r\n"
    path = tmp_path / "kharkiv.txt"
    path.write_bytes(raw.encode("utf-8"))
    [article] = read_all(path)
    assert article.text == raw  # CRLF, indentation and trailing spaces kept: offsets point into this
    assert article.title == "Shelling in Kharkiv"
    assert article.origin == str(path)
    assert article.published is None


def test_txt_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = read_all(path)
    assert article.title == ""


def test_txt_date_from_file_name_argument_and_header(tmp_path: Path) -> None:
    named = tmp_path / "izyum-cnn-2022-09-13.txt"
    named.write_text(BODY, encoding="utf-8")
    iso_named = tmp_path / "2022-08-29.txt"
    iso_named.write_text(BODY + "More.\n", encoding="utf-8")
    headed = tmp_path / "report.txt"
    headed.write_text("TITLE: Daily report\nURL: https://example.org/r\nDATE: 2022-09-01 (evening)\n\n" + BODY)
    bad = tmp_path / "report-2022-13-45.txt"
    bad.write_text(BODY + "Again.\n", encoding="utf-8")

    a, b, c, d = read_all(named, iso_named, headed, bad)
    assert a.published == dt.date(2022, 9, 13)
    assert b.published == dt.date(2022, 8, 29)
    assert (c.title, c.url, c.published) == ("Daily report", "https://example.org/r", dt.date(2022, 9, 1))
    assert d.published is None  # not a real date

    given = dt.date(2022, 9, 20)
    a, b, c, d = read_all(named, iso_named, headed, bad, published=given)
    assert a.published == given and d.published == given  # the argument beats a file-name guess
    assert c.published == dt.date(2022, 9, 1)  # but not a date the document states itself


def test_txt_legacy_and_bom_encodings_are_decoded(tmp_path: Path) -> None:
    russian = "Российские войска обстреляли Харьков в субботу, сообщили местные власти. Погибли три человека."
    french = "Les forces russes ont bombardé Kharkiv samedi ; le maire a déclaré que la crèche était touchée."
    cases = {
        "cp1251.txt": russian.encode("cp1251"),
        "koi8.txt": russian.encode("koi8_r"),
        "cp1252.txt": french.encode("cp1252"),
        "bom8.txt": b"\xef\xbb\xbf" + french.encode("utf-8"),
        "bom16.txt": french.encode("utf-16"),
        "le16.txt": french.encode("utf-16-le"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    got = {Path(a.origin).name: a.text for a in read_all(*(tmp_path / n for n in cases))}
    assert got["cp1251.txt"] == russian and got["koi8.txt"] == russian
    for name in ("cp1252.txt", "bom8.txt", "bom16.txt", "le16.txt"):
        assert got[name] == french, name


# --- ids --------------------------------------------------------------------------------------


def test_ids_are_stable_and_follow_the_normalised_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + BODY.upper().replace(" ", "   "), encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", [{"text": BODY}, {"id": "given-7", "text": BODY}, {"id": 42, "text": BODY}])
    first = articles(read_all(tmp_path))
    second = articles(read_all(tmp_path))
    assert [a.id for a in first] == [a.id for a in second]
    a, b, c, given, number = first
    assert a.id == b.id == c.id == ingest.text_id(BODY)
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert (given.id, number.id) == ("given-7", "42")
    assert ingest.text_id(BODY) != ingest.text_id(BODY + " Three.")


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_records_fields_and_line_numbered_errors(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {"id": "r1", "text": BODY, "title": "Kharkiv", "url": "https://x/1", "source": "Wire", "published": "2022-09-10"},
            "{not json",
            "",
            {"id": "r4", "title": "no text here"},
            {"id": "r5", "text": "   "},
            [1, 2, 3],
            {"id": "r7", "text": 12},
            {"id": "r8", "text": "Shelling near Izium.", "report_date": "2022-09-11T10:00:00Z"},
            {"id": "r9", "text": "Shelling near Kupiansk.", "published": "last week"},
        ],
    )
    items = read_all(path, published=dt.date(2022, 9, 30))
    got = [(type(i).__name__, i.origin if isinstance(i, Article) else i.document) for i in items]
    assert got == [
        ("Article", f"{path}:1"),
        ("InputError", f"{path}:2"),
        ("InputError", f"{path}:4"),
        ("InputError", f"{path}:5"),
        ("InputError", f"{path}:6"),
        ("InputError", f"{path}:7"),
        ("Article", f"{path}:8"),
        ("Article", f"{path}:9"),
    ]
    first, r8, r9 = articles(items)
    assert (first.id, first.title, first.url, first.source, first.text) == ("r1", "Kharkiv", "https://x/1", "Wire", BODY)
    assert first.published == dt.date(2022, 9, 10)  # its own date, not the argument
    assert r8.published == dt.date(2022, 9, 11)  # a date under another common name
    assert r9.published == dt.date(2022, 9, 30)  # unreadable date: the argument fills in
    reasons = [e.reason for e in errors(items)]
    assert "not valid JSON" in reasons[0]
    assert "'text' or 'html'" in reasons[1] and "'text' or 'html'" in reasons[2]
    assert "array" in reasons[3] and "number, not a string" in reasons[4]


def test_jsonl_html_records_are_extracted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pages.jsonl", [{"id": "p1", "html": PAGE, "url": "https://x/p1"}])
    [article] = read_all(path)
    assert article.id == "p1" and article.url == "https://x/p1"
    assert "two people were wounded" in article.text.lower()
    assert "Home" not in article.text.split("\n")[0]
    assert article.title.startswith("Shelling in Kharkiv")
    assert article.published == dt.date(2022, 9, 10)


def test_jsonl_gz_and_misnamed_gzip(tmp_path: Path) -> None:
    records = [{"id": f"g{i}", "text": f"Report {i} about Izium."} for i in range(3)]
    gz = write_jsonl(tmp_path / "batch.jsonl.gz", records, opener=gzip.open)
    hidden_gz = tmp_path / "batch2.jsonl"
    hidden_gz.write_bytes(gz.read_bytes())
    not_gz = tmp_path / "plain.jsonl.gz"
    not_gz.write_text(json.dumps(records[0]) + "\n")
    items = read_all(gz, hidden_gz, not_gz)
    assert [a.id for a in articles(items)] == ["g0", "g1", "g2", "g0", "g1", "g2"]
    [error] = errors(items)
    assert error.document == str(not_gz) and "not gzip" in error.reason


def test_jsonl_text_with_nul_and_lone_surrogates_keeps_its_length(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "n", "text": "Izium\\u0000 shelled \\ud800 today."}\n', encoding="utf-8")
    [article] = read_all(path)
    assert article.text == "Izium\ufffd shelled \ufffd today."
    article.text.encode("utf-8")  # storable


def test_stdin_is_jsonl(tmp_path: Path) -> None:
    stdin = io.StringIO('{"id": "s1", "text": "From standard input about Kyiv."}\n\nnot json\n')
    items = read_all("-", stdin=stdin)
    assert [type(i).__name__ for i in items] == ["Article", "InputError"]
    assert items[0].id == "s1" and items[0].origin == "<stdin>:1"
    assert items[1].document == "<stdin>:3"


def test_stdin_bytes_that_are_not_utf8_spoil_one_line_only() -> None:
    raw = b'{"id": "a", "text": "Kyiv."}\n{"id": "b", "text": "Caf\xe9 in Kharkiv."}\n\xff\xfe\x00garbage\n{"id": "c", "text": "Lviv."}\n'
    items = read_all("-", stdin=io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert [a.id for a in articles(items)] == ["a", "b", "c"]
    assert articles(items)[1].text == "Café in Kharkiv."
    assert [e.document for e in errors(items)] == ["<stdin>:3"]


# --- HTML -------------------------------------------------------------------------------------


def test_html_file_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_all(path)
    assert "rocket hit a residential building" in article.text
    assert "Home" not in article.text and "email address" not in article.text
    assert article.title.startswith("Shelling in Kharkiv")
    assert article.published == dt.date(2022, 9, 10)
    assert article.id == ingest.text_id(article.text)


# --- WARC -------------------------------------------------------------------------------------


def write_warc(path: Path, gzipped: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        page = writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(PAGE.encode()), http_headers=http)
        request = writer.create_warc_record("https://example.org/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"))
        image_http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        image = writer.create_warc_record("https://example.org/i.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=image_http)
        note = writer.create_warc_record(
            "https://example.org/n.txt", "resource", payload=io.BytesIO("Shelling reported near Izium.".encode()),
            warc_content_type="text/plain",
        )  # fmt: skip
        for record in (page, request, image, note):
            writer.write_record(record)
    return path


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_reads_html_and_text_records_only(tmp_path: Path, gzipped: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc"), gzipped)
    items = read_all(path)
    assert not errors(items)
    page, note = articles(items)
    assert page.url == "https://example.org/a" and "rocket hit" in page.text
    assert page.origin == f"{path} record 1"
    assert note.text == "Shelling reported near Izium." and note.origin == f"{path} record 4"


# --- RSS / Atom -------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kyiv Wire</title>
<item><title>Drone attack on Odesa</title><link>https://example.org/1</link>
<pubDate>Sat, 10 Sep 2022 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian drones attacked the port of Odesa overnight.&lt;/p&gt;&lt;p&gt;No casualties were reported.&lt;/p&gt;</description></item>
<item><title>Nothing here</title><link>https://example.org/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Front Notes</title>
<entry><title>Fighting near Bakhmut</title><link href="https://example.org/b"/><id>urn:b</id>
<updated>2022-09-12T10:00:00Z</updated>
<content type="text">Heavy fighting continued near Bakhmut on Monday, the general staff said.</content></entry>
</feed>"""


def test_rss_and_atom_entries(tmp_path: Path) -> None:
    rss = tmp_path / "wire.xml"
    rss.write_text(RSS, encoding="utf-8")
    atom = tmp_path / "notes.atom"
    atom.write_text(ATOM, encoding="utf-8")
    items = read_all(rss, atom)
    drone, bakhmut = articles(items)
    assert drone.title == "Drone attack on Odesa" and drone.source == "Kyiv Wire"
    assert drone.text == "Russian drones attacked the port of Odesa overnight.\nNo casualties were reported."
    assert drone.published == dt.date(2022, 9, 10) and drone.origin == f"{rss} entry 1"
    assert bakhmut.text.startswith("Heavy fighting") and bakhmut.published == dt.date(2022, 9, 12)
    [error] = errors(items)
    assert error.document == f"{rss} entry 2"


# --- folders, order, laziness ---------------------------------------------------------------


def test_directory_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Izium report one.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kupiansk report two.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Lyman report three."}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Never read.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Never read either.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not a format we read.", encoding="utf-8")
    items = read_all(tmp_path)
    assert [Path(a.origin).name for a in articles(items)] == ["a.txt", "z.txt", "c.jsonl:1"]
    assert not errors(items)


def test_explicit_paths_keep_input_order_and_name_problems(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Kherson report.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Mykolaiv report.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Markdown.", encoding="utf-8")
    items = read_all(tmp_path / "two.txt", tmp_path / "missing.txt", tmp_path / "notes.md", tmp_path / "one.txt")
    assert [i.text if isinstance(i, Article) else Path(i.document).name for i in items] == [
        "Mykolaiv report.", "missing.txt", "notes.md", "Kherson report.",
    ]  # fmt: skip
    assert "no such file" in items[1].reason and "unsupported file type" in items[2].reason


def test_reading_is_lazy(tmp_path: Path) -> None:
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text("Kharkiv first.", encoding="utf-8")
    second.write_text("Kharkiv second.", encoding="utf-8")
    stream = ingest.read([str(first), str(second)])
    assert next(stream).text == "Kharkiv first."
    second.unlink()  # gone before the reader gets to it: it has not been read yet
    assert isinstance(next(stream), InputError)


def test_over_max_chars_is_rejected_not_truncated(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("Izium. " * 200, encoding="utf-8")
    write_jsonl(tmp_path / "long.jsonl", [{"id": "L", "text": "Izium. " * 200}, {"id": "S", "text": "Izium."}])
    items = read_all(tmp_path, max_chars=1000)
    assert [a.id for a in articles(items)] == ["S"]
    assert len(errors(items)) == 2
    assert all("rejected, not truncated" in e.reason for e in errors(items))


def test_public_surface() -> None:
    assert ingest.__all__ == ["read", "text_id", "decode", "SUFFIXES"]
    assert all(hasattr(ingest, name) for name in ingest.__all__)
