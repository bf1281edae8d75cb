"""Published European statistics (Frontex, Eurostat, IOM, UNHCR): one adapter per source.

Each adapter reads the publisher's layout, normalises it (period, route/corridor, ISO3
nationality, count; or incidents with date, route, dead, missing, coordinates) and returns an
``AdapterResult`` with ``.data`` and ``.rejects`` (file, row, field, reason). See README.md.
"""

from routekit.sources.public.citation import caption, citation, public_csv_name, require_public
from routekit.sources.public.eurostat import load_eurostat_asylum
from routekit.sources.public.frontex import frontex_revisions, load_frontex, merge_frontex
from routekit.sources.public.iom import load_iom
from routekit.sources.public.paths import default_data_dir
from routekit.sources.public.result import AdapterResult
from routekit.sources.public.unhcr import load_unhcr_arrivals
from routekit.sources.public import registration as _registration  # noqa: F401  (registers the sources)

LOADERS = {
    "frontex": load_frontex,
    "eurostat_asylum": load_eurostat_asylum,
    "iom_missing_migrants": load_iom,
    "unhcr_arrivals": load_unhcr_arrivals,
}

__all__ = [
    "AdapterResult", "LOADERS", "caption", "citation", "default_data_dir", "frontex_revisions",
    "load_eurostat_asylum", "load_frontex", "load_iom", "load_unhcr_arrivals", "merge_frontex",
    "public_csv_name", "require_public",
]
