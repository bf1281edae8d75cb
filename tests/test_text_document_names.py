"""Other languages' names in translated statements (``exonyms.csv``) and words that only look like places."""

import pycountry
import pytest

from routekit.text import extract_route
from routekit.text.gazetteer import find_places, read_data_csv
from routekit.text.normalise import fold


def route(text: str) -> str:
    return extract_route(text).route_text


def places(text: str) -> list[str]:
    return [m.place.iso3 for m in find_places(text, fold(text))]


@pytest.mark.parametrize("text, expected", [
    # Turkish (also Cyprus's official language, so the language names no home: review 18 item 8)
    ("Vertaling uit het Turks: 'Met de boot naar Yunanistan. Daarna Makedonya en Sırbistan met de bus, toen "
     "Macaristan en Avusturya. Van daar met de trein naar Almanya en Hollanda.'",
     "GRC>MKD>SRB>HUN>AUT>DEU>NLD"),
    # Swahili
    ("Vertaling uit het Swahili: 'Ik vloog naar Uturuki, daarna met een boot naar Ugiriki. Van Ugiriki vloog ik "
     "naar Ufaransa en met de trein naar Ubelgiji en Uholanzi.'", "TUR>GRC>FRA>BEL>NLD"),
    # Somali
    ("Translated from Somali: 'I left Muqdisho by car to Itoobiya, then Suudaan and Liibiya. By boat to "
     "Talyaaniga, then by train to Jarmalka and Holland.'", "SOM>ETH>SDN>LBY>ITA>DEU>NLD"),
    # Arabic transliteration and Persian
    ("Interpreter's summary: 'From Izmir the boat took us to al-Yunan. Then Makdunya, Sirbya and Majar, then "
     "al-Nimsa, Almanya, Holanda.'", "TUR>GRC>MKD>SRB>HUN>AUT>DEU>NLD"),
    ("Vertaling uit het Dari: 'Van Torkiye met een vrachtwagen naar Bulgaristan. Daarna Sarbestan en Majarestan, "
     "tot Otrish. Van Otrish met de trein naar Alman en Holand.'", "TUR>BGR>SRB>HUN>AUT>DEU>NLD"),
    # Italian and Vietnamese
    ("Translation from Italian: 'I arrived in Italia from Libia by boat. I went by bus to Svizzera and then to "
     "Germania, to Francoforte, and by bus to the Paesi Bassi.'", "LBY>ITA>CHE>DEU>NLD"),
    ("Translation from Vietnamese: 'I flew from Hà Nội to Nga. A car took us to Belarus and we walked into "
     "Ba Lan. From Ba Lan a van took us to Đức and then to Hà Lan.'", "VNM>RUS>BLR>POL>DEU>NLD"),
])
def test_exonyms_in_translated_statements(text, expected):
    assert route(text) == expected


def test_short_exonyms_that_are_names_need_their_own_spelling():
    # Vietnamese "Anh" (United Kingdom) is also a given name: only the capitalised, exact form is a place
    assert places("Anh vloog naar Parijs.") == ["GBR", "FRA"]
    assert "GBR" not in places("zijn vriend anh bleef thuis in Parijs")


@pytest.mark.parametrize("text, absent", [
    ("Van Barcelona namen we de bus naar Parijs.", "BEL"),      # 'namen' (took) is not Namur
    ("Hij spreekt een beetje Engels en Frans.", "GBR"),         # 'Engels' is a language, not one edit from a name
    ("for two days we saw the islands of Yonan", "ISL"),        # 'islands' is not a misspelt Iceland
    ("I flew with Iberia to Madrid.", "LBR"),                   # an airline, not a misspelt Liberia
])
def test_ordinary_words_are_not_places(text, absent):
    assert absent not in places(text)


@pytest.mark.parametrize("name, least", [("exonyms.csv", 600), ("exonyms_cldr.csv", 1000)])
def test_exonym_rows_are_valid_country_codes_and_languages(name, least):
    rows = read_data_csv(name)
    assert len(rows) > least
    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for row in rows:
        assert row["iso3"] in codes, row
        assert row["kind"] in {"country", "city", "island", "region"}, row
        assert row["case_sensitive"] in {"yes", "no", "capital"}, row
        assert 2 <= len(row["language"]) <= 3, row
