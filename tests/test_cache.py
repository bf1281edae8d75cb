"""The one content-addressed cache (routekit.cache): keys, entries kept aside, results in place."""

from pathlib import Path

import pytest

from routekit.cache import STAMP, InPlace, Store, key
from routekit.digests import code_digest, combine, tree_digest


def test_a_key_is_the_digest_of_inputs_parameters_and_code():
    assert key("inputs", "k=10") == combine("inputs", "k=10", code_digest())
    assert key("inputs", "k=10") != key("inputs", "k=11")
    assert key("inputs", "k=10", length=24) == key("inputs", "k=10")[:24]


def test_an_entry_is_stored_whole_and_found_by_its_key(tmp_path):
    store = Store(tmp_path / "cache")
    assert store.get("abc") is None

    def fill(folder: Path) -> None:
        assert store.get("abc") is None  # while it is being filled, nobody sees the entry
        (folder / "report.pdf").write_bytes(b"%PDF")
        (folder / "tables").mkdir()

    entry = store.put("abc", fill)
    assert entry == store.get("abc") == tmp_path / "cache" / "abc"
    assert (entry / "report.pdf").read_bytes() == b"%PDF" and (entry / "tables").is_dir()
    store.put("abc", lambda folder: (folder / "report.pdf").write_bytes(b"%PDF-2"))
    assert (store.get("abc") / "report.pdf").read_bytes() == b"%PDF-2" and not (store.get("abc") / "tables").exists()


def test_an_entry_that_cannot_be_filled_leaves_nothing(tmp_path):
    store = Store(tmp_path / "cache")

    def fail(folder: Path) -> None:
        (folder / "half").write_text("x")
        raise OSError("disk full")

    assert store.put("abc", fail) is None
    assert store.get("abc") is None and list((tmp_path / "cache").iterdir()) == []


def test_a_result_in_place_is_remade_only_when_its_key_changes(tmp_path):
    out, runs = tmp_path / "link", []

    def build() -> None:
        out.mkdir(exist_ok=True)
        (out / "table.csv").write_text(f"run {len(runs)}")
        runs.append(1)

    result = InPlace(out)
    assert result.make("A", build) and not result.make("A", build) and len(runs) == 1
    assert result.make("B", build) and len(runs) == 2 and (out / STAMP).read_text() == "B"
    assert [p.name for p in out.iterdir() if p.name.startswith(STAMP)] == [STAMP]  # no stamp left half-written
    stamped = tree_digest(out)
    (out / STAMP).unlink()
    assert tree_digest(out) == stamped  # the stamp is no part of what it stamps


def test_a_build_that_fails_half_way_is_not_taken_as_fresh_later(tmp_path):
    """Made for A; the inputs change to B and the build fails half-way; the inputs go back to A:
    the half-made folder must be made again, not reused as A's."""
    out = tmp_path / "estimates"

    def build(text: str, fail: bool = False):
        def run() -> None:
            out.mkdir(exist_ok=True)
            (out / "estimates.csv").write_text(text)
            if fail:
                raise RuntimeError("killed")
        return run

    result = InPlace(out)
    result.make("A", build("made for A"))
    with pytest.raises(RuntimeError):
        result.make("B", build("half of B", fail=True))
    assert result.make("A", build("made for A"))  # ran again
    assert (out / "estimates.csv").read_text() == "made for A"
