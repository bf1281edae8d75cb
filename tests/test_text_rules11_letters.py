"""Issue 15 round 11, lawyers' letters: how the corrected route is assembled from the report's version and the
letter's corrections. Hand-made texts, Dutch and English; each kind failed before its change."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a confirmed part told after the letter's own account has named countries confirms the middle: it stays where
    # it is told instead of going to the front
    ("Correcties op het rapport van het nader gehoor, cliënt T. Bekele. Pagina 3: cliënt is niet via Kenia gereisd, "
     "maar met een bus van Hargeisa naar Ethiopië en daarna naar Soedan en Libië. Pagina 5: de bootreis naar Italië "
     "en de treinreis naar Frankrijk zijn juist weergegeven. Van Parijs reisde hij met de bus naar Nederland.",
     ("SOM", "ETH", "SDN", "LBY", "ITA", "FRA", "NLD")),
    ("Corrections to the interview report, client Mr T. Bekele. Page 3: my client did not travel via Kenya; he took "
     "a bus from Hargeisa to Ethiopia and went on to Sudan and Libya. Page 5: the boat crossing to Italy and the "
     "train journey to France are recorded correctly. From Paris he took a bus to the Netherlands.",
     ("SOM", "ETH", "SDN", "LBY", "ITA", "FRA", "NLD")),
    # ... unless it says it is the start, or writes the route out as a list: then it is the start
    ("Correcties op het rapport, cliënt K. Darwish. Pagina 6: cliënt reisde van Servië niet met de trein maar met "
     "een auto naar Oostenrijk en daarna naar Duitsland. Het begin van de reis (Syrië, Turkije, Griekenland, "
     "Servië) is juist weergegeven.",
     ("SYR", "TUR", "GRC", "SRB", "AUT", "DEU", "NLD")),
    ("Corrections, client Mr K. Darwish. Page 6: from Serbia he went by car, not by train, to Austria and on to "
     "Germany. The route Syria - Turkey - Greece - Serbia is otherwise correct.",
     ("SYR", "TUR", "GRC", "SRB", "AUT", "DEU", "NLD")),
])
def test_a_confirmed_middle_stays_where_it_is_told(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a claim of the report that the letter corrects after its start (a stop added, the mode): where its leg began
    # still holds when the letter neither denies that country nor names it elsewhere
    ("Correcties op het gehoorverslag, cliënte R. Mendez. In het verslag staat dat cliënte rechtstreeks van Lima naar "
     "Madrid vloog. Dat is onjuist: het toestel maakte een tussenlanding in Bogota, waar zij moest overstappen. "
     "Vanuit Madrid reisde zij met de trein naar Nederland.",
     ("PER", "COL", "ESP", "NLD")),
    ("Corrections to the interview report, client Mr A. Karimi. The report records that he crossed from Iran to "
     "Turkey by car. This is incorrect: he walked over the mountains to Van. From Istanbul he flew to Amsterdam.",
     ("IRN", "TUR", "NLD")),
    # ... not a claim naming only the start, which is what the letter corrects
    ("Corrections, client Ms L. Moyo. Page 2: the report says she travelled from Zimbabwe. In fact she lived in "
     "Johannesburg, South Africa, for years and flew from Johannesburg to Amsterdam via Nairobi.",
     ("ZAF", "KEN", "NLD")),
])
def test_the_start_of_a_claimed_leg_holds(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # "never was in" as "was never in"
    ("Corrections, client Mr B. Saleh. Page 4 says 'Latvia'. This must be 'Lithuania'. The client never was in "
     "Latvia. He flew from Erbil to Minsk, walked to Lithuania and went by car via Poland to the Netherlands.",
     ("IRQ", "BLR", "LTU", "POL", "NLD")),
    # a country the letter says came up only for another reason, in the perfect tense, or known only from someone else
    ("Correcties, cliënt dhr. P. Ndayisaba. Hij reisde van Bujumbura met de bus naar Zambia en Zuid-Afrika en vloog "
     "vandaar naar Amsterdam. Kenia is alleen ter sprake gekomen omdat zijn zus in Nairobi woont.",
     ("BDI", "ZMB", "ZAF", "NLD")),
    ("Correcties, cliënt dhr. P. Ndayisaba. Hij reisde van Bujumbura met de bus naar Zambia en Zuid-Afrika en vloog "
     "vandaar naar Amsterdam. Malawi kent hij alleen van de verhalen van zijn broer.",
     ("BDI", "ZMB", "ZAF", "NLD")),
    ("Corrections, client Mr P. Ndayisaba. He took a bus from Bujumbura to Zambia and South Africa and flew from "
     "there to Amsterdam. He knows Malawi only from his brother, who worked in Lilongwe.",
     ("BDI", "ZMB", "ZAF", "NLD")),
])
def test_a_country_denied_or_explained_away(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # the interpreter's term, then what the client said: the client's term only
    ("Correcties, cliënt dhr. N. Sultani. Pagina 2: de tolk heeft 'Irak' genoteerd waar cliënt 'Iran' zei. Cliënt "
     "ging vanuit Herat te voet naar Iran, daarna naar Turkije en met een boot naar Griekenland. Van Athene vloog hij "
     "naar Amsterdam.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
    ("Corrections, client Mr N. Sultani. Page 2: the interpreter wrote 'Iraq' where my client said 'Iran'. He walked "
     "from Herat to Iran, then to Turkey and by boat to Greece. From Athens he flew to Amsterdam.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
])
def test_the_interpreters_term_where_the_client_said_another(text, route):
    assert extract_route(text).route == route


_ACCOUNT_EN = ("Corrections to the interview report, client Mr A. Haile. He travelled from Eritrea to Sudan and Libya and "
               "by boat to Italy, then by train to the Netherlands. ")
_ACCOUNT_NL = ("Correcties op het rapport, cliënt dhr. A. Haile. Hij reisde van Eritrea naar Soedan en Libië en per boot "
               "naar Italië, daarna per trein naar Nederland. ")


@pytest.mark.parametrize("text", [
    # a statement saying a country does not belong in the route, in other words than 'not part of his route'
    _ACCOUNT_EN + "Egypt was never part of the journey.",
    _ACCOUNT_EN + "Egypt does not belong in his route.",
    _ACCOUNT_EN + "Egypt is mentioned in error.",
    _ACCOUNT_EN + "The reference to Egypt is a mistake.",
    _ACCOUNT_EN + "The report is wrong about Egypt.",
    _ACCOUNT_NL + "Egypte maakte nooit deel uit van de reis.",
    _ACCOUNT_NL + "Egypte hoort niet bij zijn route.",
    _ACCOUNT_NL + "Het rapport vergist zich over Egypte.",
])
def test_a_country_said_not_to_belong_in_the_route(text):
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "NLD")


_CORRECTED_EN = (" That is incorrect. He travelled from Eritrea to Sudan and Libya and by boat to Italy, then by train to "
                 "the Netherlands.")
_CORRECTED_NL = (" Dat is onjuist. Hij reisde van Eritrea naar Soedan en Libië en per boot naar Italië, daarna per trein "
                 "naar Nederland.")


@pytest.mark.parametrize("text", [
    # the report's claim in other words of reporting: the report's version, not the account
    "Corrections to the interview report, client Mr A. Haile. Paragraph 12 mentions a stay in Egypt." + _CORRECTED_EN,
    "Corrections to the interview report, client Mr A. Haile. It is recorded that he went through Egypt." + _CORRECTED_EN,
    "Correcties op het rapport, cliënt dhr. A. Haile. Uit het rapport blijkt dat hij door Egypte reisde." + _CORRECTED_NL,
    "Correcties op het rapport, cliënt dhr. A. Haile. Pagina 4 beschrijft een verblijf in Egypte." + _CORRECTED_NL,
])
def test_the_reports_claim_in_other_words_of_reporting(text):
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "NLD")


@pytest.mark.parametrize("text", [
    # a quoted term called a mistake in other words, or replaced in other words: the wrong term is no stop
    _ACCOUNT_EN + "Page 5: 'Egypt' is a typo.",
    _ACCOUNT_EN + "Page 5: 'Egypt' was a mistake of the interpreter.",
    _ACCOUNT_EN + "Page 5: 'Egypt' ought to be 'Libya'.",
    _ACCOUNT_EN + "Page 5: 'Egypt' is a slip of the pen for 'Libya'.",
    _ACCOUNT_NL + "Pagina 5: 'Egypte' is een verschrijving; bedoeld is 'Libië'.",
    _ACCOUNT_NL + "Pagina 5: 'Egypte' is een fout van de tolk.",
    _ACCOUNT_NL + "Pagina 5: 'Egypte' moet worden vervangen door 'Libië'.",
])
def test_a_quoted_term_called_a_mistake_in_other_words(text):
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "NLD")


def test_a_mistake_said_of_a_claim_leaves_what_it_does_not_quote():
    # "This is a mistake by the interpreter" after a claim with a quoted part is about that part (kept as it was)
    text = ("Corrections, client Mr S. Rahimi. On page 7 the report states that my client travelled from Iran to "
            "Turkey 'via Georgia'. This is a mistake by the interpreter: my client said 'Gorgan', a city in Iran. He "
            "has never been to Georgia. From Turkey he crossed to Greece by boat and flew to Amsterdam.")
    assert extract_route(text).route == ("IRN", "TUR", "GRC", "NLD")


@pytest.mark.parametrize("text", [
    # the lawyer's legal arguments name countries that are no stops
    _ACCOUNT_EN + "Egypt cannot be regarded as a safe third country for him.",
    _ACCOUNT_EN + "A transfer to Germany under the Dublin Regulation would be unlawful.",
    _ACCOUNT_EN + "The country report on Egypt describes serious abuses.",
    _ACCOUNT_NL + "Egypte kan voor hem niet als veilig derde land worden aangemerkt.",
    _ACCOUNT_NL + "De Dublinclaim op Duitsland is ongegrond.",
    _ACCOUNT_NL + "Het ambtsbericht over Egypte beschrijft ernstige misstanden.",
])
def test_a_legal_argument_names_no_stop(text):
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "NLD")


def test_a_legal_argument_about_a_country_travelled_keeps_it():
    # the argument tells presence (fingerprints taken there): the statement stays part of the account
    text = ("Corrections, client Mr A. Haile. He travelled from Eritrea to Sudan and Libya and by boat to Italy. His "
            "fingerprints were taken in Austria, so Austria is responsible under the Dublin Regulation. From Austria he "
            "took the train to the Netherlands.")
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "AUT", "NLD")


@pytest.mark.parametrize("text, route", [
    # travel statements that use a word also found in legal arguments (arrest, transfer, situation in) are part of
    # the account (review 11, M4)
    ("Corrections to the interview report, client Mr A. Haile. Page 3: my client left Eritrea for Sudan and then "
     "Libya. Page 4: after his arrest in Malta he was put on a ferry to Italy. From Italy he took the train to the "
     "Netherlands.",
     ("ERI", "SDN", "LBY", "MLT", "ITA", "NLD")),
    ("Corrections to the interview report, client Mr A. Haile. Page 3: my client left Eritrea for Sudan. Page 4: "
     "the smugglers in Libya arranged his transfer to Italy by boat. From Italy he took the train to the "
     "Netherlands.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Correcties op het rapport, cliënt A. Haile. Pagina 3: cliënt verliet Eritrea en ging naar Soedan. Pagina 4: "
     "de smokkelaars in Libië regelden zijn overdracht per boot naar Italië. Vanuit Italië reisde hij met de trein "
     "naar Nederland.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Correcties op het rapport, cliënt A. Haile. Pagina 3: cliënt verliet Eritrea en ging naar Soedan. Pagina 4: "
     "de situatie in Libië was slecht; hij werd daar drie maanden vastgehouden. Daarna ging hij met een boot naar "
     "Italië en met de trein naar Nederland.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("Corrections to the interview report, client Mr A. Haile. Page 3: my client left Eritrea for Sudan. Page 4: "
     "the situation in Libya was bad; he was held there for three months. Then a boat took him to Italy and a "
     "train to the Netherlands.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
])
def test_a_travel_statement_with_a_word_of_legal_argument_stays(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text", [
    # ... while the unambiguous legal terms still mark an argument
    _ACCOUNT_EN + "The judgment of the ECtHR on returns to Greece applies to him.",
    _ACCOUNT_NL + "Het arrest van het EHRM over terugkeer naar Griekenland is hier van toepassing.",
    _ACCOUNT_NL + "Overdracht aan Duitsland op grond van de Dublinverordening is niet mogelijk.",
    _ACCOUNT_EN + "Greece is not a safe country for him.",
])
def test_an_unambiguous_legal_term_still_names_no_stop(text):
    assert extract_route(text).route == ("ERI", "SDN", "LBY", "ITA", "NLD")
