"""Speed round 9 (issue 15): each shortcut gives what the plain computation gives."""

from __future__ import annotations

import pytest

from text_samples import shortcut_texts as _texts

_FIRST_CASES = [
    "eerst naar algerije en pas daarna naar marokko",
    "the first interview; at first he went to lebanon and only then to jordan",
    "his first, at first x, firstly y; her first z, a first, xa first, teerst first, allereerst",
    "the at first eerst",   # a refused start inside a longer word list: the scan moves on by one character
    "the  first my first their firstly our first its first",
    "first",
    "",
]


@pytest.mark.parametrize("folded", _FIRST_CASES)
def test_first_word_ends_are_the_first_patterns_matches_on_cases(folded):
    from routekit.text import timeline

    assert timeline.first_word_ends(folded) == [m.end() for m in timeline.first_then()[0].finditer(folded)]


def test_first_word_ends_are_the_first_patterns_matches_on_real_texts():
    from routekit.text import timeline
    from routekit.text.normalise import fold

    first_word = timeline.first_then()[0]
    found = refused = 0
    for text in _texts():
        folded = fold(text)
        for probe in (folded, folded.lower()):
            ends = timeline.first_word_ends(probe)
            assert ends == [m.end() for m in first_word.finditer(probe)]
            found += len(ends)
            refused += len(timeline._first_word_scan()[0].findall(probe)) > len(ends)
    assert found > 10 and refused > 0   # the sample holds the words, and ranks ("the first") the assertions refuse


# The sentence-end patterns as they were written before round 9: their look-behinds first, which ``re`` tried at every
# position of the text. Round 9 puts the mark first and reads the look-behinds back over it.
_PLAIN_SENTENCE_ENDS = {
    "subject": r"(?<!\s[a-z])(?<!^[a-z])(?<!\sno)(?<!\snr)[.!?;]['\"’”]?(?=\s|$)|(?<=\sno|\snr)[.!?;](?=\s+\D|$)",
    "journeys_statement": r"(?<!\s[a-z])(?<!^[a-z])[.!?;](?=\s|$)|,\s+(?=en\s|and\s)",
    "journeys_sentence": r"(?<!\s[a-z])(?<!^[a-z])[.!?](?=\s|$)",
}
_END_CASES = ["a. b", "x no. 4", "betr. nr. 2 kwam", "a.", ".a", "he said: \"yes.\"  ok", "no.", " no. x", "nr.\n",
              "a; b, en c, and d", "q. r", "i. v", "dhr. a. b. kwam. mr. x! ok? ja; (b. c) z.", "", "!", "e.g. x, en"]


def _sentence_end_pairs():
    import re

    from routekit.text import journeys, letters, subject

    words = letters._WORDS["abbreviation_dots"]
    plain_letters = (r"(?<![\s(][a-z])(?<!^[a-z])" + "".join(r"(?<!\b" + re.escape(word) + ")" for word in words)
                     + r"[.!?;:](?=\s|$)")
    return [(re.compile(_PLAIN_SENTENCE_ENDS["subject"]), subject._SENTENCE_END),
            (re.compile(_PLAIN_SENTENCE_ENDS["journeys_statement"]), journeys._STATEMENT_END),
            (re.compile(_PLAIN_SENTENCE_ENDS["journeys_sentence"]), journeys._SENTENCE_END),
            (re.compile(plain_letters), letters._STATEMENT_END)]


def test_the_sentence_ends_are_the_plain_patterns_matches():
    """Every match (span and text), also searched from and up to an offset inside the text (the look-behinds read the
    characters before the offset, as the plain patterns' do)."""
    from routekit.text.normalise import fold

    texts = _END_CASES + [fold(text) for text in _texts()]
    pairs = _sentence_end_pairs()
    matched = 0
    for folded in texts:
        for plain, fast in pairs:
            spans = [m.span() for m in plain.finditer(folded)]
            assert [m.span() for m in fast.finditer(folded)] == spans, (fast.pattern, folded[:80])
            matched += len(spans)
            for offset in (1, 2, 3, len(folded) // 2):
                found = plain.search(folded, offset)
                again = fast.search(folded, offset)
                assert (found and found.span()) == (again and again.span())
                assert ([m.span() for m in plain.finditer(folded, 0, offset)]
                        == [m.span() for m in fast.finditer(folded, 0, offset)])
    assert matched > 1000


def test_the_sentence_ends_refuse_what_the_plain_patterns_refuse():
    """The cases the look-behinds are there for: an initial's dot, a number sign's dot, an abbreviation's dot."""
    for plain, fast in _sentence_end_pairs():
        for case in ("picked b. up", "passenger no. 4 said", "betr. nr. 2", "a. x", "dhr. k. mensah"):
            assert [m.span() for m in fast.finditer(case)] == [m.span() for m in plain.finditer(case)]


def _plain_denied_countries(folded, mentions, statements, lexicon):
    """``letters._denied_countries`` as written before round 9: every statement scan repeated for each mention in it."""
    from routekit.text.letters import _NOT_GONE_TO

    denied = set()
    for mention in mentions:
        start, stop = next(((a, b) for a, b in statements if a <= mention.start < b), (0, len(folded)))
        statement = folded[start:stop]
        if (lexicon.negation_before.search(folded, max(start, mention.start - 40), mention.start) is not None
                or _NOT_GONE_TO.search(folded, max(start, mention.start - 40), mention.start) is not None
                or lexicon.not_said.search(statement) or lexicon.deleted.search(statement)
                or lexicon.called_wrong.search(statement)):
            denied.add(mention.place.iso3)
    return frozenset(denied)


_LETTER_CASES = [
    "Geachte heer, cliënt is niet via Pakistan gereisd maar via Iran en Turkije. Hoogachtend",
    "Dear Sir, my client never said Jordan. The report names Syria, Jordan and Turkey; Jordan and Turkey are wrong. "
    "He came from Syria via Lebanon.",
    "In het rapport staat Italie en Frankrijk en Spanje. Dat is onjuist: Italie, Frankrijk en Spanje moeten worden "
    "geschrapt. Cliënt reisde via Griekenland.",
]


def test_denied_countries_are_the_plain_reading():
    from routekit.text import letters
    from routekit.text.gazetteer import find_places
    from routekit.text.normalise import fold

    lexicon = letters._cues()
    denied = 0
    for text in _LETTER_CASES + _texts():
        folded = fold(text)
        mentions, statements = find_places(text, folded), letters._statements(folded)
        got = letters._denied_countries(folded, mentions, statements, lexicon)
        assert got == _plain_denied_countries(folded, mentions, statements, lexicon), text[:80]
        denied += len(got)
    assert denied > 5   # the cases and the sample deny countries
