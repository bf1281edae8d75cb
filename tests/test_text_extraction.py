"""Unit tests of route extraction: each hard case of the issue, modes, smuggler, bad inputs."""

import pytest

from routekit.text import extract_route, extract_frame
from routekit.text.extraction import REASON_EMPTY, REASON_OTHER_LANGUAGE, REASON_UNREADABLE


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # intention
    ("Ik ben vanuit Belgie met de trein naar Nederland gekomen. Ik wilde naar Engeland.", "BEL>NLD"),
    ("He came from Germany to the Netherlands by bus, on his way to the UK.", "DEU>NLD"),
    # negation
    ("Ik ben niet in België geweest. Ik kwam vanuit Duitsland naar Nederland.", "DEU>NLD"),
    ("He never stayed in Hungary. He went from Serbia to Croatia and then to Austria.", "SRB>HRV>AUT"),
    # relatives living elsewhere
    ("Mijn broer woont in Zweden. Ik reisde van Turkije naar Griekenland.", "TUR>GRC"),
    ("The applicant has a brother (Ali) living in the UK. She flew from Iran to Turkey.", "IRN>TUR"),
    ("Ik ging met mijn broer van Syrië naar Libanon.", "SYR>LBN"),
    # forged / foreign documents
    ("Hij had een paspoort van Bulgarije en vloog van Istanbul naar Schiphol.", "TUR>NLD"),
    ("Hij reisde met een vals Bulgaars paspoort van Turkije naar Nederland.", "TUR>NLD"),
    # reversed order
    ("Eerst naar Turkije, vanuit Syrië. Daarna naar Griekenland.", "SYR>TUR>GRC"),
    ("Ik kwam via Duitsland. Daarvoor was ik in Polen en daarvoor in Wit-Rusland.", "BLR>POL>DEU"),
    # exonyms and misspellings
    ("Syrie, Turkei, Griekeland, Masedonie, Servie, Ungarn, Österreich, Deutschland, Nederland", 
     "SYR>TUR>GRC>MKD>SRB>HUN>AUT>DEU>NLD"),
    # cities, islands, border towns, enclaves -> country
    ("Van Bodrum naar Lesbos, daarna naar Ter Apel.", "TUR>GRC>NLD"),
    ("From Tripoli to Lampedusa, then to Ventimiglia and Menton.", "LBY>ITA>FRA"),
    ("Vanuit Nador over het hek naar Melilla, later naar Hazeldonk.", "MAR>ESP>NLD"),
    ("From Dakar by boat to the Canary Islands, then by plane to Schiphol.", "SEN>ESP>NLD"),
    # Netherlands last
    ("Ik ben in Nederland aangekomen. Ik kwam uit Duitsland.", "DEU>NLD"),
    # nationality vs start
    ("Ik kom uit Afghanistan maar woonde in Iran. Vanuit Iran ben ik naar Turkije gelopen.", "IRN>TUR"),
    ("Ik kom uit Afghanistan. Via Iran ben ik naar Turkije gegaan.", "AFG>IRN>TUR"),
    # interviewer's question and personal header lines are not the route
    # the answered question about coming to NL shows the person reached it (dialogue.py)
    ("Adres: Kerkstraat 1, 1234 AB Utrecht\nV: Hoe bent u naar Nederland gekomen?\nA: Van Syrië naar Turkije.",
     "SYR>TUR>NLD"),
])
def test_hard_cases(text, expected):
    assert route(text) == expected


def test_modes_per_leg():
    result = extract_route("Vanuit Syrië ging ik te voet naar Turkije. Daarna met een rubberboot naar Lesbos. "
                           "Met de trein naar Duitsland en met de bus naar Nederland.")
    assert result.route == ("SYR", "TUR", "GRC", "DEU", "NLD")
    assert result.modes == ("foot", "boat", "train", "bus")


def test_mode_unknown_when_not_told():
    result = extract_route("He travelled from Iraq to Turkey and then to Greece.")
    assert result.modes == ("unknown", "unknown")


@pytest.mark.parametrize("text, expected", [
    ("Ik heb 3000 euro betaald aan een smokkelaar om van Turkije naar Griekenland te gaan.", "yes"),
    ("He travelled from Turkey to Greece without a smuggler.", "no"),
    ("Ik heb geen smokkelaar gebruikt. Van Turkije naar Griekenland.", "no"),
    ("Van Turkije naar Griekenland.", "unknown"),
    # a smuggler who supplied a forged document is a facilitator of the journey (UN Smuggling Protocol, art. 6)
    ("Ik kreeg een vals paspoort van de smokkelaar. Van Turkije naar Griekenland.", "yes"),
])
def test_smuggler(text, expected):
    assert extract_route(text).smuggler == expected


@pytest.mark.parametrize("text, reason, asked", [
    (None, REASON_EMPTY, False),
    ("", REASON_EMPTY, False),
    ("   \n ", REASON_EMPTY, False),
    ("Je suis venu de Syrie en Turquie puis en Grèce avec ma famille.", REASON_OTHER_LANGUAGE, True),
    ("Ich bin aus Syrien über die Türkei nach Deutschland gekommen und dann nach Holland.", REASON_OTHER_LANGUAGE, True),
    ("\ufffd\ufffd\ufffd\ufffd abc", REASON_UNREADABLE, True),
    ("\x00\x01\x02\x03\x04\x05 \x06\x07", REASON_UNREADABLE, True),
])
def test_bad_inputs_give_a_reason(text, reason, asked):
    result = extract_route(text)
    assert result.route == ()
    assert result.reason == reason
    assert result.route_asked is asked


def test_no_route_information():
    result = extract_route("Betrokkene wenste geen verklaring af te leggen.")
    assert result.route == () and result.route_asked is False and result.reason


def test_very_long_text_does_not_crash():
    text = "Vanuit Syrië naar Turkije. " + "Het was een zware reis. " * 4000 + "Daarna naar Griekenland."
    assert len(text) > 90_000
    assert extract_route(text).route == ("SYR", "TUR", "GRC")


def test_confidence_is_a_probability():
    for text in ["Van Syrië naar Turkije.", "", "Ik wilde naar Engeland maar kwam via Duitsland in Nederland."]:
        assert 0.0 <= extract_route(text).confidence <= 1.0


def test_output_carries_no_text():
    result = extract_route("Ahmed Khalil (v-nummer 1234567890) reisde van Syrië naar Turkije.")
    fields = [result.route_text, result.modes_text, result.smuggler, result.reason]
    assert not any("Ahmed" in f or "1234567890" in f for f in fields)


def test_extract_frame_keeps_every_row_in_order():
    import pandas as pd

    frame = pd.DataFrame({"id": ["c", "a", "b"], "text": ["Van Syrië naar Turkije.", None, "x" * 10]})
    result = extract_frame(frame, "id", "text")
    assert list(result["id"]) == ["c", "a", "b"]
    assert list(result.columns[:7]) == ["id", "route", "modes", "smuggler", "route_asked", "confidence", "reason"]
    assert list(result["route"]) == ["SYR>TUR", "", ""]
    assert result.loc[1, "reason"] == REASON_EMPTY
