"""Order round 9 (issue 15): kinds of order error read in a new writer's set of transcripts, letters and summaries
(hard_dev17) and fixed as general mechanisms. Each test failed before its change."""

import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return extract_route(text).route


# --- the order told outright: "eerst X en pas daarna Y", "first X and only then Y" ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a summary in which the person corrects the order he gave first
    ("Samenvatting. Betrokkene zegt dat hij Syrië verliet richting Turkije; later zegt hij dat hij eerst een jaar in "
     "Libanon woonde en pas daarna naar Turkije ging. Vanuit Izmir ging hij naar Griekenland en verder naar Nederland.",
     ("SYR", "LBN", "TUR", "GRC", "NLD")),
    ("Summary. The applicant said he left Syria for Turkey; he later said he first lived in Lebanon for a year and "
     "only then went to Turkey. From Izmir he went to Greece and on to the Netherlands.",
     ("SYR", "LBN", "TUR", "GRC", "NLD")),
    # an answer putting a country the first answer left out before one it named
    ("V: Welke landen? A: Van Guinee naar Mali en daarna naar Algerije. V: En Niger? A: Ja, eerst Niger en pas toen "
     "Algerije. Daarna Libië en met de boot naar Italië.", ("GIN", "MLI", "NER", "DZA", "LBY", "ITA")),
    ("Q: Which countries? A: From Guinea to Mali and then to Algeria. Q: And Niger? A: Yes, first Niger and only then "
     "Algeria. Then Libya and a boat to Italy.", ("GIN", "MLI", "NER", "DZA", "LBY", "ITA")),
])
def test_first_then_told_outright_outweighs_an_earlier_leg(text, expected):
    assert route(text) == expected


def test_a_first_that_ranks_orders_nothing():
    # "the first interview" is a rank, not the time of a stay: the legs keep their told order
    text = ("In the first interview he said that he flew from Iraq to Turkey. He then went to Greece by boat and "
            "to the Netherlands by plane.")
    assert route(text) == ("IRQ", "TUR", "GRC", "NLD")


# --- a destination told first, then where the leg began and the way it went ----------------------------------------

@pytest.mark.parametrize("text", [
    "Hij reisde in 2018 naar Duitsland vanuit Irak via Turkije en Griekenland. Daarna met de trein naar Nederland.",
    "He travelled to Germany in 2018 from Iraq via Turkey and Greece. Later he took the train to the Netherlands.",
])
def test_a_via_list_after_the_departure_lies_between_it_and_the_destination_told_first(text):
    # the via list is no leg's end: the departure leads to the destination told before it, the stops lie between
    assert route(text) == ("IRQ", "TUR", "GRC", "DEU", "NLD")


# --- letters: the report's version told with the verb first, and what the client did after "maar"/"but" ------------

@pytest.mark.parametrize("text", [
    "Geachte heer/mevrouw, In het verslag van het nader gehoor van cliënt, de heer Karim Haddad (v-nummer 1234567890), "
    "staat op pagina 3 dat cliënt via Bulgarije is gereisd. Dat is onjuist. Cliënt verliet Irak in 2018 en reisde via "
    "Turkije met een boot naar Griekenland, en vandaar met het vliegtuig naar Nederland.",
    "Dear Sir or Madam, The report of the main interview of my client, Mr Karim Haddad (V-number 1234567890), states on "
    "page 3 that client travelled through Bulgaria. That is wrong. Client left Iraq in 2018 and went via Turkey by boat "
    "to Greece, and from there by plane to the Netherlands.",
])
def test_a_claim_with_its_verb_before_the_page_is_the_reports_version(text):
    assert route(text) == ("IRQ", "TUR", "GRC", "NLD")


def test_a_claim_told_as_staat_er_dat_is_the_reports_version():
    text = ("Correcties op het rapport van cliënt. Verder staat er dat hij eerst in Libanon was. Hij woonde in "
            "Jordanië en vloog naar Turkije. Daarna reisde hij via Griekenland naar Nederland.")
    assert route(text) == ("JOR", "TUR", "GRC", "NLD")


@pytest.mark.parametrize("text", [
    "Correcties nader gehoor, cliënte mevrouw Awa Diallo (v-nummer 1234567890). De juiste volgorde is: vertrek uit "
    "Conakry per bus naar Bamako en daarna naar Niger en Libië. Met een boot kwam zij in Italië. Het verslag noemt "
    "daarna Oostenrijk, maar cliënte is van Italië met de trein naar Frankrijk gegaan en vandaar naar Nederland.",
    "Corrections to the interview report, client Ms Awa Diallo (V-number 1234567890). The right order is: she left "
    "Conakry by bus for Bamako and then went to Niger and Libya. By boat she reached Italy. The report then mentions "
    "Austria, but client went from Italy by train to France and from there to the Netherlands.",
])
def test_what_the_client_did_after_a_claims_but_is_the_account(text):
    # the report's Austria is dropped, the client's France after "maar"/"but" kept
    assert route(text) == ("GIN", "MLI", "NER", "LBY", "ITA", "FRA", "NLD")


# --- transcripts: the start asked last, and a question's own words ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "V: Welke landen? A: Ethiopië, daarna Soedan en Libië. V: Waar woonde u voor vertrek? A: In Asmara.",
    "V: Welke landen? A: Ethiopië, daarna Soedan en Libië. V: Waar woonde u voordat u vertrok? A: In Keren, Eritrea.",
    "Q: Which countries? A: Ethiopia, then Sudan and Libya. Q: Where did you live before leaving? A: In Asmara.",
])
def test_where_the_person_lived_before_leaving_asked_last_is_the_start(text):
    assert route(text) == ("ERI", "ETH", "SDN", "LBY")


@pytest.mark.parametrize("text", [
    "V: Welke landen heeft u gezien onderweg? A: Ethiopië, daarna Soedan en Libië. V: Hoe kwam u in Europa? "
    "A: Met een boot naar Italië.",
    "Q: Which countries have you seen on the way? A: Ethiopia, then Sudan and Libya. Q: How did you get to Europe? "
    "A: By boat to Italy.",
])
def test_a_questions_seen_does_not_reach_its_answer(text):
    # "which countries did you see" asks for the countries passed; only a coast seen in the answer itself is no stop
    assert route(text) == ("ETH", "SDN", "LBY", "ITA", "NLD")


# --- a question about where the boat left asks about one leg, not the journey's start --------------------------------

def test_where_the_pirogue_left_is_no_journey_start():
    # the answer (Dakar) is where the sea crossing began; the journey began in Guinea, told last
    text = ("Vraag: Wat was het laatste land voor Nederland? Antwoord: België. Vraag: En het land daarvoor? Antwoord: "
            "Frankrijk. Vraag: Hoe bent u in Frankrijk gekomen? Antwoord: Vanuit Spanje, met een auto. Vraag: En in "
            "Spanje? Antwoord: Met een pirogue naar Tenerife. Vraag: Waar vertrok de pirogue? Antwoord: Uit Dakar. "
            "Vraag: Bent u daar geboren? Antwoord: Nee, ik ben uit Guinee, uit Labé. Ik verliet Guinee in 2022 met de "
            "bus naar Senegal.")
    assert route(text) == ("GIN", "SEN", "ESP", "FRA", "BEL", "NLD")
    english = ("Q: What was the last country before the Netherlands? A: Belgium. Q: And the country before that? "
               "A: France. Q: How did you get to France? A: From Spain, by car. Q: And to Spain? A: By pirogue to "
               "Tenerife. Q: Where did the pirogue leave from? A: From Dakar. Q: Were you born there? A: No, I am from "
               "Guinea, from Labé. I left Guinea in 2022 by bus to Senegal.")
    assert route(english) == ("GIN", "SEN", "ESP", "FRA", "BEL", "NLD")


# --- a relative 'from where' after a place: a leg from that place ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hij reisde via Griekenland, Macedonië en Servië naar Nederland. De reis begon in Damascus; hij reisde naar "
    "Libanon en vloog naar Turkije, vanwaar hij met een rubberboot naar Chios ging.",
    "He travelled via Greece, Macedonia and Serbia to the Netherlands. The journey began in Damascus; he went to "
    "Lebanon and flew to Turkey, from where he took a dinghy to Chios.",
])
def test_from_where_after_a_place_is_a_leg_from_it(text):
    assert route(text) == ("SYR", "LBN", "TUR", "GRC", "MKD", "SRB", "NLD")


# --- two neighbouring countries nothing orders fill, as a chain, the one border gap of the route ----------------------

@pytest.mark.parametrize("text", [
    "V: Waar begon uw reis? A: In Istanbul. V: Bent u in Kroatië geweest? A: Ja, met de auto erdoor. V: En Slovenië? "
    "A: Ook, zonder te stoppen. V: U ging dus van Bosnië naar Italië? A: Ja, in één nacht. V: Hoe kwam u in Bosnië? "
    "A: Ik vloog naar Sarajevo. V: En na Italië? A: Frankrijk en toen hier.",
    "Q: Where did your journey begin? A: In Istanbul. Q: Were you in Croatia? A: Yes, we drove through. Q: And "
    "Slovenia? A: Also, without stopping. Q: So you went from Bosnia to Italy? A: Yes, in one night. Q: How did you get "
    "to Bosnia? A: I flew to Sarajevo. Q: And after Italy? A: France and then here.",
])
def test_two_unordered_neighbours_fill_the_gap_between_bosnia_and_italy(text):
    assert route(text) == ("TUR", "BIH", "HRV", "SVN", "ITA", "FRA", "NLD")


def test_the_chain_takes_the_order_its_borders_give():
    text = ("Q: Where did your journey begin? A: In Turkey. Q: Were you in Austria? A: Yes, by train. Q: And Hungary? "
            "A: Yes. Q: So you went from Serbia to Germany by train? A: Yes. Q: How did you get to Serbia? A: Via "
            "Bulgaria.")
    assert route(text) == ("TUR", "BGR", "SRB", "HUN", "AUT", "DEU", "NLD")


# --- a question whether the person arrived one way: 'no' denies the way, the answer tells where it came from ----------

@pytest.mark.parametrize("text", [
    "V: Bent u in Bosnië met het vliegtuig aangekomen? A: Nee, met de bus uit Montenegro. V: Daarna? A: Kroatië en "
    "Slovenië.",
    "Q: Did you arrive in Bosnia by plane? A: No, by bus from Montenegro. Q: Then? A: Croatia and Slovenia.",
])
def test_no_to_arriving_by_plane_keeps_the_place_and_orders_the_answer_before_it(text):
    assert route(text) == ("MNE", "BIH", "HRV", "SVN")


# --- 'no stop' tells a passage, like 'no stopping' -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Q: Did you stop in Croatia? A: No, we just drove through. Q: And Slovenia? A: Same, no stop. Q: And then? "
    "A: Italy by train.",
    "V: Heeft u in Kroatië overnacht? A: Nee, alleen doorgereden. V: En in Slovenië? A: Ook niet, geen stop. V: En "
    "daarna? A: Met de trein naar Italië.",
])
def test_no_stop_is_a_passage(text):
    assert route(text) == ("HRV", "SVN", "ITA", "NLD")


# --- review 9, finding 1: Dutch 'toen' is "then" only verb-second; a departure is never put after the first country --

@pytest.mark.parametrize(("text", "expected"), [
    # 'toen hij ... kwam' is "when he came": Turkey was left before Greece
    ("Hij verbleef eerst in Griekenland, toen hij uit Turkije kwam. Daarna reisde hij naar Duitsland.",
     ("TUR", "GRC", "DEU")),
    ("Eerst woonde ik in Soedan, toen ik uit Eritrea was gevlucht. Later ging ik naar Libië en Italië.",
     ("ERI", "SDN", "LBY", "ITA")),
    # a departure after a true 'then' word is where the person came from, not the next stay
    ("He first stayed in Greece and only then, coming from Turkey, he was registered. Later he went to Germany.",
     ("TUR", "GRC", "DEU")),
    ("Hij verbleef eerst in Griekenland en pas daarna, komend uit Turkije, werd hij geregistreerd. Later ging hij "
     "naar Duitsland.", ("TUR", "GRC", "DEU")),
])
def test_first_then_reads_no_when_clause_and_no_departure(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # verb-second 'toen' ("en toen", "toen ging") still means "then"
    ("V: En Niger? A: Ja, eerst Niger en toen Algerije. Daarna Libië en met de boot naar Italië.",
     ("NER", "DZA", "LBY", "ITA")),
    ("Ik ging eerst naar Libanon, toen ging ik pas naar Turkije.", ("LBN", "TUR")),
])
def test_first_then_keeps_a_verb_second_toen(text, expected):
    assert route(text) == expected


# --- review 9, finding 3: the 'from where' guard is exact whatever the whitespace between its words ------------------

@pytest.mark.parametrize(("single", "irregular"), [
    ("Hij reisde via Griekenland, Macedonië en Servië naar Nederland. De reis begon in Damascus; hij reisde naar Libanon "
     "en vloog naar Turkije, van waar hij met een rubberboot naar Chios ging.", "van  waar"),
    ("Hij reisde via Griekenland, Macedonië en Servië naar Nederland. De reis begon in Damascus; hij reisde naar Libanon "
     "en vloog naar Turkije, van waar hij met een rubberboot naar Chios ging.", "van\t waar"),
    ("He travelled via Greece, Macedonia and Serbia to the Netherlands. The journey began in Damascus; he went to "
     "Lebanon and flew to Turkey, from where he took a dinghy to Chios.", "from  where"),
    ("He travelled via Greece, Macedonia and Serbia to the Netherlands. The journey began in Damascus; he went to "
     "Lebanon and flew to Turkey, from where he took a dinghy to Chios.", "from\t where"),
])
def test_from_where_guard_is_blind_to_whitespace(single, irregular):
    phrase = " ".join(irregular.split())
    assert route(single.replace(phrase, irregular)) == route(single)


def test_from_where_guard_admits_every_text_the_relative_matches():
    # the guard may let more texts through than the relative matches, never fewer: on and off give the same legs
    from routekit.text import timeline
    relative = timeline.from_where()
    gaps = [" ", "  ", "\n", "\t", " \n ", "\u00a0"]
    for phrase in timeline.from_where_phrases():
        for gap in gaps:
            folded = "hij vloog naar turkije, " + phrase.replace(" ", gap) + " hij naar chios ging"
            if relative.match(folded, len("hij vloog naar turkije")):
                assert timeline.may_hold_from_where(folded), (phrase, gap)
    assert not timeline.may_hold_from_where("hij vloog naar turkije en ging daarna naar griekenland")


# --- review 9, finding 6: an arrival question of any vehicle and wording, not one row's ------------------------------

@pytest.mark.parametrize("text", [
    "V: Waar begon uw reis? A: In Tunesië. V: Bent u in Bosnië met de auto aangekomen? A: Nee, te voet uit Montenegro. "
    "V: En daarna? A: Kroatië en Slovenië, dan Italië.",
    "V: Waar begon uw reis? A: In Tunesië. V: Bent u met de taxi in Bosnië aangekomen? A: Nee, lopend vanuit "
    "Montenegro. V: En daarna? A: Kroatië en Slovenië, dan Italië.",
    "V: Waar begon uw reis? A: In Tunesië. V: Kwam u in Bosnië met het vliegtuig aan? A: Nee, met de bus uit "
    "Montenegro. V: En daarna? A: Kroatië en Slovenië, dan Italië.",
    "V: Waar begon uw reis? A: In Tunesië. V: Bent u per trein in Bosnië gekomen? A: Nee, met de bus uit Montenegro. "
    "V: En daarna? A: Kroatië en Slovenië, dan Italië.",
    "Q: Where did your journey begin? A: In Tunisia. Q: Did you arrive in Bosnia by car? A: No, on foot from "
    "Montenegro. Q: And then? A: Croatia and Slovenia, then Italy.",
    "Q: Where did your journey begin? A: In Tunisia. Q: Did you come to Bosnia by taxi? A: No, on foot from "
    "Montenegro. Q: And then? A: Croatia and Slovenia, then Italy.",
])
def test_no_to_arriving_by_any_vehicle_keeps_the_place(text):
    assert route(text) == ("TUN", "MNE", "BIH", "HRV", "SVN", "ITA", "NLD")


# --- review 9, finding 14: a leg question names a vehicle in its own language ("dat van" is no van) ------------------

@pytest.mark.parametrize(("question", "asks_a_leg"), [
    ("waar begon uw reis, was dat van eritrea of van ethiopie?", False),
    ("is de reis van het begin af aan begonnen in soedan?", False),
    ("waar begon die autorit?", True),
    ("waar vertrok de cayuco?", True),
    ("where did the van leave from?", True),
    ("where did that flight leave from?", True),
])
def test_leg_question_reads_van_as_a_vehicle_only_in_english(question, asks_a_leg):
    from routekit.text import dialogue
    assert dialogue._asks_a_leg(question, dialogue._turn_lists()) is asks_a_leg


def test_the_inverted_leaving_verbs_are_one_list_read_by_departure_and_start():
    # review 9, finding 14: the block was pasted into two lists; one list (a YAML alias) cannot drift apart
    from routekit.text.gazetteer import data_path
    from routekit.text.vocabulary import _raw, _select
    assert data_path("cues.yaml").read_text(encoding="utf-8").count("ontvluchtten zij") == 1
    departure, start = (set(_select(_raw()[0][name], "nl")) for name in ("departure", "start"))
    assert {"ontvluchtten zij", "verliet ik", "gingen ... weg uit"} <= departure & start
