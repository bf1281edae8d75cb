"""Round 13 (issue 15), transcripts and lawyers' letters: kinds of extra-country errors. Hand-written texts, Dutch and
English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- a question asking which country a town's name means ("Tripoli in Libie?"), answered 'no': not that country ----

@pytest.mark.parametrize("text, expected", [
    # Dutch: the town's reading goes everywhere, also from the first answer
    ("V: Waar vertrok u? A: Uit Tripoli. V: Tripoli in Libië? A: Nee, Tripoli in het noorden van Libanon. Ik vloog "
     "vanuit Beiroet naar Istanbul en daarna naar Amsterdam.", ("LBN", "TUR", "NLD")),
    # English
    ("Q: How did you get there? A: By car to Brest, at the border. Q: Brest in France? A: No, Brest in Belarus. "
     "Q: Then? A: By train to Poland, then Germany and the Netherlands.", ("BLR", "POL", "DEU", "NLD")),
    # the 'no' is about the town's name, not the country: Libya is told by another place in it
    ("Q: Where did you start? A: In Tripoli, in Lebanon. Q: Tripoli in Libya? A: No. Later I went to Benghazi "
     "and by boat to Italy and then by train to the Netherlands.", ("LBN", "LBY", "ITA", "NLD")),
    # a 'yes' keeps the town
    ("Q: Where did you start? A: In Tripoli. Q: Tripoli in Libya? A: Yes, the capital. Then by boat to Italy "
     "and by train to the Netherlands.", ("LBY", "ITA", "NLD")),
])
def test_a_no_to_a_town_in_a_country_question_drops_that_reading_of_the_town(text, expected):
    assert route(text) == expected


# --- a boat passing a country, another country's coast guard bringing them elsewhere: no stop there ------------------

@pytest.mark.parametrize("text, expected", [
    ("Page 7: the report says that my client crossed from Libya to Malta. My client said the boat passed Malta "
     "and landed in Sicily. From Italy he travelled by train to the Netherlands.", ("LBY", "ITA", "NLD")),
    ("Q: How did you leave Libya? A: In a rubber boat from Zuwara. The ship passed Malta at night and reached "
     "Lampedusa. Q: Then? A: By train to Milan and on to Amsterdam.", ("LBY", "ITA", "NLD")),
    ("Cliënt vertrok met een boot uit Libië. De kustwacht van Malta bracht hen naar Lampedusa. Vanuit Italië "
     "reisde hij met de trein naar Nederland.", ("LBY", "ITA", "NLD")),
    # taken TO the island state after the rescue: a stop; rescued at the coast reached: that country
    ("We left Libya by boat. The coast guard rescued us and took us to Malta. After a year in Malta I flew to "
     "Italy and took the train to the Netherlands.", ("LBY", "MLT", "ITA", "NLD")),
    ("Hij vertrok uit Zuwara met een boot en werd pas bij Sicilië gered. Met de trein reisde hij naar Nederland.",
     ("LBY", "ITA", "NLD")),
])
def test_a_boat_passing_a_country_or_its_coast_guard_taking_them_elsewhere_is_no_stop_there(text, expected):
    assert route(text) == expected


# --- a letter: the client did not TELL someone that ... (said to the officer): not part of the account ----------------

@pytest.mark.parametrize("text", [
    "Corrections to the interview report of my client Ms B. She did not tell the officer that she had stayed in "
    "Greece; her husband did. She crossed from Turkey to Bulgaria on foot and came by bus to the Netherlands.",
    "Correcties op het rapport van het nader gehoor van cliënte. Cliënte heeft de gehoormedewerker nooit verteld "
    "dat zij in Griekenland was. Zij liep van Turkije naar Bulgarije en kwam met de bus naar Nederland.",
])
def test_letter_client_did_not_tell_someone_that_she_was_somewhere(text):
    assert route(text) == ("TUR", "BGR", "NLD")
