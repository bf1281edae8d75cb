"""Mobility indicators from call detail records, as an open algorithm.

The code travels to the operator's data; only redacted aggregates come back: per period each
subscriber's night-time home region, the flows between consecutive periods' homes by region and
by country, published only above a threshold and protected against differencing. One SQL
definition (``definition.py``) runs on DuckDB (default) or Apache Spark (``engines.py``).
See README.md in this folder for the definition and the output files.
"""

from routekit.mobility.engines import Resources
from routekit.mobility.params import CdrParams
from routekit.mobility.partner_release import release_mobility
from routekit.mobility.pipeline import compute_indicators, write_release

__all__ = ["CdrParams", "Resources", "compute_indicators", "release_mobility", "write_release"]
