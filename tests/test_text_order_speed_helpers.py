"""Speed helpers of the order/confidence code give the same answer as the plain expression they replace."""

import re

import pytest

from routekit.text.extraction import _codes_and_years

_PLAIN_CODE_OR_YEAR = re.compile(r"\b(?:[A-Z]{2,3}|19[5-9]\d|20\d\d)\b")


@pytest.mark.parametrize("text", [
    "via IR en TR naar GR in 2019", "LOS-CAI-AMS, 14-09-2022", "AB1 2019x A2020 ÉU 1999 X1999 _AB AB_ ABC ABCD 19999",
    "über AB", "1AB a1999 1949 1950 2099 2100", "Q: And Slovakia? A: Only the train station (BTS).", "",
    "AéB ÉUR 2019 2019 1989", "2019AB AB2019 ß2019 2019ß", "IR TR IR 2025",
])
def test_codes_and_years_match_the_plain_expression(text):
    found = _PLAIN_CODE_OR_YEAR.findall(text)
    codes = [token for token in found if not token[0].isdigit()]
    years = {token for token in found if token[0].isdigit()}
    assert _codes_and_years(text) == (len(codes), years)
