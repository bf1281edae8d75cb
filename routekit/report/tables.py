"""Tables on a page: shown as HTML and written as a CSV file inside the site, linked from the page.

Every table passes the privacy gate first. A table built only from public sources gets a file
name starting with ``public-`` and says so in its caption.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd

from routekit.report.privacy import assert_publishable

LABELS = {
    "nl": {"download": "Download als CSV", "public": "Alleen openbare bronnen", "rows": "rijen",
           "suppressed": "onderdrukt"},
    "en": {"download": "Download as CSV", "public": "Public sources only", "rows": "rows",
           "suppressed": "suppressed"},
}


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text.lower()).strip("-")


def format_cell(value, language: str) -> str:
    """Numbers in the report's language (nl: 1.234,5; en: 1,234.5)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (int,)) or (isinstance(value, float) and float(value).is_integer()):
        text = f"{int(value):,}"
    elif isinstance(value, float):
        text = f"{value:,.1f}"
    else:
        return html.escape(str(value))
    if language == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def write_table(frame: pd.DataFrame, name: str, tables_dir: Path, threshold: int,
                public: bool = False) -> Path:
    """Check and write a table as CSV; returns the file path."""
    assert_publishable(frame, threshold, what=f"table '{name}'", public=public)
    filename = _slug(name)
    if public and not filename.startswith("public-"):
        filename = "public-" + filename
    tables_dir.mkdir(parents=True, exist_ok=True)
    path = tables_dir / f"{filename}.csv"
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def table_html(frame: pd.DataFrame, csv_href: str, caption: str, language: str,
               public: bool = False, max_rows: int = 40, column_labels: dict | None = None) -> str:
    """An accessible HTML table with caption, localised numbers and a CSV download link."""
    labels = LABELS[language]
    shown = frame.head(max_rows)
    head = "".join(f"<th scope='col'>{html.escape(str((column_labels or {}).get(c, c)))}</th>"
                   for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{format_cell(v, language)}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False)
    )
    note = f" ({labels['public']})" if public else ""
    more = (f"<p class='rk-table-more'>{len(shown)} / {len(frame)} {labels['rows']}</p>"
            if len(frame) > max_rows else "")
    return (
        f"<figure class='rk-table'><table class='table rk-data'>"
        f"<caption>{html.escape(caption)}{html.escape(note)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
        f"<p class='rk-download'><a href='{html.escape(csv_href)}' download>"
        f"{labels['download']}: {html.escape(os.path.basename(csv_href))}</a></p></figure>"
    )
