"""Speed round 7 (issue 15): each shortcut gives what the plain computation gives."""

from __future__ import annotations

from text_samples import shortcut_texts as _texts


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


def _plain_itinerary_legs(travelled) -> list[tuple[str, str]]:
    """``_itinerary_legs`` as first written: the mentions grouped by sentence in a dict, every group read (what the
    speed change replaced is the grouping; one sentence's reading is shared)."""
    from routekit.text.extraction import _ITINERARY_COUNTRIES, NETHERLANDS, _sentence_itinerary

    if len(travelled) <= _ITINERARY_COUNTRIES:
        return []
    by_sentence: dict[int, list] = {}
    for state in travelled:
        by_sentence.setdefault(state.sentence, []).append(state)
    legs: list[tuple[str, str]] = []
    for sentence_states in by_sentence.values():
        if sentence_states[-1].mention.place.iso3 != NETHERLANDS or sentence_states[-1].intended:
            continue
        legs += _sentence_itinerary(sentence_states[:-1])   # one sentence read as the extractor reads it
    return legs


ITINERARIES = [
    "From N'Djamena to Zinder in Niger, across the desert to Libya, by boat to Lampedusa, by train to Ventimiglia and "
    "Paris, then Brussels and Amsterdam.",
    "Ik ging van Eritrea naar Soedan. Daarna via Libie, Italie, Frankrijk en Belgie naar Nederland.",
    "Hij reisde van Syrie naar Turkije, Griekenland, Servie en Hongarije. Toen naar Oostenrijk en Duitsland en zo naar "
    "Nederland.",
]


def test_itinerary_legs_read_each_sentence_as_the_grouping_did(monkeypatch):
    from routekit.text import extract_route, extraction

    original, seen = extraction._itinerary_legs, []

    def recording(travelled):
        legs = original(travelled)
        seen.append((list(travelled), legs))
        return legs

    monkeypatch.setattr(extraction, "_itinerary_legs", recording)
    for text in _texts() + ITINERARIES:
        extract_route(text)
    assert len(seen) > 300 and sum(bool(legs) for _, legs in seen) >= 3   # itineraries are among them
    for travelled, legs in seen:
        assert legs == _plain_itinerary_legs(travelled)


def test_inline_questions_are_sought_only_where_a_colon_follows_a_sentence_mark():
    from routekit.text.normalise import fold
    from routekit.text.vocabulary import vocabulary

    cases = _texts() + ["Naam: X\nHij kwam uit Syrie. V: Waarom? A: Oorlog.", "Q: where? A: Iran", "Ja. Nee",
                        "Datum: 1-2-2024. Hij kwam. Q: en toen? A: Duitsland", "geen teken", ". :", ": ."]
    for language in ("nl", "en", "unknown"):
        vocab = vocabulary(language)
        for text in cases:
            folded = fold(text)
            if ":" not in folded:
                continue
            plain = [(m.start(), m.end() - 1) for m in vocab.ignored_lines.finditer("\n" + folded)]
            inline = [m.span(1) for m in vocab.inline_questions.finditer(folded)]
            expected = sorted(set(plain + inline)) if inline else plain
            assert vocab.ignored_spans(folded) == expected, text[:80]
