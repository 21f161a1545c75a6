"""How the map page copes with 20,000 events: load, slider steps, zoom (Debian's Chromium).

    .venv/bin/python bench/map_bench.py [--events 20000]

Fills a temporary SQLite database with api_bench's synthetic events, serves the app on a loopback
port, and drives the page with Playwright. Times include Playwright's round trips. Results and
the target (issue 6: "the page stays responsive with 20,000 markers") in docs/benchmarks/api.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import api_bench  # noqa: E402

from sitrep.store import Store  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store = Store.open(str(Path(tempfile.mkdtemp(prefix="sitrep-map-")) / "map.db"))
    api_bench.fill(store, args.events)
    server, base = api_bench.serve(store)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        started = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_function(f"() => document.body.dataset.shown === '{args.events}'", timeout=120_000)
        print(f"page open until {args.events} markers are clustered: {time.perf_counter() - started:.2f} s")
        last = page.locator("#slider").evaluate("s => s.max")
        for value in ("100", "101", "102", "200", last):
            started = time.perf_counter()
            page.locator("#slider").evaluate(f"s => {{ s.value = '{value}'; s.dispatchEvent(new Event('input')); }}")
            shown = page.get_attribute("body", "data-shown")
            print(f"slider to step {value}: {shown} markers in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(50)
        print(f"wheel zoom answered in {time.perf_counter() - started:.2f} s")
        browser.close()
    server.should_exit = True
    store.close()


if __name__ == "__main__":
    main()
