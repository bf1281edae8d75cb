"""Words that look like a country but name no stop (issue 15): a Dublin Regulation decision, a nationality adjective one
edit from the country's name ('Ugandan', 'Philippine'), an ordinary lower-case word one edit from a name ('service'),
a vehicle's registration country. The texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # the Dublin Regulation, however the record words it
    ("Summary. He came from Turkey to Greece by boat and flew from Athens to Vienna, where he received a Dublin "
     "decision. He then took the train to Amsterdam.", "TUR>GRC>AUT>NLD"),
    ("Correcties. Het woord 'Dublin' in het verslag verwijst naar het Dublinbesluit, niet naar een verblijf in "
     "Ierland. Client vloog van Tunis naar Rome en nam de trein naar Utrecht.", "TUN>ITA>NLD"),
])
def test_the_dublin_regulation_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a nationality adjective is no place, even one letter from the country's name
    ("Report. The woman was found at Schiphol. She did not say where her flight came from. She is Ugandan.", ""),
    ("Report. A Kenyan man, working in Doha since 2019, flew from Doha to Amsterdam.", "QAT>NLD"),
    # an ordinary lower-case word one edit from a country's name
    ("Report. Officers stopped a van at the service area near Venlo. The passenger said he came by train from Milan "
     "to Paris and in this van from Paris.", "ITA>FRA>NLD"),
    # a misspelt country still counts when written as a name
    ("Statement. From Syria I went to Grece by boat, then by bus to Bulgeria and by train to Amsterdam.",
     "SYR>GRC>BGR>NLD"),
])
def test_nationality_words_and_ordinary_words(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Report. Near Venlo the officers stopped a van with UK registration. The passenger said she came from Italy to "
     "Calais by train.", "ITA>FRA>NLD"),
    ("Proces-verbaal. In een bestelbus met Pools kenteken werd betrokkene aangetroffen. Hij verklaarde vanuit Roemenie "
     "via Hongarije en Oostenrijk te zijn gekomen.", "ROU>HUN>AUT>NLD"),
])
def test_a_vehicles_registration_is_no_stop(text, route):
    assert extract_route(text).route_text == route
