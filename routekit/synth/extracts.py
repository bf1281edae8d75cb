"""The partner extracts (schemas in routekit.sources.partners) built from the captured journeys.

Each partner sees only its own records: KMar at the border, IND applications with interview
reports, police reports inland, Eurodac hits. Record ids ("KM-0000001", "IND-...", "PV-...",
"ED-...") number each extract in date order and carry no information from the v-number. All
personal data in the free text come from one ``Person`` per journey, so a person seen by KMar and
IND has the same name in both.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

from routekit.synth.config import capture_config
from routekit.synth.narratives import POLICE_PLACES, ind_narrative, kmar_statement, police_report
from routekit.synth.pii import Canaries, make_person

NARRATIVE_COLUMNS = ["record_id", "source", "narrated_route", "narrated_modes", "smuggler", "route_asked"]


def _iso(series: pd.Series) -> pd.Series:
    return series.dt.strftime("%Y-%m-%d")


def _numbered(frame: pd.DataFrame, prefix: str, date_column: str) -> pd.DataFrame:
    frame = frame.sort_values([date_column, "journey_id"], kind="stable").reset_index(drop=True)
    frame.insert(0, "record_id", [f"{prefix}-{i:07d}" for i in range(1, len(frame) + 1)])
    return frame


def build_extracts(seed_sequence: np.random.SeedSequence, journeys: pd.DataFrame,
                   texts: bool = True) -> dict[str, pd.DataFrame]:
    """kmar, ind, police, eurodac frames (+ narratives truth and canaries) from captured journeys."""
    pii_seed, kmar_seed, ind_seed, police_seed, other_seed, canary_seed = seed_sequence.spawn(6)
    rates = capture_config()["ind"]
    other = np.random.default_rng(other_seed)
    n = len(journeys)
    language = np.where(other.random(n) < rates["dutch_report_share"], "nl", "en")
    route_asked = other.random(n) >= rates["route_not_asked"]
    names = [p for p, _ in POLICE_PLACES]
    weights = np.array([w for _, w in POLICE_PLACES])
    place = np.asarray(names)[other.choice(len(names), size=n, p=weights / weights.sum())]

    j = journeys.assign(language=language, route_asked=route_asked, place=place)
    kmar = _numbered(j[j["in_kmar"] == 1].assign(date=lambda f: _iso(f["kmar_date"])), "KM", "date")
    ind = _numbered(j[j["in_ind"] == 1].assign(application_date=lambda f: _iso(f["application_date"]),
                                               interview_date=lambda f: _iso(f["interview_date"])),
                    "IND", "application_date")
    police = _numbered(j[j["in_police"] == 1].assign(date=lambda f: _iso(f["police_date"])), "PV", "date")
    eurodac = _numbered(j[j["in_eurodac"] == 1].assign(hit_date=lambda f: _iso(f["eurodac_hit_date"])),
                        "ED", "hit_date")

    canaries = Canaries(random.Random(int(canary_seed.generate_state(1)[0])))
    truth_rows: list[dict] = []
    kmar_text = [""] * len(kmar)
    ind_text = [""] * len(ind)
    police_text = [""] * len(police)
    if texts:
        people = _people(pii_seed, j)
        departure = j["departure_date"].dt.year.astype(int).astype(str) + "-" + j["departure_date"].dt.month.astype(int).astype(str)
        j_records = j.assign(departure_ym=departure)
        by_id = j_records.set_index("journey_id")
        for frame, rnd_seed, out, source in ((kmar, kmar_seed, kmar_text, "kmar"), (ind, ind_seed, ind_text, "ind"),
                                             (police, police_seed, police_text, "police")):
            rnd = random.Random(int(rnd_seed.generate_state(1)[0]))
            rows = by_id.loc[frame["journey_id"]]
            for i, (record_id, record) in enumerate(zip(frame["record_id"], _records(rows))):
                person = people[record["journey_id"]]
                if source == "kmar":
                    text, truth = kmar_statement(rnd, record, person, canaries)
                elif source == "ind":
                    text, truth = ind_narrative(rnd, record, person, record["language"], bool(record["route_asked"]), canaries)
                else:
                    text, truth = police_report(rnd, record, person, record["place"], canaries)
                out[i] = text
                truth_rows.append({"record_id": record_id, "source": source, **truth})
    for v_number in kmar["v_number"].iloc[:20]:
        canaries.add("v_number", v_number)

    out = {
        "kmar": kmar.assign(crossing_point=kmar["entry_point"], transport=kmar["last_mode"], route_statement=kmar_text)[
            ["record_id", "date", "crossing_point", "crossing_type", "last_country", "nationality", "transport",
             "v_number", "route_statement"]],
        "ind": ind.assign(narrative=ind_text)[
            ["record_id", "application_date", "interview_date", "nationality", "v_number", "language", "narrative"]],
        "police": police.assign(report_text=police_text)[
            ["record_id", "date", "place", "nationality", "v_number", "report_text"]],
        "eurodac": eurodac.assign(first_registration_country=eurodac["first_dublin_country"],
                                  category=eurodac["eurodac_category"])[
            ["record_id", "hit_date", "v_number", "nationality", "first_registration_country", "category"]],
    }
    narratives = pd.DataFrame(truth_rows, columns=NARRATIVE_COLUMNS)
    narratives["route_asked"] = narratives["route_asked"].map({True: "true", False: "false"})
    out["narratives"] = narratives
    out["canaries"] = pd.DataFrame(canaries.rows(), columns=["kind", "value"])
    return out


def _records(rows: pd.DataFrame):
    """Plain dicts per journey with ISO date strings, for the text generators."""
    columns = ["journey_id", "route", "modes", "entry_point", "smuggler", "cost_eur", "nationality",
               "language", "route_asked", "place", "departure_ym"]
    dates = {c: rows[c].dt.strftime("%Y-%m-%d").fillna("").tolist() for c in ("interview_date", "police_date")}
    values = {c: rows[c].tolist() if c != "journey_id" else rows.index.tolist() for c in columns}
    for i in range(len(rows)):
        record = {c: values[c][i] for c in columns}
        year, month = record.pop("departure_ym").split("-")
        record["departure"] = (int(year), int(month))
        record["interview_date"] = dates["interview_date"][i]
        record["police_date"] = dates["police_date"][i]
        yield record


def _people(seed: np.random.SeedSequence, journeys: pd.DataFrame) -> dict:
    """One Person per journey seen by a text source, created in journey order."""
    rnd = random.Random(int(seed.generate_state(1)[0]))
    seen = journeys[(journeys["in_kmar"] + journeys["in_ind"] + journeys["in_police"]) > 0]
    birth = seen["birth_date"].dt.strftime("%Y-%m-%d").tolist()
    return {jid: make_person(rnd, nat, sex, b, v)
            for jid, nat, sex, b, v in zip(seen["journey_id"], seen["nationality"], seen["sex"], birth, seen["v_number"])}
