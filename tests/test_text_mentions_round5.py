"""Mentions that are not stops, round 5 (issue 15): kinds seen in two or more writers' hard sets. Each example is
written for this test (not taken from a set): a denial whose verb stands far from the place, a conditional with any
subject or told by inversion, a ferry booked out of a Dutch port."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a denial that reaches every mention of the country: the record's own earlier mention goes too
    ("Samenvatting. Volgens Eurodac is hij in Hongarije geregistreerd. Hij ontkent in Hongarije te zijn geweest. Hij "
     "reisde van Irak naar Turkije en met de vrachtwagen via Oostenrijk naar Nederland.", "IRQ>TUR>AUT>NLD"),
    ("Verklaring. De chauffeur zei dat zij via Frankrijk kwam; betrokkene ontkent dat zij ooit in Frankrijk is "
     "geweest. Zij kwam uit Marokko via Spanje naar Nederland.", "MAR>ESP>NLD"),
    ("Correctie. In het rapport staat dat hij naar Bulgarije reisde. Hij heeft nooit een voet in Bulgarije gezet: hij "
     "ging van Turkije per boot naar Griekenland en vloog naar Nederland.", "TUR>GRC>NLD"),
    ("Brief. Het verslag noemt Griekenland. Griekenland heeft hij nooit gezien; hij vloog van Teheran naar Rome en "
     "nam de trein naar Nederland.", "IRN>ITA>NLD"),
    ("Samenvatting. Eerst zei hij dat hij uit Turkije kwam, maar hij was nooit in Turkije. Hij vloog van Dhaka naar "
     "Dubai en Belgrado en reisde verder via Oostenrijk naar Nederland.", "BGD>ARE>SRB>AUT>NLD"),
    ("Summary. The applicant says he did not come through Greece, although his Eurodac hit is from Greece. He left "
     "Turkey for Bulgaria and went on via Austria to the Netherlands.", "TUR>BGR>AUT>NLD"),
    ("Letter. The report says he travelled through Ukraine. He could not go through Ukraine: he went from Moscow to "
     "Tbilisi and flew to Amsterdam.", "RUS>GEO>NLD"),
])
def test_a_denial_reaches_every_mention(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # any subject after 'als' / 'if', and a main clause that opens with its verb
    ("Samenvatting. Zij vloog van Erbil naar Istanbul en Belgrado. Zij was via Hongarije gegaan als de grens open was "
     "geweest; nu liep zij van Servie naar Kroatie en nam de bus naar Nederland.", "IRQ>TUR>SRB>HRV>NLD"),
    ("Samenvatting. Hij vloog van Nador naar Brussel en nam de trein naar Amsterdam. 'Als ik geen visum had gekregen, "
     "was ik ook toen via Ceuta gegaan.'", "MAR>BEL>NLD"),
    # the inverted Dutch conditional, without 'als'
    ("Samenvatting. Hij kwam per veerboot van Durres naar Bari en met de bus naar Nederland. Had hij geld gehad, dan "
     "was hij naar Engeland gegaan.", "ALB>ITA>NLD"),
    ("Summary. She flew from Tbilisi to Munich and took a bus to Utrecht. If the bus had gone through France, she "
     "would have asked for asylum there.", "GEO>DEU>NLD"),
])
def test_a_conditional_names_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a ferry booked or waited for out of a Dutch port: the route ends in the Netherlands
    ("KMar Hoek van Holland, 3 March 2025. In a lorry booked on the night ferry to Harwich a man was found. He said he "
     "came from Libya to Italy and by train via France to Belgium.", "LBY>ITA>FRA>BEL>NLD"),
    ("Official report, Europoort. In a trailer waiting for the ferry to Hull three persons were found. This report "
     "concerns person 2, who travelled from Eritrea via Sudan and Libya to Italy and France.", "ERI>SDN>LBY>ITA>FRA>NLD"),
    ("PV Hoek van Holland. In een vrachtwagen, geboekt op de veerboot naar Harwich, trof men een man aan. Hij kwam "
     "vanuit Albanie via Italie en Frankrijk.", "ALB>ITA>FRA>NLD"),
])
def test_an_onward_ferry_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a coast closed by a Dutch verb-final 'seen' ("de kust van X ... heeft gezien")
    ("PV. Hij verklaarde dat hij in Lagos aan boord ging en dat hij onderweg de kust van Ghana en later Spanje heeft "
     "gezien. In Rotterdam kwam hij van boord.", "NGA>NLD"),
    # a country inside the cue's own words ("langs de Libische en Tunesische kust")
    ("Samenvatting. Vanuit Egypte voeren zij vijf dagen langs de Libische en Tunesische kust. Zij kwamen aan op "
     "Sicilie en reisden per trein naar Nederland.", "EGY>ITA>NLD"),
    ("Q: Did you stop in Greece? A: No, we passed by the coast of Greece. We came from Turkey to Calabria and took a "
     "train to Amsterdam.", "TUR>ITA>NLD"),
    # the place the boat went on to, or a place left later, is reached
    ("Letter. Client sailed from Libya along the coast of Malta to Italy. From Italy he took the train to the "
     "Netherlands.", "LBY>ITA>NLD"),
    ("Brief. Client verklaarde dat het schip langs Malta voer zonder aan te leggen, en dat hij vanuit Italie met de "
     "trein naar Nederland ging. Hij was vanuit Libie vertrokken.", "LBY>ITA>NLD"),
])
def test_a_coast_only_seen_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # the issuer told before the document
    ("Samenvatting. Hij reisde met een door Spanje afgegeven schengenvisum rechtstreeks van Dakar naar Amsterdam.",
     "SEN>NLD"),
    # who gave the document, or whose it was
    ("Verklaring. 'Het visum kreeg ik van Italie, maar ik vloog van Lagos naar Parijs en nam de trein naar "
     "Amsterdam.'", "NGA>FRA>NLD"),
    ("Verklaring. Hij vloog met een paspoort van iemand anders uit Kenia van Kampala naar Brussel en reisde door naar "
     "Utrecht.", "UGA>BEL>NLD"),
    ("Statement. He travelled on the passport of someone else from Ghana: from Abidjan to Paris by air, then by train "
     "to Rotterdam.", "CIV>FRA>NLD"),
    # a stamp in a passport
    ("KMar Schiphol. In zijn paspoort stond een stempel van Turkije van een eerdere reis. Nu kwam hij van Bagdad via "
     "Amman naar Amsterdam.", "IRQ>JOR>NLD"),
    ("KMar Schiphol. His passport had an entry stamp from Egypt. He flew from Khartoum via Doha to Amsterdam.",
     "SDN>QAT>NLD"),
])
def test_a_document_names_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # where the person obtained the document is where the person was
    ("Official report. He came on a Czech work visa which he obtained in Islamabad; he flew from Lahore via Doha to "
     "Prague and took a bus to Amsterdam.", "PAK>QAT>CZE>NLD"),
    # the embassy's place is where the person applied
    ("KMar Schiphol. Zij reisde met een door de Franse ambassade in Conakry afgegeven schengenvisum via Casablanca naar "
     "Amsterdam.", "GIN>MAR>NLD"),
])
def test_where_a_document_was_obtained_is_a_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a stay long before this journey
    ("Brief. Hij reisde van Dhaka naar Dubai en verder via Iran naar Turkije; hij heeft alleen in Maleisie gewerkt, "
     "in 2012, lang voor deze reis. Van Turkije ging hij naar Nederland.", "BGD>ARE>IRN>TUR>NLD"),
    ("Statement: 'Before all this I worked three years in Kuwait. In 2022 I left Lahore by road to Quetta and went "
     "into Iran, then Turkey, and flew to Amsterdam.'", "PAK>IRN>TUR>NLD"),
    # a crossing that failed
    ("Verklaring: 'Van Istanbul met een vrachtwagen naar Bulgarije, door de Griekse grens lukte het niet. Daarna Servie "
     "en Kroatie, en met de trein naar Nederland.'", "TUR>BGR>SRB>HRV>NLD"),
    ("Verklaring: 'In Calais heb ik een half jaar gewacht. Engeland lukte niet, toen ben ik met een auto naar "
     "Nederland gegaan.' Hij kwam uit Soedan via Libie en Italie naar Frankrijk.", "SDN>LBY>ITA>FRA>NLD"),
    # 'Dublin' in a record about registration or fingerprints is the regulation
    ("Verklaring: 'In Italie zeiden ze dat ik Dublin moet geven, maar ik gaf mijn vingers niet.' Hij kwam van Libie "
     "naar Italie en met de trein via Frankrijk naar Nederland.", "LBY>ITA>FRA>NLD"),
    ("Summary. She came from Turkey via Bulgaria and Serbia to Croatia, where she was registered ('they said "
     "Dublin'), and went on by car to the Netherlands.", "TUR>BGR>SRB>HRV>NLD"),
])
def test_an_earlier_stay_a_failed_crossing_or_a_regulation_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # where the person is from, told verb-last with 'te komen' / 'afkomstig te zijn', is no place left
    ("KMar Rotterdam Centraal. Hij verklaarde uit Somalie te komen en vanuit Libie via Italie naar Nederland te zijn "
     "gekomen.", "LBY>ITA>NLD"),
    ("Samenvatting aanmeldgehoor. Betrokkene verklaarde de Eritrese nationaliteit te hebben en uit Asmara afkomstig te "
     "zijn. Naar de reisroute is in dit gehoor niet gevraagd.", ""),
])
def test_where_the_person_is_from_told_verb_last_is_no_departure(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # another person of the record telling their own way
    ("Official report, Rotterdam police. The report concerns the rear-seat passenger, who stated that he had flown from "
     "Hanoi to Moscow and gone by car via Belarus to Poland and Germany. The front passenger said he came via Austria.",
     "VNM>RUS>BLR>POL>DEU>NLD"),
    ("Official report, seaport police Rotterdam. This report concerns stowaway 1, who boarded at Lagos and stayed "
     "hidden until Rotterdam. Stowaways 2 and 3 said they boarded in Dakar.", "NGA>NLD"),
    ("PV. Betrokkene verklaarde dat hij vanuit Turkije via Bulgarije en Servie naar Oostenrijk was gereisd en met de "
     "auto naar Venlo kwam. De bijrijder verklaarde dat hij door Hongarije was gereden.", "TUR>BGR>SRB>AUT>NLD"),
])
def test_another_persons_own_way_is_no_stop(text, route):
    assert extract_route(text).route_text == route


def test_a_driver_taking_the_person_names_a_stop():
    text = ("Statement: 'From Iraq I went via Turkey to Greece. The driver said he would take us from Athens to "
            "Germany, and so he did. From there we went to Venlo.'")
    assert extract_route(text).route_text == "IRQ>TUR>GRC>DEU>NLD"


@pytest.mark.parametrize("text, route", [
    # two places offered with a doubt after them, or one the speaker says not to know
    ("V: Waar begon uw reis? A: In Kabul. V: Waar kwam u in Europa aan? A: Ik weet het niet. Griekenland of Italie, "
     "misschien. V: Hoe kwam u in Nederland? A: Dat weet ik niet meer.", "AFG>NLD"),
    ("Statement: 'From Kabul I went to Iran and Turkey. Bulgaria I don't know, it was night. Then Serbia and Hungary, "
     "and by train to the Netherlands.'", "AFG>IRN>TUR>SRB>HUN>NLD"),
])
def test_a_doubted_place_is_no_stop(text, route):
    assert extract_route(text).route_text == route


def test_a_single_place_with_i_think_stays():
    text = ("Q: Where did your journey start? A: In Tripoli. Q: Where did you enter Europe? A: Italy, I think. Then by "
            "train to Amsterdam.")
    assert extract_route(text).route_text == "LBY>ITA>NLD"
