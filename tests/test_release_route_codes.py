"""A route country the reference table does not know must leave the release with its leg, so the modes stay aligned
with the countries they reach; and every code the text gazetteer can produce is a known country."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from routekit.reference import countries
from routekit.release import structure

GAZETTEER = Path(structure.__file__).resolve().parents[1] / "reference" / "gazetteer"


def test_an_unknown_country_is_dropped_with_the_leg_that_reached_it():
    route, legs = structure.known_route(("HTI", "SUR", "XXA", "FRA", "NLD"), ("plane", "boat", "plane", "train"),
                                        {"HTI", "SUR", "FRA", "NLD"})
    assert route == ("HTI", "SUR", "FRA", "NLD")
    assert legs == ("plane", "plane", "train")   # Suriname -> France by the leg that left the unknown place


def test_an_unknown_first_country_takes_the_first_leg_with_it():
    route, legs = structure.known_route(("XXA", "TUR", "NLD"), ("plane", "bus"), {"TUR", "NLD"})
    assert (route, legs) == (("TUR", "NLD"), ("bus",))


def test_the_text_columns_keep_modes_aligned_with_the_route(monkeypatch):
    from routekit import text as text_package

    def fake_extract(frame, id_column, text_column):
        return pd.DataFrame({"id": frame[id_column], "route": ["SYR>XXA>GRC>NLD"], "modes": ["car>boat>plane"],
                             "smuggler": ["no"], "route_asked": [True]})

    monkeypatch.setattr(text_package, "extract_frame", fake_extract)
    rows = pd.DataFrame({"record_id": ["r1"], "route_statement": ["..."]})
    out = structure._text_columns(rows, "record_id", "route_statement")
    assert out["route"].iloc[0] == ("SYR", "GRC", "NLD")
    assert out["modes"].iloc[0] == "boat>plane"


def test_every_country_code_of_the_gazetteer_is_a_known_country():
    known = set(countries().index)
    produced = set()
    for name in ("places.csv", "airports.csv", "country_aliases.csv", "nationality_words.csv", "cities.csv"):
        with (GAZETTEER / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                code = row.get("iso3") or row.get("country") or ""
                if len(code) == 3 and code.isupper():
                    produced.add(code)
    assert produced, "the gazetteer files were not read"
    assert sorted(produced - known) == []
