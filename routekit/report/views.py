"""The report's views by their old address: each now lives in its chapter's module under
routekit.report.chapters (one module per chapter, shared helpers in chapters.common).

Kept so code and notebooks written against ``views`` still run; new code imports the chapter.
"""

from __future__ import annotations

from routekit.report.chapters.common import (  # noqa: F401
    _corridor_label,
    cell_mark,
    estimate_rows,
    period_estimates,
    grade_label,
    _placeable,
    max_over_sources,
    _change,
    public_gap,
    public_gap_sentence,
    _gap_or,
    _series_name,
    frontex_frame,
    iom_frame,
)
from routekit.report.chapters.summary import (  # noqa: F401
    key_numbers_table,
    corridor_period_table,
    public_reading,
    _signed_percent,
    show_summary,
    findings_sentences,
)
from routekit.report.chapters.route_map import (  # noqa: F401
    legs_frame,
    legs_table,
    route_map_legs,
    show_route_map,
    show_corridor_map,
)
from routekit.report.chapters.trends import (  # noqa: F401
    corridor_trend_frame,
    show_corridor_trends,
    corridor_trend_table,
)
from routekit.report.chapters.entry_points import (  # noqa: F401
    entry_point_frame,
    _crossing_type,
    entry_point_table,
    show_entry_points,
)
from routekit.report.chapters.nationalities import (  # noqa: F401
    nationality_frame,
    nationality_table,
    show_nationalities,
)
from routekit.report.chapters.sources_unseen import (  # noqa: F401
    unseen_table,
    show_source_agreement,
    agreement_table,
    _AGREEMENT_WORDS,
    public_agreement_groups,
    show_public_agreement,
    mobility_flows_table,
)
from routekit.report.chapters.safety import (  # noqa: F401
    iom_corridor_table,
    show_safety_map,
    smuggler_table,
    mode_table,
)
from routekit.report.chapters.eu_context import (  # noqa: F401
    frontex_route_table,
    frontex_nationality_table,
    show_frontex_trends,
    eurostat_nl_table,
    frontex_revisions_table,
    show_frontex_revisions,
    show_eurostat_nl,
)
from routekit.report.chapters.data_quality import (  # noqa: F401
    quality_frame,
    quality_table,
    show_quality,
    coverage_table,
)
from routekit.report.chapters.methods import (  # noqa: F401
    sources_table,
    parameters_table,
    public_sources_table,
    limitations,
    ethics_statement,
)
