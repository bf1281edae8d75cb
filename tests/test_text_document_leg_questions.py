"""A transcript question about where one LEG began is no question about where the journey began.

Kind (examples written here): 'Waar begon die autorit?', 'Where did that flight leave from?' and the elliptic
'Vanwaar?' / 'From where?' ask about the leg the answer before told; their answer's first place is that leg's start,
not the journey's. A question about the journey ('Waar begon uw reis?') still gives the start, asked last or not.
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("V: En Oostenrijk? A: Alleen doorgereden, met dezelfde auto tot Wenen. V: Waar begon die autorit? "
     "A: In Boedapest. Daarvoor kwam ik met de bus uit Belgrado. V: Hoe kwam u in Servie? A: Met het vliegtuig uit "
     "Istanbul. Mijn reis begon in Istanbul. V: En na Wenen? A: Met de trein naar Nederland.",
     ["TUR", "SRB", "HUN", "AUT", "NLD"]),
    ("Q: And Austria? A: We only drove through it, to Vienna. Q: Where did that ride begin? A: In Budapest. "
     "Before that I came by bus from Belgrade. Q: How did you get to Serbia? A: I flew from Istanbul. My journey "
     "began in Istanbul. Q: And after Vienna? A: By train to the Netherlands.",
     ["TUR", "SRB", "HUN", "AUT", "NLD"]),
])
def test_a_question_about_one_leg_does_not_give_the_start(text, route):
    found = list(extract_route(text).route)   # the start is the kind here; the order of the rest is the timeline's
    assert found[0] == route[0] and sorted(found) == sorted(route)


def test_a_question_about_the_journey_still_gives_the_start():
    text = ("V: Hoe kwam u in Nederland? A: Met de trein uit Belgie. V: En daarvoor? A: Frankrijk, met de bus. "
            "V: Waar begon uw reis? A: In Marokko. Ik vloog naar Parijs.")
    assert list(extract_route(text).route) == ["MAR", "FRA", "BEL", "NLD"]
