"""A letter's own denial of a country wins over every other mention of it in the letter.

Kind (examples written here): a lawyer's letter states outright that the client was not in a country ("Hij is nooit
in Libie geweest", "niet via Egypte", "was in Austria, not in Germany", "(niet Griekenland)"); the country then
leaves the route even where the letter's account names it elsewhere. Not when the denial is quoted from the report
("Op pagina 3 staat 'ik ben niet in Hongarije geweest'"), and a city after 'not' ("from Accra, not Lagos") is no
denial of its country.
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Correcties op het rapport nader gehoor, client de heer A. Warsame. Client heeft verklaard dat hij vanuit "
     "Somalie naar Djibouti ging, waar de boot naar Jemen door de kustwacht werd teruggestuurd, en dat hij daarna via "
     "Ethiopie naar Soedan reisde. Hij is nooit in Jemen geweest. Vanuit Soedan reisde hij naar Libie en per boot "
     "naar Italie, en met de trein naar Nederland.",
     ["SOM", "DJI", "ETH", "SDN", "LBY", "ITA", "NLD"]),
    ("Corrections to the report of the main interview, client Mr K. Nasser. The report says he flew from Amman to "
     "Germany. Our client was in Austria, not in Germany. From Amman he flew to Vienna and from Vienna he took the "
     "night train to Amsterdam, which passes Germany at night.",
     ["JOR", "AUT", "NLD"]),
    ("Aanvulling op het verslag van het gehoor, client mevrouw S. Tesfay. Client reisde van Turkije met een boot naar "
     "Bulgarije (niet Griekenland), daarna met de trein naar Servie. In Griekenland woont haar zus. Van Servie ging "
     "zij met de bus naar Nederland.",
     ["TUR", "BGR", "SRB", "NLD"]),
])
def test_a_country_the_letter_denies_leaves_the_route(text, route):
    assert list(extract_route(text).route) == route


@pytest.mark.parametrize("text, route", [
    # the denial is the report's quoted wording, which the letter explains
    ("Correcties op het rapport, client mevrouw H. Ali. Op pagina 3 staat 'Ik ben niet in Hongarije geweest.' Client "
     "bedoelde dat zij daar niet heeft verbleven: zij reisde van Servie door Hongarije naar Oostenrijk en met de trein "
     "naar Nederland.",
     ["SRB", "HUN", "AUT", "NLD"]),
    # a city after 'not': the country itself is not denied
    ("Corrections to the interview report, client Mr B. Okafor. My client arrived by plane from Accra, not Lagos. He "
     "had travelled from Nigeria to Ghana by bus.",
     ["NGA", "GHA", "NLD"]),
])
def test_a_quoted_or_city_denial_keeps_the_country(text, route):
    assert list(extract_route(text).route) == route


@pytest.mark.parametrize("text, route", [
    # 'the report reads' quotes the report; 'did not fly to Turkey' takes out that leg's country only
    ("Corrections to the interview report, our client Mr A. Nur. 1. Page 4: the report reads 'I travelled from "
     "Somalia to Kenya and then flew to Turkey.' Our client did not fly to Turkey. He flew from Nairobi to Khartoum "
     "and went overland to Libya. 2. From Libya he crossed to Italy by boat and took the train to the Netherlands.",
     ["SOM", "KEN", "SDN", "LBY", "ITA", "NLD"]),
    ("Correcties op het gehoorverslag, client de heer A. Nur. Het verslag luidt: 'Ik ben van Somalie naar Kenia "
     "gegaan en daarna naar Turkije gevlogen.' Client is niet naar Turkije gevlogen. Hij vloog van Nairobi naar "
     "Khartoem en reisde over land naar Libie. Van Libie ging hij per boot naar Italie en met de trein naar Nederland.",
     ["SOM", "KEN", "SDN", "LBY", "ITA", "NLD"]),
])
def test_a_quoted_report_less_the_leg_the_letter_denies(text, route):
    assert list(extract_route(text).route) == route
