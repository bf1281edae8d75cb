"""Agreement between sources: shares per category, rank agreement, and graded changes.

Each source sees a different slice, so agreement is judged on what should match: the *ranking*
of categories (Spearman's rho) and the distance between distributions (Jensen-Shannon
divergence, 0 = identical, 1 = disjoint), and whether independent *kinds* of source see a
change in the same direction (graded by ``routekit.estimate.grades.change_grade``; published
European series join through ``routekit.estimate.public_series``).
Suppressed cells are left out of shares; the share of suppressed cells is reported.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon
from statsmodels.stats.proportion import proportion_confint

from routekit.estimate.grades import change_grade
from routekit.estimate.trends import dispersion, rate_change

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
    grouped["share_lower"], grouped["share_upper"] = proportion_confint(
        grouped["count"], totals, alpha=0.05, method="wilson")
    grouped.insert(0, "period", label)
    return grouped


def pair_statistics(a: pd.Series, b: pd.Series) -> dict:
    """Spearman's rho (with p) and Jensen-Shannon divergence of two counts over the same categories."""
    both = pd.concat([a.rename("a"), b.rename("b")], axis=1).dropna()
    both = both[(both["a"] > 0) | (both["b"] > 0)]
    constant = both["a"].nunique() < 2 or both["b"].nunique() < 2  # rho undefined
    rho, p_value = (stats.spearmanr(both["a"], both["b"]) if len(both) >= 3 and not constant
                    else (np.nan, np.nan))
    # a source with no published count in these categories has no distribution to compare
    jsd = (float(jensenshannon(both["a"], both["b"], base=2)) ** 2
           if len(both) and both["a"].sum() > 0 and both["b"].sum() > 0 else np.nan)
    return {"categories": int(len(both)), "spearman": float(rho), "spearman_p": float(p_value), "jensen_shannon": jsd}


PAIR_COLUMNS = ["period", "dimension", "source_a", "source_b", "categories", "spearman", "spearman_p",
                "jensen_shannon", "note"]


def pairwise(share_table: pd.DataFrame, public_levels: list[dict] | None = None) -> pd.DataFrame:
    """Per dimension and pair of sources: Spearman's rho and Jensen-Shannon divergence.

    ``public_levels`` (``public_series.public_levels``) adds our distribution against a
    published one (Frontex routes, Eurostat citizenships) with a note that it is published.
    """
    rows = []
    for (period, dimension), part in share_table.groupby(["period", "dimension"]):
        wide = part.pivot_table(index="category", columns="source", values="count", aggfunc="sum")
        for a, b in itertools.combinations(sorted(wide.columns), 2):
            rows.append({"period": period, "dimension": dimension, "source_a": a, "source_b": b,
                         **pair_statistics(wide[a], wide[b]), "note": ""})
    for level in public_levels or []:
        rows.append({"period": level["period"], "dimension": level["dimension"], "source_a": level["source_a"],
                     "source_b": level["source_b"], **pair_statistics(level["a"], level["b"]), "note": level["note"]})
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


CHANGE_COLUMNS = ["dimension", "category", "kinds", "up", "down", "unchanged", "grade", "reason_en", "reason_nl",
                  "changes"]


def graded_changes(counts: pd.DataFrame, months: list[str], baseline: list[str],
                   public: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per dimension and category: each source's change against ``baseline``, and the grade.

    A kind of source 'shows' a change when its rate test has p < 0.05 (quasi-Poisson when the
    source's own months vary more than Poisson, ``trends.dispersion``); kinds showing opposite
    directions contradict each other. ``public`` (``public_series.public_directions``): a
    published series that counts as a kind (Frontex for a corridor) adds its direction; one of
    the same registrations (Eurostat for IND's nationalities) is a check that contradicts when
    it moves against the release.
    """
    from routekit.estimate.grades import EU_BORDER, Check

    public = public if public is not None and len(public) else pd.DataFrame(
        columns=["dimension", "category", "public_source", "counts_as_kind", "public_direction", "ours_direction"])
    rows = []
    for (dimension, category), part in counts.groupby(["dimension", "category"]):
        directions, details = {}, []
        for (source, kind), series in part.groupby(["source", "kind"]):
            by_month = series.groupby("month")["count"].sum(min_count=1)
            current = by_month.reindex(months).sum(min_count=1)
            base = by_month.reindex(baseline).sum(min_count=1)
            if not (np.isfinite(current) and np.isfinite(base)):
                continue
            spread = dispersion(by_month[by_month.index < baseline[0]])
            test = rate_change(current, base, len(months), len(baseline), spread if np.isfinite(spread) else 1.0)
            sign = 0
            if test["p_value"] < SIGNIFICANCE:
                sign = 1 if test["ratio"] > 1 else -1
            directions[kind] = directions.get(kind, 0) or sign
            details.append(f"{source} x{test['ratio']:.2f} (p={test['p_value']:.3f})")
        if not directions:
            continue
        checks = []
        for row in public[(public["dimension"] == dimension) & (public["category"] == category)].itertuples():
            sign = int(row.public_direction)
            details.append(f"{row.public_source} (published) {'up' if sign > 0 else 'down' if sign < 0 else 'no change'}")
            if bool(row.counts_as_kind):
                directions[EU_BORDER] = sign
            else:
                checks.append(Check("Eurostat's published first-time applicants in NL",
                                    "de door Eurostat gepubliceerde eerste asielaanvragers in NL",
                                    sign, int(row.ours_direction)))
        graded = change_grade(directions, checks)
        rows.append({"dimension": dimension, "category": category, "kinds": len(directions),
                     "up": ",".join(sorted(k for k, d in directions.items() if d > 0)),
                     "down": ",".join(sorted(k for k, d in directions.items() if d < 0)),
                     "unchanged": ",".join(sorted(k for k, d in directions.items() if d == 0)),
                     "grade": graded.grade, "reason_en": graded.reason_en, "reason_nl": graded.reason_nl,
                     "changes": "; ".join(details)})
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)
