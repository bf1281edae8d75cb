"""Issue 15, fourth round of the document layer: kinds of record structure, each with a Dutch and an English example
written for this test (not taken from an evaluation set)."""

import pytest

from routekit.text import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


# --- Q/A: a statement the interviewer makes before asking ("Uit Eurodac blijkt ...", "Your ticket shows ...") names a
# country that another answer tells; that answer, not the interviewer's framing, places it on the route
@pytest.mark.parametrize("text, expected", [
    ("V: Uw instapkaart toont een vlucht vanuit Doha. Waar bent u begonnen? A: In Karachi. Ik vloog eerst naar Doha "
     "en daar stapte ik over. V: Verliet u de luchthaven in Doha? A: Nee. V: En daarna? A: Naar Amsterdam.",
     "PAK>QAT>NLD"),
    ("Q: Your boarding pass shows DOH-AMS. Where did you board the first flight? A: In Lahore. I flew to Doha and "
     "changed planes there. Q: Did you leave the airport in Doha? A: No.",
     "PAK>QAT>NLD"),
])
def test_interviewer_premise_is_placed_by_the_answers(text, expected):
    assert route(text) == expected


def test_a_premise_the_person_only_confirms_keeps_its_place():
    """'Dat klopt, ...' only agrees with the interviewer: no other answer tells the country, so the premise stays."""
    text = ("V: Uit Eurodac blijkt dat u in Griekenland bent geregistreerd. A: Dat klopt, op Lesbos. V: Hoe kwam u "
            "daarna verder? A: Met de veerboot naar Athene en met het vliegtuig naar Amsterdam.")
    assert route(text) == "GRC>NLD"
