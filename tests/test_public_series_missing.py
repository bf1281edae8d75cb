"""A public data folder without the publishers' files: each comparison says which file is missing
(in English and Dutch) and holds no counts, rather than failing the estimate stage."""

from __future__ import annotations

from routekit.estimate.public_series import load_public_series


def test_each_missing_publisher_is_named_in_its_series_note(tmp_path):
    frontex, eurostat = load_public_series(tmp_path)
    for series, publisher, folder in ((frontex, "Frontex", "frontex"), (eurostat, "Eurostat", "eurostat")):
        assert series.note_en.startswith(f"no {publisher} data: ")
        assert series.note_nl.startswith(f"geen {publisher}-gegevens: ")
        assert str(tmp_path / folder) in series.note_en
        assert series.monthly.empty and series.annual.empty
