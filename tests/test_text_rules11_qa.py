"""Round 11 (issue 15), transcripts: kinds of order and extra-country errors read across the tuned sets' Q/A rows.
Hand-written texts, Dutch and English."""
from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- sent or pushed back to a country: it came before the one the person was sent back from -------------------------

def test_dutch_pushback_to_a_country_puts_it_before_the_country_left():
    text = ("V: Bent u in Kroatie geweest? A: Ja. De Kroatische politie heeft ons drie keer teruggeduwd naar Bosnie. "
            "V: Hoe kwam u in Bosnie? A: Vanuit Servie, lopend. V: En na Kroatie? A: Slovenie en Oostenrijk, daarna "
            "met de trein naar Nederland.")
    assert route(text) == ("SRB", "BIH", "HRV", "SVN", "AUT", "NLD")


def test_english_sent_back_to_a_country_puts_it_before_the_country_left():
    text = ("Q: Did you enter Greece? A: Yes. In Greece the police caught us and sent us back to Turkey. Q: And then? "
            "A: The second time we reached Athens and went on to North Macedonia. Q: How did you get to Turkey? "
            "A: By bus from Iran.")
    assert route(text) == ("IRN", "TUR", "GRC", "MKD", "NLD")


def test_coming_back_after_a_transfer_keeps_the_first_arrivals():
    # the country left was a second visit ("sent to Italy again", "naar Italie teruggestuurd"): coming back to
    # Germany orders nothing
    english = ("Q: How did you reach Italy? A: By boat from Libya, and then by train to Germany. In Germany I was "
               "sent to Italy again, but I came back to Germany and then to the Netherlands.")
    dutch = ("V: Waar was u in Duitsland? A: In Keulen. Uit Duitsland werd ik naar Italie teruggestuurd, maar ik kwam "
             "terug naar Duitsland en daarna naar Nederland. V: Hoe kwam u eerst in Italie? A: Met een boot uit "
             "Libie, daarna met de trein naar Duitsland.")
    assert route(english) == route(dutch) == ("LBY", "ITA", "DEU", "NLD")


def test_a_deportation_is_no_return_to_a_country_seen_before():
    # "uitgezet naar" / "deported to" may reach a country for the first time: no 'before' order from it
    text = ("Q: Where did you work? A: In Yemen for a year, then in Saudi Arabia, where I was deported to Ethiopia. "
            "Q: And then? A: From Addis Ababa I flew to Istanbul and came to the Netherlands by plane.")
    assert route(text)[:3] == ("YEM", "SAU", "ETH")


# --- a later journey asked about in a transcript: the question and its answer are cut (the route is the first) ------

def test_english_answer_to_the_second_time_question_is_cut_with_it():
    text = ("Q: Have you been in the Netherlands before? A: Yes, I first came in 2019, then I was transferred to Spain, "
            "and I came back in May. Q: Tell me about the first time. A: From Morocco by boat to Spain, then by bus "
            "through France to Utrecht. Q: And the second time? A: Spain, Italy, Switzerland and Germany, by train.")
    assert route(text) == ("MAR", "ESP", "FRA", "NLD")


def test_dutch_question_about_this_time_after_an_earlier_stay_is_the_later_journey():
    text = ("V: Bent u eerder in Nederland geweest? A: Ja, in 2017. V: Hoe bent u deze keer gekomen? A: Met de bus via "
            "Polen en Duitsland. V: En in 2017? A: Toen vloog ik van Kabul naar Istanbul en kwam ik met een boot in "
            "Griekenland; van Athene vloog ik naar Amsterdam.")
    assert route(text) == ("AFG", "TUR", "GRC", "NLD")


def test_english_and_this_time_after_the_first_journey_is_cut():
    text = ("Q: Is this the first time you are in the Netherlands? A: No, in 2020 I was here too, then I went back to "
            "Iraq. Q: How did you travel in 2020? A: From Erbil to Istanbul by plane, then a boat to Greece and a plane "
            "to Amsterdam. Q: And this time? A: I flew to Minsk and walked into Poland.")
    assert route(text) == ("IRQ", "TUR", "GRC", "NLD")


def test_a_this_time_question_telling_the_return_is_left_to_the_return_cut():
    # "En hoe kwam u deze keer terug?" tells the return: the departure before it (to Sweden) is cut with it
    text = ("V: Wanneer kwam u voor het eerst in Nederland? A: In 2015, met de trein uit Brussel. V: Hoe kwam u in "
            "Brussel? A: Ik vloog van Tunis naar Brussel. V: In 2019 bent u vertrokken? A: Ja, naar Zweden, daar "
            "afgewezen, en Zweden heeft mij teruggestuurd naar Tunesie. V: En hoe kwam u deze keer terug? A: Via "
            "Italie en Frankrijk met de trein.")
    assert route(text) == ("TUN", "BEL", "NLD")


def test_this_time_outside_a_question_cuts_nothing():
    # an attempt told in an answer ("this time it worked") is no later journey
    text = ("Q: Were you here before? A: No, this is the first time. Q: How did you cross into Croatia? A: The police "
            "sent us back to Bosnia twice; this time it worked, on foot. Then Slovenia and Italy by car, and the "
            "train to Amsterdam.")
    assert {"HRV", "SVN", "ITA"} <= set(route(text)) and route(text)[-1] == "NLD"


def test_yes_to_is_this_the_first_time_keeps_the_this_time_route():
    # review 11 M2: "first time" in a question answered "yes" tells no earlier journey, so "this time" is the only one
    english = ("Q: Was this the first time you left Syria? A: Yes. Q: What route did you take this time? A: Turkey, "
               "Greece, North Macedonia, Serbia, Hungary, Austria, Germany, then the Netherlands.")
    dutch = ("V: Is dit de eerste keer dat u in Nederland bent? A: Ja. V: Hoe bent u deze keer gereisd? A: Via "
             "Turkije, Griekenland, Servië, Hongarije en Oostenrijk naar Duitsland en toen naar Nederland.")
    assert route(english) == ("SYR", "TUR", "GRC", "MKD", "SRB", "HUN", "AUT", "DEU", "NLD")
    assert route(dutch) == ("TUR", "GRC", "SRB", "HUN", "AUT", "DEU", "NLD")


def test_a_later_journey_cut_that_leaves_no_country_is_not_made():
    # an earlier arrival asked and confirmed, but only the journey of now tells places: cutting it would leave nothing
    english = ("Q: Is this the first time you came? A: No. Q: How did you travel this time? A: From Eritrea through "
               "Sudan and Libya to Italy, then by train to the Netherlands.")
    dutch = ("V: Bent u al eerder in Nederland geweest? A: Ja. V: Hoe bent u deze keer gereisd? A: Van Eritrea via "
             "Soedan en Libie naar Italie, daarna met de trein naar Nederland.")
    assert route(english) == route(dutch) == ("ERI", "SDN", "LBY", "ITA", "NLD")
