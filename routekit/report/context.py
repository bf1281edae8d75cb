"""What a chapter notebook calls: the run's parameters and the published data, nothing else.

A notebook gets one injected parameter, ``run_json`` (a ``RunSpec`` made by
``routekit.report.pipeline``), and starts with ``ctx = ReportContext.from_json(run_json)``.
The context reads only releases, link outputs, estimates and public statistics - never a
person-level extract - and every table or figure it hands out has passed the privacy gate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from routekit.contracts import EstimateBundle, ReleaseBundle
from routekit.contracts.run import RunSpec
from routekit.periods import Period
from routekit.report import tables as table_io
from routekit.sources import get_source

_FOCUS_COLUMNS = {"nationalities": "nationality", "corridors": "corridor", "entry_points": "entry_point"}
# how a focus that a figure cannot honour is named next to it: (nl, en) of the dimension
_FOCUS_WORDS = {"nationalities": ("nationaliteit", "nationality"), "corridors": ("corridor", "corridor"),
                "entry_points": ("grensovergang", "entry point")}


@dataclass
class ReportContext:
    run: RunSpec  # a dict is validated into one (tests build contexts by hand)
    _displayed: list = field(default_factory=list)
    # focus keys a figure read since the last display could not honour (its data lacks the column)
    _unfocused: set = field(default_factory=set)

    def __post_init__(self) -> None:
        if not isinstance(self.run, RunSpec):
            self.run = RunSpec.model_validate(self.run)

    @classmethod
    def from_json(cls, run_json: str) -> "ReportContext":
        return cls(RunSpec.from_json(run_json))

    # --- parameters -------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.run.params.language

    @property
    def threshold(self) -> int:
        return self.run.params.threshold

    @cached_property
    def params(self) -> dict:
        """The parameter set as plain data (the methods chapter lists it)."""
        return self.run.params.model_dump(mode="json")

    def focus_on(self, key: str) -> list[str]:
        """The focus's values for ``key`` (nationalities, corridors, entry_points); [] for none."""
        return list(getattr(self.run.params.focus, key))

    @property
    def period(self) -> Period:
        return self.run.period.period

    @property
    def baseline(self) -> Period:
        return self.run.baseline.period

    @property
    def sources(self) -> list[str]:
        return [s for s in self.run.params.sources if self.release(s) is not None]

    def t(self, nl: str, en: str) -> str:
        """Pick the text in the report's language."""
        return nl if self.language == "nl" else en

    def source_title(self, source: str) -> str:
        return get_source(source).title(self.language)

    def source_label(self, source: str) -> str:
        """The short name charts use ("KMar (grens)"), for table headers and narrow columns."""
        from routekit.report.charts import source_label

        return source_label(source, self.language)

    # --- paths ------------------------------------------------------------------------------
    @property
    def releases_dir(self) -> Path:
        return self.run.paths.releases

    @property
    def link_dir(self) -> Path:
        return self.run.paths.link

    @property
    def estimates_dir(self) -> Path:
        return self.run.paths.estimates

    # --- published data ---------------------------------------------------------------------
    def release(self, source: str) -> ReleaseBundle | None:
        """The release bundle of ``source`` (verified by the report before any chapter runs)."""
        bundles = self.__dict__.setdefault("_bundles", {})
        if source not in bundles:
            folder = self.releases_dir / source
            bundles[source] = ReleaseBundle(folder) if ReleaseBundle.is_release(folder) else None
        return bundles[source]

    def manifest(self, source: str) -> dict:
        bundle = self.release(source)
        return bundle.data if bundle is not None else {}

    def has_release_table(self, source: str, table: str) -> bool:
        bundle = self.release(source)
        return bundle is not None and bundle.has_table(table)

    def release_table(self, source: str, table: str, published_only: bool = True,
                      apply_focus: bool = True) -> pd.DataFrame:
        """One released table of one source (suppressed cells dropped unless asked for)."""
        if not self.has_release_table(source, table):
            return pd.DataFrame()
        frame = self.release(source).table(table)
        if published_only and "status" in frame.columns:
            frame = frame[frame["status"] == "published"].copy()
        if "count" in frame.columns:
            frame["count"] = pd.to_numeric(frame["count"], errors="coerce")
            if published_only:
                frame["count"] = frame["count"].astype("int64")
        if not apply_focus:
            self.mark_unfocused()
        return self.apply_focus(frame) if apply_focus else frame

    def apply_focus(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Keep the rows the parameter set's focus asks for (where the table has that column).

        A focus the table cannot honour (no such column: estimates have no nationality, entry
        points no corridor) is remembered, and the next table or figure shown says so beside it.
        A findings-style table (topic, category) is focused on its corridor rows.
        """
        for key, column in _FOCUS_COLUMNS.items():
            wanted = self.focus_on(key)
            if not wanted:
                continue
            if column in frame.columns:
                frame = frame[frame[column].isin(wanted)]
            elif {"topic", "category"} <= set(frame.columns) and column == "corridor":
                frame = frame[(frame["topic"] == "corridor") & frame["category"].isin(wanted)]
            else:
                self._unfocused.add(key)
        return frame

    def mark_unfocused(self) -> None:
        """A figure drawn from data that no focus applies to (e.g. data quality per month)."""
        self._unfocused.update(k for k in _FOCUS_COLUMNS if self.focus_on(k))

    def focus_note(self) -> str:
        """The sentence that says which part of the focus the figure just computed does not
        honour, or '' (and forget it: the note belongs to one figure)."""
        keys = [k for k in _FOCUS_COLUMNS if k in self._unfocused]
        self._unfocused.clear()
        if not keys:
            return ""
        parts = [f"{self.t(*_FOCUS_WORDS[k])} ({', '.join(self.focus_on(k))})" for k in keys]
        return self.t("Niet toegespitst op " + " en ".join(parts) + ": de gegevens hiervan zijn niet zo "
                      "uitgesplitst, dus dit geldt voor alle waarden.",
                      "Not focused on " + " and ".join(parts) + ": these data are not broken down that "
                      "way, so this covers all values.")

    def show_focus_note(self) -> None:
        """Display the focus note (if any) beside the figure just shown."""
        from IPython.display import HTML, display

        note = self.focus_note()
        if note:
            import html

            display(HTML(f"<p class='rk-focus-note'><em>{html.escape(note)}</em></p>"))

    def in_period(self, frame: pd.DataFrame, period: Period | None = None) -> pd.DataFrame:
        period = period or self.period
        return frame[frame["month"].isin(period.months)] if "month" in frame.columns else frame

    def counts_by_source(self, table: str = "totals") -> pd.DataFrame:
        """month, corridor, source, count from each included source's released table.

        With a nationality focus the per-nationality table is used, so the numbers answer the
        question asked rather than the corridor totals.
        """
        cells = self._released_cells(table)
        cells = cells[cells["published"] > 0]  # a month with every cell withheld is not a zero
        return cells[["month", "corridor", "source", "count"]].reset_index(drop=True)

    def suppressed_by_source(self, table: str = "totals") -> pd.DataFrame:
        """month, corridor, source, suppressed: how many cells of each released table were withheld.

        A sum over published cells is only a lower bound where this is above zero; views mark
        such figures instead of showing them as complete.
        """
        return self._released_cells(table)[["month", "corridor", "source", "suppressed"]]

    def _released_cells(self, table: str) -> pd.DataFrame:
        """Per month, corridor and source: the sum of published cells and the number withheld."""
        if self.focus_on("nationalities") and table == "totals":
            table = "nationality"
        frames = []
        for source in self.sources:
            frame = self.release_table(source, table, published_only=False)
            if frame.empty or "corridor" not in frame.columns:
                continue
            published = frame["status"].eq("published") if "status" in frame.columns else True
            frame = frame.assign(count=frame["count"].where(published, 0).fillna(0).astype("int64"),
                                 published=pd.Series(published, index=frame.index).astype(int),
                                 suppressed=1 - pd.Series(published, index=frame.index).astype(int))
            grouped = frame.groupby(["month", "corridor"], as_index=False)[
                ["count", "published", "suppressed"]].sum()
            grouped["source"] = source
            frames.append(grouped)
        if not frames:
            return pd.DataFrame(columns=["month", "corridor", "source", "count", "published", "suppressed"])
        return pd.concat(frames, ignore_index=True)

    def monthly_persons(self, source: str) -> pd.DataFrame:
        """month, count, suppressed: persons per month for one source, as completely as released.

        Text sources release ``records`` per month in quality.csv (one figure per month, so far
        fewer cells are withheld than in the month x corridor totals); other sources fall back
        to the sum of their published totals, flagged when a cell of the month was withheld.
        A focus on nationalities or corridors always uses the (focused) totals.
        """
        focused = any(self.focus_on(k) for k in _FOCUS_COLUMNS)
        quality = pd.DataFrame() if focused else self.release_table(source, "quality", published_only=False,
                                                                    apply_focus=False)
        if not focused and not quality.empty and "records" in quality.columns:
            records = pd.to_numeric(quality["records"], errors="coerce")
            return pd.DataFrame({"month": quality["month"].astype(str),
                                 "count": records.fillna(0).astype("int64"),
                                 "suppressed": records.isna()})
        counts = self.counts_by_source()
        withheld = self.suppressed_by_source()
        counts = counts[counts["source"] == source].groupby("month")["count"].sum()
        withheld = withheld[withheld["source"] == source].groupby("month")["suppressed"].sum()
        months = counts.index.union(withheld.index)
        return pd.DataFrame({"month": months.astype(str),
                             "count": counts.reindex(months, fill_value=0).astype("int64").to_numpy(),
                             "suppressed": withheld.reindex(months, fill_value=0).gt(0).to_numpy()})

    @property
    def public_only(self) -> bool:
        return not self.run.params.sources

    @property
    def public_dir(self) -> Path:
        return self.run.paths.public

    def public(self, name: str):
        """A public source's AdapterResult (frontex, eurostat, iom), or None when not included."""
        from routekit.sources import public as public_sources

        loaders = {"frontex": public_sources.load_frontex, "eurostat": public_sources.load_eurostat_asylum,
                   "iom": public_sources.load_iom}
        if name not in self.run.params.public_sources:
            return None
        cache = self.__dict__.setdefault("_public_cache", {})
        if name not in cache:
            cache[name] = loaders[name](self.public_dir)
        return cache[name]

    def public_caption(self, title: str, names: list[str]) -> str:
        """A caption that says the table comes from public sources only and cites the publishers."""
        from routekit.sources.public import caption

        registry_names = {"frontex": "frontex", "eurostat": "eurostat_asylum", "iom": "iom_missing_migrants"}
        if not names:  # public_sources: [] - nothing to cite; the empty table says 'no data'
            return title
        return caption(title, [registry_names[n] for n in names], self.language)

    @cached_property
    def _all_estimates(self) -> pd.DataFrame:
        return EstimateBundle(self.estimates_dir).table("estimates", dtype={"period": str}, keep_default_na=False,
                                                        na_values=[""])

    @property
    def estimates(self) -> pd.DataFrame:
        """Per month x corridor estimates of all journeys, seen and unseen, with intervals
        (focused on corridors; a nationality focus is noted beside the figure)."""
        return self.apply_focus(self._all_estimates)

    def estimates_table(self, name: str) -> pd.DataFrame:
        """An estimate-stage table, focused where it has the focus's column (or is per corridor)."""
        frame = EstimateBundle(self.estimates_dir).table(name, keep_default_na=False, na_values=[""])
        return self.apply_focus(frame)

    # --- display ----------------------------------------------------------------------------
    def show_table(self, frame: pd.DataFrame, name: str, caption: str, public: bool = False,
                   column_labels: dict | None = None, max_rows: int = 40):
        """Display a table with its caption and CSV download link; write the CSV into the site."""
        from IPython.display import HTML, display

        path = table_io.write_table(frame, name, self.run.paths.tables_dir, self.threshold, public=public)
        href = f"{self.run.paths.tables_href}/{path.name}"
        self._displayed.append(path.name)
        if frame.empty:
            display(HTML(f"<p class='rk-empty'><em>{caption}:</em> "
                         + self.t("geen gegevens voor deze selectie en periode.",
                                  "no data for this selection and period.") + "</p>"))
            self.focus_note()
            return
        display(HTML(table_io.table_html(frame, href, caption, self.language, public=public,
                                         max_rows=max_rows, column_labels=column_labels,
                                         threshold=self.threshold)))
        self.show_focus_note()

    def say(self, nl: str, en: str, **values):
        """Display a sentence in the report's language, with values filled in."""
        from IPython.display import Markdown, display

        display(Markdown(self.t(nl, en).format(**values)))

    def number(self, value) -> str:
        return table_io.format_cell(value, self.language)
