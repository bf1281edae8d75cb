"""Round 18, speed: the opt-in compiled build (`make compiled`) reads the compiled modules' constants as C statics
(``typing.Final``), and the learned stages (verifier, order_model, context_words) type-check so that mypyc can build
them. Output-identical: these tests pin the Final declarations and the stage files read through the rewritten
constructors."""

from __future__ import annotations

import ast
import importlib.util
import math
import re
from pathlib import Path

import yaml

from routekit.text import order_model, verifier
from routekit.text.gazetteer import data_path

ROOT = Path(__file__).resolve().parents[1]
_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")


def _compiled_modules() -> tuple[str, ...]:
    """The build's list, and the learned stages made ready for it this round (their constants are Final too)."""
    spec = importlib.util.spec_from_file_location("build_compiled", ROOT / "tools" / "build_compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return (*module.COMPILED_MODULES, "verifier", "order_model", "context_words")


def _is_final(annotation: ast.expr) -> bool:
    """``Final``, ``Final[...]``, ``typing.Final`` or ``typing.Final[...]``."""
    node = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return (isinstance(node, ast.Name) and node.id == "Final") or (isinstance(node, ast.Attribute)
                                                                    and node.attr == "Final")


def _bound_once_not_final(source: str) -> list[str]:
    """Module-level names bound once (never rebound, no ``global``) without Final: an UPPER_CASE / _UPPER_CASE name
    bound by a plain assignment or by tuple unpacking (``_A, _B = 1, 2``), and any name bound by an annotated
    assignment whose annotation is not Final (``_WORDS: dict = ...``)."""
    tree = ast.parse(source)
    rebound = {name for node in ast.walk(tree) if isinstance(node, ast.Global) for name in node.names}
    seen: dict[str, int] = {}
    plain: list[str] = []
    annotated: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            for name in (n.id for n in ast.walk(target) if isinstance(n, ast.Name)):
                seen[name] = seen.get(name, 0) + 1
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            plain.append(node.targets[0].id)
        elif isinstance(node, ast.Assign):   # tuple unpacking, or a chained assignment (``A = B = 1``)
            plain.extend(n.id for target in node.targets for n in ast.walk(target) if isinstance(n, ast.Name))
        elif (isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name)
              and not _is_final(node.annotation)):
            annotated.append(node.target.id)
    return [name for name in plain + annotated if (name in annotated or _CONSTANT.fullmatch(name))
            and seen[name] == 1 and name not in rebound]


def test_the_constants_of_the_compiled_modules_are_final() -> None:
    """mypyc reads a module global that is not Final from the module's dict at every use (a hashed look-up, slower
    than the interpreter's cached one); a Final one is a C static."""
    not_final = {name: found for name in _compiled_modules()
                 if (found := _bound_once_not_final((ROOT / "routekit" / "text" / f"{name}.py").read_text()))}
    assert not not_final, not_final


def test_the_guard_finds_a_constant_without_final() -> None:
    source = "from typing import Final\nA: Final = 1\nB = re.compile('x')\n_C = 2\n_C = 3\nlower = 4\n"
    assert _bound_once_not_final(source) == ["B"]


def test_the_guard_finds_unpacked_and_annotated_constants_without_final() -> None:
    """Round 19 review: a tuple-unpacked constant (``_A, _B = 1, 2``) and an annotated one without Final
    (``_WORDS: dict = ...``) are module-dict look-ups under mypyc too."""
    source = ("import typing\nfrom typing import Final\n_A, (_B, lower) = 1, (2, 3)\n[C, *_D] = 4, 5\n_E = F = 6\n"
              "_W: dict = {}\ncache: list = []\n_G: Final[int] = 7\n_H: typing.Final = 8\n_I: Final\n_I = 9\n"
              "_J, _K = 1, 2\n_K = 3\n_L: int = 1\n_L = 2\n_M, _N = 1, 2\n\ndef f():\n    global _N\n")
    assert sorted(_bound_once_not_final(source)) == ["C", "F", "_A", "_B", "_D", "_E", "_J", "_M", "_W", "cache"]


def test_the_verifier_file_fills_its_fields_in_order() -> None:
    """``verifier.read_model`` builds the Model from named values (was one starred call): each threshold and word
    list lands in its own field."""
    path = data_path(verifier.VERIFIER_FILE)
    data = yaml.safe_load(Path(str(path)).read_text(encoding="utf-8"))
    model = verifier.read_model(path)
    thresholds = data.get("thresholds") or {}
    assert model.remove_below == float(thresholds.get("remove", 0.0))
    assert model.add_above == float(thresholds.get("add", 1.0))
    assert model.word_band == float(thresholds.get("word_band", math.inf))
    for part, words in (("keep", model.keep_words), ("add", model.add_words)):
        assert set(words) == set((data[part].get("words") or {})), part


def test_the_order_file_fills_its_journey_weights_in_order() -> None:
    path = data_path(order_model.ORDER_FILE)
    data = yaml.safe_load(Path(str(path)).read_text(encoding="utf-8"))
    model = order_model.read_model(path)
    journey = data.get("journey") or {}
    assert (model.pair_scale, model.ground_weight, model.flight_weight) == tuple(
        float(journey.get(key, default)) for key, default in (("pair_scale", 1.0), ("ground_weight", 0.0),
                                                              ("flight_weight", 0.0)))
