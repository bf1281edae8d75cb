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
