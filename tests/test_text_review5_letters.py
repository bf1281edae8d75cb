"""Review 5 of the text extractor (issue 15), letters: findings 11 and 17."""

from __future__ import annotations

import pytest

from routekit.text import letters
from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text", [
    "Dear Sir, on behalf of my client. The report says he flew from Lagos to Istanbul. That is correct, but afterwards "
    "he went to Greece by boat.",
    "Dear Madam, we write for our client. The report states that he flew from Lagos to Istanbul. That is correct, "
    "but later he crossed to Greece by boat.",
    "Geachte heer, namens client. Het rapport zegt dat hij van Lagos naar Istanbul vloog. Dat is correct, maar later "
    "ging hij met de boot naar Griekenland.",
    "Geachte heer, namens client. Het rapport zegt dat hij van Lagos naar Istanbul vloog. Dat is correct, maar daarna "
    "ging hij met de boot naar Griekenland.",
])
def test_an_agreement_that_adds_a_place_puts_it_after_the_claim(text: str) -> None:
    # finding 11: 'That is correct, but ...' after a claim telling a leg agrees with it and adds to it; the claim is
    # told where the letter tells it, so what the agreement adds comes after it, not first
    result = extract_route(text)
    assert result.route == ("NGA", "TUR", "GRC", "NLD")
    assert result.modes[:2] == ("plane", "boat")


def test_a_confirmation_without_a_claim_before_still_goes_to_the_front() -> None:
    text = ("Geachte heer, namens client. Client reisde later met de boot van Turkije naar Griekenland. "
            "Het is juist dat hij van Lagos naar Istanbul vloog.")
    assert extract_route(text).route[:3] == ("NGA", "TUR", "GRC")


def test_claim_kept_and_route_less_denied_are_one_function() -> None:
    # finding 17: a claim the letter only adds to keeps its legs when it names no denied country; the one a letter
    # corrects in part needs a denial
    claim = "The report says 'Syria - Jordan - Egypt - Libya'"
    end = claim.index("'")
    assert letters._route_less_denied(claim, end, frozenset()) == ""
    assert letters._route_less_denied(claim, end, frozenset(), require_denial=False) == claim[end:]
    kept = letters._route_less_denied(claim, end, frozenset({"JOR"}))
    assert "Jordan" not in kept and "Syria" in kept and "Egypt" in kept
    assert not hasattr(letters, "_claim_kept")
