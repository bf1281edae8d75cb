"""The report stage: chapter notebooks executed with papermill, built into a Jupyter Book site."""
