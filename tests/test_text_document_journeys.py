"""Several journeys: the route ends at the first arrival in the Netherlands (routekit.text.journeys)."""

import pytest

from routekit.text import extract_route
from routekit.text.journeys import first_journey


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # the later journey told after the first
    ("He came from Eritrea through Sudan and Libya to Italy and took the train to the Netherlands in 2016. In 2019 "
     "he moved to Sweden, and he returned here in 2022 via Denmark and Germany.", "ERI>SDN>LBY>ITA>NLD"),
    # the later journey told first (Dutch, perfect tense)
    ("Ik woon sinds 2019 in Nederland. In 2021 ben ik naar Keulen gegaan om te werken, en in 2022 ben ik "
     "teruggekomen. Ik kwam in 2018 met een boot vanuit Marokko in Spanje aan en reisde via Frankrijk naar Nederland.",
     "MAR>ESP>FRA>NLD"),
    # a Dublin transfer and a return
    ("Betrokkene kwam in 2020 via Turkije, Griekenland en Duitsland naar Nederland. In 2021 werd hij aan Griekenland "
     "overgedragen; in 2023 kwam hij opnieuw naar Nederland, dit keer via Italië.", "TUR>GRC>DEU>NLD"),
    # the return told in a question: its answer goes too
    ("Q: When did you first come to the Netherlands? A: In 2017, from Turkey via Bulgaria and Serbia. Q: Why did "
     "you leave? A: My claim was refused, so I went to France. Q: Were you sent back here? A: Yes, France "
     "transferred me in 2020. Q: Where did it begin? A: In Syria.", "SYR>TUR>BGR>SRB>NLD"),
])
def test_the_route_is_the_first_arrival(text, expected):
    assert route(text) == expected


def test_a_flashback_is_not_a_later_departure():
    text = ("The applicant first arrived in the Netherlands in 2015 via Greece and Germany. He had left Aleppo for "
            "Turkey in 2014. In 2018 he went to France; he returned in 2024 from Spain.")
    kept = first_journey(text)
    assert "Aleppo" in kept and "France" not in kept and "Spain" not in kept


def test_one_journey_passes_unchanged():
    text = "Hij reisde via Turkije naar Griekenland, werd teruggestuurd naar Turkije en kwam later in Nederland aan."
    assert first_journey(text) == text
