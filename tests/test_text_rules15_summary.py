"""Round 15, case officers' interview summaries: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


# -- "een vrouw" is a woman, not a wife: the subject's origin is no relative's home ---------------------------------

def test_a_woman_from_a_town_described_as_the_subject_is_her_origin_not_a_wifes_home():
    text = ("Samenvatting nader gehoor. Betrokkene is een jonge vrouw uit Keren. Zij liep in 2019 naar Soedan en "
            "reisde met een smokkelaar naar Libie. Met een boot kwam zij in Italie aan en met de trein reisde zij naar "
            "Nederland.")
    assert _route(text) == ["ERI", "SDN", "LBY", "ITA", "NLD"]


def test_a_young_woman_in_apposition_to_the_subject_keeps_her_home_town():
    text = ("Samenvatting gehoor. Betrokkene, een 23-jarige Afghaanse vrouw uit Herat, ging in 2021 met haar oom naar "
            "Iran. Van daar reisde zij te voet naar Turkije en met een boot naar Griekenland. Zij vloog daarna naar "
            "Nederland.")
    assert _route(text) == ["AFG", "IRN", "TUR", "GRC", "NLD"]


def test_a_wife_still_lives_where_she_lives():
    # "zijn vrouw": the wife; her place is no stop
    text = ("Samenvatting gehoor. Betrokkene vertrok in 2020 uit Herat naar Iran. Zijn vrouw woont in Pakistan. Via "
            "Turkije en Griekenland kwam hij naar Nederland.")
    assert "PAK" not in _route(text)


def test_a_wife_after_an_indefinite_article_with_a_place_is_still_a_wife():
    # "heeft een vrouw in Duitsland": his wife lives there, no stop
    text = ("Samenvatting gehoor. Betrokkene heeft een vrouw in Duitsland. Hij vertrok in 2020 uit Herat naar Iran en "
            "reisde via Turkije en Griekenland naar Nederland.")
    assert "DEU" not in _route(text)


# -- a second journey told by leaving again after the first arrival in the Netherlands (journeys.first_journey) ------

def test_leaving_again_after_reaching_the_netherlands_starts_a_later_journey():
    text = ("Samenvatting gehoor. Betrokkene vertrok in 2015 uit Irak en reisde via Turkije en Griekenland naar "
            "Nederland. In 2017 werd hij overgedragen aan Griekenland. In 2019 vertrok hij opnieuw, nu via Bulgarije "
            "en Servie, en meldde hij zich in Ter Apel.")
    assert _route(text) == ["IRQ", "TUR", "GRC", "NLD"]


def test_leaving_again_in_english_starts_a_later_journey():
    text = ("Interview summary. The applicant left Eritrea in 2016 and travelled through Sudan and Libya to Italy, then "
            "by train to the Netherlands. In 2018 he was sent to Italy under the Dublin Regulation. In 2021 he left "
            "again, this time through Austria and Germany, and reported at Ter Apel.")
    assert _route(text) == ["ERI", "SDN", "LBY", "ITA", "NLD"]


def test_leaving_again_before_any_arrival_in_the_netherlands_cuts_nothing():
    # the record opens with the arrival now: the journey told after it is the one that reached the Netherlands
    text = ("Samenvatting gehoor. Betrokkene meldde zich op 2 mei 2024 in Ter Apel. Hij vertrok in 2016 uit Syrie naar "
            "Libanon en werd in 2018 teruggestuurd naar Syrie. In 2022 vertrok hij opnieuw, nu naar Turkije, en reisde "
            "via Griekenland naar Nederland.")
    assert _route(text) == ["SYR", "LBN", "TUR", "GRC", "NLD"]


def test_leaving_again_after_the_first_arrival_told_after_the_arrival_now():
    # the record opens with the registration now; the first arrival is the Netherlands reached after a place abroad
    text = ("Samenvatting gehoor. Betrokkene meldde zich op 2 mei 2024 in Ter Apel. Hij reisde in 2016 vanuit Irak via "
            "Turkije naar Nederland en werd in 2018 aan Duitsland overgedragen. In 2022 vertrok hij opnieuw, nu via "
            "Polen, en kwam hij met de bus naar Ter Apel.")
    assert _route(text) == ["IRQ", "TUR", "NLD"]


# -- a case officer's summary named without its article is a Dutch record; a minor's origin is no place left ---------

def test_a_summary_of_main_interview_ends_in_the_netherlands():
    text = ("Summary of main interview. The applicant left Ghana by bus and flew from Niamey to Istanbul. From there a "
            "smuggler took him by boat to Greece.")
    assert _route(text) == ["GHA", "NER", "TUR", "GRC", "NLD"]


def test_an_unaccompanied_minor_from_a_country_names_no_route():
    text = ("Summary of the interview. The applicant is an unaccompanied minor from Mali. He cannot name the countries "
            "he passed and says he came 'with a lorry and then a boat'.")
    assert _route(text) == []
