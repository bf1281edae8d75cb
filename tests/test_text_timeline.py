"""The route as one timeline (routekit/text/timeline.py): weighted order constraints solved into one order, texts
told backwards read from their last episode, and the stops of a told leg placed between its ends."""

import re

import pytest

from routekit.text import timeline
from routekit.text.extraction import extract_route
from routekit.text.timeline import Constraint


def route(text: str) -> str:
    return ">".join(extract_route(text).route)


# --- the solver -----------------------------------------------------------------------------------------------

def test_heavier_constraint_wins_a_contradiction():
    # a leg "van B naar A" (heavy) against a weak succession "A en B": the leg decides
    constraints = [Constraint("AAA", "BBB", timeline.SUCCESSION), Constraint("BBB", "AAA", timeline.LEG)]
    assert timeline.solve(["AAA", "BBB", "CCC"], constraints) == ["BBB", "AAA", "CCC"]


def test_base_order_decides_only_what_constraints_leave_open():
    assert timeline.solve(["AAA", "BBB", "CCC", "DDD"], [Constraint("DDD", "BBB", timeline.LEG)]) == \
        ["AAA", "DDD", "BBB", "CCC"]
    assert timeline.solve(["AAA", "BBB", "CCC"], []) == ["AAA", "BBB", "CCC"]


def test_fixed_start_and_the_netherlands_are_not_moved_by_constraints():
    constraints = [Constraint("BBB", "AAA", timeline.LEG), Constraint("NLD", "BBB", timeline.LEG)]
    assert timeline.solve(["AAA", "BBB", "NLD"], constraints, fixed_first="AAA") == ["AAA", "BBB", "NLD"]


def test_a_cycle_drops_the_lightest_constraint():
    constraints = [Constraint("AAA", "BBB", timeline.LEG), Constraint("BBB", "CCC", timeline.LEG),
                   Constraint("CCC", "AAA", timeline.DATED)]
    assert timeline.solve(["CCC", "AAA", "BBB"], constraints) == ["AAA", "BBB", "CCC"]


def test_told_backwards_needs_evidence_back_and_none_forward():
    first = {"DEU": 0, "AUT": 1, "HUN": 2, "SRB": 3}
    back = [("AUT", "DEU"), ("HUN", "AUT"), ("SRB", "HUN")]
    assert timeline.told_backwards(first, back, before_episodes=0, onward_episodes=0)
    assert not timeline.told_backwards(first, back[:2], before_episodes=0, onward_episodes=0)
    assert not timeline.told_backwards(first, back, before_episodes=0, onward_episodes=1)
    assert not timeline.told_backwards(first, back + [("DEU", "SRB")], before_episodes=0, onward_episodes=0)


def test_backward_base_reads_episodes_from_the_last_keeping_start_and_end():
    first = {"AFG": 4, "DEU": 0, "AUT": 1, "HUN": 2, "SRB": 3}
    assert timeline.backward_base(["AFG", "DEU", "AUT", "HUN", "SRB", "NLD"], first, "AFG") == \
        ["AFG", "SRB", "HUN", "AUT", "DEU", "NLD"]


def test_episodes_are_question_turns_in_a_transcript_and_sentences_elsewhere():
    onward = re.compile(r"\W*(?:daarna|then)\b")
    text = "v: waar was u? a: in duitsland. ik sliep daar. v: en daarna? a: nederland."
    starts = (text.index("ik"), text.index("v: en"))
    episode_of, onward_count = timeline.episodes(text, starts, onward)
    assert episode_of == [0, 0, 1] and onward_count == 1
    prose = "hij was in duitsland. daarna ging hij naar nederland. hij bleef er."
    starts = (prose.index("daarna"), prose.index("hij bleef"))
    assert timeline.episodes(prose, starts, onward) == ([0, 0, 1], 1)


# --- told backwards: interviews that start at the arrival ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("V: Waar was u voordat u in Nederland kwam? A: In Duitsland, in Keulen. V: Hoe kwam u in Duitsland? A: Met de "
     "bus uit Wenen. V: En hoe kwam u in Oostenrijk? A: Met de trein vanuit Hongarije. V: Bent u in Servie geweest? "
     "A: Ja, twee maanden in een kamp. V: Waar begon uw reis? A: In Kabul.", "AFG>SRB>HUN>AUT>DEU>NLD"),
    ("Q: Where were you before you came to the Netherlands? A: In Germany, in Cologne. Q: How did you get to Germany? "
     "A: From Vienna by bus. Q: And how did you reach Austria? A: From Hungary, on foot. Q: Were you in Serbia? A: Yes, two months "
     "in a camp. Q: Where did your journey begin? A: In Kabul.", "AFG>SRB>HUN>AUT>DEU>NLD"),
])
def test_an_interview_told_from_the_arrival_back(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one flashback inside a story told forward stays the rules' business: no reversal
    ("Ik vertrok uit Syrie naar Turkije. Daarvoor was ik in Libanon. Daarna ging ik naar Griekenland en vervolgens "
     "naar Duitsland en Nederland.", "LBN>SYR>TUR>GRC>DEU>NLD"),
    ("Q: How did you come to the Netherlands? A: By train from Belgium. Q: And how did you get to Belgium? A: From "
     "Paris by bus. Q: How did you reach France? A: I walked from Italy over the mountains. Q: How did you get to "
     "Italy? A: By boat from Libya. Q: Where did your journey start? A: In Eritrea.", "ERI>LBY>ITA>FRA>BEL>NLD"),
])
def test_stories_the_legs_already_order(text, expected):
    assert route(text) == expected


# --- the stops of a told leg -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a country passed, told after the leg in its sentence
    ("Hij reisde uit Syrie naar Turkije. Later reisde hij met de bus van Boedapest naar Munchen; de bus reed door "
     "Oostenrijk zonder te stoppen. Daarna nam hij de trein naar Venlo.", "SYR>TUR>HUN>AUT>DEU>NLD"),
    # a question names the leg, the answer its stops
    ("Q: How did you travel from Sudan to Morocco? A: Through Chad and Libya, by truck. Q: And from Morocco? A: A boat "
     "to Spain and a bus to France. Q: How did you come here? A: By train to Amsterdam.", "SDN>TCD>LBY>MAR>ESP>FRA>NLD"),
    # a flight stop told after the flight, the country named before
    ("She said she had been in Turkey before. She flew from Tehran to Belgrade; she only changed planes in Istanbul. "
     "From Serbia she walked to Bosnia and later took a bus to Utrecht.", "IRN>TUR>SRB>BIH>NLD"),
])
def test_a_stop_goes_between_the_ends_of_its_leg(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a word of succession the stops belong to the next leg
    ("From Morocco to Spain in a rubber boat, then by bus through France and Belgium to Amsterdam.",
     "MAR>ESP>FRA>BEL>NLD"),
    # stops told with the leg's own start come before it
    ("He passed through Serbia and Croatia on foot and took a train from Zagreb to Ljubljana. From Slovenia he went "
     "by car to Austria.", "SRB>HRV>SVN>AUT"),
])
def test_stops_that_belong_to_another_leg(text, expected):
    assert route(text) == expected


# --- a departure told after its arrival --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # "came from": the country left leads to the country reached in the sentence before
    ("Zij verbleef eerst een maand in Frankrijk. Zij kwam uit Spanje. Daarna reisde zij met de trein naar Roosendaal.",
     "ESP>FRA>NLD"),
    ("He stayed in Italy for a year. He came from Libya. Then he took a train to Amsterdam.", "LBY>ITA>NLD"),
    # a source appended to its arrival ("aangekomen, vanuit Sfax"), the next arrival in a clause of its own
    ("Uit Eurodac bleek een treffer in Italie. Zij is op Lampedusa aangekomen, vanuit Sfax, en is na een week "
     "doorgereisd naar Frankrijk en Amsterdam.", "TUN>ITA>FRA>NLD"),
    ("Eurodac shows a hit in Italy. He landed on Lampedusa, coming from Zuwara in Libya, and went on by train to France "
     "and Amsterdam.", "LBY>ITA>FRA>NLD"),
])
def test_a_departure_told_after_its_arrival(text, expected):
    assert route(text) == expected


# --- the last hint: borders ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a country nothing orders fills the gap it borders on both sides
    ("Uit Libie voer hij naar Italie. Vandaar reisde hij naar Duitsland en met de bus naar Venlo. In Oostenrijk is hij "
     "een nacht geweest.", "LBY>ITA>AUT>DEU>NLD"),
    ("He went from Romania to Hungary on foot. From Budapest a bus took him to Prague and then a train to Amsterdam. He "
     "says he spent one night in Slovakia.", "ROU>HUN>SVK>CZE>NLD"),
    # no gap to fill (Turkey and Greece border each other): the order of the text stays
    ("Zij reisde van Turkije naar Griekenland en daarna naar Italie. In Bulgarije was zij ook.", "TUR>GRC>ITA>BGR"),
])
def test_a_country_nothing_orders_goes_between_its_neighbours(text, expected):
    assert route(text) == expected


def test_between_neighbours_needs_one_gap_it_fills_on_both_sides():
    free = {"SVK"}
    assert timeline.between_neighbours(["ROU", "SVK", "HUN", "CZE", "NLD"], free) == ["ROU", "HUN", "SVK", "CZE", "NLD"]
    assert timeline.between_neighbours(["ROU", "SVK", "HUN", "CZE"], set()) == ["ROU", "SVK", "HUN", "CZE"]
    # the Netherlands is read at the end even where the rules have not moved it there yet
    assert timeline.between_neighbours(["ITA", "NLD", "AUT", "DEU"], {"DEU"}) == ["ITA", "NLD", "AUT", "DEU"]
    assert timeline.between_neighbours(["FRA", "ITA", "BEL", "NLD"], {"BEL"}) == ["FRA", "ITA", "BEL", "NLD"]


# --- lists told backwards, questions about what came after -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # after 'daarvoor' a list that walks back over borders from the country before it is read backwards
    ("V: Hoe kwam u in Nederland? A: Met de bus uit Duitsland. V: En daarvoor? A: Oostenrijk, Hongarije, Servie en "
     "Bulgarije.", "BGR>SRB>HUN>AUT>DEU>NLD"),
    # a list that does not walk back over borders keeps its order
    ("Hij kwam met de bus uit Duitsland naar Venlo. Daarvoor was hij in Turkije en Griekenland.", "TUR>GRC>DEU>NLD"),
])
def test_a_list_told_backwards_after_before(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Q: How did you come to the Netherlands? A: By train from Germany. Q: Were you in Austria? A: Yes, one night in "
     "Vienna. Q: Where did you start? A: In Kabul, then Iran and Turkey. Q: And after Turkey? A: Bulgaria, Serbia, "
     "Hungary.", "AFG>IRN>TUR>BGR>SRB>HUN>AUT>DEU>NLD"),
    # a country reached again keeps its first arrival
    ("V: Waar begon uw reis? A: In Damascus. V: Hoe ging het verder? A: Via Libanon naar Turkije en later met de boot "
     "naar Griekenland en Italie. V: Was u in Albanie? A: Ja. V: En na Albanie? A: Montenegro, Bosnie, Kroatie, dan "
     "weer Italie.", "SYR>LBN>TUR>GRC>ITA>ALB>MNE>BIH>HRV>NLD"),
])
def test_the_answer_to_and_after_x_follows_x(text, expected):
    assert route(text) == expected


# --- the vehicle a record opens with is the last leg ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # 'arrivals from' names the vehicle's origin, though the story reaches it again later
    ("KMar Schiphol, arrivals from AUA. The man stated that he sailed from Punto Fijo to Curacao and lived there. Later "
     "he went to Oranjestad by boat.", "VEN>CUW>ABW>NLD"),
    # where the passenger lives is no arrival of the flight's leg
    ("KMar Schiphol, 2 mei 2024. Een passagier van de vlucht uit Istanbul verklaarde dat hij in Teheran woont en met de "
     "bus naar Van is gereisd.", "IRN>TUR>NLD"),
])
def test_the_vehicle_a_record_opens_with_is_the_last_leg(text, expected):
    assert route(text) == expected


# --- the start's answer goes on in sentences of its own --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Q: You said you reached Greece twice. A: Yes, the second time by boat to Lesbos. Q: And then? A: A ferry to Italy "
     "and a train to Amsterdam. Q: Where did your journey begin? A: In Herat. I lived there with my uncle. I walked "
     "into Turkey with a smuggler.", "AFG>TUR>GRC>ITA>NLD"),
    ("V: U zei dat u twee keer in Griekenland kwam. A: Ja, de tweede keer met een boot naar Lesbos. V: En daarna? A: Met "
     "de ferry naar Italie en de trein naar Amsterdam. V: Waar begon uw reis? A: In Herat. Ik woonde daar bij mijn oom. "
     "Ik liep met een smokkelaar naar Turkije.", "AFG>TUR>GRC>ITA>NLD"),
])
def test_the_first_country_in_the_start_answer_follows_the_start(text, expected):
    assert route(text) == expected


def test_is_transcript_needs_two_question_labels():
    assert timeline.is_transcript("v: waar? a: hier. v: en toen? a: daar.")
    assert not timeline.is_transcript("hij zei: ik kwam uit syrie.")
