"""The one threshold rule of routekit: a count of persons is published only if it is 0 or at least K.

Every other module asks a ``Threshold`` instead of comparing with a number, so "K" means the same
thing everywhere: the smallest published non-zero count. Rules phrased as "more than m" (FlowKit's
mobility redaction publishes counts of more than 15 subscribers) are converted once, here, with
``Threshold.more_than(m)`` (K = m + 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from routekit.errors import DisclosureError

MINIMUM_K = 5
"""Below this a count can point to individual persons; routekit refuses a smaller K."""
DEFAULT_K = 10
"""The chain's default suppression threshold."""
OPERATOR_MINIMUM_K = 16
"""A mobile operator publishes only counts of more than 15 subscribers (FlowKit's redaction)."""


@dataclass(frozen=True)
class Threshold:
    """The suppression threshold K: ``publishes(n)`` is true for n == 0 or n >= K."""

    k: int

    def __post_init__(self) -> None:
        k = self.k
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
            raise DisclosureError(f"threshold must be a whole number, got {k!r}")
        if k < MINIMUM_K:
            raise DisclosureError(f"threshold {k} is below the minimum {MINIMUM_K}: counts that small "
                                  "can point to individual persons")
        object.__setattr__(self, "k", int(k))

    @classmethod
    def more_than(cls, m: int) -> "Threshold":
        """The threshold of a rule written as 'publish only counts of more than m'."""
        return cls(int(m) + 1)

    @classmethod
    def of(cls, value: "Threshold | int") -> "Threshold":
        """A ``Threshold`` from itself or from K."""
        return value if isinstance(value, Threshold) else cls(value)

    def at_least(self, other: "Threshold | int") -> "Threshold":
        """The stricter of this threshold and ``other`` (e.g. the operator's minimum)."""
        return Threshold(max(self.k, Threshold.of(other).k))

    def publishes(self, n) -> bool:
        """Whether a single count may be published."""
        return n == 0 or n >= self.k

    def small(self, values) -> np.ndarray | pd.Series:
        """Element-wise: counts in 1..K-1, the ones that must never be shown (NaN is not small)."""
        return (values > 0) & (values < self.k)

    def __int__(self) -> int:
        return self.k

    def __str__(self) -> str:
        return str(self.k)


def check_threshold(threshold: "Threshold | int") -> int:
    """K as an int, refused below the minimum routekit allows (raises ``DisclosureError``)."""
    return Threshold.of(threshold).k
