"""Round 19, the stop verifier's features: what the learned stage can see of a country beyond the rules' flags.

Kept (held out on train1-44 with the quick fit, +4 net, both halves better): ``with_netherlands``, a country named in
a sentence that names the Netherlands ("Via Duitsland met de trein naar Nederland"). Tried and dropped (no held-out
gain; see the text README's Round 19): a country a transcript's answer affirms, one told by a code, the record's first
country, a stop of no told mode among told ones, named in several sentences, named out of the route's order, named in
a sentence where another country's mode was found.

The hand-written kinds of the round-18 stage's errors (an answer "Jawel", "via TR" at a border, an "IST" transfer, the
country named first as the journey's start) are kept here as guards in my own sentences: the stored stage keeps those
countries, and a refit must too."""

from __future__ import annotations

import pytest

from learned_helpers import verifier_hook_inputs
from routekit.text import verifier
from routekit.text.extraction import extract_route

N = len(verifier.FEATURE_NAMES)

JAWEL = ("V: Waar bent u vertrokken? A: In Marokko. V: Waar ging u heen? A: Naar Spanje met de boot. V: Bent u in "
         "Frankrijk geweest? A: Jawel, twee dagen. V: Hoe kwam u hier? A: Met de trein naar Nederland.")
VIA_CODE = ("Proces-verbaal van verhoor. Verdachte verklaarde dat hij uit Syrie kwam en via TR de grens met Bulgarije "
            "overstak. Daarna reisde hij met een vrachtwagen naar Nederland.")
AIRPORT_CODE = ("KMar Schiphol, controle bij de gate. Betrokkene kwam aan met een vlucht uit Teheran, overstap IST. Hij "
                "toonde een vals Bulgaars paspoort.")
NAMED_FIRST = ("My journey started in Brazil. From Sao Paulo I went to Madrid and then by bus through France and "
               "Belgium to the Netherlands.")
BESIDE_HERE = ("Betrokkene is afkomstig uit Irak. Hij reisde via Turkije en Griekenland. Vanuit Italie kwam hij met "
               "de trein via Duitsland naar Nederland.")
TEXTS = (JAWEL, VIA_CODE, AIRPORT_CODE, NAMED_FIRST, BESIDE_HERE)


def _kept(text: str) -> dict[str, dict[str, float]]:
    """The rules' kept countries of a text with their features by name (the stage recording)."""
    with verifier.recording() as rows:
        extract_route(text)
    (route, found), = rows
    return {c.iso3: dict(zip(verifier.FEATURE_NAMES, c.values)) for c in found if c.kept}


def test_a_country_named_beside_the_netherlands_is_read():
    kept = _kept(BESIDE_HERE)
    assert kept["DEU"]["with_netherlands"] == 1.0 and kept["ITA"]["with_netherlands"] == 1.0
    assert kept["TUR"]["with_netherlands"] == 0.0 and kept["GRC"]["with_netherlands"] == 0.0


def _only(weights: dict[str, float], intercept: float) -> verifier.Model:
    vector = tuple(weights.get(name, 0.0) for name in verifier.FEATURE_NAMES)
    return verifier.Model(True, (intercept, vector), (0.0, (0.0,) * N), 0.35, 1.0)


def test_the_feature_reaches_the_decision():
    """A stage sure of every stop keeps them all; weighing the feature against a country removes those named beside
    the Netherlands and no other (the short cut, ``review``, reads it)."""
    with verifier.using(_only({}, 3.0)):
        assert extract_route(BESIDE_HERE).route == ("IRQ", "TUR", "GRC", "ITA", "DEU", "NLD")
    with verifier.using(_only({"with_netherlands": -6.0}, 3.0)):
        assert extract_route(BESIDE_HERE).route == ("IRQ", "TUR", "GRC", "NLD")


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_the_short_cut_reads_it_as_the_full_path(sign):
    """``review``'s short cut and ``decide`` over the full candidates agree (route, flips, lowest p)."""
    model = _only({"with_netherlands": 2.5 * sign, "mentions": 0.4}, 0.2 if sign < 0 else -1.5)
    changed = 0
    for route, states, mode_of, dialogue, genre, language, length, words_of in verifier_hook_inputs(TEXTS):
        found = verifier.candidates(states, route, mode_of, dialogue, genre, language, length, words=words_of())
        full, flips, lowest = verifier.decide(list(route), found, model)
        with verifier.using(model):
            short, signal, _ = verifier.review(list(route), states, mode_of, dialogue, genre, language, length,
                                               words_of)
        if len(route) <= 2:
            continue
        assert short == full
        assert signal["verifier_flips"] == flips
        assert signal["verifier_doubt"] == pytest.approx(1.0 - lowest, abs=1e-9)
        changed += short != list(route)
    assert changed >= 1


def test_the_stored_weights_still_read():
    """The stored file, fitted before the feature, reads: it weighs 0 until the refit."""
    model = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))
    assert model.keep[1][verifier.FEATURE_NAMES.index("with_netherlands")] == 0.0


@pytest.mark.parametrize("text, route", [
    (JAWEL, ("MAR", "ESP", "FRA", "NLD")),   # a country a question asks of, the answer "Jawel"
    (VIA_CODE, ("SYR", "TUR", "BGR", "NLD")),   # "via TR" at a border, a police record
    (AIRPORT_CODE, ("IRN", "TUR", "NLD")),   # "overstap IST", a KMar note about a flight
    (NAMED_FIRST, ("BRA", "ESP", "FRA", "BEL", "NLD")),   # the country named first as the journey's start
])
def test_the_stage_keeps_the_hand_written_kinds_of_its_old_errors(text, route):
    assert extract_route(text).route == route
