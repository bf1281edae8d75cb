"""Round 20 (lead): a police record that names its subject by a role in brackets after the person ("person 2
(subject, ...)", "persoon 2 (onderwerp)") keeps that person's statements, not the first-numbered person's."""
import pytest

from routekit.text import extract_route

BRACKETED_SUBJECT = [
    ("Aangehouden: verdachte 1 (bestuurder, nat. PL) en in de laadruimte aangetroffen: persoon 2 (onderwerp, nat. SY). "
     "Verdachte 1 verklaarde dat hij uit Polen kwam. Persoon 2 verklaarde dat hij via Turkije, Griekenland en Servië "
     "naar Nederland was gereisd.", "TUR>GRC>SRB>NLD"),
    ("Stopped: passenger 1 (Iraqi) and passenger 2 (the subject, Eritrean). Passenger 1 said he came from Germany. "
     "Passenger 2 said he went from Sudan to Libya, then by boat to Italy and by train to the Netherlands.",
     "SDN>LBY>ITA>NLD"),
    ("Report 7781. Found: suspect 1 (driver, RO national) and in the back person 2 (subject, AF national). Person 2 "
     "stated he came from Herat via IR and TR to BG; in Sofia suspect 1 hid him in the van, which went through AT to NL.",
     "AFG>IRN>TUR>BGR>AUT>NLD"),
    ("In het busje: betrokkene 1 (chauffeur, nat. BG) en betrokkene 2 (hoofdpersoon van dit pv). Betrokkene 1 "
     "verklaarde uit Bulgarije te komen. Betrokkene 2 verklaarde dat hij uit Marokko via Spanje en Frankrijk naar "
     "Nederland was gekomen.", "MAR>ESP>FRA>NLD"),
]


@pytest.mark.parametrize("text, route", BRACKETED_SUBJECT)
def test_a_subject_named_in_brackets_after_the_person_is_the_one_kept(text, route):
    assert ">".join(extract_route(text).route) == route
