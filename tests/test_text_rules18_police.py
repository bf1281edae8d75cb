"""Round 18, police reports and KMar notes: a place the officer or the person takes back in the record itself.
Invented sentences."""

from __future__ import annotations

import pytest

from learned_helpers import rules_only
from routekit.text.extraction import extract_route


def _rules_route(text: str) -> tuple[str, ...]:
    with rules_only():
        return tuple(extract_route(text).route)


@pytest.mark.parametrize("text, taken_back", [
    # a place doubted with a question mark and then corrected by a dash and a correction word
    ("KMar note. Subject stated: left Oran, boat to Almeria, then train via Italy? - corrected: from Spain straight "
     "to France by bus, then to Venlo.", "ITA"),
    ("Pv van bevindingen. Betr. verklaarde: boot naar Almería, daarna via Italië? - gecorrigeerd: met de bus "
     "rechtstreeks naar Frankrijk en met de trein naar Venlo.", "ITA"),
    # a list doubted as a whole before the 'no': every place of it, not only the last
    ("Pv van bevindingen. Betr. verklaarde dat hij via Tunesië en Libië? Nee, via Egypte naar Italië was gevaren. "
     "Daarna trein naar Venlo.", "TUN"),
])
def test_a_place_doubted_and_corrected_is_no_stop(text, taken_back):
    assert taken_back not in _rules_route(text)


@pytest.mark.parametrize("text, kept", [
    # the place named again in the correction stays
    ("KMar Schiphol. Betr. verklaarde dat hij via Bogotá en Caracas? Nee, via Bogotá naar Madrid was gevlogen.",
     ("COL", "ESP", "NLD")),
])
def test_a_place_restated_in_the_correction_stays(text, kept):
    assert _rules_route(text) == kept
