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


# --- A2: overseas parts with their own ISO 3166-1 code keep it --------------------------------------------------

@pytest.mark.parametrize("place, iso3", [
    ("Frans-Guyana", "GUF"), ("French Guiana", "GUF"), ("Guyane", "GUF"), ("Guiana Francesa", "GUF"),
    ("Cayenne", "GUF"), ("Kourou", "GUF"), ("Saint-Laurent-du-Maroni", "GUF"),
    ("Guadeloupe", "GLP"), ("Pointe-à-Pitre", "GLP"), ("Basse-Terre", "GLP"),
    ("Martinique", "MTQ"), ("Fort-de-France", "MTQ"),
    ("Réunion", "REU"), ("La Réunion", "REU"), ("Saint-Denis de la Réunion", "REU"),
    ("Mayotte", "MYT"), ("Mamoudzou", "MYT"),
])
def test_an_overseas_part_keeps_its_own_code(place, iso3):
    assert _route(f"Hij vloog van Lagos naar {place}. Daarna vloog hij naar Amsterdam.")[0] == f"NGA>{iso3}>NLD"
    assert _route(f"He flew from Lagos to {place}. Then he flew to Amsterdam.")[0] == f"NGA>{iso3}>NLD"


def test_saint_denis_is_french_unless_the_text_names_reunion():
    assert _route("Hij woonde in Saint-Denis bij Parijs en nam de trein naar Amsterdam.")[0] == "FRA>NLD"
    assert _route("He lived in Saint-Denis, Réunion, for two years, then flew to Paris and took the train to "
                  "Amsterdam.") == ("REU>FRA>NLD", "plane>train")


def test_reunion_the_word_is_no_island():
    assert _route("He flew from Lagos to Paris for a family reunion and took the train to Amsterdam.")[0] == \
        "NGA>FRA>NLD"


def test_french_guiana_is_a_stop_between_suriname_and_france():
    text = ("Zij woonde in Paramaribo. Met de bus naar Albina en met een korjaal over de rivier naar "
            "Saint-Laurent-du-Maroni. Vanuit Cayenne vloog zij naar Parijs en met de trein naar Amsterdam.")
    assert _route(text)[0] == "SUR>GUF>FRA>NLD"


# --- A3: taxi words give the mode taxi --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vanuit Polen ben ik met een taxi naar Duitsland gegaan en daarna met de trein naar Nederland.",
    "Vanuit Polen ben ik per taxi naar Duitsland gegaan en daarna met de trein naar Nederland.",
    "Vanuit Polen bracht een taxichauffeur ons naar Duitsland en daarna met de trein naar Nederland.",
    "Vanuit Polen bracht een snorder ons naar Duitsland en daarna met de trein naar Nederland.",
    "Vanuit Polen ben ik met een Uber naar Duitsland gegaan en daarna met de trein naar Nederland.",
    "Vanuit Polen ben ik met een Bolt naar Duitsland gegaan en daarna met de trein naar Nederland.",
    "From Poland I took a taxi to Germany and then the train to the Netherlands.",
    "From Poland I took a cab to Germany and then the train to the Netherlands.",
    "From Poland a taxi driver took us to Germany and then the train to the Netherlands.",
    "From Poland we went by Uber to Germany and then the train to the Netherlands.",
    "From Poland we took a shared taxi to Germany and then the train to the Netherlands.",
])
def test_a_taxi_is_a_taxi(text):
    assert _route(text) == ("POL>DEU>NLD", "taxi>train")


def test_a_car_is_still_a_car():
    assert _route("Vanuit Polen ben ik met een auto naar Duitsland gegaan en daarna met de trein naar Nederland.") == \
        ("POL>DEU>NLD", "car>train")


def test_the_cab_of_a_lorry_is_no_taxi():
    assert _route("From Poland I travelled hidden in the cab of a lorry to Germany and then took the train to the "
                  "Netherlands.") == ("POL>DEU>NLD", "truck>train")


def test_a_taxi_driver_by_trade_is_no_ride():
    assert _route("Hij vloog vanuit Lagos, waar hij taxichauffeur was, via Casablanca naar Schiphol.")[1] == \
        "plane>plane"


def test_a_canoe_is_a_boat_and_kano_is_a_city():
    assert _route("From Paramaribo we crossed the river in a canoe to Saint-Laurent-du-Maroni and flew from Cayenne "
                  "to Paris. Then the train to Amsterdam.") == ("SUR>GUF>FRA>NLD", "boat>plane>train")
    assert _route("Vanuit Paramaribo met een korjaal over de rivier naar Saint-Laurent-du-Maroni, daarna vanuit "
                  "Cayenne naar Parijs gevlogen en met de trein naar Amsterdam.") == ("SUR>GUF>FRA>NLD",
                                                                                   "boat>plane>train")
    route, modes = _route("She went by bus from Benin City to Kano and on to Agadez in Niger, then to Libya.")
    assert route == "NGA>NER>LBY" and "boat" not in modes


def test_taxi_is_a_documented_mode_that_corridors_read_like_a_car():
    from routekit.text.corridors import classify_corridor
    from routekit.text.vocabulary import mode_vocabulary

    assert "taxi" in mode_vocabulary()
    for route, modes in [("SYR>LBN>TUR>NLD", "taxi>plane>plane"), ("POL>DEU>NLD", "taxi>train"),
                         ("TUR>GRC>MKD>SRB>HUN>AUT>DEU>NLD", "boat>foot>taxi>foot>car>train>taxi")]:
        assert classify_corridor(route, modes) == classify_corridor(route, modes.replace("taxi", "car"))
