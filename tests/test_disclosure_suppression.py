"""Primary and secondary suppression on small hand-made tables, including differencing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from routekit.disclosure.rule import Threshold, check_threshold
from routekit.disclosure.tables import CountTable, Margin, TableSet, assert_k_anonymous, determined_cells
from routekit.errors import DisclosureError

K = 10


def _corridor_tables(nationality_rows, totals_rows, month_total=None):
    totals = pd.DataFrame(totals_rows, columns=["month", "corridor", "count"])
    nationality = pd.DataFrame(nationality_rows, columns=["month", "corridor", "nationality", "count"])
    tables = [CountTable("totals", totals, ["month", "corridor"]),
              CountTable("nationality", nationality, ["month", "corridor", "nationality"])]
    margins = [Margin("totals", "nationality", ("month", "corridor"))]
    if month_total is not None:
        month = totals.groupby("month")["count"].sum().reset_index()
        tables.insert(0, CountTable("month_total", month.assign(hidden=not month_total), ["month"]))
        margins.append(Margin("month_total", "totals", ("month",)))
    return tables, margins


def _published(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["status"] == "published"]


def test_threshold_below_five_is_refused():
    with pytest.raises(DisclosureError, match="below the minimum 5"):
        check_threshold(4)
    assert check_threshold(5) == 5


def test_total_minus_published_parts_cannot_recover_a_small_cell():
    # total 40 = 25 + 12 + 3: publishing 25 and 12 would give away the 3
    tables, margins = _corridor_tables(
        [("2024-01", "central_med", "ERI", 25), ("2024-01", "central_med", "SDN", 12),
         ("2024-01", "central_med", "NGA", 3)],
        [("2024-01", "central_med", 40)])
    protected = TableSet(tables, margins, K)
    protected.protect()
    nationality = protected.result("nationality").set_index("nationality")
    totals = protected.result("totals")
    assert nationality.loc["NGA", "status"] == "suppressed"
    assert nationality.loc["SDN", "status"] == "suppressed"  # the smallest published part goes too
    assert nationality.loc["ERI", "status"] == "published"
    assert totals["status"].eq("published").all()
    # what an attacker can subtract: the total minus the published parts is the sum of two cells
    remainder = 40 - _published(nationality.reset_index())["count"].sum()
    assert remainder == 15 and remainder >= K


def test_suppressed_parts_must_hold_at_least_k_together():
    # 2 + 3 suppressed would leave "5" by differencing, itself below K: a third cell goes
    tables, margins = _corridor_tables(
        [("2024-01", "c", "A", 30), ("2024-01", "c", "B", 11), ("2024-01", "c", "C", 2),
         ("2024-01", "c", "D", 3)],
        [("2024-01", "c", 46)])
    protected = TableSet(tables, margins, K)
    protected.protect()
    nationality = protected.result("nationality").set_index("nationality")
    suppressed = nationality[nationality["status"] == "suppressed"].index
    assert set(suppressed) == {"B", "C", "D"}
    assert 46 - _published(nationality)["count"].sum() >= K


def test_two_tables_sharing_a_margin_cannot_be_differenced():
    # the month total is known (quality.records); corridor x has 4 persons. Its nationality
    # cells are all suppressed, but the month total minus the other corridor totals would give 4.
    tables, margins = _corridor_tables(
        [("2024-01", "x", "generalised:other", 4), ("2024-01", "y", "SYR", 30), ("2024-01", "y", "AFG", 20),
         ("2024-01", "z", "SYR", 15)],
        [("2024-01", "x", 4), ("2024-01", "y", 50), ("2024-01", "z", 15)],
        month_total=True)
    protected = TableSet(tables, margins, K)
    protected.protect()
    totals = protected.result("totals").set_index("corridor")
    assert totals.loc["x", "status"] == "suppressed"
    assert (totals["status"] == "suppressed").sum() >= 2
    # z (15) was suppressed to protect x; then z's own nationality row would give it back
    nationality = protected.result("nationality")
    z_rows = nationality[nationality["corridor"] == "z"]
    assert totals.loc["z", "status"] == "suppressed"
    assert z_rows["status"].eq("suppressed").any()
    assert not determined_cells(protected.counts, protected.suppressed, protected.equations)


def test_hidden_complement_below_k_is_protected():
    # "without text" is never written but equals records - with text; 1 person must not show
    month = pd.DataFrame({"month": ["2024-01"], "count": [40]})
    text = pd.DataFrame({"month": ["2024-01", "2024-01"], "has_text": ["yes", "no"], "count": [39, 1],
                         "hidden": [False, True]})
    protected = TableSet([CountTable("month_total", month, ["month"]),
                          CountTable("quality_text", text, ["month", "has_text"])],
                         [Margin("month_total", "quality_text", ("month",))], K)
    protected.protect()
    # with text (39) must go: records - with text would show the 1; 39 + 1 together are safe
    assert protected.result("quality_text")["status"].tolist() == ["suppressed"]
    assert protected.result("month_total")["status"].tolist() == ["published"]


def test_parts_that_do_not_add_up_are_an_internal_error():
    tables, margins = _corridor_tables([("2024-01", "c", "A", 30)], [("2024-01", "c", 31)])
    with pytest.raises(DisclosureError, match="does not add up"):
        TableSet(tables, margins, K)


def test_chain_across_tables_is_caught_by_the_audit():
    # x1 + x2 = 20 (published), x1 + x3 = 12, x2 + x3 = 14 -> three equations, three unknowns
    counts = np.array([20, 12, 14, 9, 11, 3])
    suppressed = np.array([False, False, False, True, True, True])
    equations = [(0, np.array([3, 4])), (1, np.array([3, 5])), (2, np.array([4, 5]))]
    assert determined_cells(counts, suppressed, equations) == [3, 4, 5]
    # one equation fewer: a free direction remains for every unknown
    assert determined_cells(counts, suppressed, equations[:2]) == []


def test_random_tables_never_publish_small_counts_or_determined_cells():
    rng = np.random.default_rng(7)
    for _ in range(25):
        rows = []
        for month in ("2024-01", "2024-02"):
            for corridor in ("a", "b", "c", "d"):
                for nationality in ("N1", "N2", "N3", "N4", "N5"):
                    count = int(rng.choice([0, 1, 2, 4, 8, 12, 30], p=[.2, .1, .1, .15, .15, .15, .15]))
                    if count:
                        rows.append((month, corridor, nationality, count))
        frame = pd.DataFrame(rows, columns=["month", "corridor", "nationality", "count"])
        totals = frame.groupby(["month", "corridor"])["count"].sum().reset_index()
        tables, margins = _corridor_tables(frame.values.tolist(), totals.values.tolist(), month_total=True)
        protected = TableSet(tables, margins, K)
        protected.protect()
        for name, dims in (("totals", ["month", "corridor"]), ("nationality", ["month", "corridor", "nationality"]),
                           ("month_total", ["month"])):
            assert_k_anonymous(protected.result(name), dims, K, name)
        assert not determined_cells(protected.counts, protected.suppressed, protected.equations)
        for total, parts in protected.equations:
            hidden_parts = parts[protected.suppressed[parts]]
            if not protected.suppressed[total] and len(hidden_parts):
                assert len(hidden_parts) >= 2 and protected.counts[hidden_parts].sum() >= K


def test_k_anonymity_check_rejects_small_published_groups():
    good = pd.DataFrame({"month": ["2024-01", "2024-01"], "x": ["a", "b"], "count": pd.array([12, pd.NA], dtype="Int64"),
                         "status": ["published", "suppressed"]})
    assert_k_anonymous(good, ["month", "x"], K, "good")
    bad = good.assign(count=pd.array([12, 3], dtype="Int64"), status=["published", "published"])
    with pytest.raises(DisclosureError, match="smaller than the threshold"):
        assert_k_anonymous(bad, ["month", "x"], K, "bad")
    # two rows with the same quasi-identifiers are one group: 6 + 6 = 12 is fine, 4 + 4 is not
    twice = pd.DataFrame({"month": ["m", "m"], "x": ["a", "a"], "count": [4, 4], "status": ["published"] * 2})
    with pytest.raises(DisclosureError):
        assert_k_anonymous(twice, ["month", "x"], K, "twice")
    leaky = good.assign(count=pd.array([12, 3], dtype="Int64"))
    with pytest.raises(DisclosureError, match="suppressed cell carries a count"):
        assert_k_anonymous(leaky, ["month", "x"], K, "leaky")


def test_one_rule_publishes_zero_and_counts_of_at_least_k():
    rule = Threshold(10)
    assert [rule.publishes(n) for n in (0, 1, 9, 10, 11)] == [True, False, False, True, True]
    assert Threshold.more_than(15) == Threshold(16)  # the operator's "more than 15"
    assert Threshold(10).at_least(16).k == 16 and Threshold(25).at_least(16).k == 25
    with pytest.raises(DisclosureError):
        Threshold(4)
