"""Helpers the learned stages' tests share: loading a refit script and writing small labelled sets for it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def load_fit_script(name: str):
    """``benchmarks/<name>.py`` as a module (the refit commands are scripts, not part of the package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def write_labelled_sets(folder: Path, rows: list[tuple[str, str]], count: int = 2) -> list[Path]:
    """The same (text, route) rows as ``count`` small labelled CSVs (id, text, route): a training set and an extra one."""
    paths = []
    for n in range(1, count + 1):
        path = folder / f"small{n}.csv"
        pd.DataFrame([{"id": f"s{n}-{i}", "text": t, "route": r} for i, (t, r) in enumerate(rows)]).to_csv(
            path, index=False)
        paths.append(path)
    return paths


WORD_AFTER_A_STOP = ("Ik kom uit Syrie. Ik reisde via Turkije {word} en was in {town} verblijf {stay}. Toen naar "
                     "Griekenland en Nederland.", "SYR>TUR>GRC>NLD")
WORD_BEFORE_BACKWARDS = ("Ik kwam in Griekenland aan, verblijf {days} dagen. {word} was ik in Turkije. Toen naar "
                         "Nederland.", "TUR>GRC>NLD")   # a story told backwards, ``word`` opening the earlier stop's


def write_word_sets(folder: Path, word: str, counts: tuple[int, ...], name: str = "words",
                    template: tuple[str, str] = WORD_AFTER_A_STOP) -> list[Path]:
    """Labelled CSVs, one per count, each holding that many DISTINCT records (each names its own town, so no two texts
    are alike) of ``template`` (text with {word}, {town}, {stay} or {days}; route): for the word floor's tests."""
    towns = ("Izmir", "Edirne", "Bodrum", "Mersin", "Adana", "Bursa", "Konya", "Samsun", "Trabzon", "Kayseri",
             "Antalya", "Ankara")
    paths, seen = [], 0
    for n, count in enumerate(counts, start=1):
        rows = []
        for i in range(count):
            town = towns[seen % len(towns)]
            stay = "lang" if seen >= len(towns) else "kort"
            rows.append({"id": f"{name}{n}-{i}", "route": template[1],
                         "text": template[0].format(word=word, town=town, stay=stay, days=seen + 1)})
            seen += 1
        path = folder / f"{name}{n}.csv"
        pd.DataFrame(rows).to_csv(path, index=False)
        paths.append(path)
    return paths


def verifier_hook_inputs(texts) -> list[tuple]:
    """What ``extract_route`` hands the stop verifier's hook per text (its arguments), the stage recording; the
    dialogue as the stage reads it (with the countries told as gone to, ``verifier.told_gone_to``, already added) and
    the destination-word test ``moved_to`` itself left out."""
    from dataclasses import replace

    import routekit.text.extraction as extraction
    from routekit.text import verifier
    from routekit.text.extraction import extract_route

    seen = []
    real = extraction.review_stops

    def spy(*arguments):
        route, states, mode_of, dialogue, genre, language, length, words_of, moved_to = arguments
        gone = verifier.told_gone_to(route, states, mode_of, dialogue.kept, moved_to) if moved_to else frozenset()
        seen.append((route, states, mode_of, replace(dialogue, reached=dialogue.reached | gone) if gone else dialogue,
                     genre, language, length, words_of))
        return real(*arguments)
    extraction.review_stops = spy
    try:
        with verifier.recording():
            for text in texts:
                extract_route(text)
    finally:
        extraction.review_stops = real
    return seen


def space_tokens(text: str) -> tuple[list[str], list[int]]:
    """A hand-built folded text's tokens split at single spaces and line ends, and their offsets: the input
    ``context_words.record_words`` takes."""
    words, starts, at = [], [], 0
    for word in text.replace("\n", " ").split(" "):
        starts.append(at)
        words.append(word)
        at += len(word) + 1
    return words, starts


def rules_only():
    """The rules' own route: the stop verifier (on since round 17) switched off, for tests of a rule whose hand example
    the verifier gets wrong (a country told only by a code or named first)."""
    from routekit.text import verifier

    return verifier.using(verifier.stored_model()._replace(enabled=False))
