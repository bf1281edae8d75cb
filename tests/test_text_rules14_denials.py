"""Round 14, denials: a country fronted before a verb and the person, then denied at the clause's end ("In
Bulgarije was ik nooit.", "In Bulgaria I never was"), is not on the route. Invented sentences."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


_DUTCH = "Ik kom uit Syrie. Via Turkije en Griekenland naar Nederland gereisd. "
_ENGLISH = "I am from Syria. I travelled through Turkey and Greece to the Netherlands. "


@pytest.mark.parametrize("text", [
    _DUTCH + "In Bulgarije was ik nooit.",
    _DUTCH + "In Bulgarije waren wij niet.",
    _DUTCH + "Bulgarije ben ik nooit geweest.",
    _DUTCH + "Door Bulgarije kwamen wij niet.",
    _DUTCH + "Via Bulgarije reisde hij niet, hij nam de boot.",
    _DUTCH + "Bulgarije passeerden wij niet.",
    _ENGLISH + "In Bulgaria I never was.",
    _ENGLISH + "In Bulgaria we were not, we went by boat.",
    _ENGLISH + "Bulgaria I have never been.",
])
def test_a_fronted_denial_removes_the_country(text):
    assert _route(text) == ("SYR", "TUR", "GRC", "NLD")


@pytest.mark.parametrize("text", [
    "Ik kom uit Syrie. Via Turkije naar Griekenland. In Griekenland was ik niet lang, daarna naar Nederland.",
    "I am from Syria. Through Turkey to Greece. In Greece I was not alone, then to the Netherlands.",
    "Ik kom uit Syrie. Via Turkije naar Griekenland. In Griekenland hebben we niet geslapen, daarna naar Nederland.",
    "Ik kom uit Syrie. Via Turkije naar Griekenland. In Griekenland sliepen wij niet, daarna naar Nederland.",
    "Ik kom uit Syrie. Via Turkije naar Griekenland en Nederland. In Athene was ik nooit.",   # a town, its country named
    "Ik kom uit Syrie. Via Turkije naar Griekenland. In Griekenland was ik, maar in Italie niet. Toen naar Nederland.",
])
def test_a_negation_that_goes_on_keeps_the_country(text):
    assert "GRC" in _route(text)
