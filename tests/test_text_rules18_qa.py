"""Round 18, transcripts (qa): a bare 'From?' asks where the leg to the last answer's place began."""

from routekit.text.extraction import extract_route


def test_bare_from_question_puts_its_answer_before_the_last_answers_country():
    text = ("Q: Where did you land in Greece? A: On Lesbos, at night. Q: From? A: A beach near Ayvalik. "
            "Q: How did you get to Turkey? A: By bus from Damascus. Q: After Greece? A: I flew to Amsterdam.")
    assert extract_route(text).route == ("SYR", "TUR", "GRC", "NLD")


def test_bare_vanuit_question_dutch_transcript():
    text = ("V: Waar kwam u in Griekenland aan? A: Op Samos. V: Vanuit? A: Kusadasi. V: Hoe kwam u in Turkije? "
            "A: Met de bus vanuit Bagdad. V: En toen? A: Met het vliegtuig naar Nederland.")
    assert extract_route(text).route == ("IRQ", "TUR", "GRC", "NLD")
