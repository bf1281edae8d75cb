"""Issue 15, round 11: the route's first country (the origin).

Hand-made records, Dutch and English, one kind per test.
"""

import pytest

from routekit.text.extraction import extract_route


# A birth country or nationality is not the start when the story first tells the route's first country as left for
# another country abroad ("reisde vanuit Khartoum ... naar Libie"), even when it names that country again later ("In
# Soedan had hij geen toekomst"): the told journey starts where the person set out from (labelling rule 1).
@pytest.mark.parametrize("text, route", [
    ("Samenvatting. Betrokkene is in Eritrea geboren. In 2019 reisde hij vanuit Khartoum met een smokkelaar naar "
     "Libië. Van Libië ging hij per boot naar Italië en met de trein naar Nederland. In Soedan had hij geen toekomst.",
     ("SDN", "LBY", "ITA", "NLD")),
    ("Summary. The applicant was born in Afghanistan. In 2021 she travelled from Quetta with a smuggler to Iran. From "
     "Iran she walked to Turkey and took a boat to Greece, then flew to Amsterdam. In Pakistan she had no papers.",
     ("PAK", "IRN", "TUR", "GRC", "NLD")),
])
def test_birth_country_is_not_the_start_when_the_journey_opens_leaving_another_country(text, route):
    assert extract_route(text).route == route


# ... but it stays the start when the first country abroad is first told as reached and only left later ("vloog naar
# Belgrado. Vanuit Servie ..."), or when the departure told first leads only into the Netherlands (a record told
# backwards, its last leg first).
@pytest.mark.parametrize("text, route", [
    ("Betrokkene verklaarde dat hij in Turkije geboren is. Hij vloog met een toeristenvisum naar Belgrado. Vanuit "
     "Servië ging hij met een taxi naar Hongarije en met de trein naar Nederland.", ("TUR", "SRB", "HUN", "NLD")),
    ("Summary. He came to the Netherlands by train from Germany. He was born in Syria. He walked to Turkey, "
     "took a boat to Greece and a bus through Austria to Germany.", ("SYR", "TUR", "GRC", "AUT", "DEU", "NLD")),
])
def test_birth_country_stays_the_start_when_the_first_country_was_reached(text, route):
    assert extract_route(text).route == route
