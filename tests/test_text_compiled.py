"""The opt-in compiled text extractor (`make compiled`, tools/build_compiled.py) gives the pure package's output.

Runs only where .venv-compiled exists (it is never built by `make test` or CI). Two checks: mypyc did not change
what the hot modules compute (the compiled modules against the very sources they were compiled from, on the pinned
sample), and the build is not stale (its sources are the work tree's, so the pure package is still the reference).
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPILED_PYTHON = ROOT / ".venv-compiled" / "bin" / "python"
SAMPLE = ROOT / "tests" / "data" / "text_speed_regression.csv"

pytestmark = pytest.mark.skipif(not COMPILED_PYTHON.exists(),
                                reason="no .venv-compiled here (the opt-in compiled build: `make compiled`)")

# every field of every extraction of the sample, and which routekit modules answered as extension modules
_DUMP = """
import dataclasses, json, sys
from importlib.machinery import EXTENSION_SUFFIXES
pure_copy, sample = sys.argv[1], sys.argv[2]
if pure_copy:
    sys.path.insert(0, pure_copy)
import pandas as pd
from routekit.text import extract_route
texts = pd.read_csv(sample, dtype=str, keep_default_na=False)["text"]
rows = [repr(dataclasses.astuple(extract_route(text))) for text in texts]
compiled = sorted(name for name, module in list(sys.modules.items()) if name.startswith("routekit.")
                  and str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES)))
print(json.dumps({"rows": rows, "compiled": compiled, "routekit": sys.modules["routekit"].__file__}))
"""


def _installed_package() -> Path:
    probe = subprocess.run([str(COMPILED_PYTHON), "-I", "-c", "import routekit; print(routekit.__file__)"],
                           capture_output=True, text=True, check=True, cwd="/")
    return Path(probe.stdout.strip()).parent


def _extract(pure_copy: Path | None) -> dict:
    done = subprocess.run([str(COMPILED_PYTHON), "-I", "-c", _DUMP, str(pure_copy or ""), str(SAMPLE)],
                          capture_output=True, text=True, cwd="/")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_compiled_modules_give_the_output_of_their_sources(tmp_path):
    installed = _installed_package()
    assert not installed.is_relative_to(ROOT / "routekit"), "the compiled environment imports the source tree"
    # the same sources, without the extension modules: what the build compiled, run as Python
    pure_copy = tmp_path / "pure"
    shutil.copytree(installed, pure_copy / "routekit", ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    compiled, pure = _extract(None), _extract(pure_copy)
    assert "routekit.text.extraction" in compiled["compiled"], compiled["compiled"]
    assert pure["compiled"] == [] and Path(pure["routekit"]).is_relative_to(pure_copy)
    assert len(compiled["rows"]) == len(pure["rows"]) > 800
    differing = [i for i, (a, b) in enumerate(zip(compiled["rows"], pure["rows"])) if a != b]
    assert not differing, (f"{len(differing)} of {len(pure['rows'])} sample texts differ compiled vs pure, e.g. row "
                           f"{differing[0]}: {compiled['rows'][differing[0]]} != {pure['rows'][differing[0]]}")


def test_compiled_build_is_not_stale():
    """A build older than the work tree's routekit measures and extracts with old rules: rebuild it."""
    installed = _installed_package()
    stale = []
    for source in sorted((ROOT / "routekit").rglob("*")):
        # code and data decide the output; a README edit does not make the build stale
        if source.is_file() and "__pycache__" not in source.parts and source.suffix not in {".pyc", ".so", ".md"}:
            built = installed / source.relative_to(ROOT / "routekit")
            if built.exists() and not filecmp.cmp(source, built, shallow=False):
                stale.append(str(source.relative_to(ROOT)))
            elif not built.exists() and source.suffix == ".py":
                stale.append(f"{source.relative_to(ROOT)} (missing from the build)")
    assert not stale, f"the compiled build is stale ({len(stale)} files differ, e.g. {stale[:3]}): run `make compiled`"
