"""Round 12, speed: the short cuts give what the plain forms give (hand-written texts, Dutch and English)."""

from __future__ import annotations

import math

import pytest

from routekit.text import calibration, extract_route
from routekit.text.calibration import FLAG_TEXTS, coefficients, feature_vector, flags, probability
from routekit.text.extraction import _in_the_netherlands
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold
from routekit.text.vocabulary import vocabulary


@pytest.mark.parametrize("text", [
    "V: Hoe bent u hier gekomen?\nA: Met de trein vanuit Duitsland hier gekomen.",
    "Q: Did you come here by train?\nA: No. From Vienna I came here with a coach.",
    "Vanuit Berlijn ben ik met de bus hier gekomen.",
])
def test_the_question_spans_given_by_the_caller_decide_as_those_found_again(text):
    folded = fold(text)
    language = "en" if text.startswith("Q") or text.startswith("From") else "nl"
    vocab = vocabulary(language)
    cues = vocab.spans(folded, tokenize(folded))
    questions = vocab.ignored_spans(folded)
    assert _in_the_netherlands(folded, cues, vocab, questions) == _in_the_netherlands(folded, cues, vocab)


def test_the_probability_is_the_logistic_of_every_weighted_feature_in_order():
    intercept, weights = coefficients()
    for counts in ({"legs": 3.0, "sentences": 4.0}, {"legs": 1.0, "no_netherlands": 1.0}, {}):
        values = feature_vector(counts)
        score = intercept + sum(w * values[i] for i, w in enumerate(weights) if w)
        assert probability(values) == calibration.logistic_confidence(score)
        assert 0.0 < probability(values) < 1.0 and not math.isnan(probability(values))


def test_a_flag_is_a_named_count_that_is_not_zero():
    first, second = list(FLAG_TEXTS)[:2]
    assert flags({first: 1.0, second: 0.0, "not_a_flag": 1.0}) == (first,)
    assert flags({}) == ()


@pytest.mark.parametrize("text, route", [
    # two countries abroad with years: too few to order by date (the year scans are skipped), the told order stays
    ("In 2019 ben ik uit Eritrea vertrokken. In 2021 kwam ik in Soedan. Daarna naar Nederland.",
     ("ERI", "SDN", "NLD")),
    # three countries abroad, each with its own year, told out of order: the dates order them
    ("In maart 2022 kwam ik in Libie aan. In januari 2018 ben ik uit Eritrea vertrokken. In juni 2020 was ik in "
     "Soedan. Daarna met de boot naar Italie en met de trein naar Nederland.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
])
def test_dates_order_a_route_only_with_three_dated_countries_abroad(text, route):
    assert extract_route(text).route == route
