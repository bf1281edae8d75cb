"""A check note that opens with the vehicle's service ("ICE 126 Frankfurt-Amsterdam") names the service's origin
before the journey; when the story names that place again, the story sets the order, not the label."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("KMar, controle in de ICE Keulen-Amsterdam bij Zevenaar. Persoon zonder documenten, zegt Afghaan te zijn "
     "(Herat). Verklaring: via Teheran naar Istanbul gevlogen, 6 mnd gewerkt in Athene, daarna per vliegtuig naar "
     "Keulen, nu met deze trein vanaf Keulen.",
     ("AFG", "IRN", "TUR", "GRC", "DEU", "NLD")),
    ("KMar check on the Flixbus Paris - Rotterdam near Breda. The passenger is from Conakry. He went by road to "
     "Mali and Algeria, by boat to Spain and by bus to Paris, where he boarded this coach.",
     ("GIN", "MLI", "DZA", "ESP", "FRA", "NLD")),
])
def test_the_service_origin_does_not_set_the_order_when_the_story_names_it(text, route):
    assert extract_route(text).route == route


def test_a_flights_legs_are_a_journey_not_a_label():
    text = "She flew CCS-MAD-AMS. In MAD she did not pass immigration."
    assert extract_route(text).route == ("VEN", "ESP", "NLD")
