"""Print the visuals demo book to PDF and read the PDF back as a person would: pages, text, images."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from routekit.errors import BuildError
from routekit.report.pdf import build_pdf, chapter_pages

# One worker builds the PDF once: two workers printing to and reading one file raced in CI.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pdf")]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory) -> Path:
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.skip("poppler-utils not installed")
    import visuals_demo_book

    root = visuals_demo_book.write_book(tmp_path_factory.mktemp("pdf_book") / "book")
    single = visuals_demo_book.build(root, "singlehtml")
    pdf = build_pdf(single, tmp_path_factory.mktemp("pdf") / "demo.pdf", "Routes naar Nederland",
                    "3e kwartaal 2025", "21 november 2025", "nl")
    copy = ROOT / "_build" / "screenshots" / "pdf" / "demo.pdf"  # for a person to look at
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, copy)
    return pdf


def _pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")][:-1]


def _ink(pdf: Path, page: int) -> float:
    """Share of non-white pixels on a page rendered by pdftoppm (greyscale PGM)."""
    prefix = pdf.with_name(f"ink-{page}")
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    data = prefix.with_suffix(".pgm").read_bytes()
    fields, offset = [], 0
    while len(fields) < 4:  # P5 header: magic, width, height, maxval
        while data[offset:offset + 1].isspace():
            offset += 1
        end = offset
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[offset:end])
        offset = end
    pixels = data[offset + 1:]
    return sum(1 for p in pixels if p < 240) / len(pixels)


def test_pdf_has_title_page_contents_and_numbered_chapters(demo_pdf):
    pages = _pages_text(demo_pdf)
    assert len(pages) >= 6
    assert "Routes naar Nederland" in pages[0] and "3e kwartaal 2025" in pages[0]
    assert "21 november 2025" in pages[0] and "Pagina 1 van" in pages[0]
    assert "Inhoud" in pages[1]
    for title in ("Routekaart", "Trends per route"):
        number = chapter_pages(pages, [title], first_page=3)[0]
        assert number is not None and f"{title} {number}" in pages[1]


def test_chart_and_map_pages_carry_images_and_searchable_labels(demo_pdf):
    pages = _pages_text(demo_pdf)
    text = " ".join(pages)
    for label in ("Personen per route en maand", "Binnenkomstpunten", "Geschatte reizen", "Centrale Middellandse Zee"):
        assert label in text
    map_page = next(i for i, p in enumerate(pages) if "Geschatte reizen" in p) + 1
    chart_page = next(i for i, p in enumerate(pages) if "Personen per route en maand" in p) + 1
    assert _ink(demo_pdf, map_page) > 0.15  # land, sea and routes fill much of the page
    assert _ink(demo_pdf, chart_page) > 0.03
    assert _ink(demo_pdf, 1) < 0.03  # the title page is mostly white


def test_interactive_maps_are_not_printed(demo_pdf):
    text = " ".join(_pages_text(demo_pdf))
    assert "Leaflet" not in text  # the attribution of the on-screen map


def test_missing_site_is_a_build_error(tmp_path):
    with pytest.raises(BuildError, match="no index.html"):
        build_pdf(tmp_path, tmp_path / "x.pdf", "t", "p", "d", "nl")


def test_chapter_pages_search_in_order():
    pages = ["title", "contents A B", "A intro", "more", "B here"]
    assert chapter_pages(pages, ["A", "B", "C"], first_page=3) == [3, 5, None]
