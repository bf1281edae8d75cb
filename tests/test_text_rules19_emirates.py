"""Round 19: "Naar X ben ik gegaan vanuit Y" / "I went to X from Y" - a told move into X whose source Y is named after
it (the known error of round 18, ``test_text_order_from_link.py``'s Emirates example).

Traced: the rules read SYR>ARE>NLD; the learned order stage turned the pair round (ARE>SYR: the Emirates lie farther
from the Netherlands, and a flight home from Syria is shorter), against ``from_link`` (Syria told with "vanuit" in
the sentence that tells the Emirates reached); ``extraction._named_before_the_start`` then dropped the Emirates as a
country only named before the start. The stage now keeps a pair the text links with a source word in the told order
(``order_model.linked_pairs``): the source word tells which of the two came first, geography does not overrule it.

Texts written for these tests (not taken from any set)."""

from __future__ import annotations

import random

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


def _case(text: str) -> order_model.Case:
    with order_model.recording() as rows:
        extract_route(text)
    return rows[-1][1]


def test_linked_pairs_are_the_pairs_told_with_a_source_word():
    case = _case("Naar de Verenigde Arabische Emiraten ben ik gegaan vanuit Syrië. Daarna naar Nederland.")
    assert order_model.linked_pairs(case) == frozenset({("SYR", "ARE")})
    # a source word in another sentence links nothing
    case = _case("Ik ben in Turkije geweest. Daarvoor ben ik vanuit Iran vertrokken. Toen naar Nederland.")
    assert order_model.linked_pairs(case) == frozenset()


def test_a_linked_pair_stays_whatever_the_weights():
    # weights that turn every pair round: the linked one stays, the others may move
    case = _case("Naar Oman ben ik gegaan vanuit Jemen. Toen ben ik naar Turkije gevlogen, met de boot naar "
                 "Griekenland en met de bus naar Nederland.")
    assert case.countries == ("YEM", "OMN", "TUR", "GRC")
    weights = tuple(-5.0 if name == "rules" else 0.0 for name in order_model.PAIR_FEATURES)
    order, _ = order_model.decide(case, order_model.Model(True, weights, 0.0))
    assert order != case.countries
    assert order.index("YEM") < order.index("OMN")


def test_the_fast_path_keeps_the_linked_pairs_as_the_candidates_scored_afresh():
    # random log odds and linked pairs: the O(1) moves choose what scoring every candidate afresh chooses
    generator = random.Random(19)
    countries = ("SYR", "ARE", "TUR", "GRC", "BGR")
    for _ in range(300):
        n = generator.randint(2, len(countries))
        names = countries[:n]
        z = [[generator.uniform(-4, 4) for _ in range(n)] for _ in range(n)]
        logit = {(a, names[j]): z[i][j] for i, a in enumerate(names) for j in range(i + 1, n)}
        held = frozenset(pair for pair in logit if generator.random() < 0.3)
        first = {c: generator.randint(0, 100) for c in names}
        flown = frozenset(c for c in (*names, "NLD") if generator.random() < 0.3)
        model = order_model.Model(True, tuple(0.0 for _ in order_model.PAIR_FEATURES), generator.uniform(-1, 2),
                                  0.9, 1.7, 0.6)
        slow, slow_margin = order_model._best(names, logit, first, flown, model, None, held)
        fast, fast_margin = order_model._fast_best(names, z, order_model._text_order(names, first), flown, model,
                                                   None, held)
        assert fast == slow
        for a, b in held:
            assert slow.index(a) < slow.index(b)
        if slow_margin > model.margin:
            assert fast_margin == pytest.approx(slow_margin, abs=1e-9)
        else:
            assert slow_margin - 1e-9 <= fast_margin <= model.margin + 1e-9
