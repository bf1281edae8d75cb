"""Round 15, lawyers' letters: which claim of the report is the route the letter corrects. Hand-written texts, Dutch
and English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- "as stated elsewhere in the report": an aside of three words before the report word is still an aside ------

@pytest.mark.parametrize("text, expected", [
    ("Page 4 of the report states that my client passed through Chad. That is wrong. His route, as stated elsewhere in the report, "
     "was Khartoum - Egypt - Libya - Italy - the Netherlands.", ("SDN", "EGY", "LBY", "ITA", "NLD")),
    ("Op pagina 4 staat dat cliënt door Tsjaad reisde. Dat is onjuist. Zijn route was, zoals elders in het "
     "verslag staat, Khartoem - Egypte - Libië - Italië - Nederland.", ("SDN", "EGY", "LBY", "ITA", "NLD")),
])
def test_a_route_told_as_stated_elsewhere_in_the_report_is_the_account(text, expected):
    assert route(text) == expected


# --- a claim of the whole route that the letter goes on from keeps its legs ------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the next statement opens with a 'however' that adds to the report's route, not a rejection
    ("Correcties op het rapport nader gehoor. Het verslag geeft de reis weer als Eritrea - Soedan - Libië - Nederland. "
     "Cliënt heeft echter verteld dat hij na Libië nog een jaar in Italië woonde en van daar via Frankrijk naar "
     "Nederland reisde.", ("ERI", "SDN", "LBY", "ITA", "FRA", "NLD")),
    ("Corrections to the interview report. The report gives the journey as Afghanistan - Iran - Turkey - the "
     "Netherlands. However, my client also told the officer that after Turkey he spent a year in Greece and then "
     "flew to Amsterdam.", ("AFG", "IRN", "TUR", "GRC", "NLD")),
])
def test_a_whole_route_claim_the_letter_adds_to_holds(text, expected):
    assert route(text) == expected


def test_a_whole_route_claim_after_a_disputed_claim_holds():
    # the letter has disputed one point of the report; the route the report gives next is the frame it corrects
    text = ("Correcties rapport nader gehoor van cliënt. Op pagina 2 staat dat cliënt in Tunesië is geweest. Dat is "
            "onjuist. Volgens het rapport reisde cliënt van Syrië via Libanon en Turkije naar Nederland. Hij verbleef "
            "vier maanden in Turkije.")
    assert route(text) == ("SYR", "LBN", "TUR", "NLD")


def test_a_first_whole_route_claim_the_letter_replaces_stays_out():
    # the report's route told first and followed by the letter's own account of another journey: no 'however'
    text = ("Aanvullingen op het rapport. In het rapport wordt de indruk gewekt dat cliënt via Oostenrijk en Duitsland "
            "naar Nederland is gekomen. Dat is zijn tweede reis. Cliënt kwam eerder voor het eerst naar Nederland: hij "
            "vloog van Bagdad naar Istanbul en reisde via Griekenland en Italië naar Nederland.")
    assert "AUT" not in route(text) and "DEU" not in route(text)


def test_a_quoted_whole_route_claim_stays_out():
    # a quotation of the report is its wording, not a frame the letter keeps
    text = ("Correcties op het rapport. Op pagina 3 staat dat cliënt 'via Bulgarije, Servië en Hongarije naar "
            "Nederland' reisde. Dat is onjuist. Cliënt zegt echter dat hij van Turkije via Griekenland, Albanië en "
            "Italië naar Nederland reisde. Ook staat in het verslag dat hij van Turkije via Griekenland en Italië naar "
            "Nederland kwam.")
    assert "BGR" not in route(text) and "HUN" not in route(text)


# --- "De reis ging: ...", "Our client's route was: ...": the letter's own whole route after a colon ------------------

@pytest.mark.parametrize("text, expected", [
    ("Correcties op het rapport. Op pagina 4 staat dat cliënt in Libië werkte. Dat is onjuist; hij werd in Niger door "
     "Libische smokkelaars vervoerd. De reis ging: Soedan, Tsjaad, Niger, Algerije en Tunesië, en per boot naar Italië. "
     "Vanuit Italië reisde hij per trein naar Nederland.", ("SDN", "TCD", "NER", "DZA", "TUN", "ITA", "NLD")),
    ("Corrections to the report. Page 3 states that my client travelled through Mali. That is wrong; the men who "
     "stopped the truck at the border between Niger and Algeria spoke of Mali. Our client's route was: from Kano to "
     "Niger, on to Algeria and Morocco, and by boat to Spain. From Spain he took a bus to the Netherlands.",
     ("NGA", "NER", "DZA", "MAR", "ESP", "NLD")),
])
def test_the_letters_route_after_a_colon_is_told_first(text, expected):
    assert route(text) == expected
