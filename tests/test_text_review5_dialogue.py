"""Review 5, findings 2, 4, 10 and 14 (issue 15), the transcript turns of ``dialogue.py``:
2: a polite 'zou u' / 'would you' in a question with 'als'/'if' is no counterfactual question; only one about what
   would have happened ("waar was u dan heen gegaan?", "would you have gone ...?") drops its answer's places.
4: an answer to a 'direct' question that is not about a flight ("direct naar Duitsland gegaan?", "directly to the
   police?") is not rewritten as a change of planes.
10: denying a place ('San Sebastian', 'Sankt Gallen') denies that place only, not every place that starts with its
   first word ('Santander', 'Sankt Margrethen').
14: 'twee uur' is no spelled-out wording of its own in layover_answer ('\\w+ uur' covers it)."""

from __future__ import annotations

import re

import pytest

from routekit.text.document import cues
from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


def modes(text: str) -> str:
    return extract_route(text).modes_text


@pytest.mark.parametrize("text, expected", [
    ("V: Zou u kunnen vertellen hoe u als minderjarige bent gereisd? A: Ik ging van Eritrea naar Soedan, daarna naar "
     "Libie en met een boot naar Italie.", "ERI>SDN>LBY>ITA"),
    ("V: Had u als minderjarige alleen gereisd? A: Ja, van Eritrea naar Soedan en daarna naar Libie.", "ERI>SDN>LBY"),
    ("V: Waarom zou u Nederland kiezen als u al in Duitsland was? A: Mijn oom woont hier. Ik kwam uit Syrie via "
     "Turkije, Griekenland en Duitsland.", "SYR>TUR>GRC>DEU>NLD"),
    ("Q: Why would you leave Italy if you had papers there? A: I had no work. I came from Libya to Italy by boat and "
     "then went to France by train.", "LBY>ITA>FRA"),
])
def test_a_polite_question_keeps_its_answer(text, expected):
    assert route(text) == expected


# a polite formula is no condition (cues.yaml polite_conditional)
@pytest.mark.parametrize("text, expected", [
    ("Q: If you can, would you tell me how you travelled? A: From Afghanistan to Iran, then to Turkey and by boat to "
     "Greece.", "AFG>IRN>TUR>GRC"),
    ("V: Zou u, als u wilt, uw reis beschrijven? A: Van Irak naar Turkije en daarna met de boot naar Griekenland.",
     "IRQ>TUR>GRC"),
])
def test_a_polite_conditional_joined_to_its_answer(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("V: U kwam via Italie. Als Italie u niet had geregistreerd, waar was u dan heen gegaan? A: Naar Portugal. "
     "V: Hoe bent u gereisd? A: Van Libie met de boot naar Italie en met de trein naar Nederland.", "LBY>ITA>NLD"),
    ("Q: If your brother had sent more money, would you have gone to France? A: Yes, to France. Q: How did you "
     "travel? A: From Libya by boat to Italy, then by train to the Netherlands.", "LBY>ITA>NLD"),
    ("V: Waar was u heen gegaan als Italie u niet had geregistreerd? A: Naar Portugal. V: Hoe reisde u? A: Van Libie "
     "met de boot naar Italie en met de trein naar Nederland.", "LBY>ITA>NLD"),
    ("V: Als u geld had gehad, zou u dan naar Canada zijn gegaan? A: Ja, naar Canada. V: Hoe bent u gereisd? "
     "A: Van Libie met de boot naar Italie en met de trein naar Nederland.", "LBY>ITA>NLD"),
])
def test_a_counterfactual_question_still_tells_no_stop(text, expected):
    assert route(text) == expected


def test_a_direct_question_not_about_a_flight_is_no_layover():
    text = ("V: Bent u direct naar Duitsland gegaan? A: Nee, in Oostenrijk heb ik een week gewacht. Daarna ben ik "
            "naar Nederland gegaan. V: Hoe kwam u in Oostenrijk? A: Vanuit Hongarije.")
    assert route(text) == "HUN>AUT>NLD"
    text = ("Q: Did you go directly to the police? A: No, in Germany I first stayed with my uncle. I came from "
            "Poland by bus.")
    result = extract_route(text)
    assert "plane" not in result.modes_text


@pytest.mark.parametrize("text, expected", [
    ("V: Bent u rechtstreeks naar Amsterdam gevlogen? A: Nee, via Istanbul.", "TUR>NLD"),
    ("Q: Did you fly directly to Amsterdam? A: No, I changed in Istanbul.", "TUR>NLD"),
    ("V: Hoe kwam u in Nederland? A: Met het vliegtuig uit Teheran. V: Rechtstreeks? A: Nee, via Istanbul.",
     "IRN>TUR>NLD"),
    ("V: Was de vlucht naar Nederland direct? A: Nee, we stonden twee uur op het vliegveld van Istanbul.", "TUR>NLD"),
])
def test_a_flight_question_still_gives_its_stop(text, expected):
    assert route(text).endswith(expected)


def test_layover_answer_spells_no_single_wording():
    pattern = str(cues()["dialogue"]["layover_answer"])
    assert "twee uur" not in pattern
    assert re.compile(pattern).match("nee, we stonden twee uur op het vliegveld van ")


@pytest.mark.parametrize("text, expected", [
    # 'Al Bab' denied: not 'Aleppo' (no word boundary after 'al'), not 'Al Hasakah' (another name)
    ("V: Bent u in Al Bab geweest? A: Nee. V: Waar komt u vandaan? A: Uit Aleppo. Ik reisde met de bus naar Turkije "
     "en met de boot naar Griekenland.", "SYR>TUR>GRC"),
    ("Q: Were you in Al Bab? A: No. Q: Where are you from? A: From Al Hasakah. I went by car to Iraq and then to "
     "Turkey.", "SYR>IRQ>TUR"),
    # the denied place itself stays denied where the transcript names it again
    ("V: Bent u in Al Bab geweest? A: Nee. V: Hoe reisde u? A: Van Al Bab? Nee. Van Irak naar Turkije.", "IRQ>TUR"),
])
def test_a_denied_place_denies_that_place_only(text, expected):
    assert route(text) == expected
