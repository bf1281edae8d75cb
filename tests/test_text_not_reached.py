"""Countries named but not reached (issue 15, MENTIONS): a clause that says the place before it was never reached or
the attempt failed, the country across a border a place lies at, onward destinations of a person stopped while
leaving, a failed attempt in the third person. One Dutch and one English example per kind, written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a clause ending on 'never went' / 'nooit heen gegaan' takes back the place of the clause before it
    ("Ik ben gevlucht uit Eritrea naar Soedan. De smokkelaar zei dat we naar Egypte zouden rijden, maar we zijn er "
     "nooit heen gegaan. Vanuit Soedan reisden we naar Libie en met de boot naar Italie. Daarna naar Nederland.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("I fled from Eritrea to Sudan. The driver told us we would go to Egypt, but we never went. From Sudan we "
     "travelled to Libya and by boat to Italy. Then I took a train to the Netherlands.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    # drifting off a coast without landing
    ("Wij vertrokken met een boot uit Senegal. Bij de kust van Mauritanie hebben wij lang gedreven, maar wij zijn daar "
     "niet aan land geweest. Wij kwamen aan op Tenerife en later reisde ik naar Nederland.",
     ("SEN", "ESP", "NLD")),
    # an attempt that failed, told in a clause of its own
    ("Hij vloog van Bagdad naar Minsk. Hij probeerde Polen binnen te komen, maar dat mislukte steeds. Daarna ging hij "
     "naar Litouwen en met de bus naar Nederland.",
     ("IRQ", "BLR", "LTU", "NLD")),
    ("He flew from Baghdad to Minsk. His attempts to enter Poland failed; he then went to Lithuania and by bus to the "
     "Netherlands.",
     ("IRQ", "BLR", "LTU", "NLD")),
])
def test_not_reached(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the country across the border a place lies at is not reached by being named
    ("Ik vloog van Istanbul naar Belgrado. Via Subotica, op de grens met Hongarije, ging ik naar Bosnie en daarna "
     "naar Kroatie, Slovenie en Nederland.",
     ("TUR", "SRB", "BIH", "HRV", "SVN", "NLD")),
    ("I flew from Istanbul to Belgrade. From Sid, a town on the border with Croatia, we walked to Bosnia, then "
     "Croatia, Slovenia and the Netherlands.",
     ("TUR", "SRB", "BIH", "HRV", "SVN", "NLD")),
    # crossing that border is still told as crossing
    ("Ik kwam uit Servie en stak de grens met Hongarije over. Daarna met de trein naar Oostenrijk en Nederland.",
     ("SRB", "HUN", "AUT", "NLD")),
])
def test_border_with(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the onward destination of a person stopped at a Dutch airport while leaving
    ("KMar Schiphol, vertrekcontrole. Betrokkene was in transit van Addis Abeba naar Dublin en toonde een vals "
     "paspoort. Hij verklaarde uit Ethiopie te zijn gevlogen.",
     ("ETH", "NLD")),
    ("KMar Schiphol, departure control. A passenger for flight AC827 to Toronto showed a forged passport. He stated "
     "that he had flown Beirut - Athens - Amsterdam.",
     ("LBN", "GRC", "NLD")),
    ("KMar Schiphol, transfer filter. A passenger on KL1724 from Istanbul, travelling on to Toronto, was found with a "
     "false passport. He had lived in Lebanon and flew Beirut - Istanbul - Amsterdam.",
     ("LBN", "TUR", "NLD")),
])
def test_onward_destination(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a leg that starts in the Netherlands ends no stop: the route ends at the first arrival here
    ("On 3 May three men were found in a trailer in the freight lane for the Hook of Holland-Harwich ferry. Person B "
     "stated that he flew from Hanoi to Budapest and was driven via Austria and Germany to Venlo.",
     ("VNM", "HUN", "AUT", "DEU", "NLD")),
    ("Betrokkene werd aangetroffen in een vrachtwagen op de terminal voor de veerboot Rotterdam - Hull. Hij verklaarde "
     "vanuit Irak via Turkije en Griekenland met vrachtwagens naar Nederland te zijn gereisd.",
     ("IRQ", "TUR", "GRC", "NLD")),
    # a leg into the Netherlands is still a leg
    ("He came by ferry from Harwich to Hook of Holland after he had flown from Lagos to London.",
     ("NGA", "GBR", "NLD")),
])
def test_leg_out_of_the_netherlands(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a place said to be close by is not reached
    ("From Libya we went by boat. The boat came to Italia, they said Malta was close. From Italia the train to "
     "Switzerland and then to Holland.",
     ("LBY", "ITA", "CHE", "NLD")),
    ("Vanuit Libie met een boot naar Lampedusa; Malta lag dichtbij, zeiden ze. Daarna met de trein naar Nederland.",
     ("LBY", "ITA", "NLD")),
])
def test_said_to_be_close(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a document issued by a mission abroad: the mission's city is no stop
    ("He came to Utrecht by train from Amsterdam, where he had come by bus from Warsaw. In Poland he had worked on a "
     "work visa issued by the Polish embassy in New Delhi. He had reached Poland by plane from Kathmandu.",
     ("NPL", "POL", "NLD")),
    ("Betrokkene was met de bus vanuit Turkije via Bulgarije naar Nederland gereisd. Hij had een werkvisum, afgegeven "
     "door het Italiaanse consulaat te Islamabad.",
     ("TUR", "BGR", "NLD")),
    # a hedged issuer
    ("KMar Schiphol, grensbewaking. De vreemdeling toonde een paspoort met een vals schengenvisum, zogenaamd afgegeven "
     "door Portugal. Hij verklaarde met een vlucht uit Accra via Casablanca te zijn gekomen.",
     ("GHA", "MAR", "NLD")),
    # outbound at a Dutch gate: the flight's destination is no stop
    ("KMar Schiphol, gatecontrole vlucht EI 605 naar Dublin. Betrokkene verklaarde dat hij in 2022 vanuit Libie via "
     "Italie naar Hamburg was gekomen en met de trein naar Amsterdam.",
     ("LBY", "ITA", "DEU", "NLD")),
])
def test_documents_and_outbound_flights(text, route):
    assert extract_route(text).route == route
