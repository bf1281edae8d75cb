"""Round 14 (issue 15), lawyers' letters and flight stops: a letter's denial whose words stand between the negation and
the country, and a refuelling or technical stop placed inside its flight. Hand-written texts, Dutch and English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- a refuelling or technical stop lies between the flight's departure and its destination ------------------------

@pytest.mark.parametrize("text, expected", [
    # the cue after the place governs that place only, not the flight's ends told before it in the clause
    ("The plane from Nairobi to Cairo landed in Khartoum to refuel. From Cairo he flew to Amsterdam.",
     ("KEN", "SDN", "EGY", "NLD")),
    ("Het vliegtuig van Lagos naar Casablanca is in Dakar geland om te tanken. Vanuit Casablanca vloog hij naar "
     "Schiphol.", ("NGA", "SEN", "MAR", "NLD")),
    # a technical stop or landing, told before the place
    ("She flew from Kabul to Istanbul with a technical stop in Baku, and from Istanbul on to Amsterdam.",
     ("AFG", "AZE", "TUR", "NLD")),
    ("Hij vloog van Addis Abeba naar Rome, met een technische tussenlanding in Caïro, en reisde per trein naar "
     "Nederland.", ("ETH", "EGY", "ITA", "NLD")),
])
def test_a_refuelling_or_technical_stop_lies_inside_its_flight(text, expected):
    assert route(text) == expected


def test_a_stop_told_after_its_place_still_names_one_place_of_a_list():
    # a stop after a list's last place governs that place only: the list's first place stays where it is told
    assert route("Hij reisde met de bus door Servië en vloog vanuit Belgrado naar Parijs, waarbij hij in Zürich "
                 "overstapte, en ging met de trein naar Amsterdam.") == ("SRB", "CHE", "FRA", "NLD")
