"""Round 15 (issue 15), interview transcripts: a 'no' answered with a drive through, or to a question whether a leg
between two places was direct, keeps the country. Hand-written texts, Dutch and English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- "Did you stop in X? A: No, we drove straight through": the answer tells a passage, the country stays ------------

@pytest.mark.parametrize("text, expected", [
    # English: a question about stopping, answered with a drive through
    ("Q: Where did you cross into the EU? A: Into Greece, at the river. Q: And then? A: By bus to North Macedonia "
     "and Serbia. Q: Did you stop in Hungary? A: No, the van drove straight through to Vienna. Q: After Austria? "
     "A: A train to Munich and then to Amsterdam.", ("GRC", "MKD", "SRB", "HUN", "AUT", "DEU", "NLD")),
    # Dutch: "gestopt" asked, "doorheen gereden" answered
    ("V: Hoe kwam u in Duitsland? A: Met een busje uit Wit-Rusland. V: Bent u in Litouwen gestopt? A: Nee, we zijn "
     "er zonder pauze doorheen gereden tot Hamburg. V: En daarna? A: Met de trein naar Groningen.",
     ("BLR", "LTU", "DEU", "NLD")),
    # Dutch: "doorheen gereden" in the answer ('no' to getting out of the car, a question no stay word asks)
    ("V: Waar kwam u Europa binnen? A: In Bulgarije, lopend. V: Bent u in Servië uit de auto gegaan? A: Nee, we zijn er "
     "in een vrachtwagen doorheen gereden tot Boedapest. V: Daarna? A: De trein naar Wenen en naar Utrecht.",
     ("BGR", "SRB", "HUN", "AUT", "NLD")),
])
def test_a_no_to_a_stop_question_answered_with_a_drive_through_keeps_the_country(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a 'no' to whether the person was there at all still denies it
    ("Q: Where did you cross into the EU? A: Into Greece. Q: Were you in Albania? A: No, we went north through "
     "North Macedonia to Serbia. Q: Then? A: By car to Hungary and on to the Netherlands.",
     ("GRC", "MKD", "SRB", "HUN", "NLD")),
])
def test_a_no_to_a_presence_question_still_denies(text, expected):
    assert route(text) == expected


# --- "Did you go directly from X to Y? A: No, first ...": 'no' denies the directness, not the places asked -----------

@pytest.mark.parametrize("text, expected", [
    ("V: Waar begon uw reis? A: In Kabul. V: Reisde u vanuit Iran meteen naar Turkije? A: Nee, eerst werkte ik "
     "een jaar in Teheran. Daarna te voet over de grens. V: En daarna? A: Met een boot naar Griekenland en met het "
     "vliegtuig naar Amsterdam.", ("AFG", "IRN", "TUR", "GRC", "NLD")),
    ("Q: Where did your journey begin? A: In Asmara. Q: Did you go from Sudan directly to Libya? A: No, I worked "
     "for two years in Khartoum first. Q: And then? A: A boat to Italy and a train to the Netherlands.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
])
def test_a_no_to_a_direct_leg_question_keeps_the_places_asked(text, expected):
    assert route(text) == expected
