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


@pytest.mark.parametrize("text, expected", [
    # a birthplace the record tells about the person, with nothing else about it, is no start of the journey
    ("Proces-verbaal van verhoor. Betrokkene, geboren in Herat, verklaarde dat hij in Iran werkte en met een "
     "smokkelaar naar Turkije reisde. Met een vrachtwagen kwam hij naar Nederland.", "IRN>TUR>NLD"),
    ("KMar note. Subject (born in Kabul) stated that he worked in Iran for years, walked to Turkey and came to the "
     "Netherlands by lorry.", "IRN>TUR>NLD"),
])
def test_birthplace_told_by_the_record_is_no_start(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ... but it is the start when the sentence goes on from it, or the person tells it, or a transcript asks it
    ("Betrokkene is in Damascus geboren en in 2015 naar Turkije gevlucht. Via Griekenland kwam hij naar Nederland.",
     "SYR>TUR>GRC>NLD"),
    ("Subject was born in Peshawar and grew up there. He went to Iran and Turkey and came to the Netherlands by lorry.",
     "PAK>IRN>TUR>NLD"),
    ("Ik ben geboren in Baidoa. Met een vrachtwagen gingen we naar Ethiopie en daarna naar Soedan, Libie, Italie en "
     "Nederland.", "SOM>ETH>SDN>LBY>ITA>NLD"),
    ("Q: Where were you born? A: In Mogadishu. Q: How did you travel? A: By bus to Kenya, then I flew to Dubai and "
     "Amsterdam.", "SOM>KEN>ARE>NLD"),
    # an aside closes with a comma: the sentence goes on from the birthplace when the subject then leaves for a
    # neighbour of it, or crosses into the next country (review of round 12)
    ("Betrokkene, geboren in Somalie, is gevlucht naar Ethiopie en vandaar naar Soedan, Libie en Italie.",
     "SOM>ETH>SDN>LBY>ITA"),
    ("The applicant, born in Eritrea, crossed into Sudan in 2016 and reached Libya and Italy.", "ERI>SDN>LBY>ITA"),
    ("The applicant, born in Afghanistan, crossed the border into Iran and then went to Turkey and Greece.",
     "AFG>IRN>TUR>GRC"),
    ("Betrokkene, geboren in Herat, stak de grens over naar Iran en reisde via Turkije naar Griekenland.",
     "AFG>IRN>TUR>GRC"),
    ("Subject (born in Syria) fled to Lebanon and flew to Turkey.", "SYR>LBN>TUR"),
])
def test_birthplace_the_story_starts_from(text, expected):
    assert route(text) == expected
