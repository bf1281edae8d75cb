"""Issue 15, letters and Q/A transcripts round 8: how a lawyer's letter corrects the report (its own statement of the
whole route, a denied aside before 'but', a quotation corrected in one part) and how a transcript's answers are read.
Hand-made texts, Dutch and English; each kind failed before its change."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # the letter states the whole corrected route: it is told in that order, and a country the letter argued about
    # before it and names neither in it nor after it is the report's version
    ("Correcties op het verslag van het nader gehoor van cliënt, de heer A. Haile. Op pagina 3 staat dat cliënt via "
     "Ethiopië reisde. Dat is onjuist. Verder staat op pagina 4 'Egypte'; cliënt bedoelde Tsjaad. Het juiste verloop "
     "is: Eritrea, Soedan, Tsjaad, Libië, per boot naar Italië en per trein via Frankrijk naar Nederland.",
     ("ERI", "SDN", "TCD", "LBY", "ITA", "FRA", "NLD")),
    ("Corrections to the interview report of our client Mr B. Tesfay. The interpreter wrote Egypt where our client "
     "meant Chad. The correct route is: Eritrea, Sudan, Chad, Libya, by boat to Italy and by train via France to the "
     "Netherlands.",
     ("ERI", "SDN", "TCD", "LBY", "ITA", "FRA", "NLD")),
    ("Correcties op het gehoorverslag van cliënt, de heer B. Tesfay. De tolk schreef Egypte waar cliënt Tsjaad "
     "bedoelde. De juiste route is: van Asmara naar Soedan, door Tsjaad naar Libië, per boot naar Italië en per trein "
     "via Frankrijk naar Nederland.",
     ("ERI", "SDN", "TCD", "LBY", "ITA", "FRA", "NLD")),
])
def test_the_letters_statement_of_the_whole_route_wins(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # "niet X, zoals het rapport stelt, maar in Y": the 'but' goes with the denied aside, so the start cue reaches Y
    # (the English word order already read right: kept as a guard)
    ("Namens cliënt, de heer T. Gebre, reageer ik op het rapport van het nader gehoor. Cliënt kwam via Libië in "
     "Italië aan en reisde met de trein via Frankrijk naar Nederland. Zijn reis begon niet in Eritrea, zoals het "
     "rapport stelt, maar in Khartoum, waar hij sinds zijn tiende woonde.",
     ("SDN", "LBY", "ITA", "FRA", "NLD")),
    ("On behalf of our client Ms R. Tekle we correct the interview report. She reached Italy from Libya and took the "
     "train through France to the Netherlands. Her journey began not in Eritrea, as the report states, but in "
     "Khartoum, where she had lived since 2012.",
     ("SDN", "LBY", "ITA", "FRA", "NLD")),
])
def test_a_denied_aside_takes_its_but_along(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a quotation of the report the letter calls wrong in one country: the rest of the report's route holds when the
    # letter tells its start nowhere else
    ("Geachte heer, mevrouw, namens cliënt merk ik het volgende op over het rapport van het nader gehoor. Op pagina 6 "
     "staat: 'Betrokkene reisde van Eritrea naar Ethiopië en vervolgens via Soedan naar Libië.' Dit is onjuist. "
     "Cliënt is niet via Ethiopië gereisd. Het overige van de route (Libië, per boot naar Italië, per trein naar "
     "Frankrijk) is correct weergegeven.",
     ("ERI", "SDN", "LBY", "ITA", "FRA", "NLD")),
    ("On behalf of our client we submit corrections to the report of the interview. On page 5 the report states: 'I "
     "travelled from Iran to Turkey and from there by boat to Bulgaria.' Our client never said he went to Bulgaria by "
     "boat; he crossed from Turkey into Greece by boat. The remainder of the route as recorded (Greece, Serbia, "
     "Hungary, Austria, Germany) is correct.",
     ("IRN", "TUR", "GRC", "SRB", "HUN", "AUT", "DEU", "NLD")),
    # ... not when the letter tells the start itself: its own account replaces the quotation
    ("Corrections to the interview report, client Ms S. Kidane. Page 4: 'I left Eritrea and went to Sudan.' This is "
     "correct. Page 5: 'From Sudan I went to Chad and then Niger.' This is a mistranslation. She did not go through "
     "Chad. She went from Sudan straight into Libya and by boat to Italy.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
])
def test_a_quotation_corrected_in_one_country_keeps_the_rest(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a denial told after the country, verb last ("Oostenrijk heeft hij nooit bezocht", "heeft Frankrijk niet bezocht"),
    # and "never visited" / "did not visit": the country is not on the route, wherever the letter names it
    ("Correcties nader gehoor, cliënt M. Idris. Op pagina 3 staat 'Oostenrijk' waar cliënt 'Australië' zei: hij "
     "woonde vijf jaar in Australië en vloog van Sydney via Doha naar Amsterdam. Oostenrijk heeft hij nooit bezocht.",
     ("AUS", "QAT", "NLD")),
    ("Correcties nader gehoor, cliënt M. Idris. Blz. 3: 'Cliënt kwam met een visum van Frankrijk naar Europa.' Dit is "
     "onvolledig. Het visum werd afgegeven door de Franse ambassade in Khartoum, maar cliënt heeft Frankrijk niet "
     "bezocht. Hij vloog van Khartoum via Caïro naar Rome en reisde met de trein naar Nederland.",
     ("SDN", "EGY", "ITA", "NLD")),
    ("Corrections to the interview report, client Mr M. Idris. Page 3 has 'Austria' where our client said "
     "'Australia': he lived in Australia for five years and flew from Sydney via Doha to Amsterdam. He has never "
     "visited Austria.",
     ("AUS", "QAT", "NLD")),
    ("Corrections to the interview report, client Mr M. Idris. Page 3: 'Client came to Europe on a French visa.' That "
     "is incomplete. The visa was issued by the French embassy in Khartoum, but client did not visit France. He flew "
     "from Khartoum via Cairo to Rome and took the train to the Netherlands.",
     ("SDN", "EGY", "ITA", "NLD")),
    # ... a flight stop the person did not leave stays a stop ("she never entered Qatar": stayed on board), inside its
    # flight: the cue after the place ("landed in Doha to refuel") governs Doha only, not the flight's ends (round 14)
    ("Corrections to the interview report, our client Ms H. Osman. Our client wishes to clarify that the plane from "
     "Port Sudan to Istanbul only landed in Doha to refuel and that the passengers stayed on board; she never "
     "entered Qatar. From Istanbul she flew to Amsterdam.",
     ("SDN", "QAT", "TUR", "NLD")),
])
def test_a_country_never_visited_is_no_stop(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a transcript of three or more turns is an interview record held in the Netherlands (every routed one of the
    # labelled sets ends in NLD), though it names no Dutch place
    ("V: U zei eerder dat u via Duitsland bent gekomen. Klopt dat? A: Nee, dat was een vergissing van de tolk. / "
     "V: Hoe kwam u in België? A: Met de bus uit Parijs. / V: En Frankrijk, hoe kwam u daar? A: Per vliegtuig vanuit "
     "Kinshasa.", ("COD", "FRA", "BEL", "NLD")),
    ("Q: Where did you fly from? A: Nairobi. / Q: Is that where you started? A: No, I came to Nairobi from Juba by "
     "road. / Q: And after Nairobi? A: A flight with a connection in Frankfurt.", ("SSD", "KEN", "DEU", "NLD")),
])
def test_a_transcript_of_three_turns_is_held_in_the_netherlands(text, route):
    assert extract_route(text).route == route


_POLARITY_CASES = [
    # a bare 'no' to a country asked alone, in a run of yes/no questions, denies it wherever the transcript names it
    pytest.param("Q: Have you been to Greece? A: No. / Q: Bulgaria? A: Yes. / Q: Hungary? A: No. / Q: In which order? "
                 "A: Turkey, Bulgaria, then Hungary and Austria by car. / Q: And then? A: Germany, here.",
                 ("TUR", "BGR", "AUT", "DEU", "NLD"), id="en-yes-no-run"),
    pytest.param("V: Bent u in Griekenland geweest? A: Nee. / V: Bulgarije? A: Ja. / V: Hongarije? A: Nee. / V: In welke "
                 "volgorde? A: Turkije, Bulgarije, dan met de auto door Hongarije naar Oostenrijk. / V: En toen? A: "
                 "Duitsland, hierheen.", ("TUR", "BGR", "AUT", "DEU", "NLD"), id="nl-yes-no-run"),
    # 'no' to a question asking whether NOT ("Libie niet?", "Not Libya?") confirms the person was not there
    pytest.param("V: Welke landen bent u doorgereisd? A: Niger, Algerije, Tunesië, Italië, Frankrijk. / V: Libië niet? "
                 "A: Nee, Libië was te gevaarlijk. / V: Waar bent u begonnen? A: In Niamey.",
                 ("NER", "DZA", "TUN", "ITA", "FRA", "NLD"), id="nl-not-libya"),
    pytest.param("Q: Which countries did you pass? A: Niger, Algeria, Tunisia, Italy, France. / Q: Not Libya? A: No, "
                 "Libya was too dangerous. / Q: Where did you start? A: In Niamey.",
                 ("NER", "DZA", "TUN", "ITA", "FRA", "NLD"), id="en-not-libya"),
]


@pytest.mark.parametrize("text, route", _POLARITY_CASES)
def test_the_polarity_of_answers_to_countries_asked_alone(text, route):
    # which countries: the denied ones (Greece, Hungary; Libya) are out, the confirmed ones in
    assert sorted(extract_route(text).route) == sorted(route)


@pytest.mark.parametrize("text, route", _POLARITY_CASES)
def test_the_route_of_a_transcript_with_countries_asked_alone(text, route):
    # the order too: the answer to "In which order?" tells it outright, over the country confirmed first (Bulgaria)
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a later answer corrects an earlier one: "ja, toch door Roemenie", "So yes, Germany" undo the earlier 'no'
    ("Vraag: Bent u door Bulgarije gereisd? Antwoord: Nee. Vraag: Door Roemenië? Antwoord: Nee. Vraag: Waar kwam u "
     "vandaan? Antwoord: Uit Chisinau. Vraag: Hoe? Antwoord: Met een busje naar Roemenië... ja, toch door Roemenië, "
     "sorry, Iasi. Vraag: Daarna? Antwoord: Door naar Hongarije en Oostenrijk en toen naar Nederland.",
     ("MDA", "ROU", "HUN", "AUT", "NLD")),
    ("Q: Did you come via Belgium? A: No. / Q: Via Germany? A: No. / Q: Then how? A: I flew from Erbil to "
     "Düsseldorf... sorry, you asked if I was in Germany. I landed in Düsseldorf and took a train here directly. So "
     "yes, Germany, but only the airport and the station.", ("IRQ", "DEU", "NLD")),
    # a 'yes' the speaker takes back after a break, naming no place after it, is a 'no'
    ("V: Bent u via de zee gekomen? A: Ja, van Libië naar Italië. / V: Hoe kwam u in Libië? A: Met een vlucht van "
     "Damascus naar Benghazi. / V: Was u in Egypte? A: Ja, we landden eerst in... nee, dat was een andere reis van mijn "
     "vader. Ik niet. / V: Na Italië? A: Met de trein via Oostenrijk naar Duitsland.",
     ("SYR", "LBY", "ITA", "AUT", "DEU", "NLD")),
    ("Q: Did you come by sea? A: Yes, from Libya to Italy. / Q: How did you get to Libya? A: A flight from Damascus to "
     "Benghazi. / Q: Were you in Egypt? A: Yes, we landed first in... no, that was another trip of my father. Not me. "
     "/ Q: After Italy? A: By train via Austria to Germany.", ("SYR", "LBY", "ITA", "AUT", "DEU", "NLD")),
    # "Nooit geweest. Ik ging van Servie naar Kroatie": the country named in the next sentence is no 'there'
    ("V: Heeft u in Servië overnacht? A: Nee, alleen het station in Subotica. / V: Hongarije? A: Nooit geweest. Ik "
     "ging van Servië naar Kroatië. / V: Waarom niet? A: We stonden drie dagen bij het hek van Hongarije maar het ging "
     "niet. / V: En daarvoor? A: Griekenland, vanaf Turkije. / V: Na Kroatië? A: Slovenië en Oostenrijk, dan "
     "Duitsland.", ("TUR", "GRC", "SRB", "HRV", "SVN", "AUT", "DEU", "NLD")),
    ("Q: Did you sleep in Serbia? A: No, only the station in Subotica. / Q: Hungary? A: Never been there. I went from "
     "Serbia to Croatia. / Q: Why not? A: We waited three days at the fence of Hungary but it did not work. / Q: And "
     "before? A: Greece, from Turkey. / Q: After Croatia? A: Slovenia and Austria, then Germany.",
     ("TUR", "GRC", "SRB", "HRV", "SVN", "AUT", "DEU", "NLD")),
])
def test_later_answers_correct_earlier_ones(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a letter about the client's report is about a person in the Netherlands even when every statement naming the
    # report is the report's version the account drops
    ("Geachte heer, Namens cliënt deel ik u mee dat in het rapport ten onrechte is opgenomen dat hij 'in Denemarken "
     "heeft verbleven'. Cliënt heeft verklaard dat zijn vrouw in Denemarken verblijft. Zelf reisde hij van Syrië naar "
     "Irak, vandaar naar Turkije, en met een vrachtwagen naar Duitsland.", ("SYR", "IRQ", "TUR", "DEU", "NLD")),
    ("Dear Sir, On behalf of our client we note that the report wrongly records that he 'stayed in Denmark'. Client "
     "said that his wife lives in Denmark. He himself travelled from Syria to Iraq, then to Turkey, and by lorry to "
     "Germany.", ("SYR", "IRQ", "TUR", "DEU", "NLD")),
])
def test_a_letter_whose_report_words_were_dropped_still_ends_in_nld(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the report named by its kind or its writer ("The interview report states", "De gehoormedewerker schrijft"): what
    # follows is the report's version, and the letter's own origin wins
    ("Re: corrections and additions, client Mr. J. Martinez. The interview report states that our client 'came from "
     "Colombia'. Our client is Colombian but was living in Caracas, Venezuela, and started his journey there. He flew "
     "to Madrid and then took a bus to the Netherlands.", ("VEN", "ESP", "NLD")),
    ("Correcties, cliënt dhr. J. Martinez. De gehoormedewerker schrijft dat cliënt 'uit Colombia kwam'. Cliënt is "
     "Colombiaan maar woonde in Caracas, Venezuela, en begon zijn reis daar. Hij vloog naar Madrid en nam daarna de "
     "bus naar Nederland.", ("VEN", "ESP", "NLD")),
    # "De route was: ..." / "The route was: ..." states the whole route
    ("Correcties op het rapport nader gehoor van cliënt. Bosnië komt in het verslag voor omdat de tolk Bulgaristan "
     "niet kende. De route was: Turkije – Bulgarije – Servië – Hongarije – Oostenrijk – Duitsland – Nederland.",
     ("TUR", "BGR", "SRB", "HUN", "AUT", "DEU", "NLD")),
    ("Corrections to the interview report of our client. Bosnia appears because the interpreter did not know the word "
     "Bulgaristan. The route was: Turkey – Bulgaria – Serbia – Hungary – Austria – Germany – the Netherlands.",
     ("TUR", "BGR", "SRB", "HUN", "AUT", "DEU", "NLD")),
])
def test_the_report_named_by_its_kind_or_writer_and_the_route_stated(text, route):
    assert extract_route(text).route == route
