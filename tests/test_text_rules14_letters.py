"""Round 14 (issue 15), lawyers' letters and flight stops: a letter's denial whose words stand between the negation and
the country, and a refuelling or technical stop placed inside its flight. Hand-written texts, Dutch and English."""
import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> tuple[str, ...]:
    return tuple(extract_route(text).route)


# --- a refuelling or technical stop lies between the flight's departure and its destination ------------------------

@pytest.mark.parametrize("text, expected", [
    # the cue after the place governs that place only, not the flight's ends told before it in the clause
    ("The plane from Nairobi to Cairo landed in Khartoum to refuel. From Cairo he flew to Amsterdam.",
     ("KEN", "SDN", "EGY", "NLD")),
    ("Het vliegtuig van Lagos naar Casablanca is in Dakar geland om te tanken. Vanuit Casablanca vloog hij naar "
     "Schiphol.", ("NGA", "SEN", "MAR", "NLD")),
    # a technical stop or landing, told before the place
    ("She flew from Kabul to Istanbul with a technical stop in Baku, and from Istanbul on to Amsterdam.",
     ("AFG", "AZE", "TUR", "NLD")),
    ("Hij vloog van Addis Abeba naar Rome, met een technische tussenlanding in Caïro, en reisde per trein naar "
     "Nederland.", ("ETH", "EGY", "ITA", "NLD")),
])
def test_a_refuelling_or_technical_stop_lies_inside_its_flight(text, expected):
    assert route(text) == expected


def test_a_stop_told_after_its_place_still_names_one_place_of_a_list():
    # a stop after a list's last place governs that place only: the list's first place stays where it is told
    assert route("Hij reisde met de bus door Servië en vloog vanuit Belgrado naar Parijs, waarbij hij in Zürich "
                 "overstapte, en ging met de trein naar Amsterdam.") == ("SRB", "CHE", "FRA", "NLD")


# --- a letter's denial with words between the negation and the country ("did not take a ferry to Italy") ------------

@pytest.mark.parametrize("text, expected", [
    ("Corrections to the report of my client Mr T. Haile. My client did not take a ferry to Malta; he went from "
     "Libya by boat to Sicily and by train to the Netherlands.", ("LBY", "ITA", "NLD")),
    ("Correcties op het rapport van cliënt dhr. A. Karimi. Cliënt is niet met de veerboot naar Griekenland gegaan. "
     "Hij liep van Turkije naar Bulgarije en reisde met de bus naar Nederland.", ("TUR", "BGR", "NLD")),
    ("Corrections to the interview report, our client Ms S. Bah. She never travelled by bus through Algeria: she flew "
     "from Bamako to Casablanca and on to Amsterdam.", ("MLI", "MAR", "NLD")),
])
def test_a_letter_denies_a_country_across_the_words_of_the_leg(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a contrast between the negation and the country: the country is the one he did go to
    ("Corrections to the report of my client Mr T. Haile. My client did not go by bus but by train to Italy. From "
     "Libya he had come by boat to Sicily.", ("LBY", "ITA", "NLD")),
    # a 'but' after the country: the contrast tells which part is denied (here the way, not the country)
    ("Correcties op het rapport van cliënt dhr. A. Karimi. Cliënt is niet met de boot naar Italië gegaan, maar met het "
     "vliegtuig vanuit Tunesië. Vanuit Italië reisde hij met de trein naar Nederland.", ("TUN", "ITA", "NLD")),
    # a stay denied, then a new clause that goes on ("niet lang ... en ging naar"): no denial of the country
    ("Correcties op het rapport van cliënt dhr. A. Karimi. Cliënt is niet lang in Turkije gebleven en ging toen met "
     "de boot naar Griekenland en vandaar met het vliegtuig naar Nederland.", ("TUR", "GRC", "NLD")),
])
def test_a_letter_denial_stops_at_a_contrast_or_a_new_clause(text, expected):
    assert route(text) == expected


def test_a_letter_denial_across_the_leg_denies_the_place_right_after_it_only():
    # another place between the negation and the country: the denial is of that place (Croatia), not of the leg's end
    assert route("Correcties op het rapport van cliënt dhr. M. Petrović. Cliënt reisde van Servië naar Hongarije. Hij is "
                 "niet via Kroatië naar Slovenië gegaan; vanuit Hongarije ging hij naar Slovenië en met de trein naar "
                 "Nederland.") == ("SRB", "HUN", "SVN", "NLD")


# --- a letter that calls itself a correction in the singular is a letter ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Geachte heer/mevrouw, cliënt mevrouw L. Bondarenko geeft de volgende correctie: zij heeft niet gezegd dat zij "
     "'via Wit-Rusland' reisde, maar dat zij daar een neef heeft. Zij reisde van Lviv met de bus naar Polen en met de "
     "trein naar Nederland.", ("UKR", "POL", "NLD")),
    ("Dear Sir or Madam, one correction on behalf of my client Mr O. Hassan: he did not say that he travelled 'through "
     "Libya'; he said that his cousin lives there. He flew from Khartoum to Cairo and from there to Amsterdam.",
     ("SDN", "EGY", "NLD")),
])
def test_a_single_correction_makes_a_letter(text, expected):
    assert route(text) == expected


# --- a quotation after an objection that ends in a colon is the report's version ------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Correcties op het rapport van cliënt dhr. Y. Mansour. Cliënt maakt bezwaar tegen de zin op pagina 3: 'Ik reisde "
     "vanuit Libië via Italië naar Frankrijk.' Cliënt reisde vanuit Tunesië via Zwitserland naar Frankrijk en daarna "
     "naar Nederland.", ("TUN", "CHE", "FRA", "NLD")),
    ("Corrections to the report of my client Mr Y. Mansour. My client objects to the sentence on page 3: 'I travelled "
     "from Libya via Italy to France.' He went from Tunisia via Switzerland to France and on to the Netherlands.",
     ("TUN", "CHE", "FRA", "NLD")),
    # the quotation a statement of its own: read as the claim it is (here the letter tells its own account after it)
    ("Correcties op het rapport van cliënt dhr. Y. Mansour. Cliënt maakt bezwaar tegen de zin op pagina 3: 'Ik reisde "
     "via Italië naar Frankrijk'. Cliënt reisde vanuit Tunesië via Zwitserland naar Frankrijk en daarna naar "
     "Nederland.", ("TUN", "CHE", "FRA", "NLD")),
])
def test_a_quotation_after_an_objection_is_the_reports_version(text, expected):
    assert route(text) == expected


def test_a_quotation_after_a_plain_heading_stays_the_account():
    # "Page 3 reads:" objects to nothing: the quotation stays part of the account unless the letter corrects it
    assert route("Corrections to the report of my client Mr Y. Mansour. Page 3 reads: 'I travelled from Libya by boat "
                 "to Italy.' From Italy he went by train to France and on to the Netherlands.") == (
        "LBY", "ITA", "FRA", "NLD")


# --- a coast or island sailed past, told verb-last ("dat de boot langs Malta voer") ----------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Correcties op het rapport van cliënt dhr. K. Tesfay. Cliënt heeft gezegd dat de boot langs Kreta voer. Hij kwam "
     "aan in Italië en reisde met de trein naar Nederland.", ("ITA", "NLD")),
    ("Hij verklaarde dat de vissersboot vanuit Libië urenlang langs Malta dreef en dat zij in Italië aankwamen. Daarna "
     "reisde hij met de trein naar Nederland.", ("LBY", "ITA", "NLD")),
])
def test_a_place_sailed_past_told_verb_last_is_no_stop(text, expected):
    assert route(text) == expected


def test_a_place_the_boat_arrived_in_after_sailing_past_stays():
    # the sailing past reaches up to the place the boat arrived in ("en in Italie aankwam"), not beyond
    assert route("Hij zei dat de boot vanuit Libië langs Malta voer en in Italië aankwam. Vandaar reisde hij met de "
                 "trein naar Nederland.") == ("LBY", "ITA", "NLD")
