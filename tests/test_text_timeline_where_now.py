"""Where the speaker of a quoted statement is now comes after what the statement tells as passed; and the timeline
pulls a country's earlier ones in the text's order."""

from routekit.text import extract_route
from routekit.text.timeline import Constraint, solve


def test_a_voice_message_telling_where_its_speaker_is_now_dutch():
    text = ("Vertaling van een spraakbericht: 'Zus, ik ben nu in Boedapest, in een hostel. Een man heeft ons vanuit "
            "Servië over de grens gebracht. Voor Servië waren we in Bulgarije, bij Sofia.' Betrokkene bevestigt dat hij "
            "daarna met de trein naar Nederland reisde.")
    assert extract_route(text).route == ("BGR", "SRB", "HUN", "NLD")


def test_a_voice_message_telling_where_its_speaker_is_now_english_with_a_plan_after_it():
    text = ("Translation of a message on the applicant's phone: 'Mother, we are now in Italia, in a camp near Bari. "
            "From Tripoli we went by boat, three days. Before Libya we were in Sudan for a year.' The applicant said he "
            "later took the train from Italy through France to the Netherlands.")
    assert extract_route(text).route == ("SDN", "LBY", "ITA", "FRA", "NLD")
    planned = ("Vertaling van een spraakbericht: 'Zus, ik ben nu in Boedapest, in een hostel. Een man heeft ons vanuit "
               "Servië over de grens gebracht. Ik ga morgen met de trein naar Wenen.' Betrokkene bevestigt dat hij "
               "daarna met de trein via Oostenrijk naar Nederland reisde.")
    assert extract_route(planned).route == ("SRB", "HUN", "AUT", "NLD")


def test_solve_pulls_the_earlier_countries_of_one_country_in_the_base_order():
    route = ["TUR", "BGR", "AUT", "SRB", "HUN"]
    constraints = [Constraint("HUN", "AUT", 3), Constraint("SRB", "AUT", 3)]
    assert solve(route, constraints) == ["TUR", "BGR", "SRB", "HUN", "AUT"]
