"""``routekit report``: parameters -> data -> executed chapters -> Jupyter Book site (-> PDF).

Steps, each timed on the progress display:
1. validate the parameter set and check it against the data (period inside, focus selects);
2. bring releases, link and estimates up to date: done by the runner (``routekit.pipeline.report``),
   which hands this module a ``ReportData``; the report itself never calls a stage;
3. execute each chapter notebook with papermill, injecting one JSON parameter; executions are
   cached on (notebook, parameters, data, code), so an unchanged report re-executes nothing;
4. assemble a build source tree and build it with jupyter-book into a staging folder;
5. swap the staging site into place only when everything succeeded - a failed build never
   replaces the last good report - and name the notebook and cell that failed.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from routekit.contracts.run import RunSpec
from routekit.errors import BuildError, RoutekitError
from routekit.params import ReportParams, load_params, params_digest
from routekit.periods import Period
from routekit.cache import Store, key as cache_key
from routekit.digests import combine, file_digest, tree_digest
from routekit.report.chapters import Chapter, chapters_for

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INJECTED_TAG = "injected-parameters"


@dataclass
class BuildPlan:
    """Where one report's pieces go; the default parameter set owns ``_build/html``."""

    name: str
    project: Path
    build_root: Path
    work: Path | None = None  # this build's own folder (source tree, jupyter-book output)

    @property
    def output(self) -> Path:
        return self.build_root if self.name == "default" else self.build_root / "adhoc" / self.name

    @property
    def site(self) -> Path:
        return self.output / "html"

    @property
    def pdf(self) -> Path:
        return self.output / "pdf" / "report.pdf"

    @property
    def source_tree(self) -> Path:
        if self.work is not None:
            return self.work / "src"
        return self.build_root / "src" / self.name

    @property
    def cache(self) -> Path:
        return self.build_root / "cache" / "chapters"


@dataclass
class ReportData:
    """What the runner hands the report: the period checked against the data, and the folders
    the chapters read (releases, link, estimates, public files)."""

    period: Period
    baseline: Period
    coverage: tuple  # (first month, last month, focus values available)
    releases: Path
    link: Path
    estimates: Path
    public_dir: Path
    release_dirs: list[Path] = field(default_factory=list)


@dataclass
class BuildResult:
    site: Path
    pdf: Path | None
    timings: dict[str, float] = field(default_factory=dict)
    cached_chapters: list[str] = field(default_factory=list)


def plan_for(params_path: Path, overrides: list[str], params: ReportParams, project: Path,
             build_root: Path) -> BuildPlan:
    """The default set without overrides writes the periodic report; anything else its own folder."""
    stem = Path(params_path).stem
    name = stem if not overrides else f"{stem}-{params_digest(params)}"
    if stem == "default" and overrides:
        name = f"default-{params_digest(params)}"
    return BuildPlan(name=name, project=project, build_root=build_root)


def resolve_public_dir(params: ReportParams, project: Path) -> Path:
    """The public files: the ``public_data_dir`` parameter (relative to the project), else
    ``$ROUTEKIT_PUBLIC_DATA``, else the project's ``data/public``; same folder layout in each."""
    import os

    from routekit.sources.public.paths import ENV_VARIABLE

    chosen = params.public_data_dir or os.environ.get(ENV_VARIABLE, "").strip()
    if not chosen:
        return project / "data" / "public"
    path = Path(chosen).expanduser()
    path = path if path.is_absolute() else project / path
    if not path.is_dir():
        raise RoutekitError(f"public data folder '{path}' not found (parameter public_data_dir or {ENV_VARIABLE})")
    return path


def public_coverage(params: ReportParams, public_dir: Path) -> tuple[str, str, dict[str, set[str]]]:
    """Months a public-only report may cover: from the first to the last month any selected
    source publishes (a source that has not published a month says so in the report); a
    'latest-*' period ends at Frontex's last month, the chapter's main series. Also the
    corridors and nationalities Frontex has."""
    from routekit.errors import InputError
    from routekit.periods import LATEST
    from routekit.sources.public import LOADERS

    names = {"frontex": "frontex", "eurostat": "eurostat_asylum", "iom": "iom_missing_migrants"}
    spans, available = {}, {"corridors": set(), "nationalities": set(), "entry_points": set()}
    for name in params.public_sources:
        try:
            result = LOADERS[names[name]](public_dir)
        except InputError:
            continue  # the chapter says the source has no data
        if result.first_month:
            spans[name] = (result.first_month, result.last_month)
        if name == "frontex":
            available["corridors"] = set(result.data["corridor"].unique())
            available["nationalities"] = set(result.data["nationality"].unique()) - {""}
    if not spans:
        raise RoutekitError(f"no readable public files in '{public_dir}'")
    first = min(span[0] for span in spans.values())
    latest = isinstance(params.period, str) and params.period in LATEST
    last = spans["frontex"][1] if latest and "frontex" in spans else max(span[1] for span in spans.values())
    return first, last, available


def _run_json(params: ReportParams, period: Period, baseline: Period, data: ReportData,
              estimates: Path, chapter: Chapter, tables_dir: Path, coverage, public_dir: Path) -> str:
    """The chapter's ``RunSpec`` as the JSON papermill injects."""
    return RunSpec.for_chapter(params, period, baseline, chapter.id, coverage, {
        "releases": data.releases, "link": data.link, "estimates": estimates, "public": public_dir,
        "tables_dir": tables_dir, "tables_href": f"../../tables/{chapter.id}"}).to_json()


def _localise(notebook_path: Path, chapter: Chapter, language: str) -> None:
    """Give the executed chapter its title, hide the parameter cells, drop the other language.

    Markdown cells tagged ``nl`` or ``en`` are prose in one language; the other one is removed,
    so a notebook reads like the report in either language.
    """
    nb = nbformat.read(notebook_path, as_version=4)
    other = "en" if language == "nl" else "nl"
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if other in tags:
            continue
        if INJECTED_TAG in tags or "parameters" in tags:
            cell.metadata.setdefault("tags", [])
            if "remove-cell" not in cell.metadata["tags"]:
                cell.metadata["tags"].append("remove-cell")
        cells.append(cell)
    title = nbformat.v4.new_markdown_cell(f"# {chapter.title(language)}")
    nb.cells = [title, *cells]
    nb.metadata["language_info"] = nb.metadata.get("language_info", {"name": "python"})
    nb.metadata.pop("papermill", None)  # input and output paths on this server
    nbformat.write(nb, notebook_path)


def _execute_chapter(chapter: Chapter, template: Path, run_json: str, plan: BuildPlan,
                     tables_dir: Path, language: str, data_digest: str) -> tuple[str, float, bool]:
    """Execute one chapter (or take it from the cache); returns (id, seconds, from_cache).

    No ``cwd`` is given to papermill: it changes the whole process's directory, which races
    between the two chapters executing at once. Notebooks use absolute paths from ``run_json``.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    key = cache_key(file_digest(template), RunSpec.from_json(run_json).cache_text(), data_digest, length=24)
    store = Store(plan.cache)
    cached = store.get(key)
    target = plan.source_tree / "book" / "chapters" / chapter.notebook
    target.parent.mkdir(parents=True, exist_ok=True)
    if cached is not None and (cached / chapter.notebook).is_file():
        shutil.copy2(cached / chapter.notebook, target)
        if (cached / "tables").is_dir():
            shutil.copytree(cached / "tables", tables_dir, dirs_exist_ok=True)
        return chapter.id, time.perf_counter() - started, True
    (plan.build_root / "exec").mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{key}-", dir=plan.build_root / "exec"))
    executed = work / chapter.notebook
    try:  # the executed notebook holds what the chapter read: removed whether it ran or failed
        try:
            papermill.execute_notebook(
                str(template), str(executed), parameters={"run_json": run_json},
                kernel_name="python3", progress_bar=False, log_output=False,
                # the kernel runs on loopback; its transport warning is noise on every run
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
            )
        except PapermillExecutionError as error:
            raise BuildError(
                f"chapter notebook {template.name} failed in cell {error.cell_index + 1} "
                f"(execution count {error.exec_count}): {error.ename}: {error.evalue}; "
                "nothing of this run was kept and the previous report is untouched"
            ) from None
        _localise(executed, chapter, language)

        def fill(entry: Path) -> None:  # the executed chapter and the tables it wrote
            shutil.copy2(executed, entry / executed.name)
            if tables_dir.is_dir():
                shutil.copytree(tables_dir, entry / "tables")

        store.put(key, fill)
        shutil.copy2(executed, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return chapter.id, time.perf_counter() - started, False


def _write_if_changed(path: Path, text: str) -> None:
    """Keep mtimes of unchanged files so Sphinx's incremental build skips them."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _assemble_source(plan: BuildPlan, params: ReportParams, chapters: list[Chapter]) -> None:
    """Write _config.yml and _toc.yml for this build (the book's own pages: ``_write_pages``)."""
    project, src, language = plan.project, plan.source_tree, params.language
    config = yaml.safe_load((project / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = params.title
    config.setdefault("sphinx", {}).setdefault("config", {})["language"] = language
    config["sphinx"]["config"]["html_extra_path"] = ["_extra"]
    # the sources are executed notebooks whose parameter cell names server paths; not published
    config["sphinx"]["config"]["html_copy_source"] = False
    config["only_build_toc_files"] = True
    _write_if_changed(src / "_config.yml", yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    present = {f"book/chapters/{c.notebook.removesuffix('.ipynb')}" for c in chapters}
    for part in toc.get("parts", []):
        part["chapters"] = [c for c in part["chapters"] if not c["file"].startswith("book/chapters/")
                            or c["file"] in present]
        caption = part.get(f"caption_{language}")
        part.pop("caption_nl", None)
        part.pop("caption_en", None)
        if caption:
            part["caption"] = caption
    toc["parts"] = [p for p in toc.get("parts", []) if p["chapters"]]
    _write_if_changed(src / "_toc.yml", yaml.safe_dump(toc, sort_keys=False, allow_unicode=True))
    (src / "_extra" / "tables").mkdir(parents=True, exist_ok=True)


def _write_pages(plan: BuildPlan, params: ReportParams, period: Period, generated: str, landing: str,
                 editions_page: str | None) -> None:
    """The book's own pages in the report's language, filled in one pass (``report/pages.py``):
    parameters as escaped text, the headline and editions blocks as the Markdown they are. An
    ad-hoc build (``editions_page`` None) has no editions page."""
    from routekit.report import editions, pages
    from routekit.report.i18n import format_date, format_period

    language = params.language
    values: dict[str, object] = {
        "title": params.title, "period": format_period(period.start, period.end, language),
        "generated": format_date(generated, language), "threshold": str(params.threshold),
        "headline": pages.MarkdownBlock(landing)}
    if editions_page is not None:
        values["editions"] = pages.MarkdownBlock(editions_page)
    leave_out = () if editions_page is not None else (editions.PAGE,)
    for name, text in pages.render_pages(plan.project / "book" / language, values, leave_out).items():
        _write_if_changed(plan.source_tree / "book" / name, text)
    for name in leave_out:  # an earlier build's copy in a reused source tree
        (plan.source_tree / "book" / name).unlink(missing_ok=True)


def _jupyter_book(source: Path, out: Path, builder: str = "html", log_dir: Path | None = None) -> None:
    import subprocess
    import sys

    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source),
               "--path-output", str(out), "--builder", builder, "-q"]
    result = subprocess.run(command, capture_output=True, text=True)
    log = (log_dir or out) / f"jupyter-book-{builder}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(result.stdout + "\n" + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise BuildError(f"jupyter-book {builder} build failed (log: {log}): {' | '.join(tail)}")


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old site survives until then."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def render_report(params_path: Path, overrides: list[str] | None = None,
                  project: Path = PROJECT_ROOT, build_root: Path | None = None,
                  notebooks: Path | None = None, pdf: bool = True, console=None, *,
                  prepare) -> BuildResult:
    """Render one parameter set into a static site (and PDF) without touching other reports.

    ``prepare(params, project, data_guard, log) -> ReportData`` brings the data up to date; the
    runner (``routekit.pipeline.report.build_report``) passes it, so the report never calls a stage.

    One build per output folder at a time (a second waits, saying so); each build assembles its
    book in a folder of its own that is removed afterwards, failed or not, so only files this
    build wrote can be published and nothing a failed build fetched stays behind.
    """
    from contextlib import ExitStack

    from rich.console import Console
    from rich.markup import escape

    from routekit.locking import hold

    console = console or Console(stderr=True, emoji=False)  # a title's ':x:' is text, not an emoji
    overrides = overrides or []
    build_root = Path(build_root or project / "_build")
    params = load_params(params_path, overrides)
    plan = plan_for(params_path, overrides, params, project, build_root)

    def say(message: str) -> None:
        console.print(escape(message), highlight=False)

    with hold(build_root / ".locks" / f"{plan.name}.lock", f"the report '{plan.name}' in '{build_root}'",
              log=say), ExitStack() as data_guard:
        (build_root / "work").mkdir(parents=True, exist_ok=True)
        plan.work = Path(tempfile.mkdtemp(prefix=f"{plan.name}-", dir=build_root / "work"))
        try:
            return _build(params_path, params, plan, project, build_root, notebooks, pdf, console,
                          data_guard, prepare)
        finally:
            shutil.rmtree(plan.work, ignore_errors=True)


def _build(params_path: Path, params: ReportParams, plan: BuildPlan, project: Path, build_root: Path,
           notebooks: Path | None, pdf: bool, console, data_guard, prepare) -> BuildResult:
    from rich.markup import escape

    log = console.print
    notebooks = Path(notebooks or project / "notebooks")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    t0 = time.perf_counter()
    data = prepare(params, project, data_guard, log)
    period, baseline, estimates, coverage, public_dir = (data.period, data.baseline, data.estimates,
                                                         data.coverage, data.public_dir)
    timings["data"] = time.perf_counter() - t0
    data_guard.close()  # releases, link and estimates are ready; the chapters only read them
    log(f"[bold]{escape(params.title)}[/] - period {period.label} ({period.start} to {period.end}), "
        f"baseline {baseline.start} to {baseline.end} -> {plan.site}")

    chapters = chapters_for(notebooks, has_partner_data=not params.public_only,
                            has_public_data=bool(params.public_sources))
    if not chapters:
        raise RoutekitError(f"no chapter notebooks found in '{notebooks}'")
    shutil.rmtree(plan.source_tree / "book" / "chapters", ignore_errors=True)
    generated = dt.date.today().isoformat()
    _assemble_source(plan, params, chapters)
    from routekit.report import headline  # the national headline opens the landing page and the PDF

    head, landing = headline.landing(plan.source_tree, estimates, period, baseline, params.threshold,
                                     params.language, focus=params.focus.model_dump())
    from routekit.report import editions  # earlier editions and the revisions of the last one

    edition = editions.plan_editions(plan.name, build_root, period, generated, estimates, params.threshold)
    _write_pages(plan, params, period, generated, landing,
                 editions.page_body(edition, plan.source_tree, params.language))
    data_digest = tree_digest(*data.release_dirs, *[p for p in (estimates, data.link) if p.is_dir()])
    if public_dir.is_dir():
        data_digest = combine(data_digest, tree_digest(public_dir))
    extra_tables = plan.source_tree / "_extra" / "tables"
    shutil.rmtree(extra_tables, ignore_errors=True)

    def run(chapter: Chapter):
        tables_dir = extra_tables / chapter.id
        run_json = _run_json(params, period, baseline, data, estimates, chapter, tables_dir,
                             coverage, public_dir)
        return _execute_chapter(chapter, notebooks / chapter.notebook, run_json, plan, tables_dir,
                                params.language, data_digest)

    cached: list[str] = []
    t0 = time.perf_counter()
    running: dict[str, float] = {}

    def tracked(chapter: Chapter):
        running[chapter.title(params.language)] = time.perf_counter()
        try:
            return run(chapter)
        finally:
            running.pop(chapter.title(params.language), None)

    with ThreadPoolExecutor(max_workers=2) as pool, console.status("") as status:
        futures = {pool.submit(tracked, c): c for c in chapters}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            now = time.perf_counter()
            status.update("running: " + ", ".join(f"{name} ({now - start:.0f} s)"
                                                  for name, start in list(running.items())))
            for future in done:
                chapter = futures[future]
                chapter_id, seconds, from_cache = future.result()
                timings[f"chapter:{chapter_id}"] = seconds
                if from_cache:
                    cached.append(chapter_id)
                log(f"  chapter [cyan]{chapter.title(params.language)}[/] "
                    f"{'(cached) ' if from_cache else ''}{seconds:.1f} s")
    timings["chapters"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    jb_out = plan.work / "jb"
    _jupyter_book(plan.source_tree, jb_out, "html", log_dir=plan.output / "logs")
    staging = plan.output / ".html-staging"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(jb_out / "_build" / "html", staging)
    timings["book"] = time.perf_counter() - t0
    log(f"  book built in {timings['book']:.1f} s")

    pdf_path = None
    if pdf:
        t0 = time.perf_counter()
        pdf_path = _build_pdf(plan, params, period, generated, jb_out, log)
        timings["pdf"] = time.perf_counter() - t0
    _swap_in(staging, plan.site)
    if pdf_path is not None:
        final_pdf = plan.pdf
        final_pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf_path.replace(final_pdf)
        pdf_path = final_pdf
        if head.available:  # two A4 pages for readers who will not open the report
            headline.print_brief(head, params.language, params.title, final_pdf.with_name("brief.pdf"),
                                 where=f"report.pdf, {plan.site.name}/index.html", focus=params.focus.model_dump())
    editions.keep(edition, plan.site, pdf_path, params.title, params.language)  # periodic builds only
    timings["total"] = time.perf_counter() - started
    (plan.output / "build-timings.json").write_text(json.dumps(timings, indent=2))
    log(f"[green]report ready[/]: {plan.site / 'index.html'}"
        + (f" and {pdf_path}" if pdf_path else "") + f" in {timings['total']:.1f} s")
    return BuildResult(site=plan.site, pdf=pdf_path, timings=timings, cached_chapters=cached)


def _build_pdf(plan: BuildPlan, params: ReportParams, period: Period, generated: str,
               jb_out: Path, log) -> Path | None:
    """Single-page HTML printed to an A4 PDF (routekit.report.pdf); staged beside the site."""
    try:
        from routekit.report import pdf as pdf_module
    except ImportError:
        log("[yellow]PDF skipped: routekit.report.pdf is not available[/]")
        return None
    _jupyter_book(plan.source_tree, jb_out, "singlehtml", log_dir=plan.output / "logs")
    single = jb_out / "_build" / "singlehtml"
    # The root document is book/intro, so Sphinx writes the single page to book/intro.html but
    # links its assets as if it stood at the top; put it there (replacing the redirect page).
    root_doc = yaml.safe_load((plan.source_tree / "_toc.yml").read_text(encoding="utf-8"))["root"]
    page = single / f"{root_doc}.html"
    if page.is_file():
        shutil.copyfile(page, single / "index.html")
    staging = plan.output / ".pdf-staging" / "report.pdf"
    staging.parent.mkdir(parents=True, exist_ok=True)
    # the same sources, title and date print to the same PDF: reuse it when nothing changed
    # (keyed on the build's source tree: Sphinx's output differs between full and incremental builds)
    key = cache_key(tree_digest(plan.source_tree), params.title, period.label, generated, params.language,
                    length=24)
    store = Store(plan.build_root / "cache" / "pdf")
    cached = store.get(key)
    if cached is not None and (cached / staging.name).is_file():
        shutil.copyfile(cached / staging.name, staging)
        log("  PDF unchanged, reused")
        return staging
    # Playwright's sync API refuses to run where an asyncio loop is running (papermill and
    # Jupyter leave one in the calling thread), so the browser is driven from its own thread.
    with ThreadPoolExecutor(max_workers=1) as printer:
        from routekit.report.i18n import format_date, format_period

        printer.submit(pdf_module.build_pdf, single, staging, title=params.title,
                       period_label=format_period(period.start, period.end, params.language),
                       generated_date=format_date(generated, params.language),
                       lang=params.language).result()
    store.put(key, lambda entry: shutil.copyfile(staging, entry / staging.name))
    return staging
