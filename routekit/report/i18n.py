"""Every word on the report's charts, maps and PDF, in Dutch (default) and English.

Strings live in ``assets/i18n.yaml`` (one key, both languages); numbers, months and dates are
formatted by Babel (CLDR's Dutch and British English), and intervals and periods here, so a chart,
a table caption and the PDF title page say "3e kwartaal 2025" or "1.234,5" the same way.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from routekit.errors import ParamError

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # CLDR locales behind the report's two languages


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """All translated strings: key -> {"nl": ..., "en": ...}."""
    text = resources.files("routekit.report").joinpath("assets", "i18n.yaml").read_text("utf-8")
    return {str(key): value for key, value in yaml.safe_load(text).items()}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ParamError("language", lang, f"must be one of {', '.join(LANGUAGES)}")
    return lang


def t(key: str, lang: str = DEFAULT_LANGUAGE, **fmt) -> str:
    """The string for ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``."""
    check_language(lang)
    try:
        text = strings()[key][lang]
    except KeyError:
        raise KeyError(f"no {lang} text for i18n key '{key}' (add it to report/assets/i18n.yaml)") from None
    return text.format(**fmt) if fmt else text


def month_name(month: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """The month's name as it stands on its own ('maart', 'March')."""
    from babel.dates import format_date as babel_date

    return babel_date(date(2000, int(month), 1), "LLLL", locale=LOCALES[check_language(lang)])


def format_number(x, lang: str = DEFAULT_LANGUAGE, decimals: int | None = None) -> str:
    """1234.5 -> '1.234,5' (nl) or '1,234.5' (en); whole numbers without decimals by default."""
    check_language(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return t("value.suppressed", lang)
    from babel.numbers import format_decimal

    value = float(x)
    if decimals is None:
        decimals = 0 if value == round(value) else 1
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def format_percent(share, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """0.123 -> '12%' ; a share in [0, 1] shown as a percentage."""
    return t("value.percent", lang, value=format_number(100 * float(share), lang, decimals))


def _missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def format_interval(est, lo, hi, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """'1.234 (interval 1.100 – 1.400)'; a missing estimate reads 'not published'."""
    if _missing(est):
        return t("value.suppressed", lang)
    estimate = format_number(est, lang, decimals)
    if _missing(lo) or _missing(hi):
        return estimate
    return t("value.interval", lang, estimate=estimate,
             lower=format_number(lo, lang, decimals), upper=format_number(hi, lang, decimals))


def format_month(value, lang: str = DEFAULT_LANGUAGE) -> str:
    """'2025-01' (or a date) -> 'januari 2025' / 'January 2025'."""
    stamp = pd.Timestamp(value)
    return t("period.month", lang, month=month_name(stamp.month, lang), year=stamp.year)


def format_date(value, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date -> '3 maart 2025' / '3 March 2025'."""
    stamp = pd.Timestamp(value)
    return t("period.date", lang, day=stamp.day, month=month_name(stamp.month, lang), year=stamp.year)


# Calendar blocks a reporting period can be: name -> months per block.
_BLOCKS = (("year", 12), ("half", 6), ("tertial", 4), ("quarter", 3), ("month", 1))


def format_period(start, end, lang: str = DEFAULT_LANGUAGE) -> str:
    """Name a reporting period from its first and last day (or month).

    A whole month, quarter ('3e kwartaal 2025' / 'Q3 2025'), tertial ('2e tertiaal 2025' /
    'T2 2025'), half year or year is named as such; anything else as a range of months
    ('januari 2025 t/m mei 2025') or, when not on month bounds, of dates.
    """
    check_language(lang)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if len(str(end)) == 7:  # 'YYYY-MM': the whole month
        last = last + pd.offsets.MonthEnd(0)
    if last < first:
        raise ParamError("period", f"{start}..{end}", "ends before it starts")
    on_month_bounds = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
    if on_month_bounds and first.year == last.year:
        months = last.month - first.month + 1
        for name, size in _BLOCKS:
            if months == size and (first.month - 1) % size == 0:
                n = (first.month - 1) // size + 1
                if name == "month":
                    return format_month(first, lang)
                return t(f"period.{name}", lang, n=n, year=first.year)
    if on_month_bounds:
        return t("period.range", lang, start=format_month(first, lang), end=format_month(last, lang))
    return t("period.range", lang, start=format_date(first, lang), end=format_date(last, lang))


def format_period_label(label, lang: str = DEFAULT_LANGUAGE) -> str:
    """The estimate stage's period label ('2025-07/2025-09', or one month '2025-07') in words
    ('3e kwartaal 2025'); anything else is returned as it is."""
    text = str(label)
    parts = text.split("/")
    if 1 <= len(parts) <= 2 and all(re.fullmatch(r"\d{4}-\d{2}", part) for part in parts):
        return format_period(parts[0], parts[-1], lang)
    return text


def vega_locale(lang: str = DEFAULT_LANGUAGE) -> dict:
    """Number and time format locale for Vega-Lite's ``config.locale``.

    Put in every chart's config, so month names on axes and thousands separators are
    localised both in the browser and when vl-convert renders the static (PDF) version.
    """
    check_language(lang)
    months = [month_name(m, lang) for m in range(1, 13)]
    if lang == "nl":
        number = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
        days = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]
        time = {"dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S"}
    else:
        number = {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}
        days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        time = {"dateTime": "%x, %X", "date": "%-m/%-d/%Y", "time": "%-I:%M:%S %p"}
    time.update(periods=["AM", "PM"], days=days, shortDays=[d[:2] if lang == "nl" else d[:3] for d in days],
                months=months, shortMonths=[t(f"month_short.{m}", lang) for m in range(1, 13)])
    return {"number": number, "time": time}


def today_label(lang: str = DEFAULT_LANGUAGE) -> str:
    return format_date(date.today(), lang)
