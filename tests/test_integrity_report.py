"""Parameters are data (issue 13, item 1): a hostile title publishes only its escaped text.

One small build (the methods chapter, which lists the parameters, plus the book's own pages)
with a title made of MyST roles, raw HTML, a script, Markdown links and images and LaTeX; files
planted where earlier builds kept their source tree and jupyter-book output; then a build that
fails. Nothing from a partner extract or the key file may reach the site, the PDF or
``_downloads``; no server path may appear in the site; a failed build leaves nothing behind.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import ROOT, make_project
from routekit.errors import BuildError

# its own build from the session demo data (not the shared report): the other worker can take it
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]

HOSTILE = ("{download}`k <../../../data/.steward-key>` {literalinclude}`../kmar.csv` {raw}`html <b id=raw>`"
           " <script>alert('rk')</script> <img src=x onerror=alert(1)> [a](http://evil.example)"
           " $\\frac{1}{2}$ 100%")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, small_demo_data):
    from routekit.pipeline.report import build_report

    tmp = tmp_path_factory.mktemp("hostile")
    project = make_project(tmp)
    for notebook in (project / "notebooks").glob("*.ipynb"):
        if notebook.name != "10_methods.ipynb":
            notebook.unlink()
    params = yaml.safe_load((ROOT / "params" / "default.yaml").read_text())
    params.update(data_dir=str(small_demo_data), title=HOSTILE)
    params_path = project / "params" / "default.yaml"
    params_path.parent.mkdir(parents=True, exist_ok=True)
    params_path.write_text(yaml.safe_dump(params))
    build_root = tmp / "_build"
    # what earlier builds left where they kept their source tree and jupyter-book output
    for stale in (build_root / "src" / "default" / "_extra" / "planted-extra.txt",
                  build_root / "src" / "default" / "book" / "planted-page.md",
                  build_root / "jb" / "default" / "_build" / "html" / "planted.html"):
        stale.parent.mkdir(parents=True, exist_ok=True)
        stale.write_text("PLANTED-BY-AN-EARLIER-BUILD")
    result = build_report(params_path, [], project=project, build_root=build_root)
    return {"tmp": tmp, "project": project, "data": small_demo_data, "build_root": build_root,
            "site": result.site, "pdf": result.pdf, "params": params_path}


def _text_files(folder: Path):
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix not in {".png", ".jpg", ".woff", ".woff2", ".ttf", ".pdf"}:
            yield path, path.read_text(encoding="utf-8", errors="replace")


def _partner_values(data_dir: Path) -> list[str]:
    import pandas as pd

    kmar = pd.read_csv(data_dir / "partners" / "kmar.csv", dtype=str).head(200)
    values = list(kmar["v_number"]) + list(kmar["record_id"])
    key = data_dir / ".steward-key"
    if key.is_file():
        values.append(key.read_text().strip())
    return [v for v in values if len(v) >= 6]


def test_title_shows_as_text_on_every_page(hostile):
    pages = [(p, t) for p, t in _text_files(hostile["site"]) if p.suffix == ".html"]
    assert len(pages) >= 3
    for path, text in pages:
        assert "<script>alert(" not in text, path
        assert "onerror=alert" not in text.replace("onerror=alert(1)&gt;", ""), path
        assert "<b id=raw>" not in text and 'href="http://evil.example"' not in text, path
        intro = (hostile["site"] / "book" / "intro.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in intro and "{download}" in intro and "$\\frac{1}{2}$" in intro


def test_nothing_from_an_extract_or_the_key_is_published(hostile):
    values = _partner_values(hostile["data"])
    leaks = [(str(p), v) for p, text in _text_files(hostile["site"]) for v in values if v in text]
    assert not leaks, leaks[:3]
    downloads = hostile["site"] / "_downloads"
    assert not downloads.exists() or not any(downloads.rglob("*.csv")) and not any(downloads.rglob("*key*"))


def test_pdf_prints_the_title_as_text(hostile):
    if hostile["pdf"] is None:
        pytest.skip("no PDF built")
    text = subprocess.run(["pdftotext", str(hostile["pdf"]), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "<script>alert('rk')</script>" in flat and "{download}" in flat
    assert not [v for v in _partner_values(hostile["data"]) if v in text]


def test_no_server_path_in_the_site(hostile):
    roots = {str(hostile["tmp"]), str(hostile["data"]), str(ROOT), str(Path.home())}
    found = [(str(p), r) for p, text in _text_files(hostile["site"]) for r in roots if r in text]
    assert not found, found[:3]
    assert not (hostile["site"] / "_sources").exists()


def test_only_files_this_build_wrote_are_published(hostile):
    planted = [p for p, text in _text_files(hostile["site"]) if "PLANTED-BY-AN-EARLIER-BUILD" in text]
    assert planted == []
    assert not any((hostile["build_root"] / "work").iterdir())


def test_failed_build_leaves_no_work_files_and_keeps_the_site(hostile):
    from routekit.pipeline.report import build_report

    project = hostile["project"]
    broken = project / "broken-notebooks"
    broken.mkdir(exist_ok=True)
    nb = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nb.cells = [nbformat.v4.new_code_cell('run_json = "{}"', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("raise RuntimeError('chapter broke')")]
    nbformat.write(nb, broken / "10_methods.ipynb")
    before = sorted(str(p.relative_to(hostile["site"])) for p in hostile["site"].rglob("*"))
    with pytest.raises(BuildError, match="chapter broke"):
        build_report(hostile["params"], ["language=en"], project=project, build_root=hostile["build_root"],
                     notebooks=broken, pdf=False)
    assert not any((hostile["build_root"] / "work").iterdir())
    after = sorted(str(p.relative_to(hostile["site"])) for p in hostile["site"].rglob("*"))
    assert after == before
    shutil.rmtree(broken)
