"""Issue 15, sixth document round: kinds seen in the hard sets of several writers (Q/A answers about birth or
residence, denials of a place inside a country)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # the answer to a birth, origin or residence question names the place and then its region or country: both are
    # that answer, not a place travelled ("In Valencia, in de staat Carabobo", "Guinea, Conakry")
    ("Q: How did you come to the Netherlands? A: I don't know, a man brought me in a car. Q: Which countries did you "
     "pass? A: I don't know, I was asleep. Q: Where are you from? A: Senegal, Dakar.", ()),
    ("V: Hoe bent u naar Nederland gekomen? A: Dat weet ik niet, ik lag achter in een vrachtwagen. V: Door welke "
     "landen? A: Dat weet ik niet. V: Waar komt u vandaan? A: Uit Guinee, uit Conakry.", ()),
    ("V: Waar bent u geboren? A: In Maracay, in de staat Aragua. Maar sinds 2019 woonde ik in Cúcuta, aan de "
     "Colombiaanse kant, en daar ben ik vertrokken. V: Hoe reisde u? A: Van Cúcuta met de bus naar Bogotá en van "
     "Bogotá met het vliegtuig naar Madrid. Daarna met de bus naar Amsterdam.", ("COL", "ESP", "NLD")),
])
def test_a_birth_or_origin_answer_covers_the_region_it_names(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # 'no' to being in a town or an enclave denies that place, not its whole country, when the transcript travels
    # through the country otherwise
    ("V: Waar bent u vertrokken? A: Uit Bamako. V: En daarna? A: Algerije en Marokko, in het bos bij Nador. "
     "V: Bent u in Melilla geweest? A: Nee, wij kwamen nooit over het hek. Wij zijn met een boot naar Almería "
     "gegaan en daarna met de bus naar Nederland.", ("MLI", "DZA", "MAR", "ESP", "NLD")),
    ("Q: Where did your journey start? A: In Asmara. Q: And then? A: Sudan, Libya, and a boat to Lampedusa. "
     "Q: Were you in Calais? A: No, never. Q: How did you travel from Italy? A: By train from Milan to Paris and by "
     "bus to Amsterdam.", ("ERI", "SDN", "LBY", "ITA", "FRA", "NLD")),
    # ... the town itself stays out wherever the transcript names it
    ("V: U bent op Schiphol aangekomen. Waarvandaan? A: Uit Belgrado. V: Hoe kwam u in Servië? A: Ik vloog van "
     "Colombo naar Belgrado. V: Wie regelde dat? A: Een agent in Londen. V: Bent u in Londen geweest? A: Nee.", ("LKA", "SRB", "NLD")),
])
def test_no_to_a_town_in_a_transcript_keeps_its_country(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the same in a narrative or a letter: "never in Melilla" leaves Spain when another of its places is travelled
    ("Ik kwam uit Marokko met de boot naar Almería en reisde met de bus via Frankrijk naar Nederland. Ik ben nooit in "
     "Melilla geweest.", ("MAR", "ESP", "FRA", "NLD")),
    ("Corrections to the report, client Mr K. Page 3 says client stayed in Calais. Client was never in Calais. He "
     "travelled from Italy by train to Paris and by bus to Amsterdam.", ("ITA", "FRA", "NLD")),
    # ... and a town denied, its country named by nothing else, is still no stop
    ("He said he has never been to Caracas. He flew from Bogotá to Madrid.", ("COL", "ESP")),
])
def test_never_in_a_town_keeps_its_country_travelled_otherwise(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a subject declared by its number alone ("Dit pv betreft nr. 2", "This report concerns no. 2") is the person who
    # carries that number: the other numbered persons' statements go, the subject's stay
    ("Proces-verbaal. In de bus werden twee personen aangetroffen: 1. K. Amini en 2. R. Haidari. Dit pv betreft nr. 2. "
     "Betr. 1 verklaarde dat hij via Italië was gekomen. Betr. 2 verklaarde dat hij van Kabul naar Teheran was "
     "gevlogen en via Turkije en Griekenland naar Nederland was gereisd.", ("AFG", "IRN", "TUR", "GRC", "NLD")),
    ("Official report. Two persons were found in a lorry. This report concerns no. 2. Person 1 stated that he had "
     "come via Spain. Person 2 stated that she had flown from Lagos to Casablanca and had come by bus to the "
     "Netherlands.", ("NGA", "MAR", "NLD")),
])
def test_a_subject_declared_by_its_number_alone(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # an aside in which another person states their own route is that person's route, not the subject's
    ("PV van bevindingen. Dit pv heeft betrekking op betr. B, die met betr. A (Iraakse nat., verklaarde via Oostenrijk "
     "te komen) in de bus zat. Betr. B verklaarde dat hij van Erbil naar Minsk was gevlogen en via Polen "
     "en Duitsland naar Nederland was gereisd.", ("IRQ", "BLR", "POL", "DEU", "NLD")),
    ("Official report. Three persons were checked. This report concerns person 2 only, Amina K. She stated that she "
     "had flown from Tehran to Istanbul and gone by boat to Lesbos and by air from Athens to Amsterdam. Person 1 is her "
     "cousin; his route differs (he says he came via Bulgaria).", ("IRN", "TUR", "GRC", "NLD")),
])
def test_another_persons_aside_is_not_the_subjects_route(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a return home told with its country a few words on ("returned voluntarily to Iraq") or before a Dutch verb-last
    # return ("is hij naar Irak teruggekeerd") is a departure: the later journey back here is cut, the first stays
    ("Interview summary. The applicant first came to the Netherlands in 2016: he travelled from Aleppo to Turkey, "
     "crossed to Greece by boat and took a train from Germany to Venlo. In 2019 he returned voluntarily to Syria. In "
     "2023 he flew to Minsk and walked into Poland; from there he came again to the Netherlands by bus.",
     ("SYR", "TUR", "GRC", "DEU", "NLD")),
    ("Samenvatting. Betrokkene kwam in 2015 voor het eerst naar Nederland: van Irak naar Turkije, met een boot naar "
     "Griekenland en via Oostenrijk naar Nederland. In 2018 is hij naar Irak teruggekeerd. In 2022 vloog hij naar "
     "Minsk en liep naar Polen, waarna hij opnieuw naar Nederland reisde.", ("IRQ", "TUR", "GRC", "AUT", "NLD")),
])
def test_a_return_home_told_with_its_country_is_a_departure(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # travelling on from the Netherlands, or the Dublin transfer told as a noun, starts the later journey; a return
    # told in the statement of that departure still ends it
    ("V: U was al eerder in Nederland? A: Ja, in 2021 kwam ik met het vliegtuig van Tbilisi naar Eindhoven. V: Wat "
     "gebeurde daarna? A: Ik ben doorgereisd naar Frankrijk en heb in Lyon asiel gevraagd. V: Hoe bent u nu "
     "teruggekomen? A: Met de bus van Lyon via Luxemburg naar Maastricht.", ("GEO", "NLD")),
    ("Betr. werd op 2 mei te Zwolle aangetroffen. Uit het dossier blijkt dat betr. in 2021 aan DE is overgedragen. "
     "Betr. verklaarde dat hij in 2020 vanuit TR per boot naar GR is gereisd en daarna via AT naar NL. Na de overdracht "
     "aan DE verbleef hij twee jaar in Keulen en kwam hij in 2023 per trein opnieuw naar NL.", ("TUR", "GRC", "AUT", "NLD")),
])
def test_travelling_on_or_a_transfer_starts_the_later_journey(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # an earlier stay here that ended with a return home, told after the current trip: what came before it is the
    # current trip, and the route is the first arrival
    ("KMar Schiphol, tweedelijnscontrole. Vreemdeling kwam aan met een vlucht uit Accra. Hij verklaarde nu via Ghana "
     "te reizen. Uit het gesprek bleek dat hij al eerder in Nederland was: in 2018 vloog hij van Lagos via Casablanca "
     "naar Amsterdam en keerde in 2019 zelf terug naar Nigeria.", ("NGA", "MAR", "NLD")),
    ("KMar Schiphol, second-line check. The passenger arrived on a flight from Istanbul and said he was now travelling "
     "via Turkey. It emerged that he had been in the Netherlands before: in 2014 he flew from Yerevan to Prague and took "
     "the bus to Amsterdam. In 2016 he returned to Armenia.", ("ARM", "CZE", "NLD")),
])
def test_the_current_trip_told_before_an_earlier_stay(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a lawyer's letter that does not say 'client' ("We act for Mr X", "Namens betrokkene") is still a letter: the
    # report's version it calls wrong is no part of the route
    ("We act for Mr K. Tesfay. The report of his interview states that he travelled from Eritrea via Egypt to Libya. "
     "That is incorrect: he went from Eritrea to Sudan and from there to Libya. He crossed to Italy by boat and came "
     "by train to the Netherlands.", ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Namens betrokkene, de heer A. Yusuf, maak ik de volgende correcties op het rapport van het nader gehoor. Er staat "
     "dat hij via Griekenland reisde. Dat is onjuist: hij reisde van Irak naar Turkije, met een vrachtwagen naar "
     "Bulgarije en verder via Servië naar Nederland.", ("IRQ", "TUR", "BGR", "SRB", "NLD")),
])
def test_a_letter_acting_for_someone_it_does_not_call_a_client(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a residence answered first and a later question about leaving another country: that country is where the
    # journey began, the residence comes after it
    ("Q: Where did you live before you came here? A: In Yerevan, Armenia, since 2021. I am Iranian. Q: How did you "
     "leave Iran? A: By bus over the Norduz crossing. Q: How did you travel from Armenia? A: I flew from Yerevan to "
     "Eindhoven.", ("IRN", "ARM", "NLD")),
    ("V: Waar woonde u voor uw komst naar Europa? A: In Turkije, in Istanbul. V: Wanneer verliet u Syrië? A: In 2019, "
     "met een smokkelaar over de grens bij Kilis. V: En toen? A: Met een boot naar Lesbos en met het vliegtuig van "
     "Athene naar Amsterdam.", ("SYR", "TUR", "GRC", "NLD")),
])
def test_a_country_asked_as_left_before_the_residence(text, route):
    assert extract_route(text).route == route
