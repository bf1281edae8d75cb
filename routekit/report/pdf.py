"""The offline PDF: the single-page HTML build printed to A4 by headless Chromium.

``jupyter-book build SRC --builder singlehtml`` makes one page with every chapter; this module
opens it from disk in Debian's Chromium (through Playwright, no browser download), waits until
every chart has drawn, adds a title page and a table of contents, and prints with page numbers.
Print CSS (``routekit.css``) hides interactive-only parts (``rk-screen-only``: Leaflet maps) and
shows their static versions (``rk-print-only``). The text stays searchable.

Page numbers in the contents come from a first print: ``pdftotext`` says where each chapter
starts, and the second print writes those numbers in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from routekit.errors import BuildError
from routekit.report.i18n import t

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DEFAULT_CHROMIUM = "/usr/bin/chromium"
RENDER_TIMEOUT_MS = 60_000

# Theme chrome that has no place on paper (pydata / sphinx-book-theme class names).
_HIDE_ON_PAPER = """
@media print {
  .bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .bd-footer-article,
  .bd-header-article, .header-article, .prev-next-area, .prev-next-footer, .bd-search,
  .search-button-field, .theme-switch-button, .headerlink, #pst-back-to-top, .skip-link,
  .bd-footer-content, .footer-items__start, .footer-items__end, .bd-toc, .onlyprint
  { display: none !important; }
  .bd-main, .bd-content, .bd-article-container, .bd-article, .bd-page-width, .bd-container,
  .bd-container__inner { max-width: 100% !important; width: 100% !important; margin: 0 !important;
    padding: 0 !important; display: block !important; }
  body { font-size: 10.5pt; }
}
"""

_DECORATE_JS = """
([title, period, generated, contentsLabel]) => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const style = document.createElement('style');
  style.textContent = window.__rkPrintCss;
  document.head.appendChild(style);
  // singlehtml nests each chapter's section (with an h2) inside the root page's section;
  // a plain page has its chapters as top-level sections with an h1.
  const root = article.querySelector('section');
  let sections = Array.from(article.querySelectorAll('section'))
    .filter((s) => root && s !== root && s.parentElement.closest('section') === root);
  if (!sections.length) { sections = Array.from(article.querySelectorAll('section')).filter((s) => !s.parentElement.closest('section')); }
  const headings = sections.map((s) => s.querySelector(':scope > h1, :scope > h2')).filter((h) => h);
  const chapters = [];
  headings.forEach((h, i) => {
    if (!h.id) { h.id = 'rk-chapter-' + i; }
    const section = h.closest('section');
    if (section) { section.classList.add('rk-chapter-start'); }
    const text = (h.textContent || '').replace(/[#¶]\\s*$/, '').trim();
    chapters.push({id: h.id, text: text});
  });
  const page = document.createElement('div');
  page.className = 'rk-titlepage';
  const h = document.createElement('p'); h.className = 'rk-title'; h.setAttribute('role', 'heading'); h.setAttribute('aria-level', '1'); h.textContent = title;
  const p = document.createElement('p'); p.className = 'rk-period'; p.textContent = period;
  const g = document.createElement('p'); g.className = 'rk-generated'; g.textContent = generated;
  page.append(h, p, g);
  const toc = document.createElement('nav');
  toc.className = 'rk-toc';
  const th = document.createElement('h2'); th.textContent = contentsLabel;
  const ol = document.createElement('ol');
  chapters.forEach((c) => {
    const li = document.createElement('li');
    const a = document.createElement('a'); a.href = '#' + c.id;
    a.innerHTML = '<span class="rk-toc-title"></span>';
    a.firstChild.textContent = c.text;
    a.style.display = 'flex'; a.style.flex = '1';
    const num = document.createElement('span'); num.className = 'rk-toc-page'; num.textContent = '';
    li.append(a, num);
    ol.appendChild(li);
  });
  toc.append(th, ol);
  article.prepend(page, toc);
  return chapters.map((c) => c.text);
}
"""

_FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#555;'
           'font-family:sans-serif">{page} <span class="pageNumber"></span> {of} '
           '<span class="totalPages"></span></div>')


def chromium_executable() -> str:
    """Debian's Chromium (``ROUTEKIT_CHROMIUM`` overrides); Playwright never downloads one."""
    path = os.environ.get("ROUTEKIT_CHROMIUM", DEFAULT_CHROMIUM)
    if not Path(path).is_file():
        raise BuildError(f"Chromium not found at {path}: install it with 'apt-get install chromium' "
                         "or set ROUTEKIT_CHROMIUM")
    return path


def _index_html(site: Path) -> Path:
    site = Path(site)
    if site.is_file():
        return site
    for candidate in (site / "index.html", site / "singlehtml" / "index.html"):
        if candidate.is_file():
            return candidate
    raise BuildError(f"{site}: no index.html (build it with 'jupyter-book build SRC --builder singlehtml')")


def _pages_text(pdf: Path) -> list[str]:
    """Text of each page (pdftotext separates pages with form feeds)."""
    if not shutil.which("pdftotext"):
        return []
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")


def chapter_pages(pages: list[str], titles: list[str], first_page: int) -> list[int | None]:
    """1-based page where each title first appears, searching in order from ``first_page``."""
    found: list[int | None] = []
    start = first_page - 1
    for title in titles:
        needle = " ".join(title.split())
        page_no = None
        for index in range(start, len(pages)):
            if needle and needle in " ".join(pages[index].split()):
                page_no, start = index + 1, index
                break
        found.append(page_no)
    return found


def build_pdf(site, out_pdf, title: str, period_label: str, generated_date: str, lang: str = "nl") -> Path:
    """Print the single-page HTML build at ``site`` to ``out_pdf`` (A4, title page, contents,
    page numbers). ``generated_date`` is shown as given (format it with ``i18n.format_date``)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    index = _index_html(Path(site))
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    css = Path(__file__).with_name("assets").joinpath("routekit", "routekit.css").read_text("utf-8")
    labels = [title, t("pdf.period", lang, period=period_label), t("pdf.generated", lang, date=generated_date),
              t("pdf.contents", lang)]
    pdf_options = dict(format="A4", print_background=True, display_header_footer=True,
                       header_template="<div></div>",
                       footer_template=_FOOTER.format(page=t("pdf.page", lang), of=t("pdf.of", lang)),
                       margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                       outline=True, tagged=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 800, "height": 1100})
                page.goto(index.resolve().as_uri(), wait_until="load")
                page.wait_for_function("() => window.routekitReady === true || !document.querySelector('.rk-vega')",
                                       timeout=RENDER_TIMEOUT_MS)
                page.emulate_media(media="print")
                page.evaluate("css => { window.__rkPrintCss = css; }", css + _HIDE_ON_PAPER)
                titles = page.evaluate(_DECORATE_JS, labels)
                with tempfile.TemporaryDirectory() as tmp:
                    draft = Path(tmp) / "draft.pdf"
                    page.pdf(path=str(draft), **pdf_options)
                    numbers = chapter_pages(_pages_text(draft), titles, first_page=3)
                page.evaluate("""nums => document.querySelectorAll('.rk-toc .rk-toc-page')
                                 .forEach((el, i) => { el.textContent = nums[i] == null ? '' : String(nums[i]); })""",
                              numbers)
                page.pdf(path=str(out_pdf), **pdf_options)
            finally:
                browser.close()
    except PlaywrightError as err:
        raise BuildError(f"printing {index} to PDF failed: {str(err).splitlines()[0]}") from err
    return out_pdf
