"""Question/answer transcripts: the question's country with the answer's polarity (routekit.text.dialogue)."""

import pytest

from routekit.text import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # a negative answer that still tells a passage keeps the question's country
    ("V: Hoe bent u gereisd? A: Vanuit Turkije met de boot naar Griekenland. V: Heeft u in Kroatië overnacht? "
     "A: Nee, alleen doorgereden. V: En daarna? A: Via Slovenië naar Oostenrijk en toen met de trein naar Nederland.",
     "TUR>GRC>HRV>SVN>AUT>NLD"),
    # an elliptic answer affirms the question's country
    ("Q: How did you travel? A: From Iran to Turkey on foot, then by boat to Greece. Q: And Slovakia? "
     "A: Only the train station. Q: Then? A: Austria, Germany, and by bus to the Netherlands.",
     "IRN>TUR>GRC>SVK>AUT>DEU>NLD"),
    # question and answer read as one sentence: 'voor' in the question orders the answer's country
    ("V: Bent u in België geweest? A: Nee. V: Hoe kwam u hier? A: Met de bus vanuit Frankrijk naar Nederland. "
     "V: En vóór Frankrijk? A: Italië.", "ITA>FRA>NLD"),
    # the start question asked last still gives the start
    ("V: Hoe kwam u hier? A: Vanuit Griekenland met het vliegtuig naar Nederland. V: En daarvoor? A: Turkije. "
     "V: Waar begon uw reis? A: In Herat.", "AFG>TUR>GRC>NLD"),
    # a departure in the answer pairs with the arrival in the question
    ("Q: How did you get to Serbia? A: From Bulgaria, by bus. Q: And after Serbia? A: Hungary, Austria, then the "
     "Netherlands.", "BGR>SRB>HUN>AUT>NLD"),
])
def test_answers_decide_the_questions_countries(text, expected):
    assert route(text) == expected


def test_no_to_a_presence_question_removes_the_country_everywhere():
    text = ("V: Bent u in Duitsland geweest? A: Nee, nooit. V: Hoe kwam u in Nederland? "
            "A: Van Italië naar Frankrijk, daarna met de trein door Duitsland naar Nederland.")
    assert route(text) == "ITA>FRA>NLD"


def test_no_to_a_detail_question_drops_only_the_question():
    text = ("V: Heeft u asiel aangevraagd in Oostenrijk? A: Nee. V: Hoe bent u gereisd? "
            "A: Uit Hongarije met de trein naar Oostenrijk en daarna naar Nederland.")
    assert route(text) == "HUN>AUT>NLD"


def test_an_answered_question_about_coming_to_the_netherlands_ends_in_nld():
    assert route("V: Hoe bent u naar Nederland gekomen?\nA: Van Syrië naar Turkije.") == "SYR>TUR>NLD"


def test_a_plain_no_denies_the_question():
    assert route("Q: Did you go through Greece? A: No, we never went there. From Turkey we walked into Bulgaria, "
                 "then by car to Serbia and by bus to the Netherlands.") == "TUR>BGR>SRB>NLD"
