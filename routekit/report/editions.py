"""Editions of the periodic report, and how later records revised the last one.

A periodic publication keeps what it published: every build of the periodic parameter set
(``params/default.yaml`` without overrides) keeps its site and PDF in
``_build/editions/<period>/``, with the period's estimates as that edition showed them
(``estimates.csv``: estimate, interval and persons seen, none below the threshold) and ``edition.json``.
Ad-hoc builds never keep an edition and get no editions page.

The editions page (``book/editions.md``, placeholder ``{{editions}}``) links to the earlier
editions and shows the revisions table: what the previous edition estimated for its own period
against what this edition estimates for that same period, per corridor. This edition's figure
for the earlier period is the estimate stage's own period sum (``aggregate_period`` over its
monthly rows and bootstrap draws), so both columns are made the same way. The reason given is
the one a reader can check: how many more persons the sources have seen for that period since
(late interviews, late registrations). A difference smaller than the threshold is never shown as
a number: two published counts that differ by a few would point at a few persons.
"""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.periods import Period
from routekit.report import i18n
from routekit.report.i18n import t

EDITIONS_DIR = "editions"
PAGE = "editions.md"
#: links from the live site (``_build/html/book/editions.html``) to a kept edition; an edition's
#: own copy sits one folder deeper (``_build/editions/<period>/html/book/``) and is rewritten
LIVE_PREFIX = "../../editions/"
KEPT_PREFIX = "../../../"
PERIODIC_PLAN = "default"
ROW_COLUMNS = ["corridor", "observed", "estimate", "lower", "upper", "grade"]
KEPT_COLUMNS = ["corridor", "seen", "estimate", "lower", "upper", "grade"]


@dataclass
class KeptEdition:
    """One edition on disk: its period, when it was made, and its period's estimates."""

    period: Period
    folder: Path
    generated: str
    estimates: pd.DataFrame

    @property
    def label(self) -> str:
        return self.period.label


@dataclass
class EditionPlan:
    """What this build does with editions: whether it keeps one, and the earlier ones."""

    periodic: bool
    build_root: Path
    period: Period
    generated: str
    estimates_dir: Path | None
    threshold: int
    earlier: list[KeptEdition] = field(default_factory=list)
    revisions: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def folder(self) -> Path:
        return editions_root(self.build_root) / folder_name(self.period)


def editions_root(build_root: Path) -> Path:
    return Path(build_root) / EDITIONS_DIR


def folder_name(period: Period) -> str:
    """'2025-Q2'; an explicit range '2025-04/2025-06' becomes '2025-04_2025-06'."""
    return (period.label or f"{period.start}/{period.end}").replace("/", "_")


def _period_dict(period: Period) -> dict:
    return {"start": period.start, "end": period.end, "kind": period.kind, "label": period.label}


def read_editions(build_root: Path) -> list[KeptEdition]:
    """The kept editions, oldest first (a folder without a readable edition.json is skipped)."""
    found = []
    for meta in sorted(editions_root(build_root).glob("*/edition.json")):
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            period = Period(**info["period"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        table = meta.parent / "estimates.csv"
        frame = (pd.read_csv(table, keep_default_na=False, na_values=[""]) if table.is_file()
                 else pd.DataFrame(columns=KEPT_COLUMNS))
        found.append(KeptEdition(period, meta.parent, str(info.get("generated", "")), frame))
    return sorted(found, key=lambda e: (e.period.start, e.period.end))


def _read_estimates(estimates_dir: Path | None) -> pd.DataFrame:
    path = Path(estimates_dir) / "estimates.csv" if estimates_dir else None
    if path is None or not path.is_file():
        return pd.DataFrame()
    return pd.read_csv(path, dtype={"period": str}, keep_default_na=False, na_values=[""])


def period_rows(estimates_dir: Path | None, period: Period) -> pd.DataFrame:
    """This build's estimates for its own period, per corridor and 'all' (as the report shows them)."""
    frame = _read_estimates(estimates_dir)
    if frame.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    keys = {period.label, f"{period.start}/{period.end}"}
    rows = frame[frame["period"].isin(keys) & (frame.get("level", "period") == "period")]
    return rows[[c for c in ROW_COLUMNS if c in rows.columns]].reset_index(drop=True)


def seen_for(estimates_dir: Path | None, period: Period) -> pd.Series:
    """Persons seen by any source per corridor (and 'all') in ``period``, added up from the
    published monthly rows. Both editions are counted this way, so equal data give equal
    numbers (the estimate stage's own period sum also holds months too small to publish)."""
    frame = _read_estimates(estimates_dir)
    if frame.empty or "observed" not in frame.columns:
        return pd.Series(dtype=float)
    monthly = frame[(frame.get("level", "month") == "month") & frame["period"].isin(period.months)]
    per_corridor = pd.to_numeric(monthly["observed"], errors="coerce").groupby(monthly["corridor"]).sum()
    return pd.concat([per_corridor, pd.Series({"all": per_corridor.sum()})])


def estimates_for(estimates_dir: Path | None, period: Period) -> pd.DataFrame:
    """This build's estimates for an earlier ``period``: the estimate stage's period sum over
    its monthly rows and bootstrap draws (the same sum the earlier edition made for it)."""
    from routekit.estimate.population import aggregate_period

    frame = _read_estimates(estimates_dir)
    if frame.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    monthly = frame[frame.get("level", "month") == "month"]
    monthly = monthly[monthly["period"].isin(period.months)].copy()
    if monthly.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    draws_path = Path(estimates_dir) / "draws.csv"
    draws: dict = {}
    if draws_path.is_file():
        table = pd.read_csv(draws_path, dtype={"month": str})
        table = table[table["month"].isin(period.months)].sort_values("replicate")
        draws = {(m, c): part["value"].to_numpy() for (m, c), part in table.groupby(["month", "corridor"])}
    for column in ("observed", "observed_lower"):
        if column not in monthly.columns:
            monthly[column] = np.nan
    summed = aggregate_period(monthly, draws, period.months, period.label)
    summed["seen"] = summed["corridor"].map(seen_for(estimates_dir, period))
    return summed[[c for c in KEPT_COLUMNS if c in summed.columns]].reset_index(drop=True)


def _published(frame: pd.DataFrame, threshold: int) -> dict:
    """One row's figures as an edition may show them: an estimate below the threshold is not
    shown (nor its bounds), and neither is a count of persons seen ('seen') below it."""
    def value(column):
        return float(frame[column].iloc[0]) if len(frame) and column in frame and pd.notna(frame[column].iloc[0]) \
            and np.isfinite(float(frame[column].iloc[0])) else None

    estimate, seen = value("estimate"), value("seen")
    seen = seen if seen is not None and (seen == 0 or seen >= threshold) else None  # 1..K-1 never
    if estimate is None or estimate < threshold:
        return {"estimate": None, "lower": None, "upper": None, "seen": seen}
    return {"estimate": estimate, "lower": value("lower"), "upper": value("upper"), "seen": seen}


def published_rows(frame: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """The rows an edition keeps, blanked as it showed them (see ``_published``)."""
    rows = [{"corridor": c, **_published(frame[frame["corridor"] == c].head(1), threshold),
             "grade": frame.loc[frame["corridor"] == c, "grade"].iloc[0] if "grade" in frame else ""}
            for c in frame.get("corridor", pd.Series(dtype=str)).drop_duplicates()]
    return pd.DataFrame(rows, columns=KEPT_COLUMNS)


def revisions(before: pd.DataFrame, now: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Per corridor ('all' first): the earlier edition's estimate, this edition's for the same
    period, the revision, and the persons seen then and now. Only figures of at least the
    threshold are carried; the change in persons seen is kept exact only when it is at least
    the threshold (else its sign and 'fewer than K')."""
    from routekit.reference import corridor_ids

    order = ["all", *corridor_ids()]
    names = [c for c in order if c in set(before.get("corridor", [])) | set(now.get("corridor", []))]
    rows = []
    for corridor in names:
        old = before[before["corridor"] == corridor].head(1)
        new = now[now["corridor"] == corridor].head(1)

        row = {"corridor": corridor}
        for prefix, frame in (("before", old), ("now", new)):
            row.update({f"{prefix}_{k}": v for k, v in _published(frame, threshold).items()})
        if row["before_estimate"] is not None and row["now_estimate"] is not None:
            row["revision"] = row["now_estimate"] - row["before_estimate"]
            row["revision_ratio"] = row["now_estimate"] / row["before_estimate"]
        else:
            row["revision"] = row["revision_ratio"] = None
        if row["before_seen"] is not None and row["now_seen"] is not None:
            seen = round(row["now_seen"] - row["before_seen"])
            row["seen_change"] = seen if abs(seen) >= threshold or seen == 0 else None
            row["seen_direction"] = int(np.sign(seen))
        else:
            row["seen_change"], row["seen_direction"] = None, None
        rows.append(row)
    return pd.DataFrame(rows)


def reason(row, threshold: int, lang: str) -> str:
    """Why the figure moved, in the words a reader can check: more (or fewer) persons seen."""
    direction = row.get("seen_direction")
    if direction is None or pd.isna(direction):
        return t("editions.reason_unknown", lang)
    exact = row.get("seen_change")
    if direction == 0:
        revised = row.get("revision")
        moved = revised is not None and not pd.isna(revised) and round(revised) != 0
        return t("editions.reason_same" if moved else "editions.reason_none", lang)
    key = "editions.reason_more" if direction > 0 else "editions.reason_fewer"
    if exact is None or pd.isna(exact):
        return t(key + "_few", lang, k=threshold)
    return t(key, lang, n=i18n.format_number(abs(exact), lang))


def _value(estimate, lower, upper, lang: str) -> str:
    if estimate is None or pd.isna(estimate):
        return t("editions.not_estimable", lang)
    return i18n.format_interval(round(estimate), None if lower is None or pd.isna(lower) else round(lower),
                                None if upper is None or pd.isna(upper) else round(upper), lang)


def _revision(row, lang: str) -> str:
    change, ratio = row.get("revision"), row.get("revision_ratio")
    if change is None or pd.isna(change):
        return "–"
    number = round(change)
    sign = "+" if number > 0 else "−" if number < 0 else "±"
    percent = round((ratio - 1) * 100)
    return f"{sign}{i18n.format_number(abs(number), lang)} ({'+' if percent > 0 else '−' if percent < 0 else '±'}" \
           f"{i18n.format_number(abs(percent), lang)}%)"


def revisions_display(table: pd.DataFrame, previous: Period, threshold: int, lang: str) -> pd.DataFrame:
    """The revisions table in words, one row per corridor, national total first."""
    from routekit.reference import corridor_name

    label = i18n.format_period(previous.start, previous.end, lang)
    columns = [t("editions.col_corridor", lang), t("editions.col_before", lang, period=label),
               t("editions.col_now", lang), t("editions.col_revision", lang), t("editions.col_reason", lang)]
    rows = []
    for row in table.to_dict("records"):
        name = t("editions.all_corridors", lang) if row["corridor"] == "all" else corridor_name(row["corridor"], lang)
        rows.append([name, _value(row["before_estimate"], row["before_lower"], row["before_upper"], lang),
                     _value(row["now_estimate"], row["now_lower"], row["now_upper"], lang),
                     _revision(row, lang), reason(row, threshold, lang)])
    return pd.DataFrame(rows, columns=columns)


def plan_editions(plan_name: str, build_root: Path, period: Period, generated: str,
                  estimates_dir: Path | None, threshold: int) -> EditionPlan:
    """Read the kept editions and, for the periodic report, compute the revisions of the last
    edition before this period."""
    editions = EditionPlan(periodic=plan_name == PERIODIC_PLAN, build_root=Path(build_root), period=period,
                           generated=generated, estimates_dir=estimates_dir, threshold=threshold)
    if not editions.periodic:
        return editions
    editions.earlier = [e for e in read_editions(build_root) if e.period.end < period.start]
    if editions.earlier:
        last = editions.earlier[-1]
        editions.revisions = revisions(last.estimates, estimates_for(estimates_dir, last.period), threshold)
    return editions


def _links(editions: EditionPlan, lang: str) -> str:
    items = []
    for kept in reversed(editions.earlier):
        base = LIVE_PREFIX + html.escape(kept.folder.name)
        label = html.escape(i18n.format_period(kept.period.start, kept.period.end, lang))
        made = (" · " + html.escape(t("editions.made", lang, date=i18n.format_date(kept.generated, lang)))
                if kept.generated else "")
        pdf = (f" · <a href='{base}/pdf/report.pdf'>PDF</a>" if (kept.folder / "pdf" / "report.pdf").is_file() else "")
        items.append(f"<li><a href='{base}/html/index.html'>{label}</a>{pdf}{made}</li>")
    return "<ul class='rk-editions'>" + "".join(items) + "</ul>"


def page_markdown(editions: EditionPlan, lang: str, tables_dir: Path, tables_href: str) -> str:
    """The editions page's body (MyST with raw HTML blocks)."""
    from routekit.report import tables as table_io

    this = i18n.format_period(editions.period.start, editions.period.end, lang)
    lines = [t("editions.this", lang, period=this, date=i18n.format_date(editions.generated, lang)), ""]
    if not editions.earlier:
        lines += [t("editions.first", lang), ""]
        return "\n".join(lines)
    last = editions.earlier[-1]
    previous = i18n.format_period(last.period.start, last.period.end, lang)
    lines += [f"## {t('editions.revisions_title', lang)}", "",
              t("editions.revisions_intro", lang, previous=previous, threshold=editions.threshold), ""]
    shown = revisions_display(editions.revisions, last.period, editions.threshold, lang)
    shown.attrs["not_counts"] = list(shown.columns)
    name = f"revisions-{folder_name(last.period)}"
    path = table_io.write_table(shown, name, tables_dir, editions.threshold)
    lines += [table_io.table_html(shown, f"{tables_href}/{path.name}", t("editions.revisions_caption", lang,
                                                                          previous=previous, now=this),
                                  lang, max_rows=len(shown)), ""]
    lines += [f"## {t('editions.earlier_title', lang)}", "", _links(editions, lang), ""]
    return "\n".join(lines)


def page_body(editions: EditionPlan, source_tree: Path, lang: str) -> str | None:
    """The editions page's ``{{editions}}`` block; None for an ad-hoc build, whose contents lose
    the page (``_toc.yml`` in ``source_tree``)."""
    import yaml

    if not editions.periodic:
        toc_path = Path(source_tree) / "_toc.yml"
        toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
        for part in toc.get("parts", []):
            part["chapters"] = [c for c in part["chapters"] if c.get("file") != "book/" + Path(PAGE).stem]
        toc["parts"] = [p for p in toc.get("parts", []) if p["chapters"]]
        toc_path.write_text(yaml.safe_dump(toc, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return None
    # not under _extra/tables, which the build empties for the chapters' tables after this
    return page_markdown(editions, lang, Path(source_tree) / "_extra" / "revisions", "../revisions")


def keep(editions: EditionPlan, site: Path, pdf: Path | None, title: str, language: str) -> Path | None:
    """Copy this periodic build's site (and PDF, brief) into ``_build/editions/<period>/``.

    The copy is assembled beside the target and renamed into place, so a reader never finds
    half an edition; a later run for the same period replaces it (the newest run is the edition).
    """
    if not editions.periodic:
        return None
    target = editions.folder
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        shutil.copytree(site, staging / "html")
        for page in (staging / "html").rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            if LIVE_PREFIX in text:
                page.write_text(text.replace(f"href='{LIVE_PREFIX}", f"href='{KEPT_PREFIX}")
                                .replace(f'href="{LIVE_PREFIX}', f'href="{KEPT_PREFIX}'), encoding="utf-8")
        if pdf is not None and Path(pdf).is_file():
            (staging / "pdf").mkdir()
            for name in ("report.pdf", "brief.pdf"):
                if (Path(pdf).parent / name).is_file():
                    shutil.copy2(Path(pdf).parent / name, staging / "pdf" / name)
        rows = period_rows(editions.estimates_dir, editions.period)
        rows["seen"] = rows["corridor"].map(seen_for(editions.estimates_dir, editions.period))
        published_rows(rows, editions.threshold).to_csv(staging / "estimates.csv", index=False,
                                                                    lineterminator="\n")
        (staging / "edition.json").write_text(json.dumps(
            {"period": _period_dict(editions.period), "generated": editions.generated, "title": title,
             "language": language}, indent=2), encoding="utf-8")
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
