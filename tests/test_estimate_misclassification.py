"""The text extractor's corridor errors in the estimates (routekit.estimate.misclassification, issue 15 item 4)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from routekit.errors import InputError
from routekit.estimate.misclassification import (ConfusionModel, estimate_strata_reallocated, plan, posterior,
                                                 reallocate, true_mix)
from routekit.estimate.population import aggregate_period
from routekit.synth.validation import link_from_journeys

ROOT = Path(__file__).resolve().parents[1]
KINDS = {"kmar": "border_observation", "ind": "self_reported", "police": "self_reported"}
RATES = {"kmar": 0.3, "ind": 0.4, "police": 0.25}
CORRIDORS = ["central_med", "western_balkans"]
CATEGORIES = [*CORRIDORS, "other"]


# one worker runs this module, so its module-scoped fixture is built once, not once per worker
pytestmark = pytest.mark.xdist_group("estimate_misclassification")


def _link(seed: int = 3, months: int = 6, size: int = 400):
    rng = np.random.default_rng(seed)
    rows = []
    for month in pd.period_range("2024-01", periods=months, freq="M"):
        for corridor in CORRIDORS:
            n = rng.poisson(size)
            flags = {f"in_{s}": (rng.random(n) < p).astype(int) for s, p in RATES.items()}
            rows.append(pd.DataFrame({"entry_month": str(month), "corridor": corridor, **flags}))
    return link_from_journeys(pd.concat(rows, ignore_index=True), threshold=10, sources=sorted(RATES))


def _model(error: float, rows: int = 200, prior_rows: float = 1.0) -> ConfusionModel:
    """Every text source mistakes the two corridors for each other in ``error`` of the labelled rows."""
    wrong = int(round(rows * error))
    confusion = {"central_med": {"central_med": rows - wrong, "western_balkans": wrong},
                 "western_balkans": {"western_balkans": rows - wrong, "central_med": wrong},
                 "other": {"other": rows}}
    confusion = {t: {e: n for e, n in row.items() if n} for t, row in confusion.items()}
    data = {"sources": {s: {"confusion": confusion} for s in RATES}}
    return ConfusionModel.from_mapping(data, CATEGORIES, prior_rows=prior_rows)


@pytest.fixture(scope="module")
def link():
    return _link()


@pytest.fixture(scope="module")
def runs(link):
    """As extracted, with a perfect extractor, and with a bad one (twice: the same seed)."""
    options = dict(n_boot=39, seed=5, kinds=KINDS, complete=[], shared=[])
    from routekit.estimate.population import estimate_strata

    base = estimate_strata(link, **options)
    perfect = estimate_strata_reallocated(link, model=_model(0.0, prior_rows=0.0), **options)
    bad = estimate_strata_reallocated(link, model=_model(0.25), **options)
    again = estimate_strata_reallocated(link, model=_model(0.25), **options)
    return base, perfect, bad, again


def test_bayes_recovers_the_true_mix_from_the_extracted_one():
    confusion = np.array([[0.8, 0.2, 0.0], [0.1, 0.9, 0.0], [0.0, 0.0, 1.0]])   # P(extracted | true)
    truth = np.array([0.6, 0.3, 0.1])
    mix = true_mix(confusion, 10_000 * truth @ confusion)
    assert mix == pytest.approx(truth, abs=1e-4)
    bayes = posterior(confusion, mix)
    # of those extracted as the first corridor, 0.48 / (0.48 + 0.03) are truly there
    assert bayes[0] == pytest.approx([0.48 / 0.51, 0.03 / 0.51, 0.0], abs=1e-4)
    assert bayes.sum(axis=1) == pytest.approx(np.ones(3))


def test_confusion_draws_centre_on_the_measured_rates():
    model = _model(0.2, rows=400)
    draws = np.stack([model.draw("ind", np.random.default_rng(i)) for i in range(200)])
    mean = draws.mean(axis=0)
    assert mean[0, 1] == pytest.approx(0.2, abs=0.02)      # central_med read as western_balkans
    assert mean[2, 2] > 0.97                                # 'other' nearly always right
    assert draws[:, 0, 1].std() > 0.005                     # the matrix's own sampling error is drawn


def test_reallocation_keeps_months_histories_and_persons():
    link = _link(size=60)   # thin strata: many suppressed cells
    model = _model(0.25)
    the_plan = plan(link, model, KINDS)
    kept_table, _, none_moved = reallocate(the_plan, model, np.random.default_rng(0))
    kept = kept_table[kept_table["count"].isna()]   # by default suppressed cells stay where they are
    suppressed = link.contingency[link.contingency["count"].isna()]
    assert none_moved == 0 and (kept["corridor"].to_numpy() == suppressed["corridor"].to_numpy()).all()
    table, moved, moved_cells = reallocate(the_plan, model, np.random.default_rng(0), move_suppressed=True)
    assert moved > 0
    flags = [c for c in table.columns if c.startswith("in_")]
    before = link.contingency.groupby(["month", *flags])["count"].sum()
    after = table.groupby(["month", *flags])["count"].sum()
    pd.testing.assert_series_equal(before, after.reindex(before.index))
    assert set(table["corridor"]) <= set(link.contingency["corridor"])
    # suppressed cells stay suppressed (censored), in their month and history; some move corridor whole
    suppressed = link.contingency[link.contingency["count"].isna()]
    assert len(suppressed) > 10
    kept = table[table["count"].isna()]
    assert len(kept) == len(suppressed)
    assert sorted(map(tuple, kept[["month", *flags]].to_numpy())) == sorted(
        map(tuple, suppressed[["month", *flags]].to_numpy()))
    assert 0 < moved_cells == (kept["corridor"].to_numpy() != suppressed["corridor"].to_numpy()).sum()
    assert moved_cells < len(suppressed) / 2


def test_a_perfect_extractor_leaves_the_estimates_unchanged(runs):
    (base, base_draws, _), (frame, draws, structure), *_ = runs
    pd.testing.assert_frame_equal(base, frame)
    assert structure["misclassification"]["applied"] is False
    assert all(np.array_equal(base_draws[k], draws[k]) for k in base_draws)


def test_a_bad_extractor_widens_the_intervals(runs):
    (base, _, _), _, (frame, draws, structure), _ = runs
    info = structure["misclassification"]
    assert info["applied"] and info["persons_moved_mean"] > 0
    ok = base["grade"] != "not_estimable"
    width = lambda f: ((f["upper"] - f["lower"]) / f["estimate"])[ok]   # noqa: E731
    assert (width(frame) >= width(base) - 1e-9).mean() >= 0.9
    assert width(frame).median() > 1.2 * width(base).median()
    assert (frame.loc[ok, "estimate"] >= frame.loc[ok, "observed"] - 0.1).all()
    # months of a corridor share their imputations, so a corridor's period sum widens too; a person moved out of
    # one corridor is moved into the other in the same replicate, so the sum of both corridors hardly moves
    months = sorted(base["period"].unique())
    kinds = ["border_observation", "self_reported"]
    narrow = aggregate_period(base, runs[0][1], months, "all", 0, kinds).set_index("corridor")
    wide = aggregate_period(frame, draws, months, "all", 0, kinds).set_index("corridor")
    spread = (wide["upper"] - wide["lower"]) / (narrow["upper"] - narrow["lower"])
    assert (spread[CORRIDORS] > 1.2).all()
    assert 0.75 < spread["all"] < 1.25


def test_the_same_seed_gives_the_same_estimates(runs):
    *_, (frame, draws, _), (again, again_draws, _) = runs
    pd.testing.assert_frame_equal(frame, again)
    assert all(np.array_equal(draws[k], again_draws[k]) for k in draws)


def test_a_cell_whose_corridor_came_from_eurodac_is_not_moved():
    link = _link(months=2)
    table = link.contingency
    only_fingerprint = table.assign(in_ind=0, in_kmar=0, in_police=0, in_eurodac=1)
    link.contingency = only_fingerprint
    link.sources = ["eurodac", "ind", "kmar", "police"]
    the_plan = plan(link, _model(0.3), {**KINDS, "eurodac": "fingerprint"})
    assert not the_plan.movable.any()


def test_the_reference_file_holds_a_matrix_per_text_source():
    model = ConfusionModel.load()
    assert {"ind", "police", "kmar"} <= set(model.counts)
    for counts in model.counts.values():
        assert counts.sum() > 50 and np.trace(counts) / counts.sum() > 0.5
    assert not any("untouched" in name for name in model.measured["on"])


def test_a_malformed_confusion_is_one_line_naming_the_field():
    with pytest.raises(InputError, match="sources.ind.confusion"):
        ConfusionModel.from_mapping({"sources": {"ind": {"confusion": {"atlantis": {"other": 3}}}}})
    with pytest.raises(InputError, match="central_med"):
        ConfusionModel.from_mapping({"sources": {"ind": {"confusion": {"central_med": {"other": -1}}}}})


def test_the_refit_script_refuses_the_untouched_set(tmp_path):
    fake = tmp_path / "extraction_hard_untouched.csv"   # never the real one: the script must stop on the name
    fake.write_text("id,text,route\n")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "text_confusion.py"), str(fake)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and "untouched" in done.stderr


def test_the_refit_script_counts_what_the_extractor_does(tmp_path):
    gold = tmp_path / "extraction_tiny.csv"
    pd.DataFrame({"id": ["a", "b"], "text": [
        "Ik ben vanuit Libië met een boot naar Italië gevaren en met de trein naar Nederland gereisd.",
        "Hij kwam uit Turkije en liep naar Griekenland, daarna met de bus via Servië en Hongarije naar Nederland."],
        "route": ["LBY>ITA>NLD", "TUR>GRC>SRB>HUN>NLD"], "notes": ["genre=qa", "genre=pv"]}).to_csv(gold, index=False)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import text_confusion
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    data = text_confusion.build(text_confusion.score([gold]), [gold])
    assert data["sources"]["ind"]["rows"] == 1 and data["sources"]["police"]["rows"] == 1
    assert data["sources"]["ind"]["confusion"] == {"central_med": {"central_med": 1}}
    yaml.safe_dump(data)   # plain data


def test_the_combined_estimate_is_never_below_the_persons_seen():
    """Imputations that move many persons: each imputation's estimate sits at its own persons seen (100 and 200),
    so their geometric mean (141) fell below the mean of the persons seen (150) and the published estimate and its
    lower bound were below the count they must hold (found by tests/test_estimate_real_outputs.py)."""
    from routekit.estimate.misclassification import _combine

    row = {"period": "2024-04", "corridor": "central_med", "estimate": 150.0, "lower": 150.0, "upper": 160.0,
           "observed": 150.0, "observed_lower": 150.0, "observed_upper": 150.0, "grade": "good", "sources": "ind+kmar",
           "note": "", "note_codes": ""}
    frame = pd.DataFrame([row])
    runs = [pd.DataFrame([{**row, "estimate": seen, "observed": seen, "observed_lower": seen, "observed_upper": seen}])
            .set_index(["period", "corridor"]) for seen in (100.0, 200.0)]
    draws = {("2024-04", "central_med"): np.linspace(150.0, 160.0, 99)}
    combined, _ = _combine(frame, draws, runs, {"ind": "interview", "kmar": "border"})
    result = combined.iloc[0]
    assert result["observed_lower"] == 150.0
    assert result["estimate"] >= result["observed_lower"]
    assert result["lower"] >= result["observed_lower"] and result["lower"] <= result["estimate"] <= result["upper"]
