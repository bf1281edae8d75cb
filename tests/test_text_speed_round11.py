"""Speed round 11: each shortcut against the plain computation it replaces (output must not change)."""

from __future__ import annotations

import sys

import pytest

from routekit.text import extract_route, extraction
from routekit.text.matcher import first_words, tokenize
from routekit.text.normalise import fold, segment

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from text_samples import shortcut_texts  # noqa: E402


@pytest.fixture(scope="module")
def folded_texts() -> list[str]:
    return [fold(text) for text in shortcut_texts()]


# hand-made edges of a word-bounded match: inside a word, a possessive, digits, capitals, a hyphen, punctuation
EDGES = ["een Iraanse vrouw.", "the woman's bag", "Xman and 5man", "an Afghan national, he said", "SYR nat. (man)",
         "co-man -man- man-", "Syrische nationaliteit;", "mannen en vrouwen", "boyfriend girl's", "de minderjarige",
         "staatsburger\nvan Irak", "a citizen_ of", "zijn nat"]


def test_first_words_are_the_folded_first_words_or_none() -> None:
    assert first_words(["Man", "Staats Burger", "meisje"]) == frozenset({"man", "staats", "meisje"})
    assert first_words(["d'abord"]) is None     # an apostrophe: tokenize may keep it inside the word
    assert first_words(["co-accused"]) == frozenset({"co"})   # fold makes the hyphen a space, as in the regex
    assert first_words([]) == frozenset()


def test_a_noun_match_needs_its_first_word_among_the_tokens(folded_texts: list[str]) -> None:
    """The gate of ``_nationality_adjective_homes``: wherever ``_NATIONALITY_NOUN`` matches, one of
    ``_NATIONALITY_NOUN_WORDS`` is a token, so a record with none of them has no match."""
    gate = extraction._NATIONALITY_NOUN_WORDS
    assert gate is not None and {"man", "vrouw", "nationality", "nat"} <= gate
    texts = [fold(text) for text in EDGES] + folded_texts
    matched = 0
    for text in texts:
        words = set(tokenize(text).words)
        for match in extraction._NATIONALITY_NOUN.finditer(text):
            matched += 1
            assert match.group() in words and match.group() in gate, (match.group(), text[:80])
    assert matched > 20


NATIONALITY_HOMES = [
    ("Betrokkene, een Iraanse vrouw, reisde naar Turkije en daarna via Griekenland naar Nederland.",
     ("IRN", "TUR", "GRC", "NLD")),
    ("The applicant, an Iranian woman, travelled to Turkey, then via Greece to the Netherlands.",
     ("IRN", "TUR", "GRC", "NLD")),
    ("Hij reisde naar Turkije, Griekenland en Nederland.", ("TUR", "GRC", "NLD")),
    ("The woman's route: Turkey, Greece, the Netherlands.", ("TUR", "GRC", "NLD")),
]


@pytest.mark.parametrize("text,route", NATIONALITY_HOMES)
def test_nationality_home_same_with_and_without_the_token_gate(monkeypatch, text: str, route: tuple) -> None:
    gated = extract_route(text)
    monkeypatch.setattr(extraction, "_NATIONALITY_NOUN_WORDS", None)   # the plain scan of every record
    plain = extract_route(text)
    assert gated.route == plain.route == route
    assert gated.modes == plain.modes and gated.confidence == plain.confidence


def test_segments_carry_the_words_without_changing_the_boundaries() -> None:
    text = fold("Hij reisde naar Turkije, daarna naar Griekenland. Toen naar Nederland.")
    words = tokenize(text).words
    with_words, without = segment(text, [], [], words), segment(text, [], [])
    assert with_words == without   # the words take no part in equality
    assert with_words.words is words and without.words is None
    assert with_words.sentence_starts == without.sentence_starts and len(with_words.sentence_starts) == 2


NO_WORD_EDGES = ["Nee, niet in Italie.", "no's and not's", "notice nothing, nonetheless", "never-ever", "nooit_ niet5",
                 "Hij was er NOOIT.", "een non-stop reis", "donot knot", "'no' zei hij", "Nee."]


def test_no_word_tokens_are_the_words_the_no_word_regex_matches(folded_texts: list[str]) -> None:
    """The gate of ``_cue_scopes``: in a text without an apostrophe every ``_NO_WORD`` match is one of the tokens
    in ``_NO_WORD_TOKENS``; with one, the scan runs."""
    tokens = extraction._NO_WORD_TOKENS
    assert all(extraction._NO_WORD.fullmatch(word) for word in tokens)
    matched = 0
    for text in [fold(t) for t in NO_WORD_EDGES] + folded_texts:
        found = [m.group() for m in extraction._NO_WORD.finditer(text)]
        matched += len(found)
        assert set(found) <= tokens
        if "'" not in text:
            assert set(found) <= set(tokenize(text).words), text[:80]
        elif found:
            pass   # "no's": the gate scans (see _cue_scopes)
    assert matched > 20


@pytest.mark.parametrize("text,denied", [
    ("V: Bent u in Italie geweest? A: Nee. Ik kwam via Oostenrijk naar Nederland.", "ITA"),
    ("Q: Were you in Hungary? A: No, never. We went from Serbia to Croatia and then to the Netherlands.", "HUN"),
    ("Hij reisde van Turkije naar Griekenland, Italie niet, en daarna naar Nederland.", "ITA"),
    ("Van Turkije naar Griekenland; nooit in Bulgarije geweest. Toen naar Nederland.", "BGR"),
])
def test_no_word_gate_leaves_negated_routes_unchanged(monkeypatch, text: str, denied: str) -> None:
    gated = extract_route(text)
    monkeypatch.setattr(extraction, "_NO_WORD_TOKENS", _AlwaysPresent())   # the plain scan of every record
    plain = extract_route(text)
    assert gated.route == plain.route and gated.modes == plain.modes and gated.confidence == plain.confidence
    assert denied not in gated.route and gated.route[-1] == "NLD" and len(gated.route) >= 2


class _AlwaysPresent(frozenset):
    """A gate that never skips: ``isdisjoint`` is False for every text (the plain scan)."""

    def isdisjoint(self, other) -> bool:   # noqa: ARG002
        return False


SENTENCE_EDGES = ["a.b. c", "x?!\n\ny", "end...", "a;:b", ":\n", "\n\n.", "a. \n", "q?", "1.5 km. ok", "a.\x1c",
                  "a.\x0b b", "Hij zei: ja. Toen?!  Niets", "v: waar? a: daar.\n\nv: en toen", "", ".", "\n",
                  "Libië. ok", "a.\u00a0b", "a.\u2003b c."]


def test_sentence_ends_are_the_regex_ends(folded_texts: list[str]) -> None:
    """``normalise._sentence_ends`` (bytes.find) against ``_SENTENCE_END``'s matches it replaces."""
    from routekit.text import normalise

    for text in SENTENCE_EDGES + folded_texts + [fold(t) for t in SENTENCE_EDGES]:
        plain = [match.end() for match in normalise._SENTENCE_END.finditer(text)]
        assert normalise._sentence_ends(text) == plain, text[:80]
    assert normalise._sentence_ends("Naar Italie. Toen?!  Niets\n\nklaar") == [12, 19, 28]
