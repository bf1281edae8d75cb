"""Round 11's review findings (issue 15): cues that fired far wider than meant. Each case failed before its fix;
hand-made texts, not rows of any set."""

from __future__ import annotations

import pytest

from routekit.text import extract_route

COUNTRIES_LISTED = {
    "en": "Q: Which countries did you pass? A: Turkey, Greece, Serbia, Hungary, Austria and Germany. "
          "Q: Do you want to say anything else? A: No.",
    "nl": "V: Welke landen bent u doorgekomen? A: Turkije, Griekenland, Servië, Hongarije, Oostenrijk en Duitsland. "
          "V: Wilt u verder nog iets zeggen? A: Nee, ik wil verder niets zeggen.",
}


@pytest.mark.parametrize("language", sorted(COUNTRIES_LISTED))
def test_the_closing_question_and_its_answer_are_no_refusal(language):
    assert extract_route(COUNTRIES_LISTED[language]).route[:6] == ("TUR", "GRC", "SRB", "HUN", "AUT", "DEU")


@pytest.mark.parametrize("text", [
    "Verbalisant: betrokkene wenste geen verklaring af te leggen. In zijn tas werd een Turkse simkaart en een "
    "busticket uit Duitsland aangetroffen.",
    "The suspect does not want to say anything. A Greek ferry ticket and an Italian SIM card were found.",
])
def test_a_refusal_to_say_anything_still_gives_no_route(text):
    assert extract_route(text).route == ()


@pytest.mark.parametrize("text, kept", [
    ("He travelled from Syria to Turkey. He stayed in Serbia for two weeks. He had never been there before. Then he "
     "went to Hungary and Austria and reached the Netherlands.", "SRB"),
    ("Hij reisde van Syrië naar Turkije. Hij verbleef een jaar in Turkije. Zijn vrouw is daar nooit geweest. Daarna "
     "ging hij naar Griekenland en Italië en kwam in Nederland.", "TUR"),
])
def test_a_denial_pointing_back_with_there_does_not_remove_a_told_stay(text, kept):
    route = extract_route(text).route
    assert kept in route and route[-1] == "NLD"


def test_translated_by_in_the_story_does_not_make_a_record_for_the_dutch_file():
    text = ("He left Eritrea for Sudan and travelled through Libya to Italy. In Italy the smuggler's instructions were "
            "translated by a friend. From Italy he went to France and then by train to Germany.")
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "FRA", "DEU")


def test_samenvatting_counts_only_as_the_records_first_word():
    inside = ("De Belgische politie schreef in haar samenvatting dat betrokkene van Marokko naar Spanje reisde en "
              "daarna met de bus naar België, waar hij werd aangehouden.")
    opening = ("Samenvatting: betrokkene verklaart dat hij van Marokko naar Spanje reisde en daarna met de bus naar "
               "België.")
    assert extract_route(inside).route == ("MAR", "ESP", "BEL")
    assert extract_route(opening).route == ("MAR", "ESP", "BEL", "NLD")
