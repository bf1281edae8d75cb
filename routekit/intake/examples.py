"""The demo extracts written the way each partner's system would export them.

One layout per partner, each with the quirks real exports have, read back by the profiles in
``params/intake/``:

- KMar: an Excel workbook, sheet 'Aantreffen', two title rows and a blank row above the header,
  date-time cells, v-numbers as number cells (a leading zero is lost), ISO2 and English names.
- IND: CSV with a BOM and semicolons, dd-mm-jjjj dates, Dutch country names, v-numbers written in
  groups, the interview language in Dutch words.
- Police: Windows-1252 CSV, date-times, v-numbers as a float column ('1234567890.0').
- Eurodac: tab-separated, dd/mm/yyyy dates, Eurostat's ISO2 codes (EL for Greece).

``routekit synth --export-style`` writes them beside the canonical CSVs, so the whole path
(export -> profile -> release) runs on the demo as in CI.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.reference import countries

EXPORT_FILES = {"kmar": "kmar_aantreffen.xlsx", "ind": "ind_gehoren.csv", "police": "politie_pv.csv",
                "eurodac": "eurodac_treffers.tsv"}
POLICE_ENCODING = "cp1252"

# how an export spells some countries, to exercise the name variants (others: the gazetteer's names)
ENGLISH_AS_EXPORTED = {"SYR": "Syrian Arab Republic", "TUR": "Turkey", "CIV": "Ivory Coast",
                       "PSE": "Palestinian Territories", "IRN": "Iran (Islamic Republic of)"}
DUTCH_AS_EXPORTED = {"PSE": "Palestijnse Gebieden", "COD": "Democratische Republiek Congo", "GEO": "Georgië"}
KMAR_CROSSING = {"land": "Land", "air": "Lucht", "sea": "Zee"}
IND_LANGUAGE = {"nl": "Nederlands", "en": "Engels"}
EURODAC_CATEGORY = {"1": "CAT1", "2": "CAT2", "3": "CAT3"}


def as_stored(source: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows as the partner's system holds them: a Windows-1252 system cannot hold 'ł'."""
    if source != "police":
        return frame
    return frame.map(lambda v: v.encode(POLICE_ENCODING, errors="replace").decode(POLICE_ENCODING)
                     if isinstance(v, str) else v)


def write_export(source: str, frame: pd.DataFrame, folder: Path) -> Path:
    """Write ``frame`` (canonical text columns) in ``source``'s export layout; returns the file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXPORT_FILES[source]
    {"kmar": _kmar, "ind": _ind, "police": _police, "eurodac": _eurodac}[source](frame, path)
    return path


def write_exports(partners: Path, folder: Path) -> dict[str, Path]:
    """Every partner extract in ``partners/`` written in its export layout into ``folder``."""
    written = {}
    for source in EXPORT_FILES:
        frame = pd.read_csv(Path(partners) / f"{source}.csv", dtype=str, keep_default_na=False)
        written[source] = write_export(source, frame, folder)
    return written


def _alpha2(codes: pd.Series) -> pd.Series:
    import pycountry

    from routekit.reference import NON_ISO_ALPHA2

    as_eurostat = {iso3: alpha2 for alpha2, iso3 in NON_ISO_ALPHA2.items()}

    def one(code: str) -> str:
        if code in as_eurostat:
            return as_eurostat[code]
        country = pycountry.countries.get(alpha_3=code)
        return country.alpha_2 if country else code
    return codes.map(one)


def _names(codes: pd.Series, language: str, overrides: dict[str, str]) -> pd.Series:
    table = countries()[f"name_{language}"]
    return codes.map(lambda code: overrides.get(code) or table.get(code, code))


def _date_time(dates: pd.Series, seed_minutes: pd.Series) -> pd.Series:
    """A time of day per record, as a system that logs date-times would export it."""
    return pd.to_datetime(dates) + pd.to_timedelta(seed_minutes % (24 * 60), unit="min")


def _kmar(frame: pd.DataFrame, path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    minutes = pd.Series(range(len(frame)), index=frame.index) * 37 + 6 * 60
    export = pd.DataFrame({
        "Registratienummer": frame["record_id"],
        "Datum/tijd aantreffen": _date_time(frame["date"], minutes).dt.to_pydatetime(),
        "Grensdoorlaatpost": frame["crossing_point"],
        "Soort grens": frame["crossing_type"].map(KMAR_CROSSING),
        "Laatste land (ISO2)": _alpha2(frame["last_country"]),
        "Nationaliteit": _names(frame["nationality"], "en", ENGLISH_AS_EXPORTED),
        "Vervoermiddel": frame["transport"],
        "V-nummer": frame["v_number"].astype("int64"),
        "Verklaring route": frame["route_statement"],
    })
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Aantreffen"
    sheet.append(["Koninklijke Marechaussee - aantreffen aan de grens"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([f"Periode: {frame['date'].min()} t/m {frame['date'].max()}"])
    sheet.append([])
    sheet.append(list(export.columns))
    for record in export.itertuples(index=False):
        sheet.append([None if value == "" else value for value in record])
    for cell in sheet["B"][4:]:
        cell.number_format = "dd-mm-yyyy hh:mm"
    workbook.save(path)


def _ind(frame: pd.DataFrame, path: Path) -> None:
    v = frame["v_number"]
    export = pd.DataFrame({
        "Zaaknummer": frame["record_id"],
        "Datum aanvraag": pd.to_datetime(frame["application_date"]).dt.strftime("%d-%m-%Y"),
        "Datum nader gehoor": pd.to_datetime(frame["interview_date"]).dt.strftime("%d-%m-%Y"),
        "Nationaliteit": _names(frame["nationality"], "nl", DUTCH_AS_EXPORTED),
        "V-nummer": v.str[:4] + " " + v.str[4:7] + " " + v.str[7:],
        "Taal gehoor": frame["language"].map(IND_LANGUAGE),
        "Relaas": frame["narrative"],
    })
    export.to_csv(path, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _police(frame: pd.DataFrame, path: Path) -> None:
    stored = as_stored("police", frame)
    export = pd.DataFrame({
        "PV-nummer": stored["record_id"],
        "Datum mutatie": pd.to_datetime(stored["date"]).dt.strftime("%Y-%m-%d %H:%M:%S"),
        "Plaats": stored["place"],
        "Nationaliteit": stored["nationality"],
        "V-nummer": stored["v_number"].astype(float).map(repr),
        "Mutatietekst": stored["report_text"],
    })
    export.to_csv(path, index=False, encoding=POLICE_ENCODING, lineterminator="\r\n")


def _eurodac(frame: pd.DataFrame, path: Path) -> None:
    export = pd.DataFrame({
        "Referentie": frame["record_id"],
        "Datum treffer": pd.to_datetime(frame["hit_date"]).dt.strftime("%d/%m/%Y"),
        "V-nummer": frame["v_number"],
        "Nationaliteit": _alpha2(frame["nationality"]),
        "Land eerste registratie": _alpha2(frame["first_registration_country"]),
        "Categorie": frame["category"].map(EURODAC_CATEGORY),
    })
    export.to_csv(path, sep="\t", index=False, encoding="utf-8", lineterminator="\n")
