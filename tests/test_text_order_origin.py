"""Origin: a journey starts where the person lived, not where they were born, when the text says both - also when
words stand between the residence verb and the place ("grew up in a refugee camp in Tanzania", "woont sinds haar
vijfde in Mashhad")."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Statement. I was born in Burundi, but I grew up in a refugee camp in Tanzania. From Dar es Salaam I flew to "
     "Brussels and took a bus to Utrecht.", "TZA>BEL>NLD"),
    ("Samenvatting. Zij is geboren in Herat, Afghanistan, maar woont sinds haar vijfde in Mashhad. Zij reisde met een "
     "smokkelaar naar Turkije en Griekenland en vloog naar Amsterdam.", "IRN>TUR>GRC>NLD"),
])
def test_residence_not_birth_starts_the_journey(text, route):
    assert extract_route(text).route_text == route


def test_birth_country_still_starts_when_no_residence_is_told():
    text = "Statement. I was born in Burundi. I took a bus to Tanzania and flew from Dar es Salaam to Brussels."
    assert extract_route(text).route_text.startswith("BDI>TZA")


@pytest.mark.parametrize("text, route", [
    # a nationality in the record's personal data is no arrival a departure could lead to
    ("KMar, controle A2. Betrokkene (Guinee, geb. 2005) zat in een BlaBlaCar uit Luik. Hij verklaarde dat hij uit "
     "Conakry via Mali naar Marokko was gereisd en naar Spanje was overgestoken. Vanuit Spanje ging hij met de bus "
     "naar Frankrijk en met de trein naar Belgie.", "GIN>MLI>MAR>ESP>FRA>BEL>NLD"),
    ("Report. The passenger (Iraq, born 12-03-1999) came on a bus from Brussels. He said he had flown from Erbil to "
     "Istanbul and had crossed to Greece by boat, then travelled by train through Serbia to Belgium.",
     "IRQ>TUR>GRC>SRB>BEL>NLD"),   # "came on a bus from Brussels": came here, like the Dutch row above
])
def test_nationality_with_birth_data_is_personal_data(text, route):
    assert extract_route(text).route_text == route
