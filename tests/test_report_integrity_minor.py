"""Issue 13, minor items of the report side, each a test that failed first:

- a chapter that fails leaves nothing under ``_build/exec`` (its executed notebook holds the
  data it read; a failed build must leave nothing a later build could publish);
- the report console prints a title's ``:x:`` as typed, not as an emoji;
- a title with a non-breaking space says which character is wrong.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from routekit.errors import RoutekitError
from routekit.params import ReportParams
from routekit.periods import parse_period


def _notebook(path: Path, source: str) -> Path:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("run_json = '{}'")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(source)]
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    nb.metadata["language_info"] = {"name": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _run_json(tmp_path: Path) -> str:
    from routekit.contracts.run import RunSpec

    period = parse_period("2025-Q1")
    folders = {name: tmp_path / name for name in ("releases", "link", "estimates", "public")}
    return RunSpec.for_chapter(ReportParams(language="en"), period, period.previous(), "trends",
                               ("2024-01", "2025-06"),
                               {**folders, "tables_dir": tmp_path / "tables", "tables_href": "../tables"}).to_json()


def test_a_failed_chapter_leaves_nothing_in_the_exec_folder(tmp_path):
    from routekit.report.chapters import Chapter
    from routekit.report.pipeline import BuildPlan, BuildError, _execute_chapter

    template = _notebook(tmp_path / "notebooks" / "99_fails.ipynb",
                         "print('a person-level row the chapter read: 0123456789')\nraise ValueError('boom')")
    plan = BuildPlan(name="default", project=tmp_path, build_root=tmp_path / "_build", work=tmp_path / "work")
    chapter = Chapter(id="fails", notebook="99_fails.ipynb", nl="Faalt", en="Fails")
    with pytest.raises(BuildError) as error:
        _execute_chapter(chapter, template, _run_json(tmp_path), plan, tmp_path / "tables", "en", "digest")
    assert "boom" in str(error.value) and "\n" not in str(error.value)
    exec_dir = tmp_path / "_build" / "exec"
    left = [p for p in exec_dir.rglob("*")] if exec_dir.exists() else []
    assert left == [], left


def test_the_report_console_prints_emoji_codes_as_typed(tmp_path, capsys):
    """A title ':x: routes' used to print as '❌ routes' (Rich's emoji codes)."""
    import yaml

    from routekit.report.pipeline import ReportData, render_report

    params_path = tmp_path / "params" / "default.yaml"
    params_path.parent.mkdir(parents=True)
    params_path.write_text(yaml.safe_dump({"title": ":x: routes :smile:", "language": "en"}), encoding="utf-8")
    period = parse_period("2025-Q1")

    def prepare(params, project, data_guard, log):
        return ReportData(period=period, baseline=period.previous(), coverage=("2024-01", "2025-03", {}),
                          releases=tmp_path / "r", link=tmp_path / "l", estimates=tmp_path / "e",
                          public_dir=tmp_path / "p")

    (tmp_path / "notebooks").mkdir()
    with pytest.raises(RoutekitError, match="no chapter notebooks"):
        render_report(params_path, [], project=tmp_path, build_root=tmp_path / "_build",
                      notebooks=tmp_path / "notebooks", pdf=False, prepare=prepare)
    printed = capsys.readouterr().err
    assert ":x: routes :smile:" in printed and "\u274c" not in printed


@pytest.mark.parametrize("title, named", [
    ("Routes\u00a0naar Nederland", "U+00A0"),
    ("Routes\u200bnaar Nederland", "U+200B"),
    ("Routes\nnaar Nederland", "line break"),
])
def test_a_title_with_an_odd_character_says_which(title, named):
    with pytest.raises(ValueError) as error:
        ReportParams(title=title)
    message = str(error.value)
    assert named in message and "position 7" in message
    if named == "U+00A0":
        assert "NO-BREAK SPACE" in message and "control" not in message
