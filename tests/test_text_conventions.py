"""The labelling conventions fixed on 5 Dec 2026 (tests/data/extraction_heldout.README.md), as the extractor applies
them: a flight stop where the person stayed on board is travelled (A1), overseas parts with their own ISO code keep
it (A2), and taxi words give the mode ``taxi`` (A3)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> tuple[str, str]:
    result = extract_route(text)
    return result.route_text, result.modes_text


# --- A1: a stop where the person stayed on board is travelled, at its place in the flight, by plane -------------

@pytest.mark.parametrize("text, route, modes", [
    ("Ik ben met het vliegtuig vanuit Lagos naar Nederland gereisd. Het vliegtuig maakte een tussenlanding in "
     "Casablanca, maar we moesten in het vliegtuig blijven. Op Schiphol heb ik asiel gevraagd.",
     "NGA>MAR>NLD", "plane>plane"),
    ("Subject arrived at Schiphol on a flight from Kigali with a stop in Entebbe, where he stayed on board.",
     "RWA>UGA>NLD", "plane>plane"),
    ("Hij vloog van Nairobi naar Amsterdam met een tussenlanding in Caïro; hij bleef aan boord.",
     "KEN>EGY>NLD", "plane>plane"),
    ("She flew from Port Sudan to Istanbul; the plane only landed in Doha to refuel and the passengers stayed on "
     "board. From Istanbul she flew to Amsterdam.", "SDN>QAT>TUR>NLD", "plane>plane>plane"),
])
def test_a_stop_spent_on_board_is_travelled(text, route, modes):
    assert _route(text) == (route, modes)


@pytest.mark.parametrize("text, route", [
    # flown over, never landed: still no stop
    ("He flew from Lagos to Amsterdam. The plane flew over Algeria and France but did not land anywhere.",
     "NGA>NLD"),
    ("Op het scherm zag ik dat we boven Algerije en Frankrijk vlogen, maar we zijn nergens geland. Ik kwam uit Lagos "
     "en landde op Schiphol.", "NGA>NLD"),
])
def test_a_country_only_flown_over_stays_out(text, route):
    assert _route(text)[0] == route
