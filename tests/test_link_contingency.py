"""Steward-side linkage: assignment rule, contingency counts, disclosure control, no tokens out."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from routekit.errors import DisclosureError, InputError
from routekit.link import link_releases
from routekit.link.assign import assign_persons
from routekit.release.audit import audit_link
from routekit.release.keys import tokens

KEY = b"s" * 32
K = 10


def _release(directory: Path, source: str, kind: str, rows: pd.DataFrame, key: bytes = KEY) -> Path:
    """A sealed release directory as release_extract writes it (manifest + steward tokens)."""
    from routekit.contracts import ReleaseWriter

    writer = ReleaseWriter(directory)
    writer.tokens(pd.DataFrame({"token": tokens(rows["v"], key), "month": rows["month"], "corridor": rows["corridor"]}))
    writer.seal({"source": source, "partner": "test", "kind": kind, "purpose": "test", "legal_basis": "test",
                 "period": {"start": "2024-01", "end": "2024-03"}, "threshold": K, "rows_in": len(rows),
                 "rows_used": len(rows), "rows_rejected": 0, "rejected_reasons": {}, "input_sha256": "0" * 64,
                 "routekit_version": "test", "tables": {}}, key)
    return directory


def _population(n: int, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "v": [f"{i:010d}" for i in range(10**9, 10**9 + n)],
        "month": rng.choice(["2024-01", "2024-02", "2024-03"], n),
        "corridor": rng.choice(["central_med", "eastern_med", "western_balkans"], n, p=[.5, .3, .2]),
    })


@pytest.fixture()
def releases(tmp_path) -> tuple[list[Path], pd.DataFrame]:
    people = _population(2000)
    rng = np.random.default_rng(9)
    seen = {"kmar": rng.random(len(people)) < 0.3, "ind": rng.random(len(people)) < 0.6,
            "eurodac": rng.random(len(people)) < 0.5}
    kinds = {"kmar": "border_observation", "ind": "self_reported", "eurodac": "fingerprint"}
    dirs = [_release(tmp_path / s, s, kinds[s], people[mask]) for s, mask in seen.items()]
    truth = people.assign(**{f"in_{s}": mask.astype(int) for s, mask in seen.items()})
    return dirs, truth[truth[[f"in_{s}" for s in seen]].any(axis=1)]


def test_assignment_prefers_the_whole_route_and_earliest_month():
    sightings = pd.DataFrame([
        ("t1", "2024-03", "central_med", "kmar", "border_observation"),
        ("t1", "2024-01", "eastern_med", "ind", "self_reported"),
        ("t1", "2024-02", "western_balkans", "eurodac", "fingerprint"),
        ("t2", "2024-02", "other", "kmar", "border_observation"),
        ("t2", "2024-04", "eastern_med", "ind", "self_reported"),
        ("t3", "2024-05", "other", "ind", "self_reported"),
        ("t4", "2024-02", "western_balkans", "eurodac", "fingerprint"),
        ("t4", "2024-01", "eastern_med", "police", "self_reported"),
    ], columns=["token", "month", "corridor", "source", "kind"])
    persons = assign_persons(sightings).set_index("token")
    # the narrative (whole route) wins over the border observation and the fingerprint
    assert persons.loc["t1", ["month", "corridor"]].tolist() == ["2024-01", "eastern_med"]
    assert persons.loc["t2", ["month", "corridor"]].tolist() == ["2024-02", "eastern_med"]  # 'other' yields
    assert persons.loc["t3", "corridor"] == "other"
    assert persons.loc["t4", ["month", "corridor"]].tolist() == ["2024-01", "eastern_med"]
    # without a narrative corridor the border observation wins over the fingerprint
    fallback = assign_persons(pd.DataFrame([
        ("t5", "2024-02", "western_balkans", "eurodac", "fingerprint"),
        ("t5", "2024-03", "eastern_land", "kmar", "border_observation"),
        ("t5", "2024-03", "other", "ind", "self_reported"),
    ], columns=["token", "month", "corridor", "source", "kind"])).set_index("token")
    assert fallback.loc["t5", "corridor"] == "eastern_land"
    assert persons.loc["t1", ["in_eurodac", "in_ind", "in_kmar", "in_police"]].tolist() == [True, True, True, False]


def test_contingency_counts_match_the_truth_where_published(releases, tmp_path):
    dirs, truth = releases
    manifest = link_releases(dirs, tmp_path / "link", threshold=K, key=KEY)
    assert manifest["sources"] == ["eurodac", "ind", "kmar"]
    assert manifest["persons"] == len(truth)
    table = pd.read_csv(tmp_path / "link" / "contingency.csv", keep_default_na=False, na_values=[""])
    assert list(table.columns) == ["month", "corridor", "in_eurodac", "in_ind", "in_kmar", "count", "status"]
    flags = ["in_eurodac", "in_ind", "in_kmar"]
    # every stratum lists all 7 combinations, none the unseen all-zero one
    assert (table.groupby(["month", "corridor"]).size() == 7).all()
    assert not (table[flags].sum(axis=1) == 0).any()
    # single-source persons keep their month and corridor, so these strata match the truth
    expected = truth.groupby(["month", "corridor", *flags]).size().rename("expected").reset_index()
    merged = table.merge(expected, on=["month", "corridor", *flags], how="left").fillna({"expected": 0})
    published = merged[merged["status"] == "published"]
    assert (published["count"] == published["expected"]).all()


def test_link_output_has_no_small_counts_no_tokens_and_nothing_recoverable(releases, tmp_path):
    dirs, _ = releases
    manifest = link_releases(dirs, tmp_path / "link", threshold=K, key=KEY)
    table = pd.read_csv(tmp_path / "link" / "contingency.csv", keep_default_na=False, na_values=[""])
    published = table.loc[table["status"] == "published", "count"]
    assert not ((published > 0) & (published < K)).any()
    assert manifest["cells_suppressed"] > 0  # three-source cells of this population are small
    assert audit_link(tmp_path / "link") == []
    written = b"".join(p.read_bytes() for p in (tmp_path / "link").rglob("*") if p.is_file())
    some_tokens = pd.read_csv(dirs[0] / "steward" / "tokens.csv")["token"].head(50)
    assert not any(token.encode() in written for token in some_tokens)
    assert b"token" not in written and KEY not in written
    # the only word about the key is its fingerprint (an HMAC of a fixed label, never the key)
    assert written.lower().count(b"key") == written.count(b'"key_fingerprint"') == 1


def test_link_is_deterministic(releases, tmp_path):
    dirs, _ = releases
    link_releases(dirs, tmp_path / "a", threshold=K, key=KEY)
    link_releases(list(reversed(dirs)), tmp_path / "b", threshold=K, key=KEY)
    for name in ("contingency.csv", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_link_needs_two_releases_with_tokens(releases, tmp_path):
    dirs, _ = releases
    with pytest.raises(InputError, match="at least two releases"):
        link_releases(dirs[:1], tmp_path / "link", key=KEY)
    (dirs[1] / "steward" / "tokens.csv").unlink()
    with pytest.raises(InputError, match="steward/tokens.csv"):
        link_releases(dirs, tmp_path / "link", key=KEY)


def test_link_refuses_a_low_threshold(releases, tmp_path):
    dirs, _ = releases
    with pytest.raises(DisclosureError, match="minimum 5"):
        link_releases(dirs, tmp_path / "link", threshold=3, key=KEY)


def test_releases_with_different_keys_are_refused(tmp_path):
    people = _population(300)
    first = _release(tmp_path / "kmar", "kmar", "border_observation", people)
    second = _release(tmp_path / "ind", "ind", "self_reported", people, key=b"other" * 8)
    with pytest.raises(InputError, match="another linkage key"):
        link_releases([first, second], tmp_path / "link", threshold=K, key=KEY)


def test_link_warns_when_a_source_shares_nobody(tmp_path, caplog):
    people = _population(600)
    first = _release(tmp_path / "kmar", "kmar", "border_observation", people[:300])
    second = _release(tmp_path / "ind", "ind", "self_reported", people[300:])
    manifest = link_releases([first, second], tmp_path / "link", threshold=K, key=KEY)
    assert manifest["persons"] == 600
    assert "shares no person" in caplog.text
