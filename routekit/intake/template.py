"""``routekit intake template``: a commented starting profile, derived from the source's schema.

The template is written from the registered schema (fields, date and ISO3 formats, v-number
width, allowed values), so it follows the schema when a field is added. As printed it reads
routekit's own canonical CSV; a partner edits the headers and rules to fit its export.
"""

from __future__ import annotations

import json
import re

from routekit.sources import get_source

_WIDTH = 44


def _checks(column) -> dict[str, object]:
    """What the schema demands of a column, from pandera's check statistics."""
    found: dict[str, object] = {}
    for check in column.checks:
        stats = getattr(check, "statistics", {}) or {}
        if check.name == "str_matches":
            found["pattern"] = str(stats.get("pattern", ""))
        elif check.name == "isin":
            found["allowed"] = list(stats.get("allowed_values", []))
    return found


def _rule(name: str, column) -> tuple[str | None, str]:
    """The starting ``values`` rule for a field and a comment saying what routekit needs."""
    checks = _checks(column)
    pattern = checks.get("pattern", "")
    if pattern == r"^\d{4}-\d{2}-\d{2}$":
        return '{date: "%Y-%m-%d"}', 'strptime format(s), e.g. "%d-%m-%Y"; Excel date cells are dates already'
    if pattern == r"^[A-Z]{3}$":
        return "{country: iso3}", "iso3 | iso2 (EL, UK, XK too) | name_nl | name_en, or a list"
    width = re.fullmatch(r"\^\\d\{(\d+)\}\$", str(pattern))
    if width:
        return f"{{digits: {width.group(1)}}}", "digits kept, left-padded with zeros; lost digits are rejects"
    if "allowed" in checks:
        allowed = [str(value) for value in checks["allowed"]]
        pairs = ", ".join(f"{json.dumps(value)}: {json.dumps(value)}" for value in allowed)
        return f"{{map: {{{pairs}}}}}", "export's value: routekit's value (" + ", ".join(allowed) + ")"
    return None, ""


def _field_note(name: str, column, source) -> str:
    notes = []
    if name == source.id_column:
        notes.append("unique per row")
    if name == source.date_column:
        notes.append("decides the month")
    if name == source.text_column:
        notes.append("free text; never published")
    if column.nullable:
        notes.append("may be empty")
    return "; ".join(notes)


def profile_template(source_name: str) -> str:
    """The template as YAML text with comments."""
    source = get_source(source_name)
    if source.schema is None:
        from routekit.errors import RoutekitError

        raise RoutekitError(f"source '{source_name}' has no extract schema to write a profile for")
    lines = [
        f"# Intake profile for source '{source.name}': {source.title_en}.",
        "# Describe your export once; then:",
        f"#   routekit intake check --profile THIS.yaml EXPORT",
        f"#   routekit release --source {source.name} --input EXPORT --profile THIS.yaml --out RELEASE_DIR",
        "# As written, this profile reads routekit's own canonical CSV. Every key is in the README",
        "# ('Using your own data').",
        f"source: {source.name}",
        "read:",
        _commented("  format: csv", "csv | xlsx | parquet (a .tsv is csv with delimiter \"\\t\")"),
        _commented("  encoding: utf-8-sig", "csv only; any Python codec: utf-8, utf-8-sig, cp1252, latin-1"),
        _commented('  delimiter: ","', 'csv only: ",", ";" or "\\t"'),
        _commented("  header_row: 1", "1-based row of the header; rows above it are skipped"),
        _commented("  # sheet: Blad1", "xlsx only: the worksheet (default: the first)"),
        _commented("columns:", "routekit field: your export's header"),
    ]
    rules = []
    for name, column in source.schema.columns.items():
        lines.append(_commented(f"  {name}: {json.dumps(name)}", _field_note(name, column, source)))
        rule, note = _rule(name, column)
        if rule:
            rules.append(_commented(f"  {name}: {rule}", note))
    if rules:
        lines.append(_commented("values:", "how a field's values become routekit's form"))
        lines.extend(rules)
    return "\n".join(lines) + "\n"


def _commented(text: str, comment: str) -> str:
    return f"{text.ljust(_WIDTH)} # {comment}" if comment else text
