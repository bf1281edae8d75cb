"""Round 20, lawyers' letters: two kinds of wording the rules misread.

1. The report's version told as recorded in other words ("Op pagina 3 is opgenomen dat ...", "is recorded as ...")
   or named as its statement ("to correct the statement on page 5 that ...", "de passage op pagina 4 ... dat"): a
   claim of the report (``document.yaml`` letters ``claim``), not the client's account; a stop the next statement
   puts between two of the claim's ("in Iran between Afghanistan and Turkey") keeps the claim's legs (``claim_added``).
2. A relative who is the subject of a reported clause ("Client said that her brother travelled via Libya") or named
   with a definite article opening the sentence ("The cousin travelled via Libya"): the relative's places are not
   the client's stops (``extraction._relative_is_the_subject``); not a person noun or the person's own group ("The
   family fled to Iran": cues.yaml ``relative_nouns_not_after_the``).

Measured against main at the round's start (train fixed/broken): claim cues 'is opgenomen dat'/'recorded as' 2/0,
'that/dat' + possessive 4/0, sentence-opening article 1/0 (3/1 before the group nouns were left out), 'the
statement ... that' with 'between X and Y' 2/0; together 9/0 (train1-26 4/0, train27-53 5/0), tuned 0/0, dev 5/0,
plain 0/0.

Tried and dropped (train 0/0 each, dev gains only): a quotation whose order the letter calls wrong ("maar andersom",
"The order is wrong") keeping its part before the first country the correction names; 'misverstand'/'misunderstanding'
as calling a claim wrong with "heeft in het gehoor verklaard" as a claim; 'niet genoteerd'/'not recorded' as an
omission; "did not reach" as an English negation; 'terwijl/while' before a relative. A contrast that corrects only
the means of a leg ("not from Spain to France by bus but in a car") keeping the leg: train 0/1, tuned 0/1.

Texts written for these tests (not taken from any set)."""

from __future__ import annotations

import pytest

from routekit.text.extraction import extract_route


def _route(text: str) -> str:
    return ">".join(extract_route(text).route)


RECORDED_AS_CLAIM = [
    ("Namens cliënt bericht ik u over het gehoorverslag. Op pagina 3 is opgenomen dat cliënt via Mali naar Senegal "
     "reisde. Dat is onjuist: cliënt vertrok uit Conakry met het vliegtuig naar Lissabon en reisde daarna met de bus "
     "naar Nederland.", "GIN>PRT>NLD"),
    ("Additions to the interview report: my client's route is recorded as going through Jordan by bus to Turkey. This "
     "is incorrect: he flew from Baghdad to Istanbul and from there to Amsterdam.", "IRQ>TUR>NLD"),
    # the report's statement named as such
    ("My client wishes to correct the statement on page 5 that he entered Bulgaria. He tried to cross the Bulgarian "
     "border twice and was sent back to Turkey. He then flew from Istanbul to Belgrade and went by bus to the "
     "Netherlands.", "TUR>SRB>NLD"),
    ("Cliënt wil de passage op pagina 4 corrigeren dat hij via Tunesië naar Italië reisde. Hij vertrok uit Khartoum "
     "naar Egypte en voer van Alexandrië naar Italië; daarna nam hij de trein naar Nederland.", "SDN>EGY>ITA>NLD"),
]

# a stop the letter puts between two of the claim's: the claim's legs hold (guards for the claim cues above)
INSERTED_BETWEEN = [
    ("Corrections to the report. The client wishes to correct the statement that he 'went straight from Afghanistan "
     "to Turkey'. In fact, he spent two years in Iran between Afghanistan and Turkey. The flight from Istanbul to "
     "Amsterdam is correctly recorded.", "AFG>IRN>TUR>NLD"),
    ("Correcties op het verslag. Cliënt wil de passage corrigeren dat hij 'rechtstreeks van Somalië naar Libië' "
     "reisde. Hij heeft namelijk een jaar in Soedan gewoond, tussen Somalië en Libië. De boot naar Italië en de trein "
     "naar Nederland zijn juist weergegeven.", "SOM>SDN>LBY>ITA>NLD"),
]

RELATIVE_SUBJECT = [
    ("Counsel notes that the report mixes up the client's route with that of his nephew. The nephew travelled via "
     "Niger and Algeria. The client himself flew from Bamako to Casablanca and on to Amsterdam.", "MLI>MAR>NLD"),
    ("Geachte heer/mevrouw, het verslag verwart de route van cliënt met die van zijn oom. De oom reisde via Iran "
     "en Turkije. Cliënt zelf vloog van Kabul naar Dubai en van daar naar Amsterdam.", "AFG>ARE>NLD"),
    ("Correction to the report: client said that his brother travelled via Sudan and Egypt. Client himself flew "
     "from Asmara to Istanbul and then to Amsterdam.", "ERI>TUR>NLD"),
    ("Correctie op het rapport: cliënte heeft gezegd dat haar zus via Marokko en Spanje reisde. Cliënte zelf vloog "
     "van Lagos naar Parijs en nam daarna de trein naar Nederland.", "NGA>FRA>NLD"),
]

# the person's own group: its places stay
GROUP_KEPT = [
    ("Corrections to the report. The family fled from Herat straight to Iran, where she lived for ten years. From "
     "Iran she walked to Turkey and flew from Istanbul to Amsterdam.", "AFG>IRN>TUR>NLD"),
]


@pytest.mark.parametrize("text,route", RECORDED_AS_CLAIM)
def test_a_claim_recorded_in_other_words_is_the_reports_version(text, route):
    assert _route(text) == route


@pytest.mark.parametrize("text,route", INSERTED_BETWEEN)
def test_a_stop_inserted_between_two_of_the_claims_keeps_its_legs(text, route):
    assert _route(text) == route


@pytest.mark.parametrize("text,route", RELATIVE_SUBJECT)
def test_a_relative_as_the_subject_of_a_reported_or_article_clause_is_not_a_stop(text, route):
    assert _route(text) == route


@pytest.mark.parametrize("text,route", GROUP_KEPT)
def test_the_persons_group_after_the_article_keeps_its_places(text, route):
    assert _route(text) == route
