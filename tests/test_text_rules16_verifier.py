"""Round 16, the stop verifier: an origin told and then left keeps its place (``keep_origin``), in the stage's short
cut and in its full path alike."""

from __future__ import annotations

import pytest

from routekit.text import verifier
from routekit.text.extraction import extract_route

N = len(verifier.FEATURE_NAMES)


def _doubting(keep_origin=True):
    """A model that removes the route's first country (p = logistic(-5)) and keeps every other."""
    weights = tuple(-10.0 if name == "route_first" else 0.0 for name in verifier.FEATURE_NAMES)
    return verifier.Model(True, (5.0, weights), (-10.0, (0.0,) * N), 0.2, 0.9, keep_origin=keep_origin)


@pytest.fixture
def stored(monkeypatch):
    def use(model):
        monkeypatch.setattr(verifier, "stored_model", lambda: model)
    return use


# an origin told, then left with no place named, and a later leg told as left ("I left Libya"): the later "left" is a
# leg's departure, the journey started at the origin
TOLD_THEN_LEFT = [
    ("I am originally from Sudan; I left in March 2024. Through Chad I reached Libya. I left Libya by boat and came "
     "to Italy. From Italy I went to the Netherlands.", ("SDN", "TCD", "LBY", "ITA", "NLD")),
    ("I come from Eritrea. I left at the end of 2023. Via Ethiopia I got to Sudan. I left Sudan and went to Egypt. "
     "From Egypt I flew to the Netherlands.", ("ERI", "ETH", "SDN", "EGY", "NLD")),
    ("Ik kom uit Irak. In februari 2024 ben ik vertrokken. Via Turkije kwam ik in Griekenland. Ik verliet Griekenland "
     "met een vrachtwagen naar Duitsland. Vanuit Duitsland reisde ik naar Nederland.",
     ("IRQ", "TUR", "GRC", "DEU", "NLD")),
    ("Betrokkene is afkomstig uit Syrie en is in 2023 vertrokken. Via Libanon bereikte hij Turkije. Hij verliet "
     "Turkije per boot naar Griekenland. Vanuit Griekenland vloog hij naar Nederland.",
     ("SYR", "LBN", "TUR", "GRC", "NLD")),
]


@pytest.mark.parametrize("text, route", TOLD_THEN_LEFT)
def test_an_origin_told_then_left_is_kept_though_a_later_leg_is_left(stored, text, route):
    assert extract_route(text).route == route   # the rules' route
    stored(_doubting(keep_origin=False))
    assert extract_route(text).route == route[1:]   # without the prior the doubted origin goes
    stored(_doubting())
    assert extract_route(text).route == route


# not covered: another country told as where the person lived, then left (the origin may be a nationality)
LIVED_ELSEWHERE = ("I am from Afghanistan. I lived in Iran for six years. I left Iran and went to Turkey. From Turkey "
                   "I went to Greece and then to the Netherlands.")
# not covered: the leaving told names another place ("I come from X. I left Y"): no told leaving of the origin
LEFT_ANOTHER = ("I come from Somalia. I left Kenya in 2023 and went to Uganda. From Uganda I flew to the "
                "Netherlands.")


@pytest.mark.parametrize("text", [LIVED_ELSEWHERE, LEFT_ANOTHER])
def test_another_start_still_leaves_the_origin_to_the_regression(stored, text):
    rules = extract_route(text).route
    stored(_doubting())
    assert extract_route(text).route == rules[1:]


def test_the_short_cut_and_the_full_path_agree_on_a_left_origin(stored):
    """``decide`` over the candidates (the fit's path) keeps the left origin like ``review``'s short cut."""
    text, route = TOLD_THEN_LEFT[0]
    with verifier.recording() as rows:
        extract_route(text)
    rules, found = rows[0]
    assert verifier.decide(list(rules), found, _doubting())[0] == list(route)
    assert verifier.decide(list(rules), found, _doubting(keep_origin=False))[0] == list(route[1:])
