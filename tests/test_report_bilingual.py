"""Both languages everywhere: the Dutch build holds no English sentence and the English build no
Dutch one (names and titles aside), and every source's grounds exist in both languages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from routekit.sources.registry import DUTCH_TEXTS, registered_sources

ENGLISH = {"the", "and", "of", "to", "is", "are", "with", "for", "from", "which", "not", "by", "per", "in", "on",
           "this", "that", "be", "was", "were", "has", "have", "it", "as", "or", "at", "an", "a"}
DUTCH = {"de", "het", "een", "en", "van", "naar", "met", "voor", "zijn", "niet", "in", "op", "is", "dat", "die",
         "door", "bij", "om", "te", "of", "wordt", "worden", "aan", "uit", "als", "geen", "ook", "per"}


class _Text(HTMLParser):
    """The readable text of a page's article, without scripts, styles and map/chart code."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip, self._in_article = [], 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg", "code", "pre"):
            self._skip += 1
        if tag == "article":
            self._in_article += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg", "code", "pre"):
            self._skip = max(0, self._skip - 1)
        if tag == "article":
            self._in_article -= 1
        if tag in ("p", "li", "td", "th", "caption", "h1", "h2", "h3", "figcaption", "div"):
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self.parts.append(data)


def sentences(html_text: str) -> list[str]:
    parser = _Text()
    parser.feed(html_text)
    text = "".join(parser.parts)
    return [s.strip() for block in text.split("\n") for s in re.split(r"(?<=[.!?;:])\s+", block) if s.strip()]


def _words(text: str) -> list[str]:
    """Whole words only: a road or code like 'A16' or 'A1/E19' is no English 'a'."""
    return re.findall(r"\b[^\W\d_]+(?:'[^\W\d_]+)?\b", text.lower())


def foreign_sentences(pages, language: str) -> list[str]:
    """Sentences of six or more words whose function words are mostly the other language's."""
    own, other = (DUTCH, ENGLISH) if language == "nl" else (ENGLISH, DUTCH)
    found = []
    for page in pages:
        for sentence in sentences(page.read_text(encoding="utf-8")):
            words = _words(sentence)
            if len(words) < 6:
                continue
            theirs = sum(w in other and w not in own for w in words)
            ours = sum(w in own and w not in other for w in words)
            if theirs >= 3 and theirs > 2 * ours:
                found.append(f"{page.name}: {sentence[:160]}")
    return found


def test_every_source_has_its_grounds_in_dutch_and_english():
    for source in registered_sources(include_refused=True):
        for field in ("purpose", "legal_basis", "refusal_reason"):
            english = getattr(source, field)
            if english:
                dutch = getattr(source, f"{field}_in")("nl")
                assert dutch and dutch == DUTCH_TEXTS[source.name][field], (source.name, field)
                assert not foreign_sentences_in_text(dutch, "nl"), (source.name, field, dutch)


def foreign_sentences_in_text(text: str, language: str) -> bool:
    own, other = (DUTCH, ENGLISH) if language == "nl" else (ENGLISH, DUTCH)
    words = _words(text)
    return sum(w in other and w not in own for w in words) >= 3


def test_the_detector_finds_an_english_sentence_in_a_dutch_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<article><p>Dit is een Nederlandse zin over de routes naar Nederland.</p>"
                    "<p>Border control and the fight against irregular migration at the Dutch borders.</p></article>")
    assert len(foreign_sentences([page], "nl")) == 1


def test_road_and_place_codes_are_not_english_words(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<article><p>Lijngrafiek per binnenkomstpunt (Hazeldonk (A16), Meer (A1/E19), Venlo "
                    "(A67/A74), De Lutte (A1), Amsterdam Airport Schiphol) van januari 2024 tot juni 2025.</p>"
                    "</article>")
    assert foreign_sentences([page], "nl") == []


@pytest.mark.slow
@pytest.mark.xdist_group("report")
def test_the_dutch_build_has_no_english_sentence(built_report):
    pages = sorted(built_report.site.rglob("*.html"))
    pages = [p for p in pages if p.name not in ("search.html", "genindex.html")]
    assert pages
    found = foreign_sentences(pages, "nl")
    assert not found, "\n".join(found[:20])


@pytest.mark.slow
@pytest.mark.xdist_group("report")
def test_the_english_build_has_no_dutch_sentence(built_report_en):
    pages = sorted(built_report_en.site.rglob("*.html"))
    pages = [p for p in pages if p.name not in ("search.html", "genindex.html")]
    assert pages
    found = foreign_sentences(pages, "en")
    assert not found, "\n".join(found[:20])
