"""Reporting periods: a month, a quarter, a tertial (like the IND Migratieradar) or explicit months.

A period is always a contiguous, inclusive range of calendar months. Everything downstream works
on ``YYYY-MM`` strings, so a period is turned into its list of months once, here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_TERTIAL = re.compile(r"^(\d{4})-T([1-3])$", re.IGNORECASE)
LATEST = ("latest-month", "latest-quarter", "latest-tertial")


@dataclass(frozen=True)
class Period:
    """An inclusive range of months with the kind it was asked as (month, quarter, tertial, range)."""

    start: str
    end: str
    kind: str = "range"
    label: str = ""

    @property
    def months(self) -> list[str]:
        return [str(p) for p in pd.period_range(self.start, self.end, freq="M")]

    def __len__(self) -> int:
        return len(self.months)

    def shifted(self, months: int) -> "Period":
        start = pd.Period(self.start, freq="M") + months
        end = pd.Period(self.end, freq="M") + months
        return Period(str(start), str(end), self.kind, "")

    def previous(self) -> "Period":
        """The period of the same length just before this one."""
        return self.shifted(-len(self))

    def year_earlier(self) -> "Period":
        return self.shifted(-12)


def parse_month(text: str) -> str:
    """Validate ``YYYY-MM``; raises ValueError with the reason."""
    match = _MONTH.match(str(text).strip())
    if not match:
        raise ValueError("expected a month as YYYY-MM")
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month:02d}")
    return f"{match.group(1)}-{match.group(2)}"


def parse_period(value: object) -> Period:
    """Turn '2025-07', '2025-Q3', '2025-T2' or {'start': ..., 'end': ...} into a Period."""
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end"}
        if unknown:
            raise ValueError(f"unknown key(s) {sorted(unknown)}; an explicit period has start and end")
        if "start" not in value or "end" not in value:
            raise ValueError("an explicit period needs both start and end (YYYY-MM)")
        start, end = parse_month(value["start"]), parse_month(value["end"])
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        return Period(start, end, "range", f"{start}/{end}")
    text = str(value).strip()
    if match := _QUARTER.match(text):
        year, quarter = int(match.group(1)), int(match.group(2))
        start = f"{year}-{3 * quarter - 2:02d}"
        return Period(start, f"{year}-{3 * quarter:02d}", "quarter", f"{year}-Q{quarter}")
    if match := _TERTIAL.match(text):
        year, tertial = int(match.group(1)), int(match.group(2))
        start = f"{year}-{4 * tertial - 3:02d}"
        return Period(start, f"{year}-{4 * tertial:02d}", "tertial", f"{year}-T{tertial}")
    if not _MONTH.match(text):
        raise ValueError("expected YYYY-MM, YYYY-Qn (n 1-4), YYYY-Tn (n 1-3), "
                         "latest-month, latest-quarter, latest-tertial or {start, end}")
    month = parse_month(text)
    return Period(month, month, "month", month)


def latest_complete(kind: str, last_month: str) -> Period:
    """The latest complete month/quarter/tertial that ends on or before ``last_month``."""
    last = pd.Period(last_month, freq="M")
    if kind == "latest-month":
        return parse_period(str(last))
    size = {"latest-quarter": 3, "latest-tertial": 4}[kind]
    while last.month % size != 0:
        last -= 1
    index = last.month // size
    return parse_period(f"{last.year}-{'Q' if size == 3 else 'T'}{index}")
