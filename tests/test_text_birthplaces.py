"""Birthplaces told in other shapes are no stops (issue 15): the answer to a yes/no birth question ("V: Bent u in
Egypte geboren? A: Nee, in Bangladesh"), an inverted or auxiliary Dutch birth ("Geboren ben ik in Kabul", "hoewel hij
in Tsjaad is geboren"), "X is where he was born"; and a coast passed close by. The texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    ("V: Hoe kwam u in Servie? A: Met het vliegtuig uit Amman. V: Bent u in Jordanie geboren? A: Nee, in Irak, maar "
     "ik woonde tien jaar in Amman. V: En daarna? A: Met de bus naar Hongarije en de trein naar Utrecht.",
     "JOR>SRB>HUN>NLD"),
    ("Q: How did you reach Libya? A: From Niger, by truck. Q: Were you born in Niger? A: No, in Mali, but we moved to "
     "Niamey when I was small. Q: And then? A: A boat to Italy and a train to Amsterdam.", "NER>LBY>ITA>NLD"),
    ("V: Waar vertrok u? A: Uit Teheran, daar woonde ik. Geboren ben ik in Herat. V: En daarna? A: Te voet naar "
     "Turkije en met de bus naar Nederland.", "IRN>TUR>NLD"),
    ("Samenvatting. Hij vertrok uit Bamako, zijn woonplaats, hoewel hij in Senegal is geboren. Hij reisde door "
     "Algerije naar Libie en met de boot naar Italie. Met de trein kwam hij in Nederland.", "MLI>DZA>LBY>ITA>NLD"),
    ("Letter. The report says client left from Herat. Herat is where his father was born. Client grew up in Quetta, "
     "Pakistan, and left from there to Iran and Turkey, and flew from Istanbul to Amsterdam.", "PAK>IRN>TUR>NLD"),
])
def test_a_birthplace_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    ("Summary. He left Izmir by sailing boat, passing close to the coast of Greece, and reached Calabria. From Italy "
     "he took the train to Amsterdam.", "TUR>ITA>NLD"),
])
def test_a_coast_passed_close_by_is_no_stop(text, route):
    assert extract_route(text).route_text == route
