"""Where the person meant to go on to is no stop (issue 15): a goal given as a label ("Doel: werk in Engeland",
"Einddoel: Canada"), a purpose ("om mee naar Engeland te reizen"), onward tickets and connections ("een doorgaande
boarding pass naar Toronto", "connecting to Istanbul"), the gate of a departing flight, "trying for England".
The texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("KMar De Lutte, 04-04-2025. Busje met Pools kenteken. Verklaart: vertrokken uit Lviv, via PL en DE in deze bus. "
     "Doel: werk in Ierland.", "UKR>POL>DEU>NLD"),
    ("KMar Schiphol. Betr. kwam met een vlucht uit Lagos via Casablanca. Einddoel: Canada, zijn broer woont daar.",
     "NGA>MAR>NLD"),
    ("Proces-verbaal. Hij verklaarde vanuit Italie met de trein via Zwitserland naar Rotterdam te zijn gekomen; de "
     "valse papieren had hij gekregen om mee naar Engeland te reizen.", "ITA>CHE>NLD"),
    ("KMar Schiphol, transferfilter. Zij kwam met een vlucht uit Accra en had een doorgaande boarding pass naar "
     "Montreal.", "GHA>NLD"),
    ("KMar Schiphol, transfer area. Passenger on a flight from Lima, connecting to Madrid. He applied for asylum at "
     "the gate.", "PER>NLD"),
    ("KMar Schiphol. Bij de gate van een vertrekkende vlucht naar Dublin werd een man aangetroffen die uit Turkije "
     "kwam.", "TUR>NLD"),
    ("Q: How did you come? A: From Italy by train to Calais. I was a year in Calais, trying for England. Then a bus "
     "to Amsterdam.", "ITA>FRA>NLD"),
])
def test_an_onward_goal_is_no_stop(text, route):
    assert extract_route(text).route_text == route
