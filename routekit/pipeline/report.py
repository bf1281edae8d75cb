"""The report runner: bring the data a report needs up to date, then have the report rendered.

``routekit.report`` renders (chapters, book, PDF) from a ``ReportData`` it is handed; it never
calls the stages itself. This module is the one place that does: it holds the data directory's
lock while releases, the link and the estimates are prepared (``workspace``), checks the
parameters against what the data cover, and hands the report the folders to read.
"""

from __future__ import annotations

from pathlib import Path

from routekit.errors import ParamError, RoutekitError
from routekit.params import ReportParams, check_against_data
from routekit.pipeline.workspace import Workspace, prepare_estimates, prepare_workspace
from routekit.report.pipeline import (PROJECT_ROOT, BuildResult, ReportData, public_coverage,  # noqa: F401
                                      render_report, resolve_public_dir)


def data_coverage(workspace: Workspace, sources: list[str],
                  months: list[str] | None = None) -> tuple[str, str, dict[str, set[str]]]:
    """First and last month with released data, and the focus values the tables publish (in
    ``months`` only, when given: a focus must select something in the period itself)."""
    first, last = None, None
    available: dict[str, set[str]] = {"nationalities": set(), "corridors": set(), "entry_points": set()}
    for bundle in workspace.bundles(sources):
        period = bundle.manifest.period
        # the report covers the months every source has data for: a source whose extract
        # ends earlier would make the last months look like a drop
        first = min(first or period.start, period.start)
        last = min(last or period.end, period.end)
        for table, column, key in (("nationality", "nationality", "nationalities"),
                                   ("totals", "corridor", "corridors"),
                                   ("entry_point", "entry_point", "entry_points")):
            frame = bundle.table(table)
            if frame.empty:
                continue
            if "status" in frame.columns:
                frame = frame[frame["status"] == "published"]
            if months is not None:
                frame = frame[frame["month"].isin(months)]
            available[key].update(frame[column].dropna().astype(str).unique())
    if first is None:
        raise RoutekitError(f"no release in '{workspace.root}' states its period")
    return first, last, available


def prepare_report_data(params: ReportParams, project: Path, data_guard, log) -> ReportData:
    """Releases, link and estimates up to date for ``params``; the data lock is entered on
    ``data_guard`` (the report closes it once the chapters only read)."""
    from rich.markup import escape

    from routekit.locking import data_lock

    data_dir = Path(params.data_dir)
    if not data_dir.is_absolute():
        data_dir = project / data_dir
    if data_dir.exists() and not data_dir.is_dir():
        raise ParamError("data_dir", params.data_dir, "is a file, not a folder")
    if data_dir.is_dir() and not params.public_only:
        data_guard.enter_context(data_lock(data_dir, log=lambda m: log(escape(m), highlight=False)))
    public_dir = resolve_public_dir(params, project)
    workspace = Workspace(data_dir, params.threshold)
    if params.public_only:
        coverage = public_coverage(params, public_dir)
    else:
        workspace = prepare_workspace(data_dir, params.sources, params.threshold, None, log=log)
        coverage = data_coverage(workspace, params.sources)
        # the focus must select something in the period asked for, not somewhere in the data
        in_period = data_coverage(workspace, params.sources, params.resolve_period(coverage[1]).months)
        coverage = (coverage[0], coverage[1], in_period[2])
    period = check_against_data(params, coverage[0], coverage[1], coverage[2])
    baseline = params.resolve_baseline(period)
    estimates = (workspace.steward / "estimates" / "none" if params.public_only
                 else prepare_estimates(workspace, params.sources, period, baseline, log=log,
                                        public_dir=public_dir))
    return ReportData(period=period, baseline=baseline, coverage=coverage, releases=workspace.releases,
                      link=workspace.link, estimates=estimates, public_dir=public_dir,
                      release_dirs=list(workspace.release_dirs(params.sources)))


def build_report(params_path: Path, overrides: list[str] | None = None, project: Path = PROJECT_ROOT,
                 build_root: Path | None = None, notebooks: Path | None = None, pdf: bool = True,
                 console=None) -> BuildResult:
    """Render one parameter set into a static site (and PDF): the data first, then the report."""
    return render_report(params_path, overrides, project=project, build_root=build_root, notebooks=notebooks,
                         pdf=pdf, console=console, prepare=prepare_report_data)
