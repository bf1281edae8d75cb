"""The texts the speed rounds' shortcut tests compare on: the pinned speed sample and three labelled sets the team may
read (never the untouched, calibration or training sets)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA = Path(__file__).parent / "data"
SHORTCUT_SETS = ("text_speed_regression.csv", "extraction_gold.csv", "extraction_dev2.csv", "extraction_hard_dev9.csv")


def shortcut_texts() -> list[str]:
    """Every text of ``SHORTCUT_SETS``, in order."""
    texts: list[str] = []
    for name in SHORTCUT_SETS:
        texts += list(pd.read_csv(DATA / name, dtype=str, keep_default_na=False)["text"])
    return texts
