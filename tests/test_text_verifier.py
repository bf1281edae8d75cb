"""The learned second stage over the rules' stops (routekit.text.verifier, issue 15)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from routekit.text import verifier
from routekit.text.extraction import extract_route

from learned_helpers import load_fit_script, space_tokens, verifier_hook_inputs

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
TEXT = "Ik kom uit Syrie. Ik reisde via Turkije en Griekenland naar Italie en daarna naar Nederland."
RULES = ("SYR", "TUR", "GRC", "ITA", "NLD")
N = len(verifier.FEATURE_NAMES)


def _fit_script():
    return load_fit_script("text_verifier_fit")


def _model(keep_intercept=0.0, keep_weights=None, add_intercept=-10.0, add_weights=None, remove=0.2, add=0.9,
           enabled=True, keep_words=None):
    def vector(weights):
        weights = weights or {}
        return tuple(float(weights.get(name, 0.0)) for name in verifier.FEATURE_NAMES)
    return verifier.Model(enabled, (keep_intercept, vector(keep_weights)), (add_intercept, vector(add_weights)),
                          remove, add, keep_words or {})


@pytest.fixture
def stored(monkeypatch):
    """Use a hand-made model in place of the stored one."""
    def use(model):
        monkeypatch.setattr(verifier, "stored_model", lambda: model)
    return use


def test_rules_route_of_the_example():
    with verifier.recording() as recorded:
        assert extract_route(TEXT).route == RULES
    route, found = recorded[0]
    assert route == RULES
    assert {c.iso3 for c in found} == {"SYR", "TUR", "GRC", "ITA"}   # NLD is never a candidate
    assert all(c.kept and len(c.values) == N for c in found)


def test_a_confident_removal_happens(stored):
    # p(in gold) of the country placed last before NLD: logistic(4 - 8) = 0.018 < 0.2: removed
    stored(_model(keep_intercept=4.0, keep_weights={"route_last": -8.0}))
    assert extract_route(TEXT).route == ("SYR", "TUR", "GRC", "NLD")


def test_no_removal_when_not_clearly_likely(stored):
    # the same candidate at logistic(4 - 4.5) = 0.38: not below 0.2, so the rules' route stays
    stored(_model(keep_intercept=4.0, keep_weights={"route_last": -4.5}))
    assert extract_route(TEXT).route == RULES


def test_never_removes_the_netherlands_nor_empties_a_route(stored):
    stored(_model(keep_intercept=-50.0))   # every kept country looks wrong
    route = extract_route(TEXT).route
    assert route[-1] == "NLD" and len(route) == 2
    short = "Hij kwam met de trein uit Belgie naar Nederland."
    assert extract_route(short).route == ("BEL", "NLD")


def test_a_dropped_country_comes_back_in_text_order():
    found = [verifier.Candidate("SYR", False, 5, (0.0,) * N), verifier.Candidate("TUR", True, 40, (0.0,) * N),
             verifier.Candidate("GRC", True, 60, (0.0,) * N)]
    model = _model(keep_intercept=5.0, add_intercept=5.0)
    new, flips, lowest = verifier.decide(["TUR", "GRC", "NLD"], found, model)
    assert new == ["SYR", "TUR", "GRC", "NLD"] and flips == 1
    assert lowest == pytest.approx(1 / (1 + math.exp(-5.0)))


def test_disabled_gives_the_rules_output_exactly(stored):
    texts = [t for t in pd.read_csv(DATA / "extraction_gold.csv", dtype=str, keep_default_na=False)["text"]]
    with verifier.recording():
        rules = [extract_route(t) for t in texts]
    stored(_model(keep_intercept=-50.0, add_intercept=50.0, enabled=False))
    assert [extract_route(t) for t in texts] == rules
    assert [extract_route(t).features for t in texts] == [r.features for r in rules]


def test_the_signal_for_the_calibration(stored, monkeypatch):
    stored(_model(keep_intercept=4.0, keep_weights={"route_last": -8.0}))
    seen = {}
    import routekit.text.extraction as extraction
    real = extraction.feature_vector
    monkeypatch.setattr(extraction, "feature_vector", lambda counts: seen.update(counts) or real(counts))
    extract_route(TEXT)
    assert seen["verifier_flips"] == 1.0 and seen["verifier_doubt"] > 0.8


def test_the_stored_file_reads():
    model = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))
    assert len(model.keep[1]) == N and len(model.add[1]) == N
    assert 0.0 <= model.remove_below <= 0.5 <= model.add_above <= 1.0


def test_a_bad_file_is_refused(tmp_path):
    path = tmp_path / "verifier.yaml"
    path.write_text("enabled: true\nkeep: {intercept: 0, weights: {no_such: 1}}\nadd: {intercept: 0}\n")
    with pytest.raises(verifier.VerifierError, match="unknown feature no_such"):
        verifier.read_model(path)
    path.write_text("enabled: true\nadd: {intercept: 0}\n")
    with pytest.raises(verifier.VerifierError, match="keep: no 'intercept'"):
        verifier.read_model(path)
    floor = "fitted: {word_floor: {records: 10, groups: 2}}\n"
    path.write_text(floor + "enabled: true\nkeep: {intercept: 0, words: {chauffeur: -1}}\nadd: {intercept: 0}\n")
    with pytest.raises(verifier.VerifierError, match="keep.words: 'chauffeur' is not a word feature"):
        verifier.read_model(path)
    path.write_text(floor + "enabled: true\nkeep: {intercept: 0}\nadd: {intercept: 0, words: {w=auto: veel}}\n")
    with pytest.raises(verifier.VerifierError, match="add.words: w=auto: not a number"):
        verifier.read_model(path)


def test_the_fit_command_runs_end_to_end(tmp_path):
    gold = pd.read_csv(DATA / "extraction_gold.csv", dtype=str, keep_default_na=False)
    first, second = tmp_path / "part1.csv", tmp_path / "part2.csv"
    gold.iloc[::2].to_csv(first, index=False)
    gold.iloc[1::2].to_csv(second, index=False)
    out = tmp_path / "verifier.yaml"
    script = _fit_script()
    assert script.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--write",
                        "--out", str(out)]) == 0
    model = verifier.read_model(out)
    assert model.enabled is False   # the rules are tuned on these rows: nothing to gain
    import yaml

    stored = yaml.safe_load(out.read_text(encoding="utf-8"))
    words = stored["keep"]["words"]
    assert words and list(words) == sorted(words, key=lambda w: (-abs(words[w]), w))   # strongest first, ties by name
    assert stored["fitted"]["word_floor"] == {"records": 10, "groups": 2}   # K distinct records of 2 groups
    assert all(feature[:2] in ("w=", "b=", "a=") for feature in words)
    assert stored["fitted"]["window_words"]["vocabulary_kept"] == len(model.keep_words) > 0
    again = tmp_path / "again.yaml"
    script.main(["--train", str(first), "--extra", str(second), "--no-allowed-sets", "--write", "--out", str(again)])
    assert verifier.read_model(again) == model   # deterministic


def test_the_writer_stores_words_strongest_first(tmp_path):
    """Hand-computed order: by absolute weight, a tie by name, rounded to 6 decimals, a weight that rounds to 0
    left out."""
    import yaml

    path = tmp_path / "verifier.yaml"
    verifier.write_model(path, _model(keep_words={"w=b": 0.5, "w=a": -0.5, "b=x": -2.0, "a=y": 4e-7,
                                                  "w=c": 0.1234567}),
                         {"word_floor": {"records": 10, "groups": 2}})
    stored = yaml.safe_load(path.read_text(encoding="utf-8"))["keep"]["words"]
    assert list(stored.items()) == [("b=x", -2.0), ("w=a", -0.5), ("w=b", 0.5), ("w=c", 0.123457)]


def test_evaluation_sets_are_refused():
    with pytest.raises(SystemExit, match="kept for evaluation"):
        _fit_script().main(["--train", str(DATA / "extraction_hard_untouched.csv"), "--no-allowed-sets"])


def test_the_fit_reproduces_the_stored_model():
    """The stored coefficients, window-word weights, thresholds, word band and priors are exactly what the fit command
    gives on the training sets (deterministic; rounded as stored). A change of the rules moves the candidates: refit
    with the command stored in the file's ``fitted``."""
    import yaml

    script = _fit_script()
    stored = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))
    fitted = yaml.safe_load(verifier.data_path(verifier.VERIFIER_FILE).read_text(encoding="utf-8"))["fitted"]
    rows = []
    for name in fitted["sets"]:
        rows += script.read_rows(DATA / name, Path(name).stem)
    for name in fitted["tuned_sets_with_indicator"]:
        rows += script.read_rows(DATA / f"extraction_{name}.csv", name, tuned=True)
    if fitted.get("synth_seed_with_indicator") is not None:
        rows += script.synth_rows(int(fitted["synth_seed_with_indicator"]))
    words, priors = script.words_of(fitted), script.priors_of(fitted)
    model = script.model_of(rows, fitted["ridge"], words, priors=priors)
    assert model == script.model_of(rows, fitted["ridge"], words, priors=priors)   # deterministic
    message = "refit: " + fitted["command"]
    for mine, theirs in ((model.keep, stored.keep), (model.add, stored.add)):
        assert mine[0] == pytest.approx(theirs[0], abs=1e-6), message
        assert mine[1] == pytest.approx(theirs[1], abs=1e-6), message
    for mine, theirs in ((model.keep_words, stored.keep_words), (model.add_words, stored.add_words)):
        assert {w: v for w, v in mine.items() if round(v, 6)} == pytest.approx(theirs, abs=1e-6), message
    t_remove, t_add, _, _ = script.choose_thresholds(rows, fitted["ridge"], fitted["break_cost"], words=words,
                                                     priors=priors, adds=fitted.get("adds", True))
    assert (t_remove, t_add) == (stored.remove_below, stored.add_above), message
    assert (model.word_band, model.keep_told, model.keep_origin) == (stored.word_band, stored.keep_told,
                                                                     stored.keep_origin), message


def test_a_file_without_labels_is_refused(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("id,text\n1,Ik kwam via Belgie naar Nederland.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="corrections.csv: no column route"):
        _fit_script().main(["--train", str(path), "--no-tuned", "--no-allowed-sets"])


# a twin pair: the same journey, a remark after Italy by a barber or by the interpreter; the rules read both alike
WITH_WORD = ("Ik kom uit Syrie. Ik reisde via Turkije en Griekenland naar Italie, zegt de kapper, en daarna naar "
             "Nederland.")
WITHOUT_WORD = WITH_WORD.replace("kapper", "tolk")


def _window(text: str, iso3: str) -> set[str]:
    """The window words the stage reads for ``iso3`` in ``text`` (its mentions pooled): taken from the candidates the
    extractor hands the verifier, so the sentences, turns and places are the extractor's own."""
    with verifier.recording() as recorded:
        extract_route(text)
    (_, found), = recorded
    return set(next(candidate for candidate in found if candidate.iso3 == iso3).words)


def test_window_words_of_a_mention():
    found = _window("De chauffeur kwam uit Turkije met een vrachtwagen van 2019 uit Bulgarije.", "TUR")
    assert {"b=uit", "a=met", "w=chauffeur", "w=kwam", "w=een", "w=vrachtwagen"} <= found
    assert {"w=de", "w=van"} <= found and "w=<num>" not in found   # four words each way, no more
    found = _window("Hij reed via Turkije 2019 naar Bulgarije.", "TUR")
    assert {"a=<num>", "w=naar", "w=<place>"} <= found   # a year and a place are never learnt as words
    assert not {"w=2019", "w=bulgarije"} & found


def test_window_words_never_cross_a_sentence_or_a_turn():
    found = _window("Mijn broer woont daar. Turkije was het eerste land.", "TUR")
    assert not {"w=broer", "w=woont", "w=daar"} & found and "b=daar" not in found
    assert {"a=was", "w=eerste"} <= found
    # a question joined to its answer reads as one sentence for the rules; the window stops at the turn's line
    found = _window("V: Waar woont uw oom?\nA: Turkije en daarna Griekenland.", "TUR")
    assert not {"w=woont", "w=oom", "w=uw"} & found and {"w=a", "w=en", "w=daarna"} <= found


def test_a_word_driven_removal_and_its_twin(stored):
    rules = ("SYR", "TUR", "GRC", "ITA", "NLD")
    stored(_model(enabled=False))
    assert extract_route(WITH_WORD).route == extract_route(WITHOUT_WORD).route == rules
    # Italy (in gold p = logistic(3) = .95 by the rules' signals) goes only when 'kapper' is near it: logistic(3 - 8)
    stored(_model(keep_intercept=3.0, keep_words={"w=kapper": -8.0, "w=zegt": -0.5}))
    removed = extract_route(WITH_WORD)
    assert removed.route == ("SYR", "TUR", "GRC", "NLD")
    assert removed.notes == ("verifier removed ITA: words near it: 'kapper', 'zegt'",)
    kept = extract_route(WITHOUT_WORD)
    assert kept.route == rules and kept.notes == ()


def test_the_review_sheet_names_the_words(stored, tmp_path):
    from routekit.text.review import export_review

    stored(_model(keep_intercept=3.0, keep_words={"w=kapper": -8.0}))
    records, sheet = tmp_path / "records.csv", tmp_path / "review.xlsx"
    pd.DataFrame({"id": ["r1"], "text": [WITH_WORD]}).to_csv(records, index=False)
    assert export_review(records, sheet, below=1.0) == 1
    reasons = pd.read_excel(sheet)["reasons"][0]
    assert "verifier removed ITA: words near it: 'kapper'" in reasons


def test_review_notes_are_not_flags_and_reach_the_review_sheet(monkeypatch, tmp_path):
    """The verifier switched on from a stage file: ``flags`` keep the calibration's codes only, the free-text note
    of the removal is in ``notes``, and the review sheet shows it after the flags' reasons."""
    from routekit.text.calibration import FLAG_TEXTS
    from routekit.text.learned_fit import word_floor
    from routekit.text.review import export_review

    path = tmp_path / "verifier.yaml"
    records, floor_groups = word_floor()
    verifier.write_model(path, _model(keep_intercept=3.0, keep_words={"w=kapper": -8.0}),
                         {"word_floor": {"records": records, "groups": floor_groups}})
    monkeypatch.setattr(verifier, "stored_model", lambda: verifier.read_model(path))
    removed = extract_route(WITH_WORD)
    assert removed.route == ("SYR", "TUR", "GRC", "NLD")
    assert removed.flags and set(removed.flags) <= set(FLAG_TEXTS)
    assert removed.notes == ("verifier removed ITA: words near it: 'kapper'",)
    sheet_in, sheet = tmp_path / "records.csv", tmp_path / "review.xlsx"
    pd.DataFrame({"id": ["r1"], "text": [WITH_WORD]}).to_csv(sheet_in, index=False)
    assert export_review(sheet_in, sheet, below=1.0) == 1
    reasons = pd.read_excel(sheet)["reasons"][0].split("; ")
    assert reasons[-1] == "verifier removed ITA: words near it: 'kapper'"
    assert reasons[:-1] == [FLAG_TEXTS[flag] for flag in removed.flags]


@pytest.mark.parametrize("stacked", [False, True])
def test_the_fit_learns_a_word_that_marks_a_wrong_stop(stacked):
    """Made-up candidates of three sets: a kept country with 'chauffeur' near it is never in the gold route. Both the
    joint and the stacked fit give the word a clearly negative weight and a plain word none of note."""
    script = _fit_script()
    rows = []
    for group in ("s1", "s2", "s3"):
        for n in range(30):
            wrong = n % 3 == 0
            words = frozenset({"w=chauffeur", "w=de"} if wrong else {"w=naar", "w=de"})
            candidate = verifier.Candidate("TUR", True, 10, (0.0,) * N, words)
            gold = ("SYR", "NLD") if wrong else ("SYR", "TUR", "NLD")
            rows.append(script.Row(group, ("SYR", "TUR", "NLD"), [candidate], gold, ("SYR", "TUR", "NLD"),
                                   record=f"{group}-{n}"))   # distinct records: the vocabulary's floor counts them
    model = script.model_of(rows, 3.0, script.Words(3.0, stacked=stacked))
    assert model.keep_words["w=chauffeur"] < -0.5 < model.keep_words["w=naar"]
    assert abs(model.keep_words["w=de"]) < abs(model.keep_words["w=chauffeur"])
    assert model == script.model_of(rows, 3.0, script.Words(3.0, stacked=stacked))   # deterministic


# a demo-style origin told alone ("Afkomstig uit Iran."): the journey names no other start
DEMO_ORIGIN = "Afkomstig uit Iran. Via Dubai naar Nederland. Het laatste deel met het vliegtuig."


def test_a_demo_style_origin_told_alone_is_kept(stored):
    """The training writers' nationalities stated alone taught the regression to doubt such an origin; the prior
    ``keep_origin`` keeps the route's first country told as a home when no other country is told as a start."""
    assert extract_route(DEMO_ORIGIN).route == ("IRN", "ARE", "NLD")
    doubting = _model(keep_intercept=5.0, keep_weights={"route_first": -10.0})   # p(IRN) = logistic(-5)
    stored(doubting)
    assert extract_route(DEMO_ORIGIN).route == ("ARE", "NLD")   # without the prior the origin goes
    stored(doubting._replace(keep_origin=True))
    assert extract_route(DEMO_ORIGIN).route == ("IRN", "ARE", "NLD")
    # another country told as a start (a residence): the first country is no longer the only origin told, and the
    # regression decides
    def origin(other_start):
        values = [0.0] * N
        for name in ("route_first", "home") + (("other_start",) if other_start else ()):
            values[verifier.FEATURE_NAMES.index(name)] = 1.0
        return verifier.Candidate("AFG", True, 0, tuple(values))
    rest = [verifier.Candidate("IRN", True, 30, (0.0,) * N), verifier.Candidate("TUR", True, 60, (0.0,) * N)]
    prior = doubting._replace(keep_origin=True)
    assert verifier.decide(["AFG", "IRN", "TUR", "NLD"], [origin(False), *rest], prior)[0][0] == "AFG"
    assert verifier.decide(["AFG", "IRN", "TUR", "NLD"], [origin(True), *rest], prior)[0][0] == "IRN"
    # and the stored model, switched on, keeps it too
    stored(verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))._replace(enabled=True))
    assert extract_route(DEMO_ORIGIN).route == ("IRN", "ARE", "NLD")


def test_a_told_mode_keeps_a_country(stored):
    doubting = _model(keep_intercept=5.0, keep_weights={"route_last": -10.0})   # Italy, last abroad, goes
    stored(doubting)
    told = ("Ik kom uit Syrie. Ik reisde via Turkije en Griekenland en met de trein naar Italie en daarna naar "
            "Nederland.")
    assert "ITA" not in extract_route(told).route
    stored(doubting._replace(keep_told=True))
    assert "ITA" in extract_route(told).route   # the rules found how the person reached Italy


def test_the_end_of_a_route_written_abroad_is_kept(stored):
    """A debriefing at Lampedusa: the rules end the route in Italy, where the person is; the training records, nearly
    all ending in the Netherlands, cannot teach the stage to judge that end (``keep_end``)."""
    text = ("Debriefing note, Lampedusa hotspot: the man said he left Mali in 2024 and travelled through Niger to "
            "Libya. He departed from Zuwara by boat.")
    assert extract_route(text).route == ("MLI", "NER", "LBY", "ITA")
    doubting = _model(keep_intercept=5.0, keep_weights={"route_last": -10.0}, add=1.0)
    stored(doubting)
    assert extract_route(text).route == ("MLI", "NER", "LBY")
    stored(doubting._replace(keep_end=True))
    assert extract_route(text).route == ("MLI", "NER", "LBY", "ITA")
    stored(doubting._replace(keep_end=True))
    assert extract_route(TEXT).route == ("SYR", "TUR", "GRC", "NLD")   # a route ending in NLD: its last stop may go


# hand-made records for the short cut: origins told and not, residences, denials, relatives, intentions, a document,
# via lists, flights, a transcript, places only, the Netherlands named first, countries named twice
SHORT_CUT_TEXTS = (
    TEXT, WITH_WORD, DEMO_ORIGIN,
    "Afkomstig uit Afghanistan. Ik woonde in Iran. Via Turkije naar Nederland.",
    "Betrokkene is geboren in Eritrea en woonde in Soedan. Via Libie en Italie kwam hij naar Nederland.",
    "Ik ben nooit in Griekenland geweest. Ik ging van Turkije naar Bulgarije en Servie en toen naar Nederland.",
    "Mijn broer woont in Duitsland. Ik kwam via Oostenrijk en Duitsland met de bus naar Nederland.",
    "I flew from Lagos to Istanbul and then to Amsterdam. My passport was issued in Ghana.",
    "V: Waar bent u geboren?\nA: In Syrie.\nV: Hoe kwam u hier?\nA: Via Libanon en Turkije, daarna Griekenland.",
    "In Nederland aangekomen via Belgie. Daarvoor was ik in Frankrijk en Spanje. Ik kom uit Marokko.",
    "We reached Lesbos by boat from Izmir. Then Athens, Skopje, Belgrade and Vienna, then by train to Utrecht.",
    "De chauffeur had een Pools kenteken. Hij reed ons van Hongarije via Oostenrijk en Duitsland naar Venlo.",
    "He wants to go to England. He left Iraq, crossed Turkey and Greece, and Italy twice, and came to the Netherlands.",
    "Ik wilde naar Zweden. Via Turkije, Griekenland en Albanie kwam ik in Italie. Vanuit Italie naar Nederland.",
    "Debriefing Lampedusa: he left Mali, travelled through Niger and Algeria to Libya and departed by boat.",
)


@pytest.mark.parametrize("band, keep_told, keep_origin", [(math.inf, False, False), (1.0, True, True),
                                                           (0.0, False, True), (3.0, True, False)])
@pytest.mark.parametrize("keep_end", [False, True])
def test_the_short_cut_decides_as_the_full_path(band, keep_told, keep_origin, keep_end):
    """``review``'s short cut (bits per mention, a sparse score, words read only within the band) gives the route,
    flips and lowest p that ``decide`` gives over every candidate's full features and words - on hand-made records,
    with the stored weights and with weights that put many countries near the cut."""
    inputs = verifier_hook_inputs(SHORT_CUT_TEXTS)
    assert len(inputs) == len(SHORT_CUT_TEXTS)
    stored_model = verifier.read_model(verifier.data_path(verifier.VERIFIER_FILE))
    spread = tuple(((-1) ** n) * (0.3 + 0.1 * (n % 7)) for n in range(N))   # every feature weighs, both signs
    words = {"w=broer": -1.5, "w=via": 0.8, "b=uit": -0.7, "w=nooit": -2.0, "a=en": 0.4, "w=kenteken": -1.2}
    models = [stored_model, verifier.Model(True, (0.5, spread), (0.0, (0.0,) * N), 0.45, 1.0, words)]
    changed = 0
    for model in models:
        model = model._replace(enabled=True, gate=None, word_band=band, keep_told=keep_told,   # ungated: every record
                               keep_origin=keep_origin, keep_end=keep_end)
        for route, states, mode_of, dialogue, genre, language, length, words_of in inputs:
            found = verifier.candidates(states, route, mode_of, dialogue, genre, language, length, words=words_of())
            full, full_flips, full_lowest = verifier.decide(list(route), found, model)
            with verifier.using(model):
                short, signal, _ = verifier.review(list(route), states, mode_of, dialogue, genre, language, length,
                                                   words_of)
            if len(route) <= 2:
                assert short == list(route)
                continue
            assert short == full
            assert signal["verifier_flips"] == full_flips
            assert signal["verifier_doubt"] == pytest.approx(1.0 - full_lowest, abs=1e-9)
            changed += short != list(route)
    assert changed >= 3   # the weights do remove countries: the comparison is not of two unchanged routes


def test_the_short_cut_reads_no_word_beyond_the_band(stored):
    """A country whose score without words lies more than the band above the cut has its words never read: the
    extractor's lazy word builder is not called at all."""
    (route, states, mode_of, dialogue, genre, language, length, words_of), = verifier_hook_inputs([TEXT])
    calls = []

    def counting():
        calls.append(1)
        return words_of()
    certain = _model(keep_intercept=4.0, keep_words={"w=via": -0.5}, remove=0.2, add=1.0)._replace(word_band=1.0)
    with verifier.using(certain):   # every country at logistic(4): far above the cut of logit(0.2) + 1
        verifier.review(list(route), states, mode_of, dialogue, genre, language, length, counting)
    assert calls == []
    with verifier.using(certain._replace(word_band=math.inf)):
        verifier.review(list(route), states, mode_of, dialogue, genre, language, length, counting)
    assert calls == [1]   # built once per text, however many countries read it


def test_an_article_belongs_to_the_name_not_to_the_window():
    """'the' before a country named with its article is part of the name ("via the United Arab Emirates"), and an
    article before another place in the window is that place's: read as words, they took the weight the training
    writers' 'the Turkish driver' gave 'the' and removed the demo's 'Via the United Arab Emirates' stops."""
    found = _window("Via the United Arab Emirates I got to Schiphol. I come from Pakistan.", "ARE")
    assert "b=via" in found and not {"b=the", "w=the"} & found
    found = _window("Ik reisde naar de Verenigde Staten en toen naar Nederland.", "USA")
    assert "b=naar" in found and not {"b=de", "w=de"} & found
    found = _window("We walked from Iran to the Turkish border and then to Greece.", "IRN")
    assert {"b=from", "a=to", "w=<place>"} <= found and "w=the" not in found
    # an article before an ordinary word stays a word
    found = _window("De chauffeur kwam uit Turkije met een vrachtwagen van 2019 uit Bulgarije.", "TUR")
    assert "w=de" in found


def test_only_training_records_count_for_the_word_floor():
    """The privacy floor counts the records of training groups only: a tuned set's or demo texts' records (group
    None) neither make up the K records nor a group (a review finding: K - 1 training records and one tuned record
    taught a word)."""
    from routekit.disclosure.rule import DEFAULT_K
    from routekit.text.learned_fit import word_floor, word_vocabulary

    k = DEFAULT_K
    training = [(f"r{i}", f"train{1 + i % 2}", {"w=gestopt"}) for i in range(k - 1)]
    tuned = [("t0", None, {"w=gestopt"})]
    assert word_vocabulary(training + tuned, word_floor()) == []
    assert word_vocabulary(training + [("r-last", "train1", {"w=gestopt"})], word_floor()) == ["w=gestopt"]
    script = _fit_script()
    candidate = verifier.Candidate("TUR", True, 10, (0.0,) * N, frozenset({"w=gestopt"}))
    rows = [script.Row(group, RULES, [candidate], RULES, RULES, record=key) for key, group, _ in training]
    rows += [script.Row("hard_dev", RULES, [candidate], RULES, RULES, tuned=True, record=f"t{i}") for i in range(k)]
    assert script.vocabulary(rows, True, script.Words()) == []


def _reference_window(text: str, iso3: str) -> set[str]:
    """The window words read the plain way, for the fast reader's test: every place token blanked up front, every
    sentence and turn start in one sorted list, then the mention's slice (``context_words`` before round 9, with the
    articles rule)."""
    from bisect import bisect_left, bisect_right

    from routekit.text.context_words import ARTICLES, PLACE, blanked
    import routekit.text.extraction as extraction

    seen = []
    real = extraction.shared_record_words

    def spy(starts, words, mentions, sentence_starts, unjoined=None):
        seen.append((starts, words, list(mentions), sentence_starts, unjoined))
        return real(starts, words, seen[-1][2], sentence_starts, unjoined)
    extraction.shared_record_words = spy
    try:
        with verifier.recording():
            extract_route(text)
    finally:
        extraction.shared_record_words = real
    (starts, words, mentions, sentence_starts, unjoined), = seen
    places = set()
    for m in mentions:
        places.update(range(bisect_left(starts, m.start), bisect_left(starts, m.end)))
    bounds = sorted([*sentence_starts, *(i + 1 for i, c in enumerate(unjoined or "") if c == "\n")])
    found: set[str] = set()
    for m in (m for m in mentions if m.place.iso3 == iso3):
        at = bisect_right(bounds, m.start)
        low = bisect_left(starts, bounds[at - 1]) if at else 0
        high = bisect_left(starts, bounds[at]) if at < len(bounds) else len(starts)
        first, after = bisect_left(starts, m.start), bisect_left(starts, m.end)
        if first > low and words[first - 1] in ARTICLES:
            first -= 1
        sides = []
        for side in (blanked(words, places, max(low, first - 4), first),
                     blanked(words, places, after, min(high, after + 4))):
            sides.append([w for w, nxt in zip(side, side[1:] + [""]) if not (nxt == PLACE and w in ARTICLES)])
        before, following = sides
        found.update({f"b={before[-1]}"} if before else set())
        found.update({f"a={following[0]}"} if following else set())
        found.update(f"w={w}" for w in before + following)
    return found


@pytest.mark.parametrize("text, iso3", [
    ("V: Waar woont uw oom?\nA: Turkije en daarna Griekenland.\nV: En toen?\nA: De Turkse grens over naar Bulgarije.",
     "TUR"),
    ("Gehoor\nNaam: X\nA: In januari verliet ik Somalie. Ik ben daarna in de Verenigde Arabische Emiraten aangekomen. "
     "Vervolgens per vliegtuig naar Nederland.", "ARE"),
    ("We walked from Iran to the Turkish border, over the border to Van and Istanbul, then to the Netherlands.", "TUR"),
    ("Hij reed via Turkije 2019 naar Bulgarije, kenteken 12-ab-34, en daarna via Servie en Hongarije.", "SRB"),
    ("Vanuit Kabul naar Teheran in Iran. Daarna Iran uit, naar Turkije.\nA: ja, Iran.", "IRN"),
])
def test_the_lazy_window_reads_as_the_whole_text_reading(text, iso3):
    """The window reader finds its own sentence, turn and places per mention (no per-text table of every place
    token and every line start): it reads the same words as the plain whole-text reading on hand-made records with
    turns, multi-word places, articles and numbers."""
    assert _window(text, iso3) == _reference_window(text, iso3) != set()


def test_the_lazy_window_keeps_turns_places_and_articles_apart():
    """The window reader on a text built by hand, every token taken as a mention in turn: lines that no sentence start
    marks still bound a window (a turn), places nested in others or spanning words read ``<place>``, an article
    before a place is the place's - as in the plain whole-text reading (every place token and line start listed
    first)."""
    from bisect import bisect_left, bisect_right

    from routekit.text.context_words import ARTICLES, PLACE, blanked, mention_words, record_words

    text = ("a: ik ging naar de verenigde staten van amerika en toen\nv: en daarna het oude land 12ab\n"
            "a: via the turkse grens over naar bulgarije in kl0714 en de rest")
    words, starts = space_tokens(text)
    spans = [(text.index("verenigde"), text.index(" en toen")), (text.index("staten"), text.index(" van")),
             (text.index("turkse"), text.index(" over")), (text.index("bulgarije"), text.index(" in kl"))]
    record = record_words(starts, words, spans, [0], text)
    places = set()
    for start, end in spans:
        places.update(range(bisect_left(starts, start), bisect_left(starts, end)))
    bounds = sorted([0, *(i + 1 for i, c in enumerate(text) if c == "\n")])
    assert record.places == places and record.bounds == bounds   # the whole-text tables, made on first use
    for index, start in enumerate(starts):
        end = start + len(words[index])
        at = bisect_right(bounds, start)
        low = bisect_left(starts, bounds[at - 1]) if at else 0
        high = bisect_left(starts, bounds[at]) if at < len(bounds) else len(starts)
        first = index - 1 if index > low and words[index - 1] in ARTICLES else index
        sides = [[w for w, nxt in zip(side, side[1:] + [""]) if not (nxt == PLACE and w in ARTICLES)]
                 for side in (blanked(words, places, max(low, first - 4), first),
                              blanked(words, places, index + 1, min(high, index + 1 + 4)))]
        expected = {f"w={w}" for w in sides[0] + sides[1]}
        expected |= ({f"b={sides[0][-1]}"} if sides[0] else set()) | ({f"a={sides[1][0]}"} if sides[1] else set())
        found: set[str] = set()
        mention_words(record, start, end, found)
        assert found == expected, words[index]
