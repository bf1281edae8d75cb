"""A guess covers only the country right after it ("maybe Slovenia", "vermoedelijk Oostenrijk"): a doubt about how
long is not a doubt about the place ("Ik ben misschien twee weken in Griekenland gebleven"). A relative's place is
dropped only when the relative moved or lived there ("Mijn vader zit in Pakistan", "her husband, who travelled via
Iran"), not when the relative paid, arranged or fell ill ("Mijn oom betaalde de reis naar Iran"). A leg out of the
Netherlands is labelled "onward", not "intention". The texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("Vanuit Syrië ging ik naar Turkije. Ik ben misschien twee weken in Griekenland gebleven. Daarna via Duitsland "
     "naar Nederland.", "SYR>TUR>GRC>DEU>NLD"),
    ("From Syria he went to Turkey. He stayed maybe three weeks in Greece. Then through Germany to the Netherlands.",
     "SYR>TUR>GRC>DEU>NLD"),
    ("Hij liep van Irak naar Turkije en is daar vermoedelijk een maand gebleven. Daarna met de boot naar Griekenland "
     "en met het vliegtuig naar Nederland.", "IRQ>TUR>GRC>NLD"),
    # the guessed country itself stays out
    ("Vanuit Syrië naar Turkije. Daarna vermoedelijk Oostenrijk, toen Duitsland en Nederland.", "SYR>TUR>DEU>NLD"),
    ("From Syria to Turkey, then to Hungary and maybe Slovenia, then Italy and the Netherlands.",
     "SYR>TUR>HUN>ITA>NLD"),
])
def test_a_guess_covers_only_the_country_after_it(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Vanuit Afghanistan. Mijn oom betaalde de reis naar Iran. Daarna Turkije, Griekenland en Nederland.",
     "AFG>IRN>TUR>GRC>NLD"),
    ("From Afghanistan. My uncle paid for the trip to Iran. Then Turkey, Greece and the Netherlands.",
     "AFG>IRN>TUR>GRC>NLD"),
    ("Hij reisde met zijn vrouw van Syrië via Turkije. Zijn vrouw werd ziek in Griekenland. Daarna naar Nederland.",
     "SYR>TUR>GRC>NLD"),
    ("Statement. We left Eritrea for Sudan. My brother arranged the smuggler in Libya. Then by boat to Italy and by "
     "train to Amsterdam.", "ERI>SDN>LBY>ITA>NLD"),
])
def test_a_relative_who_paid_or_fell_ill_keeps_the_country(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Verklaring. Ik ging van Irak naar Turkije en vloog naar Eindhoven. Mijn broer woont in Zweden.", "IRQ>TUR>NLD"),
    ("Summary. She flew from Tunis to Rome and took the train to Amsterdam. Her husband, who travelled via Libya "
     "and Malta, is still in Italy.", "TUN>ITA>NLD"),
])
def test_a_relative_who_moved_or_lived_there_drops_the_country(text, route):
    assert extract_route(text).route_text == route


def test_a_leg_out_of_the_netherlands_is_onward_not_an_intention(monkeypatch):
    """The reason a mention is left off (what a review of the rules reads) says "onward" for a ferry-terminal find."""
    from routekit.text import extraction

    reasons: dict[str, str] = {}
    original = extraction._why_not_travelled

    def recording(state, *args, **kwargs):
        reason = original(state, *args, **kwargs)
        reasons[state.mention.place.iso3] = reason
        return reason

    monkeypatch.setattr(extraction, "_why_not_travelled", recording)
    result = extract_route("On 3 May three men were found in a trailer in the freight lane for the Hook of "
                           "Holland-Harwich ferry. Person B stated that he flew from Hanoi to Budapest and was driven "
                           "via Austria and Germany to Venlo.")
    assert result.route_text == "VNM>HUN>AUT>DEU>NLD"
    assert reasons["GBR"] == "onward"
