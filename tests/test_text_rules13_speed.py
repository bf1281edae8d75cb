"""Round 13 speed short cuts: each fast test gives the same answer as the scan it spares (output-identical)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from routekit.text import dialogue, document, gazetteer, subject
from routekit.text.normalise import fold

# --- subject: a later statement can open with a relative only after a possessive ----------------------------------

RELATIVE_TEXTS = [
    "Ik kwam via Italie naar Nederland. Zijn broer was eerder via Libie gekomen.",
    "I travelled via Greece. His brother stated he came via Libya.",
    "I came via Spain. 'My sister went to London.' I stayed.",
    "Ik kwam via Italie.  Mijn neef reisde via Frankrijk.",
    "I came via Italy; my cousin came via Malta by boat.",
    "Ik kwam via Italie. Zijn broer en hij reisden samen via Oostenrijk.",
    "I came via Italy. My uncle drove with me via Austria.",
    "I came via Italy. The man said he came via Malta.",
    "Hij kwam via Turkije. Daarna reisde hij via Griekenland.",
    "I came via Italy. Their father stayed in Egypt.",
    "Via Italy. his mother came via Tunisia!",
]


def _relatives_dropped(text: str) -> tuple[str, str]:
    return subject._without_relatives_travel(text, fold(text), subject._lexicon())


@pytest.mark.parametrize("text", RELATIVE_TEXTS)
def test_possessive_opening_gate_keeps_the_relatives_rule(text, monkeypatch):
    fast = _relatives_dropped(text)
    monkeypatch.setattr(subject, "_POSSESSIVE_OPENING", re.compile(""))   # the scan of every statement, as before
    assert _relatives_dropped(text) == fast


def test_relative_travel_still_dropped_and_other_texts_pass_the_gate_untouched():
    kept, _ = _relatives_dropped("Ik kwam via Italie naar Nederland. Zijn broer was eerder via Libie gekomen.")
    assert "Libie" not in kept and "Italie" in kept
    assert subject._POSSESSIVE_OPENING.search(fold("Hij kwam via Turkije. Daarna reisde hij via Griekenland.")) is None
    text = "I came via Italy. The man said he came via Malta."
    assert _relatives_dropped(text) == (text, fold(text))


# --- gazetteer: a country named after a naming word ("a smuggler named Chad") -------------------------------------

NAMING_TEXTS = [
    "A smuggler named Chad drove us to Italy.",
    "Een man genaamd Jordan bracht ons naar Griekenland.",
    "We came to a country called Georgia, then to Turkey.",
    "The man called   Jordan took us via Libya.",
    "The driver, nicknamed\nChad, took us to Niger.",
    "Een smokkelaar, bijgenaamd Tsjaad, bracht ons via Libie naar Italie.",
    "He was named, Chad said, after Mali.",
    "Hij heet Jordan en kwam via Syrie.",
    "x'named Chad and 'named Jordan came via Egypt.",
    "We were called to Chad, then went to Sudan.",
]


def _places(text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.place.iso3) for m in gazetteer.find_places(text, fold(text))]


@pytest.mark.parametrize("text", NAMING_TEXTS)
def test_naming_word_probe_keeps_the_naming_rule(text, monkeypatch):
    fast = _places(text)
    monkeypatch.setattr(gazetteer, "_naming_last_words", lambda: None)   # the search at every country, as before
    assert _places(text) == fast


def test_naming_last_words_are_the_tokens_before_the_name():
    words = gazetteer._naming_last_words()
    assert words is not None and {"named", "called", "genaamd", "heet"} <= words
    assert "TCD" not in {iso3 for _, _, iso3 in _places("A smuggler named Chad drove us to Italy.")}
    assert "GEO" in {iso3 for _, _, iso3 in _places("We came to a country called Georgia, then to Turkey.")}


# --- dialogue: a question about staying is read only after a 'no' -------------------------------------------------

class _CountingPattern:
    """A pattern that counts its searches."""

    def __init__(self, pattern):
        self.pattern, self.searches = pattern, 0

    def search(self, *args):
        self.searches += 1
        return self.pattern.search(*args)


def _read(text: str):
    folded = fold(text)
    mentions = gazetteer.find_places(text, folded)
    return dialogue.read_dialogue(folded, [m.start for m in mentions], [m.place.iso3 for m in mentions],
                                  [m.place.kind for m in mentions])


def test_stay_question_searched_only_after_a_no(monkeypatch):
    lexicon = dialogue._lexicon()
    stay = _CountingPattern(lexicon.stay)
    monkeypatch.setattr(dialogue, "_lexicon", lambda: dataclasses.replace(lexicon, stay=stay))
    yes = _read("V: Heeft u in Servie overnacht? A: Ja, twee nachten. V: En daarna? A: Naar Hongarije.")
    assert stay.searches == 0 and "SRB" not in yes.never
    no = _read("V: Heeft u in Servie overnacht? A: Nee, we reden door. V: En daarna? A: Naar Hongarije.")
    assert stay.searches == 1   # a 'no' to staying: the person passed through, the country is not denied
    assert "SRB" not in no.never and no.kept == _read(
        "V: Heeft u in Servie overnacht? A: Nee, we reden door. V: En daarna? A: Naar Hongarije.").kept
    denied = _read("V: Bent u in Servie geweest? A: Nee. V: En daarna? A: Naar Hongarije.")
    assert "SRB" in denied.never


# --- document: the file-translation cue phrases of a record's opening, one scan ------------------------------------

def test_file_translation_phrases_are_one_pattern_with_the_same_answers():
    reach, phrases, _ = document._file_translation()
    listed = [fold(str(c)) for c in (document.cues().get("file_translation") or {}).get("cues") or ()]
    assert listed and all(phrases.search(f"rapport. {phrase} x") for phrase in listed)
    openings = ["vertaling uit het arabisch: ik kwam via libie.", "ik kwam via libie naar italie.",
                "the interpreter's translation follows", "vertaald door de tolk: ik ging naar turkije",
                "transl. from arabic", "letterlijke weergave van het gesprek"]
    for opening in openings:
        assert (phrases.search(opening[:reach]) is not None) == any(phrase in opening[:reach] for phrase in listed)
    assert document.in_dutch_file("Vertaling uit het Tigrinya: ik kwam via Libie naar Italie.")
    assert not document.in_dutch_file("Ik kwam via Libie naar Italie en daarna naar Frankrijk.")
