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
