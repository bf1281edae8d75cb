"""The stop verifier's short cuts decide as its full path (routekit.text.verifier, issue 15: the stage's CPU cost).

``review`` takes a short cut for a model that only removes (``_removals``: bits per mention, an early return when no
country lies within the word band of the cut, words read only for the countries within it, one pass to score them)
and reads a mention's window with a bounded reader (``context_words.mention_words``). Each must give what the full
path gives: ``candidates`` + ``decide`` over every candidate's features and words, and the window reader written
first (``_mention_words_reference``). Checked on hand-made texts and on the texts of allowed sets (plain and tuned),
with the stored weights and with weights that put many countries near the cut.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from routekit.text import context_words, verifier

from learned_helpers import space_tokens, verifier_hook_inputs

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
# allowed sets only (plain and tuned; never an untouched, calibration or training set)
SETS = ("extraction_heldout.csv", "extraction_hard_dev16.csv", "extraction_hard_dev17.csv")
HAND_MADE = (
    "Ik kom uit Syrie. Ik reisde via Turkije en Griekenland naar Italie en daarna naar Nederland.",
    "V: Waar bent u geboren?\nA: In Eritrea.\nV: En daarna?\nA: Via Soedan en Libie naar Italie, toen met de trein "
    "naar Nederland.",
    "He came from the United Arab Emirates via the Turkish border to Bulgaria on flight KL0714, then to the "
    "Netherlands. His brother lives in Germany.",
    "Betrokkene verklaarde dat hij uit Afghanistan komt. Hij is nooit in Iran geweest. Via Pakistan, Turkije en "
    "Griekenland kwam hij in Nederland; zijn broer woont in Zweden.",
    "De chauffeur had een Pools kenteken. Hij reed vanuit Duitsland naar Nederland. Eerder was hij in Oostenrijk.",
)
N = len(verifier.FEATURE_NAMES)


def _texts() -> list[str]:
    texts = list(HAND_MADE)
    for name in SETS:
        frame = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
        texts += [text for text in frame["text"] if text]
    return texts


@pytest.fixture(scope="module")
def inputs():
    return verifier_hook_inputs(_texts())


def _models():
    # ungated: the short cut and the full path are compared on every record (the gate itself: test_text_verifier_gate)
    stored = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))._replace(enabled=True, gate=None)
    # every feature weighs, both signs, and words that push both ways: many countries near the cut
    spread = tuple(((-1) ** n) * (0.3 + 0.1 * (n % 7)) for n in range(N))
    words = {"w=broer": -1.5, "w=brother": -1.5, "w=via": 0.8, "b=uit": -0.7, "w=nooit": -2.0, "a=en": 0.4,
             "w=kenteken": -1.2, "b=naar": 0.6, "w=<place>": -0.3, "b=from": -0.5}
    near = verifier.Model(True, (0.5, spread), (0.0, (0.0,) * N), 0.45, 1.0, words, word_band=1.5,
                          keep_told=True, keep_origin=True, keep_end=True)
    return {"stored": stored, "near the cut": near}


@pytest.mark.parametrize("name", ["stored", "near the cut"])
def test_the_short_cut_decides_as_the_full_path_on_allowed_sets(inputs, name):
    """Route, flips, removal notes and the lowest p of ``review`` equal ``decide`` over the full candidates, on every
    record of the allowed sets; the comparison is not of unchanged routes only, and words are read."""
    model = _models()[name]
    changed = read = 0
    for route, states, mode_of, dialogue, genre, language, length, words_of in inputs:
        if len(route) <= 2:
            continue
        found = verifier.candidates(states, route, mode_of, dialogue, genre, language, length, words=words_of())
        removed: list = []
        full, full_flips, full_lowest = verifier.decide(list(route), found, model, removed)
        calls = []

        def counting():
            calls.append(1)
            return words_of()
        with verifier.using(model):
            short, signal, notes = verifier.review(list(route), states, mode_of, dialogue, genre, language, length,
                                                   counting)
        assert short == full
        assert signal["verifier_flips"] == full_flips
        assert signal["verifier_doubt"] == pytest.approx(1.0 - full_lowest, abs=1e-9)
        assert notes == tuple(verifier._removal_note(c, model.keep_words) for c in removed)
        changed += short != list(route)
        read += bool(calls)
    assert read >= 20
    if name == "near the cut":
        assert changed >= 20
    else:
        assert changed >= 1   # the stored fit removes a few stops on these sets


def test_the_bounded_window_reader_reads_as_the_reference(inputs):
    """``mention_words`` (bisects bounded to the window, one pass per side) gives the reference reader's features for
    every mention of every record: articles at a window's edge, places spanning words, numbers, turns."""
    compared = 0
    for _route, states, *_rest, words_of in inputs:
        record = words_of()
        for state in states:
            mention = state.mention
            fast: set[str] = set()
            reference: set[str] = set()
            context_words.mention_words(record, mention.start, mention.end, fast)
            context_words._mention_words_reference(record, mention.start, mention.end, reference)
            assert fast == reference, (mention.start, mention.end)
            compared += 1
    assert compared >= 1000


def test_the_bounded_window_reader_at_every_token_of_a_hand_built_text():
    """Every token of a hand-built text taken as a mention in turn (windows cut by a sentence start, a turn, the
    text's ends; an article right before a place at a window's first and last token; places nested and spanning
    words; a token with a digit): the bounded reader and the reference agree."""
    text = ("de reis via de verenigde staten van amerika en het land . de broer 12ab\nv: via the turkse grens naar "
            "bulgarije in kl0714 en de rest . the")
    words, starts = space_tokens(text)
    spans = [(text.index("verenigde"), text.index(" en het")), (text.index("staten"), text.index(" van")),
             (text.index("turkse"), text.index(" naar")), (text.index("bulgarije"), text.index(" in kl")),
             (text.index("land"), text.index(" . de broer"))]
    sentence_starts = [0, text.index("de broer"), text.index("the", len(text) - 4)]
    record = context_words.record_words(starts, words, spans, sentence_starts, text)
    for index, start in enumerate(starts):
        for end in (start + len(words[index]), starts[min(index + 2, len(starts) - 1)] + 1):
            fast: set[str] = set()
            reference: set[str] = set()
            context_words.mention_words(record, start, end, fast)
            context_words._mention_words_reference(record, start, end, reference)
            assert fast == reference, words[index]
