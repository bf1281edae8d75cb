"""Word lists in the extractor's reference yaml hold words, never YAML 1.1 booleans.

PyYAML reads an unquoted ``no``, ``yes``, ``on`` or ``off`` as a boolean, so a cue list that names the word "no"
silently loses it ("no" as a smuggler negator, the country code NO as an ambiguous capital word). Found in session 8:
``dialogue.affirmative``'s ``yes`` had never matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REFERENCE = Path(__file__).resolve().parents[1] / "routekit" / "reference"


def _non_words(node: object, path: str) -> list[str]:
    if isinstance(node, dict):
        return [found for key, value in node.items() for found in _non_words(value, f"{path}.{key}")]
    if isinstance(node, list):
        bad = [f"{path}[{i}] = {item!r}" for i, item in enumerate(node) if isinstance(item, bool) or item is None]
        return bad + [found for item in node for found in _non_words(item, path)]
    return []


@pytest.mark.parametrize("path", sorted(REFERENCE.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_word_list_holds_a_boolean(path: Path):
    assert _non_words(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []


def test_the_words_yaml_read_as_booleans_are_read_as_words():
    cues = yaml.safe_load((REFERENCE / "gazetteer" / "cues.yaml").read_text(encoding="utf-8"))
    document = yaml.safe_load((REFERENCE / "gazetteer" / "document.yaml").read_text(encoding="utf-8"))
    assert "no" in cues["smuggler_negators"]["en"]
    assert "NO" in document["codes"]["ambiguous"]
    assert {"on", "no"} <= set(document["codes"]["function_words"]["en"])
