"""Round 14 speed short cuts: the document layer tokenises its account once; its subject gate reads those words
instead of scanning the text, and gives the same answer as the scan (output-identical)."""

from __future__ import annotations

import pytest

from routekit.text import document, subject
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold

# texts with and without a gate phrase, at a word's start, inside or at the end of a longer word, before a colon,
# a digit or an apostrophe
GATE_TEXTS = [
    "Ik kwam via Italie naar Nederland.",
    "Betrokkene 1 verklaarde dat hij via Italie kwam. Betrokkene 2 kwam via Spanje.",
    "Betrokkene 12 kwam via Libie.",
    "De betrokkenen kwamen via Griekenland.",
    "Gehoorverslag: de man kwam via Turkije.",
    "Gehoorverslag van de IND. Hij kwam via Turkije.",
    "The German 1 said nothing; he came via Austria.",
    "The man 1 came via Austria.",
    "Medeverdachte Karim kwam via Belgie.",
    "My co-passenger came via Malta.",
    "This report: he came via Malta.",
    "This report concerns a man from Chad.",
    "He said this, then reported to the police.",
    "PV: aangetroffen in Venlo, kwam via Duitsland.",
    "Het pv is opgemaakt in Venlo.",
    "The passenger's 1 bag was searched; she came via Italy.",
    "Persoon 1 en persoon 2 reisden via Frankrijk.",
    "",
    "...",
]


def _scan(folded: str) -> bool:
    return subject._lexicon().gate_words.search(folded) is not None


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_subject_gate_on_the_words_answers_as_the_scan(text):
    folded = fold(text)
    assert subject._may_name_a_subject(folded, tokenize(folded)) is _scan(folded)


def test_subject_gate_finds_a_phrase_inside_a_longer_word():
    folded = fold("Gehoorverslag: de man kwam via Turkije.")   # 'verslag:' ends 'gehoorverslag:'
    assert subject._may_name_a_subject(folded, tokenize(folded))
    folded = fold("The German 1 said nothing.")   # 'man 1' inside 'german 1'
    assert subject._may_name_a_subject(folded, tokenize(folded))
    folded = fold("Hij kwam via Turkije met de bus.")
    assert not subject._may_name_a_subject(folded, tokenize(folded))


@pytest.mark.parametrize("text", GATE_TEXTS + ["Zijn broer was eerder via Italie gekomen. Ik kwam via Spanje.",
                                               "Betr. verklaarde dat hij via Italie kwam."])
def test_the_layer_hands_over_the_tokens_of_its_account(text):
    prepared, folded, tokens = document.prepare_tokens(text)
    assert (prepared, folded) == document.prepare_folded(text)
    expected = tokenize(folded)
    assert (tokens.words, tokens.starts, tokens.ends) == (expected.words, expected.starts, expected.ends)


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_subject_sentences_with_the_words_as_without(text):
    folded = fold(text)
    assert subject.subject_sentences(text, folded, tokenize(folded)) == subject.subject_sentences(text, folded)
