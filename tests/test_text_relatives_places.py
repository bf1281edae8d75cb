"""Places told of a relative are not the person's stops (issue 15): the relative is the one the clause is about
("Mijn vader zit in Pakistan", "her husband, who travelled via Iran"), unless the person is named with them. And a
place the person grew up or lived in, told as 'there' after it, is where the journey starts.

The texts are written for these tests, in Dutch and English."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a relative as the subject: not the person's stop
    ("Verklaring. Ik kwam met de bus uit Wenen naar Venlo. Daarvoor was ik in Hongarije. Mijn broer zit nog in "
     "Griekenland.", "HUN>AUT>NLD"),
    ("Samenvatting. Hij reisde van Turkije naar Bulgarije en met een vrachtwagen naar Nederland. Zijn oom zou in "
     "Zweden asiel hebben gevraagd.", "TUR>BGR>NLD"),
    ("Summary. She flew from Tunis to Rome and took the train to Amsterdam. Her husband, who travelled via Libya "
     "and Malta, is still in Italy.", "TUN>ITA>NLD"),
    ("Verklaring. Mijn man was al eerder naar Oostenrijk gegaan. Ik ging van Irak naar Turkije en vloog naar "
     "Eindhoven.", "IRQ>TUR>NLD"),
    # nothing else travelled: no route at all
    ("Proces-verbaal. Betrokkene werd op straat in Utrecht aangetroffen. Hij zei niet te weten hoe hij hier kwam. "
     "Zijn zus zou in Frankrijk wonen.", ""),
])
def test_a_relatives_places_are_not_stops(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # present-tense residence of relatives: "remain in", "blijven in"
    ("Letter. Client went from Damascus to Beirut and flew to Istanbul and Amsterdam. Please note that his wife and "
     "children remain in Amman, Jordan.", "SYR>LBN>TUR>NLD"),
    ("Samenvatting. Hij reisde van Bagdad naar Istanbul en met de bus naar Nederland. Hij meldt dat de kinderen "
     "blijven in Iran.", "IRQ>TUR>NLD"),
])
def test_relatives_who_remain_somewhere(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # the person named with the relative went too
    ("Verklaring. Mijn oom bracht mij met de auto naar Turkije. Vandaar liep ik naar Griekenland en vloog naar "
     "Amsterdam.", "TUR>GRC>NLD"),
    ("Statement. My brother and I walked from Iran to Turkey, then we took a boat to Greece and a plane to "
     "Amsterdam.", "IRN>TUR>GRC>NLD"),
    # a relative paying for the last leg: the Netherlands stays
    ("Statement. I came by train from Milan to Paris. My cousin in Paris paid the bus to Rotterdam.", "ITA>FRA>NLD"),
])
def test_the_person_travelling_with_a_relative_still_travels(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Vertaling: 'Ik ben in Asmara geboren, maar als kind ben ik met mijn ouders naar Khartoum gegaan en daar "
     "opgegroeid. Later ging ik naar Libie en met de boot naar Italie. Daarna met de trein naar Nederland.'",
     "SDN>LBY>ITA>NLD"),
    ("Summary. He was born in Herat. As a child he went to Mashhad in Iran and grew up there. In 2019 he walked to "
     "Turkey and crossed to Greece by boat. From Athens he flew to Amsterdam.", "IRN>TUR>GRC>NLD"),
])
def test_a_place_lived_in_told_as_there_is_the_start(text, route):
    assert extract_route(text).route_text == route
