"""Public files name countries the way partners do: one normalisation (routekit.reference.names).

The public readers had a name table of their own (pycountry's names, compared by case only, then
pycountry's fuzzy search), which read UNHCR's or Frontex's 'Kosovo' as Serbia and 'Republic of
Korea' as North Korea, and did not know 'Turkey' or 'DR Congo'.
"""

from __future__ import annotations

import pandas as pd

from routekit.intake.countries import to_iso3
from routekit.sources.public.codes import country_name_to_iso3

NAMES = {"Kosovo": "XKX", "Republic of Korea": "KOR", "Turkey": "TUR", "Türkiye": "TUR", "DR Congo": "COD",
         "Côte d’Ivoire": "CIV", "Palestinian Territories": "PSE", "Greece": "GRC", "Syrian Arab Republic": "SYR"}


def test_public_names_are_read_like_partner_names():
    names = pd.Series(list(NAMES))
    assert country_name_to_iso3(names).tolist() == list(NAMES.values())
    assert [to_iso3(name, "name_en") for name in NAMES] == list(NAMES.values())


def test_an_unknown_or_empty_name_is_missing():
    mapped = country_name_to_iso3(pd.Series(["Atlantis Republic of Nowhere", "", None]))
    assert mapped.isna().all()
