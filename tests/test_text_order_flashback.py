"""Route order told out of text order: past-perfect flashbacks and legs inside one country."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a flashback in the past perfect after a stay and the arrival were told (English, Dutch)
    ("She stayed in Brussels for a month and took a bus to Breda. She had flown from Lagos to Casablanca and had "
     "crossed to Spain by boat.", "NGA>MAR>ESP>BEL>NLD"),
    ("She came on the ferry from Harwich to Hook of Holland. She had lived in London for two years, after travelling "
     "from Tirana to Calais by lorry.", "ALB>FRA>GBR>NLD"),
    ("Betrokkene woonde een half jaar in Keulen en reisde met de trein naar Venlo. Hij was vanuit Izmir met een boot "
     "naar Lesbos overgestoken en had daarna in Athene gewoond.", "TUR>GRC>DEU>NLD"),
    ("Verklaring. Ik heb drie maanden in Brussel geslapen en kwam met de bus naar Breda. Ik was uit Tanger met een "
     "boot naar Spanje gevaren.", "MAR>ESP>BEL>NLD"),
])
def test_past_perfect_flashback_goes_before_what_was_told_first(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a whole account in the past perfect is told forwards
    ("Proces-verbaal. Betrokkene werd te Venlo aangetroffen. Hij verklaarde dat hij vanuit Syrie naar Turkije was "
     "gereisd. In Istanbul had hij twee jaar gewerkt en was hij met een boot naar Griekenland overgestoken. Vanuit "
     "Griekenland was hij naar Duitsland gevlogen.", "SYR>TUR>GRC>DEU>NLD"),
    # a continuation word carries the story on
    ("He travelled from Iraq to Turkey. From there he had taken a boat to Greece.", "IRQ>TUR>GRC"),
])
def test_past_perfect_told_forwards_keeps_the_text_order(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # Q/A told backwards: "from Lyon, changing in Paris" leads to the question's country, not to Paris
    ("Q: Which country were you in before the Netherlands? A: Belgium. Q: How did you get to Belgium? A: By train, "
     "from Lyon, changing in Paris. Q: And to France? A: By bus from Milan to Lyon. Q: Where did it start? "
     "A: In Tunisia, I took a boat to Italy.", "TUN>ITA>FRA>BEL>NLD"),
    ("V: Waar was u voor Nederland? A: In Duitsland. V: Hoe kwam u in Duitsland? A: Met de bus, vanuit Graz in "
     "Oostenrijk. V: En naar Oostenrijk? A: Te voet vanuit Slovenie.", "SVN>AUT>DEU>NLD"),
])
def test_a_departure_leads_to_another_country_not_to_a_town_of_its_own(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # what an 'after' clause tells came before the country told before the cue
    # (a case officer's "Samenvatting" is a Dutch record since round 11: it ends in NLD)
    ("Samenvatting. Hij woonde een jaar in Duitsland. Duitsland bereikte hij pas nadat hij twee maanden in Wenen had "
     "gewerkt.", "AUT>DEU>NLD"),
    ("Verklaring. Ik ben in Frankrijk aangekomen nadat ik drie weken in Italie was gebleven, en daarna met de bus naar "
     "Amsterdam gegaan.", "ITA>FRA>NLD"),
    ("Summary. She reached Germany by bus, after several weeks in a camp in Slovenia. She then took a train to "
     "Utrecht.", "SVN>DEU>NLD"),
    # "after which" tells what followed
    ("Summary. He was held in Chiasso for a night, after which he took the train to France and a bus to Rotterdam.",
     "CHE>FRA>NLD"),
])
def test_an_after_clause_tells_what_came_before(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a flight stop told after the itinerary goes before the flight's destination, not before the last country
    ("Statement. She took a flight from Lagos to Paris and then the train from Paris to Amsterdam. The flight had a "
     "stopover in Casablanca.", "NGA>MAR>FRA>NLD"),
    ("Verklaring. Hij vloog van Teheran naar Belgrado en ging daarna met de bus naar Sarajevo. Hij had een tussenstop "
     "in Istanbul.", "IRN>TUR>SRB>BIH"),
])
def test_a_flight_stop_told_later_goes_before_the_flights_destination(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # the start asked last, its answer going on in a sentence of its own
    ("V: Hoe bent u de EU binnengekomen? A: Via Bulgarije, te voet. V: En daarna? A: Met een vrachtwagen door Servie "
     "naar Oostenrijk en met de trein naar Nederland. V: Waar is uw reis begonnen? A: In Kabul. Daarna Iran en "
     "Turkije.", "AFG>IRN>TUR>BGR>SRB>AUT>NLD"),
    ("Q: How did you enter Europe? A: On foot into Greece. Q: And after Greece? A: A bus to Serbia and a train to "
     "Vienna and Amsterdam. Q: Where did your journey begin? A: In Damascus. Then Lebanon and Turkey.",
     "SYR>LBN>TUR>GRC>SRB>AUT>NLD"),
])
def test_the_first_legs_told_with_a_start_asked_last_follow_the_start(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # the source told right after its arrival, before the next leg
    ("Proces-verbaal. Betrokkene verklaarde in Minsk te zijn geland, vanuit Bagdad, vervolgens door het bos naar "
     "Polen te zijn gelopen en met de bus naar Venlo te zijn gereisd.", "IRQ>BLR>POL>NLD"),
    ("Statement. She arrived in Istanbul, coming from Tehran, and then crossed to Greece by boat and flew to "
     "Amsterdam.", "IRN>TUR>GRC>NLD"),
])
def test_a_source_told_after_its_arrival_leads_to_that_arrival(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # after the arrival here, a journey told on its own from a country not on the route is the missing beginning
    ("Correcties. De boot werd naar Lampedusa gebracht. Client reisde met de trein naar Parijs en met de bus naar "
     "Rotterdam. Client benadrukt dat hij uit Eritrea via Soedan naar Libie is gereisd; dat deel ontbreekt in het "
     "rapport.", "ERI>SDN>LBY>ITA>FRA>NLD"),
    ("Summary. A boat brought him to Lampedusa and he took a train to Paris and a bus to Rotterdam. He adds that he "
     "left Eritrea and travelled through Sudan to Libya, which the report left out.", "ERI>SDN>LBY>ITA>FRA>NLD"),
])
def test_a_beginning_told_after_the_arrival_goes_first(text, route):
    assert extract_route(text).route_text == route
