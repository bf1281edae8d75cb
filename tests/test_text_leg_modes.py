"""Leg modes (routekit/text/legmodes.py): which told mode belongs to the leg into which country."""

import pytest

from routekit.text.extraction import extract_route


def _legs(text: str) -> dict[str, str]:
    result = extract_route(text)
    return dict(zip(result.route[1:], result.modes))


@pytest.mark.parametrize("text", [
    # a move between two places of a country already reached is not the crossing into it
    "Ik ben uit Libië vertrokken en kwam in Italië aan. Vanuit Italië reisde ik per trein naar Milaan. "
    "Daarna ben ik te voet naar Frankrijk gegaan en met de bus naar Nederland.",
    "I left Libya and arrived in Italy. In Italy I took the train to Milan. Then I walked to France and took a bus "
    "to the Netherlands.",
    "Ik kwam uit Libië. Na de aankomst op Lampedusa ben ik naar Rome gebracht en daarvandaan heb ik de trein "
    "genomen naar Ventimiglia. Vanuit Frankrijk met de bus naar Nederland.",
])
def test_travel_inside_a_country_is_not_the_crossing(text):
    legs = _legs(text)
    assert legs["ITA"] == "unknown"
    assert legs["NLD"] == "bus"


def test_a_border_reached_is_not_inside_the_country():
    legs = _legs("Ik vloog naar Belgrado. Vanuit Servië ben ik met een taxi naar de Hongaarse grens gebracht en te voet "
                 "Hongarije binnengegaan. Met de bus naar Nederland.")
    assert legs["HUN"] == "foot"


def test_a_leg_from_another_country_keeps_its_mode():
    legs = _legs("He flew to Serbia from Istanbul. Before that he had gone to Istanbul from Tabriz by bus, and in "
                 "Turkey he stayed a year. From Serbia he walked to Hungary.")
    assert legs["TUR"] == "bus"


@pytest.mark.parametrize("text, country, mode", [
    # the sailing verbs are a boat
    ("Hij is vanuit Venezuela naar Curaçao gevaren en vloog daarna naar Nederland.", "CUW", "boat"),
    ("He sailed from Turkey to Greece and walked to North Macedonia.", "GRC", "boat"),
    # boat and car words of other languages, kept in translated statements of either language
    ("Vertaling: 'Met een lancha van Venezuela naar Aruba, en daarna met het vliegtuig naar Nederland.'", "ABW", "boat"),
    ("Vertaling: 'Van Senegal in een pirogue naar Spanje, daarna met de bus naar Frankrijk.'", "ESP", "boat"),
    ("Vanuit Spanje met een BlaBlaCar naar Frankrijk, en met de trein naar Nederland.", "FRA", "car"),
    ("From Spain I came with a BlaBlaCar to France and took the train to the Netherlands.", "FRA", "car"),
    ("Ik ben naar Soedan gelopen en daarna met een pick-up naar Libië gebracht.", "LBY", "car"),
    ("She left Nigeria flying from Lagos to Frankfurt and took a bus to the Netherlands.", "DEU", "plane"),
])
def test_mode_words(text, country, mode):
    assert _legs(text)[country] == mode


@pytest.mark.parametrize("text, country", [
    # the labelling conventions: a busje, van or minibus is a car, a bus is a scheduled bus or coach
    ("De smokkelaar bracht ons met een busje van Servië naar Hongarije.", "HUN"),
    ("He left Armenia by minibus to Georgia and flew to the Netherlands.", "GEO"),
])
def test_a_van_is_a_car(text, country):
    assert _legs(text)[country] == "car"


@pytest.mark.parametrize("text", [
    # "the sea" told as the way a country was reached is a boat
    "Ik kom uit Soedan. Daarna naar Libië. De zee naar Italië. In Italië met de trein naar Duitsland.",
    "I left Sudan for Libya. After the sea we came to Italy. I took the train to Germany.",
])
def test_the_sea_is_a_boat(text):
    assert _legs(text)["ITA"] == "boat"


@pytest.mark.parametrize("text, country, mode", [
    # a mode in a sentence without a place, after a word of succession, is the next leg's
    ("Ik ging van Soedan naar Libië, naar Tripoli. Daarna met een rubberboot. Ik kwam aan op Lampedusa.", "ITA", "boat"),
    ("From Syria I walked to Turkey. Then by boat. We arrived on Lesbos in Greece.", "GRC", "boat"),
    # without one it still tells how the last country was reached
    ("Ik ging van Soedan naar Libië. Dat was met een vrachtwagen. Later kwam ik in Italië.", "LBY", "truck"),
])
def test_a_mode_told_apart(text, country, mode):
    assert _legs(text)[country] == mode


@pytest.mark.parametrize("text, country, mode", [
    # a mode told for a list of destinations covers each of them
    ("Vanuit Italië reisde ik met de trein naar Duitsland en naar Nederland.", "NLD", "train"),
    ("From Italy I took the train to Germany and to the Netherlands.", "NLD", "train"),
    # after a word of succession the next destination's mode is not told
    ("Vanuit Italië reisde ik met de trein naar Duitsland, en daarna naar Nederland.", "NLD", "unknown"),
])
def test_a_mode_for_a_list_of_destinations(text, country, mode):
    assert _legs(text)[country] == mode


@pytest.mark.parametrize("text", [
    # a sentence opening with where the person is, going on to another country, tells the onward leg's mode
    "Ik ging van Griekenland naar Oostenrijk. In Wenen nam ik de trein naar Duitsland.",
    "I went from Greece to Austria. In Vienna I took the train to Germany.",
])
def test_the_mode_from_where_the_person_is_is_the_onward_legs(text):
    legs = _legs(text)
    assert legs["AUT"] == "unknown"
    assert legs["DEU"] == "train"


@pytest.mark.parametrize("text, country, mode", [
    # the mode that leads to a place ('boat to X', 'a bus from A to X') is that place's, even when the next
    # leg's mode stands closer to it
    ("The route: Dhaka - Dubai by plane - Tripoli - boat to Lampedusa - train to Milan - bus to Amsterdam.", "ITA", "boat"),
    ("He took a bus from Santiago de Chile to São Paulo before flying on to Amsterdam.", "BRA", "bus"),
    ("De route: Tripoli - boot naar Lampedusa - trein naar Milaan - bus naar Amsterdam.", "ITA", "boat"),
])
def test_the_mode_that_leads_to_a_place(text, country, mode):
    assert _legs(text)[country] == mode


@pytest.mark.parametrize("text, country, mode", [
    # 'vlucht' is a flight, but after a possessive it is the flight from danger
    ("Betrokkene reisde met vlucht OS 371 van Erbil via Wenen naar Amsterdam.", "NLD", "plane"),
    ("Na haar vlucht uit Homs woonde zij in Libanon. Daarna met de boot naar Cyprus.", "LBN", "unknown"),
    # a mode told after a place and leading on to another place is not that place's
    ("Op Schiphol werd hij bij het boarden van een vlucht naar Londen aangehouden. Hij was met de bus uit Parijs naar "
     "Amsterdam gekomen.", "NLD", "bus"),
    ("He was stopped at Schiphol when boarding a flight to London. He had come from Paris to Amsterdam by bus.",
     "NLD", "bus"),
])
def test_flights(text, country, mode):
    assert _legs(text)[country] == mode
