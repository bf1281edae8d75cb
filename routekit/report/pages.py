"""The book's own pages (``book/<language>/*.md``): MyST Markdown templates filled in one Jinja2 pass.

A page names what it shows as ``{{title}}``, ``{{headline}}`` and so on. Every value is filled in
the same pass, so text that one value brings (a title holding ``{{editions}}``) is never read as
a template again. Values are text, not markup - the title is a parameter, i.e. data - and are
escaped for MyST Markdown by :func:`escape_markdown` as they are written; HTML autoescaping would
be the wrong escaping here (it leaves directives, roles and links alive). A block routekit
composed itself from escaped parts (the headline, the editions page) is passed as
:class:`MarkdownBlock` and written as it is. A key a page names that the build does not fill is an
error naming the page and line (``StrictUndefined``), never an empty spot on a published page.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from routekit.errors import InputError

_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """Text that MyST shows as itself: every ASCII punctuation character backslash-escaped.

    CommonMark lets any ASCII punctuation be escaped, so no directive (``{literalinclude}``),
    role, link, image, raw HTML, emphasis or math survives in a parameter's value.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


class MarkdownBlock(str):
    """MyST Markdown that routekit composed, its values already escaped: written as it is."""


def _as_markdown(value: object) -> str:
    return value if isinstance(value, MarkdownBlock) else escape_markdown(value)


_ENVIRONMENT = jinja2.Environment(
    autoescape=False,  # the target is Markdown, not HTML: _as_markdown escapes every value instead
    finalize=_as_markdown, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_page(text: str, values: dict[str, object], page: Path | str) -> str:
    """``text`` (the page ``page``) with every ``{{key}}`` filled from ``values``."""
    try:
        return _ENVIRONMENT.from_string(text).render(values)
    except jinja2.TemplateSyntaxError as error:
        raise InputError(page, f"not a valid page template: {error.message}", row=error.lineno) from None
    except jinja2.UndefinedError as error:
        name, line = _missing(text, error)
        raise InputError(page, f"the page names a value this build does not fill ({error.message}); it fills "
                               f"{', '.join(sorted(values))}", row=line, field=name) from None


def _missing(text: str, error: jinja2.UndefinedError) -> tuple[str | None, int | None]:
    """The missing key and the first line that names it (Jinja2 does not say where it was used)."""
    match = re.search(r"'([^']+)' is undefined", error.message or "")
    if not match:
        return None, None
    use = re.compile(r"\{\{-?\s*" + re.escape(match.group(1)) + r"\b")
    return match.group(1), next((n for n, line in enumerate(text.splitlines(), 1) if use.search(line)), None)


def render_pages(pages: Path, values: dict[str, object], leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    """Every ``*.md`` page in ``pages`` but ``leave_out``, by file name, filled from ``values``."""
    return {page.name: render_page(page.read_text(encoding="utf-8"), values, page)
            for page in sorted(Path(pages).glob("*.md")) if page.name not in leave_out}
