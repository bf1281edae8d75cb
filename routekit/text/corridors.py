"""Route + modes -> corridor id, and the first EU/Schengen country of a route.

The rules are data (``routekit/reference/gazetteer/corridor_rules.yaml``, documented there): tried
in order, the first that holds wins, none gives ``other``. Corridor ids are those of
``routekit.reference.corridor_ids()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import yaml

from routekit.text.gazetteer import data_path

UNKNOWN_MODE = "unknown"
OTHER = "other"
# entry_hint values that are crossing types (KMar's crossing_type) rather than gazetteer tags.
_CROSSING_MODE = {"air": "plane", "plane": "plane", "sea": "boat"}


@dataclass(frozen=True)
class Rule:
    corridor: str
    conditions: dict


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, frozenset[str]], tuple[Rule, ...]]:
    from routekit.reference import corridor_ids, countries

    raw = yaml.safe_load(data_path("corridor_rules.yaml").read_text(encoding="utf-8"))
    table = countries()
    groups: dict[str, frozenset[str]] = {}
    for name, members in raw["groups"].items():
        codes: set[str] = set()
        for member in members:
            if str(member).startswith("region:"):
                region = str(member).split(":", 1)[1]
                codes.update(table.index[table["region"] == region])
            else:
                codes.add(str(member))
        groups[name] = frozenset(codes)
    known = set(corridor_ids())
    rules = []
    for item in raw["rules"]:
        if item["corridor"] not in known:
            raise ValueError(f"corridor_rules.yaml: unknown corridor id {item['corridor']!r}")
        rules.append(Rule(item["corridor"], {k: v for k, v in item.items() if k not in ("corridor", "note")}))
    return groups, tuple(rules)


def _members(value, groups: dict[str, frozenset[str]]) -> frozenset[str]:
    if isinstance(value, str):
        return groups[value]
    return frozenset(value)


def _leg_holds(spec: dict, route: list[str], modes: list[str], groups) -> bool:
    sources = _members(spec["from"], groups) if "from" in spec else None
    targets = _members(spec["to"], groups) if "to" in spec else None
    for i in range(1, len(route)):
        if sources is not None and route[i - 1] not in sources:
            continue
        if targets is not None and route[i] not in targets:
            continue
        if "mode" in spec and modes[i - 1] not in spec["mode"]:
            continue
        if "next_mode" in spec and (i >= len(modes) or modes[i] not in spec["next_mode"]):
            continue
        if "then" in spec and (i + 1 >= len(route) or route[i + 1] not in _members(spec["then"], groups)):
            continue
        return True
    return False


def _holds(conditions: dict, route: list[str], modes: list[str], hint: str, groups) -> bool:
    legs = len(route) - 1
    for key, value in conditions.items():
        if key == "hint" and hint not in value:
            return False
        if key == "leg" and not _leg_holds(value, route, modes, groups):
            return False
        if key == "visits" and not set(route) & _members(value, groups):
            return False
        if key == "all_modes" and (not modes or any(m not in value for m in modes)):
            return False
        if key == "any_mode" and not any(m in value for m in modes):
            return False
        if key == "legs" and legs != value:
            return False
        if key == "min_legs" and legs < value:
            return False
        if key == "ends_in" and (not route or route[-1] not in _members(value, groups)):
            return False
        if key == "last_from_outside" and (len(route) < 2 or route[-2] in _members(value, groups)):
            return False
    return True


def classify_corridor(route: Sequence[str] | str, modes: Sequence[str] | str = (), entry_hint: str | None = None) -> str:
    """The corridor id of a journey.

    ``route``: ISO3 codes in travel order (or "A>B>C"); ``modes``: one per leg (missing legs count
    as unknown); ``entry_hint``: a gazetteer tag such as ``canary_islands`` / ``melilla_ceuta`` /
    ``lampedusa``, or a crossing type ``air`` / ``sea`` / ``land`` for the last leg.
    """
    if isinstance(route, str):
        route = [part for part in route.split(">") if part]
    if isinstance(modes, str):
        modes = [part for part in modes.split(">") if part]
    route = [str(code).upper() for code in route]
    if len(route) < 2:
        return OTHER
    legs = [str(m) if m else UNKNOWN_MODE for m in list(modes)[: len(route) - 1]]
    legs += [UNKNOWN_MODE] * (len(route) - 1 - len(legs))
    hint = (entry_hint or "").strip().lower()
    if hint in _CROSSING_MODE and legs[-1] == UNKNOWN_MODE:
        legs[-1] = _CROSSING_MODE[hint]
    groups, rules = _rules()
    for rule in rules:
        if _holds(rule.conditions, route, legs, hint, groups):
            return rule.corridor
    return OTHER


def first_eu_country(route: Sequence[str] | str) -> str | None:
    """The first EU/Schengen country on the route (where Eurodac would expect a first registration)."""
    if isinstance(route, str):
        route = [part for part in route.split(">") if part]
    eu = _rules()[0]["eu_schengen"]
    for code in route:
        if str(code).upper() in eu:
            return str(code).upper()
    return None
