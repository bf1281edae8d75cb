"""End to end: demo data -> releases -> link -> estimates -> executed chapters -> site."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest

from routekit.errors import BuildError
from routekit.report.chapters import CHAPTERS

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report")]


def _page(site: Path, notebook: str) -> str:
    return (site / "book" / "chapters" / notebook.replace(".ipynb", ".html")).read_text(encoding="utf-8")


def test_every_chapter_page_exists_with_title(built_report):
    site = built_report.site
    assert (site / "index.html").is_file()
    for chapter in CHAPTERS:
        page = _page(site, chapter.notebook)
        assert chapter.title("nl") in page, chapter.id


def test_charts_and_maps_are_on_their_pages(built_report):
    site = built_report.site
    assert "rk-vega" in _page(site, "03_corridor_trends.ipynb")
    route_map = _page(site, "02_route_map.ipynb")
    assert "L.map" in route_map or "rk-map" in route_map


def test_tables_are_linked_and_exist(built_report):
    site = built_report.site
    for chapter in CHAPTERS:
        page = _page(site, chapter.notebook)
        links = re.findall(r"href=['\"]([^'\"]+\.csv)['\"]", page)
        assert links, f"chapter {chapter.id} links no CSV"
        for link in links:
            target = (site / "book" / "chapters" / link).resolve()
            assert target.is_file(), link


def test_no_cdn_and_no_injected_parameters_visible(built_report):
    for page in built_report.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # nothing is loaded from another host (sphinx-thebe's inline config names a URL it
        # would only load on a launch button, which the report does not have)
        external = re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=[\"'](https?:)?//", text)
        assert not external, (page, external[:3])
        assert "run_json" not in text, page


def test_unchanged_rebuild_takes_every_chapter_from_cache(built_report):
    from routekit.pipeline.report import build_report

    result = build_report(built_report.params_path, [], project=built_report.project,
                          build_root=built_report.build_root, pdf=False)
    assert sorted(result.cached_chapters) == sorted(c.id for c in CHAPTERS)


def test_adhoc_parameters_write_their_own_folder(built_report, built_report_en):
    index = built_report.site / "index.html"
    before = hashlib.sha256(built_report_en.default_index_before).hexdigest()
    result = built_report_en.result
    assert result.site != built_report.site
    assert "adhoc" in result.site.parts
    assert hashlib.sha256(index.read_bytes()).hexdigest() == before
    summary = (result.site / "book" / "chapters" / "01_summary.html").read_text(encoding="utf-8")
    assert "Summary" in summary and "Samenvatting" not in summary


def test_an_adhoc_build_keeps_no_edition_and_has_no_editions_page(built_report, built_report_en):
    """Only the periodic parameter set keeps editions (the session's report is one, for 2025-Q2)."""
    kept = {p.parent.name: json.loads(p.read_text()) for p in (built_report.build_root / "editions").glob("*/edition.json")}
    assert set(kept) == {"2025-Q2"} and kept["2025-Q2"]["language"] == "nl", kept
    assert (built_report.site / "book" / "editions.html").is_file()
    assert not (built_report_en.site / "book" / "editions.html").exists()
    assert "editions.html" not in (built_report_en.site / "book" / "intro.html").read_text(encoding="utf-8")


def test_failing_notebook_keeps_previous_site(built_report, tmp_path):
    from routekit.pipeline.report import build_report

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for chapter in CHAPTERS:
        nb = nbformat.read(built_report.project / "notebooks" / chapter.notebook, as_version=4)
        if chapter.id == "route_map":
            nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('planted failure')"))
        nbformat.write(nb, notebooks / chapter.notebook)
    index = built_report.site / "index.html"
    before = {p: p.stat().st_mtime_ns for p in built_report.site.rglob("*.html")}
    with pytest.raises(BuildError) as info:
        build_report(built_report.params_path, [], project=built_report.project,
                     build_root=built_report.build_root, notebooks=notebooks, pdf=False)
    message = str(info.value)
    assert "02_route_map.ipynb" in message and "cell" in message and "planted failure" in message
    assert index.is_file()
    assert {p: p.stat().st_mtime_ns for p in built_report.site.rglob("*.html")} == before


def test_build_records_timings(built_report):
    timings = json.loads((built_report.site.parent / "build-timings.json").read_text())
    assert timings["total"] > 0 and "chapters" in timings


def _pdf_pages(pdf: Path) -> list[str]:
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")][:-1]


def test_pdf_is_a4_with_every_chapter_and_its_figures(built_report):
    import subprocess

    pdf = built_report.pdf
    assert pdf is not None and pdf.is_file()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595" in info and "842" in info  # A4 in points
    pages = _pdf_pages(pdf)
    assert len(pages) >= len(CHAPTERS) + 2  # title page, contents, at least a page per chapter
    assert "Routes naar Nederland" in pages[0]
    text = " ".join(pages)
    for chapter in CHAPTERS:
        assert chapter.title("nl") in text, chapter.id
    # every chart and map is in the PDF as a drawing: pdfimages lists embedded images, and the
    # static maps/charts are inline SVG/PNG, so the page with the route map must carry ink
    route_page = next(i for i, p in enumerate(pages) if "De kaart toont de route-etappes" in p)
    prefix = pdf.with_name("route-page")
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(route_page + 1), "-l", str(route_page + 1),
                    "-singlefile", str(pdf), str(prefix)], check=True)
    data = prefix.with_suffix(".pgm").read_bytes()
    dark = sum(1 for b in data[-200_000:] if b < 200)
    assert dark > 2000, "the route map page is (nearly) blank"
