"""One definition of a quotation (normalise): ``quote_opening_before`` finds, searching backwards, the same opening
marks ``_QUOTATION`` opens on, apostrophes inside words excluded."""

import pytest

from routekit.text.normalise import QUOTE_CLOSE, _QUOTATION, fold, quote_opening_before


@pytest.mark.parametrize("text, before, expected", [
    ("hij zei: 'ik ben nu in wenen'", "wenen", "ik ben"),
    ("he wrote «i am now in vienna» and", "vienna", "i am"),
    ("zij schreef „ik ben nu in wenen“", "wenen", "ik ben"),
    ("'broer, jusqu'à l'algerie ik ben nu in wenen", "wenen", "broer"),   # apostrophes inside words open nothing
    ("(\"now in austria\")", "austria", "now in"),
])
def test_the_opening_before_a_place(text, before, expected):
    opened = quote_opening_before(text, text.index(before))
    assert text.startswith(expected, opened)


@pytest.mark.parametrize("text", ["no quotes, now in vienna", "l'algerie and jusqu'a vienna"])
def test_no_opening(text):
    assert quote_opening_before(text, len(text)) == -1


def test_agrees_with_the_quotation_pattern():
    text = fold("Verklaring: 'Ik ging naar Libie.' Daarna «via Italie» en hij zei \"nu in Wenen\" (l'Algerie).")
    for quotation in _QUOTATION.finditer(text):
        assert quote_opening_before(text, quotation.start() + 2) == quotation.start() + 1
        assert QUOTE_CLOSE.match(text, quotation.end() - 1)
