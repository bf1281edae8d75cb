"""Lawyers' letters: more ways to quote the report's wrong version (page and paragraph references, 'abusievelijk',
'wrongly', 'genoteerd als'), letters that ask to strike a country, and the report's version as an aside ("en niet
via Mali, zoals op p. 3 staat") inside a statement that is otherwise the account (``letters.py``)."""

import pytest

from routekit.text import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # a page or paragraph reference quoting the report
    ("Correcties op het rapport nader gehoor van cliënt. Op p. 6, r. 4 staat dat cliënt via Oostenrijk reisde. "
     "Cliënt reisde van Turkije naar Griekenland en via Italië en Frankrijk naar Nederland.", "TUR>GRC>ITA>FRA>NLD"),
    ("Corrections to the interview report, our client Mr A. Page 3 records that client travelled through Albania. "
     "In fact he went from Greece to North Macedonia and Serbia, then by bus to the Netherlands.", "GRC>MKD>SRB>NLD"),
    # 'abusievelijk' / 'wrongly'
    ("Namens cliënte reageer ik op het verslag van het gehoor. Abusievelijk is vermeld dat cliënte in Spanje "
     "verbleef. Cliënte vloog van Casablanca naar Brussel en nam de trein naar Nederland.", "MAR>BEL>NLD"),
    # a letter asking to strike a country
    ("Re: corrections to the report of the interview of our client. Client was driven from Niger to Libya and "
     "crossed to Italy; Algeria came up only because the driver was Algerian. Please delete Algeria. From Italy "
     "he took the train to the Netherlands.", "NER>LBY>ITA>NLD"),
    # the report's version as an aside inside the account
    ("Correcties op het verslag van het nader gehoor van cliënt. Cliënt reisde van Kabul via Iran naar Turkije, "
     "en niet via Pakistan, zoals op p. 2 staat. Daarna met de boot naar Griekenland en met het vliegtuig naar "
     "Nederland.", "AFG>IRN>TUR>GRC>NLD"),
    # ... but an aside in a statement called wrong drops the statement
    ("Correcties op het verslag van het nader gehoor van cliënt. Dat hij via Hongarije reisde, zoals in het "
     "verslag staat, is onjuist: cliënt reisde van Servië via Kroatië en Slovenië naar Italië en daarna naar "
     "Nederland.", "SRB>HRV>SVN>ITA>NLD"),
])
def test_letters(text, expected):
    assert route(text) == expected

