"""Issue 15, fifth document round: kinds seen in two or more writers' sets (letters and Q/A transcripts)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # 'no' to whether the person left the airport presumes the change of planes there: the passage stays
    ("V: Hoe bent u naar Nederland gekomen? A: Ik vloog van Lagos naar Lissabon en van Lissabon naar Amsterdam. "
     "V: Bent u in Portugal buiten de luchthaven geweest? A: Nee.", ("NGA", "PRT", "NLD")),
    ("V: Vanaf waar vloog u? A: Vanuit Karachi. V: Rechtstreeks? A: Nee, we wachtten vier uur op het vliegveld van "
     "Doha en vlogen toen door naar Amsterdam. V: Bent u in Qatar de luchthaven uit geweest? A: Nee. V: Waar woonde u? "
     "A: In Lahore.", ("PAK", "QAT", "NLD")),
    ("Q: How did you come here? A: By plane from Nairobi, with a stop in Cairo. "
     "Q: Did you go through passport control in Egypt? A: No.", ("KEN", "EGY", "NLD")),
])
def test_no_to_leaving_the_airport_keeps_the_passage(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a claim of the report the letter agrees with before adding to it ("Dat klopt, maar ...", "Dit is onvolledig:")
    # is part of the corrected account
    ("Correcties op het rapport van het nader gehoor, cliënt de heer K. Traore. In het rapport staat dat cliënt vanuit "
     "Mali via Niger naar Libië reisde. Dat klopt, maar er ontbreekt dat hij in Libië twee jaar in Sabha werkte. "
     "Vanuit Libië voer hij naar Lampedusa en reisde hij met de trein naar Nederland.",
     ("MLI", "NER", "LBY", "ITA", "NLD")),
    ("Corrections to the interview report, our client Mr A. Bah. The report states that client went from Guinea "
     "through Mali to Algeria. That is correct, but he also stayed a year in Morocco after Algeria. "
     "From Morocco he crossed to Spain by boat and came to the Netherlands by bus.",
     ("GIN", "MLI", "DZA", "MAR", "ESP", "NLD")),
    ("Aanvullingen op het verslag van het nader gehoor, cliënte mevrouw H. Ali. Op pagina 3 staat dat cliënte van "
     "Somalië naar Ethiopië reisde. Dit is onvolledig: daarna ging zij verder naar Soedan en Libië. Van Libië voer zij "
     "naar Italië en vandaar reisde zij met de bus naar Nederland.",
     ("SOM", "ETH", "SDN", "LBY", "ITA", "NLD")),
])
def test_a_claim_the_letter_agrees_with_stays(text, route):
    assert extract_route(text).route == route


def test_a_claim_called_wrong_still_goes():
    text = ("Correcties op het rapport, cliënt de heer K. Traore. In het rapport staat dat cliënt vanuit Mali via "
            "Algerije naar Marokko reisde. Dat klopt niet: hij reisde vanuit Mali via Niger naar Libië en voer naar "
            "Italië. Met de trein kwam hij naar Nederland.")
    assert extract_route(text).route == ("MLI", "NER", "LBY", "ITA", "NLD")


@pytest.mark.parametrize("text, route", [
    # a claim the next statement only adds to ("Client wil aanvullen dat ...", "Ontbrekend is het volgende:", "Client
    # wishes to add that ...") keeps its legs
    ("Correcties op het rapport nader gehoor, cliënt dhr. A. Yusuf. Het rapport vermeldt dat hij van Soedan naar "
     "Libië ging en vandaar met een boot naar Italië. Ontbrekend is het volgende: in Italië verbleef hij een jaar in "
     "Bari. Daarna reisde hij met de trein naar Nederland.", ("SDN", "LBY", "ITA", "NLD")),
    ("Corrections to the interview report, client Mr B. Haile. The report states that he went from Eritrea to Sudan "
     "and on to Libya. Client wishes to add that he worked in Khartoum for two years. From Libya he crossed to Italy "
     "and took the train to the Netherlands.", ("ERI", "SDN", "LBY", "ITA", "NLD")),
])
def test_a_claim_the_letter_only_adds_to_stays(text, route):
    assert extract_route(text).route == route
