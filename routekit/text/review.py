"""The analyst review loop inside a partner: uncertain extractions out to a sheet, corrections back in.

1. ``export_review`` writes the records whose confidence is below a bound to an .xlsx sheet: the text, the
   proposed route, modes and smuggler, and the reasons (``calibration.FLAG_TEXTS``), with empty columns for
   the analyst (``reviewed``, ``route``, ``modes``, ``smuggler``).
2. ``import_review`` checks the returned sheet (ISO3 codes, one mode per leg from the mode list, yes/no/unknown)
   and writes the corrections CSV: ``id, text, route, modes, smuggler, proposed_route, corrected`` for every
   reviewed row. That file is the partner's own gold set (``routekit evaluate-extraction CORRECTIONS.csv``).
3. ``routekit release --corrections CORRECTIONS.csv`` uses a reviewed route instead of the extraction
   (``apply_corrections``) and the manifest counts records extracted, reviewed and corrected.

The sheet and the corrections hold the texts: they stay inside the partner like the extract itself.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from routekit.errors import InputError

# The free-text column of each partner extract (routekit.synth / the source registry), and a plain gold set's.
TEXT_COLUMNS = ("narrative", "report_text", "route_statement", "text")
ID_COLUMNS = ("record_id", "id")
PROPOSED = ["proposed_route", "proposed_modes", "proposed_smuggler"]
ANALYST = ["reviewed", "route", "modes", "smuggler"]
SHEET_COLUMNS = ["id", "confidence", *PROPOSED, "reasons", "text", *ANALYST]
CORRECTION_COLUMNS = ["id", "text", "route", "modes", "smuggler", "proposed_route", "corrected"]
YES = frozenset({"yes", "ja", "y", "j", "x", "1", "true", "ok", "done"})
SMUGGLER_VALUES = ("yes", "no", "unknown")
# Hidden columns that carry a reviewed route from the corrections to the release's structuring step.
REVIEWED_ROUTE, REVIEWED_MODES, REVIEWED_SMUGGLER = "_reviewed_route", "_reviewed_modes", "_reviewed_smuggler"


def _pick(frame: pd.DataFrame, given: str | None, candidates: tuple[str, ...], path: Path, what: str) -> str:
    if given:
        if given not in frame.columns:
            raise InputError(path, "column is missing", field=given)
        return given
    found = next((c for c in candidates if c in frame.columns), None)
    if found is None:
        raise InputError(path, f"no {what} column (one of {', '.join(candidates)}; or name it)")
    return found


def export_review(input: Path, out: Path, below: float = 0.7, id_column: str | None = None,
                  text_column: str | None = None) -> int:
    """Write the records with confidence below ``below`` to the sheet ``out`` (.xlsx); returns their number."""
    from routekit.text.calibration import FLAG_TEXTS
    from routekit.text.extraction import extract_route
    from routekit.text.tables import read_table

    input, out = Path(input), Path(out)
    if not 0.0 < below <= 1.0:
        raise InputError(input, f"--below must lie in (0, 1], got {below}")
    if out.suffix.lower() != ".xlsx":
        raise InputError(out, "the review sheet must be an .xlsx file")
    frame = read_table(input, [])
    id_column = _pick(frame, id_column, ID_COLUMNS, input, "id")
    text_column = _pick(frame, text_column, TEXT_COLUMNS, input, "text")
    rows = []
    for identifier, text in zip(frame[id_column], frame[text_column]):
        if not str(text).strip():
            continue   # no text, nothing to review
        result = extract_route(text)
        if result.confidence >= below:
            continue
        reasons = ([FLAG_TEXTS.get(flag, flag) for flag in result.flags] + list(result.notes)
                   or ([result.reason] if result.reason else []) or ["a long or complex text"])
        rows.append({"id": identifier, "confidence": result.confidence, "proposed_route": result.route_text,
                     "proposed_modes": result.modes_text, "proposed_smuggler": result.smuggler,
                     "reasons": "; ".join(reasons), "text": text, "reviewed": "", "route": "", "modes": "",
                     "smuggler": ""})
    sheet = pd.DataFrame(rows, columns=SHEET_COLUMNS).sort_values(["confidence", "id"], kind="stable")
    out.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        sheet.to_excel(writer, sheet_name="review", index=False)
        _layout(writer.sheets["review"])
    return len(sheet)


def _layout(worksheet) -> None:
    """Readable for an analyst: frozen header, wide wrapped text, the analyst's columns marked."""
    from openpyxl.styles import Alignment, Font, PatternFill

    widths = {"A": 14, "B": 11, "C": 26, "D": 22, "E": 10, "F": 34, "G": 80, "H": 10, "I": 26, "J": 22, "K": 10}
    for column, width in widths.items():
        worksheet.column_dimensions[column].width = width
    worksheet.freeze_panes = "B2"
    fill = PatternFill("solid", fgColor="FFF2CC")
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        if cell.value in ANALYST:
            cell.fill = fill
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.replace(" ", "").split(">") if part.strip()]


def import_review(sheet: Path, out: Path) -> pd.DataFrame:
    """Check the analyst's sheet and write the corrections CSV (reviewed rows only); returns that frame.

    A row counts as reviewed when ``reviewed`` is marked (yes/ja/x/1) or a correction is filled in; an empty
    ``route`` on a reviewed row confirms the proposed route. Raises InputError naming the row and field.
    """
    from routekit.reference import countries
    from routekit.text.vocabulary import mode_vocabulary

    sheet, out = Path(sheet), Path(out)
    if not sheet.is_file():
        raise InputError(sheet, "file not found")
    try:
        frame = pd.read_excel(sheet, sheet_name=0, dtype=str, engine="openpyxl")
    except (ValueError, OSError, KeyError, zipfile.BadZipFile) as error:
        raise InputError(sheet, f"not a readable .xlsx sheet ({type(error).__name__})") from None
    for column in SHEET_COLUMNS:
        if column not in frame.columns:
            raise InputError(sheet, "column is missing (export a fresh sheet with 'routekit review export')",
                             field=column)
    valid_countries, valid_modes = set(countries().index), set(mode_vocabulary())
    records = []
    for position, row in enumerate(frame.to_dict("records")):
        excel_row = position + 2   # the header is row 1
        values = {column: _cell(row[column]) for column in SHEET_COLUMNS}
        reviewed = values["reviewed"].lower() in YES or any(values[c] for c in ("route", "modes", "smuggler"))
        if values["reviewed"] and values["reviewed"].lower() not in YES | {"no", "nee", "n", "0", "false"}:
            raise InputError(sheet, "write yes or leave empty", row=excel_row, field="reviewed")
        if not reviewed:
            continue
        route = _codes(values["route"]) if values["route"] else _codes(values["proposed_route"])
        unknown = [code for code in route if code not in valid_countries]
        if unknown:
            raise InputError(sheet, f"not an ISO3 country code: {unknown[0]}", row=excel_row, field="route")
        if len(set(route)) != len(route):
            raise InputError(sheet, "a country appears twice (keep its first arrival)", row=excel_row, field="route")
        if len(route) == 1:
            raise InputError(sheet, "one country is no route (leave empty for no route)", row=excel_row,
                             field="route")
        if values["modes"]:
            modes = [m.strip().lower() for m in values["modes"].split(">")]
        elif values["route"] and _codes(values["route"]) != _codes(values["proposed_route"]):
            modes = ["unknown"] * max(len(route) - 1, 0)   # a new route without modes: not told
        else:
            modes = [m for m in values["proposed_modes"].split(">") if m]
        if len(modes) != max(len(route) - 1, 0):
            raise InputError(sheet, f"{len(route) - 1} legs need {len(route) - 1} modes, got {len(modes)}",
                             row=excel_row, field="modes")
        bad = [m for m in modes if m not in valid_modes]
        if bad:
            raise InputError(sheet, f"not a mode ({', '.join(sorted(valid_modes))}): {bad[0]}", row=excel_row,
                             field="modes")
        smuggler = (values["smuggler"] or values["proposed_smuggler"] or "unknown").lower()
        if smuggler not in SMUGGLER_VALUES:
            raise InputError(sheet, "write yes, no or unknown", row=excel_row, field="smuggler")
        joined_route, joined_modes = ">".join(route), ">".join(modes)
        corrected = (joined_route != ">".join(_codes(values["proposed_route"]))
                     or joined_modes != values["proposed_modes"] or smuggler != values["proposed_smuggler"])
        records.append({"id": values["id"], "text": values["text"], "route": joined_route, "modes": joined_modes,
                        "smuggler": smuggler, "proposed_route": values["proposed_route"], "corrected": corrected})
    corrections = pd.DataFrame(records, columns=CORRECTION_COLUMNS)
    if corrections["id"].duplicated().any():
        duplicate = corrections.loc[corrections["id"].duplicated(), "id"].iloc[0]
        raise InputError(sheet, f"record {duplicate} is reviewed twice", field="id")
    out.parent.mkdir(parents=True, exist_ok=True)
    corrections.to_csv(out, index=False)
    return corrections


def read_corrections(path: Path) -> pd.DataFrame:
    """A corrections CSV written by ``import_review`` (id, route, modes, smuggler, corrected)."""
    from routekit.text.tables import read_table

    frame = read_table(Path(path), ["id", "route", "modes", "smuggler", "corrected"])
    frame["corrected"] = frame["corrected"].str.strip().str.lower().isin(["true", "1", "yes"])
    return frame


def attach_corrections(rows: pd.DataFrame, corrections: pd.DataFrame, id_column: str = "record_id") -> pd.DataFrame:
    """The extract's rows with the reviewed route, modes and smuggler of each reviewed record (else empty)."""
    by_id = corrections.drop_duplicates("id").set_index("id")
    keys = rows[id_column].astype(str)
    out = rows.copy()
    for column, target in (("route", REVIEWED_ROUTE), ("modes", REVIEWED_MODES), ("smuggler", REVIEWED_SMUGGLER)):
        out[target] = keys.map(by_id[column]).fillna("").to_numpy()
    out.attrs["review"] = review_counts(rows, corrections, id_column)
    return out


def review_counts(rows: pd.DataFrame, corrections: pd.DataFrame, id_column: str = "record_id") -> dict[str, int]:
    """Records extracted (all rows), reviewed (in the corrections) and corrected (reviewed and changed)."""
    present = corrections[corrections["id"].astype(str).isin(set(rows[id_column].astype(str)))]
    return {"extracted": int(len(rows)), "reviewed": int(len(present)), "corrected": int(present["corrected"].sum())}


def apply_corrections(extracted: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """``extract_frame`` output (aligned with ``rows``) with each reviewed record's route, modes and smuggler."""
    if REVIEWED_ROUTE not in rows.columns:
        return extracted
    reviewed = (rows[REVIEWED_SMUGGLER].astype(str) != "").to_numpy()
    out = extracted.copy()
    for column, source in (("route", REVIEWED_ROUTE), ("modes", REVIEWED_MODES), ("smuggler", REVIEWED_SMUGGLER)):
        out.loc[reviewed, column] = rows[source].to_numpy()[reviewed]
    out.loc[reviewed, "route_asked"] = True
    return out


def corrections_path(input: Path) -> Path:
    """Where ``release`` looks for an extract's corrections: ``<input dir>/<input stem>.corrections.csv``."""
    input = Path(input)
    return input.with_name(f"{input.stem}.corrections.csv")


def reviewed_rows(rows: pd.DataFrame, input: Path, threshold: int, id_column: str = "record_id",
                  text_column: str | None = None) -> tuple[pd.DataFrame, dict]:
    """The extract's rows with its corrections attached (when ``corrections_path(input)`` exists) and the
    manifest's review counts: records extracted (with text), reviewed and corrected. A count between 0 and the
    suppression threshold is written as "<K", like any small count that leaves the partner."""
    path = corrections_path(input)
    text_column = text_column or next((c for c in TEXT_COLUMNS if c in rows.columns), None)
    if text_column is None or id_column not in rows.columns:
        return rows, {}
    with_text = rows[rows[text_column].fillna("").astype(str).str.strip() != ""]
    counts = {"extracted": int(len(with_text)), "reviewed": 0, "corrected": 0}
    if path.is_file():
        corrections = read_corrections(path)
        rows = attach_corrections(rows, corrections, id_column)
        counts.update({k: v for k, v in review_counts(with_text, corrections, id_column).items() if k != "extracted"})
    shown = {name: (f"<{threshold}" if 0 < n < threshold else n) for name, n in counts.items()}
    return rows, {"corrections_file": path.name if path.is_file() else None, **shown}
