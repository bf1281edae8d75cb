"""Round 15, KMar notes: border-guard notes at Schiphol, the seaports and the land borders. Invented sentences."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route
from learned_helpers import rules_only



def _route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- a vehicle leaving a Dutch airport or port, named in the note: its destination is no stop ---------------------
@pytest.mark.parametrize("text", [
    "KMar Schiphol, gate D4, vlucht KL 691 naar Toronto, 12-03-2025. Betrokkene toonde een vals paspoort. Hij "
    "verklaarde dat hij uit Lagos via Istanbul was gekomen.",
    "KMar Schiphol, gate D4, flight KL 691 to Toronto, 12-03-2025. Subject showed a false passport. He stated he had "
    "come from Lagos via Istanbul.",
    "KMar Schiphol, vertrekhal, KL 691 naar Toronto. Betrokkene toonde een vals paspoort. Hij verklaarde dat hij uit "
    "Lagos via Istanbul was gekomen.",
    "KMar Schiphol, boarding check flight AC 827 to Montreal. Subject showed a false passport. He had arrived from "
    "Lagos via Istanbul the day before.",
    "KMar Schiphol, transfer passenger travelling from Lagos via Amsterdam to Toronto. He had changed planes in "
    "Istanbul.",
])
def test_a_flight_out_of_a_dutch_airport_goes_to_no_stop(text):
    with rules_only():
        assert _route(text) == ("NGA", "TUR", "NLD")


@pytest.mark.parametrize("text", [
    "KMar Hoek van Holland, controle veerboot naar Harwich. Betrokkene zat in een vrachtwagen. Hij verklaarde dat hij "
    "uit Calais kwam.",
    "KMar Hook of Holland, check of the ferry to Harwich. The man was hiding in a lorry. He stated he had come from "
    "Calais.",
])
def test_a_ferry_out_of_a_dutch_port_goes_to_no_stop(text):
    assert _route(text) == ("FRA", "NLD")


@pytest.mark.parametrize("text", [
    "KMar Schiphol, 1e lijn. Betrokkene verklaarde dat hij van Lagos naar Istanbul vloog en daarna naar Amsterdam.",
    "KMar Schiphol, 12-03-2025: subject stated he had first flown to Istanbul from Lagos and then to Amsterdam.",
    "KMar Schiphol. Passenger of flight TK 1951 from Istanbul to Amsterdam; he had flown from Lagos to Istanbul.",
])
def test_a_flight_told_by_the_person_after_the_airport_is_still_a_stop(text):
    assert _route(text) == ("NGA", "TUR", "NLD")


# --- a KMar note that does not say "KMar": its own words for the check make it a Dutch record (ends in NLD) ----------
@pytest.mark.parametrize("text", [
    "MTV check, ICE 105 from Frankfurt, 03-02-2025. Subject stated he came from Syria via Turkey and Greece.",
    "MTV-controle, trein uit Keulen, 03-02-2025. Betrokkene verklaarde dat hij uit Syrie via Turkije en Griekenland "
    "kwam.",
    "Mobile security monitoring, ICE 105 from Frankfurt. Subject stated he came from Syria via Turkey and Greece.",
    "Train check, ICE 105 from Frankfurt, 03-02-2025. Subject stated he came from Syria via Turkey and Greece.",
    "Treincontrole, ICE 105 uit Frankfurt. Betrokkene verklaarde dat hij uit Syrie via Turkije en Griekenland kwam.",
])
def test_a_check_on_a_train_into_the_netherlands_ends_there(text):
    assert _route(text) == ("SYR", "TUR", "GRC", "DEU", "NLD")


@pytest.mark.parametrize("text", [
    "2nd line, flight KL 588 from Lagos. Subject stated he came from Nigeria via Turkey.",
    "Second line, flight KL 588 from Lagos. Subject stated he came from Nigeria via Turkey.",
])
def test_a_second_line_note_ends_in_the_netherlands(text):
    assert _route(text) == ("NGA", "TUR", "NLD")


@pytest.mark.parametrize("text", [
    "Hungarian police, road check near Szeged, 03-02-2025. The man stated he came from Syria via Turkey and Serbia.",
    "Polizia di Stato, train check at Ventimiglia. The man stated he came from Sudan via Libya.",
])
def test_a_foreign_authoritys_check_stays_abroad(text):
    assert "NLD" not in _route(text)
