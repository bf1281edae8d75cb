"""The document layer's shorthand and codes (routekit.text.document): written out before the rules read a text."""

import pytest

from routekit.errors import InputError
from routekit.text import document, extract_route
from routekit.text.document import expand_abbreviations, prepare, read_codes


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    ("Verd. werd i.v.m. diefstal t.h.v. Venlo aangehouden.", "Verdachte werd in verband met diefstal ter hoogte van Venlo aangehouden."),
    ("Betr. verklaarde dat hij o.a. in Turkije was, alwaar hij werkte.", "Betrokkene verklaarde dat hij onder andere in Turkije was, waar hij werkte."),
    ("The susp. stated approx. the following.", "The suspect stated approximately the following."),
    # not inside other words, and only with the dot where the abbreviation has one
    ("De betrokkenheid van de verdachte", "De betrokkenheid van de verdachte"),
    ("Hij betreurde het; betr. zweeg.", "Hij betreurde het; betrokkene zweeg."),
])
def test_abbreviations_are_written_out(text, expected):
    assert expand_abbreviations(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("reisde via IR en TR naar GR", "reisde via Iran en Turkije naar Griekenland"),   # a Dutch record: Dutch names
    ("met de trein via SI, AT en DE naar NL", "met de trein via Slovenië, Oostenrijk en Duitsland naar Nederland"),
    ("flew LOS-CAI-AMS on a forged passport", "flew Nigeria - Egypt - Netherlands on a forged passport"),
    ("vanaf IKA naar DXB en verder naar BEG", "vanaf Iran naar Verenigde Arabische Emiraten en verder naar Servië"),
    ("In CAI she stayed three hours", "In Egypt she stayed three hours"),
])
def test_codes_in_travel_context_are_countries(text, expected):
    assert read_codes(text) == expected


@pytest.mark.parametrize("text", [
    "a white van with UA registration near Zevenaar",          # a plate, not a place
    "ONDERZOEK NAAR DE SMOKKEL VAN PERSONEN",                  # a title in capitals: 'DE' is an article
    "hij werkt in IT en woont in Venlo",                        # 'IT' after the weak 'in' is a word, not Italy
    "Zij sprak met de IND over haar NL-paspoort",               # not after a travel word
    "The BBC reported it",                                      # not a code at all
])
def test_capitals_that_are_not_codes_stay(text):
    assert read_codes(text) == text


def test_police_shorthand_and_codes_give_the_route():
    text = ("Betr. werd t.h.v. Oldenzaal in de trein aangetroffen. Betr. verklaarde dat hij vanaf IKA naar DXB vloog, "
            "alwaar hij overstapte naar BEG. Vanuit BEG bracht een smokkelaar hem per auto naar HR, van daar reisde "
            "betr. met de trein via SI en AT naar DE en verder naar NL.")
    assert route(text) == "IRN>ARE>SRB>HRV>SVN>AUT>DEU>NLD"


def test_plain_narratives_pass_unchanged():
    text = "Ik ben uit Syrië vertrokken en via Turkije en Griekenland naar Nederland gereisd."
    assert prepare(text) == text


def test_a_broken_abbreviation_list_is_one_line_naming_file_row_and_field(monkeypatch):
    rows = [{"abbreviation": "verd.", "expansion": "verdachte"}, {"abbreviation": "betr.", "expansion": ""}]
    monkeypatch.setattr(document, "read_data_csv", lambda name: rows)
    document._abbreviations.cache_clear()
    try:
        with pytest.raises(InputError, match=r"abbreviations\.csv, row 3, field 'expansion'"):
            document._abbreviations()
    finally:
        document._abbreviations.cache_clear()


def test_a_broken_airport_row_is_one_line_naming_file_row_and_field(monkeypatch):
    monkeypatch.setattr(document, "read_data_csv", lambda name: [{"iata": "IST", "iso3": "TR"}])
    document._codes.cache_clear()
    try:
        with pytest.raises(InputError, match=r"airports\.csv, row 2, field 'iso3'"):
            document._codes()
    finally:
        document._codes.cache_clear()
