"""Round 18, translated statements: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


# -- a province right after a word where a leg starts or ends (leg_end_names.csv, kind region) -------------------

def test_a_province_of_two_words_after_a_leg_word_is_its_country():
    # "Uttar Pradesh": a state of India (ISO 3166-2), two words, named by no list read everywhere
    text = ("Vertaling uit het Hindi (tolk 6120): 'Ik ben uit Uttar Pradesh met het vliegtuig naar Dubai gegaan. "
            "Daarna vloog ik naar Turkije en met de bus naar Griekenland, Duitsland en Nederland.'")
    assert _route(text) == ["IND", "ARE", "TUR", "GRC", "DEU", "NLD"]


def test_a_province_that_is_also_a_word_is_its_country_after_a_leg_word():
    # "Turkana", a county of Kenya, is too frequent a word for regions.csv (read everywhere)
    text = ("Translation from Swahili (interpreter 7702): 'I left Turkana with a truck to Uganda. From Kampala I "
            "flew to Belgium and then I took the train to the Netherlands.'")
    assert _route(text) == ["KEN", "UGA", "BEL", "NLD"]


def test_a_province_elsewhere_in_lower_case_or_only_generic_words_is_no_place():
    # not right after a word where a leg starts or ends
    text = ("Translation from Hindi: 'My mother still farms near Uttar Pradesh, I think. I went from Nepal to Dubai, "
            "then by plane to Turkey, Greece and the Netherlands.'")
    assert "IND" not in _route(text)
    # after one, in lower case
    text = ("Translation from Swahili: 'I went from turkana country to Uganda, then by plane to Belgium and the "
            "Netherlands.'")
    assert "KEN" not in _route(text)
    # only generic words ("Centre-Est", a region of Burkina Faso: "the centre-east")
    text = ("Vertaling uit het Frans: 'Van Mali ging ik naar Centre-Est van het land en toen naar Niger, Libië, "
            "Italië en Nederland.'")
    assert "BFA" not in _route(text)
