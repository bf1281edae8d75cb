"""Intake profiles: one-line validation errors, value converters, readers, the template."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
import yaml

from routekit.errors import InputError
from routekit.intake import ProfileError, apply_profile, load_profile, profile_from_dict, profile_template
from routekit.intake.countries import names, normalise_name, to_iso3
from routekit.intake.profile import ValueRule
from routekit.intake.values import Unmappable, as_text, to_date, to_digits

EURODAC = {
    "source": "eurodac",
    "read": {"format": "csv", "delimiter": ";"},
    "columns": {"record_id": "Ref", "hit_date": "Datum", "v_number": "V", "nationality": "Nat",
                "first_registration_country": "Eerste", "category": "Cat"},
    "values": {"hit_date": {"date": "%d-%m-%Y"}, "v_number": {"digits": 10},
               "nationality": {"country": "name_nl"}, "first_registration_country": {"country": "iso2"}},
}


def _with(change: dict) -> dict:
    raw = yaml.safe_load(yaml.safe_dump(EURODAC, sort_keys=False))
    for dotted, value in change.items():
        *parents, last = dotted.split(".")
        node = raw
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return raw


@pytest.mark.parametrize("change, message", [
    ({"read.sheeet": "x"}, "p.yaml: key 'read.sheeet': unknown key"),
    ({"colour": "red"}, "p.yaml: key 'colour': unknown key"),
    ({"read.format": "xls"}, "p.yaml: key 'read.format': Input should be 'csv', 'xlsx' or 'parquet'"),
    ({"read.encoding": "klingon"}, "p.yaml: key 'read.encoding': 'klingon' is not a Python codec name"),
    ({"read.delimiter": ";;"}, "p.yaml: key 'read.delimiter': ';;' must be one character"),
    ({"read.sheet": "Blad1"}, "p.yaml: key 'read.sheet': for format xlsx only"),
    ({"read.header_row": 0}, "p.yaml: key 'read.header_row': Input should be greater than or equal to 1"),
    ({"columns.category": None}, "p.yaml: key 'columns': field 'category' of source 'eurodac' is not mapped"),
    ({"columns.colour": "Kleur"}, "p.yaml: key 'columns.colour': not a field of source 'eurodac'"),
    ({"columns.category": "Ref"}, "p.yaml: key 'columns.record_id': header 'Ref' is mapped to more than one field"),
    ({"values.place": {"map": {"a": "b"}}}, "p.yaml: key 'values.place': not a mapped field"),
    ({"values.nationality": {"country": "name_fr"}},
     "p.yaml: key 'values.nationality.country': 'name_fr' is not one of iso3, iso2, name_nl, name_en"),
    ({"values.hit_date": {"date": "%d-%m"}}, "p.yaml: key 'values.hit_date.date': '%d-%m' does not read a whole date"),
    ({"values.hit_date": {"date": "%m-%d-%Y", "digits": 3}}, "p.yaml: key 'values.hit_date': give one of date"),
    ({"values.category": {"map": {"1": True}}}, "p.yaml: key 'values.category.map': True is read by YAML as bool"),
    ({"values.category": {"maps": {}}}, "p.yaml: key 'values.category.maps': unknown key"),
    ({"source": "anpr"}, "p.yaml: key 'source': source 'anpr' is refused"),
    ({"source": "frontex_web"}, "p.yaml: key 'source': unknown source 'frontex_web'"),
])
def test_profile_errors_are_one_line_naming_the_key(tmp_path, change, message):
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(_with(change), sort_keys=False), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    text = str(caught.value)
    assert text.startswith(str(tmp_path / message)), text
    assert "\n" not in text


def test_valid_profile_loads_and_every_example_profile_is_valid():
    profile = profile_from_dict(EURODAC, "p.yaml")
    assert profile.values["hit_date"].date == ["%d-%m-%Y"] and profile.read.encoding == "utf-8-sig"
    reordered = profile_from_dict({**EURODAC, "columns": dict(reversed(list(EURODAC["columns"].items())))})
    assert reordered.fields == list(EURODAC["columns"])  # the canonical CSV's order, whatever the profile's
    examples = sorted((Path(__file__).resolve().parents[1] / "params" / "intake").glob("*.yaml"))
    assert [p.stem for p in examples] == ["eurodac", "ind", "kmar", "police"]
    for path in examples:
        assert load_profile(path).source == path.stem


def test_column_missing_from_the_file_names_key_and_header(tmp_path):
    export = tmp_path / "e.csv"
    export.write_text("Ref;Datum;V;Nat;Eerste;Categorie\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"column 'Cat' \(profile key columns.category\) is not in the file's "
                                         r"header at row 1; the header has: 'Ref', .*'Categorie'$"):
        apply_profile(profile_from_dict(EURODAC), export)


@pytest.mark.parametrize("value, formats, expected", [
    ("23-11-2024", ["%d-%m-%Y"], "2024-11-23"),
    ("2024-11-23 14:05", ["%d-%m-%Y", "%Y-%m-%d %H:%M"], "2024-11-23"),
    (datetime(2024, 11, 23, 14, 5), ["%d-%m-%Y"], "2024-11-23"),  # an Excel date-time cell
    (date(2024, 11, 23), ["%d-%m-%Y"], "2024-11-23"),
    (pd.Timestamp("2024-11-23 08:00"), ["%d-%m-%Y"], "2024-11-23"),  # parquet
    ("45619", ["%d-%m-%Y", "excel"], "2024-11-23"),  # Excel day number
    (45619, ["excel"], "2024-11-23"),
])
def test_dates(value, formats, expected):
    assert to_date(value, formats) == expected


@pytest.mark.parametrize("value, formats", [("31-02-2024", ["%d-%m-%Y"]), ("2024-11-23", ["%d-%m-%Y"]),
                                            ("23-11-2024 extra", ["%d-%m-%Y"]), ("45619", ["%d-%m-%Y"])])
def test_dates_refused(value, formats):
    with pytest.raises(Unmappable, match="not a date in the profile's format"):
        to_date(value, formats)


@pytest.mark.parametrize("text, scheme, expected", [
    ("Syrië", "name_nl", "SYR"), ("syrie", "name_nl", "SYR"), ("Turkije", "name_nl", "TUR"),
    ("Ivoorkust", "name_nl", "CIV"), ("Palestijnse Gebieden", "name_nl", "PSE"),
    ("Democratische Republiek Congo", "name_nl", "COD"), ("Marokko", "name_nl", "MAR"),
    ("Syrian Arab Republic", "name_en", "SYR"), ("Türkiye", "name_en", "TUR"), ("Turkey", "name_en", "TUR"),
    ("Côte d’Ivoire", "name_en", "CIV"), ("Cote d'Ivoire", "name_en", "CIV"), ("Ivory Coast", "name_en", "CIV"),
    ("Iran (Islamic Republic of)", "name_en", "IRN"), ("  ERITREA ", "name_en", "ERI"),
    ("EL", "iso2", "GRC"), ("UK", "iso2", "GBR"), ("XK", "iso2", "XKX"), ("gr", "iso2", "GRC"),
    ("syr", "iso3", "SYR"), ("XKX", "iso3", "XKX"),
    ("Atlantis", "name_en", None), ("ZZ", "iso2", None), ("ABC", "iso3", None), ("Syrië", "name_en", None),
])
def test_countries(text, scheme, expected):
    assert to_iso3(text, scheme) == expected


def test_country_name_variants_are_unambiguous():
    variants = pd.read_csv(Path(__file__).resolve().parents[1] / "routekit" / "reference" / "country_names.csv",
                           dtype=str, keep_default_na=False)
    keyed = variants.assign(key=variants["name"].map(normalise_name))
    per_name = keyed.groupby(["language", "key"])["iso3"].nunique()
    assert (per_name == 1).all(), per_name[per_name > 1]
    assert set(keyed["iso3"]) <= set(pd.read_csv(Path(__file__).resolve().parents[1] / "routekit" / "reference" /
                                                 "countries.csv", keep_default_na=False)["iso3"])
    for language in ("en", "nl"):
        lookup = names(language)
        assert all(lookup[key] == iso3 for key, iso3 in zip(keyed.loc[keyed.language == language, "key"],
                                                            keyed.loc[keyed.language == language, "iso3"]))


@pytest.mark.parametrize("value, expected", [
    ("1234567890", "1234567890"), ("123456789", "0123456789"), (123456789, "0123456789"),
    (1234567890.0, "1234567890"), ("1234567890.0", "1234567890"), ("123456789,0", "0123456789"),
    ("1234 567 890", "1234567890"), ("1.234.567.890", "1234567890"), ("1234-567-890", "1234567890"),
    ("1.234567890E+09", "1234567890"), ("9.87654321E+8", "0987654321"),
])
def test_digits_kept(value, expected):
    assert to_digits(value, 10) == expected


@pytest.mark.parametrize("value, problem", [
    ("1.23457E+09", "precision lost"), ("1.23456789E+09", "precision lost"), ("12345678901", "more than 10 digits"),
    (12345678901, "more than 10 digits"), ("1234567.89", "not a whole number"), (1234567.5, "not a whole number"),
    ("V123", "not a number"), ("12 34a", "not a number"), (True, "not a number"),
])
def test_digits_refused(value, problem):
    with pytest.raises(Unmappable, match=problem):
        to_digits(value, 10)


def test_map_with_exceptions_and_plain_text():
    rule = ValueRule(country=["name_nl"], map={"Staatloos": "XXA"})
    from routekit.intake.values import convert

    assert convert("staatloos", rule) == "XXA" and convert("Syrië", rule) == "SYR"
    with pytest.raises(Unmappable, match=r"^not in the profile's map$"):
        convert("Frans", ValueRule(map={"Nederlands": "nl"}))
    assert as_text(3.0) == "3" and as_text(datetime(2024, 1, 2)) == "2024-01-02" and as_text(None) == ""


def _eurodac_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_csv_reader_title_rows_bom_blank_rows_and_spreadsheet_rows(tmp_path):
    raw = _with({"read.header_row": 3, "read.encoding": "utf-8"})
    export = _eurodac_csv(tmp_path / "e.csv", [
        "\ufeffEurodac treffers", "", "Ref;Datum;V;Nat;Eerste;Cat",
        "ED-1;05-01-2024;123456789;Griekenland;EL;1",
        ";;;;;",
        "ED-2;06-01-2024;2234567890;Narnia;IT;2",
        "ED-3;07-01-2024;3234567890;Syrië;XX;2",
    ])
    intake = apply_profile(profile_from_dict(raw), export)
    assert intake.rows_in == 3
    assert intake.canonical.iloc[0].tolist() == ["ED-1", "2024-01-05", "0123456789", "GRC", "GRC", "1"]
    assert intake.rejects[["row", "reason"]].values.tolist() == [
        [6, "nationality: not a known country (name_nl)"],
        [7, "first_registration_country: not a known country (iso2)"]]


def test_csv_in_the_wrong_encoding_is_one_line(tmp_path):
    export = _eurodac_csv(tmp_path / "e.csv", ["Ref;Datum;V;Nat;Eerste;Cat", "ED-1;05-01-2024;1;Syrië;EL;1"],
                          encoding="cp1252")
    with pytest.raises(InputError, match=r"not utf-8-sig text \(byte \d+\); set read.encoding"):
        apply_profile(profile_from_dict(EURODAC), export)
    intake = apply_profile(profile_from_dict(_with({"read.encoding": "cp1252"})), export)
    assert intake.canonical["nationality"].tolist() == ["SYR"]


def test_repeated_header_is_refused(tmp_path):
    export = _eurodac_csv(tmp_path / "e.csv", ["Ref;Datum;V;Nat;Nat;Eerste;Cat"])
    with pytest.raises(InputError, match=r"row 1: column 'Nat' appears twice in the header"):
        apply_profile(profile_from_dict(EURODAC), export)


def test_xlsx_reader_sheet_title_rows_and_date_cells(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Voorblad"
    sheet = workbook.create_sheet("Treffers")
    sheet.append(["Overzicht treffers"])
    sheet.append(["Ref", "Datum", "V", "Nat", "Eerste", "Cat"])
    sheet.append(["ED-1", datetime(2024, 3, 9, 17, 30), 123456789, "Syrië", "EL", 3])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["ED-2", "10-03-2024", 1.23457e9, "Irak", "IT", 1])
    workbook.save(tmp_path / "e.xlsx")
    raw = _with({"read": {"format": "xlsx", "sheet": "Treffers", "header_row": 2}})
    intake = apply_profile(profile_from_dict(raw), tmp_path / "e.xlsx")
    assert intake.canonical.iloc[0].tolist() == ["ED-1", "2024-03-09", "0123456789", "SYR", "GRC", "3"]
    assert intake.canonical.iloc[1].tolist() == ["ED-2", "2024-03-10", "1234570000", "IRQ", "ITA", "1"]
    with pytest.raises(InputError, match=r"no sheet 'Blad1' \(read.sheet\); the workbook has: Voorblad, Treffers"):
        apply_profile(profile_from_dict(_with({"read": {"format": "xlsx", "sheet": "Blad1"}})), tmp_path / "e.xlsx")


def test_parquet_reader(tmp_path):
    frame = pd.DataFrame({"Ref": ["ED-1"], "Datum": [pd.Timestamp("2024-02-01")], "V": [123456789],
                          "Nat": ["Syrië"], "Eerste": ["EL"], "Cat": ["2"]})
    frame.to_parquet(tmp_path / "e.parquet")
    raw = _with({"read": {"format": "parquet"}})
    intake = apply_profile(profile_from_dict(raw), tmp_path / "e.parquet")
    assert intake.canonical.iloc[0].tolist() == ["ED-1", "2024-02-01", "0123456789", "SYR", "GRC", "2"]


@pytest.mark.parametrize("source", ["kmar", "ind", "police", "eurodac", "mobility"])
def test_template_is_a_valid_profile_for_the_canonical_csv(source):
    from routekit.sources import get_source

    text = profile_template(source)
    assert text.startswith(f"# Intake profile for source '{source}'")
    profile = profile_from_dict(yaml.safe_load(text))
    assert profile.columns == {name: name for name in get_source(source).schema.columns}


def test_template_reads_the_canonical_csv_unchanged(tmp_path):
    canonical = pd.DataFrame({"record_id": ["ED-1"], "hit_date": ["2024-01-31"], "v_number": ["0123456789"],
                              "nationality": ["SYR"], "first_registration_country": ["GRC"], "category": ["3"]})
    canonical.to_csv(tmp_path / "eurodac.csv", index=False)
    intake = apply_profile(profile_from_dict(yaml.safe_load(profile_template("eurodac"))), tmp_path / "eurodac.csv")
    pd.testing.assert_frame_equal(intake.canonical.astype(str), canonical)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "routekit.cli", *args], capture_output=True, text=True)


def test_cli_errors_are_one_line(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text(yaml.safe_dump(_with({"read.sheeet": "x"})))
    done = _cli("intake", "check", "--profile", str(bad), str(tmp_path / "e.csv"))
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [f"error: {bad}: key 'read.sheeet': unknown key"]
    usage = _cli("intake", "check", str(tmp_path / "e.csv"))
    assert usage.returncode == 2 and len(usage.stderr.strip().splitlines()) == 1 and "--profile" in usage.stderr
    unknown = _cli("intake", "template", "--source", "nope")
    assert unknown.returncode == 2 and unknown.stderr.strip().splitlines() == [
        "error: unknown source 'nope'; routekit accepts: " + unknown.stderr.split("accepts: ")[1].strip()]
    template = _cli("intake", "template", "--source", "police")
    assert template.returncode == 0 and "  report_text: \"report_text\"" in template.stdout
