"""Round 12, sprint s1: "St." (Sint/Saint/Sankt) is part of a place name, its dot ends no sentence. Hand-written texts."""

import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    ("I flew from Port-au-Prince to St. Maarten and from there to Amsterdam.", "HTI>SXM>NLD"),
    ("Ik vloog van Curaçao naar St. Maarten en daarna naar Amsterdam.", "CUW>SXM>NLD"),
    ("He sailed from Anguilla to St. Martin and flew from there to Paris, then took the train to Amsterdam.",
     "AIA>MAF>FRA>NLD"),
    ("Wij reisden van Boedapest naar St. Pölten en daarna met de trein naar Duitsland.", "HUN>AUT>DEU"),
    ("She reached St. Pölten from Hungary and then went to Germany.", "HUN>AUT>DEU"),
    ("He went from Milan to St. Gallen and then by train to Germany.", "ITA>CHE>DEU"),
])
def test_a_place_written_with_st_dot(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # already right before: the spellings without a dot and the islands' Dutch names
    ("We went by boat from Saba to St. Eustatius and flew via Sint Maarten to Amsterdam.", "BES>SXM>NLD"),
    ("Hij vloog van Moskou naar St. Petersburg en reisde met de bus naar Tallinn.", "RUS>EST"),
    ("I travelled from Minsk to Sankt-Peterburg and then by bus to Helsinki.", "BLR>RUS>FIN"),
    # guards: a St./title dot before a name that is no place, and a street's St. ending a sentence
    ("I left Syria in May and flew from Beirut to Amsterdam. The St. Regis hotel in Beirut was full.", "SYR>LBN>NLD"),
    ("We were in Turkey. St. Mary's church there helped us. Then we walked into Greece and went on to the "
     "Netherlands.", "TUR>GRC>NLD"),
    ("Hij kwam uit Eritrea. Mr. Jansen hielp hem in Libië. Daarna voer hij naar Italië en reisde door naar "
     "Nederland.", "ERI>LBY>ITA>NLD"),
    ("Ik woonde in de St. Jansstraat in Kabul. Daarna reisde ik via Iran en Turkije naar Griekenland.",
     "AFG>IRN>TUR>GRC"),
    ("He stayed in Iran. Dr. Ahmadi treated him there. Then he crossed into Turkey and took a boat to Greece.",
     "IRN>TUR>GRC"),
    ("Wij waren in Marokko. Mw. El Amrani zei dat we naar Spanje moesten; daarna gingen we naar Frankrijk.",
     "MAR>ESP>FRA"),
    ("She lived on Main St. Then she moved from Lagos to Accra and flew to Brussels.", "NGA>GHA>BEL"),
    ("Ze woonde in Sint-Niklaas in België en reisde daarna naar Nederland.", "BEL>NLD"),
])
def test_st_guards_and_spellings_that_were_right(text, expected):
    assert route(text) == expected
