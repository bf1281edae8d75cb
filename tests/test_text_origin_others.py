"""Mentions that are not stops because they tell where the person is from or where someone else is (issue 15,
MENTIONS): 'is from'/'kom uit' is an origin, not a place left; a pronoun's 'was from'; a place left years before
('niet meer sinds 2015', 'not since'); another person's present whereabouts ('he is in Sweden now', 'die nu in
Zweden woont'); a relative's trip in a cleft ('het was zijn oom die met een zeilboot naar Italie voer'). Examples
written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # where the person is from is no place left: the journey starts where it was told to start
    ("He is from Kumasi but travelled from Abidjan, where he worked, by road through Mali to Algeria and Libya. From "
     "Libya he took a boat to Italy and a bus to the Netherlands.",
     ("CIV", "MLI", "DZA", "LBY", "ITA", "NLD")),
    ("He stated that he was from Aleppo, had lived in Lebanon for years, and flew Beirut - Istanbul - Amsterdam.",
     ("LBN", "TUR", "NLD")),
    # a country left years before this journey
    ("Betrokkene verklaarde per boot vanuit Mauritanie naar Gran Canaria te zijn gereisd en daarna met de bus via "
     "Frankrijk naar Nederland. In Mali was hij niet meer sinds 2015; hij werkte in Mauritanie als visser.",
     ("MRT", "ESP", "FRA", "NLD")),
])
def test_origin_is_not_a_place_left(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text", [
    "Verklaring, vertaald uit het Dari: 'Ik kom uit Kandahar. Over de reis wil ik niets zeggen. Nu ben ik hier.'",
    "Statement translated from Tigrinya: 'I am from Asmara. I will not talk about the road. Now I am here.'",
])
def test_origin_alone_is_no_route(text):
    assert extract_route(text).route == ()


@pytest.mark.parametrize("text, route", [
    # another person's whereabouts now
    ("I left Syria and went to Turkey, then Greece, and by train to Germany and the Netherlands. I crossed to Turkey "
     "with my cousin. He is in Sweden now.",
     ("SYR", "TUR", "GRC", "DEU", "NLD")),
    ("Ik ben uit Syrie vertrokken naar Turkije en daarna naar Griekenland en Nederland. Mijn broer, die nu in Zweden "
     "woont, bleef in Turkije.",
     ("SYR", "TUR", "GRC", "NLD")),
    ("'Dear mother, I am in Holland now. From Libya the boat to Italy, then the train to France and the bus to "
     "Holland. Greetings to Yonas who is in Norway.' The applicant confirmed that he left Eritrea for Sudan and Libya.",
     ("ERI", "SDN", "LBY", "ITA", "FRA", "NLD")),
    # a Dutch perfect with 'is' goes on after the place: the person's own arrival
    ("Hij is uit Syrie vertrokken naar Turkije. Hij is in Griekenland aangekomen en daarna naar Nederland gereisd.",
     ("SYR", "TUR", "GRC", "NLD")),
])
def test_someone_else_is_there_now(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    ("Client ging met een rubberboot van Turkije naar Kos. Het was zijn oom die later met een zeilboot naar Italie "
     "voer. Daarna reisde client via Albanie naar Nederland.",
     ("TUR", "GRC", "ALB", "NLD")),
    ("The client crossed from Turkey to Lesbos by dinghy. It was her brother who later went by boat to Italy. She "
     "travelled on via Albania to the Netherlands.",
     ("TUR", "GRC", "ALB", "NLD")),
    # the person taken along still travels
    ("Mijn oom ging met mij met de bus naar Turkije en daarna naar Griekenland. Daarna alleen naar Nederland.",
     ("TUR", "GRC", "NLD")),
])
def test_a_relatives_trip(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the answer to 'where are you from' is an origin, not a stop told in the order of the answers
    ("Q: Where are you from originally? A: Morocco, Fes. Q: Where did your journey start? A: In Kyiv, I studied "
     "there. Then by bus to Uzhhorod and on foot to Slovakia, a train to Vienna, then Munich and Amsterdam.",
     ("UKR", "SVK", "AUT", "DEU", "NLD")),
    # a list of countries said to be where relatives live
    ("My client left Hargeisa overland to Ethiopia and flew from Addis Ababa to Istanbul. Kenya and Uganda are where "
     "her aunts live. From Istanbul she flew to Amsterdam.",
     ("SOM", "ETH", "TUR", "NLD")),
    ("Cliente reisde van Kabul naar Iran en Turkije. Zweden en Noorwegen zijn de landen waar haar broers wonen. Vanuit "
     "Turkije vloog zij naar Nederland.",
     ("AFG", "IRN", "TUR", "NLD")),
])
def test_origin_answers_and_relatives_lists(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the answer to 'where did it begin' that opens with where the person is from starts at the next place it names
    ("Nader gehoor. V: Hoe kwam u in Oostenrijk? A: Met de trein uit Hongarije. V: Waar begon het? A: Ik kom uit "
     "Marokko, maar heb in Istanbul gewerkt; vandaar vloog ik naar Belgrado en ging ik met de bus naar Hongarije.",
     ("TUR", "SRB", "HUN", "AUT", "NLD")),
    ("Interview report. Q: How did you reach Austria? A: By train from Hungary. Q: Where did your journey start? "
     "A: I am from Morocco, but I worked in Istanbul; from there I flew to Belgrade and took a bus to Hungary.",
     ("TUR", "SRB", "HUN", "AUT", "NLD")),
])
def test_start_answer_opening_with_origin(text, route):
    assert extract_route(text).route == route
