"""Measure the extractor's corridor misclassification on hand-labelled sets and store it as data.

    .venv/bin/python benchmarks/text_confusion.py [SETS...] [--write]

Runs ``routekit.text`` on every labelled text (default: the untuned calibration sets below) and counts,
per source genre and per partner source, how often a record whose gold route lies on corridor ``t`` is given
corridor ``e`` (``classify_corridor`` of the extracted and of the gold route, as ``evaluate-extraction`` does; a
text without a route of two countries is ``other``). Prints per source: rows, sets, exact route, corridor
agreement and the confusion counts (true corridor -> extracted corridor). ``--write`` stores them in
``routekit/reference/text_confusion.yaml``, which the estimate stage reads (``routekit.estimate.misclassification``)
and the data-quality chapter shows. A set named ``*untouched*`` is refused: it is kept for the final evaluation.

The genre of a row is its ``genre=`` / ``src=`` tag in ``notes``; ``GENRE_SOURCE`` says which partner writes
records of that genre. Rows without a known genre (the untagged gold set, ILO notes) count only in ``all``.
KMar: a border-guard note is scored as the release structures a KMar record (``release.structure.structure_kmar``):
the told route completed with what KMar observes at the Dutch border - the last country before the Netherlands
and the transport of that leg (from the gold route) and the crossing type as the entry hint - and the gold
corridor is classified with the same hint. Notes whose gold route does not end in the Netherlands are scored on
the text alone.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from routekit.text.learned_fit import CALIBRATION_SETS

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "routekit" / "reference" / "text_confusion.yaml"
DEFAULT_SETS = [f"tests/data/extraction_{name}.csv" for name in CALIBRATION_SETS]
# Only sets no rule was ever tuned on (written blind by their own writers, kept for the confidence's recalibration):
# on the sets the rules were tuned on the extractor is right more often than on a new writer's records, so rates
# measured there would make the estimates' intervals too narrow. Few rows per source is the honest price; the
# estimate stage draws the matrix from its Dirichlet posterior, so fewer rows give wider intervals.
# genre tag in a labelled row's notes -> the partner source whose records are written that way
GENRE_SOURCE = {
    "qa": "ind", "summary": "ind", "letter": "ind", "translated": "ind", "ind": "ind",
    "pv": "police", "police": "police",
    "kmar": "kmar",
}
OTHER = "other"


def score(paths: list[Path]) -> pd.DataFrame:
    """One row per labelled text: set, id, genre, source, exact, true and extracted corridor."""
    from routekit.text.evaluation import evaluate

    frames = []
    for path in paths:
        gold = pd.read_csv(path, dtype=str, keep_default_na=False)
        rows = evaluate(gold).rows
        frame = pd.DataFrame({
            "set": path.stem.removeprefix("extraction_"), "id": rows["id"], "genre": rows["genre"],
            "source": rows["genre"].map(GENRE_SOURCE).fillna(""), "exact": rows["exact"].astype(bool),
            "true": rows["gold_corridor"].replace("", OTHER), "extracted": rows["corridor"].replace("", OTHER)})
        border = (frame["source"] == "kmar").to_numpy()
        if border.any():
            true, extracted = kmar_corridors(gold[border], rows[border])
            frame.loc[border, "true"] = true
            frame.loc[border, "extracted"] = extracted
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def kmar_corridors(gold: pd.DataFrame, rows: pd.DataFrame) -> tuple[list[str], list[str]]:
    """True and extracted corridor of border-guard notes as a KMar release makes them (see the module doc)."""
    from routekit.release.structure import structure_kmar
    from routekit.text.corridors import classify_corridor
    from routekit.text.evaluation import split_modes, split_route

    true, extracted = [], []
    for (_, row), (_, scored) in zip(gold.iterrows(), rows.iterrows()):
        route, modes = split_route(row["route"]), split_modes(row.get("modes", ""))
        if len(route) < 2 or route[-1] != "NLD":
            true.append(scored["gold_corridor"] or OTHER)
            extracted.append(scored["corridor"] or OTHER)
            continue
        transport = modes[len(route) - 2] if len(modes) == len(route) - 1 else "unknown"
        crossing = {"plane": "air", "boat": "sea", "ferry": "sea"}.get(transport, "land")
        record = pd.DataFrame([{"record_id": str(row["id"]), "date": "2025-01-01", "crossing_point": "-",
                                "crossing_type": crossing, "last_country": route[-2], "nationality": route[0],
                                "transport": transport, "v_number": "0000000000", "route_statement": row["text"]}])
        true.append(classify_corridor(list(route), list(modes), entry_hint=crossing))
        extracted.append(str(structure_kmar(record)["corridor"].iloc[0]))
    return true, extracted


def summary(rows: pd.DataFrame) -> dict:
    """Rows, sets, exact route, corridor agreement and confusion counts of a group of scored rows."""
    confusion: dict[str, dict[str, int]] = {}
    for (true, extracted), n in rows.groupby(["true", "extracted"]).size().items():
        confusion.setdefault(str(true), {})[str(extracted)] = int(n)
    return {
        "rows": int(len(rows)),
        "sets": {str(k): int(v) for k, v in rows.groupby("set", sort=False).size().items()},
        "exact_route": round(float(rows["exact"].mean()), 3),
        "corridor_agreement": round(float((rows["true"] == rows["extracted"]).mean()), 3),
        "confusion": dict(sorted(confusion.items())),
    }


def build(rows: pd.DataFrame, paths: list[Path]) -> dict:
    sources = {}
    for source in sorted(set(GENRE_SOURCE.values())):
        own = rows[rows["source"] == source]
        if len(own):
            genres = sorted(own["genre"].unique())
            sources[source] = {"genres": genres, **summary(own)}
    genres = {genre: {"source": GENRE_SOURCE[genre], **{k: v for k, v in summary(part).items() if k != "confusion"}}
              for genre, part in rows[rows["source"] != ""].groupby("genre")}
    return {"measured": {"on": [p.name for p in paths], "rows": int(len(rows)), "date": date.today().isoformat(),
                         "command": "benchmarks/text_confusion.py --write"},
            "sources": sources, "genres": genres, "all": summary(rows)}


def show(name: str, part: dict) -> None:
    sets = ", ".join(f"{k} {v}" for k, v in part["sets"].items())
    print(f"{name:<12} rows {part['rows']:>4}  exact route {part['exact_route']:.3f}  "
          f"corridor agreement {part['corridor_agreement']:.3f}   ({sets})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    paths = args.sets or [ROOT / p for p in DEFAULT_SETS]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        parser.error(f"no such labelled set: {', '.join(missing)}")
    if any("untouched" in path.name for path in paths):
        parser.error("the untouched set is for evaluation only")
    rows = score(paths)
    data = build(rows, paths)
    print("per source (genres -> source: " + ", ".join(f"{g} {s}" for g, s in GENRE_SOURCE.items()) + ")")
    for source, part in data["sources"].items():
        show(source, part)
    show("all", data["all"])
    print("\nper genre")
    for genre, part in data["genres"].items():
        show(genre, part)
    for source, part in data["sources"].items():
        print(f"\n{source}: true corridor -> extracted corridor (rows)")
        for true, row in part["confusion"].items():
            total = sum(row.values())
            print(f"  {true:<16} n={total:>3}  right {row.get(true, 0) / total:.2f}  " +
                  ", ".join(f"{e} {n}" for e, n in sorted(row.items(), key=lambda kv: -kv[1]) if e != true))
    if args.write:
        header = ("# The extractor's corridor misclassification, measured on hand-labelled sets no rule was tuned on\n"
                  "# (never the untouched ones). Written by benchmarks/text_confusion.py --write;\n"
                  "# do not edit by hand, refit.\n"
                  "# sources.<source>.confusion: true corridor -> {extracted corridor: labelled rows}; read by\n"
                  "# routekit.estimate.misclassification (interval propagation) and the data-quality chapter.\n")
        TARGET.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        print(f"\nwrote {TARGET}")


if __name__ == "__main__":
    main()
