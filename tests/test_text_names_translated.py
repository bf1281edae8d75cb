"""Names in translated statements: the speaker's own names for countries, kept by the interpreter.

Kinds (examples written here, not taken from any evaluation set): Latin transliterations of languages written in
another script (Arabic with and without the article, Urdu/Punjabi, Pashto, Somali definite forms, Amharic/Tigrinya),
endonyms of the Balkan countries, Turkish case endings, Cyrillic names with Russian case endings, and a French
quotation inside a Dutch record. The data: ``exonyms_translit.yaml`` and CLDR, expanded by ``tools/build_exonyms.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from routekit.text.extraction import extract_route
from routekit.text.gazetteer import _key, read_data_csv
from routekit.text.normalise import detect_language, fold
from routekit.text.matcher import tokenize

_TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_exonyms.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_exonyms", _TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _route(text: str) -> str:
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, route", [
    # Arabic (Levantine, Iraqi, Sudanese), the article written or not
    ("Interpreter's translation (Arabic): 'From Aleppo we went to Turkiya. Then a boat to el-Younan, then we walked "
     "through Maqduniya, Slufinya and the train to Almaniya.' He then came to the Netherlands.",
     "SYR>TUR>GRC>MKD>SVN>DEU>NLD"),
    ("Vertaling uit het Arabisch: 'Ik ging van Kassala naar Libiya, en met de boot naar Italiya. Daarna de trein naar "
     "Sweesra en Biljika.' Daarna kwam hij in Nederland.", "SDN>LBY>ITA>CHE>BEL>NLD"),
    # Urdu / Punjabi and Pashto
    ("Vertaling uit het Punjabi: 'Uit Lahore ging ik naar Iran en lopend naar Turkey. Daarna met de boot naar Yunaan, "
     "toen Bosnia en Croshia, dan Itli en hier in Nederland.'", "PAK>IRN>TUR>GRC>BIH>HRV>ITA>NLD"),
    ("Translation from Pashto: 'From Kunduz to Iran, then Turkey. Then Bulgaria, then Sarbistan and Hangri, then "
     "Olmon.' Afterwards he came to the Netherlands by train.", "AFG>IRN>TUR>BGR>SRB>HUN>DEU>NLD"),
    # Somali: the definite forms
    ("Vertaling (tolk Somalisch): 'Ik ging van Kismaayo naar Kiinya en vloog naar Turkiga. Van daar naar Giriigta, "
     "toen Awstariya en Jarmalka.' Daarna kwam hij naar Nederland.", "SOM>KEN>TUR>GRC>AUT>DEU>NLD"),
    # Amharic / Tigrinya
    ("Translated statement (Tigrinya): 'From Asmara to Sudan, to Libia, by boat to Italya, then train to Siwiz "
     "and Austriya.' Then he travelled to the Netherlands.", "ERI>SDN>LBY>ITA>CHE>AUT>NLD"),
    # endonyms of the Balkan legs
    ("Translated statement (Farsi): 'From Tehran to Turkey, then Greece, then Srbija, Hrvatska and Slovenija, and by "
     "train to Italy.' He reached the Netherlands by bus.", "IRN>TUR>GRC>SRB>HRV>SVN>ITA>NLD"),
])
def test_transliterated_country_names_make_the_route(text, route):
    assert _route(text) == route


@pytest.mark.parametrize("text, route", [
    ("Vertaling uit het Arabisch: 'Van el-Obeid ging ik naar Libië, toen met de boot naar Italië.' Daarna kwam hij "
     "met de trein naar Nederland.", "SDN>LBY>ITA>NLD"),
    ("Translated statement (Arabic): 'I left al-Mukalla by boat to Somalia, then Sudan and Libya, the sea to "
     "Italy.' He then reached the Netherlands.", "YEM>SOM>SDN>LBY>ITA>NLD"),
])
def test_arab_towns_with_the_article_in_lower_case(text, route):
    assert _route(text) == route


def test_turkish_names_with_case_endings():
    text = ("Vertaling uit het Turks: 'İran'dan yürüdüm. Türkiye'de çalıştım, sonra Yunanistan'a botla, "
            "Sırbistan'dan Macaristan'a, Avusturya'dan Almanya'ya trenle, Almanyadan Hollanda'ya otobüsle.'")
    assert _route(text) == "IRN>TUR>GRC>SRB>HUN>AUT>DEU>NLD"


def test_cyrillic_names_with_russian_case_endings_in_an_english_record():
    text = ("Translated statement (Russian): 'Из Ташкента я полетел в Стамбул' - from Tashkent he flew to Istanbul. "
            "'Потом в Сербию и в Венгрию, оттуда на поезде до Австрии и Германии, потом до Голландии.'")
    assert _route(text) == "UZB>TUR>SRB>HUN>AUT>DEU>NLD"


def test_arabic_script_names_with_joined_prepositions_in_an_english_record():
    text = ("Translated statement (Arabic). The applicant wrote: 'خرجت من العراق إلى تركيا ثم باليونان' - he left "
            "Iraq. He walked through Serbia and the interpreter read 'ثم المجر والنمسا' for the last part. He came "
            "to the Netherlands by train.")
    assert _route(text) == "IRQ>TUR>GRC>SRB>HUN>AUT>NLD"


def test_persian_script_names_in_a_dutch_record():
    text = ("Vertaling uit het Farsi: 'از ایران به ترکیه رفتم' - ik ging van Iran naar Turkije. Daarna met de boot "
            "naar 'یونان' en met het vliegtuig naar 'آلمان'. Toen met de trein naar Nederland.")
    assert _route(text) == "IRN>TUR>GRC>DEU>NLD"


def test_a_latin_word_that_folds_like_an_arabic_name_is_no_place():
    assert _route("Vertaling uit het Turks: 'Iran'dan kamyon ile Türkiye'ye, sonra Yunanistan'a.' Daarna kwam hij "
                  "naar Nederland.") == "IRN>TUR>GRC>NLD"


def test_a_record_wholly_in_arabic_is_still_another_language():
    assert extract_route("خرجت من سوريا إلى تركيا ثم اليونان ثم النمسا وألمانيا وهولندا").reason == "other language"


def test_a_record_wholly_in_russian_is_still_another_language():
    text = "Мы поехали из Грозного в Москву на поезде, потом в Минск и в Польшу, потом в Германию и Нидерланды."
    assert extract_route(text).reason == "other language"


def test_a_dutch_record_quoting_a_french_statement_is_read():
    text = ("Vertaling door de tolk van de brief die betrokkene aan de medewerker gaf, met de Franse tekst: "
            "'Je suis parti de Conakry avec mon frère, puis le Mali et l'Algérie, ensuite le Maroc. Après "
            "l'Espagne je suis venu aux Pays-Bas en bus.'")
    assert extract_route(text).reason == ""
    assert _route(text) == "GIN>MLI>DZA>MAR>ESP>NLD"


def test_a_french_text_without_a_dutch_frame_is_another_language():
    text = "'Je suis parti de Conakry, puis le Mali et l'Algérie, ensuite le Maroc et l'Espagne jusqu'aux Pays-Bas.'"
    folded = fold(text)
    assert detect_language(text, folded, tokenize(folded).words) == "fr"


@pytest.mark.parametrize("name, forms", [
    ("İran", {"İran'a", "İran'da", "İran'dan", "İran'ın", "İran'ı"}),
    ("Irak", {"Irak'a", "Irak'ta", "Irak'tan"}),
    ("Almanya", {"Almanya'ya", "Almanya'da", "Almanya'dan", "Almanyada", "Almanyaya"}),
    ("Türkiye", {"Türkiye'ye", "Türkiye'de", "Türkiye'den", "Türkiye'nin"}),
    ("Bulgaristan", {"Bulgaristan'a", "Bulgaristan'dan", "Bulgaristandan"}),
])
def test_turkish_case_forms_follow_vowel_harmony(build, name, forms):
    assert forms <= set(build.turkish_case_forms(name))


def test_short_turkish_stems_are_not_fused(build):
    assert "Fasta" not in build.turkish_case_forms("Fas")   # Morocco: "Fas'ta" only


@pytest.mark.parametrize("name, language, forms", [
    ("Италия", "ru", {"Италии", "Италию", "Италией"}),
    ("Иран", "ru", {"Ирана", "Ирану", "Иране"}),
    ("Москва", "ru", {"Москвы", "Москву", "Москве"}),
    ("Італія", "uk", {"Італії", "Італію"}),
    ("Того", "ru", set()),
])
def test_slavic_case_forms(build, name, language, forms):
    assert forms <= set(build.slavic_case_forms(name, language))
    if not forms:
        assert build.slavic_case_forms(name, language) == []


def test_spelling_variants_cover_the_article_and_endings(build):
    assert {"Nimsa", "al-Nimsa", "el-Nimsa"} <= set(build.spelling_variants("Al-Nimsa"))
    assert {"Sirbia", "Sirbiyya"} <= set(build.spelling_variants("Sirbiya"))
    assert "Sudan" in build.spelling_variants("Suudaan")


def test_no_generated_name_is_a_common_dutch_or_english_word():
    for row in read_data_csv("exonyms_cldr.csv"):
        key = _key(row["alias"])
        # wordfreq guesses a phrase's frequency from its words: only single words are checked; a name in Arabic
        # script counts only written exactly so (case_sensitive yes), whatever Latin letters it folds to
        if " " not in key and row["case_sensitive"] != "yes":
            assert max(zipf_frequency(key, "nl"), zipf_frequency(key, "en")) < 2.5, row


@pytest.mark.parametrize("name", ["Greqisë", "Gjermaninë", "Austrinë", "Mal të Zi"])
def test_albanian_case_forms_and_phrases(name):
    assert _route(f"Vertaling uit het Albanees: 'Ik ging van Tirana naar {name}.' Daarna kwam hij naar "
                  "Nederland.").startswith("ALB>")
    assert len(_route(f"Vertaling uit het Albanees: 'Ik ging van Tirana naar {name}.' Daarna kwam hij naar "
                      "Nederland.").split(">")) == 3


def test_an_albanian_nga_is_from_not_russia():
    assert _route("Vertaling (tolk Albanees): 'Nga Tirana shkova në Greqi' - van Tirana ging ik naar "
                  "Griekenland en daarna naar Nederland.") == "ALB>GRC>NLD"


@pytest.mark.parametrize("text", [
    "Hij spreekt Frans en Arabisch en reisde van Syrië naar Turkije en daarna naar Nederland.",
    "The interpreter, Mr Bharat, translated. He travelled from Syria to Turkey and then to the Netherlands.",
])
def test_ordinary_words_and_names_stay_words(text):
    assert _route(text) == "SYR>TUR>NLD"
