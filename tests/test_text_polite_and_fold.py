"""A polite formula in a question is no condition; letters of Latin Extended Additional fold like other accents."""

import pytest

from routekit.text.extraction import extract_route
from routekit.text.normalise import fold


@pytest.mark.parametrize("text, route", [
    ("Q: If you like, would you tell us the way you came? A: From Eritrea to Sudan and Libya, by boat to Italy.",
     ("ERI", "SDN", "LBY", "ITA")),
    ("V: Zou u, als u kunt, vertellen hoe u reisde? A: Van Syrië naar Turkije en met de boot naar Griekenland.",
     ("SYR", "TUR", "GRC")),
])
def test_a_polite_question_keeps_its_answers_route(text, route):
    assert extract_route(text).route[:len(route)] == route


@pytest.mark.parametrize("text, excluded", [
    ("If I had had papers, I would have flown to Canada. I came from Iraq via Turkey to the Netherlands.", "CAN"),
    ("Als hij geld had gehad, was hij naar Canada gevlogen. Hij reisde van Irak via Turkije naar Nederland.", "CAN"),
])
def test_a_real_condition_still_is_one(text, excluded):
    assert excluded not in extract_route(text).route


def test_letters_with_a_dot_below_fold_to_their_base_letter():
    assert fold("Ṣṭif, Ḥalab, Hà Nội") == "stif, halab, ha noi"


def test_a_sentence_opening_with_if_names_no_algerian_town():
    # "Ṣṭif" (Sétif) used to split into "if": every capitalised "If" was a town in Algeria
    assert "DZA" not in extract_route("If you ask me, we came from Iraq through Turkey to the Netherlands.").route
