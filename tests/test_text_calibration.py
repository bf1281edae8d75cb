"""Calibrated confidence: the fit, the stored coefficients, the reliability table."""

import pandas as pd

from routekit.text import extract_route
from routekit.text.calibration import FEATURE_NAMES, coefficients, fit
from routekit.text.evaluation import by_genre, reliability


def test_fit_recovers_the_direction_of_a_feature():
    # exact mostly when the first feature is 0, mostly wrong when it is 3
    vectors = [(0.0,) + (0.0,) * 10] * 40 + [(3.0,) + (0.0,) * 10] * 40
    exact = [True] * 36 + [False] * 4 + [True] * 8 + [False] * 32
    intercept, weights = fit(vectors, exact, ridge=0.1)
    assert intercept > 1.5 and weights[0] < -1.0


def test_stored_coefficients_cover_every_feature():
    intercept, weights = coefficients()
    assert len(weights) == len(FEATURE_NAMES) and any(weights)


def test_a_harder_text_gets_a_lower_confidence():
    plain = extract_route("Ik ben met de bus van Turkije naar Bulgarije gereisd en daarna met de trein naar Nederland.")
    hard = extract_route("V: Hoe kwam u hier? A: Met de trein naar Nederland. V: En daarvoor? A: Oostenrijk, daarvoor "
                         "Hongarije. Ik wilde naar Engeland maar mijn broer woont in Duitsland. Daarvoor was ik in Servie.")
    assert 0 < hard.confidence < plain.confidence < 1
    assert "dialogue" in hard.flags and "excluded" in hard.flags


def test_reliability_cuts_rows_in_fifths_by_confidence():
    rows = pd.DataFrame({"id": range(10), "confidence": [i / 10 for i in range(10)],
                         "exact": [False] * 4 + [True] * 6, "genre": ["qa", "pv"] * 5,
                         "corridor": ["a"] * 10, "gold_corridor": ["a"] * 9 + ["b"]})
    table = reliability(rows)
    assert list(table["rows"]) == [2] * 5
    assert list(table["exact"]) == [0.0, 0.0, 1.0, 1.0, 1.0]
    assert table["confidence"].iloc[0] == 0.05
    genres = by_genre(rows)
    assert genres.loc["pv", "corridor"] == 0.8 and genres.loc["qa", "exact"] == 0.6
