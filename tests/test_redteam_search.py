"""Red team: a hostile report title runs no script on the site's search page.

The title reaches the pages escaped, but Sphinx 7 also keeps every section title raw in
``searchindex.js`` (``alltitles``) and its search page inserts a matching one with ``innerHTML``:
``search.html?q=<part of the title>`` ran ``<img src=x onerror=...>``. A tiny book built with
routekit's Sphinx extension shows it in a second, without a report build.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from routekit.report.pages import escape_markdown

HOSTILE = "Routes <img src=x onerror=window.__pwned=1>"


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("redteam_search")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search")
    (root / "src").mkdir()
    (root / "src" / "conf.py").write_text('extensions = ["myst_parser", "routekit.report.sphinxext"]\n'
                                          'project = "report"\n', encoding="utf-8")
    (root / "src" / "index.md").write_text(f"# {escape_markdown(HOSTILE)}\n\nText.\n", encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).parent / "sphinx-build"), "-q", "-b", "html",
                           str(root / "src"), str(root / "out")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root / "out"


def _index(site: Path) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def test_section_titles_in_the_search_index_are_escaped(site):
    titles = _index(site)["alltitles"]
    assert not [t for t in titles if "<" in t or ">" in t], list(titles)
    assert any("&lt;img src=x onerror" in t for t in titles)


def test_searching_for_the_title_runs_no_script(site):
    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists():
        pytest.skip("no Chromium")
    from playwright.sync_api import sync_playwright

    from routekit.report.pdf import CHROMIUM_ARGS, chromium_executable

    url = (site / "search.html").as_uri() + "?q=" + urllib.parse.quote("img src=x onerror=window")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("#search-results li", timeout=15000)
            page.wait_for_timeout(500)
            assert page.evaluate("window.__pwned") is None
            assert "<img src=x onerror" in page.locator("#search-results li a").first.inner_text()
        finally:
            browser.close()
