"""Round 14 (issue 15), a change of planes told after the flight: a transcript's question whether the person changed
planes, asked in the words a Dutch interviewer uses ("Stapte u over?"), and its answer ("Ja, in Istanbul") tell a
flight stop between the flight's two ends told before. Hand-written texts, Dutch and English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # the flight's ends in an earlier answer, the change of planes asked with a split verb and answered with a place
    ("V: Hoe reisde u? A: Uit Bagdad, met het vliegtuig naar Minsk. V: Stapte u onderweg over? A: Ja, in Istanbul, "
     "ik bleef op het vliegveld. V: En toen? A: Door het bos naar Polen.", ("IRQ", "TUR", "BLR", "POL", "NLD")),
    ("V: Hoe reisde u? A: Ik vloog van Teheran naar Minsk. V: Stapte u over? A: Ja, in Istanbul. V: Daarna? "
     "A: Met een auto naar Polen.", ("IRN", "TUR", "BLR", "POL", "NLD")),
    ("V: Hoe reisden jullie? A: We vlogen van Damascus naar Minsk. V: Stapten jullie ergens over? A: Ja, in "
     "Istanbul. V: Daarna? A: Lopend naar Litouwen.", ("SYR", "TUR", "BLR", "LTU", "NLD")),
    # English, the same kind asked with transfer words
    ("Q: How did you travel? A: I flew from Baghdad to Minsk. Q: Did you transfer anywhere? A: Yes, in Istanbul. "
     "Q: And then? A: On foot to Poland.", ("IRQ", "TUR", "BLR", "POL", "NLD")),
])
def test_a_change_of_planes_asked_after_the_flight_lies_inside_it(text, expected):
    assert route(text) == expected


def test_a_question_about_changing_buses_is_not_a_flight_stop_when_no_answer_names_a_place():
    # the question asks about a change, the answer names no place: nothing moves
    assert route("V: U vloog van Bagdad naar Minsk? A: Ja. V: Stapte u over? A: Nee. V: Daarna? A: Naar Polen.") == (
        "IRQ", "BLR", "POL", "NLD")


# --- a place called only a transfer after the flight was told ("Dubai was only a transfer") ------------------------

@pytest.mark.parametrize("text, expected", [
    ("I flew from Colombo to Paris and took the train to Amsterdam. Dubai was only a transfer.",
     ("LKA", "ARE", "FRA", "NLD")),
    ("Ik vloog van Lagos naar Parijs en nam de trein naar Amsterdam. Casablanca was alleen een overstap.",
     ("NGA", "MAR", "FRA", "NLD")),
    ("Hij vloog van Kabul naar Rome en reisde per bus naar Nederland. Doha was voor hem maar een tussenlanding.",
     ("AFG", "QAT", "ITA", "NLD")),
])
def test_a_place_called_only_a_transfer_lies_inside_the_flight_told_before(text, expected):
    assert route(text) == expected


# --- the flight itself said to go via or stop in a place, in a sentence after the flight ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Mijn cliënt vloog met een vals paspoort van Kabul naar Amsterdam. De vlucht ging via Istanbul.",
     ("AFG", "TUR", "NLD")),
    ("Our client flew from Tehran to Amsterdam on a forged passport. The flight went via Baku.",
     ("IRN", "AZE", "NLD")),
    ("Our client flew from Lagos to Amsterdam on a forged passport. The plane stopped in Accra; he stayed on board.",
     ("NGA", "GHA", "NLD")),
])
def test_the_flight_said_to_go_via_a_place_after_it_was_told_stops_there(text, expected):
    assert route(text) == expected


# --- the answer opens with the stop, the place in the question before it ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Q: How did you travel? A: By plane from Colombo to Paris. Q: You came via Dubai? A: Yes, I only changed planes "
     "there. Q: And then? A: By train to Amsterdam.", ("LKA", "ARE", "FRA", "NLD")),
    ("V: Hoe reisde u? A: Met het vliegtuig van Colombo naar Parijs. V: En Dubai? A: Daar ben ik alleen overgestapt. "
     "V: Daarna? A: Met de trein naar Amsterdam.", ("LKA", "ARE", "FRA", "NLD")),
])
def test_an_answer_opening_with_a_change_of_planes_makes_the_asked_place_a_stop(text, expected):
    assert route(text) == expected
