"""Engines that run the one SQL definition: DuckDB (default, embedded) and Apache Spark.

An engine only loads the two input views and keeps intermediate steps; the logic is in
``definition.py``. Adding an engine is one class and one line in ``ENGINES``.
"""

from __future__ import annotations

import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pandas as pd

from routekit.errors import ParamError
from routekit.mobility.definition import RESULTS, steps
from routekit.mobility.params import CdrParams

# Input column names (the contract with the operator; see README.md).
SUBSCRIBER, TIMESTAMP, CELL = "subscriber", "timestamp", "cell_id"


@dataclass(frozen=True)
class EventFiles:
    """The event files to read, all of one format, and the type of their cell id column."""

    paths: tuple[str, ...]
    format: str  # "parquet" | "csv"
    cell_is_integer: bool


@dataclass(frozen=True)
class Resources:
    """Limits that keep a run out-of-core on a shared machine."""

    memory_limit: str = "1GB"
    threads: int = 2
    temp_directory: str | None = None


class Engine(Protocol):
    name: str

    def run(self, events: EventFiles, cells: pd.DataFrame, params: CdrParams) -> dict[str, pd.DataFrame]: ...

    def version(self) -> str: ...


def _normalise(results: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Same column types and row order from every engine, so results compare exactly."""
    out = {}
    for name, frame in results.items():
        frame = frame.copy()
        for column in frame.columns:
            if column in ("period", "seen", "located", "subscribers", "events"):
                frame[column] = frame[column].astype("int64")
            else:
                frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
        out[name] = frame.sort_values(list(frame.columns), na_position="first").reset_index(drop=True)
    return out


def _timestamp_expression(column: str, fmt: str) -> str:
    """SQL (both dialects) turning the timestamp column into TIMESTAMP, NULL when unparsable.

    CSV text goes through NULLIF first: an empty field is missing, and DuckDB 2.0 would otherwise
    push the TRY_CAST into its CSV reader as a strict cast and fail on the first bad value."""
    if fmt == "csv":
        return f"TRY_CAST(NULLIF({column}, '') AS TIMESTAMP)"
    return f"TRY_CAST({column} AS TIMESTAMP)"


# Spark SQL functions the definition uses that DuckDB spells differently, given to DuckDB as macros
# (inlined when a query is bound, so they cost nothing) so that both engines run the same text.
_DUCKDB_MACROS = {
    "shiftleft(value, bits)": "value << bits",
    "struct(a, b, c, d)": "row(a, b, c, d)",
}


class DuckDBEngine:
    """Embedded, out-of-core: spills to ``temp_directory`` beyond ``memory_limit``."""

    name = "duckdb"

    def __init__(self, resources: Resources | None = None):
        self.resources = resources or Resources()

    def version(self) -> str:
        import duckdb

        return f"duckdb {duckdb.__version__}"

    def run(self, events: EventFiles, cells: pd.DataFrame, params: CdrParams) -> dict[str, pd.DataFrame]:
        import duckdb

        with tempfile.TemporaryDirectory(prefix="routekit-duckdb-", dir=self.resources.temp_directory) as spill:
            con = duckdb.connect()
            try:
                con.execute(f"SET memory_limit = '{self.resources.memory_limit}'")
                con.execute(f"SET threads = {int(self.resources.threads)}")
                con.execute(f"SET temp_directory = '{spill}'")
                con.execute("SET preserve_insertion_order = false")
                for signature, body in _DUCKDB_MACROS.items():
                    con.execute(f"CREATE MACRO {signature} AS {body}")
                files = "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in events.paths) + "]"
                reader = (f"read_parquet({files})" if events.format == "parquet"
                          else f"read_csv({files}, header = true, all_varchar = true)")
                con.execute(
                    f'CREATE VIEW events AS SELECT "{SUBSCRIBER}" AS subscriber, '
                    f'{_timestamp_expression(chr(34) + TIMESTAMP + chr(34), events.format)} AS ts, '
                    f'"{CELL}" AS cell FROM {reader}'
                )
                # The cell id typed like the events' column (e.g. Parquet INT32), so the join does
                # not cast every event; an id that cannot have that type matches no event anyway.
                cell_type = con.execute("SELECT typeof(cell) FROM events LIMIT 1").fetchall()
                cell_type = cell_type[0][0] if cell_type else "VARCHAR"
                con.register("cells_frame", cells[["cell", "region"]])
                con.execute(f"CREATE TEMP TABLE cells AS SELECT TRY_CAST(cell AS {cell_type}) AS cell, region "
                            "FROM cells_frame WHERE TRY_CAST(cell AS " + cell_type + ") IS NOT NULL")
                con.unregister("cells_frame")
                results = {}
                for step in steps(params):
                    if step.name in RESULTS:
                        results[step.name] = con.execute(step.sql).df()
                    else:
                        kind = "TEMP TABLE" if step.keep else "TEMP VIEW"
                        con.execute(f"CREATE {kind} {step.name} AS {step.sql}")
            finally:
                con.close()
        return _normalise(results)


class SparkEngine:
    """Apache Spark through pyspark; ``master`` is ``local[n]`` here, a cluster URL at an operator."""

    name = "spark"

    def __init__(self, resources: Resources | None = None, master: str | None = None,
                 shuffle_partitions: int | None = None):
        self.resources = resources or Resources()
        self.master = master or f"local[{self.resources.threads}]"
        self.shuffle_partitions = shuffle_partitions or max(4, 4 * self.resources.threads)

    def version(self) -> str:
        import pyspark

        return f"pyspark {pyspark.__version__}"

    def session(self):
        """A Spark session configured for this engine (reuses an active one, e.g. in tests)."""
        try:
            from pyspark.sql import SparkSession
        except ModuleNotFoundError:
            raise ParamError("engine", "spark", "pyspark is not installed; pip install 'routekit[spark]'") from None
        builder = (
            SparkSession.builder.master(self.master)
            .appName("routekit-cdr")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.memory", self.resources.memory_limit.replace("GB", "g").replace("MB", "m"))
            .config("spark.sql.shuffle.partitions", str(self.shuffle_partitions))
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
        )
        if self.resources.temp_directory:
            builder = builder.config("spark.local.dir", self.resources.temp_directory)
        spark = builder.getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        spark.conf.set("spark.sql.session.timeZone", "UTC")
        spark.conf.set("spark.sql.shuffle.partitions", str(self.shuffle_partitions))
        return spark

    def run(self, events: EventFiles, cells: pd.DataFrame, params: CdrParams) -> dict[str, pd.DataFrame]:
        from pyspark import StorageLevel

        spark = self.session()
        if events.format == "parquet":
            raw = spark.read.parquet(*events.paths)
        else:
            raw = spark.read.csv(list(events.paths), header=True)
        raw.selectExpr(
            f"`{SUBSCRIBER}` AS subscriber", f"{_timestamp_expression('`' + TIMESTAMP + '`', events.format)} AS ts", f"`{CELL}` AS cell"
        ).createOrReplaceTempView("events")
        schema = "cell BIGINT, region STRING" if events.cell_is_integer else "cell STRING, region STRING"
        spark.createDataFrame(list(cells[["cell", "region"]].itertuples(index=False, name=None)),
                              schema=schema).createOrReplaceTempView("cells")
        kept, results = [], {}
        try:
            for step in steps(params):
                frame = spark.sql(step.sql)
                if step.name in RESULTS:
                    with warnings.catch_warnings():  # pyspark's own pandas-3 deprecation noise
                        warnings.simplefilter("ignore", FutureWarning)
                        warnings.filterwarnings("ignore", message="The copy keyword is deprecated")
                        results[step.name] = frame.toPandas()
                    continue
                if step.keep:
                    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
                    kept.append(frame)
                frame.createOrReplaceTempView(step.name)
        finally:
            for frame in kept:
                frame.unpersist()
        return _normalise(results)


ENGINES = {"duckdb": DuckDBEngine, "spark": SparkEngine}


def make_engine(name: str, resources: Resources | None = None) -> Engine:
    if name not in ENGINES:
        raise ParamError("engine", name, f"choose one of {', '.join(ENGINES)}")
    return ENGINES[name](resources)


def temp_root(path: str | None) -> str | None:
    """Create the spill directory if it was given, so engines can rely on it existing."""
    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
    return path
