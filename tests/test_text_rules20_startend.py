"""Round 20, the start or the end of the route: the kinds of wording that gave a wrong or missing first or last
country (or an empty route). Hand-made texts, Dutch and English, other countries than the dev rows; each kind failed
before its change."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a report that first lists its numbered persons (one of them only listed: "betr. 2 onbekend gebleven") is about
    # the first numbered person who makes a statement, not the first one listed (the route was empty)
    ("Op 02-05-2024 trof verbalisant op de A12 bij Zevenaar een bestelbus aan. Bestuurder: verd. Nowak (PL). "
     "Inzittenden: betr. 1 Rahimi, Ali, geb. 03-03-2001; betr. 2 onbekend gebleven. Betr. 1 verklaarde dat hij uit "
     "Syrië kwam en via Libanon en Turkije naar Griekenland was gereisd.",
     ("SYR", "LBN", "TUR", "GRC", "NLD")),
    ("On 2 May 2024 officers stopped a van near Venlo. Driver: suspect Nowak (PL). Occupants: person 1 Rahimi, Ali, "
     "born 03-03-2001; person 2 unknown. Person 1 stated that he came from Syria and travelled via Lebanon and "
     "Turkey to Greece.",
     ("SYR", "LBN", "TUR", "GRC", "NLD")),
])
def test_the_subject_is_the_first_numbered_person_who_states(text: str, route: tuple[str, ...]) -> None:
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a Dutch record about a suspect or naming the person's immigration number (v-nr.) is written about a person in
    # the Netherlands: the route ends there though the text names no Dutch place
    ("Betr. (v-nr. 2871123456) verklaarde dat hij met een vlucht van Lagos naar Casablanca was gereisd en vandaar "
     "met de bus naar Spanje.",
     ("NGA", "MAR", "ESP", "NLD")),
    ("Verdachte verklaarde dat hij van Accra naar Madrid was gevlogen en per bus naar Frankrijk reisde.",
     ("GHA", "ESP", "FRA", "NLD")),
])
def test_a_dutch_suspect_or_v_number_record_ends_in_the_netherlands(text: str, route: tuple[str, ...]) -> None:
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a nationality told as a label with the country's name after it ("nat. Somalië,", "nationality Eritrea") is the
    # person's nationality, not the first country travelled: the journey told from elsewhere starts there
    ("KMar-controle in de trein bij Roosendaal. De man, nat. Soedan, zat zonder kaartje in de trein. Hij was in 2022 "
     "met een rubberboot uit Calais naar Engeland gekomen.",
     ("FRA", "GBR", "NLD")),
    ("At a KMar check on the train the man, nationality Eritrea, was found without papers. In 2022 he had come by dinghy "
     "from Calais to England.",
     ("FRA", "GBR", "NLD")),
])
def test_a_nationality_label_before_a_country_is_no_stop(text: str, route: tuple[str, ...]) -> None:
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # an airport's code after "op" / "at" is the airport where the flight landed ("op AMS geland", "landed at AMS"):
    # the route's end (it was missing, or the route was empty)
    ("Hij verklaarde dat hij met een vlucht vanuit CAI op AMS was geland.", ("EGY", "NLD")),
    ("He stated that he had landed at AMS on a flight from CAI.", ("EGY", "NLD")),
])
def test_an_airport_code_after_op_or_at_is_a_stop(text: str, route: tuple[str, ...]) -> None:
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # an English record that declares whom it concerns ("This report concerns subject 2") is a Dutch authority's
    # record about a person here: the route ends in NLD though it names no Dutch place
    ("This report concerns subject 2. Subject 2 stated that he flew from Dhaka to Dubai and on to Belgrade, and "
     "walked into Hungary.",
     ("BGD", "ARE", "SRB", "HUN", "NLD")),
])
def test_a_record_that_says_whom_it_concerns_ends_in_the_netherlands(text: str, route: tuple[str, ...]) -> None:
    assert extract_route(text).route == route
