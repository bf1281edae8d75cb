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


@pytest.mark.parametrize("text, route", [
    # the first speaker is numbered: the others' numbers are someone else's
    ("Pv van verhoor. Verd. 2 (Walid M.) verklaarde: 'Ik kwam met een patera uit Oran in Almeria aan en reisde met de "
     "bus naar Frankrijk en met de trein naar Nederland.' Verd. 1 en verd. 3 verklaarden via Italie te zijn gekomen.",
     ["DZA", "ESP", "FRA", "NLD"]),
    # a sentence about another numbered person's own travel, without a statement verb
    ("PV van aangifte. Aangeefster verklaarde: in 2023 per bus van Lagos naar Accra, vandaar via Casablanca naar "
     "Madrid gevlogen, en daarna per auto naar Den Haag. Verd. 1 reisde apart via Belgie.",
     ["NGA", "GHA", "MAR", "ESP", "NLD"]),
    # a travelling companion's own statement
    ("PV. Betreft: verdachte R. Khoury. Verdachte verklaarde dat hij vanuit Beiroet naar Cyprus vloog en daarna via "
     "Athene naar Brussel en met de trein naar Rotterdam. Zijn metgezel, betrokkene O. D., verklaarde via Italie te zijn "
     "gekomen.",
     ["LBN", "CYP", "GRC", "BEL", "NLD"]),
])
def test_numbered_and_travelling_others_are_left_out(text, route):
    assert list(extract_route(text).route) == route


def test_an_ordinal_opening_a_sentence_is_no_other_person():
    text = ("Official report. The man stated that he flew from Casablanca to Istanbul and crossed to Greece. First "
            "Greece, then North Macedonia and Serbia. The driver said nothing.")
    assert list(extract_route(text).route)[:5] == ["MAR", "TUR", "GRC", "MKD", "SRB"]


def test_a_counted_group_of_others_is_left_out():
    text = ("PV van bevindingen. In een woning werden vier personen aangetroffen. Dit pv heeft betrekking op betr. "
            "A. Nazarov. Betr. verklaarde van Tasjkent via Istanbul naar Boedapest te zijn gevlogen en met een busje naar "
            "Nederland te zijn gebracht. De drie andere aangetroffenen (nat. UA) verklaarden via PL te zijn gekomen.")
    assert list(extract_route(text).route) == ["UZB", "TUR", "HUN", "NLD"]
