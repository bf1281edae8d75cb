"""Triangulation: the unseen population (multiple-systems estimation), agreement between
sources, timeliness, trends, anomalies and ranked findings. Reads only releases, the link and
the published public series (Frontex, Eurostat) - never an extract.

Public API: ``estimate_population`` / ``estimate_pooled`` (mse.py), ``run_estimate`` and
``findings`` (pipeline.py). Output files are documented in README.md.
"""

from routekit.estimate.mse import MSEResult, chapman, estimate_pooled, estimate_population
from routekit.estimate.pipeline import findings, run_estimate

__all__ = ["MSEResult", "chapman", "estimate_pooled", "estimate_population", "findings", "run_estimate"]
