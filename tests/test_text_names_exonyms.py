"""Names in translated statements: other languages' country names, generated from CLDR (``exonyms_cldr.csv``,
``tools/build_exonyms.py``) and hand-kept transliterations for the scripts CLDR cannot give in Latin letters
(``exonyms.csv``: Arabic, Persian/Dari, Pashto, Urdu, Tigrinya, Amharic, Mandarin pinyin, Sorani, Russian)."""

import pytest

from routekit.text.extraction import extract_route
from routekit.text.gazetteer import find_places
from routekit.text.normalise import fold


@pytest.mark.parametrize("text, route", [
    # Pashto / Dari transliterations
    ("Vertaling uit het Pashto: 'Van Herat ging ik naar Iran, daarna lopend naar Torkiya. Met de auto naar "
     "Bulgharistan, Sarbistan en Majaristan, toen Atrish en met de trein naar Jarmani en Holand.'",
     ("AFG", "IRN", "TUR", "BGR", "SRB", "HUN", "AUT", "DEU", "NLD")),
    # Mandarin pinyin
    ("Translation from Mandarin: 'From Fuzhou I flew to Tuerqi, then a boat took us to Xila. From Xila I flew to "
     "Yidali, took the train to Faguo and a bus through Bilishi to Helan.'",
     ("CHN", "TUR", "GRC", "ITA", "FRA", "BEL", "NLD")),
    # Somali, from CLDR
    ("Translation from Somali: 'From Baidoa to Kenya by bus, then I flew to Turkiga. A boat to Giriig, and a plane "
     "to Biljam and Nederlaands.'", ("SOM", "KEN", "TUR", "GRC", "BEL", "NLD")),
    # Hausa, from CLDR
    ("Vertaling uit het Hausa: 'Ik ging van Kano naar Nijar, toen door de woestijn naar Aljeriya en Maroko. Daarna "
     "met een boot naar Sipen, met de bus naar Faransa en Holan.'",
     ("NGA", "NER", "DZA", "MAR", "ESP", "FRA", "NLD")),
    # Uzbek / Russian (Cyrillic transliterated)
    ("Translation from Uzbek: 'From Tashkent I flew to Gretsiya, then walked to Vengriya. A car took me through "
     "Avstriya to Shveytsariya and a train to Niderlandiya.'", ("UZB", "GRC", "HUN", "AUT", "CHE", "NLD")),
    # Tigrinya
    ("Vertaling uit het Tigrinya: 'Van Asmara liep ik naar Sudan, toen naar Gibtsi. Met een boot naar Taliyan, met "
     "de trein naar Swiz, Jarmen en Holand.'", ("ERI", "SDN", "EGY", "ITA", "CHE", "DEU", "NLD")),
    # Arabic with the scholarly letters (macron, dot below)
    ("Vertaling uit het Arabisch: 'Uit Dimashq naar Bayrut, vlucht naar Ṭubruq in Lībiyā. Boot naar Īṭāliyā, trein "
     "naar Suwisra en Almaniya, bus naar Hulanda.'", ("SYR", "LBN", "LBY", "ITA", "CHE", "DEU", "NLD")),
])
def test_translated_names(text, route):
    assert extract_route(text).route == route


def test_generated_names_need_a_capital():
    """A generated name is a proper noun: written in lower case it is some other word."""
    text = "Hij zei: giriig en biljam, daarna via Duitsland naar Nederland."
    assert {m.place.iso3 for m in find_places(text, fold(text))} == {"DEU", "NLD"}


def test_generated_names_are_not_fuzzy_targets():
    """A word one letter from a generated name (a language, a surname) is not a misspelt country."""
    text = "Tolk Koerdisch-Sorani, de heer Barzani. Hij reisde van Irak via Turkije naar Nederland."
    assert extract_route(text).route == ("IRQ", "TUR", "NLD")


def test_a_swahili_demonym_is_not_a_misspelt_country():
    """'Mbelgiji' is a Belgian (the person prefix M-), not 'Ubelgiji' (Belgium) misspelt."""
    text = ("Vertaling uit het Swahili: 'Van Goma ging ik naar Kampala en vloog naar Ufaransa. Een Mbelgiji, een "
            "chauffeur, nam mij mee tot in Uholanzi.'")
    assert extract_route(text).route == ("COD", "UGA", "FRA", "NLD")


@pytest.mark.parametrize("text, route", [
    # a region shared by two countries takes the one the text gives: Punjab with Lahore is Pakistan
    ("Translation from Punjabi: 'From Sialkot in Punjab we drove to Quetta and crossed into Iran, then Turkey.'",
     ("PAK", "IRN", "TUR", "NLD")),
    ("Hij kwam uit Amritsar, in Punjab, en vloog via Dubai naar Amsterdam.", ("IND", "ARE", "NLD")),
    # Latin American hubs (cities.csv leaves out North America)
    ("Traducción: 'From San Pedro Sula I went to Cancún and flew to Madrid, then the bus to Francia.'",
     ("HND", "MEX", "ESP", "FRA")),
    # islands and countries in Turkish / Indonesian spellings
    ("Translation from Turkish: 'From Bodrum a boat to Girit, then a ship to Sicilya and a train to Fransa.'",
     ("TUR", "GRC", "ITA", "FRA", "NLD")),
])
def test_shared_regions_and_hubs(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # an interpreter's translation for the file: the person is in the Netherlands, the route ends in NLD
    ("Vertaling uit het Tigrinya: 'Van Keren liep ik naar Kassala. Daarna met een vrachtwagen naar Libië en met "
     "een boot naar Sicilië.'", ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Translation from French of the applicant's statement: 'I left Bamako for Agadez, crossed to Algeria and "
     "then to Morocco; a zodiac took us to Spain and a bus to Brussels.'", ("MLI", "NER", "DZA", "MAR", "ESP", "BEL", "NLD")),
    # Albanian definite forms
    ("Vertaling uit het Albanees: 'Van Tirana met de bus naar Mali i Zi, dan Bosnja en Kroacia. Daarna Sllovenia, "
     "Gjermania en Holanda.'", ("ALB", "MNE", "BIH", "HRV", "SVN", "DEU", "NLD")),
    # a speaker correcting themself: the place named right before the correction was not meant
    ("Vertaling uit het Turks: 'Van Edirne naar Yunanistan. Toen met de auto naar Bulgaristan - nee, sorry, ik "
     "bedoel naar Makedonya, toen Sırbistan en Macaristan, en met de trein naar Almanya.'",
     ("TUR", "GRC", "MKD", "SRB", "HUN", "DEU", "NLD")),
    ("He walked from Turkey to Greece, took a car to Albania, no, I mean to North Macedonia, and then a bus to "
     "Serbia and Hungary.", ("TUR", "GRC", "MKD", "SRB", "HUN")),
])
def test_translations_for_the_file(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a region, town or camp of the country of origin is the only clue to the start
    ("Hij is uit Nangarhar vertrokken en via Iran naar Turkije gereisd, daarna met de boot naar Griekenland.",
     ("AFG", "IRN", "TUR", "GRC")),
    ("She walked from Adi Keyh to the camp at Mai Aini, then went on to Khartoum and Libya.",
     ("ERI", "ETH", "SDN", "LBY")),
    ("Betrokkene vertrok uit Beledweyne naar Nairobi en vloog naar Istanbul.", ("SOM", "KEN", "TUR")),
    # a proper noun only: 'tigray' written in lower case is not read
    ("He went from Sudan to Libya and then to Italy; the tigray word means nothing here.", ("SDN", "LBY", "ITA")),
])
def test_regions_of_origin(text, route):
    assert extract_route(text).route == route
