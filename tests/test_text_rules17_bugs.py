"""Round 17 (bugs): defects left alone last round. Hand-written texts, Dutch and English."""
import pytest

from routekit.text import timeline
from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- a story told backwards: the last episode counts once, whether it opens with a 'before' and tells the start too ---

@pytest.mark.parametrize("text", [
    "Q: How did you come to the Netherlands? A: By train from Germany. Q: How did you get to Germany? A: From Austria. "
    "Q: Where did your journey begin? A: In Herat. Before that I was in Iran. Later I stayed in Italy for a month.",
    "V: Hoe kwam u in Nederland? A: Met de trein uit Duitsland. V: Hoe kwam u in Duitsland? A: Uit Oostenrijk. "
    "V: Waar begon uw reis? A: In Herat. Daarvoor was ik in Hongarije.",
])
def test_the_last_episode_is_one_piece_of_evidence_for_a_story_told_backwards(text, monkeypatch):
    # one leg told back (Austria -> Germany) and one episode (the last) that opens with a 'before' and tells the start:
    # two pieces of evidence, under the three that make a story told backwards
    seen = []
    real = timeline.told_backwards

    def spy(first_episode, legs, before_episodes, onward_episodes):
        seen.append(before_episodes)
        return real(first_episode, legs, before_episodes, onward_episodes)

    monkeypatch.setattr(timeline, "told_backwards", spy)
    extract_route(text)
    assert seen == [1]


# --- a leg-end name ("naar Martuba": Libya's town in another spelling) is not also a fuzzy match of another town ------

@pytest.mark.parametrize("text, expected", [
    ("I left Sudan and went by truck to Martuba, then by boat to Italy and by train to the Netherlands.",
     ("SDN", "LBY", "ITA", "NLD")),
    ("Ik reisde van Soedan naar Martuba en daarna met een boot naar Italië en met de trein naar Nederland.",
     ("SDN", "LBY", "ITA", "NLD")),
    ("We fled from Syria to Qaraqush and later to Turkey, Greece and the Netherlands.",
     ("SYR", "IRQ", "TUR", "GRC", "NLD")),
])
def test_a_leg_end_name_is_not_matched_again_as_a_misspelt_town(text, expected):
    assert route(text) == expected
