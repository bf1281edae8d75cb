"""Round 11, translated statements and case summaries: hand-written texts (Dutch and English), one test per kind."""

from __future__ import annotations

from routekit.text import extract_route
from routekit.text.gazetteer import find_places
from routekit.text.normalise import fold


def _route(text: str) -> list[str]:
    return list(extract_route(text).route)


def _named(text: str) -> list[str]:
    return [m.place.iso3 for m in find_places(text, fold(text))]


# -- names glued to a word by an apostrophe (glued_names.csv) ---------------------------------------------------

def test_a_town_after_a_french_elided_preposition_is_read():
    assert _named("Je suis partie d'Abidjan en car.") == ["CIV"]
    text = ("Vertaling uit het Frans: 'Je suis partie d'Abidjan en car jusqu'au Mali. Ensuite l'Algérie, "
            "puis la mer jusqu'en Espagne.' Daarna met de trein naar Nederland.")
    assert _route(text)[0] == "CIV"


def test_a_town_before_a_turkish_case_or_derivation_ending_is_read():
    assert _named("Artvin'liyim.") == ["TUR"]
    assert _named("Kayseri'den otobüsle gittim.") == ["TUR"]
    text = ("Translation from Turkish: 'Kayseri'den I went by bus to the border and walked to Gürcistan. "
            "From Tbilisi I flew to Amsterdam.'")
    assert _route(text) == ["TUR", "GEO", "NLD"]


def test_english_clitics_and_lower_case_words_are_no_glued_names():
    assert _named("He didn't say it; the driver's van was red.") == []
    assert _named("l'amour d'abord") == []          # lower case: no name
    assert _named("O'Neill drove us.") == []        # a surname, no town before the apostrophe


# -- a case officer's summary is a Dutch record (cues.yaml dutch_record) ------------------------------------------

def test_a_summary_opening_with_samenvatting_ends_in_the_netherlands():
    assert _route("Samenvatting: bt. verklaart via Iran en Turkije te zijn gereisd; verder niets.") == ["IRN", "TUR", "NLD"]
    assert _route("Samenvatting. Betrokkene verklaart dat hij uit Irak met een vrachtwagen via Turkije naar "
                  "Bulgarije reisde.") == ["IRQ", "TUR", "BGR", "NLD"]


def test_the_english_interview_summary_still_ends_in_the_netherlands():
    assert _route("Summary of the interview. The applicant says he went from Iraq to Turkey and on to "
                  "Bulgaria by truck.") == ["IRQ", "TUR", "BGR", "NLD"]


# -- an ISO3 code in capitals is no other language's name ---------------------------------------------------------

def test_a_nationality_code_in_capitals_is_not_the_vietnamese_name_of_russia():
    assert "RUS" not in _named("Betrokkene (NGA) verklaart dat hij uit Lagos vertrok.")
    text = ("Samenvatting nader gehoor. Betrokkene (NGA) verliet Lagos in 2019 en reisde met een vrachtwagen via "
            "Niger naar Libië. Met de boot naar Italië en met de trein naar Nederland.")
    assert _route(text) == ["NGA", "NER", "LBY", "ITA", "NLD"]
    english = "Summary of the interview. The applicant (NGA nat.) left Kano by truck for Niger and then Libya."
    assert "RUS" not in _route(english)


def test_the_vietnamese_name_written_as_a_name_still_counts():
    assert _named("Translation from Vietnamese: 'I flew to Nga, to Moscow.'") == ["RUS", "RUS"]


# -- a translation named without its source language is made for the Dutch file (document.yaml file_translation) --

def test_a_translated_statement_without_its_language_ends_in_the_netherlands():
    assert _route("Translated statement. 'I left Kabul and walked to Iran. From Iran a bus took us to "
                  "Turkey, and then a boat to Greece.'")[-1] == "NLD"
    assert _route("Letterlijke weergave van een brief van betrokkene: 'Ik ging van Kabul naar Iran, en van Iran "
                  "met de bus naar Turkije en met een boot naar Griekenland.'")[-1] == "NLD"
