"""Person names read as places (issue 15, names round 2): a town name, the name particle 'Van' or a misspelt country
inside a person's name is no stop. Examples written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # after a title or the record's noun for its person: a misspelt country ('Mussie' one edit from 'Russie')
    ("Correcties op het rapport van cliënt dhr. Mussie Tesfay. Hij reisde van Eritrea naar Soedan, "
     "daarna naar Libië, Italië en Nederland.", ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Letter on behalf of our client Mr Mussie Haile: he travelled from Eritrea to Sudan, then to Libya, "
     "Italy and the Netherlands.", ("ERI", "SDN", "LBY", "ITA", "NLD")),
    # police style 'SURNAME, Given name': a given name that is also a generated town ('Baran', 'Selam')
    ("KMar, controle A12. Betreft inzittende 2 (KAYA, Baran, TUR nat.). Verklaarde van Istanbul naar Sarajevo "
     "gevlogen te zijn, daarna via Kroatië en Oostenrijk naar Nederland.", ("TUR", "BIH", "HRV", "AUT", "NLD")),
    ("KMar Schiphol. Pax TEKLE, Selam, ERI nat. States she lived in Jeddah and flew to Istanbul, "
     "then on to Amsterdam.", ("SAU", "TUR", "NLD")),
    # a surname in capitals before the particle: 'TRAN Van Minh' is a person, not the Turkish town
    ("Deze notitie betreft TRAN Van Minh, VNM nat. Hij vloog van Hanoi naar Moskou en reisde via Polen naar "
     "Duitsland en Nederland.", ("VNM", "RUS", "POL", "DEU", "NLD")),
    # a numbered point opening with 'Van' before a place: the preposition
    ("Correcties. 1) Cliënt vloog van Paramaribo naar Aruba. 2) Van Aruba vloog hij naar Madrid. "
     "3) Van Madrid reisde hij met de bus naar Utrecht.", ("SUR", "ABW", "ESP", "NLD")),
])
def test_a_name_in_a_persons_name_is_no_stop(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    ("Volgens betrokkene met het vliegtuig vanuit Van Nederland ingereisd.", ("TUR", "NLD")),
    ("Hij reisde van Van via Istanbul naar Griekenland en daarna naar Nederland.", ("TUR", "GRC", "NLD")),
    ("Betrokkene kwam uit Baran in India en vloog via Dubai naar Nederland.", ("IND", "ARE", "NLD")),
    # a unit's name in capitals before a town is no surname ("AVIM Almelo")
    ("Proces-verbaal AVIM Almelo. Betrokkene reisde van Turkije via Griekenland naar Duitsland en met de trein "
     "naar Almelo.", ("TUR", "GRC", "DEU", "NLD")),
])
def test_the_same_names_as_places_stay_places(text, route):
    assert extract_route(text).route == route
