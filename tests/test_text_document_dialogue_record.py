"""A transcript of five or more question/answer turns is an interview record held in the Netherlands: its route
ends in NLD though no Dutch place is named; a short exchange quoted in a narrative is not (``dialogue.py``)."""

import pytest

from routekit.text import extract_route


@pytest.mark.parametrize("text, expected", [
    ("V: Waar begon uw reis? A: In Kabul. V: En daarna? A: Met een smokkelaar naar Iran. V: Hoe lang? A: Twee weken. "
     "V: En toen? A: Te voet naar Turkije. V: Hoe kwam u in Griekenland? A: Met een rubberboot naar Lesbos.",
     "AFG>IRN>TUR>GRC>NLD"),
    ("Q: Where did your journey start? A: In Asmara. Q: And then? A: On foot to Sudan. Q: How long there? A: A year. "
     "Q: Then? A: By truck to Libya. Q: How did you leave Libya? A: By boat to Italy.", "ERI>SDN>LBY>ITA>NLD"),
])
def test_an_interview_record_ends_in_the_netherlands(text, expected):
    assert extract_route(text).route_text == expected
