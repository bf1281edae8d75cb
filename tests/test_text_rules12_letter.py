"""Round 12, lawyers' letters: corrections of one leg of the report's route. Hand-made texts,
Dutch and English; each kind failed before its change."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a quoted leg of the report whose destination the letter corrects: where the leg began still holds
    ("Correcties op het rapport van cliënt R. Ahmadi. Pagina 4: er staat 'vanuit Kabul ben ik met een bus naar "
     "Pakistan gegaan'. Dit moet zijn: naar Iran. Cliënt is nooit in Pakistan geweest. Van Iran liep hij naar "
     "Turkije en daarna reisde hij via Griekenland naar Nederland.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
    ("Corrections, client Mr R. Ahmadi. Page 4: 'from Kabul I took a bus to Pakistan' should read 'to Iran'; the "
     "interpreter misheard. My client was never in Pakistan. From Iran he walked to Turkey and then travelled via "
     "Greece to the Netherlands.",
     ("AFG", "IRN", "TUR", "GRC", "NLD")),
])
def test_a_corrected_destination_keeps_where_the_quoted_leg_began(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # a quotation of the report followed by what the client said instead is the report's version
    ("Correcties op het rapport nader gehoor van cliënte H. Omar. Op pagina 3 is vermeld: 'ik reisde van Somalië "
     "naar Kenia en daarna naar Oeganda'. Cliënte heeft gezegd dat zij van Somalië rechtstreeks naar Ethiopië "
     "reisde en van daar naar Turkije vloog. Vanuit Istanbul vloog zij naar Amsterdam.",
     ("SOM", "ETH", "TUR", "NLD")),
    ("Corrections to the report of the interview of client Ms H. Omar. Page 3 reads: 'I travelled from Somalia to "
     "Kenya and then to Uganda.' My client said that she travelled from Somalia directly to Ethiopia and flew from "
     "there to Turkey. From Istanbul she flew to Amsterdam.",
     ("SOM", "ETH", "TUR", "NLD")),
    # a claim of the report followed by what the client said instead is the report's version as a whole
    ("Corrections to the interview report, client Mr S. Ali. The report states that he travelled via Egypt, Libya "
     "and Italy. My client said that he was never in Libya; he went from Egypt by boat to Greece and from there he "
     "flew to Amsterdam.",
     ("EGY", "GRC", "NLD")),
    ("Correcties op het rapport, cliënt S. Ali. In het rapport staat dat hij via Egypte, Libië en Italië reisde. "
     "Cliënt heeft gezegd dat hij nooit in Libië was; hij voer van Egypte met een boot naar Griekenland en vloog "
     "van daar naar Amsterdam.",
     ("EGY", "GRC", "NLD")),
])
def test_what_the_client_said_instead_makes_the_quotation_or_claim_before_it_the_reports_version(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # what the client said confirms the quotation, or corrects nothing: the quotation is no report's version
    ("Dear Sir, Page 4 reads: 'From Libya I sailed to Italy and then took the train to France.' My client said this "
     "on page 4 and confirms it.",
     ("LBY", "ITA", "FRA", "NLD")),
    ("Geachte heer, Op pagina 6 is vermeld: 'van Senegal naar Mauritanie en Marokko.' Client heeft verklaard dat dit "
     "juist is en dat hij daarna naar Spanje ging.",
     ("SEN", "MRT", "MAR", "ESP", "NLD")),
    ("Dear Sir, Page 3 reads: 'I travelled from Sudan to Libya and then to Italy.' My client stated he is grateful "
     "for the interview.",
     ("SDN", "LBY", "ITA", "NLD")),
    ("Geachte heer, Op pagina 5 staat: 'van Eritrea naar Soedan en Libie.' Cliënte heeft verklaard dat zij dankbaar "
     "is voor het gehoor.",
     ("ERI", "SDN", "LBY", "NLD")),
    ("Dear Sir, Page 3 reads: 'I travelled from Sudan to Libya.' My client said that this is correct, and then he "
     "went to Italy.",
     ("SDN", "LBY", "ITA", "NLD")),
])
def test_what_the_client_said_that_confirms_the_quotation_or_corrects_nothing_keeps_it(text, route):
    assert extract_route(text).route == route


def test_what_the_client_said_that_corrects_nothing_keeps_the_quoted_legs():
    # the review's sentence: the quotation's legs stay (whether Italy, named after "and", stays is the learned
    # verifier's call, as before this round)
    text = ("Dear Sir, Page 3 reads: 'I travelled from Sudan to Libya and Italy.' My client stated he is grateful for "
            "the interview.")
    assert extract_route(text).route[:2] == ("SDN", "LBY")


def test_a_quotation_whose_start_the_client_corrects_keeps_its_destination():
    # (held before this round too: the quotation less the start the letter denies)
    text = ("Correcties op het rapport van cliënt M. Sow. Pagina 2: 'Ik ben vanuit Libië naar Italië gevaren.' Cliënt "
            "heeft verklaard dat hij vanuit Tunesië met een boot is vertrokken, niet vanuit Libië; in Libië is hij nooit "
            "geweest. Vanuit Italië reisde hij met de trein naar Frankrijk en daarna naar Nederland.")
    assert extract_route(text).route == ("TUN", "ITA", "FRA", "NLD")


def test_the_report_addressed_as_u_is_a_claim():
    # "U noteert dat ...": the report's author addressed in Dutch, like "you record"
    text = ("Geachte heer/mevrouw, namens cliënt wijs ik u op een fout in het rapport. U noteert dat cliënt via "
            "Curaçao naar Nederland kwam. Dat is onjuist. Hij voer met een boot van Venezuela naar Aruba en vloog "
            "vandaar naar Schiphol.")
    assert extract_route(text).route == ("VEN", "ABW", "NLD")
