"""The order a transcript's questions ask for: "Before?", "En voor Hongarije?", "Na Oostenrijk?" (timeline.question_legs)."""

from routekit.text import extract_route
from routekit.text.normalise import fold
from routekit.text.timeline import Constraint, question_legs


def test_bare_before_and_then_questions_order_an_interview_told_from_the_middle():
    text = ("Q: Turkey? A: Two years in Istanbul. Q: Before? A: Iran, in Tabriz. Q: Before? A: Kabul. "
            "Q: After Turkey? A: Greece, by boat. Q: How? A: A rubber boat at night. Q: Then? A: A lorry to Italy. "
            "Q: And to here? A: Train.")
    assert extract_route(text).route == ("AFG", "IRN", "TUR", "GRC", "ITA", "NLD")


def test_dutch_questions_about_before_and_after_a_country_order_their_answers():
    text = ("V: Heeft u in Oostenrijk overnacht? A: Nee, alleen doorgereden in de auto. V: Waar kwam u vandaan toen u "
            "Oostenrijk inreed? A: Uit Hongarije, bij Győr. V: En voor Hongarije? A: Servië, drie maanden in Subotica. "
            "V: Na Oostenrijk? A: Duitsland, met de trein, en toen de bus naar Utrecht. V: Uw reis begon in Irak? "
            "A: Nee, in Syrië. Ik vloog van Damascus naar Belgrado.")
    assert extract_route(text).route == ("SYR", "SRB", "HUN", "AUT", "DEU", "NLD")


def test_english_from_where_and_after_questions_order_an_interview_that_opens_at_the_border():
    text = ("Q: Where did you enter the EU? A: Poland. Q: From where? A: From Belarus. The guards sent us back twice. "
            "Q: Where did you go after Poland? A: Germany by bus, then a train to here. Q: How did you get to Belarus? "
            "A: A flight from Baghdad to Minsk.")
    assert extract_route(text).route == ("IRQ", "BLR", "POL", "DEU", "NLD")


def test_question_legs_read_only_transcripts_and_skip_questions_about_going_back():
    assert question_legs(fold("He went to Austria. Before that Hungary."), [(11, "AUT", False), (33, "HUN", False)],
                         ["HUN", "AUT"]) == []
    folded = fold("V: Kwam u in Duitsland? A: Ja. V: Hoe kwam u terug in Duitsland? A: Uit Italie.")
    mentions = [(folded.index("duitsland"), "DEU", False), (folded.rindex("duitsland"), "DEU", False),
                (folded.index("italie"), "ITA", False)]
    assert question_legs(folded, mentions, ["DEU", "ITA"]) == []
    folded = fold("V: Was u in Griekenland? A: Ja. V: En voor Griekenland? A: Turkije.")
    mentions = [(folded.index("griekenland"), "GRC", False), (folded.rindex("griekenland"), "GRC", False),
                (folded.index("turkije"), "TUR", False)]
    assert question_legs(folded, mentions, ["GRC", "TUR"]) == [Constraint("TUR", "GRC", 5)]


def test_a_question_pointing_back_without_a_name_anchors_at_the_last_answer():
    text = ("Q: Your fingerprints were taken in Italy. A: Yes, on Lampedusa, two days. Q: How did you get to that island? "
            "A: From Sfax, in an iron boat. Q: And after Italy? A: A train to France, then my friend drove me to Rotterdam.")
    assert extract_route(text).route == ("TUN", "ITA", "FRA", "NLD")


def test_a_question_about_a_region_asks_about_its_own_answer_not_the_last_one():
    text = ("V: Heeft u in Libië gewerkt? A: Ja, elf maanden in Misrata. V: Hoe kwam u in Europa? A: Met een houten boot "
            "naar Lampedusa. V: En daarna? A: Met de trein via Zwitserland naar Utrecht. V: Waar begon de reis? A: In "
            "Dhaka, met een vlucht naar Dubai en Benghazi.")
    assert extract_route(text).route == ("BGD", "ARE", "LBY", "ITA", "CHE", "NLD")
