"""Synthetic personal data planted in the extracts, and the canary list privacy tests look for.

Real interview reports and police reports are full of personal data: the person's name, names
of relatives, v-number, phone numbers, date of birth, sometimes an e-mail or street address.
The demo extracts carry the same kinds of data (random combinations from names.yaml), so the
release and report stages can be tested for leaks: truth/canaries.csv lists a sample of the
planted strings exactly as they appear in the extracts.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

CANARY_KINDS = ("name", "v_number", "phone", "birth_date", "email", "address")


@lru_cache(maxsize=1)
def name_data() -> dict:
    raw = yaml.safe_load(resources.files(__package__).joinpath("names.yaml").read_text(encoding="utf-8"))
    by_nationality = {}
    for group in raw["groups"].values():
        for code in group["nationalities"]:
            by_nationality[code] = group
    raw["by_nationality"] = by_nationality
    return raw


@dataclass
class Person:
    """The personal data one report can mention."""

    first: str
    family: str
    sex: str
    birth_date: str          # ISO yyyy-mm-dd
    v_number: str
    relatives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first} {self.family}"


def make_person(rnd: random.Random, nationality: str, sex: str, birth_date: str, v_number: str) -> Person:
    data = name_data()
    group = data["by_nationality"].get(nationality, data["groups"]["other"])
    first = rnd.choice(group["male"] if sex == "m" else group["female"])
    family = rnd.choice(group["family"])
    relatives = []
    for _ in range(rnd.choice((0, 1, 1, 2))):
        relation = rnd.choice(("broer", "zus", "vader", "moeder", "neef", "oom"))
        pool = group["female"] if relation in ("zus", "moeder") else group["male"]
        surname = family if relation in ("broer", "zus", "vader") else rnd.choice(group["family"])
        relatives.append((relation, f"{rnd.choice(pool)} {surname}"))
    return Person(first, family, sex, birth_date, v_number, relatives)


def phone_number(rnd: random.Random, nationality: str, dutch: bool) -> str:
    """A phone number as people write it: Dutch mobile or a number from the home country."""
    if dutch:
        digits = "".join(rnd.choice("0123456789") for _ in range(8))
        return rnd.choice((f"+31 6 {digits}", f"06-{digits}", f"+316{digits}", f"06 {digits[:4]} {digits[4:]}"))
    code = name_data()["calling_codes"].get(nationality, "44")
    digits = "".join(rnd.choice("0123456789") for _ in range(9))
    return rnd.choice((f"+{code} {digits}", f"00{code} {digits[:3]} {digits[3:]}", f"+{code}{digits}"))


def email_address(rnd: random.Random, person: Person) -> str:
    def ascii_(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "".join(ch for ch in plain.lower() if ch.isalnum())
    domain = rnd.choice(("gmail.com", "hotmail.com", "yahoo.com", "outlook.com"))
    return f"{ascii_(person.first)}.{ascii_(person.family)}{rnd.randint(1, 99)}@{domain}"


def street_address(rnd: random.Random) -> str:
    data = name_data()
    postcode = f"{rnd.randint(1000, 9999)} {rnd.choice('ABCDEGHJKLMNPRSTVWXZ')}{rnd.choice('ABCDEGHJKLMNPRSTVWXZ')}"
    return f"{rnd.choice(data['streets'])} {rnd.randint(1, 180)}, {postcode} {rnd.choice(data['towns'])}"


def dutch_date(iso: str) -> str:
    return f"{iso[8:10]}-{iso[5:7]}-{iso[:4]}"


class Canaries:
    """Collects planted PII strings per kind; keeps a seeded sample for truth/canaries.csv."""

    def __init__(self, rnd: random.Random, per_kind: int = 50):
        self._rnd = rnd
        self._per_kind = per_kind
        self._seen: dict[str, int] = {kind: 0 for kind in CANARY_KINDS}
        self._sample: dict[str, list[str]] = {kind: [] for kind in CANARY_KINDS}

    def add(self, kind: str, value: str) -> str:
        """Reservoir-sample ``value``; returns it so planting and recording are one step."""
        self._seen[kind] += 1
        sample = self._sample[kind]
        if len(sample) < self._per_kind:
            sample.append(value)
        else:
            slot = self._rnd.randrange(self._seen[kind])
            if slot < self._per_kind:
                sample[slot] = value
        return value

    def rows(self) -> list[tuple[str, str]]:
        return [(kind, value) for kind in CANARY_KINDS for value in sorted(set(self._sample[kind]))]
