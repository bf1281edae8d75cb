"""Word features that can never point to a person (issue 15): the floor the fits learn words under (K distinct
records of 2 groups, ``disclosure.rule``), numbers blanked, and the check every stored words block passes on read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from routekit.disclosure.rule import DEFAULT_K, Threshold
from routekit.text import learned_fit, order_model, verifier
from routekit.text.context_words import NUMBER, mention_words, record_words
from routekit.text.learned import words_entry
from routekit.text.learned_fit import record_key, word_floor, word_vocabulary
from routekit.text.matcher import tokenize
from routekit.text.normalise import fold

from learned_helpers import WORD_BEFORE_BACKWARDS, load_fit_script, write_word_sets

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "routekit" / "reference"
K = Threshold(DEFAULT_K).k
WORD = "zorblax"


def _verifier_vocabulary(paths) -> list[str]:
    """The verifier fit's vocabulary of kept countries over the given files (one group each), default floor."""
    script = load_fit_script("text_verifier_fit")
    rows = []
    for path in paths:
        rows += script.read_rows(path, path.stem)
    return script.vocabulary(rows, True, script.Words())


def test_a_word_in_k_minus_one_records_is_not_learnt_and_in_k_it_is(tmp_path):
    below = _verifier_vocabulary(write_word_sets(tmp_path, WORD, (K // 2, K - 1 - K // 2), name="below"))
    assert f"w={WORD}" not in below and f"a={WORD}" not in below
    at = _verifier_vocabulary(write_word_sets(tmp_path, WORD, (K // 2, K - K // 2), name="at"))
    assert f"w={WORD}" in at and f"a={WORD}" in at


def _order_vocabulary(paths) -> list[str]:
    """The order fit's word vocabulary over the given files (one group each), default floor."""
    script = load_fit_script("text_order_fit")
    rows = []
    for path in paths:
        rows += script.read_rows(path, path.stem)
    owners: list = []
    lexical = script.examples(rows, "overlap", True, owners=owners)[3]
    return script.vocabulary(lexical, owners, word_floor())


def test_the_order_fit_keeps_the_same_floor(tmp_path):
    word = "zorblax"
    below = _order_vocabulary(write_word_sets(tmp_path, word, (K // 2, K - 1 - K // 2), "below",
                                              WORD_BEFORE_BACKWARDS))
    at = _order_vocabulary(write_word_sets(tmp_path, word, (K // 2, K - K // 2), "at", WORD_BEFORE_BACKWARDS))
    assert f"start:{word}" not in below and f"start:{word}" in at


def test_the_same_record_twice_counts_once(tmp_path):
    """A partner's file imported twice (two review rounds) is still K/2 records, not K."""
    first = write_word_sets(tmp_path, WORD, (K // 2 + 1,), name="round")[0]
    second = tmp_path / "round_again.csv"
    second.write_bytes(first.read_bytes())
    assert f"w={WORD}" not in _verifier_vocabulary([first, second])
    assert record_key("Ik kom uit  Syrie.") == record_key("ik kom uit Syrie.")   # folded, spaces collapsed


def test_one_group_alone_or_tuned_sets_teach_no_word():
    records = [(f"r{i}", "train1", {"w=gestopt"}) for i in range(K)]
    assert word_vocabulary(records, word_floor()) == []   # K records, but one writer's habit
    tuned = [(f"t{i}", None, {"w=gestopt"}) for i in range(K)]
    assert word_vocabulary(records[:1] + tuned, word_floor()) == []   # a tuned set is no group
    assert word_vocabulary(records[:K // 2] + [(f"s{i}", "train2", {"w=gestopt"}) for i in range(K - K // 2)],
                           word_floor()) == ["w=gestopt"]


def test_an_option_may_only_raise_the_floor():
    assert word_floor(1) == word_floor() == (K, 2)
    assert word_floor(K + 5).records == K + 5
    assert word_floor(threshold=K + 2).records == K + 2


@pytest.mark.parametrize("token", ["kl0714", "1234ab", "12a", "v1234567", "2019"])
def test_a_token_with_a_digit_reads_num(token):
    text = f"Ik reisde via Turkije {token} naar Griekenland."
    folded = fold(text)
    tokens = tokenize(folded)
    start = folded.index("turkije")
    record = record_words(tokens.starts, tokens.words, [(start, start + 7)], [0])
    found: set[str] = set()
    mention_words(record, start, start + 7, found)
    assert f"a={NUMBER}" in found and not any(token in feature for feature in found)


def _verifier_yaml(path: Path, words: str, fitted: str = "{word_floor: {records: 10, groups: 2}}") -> Path:
    path.write_text(f"enabled: false\nfitted: {fitted}\nkeep: {{intercept: 0, words: {words}}}\n"
                    "add: {intercept: 0}\n", encoding="utf-8")
    return path


def _order_yaml(path: Path, words: str, fitted: str = "{word_floor: {records: 10, groups: 2}}") -> Path:
    path.write_text(f"enabled: true\nmargin: 1\nfitted: {fitted}\nweights: {{rules: 1.0}}\nwords: {words}\n",
                    encoding="utf-8")
    return path


_VERIFIER = (_verifier_yaml, "verifier.yaml", verifier.read_model, verifier.VerifierError)
_ORDER = (_order_yaml, "order_model.yaml", order_model.read_model, order_model.OrderModelError)


@pytest.mark.parametrize("stage, words, fitted, message", [
    (_VERIFIER, "{w=kl0714: -0.5}", None, r"verifier.yaml: keep.words: 'w=kl0714' holds a digit"),
    (_VERIFIER, "{x=chauffeur: -0.5}", None, r"verifier.yaml: keep.words: 'x=chauffeur' is not a word feature"),
    (_VERIFIER, "{w=chauffeur: -0.5}", "{command: old}",
     r"verifier.yaml: keep.words: stored words but no fitted.word_floor"),
    (_VERIFIER, "{w=chauffeur: -0.5}", "{word_floor: {records: 5, groups: 2}}",
     r"verifier.yaml: keep.words: .*below the floor"),
    (_VERIFIER, "{w=chauffeur: -0.5}", "{word_floor: {records: 10, groups: 1}}",
     r"verifier.yaml: keep.words: .*below the floor"),
    (_ORDER, "{'span:1234ab': 0.5}", None, r"order_model.yaml: words: 'span:1234ab' holds a digit"),
    (_ORDER, "{'naar': 0.5}", None, r"order_model.yaml: words: 'naar' is not a word feature"),
    (_ORDER, "{'pre:naar': 0.5}", "{command: old}", r"order_model.yaml: words: stored words but no fitted.word_floor"),
    (_ORDER, "{'pre:naar': 0.5}", "{word_floor: {records: 3, groups: 2}}",
     r"order_model.yaml: words: .*below the floor"),
])
def test_a_stage_refuses_words_it_must_not_read(tmp_path, stage, words, fitted, message):
    """Both stages' files, one reader (``learned.read_word_weights``): the error names the file and the field."""
    write, name, read, error = stage
    path = write(tmp_path / name, words, *([fitted] if fitted else []))
    with pytest.raises(error, match=message):
        read(path)


def test_words_at_the_floor_are_read_and_written_strongest_first(tmp_path):
    path = _verifier_yaml(tmp_path / "verifier.yaml", "{w=chauffeur: -0.5, b=visum: 1.5, a=naar: 0.25}")
    assert verifier.read_model(path).keep_words == {"w=chauffeur": -0.5, "b=visum": 1.5, "a=naar": 0.25}
    assert list(words_entry({"w=chauffeur": -0.5, "b=visum": 1.5, "a=naar": 0.25, "w=zero": 1e-9})) == [
        "b=visum", "w=chauffeur", "a=naar"]


def test_an_extra_file_is_stored_by_name_and_digest(tmp_path):
    extra = tmp_path / "case_folder_of_someone" / "corrections.csv"
    extra.parent.mkdir()
    extra.write_text("id,text,route\n", encoding="utf-8")
    record = learned_fit.fit_record("benchmarks/text_verifier_fit.py", [extra])
    assert str(extra.parent) not in yaml.safe_dump(record)
    assert record["extra"] == [{"file": "corrections.csv", "sha256": learned_fit.hashlib.sha256(
        extra.read_bytes()).hexdigest()}]


def _words_blocks(data, where=""):
    """Every stored mapping named 'words' in a yaml tree (with where it sits)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "words" and isinstance(value, dict):
                yield f"{where}.{key}".lstrip("."), value
            else:
                yield from _words_blocks(value, f"{where}.{key}")


def test_no_stored_yaml_holds_a_digit_word_or_words_below_the_floor():
    checked = 0
    for path in sorted(REFERENCE.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field, words in _words_blocks(data):
            if not words:
                continue
            checked += 1
            digits = [w for w in words if any(ch.isdigit() for ch in str(w))]
            assert not digits, f"{path.name}: {field}: {digits[:5]}"
            floor = (data.get("fitted") or {}).get("word_floor") or {}
            assert floor.get("records", 0) >= K and floor.get("groups", 0) >= 2, f"{path.name}: {field}: floor {floor}"
    assert checked, "no stored words block found: the verifier ships its window words"
