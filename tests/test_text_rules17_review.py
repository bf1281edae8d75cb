"""Round 17, the review of the round's rules: each test is a case the merged rules got wrong before the mend."""

from routekit.text.extraction import extract_route


def test_a_home_told_first_is_not_dropped_as_a_country_only_named():
    # Iraq is told as where he comes from (a home); the test of a country only named before the start must not drop it
    text = ("He comes from Iraq. Iraq was not safe for him. He lived in Damascus for two years. From Damascus he went "
            "by bus to Turkey, by boat to Greece and flew to Amsterdam.")
    assert extract_route(text).route[:2] == ("IRQ", "SYR")


def test_a_registration_field_names_a_stop_not_a_documents_issuer():
    # "vlag: Panama" is a ship's registry, but "registered: Bulgaria" is where the person was registered
    text = "Eurodac, registered: Bulgaria. He stated that he left Syria by bus to Turkey and then went on to the Netherlands."
    assert "BGR" in extract_route(text).route


def test_a_letter_deleting_a_passage_about_a_country_keeps_the_country():
    text = ("Geachte heer/mevrouw, namens cliënt reageer ik op het verslag van het nader gehoor. Cliënt liep van "
            "Bosnië naar Kroatië en reisde daarna met de trein via Oostenrijk naar Nederland. De zin over de "
            "Dublinclaim van Kroatië moet worden geschrapt.")
    assert extract_route(text).route == ("BIH", "HRV", "AUT", "NLD")


def test_a_rule_after_the_stages_is_no_learned_change():
    # the transcript rule of round 17 moves Angola first after the order stage left the rules' route as it was: the
    # confidence's 'learned_change' feature means a learned stage's change, not that rule's
    text = ("Q: Where did you first arrive in Europe? A: In Lisbon. By plane, from Luanda. Q: From Angola? "
            "A: Yes, from Luanda. Q: When did you go on? A: In June. Q: Straight to the Netherlands? "
            "A: No, via Spain, by bus.")
    result = extract_route(text)
    assert result.route == ("AGO", "PRT", "ESP", "NLD")
    assert "learned_change" not in result.flags
