"""One writer at a time (issue 13, item 2): concurrent runs wait their turn instead of tearing.

Three builds of one parameter set start two seconds apart into one build folder (the issue saw
tracebacks, a vanished ``_build/html`` and a site with 27 of its 212 files). Each must finish
without a traceback, later ones say they wait, and the site is complete afterwards.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import yaml

from conftest import ROOT, make_project

# its own three builds from the session demo data (not the shared report): the other worker can take them
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("concurrency")]

CHAPTERS = ("01_summary.ipynb", "10_methods.ipynb")
BUILD = ("import sys; from pathlib import Path; from routekit.pipeline.report import build_report; "
         "build_report(Path(sys.argv[1]), [], project=Path(sys.argv[2]), build_root=Path(sys.argv[3]), pdf=False)")


@pytest.fixture(scope="module")
def three_builds(tmp_path_factory, small_demo_data):
    tmp = tmp_path_factory.mktemp("concurrent")
    project = make_project(tmp)
    for notebook in (project / "notebooks").glob("*.ipynb"):
        if notebook.name not in CHAPTERS:
            notebook.unlink()
    params = yaml.safe_load((ROOT / "params" / "default.yaml").read_text())
    params["data_dir"] = str(small_demo_data)
    params_path = project / "params" / "default.yaml"
    params_path.parent.mkdir(parents=True, exist_ok=True)
    params_path.write_text(yaml.safe_dump(params))
    build_root = tmp / "_build"
    runs = []
    for _ in range(3):
        runs.append(subprocess.Popen([sys.executable, "-c", BUILD, str(params_path), str(project), str(build_root)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        time.sleep(2)
    outputs = [(run.wait(timeout=1800), *run.communicate()) for run in runs]
    return build_root, outputs


def test_every_run_finishes_without_a_traceback(three_builds):
    _, outputs = three_builds
    for code, out, err in outputs:
        assert code == 0, err[-2000:]
        assert "Traceback" not in out + err
        assert "report ready" in err
    assert sum("waiting for another routekit run" in err for _, _, err in outputs) >= 1


def test_the_site_is_complete(three_builds):
    build_root, _ = three_builds
    site = build_root / "html"
    for page in ("index.html", "book/intro.html", "book/chapters/01_summary.html",
                 "book/chapters/10_methods.html", "search.html"):
        assert (site / page).is_file(), page
    assert list((site / "tables").rglob("*.csv"))
    assert not (build_root / "html.old").exists() and not (build_root / ".html-staging").exists()
    assert not any((build_root / "work").iterdir())
