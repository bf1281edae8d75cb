"""The stop verifier reads a country the text tells the person went to ("Daarna ben ik naar Griekenland gegaan",
"After that I travelled to Spain") as told, like a told mode of travel: ``keep_told`` never removes it. Round 12's
refit removed such plain legs of the demo's narratives (switch-on rule (d)); a question's mention and a move after
the arrival here are not read so."""
import pytest

from learned_helpers import verifier_hook_inputs
from routekit.text import verifier
from routekit.text.extraction import extract_route

N = len(verifier.FEATURE_NAMES)
# a stage that doubts every stop (p = logistic(-3) everywhere) and keeps only told ones
DOUBTS_ALL = verifier.Model(True, (-3.0, (0.0,) * N), (0.0, (0.0,) * N), 0.35, 1.0, keep_told=True)

LEGS_NL = ("Betrokkene is afkomstig uit Syrie. Daarna is hij naar Turkije gegaan. Vervolgens reisde hij verder "
           "naar Griekenland. Uiteindelijk kwam hij met het vliegtuig in Nederland aan.")
LEGS_EN = ("I come from Herat. After that I travelled to Iran. Later we crossed the border into Turkey. "
           "Eventually I arrived by plane in the Netherlands.")
# asked how the person came here first (an arrival here before any stop: the journey's gist, not its end); "left
# for", "arrived in"
ASKED_FIRST = ("Q: How did you travel to the Netherlands? A: I left Sylhet in May. After a week I left for the United "
               "Arab Emirates. Eventually I arrived in Egypt. Then I went on to the Netherlands.")


def _reached(text: str) -> frozenset:
    (route, states, mode_of, dialogue, genre, language, length, words_of), = verifier_hook_inputs([text])
    return dialogue.reached


@pytest.mark.parametrize("text, told", [(LEGS_NL, {"TUR", "GRC"}), (LEGS_EN, {"IRN", "TUR"}),
                                        (ASKED_FIRST, {"ARE", "EGY"})])
def test_a_country_told_as_gone_to_is_read_as_told(text, told):
    assert told <= _reached(text)


@pytest.mark.parametrize("text, kept", [(LEGS_NL, ["TUR", "GRC", "NLD"]), (LEGS_EN, ["IRN", "TUR", "NLD"])])
def test_a_stage_that_doubts_every_stop_keeps_the_legs_told(text, kept):
    with verifier.using(DOUBTS_ALL):
        route = list(extract_route(text).route)
    assert [country for country in route if country in kept] == kept


def test_a_question_or_a_move_after_the_arrival_is_not_read_as_gone_to():
    asked = ("V: Bent u ooit naar Spanje gegaan? A: Ja, een week, daarna met de bus naar Frankrijk en verder naar "
             "Nederland.")
    assert "ESP" not in _reached(asked)
    later = ("Hij reisde via Turkije en Griekenland per vliegtuig naar Amsterdam. Na een afwijzing vertrok hij naar "
             "Denemarken en kwam later terug.")
    assert "DNK" not in _reached(later)
