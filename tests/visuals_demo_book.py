"""A tiny Jupyter Book with every chart and map, for the browser and PDF tests.

Notebook outputs are made in-process with routekit.report.embed (no kernel), then built with
jupyter-book exactly as the report pipeline builds (execute off, routekit.report.sphinxext on).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

import visuals_demo_data as demo
from routekit.report import charts, embed, maps

CHAPTERS = {
    "routes": ("Routekaart", "Route map"),
    "trends": ("Trends per route", "Trends per route"),
}


def _output(html_text: str, alt_text: str):
    return nbformat.v4.new_output("display_data", data={"text/html": html_text, "text/plain": alt_text})


def _cells(name: str, lang: str):
    if name == "routes":
        figures = [
            (maps.route_map, maps.route_map_static, demo.legs_frame()),
            (maps.entry_points_map, maps.entry_points_map_static, demo.entry_counts_frame()),
            (maps.incidents_map, maps.incidents_map_static, demo.incidents_frame()),
        ]
        for interactive, static, frame in figures:
            fmap, alt_text = interactive(frame, lang)
            chart, _ = static(frame, lang)
            yield _output(embed.map_html(fmap, alt_text, static_chart=chart), alt_text)
    else:
        for function, frame in [(charts.corridor_trends, demo.corridor_trends_frame()),
                                (charts.nationality_by_corridor, demo.nationality_frame()),
                                (charts.source_agreement, demo.agreement_frame()),
                                (charts.safety, demo.safety_frame())]:
            chart, alt_text = function(frame, lang)
            yield _output(embed.chart_html(chart, alt_text), alt_text)


def write_book(root: Path, lang: str = "nl") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(
        "title: routekit test\nauthor: routekit\nonly_build_toc_files: true\n"
        "execute:\n  execute_notebooks: 'off'\n"
        "sphinx:\n  extra_extensions: [routekit.report.sphinxext]\n"
        "  config:\n    nb_remove_code_source: true\n", encoding="utf-8")
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n"
        + "".join(f"  - file: book/chapters/{name}\n" for name in CHAPTERS), encoding="utf-8")
    (root / "index.md").write_text("# Routes naar Nederland\n\nTestboek.\n", encoding="utf-8")
    chapters = root / "book" / "chapters"
    chapters.mkdir(parents=True, exist_ok=True)
    for name, titles in CHAPTERS.items():
        title = titles[0] if lang == "nl" else titles[1]
        code = nbformat.v4.new_code_cell("# figures made by routekit.report", execution_count=1)
        code.outputs = list(_cells(name, lang))
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {title}"), code])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, chapters / f"{name}.ipynb")
    return root


def build(root: Path, builder: str = "html") -> Path:
    """Build the book; returns the output folder (``_build/html`` or ``_build/singlehtml``)."""
    jb = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jb), "build", str(root), "--builder", builder], check=True,
                   capture_output=True, text=True)
    return root / "_build" / builder
