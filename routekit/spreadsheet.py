"""Cells a spreadsheet program would run as a formula (CSV injection): one rule for every CSV that an analyst
(rejects files) or a reader (the site's tables) opens in a spreadsheet."""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text: pd.Series) -> pd.Series:
    """Which of these texts a spreadsheet would run as a formula."""
    return text.str.startswith(FORMULA_START)


def quoted(values: pd.Series, risky: pd.Series) -> pd.Series:
    """The risky cells with a leading quote, so a spreadsheet shows them as text."""
    return values.where(~risky, "'" + values.astype(str))
