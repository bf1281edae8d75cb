"""Round 17, the stop verifier's cost (its switch-on rule's check (e)): the short cut reads the countries the text
tells as gone to in its one pass over the mentions (``verifier._removals``), asking the extractor's destination-word
test (``extraction._moved_to``) only of the mentions that could change its answer - a reviewed country's, and the
Netherlands' ones (the arrival here) only once such a mention follows a destination word -, and decides as the
reference (``verifier.told_gone_to``, ``candidates``, ``decide``)."""

from __future__ import annotations

import pytest

import routekit.text.extraction as extraction
from routekit.text import verifier
from routekit.text.extraction import extract_route

N = len(verifier.FEATURE_NAMES)

TEXTS = (
    # legs told with "naar" and "kwam in", the arrival here, then a move after it
    "Mijn client komt uit Eritrea. Hij is eerst naar Ethiopie gegaan en daarna naar Soedan. Via Libie kwam hij in "
    "Italie. Vanuit Italie is hij naar Nederland gereisd. Later is hij nog naar Duitsland gegaan.",
    # the arrival here asked first (the journey's gist), then legs told with "naar"
    "V: Hoe bent u naar Nederland gekomen? A: Ik ben in Pakistan vertrokken, daarna naar Iran gegaan en toen naar "
    "Turkije. Met de boot naar Griekenland en verder met de trein.",
    # English: a question's mention, legs told with "to" and "arrived in"
    "Q: Did you ever travel to Egypt? A: No. I come from Sudan. I went to Chad first, then to Libya. I arrived in "
    "Malta by boat and later travelled to the Netherlands.",
    # no stop follows a destination word; the Netherlands does
    "Betrokkene is afkomstig uit Afghanistan. Via Iran, Turkije en Bulgarije reisde hij naar Nederland.",
    # a stop named again after the arrival here
    "She left Somalia for Kenya. From Kenya she went to Uganda and then to South Sudan. She reached the Netherlands "
    "by plane. Later she went to Uganda again.",
)
NO_STOP_AFTER_A_DESTINATION_WORD = TEXTS[3]


def _hook_arguments(monkeypatch, texts) -> list[tuple]:
    """The arguments ``extract_route`` hands the stop verifier per text (the stage recording), ``moved_to`` kept."""
    seen = []
    real = extraction.review_stops

    def spy(route, *rest):
        seen.append((list(route), *rest))
        return real(route, *rest)
    monkeypatch.setattr(extraction, "review_stops", spy)
    with verifier.recording():
        for text in texts:
            extract_route(text)
    return seen


def _models():
    stored = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))._replace(enabled=True, gate=None)
    # doubts every stop (p = logistic(-3)) and keeps only the told ones: a country read as gone to stays
    doubting = verifier.Model(True, (-3.0, (0.0,) * N), (0.0, (0.0,) * N), 0.35, 1.0, keep_told=True)
    # no keep_told: a country read as gone to is scored as told ("mode_told" lifts it above the cut)
    told_weighs = verifier.Model(True, (-3.0, tuple(8.0 if name == "mode_told" else 0.0
                                                   for name in verifier.FEATURE_NAMES)), (0.0, (0.0,) * N), 0.35, 1.0)
    return {"stored": stored, "doubting": doubting, "told weighs": told_weighs}


@pytest.mark.parametrize("name", ["stored", "doubting", "told weighs"])
def test_the_short_cut_reads_the_countries_gone_to_as_the_reference(monkeypatch, name):
    """Route, flips, removal notes and the lowest p of ``review`` (gone-to read in its one pass) equal ``decide`` over
    the candidates with ``told_gone_to``'s countries read as told; the texts tell some countries as gone to, and the
    models that doubt every stop change routes."""
    model = _models()[name]
    gone_any = changed = 0
    for route, states, mode_of, dialogue, genre, language, length, words_of, moved_to in _hook_arguments(
            monkeypatch, TEXTS):
        gone = verifier.told_gone_to(route, states, mode_of, dialogue.kept, moved_to)
        found = verifier.candidates(states, route, mode_of, dialogue, genre, language, length, words=words_of(),
                                    gone=gone)
        removed: list = []
        full, flips, lowest = verifier.decide(list(route), found, model, removed)
        with verifier.using(model):
            short, signal, notes = verifier.review(list(route), states, mode_of, dialogue, genre, language, length,
                                                   words_of, moved_to)
        assert short == full
        assert signal["verifier_flips"] == flips
        assert signal["verifier_doubt"] == pytest.approx(1.0 - lowest, abs=1e-9)   # summed in another order
        assert notes == tuple(verifier._removal_note(c, model.keep_words) for c in removed)
        gone_any += bool(gone)
        changed += short != route
    assert gone_any >= 3
    if name != "stored":
        assert changed >= 1


def test_the_destination_test_is_asked_only_of_mentions_that_could_change_the_answer(monkeypatch):
    """Each mention is asked at most once, and only a reviewed country's (never the end of a route, nor a country
    with a told mode) or the Netherlands'; over the texts the short cut asks fewer than the reference."""
    model = _models()["doubting"]
    asked_short = asked_reference = 0
    for route, states, mode_of, dialogue, genre, language, length, words_of, moved_to in _hook_arguments(
            monkeypatch, TEXTS):
        asked: list[int] = []

        def counting(start):
            asked.append(start)
            return moved_to(start)
        with verifier.using(model):
            verifier.review(list(route), states, mode_of, dialogue, genre, language, length, words_of, counting)
        assert len(asked) == len(set(asked))
        of_country = {state.mention.start: state.mention.place.iso3 for state in states}
        netherlands = {start for start, iso3 in of_country.items() if iso3 == "NLD"}
        reviewed = {country for country in route[:-1] if mode_of.get(country, "unknown") == "unknown"}
        assert all(of_country[start] in reviewed or start in netherlands for start in asked)
        asked_short += len(asked)
        reference: list[int] = []
        verifier.told_gone_to(route, states, mode_of, dialogue.kept, lambda start: reference.append(start)
                              or moved_to(start))
        asked_reference += len(reference)
    assert 0 < asked_short < asked_reference


def test_no_stop_gone_to_reads_no_arrival_here(monkeypatch):
    """The record with no stop after a destination word: the Netherlands follows "naar", yet its mention is never
    asked in the short cut (the arrival here matters only for a stop told after it)."""
    (route, states, mode_of, dialogue, genre, language, length, words_of, moved_to), = _hook_arguments(
        monkeypatch, [NO_STOP_AFTER_A_DESTINATION_WORD])
    netherlands = [state.mention.start for state in states if state.mention.place.iso3 == "NLD"]
    assert netherlands and moved_to(netherlands[0])
    assert verifier.told_gone_to(route, states, mode_of, dialogue.kept, moved_to) == frozenset()
    asked: list[int] = []
    with verifier.using(_models()["doubting"]):
        verifier.review(list(route), states, mode_of, dialogue, genre, language, length, words_of,
                        lambda start: asked.append(start) or moved_to(start))
    assert asked and not set(asked) & set(netherlands)
