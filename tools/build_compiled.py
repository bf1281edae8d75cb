"""Build the opt-in compiled text extractor into its own environment (`make compiled`; issue 15's speed line).

mypyc compiles the hot text modules of a COPY of the package and pip installs that copy, non-editable, into the
environment that runs this script (.venv-compiled). The source tree and the project's .venv never hold a .so, so
an extension module built from an older .py can never shadow the file someone is editing; the pure package stays
the reference, and tests/test_text_compiled.py compares the two.

Run with the compiled environment's Python, whose mypy is pinned in tools/compiled-requirements.txt; needs gcc
and the Python headers (apt: build-essential python3-dev on a fresh machine).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# where extraction spends its time (profiles of issue 15): every module that runs per text; the rest of routekit
# (loading, fitting, evaluation) stays Python
COMPILED_MODULES = ("extraction", "matcher", "normalise", "timeline", "legmodes", "dialogue", "document", "gazetteer",
                    "calibration", "vocabulary", "journeys", "verifier", "order_model", "context_words", "subject",
                    "letters")

_SETUP = '''\
"""Written by tools/build_compiled.py into a throw-away copy of routekit; never part of the source tree."""
from mypyc.build import mypycify
from setuptools import setup

setup(ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent", *{paths!r}], opt_level="3"))
'''


def _copy_package(target: Path) -> None:
    """The package as it stands in the work tree, without caches or any extension module left in it."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.pyd", "*.egg-info")
    shutil.copytree(ROOT / "routekit", target / "routekit", ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    paths = [f"routekit/text/{name}.py" for name in COMPILED_MODULES]
    (target / "setup.py").write_text(_SETUP.format(paths=paths), encoding="utf-8")


def _check_prerequisites() -> None:
    """A clear stop before a long build that would fail at its C step, or land in the wrong place."""
    if Path(sys.prefix).resolve() == (ROOT / ".venv").resolve():
        sys.exit("build_compiled: refusing to install the compiled build into the project's .venv "
                 "(run it with .venv-compiled/bin/python)")
    if shutil.which(sysconfig.get_config_var("CC").split()[0] if sysconfig.get_config_var("CC") else "cc") is None:
        sys.exit("build_compiled: no C compiler found (apt-get install build-essential)")
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        sys.exit(f"build_compiled: no Python.h in {sysconfig.get_paths()['include']} (apt-get install python3-dev)")
    try:
        import mypyc  # noqa: F401
    except ImportError:
        sys.exit("build_compiled: mypyc is not installed here; run `make compiled` (it installs "
                 "tools/compiled-requirements.txt into .venv-compiled)")


# run in a fresh interpreter outside the work tree, so that it sees what a user of the environment imports
_PROBE = """
import json
from importlib.machinery import EXTENSION_SUFFIXES
from importlib.util import find_spec
import routekit
origins = {name: find_spec("routekit.text." + name).origin for name in %r}
print(json.dumps({"file": routekit.__file__,
                  "compiled": {name: origin.endswith(tuple(EXTENSION_SUFFIXES)) for name, origin in origins.items()}}))
""" % (COMPILED_MODULES,)


def _verify() -> None:
    """routekit comes from site-packages, not the work tree, and every hot module is an extension module."""
    out = subprocess.run([sys.executable, "-I", "-c", _PROBE], check=True, capture_output=True, text=True,
                         cwd=tempfile.gettempdir())
    report = json.loads(out.stdout)
    if Path(report["file"]).resolve().is_relative_to(ROOT / "routekit"):
        sys.exit(f"build_compiled: routekit imports from the work tree ({report['file']}), not the built copy")
    missing = [name for name, compiled in report["compiled"].items() if not compiled]
    if missing:
        sys.exit(f"build_compiled: not compiled: {', '.join(missing)}")
    leftovers = [str(path) for pattern in ("*.so", "*.pyd") for path in (ROOT / "routekit").rglob(pattern)]
    if leftovers:
        sys.exit(f"build_compiled: extension modules in the source tree would shadow its .py files: {leftovers}")
    print(f"compiled build ready: {len(report['compiled'])} modules compiled, routekit in "
          f"{Path(report['file']).parent}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the build copy (its path is printed)")
    parser.add_argument("--check", action="store_true", help="only check the installed build (no compile)")
    args = parser.parse_args()
    if args.check:
        _verify()
        return
    _check_prerequisites()
    build = Path(tempfile.mkdtemp(prefix="routekit-compiled-"))
    try:
        _copy_package(build)
        # non-editable, no build isolation (the pinned mypy of this environment compiles), deps from the lock
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                        "--force-reinstall", str(build)], check=True)
    finally:
        if args.keep:
            print(f"build copy kept in {build}")
        else:
            shutil.rmtree(build, ignore_errors=True)
    _verify()


if __name__ == "__main__":
    main()
