"""Round 12, mentions that are not stops in police reports, KMar notes and summaries (issue 15). Hand-written texts."""

import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # a record's words for where the person lives: the journey starts there, not in the birth country
    ("Betrokkene, wonende te Addis Abeba, geboren in Eritrea, vloog via Caïro naar Schiphol.", "ETH>EGY>NLD"),
    ("Betrokkene is geboren in Asmara en sinds 2015 woonachtig in Khartoum. Hij vloog naar Istanbul en kwam via "
     "Griekenland naar Nederland.", "SDN>TUR>GRC>NLD"),
    ("Subject, born in Asmara, resident in Khartoum since 2015, flew from Khartoum to Istanbul and came via Greece to "
     "the Netherlands.", "SDN>TUR>GRC>NLD"),
    ("The man, a national of Afghanistan residing in Mashhad, was taken by a smuggler to Turkey and came to the "
     "Netherlands by lorry.", "IRN>TUR>NLD"),
])
def test_residence_words_of_records(text, expected):
    assert route(text) == expected
