"""The estimate stage's notes (English, ``; ``-separated fragments) in the report's language.

The estimate stage writes one technical English note per row so that its CSVs read the same
everywhere; a Dutch report must still explain a grade in Dutch. Each fragment is matched against
the patterns below; a fragment no pattern knows stays as written rather than being dropped, so
nothing the estimate said is lost (a test lists the fragments the demo produces).
"""

from __future__ import annotations

import re

SOURCE_NAMES_NL = {"ind": "IND", "kmar": "KMar", "police": "politie", "eurodac": "Eurodac",
                   "mobility": "mobiliteitsindicatoren", "none": "geen"}
KIND_NAMES_NL = {"border_observation": "grenswaarneming", "self_reported": "eigen verklaring",
                 "fingerprint": "vingerafdrukregistratie", "mobility_indicator": "mobiliteitsindicator"}

#: (pattern on one English fragment, Dutch template with the pattern's groups by name)
PATTERNS_NL: list[tuple[str, str]] = [
    (r"(?P<n>\d+) independent kinds of source overlap \((?P<kinds>[^)]*)\)",
     "{n} onafhankelijke soorten bronnen overlappen ({kinds})"),
    (r"not estimable for every corridor", "voor geen enkele corridor te schatten"),
    (r"not estimable in (?P<months>.+)", "niet te schatten in {months}"),
    (r"fewer than (?P<n>\d+) persons seen: not shown", "minder dan {n} personen gezien: niet getoond"),
    (r"no persons seen in (?P<months>.+) \(counted as zero\)", "niemand gezien in {months} (als nul geteld)"),
    (r"no release of (?P<sources>.+) covers this month", "geen release van {sources} dekt deze maand"),
    (r"too few persons seen by two or more sources(?: outside (?P<outside>[^(]+))? \((?P<n>[\d.]+) < (?P<k>\d+)\)"
     r": without overlap the unseen part cannot be estimated",
     "te weinig personen door twee of meer bronnen gezien{outside} ({n} < {k}): zonder overlap is het "
     "ongeziene deel niet te schatten"),
    (r"estimate unstable: in (?P<share>\d+%) of bootstrap replicates no model was estimable.*",
     "schatting instabiel: in {share} van de bootstrap-herhalingen was geen model te schatten (te weinig "
     "overlap), dus geen bovengrens"),
    (r"estimate unstable: in (?P<share>\d+%) of bootstrap replicates no model could bound .*",
     "schatting instabiel: in {share} van de bootstrap-herhalingen kon geen model het ongeziene deel van deze "
     "groep begrenzen (te weinig personen in de overlap), dus geven de gegevens geen bovengrens"),
    (r"no upper bound: the estimate runs past (?P<ratio>\S+) times the persons seen.*",
     "geen bovengrens: de schatting loopt op tot meer dan {ratio} keer het aantal geziene personen (te weinig "
     "personen in de overlap van deze groep)"),
    (r"(?:the )?estimate runs past (?P<ratio>\S+) times the persons seen.*",
     "de schatting loopt op tot meer dan {ratio} keer het aantal geziene personen: de gegevens geven geen "
     "bovengrens"),
    (r"no bootstrap draws: no interval", "geen bootstrap-trekkingen: geen interval"),
    (r"rows with no source marked were ignored", "rijen zonder bron tellen niet mee"),
    (r"no estimate", "geen schatting"),
    (r"no interval", "geen interval"),
    (r"all sources in the estimate are of one kind \((?P<kinds>[^)]*)\)",
     "alle bronnen in de schatting zijn van één soort ({kinds})"),
    (r"fewer than two lists saw anyone", "minder dan twee lijsten zagen iemand"),
    (r"nobody was seen by two or more lists: the unseen cannot be estimated",
     "niemand is door twee of meer lijsten gezien: het ongeziene deel is niet te schatten"),
    (r"no model is estimable: the unseen cell is not identifiable from the cells observed",
     "geen model te schatten: het ongeziene deel volgt niet uit de geziene cellen"),
    (r"no log-linear model could be fitted.*", "geen log-lineair model te schatten"),
    (r"(?P<sources>.+) taken as complete registration .*estimated from (?P<lists>.+) among the persons outside it",
     "{sources} geldt als volledige registratie (wie in die groep valt, staat erin): het ongeziene deel "
     "wordt geschat uit {lists} bij de personen daarbuiten"),
    (r"(?P<a>[a-z_]+)-(?P<b>[a-z_]+) dependence cannot be estimated from two lists: odds ratio taken as "
     r"(?P<ratio>\S+), 95% range (?P<low>\S+)-(?P<high>\S+) carried in the interval",
     "de samenhang tussen {a} en {b} is uit twee lijsten niet te schatten: odds ratio aangenomen als "
     "{ratio}, een bereik van {low} tot {high} (95%) zit in het interval"),
    (r"(?P<a>[a-z_]+)-(?P<b>[a-z_]+) assumed independent.*",
     "{a} en {b} als onafhankelijk aangenomen (twee lijsten kunnen hun samenhang niet tonen)"),
    (r"(?P<sources>.+) taken to see persons at a similar rate in every group \(odds within a factor "
     r"(?P<factor>\S+) either way, 95%\).*",
     "aangenomen dat {sources} in elke groep personen met een vergelijkbare kans ziet (odds binnen een "
     "factor {factor}, 95%); een groep met weinig eigen overlap leent die van de andere"),
    (r"(?P<n>\d+) suppressed cell\(s\) treated as interval-censored(?:, or larger with weight (?P<w>\S+))?",
     "{n} onderdrukte cel(len) meegenomen als onbekend getal tussen 1 en de drempel{w}"),
    (r"(?P<n>\d+) withheld cell\(s\) of unknown size imputed from the model",
     "{n} afgeschermde cel(len) van onbekende grootte uit het model ingevuld"),
    (r"wide interval \((?P<share>\d+%) of the estimate\)", "breed interval ({share} van de schatting)"),
    (r"source\(s\) with nobody in this cell left out: (?P<sources>.+)",
     "bron(nen) zonder personen in deze cel weggelaten: {sources}"),
    (r"fewer than two sources saw anyone here \((?P<sources>[^)]*)\)",
     "minder dan twee bronnen zagen hier iemand ({sources})"),
    (r"only (?P<n>\d+) list \((?P<lists>[^)]*)\) besides the complete registration \((?P<complete>[^)]*)\): "
     r"whom it missed outside the registration cannot be estimated",
     "maar {n} lijst ({lists}) naast de volledige registratie ({complete}): wie die buiten de registratie "
     "miste, is niet te schatten"),
    (r"persons seen only by dropped sources were ignored",
     "personen die alleen weggelaten bronnen zagen, tellen niet mee"),
]
_COMPILED = [(re.compile(pattern), template) for pattern, template in PATTERNS_NL]


def _dutch_names(text: str) -> str:
    for name, dutch in {**KIND_NAMES_NL, **SOURCE_NAMES_NL}.items():
        text = re.sub(rf"\b{name}\b", dutch, text)
    return text


def _fragment_nl(fragment: str) -> str:
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(fragment.strip())
        if match:
            values = {k: _dutch_names(v) if v else "" for k, v in match.groupdict().items()}
            if "outside" in values and values["outside"]:
                values["outside"] = f" buiten {values['outside'].strip()}"
            if "w" in values and values["w"]:
                values["w"] = f", of groter met gewicht {values['w']}"
            return template.format(**values)
    return fragment


def note_in(note: str, language: str) -> str:
    """The note in ``language`` (nl or en); unknown fragments stay as the estimate wrote them."""
    if language != "nl" or not isinstance(note, str) or not note:
        return note if isinstance(note, str) else ""
    return "; ".join(_fragment_nl(part) for part in note.split("; "))


def untranslated(note: str) -> list[str]:
    """Fragments no pattern knows (for tests and for whoever adds a new note to the estimate)."""
    if not isinstance(note, str) or not note:
        return []
    return [part for part in note.split("; ") if _fragment_nl(part) == part]
