"""The scrubber removes each kind of personal data and leaves the route words alone."""

import pytest

from routekit.text import extract_route, scrub


@pytest.mark.parametrize("text, secret, placeholder", [
    ("Betrokkene Ahmed Khalil verklaarde het volgende.", "Khalil", "[NAAM]"),
    ("De smokkelaar genaamd Abu Omar regelde alles.", "Omar", "[NAAM]"),
    ("Vreemdeling JANSEN werd aangetroffen.", "JANSEN", "[NAAM]"),
    ("The applicant, Mr Dawit Tesfaye, was heard.", "Tesfaye", "[NAAM]"),
    ("V-nummer: 1234567890.", "1234567890", "[V-NUMMER]"),
    ("Zijn nummer is 2345678901 volgens BVV.", "2345678901", "[V-NUMMER]"),
    ("Bel hem op 06-12345678.", "12345678", "[TELEFOON]"),
    ("Telefoon +31 6 1234 5678.", "1234 5678", "[TELEFOON]"),
    ("Phone: +90 (532) 123 45 67", "123 45 67", "[TELEFOON]"),
    ("Mail naar ahmed.k@example.com graag.", "example.com", "[EMAIL]"),
    ("Geboren op 12-03-1995 te Aleppo.", "1995", "[GEBOORTEDATUM]"),
    ("He was born on 3 March 1990.", "1990", "[GEBOORTEDATUM]"),
    ("Geboortedatum: 12 maart 1995", "1995", "[GEBOORTEDATUM]"),
    ("Hij woont aan de Kerkstraat 12a in Utrecht.", "Kerkstraat 12a", "[ADRES]"),
    ("Adres: Dorpsstraat 18, 9781 VK Utrecht", "9781 VK", "[ADRES]"),
    ("Address: 12 Baker Street, London", "Baker Street", "[ADRES]"),
])
def test_each_kind_of_personal_data_is_replaced(text, secret, placeholder):
    scrubbed = scrub(text)
    assert secret not in scrubbed
    assert placeholder in scrubbed


def test_route_words_survive():
    text = ("Ik ben vanuit Syrië te voet naar Turkije gegaan, daarna met een rubberboot naar Lesbos. "
            "Via Masedonie, Servië en Hongarije met de bus naar Oostenrijk en Duitsland. Bij Hazeldonk "
            "werd ik aangetroffen. Ik wilde naar Engeland. Ik heb een smokkelaar betaald.")
    scrubbed = scrub(text)
    for word in ["Syrië", "Turkije", "Lesbos", "Masedonie", "Servië", "Hongarije", "Oostenrijk", "Duitsland",
                 "Hazeldonk", "Engeland", "te voet", "rubberboot", "met de bus", "smokkelaar"]:
        assert word in scrubbed
    assert extract_route(scrubbed).route == extract_route(text).route


def test_scrub_of_a_full_report():
    text = ("Betrokkene Ahmed Khalil (v-nummer 1234567890), geboren op 12-03-1995, woonachtig aan de "
            "Kerkstraat 12a, 1234 AB Amsterdam, tel. 06-12345678, mail ahmed.k@gmail.com, verklaarde dat hij "
            "via Turkije en Griekenland naar Nederland reisde met de smokkelaar Abu Omar.")
    scrubbed = scrub(text)
    for secret in ["Ahmed", "Khalil", "1234567890", "1995", "Kerkstraat", "1234 AB", "12345678", "gmail", "Omar"]:
        assert secret not in scrubbed
    assert "Turkije" in scrubbed and "Griekenland" in scrubbed and "Amsterdam" in scrubbed


@pytest.mark.parametrize("value", [None, "", float("nan")])
def test_scrub_empty(value):
    assert scrub(value) == ""
