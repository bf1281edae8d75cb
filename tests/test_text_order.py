"""The route as a timeline: order cues that are not the order of the text, and the end of a Dutch record.

Texts written for these tests (not taken from an evaluation set): each case is a kind of sentence or document
structure that real records show.
"""

import pytest

from routekit.text import extract_route


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # a police or KMar record, or a letter about an interview report, is about a person in the Netherlands: its
    # route ends in NLD even when it names no Dutch place (hand-labelled convention, heldout README rule 2)
    ("Proces-verbaal van bevindingen. Betrokkene verklaarde dat hij uit Syrie via Turkije naar Griekenland was "
     "gereisd en vandaar met de bus naar Oostenrijk.", "SYR>TUR>GRC>AUT>NLD"),
    ("KMar-controle in de trein uit Keulen. Betrokkene zei dat hij vanuit Polen naar Duitsland was gekomen.",
     "POL>DEU>NLD"),
    ("Re: corrections to the interview report. My client travelled from Eritrea to Sudan and then to Libya, "
     "not to Egypt.", "ERI>SDN>LBY>NLD"),
    ("Bij de grenscontrole verklaarde de man dat hij uit Belgie kwam.", "BEL>NLD"),
])
def test_dutch_record_ends_in_the_netherlands(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a plain story that stops abroad keeps its last country (no Dutch record marker)
    ("Ik ben uit Syrie naar Turkije gegaan en daarna naar Griekenland.", "SYR>TUR>GRC"),
    # an abroad note is about a person outside the Netherlands
    ("ILO-bericht: betrokkene werd in Istanbul tegengehouden. Hij was vanuit Teheran naar Istanbul gevlogen.",
     "IRN>TUR"),
    # a nationality alone is still no route in a police record
    ("Proces-verbaal. Betrokkene heeft de Marokkaanse nationaliteit en geen paspoort.", ""),
])
def test_no_netherlands_without_a_dutch_record(text, expected):
    assert route(text) == expected


def test_a_place_merely_named_in_a_dutch_record_is_no_journey():
    text = ("V: Over uw reis praten we in het nader gehoor. Waar is uw paspoort afgegeven? A: In 2019, in Herat.")
    assert route(text) == ""


@pytest.mark.parametrize("text, expected", [
    # a country first told as left and later merely named (an embassy, a visa office) is not reached again there
    ("Zij vloog van Lagos naar Parijs met een visum, afgegeven door de Franse ambassade te Abuja, en reisde daarna "
     "met de trein naar Brussel.", "NGA>FRA>BEL"),
    # ... but one told as left and later reached is placed where it is reached
    ("Hij werd aangetroffen in een bus komende uit Brussel. Hij was vanuit Italie naar Frankrijk gegaan en met de "
     "bus naar Brussel gereisd.", "ITA>FRA>BEL"),
])
def test_a_country_left_is_reached_again_only_by_an_arrival(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a departure inside a relative clause leads to the place the clause is about, not to the next arrival
    ("Hij kwam in Bulgarije aan vanuit Turkije, waar hij vanuit Irak naartoe was gelopen, en reisde verder naar "
     "Servie.", "IRQ>TUR>BGR>SRB"),
    ("She reached Spain from Morocco, where she had flown from Senegal, and went on to France.",
     "SEN>MAR>ESP>FRA"),
])
def test_departure_in_a_relative_clause(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a record that opens with the vehicle the person came in tells the last leg first
    ("KMar Schiphol, tweede lijn. Een passagier van de vlucht uit Dubai toonde een vals paspoort. Hij verklaarde "
     "dat hij vanuit Kabul over land naar Islamabad was gereisd en daar drie maanden had gewacht.", "AFG>PAK>ARE>NLD"),
    ("Check at Eindhoven Airport on the flight from Sofia. The man said he had walked from Turkey into Serbia and "
     "had worked there for a year.", "TUR>SRB>BGR>NLD"),
    ("Controle in Venlo. Een man in de bus uit Dusseldorf zei dat hij van Tunesie naar Italie was gevaren en daar "
     "twee jaar had gewerkt.", "TUN>ITA>DEU>NLD"),
    # a train named by its origin and its Dutch end ("de trein Brussel-Amsterdam") came from that origin
    ("Controle in de trein Antwerpen-Amsterdam bij Roosendaal. Betrokkene zei dat hij vanuit Marokko naar Spanje "
     "was gevaren en met de bus naar Parijs was gereisd.", "MAR>ESP>FRA>BEL>NLD"),
    # ... and a stop of that flight told afterwards stays between its start and the Netherlands
    ("Aangetroffen op Schiphol na de vlucht uit Accra. Betrokkene zei dat hij in Casablanca was overgestapt.",
     "GHA>MAR>NLD"),
])
def test_the_vehicle_a_record_opens_with_is_the_last_leg(text, expected):
    assert route(text) == expected


def test_a_departure_with_a_leg_of_its_own_is_not_the_vehicle_into_the_netherlands():
    text = ("Controle in Venlo. Met de bus uit Sarajevo wilde hij naar Kroatie, maar dat lukte niet. Later liep hij "
            "van Bosnie naar Kroatie en reisde hij met de trein naar Duitsland.")
    assert route(text) == "BIH>HRV>DEU>NLD"


@pytest.mark.parametrize("text, expected", [
    # a leg told after its end was placed pulls its start forward: told backwards from the arrival
    ("V: Waar was u voor Nederland? A: In Belgie. V: En daarvoor? A: In Frankrijk. V: Hoe kwam u in Frankrijk? "
     "A: Met de trein vanuit Italie. V: En in Italie? A: Met een boot vanuit Libie. V: Bent u in Egypte geweest? "
     "A: Kort. Ik vloog van Khartoum naar Caïro en een smokkelaar bracht me met de auto naar Libie.",
     "SDN>EGY>LBY>ITA>FRA>BEL>NLD"),
    # a flashback told with 'before that' whose next sentence goes forward again
    ("Proces-verbaal. Hij woont al een jaar hier. Daarvoor verbleef hij in Duitsland, en nog daarvoor in Servie, waar "
     "hij vanuit Istanbul naartoe was gevlogen. Van Servie reisde hij via Kroatie naar Oostenrijk en daarna via "
     "Zwitserland naar Duitsland.", "TUR>SRB>HRV>AUT>CHE>DEU>NLD"),
])
def test_a_route_told_backwards_follows_its_legs(text, expected):
    assert route(text) == expected



@pytest.mark.parametrize("text, expected", [
    # order given only by dates, the questions out of order
    ("V: Wanneer kwam u in Griekenland aan? A: Op 3 maart 2020, op Samos. V: Wanneer verliet u Afghanistan? "
     "A: In juli 2018. V: Hoe lang was u in Turkije? A: Van januari 2019 tot februari 2020, in Izmir. "
     "V: En in Iran? A: In augustus 2018, een paar maanden in Teheran.", "AFG>IRN>TUR>GRC>NLD"),
    ("Q: When did you reach Italy? A: In May 2021. Q: And Libya? A: I arrived there in 2019 and worked in Tripoli. "
     "Q: When did you leave Sudan? A: In November 2018.", "SDN>LBY>ITA>NLD"),
    # a month without a year takes the year that follows it in the sentence ("van januari tot juni 2022")
    ("V: Wanneer was u in Zwitserland? A: Van januari tot juni 2022. V: En in Frankrijk? A: In april 2022, een "
     "paar weken. V: Wanneer kwam u in Italie aan? A: In maart 2022.", "CHE>ITA>FRA>NLD"),
    # a date in a record's header (a full numeric date) orders nothing
    ("Proces-verbaal 12-06-2023. Betrokkene kwam in 2021 uit Syrie naar Turkije en reisde in 2022 via Bulgarije "
     "naar Servie. Zijn broer woont sinds 14-02-2019 in Zweden.", "SYR>TUR>BGR>SRB>NLD"),
])
def test_order_told_by_dates(text, expected):
    assert route(text) == expected


def test_a_leg_into_the_netherlands_corrected_later_does_not_end_the_route():
    # the first answer gives one flight into NL; a later answer tells the journey that went on from the same city
    text = ("V: Hoe bent u naar Nederland gekomen? A: Met het vliegtuig van Tunis naar Amsterdam. V: Dat klopt niet "
            "met uw eerdere verklaring. A: Dat is waar. Eerst ben ik van Tunis naar Tripoli gereden. Daarna met een "
            "boot naar Italie en pas later vanuit Milaan naar Amsterdam gevlogen.")
    assert route(text) == "TUN>LBY>ITA>NLD"


def test_legs_written_with_a_dash():
    text = ("He took a bus from Istanbul to Sofia and a train to Vienna. The flights were Kabul-Tehran and "
            "Tehran-Istanbul.")
    assert route(text) == "AFG>IRN>TUR>BGR>AUT"


def test_a_sentence_telling_the_whole_itinerary_orders_the_route():
    # the stays named first ("worked in France and in Italy") do not order the journey the next sentence tells
    text = ("He worked in France and in Italy for years. His journey went by boat from Sfax to Sicily, over the Alps "
            "to Lyon, by bus to Brussels and by train to Rotterdam.")
    assert route(text) == "TUN>ITA>FRA>BEL>NLD"


@pytest.mark.parametrize("text, expected", [
    # 'before' after a country reached in the same sentence puts what follows before that country
    ("Hij zei dat hij nu in Wenen woont en dat hij daarvoor in Hongarije was.", "HUN>AUT"),
    ("She came via Germany, and before that she had been in Poland.", "POL>DEU"),
    # ... but not after a country only left ("kwam oorspronkelijk uit"): it looks back to the sentence before
    ("Hij woonde vier jaar in Duitsland. Hij kwam uit Irak, maar had daarvoor lang in Turkije gewoond.",
     "IRQ>TUR>DEU"),
])
def test_before_within_a_sentence(text, expected):
    assert route(text) == expected


def test_a_start_question_reported_with_its_answer_after_a_colon():
    text = ("KMar-controle in de ICE bij Emmerich. Betrokkene woont in Keulen. Gevraagd waar de reis begon: 'uit Accra, "
            "met de bus naar Lome'. Daarna kwam hij via Spanje in Duitsland.")
    assert route(text) == "GHA>TGO>ESP>DEU>NLD"


def test_the_start_told_with_its_first_leg_puts_that_leg_first():
    text = ("V: Hoe kwam u in Italie? A: Met de boot vanuit Libie. V: Waar begon de reis? A: In Kano, met een "
            "vrachtwagen naar Niamey.")
    assert route(text) == "NGA>NER>LBY>ITA"


@pytest.mark.parametrize("text, expected", [
    # a departure answering "how did you get there?" leads to the place the sentence before named
    ("V: U zei dat u in Curacao werkte. Hoe kwam u daar? A: Vanuit Coro, met een vissersboot.", "VEN>CUW"),
    ("He said he had lived in Austria for a year. He got there from Hungary on foot.", "HUN>AUT"),
])
def test_a_departure_to_there(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a connection on a flight written as "a change in" / "een overstap op" is a stop between start and destination
    ("He flew from Dhaka to Istanbul with a change in Doha.", "BGD>QAT>TUR"),
    ("Zij vloog van Nairobi naar Brussel, met een overstap op de luchthaven van Caïro.", "KEN>EGY>BEL"),
])
def test_flight_connections(text, expected):
    assert route(text) == expected


def test_a_via_after_going_on_is_not_before_the_destination():
    # "naar Duitsland, via Oostenrijk" puts Austria first; "to Budapest and on, via Vienna" does not
    assert route("He was driven to Budapest and on, via Vienna, to Munich.") == "HUN>AUT>DEU"
    assert route("Hij reisde naar Duitsland, via Oostenrijk.") == "AUT>DEU"


@pytest.mark.parametrize("text, expected", [
    # the person's own words about coming here end the route in NLD
    ("V: Hoe reisde u verder? A: Van Milaan met de trein naar Parijs en daarna met de bus hier gekomen.",
     "ITA>FRA>NLD"),
    ("Q: And after Austria? A: A car took us to Munich. From Munich I came here by train.", "AUT>DEU>NLD"),
    # ... but not the interviewer's words
    ("Q: Where were you before you came here? A: In Belgium, in Antwerp. Q: And before that? A: France.",
     "FRA>BEL"),
])
def test_coming_here_ends_in_the_netherlands(text, expected):
    assert route(text) == expected
