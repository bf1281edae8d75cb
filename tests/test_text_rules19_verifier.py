"""Round 19, the stop verifier: the hand-written kinds of the round-18 stage's errors (an answer "Jawel", "via TR" at a
border, an "IST" transfer, the country named first as the journey's start), kept as guards in the round's own
sentences: the stored stage keeps those countries, and a refit must too.

The round's feature ``with_netherlands`` (held out +4 on train1-44 with the quick fit) was taken out again at the end
of the round: the verifier refitted with it could not be stored without refitting the order stage, which is fitted on
the verifier's output and needs its nested evaluation (text README, "End of round 19"). Its code is on branch
r19-verifier (commits 128384c..6622253)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route

JAWEL = ("V: Waar bent u vertrokken? A: In Marokko. V: Waar ging u heen? A: Naar Spanje met de boot. V: Bent u in "
         "Frankrijk geweest? A: Jawel, twee dagen. V: Hoe kwam u hier? A: Met de trein naar Nederland.")
VIA_CODE = ("Proces-verbaal van verhoor. Verdachte verklaarde dat hij uit Syrie kwam en via TR de grens met Bulgarije "
            "overstak. Daarna reisde hij met een vrachtwagen naar Nederland.")
AIRPORT_CODE = ("KMar Schiphol, controle bij de gate. Betrokkene kwam aan met een vlucht uit Teheran, overstap IST. Hij "
                "toonde een vals Bulgaars paspoort.")
NAMED_FIRST = ("My journey started in Brazil. From Sao Paulo I went to Madrid and then by bus through France and "
               "Belgium to the Netherlands.")


@pytest.mark.parametrize("text, route", [
    (JAWEL, ("MAR", "ESP", "FRA", "NLD")),   # a country a question asks of, the answer "Jawel"
    (VIA_CODE, ("SYR", "TUR", "BGR", "NLD")),   # "via TR" at a border, a police record
    (AIRPORT_CODE, ("IRN", "TUR", "NLD")),   # "overstap IST", a KMar note about a flight
    (NAMED_FIRST, ("BRA", "ESP", "FRA", "BEL", "NLD")),   # the country named first as the journey's start
])
def test_the_stage_keeps_the_hand_written_kinds_of_its_old_errors(text, route):
    assert extract_route(text).route == route
