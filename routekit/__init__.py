"""routekit: privacy-safe, triangulated reports on irregular migration routes towards the Netherlands.

The package follows the path the data takes:
``synth`` (demo partner data) -> ``text`` (free text to route legs) -> ``release`` (partner-side
anonymised aggregates) -> ``link`` (steward-side de-duplication) -> ``estimate`` (triangulation)
-> ``report`` (papermill chapters and a Jupyter Book site).
"""

__version__ = "0.1.0"

import warnings as _warnings

# pandera imports pyspark.pandas when pyspark is installed (for the Spark CDR engine), which warns
# about pandas 3 on every import; routekit does not use pyspark.pandas.
_warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
