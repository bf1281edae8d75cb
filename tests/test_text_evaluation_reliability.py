"""The reliability table's honesty on a small file (issue 15 item 2): per fifth a 90% interval for the exact rate
and whether the mean confidence lies in it, so a user can tell a real miscalibration from chance."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from routekit.text.commands import evaluate_extraction
from routekit.text.evaluation import INTERVAL_LEVEL, by_file, chance_outside, outside_interval, reliability


def _wilson(hits: int, n: int, z: float = 1.6448536269514722) -> tuple[float, float]:
    """The Wilson score interval, written out (90%: z = 1.645)."""
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _rows(confidences: list[float], exact: list[bool]) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"r{i:03d}" for i in range(len(exact))], "confidence": confidences, "exact": exact})


def test_each_fifth_has_a_90_percent_wilson_interval_and_says_whether_its_confidence_lies_in_it():
    # five fifths of 20 rows: 10 exact in each; the mean confidence 0.50, 0.60, 0.70, 0.80, 0.90
    confidences = [c for c in (0.5, 0.6, 0.7, 0.8, 0.9) for _ in range(20)]
    exact = [i % 2 == 0 for i in range(100)]
    table = reliability(_rows(confidences, exact))
    low, high = _wilson(10, 20)
    assert list(table["rows"]) == [20] * 5 and list(table["exact"]) == [0.5] * 5
    assert table["low"].tolist() == pytest.approx([low] * 5, abs=1e-9)
    assert table["high"].tolist() == pytest.approx([high] * 5, abs=1e-9)
    # 10 of 20 is consistent with 0.5-0.65 at 90%, not with 0.7 or more
    assert high == pytest.approx(0.6726, abs=1e-3)
    assert table["inside"].tolist() == [True, True, False, False, False]
    assert outside_interval(_rows(confidences, exact)) == 3


def test_the_interval_narrows_with_more_rows_and_a_gap_of_chance_size_is_inside():
    few = reliability(_rows([0.8] * 25, [True] * 17 + [False] * 8))      # fifths of 5 rows
    many = reliability(_rows([0.8] * 500, [True] * 340 + [False] * 160))  # fifths of 100 rows
    assert (few["high"] - few["low"]).min() > (many["high"] - many["low"]).max()
    # the same gap -0.20: 3 of 5 rows exact at confidence 0.8 is no proof, 60 of 100 is
    small = reliability(_rows([0.8] * 5, [True, True, True, False, False]), bins=1)
    large = reliability(_rows([0.8] * 100, [True] * 60 + [False] * 40), bins=1)
    assert small["gap"].iloc[0] == pytest.approx(-0.2) and bool(small["inside"].iloc[0])
    assert large["gap"].iloc[0] == pytest.approx(-0.2) and not bool(large["inside"].iloc[0])


def test_an_all_exact_fifth_has_an_interval_below_one_sided_certainty():
    table = reliability(_rows([0.95] * 20, [True] * 20), bins=1)
    low, high = _wilson(20, 20)
    assert table["low"].iloc[0] == pytest.approx(low) and table["high"].iloc[0] == pytest.approx(1.0)
    assert bool(table["inside"].iloc[0])            # 20 of 20 does not refute 0.95


def test_evaluate_extraction_prints_the_interval_per_fifth_and_how_many_fifths_lie_outside(tmp_path):
    app = typer.Typer()
    app.command("evaluate-extraction")(evaluate_extraction)
    app.command("unused")(lambda: None)
    gold = tmp_path / "gold.csv"
    pd.DataFrame({"id": [f"r{i}" for i in range(10)],
                  "text": ["Ik ben met de bus van Turkije naar Bulgarije gereisd en met de trein naar Nederland."] * 5
                  + ["Ik kwam uit Syrië via Turkije en Griekenland naar Nederland."] * 5,
                  "route": ["TUR>BGR>NLD"] * 5 + ["SYR>TUR>GRC>NLD"] * 5}).to_csv(gold, index=False)
    completed = CliRunner().invoke(app, ["evaluate-extraction", str(gold), "--worst", "0"])
    assert completed.exit_code == 0, completed.output
    assert "90% low" in completed.output and "90% high" in completed.output and "inside" in completed.output
    assert "largest |gap| of a fifth:" in completed.output
    assert "mean confidence outside the 90% interval of its exact rate:" in completed.output
    assert "of 5 fifths" in completed.output
    # one fifth outside is what a calibrated confidence shows 41% of the time: only two or more is a miscalibration
    assert "1 or more outside 41% of the time, 2 or more 8%" in " ".join(completed.output.split())


def test_one_fifth_outside_is_chance_two_or_more_is_rare():
    # each of 5 fifths outside its 90% interval with 0.1: P(>= 1) = 1 - 0.9^5, P(>= 2) = that - 5 x 0.1 x 0.9^4
    assert chance_outside() == pytest.approx(1 - 0.9 ** 5) and round(chance_outside(), 2) == 0.41
    assert chance_outside(at_least=2) == pytest.approx(1 - 0.9 ** 5 - 5 * 0.1 * 0.9 ** 4)
    assert round(chance_outside(at_least=2), 2) == 0.08
    assert chance_outside(bins=10, level=0.95, at_least=1) == pytest.approx(1 - 0.95 ** 10)


def test_the_reliability_interval_follows_the_one_interval_level(monkeypatch):
    import routekit.text.evaluation as evaluation

    rows = _rows([0.6] * 20, [True] * 10 + [False] * 10)
    assert reliability(rows, bins=1)["low"].iloc[0] == pytest.approx(_wilson(10, 20)[0])
    assert INTERVAL_LEVEL == 0.90
    wider = reliability(rows, bins=1, level=0.99)
    assert wider["low"].iloc[0] < _wilson(10, 20)[0]
    # the default is the module's INTERVAL_LEVEL, not a second hard-coded 0.90
    assert evaluation.reliability.__defaults__[-1] is evaluation.INTERVAL_LEVEL


def test_the_per_file_table_counts_each_files_fifths_outside_their_interval():
    good = _rows([0.5] * 100, [i % 2 == 0 for i in range(100)]).assign(file="good")
    over = _rows([0.9] * 100, [i % 2 == 0 for i in range(100)]).assign(file="over")
    pooled = pd.concat([good, over], ignore_index=True).assign(corridor="", gold_corridor="")
    table = by_file(pooled)
    assert table.loc["good", "fifths_outside"] == 0 and table.loc["over", "fifths_outside"] == 5
    assert table.loc["over", "largest_gap"] == pytest.approx(0.4)


def test_the_per_file_table_shows_its_calibration_columns_whole_in_80_columns(tmp_path):
    app = typer.Typer()
    app.command("evaluate-extraction")(evaluate_extraction)
    app.command("unused")(lambda: None)
    paths = []
    for name in ("extraction_first_writer", "extraction_second_writer"):
        path = tmp_path / f"{name}.csv"
        pd.DataFrame({"id": [f"r{i}" for i in range(5)],
                      "text": ["Ik kwam uit Syrië via Turkije en Griekenland naar Nederland."] * 5,
                      "route": ["SYR>TUR>GRC>NLD"] * 5}).to_csv(path, index=False)
        paths.append(str(path))
    completed = CliRunner().invoke(app, ["evaluate-extraction", *paths, "--worst", "0"], terminal_width=80)
    assert completed.exit_code == 0, completed.output
    header = next(line for line in completed.output.splitlines() if "┃ file" in line)
    assert "max|gap|" in header and "outside" in header and "…" not in header
    assert "│ first_writer " in completed.output and "│ second_writer " in completed.output   # prefix dropped
