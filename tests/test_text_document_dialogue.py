"""Q/A transcripts beyond the answer's first word (``document.yaml`` section ``dialogue``, ``dialogue.py``): answers
that do not know, elliptic negatives, 'never there' after a question about staying, earlier statements taken back,
alternatives, and a transcript as an interview held in the Netherlands."""

import pytest

from routekit.text import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # an answer that does not know: the yes/no question's country is not travelled
    ("V: Hoe kwam u in Oostenrijk? A: Met de trein uit Hongarije. V: Reed de trein door Slowakije? "
     "A: Dat weet ik niet, ik sliep. V: En daarna? A: Van Oostenrijk met de bus naar Nederland.",
     "HUN>AUT>NLD"),
    ("Q: How did you reach Spain? A: By boat from Morocco. Q: Did the bus go through Belgium? A: I don't know, "
     "maybe. Q: Where did you get off? A: In Amsterdam.", "MAR>ESP>NLD"),
    # elliptic negatives
    ("V: Bent u in Griekenland geweest? A: Nee. V: In Bulgarije? A: Ook niet. V: Hoe kwam u hier? "
     "A: Met het vliegtuig van Istanbul naar Amsterdam.", "TUR>NLD"),
    ("Q: Were you in Croatia? A: Croatia, no. Q: How did you come? A: From Serbia to Hungary on foot, then by "
     "train to Austria and the Netherlands.", "SRB>HUN>AUT>NLD"),
    # never there, though the question asked about staying
    ("V: Heeft u in Roemenië overnacht? A: Nee, daar ben ik nooit geweest. V: Hoe ging de reis? A: Van Turkije "
     "naar Bulgarije en Servië, toen Hongarije en met de trein naar Nederland.", "TUR>BGR>SRB>HUN>NLD"),
    ("Q: Have you been in Libya? A: My uncle lives in Tripoli, but I have not been there. Q: How did you travel? "
     "A: I flew from Khartoum to Istanbul, then a boat to Greece and a plane to Amsterdam.", "SDN>TUR>GRC>NLD"),
    # an earlier statement taken back
    ("V: In het aanmeldgehoor noemde u Slovenië. A: Dat is verkeerd genoteerd, ik zei Slowakije. "
     "V: Hoe reisde u? A: Van Hongarije naar Slowakije en Tsjechië, daarna met de bus naar Nederland.",
     "HUN>SVK>CZE>NLD"),
    ("Q: Earlier you said you came through Bulgaria. A: That was a mistake. We walked from Turkey to Greece and "
     "then took the bus through North Macedonia and Serbia. Q: And then? A: Hungary, Austria and the Netherlands.",
     "TUR>GRC>MKD>SRB>HUN>AUT>NLD"),
    # alternatives: the one the answer does not name is not travelled
    ("Q: Did you cross into Latvia or Lithuania? A: Lithuania. Q: And after that? A: A car to Poland and Germany, "
     "then the train to the Netherlands.", "LTU>POL>DEU>NLD"),
    # a transcript that speaks of the asylum procedure is an interview in the Netherlands: the route ends in NLD
    ("V: Waar begon uw reis? A: In Kabul. V: Hoe ging u verder? A: Via Iran naar Turkije. V: En toen? "
     "A: Met een boot naar Griekenland en met het vliegtuig naar Duitsland. V: Heeft u daar asiel gevraagd? A: Nee.",
     "AFG>IRN>TUR>GRC>DEU>NLD"),
    ("Q: Where did you first enter Europe? A: In Spain, by boat from Morocco. Q: And then? A: A bus to France.",
     "MAR>ESP>FRA>NLD"),
])
def test_turns(text, expected):
    assert route(text) == expected


def test_a_wh_question_presumes_the_travel_it_names():
    """'How did you get from Germany here? - I don't know' does not deny Germany."""
    text = ("V: Hoe kwam u in Duitsland? A: Met de trein uit Oostenrijk. V: Hoe kwam u van Duitsland naar Nederland? "
            "A: Dat weet ik niet meer.")
    assert route(text) == "AUT>DEU>NLD"


@pytest.mark.parametrize("text, expected", [
    # a refusal to answer tells nothing about the question's country
    ("Q: How did you come to Europe? A: I will not say. Q: Did you pass through Libya? A: I will not answer that. "
     "Q: Were you in Italy? A: I do not want to say. Q: When did you arrive? A: Last month.", ""),
    # a later answer that affirms corrects an earlier 'no' to a presence question
    ("V: Bent u in Griekenland geweest? A: Nee. V: Uw vingerafdrukken zijn in Griekenland afgenomen. A: Ja, dat "
     "klopt, ik was twee weken in Griekenland. V: Hoe kwam u daarna hier? A: Met het vliegtuig van Athene naar "
     "Amsterdam.", "GRC>NLD"),
    # an elliptic question whose answer takes the country back itself
    ("V: Via welke landen bent u gereisd? A: Turkije, Bulgarije, Roemenië, Hongarije. V: En Roemenië? A: Nee, "
     "sorry, Roemenië niet. Van Bulgarije gingen we naar Servië en dan Hongarije. V: En toen? A: Met de trein naar "
     "Oostenrijk en hierheen.", "TUR>BGR>SRB>HUN>AUT>NLD"),
    # ... but a 'no' that only corrects which place was meant keeps the country ("In Spain? - No, Granada in
    # Nicaragua"; Granada is shared by two countries)
    ("Q: Where were you born? A: Granada. Q: In Spain? A: No, Granada in Nicaragua. Q: How did you get to Spain? "
     "A: I flew from Managua to Madrid and later took a plane from Barcelona to Eindhoven.", "NIC>ESP>NLD"),
])
def test_later_turns(text, expected):
    assert route(text) == expected
