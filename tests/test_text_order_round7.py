"""Flight stops told in more words, and where they sit in the timeline (issue 15, order round 7).

Texts written for these tests (not taken from an evaluation set). Each case is a kind that real records show: the
flight-stop vocabulary completed per verb (overstappen in every tense, 'stapte ... over in', tussenlanden, transit,
bijtanken; change/changing with or without 'planes', stop over, lay over, transit, transfer, connect, refuel), a stop
told after its flight's destination that a question's chain must not put after it, a stop of a flight into another
country that is not the last vehicle's, and a stop told after a word of succession.
"""

import pytest

from routekit.text import extract_route


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # told in a sentence of its own after the flight: the Dutch verb in the past tense and split, the noun after 'te'
    ("Cliënt vloog van Mogadishu naar Istanbul. Hij wil aanvullen dat hij daarbij overstapte in Addis Abeba. "
     "Daarna ging hij met een boot naar Griekenland en vloog naar Nederland.", "SOM>ETH>TUR>GRC>NLD"),
    ("Hij vloog van Lagos naar Parijs. Onderweg stapte hij over in Casablanca. Met de trein kwam hij naar Nederland.",
     "NGA>MAR>FRA>NLD"),
    ("Hij vloog van Lagos naar Parijs. Het vliegtuig maakte een tussenlanding te Casablanca. Met de trein kwam hij "
     "naar Nederland.", "NGA>MAR>FRA>NLD"),
    ("Hij vloog van Khartoum naar Istanbul. Het toestel landde in Caïro om bij te tanken. Vanuit Istanbul vloog hij "
     "naar Amsterdam.", "SDN>EGY>TUR>NLD"),
    # the English verb without 'planes', a layover 'at', refuelling
    ("He flew from Kathmandu to Warsaw. He was changing in Doha. From Warsaw he took a bus to Amsterdam.",
     "NPL>QAT>POL>NLD"),
    ("She flew from Accra to Brussels, with a layover at Casablanca, then took the train to Amsterdam.",
     "GHA>MAR>BEL>NLD"),
    ("He flew from Khartoum to Istanbul. The plane refuelled in Cairo. From Istanbul he flew to Amsterdam.",
     "SDN>EGY>TUR>NLD"),
])
def test_flight_stop_words(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an answer telling a flight and its stop after the destination, to a question asking what came after the
    # start: the stop is no next country after the destination
    ("Q: How did you leave India? A: A flight from Delhi to Belgrade, changing in Dubai. Q: And from Serbia? "
     "A: We walked into Hungary and took a train to Vienna and on to Amsterdam.", "IND>ARE>SRB>HUN>AUT>NLD"),
    ("V: Hoe verliet u Irak? A: Met een vlucht van Bagdad naar Minsk, met een overstap in Istanbul. V: En daarna? "
     "A: Te voet naar Polen en met de bus naar Nederland.", "IRQ>TUR>BLR>POL>NLD"),
])
def test_a_stop_told_after_its_destination_in_an_answer(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a record opening with the last vehicle, and a flight stop before another country: not moved to the end
    ("He arrived at Ter Apel by train from Amsterdam, where he had come by bus from Warsaw. He had reached Poland "
     "by plane from Kathmandu, changing in Doha.", "NPL>QAT>POL>NLD"),
    ("KMar Schiphol. Betrokkene arriveerde met vlucht IB 3254 uit Madrid. Zij verklaarde dat zij vanuit "
     "Tegucigalpa vertrok, overstapte in Mexico-Stad en daarna in Madrid.", "HND>MEX>ESP>NLD"),
])
def test_a_stop_of_another_flight_than_the_last(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a stop told after a word of succession comes after what was told before, not before it
    ("Aanmeldgehoor, v-nr. 1234567890. V: Vanaf welke luchthaven? A: Teheran. V: Rechtstreeks naar Amsterdam? A: Nee, eerst naar Istanbul. "
     "V: Was Istanbul uw laatste overstap? A: Nee, ik moest daarna nog in Belgrado overstappen.", "IRN>TUR>SRB>NLD"),
    ("KMar Schiphol, border check. Q: From which airport? A: Tehran. Q: Straight to Amsterdam? A: No, first to Istanbul. Q: Was that the last "
     "stop? A: No, after that we changed planes in Belgrade.", "IRN>TUR>SRB>NLD"),
])
def test_a_stop_told_after_a_word_of_succession(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a country question naming where the person went asks where that last leg began, not the journey's start
    ("V: Vanuit welk land bent u naar Nederland gereisd? A: Vanuit Duitsland, met de bus uit Keulen. V: En hoe kwam "
     "u in Duitsland? A: Ik vloog van Lagos naar Frankfurt.", "NGA>DEU>NLD"),
    ("Q: From which country did you travel to the Netherlands? A: From France, by train from Lyon. Q: And how did you "
     "get to France? A: I flew from Dakar to Lyon.", "SEN>FRA>NLD"),
    # with a verb of starting it still asks for the start, wherever it is asked
    ("V: Hoe kwam u in Nederland? A: Met de trein uit Duitsland. V: Vanuit welk land bent u vertrokken? A: Uit "
     "Eritrea, daarna Soedan en Libië. Met de boot naar Italië.", "ERI>SDN>LBY>ITA>DEU>NLD"),
    ("Q: How did you get to the Netherlands? A: By bus from Germany. Q: From which country did your journey start? "
     "A: From Syria. Then Turkey and Greece, and on foot through the Balkans to Germany.", "SYR>TUR>GRC>DEU>NLD"),
])
def test_a_country_question_asks_for_the_start_only_with_a_start_verb(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the journey's start told in a participle clause after the way: the first country, wherever it is told
    ("This report concerns Ms L., who stated that she had been brought via Moscow and Warsaw by a smuggler, starting "
     "in Hanoi, and then by car to Amsterdam.", "VNM>RUS>POL>NLD"),
    ("Proces-verbaal. Betrokkene verklaarde dat hij via Iran en Turkije naar Griekenland was gereisd, beginnend in "
     "Kabul, en daarna met het vliegtuig naar Amsterdam.", "AFG>IRN>TUR>GRC>NLD"),
])
def test_a_start_told_in_a_participle_clause(text, expected):
    assert route(text) == expected
