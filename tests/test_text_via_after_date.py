"""A via-list after a destination and a date ("came to Sweden in 2015 via Iran and Turkey") is the way there;
ferry ports on the Baltic crossings name their countries."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Betrokkene woonde jaren in Denemarken. Hij kwam naar Denemarken in maart 2016, via Italië en Oostenrijk. "
     "Vanuit Kopenhagen reisde hij met de bus naar Nederland.", ("ITA", "AUT", "DNK", "NLD")),
    ("She had lived in Norway. She had come to Norway in 2017 via Greece and Poland. Last month she flew from Oslo "
     "to Amsterdam.", ("GRC", "POL", "NOR", "NLD")),
])
def test_a_via_list_after_a_dated_destination_comes_before_it(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    ("Hij nam vanuit Trelleborg de veerboot naar Rostock en reisde vandaar met de bus naar Nederland.",
     ("SWE", "DEU", "NLD")),
    ("He crossed from Gedser to Rostock by ferry and took a train to Amsterdam.", ("DNK", "DEU", "NLD")),
])
def test_baltic_ferry_ports_name_their_countries(text, route):
    assert extract_route(text).route == route
