"""Countries the record denies (issue 15, MENTIONS): a reported question answered 'no' ('Asked whether she had ever been
to Italy, she said no', 'Vraag of hij in Frankrijk was: nee'); islands denied with 'op' ('nooit op Curacao of Bonaire
geweest'); a country named to deny it inside quotes ("'not Venezuela, I have never been there'"); a transcript's 'did
you ever go to X? No'. Examples written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("KMar report. The woman stated that she flew from Lagos to Addis Ababa and on to Brussels, where she lived for a "
     "year, and came to Breda by bus. Asked whether she had ever been to Italy or Spain, she said no.",
     ("NGA", "ETH", "BEL", "NLD")),
    ("Betrokkene zegt: 'Soedan, Libie, Italie. Van Italie met de trein naar Zwitserland en Duitsland. Daarna "
     "Nederland.' Vraag van de tolk of hij in Frankrijk was: 'nee, Zwitserland.'",
     ("SDN", "LBY", "ITA", "CHE", "DEU", "NLD")),
    # a question answered yes keeps its country
    ("He flew from Lagos to Addis Ababa and Brussels and came to Breda by bus. Asked whether he had been to Belgium "
     "before, he said yes, for a year.",
     ("NGA", "ETH", "BEL", "NLD")),
])
def test_reported_question_answered_no(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    ("Zij verklaarde per boot vanuit Venezuela naar Aruba te zijn gebracht en daarna naar Schiphol te zijn gevlogen. "
     "Zij verklaarde dat zij nooit op Curacao of Bonaire was geweest.",
     ("VEN", "ABW", "NLD")),
    ("She flew from Lima to Madrid and lived in Valencia for a year. She stressed that Valencia is in Spain, 'not "
     "Venezuela, I have never been there'. She then flew to Eindhoven.",
     ("PER", "ESP", "NLD")),
    ("Q: Where did you start? A: In Beirut. Q: Did you ever go to Libya? A: No, never. Q: How did you leave Lebanon? "
     "A: By boat to Cyprus, then a flight to Athens and one to Amsterdam.",
     ("LBN", "CYP", "GRC", "NLD")),
])
def test_denied_places(text, route):
    assert extract_route(text).route == route
