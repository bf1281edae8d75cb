"""Leg modes told without naming the country of the leg (issue 15, modes round 10): hand-made texts, Dutch and
English, one per mechanism of ``routekit.text.legmodes``."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route, modes", [
    # a mode that leads 'here': the leg into the Netherlands, not named
    ("V: Hoe bent u van Syrie naar Duitsland gereisd? A: Ik vloog van Damascus naar Berlijn. "
     "V: En daarna? A: Daarna een bus naar hier.", ("SYR", "DEU", "NLD"), ("plane", "bus")),
    ("Q: How did you travel to the Netherlands? A: I flew from Erbil to Brussels and took a train here.",
     ("IRQ", "BEL", "NLD"), ("plane", "train")),
])
def test_a_mode_that_leads_here_is_the_leg_into_the_netherlands(text, route, modes):
    result = extract_route(text)
    assert result.route == route
    assert result.modes == modes


@pytest.mark.parametrize("text, route, modes", [
    # a mode leading from the last country abroad, with no destination after it
    ("V: Hoe kwam u in Oostenrijk? A: Met het vliegtuig uit Irak. V: En hoe bent u hier gekomen? "
     "A: Met de nachttrein uit Wenen.", ("IRQ", "AUT", "NLD"), ("plane", "train")),
    ("Police report, Amsterdam. The suspect stated that he flew from Lagos to Frankfurt in 2019 and that he came by "
     "bus from Germany in 2023.", ("NGA", "DEU", "NLD"), ("plane", "bus")),
])
def test_a_mode_from_the_last_country_is_the_leg_into_the_netherlands(text, route, modes):
    result = extract_route(text)
    assert result.route == route
    assert result.modes == modes


def test_a_mode_from_a_country_towards_another_stays_that_legs():
    """'met de trein uit Keulen naar Berlijn' is a leg inside Germany: it tells nothing of the leg here."""
    result = extract_route("V: Hoe kwam u in Duitsland? A: Met het vliegtuig uit Irak, daarna met de trein uit "
                           "Keulen naar Berlijn. Daarna ben ik in Nederland aangekomen.")
    assert result.route == ("IRQ", "DEU", "NLD")
    assert result.modes[-1] == "unknown"


@pytest.mark.parametrize("text, modes", [
    # the vehicle a record opens with, found in it before any country of the journey: the leg here
    ("MTV-controle in de ICE t.h.v. Zevenaar. Betr. verklaarde dat hij uit Irak naar Duitsland was gevlogen en in "
     "Keulen was ingestapt.", ("plane", "train")),
    ("KMar check on an ICE near Zevenaar. The passenger stated that he had flown from Baghdad to Berlin.",
     ("plane", "train")),
])
def test_the_vehicle_a_record_opens_with_is_the_leg_into_the_netherlands(text, modes):
    result = extract_route(text)
    assert result.route == ("IRQ", "DEU", "NLD")
    assert result.modes == modes


@pytest.mark.parametrize("text, route, modes", [
    # vehicle words of modes.yaml's lists: compounds and regional names
    ("V: Hoe kwam u in Italie? A: Met een zeilboot uit Turkije. Daarna met de nachttrein naar Frankrijk.",
     ("TUR", "ITA", "FRA"), ("boat", "train")),
    ("Q: How did you reach Italy? A: In a sailboat from Turkey. Then by night train to France.",
     ("TUR", "ITA", "FRA"), ("boat", "train")),
    ("Hij is met de nachtboot van Tunesie naar Italie gegaan.", ("TUN", "ITA"), ("ferry",)),
])
def test_vehicle_words(text, route, modes):
    result = extract_route(text)
    assert result.route == route
    assert result.modes == modes


@pytest.mark.parametrize("text", [
    "Ik vloog van Amman naar Cairo en van daar naar Benghazi.",
    "In 2023 vloog hij van Amman naar Cairo en vanaf daar naar Benghazi. Daarna met een boot naar Italie.",
])
def test_a_flight_connection_told_with_van_daar_is_a_flight(text):
    """'en van daar naar', like 'en vandaar naar' and 'and from there to': the next stop of the same trip."""
    result = extract_route(text)
    assert result.route[:3] == ("JOR", "EGY", "LBY")
    assert result.modes[:2] == ("plane", "plane")


@pytest.mark.parametrize("text", [
    "The applicant states that she took a bus from Aleppo to the Turkish border, walked across, and in 2023 flew "
    "from Istanbul to Amsterdam.",
    "Hij nam de bus van Aleppo naar de Turkse grens en liep de grens over. Daarna vloog hij van Istanbul naar "
    "Amsterdam.",
])
def test_a_border_reached_is_crossed_by_the_mode_told_after_it(text):
    """The bus reaches the border (not the leg into Turkey); the walk after it crosses it."""
    result = extract_route(text)
    assert result.route == ("SYR", "TUR", "NLD")
    assert result.modes == ("foot", "plane")



@pytest.mark.parametrize("text", [
    "V: Welke landen bent u doorgereisd? A: Tunesie, Italie, Frankrijk. V: Hoe kwam u in Italie? A: Met een boot uit "
    "Sfax. V: Heeft u in Frankrijk gewoond? A: Twee jaar in Lyon. Toen met de trein hierheen.",
    "Q: Which countries did you pass? A: Tunisia, Italy, France. Q: How did you reach Italy? A: By boat from Sfax. "
    "Q: Did you live in France? A: Two years in Lyon. Then by train to here.",
])
def test_a_mode_told_apart_that_leads_here_is_not_the_last_country_reached(text):
    """A sentence with only a mode gives it to the last country reached - unless it leads here."""
    result = extract_route(text)
    assert result.route == ("TUN", "ITA", "FRA", "NLD")
    assert result.modes == ("boat", "unknown", "train")


@pytest.mark.parametrize("text", [
    "Controle trein Brussel-Amsterdam t.h.v. Roosendaal. Betrokkene verklaarde dat hij vanuit Marokko met een boot "
    "naar Spanje was gevaren en daarna een jaar in Belgie heeft gewoond.",
    "KMar check, Thalys 9327 Brussels-Amsterdam near Roosendaal. The man stated that he had crossed from Morocco to "
    "Spain by boat and had then lived in Belgium for a year.",
])
def test_the_origin_of_an_opening_vehicle_is_not_reached_by_it(text):
    """The train the person was found in came from Brussels: it is the leg here, not the way Belgium was reached."""
    result = extract_route(text)
    assert result.route == ("MAR", "ESP", "BEL", "NLD")
    assert result.modes == ("boat", "unknown", "train")


@pytest.mark.parametrize("text", [
    "Vanuit Patras reisde hij verstopt in een vrachtwagen op de veerboot naar Ancona, en vandaar met de trein naar "
    "Frankrijk.",
    "From Patras he was hidden in a lorry on the ferry to Ancona, and from there he took the train to France.",
])
def test_a_lorry_carried_on_a_ferry_is_the_legs_vehicle(text):
    """The labelling conventions: the vehicle the person was in (the truck), not the ferry that carried it."""
    result = extract_route(text)
    assert result.route == ("GRC", "ITA", "FRA")
    assert result.modes == ("truck", "train")


@pytest.mark.parametrize("text", [
    "Van Patras reisde hij in een vrachtwagen op de boot naar Italie. Daarna met de trein naar Frankrijk.",
    "From Patras I was hidden in a truck that went on the ship to Italy. Then by train to France.",
])
def test_a_lorry_on_a_ship_is_the_legs_vehicle(text):
    result = extract_route(text)
    assert result.route == ("GRC", "ITA", "FRA")
    assert result.modes == ("truck", "train")


def test_a_lorry_before_a_boat_crossing_is_not_carried_on_it():
    """A lorry that brought people to the water, then a boat: the crossing is the boat's."""
    result = extract_route("In Turkije bracht een vrachtwagen ons naar de rivier en we staken met een bootje over "
                           "naar Griekenland. Daarna met de trein naar Duitsland.")
    assert result.modes[-2:] == ("boat", "train")


def test_by_road_names_no_vehicle():
    """'by road' may be a bus, a car or a lorry: the conventions give `unknown` to a mode the text does not give."""
    result = extract_route("Q: How did you travel? A: I went from Juba to Nairobi by road and flew from Nairobi to "
                           "Amsterdam.")
    assert result.route == ("SSD", "KEN", "NLD")
    assert result.modes == ("unknown", "plane")


# --- review 10 findings: a mode the text does not tell for the leg into the Netherlands stays `unknown` ---

@pytest.mark.parametrize("text", [
    "Ik kom uit Irak. Met de taxi naar het vliegveld van Erbil. Ik vloog naar Turkije. Na een jaar ben ik naar "
    "Nederland gekomen.",
    "I come from Afghanistan. We took a bus to the Turkish border and walked into Turkey. From Istanbul I flew to "
    "Germany. Later I came to the Netherlands.",
])
def test_the_first_legs_vehicle_is_not_the_leg_into_the_netherlands(text):
    """Only a check record's opening names the vehicle the person was found in; a story's first vehicle is its first
    leg's, and the leg here is told by nothing (review 10, finding 3)."""
    result = extract_route(text)
    assert result.route[-1] == "NLD" and len(result.route) >= 3
    assert result.modes[-1] == "unknown"


@pytest.mark.parametrize("text, first_leg", [
    ("A truck took us to the port in Greece, then a ferry took us to Italy. From Italy I went by train to France.",
     "ferry"),
    ("Een vrachtwagen bracht ons naar de haven in Griekenland, daarna bracht een veerboot ons naar Italie. Vanuit "
     "Italie ging ik met de trein naar Frankrijk.", "ferry"),
])
def test_a_lorry_that_brought_people_to_the_port_is_not_carried_on_the_ferry(text, first_leg):
    """A ferry is a truck leg only with the person inside the lorry on it (review 10, finding 4)."""
    result = extract_route(text)
    assert result.route == ("GRC", "ITA", "FRA")
    assert result.modes == (first_leg, "train")


@pytest.mark.parametrize("text", [
    "From Turkey I went to Greece. I saw a truck on the ship to Italy but I was sitting on deck. Then by train to "
    "France.",
    "Van Turkije ging ik naar Griekenland. Ik zag een vrachtwagen op de boot naar Italie, maar ik zat aan dek. Daarna "
    "met de trein naar Frankrijk.",
])
def test_a_lorry_seen_on_a_ship_is_not_the_legs_vehicle(text):
    result = extract_route(text)
    assert result.route == ("TUR", "GRC", "ITA", "FRA")
    assert result.modes[1:] == ("boat", "train")


@pytest.mark.parametrize("text", [
    "I come from Syria and flew to Germany. My cousin came by train to here last year. I came later.",
    "Ik kom uit Syrie en vloog naar Duitsland. Mijn broer kwam met de trein hierheen. Ik kwam later.",
    "I am from Iraq and flew to Germany. My friend told me he had come by bus from Germany. I came to the "
    "Netherlands later.",
    "Ik kom uit Irak en vloog naar Duitsland. Mijn vriend vertelde dat hij met de bus uit Duitsland was gekomen. "
    "Later ben ik naar Nederland gekomen.",
])
def test_another_persons_leg_here_is_not_the_persons(text):
    """A relative or friend who came here by train tells nothing of the person's own leg (review 10, finding 6)."""
    result = extract_route(text)
    assert result.route[-1] == "NLD" and len(result.route) == 3
    assert result.modes == ("plane", "unknown")


@pytest.mark.parametrize("text", [
    "I come from Syria and flew to Germany. My cousin and I came by train to here last year.",
    "Ik kom uit Syrie en vloog naar Duitsland. Samen met mijn broer ben ik met de trein hierheen gekomen.",
])
def test_the_persons_own_leg_here_with_a_relative_along_is_kept(text):
    result = extract_route(text)
    assert result.route == ("SYR", "DEU", "NLD")
    assert result.modes == ("plane", "train")


@pytest.mark.parametrize("text", [
    "Ik kom uit Irak. Met de bus Iran, Turkije. Daarna met de boot naar Griekenland.",
    "I am from Iraq. By bus Iran, Turkey. Then by boat to Greece.",
])
def test_a_storys_opening_vehicle_reaches_the_place_after_it(text):
    """Only a check record's opening vehicle came from the place named after it ('Controle trein Brussel-Amsterdam');
    a story's first bus leads to the places it names."""
    result = extract_route(text)
    assert result.route == ("IRQ", "IRN", "TUR", "GRC")
    assert result.modes == ("bus", "bus", "boat")


@pytest.mark.parametrize("text, route", [
    ("Q: How did you travel? A: By plane from Damascus to Amman, then to Istanbul, then to Berlin.",
     ("SYR", "JOR", "TUR", "DEU")),
    ("Ik vloog van Damascus naar Amman, toen naar Istanbul, toen naar Berlijn.", ("SYR", "JOR", "TUR", "DEU")),
])
def test_every_stop_of_a_flight_chain_is_flown(text, route):
    """'then to X, then to Y': each stop joined by connector words only reads the leg before it as decided, so the
    chain carries the flight past its second stop."""
    result = extract_route(text)
    assert result.route == route
    assert result.modes == ("plane", "plane", "plane")
