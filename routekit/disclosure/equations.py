"""Suppression with protection against differencing for a forest of additive equations (mobility).

A count is released only if the threshold rule publishes it (``Threshold``: at least K distinct
subscribers; the operator's K is 16, FlowKit's "more than 15") - primary suppression. That alone is not enough: the released tables add up (region flows to country
flows, region homes to country homes, homes to the located total, located plus unlocatable to
the subscribers seen), so subtracting published counts from a published total could reveal a
suppressed one. Every such additive relation is given to ``protect`` as an ``Equation`` and
further counts are suppressed (secondary suppression) until, in every equation,

* no cell is the only hidden cell (it would equal total minus the published members), and
* if the total is published, the hidden members add up to 0 or to at least K
  (their sum is what an attacker can compute).

Why this is enough here: the equations of the mobility release form a forest (every count is in
at most two equations, as a member of one and the total of the next, and no chain of equations
closes a loop). In a forest, a hidden count can only be solved for by combining a subtree of
equations whose leaves each have exactly one hidden cell; the first rule forbids such leaves.
The secondary cell chosen is the smallest published member (ties by key), which hides the least
information. Zero counts are not cells at all: an attacker is assumed to know them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

from routekit.disclosure.rule import Threshold

PUBLISHED, PRIMARY, SECONDARY = "published", "primary", "secondary"


@dataclass(frozen=True)
class Equation:
    """``total`` = sum of ``members``; all are keys of the counts passed to ``protect``."""

    total: Hashable
    members: tuple[Hashable, ...]


def protect(counts: dict[Hashable, int], equations: list[Equation],
            threshold: Threshold | int) -> dict[Hashable, str]:
    """The release status of every count: ``published``, ``primary`` (too small) or
    ``secondary`` (hidden so that a small count cannot be recovered by differencing).
    A zero is not a cell (it is known), so it is never marked published."""
    threshold = Threshold.of(threshold)
    status = {key: PUBLISHED if value > 0 and threshold.publishes(value) else PRIMARY
              for key, value in counts.items()}
    changed = True
    while changed:
        changed = False
        for equation in equations:
            victim = _needs_more(equation, counts, status, threshold)
            if victim is not None:
                status[victim] = SECONDARY
                changed = True
    return status


def _needs_more(equation: Equation, counts, status, threshold: Threshold):
    """The count to hide next for this equation, or None if it is safe as it is."""
    cells = (equation.total, *equation.members)
    hidden = [cell for cell in cells if status[cell] != PUBLISHED]
    if not hidden:
        return None
    published_members = [m for m in equation.members if status[m] == PUBLISHED]
    unsafe = len(hidden) == 1 and counts[hidden[0]] > 0
    if not unsafe and status[equation.total] == PUBLISHED:
        remainder = counts[equation.total] - sum(counts[m] for m in published_members)
        unsafe = bool(threshold.small(remainder))
    if not unsafe:
        return None
    candidates = published_members or ([equation.total] if status[equation.total] == PUBLISHED else [])
    if not candidates:  # everything hidden already; nothing an attacker can subtract
        return None
    return min(candidates, key=lambda cell: (counts[cell], str(cell)))
