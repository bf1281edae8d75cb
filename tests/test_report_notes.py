"""Estimate notes in the report's language."""

from routekit.report.notes import note_in, untranslated


def test_fragments_are_translated_with_their_values_and_dutch_names():
    note = ("2 independent kinds of source overlap (border_observation, self_reported); "
            "kmar-police dependence cannot be estimated from two lists: odds ratio taken as 1, "
            "95% range 0.333-3 carried in the interval; not estimable in 2025-10, 2025-11")
    dutch = note_in(note, "nl")
    assert dutch == ("2 onafhankelijke soorten bronnen overlappen (grenswaarneming, eigen verklaring); "
                     "de samenhang tussen KMar en politie is uit twee lijsten niet te schatten: odds ratio "
                     "aangenomen als 1, een bereik van 0.333 tot 3 (95%) zit in het interval; "
                     "niet te schatten in 2025-10, 2025-11")
    assert untranslated(note) == []


def test_unknown_fragments_stay_as_written_and_english_is_untouched():
    note = "too few persons seen by two or more sources outside ind (1 < 3): without overlap the " \
           "unseen part cannot be estimated; a brand-new remark"
    dutch = note_in(note, "nl")
    assert dutch.startswith("te weinig personen door twee of meer bronnen gezien buiten IND (1 < 3)")
    assert dutch.endswith("; a brand-new remark")
    assert untranslated(note) == ["a brand-new remark"]
    assert note_in(note, "en") == note
    assert note_in(float("nan"), "nl") == ""


def test_the_demo_builds_notes_on_unstable_and_unbounded_estimates_read_in_dutch():
    """Fragments the estimate stage writes for the small demo (every corridor not estimable)."""
    note = ("estimate unstable: in 7% of bootstrap replicates no model could bound this stratum's unseen (too few "
            "persons in the overlaps), so the data give no upper bound; no upper bound: the estimate runs past 50 "
            "times the persons seen (too few persons in the overlaps of this stratum's group); all sources in the "
            "estimate are of one kind (self_reported)")
    assert untranslated(note) == []
    dutch = note_in(note, "nl")
    assert dutch.startswith("schatting instabiel: in 7% van de bootstrap-herhalingen kon geen model")
    assert "meer dan 50 keer" in dutch and "(eigen verklaring)" in dutch
