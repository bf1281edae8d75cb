"""Output-identity check for speed work on the text stage: every output field of many texts, before vs after.

Writes one JSON line per distinct text (route, modes, smuggler, route_asked, confidence, reason, hints,
language, corridor) for the demo narratives of the given demo folders (``routekit synth`` output) and the
texts of the gold/dev/speed-regression sets, then compares with a stored snapshot. A speed change must
report "identical"; a rule change lists the rows it changed.

    .venv/bin/python benchmarks/text_identity.py --demo /tmp/demo7 --write /tmp/before.jsonl
    ... change the code ...
    .venv/bin/python benchmarks/text_identity.py --demo /tmp/demo7 --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("extraction_gold", "extraction_dev2", "extraction_dev3", "extraction_dev4", "text_speed_regression")


def sample_texts(demo_folders: list[Path]) -> list[str]:
    """Distinct texts, in a fixed order: demo narratives first, then the test sets' texts."""
    import pandas as pd

    from routekit.text.evaluation import SYNTH_TEXT_COLUMNS

    texts: list[str] = []
    for folder in demo_folders:
        for source, column in SYNTH_TEXT_COLUMNS.items():
            frame = pd.read_csv(folder / "partners" / f"{source}.csv", dtype=str, keep_default_na=False)
            texts += [text for text in frame[column].tolist() if text]
    for name in SETS:
        path = ROOT / "tests" / "data" / f"{name}.csv"
        if path.is_file():
            texts += pd.read_csv(path, dtype=str, keep_default_na=False)["text"].tolist()
    return list(dict.fromkeys(texts))


def fields(text: str) -> list[object]:
    from routekit.text import extract_route
    from routekit.text.frame import extraction_row

    result = extract_route(text)
    row = extraction_row(0, result)
    return [result.route_text, result.modes_text, result.smuggler, bool(result.route_asked), repr(result.confidence),
            result.reason, ">".join(result.hints), result.language, row["corridor"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, action="append", default=[], help="a routekit synth output folder")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the snapshot here")
    group.add_argument("--compare", type=Path, help="compare with this snapshot")
    args = parser.parse_args()

    texts = sample_texts(args.demo)
    lines = [json.dumps(fields(text)) for text in texts]
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} texts -> {args.write}")
        return 0
    before = args.compare.read_text(encoding="utf-8").splitlines()
    if len(before) != len(lines):
        print(f"different samples: {len(before)} texts in the snapshot, {len(lines)} now")
        return 1
    changed = [(index, old, new) for index, (old, new) in enumerate(zip(before, lines)) if old != new]
    if not changed:
        print(f"identical: {len(lines)} texts, every field")
        return 0
    print(f"{len(changed)} of {len(lines)} texts changed (index, before, after):")
    for index, old, new in changed[:50]:
        print(f"  {index}: {old}\n  {' ' * len(str(index))}  {new}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
