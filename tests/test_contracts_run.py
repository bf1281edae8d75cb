"""RunSpec: what the report hands a chapter notebook, built and read through one model."""

import json
from pathlib import Path

import pytest

from routekit.contracts.run import RunSpec
from routekit.errors import InputError
from routekit.params import ReportParams
from routekit.periods import parse_period
from routekit.report.context import ReportContext


def _spec(tmp_path: Path) -> RunSpec:
    params = ReportParams(language="en", data_dir=str(tmp_path / "server" / "demo"),
                          focus={"corridors": ["central_med"]})
    period = parse_period("2025-Q1")
    folders = {name: tmp_path / name for name in ("releases", "link", "estimates", "public")}
    return RunSpec.for_chapter(params, period, period.previous(), "trends", ("2024-01", "2025-06"),
                               {**folders, "tables_dir": tmp_path / "tables" / "trends",
                                "tables_href": "../../tables/trends"})


def test_the_notebook_reads_what_the_report_wrote(tmp_path):
    spec = _spec(tmp_path)
    text = spec.to_json()
    assert list(json.loads(text)) == sorted(json.loads(text))  # keys sorted: the same run, the same cache key
    assert json.loads(text)["params"]["data_dir"] == "demo"  # a server path is not shown to readers
    assert RunSpec.from_json(text) == spec and RunSpec.from_json(text).to_json() == text
    ctx = ReportContext.from_json(text)
    assert ctx.language == "en" and ctx.threshold == 10
    assert (ctx.period.start, ctx.period.end, ctx.period.label) == ("2025-01", "2025-03", spec.period.label)
    assert ctx.baseline.end == "2024-12"
    assert ctx.focus_on("corridors") == ["central_med"] and ctx.focus_on("nationalities") == []
    assert ctx.estimates_dir == (tmp_path / "estimates").resolve() and ctx.estimates_dir.is_absolute()
    assert ctx.params["focus"]["corridors"] == ["central_med"]


def test_a_malformed_run_is_one_error_naming_the_field(tmp_path):
    run = json.loads(_spec(tmp_path).to_json())
    del run["paths"]["estimates"]
    with pytest.raises(InputError, match=r"run_json, field 'paths.estimates': Field required"):
        ReportContext.from_json(json.dumps(run))
    run = json.loads(_spec(tmp_path).to_json())
    run["params"]["language"] = "fr"
    with pytest.raises(InputError, match=r"field 'params.language'"):
        RunSpec.from_json(json.dumps(run))
    run = json.loads(_spec(tmp_path).to_json())
    run["pathz"] = {}
    with pytest.raises(InputError, match=r"field 'pathz'"):
        RunSpec.from_json(json.dumps(run))


def test_the_cache_text_leaves_out_only_where_this_build_writes_its_tables(tmp_path):
    spec = _spec(tmp_path)
    elsewhere = spec.model_copy(update={"paths": spec.paths.model_copy(update={"tables_dir": tmp_path / "w2"})})
    assert elsewhere.to_json() != spec.to_json() and elsewhere.cache_text() == spec.cache_text()
    other_period = spec.model_copy(update={"period": spec.baseline})
    assert other_period.cache_text() != spec.cache_text()
    assert "tables_href" in spec.cache_text() and "tables_dir" not in spec.cache_text()
