"""Statistical disclosure control in one place: the threshold rule, table suppression, the gate.

- ``rule``: ``Threshold`` - a count is published only if it is 0 or at least K.
- ``tables``: primary and secondary suppression over all linked tables of a release, with the
  linear-algebra audit against differencing (partner releases, the steward's link).
- ``equations``: the same protection for a forest of equations (the mobility operator's release).
- ``gate``: ``assert_publishable`` and ``published_rows``, which every writer of a published table,
  chart or map passes through.
"""

from routekit.disclosure.rule import (DEFAULT_K, MINIMUM_K, OPERATOR_MINIMUM_K, Threshold,  # noqa: F401
                                      check_threshold)
