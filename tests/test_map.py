"""The map page in a real browser: Playwright driving Debian's Chromium against the real app,
served by uvicorn on a loopback port. Screenshots go to artefacts/ (ignored by git)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from storekit import free_port, make_article, make_event, make_processed

from sitrep.api import create_app
from sitrep.config import Settings
from sitrep.store import Store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts"
HOSTILE = '<img src=x onerror="window.__pwned=1"> Lviv was struck by drones'

# (place, lat, lon, day, type, sub-type, sources)
LAYOUT = [
    ("Kyiv", 50.45, 30.52, dt.date(2022, 9, 1), "Explosions/Remote violence", "Air/drone strike", 1),
    ("Lviv", 49.84, 24.03, dt.date(2022, 9, 3), "Explosions/Remote violence", "Air/drone strike", 1),
    ("Odesa", 46.48, 30.73, dt.date(2022, 9, 5), "Protests", "Peaceful protest", 1),
    ("Kharkiv", 49.98, 36.25, dt.date(2022, 9, 7), "Battles", "Armed clash", 2),
    ("Donetsk", 48.02, 37.80, dt.date(2022, 9, 9), "Battles", "Armed clash", 1),
    ("Izium", 49.21, 37.28, dt.date(2022, 9, 10), "Battles", "Government regains territory", 2),
]


def _fill(store: Store) -> dict[str, str]:
    """Six events in six cities; Lviv's evidence and source carry markup. Returns place -> event id."""
    ids = {}
    for i, (place, lat, lon, day, etype, sub, sources) in enumerate(LAYOUT):
        sentence = HOSTILE if place == "Lviv" else f"{place} saw fighting on day {i}"
        for copy in range(sources):
            article = make_article(
                f"{place}-{copy}", f"{sentence}, officials said.", published=day, story_id=f"story-{place}-{copy}",
                source="<script>window.__pwned=2</script>" if place == "Lviv" else f"wire {copy}",
                url="javascript:window.__pwned=3" if place == "Lviv" else f"https://news.example/{place}/{copy}",
            )
            event = replace(make_event(article, sentence, event_type=etype, sub_event_type=sub, day=day),
                            event_id=f"ev-{place}", location=place, latitude=lat, longitude=lon, geonameid=1000 + i)
            store.save(make_processed(article, event))
        ids[place] = f"ev-{place}"
    return ids


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # a thread cannot install them
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = Store.open(str(tmp_path_factory.mktemp("map") / "map.db"))
    _fill(store)
    port = free_port()
    server = _Server(uvicorn.Config(create_app(store, Settings()), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's Chromium (as root: apt-get install -y chromium)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site: str):  # noqa: ANN001, ANN201
    """A fresh page that refuses (and records) every request leaving the machine and any dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.outside = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]

    def guard(route, request) -> None:  # noqa: ANN001
        if urlsplit(request.url).hostname in ("127.0.0.1", None) or request.url.startswith("data:"):
            route.continue_()
        else:
            page.outside.append(request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    assert page.outside == [], f"requests left the machine: {page.outside}"
    assert page.dialogs == [], f"a dialog opened: {page.dialogs}"
    assert page.evaluate("window.__pwned") is None
    context.close()


def _shown(page) -> int:  # noqa: ANN001
    return int(page.get_attribute("body", "data-shown"))


def _open(page, site: str, query: str = "") -> None:  # noqa: ANN001
    page.goto(site + "/" + query)
    page.wait_for_function("() => document.body.dataset.shown !== undefined")


def test_markers_appear_with_legend_and_basemap(page, site: str) -> None:  # noqa: ANN001
    _open(page, site)
    page.wait_for_selector("path.ev-marker")
    assert _shown(page) == len(LAYOUT)
    assert page.locator("path.ev-marker").count() + page.locator(".marker-cluster").count() >= 3
    assert page.locator("path.ev-explosions-remote-violence").count() == 2  # Kyiv and Lviv, far apart
    assert "6 of 6 events shown" in page.inner_text("#counts")
    assert "Battles" in page.inner_text("#legend")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-overlay-pane path:not(.ev-marker)').length > 10")
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "map.png"))


def test_marker_opens_the_card_with_evidence(page, site: str) -> None:  # noqa: ANN001
    _open(page, site, "?lat=49.9&lon=36.3&z=7&q=fighting")
    page.wait_for_selector("path[data-event='ev-Kharkiv']")
    page.locator("path[data-event='ev-Kharkiv']").click()
    page.wait_for_selector("#card blockquote.evidence")
    card = page.inner_text("#card")
    assert "Kharkiv saw fighting" in card and "Armed clash" in card and "Fatalities" in card and "exact day" in card
    assert page.locator("#card blockquote.evidence mark").count() >= 1  # matching words highlighted
    links = page.locator("#card ul.sources a")
    assert links.count() >= 1 and links.first.get_attribute("href").startswith("https://news.example/")
    assert "event=ev-" in page.url
    page.screenshot(path=str(ARTEFACTS / "card.png"))


def test_hostile_markup_is_shown_as_text(page, site: str) -> None:  # noqa: ANN001
    _open(page, site, "?event=ev-Lviv")
    page.wait_for_selector("#card blockquote.evidence")
    assert "<img src=x onerror=" in page.inner_text("#card blockquote.evidence")
    assert page.locator("#card img, #card script").count() == 0
    assert "<script>" in page.inner_text("#card ul.sources")
    assert page.locator("#card ul.sources a").count() == 0  # its only link was javascript:, dropped
    page.wait_for_timeout(300)  # an onerror would have fired by now
    page.screenshot(path=str(ARTEFACTS / "hostile.png"))


def test_filters_change_what_is_shown_and_live_in_the_url(page, site: str) -> None:  # noqa: ANN001
    _open(page, site)
    page.check("input[name=type][value='Battles']")
    page.wait_for_function("() => document.body.dataset.shown === '3'")
    assert "type=Battles" in page.url
    page.fill("input[name=min_sources]", "2")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.body.dataset.shown === '2'")
    link = page.url
    assert "min_sources=2" in link
    page.goto(link)  # a link reproduces the view
    page.wait_for_function("() => document.body.dataset.shown === '2'")
    assert page.is_checked("input[name=type][value='Battles']")
    assert page.input_value("input[name=min_sources]") == "2"
    page.click("#reset-filters")
    page.wait_for_function(f"() => document.body.dataset.shown === '{len(LAYOUT)}'")


def test_the_time_slider_and_play(page, site: str) -> None:  # noqa: ANN001
    _open(page, site)
    slider = page.locator("#slider")
    slider.evaluate("s => { s.value = '1'; s.dispatchEvent(new Event('input')); }")
    assert page.inner_text("#slider-date") == "2022-09-03"
    assert _shown(page) == 2 and "t=2022-09-03" in page.url
    page.select_option("#window", "1")
    assert _shown(page) == 1
    page.select_option("#window", "0")
    page.click("#play")
    page.wait_for_function(f"() => document.body.dataset.shown === '{len(LAYOUT)}'", timeout=15000)
    assert page.inner_text("#slider-date") == "2022-09-10"
