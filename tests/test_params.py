"""Parameter sets: every bad case gives a one-line ParamError naming the key and the value."""

from pathlib import Path

import pytest

from routekit.errors import ParamError, RefusedSourceError
from routekit.params import apply_overrides, check_against_data, load_params, validate
from routekit.periods import latest_complete, parse_period

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("raw, key", [
    ({"colour": "red"}, "colour"),
    ({"period": "2025-13"}, "period"),
    ({"period": "2025-Q5"}, "period"),
    ({"period": "2025-T4"}, "period"),
    ({"period": {"start": "2025-05", "end": "2025-01"}}, "period"),
    ({"period": {"start": "2025-05"}}, "period"),
    ({"baseline": "last-week"}, "baseline"),
    ({"threshold": 4}, "threshold"),
    ({"language": "fr"}, "language"),
    ({"sources": ["kmar", "facebook"]}, "sources"),
    ({"sources": [], "public_sources": []}, "sources"),
    ({"focus": {"corridors": ["moon"]}}, "focus.corridors"),
    ({"focus": {"nationalities": ["Syria"]}}, "focus.nationalities"),
    ({"focus": {"entry_points": ["calais"]}}, "focus.entry_points"),
    ({"focus": {"age": [1]}}, "focus.age"),
])
def test_bad_parameter_names_key_and_value(raw, key):
    with pytest.raises(ParamError) as info:
        validate(raw)
    assert info.value.key == key
    message = str(info.value)
    assert "\n" not in message
    assert f"'{key}'" in message


def test_refused_source_is_explained():
    with pytest.raises(RefusedSourceError, match="function creep"):
        validate({"sources": ["phone_readout"]})


def test_all_shipped_parameter_sets_validate():
    files = [ROOT / "params/default.yaml", *sorted((ROOT / "params/adhoc").glob("*.yaml"))]
    assert len(files) >= 3
    for path in files:
        params = load_params(path)
        assert params.threshold >= 5


def test_overrides_are_typed_and_nested():
    raw = apply_overrides({"threshold": 10}, ["threshold=15", "focus.corridors=[eastern_land]", "language=en"])
    params = validate(raw)
    assert params.threshold == 15
    assert params.focus.corridors == ["eastern_land"]
    assert params.language == "en"


def test_override_without_equals_is_an_error():
    with pytest.raises(ParamError, match="key=value"):
        apply_overrides({}, ["threshold"])


def test_yaml_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n")
    with pytest.raises(ParamError, match="bad.yaml"):
        load_params(bad)
    with pytest.raises(ParamError, match="file not found"):
        load_params(tmp_path / "missing.yaml")


@pytest.mark.parametrize("text, start, end", [
    ("2025-07", "2025-07", "2025-07"),
    ("2025-Q1", "2025-01", "2025-03"),
    ("2025-q4", "2025-10", "2025-12"),
    ("2025-T1", "2025-01", "2025-04"),
    ("2025-T3", "2025-09", "2025-12"),
    ({"start": "2024-11", "end": "2025-02"}, "2024-11", "2025-02"),
])
def test_periods(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


def test_period_neighbours():
    q = parse_period("2025-Q1")
    assert (q.previous().start, q.previous().end) == ("2024-10", "2024-12")
    assert (q.year_earlier().start, q.year_earlier().end) == ("2024-01", "2024-03")
    assert len(parse_period({"start": "2024-11", "end": "2025-02"})) == 4


@pytest.mark.parametrize("kind, last, label", [
    ("latest-quarter", "2025-12", "2025-Q4"),
    ("latest-quarter", "2025-11", "2025-Q3"),
    ("latest-tertial", "2025-07", "2025-T1"),
    ("latest-month", "2025-07", "2025-07"),
])
def test_latest_complete(kind, last, label):
    assert latest_complete(kind, last).label == label


def test_period_outside_data_and_empty_focus():
    params = validate({"period": "2030-Q1"})
    with pytest.raises(ParamError, match="outside the data"):
        check_against_data(params, "2023-01", "2025-12", {})
    params = validate({"focus": {"nationalities": ["ISL"]}})
    with pytest.raises(ParamError, match="selects nothing"):
        check_against_data(params, "2023-01", "2025-12", {"nationalities": {"SYR", "AFG"}})
    ok = validate({"focus": {"nationalities": ["SYR"]}})
    assert check_against_data(ok, "2023-01", "2025-12", {"nationalities": {"SYR"}}).label == "2025-Q4"


def test_non_utf8_parameter_file_is_one_line(tmp_path):
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: Routes naar Nederland \u2013 caf\u00e9\n".encode("latin-1", errors="replace"))
    with pytest.raises(ParamError, match="latin1.yaml.*not UTF-8"):
        load_params(bad)


def test_duplicate_keys_are_refused_with_the_line(tmp_path):
    twice = tmp_path / "twice.yaml"
    twice.write_text("threshold: 10\nperiod: 2025-Q1\nthreshold: 5\n")
    with pytest.raises(ParamError) as info:
        load_params(twice)
    assert info.value.key == "threshold" and "line 3" in str(info.value)
    nested = tmp_path / "nested.yaml"
    nested.write_text("focus:\n  corridors: [eastern_land]\n  corridors: [central_med]\n")
    with pytest.raises(ParamError, match="focus.corridors.*duplicate"):
        load_params(nested)


@pytest.mark.parametrize("title", ["two\nlines", "bell\x07", "nul\x00byte", "", "   ", "x" * 201])
def test_title_is_one_line_of_printable_text(title):
    with pytest.raises(ParamError) as info:
        validate({"title": title})
    assert info.value.key == "title"


def test_hostile_title_is_kept_as_data():
    # validation does not rewrite a title: escaping happens where it is rendered
    title = "{literalinclude} ../partners/kmar.csv <script>alert(1)</script> $x$ \\ & % #"
    assert validate({"title": title}).title == title


def test_data_dir_that_is_a_file_says_so(tmp_path):
    from routekit.pipeline.report import build_report

    not_a_dir = tmp_path / "data.csv"
    not_a_dir.write_text("a,b\n")
    params = tmp_path / "p.yaml"
    params.write_text(f"data_dir: {not_a_dir}\n")
    with pytest.raises(ParamError, match="is a file, not a folder"):
        build_report(params, project=tmp_path, build_root=tmp_path / "_build")
