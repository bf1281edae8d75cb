"""Shared fixtures: one small demo report, built once per test session and reused.

Tests that use ``built_report`` are grouped (xdist_group "report") so that with
``pytest -n 2 --dist loadgroup`` the report is built by one worker only.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SMALL_DEMO = {"seed": 7, "start": "2024-01", "end": "2025-06", "scale": 0.5}



@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Make ``--dist loadgroup`` group again: pytest-xdist marks a grouped test by appending
    ``@group`` to ``item._nodeid``, which pytest 9 no longer reads (the id lives in ``item._id``),
    so every test was scheduled on its own and each worker built the session report, the
    European-context reports and every module fixture again. Same suffix, set where pytest reads it."""
    if not getattr(config.option, "loadgroup", False):  # set on xdist workers by --dist loadgroup
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # an older pytest: xdist's own suffix works there
        return
    for item in items:
        groups = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                         for m in item.iter_markers("xdist_group")})
        if not groups or "@" in item.nodeid:
            continue
        wanted = f"{item.nodeid}@{'_'.join(groups)}"
        new_id = NodeId.parse(wanted)
        if str(new_id) == wanted:
            item._id = new_id

@dataclass
class BuiltReport:
    project: Path
    build_root: Path
    data_dir: Path
    params_path: Path
    site: Path
    pdf: Path | None
    result: object


def make_project(tmp: Path) -> Path:
    """A throwaway copy of the parts of the project a build reads (config, toc, book, notebooks)."""
    project = tmp / "project"
    project.mkdir(parents=True, exist_ok=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(ROOT / name, project / name)
    for folder in ("book", "notebooks"):
        shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
    if (ROOT / "data" / "public").is_dir():
        shutil.copytree(ROOT / "data" / "public", project / "data" / "public", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="session")
def small_demo_data(tmp_path_factory) -> Path:
    from routekit.synth import generate

    out = tmp_path_factory.mktemp("demo") / "data"
    generate(out, **SMALL_DEMO)
    return out


@pytest.fixture(scope="session")
def built_report(tmp_path_factory, small_demo_data) -> BuiltReport:
    from routekit.pipeline.report import build_report

    tmp = tmp_path_factory.mktemp("report")
    project = make_project(tmp)
    params_path = project / "params" / "default.yaml"
    params_path.parent.mkdir(parents=True, exist_ok=True)
    params = yaml.safe_load((ROOT / "params" / "default.yaml").read_text())
    params["data_dir"] = str(small_demo_data)
    params_path.write_text(yaml.safe_dump(params))
    build_root = tmp / "_build"
    result = build_report(params_path, [], project=project, build_root=build_root)
    return BuiltReport(project, build_root, small_demo_data, params_path, result.site, result.pdf, result)


@pytest.fixture(scope="session")
def built_site(built_report) -> Path:
    """The html folder of the small demo report (used by the browser tests)."""
    return built_report.site


@dataclass
class AdhocReport:
    site: Path
    pdf: Path | None
    result: object
    default_index_before: bytes  # the periodic site's landing page before the ad-hoc build


@pytest.fixture(scope="session")
def built_report_en(built_report) -> AdhocReport:
    """An ad-hoc English report of 2025-Q1 with its PDF, from the same data and build folder
    (the English language scan, the English PDF's margins and the ad-hoc checks share it)."""
    from routekit.pipeline.report import build_report

    before = (built_report.site / "index.html").read_bytes()
    result = build_report(built_report.params_path, ["language=en", "period=2025-Q1"],
                          project=built_report.project, build_root=built_report.build_root)
    return AdhocReport(result.site, result.pdf, result, before)
