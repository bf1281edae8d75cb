"""The one place for the grade of a finding: how far a number can be trusted, in words (nl and en).

- ``confirmed``: supported by two or more independent kinds of source (observed at the border,
  self-reported, fingerprint registration, mobility indicator; for the direction of a corridor's
  change also detections at the EU external border published by Frontex) and, for an
  estimate, an interval no wider than the estimate itself.
- ``indicative``: supported, but the interval is wide (upper - lower > estimate), or a change
  that only the estimate (which pools the sources) shows.
- ``single_source``: only one kind of source speaks to it.
- ``contradicted``: two independent kinds of source point in opposite directions, or a
  published series of the same registrations moves against the partner's release.
- ``not_estimable``: no number can be given; the note says why.

Why Frontex counts as a kind of its own for a *direction* and Eurostat does not: README.md,
"Published series".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from routekit.contracts.notes import Note

GRADES = ("confirmed", "indicative", "single_source", "contradicted", "not_estimable")

GRADE_LABELS = {
    "en": {"confirmed": "confirmed", "indicative": "indicative", "single_source": "single source",
           "contradicted": "contradicted", "not_estimable": "not estimable"},
    "nl": {"confirmed": "bevestigd", "indicative": "indicatief", "single_source": "één bron",
           "contradicted": "tegenstrijdig", "not_estimable": "niet te schatten"},
}

# kinds of source (registry SOURCE_KINDS, plus the published EU border series) in words
EU_BORDER = "eu_border_detection"
KIND_LABELS = {
    "en": {"border_observation": "observation at the Dutch border", "self_reported": "self-report",
           "fingerprint": "fingerprint registration", "mobility": "mobility indicator",
           EU_BORDER: "detections at the EU external border (Frontex, published)"},
    "nl": {"border_observation": "waarneming aan de Nederlandse grens", "self_reported": "eigen verklaring",
           "fingerprint": "vingerafdrukregistratie", "mobility": "mobiliteitsindicator",
           EU_BORDER: "detecties aan de EU-buitengrens (Frontex, gepubliceerd)"},
}

WIDE = 1.0  # (upper - lower) / estimate above this: indicative


@dataclass(frozen=True)
class Graded:
    """A grade with its reason written out in both report languages."""

    grade: str
    reason_en: str
    reason_nl: str

    def reason(self, language: str) -> str:
        return self.reason_nl if language == "nl" else self.reason_en


@dataclass(frozen=True)
class Check:
    """A published series of the *same* registrations as a partner's release (Eurostat's Dutch
    asylum applicants against IND's): not an independent kind, but a check on the release.
    ``public`` and ``ours``: the sign of each one's significant change (+1, -1, 0)."""

    label_en: str
    label_nl: str
    public: int
    ours: int


def kind_names(kinds, language: str) -> str:
    """'a, b and c' in the reader's language."""
    names = [KIND_LABELS[language].get(k, k) for k in sorted(kinds)]
    if len(names) <= 1:
        return "".join(names)
    joiner = " en " if language == "nl" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def estimate_grade(estimable: bool, estimate: float, lower: float, upper: float,
                   kinds: list[str], explained: bool = False) -> tuple[str, list[Note]]:
    """Grade of a population estimate and why, as notes to put before the estimate's own.

    A refused estimate whose notes already say why (``explained``) gets no further note.
    """
    if not estimable or not math.isfinite(estimate):
        return "not_estimable", [] if explained else [Note.of("no_estimate")]
    if len(set(kinds)) < 2:
        return "single_source", [Note.of("one_kind", kinds=kinds)]
    if not (math.isfinite(lower) and math.isfinite(upper)):
        return "indicative", [Note.of("no_interval")]
    width = (upper - lower) / max(estimate, 1.0)
    if width > WIDE:
        return "indicative", [Note.of("wide_interval", share=width)]
    return "confirmed", [Note.of("kinds_overlap", kinds=sorted(set(kinds)))]


def _split(directions: dict[str, int]) -> tuple[list[str], list[str], list[str]]:
    up = sorted(k for k, d in directions.items() if d > 0)
    down = sorted(k for k, d in directions.items() if d < 0)
    flat = sorted(k for k, d in directions.items() if d == 0)
    return up, down, flat


def _check_conflicts(checks: list[Check]) -> tuple[list[str], list[str]]:
    """The checks that move against the release they check, as (en, nl) sentences."""
    en, nl = [], []
    for check in checks:
        if check.public and check.ours and check.public != check.ours:
            en.append(f"{check.label_en} {'rise' if check.public > 0 else 'fall'} while the release "
                      f"{'rises' if check.ours > 0 else 'falls'} (the same registrations)")
            nl.append(f"{check.label_nl} {'stijgen' if check.public > 0 else 'dalen'} terwijl de vrijgave "
                      f"{'stijgt' if check.ours > 0 else 'daalt'} (dezelfde registraties)")
    return en, nl


def _check_agreements(checks: list[Check]) -> tuple[list[str], list[str]]:
    en, nl = [], []
    for check in checks:
        if check.public and check.public == check.ours:
            en.append(f"{check.label_en} show the same direction (the same registrations: a check, not an "
                      "independent kind)")
            nl.append(f"{check.label_nl} gaan dezelfde kant op (dezelfde registraties: een controle, geen "
                      "onafhankelijke soort bron)")
    return en, nl


def change_grade(directions: dict[str, int], checks: list[Check] | None = None) -> Graded:
    """Grade of a change from the direction each kind of source shows (+1 up, -1 down, 0 none).

    ``directions`` maps a kind of source to the sign of its significant change (0: no
    significant change). Opposite significant signs contradict each other; so does a ``check``
    (a published series of the same registrations) that moves against its release.
    """
    checks = checks or []
    up, down, flat = _split(directions)
    conflict_en, conflict_nl = _check_conflicts(checks)
    agree_en, agree_nl = _check_agreements(checks)
    if up and down:
        return Graded("contradicted",
                      "; ".join([f"up in {kind_names(up, 'en')}, down in {kind_names(down, 'en')}", *conflict_en]),
                      "; ".join([f"stijging in {kind_names(up, 'nl')}, daling in {kind_names(down, 'nl')}", *conflict_nl]))
    if conflict_en:
        return Graded("contradicted", "; ".join(conflict_en), "; ".join(conflict_nl))
    agreeing = up or down
    if len(agreeing) >= 2:
        return Graded("confirmed", "; ".join([f"same direction in {kind_names(agreeing, 'en')}", *agree_en]),
                      "; ".join([f"dezelfde richting in {kind_names(agreeing, 'nl')}", *agree_nl]))
    if len(agreeing) == 1:
        tail_en = f"; no significant change in {kind_names(flat, 'en')}" if flat else ""
        tail_nl = f"; geen significante verandering in {kind_names(flat, 'nl')}" if flat else ""
        return Graded("single_source", "; ".join([f"only {kind_names(agreeing, 'en')} shows it{tail_en}", *agree_en]),
                      "; ".join([f"alleen {kind_names(agreeing, 'nl')} laat het zien{tail_nl}", *agree_nl]))
    return Graded("single_source", "; ".join(["no source shows a significant change", *agree_en]),
                  "; ".join(["geen bron laat een significante verandering zien", *agree_nl]))


def finding_grade(level: str, sign: int, directions: dict[str, int] | None, checks: list[Check] | None = None,
                  weak_months: list[str] | None = None) -> Graded:
    """Grade of a corridor finding: the period's estimate and its change against the baseline.

    ``level``: ``confirmed`` when the estimate is confirmed in every month of the period, else
    ``indicative`` (``weak_months`` names the months that are not). ``sign``: +1/-1 when the
    estimate's change is significant (its 95% interval excludes 1), else 0. ``directions``:
    the sign each kind of source shows on its own (``change_grade``); None when that was not
    assessed (the grade is then that of the level).

    A significant change needs two independent kinds showing it to be ``confirmed``; one kind
    makes it ``single_source``; none (only the pooled estimate shows it) ``indicative``; a kind
    against it ``contradicted``. Without a significant change the grade is that of the level,
    unless the kinds contradict each other.
    """
    checks = checks or []
    level_en = ("the estimate is confirmed in every month (two or more kinds of source, narrow interval)"
                if level == "confirmed" else
                f"the estimate is not confirmed in {', '.join(weak_months or []) or 'every month'} "
                "(wide interval or one kind of source)")
    level_nl = ("de schatting is in elke maand bevestigd (twee of meer soorten bronnen, smal interval)"
                if level == "confirmed" else
                f"de schatting is niet bevestigd in {', '.join(weak_months or []) or 'elke maand'} "
                "(breed interval of één soort bron)")
    if directions is None:
        return Graded(level, f"{level_en}; the change per kind of source was not assessed",
                      f"{level_nl}; de verandering per soort bron is niet beoordeeld")
    change = change_grade(directions, checks)
    up, down, _ = _split(directions)
    if sign == 0:
        if change.grade == "contradicted":
            return Graded("contradicted", f"{change.reason_en}; {level_en}", f"{change.reason_nl}; {level_nl}")
        return Graded(level, f"no significant change in the estimate; {level_en}; sources: {change.reason_en}",
                      f"geen significante verandering in de schatting; {level_nl}; bronnen: {change.reason_nl}")
    word_en, word_nl = ("rises", "stijgt") if sign > 0 else ("falls", "daalt")
    against = down if sign > 0 else up
    along = up if sign > 0 else down
    conflict_en, conflict_nl = _check_conflicts(checks)
    if against or conflict_en:
        parts_en = [f"the estimate {word_en}, against a {'fall' if sign > 0 else 'rise'} in "
                    f"{kind_names(against, 'en')}"] if against else []
        parts_nl = [f"de schatting {word_nl}, tegen een {'daling' if sign > 0 else 'stijging'} in "
                    f"{kind_names(against, 'nl')}"] if against else []
        return Graded("contradicted", "; ".join([*parts_en, *conflict_en]), "; ".join([*parts_nl, *conflict_nl]))
    if len(along) >= 2:
        grade = "confirmed" if level == "confirmed" else "indicative"
        return Graded(grade, f"the estimate {word_en}, as {kind_names(along, 'en')} show; {level_en}",
                      f"de schatting {word_nl}, zoals {kind_names(along, 'nl')} laten zien; {level_nl}")
    if len(along) == 1:
        flat = sorted(k for k, d in directions.items() if d == 0)
        tail_en = f"; no significant change in {kind_names(flat, 'en')}" if flat else ""
        tail_nl = f"; geen significante verandering in {kind_names(flat, 'nl')}" if flat else ""
        return Graded("single_source", f"the estimate {word_en}, but only {kind_names(along, 'en')} shows it "
                      f"on its own{tail_en}",
                      f"de schatting {word_nl}, maar alleen {kind_names(along, 'nl')} laat het op zichzelf zien{tail_nl}")
    return Graded("indicative", f"the estimate {word_en}, but no kind of source shows it on its own "
                  "(the change is significant only with the sources pooled)",
                  f"de schatting {word_nl}, maar geen soort bron laat het op zichzelf zien "
                  "(de verandering is alleen significant met de bronnen samen)")
