"""Public sources in the registry, citation and caption rules, data folder lookup, ``routekit public``."""

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from routekit.errors import DisclosureError, InputError
from routekit.sources import get_source
from routekit.sources.public import (
    LOADERS, caption, citation, default_data_dir, load_unhcr_arrivals, public_csv_name,
)
from routekit.sources.public.commands import public
from routekit.sources.public.paths import ENV_VARIABLE, repository_data_dir

FIXTURES = Path(__file__).parent / "data" / "public"


@pytest.mark.parametrize("name", list(LOADERS))
def test_each_public_source_is_registered_with_schema_and_legal_basis(name):
    source = get_source(name)
    assert source.kind == "public_statistics"
    assert source.legal_basis == "published aggregate statistics (public)"
    assert source.schema is not None and source.reader is LOADERS[name]
    assert not source.person_level and source.purpose


def test_citation_in_both_languages_names_the_publisher():
    assert citation("frontex", "en").startswith("Frontex (European Border and Coast Guard Agency)")
    assert "migr_asyappctzm" in citation("eurostat_asylum", "nl")
    assert citation("iom_missing_migrants", "en", as_of="May 2026").endswith("(data as of May 2026)")
    assert "minimumschattingen" in citation("iom_missing_migrants", "nl")


def test_caption_says_the_table_is_public_and_cites_publishers():
    text = caption("Detections by route, 2024", ["frontex", "eurostat_asylum"], "en")
    assert text.startswith("Detections by route, 2024. Source: Frontex and Eurostat.")
    assert "not subject to routekit's small-cell suppression" in text
    dutch = caption("Doden en vermisten", ["iom_missing_migrants"], "nl")
    assert "Bron: IOM Missing Migrants Project" in dutch and "celonderdrukking" in dutch


def test_partner_data_may_not_enter_a_public_table():
    with pytest.raises(DisclosureError, match="'kmar' is border_observation data"):
        caption("Mixed table", ["frontex", "kmar"], "en")


def test_public_csv_names_start_with_public():
    assert public_csv_name("Frontex detections 2024") == "public-frontex-detections-2024.csv"
    assert public_csv_name("public-iom.csv") == "public-iom.csv"


def test_default_data_dir_is_the_repository_copy_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VARIABLE, raising=False)
    assert default_data_dir() == repository_data_dir()
    assert (repository_data_dir() / "SOURCES.md").is_file()
    monkeypatch.setenv(ENV_VARIABLE, str(tmp_path))
    assert default_data_dir() == tmp_path
    with pytest.raises(InputError, match="unhcr: no unhcr_arrivals folder"):
        load_unhcr_arrivals()


def test_unhcr_arrivals_are_read_whole():
    result = load_unhcr_arrivals()
    assert result.rejects.empty and len(result.data) == 211
    assert set(result.data["country"]) == {"GRC", "ITA", "ESP", "MLT", "CYP"}
    assert result.data.loc[result.data["year"] == 2016, "arrivals"].sum() == 363_795


def _app() -> typer.Typer:
    """Only this command, as routekit.cli registers it (the full CLI imports every stage)."""
    app = typer.Typer()
    app.command("public")(public)
    app.command("unused")(lambda: None)  # two commands, so typer keeps the command name
    return app


@pytest.fixture()
def small_public_dir(tmp_path):
    """A data folder with the test slices: one source has bad rows, Frontex has two releases."""
    for folder, fixture in (("frontex", "frontex/frontex_slice_with_bad_rows.csv"),
                            ("eurostat", "eurostat/migr_asyappctzm_nl_sample.csv"),
                            ("iom-missing-migrants", "iom/iom_raw_download_sample.csv")):
        (tmp_path / folder).mkdir()
        shutil.copy(FIXTURES / fixture, tmp_path / folder)
    (tmp_path / "frontex" / "zz_newer.csv").write_text(
        "route,type,nat,t,n\nCentral Mediterranean Route,Sea,SYR,2024-02-01,370\n", encoding="utf-8")
    (tmp_path / "unhcr").mkdir()
    shutil.copy(repository_data_dir() / "unhcr" / "unhcr_med_sea_arrivals_by_landing_place_annual.csv",
                tmp_path / "unhcr")
    return tmp_path


def test_public_command_summarises_sources_rejects_and_revisions(small_public_dir):
    result = CliRunner().invoke(_app(), ["public", "--data-dir", str(small_public_dir)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    for name in LOADERS:
        assert name in out
    assert "route 'Atlantic Route' is not listed in corridors.yaml frontex_routes" in out
    assert "frontex_slice_with_bad_rows.csv, row 14" in out
    assert "cells revised by a newer release" in out and "363" in out and "370" in out
    assert "2,331,193 arrivals" in out


def test_public_command_strict_fails_on_rejects(small_public_dir):
    result = CliRunner().invoke(_app(), ["public", "--data-dir", str(small_public_dir), "--strict",
                                         "--source", "frontex"])
    assert result.exit_code == 1
    clean = CliRunner().invoke(_app(), ["public", "--strict", "--source", "unhcr_arrivals"])
    assert clean.exit_code == 0, clean.output
