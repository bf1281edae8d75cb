"""One list of negation words for the document layer (document.yaml ``negation_words``): the speaker's self-correction
(document.py), the dialogue's doubts and denials (dialogue.py) and the letters' denials (letters.py) read every word of
it, so adding a word there reaches all of them."""

import pytest

from routekit.text import dialogue, letters
from routekit.text.document import cues, drop_self_corrected

_WORDS = cues()["negation_words"]


@pytest.mark.parametrize("no", _WORDS["no"])
def test_every_no_word_takes_a_place_back(no):
    text = f"Toen naar Bulgaristan - {no}, ik bedoel eerst naar Makedonya."
    assert "Bulgaristan" not in drop_self_corrected(text)
    assert dialogue._negations().self_doubt.match(f"In Kosice? {no}, in Kyiv") is not None


@pytest.mark.parametrize("negation", _WORDS["not"])
def test_every_not_word_denies_in_answers_and_letters(negation):
    folded = f"a: {negation} montenegro, ik kwam uit frankrijk"
    assert dialogue._negated(folded, folded.index("montenegro"))
    assert letters._cues().negation_before.search(f"he has {negation} been in ") is not None
    assert letters._cues().claim_rejected.search(f"he did {negation}.") is not None


@pytest.mark.parametrize("negation", _WORDS["before_a_country"])
def test_neither_nor_deny_the_country_after_them_in_letters(negation):
    assert letters._cues().negation_before.search(f"he was {negation} in ") is not None


def test_a_document_yaml_without_negation_words_is_a_clear_error(tmp_path, monkeypatch):
    import yaml

    from routekit.errors import InputError
    from routekit.text import document

    data = yaml.safe_load(document.data_path("document.yaml").read_text(encoding="utf-8"))
    del data["negation_words"]
    path = tmp_path / "document.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(document, "data_path", lambda name: path)
    document.cues.cache_clear()
    try:
        with pytest.raises(InputError, match="negation_words"):
            document.cues()
    finally:
        document.cues.cache_clear()
