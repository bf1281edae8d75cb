"""The calibrated confidence reads the record's genre by its own words, and its fit can weigh sets equally."""

from __future__ import annotations

import math

import pytest

from routekit.text import extract_route
from routekit.text.calibration import FEATURE_NAMES, GENRES, fit, genre_counts


@pytest.mark.parametrize("text, genre", [
    ("Vertaling uit het Tigrinya (tolk M. Tesfamariam): Ik liep naar Ethiopië.", "translated"),
    ("Translation from Portuguese (interpreter R. Santos): I came from Luanda.", "translated"),
    ("Proces-verbaal van bevindingen. Verbalisanten troffen betrokkene aan.", "police"),
    ("KMar Schiphol, grensbewaking: een man meldde zich bij de eerste lijn.", "border_guard"),
    ("Samenvatting gehoor. Uit Eurodac blijkt een treffer in Italië.", "summary"),
    ("Geachte heer, namens cliënt maak ik correcties op het verslag.", "letter_words"),
    ("He said he was in Austria; actually it was Hungary.", "correction_words"),
    ("V: Waar begon uw reis? A: In Kabul.", "transcript"),
    ("She said: 'we walked to Serbia'.", "quotes"),
])
def test_genre_counts_names_the_genre(text, genre):
    counts = genre_counts(text)
    assert counts.get(genre) == 1.0
    if genre not in ("quotes", "correction_words"):
        assert counts["genre"] == 1.0


def test_a_plain_story_has_no_genre_and_apostrophes_in_words_are_no_quotes():
    counts = genre_counts("Ik ben uit Dar'a met de bus naar Turkije gegaan, don't ask, en daarna naar Nederland.")
    assert counts["genre"] == 0.0
    assert not any(counts.get(g) for g in GENRES)
    assert counts["length"] == pytest.approx(max(-1.0, math.log(85 / 400)), abs=0.05)


def test_genre_features_reach_the_feature_vector():
    plain = extract_route("Ik ben met de bus van Syrië naar Turkije gereisd en daarna met de boot naar Griekenland. "
                          "Daarna ben ik met het vliegtuig naar Nederland gekomen.")
    translated = extract_route("Vertaling uit het Arabisch (tolk A. Mansour): 'Ik ben met de bus van Syrië naar Turkije "
                               "gereisd en daarna met de boot naar Griekenland. Daarna ben ik met het vliegtuig naar "
                               "Nederland gekomen.'")
    assert plain.route == translated.route == ("SYR", "TUR", "GRC", "NLD")
    index = FEATURE_NAMES.index("translated")
    assert plain.features[index] == 0.0 and translated.features[index] == 1.0
    assert translated.features[FEATURE_NAMES.index("quotes")] == 1.0


def test_row_weights_let_a_small_set_count_as_much_as_a_large_one():
    # 90 right rows of one set, 10 wrong rows of another: equal set weights move the intercept to about 0.5
    vectors = [(0.0,)] * 100
    exact = [True] * 90 + [False] * 10
    unweighted, _ = fit(vectors, exact, ridge=1.0)
    balanced, _ = fit(vectors, exact, ridge=1.0, row_weights=[1 / 90] * 90 + [1 / 10] * 10)
    assert 1 / (1 + math.exp(-unweighted)) == pytest.approx(0.9, abs=0.01)
    assert 1 / (1 + math.exp(-balanced)) == pytest.approx(0.5, abs=0.01)
