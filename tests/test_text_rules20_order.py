"""Round 20, order: kinds of wording that put the right countries in the wrong order (dev22, dev23, dev25), each in
the round's own sentences (other countries than the dev rows), Dutch and English."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route

# A return told first in the sentence after the country left: the person had been there before ("back"/"terug").
RETURN_NEXT_NL = ("Samenvatting. Betrokkene verklaart dat hij in 2014 met zijn broer naar Pakistan vluchtte. Hij keerde "
                  "in 2019 terug naar Afghanistan (Herat). In 2022 ging hij naar Iran en met een smokkelaar te voet naar "
                  "Turkije. Hij reisde verder met een vrachtwagen naar Nederland.")
RETURN_NEXT_EN = ("Summary. The applicant states that in 2015 she fled with her parents to Kenya. She went back to "
                  "Somalia (Kismayo) in 2020. In 2023 she flew to Turkey and went on foot to Greece. From there she "
                  "travelled by lorry to the Netherlands.")


@pytest.mark.parametrize("text, route", [
    (RETURN_NEXT_NL, ("AFG", "PAK", "IRN", "TUR", "NLD")),
    (RETURN_NEXT_EN, ("SOM", "KEN", "TUR", "GRC", "NLD")),
])
def test_a_return_in_the_next_sentence_goes_before_the_country_left(text, route):
    assert extract_route(text).route == route

# 'Before that' ending its sentence with a colon: the list after the colon is what it governs.
BEFORE_COLON_NL = ("Controle A12 Zevenaar. Betrokkene verklaarde dat de vrachtwagen hem in München had opgehaald; hij "
                   "had twee weken in Duitsland gewerkt. Daarvoor: Irak en Turkije, en een maand in Griekenland.")
BEFORE_COLON_EN = ("Road check A2 Maastricht. The subject said the van had picked him up in Zürich, where he had "
                   "stayed with a cousin. Before that: Eritrea and Sudan, and three months in Libya.")


@pytest.mark.parametrize("text, route", [
    (BEFORE_COLON_NL, ("IRQ", "TUR", "GRC", "DEU", "NLD")),
    (BEFORE_COLON_EN, ("ERI", "SDN", "LBY", "CHE", "NLD")),
])
def test_before_that_with_a_colon_governs_the_list_after_it(text, route):
    assert extract_route(text).route == route

# The nationality or birth country told only as left, after a trip abroad: an earlier journey, then the one from home.
HOME_LEFT_LATER_EN = ("The applicant, an Albanian national, first went to Greece to pick oranges and came back after a "
                      "season. Later he took the ferry from Durres to Bari in Italy and the train to the Netherlands.")
HOME_LEFT_LATER_NL = ("Betrokkene is een Georgische man. Hij reisde via Turkije naar Griekenland om daar te werken. "
                      "Later vloog hij van Koetaisi naar Memmingen en nam hij de bus naar Nederland.")
HOME_LEFT_LATER_NL2 = ("Ik kom uit Albanië. Eerst werkte ik in Griekenland. Later nam ik de boot van Durrës naar Bari in "
                       "Italië en de trein naar Nederland.")


@pytest.mark.parametrize("text, route", [
    (HOME_LEFT_LATER_EN, ("ALB", "GRC", "ITA", "NLD")),
    (HOME_LEFT_LATER_NL, ("GEO", "TUR", "GRC", "DEU", "NLD")),
    (HOME_LEFT_LATER_NL2, ("ALB", "GRC", "ITA", "NLD")),
])
def test_a_home_told_only_as_left_after_a_trip_abroad_is_the_start(text, route):
    assert extract_route(text).route == route

# Stopped at a country's border named as an adjective: no arrival there; the later real entry places the country.
STOPPED_AT_BORDER_EN = ("She travelled from Athens to Skopje, was turned back twice at the Serbian border and finally "
                        "went through Bulgaria to Serbia. Then by train to the Netherlands.")
STOPPED_AT_BORDER_NL = ("Hij reisde van Athene naar Skopje, werd twee keer aan de Servische grens tegengehouden en kwam "
                        "uiteindelijk via Bulgarije Servië binnen. Daarna met de trein naar Nederland.")


@pytest.mark.parametrize("text, route", [
    (STOPPED_AT_BORDER_EN, ("GRC", "MKD", "BGR", "SRB", "NLD")),
    (STOPPED_AT_BORDER_NL, ("GRC", "MKD", "BGR", "SRB", "NLD")),
])
def test_a_border_where_the_person_was_stopped_is_no_arrival(text, route):
    assert extract_route(text).route == route

# A bare via asked after the answer that told a leg: a stop of that leg, before its destination.
ASKED_VIA_EN = ("Q: How did you leave Iraq? A: I flew from Erbil to Belgrade. Q: Then? A: From Budapest the bus to "
                "Prague. Q: Through Slovakia? A: Yes. Q: And then? A: By train to Amsterdam.")
ASKED_VIA_NL = ("V: Hoe verliet u Turkije? A: Ik vloog van Ankara naar Sarajevo. V: Daarna? A: Vanuit Zagreb de trein "
                "naar Wenen. V: Via Slovenië? A: Ja, de trein reed door Slovenië. V: En toen? A: Met de bus naar "
                "Amsterdam.")


@pytest.mark.parametrize("text, route", [
    (ASKED_VIA_EN, ("IRQ", "SRB", "HUN", "SVK", "CZE", "NLD")),
    (ASKED_VIA_NL, ("TUR", "BIH", "HRV", "SVN", "AUT", "NLD")),
])
def test_a_bare_via_asked_after_a_leg_is_a_stop_of_that_leg(text, route):
    assert extract_route(text).route == route
