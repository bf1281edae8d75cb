"""The one place for the grade of a finding: how far a number can be trusted, in words.

- ``confirmed``: supported by two or more independent kinds of source (observed at the border,
  self-reported, fingerprint registration, mobility indicator) and, for an estimate, an interval
  no wider than the estimate itself.
- ``indicative``: supported, but the interval is wide (upper - lower > estimate).
- ``single_source``: only one kind of source speaks to it.
- ``contradicted``: two independent kinds of source point in opposite directions.
- ``not_estimable``: no number can be given; the note says why.
"""

from __future__ import annotations

import math

GRADES = ("confirmed", "indicative", "single_source", "contradicted", "not_estimable")

GRADE_LABELS = {
    "en": {"confirmed": "confirmed", "indicative": "indicative", "single_source": "single source",
           "contradicted": "contradicted", "not_estimable": "not estimable"},
    "nl": {"confirmed": "bevestigd", "indicative": "indicatief", "single_source": "één bron",
           "contradicted": "tegenstrijdig", "not_estimable": "niet te schatten"},
}

WIDE = 1.0  # (upper - lower) / estimate above this: indicative


def estimate_grade(estimable: bool, estimate: float, lower: float, upper: float,
                   kinds: list[str], reason: str = "") -> tuple[str, str]:
    """Grade of a population estimate and the reason, written out."""
    if not estimable or not math.isfinite(estimate):
        return "not_estimable", reason or "no estimate"
    if len(set(kinds)) < 2:
        return "single_source", f"all sources in the estimate are of one kind ({', '.join(kinds)})"
    if not (math.isfinite(lower) and math.isfinite(upper)):
        return "indicative", "no interval"
    width = (upper - lower) / max(estimate, 1.0)
    if width > WIDE:
        return "indicative", f"wide interval ({width:.0%} of the estimate)"
    return "confirmed", f"{len(set(kinds))} independent kinds of source overlap ({', '.join(sorted(set(kinds)))})"


def change_grade(directions: dict[str, int]) -> tuple[str, str]:
    """Grade of a change from the direction each kind of source shows (+1 up, -1 down, 0 none).

    ``directions`` maps a kind of source to the sign of its significant change (0: no
    significant change). Opposite significant signs contradict each other.
    """
    up = sorted(k for k, d in directions.items() if d > 0)
    down = sorted(k for k, d in directions.items() if d < 0)
    if up and down:
        return "contradicted", f"up in {', '.join(up)}, down in {', '.join(down)}"
    agreeing = up or down
    if len(agreeing) >= 2:
        return "confirmed", f"same direction in {', '.join(agreeing)}"
    if len(agreeing) == 1:
        others = sorted(k for k, d in directions.items() if d == 0)
        tail = f"; no significant change in {', '.join(others)}" if others else ""
        return "single_source", f"only {agreeing[0]} shows it{tail}"
    return "single_source", "no source shows a significant change"
