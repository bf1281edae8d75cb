"""When a learned stage changes the rules' route, the record says so: a review flag for the analyst and a feature the
confidence's refit can weigh (the rules' own difficulty counts describe the rules' route, not the changed one)."""

from __future__ import annotations

from routekit.text import extraction
from routekit.text.calibration import FEATURE_NAMES, FITTED, FLAG_TEXTS
from routekit.text.extraction import extract_route

TEXT = ("Eerst ging ik met de bus naar Turkije, vanuit Syrie. Daarna met een boot naar Griekenland en met de trein naar "
        "Duitsland. Toen met de trein naar Nederland.")


def _swap_the_middle(route, *args):
    changed = list(route)
    changed[1], changed[2] = changed[2], changed[1]
    return changed, {}


def test_a_route_the_learned_stage_changed_is_flagged_and_counted(monkeypatch):
    monkeypatch.setattr(extraction, "review_order", lambda route, *args: (route, {}))
    kept = extract_route(TEXT)
    monkeypatch.setattr(extraction, "review_order", _swap_the_middle)
    changed = extract_route(TEXT)
    assert changed.route != kept.route
    slot = FEATURE_NAMES.index("learned_change")
    assert kept.features[slot] == 0.0 and "learned_change" not in kept.flags
    assert changed.features[slot] == 1.0 and "learned_change" in changed.flags


def test_the_change_is_fitted_and_explained():
    assert "learned_change" in FITTED
    assert "learned" in FLAG_TEXTS["learned_change"]
