"""What counts as a stop: towns as the only clue to a country, persons' names that look like towns, relatives'
origins (issue 15, second round)."""

from __future__ import annotations

import pytest

from routekit.text import extract_route
from routekit.text.gazetteer import find_places, gazetteer
from routekit.text.normalise import fold


def _countries(text: str) -> list[str]:
    return [m.place.iso3 for m in find_places(text, fold(text))]


@pytest.mark.parametrize("text, iso3", [
    ("Cliënt is vanuit Mekele via Soedan naar Libië gereisd.", "ETH"),        # Tigray, not in the hand list
    ("Ik ben uit Doesjanbe naar Moskva gevlogen.", "TJK"),                     # Dutch transliteration of Dushanbe
    ("I came from Luanda to Lisboa by plane.", "PRT"),                          # Portuguese endonym
    ("The applicant comes from El Obeid in North Kordofan.", "SDN"),
])
def test_generated_towns_name_their_country(text, iso3):
    assert iso3 in _countries(text)


def test_generated_towns_only_count_capitalised():
    assert gazetteer()["mekele"].capitalised
    assert "ETH" not in _countries("we liepen van mekele naar huis")


@pytest.mark.parametrize("text", [
    "The applicant, Patrick Mbala (DOB 11/11/1993), stated that he flew to Paris.",   # first name before
    "Betrokkene: Selam Haile Tekle, geboren te Keren.",                              # surname after
    "Translation from Pashto (interpreter N. Safi): I grew up in Peshawar.",         # an initial before
    "Betrokkene, José Gregorio Salcedo, geb. 19-10-1985, verklaarde dat hij ...",
])
def test_a_persons_name_is_not_a_town(text):
    towns = [m for m in find_places(text, fold(text)) if m.place.capitalised]
    assert towns == []


def test_a_town_before_a_place_word_or_at_a_sentence_start_is_still_a_town():
    assert "ETH" in _countries("They kept us in Mekele Camp for a month.")
    assert "EGY" in _countries("From Sohag I went overland into Libya.")


def test_a_town_gives_the_origin_of_a_statement():
    result = extract_route("Vertaling uit het Russisch: 'Ik ben uit Doesjanbe naar Moskva gevlogen. Toen ben ik met "
                           "de trein naar Minsk gegaan en we zijn naar Polen gelopen. Daarna met de bus naar Nederland.'")
    assert result.route[:2] == ("TJK", "RUS")


def test_where_a_relatives_family_comes_from_is_no_stop():
    text = ("I was born in the Ein el-Hilweh camp near Saida in Lebanon; my family comes from Safed. "
            "I flew from Beirut to Istanbul and came by boat to Greece, then by plane to Amsterdam.")
    assert extract_route(text).route == ("LBN", "TUR", "GRC", "NLD")
    text_nl = ("Mijn vader komt uit Eritrea. Ik ben in Kassala geboren en via Libië en Italië naar Nederland gereisd.")
    assert "ERI" not in extract_route(text_nl).route


@pytest.mark.parametrize("text, absent", [
    # a failed attempt
    ("Ik vloog naar Minsk in Wit-Rusland. Drie weken probeerde hij de grens met Polen over te steken. "
     "Daarna ging hij met de trein naar Rusland en liep naar Finland, en nam de ferry naar Duitsland en de trein "
     "naar Nederland.", "POL"),
    ("We flew to Minsk. For weeks we tried to cross into Poland near Grodno. Then we went to Lithuania and by bus "
     "to Germany and the Netherlands.", "POL"),
    # a destination told after the country
    ("Een agent in Hyderabad had geld ontvangen om hem via Dubai naar Europa te brengen, met Portugal als "
     "eindbestemming. Hij kwam met vlucht EK149 uit Dubai in Amsterdam aan.", "PRT"),
    # a coast sailed past
    ("Met een zeilboot van Turkije naar Italië. We zijn langs Griekenland gevaren. Daarna met de trein naar "
     "Frankrijk en met de bus naar Nederland.", "GRC"),
    # a counterfactual stay
    ("Zij vlogen van Jemen naar Egypte en via Griekenland naar Amsterdam. Als haar broer hen had kunnen ophalen, "
     "waren zij in Saoedi-Arabië gebleven.", "SAU"),
])
def test_attempts_destinations_coasts_and_counterfactuals_are_no_stops(text, absent):
    route = extract_route(text).route
    assert route and absent not in route
