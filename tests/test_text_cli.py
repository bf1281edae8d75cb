"""The extract and evaluate-extraction commands: one row per input row, clear errors, known metrics."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from routekit.text.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, "-m", "routekit.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT)


def test_extract_writes_one_row_per_input_row_in_order(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(
        "id,text\n"
        "r3,\"Ik ben vanuit Syrië naar Turkije gelopen, daarna met de boot naar Griekenland.\"\n"
        "r1,\n"
        "r2,\"Je suis venu de Syrie en Turquie.\"\n".encode()
        + b"r4,\"Vanuit Turkije naar Servi\xeb en Hongarije\"\n"       # Windows-1252 byte
        + b"r5,\"\xff\xfe\x81\x8d\x90\x9d\"\n"                        # not text
        + ("r6,\"" + "Van Syrië naar Turkije. " * 4200 + "\"\n").encode()  # ~100,000 characters
        + b"r7,\"a\",\"extra field\"\n"
    )
    out = tmp_path / "out.csv"
    completed = run("extract", source, "--id-column", "id", "--text-column", "text", "--out", out)
    assert completed.returncode == 0, completed.stderr
    result = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(result["id"]) == ["r3", "r1", "r2", "r4", "r5", "r6", "r7"]
    assert list(result["route"][:4]) == ["SYR>TUR>GRC", "", "", "TUR>SRB>HUN"]
    assert list(result["reason"][1:3]) == ["empty text", "other language"]
    assert result["reason"][4] == "unreadable text"
    assert result["route"][5] == "SYR>TUR"
    for column in ["id", "route", "modes", "smuggler", "route_asked", "confidence", "reason"]:
        assert column in result.columns


def test_missing_column_is_one_clear_line(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("id,narrative\n1,x\n")
    completed = run("extract", source, "--text-column", "text", "--out", tmp_path / "out.csv")
    assert completed.returncode == 2
    assert "field 'text'" in completed.stderr and "in.csv" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_missing_file_is_one_clear_line(tmp_path):
    completed = run("extract", tmp_path / "nope.csv", "--out", tmp_path / "out.csv")
    assert completed.returncode == 2 and "file not found" in completed.stderr


GOLD = pd.DataFrame({
    "id": ["a", "b", "c", "d"],
    "text": ["Van Syrië naar Turkije.", "Van Syrië naar Turkije en Griekenland.", "Van Irak naar Turkije.", ""],
    "route": ["SYR>TUR", "SYR>TUR", "IRN>TUR", ""],
})


def test_evaluation_metrics_on_a_tiny_gold_set():
    metrics = evaluate(GOLD).metrics
    assert metrics["exact_route"] == pytest.approx(0.5)
    assert metrics["country_precision"] == pytest.approx(5 / 7)
    assert metrics["country_recall"] == pytest.approx(5 / 6)
    assert metrics["country_f1"] == pytest.approx(2 * (5 / 7) * (5 / 6) / ((5 / 7) + (5 / 6)))
    assert metrics["order_accuracy"] == pytest.approx((1 + 2 / 3 + 1 / 2 + 1) / 4)


def test_evaluate_extraction_command_prints_metrics_and_worst_rows(tmp_path):
    gold = tmp_path / "gold.csv"
    GOLD.to_csv(gold, index=False)
    completed = run("evaluate-extraction", gold)
    assert completed.returncode == 0, completed.stderr
    assert "exact_route        0.500" in completed.stdout
    assert "order_accuracy" in completed.stdout and "worst" in completed.stdout


def test_hand_labelled_gold_set_is_large_enough():
    gold = pd.read_csv(ROOT / "tests" / "data" / "extraction_gold.csv", dtype=str, keep_default_na=False)
    assert len(gold) >= 60
    assert evaluate(gold).metrics["exact_route"] >= 0.85
