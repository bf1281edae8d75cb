"""Round 20: mentions that are not stops (the extractor added a country the person never reached).

Kinds fixed here, each a cue in ``reference/gazetteer/cues.yaml``:
- a denial told as "denied being in X" / "denies being in X" (``negation``), as "denied having been" already was;
- a connecting flight not taken, "met een doorverbinding naar Willemstad" (``intention``), as "aansluitende vlucht"
  already was.

Texts written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> str:
    return ">".join(extract_route(text).route)


DENIED_BEING = [
    ("He came by bus from Kyiv to Warsaw and then to Utrecht. He denied being in Germany.", "UKR>POL>NLD"),
    ("She travelled from Algiers to Madrid by plane and by bus to Amsterdam. She denies being in France.",
     "DZA>ESP>NLD"),
]


@pytest.mark.parametrize("text,route", DENIED_BEING)
def test_a_denied_stay_is_no_stop(text: str, route: str) -> None:
    assert _route(text) == route


CONNECTION_NOT_TAKEN = [
    ("Schiphol: betrokkene arriveerde met een vlucht uit Nairobi, met een doorverbinding naar Toronto, en vroeg "
     "asiel aan.", "KEN>NLD"),
]


@pytest.mark.parametrize("text,route", CONNECTION_NOT_TAKEN)
def test_a_connection_not_taken_is_no_stop(text: str, route: str) -> None:
    assert _route(text) == route
