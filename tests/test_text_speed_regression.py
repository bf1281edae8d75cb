"""The speed work on the extractor changed no output: every field of a fixed sample is as before.

``tests/data/text_speed_regression.csv`` holds 868 texts - the gold and dev2 texts, 500 demo
narratives (``routekit synth`` seeds 5 and 11, passed through ``scrub`` so no planted personal data
is stored) and 250 of them with random typos, punctuation, capitals and accents (fuzzy matches,
clause splits) - with the fields ``extract_route``/``extraction_row`` gave BEFORE the optimisations.
Regenerate it only when an extraction rule changes on purpose (last: the dev4 rules changed 4 rows - two
forged-document smugglers now "yes", two typo texts reordered by the leg-into-NL rule).
The confidence is a calibrated probability whose coefficients are data (``confidence.yaml``, refitted when the
labelled sets grow), so the file keeps its input instead: ``features``, the counts the rules produced
(``RouteExtraction.features``; column replaced when the calibration came in, no route or other field changed).
Q/A turns (dialogue.py) then changed 6 demo interviews: an answered "Hoe bent u naar Nederland gekomen?" now ends
the route in NLD (the hand-labelled sets' convention; the demo generator's narrated_route leaves it out).
Issue 15's rules then changed 5 rows (refreshed on purpose): a question naming no country now joins its answer, so
"V: Waar bent u geboren? A: In Kabul." is a birthplace and the residence told next (Iran) starts the route (2 demo
interviews; the hand-labelled sets' convention, the demo generator's narrated_route keeps the birth country); 3 rows
only count one more nationality/birth mention ("in Turkije geboren is", a feature). The calibration then gained
genre-like document features (turns, persons, letter, codes, years, ...): the ``features`` column was rewritten, no
other field changed.
The end of a Dutch record (``dutch_record`` cues: proces-verbaal, KMar, nader gehoor, interview report) then changed
25 demo interviews on purpose: a "Nader gehoor" whose story stops in Germany now ends in NLD (the hand-labelled sets'
convention, extraction_heldout.README.md rule 2; the demo generator's narrated_route leaves it out).
The vehicle a record opens with ("in de laadruimte van een vrachtwagen ... kwam uit Antwerpen") then changed 2 rows on
purpose: gold G40 and its typo copy now give the gold route (BEL last before NLD).
Issue 15's third round (order timeline, not-stops, document layer, names) then changed only the ``features`` of 4 rows
(a spelling now matched exactly instead of fuzzily, extra nationality/not-routed counts); no route, mode or other field.
Issue 15's fourth round (timeline from weighted constraints, not-stops, relatives, document layer, names) changed the
``features`` of 79 rows (mostly one departure fewer: "kom uit" is where a person is from, not a place left) and one
route: row 768, a typo copy whose sister "wont in Frankijk", went from one wrong route to another (FRA now before DEU).
Earlier in the round rows 696, 726, 762 and 786 moved and came back (relatives' countries, "to German").
Issue 15's fifth round (modes per leg in legmodes.py, not-stops, codes, names, order) changed no route: the modes of 69
rows (a mode now reaches the leg it leads to, travel inside a country no longer gives the crossing, and "busje"/
"minibus" are a car as the labelling conventions say - the demo generator now writes bus legs with bus words) and the
``features`` of 24 rows (e.g. "uit Eritrea te komen" is a home, not a departure).
Issue 15's sixth round changed no route either: the modes of 70 rows (83 legs "met een taxi" are ``taxi``, an allowed
value of the labelling conventions, no longer ``car``) and the ``features`` of every row with a route (one more
feature, ``learned_change``: a learned stage changed the rules' route; 0 on every row here).
Issue 15's seventh round refitted the learned order stage on ten training sets for routes of up to 8 countries abroad
(held out +32 of 1,203, margin at least 1.5): it reorders 5 rows here, with ``learned_change`` (features). One is right
now (727 "went to Mali, coming from Ivory Coast": CIV first), three told "naar X ... vanuit Y" are wrong now (214, 370
and its typo copy 860: the journey-length term outweighs "vanuit"), one long one moves from wrong to wrong (820).
Issue 15's eighth round: the order stage counts an arrival at a named airport as a flown leg and reads a source word
("vanuit", "from") as a pair feature (``from_link``): 214 and 370 are right again (IRQ>ARE>NLD, SYR>ARE>NLD; route,
modes and features); 860 stays wrong ("Schipol" is no airport name). The rules' round 8 changed no row here.
Issue 15's ninth round: the rules' departure verbs ("verliet ik X", "left X") change the ``features`` of 34 rows; the
order stage refitted on twenty-two training sets (options chosen inside the held-out folds) makes 860 right
(IRQ>ARE>NLD: "vanuit Erbil" now weighs) and 727 wrong again (MLI>CIV..., modes with it): a row the rules had right that
the learned order overrides, one of its 7 broken against 76 fixed held out.
Issue 15's tenth round: the leg modes' rules (the leg into the Netherlands told without naming it, "opblaasboot" a
boat) change the ``modes`` of 22 rows, ``features`` of 32; the order stage refitted on twenty-six training sets turns
both again: 727 right (CIV>MLI>DZA>FRA>NLD, "coming from Ivory Coast") and 860 wrong (ARE>IRQ>NLD: the rules'
IRQ>ARE from "eerst naar de Verenigde Arabische Emiraten ... vanuit Erbil" overridden), within its held-out +83
(88 fixed / 5 broken).
Issue 15's eleventh round changed no row by its rules; the stop verifier, switched on (gated to border-guard, summary,
letter, correction, quoted and plain records; held out +53 of 3,367), removes one country from 3 typo copies of demo
narratives (655 SWE, 820 DEU, 825 FIN: a country the demo's story names after a long stay elsewhere), with their
modes, ``features`` and ``hints``.
Issue 15's twelfth round switched the verifier off again (its switch-on rule: a fresh demo seed broke 2 of 1,222 gated
texts), so those 3 rows have their countries back; its rules changed the ``features`` of 2 more rows (5 in all).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from routekit.text import extract_route
from routekit.text.frame import extraction_row

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)


def _fields(text: str) -> dict[str, str]:
    result = extract_route(text)
    row = extraction_row(0, result)
    return {"route": row["route"], "modes": row["modes"], "smuggler": row["smuggler"],
            "route_asked": str(bool(row["route_asked"])).lower(),
            "features": ">".join(f"{v:g}" for v in result.features),
            "reason": row["reason"], "hints": ">".join(result.hints), "language": result.language,
            "corridor": row["corridor"]}


def test_sample_covers_routes_and_refusals(sample):
    assert len(sample) > 800
    assert (sample["route"] != "").sum() > 700
    assert (sample["reason"] != "").any()


def test_every_field_unchanged(sample):
    columns = ["route", "modes", "smuggler", "route_asked", "features", "reason", "hints", "language", "corridor"]
    changed = []
    for record in sample.to_dict("records"):
        got = _fields(record["text"])
        expected = {column: record[column] for column in columns}
        if got != expected:
            changed.append((record["text"][:80], {k: (expected[k], got[k]) for k in columns if got[k] != expected[k]}))
    assert not changed, f"{len(changed)} of {len(sample)} texts changed, first: {changed[:3]}"
