"""Round 16, translated statements: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


# -- a name read only where a leg starts or ends (leg_end_names.csv) ----------------------------------------------

def test_another_languages_country_name_after_a_leg_word_is_that_country():
    # Finnish names, in no language the gazetteer reads everywhere
    text = ("Vertaling uit het Fins (tolk 4411): 'Ik ben met de bus van Helsinki naar Ruotsi gegaan, daarna met de "
            "boot naar Duitsland en met de trein naar Nederland.'")
    assert _route(text) == ["FIN", "SWE", "DEU", "NLD"]
    text = ("Translation from Amharic (interpreter 3381): 'I left Etiyopiya in 2021 and walked to Sudan. Then a "
            "truck to Libya, the boat to Italy and the train to the Netherlands.'")
    assert _route(text) == ["ETH", "SDN", "LBY", "ITA", "NLD"]


def test_a_latin_name_that_folds_like_an_arabic_script_one_is_read():
    # "Litwania" (Lithuania in Swahili and its neighbours) folds like the Persian-script name the gazetteer holds only
    # as written in that script
    text = ("Translation from Swahili (interpreter 5120): 'From Minsk we walked to Litwania, then a car took us to "
            "Poland and Germany, and a bus to the Netherlands.'")
    assert _route(text) == ["BLR", "LTU", "POL", "DEU", "NLD"]


def test_a_towns_other_spelling_after_a_leg_word_is_that_town():
    # Iskushuban (Somalia) in GeoNames' Italian spelling
    text = ("Translation from Somali (interpreter 3381): 'We left Scusciuban on a bus to Ethiopia, then Sudan and "
            "Libya. From there the boat to Italy, and the train to Holland.'")
    assert _route(text) == ["SOM", "ETH", "SDN", "LBY", "ITA", "NLD"]


def test_a_leg_end_name_elsewhere_or_inside_a_persons_name_is_no_place():
    # not right after a word where a leg starts or ends
    text = ("Translation from Arabic: 'My cousin Ruotsi paid the smuggler. I went from Syria to Turkey and Greece, "
            "then to the Netherlands.'")
    assert "SWE" not in _route(text)
    # after one, but the first word of a person's name
    text = ("Vertaling uit het Arabisch: 'Ik kreeg geld van Ranska Haddad en ging van Syrie naar Turkije en "
            "Griekenland, daarna naar Nederland.'")
    assert "FRA" not in _route(text)
    # written in lower case
    text = "Translation from Somali: 'We went to ruotsi. We went from Somalia to Ethiopia, Sudan and Holland.'"
    assert "SWE" not in _route(text)

