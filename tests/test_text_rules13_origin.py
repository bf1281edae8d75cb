"""Round 13, origin: where the journey starts.

Hand-made records of one kind of origin error each (Dutch and English).
"""

import pytest

from routekit.text.extraction import extract_route


# The person's nationality told as a demonym or a bare adjective after the subject ("Betrokkene is Eritreeër", "ik
# ben Afghaan", "The applicant is Sudanese"), and a journey whose first leg names no start: the journey starts in that
# country, as with "an Iranian woman" (round 10), under the same conditions (a neighbour reached first, nothing lived).
@pytest.mark.parametrize("text, route", [
    ("Samenvatting nader gehoor. Betrokkene is Eritreeër. Hij liep met een groep naar Soedan en reisde met een "
     "pick-up naar Libië. Met een boot kwam hij in Italië en met de trein in Nederland.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("V: Wat is uw nationaliteit? A: Ik ben Afghaan. V: Hoe bent u gereisd? A: Met een auto naar Iran, te voet naar "
     "Turkije en met een boot naar Griekenland. Daarna met het vliegtuig naar Amsterdam.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
    ("Interview summary. The applicant is Sudanese. He went by truck to Libya and by boat to Italy, then took a train "
     "to France and a bus to Rotterdam.", ("SDN", "LBY", "ITA", "FRA", "NLD")),
])
def test_demonym_after_the_subject_is_the_start_of_a_journey_without_one(text, route):
    assert extract_route(text).route == route


# ... but not another person's nationality, and not when the record tells where the person lived.
@pytest.mark.parametrize("text, route", [
    ("Samenvatting. De chauffeur is Marokkaan. Betrokkene reisde met hem van Spanje naar Frankrijk en met de bus "
     "naar Nederland.", ("ESP", "FRA", "NLD")),
    ("Samenvatting. Betrokkene is Syriër en woonde zes jaar in Turkije. Vanuit Istanbul reisde hij naar Griekenland "
     "en vloog naar Eindhoven.", ("TUR", "GRC", "NLD")),
    # work abroad is a stay too (cues.yaml lived_words): the journey may start where the person worked
    ("Samenvatting. Betrokkene is Syriër en werkte vier jaar in een bakkerij in Beiroet. Met een vlucht ging hij "
     "naar Istanbul en met een boot naar Lesbos. Van Athene vloog hij naar Eindhoven.", ("LBN", "TUR", "GRC", "NLD")),
    ("Summary. The applicant, a Syrian man, worked on building sites in Beirut for years. He flew to Istanbul and "
     "took a boat to Lesbos. From Athens he flew to Eindhoven.", ("LBN", "TUR", "GRC", "NLD")),
])
def test_demonym_gives_way_to_a_told_start_or_another_person(text, route):
    assert extract_route(text).route == route


# Police shorthand with the code after the noun ("nat. AF", "Nationality: SYR,"): the subject's nationality like
# "AFG nat." (round 10), the start of a journey whose first leg names no start.
@pytest.mark.parametrize("text, route", [
    ("KMar A67 Venlo. Passenger in a Flixbus: HAKIMI, Jawad, b. 2001, nat. AF. States he went by car to Iran, walked "
     "into Turkey and came by lorry to the Netherlands.", ("AFG", "IRN", "TUR", "NLD")),
    ("PV van bevindingen. Betrokkene: K., Yonas, geb. 1998, nat. ER. Verklaarde te voet naar Soedan te zijn gegaan, "
     "met een pick-up naar Libië en per boot naar Italië. Met de trein naar Venlo.", ("ERI", "SDN", "LBY", "ITA", "NLD")),
])
def test_nationality_code_after_the_noun_is_the_start(text, route):
    assert extract_route(text).route == route


# ... not in a list of persons each with a code (whose code is the subject's is unsure), nor for a seaman, whose
# journey starts where he signed on.
@pytest.mark.parametrize("text, route", [
    ("PV verhoor verdachten. 1. A., Karim, nat. MA; 2. B., Samir, nat. DZ. Verd. 2 verklaarde dat hij met een boot naar "
     "Spanje ging en met de bus via Frankrijk naar Nederland.", ("ESP", "FRA", "NLD")),
    ("KMar Rotterdam port: crew member (nat. TZ) who left his vessel. Subj. stated he joined the crew in Mombasa; the "
     "ship called at Durban and Algeciras before arriving here.", ("KEN", "ZAF", "ESP", "NLD")),
])
def test_nationality_code_after_the_noun_gives_way(text, route):
    assert extract_route(text).route == route


# A first country reached by plane need not border the nationality's country: the flight left from home ("a
# Colombian woman flew to Madrid"); by land the nationality stays out unless the two countries border.
@pytest.mark.parametrize("text, route", [
    ("Samenvatting. Betrokkene, een Colombiaanse vrouw, vloog met Iberia naar Madrid en nam daar de bus naar Parijs. "
     "Met de trein kwam zij in Rotterdam.", ("COL", "ESP", "FRA", "NLD")),
    ("Interview summary. The applicant is Nigerian. He flew to Istanbul, walked into Greece and took a bus to "
     "the Netherlands.", ("NGA", "TUR", "GRC", "NLD")),
    ("Summary. The applicant, a Nigerian man, took a bus to Italy and a train to Amsterdam.", ("ITA", "NLD")),
])
def test_nationality_home_before_a_first_flight(text, route):
    assert extract_route(text).route == route
