"""An earlier stay in the Netherlands told as such ('he had been in the Netherlands before', 'was al eerder in
Nederland'): with a later journey named as such ('his second journey', 'zijn tweede reis'), the route is the first.

Examples written here.
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Additions to the interview report, our client Mr K. Mensah. Our client wishes to add that he had been in the "
     "Netherlands before. In 2015 he flew from Accra to Paris and took the train to Amsterdam; after a month he went "
     "home. The journey in the report, through Niger and Libya to Italy, is his second journey to the Netherlands.",
     ["GHA", "FRA", "NLD"]),
    ("Aanvulling op het rapport van het gehoor van client de heer K. Mensah. Client was al eerder in Nederland: in "
     "2015 vloog hij van Accra naar Parijs en nam hij de trein naar Amsterdam. De reis via Niger en Libie naar Italie "
     "is zijn tweede reis naar Nederland.",
     ["GHA", "FRA", "NLD"]),
])
def test_the_first_journey_when_an_earlier_stay_is_told(text, route):
    assert list(extract_route(text).route) == route
