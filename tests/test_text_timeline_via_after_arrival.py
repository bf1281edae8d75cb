"""An arrival told with the way it was reached after it: "Naar België was hij gekomen via Spanje en Frankrijk"."""

from routekit.text import extract_route


def test_dutch_arrival_then_the_countries_it_was_reached_through():
    text = ("Verd. verklaarde vanuit België met de trein naar Roosendaal te zijn gekomen. Naar België was hij gekomen "
            "via Spanje en Frankrijk, met de bus.")
    assert extract_route(text).route == ("ESP", "FRA", "BEL", "NLD")


def test_dutch_past_perfect_arrival_reached_via_a_country_told_after_it():
    text = ("Hij stapte in Parijs in de Thalys naar Amsterdam. Hij was in Frankrijk aangekomen via Italië, waar hij uit "
            "Libië per boot aankwam.")
    assert extract_route(text).route == ("LBY", "ITA", "FRA", "NLD")


def test_english_via_list_of_a_destination_told_in_an_earlier_sentence():
    text = ("She said she came to Venlo from Germany by train. She had arrived in Germany via Poland. Her journey "
            "began in Minsk, Belarus.")
    assert extract_route(text).route == ("BLR", "POL", "DEU", "NLD")


def test_a_place_boarded_or_reached_a_second_time_keeps_the_order_told():
    boarded = ("Hij reisde van Turkije naar Griekenland. In Thessaloniki stapte hij in de bestelbus, die via "
               "Noord-Macedonië en Servië naar Nederland reed.")
    assert extract_route(boarded).route == ("TUR", "GRC", "MKD", "SRB", "NLD")
    again = ("From Kabul I went to Iran, then to Turkey, Bulgaria and Serbia. In Hungary the police sent me back to "
             "Serbia. The second time I reached Hungary through Croatia. Then Austria and the Netherlands.")
    assert extract_route(again).route == ("AFG", "IRN", "TUR", "BGR", "SRB", "HUN", "HRV", "AUT", "NLD")
