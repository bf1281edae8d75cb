"""The learned stages' held-out evaluation (a) in several processes gives the figures of one process (round 18: the
end-of-round refits take ~100 minutes in one process)."""

import os

from routekit.text import learned_fit


def _tally(held: str) -> dict:
    n = int(held[1:])
    return {"rows": n, "before": n // 2, "fixed": n % 3, "broken": n % 2}


def test_workers_give_the_figures_and_order_of_one_process(capsys):
    groups = [f"g{n}" for n in range(1, 8)]
    pids = set()

    def held_out(held):   # a closure, as the fit scripts pass: forked workers inherit it
        pids.add(os.getpid())
        return _tally(held), f" note {held}", {"pid": os.getpid(), "ungated": _tally(held)["rows"] * 10}

    one_side: dict = {}
    one = learned_fit.leave_one_set_out("(a)", groups, held_out, workers=1, beside=one_side)
    printed_one = capsys.readouterr().out
    two_side: dict = {}
    two = learned_fit.leave_one_set_out("(a)", groups, held_out, workers=2, beside=two_side)
    printed_two = capsys.readouterr().out
    assert one == two and one["rows"] == sum(range(1, 8))
    assert printed_one == printed_two and printed_one.index("g2") < printed_one.index("g7")
    assert [v["ungated"] for v in one_side.values()] == [v["ungated"] for v in two_side.values()]
    assert list(two_side) == groups
    # the second run's results came from other processes, not this one
    assert {v["pid"] for v in two_side.values()} - {os.getpid()}
    assert learned_fit._HELD_OUT is None


def test_one_group_or_one_worker_runs_here():
    seen = []
    results = list(learned_fit.held_out_results(["g1"], lambda h: (seen.append(os.getpid()) or _tally(h), ""), 4))
    assert seen == [os.getpid()] and results[0][0]["rows"] == 1


def test_a_worker_that_dies_stops_the_evaluation_instead_of_hanging():
    """A worker killed (as by the out-of-memory killer) must end the evaluation with an error, not wait forever."""
    from concurrent.futures.process import BrokenProcessPool

    import pytest

    def held_out(held):
        if held == "g2":
            os._exit(9)
        return _tally(held), ""

    with pytest.raises(BrokenProcessPool):
        list(learned_fit.held_out_results(["g1", "g2", "g3"], held_out, workers=2))
    assert learned_fit._HELD_OUT is None
