"""Round 12 (issue 15), transcripts: kinds of order and extra-country errors of Q/A records. Hand-written texts,
Dutch and English."""
from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- sent back in an answer that names no country left: the country of the turn before was left ---------------------

def test_english_sent_back_in_the_next_answer_puts_it_before_the_country_of_the_last_turn():
    text = ("Q: Were you in Spain? A: Yes, only at the airport in Madrid, they did not let me in. Q: What happened then? "
            "A: They sent me back to Dakar. A month later I flew to Amsterdam with a visa. Q: Were you born in Senegal? "
            "A: No, in Guinea, but I have lived in Dakar for years.")
    assert route(text) == ("SEN", "ESP", "NLD")


def test_dutch_sent_back_in_the_next_answer_puts_it_before_the_country_of_the_last_turn():
    text = ("V: Bent u in Italie geweest? A: Ja, alleen op het vliegveld van Rome, ik mocht er niet in. V: Wat gebeurde "
            "er daarna? A: Ik werd teruggestuurd naar Accra. Drie weken later vloog ik via Lissabon naar Amsterdam. V: Bent u "
            "in Ghana geboren? A: Nee, in Togo, maar ik woon al jaren in Accra.")
    assert route(text) == ("GHA", "ITA", "PRT", "NLD")


def test_the_country_left_in_a_return_still_goes_into_the_gap_its_borders_fill():
    # 'teruggeduwd naar Bosnie' puts Bosnia before Croatia, but not where Croatia goes: between Bosnia and Slovenia
    text = ("V: Hoe kwam u in Oostenrijk? A: Met de trein uit Slovenie. V: Bent u in Kroatie geweest? A: Ja. In Kroatie ben ik "
            "twee keer teruggeduwd naar Bosnie. V: Waar begon uw reis? A: In Kabul. Een smokkelaar bracht mij via Iran "
            "naar Turkije en daarna ging ik naar Griekenland. Daarna Servie en Bosnie.")
    assert route(text) == ("AFG", "IRN", "TUR", "GRC", "SRB", "BIH", "HRV", "SVN", "AUT", "NLD")


# --- a country asked about, answered only with attempts: not reached ------------------------------------------------

def test_english_a_country_answered_only_with_attempts_is_not_reached():
    text = ("Q: Where did your journey begin? A: In Damascus. I flew to Minsk. Q: Did you go to Latvia? A: We tried "
            "four times, the guards pushed us back every time. Q: And then? A: Then Poland, on foot through the forest, "
            "and a car to Germany.")
    assert route(text) == ("SYR", "BLR", "POL", "DEU", "NLD")


def test_dutch_a_country_answered_only_with_attempts_is_not_reached():
    text = ("V: Waar begon uw reis? A: In Kabul, daarna Iran en Turkije. V: Bulgarije? A: Vijf keer geprobeerd, steeds "
            "teruggestuurd. V: Hoe ging u verder? A: Met een boot naar Griekenland en daarna naar Italie.")
    assert route(text) == ("AFG", "IRN", "TUR", "GRC", "ITA", "NLD")


def test_an_attempt_that_worked_later_keeps_the_country():
    # "De zevende keer lukte het", "Bent u er ooit binnengekomen? A: Ja": the country was reached after all
    worked = ("V: Waar begon uw reis? A: In Kabul, daarna Iran en Turkije. V: Bulgarije? A: Vijf keer geprobeerd. De "
              "zesde keer lukte het. V: Hoe ging u verder? A: Met de bus naar Servie.")
    entered = ("Q: Where did your journey begin? A: In Kabul, then Iran and Turkey. Q: Bulgaria? A: We tried five "
               "times. Q: Did you ever get in? A: Yes, the last time. Q: And then? A: By bus to Serbia.")
    assert route(worked) == ("AFG", "IRN", "TUR", "BGR", "SRB", "NLD")
    assert route(entered) == ("AFG", "IRN", "TUR", "BGR", "SRB", "NLD")
