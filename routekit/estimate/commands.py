"""``routekit estimate`` and ``routekit validate-estimates`` (argument parsing only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def estimate(
    releases: Annotated[list[Path], typer.Option("--releases", help="Release directories (repeat or list).")],
    link: Annotated[Path, typer.Option("--link", help="Link directory with contingency.csv.")],
    out: Annotated[Path, typer.Option("--out", help="Directory for estimates.csv and the other tables.")],
    period: Annotated[str | None, typer.Option("--period", help="Reporting period: YYYY-MM, YYYY-Qn, YYYY-Tn.")] = None,
    n_boot: Annotated[int, typer.Option("--n-boot", help="Bootstrap replicates per corridor.")] = 99,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    public_dir: Annotated[Path | None, typer.Option(
        "--public-dir", help="Published series (Frontex, Eurostat) for the direction checks; "
                             "default $ROUTEKIT_PUBLIC_DATA or data/public.")] = None,
) -> None:
    """Population estimates with 95% intervals, agreement, trends, anomalies, outlook, findings."""
    from rich.console import Console

    from routekit.errors import ParamError
    from routekit.estimate.pipeline import run_estimate

    months = label = None
    if period:
        from routekit.periods import parse_period

        try:
            parsed = parse_period(period)
        except ValueError as error:
            raise ParamError("period", period, str(error)) from None
        months, label = parsed.months, parsed.label
    from routekit.locking import output_lock

    with output_lock(out, log=Console(stderr=True).print):  # one writer per estimates folder
        manifest = run_estimate(releases, link, out, months, n_boot=n_boot, seed=seed, period_label=label,
                                public_dir=public_dir)
    Console().print(f"estimates for {manifest['period']['label']} written to {out} "
                    f"({', '.join(manifest['files'])})", highlight=False)


def validate_estimates(
    scenarios: Annotated[int, typer.Option("--scenarios", min=1, help="Number of seeded demo scenarios.")] = 20,
    seed: Annotated[int, typer.Option("--seed")] = 1,
    start: Annotated[str, typer.Option("--start")] = "2023-01",
    end: Annotated[str, typer.Option("--end")] = "2024-12",
    threshold: Annotated[int, typer.Option("--threshold")] = 10,
    n_boot: Annotated[int, typer.Option("--n-boot")] = 99,
    scale: Annotated[float, typer.Option("--scale", help="Size of the demo population (1.0 = default).")] = 1.0,
    workers: Annotated[int, typer.Option("--workers", help="Scenarios run in this many processes.")] = 1,
) -> None:
    """Coverage of the 95% intervals and median relative error against the demo truth."""
    from rich.console import Console

    from routekit.synth.validation import validate_scenarios

    console = Console()
    result = validate_scenarios(scenarios, seed=seed, start=start, end=end, threshold=threshold, n_boot=n_boot,
                                scale=scale, workers=workers,
                                progress=lambda k, n: console.print(f"scenario {k}/{n}", end="\r"))
    console.print(f"scenarios: {scenarios}  strata: {result['strata']}  estimable: {result['estimable']} "
                  f"(not estimable {result['not_estimable_share']:.1%})")
    console.print(f"coverage of 95% intervals: {result['coverage']:.3f}")
    console.print(f"median relative error: {result['median_relative_error']:.3f}  "
                  f"median signed error: {result['median_signed_error']:+.3f}")
    console.print(result["by_corridor"].round(3).to_string())


def mse(
    table: Annotated[Path, typer.Argument(help="Capture-history CSV: one 0/1 column per list plus 'count'.")],
    out: Annotated[Path, typer.Option("--out", help="CSV with one row: estimate,lower,upper,estimable,method,"
                                                    "model,reason.")],
    method: Annotated[str, typer.Option("--method", help="stepwise (default: log-linear search with a heterogeneity check), stepwise-plain (the search alone), aic, latent-class.")] = "stepwise",
    seed: Annotated[int, typer.Option("--seed")] = 0,
    n_boot: Annotated[int, typer.Option("--n-boot", help="Bootstrap replicates (log-linear) for the interval.")] = 199,
) -> None:
    """Multiple-systems estimate of a population from any capture-history table."""
    from rich.console import Console

    from routekit.errors import ParamError
    from routekit.estimate.mse_table import METHODS, estimate_file

    if method not in METHODS:
        raise ParamError("method", method, f"choose one of {', '.join(METHODS)}")
    if n_boot < 0:
        raise ParamError("n-boot", n_boot, "must be >= 0")
    row = estimate_file(table, out, method=method, seed=seed, n_boot=n_boot)
    console = Console()
    if row["estimable"]:
        console.print(f"{table.name}: {row['observed']:,.0f} seen, estimate {row['estimate']:,.0f} "
                      f"(95% {row['lower']:,.0f}-{row['upper']:,.0f}), {row['method']}: {row['model']}", highlight=False)
    else:
        console.print(f"{table.name}: not estimable: {row['reason']}", highlight=False)
    if row["reason"] and row["estimable"]:
        console.print(f"note: {row['reason']}", highlight=False)
    console.print(f"written to {out}", highlight=False)
