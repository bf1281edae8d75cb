"""Honest gaps: the European-context report (params/eu-context.yaml, public data only) for a
quarter past the end of the vendored Frontex file (it ends in April 2025) shows no 0 and no
-100% for Frontex anywhere (site, CSVs, PDF), but "nog niet gepubliceerd" with the last month."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, make_project

# its own build (its own data and period): a group of its own, so the two workers can share the
# European-context builds instead of one worker making all four
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("public_gaps")]
GAP = "nog niet gepubliceerd (gegevens t/m april 2025)"
PERIOD = {"start": "2025-07", "end": "2025-09"}  # Q3 2025; its baseline Q3 2024 is published


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from routekit.pipeline.report import build_report
    from routekit.sources.public.paths import ENV_VARIABLE

    tmp = tmp_path_factory.mktemp("eu_gap")
    project = make_project(tmp)
    params = yaml.safe_load((ROOT / "params" / "eu-context.yaml").read_text())
    params["period"] = PERIOD
    path = project / "params" / "eu-context.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(params))
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(ENV_VARIABLE, raising=False)
        pdf = bool(shutil.which("pdftotext"))
        return build_report(path, [], project=project, build_root=tmp / "_build", pdf=pdf)


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _frontex_csvs(site: Path) -> list[Path]:
    return sorted(p for p in (site / "tables").rglob("public-frontex*.csv") if "revision" not in p.name)


def test_route_table_says_not_yet_published_instead_of_zero(report):
    rows = _rows(report.site / "tables" / "eu_context" / "public-frontex-routes.csv")
    assert rows, "the route table is written"
    for row in rows:
        assert row["detecties (periode)"] == GAP
        assert row["verandering %"] == GAP and row["verandering t.o.v. jaar eerder %"] == GAP
        assert int(row["vergelijking"]) >= 0 and row["jaar eerder"] == row["vergelijking"]  # Q3 2024: published
    central = next(r for r in rows if r["corridor"] == "Centrale Middellandse Zee")
    assert int(central["vergelijking"]) > 10_000


def test_no_frontex_csv_has_a_zero_or_minus_100_for_the_period(report):
    files = _frontex_csvs(report.site)
    assert {p.name for p in files} >= {"public-frontex-routes.csv", "public-frontex-nationalities.csv"}
    for path in files:
        for row in _rows(path):
            for column, value in row.items():
                assert not re.fullmatch(r"-100(\.0+)?%?", value.strip()), (path.name, column, value)
                if "periode" in column or column in ("detecties", "verandering %"):
                    assert value.strip() not in ("0", "0.0"), (path.name, column, value)
    nationalities = _rows(report.site / "tables" / "eu_context" / "public-frontex-nationalities.csv")
    assert [r["detecties"] for r in nationalities] == [GAP]


def test_site_pages_say_not_yet_published_and_never_minus_100(report):
    pages = {name: (report.site / "book" / "chapters" / f"{name}.html").read_text(encoding="utf-8")
             for name in ("01_summary", "08_eu_context")}
    for name, page in pages.items():
        text = re.sub(r"<[^>]+>", " ", page)
        assert "-100%" not in text and "−100%" not in text, name
        assert GAP in text or "nog niet (geheel) gepubliceerd" in text, name
        assert not re.search(r"Frontex registreerde in de verslagperiode 0 detecties", text), name
    assert "de gegevens lopen tot en met april 2025" in re.sub(r"<[^>]+>", " ", pages["01_summary"])


def test_methods_chapter_names_the_files_and_their_last_month(report):
    rows = _rows(report.site / "tables" / "methods" / "public-sources.csv")
    frontex = next(r for r in rows if "Frontex" in r["bron"])
    assert "frontex_ibc_route_nationality_monthly.csv" in frontex["bestanden (sha256)"]
    assert frontex["gegevens t/m"] == "april 2025"


def test_pdf_text_has_no_zero_or_minus_100_for_frontex(report):
    if report.pdf is None:
        pytest.skip("pdftotext or the PDF printer is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(report.pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "-100%" not in flat and "−100%" not in flat
    assert "nog niet gepubliceerd" in flat
    assert "Frontex registreerde in de verslagperiode 0 detecties" not in flat
