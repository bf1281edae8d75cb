"""Release of structured sources (Eurodac, mobility): contract, keys, determinism, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from routekit.errors import DisclosureError, InputError, RefusedSourceError
from routekit.release import load_key, release_extract
from routekit.release.audit import audit_release
from routekit.disclosure.tables import assert_k_anonymous
from routekit.release.keys import KEY_ENV, LinkKeyError

KEY = b"k" * 32
OTHER_KEY = b"z" * 40
K = 10


def eurodac_extract(path: Path, rows: int = 1500, seed: int = 3, extra: list[dict] | None = None) -> Path:
    rng = np.random.default_rng(seed)
    first = rng.choice(["ITA", "GRC", "ESP", "BGR", "POL", "DEU", "MLT", "HRV"], rows,
                       p=[.3, .25, .15, .1, .08, .06, .03, .03])
    nationality = rng.choice(["SYR", "AFG", "ERI", "NGA", "TUR", "MAR", "IRQ", "SOM", "YEM", "GIN"], rows,
                             p=[.3, .2, .1, .1, .1, .05, .05, .05, .03, .02])
    dates = (pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 120, rows), unit="D")).strftime("%Y-%m-%d")
    frame = pd.DataFrame({
        "record_id": [f"E{i}" for i in range(rows)], "hit_date": dates,
        "v_number": [f"{v:010d}" for v in rng.choice(np.arange(10**9, 10**9 + 10**6), rows, replace=False)],
        "nationality": nationality, "first_registration_country": first,
        "category": rng.choice(["1", "2"], rows)})
    if extra:
        frame = pd.concat([frame, pd.DataFrame(extra)], ignore_index=True)
    frame.to_csv(path, index=False)
    return path


@pytest.fixture()
def extract(tmp_path) -> Path:
    return eurodac_extract(tmp_path / "eurodac.csv")


def _tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_release_writes_the_contract(extract, tmp_path):
    out = tmp_path / "release"
    manifest = release_extract("eurodac", extract, out, threshold=K, key=KEY)
    assert sorted(_tree(out)) == ["manifest.json", "steward/tokens.csv", "tables/first_country.csv",
                                  "tables/nationality.csv", "tables/totals.csv"]
    on_disk = json.loads((out / "manifest.json").read_text())
    assert on_disk == manifest
    for key in ("source", "partner", "kind", "purpose", "legal_basis", "period", "threshold", "rows_in",
                "rows_used", "rows_rejected", "rejected_reasons", "input_sha256", "routekit_version", "tables"):
        assert key in manifest
    assert manifest["period"] == {"start": "2024-01", "end": "2024-04"}
    assert manifest["rows_in"] == manifest["rows_used"] == 1500
    assert set(manifest["tables"]) == {"totals", "nationality", "first_country"}
    nationality = pd.read_csv(out / "tables" / "nationality.csv", keep_default_na=False)
    assert list(nationality.columns) == ["month", "corridor", "nationality", "count", "status"]
    assert nationality["nationality"].str.startswith(("region:", "generalised:")).any()
    tokens = pd.read_csv(out / "steward" / "tokens.csv", dtype=str)
    assert list(tokens.columns) == ["token", "month", "corridor"]
    assert tokens["token"].str.fullmatch(r"[0-9a-f]{64}").all()


def test_every_table_is_k_anonymous_and_nothing_is_recoverable(extract, tmp_path):
    out = tmp_path / "release"
    release_extract("eurodac", extract, out, threshold=K, key=KEY)
    for path in (out / "tables").glob("*.csv"):
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        counts = frame.loc[frame["status"] == "published", "count"]
        assert not ((counts > 0) & (counts < K)).any(), path.name
        assert frame.loc[frame["status"] == "suppressed", "count"].isna().all()
        assert_k_anonymous(frame, [c for c in frame.columns if c not in ("count", "status")], K, path.name)
    assert audit_release(out) == []


def test_without_secondary_suppression_the_audit_finds_the_leak(extract, tmp_path, monkeypatch):
    # the audit must be able to fail: switch secondary suppression off and it finds recoverable cells
    from routekit.disclosure.tables import TableSet

    monkeypatch.setattr(TableSet, "protect", lambda self, max_rounds=50: None)
    out = tmp_path / "naive"
    manifest = release_extract("eurodac", extract, out, threshold=K, key=KEY)
    assert sum(t["cells_suppressed_primary"] for t in manifest["tables"].values()) > 0
    assert audit_release(out), "a release with primary suppression only leaks by differencing"


def test_same_input_and_key_give_byte_identical_releases(extract, tmp_path):
    release_extract("eurodac", extract, tmp_path / "a", threshold=K, key=KEY)
    release_extract("eurodac", extract, tmp_path / "b", threshold=K, key=KEY)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_a_different_key_gives_unlinkable_tokens(extract, tmp_path):
    release_extract("eurodac", extract, tmp_path / "a", threshold=K, key=KEY)
    release_extract("eurodac", extract, tmp_path / "b", threshold=K, key=OTHER_KEY)
    first = set(pd.read_csv(tmp_path / "a" / "steward" / "tokens.csv")["token"])
    second = set(pd.read_csv(tmp_path / "b" / "steward" / "tokens.csv")["token"])
    assert first and second and not first & second
    # the aggregates do not depend on the key
    assert _tree(tmp_path / "a" / "tables") == _tree(tmp_path / "b" / "tables")


def test_key_never_reaches_any_output(extract, tmp_path, capsys, caplog):
    key = b"canary-key-0123456789-abcdefghijklmnop"
    release_extract("eurodac", extract, tmp_path / "a", threshold=K, key=key)
    for content in _tree(tmp_path / "a").values():
        assert key not in content and key.hex().encode() not in content
    captured = capsys.readouterr()
    assert key.decode() not in captured.out + captured.err + caplog.text


def test_missing_or_short_key_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(LinkKeyError, match=KEY_ENV):
        load_key(None)
    monkeypatch.setenv(KEY_ENV, "short-secret-value")
    with pytest.raises(LinkKeyError, match="too short") as error:
        load_key(None)
    assert "short-secret-value" not in str(error.value)
    key_file = tmp_path / "key"
    key_file.write_bytes(b"x" * 31 + b"\n")
    with pytest.raises(LinkKeyError, match="too short"):
        load_key(key_file)
    key_file.write_bytes(b"x" * 64 + b"\n")
    assert load_key(key_file) == b"x" * 64
    with pytest.raises(LinkKeyError, match="cannot be read"):
        load_key(tmp_path / "absent")


def test_release_uses_the_environment_key_by_default(extract, tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    release_extract("eurodac", extract, tmp_path / "env", threshold=K)
    release_extract("eurodac", extract, tmp_path / "explicit", threshold=K, key=KEY)
    assert _tree(tmp_path / "env") == _tree(tmp_path / "explicit")


@pytest.mark.parametrize("source", ["phone_readout", "anpr"])
def test_refused_sources_fail_with_the_reason(source, extract, tmp_path):
    with pytest.raises(RefusedSourceError, match="no legal basis"):
        release_extract(source, extract, tmp_path / "out", key=KEY)
    assert not (tmp_path / "out").exists()


def test_threshold_below_five_is_refused(extract, tmp_path):
    with pytest.raises(DisclosureError, match="minimum 5"):
        release_extract("eurodac", extract, tmp_path / "out", threshold=4, key=KEY)


def test_bad_rows_are_rejected_with_reasons_outside_the_release(tmp_path):
    bad = [
        {"record_id": "B1", "hit_date": "2024-02-30", "v_number": "1234567890", "nationality": "SYR",
         "first_registration_country": "ITA", "category": "1"},
        {"record_id": "B2", "hit_date": "2024-02-03", "v_number": "98765", "nationality": "SYR",
         "first_registration_country": "ITA", "category": "1"},
        {"record_id": "E0", "hit_date": "2024-02-03", "v_number": "1111111111", "nationality": "SYR",
         "first_registration_country": "ITA", "category": "1"},
    ]
    (tmp_path / "in").mkdir()
    extract = eurodac_extract(tmp_path / "in" / "eurodac.csv", extra=bad)
    manifest = release_extract("eurodac", extract, tmp_path / "release", threshold=K, key=KEY)
    assert manifest["rows_rejected"] == 3 and manifest["rows_used"] == 1500
    assert manifest["rejected_reasons"] == {"hit_date: not a calendar date": 1,
                                            "record_id: duplicate": 1, "v_number: fails the required format": 1}
    rejects = pd.read_csv(tmp_path / "in" / "eurodac.rejects.csv", dtype=str)
    assert sorted(rejects["record_id"]) == ["B1", "B2", "E0"]
    assert set(rejects["row"].astype(int)) == {1502, 1503, 1504}
    released = b"".join(_tree(tmp_path / "release").values())
    assert b"98765" not in released and b"1111111111" not in released


def test_rejects_file_may_not_be_inside_the_release(extract, tmp_path):
    with pytest.raises(InputError, match="inside the release"):
        release_extract("eurodac", extract, tmp_path / "out", key=KEY, rejects=tmp_path / "out" / "r.csv")


def test_missing_column_names_the_file_and_column(tmp_path):
    path = tmp_path / "eurodac.csv"
    pd.DataFrame({"record_id": ["1"], "hit_date": ["2024-01-01"]}).to_csv(path, index=False)
    with pytest.raises(InputError, match=r"eurodac.csv: missing column\(s\) 'v_number'"):
        release_extract("eurodac", path, tmp_path / "out", key=KEY)


def test_too_few_persons_release_nothing(tmp_path):
    path = eurodac_extract(tmp_path / "eurodac.csv", rows=6)
    with pytest.raises(DisclosureError, match="fewer persons than the threshold"):
        release_extract("eurodac", path, tmp_path / "out", threshold=K, key=KEY)
    assert not (tmp_path / "out" / "tables").exists()


def test_mobility_passes_flows_through_with_the_threshold_applied(tmp_path):
    path = tmp_path / "mobility.csv"
    pd.DataFrame({"month": ["2024-01", "2024-01", "2024-02", "2024-02"],
                  "origin_country": ["TUR", "GRC", "TUR", "ITA"],
                  "destination_country": ["GRC", "NLD", "GRC", "NLD"],
                  "subscribers": [120, 45, 3, 0]}).to_csv(path, index=False)
    manifest = release_extract("mobility", path, tmp_path / "out", threshold=K)
    assert sorted(_tree(tmp_path / "out")) == ["manifest.json", "tables/flows.csv"]
    flows = pd.read_csv(tmp_path / "out" / "tables" / "flows.csv", keep_default_na=False, na_values=[""])
    assert list(flows.columns) == ["month", "origin_country", "destination_country", "count", "status"]
    assert flows["status"].tolist() == ["published", "published", "suppressed"]
    assert manifest["tables"]["flows"]["cells_suppressed_primary"] == 1


def test_sources_command_lists_purpose_legal_basis_and_refusals(capsys, monkeypatch):
    from routekit.sources.commands import sources

    monkeypatch.setenv("COLUMNS", "300")
    sources()
    printed = " ".join(capsys.readouterr().out.split())
    for expected in ("kmar", "border_observation", "Vreemdelingenwet", "eurodac", "phone_readout", "anpr",
                     "function creep"):
        assert expected in printed
