"""Speed round 19 (pure Python): each shortcut against the plain computation it replaces (no output may change)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from routekit.text import extraction, gazetteer
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold

sys.path.insert(0, str(Path(__file__).parent))
from text_samples import shortcut_texts  # noqa: E402

# leg-end names right after a leg word, one elsewhere, a phrase name, a leg word at the end, none at all
EDGES = ["Ik ben met de bus van Helsinki naar Ruotsi gegaan.", "Ruotsi is mooi, zei hij.", "We went from Etiyopiya.",
         "Hij kwam uit Nord-Kivu via Oeganda naar Nederland.", "kivu nord to", "naar", "", "van Syrie naar Turkije",
         "from Uttar Pradesh to Delhi", "uttar pradesh", "to pradesh from uttar"]


def _old_gate(words: list[str]) -> bool:
    """The gate as it was at round 18's end: the names' table probed with every word of the text."""
    firsts, lasts = gazetteer._leg_end_phrase_words()
    return ((not gazetteer._leg_end_names().keys().isdisjoint(words)
             or not (firsts.isdisjoint(words) or lasts.isdisjoint(words)))
            and not gazetteer._leg_end_words().isdisjoint(words))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return EDGES + shortcut_texts()


def test_the_leg_end_gate_is_shut_only_where_no_leg_end_name_is_found(texts: list[str]) -> None:
    """``_may_name_a_leg_end`` opens for fewer texts than the old gate (a subset of it), and where it stays shut
    ``_leg_end_mentions`` finds nothing: ``find_places`` is unchanged."""
    opened = 0
    for text in texts:
        folded = fold(text)
        tokens = tokenize(folded)
        new = gazetteer._may_name_a_leg_end(tokens.words)
        assert not new or _old_gate(tokens.words), text
        if not new:
            assert gazetteer._leg_end_mentions(text, tokens, gazetteer.find_places(text, folded)) == [], text
        opened += new
    assert opened >= 3   # the edges' own names


def _old_past_perfect_test(folded: str, window: tuple[int, int], auxiliary: str) -> bool:
    return bool(extraction._PARTICIPLE_EN.search(folded, *window) and not extraction._PARTICIPLE_NL.search(folded, *window)
                and auxiliary != "was" or extraction._PARTICIPLE_NL.search(folded, *window))


def _new_past_perfect_test(folded: str, window: tuple[int, int], auxiliary: str) -> bool:
    return bool(extraction._PARTICIPLE_NL.search(folded, *window)
                or auxiliary != "was" and extraction._PARTICIPLE_EN.search(folded, *window))


@pytest.mark.parametrize("auxiliary", ["was", "had", "is", "hadden"])
def test_the_participle_test_searches_each_window_once_with_the_same_answer(texts: list[str], auxiliary: str) -> None:
    """``_past_perfect_clauses``: a Dutch participle, else an English one after any auxiliary but "was" - the old
    expression searched the Dutch participle twice where it failed."""
    for text in texts[:400]:
        folded = fold(text)
        for start in range(0, len(folded), 37):
            window = (start, min(len(folded), start + 80))
            assert _new_past_perfect_test(folded, window, auxiliary) == _old_past_perfect_test(folded, window, auxiliary)


def test_the_river_test_reads_the_same_names() -> None:
    assert all(fold(name) == name for name in extraction._RIVER_CROSSINGS)
    assert any(map("over de evros gezwommen".__contains__, extraction._RIVER_CROSSINGS))

