"""Round 14, the order stage's start prior (``order_model.start_first``, ``Model.keep_start``): a route whose first
country the text tells as where the journey began keeps it first; a leg's "vanuit X" alone is no start, nor is a
first country when the text tells another one as a start too."""

import argparse
import random

import pytest

from routekit.text import order_model as om
from routekit.text.extraction import extract_route
from learned_helpers import load_fit_script


def _text_order_model(keep_start: bool) -> om.Model:
    """A stage that follows the text's order whatever the rules say (so that it would move a start told late)."""
    weights = tuple(6.0 if name == "text_first" else 0.0 for name in om.PAIR_FEATURES)
    return om.Model(True, weights, 0.0, 1.0, 0.0, 0.0, keep_start=keep_start)


def _routes(text: str) -> tuple[tuple, tuple]:
    """The route with the stage moving freely and with the start prior."""
    with om.using(_text_order_model(False)):
        free = extract_route(text).route
    with om.using(_text_order_model(True)):
        kept = extract_route(text).route
    return free, kept


@pytest.mark.parametrize("text, start", [
    ("Over land kwam ik via Bulgarije en Roemenie naar Nederland. Mijn reis begon in Afghanistan.", "AFG"),
    ("We went to Greece first and then on to Italy. I had lived in Iran before, where my journey started. Then by "
     "train to the Netherlands.", "IRN"),
    ("V: Welke landen heeft u gezien? A: Turkije en Griekenland. V: Waar begon uw reis? A: In Pakistan. V: En daarna? "
     "A: Met de trein naar Nederland.", "PAK"),
])
def test_a_start_told_late_stays_first(text, start):
    free, kept = _routes(text)
    assert free[0] != start            # the stage alone would move it (it is told after the others)
    assert kept[0] == start
    assert set(kept) == set(free) and kept[-1] == "NLD"


def test_a_legs_source_word_alone_is_no_start():
    # "vanuit Turkije" tells where a leg began, not the journey: the stage may still turn it round
    text = "Naar Griekenland ben ik gegaan vanuit Turkije. Daarna met de trein naar Nederland."
    free, kept = _routes(text)
    assert kept == free and kept[0] == "GRC"


def test_another_start_told_lets_the_stage_move_the_first():
    # Iraq lived in and Iran where the journey began: two starts, the prior does not decide between them
    text = "Via Turkije kwam ik naar Nederland. Ik woonde in Irak. Mijn reis begon in Iran."
    free, kept = _routes(text)
    assert kept == free and kept[0] != "IRN"


def test_the_prior_is_off_unless_stored():
    assert om.Model(True, (0.0,) * len(om.PAIR_FEATURES), 0.0).keep_start is False


def test_kept_first_candidates_and_the_fast_path_agree():
    generator = random.Random(14)
    countries = ("AFG", "IRN", "TUR", "GRC", "MKD")
    first = {c: generator.randrange(100) for c in countries}
    flown = frozenset({"TUR"})
    for _ in range(200):
        logit = {(a, b): generator.uniform(-3, 3) for i, a in enumerate(countries) for b in countries[i + 1:]}
        z = [[logit.get((a, b), 0.0) for b in countries] for a in countries]
        model = om.Model(True, (0.0,) * len(om.PAIR_FEATURES), generator.choice((-100.0, 0.0, 1.0)), 1.0,
                         generator.uniform(0, 2), generator.uniform(0, 1), keep_start=True)
        orders = [order for order, *_ in om._scored(countries, logit, first, flown, None, True)]
        assert all(order[0] == "AFG" for order in orders) and len(orders) > 1
        slow = om._best(countries, logit, first, flown, model, None, True)
        fast = om._fast_best(countries, z, om._text_order(countries, first), flown, model, None, True)
        assert fast[0] == slow[0] and fast[0][0] == "AFG"
        if slow[1] > model.margin:
            assert fast[1] == pytest.approx(slow[1], abs=1e-9)


def test_keep_start_is_stored_and_read(tmp_path):
    model = om.Model(True, (0.5,) * len(om.PAIR_FEATURES), 2.0, keep_start=True)
    path = tmp_path / "order.yaml"
    om.write_model(path, model, {"sets": []})
    assert om.read_model(path).keep_start is True
    om.write_model(path, model._replace(keep_start=False), {"sets": []})
    assert "keep_start" not in path.read_text() and om.read_model(path).keep_start is False
    path.write_text(path.read_text() + "keep_start: maybe\n")
    with pytest.raises(om.OrderModelError, match="keep_start"):
        om.read_model(path)


def test_the_fit_keeps_the_start_only_when_asked():
    script = load_fit_script("text_order_fit")
    assert script.keeps_start(argparse.Namespace()) is False   # options built by hand, an old fit's record
    assert script.keeps_start(argparse.Namespace(keep_start=True)) is True
