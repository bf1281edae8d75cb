"""Privacy: once ``extract_route`` has returned, no module of routekit still holds the record's text or a text made
from it (no module-level memo of the last text, which could end up in a crash dump or a later log)."""

from __future__ import annotations

import sys

import pytest

from routekit.text.extraction import extract_route

MARKER = "Qadimzé"   # a made-up name with an accent, so that every folding path runs


def _holds(value, depth: int = 0) -> bool:
    if isinstance(value, str):
        return MARKER.lower() in value.lower() or "qadimze" in value.lower()
    if depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        return any(_holds(item, depth + 1) for item in value)
    if depth < 3 and isinstance(value, dict):
        return any(_holds(k, depth + 1) or _holds(v, depth + 1) for k, v in value.items())
    return False


@pytest.mark.parametrize("text", [
    f"Verd. {MARKER} verklaarde via Istanbul en Belgrado naar Nederland te zijn gereisd.",
    f"V: Waar begon uw reis, meneer {MARKER}? A: In Kabul. V: En daarna? A: Via Iran en Turkije naar Nederland.",
    f"I, {MARKER}, travelled from Lagos to Istanbul by plane and then on foot to Greece and on to the Netherlands.",
])
def test_no_module_keeps_the_text_after_the_extraction(text):
    extract_route(text)
    holders = [f"{name}.{attribute}" for name, module in list(sys.modules.items()) if name.startswith("routekit")
               for attribute, value in list(vars(module).items()) if _holds(value)]
    assert holders == []
