"""Review 5, finding 7 (issue 15): an ambiguous code after 'in' (IT, HR, BE, ...) is read as a country in a record
that writes other stops as codes only when it is list-joined to a code already read or its clause tells travel;
never after a work word ("werkte in IT", "werkzaam in HR", "works in IT"): there it is a department."""

from __future__ import annotations

import pytest

from routekit.text.document import read_codes
from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    ("Betrokkene werkte in IT bij een bedrijf in Kabul en reisde via IR en TR naar NL.", "AFG>IRN>TUR>NLD"),
    ("Verd. is werkzaam in HR. Hij kwam via DE naar NL.", "DEU>NLD"),
    ("He worked in IT for a firm in Kabul and travelled via IR and TR to NL.", "AFG>IRN>TUR>NLD"),
    ("She is employed in HR at a bank in Tunis. She flew from TUN to IST and went by boat to GR.", "TUN>TUR>GRC"),
    ("Hij had een baan in IT in Kabul; daarna reisde hij via IR naar TR.", "AFG>IRN>TUR"),
])
def test_a_department_after_a_work_word_is_no_country(text, expected):
    assert route(text) == expected


def test_a_department_code_stays_a_word_beside_codes_read():
    assert "werkzaam in HR." in read_codes("Verd. is werkzaam in HR. Hij kwam via DE naar NL.")
    assert "afdeling in IT " in read_codes("Hij werkte op de afdeling in IT en reisde via DE naar NL.")
    # a Dutch clause ends in its verb; after another weak travel word too
    assert "die in IT werkte" in read_codes("Betrokkene, die in IT werkte, reisde via IR naar TR.")
    assert "daarna IT afdeling" in read_codes("Hij kwam via DE naar NL; daarna IT afdeling gebeld.")


@pytest.mark.parametrize("text, expected", [
    # a stop after 'in' in a clause that tells travel, or listed with a code read, is still a country
    ("Verd. vloog van Tunis naar IST, liep via BG naar RS, verbleef drie dagen in HR en reisde daarna via SI naar "
     "Venlo.", "TUN>TUR>BGR>SRB>HRV>SVN>NLD"),
    ("He flew from Tunis to IST, went by boat to GR and lived in IT for two years before taking a bus to Venlo.",
     "TUN>TUR>GRC>ITA>NLD"),
    ("Hij reisde via RS naar HR, kwam aan in SI en reisde in IT met de trein verder naar NL.", "SRB>HRV>SVN>ITA>NLD"),
    # listed with a code read ("in HR en AT naar NL"), a clause of being there ("never been in IT", negated)
    ("Verd. kwam met de boot naar GR. Daarna zat hij in HR en AT naar NL.", "GRC>HRV>AUT>NLD"),
    ("Hij is nooit in IT geweest; hij reisde via FR naar NL.", "FRA>NLD"),
    ("He said he has never been in IT and that he came by bus via FR to NL.", "FRA>NLD"),
])
def test_an_ambiguous_code_after_in_in_travel_is_still_read(text, expected):
    assert route(text) == expected
