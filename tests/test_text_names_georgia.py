"""Georgia the US state: the record tells which Georgia by the places it names.

Kind (examples written here): a name shared by a country and a region of another country (Georgia) is the region
when the text names a place of that other country (Atlanta, the United States) and none of the country's own
(Tbilisi, Batumi); with places of both, or of neither, it stays the country.
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Q: You said you lived in Georgia. Which Georgia? A: The American one, near Atlanta. I worked there five years. "
     "Q: How did you come here? A: I flew from Atlanta to Lisbon and took a bus to Amsterdam.",
     ["USA", "PRT", "NLD"]),
    ("V: Waar bent u vertrokken? A: Uit Georgia. V: Het land of de staat? A: De staat, in de Verenigde Staten. "
     "V: Hoe kwam u hier? A: Met het vliegtuig naar Madrid en met de bus naar Nederland.",
     ["USA", "ESP", "NLD"]),
])
def test_georgia_is_the_us_state_when_only_american_places_are_named(text, route):
    assert list(extract_route(text).route) == route


@pytest.mark.parametrize("text, route", [
    ("Q: Where did you live? A: In Georgia, in Batumi. My brother lives in Atlanta. Q: How did you come here? "
     "A: I flew from Batumi to Istanbul and then to Amsterdam.",
     ["GEO", "TUR", "NLD"]),
    ("Hij vertrok uit Georgië en reisde met de bus door Turkije naar Bulgarije. Daarna met de trein naar Nederland.",
     ["GEO", "TUR", "BGR", "NLD"]),
])
def test_georgia_stays_the_country(text, route):
    assert list(extract_route(text).route) == route
