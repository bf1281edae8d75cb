"""Round 17, transcripts (qa): a country told only as left that lies farthest from the Netherlands is the start."""

from routekit.text.extraction import extract_route


def test_start_told_only_as_left_in_a_later_answer_goes_first():
    text = ("Q: Where did you first arrive in Europe? A: In Lisbon. By plane, from Luanda. Q: From Angola? "
            "A: Yes, from Luanda. Q: When did you go on? A: In June. Q: Straight to the Netherlands? "
            "A: No, via Spain, by bus.")
    assert extract_route(text).route == ("AGO", "PRT", "ESP", "NLD")


def test_start_told_only_as_left_dutch_transcript():
    text = ("V: Waar kwam u het Koninkrijk binnen? A: Op Aruba. Met een boot, vanuit Coro. V: Vanuit Venezuela? "
            "A: Ja, vanaf de kust bij Coro. V: Wanneer vloog u naar Nederland? A: In mei. V: Rechtstreeks vanaf "
            "Aruba? A: Nee, via Curaçao, daar stapte ik over.")
    assert extract_route(text).route[0] == "VEN"


def test_country_left_on_the_leg_into_the_netherlands_is_not_the_start():
    # France lies farther from the Netherlands than Germany, but it is left on the leg into the Netherlands
    text = ("Proces-verbaal. Betrokkene verklaarde dat hij in een bestelbus vanuit Lyon naar Nederland was gebracht. "
            "Eerder had hij in Duitsland gewoond.")
    assert extract_route(text).route == ("DEU", "FRA", "NLD")
