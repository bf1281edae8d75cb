"""Chapter 6, sources and the unseen: estimated totals, agreement, published series, mobility."""

from __future__ import annotations

import pandas as pd

from routekit.contracts.notes import NOTE_COLUMN
from routekit.disclosure.gate import not_counts, suppress_small
from routekit.reference import corridor_ids, country_name
from routekit.report.chapters.common import _corridor_label, _series_name, grade_label, period_estimates
from routekit.report.context import ReportContext
from routekit.report.notes import note_in


def unseen_table(ctx: ReportContext) -> pd.DataFrame:
    """Per corridor in the period: persons seen by any source, the estimated total, its interval,
    the grade and the reason written out."""
    rows = period_estimates(ctx, ctx.period)
    if rows.empty:
        return pd.DataFrame()
    numbers = [ctx.t("gezien (elke bron)", "seen (any source)"), ctx.t("geschat totaal", "estimated total"),
               ctx.t("ondergrens", "lower"), ctx.t("bovengrens", "upper")]
    return suppress_small(pd.DataFrame({
        "corridor": rows["corridor"].map(lambda c: _corridor_label(ctx, c)),
        ctx.t("gezien (elke bron)", "seen (any source)"): rows["observed"].round(0),
        ctx.t("geschat totaal", "estimated total"): rows["estimate"].round(0),
        ctx.t("ondergrens", "lower"): rows["lower"].round(0),
        ctx.t("bovengrens", "upper"): rows["upper"].round(0),
        ctx.t("beoordeling", "grade"): rows["grade"].map(lambda g: grade_label(ctx, g)),
        ctx.t("toelichting", "note"): rows[NOTE_COLUMN].map(lambda n: note_in(n, ctx.language)),
    }), numbers, ctx.threshold)


def show_source_agreement(ctx: ReportContext) -> None:
    """Each source's count per corridor against the triangulated estimate and its interval."""
    from routekit.report import charts, embed

    counts = ctx.in_period(ctx.counts_by_source()).groupby(["corridor", "source"], as_index=False)["count"].sum()
    counts = counts[counts["corridor"].isin(corridor_ids())]
    estimates = period_estimates(ctx, ctx.period)
    frame = counts
    if not estimates.empty:
        tri = estimates[["corridor", "estimate", "lower", "upper"]].dropna(subset=["estimate"]).copy()
        tri["source"] = charts.TRIANGULATED
        frame = pd.concat([counts, tri], ignore_index=True)
    frame = suppress_small(frame, [c for c in ("count", "estimate", "lower", "upper") if c in frame.columns],
                           ctx.threshold)
    chart, alt_text = charts.source_agreement(frame, ctx.language, threshold=ctx.threshold)
    embed.show_chart(chart, alt_text)
    ctx.show_focus_note()  # beside the figure: a focus its data cannot honour


def agreement_table(ctx: ReportContext) -> pd.DataFrame:
    """How far the sources agree on the distribution over corridors, first EU country and transits."""
    pairs = ctx.estimates_table("agreement_pairs")
    if pairs.empty:
        return pd.DataFrame()
    names = {s: _series_name(ctx, s) for s in set(pairs["source_a"]) | set(pairs["source_b"])}
    dimension = {"corridor": ctx.t("corridor", "corridor"), "entry_point": ctx.t("binnenkomstpunt", "entry point"),
                 "nationality": ctx.t("nationaliteit", "nationality"),
                 "first_country": ctx.t("eerste EU-land", "first EU country"),
                 "transit": ctx.t("transit (etappes)", "transit (legs)")}
    return pd.DataFrame({
        ctx.t("onderwerp", "dimension"): pairs["dimension"].map(lambda d: dimension.get(d, d)),
        ctx.t("bron A", "source A"): pairs["source_a"].map(names.get),
        ctx.t("bron B", "source B"): pairs["source_b"].map(names.get),
        ctx.t("categorieën", "categories"): pairs["categories"],
        ctx.t("rangcorrelatie (Spearman)", "rank correlation (Spearman)"): pairs["spearman"].round(2),
        ctx.t("verschil (Jensen-Shannon, 0-1)", "divergence (Jensen-Shannon, 0-1)"): pairs["jensen_shannon"].round(2),
    }).pipe(not_counts, ctx.t("categorieën", "categories"), ctx.t("rangcorrelatie (Spearman)", "rank correlation (Spearman)"),
            ctx.t("verschil (Jensen-Shannon, 0-1)", "divergence (Jensen-Shannon, 0-1)"))


_AGREEMENT_WORDS = {
    "same": ("zelfde richting", "same direction"), "opposite": ("tegengesteld", "opposite"),
    "only_ours": ("alleen onze reeks verandert", "only ours changes"),
    "only_public": ("alleen de gepubliceerde reeks verandert", "only the published series changes"),
    "neither": ("geen van beide verandert", "neither changes"),
    "not_covered": ("niet te vergelijken", "not comparable"),
}


def public_agreement_groups(ctx: ReportContext) -> list[dict]:
    """The comparison with published European series (public_agreement.csv), one group per
    scope and series: a caption sentence and a narrow table (subject, our change, published
    change, agreement, and a note only where a row has more to say than its group).

    Ratios only, never counts. A group with nothing comparable is a ``note`` without a table.
    """
    from routekit.report.i18n import format_number, format_period_label
    from routekit.sources.public import citation

    table = ctx.estimates_table("public_agreement")
    if table.empty:
        return []
    note_column = f"note_{ctx.language}"

    def change(ratio, lower, upper) -> str:
        if pd.isna(ratio):
            return ""
        if not (pd.notna(lower) and pd.notna(upper)) or upper == float("inf"):
            return f"×{format_number(ratio, ctx.language, 2)}"
        return (f"×{format_number(ratio, ctx.language, 2)} ({format_number(lower, ctx.language, 2)}–"
                f"{format_number(upper, ctx.language, 2)})")

    def subject(row) -> str:
        if row.category == "all":
            return ctx.t("alle", "all")
        return _corridor_label(ctx, row.category) if row.dimension == "corridor" else country_name(row.category, ctx.language)

    groups = []
    keys = ["scope", "comparison", "ours", "public_source", "period", "baseline_period"]
    order = {"period": 0, "latest_covered": 1}
    for key, rows in sorted(table.groupby(keys, sort=False), key=lambda item: (order.get(item[0][0], 2), item[0][1])):
        scope, comparison, ours, public, period, baseline = key
        notes = rows[note_column].fillna("").astype(str) if note_column in rows.columns else pd.Series("", rows.index)
        common = notes.mode().iloc[0] if len(notes) else ""
        heading = ctx.t("Verslagperiode", "Reporting period") if scope == "period" else ctx.t(
            "Laatste periode die beide reeksen dekken (ter vergelijking; telt niet mee in het oordeel)",
            "Latest period both series cover (context; it does not grade the findings)")
        sentence = ctx.t("{heading}: {ours} tegenover {public}, {period} ten opzichte van {baseline}.",
                         "{heading}: {ours} against {public}, {period} against {baseline}.").format(
            heading=heading, ours=_series_name(ctx, ours), public=_series_name(ctx, public),
            period=format_period_label(period, ctx.language), baseline=format_period_label(baseline, ctx.language))
        cited = public in ("frontex", "eurostat_asylum")  # the published series the estimate stage compares
        cite = (" " + ctx.t("Bron: ", "Source: ") + citation(public, ctx.language)) if cited else ""
        group = {"name": f"published-{scope}-{comparison}".replace("_", "-"), "caption": sentence + cite}
        if (rows["agreement"] == "not_covered").all():
            group["note"] = sentence + " " + (common[:1].upper() + common[1:] if common else "") + (
                "" if common.endswith(".") else ".")
            groups.append(group)
            continue
        rows = rows.assign(_subject=[subject(r) for r in rows.itertuples()], _note=notes.to_numpy())
        rows = rows.sort_values("_subject", key=lambda c: c.map(lambda v: "" if v == ctx.t("alle", "all") else v))
        extra = [note[len(common):].lstrip("; ") if note.startswith(common) else note for note in rows["_note"]]
        frame = pd.DataFrame({
            ctx.t("onderwerp", "subject"): rows["_subject"].to_numpy(),
            ctx.t("onze verandering (95%)", "our change (95%)"): [
                change(*v) for v in zip(rows["ours_ratio"], rows["ours_lower"], rows["ours_upper"])],
            ctx.t("gepubliceerde verandering (95%)", "published change (95%)"): [
                change(*v) for v in zip(rows["public_ratio"], rows["public_lower"], rows["public_upper"])],
            ctx.t("overeenstemming", "agreement"): [ctx.t(*_AGREEMENT_WORDS[a]) if a in _AGREEMENT_WORDS else a
                                                   for a in rows["agreement"]],
        })
        if any(extra):
            frame[ctx.t("toelichting", "note")] = extra
        frame.attrs["number_columns"] = list(frame.columns[1:3])
        group["table"] = frame.reset_index(drop=True)
        groups.append(group)
    return groups


def show_public_agreement(ctx: ReportContext) -> None:
    """Display each comparison with a published series: a sentence, and a table when comparable."""
    from IPython.display import Markdown, display

    groups = public_agreement_groups(ctx)
    if not groups:
        ctx.say("Er zijn geen gepubliceerde reeksen om mee te vergelijken.", "There are no published series to compare with.")
    for group in groups:
        if "table" in group:
            ctx.show_table(group["table"], group["name"], group["caption"])
        else:
            display(Markdown(group["note"]))


def mobility_flows_table(ctx: ReportContext, top: int = 15) -> pd.DataFrame:
    """The operator's published flows between countries of home location in the period.

    A mobility indicator cannot tell irregular migrants from other travellers; it is shown as a
    trend signal beside the narrated transits, not as a count of migrants.
    """
    if "mobility" not in ctx.sources:
        return pd.DataFrame()
    flows = ctx.in_period(ctx.release_table("mobility", "flows"))
    if flows.empty:
        return pd.DataFrame()
    grouped = (flows.groupby(["origin_country", "destination_country"], as_index=False)["count"].sum()
               .sort_values("count", ascending=False).head(top))
    return pd.DataFrame({
        ctx.t("van", "from"): grouped["origin_country"].map(lambda c: country_name(c, ctx.language)),
        ctx.t("naar", "to"): grouped["destination_country"].map(lambda c: country_name(c, ctx.language)),
        "count": grouped["count"].astype(int).values,
    })
