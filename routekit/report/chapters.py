"""The one chapter list: which notebook makes which chapter, with its title per language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    id: str
    notebook: str
    nl: str
    en: str

    def title(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("summary", "01_summary.ipynb", "Samenvatting", "Summary"),
    Chapter("route_map", "02_route_map.ipynb", "Routekaart", "Route map"),
    Chapter("corridor_trends", "03_corridor_trends.ipynb", "Trends per corridor", "Corridor trends"),
    Chapter("methods", "09_methods.ipynb", "Methoden en verantwoording", "Methods and accountability"),
)


def chapters_present(notebook_dir) -> list[Chapter]:
    """The chapters whose notebook exists, in report order."""
    from pathlib import Path

    return [c for c in CHAPTERS if (Path(notebook_dir) / c.notebook).is_file()]
