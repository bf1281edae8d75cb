"""Round 20: mentions that are not stops (the extractor added a country the person never reached).

Kinds fixed here (word lists in ``reference/gazetteer/``):
- a connecting flight not taken, "met een doorverbinding naar Willemstad" (cues.yaml ``intention``), as
  "aansluitende vlucht" already was;
- an answer that opens with the wish only, "Dat wilde ik, maar ...", "I wanted to, but ...", "That was the plan"
  (cues.yaml ``answer_negative``): a 'no';
- "een Frans schip", "een Frans-Iraakse smokkelaar": the Dutch neuter adjective, not the Urdu/Pashto exonym
  "Frans" (not_places.csv).

Tried and dropped (train-neutral or negative; see the text README, round 20): "denied being in X"; a clause "(en
werden) teruggeduwd" taking back the place before it; a push back to the country left ("pushed back to Serbia");
"ging langs" / "we passed" as seen only; "the father of the child" as a relative subject; "on a ticket to";
failed attempts at a border; "Only on the sea" and "Ik moet dat verbeteren" as a 'no'.

Texts written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> str:
    return ">".join(extract_route(text).route)


CONNECTION_NOT_TAKEN = [
    ("Schiphol: betrokkene arriveerde met een vlucht uit Nairobi, met een doorverbinding naar Toronto, en vroeg "
     "asiel aan.", "KEN>NLD"),
]


@pytest.mark.parametrize("text,route", CONNECTION_NOT_TAKEN)
def test_a_connection_not_taken_is_no_stop(text: str, route: str) -> None:
    assert _route(text) == route


# an answer that opens with the wish only ("Dat wilde ik, maar ...", "That was the plan, but ..."): a 'no' to the
# presence question (cues.yaml ``answer_negative``)
ONLY_THE_WISH = [
    ("V: Waar begon uw reis? A: In Tunis. V: Hoe ging u verder? A: Met het vliegtuig naar Belgrado. V: Bent u in "
     "Hongarije geweest? A: Dat wilde ik, maar bij de grens haalde de politie me uit de bus. Toen ben ik via Bosnië en "
     "Kroatië naar Slovenië gegaan en met de trein naar Nederland.", "TUN>SRB>BIH>HRV>SVN>NLD"),
    ("Q: Where did you start? A: In Tirana. Q: Then? A: By ferry to Bari and by train to Milan. Q: Were you in "
     "Switzerland? A: I wanted to, but the police took me off the train in Como. Q: And then? A: I flew from Milan "
     "to Eindhoven.", "ALB>ITA>NLD"),
    ("Q: Where did you start? A: In Tirana. Q: Then? A: By ferry to Bari and by train to Milan. Q: Were you in "
     "Switzerland? A: That was the plan, but the police took me off the train in Como. Q: And then? A: I flew from "
     "Milan to Eindhoven.", "ALB>ITA>NLD"),
]


@pytest.mark.parametrize("text,route", ONLY_THE_WISH)
def test_an_answer_telling_only_the_wish_is_a_no(text: str, route: str) -> None:
    assert _route(text) == route


# "een Frans schip", "een Frans-Iraakse smokkelaar": the Dutch neuter adjective, not the Urdu/Pashto exonym "Frans"
# (not_places.csv "een Frans")
FRENCH_ADJECTIVE = [
    ("Samenvatting: verzoeker vertrok uit Mosul, verbleef in Turkije en reisde met een Frans-Iraakse smokkelaar naar "
     "Wit-Rusland.", "IRQ>TUR>BLR>NLD"),
    ("De boot vanuit Sfax werd door een Frans vrachtschip naar Malta gebracht. Vanuit Malta vloog hij naar Nederland.",
     "TUN>MLT>NLD"),
]


@pytest.mark.parametrize("text,route", FRENCH_ADJECTIVE)
def test_the_dutch_neuter_adjective_frans_is_no_place(text: str, route: str) -> None:
    assert _route(text) == route


def test_the_urdu_exonym_frans_still_names_france() -> None:
    assert _route("Hij zei: Pakistan se Iran, phir Turkey, phir Greece, phir Frans, phir Holland.") == \
        "PAK>IRN>TUR>GRC>FRA>NLD"
