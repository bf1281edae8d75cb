"""A letter's quoted terms are read with normalise's quote marks, guillemets and low quotes too ("«Albania» should
read «Montenegro»", "staat „Ethiopië”; dit moet zijn „Eritrea”"), as with straight quotes."""

import pytest

from routekit.text.extraction import extract_route

_REPLACED = ("Re: corrections to the interview report of my client. On page 4, {0}Albania{1} should read "
             "{0}Montenegro{1}: from Greece he walked into Montenegro and then to Bosnia, Croatia and Slovenia. From "
             "there he came to the Netherlands by train.")
_WRONG_TERM = ("Correcties namens cliënt op het verslag. {0}Malta{1} is een vertaalfout. Cliënt is vanuit Libië per "
               "boot naar Lampedusa gereisd. Daarna ging hij met de trein naar Frankrijk en Nederland.")


@pytest.mark.parametrize("marks", [("'", "'"), ("«", "»"), ("„", "”"), ("“", "”")])
def test_a_replaced_term_between_any_quote_marks(marks):
    assert "-".join(extract_route(_REPLACED.format(*marks)).route) == "GRC-MNE-BIH-HRV-SVN-NLD"


@pytest.mark.parametrize("marks", [("'", "'"), ("«", "»"), ("„", "”")])
def test_a_wrong_term_between_any_quote_marks(marks):
    assert "MLT" not in extract_route(_WRONG_TERM.format(*marks)).route
