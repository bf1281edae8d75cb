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


def test_a_relative_opening_needs_a_possessive_first_word() -> None:
    """``subject._without_relatives_travel`` asks the long person-reference pattern only of statements whose first
    word is a possessive (``_POSSESSIVE_START``): a reference read as a relative always opens that way, so the
    statements it skips could never be dropped."""
    from routekit.text import subject
    from routekit.text.normalise import fold

    lexicon = subject._lexicon()
    statements = ["zijn broer reisde via italie.", " his brother came via libya.", "her mother flew to spain.",
                  "here the man stated he came via italy.", "de broer reisde via italie.", "my cousin came by train.",
                  "  hun vader verklaarde dat hij via duitsland kwam.", "the other passengers came via spain.",
                  "mijn  zus ging naar belgie.", "their uncle drove via france."]
    relatives = 0
    for statement in map(fold, statements):
        first = len(statement) - len(statement.lstrip())
        opening = lexicon.reference.match(statement, first)
        relative = opening is not None and subject._person(opening, lexicon).relative
        relatives += relative
        assert not relative or subject._POSSESSIVE_START.match(statement, first) is not None, statement
    assert relatives >= 5


def test_relatives_travel_is_dropped_as_before() -> None:
    from routekit.text.subject import subject_sentences

    text = "Ik kwam via Italie naar Nederland. Zijn broer reisde via Spanje. Daarna ging ik naar Utrecht."
    assert "Spanje" not in subject_sentences(text)
    assert "Italie" in subject_sentences(text)
