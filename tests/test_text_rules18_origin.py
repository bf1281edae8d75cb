"""Round 18 of the rules, origin: the journey's first country."""
import pytest

from routekit.text.extraction import extract_route
from learned_helpers import rules_only


@pytest.mark.parametrize("text, route", [
    # the language a statement was translated from is one country's: the journey told from a neighbour began there
    ("Vertaling uit het Dari (tolk 4471): 'Met een smokkelaar liep ik de grens over naar Iran. Daarna met de bus "
     "naar Turkije en met een boot naar Griekenland. Met het vliegtuig naar Amsterdam.'", "AFG>IRN>TUR>GRC>NLD"),
    ("Translated from Tigrinya: 'We walked to Sudan with a smuggler. From there a truck to Libya and a boat to "
     "Italy. By train to the Netherlands.'", "ERI>SDN>LBY>ITA>NLD"),
    # a country's adjective before a language shared by many countries names the country
    ("Vertaling uit het Marokkaans Arabisch: 'Ik zwom naar Ceuta en kwam zo in Spanje. Met de bus naar Frankrijk "
     "en naar Nederland.'", "MAR>ESP>FRA>NLD"),
])
def test_the_language_translated_from_is_the_start(text, route):
    with rules_only():
        assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a language of many countries names none
    ("Translated from Arabic: 'We walked to Turkey with a smuggler, then a boat to Greece and a plane to "
     "Amsterdam.'", "TUR>GRC>NLD"),
    # the statement tells where the journey began: the language adds nothing
    ("Translated from Dari: 'I lived in Tehran for years. From Tehran I went to Turkey and by boat to Greece. "
     "Then by plane to Amsterdam.'", "IRN>TUR>GRC>NLD"),
    # the first country does not border the language's country and was not flown to
    ("Vertaling uit het Tigrinya: 'Ik liep naar Libië en ging met een boot naar Italië. Met de trein naar "
     "Nederland.'", "LBY>ITA>NLD"),
])
def test_the_language_translated_from_does_not_override_the_told_start(text, route):
    with rules_only():
        assert extract_route(text).route_text == route
