"""The publishability gate: no small count and no identifier reaches a published file or page.

Releases already apply disclosure control; every writer of a published table (the estimate
stage's CSVs, the report's tables, chart sources and map layers) passes through this gate, so a
bug upstream fails the build instead of publishing a risk.
"""

from __future__ import annotations

import re

import pandas as pd

from routekit.disclosure.rule import Threshold
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


def suppress_small(frame: pd.DataFrame, columns, threshold: Threshold | int) -> pd.DataFrame:
    """Blank out counts in 1..K-1 (for figures derived after release, e.g. sums)."""
    rule = Threshold.of(threshold)
    frame = frame.copy()
    for column in columns:
        if column not in frame.columns:
            continue
        values = pd.to_numeric(frame[column], errors="coerce")
        frame[column] = values.where(~rule.small(values))
    return frame


def assert_publishable(frame: pd.DataFrame, threshold: Threshold | int, what: str,
                       count_columns: tuple[str, ...] | None = None, public: bool = False) -> None:
    """Raise DisclosureError when a table would show a count in 1..threshold-1 or an identifier.

    Every numeric column counts as a count of persons unless it is declared with
    ``not_counts`` (or ``count_columns`` names the count columns explicitly). Public statistics
    (``public=True``) were already published by their publisher and are not subject to the
    threshold, but may still never carry identifiers.
    """
    rule = Threshold.of(threshold)
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
            small = values[rule.small(values)]
            if len(small):
                raise DisclosureError(
                    f"{what}: column '{column}' has {len(small)} count(s) below the threshold "
                    f"{rule.k}; publish only released, disclosure-controlled figures")
    text_columns = frame.select_dtypes(include=["object", "string"]).columns
    for column in text_columns:
        joined = " ".join(frame[column].dropna().astype(str).head(5000))
        for kind, pattern in IDENTIFIER_PATTERNS.items():
            if pattern.search(joined):
                raise DisclosureError(f"{what}: column '{column}' looks like it holds a {kind}")


def published_rows(frame: pd.DataFrame, value_columns, threshold: Threshold | int | None, what: str,
                   public: bool = False, positive: bool = False) -> pd.DataFrame:
    """Rows a chart or map may draw: suppressed (missing) values are dropped, never guessed.

    Rows whose ``status`` is not ``published`` and rows without any value are left out
    (``positive`` also drops zeros, for layers that draw only what was seen); with a threshold
    the rest passes ``assert_publishable``.
    """
    frame = frame.copy()
    if "status" in frame.columns:
        frame = frame[frame["status"].astype(str) == "published"]
    value_columns = list(value_columns)
    for column in value_columns:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame = frame.dropna(subset=value_columns, how="all")
    if positive:
        frame = frame[(frame[value_columns] > 0).any(axis=1)]
    if threshold is not None:
        assert_publishable(frame, threshold, what, public=public)
    return frame
