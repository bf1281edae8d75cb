"""The home-location and flow definition on DuckDB: the documented rules, and agreement with an
independent pandas statement of the same definition (routekit.mobility.oracle)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.errors import InputError, ParamError
from routekit.mobility.engines import DuckDBEngine
from routekit.mobility.inputs import event_files, read_cells
from routekit.mobility.oracle import run_pandas
from routekit.mobility.params import CdrParams, make_params

CELLS = pd.DataFrame({
    "cell_id": ["a1", "a2", "b1", "c1", "d1"],
    "lon": [4.9, 4.8, 5.1, 4.4, 3.7], "lat": [52.4, 52.3, 52.1, 51.9, 51.0],
    "country": ["NLD", "NLD", "NLD", "NLD", "BEL"],
    "region": ["NL-A", "NL-A", "NL-B", "NL-C", "BE-D"],
})


def run(tmp_path, rows, params=None, fmt="parquet"):
    """Engine results for event rows (subscriber, 'YYYY-MM-DD HH:MM', cell)."""
    events = pd.DataFrame(rows, columns=["subscriber", "timestamp", "cell_id"])
    CELLS.to_csv(tmp_path / "cells.csv", index=False)
    if fmt == "parquet":
        events = events.assign(timestamp=pd.to_datetime(events["timestamp"]))
        events.to_parquet(tmp_path / "events.parquet")
        path = tmp_path / "events.parquet"
    else:
        events.to_csv(tmp_path / "events.csv", index=False)
        path = tmp_path / "events.csv"
    files = event_files(path)
    return DuckDBEngine().run(files, read_cells(tmp_path / "cells.csv", files.cell_is_integer),
                              params or CdrParams(min_nights=1))


def homes(results) -> dict[str, str]:
    counts = results["home_counts"]
    return {f"{r.period}:{r.region}": r.subscribers for r in counts.itertuples()}


def nights(subscriber, cell, dates, hour="22:00"):
    return [(subscriber, f"{d} {hour}", cell) for d in dates]


def test_a_night_belongs_to_the_date_it_started(tmp_path):
    # 20:00 on the 4th and 02:00 on the 5th are one night: with min_nights=2 nobody is located.
    rows = [("s1", "2024-03-04 20:00", "a1"), ("s1", "2024-03-05 02:00", "a1")]
    results = run(tmp_path, rows, CdrParams(min_nights=2))
    assert results["period_totals"][["seen", "located"]].values.tolist() == [[1, 0]]
    assert run(tmp_path, rows, CdrParams(min_nights=1))["period_totals"]["located"].tolist() == [1]


def test_the_night_of_the_last_day_of_a_month_stays_in_that_month(tmp_path):
    rows = [("s1", "2024-02-01 01:30", "a1")]  # night of 31 January
    results = run(tmp_path, rows)
    assert results["home_counts"]["period"].tolist() == [2024 * 12 + 0]


def test_daytime_events_count_as_seen_not_as_nights(tmp_path):
    rows = [("s1", "2024-03-04 12:00", "a1"), ("s1", "2024-03-04 18:59", "b1"), ("s1", "2024-03-05 07:00", "b1")]
    results = run(tmp_path, rows)
    assert results["period_totals"][["seen", "located"]].values.tolist() == [[1, 0]]
    assert results["home_counts"].empty


def test_home_is_the_region_with_most_nights_not_most_events(tmp_path):
    rows = nights("s1", "a1", ["2024-03-01", "2024-03-02", "2024-03-03"])
    rows += [("s1", f"2024-03-10 {h}:00", "b1") for h in range(19, 24)]  # 5 events, one night
    assert homes(run(tmp_path, rows)) == {f"{2024 * 12 + 2}:NL-A": 1}


def test_ties_go_to_more_events_then_the_latest_night_then_the_smallest_code(tmp_path):
    march = 2024 * 12 + 2
    more_events = nights("s1", "a1", ["2024-03-01"]) + nights("s1", "b1", ["2024-03-02"]) \
        + [("s1", "2024-03-02 23:00", "b1")]
    assert homes(run(tmp_path, more_events)) == {f"{march}:NL-B": 1}
    latest = nights("s1", "b1", ["2024-03-01"]) + nights("s1", "a1", ["2024-03-20"])
    assert homes(run(tmp_path, latest)) == {f"{march}:NL-A": 1}
    latest = nights("s1", "a1", ["2024-03-01"]) + nights("s1", "b1", ["2024-03-20"])
    assert homes(run(tmp_path, latest)) == {f"{march}:NL-B": 1}
    same_night = [("s1", "2024-03-01 22:00", "b1"), ("s1", "2024-03-01 23:00", "a2")]
    assert homes(run(tmp_path, same_night)) == {f"{march}:NL-A": 1}


def test_the_latest_night_is_compared_across_the_months_of_a_period(tmp_path):
    # One night in each of two regions of a quarter; the later night wins over the smaller code.
    params = CdrParams(min_nights=1, period_months=3)
    quarter = (2024 * 12) // 3
    # 1 February is later than 31 January although its day of the month is smaller
    later_month = nights("s1", "a1", ["2024-01-31"]) + nights("s1", "b1", ["2024-02-01"])
    assert homes(run(tmp_path, later_month, params)) == {f"{quarter}:NL-B": 1}
    # the 31st is the highest night bit of a month
    later_day = nights("s1", "a1", ["2024-01-30"]) + nights("s1", "b1", ["2024-01-31"])
    assert homes(run(tmp_path, later_day, params)) == {f"{quarter}:NL-B": 1}


def test_subscribers_with_too_few_nights_are_unlocatable(tmp_path):
    rows = nights("s1", "a1", ["2024-03-01", "2024-03-02", "2024-03-03"]) + nights("s2", "a1", ["2024-03-01"])
    results = run(tmp_path, rows, CdrParams(min_nights=3))
    assert results["period_totals"][["seen", "located"]].values.tolist() == [[2, 1]]
    assert homes(results) == {f"{2024 * 12 + 2}:NL-A": 1}


def test_flows_link_homes_of_consecutive_periods(tmp_path):
    rows = nights("mover", "a1", ["2024-03-01"]) + nights("mover", "d1", ["2024-04-01"])
    rows += nights("stayer", "c1", ["2024-03-05", "2024-04-05"])
    rows += nights("gap", "a1", ["2024-03-05"]) + nights("gap", "b1", ["2024-05-05"])
    flows = run(tmp_path, rows)["flows"]
    april = 2024 * 12 + 3
    assert flows.values.tolist() == [[april, "NL-A", "BE-D", 1], [april, "NL-C", "NL-C", 1]]


def test_quarters_and_a_window_after_midnight(tmp_path):
    params = CdrParams(min_nights=1, period_months=3, night_start_hour=0, night_end_hour=6)
    rows = [("s1", "2024-01-01 03:00", "a1"), ("s1", "2024-04-01 03:00", "b1"), ("s1", "2024-04-01 22:00", "c1")]
    results = run(tmp_path, rows, params)
    # 03:00 on 1 January is the night of 31 December: quarter 2023-Q4; 22:00 is not night here.
    assert homes(results) == {f"{(2023 * 12 + 9) // 3}:NL-A": 1, f"{(2024 * 12) // 3}:NL-B": 1}


def test_bad_events_are_counted_by_reason_not_used(tmp_path):
    rows = nights("s1", "a1", ["2024-03-01"]) + [("s1", "not a time", "a1"), ("s1", "2024-03-01 23:00", "zz"),
                                                 (None, "2024-03-01 23:00", "a1"), ("s1", "2024-03-01 23:00", None)]
    counts = run(tmp_path, rows, fmt="csv")["event_counts"]
    assert dict(zip(counts["reject_reason"], counts["events"])) == {
        None: 1, "missing or unparsable timestamp": 1, "cell id not in cell table": 1,
        "missing subscriber": 1, "missing cell id": 1}


def random_events(seed: int, n: int, subscribers: int = 400) -> pd.DataFrame:
    """Busy random events over four months, with a few bad rows, for engine comparisons."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2024-01-01").value // 10**9
    seconds = rng.integers(0, 120 * 86400, n)
    cells = np.array(CELLS["cell_id"].tolist() + ["unknown"])
    events = pd.DataFrame({
        "subscriber": pd.Series(rng.integers(0, subscribers, n)).map(lambda i: f"tok{i:05d}"),
        "timestamp": pd.to_datetime(start + seconds, unit="s"),
        "cell_id": cells[rng.choice(len(cells), n, p=[0.3, 0.1, 0.3, 0.15, 0.1, 0.05])],
    })
    return events


@pytest.mark.parametrize("fmt,params", [
    ("parquet", CdrParams(min_nights=4)),
    ("csv", CdrParams(min_nights=2, period_months=3, night_start_hour=22, night_end_hour=5)),
])
def test_duckdb_agrees_with_the_independent_pandas_statement(tmp_path, fmt, params):
    events = random_events(3, 30_000)
    CELLS.to_csv(tmp_path / "cells.csv", index=False)
    path = tmp_path / f"events.{fmt}"
    if fmt == "csv":
        events = events.assign(timestamp=events["timestamp"].dt.strftime("%Y-%m-%d %H:%M:%S"))
        events.to_csv(path, index=False)
    else:
        events.to_parquet(path)
    files = event_files(path)
    cells = read_cells(tmp_path / "cells.csv", files.cell_is_integer)
    expected = run_pandas(events, cells, params)
    actual = DuckDBEngine().run(files, cells, params)
    assert len(actual["flows"]) > 10
    for name in expected:
        pd.testing.assert_frame_equal(actual[name], expected[name], check_dtype=False)


def test_a_night_window_over_noon_is_refused():
    with pytest.raises(ParamError, match="noon"):
        make_params(night_start_hour=10, night_end_hour=14)
    with pytest.raises(ParamError, match="min_nights"):
        make_params(min_nights=0)


def test_input_problems_name_file_row_and_field(tmp_path):
    pd.DataFrame({"subscriber": ["a"], "cell_id": ["a1"]}).to_csv(tmp_path / "events.csv", index=False)
    with pytest.raises(InputError, match=r"events.csv, field 'timestamp'"):
        event_files(tmp_path / "events.csv")
    with pytest.raises(InputError, match="no event files"):
        event_files(tmp_path / "nothing-here")
    bad = CELLS.copy()
    bad.loc[2, "lat"] = 123.0
    bad.to_csv(tmp_path / "cells.csv", index=False)
    with pytest.raises(InputError, match=r"cells.csv, row 3, field 'lat'"):
        read_cells(tmp_path / "cells.csv")
    bad = CELLS.copy()
    bad.loc[4, "region"] = "NL-A"
    bad.to_csv(tmp_path / "cells.csv", index=False)
    with pytest.raises(InputError, match="more than one country"):
        read_cells(tmp_path / "cells.csv")
