"""Cell values as exports hold them (text, numbers, Excel dates) to routekit's canonical text.

Each converter returns the canonical text, or raises ``Unmappable`` with a problem that names the
rule, never the value: reasons travel to the manifest and the ``intake check`` screen, and a
value could be a v-number or a name.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from routekit.intake.countries import to_iso3
from routekit.intake.profile import EXCEL_SERIAL, ValueRule

_EXCEL_EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's 1900 date system (after its 1900 leap-year bug)
_SCIENTIFIC = re.compile(r"^[+]?(\d+)(?:[.,](\d+))?[eE]([+-]?\d+)$")
_FLOAT_FORM = re.compile(r"^(\d+)[.,]0+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:([.,\u00a0\u202f ])\d{3})(?:\1\d{3})*$")
_GROUPS = re.compile(r"^\d+(?:([ \u00a0\u202f\-/])\d+)(?:\1\d+)*$")


class Unmappable(ValueError):
    """A value the profile cannot turn into routekit's form; the message is the rule, not the value."""


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def as_text(value: object) -> str:
    """A cell as text, the way the canonical CSV would hold it (whole numbers without '.0')."""
    if is_blank(value):
        return "" if not isinstance(value, str) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def convert(value: object, rule: ValueRule) -> str:
    """One value through one field's rule; ``map`` entries are tried first, as exceptions."""
    if rule.map is not None:
        text = as_text(value).strip()
        if text in rule.map:
            return rule.map[text]
        folded = {key.casefold(): target for key, target in rule.map.items()}
        if text.casefold() in folded:
            return folded[text.casefold()]
        if rule.date is None and rule.country is None and rule.digits is None:
            raise Unmappable("empty" if not text else "not in the profile's map")
    if is_blank(value):
        raise Unmappable("empty")
    if rule.date is not None:
        return to_date(value, rule.date)
    if rule.country is not None:
        return to_country(value, rule.country)
    return to_digits(value, rule.digits)


def to_date(value: object, formats: list[str]) -> str:
    """ISO date from an Excel date cell, a date-time, an Excel day number or text in one of ``formats``."""
    if isinstance(value, datetime):  # also pandas.Timestamp
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date().isoformat()
    text = as_text(value).strip()
    for fmt in formats:
        if fmt == EXCEL_SERIAL:
            if re.fullmatch(r"\d{1,6}", text) and 1 <= int(text) <= 2958465:  # up to 9999-12-31
                return (_EXCEL_EPOCH + timedelta(days=int(text))).date().isoformat()
            continue
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise Unmappable("not a date in the profile's format")


def to_country(value: object, schemes: list[str]) -> str:
    text = as_text(value)
    for scheme in schemes:
        code = to_iso3(text, scheme)
        if code:
            return code
    raise Unmappable(f"not a known country ({' | '.join(schemes)})")


def to_digits(value: object, width: int) -> str:
    """The digits of a number that a spreadsheet may have reformatted, left-padded to ``width``.

    Accepted: text digits; a whole number cell; '1234567890.0' (a float column); groups written
    with spaces, hyphens or thousands separators. Refused: scientific notation that dropped
    digits (1.23457E+09), decimals, anything longer than ``width``.
    """
    if isinstance(value, bool):
        raise Unmappable("not a number")
    if isinstance(value, int):
        digits = str(value) if value >= 0 else ""
    elif isinstance(value, float):
        if not value.is_integer() or value < 0:
            raise Unmappable("not a whole number")
        if value >= 2 ** 53:
            raise Unmappable("too large to be exact as a spreadsheet number")
        digits = str(int(value))
    else:
        digits = _digits_from_text(as_text(value).strip())
    if not digits:
        raise Unmappable("not a number")
    if len(digits) > width:
        raise Unmappable(f"more than {width} digits")
    return digits.rjust(width, "0")


def _digits_from_text(text: str) -> str:
    if text.isdigit() and text.isascii():
        return text
    scientific = _SCIENTIFIC.match(text)
    if scientific:
        whole, fraction, exponent = scientific.group(1), scientific.group(2) or "", int(scientific.group(3))
        try:
            number = Decimal(f"{whole}.{fraction or '0'}e{exponent}")
        except InvalidOperation:
            raise Unmappable("not a number") from None
        if number != number.to_integral_value():
            raise Unmappable("not a whole number")
        digits = str(int(number))
        if len((whole + fraction).lstrip("0")) < len(digits):
            # 1.23457E+09: the digits after the sixth were never written down and cannot be recovered
            raise Unmappable("precision lost (number written in scientific notation)")
        return digits
    float_form = _FLOAT_FORM.match(text)
    if float_form:
        return float_form.group(1)
    if _THOUSANDS.match(text) or _GROUPS.match(text):
        return re.sub(r"\D", "", text)
    if re.fullmatch(r"\d+[.,]\d+", text):
        raise Unmappable("not a whole number")
    raise Unmappable("not a number")
