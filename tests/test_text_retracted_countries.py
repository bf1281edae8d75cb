"""A country the speaker takes back or names only to deny is no stop (issue 15): "toen Bulgaristan... nee, naar
Makedonya", "Libie en Tunesie, nee, alleen Libie", "nee, niet Majaristan", "Niet Duitsland, ik kwam uit Frankrijk".
The texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # taken back right after it is said
    ("Vertaling: 'Uit Damascus naar Turkiye, daarna met de boot naar Yunanistan. Toen lopend naar Arnavutluk... nee, "
     "sorry, naar Makedonya en Sirbistan. Met de trein naar Almanya en Hollanda.'", "SYR>TUR>GRC>MKD>SRB>DEU>NLD"),
    ("V: En voor Italie? A: Egypte en Libie, nee, alleen Libie. Ik kwam uit Soedan. V: En daarna? A: Met de trein van "
     "Milaan naar Parijs en met de bus naar Utrecht.", "SDN>LBY>ITA>FRA>NLD"),
    ("Translation: 'From Kabul to Iran, then Turkey. Then Greece - no, first Bulgaria, then Serbia and Hungary. By "
     "train to Austria and to Holland.'", "AFG>IRN>TUR>BGR>SRB>HUN>AUT>NLD"),
])
def test_a_country_taken_back_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("V: Waar kwam u vandaan? A: Uit Belgie, met de bus naar Venlo. V: En daarvoor? A: Niet Duitsland, ik kwam uit Frankrijk.",
     "FRA>BEL>NLD"),
    ("Translation: 'From Serbia we walked to Bosnia. Then Croatia. No, not Hungary, they stopped us there. By car to "
     "Slovenia and Italy, then the train to Holland.'", "SRB>BIH>HRV>SVN>ITA>NLD"),
])
def test_a_country_named_only_to_deny_it_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # only "never" in the whole text: the denial is still read
    ("Translated statement. I left Oran by boat to Almeria and went by bus to Paris and Brussels, then to Holland. "
     "Never Germany, the officer wrote it wrong.", "DZA>ESP>FRA>BEL>NLD"),
])
def test_a_country_denied_with_never_alone(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a departure denied: "niet uit", "not from"
    ("V: Wanneer vertrok u uit Somalie? A: Ik vertrok niet uit Somalie. Ik ben geboren in Nairobi, Kenia. V: Dus "
     "u begon in Kenia. A: Ja. Met de bus naar Ethiopie en met het vliegtuig naar Istanbul en Amsterdam.",
     "KEN>ETH>TUR>NLD"),
])
def test_a_denied_departure_is_no_start(text, route):
    assert extract_route(text).route_text == route
