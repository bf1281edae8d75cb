"""Round 18, case officers' interview summaries: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


# -- a country named once and turned away from with a 'but' right after it is no stop --------------------------------

def test_a_version_first_told_and_then_corrected_is_no_stop():
    text = ("Samenvatting nader gehoor. Betrokkene is een Somalische man uit Baidoa. Hij vertelde eerst dat hij via "
            "Djibouti reisde, maar corrigeerde dat later in het gehoor: hij ging via Ethiopie, waar hij een visum kreeg. "
            "Van Addis Abeba vloog hij naar Istanbul en van daar met een boot naar Lesbos. Daarna vloog hij naar "
            "Nederland.")
    assert _route(text) == ["SOM", "ETH", "TUR", "GRC", "NLD"]


def test_a_plan_named_once_before_a_but_is_no_stop():
    text = ("Samenvatting gehoor. Betrokkene, een Afghaanse man, liep in 2020 van Herat naar Iran en stak over naar "
            "Turkije. In Istanbul was Italie het plan, maar de smokkelaar zette de groep in een vrachtwagen naar "
            "Bulgarije. Via Servie en Hongarije kwam hij in Oostenrijk en met de trein in Nederland.")
    assert _route(text) == ["AFG", "IRN", "TUR", "BGR", "SRB", "HUN", "AUT", "NLD"]


def test_a_country_named_again_after_the_but_stays():
    # the country is told again as travelled: the 'but' turns from something else
    text = ("Samenvatting gehoor. Betrokkene reisde per bus naar Turkije, maar de bus werd aangehouden. Na een week "
            "in Turkije voer hij naar Griekenland en vloog hij naar Nederland.")
    assert "TUR" in _route(text)


def test_a_place_left_before_a_but_stays():
    # the 'but' turns from the way, not from the country left
    text = ("Samenvatting nader gehoor. Betrokkene zegt dat hij Burundi verliet richting Rwanda, maar dat de reis lang "
            "duurde. Van Kigali vloog hij naar Brussel en nam de trein naar Nederland.")
    assert _route(text)[0] == "BDI"


def test_outside_summaries_a_country_before_a_but_stays():
    text = ("V: Hoe reisde u? A: Met de bus naar Servie, maar de politie hield ons tegen. Daarna liepen we naar "
            "Hongarije en namen de trein naar Oostenrijk en Nederland.")
    assert "SRB" in _route(text)


# -- a correction told by the record: the countries the new version denies leave the version corrected -------------

def test_a_country_denied_in_the_correction_leaves_the_sentence_before():
    text = ("Interview summary. The applicant, a Guinean man, says that he first went to Mali, to a camp near Gao, and "
            "then to Algeria. Later in the interview he corrected this: he did not go to Mali, he went directly from "
            "Guinea to Algeria by road. From Algeria he crossed to Spain by boat and came to the Netherlands by bus.")
    assert _route(text) == ["GIN", "DZA", "ESP", "NLD"]


def test_a_corrected_destination_keeps_the_rest_of_the_sentence_before():
    text = ("Summary. The applicant (NPL) says he left Kathmandu in 2019 to work in Qatar. In 2022 an agent sent him to "
            "Dubai, from where he was flown to Moscow and taken by car to Latvia? He corrects himself: not to Latvia "
            "but to Lithuania, on foot through the forest. From there he went by bus to Poland and Germany, and then "
            "by train to the Netherlands.")
    route = _route(text)
    assert "LVA" not in route
    assert route[:4] == ["NPL", "QAT", "ARE", "RUS"] and "LTU" in route
