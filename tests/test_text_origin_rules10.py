"""Issue 15, round 10: the route's first country (the origin) and the records without a route.

Each test is a hand-made record of one kind of origin error, Dutch and English where the kind applies.
"""

import pytest

from routekit.text.extraction import extract_route


# The person's nationality told only as an adjective with a person noun ("an Iranian woman", "Ethiopian national",
# "de Marokkaanse nationaliteit"), and a journey whose first leg names no start: the journey starts in that country
# (the labelling conventions' rule 9 - the start is the nationality unless a residence or departure says otherwise).
@pytest.mark.parametrize("text, route", [
    ("Summary of the interview. The applicant, an Iranian woman, states that she went to Turkey by bus and crossed "
     "into Greece on foot. From Athens she flew to Amsterdam.", ("IRN", "TUR", "GRC", "NLD")),
    ("Official report. Subject, an Ethiopian national, walked to Djibouti and took a boat to Yemen. She worked in "
     "Riyadh and flew to Amsterdam.", ("ETH", "DJI", "YEM", "SAU", "NLD")),
    ("Proces-verbaal. Betrokkene heeft de Egyptische nationaliteit. Hij verklaarde dat hij met een auto naar Libië "
     "reisde en met een boot naar Kreta. Daarna vloog hij naar Eindhoven.", ("EGY", "LBY", "GRC", "NLD")),
    ("Samenvatting. Betrokkene, een Iraanse vrouw, reisde met de bus naar Turkije en liep over de grens naar "
     "Griekenland. Vanuit Athene vloog zij naar Schiphol.", ("IRN", "TUR", "GRC", "NLD")),
    ("KMar road check. Passenger: RAHIMI, AFG nat. States he went to Iran by car and to Turkey on foot. He then came "
     "by train to Amsterdam.", ("AFG", "IRN", "TUR", "NLD")),
])
def test_nationality_adjective_is_the_start_of_a_journey_without_one(text, route):
    assert extract_route(text).route == route


# ... but not when the text tells where the journey began or where the person lived (rule 9), and not alone.
@pytest.mark.parametrize("text, route", [
    ("The applicant, an Afghan national, lived in Tehran for ten years. From Tehran he went to Turkey by bus and "
     "then by boat to Greece. He flew to Amsterdam.", ("IRN", "TUR", "GRC", "NLD")),
    ("Betrokkene, een Syrische man, vertrok uit Libanon met het vliegtuig naar Turkije en kwam per boot in "
     "Griekenland. Daarna vloog hij naar Amsterdam.", ("LBN", "TUR", "GRC", "NLD")),
    ("KMar Schiphol. Subject, a Somali national, refused to say anything about his journey.", ()),
    # a lived-in country anywhere in the record: the story may start there, so the nationality stays out
    ("PV. Verd. Turkse nat., sinds 2015 woonachtig in Plovdiv (BG). Verkl. met eigen auto via Servie, Oostenrijk en "
     "Duitsland naar Nederland te zijn gereden.", ("BGR", "SRB", "AUT", "DEU", "NLD")),
    # a code is a nationality only in the police shorthand "XXX nat.": "de man" is no German
    ("Betrokkene sprak met de man. Hij reisde met de bus naar Belgie en daarna naar Nederland.", ("BEL", "NLD")),
])
def test_nationality_adjective_gives_way_to_a_told_start(text, route):
    assert extract_route(text).route == route


# A region or town as the only clue to the start, not resolved: the Venezuelan coast the boats to the Caribbean parts
# of the Kingdom leave from (Falcón state, the Paraguaná peninsula, Punto Fijo); capitalised only ("a falcon").
@pytest.mark.parametrize("text, route", [
    ("Samenvatting gehoor. Betrokkene kwam in 2023 met een bootje vanuit de kust van Falcón aan op Bonaire. In 2024 "
     "vloog zij naar Schiphol.", ("VEN", "BES", "NLD")),
    ("Interview summary. He paid a fisherman to take him from Punto Fijo to Aruba by boat, and later flew from Aruba "
     "to Amsterdam.", ("VEN", "ABW", "NLD")),
    ("Interview summary. A falcon sat on the roof. He took a boat from Curaçao to Aruba and flew from Aruba to "
     "Amsterdam.", ("CUW", "ABW", "NLD")),
])
def test_venezuelan_departure_coast_is_the_start(text, route):
    assert extract_route(text).route == route


# No route: the record says the journey was not told - refused, not asked, kept for a later interview. What it names
# then (a train ticket, a SIM card, a relative's country, the ship's last port) is no told route.
@pytest.mark.parametrize("text", [
    "Proces-verbaal. Betrokkene weigerde elke verklaring over zijn reisroute. Bij hem werden een treinkaartje "
    "Keulen-Utrecht en een Italiaanse simkaart aangetroffen.",
    "Geachte heer/mevrouw, cliënt komt niet uit Irak maar uit Iran. De vraag naar zijn reis is niet gesteld; cliënt "
    "zal daarover in het nader gehoor verklaren.",
    "Q: How did you travel to the Netherlands? A: I don't want to talk about that today. Q: Did you come through "
    "Libya? A: My brother went through Libya. Q: Your passport? A: It is with my uncle in Sweden.",
    "KMar Eemshaven. A stowaway was found on a bulk carrier, last port of call Casablanca. He refused to say where "
    "he boarded the ship or where he came from.",
])
def test_untold_journey_gives_no_route(text):
    assert extract_route(text).route == ()


# ... but a refusal about one leg, about the costs, or by another person leaves the told route as it is.
@pytest.mark.parametrize("text, route", [
    ("KMar note. A man stated that he had come by bus from Hamburg, where he had worked for a year. He refused to "
     "say how he had reached Germany.", ("DEU", "NLD")),
    ("Betrokkene verklaarde dat hij vanuit Libië met een boot naar Italië was gekomen en met de trein naar Nederland "
     "reisde. Over de kosten van de overtocht wilde hij niets zeggen.", ("LBY", "ITA", "NLD")),
    ("Official report. She stated that she flew from Conakry via Paris to Amsterdam. Her employer, suspect T., "
     "refused to make a statement.", ("GIN", "FRA", "NLD")),
])
def test_partial_or_other_refusal_keeps_the_route(text, route):
    assert extract_route(text).route == route


# A departure told with a home cue: "come from X to Y" / "uit X naar Y ... gekomen" is a leg that starts in X, not
# only where the person is from, so X stays the start even when the sentence also tells a stay elsewhere.
@pytest.mark.parametrize("text, route", [
    ("KMar road check. She stated she had come from Nigeria to Belgium by plane via Ethiopia and had lived in Antwerp "
     "for two years; now she travelled to Eindhoven.", ("NGA", "ETH", "BEL", "NLD")),
    ("Vertaling: 'Ik kom uit Syrië naar Turkije gelopen en heb twee jaar in Istanbul gewoond. Daarna vloog ik naar "
     "Amsterdam.'", ("SYR", "TUR", "NLD")),
])
def test_come_from_to_is_a_leg(text, route):
    assert extract_route(text).route == route


# Review 10, finding 1: a refusal or "not asked" phrase about something else than the journey (the smuggler's
# questions, the price, signing the statement) in a record that tells the route leaves that route as it is; the
# generic phrases count only when their sentence or the one before names the journey.
@pytest.mark.parametrize("text, route", [
    ("I am from Afghanistan. I travelled through Iran to Turkey and by boat to Greece. Then Serbia, Hungary, Austria, "
     "Germany and the Netherlands. I refused to answer the smuggler's questions.",
     ("AFG", "IRN", "TUR", "GRC", "SRB", "HUN", "AUT", "DEU", "NLD")),
    ("Ik kom uit Afghanistan. Via Iran en Turkije naar Griekenland, daarna naar Oostenrijk en Duitsland en Nederland. "
     "Ik heb niet gevraagd hoeveel het kostte.", ("AFG", "IRN", "TUR", "GRC", "AUT", "DEU", "NLD")),
    ("I come from Guinea. I went to Mali, Algeria and Morocco, then by boat to Spain and by bus to France and the "
     "Netherlands. I will tell my lawyer about the smuggler.", ("GIN", "MLI", "DZA", "MAR", "ESP", "FRA", "NLD")),
    ("Ik kom uit Syrië. Via Turkije, Griekenland en Servië naar Duitsland en Nederland. Hij weigerde de verklaring te "
     "ondertekenen.", ("SYR", "TUR", "GRC", "SRB", "DEU", "NLD")),
])
def test_refusal_about_something_else_keeps_the_told_route(text, route):
    assert extract_route(text).route == route


# ... while the same generic phrase right after a question about the journey still says it was not told.
@pytest.mark.parametrize("text", [
    "Q: Where were you born? A: Kandahar. Q: Where did you grow up? A: In Quetta, Pakistan. Q: How did you travel? "
    "A: I don't want to talk about that now. Q: Did you travel through Iran? A: I will tell my lawyer.",
    "Geachte heer/mevrouw, cliënt komt niet uit Irak maar uit Iran. In het aanmeldgehoor heeft cliënt niets over zijn "
    "reis verklaard. Hij zal daarover in het nader gehoor verklaren. Zijn broer woont in Duitsland.",
])
def test_generic_refusal_after_a_journey_question_gives_no_route(text):
    assert extract_route(text).route == ()


# Review 10, finding 8: only the nationality of the record's subject (betrokkene, the applicant, client, "I am ...",
# a header's "XXX nat.") starts the journey; the adjective on a driver, a smuggler or a man who helped never does.
@pytest.mark.parametrize("text, route", [
    ("Een Marokkaanse man bracht ons naar Spanje. Daarna met de bus naar Frankrijk en België en Nederland.",
     ("ESP", "FRA", "BEL", "NLD")),
    ("An Iranian man drove us to Turkey. From there we took a boat to Greece and later flew to Amsterdam.",
     ("TUR", "GRC", "NLD")),
    ("De chauffeur, een Turkse man, bracht ons met de auto naar Bulgarije. Daarna reisden we met de trein naar "
     "Oostenrijk en Nederland.", ("BGR", "AUT", "NLD")),
    ("The driver, an Afghan national, took us by car to Iran. From there we walked to Turkey and took a boat to "
     "Greece. Later I flew to Amsterdam.", ("IRN", "TUR", "GRC", "NLD")),
])
def test_another_persons_nationality_is_no_start(text, route):
    assert extract_route(text).route == route


# ... while the subject's own, told in the first person, still is.
@pytest.mark.parametrize("text, route", [
    ("Ik ben een Iraanse vrouw. Ik ging met de bus naar Turkije en liep over de grens naar Griekenland. Vanuit Athene "
     "vloog ik naar Schiphol.", ("IRN", "TUR", "GRC", "NLD")),
    ("I am an Afghan national. I went by car to Iran and walked to Turkey, then took a boat to Greece and flew to "
     "Amsterdam.", ("AFG", "IRN", "TUR", "GRC", "NLD")),
])
def test_subjects_own_nationality_starts_the_journey(text, route):
    assert extract_route(text).route == route


# ... and a told route followed by "details at the next interview" keeps it: the journey word of the sentence before
# counts only in a question ("How did you travel? A: ..."), not in a told leg ("he travelled by train to ...").
@pytest.mark.parametrize("text, route", [
    ("Corrections to the interview report, client Mr B. Hossain. Our client flew from Dhaka to Tripoli and took a "
     "boat to Lampedusa. From Italy he travelled by train to the Netherlands. Further details he will give at the next "
     "interview.", ("BGD", "LBY", "ITA", "NLD")),
    ("Correcties op het rapport, cliënt B. Hossain. Cliënt vloog van Dhaka naar Tripoli en ging met een boot naar "
     "Lampedusa. Van Italië reisde hij met de trein naar Nederland. Verdere vragen beantwoordde hij niet.",
     ("BGD", "LBY", "ITA", "NLD")),
])
def test_details_kept_for_later_after_a_told_route_keep_it(text, route):
    assert extract_route(text).route == route
