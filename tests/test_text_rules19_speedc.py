"""Round 19, speed of the opt-in compiled build (`make compiled`): the learned stages (verifier, order_model,
context_words) and the subject layer run per text, so they are compiled too (about a fifth of the compiled build's
instructions were still interpreted); the modules the build compiles type-check for mypyc and read their constants
as C statics (``Final``, checked by tests/test_text_rules18_speed.py through COMPILED_MODULES)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _compiled_modules() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("build_compiled", ROOT / "tools" / "build_compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.COMPILED_MODULES)


def test_the_per_text_stages_are_compiled() -> None:
    assert {"verifier", "order_model", "context_words", "subject"} <= set(_compiled_modules())


def test_every_compiled_module_exists_once() -> None:
    names = _compiled_modules()
    assert len(names) == len(set(names))
    assert all((ROOT / "routekit" / "text" / f"{name}.py").exists() for name in names)
