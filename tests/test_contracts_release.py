"""The release and link contracts: typed manifests, sealed bundles, tables by name."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from routekit.contracts import (BundleError, LinkBundle, LinkWriter, ReleaseBundle, ReleaseManifest, ReleaseWriter,
                                key_fingerprint, required_threshold)
from routekit.disclosure.rule import OPERATOR_MINIMUM_K

KEY = b"contract-test-key-0123456789abcdefghij"
MANIFEST = {"source": "eurodac", "partner": "test", "kind": "fingerprint", "purpose": "test", "legal_basis": "test",
            "period": {"start": "2024-01", "end": "2024-02"}, "threshold": 10, "rows_in": 40, "rows_used": 40,
            "rows_rejected": 0, "rejected_reasons": {}, "input_sha256": "0" * 64, "routekit_version": "test",
            "tables": {"totals": {"rows": 2}}}
TOTALS = pd.DataFrame({"month": ["2024-01", "2024-02"], "corridor": ["central_med", "central_med"],
                       "count": pd.array([25, pd.NA], dtype="Int64"), "status": ["published", "suppressed"]})


@pytest.fixture()
def bundle(tmp_path) -> ReleaseBundle:
    writer = ReleaseWriter(tmp_path / "release")
    writer.table("totals", TOTALS)
    writer.tokens(pd.DataFrame({"token": ["a" * 64, "b" * 64], "month": ["2024-01", "2024-02"],
                                "corridor": ["central_med", "central_med"]}))
    writer.seal(MANIFEST, KEY)
    return ReleaseBundle(tmp_path / "release")


def test_a_sealed_bundle_reads_back_what_was_written(bundle):
    assert bundle.verify(10) is bundle
    assert isinstance(bundle.manifest, ReleaseManifest)
    assert bundle.source == "eurodac" and bundle.table_names() == ["totals"]
    totals = bundle.table("totals")
    assert totals["month"].tolist() == ["2024-01", "2024-02"]
    assert totals["count"].iloc[0] == 25 and pd.isna(totals["count"].iloc[1])
    assert bundle.table("legs").empty
    assert list(bundle.tokens().columns) == ["token", "month", "corridor"]
    assert set(bundle.manifest.files) == {"tables/totals.csv", "steward/tokens.csv"}


def test_the_key_fingerprint_tells_keys_apart_and_hides_the_key(bundle):
    fingerprint = bundle.manifest.key_fingerprint
    assert fingerprint == key_fingerprint(KEY) != key_fingerprint(KEY + b"x")
    assert KEY.hex() not in fingerprint and KEY.decode() not in (bundle.path / "manifest.json").read_text()


def test_cache_stamps_beside_a_bundle_are_not_part_of_it(bundle):
    (bundle.path / ".stamp").write_text("digest")
    bundle.verify(10)


@pytest.mark.parametrize("edit, file", [
    (lambda p: (p / "tables" / "totals.csv").write_text("month,corridor,count,status\n"), "tables/totals.csv"),
    (lambda p: (p / "steward" / "tokens.csv").unlink(), "steward/tokens.csv"),
])
def test_a_changed_or_missing_file_is_named(bundle, edit, file):
    edit(bundle.path)
    with pytest.raises(BundleError, match=file):
        ReleaseBundle(bundle.path).verify(10)


def test_a_manifest_that_breaks_the_contract_is_named_by_field(tmp_path, bundle):
    data = json.loads((bundle.path / "manifest.json").read_text())
    data["period"]["end"] = "2024-13"
    (bundle.path / "manifest.json").write_text(json.dumps(data))
    with pytest.raises(BundleError, match=r"manifest.json.*field 'period.end'"):
        ReleaseBundle(bundle.path).verify(10)
    (tmp_path / "empty").mkdir()
    with pytest.raises(BundleError, match="manifest.json: missing"):
        ReleaseBundle(tmp_path / "empty")


def test_an_unsealed_release_is_refused(bundle):
    data = json.loads((bundle.path / "manifest.json").read_text())
    del data["files"]
    (bundle.path / "manifest.json").write_text(json.dumps(data))
    with pytest.raises(BundleError, match="not sealed"):
        ReleaseBundle(bundle.path).verify(10)


def test_the_mobile_operator_may_release_at_its_own_stricter_minimum():
    assert required_threshold("mobility", 10) == OPERATOR_MINIMUM_K
    assert required_threshold("mobility", 20) == 20
    assert required_threshold("kmar", 10) == 10


def test_a_link_bundle_is_sealed_too(tmp_path):
    table = pd.DataFrame({"month": ["2024-01"], "corridor": ["central_med"], "in_a": [1], "in_b": [0],
                          "count": [12], "status": ["published"]})
    LinkWriter(tmp_path / "link").write(table, {"sources": ["a", "b"], "threshold": 10, "persons": 12})
    link = LinkBundle(tmp_path / "link").verify(10)
    assert link.raw_contingency()["count"].tolist() == ["12"]
    with pytest.raises(BundleError, match="threshold 10 is not the workspace's threshold 15"):
        link.verify(15)
    (tmp_path / "link" / "contingency.csv").write_text("month,corridor,in_a,in_b,count,status\n")
    with pytest.raises(BundleError, match="contingency.csv: changed"):
        LinkBundle(tmp_path / "link").verify(10)


def test_an_estimate_bundle_refuses_a_table_edited_after_sealing(tmp_path):
    from routekit.contracts import EstimateBundle, EstimateWriter

    writer = EstimateWriter(tmp_path / "estimates")
    writer.table("findings", pd.DataFrame({"rank": [1], "category": ["central_med"]}))
    manifest = writer.seal({"period": {"label": "2025-Q1"}})
    assert manifest["files"] == {"findings.csv": EstimateBundle(tmp_path / "estimates").manifest["files"]["findings.csv"]}
    bundle = EstimateBundle(tmp_path / "estimates").verify()
    assert bundle.table("findings")["category"].tolist() == ["central_med"]
    assert bundle.table("trends").empty
    with pytest.raises(ValueError, match="not an estimate table"):
        writer.table("notes", pd.DataFrame())
    (tmp_path / "estimates" / "findings.csv").write_text("rank,category\n1,eastern_med\n")
    with pytest.raises(BundleError, match="findings.csv"):
        EstimateBundle(tmp_path / "estimates").verify()
