"""The estimate stage's notes in the report's language, from codes with values.

The estimate stage writes each row's notes as codes with values (``note_codes``, see
``routekit.contracts.notes``); here each code becomes its ``note.<code>`` sentence from
``assets/i18n.yaml``, with names from ``note.name.*`` and numbers formatted by Babel
(``routekit.report.i18n``). Nothing is read back from English.
"""

from __future__ import annotations

from collections.abc import Callable

from routekit.contracts.notes import Note, loads
from routekit.report.i18n import format_number, format_percent, strings, t


def name(identifier: str, language: str) -> str:
    """A source's or a kind of source's name inside a note; an id without a name stays as written."""
    key = f"note.name.{identifier}"
    return t(key, language) if key in strings() else str(identifier)


def _names(values, language: str, joiner: str = ", ") -> str:
    return joiner.join(name(v, language) for v in values) if values else name("none", language)


def _and(values, language: str) -> str:
    return _names(values, language, f" {t('note.and', language)} ")


def _significant(value: float, language: str, digits: int) -> str:
    """A number to ``digits`` significant digits (0.333, 3, 1.22), in the language's notation."""
    written = f"{float(value):.{digits}g}"
    decimals = 0 if "e" in written or "." not in written else len(written.split(".")[1])
    return format_number(float(written), language, decimals)


#: how each value a note carries is written (every value name in ``CODES`` has one; a test checks)
VALUE_FORMATS: dict[str, Callable[[object, str], str]] = {
    "sources": _names, "lists": _names, "kinds": _names,
    "a": name, "b": name,
    "months": lambda v, lang: ", ".join(v),
    "n": lambda v, lang: format_number(v, lang, 0), "k": lambda v, lang: format_number(v, lang, 0),
    "threshold": lambda v, lang: format_number(v, lang, 0),
    "share": lambda v, lang: format_percent(v, lang, 0),
    "ratio": lambda v, lang: _significant(v, lang, 3), "low": lambda v, lang: _significant(v, lang, 3),
    "high": lambda v, lang: _significant(v, lang, 3), "factor": lambda v, lang: _significant(v, lang, 3),
    "max_ratio": lambda v, lang: _significant(v, lang, 6),
    "error": lambda v, lang: str(v),
    # values whose words depend on the note: filled in by ``note_text``
    "complete": lambda v, lang: "", "outside": lambda v, lang: "", "weight": lambda v, lang: "",
}


def note_text(note: Note, language: str) -> str:
    """One note in ``language`` (nl or en)."""
    values = note.values
    words = {key: VALUE_FORMATS[key](value, language) for key, value in values.items()}
    if note.code == "complete_registration":
        words["complete"], words["lists"] = _and(values["complete"], language), _and(values["lists"], language)
    elif note.code == "one_list_besides_registration":
        words["complete"], words["n"] = _names(values["complete"], language), format_number(len(values["lists"]),
                                                                                            language, 0)
    elif note.code == "shared_rate":
        words["sources"] = _and(values["sources"], language)
    elif note.code == "kinds_overlap":
        words["n"] = format_number(len(values["kinds"]), language, 0)
    elif note.code == "too_little_overlap":
        words["outside"] = t("note.too_little_overlap.outside", language,
                             sources=_names(values["outside"], language)) if values["outside"] else ""
    elif note.code == "suppressed_cells":
        words["weight"] = t("note.suppressed_cells.weight", language,
                            weight=format_number(values["weight"], language, 2)) if values["weight"] else ""
    return t(f"note.{note.code}", language, **words)


def note_in(cell: object, language: str, where: str = "estimates") -> str:
    """A ``note_codes`` cell as one ``; ``-separated text in ``language`` ('' for an empty cell)."""
    return "; ".join(note_text(note, language) for note in loads(cell, where))
