"""Lawyers' letters correcting an interview report: the corrected account wins (routekit.text.letters)."""

import pytest

from routekit.text import extract_route
from routekit.text.letters import corrected_account, is_letter
from routekit.text.normalise import fold


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # the report's version is dropped, the letter's account kept
    ("Correcties op het rapport nader gehoor van cliënt. In het rapport staat dat cliënt via Roemenië is gereisd. "
     "Dat is onjuist: cliënt is vanuit Turkije naar Bulgarije gelopen en daarna naar Servië gegaan. Vanuit Servië "
     "reisde hij via Hongarije en Oostenrijk naar Nederland.", "TUR>BGR>SRB>HUN>AUT>NLD"),
    # a replacement keeps the right term only
    ("Namens cliënte: op pagina 3 van het verslag staat 'Ethiopië'; dit moet zijn 'Eritrea'. Zij is vanuit Eritrea "
     "naar Soedan gevlucht en via Libië en Italië naar Nederland gekomen.", "ERI>SDN>LBY>ITA>NLD"),
    ("Re: corrections to the interview report of my client. On page 4, 'Albania' should read 'Montenegro': from "
     "Greece he walked into Montenegro and then to Bosnia, Croatia and Slovenia. From there he came to the "
     "Netherlands by train.", "GRC>MNE>BIH>HRV>SVN>NLD"),
    # a wrong term named on its own; "niet X, maar Y"
    ("Correcties namens cliënt op het verslag. 'Malta' is een vertaalfout. Cliënt is niet via Malta naar Italië "
     "gereisd, maar vanuit Libië per boot naar Lampedusa. Daarna ging hij met de trein naar Frankrijk en Nederland.",
     "LBY>ITA>FRA>NLD"),
    # the confirmed part of the route is its start; the report's wrong country is dropped
    ("Further to the report of my client's interview: the report states that he came from Belgium. He did not. He "
     "took the bus from Paris to Amsterdam. The rest of the route (Afghanistan, Iran, Turkey, Greece, Italy, France) "
     "is correct.", "AFG>IRN>TUR>GRC>ITA>FRA>NLD"),
    # the confirmed end stays the end; what the report left out is part of the account
    ("Aanvulling op het gehoor van cliënte: in het verslag ontbreekt dat zij van Marokko per boot naar Spanje ging. "
     "Het overige deel van de route (Frankrijk, België, Nederland) is juist weergegeven.", "MAR>ESP>FRA>BEL>NLD"),
])
def test_the_corrected_account_is_the_route(text, expected):
    assert route(text) == expected


def test_what_the_client_did_not_say_is_not_the_account():
    text = ("Corrections to the report, client Mr A. The interviewer added 'Germany'. My client did not mention "
            "Germany. He travelled from Italy to France and then to the Netherlands.")
    assert "Germany" not in corrected_account(text)
    assert route(text) == "ITA>FRA>NLD"


def test_texts_that_are_not_letters_pass_unchanged():
    text = "In het rapport staat dat hij via Roemenië is gereisd. Hij reisde van Turkije naar Nederland."
    assert not is_letter(fold(text))
    assert corrected_account(text) == text
