"""The helpers behind the extractor's speed give the same answers as the plain look-ups they replace.

Each helper trades a per-token or per-mention step for a shared one (one cache probe per token, one pass per
cue, a slice per clause list); these tests compare it with the direct computation on real narratives.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd
import pytest

from routekit.text.extraction import _governed, _governs, _SpanIndex
from routekit.text.gazetteer import (
    Mention,
    Place,
    find_places,
    fuzzy_name,
    place_phrases,
)
from routekit.text.matcher import WordCache, tokenize
from routekit.text.normalise import _SENTENCE_END, fold, segment
from routekit.text.vocabulary import vocabulary

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    return [text for text in frame["text"] if text][:300]


def test_word_cache_computes_each_word_once_and_stays_bounded():
    calls: list[str] = []
    cache = WordCache(lambda word: calls.append(word) or word.upper(), limit=3)
    assert cache.values_of(["a", "b", "a"]) == ["A", "B", "A"]
    assert calls == ["a", "b"]
    cache.values_of(["c", "d", "e"])
    assert len(cache) <= 3
    assert cache.values_of(["a"]) == ["A"]


def test_per_token_lexicon_matches_the_separate_lookups(texts):
    vocab = vocabulary("nl")
    for text in texts[:100]:
        words = tokenize(fold(text)).words
        cues, places, misspelt = vocab.per_token(words)
        assert list(cues) == [vocab.matcher.starts_of(word) for word in words]
        assert list(places) == [place_phrases(word) for word in words]
        assert list(misspelt) == [fuzzy_name(word) for word in words]
    assert vocab.per_token([]) == ((), (), ())


def test_find_places_with_looked_up_tokens_equals_without(texts):
    vocab = vocabulary("nl")
    for text in texts:
        folded = fold(text)
        tokens = tokenize(folded)
        _, places, misspelt = vocab.per_token(tokens.words)
        assert find_places(text, folded, tokens, vocab.words, places, misspelt) == \
            find_places(text, folded, tokens, vocab.words)


def test_governed_sets_agree_with_the_per_mention_rule(texts):
    vocab = vocabulary("nl")
    checked = 0
    for text in texts:
        folded = fold(text)
        tokens = tokenize(folded)
        cues = vocab.spans(folded, tokens)
        mentions = find_places(text, folded, tokens, vocab.words)
        starts = [mention.start for mention in mentions]
        for name in ("departure", "via", "start", "home"):
            if name not in cues:
                continue
            for max_words in (2, 3, 4):
                governed = _governed(cues, name, folded, starts, max_words)
                index = _SpanIndex(cues[name])
                assert governed == {m.start for m in mentions if _governs(index, folded, m, max_words)}
                checked += 1
    assert checked > 50


def _segment_reference(folded: str, breaks: list[int], together: list[tuple[int, int]]) -> tuple:
    """Clause starts written the plain way: every break outside the spans kept together."""
    sentences = [m.end() for m in _SENTENCE_END.finditer(folded)]
    candidates = [m.start() for m in re.finditer(r"[,()\[\]]", folded)] + breaks
    kept = [p for p in candidates if not any(start <= p < end for start, end in together)]
    return tuple(sentences), tuple(sorted(sentences + kept))


def test_segment_drops_exactly_the_breaks_inside_kept_spans():
    rng = random.Random(5)
    for _ in range(3000):
        size = rng.randrange(0, 60)
        folded = "".join(rng.choice("ab ,.()\n:;!?[]") for _ in range(size))
        breaks = sorted(rng.sample(range(max(size, 1)), rng.randrange(0, min(4, max(size, 1)))))
        points = sorted(rng.sample(range(size + 1), min(size + 1, 2 * rng.randrange(0, 4))))
        together = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
        result = segment(folded, list(breaks), together)
        assert (result.sentence_starts, result.clause_starts) == _segment_reference(folded, breaks, together)


def test_a_one_word_name_is_never_read_as_a_misspelling():
    # the exact pass covers the token, so the fuzzy pass skips the name itself
    assert fuzzy_name("turkije") == ""
    assert fuzzy_name("oostenrik") == "oostenrijk"
    mention = find_places("Via Turkije naar Griekenland", fold("Via Turkije naar Griekenland"))[0]
    assert isinstance(mention, Mention) and isinstance(mention.place, Place) and not mention.fuzzy


def test_genre_counts_equal_the_plain_regex_reading(texts):
    """``calibration.genre_counts`` (an ASCII text's words by translate and split, phrases only when their
    literal pieces occur) gives what a plain reading gives: every ``\\w+`` word, every phrase pattern tried."""
    import math

    from routekit.text.calibration import _WORD, _genre_markers, genre_counts

    by_word, phrases, quotes = _genre_markers()

    def plain(text: str) -> dict[str, float]:
        low = text.lower()
        present = set(_WORD.findall(low))
        found = set().union(*(by_word[word] for word in present if word in by_word))
        found |= {genre for _, _, genre, pattern in phrases if pattern.search(low)}
        if quotes is not None and quotes[1].search(text):
            found.add("quotes")
        counts = dict.fromkeys(found, 1.0)
        counts["genre"] = float(bool(found - {"quotes", "correction_words"}))
        counts["length"] = max(-1.0, math.log(max(len(text), 1) / 400.0))
        return counts

    samples = texts + ["V: Bent u in Belgi\u00eb geweest? A: Ja.", "Q:\u00e9v: Proces-verbaal, vertaling",
                       "Pv\u00e9 v:", "Mijn cli\u00ebnt verklaarde", "cli\u00ebnten", "\u00e9proces verbaal",
                       "Interview report - \u201cQ: where?\u201d", "snake_case v_ a:", ""]
    for text in samples:
        assert genre_counts(text) == plain(text), text[:80]


def _forward_label_ends(folded: str) -> list[int]:
    from routekit.text.timeline import _question_label
    return [match.end() for match in _question_label().finditer(folded)]


def _forward_transcript(folded: str) -> bool:
    return len(_forward_label_ends(folded)) >= 2


@pytest.mark.parametrize("folded", [
    "v: waar bent u geboren? a: in kabul. v: en daarna? a: iran", "q: where? a: iran.\nq : when? a: 2019",
    "v: alleen een vraag", "kv: x. kq: y", "vraag:a v:b", "/v:x.q\t:y", "v:q:", "over v: ja", "av: x bv: y", "",
    "question :x?question: y", "de vraag: waarom? de vraag: hoe?", "v:\nv:",
])
def test_is_transcript_backwards_equals_the_forward_label_scan(folded):
    from routekit.text.timeline import is_transcript, question_label_ends
    assert is_transcript(folded) == _forward_transcript(folded)
    assert question_label_ends(folded) == _forward_label_ends(folded)


def test_is_transcript_backwards_equals_the_forward_label_scan_on_real_texts():
    from routekit.text.timeline import is_transcript
    # the speed sample and a tuning set that is half question/answer records
    frames = [pd.read_csv(path, dtype=str, keep_default_na=False)
              for path in (SAMPLE, SAMPLE.with_name("extraction_hard_dev9.csv"))]
    folded = [fold(text) for frame in frames for text in frame["text"]]
    assert sum(map(_forward_transcript, folded)) >= 20   # transcripts among them
    assert [is_transcript(f) for f in folded] == [_forward_transcript(f) for f in folded]
    from routekit.text.timeline import question_label_ends
    assert [question_label_ends(f) for f in folded] == [_forward_label_ends(f) for f in folded]


def _counted_language(words: list[str]) -> str:
    """``detect_language``'s vote as first written: a Counter of every function word's languages, for ASCII text."""
    from collections import Counter

    from routekit.text.normalise import _LANGUAGE_WORDS, _WORD_LANGUAGES
    scores = Counter(lang for word in words[:800] for lang in _WORD_LANGUAGES.get(word, ()))
    top = max(scores.values(), default=0)
    if top == 0:
        return "unknown"
    dutch, english = scores.get("nl", 0), scores.get("en", 0)
    if top in (dutch, english):
        return "nl" if dutch == top else "en"
    if top >= 2 and top > dutch + english:
        return next(lang for lang in _LANGUAGE_WORDS if scores.get(lang, 0) == top)
    return "nl" if dutch >= english else "en"


@pytest.mark.parametrize("words", [
    [], ["kabul"], ["de", "the"], ["the", "de"], ["het", "en", "the", "and"], ["der", "und", "ich"], ["le", "la", "et"],
    ["il", "con", "per"], ["der", "de"], ["y", "el", "la", "los", "the"], ["in"] * 900 + ["the"], ["the"] * 801 + ["de"],
    ["de"] * 799 + ["der"] * 5, ["il", "the"], ["est", "and", "avec"],
])
def test_detect_language_packed_votes_equal_the_counted_votes(words):
    from routekit.text.normalise import detect_language
    text = " ".join(words)
    assert detect_language(text, text, words) == _counted_language(words)


def test_detect_language_packed_votes_on_real_texts(texts):
    from routekit.text.normalise import detect_language
    ascii_texts = [text for text in texts if text.isascii()]
    assert len(ascii_texts) > 100
    for text in ascii_texts:
        folded = fold(text)
        words = tokenize(folded).words
        assert detect_language(text, folded, words) == _counted_language(words)


@pytest.mark.parametrize("folded", [
    "reis. v: bent u naar griekenland gegaan? a: ja", "reis.v: geen spatie", "reis. \tvraag\t: waarom", "reis! q:x",
    "reis. kv: x", "reis. v :\n", "v: aan het begin. a: nee", "reis? question: y? a: z", "reis.  vraag:", "reis. vq: x",
    "", ":", "a. v", "1. v: 2. q: 3.", "reis.\nv: op een nieuwe regel",
])
def test_inline_question_opening_backwards_equals_the_forward_scan(folded):
    vocab = vocabulary("nl")
    assert vocab.inline_opening is not None
    assert (vocab.inline_opening.search(folded[::-1]) is not None) == bool(list(vocab.inline_questions.finditer(folded)))


def test_inline_question_opening_backwards_on_real_texts():
    frames = [pd.read_csv(path, dtype=str, keep_default_na=False)
              for path in (SAMPLE, SAMPLE.with_name("extraction_hard_dev13.csv"))]
    folded = [fold(text) for frame in frames for text in frame["text"]]
    for language in ("nl", "en", "unknown"):
        vocab = vocabulary(language)
        forward = [bool(list(vocab.inline_questions.finditer(f))) for f in folded]
        assert sum(forward) >= 5   # inline questions among them
        assert [vocab.inline_opening.search(f[::-1]) is not None for f in folded] == forward


@pytest.mark.parametrize("text", [
    "Hij reisde via Turkije-Griekenland/Italie\tnaar NL.", "V-nummer: 123_456", "He didn't say", "ASCII `quoted` text",
    "Naam: X\nDatum: 01-02-2025\nIk kwam uit Irak (2019), via: TR.", "",
])
def test_genre_counts_with_the_extractors_tokens_equals_its_own_split(text):
    from routekit.text.calibration import _same_words, _word_pieces, genre_counts
    words = tokenize(fold(text)).words
    if _same_words(text):
        assert words == _word_pieces(text.lower())
    assert genre_counts(text, words) == genre_counts(text)


def test_genre_counts_with_the_extractors_tokens_on_real_texts(texts):
    from routekit.text.calibration import _same_words, _word_pieces, genre_counts
    shared = [text for text in texts if _same_words(text)]
    assert len(shared) > 50
    for text in shared:
        words = tokenize(fold(text)).words
        assert words == _word_pieces(text.lower())
        assert genre_counts(text, words) == genre_counts(text)
