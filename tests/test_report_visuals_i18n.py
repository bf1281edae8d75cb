import re

import pytest

from routekit.errors import ParamError
from routekit.report import i18n


def test_every_key_has_dutch_and_english_text():
    for key, texts in i18n.strings().items():
        assert set(texts) >= {"nl", "en"}, key
        assert texts["nl"].strip() and texts["en"].strip(), key


def test_placeholders_are_the_same_in_both_languages():
    for key, texts in i18n.strings().items():
        assert set(re.findall(r"{(\w+)}", texts["nl"])) == set(re.findall(r"{(\w+)}", texts["en"])), key


def test_every_key_used_in_the_code_exists():
    from pathlib import Path
    import routekit.report as report

    folder = Path(report.__file__).parent
    used = set()
    for module in ("charts.py", "maps.py", "pdf.py", "i18n.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", (folder / module).read_text()))
    assert used, "no t('...') calls found"
    missing = sorted(k for k in used if k not in i18n.strings())
    assert not missing


def test_numbers_follow_the_language():
    assert i18n.format_number(1234.5, "nl") == "1.234,5"
    assert i18n.format_number(1234.5, "en") == "1,234.5"
    assert i18n.format_number(1234567, "nl") == "1.234.567"
    assert i18n.format_number(float("nan"), "en") == i18n.t("value.suppressed", "en")


def test_interval_and_missing_estimate():
    assert i18n.format_interval(1234, 1100, 1400, "nl") == "1.234 (interval 1.100 – 1.400)"
    assert i18n.format_interval(None, 1, 2, "en") == "not published (small count)"
    assert i18n.format_interval(50, None, None, "en") == "50"


@pytest.mark.parametrize("start,end,nl,en", [
    ("2025-01-01", "2025-01-31", "januari 2025", "January 2025"),
    ("2025-07-01", "2025-09-30", "3e kwartaal 2025", "Q3 2025"),
    ("2025-05", "2025-08", "2e tertiaal 2025", "T2 2025"),
    ("2025-01-01", "2025-12-31", "2025", "2025"),
    ("2025-02-01", "2025-05-31", "februari 2025 t/m mei 2025", "February 2025 to May 2025"),
    ("2025-02-03", "2025-02-17", "3 februari 2025 t/m 17 februari 2025", "3 February 2025 to 17 February 2025"),
])
def test_periods_are_named(start, end, nl, en):
    assert i18n.format_period(start, end, "nl") == nl
    assert i18n.format_period(start, end, "en") == en


def test_unknown_language_is_a_param_error():
    with pytest.raises(ParamError):
        i18n.t("label.month", "de")


def test_vega_locale_has_localised_months():
    assert i18n.vega_locale("nl")["time"]["months"][2] == "maart"
    assert i18n.vega_locale("nl")["time"]["shortMonths"][2] == "mrt"
    assert i18n.vega_locale("en")["number"]["thousands"] == ","
