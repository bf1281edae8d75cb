"""The shortcuts of the sixth speed round give what the plain computation gives (issue 15, 2,000 narratives/s).

Each shortcut skips work that cannot change the answer (a cue test only for a cue that governs a mention, a regex
search only when one of its words is in the text); these tests hold it to the plain form on real narratives and on
each listed word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from routekit.text import timeline
from routekit.text.dialogue import EMPTY as NO_DIALOGUE
from routekit.text.extraction import _YEARS, _after_place_noun, _cue_scopes, _governed_by, _is_year
from routekit.text.gazetteer import _matcher as place_matcher
from routekit.text.gazetteer import Mention, find_places
from routekit.text.legmodes import mode_spans
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold, segment
from routekit.text.vocabulary import CLAUSE_BREAK, MODE_PREFIX, vocabulary

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    return [text for text in frame["text"] if text]


def test_departure_scope_equals_the_filtered_cues_governing(texts):
    """Departures: the cues not after a place noun and not ending a 'home' cue, governing as ``_governed_by`` says."""
    vocab = vocabulary("nl")
    checked = 0
    for text in texts:
        folded = fold(text)
        tokens = tokenize(folded)
        cues = vocab.spans(folded, tokens)
        if "departure" not in cues:
            continue
        mentions = find_places(text, folded, tokens, vocab.words)
        segments = segment(folded, [start for start, _ in cues.get(CLAUSE_BREAK, [])], [])
        home_ends = {end for _, end in cues.get("home", [])}
        plain = [span for span in cues["departure"]
                 if not _after_place_noun(folded, span[0], vocab) and span[1] not in home_ends]
        expected = _governed_by(plain, folded, [m.start for m in mentions])
        assert _cue_scopes(folded, mentions, cues, vocab, segments, NO_DIALOGUE).departed == expected
        checked += bool(expected)
    assert checked > 100


def test_going_back_is_searched_whenever_it_can_match(texts):
    """``may_go_back`` is True for every text in which ``going_back`` matches, and for each listed phrase."""
    pattern = timeline.going_back()
    folded_texts = [fold(text) for text in texts]
    matching = [folded for folded in folded_texts if pattern.search(folded)]
    assert matching and all(timeline.may_go_back(folded) for folded in matching)
    for phrase in timeline._order_words()["going_back"]:
        sentence = "uit duitsland werd hij " + fold(str(phrase)) + " naar italie"
        assert pattern.search(sentence) and timeline.may_go_back(sentence), phrase
    assert not timeline.may_go_back("van libie met de boot naar italie en met de trein naar nederland")


def test_constraint_reads_and_compares_by_field():
    constraint = timeline.Constraint("AAA", "BBB", timeline.LEG)
    assert (constraint.earlier, constraint.later, constraint.weight) == ("AAA", "BBB", timeline.LEG)
    assert constraint == timeline.Constraint(earlier="AAA", later="BBB", weight=timeline.LEG)
    assert timeline.solve(["BBB", "AAA"], [constraint]) == ["AAA", "BBB"]


def test_find_longest_is_the_leftmost_longest_of_find(texts):
    """Place names: at each uncovered token the longest of ``find``'s matches (the first phrase on a tie); the
    one-word shortcut (``_Choice.singles``) included."""
    matcher = place_matcher()
    checked = 0
    for text in texts:
        tokens = tokenize(fold(text))
        expected, covered, best = [], 0, {}
        for first, last, payload in matcher.find(tokens):
            if first not in best or last > best[first][0]:
                best[first] = (last, payload)
        for first in sorted(best):
            if first >= covered:
                expected.append((first, *best[first]))
                covered = best[first][0]
        assert matcher.find_longest(tokens) == expected
        checked += len(expected)
    assert checked > 1000


def test_found_places_are_whole_mentions(texts):
    """``find_places`` makes its exact mentions with ``tuple.__new__`` (``_new_mention``): each is a ``Mention`` of four
    fields, equal to the one its constructor makes, not fuzzy."""
    vocab = vocabulary("nl")
    found = 0
    for text in texts[:300]:
        folded = fold(text)
        for mention in find_places(text, folded, tokenize(folded), vocab.words):
            assert type(mention) is Mention and len(mention) == 4
            assert mention == Mention(mention.start, mention.end, mention.place, mention.fuzzy)
            assert mention.fuzzy in (False, True) and text[mention.start:mention.end]
            found += not mention.fuzzy
    assert found > 500


def test_year_scans_give_the_years_is_year_accepts(texts):
    """``_YEARS`` leaves out the year of a numeric date by its look-behind; the years ``_is_year`` accepts are those the
    plain scans give."""
    plain = (re.compile(r"19[5-9]\d\b"), re.compile(r"20\d\d\b"))
    samples = [fold(text) for text in texts] + ["16 03 2025", "05.03.2024 in 2019", "a2019 1999", "3 2019.", "in 1950",
                                                "2020 2021", "x 1 2022", "12-03-2019", "\u0663 2019", "op 1.2020"]
    years = 0
    for folded in samples:
        expected = [m.start() for pattern in plain for m in pattern.finditer(folded) if _is_year(folded, m.start())]
        got = [m.start() for _, pattern in _YEARS for m in pattern.finditer(folded) if _is_year(folded, m.start())]
        assert got == expected, folded
        years += len(got)
    assert years > 100


def test_mode_spans_are_the_outermost_mode_phrases_in_text_order(texts):
    """``mode_spans`` (its cue names' modes kept in a dictionary): every mode cue's span, by start and longest first,
    less those inside a phrase kept before."""
    vocab = vocabulary("nl")
    checked = 0
    for text in texts:
        folded = fold(text)
        cues = vocab.spans(folded, tokenize(folded))
        found = sorted(((start, end, key[len(MODE_PREFIX):]) for key, spans in cues.items()
                        if key.startswith(MODE_PREFIX) for start, end in spans), key=lambda s: (s[0], s[0] - s[1]))
        expected = []
        for span in found:
            if not expected or span[0] >= expected[-1][1]:
                expected.append(span)
        assert mode_spans(cues) == expected
        checked += len(expected)
    assert checked > 500
    assert mode_spans({"departure": [(0, 4)], MODE_PREFIX + "bus": [(10, 13), (5, 20)]}) == [(5, 20, "bus")]
