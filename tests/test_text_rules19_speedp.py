"""Speed round 19 (pure Python): each shortcut against the plain computation it replaces (no output may change)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from routekit.text import extraction, gazetteer
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold

sys.path.insert(0, str(Path(__file__).parent))
from text_samples import shortcut_texts  # noqa: E402

# leg-end names right after a leg word, one elsewhere, a phrase name, a leg word at the end, none at all
EDGES = ["Ik ben met de bus van Helsinki naar Ruotsi gegaan.", "Ruotsi is mooi, zei hij.", "We went from Etiyopiya.",
         "Hij kwam uit Nord-Kivu via Oeganda naar Nederland.", "kivu nord to", "naar", "", "van Syrie naar Turkije",
         "from Uttar Pradesh to Delhi", "uttar pradesh", "to pradesh from uttar"]


def _plain_leg_end_first_test(words: list[str]) -> list[int]:
    """``_leg_end_mentions``' first test written plainly (as at round 18's end): the words right after a leg word that
    are a leg-end name, or a phrase's first word when some phrase's last word is in the text."""
    legs, table = gazetteer._leg_end_words(), gazetteer._leg_end_names()
    firsts, lasts = gazetteer._leg_end_phrase_words()
    starting = firsts if not lasts.isdisjoint(words) else frozenset()
    return [index for index in range(1, len(words)) if words[index - 1] in legs
            and (words[index] in table or words[index] in starting)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return EDGES + shortcut_texts()


def test_the_leg_end_names_are_found_only_after_the_plain_first_test(texts: list[str]) -> None:
    """``_leg_end_mentions`` has one first test (review 19: no gate of its own in ``find_places``, a second copy of
    it): where the plain test selects no word it finds nothing, and it finds the edges' names."""
    found = 0
    for text in texts:
        folded = fold(text)
        tokens = tokenize(folded)
        mentions = gazetteer._leg_end_mentions(text, tokens, [])
        if not _plain_leg_end_first_test(tokens.words):
            assert mentions == [], text
        assert {m.start for m in mentions} <= {tokens.starts[i] for i in _plain_leg_end_first_test(tokens.words)}, text
        found += bool(mentions)
    assert not hasattr(gazetteer, "_may_name_a_leg_end")
    assert found >= 3   # the edges' own names
    assert [m.place.iso3 for m in gazetteer.find_places(EDGES[0], fold(EDGES[0]))][-1] == "SWE"   # "naar Ruotsi"


def _round18_past_perfect_clauses(folded: str, auxiliaries: list[tuple[int, int]], cues, segments) -> dict[int, int]:
    """``extraction._past_perfect_clauses`` as it was at round 18's end (the reference the shortcut must match)."""
    irregular = [start for start, _ in cues.get("flashback_participles", ())]
    clause_starts = segments.clause_starts
    found: dict[int, int] = {}
    for start, end in auxiliaries:
        sentence = segments.sentence(start)
        if sentence in found:
            continue
        clause = segments.clause(start)
        clause_start = clause_starts[clause - 1] if clause > 0 else 0
        clause_end = clause_starts[clause] if clause < len(clause_starts) else len(folded)
        if folded[start:end] in ("had", "hadden") or "'" in folded[start:end]:
            reach_end = end
            for _ in range(extraction._AUX_REACH + 1):
                next_space = folded.find(" ", reach_end + 1)
                reach_end = clause_end if next_space < 0 or next_space > clause_end else next_space
            window = (end, reach_end)
        else:
            window = (clause_start, clause_end)
        if (any(window[0] <= at < window[1] for at in irregular) or extraction._PARTICIPLE_EN.search(folded, *window)
                and not extraction._PARTICIPLE_NL.search(folded, *window) and folded[start:end] != "was"
                or extraction._PARTICIPLE_NL.search(folded, *window)):
            found[sentence] = clause_start
    return found


# flashbacks told with "was", "had", "hadden", "is": Dutch and English participles, and none
PAST_PERFECT = ["Hij kwam in Nederland aan. Daarvoor was hij uit Syrie naar Turkije gereisd.",
                "He arrived in the Netherlands. He had crossed from Turkey to Greece.",
                "He arrived in the Netherlands. He was walked to Greece by a smuggler from Turkey.",
                "He arrived in the Netherlands. He had a visa for Greece, from Turkey.",
                "Zij kwamen in Nederland aan. Zij hadden Turkije verlaten en waren naar Griekenland gegaan.",
                "Hij is in Nederland. Hij is uit Eritrea vertrokken en is naar Soedan gelopen.",
                # "was" and an English-looking -ed word ("bloed"), no Dutch participle: no past perfect
                "Hij kwam in Nederland aan. Hij was in Turkije met bloed aan zijn handen."]


def test_the_participle_test_gives_round_18s_clauses(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """``_past_perfect_clauses`` (the module's own, called as ``extract_route`` calls it): a Dutch participle, else
    an English one after any auxiliary but "was" - the same clauses as round 18's expression, which searched the Dutch
    participle twice where it failed."""
    real = extraction._past_perfect_clauses
    calls: list[tuple] = []

    def spy(folded, auxiliaries, cues, segments):
        found = real(folded, auxiliaries, cues, segments)
        calls.append((found, _round18_past_perfect_clauses(folded, auxiliaries, cues, segments), folded))
        return found

    monkeypatch.setattr(extraction, "_past_perfect_clauses", spy)
    for text in PAST_PERFECT + texts[:400]:
        extraction.extract_route(text)
    assert len(calls) >= 50 and sum(bool(found) for found, _, _ in calls) >= 10
    for found, reference, folded in calls:
        assert found == reference, folded


def test_the_river_test_reads_the_same_names() -> None:
    assert all(fold(name) == name for name in extraction._RIVER_CROSSINGS)
    # the module's own rule, through ``extract_route``'s substring gate: a named border river adds the country left
    told = "Ik ben over de {} gezwommen naar Griekenland. Daarna ben ik met de bus naar Nederland gegaan."
    assert extraction.extract_route(told.format("Evros")).route == ("TUR", "GRC", "NLD")
    assert extraction.extract_route(told.format("rivier")).route == ("GRC", "NLD")
    assert extraction.extract_route("He crossed the Evros into Greece, then a bus to the Netherlands.").route[0] == "TUR"
    route = ["GRC", "NLD"]
    extraction._crossed_border_river(route, "over de evros gezwommen")
    assert route == ["TUR", "GRC", "NLD"]
    route = ["GRC", "NLD"]
    extraction._crossed_border_river(route, "over de rivier gezwommen")
    assert route == ["GRC", "NLD"]
