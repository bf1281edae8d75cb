"""Steward-side linkage: keyed-hash tokens from several releases in, contingency counts out.

``assign`` decides one month and corridor per person; ``contingency`` counts persons per
combination of sources and applies the release's disclosure control. Tokens never leave this
step: only counts are written.
"""

from routekit.link.contingency import link_releases  # noqa: F401
