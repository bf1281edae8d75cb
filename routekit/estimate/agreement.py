"""Agreement between sources: shares per category, rank agreement, and graded changes.

Each source sees a different slice, so agreement is judged on what should match: the *ranking*
of categories (Spearman's rho) and the distance between distributions (Jensen-Shannon
divergence, 0 = identical, 1 = disjoint), and whether independent *kinds* of source see a
change in the same direction (graded by ``routekit.estimate.grades.change_grade``).
Suppressed cells are left out of shares; the share of suppressed cells is reported.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

from routekit.estimate.grades import change_grade
from routekit.estimate.trends import rate_change

# dimension -> (release table, category column); comparisons across sources happen per dimension
DIMENSIONS = {
    "corridor": ("totals", "corridor"),
    "entry_point": ("entry_point", "entry_point"),
    "nationality": ("nationality", "nationality"),
    "first_country": ("first_country", "first_eu_country"),
    "transit": ("legs", "leg"),
}
SIGNIFICANCE = 0.05


def category_counts(releases: list, months: list[str] | None = None) -> pd.DataFrame:
    """Long table: source, kind, dimension, category, month, count (NaN if suppressed)."""
    frames = []
    for release in releases:
        for dimension, (name, column) in DIMENSIONS.items():
            table = release.tables.get(name)
            if dimension == "transit":
                table = _transits(release)
            if table is None or table.empty:
                continue
            counts = table.groupby(["month", column], sort=True)["count"].sum(min_count=1).reset_index()
            counts = counts.rename(columns={column: "category"})
            frames.append(counts.assign(source=release.source, kind=release.kind, dimension=dimension))
    if not frames:
        return pd.DataFrame(columns=["source", "kind", "dimension", "category", "month", "count"])
    frame = pd.concat(frames, ignore_index=True)
    if months is not None:
        frame = frame[frame["month"].isin(months)]
    return frame[["source", "kind", "dimension", "category", "month", "count"]]


def _transits(release) -> pd.DataFrame | None:
    """Narrated legs and mobility flows on one footing: 'FROM>TO' per month."""
    if "legs" in release.tables:
        legs = release.tables["legs"]
        return legs.assign(leg=legs["from_country"] + ">" + legs["to_country"])
    if "flows" in release.tables:
        flows = release.tables["flows"]
        return flows.assign(leg=flows["origin_country"] + ">" + flows["destination_country"])
    return None


def shares(counts: pd.DataFrame, months: list[str], label: str) -> pd.DataFrame:
    """Each source's share per category over ``months`` with a 95% (Wilson) interval."""
    part = counts[counts["month"].isin(months)]
    grouped = part.groupby(["dimension", "source", "kind", "category"]).agg(
        count=("count", lambda c: c.sum(min_count=1)), suppressed=("count", lambda c: int(c.isna().sum()))).reset_index()
    totals = grouped.groupby(["dimension", "source"])["count"].transform("sum")
    grouped["share"] = grouped["count"] / totals
    z = 1.959964
    n, p = totals, grouped["share"]
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    grouped["share_lower"], grouped["share_upper"] = centre - half, centre + half
    grouped.insert(0, "period", label)
    return grouped


def pairwise(share_table: pd.DataFrame) -> pd.DataFrame:
    """Per dimension and pair of sources: Spearman's rho and Jensen-Shannon divergence."""
    rows = []
    for (period, dimension), part in share_table.groupby(["period", "dimension"]):
        wide = part.pivot_table(index="category", columns="source", values="count", aggfunc="sum")
        for a, b in itertools.combinations(sorted(wide.columns), 2):
            both = wide[[a, b]].dropna()
            both = both[(both[a] > 0) | (both[b] > 0)]
            constant = both[a].nunique() < 2 or both[b].nunique() < 2  # rho undefined
            rho, p_value = (stats.spearmanr(both[a], both[b]) if len(both) >= 3 and not constant
                            else (np.nan, np.nan))
            # a source with no published count in these categories has no distribution to compare
            jsd = (float(jensenshannon(both[a], both[b], base=2)) ** 2
                   if len(both) and both[a].sum() > 0 and both[b].sum() > 0 else np.nan)
            rows.append({"period": period, "dimension": dimension, "source_a": a, "source_b": b,
                         "categories": int(len(both)), "spearman": float(rho), "spearman_p": float(p_value),
                         "jensen_shannon": jsd})
    return pd.DataFrame(rows, columns=["period", "dimension", "source_a", "source_b", "categories",
                                       "spearman", "spearman_p", "jensen_shannon"])


def graded_changes(counts: pd.DataFrame, months: list[str], baseline: list[str]) -> pd.DataFrame:
    """Per dimension and category: each source's change against ``baseline``, and the grade.

    A kind of source 'shows' a change when its exact rate test has p < 0.05; kinds showing
    opposite directions contradict each other.
    """
    rows = []
    for (dimension, category), part in counts.groupby(["dimension", "category"]):
        directions, details = {}, []
        for (source, kind), series in part.groupby(["source", "kind"]):
            by_month = series.set_index("month")["count"]
            current = by_month.reindex(months).sum(min_count=1)
            base = by_month.reindex(baseline).sum(min_count=1)
            if not (np.isfinite(current) and np.isfinite(base)):
                continue
            test = rate_change(current, base, len(months), len(baseline))
            sign = 0
            if test["p_value"] < SIGNIFICANCE:
                sign = 1 if test["ratio"] > 1 else -1
            directions[kind] = directions.get(kind, 0) or sign
            details.append(f"{source} x{test['ratio']:.2f} (p={test['p_value']:.3f})")
        if not directions:
            continue
        grade, reason = change_grade(directions)
        rows.append({"dimension": dimension, "category": category, "kinds": len(directions),
                     "grade": grade, "reason": reason, "changes": "; ".join(details)})
    return pd.DataFrame(rows, columns=["dimension", "category", "kinds", "grade", "reason", "changes"])
