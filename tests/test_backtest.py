"""Back-test: everything the small demo pipeline publishes, against recorded golden digests.

A refactoring must not change what routekit publishes: every release table and manifest, the
link tables, the estimates and findings, every table the report offers for download and the
PDF's text. Their digests are recorded in ``tests/golden/small_demo.json``. When an output is
meant to change, say why in the commit and record again:

    ROUTEKIT_RECORD_GOLDEN=1 .venv/bin/python -m pytest -p no:xdist tests/test_backtest.py

Volatile parts are normalised away first: build dates, wall-clock timestamps, the temporary
folder the test builds in, the estimate cache's folder name (its key holds the code's digest; the
period label stands for it) and everything that depends on the workspace's random linkage key
(the steward-only token files, the key fingerprint and the tokens' digests in the manifests).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report")]

GOLDEN = Path(__file__).parent / "golden" / "small_demo.json"
VOLATILE_KEYS = {"started_utc", "finished_utc", "created_utc", "created", "generated", "generated_utc",
                 "seconds", "elapsed_seconds", "duration_seconds", "built_utc", "key_fingerprint",
                 "seal"}  # the keyed seal: an HMAC under the workspace's random linkage key


def _without_volatile(value, data_dir: str):
    if isinstance(value, dict):
        return {k: _without_volatile(v, data_dir) for k, v in value.items()
                if k not in VOLATILE_KEYS and "tokens" not in k}
    if isinstance(value, list):
        return [_without_volatile(v, data_dir) for v in value]
    if isinstance(value, str):
        return value.replace(data_dir, "<data>")
    return value


def _digest(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def published_digests(built_report) -> dict[str, str]:
    """Digest of every published output of the built demo report, by a stable name."""
    from routekit.report.i18n import format_date

    from routekit.params import load_params
    from routekit.pipeline.report import data_coverage
    from routekit.pipeline.workspace import Workspace

    data_dir = str(built_report.data_dir)
    params = load_params(built_report.params_path, [])
    # other session builds share the demo data and add estimates for their own periods
    wanted = params.resolve_period(data_coverage(Workspace(built_report.data_dir, params.threshold),
                                                 params.sources)[1]).label
    digests = {}
    steward = built_report.data_dir / "steward"
    for path in sorted(steward.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix not in (".csv", ".json"):
            continue
        parts = list(path.relative_to(steward).parts)
        if "steward" in parts[:-1]:  # tokens under the workspace's random key: never published
            continue
        if "estimates" in parts[:-1]:  # the cache folder's name holds the code digest
            at = parts.index("estimates") + 1
            manifest = json.loads((steward.joinpath(*parts[:at + 1]) / "manifest.json").read_text(encoding="utf-8"))
            if str(manifest["period"]["label"]) != wanted:
                continue
            parts[at] = str(manifest["period"]["label"]).replace("/", "_")
        name = "steward/" + "/".join(parts)
        if path.suffix == ".json":
            data = _without_volatile(json.loads(path.read_text(encoding="utf-8")), data_dir)
            digests[name] = _digest(json.dumps(data, sort_keys=True))
        else:
            digests[name] = _digest(path.read_bytes())
    tables = built_report.site / "tables"
    for path in sorted(tables.rglob("*.csv")):
        digests["site/tables/" + path.relative_to(tables).as_posix()] = _digest(path.read_bytes())
    if built_report.pdf is not None and shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(built_report.pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        today = dt.date.today().isoformat()
        for language in ("nl", "en"):
            text = text.replace(format_date(today, language), "<generated>")
        digests["pdf/text"] = _digest(text)
    return digests


def test_published_outputs_match_the_recorded_golden(built_report):
    current = published_digests(built_report)
    assert len(current) > 40, "the demo build published suspiciously few files"
    if os.environ.get("ROUTEKIT_RECORD_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip(f"recorded {len(current)} digests in {GOLDEN}")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(name for name in golden.keys() & current.keys() if golden[name] != current[name])
    missing = sorted(golden.keys() - current.keys())
    added = sorted(current.keys() - golden.keys())
    assert not (changed or missing or added), (
        f"published outputs differ from tests/golden/small_demo.json: changed {changed}, no longer "
        f"written {missing}, new {added}; explain the change in the commit and record again "
        "(see this module's docstring)")
