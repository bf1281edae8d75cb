"""Police and border-guard records: several persons (letter labels, co-suspects, a companion acting on the subject)
and codes joined by a dash of any kind (``subject.py``, ``document.py``)."""

import pytest

from routekit.text import extract_route


def route(text: str) -> str:
    return extract_route(text).route_text


@pytest.mark.parametrize("text, expected", [
    # persons labelled by letters: only the declared one counts
    ("Official report. Two men were found in a lorry at Venlo. Person A stated he came from Calais via Belgium. "
     "This report concerns person B, who stated he flew from Tehran to Istanbul and walked into Bulgaria, then "
     "went by bus through Serbia and Hungary to Austria and Germany.", "IRN>TUR>BGR>SRB>HUN>AUT>DEU>NLD"),
    # a co-suspect's statement is another person's, even without a declared subject
    ("Proces-verbaal van verhoor verdachte. Verd. verklaarde dat hij van Erbil naar Istanbul vloog en met een boot "
     "naar Griekenland ging, vanwaar hij naar Amsterdam vloog. Medeverdachte Samir K. verklaarde zelf via Italië "
     "en Frankrijk te zijn gekomen.", "IRQ>TUR>GRC>NLD"),
    # a companion's act on the subject, told by the record, is the subject's travel
    ("Police report. This report concerns the witness, Ms A. The witness stated she crossed from Morocco to Spain "
     "by boat. The driver picked her up in Madrid and drove her via France and Belgium to Breda. The driver stated "
     "he had come from Poland.", "MAR>ESP>FRA>BEL>NLD"),
    # IATA codes joined by an en dash
    ("Police report. The person concerned states that he flew ALG–IST and IST–SJJ, then crossed into HR on foot "
     "and took the train via SI to IT, and from there came here by car.", "DZA>TUR>BIH>HRV>SVN>ITA>NLD"),
])
def test_persons_and_codes(text, expected):
    assert route(text) == expected
