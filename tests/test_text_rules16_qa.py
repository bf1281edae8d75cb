"""Round 16 (issue 16), interview transcripts: a presence question ("Bent u in Oostenrijk geweest?") whose answer neither
agrees nor denies and tells nothing of being there names no stop. Hand-written texts, Dutch and English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- "Bent u in X geweest? A: <neither yes nor no, nothing of a stay>": the answer does not confirm the country -------

@pytest.mark.parametrize("text, expected", [
    ("Q: Where did you enter Europe? A: In Italy, by boat to Lampedusa. Q: Have you been in Switzerland? A: Why do you "
     "ask me that? Q: How did you come to the Netherlands? A: By train from Milan via France.",
     ("ITA", "FRA", "NLD")),
    ("V: Waar kwam u Europa binnen? A: In Italië, met een boot naar Lampedusa. V: Bent u in Oostenrijk geweest? A: Dat "
     "heeft de smokkelaar geregeld, ik moest zwijgen. V: Hoe kwam u in Nederland? A: Met de trein uit Italië via "
     "Frankrijk.", ("ITA", "FRA", "NLD")),
])
def test_a_presence_question_the_answer_does_not_confirm_names_no_stop(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a stay told without a place name still confirms: time, a way, 'there', 'only'
    ("Q: Where did you enter Europe? A: In Italy, by boat to Lampedusa. Q: Have you been in Switzerland? A: We slept "
     "there in a park. Q: How did you come to the Netherlands? A: By train via Germany.",
     ("ITA", "CHE", "DEU", "NLD")),
    ("V: Waar kwam u Europa binnen? A: In Italië, met een boot naar Lampedusa. V: Bent u in Zwitserland geweest? A: "
     "Een paar dagen. V: Hoe kwam u in Nederland? A: Met de trein via Duitsland.", ("ITA", "CHE", "DEU", "NLD")),
    ("Q: Where did you enter Europe? A: In Italy, by boat to Lampedusa. Q: Have you been in Switzerland? A: Only the "
     "train station. Q: How did you come to the Netherlands? A: By train via Germany.",
     ("ITA", "CHE", "DEU", "NLD")),
])
def test_a_presence_question_answered_with_a_stay_keeps_the_country(text, expected):
    assert route(text) == expected


# --- a transcript that asks the journey's start in its last turn tells the story from its end back ------------------

@pytest.mark.parametrize("text, expected", [
    ("Q: How did you come to the Netherlands? A: By bus from Germany, in May 2023. Q: How did you get to Germany? A: From "
     "Austria, by train. Q: And Hungary? A: We were in a camp there for a month. Before that I was in Serbia. Q: Where "
     "did your journey begin? A: In Herat. I went to Iran and then to Turkey and Bulgaria.",
     ("AFG", "IRN", "TUR", "BGR", "SRB", "HUN", "AUT", "DEU", "NLD")),
    ("V: Hoe bent u in Nederland gekomen? A: Met de bus uit Duitsland, in mei 2023. V: Hoe kwam u in Duitsland? A: Vanuit "
     "Oostenrijk, met de trein. V: En Hongarije? A: Daar zaten we een maand in een kamp. Daarvoor was ik in Servië. "
     "V: Waar begon uw reis? A: In Herat. Ik ging naar Iran en daarna naar Turkije en Bulgarije.",
     ("AFG", "IRN", "TUR", "BGR", "SRB", "HUN", "AUT", "DEU", "NLD")),
    ("Q: How did you come to the Netherlands? A: By bus from Belgium. Q: How did you get to Belgium? A: From France, by "
     "train. Q: And Spain? A: I worked there for a year, in Murcia. Before that I was in Morocco. Q: Where did your "
     "journey begin? A: In Bamako. I went to Algeria first.", ("MLI", "DZA", "MAR", "ESP", "FRA", "BEL", "NLD")),
])
def test_the_start_asked_last_is_a_sign_of_a_story_told_backwards(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # told forward, the start asked at the end: the questions carry the story on, no reversal
    ("Q: How did you enter Europe? A: By boat to Greece, to Samos. Q: And then? A: By bus to North Macedonia and Serbia. "
     "Q: Then? A: Through Hungary to Austria, and by train to the Netherlands. Q: Where did your journey begin? A: In "
     "Aleppo. I walked to Turkey.", ("SYR", "TUR", "GRC", "MKD", "SRB", "HUN", "AUT", "NLD")),
])
def test_a_story_told_forward_with_the_start_asked_last_stays_forward(text, expected):
    assert route(text) == expected
