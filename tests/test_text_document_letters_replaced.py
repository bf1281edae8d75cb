"""A letter replacing a quoted term of the report with a few words between ('X' on page 4 should read 'Y').

Kind (examples written here): the quoted wrong term, words saying where it stands ("op pagina 3", "in het verslag",
"on page 4"), then the replacement ("should read 'Y'", Dutch verb-last "moet dus 'Y' zijn"): only the right term
is read.
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Corrections to the interview report, on behalf of our client Mr R. Karimi. 1. He left from Kabul, where he lived. 2. 'Azerbaijan' on "
     "page 4 should read 'Armenia': he flew from Tehran to Yerevan and then on to Minsk. 3. From Belarus he walked "
     "to Poland and went by car to the Netherlands.",
     ["AFG", "IRN", "ARM", "BLR", "POL", "NLD"]),
    ("Correcties op het verslag van het gehoor van client de heer S. Islam. Hij vloog van Dubai met een overstap in "
     "Amman naar Benghazi; 'Cairo' in het verslag moet dus 'Amman' zijn. Vanuit Libie ging hij met een boot naar "
     "Italie en met de trein naar Nederland.",
     ["ARE", "JOR", "LBY", "ITA", "NLD"]),
])
def test_a_quoted_term_replaced_a_few_words_later(text, route):
    assert list(extract_route(text).route) == route
