"""Tables on a page: shown as HTML and written as a CSV file inside the site, linked from the page.

Every table passes the privacy gate first. A table built only from public sources gets a file
name starting with ``public-`` and says so in its caption.
"""

from __future__ import annotations

import html
import numbers
import os
from pathlib import Path

import pandas as pd

from routekit.disclosure.gate import assert_publishable
from routekit.spreadsheet import formula_like, quoted

#: rows a table shows on paper at most: a longer table is cut to its top rows there (about one
#: A4 page at the print size), and the page says where the full CSV is
PRINT_ROWS = 25

LABELS = {
    "nl": {"download": "Download als CSV", "public": "Alleen openbare bronnen", "rows": "rijen",
           "print_more": "De eerste {shown} van {total} rijen; de volledige tabel staat in het bestand {file} "
                         "bij de website van dit rapport.",
           "suppressed": "onderdrukt",
           "marks": "≥ ondergrens: een of meer maanden of cellen zijn om privacyredenen niet "
                    "gepubliceerd (minder dan {k} personen, of afgeschermd om die te beschermen); "
                    "x: niets gepubliceerd.",
           "not_released": "niet geleverd: de bron heeft voor (een maand van) deze periode niets geleverd; "
                           "dat is geen nul, dus er is ook geen verandering berekend."},
    "en": {"download": "Download as CSV", "public": "Public sources only", "rows": "rows",
           "print_more": "The first {shown} of {total} rows; the full table is in the file {file} on the "
                         "report's website.",
           "suppressed": "suppressed",
           "marks": "≥ lower bound: one or more months or cells were withheld for privacy "
                    "(fewer than {k} persons, or withheld to protect such a cell); x: nothing "
                    "published.",
           "not_released": "not released: the source delivered nothing for (a month of) this period; "
                           "that is not a zero, so no change is computed either."},
}
#: How a marked cell reads on the page and in the CSV's ``<column> status`` column.
MARK_TEXT = {"lower_bound": "≥ {value}", "suppressed": "x"}
#: A partner source that delivered nothing for (a month of) the period: never a 0, never -100%.
NOT_RELEASED = "not_released"
NOT_RELEASED_TEXT = {"nl": "niet geleverd", "en": "not released"}


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text.lower()).strip("-")


def format_cell(value, language: str) -> str:
    """Numbers in the report's language (nl: 1.234,5; en: 1,234.5)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return html.escape(str(value))
    if isinstance(value, numbers.Integral) or (isinstance(value, numbers.Real) and float(value).is_integer()):
        text = f"{int(value):,}"
    elif isinstance(value, numbers.Real):
        text = f"{float(value):,.1f}"
    else:
        return html.escape(str(value))
    if language == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def cell_marks(frame: pd.DataFrame) -> dict[str, list[str]]:
    """Per column, per row: '' (complete), 'lower_bound' or 'suppressed' (see views.cell_mark)."""
    marks = frame.attrs.get("cell_marks") or {}
    return {column: list(values) for column, values in marks.items()
            if column in frame.columns and len(values) == len(frame) and any(values)}


def with_status_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The CSV twin of the marks: a ``<column> status`` column next to each marked column."""
    marks = cell_marks(frame)
    if not marks:
        return frame
    out = frame.copy()
    for column, values in marks.items():
        position = out.columns.get_loc(column) + 1
        out.insert(position, f"{column} status", [v or "complete" for v in values])
    return out


def write_table(frame: pd.DataFrame, name: str, tables_dir: Path, threshold: int,
                public: bool = False) -> Path:
    """Check and write a table as CSV; returns the file path."""
    assert_publishable(frame, threshold, what=f"table '{name}'", public=public)
    frame = with_status_columns(frame)
    filename = _slug(name)
    if public and not filename.startswith("public-"):
        filename = "public-" + filename
    tables_dir.mkdir(parents=True, exist_ok=True)
    path = tables_dir / f"{filename}.csv"
    _without_formulas(frame).to_csv(path, index=False, lineterminator="\n")
    return path


_PLAIN = r"^(-|[+-]?\d+([.,]\d+)?%?)$"  # a placeholder dash or a signed number: not a formula


def _without_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula (a title '=HYPERLINK(...)') get a leading
    quote: the site's CSVs are opened in spreadsheets by readers. Counts and numbers stay."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) or pd.api.types.is_bool_dtype(frame[column]):
            continue
        values = frame[column]
        text = values.astype(str)
        risky = values.map(lambda v: isinstance(v, str)) & formula_like(text) & ~text.str.match(_PLAIN)
        if risky.any():
            frame[column] = quoted(values, risky)
    return frame


def _marked(value, mark: str, language: str) -> str:
    if not mark:
        return format_cell(value, language)
    if mark == NOT_RELEASED:
        return html.escape(NOT_RELEASED_TEXT[language])
    return html.escape(MARK_TEXT[mark].format(value=format_cell(value, language)))


def _is_numeric(column: pd.Series) -> bool:
    """Counts and measures, which are right-aligned and never wrapped (booleans are words)."""
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def table_html(frame: pd.DataFrame, csv_href: str, caption: str, language: str,
               public: bool = False, max_rows: int = 40, column_labels: dict | None = None,
               threshold: int | None = None) -> str:
    """An accessible HTML table with caption, localised numbers and a CSV download link.

    Number columns (numeric dtype, marked cells, or named in ``frame.attrs["number_columns"]``,
    e.g. formatted ratios) are right-aligned and never wrapped."""
    labels = LABELS[language]
    shown = frame.head(max_rows)
    on_paper = min(len(shown), PRINT_ROWS)
    marks = cell_marks(frame)
    numeric = [_is_numeric(frame[c]) or c in marks or c in frame.attrs.get("number_columns", ())
               for c in shown.columns]
    css = [" class='rk-num'" if n else "" for n in numeric]
    head = "".join(f"<th scope='col'{k}>{html.escape(str((column_labels or {}).get(c, c)))}</th>"
                   for c, k in zip(shown.columns, css))
    body = "".join(
        ("<tr class='rk-screen-only'>" if i >= on_paper else "<tr>") + "".join(f"<td{k}>{_marked(v, marks.get(c, [''] * len(frame))[i], language)}</td>"
                         for c, v, k in zip(shown.columns, row, css)) + "</tr>"
        for i, row in enumerate(shown.itertuples(index=False))
    )
    kinds = {m for values in marks.values() for m in values if m}
    legend = (f"<p class='rk-table-marks'>{html.escape(labels['marks'].format(k=threshold or ''))}</p>"
              if kinds - {NOT_RELEASED} else "")
    if NOT_RELEASED in kinds:
        legend += f"<p class='rk-table-marks'>{html.escape(labels['not_released'])}</p>"
    note = f" ({labels['public']})" if public else ""
    more = (f"<p class='rk-table-more rk-screen-only'>{len(shown)} / {len(frame)} {labels['rows']}</p>"
            if len(frame) > max_rows else "")
    if len(frame) > on_paper:  # on paper: the top rows, and where the rest is (a link would not work)
        more += (f"<p class='rk-table-more rk-print-only'>"
                 f"{html.escape(labels['print_more'].format(shown=on_paper, total=len(frame), file=os.path.basename(csv_href)))}"
                 f"</p>")
    return (
        f"<figure class='rk-table'><table class='table rk-data'>"
        f"<caption>{html.escape(caption)}{html.escape(note)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}{legend}"
        f"<p class='rk-download'><a href='{html.escape(csv_href)}' download>"
        f"{labels['download']}: {html.escape(os.path.basename(csv_href))}</a></p></figure>"
    )
