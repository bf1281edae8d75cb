"""routekit.synth: free text agrees with its truth; PII canaries are really planted."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from routekit.synth import phrases, simulate
from routekit.synth.narratives import ENTRY_PLACE, gazetteer


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("synth_narratives")


@pytest.fixture(scope="module")
def population():
    return simulate(8, "2024-03", "2024-05", 0.4)


@pytest.fixture(scope="module")
def records(population):
    journeys = population.journeys.set_index("v_number")
    frames = []
    for source, text_column in (("kmar", "route_statement"), ("ind", "narrative"), ("police", "report_text")):
        frame = getattr(population, source)[["record_id", "v_number", text_column]].rename(columns={text_column: "text"})
        frames.append(frame.assign(source=source))
    texts = pd.concat(frames, ignore_index=True)
    texts = texts.join(journeys[["route", "modes", "smuggler", "entry_point"]], on="v_number")  # no shared columns: nothing to suffix
    return texts.merge(population.narratives, on=["record_id", "source"], how="left", suffixes=("_true", ""))


def _names(iso: str) -> set[str]:
    entry = gazetteer()[iso]
    names = set(entry["nl"]) | set(entry["en"]) | set(entry.get("places") or [])
    names |= {gazetteer()["_en_places"].get(p, p) for p in entry.get("places") or []}
    if iso == "NLD":
        names |= {p for places in ENTRY_PLACE.values() for p in places}
    return names


def test_every_text_record_has_truth(records, population):
    assert records["narrated_route"].notna().all()
    assert len(population.narratives) == len(records)
    assert population.narratives["record_id"].is_unique


def test_narrated_route_is_the_travel_order_subsequence(records):
    told = records[records["narrated_route"] != ""]
    assert len(told) > 100
    for row in told.itertuples():
        true = row.route.split(">")
        said = row.narrated_route.split(">")
        assert len(set(said)) == len(said)
        positions = [true.index(c) for c in said]
        assert positions == sorted(positions), (row.route, row.narrated_route)
        if row.source != "kmar":
            assert said[0] == true[0]
        modes = row.narrated_modes.split(">")
        assert len(modes) == len(said) - 1
        true_modes = row.modes.split(">")
        for country, mode in zip(said[1:], modes):
            assert mode == "unknown" or mode == true_modes[true.index(country) - 1]


def test_each_narrated_country_is_named_in_the_text(records):
    told = records[records["narrated_route"] != ""]
    for row in told.itertuples():
        for country in row.narrated_route.split(">"):
            assert any(name.lower() in row.text.lower() for name in _names(country)), (country, row.text)


def test_smuggler_and_route_asked_follow_the_text(records):
    assert not ((records["smuggler"] == "yes") & (records["smuggler_true"] != "yes")).any()
    assert not ((records["smuggler"] == "no") & (records["smuggler_true"] != "no")).any()
    not_asked = records[records["route_asked"] == "false"]
    assert (not_asked["narrated_route"] == "").all()
    ind = records[records["source"] == "ind"]
    share = (ind["route_asked"] == "false").mean()
    assert 0.07 < share < 0.18
    assert (ind.loc[ind["text"] == "", "route_asked"] == "false").all()


def test_dutch_and_english_reports(population):
    share = (population.ind["language"] == "nl").mean()
    assert 0.62 < share < 0.78
    english = population.ind.loc[population.ind["language"] == "en", "narrative"]
    assert english.str.contains(r"\b(?:the|I|he|she)\b").mean() > 0.8


def test_hard_cases_occur(population):
    text = "\n".join(population.ind["narrative"]) + "\n".join(population.police["report_text"])
    for marker in ("niet in", "vals", "wilde", "Daarvoor", "woont in", "smokkelaar", "mensensmokkelaar",
                   "euro", "Ter Apel", "via"):
        assert marker in text, marker
    assert re.search(r"\+31 ?6|06[- ]", text)
    misspelled = [n for e in gazetteer().values() if isinstance(e, dict) and "nl" in e for n in e["nl"][1:]]
    assert sum(name in text for name in misspelled) >= 10


def test_enough_phrasings_per_language():
    assert len(set(phrases.NL1_FIRST + phrases.NL1_NEXT)) >= 15
    assert len(set(phrases.NL3_FIRST + phrases.NL3_NEXT)) >= 15
    assert len(set(phrases.EN1_FIRST + phrases.EN1_NEXT)) >= 15
    assert len(set(phrases.EN3_FIRST + phrases.EN3_NEXT)) >= 13


def test_canaries_are_planted_in_the_extracts(population):
    canaries = population.canaries
    assert set(canaries["kind"]) == {"name", "v_number", "phone", "birth_date", "email", "address"}
    haystack = "\n".join(
        "\n".join(frame.astype(str).agg(" ".join, axis=1))
        for frame in (population.kmar, population.ind, population.police, population.eurodac))
    missing = [value for value in canaries["value"] if value not in haystack]
    assert not missing
