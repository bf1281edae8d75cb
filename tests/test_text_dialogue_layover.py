"""The layover question list of document.yaml: plain words, matched folded (a hyphen and a space alike)."""

import pytest

from routekit.errors import InputError
from routekit.text import dialogue, document
from routekit.text.normalise import fold


@pytest.mark.parametrize("question", ["Was het een non-stop vlucht naar Amsterdam?",
                                      "Was het een non stop vlucht naar Amsterdam?"])
def test_a_hyphenated_layover_question_matches_written_either_way(question):
    text = f"V: {question} A: Nee, via Istanbul."
    assert "A: overgestapt in Istanbul" in dialogue.layover_answers(text, fold(text))


def test_a_question_about_no_direct_flight_is_left_alone():
    text = "V: Was het een vlucht naar Amsterdam? A: Nee, via Istanbul."
    assert dialogue.layover_answers(text, fold(text)) == text


def test_a_regex_fragment_in_the_layover_list_is_refused_naming_file_and_field(monkeypatch):
    real = document.cues()
    broken = {**real, "dialogue": {**real["dialogue"], "layover_question": ["direct", "non-?stop"]}}
    monkeypatch.setattr(document, "cues", lambda: broken)
    dialogue._layover.cache_clear()
    try:
        with pytest.raises(InputError) as refused:
            dialogue._layover()
        message = str(refused.value)
        assert "document.yaml" in message and "dialogue.layover_question" in message and "'non-?stop'" in message
    finally:
        dialogue._layover.cache_clear()
