"""A flight stop after a departure is no leg's end: "naar Istanbul vanuit Teheran met een overstap in Bakoe"."""

from routekit.text import extract_route, order_model


def test_dutch_leg_told_arrival_first_keeps_its_arrival_past_a_flight_stop():
    text = ("Hij kwam met de trein uit Duitsland naar Venlo. Naar Duitsland was hij gevlogen vanuit Istanbul, en naar "
            "Istanbul vanuit Teheran met een overstap in Bakoe.")
    assert extract_route(text).route == ("IRN", "AZE", "TUR", "DEU", "NLD")


def test_english_leg_told_arrival_first_keeps_its_arrival_past_a_stopover():
    text = ("She came to Schiphol from Madrid. She had flown to Madrid from Lima, and to Lima from Caracas with a "
            "stopover in Bogota.")
    # the rules' timeline alone: the round-14 order stage moves Peru to the front here (a known error of the stage,
    # closing note of session 14), which is not what this test is about
    with order_model.using(order_model.stored_model()._replace(enabled=False)):
        assert extract_route(text).route == ("VEN", "COL", "PER", "ESP", "NLD")


def test_a_departure_with_only_a_flight_stop_after_it_still_leads_there():
    text = ("Subject, Iraqi national, arrived from Doha. He had flown from Baghdad, changed planes in Doha and showed a "
            "false permit at Schiphol.")
    assert extract_route(text).route == ("IRQ", "QAT", "NLD")


def test_a_flight_stop_told_after_the_first_leg_from_the_start_goes_before_its_destination():
    dutch = ("V: Hoe kwam u in Nederland? A: Met de bus uit Duitsland. V: En daarvoor? A: Hongarije en Oostenrijk. "
             "V: Hoe kwam u in Hongarije? A: Lopend uit Servië. V: Waar begon het? A: Ik ben in Lahore vertrokken, met "
             "een vlucht naar Belgrado, overstap in Dubai.")
    assert extract_route(dutch).route == ("PAK", "ARE", "SRB", "HUN", "AUT", "DEU", "NLD")
    english = ("Q: How did you come to the Netherlands? A: By bus from Germany. Q: And before? A: Hungary, two weeks. "
               "Q: How did you enter Hungary? A: On foot from Serbia. Q: Where did the journey start? A: I left Karachi "
               "with a flight to Belgrade, changing planes in Istanbul.")
    assert extract_route(english).route == ("PAK", "TUR", "SRB", "HUN", "DEU", "NLD")


def test_a_departure_in_a_clause_that_goes_on_with_and_starts_a_leg_of_its_own():
    text = ("Ik vloog van Conakry naar Casablanca, toen met de bus naar Nador en over het hek van Melilla. Van Málaga nam "
            "ik de bus naar Nederland.")
    assert extract_route(text).route == ("GIN", "MAR", "ESP", "NLD")
