"""A shared city name in an alternatives question ("Tripoli in Libie of in Libanon?"): the answer picks the reading.

Kinds (examples written here): the name's reading is the country the answer chooses, else the first country named
right after it - also when that country is the name's default reading; the alternative the answer does not choose
is not travelled, even after an answer opening with 'Nee'/'No' ("Nee, in Spanje").
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # the default reading named first, the answer choosing it
    ("V: Waar woonde u? A: In Tripoli. V: Tripoli in Libie of in Libanon? A: In Libie. "
     "V: Hoe ging u verder? A: Met een boot naar Italie en dan met de trein naar Nederland.",
     ["LBY", "ITA", "NLD"]),
    # the other reading named first, the answer choosing the default
    ("V: Waar woonde u? A: In Tripoli. V: Tripoli in Libanon of in Libie? A: Nee, in Libie. "
     "V: Hoe ging u verder? A: Met een boot naar Italie en dan met de trein naar Nederland.",
     ["LBY", "ITA", "NLD"]),
    # the answer choosing the non-default reading
    ("Q: Where did you live? A: In Tripoli. Q: Tripoli in Libya or in Lebanon? A: Lebanon, near the port. "
     "Q: And then? A: I flew to Turkey and went by truck to the Netherlands.",
     ["LBN", "TUR", "NLD"]),
    ("V: U zegt dat u in Cordoba werkte. Cordoba in Spanje of in Argentinie? A: Nee, in Spanje. "
     "V: Hoe kwam u daar? A: Vanuit Marokko met een boot naar Spanje, daarna met de bus naar Nederland.",
     ["MAR", "ESP", "NLD"]),
])
def test_the_answer_picks_the_reading_of_a_shared_name(text, route):
    assert list(extract_route(text).route) == route


def test_a_shared_name_followed_by_its_default_country_keeps_it():
    text = "Ik woonde in Tripoli, Libie. Daarna met de boot naar Italie en met de trein naar Nederland."
    assert list(extract_route(text).route) == ["LBY", "ITA", "NLD"]


def test_the_shared_name_said_again_in_the_alternatives_question():
    text = ("Q: Which city? A: Tripoli. Q: Tripoli in Libya or Tripoli in Lebanon? A: Lebanon, near the sea. "
            "Q: How did you leave? A: By boat to Cyprus and then I flew to the Netherlands.")
    assert list(extract_route(text).route) == ["LBN", "CYP", "NLD"]
