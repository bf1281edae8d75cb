"""Mentions that are not stops: attempts and waiting for transport that never came, countries never entered, places a
relative worked or is, coasts passed near - and a place left after an attempt, which is still travelled."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # an attempt (Dutch participle) is no stop
    ("Verklaring. Ik heb twee keer geprobeerd met een vrachtwagen naar Engeland te komen. Vanuit Calais ben ik met de "
     "bus naar Brussel en Amsterdam gegaan.", "FRA>BEL>NLD"),
    # waiting for transport that never came
    ("Statement. In Calais we waited two months for a boat to England, it never came. Then we took the train from "
     "Paris to Brussels and Rotterdam.", "FRA>BEL>NLD"),
    # a country never entered, the negation after the country
    ("Statement. We flew from Beirut to Minsk and walked into Poland. Lithuania we never entered. From Warsaw a bus "
     "took us to Berlin and Amsterdam.", "LBN>BLR>POL>DEU>NLD"),
    # where a relative worked
    ("V: Waar is uw broer? A: Mijn broer werkte jaren in Zweden. Ik ben vanuit Turkije naar Griekenland gegaan en "
     "vandaar naar Nederland gevlogen.", "TUR>GRC>NLD"),
    # an island passed near at sea
    ("Statement. A yacht took us from Mersin to Calabria; it passed near Crete, we saw the lights. From Italy I went by "
     "train to Munich and Utrecht.", "TUR>ITA>DEU>NLD"),
])
def test_not_a_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Samenvatting. Hij reisde van Pakistan naar Turkije en Servie. Kroatie bereikte hij pas na vier mislukte "
     "pogingen vanuit Bosnie. Daarna met de trein naar Oostenrijk en Nederland.", "PAK>TUR>SRB>BIH>HRV>AUT>NLD"),
])
def test_a_place_left_after_an_attempt_is_travelled(text, route):
    assert extract_route(text).route_text == route
