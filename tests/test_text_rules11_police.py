"""Round 11, police and KMar records: whose statements are the subject's (issue 15). Hand-written texts."""

import pytest

from routekit.text.extraction import extract_route


def route(text: str) -> str:
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # plural person nouns with numbers: "Subjects 1 and 3 said ..." are other persons when the report concerns subject 2
    ("Official report. Three men were found in a lorry at the port. This report concerns subject 2, an Iraqi national. "
     "He stated that he flew from Baghdad to Istanbul and came by lorry from Turkey via Bulgaria. Subjects 1 and 3 "
     "said they came via Italy and France.", "IRQ>TUR>BGR>NLD"),
    ("Proces-verbaal. In een vrachtwagen werden drie mannen aangetroffen. Dit pv betreft betrokkene 2, Iraakse nat. "
     "Hij verklaarde dat hij van Bagdad naar Istanbul vloog en met een vrachtwagen via Bulgarije kwam. Betrokkenen 1 "
     "en 3 verklaarden via Italië en Frankrijk te zijn gekomen.", "IRQ>TUR>BGR>NLD"),
])
def test_plural_numbered_persons_are_others(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the label stands before the declaration: "P2 (subject of this note)"
    ("KMar note, train check Breda. 2 pers. w/o docs. P1: Guinean, states he flew Conakry-Casablanca-Brussels. "
     "P2 (subject of this note): Malian, bus from Bamako to Nouakchott, boat to Gran Canaria, bus to Brussels, "
     "this train.", "MLI>MRT>ESP>BEL>NLD"),
    ("KMar notitie, treincontrole Breda. 2 pers. zonder documenten. P1: Guinees, verklaart Conakry-Casablanca-Brussel "
     "te hebben gevlogen. P2 (onderwerp van deze notitie): Malinees, bus van Bamako naar Nouakchott, boot naar Gran "
     "Canaria, bus naar Brussel, daarna deze trein naar Nederland.", "MLI>MRT>ESP>BEL>NLD"),
])
def test_label_before_declaration(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the driver of the vehicle the subject rode in tells the way it drove ("via Frankrijk gereden", "driven via"): those
    # countries are the subject's too; what the driver says of his cargo is not
    ("Proces-verbaal van bevindingen. Op de A67 werd een vrachtwagen met Spaans kenteken gecontroleerd. In de oplegger "
     "werden twee mannen aangetroffen. Dit pv betreft betrokkene 1, Marokkaanse nat. Hij verklaarde dat hij met een "
     "boot van Marokko naar Spanje was gekomen en in Zaragoza in de oplegger was geklommen. De chauffeur verklaarde "
     "dat hij vanuit Zaragoza via Frankrijk en België had gereden.", "MAR>ESP>FRA>BEL>NLD"),
    ("Official report. A lorry with Italian plates was checked near Venlo. This report concerns the man found in the "
     "trailer, an Eritrean national. He stated that he came by boat from Libya to Italy and climbed into the trailer "
     "in Milan. The driver stated that he had driven via Switzerland and Germany without stopping.",
     "LBY>ITA>CHE>DEU>NLD"),
    ("Official report. A lorry was checked near Venlo. This report concerns the man found in the trailer, an Eritrean "
     "national. He stated that he came by boat from Libya to Italy and climbed into the trailer in Milan. The driver "
     "stated that he had loaded the cargo in Poland.", "LBY>ITA>NLD"),
])
def test_the_drivers_way_is_the_subjects(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a refusal to say anything, with a gap ("wenste verd. geen verklaring", "wilde zonder tolk niets zeggen", "does not
    # want to say anything"): a record that tells no leg has no route; the countries it names are evidence
    ("Pv aanhouding. Verd. werd aangehouden te Utrecht i.v.m. diefstal. Over zijn reis naar Nederland wenste verd. "
     "geen verklaring af te leggen. Zijn zus zou in Lyon (FR) verblijven.", ""),
    ("KMar Schiphol. In de transitruimte werd een man zonder paspoort aangetroffen. Hij wilde zonder advocaat niets "
     "zeggen. In zijn tas zat een boekje met adressen in Zweden.", ""),
    ("Schiphol, passport control. Subject states he is from Iraq and does not want to say anything more before "
     "speaking to a lawyer.", ""),
    # a refusal about something else after a told route leaves the route
    ("Police report, Rotterdam. He stated he flew from Tehran to Istanbul and came by lorry to the Netherlands. He "
     "does not want to say anything about the smuggler.", "IRN>TUR>NLD"),
    ("Pv, Rotterdam. Hij verklaarde dat hij van Teheran naar Istanbul vloog en met een vrachtwagen naar Nederland kwam. "
     "Over de smokkelaar wilde hij niets zeggen.", "IRN>TUR>NLD"),
    # the leg into the Netherlands told, the earlier journey refused: that leg is the route told
    ("Treincontrole Roosendaal. Betrokkene verklaarde dat hij vanuit Antwerpen met de trein was gekomen. Over zijn "
     "eerdere reis wilde hij niets zeggen.", "BEL>NLD"),
    ("Train check Venlo. Subject stated that he had come from Cologne by train. He did not want to say anything about "
     "his earlier journey.", "DEU>NLD"),
])
def test_refusal_with_a_gap(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected_modes", [
    # the Corantijn crossing's landings are places: the boat leg reaches Suriname at Nickerie, the flight leaves it
    ("KMar Schiphol, flight from Paramaribo. Subj. (nat. GY) stated she crossed from Guyana by boat across the "
     "Corentyne river to Nickerie and flew from Paramaribo to Amsterdam.", ("boat", "plane")),
    ("KMar Schiphol, vlucht uit Paramaribo. Betr. verklaarde dat zij met de bus van Georgetown naar Corriverton reisde, "
     "met een korjaal over de Corantijn naar Nieuw-Nickerie ging en van Paramaribo naar Amsterdam vloog.",
     ("boat", "plane")),
])
def test_corantijn_crossing(text, expected_modes):
    extraction = extract_route(text)
    assert extraction.route == ("GUY", "SUR", "NLD")
    assert extraction.modes == expected_modes
