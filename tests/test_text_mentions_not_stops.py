"""Mentions that are not stops: attempts and waiting for transport that never came, countries never entered, places a
relative worked or is, coasts passed near - and a place left after an attempt, which is still travelled."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # an attempt (Dutch participle) is no stop
    ("Verklaring. Ik heb twee keer geprobeerd met een vrachtwagen naar Engeland te komen. Vanuit Calais ben ik met de "
     "bus naar Brussel en Amsterdam gegaan.", "FRA>BEL>NLD"),
    # waiting for transport that never came
    ("Statement. In Calais we waited two months for a boat to England, it never came. Then we took the train from "
     "Paris to Brussels and Rotterdam.", "FRA>BEL>NLD"),
    # a country never entered, the negation after the country
    ("Statement. We flew from Beirut to Minsk and walked into Poland. Lithuania we never entered. From Warsaw a bus "
     "took us to Berlin and Amsterdam.", "LBN>BLR>POL>DEU>NLD"),
    # where a relative worked
    ("V: Waar is uw broer? A: Mijn broer werkte jaren in Zweden. Ik ben vanuit Turkije naar Griekenland gegaan en "
     "vandaar naar Nederland gevlogen.", "TUR>GRC>NLD"),
    # an island passed near at sea
    ("Statement. A yacht took us from Mersin to Calabria; it passed near Crete, we saw the lights. From Italy I went by "
     "train to Munich and Utrecht.", "TUR>ITA>DEU>NLD"),
])
def test_not_a_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Samenvatting. Hij reisde van Pakistan naar Turkije en Servie. Kroatie bereikte hij pas na vier mislukte "
     "pogingen vanuit Bosnie. Daarna met de trein naar Oostenrijk en Nederland.", "PAK>TUR>SRB>BIH>HRV>AUT>NLD"),
])
def test_a_place_left_after_an_attempt_is_travelled(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # where a vehicle was going on to is no stop
    ("KMar Schiphol. Betrokkene kwam met een vlucht uit Istanbul en wilde met de aansluitende vlucht door naar "
     "Londen.", "TUR>NLD"),
    ("Report. He climbed into a lorry in Calais; he thought the lorry was going to England. It drove to Antwerp and "
     "Breda.", "FRA>BEL>NLD"),
    # a country denied in an elliptic answer, wherever the question named it
    ("V: Bent u in Zwitserland of Oostenrijk geweest? A: Oostenrijk ja, met de trein van Milaan naar Wenen. "
     "Zwitserland niet. Daarna naar Duitsland en Nederland.", "ITA>AUT>DEU>NLD"),
    # a nationality told as "X national", an earlier trip, a name particle
    ("Summary. The applicant, a Venezuelan national, lived in Bogota for six years and flew from there to Madrid and "
     "on to Amsterdam.", "COL>ESP>NLD"),
    ("Summary. Years ago he worked in Malaysia. This time he flew from Dhaka to Dubai and Istanbul, and came by bus to "
     "Utrecht.", "BGD>ARE>TUR>NLD"),
    ("Proces-verbaal. Aangetroffen werd betrokkene 1, Nguyen Van Thanh, geboren 2001. Hij vloog van Hanoi naar Moskou "
     "en reisde via Polen naar Duitsland en Venlo.", "VNM>RUS>POL>DEU>NLD"),
])
def test_not_a_stop_either(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a document followed by a from-via-to route: the first country is where the flight left, not the visa's issuer
    ("Verklaring. Zij vloog met dat visum van Teheran via Doha naar Frankfurt en werd met de auto naar Arnhem "
     "gebracht.", "IRN>QAT>DEU>NLD"),
    ("Statement. He travelled on a tourist visa from Beijing via Moscow to Budapest, and by train to Vienna and "
     "Utrecht.", "CHN>RUS>HUN>AUT>NLD"),
])
def test_a_document_before_a_from_via_to_route_is_no_document_origin(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a city never visited does not deny the country the text names as travelled
    ("Correction. Client left Venezuela by boat from Tucacas to Curacao and flew from there to Amsterdam. Client has "
     "never been to Caracas.", "VEN>CUW>NLD"),
    ("Verklaring. Ik ben uit Turkije vertrokken en via Griekenland naar Nederland gekomen. In Athene ben ik nooit "
     "geweest.", "TUR>GRC>NLD"),
])
def test_a_city_never_visited_keeps_its_country(text, route):
    assert extract_route(text).route_text == route


def test_a_country_never_visited_is_still_denied():
    text = "Verklaring. Ik ben uit Turkije via Griekenland naar Nederland gekomen. In Italie ben ik nooit geweest."
    assert "ITA" not in extract_route(text).route


def test_never_again_there_ending_its_clause_denies_the_country_before_it():
    text = ("Verklaring. Ik ben in Afghanistan geboren maar woonde in Mashhad, in Iran. In Afghanistan ben ik daarna "
            "nooit meer geweest. Ik ging lopend naar Turkije en met de bus naar Nederland.")
    assert extract_route(text).route_text == "IRN>TUR>NLD"


def test_never_been_to_an_unknown_region_denies_nothing_before_it():
    text = ("Correction. My client lived in Cordoba, Argentina, for four years and has never been to Andalusia. He flew "
            "from Cordoba to Sao Paulo and on to Lisbon, and took a bus to Madrid.")
    assert extract_route(text).route[:1] == ("ARG",)
