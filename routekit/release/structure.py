"""From validated extract rows to one structured record per person and month.

Each source has a small ``structure_*`` function that says where the month, corridor, route,
transport mode and first EU country come from. Every published label is checked against
reference vocabularies here (ISO3 countries in the gazetteer, entry point ids, the mode list),
so nothing typed by a person - a name, a phone number, a place - can reach a table: anything
else becomes ``unknown``.

A person with several records in one month counts once, with the first record (by date, then
record id): tables count persons per month, not events, so k-anonymity holds for persons.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

from routekit.reference import corridor_ids, countries

UNKNOWN = "unknown"
DESTINATION = "NLD"

# Eurodac: the first EU country of registration decides the corridor (fingerprint sources have
# no route). Registrations in an inland EU country cannot be placed on a corridor: "other".
# Spain covers both the Western Mediterranean and the Atlantic (Canaries) route; without the
# region of registration it is counted as western_med.
FIRST_REGISTRATION_CORRIDOR = {
    "ITA": "central_med", "MLT": "central_med",
    "GRC": "eastern_med", "CYP": "eastern_med",
    "ESP": "western_med",
    "BGR": "western_balkans", "HRV": "western_balkans", "HUN": "western_balkans",
    "SVN": "western_balkans", "ROU": "western_balkans", "AUT": "western_balkans",
    "POL": "eastern_land", "LTU": "eastern_land", "LVA": "eastern_land", "EST": "eastern_land",
    "FIN": "eastern_land",
}

RECORD_COLUMNS = ["person", "month", "corridor", "nationality", "route", "mode", "smuggler",
                  "entry_point", "first_country", "has_text", "route_status", "lag_days", "sort_key"]


def known_country(codes: pd.Series) -> pd.Series:
    """ISO3 codes present in the gazetteer, anything else ``unknown``."""
    valid = set(countries().index)
    return codes.where(codes.isin(valid), UNKNOWN)


def known_mode(modes: pd.Series) -> pd.Series:
    """Modes from the documented vocabulary (routekit.text); anything else ``other``."""
    from routekit.text.vocabulary import mode_vocabulary

    modes = modes.fillna("").astype(str).str.strip().str.lower()
    return modes.where(modes.isin(mode_vocabulary()), np.where(modes == "", UNKNOWN, "other"))


def _route_tuple(route: object) -> tuple[str, ...]:
    if not isinstance(route, str) or not route.strip():
        return ()
    return tuple(part.strip() for part in route.split(">") if part.strip())


def known_route(route: tuple[str, ...], legs: tuple[str, ...], valid: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The route without countries the reference table does not know, each dropped WITH the leg that reached it (the
    first country with the leg that left it), so every remaining mode still belongs to the country it reaches."""
    if all(code in valid for code in route):
        return route, legs
    kept_route, kept_legs = [], []
    for position, code in enumerate(route):
        if code not in valid:
            continue
        if kept_route and position - 1 < len(legs):
            kept_legs.append(legs[position - 1])   # the leg into this country (it left the dropped one, if any)
        kept_route.append(code)
    return tuple(kept_route), tuple(kept_legs)


def _last(joined: object) -> str:
    parts = _route_tuple(joined)
    return parts[-1] if parts else ""


def _text_columns(rows: pd.DataFrame, id_column: str, text_column: str) -> pd.DataFrame:
    """Run text extraction; returns route (tuple), modes (str), smuggler, route_asked, has_text."""
    from routekit.text import extract_frame

    from routekit.text.review import apply_corrections

    # a record an analyst reviewed ('routekit review import') keeps the reviewed route, not the extraction
    extracted = apply_corrections(extract_frame(rows[[id_column, text_column]], id_column, text_column), rows)
    extracted = extracted.set_index("id").reindex(rows[id_column].to_numpy())
    valid = set(countries().index)
    kept = [known_route(_route_tuple(route), _route_tuple(modes), valid)
            for route, modes in zip(extracted["route"].to_numpy(), extracted["modes"].fillna("").astype(str))]
    routes = [route for route, _ in kept]
    out = pd.DataFrame(index=rows.index)
    out["route"] = routes
    out["modes"] = [">".join(legs) for _, legs in kept]
    smuggler = extracted["smuggler"].fillna(UNKNOWN).astype(str).to_numpy()
    out["smuggler"] = np.where(np.isin(smuggler, ["yes", "no"]), smuggler, UNKNOWN)
    out["route_asked"] = extracted["route_asked"].fillna(False).astype(bool).to_numpy()
    out["has_text"] = rows[text_column].fillna("").astype(str).str.strip().ne("").to_numpy()
    found = np.array([len(r) >= 2 for r in routes])
    out["route_status"] = np.where(found, "found", np.where(out["route_asked"], "unusable", "not_asked"))
    return out


def _corridors(routes: pd.Series, modes: pd.Series, hints: pd.Series | None = None) -> pd.Series:
    """classify_corridor per record, computed once per distinct (route, modes, hint)."""
    from routekit.text import classify_corridor

    allowed = set(corridor_ids())
    hints = hints if hints is not None else pd.Series([None] * len(routes), index=routes.index)
    cache: dict = {}
    result = []
    for route, joined_modes, hint in zip(routes, modes, hints):
        key = (route, joined_modes, hint)
        if key not in cache:
            corridor = classify_corridor(list(route), list(_route_tuple(joined_modes)), entry_hint=hint)
            cache[key] = corridor if corridor in allowed else "other"
        result.append(cache[key])
    return pd.Series(result, index=routes.index)


def _first_eu(routes: pd.Series) -> pd.Series:
    from routekit.text import first_eu_country

    cache: dict = {}
    result = []
    for route in routes:
        if route not in cache:
            cache[route] = (first_eu_country(list(route)) or UNKNOWN) if route else UNKNOWN
        result.append(cache[route])
    return known_country(pd.Series(result, index=routes.index))


def structure_kmar(rows: pd.DataFrame) -> pd.DataFrame:
    """Border apprehensions: structured last leg and crossing point, route from the statement.

    The told route is completed with the observed facts: ``last_country`` -> NLD, travelled by
    ``transport``; ``crossing_type`` is the entry hint for the corridor.
    """
    text = _text_columns(rows, "record_id", "route_statement")
    last = known_country(rows["last_country"])
    transport = known_mode(rows["transport"])
    routes, modes = [], []
    for route, told_modes, last_country, mode in zip(text["route"], text["modes"], last, transport):
        route = [code for code in route if code != DESTINATION]
        legs = list(_route_tuple(told_modes))[: max(len(route) - 1, 0)]
        if last_country != UNKNOWN and (not route or route[-1] != last_country):
            route.append(last_country)
        legs += [UNKNOWN] * (max(len(route) - 1, 0) - len(legs))
        route.append(DESTINATION)
        legs.append(mode if mode not in ("other",) else UNKNOWN)
        routes.append(tuple(route) if len(route) >= 2 else ())
        modes.append(">".join(legs))
    routes = pd.Series(routes, index=rows.index)
    return pd.DataFrame({
        "person": rows["v_number"],
        "month": rows["date"].str[:7],
        "corridor": _corridors(routes, pd.Series(modes, index=rows.index), rows["crossing_type"]),
        "nationality": known_country(rows["nationality"]),
        "route": routes,
        "mode": transport,
        "smuggler": text["smuggler"],
        "entry_point": rows["crossing_point"],
        "first_country": _first_eu(routes),
        "has_text": text["has_text"],
        "route_status": text["route_status"],
        "lag_days": np.nan,
        "sort_key": rows["date"] + rows["record_id"],
    })


def _structure_narrative(rows: pd.DataFrame, date_column: str, text_column: str) -> pd.DataFrame:
    text = _text_columns(rows, "record_id", text_column)
    return pd.DataFrame({
        "person": rows["v_number"],
        "month": rows[date_column].str[:7],
        "corridor": _corridors(text["route"], text["modes"]),
        "nationality": known_country(rows["nationality"]),
        "route": text["route"],
        "mode": known_mode(text["modes"].map(_last)),
        "smuggler": text["smuggler"],
        "entry_point": None,
        "first_country": _first_eu(text["route"]),
        "has_text": text["has_text"],
        "route_status": text["route_status"],
        "lag_days": np.nan,
        "sort_key": rows[date_column] + rows["record_id"],
    })


def structure_ind(rows: pd.DataFrame) -> pd.DataFrame:
    """Asylum interviews: month of application (close to entry), lag until the interview."""
    records = _structure_narrative(rows, "application_date", "narrative")
    lag = (pd.to_datetime(rows["interview_date"]) - pd.to_datetime(rows["application_date"])).dt.days
    records["lag_days"] = lag.where(lag >= 0).astype(float)
    return records


def structure_police(rows: pd.DataFrame) -> pd.DataFrame:
    """Police reports inland: month of the report, route from the report text."""
    return _structure_narrative(rows, "date", "report_text")


def structure_eurodac(rows: pd.DataFrame) -> pd.DataFrame:
    """Fingerprint hits: no route; corridor and first EU country from the first registration."""
    first = known_country(rows["first_registration_country"])
    return pd.DataFrame({
        "person": rows["v_number"],
        "month": rows["hit_date"].str[:7],
        "corridor": first.map(FIRST_REGISTRATION_CORRIDOR).fillna("other"),
        "nationality": known_country(rows["nationality"]),
        "route": [()] * len(rows),
        "mode": None,
        "smuggler": None,
        "entry_point": None,
        "first_country": first,
        "has_text": False,
        "route_status": None,
        "lag_days": np.nan,
        "sort_key": rows["hit_date"] + rows["record_id"],
    })


STRUCTURERS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "kmar": structure_kmar,
    "ind": structure_ind,
    "police": structure_police,
    "eurodac": structure_eurodac,
}
# Which tables make sense for which source (mobility is handled apart: it is already aggregated).
SOURCE_TABLES = {
    "kmar": ("totals", "legs", "nationality", "entry_point", "mode", "smuggler", "first_country", "quality"),
    "ind": ("totals", "legs", "nationality", "mode", "smuggler", "first_country", "quality"),
    "police": ("totals", "legs", "nationality", "mode", "smuggler", "first_country", "quality"),
    "eurodac": ("totals", "nationality", "first_country"),
}


def structure_records(source_name: str, rows: pd.DataFrame) -> pd.DataFrame:
    """One record per person and month, with published labels only (plus the person id)."""
    if source_name not in STRUCTURERS:
        raise KeyError(source_name)
    records = STRUCTURERS[source_name](rows).reset_index(drop=True)
    records = records.sort_values(["person", "month", "sort_key"], kind="stable")
    records = records.drop_duplicates(["person", "month"], keep="first")
    return records.drop(columns="sort_key").sort_values(["month", "person"], kind="stable").reset_index(drop=True)
