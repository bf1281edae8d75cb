"""Round 12, lawyers' letters: corrections of one leg of the report's route. Hand-made texts,
Dutch and English; each kind failed before its change."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a quoted leg of the report whose destination the letter corrects: where the leg began still holds
    ("Correcties op het rapport van cliënt R. Ahmadi. Pagina 4: er staat 'vanuit Kabul ben ik met een bus naar "
     "Pakistan gegaan'. Dit moet zijn: naar Iran. Cliënt is nooit in Pakistan geweest. Van Iran liep hij naar "
     "Turkije en daarna reisde hij via Griekenland naar Nederland.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
    ("Corrections, client Mr R. Ahmadi. Page 4: 'from Kabul I took a bus to Pakistan' should read 'to Iran'; the "
     "interpreter misheard. My client was never in Pakistan. From Iran he walked to Turkey and then travelled via "
     "Greece to the Netherlands.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
])
def test_a_corrected_destination_keeps_where_the_quoted_leg_began(text, route):
    assert extract_route(text).route == route
