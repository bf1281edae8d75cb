"""``fold`` remembers its last text by identity (the extractor folds again the text the document layer folded): the
remembered answer is the computed one, and only the same object gets it."""

from __future__ import annotations

import pytest

from routekit.text import normalise
from routekit.text.normalise import _fold, fold


def test_the_same_text_twice_gives_the_computed_folding():
    text = "Via Libië en İzmir – naar ‘Den Haag’ (NL)"
    first = fold(text)
    assert first == _fold(text) and len(first) == len(text)
    assert fold(text) is first   # the second call is the remembered one
    assert normalise._LAST_FOLDED[0] is text


def test_an_equal_text_another_object_or_a_text_in_between_is_folded_anew():
    text = "Naar ITALIË"
    fold(text)
    equal = "".join(["Naar ", "ITALIË"])   # equal, but another object
    assert equal is not text
    assert fold(equal) == _fold(equal)
    assert normalise._LAST_FOLDED[0] is equal
    fold("Iets anders")
    assert fold(text) == "naar italie"
    assert fold("") == ""


def test_a_value_that_is_no_text_still_fails():
    fold("")
    with pytest.raises(AttributeError):
        fold(None)
