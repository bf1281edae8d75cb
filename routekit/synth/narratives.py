"""Free text as partners write it, with the exact truth of what each text states.

Three styles: IND interview reports (gehoorverslag; ~70% Dutch, the rest English; first person
in question-answer or quoted form, third person in summaries), police reports (proces-verbaal,
Dutch, third person) and KMar route statements (short Dutch notes). Stories are built leg by leg
from the true route, then altered at documented rates (``STORY_RATES``) to give an extractor the
hard cases of real reports:

- omission: a transit country is not told (``omit_transit`` per transit country);
- the arrival in NL is not told (1 - ``nl_told``); modes told per leg with ``mode_told``;
- several legs in one sentence "via X naar Y" (``grouped``; those legs' modes are not told);
- wrong order told: a later leg first, then "Daarvoor ..." for the earlier one (``flashback``);
- cities, islands and border towns instead of country names (``place_name``), exonyms and common
  misspellings (``misspelling``);
- countries named but not travelled: intentions (``intent``), negations (``negation``), relatives
  living elsewhere (``relative``), forged documents (``forged``);
- smuggler stated yes / no / not mentioned (``smuggler_told``, ``no_smuggler_told``).

Truth (truth/narratives.csv): ``narrated_route`` = the countries the text states as physically
travelled, in travel order, each once, journey start first and NLD last when the text says the
person reached NL; ``narrated_modes`` = one mode per narrated leg ('unknown' where the text does
not tell it; the mode of a leg over an omitted country is the mode of arrival); ``smuggler`` =
yes/no/unknown as stated; ``route_asked`` = false when the route question was not asked (IND:
``route_not_asked`` in capture.yaml; text empty or without route) or the KMar note is empty.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from importlib import resources

import yaml

from routekit.synth import phrases as P
from routekit.synth.pii import Canaries, Person, dutch_date, email_address, phone_number, street_address

STORY_RATES = {
    "omit_transit": 0.08,
    "nl_told": 0.93,
    "mode_told": 0.70,
    "place_name": 0.35,
    "misspelling": 0.12,
    "grouped": 0.15,
    "flashback": 0.08,
    "origin_sentence": 0.30,
    "intent": 0.15,
    "negation": 0.06,
    "relative": 0.20,
    "forged": 0.06,
    "smuggler_told": 0.75,
    "no_smuggler_told": 0.40,
    "filler": 0.35,
}
INTENT_COUNTRIES = ("GBR", "SWE", "DEU", "FRA", "BEL", "NOR", "CAN", "IRL", "DNK", "FIN")
NEGATION_COUNTRIES = ("BEL", "DEU", "FRA", "AUT", "ITA", "HUN", "SRB", "GRC", "BGR", "CHE", "ESP")
RELATIVE_COUNTRIES = ("SWE", "DEU", "GBR", "BEL", "FRA", "NOR", "DNK", "CAN", "FIN", "AUT")
FORGED_COUNTRIES = ("BGR", "ROU", "GRC", "ITA", "FRA", "ESP", "BEL", "GBR", "SWE", "CZE", "POL")
ENTRY_PLACE = {
    "hazeldonk": ["Hazeldonk", "de grens bij Hazeldonk"], "meer": ["de grens bij Meer", "grensovergang Meer"],
    "venlo": ["Venlo"], "oldenzaal": ["De Lutte", "Oldenzaal"], "zevenaar": ["Zevenaar"],
    "bad_nieuweschans": ["Bad Nieuweschans", "Nieuweschans"], "schiphol": ["Schiphol", "Amsterdam Schiphol"],
    "eindhoven_airport": ["Eindhoven Airport", "het vliegveld van Eindhoven"],
    "rotterdam_airport": ["Rotterdam Airport", "het vliegveld Rotterdam"],
}
MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
DURATIONS = {
    "nl": ["twee weken", "een paar dagen", "drie maanden", "ongeveer een maand", "bijna een jaar", "zes weken", "een week"],
    "en": ["two weeks", "a few days", "three months", "about a month", "almost a year", "six weeks", "a week"],
}
POLICE_PLACES = (("Amsterdam", 0.18), ("Rotterdam", 0.14), ("Den Haag", 0.10), ("Utrecht", 0.08),
                 ("Eindhoven", 0.07), ("Venlo", 0.06), ("Roosendaal", 0.05), ("Breda", 0.05),
                 ("Arnhem", 0.04), ("Nijmegen", 0.04), ("Groningen", 0.04), ("Zwolle", 0.03),
                 ("Tilburg", 0.03), ("Maastricht", 0.03), ("Hoek van Holland", 0.04), ("IJmuiden", 0.02))
POLICE_SPOTS = ("op het station", "in de trein", "bij een tankstation", "in een woning", "op straat",
                "bij een controle in het kader van het MTV", "in een vrachtwagen op een parkeerplaats")


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("places.yaml").read_text(encoding="utf-8"))


_MODE_REQUIRED = re.compile(r"(ging|was) \{mode\}\.$")


def _clean(text: str) -> str:
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r"\s+([,.])", r"\1", text)
    text = re.sub(r",\s*([,.])", r"\1", text)
    return text[0].upper() + text[1:] if text else text


class Storyteller:
    """Renders route stories for one language and grammatical person, with a shared RNG."""

    def __init__(self, rnd: random.Random, lang: str, person: int, pronouns: dict[str, str], asylum: bool = False):
        self.rnd, self.lang, self.person, self.asylum = rnd, lang, person, asylum
        self.key = (lang, person)
        self.values = dict(pronouns)
        table = {("nl", 1): (P.NL1_FIRST, P.NL1_NEXT), ("nl", 3): (P.NL3_FIRST, P.NL3_NEXT),
                 ("en", 1): (P.EN1_FIRST, P.EN1_NEXT), ("en", 3): (P.EN3_FIRST, P.EN3_NEXT)}
        self.first, self.next = table[self.key]
        self.modes = P.MODE_NL if lang == "nl" else P.MODE_EN

    def say(self, templates: list[str], **values: str) -> str:
        return _clean(self.rnd.choice(templates).format(**self.values, **values))

    def country(self, iso: str) -> str:
        names = gazetteer()[iso][self.lang]
        if len(names) > 1 and self.rnd.random() < STORY_RATES["misspelling"]:
            return self.rnd.choice(names[1:])
        return names[0]

    def place(self, iso: str, entry_point: str = "") -> str:
        """A country name, or a city/island/border town in it."""
        rnd = self.rnd
        if iso == "NLD" and entry_point in ENTRY_PLACE and rnd.random() < 0.4:
            return rnd.choice(ENTRY_PLACE[entry_point])
        places = gazetteer()[iso].get("places") or []
        if places and rnd.random() < STORY_RATES["place_name"]:
            name = rnd.choice(places)
            return gazetteer()["_en_places"].get(name, name) if self.lang == "en" else name
        return self.country(iso)

    def mode_phrase(self, mode: str) -> tuple[str, str]:
        if self.rnd.random() < STORY_RATES["mode_told"]:
            return self.rnd.choice(self.modes[mode]), mode
        return "", "unknown"

    def leg(self, src: str, dst: str, mode: str, explicit_source: bool) -> tuple[str, str, bool]:
        """One leg sentence, the mode told, and whether it names its source (is anchored)."""
        phrase, told = self.mode_phrase(mode)
        anchored = explicit_source or self.rnd.random() < 0.3
        pool = self.first if anchored else self.next
        if not phrase:
            pool = [t for t in pool if not _MODE_REQUIRED.search(t)]
        sentence = self.say(pool, src=src, dst=dst, mode=phrase, dur=self.rnd.choice(DURATIONS[self.lang]),
                            n=str(self.rnd.randint(8, 60)))
        return sentence, told, anchored

    def route(self, countries: list[str], modes: list[str], entry_point: str,
              departure: tuple[int, int]) -> tuple[list[str], list[bool], list[str], list[str]]:
        """Sentences telling the route, whether each names its own starting point (other sentences
        may only be inserted before such an anchored sentence, so "van daar" never points at a
        country that was not travelled), and the narrated countries and modes (truth)."""
        rnd = self.rnd
        keep = [0] + [i for i in range(1, len(countries) - 1) if rnd.random() >= STORY_RATES["omit_transit"]]
        if rnd.random() < STORY_RATES["nl_told"] or len(keep) < 2:
            keep.append(len(countries) - 1)
        names = [self.place(countries[i], entry_point) for i in keep]
        sentences: list[str] = []
        anchors: list[bool] = []
        explicit = True
        if rnd.random() < STORY_RATES["origin_sentence"]:
            year, month = departure
            when = f"{MONTHS[self.lang][month - 1]} {year}"
            sentences.append(self.say(P.ORIGIN[self.key], src=names[0], when=when))
            anchors.append(True)
            explicit = False
        units: list[tuple[int, int, str, bool]] = []   # (from, to index in keep, sentence, anchored)
        told_modes: list[str] = []
        k = 0
        while k < len(keep) - 1:
            if not explicit and k < len(keep) - 2 and rnd.random() < STORY_RATES["grouped"]:
                units.append((k, k + 2, self.say(P.GROUPED[self.key], via=names[k + 1], dst=names[k + 2]), False))
                told_modes += ["unknown", "unknown"]
                k += 2
            else:
                sentence, told, anchored = self.leg(names[k], names[k + 1], modes[keep[k + 1] - 1], explicit)
                units.append((k, k + 1, sentence, anchored))
                told_modes.append(told)
                k += 1
            explicit = False
        singles = [u for u in range(len(units) - 1)
                   if units[u][1] - units[u][0] == 1 and units[u + 1][1] - units[u + 1][0] == 1]
        if singles and rnd.random() < STORY_RATES["flashback"]:
            u = rnd.choice(singles)
            (a, b, _, _), (c, d, _, _) = units[u], units[u + 1]
            # re-render both legs with explicit sources, keeping the told/untold mode decided above
            phrase_later = rnd.choice(self.modes[modes[keep[d] - 1]]) if told_modes[c] != "unknown" else ""
            pool_later = self.first if phrase_later else [t for t in self.first if not _MODE_REQUIRED.search(t)]
            later = self.say(pool_later, src=names[c], dst=names[d], mode=phrase_later,
                             dur=rnd.choice(DURATIONS[self.lang]), n=str(rnd.randint(8, 60)))
            phrase_earlier = rnd.choice(self.modes[modes[keep[b] - 1]]) if told_modes[a] != "unknown" else ""
            earlier = self.say(P.FLASHBACK[self.key], src=names[a], dst=names[b], mode=phrase_earlier)
            units[u], units[u + 1] = (c, d, later, True), (a, b, earlier, False)
            if u + 2 < len(units) and units[u + 2][1] - units[u + 2][0] == 1:
                e, f, _, _ = units[u + 2]
                phrase = rnd.choice(self.modes[modes[keep[f] - 1]]) if told_modes[e] != "unknown" else ""
                pool = self.first if phrase else [t for t in self.first if not _MODE_REQUIRED.search(t)]
                units[u + 2] = (e, f, self.say(pool, src=names[e], dst=names[f], mode=phrase,
                                               dur=rnd.choice(DURATIONS[self.lang]), n=str(rnd.randint(8, 60))), True)
        sentences += [u[2] for u in units]
        anchors += [u[3] for u in units]
        if self.asylum and self.person == 1 and keep[-1] == len(countries) - 1 and rnd.random() < 0.3:
            sentences.append(rnd.choice(P.ARRIVAL_EXTRA[self.lang]))
            anchors.append(True)
        return sentences, anchors, [countries[i] for i in keep], told_modes

    def extras(self, route: list[str], person: Person, canaries: Canaries) -> list[str]:
        """Sentences that name countries NOT travelled (intent, negation, relatives, forgery)."""
        rnd, out = self.rnd, []
        on_route = set(route)

        def pick(pool: tuple[str, ...]) -> str | None:
            options = [c for c in pool if c not in on_route]
            return rnd.choice(options) if options else None

        if rnd.random() < STORY_RATES["intent"] and (c := pick(INTENT_COUNTRIES)):
            out.append(self.say(P.INTENT[self.key], c=self.country(c)))
        if rnd.random() < STORY_RATES["negation"] and (c := pick(NEGATION_COUNTRIES)):
            out.append(self.say(P.NEGATION[self.key], c=self.country(c)))
        for relation, name in person.relatives:
            if rnd.random() < STORY_RATES["relative"] * 2 and (c := pick(RELATIVE_COUNTRIES)):
                rel = relation if self.lang == "nl" else P.RELATION_EN[relation]
                out.append(self.say(P.RELATIVE[self.key], rel=rel, name=canaries.add("name", name), c=self.country(c)))
        if rnd.random() < STORY_RATES["forged"] and (c := pick(FORGED_COUNTRIES)):
            out.append(self.say(P.FORGED[self.key], adj=gazetteer()[c]["adj_" + self.lang]))
        return out

    def smuggler(self, used: bool, cost: int) -> tuple[list[str], str]:
        rnd = self.rnd
        if used and rnd.random() < STORY_RATES["smuggler_told"]:
            return [self.say(P.SMUGGLER_YES[self.key], cost=f"{cost}")], "yes"
        if not used and rnd.random() < STORY_RATES["no_smuggler_told"]:
            return [self.say(P.SMUGGLER_NO[self.key])], "no"
        return [], "unknown"

    def story(self, journey: dict, person: Person, canaries: Canaries) -> tuple[list[str], dict]:
        """Full route story (route, smuggler, extras, filler) in a varied order."""
        countries, modes = journey["route"].split(">"), journey["modes"].split(">")
        route_sentences, anchors, narrated, told_modes = self.route(countries, modes, journey["entry_point"],
                                                                    journey["departure"])
        smuggler_sentences, smuggler = self.smuggler(journey["smuggler"] == "yes", journey["cost_eur"])
        others = self.extras(countries, person, canaries) + smuggler_sentences
        if self.rnd.random() < STORY_RATES["filler"]:
            others.append(self.say(P.FILLER[self.key]))
        # insert other sentences only before an anchored route sentence or at the end
        slots = [i for i, anchored in enumerate(anchors) if anchored and i > 0] + [len(route_sentences)]
        inserted: dict[int, list[str]] = {}
        for sentence in others:
            inserted.setdefault(self.rnd.choice(slots), []).append(sentence)
        sentences = []
        for i, sentence in enumerate(route_sentences + [""]):
            sentences += inserted.get(i, [])
            if sentence:
                sentences.append(sentence)
        truth = {"narrated_route": ">".join(narrated), "narrated_modes": ">".join(told_modes),
                 "smuggler": smuggler, "route_asked": True}
        return sentences, truth


def _pronouns(lang: str, sex: str) -> dict[str, str]:
    if lang == "nl":
        hij, zijn = ("hij", "zijn") if sex == "m" else ("zij", "haar")
        return {"hij": hij, "Hij": hij.capitalize(), "zijn": zijn, "Zijn": zijn.capitalize()}
    he, his = ("he", "his") if sex == "m" else ("she", "her")
    return {"he": he, "He": he.capitalize(), "his": his, "His": his.capitalize()}


def _format_birth_date(rnd: random.Random, iso: str, lang: str) -> str:
    if lang == "nl":
        return rnd.choice((dutch_date(iso), f"{int(iso[8:10])} {MONTHS['nl'][int(iso[5:7]) - 1]} {iso[:4]}"))
    return rnd.choice((f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}", f"{int(iso[8:10])} {MONTHS['en'][int(iso[5:7]) - 1]} {iso[:4]}"))


# An interview report's header per language: the heading's variants, then the labels of date,
# name, birth date and V-number (left out when the person has none).
INTERVIEW_HEADER = {
    "nl": (("Nader gehoor", "Verslag nader gehoor", "Gehoorverslag (nader gehoor)"),
           ("Datum", "Naam", "Geboortedatum", "V-nummer")),
    "en": (("Further interview (nader gehoor)", "Report of the detailed interview"),
           ("Date", "Name", "Date of birth", "V-number")),
}
NOT_ASKED_TRUTH = {"narrated_route": "", "narrated_modes": "", "smuggler": "unknown", "route_asked": False}


def ind_narrative(rnd: random.Random, journey: dict, person: Person, lang: str, route_asked: bool,
                  canaries: Canaries) -> tuple[str, dict]:
    """An IND interview report (gehoorverslag) in ``lang``; empty or route-less if not asked."""
    if not route_asked and rnd.random() < 0.5:
        return "", dict(NOT_ASKED_TRUTH)
    style = rnd.choice(("header", "prose", "qa", "header"))
    person_form = 3 if style == "prose" else 1
    teller = Storyteller(rnd, lang, person_form, _pronouns(lang, person.sex), asylum=True)
    name = canaries.add("name", person.name)
    birth = canaries.add("birth_date", _format_birth_date(rnd, person.birth_date, lang))
    v_number = canaries.add("v_number", person.v_number) if rnd.random() < 0.8 else ""
    interview = dutch_date(journey["interview_date"]) if lang == "nl" else journey["interview_date"]
    lines: list[str] = []
    if style in ("header", "qa"):
        titles, labels = INTERVIEW_HEADER[lang]
        lines.append(rnd.choice(titles))
        lines += [f"{label}: {value}" for label, value in zip(labels, (interview, name, birth))]
        if v_number:
            lines.append(f"{labels[3]}: {v_number}")
    else:
        v_part = f", V-nr. {v_number}" if v_number else ""
        lines.append(f"Op {interview} is {name} (geboren {birth}{v_part}) gehoord in aanwezigheid van een tolk."
                     if lang == "nl" else
                     f"On {interview} {name} (born {birth}{v_part}) was interviewed with an interpreter present.")
    if rnd.random() < 0.4:
        phone = canaries.add("phone", phone_number(rnd, journey["nationality"], rnd.random() < 0.6))
        lines.append(f"Telefoonnummer: {phone}" if lang == "nl" else f"Phone: {phone}")
    if rnd.random() < 0.08:
        email = canaries.add("email", email_address(rnd, person))
        lines.append(f"E-mail: {email}")
    if rnd.random() < 0.12:
        address = canaries.add("address", street_address(rnd))
        lines.append(f"Verblijfadres: {address}" if lang == "nl" else f"Address: {address}")
    if not route_asked:
        lines.append(rnd.choice(P.NOT_ASKED[lang]))
        return "\n".join(lines), dict(NOT_ASKED_TRUTH)
    sentences, truth = teller.story(journey, person, canaries)
    if style == "qa":
        question = rnd.choice(("V: Kunt u vertellen hoe u naar Nederland bent gereisd?", "V: Wat is uw reisroute geweest?",
                               "V: Hoe bent u naar Nederland gekomen?")) if lang == "nl" else \
            rnd.choice(("Q: Can you describe your journey to the Netherlands?", "Q: How did you travel here?"))
        lines.append(question)
        lines.append(("A: " if lang == "nl" else "A: ") + " ".join(sentences))
        if person.relatives and rnd.random() < 0.25:
            relation, rel_name = person.relatives[0]
            rel_phone = canaries.add("phone", phone_number(rnd, journey["nationality"], False))
            rel = relation if lang == "nl" else P.RELATION_EN[relation]
            lines.append(f"A: Het nummer van mijn {rel} {canaries.add('name', rel_name)} is {rel_phone}." if lang == "nl"
                         else f"A: The number of my {rel} {canaries.add('name', rel_name)} is {rel_phone}.")
    else:
        lines.append(" ".join(sentences))
    return "\n".join(lines), truth


def kmar_statement(rnd: random.Random, journey: dict, person: Person, canaries: Canaries) -> tuple[str, dict]:
    """A short KMar route note (Dutch); often only the last legs; sometimes empty."""
    draw = rnd.random()
    if draw < 0.20:
        return "", dict(NOT_ASKED_TRUTH)
    if draw < 0.25:
        return rnd.choice(("Betrokkene wilde niets verklaren over de reisroute.", "Geen verklaring over reisroute.")), \
            {"narrated_route": "", "narrated_modes": "", "smuggler": "unknown", "route_asked": True}
    teller = Storyteller(rnd, "nl", 3, _pronouns("nl", person.sex))
    countries, modes = journey["route"].split(">"), journey["modes"].split(">")
    last_phrase, last_mode = teller.mode_phrase(modes[-1])
    nl_name = teller.place("NLD", journey["entry_point"])
    transit = countries[1:-1]
    form = rnd.random()
    if form < 0.35 or not transit:
        narrated = [countries[-2], "NLD"]
        src = teller.place(countries[-2])
        text = rnd.choice((f"Betrokkene verklaarde {last_phrase} vanuit {src} naar {nl_name} te zijn gereisd.",
                           f"Komt {last_phrase} uit {src}, op weg naar {nl_name}.",
                           f"Volgens betrokkene {last_phrase} vanuit {src} Nederland ingereisd."))
        told = [last_mode]
    else:
        shown = transit if form > 0.7 else transit[-rnd.randint(1, min(3, len(transit))):]
        shown = [c for c in shown if rnd.random() >= STORY_RATES["omit_transit"]] or shown[-1:]
        narrated = [countries[0]] + shown + ["NLD"]
        names = [teller.place(c) for c in shown]
        listing = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
        origin = teller.place(countries[0])
        text = rnd.choice((f"Afkomstig uit {origin}. Via {listing} naar {nl_name}.",
                           f"Betrokkene verklaarde uit {origin} te komen en via {listing} naar {nl_name} te zijn gereisd.",
                           f"Reisroute volgens betrokkene: {origin}, {listing}, {nl_name}.",
                           f"Vertrokken uit {origin}; via {listing} naar Nederland gekomen."))
        told = ["unknown"] * len(shown)
        if last_phrase:
            text += rnd.choice((f" Laatste stuk {last_phrase}.", f" Het laatste deel {last_phrase}."))
            told.append(last_mode)
        else:
            told.append("unknown")
    text = _clean(re.sub(r" {2,}", " ", text))
    parts = [text]
    extra, smuggler = teller.smuggler(journey["smuggler"] == "yes", journey["cost_eur"])
    parts += extra
    if rnd.random() < 0.10 and (c := next((x for x in rnd.sample(INTENT_COUNTRIES, 3) if x not in countries), None)):
        parts.append(f"Wilde door naar {teller.country(c)}.")
    if rnd.random() < 0.05:
        c = next((x for x in rnd.sample(FORGED_COUNTRIES, 3) if x not in countries), "BGR")
        parts.append(f"In bezit van een vals {gazetteer()[c]['adj_nl']} paspoort.")
    if rnd.random() < 0.3:
        parts.insert(0, f"Betrokkene: {canaries.add('name', person.name)}.")
    return " ".join(parts), {"narrated_route": ">".join(narrated), "narrated_modes": ">".join(told),
                             "smuggler": smuggler, "route_asked": True}


def police_report(rnd: random.Random, journey: dict, person: Person, place: str,
                  canaries: Canaries) -> tuple[str, dict]:
    """A police report (proces-verbaal van bevindingen, Dutch, third person)."""
    teller = Storyteller(rnd, "nl", 3, _pronouns("nl", person.sex))
    date = dutch_date(journey["police_date"])
    who = "man" if person.sex == "m" else "vrouw"
    name = canaries.add("name", person.name)
    birth = canaries.add("birth_date", _format_birth_date(rnd, person.birth_date, "nl"))
    birthplace = rnd.choice(gazetteer()[journey["nationality"]].get("places") or [teller.country(journey["nationality"])])
    lines = [rnd.choice(("PROCES-VERBAAL VAN BEVINDINGEN", "Proces-verbaal van bevindingen", "PV bevindingen (AVIM)")),
             f"Op {date} omstreeks {rnd.randint(0, 23):02d}:{rnd.choice((0, 10, 15, 20, 30, 45, 50)):02d} uur "
             f"troffen wij, verbalisanten, {rnd.choice(POLICE_SPOTS)} te {place} een {who} aan die zich niet kon legitimeren.",
             f"Desgevraagd gaf {teller.values['hij']} op te zijn genaamd {name}, geboren op {birth} te {birthplace}, "
             f"nationaliteit {gazetteer()[journey['nationality']]['adj_nl']}."]
    if rnd.random() < 0.7:
        lines.append(f"V-nummer: {canaries.add('v_number', person.v_number)}.")
    if rnd.random() < 0.5:
        lines.append(f"Betrokkene had een telefoon bij zich met nummer {canaries.add('phone', phone_number(rnd, journey['nationality'], rnd.random() < 0.5))}.")
    if rnd.random() < 0.25:
        lines.append(f"Betrokkene verblijft naar eigen zeggen op het adres {canaries.add('address', street_address(rnd))}.")
    if rnd.random() < 0.04:
        lines.append(f"E-mailadres: {canaries.add('email', email_address(rnd, person))}.")
    draw = rnd.random()
    if draw < 0.10:
        lines.append("Betrokkene wenste geen verklaring af te leggen over de reisroute.")
        truth = {"narrated_route": "", "narrated_modes": "", "smuggler": "unknown", "route_asked": True}
    elif draw < 0.18:
        truth = dict(NOT_ASKED_TRUTH)
    else:
        sentences, truth = teller.story(journey, person, canaries)
        lines.append("Betrokkene verklaarde het volgende over de reis. " + " ".join(sentences))
    lines.append(rnd.choice(("Betrokkene is overgebracht naar het cellencomplex.",
                             "Betrokkene is ter beschikking gesteld van de AVIM.", "Betrokkene is heengezonden.")))
    return "\n".join(lines), truth
