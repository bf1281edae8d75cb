"""Lawyers' letters: the report's version quoted with more words between report and verb ("in het verslag van het
aanmeldgehoor staat", "wordt op meerdere plaatsen gesuggereerd"), other verbs ("beschrijft", "describes"), a quote
noted as another quote ("'...' genoteerd als 'via Frankrijk'"); and a letter telling two journeys, whose first arrival
is the route (``letters.py``, ``journeys.py``)."""

import pytest

from routekit.text import extract_route


@pytest.mark.parametrize("text, expected", [
    ("Geachte heer/mevrouw, in het verslag van het nader gehoor staat dat cliënt via Oostenrijk reisde. Dat is "
     "onjuist. Cliënt reisde van Irak naar Turkije en via Griekenland en Italië naar Nederland.", "IRQ>TUR>GRC>ITA>NLD"),
    ("Correcties op het rapport van cliënt. In het rapport wordt op twee plaatsen gesuggereerd dat cliënt uit "
     "Denemarken kwam. Cliënt vloog van Lagos naar Parijs en nam de bus naar Nederland.", "NGA>FRA>NLD"),
    ("Correcties op het rapport nader gehoor van cliënt. Het rapport beschrijft als reisroute 'via Spanje'. Cliënt "
     "reisde van Algerije naar Tunesië, met een boot naar Italië en met de trein naar Nederland.", "DZA>TUN>ITA>NLD"),
    ("Corrections to the interview report, our client Ms B. The report describes the route as 'through Hungary'. "
     "Client travelled from Syria to Lebanon, flew to Belarus and walked to Poland, then by car to the Netherlands.",
     "SYR>LBN>BLR>POL>NLD"),
    ("Correcties op het verslag van het gehoor van cliënt. Op p. 4 is 'een bus met Poolse chauffeur' genoteerd als "
     "'via Polen'. Cliënt reisde van Oekraïne naar Slowakije en met die bus via Oostenrijk naar Nederland.",
     "UKR>SVK>AUT>NLD"),
    # two journeys: the report holds the second, the letter tells the first
    ("Correcties op het rapport van cliënt. Het rapport noemt de route van zijn tweede reis: na een overdracht naar "
     "Duitsland is cliënt via België teruggekomen. De eerste reis, waarmee hij in 2020 Nederland bereikte, ging van "
     "Tunis met een boot naar Sicilië en per trein via Frankrijk naar Nederland.", "TUN>ITA>FRA>NLD"),
])
def test_letters(text, expected):
    assert extract_route(text).route_text == expected


@pytest.mark.parametrize("text, expected", [
    # a letter correcting the interview report is about a person in the Netherlands: the route ends there
    ("Corrections on behalf of our client Mr K. Barzani, concerning his interview. Page 2 states that client went through "
     "Bulgaria. In fact he walked from Turkey into Greece and flew from Athens to Vienna.", "TUR>GRC>AUT>NLD"),
    # the report named with its date before the verb
    ("Geachte heer/mevrouw, het verslag van het gehoor van 2 april 2024 vermeldt dat cliënt uit Peru kwam. Cliënt "
     "kwam uit Colombia en vloog via Madrid naar Amsterdam.", "COL>ESP>NLD"),
])
def test_letters_about_the_report(text, expected):
    assert extract_route(text).route_text == expected
