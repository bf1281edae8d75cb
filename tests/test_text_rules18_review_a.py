"""Round 18 review mends (a): the separate-report rule, a number after 'hierna te noemen', 'verbeterde' (improved)
and a correction of the last place of a list. Invented sentences."""

from __future__ import annotations

from learned_helpers import rules_only
from routekit.text.document import drop_self_corrected, drop_told_corrected
from routekit.text.extraction import extract_route
from routekit.text.normalise import fold
from routekit.text.subject import _lexicon, _numbered_after_name, subject_sentences


def _rules_route(text: str) -> tuple[str, ...]:
    with rules_only():
        return tuple(extract_route(text).route)


def test_a_relative_heard_separately_keeps_the_subjects_clause():
    # item 1: "zijn vrouw werd afzonderlijk gehoord" is interview procedure, not a report of its own
    text = ("Dit pv betreft betrokkene. Hij verklaarde dat hij uit Syrie kwam en via Turkije, Griekenland, Italie en "
            "Frankrijk naar Nederland reisde; zijn vrouw werd afzonderlijk gehoord. Hij kwam per trein.")
    assert "Griekenland" in subject_sentences(text)
    route = _rules_route(text)
    assert "GRC" in route and "ITA" in route


def test_a_named_person_in_the_separate_report_clause_keeps_the_clause_before():
    # item 1: the report clause names another person (his brother): the clause before stays the subject's
    text = ("Dit pv betreft betrokkene. Hij verklaarde dat hij via Libie en Italie naar Nederland reisde; van zijn "
            "broer wordt een afzonderlijk pv opgemaakt.")
    assert "Libie" in subject_sentences(text)


def test_a_report_clause_naming_no_person_still_drops_the_clause_before():
    text = ("Dit pv betreft betrokkene. Verder werd gesproken met een passagier. Hij verklaarde via Spanje te zijn "
            "gereisd; zie afzonderlijk pv.")
    assert "Spanje" not in subject_sentences(text)


def test_numbers_that_include_the_subject_keep_the_statement():
    # item 2
    text = ("Dit pv betreft betrokkene 1. Betrokkene 1 en betrokkene 2 werden afzonderlijk gehoord; zij verklaarden "
            "dat zij uit Eritrea kwamen en via Soedan, Libie en Italie naar Nederland waren gereisd.")
    assert "Soedan" in subject_sentences(text)
    text = ("Dit pv betreft betrokkene 1. Van betrokkene 1 en betrokkene 2 worden afzonderlijke pv's opgemaakt; zij "
            "verklaarden via Libie en Italie te zijn gereisd.")
    assert "Libie" in subject_sentences(text)
    # another numbered person's report of its own: that clause still goes
    text = ("Dit pv betreft betrokkene 1. Van betrokkene 2 wordt afzonderlijk pv opgemaakt; hij verklaarde via "
            "Spanje te zijn gereisd. Betrokkene 1 verklaarde via Italie te zijn gereisd.")
    assert "Spanje" not in subject_sentences(text) and "Italie" in subject_sentences(text)


def test_hierna_te_noemen_gives_the_subjects_number():
    # item 3: "noemen betr. 2" is not "and betr. 2"
    statement = fold("dit pv betreft hamid a., hierna te noemen betrokkene 2, aangetroffen in de trein")
    declared = _lexicon().declaration.search(statement)
    person = _numbered_after_name(statement, declared.end(), _lexicon())
    assert person is not None and person.numbers == (2,)
    statement = fold("dit pv betreft hamid a., samen met betrokkene 2 aangetroffen in de trein")
    assert _numbered_after_name(statement, _lexicon().declaration.search(statement).end(), _lexicon()) is None


def test_verbeterde_improved_is_no_correction():
    # item 5
    text = "In Griekenland verbeterde zijn situatie niet: hij reisde door naar Duitsland."
    assert "Griekenland" in drop_told_corrected(text)
    text = "Zijn situatie verbetert in Turkije niet: daarom ging hij naar Bulgarije."
    assert "Turkije" in drop_told_corrected(text)
    text = "Hij vertelde eerst dat hij via Kenia reisde, maar corrigeerde dat later: hij ging via Ethiopie."
    assert "Kenia" not in drop_told_corrected(text)


def test_a_no_after_a_question_mark_takes_back_only_the_last_place():
    # item 6
    text = "Ik reisde via Iran, Turkije en Bulgarije? Nee, Griekenland bedoel ik."
    kept = drop_self_corrected(text)
    assert "Iran" in kept and "Turkije" in kept and "Bulgarije" not in kept
    # the officer's "? - corrected:" form doubts the whole list
    text = "Subject stated: via Tunisia and Libya? - corrected: from Egypt by boat to Italy."
    kept = drop_self_corrected(text)
    assert "Tunisia" not in kept and "Libya" not in kept


def test_heard_apart_drops_only_a_numbered_other_persons_next_clause():
    # item 1, narrowed: interview procedure drops the pronoun clause after a numbered other person, nothing before
    text = ("Dit pv betreft betrokkene 1. Betrokkene 1 verklaarde via Italie te zijn gereisd. Betrokkene 2 werd apart "
            "gehoord; hij verklaarde via Spanje te zijn gereisd.")
    kept = subject_sentences(text)
    assert "Italie" in kept and "Spanje" not in kept
    text = ("Dit pv betreft betrokkene. Hij verklaarde via Libie en Italie naar Nederland te zijn gereisd; zijn broer "
            "werd apart verhoord.")
    assert "Libie" in subject_sentences(text)
