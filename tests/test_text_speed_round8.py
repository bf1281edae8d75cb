"""Speed round 8 (issue 15): each shortcut gives what the plain computation gives."""

from __future__ import annotations

import re

import pytest

from text_samples import shortcut_texts as _texts


@pytest.mark.parametrize("words", [("came back", "come back", "back here", "weer naar", "weer", "terug"),
                                   ("a b", "b c", "c"), ("x",), ("", "y"), ()])
def test_cores_are_fewer_and_each_word_holds_one(words):
    from routekit.text.journeys import _cores

    cores = _cores(words)
    assert len(cores) <= len(words)
    assert all(any(core in word for core in cores) for word in words)


def test_the_return_gate_opens_for_the_texts_the_plain_gate_opens_for():
    from routekit.text.journeys import _lexicon
    from routekit.text.normalise import fold

    lexicon = _lexicon()
    assert len(lexicon.gate_cores) < len(lexicon.gate_words)
    texts = [fold(text) for text in _texts()] + ["he came back to the netherlands", "kwam weer naar nederland", "niets"]
    opened = 0
    for folded in texts:
        plain = any(word in folded for word in lexicon.gate_words)
        assert (any(core in folded for core in lexicon.gate_cores) and plain) == plain
        opened += plain
    assert opened > 10   # the sample tells returns


def test_a_move_back_in_a_legs_stretch_holds_a_first_word_there():
    """``_told_legs`` tests the words of ``going_back`` on the leg's stretch of text only: every match the leg's search
    can find (from the leg's start up to ``_clause_rest`` of its last end) lies in that stretch."""
    from routekit.text import timeline
    from routekit.text.extraction import _clause_rest
    from routekit.text.normalise import fold

    again = timeline.going_back()
    found = 0
    for folded in [fold(text) for text in _texts()] + ["hij werd naar italie teruggestuurd, daarna", "sent back to serbia."]:
        for match in again.finditer(folded):
            for low in range(max(0, match.start() - 40), match.start() + 1, 7):
                last_end = match.end() - 30 if match.end() > 30 else 0
                for end in range(last_end, match.end() + 1, 5):
                    if again.search(folded, low, _clause_rest(folded, end)):
                        found += 1
                        assert timeline.may_go_back(folded[low:end + 30])
    assert found > 50


def test_the_set_aside_mentions_are_those_of_the_six_reasons():
    from routekit.text.dialogue import EMPTY as NO_DIALOGUE
    from routekit.text.extraction import _cue_scopes, _SET_ASIDE_VALUES
    from routekit.text.gazetteer import find_places
    from routekit.text.matcher import tokenize
    from routekit.text.normalise import fold, segment
    from routekit.text.vocabulary import CLAUSE_BREAK, vocabulary

    texts = _texts() + ["Hij is teruggestuurd naar Bulgarije en misschien naar Servie.", "His cousin is in Sweden now."]
    nonempty = 0
    for text in texts:
        folded = fold(text)
        tokens = tokenize(folded)
        vocab = vocabulary("nl" if " de " in folded else "en")
        mentions = find_places(text, folded, tokens)
        cues = vocab.spans(folded, tokens)
        segments = segment(folded, [start for start, _ in cues.get(CLAUSE_BREAK, [])], [])
        scopes = _cue_scopes(folded, mentions, cues, vocab, segments, NO_DIALOGUE)
        union = set().union(*_SET_ASIDE_VALUES(scopes))
        assert set(scopes.set_aside) == union
        nonempty += bool(union)
    assert nonempty > 5



def test_a_run_longer_than_the_itinerary_minimum_is_found_by_the_shifted_comparison():
    """``_itinerary_legs`` reads only the texts with a sentence of more than ``_ITINERARY_COUNTRIES`` mentions: in text
    order a sentence's mentions are a run, so such a run exists exactly when a sentence number equals the one that many
    places later."""
    import random
    from itertools import groupby
    from operator import eq

    from routekit.text.extraction import _ITINERARY_COUNTRIES

    rng = random.Random(8)
    for _ in range(2000):
        sentences = sorted(rng.randrange(6) for _ in range(rng.randrange(12)))
        longest = max((len(list(run)) for _, run in groupby(sentences)), default=0)
        assert any(map(eq, sentences, sentences[_ITINERARY_COUNTRIES:])) == (longest > _ITINERARY_COUNTRIES)


def test_an_elliptic_negation_is_one_of_the_no_words():
    """``_cue_scopes`` looks for elliptic negations ("Zvicra niet.") only in a text with one of ``_NO_WORD``'s words:
    every negation word the elliptic pattern reads after a place is such a word, standing apart."""
    from routekit.text.extraction import _ELLIPTIC_NEGATION, _NEGATIONS_ARE_NO_WORDS, _NO_WORD
    from routekit.text.gazetteer import find_places
    from routekit.text.matcher import tokenize
    from routekit.text.normalise import fold

    assert _NEGATIONS_ARE_NO_WORDS
    texts = _texts() + ["V: Was u in Zwitserland? A: Zvicra niet.", "Austria, we not.", "Lithuania never. Poland yes."]
    found = 0
    for text in texts:
        folded = fold(text)
        no_words = {m.start() for m in _NO_WORD.finditer(folded)}
        for mention in find_places(text, folded, tokenize(folded)):
            match = _ELLIPTIC_NEGATION.match(folded, mention.end)
            if match:
                found += 1
                word = re.search(r"\b(?:niet|not|never|nooit)\b", match.group())   # (a participle may follow it)
                assert mention.end + word.start() in no_words, text[:80]
    assert found >= 3
