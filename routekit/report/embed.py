"""Display helpers for chapter notebooks: charts and maps as self-contained, offline HTML.

Altair's and folium's own HTML load Vega and Leaflet from CDNs; the report must work from disk
without network. These helpers emit plain ``text/html`` (which myst-nb passes through as raw
HTML) that relies only on the scripts ``routekit.report.sphinxext`` puts in every page head:
a chart is an empty container plus its Vega-Lite spec as JSON, drawn by ``routekit.js``; a map
is folium's map ``<div>`` and script without folium's CDN header.

Two CSS classes decide what shows where: ``rk-screen-only`` (hidden in print) and
``rk-print-only`` (shown only in print). A map is emitted twice: the interactive Leaflet map
for the screen and a static SVG (Altair geoshape rendered by vl-convert) for paper.
"""

from __future__ import annotations

import base64
import html
import json
from dataclasses import dataclass
from typing import Any

SCREEN_ONLY = "rk-screen-only"
PRINT_ONLY = "rk-print-only"


@dataclass(frozen=True)
class HtmlOutput:
    """A notebook output with an HTML body and a plain-text alternative (the alt text)."""

    html: str
    text: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        return {"text/html": self.html, "text/plain": self.text}


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: no '</script>' or '<!--' can close it early."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_spec(chart) -> dict:
    """The chart's Vega-Lite spec with its data inline (no files, no URLs)."""
    import altair as alt

    with alt.data_transformers.enable("default", max_rows=None):
        return chart.to_dict()


def _caption(alt_text: str, caption: str | None) -> str:
    visible = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    hidden = f'<span class="rk-visually-hidden">{html.escape(alt_text)}</span>'
    return visible + hidden


def chart_html(chart, alt_text: str, caption: str | None = None) -> str:
    """HTML for one chart: drawn by vega-embed on screen and (as SVG) in print."""
    spec = _json_for_script(chart_spec(chart))
    return (
        f'<figure class="rk-figure rk-chart">'
        f'<div class="rk-vega" role="img" aria-label="{html.escape(alt_text, quote=True)}"></div>'
        f'<script type="application/json" class="rk-spec">{spec}</script>'
        f"{_caption(alt_text, caption)}</figure>"
    )


def static_image_html(chart, alt_text: str, scale: float = 1.0) -> str:
    """An <img> holding the chart rendered to SVG by vl-convert (no JavaScript needed)."""
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(chart_spec(chart))
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img src="data:image/svg+xml;base64,{data}" '
        f'alt="{html.escape(alt_text, quote=True)}" style="width:{100 * scale:.0f}%">'
    )


def folium_parts(folium_map) -> tuple[str, str]:
    """The map's <div> and its script, with folium's CDN <script>/<link> header left out."""
    folium_map.default_js = []
    folium_map.default_css = []
    root = folium_map.get_root()
    root.render()
    return root.html.render(), root.script.render()


def map_html(folium_map, alt_text: str, static_chart=None, caption: str | None = None,
             height_px: int = 520) -> str:
    """HTML for one map: interactive Leaflet on screen, static SVG (if given) in print."""
    body, script = folium_parts(folium_map)
    interactive_class = SCREEN_ONLY if static_chart is not None else ""
    parts = [
        '<figure class="rk-figure rk-map-figure">',
        # a region, not an image: the map holds controls (zoom, layers), and an image may not
        # contain anything interactive (WCAG 4.1.2, axe 'nested-interactive')
        f'<div class="rk-map {interactive_class}" style="height:{height_px}px" role="region" '
        f'aria-label="{html.escape(alt_text, quote=True)}">{body}</div>',
        f"<script>{script}</script>",
    ]
    if static_chart is not None:
        parts.append(f'<div class="rk-static-map {PRINT_ONLY}">'
                     f"{static_image_html(static_chart, alt_text)}</div>")
    parts.append(_caption(alt_text, caption))
    parts.append("</figure>")
    return "".join(parts)


def show_chart(chart, alt_text: str, caption: str | None = None) -> None:
    """Display a chart in a chapter notebook; ``show_chart(*charts.corridor_trends(...))``."""
    _display(HtmlOutput(chart_html(chart, alt_text, caption), alt_text))


def show_map(folium_map, alt_text: str, static_chart=None, caption: str | None = None,
             height_px: int = 520) -> None:
    """Display a map; pass the static version from ``maps.*_static`` for the PDF.

    Returns nothing, so a cell ending in this call does not show the map twice.
    """
    _display(HtmlOutput(map_html(folium_map, alt_text, static_chart, caption, height_px),
                               alt_text))


def _display(output: HtmlOutput) -> None:
    from IPython.display import display

    display(output)
