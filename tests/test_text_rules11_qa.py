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
