"""Extraction over a table: one output row per input row, in input order, never a lost row."""

from __future__ import annotations

import pandas as pd

from routekit.text.corridors import classify_corridor
from routekit.text.extraction import RouteExtraction, extract_route

OUTPUT_COLUMNS = ["id", "route", "modes", "smuggler", "route_asked", "confidence", "reason", "corridor"]


def extraction_row(identifier: object, result: RouteExtraction) -> dict[str, object]:
    """The output fields of one extraction (country codes, mode words, fixed reasons - no text)."""
    hint = next((h for h in result.hints if h), None)
    return {
        "id": identifier,
        "route": result.route_text,
        "modes": result.modes_text,
        "smuggler": result.smuggler,
        "route_asked": result.route_asked,
        "confidence": result.confidence,
        "reason": result.reason,
        "corridor": classify_corridor(result.route, result.modes, hint) if len(result.route) > 1 else "",
    }


def extract_frame(frame: pd.DataFrame, id_column: str, text_column: str) -> pd.DataFrame:
    """Extract the route of every row of ``frame``; same order and length as the input.

    Columns: id, route, modes, smuggler, route_asked, confidence, reason, corridor.
    Raises KeyError naming the column when ``id_column`` or ``text_column`` is missing.
    """
    for column in (id_column, text_column):
        if column not in frame.columns:
            raise KeyError(column)
    rows = [
        extraction_row(identifier, extract_route(text if isinstance(text, str) else None))
        for identifier, text in zip(frame[id_column].tolist(), frame[text_column].tolist())
    ]
    result = pd.DataFrame(rows, columns=OUTPUT_COLUMNS)
    result["route_asked"] = result["route_asked"].astype(bool)
    return result
