"""ISO2 and IATA codes standing for countries in contexts police and border-guard notes write them (issue 15).

Each kind with a short Dutch and English example of our own: travel nouns and verbs before a code ("overstap DXB",
"transit IST"), order words before a code ("daarna BG en RO"), a code before a travel word and another code ("en AT
naar NL"), the Dutch postposition ("te voet PL in", "NL was ingereisd"), spaced and mixed chains ("IR - TR",
"PK-DOH-PRG"), a visa word that is no document ("LIM visa-free") and a flight number before a chain ("EK147 DXB-AMS").
And the capitals that stay what they are.
"""

from __future__ import annotations

import pytest

from routekit.text.document import read_codes
from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # travel nouns: departure, change of planes, arrival, origin
    ("Betr. verklaarde: vertrek LHE 03-03-2024, overstap DOH, aankomst BEG. Daarna met een smokkelaar naar Hongarije "
     "en per trein via Wenen naar Venlo.", "PAK>QAT>SRB>HUN>AUT>NLD"),
    ("Subject stated: departure ALG on 2 May, transit IST, arrival BEG. Then on foot to Hungary and by train via "
     "Vienna to Venlo.", "DZA>TUR>SRB>HUN>AUT>NLD"),
    ("Uit het gesprek bleek: herkomst ET, reisde via Soedan naar Libië en per boot naar Italië, daarna per trein "
     "naar Venlo.", "ETH>SDN>LBY>ITA>NLD"),
    # travel verbs the reader did not know
    ("He travelled PK-DOH-PRG by air, worked in Prague for a year and took a bus to Utrecht.", "PAK>QAT>CZE>NLD"),
    # a border crossed: 'grens met', 'border with'
    ("Betr. reisde van Bagdad naar Minsk en liep te voet over de grens met LT, daarna met een taxi naar Venlo.",
     "IRQ>BLR>LTU>NLD"),
    ("He flew from Baghdad to Minsk, walked across the border with PL and was driven to Venlo.", "IRQ>BLR>POL>NLD"),
])
def test_travel_nouns_and_verbs_before_a_code(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Verd. verklaarde dat hij van Kabul naar Iran en Turkije reisde, daarna BG en RO. In RO werkte hij, toen met een "
     "bus naar Venlo.", "AFG>IRN>TUR>BGR>ROU>NLD"),
    ("He said he went from Kabul to Iran and Turkey, then BG and RO, and took a bus to Venlo.",
     "AFG>IRN>TUR>BGR>ROU>NLD"),
    # a code before a travel word and another code ("en AT naar NL"), though AT alone is also an English word
    ("Betr. kwam met de boot naar Griekenland, reisde daarna 'over de Balkan' en AT naar NL.", "GRC>AUT>NLD"),
    ("She came by boat to Greece, then 'over the Balkans' and AT to NL.", "GRC>AUT>NLD"),
])
def test_order_words_and_a_code_before_a_travel_word(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Verd. vloog van Delhi naar Moskou, reed naar Wit-Rusland, liep te voet PL in, daarna met de trein naar Venlo.",
     "IND>RUS>BLR>POL>NLD"),
    ("Betr. vloog van Algiers naar Belgrado en is te voet HU ingereisd; daarna met de trein via Wenen naar Venlo.",
     "DZA>SRB>HUN>AUT>NLD"),
])
def test_dutch_postposition_after_a_code(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Route volgens verd.: Lahore - Quetta - IR - TR (lopend), boot naar Griekenland, daarna per trein naar Venlo.",
     "PAK>IRN>TUR>GRC>NLD"),
    ("Route: Kabul > IR > TR, then by boat to Greece and by train to Venlo.", "AFG>IRN>TUR>GRC>NLD"),
    ("Reisweg: ADD - IST, twee weken in een hotel, daarna een vlucht naar Amsterdam.", "ETH>TUR>NLD"),
])
def test_spaced_and_mixed_chains(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Route volgens betr.: PVG-IST-BEG (visum bij aankomst), daarna te voet naar Hongarije en per trein naar Venlo.",
     "CHN>TUR>SRB>HUN>NLD"),
    ("Route acc. to subj.: PVG-IST-BEG (visa-free), then on foot to Hungary and by train to Venlo.",
     "CHN>TUR>SRB>HUN>NLD"),
])
def test_a_visa_word_after_a_code_is_no_document(text, expected):
    assert route(text) == expected


def test_visa_free_after_a_code_is_no_document_but_a_visa_is():
    assert read_codes("arrived on flight KL 0744 from LIM visa-free") == "arrived on flight KL 0744 from Peru visa-free"
    assert read_codes("kwam uit TR met een TR visum").endswith(" met een TR visum")
    assert "uit TR" not in read_codes("kwam uit TR met een TR visum")


@pytest.mark.parametrize("text, expected", [
    ("KMar Schiphol, 2e lijn. Pax vlucht AT850 CKY-CMN / AT950 CMN-AMS. Betr. vroeg asiel aan.", "GIN>MAR>NLD"),
    ("Schiphol second line. Pax on flight EK147 DXB-AMS, applied for asylum.", "ARE>NLD"),
])
def test_a_flight_number_before_a_chain_is_no_title(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text", [
    "Bestelbus met Roemeens kenteken, bestuurder (RO) verklaarde dat hij in de haven werkte.",   # a nationality
    "Verd. had een TR visum bij zich.",                          # a document issued by a state: not a stop
    "ONDERZOEK NAAR DE SMOKKEL VAN PERSONEN EN DE ROUTE",        # a title in capitals
    "Kenteken NL-123-B, daarna IT afdeling gebeld.",              # a plate and an English word after an order word
    "He said it IS over, then IT support was called.",            # English words in capitals
    "DAARNA DE POLITIE GEBELD.",                                  # 'DE' as the Dutch article in a title
    "Hij werkt in IT in, Venlo; de voorstelling IS over, zei hij.",   # ambiguous capitals before a postposition
])
def test_capitals_that_are_not_codes_stay(text):
    assert read_codes(text) == text


def test_a_nationality_code_after_a_flight_chain_stays():
    text = read_codes("Pax on KL686 MEX-AMS, HND nat., applied for asylum.")
    assert text.startswith("Pax on KL686 Mexico - ") and "HND nat." in text


@pytest.mark.parametrize("text, expected", [
    ("She lived in Tangier and flew TNG-BVA with a tourist visa; two days later she took a train to Amsterdam.",
     "MAR>FRA>NLD"),
    ("Betr. vloog KUT-WMI en reisde daarna met de bus naar Venlo.", "GEO>POL>NLD"),
])
def test_secondary_airports_low_cost_carriers_fly_to(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a record that writes its stops as codes writes them so after "in" too, though "IT", "HR", "BE" are also words
    ("Verd. vloog van Tunis naar IST, liep via BG naar RS, verbleef drie dagen in HR en reisde daarna via SI naar "
     "Venlo.", "TUN>TUR>BGR>SRB>HRV>SVN>NLD"),
    ("He flew from Tunis to IST, went by boat to GR and lived in IT for two years before taking a bus to Venlo.",
     "TUN>TUR>GRC>ITA>NLD"),
])
def test_ambiguous_codes_after_in_in_a_record_that_writes_codes(text, expected):
    assert route(text) == expected


def test_ambiguous_code_after_in_stays_a_word_without_other_codes():
    text = "Hij werkt in IT en woont sinds 2019 in Venlo."
    assert read_codes(text) == text


def test_a_dutch_record_reads_its_codes_as_dutch_names():
    assert read_codes("Betr. reisde via DE naar NL.") == "Betr. reisde via Duitsland naar Nederland."
    assert read_codes("He travelled via DE to NL.") == "He travelled via Germany to Netherlands."
    # a Dutch name with a comment in it is not used ("Sint Maarten (Nederlands deel)")
    assert "Nederlands deel" not in read_codes("Zij vloog vanuit SDQ naar SXM en werkte daar drie jaar.")

