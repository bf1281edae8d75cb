"""Mentions that describe someone else or are no statement of travel (issue 15): where another person comes from
("een man uit Ghana", "a fellow traveller was from Belize"), a country only flown over, a guess ("misschien",
"maybe"), a country taken back with a question mark ("Macedonia? No: ..."). The person the record is about, "een man
uit Lattakia" in apposition, is that person's origin. The texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Vertaling: 'Ik ging van Niamey naar Libie. In Tripoli werkte ik voor een man uit Egypte. Daarna met de boot "
     "naar Italie en met de trein naar Nederland.'", "NER>LBY>ITA>NLD"),
    ("Summary. He went from Guatemala City to Mexico by bus, where a fellow traveller was from Honduras, and flew to "
     "Madrid and Amsterdam.", "GTM>MEX>ESP>NLD"),
    # a companion is no other person: "met haar man uit Jemen" travelled with her
    ("Ze vertelde dat ze met haar man uit Soedan naar Egypte is gereisd en vandaar naar Istanbul vloog. Vanuit "
     "Istanbul reisde ze naar Schiphol.", "SDN>EGY>TUR>NLD"),
])
def test_where_another_person_comes_from_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Samenvatting. Betrokkene, een man uit Homs, verklaart dat hij in Beiroet woonde. Hij vloog van Beiroet naar "
     "Istanbul en reisde met de bus naar Nederland.", "LBN>TUR>NLD"),
    ("Summary. The applicant, a woman from Asmara, says she went to Sudan on foot, crossed to Libya and took a boat "
     "to Italy. From Italy she took the train to Utrecht.", "ERI>SDN>LBY>ITA>NLD"),
])
def test_the_subject_described_as_from_a_place_is_the_origin(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Correcties. Client heeft Irak slechts overgevlogen; hij vloog rechtstreeks van Teheran naar Istanbul en reisde "
     "met de bus naar Nederland.", "IRN>TUR>NLD"),
    ("Q: Were you in Ukraine? A: The plane flew over Ukraine, I think. I flew from Beirut to Minsk and walked to "
     "Poland. Then a bus to Amsterdam.", "LBN>BLR>POL>NLD"),
])
def test_a_country_flown_over_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Samenvatting. Zij reisde van Istanbul met een vrachtwagen naar een land waar ze Duits spraken, vermoedelijk "
     "Oostenrijk. Daarna met de trein naar Nederland.", "TUR>NLD"),
    ("Statement. From Tunis I flew to Belgrade, then by car through Bosnia to Croatia and maybe Slovenia, and by train "
     "to Amsterdam.", "TUN>SRB>BIH>HRV>NLD"),
    ("Summary. From Serbia he crossed into Macedonia? No: he later said he crossed into Hungary. From Hungary he went "
     "to Vienna and by bus to Amsterdam.", "SRB>HUN>AUT>NLD"),
])
def test_a_guess_or_a_country_taken_back_is_no_stop(text, route):
    assert extract_route(text).route_text == route
