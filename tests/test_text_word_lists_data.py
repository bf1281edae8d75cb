"""The words of the text stage's own patterns are data (issue 15): the constants below are built from yaml lists, not
from word alternations written in Python, and those lists are well-formed (plain strings: an unquoted YAML `on`/`no`
would be read as a boolean and silently leave the pattern)."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from routekit.text.gazetteer import data_path

TEXT = Path(__file__).resolve().parents[1] / "routekit" / "text"

# (module, constant) whose words moved into data
MOVED = {
    "legmodes.py": ["_CONNECTION_GAP", "_LIST_GAP", "_TOWARDS", "_LEADS_TO", "_FROM_STOP", "_TO_THE", "_LOCATED",
                    "_OPENS_LOCATED"],
    "letters.py": ["_STATEMENT_END", "_AS_CLAIMED", "_NOT_GONE_TO", "_AFFIRMED_BEFORE", "_RESIDENCE_AFTER",
                   "_DEPARTURE_BEFORE"],
    "timeline.py": ["_AND", "_CARRIED_ON"],
    "extraction.py": ["_FILLER", "_THERE_WORDS", "_ARRIVAL_WORDS", "_WITH_THE_SUBJECT", "_NAME_TITLES", "_CLAUSE_ENDS",
                      "_SEEN_ENDS", "_SEEN_COAST_BEFORE", "_CONTRAST", "_VIA_AFTER_COMMA", "_ONWARD",
                      "_RELATIVE_CLAUSE_OPENING", "_DOC_HEDGE", "_RELATIVE_CLAUSE", "_ANOTHER_TIME", "_THERE",
                      "_NATIONALITY_FROM", "_DENIAL", "_ALTERNATIVE_GAP", "_ALTERNATIVE", "_REPEATED_ALTERNATIVE",
                      "_ISSUED_BEFORE_DOCUMENT", "_ELLIPTIC_NEGATION", "_PERSONAL_DATA_AFTER", "_ONWARD_TO",
                      "_AFTER_WHICH", "_RELATIVE_IN", "_PARTICIPLE_NL", "_DOC_GAP", "_RETRACTION", "_RETRACTED_LIST",
                      "_DENIED_BEFORE", "_LIST_JOINER", "_VIA_RIGHT_AFTER", "_FROM_TO", "_NAMED_NOT", "_DOUBT_GAP",
                      "_PLACE_APPOSITION", "_WHERE_RELATIVE", "_CLAUSE_OPENING", "_APPENDED_SOURCE", "_TIME_SPAN"],
}
# two plain words as regex alternatives ("naar|to"), or a string of words split into a list
_WORD_ALTERNATION = re.compile(r"(?<![\\\w])[a-z]{2,}\|[a-z]{2,}")
_WORDS_SPLIT = re.compile(r"^[a-z]+ [a-z]+ [a-z]+")


@lru_cache(maxsize=None)
def _definitions(module: str) -> dict[str, str]:
    source = (TEXT / module).read_text(encoding="utf-8")
    # ``X = ...`` or, since round 18's compiled build, ``X: Final = ...``
    named = [(node.targets[0] if isinstance(node, ast.Assign) else node.target, node.value)
             for node in ast.parse(source).body
             if isinstance(node, ast.Assign) or (isinstance(node, ast.AnnAssign) and node.value is not None)]
    return {target.id: ast.get_source_segment(source, value) for target, value in named
            if isinstance(target, ast.Name)}


@pytest.mark.parametrize("module, constant", [(m, c) for m, constants in MOVED.items() for c in constants])
def test_a_patterns_words_come_from_data(module, constant):
    code = _definitions(module)[constant]
    literals = [node.value for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Constant)
                and isinstance(node.value, str)]
    written = [s for s in literals if _WORD_ALTERNATION.search(s) or _WORDS_SPLIT.match(s)]
    assert not written, f"{module} {constant} still spells its words in Python: {written}"


def _lists(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, path + (str(key),))
    elif isinstance(node, list):
        yield path, node


@pytest.mark.parametrize("name, section", [("cues.yaml", "word_lists"), ("modes.yaml", "leg_words"),
                                           ("document.yaml", "letters"), ("document.yaml", "negation_words")])
def test_the_word_lists_are_plain_strings(name, section):
    data = yaml.safe_load(data_path(name).read_text(encoding="utf-8"))[section]
    for path, words in _lists(data, (section,)):
        assert words, f"{name} {'.'.join(path)} is empty"
        for word in words:
            if isinstance(word, dict):   # a group of lists (person_denial)
                continue
            assert isinstance(word, str) and word.strip(), f"{name} {'.'.join(path)}: {word!r} is not a word"
        plain = [w for w in words if isinstance(w, str)]
        assert len(plain) == len(set(plain)), f"{name} {'.'.join(path)} repeats a word"
