"""Another person's statement at the end of a record with no declared subject: the subject is the record's first
speaker, and a later speaker who is someone else (a suspect, a driver, a girlfriend, a flatmate, 'the three other
persons found', 'another worker') tells their own route, which is not the subject's.

Examples written here, Dutch and English.
"""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Proces-verbaal van bevindingen. In een woning te Breda werd betr. A. Kamara aangetroffen. Betr. verklaarde dat "
     "hij vanuit Dakar naar Madrid vloog en met de bus via Frankrijk naar Nederland reisde. Zijn vriendin, die ook in "
     "de woning was, verklaarde dat zij via Italie kwam.",
     ["SEN", "ESP", "FRA", "NLD"]),
    ("Proces-verbaal van aangifte. Aangeefster verklaarde dat zij vanuit Lagos naar Accra reisde en van daar naar "
     "Madrid vloog, waarna een man haar per auto naar Den Haag bracht. De verdachte, mevrouw K., verklaarde zelf via "
     "Parijs te zijn gekomen.",
     ["NGA", "GHA", "ESP", "NLD"]),
    ("Official report. Officers checked a flat in Amsterdam. Mr K. Mensah stated that he flew from Accra to Casablanca "
     "and on to Barcelona, and took a bus to Amsterdam. His flatmate, Mr Y. Owusu, stated that he came via Italy.",
     ["GHA", "MAR", "ESP", "NLD"]),
    ("PV van bevindingen. Dit pv heeft betrekking op betr. A. Nazarov. Betr. verklaarde van Tasjkent via Istanbul "
     "naar Boedapest te zijn gevlogen en met een busje naar Nederland te zijn gebracht. De drie andere aangetroffenen "
     "verklaarden via Polen te zijn gekomen.",
     ["UZB", "TUR", "HUN", "NLD"]),
])
def test_another_persons_statement_is_left_out(text, route):
    assert list(extract_route(text).route) == route


def test_a_relative_travelling_with_the_subject_is_kept():
    text = ("Proces-verbaal van verhoor. Betr. verklaarde dat hij met zijn broer vanuit Irak naar Turkije ging. Zijn "
            "broer en hij reisden daarna samen via Griekenland naar Nederland.")
    assert list(extract_route(text).route) == ["IRQ", "TUR", "GRC", "NLD"]
