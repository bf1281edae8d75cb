"""Round 19, the stop verifier's features: what the learned stage can see of a country beyond the rules' flags.

The hand-written errors of the round-18 stage were of four kinds - a country a transcript's answer confirms ("Jawel,
twee dagen"), a country told only by a code at a border ("via TR") or an airport ("overstap IST"), and the country
named first as the start of the journey - and its features could not tell any of them: a question's mention looked
like every other asked country, a code like a name. These tests hold what the stage now sees (``verifier.FEATURE_NAMES``:
``affirmed``, ``coded``, ``first_named``), that the short cut reads it as the full path does, and that a weight on it
keeps the country. The stored weights (fitted before these features) weigh them 0 until the lead's refit."""

from __future__ import annotations

import pytest

from learned_helpers import verifier_hook_inputs
from routekit.text import verifier
from routekit.text.dialogue import read_dialogue
from routekit.text.extraction import extract_route
from routekit.text.normalise import fold

N = len(verifier.FEATURE_NAMES)

# my own sentences of the four kinds
JAWEL = ("V: Waar bent u vertrokken? A: In Marokko. V: Waar ging u heen? A: Naar Spanje met de boot. V: Bent u in "
         "Frankrijk geweest? A: Jawel, twee dagen. V: Hoe kwam u hier? A: Met de trein naar Nederland.")
VIA_CODE = ("Proces-verbaal van verhoor. Verdachte verklaarde dat hij uit Syrie kwam en via TR de grens met Bulgarije "
            "overstak. Daarna reisde hij met een vrachtwagen naar Nederland.")
AIRPORT_CODE = ("KMar Schiphol, controle bij de gate. Betrokkene kwam aan met een vlucht uit Teheran, overstap IST. Hij "
                "toonde een vals Bulgaars paspoort.")
NAMED_FIRST = ("My journey started in Brazil. From Sao Paulo I went to Madrid and then by bus through France and "
               "Belgium to the Netherlands.")
TEXTS = (JAWEL, VIA_CODE, AIRPORT_CODE, NAMED_FIRST)


def _kept(text: str) -> dict[str, dict[str, float]]:
    """The rules' kept countries of a text with their features by name (the stage recording)."""
    with verifier.recording() as rows:
        extract_route(text)
    (route, found), = rows
    return {c.iso3: dict(zip(verifier.FEATURE_NAMES, c.values)) for c in found if c.kept}


def test_an_answer_that_affirms_a_question_is_read():
    reading = read_dialogue(fold(JAWEL), [fold(JAWEL).index("frankrijk")], ["FRA"])
    assert reading.affirmed == frozenset({"FRA"})
    denied = JAWEL.replace("Jawel, twee dagen", "Nee, nooit")
    assert read_dialogue(fold(denied), [fold(denied).index("frankrijk")], ["FRA"]).affirmed == frozenset()
    kept = _kept(JAWEL)
    assert kept["FRA"]["affirmed"] == 1.0 and kept["ESP"]["affirmed"] == 0.0


@pytest.mark.parametrize("text, coded, named", [(VIA_CODE, "TUR", "SYR"), (AIRPORT_CODE, "TUR", "IRN")])
def test_a_country_told_by_a_code_is_read(text, coded, named):
    kept = _kept(text)
    assert kept[coded]["coded"] == 1.0
    assert kept[named]["coded"] == 0.0


def test_the_country_named_first_is_read():
    kept = _kept(NAMED_FIRST)
    assert kept["BRA"]["first_named"] == 1.0
    assert not any(values["first_named"] for iso3, values in kept.items() if iso3 != "BRA")


def _only(weights: dict[str, float], intercept: float = -1.0) -> verifier.Model:
    """A stage that doubts every stop (p = logistic(intercept)) except what the named features lift."""
    vector = tuple(weights.get(name, 0.0) for name in verifier.FEATURE_NAMES)
    return verifier.Model(True, (intercept, vector), (0.0, (0.0,) * N), 0.35, 1.0)


@pytest.mark.parametrize("text, country, feature", [(JAWEL, "FRA", "affirmed"), (VIA_CODE, "TUR", "coded"),
                                                    (AIRPORT_CODE, "TUR", "coded"), (NAMED_FIRST, "BRA", "first_named")])
def test_the_feature_reaches_the_decision(text, country, feature):
    """A stage sure of every stop keeps them all; the same stage weighing the new feature against a country removes
    that country and no other (the short cut, ``review``, reads the feature): the refit can now weigh it."""
    with verifier.using(_only({}, intercept=3.0)):
        rules = extract_route(text).route
    assert country in rules
    with verifier.using(_only({feature: -6.0}, intercept=3.0)):
        assert extract_route(text).route == tuple(c for c in rules if c != country)


@pytest.mark.parametrize("feature", ["affirmed", "coded", "first_named"])
def test_the_short_cut_reads_the_new_features_as_the_full_path(feature):
    """``review``'s short cut and ``decide`` over the full candidates agree (route, flips, lowest p) with each new
    feature weighed both ways, on the four texts."""
    inputs = verifier_hook_inputs(TEXTS)
    changed = 0
    for sign in (1.0, -1.0):
        model = _only({feature: 2.5 * sign, "mentions": 0.4}, intercept=0.2 if sign < 0 else -1.5)
        for route, states, mode_of, dialogue, genre, language, length, words_of in inputs:
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
    assert changed >= 2


def test_the_stored_weights_still_read():
    """The stored file, fitted before these features, reads: they weigh 0 until the refit."""
    model = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))
    for name in ("affirmed", "coded", "first_named"):
        assert model.keep[1][verifier.FEATURE_NAMES.index(name)] == 0.0
