"""Each partner's export, in its real-world layout, releases through its profile to exactly the
release of the same rows written as routekit's canonical CSV: same tables, same tokens."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from routekit.intake import check_export, release_with_profile
from routekit.intake.examples import EXPORT_FILES, POLICE_ENCODING, as_stored, write_export
from routekit.release import release_extract

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "params" / "intake"
KEY = b"intake-test-linkage-key-0123456789abcdef"
K = 10
SOURCES = tuple(EXPORT_FILES)


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("intake_release")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> dict:
    """Demo extracts with some v-numbers given a leading zero (what spreadsheets lose)."""
    from routekit.synth import generate

    root = tmp_path_factory.mktemp("intake")
    generate(root / "data", seed=11, start="2024-01", end="2024-03", scale=0.3, cdr_events=None)
    frames = {}
    for source in SOURCES:
        frame = pd.read_csv(root / "data" / "partners" / f"{source}.csv", dtype=str, keep_default_na=False)
        frame.loc[frame.index[::7], "v_number"] = "0" + frame.loc[frame.index[::7], "v_number"].str[1:]
        frames[source] = as_stored(source, frame)
    return {"root": root, "frames": frames}


def _release_both(demo: dict, source: str) -> tuple[Path, Path, dict, dict]:
    root = demo["root"] / source
    canonical = root / "partner" / f"{source}.csv"
    canonical.parent.mkdir(parents=True)
    demo["frames"][source].to_csv(canonical, index=False, lineterminator="\n")
    export = write_export(source, demo["frames"][source], root / "partner" / "export")
    plain = release_extract(source, canonical, root / "plain", threshold=K, key=KEY,
                            rejects=root / "partner" / "plain.rejects.csv")
    profiled = release_with_profile(source, PROFILES / f"{source}.yaml", export, root / "profiled",
                                    threshold=K, key=KEY, rejects=root / "partner" / "profiled.rejects.csv")
    return root / "plain", root / "profiled", plain, profiled


@pytest.mark.parametrize("source", SOURCES)
def test_export_releases_exactly_like_the_canonical_csv(demo, source):
    plain_dir, profiled_dir, plain, profiled = _release_both(demo, source)
    plain_files = sorted(p.relative_to(plain_dir) for p in plain_dir.rglob("*.csv"))
    assert plain_files == sorted(p.relative_to(profiled_dir) for p in profiled_dir.rglob("*.csv"))
    assert Path("steward/tokens.csv") in plain_files and len(plain_files) >= 3
    for name in plain_files:
        assert (plain_dir / name).read_bytes() == (profiled_dir / name).read_bytes(), name
    assert profiled["rows_in"] == plain["rows_in"] == len(demo["frames"][source])
    assert profiled["rows_used"] == plain["rows_used"] and profiled["rows_rejected"] == 0
    different = {k for k in plain.keys() | profiled.keys() if plain.get(k) != profiled.get(k)}
    assert different == {"input_sha256", "intake_profile", "seal"}  # the seal covers both
    written = json.loads((profiled_dir / "manifest.json").read_text(encoding="utf-8"))
    assert written["intake_profile"]["file"] == f"{source}.yaml"
    assert not list((demo["root"] / source / "partner").glob(".routekit-intake-*")), "private copy left behind"


def test_exports_have_the_quirks_they_claim(demo, tmp_path):
    """The layouts really are the awkward ones: a profile that passes here did real work."""
    import openpyxl

    frames = demo["frames"]
    paths = {source: write_export(source, frames[source], tmp_path) for source in SOURCES}
    sheet = openpyxl.load_workbook(paths["kmar"])["Aantreffen"]
    assert sheet["A4"].value == "Registratienummer" and sheet["A3"].value is None
    assert sheet["B5"].is_date and isinstance(sheet["H5"].value, int)
    lost_zero = frames["kmar"]["v_number"].str.startswith("0")
    assert lost_zero.any()
    assert len(str(sheet.cell(row=5 + int(lost_zero.to_numpy().argmax()), column=8).value)) == 9
    ind = paths["ind"].read_bytes()
    assert ind.startswith(b"\xef\xbb\xbfZaaknummer;") and b"Syri\xc3\xab" in ind
    police = paths["police"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        police.decode("utf-8")
    assert "ë".encode(POLICE_ENCODING) in police and b".0\r\n" not in police and b".0," in police
    assert paths["eurodac"].read_text(encoding="utf-8").splitlines()[0].count("\t") == 5


def test_rows_in_is_used_plus_rejected_with_rows_and_reasons(demo, tmp_path):
    """Broken cells are rejects at their spreadsheet row, counted over the profile and the release."""
    frame = demo["frames"]["ind"].copy()
    export = write_export("ind", frame, tmp_path)
    lines = export.read_bytes().decode("utf-8-sig").split("\r\n")
    header = lines[0].split(";")
    broken = {"Nationaliteit": "Atlantis", "V-nummer": "8.18186E+09", "Datum aanvraag": "2024-13-45"}
    # records in the export may span lines (narratives); rewrite three records via pandas instead
    table = pd.read_csv(export, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(table.columns) == header
    for offset, (column, value) in enumerate(broken.items()):
        table.loc[3 + offset * 10, column] = value
    table.loc[50, "Zaaknummer"] = table.loc[49, "Zaaknummer"]  # a duplicate: the release's own check
    table.to_csv(export, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")

    checked = check_export(PROFILES / "ind.yaml", export)
    reasons = checked.reasons().set_index("reason")
    assert reasons.loc["nationality: not a known country (name_nl)", "first_row"] == 5
    assert reasons.loc["v_number: precision lost (number written in scientific notation)", "first_row"] == 15
    assert reasons.loc["application_date: not a date in the profile's format", "first_row"] == 25
    assert reasons.loc["record_id: duplicate", "first_row"] == 52
    assert checked.rows_in == len(frame) == checked.rows_used + 4

    out, rejects = tmp_path / "release", tmp_path / "partner" / "ind.rejects.csv"
    manifest = release_with_profile("ind", PROFILES / "ind.yaml", export, out, threshold=K, key=KEY, rejects=rejects)
    assert manifest["rows_in"] == manifest["rows_used"] + manifest["rows_rejected"] == len(frame)
    assert manifest["rows_rejected"] == 4 and sum(manifest["rejected_reasons"].values()) == 4
    written = pd.read_csv(rejects, dtype=str, keep_default_na=False)
    assert written["row"].tolist() == ["5", "15", "25", "52"]
    assert json.loads((out / "manifest.json").read_text())["rows_rejected"] == 4
    manifest_text = (out / "manifest.json").read_text()
    assert "Atlantis" not in manifest_text and "8.18186E+09" not in manifest_text


def test_intake_check_cli_shows_counts_and_rows_never_values(demo, tmp_path):
    frame = demo["frames"]["police"].copy()
    export = write_export("police", frame, tmp_path)
    table = pd.read_csv(export, dtype=str, keep_default_na=False, encoding=POLICE_ENCODING)
    secret = "9.99999E+09"
    table.loc[[2, 6], "V-nummer"] = secret
    table.to_csv(export, index=False, encoding=POLICE_ENCODING, lineterminator="\r\n")
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "intake", "check", "--profile",
                           str(PROFILES / "police.yaml"), str(export)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^  v_number +<- 'V-nummer'  \[digits 10\]$", out, re.MULTILINE)
    assert re.search(r"^  date +<- 'Datum mutatie'  \[date %Y-%m-%d %H:%M:%S \| %Y-%m-%d\]$", out, re.MULTILINE)
    assert f"rows: {len(frame)} in, {len(frame) - 2} pass, 2 rejected" in out
    assert "v_number: precision lost (number written in scientific notation): 2, first at row 4" in out
    assert secret not in out
    for value in frame.loc[[2, 6], ["record_id", "v_number", "place"]].to_numpy().ravel():
        assert value not in out


def test_release_cli_with_profile(demo, tmp_path):
    export = write_export("eurodac", demo["frames"]["eurodac"], tmp_path / "partner")
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "release", "--source", "eurodac", "--input",
                           str(export), "--profile", str(PROFILES / "eurodac.yaml"), "--out", str(tmp_path / "rel"),
                           "--key-file", str(key_file)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "released eurodac" in done.stdout and "0 rows rejected" in done.stdout
    assert (tmp_path / "partner" / "eurodac_treffers.rejects.csv").is_file()
    wrong = subprocess.run([sys.executable, "-m", "routekit.cli", "release", "--source", "ind", "--input",
                            str(export), "--profile", str(PROFILES / "eurodac.yaml"), "--out", str(tmp_path / "r2"),
                            "--key-file", str(key_file)], capture_output=True, text=True)
    assert wrong.returncode == 2
    assert wrong.stderr.strip().splitlines() == [
        f"error: {PROFILES / 'eurodac.yaml'}: the profile is for source 'eurodac', not 'ind' (profile key source)"]


def test_synth_export_style_writes_every_layout(tmp_path):
    done = subprocess.run([sys.executable, "-m", "routekit.cli", "synth", "--out", str(tmp_path / "d"), "--start",
                           "2024-01", "--end", "2024-01", "--scale", "0.1", "--no-cdr", "--export-style"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "d" / "partners" / "exports"
    assert sorted(p.name for p in folder.iterdir()) == sorted(EXPORT_FILES.values())
    for source, name in EXPORT_FILES.items():
        checked = check_export(PROFILES / f"{source}.yaml", folder / name)
        assert checked.rows_used == checked.rows_in > 0 and checked.rejects.empty
