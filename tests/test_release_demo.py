"""Release + link on demo partner data: canaries never leak, tables are safe, link works."""

from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path

import pandas as pd
import pytest

from routekit.link import link_releases
from routekit.release import release_extract
from routekit.release.audit import audit_link, audit_release
from routekit.disclosure.tables import assert_k_anonymous

KEY = b"demo-linkage-key-for-tests-only-0123456789"
K = 10
SOURCES = ("kmar", "ind", "police", "eurodac", "mobility")
# planted on top of the generator's own canaries, in structured fields and free text
EXTRA_CANARIES = {"name": "Zebedeus Quackenbush", "phone": "+31 6 98765432", "birth_date": "1987-11-23",
                  "v_number": "5550001234"}


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("release_demo")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> dict:
    from routekit.synth import generate

    root = tmp_path_factory.mktemp("demo")
    generate(root / "data", seed=11, start="2024-01", end="2024-03", scale=0.3)
    partners = root / "data" / "partners"
    _plant(partners)
    return {"root": root, "partners": partners,
            "canaries": pd.read_csv(root / "data" / "truth" / "canaries.csv", dtype=str, keep_default_na=False)}


def _plant(partners: Path) -> None:
    """Put extra canaries where a careless release could copy them: labels and free text."""
    canary_text = (f" Betrokkene {EXTRA_CANARIES['name']}, geboren {EXTRA_CANARIES['birth_date']}, "
                   f"telefoon {EXTRA_CANARIES['phone']}, v-nummer {EXTRA_CANARIES['v_number']}.")
    kmar = pd.read_csv(partners / "kmar.csv", dtype=str, keep_default_na=False)
    kmar.loc[0, "transport"] = EXTRA_CANARIES["name"]
    kmar.loc[1, "route_statement"] += canary_text
    kmar.loc[2, "v_number"] = EXTRA_CANARIES["v_number"]
    kmar.to_csv(partners / "kmar.csv", index=False)
    ind = pd.read_csv(partners / "ind.csv", dtype=str, keep_default_na=False)
    ind.loc[0:20, "narrative"] += canary_text
    ind.to_csv(partners / "ind.csv", index=False)
    police = pd.read_csv(partners / "police.csv", dtype=str, keep_default_na=False)
    police.loc[0, "place"] = EXTRA_CANARIES["phone"]
    police.loc[1, "report_text"] += canary_text
    police.to_csv(partners / "police.csv", index=False)


@pytest.fixture(scope="module")
def released(demo) -> dict:
    """All sources released and linked once, with every log record and printed line kept."""
    out = demo["root"] / "out"
    records = _LogKeeper()
    logger = logging.getLogger("routekit")
    logger.addHandler(records)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            manifests = {s: release_extract(s, demo["partners"] / f"{s}.csv", out / "releases" / s, threshold=K,
                                            key=KEY, rejects=demo["root"] / "partner-side" / f"{s}.rejects.csv")
                         for s in SOURCES}
            link = link_releases([out / "releases" / s for s in SOURCES if s != "mobility"], out / "link",
                                 threshold=K, key=KEY)
    finally:
        logger.removeHandler(records)
        logger.setLevel(previous)
    return {"out": out, "manifests": manifests, "link": link, "log": "\n".join(records.lines),
            "printed": printed.getvalue()}


class _LogKeeper(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _published_files(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file()}


def _canaries(demo) -> list[str]:
    canaries = list(demo["canaries"]["value"]) + list(EXTRA_CANARIES.values())
    assert len(canaries) > 20
    return canaries


def test_canaries_never_reach_releases_link_or_logs(demo, released):
    texts = {**_published_files(released["out"]), "log": released["log"], "printed": released["printed"]}
    leaks = [(canary, where) for canary in _canaries(demo) for where, text in texts.items() if canary in text]
    assert leaks == []
    # the planted values did reach the extracts, so the test could have failed
    extracts = "".join((demo["partners"] / f"{s}.csv").read_text(encoding="utf-8") for s in SOURCES)
    assert all(value in extracts for value in EXTRA_CANARIES.values())


def test_canaries_never_reach_the_commands_output(demo, released, tmp_path, caplog, capsys):
    from routekit.link.commands import link
    from routekit.release.commands import release

    caplog.set_level(logging.DEBUG)
    key_file = tmp_path / "key"
    key_file.write_bytes(KEY)
    release(source="kmar", input=demo["partners"] / "kmar.csv", out=tmp_path / "kmar", threshold=K,
            key_file=key_file, rejects=tmp_path / "kmar.rejects.csv")
    link(release_dirs=[tmp_path / "kmar", released["out"] / "releases" / "ind"], out=tmp_path / "link", threshold=K,
         key_file=key_file)
    captured = capsys.readouterr()
    assert "released kmar" in captured.out
    texts = {"log": caplog.text, "stdout": captured.out, "stderr": captured.err, **_published_files(tmp_path / "kmar"),
             **_published_files(tmp_path / "link")}
    leaks = [(canary, where) for canary in _canaries(demo) + [KEY.decode()] for where, text in texts.items()
             if canary in text]
    assert leaks == []


def test_every_release_table_is_safe_and_nothing_is_recoverable(released):
    for source in SOURCES:
        directory = released["out"] / "releases" / source
        for path in (directory / "tables").glob("*.csv"):
            frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
            if path.name == "quality.csv":
                counts = frame[["records", "with_text", "route_found", "route_not_asked", "unusable"]].stack()
                assert not ((counts > 0) & (counts < K)).any(), f"{source}/{path.name}"
                continue
            assert_k_anonymous(frame, [c for c in frame.columns if c not in ("count", "status")], K,
                               f"{source}/{path.name}")
        assert audit_release(directory) == [], source
    assert audit_link(released["out"] / "link") == []


def test_text_sources_write_their_tables(released):
    expected = {
        "kmar": {"totals", "legs", "nationality", "entry_point", "mode", "smuggler", "first_country", "quality"},
        "ind": {"totals", "legs", "nationality", "mode", "smuggler", "first_country", "quality"},
        "police": {"totals", "legs", "nationality", "mode", "smuggler", "first_country", "quality"},
    }
    for source, tables in expected.items():
        directory = released["out"] / "releases" / source
        assert {p.stem for p in (directory / "tables").glob("*.csv")} == tables
        assert set(released["manifests"][source]["tables"]) == tables
        if source == "police":  # too few police reports in this small demo to publish anything
            continue
        totals = pd.read_csv(directory / "tables" / "totals.csv", keep_default_na=False, na_values=[""])
        assert totals.loc[totals["status"] == "published", "count"].sum() > 0
        legs = pd.read_csv(directory / "tables" / "legs.csv", keep_default_na=False, na_values=[""])
        assert (legs["status"] == "published").any()
        assert (legs["to_country"] == "NLD").any()
    quality = pd.read_csv(released["out"] / "releases" / "ind" / "tables" / "quality.csv")
    assert quality["lag_days_median"].notna().any()


def test_kmar_transport_outside_the_vocabulary_is_not_published(released):
    modes = pd.read_csv(released["out"] / "releases" / "kmar" / "tables" / "mode.csv", keep_default_na=False)
    assert EXTRA_CANARIES["name"] not in set(modes["mode"])


def test_link_counts_every_released_person_once(released):
    link = released["link"]
    assert link["sources"] == ["eurodac", "ind", "kmar", "police"]
    tokens = pd.concat([pd.read_csv(released["out"] / "releases" / s / "steward" / "tokens.csv")
                        for s in link["sources"]])
    assert link["persons"] == tokens["token"].nunique()
    table = pd.read_csv(released["out"] / "link" / "contingency.csv", keep_default_na=False, na_values=[""])
    # people seen by two sources exist in the demo (shared v-numbers across partners)
    flags = [f"in_{s}" for s in link["sources"]]
    overlap = table[(table[flags].sum(axis=1) >= 2) & (table["status"] == "published")]
    assert overlap["count"].sum() > 0
