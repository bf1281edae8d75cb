"""A lawyer's letter answering the intended decision ("zienswijze op het voornemen", "Re: intended decision"): the
finding it disputes is the decision's version, not the client's route (``letters.py``)."""

import pytest

from routekit.text import extract_route


@pytest.mark.parametrize("text, expected", [
    ("Re: intended decision, client Ms N. Karimi. Counsel disputes the finding that the client came 'via Pakistan'. "
     "She left Mashhad by bus, crossed into Turkey on foot and flew from Istanbul to Amsterdam.", "IRN>TUR>NLD"),
    ("Namens cliënt reageer ik op het voornemen. Cliënt betwist uitdrukkelijk dat hij 'vanuit Libië' is vertrokken. "
     "Hij vertrok met een boot uit Zarzis in Tunesië naar Lampedusa en reisde met de trein via Frankrijk naar "
     "Nederland.", "TUN>ITA>FRA>NLD"),
])
def test_the_disputed_finding_is_not_the_route(text, expected):
    assert extract_route(text).route_text == expected
