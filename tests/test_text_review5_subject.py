"""Review 5, finding 3 (issue 15): the person the record is about may be the one in the role ('other_person_said').

Texts written for these tests (not taken from an evaluation set). In smuggling reports the suspect is often the
driver: "Verdachte is de bestuurder ... De bestuurder verklaarde dat hij ..." tells the subject's own way, not another
person's. A role the record does not give its subject (the front passenger when the suspect drives, the driver when
the subject is a passenger) still tells another person's way.
"""

import pytest

from routekit.text import extract_route


def route(text):
    return ">".join(extract_route(text).route)


@pytest.mark.parametrize("text, expected", [
    # the record's subject named in the role (apposition, 'is/was de', 'als')
    ("Proces-verbaal. Verdachte is de bestuurder van de bestelbus. De bestuurder verklaarde dat hij vanuit Frankrijk "
     "via Belgie was gekomen.", "FRA>BEL>NLD"),
    ("Police report. The suspect, the driver of the van, was stopped at the border. The driver said he came from "
     "Germany via Belgium.", "DEU>BEL>NLD"),
    ("Proces-verbaal. Betrokkene reed als chauffeur van een vrachtwagen. De chauffeur verklaarde dat hij vanuit "
     "Polen via Duitsland naar Nederland was gereden.", "POL>DEU>NLD"),
    ("Report. The suspect was the driver of a white car. The driver stated that he came from Italy through Austria "
     "and Germany to Venlo.", "ITA>AUT>DEU>NLD"),
    ("Proces-verbaal. De bestuurder, verdachte, werd bij Venlo aangehouden. De bestuurder zei dat hij uit Spanje via "
     "Frankrijk kwam.", "ESP>FRA>NLD"),
    # the subject in the role, another person in another role: only the other role's words are set aside
    ("Proces-verbaal. Verdachte is de bestuurder van de bestelbus en kwam uit Polen via Duitsland. De bijrijder "
     "verklaarde dat hij via Tsjechie was gekomen.", "POL>DEU>NLD"),
    # the subject named with the other person's way ('the driver said he brought the suspect ...'): travelled too
    ("Proces-verbaal. Verdachte zat achterin. De bestuurder verklaarde dat hij verdachte vanuit Frankrijk via "
     "Belgie had meegenomen.", "FRA>BEL>NLD"),
])
def test_the_subject_in_the_role_tells_their_own_way(text, expected):
    assert route(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the subject is a passenger: the driver's own way is another person's
    ("Proces-verbaal. Betrokkene zat achterin de bestelbus en kwam uit Italie via Oostenrijk. De bestuurder "
     "verklaarde dat hij vanuit Frankrijk via Belgie was gekomen.", "ITA>AUT>NLD"),
    ("Police report. The subject, a passenger, came from Greece via Serbia and Hungary. The driver said he came from "
     "Germany via Belgium.", "GRC>SRB>HUN>NLD"),
    # another person than the subject holds the role
    ("Proces-verbaal. Betrokkene kwam uit Italie via Oostenrijk. Verdachte 2 is de bestuurder van de bus. De "
     "bestuurder verklaarde dat hij vanuit Frankrijk via Belgie was gekomen.", "ITA>AUT>NLD"),
    # a numbered suspect in the role is one of several persons, not the record's subject by that name
    ("Proces-verbaal. De bestuurder (verdachte 2) werd aangehouden. Verdachte 1 zat achterin en kwam uit Italie via "
     "Oostenrijk. De bestuurder verklaarde dat hij vanuit Frankrijk via Belgie was gekomen.", "ITA>AUT>NLD"),
    ("Police report. The driver, suspect 2, was arrested. Suspect 1 sat in the back and came from Italy via Austria. "
     "The driver said he came from Germany via Belgium.", "ITA>AUT>NLD"),
])
def test_another_person_in_the_role_still_tells_their_own_way(text, expected):
    assert route(text) == expected
