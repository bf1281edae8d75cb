"""The headline a reader sees first: the national estimate, its change, the largest changes and
the corridors at a glance - on the landing page, on the PDF's first page after the title, and in
a two-page brief (``_build/pdf/brief.pdf``) for readers who will not open the report.

The national interval is not the sum of the corridors' bounds: the estimate stage adds the
corridors' bootstrap draws draw by draw (estimates.csv, corridor 'all'), and the change against
the baseline is the ratio of the same per-draw totals (draws.csv), so both say how sure the total
is. Only disclosure-checked figures (estimates of at least the threshold) are shown.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.contracts.notes import NOTE_COLUMN
from routekit.periods import Period
from routekit.report import i18n
from routekit.report.i18n import t

@dataclass
class Headline:
    period: Period
    baseline: Period
    threshold: int
    estimate: float | None = None
    lower: float | None = None
    upper: float | None = None
    seen: float | None = None
    reason: str = ""  # the period total's notes (note_codes JSON), worded in the reader's language
    change: float | None = None
    change_lower: float | None = None
    change_upper: float | None = None
    corridors: pd.DataFrame = field(default_factory=pd.DataFrame)
    findings: pd.DataFrame = field(default_factory=pd.DataFrame)
    available: bool = True  # False for a public-only report: there is no estimate to headline


def _read(estimates_dir: Path, name: str, **kwargs) -> pd.DataFrame:
    from routekit.contracts import EstimateBundle

    return EstimateBundle(Path(estimates_dir)).table(name, **kwargs)


def _period_keys(period: Period) -> set[str]:
    return {period.label, f"{period.start}/{period.end}"}


def total_draws(draws: pd.DataFrame, months: list[str], corridors: list[str]) -> np.ndarray | None:
    """Per bootstrap replicate: the journeys over ``corridors`` and ``months`` added up, or None
    when any corridor-month has no draws (not estimable, so the total is not either)."""
    part = draws[draws["month"].isin(months) & draws["corridor"].isin(corridors)]
    wide = part.pivot_table(index="replicate", columns=["month", "corridor"], values="value")
    if wide.shape[1] < len(months) * len(corridors):
        return None
    wide = wide.dropna()
    return wide.sum(axis=1).to_numpy() if len(wide) else None


def compute(estimates_dir: Path, period: Period, baseline: Period, threshold: int) -> Headline:
    """The headline figures from the estimate stage's outputs (nothing is re-estimated here)."""
    from routekit.disclosure.gate import suppress_small
    from routekit.reference import corridor_ids

    head = Headline(period=period, baseline=baseline, threshold=threshold)
    estimates = _read(estimates_dir, "estimates", dtype={"period": str})
    if estimates.empty:
        head.available = False
        return head
    rows = estimates[estimates["period"].isin(_period_keys(period)) & (estimates.get("level", "period") == "period")]
    total = rows[rows["corridor"] == "all"]
    if len(total):
        row = total.iloc[0]
        head.seen = float(row["observed"]) if pd.notna(row["observed"]) else None
        if pd.notna(row["estimate"]):
            head.estimate = float(row["estimate"])
            head.lower = float(row["lower"]) if pd.notna(row["lower"]) else None
            head.upper = float(row["upper"]) if pd.notna(row["upper"]) else None
        notes = row.get(NOTE_COLUMN)  # the estimate stage's notes as codes, worded by ``sentences``
        head.reason = str(notes) if pd.notna(notes) else ""
    # a bound is a count too: one in 1..K-1 is blanked (the interval is then not shown), never drawn or printed
    corridors = suppress_small(rows[rows["corridor"].isin(corridor_ids())],
                               [c for c in ("observed", "estimate", "lower", "upper") if c in rows.columns], threshold)
    findings = _read(estimates_dir, "findings")
    if not findings.empty:
        findings = findings.sort_values("rank") if "rank" in findings.columns else findings
        ratios = findings[findings["topic"] == "corridor"].set_index("category")["change_ratio"]
        corridors["change_ratio"] = corridors["corridor"].map(ratios)
    head.corridors = corridors.reset_index(drop=True)
    head.findings = findings
    draws = _read(estimates_dir, "draws", dtype={"month": str})
    monthly = estimates[estimates.get("level", "month") == "month"]
    names = sorted(monthly.loc[monthly["period"].isin(period.months), "corridor"].unique())
    if not draws.empty and names and head.estimate is not None:
        now = total_draws(draws, list(period.months), names)
        before = total_draws(draws, list(baseline.months), names)
        base = monthly[monthly["period"].isin(baseline.months) & monthly["corridor"].isin(names)]["estimate"]
        if now is not None and before is not None and base.notna().all() and base.sum() > 0:
            size = min(len(now), len(before))
            ratio = now[:size] / np.maximum(before[:size], 1e-9)
            head.change = head.estimate / float(base.sum())
            head.change_lower, head.change_upper = (float(q) for q in np.quantile(ratio, [0.025, 0.975]))
    if head.estimate is not None and head.estimate < threshold:  # never a count below the threshold
        head.estimate = head.lower = head.upper = None
    if head.lower is not None and head.lower < threshold:   # nor a bound: the total is then told without its interval
        head.lower = head.upper = None
    if head.seen is not None and head.seen < threshold:
        head.seen = None
    return head


def _percent(ratio: float, lang: str) -> str:
    pct = round((ratio - 1) * 100)
    return ("+" if pct > 0 else "−" if pct < 0 else "±") + i18n.format_number(abs(pct), lang) + "%"


def sentences(head: Headline, lang: str) -> dict[str, str]:
    """The headline's words: national, change and certainty sentences."""
    number = lambda v: i18n.format_number(round(v), lang)  # noqa: E731
    period = i18n.format_period(head.period.start, head.period.end, lang)
    baseline = i18n.format_period(head.baseline.start, head.baseline.end, lang)
    out = {}
    if head.estimate is not None and head.lower is not None:
        out["national"] = t("headline.national", lang, n=number(head.estimate), period=period,
                            lower=number(head.lower), upper=number(head.upper))
    elif head.estimate is not None:
        out["national"] = t("headline.national_no_interval", lang, n=number(head.estimate), period=period)
    else:
        from routekit.report.notes import note_in

        out["national"] = t("headline.national_seen", lang, n=number(head.seen) if head.seen else "—",
                            period=period, reason=note_in(head.reason, lang) or t("headline.not_estimable", lang))
    if head.change is not None and head.change_lower is not None:
        out["change"] = t("headline.change", lang, baseline=baseline, change=_percent(head.change, lang),
                          lower=_percent(head.change_lower, lang), upper=_percent(head.change_upper, lang))
    elif head.change is not None:
        out["change"] = t("headline.change_no_interval", lang, baseline=baseline, change=_percent(head.change, lang))
    else:
        out["change"] = t("headline.no_change", lang, baseline=baseline)
    grades = head.corridors["grade"] if "grade" in head.corridors.columns else pd.Series(dtype=str)
    confirmed, estimated = int((grades == "confirmed").sum()), int(len(grades))
    if head.estimate is not None and head.lower is not None and head.estimate > 0:
        width = round(50 * (head.upper - head.lower) / head.estimate)
        key = "headline.certain_narrow" if width <= 15 else "headline.certain_wide"
        out["certainty"] = t(key, lang, width=width, confirmed=confirmed, corridors=estimated)
    else:
        out["certainty"] = t("headline.certain_none", lang)
    return out


def largest_changes(head: Headline, lang: str, top: int = 5) -> list[str]:
    """The three to five ranked findings (findings.csv ranks by confidence, then size of change)."""
    from routekit.report.findings import finding_sentence

    if head.findings.empty:
        return []
    return [finding_sentence(row, lang) for row in head.findings.head(top).itertuples(index=False)]


def map_frame(head: Headline) -> pd.DataFrame:
    """Corridors for the arrow map: estimates below the threshold are dropped, never drawn."""
    frame = head.corridors
    if frame.empty or "estimate" not in frame.columns:
        return pd.DataFrame(columns=["corridor", "estimate"])
    keep = [c for c in ("corridor", "estimate", "lower", "upper", "change_ratio") if c in frame.columns]
    frame = frame[keep].dropna(subset=["estimate"])
    return frame[frame["estimate"] >= head.threshold].reset_index(drop=True)


def map_svg(head: Headline, lang: str, width: int = 560, height: int = 400) -> tuple[str, str]:
    """The static corridor map as SVG text (vl-convert, offline) and its alternative text."""
    import vl_convert as vlc

    from routekit.report import embed, maps

    chart, alt_text = maps.corridor_map_static(map_frame(head), lang, head.threshold, width=width, height=height)
    return vlc.vegalite_to_svg(embed.chart_spec(chart)), alt_text


def corridor_rows(head: Headline, lang: str) -> list[tuple[str, str, str, str]]:
    """(corridor, estimate with interval or 'seen', change, grade) per corridor, largest first."""
    from routekit.estimate.grades import GRADE_LABELS
    from routekit.reference import corridor_name

    frame = head.corridors
    if frame.empty:
        return []
    rows = []
    for row in frame.sort_values("estimate", ascending=False, na_position="last").itertuples(index=False):
        estimate = getattr(row, "estimate", float("nan"))
        if pd.notna(estimate) and estimate >= head.threshold:
            value = i18n.format_interval(estimate, getattr(row, "lower", None), getattr(row, "upper", None), lang)
        elif pd.notna(row.observed) and row.observed >= head.threshold:
            value = t("headline.not_estimable", lang) + "; " + t("headline.seen", lang,
                                                                 n=i18n.format_number(round(row.observed), lang))
        else:
            value = t("value.suppressed", lang)
        ratio = getattr(row, "change_ratio", float("nan"))
        rows.append((corridor_name(row.corridor, lang), value, _percent(ratio, lang) if pd.notna(ratio) else "–",
                     GRADE_LABELS[lang].get(row.grade, "") if isinstance(row.grade, str) else ""))
    return rows


def markdown(head: Headline, lang: str, map_file: str, alt_text: str) -> str:
    """The landing page's opening block (MyST): numbers first, then the map."""
    if not head.available:
        return ""
    words = sentences(head, lang)
    changes = largest_changes(head, lang)
    # no headings: in the PDF a section heading would start a page and enter the contents as a chapter
    lines = [":::{div} rk-headline", f"**{t('headline.title', lang)}**", "",
             f"**{words['national']}** {words['change']}", "", words["certainty"], ":::", "",
             f"**{t('headline.largest', lang)}**", ""]
    lines += [f"- {s}" for s in changes] or [t("headline.no_findings", lang)]
    lines += ["", f'<img class="rk-headline-map" src="{map_file}" alt="{html.escape(alt_text, quote=True)}">', ""]
    return "\n".join(lines)


def focus_note(focus: dict | None, lang: str) -> str:
    """The headline is national (all corridors, nationalities, entry points): with an ad-hoc
    focus it says so beside the figures, as each chapter does beside its own (MyST, escaped)."""
    from routekit.report.pages import escape_markdown

    sentence = focus_sentence(focus, lang)
    return f"*{escape_markdown(sentence)}*" if sentence else ""


def focus_sentence(focus: dict | None, lang: str) -> str:
    """The plain sentence of :func:`focus_note` ('' without a focus)."""
    from routekit.report.context import _FOCUS_WORDS

    parts = [(words, values) for key, words in _FOCUS_WORDS.items() for values in [(focus or {}).get(key) or []]
             if values]
    if not parts:
        return ""
    index = 0 if lang == "nl" else 1
    named = " en " if lang == "nl" else " and "
    named = named.join(f"{words[index]} ({', '.join(values)})" for words, values in parts)
    return (f"Niet toegespitst op {named}: de kerncijfers, de grootste veranderingen en de kaart hierboven "
            "gelden voor heel Nederland, alle corridors en alle nationaliteiten." if lang == "nl" else
            f"Not focused on {named}: the key figures, the largest changes and the map above cover the whole "
            "of the Netherlands, every corridor and every nationality.")


def landing(source_tree: Path, estimates_dir: Path, period: Period, baseline: Period, threshold: int,
            lang: str, focus: dict | None = None) -> tuple[Headline, str]:
    """The headline and the landing page's ``{{headline}}`` block (MyST, escaped), with the corridor
    map written beside the page; ``focus`` (the ad-hoc question's) is named there, as the headline
    does not follow it."""
    head = compute(estimates_dir, period, baseline, threshold)
    book = Path(source_tree) / "book"
    book.mkdir(parents=True, exist_ok=True)
    svg, alt_text = map_svg(head, lang) if head.available else ("", "")
    (book / "headline-corridors.svg").write_text(svg, encoding="utf-8")
    block = markdown(head, lang, "headline-corridors.svg", alt_text)
    return head, "\n\n".join(filter(None, [block, focus_note(focus, lang)]))


_BRIEF_CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
body { font-family: sans-serif; font-size: 10.5pt; color: #1a1a1a; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2pt 0; } .period { color: #444; margin: 0 0 10pt 0; }
.national { font-size: 13pt; font-weight: bold; margin: 6pt 0; } h2 { font-size: 12.5pt; margin: 10pt 0 4pt 0; }
ul { margin: 0; padding-left: 14pt; } li { margin-bottom: 3pt; }
.page1 { height: 250mm; display: flex; flex-direction: column; }
.map { flex: 1 1 0; min-height: 45mm; max-height: 110mm; } .map svg { width: 100%; height: 100%; }
.page2 { break-before: page; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border-bottom: 1px solid #ccc;
 padding: 3pt 4pt; text-align: left; overflow-wrap: anywhere; } td.num, th.num { text-align: right; }
.small { font-size: 8.5pt; color: #444; }
"""


def brief_html(head: Headline, lang: str, title: str, where: str, focus: dict | None = None) -> str:
    """Two A4 pages: numbers, largest changes and the map; then per corridor and how to read it
    (an ad-hoc ``focus``, which the national numbers do not follow, is named under them). Page one is
    a column of the page's height whose map takes the room the words leave, so long findings shrink
    the map instead of pushing it (and the corridor table) onto a third page."""
    words = sentences(head, lang)
    unfocused = focus_sentence(focus, lang)
    unfocused = f"<p class=\"small\"><em>{html.escape(unfocused)}</em></p>" if unfocused else ""
    svg, alt_text = map_svg(head, lang, width=620, height=420)
    changes = "".join(f"<li>{_strong(s)}</li>" for s in largest_changes(head, lang)) or \
        f"<li>{html.escape(t('headline.no_findings', lang))}</li>"
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td class='num'>{html.escape(b)}</td>"
                   f"<td class='num'>{html.escape(c)}</td><td>{html.escape(d)}</td></tr>"
                   for a, b, c, d in corridor_rows(head, lang))
    period = i18n.format_period(head.period.start, head.period.end, lang)
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(title)} - {html.escape(t('headline.brief_title', lang))}</title><style>{_BRIEF_CSS}</style></head><body>
<main><section class="page1"><h1>{html.escape(title)}</h1><p class="period">{html.escape(t('headline.brief_title', lang))} · {html.escape(period)}</p>
<p class="national">{html.escape(words['national'])}</p><p>{html.escape(words['change'])}</p>
<p>{html.escape(words['certainty'])}</p>{unfocused}
<h2>{html.escape(t('headline.largest', lang))}</h2><ul>{changes}</ul>
<div class="map" role="img" aria-label="{html.escape(alt_text, quote=True)}">{svg}</div></section>
<section class="page2"><h2>{html.escape(t('headline.per_corridor', lang))}</h2>
<table><thead><tr><th>corridor</th><th class="num">{html.escape(t('headline.col_estimate', lang))}</th>
<th class="num">{html.escape(t('headline.col_change', lang))}</th><th>{html.escape(t('headline.col_grade', lang))}</th></tr></thead>
<tbody>{rows}</tbody></table>
<p class="small">{html.escape(t('headline.method', lang, threshold=head.threshold))}</p>
<p class="small">{html.escape(t('headline.more', lang, where=where))}</p></section></main></body></html>"""


def _strong(markdown_sentence: str) -> str:
    """The findings' '**corridor**: ...' as HTML."""
    parts = html.escape(markdown_sentence).split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))


def print_brief(head: Headline, lang: str, title: str, out_pdf: Path, where: str,
                focus: dict | None = None) -> Path:
    """The brief printed to A4 by the same Chromium as the report (offline, no downloads).

    Playwright's sync API refuses a thread where an asyncio loop runs (Jupyter, papermill, an
    open sync Playwright), so the browser is driven from a thread of its own, as for the report.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as printer:
        return printer.submit(_print_brief, head, lang, title, out_pdf, where, focus).result()


def _print_brief(head: Headline, lang: str, title: str, out_pdf: Path, where: str,
                 focus: dict | None = None) -> Path:
    import tempfile

    from playwright.sync_api import sync_playwright

    from routekit.report.pdf import CHROMIUM_ARGS, chromium_executable

    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "brief.html"
        page_file.write_text(brief_html(head, lang, title, where, focus), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(page_file.as_uri(), wait_until="load")
                page.pdf(path=str(out_pdf), format="A4", print_background=True, prefer_css_page_size=True,
                         tagged=True)
            finally:
                browser.close()
    return out_pdf
