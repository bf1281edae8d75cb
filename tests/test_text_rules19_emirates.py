"""Round 19: "Naar X ben ik gegaan vanuit Y" / "I went to X from Y" - a told move into X whose source Y is named after
it (the known error of round 18, ``test_text_order_from_link.py``'s Emirates example).

Traced: the rules read SYR>ARE>NLD; the learned order stage turned the pair round (ARE>SYR: the Emirates lie farther
from the Netherlands, and a flight home from Syria is shorter), against ``from_link`` (Syria told with "vanuit" in
the sentence that tells the Emirates reached); ``extraction._named_before_the_start`` then dropped the Emirates as a
country only named before the start. Now, when the stage puts first a country ``_named_before_the_start`` would drop
and the text tells it reached from the next one (a sentence telling the first after a destination word and without a
source word, the next with one: ``extraction._reached_from_the_next``), the stage turned a told leg round: it is undone,
the order given to it stands, and ``learned_change`` is read after the undo (review 19 items 1 and 3; item 2, undoing
such a turn where nothing would be dropped, broke 3 train rows and is not done: its texts are kept as known errors).

Tried and dropped: the stage holding every pair ``from_link`` links (train 1 fixed / 15 broken: sentences of several
countries, a country reached and left in one), or only a two-country sentence whose source is named after the
destination (train 0 / 3).

Texts written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from routekit.text import order_model
from routekit.text.extraction import extract_route


def _route(text: str) -> str:
    return ">".join(extract_route(text).route)


# the destination farther from the Netherlands than the source: the journey term and ``farther`` favour turning them
TOLD_FROM = [
    ("Naar de Verenigde Arabische Emiraten ben ik gegaan vanuit Syrië. Daarna ben ik naar Nederland gevlogen.",
     "SYR>ARE>NLD"),
    ("Naar de Verenigde Arabische Emiraten ben ik gegaan vanuit Libanon. Daarna ben ik doorgereisd naar Amsterdam "
     "Schiphol.", "LBN>ARE>NLD"),
    ("Naar Oman ben ik gegaan vanuit Syrië. Daarna ben ik doorgereisd naar Amsterdam Schiphol.", "SYR>OMN>NLD"),
    ("Naar Qatar ben ik gegaan vanuit Syrië. Daarna ben ik doorgereisd naar Amsterdam Schiphol.", "SYR>QAT>NLD"),
    ("Naar Soedan ben ik gegaan vanuit Egypte. Daarna ben ik doorgereisd naar Amsterdam Schiphol.", "EGY>SDN>NLD"),
    ("I went to the United Arab Emirates from Lebanon. Then I travelled on to Amsterdam Schiphol.", "LBN>ARE>NLD"),
    ("I went to Oman from Syria. After a year I flew to the Netherlands.", "SYR>OMN>NLD"),
    ("I went to Saudi Arabia from Jordan. After a year I flew to the Netherlands.", "JOR>SAU>NLD"),
    # inside longer routes
    ("Naar de Verenigde Arabische Emiraten ben ik gegaan vanuit Syrië. Daarna vloog ik naar Turkije en met de boot "
     "naar Griekenland. Met de trein kwam ik in Nederland.", "SYR>ARE>TUR>GRC>NLD"),
    ("Naar Oman ben ik gegaan vanuit Jemen. Toen ben ik naar Turkije gevlogen, met de boot naar Griekenland en met de "
     "bus naar Nederland.", "YEM>OMN>TUR>GRC>NLD"),
    ("I went to the United Arab Emirates from Syria. From there I flew to Turkey, took a boat to Greece and a bus to "
     "the Netherlands.", "SYR>ARE>TUR>GRC>NLD"),
    ("I went to Sudan from Egypt. Then I went to Libya by car, to Italy by boat and by train to the Netherlands.",
     "EGY>SDN>LBY>ITA>NLD"),
]


@pytest.mark.parametrize("text, expected", TOLD_FROM)
def test_a_move_told_with_its_source_after_it_keeps_the_source_first(text, expected):
    assert _route(text) == expected


def test_the_emirates_example_of_round_18():
    text = ("Naar de Verenigde Arabische Emiraten ben ik gegaan vanuit Syrië. Daarna ben ik doorgereisd naar Amsterdam "
            "Schiphol.")
    assert _route(text) == "SYR>ARE>NLD"


@pytest.fixture
def turning_stage(monkeypatch):
    """An order stage that turns every pair of the rules' route round (weights against the rules' order)."""
    stored = order_model.stored_model()
    weights = tuple(-5.0 if name == "rules" else 0.0 for name in order_model.PAIR_FEATURES)
    model = stored._replace(weights=weights, margin=0.0, words=None)
    monkeypatch.setattr(order_model, "stored_model", lambda: model)


def test_a_country_reached_from_the_next_is_not_dropped_when_the_stage_puts_it_first(turning_stage):
    # the stage puts Oman first; the text tells Oman reached from Syria: the order given to the stage stands
    assert _route("Naar Oman ben ik gegaan vanuit Syrië. Daarna ben ik doorgereisd naar Nederland.") == "SYR>OMN>NLD"
    assert _route("I came to Oman from Syria. Then I went on to the Netherlands.") == "SYR>OMN>NLD"
    # a country only named and put first by the stage is still dropped
    # (``test_text_rules17_origin.test_a_country_only_named_put_first_by_the_order_stage_is_no_stop``)
    assert _route("Het rapport noemt Canada. Hij vertrok uit Syrië naar Turkije. Met een boot naar Griekenland en "
                  "met het vliegtuig naar Amsterdam.") == "SYR>TUR>GRC>NLD"


# review 19 item 1: a first country only named in the sentence that tells the next one left is not reached
# (``_reached_from_the_next`` asks for a destination word right before it, ``_moved_to``)
NAMED_WITH_THE_NEXT_LEFT = [
    ("The report mentions Canada and that he left Syria. He travelled to Turkey. By boat to Greece and by plane to "
     "Amsterdam.", "SYR>TUR>GRC>NLD"),
    ("Het dossier noemt Canada en dat hij uit Syrië vertrok. Hij reisde naar Turkije en met een boot naar "
     "Griekenland. Met het vliegtuig naar Amsterdam.", "SYR>TUR>GRC>NLD"),
]


@pytest.mark.parametrize("text, expected", NAMED_WITH_THE_NEXT_LEFT)
def test_a_country_only_named_beside_the_next_left_is_no_stop(text, expected):
    assert _route(text) == expected


# review 19 item 2, a known error kept: the stage turned the told leg and no drop followed (another country reached in
# the first's sentence), so the stage's order stands. Undoing every such turn (the stage swapped the first two and the
# first is told reached from the next) put these right but broke 3 train rows and fixed none (train31 1, train49 2;
# tuned and plain unchanged): not adopted
_KNOWN = pytest.mark.xfail(strict=True, reason="review 19 item 2: the general undo broke 3 train rows, fixed none")
TURNED_WITH_ANOTHER_REACHED = [
    # right since round 20's refits (the order stage no longer turns this pair)
    ("Naar de Verenigde Arabische Emiraten ben ik gegaan vanuit Syrië, daarna ben ik naar Nederland gevlogen.",
     "SYR>ARE>NLD"),
    pytest.param("Naar Oman ben ik gegaan vanuit Syrië en daarna ben ik doorgereisd naar Amsterdam Schiphol.",
                 "SYR>OMN>NLD", marks=_KNOWN),
    pytest.param("I went to Oman from Syria and later to Turkey. From Turkey I took a boat to Greece and a bus to the "
                 "Netherlands.", "SYR>OMN>TUR>GRC>NLD", marks=_KNOWN),
]


@pytest.mark.parametrize("text, expected", TURNED_WITH_ANOTHER_REACHED)
def test_a_turned_leg_is_put_back_without_a_drop(text, expected):
    assert _route(text) == expected


# review 19 item 3: the stage undone is no learned change - the confidence of the same wording told in the rules' order
@pytest.mark.parametrize("turned, in_order", [
    ("Naar Oman ben ik gegaan vanuit Syrië. Daarna ben ik doorgereisd naar Amsterdam Schiphol.",
     "Ik ben vanuit Syrië naar Oman gegaan. Daarna ben ik doorgereisd naar Amsterdam Schiphol."),
])
def test_an_undone_turn_is_no_learned_change(turned, in_order):
    result = extract_route(turned)
    assert ">".join(result.route) == "SYR>OMN>NLD"
    assert result.features == extract_route(in_order).features
    assert result.confidence == pytest.approx(extract_route(in_order).confidence)
