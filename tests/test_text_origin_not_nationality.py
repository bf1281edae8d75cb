"""Origin: where the told journey begins, which may differ from the birth country or nationality (issue 15).

Each case is one kind of phenomenon, in Dutch and English; the texts are written for these tests."""

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # the first country told only as left: a birthplace told elsewhere is not the start
    ("Summary. She reached the Netherlands by bus from Vienna. Before that she had been in Hungary, having crossed "
     "from Serbia on foot. She had flown to Belgrade from Tunis; she was born in Oran, Algeria.", "TUN>SRB>HUN>AUT>NLD"),
    ("Samenvatting. Hij is in Bagdad geboren. Vanuit Istanbul vloog hij naar Boedapest en hij reisde met de trein "
     "via Oostenrijk naar Utrecht.", "TUR>HUN>AUT>NLD"),
])
def test_a_start_told_as_left_outranks_the_birthplace(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # "a <nationality> national from <city>" is the nationality, not a departure
    ("Report. The applicant, an Iraqi national from Mosul who had lived in Istanbul since 2017, crossed to Greece "
     "by boat and flew from Athens to Amsterdam.", "TUR>GRC>NLD"),
    # working somewhere since a year, or living there (Dutch verb last), is residence: the start, not the nationality
    ("Report. The woman, a Kenyan national, working as a nanny in Doha since 2018, flew from Doha to Paris and took "
     "the train to Amsterdam.", "QAT>FRA>NLD"),
    ("Verklaring. Betrokkene, Marokkaan, verklaarde sinds 2016 in Madrid te wonen. Hij kwam met de bus via Parijs "
     "naar Breda. Hij is in Marokko geboren.", "ESP>FRA>NLD"),
])
def test_residence_is_the_start_not_the_nationality(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # the answer to a residence question is where the person lived
    ("V: Waar woonde u voor uw vertrek? A: In Oran, twaalf jaar. Maar ik ben geboren in Bamako, in Mali. V: Hoe "
     "kwam u in Spanje? A: Met een boot vanuit Oran naar Almeria. Daarna met de bus naar Parijs en Rotterdam.",
     "DZA>ESP>FRA>NLD"),
    ("Q: Where did you live before you came here? A: In Amman, since 2014. I am Syrian, born in Homs. Q: And then? "
     "A: I flew from Amman to Istanbul, then a boat to Greece and a flight from Athens to Eindhoven.",
     "JOR>TUR>GRC>NLD"),
])
def test_the_answer_to_a_residence_question(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a birth date between "geboren" and "te": personal data of the record, no place of the journey
    ("Op 3 maart werd in de trein uit Keulen ter hoogte van Venlo betrokkene aangetroffen: A. Bah, geboren "
     "02-02-2002 te Conakry, Guinese nationaliteit. Hij verklaarde dat hij vanuit Marokko naar Spanje was gevaren en "
     "met de bus naar Duitsland was gereisd.", "MAR>ESP>DEU>NLD"),
    ("Betrokkene werd slapend aangetroffen op het station van Zwolle. Hij gaf op S. Kamara te heten, geboren "
     "05-05-1999 te Freetown.", ""),
])
def test_birth_data_in_a_record_is_no_stop(text, route):
    assert extract_route(text).route_text == route


@pytest.mark.parametrize("text, route", [
    # a birth question answered with the bare place, the Netherlands named first by the interviewer
    ("V: Waar bent u geboren? A: Herat. V: Hoe bent u naar Nederland gekomen? A: Ik woonde in Pakistan. Vanuit "
     "Pakistan ging ik naar Iran en daarna met de bus naar Turkije. Met een vrachtwagen kwam ik in Nederland.",
     "PAK>IRN>TUR>NLD"),
    ("Q: Where were you born? A: Mosul. Q: Where did you go? A: I lived in Turkey. I left Turkey by boat to Greece "
     "and flew to Amsterdam.", "TUR>GRC>NLD"),
    # Dutch inversion: "In 2019 vertrok hij uit Iran" is the start, not the birth country told before it
    ("Samenvatting. Betrokkene is geboren in Afghanistan, maar woonde vanaf zijn tiende jaar met zijn ouders in "
     "Mashhad in Iran. In 2019 vertrok hij uit Iran. Hij liep naar Turkije en reisde met een vrachtwagen naar "
     "Nederland.", "IRN>TUR>NLD"),
])
def test_the_birthplace_answer_and_a_start_told_later(text, route):
    assert extract_route(text).route_text == route
