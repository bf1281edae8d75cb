"""National counts against the published European series: do they move the same way?

Compared where both exist (README.md, "Published series"):
- ``frontex_corridor``: the MSE estimate per corridor (its bootstrap draws) against Frontex
  detections on the corridor's routes (``frontex_routes`` in reference/corridors.yaml).
- ``eurostat_nationality``: IND's released applications per nationality (published cells
  summed over corridors) against Eurostat's first-time asylum applicants in the Netherlands by
  citizenship (monthly ``migr_asyappctzm``; the annual ``migr_asyappctza`` only for whole
  calendar years).
``all`` sums, on both sides, the categories both know and we can judge in that window.

Only the *direction* of a change (period against its baseline) is compared, never levels:
Frontex counts detections on the whole EU route (one person can be detected twice, most do not
travel on to NL); Eurostat counts first-time applicants, the release every application. The
public series is tested against its own month-to-month variability (``trends.dispersion``).
``scope=period`` rows feed the grades; when the public files do not cover the period they say
so, and ``scope=latest_covered`` rows show the latest window both cover, for context only.
Public figures are published, not suppressed, and are never added to partner counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.errors import InputError
from routekit.estimate import trends as trends_
from routekit.estimate.grades import EU_BORDER

ASYLUM_SOURCE = "ind"  # the partner whose applications Eurostat publishes for NL
SIGNIFICANCE = 0.05
UNCOVERED = ("no published count for the period and its baseline (not released or suppressed)",
             "geen gepubliceerd aantal voor de periode en de vergelijkingsperiode (niet vrijgegeven of onderdrukt)")
COLUMNS = ["scope", "comparison", "dimension", "category", "ours", "public_source", "period", "baseline_period",
           "ours_count", "ours_baseline", "ours_ratio", "ours_lower", "ours_upper", "ours_direction",
           "public_count", "public_baseline", "public_ratio", "public_lower", "public_upper", "public_dispersion",
           "public_direction", "agreement", "counts_as_kind", "public_start", "public_end", "note_en", "note_nl"]


@dataclass
class PublicSeries:
    """One published series per category: monthly counts in its coverage (a missing cell is 0),
    and for Eurostat the annual counts; ``note_en``/``note_nl`` say what is missing."""

    comparison: str
    public_source: str
    dimension: str
    ours: str
    kind: str | None  # the independent kind it counts as for a direction, or None (a check)
    label_en: str
    label_nl: str
    monthly: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["category", "month", "count"]))
    annual: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["category", "year", "count"]))
    note_en: str = ""
    note_nl: str = ""

    @property
    def months(self) -> list[str]:
        return sorted(self.monthly["month"].unique()) if len(self.monthly) else []

    @property
    def years(self) -> list[str]:
        return sorted(self.annual["year"].unique()) if len(self.annual) else []


def _grid(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """category x period with every combination inside the coverage (publishers leave out zeros)."""
    if frame.empty:
        return frame
    wide = frame.pivot_table(index=column, columns="category", values="count", aggfunc="sum").fillna(0.0)
    if column == "month":
        wide = wide.reindex([str(p) for p in pd.period_range(wide.index.min(), wide.index.max(), freq="M")], fill_value=0.0)
    return wide.reset_index().melt(id_vars=column, var_name="category", value_name="count")


def _read(series: PublicSeries, reader, data_dir: Path | None, publisher: str) -> pd.DataFrame | None:
    """The publisher's file as read by ``reader``; None, with the series' note saying why, when it
    cannot be read (the comparison is then left out, the estimate is not)."""
    try:
        return reader(data_dir).data
    except InputError as error:
        series.note_en = f"no {publisher} data: {error}"
        series.note_nl = f"geen {publisher}-gegevens: {error}"
        return None


def load_frontex_series(data_dir: Path | None) -> PublicSeries:
    """Frontex detections per corridor and month (routes mapped by corridors.yaml)."""
    from routekit.sources.public import load_frontex

    series = PublicSeries("frontex_corridor", "frontex", "corridor", "estimate", EU_BORDER,
                          "Frontex detections", "Frontex-detecties")
    data = _read(series, load_frontex, data_dir, "Frontex")
    if data is None:
        return series
    data = data[data["corridor"] != "other"]
    monthly = data.groupby(["period", "corridor"], as_index=False)["detections"].sum()
    series.monthly = _grid(monthly.rename(columns={"period": "month", "corridor": "category", "detections": "count"}), "month")
    return series


def _sexes_summed(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One count per key: Eurostat's 'total' where given, else male + female + unknown."""
    total = frame[frame["sex"] == "total"].groupby(keys, as_index=False)["applicants"].sum()
    parts = frame[frame["sex"] != "total"].groupby(keys, as_index=False)["applicants"].sum()
    parts = parts.merge(total[keys], on=keys, how="left", indicator=True)
    parts = parts[parts["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([total, parts], ignore_index=True)


def load_eurostat_series(data_dir: Path | None) -> PublicSeries:
    """Eurostat first-time applicants in NL per citizenship: monthly where the file is there, annual."""
    from routekit.sources.public import load_eurostat_asylum

    series = PublicSeries("eurostat_nationality", "eurostat_asylum", "nationality", ASYLUM_SOURCE, None,
                          "Eurostat first-time asylum applicants in NL", "Eurostat eerste asielaanvragers in NL")
    data = _read(series, load_eurostat_asylum, data_dir, "Eurostat")
    if data is None:
        return series
    dutch = data[data["geo"] == "NLD"]
    for freq, column in (("M", "month"), ("A", "year")):
        part = _sexes_summed(dutch[dutch["freq"] == freq], ["period", "nationality"])
        grid = _grid(part.rename(columns={"period": column, "nationality": "category", "applicants": "count"}), column)
        if freq == "M":
            series.monthly = grid
        else:
            series.annual = grid
    if not len(series.monthly):
        series.note_en = ("Eurostat's monthly series (migr_asyappctzm) is not in the public data folder; "
                          "the annual figures compare whole calendar years only")
        series.note_nl = ("De maandreeks van Eurostat (migr_asyappctzm) staat niet in de map met publieke gegevens; "
                          "de jaarcijfers vergelijken alleen hele kalenderjaren")
    return series


def load_public_series(data_dir: Path | None) -> list[PublicSeries]:
    """Both published series the estimate is compared with (``data_dir`` None: the default folder)."""
    return [load_frontex_series(data_dir), load_eurostat_series(data_dir)]


# --- our side -----------------------------------------------------------------------------------
@dataclass
class OurSeries:
    """Our counts per category and month (``counts``; estimate point values or released counts)
    and, for the estimate, the bootstrap draws by month, corridor and replicate."""

    name: str
    counts: pd.DataFrame  # category, month, count
    draws: pd.DataFrame | None = None  # month, corridor, replicate, value

    @property
    def months(self) -> list[str]:
        return sorted(self.counts.dropna(subset=["count"])["month"].unique())


def estimate_series(monthly: pd.DataFrame, draws: pd.DataFrame, corridors: list[str]) -> OurSeries:
    """The MSE estimate per corridor (month rows of estimates) with its draws; ``all`` = ``corridors``."""
    counts = monthly.rename(columns={"period": "month", "corridor": "category", "estimate": "count"})
    counts = counts[["category", "month", "count"]].dropna(subset=["count"])
    return OurSeries("estimate", counts, draws[draws["corridor"].isin(corridors)])


def released_series(counts: pd.DataFrame, source: str, dimension: str) -> OurSeries:
    """A source's released counts per category and month (``agreement.category_counts``)."""
    part = counts[(counts["source"] == source) & (counts["dimension"] == dimension)]
    return OurSeries(source, part[["category", "month", "count"]].reset_index(drop=True))


def _our_change(ours: OurSeries, category: str, months: list[str], baseline: list[str],
                members: list[str]) -> dict | None:
    """Our change for ``category`` (``members``: the corridors summed for 'all'); None if not covered."""
    if ours.draws is not None:
        part = ours.draws[ours.draws["corridor"].isin(members) & ours.draws["month"].isin(months + baseline)]
        wide = part.pivot_table(index="replicate", columns=["month", "corridor"], values="value")
        needed = [(m, c) for m in months + baseline for c in members]
        if not members or any(k not in wide.columns for k in needed):
            return None
        wide = wide[needed].dropna()
        if wide.empty:
            return None
        now = wide[[(m, c) for m in months for c in members]].sum(axis=1).to_numpy()
        before = wide[[(m, c) for m in baseline for c in members]].sum(axis=1).to_numpy()
        ratio = now / np.maximum(before, 1e-9) * len(baseline) / len(months)
        lo, hi = np.quantile(ratio, [0.025, 0.975])
        point = ours.counts[ours.counts["category"].isin(members)]
        return {"count": float(point[point["month"].isin(months)]["count"].sum()),
                "baseline": float(point[point["month"].isin(baseline)]["count"].sum()),
                "ratio": float(np.median(ratio)), "lower": float(lo), "upper": float(hi),
                "direction": 1 if lo > 1 else -1 if hi < 1 else 0}
    by_month = ours.counts[ours.counts["category"].isin(members)].groupby("month")["count"].sum(min_count=1)
    if not set(months + baseline) <= set(ours.months):
        return None
    current = by_month.reindex(months).sum(min_count=1)
    base = by_month.reindex(baseline).sum(min_count=1)
    if not (np.isfinite(current) and np.isfinite(base)):
        return None  # every cell suppressed in the period or the baseline
    history = by_month[by_month.index < baseline[0]]
    test = trends_.rate_change(current, base, len(months), len(baseline), _dispersion(history))
    return {"count": current, "baseline": base, "ratio": test["ratio"], "lower": test["ratio_lower"],
            "upper": test["ratio_upper"], "direction": _sign(test)}


def _dispersion(history: pd.Series) -> float:
    value = trends_.dispersion(history)
    return value if np.isfinite(value) else 1.0


def _sign(test: dict) -> int:
    if not np.isfinite(test["p_value"]) or test["p_value"] >= SIGNIFICANCE:
        return 0
    return 1 if test["ratio"] > 1 else -1


def _public_change(public: PublicSeries, members: list[str], months: list[str], baseline: list[str],
                   annual: bool) -> dict | None:
    """The published series' change, summed over ``members``; months as years (YYYY) when ``annual``."""
    frame, column = (public.annual, "year") if annual else (public.monthly, "month")
    covered = set(frame[column]) if len(frame) else set()
    if not set(months + baseline) <= covered:
        return None
    by_period = frame[frame["category"].isin(members)].groupby(column)["count"].sum()
    by_period = by_period.reindex(sorted(covered), fill_value=0.0)
    current, base = by_period.reindex(months).sum(), by_period.reindex(baseline).sum()
    dispersion = 1.0 if annual else _dispersion(by_period[by_period.index < baseline[0]])
    test = trends_.rate_change(current, base, len(months), len(baseline), dispersion)
    return {"count": current, "baseline": base, "ratio": test["ratio"], "lower": test["ratio_lower"],
            "upper": test["ratio_upper"], "dispersion": dispersion, "direction": _sign(test)}


def _agreement(ours: int, public: int) -> str:
    if ours and public:
        return "same" if ours == public else "opposite"
    return "only_ours" if ours else "only_public" if public else "neither"


def _years(months: list[str]) -> list[str] | None:
    """The calendar years ``months`` make up exactly, or None."""
    years = sorted({m[:4] for m in months})
    whole = [str(p) for y in years for p in pd.period_range(f"{y}-01", f"{y}-12", freq="M")]
    return years if sorted(months) == whole else None


def _label(months: list[str]) -> str:
    return months[0] if len(months) == 1 else f"{months[0]}/{months[-1]}"


def _window_rows(scope: str, public: PublicSeries, ours: OurSeries, categories: dict[str, list[str]],
                 months: list[str], baseline: list[str], annual: bool, note: tuple[str, str]) -> list[dict]:
    rows = []
    public_months = public.years if annual else public.months
    span = (public_months[0], public_months[-1]) if public_months else ("", "")
    public_window, public_baseline = (_years(months), _years(baseline)) if annual else (months, baseline)
    changes = {}
    for category, members in categories.items():
        if category == "all":  # the same categories on both sides: those we can judge on our side
            members = [c for c in members if changes.get(c, (None,))[0] is not None]
            if len(members) < 2:
                continue
        mine = _our_change(ours, category, months, baseline, members)
        theirs = _public_change(public, members, public_window, public_baseline, annual) if public_window else None
        changes[category] = (mine, theirs)
    for category, (mine, theirs) in changes.items():
        if mine is None and theirs is None:
            continue
        row = {"scope": scope, "comparison": public.comparison, "dimension": public.dimension, "category": category,
               "ours": ours.name, "public_source": public.public_source, "period": _label(months),
               "baseline_period": _label(baseline), "counts_as_kind": public.kind is not None,
               "public_start": span[0], "public_end": span[1], "note_en": note[0], "note_nl": note[1]}
        for prefix, change in (("ours", mine), ("public", theirs)):
            if change is None:
                continue
            row.update({f"{prefix}_count": change["count"], f"{prefix}_baseline": change["baseline"],
                        f"{prefix}_ratio": change["ratio"], f"{prefix}_lower": change["lower"],
                        f"{prefix}_upper": change["upper"], f"{prefix}_direction": change["direction"]})
        if theirs is not None:
            row["public_dispersion"] = theirs["dispersion"]
        if mine is None or theirs is None:
            row["agreement"] = "not_covered"
            if mine is None:
                row["note_en"] = "; ".join(filter(None, [note[0], f"{ours.name}: {UNCOVERED[0]}"]))
                row["note_nl"] = "; ".join(filter(None, [note[1], f"{ours.name}: {UNCOVERED[1]}"]))
        else:
            row["agreement"] = _agreement(mine["direction"], theirs["direction"])
        rows.append(row)
    return rows


def _coverage_note(public: PublicSeries, months: list[str], baseline: list[str]) -> tuple[str, str] | None:
    """Why the public series cannot judge this period (None: it can)."""
    if not public.months and not public.years:
        return public.note_en, public.note_nl
    if set(months + baseline) <= set(public.months):
        return None
    if _years(months) and _years(baseline) and set(_years(months) + _years(baseline)) <= set(public.years):
        return None
    name_en, name_nl = public.label_en, public.label_nl
    if public.months:
        first, last = public.months[0], public.months[-1]
        return ((f"{name_en} run {first} to {last}: the period {_label(months)} and its baseline "
                 f"{_label(baseline)} are not fully covered"),
                (f"{name_nl} lopen van {first} tot {last}: de periode {_label(months)} en de "
                 f"vergelijkingsperiode {_label(baseline)} vallen er niet geheel binnen"))
    first, last = public.years[0], public.years[-1]
    return ((f"{public.note_en} ({first} to {last}); {_label(months)} against {_label(baseline)} "
             "is not a comparison of whole years"),
            (f"{public.note_nl} ({first} tot {last}); {_label(months)} tegenover {_label(baseline)} "
             "is geen vergelijking van hele jaren"))


def _latest_window(public: PublicSeries, ours: OurSeries, length: int) -> tuple[list[str], list[str], bool] | None:
    """The latest window of ``length`` months (with the window before it) both series cover;
    calendar years when the public series is annual only."""
    covered = sorted(set(public.months) & set(ours.months))
    if covered:
        last = pd.Period(covered[-1], freq="M")
        while True:
            window = [str(p) for p in pd.period_range(end=last, periods=length, freq="M")]
            before = [str(pd.Period(m, freq="M") - length) for m in window]
            if before[0] < covered[0]:
                break
            if set(window + before) <= set(covered):
                return window, before, False
            last -= 1
    ours_years = [y for y in {m[:4] for m in ours.months} if _years([m for m in ours.months if m[:4] == y])]
    years = sorted(set(ours_years) & set(public.years))
    for year in reversed(years):
        if str(int(year) - 1) in years:
            whole = [str(p) for p in pd.period_range(f"{year}-01", f"{year}-12", freq="M")]
            return whole, [str(pd.Period(m, freq="M") - 12) for m in whole], True
    return None


def compare_public(public_series: list[PublicSeries], ours: dict[str, OurSeries], months: list[str],
                   baseline: list[str]) -> pd.DataFrame:
    """Direction of change, ours against each published series: the period (feeds the grades)
    and, when the public files do not cover it, the latest window both cover (context)."""
    rows = []
    for public in public_series:
        mine = ours.get(public.ours)
        categories = _categories(public, mine)
        if not public.months and not public.years:
            rows.append(_empty_row(public, months, baseline, public.note_en, public.note_nl))
            continue
        if mine is None or not categories:
            rows.append(_empty_row(public, months, baseline, f"no {public.ours} series to compare with",
                                   f"geen reeks van {public.ours} om mee te vergelijken"))
            continue
        note = _coverage_note(public, months, baseline)
        if note is None:
            annual = not set(months + baseline) <= set(public.months)
            rows += _window_rows("period", public, mine, categories, months, baseline, annual, ("", ""))
            continue
        rows.append(_empty_row(public, months, baseline, *note))
        latest = _latest_window(public, mine, len(months))
        if latest is not None:
            window, before, annual = latest
            context = ("the latest window both cover; context only, it does not grade the period's findings",
                       "de laatste periode die beide dekken; alleen ter vergelijking, telt niet mee in het oordeel")
            rows += _window_rows("latest_covered", public, mine, categories, window, before, annual, context)
    return pd.DataFrame(rows, columns=COLUMNS)


def _categories(public: PublicSeries, ours: OurSeries | None) -> dict[str, list[str]]:
    """Category -> the corridors it sums (for the estimate's 'all'); categories both sides know."""
    if ours is None:
        return {}
    theirs = set(public.monthly["category"]) | set(public.annual["category"])
    mine = set(ours.counts.dropna(subset=["count"])["category"])
    shared = sorted(theirs & mine)
    if not shared:
        return {}
    return {**{c: [c] for c in shared}, "all": shared}


def _empty_row(public: PublicSeries, months: list[str], baseline: list[str], note_en: str, note_nl: str) -> dict:
    span = public.months or public.years
    return {"scope": "period", "comparison": public.comparison, "dimension": public.dimension, "category": "all",
            "ours": public.ours, "public_source": public.public_source, "period": _label(months),
            "baseline_period": _label(baseline), "agreement": "not_covered", "counts_as_kind": public.kind is not None,
            "public_start": span[0] if span else "", "public_end": span[-1] if span else "",
            "note_en": note_en, "note_nl": note_nl}


def public_directions(table: pd.DataFrame) -> pd.DataFrame:
    """The period rows that can grade: dimension, category, public_source, counts_as_kind,
    public_direction and ours_direction (both judged)."""
    if table.empty:
        return table
    usable = table[(table["scope"] == "period") & (table["agreement"] != "not_covered") & (table["category"] != "all")]
    return usable[["dimension", "category", "public_source", "counts_as_kind", "public_direction", "ours_direction"]]


def public_levels(public_series: list[PublicSeries], ours: dict[str, OurSeries], table: pd.DataFrame) -> list[dict]:
    """Per comparison: our distribution over categories against the published one in the window
    the direction comparison used (the period, or the latest covered window), for agreement_pairs."""
    rows = []
    for public in public_series:
        mine = ours.get(public.ours)
        used = table[(table["comparison"] == public.comparison) & (table["agreement"] != "not_covered")]
        if mine is None or used.empty:
            continue
        window = used.iloc[0]
        first, _, last = str(window["period"]).partition("/")
        months = [str(p) for p in pd.period_range(first, last or first, freq="M")]
        annual = not set(months) <= set(public.months)
        frame, column = (public.annual, "year") if annual else (public.monthly, "month")
        periods = _years(months) if annual else months
        theirs = frame[frame[column].isin(periods or [])].groupby("category")["count"].sum()
        counts = mine.counts[mine.counts["month"].isin(months)]
        ours_sum = counts.groupby("category")["count"].sum(min_count=1)
        rows.append({"period": window["period"], "dimension": public.dimension, "source_a": public.ours,
                     "source_b": public.public_source, "a": ours_sum, "b": theirs,
                     "note": f"published by {public.public_source}; distributions compared, not levels"})
    return rows
