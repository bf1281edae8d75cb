"""Order evidence a record gives that the timeline lost (issue 15, order round 6).

Texts written for these tests (not taken from an evaluation set): each case is a kind of question or sentence that
real records show; before this round each came out in the order of the text instead of the order it states.
"""

import pytest

from routekit.text import extract_route


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # a question asking how the person reached the place the last answer named, pointing back at it: the answer's
    # countries come before that place
    ("V: Waar werkte u? A: In Tripoli, in Libië. V: Hoe kwam u daar? A: Vanuit Niamey, met een pick-up. "
     "V: En daarna? A: Met de boot naar Italië en de trein naar Nederland.", "NER>LBY>ITA>NLD"),
    ("Q: Where did you work? A: In Libya. Q: How did you get there? A: From Niger, by pick-up. Q: And then? "
     "A: By boat to Italy and by train to the Netherlands.", "NER>LBY>ITA>NLD"),
    ("V: Waar bent u de EU binnengekomen? A: Op Cyprus. V: Hoe kwam u daar? A: Met een vliegtuig uit Istanbul. "
     "V: En daarna? A: Met het vliegtuig naar Eindhoven.", "TUR>CYP>NLD"),
])
def test_how_did_you_get_there(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the start asked last: the answer tells the beginning of the journey, every country it reaches (not those it
    # tells as left) follows the start before the countries of the answers told first
    ("V: Hoe kwam u in Duitsland? A: Met een vrachtwagen uit Oostenrijk. V: Bent u in Hongarije geweest? "
     "A: Ja, een week in een kamp. V: Waar begon uw reis? A: In Kabul. Een smokkelaar bracht mij naar Iran en "
     "Turkije. Daarna Bulgarije en Servië. V: En na Duitsland? A: De trein naar Nederland.", "AFG>IRN>TUR>BGR>SRB>HUN>AUT>DEU>NLD"),
    ("Q: How did you get into Germany? A: By truck from Austria. Q: Were you in Slovenia? A: Yes, one night. "
     "Q: Where did your journey start? A: In Lahore. An agent took me through Iran to Turkey, and from there by bus "
     "to Bulgaria. Then Serbia and Croatia. Q: And after Germany? A: The train to the Netherlands.",
     "PAK>IRN>TUR>BGR>SRB>HRV>SVN>AUT>DEU>NLD"),
])
def test_the_start_asked_last_tells_the_beginning(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an 'after' that only names a stretch of time tells the story going on, not a flashback
    ("Samenvatting. Betrokkene vloog van Caïro naar Istanbul en na zes maanden liep hij Bulgarije binnen. Vanuit "
     "Sofia reisde hij met de bus naar Nederland.", "EGY>TUR>BGR>NLD"),
    ("Summary. The applicant left Gaza through the Rafah crossing into Egypt, flew from Cairo to Istanbul and after "
     "six months walked into Bulgaria. From Sofia she took a bus to the Netherlands.", "PSE>EGY>TUR>BGR>NLD"),
    ("Summary. He left Bamako by bus for Niamey and was taken across the desert to Libya. The boat left Zuwara and "
     "after three days the passengers were brought to Pozzallo. From Ventimiglia he walked to Menton and took a bus "
     "to Maastricht.", "MLI>NER>LBY>ITA>FRA>NLD"),
])
def test_after_that_tells_time_going_on(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a question asking by which country (or how) the person came into the country it names: the answer came before
    ("V: Hoe bent u binnengekomen? A: Met de trein uit Duitsland. V: En Hongarije? A: Daar zat ik twee weken. "
     "V: Via welk land kwam u in Servië? A: Bulgarije. V: Hoe kwam u in Hongarije? A: Vanuit Servië, lopend.",
     "BGR>SRB>HUN>DEU>NLD"),
    ("Q: How did you come to the Netherlands? A: By train from Germany. Q: And Austria? A: One night in Vienna. Q: Through which "
     "country did you come into Austria? A: Slovenia. Q: And Germany? A: A bus from Vienna to Munich.",
     "SVN>AUT>DEU>NLD"),
])
def test_by_which_country_did_you_come_in(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an answer to "how did you get to X" that reaches X itself goes on past it: what it names after X is not before X
    ("V: Via welke landen bent u gereisd? A: Soedan, Libië, Italië en dan hier. V: Hoe kwam u in Soedan? A: Te voet "
     "uit Eritrea. De smokkelaar in Khartoum vroeg geld voor de vrachtwagen naar Libië. V: En vanuit Libië? A: Met "
     "de boot naar Italië en de trein naar Nederland.", "ERI>SDN>LBY>ITA>NLD"),
    ("Q: Which countries did you pass? A: Sudan, Libya, Italy, then here. Q: How did you get to Sudan? A: On foot "
     "from Eritrea. The smuggler in Khartoum wanted money for the truck to Libya. Q: And from Libya? A: By boat to "
     "Italy and by train to the Netherlands.", "ERI>SDN>LBY>ITA>NLD"),
])
def test_an_answer_that_goes_on_past_the_asked_country(text, expected):
    assert route(text) == expected


def _told_order(text, monkeypatch):
    """The (earlier, later) pairs the timeline is given for ``text``: the evidence, whatever else decides the route."""
    from routekit.text import extraction
    seen = []
    keep = extraction._keep_legs_in_order
    def spy(route, constraints, *args):
        seen.extend((c.earlier, c.later) for c in constraints)
        return keep(route, constraints, *args)
    monkeypatch.setattr(extraction, "_keep_legs_in_order", spy)
    extraction.extract_route(text)
    return set(seen)


@pytest.mark.parametrize("text, stops", [
    # a flight stop told in the answer after the flight's own answer (the question between names no place)
    ("V: Hoe kwam u in Polen? A: Uit Wit-Rusland, lopend. V: Hoe kwam u in Wit-Rusland? A: Gevlogen van Bagdad naar "
     "Minsk. V: Rechtstreeks? A: Nee, overgestapt in Istanbul. V: En na Polen? A: De trein naar Nederland.",
     {("IRQ", "TUR"), ("TUR", "BLR")}),
    # a flight stop whose flight the question names by one end
    ("Q: How did you enter Hungary? A: From Serbia, through the fence. Q: How long were you in Serbia? A: Three weeks. "
     "Q: Did you fly directly to Belgrade? A: No, I changed planes in Istanbul. Q: And after Hungary? A: A car to "
     "the Netherlands.", {("TUR", "SRB")}),
    ("Q: Where did you first arrive? A: In Bonaire, by boat. Q: Directly from Bonaire to Amsterdam? A: No, I changed "
     "planes in Curacao.", {("BES", "CUW")}),
])
def test_a_flight_stop_told_apart_from_its_flight(text, stops, monkeypatch):
    assert stops <= _told_order(text, monkeypatch)


@pytest.mark.parametrize("text, expected", [
    # asked where the person got on the vehicle of the last answer: that is where the leg began
    ("Q: Did you stay in Croatia? A: No, we just drove through. Q: Where did you get into the car? A: In Bosnia, in "
     "Bihac. Q: And after Croatia? A: Slovenia, then the train to the Netherlands.", "BIH>HRV>SVN>NLD"),
    ("V: Met welke vlucht kwam u naar Nederland? A: Met Turkish, vanuit Istanbul. V: Bent u daar het vliegveld uit "
     "geweest? A: Nee. V: Waar stapte u voor het eerst in het vliegtuig? A: In Nairobi, in Kenia.",
     "KEN>TUR>NLD"),
])
def test_where_did_you_board(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a departure the interviewer proposes for the last answer's place, confirmed by the answer: it came before
    ("V: Waar bent u Europa binnengekomen? A: Bij de Evros, met een bootje. V: Vanuit Turkije dus? A: Ja, vanaf "
     "Edirne. V: Bent u in Bulgarije geweest? A: Ja, we zijn er doorheen gereden. V: Waar begon uw reis? A: In "
     "Kabul.", "AFG>TUR>GRC>BGR>NLD"),
    ("Q: Where did you first arrive in the Kingdom? A: In Aruba, by boat. Q: From Venezuela? A: Yes, from Punto "
     "Fijo. Q: When did you fly to the Netherlands? A: In May.", "VEN>ABW>NLD"),
    # a question carrying the story on ("And from Greece?") still asks what came next
    ("Q: How did you get to Greece? A: By boat from Turkey. Q: And from Greece? A: Yes, a bus to Serbia and a train "
     "to the Netherlands.", "TUR>GRC>SRB>NLD"),
])
def test_a_proposed_departure_confirmed(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, back_leg", [
    # a leg back to a country reached before belongs to another journey: it does not put its departure first
    ("Vertaling: 'Van Libya de zee, Italia. In Italia was ik in Napels, daarna de trein naar Duitsland. Uit Duitsland "
     "werd ik naar Italia teruggestuurd, maar ik kwam weer naar Duitsland en toen naar Holland met de bus.'",
     ("DEU", "ITA")),
    ("Translation: 'From Libya the sea, Italia. In Italia I was in Naples, then the train to Germany. From Germany "
     "they sent me back to Italia, but I came again to Germany and then to Holland by bus.'", ("DEU", "ITA")),
])
def test_a_leg_back_orders_nothing(text, back_leg, monkeypatch):
    assert back_leg not in _told_order(text, monkeypatch)
    assert route(text) == "LBY>ITA>DEU>NLD"
