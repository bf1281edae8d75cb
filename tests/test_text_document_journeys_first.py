"""Several journeys told in one record: the first arrival in the Netherlands is the route (routekit.text.journeys)."""

import pytest

from routekit.text.extraction import extract_route

CASES = [
    # the first arrival named before its account: the account's own 'went ... to Rotterdam' is no departure
    ("Client first came to the Netherlands in 2018: he flew from Accra to Casablanca, then went by bus through "
     "Spain and France to Rotterdam. In 2021 he was moved to Italy, and in 2023 he came back to the Netherlands.",
     "GHA>MAR>ESP>FRA>NLD"),
    # the return home is a departure, not the return; coming again to Europe is the return
    ("Zij was al in 2017 in Nederland; zij vloog toen van Lima via Madrid naar Amsterdam en keerde na twee jaar terug "
     "naar Peru. In 2022 kwam zij opnieuw naar Europa en reisde zij vanuit Portugal met de bus naar Nederland.",
     "PER>ESP>NLD"),
    # the second journey named as such is cut, whatever order it is told in
    ("De route in het dossier is die van zijn tweede reis: na zijn overdracht naar Spanje is hij via Frankrijk "
     "teruggekomen. De eerste reis verliep zo: vanuit Dakar naar Mauritanie, met een boot naar Gran Canaria en per "
     "vliegtuig naar Nederland.",
     "SEN>MRT>ESP>NLD"),
    # sent back to the Netherlands by another state: the journey after the first arrival is cut
    ("In 2019 kwam ik met de bus uit Frankrijk in Nederland aan, na de boot van Marokko naar Spanje. Daarna ben ik naar "
     "Zweden gegaan. Zweden heeft mij met het vliegtuig teruggestuurd naar Nederland.", "MAR>ESP>FRA>NLD"),
    # 'came again' is the return; leaving from a Dutch port is a departure, not the first arrival's account
    ("Q: When did you first come to the Netherlands? A: In 2016, by train from Germany, after flying from Beirut to "
     "Berlin. Q: And after that? A: In 2018 I went to England on a ferry from Hoek van Holland. Last year I came "
     "again, by plane from Erbil to Vienna and then by train.", "LBN>DEU>NLD"),
    ("That route was his second journey. He first arrived in the Netherlands in 2016, by train from Germany, after flying from Tehran "
     "to Hamburg. In 2019 he went back to Iran and in 2022 returned via Turkey and Greece.",
     "IRN>DEU>NLD"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_the_first_arrival_is_the_route(text, expected):
    assert ">".join(extract_route(text).route) == expected
