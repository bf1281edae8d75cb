"""Round 15, translated statements: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


# -- where another person comes from, told with a verb (cues.yaml person_from) ----------------------------------

def test_the_drivers_origin_told_with_a_verb_is_no_stop():
    text = ("Translation from Dari (interpreter 2290): 'We went from Herat to Iran and walked to Turkey. The driver was "
            "from Bulgaria, he took us in a truck to Austria. Then by train to Germany and the Netherlands.'")
    assert _route(text) == ["AFG", "IRN", "TUR", "AUT", "DEU", "NLD"]
    # Dutch "kwam uit" tells where the truck came from, with the person in it: still a stop
    text = ("Aangetroffen in een vrachtwagen bij de grensovergang Zevenaar. De chauffeur kwam uit Keulen. Betrokkene "
            "verklaarde dat hij uit Irak kwam en via Turkije naar Duitsland was gereisd.")
    assert _route(text)[-2:] == ["DEU", "NLD"]
