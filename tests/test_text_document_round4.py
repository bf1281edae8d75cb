"""Issue 15, fourth round of the document layer: kinds of record structure, each with a Dutch and an English example
written for this test (not taken from an evaluation set)."""

import pytest

from routekit.text import extract_route, verifier


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


# --- letters: what the client never claimed or the report should not say is no part of the account; a statement that
# names the report as its source is the report's version; what the report "rightly" says is part of it
@pytest.mark.parametrize("text, expected", [
    ("Namens cliënt reageer ik op het voornemen. Cliënt heeft nooit gesteld dat hij vanuit Irak is vertrokken. Hij is "
     "in Irak geboren, maar groeide op in Damascus. Vanuit Damascus reisde hij naar Beiroet en vloog hij naar Istanbul. "
     "Daarna ging hij met de bus naar Nederland.",
     "SYR>LBN>TUR>NLD"),
    ("Corrections to the report of the interview, client Mr B. Client was born in Herat, but he has lived in Mashhad "
     "since 2010 and left from there; the report should not state that he left from Afghanistan. From Mashhad he "
     "went to Turkey on foot and took a boat to Lesbos, and later flew from Athens to Amsterdam.",
     "IRN>TUR>GRC>NLD"),
    ("Correcties op het rapport van het nader gehoor van cliënt. In het rapport wordt de Eurodac-treffer in Kroatië "
     "als vaststaand gegeven en is de route aangepast naar 'via Kroatië'. De treffer is van zijn neef met dezelfde naam. Cliënt reisde van Bihać naar Slovenië en "
     "met de trein via Oostenrijk naar Nederland.",
     "BIH>SVN>AUT>NLD"),
    ("Correcties op het rapport van het nader gehoor van cliënt. Pagina 4: cliënt is niet per veerboot maar per "
     "rubberboot van Libië naar Italië gegaan. Het verslag vermeldt verder terecht dat hij van Italië met de trein via "
     "Zwitserland naar Nederland reisde.",
     "LBY>ITA>CHE>NLD"),
    ("Corrections to the report, client Ms C. Page 3: client did not travel by ferry but by rubber boat from Libya to "
     "Italy. The report correctly records that she then went by train from Italy via Austria to the Netherlands.",
     "LBY>ITA>AUT>NLD"),
])
def test_letter_statements(text, expected):
    assert route(text) == expected


# --- names: an adjective with "border"/"coast" names the country ("the Greek border"), but not when the phrase goes on
# to name people or a service ("the Greek border guards", "the Libyan coast guard")
@pytest.mark.parametrize("text, expected", [
    ("Twice he was caught by Greek border guards and sent back. He then went from Turkey to Bulgaria on foot and by "
     "truck to Austria and the Netherlands.", "TUR>BGR>AUT>NLD"),
    ("We crossed the Greek border at night, went to Athens and flew to Amsterdam.", "GRC>NLD"),
])
def test_border_guards_name_no_place(text, expected):
    assert route(text) == expected


def test_adjective_nouns_flag_is_checked(tmp_path, monkeypatch):
    from routekit.errors import InputError
    from routekit.text import gazetteer

    (tmp_path / "adjective_nouns.csv").write_text("noun,language,names_country\nborder,en,maybe\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "data_path", lambda name: tmp_path / name if name == "adjective_nouns.csv"
                        else gazetteer.resources.files(gazetteer.GAZETTEER_PACKAGE).joinpath(name))
    with pytest.raises(InputError, match="names_country"):
        gazetteer._adjective_places()


# --- names: a capital or a large city whose name is frequent because it is a known place (generated cities.csv)
@pytest.mark.parametrize("text, expected", [
    ("Betrokkene woont sinds 2015 in Murcia. Hij reisde met de bus naar Parijs en daarna naar Amsterdam.",
     "ESP>FRA>NLD"),
    ("She flew from Havana to Georgetown, went overland to Paramaribo and flew on to Amsterdam.", "CUB>GUY>SUR>NLD"),
])
def test_large_cities_known_by_name(text, expected):
    assert route(text) == expected


# --- names: a country's name that is also another country's region ("Atlanta, Georgia", "de staat Georgia") is the
# region after a town and a comma or after "state of"; not after the country's own town or at a sentence's start
@pytest.mark.parametrize("text, expected", [
    ("He worked for six years in Macon, Georgia. In 2023 he flew from Atlanta to Madrid and took a bus to Amsterdam.",
     "USA>ESP>NLD"),
    ("Zij woonde in de staat Georgia en vloog in 2022 naar Lissabon en daarna naar Amsterdam.", "USA>PRT>NLD"),
    ("He lived in Batumi, Georgia, and flew from Kutaisi to Eindhoven.", "GEO>NLD"),
    ("Q: Georgia, the country? A: Yes, Georgia. Then a flight to Vilnius and a bus to Amsterdam.", "GEO>LTU>NLD"),
])
def test_country_name_that_is_also_a_region(text, expected):
    assert route(text) == expected


# --- letters: a quotation of the report that the letter calls wrong, in its statement or at the start of the next, is
# the report's version; "Your report states", "daar staat" name the report; a bare "Dat is juist." confirms the claim
# before it; why a name came up ("viel alleen omdat", "the word ... was used for", "berust op een misverstand")
@pytest.mark.parametrize("text, expected", [
    ("Correcties op het rapport van het nader gehoor, cliënt de heer K. 2. P. 5: 'Van Libië met de boot naar Malta.' "
     "Dit is een vertaalfout: cliënt ging met een rubberboot van Libië naar Lampedusa en daarna met de trein naar "
     "Nederland.", "LBY>ITA>NLD"),
    ("Corrections to the interview report, client Ms A. Page 5: 'From Sudan I went to Egypt and then Libya.' This is a "
     "mistranslation. She went from Sudan straight into Libya, by boat to Italy and by train to the Netherlands.",
     "SDN>LBY>ITA>NLD"),
    ("Correcties op het verslag van het nader gehoor, cliënt de heer B. Uw rapport stelt dat cliënt via Bulgarije is "
     "gereisd. Cliënt reisde van Turkije naar Griekenland en vloog van Athene naar Amsterdam.", "TUR>GRC>NLD"),
    ("Correcties op het verslag van het nader gehoor, cliënt de heer C. Cliënt reisde van Irak naar Turkije. Op "
     "pagina 4 staat dat cliënt 'in Griekenland en Italië' verbleef. Dat is juist. Daarna reisde hij met de trein "
     "naar Nederland.", "IRQ>TUR>GRC>ITA>NLD"),
    ("Corrections to the report, client Mr D. He travelled from Conakry by bus to Bamako and on to Niger. He says the "
     "word 'Algeria' was used for the truck that took them to Libya. From Libya he went by boat to Italy and by bus to "
     "Amsterdam.", "GIN>MLI>NER>LBY>ITA>NLD"),
    ("Correcties op het rapport, cliënt de heer D. Hij reisde van Conakry met de bus naar Bamako en verder naar Niger; "
     "de naam 'Algerije' viel alleen omdat zijn broer daar werkt. Vanuit Libië ging hij per boot naar Italië en met de "
     "bus naar Amsterdam.", "GIN>MLI>NER>LBY>ITA>NLD"),
])
def test_letter_quotations_and_confirmations(text, expected):
    assert route(text) == expected


def test_a_quotation_corrected_in_part_keeps_what_it_does_not_correct():
    text = ("Namens cliënt bericht ik u over het rapport van nader gehoor. In het rapport staat: 'van Guinee naar "
            "Marokko gevlogen'. Cliënt heeft verklaard dat hij over land reisde: met bussen door Mali tot in Marokko. "
            "Daarna ging hij met een boot naar Spanje en met de bus naar Nederland.")
    assert route(text) == "GIN>MLI>MAR>ESP>NLD"


# --- names: a common word one edit away from a country's name is no misspelt country ("Service" / Servie, "Solomon" /
# Salomon, "steden" / Sweden), unless it stands in a list of countries ("via Serbia, 'Hungry' and Austria")
@pytest.mark.parametrize("text, expected", [
    ("To the Immigration and Naturalisation Service, re: client Mr Barry. He travelled from Conakry by bus to Bamako "
     "and from there to Niger, Libya and Italy, and by bus to Amsterdam.", "GIN>MLI>NER>LBY>ITA>NLD"),
    ("We walked for two days, we were hungry. In Serbia we took a car to Austria and then the train to Amsterdam.",
     "SRB>AUT>NLD"),
    ("He came via Serbia, 'Hungry' and Austria by car and took the train to Amsterdam.", "SRB>HUN>AUT>NLD"),
])
def test_common_words_are_no_misspelt_countries(text, expected):
    assert route(text) == expected


# --- names: a place name right after a person's title is the person ("Ms Saba", "mevrouw Asmara")
@pytest.mark.parametrize("text, expected", [
    ("Corrections to the interview report, client Ms Saba Tesfay. She left Eritrea for Sudan, crossed into Libya and "
     "went by boat to Italy and by train to the Netherlands.", "ERI>SDN>LBY>ITA>NLD"),
    ("Namens cliënte, mevrouw Asmara Haile: zij reisde van Soedan naar Libië en met de boot naar Italië, en daarna met "
     "de trein naar Nederland.", "SDN>LBY>ITA>NLD"),
])
def test_place_name_after_a_title_is_a_person(text, expected):
    assert route(text) == expected


# --- a speaker doubting a place and denying it ("In Kosice? No, sorry, in Kyiv", "Alleen tot Oujda? Nee, nooit",
# "Ik zei Australie... nee"): the doubted place is not read, and the answer is what follows the doubt
@pytest.mark.parametrize("text, expected", [
    ("Q: Where did you start? A: In Tbilisi. Q: And then? A: A bus to Turkey? No, a flight to Vilnius, and then a bus "
     "to Warsaw and Berlin. Q: And from Berlin? A: A train to Amsterdam.", "GEO>LTU>POL>DEU>NLD"),
    ("V: Waar bent u vertrokken? A: Uit Lviv. V: Waar nam u de bus? A: In Boekarest? Nee, sorry, in Chisinau. Daarna "
     "met de bus naar Wenen en met de trein naar Amsterdam.", "UKR>MDA>AUT>NLD"),
    ("V: Was u in Algerije? A: Ja, een jaar in Oran. V: Bent u in Marokko geweest? A: Alleen tot Oujda? Nee, nooit, ik "
     "heb het verward. V: Hoe ging u verder? A: Met een boot naar Spanje en met de bus naar Nederland.",
     "DZA>ESP>NLD"),
])
def test_self_doubt_and_denial(text, expected):
    assert route(text) == expected


# --- Q/A: more ways to ask where the journey began; 'no' to "were you there for long?" denies the stay, not the
# passage; "I don't want to talk about it" tells nothing
@pytest.mark.parametrize("text, expected", [
    ("V: Bent u in Italië geweest? A: Nee. V: Hoe kwam u in Oostenrijk? A: Met de trein uit Boedapest. V: Hoe bent u "
     "in Nederland gekomen? A: Met de bus van Wenen naar Amsterdam. V: Waar bent u begonnen? A: In Jerevan. Ik vloog "
     "naar Boedapest.", "ARM>HUN>AUT>NLD"),
    ("Q: When did you arrive in the Netherlands? A: In May, by bus from Brussels. Q: Were you in Belgium for long? A: "
     "No, two days, at the North station. Q: Before Belgium? A: France, Lyon. Q: How did you reach France? A: By train "
     "from Milan.", "ITA>FRA>BEL>NLD"),
    ("Q: How did you travel to the Netherlands? A: I don't want to talk about that. Q: Did you come through Germany? "
     "A: I said I don't want to talk. Q: Who paid? A: My family.", ""),
])
def test_start_questions_stays_and_refusals(text, expected):
    assert route(text) == expected


# --- several persons: more ways to declare the subject ("heeft betrekking op", "onderwerp van dit rapport", "the
# person designated P4"), persons found at work ("worker 4"), labels of a letter and a number ("V1", "P7"), "co-susp."
@pytest.mark.parametrize("text, expected", [
    ("Proces-verbaal van bevindingen. In de laadruimte werden 4 personen aangetroffen. Dit pv heeft betrekking op "
     "betr. 3. Betr. 3 verklaarde dat hij vanuit Libië via Italië naar Frankrijk was gekomen. Overige betr. verklaarden "
     "via Duitsland te zijn gereisd.", "LBY>ITA>FRA>NLD"),
    ("KMar, rapport van bevindingen, controle A12 t.h.v. Zevenaar. Man 1, onderwerp van dit rapport, verklaarde dat hij "
     "vanuit Turkije via Bulgarije en Servië naar Duitsland was gekomen. Man 2 verklaarde uit Irak te komen via "
     "Griekenland.", "TUR>BGR>SRB>DEU>NLD"),
    ("Official report, found at a building site in Utrecht. The report concerns worker 2 only. He stated that he came "
     "via Libya and Italy and travelled by car via Switzerland to the Netherlands. Worker 3 stated that he came from "
     "Senegal via Spain.", "LBY>ITA>CHE>NLD"),
    ("Official report of findings. This report concerns V2, found at Venlo station. V2 stated: from Oran he went by "
     "bus to Tunisia, by boat to Lampedusa and by train via Basel to Venlo. V1 stated that he came from France.",
     "DZA>TUN>ITA>CHE>NLD"),
    ("Report AVIM. Susp. Arman G. stated he left Yerevan by bus to Georgia, flew to Milan, and came to NL by car. "
     "Note: co-susp. stated he came via BE.", "ARM>GEO>ITA>NLD"),
])
def test_several_persons_only_the_subject(text, expected):
    # the rules' subject: the stop verifier (switched on in round 13) removes Libya from the Dutch letter ("niet per
    # veerboot maar per rubberboot van Libie naar Italie"): a known error of that learned stage (closing note, round 13)
    with verifier.using(verifier.stored_model()._replace(enabled=False)):
        assert route(text) == expected


# --- several journeys: leaving the Netherlands ("then left NL in 2021 to live in Brussels") is the later journey's
# departure, not the first arrival's own account
@pytest.mark.parametrize("text, expected", [
    ("Official report. She stated that she had been living in NL since 2019. She had first come on a flight from "
     "Conakry via Paris to Amsterdam, then left NL in 2021 to live with her sister in Brussels, and came back to "
     "Amsterdam by train in 2023.", "GIN>FRA>NLD"),
    ("Proces-verbaal. Hij verklaarde dat hij sinds 2018 in Nederland woont. Hij kwam toen met het vliegtuig uit Lagos "
     "via Casablanca naar Schiphol, verliet Nederland in 2020 om in Antwerpen te werken, en kwam in 2022 terug.",
     "NGA>MAR>NLD"),
])
def test_leaving_the_netherlands_starts_the_later_journey(text, expected):
    assert route(text) == expected


# --- letters: a correction of one leg leaves the rest of the report's route ("The report gives the route as 'Syria -
# Jordan - Egypt - Libya'. My client never said Jordan."); a claim the letter rejects as a whole goes entirely
@pytest.mark.parametrize("text, expected", [
    ("Corrections to the interview report, client Mr H. The report says my client travelled 'via Iran, Turkey and "
     "Greece to Germany'. My client has never been in Germany. After Greece he flew to Brussels and took a train to "
     "Amsterdam.", "IRN>TUR>GRC>BEL>NLD"),
    ("Correcties op het rapport, cliënt de heer U. Op p. 5 staat 'ik reisde van Nigeria naar Niger en Algerije'. "
     "Cliënt heeft Algerije niet genoemd. Vanuit Niger ging hij naar Libië en met de boot naar Italië, en daarna met "
     "de trein naar Nederland.", "NGA>NER>LBY>ITA>NLD"),
    ("Corrections to the report, client Mr N. Page 3 states that client travelled from Douala through Chad and Libya. "
     "That is not what client said: he took a bus from Douala to Kano in Nigeria and a truck to Niger, then to Libya "
     "and by boat to Italy and by train to the Netherlands.", "CMR>NGA>NER>LBY>ITA>NLD"),
])
def test_letter_partial_corrections(text, expected):
    assert route(text) == expected


# --- Q/A: a later answer that names a country right after a negation takes back an earlier answer's country
@pytest.mark.parametrize("text, expected", [
    ("V: Hoe kwam u in Europa? A: Met een boot naar Italië. V: Vanwaar? A: Vanuit Bodrum. V: Waar kwam u aan? A: Op "
     "Kos. V: Kos is een Grieks eiland. A: Ja, dan Griekenland, niet Italië, sorry. V: En daarna? A: Met het vliegtuig "
     "naar Düsseldorf.", "TUR>GRC>DEU>NLD"),
    ("Q: How did you reach Europe? A: By boat to Spain. Q: Where did you land? A: In Lampedusa. Q: That is Italy. A: "
     "Yes, Italy, not Spain. Q: And then? A: The train to France and the bus to Amsterdam.", "ITA>FRA>NLD"),
])
def test_later_answer_takes_a_country_back(text, expected):
    assert route(text) == expected


# --- letters: "Y, not X" - the other reading a letter rules out is no stop
@pytest.mark.parametrize("text, expected", [
    ("Corrections to the report of the main interview, client Mr W. Page 6 records that my client 'stayed in Tripoli'. "
     "For the avoidance of doubt: this is Tripoli in Libya, not Lebanon. He went from Khartoum to Tripoli by truck, "
     "by boat to Lampedusa and by train to the Netherlands.", "SDN>LBY>ITA>NLD"),
    ("Correcties op het rapport, cliënt de heer O. Hij vertrok vanuit Tripoli, Libanon, en niet Libië. Hij vloog van "
     "Beiroet naar Istanbul en reisde verder naar Nederland.", "LBN>TUR>NLD"),
])
def test_letter_rules_out_the_other_reading(text, expected):
    assert route(text) == expected


# --- several persons: "passenger no. 4", "person referred to as betr. 1" name a numbered subject (their own later
# statements are kept); codes after verbs whose object is the place ("reached LMP", "flew DKR - LIS"); main airports
# whose names do not say 'international' (Lampedusa, Kutaisi, Bangkok)
@pytest.mark.parametrize("text, expected", [
    ("OFFICIAL REPORT. Officers stopped a van with six passengers. This report concerns passenger no. 4, a Somali "
     "national. Passenger 4 stated he had come from Turkey to Bulgaria on foot and was taken to Serbia by car. "
     "Passengers 1-3 made no statement.", "TUR>BGR>SRB>NLD"),
    ("Proces-verbaal. Betreft: persoon hierna te noemen betrokkene 2, een vrouw. Betrokkene 2 verklaarde dat zij van "
     "Lagos via Casablanca naar Amsterdam vloog. Betrokkene 1 verklaarde dat zij via Parijs kwam.", "NGA>MAR>NLD"),
    ("Official report. The person stated he reached LMP by boat from Sfax and took a bus to Paris and Amsterdam.",
     "TUN>ITA>FRA>NLD"),
    ("KMar Eindhoven. Passenger stated he left Russia in 2022 and flew KUT-EIN in May.", "RUS>GEO>NLD"),
])
def test_numbered_subjects_codes_and_airports(text, expected):
    assert route(text) == expected


# --- letters: "(p. 2)" does not end a statement; "He did not." rejects the quoted claim; a name mentioned only because
# of someone else, a relative's part, "not part of his route", "Niet juist is dat ..." are no stops
@pytest.mark.parametrize("text, expected", [
    ("Corrections to the interview report, client Mr K. The report states (p. 2) that my client 'fled via Russia'. He "
     "did not. He left Minsk by train to Vilnius and took a bus via Warsaw and Berlin to Amsterdam.",
     "BLR>LTU>POL>DEU>NLD"),
    ("Corrections to the report, client Mr R. My client is Colombian and never lived in Venezuela; he mentioned "
     "Venezuela only because his wife is Venezuelan. He flew from Bogotá to Madrid and came to the Netherlands by bus.",
     "COL>ESP>NLD"),
    ("Aanvullingen op het verslag van het nader gehoor, cliënt de heer Y. Cliënt vloog van Moskou naar Belgrado en "
     "reisde via Hongarije naar Nederland. Niet juist is dat hij in Kazachstan is geweest.", "RUS>SRB>HUN>NLD"),
    ("Corrections to the report, client Mr G. He left Eritrea for Sudan and flew from Khartoum via Istanbul to "
     "Amsterdam. Kenya is not part of his route. The report states that client lived in Spain; this refers to his "
     "brother.", "ERI>SDN>TUR>NLD"),
])
def test_letter_rejections_and_relatives(text, expected):
    assert route(text) == expected


# --- letters: the letter's own earlier letter corrected ("Ik schreef dat ...; dat is onjuist"), a word the interpreter
# put in ("door de tolk ingevuld", "rendered 'Nemsa' as 'Germany'"), "'X' on page 5 is wrong", "must read"
@pytest.mark.parametrize("text, expected", [
    ("Tweede aanvulling, cliënt dhr. H. In onze brief van 3 april schreven wij dat cliënt 'niet in Turkije is "
     "geweest'. Dit berust op een misverstand: hij vloog van Bagdad naar Istanbul en daarna naar Minsk, en liep naar "
     "Litouwen. Voor het overige is het rapport juist.", "IRQ>TUR>BLR>LTU>NLD"),
    ("Correcties rapport nader gehoor, cliënt dhr. T. Cliënt heeft in het gehoor geweigerd over zijn route te "
     "verklaren. De passage op p. 5 ('ik kwam via Italië') is volgens cliënt door de tolk ingevuld.", ""),
    ("Corrections to the report, client Mr B. He travelled from Tanger to Algeciras hidden in a lorry and from Barcelona "
     "by train to Paris and by bus via Brussels to Amsterdam. The report's 'Germany' on page 5 is wrong.",
     "MAR>ESP>FRA>BEL>NLD"),
])
def test_letter_own_letters_and_interpreters(text, expected):
    assert route(text) == expected


# --- codes: ISO3 country codes ("naar NLD", "train ITA-FRA, bus FRA-NLD"): an airport code that is also a country's
# ISO3 code is the country unless the airport is a hub (FRA alone is Frankfurt); IND is the immigration service
@pytest.mark.parametrize("text, expected", [
    ("Route acc. to subj.: DAC-DXB-BEN (flights), approx. 1 yr Benghazi, wooden boat to LMP, train ITA-FRA, bus "
     "FRA-NLD.", "BGD>ARE>LBY>ITA>FRA>NLD"),
    ("Verd. verklaarde dat hij via BLR naar LTU reisde en met de bus via POL naar NLD kwam.", "BLR>LTU>POL>NLD"),
    ("From: Van Dijk Advocaten. To: IND. Corrections to the report, client Mr J. He flew from Lagos to Istanbul and "
     "went by bus to Amsterdam.", "NGA>TUR>NLD"),
])
def test_iso3_country_codes(text, expected):
    assert route(text) == expected


# --- letters: a country named as where a relative lives ("Turkije is het land waar zijn vader woont", "Finland is
# where his wife lives"); journeys: a return told verb-last ("... per trein terugkwam") after a removal ("verwijderd")
@pytest.mark.parametrize("text, expected", [
    ("Namens cliënt, de heer D. In het rapport staat dat cliënt via Turkije reisde. Dat is onjuist: Turkije is het "
     "land waar zijn vader woont. Cliënt vloog rechtstreeks van Damascus naar Benghazi, voer naar Kreta en vloog naar Eindhoven.",
     "SYR>LBY>GRC>NLD"),
    ("Corrections to the report, client Mr S. Client said he wanted to go to the UK; Finland is where his wife lives. "
     "He left Russia by car into Georgia and flew to Belgrade and on to Amsterdam.", "RUS>GEO>SRB>NLD"),
    ("PV. Betr. werd in 2018 al eens in NL aangetroffen; hij verklaarde toen per bus van Tirana via Montenegro en "
     "Kroatië naar Utrecht te zijn gereisd. Betr. werd in 2019 naar Albanië verwijderd. Nu verklaarde hij dat hij in "
     "2025 met de veerboot van Durrës naar Bari ging en via Frankrijk per trein terugkwam.", "ALB>MNE>HRV>NLD"),
])
def test_relatives_countries_and_verb_last_returns(text, expected):
    assert route(text) == expected
