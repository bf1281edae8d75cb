"""Unit tests of the rules added after the dev4 error analysis (independently written narratives).

Each case is a sentence written for the rule it tests, not a row of a dev set.
"""

import pytest

from routekit.text import extract_route


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # an interviewer's question after an answer on the same line is not the answer
    ("V: Hoe reisde u? A: Van Turkije naar Bulgarije. V: Bent u toen naar Griekenland gegaan? A: Nee, met de bus "
     "naar Servie.", "TUR>BGR>SRB"),
    # "never been there" removes the country wherever the text names it
    ("Vanuit Frankrijk bracht de smokkelaar mij naar Duitsland, zei hij. Het bleek Belgie te zijn. "
     "In Duitsland ben ik nooit geweest. Met de trein naar Nederland.", "FRA>BEL>NLD"),
    ("From Croatia we walked for two days to Slovenia; they told us it was Austria. I have never been to Austria. "
     "Then I took the train to Italy.", "HRV>SVN>ITA"),
    # ... but "never stayed" / "nooit gewoond" is no denial of passing through
    ("Vanuit Bulgarije reisde hij per auto via Roemenie naar Hongarije. Hij heeft nooit in Roemenie gewoond.",
     "BGR>ROU>HUN"),
    # Dutch verb-final intention: "(dat hij) naar Engeland wilde"
    ("Betrokkene werd in Rotterdam aangetroffen. Hij verklaarde dat hij naar Engeland wilde. Hij kwam met de trein "
     "uit Brussel.", "BEL>NLD"),
    # flight stops: changing planes is a stop, and so is staying on board (the convention of 5 Dec 2026)
    ("He flew from Lagos to Amsterdam, changing planes in Istanbul.", "NGA>TUR>NLD"),
    ("Zij vloog van Teheran naar Amsterdam met een tussenlanding in Doha, maar zij bleef aan boord.", "IRN>QAT>NLD"),
    ("From Mogadishu I went by bus to Nairobi and flew to Istanbul. On the way we changed planes in Addis Ababa.",
     "SOM>KEN>ETH>TUR"),
    ("Aangetroffen op Schiphol na een vlucht uit Lagos. Hij verklaarde in Istanbul te zijn overgestapt.",
     "NGA>TUR>NLD"),
    # a country first told as left, reached later in the text, comes after what was told before its arrival
    ("Betrokkene werd te Venlo aangetroffen in een bus komende uit Keulen. Hij verklaarde dat hij vanuit Polen via "
     "Tsjechie naar Keulen was gereisd.", "POL>CZE>DEU>NLD"),
    # the leg into the Netherlands is the last leg, even when the earlier journey is told after it
    ("In de trein van Aken naar Heerlen werd betrokkene gecontroleerd. Hij was in 2019 vanuit Eritrea via Soedan "
     "naar Libie gereisd en daarna naar Italie.", "ERI>SDN>LBY>ITA>DEU>NLD"),
    # a statement inside a procedural sentence is narrative again; the birth data before it is not
    ("Betrokkene, geboren op 1-1-1990 te Herat (Afghanistan), verklaarde dat hij vanuit Iran naar Turkije was gereisd.",
     "IRN>TUR"),
    # a via-list right after the destination, without a comma
    ("He went by bus from Spain to Belgium via France.", "ESP>FRA>BEL"),
    # a country in brackets says where a place of the same name lies
    ("Van Parijs reden we naar Meer (Belgie). Daarna met de bus naar Breda.", "FRA>BEL>NLD"),
    # demonyms are nationalities, not misspelt countries
    ("The applicant, a Pakistani national, flew from Dubai to Amsterdam.", "ARE>NLD"),
    ("Hij verklaarde Algerijn te zijn en kwam met de trein uit Brussel naar Roosendaal.", "BEL>NLD"),
    # journey-start wording with a possessive
    ("He arrived at Schiphol on a flight from Doha. He had started his journey in Kabul.", "AFG>QAT>NLD"),
    # capitals and Dutch municipalities in the gazetteer
    ("Ik ben vanuit Kigali naar Brussel gevlogen en met de trein naar Venray gegaan.", "RWA>BEL>NLD"),
])
def test_generalised_rules(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a smuggler who supplied a forged document facilitated the journey
    ("De smokkelaar gaf mij een vals paspoort. Ik vloog van Istanbul naar Amsterdam.", "yes"),
    ("Someone he paid drove him from Calais to Brussels.", "yes"),
    ("Hij had de bestuurder 300 euro betaald om hem van Bremen naar Amsterdam te brengen.", "yes"),
    ("He travelled from Turkey to Greece without a smuggler.", "no"),
    # ... but a denial for the journey itself wins over a smuggler named only as the document's source
    ("Ik had een vals paspoort gekregen van de smokkelaar. Ik heb de reis zelf geregeld, zonder smokkelaar. "
     "Van Turkije naar Griekenland.", "no"),
])
def test_smuggler_rules(text, expected):
    assert extract_route(text).smuggler == expected
