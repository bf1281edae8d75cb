"""Speed round 7 (issue 15): each shortcut gives what the plain computation gives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA = Path(__file__).parent / "data"
# the speed sample and plain evaluation sets (never the untouched, calibration or training sets)
SETS = ["text_speed_regression.csv", "extraction_gold.csv", "extraction_dev2.csv", "extraction_hard_dev9.csv"]


def _texts() -> list[str]:
    texts: list[str] = []
    for name in SETS:
        texts += list(pd.read_csv(DATA / name, dtype=str, keep_default_na=False)["text"])
    return texts


def _plain_genres(text: str) -> set[str]:
    """The definition of ``genre_counts``' genres: every one-word marker as a whole word, every phrase's pattern, the
    quote marks' pattern - each tried on the whole text."""
    from routekit.text.calibration import _WORD, _genre_markers

    by_word, phrases, quotes = _genre_markers()
    low = text.lower()
    words = set(_WORD.findall(low))
    found = {genre for word, genres in by_word.items() if word in words for genre in genres}
    found |= {genre for _, _, genre, pattern in phrases if pattern.search(low)}
    if quotes is not None and quotes[1].search(text):
        found.add("quotes")
    return found


def test_genre_counts_find_the_genres_of_the_plain_definition():
    from routekit.text.calibration import genre_counts

    texts = _texts() + ["V: Waar kwam u vandaan? A: Uit Syrië.", "Proces-verbaal van bevindingen", "'Ja', zei hij."]
    assert sum(bool(_plain_genres(text)) for text in texts) > 100   # the sample holds many genres
    for text in texts:
        counts = genre_counts(text)
        assert set(counts) - {"genre", "length"} == _plain_genres(text), text[:80]


def test_unaccented_cached_is_the_normalisation():
    from routekit.text.gazetteer import _unaccented

    names = ["Kobanê", "Şanlıurfa", "İzmir", "Réunion", "Saint-Denis", "Kobane", "Pointe-à-Pitre", ""]
    for name in names + names:   # the second time from the cache
        assert _unaccented(name) == _unaccented.__wrapped__(name)
    assert _unaccented("Şanlıurfa") == "Sanliurfa" and _unaccented("Pointe-à-Pitre") == "Pointe a Pitre"
