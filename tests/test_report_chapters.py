"""The chapter list in routekit.report.chapters is the one place chapters are named: _toc.yml lists
their notebooks in that order, each notebook imports its own chapter module, and every view the
old ``views`` index exposes still resolves."""

import importlib
import json
from pathlib import Path

import yaml

from routekit.report.chapters import CHAPTERS

ROOT = Path(__file__).resolve().parents[1]


def test_toc_lists_the_chapter_notebooks_in_the_chapter_order():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    listed = [c["file"].removeprefix("book/chapters/") for part in toc["parts"] for c in part["chapters"]
              if c["file"].startswith("book/chapters/")]
    assert listed == [c.notebook.removesuffix(".ipynb") for c in CHAPTERS]


def test_each_notebook_exists_and_imports_only_its_own_chapter_module():
    modules = {c.module_name for c in CHAPTERS}
    assert len(modules) == len(CHAPTERS)
    for chapter in CHAPTERS:
        notebook = json.loads((ROOT / "notebooks" / chapter.notebook).read_text(encoding="utf-8"))
        code = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
        package, module = chapter.module_name.rsplit(".", 1)
        assert f"from {package} import {module}\n" in code, chapter.notebook
        assert "report import views" not in code, chapter.notebook
        imported = importlib.import_module(chapter.module_name)
        called = {line.split(f"{module}.", 1)[1].split("(", 1)[0] for line in code.splitlines()
                  if f"{module}." in line and "import" not in line}
        assert called, chapter.notebook
        missing = [name for name in called if not hasattr(imported, name)]
        assert not missing, (chapter.notebook, missing)


def test_the_views_index_still_resolves_every_view():
    views = importlib.import_module("routekit.report.views")
    names = [n for n in vars(views) if not n.startswith("__") and n != "annotations"]
    assert len(names) > 50
    for name in names:
        obj = getattr(views, name)
        assert getattr(obj, "__module__", "routekit.report.chapters").startswith("routekit.report.chapters"), name
