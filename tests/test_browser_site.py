"""Open every page of a built site in Chromium, offline, and check that charts and maps draw.

Runs on the small visuals demo book and on the report the shared ``built_site`` fixture builds.
Screenshots go to ``_build/screenshots/`` for a person to look at.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from routekit.report.pdf import CHROMIUM_ARGS, chromium_executable

pytestmark = [pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "screenshots"
SKIP_PAGES = {"search.html", "genindex.html", "py-modindex.html"}


# The shared report's pages run with the other "report" tests (one worker builds it); the demo
# book needs no report, so its pages form their own group and the other worker can take them.
@pytest.fixture(scope="module", params=[pytest.param("demo", marks=pytest.mark.xdist_group("visuals")),
                                        pytest.param("report", marks=pytest.mark.xdist_group("report"))])
def site(request, tmp_path_factory) -> tuple[str, Path]:
    if request.param == "report":
        return "report", request.getfixturevalue("built_site")
    import visuals_demo_book

    root = visuals_demo_book.write_book(tmp_path_factory.mktemp("visuals_book") / "book")
    return "demo", visuals_demo_book.build(root, "html")


@pytest.fixture(scope="module")
def served(site):
    """The site on a loopback HTTP server (port chosen by the OS), stopped after the tests."""
    name, folder = site
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield name, folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/favicon.ico":  # Chromium asks every server for one; the site has none
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html")
                  if p.name not in SKIP_PAGES and "_static" not in p.parts and "_sources" not in p.parts)


def _check_page(browser, url: str, shot: Path) -> dict:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, foreign = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_request(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1", "localhost", None, ""):
            foreign.append(request.url)

    page.on("request", on_request)
    page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.routekitReady === true", timeout=30_000)
    page.wait_for_timeout(300)
    result = page.evaluate("""() => ({
        charts: document.querySelectorAll('.rk-vega').length,
        drawn: document.querySelectorAll('.rk-vega svg, .rk-vega canvas').length,
        failed: document.querySelectorAll('.rk-vega.rk-error').length,
        maps: Array.from(document.querySelectorAll('.rk-map')).map((m) => ({
            shapes: m.querySelectorAll('.leaflet-overlay-pane svg path:not(.leaflet-interactive)').length,
            marks: m.querySelectorAll('.leaflet-overlay-pane svg path.leaflet-interactive').length,
            layers: m.querySelectorAll('.leaflet-control-layers-overlays label').length,
            legend: m.querySelectorAll('.rk-legend').length,
            saysEmpty: m.querySelectorAll('.rk-legend .rk-map-empty').length,
            singleView: m.querySelectorAll('.rk-legend .rk-corridors-legend').length,
        })),
    })""")
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    result.update(errors=errors, foreign=foreign)
    return result


def test_every_page_draws_offline(served, browser):
    name, folder, base = served
    pages = _pages(folder)
    assert pages, f"no pages in {folder}"
    totals = {"charts": 0, "maps": 0}
    for path in pages:
        relative = path.relative_to(folder).as_posix()
        result = _check_page(browser, f"{base}/{relative}", SCREENSHOTS / name / relative.replace("/", "__").replace(".html", ".png"))
        assert result["errors"] == [], (relative, result["errors"])
        assert result["foreign"] == [], (relative, result["foreign"])
        assert result["failed"] == 0 and result["drawn"] >= result["charts"], (relative, result)
        for drawn_map in result["maps"]:
            assert drawn_map["shapes"] >= 3, (relative, drawn_map)  # country shapes
            # route lines or circles, or (nothing publishable, e.g. no corridor estimable) a legend that says so
            assert drawn_map["marks"] >= 1 or drawn_map["saysEmpty"] == 1, (relative, drawn_map)
            # layers to switch, except on the corridors-at-a-glance map (one arrow per corridor, one view)
            assert (drawn_map["layers"] >= 1 or drawn_map["singleView"] == 1) and drawn_map["legend"] == 1, \
                (relative, drawn_map)
        totals["charts"] += result["charts"]
        totals["maps"] += len(result["maps"])
    assert totals["charts"] > 0 and totals["maps"] > 0, totals


def test_site_works_from_disk_without_server(site, browser):
    """Opening the built pages with file:// (a copy on a laptop) also draws everything."""
    name, folder = site
    with_figures = [p for p in _pages(folder) if "rk-vega" in p.read_text("utf-8") or "rk-map" in p.read_text("utf-8")]
    assert with_figures
    result = _check_page(browser, with_figures[0].resolve().as_uri(), SCREENSHOTS / name / "file-url.png")
    assert result["errors"] == [] and result["foreign"] == []
    assert result["drawn"] >= result["charts"]
    assert all(m["shapes"] >= 3 and (m["marks"] >= 1 or m["saysEmpty"] == 1) for m in result["maps"])


AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"  # `make setup` installs it (npm)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_violations(browser, url: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on one page, once its charts and maps have drawn."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.routekitReady === true", timeout=30_000)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.help + ' - '
            + v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | '));
    }""", WCAG_21_AA)
    page.close()
    return found


def test_every_page_meets_wcag_21_aa(served, browser):
    """A government publication must be accessible: axe-core finds no WCAG 2.1 A/AA violation
    on any page (charts are named images, maps labelled regions, theme buttons named by their text)."""
    assert AXE.is_file(), f"{AXE} is missing: run `make setup` (npm install of axe-core)"
    name, folder, base = served
    violations = {}
    for path in _pages(folder):
        relative = path.relative_to(folder).as_posix()
        found = _axe_violations(browser, f"{base}/{relative}")
        if found:
            violations[relative] = found
    assert not violations, "\n".join(f"{page}: {v}" for page, found in violations.items() for v in found)


def test_landing_page_and_corridor_map_screenshots(served, browser):
    """For a person to look at after `make test`: the landing page with its headline, and the
    corridors-at-a-glance map on its own."""
    name, folder, base = served
    if name != "report":
        pytest.skip("the headline and the corridor map are in the report only")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{base}/book/intro.html", wait_until="load")
    page.wait_for_function("() => window.routekitReady === true", timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "landing-page.png"), full_page=True)
    page.goto(f"{base}/book/chapters/02_route_map.html", wait_until="load")
    page.wait_for_function("() => window.routekitReady === true", timeout=30_000)
    corridor_map = page.locator(".rk-map-figure").first
    corridor_map.screenshot(path=str(SCREENSHOTS / "corridor-map.png"))
    page.close()
    assert (SCREENSHOTS / "landing-page.png").stat().st_size > 10_000
    assert (SCREENSHOTS / "corridor-map.png").stat().st_size > 10_000


def test_route_map_draws_one_line_per_published_leg(site, browser):
    name, folder = site
    if name != "demo":
        pytest.skip("leg count known only for the demo data")
    import visuals_demo_data as demo

    page = browser.new_page()
    page.goto((folder / "book" / "chapters" / "routes.html").resolve().as_uri())
    page.wait_for_function("() => window.routekitReady === true")
    first_map = page.locator(".rk-map").first
    lines = first_map.locator(".leaflet-overlay-pane path.leaflet-interactive").count()
    page.close()
    assert lines == demo.legs_frame()["estimate"].notna().sum()
