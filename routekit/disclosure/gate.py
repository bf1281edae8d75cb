"""The last gate before anything is shown: no small count and no identifier reaches a page.

Releases already apply disclosure control; this module re-checks every table, chart source and
map layer the report displays, so a bug upstream fails the build instead of publishing a risk.
"""

from __future__ import annotations

import re

import pandas as pd

from routekit.errors import DisclosureError

# Columns that hold counts of persons (as opposed to rates, intervals or public statistics).
COUNT_COLUMNS = ("count", "observed", "persons", "records", "subscribers", "n")
IDENTIFIER_PATTERNS = {
    "v-number": re.compile(r"(?<!\d)\d{10}(?!\d)"),
    "phone number": re.compile(r"\+\d{2,3}[\s-]?\d"),
    "e-mail address": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
}
FORBIDDEN_COLUMNS = ("v_number", "token", "record_id", "name", "narrative", "report_text",
                     "route_statement", "birth_date", "phone")


def not_counts(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Mark numeric columns that are not counts of persons (shares, ratios, days, years).

    The privacy gate fails closed: every numeric column of a table is checked against the
    threshold unless the view that made the table declares it here.
    """
    frame.attrs["not_counts"] = [*frame.attrs.get("not_counts", []), *columns]
    return frame


def suppress_small(frame: pd.DataFrame, columns, threshold: int) -> pd.DataFrame:
    """Blank out counts in 1..threshold-1 (for figures derived after release, e.g. sums)."""
    frame = frame.copy()
    for column in columns:
        values = pd.to_numeric(frame[column], errors="coerce")
        frame[column] = values.where(~((values > 0) & (values < threshold)))
    return frame


def assert_publishable(frame: pd.DataFrame, threshold: int, what: str,
                       count_columns: tuple[str, ...] | None = None, public: bool = False) -> None:
    """Raise DisclosureError when a table would show a count in 1..threshold-1 or an identifier.

    Every numeric column counts as a count of persons unless it is declared with
    ``not_counts`` (or ``count_columns`` names the count columns explicitly). Public statistics
    (``public=True``) were already published by their publisher and are not subject to the
    threshold, but may still never carry identifiers.
    """
    bad_columns = [c for c in frame.columns if str(c).lower() in FORBIDDEN_COLUMNS]
    if bad_columns:
        raise DisclosureError(f"{what}: column(s) {bad_columns} may not be published")
    if not public:
        declared = set(frame.attrs.get("not_counts", []))
        for column in frame.columns:
            if count_columns is not None and str(column).lower() not in count_columns:
                continue
            if column in declared or pd.api.types.is_bool_dtype(frame[column]):
                continue
            if count_columns is None and not pd.api.types.is_numeric_dtype(frame[column]):
                continue
            values = pd.to_numeric(frame[column], errors="coerce")
            small = values[(values > 0) & (values < threshold)]
            if len(small):
                raise DisclosureError(
                    f"{what}: column '{column}' has {len(small)} count(s) below the threshold "
                    f"{threshold}; publish only released, disclosure-controlled figures")
    text_columns = frame.select_dtypes(include=["object", "string"]).columns
    for column in text_columns:
        joined = " ".join(frame[column].dropna().astype(str).head(5000))
        for kind, pattern in IDENTIFIER_PATTERNS.items():
            if pattern.search(joined):
                raise DisclosureError(f"{what}: column '{column}' looks like it holds a {kind}")
