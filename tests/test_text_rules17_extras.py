"""Round 17, mentions that are not stops: a vessel's flag state is its registration and a document's field its
issuer, not countries the person went to. Invented sentences."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


@pytest.mark.parametrize("text, flag", [
    # a ship record's field "vlag: <country>" / "flag: <country>" names where the ship is registered
    ("Proces-verbaal KMar, haven Rotterdam. Schip: MV Nordic Dawn, vlag: Panama. Aan boord werd een verstekeling "
     "aangetroffen. Hij verklaarde dat hij in Lagos aan boord was gegaan en via Dakar naar Rotterdam voer.", "PAN"),
    ("KMar report, port of Vlissingen. Vessel: MV Sea Lark, flag: Malta. A stowaway was found in the hold. He stated "
     "that he boarded the ship in Abidjan, Ivory Coast, and that it called at Tangier before Vlissingen.", "MLT"),
])
def test_a_vessels_flag_state_is_no_stop(text, flag):
    route = _route(text)
    assert flag not in route
    assert route[-1] == "NLD" and len(route) >= 3


def test_a_country_after_a_ships_flag_stays_a_stop_when_the_ship_sailed_from_it():
    # the flag word ends its clause; the ship sailing from a country told after it is a departure
    text = ("Pv van bevindingen. Het schip onder Liberiaanse vlag voer vanuit Marokko naar Rotterdam; betrokkene "
            "verklaarde dat hij in Guinee was geboren en in Tanger aan boord was geklommen.")
    assert "MAR" in _route(text)


@pytest.mark.parametrize("text, issuer", [
    # any document's field "<document>: <country>" names the document's country, not a stop
    ("Pv van bevindingen. Bij betrokkene werd een reisdocument aangetroffen, visum: Griekenland. Betrokkene "
     "verklaarde dat hij in Istanbul op een bus stapte en via Belgrado naar Venlo reisde.", "GRC"),
    ("Report of findings. Papers found on him: a residence permit (residence permit: Bulgaria). He stated that he "
     "took a bus in Istanbul and travelled via Belgrade to Venlo.", "BGR"),
])
def test_a_documents_field_names_its_country_not_a_stop(text, issuer):
    assert _route(text) == ("TUR", "SRB", "NLD")
    assert issuer not in _route(text)
