"""Round 12, sprint s3: records with several persons - another person's route is not the subject's. Hand-made
texts, Dutch and English; the positive cases failed before the change, the guards must keep their route."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


@pytest.mark.parametrize("text, route", [
    # a numbered person after an article and modifiers is the sentence's grammatical subject
    ("Proces-verbaal van aangifte. Aangeefster verklaarde dat zij vanuit Lagos via Casablanca naar Amsterdam vloog. "
     "De in dit pv genoemde verd. 2, Osas E., reisde volgens aangeefster over land via Niger en Libië naar Italië.",
     ("NGA", "MAR", "NLD")),
    ("Official report. The complainant stated that she flew from Lagos via Casablanca to Amsterdam. The above-named "
     "suspect 2, Osas E., travelled overland via Niger and Libya to Italy.",
     ("NGA", "MAR", "NLD")),
    # a relative who is the subject of a later sentence and moves or states: the relative's own route
    ("Ik ben uit Eritrea via Soedan en Libië naar Italië gereisd en daarna naar Nederland. Mijn oom bleef twee jaar "
     "in Egypte voordat hij naar Israël ging.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("I travelled from Eritrea via Sudan and Libya to Italy and then to the Netherlands. My uncle stayed in Egypt "
     "for two years before he went to Israel.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    # a co-passenger is never the subject
    ("Report. The suspect stated he travelled from Eritrea via Libya and Italy to the Netherlands. The co-passenger "
     "stated he came from Germany.",
     ("ERI", "LBY", "ITA", "NLD")),
])
def test_another_persons_route_is_dropped(text, route):
    assert extract_route(text).route == route


@pytest.mark.parametrize("text, route", [
    # together with the subject, or acting on the subject: the subject's route
    ("Betrokkene verklaarde dat hij uit Eritrea via Soedan naar Libië reisde. Zijn broer en hij reisden daarna samen "
     "via Italië naar Nederland.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("The applicant said he travelled from Eritrea via Sudan to Libya. His brother travelled with him from Libya to "
     "Italy and on to the Netherlands.",
     ("ERI", "SDN", "LBY", "ITA", "NLD")),
    ("She said they went from Grozny by bus to Minsk in Belarus and on to Poland. Her cousin drove them from Poland "
     "to Germany and then to the Netherlands.",
     ("RUS", "BLR", "POL", "DEU", "NLD")),
    # a relative who neither moves nor states, and a numbered person who is not the sentence's subject
    ("Betrokkene verklaarde dat hij uit Syrië via Turkije en Griekenland naar Nederland reisde. Zijn oom betaalde "
     "de smokkelaar.",
     ("SYR", "TUR", "GRC", "NLD")),
    ("Betrokkene verklaarde dat hij uit Syrië naar Turkije ging. In Turkije ontmoette hij verdachte 2; via "
     "Griekenland reisde hij naar Nederland.",
     ("SYR", "TUR", "GRC", "NLD")),
    ("The man stated he went from Syria to Turkey. In Turkey the smuggler introduced him to suspect 2, and he "
     "travelled via Greece to the Netherlands.",
     ("SYR", "TUR", "GRC", "NLD")),
])
def test_the_subjects_own_route_stays(text, route):
    assert extract_route(text).route == route
