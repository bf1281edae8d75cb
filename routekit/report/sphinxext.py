"""Sphinx extension that makes the report's charts and maps work offline.

Add ``routekit.report.sphinxext`` to ``sphinx: extra_extensions`` in ``_config.yml``. At build
time it writes Vega + Vega-Lite + vega-embed (bundled by vl-convert, matching Altair's
Vega-Lite version), Leaflet and the routekit runtime into ``_static/routekit/`` and puts them
in every page's ``<head>``. Pages then load nothing from the network, from a server or from
``file://``, whatever their depth in the site.
"""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

STATIC_SUBDIR = "routekit"
JS_FILES = ("routekit/vega-bundle.js", "routekit/leaflet/leaflet.js", "routekit/routekit.js")
CSS_FILES = ("routekit/leaflet/leaflet.css", "routekit/routekit.css")


def _assets() -> Path:
    return Path(str(resources.files("routekit.report").joinpath("assets")))


def vegalite_version() -> str | None:
    """The Vega-Lite minor version Altair writes specs for, if vl-convert bundles it."""
    import altair as alt
    import vl_convert as vlc

    wanted = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return wanted if wanted in vlc.get_vegalite_versions() else None


def _cache_dir() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "routekit"


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one classic script defining window.vegaEmbed.

    vl-convert emits ES code with top-level ``const`` declarations; wrapping it in a function
    keeps those out of the page's global scope so it can load as a plain ``<script>`` (ES
    modules are blocked on ``file://``). Cached per vl-convert version: bundling takes seconds.
    """
    import vl_convert as vlc

    version = vegalite_version()
    key = f"vega-bundle-{vlc.get_vega_version()}-vl{version or 'latest'}-{vlc.get_vega_embed_version()}.js"
    cached = _cache_dir() / key
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    code = "(function(){\n" + vlc.javascript_bundle(vl_version=version) + "\n})();\n"
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(code, encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass  # a read-only home only costs the bundling time again
    return code


def write_static_files(static_root: Path) -> Path:
    """Write the offline runtime into ``static_root/routekit``; returns that folder."""
    target = Path(static_root) / STATIC_SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    assets = _assets()
    shutil.copytree(assets / "leaflet", target / "leaflet", dirs_exist_ok=True)
    for name in ("routekit.js", "routekit.css"):
        shutil.copyfile(assets / "routekit" / name, target / name)
    bundle = target / "vega-bundle.js"
    code = vega_bundle()
    if not bundle.is_file() or bundle.read_text(encoding="utf-8") != code:
        bundle.write_text(code, encoding="utf-8")
    return target


def _on_builder_inited(app) -> None:
    if app.builder.format != "html":
        return
    static_root = Path(app.doctreedir) / "routekit_static"
    write_static_files(static_root)
    app.config.html_static_path = [*app.config.html_static_path, str(static_root)]
    # pydata-sphinx-theme logs a console error when no colour mode is set; a report is light.
    app.config.html_context.setdefault("default_mode", "light")


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree) -> None:
    """Keep the first of identical script entries.

    sphinx-thebe and sphinx-togglebutton register their inline config scripts once per
    environment read, and jupyter-book reads twice; a repeated ``const THEBE_JS_URL`` is a
    JavaScript error on every page, which would hide real errors from the browser tests.
    """
    seen: set[tuple] = set()
    unique = []
    for script in context.get("script_files", []):
        key = (str(getattr(script, "filename", script) or ""),
               tuple(sorted((k, str(v)) for k, v in getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    if "script_files" in context:
        context["script_files"] = unique


# sphinx-book-theme prints ``pagetitle`` (the page heading as plain text) raw in its print header
TITLE_CONTEXT_KEYS = ("docstitle", "shorttitle", "project", "pagetitle")


def _escape_titles(app, pagename, templatename, context, doctree) -> None:
    """The report title is a parameter, i.e. data: show it as text on every page.

    Sphinx templates do not autoescape, and the theme prints ``docstitle`` raw in the navbar, so
    a title holding ``<script>`` ran on every page. As ``Markup`` the escaped title is printed
    as is by ``{{ }}`` and not escaped twice by ``|e``.
    """
    from markupsafe import Markup, escape

    for key in TITLE_CONTEXT_KEYS:
        value = context.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[key] = escape(value)


def _escape_search_titles(app, exception) -> None:
    """Section titles in the search index as escaped HTML, like the page titles beside them.

    Sphinx 7's search page puts a matching section title into the results with ``innerHTML``
    (fixed upstream in Sphinx 8.2), so a report title holding ``<img src=x onerror=...>`` ran
    its script on ``search.html?q=...``: a crafted link, or a reader searching for the title.
    """
    import html
    import json

    index = Path(app.outdir) / "searchindex.js"
    if exception is not None or app.builder.format != "html" or not index.is_file():
        return
    text = index.read_text(encoding="utf-8")
    prefix, suffix = "Search.setIndex(", ")"
    if not (text.startswith(prefix) and text.rstrip().endswith(suffix)):
        return
    data = json.loads(text[len(prefix):text.rstrip().rindex(suffix)])
    titles = data.get("alltitles")
    if not isinstance(titles, dict):
        return
    escaped: dict[str, list] = {}
    for title, places in titles.items():
        escaped.setdefault(html.escape(title, quote=False), []).extend(places)
    data["alltitles"] = escaped
    index.write_text(prefix + json.dumps(data, separators=(",", ":"), sort_keys=True) + suffix, encoding="utf-8")


def _add_templates(app, config) -> None:
    """routekit's template overrides (accessibility fixes of theme components) come first.

    Added at config-inited: the builder makes its template loader from ``templates_path``
    before ``builder-inited`` fires.
    """
    config.templates_path = [str(_assets() / "templates"), *config.templates_path]


def setup(app):
    """Register the static files; scripts go in <head>, before any chart or map output."""
    app.connect("config-inited", _add_templates)
    for js in JS_FILES:
        app.add_js_file(js, priority=200)
    for css in CSS_FILES:
        app.add_css_file(css, priority=200)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=100)
    # after the theme's own handler (priority 500), which sets ``pagetitle``
    app.connect("html-page-context", _escape_titles, priority=900)
    app.connect("build-finished", _escape_search_titles)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
