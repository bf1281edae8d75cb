"""The one chapter list: which notebook makes which chapter, its title per language, what it needs.

``needs`` decides which chapters a report gets: ``partner`` chapters need released partner data,
``public`` chapters need the public EU statistics, ``any`` chapters adapt to what is there. A
public-only parameter set (``sources: []``) therefore renders the context, safety, summary and
methods chapters from the same notebooks.

Each chapter's figures and tables are computed in its own module in this package (``module_name``);
helpers more than one chapter needs live in ``common``. ``_toc.yml`` lists the notebooks in this order
(a test checks both).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Chapter:
    id: str
    notebook: str
    nl: str
    en: str
    needs: str = "partner"
    module: str = ""  # routekit.report.chapters.<module> computes what the notebook shows; default: id

    def title(self, language: str) -> str:
        return self.nl if language == "nl" else self.en

    @property
    def module_name(self) -> str:
        """The chapter's view module, the one its notebook imports (a test checks it does)."""
        return f"{__name__}.{self.module or self.id}"


CHAPTERS: tuple[Chapter, ...] = (
    Chapter("summary", "01_summary.ipynb", "Samenvatting", "Summary", "any"),
    Chapter("route_map", "02_route_map.ipynb", "Routekaart", "Route map"),
    Chapter("corridor_trends", "03_corridor_trends.ipynb", "Trends per corridor", "Corridor trends",
            module="trends"),
    Chapter("entry_points", "04_entry_points.ipynb", "Binnenkomst in Nederland", "Entry into the Netherlands"),
    Chapter("nationalities", "05_nationalities.ipynb", "Nationaliteiten", "Nationalities"),
    Chapter("sources_unseen", "06_sources_unseen.ipynb", "Bronnen en het ongeziene deel",
            "Sources and the unseen"),
    Chapter("safety", "07_safety.ipynb", "Veiligheid en leed langs de routes",
            "Safety and suffering along the routes", "any"),
    Chapter("eu_context", "08_eu_context.ipynb", "Europese context", "European context", "public"),
    Chapter("data_quality", "09_data_quality.ipynb", "Datakwaliteit", "Data quality"),
    Chapter("methods", "10_methods.ipynb", "Methoden en verantwoording", "Methods and accountability", "any"),
)


def chapters_for(notebook_dir, has_partner_data: bool, has_public_data: bool) -> list[Chapter]:
    """The chapters this report gets, in order: notebook present and its data available."""
    wanted = []
    for chapter in CHAPTERS:
        if not (Path(notebook_dir) / chapter.notebook).is_file():
            continue
        if chapter.needs == "partner" and not has_partner_data:
            continue
        if chapter.needs == "public" and not has_public_data:
            continue
        wanted.append(chapter)
    return wanted
