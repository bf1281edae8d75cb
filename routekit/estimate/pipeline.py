"""``run_estimate``: releases + link -> estimates, agreement, trends, anomalies, outlook,
timeliness and ranked findings (CSV files documented in README.md). Besides the releases and
the link it reads only the published European series (Frontex, Eurostat) it compares with."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import routekit
from routekit.contracts.estimate import EstimateBundle, EstimateWriter
from routekit.contracts.notes import NOTE_COLUMN, Note, dumps, english, loads
from routekit.disclosure.rule import Threshold
from routekit.errors import ParamError
from routekit.estimate import agreement as agreement_
from routekit.estimate import public_series as public_
from routekit.estimate import timeliness as timeliness_
from routekit.estimate import trends as trends_
from routekit.estimate.grades import GRADE_LABELS, finding_grade
from routekit.estimate.inputs import read_link, read_release
from routekit.estimate.misclassification import estimate_strata_reallocated
from routekit.estimate.population import aggregate_period
from routekit.periods import parse_month

ALPHA = 0.05


def run_estimate(release_dirs: list[Path], link_dir: Path, out: Path, period_months: list[str] | None = None,
                 n_boot: int = 99, seed: int = 0, alpha: float = ALPHA, period_label: str | None = None,
                 public_dir: Path | None = None) -> dict:
    """Write every estimate output into ``out``; returns the manifest (also manifest.json).

    ``period_months``: the reporting period (list of YYYY-MM). Without it the last month of the
    link is the period. Its baseline is the period of the same length just before it.
    ``period_label``: how the period rows are labelled (``Period.label``, e.g. ``2025-Q2``, the
    report selects on it); default the month, or ``START/END`` for several months.
    ``public_dir``: the published series (``routekit.sources.public`` layout); default
    ``$ROUTEKIT_PUBLIC_DATA`` or the repository's ``data/public``. Missing files are noted in
    public_agreement.csv, not raised.
    """
    releases = [read_release(Path(d)) for d in release_dirs]
    link = read_link(Path(link_dir))
    kinds = {r.source: r.kind for r in releases}
    for entry in link.manifest.get("releases", []):
        kinds.setdefault(entry.get("source"), entry.get("kind"))
    months_all = sorted(link.contingency["month"].unique())
    if period_months is None:
        period_months = [months_all[-1]]
    unknown = sorted(set(period_months) - set(months_all))
    if unknown:
        raise ParamError("period", period_months, f"month(s) {unknown} are not in the link table")
    try:
        period_months = [parse_month(m) for m in period_months]
    except ValueError as error:
        raise ParamError("period", period_months, str(error)) from None
    if period_label is None:
        period_label = period_months[0] if len(period_months) == 1 else f"{period_months[0]}/{period_months[-1]}"
    baseline = [str(pd.Period(m, freq="M") - len(period_months)) for m in period_months]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    # the text sources' corridor errors (measured on labelled sets) enter the intervals: misclassification.py
    monthly, draws, structure = estimate_strata_reallocated(link, n_boot=n_boot, seed=seed, kinds=kinds)
    used_kinds = sorted({kinds.get(s, s) for s in structure["sources_used"]})
    period_rows = aggregate_period(monthly, draws, period_months, period_label, seed, used_kinds)
    estimates = pd.concat([monthly.assign(level="month"), period_rows.assign(level="period")], ignore_index=True)
    writer = EstimateWriter(out)
    writer.table("estimates", _publishable(estimates, link.threshold))
    writer.table("draws", _draws_frame(draws))

    counts = agreement_.category_counts(releases)
    share_table = agreement_.shares(counts, period_months, period_label)
    writer.table("agreement", _publishable(share_table, link.threshold))
    public_series = public_.load_public_series(public_dir)
    draws_frame = EstimateBundle(out).table("draws", dtype={"month": str})
    ours = {"estimate": public_.estimate_series(monthly, draws_frame, sorted(monthly["corridor"].unique())),
            public_.ASYLUM_SOURCE: public_.released_series(counts, public_.ASYLUM_SOURCE, "nationality")}
    public_table = public_.compare_public(public_series, ours, period_months, baseline)
    writer.table("public_agreement", _publishable(public_table, link.threshold, ["ours_count", "ours_baseline"]))
    writer.table("agreement_pairs", agreement_.pairwise(share_table, public_.public_levels(public_series, ours,
                                                                                          public_table)))
    graded = (agreement_.graded_changes(counts, period_months, baseline, public_.public_directions(public_table))
              if set(baseline) <= set(months_all) else pd.DataFrame(columns=agreement_.CHANGE_COLUMNS))
    writer.table("changes", graded)

    series = _series(monthly, counts)
    trends = trends_.changes(series, ["series", "source", "dimension", "category"], period_months)
    writer.table("trends", _publishable(trends, link.threshold))
    anomalies = trends_.anomalies(series, ["series", "source", "dimension", "category"], alpha)
    writer.table("anomalies", _publishable(anomalies, link.threshold))
    writer.table("outlook", trends_.outlook(series[series["series"] == "estimate"],
                                            ["series", "source", "dimension", "category"], alpha))
    lags = timeliness_.lag_table(releases)
    writer.table("timeliness", _publishable(lags, link.threshold))

    ranked = findings(out, period_months[0], period_months[-1], graded=graded if set(baseline) <= set(months_all) else None,
                      lags=lags)
    writer.table("findings", ranked)
    manifest = {
        "period": {"start": period_months[0], "end": period_months[-1], "label": period_label},
        "baseline": {"start": baseline[0], "end": baseline[-1]},
        "sources": link.sources, "sources_used": structure["sources_used"], "kinds": kinds,
        "nested_sources": structure["nested"], "structural_zeros": [list(p) for p in structure["structural_zeros"]],
        "threshold": link.threshold, "n_boot": n_boot, "seed": seed, "alpha": alpha,
        "public_series": {p.comparison: {"months": [p.months[0], p.months[-1]] if p.months else None,
                                         "years": [p.years[0], p.years[-1]] if p.years else None,
                                         "note": p.note_en} for p in public_series},
        "months": [months_all[0], months_all[-1]], "routekit_version": routekit.__version__,
        "misclassification": structure.get("misclassification"),
    }
    return writer.seal(manifest)


COUNT_COLUMNS = ("count", "observed", "observed_lower", "observed_upper", "baseline", "records")


def _publishable(frame: pd.DataFrame, threshold: int, columns: list[str] | None = None) -> pd.DataFrame:
    """Blank counts of persons in 1..K-1 before a table is written.

    Estimates are model outputs, but 'observed' (persons seen by any source) and counts summed
    from releases are counts: a sum of censored cells or a single small cell must not reach an
    output that may be shared, any more than it may reach a release.
    """
    frame = frame.copy()
    for column in [*COUNT_COLUMNS, *(columns or [])]:
        if column in frame.columns:
            values = pd.to_numeric(frame[column], errors="coerce")
            small = Threshold.of(threshold).small(values)
            if small.any():
                frame[column] = values.where(~small)
                if NOTE_COLUMN in frame.columns and column == "observed":
                    hidden = Note.of("small_seen_hidden", threshold=threshold)
                    notes = [[*loads(cell), hidden] for cell in frame.loc[small, NOTE_COLUMN]]
                    frame.loc[small, NOTE_COLUMN] = [dumps(n) for n in notes]
                    frame.loc[small, "note"] = [english(n) for n in notes]
    return frame


def _draws_frame(draws: dict) -> pd.DataFrame:
    """Bootstrap draws of each month's total (model output, no person counts), for period sums."""
    rows = [pd.DataFrame({"month": m, "corridor": c, "replicate": np.arange(len(d)), "value": np.round(d, 2)})
            for (m, c), d in draws.items() if d is not None]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["month", "corridor", "replicate", "value"])


def _series(monthly: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Monthly series to watch: MSE estimates per corridor, and each source's category counts."""
    estimate = monthly.rename(columns={"period": "month", "corridor": "category"})
    estimate = estimate.assign(series="estimate", source="all", dimension="corridor",
                               count=estimate["estimate"])[["series", "source", "dimension", "category", "month", "count"]]
    observed = counts.assign(series="count")[["series", "source", "dimension", "category", "month", "count"]]
    observed = observed[observed["dimension"].isin(["corridor", "entry_point", "nationality"])]
    return pd.concat([estimate, observed], ignore_index=True)


def findings(out_dir: Path, period_start: str, period_end: str, baseline_start: str | None = None,
             baseline_end: str | None = None, graded: pd.DataFrame | None = None,
             lags: pd.DataFrame | None = None) -> pd.DataFrame:
    """Ranked findings per corridor: the period's estimate against the baseline period.

    The change ratio's interval comes from the bootstrap draws (draws.csv). Ranked by the
    size of the change (|log ratio|) among confident findings first. ``text_en``/``text_nl``
    hold a plain-language sentence, ``reason_en``/``reason_nl`` why the grade (``reason`` =
    ``reason_en``). Reads estimates.csv, draws.csv, timeliness.csv in ``out_dir``; ``graded``
    (changes by kind of source, incl. published series; ``changes.csv``) grades the change
    (``grades.finding_grade``); without it only the estimate's own grade counts.
    """
    out_dir = Path(out_dir)
    months = [str(p) for p in pd.period_range(period_start, period_end, freq="M")]
    if baseline_start is None:
        baseline = [str(pd.Period(m, freq="M") - len(months)) for m in months]
    else:
        baseline = [str(p) for p in pd.period_range(baseline_start, baseline_end, freq="M")]
    bundle = EstimateBundle(out_dir)
    draws = bundle.table("draws", dtype={"month": str})
    monthly = bundle.table("estimates", dtype={"period": str})
    monthly = monthly[monthly["level"] == "month"]
    if lags is None and bundle.has_table("timeliness"):
        lags = bundle.table("timeliness", dtype={"month": str})
    stale_months = set(lags.loc[lags["stale"].astype(bool), "month"]) if lags is not None and len(lags) else set()
    rows = []
    for corridor, part in monthly.groupby("corridor"):
        current = _period_draws(draws, corridor, months)
        previous = _period_draws(draws, corridor, baseline)
        now = part[part["period"].isin(months)]
        if current is None or previous is None or len(now) < len(months):
            continue
        size = min(len(current), len(previous))
        ratio = current[:size] / np.maximum(previous[:size], 1e-9)
        lo, hi = np.quantile(ratio, [0.025, 0.975])
        estimate = float(now["estimate"].sum())
        est_lo, est_hi = np.quantile(current, [0.025, 0.975])
        significant = bool(lo > 1 or hi < 1)
        sign = (1 if lo > 1 else -1) if significant else 0
        level = "confirmed" if (now["grade"] == "confirmed").all() else "indicative"
        weak = sorted(now.loc[now["grade"] != "confirmed", "period"])
        directions = None
        if graded is not None:
            match = graded[(graded["dimension"] == "corridor") & (graded["category"] == corridor)]
            directions = _directions(match.iloc[0]) if len(match) else {}
        graded_finding = finding_grade(level, sign, directions, weak_months=weak)
        stale = sorted(set(months) & stale_months)
        rows.append({"period": f"{months[0]}/{months[-1]}", "baseline_period": f"{baseline[0]}/{baseline[-1]}",
                     "topic": "corridor", "category": corridor, "estimate": round(estimate, 1),
                     "lower": round(float(est_lo), 1), "upper": round(float(est_hi), 1),
                     "change_ratio": round(float(np.median(ratio)), 3), "change_lower": round(float(lo), 3),
                     "change_upper": round(float(hi), 3), "significant": significant, "grade": graded_finding.grade,
                     "reason": graded_finding.reason_en, "reason_en": graded_finding.reason_en,
                     "reason_nl": graded_finding.reason_nl, "stale": bool(stale)})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=["rank", "period", "baseline_period", "topic", "category", "estimate", "lower",
                                     "upper", "change_ratio", "change_lower", "change_upper", "significant",
                                     "grade", "reason", "reason_en", "reason_nl", "stale", "text_en", "text_nl"])
    confidence = frame["significant"].astype(int) * 2 + (frame["grade"] == "confirmed").astype(int)
    frame["_size"] = np.abs(np.log(frame["change_ratio"].clip(lower=1e-6)))
    frame["_confidence"] = confidence
    frame = frame.sort_values(["_confidence", "_size"], ascending=False).drop(columns=["_size", "_confidence"])
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    frame["text_en"] = [_text(r, "en") for r in frame.itertuples()]
    frame["text_nl"] = [_text(r, "nl") for r in frame.itertuples()]
    return frame.reset_index(drop=True)


def _directions(change) -> dict[str, int]:
    """The sign each kind of source shows, from a row of changes.csv (``graded_changes``)."""
    directions = {}
    for column, sign in (("up", 1), ("down", -1), ("unchanged", 0)):
        for kind in str(change.get(column, "") or "").split(","):
            if kind and kind != "nan":
                directions[kind] = sign
    return directions


# A finding's sentence per language: the template, rose/fell, significant or not, and the caveat
# of a finding that rests on interviews not yet complete.
_FINDING_WORDS = {
    "nl": ("{name}: geschat {estimate:.0f} reizen (95%-interval {lower:.0f}-{upper:.0f}); {direction} met "
           "{percent:.0f}% t.o.v. {baseline} (interval x{change_lower:.2f}-x{change_upper:.2f}, {sure}); "
           "oordeel: {grade}{why}.", ("steeg", "daalde"), ("significant", "niet significant"),
           " Let op: berust op nog onvolledige gehoren."),
    "en": ("{name}: an estimated {estimate:.0f} journeys (95% interval {lower:.0f}-{upper:.0f}); {direction} by "
           "{percent:.0f}% against {baseline} (interval x{change_lower:.2f}-x{change_upper:.2f}, {sure}); "
           "grade: {grade}{why}.", ("rose", "fell"), ("significant", "not significant"),
           " Note: rests on interviews not yet complete."),
}


def _text(row, language: str) -> str:
    """The finding as one sentence; a significant or contradicted finding says why its grade."""
    from routekit.reference import corridor_name

    template, (rose, fell), (significant, not_significant), stale = _FINDING_WORDS[language]
    pct = (row.change_ratio - 1) * 100
    reason = str(getattr(row, f"reason_{language}", "") or "")
    why = f" ({reason.split('; ')[0]})" if reason and (row.significant or row.grade == "contradicted") else ""
    text = template.format(
        name=corridor_name(row.category, language),  # an unknown corridor id is shown as it is
        estimate=row.estimate, lower=row.lower, upper=row.upper, direction=rose if pct > 0 else fell,
        percent=abs(pct), baseline=row.baseline_period, change_lower=row.change_lower,
        change_upper=row.change_upper, sure=significant if row.significant else not_significant,
        grade=GRADE_LABELS[language][row.grade], why=why)
    return text + (stale if row.stale else "")


def _period_draws(draws: pd.DataFrame, corridor: str, months: list[str]) -> np.ndarray | None:
    part = draws[(draws["corridor"] == corridor) & draws["month"].isin(months)]
    if part["month"].nunique() < len(months):
        return None
    wide = part.pivot_table(index="replicate", columns="month", values="value").dropna()
    return wide.sum(axis=1).to_numpy() if len(wide) else None
