"""The header-line pattern of ``Vocabulary.ignored_spans`` reads a line's value in runs (issue 15, speed): it ends
where the lazy definition "[^\\n]*?(?=answer label|$)" ends, on real records and on made-up lines."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd
import pytest

from routekit.text.normalise import fold
from routekit.text.vocabulary import _raw, _select, pattern_regex, vocabulary

SAMPLE = Path(__file__).parent / "data" / "text_speed_regression.csv"


def _lazy_definition(language: str) -> re.Pattern[str]:
    fields = _select(_raw()[0].get("ignored_fields"), language)
    labels = "|".join(pattern_regex(f) for f in sorted(fields, key=len, reverse=True))
    return re.compile(r"(?m)\n[ \t]*(?:" + labels + r")[ \t]*:[^\n]*?(?=\s(?:a|antwoord|answer)\s*:|$)")


@pytest.mark.parametrize("language", ["nl", "en", "unknown"])
def test_header_lines_end_where_the_lazy_pattern_ends(language):
    fast = vocabulary(language).ignored_lines
    lazy = _lazy_definition(language if language in ("nl", "en") else "both")
    fields = _select(_raw()[0].get("ignored_fields"), "both")
    texts = [fold(text) for text in pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)["text"]]
    rng = random.Random(4)
    pieces = ["\n", " ", "\t", "\r", "\u00a0", "a", ":", "antwoord", "answer", "?", ".", "x", " a :", "\na:", "\n a\n:"]
    pieces += [fold(field.split()[0]) for field in fields[:12]]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16))) for _ in range(20_000)]
    matched = 0
    for text in texts:
        expected = [m.span() for m in lazy.finditer("\n" + text)]
        assert [m.span() for m in fast.finditer("\n" + text)] == expected, text
        matched += bool(expected)
    assert matched > 500   # the lines were there to be read
