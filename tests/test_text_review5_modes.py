"""Review 5 (issue 15), the mode findings 5, 6 and 13: sentences of our own, not rows of a set."""

import pytest

from routekit.text import extract_route


def _legs(text):
    result = extract_route(text)
    return ">".join(result.route), ">".join(result.modes)


@pytest.mark.parametrize("text, route, modes", [
    # finding 5: a bare 'vlucht' is the flight from danger or a flight number, not a plane
    ("Ik ben op de vlucht voor de oorlog uit Syrie via Turkije naar Griekenland gegaan.",
     "SYR>TUR>GRC", "unknown>unknown"),
    ("KMar Schiphol, controle vlucht KL1234 naar Londen. Betrokkene kwam met de trein uit Duitsland.",
     "DEU>NLD", "train"),
    ("KMar Schiphol, gate-controle vlucht EI 605 naar Dublin. Hij kwam vorige week met de Flixbus van Hamburg "
     "naar Amsterdam.", "DEU>NLD", "bus"),
    ("Uit Syrie ben ik met een vlucht naar Turkije gegaan.", "SYR>TUR", "plane"),
    ("Vanuit Istanbul zat hij op de vlucht naar Amsterdam.", "TUR>NLD", "plane"),
    ("Uit Irak ging hij per vlucht naar Turkije.", "IRQ>TUR", "plane"),
    # finding 6: reaching the sea is no boat
    ("Uit Irak gingen we naar Turkije. In Turkije bracht een chauffeur ons met een vrachtwagen naar de zee bij Bodrum, "
     "en met een boot gingen we naar Kos.", "IRQ>TUR>GRC", "unknown>boat"),
    ("We went from Iraq to Turkey by car to the sea near Bodrum. Then by boat to Greece.",
     "IRQ>TUR>GRC", "car>boat"),
    ("Uit Iran naar Turkije. In Turkije tot de zee, toen met de boot naar Griekenland.", "IRN>TUR>GRC",
     "unknown>boat"),
    # finding 13: legs joined to a mode's leg
    ("Met het vliegtuig van Lahore naar Doha, en van Doha naar Amsterdam.", "PAK>QAT>NLD", "plane>plane"),
    ("From Serbia he took a car to Hungary and onwards to Austria.", "SRB>HUN>AUT", "car>car"),
    ("Vanuit Servie met de auto naar Hongarije en verder naar Oostenrijk.", "SRB>HUN>AUT", "car>car"),
])
def test_review5_modes(text, route, modes):
    assert _legs(text) == (route, modes)
